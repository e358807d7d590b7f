import { DOCUMENT_PARTS } from '../template/document-parts.js';
import type { MarkdownDocument, Section } from '../markdown/types.js';
import { isHiddenComment, SUMMARY_KEYS, type SummarySetting, type TitleSetting } from '../template/load-template.js';
import { splitNote } from '../template/heading-variants.js';
import { matchOutline, speaksOf, type OutlineMatch, type SectionMatch } from '../template/match-outline.js';
import { foldHeading, foldText } from '../template/normalize.js';
import type { TemplateSchema, TemplateSection } from '../template/types.js';
import { flattenSections, isUnder } from '../template/walk.js';
import { SUMMARY_SECTION_NAMES, TITLE_SECTION_NAMES, summaryPlaces, titleOf } from './adopt-derive.js';

/**
 * The second step of `init --adopt`: the template read against the
 * catalog's patterns, and what the configuration should say so that the
 * first lint reports what the catalog itself would call a problem.
 */

/** A choice written to the configuration, with the sentence that says why. */
export interface SectionChoice {
  /** The template section's name (the `sections` key). */
  name: string;
  optional?: true;
  /** Many patterns lack it: a missing one is a warning. */
  recommended?: true;
  aliases?: string[];
  /** Why, one sentence per part (`kept by 0 of 120 patterns, …: made optional`). */
  reasons: string[];
}

export interface Comparison {
  sections: SectionChoice[];
  title?: { setting: TitleSetting; reason: string };
  summary?: { setting: SummarySetting; reason: string };
  /** Required template sections most often absent (historical sections, for the baseline). */
  absent: { name: string; level: number; missing: number; of: number }[];
  /** Patterns compared. */
  of: number;
}

/** A template section kept by at most this share of the patterns is (almost) nobody's… */
const SLOT_KEPT_SHARE = 0.1;
/**
 * …a sub-section, at most this share: the template's sub-headings suggest how to write a section
 * the patterns write their own way (`### Technical Background` under `## Detailed design`), and
 * in a small catalog one newer pattern that keeps them does not make them everyone's.
 */
const SLOT_KEPT_SHARE_SUB = 1 / 3;
/** …and a place for the patterns' own sections when this share of those without it have sections of their own there. */
const SLOT_OWN_SHARE = 0.5;
/** A spelling of a template section becomes an alias when this many patterns write it so… */
const ALIAS_MIN = 3;
/** …and they are at least this share of those that have the section (or half of them, in a small catalog). */
const ALIAS_SHARE = 0.1;
/** A required section absent from this share of the patterns is said (a section added to the template later?). */
const ABSENT_SHARE = 0.3;
/** Patterns that leave a section empty, at least, for the catalog's practice to make it recommended (see `compareTemplate`). */
const EMPTY_MIN = 3;
/** A catalog this small says too little about its practice to make a required section recommended… */
const RECOMMEND_MIN = 10;
/** A template derived from fewer patterns than this tells no section every pattern must have: each is recommended. */
const DERIVED_EVIDENCE_MIN = 3;
/** …unless most of its patterns go without it (more than half, of this many at least): `## Consequences` missing in 8 of 9 records is not the log's practice. */
const RECOMMEND_MOST_MIN = 4;

