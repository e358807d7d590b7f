import type { LightCatalog, PatternView } from '../../catalog/types.js';
import type { Section } from '../../markdown/types.js';
import type { MissingSection, OutlineMatch, SectionMatch } from '../../template/match-outline.js';

/**
 * Slot sections: a template section that stands for each pattern's own
 * sections ("the main sections vary with the topic") rather than a section
 * every pattern must have. The catalog tells them apart: (almost) no pattern
 * has such a section — one in twenty at most, that kept its heading as the
 * template wrote it — and most patterns have their own sections at its place. A
 * section the template has just gained is different — no pattern has it yet
 * either, but the patterns have nothing of their own where it goes — and
 * stays required.
 */

/** What one pattern says about slots: the template sections it has, and those whose place holds its own sections. */
export interface SlotFacts {
  present: string[];
  /** Ids of present template sections with the pattern's own sections after or under them (a slot's heading kept as the template wrote it). */
  keptWithOwn: string[];
  /** Ids of absent template sections at whose place the pattern has sections the template does not know. */
  ownPlaces: string[];
}

/** From how many patterns the catalog is large enough to tell a slot. */
const MIN_PATTERNS = 10;

export function slotFacts(outline: OutlineMatch): SlotFacts {
  const present = [...new Set([...outline.all.map((m) => m.schema.id), ...outline.misplaced.map((m) => m.schema.id)])];
  // Optional sections too: a slot the configuration already made optional still makes room for the patterns' own sections.
  const ownPlaces = outline.absent.filter((m) => placeOf(m, outline.unknown).length > 0).map((m) => m.schema.id);
  // (Its own sections after it, or under it where the template gives it none.)
  const keptWithOwn = outline.all
    .filter((m) => followedByOwn(m, outline).length > 0 || (m.schema.children.length === 0 && m.sections.some((s) => s.children.length > 0)))
    .map((m) => m.schema.id);
  return { present, keptWithOwn, ownPlaces };
}

/** The unknown sections of a present section's level that follow it, up to the next section the template has. */
export function followedByOwn(match: SectionMatch, outline: OutlineMatch): Section[] {
  // (Most patterns have no section of their own: nothing to look for.)
  if (outline.unknown.length === 0) return [];
  // Asked by slotFacts for each rule that keeps slot facts, and by unknown-section: worked out once per match.
  let found = followed.get(match);
  if (!found) followed.set(match, (found = ownAfter(match, outline)));
  return found;
}

const followed = new WeakMap<SectionMatch, Section[]>();

function ownAfter(match: SectionMatch, outline: OutlineMatch): Section[] {
  const last = match.sections.at(-1)!;
  const level = match.schema.level;
  let next = Infinity;
  for (const m of outline.all)
    for (const s of m.sections) if (s.level <= level && s.range.start.offset > last.range.start.offset && s.range.start.offset < next) next = s.range.start.offset;
  return outline.unknown.filter((s) => s.level === level && s.range.start.offset > last.range.start.offset && s.range.start.offset < next);
}

/** The unknown sections at a missing section's place: at its level, after the section before it and before the one after it. */
export function placeOf(missing: MissingSection, unknown: readonly Section[]): Section[] {
  const from = missing.after?.sections.at(-1)?.range.end.offset ?? missing.parent?.sections[0]?.heading.range.end.offset ?? 0;
  const to = missing.before?.sections[0]?.range.start.offset ?? missing.parent?.sections.at(-1)?.range.end.offset ?? Infinity;
  return unknown.filter((s) => s.level === missing.schema.level && s.range.start.offset >= from && s.range.start.offset <= to);
}

/** Ids of the template's slot sections, judged on every pattern's facts (none for a catalog too small to tell). */
export function slotSections(catalog: LightCatalog, factsOf: (pattern: PatternView) => SlotFacts | undefined): Set<string> {
  const facts = catalog.patterns.map(factsOf).filter((f): f is SlotFacts => f !== undefined);
  const slots = new Set<string>();
  if (facts.length < MIN_PATTERNS) return slots;
  // Patterns that have the section: where each has sections of its own after it, it is a slot's heading
  // kept as the template wrote it; one that has it with nothing of its own after it writes the section.
  const present = new Map<string, number>();
  const writes = new Set<string>();
  for (const f of facts) {
    for (const id of f.present) present.set(id, (present.get(id) ?? 0) + 1);
    for (const id of f.present) if (!f.keptWithOwn.includes(id)) writes.add(id);
  }
  const own = new Map<string, number>();
  for (const f of facts) for (const id of f.ownPlaces) own.set(id, (own.get(id) ?? 0) + 1);
  // (A pattern or two that kept the slot's heading from the template, `## Main Sections` as written,
  // do not make it a section the others lack.)
  for (const [id, count] of own) if (!writes.has(id) && (present.get(id) ?? 0) * 20 <= facts.length && count * 2 >= facts.length) slots.add(id);
  return slots;
}
