import { declaredDate } from '../../catalog/declared-date.js';
import type { Section } from '../../markdown/types.js';
import { plainRange } from '../../markdown/lines.js';
import type { SectionMatch } from '../../template/match-outline.js';
import { variantKey } from '../../template/heading-variants.js';
import { sectionsById } from '../../template/lookup.js';
import { parentSection } from '../../template/walk.js';
import { defineCatalogRule, type FileRuleContext, type Report } from '../rule.js';
import { headingLabel, schemaLabel } from './_format.js';

/** A finding; for a section out of order, which template section it is and the one the template puts it after or before (ids). */
type OrderReport = Report & { order?: { id: string; after?: string; before?: string } };

/** A pattern's findings, and the earliest date it gives itself (see `declaredDate`) where one is about order. */
interface Found {
  reports: OrderReport[];
  declared?: number;
}

export default defineCatalogRule({
  meta: {
    id: 'section-order',
    description: "Sections follow the template's order and sit under the section the template puts them in.",
    severity: 'warning',
    fixable: false,
    // (Whether a pattern follows the order of the template of its day is read from the template's git history.)
    scope: 'catalog',
  },
  collect(context): Found {
    const reports: OrderReport[] = [];
    findings(context, (r) => reports.push(r));
    const declared = reports.some((r) => r.order) ? declaredDate(context.pattern) : undefined;
    return { reports, ...(declared !== undefined ? { declared } : {}) };
  },
  check({ pattern, catalog, index, collected, report }) {
    const found = collected<Found>(pattern);
    if (!found) return;
    // A pattern written when the template put its sections in another order (`## Fields` before `##
    // Usage`, swapped in a later version) follows the template of its day: no finding of that order.
    // (The version in force when it was written, by git or the date it gives itself; before the
    // template's first version, today's order is all there is.)
    const template = catalog.templates.for(pattern.path);
    let era: readonly string[] | undefined | null = null;
    const eraNames = () => {
      if (era === null) {
        const history = index.templateHistory(template);
        const at = history?.written(pattern.path, found.declared);
        era = history && at !== undefined ? history.headingsAt(at) : undefined;
      }
      return era;
    };
    const byId = sectionsById(template);
    const placeThen = (names: readonly string[], id: string) => {
      const t = byId.get(id);
      return t ? names.findIndex((n) => t.matcher.test(n)) : -1;
    };
    for (const { order, ...finding } of found.reports) {
      const names = order ? eraNames() : undefined;
      if (order && names) {
        const self = placeThen(names, order.id);
        const other = placeThen(names, (order.after ?? order.before)!);
        if (self >= 0 && other >= 0 && (order.after !== undefined ? self < other : self > other)) continue;
      }
      report(finding);
    }
  },
});

