import type { Token } from 'markdown-it';
import type { FrontMatter } from './front-matter.js';
import type { LineIndex, Range } from './lines.js';

/** Heading texts from the outermost section down to the one that holds a node. */
export type SectionPath = readonly string[];

export interface Heading {
  /** Plain text, inline markup removed (`**Step 1**: Go` → `Step 1: Go`). */
  text: string;
  /** The heading's inline Markdown as written. */
  raw: string;
  level: number;
  /** `#` headings are ATX, underlined ones are setext. */
  setext: boolean;
  /** Written as an HTML element (`<h1>…</h1>`, a title only): no Markdown marks to rewrite. */
  html?: true;
  /** GitHub-style anchor (`#data-flow`), de-duplicated within the file (`-1`, `-2`). */
  id: string;
  range: Range;
}

export interface Section {
  heading: Heading;
  level: number;
  title: string;
  path: SectionPath;
  /** Content that belongs to this section itself, before its first sub-section. */
  blocks: Block[];
  children: Section[];
  /** From the heading to the last line before the next heading of the same or a higher level. */
  range: Range;
}

export interface Link {
  /** Destination as written (percent-decoding undone), e.g. `../saga/README.md#cleanup`. */
  url: string;
  text: string;
  title?: string;
  /** `autolink` for `<https://…>` and bare URLs, `html` for `<a href>` in raw HTML. */
  kind: 'link' | 'autolink' | 'html';
  range: Range;
  sectionPath: SectionPath;
  /**
   * A reference-style link (`[text][label]`, `[label]`): where its destination
   * is written, the definition line `[label]: …` (one definition, many uses).
   */
  definition?: Range;
}

export interface Image {
  src: string;
  alt: string;
  title?: string;
  kind: 'image' | 'html';
  range: Range;
  sectionPath: SectionPath;
}

export interface CodeBlock {
  /** First word of the info string, lower-cased (`bash`), or `''`. */
  lang: string;
  /** The whole info string (`bash {timeout=60}`). */
  info: string;
  /** The info string after the language (`{timeout=60}`). */
  meta: string;
  content: string;
  fenced: boolean;
  /** False for a fence that runs to the end of its container without a closing fence. */
  closed: boolean;
  range: Range;
  sectionPath: SectionPath;
}

export interface TableRow {
  /** Each cell's text (inline markup read: no backticks, no link targets). */
  cells: string[];
  /** Each cell as written in Markdown (`\`[READ]\``, `[x](y)`): where code and links are still told apart. */
  raw: string[];
  line: number;
}

export interface Table {
  header: string[];
  rows: TableRow[];
  range: Range;
  sectionPath: SectionPath;
}

export interface TaskItem {
  text: string;
  checked: boolean;
  range: Range;
  sectionPath: SectionPath;
}

export interface ListItem {
  /** Text of the item's first paragraph, without a task-list marker. */
  text: string;
  /** Inline Markdown of the first paragraph as written, without a task-list marker. */
  raw: string;
  task?: { checked: boolean };
  blocks: Block[];
  range: Range;
}

export type Block =
  | { kind: 'paragraph'; text: string; raw: string; range: Range }
  | { kind: 'list'; ordered: boolean; items: ListItem[]; range: Range }
  | { kind: 'blockquote'; text: string; blocks: Block[]; range: Range }
  | { kind: 'code'; code: CodeBlock; range: Range }
  | { kind: 'table'; table: Table; range: Range }
  | { kind: 'html'; html: string; range: Range }
  | { kind: 'hr'; range: Range }
  /** A footnote's definition (`[^label]: …`), where the author wrote it; its text is its blocks'. */
  | { kind: 'footnote'; label: string; text: string; blocks: Block[]; range: Range };

export interface MarkdownDocument {
  /** Decoded text, byte-order mark removed; offsets and positions refer to it. */
  source: string;
  lines: LineIndex;
  hadBom: boolean;
  lineEnding: '\n' | '\r\n' | '\r';
  frontMatter?: FrontMatter;
  /** The document's H1 when it is the first heading. */
  title?: Heading;
  /** Content between the title (or the top of the file) and the first section. */
  preamble: Block[];
  sections: Section[];
  /** Every heading in order, the title included. */
  headings: Heading[];
  links: Link[];
  images: Image[];
  codeBlocks: CodeBlock[];
  tables: Table[];
  taskItems: TaskItem[];
  /** markdown-it tokens, kept only when asked for (the site renderer reuses them). */
  tokens?: Token[];
}
