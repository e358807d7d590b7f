import type { Heading, MarkdownDocument, Section } from '../markdown/types.js';
import { extendsName, holdsName, joinedParts, nameParts, OTHER_THAN, REMOVE_ME, shortensName, slashAlternatives, splitNote, variantKey } from './heading-variants.js';
import { headingShape } from './heading-shape.js';
import { detached, foldHeading, withoutNumbering } from './normalize.js';
import type { TemplateSchema, TemplateSection } from './types.js';
import { flattenSections, parentSection, requiredOf } from './walk.js';
import { askedAtStage, type StageHolder, type StageList } from './stages.js';
import { nearest } from '../util/similar.js';
import { analyze } from '../search/analyze.js';

export interface SectionMatch {
  schema: TemplateSection;
  /** The pattern's sections matched to it (several for a repeatable one, or duplicates), in document order. */
  sections: Section[];
  children: SectionMatch[];
}

export interface MissingSection {
  schema: TemplateSection;
  /** The matched parent section; absent for a top-level section. */
  parent?: SectionMatch;
  /** The nearest present sibling before it in template order. */
  after?: SectionMatch;
  /** The nearest present sibling after it in template order. */
  before?: SectionMatch;
  /**
   * The one heading of the author's that stands at its place, in other words altogether
   * (`## Implementation` for `## Detailed design`): between the two template sections around it,
   * where the template has this section alone, at its level, and named like no template section.
   */
  standIn?: Section;
}

export interface MisplacedSection {
  section: Section;
  /** The template section it matches, which the template puts elsewhere. */
  schema: TemplateSection;
  /** When it stands for that (otherwise missing) section: its sub-sections paired with the template's. */
  match?: SectionMatch;
}

export interface OutlineMatch {
  /** Template sections present in the pattern, in template order (top level; children nested). */
  matches: SectionMatch[];
  /** Every match of `matches`, depth first (several rules walk them all). */
  all: SectionMatch[];
  /** Required template sections with no match anywhere. */
  missing: MissingSection[];
  /** Every template section with no match at its place, optional ones included (where it would go). */
  absent: MissingSection[];
  /** Pattern sections that match a template section, but under another parent. */
  misplaced: MisplacedSection[];
  /** Pattern sections that match no template section. */
  unknown: Section[];
  /**
   * Pattern sections matched to a template section whose name they write
   * another way (`Reference` for `References`, `Acknowledgements` for
   * `Acknowledgments`, `Author(s)` for `Author`): matched, so neither missing
   * nor unknown, and listed here to be renamed.
   */
  renamed: {
    section: Section;
    schema: TemplateSection;
    /** Its name plus words of the author's (`References and Further Reading`): no rename asked. */ extended?: boolean;
    /** Known by its sub-sections, not by its name (see `sameContentOtherName`): a rename is asked, not made by `--fix`. */
    byContent?: boolean;
    /** Known as a misspelling at its place (`## Detail Design`): a rename is asked, not made by `--fix` (the author may mean another word). */
    misspelt?: boolean;
    /**
     * Known as another wording at its place, sharing its words (`## Prior art` for `## Prior art and
     * alternatives`, `## Related Design Patterns` for `## Related Java Design Patterns`): a rename
     * is asked, not made by `--fix`.
     */
    reworded?: boolean;
    /** Reworded away from the section's place (`# Plan for adoption` for `# Adoption strategy`, after the section that follows it). */
    apart?: boolean;
    /**
     * The other sections that, with this one, write a section whose name joins theirs, one after the
     * other at its place (`## Reasoning`, then `## Options`, for `## Reasoning and Options`): matched
     * to it too, so neither unknown nor duplicates; one finding asks to join them.
     */
    split?: Section[];
  }[];
}

/**
 * Whether a pattern has fewer than half of the template's top-level sections
 * (required or recommended): it may not be written from this template at all (another kind of
 * document, another template, one older than it). Rules judging its outline
 * say so once (required-section) rather than a finding for each difference.
 */
export function underHalf(
  outline: OutlineMatch,
  template: { sections: readonly TemplateSection[]; stages?: readonly StageList[] | undefined },
  /** The pattern, whose stage may not yet call for a section the template requires from a later one on (see stages.ts). */
  pattern?: StageHolder,
): boolean {
  const asks = askedAtStage(template, pattern);
  // The sections it asks for, required or recommended (a catalog whose patterns often lack one makes it
  // recommended: it is still the template's), at the top level…
  // (Present at their place or out of it: `## Motivation` under a `# Summary` written a level up is
  // there, and one heading off is no other template.)
  const had = new Set([...outline.matches.map((m) => m.schema), ...outline.misplaced.map((m) => m.schema)]);
  // (An optional section the pattern has counts as asked and present, where it has one the template
  // asks for too: it follows this template in that. Optional ones alone say nothing.)
  const some = template.sections.some((s) => !s.optional && asks(s) && had.has(s));
  const asked = template.sections.filter((s) => (!s.optional || (some && had.has(s))) && asks(s));
  const present = asked.filter((s) => had.has(s)).length;
  if (asked.length <= 1 || present * 2 >= asked.length) return false;
  // …and, where the template requires two or more, under half of those too: a pattern with most of
  // the required sections follows the template, whatever recommended ones it lacks — as does one
  // with the one section it requires (the others only asked for: a missing one is a warning each).
  const required = requiredOf(template.sections).filter(asks);
  const requiredPresent = required.filter((s) => had.has(s)).length;
  if (required.length === 1) return requiredPresent === 0;
  // (Half of them, where it has a quarter of all it asks for at most — `## Summary` and `## Motivation`
  // of ten, then seven sections of its own —: written in another shape, not this template's with one
  // section missing.)
  return required.length === 0 || requiredPresent * 2 < required.length || (requiredPresent * 2 === required.length && present * 4 <= asked.length);
}

/** The template sections a pattern has anywhere: at their place, out of place or written another way. */
export function sectionsHad(outline: OutlineMatch): Set<TemplateSection> {
  return new Set([...outline.all.map((m) => m.schema), ...outline.misplaced.map((m) => m.schema)]);
}

/**
 * Pairs a pattern's section tree with the template's by heading shape rather
 * than by position, so every missing, misplaced and unknown section is found
 * in one pass; order and levels are judged on the result by the lint rules.
 */
export function matchOutline(schema: readonly TemplateSection[], sections: readonly Section[]): OutlineMatch {
  const result: OutlineMatch = { matches: [], all: [], missing: [], absent: [], misplaced: [], unknown: [], renamed: [] };
  const leftovers: Section[] = [];
  // A heading the template has somewhere else is misplaced, not unknown, and its section is not missing.
  const everywhere = flattenSections(schema);
  // A heading that only an any-heading slot fits (`### {title of option 1}`) fits it at its place alone.
  const namedHits = (title: string) => matching(everywhere, title).filter((s) => !s.anyHeading);
  const known = (section: Section, wordsBefore = true) => namedHits(section.title).length > 0 || variantOf(everywhere, section.title, wordsBefore) !== undefined;
  // A section of the template's first level written a level up (`# Ingredients` for `## Ingredients`)
  // that the template gives no sub-sections: the headings under it at the template's level are the
  // pattern's next sections (`## Steps`, the template's Baking Steps in other words), not its
  // content — read at the top level, one stray heading is one finding.
  // (One such heading: where several are written up, the outline is an older layout, judged as one.)
  const topLevel = schema[0]?.level;
  const lifted = new Set<Section>();
  const up =
    topLevel === undefined ? [] : sections.filter((s) => s.level < topLevel && (matching(schema, s.title).length > 0 || variantOf(schema, s.title) !== undefined));
  const top =
    topLevel === undefined || up.length !== 1
      ? sections
      : sections.flatMap((s) => {
          if (s.level >= topLevel) return [s];
          const t = matching(schema, s.title)[0] ?? variantOf(schema, s.title);
          if (!t || t.children.length > 0 || t.level !== topLevel) return [s];
          const under = s.children.filter((c) => c.level === topLevel);
          for (const c of under) lifted.add(c);
          return [s, ...under];
        });
  const extending = (section: Section) => (namedHits(section.title).length > 0 ? undefined : variantOf(everywhere, section.title));
  const context: LevelContext = { result, leftovers, known, extending, named: (title) => namedHits(title)[0], present: new Set(), ownContent: new Set(), lifted };
  result.matches = matchLevel(schema, top, undefined, context);

  // `leftovers` grows while it is read: sub-sections of misplaced sections are judged in turn.
  const stood = new Set<TemplateSection>();
  const underOptionalAbsent = (t: TemplateSection): boolean => {
    for (let up = parentSection(schema, t); up; up = parentSection(schema, up)) {
      if (context.present.has(up) || stood.has(up)) return false;
      if (up.optional) return true;
    }
    return false;
  };
  // A template section's name under each of several topics of the author's, deeper than the template
  // puts it (`#### Requirements` under `### Hot tier` and again under `### Cold tier`): a heading of
  // each topic, its content; never the section itself out of place (one section cannot be two).
  // (Also in another spelling of its name: `### Neighbours impact` under each part for `# Neighbour-impact`.)
  const repeated = new Map<TemplateSection, number>();
  // Headings under a leftover heading of the author's: judged for the template's sections only.
  const underOwn = new Set<Section>();
  const namedOrSpelt = (title: string) => namedHits(title)[0] ?? variantOf(everywhere, title, false);
  for (const section of leftovers) {
    const target = namedOrSpelt(section.title);
    if (target && !target.repeatable && section.level > target.level) repeated.set(target, (repeated.get(target) ?? 0) + 1);
  }
  for (const section of leftovers) {
    let target = namedHits(section.title)[0];
    const spelt = namedOrSpelt(section.title);
    if (spelt && (repeated.get(spelt) ?? 0) >= 2 && section.level > spelt.level) continue;
    const variant = target ? undefined : variantOf(everywhere, section.title, false);
    // A heading deep in another section that only looks like a template section present at its
    // place (`### Summary` in an old proposal quoted under `## Future possibilities`) is that
    // section's content, not a misplaced copy.
    if ((target ?? variant) && context.present.has((target ?? variant)!) && section.level > (target ?? variant)!.level) continue;
    // A section's name with more words (`## Summary of proposed changes`) where that section is
    // already present, or at another level than the section's (`### Rationale for the hardware
    // choice` inside the Motivation), is a section of the author's, not a copy out of place.
    if (!target && variant && isExtension(section.title, variant) && (context.present.has(variant) || stood.has(variant) || section.level !== variant.level)) {
      // (Under a template section that has no sub-sections, it is that section's content; under a heading
      // of the author's, that heading's: `##### Implementation specific rules` deep in their own
      // `### Rules` is no `## Implementation` out of place.)
      if (context.ownContent.has(section)) continue;
      result.unknown.push(section);
      // What it holds is judged in turn (a `## Design Details: Part Two` holding the template's
      // sub-sections has them, out of place; they are not missing).
      leftovers.push(...section.children);
      continue;
    }
    if (!target && variant) {
      target = variant;
      result.renamed.push({ section, schema: target, ...(isExtension(section.title, target) ? { extended: true } : {}) });
    }
    if (!target) {
      if (!context.ownContent.has(section) && !underOwn.has(section)) result.unknown.push(section);
      // (What it holds is judged in turn: `### Goals` under a `## Returning to Motivation` written
      // after the Motivation is there, out of place, not missing. The author's own headings under it
      // are its content: one unknown section, not one finding per heading.)
      for (const child of section.children) underOwn.add(child);
      leftovers.push(...section.children);
      continue;
    }
    const missingIndex = result.missing.findIndex((m) => m.schema === target);
    // Under an optional section the pattern leaves out, a heading named like one of its
    // sub-sections (`#### Story 1` of an absent `### User Stories`, in the author's `## Future
    // Work`) is the author's: nothing asks for it, so nothing is out of place.
    if (missingIndex < 0 && !context.present.has(target) && underOptionalAbsent(target)) continue;
    if (missingIndex >= 0 || (!context.present.has(target) && !stood.has(target))) {
      stood.add(target);
      // It stands for the missing section (or one under a parent that is missing or named
      // otherwise): its sub-sections are judged against that section's, so one heading out of
      // place is one finding, not one for each heading under it.
      if (missingIndex >= 0) result.missing.splice(missingIndex, 1);
      result.absent = result.absent.filter((m) => m.schema !== target);
      const stand: SectionMatch = { schema: target, sections: [section], children: [] };
      result.misplaced.push({ section, schema: target, match: stand });
      const missingBefore = result.missing.length;
      stand.children = matchLevel(target.children, section.children, stand, context);
      // Under a parent that is missing, a heading of the author's may only share the name (a
      // `### Troubleshooting` of their own): its sub-sections are placed, none asked for.
      if (missingIndex < 0) result.missing.splice(missingBefore);
    } else {
      result.misplaced.push({ section, schema: target });
      leftovers.push(...section.children);
    }
  }
  standInsOffLevel(schema, sections, result);
  // In template order, depth first: a missing sub-section of one section is inserted before a
  // missing section that follows it at the same place (`### Data Flow` before `## Prerequisites`).
  const order = new Map(everywhere.map((t, i) => [t, i]));
  result.missing.sort((x, y) => order.get(x.schema)! - order.get(y.schema)!);
  result.absent.sort((x, y) => order.get(x.schema)! - order.get(y.schema)!);
  const flatten = (matches: readonly SectionMatch[]): void => {
    for (const m of matches) {
      result.all.push(m);
      flatten(m.children);
    }
  };
  flatten(result.matches);
  return result;
}

