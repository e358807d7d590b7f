import type { Range } from '../markdown/lines.js';
import { decodeCommonEntities } from '../markdown/inline.js';
import type { MarkdownDocument } from '../markdown/types.js';
import { foldHeading } from './normalize.js';

/** A field's label and value: `Status: Final`, `**Status**: Final`, `**Status:** Final`. */
// (A `+` before the label, `* +TUF-Version: 1.0.0`, is the template's mark of a field one may leave out.)
const FIELD_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\+?([\p{L}][\p{L} _()-]{0,30}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)\s*(.*\S)\s*$/u;

/** A field left empty (`Post-History:`, `Reviewed:` until it is filled in). */
const EMPTY_FIELD = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\+?[\p{L}][\p{L} _()-]{0,30}?(?::(?:\*\*|__)|(?:\*\*|__)?:)\s*$/u;

/** A list item wholly in emphasis (`_Replaced by [RFC 0002](…)_`), and how `bodyFields` hands it to `fieldLines`. */
const WHOLLY_EMPHASISED = /^\s*(\*\*|__|\*|_)(?=\S)[^\n]+(?<=\S)\1\s*$/;
const NOTE_LINE = '\u0000note';

/**
 * Lines that are all fields, two with a value at least: each `Key: value`, or
 * `Key:` left empty; in a code block, a line indented under a field goes on
 * with its value (a second author on a line of its own); a note among them, fewer than the
 * fields, is passed over. Undefined otherwise.
 */
function fieldLines(lines: readonly string[], block: boolean): [string, string][] | undefined {
  const pairs: [string, string][] = [];
  let empty = false;
  // (In a code block of fields, a line of its own that is no field — `Version 1.2.0` — is passed
  // over, where the fields are most of the lines.)
  let stray = 0;
  // (A field left empty, `- Tracking issue:`, is a field of the block all the same.)
  let blanks = 0;
  let notes = 0;
  for (const line of lines) {
    const m = FIELD_LINE.exec(line);
    if (m && !(block && /^\s/.test(line) && (pairs.length > 0 || empty))) {
      pairs.push([m[1]!, m[2]!]);
      empty = false;
    } else if (EMPTY_FIELD.test(line)) {
      empty = true;
      blanks++;
    } else if (block && /^\s+\S/.test(line) && (pairs.length > 0 || empty)) {
      if (!empty) pairs[pairs.length - 1]![1] += ` ${line.trim()}`;
    } else if (block && !/^\s/.test(line) && /^\p{L}/u.test(line) && !line.includes(':')) stray++;
    // (A note among the fields, wholly in emphasis — `- _Replaced by [RFC 0002](…)_` under them: said of
    // the document, no field, and no end of them.)
    else if (line === NOTE_LINE) notes++;
    else return undefined;
  }
  return pairs.length >= 1 && pairs.length + blanks >= 2 && stray * 3 < pairs.length && notes < pairs.length ? pairs : undefined;
}

/**
 * The fields a document writes in its body, where a template without front
 * matter keeps them: a code block without a language whose lines are all
 * `Key: value` (two or more), a table of two columns whose first is labels
 * (`| Title | … |`), or a list of `Key: value` items right under the title;
 * the first such block before the first section or in the first section.
 * Keys in lower case, values as written (emphasis and code marks dropped).
 */
