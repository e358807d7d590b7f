import type { Token } from 'markdown-it';
import { parseFrontMatter, type FrontMatterError } from './front-matter.js';
import { decodeCommonEntities, decodeDestination, figureShortcode, HEADING_ID, inlineText, normalizeSpace } from './inline.js';
import { LineIndex, type Range } from './lines.js';
import { tokenize } from './parser.js';
import { SlugCounter } from './slug.js';
import type { Block, CodeBlock, Heading, Image, Link, ListItem, MarkdownDocument, Section, SectionPath, Table, TaskItem } from './types.js';

export interface ParseOptions {
  /** Keep markdown-it's tokens on the document (for renderers); off by default to save memory. */
  keepTokens?: boolean;
  /**
   * Whether an H1 that opens the document is a section rather than the title
   * (`# Summary` where the template's sections are `# Summary`, `# Motivation`…,
   * or where the template has `## Summary`): it then opens the section tree
   * and the document has no title. By default the first heading, when an H1,
   * is the title.
   */
  sectionHeading?: (text: string) => boolean;
  /**
   * The deepest level the title heading may have (default 1): 2 where the
   * template's title is an H2 (`Title` underlined with `---`). The first
   * heading, at this level or above and not a section (`sectionHeading`), is
   * then the title.
   */
  titleLevel?: number;
  /** The 1-based line of the heading that is the title, where the reader of the catalog knows it (see `load-pattern`). */
  titleLine?: number;
}

export type ParseResult = { ok: true; document: MarkdownDocument } | { ok: false; error: FrontMatterError };

/** A markdown-it token with its nested tokens, built once from the flat stream. */
interface Node {
  token: Token;
  children: Node[];
}

const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/** What opens an item of a task list on its line, up to its text (`- [ ] `, `* [x] `, in a quote too): its box's mark in group 1. */
export const TASK_ITEM_OPENING = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]+\[([ xX])\][ \t]+/;

/**
 * Parses one Markdown file into the document model: front matter, title,
 * section tree, and every link, image, code block, table and task item with
 * its position and the section that holds it.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): ParseResult {
  const hadBom = text.charCodeAt(0) === 0xfeff;
  const source = hadBom ? text.slice(1) : text;
  const lines = new LineIndex(source);

  const fm = parseFrontMatter(source);
  if (fm.kind === 'error') return { ok: false, error: fm.error };

  const tokens = tokenize(source, fm.kind === 'ok' ? fm.frontMatter.endLine : 0);
  const tree = toTree(tokens);
  const builder = new DocumentBuilder(
    source,
    lines,
    options.sectionHeading,
    options.titleLevel ?? 1,
    options.titleLine ??
      (fm.kind === 'ok' ? titleBelowNotice(tree, fm.frontMatter.data.title) : undefined) ??
      titleBelowNoticeHeading(tree, options.sectionHeading) ??
      ((options.titleLevel ?? 1) === 1 ? (titleAfterNoteHeadings(tree, options.sectionHeading) ?? titleAboveHigherRank(tree, options.sectionHeading)) : undefined),
  );
  builder.build(tree);

  const document: MarkdownDocument = {
    source,
    lines,
    hadBom,
    lineEnding: detectLineEnding(source),
    ...(fm.kind === 'ok' ? { frontMatter: fm.frontMatter } : {}),
    ...(builder.title ? { title: builder.title } : {}),
    preamble: builder.preamble,
    sections: builder.sections,
    headings: builder.headings,
    links: builder.links,
    images: builder.images,
    codeBlocks: builder.codeBlocks,
    tables: builder.tables,
    taskItems: builder.taskItems,
    ...(options.keepTokens ? { tokens } : {}),
  };
  return { ok: true, document };
}

/**
 * A fenced code block that is never closed and holds the rest of the file (no
 * heading comes after its start): the last such, since a fence closed only by
 * the end of its list item can be followed by the one that runs away.
 */
export function runawayFence(doc: MarkdownDocument): CodeBlock | undefined {
  const lastHeading = doc.headings.at(-1)?.range.start.offset ?? -1;
  for (let i = doc.codeBlocks.length - 1; i >= 0; i--) {
    const c = doc.codeBlocks[i]!;
    if (c.range.start.offset < lastHeading) return undefined;
    if (c.fenced && !c.closed) return c;
  }
  return undefined;
}

/** The text of the ATX headings written in a code block's lines (`## Design` swallowed by a fence left open). */
export function headingsInCode(code: CodeBlock): string[] {
  return [...code.content.matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gm)].map((m) => m[1]!);
}

