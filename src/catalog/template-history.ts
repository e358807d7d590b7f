import path from 'node:path';
import { committedVersions, firstAddedTimes, firstCommit } from '../util/git.js';
import { splitNote } from '../template/heading-variants.js';
import { foldHeading } from '../template/normalize.js';
import type { TemplateSchema, TemplateSection } from '../template/types.js';

/**
 * What git says of a template's past and of when the catalog's patterns were written: a catalog
 * fact, read by lint (a pattern written before the template asked for a section lacks it as a
 * warning) and by `init --adopt` (such patterns do not make the section optional for the others).
 * Each part of the history is read from git once, when first asked for.
 */
export interface TemplateHistory {
  /** The time (ms) of the template's first committed version. */
  readonly first: number;
  /**
   * When the template first asked for the section: at its first version (`first`), or at a later one
   * (the time it was committed) — the version that added it, or, where its guidance came to say every
   * document must have it, the version that said so —, or undefined (never committed with it).
   */
  since(section: TemplateSection): 'first' | number | undefined;
  /** When the template's front matter first had the key (`description:`), as `since` says of a section. */
  keySince(key: string): 'first' | number | undefined;
  /** When the pattern (its path from the catalog's root) was first committed, or undefined. */
  added(rel: string): number | undefined;
  /** When the pattern was written: the earlier of its first commit and the date it gives itself (`declared`). */
  written(rel: string, declared?: number): number | undefined;
  /** Whether the pattern was written before the template asked for the section (false where either is not known). */
  writtenBefore(section: TemplateSection, rel: string, declared?: number): boolean;
  /**
   * When the template dropped a heading it once had (`## Design Details`, gone from a later version):
   * the time of the first version without it after the last one with it; undefined where the
   * template has it today, or never had it in the versions read.
   */
  retired(heading: string): number | undefined;
  /**
   * Of the version committed at `time`, how many headings it dropped and how many it gained (by name,
   * notes aside) against the version before it; undefined where no version was committed then.
   */
  changedAt(time: number): { dropped: number; gained: number } | undefined;
  /**
   * The headings, by name in their order, of the version in force at `time` (the last committed at or
   * before it); undefined before the template's first version, or where git keeps no versions.
   */
  headingsAt(time: number): readonly string[] | undefined;
}

/**
 * The template's history in the catalog at `root`, or undefined where git cannot tell it: a
 * built-in template, no git, a template never committed, a shallow clone.
 */
