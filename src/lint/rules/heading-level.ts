import path from 'node:path';
import { declaredDate } from '../../catalog/declared-date.js';
import type { Heading, MarkdownDocument, Section } from '../../markdown/types.js';
import { amongOwnTopics, outlineOff, raisedIntoTitle, sectionsHad, underHalf, type SectionMatch } from '../../template/match-outline.js';
import type { TemplateSchema, TemplateSection } from '../../template/types.js';
import { foldHeading } from '../../template/normalize.js';
import { variantKey } from '../../template/heading-variants.js';
import { flattenSections, parentSection } from '../../template/walk.js';
import { sectionsById } from '../../template/lookup.js';
import type { Fix } from '../../diagnostics.js';
import { defineCatalogRule, type FileRuleContext, type Report } from '../rule.js';
import { headingLabel } from './_format.js';
import { isVisible } from './_blocks.js';
import { plainRange } from '../../markdown/lines.js';

/** Words of a template's file name that name no document: `SIG-charter-template.md` names a SIG charter. */
const NOT_THE_DOCUMENT = new Set([
  'template',
  'templates',
  'tmpl',
  'tpl',
  'sample',
  'example',
  'skeleton',
  'blank',
  'new',
  'yyyymmdd',
  'yyyy',
  'mm',
  'dd',
  'nnnn',
  'xxxx',
  'md',
]);

/** The words naming the document a template is for, from its file name; undefined when it names none. */
function templateDocumentWords(file: string): string[] | undefined {
  const words = headingWords(path.basename(file).replace(/\.(?:md|markdown)$/i, '')).filter((w) => !NOT_THE_DOCUMENT.has(w) && !/^\d+$/.test(w));
  return words.length > 0 ? words : undefined;
}

function headingWords(text: string): string[] {
  return foldHeading(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}

/** A finding, and for a section at another level than the template's, which section at which level (`id@level`). */
type LevelReport = Report & {
  written?: string;
  /** Sections written off together: the same template parent, the same level written and asked (`## Goals`, `## Non-Goals` for `###`). */
  together?: string;
  /** A warning by the outline's shape alone (written flat, grouped, a part of the author's heading): where the catalog keeps the level, that says more. */
  shaped?: true;
};

/** A pattern's findings, and every template section it writes at another level (`id@level`). */
interface Collected {
  reports: LevelReport[];
  levels: string[];
  /** The earliest date the pattern gives itself (see `declaredDate`), in ms, where it has a finding that is an error. */
  declared?: number;
}

export default defineCatalogRule({
  meta: {
    id: 'heading-level',
    description: 'Each section heading has the level the template gives it (`## Overview`, not `### Overview`).',
    severity: 'error',
    fixable: true,
    // Whether a section at another level is a place the catalog keeps for it (see `check`) depends on the others.
    scope: 'catalog',
  },
  collect(context): Collected {
    const reports: LevelReport[] = [];
    findings(context, (r) => reports.push(r));
    // (Every template section the pattern writes at another level, said or not — `## Copyright` where the
    // `## References` it goes under is missing — for the share of the catalog that writes it so.)
    // (Not those a whole outline written a level off moves with it, `# Motivation` among the `# Summary`,
    // `# Design` of an older layout: that layout is no place of this section's.)
    const { outline } = context;
    const pairs = [...outline.all.flatMap((m) => m.sections.map((section) => ({ schema: m.schema, section }))), ...outline.misplaced];
    const offsets = new Map<number, number>();
    for (const p of pairs) offsets.set(p.schema.level - p.section.level, (offsets.get(p.schema.level - p.section.level) ?? 0) + 1);
    const layout = [...offsets].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    const levels = new Set<string>();
    for (const p of pairs) if (p.section.level !== p.schema.level && p.schema.level - p.section.level !== layout) levels.add(`${p.schema.id}@${p.section.level}`);
    for (const r of reports) if (r.written) levels.add(r.written);
    const declared = reports.some((r) => !r.warning) ? declaredDate(context.pattern) : undefined;
    return { reports, levels: [...levels], ...(declared !== undefined ? { declared } : {}) };
  },
  check({ pattern, catalog, index, collected, memo, report }) {
    const own = collected<Collected>(pattern);
    const mine = own?.reports;
    if (!mine) return;
    // (A pattern written before the template's first version — its git history, or the date it gives
    // itself — has the layout of its own day: a level off by the template is said, as a warning. So
    // has one written before the template asked for the section, `### Alternatives` under the Proposal
    // of a design older than the template's `## Alternatives`.)
    const template = catalog.templates.for(pattern.path);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const before = (written: string | undefined): string | null => {
      const history = index.templateHistory(template);
      const at = history?.written(pattern.path, own?.declared);
      if (!history || at === undefined) return null;
      if (at < history.first)
        return ` This pattern was written before the template's first version (${day(history.first)}; its git history, or the date it gives itself): a warning.`;
      const schema = written ? sectionsById(template).get(written.replace(/@\d+$/, '')) : undefined;
      const since = schema ? history.since(schema) : undefined;
      return schema && typeof since === 'number' && history.writtenBefore(schema, pattern.path, own?.declared)
        ? ` This pattern was written before the template asked for this section (${day(since)}; its git history, or the date it gives itself): a warning.`
        : null;
    };
    // (And nothing moved in it by --fix: a record kept as it was, as required-section leaves one.)
    const reportNow = (finding: Report, written: string | undefined): void => {
      const older = finding.warning ? null : before(written);
      if (!older) return report(finding);
      const { fix: _fix, ...unfixed } = finding;
      report({ ...unfixed, warning: true, message: `${finding.message}${older}` });
    };
    // A template section written at one other level by a good share of the catalog (`## Drawbacks`
    // where the template now has `### Drawbacks` under `## Design`): the place an older template gave
    // it, kept by the patterns written from that one. No error of one pattern's: a warning that says
    // how many keep it, and no fix (moved in one pattern, the share would fall and the others' findings
    // turn to errors: fixing one file never makes another worse).
    // (Among the patterns judged by the same template: where sibling templates each judge a kind of
    // document, the share is of that kind's.)
    const kept = memo('levels kept', () => {
      const counts = new Map<string, number>();
      const of = new Map<TemplateSchema, number>();
      for (const p of catalog.patterns) {
        if (p.movedTo !== undefined) continue;
        const t = catalog.templates.for(p.path);
        of.set(t, (of.get(t) ?? 0) + 1);
        for (const key of collected<Collected>(p)?.levels ?? []) counts.set(`${t.file}\u0000${key}`, (counts.get(`${t.file}\u0000${key}`) ?? 0) + 1);
      }
      return { counts, of };
    });
    const mineTemplate = catalog.templates.for(pattern.path);
    const ofMine = kept.of.get(mineTemplate) ?? 0;
    const countOf = (written: string | undefined) => (written ? (kept.counts.get(`${mineTemplate.file}\u0000${written}`) ?? 0) : 0);
    const keptThere = (r: { written?: string | undefined; warning?: boolean; shaped?: true }) =>
      (!r.warning || r.shaped === true) && countOf(r.written) >= 3 && countOf(r.written) * 10 >= ofMine;
    // (Sections written off together, `## Goals` and `## Non-Goals` a level up, are one move: where the
    // catalog keeps one of them there, the other is said alike — a warning, neither moved alone.)
    const leaders = new Map<string, LevelReport>();
    for (const r of mine) if (r.together && keptThere(r) && !leaders.has(r.together)) leaders.set(r.together, r);
    const kind = kept.of.size > 1 ? ' of its kind' : '';
    for (const { written, together, shaped, ...finding } of mine) {
      const count = countOf(written);
      const leader = together === undefined ? undefined : leaders.get(together);
      if (keptThere({ written, ...finding, ...(shaped ? { shaped } : {}) })) {
        const { fix: _fix, ...unfixed } = finding;
        report({
          ...unfixed,
          warning: true,
          message: `${finding.message} ${count} of the catalog's ${ofMine} patterns${kind} write it at this level (where an older template put it, likely): a warning.`,
        });
      } else if (leader && (!finding.warning || shaped)) {
        const { fix: _fix, ...unfixed } = finding;
        report({
          ...unfixed,
          warning: true,
          message: `${finding.message} It stands beside ${leader.actual ? `\`${leader.actual}\`` : 'a section'}, written a level off with it, which ${countOf(leader.written)} of the catalog's ${ofMine} patterns${kind} write at this level (where an older template put them, likely): a warning, as that one is.`,
        });
      } else if (finding.fix && count >= 3 && count * 10 >= ofMine) {
        // (A warning of its own, by the outline's shape, where a share of the catalog keeps the section at
        // this level: said, and moved by no fix — moved in one file, the others' findings would change.)
        const { fix: _fix, ...unfixed } = finding;
        reportNow(
          { ...unfixed, message: `${finding.message} ${count} of the catalog's ${ofMine} patterns${kind} write it at this level: no fix moves it in one of them.` },
          written,
        );
      } else reportNow(finding, written);
    }
  },
});

