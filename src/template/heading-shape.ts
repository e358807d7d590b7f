import { choiceNames, escapeRegExp, foldText, undecorated } from './normalize.js';

/**
 * How a template marks a variable part of a heading or a title:
 * `[Pattern Title]`, `{short title}`, `<name>` / `<<name>>`, a code span
 * (`` `Topic` Cheat Sheet ``), an all-capitals token (`KEP-NNNN`,
 * `YYYY-MM-DD`, `PATTERN_TITLE`), or a sample phrase after a label
 * (`KEP-NNNN: Your short, descriptive title`).
 */
export type PlaceholderSyntax = 'brackets' | 'braces' | 'angles' | 'code' | 'caps' | 'phrase' | 'ellipsis' | 'parens';

/** One variable part of a heading: text the author replaces. */
export interface ShapePart {
  /** As the template writes it: `{title of option 1}`, `` `Topic` ``, `NNNN`. */
  written: string;
  /** Its words without the delimiters, folded (see `foldText`): `title of option 1`, `topic`, `nnnn`. */
  inner: string;
  syntax: PlaceholderSyntax;
}

/**
 * The shape of a template heading: which parts are fixed words and which vary.
 * `Step 1: [First Step Title]` has the shape `Step N: <title>`;
 * `Version 1.0.0 (2024-01-15)` has the shape `Version <semver> (<date>)`.
 */
export interface HeadingShape {
  /** Display name with the variable parts named. */
  name: string;
  /**
   * Regular-expression source matching folded heading text of this shape
   * (see `foldHeading`), with one capture group per placeholder part, in order.
   */
  source: string;
  /** Has a number, a version or a date: an instance of a series. */
  numbered: boolean;
  versioned: boolean;
  /** Has a placeholder: text the author replaces (any of `PlaceholderSyntax`). */
  placeholder: boolean;
  /** The placeholder parts, in order. */
  parts: ShapePart[];
  /** Nothing but a placeholder: any text fits (`### {title of option 1}`, one heading per option). */
  any: boolean;
  /** A numbered item, its own name left to the author (`Problem 1`, `Story 1`): the first of a series, however many the template shows. */
  item?: boolean;
}

export interface ShapeOptions {
  /**
   * The heading is a title: a sample phrase may start it (`# Your Pattern
   * Name`). In a section heading, "Your …" is a placeholder only after a
   * label (`Owner: Your team`): `## Your Responsibilities` is a name.
   */
  title?: boolean;
}

// One expression, its alternatives tried left to right at each position: placeholders first,
// then versions, dates and numbers, then separators and spaces. Everything between is literal.
const PART_SOURCES = [
  String.raw`(?<brackets>\[[^\]\n]+\])`,
  String.raw`(?<dangles><<[^<>\n]+>>)`,
  String.raw`(?<angles><[^<>\n]+>)`,
  String.raw`(?<braces>\{[^{}\n]+\})`,
  String.raw`(?<code>\x60[^\x60\n]+\x60)`,
  String.raw`(?<semver>\bv?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\b)`,
  String.raw`(?<date>\b\d{4}-\d{2}-\d{2}\b)`,
  // Date formats (`YYYY-MM-DD`), one capital repeated (`NNNN`, `XXX`; `NN` and `XX` too, the
  // letters that stand for a number), capitals joined by underscores (`PATTERN_TITLE`). Acronyms
  // (`API`, `AWS`) and numerals (`II`) are words: none of these shapes.
  String.raw`(?<capsdate>\b(?:YYYY(?:[-/.]MM(?:[-/.]DD)?)?|(?:MM|DD)[-/.](?:MM|DD)[-/.]YYYY)\b)`,
  // (And zeros that stand for the number after a prefix: `ADR000`, `REC0000`.)
  String.raw`(?<caps>\b(?:(?<rep>[A-Z])\k<rep>{2,}|NN|XX|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b|(?<=[A-Za-z])0{3,}(?!\p{N}))`,
  // An ellipsis on its own (`Risk: ... 1`), with the sample number after it, if any: the item's words.
  String.raw`(?<ellipsis>(?<![.\p{L}\p{N}])(?:\.{3}|…)(?:\s+\d+\b)?(?![.\p{L}\p{N}]))`,
  // (Or a Chinese ordinal before its mark, `四、影响面`: the fourth section, however the author numbers it.)
  String.raw`(?<number>\b\d+\b|[一二三四五六七八九十]{1,3}(?=、))`,
  // (A lone `n` after a label's word stands for its number, `Option n: Title`: the next of a series.)
  String.raw`(?<nvar>(?<=\b\p{L}{2,}\s)[nN](?=\s*[:\-–—]|$))`,
];
// After a label: a colon, or a dash between spaces (`Owner - Your team`; `do-it-your-way` is a word).
const PHRASE_AFTER_LABEL = String.raw`(?<phrase>(?<=:\s*|\s[-–—]\s*)\b[Yy]our\b.*$)`;
// (Or the word for the title alone after a number to fill in: `RFC-NNNN Title`; or a phrase that
// says what goes after the label, `Proposal NNN: Title of proposal`, `ADR: Short descriptive title`.)
const PHRASE_IN_TITLE = String.raw`(?<phrase>(?:^|(?<=:\s*|\s[-–—]\s*))\b[Yy]our\b.*$|(?<=\b(?:N{3,}|X{3,}|0{3,})\s+)(?:[Tt]itle|TITLE|[Nn]ame)$|(?<=:\s*|\s[-–—]\s*)(?:(?:[Tt]itle|[Nn]ame)\s+(?:of|for)\b.*|(?:[A-Za-z]+\s+){0,2}(?:[Tt]itle|[Nn]ame))$)`;
const SEPARATORS = [String.raw`(?<sep>\s*[:\-–—、]\s*)`, String.raw`(?<space>\s+)`];
// (In a section's heading, the word for a name alone after a numbered label: `Option 1: Title`,
// `Proposal n - Name`, one of a series of the author's items to name.)
const NAME_AFTER_NUMBER = String.raw`(?<=(?:\b\d+|\b[nN])\s*[:\-–—]\s*)(?:[Tt]itle|TITLE|[Nn]ame)$`;