/**
 * The first block after the title (or at the top when there is none), and
 * after a list of fields under it (`* **Owner:** @ada`): where a template puts
 * its summary blockquote. Content above the title, such as a badge line, is
 * not it.
 */
export function leadBlock(doc: MarkdownDocument): Block | undefined {
  const titleEnd = doc.title?.range.end.line ?? 0;
  // (Not a comment for the author between them, `<!--Alternate names: …-->`: nothing a reader sees.)
  const hidden = (b: Block) => b.kind === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(b.html);
  const at = doc.preamble.findIndex((b) => b.range.start.line > titleEnd && !hidden(b));
  const first = doc.preamble[at];
  const next = doc.preamble[at + 1];
  const lead = first && next && isFieldList(first) ? next : first;
  // (Or a blockquote past a header written more loosely — `* **Owners**` with the names nested under
  // it, `* **Status**: Draft`, a sentence between the lists — a few short blocks, lists among them.)
  if (at >= 0 && lead?.kind !== 'blockquote') {
    // (Blocks after a field left empty, `* **Links:**`, up to the next field, are that field's value
    // written loose, however long — paragraphs and lists of links: they count as none of the header's.)
    let fields = 0;
    let open = false;
    let lists = false;
    for (const b of doc.preamble.slice(at)) {
      if (b.kind === 'blockquote') return lists && fields > 0 ? b : lead;
      const field = b.kind === 'list' && isFieldList(b);
      if (field || (!open && isHeaderBlock(b))) {
        if (++fields > MAX_HEADER_BLOCKS) break;
        lists ||= b.kind === 'list';
        open = emptyFieldLast(b);
      } else if (!open || (b.kind !== 'paragraph' && b.kind !== 'list')) break;
    }
  }
  return lead;
}

/** A list whose last item is a field with no value on its line (`* **Links:**`). */
function emptyFieldLast(block: Block): boolean {
  return block.kind === 'list' && /^[^:\n]{1,40}:\s*$/.test(block.items.at(-1)?.text ?? '');
}

/** Blocks of a header a summary blockquote may follow. */
const MAX_HEADER_BLOCKS = 4;

/** A block of a document's header: a list of short items (fields, names), or a short line of text. */
function isHeaderBlock(block: Block): boolean {
  const short = (text: string) => text.split(/\s+/).length <= 12;
  if (block.kind === 'list') return block.items.length > 0 && block.items.every((item) => item.text.split('\n').every(short));
  return block.kind === 'paragraph' && !block.text.includes('\n') && short(block.text);
}

/**
 * The block that opens a document's footer: the thematic break (`----` then a
 * copyright line, a license) that is the last section's last, with only text
 * after it to the end of the file, or with no break the legal lines that close
 * the last section after its text. None when the document does not end so.
 */
export function footerBreak(doc: MarkdownDocument): Block | undefined {
  let last = doc.sections.at(-1);
  while (last && last.children.length > 0) last = last.children.at(-1);
  const blocks = last ? last.blocks : doc.preamble;
  const at = blocks.findLastIndex((b) => b.kind === 'hr');
  if (at < 0) {
    // Or, with no break, legal lines that close the last section after its text (`Copyright 2024
    // Example Corp.`, `SPDX-License-Identifier: MIT-0`, `License: CC-BY-4.0`): the footer from there.
    let from = blocks.length;
    while (from > 1 && blocks[from - 1]!.kind === 'paragraph' && LEGAL.test((blocks[from - 1] as { text: string }).text.trim())) from--;
    return from < blocks.length ? blocks[from] : undefined;
  }
  if (at === blocks.length - 1) return undefined;
  return blocks.slice(at + 1).every((b) => b.kind === 'paragraph' || b.kind === 'html') ? blocks[at] : undefined;
}

/** A legal line of a footer. */
const LEGAL = /^(?:copyright\b|©|\(c\)\s*\d{4}|spdx-license-identifier:|licen[cs]e[ds]?:|all rights reserved)/i;

/**
 * A list whose every item is a field, `Label: value` (`* **Status:** Draft`),
 * or a paragraph whose every line is one (`also known as: TODO`), the value
 * short: a few words, not a sentence.
 */
function isFieldList(block: Block): boolean {
  const field = (text: string) => /^[^:\n]{1,40}:(?:\s|$)/.test(text);
  if (block.kind === 'list') return block.items.length > 0 && block.items.every((item) => field(item.text));
  return block.kind === 'paragraph' && block.text.split('\n').every((line) => field(line) && line.split(/\s+/).length <= 12);
}

function detectLineEnding(source: string): '\n' | '\r\n' | '\r' {
  const i = source.search(/\r\n|\r|\n/);
  if (i < 0 || source[i] === '\n') return '\n';
  return source[i + 1] === '\n' ? '\r\n' : '\r';
}