/** Compares the template with the patterns' parsed files (real outline matching, as lint does). */
export function compareTemplate(
  template: TemplateSchema,
  docs: readonly MarkdownDocument[],
  options: {
    derived?: boolean;
    /**
     * Whether the pattern was written before the template asked for the section (its git history,
     * see `templateHistory`): lacking it then, it says nothing of the catalog's practice since.
     */
    writtenBefore?: ((section: TemplateSection, doc: MarkdownDocument) => boolean) | undefined;
  } = {},
): Comparison {
  const n = docs.length;
  const outlines = docs.map((doc) => matchOutline(template.sections, doc.sections));
  const everyone = flattenSections(template.sections).filter((s) => !s.anyHeading);
  const choices = new Map<TemplateSection, SectionChoice>();
  const choice = (s: TemplateSection) => choices.get(s) ?? choices.set(s, { name: s.name, reasons: [] }).get(s)!;
  const absent: Comparison['absent'] = [];
  // (A section under an optional one, `#### Functional Requirements` of `### Requirements [Optional]`, is
  // asked only of patterns that have its parent: not said as absent from the others.)
  const underOptional = (schema: TemplateSection) => everyone.some((a) => a.optional && isUnder(schema, a));

  /** How many patterns have the section and, beside it, a heading of their own with this name (folded). */
  const besideIn = (schema: TemplateSection, key: string) =>
    outlines.filter((o) => has(o, schema) && o.unknown.some((u) => foldText(splitNote(u.heading.text).text.trim().replace(/\s*:$/, '')) === key)).length;

  /** Names many of the patterns without the section give their own heading at its place (see below). */
  const namesAtPlace = (schema: TemplateSection, kept: number): { written: string; count: number }[] => {
    const names = new Map<string, { written: string; count: number }>();
    for (const o of outlines) {
      if (has(o, schema)) continue;
      const there = unknownAt(o, schema, template);
      if (!there) continue;
      const written = splitNote(there.heading.text).text.trim().replace(/\s*:$/, '');
      const key = foldText(written);
      if (!key || everyone.some((t) => foldText(t.name) === key)) continue;
      const entry = names.get(key) ?? names.set(key, { written, count: 0 }).get(key)!;
      entry.count++;
    }
    const lacking = n - kept;
    // A name that stands beside the section in as many patterns as stand it in its place is a
    // section of its own (`## Simple Summary` above `## Abstract`), not the section's older name.
    const beside = (key: string) => besideIn(schema, key);
    const renamed = [...names.entries()]
      // (A name whose words have nothing to do with the section's, `## Example` where `## Evidence`
      // goes in 3 patterns, is that name only where most of the patterns without the section write
      // it there, or where it is an established name: many patterns, never beside the section —
      // `## Effect on API resilience`, the older name of `## Implications on adoption`.)
      .filter(
        ([key, e]) =>
          e.count >= ALIAS_MIN &&
          e.count >= lacking * ALIAS_SHARE &&
          beside(key) < e.count &&
          (e.count * 2 >= lacking || speaksOf(e.written, schema) || (e.count >= ESTABLISHED_NAME && beside(key) === 0)),
      )
      .map(([, e]) => e)
      .sort((a, b) => b.count - a.count);
    return renamed;
  };

  for (const schema of everyone) {
    const keeping = outlines.filter((o) => has(o, schema));
    const kept = keeping.length;

    // A section (almost) nobody has while patterns have their own sections at its place: the slot for them.
    if (!schema.optional && n >= 2 && kept <= n * (schema.path.length > 1 ? SLOT_KEPT_SHARE_SUB : SLOT_KEPT_SHARE)) {
      const lacking = docs.map((doc, i) => ({ doc, outline: outlines[i]! })).filter((x) => !has(x.outline, schema));
      const own = lacking.filter((x) => ownSectionsAt(x.outline, schema, template)).length;
      // (Unless most of them give it one name there, its older one: `## Introduction` where the
      // template has since named it `## Summary of changes`. An alias then, below.)
      const older = schema.name === schema.heading ? namesAtPlace(schema, kept)[0] : undefined;
      if (lacking.length > 0 && own >= lacking.length * SLOT_OWN_SHARE && !(older && older.count * 2 >= lacking.length)) {
        const c = choice(schema);
        c.optional = true;
        c.reasons.push(`\`${heading(schema)}\` is kept by ${count(kept)} of ${count(n)} patterns, which have their own sections at its place: made optional`);
        continue;
      }
    }

    // Spellings many patterns use (`Solution` for `Solutions`): accepted.
    if (schema.name === schema.heading) {
      const spellings = new Map<string, number>();
      for (const o of outlines) {
        const seen = new Set<string>();
        for (const r of o.renamed) {
          // (Nor headings that write a joined name split, `### Goals` and `### Non-Goals`: each is a part.)
          if (r.schema !== schema || r.extended || r.split) continue;
          const written = splitNote(r.section.heading.text).text.trim().replace(/\s*:$/, '');
          if (seen.has(written)) continue;
          seen.add(written);
          spellings.set(written, (spellings.get(written) ?? 0) + 1);
        }
      }
      const aliases = [...spellings.entries()]
        // (A heading read as the section's own name once its note is split off, `### Open Questions
        // [optional]` for `### Open Questions`, is that name already: never an alias of itself.)
        .filter(([written]) => !sameName(written, schema))
        // (One pattern's heading is that pattern's spelling, whatever the share: a warning there, no alias.)
        .filter(([, c]) => (c >= ALIAS_MIN && c >= kept * ALIAS_SHARE) || (c >= 2 && c * 2 >= kept))
        // (Nor a name that many patterns write beside the section, under its own name too: a section
        // of their own, `## Rationale` after `## Motivation` in 28 RFCs, read as it in 29 others.)
        .filter(([written, c]) => besideIn(schema, foldText(written)) * 2 < c)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (aliases.length > 0) {
        const c = choice(schema);
        c.aliases = aliases.map(([a]) => a);
        for (const [alias, c2] of aliases)
          c.reasons.push(
            `${count(c2)} of the ${count(kept)} patterns with \`${heading(schema)}\` write it \`${'#'.repeat(schema.level)} ${alias}\`: accepted as another spelling`,
          );
      }
    }

    // Another name many patterns give the section at its place (`## Effect on ABI stability` where
    // the template, which renamed it later, has `## ABI compatibility`): accepted as an alias.
    if (schema.name === schema.heading && !choices.get(schema)?.optional) {
      const renamed = namesAtPlace(schema, kept).filter((e) => !sameName(e.written, schema));
      const lacking = n - kept;
      if (renamed.length > 0) {
        const c = choice(schema);
        c.aliases = [...(c.aliases ?? []), ...renamed.map((e) => e.written)];
        for (const e of renamed)
          c.reasons.push(
            `${count(e.count)} of the ${count(lacking)} patterns without \`${heading(schema)}\` have \`${'#'.repeat(schema.level)} ${e.written}\` at its place: accepted as another name for it`,
          );
      }
    }

    // A section most of the patterns that have it leave as its bare heading (`## 2) Additional Context`
    // over nothing, in 18 of 23): the catalog writes it when there is something to say — recommended,
    // so an empty (or missing) one is a warning, not an error in each.
    if (!schema.optional && !schema.recommended && !choices.get(schema)?.optional && !choices.get(schema)?.recommended && schema.children.length === 0) {
      const empty = outlines.filter((o) => o.all.some((m) => m.schema === schema && m.sections.length > 0 && m.sections.every(bareSection))).length;
      if (empty >= EMPTY_MIN && empty * 2 > kept) {
        const c = choice(schema);
        c.recommended = true;
        c.reasons.push(
          `\`${heading(schema)}\` is left empty by ${count(empty)} of the ${count(kept)} patterns that have it: recommended (an empty or missing one is a warning; remove this line to make it an error)`,
        );
      }
      // (Or left out by some and empty in others, as many as a section left out alone would be: the
      // catalog writes it when there is something to say, `## Resources` missing in 13 and empty in 6 of 47.)
      // (Left empty by a share of those that have it that says so, a tenth at least: three of 135 is chance.)
      else if (empty >= EMPTY_MIN && empty * 10 >= kept && n >= RECOMMEND_MIN && n - kept > 0 && n - kept < n * ABSENT_SHARE && n - kept + empty >= n * ABSENT_SHARE) {
        const c = choice(schema);
        c.recommended = true;
        c.reasons.push(
          `\`${heading(schema)}\` is missing in ${count(n - kept)} and left empty in ${count(empty)} of ${count(n)} patterns: recommended (an empty or missing one is a warning; remove this line to make it an error)`,
        );
      }
    }

    // A template derived from the patterns is the catalog's practice read by Patternbook, not a standard of
    // the catalog's: a section any of them go without is asked for, not required (a missing one is a
    // warning), in a small catalog too.
    if (options.derived && !schema.optional && !schema.recommended && !choices.get(schema)?.optional && kept < n && (n - kept < n * ABSENT_SHARE || n < RECOMMEND_MIN)) {
      const c = choice(schema);
      c.recommended = true;
      c.reasons.push(
        `\`${heading(schema)}\` is missing in ${count(n - kept)} of ${count(n)} patterns, and the template is derived from them: recommended (a missing one is a warning; remove this line to make it an error)`,
      );
    }
    // (Derived from one or two patterns, which have every section of it: too few to tell which sections
    // every pattern must have — the next one may well go without its first one's `### Triage`.)
    else if (options.derived && !schema.optional && !schema.recommended && !choices.get(schema)?.optional && n > 0 && n < DERIVED_EVIDENCE_MIN) {
      const c = choice(schema);
      c.recommended = true;
      c.reasons.push(
        `\`${heading(schema)}\` is in the template derived from ${n === 1 ? 'one pattern' : `${count(n)} patterns`} alone, too few to tell which sections every pattern must have: recommended (a missing one is a warning; remove this line to make it an error)`,
      );
    }
    if (!schema.optional && !choices.get(schema)?.optional && n > 0 && n - kept >= n * ABSENT_SHARE) {
      // The catalog's own practice: a section this share of its patterns go without is asked for,
      // not required — all of them, too (a section the template gained after they were written).
      // A missing one stays a finding, as a warning.
      // (Counted among the patterns written since the template asked for it, where its git history
      // tells: those written before lack it as their era did, and lint says so of each, as a warning.)
      const before = options.writtenBefore ? docs.filter((doc, i) => !has(outlines[i]!, schema) && options.writtenBefore!(schema, doc)).length : 0;
      const asked = n - before;
      const lack = n - kept - before;
      const since = before > 0 ? ' written since the template asked for it' : '';
      // (In a small catalog, counting those that have it under a name accepted for it: it is theirs then.)
      const aliased = namesAtPlace(schema, kept)
        .filter((e) => choices.get(schema)?.aliases?.includes(e.written))
        .reduce((sum, e) => sum + e.count, 0);
      if (before > 0 && (lack === 0 || lack < asked * ABSENT_SHARE)) {
        choice(schema).reasons.push(
          `\`${heading(schema)}\` is missing in ${count(n - kept)} of ${count(n)} patterns, ${lack === 0 ? (before === 1 ? 'one' : `all ${count(before)}`) : `${count(before)} of them`} written before the template asked for it (its git history): required, and lint reports a missing one in those as a warning`,
        );
      } else if (!schema.recommended && (asked >= RECOMMEND_MIN || (asked >= RECOMMEND_MOST_MIN && (lack - aliased) * 2 > asked))) {
        const c = choice(schema);
        c.recommended = true;
        c.reasons.push(
          `\`${heading(schema)}\` is missing${c.aliases?.length ? ' under its own name' : ''} in ${kept === 0 && before === 0 ? `all ${count(n)}` : `${count(lack)} of ${count(asked)}`} patterns${since}${kept === 0 && before === 0 ? ' (a section the template gained after they were written, likely)' : ''}: recommended (a missing one is a warning; remove this line to make it an error)`,
        );
      } else if (!schema.recommended && !underOptional(schema)) absent.push({ name: schema.name, level: schema.level, missing: lack, of: asked });
    }
  }

  return {
    sections: byName([...choices.values()]),
    ...titleChoice(template, docs, options),
    ...summaryChoice(template, docs),
    absent: absent.sort((a, b) => b.missing - a.missing),
    of: n,
  };
}

