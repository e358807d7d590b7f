import { frontMatterLeftovers } from '../../template/front-matter-leftovers.js';
import { learnBoilerplate, templateTextIn, type Leftover, type PlainRange, type TemplateTextFound } from '../../template/leftovers.js';
import { isDraft } from '../../catalog/status.js';
import { underHalf } from '../../template/match-outline.js';
import { defineCatalogRule } from '../rule.js';
import type { Pattern, PatternView } from '../../catalog/types.js';
import type { Section } from '../../markdown/types.js';
import { askedAtStage, whenRequired } from '../../template/stages.js';
import type { TemplateSchema } from '../../template/types.js';
import { flattenSections } from '../../template/walk.js';
import { quote, schemaLabel } from './_format.js';

export default defineCatalogRule({
  meta: {
    id: 'placeholder',
    description: 'No template text is left in: bracketed placeholders, instructions to the author, generic numbered items, sample values.',
    severity: 'error',
    fixable: false,
    // A sample author, e-mail or related-pattern link is explained by its own rule.
    catchAll: true,
    // Boilerplate is learned from every pattern: what most of them keep of the template is not left over.
    scope: 'catalog',
  },
  // While each pattern is loaded in full: the template text it holds (plain data).
  collect({ pattern, template, outline }): Found {
    const found = templateTextIn(template, pattern.document);
    // The front matter's blanks (`created: <mm/dd/yyyy>`) first, in the file's order.
    const inFrontMatter = frontMatterLeftovers(template, pattern.document);
    const all = inFrontMatter.length > 0 ? { ...found, leftovers: [...inFrontMatter, ...found.leftovers] } : found;
    // What is left in a section the template asks for only from a later stage than the pattern's
    // (`This section must be completed when targeting beta`, in an alpha one): not yet to be written.
    const later = laterStage(template, pattern);
    if (later) all.leftovers = all.leftovers.map((left) => (left.warning || left.id < 0 ? left : { ...left, ...later(template.placeholders[left.id]!.sectionPath) }));
    // A file with under half of the template's sections may follow another (a process document that
    // quotes the template's header lines to explain them): what it holds of this one is said as warnings.
    // (The line each one stands on, for what is left of a section the template says to remove when done.)
    const removed = flattenSections(template.sections).filter((s) => s.removeWhenDone);
    if (removed.length > 0)
      all.leftovers = all.leftovers.map((left) => {
        const path = left.id >= 0 ? template.placeholders[left.id]?.sectionPath : undefined;
        const inRemoved = path && removed.some((s) => opens(path, s.path));
        return inRemoved ? { ...left, lineText: pattern.document.lines.lineText(left.range.start.line) } : left;
      });
    // A section the template marks optional that holds nothing but the template's text is as good as
    // empty — and an empty optional section is a warning (empty-section): so is this.
    all.leftovers = optionalLeftAsIs(template, pattern, all.leftovers);
    return all.leftovers.length > 0 && underHalf(outline, template, pattern) ? { ...all, loose: true } : all;
  },
  check({ pattern, catalog, index, collected, memo, report }) {
    const found = collected<Found>(pattern);
    if (!found || found.leftovers.length === 0) return;
    // Once per run, over every pattern (also those the rule is off for: they count as keeping the text or not).
    const boilerplate = memo(
      'boilerplate',
      () =>
        new Set(
          learnBoilerplate(
            catalog.template,
            catalog.patterns.filter((p) => p.movedTo === undefined).map((p) => collected<TemplateTextFound>(p)),
          ).map((b) => b.id),
        ),
    );
    // Placeholders written as a heading without their marks by as many patterns as keep them whole
    // (`### Known Uses` beside `### [Known Uses]`): the marks are the template's, so kept is left in.
    const unmarkedAsOften = memo('unmarked headings', () => {
      const kept = new Map<number, number>();
      for (const p of catalog.patterns) {
        const f = collected<TemplateTextFound>(p);
        for (const id of f?.headings ?? []) kept.set(id, (kept.get(id) ?? 0) + 1);
        for (const id of f?.unmarkedHeadings ?? []) kept.set(id, (kept.get(id) ?? 0) - 1);
      }
      return new Set([...kept].filter(([, n]) => n <= 0).map(([id]) => id));
    });
    // Template text left in one paragraph or list item (two questions of the template kept together)
    // is one leftover: one report that quotes each.
    const merged: (typeof found.leftovers)[number][] = [];
    for (const found1 of found.leftovers) {
      if (boilerplate.has(found1.id)) continue;
      const left = found1.wholeHeading && unmarkedAsOften.has(found1.id) ? withoutWarning(found1) : found1;
      const last = merged.at(-1);
      if (
        last &&
        !last.link &&
        !left.link &&
        !last.openItem === !left.openItem &&
        last.block !== undefined &&
        last.block === left.block &&
        left.range.start.offset >= last.range.start.offset
      ) {
        // (The same text found by two of the template's placeholders, `{{…}}` marked and as an instruction, is quoted once.)
        merged[merged.length - 1] = {
          ...last,
          shown: last.shown.includes(left.shown) ? last.shown : `${last.shown}, ${left.shown}`,
          range: { start: last.range.start, end: left.range.end.offset > last.range.end.offset ? left.range.end : last.range.end },
        };
      } else merged.push(left);
    }
    // A draft may still hold what is to be written (`TBD`): said, as a warning, until its status moves on.
    const draft = isDraft(pattern, catalog.config, catalog.templates.for(pattern.path));
    // A pattern committed before the template's first version held that text before there was a template to leave it: the template took its words from
    // there (`XLS-0001`, whose definitions of the sections the template quotes as its guidance), or they
    // meet by chance. Said, as a warning.
    // (Committed before it, by git: a date the pattern gives itself says when its draft began — maybe
    // from a template of another catalog's, the text the same —, not that the template came after.)
    const history = index.templateHistory(catalog.templates.for(pattern.path));
    const written = history?.added(pattern.path);
    const older = history && written !== undefined && written < history.first ? new Date(history.first).toISOString().slice(0, 10) : undefined;
    const stage = draft
      ? ` (A draft: a warning until its status moves on.)`
      : older
        ? ` (This pattern was committed before the template's first version, of ${older} (its git history): the template may have taken these words from it. A warning.)`
        : found.loose
          ? ' (This file has under half of the template’s sections: it may follow another template, so this is a warning.)'
          : '';
    // Text of a section the template says to delete once done (`## Process guide, remove this section
    // when done`), left in: one finding for the section, not one for each blank its guide names.
    const template = catalog.templates.for(pattern.path);
    const toRemove = memo(`sections to remove ${template.file}`, () => flattenSections(template.sections).filter((s) => s.removeWhenDone));
    const removal = (left: Leftover) => {
      const path = left.id >= 0 ? template.placeholders[left.id]?.sectionPath : undefined;
      return path ? toRemove.find((s) => opens(path, s.path)) : undefined;
    };
    const saidOf = new Set<string>();
    for (const left of merged) {
      const section = left.openItem || left.link ? undefined : removal(left);
      if (section) {
        if (saidOf.has(section.id)) continue;
        saidOf.add(section.id);
        const lines = new Set(merged.filter((l) => !l.openItem && !l.link && removal(l) === section).map((l) => l.range.start.line));
        const line = (left.lineText ?? '').trim().replace(/^(?:[-*+]|\d+[.)])\s+/, '');
        report({
          message: `Text of the template's ${schemaLabel(section)}, a section it says to remove when done, is left in ${left.where} (line ${left.range.start.line}${lines.size > 1 ? ` and ${lines.size - 1} more` : ''}: ${quote(line, 80)}): remove it.${stage}`,
          range: left.range,
          ...(draft || older || found.loose ? { warning: true } : {}),
        });
        continue;
      }
      if (left.openItem) {
        report({
          message: `An open item in ${left.where}: ${left.shown}, in the author's own ${left.openItem === 'item' ? 'list item or table cell, where the template has no such marker' : 'sentence'}. Settle it, or say what is still open and when it will be settled. (A warning: the template's blanks are errors, an author's marker is not.)`,
          range: left.range,
          warning: true,
        });
        continue;
      }
      if (left.quoted !== undefined && !left.link) {
        report({
          message: `Template text in ${left.where}: ${left.shown}, in the copy of the blank template this document shows from line ${left.quoted} (the template's title line as a heading, not in a code block). To show the template as it is, put it in a code block; if it is no copy, replace it with this pattern's own content. (A warning.)`,
          range: left.range,
          warning: true,
        });
        continue;
      }
      if (left.byProcess) {
        report({
          message: `Template text in ${left.where}: ${left.shown}, a blank the template says the catalog's process fills in, not the author: kept until then. If that is done, write the value. (A warning.)`,
          range: left.range,
          warning: true,
        });
        continue;
      }
      if (left.undecided) {
        report({
          message: `The template's ${left.shown} kept in ${left.where}, where it offers it for someone not chosen yet: name them once they are. (A warning.)`,
          range: left.range,
          warning: true,
        });
        continue;
      }
      const why = left.warning ? ` (${left.warning[0]!.toUpperCase()}${left.warning.slice(1)}. A warning.)` : stage;
      report({
        ...(left.link
          ? { message: `Sample link target left in: ${left.shown}. Link to a real page.${why}`, range: left.range }
          : { message: `Template text left in ${left.where}: ${left.shown}. Replace it with this pattern's own content.${why}`, range: left.range }),
        ...(draft || older || found.loose || left.warning ? { warning: true } : {}),
      });
    }
  },
});

