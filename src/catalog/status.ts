import type { CatalogConfig } from '../config/load-config.js';
import { headerValue } from '../markdown/front-matter.js';
import type { MarkdownDocument } from '../markdown/types.js';
import { foldHeading } from '../template/normalize.js';
import type { PatternView } from './types.js';

/** Status values of a pattern nobody maintains any more (the first word of the value counts: `Superseded by ADR-0005`). */
export const INACTIVE_STATUSES = [
  'withdrawn',
  'rejected',
  'declined',
  'superseded',
  'replaced',
  'obsolete',
  'deprecated',
  'retired',
  'archived',
  'abandoned',
  'dropped',
  'stagnant',
  'postponed',
  'deferred',
  'removed',
  'deleted',
  'discontinued',
];

/** Status values of a pattern still being written (the first word counts: `Draft (under review)`). */
export const DRAFT_STATUSES = ['draft', 'wip', 'idea', 'sketch', 'provisional', 'pre-draft', 'early'];

/**
 * Whether a pattern's front matter (or the fields written in its body) says it
 * is still being written (`status: Draft`): the key and the values are the
 * configuration's `drafts` (default `status` and `DRAFT_STATUSES`). Catalogs
 * accept a draft with `TBD` still in it; what is left of the template there is a warning.
 */
export function isDraft(
  pattern: Pick<PatternView, 'frontMatter' | 'fields'>,
  config: Pick<CatalogConfig, 'drafts'>,
  /** The template's lists of stages: the first status it lists (`Status: New|Draft|Review|Final`) is a draft's too. */
  template?: { stages?: readonly { key: string; values: string[] }[] | undefined },
): boolean {
  const setting = config.drafts;
  if (setting === false) return false;
  const key = setting?.key ?? statusKey(pattern);
  if (setting?.values) return statusIs(pattern, key, setting.values);
  const first = template?.stages?.find((l) => l.key.toLowerCase() === key.toLowerCase())?.values[0];
  return statusIs(pattern, key, first && !INACTIVE_STATUSES.includes(first) ? [...DRAFT_STATUSES, first] : DRAFT_STATUSES);
}

