import { frontMatterKey } from '../markdown/front-matter.js';
import type { MarkdownDocument } from '../markdown/types.js';
import type { Leftover } from './leftovers.js';
import { foldText } from './normalize.js';
import { markedTokens, ROLE_NAME } from './placeholders.js';
import type { TemplateSchema } from './types.js';

/**
 * Marked placeholders of the template's front matter that a pattern keeps as
 * the value of the same key (`created: <mm/dd/yyyy>`, `created: yyyy-mm-dd`,
 * `feature: (fill in with the tracking issue)`, an item `TBD` of a list, the
 * whole list of choices `status: provisional|implementable`): template text
 * left in, at the value. Only values the template marks as a blank as a whole; a value
 * it gives as a default (`status: Draft`) is the pattern's to keep.
 */
export function frontMatterLeftovers(template: TemplateSchema, doc: MarkdownDocument): Leftover[] {
  const fm = doc.frontMatter;
  if (!fm || fm.error) return [];
  const out: Leftover[] = [];
  const lines = fm.raw.split(/\r?\n/);
  // (The key the title is read from: a blank left there is the title rule's; the summary's, left whole
  // as the template's sample, the summary rule's — one finding for one blank.)
  const titleKey = template.title.from === 'front-matter' ? template.title.key.toLowerCase() : undefined;
  const summaryKey = template.summary.from === 'front-matter' ? template.summary.key.toLowerCase() : undefined;
  const templateLines = template.document.frontMatter?.raw.split(/\r?\n/) ?? [];
  for (const [key, parsed] of Object.entries(template.frontMatter)) {
    // (`status: {proposed | accepted}` unquoted, which YAML reads as a mapping: the blank as written.)
    const sample = flowBlank(parsed, templateLines, key) ?? parsed;
    if (key.toLowerCase() === titleKey) continue;
    if (key.toLowerCase() === summaryKey && typeof sample === 'string' && foldText(String(fm.data[frontMatterKey(fm.data, key) ?? key] ?? '')) === foldText(sample))
      continue;
    const blanks = valuesOf(sample).filter(isBlank);
    if (blanks.length === 0) continue;
    const own = frontMatterKey(fm.data, key);
    if (own === undefined) continue;
    const kept = valuesOf(flowBlank(fm.data[own], lines, own) ?? fm.data[own]).filter((v) => blanks.some((b) => foldText(b) === foldText(v)));
    for (const value of kept) {
      const at = valueAt(lines, own, value);
      const line = fm.startLine + 1 + (at?.line ?? 0);
      const column = (at?.column ?? 0) + 1 + (fm.indent ?? 0);
      // A key the template says is optional (`requires (*optional)`), or a blank it says is filled in at a
      // later stage (`(fill in once accepted)`): kept, a warning.
      const later = /\b(?:once|when|after|until|upon|later|will|to be)\b/i.test(value);
      const optional = /\boptional\b/i.test(own);
      // (`TBD` as an item of a list the template gives, `reviewers: [TBD]`: the entry it offers for
      // someone not chosen yet, a state of the pattern the catalog's process fills in.)
      // (Written as the list's entries are, `"@TBD"` among `"@owner"`s, it is that entry still.)
      const blank = blanks.find((b) => foldText(b) === foldText(value)) ?? value;
      // (So is `TBD` for a key that names who takes a role, `reviewer: TBD`, `editor: TBD`: someone not
      // chosen yet, as the catalog's process has it.)
      const undecided = (Array.isArray(sample) || ROLE_NAME.test(own)) && /^(?:TBD|TBA)$/.test(blank);
      out.push({
        id: -1,
        where: `front matter \`${own}\``,
        shown: `“${value}”`,
        ...(later || optional || undecided
          ? {
              warning: later
                ? 'the template fills it in at a later stage'
                : undecided
                  ? Array.isArray(sample)
                    ? 'the template offers it as an entry of this list for what is not decided yet: name it once it is'
                    : 'the template offers it for someone not chosen yet: name them once they are'
                  : 'the template makes this key optional: fill it in or remove the line',
            }
          : {}),
        range: { start: { line, column, offset: 0 }, end: { line, column: column + (at ? value.length : 0), offset: 0 } },
      });
    }
  }
  return out;
}

/**
 * A value YAML read as a mapping where the text is a blank in braces, `{proposed | accepted}` or
 * `{YYYY-MM-DD when decided}` written unquoted: that text, as written on the key's line.
 */
function flowBlank(value: unknown, lines: readonly string[], key: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const line = lines[keyLine(lines, key)];
  return line === undefined ? undefined : /^\s*["']?[^:]+["']?\s*:\s*(\{[^{}\n]*\})\s*(?:#.*)?$/.exec(line)?.[1];
}

/** The index of the line that writes `key` in the front matter's lines, or -1. */
function keyLine(lines: readonly string[], key: string): number {
  return lines.findIndex((l) => l.replace(/^["']/, '').startsWith(key));
}

/** A front matter value's strings: itself, or the items of a list. */
function valuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
  return [];
}

/**
 * A value the template marks as a blank to fill in, as a whole: `<date>`, `[name]`, `{owner}`,
 * `(fill me in)`, `TBD`, a date's format (`yyyy-mm-dd`), or the choices to pick one from
 * (`provisional|implementable|implemented`).
 */
function isBlank(value: string): boolean {
  if (/^(?:TBD|TODO|TBA|FIXME)$/.test(value)) return true;
  if (/^[\p{L}][\p{L}\p{N}_-]*(?:\s*\|\s*[\p{L}][\p{L}\p{N}_-]*)+$/u.test(value)) return true;
  const tokens = markedTokens(value);
  return tokens.length === 1 && tokens[0]!.text.trim() === value;
}

/** Where `value` is written for `key` in the front matter's lines (0-based line and column), from the key's line on. */
function valueAt(lines: readonly string[], key: string, value: string): { line: number; column: number } | undefined {
  const at = keyLine(lines, key);
  if (at < 0) return undefined;
  for (let i = at; i < lines.length && (i === at || !/^[^\s#-]/.test(lines[i]!)); i++) {
    const column = lines[i]!.indexOf(value, i === at ? key.length : 0);
    if (column >= 0) return { line: i, column };
  }
  return { line: at, column: 0 };
}