function toTree(tokens: Token[]): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const token of tokens) {
    const siblings = stack[stack.length - 1]!;
    if (token.nesting === 1) {
      const node: Node = { token, children: [] };
      siblings.push(node);
      stack.push(node.children);
    } else if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else {
      siblings.push({ token, children: [] });
    }
  }
  return root;
}

/**
 * The line of the title when an H1 notice stands above it: front matter names
 * the title (`title: Health flags`), the first heading is an H1 that does not
 * say it (`# IMPORTANT! Replaced by v2`), and a later H1, before any other
 * heading, does (`# Health flags - one field per failure`). The notice is then
 * a section of the page, not its name. Undefined otherwise: the first heading,
 * when an H1, is the title.
 */
function titleBelowNotice(nodes: readonly Node[], named: unknown): number | undefined {
  if (typeof named !== 'string') return undefined;
  const words = foldWords(named);
  if (!/[\p{L}\p{N}]/u.test(words)) return undefined;
  const says = (node: Node): boolean => ` ${foldWords(inlineText(node.children[0]?.token.children ?? null))} `.includes(` ${words} `);
  const headings = nodes.filter((n) => n.token.type === 'heading_open');
  if (headings[0]?.token.tag !== 'h1' || says(headings[0])) return undefined;
  for (const h of headings.slice(1)) {
    if (h.token.tag !== 'h1') return undefined;
    if (says(h)) return (h.token.map?.[0] ?? 0) + 1;
  }
  return undefined;
}

/**
 * The line of the title when the first heading is an H1 notice that the document is no longer in force
 * (`# This Document is Deprecated`, `# !! OUTDATED !!`, `# Archived`) and a later H1, before any
 * smaller heading, names it (`# Committee Structure`, kept under the notice, often inside
 * `<details>`). The notice is then a section of the page (see `noticeStatus`).
 */
function titleBelowNoticeHeading(nodes: readonly Node[], sectionHeading: ((text: string) => boolean) | undefined): number | undefined {
  const headings = nodes.filter((n) => n.token.type === 'heading_open');
  if (headings[0]?.token.tag !== 'h1' || !isNoticeHeading(headingText(headings[0]))) return undefined;
  const next = headings[1];
  // (Not a section of the template's written as an H1, `# Summary`: the document's sections are H1s then.)
  if (next?.token.tag !== 'h1' || isNoticeHeading(headingText(next)) || sectionHeading?.(headingText(next))) return undefined;
  return (next.token.map?.[0] ?? 0) + 1;
}

/** A heading that only says the document is no longer in force: `This Document is Deprecated`, `!! OUTDATED !!`, `Archived`, `Superseded by RFC 12` (not `Deprecated APIs`, a topic). */
export function isNoticeHeading(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.length <= 8 && NOTICE_HEADING.test(text);
}
const NOTICE_HEADING =
  /^(?:[\s!*_🚨❗-]|⚠\uFE0F?)*(?:(?:this|the)\s+(?:(?:document|proposal|rfc|page|record|pattern|design)\s+)?(?:is|has\s+been|was)\s+(?:now\s+)?)?(?:deprecated|obsolete|outdated|archived|superseded|withdrawn|retired|no\s+longer\s+(?:maintained|valid|current|in\s+force)|(?:moved|merged|folded)(?=\s+(?:to|into|over)\b)|implemented(?=\s+(?:as|in|by)\b)|replaced(?=\s+by\b))(?:\s+(?:by|in\s+favou?r\s+of|see|use|to|into|over|as|in)\b.*)?(?:[\s!.*_:🚨❗-]|⚠\uFE0F?)*$/iu;

/**
 * A heading's text for its anchor: trimmed, but for a space between inline
 * HTML that opens or closes it and the words (`<a id="x"></a> Details` reads
 * ` Details` on GitHub, whose anchor is `-details`).
 */
function besideHtml(plain: string, children: readonly Token[]): string {
  const text = plain.trim();
  const opens = children[0]?.type === 'html_inline' && /^\s/.test(plain);
  const closes = children.at(-1)?.type === 'html_inline' && /\s$/.test(plain);
  return `${opens ? ' ' : ''}${text}${closes ? ' ' : ''}`;
}

/**
 * The line of the title when a note written as a smaller heading stands above
 * it (`### SHIPPED IN 3.1 as the vars_prefix option`, then `# Proposal: …`):
 * one or two headings of level 3 or below, with at most a line under them, then the first H1
 * (one that names no section). The note is then a section of the page.
 */
