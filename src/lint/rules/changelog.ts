import type { Section } from '../../markdown/types.js';
import { foldHeading } from '../../template/normalize.js';
import type { TemplateSchema, TemplateSection } from '../../template/types.js';
import { defineRule } from '../rule.js';
import { headingLabel, schemaLabel } from './_format.js';
import { claimedSections, sectionsFor, versionedSchema } from '../../template/lookup.js';
import { isCalendarDate } from './_blocks.js';

/** semver.org's grammar: no leading zeros, dot-separated pre-release and build identifiers. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** A version-looking word in a heading, strict or not. */
const VERSION_WORD = /(?<![\w.])v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z.-]*)?)(?![\w])/;
const DATE_WORD = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const DAY = 24 * 60 * 60 * 1000;

interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: string[];
  text: string;
}

interface Entry {
  section: Section;
  /** Undefined when the heading has no valid semantic version. */
  version?: Version;
}

export default defineRule({
  meta: {
    id: 'changelog',
    description: "Changelog entries have the template's heading shape, a valid semantic version and a real past date, no repeats, in the template's order.",
    severity: 'error',
    fixable: true,
  },
  check({ pattern, template, outline, flags, report }) {
    const found = versionedSchema(template);
    if (!found) return;
    const { schema, parent } = found;
    const doc = pattern.document;
    const wantsDate = schema.name.includes('<date>');
    const shape = schemaLabel(schema);
    const latest = new Date(flags.now.getTime() + DAY).toISOString().slice(0, 10);
    const entrySections = new Set(sectionsFor(outline, schema));
    const order = entryOrder(template, schema, parent);
    const claimed = claimedSections(outline);

    // Entries are judged per run: the sub-sections of each Changelog section (or all of them without a parent).
    const groups: { children: Section[]; entries: Section[] }[] = parent
      ? sectionsFor(outline, parent).map((p) => ({ children: p.children, entries: p.children.filter((c) => entrySections.has(c)) }))
      : [{ children: [...entrySections], entries: [...entrySections] }];

    for (const group of groups) {
      // A sub-section no template section claims is an entry written in another shape.
      const strays = group.children.filter((c) => !claimed.has(c));
      for (const stray of strays) {
        report({
          message: `Changelog entry ${headingLabel(stray)} does not have the template's shape ${shape}: write it as in the template${wantsDate ? ' (version, then date as YYYY-MM-DD)' : ''}.`,
          range: stray.heading.range,
          expected: `${'#'.repeat(schema.level)} ${schema.name}`,
          actual: `${'#'.repeat(stray.level)} ${stray.title}`,
        });
      }

      const entries: Entry[] = group.entries.map((section) => {
        const word = VERSION_WORD.exec(section.title)?.[1];
        const version = word !== undefined ? parseSemver(word) : undefined;
        if (!version) {
          const near = word !== undefined ? nearSemver(word) : undefined;
          report({
            message: `${headingLabel(section)} has no valid semantic version${word !== undefined ? `: ${JSON.stringify(word)} is not MAJOR.MINOR.PATCH without leading zeros` : ''}.${near ? ` Did you mean ${near}?` : ''}`,
            range: section.heading.range,
          });
        }
        if (wantsDate) checkDate(section);
        return { section, ...(version ? { version } : {}) };
      });

      function checkDate(section: Section): void {
        const m = DATE_WORD.exec(section.title);
        if (!m) return; // the shape already requires one: a heading without it is not an entry
        const [date, y, mo, d] = m as unknown as [string, string, string, string];
        if (!isCalendarDate(Number(y), Number(mo), Number(d))) {
          report({ message: `${headingLabel(section)}: ${date} is not a real date. Write the release date as YYYY-MM-DD.`, range: section.heading.range });
        } else if (date > latest) {
          report({ message: `${headingLabel(section)}: ${date} is in the future. Write the date the version was released.`, range: section.heading.range });
        }
      }

      // Repeated versions.
      const first = new Map<string, Entry>();
      for (const entry of entries) {
        if (!entry.version) continue;
        const key = versionKey(entry.version);
        const earlier = first.get(key);
        if (earlier) {
          report({
            message: `Version ${entry.version.text} appears twice (also on line ${earlier.section.heading.range.start.line}): merge the two entries into one.`,
            range: entry.section.heading.range,
          });
        } else first.set(key, entry);
      }

      // In the template's order (newest first unless its entries say otherwise): the first entry
      // out of that order is reported. A template with one entry says no order: a run that goes
      // oldest first throughout is in order too.
      const parsed = entries.filter((e): e is Entry & { version: Version } => e.version !== undefined);
      // (With no order asked, the run's own: the way most of its neighbouring entries go.)
      const rising = parsed.filter((e, i) => i > 0 && compareSemver(parsed[i - 1]!.version, e.version) < 0).length;
      const falling = parsed.filter((e, i) => i > 0 && compareSemver(parsed[i - 1]!.version, e.version) > 0).length;
      const oldestFirst = order === 'oldest' || (order === 'either' && rising > falling);
      const sign = oldestFirst ? -1 : 1;
      const wrong = parsed.findIndex((e, i) => i > 0 && sign * compareSemver(parsed[i - 1]!.version, e.version) < 0);
      if (wrong < 0) continue;
      const entry = parsed[wrong]!;
      const before = parsed.find((e) => sign * compareSemver(e.version, entry.version) < 0)!;
      const fix = strays.length === 0 && parsed.length === entries.length ? sortFix(doc.source, entries as (Entry & { version: Version })[], sign) : undefined;
      report({
        message: `${headingLabel(entry.section)} is out of order: entries go ${oldestFirst ? 'oldest' : 'newest'} first, so ${entry.version.text} belongs before ${headingLabel(before.section)}.${fix ? '' : ' Move it up.'}`,
        range: entry.section.heading.range,
        ...(fix ? { fix } : {}),
      });
    }
  },
});