export function bodyFields(doc: MarkdownDocument): { values: Record<string, string>; range?: Range } | undefined {
  const first = doc.sections[0];
  const blocks = [...doc.preamble, ...(first?.blocks ?? [])];
  const out: Record<string, string> = {};
  let range: Range | undefined;
  // (Emphasis and code marks go; an underscore inside a word stays: `DOCK_ONLY`.)
  // (A line break written as a backslash at the end of the line, `Start Date: 2021-12-25 \`, is no part of it.)
  const clean = (value: string) =>
    value
      .replace(/\s*\\$/, '')
      .replace(/`/g, '')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(?<![\p{L}\p{N}])[*_]+(?=\S)|(?<=\S)[*_]+(?![\p{L}\p{N}])/gu, '')
      .trim();
  const add = (key: string, value: string) => {
    const k = key.trim().toLowerCase();
    const v = clean(value);
    if (k && v && !(k in out)) out[k] = v;
  };
  // A cell that is a field's label (it may close on a colon, `| Title: | Handle |`).
  const label = (cell: string | undefined) => /^[*_]*[\p{L}][\p{L} _()/-]{0,30}[*_]*:?[*_]*$/u.test(cell ?? '');
  /** Rows of a label and a value each, a table's or an HTML table's: their fields, when every first cell is a label. */
  // (A row whose label cell is left empty under a labelled one goes on with that field's value: a
  // second author on a row of its own.)
  const labelRows = (rows: readonly (readonly string[])[]): boolean => {
    const goesOn = (r: readonly string[], i: number) => i > 0 && (r[0] ?? '').trim() === '' && (r[1] ?? '').trim() !== '';
    if (!rows.every((r, i) => label(r[0]) || goesOn(r, i))) return false;
    let key = '';
    const own = new Set<string>();
    for (const [i, r] of rows.entries()) {
      if (!goesOn(r, i)) {
        key = r[0]!.replace(/[*_:]/g, '').trim().toLowerCase();
        if (!(key in out)) own.add(key);
        add(key, r[1] ?? '');
      } else if (own.has(key)) out[key] = key in out ? `${out[key]}, ${clean(r[1]!)}` : clean(r[1]!);
    }
    return true;
  };
  for (const b of blocks) {
    let lines: string[] | undefined;
    if (b.kind === 'code' && (!b.code.lang || /^(?:text|txt|plain|plaintext)$/i.test(b.code.lang))) lines = b.code.content.split('\n').filter((l) => l.trim() !== '');
    // (Or a paragraph of field lines, one under the other, `**Closing date:** 2018-03-16` then
    // `**Status:** Accepted`: the template's fields, a blank line between them left out.)
    else if (b.kind === 'paragraph' && b.raw.includes('\n')) lines = b.raw.split('\n');
    // (An item wholly in emphasis, `_Replaced by [RFC 0002](…)_`, is a note: see `fieldLines`.)
    else if (b.kind === 'list' && !b.ordered) lines = b.items.map((i) => (WHOLLY_EMPHASISED.test(i.raw) ? NOTE_LINE : i.text));
    // (Or in a `<pre>` block, as a code block written in HTML: `<pre>\n  title: Widget Cache\n</pre>`.)
    else if (b.kind === 'html' && /^\s*<pre\b[^>]*>/i.test(b.html)) {
      const inner = b.html
        .replace(/^\s*<pre\b[^>]*>|<\/pre>\s*$/gi, '')
        .replace(/<[^>]+>/g, '')
        .split('\n')
        .filter((l) => l.trim() !== '');
      // (Its lines indented alike, `  title: …`: read from that indent.)
      const indent = Math.min(...inner.map((l) => /^[ \t]*/.exec(l)![0].length));
      lines = inner.map((l) => l.slice(indent));
    }
    if (lines) {
      // (A document written as plain text, wholly indented as one code block, opens with its header:
      // the lines up to the first blank one, `Title: …` over `Status: …`, then the text.)
      const header = b.kind === 'code' && b === doc.preamble[0] ? b.code.content.split(/\n[ \t]*\n/)[0]!.split('\n') : undefined;
      const pairs = fieldLines(lines, b.kind !== 'list') ?? (header && header.length < lines.length ? fieldLines(header, true) : undefined);
      if (pairs) {
        for (const [key, value] of pairs) add(key, value);
        range = b.range;
        break;
      }
      continue;
    }
    // (Or an HTML table of two cells a row, `<tr><td>Title</td><td>Move the rack</td></tr>`, as the
    // pipe table of fields is written in HTML.)
    if (b.kind === 'html' && /^\s*<table\b/i.test(b.html)) {
      // (A row runs to the next one, its `</tr>` left out or not, as browsers read it.)
      const rows = b.html
        .split(/<tr\b[^>]*>/i)
        .slice(1)
        .map((row) => [...row.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)(?:<\/t[dh]>|(?=<t[dh]\b|<\/tr>|<\/table>|$))/gi)].map((c) => decodeCell(c[1]!)));
      if (rows.length >= 2 && rows.every((r) => r.length === 2) && labelRows(rows)) {
        range = b.range;
        break;
      }
    }
    // (A table of labels over one row of values, `| Number | Title | Status |` over `| 34 | Gadget
    // registry | Draft |`: the same fields, side by side.)
    if (b.kind === 'table' && b.table.header.length >= 3 && b.table.rows.length === 1 && b.table.header.every(label)) {
      b.table.header.forEach((key, i) => add(key.replace(/[*_:]/g, ''), b.table.rows[0]!.cells[i] ?? ''));
      range = b.range;
      break;
    }
    if (b.kind === 'table' && b.table.header.length === 2) {
      // (Its header row left empty, `|  |  |` over the fields' rows, as a table without one is written.)
      const blankHeader = b.table.header.every((c) => c.trim() === '');
      const rows = [...(blankHeader ? [] : [b.table.header]), ...b.table.rows.map((r) => r.cells)];
      if (rows.length >= 2 && labelRows(rows)) {
        range = b.range;
        break;
      }
    }
  }
  // (Or each field a paragraph of its own, `Status: Draft`, then `Type: Specification`…, a list under
  // one that names it, `Authors:`: two such paragraphs at least, none else between them.)
  if (Object.keys(out).length === 0) {
    const run: [string, string][] = [];
    let from: Range | undefined;
    let to: Range | undefined;
    let listOf = false;
    for (const b of blocks) {
      const m = b.kind === 'paragraph' && !b.raw.includes('\n') ? FIELD_LINE.exec(b.raw) : null;
      const label = b.kind === 'paragraph' && !b.raw.includes('\n') && EMPTY_FIELD.test(b.raw);
      if (m || label) {
        if (m) run.push([m[1]!, m[2]!]);
        from ??= b.range;
        to = b.range;
        listOf = label;
      } else if (b.kind === 'list' && listOf) {
        to = b.range;
        listOf = false;
      } else if (run.length >= 2) break;
      else if (b.kind !== 'html' && b.kind !== 'hr') {
        run.length = 0;
        from = undefined;
        listOf = false;
      }
    }
    if (run.length >= 2 && from && to) {
      for (const [key, value] of run) add(key, value);
      range = { start: from.start, end: to.end };
    }
  }
  // (Or one line alone, first under the title, that gives the status — `**Status**: Implemented`, as
  // a catalog whose README asks each document for that line writes it, or a list of that one item,
  // `* Status: rejected` —: a value of a few words, or a word and what it says of it, `deprecated -
  // replaced by 0013`, or its first sentence, `Accepted. Built in part.`.)
  if (Object.keys(out).length === 0) {
    const titleEnd = doc.title?.range.end.line ?? 0;
    const lead = doc.preamble.find((b) => b.range.start.line > titleEnd && b.kind !== 'html' && b.kind !== 'hr');
    const line =
      lead?.kind === 'paragraph' && !lead.raw.includes('\n')
        ? lead.raw
        : lead?.kind === 'list' && !lead.ordered && lead.items.length === 1 && !lead.items[0]!.raw.trim().includes('\n')
          ? lead.items[0]!.raw
          : undefined;
    const m = line === undefined ? null : FIELD_LINE.exec(line);
    const value = m?.[2] ?? '';
    if (
      lead &&
      m &&
      /^(?:status|state|stage)$/i.test(m[1]!.trim()) &&
      ((value.match(/\S+/g) ?? []).length <= 4 || /^[*_`]*\p{L}[\p{L}-]*[*_`]*\s*(?:[-–—,;(.]|by\b)/u.test(value))
    ) {
      add(m[1]!, m[2]!);
      range = lead.range;
    }
  }
  // A section of its own for the status (`## Status`, then `Superseded by 0002`): its first paragraph.
  const status = doc.sections.find((s) => foldHeading(s.title) === 'status')?.blocks.find((b) => b.kind === 'paragraph');
  if (status?.kind === 'paragraph') add('status', status.text);
  return Object.keys(out).length > 0 ? { values: out, ...(range ? { range } : {}) } : undefined;
}

/**
 * The labels of the fields a template leaves empty under its title, each a line of its own
 * (`**Feature name:**`, then `**Primary lead(s):**`), in lower case: where its documents write
 * their values.
 */
export function emptyFieldLabels(doc: MarkdownDocument): string[] {
  const out: string[] = [];
  for (const b of doc.preamble) {
    if (b.kind !== 'paragraph' || b.raw.includes('\n') || !EMPTY_FIELD.test(b.raw)) continue;
    const label = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\+?([\p{L}][\p{L} _()-]{0,30}?)\s*(?:\*\*|__)?:/u.exec(b.raw)?.[1];
    if (label) out.push(label.trim().toLowerCase());
  }
  return out;
}

/** A field that names the document: `Proposal Name`, `Feature name`, `RFC Title` (keys in lower case). */
export const NAME_FIELD =
  /^(?:(?:proposal|feature|rfc|nep|eip|pep|kep|cap|sep|tep|bip|document|spec|specification|project|pattern|change|enhancement|design|adr|decision)[ _-]?)(?:name|title)$/;

/**
 * A field that identifies the document by a short unique ident (`RFC Proposal ID: 0007-date-filter`,
 * `Request ID`): its name where the template has no other (keys in lower case).
 */
export const ID_FIELD =
  /^(?:(?:proposal|feature|rfc|request|change|enhancement|design|decision|document|spec|specification|project|pattern)[ _-]?){1,2}(?:id|ident|identifier)$/;

/** A table cell's text: its tags dropped, the common entities decoded, spaces closed up. */
function decodeCell(html: string): string {
  return decodeCommonEntities(html.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