const HEADING_PARTS = new RegExp([...PART_SOURCES, PHRASE_AFTER_LABEL.replace(/\)$/, `|${NAME_AFTER_NUMBER})`), ...SEPARATORS].join('|'), 'gu');
// (In a title, the word for the number after a prefix is that number: `FIP-Number: Title`, `RFC #ID`;
// so is a lone letter there, `REQ-X: Title`, `AEX N`.)
const NUMBER_WORD = String.raw`(?<numword>(?<=\b[A-Z]{2,}(?:-|\s#?))(?:Number|NUMBER|Num|ID|X|N)\b)`;
// (And, in a title, an instruction in parentheses where the name goes: `RFC NNNN - (fill me in with a
// name)`, `(your title here)`; not a note of the author's, `Retries (draft)`.)
// (Or the whole title in parentheses, or all after a label, naming what goes there: `(Feature Name Goes
// Here)`, `RFC NNNN: (Proposal title)`. A note after a title's own words, `Lookup (Name Service)`, is theirs.)
const PARENS_IN_TITLE = String.raw`(?<parens>\((?:[Ff]ill\b|[Ee]nter\b|[Ii]nsert\b|[Pp]ut\b|[Ww]rite\b|[Yy]our\b|[Tt]itle\b|[Nn]ame\b|[Ss]hort\s+(?:title|name)\b)[^()\n]*\)|(?:^|(?<=[:\-–—]\s*))\((?=[^()\n]*\b(?:[Nn]ame|NAME|[Tt]itle|TITLE|[Hh]ere|HERE)\b)[^()\n]+\)$)`;
const TITLE_PARTS = new RegExp([...PART_SOURCES, NUMBER_WORD, PARENS_IN_TITLE, PHRASE_IN_TITLE, ...SEPARATORS].join('|'), 'gu');

/** "Step 1: Title", "Step 1 - Title" and "Step 1 Title" are the same heading; "Step 1Title" is not. */
const SEPARATOR_SOURCE = String.raw`(?:\s*[:\-、]\s*|\s+)`;
/** A number however the author writes and closes it: `1. Summary`, `1) Summary`, `一、概述`. */
const NUMBER_PIECE = String.raw`(?:\d+[.)]?|[一二三四五六七八九十]{1,3})`;

