import { parse as parseToml } from 'smol-toml';
import { parseDocument, isMap } from 'yaml';
import { LineIndex } from './lines.js';

/**
 * YAML front matter found at the very top of a file, between `---` lines — or
 * in the metadata tag of the Hyde site generator (`{%hyde` … `%}`), which
 * catalogs built with it open their files with instead.
 */
export interface FrontMatter {
  /** Parsed mapping (empty object for an empty block). */
  data: Record<string, unknown>;
  /** The YAML text between the fences (a Hyde block's without the indent its lines share). */
  raw: string;
  /** 1-based line of the opening `---` (`{%hyde`). */
  startLine: number;
  /** 1-based line of the closing `---` or `...` (`%}`). */
  endLine: number;
  /**
   * Written in a Hyde `{%hyde … %}` block rather than between `---` lines; or in TOML, between `+++`
   * lines (Hugo's, Zola's) or as `key = "value"` lines closed by a `---` line alone (Bartholomew's).
   */
  syntax?: 'hyde' | 'toml' | 'toml-head';
  /** The indent taken off the lines of `raw` (a Hyde block's): a column in the file is one in `raw` plus this. */
  indent?: number;
  /** Below the comments that open the file (a licence header): the catalog's metadata, though no Markdown tool reads it as front matter. */
  afterComment?: true;
  /**
   * Why the YAML between the fences does not load (`data` is then empty): the
   * file is still read, its body parsed and shown, and lint reports this
   * (rule `front-matter-syntax`).
   */
  error?: FrontMatterError;
}

export interface FrontMatterError {
  message: string;
  line: number;
  column: number;
}

/** `error`: the block is never closed, so where the body starts is unknown (malformed YAML inside a closed block is `ok` with `frontMatter.error`). */
export type FrontMatterResult = { kind: 'none' } | { kind: 'ok'; frontMatter: FrontMatter } | { kind: 'error'; error: FrontMatterError };

/** Aliases make YAML a graph; bound them so a "billion laughs" block cannot blow up memory. */
const MAX_ALIAS_COUNT = 100;

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits and parses front matter. Only the YAML 1.2 core schema is accepted: no
 * custom or language-specific tags (`!!js/function`), duplicate keys are errors.
 */