/**
 * Whether a heading that stands for a template section, deeper than the template puts it, may be a
 * part of a topic of the author's instead (`known`: a heading that stands for a template section):
 * one with no sub-headings of its own, under a heading of theirs whose other sub-headings are all
 * theirs too — after one or more of them (`### Summary` after `### Option A` and `### Option B` in
 * their `## Proposal`), or two levels deeper or more (`#### The problem` beside `#### Proposal` in a
 * step of theirs). (One with parts of its own, `### Prior art` over a heading per system compared,
 * or among other template sections the author wrapped in a heading of theirs, `## Getting Started`
 * over `### How it works` and `### Deployment Instructions`, is the template's section written deeper.)
 */
export function amongOwnTopics(section: Section, target: TemplateSection, sections: readonly Section[], known: (section: Section) => boolean): boolean {
  if (section.level <= target.level || section.children.length > 0) return false;
  const parent = parentSection(sections, section);
  if (!parent || known(parent)) return false;
  const others = parent.children.filter((s) => s !== section);
  if (others.length === 0 || others.some((s) => known(s))) return false;
  return section.level >= target.level + 2 || others.some((s) => s.range.start.offset < section.range.start.offset);
}

interface LevelContext {
  result: OutlineMatch;
  /** Sections that match a template section elsewhere, judged once every level is matched. */
  leftovers: Section[];
  /** Whether a heading matches some template section, anywhere. */
  known: (section: Section, wordsBefore?: boolean) => boolean;
  /** Whether it does only as a section's name with more words (see `variantOf`), and which section that is. */
  extending: (section: Section) => TemplateSection | undefined;
  /** The template section a heading names exactly, anywhere. */
  named: (title: string) => TemplateSection | undefined;
  /** Sub-sections of a template section that has none: the author's own, its content. */
  ownContent: Set<Section>;
  /** Template sections matched at their place. */
  present: Set<TemplateSection>;
  /** Sections read at their parent's level (see `matchOutline`): not that parent's sub-sections too. */
  lifted?: ReadonlySet<Section>;
}

/**
 * Matches one level of the pattern's tree to one level of the template's.
 * A heading that matches no template section anywhere (`# Details` between
 * two sections, `## Notes`) is unknown, and transparent: the sections under it
 * are matched at its level, so one stray heading — an extra H1 that nests
 * every section after it — costs one finding, not a missing section for each
 * section it swallowed. Unknown headings under an unknown heading are its
 * content and are not reported again.
 */
