import { footerBreak } from '../../markdown/document.js';
import type { Block, Section } from '../../markdown/types.js';
import type { SectionMatch } from '../../template/match-outline.js';
import type { TemplateSection } from '../../template/types.js';
import { defineCatalogRule, type FileRuleContext, type Report } from '../rule.js';
import { sectionsById } from '../../template/lookup.js';
import { plainRange } from '../../markdown/lines.js';
import { declaredDate } from '../../catalog/declared-date.js';
import { isDraft } from '../../catalog/status.js';
import { askedAtStage, whenRequired } from '../../template/stages.js';
import { OUTSTANDING, splitNote } from '../../template/heading-variants.js';
import { foldHeading, withoutNumbering } from '../../template/normalize.js';
import { bareHeadingsTemplate, parentSection } from '../../template/walk.js';
import { CLOSING_HEADING, isVisible } from './_blocks.js';
import { headingLabel } from './_format.js';

/** A finding; an error names the template section it is of (`asked`), for what the template's history says of it. */
type EmptyReport = Report & { asked?: string };

/** A pattern's findings, and the earliest date it gives itself (see `declaredDate`) where one is an error. */
interface Collected {
  reports: EmptyReport[];
  declared?: number;
}

export default defineCatalogRule({
  meta: {
    id: 'empty-section',
    description: 'A section the template gives content to has content of its own or sub-sections.',
    severity: 'error',
    fixable: false,
    // Whether the pattern was written before the template asked for the section is git's to say, once for the catalog.
    scope: 'catalog',
  },
  collect(context): Collected {
    const reports: EmptyReport[] = [];
    // (Positions as plain data, kept until the check: a heading's range reads its lines lazily.)
    findings(context, (r) => reports.push(r.range ? { ...r, range: plainRange(r.range) } : r));
    const declared = reports.some((r) => r.asked !== undefined) ? declaredDate(context.pattern) : undefined;
    return { reports, ...(declared !== undefined ? { declared } : {}) };
  },
  check({ pattern, catalog, index, collected, report }) {
    const own = collected<Collected>(pattern);
    if (!own) return;
    const template = catalog.templates.for(pattern.path);
    const byId = own.reports.some((r) => r.asked !== undefined) ? sectionsById(template) : undefined;
    for (const { asked, ...finding } of own.reports) {
      // (A pattern written before the template asked for the section — its git history, or the date it
      // gives itself —, as a missing one would be: the template of its day did not ask it to write it.)
      const schema = asked === undefined ? undefined : byId!.get(asked);
      if (schema && index.templateHistory(template)?.writtenBefore(schema, pattern.path, own.declared))
        report({
          ...finding,
          warning: true,
          message: `${finding.message} (This pattern was written before the template asked for it: its git history, or the date it gives itself. A warning.)`,
        });
      else report(finding);
    }
  },
});