/** A section with nothing under its heading but comments the reader never sees. */
function bareSection(section: Section): boolean {
  return section.children.length === 0 && section.blocks.every(isHiddenComment);
}

/** Whether the pattern has the template section anywhere (at its place, misplaced, or written another way). */
function has(outline: OutlineMatch, schema: TemplateSection): boolean {
  return outline.all.some((m) => m.schema === schema) || outline.misplaced.some((m) => m.schema === schema);
}

/**
 * Whether the pattern has sections of its own (matching no template section)
 * where the template puts `schema`: between the present sections before and
 * after it at its level.
 */
function ownSectionsAt(outline: OutlineMatch, schema: TemplateSection, template: TemplateSchema): boolean {
  const { from, to } = placeOf(outline, schema, template);
  return ownHeadings(outline).some((u) => start(u) > from && start(u) < to);
}

/** Headings of a document's navigation, never a section of the author's (folded). */
const NAVIGATION = /^(?:table of contents|contents|toc|index|navigation)$/;

/**
 * The pattern's own sections (matching no template section), its table of contents left out:
 * one stands first in many documents, and where it stands says nothing about a section.
 */
function ownHeadings(outline: OutlineMatch): Section[] {
  return outline.unknown.filter((u) => !NAVIGATION.test(foldText(splitNote(u.heading.text).text)));
}