function matchLevel(schema: readonly TemplateSection[], sections: readonly Section[], parent: SectionMatch | undefined, context: LevelContext): SectionMatch[] {
  const { result, leftovers, known } = context;
  // Under a template section without sub-sections, the author's own sub-headings are its content.
  const ownContent = parent !== undefined && parent.schema.children.length === 0;
  if (ownContent) for (const section of sections) context.ownContent.add(section);
  const found = new Map<TemplateSection, Section[]>(schema.map((s) => [s, []]));
  const unmatched: Section[] = [];
  let adopted = false;
  // Grows while it is read: the sections under an unknown heading join this level.
  const queue = sections.map((section) => ({ section, underUnknown: false }));
  // Headings inside unknown sections that look like a section of this level: see below.
  const nested = new Map<TemplateSection, Section[]>();
  const renamedByContent = sameContentOtherName(schema, sections, known);
  // Numbered headings that name a section only once their number goes, where the level has that
  // section unnumbered too (`### 2. Configuration` among the author's numbered goals, then `###
  // Configuration`): items of the author's list, the unnumbered one the section.
  const folded = sections.map((s) => foldHeading(s.title));
  const unnumbered = sections.filter((_, i) => withoutNumbering(folded[i]!) === folded[i]);
  const listItems = new Set(
    sections.filter((_, i) => {
      const bare = withoutNumbering(folded[i]!);
      if (bare === folded[i] || schema.some((t) => t.matcher.test(folded[i]!))) return false;
      const named = schema.filter((t) => t.matcher.test(bare));
      return named.length > 0 && unnumbered.some((o) => matching(schema, o.title).some((t) => named.includes(t)));
    }),
  );
  // Each heading's section by name (or variant), worked out once for both readings below.
  // (Not a longer form of a name here where the heading is another section's name exactly: `## Implementation
  // History` is that section out of place, not `Implementation Details` called `Implementation` with more words.)
  const variantHere = (title: string, wordsBefore?: boolean): TemplateSection | undefined => {
    const v = variantOf(schema, title, wordsBefore);
    const exact = v ? context.named(title) : undefined;
    return exact && exact !== v ? undefined : v;
  };
  const named = sections.map((s) => matching(schema, s.title)[0] ?? variantHere(s.title));
  const misspelt = misspellings(schema, sections, known, named);
  // Headings read as a section worded another way away from its place (see `rewordings`).
  const apart = new Set<Section>();
  // (Headings that write a joined name split, `### Goals` then `### Non-Goals` for `### Goals and
  // Non-Goals`, first: one of them alone is no rewording of the whole.)
  const split = splitSections(schema, sections, (section, i) => !named[i] && !misspelt.has(section), named);
  const taken = split.size === 0 ? misspelt : new Map([...misspelt, ...[...split].map(([section, x]) => [section, x.schema] as const)]);
  // (Under a section, a heading that is its name with more words, `### Recommendations for the project`
  // under `## Recommendations`, is one of its parts, not it again: it may be a sub-section reworded.)
  const knownHere = parent
    ? (section: Section) => known(section) && !(context.extending(section) === parent.schema && extendsName(section.title, parent.schema.heading, true))
    : known;
  const reworded = named.every(Boolean) ? new Map<Section, TemplateSection>() : rewordings(schema, sections, knownHere, taken, named, apart, parent?.schema);
  // A heading that joins some of the parts of a section named for its sub-sections (`## Impact and
  // Risk` for `## Impact, Cost, and Risk`) is that section: its sub-sections are judged under it.
  sections.forEach((section, i) => {
    if (named[i] || misspelt.has(section) || reworded.has(section) || split.has(section)) return;
    const joined = joinedSection(schema, section.title);
    if (joined && !named.includes(joined) && ![...reworded.values()].includes(joined)) reworded.set(section, joined);
  });
  for (const { section, underUnknown } of queue) {
    const parts = underUnknown ? undefined : split.get(section);
    if (parts) {
      // (The first of the sections that split a joined name: that section, the others with it.)
      if (parts.first === section) result.renamed.push({ section, schema: parts.schema, reworded: true, split: parts.rest });
      found.get(parts.schema)!.push(section);
      continue;
    }
    const byContent = underUnknown ? undefined : renamedByContent.get(section);
    const byName = underUnknown ? undefined : misspelt.get(section);
    const byWords = underUnknown || byName ? undefined : reworded.get(section);
    if (byContent) result.renamed.push({ section, schema: byContent, byContent: true });
    else if (byName) result.renamed.push({ section, schema: byName, misspelt: true });
    else if (byWords) result.renamed.push({ section, schema: byWords, reworded: true, ...(apart.has(section) ? { apart: true } : {}) });
    let hits = byContent ? [byContent] : byName ? [byName] : byWords ? [byWords] : matching(schema, section.title);
    // (A numbered heading among the author's numbered list, `### 2. Configuration` between `### 1. On
    // demand` and `### 3. Replication`, is an item of theirs: not the section its words name.)
    const item = !byContent && !byName && !byWords && listItems.has(section);
    if (item) hits = [];
    // A heading that names a section of the template elsewhere is that section, out of place, not an
    // item of an any-heading slot here (`### Experience` under a `## Stories` written a level up, whose
    // `#### Story N` slot would take any heading).
    // (But the slot's own heading, `### Requirement 2` for `### Requirement N` under `## Requirement(s)`,
    // is an item of it, whatever name its words look like.)
    if (hits.length > 0 && hits.every((s) => s.anyHeading && !ownShape(s, section.title)) && known(section, !underUnknown)) hits = [];
    const target = hits.find((s) => s.repeatable || found.get(s)!.length === 0) ?? hits[0];
    if (target && underUnknown && !target.repeatable) nested.set(target, [...(nested.get(target) ?? []), section]);
    else if (target) {
      found.get(target)!.push(section);
      adopted ||= underUnknown;
    } else if (!item && known(section, !underUnknown)) {
      // (A section's name with more words deep inside the author's own section, `#### Summary of
      // the old setup` under `## Appendix`, is a heading of theirs: its content, not the section.)
      // (So at one level below, where the words after the name tie it to a thing of its own, `### Summary
      // of OPSM deploy flow` under `## Appendix`: a summary of that, not the document's.)
      const variant = underUnknown ? variantOf(schema, section.title, false) : undefined;
      if (variant && isExtension(section.title, variant) && (section.level > variant.level + 1 || ofItsOwn(section.title, variant))) continue;
      unmatched.push(section);
    } else {
      if (!underUnknown && !ownContent) result.unknown.push(section);
      // (Under a section's own content, what it holds is that content too, however deep.)
      if (context.ownContent.has(section)) for (const child of section.children) context.ownContent.add(child);
      queue.push(...section.children.map((child) => ({ section: child, underUnknown: true })));
    }
  }
  // A heading inside an unknown section stands for the template's section only when it is the one
  // heading that could: the section is not at its place, no other heading inside looks like it, and
  // it is at most one level off (a `#### References` under a topic's `###` is that topic's).
  // Otherwise it is the author's own sub-heading (`#### References` under each topic of a guide
  // whose `## References` closes it, or that has none): content, neither the section nor a copy.
  for (const [target, list] of nested) {
    const candidate = list[0]!;
    // …and the author's own sections do not go on after it (then it is one of theirs, mid-document).
    const next = sections.find((other) => other.range.start.offset > candidate.range.start.offset);
    // (A template section in other words, `## Testing Steps` for `## Testing`, is no section of theirs.)
    // (Nor is one the template has elsewhere, `## Prior Work` under a `# Design` written a level up.)
    const amidOwn = next !== undefined && matching(schema, next.title).length === 0 && variantOf(schema, next.title) === undefined && !known(next);
    // (Nor one that closes the author's topics under their heading, after sections the template puts
    // after it: `### Summary` last under `## Challenges`, after its `### Prometheus access` and the
    // Proposal, sums up the challenges; it is no Summary out of its place.)
    const holder = sections.find((s) => s.range.start.offset < candidate.range.start.offset && s.range.end.offset >= candidate.range.end.offset);
    const topicsBefore = (holder?.children ?? []).filter((c) => c.level === candidate.level && c.range.start.offset < candidate.range.start.offset && !known(c));
    const order = schema.indexOf(target);
    const laterBefore = schema.some((t, k) => k > order && (found.get(t) ?? []).some((f) => f.range.start.offset < candidate.range.start.offset));
    // (Not under a heading that holds other sections of the template beside it, `## Team Charter` over
    // `### Members` and `### Contacts`: a wrapper of the template's sections, where it is one of them
    // out of order.)
    // (Those found inside it too, `## Status` then `## Consequences` under a stray `# Scheduler`.)
    const holdsSections = (holder?.children ?? []).some((c) => c !== candidate && [...found.values(), ...nested.values()].some((list) => list.includes(c)));
    const closesTopics = topicsBefore.length > 0 && laterBefore && !holdsSections;
    if (found.get(target)!.length === 0 && list.length === 1 && candidate.level <= target.level + 1 && !amidOwn && !closesTopics) {
      found.get(target)!.push(candidate);
      adopted = true;
    }
  }
  // Written another way (a plural, a British spelling): the section is there, only its name differs.
  // (Not where that spelling heads a part of each of several topics, deeper than the template puts
  // the section: `### Neighbours impact` under each numbered part, for `# Neighbour-impact`.)
  const spelt = new Map<TemplateSection, number>();
  for (const section of unmatched) {
    const target = variantHere(section.title, section.level === schema[0]?.level);
    if (target && !target.repeatable && section.level > target.level) spelt.set(target, (spelt.get(target) ?? 0) + 1);
  }
  for (const section of unmatched) {
    // Words before a section's name (`Desired Resulting Context`) only at its place, not inside another section.
    const target = variantHere(section.title, section.level === schema[0]?.level);
    if (target && !target.repeatable && section.level > target.level && (spelt.get(target) ?? 0) >= 2) {
      leftovers.push(section);
      continue;
    }
    // (Or once per case, each with its words before the name — `### Cloud-to-device Diagram Steps`, then
    // `### Device-to-cloud Diagram Steps` —: the section written for each, at its level.)
    const perCase =
      target !== undefined &&
      found.get(target)!.length > 0 &&
      // (Words before the name, not after it: `## Proposal 1: …`, `## Proposal 2: …` are the author's
      // options, each a section of theirs beside the one Proposal.)
      variantKey(section.title).endsWith(` ${variantKey(target.heading)}`) &&
      found
        .get(target)!
        .every(
          (other) =>
            other.level === section.level &&
            result.renamed.some((r) => r.section === other && r.extended) &&
            variantKey(other.title).endsWith(` ${variantKey(target.heading)}`) &&
            variantKey(other.title) !== variantKey(section.title),
        );
    if (target && (target.repeatable || found.get(target)!.length === 0 || perCase)) {
      found.get(target)!.push(section);
      result.renamed.push({ section, schema: target, ...(isExtension(section.title, target) ? { extended: true } : {}) });
      adopted = true;
    } else leftovers.push(section);
  }
  if (adopted) for (const list of found.values()) list.sort((a, b) => a.range.start.offset - b.range.start.offset);
  // A name accepted for a section (an alias) stands for it where the section is not written under
  // its own name: beside it, it is a section of the author's (`## Transition Path` after `## Detailed
  // design`), not a second copy.
  // So do the names a heading offers as alternatives (`## Introduction/Overview`): one of them is the
  // section, the first written; another beside it is the author's own.
  for (const [t, list] of found) {
    const alternatives = slashAlternatives(t.heading);
    if (list.length < 2 || t.repeatable || (t.aliases.length === 0 && alternatives.length === 0) || t.name !== t.heading) continue;
    const names = new Set([...t.aliases, ...alternatives].map(variantKey));
    const written = variantKey(t.heading);
    const own = list.some((s) => variantKey(s.title) === written) ? written : alternatives.length > 0 ? variantKey(list[0]!.title) : undefined;
    if (own === undefined) continue;
    const byAlias = list.filter((s) => variantKey(s.title) !== own && names.has(variantKey(s.title)));
    if (byAlias.length === 0) continue;
    found.set(
      t,
      list.filter((s) => !byAlias.includes(s)),
    );
    if (!ownContent) result.unknown.push(...byAlias);
  }

  const matches: SectionMatch[] = [];
  const slots: (SectionMatch | TemplateSection)[] = schema.map((s) => {
    const list = found.get(s)!;
    if (list.length === 0) return s;
    const match: SectionMatch = { schema: s, sections: list, children: [] };
    matches.push(match);
    context.present.add(s);
    return match;
  });
  slots.forEach((slot, i) => {
    if (!('matcher' in slot)) return;
    const after = slots
      .slice(0, i)
      .reverse()
      .find((s): s is SectionMatch => 'sections' in s);
    const before = slots.slice(i + 1).find((s): s is SectionMatch => 'sections' in s);
    const found =
      after && before
        ? standingIn(
            slot,
            slots.slice(slots.indexOf(after) + 1, slots.indexOf(before)).filter((s): s is TemplateSection => 'matcher' in s),
            after,
            before,
            sections,
            result.unknown,
          )
        : undefined;
    const standIn = found && !negatedName(found.title, slot.heading) ? found : undefined;
    const absent: MissingSection = {
      schema: slot,
      ...(parent ? { parent } : {}),
      ...(after ? { after } : {}),
      ...(before ? { before } : {}),
      ...(standIn ? { standIn } : {}),
    };
    result.absent.push(absent);
    if (!slot.optional) result.missing.push(absent);
  });
  for (const match of matches) {
    match.children = matchLevel(
      match.schema.children,
      match.sections.flatMap((s) => s.children).filter((c) => !context.lifted?.has(c)),
      match,
      context,
    );
  }
  return matches;
}

/** How many letters two words share from their start. */
function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/**
 * A section whose name joins two or more (`## Reasoning and Options`), none
 * of the pattern's headings written so, and the pattern's headings at its
 * level that are those names, one after the other (`## Reasoning`, then `##
 * Options`; each a different one, two or more): those headings write that
 * section, split. By each heading, the section and the run it belongs to.
 */
function splitSections(
  schema: readonly TemplateSection[],
  sections: readonly Section[],
  open: (section: Section, i: number) => boolean,
  named: readonly (TemplateSection | undefined)[],
): Map<Section, { schema: TemplateSection; first: Section; rest: Section[] }> {
  const out = new Map<Section, { schema: TemplateSection; first: Section; rest: Section[] }>();
  for (const t of schema) {
    // (A section named for its sub-sections, `## Impact, Cost, and Risk` over `### Impact`…, has its parts as those.)
    if (t.repeatable || t.anyHeading || named.includes(t) || joinedParts(t)) continue;
    const parts = new Set(nameParts(t.heading));
    if (parts.size < 2) continue;
    for (let i = 0; i < sections.length; i++) {
      const run: Section[] = [];
      const used = new Set<string>();
      for (let j = i; j < sections.length; j++) {
        const key = variantKey(sections[j]!.title);
        if (!open(sections[j]!, j) || !parts.has(key) || used.has(key) || out.has(sections[j]!)) break;
        used.add(key);
        run.push(sections[j]!);
      }
      if (run.length < 2) continue;
      const [first, ...rest] = run;
      for (const section of run) out.set(section, { schema: t, first: first!, rest });
      break;
    }
  }
  return out;
}

/**
 * The section of `schema` named for its sub-sections (see `joinedParts`)
 * whose parts include every name a heading joins, two or more.
 */
function joinedSection(schema: readonly TemplateSection[], title: string): TemplateSection | undefined {
  const parts = nameParts(title);
  if (parts.length < 2) return undefined;
  return schema.find((s) => {
    const joined = joinedParts(s);
    return joined !== undefined && parts.every((p) => joined.has(p));
  });
}

/**
 * The one heading between two present template sections, where the template
 * has `schema` (among `between`, the sections it lacks there): at its level
 * and unknown (named like no template section). Its place and words are all
 * that say it is that section, so only one heading there counts: with another
 * heading there, it is theirs. (With no template section after it, or a level
 * off, see `standInsOffLevel`.)
 */
function standingIn(
  schema: TemplateSection,
  between: readonly TemplateSection[],
  after: SectionMatch,
  before: SectionMatch,
  sections: readonly Section[],
  unknown: readonly Section[],
): Section | undefined {
  if (schema.repeatable || schema.anyHeading) return undefined;
  const from = after.sections.at(-1)!.range.start.offset;
  const to = before.sections[0]!.range.start.offset;
  const there = sections.filter((s) => s.range.start.offset > from && s.range.start.offset < to);
  const one = there[0];
  if (there.length !== 1 || !one || one.level !== schema.level || !unknown.includes(one)) return undefined;
  return speaksFor(one, between, schema.level) === schema ? one : undefined;
}