/** The empty sections of one pattern, by what the template asks of each. */
function findings({ pattern, catalog, outline, template }: FileRuleContext<Record<string, never>>, report: (r: EmptyReport) => void): void {
  const draft = isDraft(pattern, catalog.config, template);
  const asked = askedAtStage(template, pattern);
  const footer = footerBreak(pattern.document)?.range.start.line ?? Infinity;
  // (Or mostly bare, one section with labels to fill in beside them, `**Before the pattern**` under
  // `## Code Samples`: its other sections are headings, no more, all the same.)
  const bareTemplate = bareHeadingsTemplate(template.sections);
  // A section whose only text is a marker of work to do (`TODO.`) is as empty; a marker the template
  // has is the placeholder rule's to report there.
  const templateMarkers = new Set(template.placeholders.filter((p) => MARKER.test(p.text)).map((p) => p.text.toUpperCase()));
  const markerOnly = (b: Block): boolean =>
    b.kind === 'paragraph' &&
    MARKER.test(b.text.trim()) &&
    !templateMarkers.has(
      b.text
        .trim()
        .replace(/[.!:]+$/, '')
        .toUpperCase(),
    );
  // The heading right after the section is one of its template sub-sections, at its level.
  const partsAfter = (section: Section, schema: TemplateSection): boolean => {
    const next = pattern.document.headings.find((h) => h.range.start.line > section.heading.range.start.line);
    return next !== undefined && outline.misplaced.some((m) => m.section.heading === next && m.section.level === section.level && schema.children.includes(m.schema));
  };
  const matched = new Set(outline.all.flatMap((m) => m.sections.map((x) => x.heading)));
  const strayH1After = (section: Section): boolean => {
    const next = pattern.document.headings.find((h) => h.range.start.offset > section.heading.range.start.offset);
    return next !== undefined && next.level === 1 && section.level > 1 && next !== pattern.document.title && !matched.has(next);
  };
  const unknown = new Set(outline.unknown);
  const repeatedNext = (section: Section): boolean => {
    const next = pattern.document.headings.find((h) => h.range.start.offset > section.heading.range.start.offset);
    return next !== undefined && next.level === section.level && next.text.trim().toLowerCase() === section.heading.text.trim().toLowerCase();
  };
  const ownAfter = (section: Section): Section[] => {
    const siblings = parentSection(pattern.document.sections, section)?.children ?? pattern.document.sections;
    const out: Section[] = [];
    for (const next of siblings.slice(siblings.indexOf(section) + 1)) {
      // (A heading that closes the document, `## Licence`, `## References`, is no part of it.)
      if (!unknown.has(next) || CLOSING_HEADING.test(withoutNumbering(foldHeading(next.title)).replace(/^\[(.*)\]$/, '$1'))) break;
      out.push(next);
    }
    // (Not where it holds a note for the author, the template's or one `--fix` wrote with it: a
    // section inserted or copied and not yet written, whatever the author's own sections after it.)
    return section.children.length === 0 && section.blocks.length === 0 ? out : [];
  };
  // Sub-sections already said with their empty parent: one finding for a skeleton, not one per heading.
  const said = new Set<Section>();
  // Headings the author names where the template leaves a slot (`#### Story 1`, `### {option title}`):
  // each heading is an item, its words the content (`#### As an operator, I want …`).
  const items = new Set<Section>();
  const collect = (matches: SectionMatch[]): void => {
    for (const m of matches) {
      if (m.schema.anyHeading) for (const s of m.sections) items.add(s);
      collect(m.children);
    }
  };
  collect(outline.matches);
  const visit = (matches: SectionMatch[]): void => {
    for (const { schema, sections, children } of matches) {
      // A leaf the template gives content to; a section with sub-sections when the template gives
      // content to it or to one of them (a skeleton of questions the template leaves bare is as asked).
      for (const section of sections) {
        // (Sub-sections the template makes optional ask for nothing: `## Additional Details` over
        // `### Test Plan [optional]` may stay empty.)
        // (A required section the template gives only a note for the author, `<!-- Why not X? -->`, asks
        // for text too: left with nothing, or with that note alone as `--fix` inserts it, it is not written.)
        // (Its sub-sections all optional count for none, `<!--### [Structure]-->` commented out under it.)
        const noteOnly = !schema.expects.content && schema.children.every((c) => c.optional) && !schema.optional && !schema.recommended && schema.body.includes('<!--');
        // (So does one whose note comes with a line of blanks to fill in and no words of its own,
        // `` - `<package>`: `<date>` - `<test coverage>` ``: how to list, if there is anything to list.)
        const noteAndForm = !noteOnly && schema.children.length === 0 && !schema.optional && !schema.recommended && formOnly(schema.body);
        // (A template made of bare headings alone, `## Context`, `## Decision`, `## Consequences`, asks
        // for text under each of them all the same: a required leaf left empty is told — a warning, the
        // template saying no more than its heading.)
        const bareAsk = bareTemplate && section.children.length === 0 && schema.children.length === 0 && !schema.optional && !schema.recommended && !schema.anyHeading;
        const expectsSomething =
          section.children.length === 0 ? schema.expects.content || noteOnly || schema.children.some((c) => !c.optional) || bareAsk : asksContent(schema);
        if (!expectsSomething || said.has(section) || !blank(section, footer, items, markerOnly) || answeredInHeading(section)) continue;
        if (bareAsk && !schema.expects.content && !noteOnly) {
          if (splitNote(section.heading.text).declined || repeatedNext(section) || partsAfter(section, schema) || strayH1After(section) || ownAfter(section).length > 0)
            continue;
          report({
            message: `Section ${headingLabel(section)} is empty: write its text (the template gives its sections bare headings, no more: a warning).`,
            range: section.heading.range,
            warning: true,
          });
          continue;
        }
        // The template says it may stay empty (`This section will probably initially be empty.`): so it is.
        if (MAY_BE_EMPTY.test(schema.body.replace(/\s+/g, ' '))) continue;
        // Its heading says it is left out on purpose (`### Non-Goals [omitted]`, `## Rollout (N/A)`): answered,
        // as "N/A" under it would be.
        if (splitNote(section.heading.text).declined) continue;
        // The same heading again right after it (`## Cleanup` written twice, one under the other):
        // one heading too many, which duplicate-section says; not an empty section besides.
        if (repeatedNext(section)) continue;
        // Its own sub-sections written right after it at its level (`## Consequences`, then `## Positive`):
        // they are its content, one level off, and heading-level says so.
        if (partsAfter(section, schema)) continue;
        // Its text under an H1 of the author's right after it (`## Design`, then `# How the retry works`):
        // its content under a heading a level too high, which the title rule says.
        if (strayH1After(section)) continue;
        // The author's own sections right after it at its level, before the next of the template's
        // (`## Specification`, then `## Clock Source`, `## Message Queue`): likely its parts written a
        // level up. A warning that says so, not an error.
        const parts = ownAfter(section);
        if (parts.length > 0) {
          for (const s of descendants(section)) said.add(s);
          report({
            message: `Section ${headingLabel(section)} has no text of its own; the sections after it at its level (${parts.map(headingLabel).join(', ')}) are the author's: if they are its parts, make them one level lower.`,
            range: section.heading.range,
            warning: true,
          });
          continue;
        }
        const below = descendants(section);
        for (const s of below) said.add(s);
        // An optional (or only recommended) section left empty says nothing wrong by the template: a warning.
        // (So is one whose own heading says it is optional, `### Details [optional]`, copied from the
        // template of its day: what the author was asked for then.)
        const ownNote = splitNote(section.heading.text).optional;
        const optional = schema.optional || schema.recommended || ownNote;
        const subs = below.length > 0 ? `, and so ${below.length === 1 ? 'is its sub-section' : `are its ${below.length} sub-sections`}` : '';
        // A section that lists what is still open (`# Unresolved questions`) says, left empty, that
        // nothing is: a finished record keeps it so. A warning that asks to say so.
        if (!optional && OUTSTANDING.test(schema.name)) {
          report({
            message: `Section ${headingLabel(section)} is empty${subs}: if nothing is left open, say so (“None.”); else list what is.`,
            range: section.heading.range,
            warning: true,
          });
          continue;
        }
        // Its only content a dash on a line of its own (`-`, a list of one empty item) where the template
        // has no blank bullet to fill: the author's mark for "none", as a header writes `replaced by: -`.
        // Whether that says enough is the catalog's to say: a warning that asks for words.
        if (dashOnly(section) && !/^[ \t]*[-*+][ \t]*$/m.test(schema.body)) {
          report({
            message: `Section ${headingLabel(section)} holds only a dash: if there is nothing to say, say so (“None.”); else write its content.`,
            range: section.heading.range,
            warning: true,
          });
          continue;
        }
        // Its only content a heading of the author's where the template has no sub-sections (`## Decision
        // Outcome`, then `### A) No extra index`): the heading says it, nothing says why. A warning.
        // (One heading that says something, three words or more; not a skeleton of labels, `### Pros`.)
        const stated = section.children.length === 1 && section.children[0]!.children.length === 0 ? section.children[0]! : undefined;
        // (Or where it has sub-sections, a heading that is none of them: `## Decision Outcome`, then `### A) No
        // prefixes`, beside the template's `### Consequences` left out.)
        if (
          stated &&
          (schema.children.length === 0 || !matched.has(stated.heading)) &&
          (stated.title.match(/\p{L}+/gu) ?? []).length >= 3 &&
          !section.blocks.some(isVisible)
        ) {
          for (const s of below) said.add(s);
          report({
            message: `Section ${headingLabel(section)} holds only the heading ${headingLabel(stated)}, with nothing under it: write why under it, or in the section.`,
            range: section.heading.range,
            warning: true,
          });
          continue;
        }
        const marker = section.blocks.find((b) => isVisible(b) && markerOnly(b));
        const empty = marker ? `holds only “${marker.kind === 'paragraph' ? marker.text.trim() : ''}”` : 'is empty';
        // A draft's empty section is still to be written, as its `TBD` would be (the placeholder rule's
        // warning there); so is one the template asks for only from a later stage than the pattern's.
        // (Where the template gives it only a note for the author, whether it must hold text is the
        // catalog's to say: a warning.)
        const noted =
          !optional && (noteOnly || noteAndForm) && section.children.length === 0
            ? ` (The template gives it only a note for the author${noteAndForm ? ' and a line of blanks to fill in' : ''}: a warning.)`
            : '';
        const later =
          !optional && schema.requiredFrom && !asked(schema)
            ? ` (The template asks for it ${whenRequired(schema.requiredFrom)}, which this pattern is not known to have reached: a warning.)`
            : '';
        const drafted = !optional && !later && draft ? ' (A draft: a warning until its status moves on.)' : '';
        report({
          message: optional
            ? `Section ${headingLabel(section)} ${empty}${subs}: write its content, or remove the heading (${schema.optional || schema.recommended ? `it is ${schema.optional ? 'optional' : 'recommended, not required'}` : 'its heading says it is optional'}).`
            : `Section ${headingLabel(section)} ${empty}${subs}: write its content or remove the heading if the template marks it optional.${later}${drafted}${later || drafted ? '' : noted}`,
          range: section.heading.range,
          ...(optional || later || drafted || noted ? { warning: true } : { asked: schema.id }),
        });
      }
      visit(children);
    }
  };
  visit(outline.matches);
}