function findings({ pattern, catalog, outline }: FileRuleContext<Record<string, never>>, report: (r: OrderReport) => void): void {
  const template = catalog.templates.for(pattern.path).sections;
  // (Under a section the template repeats, `### Option 1:` and `### Option 2:` each with its `#### Pros`
  // and `#### Cons`, each one's sub-sections are in order among themselves: judged apart.)
  const doc = pattern.document;
  const byParent = (matches: SectionMatch[]): SectionMatch[][] => {
    const groups = new Map<Section | undefined, SectionMatch[]>();
    for (const m of matches)
      for (const s of m.sections) {
        const parent = parentSection(doc.sections, s);
        const group =
          groups.get(parent) ??
          groups
            .set(
              parent,
              matches.map((x) => ({ ...x, sections: [] })),
            )
            .get(parent)!;
        group[matches.indexOf(m)]!.sections.push(s);
      }
    return groups.size <= 1 ? [matches] : [...groups.values()];
  };
  const visit = (matches: SectionMatch[], repeated = false): void => {
    for (const { section, schema, predecessor, successor } of (repeated ? byParent(matches) : [matches]).flatMap(outOfOrder)) {
      // (Written another way, `## Guides` for `## Writing guide`: which section it was taken for.)
      const named = variantKey(section.title) === variantKey(schema.heading) ? '' : ` (read as the template's ${schemaLabel(schema)})`;
      report({
        message: `${headingLabel(section)}${named} is out of order: the template puts it ${predecessor ? `after ${schemaLabel(predecessor)}` : `before ${schemaLabel(successor!)}`}.`,
        range: plainRange(section.heading.range),
        order: { id: schema.id, ...(predecessor ? { after: predecessor.id } : { before: successor!.id }) },
      });
    }
    matches.forEach((m) => visit(m.children, m.sections.length > 1));
  };
  visit(outline.matches);

  // The template section each of the pattern's sections stands for.
  const schemaOf = new Map<Section, (typeof outline.misplaced)[number]['schema']>();
  for (const m of outline.all) for (const s of m.sections) schemaOf.set(s, m.schema);
  for (const m of outline.misplaced) schemaOf.set(m.section, m.schema);
  for (const { section, schema } of outline.misplaced) {
    if (section.level !== schema.level) continue; // heading-level reports it
    // Under a sibling of its own written a level up (`# Summary` above `## Motivation`, where the
    // template has both at `##`), it is where it belongs: that heading's level is the one finding.
    const holder = parentSection(pattern.document.sections, section);
    const holderSchema = holder ? schemaOf.get(holder) : undefined;
    if (holder && holderSchema && holder.level < holderSchema.level && parentSection(template, holderSchema) === parentSection(template, schema)) continue;
    // The parent as the template writes it (a template may skip levels: `###` under `#`).
    const above = parentSection(template, schema);
    // (Where it is already, a second heading read as that section — `## Prerequisite` after the
    // `## Requirements` it is another name of — is no misplaced one: said as what it is.)
    if ((above === undefined && holder === undefined) || (above !== undefined && holderSchema === above)) {
      const first = outline.all.find((m) => m.schema === schema)?.sections.find((x) => x !== section);
      report({
        message: `${headingLabel(section)} reads as the template's ${schemaLabel(schema)}${first ? `, which this pattern has already (${headingLabel(first)}, line ${first.heading.range.start.line})` : ''}: if it is a section of its own, give it a name of its own; if it is the same, merge the two.`,
        range: plainRange(section.heading.range),
      });
      continue;
    }
    const parent = above ? `under ${schemaLabel(above)}` : 'at the top level';
    report({ message: `${headingLabel(section)} is misplaced: the template puts it ${parent}.`, range: plainRange(section.heading.range) });
  }
}

interface Placed {
  section: Section;
  index: number;
  match: SectionMatch;
}

/**
 * The fewest sections to move: those outside the longest run already in
 * template order (a longest non-decreasing subsequence), each with the
 * nearest section of that run it should follow (or precede).
 */
function outOfOrder(
  matches: SectionMatch[],
): { section: Section; schema: SectionMatch['schema']; predecessor?: SectionMatch['schema']; successor?: SectionMatch['schema'] }[] {
  const placed: Placed[] = matches
    .flatMap((match, index) => match.sections.map((section) => ({ section, index, match })))
    .sort((a, b) => a.section.range.start.offset - b.section.range.start.offset);
  if (placed.length < 2) return [];

  // O(n log n) longest non-decreasing subsequence, with back links to recover it.
  const tails: number[] = [];
  const prev = new Array<number>(placed.length).fill(-1);
  placed.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (placed[tails[mid]!]!.index <= p.index) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1]!; i >= 0; i = prev[i]!) keep.add(i);

  // The neighbours named are sections that stay where they are: "after `## Drawbacks`" helps
  // nobody when `## Drawbacks` has to move too.
  const staying = new Set([...keep].map((i) => placed[i]!.index));
  return placed
    .filter((_, i) => !keep.has(i))
    .map(({ section, index, match }) => {
      let before = index - 1;
      while (before >= 0 && !staying.has(before)) before--;
      let after = index + 1;
      while (after < matches.length && !staying.has(after)) after++;
      const predecessor = matches[before]?.schema;
      const successor = matches[after]?.schema;
      return { section, schema: match.schema, ...(predecessor ? { predecessor } : {}), ...(successor ? { successor } : {}) };
    });
}