/**
 * The one template section of `between` (those a pattern lacks at a place)
 * whose guidance talks of what a heading of the author's names, where it
 * stands (`## Implementation` where the guidance says "…to understand, and
 * implement"; `## Alternatives` where it asks for "alternate approaches";
 * `## Out of scope` where it asks "what is out of scope?"): another topic
 * that only stands there (`## References` where the Security Considerations
 * go) is the author's own. A short heading (three words at most) whose last
 * word is one the guidance uses, that is, and this section alone of those
 * the pattern lacks there (`## Implementation` where Detailed design and
 * Examples are missing, and only the first one's guidance speaks of
 * implementing). Where its name has the word, in the same role: `##
 * References` is no `## Reference Implementation`.
 */
export function speaksFor(one: Section, between: readonly TemplateSection[], level: number): TemplateSection | undefined {
  const words = headFirst(contentWords(one.title));
  const head = analyze(words.at(-1) ?? '')[0];
  if (words.length > 3 || !head || head.length < 4) return undefined;
  const nameRole = (t: TemplateSection) =>
    !contentWords(t.heading).includes(words.at(-1)!) || headNouns(t.heading).has(words.at(-1)!) === headNouns(one.title).has(words.at(-1)!);
  // (Not where a qualifier says the opposite of the name's: `## Settled questions` for `## Open questions`.)
  const opposite = (t: TemplateSection) => words.some((w) => !contentWords(t.heading).includes(w) && contentWords(t.heading).some((n) => OPPOSITES.get(w)?.has(n)));
  // (A word for a kind of text, `## Use case examples`, `## Notes`, counts only in the section's name:
  // guidance that asks for "some examples" is no section about examples.)
  const generic = GENERIC_HEADS.has(words.at(-1)!.replace(/s$/, '')) || /^examples?$/.test(words.at(-1)!);
  const talksOf = (t: TemplateSection) =>
    !t.repeatable && !t.anyHeading && t.level === level && analyze(generic ? t.name : `${t.name} ${t.guidance}`).includes(head) && nameRole(t) && !opposite(t);
  const speakers = between.filter(talksOf);
  return speakers.length === 1 ? speakers[0] : undefined;
}

/** Participles written after the noun they qualify (`## Alternatives Considered`, `## Options Rejected`). */
const POSTPOSITIVE = new Set(['considered', 'rejected', 'explored', 'evaluated', 'discussed', 'examined']);

/**
 * A heading's content words with a trailing participle that qualifies the noun
 * before it left off (`Alternatives Considered` → `alternatives`): its head
 * noun is then last, where `speaksFor` reads it.
 */
export function headFirst(words: readonly string[]): string[] {
  return words.length > 1 && POSTPOSITIVE.has(words.at(-1)!) ? words.slice(0, -1) : [...words];
}

/** Whether two words are one, a plural for a singular, or kindred words for one part of a proposal (see `KINDRED`: "alternate approaches" asks for `## Alternatives`). */
export function kindredWords(a: string, b: string): boolean {
  if (a.replace(/s$/, '') === b.replace(/s$/, '')) return true;
  const role = roleOf(a, KINDRED);
  return role !== undefined && role === roleOf(b, KINDRED);
}

/**
 * Stand-ins a level off (see `standingIn`): a missing section's place is
 * right after the nearest sibling the pattern has (at its place or out of
 * it, as `## Goals` for `### Goals`), or first under its parent. The heading
 * there, at its level or one up or down (`## Out of scope` where
 * `### Non-Goals` goes), unknown, and that the section's guidance talks of
 * (see `speaksFor`), is it in other words: never "missing" plus "unknown",
 * nor a section inserted beside it — whatever follows it, a template section
 * or the author's own (`## Specification` where the Detailed design goes,
 * then `## Related reading`).
 */
function standInsOffLevel(schema: readonly TemplateSection[], sections: readonly Section[], result: OutlineMatch): void {
  const placed = new Map<TemplateSection, Section>();
  const flatten = (matches: readonly SectionMatch[]): void => {
    for (const m of matches) {
      placed.set(m.schema, m.sections[0]!);
      flatten(m.children);
    }
  };
  flatten(result.matches);
  for (const m of result.misplaced) {
    if (!placed.has(m.schema)) placed.set(m.schema, m.section);
    if (m.match) flatten(m.match.children);
  }
  // (Walked here, not by the cached `flattenSections`: a list cached per pattern's tree kept each
  // pattern's sections alive after it was checked, some 40 MB more at the peak of a 1,000-pattern run.)
  const walk = (list: readonly Section[]): Section[] => list.flatMap((x) => [x, ...walk(x.children)]);
  const doc = walk(sections);
  const known = new Set(placed.values());
  const stood = new Set(result.absent.map((m) => m.standIn).filter(Boolean));
  // The first heading after a section's own sub-sections (or, for its parent, after its heading).
  const nextAfter = (section: Section, inside: boolean): Section | undefined => {
    const i = doc.indexOf(section);
    if (inside) return doc[i + 1];
    const own = walk(section.children).length;
    return doc[i + 1 + own];
  };
  for (const missing of result.absent) {
    const t = missing.schema;
    if (missing.standIn || t.repeatable || t.anyHeading) continue;
    const siblings = missing.parent ? missing.parent.schema.children : schema;
    const i = siblings.indexOf(t);
    let j = i - 1;
    while (j >= 0 && !placed.has(siblings[j]!)) j--;
    const anchor = j >= 0 ? placed.get(siblings[j]!) : missing.parent?.sections[0];
    if (!anchor) continue;
    // (The first sub-section of its parent written a level up right before the parent's heading, `## Use
    // cases` over `## Proposal` for its `### User Stories`, in words that speak for it, stands for it too.)
    const above = j < 0 ? doc[doc.indexOf(anchor) - 1] : undefined;
    if (
      above &&
      above.level === anchor.level &&
      result.unknown.includes(above) &&
      !stood.has(above) &&
      above.children.length === 0 &&
      (speaksFor(above, [t], t.level) === t || kindredTo(above, t)) &&
      !negatedName(above.title, t.heading)
    ) {
      missing.standIn = above;
      stood.add(above);
      continue;
    }
    const one = nextAfter(anchor, j < 0);
    // (Levels as the pattern writes its own: where the section it follows or is under stands a level
    // up, `# Summary` for `## Summary`, so does the rest of its outline.)
    const offset = anchor.level - (j >= 0 ? siblings[j]!.level : missing.parent!.schema.level);
    if (!one || Math.abs(one.level - offset - t.level) > 1 || !result.unknown.includes(one) || stood.has(one)) continue;
    let k = i + 1;
    while (k < siblings.length && !placed.has(siblings[k]!)) k++;
    // Before the next template section the pattern has, it must be the one heading there: with
    // another one of the author's between, either may be it, and both are theirs.
    const then = nextAfter(one, false);
    if (k < siblings.length && then && !known.has(then)) continue;
    const between = siblings.slice(j + 1, k).filter((s) => !placed.has(s));
    if (speaksFor(one, between, t.level) !== t || negatedName(one.title, t.heading)) continue;
    missing.standIn = one;
    stood.add(one);
  }
}

/**
 * Headings of one level that misspell a template section of that level
 * (`## Detail Design`, `## Future Posibilities`): within a few edits of its
 * name (see `nearest`), named by no other heading of the level, and where the
 * template puts it — after the template sections before it and before those
 * after it. Read as that section written another way: a rename, not a
 * missing section plus an unknown one.
 */
function misspellings(
  schema: readonly TemplateSection[],
  sections: readonly Section[],
  known: (section: Section) => boolean,
  at: readonly (TemplateSection | undefined)[],
): Map<Section, TemplateSection> {
  const out = new Map<Section, TemplateSection>();
  const named = new Set(at.filter((t): t is TemplateSection => t !== undefined));
  const open = schema.filter((t) => !named.has(t) && !t.repeatable && !t.anyHeading && t.name === t.heading && /\p{L}{4,}/u.test(t.name));
  if (open.length === 0) return out;
  sections.forEach((section, i) => {
    if (at[i] || known(section)) return;
    // A slip of the keyboard, not another wording: two edits, or one in eight letters.
    const target = nearest(section.title, open, (t) => t.heading, 'heading', undefined, Math.max(2, Math.floor(section.title.length / 8)));
    // (Nor a word of opposite sense, a negating prefix being one edit: `Resolved questions` is no
    // `Unresolved questions` misspelt.)
    if (!target || [...out.values()].includes(target) || opposed(section.title, target.heading)) return;
    // (Nor another word of a proposal's parts one edit away: `## Context` is no `## Content` misspelt.)
    if (otherSectionWord(section.title, target.heading)) return;
    const place = schema.indexOf(target);
    const before = at.slice(0, i).findLast((t) => t !== undefined);
    const after = at.slice(i + 1).find((t) => t !== undefined);
    if ((before && schema.indexOf(before) > place) || (after && schema.indexOf(after) < place)) return;
    out.set(section, target);
  });
  return out;
}

/**
 * Headings of one level that word a template section of that level another
 * way (`## Prior art` or `## Alternatives` for `## Prior art and
 * alternatives`, `## Related Design Patterns` for `## Related Java Design
 * Patterns`, `## Future Work` for `## Future possibilities`, `## Purpose` for
 * `## Motivation`): among the
 * author's headings between two template sections, and the template's
 * sections missing between those two, a heading whose words are all words of
 * the section's name, or that shares a word of five letters or more with it
 * (or a word of the same role, `SAME_ROLE`),
 * when that section fits no other of those headings and the heading no other
 * of those sections, at the section's own level. Read as that section
 * written another way: a rename asked, not a missing section plus an unknown one.
 */