/**
 * Rewrites the run of entries sorted newest first (`sign` 1) or oldest first (-1). Each entry's text is kept
 * as it is (only the order changes); the text between entries stays a blank
 * line or more. No fix when anything but blank lines separates two entries.
 */
function sortFix(source: string, entries: (Entry & { version: Version })[], sign: 1 | -1): { range: [number, number]; text: string } | undefined {
  const ordered = [...entries].sort((a, b) => a.section.range.start.offset - b.section.range.start.offset);
  const gaps: string[] = [];
  for (let i = 0; i + 1 < ordered.length; i++) {
    const gap = source.slice(ordered[i]!.section.range.end.offset, ordered[i + 1]!.section.range.start.offset).replace(/\r\n?/g, '\n');
    if (gap.trim() !== '') return undefined;
    gaps.push(/\n[ \t]*\n/.test(gap) ? gap : '\n\n');
  }
  // Stable: equal versions keep their order.
  const sorted = [...ordered].sort((a, b) => sign * compareSemver(b.version, a.version));
  const text = sorted.map((e, i) => source.slice(e.section.range.start.offset, e.section.range.end.offset).replace(/\r\n?/g, '\n') + (gaps[i] ?? '')).join('');
  return { range: [ordered[0]!.section.range.start.offset, ordered.at(-1)!.section.range.end.offset], text };
}

/**
 * The order the template asks for: as its Changelog's guidance says it
 * ("newest first"), else as its own entries show it, when it has two or more
 * with versions; `either` with fewer.
 */
function entryOrder(template: TemplateSchema, schema: TemplateSection, parent: TemplateSection | undefined): 'newest' | 'oldest' | 'either' {
  // Said in words, comments included: "newest first", "in reverse chronological order"; "oldest first".
  const said = `${parent?.body ?? ''} ${schema.guidance}`.toLowerCase();
  if (/\b(?:newest|latest|most recent)(?: (?:entry|entries|version|versions|release|releases))? (?:first|on top|at the top)\b|\breverse[- ]chronological/.test(said))
    return 'newest';
  if (/\b(?:oldest|earliest)(?: (?:entry|entries|version|versions|release|releases))? (?:first|on top|at the top)\b/.test(said)) return 'oldest';
  // Patternbook's own template documents its convention: newest first (docs/rules/changelog.md).
  if (template.builtIn) return 'newest';
  const versions: Version[] = [];
  const visit = (sections: readonly Section[]): void => {
    for (const section of sections) {
      const word = section.level === schema.level && schema.matcher.test(foldHeading(section.title)) ? VERSION_WORD.exec(section.title)?.[1] : undefined;
      const version = word !== undefined ? parseSemver(word) : undefined;
      if (version) versions.push(version);
      visit(section.children);
    }
  };
  visit(template.document.sections);
  if (versions.length < 2) return 'either';
  return compareSemver(versions[0]!, versions[1]!) < 0 ? 'oldest' : 'newest';
}

function parseSemver(text: string): Version | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ? m[4].split('.') : [], text };
}

/** `01.2.03` → `1.2.3`: the same numbers written validly, when that is the only problem. */
function nearSemver(text: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return m ? `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}` : undefined;
}

/** semver precedence: numbers, then a pre-release sorts before its release; build metadata is ignored. */
function compareSemver(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Math.sign(Number(x) - Number(y));
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function versionKey(v: Version): string {
  return [v.major, v.minor, v.patch, ...v.pre].join('.');
}