/** Whether the first word of a pattern's status (front matter, else its body fields) is one of `values`. */
function statusIs(pattern: Pick<PatternView, 'frontMatter' | 'fields'>, key: string, values: readonly string[]): boolean {
  // (Or among the fields the document writes in its body: `Status: Rejected` in its header block.)
  const value = headerValue(pattern, key);
  if (typeof value !== 'string') return false;
  // (The template's choices left as they are, `[Draft/Final/Postponed]`, `< Draft | Final >`, are no status.)
  if (/^[\s*_`]*[[<{(][^\]>})]*[/|][^\]>})]*[\]>})]/.test(value)) return false;
  // (So are they without brackets, `provisional|implementable|implemented`, `Draft / In Review / Final`:
  // the template's list left as it is says no stage, the first no more than the others; that blank is
  // the placeholder rule's finding.)
  if (/^[\s*_`]*[\p{L}-]+(?:\s+[\p{L}-]+){0,2}(?:\s*[|/]\s*[\p{L}-]+(?:\s+[\p{L}-]+){0,2})+[\s*_`]*$/u.test(value)) return false;
  const first = /^[\s*_`[(]*([\p{L}-]+)/u.exec(value)?.[1]?.toLowerCase();
  if (!first) return false;
  if (values.some((v) => v.toLowerCase() === first)) return true;
  // (Or the word after one that says which, `first sketch`, `early draft`; or `work in progress` for a draft's `wip`.)
  const second = /^[\s*_`[(]*(?:first|early|initial|rough|working|preliminary)\s+([\p{L}-]+)/iu.exec(value)?.[1]?.toLowerCase();
  if (second && values.some((v) => v.toLowerCase() === second)) return true;
  return values.some((v) => v.toLowerCase() === 'wip') && /^[\s*_`[(]*(?:a\s+)?work[\s-]+in[\s-]+progress\b/i.test(value);
}

/**
 * Whether a pattern's front matter (or the fields written in its body) says it is no longer maintained
 * (`status: Withdrawn`, `status: superseded by 0042`): the key and the values
 * are the configuration's `inactive` (default `status` and `INACTIVE_STATUSES`).
 * Catalogs keep such documents as they were; their findings are warnings.
 */
export function isInactive(pattern: Pick<PatternView, 'frontMatter' | 'fields'> & { path?: string }, config: Pick<CatalogConfig, 'inactive'>): boolean {
  const setting = config.inactive;
  if (setting === false) return false;
  // (Or kept in a folder the catalog names for such documents: `archive/`, `obsolete/`, `withdrawn/`.)
  if (
    pattern.path
      ?.split('/')
      .slice(0, -1)
      .some((folder) => INACTIVE_FOLDER.test(folder))
  )
    return true;
  return statusIs(pattern, setting?.key ?? statusKey(pattern), setting?.values ?? INACTIVE_STATUSES);
}

/**
 * The key a pattern writes its status under where the configuration names none: `status`, else the
 * first of the other names catalogs give that field (`Stage: Draft`, `State: Withdrawn`) it has.
 */
function statusKey(pattern: Pick<PatternView, 'frontMatter' | 'fields'>): string {
  return STATUS_KEYS.find((key) => typeof headerValue(pattern, key) === 'string') ?? 'status';
}

/** Keys a catalog writes a pattern's status under, the usual first. */
export const STATUS_KEYS = ['status', 'stage', 'state'];

/** Folders a catalog keeps documents in that it no longer maintains, as they were written. */
const INACTIVE_FOLDER = /^_?(?:archive[sd]?|obsolete|deprecated|retired|superseded|withdrawn|rejected|abandoned|historical|attic)$/i;

/**
 * Whether a folder's name sets its documents aside, no longer current (see `INACTIVE_FOLDER`), or
 * kept under a name of their own for that (`defunct/`, `legacy/`, `old/`): a document moved there
 * leaves the links written to its old place behind.
 */
export function setAsideFolder(name: string): boolean {
  return INACTIVE_FOLDER.test(name) || /^(?:defunct|archive|old|legacy|inactive|history)$/i.test(name);
}

/** Keys a catalog writes a pattern's creation date under (front matter, or its body's fields), most telling first. */
const CREATED_KEYS = ['creation-date', 'creation_date', 'created', 'created-on', 'created_at', 'start-date', 'start date', 'creation date', 'date'];

/**
 * When a pattern says it was written (`creation-date: 2021-05-10`, `created:
 * 2019-03-01`, `- Start Date: 2020-02-13` in its body), as a time in ms; none
 * without such a key or with a value that is no date (`yyyy-mm-dd`, `2025-30-01`).
 */
export function createdAt(pattern: Pick<PatternView, 'frontMatter' | 'fields'>): number | undefined {
  for (const key of CREATED_KEYS) {
    const value = headerValue(pattern, key);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
    if (typeof value !== 'string') continue;
    const m = /^\s*[*_`]*(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(value);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return Date.UTC(year, month - 1, day);
  }
  return undefined;
}

/**
 * The status a document writes as a section of its own, as decision records do (`## Status`, then
 * `Rejected` or `Superseded by [ADR-9](…)` on the line below): the first line under that heading,
 * when it is one short line. Read where the document has no status field.
 */
export function statusSection(doc: MarkdownDocument): string | undefined {
  const section = doc.sections.flatMap((s) => (s.heading === doc.title ? s.children : [s])).find((s) => foldHeading(s.title) === 'status');
  const first = section?.blocks[0];
  if (first?.kind === 'list') return statusItem(first.items);
  if (first?.kind !== 'paragraph' || first.text.includes('\n') || first.text.length > 80) return undefined;
  return first.text.trim() || undefined;
}

/**
 * The status a `## Status` section writes as a list: the item ticked (`- [x] Accepted` among
 * boxes), or the first item, the others its history (`- Accepted`, `- Amended on 2025-05-02 …`).
 * Not a list of the choices, one word each, left as the template writes it (`- Proposed`,
 * `- Accepted`, `- Rejected`): no status chosen.
 */
function statusItem(list: readonly { text: string; task?: { checked: boolean } }[]): string | undefined {
  if (list.some((i) => i.task)) {
    const ticked = list.filter((i) => i.task?.checked);
    return ticked.length === 1 ? ticked[0]!.text.trim() || undefined : undefined;
  }
  const items = list.map((i) => i.text.trim());
  const first = items[0];
  if (!first || first.includes('\n') || first.length > 80) return undefined;
  if (items.length >= 3 && items.every((i) => /^[\p{L}-]+$/u.test(i))) return undefined;
  return first;
}