function rewordings(
  schema: readonly TemplateSection[],
  sections: readonly Section[],
  known: (section: Section) => boolean,
  taken: Map<Section, TemplateSection>,
  byName: readonly (TemplateSection | undefined)[],
  apart: Set<Section>,
  parent?: TemplateSection,
): Map<Section, TemplateSection> {
  const out = new Map<Section, TemplateSection>();
  const at = sections.map((s, i) => taken.get(s) ?? byName[i]);
  // The levels the named headings stand off the template's, when all alike (an older layout that
  // writes every section one level up, `# Problem` for `## Problem`): the others are compared at
  // that level too (`# Solution` for `## Proposed Solution`).
  const offsets = new Set(sections.flatMap((s, k) => (at[k] ? [s.level - at[k].level] : [])));
  const off = offsets.size === 1 ? [...offsets][0]! : 0;
  const level = (t: TemplateSection) => t.level + off;
  const named = new Set(at.filter((t): t is TemplateSection => t !== undefined));
  // (A heading with the pattern's name in it, `## Real-World Applications of [Pattern Title]`, is
  // compared by its own words.)
  // (Nor a section of guidance the template tells the author to delete, `## Writing guide, delete
  // this section before merging`: no heading of the author's is it in other words.)
  const open = (t: TemplateSection) => !named.has(t) && !t.repeatable && !t.anyHeading && (t.name === t.heading || withTitleSlot(t)) && !REMOVE_ME.test(t.heading);
  // Words most of the level's names share (`Pattern` in `Intent of [Pattern Title] Design Pattern`,
  // `Benefits of [Pattern Title] Pattern`…) tell none of them apart: a heading sharing only those is
  // none of them.
  // (Nor do the words of the parent's name, which its sub-sections' headings may all repeat:
  // `### Recommendations to the vendor` under `## Recommendations` is about the vendor.)
  const filler = new Set([...fillerWords(schema), ...(parent ? ownWords(parent) : [])]);
  // A word shared counts only in the same role in both: the noun a name (or each name it joins) ends
  // in, or a word before it. `## References` ends in the word `## Reference Implementation` only
  // qualifies: another section; `## Future Work` qualifies as `## Future possibilities` does.
  const fits = (written: string, nameText: string) => {
    const heading = contentWords(written).filter((w) => !filler.has(w));
    const name = contentWords(nameText).filter((w) => !filler.has(w));
    // A qualifier that says the opposite of the name's (`## Resolved questions`, `## Settled review
    // questions` for `## Open questions`) names another section of the author's.
    if (heading.some((w) => !name.includes(w) && name.some((n) => OPPOSITES.get(w)?.has(n)))) return false;
    const headHeads = headNouns(written, filler);
    const nameHeads = headNouns(nameText, filler);
    // (A heading whose head noun is all filler — the parent's word, `Recommendations for the project team`
    // under `## Recommendations` — names its subject after it: a word shared counts in any role there.)
    const headless = headHeads.size === 0;
    const shared = heading.filter((w) => name.includes(w) && (headless || headHeads.has(w) === nameHeads.has(w)));
    // (The same noun heads both, however short: `## How does the flow work?` for `## How it works`.)
    // (Or the heading opens with the verb of the noun the name is about, a step to take: `## Deploy
    // the sample stack` for `## Deployment Instructions`, `## Test the stack` for `## Testing`.)
    const stem = (w: string) => analyze(w)[0] ?? w;
    const first = heading[0] ?? '';
    const verb =
      heading.length > 0 &&
      heading.length <= 4 &&
      first.length >= 4 &&
      !/ed$/.test(first) &&
      [...nameHeads].some((h) => h !== first && (stem(h) === stem(first) || h.startsWith(first)));
    // (Or it is one word of the name, as the name writes it, of four letters or more: `## Decision`
    // for `## Decision Outcome`, `## Design` for `## Design Details`; `## References` is no
    // `## Reference Implementation`.)
    const raw = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const written1 = raw(written);
    const names = raw(nameText);
    const only = written1.length === 1 ? written1[0]! : undefined;
    // (A word with a noun that only says what kind of text it is, `## Design overview`, is that word
    // alone: `## Design` — of `## Design Proposal` and `## Detailed Design`, whichever the template asks for.)
    const subject = only ?? (written1.length === 2 && heading.length === 2 && GENERIC_HEADS.has(heading[1]!) ? written1[0]! : undefined);
    // (Not the word a name's head noun is about where that noun names what bears on it, not it: `##
    // Decision` is no `## Decision drivers`, `## Design` no `## Design constraints`.)
    const bearing = names.length >= 2 && names.at(-1) !== subject && BEARING_HEADS.has(names.at(-1)!.replace(/ies$/, 'y').replace(/s$/, ''));
    const oneWord = subject !== undefined && subject.length >= 4 && names.length >= 2 && names.includes(subject) && !filler.has(subject) && !bearing;
    // (Or another form of a one-word name, sharing its first six letters or more: `## Rationality` for
    // `## Rationale`.)
    const word = names.length === 1 ? names[0]! : undefined;
    const otherForm = only !== undefined && word !== undefined && only !== word && commonPrefix(only, word) >= 6 && Math.abs(only.length - word.length) <= 4;
    // (Or the name's words as one, or one word as two, in another form: `## Cleaning up` or `## Clean
    // up` for `## Cleanup`, `## Rolling back` for `## Rollback`, `## Set-up` for `## Setup`.)
    const joined = (words: string[]) => words.map((w) => stem(w)).join('');
    const compound = written1.length !== names.length && written1.length <= 3 && names.length <= 3 && joined(written1).length >= 6 && joined(written1) === joined(names);
    return (
      oneWord ||
      otherForm ||
      compound ||
      (heading.length > 0 && heading.every((w) => name.includes(w)) && heading.some((w) => w.length >= 4) && shared.length > 0) ||
      shared.some((w) => w.length >= 5 || (w.length >= 4 && headHeads.has(w) && nameHeads.has(w))) ||
      verb ||
      sameRole(heading, name)
    );
  };
  let i = 0;
  while (i < sections.length) {
    if (at[i]) {
      i++;
      continue;
    }
    // A run of the author's headings, between the template sections around it.
    let j = i;
    while (j < sections.length && !at[j]) j++;
    const from = i > 0 ? schema.indexOf(at[i - 1]!) : -1;
    // (Up to the next template section after it in the template's order: one written out of order
    // further down, `## Requirements` moved to the end, bounds nothing.)
    const next = j < sections.length ? schema.indexOf(at[j]!) : schema.length;
    const later = at
      .slice(j)
      .map((t) => (t ? schema.indexOf(t) : -1))
      .filter((k) => k > from);
    const to = next > from ? next : later.length > 0 ? Math.min(...later) : schema.length;
    const gap = schema.slice(from + 1, Math.max(from + 1, to)).filter(open);
    // (A heading with the words of a section here, in another order, is that section even where it reads as
    // another one's name with more words: `### Advice for the vendor` under `## Advice`, for `### Vendor advice`.)
    const sameWords = (s: Section) => gap.some((t) => s.level === level(t) && stemSet(t.heading) !== '' && stemSet(s.title) === stemSet(t.heading));
    const run = sections.slice(i, j).filter((s) => !known(s) || sameWords(s));
    // Only at the section's own level: other words at another level (`#### Change Log` in a proposal's
    // header for `## Summary of changes`) are too little to go on.
    const fitted = new Map(gap.map((t) => [t, run.filter((s) => s.level === level(t) && fits(s.title, ownText(t)))]));
    // The name's own words in another order or form (`## Proposed Design` for `## Design Proposal`)
    // fit better than a word in common: that heading is the section, whatever else shares a word.
    const sameWordsAs = new Set<Section>();
    for (const t of gap) {
      const key = stemSet(t.heading);
      const same = key ? run.filter((s) => s.level === level(t) && stemSet(s.title) === key) : [];
      if (same.length === 1) {
        claim(fitted, t, same[0]!);
        sameWordsAs.add(same[0]!);
      }
    }
    // Of several headings that fit a section, the one that holds its whole name among the author's
    // words (`### Phase 1: streaming Implementation Overview` beside `### Phase 2 - cleanup Overview`
    // for `### Implementation Overview`) is it.
    for (const t of gap) {
      const list = fitted.get(t)!;
      const whole = list.length > 1 ? list.filter((s) => holdsName(s.title, ownText(t))) : [];
      if (whole.length === 1) claim(fitted, t, whole[0]!);
    }
    // Several headings that fit one section (`## Test the build locally` before the deploy steps,
    // `## Test the application` after them, for `## Testing`): the one that stands in the template's
    // order among the headings that fit one section alone is it.
    const alone = new Map<TemplateSection, Section>();
    for (const t of gap) {
      const list = fitted.get(t)!;
      if (list.length === 1 && gap.filter((other) => fitted.get(other)!.includes(list[0]!)).length === 1) alone.set(t, list[0]!);
    }
    for (const t of gap) {
      const list = fitted.get(t)!;
      if (list.length < 2) continue;
      const k = gap.indexOf(t);
      const before = gap
        .slice(0, k)
        .reverse()
        .map((o) => alone.get(o))
        .find(Boolean);
      const after = gap
        .slice(k + 1)
        .map((o) => alone.get(o))
        .find(Boolean);
      if (!before && !after) continue;
      const inOrder = list.filter((sec) => (!before || run.indexOf(sec) > run.indexOf(before)) && (!after || run.indexOf(sec) < run.indexOf(after)));
      if (inOrder.length === 1 && gap.filter((other) => other !== t && fitted.get(other)!.includes(inOrder[0]!)).length === 0) fitted.set(t, inOrder);
    }
    let last = -1;
    for (const section of run) {
      let candidates = gap.filter((t) => fitted.get(t)!.includes(section));
      // (Of a required section and optional ones it fits alike, `## Decision` for `## Decision
      // Outcome` beside an optional `## Decision Drivers`: the one the template asks for.)
      if (candidates.length > 1 && candidates.filter((t) => !t.optional).length === 1) candidates = candidates.filter((t) => !t.optional);
      if (candidates.length !== 1 || fitted.get(candidates[0]!)!.length !== 1) continue;
      const place = schema.indexOf(candidates[0]!);
      // In the template's order only — but the name's own words, in another order, are that section
      // wherever it stands (`### Recommendations for CNCF` after `### Recommendations for the project`):
      // section-order says where it goes.
      if (sameWordsAs.has(section)) {
        out.set(section, candidates[0]!);
        continue;
      }
      if (place < last) continue;
      last = place;
      out.set(section, candidates[0]!);
    }
    i = j;
  }
  // Out of the template's order (`# Plan for adoption` after `# How we teach this`, where the
  // template has `# Adoption strategy` before it): a short heading (three words at most) whose last
  // word, of five letters or more, is a word of the name of a section this level lacks, when it is
  // the one heading of the level that does and fits no other such section. Read as that section
  // written another way, at another place: a rename and an order finding, not a missing section
  // plus an unknown one; so is a one-word heading of the same role as a one-word name (`## Proposal`
  // for `## Decision`). A topic's heading (`## Thoughts from research on this proposal`) or one
  // that only shares a qualifier (`## Implementation plan` for `## Implementation History`) is not.
  const free = sections.filter((s, k) => !at[k] && !out.has(s) && !known(s));
  // (The name's own words in another order first, wherever the heading stands: `### Recommendations to
  // CNCF` after the project's, where the template has `### CNCF recommendations` before them.)
  for (const t of schema) {
    const key = open(t) && ![...out.values()].includes(t) ? stemSet(t.heading) : '';
    const same = key ? free.filter((s) => !out.has(s) && s.level === level(t) && stemSet(s.title) === key) : [];
    if (same.length !== 1) continue;
    out.set(same[0]!, t);
    apart.add(same[0]!);
  }
  const lacking = schema.filter((t) => open(t) && ![...out.values()].includes(t));
  const shares = (s: Section, t: TemplateSection) => {
    const heading = contentWords(s.title);
    const name = contentWords(t.heading);
    const head = heading.at(-1);
    // (A word of four letters, where it is the whole heading and a noun the name joins: `## Risks` for `## Risks and Drawbacks`.)
    const long = head !== undefined && (head.length >= 5 || (heading.length === 1 && head.length >= 4 && name.length > 1 && headNouns(t.heading).has(head)));
    if (s.level !== level(t) || heading.length > 3 || head === undefined) return false;
    // (The name's first part, up to the word that joins the next: `## Prior art` for `## Prior art and
    // alternatives`, however short its words.)
    if (firstPartOf(s.title, t.heading)) return true;
    // (A one-word heading of the same role as the one-word name, `## Proposal` for `## Decision`.)
    if (heading.length === 1 && name.length === 1) return sameRole(heading, name);
    // (What is left for later, said with another word for it — `## Future Work` for `## Future
    // directions` —: the qualifier names the section, the word after it only says "things".)
    if (laterWork(heading, name)) return true;
    if (!long || !name.includes(head)) return false;
    // …in the same role in both (`## References` ends in the word `## Reference Implementation` only qualifies).
    if (headNouns(s.title).has(head) !== headNouns(t.heading).has(head)) return false;
    // The same head noun with another qualifier (`## Performance Considerations` against `## Security
    // Considerations`, `## Proposed design` against `## Detailed design`) is another section of that kind.
    // (A qualifier that means the same is no other one: `## Unanswered Questions` for `## Unresolved Questions`.)
    return !(
      head === name.at(-1) &&
      heading.length > 1 &&
      name.length > 1 &&
      heading.slice(0, -1).some((w) => !name.includes(w) && !name.some((n) => sameQualifier(w, n)))
    );
  };
  // (Not one that stands, out of the other's order, where a section it is kindred to goes: `## Motivation`
  // between `## Abstract` and `## Proposal`, where the template has `## Background`, is no `## Rationale`
  // written after them.)
  const inSlotOfAnother = (s: Section, t: TemplateSection) => {
    const k = sections.indexOf(s);
    const before = at.slice(0, k).findLast((x) => x !== undefined);
    const after = at.slice(k + 1).find((x) => x !== undefined);
    // (Between two of the template's sections, the slot they bracket: a heading first or last in the
    // pattern may be any of the sections there.)
    if (!before || !after) return false;
    const from = schema.indexOf(before);
    const to = schema.indexOf(after);
    const between = (u: TemplateSection) => schema.indexOf(u) > from && schema.indexOf(u) < to;
    return !between(t) && lacking.some((u) => u !== t && between(u) && s.level === level(u) && kindredTo(s, u));
  };
  for (const t of lacking) {
    const fitting = free.filter((s) => !out.has(s) && shares(s, t));
    if (fitting.length !== 1 || lacking.filter((other) => shares(fitting[0]!, other)).length !== 1) continue;
    if (inSlotOfAnother(fitting[0]!, t)) continue;
    out.set(fitting[0]!, t);
    apart.add(fitting[0]!);
  }
  // (Never a heading that says the opposite, the name without its `Non-`: `## Goals` is no `## Non-Goals`.)
  for (const [section, t] of out) if (negatedName(section.title, t.heading)) out.delete(section);
  return out;
}