export function templateHistory(template: TemplateSchema, root: string): TemplateHistory | undefined {
  if (template.builtIn) return undefined;
  const first = firstCommit(template.file);
  if (first === undefined) return undefined;
  // (Each heading by its whole text and by its name without the note, `## Associated issues (PRs)` —
  // but a section noted optional, `## Alternatives [optional]`, was not asked for then.)
  const headingsOf = (text: string) =>
    [...text.matchAll(new RegExp(HEADING_LINE.source, 'gm'))].flatMap((m) => {
      const name = headingText(m[1]!);
      const note = splitNote(name);
      return note.optional ? [] : [foldHeading(name), foldHeading(note.text)];
    });
  const firstHeadings = headingsOf(first.text);
  // (The keys of a version's front matter: its lines that open with a key, between the first two `---`.)
  const keysOf = (text: string) => {
    const m = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
    return new Set(m ? [...m[1]!.matchAll(/^([^\s:#][^:\n]*?)[ \t]*:/gm)].map((k) => k[1]!.trim()) : []);
  };
  let versions: { text: string; headings: string[]; keys: Set<string>; time: number }[] | undefined;
  const read = () => (versions ??= committedVersions(template.file).map((v) => ({ text: v.text, headings: headingsOf(v.text), keys: keysOf(v.text), time: v.time })));
  const firstKeys = keysOf(first.text);
  let named: { time: number; names: Set<string> }[] | undefined;
  let firstNames: Set<string> | undefined;
  let addedTimes: Map<string, number> | undefined;
  const added = (rel: string) => (addedTimes ??= firstAddedTimes(root)).get(path.join(root, rel));
  const had = (section: TemplateSection) =>
    firstHeadings.some((h) => section.matcher.test(h)) ? ('first' as const) : read().find((v) => v.headings.some((h) => section.matcher.test(h)))?.time;
  // (A section whose guidance came to say every document must have it — `All proposals must now have
  // this section` — after versions that had it without a word of that was asked for from then on: the
  // documents written before left it out as the template then let them.)
  // (Once per section: asked again for each finding of each pattern.)
  const sinceOf = new Map<TemplateSection, 'first' | number | undefined>();
  const since = (section: TemplateSection) => {
    if (!sinceOf.has(section)) sinceOf.set(section, sinceUncached(section));
    return sinceOf.get(section);
  };
  const sinceUncached = (section: TemplateSection) => {
    const at = had(section);
    if (at === undefined || !MANDATE.test(section.body)) return at;
    const bodies = read()
      .map((v) => ({ time: v.time, body: sectionText(v.text, section) }))
      .filter((v) => v.body !== undefined);
    const from = bodies.findIndex((v) => MANDATE.test(v.body!));
    return from > 0 ? bodies[from]!.time : at;
  };
  // (A date a pattern gives itself, `Created: Jun 29, 2021`, is a day, read as its start: written the
  // day the template was first committed, it may have come first — the benefit of the doubt.)
  const written = (rel: string, declared?: number) => {
    const t = Math.min(added(rel) ?? Infinity, declared ?? Infinity);
    return t === Infinity ? undefined : t;
  };
  return {
    first: first.time,
    since,
    keySince(key) {
      if (firstKeys.has(key)) return 'first';
      return read().find((v) => v.keys.has(key))?.time;
    },
    added,
    written,
    retired(heading) {
      const key = foldHeading(splitNote(heading).text);
      const all = (named ??= read().map((v) => ({ time: v.time, names: headingNames(v.text) })));
      firstNames ??= headingNames(first.text);
      let last = -1;
      for (let i = all.length - 1; i >= 0; i--)
        if (all[i]!.names.has(key)) {
          last = i;
          break;
        }
      if (last === -1) return all.length > 0 && firstNames.has(key) ? all[0]!.time : undefined;
      return last < all.length - 1 ? all[last + 1]!.time : undefined;
    },
    changedAt(time) {
      const all = (named ??= read().map((v) => ({ time: v.time, names: headingNames(v.text) })));
      const at = all.findIndex((v) => v.time === time);
      if (at <= 0) return undefined;
      const [before, after] = [all[at - 1]!.names, all[at]!.names];
      return { dropped: [...before].filter((n) => !after.has(n)).length, gained: [...after].filter((n) => !before.has(n)).length };
    },
    headingsAt(time) {
      const all = (named ??= read().map((v) => ({ time: v.time, names: headingNames(v.text) })));
      const at = all.findLast((v) => v.time <= time);
      return at ? [...at.names] : undefined;
    },
    writtenBefore(section, rel, declared) {
      const asked = since(section);
      const at = asked === undefined ? undefined : written(rel, declared);
      return at !== undefined && at < (asked === 'first' ? first.time : asked!);
    },
  };
}

/**
 * Every heading of a version of the template, by name, noted optional or not — a pattern written then
 * kept it —; not a line of a fenced code block (`# Install deps` in a sample script).
 */
function headingNames(text: string): Set<string> {
  return new Set(
    [...text.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[ \t]*$/gm, '').matchAll(new RegExp(HEADING_LINE.source, 'gm'))].map((m) =>
      foldHeading(splitNote(headingText(m[1]!)).text),
    ),
  );
}

/** A heading line's text without a comment on it, `## Abstract <!-- A short description … -->` (closed there or lines later). */
function headingText(raw: string): string {
  return raw.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').trim();
}

/** A line that is an ATX heading, its text in group 1 (closing `#`s left off). */
const HEADING_LINE = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/;

/** A sentence of a section's guidance that every document must have it: `All proposals must now have this section`, `This section is mandatory`. */
const MANDATE =
  /\b(?:all|every|each) (?:[\p{L}-]+ ){0,2}(?:must|shall|are required to|is required to) (?:now |also |always )?(?:have|include|contain|keep) (?:this|such an?|an?) (?:section|heading)\b|\bthis (?:section|heading) is (?:now )?(?:required|mandatory|compulsory)\b/iu;

/** The text under the section's heading in one version of the template (to the next heading), or undefined where it has none. */
function sectionText(text: string, section: TemplateSection): string | undefined {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((line) => {
    const m = HEADING_LINE.exec(line);
    return m !== null && section.matcher.test(foldHeading(splitNote(headingText(m[1]!)).text));
  });
  if (at < 0) return undefined;
  const end = lines.findIndex((line, i) => i > at && /^ {0,3}#{1,6}[ \t]/.test(line));
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}