/**
 * The pattern's own heading (matching no template section) that sits where
 * the template puts `schema`, at its level: between the present sections
 * around it, paired in order when several template sections are missing
 * there and as many headings of the author's stand between (`## Impact on
 * existing code`, `## Effect on ABI stability` for `## Source
 * compatibility`, `## ABI compatibility`).
 */
/** A heading written as the section's own name (its note split off, case and punctuation aside). */
function sameName(written: string, schema: TemplateSection): boolean {
  const key = foldText(splitNote(written).text);
  return key === foldText(schema.name) || key === foldText(splitNote(schema.heading).text);
}

/** Patterns that write another name at a section's place, and never beside it, for that name to be the section's older one whatever its words. */
const ESTABLISHED_NAME = 10;

function unknownAt(outline: OutlineMatch, schema: TemplateSection, template: TemplateSchema): Section | undefined {
  const { from, to, gap, bounded } = placeOf(outline, schema, template);
  if (!bounded) return undefined;
  const own = ownHeadings(outline)
    .filter((u) => u.level === schema.level && start(u) > from && start(u) < to)
    .sort((x, y) => start(x) - start(y));
  // The one heading there whose words speak of this section and of no other missing there
  // (`## Detailed design` where the guide-level and the reference-level explanations go: the design
  // is the latter's); else, one heading for each missing section, in their order — unless it
  // speaks of others of them and not of this one.
  const speaks = (u: Section) => gap.filter((g) => speaksOf(u.title, g));
  const speaking = own.filter((u) => speaks(u).length === 1 && speaks(u)[0] === schema);
  if (speaking.length === 1) return speaking[0];
  const placed = own.length === gap.length ? own[gap.indexOf(schema)] : undefined;
  return placed && (speaks(placed).length === 0 || speaks(placed).includes(schema)) ? placed : undefined;
}