function findings({ pattern, catalog, outline }: FileRuleContext<Record<string, never>>, reportAll: (r: LevelReport) => void): void {
  const source = pattern.document.source;
  const doc = pattern.document;
  const schema = catalog.templates.for(pattern.path);
  // A file with under half of the template's sections may follow another template (required-section
  // says so once): the levels it has by this one's are warnings; and where it has headings of its own
  // too, --fix moves none of them (moving some of an outline written to another template mixes two
  // layouts).
  const loose = underHalf(outline, schema, pattern);
  const ownOutline = loose && outline.unknown.length > 0;
  const reportNow: typeof reportAll = (r) => {
    if (!loose) return reportAll(r);
    const { fix, ...rest } = r;
    reportAll({ ...rest, ...(fix && !ownOutline ? { fix } : {}), warning: true });
  };
  // (Each heading's own finding is held until all are known: see `allOrNone`.)
  const held: { section: Section; report: LevelReport }[] = [];
  let current: Section | undefined;
  const report: typeof reportAll = (r) => (current ? held.push({ section: current, report: r }) : reportNow(r));
  // (Sections left where they are, moved down, for a heading of the author's after them: see `leavesTwin`, `allOrNone`.)
  const parted = new Set<Section>();
  const template = schema.sections;
  const templateSchema = schema;
  // The file's one H1, where the template opens each pattern with an H1 title (`# Summary` over the
  // rest): moved down, it would leave the file without any (a Markdown linter's first-heading check
  // fails then). The author adds the title above it first.
  const h1s = doc.headings.filter((h) => h.level === 1);
  const onlyH1 = h1s.length === 1 && schema.title.from === 'heading' && (schema.title.level ?? 1) === 1 ? h1s[0] : undefined;
  /**
   * Whether the heading, at the template's level, would sit under the template's parent: a
   * level changed alone must not move a section under a section it does not belong to (a
   * `## Test Plan` made `### Test Plan` under `## Proposal` when the template puts it under a
   * `## Design Details` the pattern lacks).
   */
  const landsInPlace = (section: Section, schema: TemplateSection): boolean => {
    const parent = parentSection(template, schema);
    const before = doc.headings.filter((h) => h.range.start.offset < section.heading.range.start.offset && h.level < schema.level).at(-1);
    // (A top-level section lands under the title, not under an H1 of the author's: `# Background`.)
    if (!parent) return (before === undefined || before === doc.title) && inOrderThere(section, schema);
    return before !== undefined && before.level === parent.level && parent.matcher.test(foldHeading(before.text)) && inOrderThere(section, schema);
  };
  /**
   * Whether, raised where it stands, the section would stand in the template's order among its
   * siblings there: after the one before it and before the one after it (`#### Implementation` deep in
   * the `## Specification` is the `## Reference Implementation` the template puts after `##
   * Rationale`: raised there, it would come before it).
   */
  const inOrderThere = (section: Section, schema: TemplateSection): boolean => {
    const order = parentSection(template, schema)?.children ?? template;
    const at = section.heading.range.start.offset;
    const siblings = [...schemaOf]
      .filter(([s, t]) => s !== section && t !== schema && order.includes(t) && s.level === schema.level)
      .sort(([a], [b]) => a.heading.range.start.offset - b.heading.range.start.offset);
    const before = siblings.filter(([s]) => s.heading.range.start.offset < at).at(-1)?.[1];
    const after = siblings.find(([s]) => s.heading.range.start.offset > at)?.[1];
    const k = order.indexOf(schema);
    return (!before || order.indexOf(before) < k) && (!after || order.indexOf(after) > k);
  };
  /**
   * Whether moving the section up to `level` would change what other sections belong to: the
   * headings after it, up to one at that level or above, that are not its own (its siblings, or
   * later sections of its parent) would fall under it; or its parent, left with nothing of its own,
   * would stand empty. Then the level is the author's to change.
   */
  const regroups = (section: Section, level: number): boolean => {
    if (level >= section.level) return false;
    const end = section.range.end.offset;
    const next = doc.headings.find((h) => h.range.start.offset > end);
    if (next && next.level > level && next.level <= section.level) return true;
    const parent = parentSection(doc.sections, section);
    return parent !== undefined && level <= parent.level && parent.children.length === 1 && parent.blocks.length === 0;
  };
  /**
   * Whether moving the section down would part it from a heading of the author's right after it at
   * its level, which stays (`## Goals` made `### Goals` under `## Motivation`, `## Non-goals` left a
   * section of its own): the pair the author wrote side by side split across two levels.
   */
  const leavesTwin = (section: Section, level: number): boolean => {
    if (level <= section.level) return false;
    const next = doc.headings.find((h) => h.range.start.offset >= section.range.end.offset);
    if (!next || next.level !== section.level) return false;
    const after = flattenSections(doc.sections).find((s) => s.heading === next);
    return after !== undefined && !schemaOf.has(after);
  };
  // The template's level of each of the pattern's sections that stands for one.
  const levelOf = new Map<Section, number>();
  for (const m of outline.all) for (const s of m.sections) levelOf.set(s, m.schema.level);
  for (const m of outline.misplaced) levelOf.set(m.section, m.schema.level);
  // (Headings named as a section of the template at its very level, where the template skips levels
  // to it — `###### Description` under its `### Item-1` — under an item of the author's it did not match:
  // they stay where they are when a section above them moves, at the level the template gives them.)
  let named: Set<Heading> | undefined;
  const atTemplateLevel = (): ReadonlySet<Heading> => {
    if (named) return named;
    const skippedTo = flattenSections(templateSchema.sections).filter(
      (t) => !t.anyHeading && t.level - (parentSection(templateSchema.sections, t)?.level ?? t.level) > 1,
    );
    return (named = new Set(
      skippedTo.length === 0 ? [] : doc.headings.filter((h) => h !== doc.title && skippedTo.some((t) => t.level === h.level && t.matcher.test(foldHeading(h.text)))),
    ));
  };
  const schemaOf = new Map<Section, TemplateSection>();
  for (const m of outline.all) for (const s of m.sections) schemaOf.set(s, m.schema);
  for (const m of outline.misplaced) schemaOf.set(m.section, m.schema);
  const split = new Set(outline.renamed.flatMap((r) => (r.split ? [r.section, ...r.split] : [])));
  /**
   * Whether moving the section up out of its parent would leave it after a section the template
   * puts after it (`### Requirements` inside `## Deploy the lock`, the renamed Deployment
   * Instructions, which the template puts after Requirements): it would stand out of order, and
   * take the rest of the parent's text (the deploy steps after its list) along. Then the author
   * moves it.
   */
  const raisedPastParent = (section: Section, schema: TemplateSection): boolean => {
    if (schema.level >= section.level) return false;
    const parent = parentSection(doc.sections, section);
    const parentSchema = parent && schemaOf.get(parent);
    if (!parentSchema || parent!.level !== schema.level) return false;
    const order = parentSection(template, schema)?.children ?? template;
    return order.includes(parentSchema) && order.indexOf(schema) < order.indexOf(parentSchema);
  };
  /**
   * The heading of the author's a section stands in, one level below the template's, where that
   * heading is named for the document the template is for (the words of the template's file name,
   * `SIG-charter-template.md` → `## SIG Charter`) and holds other template sections too.
   */
  const documentWords = templateDocumentWords(templateSchema.file);
  const embeddedIn = (section: Section, schema: TemplateSection): Section | undefined => {
    if (!documentWords || section.level !== schema.level + 1) return undefined;
    const parent = parentSection(doc.sections, section);
    if (!parent || schemaOf.has(parent) || parent.level !== schema.level) return undefined;
    if (!sameWords(headingWords(parent.title), documentWords)) return undefined;
    return parent.children.some((c) => c !== section && schemaOf.has(c)) ? parent : undefined;
  };
  /**
   * The heading of the author's that holds the section one level below the template's with other
   * template sections, each a level down as well (`## Getting Started` over `### Deployment
   * Instructions` and `### Testing`): the author's grouping of them, every one there.
   */
  const groupedIn = (section: Section, schema: TemplateSection): Section | undefined => {
    if (section.level !== schema.level + 1) return undefined;
    const parent = parentSection(doc.sections, section);
    if (!parent || schemaOf.has(parent) || parent.level !== schema.level) return undefined;
    const held = parent.children.filter((c) => schemaOf.has(c));
    return held.length >= 2 && held.every((c) => c.level === levelOf.get(c)! + 1) ? parent : undefined;
  };
  /**
   * The heading of the author's the section stands under, deeper than the template's, whose name
   * holds the section's own (`### Alternatives` under `## Rejected alternatives and discussion`): a
   * part of that section of theirs, likely, not the template's section out of place.
   */
  const partOfOwn = (section: Section, schema: TemplateSection): Section | undefined => {
    if (section.level <= schema.level) return undefined;
    const parent = parentSection(doc.sections, section);
    if (!parent || schemaOf.has(parent) || parent.level > schema.level) return undefined;
    // (At word boundaries, anywhere in it; a name with a word of four letters or more.)
    // (By the template's name, or by the name as written, an alias of it: `### Alternatives` for `Rationale and alternatives`.)
    const holds = (name: string) => {
      const key = variantKey(name);
      return /\p{L}{4,}/u.test(key) && ` ${variantKey(parent.title)} `.includes(` ${key} `);
    };
    return holds(schema.name) || holds(section.title) ? parent : undefined;
  };
  /**
   * The template parent of a section written a level above the template's that follows that parent
   * at its level, after nothing but its siblings written so too (`## Goals`, `## Non-Goals` right
   * after `## Motivation`): the template's outline written flat, in its order.
   */
  const flattenedAfter = (section: Section, schema: TemplateSection): Section | undefined => {
    // (One level up; or more, where the parent stands above its own level too — every heading an H1.)
    if (section.level >= schema.level) return undefined;
    const parentSchema = parentSection(template, schema);
    if (!parentSchema) return undefined;
    const siblings = parentSection(doc.sections, section)?.children ?? doc.sections;
    for (let i = siblings.indexOf(section) - 1; i >= 0; i--) {
      const prev = siblings[i]!;
      const of = schemaOf.get(prev);
      if (prev.level !== section.level) return undefined;
      if (of === parentSchema) return prev;
      if (!of || parentSection(template, of) !== parentSchema) return undefined;
    }
    return undefined;
  };
  /**
   * The template parent of a section written a level above the template's, where that parent stands
   * at the section's own level elsewhere, not right before it (`# Alternatives` after `# Drawbacks`,
   * where the template has `## Alternatives` under `# Design`, written `# Design` too): the outline
   * written flat, this one away from its parent — lowered where it stands it would land under
   * another heading.
   */
  const flatAway = (section: Section, schema: TemplateSection): Section | undefined => {
    if (section.level >= schema.level) return undefined;
    const parentSchema = parentSection(template, schema);
    if (!parentSchema) return undefined;
    const siblings = parentSection(doc.sections, section)?.children ?? doc.sections;
    return siblings.find((s) => s !== section && s.level === section.level && schemaOf.get(s) === parentSchema);
  };
  /**
   * The heading a section deeper than the template's stands in as one of its numbered parts, in
   * sequence (`### 8. Rationale` among `### 1. Scope` … `### 12. Deployment` under `## Specification`):
   * a part of that section as the author numbers it.
   */
  const numberedIn = (section: Section): Section | undefined => {
    const parent = parentSection(doc.sections, section);
    if (!parent || parent.children.length < 3) return undefined;
    const numbers = parent.children.map((c) => /^(\d{1,2})[.)]?\s+\S/.exec(c.title)?.[1]);
    if (numbers.some((n) => n === undefined)) return undefined;
    const values = numbers.map(Number);
    return values.every((n, i) => i === 0 || n === values[i - 1]! + 1) ? parent : undefined;
  };
  /**
   * The template section a section one level deeper than the template's stands in, where the template
   * puts that one before it and it is not its parent there (`### Impact` as the last part of `##
   * Summary`, `### Design Rationale` under `## Specification`): the section is there, in the author's
   * outline a part of the one before it.
   */
  const order = flattenSections(template);
  const nestedAfter = (section: Section, schema: TemplateSection): Section | undefined => {
    if (section.level <= schema.level) return undefined;
    const parent = parentSection(doc.sections, section);
    const parentSchema = parent && schemaOf.get(parent);
    if (!parent || !parentSchema || section.level !== parent.level + 1 || parent.level !== parentSchema.level) return undefined;
    if (parentSchema === parentSection(template, schema) || parentSchema.level > schema.level) return undefined;
    return order.indexOf(parentSchema) < order.indexOf(schema) ? parent : undefined;
  };
  const check = (section: Section, schema: TemplateSection, misplaced = false, later = false): void => {
    if (section.level === schema.level) return;
    const expected = '#'.repeat(schema.level);
    const start = section.heading.range.start.offset;
    // Only ATX headings (`### Title`) get a fix; an underlined heading is rewritten by hand.
    // An H1 section of a pattern without a title, among the author's other H1 sections: moved
    // alone, it would leave those as titles (one finding became many); the author moves them all.
    const leavesTitles = section.level === 1 && !doc.title && doc.headings.some((h) => h.level === 1 && h !== section.heading);
    // (Moved down, or out of place: only where it lands under its template parent, never under a heading of the author's.)
    const past = raisedPastParent(section, schema);
    const lastH1 = section.heading === onlyH1 && schema.level > 1;
    // (The file's only H1 is a section of a pattern with no title anywhere: the title rule says so at
    // it, with this as its cause — one problem, one finding.)
    if (lastH1 && !doc.title && pattern.title === undefined) return;
    // (Out of place, and raised or lowered where it stands it would break the template's order: moved by hand.)
    const disordered = misplaced && !past && !inOrderThere(section, schema);
    // (A heading deeper than the section among topics of the author's under a heading of theirs,
    // `### Summary` after `### Option A` and `### Option B` in their `## Proposal`: the section out of
    // place, or that topic's own heading — a guess, a warning, and nothing moved.)
    const topical = amongOwnTopics(section, schema, doc.sections, (s) => schemaOf.has(s));
    // (One of the template's sections the pattern holds one level down under a heading of its own
    // named for the document the template is for, `## SIG Charter` over `### Membership` and
    // `### Contacts` where the template is `SIG-charter-template.md`: that document as a part of the
    // pattern, its sections at their level within it — a warning, nothing moved.)
    const embedded = embeddedIn(section, schema);
    // (Or under a heading of the author's with other template sections, a level down as they are —
    // `## Getting Started` over `### Deployment Instructions` and `### Testing` —: grouped so by the
    // author, every one there. Or under one whose name holds its own, `### Alternatives` in `##
    // Rejected alternatives and discussion`: a part of that, likely. A warning each, nothing moved.)
    const grouped = embedded ? undefined : groupedIn(section, schema);
    const partOf = embedded || grouped ? undefined : partOfOwn(section, schema);
    // (Written a level up right after its template parent, with its siblings — `## Goals` and `##
    // Non-Goals` after `## Motivation` —: the template's outline written flat, in its order, and
    // nothing under another heading than the template's. A warning, and the fix nests it.)
    const flat = flattenedAfter(section, schema);
    // (Or a level up away from that parent, written flat too: the same outline, this one out of its
    // order besides — a warning, and nothing moved: lowered where it stands it would land under
    // another heading; section-order says where it goes.)
    const away = flat ? undefined : flatAway(section, schema);
    // (Or deeper, one of the numbered parts of a heading — `### 8. Rationale` among `### 1.` to `### 12.`
    // under `## Specification` —: the author's outline numbers it a part of that. A warning, nothing moved.)
    const numbered = section.level > schema.level ? numberedIn(section) : undefined;
    // (Or a level down under a section the template puts before it — `### Impact` the last part of
    // `## Summary` —: there, a part of that one in the author's outline. A warning; the fix raises it
    // where that changes no other section's place.)
    // (Said so only where that makes it a warning: a section `lenient` is a warning already, see the report below.)
    const lenient = schema.optional || schema.recommended || split.has(section) || topical || embedded;
    const nested = lenient || grouped || partOf || numbered ? undefined : nestedAfter(section, schema);
    const twin = leavesTwin(section, schema.level);
    if (twin) parted.add(section);
    const movable =
      !later &&
      !topical &&
      !away &&
      !numbered &&
      !embedded &&
      !grouped &&
      !partOf &&
      // (A slot any heading fills, `## [Section]`, names no section: its level is a guess at the
      // author's outline, which --fix does not rewrite.)
      !schema.anyHeading &&
      !lastH1 &&
      !section.heading.setext &&
      !leavesTitles &&
      !past &&
      ((!misplaced && schema.level < section.level) || landsInPlace(section, schema)) &&
      !regroups(section, schema.level) &&
      !twin;
    // A section with sub-sections moves with them, by the same levels (`### Detailed Design` made
    // `##` takes its `####` along): moved alone, it would leave them beside it, or levels skipped.
    // (Not when one of them is at its level already: moved along, it would be off in turn.)
    const keepsRight = (s: Section): boolean => s.children.some((c) => levelOf.get(c) === c.level || keepsRight(c));
    // The first of its sub-sections, in the document's order, at its template level (one `keepsRight` says there is).
    const firstAtLevel = (s: Section): Section | undefined => {
      for (const c of s.children) {
        if (levelOf.get(c) === c.level) return c;
        const deeper = firstAtLevel(c);
        if (deeper) return deeper;
      }
      return undefined;
    };
    // Moved down, its sub-sections move only as far as they must to stay under it (`# Examples` made
    // `##` keeps its `### Known Uses`); moved up, they keep their distance below it.
    const by = schema.level - section.level;
    const deepest = shallowest(section.children);
    const childBy = by > 0 ? Math.max(0, schema.level + 1 - deepest) : by;
    // (Moved down over sub-sections already at their template level, siblings of its own written
    // under it, `# Summary` above `## Motivation`: they are its siblings again; the author's own
    // sub-sections before them, `## Sensors` under `# Design`, stay its own and move down with it.)
    // (Nor, after a second H1 under the title, the author's sections right under it at the level it
    // moves to, where the template gives it no sub-sections: `# Where to get it`, a list of shops,
    // then `## What comes in the box`. Those are the pattern's sections after one stray H1, not its
    // parts, and keep their level. Under `# Architecture`, which the template fills with
    // sub-sections, they are its parts; so are `### User stories` under a `## Requirements` that
    // goes a level down.)
    // (Only where the H1 has text of its own above them: one with none, `# Design` right over
    // `## Solution`, is a heading over them, and they are its text: they move down with it.)
    // (The title may be kept in front matter, where the template keeps it so: no H1 is the title then.)
    const titled = doc.title !== undefined ? section.heading !== doc.title : templateSchema.title.from !== 'heading';
    const siblingsAfter = by > 0 && section.level === 1 && titled && schema.children.length === 0 && section.blocks.some(isVisible);
    const stays = (c: Section): boolean => levelOf.get(c) === c.level || keepsRight(c) || (siblingsAfter && c.level <= schema.level);
    // (Which those are, the file does not say: `## What comes in the box` after `# Where to get it` is a
    // section of its own, `## Step one` after `# Rollout plan` and "in two steps" is a part of it. Moved
    // alone or with them, either way one reading is broken: the author moves it, no fix does.)
    const parts = siblingsAfter ? section.children.filter((c) => c.level <= schema.level && levelOf.get(c) !== c.level && !keepsRight(c)) : [];
    const fixable = movable && parts.length === 0;
    const firstStay = by > 0 ? section.children.find(stays) : undefined;
    // (A sub-section of the author's that stays only for one of the template's deeper down, at its
    // level — `## Bay design` over `### Schedule` under a `# Layout` moved to `###` — is moved along
    // down to that one, which stays: moved alone, the heading would leave its text behind.)
    const cut = firstStay && !(levelOf.get(firstStay) === firstStay.level) && !(siblingsAfter && firstStay.level <= schema.level) ? firstAtLevel(firstStay) : firstStay;
    const ownHeadings = cut ? doc.headings.filter((h) => h.range.start.offset > start && h.range.start.offset < cut.heading.range.start.offset) : [];
    // (Its sub-sections of two levels, `### Authentication Modes` right under a `# Design` that should be
    // `##`, then `## Token propagation`: the deeper ones are its own, a level under the one it should
    // have; the others are at that level, sections beside it written so. The heading alone moves.)
    const mixed = by > 0 && section.children.some((c) => c.level > schema.level) && section.children.some((c) => c.level <= schema.level && !stays(c));
    const subtree =
      !fixable || mixed
        ? undefined
        : section.children.length > 0 && !(by > 0 ? firstStay : keepsRight(section))
          ? shiftHeadings(doc, start, by, section.range.end.offset, childBy, atTemplateLevel())
          : cut && ownHeadings.length > 0
            ? shiftHeadings(doc, start, by, cut.heading.range.start.offset, Math.max(0, schema.level + 1 - Math.min(...ownHeadings.map((h) => h.level))))
            : undefined;
    const alone = section.children.length === 0 || mixed || (by > 0 && firstStay !== undefined && ownHeadings.length === 0);
    const marker = fixable && alone ? /^ {0,3}(#{1,6})/.exec(source.slice(start, start + 10)) : null;
    // (See `lenient` above and the report below; `shaped`: by the outline's shape alone, see `grouped`, `partOf`, `flat`.)
    const shaped = grouped || partOf || flat || away || numbered || nested;
    report({
      written: `${schema.id}@${section.level}`,
      together: `${schema.path.slice(0, -1).join('\u0000')}\u0001${section.level}\u0001${schema.level}`,
      // A section the template lets a pattern leave out (optional, or recommended by the catalog) is
      // no error at another level either: its absence would only be a warning. Nor is a part of a
      // section written split (`#### Risk`, `#### Mitigations` for `### Risks and Mitigations`), which
      // section-name says.
      ...(lenient || shaped ? { warning: true } : {}),
      ...(shaped && !lenient ? { shaped: true as const } : {}),
      message: `${headingLabel(section)} should be level ${schema.level}: \`${expected} ${section.title}\`.${embedded ? ` It stands in ${headingLabel(embedded)}, named for the document the template (\`${path.basename(templateSchema.file)}\`) is for: the pattern holds that document a level down, its sections at their level within it — a warning.` : ''}${grouped ? ` It stands in ${headingLabel(grouped)}, a heading of the pattern's own over other sections of the template, each a level down: the author groups them so, every one there — a warning.` : ''}${partOf ? ` It stands in ${headingLabel(partOf)}, a heading of the pattern's own whose name holds its own: a part of that, likely — a warning; if it is the template's section, move it out by hand.` : ''}${flat ? ` It follows ${headingLabel(flat)}, its parent in the template, at that parent's level: the template's outline written flat, in its order — a warning.` : ''}${away ? ` Its parent in the template, ${headingLabel(away)}, stands at its level elsewhere: the template's outline written flat, this section away from its parent — a warning; lowered where it stands it would fall under another heading, so move it under ${headingLabel(away)} by hand.` : ''}${nested ? ` It stands in ${headingLabel(nested)}, a section the template puts before it: the author's outline makes it a part of that one — a warning.` : ''}${numbered ? ` It is one of the numbered parts of ${headingLabel(numbered)}: a part of that section as the author numbers it — a warning; if it is the template's section, move it out by hand.` : ''}${topical ? ` It stands among the topics of ${headingLabel(parentSection(doc.sections, section)!)}: if it is that section, move it out by hand; if it is a part of that topic, keep it so.` : ''}${disordered ? ` Moved to that level where it stands, it would be out of the template's order: move it to its place by hand, if it is that section.` : ''}${past ? ` Raised where it is, it would stand after ${headingLabel(parentSection(doc.sections, section)!)}, which the template puts after it, and take the rest of that section’s text: move it above that heading by hand.` : ''}${lastH1 ? ' It is the file’s only H1: add the pattern’s title above it first (no fix is offered until then: moved down, it would leave the file without an H1).' : ''}${
        movable && parts.length > 0
          ? ` The sections under it, ${parts
              .slice(0, 2)
              .map((c) => headingLabel(c))
              .join(
                ', ',
              )}${parts.length > 2 ? ` and ${parts.length - 2} more` : ''}, may be its parts or sections of their own: move it by hand, and them a level down with it if they are its parts.`
          : ''
      }`,
      range: plainRange(section.heading.range),
      expected: `${expected} ${section.title}`,
      actual: `${'#'.repeat(section.level)} ${section.title}`,
      ...(subtree
        ? { fix: subtree }
        : marker
          ? {
              fix: { range: [start + marker.index + marker[0].length - marker[1]!.length, start + marker[0].length], text: expected } as {
                range: [number, number];
                text: string;
              },
            }
          : {}),
    });
  };
  const pairs: { section: Section; schema: TemplateSection; misplaced: boolean }[] = [];
  // (So does the template's first level under its title: `### Background` right under `# [Name]`, a
  // level skipped, is written `## Background` by a pattern that skips none, all its sections alike, and
  // its sub-sections the same levels up.)
  const templateTitleLevel = schema.title.from === 'heading' ? (schema.title.level ?? 1) : 1;
  const templateTop = outline.matches[0]?.schema.level;
  const topLevels = new Set(outline.matches.flatMap((m) => m.sections.map((s) => s.level)));
  const [patternTop] = topLevels;
  const gapClosed =
    templateTop !== undefined &&
    patternTop !== undefined &&
    topLevels.size === 1 &&
    templateTop - templateTitleLevel > 1 &&
    patternTop === (doc.title?.level ?? templateTitleLevel) + 1
      ? templateTop - patternTop
      : 0;
  const collect = (matches: SectionMatch[], parent?: SectionMatch): void => {
    for (const match of matches) {
      for (const s of match.sections) {
        if (gapClosed > 0 && s.level + gapClosed === match.schema.level) continue;
        // Where the template skips levels under a section (`##### Unit tests` right under
        // `### Test Plan`), a sub-section anywhere from one level below its parent down to the
        // template's level nests as the template means: its depth is not asked to the level.
        const parentLevel = parent?.sections[0]?.level;
        const templateStep = parent ? match.schema.level - parent.schema.level : 1;
        if (parentLevel !== undefined && templateStep > 1 && s.level > parentLevel && s.level - parentLevel <= templateStep) continue;
        pairs.push({ section: s, schema: match.schema, misplaced: false });
      }
      collect(match.children, match);
    }
  };
  collect(outline.matches);
  // A section out of place whose template parent the pattern lacks has nowhere to nest: the
  // missing parent is the finding (required-section), not the level of each section it would hold.
  const had = sectionsHad(outline);
  const parentless: { section: Section; schema: TemplateSection }[] = [];
  for (const { section, schema } of outline.misplaced) {
    const parent = parentSection(template, schema);
    if (parent && !had.has(parent)) {
      parentless.push({ section, schema });
      continue;
    }
    pairs.push({ section, schema, misplaced: true });
  }

  const shift = wholeOutlineShift(pairs, outline.matches);
  // One finding for such an outline, at its one template section, with the fix that moves them all.
  const oneLayout = (section: Section, own: readonly Heading[], from: number, by: 1 | -1, listed = own.length): void => {
    const [is, should] = ['#'.repeat(section.level), '#'.repeat(section.level + by)];
    const fix = shiftHeadings(doc, from, by);
    report({
      warning: true,
      message: `${headingLabel(section)} should be level ${section.level + by}: \`${should} ${section.title}\`, and so should the pattern's own ${own.length === 1 ? 'section' : 'sections'} written at its level (${own
        .slice(0, listed)
        .map((h) => `\`${is} ${h.text}\``)
        .join(', ')}${own.length > listed ? ` and ${own.length - listed} more` : ''}): every section of this pattern is one level ${by > 0 ? 'up' : 'down'}.`,
      range: plainRange(section.heading.range),
      expected: `${should} ${section.title}`,
      actual: `${is} ${section.title}`,
      ...(fix ? { fix } : {}),
    });
  };
  // One template section written a level up among the author's own sections written so too (`#
  // Motivation`, `# Use cases`, `# Design` under the `# Widget cache` title): the outline is one
  // level up, not one heading. Moved alone, it would leave the others second titles: all move.
  const tops = doc.headings.filter((h) => h.level === 1 && h !== doc.title);
  const firstBelow = doc.headings.find((h) => h !== doc.title);
  if (
    !shift &&
    doc.title?.level === 1 &&
    pairs.length === 1 &&
    pairs[0]!.section.level === 1 &&
    pairs[0]!.schema.level === 2 &&
    tops.length >= 2 &&
    firstBelow === tops[0]
  ) {
    const one = pairs[0]!.section;
    oneLayout(
      one,
      tops.filter((h) => h !== one.heading),
      tops[0]!.range.start.offset,
      1,
    );
    return;
  }
  // (Or one written a level down among the author's own sections written so too, where the template's
  // sections are H1s and the pattern has none — `## Summary and motivation`, `## Context`, `## Proposal`:
  // the outline is one level down, not one heading.)
  const one = pairs.length === 1 ? pairs[0]! : undefined;
  const downs = one ? doc.headings.filter((h) => h.level === one.section.level) : [];
  if (
    !shift &&
    one &&
    one.schema.level === 1 &&
    one.section.level === 2 &&
    downs.length >= 2 &&
    doc.headings[0] === downs[0] &&
    doc.headings.every((h) => h.level >= 2)
  ) {
    oneLayout(
      one.section,
      downs.filter((h) => h !== one.section.heading),
      downs[0]!.range.start.offset,
      -1,
      3,
    );
    return;
  }
  // The template's title a level down (`## Design Note Template` over `### Overview`, a template kept in
  // a README), the pattern's an H1 over `##` sections: the template's outline, from its title down.
  const titleLevel = schema.title.from === 'heading' ? (schema.title.level ?? 1) : 1;
  if (shift && shift.by > 0 && !shift.partial && shift.rest.length === 0 && titleLevel > 1 && doc.title?.level === titleLevel - shift.by) return;
  // A template with no title line (the name kept in front matter) and H1 sections, the pattern's own
  // title heading over them all a level down — `# Cache warmer` over `## Summary`, `## Motivation`: the
  // template's outline under a title, a usual way to write it. Raised, the sections would stand beside
  // their title: no finding.
  const ownTitle = doc.title;
  if (
    shift &&
    shift.by === -1 &&
    !shift.partial &&
    shift.rest.length === 0 &&
    schema.title.from !== 'heading' &&
    ownTitle !== undefined &&
    ownTitle.level === outline.matches[0]?.schema.level &&
    doc.headings[0] === ownTitle &&
    doc.headings.every((h) => h === ownTitle || h.level > ownTitle.level)
  )
    return;
  if (shift) {
    // One cause, one finding: the pattern writes every section a level off (an older layout
    // with `# Summary`, `# Motivation`…), and the fix moves every heading together.
    const first = shift.off[0]!;
    // Every heading under the title moves, the author's own before the first template section too
    // (`# Summary`, `# Parameters` above `# Specification`): else they would be left as second titles.
    // Where the template keeps the title elsewhere (front matter), the first H1 is one of them.
    // (Those written off as the sections are: `## Overview` and `## Goals` at the template's level
    // under the title, before a `# Proposal` written a level up, stay where they are.)
    const offAlike = (h: Heading) => (shift.by > 0 ? h.level <= first.section.level : h.level >= first.section.level);
    // (Not where that H1 is the pattern's title, for want of one in front matter, `# Lamp loans` over
    // `# Abstract`: moved down with them, the page would lose its title.)
    // (Nor where it repeats the title the pattern keeps in front matter, `title: Lazy loading` over `#
    // Lazy loading`: moved down, it would be a section of that name.)
    const namesIt =
      doc.title !== undefined &&
      pattern.title !== undefined &&
      (pattern.title.from === 'heading' ? pattern.title.text === doc.title.text : foldHeading(pattern.title.text) === foldHeading(doc.title.text));
    const below = doc.headings.find((h) => (h !== doc.title || (schema.title.from !== 'heading' && !namesIt)) && (h === first.section.heading || offAlike(h)));
    const skipped = below !== undefined && doc.headings.some((h) => h !== doc.title && h.range.start.offset < below.range.start.offset);
    // (The title written the same levels off, `## Gateway` over `### Requirements`, moves with them.)
    // (The title moves with them: the H1 read as the title, or with no H1 anywhere the first heading, read
    // as the title a level down — `## Proposal epsilon` over `### Motivation`.)
    const top = doc.headings[0];
    const titleHeading = doc.title ?? (pattern.title?.from === 'heading' && top && pattern.title.range.start.line === top.range.start.line ? top : undefined);
    const titleToo = titleHeading !== undefined && schema.title.from === 'heading' && !titleHeading.setext && titleHeading.level + shift.by === (schema.title.level ?? 1);
    const from = Math.min(first.section.heading.range.start.offset, below?.range.start.offset ?? Infinity, titleToo ? titleHeading.range.start.offset : Infinity);
    // Without a title above them (`# Summary` first, where the template opens with an H1 title),
    // moved down they would be a pattern with no title and no older layout to explain it: the
    // author writes the title first, and then the fix moves them.
    // (Nor where the first H1 is no title the catalog reads — `# Notice` over `# Purpose`, `# Summary`…:
    // moved down, they would leave that notice the file's only H1.)
    const untitled = shift.by > 0 && (!doc.title || pattern.title === undefined) && schema.title.from === 'heading';
    // (Moved up to H1 where the template keeps the title elsewhere, a first heading named as none of
    // its sections, `## Abstract` for the Summary, would be read as the title: the author moves them.)
    const first1 = doc.headings.find((h) => h.range.start.offset >= from && h.level + shift.by === 1);
    const becomesTitle = raisedIntoTitle(doc, schema, first1, shift.by);
    // (Sections already at the template's level under the ones that move, `### Required Reviewers`
    // under `# Stewardship`, keep it, and so do the headings under them.)
    const atLevel = new Set<Heading>();
    const keep = (sec: Section): void => {
      atLevel.add(sec.heading);
      sec.children.forEach(keep);
    };
    // (A sub-section of the template's, not one of its top-level sections: `## Open Questions`, a
    // top-level section written inside the author's `# Proposal`, moves down with the Proposal's other
    // parts, or the Proposal would lose them.)
    for (const p of pairs) if (p.section.level === p.schema.level && p.section.level > 1 && p.schema.path.length > 1) keep(p.section);
    // (A top-level section of the template written at its level inside a section that moves, `##
    // Rationale` after the author's `# Proposal`: moved down with the Proposal, it would be a level off
    // where it was not; left, the Proposal would lose it. Which is meant is the author's to say, so the
    // layout is said and no fix moves it.)
    const nestedTop = pairs.some((p) => {
      if (p.section.level !== p.schema.level || p.schema.path.length !== 1 || p.section.range.start.offset < from) return false;
      const parent = parentSection(doc.sections, p.section);
      return parent !== undefined && parent.heading !== doc.title && !atLevel.has(p.section.heading);
    });
    // (And those at it whose parent the pattern lacks, `## Errors` of a missing `# Practicalities`:
    // moved up, they would stand a level above the template's, and the missing parent an error.)
    for (const p of parentless) if (p.section.level === p.schema.level && p.section.level > 1) keep(p.section);
    // (So do the author's own headings beside them, at their level under the same section: `### Where
    // they hang` beside `### Options Weighed` under a `# Plan` that moves to `##`. Moved alone, they
    // would sit a level below their sibling.)
    for (const p of pairs) {
      if (p.section.level !== p.schema.level || p.section.level <= 1 || p.schema.path.length <= 1) continue;
      const siblings = parentSection(doc.sections, p.section)?.children ?? [];
      for (const s of siblings) if (s.level === p.section.level && !schemaOf.has(s)) keep(s);
    }
    // (Nor where the headings that are off fill only slots the template names no section in.)
    const slotsOnly = shift.off.every((o) => o.schema.anyHeading);
    // (Nor where the first H1 is none of the pattern's title, named in its header block — `title: Sprocket
    // Feed` over `# Getting started`, `# Abstract`…: moved under it, every section would be its part.)
    const h1NotTitle = shift.by > 0 && doc.title !== undefined && pattern.title !== undefined && pattern.title.from !== 'heading' && schema.title.from === 'heading';
    const partial = shift.partial || nestedTop;
    let fix = untitled || becomesTitle || partial || slotsOnly || h1NotTitle ? undefined : shiftHeadings(doc, from, shift.by, Infinity, shift.by, atLevel, true);
    // (The title written a level down over them, the levels swapped — `## RFC: Delta`, then `# Problem
    // Statement` — moves up as they move down: else the fix would leave it a section's level.)
    const title = doc.title;
    let titleAfter = title?.level;
    if (fix && title && schema.title.from === 'heading' && !title.setext && title.range.start.offset < from && title.level - shift.by === (schema.title.level ?? 1)) {
      const at = title.range.start.offset;
      const marker = /^ {0,3}(#{1,6})/.exec(doc.source.slice(at, at + 10));
      if (marker) {
        const hashes = at + marker[0].length - marker[1]!.length;
        fix = {
          range: [at, fix.range[1]],
          text: doc.source.slice(at, hashes) + '#'.repeat(title.level - shift.by) + doc.source.slice(hashes + marker[1]!.length, fix.range[0]) + fix.text,
        };
        titleAfter = title.level - shift.by;
      }
    }
    // The title above the headings that move stays above them, or nothing moves: raised to its level
    // (`# Cache warmer` over `## Summary`, where the template's sections are H1s) or lowered to it
    // (`# Summary` under an underlined `Cache warmer` / `---` title, which the fix does not rewrite),
    // the sections would stand beside their title, and it would head the page no more.
    const moved = doc.headings.filter((h) => h.range.start.offset >= from && !atLevel.has(h));
    // (Unless the template itself writes its sections beside its title, `# Proposal NNNN - (name)` over
    // `# Summary`: the fix makes the pattern so.)
    const templateBeside = schema.title.from === 'heading' && (schema.title.level ?? 1) === schema.sections[0]?.level;
    const besideTitle =
      fix !== undefined &&
      !templateBeside &&
      title !== undefined &&
      titleAfter !== undefined &&
      title.range.start.offset < from &&
      moved.some((h) => h.level + shift.by <= titleAfter);
    if (besideTitle) fix = undefined;
    const others = shift.off.length - 1;
    // The whole outline the same levels off is one layout (an older template's `# Summary` first,
    // every section one level down under the title): nothing is missing or out of place, so a
    // warning with its fix. (Without a title above them, the missing title is the title rule's to
    // say, with this cause.)
    report({
      warning: true,
      message: `${headingLabel(first.section)} should be level ${first.schema.level}: \`${'#'.repeat(first.schema.level)} ${first.section.title}\`, and so should ${others} more section${others === 1 ? '' : 's'} written ${Math.abs(shift.by) === 1 ? 'one level' : `${Math.abs(shift.by)} levels`} ${shift.by > 0 ? 'up' : 'down'}: ${shift.partial ? `most headings of this pattern are ${shift.by > 0 ? 'above' : 'below'} the template's level, the others at it (so no fix moves them all)` : nestedTop ? `the template's other sections stand at their level inside them (so no fix moves them all)` : `every ${skipped ? 'section of the template in' : 'heading of'} this pattern is ${shift.by > 0 ? 'above' : 'below'} the template's level`}.${besideTitle ? ` No fix moves them: they would stand at the level of the title above them, ${title!.setext ? `\`${title!.text}\` (underlined, level ${title!.level}: give it the template's title level by hand, and --fix then moves them)` : `\`${'#'.repeat(title!.level)} ${title!.text}\``}.` : ''}`,
      range: plainRange(first.section.heading.range),
      expected: `${'#'.repeat(first.schema.level)} ${first.section.title}`,
      actual: `${'#'.repeat(first.section.level)} ${first.section.title}`,
      ...(fix ? { fix } : {}),
    });
    // Each heading off by another amount: its own finding, fixed once the layout's fix has moved it.
    // (Nor, where the title keeps them from moving, alone: their level is the template's without that title.)
    for (const { section, schema, misplaced } of shift.rest) check(section, schema, misplaced, fix !== undefined || besideTitle);
    return;
  }
  for (const { section, schema, misplaced } of pairs) {
    current = section;
    check(section, schema, misplaced);
  }
  current = undefined;
  for (const r of allOrNone(held, doc.sections, parted)) reportNow(r);
}

/**
 * Siblings written at one wrong level (`#### Blockers`, `#### Strengths`, `#### Gaps` under `###
 * How it was done`, the template's `###`): moved all, or none — `--fix` moving some and leaving one
 * (it would take the text after it, or stand after a heading it may not) would leave a consistent
 * file inconsistent. Each keeps its finding.
 */
function allOrNone(held: readonly { section: Section; report: LevelReport }[], sections: readonly Section[], parted: ReadonlySet<Section>): LevelReport[] {
  const group = (x: { section: Section }) => `${parentSection(sections, x.section)?.heading.range.start.offset ?? -1}:${x.section.level}`;
  // (Raised ones: one left where it is then stays so, out of its parent it would leave empty. Moved
  // down, one the next pass moves after its sibling has moved is no reason to hold the others; one
  // left for the author's heading after it (`## Non-Goals` over `## High availability`, see
  // `leavesTwin`) stays so in every pass, and its sibling moved alone (`## Goals`) would part the two.)
  const raised = (r: LevelReport) => (r.expected?.match(/^#*/)?.[0].length ?? 0) < (r.actual?.match(/^#*/)?.[0].length ?? 0);
  const unfixed = new Set(held.filter((x) => !x.report.fix && raised(x.report)).map(group));
  const kept = new Set(held.filter((x) => !x.report.fix && parted.has(x.section)).map(group));
  return held.map((x) => {
    if (!x.report.fix || !(raised(x.report) ? unfixed : kept).has(group(x))) return x.report;
    const { fix: _fix, ...rest } = x.report;
    return rest;
  });
}

/**
 * The pattern's whole outline is a level (or more) off the template's: every
 * top-level section the template knows is off by the same amount, and so are
 * at least two sections and most of those off at all. Then they are one
 * finding (and the others, `rest`, one each).
 */
function wholeOutlineShift<P extends { section: Section; schema: TemplateSection }>(
  pairs: P[],
  top: SectionMatch[],
): { by: number; off: P[]; rest: P[]; partial: boolean } | undefined {
  const all = pairs.filter((p) => p.section.level !== p.schema.level).sort((a, b) => a.section.range.start.offset - b.section.range.start.offset);
  const first = top[0]?.sections[0];
  if (all.length < 2 || !first) return undefined;
  // The amount every top-level section is off by; a heading off by another amount as well (`#
  // Alternatives` two levels above the `###` the template gives it, in an outline one level up)
  // is a finding of its own beside the one for the layout, while most headings share it.
  const by = top[0]!.schema.level - first.level;
  // (Most of them off by it, the others at their level — `## Open Questions` last, where the author
  // came back to the template's level: still one layout, whose fix would move those too, so none.)
  const layout = outlineOff(top, by);
  if (!layout) return undefined;
  const off = all.filter((p) => p.schema.level - p.section.level === by);
  const rest = all.filter((p) => p.schema.level - p.section.level !== by);
  // (Sub-sections written at the level of the top sections, as written — `# Drawbacks` beside `#
  // Design Proposal`, every heading an H1 —: the outline written flat besides, each said on its own;
  // they do not make the layout another.)
  const flatToo = (p: P) => p.section.level === first.level && p.schema.level > top[0]!.schema.level;
  return off.length >= 2 && rest.filter((p) => !flatToo(p)).length < off.length ? { by, off, rest, partial: layout.partial } : undefined;
}

/**
 * One edit that moves every heading from `from` on (up to `to`) by `by`
 * levels (the title above stays), or undefined when one of them cannot move:
 * an underlined heading, or a level out of 1–6.
 */
function shiftHeadings(
  doc: MarkdownDocument,
  from: number,
  by: number,
  to = Infinity,
  restBy = by,
  keep: ReadonlySet<Heading> = new Set(),
  asNeeded = false,
): Fix | undefined {
  const headings = doc.headings.filter((h) => h.range.start.offset >= from && h.range.start.offset < to && !keep.has(h));
  // (Moved down `asNeeded`, a heading already further below the heading it stands under than one level
  // stays where it is: `### Goals` right under `# Motivation` is under it still when that becomes `##`;
  // moved along, it would skip a level again, `####` under `##`.)
  const moved = new Map<Heading, number>();
  if (asNeeded && by > 0) {
    const stack: { level: number; to: number }[] = [];
    for (const h of doc.headings) {
      while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
      const under = stack.at(-1);
      const target = !headings.includes(h) ? h.level : under ? Math.max(h.level, under.to + 1) : h.level + by;
      if (headings.includes(h)) moved.set(h, target - h.level);
      stack.push({ level: h.level, to: target });
    }
  }
  const shift = (k: number) => moved.get(headings[k]!) ?? (k === 0 ? by : restBy);
  if (headings.length === 0 || headings.some((h, k) => h.setext || h.level + shift(k) < 1 || h.level + shift(k) > 6)) return undefined;
  const start = headings[0]!.range.start.offset;
  const end = headings.at(-1)!.range.end.offset;
  let text = '';
  let cursor = start;
  for (const [k, h] of headings.entries()) {
    const at = h.range.start.offset;
    const marker = /^ {0,3}(#{1,6})/.exec(doc.source.slice(at, at + 10));
    if (!marker) return undefined;
    const hashes = at + marker.index + marker[0].length - marker[1]!.length;
    text += doc.source.slice(cursor, hashes) + '#'.repeat(h.level + shift(k));
    cursor = hashes + marker[1]!.length;
  }
  return { range: [start, end], text: text + doc.source.slice(cursor, end) };
}

/** The smallest level among sections and their sub-sections (Infinity for none). */
function shallowest(sections: readonly Section[]): number {
  let level = Infinity;
  for (const s of sections) level = Math.min(level, s.level, shallowest(s.children));
  return level;
}