function titleAfterNoteHeadings(nodes: readonly Node[], sectionHeading: ((text: string) => boolean) | undefined): number | undefined {
  const first = nodes.findIndex((n) => n.token.type === 'heading_open' && n.token.tag === 'h1');
  if (first <= 0) return undefined;
  const before = nodes.slice(0, first);
  const notes = before.filter((n) => n.token.type === 'heading_open');
  // (A note is a smaller heading, `###` or below: a `##` first is a section of a document with no title —
  // unless the sections' names are known and it names none, nor does the H1, over `##` sections that
  // the template names: `## drafting, not done` over `# Lichen review` over `## Verdict`.)
  const h1 = nodes[first]!;
  const note = (n: Node) =>
    Number(n.token.tag.slice(1)) >= 3 ||
    (sectionHeading !== undefined && !sectionHeading(headingText(n)) && nodes[nodes.indexOf(n) + 1] === h1 && namedH2After(nodes, first + 1, sectionHeading));
  if (notes.length === 0 || notes.length > 2 || before.length > notes.length + 1 || !notes.every(note)) return undefined;
  if (sectionHeading?.(headingText(h1))) return undefined;
  return (h1.token.map?.[0] ?? 0) + 1;
}

/**
 * The line of a first heading that has nothing under it before an H1: it
 * holds no section, so it is the document's name, written a level down above
 * sections written as H1s (`EEP 4: Bit strings` underlined with `----` under
 * its header block, then `Abstract` underlined with `====`). Only a header
 * block may stand above it: fields in a code block, a rule, a comment.
 */
function titleAboveHigherRank(nodes: readonly Node[], sectionHeading?: (text: string) => boolean): number | undefined {
  const first = nodes.findIndex((n) => n.token.type === 'heading_open');
  const heading = nodes[first];
  if (!heading || heading.token.tag !== 'h2' || nodes[first + 1]?.token.type !== 'heading_open' || nodes[first + 1]!.token.tag !== 'h1') return undefined;
  // (Not where the H1 under it names no section and the sections after it are `##`s that do: `##
  // drafting, not done` over `# Lichen review` over `## Verdict` is a note above the title.)
  if (sectionHeading && !sectionHeading(headingText(nodes[first + 1]!)) && namedH2After(nodes, first + 2, sectionHeading)) return undefined;
  if (!nodes.slice(0, first).every((n) => n.token.type === 'code_block' || n.token.type === 'hr' || n.token.type === 'html_block')) return undefined;
  return (heading.token.map?.[0] ?? 0) + 1;
}

/** A heading node's text, as the document's headings give it. */
function headingText(n: Node): string {
  return normalizeSpace(inlineText(n.children[0]?.token.children ?? null));
}

/** Whether an `##` from `from` on names a template section: the sections a title heading stands over. */
function namedH2After(nodes: readonly Node[], from: number, sectionHeading: (text: string) => boolean): boolean {
  return nodes.slice(from).some((n) => n.token.type === 'heading_open' && n.token.tag === 'h2' && sectionHeading(headingText(n)));
}