/**
 * Where the template puts `schema` in a pattern: the offsets of the present
 * sibling sections around it (`-1` / `Infinity` when none), the template
 * sections missing between them (`schema` among them), and whether a present
 * sibling bounds it at all.
 */
function placeOf(outline: OutlineMatch, schema: TemplateSection, template: TemplateSchema): { from: number; to: number; gap: TemplateSection[]; bounded: boolean } {
  const parentPath = schema.path.slice(0, -1);
  const siblings = parentPath.length === 0 ? template.sections : (flattenSections(template.sections).find((s) => sameList(s.path, parentPath))?.children ?? []);
  const at = siblings.indexOf(schema);
  const present = (s: TemplateSection): SectionMatch | undefined => outline.all.find((m) => m.schema === s);
  let b = at - 1;
  while (b >= 0 && !present(siblings[b]!)) b--;
  let a = at + 1;
  while (a < siblings.length && !present(siblings[a]!)) a++;
  return {
    from: b >= 0 ? start(present(siblings[b]!)!.sections[0]!) : -1,
    to: a < siblings.length ? start(present(siblings[a]!)!.sections[0]!) : Infinity,
    gap: siblings.slice(b + 1, a),
    bounded: b >= 0 || a < siblings.length,
  };
}

function start(section: Section): number {
  return section.range.start.offset;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function heading(schema: TemplateSection): string {
  return `${'#'.repeat(schema.level)} ${schema.name}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Where most patterns keep their title, when the template keeps its own elsewhere. */
function titleChoice(template: TemplateSchema, docs: readonly MarkdownDocument[], how: { derived?: boolean }): Pick<Comparison, 'title'> {
  const n = docs.length;
  if (n === 0) return {};
  const titles = docs.map(titleOf);
  // (An H1 that is the label the template keeps over the field naming the pattern, `# Meta`, is no title.)
  const label = template.title.from === 'none' && template.title.label ? foldHeading(template.title.label) : undefined;
  // (Nor is one that names a part of a document or a section of the template: `## Summary` first in a
  // document titled in its front matter, read as its title for want of another where the template's
  // title line is a `##`. Nor, there, a numbered section, `## 1 Related links/tickets` — an H1 so
  // numbered, `# 12 Factor Apps`, is a name.)
  const sectionNames = new Set(flattenSections(template.sections).map((s) => foldHeading(s.name)));
  const secondLevel = template.title.from === 'heading' && template.title.level === 2;
  const names = (heading: string) => {
    const folded = foldHeading(heading);
    return folded === label || DOCUMENT_PARTS.has(folded) || sectionNames.has(folded) || (secondLevel && /^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\p{L}/u.test(heading.trim()));
  };
  const counts = {
    heading: titles.filter((t) => t.heading && !names(t.heading)).length,
    'front-matter': titles.filter((t) => t.frontMatter).length,
    section: titles.filter((t) => t.section).length,
  };
  const spec = template.title;
  const most = (c: number) => c * 2 >= n;
  const atPlace =
    spec.from === 'heading'
      ? counts.heading
      : spec.from === 'front-matter' && spec.key === 'title'
        ? counts['front-matter']
        : spec.from === 'section'
          ? counts.section
          : 0;
  if (spec.from !== 'none' && most(atPlace)) {
    // A template derived from the patterns reads their practice, as with its sections: a title a few of
    // them go without is asked for, not required (the site titles those by their file names).
    if (!how.derived || atPlace >= n) return {};
    const where = spec.from === 'heading' ? 'an H1' : spec.from === 'front-matter' ? `front matter \`${spec.key}\`` : `the section \`${spec.section}\``;
    return {
      title: {
        setting: { recommended: true },
        reason: `${count(n - atPlace)} of ${count(n)} patterns have no title in ${where}, and the template is derived from them: recommended (a missing one is a warning; remove this setting to make it an error)`,
      },
    };
  }
  const hasTitleSection = template.sections.some((s) => TITLE_SECTION_NAMES.has(foldText(s.name)));
  const options = [
    { setting: { from: 'heading' } as TitleSetting, count: counts.heading, where: 'an H1' },
    { setting: { from: 'front-matter', key: 'title' } as TitleSetting, count: counts['front-matter'], where: 'front matter `title`' },
    ...(hasTitleSection ? [{ setting: { from: 'section' } as TitleSetting, count: counts.section, where: 'the line under `## Title`' }] : []),
  ].filter((o) => most(o.count) && o.setting.from !== spec.from);
  const best = options.sort((a, b) => b.count - a.count)[0];
  if (!best) return {};
  const templateWhere =
    spec.from === 'heading'
      ? 'an H1'
      : spec.from === 'front-matter'
        ? `front matter \`${spec.key}\``
        : spec.from === 'section'
          ? `the section \`${spec.section}\``
          : 'no title';
  // (Where the template has no title line, the catalog's practice is all that asks for one: those
  // without it are asked, not required.)
  const asked = spec.from === 'none' && best.count < n;
  return {
    title: {
      setting: asked ? { ...best.setting, recommended: true } : best.setting,
      reason: `${count(best.count)} of ${count(n)} patterns keep their title in ${best.where} (the template has ${templateWhere})${asked ? ': recommended (a missing one is a warning)' : ''}`,
    },
  };
}

/** Where most patterns keep their summary, when the template keeps its own elsewhere (or has none). */
function summaryChoice(template: TemplateSchema, docs: readonly MarkdownDocument[]): Pick<Comparison, 'summary'> {
  const n = docs.length;
  if (n === 0) return {};
  const places = docs.map(summaryPlaces);
  const most = (c: number) => c * 2 >= n;
  const spec = template.summary;
  const blockquotes = places.filter((p) => p.blockquote).length;
  const keyCount = (key: string) => places.filter((p) => p.keys.includes(key)).length;
  const sectionName = template.sections.find((s) => SUMMARY_SECTION_NAMES.has(foldText(s.name)))?.name;
  const sectionCount = sectionName ? places.filter((p) => p.section && foldText(p.section) === foldText(sectionName)).length : 0;
  // Where the template keeps it, most patterns have it: kept there. When a good share go without
  // (the catalog's older patterns), a missing summary is what the catalog asks for, not requires.
  const atPlace = spec.from === 'blockquote' ? blockquotes : spec.from === 'front-matter' ? keyCount(spec.key) : spec.from === 'section' ? sectionCount : 0;
  if (spec.from !== 'none' && most(atPlace)) {
    // A summary section's absence is required-section's (and `sections.<name>.recommended`).
    if (spec.from === 'section' || n < RECOMMEND_MIN || n - atPlace < n * ABSENT_SHARE) return {};
    const where = spec.from === 'blockquote' ? 'a blockquote after the title' : `front matter \`${spec.key}\``;
    return {
      summary: {
        setting: { from: spec.from, ...(spec.from === 'front-matter' ? { key: spec.key } : {}), recommended: true },
        reason: `${count(n - atPlace)} of ${count(n)} patterns have no summary in ${where}, where the template keeps it: recommended (a missing one is a warning; remove \`recommended\` to make it an error)`,
      },
    };
  }
  const templateWhere =
    spec.from === 'blockquote'
      ? 'a blockquote after the title'
      : spec.from === 'front-matter'
        ? `front matter \`${spec.key}\``
        : spec.from === 'section'
          ? `the section \`${spec.section}\``
          : 'no place for one';
  const options = [
    { setting: { from: 'blockquote' } as SummarySetting, count: blockquotes, where: 'a blockquote after the title' },
    ...SUMMARY_KEYS.map((key) => ({
      setting: { from: 'front-matter', key } as SummarySetting,
      count: keyCount(key),
      where: `front matter \`${key}\``,
    })),
    ...(sectionName ? [{ setting: { from: 'section', section: sectionName } as SummarySetting, count: sectionCount, where: `the section \`${sectionName}\`` }] : []),
  ].filter((o) => most(o.count) && !(o.setting.from === spec.from && (spec.from !== 'front-matter' || o.setting.key === spec.key)));
  const best = options.sort((a, b) => b.count - a.count)[0];
  if (best)
    return {
      summary: { setting: best.setting, reason: `${count(best.count)} of ${count(n)} patterns keep their summary in ${best.where} (the template has ${templateWhere})` },
    };
  if (spec.from === 'none') return {};
  return {
    summary: {
      setting: { from: 'first-paragraph' },
      reason: `most patterns have no summary where the template keeps one (${templateWhere}): their first paragraph is shown, nothing is checked`,
    },
  };
}

/**
 * One choice per name: the configuration keys its `sections` by name, so two template sections of
 * one name (`## Name.Width` under two parts) share a setting. It is as lenient as both allow — optional
 * where both are, else recommended where either is more lenient than required — with both's
 * aliases and reasons.
 */
function byName(choices: readonly SectionChoice[]): SectionChoice[] {
  const out = new Map<string, SectionChoice>();
  for (const c of choices) {
    const key = foldHeading(c.name);
    const had = out.get(key);
    if (!had) {
      out.set(key, c);
      continue;
    }
    const optional = had.optional && c.optional;
    const recommended = !optional && (had.optional || had.recommended || c.optional || c.recommended);
    const aliases = [...new Set([...(had.aliases ?? []), ...(c.aliases ?? [])])];
    out.set(key, {
      name: had.name,
      ...(optional ? { optional: true as const } : {}),
      ...(recommended ? { recommended: true as const } : {}),
      ...(aliases.length ? { aliases } : {}),
      reasons: [...had.reasons, ...c.reasons],
    });
  }
  return [...out.values()];
}