/**
 * A heading that is a name's first part, the words before the one that joins
 * the next part (`Prior art` of `Prior art and alternatives`, `Detailed design`
 * of `Detailed design & rollout`): that section, its name cut short.
 */
function firstPartOf(written: string, name: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+|&/gu) ?? [];
  const heading = words(written);
  const whole = words(name);
  const k = heading.length;
  return k > 0 && k < whole.length - 1 && heading.every((w, i) => w === whole[i]) && /^(?:and|or|&|vs|versus)$/.test(whole[k]!) && heading.join('').length >= 3;
}

/** `section` is the heading that fits `t` (see `rewordings`), and so fits no other section there. */
function claim(fitted: Map<TemplateSection, Section[]>, t: TemplateSection, section: Section): void {
  for (const [other, list] of fitted) fitted.set(other, other === t ? [section] : list.filter((s) => s !== section));
}

/** A name's words as search terms (stemmed, common words left out), in one order: `Proposed Design` and `Design Proposal` alike. */
function stemSet(title: string): string {
  return [...new Set(analyze(title))].sort().join(' ');
}

/** Whether two names have the same words as search terms, in any order (`Recommendations to CNCF`, `CNCF recommendations`). */
export function sameTerms(a: string, b: string): boolean {
  const key = stemSet(a);
  return key !== '' && key === stemSet(b);
}

/** Words of two or more, and at least half, of a level's section names. */
function fillerWords(schema: readonly TemplateSection[]): Set<string> {
  const counts = new Map<string, number>();
  for (const t of schema) for (const w of new Set(ownWords(t))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 2 && n * 2 >= schema.length).map(([w]) => w));
}

/** A template heading that holds the pattern's name (`## Intent of [Pattern Title]`, named `Intent of <title>`) and nothing else to fill in. */
function withTitleSlot(t: TemplateSection): boolean {
  return t.name !== t.heading && t.name.split('<').length === 2 && t.name.includes('<title>');
}

/** A template section's name, without the pattern's name where it holds one. */
function ownText(t: TemplateSection): string {
  return withTitleSlot(t) ? t.name.replace('<title>', ' ') : t.heading;
}

/** The words of a template section's name, without the pattern's name where it holds one. */
function ownWords(t: TemplateSection): string[] {
  return contentWords(ownText(t));
}

/**
 * The noun each name a heading joins is about (`Prior art and alternatives` →
 * art, alternative; `Plan for adoption` → plan, before its preposition),
 * filler aside.
 */
export function headNouns(title: string, filler: ReadonlySet<string> = new Set()): Set<string> {
  const heads = new Set<string>();
  for (const part of splitNote(title).text.split(/\s*,\s*|\s+(?:and|or|&)\s+|\s*\/\s*/i)) {
    // (A participle after the noun qualifies it: `Alternatives considered` is about alternatives.)
    const words = contentWords(part.split(/\s+(?:of|for|to|in|on|with|about)\s+/i)[0]!).filter((w) => !filler.has(w));
    while (words.length > 1 && /ed$/.test(words.at(-1)!)) words.pop();
    const last = words.at(-1);
    if (last) heads.add(last);
    // (A noun that only says what kind of text it is, `Instructions`, `Details`, leaves the name about
    // the word before it too: `Deployment Instructions` is about deployment.)
    if (last && words.length > 1 && GENERIC_HEADS.has(last)) heads.add(words.at(-2)!);
  }
  return heads;
}

/** A heading's words as variant keys, words that only join others (`of`, `and`) left out. */
function contentWords(title: string): string[] {
  return variantKey(title)
    .split(' ')
    .filter((w) => w && !JOINING.has(w));
}

/**
 * Sections of one level that the template has under another name, known by
 * what they hold: a heading that names no template section, whose
 * sub-headings are (at least two, and half of them) the sub-sections of a
 * template section that no heading of this level names
 * (`## Production Readiness Questionnaire` holding the template's
 * `## Production Readiness Review Questionnaire` questions). Read as that
 * section renamed, its sub-sections are at their place; else each would be
 * out of place.
 */
function sameContentOtherName(schema: readonly TemplateSection[], sections: readonly Section[], known: (section: Section) => boolean): Map<Section, TemplateSection> {
  const out = new Map<Section, TemplateSection>();
  const named = new Set(sections.flatMap((section) => matching(schema, section.title)));
  const open = schema.filter((t) => t.children.length >= 2 && !t.repeatable && !named.has(t));
  if (open.length === 0) return out;
  for (const section of sections) {
    if (section.children.length < 2 || matching(schema, section.title).length > 0 || known(section)) continue;
    const fits = open.filter((t) => {
      const held = section.children.filter((c) => matching(t.children, c.title).length > 0).length;
      return held >= 2 && held * 2 >= section.children.length;
    });
    // And named alike: a word in common (`Readiness`), so the author's own section that happens to
    // hold the template's sub-sections after its text (`## References`, then `### Test Plan`) is not renamed.
    if (fits.length !== 1 || named.has(fits[0]!) || !shareAWord(section.title, fits[0]!.heading)) continue;
    out.set(section, fits[0]!);
    named.add(fits[0]!);
  }
  return out;
}

/** Whether two headings share a word of three letters or more (case and accents aside). */
function shareAWord(a: string, b: string): boolean {
  const words = (t: string) =>
    foldHeading(t)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3);
  const mine = new Set(words(a));
  return words(b).some((w) => mine.has(w));
}

/**
 * Headings repeat across a catalog (every pattern has an `## Overview`), so
 * which template sections a heading matches is remembered per list of
 * template sections, up to a bound, rather than folded and tested against
 * every section's expression again for each pattern.
 */
const matchCache = new WeakMap<readonly TemplateSection[], Map<string, TemplateSection[]>>();
const MATCH_CACHE_LIMIT = 5000;
const NONE: TemplateSection[] = [];

/**
 * The template sections of `schema` whose heading shape `title` has, in
 * template order. A note in parentheses is not part of a name: `Testing
 * (manual)` is a `Testing` section.
 */
function matching(schema: readonly TemplateSection[], title: string): TemplateSection[] {
  let cache = matchCache.get(schema);
  if (!cache) {
    cache = new Map();
    matchCache.set(schema, cache);
  }
  let hits = cache.get(title);
  if (!hits) {
    const folded = foldHeading(title);
    hits = schema.filter((s) => s.matcher.test(folded));
    if (hits.length === 0) {
      const bare = splitNote(title);
      if (bare.note !== undefined) {
        const foldedBare = foldHeading(bare.text);
        hits = schema.filter((s) => s.matcher.test(foldedBare));
      }
    }
    // A number the author puts before each section (`1. Status`, `2) Context`, `IV. Decision`) is no part of its name.
    const unnumbered = withoutNumbering(folded);
    if (hits.length === 0 && unnumbered !== folded && unnumbered) hits = schema.filter((s) => s.matcher.test(unnumbered));
    // A heading that names a section is that section, not an any-heading slot beside it.
    if (hits.some((s) => s.anyHeading) && hits.some((s) => !s.anyHeading)) hits = hits.filter((s) => !s.anyHeading);
    if (hits.length === 0) hits = NONE;
    if (cache.size < MATCH_CACHE_LIMIT) cache.set(detached(title), hits);
  }
  return hits;
}

const shapes = new WeakMap<TemplateSection, RegExp>();

/** Whether a heading has the template section's own heading's shape (`Requirement 2` for the slot the template heads `Requirement 1`). */
function ownShape(t: TemplateSection, title: string): boolean {
  let shape = shapes.get(t);
  if (!shape) {
    shape = new RegExp(`^(?:${headingShape(splitNote(t.heading).text).source})$`, 'u');
    shapes.set(t, shape);
  }
  return shape.test(foldHeading(title));
}

const variantKeys = new WeakMap<TemplateSection, string[]>();

/**
 * The one template section of `schema` that `title` names another way
 * (see `variantKey`): none when it is no variant, or a variant of several.
 * Sections whose name has variable parts (`Step N: <title>`) are matched by
 * their shape only.
 */
