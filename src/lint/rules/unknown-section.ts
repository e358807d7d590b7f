import { isNoticeHeading } from '../../markdown/document.js';
import { variantKey } from '../../template/heading-variants.js';
import { declaredDate } from '../../catalog/declared-date.js';
import { z } from 'zod';
import { foldHeading } from '../../template/normalize.js';
import { flattenSections } from '../../template/walk.js';
import { asksForText, opposed, underHalf } from '../../template/match-outline.js';
import { closest } from '../../util/similar.js';
import { defineCatalogRule, type Report } from '../rule.js';
import { waivedNames, waives } from '../../catalog/waivers.js';
import { headingLabel, schemaLabel } from './_format.js';
import { followedByOwn, placeOf, slotFacts, slotSections, type SlotFacts } from './_slots.js';

/** What `collect` keeps of a pattern: what it says about slot sections, and a report per unknown heading. */
interface UnknownFindings extends SlotFacts {
  /** `slot`: the template sections at whose place the heading stands (missing ones, or one whose heading it follows), if any. */
  unknown: (Report & { heading: string; title: string; slot?: string[]; near: boolean })[];
  /** The earliest date the pattern gives itself (see `declaredDate`), where it has an unknown heading. */
  declared?: number;
  /** It has under half of the template's sections (see `underHalf`): it may not follow the template at all. */
  apart?: true;
}

export default defineCatalogRule({
  meta: {
    id: 'unknown-section',
    description: 'Every section heading is one the template has.',
    severity: 'warning',
    fixable: false,
    // A template section no pattern has, where patterns write their own sections, is a slot for them (see _slots.ts).
    scope: 'catalog',
    options: z.strictObject({
      /** Extra headings a pattern may have (case-insensitive), e.g. "Glossary". */
      allow: z.array(z.string()).default([]),
    }),
  },
  collect({ pattern, outline, template }): UnknownFindings {
    // (A template that invites sections of the author's own asks for none of theirs to be named.)
    if (outline.unknown.length === 0 || template.ownSectionsWelcome) return { ...slotFacts(outline), unknown: [] };
    const names = flattenSections(template.sections);
    const places = [
      ...outline.absent.map((m) => ({ id: m.schema.id, sections: new Set(placeOf(m, outline.unknown)) })),
      // A slot's heading kept as the template wrote it (`## Main Sections`): the author's own sections after it are its place too.
      ...outline.all.map((m) => ({ id: m.schema.id, sections: new Set(followedByOwn(m, outline)) })),
    ];
    // A second H1 is the title rule's to report: one finding for one stray heading (where the
    // template's sections are H1s, it is a section like any other).
    // A heading alone where the template has a missing section is named by that finding (see `standIn`).
    const standIns = new Set(outline.missing.map((m) => m.standIn));
    const h1Sections = template.sections.some((s) => s.level === 1);
    // (A name the template lists in a comment as an optional section to add is one of its sections.)
    // (In any spelling of it: `## Appendix` for a listed `## Appendices`, `Acknowledgments` for `Acknowledgements`.)
    const listed = new Set(template.optionalNames.map((name) => variantKey(name)));
    // (Nor is the pattern's title written a level down, `## Proposal epsilon` over `### Motivation`: the title rule's.)
    const titleLine = pattern.title?.from === 'heading' ? pattern.title.range.start.line : undefined;
    // (Nor a part of a section the template asks to be written as text of its own besides the
    // sub-sections it names — `## Specification`: "Formal specification…", then `### Language` —
    // under that section: the author's parts of its text. Still unknown to the outline, where a
    // template's sample sub-sections nobody keeps are a slot for them.)
    const textParents = outline.all.filter((m) => m.schema.children.length > 0 && asksForText(m.schema)).flatMap((m) => m.sections);
    const partOfText = (section: (typeof outline.unknown)[number]) =>
      textParents.some((p) => section.level > p.level && section.range.start.offset > p.heading.range.start.offset && section.range.start.offset < p.range.end.offset);
    const unknown = outline.unknown
      .filter(
        (section) =>
          (section.level > 1 || h1Sections) &&
          !standIns.has(section) &&
          !partOfText(section) &&
          !listed.has(variantKey(section.title)) &&
          section.heading.range.start.line !== titleLine &&
          // (Nor a notice set above the title, `### Moved to issue 7`, `### Deprecated`: said of the document.)
          !(titleLine !== undefined && section.heading.range.start.line < titleLine && isNoticeHeading(section.title)),
      )
      .map((section) => {
        const closeName = closest(section.title, names, (s) => s.name);
        // (Never its opposite: `# Resolved questions` is no `# Unresolved questions` mistyped.)
        const near = closeName && !opposed(section.title, closeName.name) ? closeName : undefined;
        const slot = places.filter((p) => p.sections.has(section)).map((p) => p.id);
        return {
          heading: foldHeading(section.title),
          title: section.title,
          message: `Unknown section ${headingLabel(section)}: the template has no such section.${near ? ` Did you mean ${schemaLabel(near)}?` : ''}`,
          range: { start: { ...section.heading.range.start }, end: { ...section.heading.range.end } },
          ...(slot.length ? { slot } : {}),
          near: near !== undefined,
        };
      });
    const apart = underHalf(outline, template, pattern);
    const declared = unknown.length > 0 ? declaredDate(pattern) : undefined;
    return { ...slotFacts(outline), unknown, ...(apart ? { apart: true as const } : {}), ...(declared !== undefined ? { declared } : {}) };
  },
  check({ pattern, catalog, index, collected, memo, options, report }) {
    const mine = collected<UnknownFindings>(pattern);
    if (!mine) return;
    const allowed = new Set(options.allow.map(foldHeading));
    const slots = memo('slots', () => slotSections(catalog, (p) => collected<UnknownFindings>(p)));
    // (A heading the pattern's own waivers name, `ignoredRules: ["heading:open-items"]`, is allowed it.)
    const waived = waivedNames(pattern, catalog.config);
    // (A section the template had when the pattern was written and dropped since — `## Design Details`
    // in a version of the template's git history — was the template's then: no unknown one.)
    const history = mine.unknown.length > 0 ? index.templateHistory(catalog.templates.for(pattern.path)) : undefined;
    const written = history?.written(pattern.path, mine.declared);
    // (A file with under half of the template's sections and many of its own, five or more, among a
    // catalog most of whose patterns follow it — a roadmap, a runbook beside the RFCs; required-section
    // says it may not follow the template —: each heading of its own is no news. Only those near a name
    // of the template's are said, a rename that would bring it closer. Where most of the catalog is so,
    // the template is another kind's, and every heading is said.)
    const apart = memo('apart', () => catalog.patterns.filter((p) => collected<UnknownFindings>(p)?.apart).length);
    const outlier = mine.apart === true && mine.unknown.length >= 5 && apart * 2 < catalog.patterns.length;
    for (const { heading, title, slot, near, ...finding } of mine.unknown) {
      if (allowed.has(heading) || slot?.some((id) => slots.has(id)) || waives(waived, title) || (outlier && !near)) continue;
      const retired = written === undefined ? undefined : history!.retired(title);
      if (retired !== undefined && written! < retired) continue;
      report(finding);
    }
  },
});