export function headingShape(written: string, options: ShapeOptions = {}): HeadingShape {
  // (Emoji decorate a heading: no part of its name, as `foldHeading` reads a pattern's.)
  const text = undecorated(written);
  // As `foldHeading` does to the whole heading: no trailing colon, full stop or space.
  // (An ellipsis at the end is the author's words to come, `Risk: ...`, not a full stop.)
  const heading = (/(?:^|\s)(?:\.{3}|…)\s*$/u.test(text) ? text.trimEnd() : text.replace(/[\s:.]+$/u, '')).trimStart();
  // A choice of names (`[Background | References]`) is no placeholder: the names are the template's.
  if (choiceNames(heading).length > 0)
    return { name: heading, source: escapeRegExp(foldPart(heading).trim()), numbered: false, versioned: false, placeholder: false, parts: [], any: false };
  // A section's name in brackets, `## [Related Links]`, no word of it asking for a heading of the
  // author's own (`[Section title]`, `[Your topic]`): that section, its brackets kept or not.
  const bracketed = options.title ? null : /^\[([^\]]+)\]$/.exec(heading);
  const sectionInBrackets = bracketed !== null && /\p{L}{3}/u.test(bracketed[1]!) && !SLOT_WORDS.test(bracketed[1]!) && !/[<>{}|]/.test(bracketed[1]!);
  let name = '';
  const pieces: { source: string; separator: boolean; written?: string }[] = [];
  const parts: ShapePart[] = [];
  let numbered = false;
  let versioned = false;
  let literalWords = false;
  let last = 0;
  /** Where the pieces and the name stand right after the last version or date. */
  let afterVersion: { piece: number; name: number } | undefined;
  const literal = (s: string): void => {
    if (!s) return;
    name += s;
    // Folded as part of the whole heading, never trimmed on its own: `(i.e.` keeps its full stop.
    pieces.push({ source: escapeRegExp(foldPart(s)), separator: false, written: s });
    if (/[\p{L}\p{N}]/u.test(s)) literalWords = true;
  };
  const variable = (written: string, syntax: PlaceholderSyntax): void => {
    const inner = syntax === 'caps' || syntax === 'phrase' || syntax === 'ellipsis' ? written : written.replace(/^(?:<<|[[{<`(])|(?:>>|[\]}>`)])$/g, '');
    // An article before a name to fill in (`When to Use the [Pattern Title]`) is the writer's to
    // keep or leave: `When to Use Circuit Breaker` is that heading too.
    // (Written as an article, between spaces: `Option A: [Name]` names option A.)
    const article = pieces.at(-2);
    if (pieces.at(-1)?.source === String.raw`\s+` && article && /^(?:the|a|an|The|An)$/.test(article.written ?? ''))
      pieces.splice(-2, 2, { source: String.raw`(?:(?:the|a|an)\s+)?`, separator: false });
    parts.push({ written, inner: foldText(inner), syntax });
    name += syntax === 'caps' || syntax === 'code' ? written : syntax === 'ellipsis' ? '…' : placeholderName(inner);
    pieces.push({ source: '(.+?)', separator: false });
  };
  for (const m of heading.matchAll(options.title ? TITLE_PARTS : HEADING_PARTS)) {
    literal(heading.slice(last, m.index));
    last = m.index + m[0].length;
    const g = m.groups!;
    if (g.brackets) variable(g.brackets, 'brackets');
    else if (g.dangles) variable(g.dangles, 'angles');
    else if (g.angles) variable(g.angles, 'angles');
    else if (g.braces) variable(g.braces, 'braces');
    else if (g.code) variable(g.code, 'code');
    else if (g.capsdate || g.caps || g.numword) variable((g.capsdate ?? g.caps ?? g.numword)!, 'caps');
    else if (g.phrase) variable(g.phrase, 'phrase');
    else if (g.parens) variable(g.parens, 'parens');
    else if (g.ellipsis) {
      // (Numbered, `... 1`, `... 2`: one of a series, as `Step 1` is.)
      numbered ||= /\d/.test(g.ellipsis);
      variable(g.ellipsis, 'ellipsis');
    } else if (g.semver) {
      versioned = true;
      name += '<semver>';
      afterVersion = { piece: pieces.length + 1, name: name.length };
      pieces.push({ source: String.raw`v?\d+\.\d+\.\d+(?:[-+][0-9a-z.-]+)?`, separator: false });
    } else if (g.date) {
      versioned = true;
      name += '<date>';
      afterVersion = { piece: pieces.length + 1, name: name.length };
      pieces.push({ source: String.raw`\d{4}-\d{2}-\d{2}`, separator: false });
    } else if (g.number || g.nvar) {
      numbered = true;
      name += 'N';
      // (However the author closes the number: `1. Summary`, `1) Summary` for `1 Summary`.)
      pieces.push({ source: NUMBER_PIECE, separator: false });
    } else if (g.sep) {
      name += g.sep;
      pieces.push({ source: SEPARATOR_SOURCE, separator: true });
    } else {
      name += ' ';
      pieces.push({ source: String.raw`\s+`, separator: true });
    }
  }
  literal(heading.slice(last));
  while (pieces.length > 0 && pieces[pieces.length - 1]!.separator) pieces.pop();
  // A version's own words after it (`### 1.0.0 - Initial Version`) describe that version: each
  // entry of the series says what it changed there (`1.1.0 - Add events`), or nothing.
  const rest = afterVersion ? pieces.slice(afterVersion.piece) : [];
  if (afterVersion && rest[0]?.separator && rest.length > 1 && parts.length === 0) {
    pieces.splice(afterVersion.piece, rest.length, { source: `(?:${SEPARATOR_SOURCE}.+)?`, separator: false });
    name = `${name.slice(0, afterVersion.name)} - <description>`;
  }
  // (A numbered item's own words after its number, `#### Story 1 - Red widgets` for `#### Story 1`: the
  // author names each item so.)
  const numberLast = numbered && !versioned && pieces.at(-1)?.source === NUMBER_PIECE;
  // (So does an item's label of letters and a number, `### A1: Keep the current setup` for `### A1`,
  // `##### FR2 - Exports` for `##### FR2`: the label, then the item's own name.)
  const labelLast = !numbered && !versioned && /(?:^|\s)\p{L}{1,4}\d{1,3}\s*$/u.test(heading);
  if ((numberLast || labelLast) && parts.length === 0) pieces.push({ source: `(?:${SEPARATOR_SOURCE}.+)?`, separator: false });
  const placeholder = parts.length > 0;
  return {
    name: sectionInBrackets ? bracketed[1]!.trim() : name.trim(),
    // (Its marks a placeholder's, kept or not; the words, the section's.)
    source: sectionInBrackets ? String.raw`\[?${escapeRegExp(foldPart(bracketed[1]!).trim())}\]?` : pieces.map((p) => p.source).join(''),
    numbered,
    versioned,
    placeholder,
    parts,
    any: placeholder && !literalWords && !numbered && !versioned && !sectionInBrackets,
    ...(numberLast && parts.length === 0 ? { item: true } : {}),
  };
}

