import type { MarkdownDocument } from '../markdown/types.js';

/**
 * Keys that date a document's writing, in its front matter (or the metadata file beside it) or
 * in the fields of its header: `date`, `created`, `creation-date`, `Start Date`, `Last updated`.
 * (Any of them is a time by which the document existed.)
 */
const DATE_KEY = /^(?:date|created|creation[ _-]?date|created[ _-]?(?:at|on|date)|start[ _-]?date|started|proposed|submitted|last[ _-]?(?:updated|modified)|updated)$/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month's number (1–12) by its English name or abbreviation (`Sept`, `Nov.`, `November`), never another word (`Maybe`). */
function monthOf(word: string): number | undefined {
  const w = word.replace(/\.$/, '').toLowerCase();
  const at = MONTHS.findIndex((m) => m === w || (w.length >= 3 && w.length <= 4 && m.startsWith(w)));
  return at < 0 ? undefined : at + 1;
}

/**
 * The time (ms, UTC) a text that is only a date says: `2018-11-26`, `2018/11/26`, `November 2013`,
 * `September 2, 2015`, `03 December 2015`, `October, 2015`, `07/11/2024` (July), `11.07.2024`. Undefined for anything else, and for
 * a year before 1990 or a date after `now`.
 */
export function dateOf(text: string, now = Date.now()): number | undefined {
  const t = text
    .replace(/[*_`]/g, '')
    .replace(/\s*\\$/, '')
    .trim();
  let year: number | undefined;
  let month = 1;
  let day = 1;
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  else if ((m = /^([A-Za-z]{3,9}\.?),?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$/.exec(t))) {
    const mo = monthOf(m[1]!);
    if (mo === undefined) return undefined;
    [year, month, day] = [Number(m[3]), mo, Number(m[2] ?? 1)];
  } else if ((m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(t))) {
    // (The year last: `07/11/2024` month first, as written with slashes in the US; `11.07.2024` day
    // first, as written with dots; either where the other reading has no such month, `25/12/2024`.)
    const [a, b] = [Number(m[1]), Number(m[3])];
    const dayFirst = a > 12 || (b <= 12 && m[2] === '.');
    [year, month, day] = [Number(m[4]), dayFirst ? b : a, dayFirst ? a : b];
  } else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})$/.exec(t))) {
    const mo = monthOf(m[2]!);
    if (mo === undefined) return undefined;
    [year, month, day] = [Number(m[3]), mo, Number(m[1])];
  }
  if (year === undefined || year < 1990 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = Date.UTC(year, month - 1, day);
  return time > now ? undefined : time;
}

/**
 * The earliest date a document gives itself for its writing: the date its file is named by
 * (`2021-07-20-csv-enrichment.md`) or its title gives, a front matter key that dates it
 * (`creation-date: 2018-11-26`, a `kep.yaml` beside it), a field of its header (`Last updated:
 * 2015-07-31`), or a line of its header that is only a date (`November 2013` under the author's
 * name). Git's dates are those of the file, which may have been imported or moved long after it
 * was written; the document's own say when it existed. Undefined where it gives none.
 */
export function declaredDate(pattern: {
  frontMatter: Record<string, unknown>;
  fields?: Record<string, string>;
  document: MarkdownDocument;
  path?: string;
  title?: { text: string } | undefined;
}): number | undefined {
  const dates: number[] = [];
  const add = (value: unknown) => {
    const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? dateOf(value) : undefined;
    if (time !== undefined && !Number.isNaN(time)) dates.push(time);
  };
  // (A file named by the day it was written, `2021-07-20-8288-csv-enrichment.md`, as catalogs whose
  // template is `YYYY-MM-DD-my-proposal.md` name theirs; or a title that gives it between dashes,
  // `RFC 8288 - 2021-07-20 - CSV Enrichment`.)
  // (Or its folder, `2021-07-20-csv-enrichment/README.md`.)
  const parts = pattern.path?.split('/') ?? [];
  const name = /^(?:readme|index)\.\w+$/i.test(parts.at(-1) ?? '') && parts.length > 1 ? parts.at(-2)! : parts.at(-1);
  const named = name ? /^(\d{4}-\d{2}-\d{2})(?:[-_.]|$)/.exec(name) : null;
  if (named) add(named[1]);
  for (const part of pattern.title?.text.split(/\s+[-–—|]\s+/) ?? []) if (/^\d{4}-\d{2}-\d{2}$/.test(part.trim())) add(part);
  for (const [key, value] of Object.entries(pattern.frontMatter)) if (DATE_KEY.test(key.trim())) add(value);
  // (Front matter that does not load — a quote left open on another line — still dates the document
  // in a line of its own, `creation-date: 2020-07-29`: read line by line. Its error is
  // front-matter-syntax's to say.)
  const fm = pattern.document.frontMatter;
  if (fm?.error)
    for (const m of fm.raw.matchAll(/^([\p{L}][\p{L} _-]{0,24}?)[ \t]*:[ \t]*["']?([^"'\n#]+?)["']?[ \t]*(?:#.*)?$/gmu)) if (DATE_KEY.test(m[1]!.trim())) add(m[2]);
  for (const [key, value] of Object.entries(pattern.fields ?? {})) if (DATE_KEY.test(key.trim())) add(value);
  // (The header: the lines above the first section, after the title.)
  for (const block of pattern.document.preamble) {
    const lines = block.kind === 'paragraph' ? block.raw.split('\n') : block.kind === 'list' ? block.items.map((item) => item.text) : [];
    for (const line of lines) {
      const field = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([\p{L}][\p{L} _-]{0,24}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$/u.exec(line);
      if (field && DATE_KEY.test(field[1]!.trim())) add(field[2]);
      else add(line);
    }
  }
  // (Its own record of changes, `## Changelog` with `- 2020-03-23: Initial draft`: the first entry is
  // when it was written, whenever git saw the file — moved, or merged from another repository later.)
  const visit = (sections: MarkdownDocument['sections']): void => {
    for (const section of sections) {
      if (CHANGELOG_HEADING.test(section.title.replace(/[*_`:]/g, '').trim()))
        for (const block of section.blocks) {
          const entries = block.kind === 'list' ? block.items.map((item) => item.text) : block.kind === 'table' ? block.table.rows.map((r) => r.cells[0] ?? '') : [];
          for (const entry of entries) add(ENTRY_DATE.exec(entry.replace(/[*_`[\]]/g, ''))?.[1]);
        }
      visit(section.children);
    }
  };
  visit(pattern.document.sections);
  return dates.length > 0 ? Math.min(...dates) : undefined;
}

/** A heading of a document's own record of its changes. */
const CHANGELOG_HEADING = /^(?:change ?log|changes|history|revision history|revisions|document history|version history)$/i;

/** The date an entry of such a record opens with: `2020-03-23: Initial draft`, `March 3, 2021 - Accepted`. */
const ENTRY_DATE = /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})(?=$|[\s:,;)–—-])/;