/** What `collect` keeps of a pattern: the template text it holds, and what `check` needs to judge it. */
type Found = TemplateTextFound & { loose?: true };

/**
 * For a template section's path, the reason to say what is left in it as a warning when the
 * template asks for that section (or one it is under) only from a stage the pattern is not known
 * to have reached; undefined when no section of the template is asked for by stage.
 */
function laterStage(template: TemplateSchema, pattern: PatternView): ((path: readonly string[]) => { warning: string } | object) | undefined {
  const staged = flattenSections(template.sections).filter((s) => s.requiredFrom);
  if (staged.length === 0) return undefined;
  const asked = askedAtStage(template, pattern);
  return (path) => {
    const section = staged.find((s) => !asked(s) && opens(path, s.path));
    return section
      ? { warning: `the template asks for ${schemaLabel(section)} ${whenRequired(section.requiredFrom!)}, which this pattern is not known to have reached` }
      : {};
  };
}

/**
 * Leftovers in a section the template marks optional, where that section of the pattern holds nothing
 * else (no sub-section, every block of it template text): said as warnings that say so.
 */
function optionalLeftAsIs(template: TemplateSchema, pattern: Pattern, leftovers: Leftover[]): Leftover[] {
  const optional = flattenSections(template.sections).filter((s) => s.optional);
  if (optional.length === 0 || leftovers.length === 0) return leftovers;
  const sections: Section[] = flattenSections<Section>(pattern.document.sections);
  const within = (line: number, s: Section) => s.range.start.line <= line && line <= s.range.end.line;
  const onlyTemplate = new Map<Section, boolean>();
  const holdsNothingElse = (section: Section) => {
    if (!onlyTemplate.has(section)) {
      const leftIn = (b: { range: PlainRange }) => leftovers.some((l) => l.range.start.offset < b.range.end.offset && l.range.end.offset > b.range.start.offset);
      onlyTemplate.set(section, section.children.length === 0 && section.blocks.length > 0 && section.blocks.every((b) => b.kind === 'html' || leftIn(b)));
    }
    return onlyTemplate.get(section)!;
  };
  return leftovers.map((left) => {
    if (left.id < 0 || left.warning || left.link || left.openItem) return left;
    const path = template.placeholders[left.id]?.sectionPath;
    const schema = path && optional.find((s) => s.path.length === path.length && opens(path, s.path));
    if (!schema) return left;
    const section = sections.filter((s) => within(left.range.start.line, s)).at(-1);
    if (!section || !holdsNothingElse(section)) return left;
    return { ...left, warning: `the template marks ${schemaLabel(schema)} optional, and this section holds nothing but its text: write it, or remove the heading` };
  });
}

/** Whether a template section's path opens with `prefix`: the section itself, or one under it. */
function opens(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((name, k) => name === path[k]);
}

/** A leftover said as an error after all. */
function withoutWarning(left: Leftover): Leftover {
  const { warning: _warning, ...rest } = left;
  return rest;
}