function variantOf(schema: readonly TemplateSection[], title: string, wordsBefore = true): TemplateSection | undefined {
  const key = variantKey(title);
  if (!key) return undefined;
  const named = (s: TemplateSection) => !s.repeatable && s.name === s.heading;
  // (A word written as two, or two as one: `## Draw Backs`, `## Road map` for `## Drawbacks`, `## Roadmap`.)
  const closed = key.replace(/ /g, '');
  const hits = schema.filter((s) => {
    if (!named(s)) return false;
    let keys = variantKeys.get(s);
    if (!keys) variantKeys.set(s, (keys = [s.heading, ...s.aliases].map(variantKey)));
    return keys.includes(key) || (closed.length >= 6 && keys.some((k) => k.replace(/ /g, '') === closed && k.includes(' ') !== key.includes(' ')));
  });
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) return undefined;
  // (A number the author puts before each section, `3. Specifications`, is no part of its name: the
  // name in another spelling. Not a topic of more words after a number, `8. The proposal adds…`.)
  const unnumbered = title.replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[IVX]{1,5}[.)])\s+(?=\p{L})/u, '');
  if (unnumbered !== title) {
    const bare = variantKey(unnumbered);
    const found = bare ? schema.filter((s) => named(s) && variantKeys.get(s)?.includes(bare)) : [];
    return found.length === 1 ? found[0] : undefined;
  }
  // The name and more words (`References and Further Reading`): the longest name that fits, if one.
  const longer = schema.filter((s) => named(s) && [s.heading, ...s.aliases].some((n) => extendsName(title, n, wordsBefore)));
  if (longer.length === 0) {
    // A name with the pattern's name in it (`Intent of <title> Design Pattern`) written with its
    // leading words and the rest the author's own (`Intent of Actor Model Pattern`, `Benefits and
    // Trade-offs`): the one section whose leading words these are.
    const led = schema.filter((s) => {
      const lead = leadKey(s);
      return lead !== undefined && (key === lead || key.startsWith(`${lead} `));
    });
    if (led.length === 1) return led[0];
    // The template's name without the participle after it that qualifies it (`Alternatives` for
    // `Alternatives Considered`). (Not a word two names end or start with, `Changes` beside `Changes
    // Proposed` and `Breaking Changes`.)
    const shortened = schema.filter((s) => named(s) && [s.heading, ...s.aliases].some((n) => shortensName(title, n)));
    const sharing = shortened.length === 1 ? schema.filter((s) => named(s) && [s.heading, ...s.aliases].some((n) => endsWithWords(variantKey(n), key))) : [];
    if (shortened.length === 1 && sharing.length === 1) return shortened[0];
    // The template's name given in a note after the author's own (`Pedagogy (How we teach this)`).
    const note = splitNote(title).note;
    const noteKey = note === undefined ? undefined : variantKey(note);
    const noted = noteKey ? schema.filter((s) => named(s) && variantKeys.get(s)!.includes(noteKey)) : [];
    if (noted.length === 1) return noted[0];
    // The template's name, or one of the names it offers (`Introduction/Overview`), then a dash and the
    // author's gloss on it (`Overview - what do we want to do?`).
    const head = /^(.+?)\s+[-–—]\s+\S/.exec(title)?.[1];
    const headKey = head ? variantKey(head) : undefined;
    const glossed = headKey
      ? schema.filter((s) => named(s) && (variantKeys.get(s)!.includes(headKey) || slashAlternatives(s.heading).some((a) => variantKey(a) === headKey)))
      : [];
    return glossed.length === 1 ? glossed[0] : undefined;
  }
  // (Two names in it, one at its start and one at its end, `## Proposal summary`: the one it ends in is
  // its head noun, what the section is — a summary, of the proposal.)
  // (Unless the first is joined to the rest by a preposition, `## Alternatives for Future Work`: the
  // first is the head noun then — alternatives, for future work.)
  if (longer.length > 1) {
    const before = longer.filter((s) => [s.heading, ...s.aliases].some((n) => namePrepositionBefore(key, n)));
    if (before.length === 1) return before[0];
    const heads = longer.filter((s) => [s.heading, ...s.aliases].some((n) => key.endsWith(` ${variantKey(n)}`)));
    if (heads.length === 1) return heads[0];
  }
  const best = Math.max(...longer.map((s) => variantKey(s.heading).length));
  const top = longer.filter((s) => variantKey(s.heading).length === best);
  return top.length === 1 ? top[0] : undefined;
}

/** Whether a heading is a section's name, then a preposition and words of its own (`Summary of the old setup`). */
function ofItsOwn(title: string, schema: TemplateSection): boolean {
  const key = variantKey(title);
  return [schema.heading, ...schema.aliases].some((n) => namePrepositionBefore(key, n));
}

/** Whether a heading's key is `name`'s, then a preposition that joins what follows to it (`alternatives for future work`). */
function namePrepositionBefore(key: string, name: string): boolean {
  const k = variantKey(name);
  return key.startsWith(`${k} `) && PREPOSITIONS.has(key.slice(k.length + 1).split(' ')[0]!);
}

/** Whether a name's key starts or ends with these words (`detailed design`, `design`). */
function endsWithWords(name: string, words: string): boolean {
  return name === words || name.startsWith(`${words} `) || name.endsWith(` ${words}`);
}

/** Prepositions that join a head noun to what follows it (`Alternatives for Future Work`). */
const PREPOSITIONS = new Set([
  'for',
  'of',
  'to',
  'in',
  'on',
  'with',
  'about',
  'from',
  'beyond',
  'against',
  'versus',
  'vs',
  'under',
  'within',
  'without',
  'after',
  'before',
]);

const leadKeys = new WeakMap<TemplateSection, string | null>();
/** Words that join a name's leading words to the pattern's name (`Intent of`, `When to Use the`). */
// (And pronouns, which name nothing of their own: `## Who will run this?` is no `## How we teach this`.)
const JOINING = new Set([
  'of',
  'the',
  'a',
  'an',
  'for',
  'to',
  'with',
  'in',
  'on',
  'and',
  'about',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'they',
  'them',
  'their',
  'we',
  'us',
  'our',
  'you',
  'your',
]);

/**
 * Words that name the same part of a proposal or pattern (as variant keys):
 * `## Purpose` where the template puts `## Motivation`, `## Downsides` for
 * `## Drawbacks`. Read only where the template puts the section, only for a
 * heading's last word against the name's (see `sameRole`), and only when one
 * heading there fits it (see `rewordings`).
 */
/** Head nouns that say what kind of text a section is rather than what it is about. */
const GENERIC_HEADS = new Set([
  'instruction',
  'detail',
  'step',
  'note',
  'information',
  'guide',
  'guideline',
  'procedure',
  'overview',
  'command',
  'script',
  'checklist',
  'description',
  'explanation',
]);

/**
 * Head nouns of a name that say what bears on its subject rather than what it is (`drivers` of a
 * decision, `constraints` of a design): a heading of the subject's word alone is not that section.
 * (Not those a section about the subject holds, `## Security` for `## Security considerations`,
 * nor those an adjective qualifies, `## Unresolved` for `## Unresolved questions`.)
 */
const BEARING_HEADS = new Set([
  'driver',
  'criteria',
  'criterion',
  'factor',
  'force',
  'context',
  'background',
  'assumption',
  'constraint',
  'input',
  'dependency',
  'goal',
  'option',
  'alternative',
]);

/** Whether two names differ by words of opposite sense (see `OPPOSITES`), or a word and the same with a negating prefix (`resolved`, `unresolved`). */
export function opposed(a: string, b: string): boolean {
  const x = foldHeading(a)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const y = foldHeading(b)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const negates = (w: string, n: string) => /^(?:un|non|in|im|dis|ir|il)-?/.test(w) && w.replace(/^(?:un|non|in|im|dis|ir|il)-?/, '') === n;
  return x.some((w) => !y.includes(w) && y.some((n) => !x.includes(n) && (OPPOSITES.get(w)?.has(n) || negates(w, n) || negates(n, w))));
}

/** States of what a section lists, before and after (`Unresolved questions`, then `Resolved questions`). */
const OPEN_STATE = new Set(['unresolved', 'open', 'pending', 'outstanding']);
const SETTLED_STATES = ['resolved', 'answered', 'settled', 'closed', 'decided'] as const;
const SETTLED_STATE = new Set<string>(SETTLED_STATES);

/**
 * Whether a heading is a section's name with its state moved on, words else the same: `Resolved
 * questions` for `Unresolved questions`, once its questions were answered — the section at a later
 * stage, not another one.
 */