/** Words of a bracketed heading that ask for a heading of the author's own: `[Section title]`, `[Your topic]`, `[Step name]`. */
const SLOT_WORDS =
  /\b(?:title|titles|heading|headline|section|sections|name|named|topic|subject|your|custom|other|own|item|step|header|label|category|area|component|feature|option|alternative|question|example|pattern|thing|something|placeholder|insert|add|describe|write|optional|n|x|tbd|todo)\b/i;

/** Case, quotes, dashes and spacing as `foldHeading` folds them, without trimming anything. */
function foldPart(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ');
}

function placeholderName(inner: string): string {
  const words = inner.trim();
  return /title$|^title\b/i.test(words) ? '<title>' : `<${words.toLowerCase()}>`;
}

/** Anchored matcher for a heading shape and any accepted alternative names. */
export function headingMatcher(shape: HeadingShape, aliases: readonly string[] = []): RegExp {
  const alternatives = [shape.source, ...aliases.map((a) => headingShape(a).source)];
  return new RegExp(`^(?:${alternatives.join('|')})$`, 'u');
}

/** Inline HTML a heading may hold that is markup, not a `<placeholder>`. */
const HTML_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'details',
  'summary',
  'div',
  'p',
  'picture',
  'source',
]);

/**
 * A template heading's text as its shape is read: the plain text, except
 * where the Markdown holds what plain text loses — a code span
 * (`` `Topic` Cheat Sheet ``) or an angle-bracket placeholder (`<name>`,
 * which a Markdown parser takes for an HTML tag). Links, emphasis, images,
 * comments and real HTML tags are markup and go.
 */
export function shapeText(heading: { text: string; raw: string }): string {
  const raw = heading.raw;
  if (!/[`<]/.test(raw)) return heading.text;
  return raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<<[^<>\n]+>>|<\/?([A-Za-z][\w-]*)([^<>\n]*)>/g, (tag, name: string | undefined, rest: string | undefined) =>
      name !== undefined && (tag.startsWith('</') || HTML_TAGS.has(name.toLowerCase()) || /=|\/\s*$/.test(rest ?? '')) ? '' : tag,
    )
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, '$1')
    .replace(/\\([\\`*_{}()#+\-.!|<>[\]])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