/** The heading itself says there is nothing to write: `### Related Proposals: n/a`, `## Dependencies: none`. */
function answeredInHeading(section: Section): boolean {
  const m = /^(.+?):\s*(.+)$/.exec(section.title);
  if (!m) return false;
  const value = m[2]!.replace(/[*_`]/g, '').trim();
  if (/^(?:n\/?a|none|nothing|not applicable|no(?:ne)? yet)\.?$/i.test(value)) return true;
  // (A record's value written in its heading, `## Status: Proposed`, `## Date: 2024-05-01`: the section's content.)
  return VALUE_SECTION.test(foldHeading(m[1]!)) && value.split(/\s+/).length <= 6;
}

/** Sections of a record that hold one value (a status, a date, who decided), which a heading may carry after a colon. */
const VALUE_SECTION =
  /^(?:status|state|stage|date|decision date|last updated|updated|version|outcome|owner|owners|authors?|deciders|decision makers|priority|category|type|track)$/;

/** Whether the template gives the section, or any of its sub-sections, content to write. */
function asksContent(schema: TemplateSection): boolean {
  return schema.expects.content || schema.children.some(asksContent);
}

/**
 * No content of its own and none in any sub-section: headings only (a skeleton `--fix` inserted, or
 * one copied and left), or a marker of work to do alone; nothing before the document's footer
 * (`----`, then a copyright line), if it holds it.
 */
function blank(section: Section, footer = Infinity, items: ReadonlySet<Section> = new Set(), markerOnly: (b: Block) => boolean = () => false): boolean {
  return (
    !section.blocks.some((b) => isVisible(b) && !markerOnly(b) && b.range.start.line < footer) &&
    section.children.every((c) => !items.has(c) && blank(c, footer, items, markerOnly))
  );
}

/** A section with no sub-section whose only content is one empty list item (`-` on a line of its own), comments aside. */
function dashOnly(section: Section): boolean {
  if (section.children.length > 0) return false;
  const shown = section.blocks.filter((b) => !(b.kind === 'html' && /^\s*(<!--[\s\S]*?-->\s*)+$/.test(b.html)));
  const list = shown[0];
  return (
    shown.length === 1 &&
    list?.kind === 'list' &&
    list.items.length === 1 &&
    list.items[0]!.text.trim() === '' &&
    list.items[0]!.blocks.every((b) => b.kind === 'paragraph' && !b.text.trim())
  );
}

/**
 * A template body of notes for the author (HTML comments) and list items of blanks alone, two or
 * more each, with nothing but punctuation between them (`- <test>: <link to test coverage>`).
 */
function formOnly(body: string): boolean {
  if (!body.includes('<!--')) return false;
  const lines = body
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .split('\n')
    .filter((l) => l.trim());
  return (
    lines.length > 0 &&
    lines.every((line) => {
      const item = /^\s*[-*+]\s+(.*)$/.exec(line)?.[1];
      if (item === undefined) return false;
      const blanks = item.match(BLANK) ?? [];
      return blanks.length >= 2 && !/[\p{L}\p{N}]/u.test(item.replace(BLANK, ''));
    })
  );
}

/** A blank to fill in: `<package>`, `{date}`, `[owner]` (not a link's text). */
const BLANK = /<[^<>\n]+>|\{[^{}\n]+\}|\[[^[\]\n]+\](?!\()/g;

/** A marker of work still to do, alone: `TODO`, `TBD.`, `FIXME:`. */
const MARKER = /^(?:TODO|TBD|TBA|FIXME)[.!:]*$/i;

function descendants(section: Section): Section[] {
  return section.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Guidance that lets the section stay empty: `This section will probably initially be empty`, `may be left empty`. */
const MAY_BE_EMPTY =
  /\b(?:will|may|can|might|could)(?: (?:probably|likely|well|often))? (?:initially |at first |first )?(?:be|stay|remain) (?:left )?(?:empty|blank)\b(?!\s*,?\s*(?:only|unless|if|when|for|except)\b)/i;