export function settledName(written: string, name: string): boolean {
  const words = (text: string) => foldHeading(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const a = words(written);
  const b = words(name);
  if (a.length !== b.length || a.length < 2) return false;
  const differ = a.map((w, i) => [w, b[i]!] as const).filter(([x, y]) => x !== y);
  return differ.length === 1 && SETTLED_STATE.has(differ[0]![0]) && OPEN_STATE.has(differ[0]![1]);
}

/** Qualifiers of opposite meaning (either way): a heading with one is no name with the other. */
const OPPOSITES = new Map<string, Set<string>>();
for (const [a, bs] of [
  ['open', SETTLED_STATES],
  ['unresolved', SETTLED_STATES],
  ['pros', ['cons']],
  ['advantages', ['disadvantages']],
  ['accepted', ['rejected', 'declined']],
  ['proposed', ['alternative', 'alternatives']],
  ['positive', ['negative']],
] as const) {
  for (const b of bs) {
    OPPOSITES.set(a, new Set([...(OPPOSITES.get(a) ?? []), b]));
    OPPOSITES.set(b, new Set([...(OPPOSITES.get(b) ?? []), a]));
  }
}

const SAME_ROLE = new Map(
  [
    ['motivation', 'purpose', 'rationale'],
    ['requirement', 'prerequisite'],
    ['context', 'background'],
    ['decision', 'proposal', 'solution'],
    ['drawback', 'downside', 'disadvantage'],
    ['summary', 'abstract', 'synopsis', 'introduction', 'overview'],
    ['reference', 'resource', 'bibliography'],
    ['acknowledgment', 'credit'],
    ['deployment', 'setup', 'installation'],
    ['cleanup', 'teardown', 'removal'],
  ].flatMap((group, i) => group.map((w) => [w, i] as const)),
);

/**
 * Whether a heading's words have to do with a template section: a word of its
 * name or its guidance (stemmed: `## Effect on ABI stability` for `## ABI
 * compatibility`), or a word of the same role as its name's (`## Proposal`
 * for `## Decision`). Place alone (`## Example` where `## Evidence` goes) is
 * not enough to read one as the other.
 */
export function speaksOf(written: string, t: TemplateSection): boolean {
  const words = new Set(analyze(`${t.name} ${t.guidance}`));
  if (analyze(written).some((w) => words.has(w))) return true;
  // (Any word of the same role, a hyphenated one as one word: `## Pre-requisites` for `## Requirements`,
  // `## Setup` for `## Deployment Instructions`.)
  const roles = (text: string) =>
    [...contentWords(text), ...contentWords(text.replace(/(\p{L})-(\p{L})/gu, '$1$2'))].map((w) => roleOf(w)).filter((r) => r !== undefined);
  const theirs = new Set(roles(t.heading));
  return roles(written).some((r) => theirs.has(r));
}

/**
 * Words for one part of a proposal, looser than `SAME_ROLE` (which renames):
 * the why (`## Problem statement`, `## Background` for `## Motivation`), the
 * answer (`## Proposed solution`, `## Changes` for `## Detailed design`), the
 * gist, the costs. Read only to tell whether an author's heading where a
 * required section goes may be that section in other words (see
 * `mayStandFor`): a missing section then is a warning that names it — never a
 * rename, a match or a reason to insert nothing else.
 */
const KINDRED = new Map(
  [
    ['motivation', 'purpose', 'rationale', 'problem', 'context', 'background', 'why'],
    ['decision', 'proposal', 'solution', 'design', 'approach', 'change', 'plan', 'specification', 'detail'],
    ['summary', 'abstract', 'synopsis', 'introduction', 'overview', 'objective', 'tldr', 'gist'],
    ['drawback', 'downside', 'disadvantage', 'tradeoff', 'cost', 'risk', 'con'],
    ['alternative', 'alternate', 'option', 'considered', 'discarded', 'rejected', 'abandoned'],
    ['unresolved', 'unknown', 'unanswered', 'outstanding', 'open', 'pending'],
    ['story', 'scenario', 'usecase'],
  ].flatMap((group, i) => group.map((w) => [w, i] as const)),
);

/**
 * Whether an author's short heading (four words at most) where a template
 * section goes may be that section in other words: its guidance talks of it
 * (`speaksFor`), or a word of it is kindred to a word of the section's name
 * (`## Proposed solution` for `## Detailed design`; see `KINDRED`), none of
 * opposite sense.
 */
export function mayStandFor(one: Section, t: TemplateSection): boolean {
  return speaksFor(one, [t], t.level) !== undefined || kindredTo(one, t);
}

/** Whether a word of an author's short heading is kindred to a word of the section's name (see `KINDRED`), none of opposite sense. */
export function kindredTo(one: Section, t: TemplateSection): boolean {
  return kindredText(one.title, t);
}

/** Whether a few words of an author's (four at most) hold one kindred to a word of the section's name (see `KINDRED`), none of opposite sense. */
export function kindredText(text: string, t: TemplateSection): boolean {
  // (`Use cases`, `use-case` are one word: `usecase`.)
  const joined = (x: string) => x.replace(/\buse[\s-]+(cases?)\b/gi, 'use$1').replace(/(\p{L})-(\p{L})/gu, '$1$2');
  // (A label and the author's title for what it labels, `Proposal: Eager sync with per-chunk checks`:
  // the label's words.)
  const label = /^([^:]{2,40}):\s+\S/.exec(text)?.[1];
  const words = contentWords(joined(label !== undefined && contentWords(joined(label)).length <= 2 ? label : text));
  if (words.length === 0 || words.length > 4) return false;
  const name = contentWords(joined(t.heading));
  const theirs = new Set(name.map((w) => roleOf(w, KINDRED)).filter((k) => k !== undefined));
  const opposite = words.some((w) => !name.includes(w) && name.some((n) => OPPOSITES.get(w)?.has(n)));
  // (An approach or design set aside, `## Discarded Approaches`, is an alternative: no plan or design of the pattern's own.)
  const setAside = words.some((w) => SET_ASIDE.has(w));
  return !opposite && words.some((w) => theirs.has(roleOf(w, KINDRED) ?? -1) && !(setAside && roleOf(w, KINDRED) === roleOf('design', KINDRED)));
}

/** Words that set what they qualify aside (see `kindredText`). */
const SET_ASIDE = new Set(['discarded', 'rejected', 'abandoned']);

/**
 * Whether a heading differs from a name by a word that names a part of a
 * document in its own right (one of `SAME_ROLE`'s or `KINDRED`'s words, and
 * not of the same role as the name's word it stands for): `## Context` for
 * `## Content`, a word, not a slip of the keyboard.
 */
function otherSectionWord(written: string, name: string): boolean {
  const theirs = contentWords(name);
  const roles = new Set(theirs.map((w) => roleOf(w)));
  const kins = new Set(theirs.map((w) => roleOf(w, KINDRED)));
  return contentWords(written).some((w) => {
    if (theirs.includes(w)) return false;
    const role = roleOf(w);
    const kin = roleOf(w, KINDRED);
    return (role !== undefined || kin !== undefined) && (role === undefined || !roles.has(role)) && (kin === undefined || !kins.has(kin));
  });
}

/** A word's role among `SAME_ROLE`'s groups, or another such map's (plural or singular). */
function roleOf(word: string, groups: ReadonlyMap<string, number> = SAME_ROLE): number | undefined {
  return groups.get(word) ?? groups.get(word.replace(/s$/, ''));
}

/**
 * Whether the top-level sections of an outline are written `by` levels off the
 * template's — all of them, or most (two thirds), the others at the template's
 * level (`## Open Questions` last, back at its level after `# Design`):
 * one layout. Undefined when some other offset is there too, or too few are off.
 */
export function outlineOff(top: readonly SectionMatch[], by: number): { partial: boolean } | undefined {
  const offsets = top.flatMap((m) => m.sections.map((s) => m.schema.level - s.level));
  const off = offsets.filter((d) => d === by).length;
  if (by === 0 || offsets.some((d) => d !== by && d !== 0) || off * 3 < offsets.length * 2) return undefined;
  return { partial: off < offsets.length };
}

/** Qualifiers that say the same of a section's head noun (`open`, `unresolved`, `unanswered` questions). */
const SAME_QUALIFIER = new Map(
  [
    ['open', 'unresolved', 'unanswered', 'outstanding', 'pending'],
    ['future', 'later', 'next'],
    ['prior', 'previous', 'related', 'existing'],
    ['alternative', 'rejected', 'considered'],
  ].flatMap((group, i) => group.map((w) => [w, i] as const)),
);

/** Words for the things a section leaves for later, after `future`, `later` or `next` (`work`, `directions`, `possibilities`). */
const LATER_THINGS = new Set(['work', 'direction', 'possibility', 'extension', 'enhancement', 'improvement', 'idea', 'development']);

/**
 * Whether a heading and a section's name are each two words: a qualifier for what comes later (`future`,
 * `next`) and a word for the things left for it (`## Future Work`, `## Future directions`).
 */
function laterWork(heading: readonly string[], name: readonly string[]): boolean {
  const later = (words: readonly string[]) =>
    words.length === 2 && SAME_QUALIFIER.get(words[0]!) === SAME_QUALIFIER.get('future') && LATER_THINGS.has(words[1]!.replace(/s$/, '').replace(/ie$/, 'y'));
  return later(heading) && later(name);
}

function sameQualifier(a: string, b: string): boolean {
  const role = SAME_QUALIFIER.get(a);
  return role !== undefined && role === SAME_QUALIFIER.get(b);
}

/**
 * Whether a short heading (three words at most) ends in a word of the same
 * role as the word the section's name ends in: its head noun (`## Other
 * Resources` for `## References`), not any word of a longer topic heading
 * (`## Resource Owner Password Credentials Grant`).
 */
function sameRole(heading: readonly string[], name: readonly string[]): boolean {
  if (heading.length === 0 || heading.length > 3 || name.length === 0) return false;
  // (Not a name qualified as other than the one taken, `## Alternative Solutions`: `## Proposal` is the
  // solution taken, not those.)
  const other = (words: readonly string[]) => words.slice(0, -1).some((w) => OTHER_THAN.test(w));
  if (other(name) !== other(heading)) return false;
  const role = SAME_ROLE.get(heading.at(-1)!);
  return role !== undefined && role === SAME_ROLE.get(name.at(-1)!);
}

/**
 * The leading words of a section name with variable parts, before the first one
 * (`Intent of <title> Design Pattern` → `intent`), as a variant key; none for a
 * name that starts with its variable part, a repeatable section (`Step N: <title>`)
 * or words too short to tell sections apart.
 */
function leadKey(section: TemplateSection): string | undefined {
  let lead = leadKeys.get(section);
  if (lead === undefined) {
    lead = null;
    const at = section.name.indexOf('<');
    if (section.name !== section.heading && !section.repeatable && !section.anyHeading && at > 0) {
      const words = variantKey(section.name.slice(0, at)).split(' ').filter(Boolean);
      while (words.length > 0 && JOINING.has(words[words.length - 1]!)) words.pop();
      const key = words.join(' ');
      if (/\p{L}{4,}/u.test(key)) lead = key;
    }
    leadKeys.set(section, lead);
  }
  return lead ?? undefined;
}

/** Whether a pattern's heading only adds words to the template section's name. */
function isExtension(title: string, schema: TemplateSection): boolean {
  const key = variantKey(title);
  const closed = key.replace(/ /g, '');
  if (variantKeys.get(schema)?.some((k) => k === key || k.replace(/ /g, '') === closed)) return false;
  // (Nor is the name short of a word, `Alternatives` for `Alternatives Considered`: a rename is asked.)
  return ![schema.heading, ...schema.aliases].some((n) => shortensName(title, n));
}

/**
 * Whether moving a pattern's headings up `-by` levels would make `heading` an
 * H1 the pattern is then read to be titled by: the template keeps the title
 * elsewhere (front matter), the pattern has no H1, and the heading names none
 * of the template's sections (`## Abstract` where the Summary goes). Where it
 * would, heading-level moves nothing and required-section inserts at the
 * pattern's own levels.
 */
export function raisedIntoTitle(doc: MarkdownDocument, template: TemplateSchema, heading: Heading | undefined, by: number): boolean {
  return (
    by < 0 &&
    !doc.title &&
    template.title.from !== 'heading' &&
    heading !== undefined &&
    heading.level + by === 1 &&
    !flattenSections(template.sections).some((t) => t.matcher.test(foldHeading(heading.text)))
  );
}

/**
 * A template section whose own text, above its sub-sections, is a sentence or more for the author:
 * the section is written as text, and the author's own sub-headings are its parts. A note in a
 * comment asks as plainly as text (`<!-- What is proposed, in detail: enough for a reviewer… -->`).
 */
export function asksForText(schema: TemplateSection): boolean {
  const own = schema.body
    .replace(/<!--|-->/g, ' ')
    .replace(/^ {0,3}#{1,6}[ \t].*$/gm, '')
    .replace(/^[ \t]*>.*$/gm, '');
  return (own.match(/\p{L}+/gu) ?? []).length >= 8;
}

/**
 * Whether one of two names is the other negated, or both say the opposite of each other: `Goals` and
 * `Non-Goals`, `In scope` and `Out of scope`, `Goals` and `Not goals`.
 */
export function negatedName(a: string, b: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const negation = (w: readonly string[]) =>
    w.some((x, i) => x === 'non' || x === 'not' || x === 'no' || x === 'without' || x === 'anti' || (x === 'out' && w[i + 1] === 'of'));
  const rest = (w: readonly string[]) => w.filter((x) => !['non', 'not', 'no', 'without', 'anti', 'out', 'in', 'of'].includes(x));
  const wa = words(a);
  const wb = words(b);
  if (negation(wa) === negation(wb)) return false;
  // (The same words else, `Goals` and `Non-Goals`: not a heading that only shares one, `Filters that do
  // not work` beside `How it works`.)
  const stems = (w: readonly string[]) => new Set(rest(w).flatMap((x) => analyze(x)));
  const sa = stems(wa);
  const sb = stems(wb);
  return sa.size > 0 && sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