/** Lower case, words only, one space between them. */
function foldWords(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** An HTML block that is one `<h1>` element and nothing else. */
const HTML_TITLE = /^\s*<h1\b[^>]*>((?:(?!<\/?h1\b)[\s\S])*)<\/h1>\s*$/i;

/** The words of an HTML fragment: its tags dropped (an image's `alt` is no word of a heading's), the common entities read. */
function htmlText(html: string): string {
  return normalizeSpace(decodeCommonEntities(html.replace(/<[^>]*>/g, ' ')));
}

class DocumentBuilder {
  title: Heading | undefined;
  readonly preamble: Block[] = [];
  readonly sections: Section[] = [];
  readonly headings: Heading[] = [];
  readonly links: Link[] = [];
  readonly images: Image[] = [];
  readonly codeBlocks: CodeBlock[] = [];
  readonly tables: Table[] = [];
  readonly taskItems: TaskItem[] = [];

  private readonly slugs = new SlugCounter();
  /** Sections still open, outermost first. */
  private readonly open: Section[] = [];
  private path: SectionPath = [];

  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly sectionHeading: ((text: string) => boolean) | undefined,
    private readonly titleLevel: number,
    /** The line of the title heading when it is not the first heading (see `titleBelowNotice`). */
    private readonly titleLine: number | undefined,
  ) {}

  build(nodes: Node[]): void {
    for (const node of nodes) {
      if (node.token.type === 'heading_open') {
        this.heading(node);
        continue;
      }
      if (node.token.type === 'html_block' && this.htmlTitle(node.token)) continue;
      const block = this.block(node);
      if (!block) continue;
      const current = this.open[this.open.length - 1];
      (current ? current.blocks : this.preamble).push(block);
    }
    this.closeSections(0, this.lines.lineCount + 1);
  }

  private heading(node: Node): void {
    const token = node.token;
    const inline = node.children[0]?.token;
    const level = Number(token.tag.slice(1));
    const range = this.rangeOf(token.map);
    let plain = inlineText(inline?.children ?? null);
    // An explicit id after the text (`## Key Decisions {#key-decisions}`, kramdown, Pandoc and MkDocs'
    // attribute lists): the heading's anchor, not words of its name.
    const attribute = HEADING_ID.exec(plain);
    if (attribute) plain = plain.slice(0, attribute.index);
    // (Its name is what is left of it where words are struck out, `### ~~Open issues~~ Resolved issues`;
    // its anchor, GitHub's, is made of them all.)
    const unstruck = inline?.children?.some((c) => c.type === 's_open') ? normalizeSpace(inlineText(inline.children, false).replace(HEADING_ID, '')) : undefined;
    const text = unstruck || normalizeSpace(plain);
    const heading: Heading = {
      text,
      raw: inline?.content.trim() ?? '',
      level,
      setext: token.markup === '=' || token.markup === '-',
      // From the text as written: GitHub keeps a double space as `--` (`Beta to  GA` → `#beta-to--ga`).
      // A space next to inline HTML stays, as GitHub keeps it: `## <a id="x"></a> Details` → `#-details`.
      id: attribute ? this.slugs.claim(attribute[1]!) : this.slugs.next(besideHtml(plain, inline?.children ?? [])),
      range,
    };
    this.headings.push(heading);

    if (
      !this.title &&
      (this.titleLine === undefined ? level <= this.titleLevel && this.headings.length === 1 && !this.sectionHeading?.(text) : range.start.line === this.titleLine)
    ) {
      // (Below a notice's H1, that notice's text ends here: what follows is the title's.)
      this.closeSections(1, range.start.line);
      this.path = [];
      this.title = heading;
      this.inline(inline, token.map, []);
      return;
    }

    this.closeSections(level, range.start.line);
    const parent = this.open[this.open.length - 1];
    const path = [...(parent?.path ?? []), text];
    const section: Section = { heading, level, title: text, path, blocks: [], children: [], range };
    (parent ? parent.children : this.sections).push(section);
    this.open.push(section);
    this.path = path;
    this.inline(inline, token.map, path);
  }

  /**
   * The title written as HTML before any heading, as sites that put an icon beside it do
   * (`<h1>Worker-Pinned Queues <img src="/icon.png" alt="…"></h1>`): the title, its text the element's
   * words. It is no Markdown heading (`headings` does not list it): nothing rewrites its marks.
   */
  private htmlTitle(token: Token): boolean {
    if (this.title || this.headings.length > 0 || this.titleLine !== undefined) return false;
    const inner = HTML_TITLE.exec(token.content)?.[1];
    const text = inner === undefined ? '' : htmlText(inner);
    if (!/\p{L}/u.test(text) || this.sectionHeading?.(text)) return false;
    this.title = { text, raw: text, level: 1, setext: false, id: this.slugs.next(text), range: this.rangeOf(token.map), html: true };
    return true;
  }

  /**
   * A Hugo figure on a line of its own (`{{< figure src="flow.png" alt="The flow" >}}`): an image of
   * the page, as `![alt](…)` would be.
   */
  private figureShortcodes(content: string, firstLine: number): void {
    content.split('\n').forEach((line, k) => {
      const figure = figureShortcode(line);
      if (!figure) return;
      const { src, alt } = figure;
      const at = this.lines.lineText(firstLine + k).indexOf(src);
      if (at < 0) return;
      const start = this.lines.lineStart(firstLine + k) + at;
      this.images.push({ src, alt, kind: 'image', range: this.lines.range(start, start + src.length), sectionPath: this.path });
    });
  }

  /** Closes open sections at `level` or deeper; they end on the last non-blank line before `nextLine`. */
  private closeSections(level: number, nextLine: number): void {
    while (this.open.length > 0 && this.open[this.open.length - 1]!.level >= level) {
      const section = this.open.pop()!;
      const endLine = this.lastContentLine(section.range.start.line, nextLine - 1);
      section.range = this.lines.linesRange(section.range.start.line, endLine);
    }
    this.path = this.open[this.open.length - 1]?.path ?? [];
  }

  private block(node: Node): Block | undefined {
    const token = node.token;
    switch (token.type) {
      case 'paragraph_open': {
        const inline = node.children[0]?.token;
        this.inline(inline, token.map, this.path);
        if (inline?.content.includes('{{') && token.map) this.figureShortcodes(inline.content, token.map[0] + 1);
        return { kind: 'paragraph', text: normalizeSpace(inlineText(inline?.children ?? null)), raw: inline?.content ?? '', range: this.rangeOf(token.map) };
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return {
          kind: 'list',
          ordered: token.type === 'ordered_list_open',
          items: node.children.filter((c) => c.token.type === 'list_item_open').map((c) => this.listItem(c)),
          range: this.rangeOf(token.map),
        };
      case 'blockquote_open': {
        const blocks = this.blocks(node.children);
        // (A generator's container, `:::caution` … `:::`, reads as GitHub's alert of that kind: `[!CAUTION] …`.)
        const marker = token.markup === ':::' ? `[!${token.info.toUpperCase()}]` : '';
        return { kind: 'blockquote', text: [marker, ...blocks.map(blockText)].filter(Boolean).join(' '), blocks, range: this.rangeOf(token.map) };
      }
      case 'fence':
      case 'code_block': {
        const code = this.code(token);
        return { kind: 'code', code, range: code.range };
      }
      case 'table_open': {
        const table = this.table(node);
        return { kind: 'table', table, range: table.range };
      }
      case 'html_block':
        this.html(token.content, token.map);
        return { kind: 'html', html: token.content, range: this.rangeOf(token.map) };
      case 'hr':
        return { kind: 'hr', range: this.rangeOf(token.map) };
      case 'footnote_reference_open': {
        const blocks = this.blocks(node.children);
        const label = String((token.meta as { label?: string } | null)?.label ?? '');
        return { kind: 'footnote', label, text: blocks.map(blockText).filter(Boolean).join(' '), blocks, range: this.rangeOf(token.map) };
      }
      case 'heading_open': {
        // A heading nested in a list or quote: content, not a section.
        const inline = node.children[0]?.token;
        this.inline(inline, token.map, this.path);
        return { kind: 'paragraph', text: normalizeSpace(inlineText(inline?.children ?? null)), raw: inline?.content ?? '', range: this.rangeOf(token.map) };
      }
      default:
        return undefined;
    }
  }

  private blocks(nodes: Node[]): Block[] {
    const out: Block[] = [];
    for (const node of nodes) {
      const block = this.block(node);
      if (block) out.push(block);
    }
    return out;
  }

  private listItem(node: Node): ListItem {
    const range = this.rangeOf(node.token.map);
    const blocks = this.blocks(node.children);
    const first = blocks[0];
    let text = first?.kind === 'paragraph' ? first.text : '';
    let raw = first?.kind === 'paragraph' ? first.raw : '';
    const item: ListItem = { text, raw, blocks, range };
    const marker = TASK_MARKER.exec(raw);
    if (first?.kind === 'paragraph' && marker) {
      const checked = marker[1] !== ' ';
      raw = raw.slice(marker[0].length);
      text = text.replace(TASK_MARKER, '');
      Object.assign(item, { text, raw, task: { checked } });
      this.taskItems.push({ text, checked, range, sectionPath: this.path });
    }
    return item;
  }

  private code(token: Token): CodeBlock {
    const fenced = token.type === 'fence';
    const info = fenced ? token.info.trim() : '';
    const space = info.search(/\s/);
    const lang = (space < 0 ? info : info.slice(0, space)).toLowerCase();
    const meta = space < 0 ? '' : info.slice(space).trim();
    const map = token.map ?? [0, 1];
    let closed = true;
    if (fenced) {
      // (Inside a quote, the closing line carries the quote's markers: `> ```.)
      const lastLine = this.lines
        .lineText(map[1])
        .replace(/^(?:[ \t]*>)+/, '')
        .trim();
      closed = map[1] - map[0] >= 2 && lastLine.startsWith(token.markup) && /^([`~])\1*$/.test(lastLine);
    }
    const code: CodeBlock = { lang, info, meta, content: token.content, fenced, closed, range: this.rangeOf(token.map), sectionPath: this.path };
    this.codeBlocks.push(code);
    // A MyST image or figure (```` ```{figure} ../images/flow.png ````, its `:alt:` option): an image of the
    // page, as `![alt](…)` would be.
    const directive = /^\{(image|figure)\}$/.exec(lang);
    if (directive && meta && !/\s/.test(meta)) {
      const first = map[0] + 1;
      const at = this.lines.lineText(first).indexOf(meta);
      if (at >= 0) {
        const start = this.lines.lineStart(first) + at;
        const alt = /^[ \t]*:alt:[ \t]*(.*)$/m.exec(token.content)?.[1]?.trim() ?? '';
        this.images.push({ src: meta, alt, kind: 'image', range: this.lines.range(start, start + meta.length), sectionPath: this.path });
      }
    }
    return code;
  }

  private table(node: Node): Table {
    const rows: { cells: string[]; raw: string[]; line: number; header: boolean }[] = [];
    const visit = (n: Node, header: boolean): void => {
      for (const child of n.children) {
        const type = child.token.type;
        if (type === 'tr_open') {
          const raw: string[] = [];
          const cells = child.children.map((cell) => {
            const inline = cell.children[0]?.token;
            this.inline(inline, child.token.map, this.path);
            raw.push(inline?.content ?? '');
            return normalizeSpace(inlineText(inline?.children ?? null));
          });
          rows.push({ cells, raw, line: (child.token.map?.[0] ?? 0) + 1, header });
        } else if (type === 'thead_open' || type === 'tbody_open') {
          visit(child, type === 'thead_open');
        }
      }
    };
    visit(node, false);
    const table: Table = {
      header: rows.find((r) => r.header)?.cells ?? [],
      rows: rows.filter((r) => !r.header).map(({ cells, raw, line }) => ({ cells, raw, line })),
      range: this.rangeOf(node.token.map),
      sectionPath: this.path,
    };
    this.tables.push(table);
    return table;
  }

  /** Reference definitions (`[label]: destination`) by normalised label: the first of each, as CommonMark takes it. */
  private definitions: Map<string, Range> | undefined;

  /**
   * The definition a link found by its text (`[text]`, so written by reference)
   * takes its destination from: the label after it (`[text][label]`), else its text.
   */
  private definitionOf(range: Range): Range | undefined {
    if (this.source[range.start.offset] !== '[' || this.source[range.end.offset] === '(') return undefined;
    const label =
      /^\[([^\]\n]+)\]/.exec(this.source.slice(range.end.offset, range.end.offset + 1001))?.[1] ?? this.source.slice(range.start.offset + 1, range.end.offset - 1);
    if (!this.definitions) {
      this.definitions = new Map();
      for (const m of this.source.matchAll(/^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:/gm)) {
        const key = referenceLabel(m[1]!);
        if (!this.definitions.has(key)) this.definitions.set(key, this.lines.range(m.index, this.lines.lineEnd(this.lines.pointAt(m.index).line)));
      }
    }
    return this.definitions.get(referenceLabel(label));
  }

  /** Records the links and images of one inline token, locating each in the source lines it came from. */
  private inline(token: Token | undefined, map: [number, number] | null, path: SectionPath): void {
    if (!token?.children) return;
    const [fromLine, toLine] = map ? [map[0] + 1, Math.max(map[1], map[0] + 1)] : [1, this.lines.lineCount];
    const finder = new Locator(this.source, this.lines, this.lines.lineStart(fromLine), this.lines.lineEnd(toLine));
    const openLinks: { url: string; encoded: string; title?: string; text: string; kind: Link['kind']; linkify: boolean }[] = [];
    for (const child of token.children) {
      switch (child.type) {
        case 'link_open': {
          const encoded = attr(child, 'href');
          const title = attr(child, 'title');
          const kind = child.markup === 'autolink' || child.markup === 'linkify' ? 'autolink' : 'link';
          openLinks.push({ url: decodeDestination(encoded), encoded, text: '', kind, linkify: child.markup === 'linkify', ...(title ? { title } : {}) });
          break;
        }
        case 'link_close': {
          const open = openLinks.pop();
          // GFM autolinks bare text only after `www.` or a scheme (or as an e-mail):
          // `README.md` in prose is a file name, not a link to a host in Moldova.
          if (open?.linkify && !/^(?:[a-z][a-z0-9+.-]*:|www\.)/i.test(open.text) && !open.url.startsWith('mailto:')) break;
          if (open) {
            const { encoded, linkify: _linkify, ...link } = open;
            // A reference-style link (`[Active RFC List]`, `[text][ref]`) has its destination elsewhere: found by its text.
            // (An inline link found by `](destination)` first: the same name earlier on the line, a
            // reference label `[bob]`, is no place of it.)
            const range =
              (link.kind === 'link' ? finder.destination(encoded) : undefined) ??
              finder.find(link.url, encoded, link.url.replace(/^mailto:/, ''), link.text ? `[${link.text}]` : undefined);
            const definition = link.kind === 'link' ? this.definitionOf(range) : undefined;
            this.links.push({ ...link, text: normalizeSpace(link.text), range, sectionPath: path, ...(definition ? { definition } : {}) });
          }
          break;
        }
        case 'image': {
          const encoded = attr(child, 'src');
          const src = decodeDestination(encoded);
          const title = attr(child, 'title');
          const alt = inlineText(child.children);
          for (const l of openLinks) l.text += alt;
          this.images.push({ src, alt, kind: 'image', range: finder.find(src, encoded), sectionPath: path, ...(title ? { title } : {}) });
          break;
        }
        case 'html_inline':
          this.htmlReferences(child.content, finder, path);
          break;
        default:
          if (child.type === 'text' || child.type === 'code_inline') for (const l of openLinks) l.text += child.content;
          else if (child.type === 'softbreak' || child.type === 'hardbreak') for (const l of openLinks) l.text += ' ';
      }
    }
  }

  private html(content: string, map: [number, number] | null): void {
    if (!map) return;
    const finder = new Locator(this.source, this.lines, this.lines.lineStart(map[0] + 1), this.lines.lineEnd(map[1]));
    this.htmlReferences(content, finder, this.path);
  }

  /** `<a href>` and `<img src>` in raw HTML count as links and images too. */
  private htmlReferences(html: string, finder: Locator, path: SectionPath): void {
    for (const tag of html.matchAll(/<(a|img)\b[^>]*>/gi)) {
      const isLink = tag[1]!.toLowerCase() === 'a';
      const value = htmlAttribute(tag[0], isLink ? 'href' : 'src');
      if (value === undefined) continue;
      const range = finder.find(value);
      if (isLink) this.links.push({ url: value, text: '', kind: 'html', range, sectionPath: path });
      else this.images.push({ src: value, alt: htmlAttribute(tag[0], 'alt') ?? '', kind: 'html', range, sectionPath: path });
    }
  }

  private rangeOf(map: [number, number] | null): Range {
    if (!map) return this.lines.linesRange(1, 1);
    const start = map[0] + 1;
    return this.lines.linesRange(start, this.lastContentLine(start, Math.max(map[1], start)));
  }

  private lastContentLine(startLine: number, endLine: number): number {
    let line = Math.min(endLine, this.lines.lineCount);
    while (line > startLine && this.lines.lineText(line).trim() === '') line--;
    return Math.max(line, startLine);
  }
}

/**
 * markdown-it's inline tokens carry no columns, so each link or image is found
 * again in the lines its block spans, searching forward from the previous one.
 */
class Locator {
  private cursor: number;

  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.cursor = from;
  }

  /** An inline link's destination where it is written after its text, `](bob)`: the destination alone. */
  destination(encoded: string): Range | undefined {
    if (!encoded) return undefined;
    for (const [open, offset] of [
      [`](${encoded}`, 2],
      [`](<${encoded}>`, 3],
    ] as const) {
      const at = this.source.indexOf(open, this.cursor);
      if (at >= 0 && at + open.length <= this.to) {
        this.cursor = at + open.length;
        return this.lines.range(at + offset, at + offset + encoded.length);
      }
    }
    return undefined;
  }

  find(...needles: (string | undefined)[]): Range {
    for (const needle of needles) {
      if (!needle) continue;
      const at = this.source.indexOf(needle, this.cursor);
      if (at >= 0 && at + needle.length <= this.to) {
        this.cursor = at + needle.length;
        return this.lines.range(at, at + needle.length);
      }
    }
    // (A link's text as written may run over lines or hold emphasis, `[P2P Roadmap\nRFC][rfc]`,
    // `[**Bold** name][x]`, where its text as read has a space and no marks: found by its words.)
    const text = needles.find((n) => n?.startsWith('[') && n.endsWith(']') && /\S\s+\S/.test(n));
    if (text) {
      const words = text
        .slice(1, -1)
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const re = new RegExp(`\\[[*_~\`]*${words.join('[\\s*_~`]+')}[*_~\`]*\\]`, 'g');
      re.lastIndex = this.cursor;
      const m = re.exec(this.source);
      if (m && m.index + m[0].length <= this.to) {
        this.cursor = m.index + m[0].length;
        return this.lines.range(m.index, m.index + m[0].length);
      }
    }
    return this.lines.range(this.from, this.from);
  }
}

function htmlAttribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}

/** The plain text of a paragraph, a blockquote or a list's items (joined by spaces); '' for other blocks. */
/** The document's blocks in order, each section's own after its heading (not the blocks inside lists or quotes). */
export function documentBlocks(doc: MarkdownDocument): Block[] {
  const out = [...doc.preamble];
  const walk = (sections: readonly Section[]): void => {
    for (const s of sections) {
      out.push(...s.blocks);
      walk(s.children);
    }
  };
  walk(doc.sections);
  return out;
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'blockquote':
      return block.text;
    case 'list':
      return block.items.map((i) => i.text).join(' ');
    default:
      return '';
  }
}

/** A reference label as CommonMark matches it: case folded, inner white space collapsed. */
function referenceLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