export function parseFrontMatter(source: string): FrontMatterResult {
  const open = source.startsWith('---') ? OPEN.exec(source) : null;
  if (!open) return source.startsWith('<!--') ? afterComment(source) : (tomlBlock(source) ?? hydeBlock(source));

  const lines = source.slice(open[0].length).split(/\r\n|\r|\n/);
  const closeIndex = lines.findIndex((line) => CLOSE.test(line));
  if (closeIndex < 0) {
    // A rule that opens the document (`---`, then prose or a heading), no `key: value` after it: no front matter.
    const next = lines.find((line) => line.trim() !== '');
    if (next === undefined || !/^["']?[\w][\w .-]*["']?:(?:\s|$)/.test(next)) return { kind: 'none' };
    return {
      kind: 'error',
      error: {
        message: 'Front matter opened with `---` on line 1 is never closed: add a line with `---` after the YAML.',
        line: 1,
        column: 1,
      },
    };
  }
  return readBlock(lines.slice(0, closeIndex).join('\n'), { startLine: 1, endLine: closeIndex + 2, indent: 0 });
}

/**
 * A `---` block of `key: value` lines right under the comments that open the
 * file (a licence header, `<!-- Copyright … -->`, then the metadata), as
 * catalogs whose template opens so write it: the metadata the template keeps,
 * read as front matter. Positions stay the file's. A block whose first line is
 * no `key:` is a rule, the text after it the author's: no front matter.
 */
function afterComment(source: string): FrontMatterResult {
  const lines = source.split(/\r\n|\r|\n/);
  let at = 0;
  while (at < lines.length) {
    const line = lines[at]!.trim();
    if (line === '') {
      at++;
      continue;
    }
    if (!line.startsWith('<!--')) break;
    let end = at;
    while (end < lines.length && !lines[end]!.includes('-->')) end++;
    if (end >= lines.length || !/-->\s*$/.test(lines[end]!)) return { kind: 'none' };
    at = end + 1;
  }
  if (at >= lines.length || !/^---[ \t]*$/.test(lines[at]!)) return { kind: 'none' };
  const close = lines.findIndex((line, i) => i > at && CLOSE.test(line));
  const first = lines.slice(at + 1, close < 0 ? undefined : close).find((line) => line.trim() !== '');
  if (close < 0 || first === undefined || !/^["']?[\w][\w .-]*["']?:(?:\s|$)/.test(first)) return { kind: 'none' };
  const read = readBlock(lines.slice(at + 1, close).join('\n'), { startLine: at + 1, endLine: close + 1, indent: 0 });
  return read.kind === 'ok' ? { kind: 'ok', frontMatter: { ...read.frontMatter, afterComment: true } } : read;
}

/** An opening Hyde metadata tag on a line of its own (`{%hyde`, `{% hyde %}`), whatever follows it there. */
const HYDE_OPEN = /^[ \t]*\{%-?[ \t]*hyde\b/;
/** A line that closes it (`%}`), whatever follows. */
const HYDE_CLOSE = /^[ \t]*-?%\}/;

/**
 * A Hyde metadata block opening the file (blank lines above it aside): the
 * YAML between `{%hyde` and `%}`. Hyde reads it and never shows it; such
 * catalogs often indent it, which Markdown would show as a code block. The
 * rest of the opening and closing lines is the tag's (a template's notes,
 * `_end the block with this_`), not YAML. A block never closed is no block:
 * the file is text, as it was.
 */
function hydeBlock(source: string): FrontMatterResult {
  const lines = source.split(/\r\n|\r|\n/);
  const at = lines.findIndex((line) => line.trim() !== '');
  if (at < 0 || !HYDE_OPEN.test(lines[at]!)) return { kind: 'none' };
  const close = lines.findIndex((line, i) => i > at && HYDE_CLOSE.test(line));
  if (close < 0) return { kind: 'none' };
  const body = lines.slice(at + 1, close);
  const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  const shared = Number.isFinite(indent) ? indent : 0;
  const raw = body.map((l) => l.slice(Math.min(shared, /^[ \t]*/.exec(l)![0].length))).join('\n');
  return readBlock(raw, { startLine: at + 1, endLine: close + 1, indent: shared, syntax: 'hyde' });
}

/** A TOML line: `key = value`, a `[table]` header, or a comment. */
const TOML_LINE = /^[ \t]*(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*[ \t]*=[ \t]*\S|\[{1,2}[A-Za-z0-9_. -]+\]{1,2}[ \t]*$|#)/;

/**
 * TOML front matter: between `+++` lines (Hugo, Zola), or `key = "value"` lines from the first line,
 * closed by a `---` line alone (Bartholomew, as Spin's documents open). Undefined where the file
 * opens with neither (its `key = …` lines not closed so are its text).
 */
function tomlBlock(source: string): FrontMatterResult | undefined {
  const plus = source.startsWith('+++');
  if (!plus && !/^[A-Za-z0-9_-]+[ \t]*=[ \t]*\S/.test(source)) return undefined;
  const lines = source.split(/\r\n|\r|\n/);
  if (plus && !/^\+\+\+[ \t]*$/.test(lines[0]!)) return undefined;
  const from = plus ? 1 : 0;
  const close = lines.findIndex((line, i) => i >= from && (plus ? /^\+\+\+[ \t]*$/ : /^---[ \t]*$/).test(line));
  if (close < 0) return undefined;
  const body = lines.slice(from, close);
  // (Bartholomew's head: nothing but TOML above its `---`, or the lines are text and the `---` a rule.)
  if (!plus && !body.every((l) => l.trim() === '' || TOML_LINE.test(l))) return undefined;
  const raw = body.join('\n');
  const place = { startLine: 1, endLine: close + 1, syntax: plus ? ('toml' as const) : ('toml-head' as const) };
  try {
    const data = parseToml(raw) as Record<string, unknown>;
    return { kind: 'ok', frontMatter: { data: plainDates(data), raw, ...place } };
  } catch (err) {
    const e = err as { line?: number; column?: number; message?: string };
    return {
      kind: 'ok',
      frontMatter: {
        data: {},
        raw,
        ...place,
        error: {
          message: `Malformed front matter: ${firstLine(e.message ?? String(err))}. Fix the TOML ${plus ? 'between the `+++` lines' : 'above the `---` line'}.`,
          line: (e.line ?? 1) + from,
          column: e.column ?? 1,
        },
      },
    };
  }
}

/** TOML's dates as JavaScript dates, as YAML's are read (TOML's own date type is no plain value). */
function plainDates(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v instanceof Date ? new Date(v.getTime()) : v;
  return out;
}

/** The YAML of a block whose place is known: a problem inside it leaves the body to read, with the problem said. */
function readBlock(raw: string, place: { startLine: number; endLine: number; indent: number; syntax?: 'hyde' }): FrontMatterResult {
  const { startLine, endLine } = place;
  const own = { ...(place.syntax ? { syntax: place.syntax } : {}), ...(place.indent ? { indent: place.indent } : {}) };
  const fences = place.syntax === 'hyde' ? 'between `{%hyde` and `%}`' : 'between the `---` lines';
  const unread = (error: FrontMatterError): FrontMatterResult => ({ kind: 'ok', frontMatter: { data: {}, raw, startLine, endLine, ...own, error } });

  let doc = parseYaml(raw);
  if (doc.errors.length > 0) {
    // What other loaders read (PyYAML, js-yaml): a quoted value that goes on, unindented, on the next lines.
    const mended = indentQuotedContinuations(raw);
    if (mended !== raw) {
      const again = parseYaml(mended);
      if (again.errors.length === 0) doc = again;
    }
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const at = new LineIndex(raw).pointAt(problem.pos[0]);
    return unread({
      message: `Malformed front matter: ${firstLine(problem.message)}. Fix the YAML ${fences}.`,
      // (The YAML starts on the line after the opening one; a Hyde block's lines lost their shared indent.)
      line: at.line + startLine,
      column: at.column + place.indent,
    });
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return unread({ message: 'Front matter must be a YAML mapping of `key: value` pairs.', line: startLine + 1, column: 1 });
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return unread({ message: `Malformed front matter: ${firstLine((err as Error).message)}. Remove the repeated aliases.`, line: startLine + 1, column: 1 });
  }
  return {
    kind: 'ok',
    frontMatter: { data: (data ?? {}) as Record<string, unknown>, raw, startLine, endLine, ...own },
  };
}

/**
 * A whole YAML file read as metadata (a pattern's `kep.yaml`): a mapping of
 * `key: value` pairs, read as front matter is; an error with its line.
 */
export function parseMetadata(text: string): { kind: 'ok'; data: Record<string, unknown> } | { kind: 'error'; message: string; line: number } {
  const doc = parseYaml(text);
  const problem = doc.errors[0];
  if (problem) return { kind: 'error', message: `Malformed YAML: ${firstLine(problem.message)}`, line: new LineIndex(text).pointAt(problem.pos[0]).line };
  if (doc.contents !== null && !isMap(doc.contents)) return { kind: 'error', message: 'It must be a YAML mapping of `key: value` pairs', line: 1 };
  try {
    return { kind: 'ok', data: (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown> };
  } catch (err) {
    return { kind: 'error', message: `Malformed YAML: ${firstLine((err as Error).message)}`, line: 1 };
  }
}

function parseYaml(raw: string) {
  return parseDocument(raw, { schema: 'core', customTags: [], uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
}

/**
 * The YAML with the continuation lines of a multi-line quoted value indented
 * (`description: "A long text` / `that goes on"` at the margin). YAML 1.2
 * asks for the indent; the loaders most catalogs were written against (and
 * GitHub's renderer) do not, so such files are read as their authors meant.
 * Lines and their order stay as they are, so positions in messages stay right.
 */
function indentQuotedContinuations(raw: string): string {
  const lines = raw.split('\n');
  let open: '"' | "'" | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (open) {
      if (!/^\s/.test(line)) lines[i] = `  ${line}`;
      if (closes(line, open)) open = undefined;
      continue;
    }
    const start = /^\s*(?:-\s+)?[^\s#][^:]*:\s+(["'])/.exec(line);
    if (start && !closes(line.slice(start[0].length), start[1] as '"' | "'")) open = start[1] as '"' | "'";
  }
  return lines.join('\n');
}

/** Whether a quoted value of this kind ends in `text` (a quote not escaped: `\"` in double, `''` in single quotes). */
function closes(text: string, quote: '"' | "'"): boolean {
  if (quote === '"') return /(?:^|[^\\])(?:\\\\)*"/.test(text);
  return /(?:^|[^'])'(?!')|(?:'')*'$/.test(text.replace(/''/g, ''));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/[.:]\s*$/, '');
}

/**
 * The key of a front matter mapping that stands for `key`: itself, else one
 * written in another case (`Title:` for `title`, as catalogs whose headers
 * copy e-mail style write them). Undefined when there is none.
 */
export function frontMatterKey(data: Record<string, unknown>, key: string): string | undefined {
  if (Object.hasOwn(data, key)) return key;
  const folded = key.toLowerCase();
  return Object.keys(data).find((k) => k.toLowerCase() === folded);
}

/** The value of `key` in front matter, by `frontMatterKey`: `Title:` answers for `title`. */
export function frontMatterValue(data: Record<string, unknown>, key: string): unknown {
  const found = frontMatterKey(data, key);
  return found === undefined ? undefined : data[found];
}

/**
 * A pattern's value for a key: its front matter's (any case), else the field its body's header block
 * writes (`Status: Draft` under the title; keys there in lower case).
 */
export function headerValue(holder: { frontMatter: Record<string, unknown>; fields?: Record<string, string> | undefined }, key: string): unknown {
  return frontMatterValue(holder.frontMatter, key) ?? holder.fields?.[key.toLowerCase()];
}

/**
 * Front matter that is not valid YAML read a line at a time (a template's sketch of its keys, a header in e-mail style): `key: value`, a trailing comment dropped, quotes
 * taken off. (A note set in emphasis after the value, `status: draft _stub, draft or published_`, is
 * a comment too: Hyde templates write theirs so.)
 */
export function sketchFrontMatter(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of raw.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w -]*?)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = m[2]!.replace(/\s*(?:<!--.*?(?:-->|$)|\s#.*|\s(?:_[^_\n]+_|\*[^*\n]+\*)\s*)$/, '').trim();
    out[m[1]!] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return out;
}

/** Lines of YAML keys between `---` lines after blank lines at the top of a file, where front matter should have been. */
export function lateFrontMatter(source: string): { line: number; blank: number } | undefined {
  const m = /^\uFEFF?((?:[ \t]*\r?\n)+)---[ \t]*\r?\n((?:[^\r\n]*\r?\n){1,60}?)---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) return undefined;
  const lines = m[2]!.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0 || !lines.every((l) => /^[A-Za-z_][\w -]*:(?:\s|$)|^\s+\S|^\s*-\s|^\s*#/.test(l))) return undefined;
  const blank = m[1]!.split(/\r?\n/).length - 1;
  return { line: blank + 1, blank };
}
