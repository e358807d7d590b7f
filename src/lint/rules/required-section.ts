import { isDraft } from '../../catalog/status.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { partDocuments } from '../../catalog/links.js';
import { leadLabels, rowLabels } from '../../markdown/tables.js';
import type { TemplateHistory } from '../../catalog/template-history.js';
import { declaredDate } from '../../catalog/declared-date.js';
import { headerValue } from '../../markdown/front-matter.js';
import { blockText, documentBlocks, footerBreak, headingsInCode, runawayFence } from '../../markdown/document.js';
import { plainRange, type Range } from '../../markdown/lines.js';
import { bodyFields } from '../../template/body-fields.js';
import type { Block, CodeBlock, Heading, MarkdownDocument, Section } from '../../markdown/types.js';
import { createdAt } from '../../catalog/status.js';
import type { Pattern, PatternView } from '../../catalog/types.js';
import { displayTitle } from '../../catalog/view.js';
import { analyze, words } from '../../search/analyze.js';
import {
  headFirst,
  headNouns,
  kindredWords,
  kindredText,
  kindredTo,
  mayStandFor,
  outlineOff,
  raisedIntoTitle,
  sectionsHad,
  settledName,
  speaksFor,
  underHalf,
  type MissingSection,
  type OutlineMatch,
  type SectionMatch,
  negatedName,
} from '../../template/match-outline.js';
import { extendsName, holdsName, joinedParts, nameParts, namesOtherWays, OUTSTANDING, splitNote, variantKey } from '../../template/heading-variants.js';
import { escapeRegExp, foldHeading, foldText, withoutNumbering } from '../../template/normalize.js';
import { BOILERPLATE_MIN_PATTERNS } from '../../template/leftovers.js';
import { DOCUMENT_PARTS } from '../../template/document-parts.js';
import { boilerplateSections, keepsText, missingSectionText, titlePlaceholder, type BoilerplateSection } from '../../template/section-text.js';
import type { TemplateSchema, TemplateSection } from '../../template/types.js';
import { flattenSections, isUnder, requiredOf } from '../../template/walk.js';
import { claimedSections, fromTemplate, sectionOfTemplate, sectionsById } from '../../template/lookup.js';
import { askedAtStage, stageStanding, whenRequired } from '../../template/stages.js';
import { defineCatalogRule, type Report } from '../rule.js';
import { CLOSING_HEADING, isVisible } from './_blocks.js';
import { waivedNames, waives } from '../../catalog/waivers.js';
import { headingLabel, quote, schemaLabel } from './_format.js';
import { slotFacts, slotSections, type SlotFacts } from './_slots.js';

/** What `collect` keeps of a pattern: what it says about slot sections, and a report per missing section. */
export interface RequiredFindings extends SlotFacts {
  /** One report per missing section, with the id of the section it is about. */
  /** `guess`: a warning only because a heading of the author's may be it in other words — the section is still missing under its name. */
  /** `lacking`, `of`: of a file under half of the template, the ids of the sections it lacks, and how many it has of how many asked. */
  missing: (Report & { section: string; underHalf?: true; keeping?: Keeping; guess?: true; lacking?: string[]; of?: [number, number] })[];
  /** Template sections that may be boilerplate (see `boilerplateSections`) this pattern has: their ids, and whether it keeps their text. */
  boilerplate?: { id: string; kept: boolean }[];
  /** It has under half of the template's required sections (`missing` is then that one finding). */
  underHalf?: true;
  /** Under half: the reports it would get as a pattern of the template, one per missing section. */
  whole?: (Report & { section: string; keeping?: Keeping; guess?: true })[];
  /** It has no title and writes the template's sections a level up (`# Summary`): the layout of an older template. */
  olderLayout?: true;
  /** The earliest date the pattern gives itself (see `declaredDate`), in ms: where it lacks a section, it existed by then. */
  declared?: number;
  /** A digest of the pattern's text, where it lacks a section: a copy of another pattern has the same (see `copiesBy`). */
  digest?: string;
  /** Where it lacks a section, its headings as written: one may be the template's former name for it. */
  headings?: string[];
}

/** The fix as it would be with the text of boilerplate sections written out, for when the catalog shows they are (see `check`). */
interface Keeping {
  /** The ids of the sections that may be boilerplate in what the fix inserts. */
  sections: string[];
  text: string;
}

export default defineCatalogRule({
  meta: {
    id: 'required-section',
    description: 'Every section the template requires is present (repeatable ones at least once).',
    severity: 'error',
    fixable: true,
    // The catalog tells which template sections are slots for each pattern's own sections (see _slots.ts).
    scope: 'catalog',
  },
  collect({ pattern, outline, template, catalog }): RequiredFindings {
    // A section written as the document's H1 (`# Title` for `## Title`) is the title rule's to report: said once.
    const h1 = pattern.document.title ? foldHeading(pattern.document.title.text) : undefined;
    const asTitle = (m: MissingSection) => h1 !== undefined && m.schema.matcher.test(h1);
    // A section that says it does not apply (`N/A`, `See the [shared questionnaire](…)`) is not asked for its sub-sections.
    // (Nor one written elsewhere, out of its parent, where that parent is out of place too — `# Copyright`
    // after a `## References` written inside the Specification: heading-level and section-order say where.)
    const strayParent = (m: MissingSection) =>
      m.parent !== undefined && outline.misplaced.some((x) => x.schema === m.parent!.schema) && outline.misplaced.some((x) => x.schema === m.schema);
    // (Nor a section named for the header block, `## Preamble` over "the number, the title and the owner",
    // where the pattern opens with its header: front matter, fields, or a `<pre>` or code block of them.)
    // (Where the template keeps its header above that section, which only describes it; one that holds
    // the block of fields itself is that block's heading, said as such.)
    const headed = (m: MissingSection) =>
      !m.parent &&
      HEADER_SECTION.test(foldHeading(m.schema.name)) &&
      !/```|~~~|<pre\b/i.test(m.schema.body) &&
      !/^\s*(?:[-*+]\s+)?(?:\*\*|__)?\p{L}[\p{L} ]{0,30}(?:\*\*|__)?\s*:/mu.test(m.schema.body) &&
      opensWithHeader(pattern);
    const asked = (m: MissingSection) =>
      !asTitle(m) &&
      !headed(m) &&
      !declines(m.parent?.sections.at(-1)) &&
      !joinedIn(m, pattern.document, template) &&
      !answeredInParent(m) &&
      !answeredInRows(m) &&
      !strayParent(m);
    const title = nameInHeadings(outline, template) ?? displayTitle(pattern);
    // (Whether heading-level runs, and with it its fix of the outline's levels: where the catalog turns it off, sections go in at the levels the file keeps.)
    const setting = catalog.config.rules['heading-level'];
    const levelsFixed = (Array.isArray(setting) ? setting[0] : setting) !== 'off';
    const found = missingReports(pattern, { ...outline, missing: outline.missing.filter(asked) }, template, title, false, levelsFixed);
    if (!found[0]?.underHalf) found.push(...partsInProse(outline.missing.filter((m) => !asTitle(m) && answeredInParent(m))));
    const missing = found[0]?.underHalf ? found : byKind(byStage(found, pattern, template), pattern, template);
    // (Under half of today's template, the reports it would get as a pattern of it, kept for a file
    // written before the template asked for most of what it lacks: see `check`.)
    const whole = found[0]?.underHalf
      ? byKind(
          byStage(missingReports(pattern, { ...outline, missing: outline.missing.filter(asked) }, template, title, true, levelsFixed), pattern, template),
          pattern,
          template,
        )
      : undefined;
    const candidates = boilerplateSections(template);
    const boilerplate =
      candidates.length > 0
        ? candidates.flatMap(({ section, text }) => {
            const had = outline.all.filter((m) => m.schema === section).flatMap((m) => m.sections);
            return had.length > 0 ? [{ id: section.id, kept: had.some((s) => keepsText(s, text)) }] : [];
          })
        : [];
    return {
      ...slotFacts(outline),
      missing,
      ...(boilerplate.length > 0 ? { boilerplate } : {}),
      ...(missing[0]?.underHalf ? { underHalf: true as const } : {}),
      ...(whole && whole.length > 0 ? { whole } : {}),
      ...(olderLayout(pattern.document, outline, template) ? { olderLayout: true as const } : {}),
      ...(declaredOf(pattern, missing) ?? {}),
      ...(missing.length > 0 ? { headings: pattern.document.headings.slice(0, 60).map((h) => h.text) } : {}),
    };
  },
  check({ pattern, catalog, index, collected, memo, report }) {
    const mine = collected<RequiredFindings>(pattern);
    if (!mine) return;
    const slots = memo('slots', () => slotSections(catalog, (p) => collected<RequiredFindings>(p)));
    // A file under half of the template is a warning among patterns that follow it (it may be no
    // pattern). Where most of the catalog is under half, the template is not the one the patterns
    // were written from: an error for each, which says so — unless the template requires none of
    // its sections (its outline only a guide: "or write your own proposal"), when a pattern under
    // half of it is what it allows.
    // (Not counting those under half only by sections the template asked for after they were written —
    // a catalog whose template came after most of its records, `XLS-0005` of 2019 under a template of
    // 2025 —: they follow the template of their time, and say nothing of today's.)
    const mostUnder = memo('most under half', () => {
      if (requiredOf(catalog.template.sections).length === 0) return false;
      const all = catalog.patterns
        .filter((p) => p.movedTo === undefined)
        .flatMap((p) => {
          const found = collected<RequiredFindings>(p);
          const template = catalog.templates.for(p.path);
          return beforeItsTemplate(p.path, found, template, index.templateHistory(template)) ? [] : [found];
        });
      return all.filter((f) => f?.underHalf).length * 2 > all.length;
    });
    // (Worked out for each template of the catalog over its own patterns, by its own history: a
    // sibling template — the package manager's beside the language's — came when it came.)
    const ownTemplate = catalog.templates.for(pattern.path);
    const later = memo(`gained later ${ownTemplate.file}`, () => {
      const its = catalog.patterns.filter((p) => catalog.templates.for(p.path) === ownTemplate);
      return hadFromTheStart(
        gainedLater(its, (p) => collected<RequiredFindings>(p)),
        ownTemplate,
        index.templateHistory(ownTemplate),
        lackingBy(its, (p) => collected<RequiredFindings>(p)),
        declaredBy(its, (p) => collected<RequiredFindings>(p)),
        copiesBy(catalog.patterns, (p) => collected<RequiredFindings>(p)),
      );
    });
    const kept = memo('boilerplate sections', () =>
      keptSections(
        catalog.template,
        catalog.patterns.map((p) => collected<RequiredFindings>(p)),
      ),
    );
    const patternFiles = () => memo('pattern files', () => new Set(catalog.patterns.map((p) => p.file)));
    // (What the pattern's own waivers name, `ignoredRules: ["missing:copyright"]`, is not asked of it.)
    const waived = waivedNames(pattern, catalog.config);
    for (const { section, underHalf, keeping, guess: _guess, lacking, of, ...finding } of mine.missing) {
      if (waived && finding.expected && waives(waived, finding.expected.replace(/^#+\s*/, ''))) continue;
      // Inserted with the template's text of its boilerplate sections when the catalog keeps it.
      if (keeping && finding.fix && keeping.sections.every((id) => kept.has(id))) {
        // (But a rights statement the catalog keeps — `Copyright and related rights waived via CC0.` —
        // is the author's to make: no fix makes it for them, unless the template marks it to keep.)
        const rights = rightsStatements(catalog.template).filter((b) => keeping.sections.includes(b.section.id));
        if (rights.length > 0) {
          const said = rights.map((b) => quote(b.section.body.replace(/<!--[\s\S]*?(?:-->|$)/g, ''), 100)).join(', ');
          delete finding.fix;
          finding.message = `${finding.message} Its text is the catalog's rights statement (${said}): the author's to make, so no fix writes it (mark it \`<!-- patternbook: keep -->\` in the template to have --fix insert it).`;
        } else finding.fix = { range: finding.fix.range, text: keeping.text };
      }
      if (slots.has(section)) continue;
      const era = later.get(section);
      if (era?.patterns.has(pattern.path) && !finding.warning) {
        // Written before the template asked for it: a warning, and nothing inserted into a record kept as it was.
        const { fix: _, ...rest } = finding;
        const guess = era.guessed?.patterns.has(pattern.path) ? era.guessed.reason : undefined;
        const why = era.known && !guess ? era.reason : `The template gained it after these patterns were written, likely: ${guess ?? era.reason}`;
        report({ ...rest, warning: true, message: `${finding.message} ${why}. A warning.` });
        continue;
      }
      if (underHalf && !mostUnder && lacking?.length) {
        // (Lacking sections the template asked for only after the pattern was written — its git history,
        // or the date it gives itself —: it follows the template of its time, and says so.)
        const template = catalog.templates.for(pattern.path);
        const history = index.templateHistory(template);
        const byId = sectionsById(template);
        const askedLater = (id: string) => {
          const schema = byId.get(id);
          return history !== undefined && schema !== undefined && history.writtenBefore(schema, pattern.path, mine.declared);
        };
        const later = lacking.filter(askedLater);
        // (Not under half of the template of its time — the sections it asked for then —: a pattern of
        // it, judged section by section; what the template asked for only later is a warning each.)
        // (Not where the template of its time asked for one section or none — a pattern older than the
        // template itself —: one warning says it, not one for each section the template came with.)
        if (later.length > 0 && of && of[1] - later.length >= 2 && of[0] * 2 >= of[1] - later.length && mine.whole) {
          for (const { section: id, keeping: _k, guess: _g, ...one } of mine.whole) {
            if (waived && one.expected && waives(waived, one.expected.replace(/^#+\s*/, ''))) continue;
            if (!askedLater(id)) {
              report(one);
              continue;
            }
            const { fix: _f, ...unfixed } = one;
            report({
              ...unfixed,
              warning: true,
              message: `${one.message} The template asked for it only after this pattern was written (its git history, or the date it gives itself). A warning.`,
            });
          }
          continue;
        }
        if (later.length > 0 && of) {
          const names = (ids: string[]) =>
            ids
              .slice(0, 4)
              .map((id) => schemaLabel(byId.get(id)!))
              .join(', ') + (ids.length > 4 ? ` and ${ids.length - 4} more` : '');
          const then = lacking.filter((id) => !later.includes(id));
          report({
            ...finding,
            message: `This file has ${of[0]} of the ${of[1]} sections the template asks for; ${later.length === lacking.length ? `the ${later.length === 1 ? 'one' : later.length} it lacks` : `${later.length} of the ${lacking.length} it lacks`} (${names(later)}) the template asked for only after it was written (its git history, or the date it gives itself): it follows the template of its time.${then.length > 0 ? ` It lacks ${names(then)} too, which the template had then: write ${then.length === 1 ? 'it' : 'them'}.` : ''} No fix is offered.`,
          });
          continue;
        }
      }
      // (A pattern written in parts — a page that links the documents of the folder named for it,
      // `oci-registries/1-primer.md` … —: the section may be in one of them. A warning that says so.)
      if (!finding.warning && !underHalf) {
        // (Its folder its own — no other pattern in it or below it, not the catalog's root —: the documents beside it too.)
        const ownFolder =
          pattern.dir !== catalog.root && memo('patterns at or under each folder', () => patternsUnder(catalog.patterns, catalog.root)).get(pattern.dir) === 1;
        const parts = memo(`parts ${pattern.path}`, () => partDocuments(pattern, (file) => patternFiles().has(file), ownFolder));
        if (parts.length >= 2) {
          const { fix: _f, ...unfixed } = finding;
          const folders = [...new Set(parts.map((p) => path.relative(pattern.dir, path.dirname(p)).split(path.sep).join('/')))];
          const said = folders.map((f) => (f === '' ? 'beside it' : `in \`${f}/\``));
          report({
            ...unfixed,
            warning: true,
            message: `${finding.message} This pattern is written in parts, ${parts.length} documents it links ${said.slice(0, 2).join(' and ')}${said.length > 2 ? ' and more' : ''}: if the section is in one of them, give it this heading there or here; if not, write it.`,
          });
          continue;
        }
      }
      // (A heading of the pattern's that the template dropped in the very version that gained this
      // section — `## Internal Proposal` where `### Implementation` came in its place —: the section
      // written from the template of before, under its former outline. A warning that names it.)
      if (!finding.warning && !underHalf && mine.headings) {
        const template = catalog.templates.for(pattern.path);
        const history = index.templateHistory(template);
        const schema = sectionsById(template).get(section);
        const gained = schema && history?.since(schema);
        // (Only where that version renamed, one heading for one — as many dropped as gained —: one that
        // also added sections of its own, `## Future directions` beside a renamed `## ABI compatibility`,
        // asks for those anew.)
        const renamed = typeof gained === 'number' ? history!.changedAt(gained) : undefined;
        const former = renamed && renamed.dropped > 0 && renamed.dropped === renamed.gained ? mine.headings.find((h) => history!.retired(h) === gained) : undefined;
        if (former !== undefined) {
          const { fix: _f, ...unfixed } = finding;
          const day = new Date(gained as number).toISOString().slice(0, 10);
          report({
            ...unfixed,
            warning: true,
            message: `${finding.message} This pattern has the heading \`${former}\`, which the template dropped on ${day}, when it gained this section: written from the template's former outline, likely — a warning; rename or rework that section to the template's of today.`,
          });
          continue;
        }
      }
      if (underHalf && mostUnder) {
        const { warning: _, ...error } = finding;
        report({
          ...error,
          message: `${finding.message} Most of the catalog's patterns have under half of its sections: check that \`template\` names the template they follow.`,
        });
      } else if (!finding.warning && isDraft(pattern, catalog.config, catalog.templates.for(pattern.path))) {
        // A draft may still lack a section it is to have (as it may hold `TBD` where it will have text):
        // said, as a warning, until its status moves on.
        report({ ...finding, warning: true, message: `${finding.message} (A draft: a warning until its status moves on.)` });
      } else report(finding);
    }
  },
});

/**
 * Whether a pattern under half of its template lacks only sections the template asked for after the
 * pattern was written (its git history, or the date it gives itself): a record of an older template.
 */
function beforeItsTemplate(rel: string, found: RequiredFindings | undefined, template: TemplateSchema, history: TemplateHistory | undefined): boolean {
  const lacking = found?.underHalf ? found.missing[0]?.lacking : undefined;
  if (!lacking?.length || !history) return false;
  const byId = sectionsById(template);
  return lacking.every((id) => {
    const schema = byId.get(id);
    return schema !== undefined && history.writtenBefore(schema, rel, found!.declared);
  });
}

/** The keys of a block of `key: value` lines (a code block, or one in the template's text): three at least, else none. */
function blockKeys(code: string): string[] {
  const keys = [...code.matchAll(/^[ \t]*([A-Za-z][\w-]{0,30})[ \t]*:(?:[ \t]|$)/gm)].map((m) => m[1]!.toLowerCase());
  return keys.length >= 3 ? [...new Set(keys)] : [];
}

/**
 * A section of the author's (none of the template's) that holds a code block with every key of the
 * block of fields the template gives the missing section (three keys at least): that section under
 * another name.
 */
function sameFieldsSection(outline: OutlineMatch, schema: TemplateSection): { section: Section; keys: string[] } | undefined {
  const fence = /(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n\1/.exec(schema.body);
  const keys = fence ? blockKeys(fence[2]!) : [];
  if (keys.length === 0) return undefined;
  for (const section of outline.unknown) {
    const code = section.blocks.find((b) => b.kind === 'code');
    if (code?.kind !== 'code') continue;
    const theirs = new Set(blockKeys(code.code.content));
    if (keys.every((k) => theirs.has(k))) return { section, keys };
  }
  return undefined;
}

/** Names of the header block written as a section: `Preamble`, `Header`, `Metadata`, `Front matter`. */
const HEADER_SECTION = /^(?:preamble|header|headers|metadata|meta|meta ?data|front ?matter|document header)$/;

/** Whether a pattern opens with its header block: front matter, fields under the title, or a `<pre>` or code block before any section. */
function opensWithHeader(pattern: Pattern): boolean {
  const doc = pattern.document;
  if (doc.frontMatter || (pattern.fields && Object.keys(pattern.fields).length > 0)) return true;
  const first = doc.preamble.find((b: Block) => b.kind !== 'html' || !/^\s*<!--/.test(b.html));
  return first !== undefined && (first.kind === 'code' || (first.kind === 'html' && /^\s*<pre\b/i.test(first.html)));
}

/**
 * Sections the template makes optional for patterns of one kind ("Optional for `type: meta`
 * patterns"): not asked of a pattern whose front matter (or header field) has that value.
 */
function byKind(found: RequiredFindings['missing'], pattern: PatternView, template: TemplateSchema): RequiredFindings['missing'] {
  const byId = sectionsById(template);
  return found.filter((finding) => {
    const kind = byId.get(finding.section)?.optionalFor;
    if (!kind) return true;
    const value = headerValue(pattern, kind.key);
    return !(typeof value === 'string' && value.trim().toLowerCase() === kind.value.toLowerCase());
  });
}

/**
 * Sections the template requires from a stage on (`[required_in]: # (Provisional status and
 * above)`): not asked of a pattern at an earlier stage; an error at that stage or a later one of
 * the template's list; a warning, with nothing inserted, where the pattern's stage is not one of
 * those (a `Memorandum` listed after `Completed`, where the stages end; one the list lacks; none).
 */
function byStage(found: RequiredFindings['missing'], pattern: PatternView, template: TemplateSchema): RequiredFindings['missing'] {
  const stages = template.stages ?? [];
  const byId = sectionsById(template);
  return found.flatMap((finding) => {
    const requirement = byId.get(finding.section)?.requiredFrom;
    if (!requirement || (stages.length === 0 && !requirement.alone)) return [finding];
    const standing = stageStanding(pattern, requirement, stages);
    if (standing.kind === 'before') return [];
    if (standing.kind === 'within') return [finding];
    const key = requirement.key.toLowerCase();
    const why =
      standing.kind === 'unknown'
        ? `this pattern gives no ${key}`
        : standing.after
          ? `this pattern's ${key}, \`${standing.value}\`, comes after \`${standing.after}\`, where the template's list of stages ends`
          : `this pattern's ${key}, \`${standing.value}\`, is not one the template lists`;
    const { fix: _, keeping: __, ...rest } = finding;
    return [
      {
        ...rest,
        warning: true,
        message: `${finding.message} The template requires it ${requirement.unplaced ? whenRequired(requirement) : `from ${requirement.stage} on (“${requirement.said}”)`}, and ${why}: a warning.`,
      },
    ];
  });
}

/**
 * Whether a pattern keeps an older layout of the template: no title, and most
 * of its template sections written a level up (`# Summary` for `## Summary`),
 * at least two of them.
 */
function olderLayout(doc: MarkdownDocument, outline: OutlineMatch, template: TemplateSchema): boolean {
  if (doc.title || template.title.from !== 'heading') return false;
  const placed = outline.all.flatMap((m) => m.sections.map((s) => s.level - m.schema.level));
  return placed.length >= 2 && placed.filter((off) => off === -1).length * 3 >= placed.length * 2;
}

/**
 * Without the sections the template had when it was first committed (its git history says so): those
 * the older patterns lack were asked of them all along — but of the patterns committed before the
 * template itself, written before there was one. Kept where the history cannot be read (no git, a
 * shallow clone).
 */
function hadFromTheStart(
  eras: Map<string, Era>,
  template: TemplateSchema,
  history: TemplateHistory | undefined,
  lacking: Map<string, Set<string>>,
  /** The dates patterns give themselves (see `declaredDate`), by path: they existed by then, whatever git says. */
  declared: Map<string, number> = new Map(),
  /** The other patterns of the same text, word for word, by path (see `copiesBy`). */
  copies: Map<string, readonly string[]> = new Map(),
): Map<string, Era> {
  if ((eras.size === 0 && lacking.size === 0) || history === undefined) return eras;
  const byId = sectionsById(template);
  const out = new Map<string, Era>();
  // (A copy of another pattern, word for word — `FSharp-10.0/x.md` of `FSharp-6.0/x.md`, committed
  // years later —: written when that one was.)
  const written = (p: string) => Math.min(...[p, ...(copies.get(p) ?? [])].map((q) => history.written(q, declared.get(q)) ?? Infinity));
  const committed = (p: string) => history.added(p) ?? Infinity;
  // A section the template gained after its first version (the history says when): the patterns
  // committed before then that lack it were written without it — each one, however few.
  for (const [id, paths] of lacking) {
    const section = byId.get(id);
    const gained = section && history.since(section);
    if (gained === undefined || gained === 'first') continue;
    const older = [...paths].filter((p) => written(p) < gained);
    if (older.length === 0) continue;
    const date = new Date(gained).toISOString().slice(0, 10);
    const era = eras.get(id);
    // (Dated by the date it gives itself, `November 2013` under its title, where git has it later: imported or moved since.)
    const dated = older.some((p) => committed(p) >= gained);
    // (Those the catalog's numbering alone counts among the older, `gainedLater`'s: of the era still —
    // a proposal is written before it is merged —, but said with that reason, which is a guess, not
    // with git's, which their history contradicts.)
    const byNumber = [...(era?.patterns ?? [])].filter((p) => !older.includes(p));
    out.set(id, {
      patterns: new Set([...older, ...byNumber]),
      ...(era && byNumber.length > 0 ? { guessed: { patterns: new Set(byNumber), reason: era.reason } } : {}),
      reason: dated
        ? `The template gained it on ${date}, after this pattern was written (its git history, or the date it gives itself)`
        : `The template gained it on ${date}, after this pattern was committed (its git history)`,
      known: true,
    });
  }
  const fromTheStart = (id: string) => {
    const section = byId.get(id);
    return section !== undefined && history.since(section) === 'first';
  };
  for (const [id, era] of eras) {
    if (out.has(id)) continue;
    if (!fromTheStart(id)) {
      out.set(id, era);
      continue;
    }
    const older = [...era.patterns].filter((p) => written(p) < history.first);
    if (older.length > 0)
      out.set(id, {
        patterns: new Set(older),
        reason: `${older.length === 1 ? 'it was' : `${older.length} of them were`} committed before the template's first version, which has it`,
      });
  }
  // A section the template had from its first version, lacked by a pattern written before that
  // version (committed, or dated by itself, earlier): written before there was a template.
  const firstDate = new Date(history.first).toISOString().slice(0, 10);
  for (const [id, paths] of lacking) {
    if (out.has(id) || eras.has(id) || !fromTheStart(id)) continue;
    const older = [...paths].filter((p) => written(p) < history.first);
    if (older.length === 0) continue;
    const dated = older.some((p) => committed(p) >= history.first);
    out.set(id, {
      patterns: new Set(older),
      reason: `This pattern was written before the template's first version (${firstDate}), which has it (${dated ? 'its git history, or the date it gives itself' : 'its git history'})`,
      known: true,
    });
  }
  return out;
}

/** The date a pattern that lacks a section gives itself (`declaredDate`), kept for `hadFromTheStart`. */
function declaredOf(pattern: Pattern, missing: RequiredFindings['missing']): { declared?: number; digest: string } | undefined {
  if (missing.length === 0) return undefined;
  const date = declaredDate(pattern);
  const digest = createHash('sha1').update(pattern.document.source).digest('base64');
  return date === undefined ? { digest } : { declared: date, digest };
}

/** The dates patterns give themselves, by path, where they lack a section. */
function declaredBy<P extends { path: string; movedTo?: string }>(patterns: readonly P[], collected: (p: P) => RequiredFindings | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of patterns) {
    const date = p.movedTo === undefined ? collected(p)?.declared : undefined;
    if (date !== undefined) out.set(p.path, date);
  }
  return out;
}

/** Of each pattern lacking a section whose text another has word for word (a copy kept in another folder), the others' paths. */
function copiesBy<P extends { path: string; movedTo?: string }>(
  patterns: readonly P[],
  collected: (p: P) => RequiredFindings | undefined,
): Map<string, readonly string[]> {
  const bySource = new Map<string, string[]>();
  for (const p of patterns) {
    const digest = p.movedTo === undefined ? collected(p)?.digest : undefined;
    if (digest !== undefined) (bySource.get(digest) ?? bySource.set(digest, []).get(digest)!).push(p.path);
  }
  const out = new Map<string, readonly string[]>();
  // (Of the same name in another folder, `FSharp-6.0/x.md` and `FSharp-10.0/x.md`: a new document
  // started as a copy of an old one has a name of its own.)
  for (const paths of bySource.values())
    if (paths.length > 1)
      for (const p of paths)
        out.set(
          p,
          paths.filter((q) => q !== p && path.basename(q) === path.basename(p) && path.dirname(q) !== path.dirname(p)),
        );
  return out;
}

/** Of each required section some pattern lacks, the patterns that lack it (by section id). */
function lackingBy<P extends { path: string; movedTo?: string }>(patterns: readonly P[], collected: (p: P) => RequiredFindings | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of patterns) {
    if (p.movedTo !== undefined) continue;
    for (const m of collected(p)?.missing ?? []) {
      if (m.underHalf) continue;
      const set = out.get(m.section) ?? new Set<string>();
      out.set(m.section, set.add(p.path));
    }
  }
  return out;
}

/** The patterns written before the template asked for a section, and why that is likely. */
interface Era {
  patterns: Set<string>;
  reason: string;
  /** Told by the template's git history, not guessed: `reason` is the whole sentence. */
  known?: true;
  /** Patterns of the era by the catalog's numbering alone (git has them written later): the guess's reason, said as one. */
  guessed?: { patterns: Set<string>; reason: string };
}

/** Of a catalog's patterns, at least this many must lack a section before its absence is read as their era's. */
const ERA_MIN = 3;

/**
 * Sections the template gained after some of the catalog's patterns were
 * written, and which patterns those are: a required section that nearly all of
 * the older patterns lack and nearly all later ones have. Older by any of
 * three signs the catalog gives: its numbering (the first patterns by number,
 * where at least half lack it, and one or at most one in twenty after them),
 * the dates its patterns say they were written (a quarter lack it before a
 * date, few since: see `eraCut`), or an older layout of the template (no title, sections a level up: 80% of those
 * patterns lack it, at most 20% of the others). By section id: the patterns,
 * and the counts said in the message.
 */
function gainedLater<P extends { path: string; movedTo?: string } & Pick<PatternView, 'frontMatter' | 'fields'>>(
  patterns: readonly P[],
  collected: (p: P) => RequiredFindings | undefined,
): Map<string, { patterns: Set<string>; reason: string }> {
  const live = patterns.filter((p) => p.movedTo === undefined).map((p) => ({ path: p.path, found: collected(p), created: createdAt(p) }));
  const lacking = new Map<string, Set<string>>();
  for (const { path, found } of live) {
    if (!found || found.underHalf) continue;
    // (A section a heading of the author's may stand in for is missing under its name all the same.)
    for (const m of found.missing) if (m.section && (!m.warning || m.guess)) (lacking.get(m.section) ?? lacking.set(m.section, new Set()).get(m.section)!).add(path);
  }
  const out = new Map<string, { patterns: Set<string>; reason: string }>();
  if (lacking.size === 0) return out;
  const numbered = live
    .map((p) => ({ path: p.path, n: seriesNumber(p.path) }))
    .filter((p): p is { path: string; n: number } => p.n !== undefined)
    .sort((a, b) => a.n - b.n);
  // By the date each says it was written, where most of the catalog's patterns say one.
  const dated = live.filter((p): p is typeof p & { created: number } => p.created !== undefined).sort((a, b) => a.created - b.created);
  const byDate = dated.length * 2 > live.length ? dated : [];
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const older = new Set(live.filter((p) => p.found?.olderLayout).map((p) => p.path));
  for (const [section, paths] of lacking) {
    const era = new Set<string>();
    const reasons: string[] = [];
    // By number: the longest run of the first patterns that is an era of its own (at least half lack it).
    const first = eraCut(numbered, paths, 2, 1);
    if (first) {
      for (const p of numbered.slice(0, first.cut)) if (paths.has(p.path)) era.add(p.path);
      reasons.push(
        `${first.before} of the catalog's first ${first.cut} patterns by number (up to ${numbered[first.cut - 1]!.n}) lack it, ${first.after} of the ${numbered.length - first.cut} after them`,
      );
    }
    // By date: the patterns written before the date since which (nearly) every one has it. A
    // date says when a pattern was written, so a quarter lacking it before then is an era: the
    // template did not ask for it (some authors wrote it anyway).
    const since = eraCut(byDate, paths, 4, 0.5, true);
    if (since) {
      for (const p of byDate.slice(0, since.cut)) if (paths.has(p.path)) era.add(p.path);
      reasons.push(
        `${since.before} of the ${since.cut} patterns written before ${day(byDate[since.cut]!.created)} lack it, ${since.after} of the ${byDate.length - since.cut} written since`,
      );
    }
    // By layout.
    if (older.size >= ERA_MIN && older.size * 10 >= live.length) {
      const oldLacking = [...older].filter((p) => paths.has(p)).length;
      const others = live.length - older.size;
      const newLacking = paths.size - oldLacking;
      if (oldLacking * 5 >= older.size * 4 && newLacking * 5 <= others) {
        for (const p of older) if (paths.has(p)) era.add(p);
        reasons.push(`${oldLacking} of the ${older.size} patterns of the older layout (no title, sections a level up) lack it, ${newLacking} of the ${others} others`);
      }
    }
    if (era.size > 0) out.set(section, { patterns: era, reason: reasons.join('; ') });
  }
  return out;
}

/**
 * The longest run of the first patterns of `ordered` that lack a section as an
 * era of its own: at least `ERA_MIN` and one in `share` of them lack it, and
 * one, or at most one in twenty, of the patterns after them (or, `gradual`, a
 * share of them a sixth of the share before at most), which are at least
 * `rest` times as many as they. One pass: the lacking ones after a cut are all
 * of them less those before it.
 */
function eraCut(
  ordered: readonly { path: string }[],
  lacking: ReadonlySet<string>,
  share: number,
  rest: number,
  gradual = false,
): { cut: number; before: number; after: number } | undefined {
  const total = ordered.filter((p) => lacking.has(p.path)).length;
  let best: { cut: number; before: number; after: number } | undefined;
  for (let k = 1, lack = 0; k <= ordered.length; k++) {
    if (lacking.has(ordered[k - 1]!.path)) lack++;
    else continue;
    const after = total - lack;
    const later = ordered.length - k;
    // (By date, also where the share lacking it after the cut is a sixth of the share before at most:
    // a section the catalog's authors took up over a year or two, not at once.)
    const fewAfter = after <= 1 || after * 20 <= later || (gradual && after * k * 6 <= lack * later);
    if (lack >= ERA_MIN && lack * share >= k && fewAfter && later >= k * rest) best = { cut: k, before: lack, after };
  }
  return best;
}

/** The number a pattern carries in its name (`0042-retry.md`, `rfc-0042/README.md`, `eip-1559.md`), if any. */
function seriesNumber(file: string): number | undefined {
  const parts = file.split('/');
  let name = parts.at(-1)!.replace(/\.[^.]+$/, '');
  if (/^(readme|index)$/i.test(name) && parts.length > 1) name = parts.at(-2)!;
  const m = /\d+/.exec(name);
  return m ? Number(m[0]) : undefined;
}

function missingReports(
  pattern: Pattern,
  outline: OutlineMatch,
  template: TemplateSchema,
  title: string,
  whole = false,
  levelsFixed = true,
): RequiredFindings['missing'] {
  const doc = pattern.document;
  if (outline.missing.length === 0) return [];
  // A file that has fewer than half of the template's required top-level sections may not be
  // written from this template at all (another kind of document, another template): one finding
  // says so, instead of a missing section for every section it lacks, and nothing is inserted.
  // A warning: whether the file is a pattern at all is a guess (an index page, a generation source,
  // a pattern older than the template are the usual ones), and an error may not be a guess.
  if (!whole && underHalf(outline, template, pattern)) {
    const asks = askedAtStage(template, pattern);
    const asked = template.sections.filter((s) => !s.optional && asks(s));
    const present = outline.matches.filter((m) => !m.schema.optional && asks(m.schema)).length;
    const lacking = outline.missing.filter((m) => !m.parent && asks(m.schema));
    const names =
      lacking
        .slice(0, 4)
        .map((m) => schemaLabel(m.schema))
        .join(', ') + (lacking.length > 4 ? ` and ${lacking.length - 4} more` : '');
    return [
      {
        // Never a slot's: said whatever the catalog's slots.
        section: '',
        underHalf: true,
        warning: true,
        lacking: lacking.map((m) => m.schema.id),
        of: [present, asked.length],
        message: `This file has ${present} of the ${asked.length} sections the template asks for (it lacks ${names}): if it is a pattern, write them; if it is not, leave it out with \`exclude\` in the configuration. No fix is offered: it may not follow this template.`,
        line: doc.title?.range.start.line ?? 1,
      },
    ];
  }
  // Text inserted after a fence that is never closed would be read as code, and found missing again.
  const unclosed = runawayFence(doc);
  // Sections the author wrote after that fence are inside it: one finding names the cause, not one per section.
  const swallowed = unclosed ? swallowedBy(unclosed, outline.missing) : [];
  const reports: RequiredFindings['missing'] = [];
  if (unclosed && swallowed.length > 0) {
    const names = swallowed
      .slice(0, 3)
      .map((m) => schemaLabel(m.schema))
      .join(', ');
    const fence = /(`{3,}|~{3,})/.exec(doc.lines.lineText(unclosed.range.start.line))?.[1] ?? '```';
    reports.push({
      section: '',
      message: `${swallowed.length === 1 ? 'The template section' : `${swallowed.length} template sections`} ${names}${swallowed.length > 3 ? ` and ${swallowed.length - 3} more` : ''} ${swallowed.length === 1 ? 'is' : 'are'} written inside the code block opened with “${fence}” on line ${unclosed.range.start.line}, which is never closed: everything after it is read as code. Add a “${fence}” line where its code ends, and they count.`,
      line: unclosed.range.start.line,
      ...(swallowed.every((m) => m.schema.recommended) ? { warning: true } : {}),
    });
    outline = { ...outline, missing: outline.missing.filter((m) => !swallowed.includes(m)) };
  }
  // Sections the pattern has somewhere (at their place or not): never inserted a second time.
  const had = sectionsHad(outline);
  // Headings the author wrote anywhere at the section's level, by name (`### Goals` under their own
  // `## Returning to Motivation`): a section of that name is never inserted beside them, nor as a
  // sub-section. (A topic's own `#### References` is no reason to keep `## References` out.)
  const written = new Set(doc.headings.map((h) => `${h.level} ${variantKey(h.text)}`));
  const writtenAlready = (s: TemplateSection) => written.has(`${s.level} ${variantKey(s.name)}`);
  // A heading that holds the pattern's name (`## Intent of [Pattern Title]`) gets it, as `new` writes it.
  const placeholder = titlePlaceholder(template);
  // A pattern whose whole outline is the same levels off the template's (an older layout, `# Summary`
  // for `## Summary`) gets the sections it lacks at its own levels: at the template's, they would break
  // the one layout it keeps (and the one finding that says so).
  // (Only where heading-level moves no heading of it: a pattern without its title. With a title, that
  // fix moves the whole outline to the template's levels, and a section inserted at those is right.)
  // (So does one whose title is kept in front matter, where heading-level moves none of it either: its
  // first heading, `## Abstract` for the Summary, would be read as the title at H1.)
  // (Not where the author's headings are off by more than one amount — `# Motivation` for `##
  // Motivation` beside `# Goals` for `### Goals` — as many off otherwise as by that: heading-level
  // moves each of them to the template's level, where an inserted section then belongs too.)
  const off = outlineShift(outline);
  const keptDown = raisedIntoTitle(doc, template, doc.headings[0], -off);
  const shift = (!doc.title && template.title.from === 'heading') || keptDown ? off : 0;
  // A pattern that writes most of its sections a level off the template's and some at it (which
  // heading-level leaves to the author): a section inserted at the template's level would tip the
  // balance, and the one warning would become an error for each heading. Nothing is inserted.
  const levels = outline.all.flatMap((m) => m.sections.map((x) => x.level - m.schema.level - shift));
  // (So does one whose every template section in place is off, with one out of place at the template's
  // level inside them — `## Alternatives` under the author's `# Proposal`, where heading-level moves
  // none of them: a section inserted at the template's level would stand among them at another.)
  const mostlyOff =
    (levels.filter((d) => d !== 0).length * 2 > levels.length && levels.some((d) => d === 0)) ||
    (levels.length > 0 && levels.every((d) => d !== 0) && outline.misplaced.some((m) => m.schema.path.length === 1 && m.section.level - m.schema.level - shift === 0));
  // A pattern that underlines its sections' headings (`Abstract` over `====`, as a catalog's own
  // Markdown checks may ask) gets the sections it lacks written the same way.
  const own = doc.headings.filter((h) => h.level <= 2 && h !== doc.title);
  const setext = own.length > 0 && own.filter((h) => h.setext).length * 2 > own.length;
  // Its siblings written at its parent's level (`## Positive` after `## Consequences`): heading-level
  // moves them first; inserted now, it would stand before them. (The next pass of --fix inserts it.)
  // So do the sub-sections of the section before it written at that one's level (`## Requirements`
  // after `## Motivation`, where the template has `### Requirements` in it): inserted now, it would
  // stand between them and the section heading-level moves them under, and take them in.
  const siblingsUp = (missing: MissingSection) =>
    (missing.parent !== undefined &&
      outline.misplaced.some((m) => missing.parent!.schema.children.includes(m.schema) && m.section.level === missing.parent!.sections[0]?.level)) ||
    (missing.after !== undefined &&
      outline.misplaced.some(
        (m) =>
          isUnder(m.schema, missing.after!.schema) &&
          m.section.level === missing.after!.sections[0]?.level &&
          m.section.range.start.offset > missing.after!.sections.at(-1)!.range.start.offset,
      ));
  // Headings deeper than it right after where it would go (`### Baking Steps`, still under the
  // author's `## Kitchen Layout`): inserted there, it would take them in as its own sub-sections —
  // but for its own sub-sections, written already, which are to be under it.
  const schemaOf = new Map<Heading, TemplateSection>([
    ...outline.all.flatMap((m) => m.sections.map((s) => [s.heading, m.schema] as [Heading, TemplateSection])),
    ...outline.misplaced.map((m) => [m.section.heading, m.schema] as [Heading, TemplateSection]),
  ]);
  /** The level the missing section is written at here (the pattern's outline may stand a level off). */
  const levelHere = (missing: MissingSection): number => Math.min(Math.max(missing.schema.level + shift, 1), 6);
  const adopts = (missing: MissingSection, offset: number): boolean => {
    const level = levelHere(missing);
    const next = doc.headings.find((h) => h.range.start.offset >= offset && h !== doc.title);
    if (!next || next.level <= level) return false;
    const its = schemaOf.get(next);
    return !(its && isUnder(its, missing.schema));
  };
  // …nor where the heading it would stand under is not its parent's (`## Aim` inserted after the text
  // of a `# Summary` written a level up: it would be that section's sub-section).
  const misparented = (missing: MissingSection, offset: number): boolean => {
    const level = levelHere(missing);
    const over = doc.headings.filter((h) => h.range.start.offset < offset && h.level < level).at(-1);
    if (!over) return false;
    return missing.parent ? !missing.parent.sections.some((s) => s.heading === over) : over !== doc.title;
  };
  const named = (text: string) => (placeholder ? withName(text, placeholder, title) : text);
  // The template's first section (none it puts before it here), where only the author's own sections
  // stand above the next one it has — `## Motivation`, `## Design` over the `## Licence`: it goes
  // above them, first, not at the end of them.
  const placed = claimedSections(outline);
  const names = new Set(flattenSections(template.sections).map((t) => variantKey(t.heading)));
  // (Nor above a heading of the author's that holds one named as a template section, `### Motivation`
  // under `## Introduction`, nor a table of contents: each says something of where sections go.)
  const within = (s: Section): boolean => placed.has(s) || names.has(variantKey(s.title)) || NAVIGATION.test(foldHeading(s.title)) || s.children.some(within);
  const goesFirst = (missing: MissingSection): Section | undefined => {
    const before = missing.before?.sections[0];
    if (!before || missing.parent || missing.after || missing.before?.schema.level !== missing.schema.level) return undefined;
    const top = doc.sections.flatMap((s) => (s.heading === doc.title ? s.children : [s]));
    const above = top.filter((s) => s.range.start.offset < before.range.start.offset);
    return above.length > 0 && above.every((s) => s.level === missing.schema.level && !within(s)) ? above[0] : undefined;
  };
  const candidates = new Set(boilerplateSections(template).map((c) => c.section));
  // The pattern's sections that stand for the template's sections it puts after each missing one,
  // written out of their place (`### Notes` inside the Design for the closing `## Note`): a missing
  // section goes before them, where the template has it, not after them.
  const order = templateOrder(template);
  const placing = (missing: MissingSection): Placing => ({
    first: goesFirst(missing),
    level: levelHere(missing),
    later: (x) => (order.get(schemaOf.get(x.heading)!) ?? -1) > (order.get(missing.schema) ?? Infinity),
  });
  // The author's own sections at each missing section's place (see `ownAtPlace`), worked out once: where
  // the sections around it go, and what is said of it.
  const atPlace = new Map<MissingSection, ReturnType<typeof ownAtPlace>>();
  const ownAt = (m: MissingSection): ReturnType<typeof ownAtPlace> => {
    let found = atPlace.get(m);
    if (!found) atPlace.set(m, (found = ownAtPlace(doc, outline, m, template)));
    return found;
  };
  const steadOf = (m: MissingSection): Section | undefined => {
    const own = ownAt(m);
    return own.stead && own.sections.length === 1 ? own.sections[0] : undefined;
  };
  const places = outline.missing.map((missing) => {
    const text = missingSectionText(missing.schema, had, writtenAlready, shift, undefined, setext);
    const place = insertion(doc, afterStandIns(missing, outline.missing, steadOf), named(text), placing(missing));
    // The same with the text of the sections that may be boilerplate written out (the catalog decides: see `check`).
    if (candidates.size === 0) return { ...place, keeping: undefined };
    const inserted: string[] = [];
    const keep = (s: TemplateSection): boolean => {
      if (candidates.has(s)) inserted.push(s.id);
      return candidates.has(s);
    };
    const keepText = missingSectionText(missing.schema, had, writtenAlready, shift, keep, setext);
    const keeping: Keeping | undefined =
      inserted.length > 0
        ? { sections: inserted, text: insertion(doc, afterStandIns(missing, outline.missing, steadOf), named(keepText), placing(missing)).insert }
        : undefined;
    return { ...place, keeping };
  });
  const missingOnes = outline.missing;
  return reports.concat(
    missingOnes.map((missing, k) => {
      const { offset, line, insert, keeping } = places[k]!;
      const inCode = unclosed !== undefined && offset >= unclosed.range.start.offset;
      // Its sub-sections written elsewhere in the pattern (`## Test Plan` at the top, where the template
      // has it under this `## Design Details`): inserted, it would stand empty away from them. Only
      // where they follow right after it does the next pass nest them under it.
      const strays = outline.misplaced.filter((m) => isUnder(m.schema, missing.schema)).map((m) => m.section.heading.range.start.offset);
      const lastStray = Math.max(...strays);
      const apart =
        strays.length > 0 &&
        (Math.min(...strays) < offset ||
          // Another missing section inserted at the same point after it would stand between them too.
          places.some((p, j) => j > k && p.offset === offset && !isUnder(outline.missing[j]!.schema, missing.schema)) ||
          doc.headings.some(
            (h) => h.level <= missing.schema.level && h.range.start.offset >= offset && h.range.start.offset < lastStray && !strays.includes(h.range.start.offset),
          ));
      // A heading of the author's alone at its place may be it in other words: a warning that names
      // it, and nothing inserted beside it.
      // Its heading commented out by the author (`<!--## Consequences-->`): left out on purpose, as
      // visibly as a catalog can say "does not apply". A warning that says so; nothing inserted.
      const hidden = commentedOut(doc, missing.schema);
      if (hidden !== undefined) {
        return {
          section: missing.schema.id,
          message: `Section ${schemaLabel(missing.schema)} is commented out on line ${hidden} (its heading is inside \`<!-- -->\`): if it does not apply to this pattern, keep it so; if it does, remove the comment marks and write it.`,
          range: { start: doc.lines.point(hidden, 1), end: doc.lines.point(hidden, 1) },
          expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
          warning: true,
        };
      }
      const standIn = missing.standIn;
      if (standIn) {
        return {
          section: missing.schema.id,
          message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}, where this pattern has ${headingLabel(standIn)}: if that is the section in other words, rename it or accept its name with \`aliases\` under \`sections\` in the configuration; if not, write the section.`,
          range: plainRange(standIn.heading.range),
          expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
          warning: true,
          guess: true as const,
        };
      }
      // Its very name one level down, under a section of the author's (`## Introduction` over `###
      // Motivation`): the section wrapped in the author's own, likely. A warning that names it; a
      // second one is never inserted. (Further down, `#### References` under each topic, it is the
      // topics' own: the section is inserted as usual.)
      const wrapped = missing.schema.children.length === 0 ? wrappedIn(doc, outline, missing, template) : undefined;
      if (wrapped) {
        return {
          section: missing.schema.id,
          message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}, where this pattern has ${headingLabel(wrapped.section)} under its own ${headingLabel(wrapped.parent)}: if that is the section, make it level ${missing.schema.level} (\`${'#'.repeat(missing.schema.level)} ${wrapped.section.heading.text}\`).`,
          range: plainRange(wrapped.section.heading.range),
          expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
          warning: true,
        };
      }
      // Its parent's heading written with its name joined on (`## Design & Implementation Overview`
      // for `## Design` over `### Implementation Overview`, `## Motivation and Problems`): the two sections in one, likely. A
      // warning that names the heading; nothing inserted under it.
      const naming = (heading: string) => holdsName(heading, missing.schema.name) || nameParts(heading).includes(variantKey(missing.schema.name));
      const joinedInto = missing.parent?.sections.find((s) => naming(s.title) && !naming(missing.parent!.schema.name));
      if (joinedInto) {
        return {
          section: missing.schema.id,
          message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}: this pattern's ${headingLabel(joinedInto)} names it with its parent ${schemaLabel(missing.parent!.schema)}, one section for the two. If that is meant, keep it so; the template has them apart (\`${'#'.repeat(missing.schema.level)} ${missing.schema.name}\` under \`${'#'.repeat(missing.parent!.schema.level)} ${missing.parent!.schema.name}\`).`,
          range: plainRange(joinedInto.heading.range),
          expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
          warning: true,
        };
      }
      // Its name deeper down under topics of the author's (`#### Alternatives` under each part of
      // the proposal): written per topic, likely. A warning that names them; nothing inserted.
      const spread = wrapped ? [] : spreadUnder(doc, outline, missing, template);
      if (spread.length > 0) {
        return {
          section: missing.schema.id,
          message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}, where this pattern has ${headingLabel(spread[0]!)} under each of its topics (lines ${spread.map((x) => x.heading.range.start.line).join(', ')}), deeper than the template puts it: if that is the section, written topic by topic, keep it so; if not, write the section.`,
          range: { start: doc.lines.point(line, 1), end: doc.lines.point(line, 1) },
          expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
          warning: true,
        };
      }
      // The template's first section, missing, where the pattern has text right under its title and
      // the template none (`# Smaller images`, a paragraph, then `## Motivation`): that text is the
      // section without its heading. A warning; the fix puts the heading above the text, never an
      // empty section below it.
      // The template's section of header fields (`## Preamble` over a block of `Key: value` lines),
      // missing, where the pattern opens with such a block before its first section: that block is the
      // section without its heading. A warning; the fix puts the heading above the block.
      // (Each of these: a warning at that line, whose fix puts the heading above it.)
      const headingAbove = (at: number, said: string) => {
        const offset = doc.lines.lineStart(at);
        // (Never above the pattern's next section at a deeper level than that section stands, unless it
        // is one of its own sub-sections: `# Meta` over the fields of a pattern whose sections are `##`
        // under its title would take `## Overview` and all after it. Written at that section's level
        // there, where it is one of the template's; else no fix.)
        // (Read at the level heading-level's fix leaves it, where that moves the whole outline in the
        // same run — `## Overview` to `# Overview` —: `# Meta` then stands beside it, not `## Meta` among
        // sections made H1s.)
        const next = flattenSections(doc.sections).find((x) => x.heading.range.start.offset >= offset);
        const nextSchema = next ? outline.all.find((m) => m.sections.includes(next))?.schema : undefined;
        const nextLevel = next ? next.level - (levelsFixed && off !== 0 && shift === 0 && !mostlyOff ? off : 0) : 0;
        const swallows = next !== undefined && nextLevel > missing.schema.level && !(nextSchema && isUnder(nextSchema, missing.schema));
        const level = swallows ? (nextSchema && !missing.parent ? next.level : undefined) : missing.schema.level;
        return {
          section: missing.schema.id,
          message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}: ${said}`,
          range: { start: doc.lines.point(at, 1), end: doc.lines.point(at, 1) },
          expected: `${'#'.repeat(level ?? missing.schema.level)} ${missing.schema.name}`,
          warning: true,
          ...(inCode || missing.schema.name !== missing.schema.heading || level === undefined
            ? {}
            : { fix: { range: [offset, offset] as [number, number], text: `${'#'.repeat(level)} ${missing.schema.heading}\n\n` } }),
        };
      };
      // The template's table of contents, there as a list of links to the pattern's own headings without
      // its heading (a bare list under the title, or under a label line: `Contents:`, `**Table of
      // Contents**` as generators write it): said, nothing inserted (a second contents would follow).
      const contents = contentsWithoutHeading(doc, missing.schema);
      if (contents) {
        return {
          section: missing.schema.id,
          message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}: the list of links to this pattern's own headings on line ${contents.list} is its contents${contents.label ? `, under the label ${quote(contents.label)} on line ${contents.labelLine}` : ''}, without its heading. If that list is kept by hand, give it the heading \`${'#'.repeat(missing.schema.level)} ${missing.schema.heading}\`; if a generator writes it, set the generator's title to it, or make the section optional under \`sections\` in the configuration.`,
          range: { start: doc.lines.point(contents.labelLine ?? contents.list, 1), end: doc.lines.point(contents.labelLine ?? contents.list, 1) },
          expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
          warning: true,
        };
      }
      // Its name written as a line of text of its own (`Reviews`, `**Reviews**`, as a document exported
      // from an editor keeps it): the heading without its marks. The fix makes that line the heading.
      const asText = nameAsText(doc, missing);
      if (asText) {
        const heading = `${'#'.repeat(missing.schema.level)} ${missing.schema.heading}`;
        // (Not where it stands inside a section of the author's, `**Security Concerns (noopener)**` among
        // the paragraphs of their `## Callbacks`: made a heading, it would take the rest of their section.)
        const insideOwn = flattenSections(doc.sections).some(
          (s) =>
            s.heading !== doc.title && s.range.start.offset < asText.range.start.offset && s.range.end.offset >= asText.range.end.offset && outline.unknown.includes(s),
        );
        return {
          section: missing.schema.id,
          message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}: its name stands on line ${asText.range.start.line} as a line of text (${quote(asText.text)}), not a heading. Make it \`${heading}\`.`,
          range: plainRange(asText.range),
          expected: heading,
          warning: true,
          ...(inCode || insideOwn || missing.schema.name !== missing.schema.heading
            ? {}
            : { fix: { range: [asText.range.start.offset, asText.range.end.offset] as [number, number], text: heading } }),
        };
      }
      const fields = fieldsWithoutHeading(doc, template, missing);
      if (fields)
        return headingAbove(fields.start.line, `the block of fields on line ${fields.start.line} is what the template puts under it. Add the heading above that block.`);
      // The template's own text of the section, which stays in every pattern (a licence line), there
      // without its heading — after a `---` closing the section before: the section but its heading.
      const kept = keptWithoutHeading(doc, template, missing);
      if (kept) {
        const under = flattenSections(doc.sections)
          .filter((s) => s.range.start.offset <= kept.range.start.offset && s.range.end.offset >= kept.range.end.offset && s.heading !== doc.title)
          .at(-1);
        // (The whole text of a heading of the author's, `## Copyright` over the template's licence
        // line: the heading added above it would leave theirs empty. Said; the author renames it.)
        if (under && under.blocks.find(isVisible)?.range.start.offset === kept.range.start.offset) {
          return {
            section: missing.schema.id,
            message: `Missing section ${schemaLabel(missing.schema)}, expected ${where(missing)}: its text as the template writes it is on line ${kept.range.start.line}, the text of ${headingLabel(under)}. If that heading is this section in other words, rename it \`${'#'.repeat(missing.schema.level)} ${missing.schema.name}\`, or accept its name with \`aliases\` under \`sections\` in the configuration.`,
            range: plainRange(under.heading.range),
            expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
            warning: true,
          };
        }
        return headingAbove(
          kept.range.start.line,
          `its text as the template writes it is on line ${kept.range.start.line}${under ? `, under ${headingLabel(under)}` : ''}, without its heading. Add the heading above that text.`,
        );
      }
      const lead = leadText(doc, template, missing);
      if (lead)
        return headingAbove(
          lead.block.range.start.line,
          lead.contents
            ? `the text after the contents (${headingLabel(lead.contents)}) stands where it goes. Add the heading above that text.`
            : 'the text under the title stands where it goes (the template has no text there). Add the heading above that text.',
        );
      // A section named for its parts whose parts stand at its level instead (`## Impact`, `## Cost`
      // for `## Impact, Cost, and Risk` over `### Impact`…): it is there in all but its heading.
      // (Or its sub-sections, one at least, standing at its level at its place — `## Suggested
      // implementation timeline` where `## Timeline` goes over it —: the heading above them left out.)
      const slotFrom = missing.after?.sections.at(-1)?.range.start.offset ?? -1;
      const slotTo = missing.before?.sections[0]?.range.start.offset ?? Infinity;
      const upHere = outline.misplaced.filter((m) => missing.schema.children.includes(m.schema) && m.section.level === missing.schema.level);
      const inSlot = upHere.filter((m) => m.section.range.start.offset > slotFrom && m.section.range.start.offset < slotTo);
      // (Only a heading over its sub-sections, no text of its own in the template: `## Proposal` over
      // `### User Stories` asks for the proposal itself, which a sub-section standing there is not.)
      // (A note in a comment asks for text as plainly: `<!-- This section should contain … -->`.)
      const grouping = !/\p{L}/u.test(missing.schema.body.split(/^ {0,3}#{1,6}[ \t]/m)[0]!);
      const parts = joinedParts(missing.schema) ? upHere : grouping && inSlot.length === upHere.length ? inSlot : [];
      const partsUp =
        parts.length >= (joinedParts(missing.schema) ? 2 : 1)
          ? ` This pattern writes ${joinedParts(missing.schema) ? 'its parts' : parts.length === 1 ? 'its sub-section' : 'its sub-sections'} at its level (${parts.map((m) => headingLabel(m.section)).join(', ')}): add the heading above ${parts.length === 1 ? 'it and move it' : 'them and move them'} a level down.`
          : '';
      // Headings of the author's at its place (`## Shipper daemon`, `## Rollout plan` where the Proposal
      // goes): they may be it, in other words and parts. Said; nothing inserted beside them.
      const { sections: own, stead } = partsUp ? { sections: [], stead: false } : ownAt(missing);
      const down = partsUp || own.length > 0 ? undefined : downUnder(outline, missing);
      const joint = partsUp || own.length > 0 || down ? undefined : joinedKindred(outline, missing, template);
      const byName = partsUp || down || joint ? [] : namedElsewhere(doc, outline, missing);
      // (Or, with none of those, one or two headings of the author's at its level elsewhere in kindred
      // words: `## Background` above the `## Objective` where the Motivation goes after it.)
      const talked = partsUp || down || joint || byName.length > 0 || own.length > 0 ? [] : talkedOfElsewhere(doc, outline, missing, template);
      // (Or headings of the author's elsewhere, every word of which its guidance asks for: `## Goals`
      // and `## Non-goals` after the Background, where the Objective's guidance asks "What are the
      // goals and non-goals?".)
      const asked = partsUp || down || joint || byName.length > 0 || own.length > 0 || talked.length > 0 ? [] : askedForElsewhere(doc, outline, missing, template);
      // (Never one that says its opposite: `## Goals` is no `## Non-Goals`.)
      const named = (byName.length > 0 ? byName : talked.length > 0 ? talked : asked).filter((s) => !negatedName(s.title, missing.schema.heading));
      const elsewhere = named.filter((s) => !own.includes(s));
      const elsewhereLabels = elsewhere.map((s) => `${headingLabel(s)} on line ${s.heading.range.start.line}`).join(', ');
      // (Or a section of the author's, under a name of its own, that holds the very block of fields the
      // template gives this one — `## Document metadata` with the `title:`, `author:`, `date:`… of the
      // template's `### Data Provenance` —: the section under another name.)
      const fieldsTwin = partsUp || down || joint || own.length > 0 || named.length > 0 ? undefined : sameFieldsSection(outline, missing.schema);
      const twinText = fieldsTwin
        ? ` This pattern has ${headingLabel(fieldsTwin.section)} on line ${fieldsTwin.section.heading.range.start.line}, which holds the block of fields the template gives it (${fieldsTwin.keys
            .slice(0, 3)
            .map((k) => `\`${k}\``)
            .join(', ')}…): the section under another name, likely — rename it to the template's (a warning).`
        : '';
      const ownText = down
        ? ` This pattern has ${headingLabel(down.section)} under ${headingLabel(down.under)}, a level down: if that is the section in other words, raise it a level and rename it; if not, write it.`
        : joint
          ? ` This pattern has ${headingLabel(joint.section)} on line ${joint.section.heading.range.start.line}, which names it${variantKey(joint.part) === variantKey(missing.schema.name) ? '' : ' in other words'} (“${joint.part}”) beside another section: if it holds the section, give that part a heading of its own; if not, write it.`
          : elsewhere.length > 0 && own.length === 0
            ? ` This pattern has ${elsewhereLabels} elsewhere, ${talked.length > 0 ? 'in words kindred to its name' : asked.length > 0 ? 'in words its guidance asks for' : 'in the words of its name'}: if ${elsewhere.length === 1 ? 'that is' : 'they are'} the section, move ${elsewhere.length === 1 ? 'it' : 'them'} here under its heading; if not, write it.`
            : own.length === 1
              ? ` This pattern has ${headingLabel(own[0]!)} there, in its stead: if that is the section in other words, rename it or accept its name with \`aliases\` under \`sections\` in the configuration; if not, write it.`
              : own.length > 0
                ? missing.schema.children.length > 0 || stead
                  ? ` This pattern has its own sections there (${own.map(headingLabel).join(', ')}): if they are that section, put them under its heading; if not, write it.`
                  : ` This pattern has its own sections there (${own.map(headingLabel).join(', ')}): if one of them is that section in other words, rename it; if not, write it.`
                : '';
      // Every sub-section it requires written elsewhere in the pattern, under another section (not a
      // level up where it goes, which --fix nests once the heading is in): its content is there, only
      // its heading is not. A warning beside the misplaced ones' own findings.
      // (Those it requires: not its optional ones nor those the catalog recommends — `## Design Details`
      // over optional `### Test Plan`, `### Graduation Criteria` and a recommended `### Version Skew
      // Strategy`, where the pattern has the first two under its `## Proposal`: the content is there.
      // Its own heading with no text of its own in the template, at least one of them elsewhere.)
      const strayParts = outline.misplaced.filter((m) => isUnder(m.schema, missing.schema) && m.section.level > missing.schema.level);
      const stray = (c: TemplateSection) => strayParts.some((m) => m.schema === c || isUnder(m.schema, c));
      const required = missing.schema.children.filter((c) => !c.optional && !c.recommended);
      // (None required: those the catalog recommends, all of them, where the template gives the heading
      // text of its own — `## Consequences` over a recommended `### Positive`, `### Negative`…)
      const askedParts = missing.schema.children.filter((c) => !c.optional);
      const heldElsewhere = strayParts.length > 0 && (required.length > 0 ? required.every(stray) : grouping || (askedParts.length > 0 && askedParts.every(stray)));
      const alsoText = own.length > 0 && elsewhere.length > 0 ? ` It also has ${elsewhereLabels}, in the words of its name.` : '';
      const elsewhereText = heldElsewhere
        ? ` This pattern has its ${strayParts.length === 1 ? 'sub-section' : 'sub-sections'} elsewhere (${strayParts.map((m) => `${headingLabel(m.section)} on line ${m.section.heading.range.start.line}`).join(', ')}): add the heading and move ${strayParts.length === 1 ? 'it' : 'them'} under it.`
        : '';
      // (Numbered as the section after it is here, `## 4 Metrics` before the author's `## 4. Risks`:
      // inserted, two sections would carry one number. The author inserts it and numbers on.)
      const clash = numberClash(missing);
      const clashText = clash
        ? ` The section after it here is numbered ${quote(leadingNumber(clash.title)!)} (${headingLabel(clash)}), the number the template gives this one: insert it by hand and number the ones after it on, so no fix is offered.`
        : '';
      // (A table of contents, `# Table of Contents`, is navigation, not content: missing, a warning.)
      const navigation = NAVIGATION.test(foldHeading(missing.schema.name));
      // (A bare heading in the template, nothing under it: inserted, it would stand empty, and the error
      // that it is not written would be gone — at most empty-section's warning of a template of bare
      // headings alone, and none where the author's own text follows it. Not inserted; the author
      // writes it.)
      const bareLeaf = missing.schema.children.length === 0 && !/\p{L}/u.test(missing.schema.body);
      // (A section of what is still open, `## Open questions`, left out says as much as one left empty:
      // nothing is, perhaps — as a finished document has it. A warning, as empty-section says of an
      // empty one, and no empty one inserted: the author says which.)
      const outstanding = OUTSTANDING.test(missing.schema.name);
      // (The section that holds the body of the pattern, missing right before the template's next one of
      // the kind, which the pattern has and which holds most of its text — `## Detailed Design` pages long
      // where the `## Design Proposal` goes before it —: the body is there, under the later heading, as
      // likely as not. A warning that says so, and no empty one inserted above it.)
      const bodyNext = missing.before?.sections[0];
      const bodyAfter =
        own.length === 0 &&
        named.length === 0 &&
        !down &&
        !joint &&
        !partsUp &&
        bodyNext !== undefined &&
        BODY.test(missing.schema.name) &&
        BODY.test(missing.before!.schema.name) &&
        holdsMost(doc, missing.before!.sections);
      // (Or a heading of the author's elsewhere at its level, named for a document's body as it is —
      // `## Proposal` above, where the template's own headings stand around it — and holding most of the
      // text, where the pattern has no other body section of the template's: the body written there, as
      // likely as not. A warning that names it; nothing inserted.)
      const bodyElsewhere =
        !bodyAfter && own.length === 0 && named.length === 0 && !down && !joint && !partsUp && BODY.test(missing.schema.name) && !otherWays(missing.schema.name)
          ? outline.unknown.find(
              (s) =>
                s.level === missing.schema.level &&
                BODY.test(s.title) &&
                !otherWays(s.title) &&
                holdsMost(doc, [s]) &&
                // (Where no other body section of the template's is there, nor missing too — `## Details`
                // where the Proposal is missing as well as the Implementation: that one's, if anyone's.)
                ![...outline.all.filter((m) => m.sections.length > 0), ...outline.missing].some(
                  (m) => m.schema !== missing.schema && BODY.test(m.schema.name) && !otherWays(m.schema.name),
                ),
            )
          : undefined;
      const bodyText = bodyAfter
        ? ` This pattern has ${headingLabel(bodyNext)} after it, which holds most of its text: if this section's text is there, its heading is what is missing; if not, write it.`
        : bodyElsewhere
          ? ` This pattern has ${headingLabel(bodyElsewhere)} on line ${bodyElsewhere.heading.range.start.line}, which holds most of its text: if that is this section in other words, rename it or accept its name with \`aliases\` under \`sections\` in the configuration; if not, write it.`
          : '';
      // (Its sub-sections written at its level: the heading goes in above them, and they move a level
      // down under it in the same fix — the heading alone would stand empty beside them, in a record
      // whose outline heading-level leaves as it was.)
      const movedUnder = partsUp
        ? movedDownUnder(
            doc,
            parts.map((m) => m.section),
            offset,
          )
        : undefined;
      return {
        section: missing.schema.id,
        message: `Missing section ${schemaLabel(missing.schema)}${missing.schema.repeatable ? ' (at least one)' : ''}, expected ${where(missing)}.${partsUp}${ownText}${twinText}${alsoText}${elsewhereText}${bodyText}${clashText}${inCode ? ` Close the code block opened on line ${unclosed.range.start.line} first: until then it would be inserted into it, so no fix is offered.` : ''}${navigation ? ' (A table of contents is navigation, which a git host and the site draw from the headings: a warning, and no empty one is inserted.)' : ''}${outstanding && !partsUp && !ownText && !alsoText && !elsewhereText && !bodyText ? ' If nothing is left open, add it and say so (“None.”); else list what is. (A warning: left out, it may mean nothing is.)' : ''}${bareLeaf && !missing.schema.recommended && !outstanding && !navigation ? ' The template gives it a bare heading: write it with its text (no empty one is inserted, which would hide that it is not written).' : ''}${besideText(misplacedBefore(outline, template, missing))}${numberedAround(missing) ? ' The sections around it here are numbered: insert it by hand with its number, and number the ones after it on, so no fix is offered.' : ''}`,
        // (One of the author's headings at its place that its guidance talks of, or in kindred words
        // — `## Proposed solution` where the Detailed design goes — may be it in other words: a guess,
        // a warning.)
        // One alone in its stead, between the sections around it, is it renamed as likely as not;
        // several there, where it is the one section missing, are it in parts as likely as not.
        ...(navigation ||
        outstanding ||
        partsUp ||
        heldElsewhere ||
        down ||
        joint ||
        bodyAfter ||
        bodyElsewhere ||
        named.length > 0 ||
        fieldsTwin ||
        stead ||
        own.some((s) => mayStandFor(s, missing.schema))
          ? { warning: true, ...(stead || own.some((s) => mayStandFor(s, missing.schema)) ? { guess: true as const } : {}) }
          : {}),
        // A point where the section goes, not the text of that line: a template word left on it
        // (`TBD`) is still the placeholder rule's to report.
        range: { start: doc.lines.point(line, 1), end: doc.lines.point(line, 1) },
        expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
        // A section the catalog calls recommended (many of its patterns lack it) is a warning, and
        // --fix does not insert an empty one for the author to write.
        ...(missing.schema.recommended
          ? { warning: true }
          : navigation ||
              outstanding ||
              bareLeaf ||
              inCode ||
              clash ||
              apart ||
              own.length > 0 ||
              down ||
              joint ||
              named.length > 0 ||
              fieldsTwin ||
              writtenAlready(missing.schema) ||
              siblingsUp(missing) ||
              adopts(missing, offset) ||
              misparented(missing, offset) ||
              laterAbove(outline, template, missing, offset) ||
              misplacedBefore(outline, template, missing) !== undefined ||
              numberedAround(missing) ||
              bodyAfter ||
              bodyElsewhere ||
              mostlyOff
            ? {}
            : partsUp
              ? movedUnder
                ? { fix: { range: movedUnder.range, text: `${insert}${movedUnder.text}`, toWrite: true as const } }
                : {}
              : { fix: { range: [offset, offset] as [number, number], text: insert, toWrite: true as const }, ...(keeping ? { keeping } : {}) }),
      };
    }),
  );
}

/**
 * The text from `offset` to the end of the last of `parts` with every heading in it a level down,
 * where the parts follow one another from `offset` on with nothing between them; undefined where
 * that cannot be done by adding a `#` (an underlined heading, one at level six) or they do not.
 */
function movedDownUnder(doc: MarkdownDocument, parts: readonly Section[], offset: number): { range: [number, number]; text: string } | undefined {
  const sorted = [...parts].sort((a, b) => a.range.start.offset - b.range.start.offset);
  if (sorted.length === 0 || doc.source.slice(offset, sorted[0]!.range.start.offset).trim() !== '') return undefined;
  for (let i = 1; i < sorted.length; i++) if (doc.source.slice(sorted[i - 1]!.range.end.offset, sorted[i]!.range.start.offset).trim() !== '') return undefined;
  const end = sorted.at(-1)!.range.end.offset;
  const inside = doc.headings.filter((h) => h.range.start.offset >= offset && h.range.start.offset < end);
  if (inside.some((h) => h.setext || h.html || h.level >= 6)) return undefined;
  let text = '';
  let at = offset;
  for (const h of inside) {
    const hash = doc.source.indexOf('#', h.range.start.offset);
    if (hash < 0 || hash >= h.range.end.offset) return undefined;
    text += `${doc.source.slice(at, hash)}#`;
    at = hash;
  }
  return { range: [offset, end], text: text + doc.source.slice(at, end) };
}

/** The number a heading opens with (`4` of `4. Risks`, `4 Metrics`), if any. */
function leadingNumber(heading: string): string | undefined {
  return /^\(?(\d{1,3})(?:[.)]|\s)/.exec(heading.trim())?.[1];
}

/**
 * Whether the pattern numbers its sections around where an unnumbered missing one goes (`## 7 How`,
 * then `## 8 Action Plan`, where the Alternatives go between): inserted as the template names it, it
 * would break the numbering.
 */
function numberedAround(missing: MissingSection): boolean {
  const before = missing.after?.sections.at(-1)?.title;
  const after = missing.before?.sections[0]?.title;
  return (
    leadingNumber(missing.schema.heading) === undefined &&
    before !== undefined &&
    after !== undefined &&
    leadingNumber(before) !== undefined &&
    leadingNumber(after) !== undefined
  );
}

/** The author's section right after where a numbered missing section goes, when it carries the number the template gives that one. */
function numberClash(missing: MissingSection): Section | undefined {
  const number = leadingNumber(missing.schema.heading);
  const next = missing.before?.sections[0];
  return number !== undefined && next && leadingNumber(next.title) === number ? next : undefined;
}

/**
 * Whether a section the template puts after the missing one stands above the
 * place it would be inserted (the pattern's own order broken there:
 * `## Trade-offs` written first, `## Motivation` missing before `## Internal
 * details` further down): anywhere `--fix` put it, it would be out of order
 * with one of them, so where it goes is the author's to say.
 */
function laterAbove(outline: OutlineMatch, template: TemplateSchema, missing: MissingSection, offset: number): boolean {
  const order = missing.parent ? missing.parent.schema.children : template.sections;
  const own = order.indexOf(missing.schema);
  const siblings = missing.parent ? missing.parent.children : outline.matches;
  // (Also one written at another level inside the section before, `### Testing` in the deployment
  // steps, which heading-level raises: inserted after them, the section would follow it.)
  // (Or, the other way round, one it puts before the missing one stands below that place: `##
  // Specification` after `## Rationale and alternatives` in an older order, where the missing
  // Future possibilities would be inserted after the alternatives, above it.)
  return (
    siblings.some((m) => order.indexOf(m.schema) > own && m.sections.some((s) => s.range.start.offset < offset)) ||
    outline.misplaced.some((m) => order.indexOf(m.schema) > own && m.section.range.start.offset < offset) ||
    siblings.some((m) => order.indexOf(m.schema) >= 0 && order.indexOf(m.schema) < own && m.sections.some((s) => s.range.start.offset >= offset))
  );
}

/**
 * The template section the pattern writes at another level that comes right before the missing one
 * in the template's order, past sections missing too and up to the present one it is expected after
 * (`### Security Considerations` inside the Specification, where the Incentive Considerations go
 * after it): where it belongs is beside that one, which `--fix` cannot tell. Undefined where none.
 */
function misplacedBefore(outline: OutlineMatch, template: TemplateSchema, missing: MissingSection): Section | undefined {
  const order = missing.parent ? missing.parent.schema.children : template.sections;
  for (let i = order.indexOf(missing.schema) - 1; i >= 0; i--) {
    const t = order[i]!;
    if (t === missing.after?.schema) return undefined;
    const off = outline.misplaced.find((m) => m.schema === t && m.section.level !== t.level);
    if (off) return off.section;
  }
  return undefined;
}

/** The words that say the section before it is written at another level, so no fix is offered (see `misplacedBefore`). */
function besideText(section: Section | undefined): string {
  return section
    ? ` The section before it, ${headingLabel(section)} on line ${section.heading.range.start.line}, is written at another level: insert it by hand beside that one, so no fix is offered.`
    : '';
}

/**
 * The pattern's text under its title, where the missing section is the
 * template's first and the template has no text under its own title: the
 * first paragraph (not a `Label: value` field line) after the title, with
 * only paragraphs, lists and quotes from it to the first section.
 */
function leadText(doc: MarkdownDocument, template: TemplateSchema, missing: MissingSection): { block: Block; contents?: Section } | undefined {
  // (The title a heading, or front matter where the template keeps it there: the text right after it.)
  const titleEnd = doc.title?.range.end.line ?? (template.title.from === 'front-matter' && doc.frontMatter ? doc.frontMatter.endLine : undefined);
  // (The template's first section, or the first after ones a pattern may leave out: `### (Info, remove
  // this section)` above the `## Abstract`.)
  const at = template.sections.indexOf(missing.schema);
  // (A table of contents before it is navigation, not text the pattern answers: the Summary after
  // `## Table of Contents` is the first section a pattern writes text for.)
  const navigation = (t: TemplateSection) => NAVIGATION.test(foldHeading(t.name));
  if (missing.parent || missing.after || at < 0 || template.sections.slice(0, at).some((t) => !t.optional && !navigation(t)) || titleEnd === undefined) return undefined;
  // (Not where a section the pattern may leave out goes before it and names the document's opening,
  // `## Summary (optional)`: the text under the title is that one's as likely as not. Nor a heading over
  // sub-sections with no text of its own, `## Stewardship` over `### Required Reviewers`: the text
  // would be a sub-section's, not its own.)
  if (template.sections.slice(0, at).some((t) => DOCUMENT_PARTS.has(foldHeading(t.name)))) return undefined;
  if (missing.schema.children.length > 0 && !/\p{L}/u.test(missing.schema.body.split(/^ {0,3}#{1,6}[ \t]/m)[0]!)) return undefined;
  // (A template without a title has nothing under one: its preamble — `- Start Date: …` fields — goes
  // above where a pattern writes its title.)
  const templateTitle = template.document.title?.range.end.line ?? (template.title.from === 'front-matter' ? 0 : undefined);
  // (Nor one whose title has guidance of its own under it, `<!-- Describe the change here, freely. -->`:
  // the text the pattern writes there is the one it asks for.)
  if (templateTitle !== undefined && template.document.preamble.some((b) => (isVisible(b) || b.kind === 'html') && b.range.start.line > templateTitle)) return undefined;
  let after = doc.preamble.filter((b) => b.range.start.line > titleEnd && isVisible(b));
  let contents: Section | undefined;
  // (Or, where nothing stands under the title, the text after a table of contents of the author's that
  // opens the pattern — `## Contents`, its list of links, then the paragraph the template's first
  // section holds: that paragraph, not the contents, goes under the heading.)
  if (after.length === 0) {
    const opening = doc.sections[0];
    const list = opening?.blocks.findIndex(isVisible) ?? -1;
    if (opening && opening.children.length === 0 && NAVIGATION.test(foldHeading(opening.heading.text)) && opening.blocks[list]?.kind === 'list')
      [after, contents] = [opening.blocks.slice(list + 1).filter(isVisible), opening];
  }
  const first = after[0];
  // (Nor is the text under the title a table of contents: the contents are a list of links, and a
  // paragraph there the pattern's opening, which the section after the contents holds.)
  if (navigation(missing.schema)) return undefined;
  if (!first || first.kind !== 'paragraph' || /^[*_]*[\p{L}][\p{L} ()-]{0,30}[*_]*\s*:/u.test(first.text)) return undefined;
  return after.every((b) => b.kind === 'paragraph' || b.kind === 'list' || b.kind === 'blockquote') ? { block: first, ...(contents ? { contents } : {}) } : undefined;
}

/**
 * The template's text of a missing top-level section that stays in every pattern (a licence line,
 * a note it marks to keep: see `boilerplateSections`) written in the pattern as a paragraph of its own, word for word, after
 * the sections the template puts before it — the section without its heading. Its block.
 */
function keptWithoutHeading(doc: MarkdownDocument, template: TemplateSchema, missing: MissingSection): Block | undefined {
  if (missing.parent) return undefined;
  // (Text that stays in every pattern — a rights statement, or what the template marks to keep — not
  // guidance: an instruction kept there is template text left in, the placeholder rule's.)
  const own = boilerplateSections(template).find((b) => b.section === missing.schema && (b.marked || RIGHTS.test(b.section.body)));
  const after = missing.after?.sections.at(-1)?.range.start.offset ?? -1;
  const before = missing.before?.sections[0]?.range.start.offset ?? Infinity;
  const blocks = documentBlocks(doc).filter((b) => b.range.start.offset > after && b.range.start.offset < before);
  if (own && own.text.split(' ').length >= 3) {
    const kept = blocks.find((b) => b.kind === 'paragraph' && foldText(blockText(b)) === own.text);
    if (kept) return kept;
  }
  // (Or the template's own list of it, which the catalog keeps and ticks, there at its place: a list
  // most of whose items — three or more — are the template's, boxes ticked or not, with its lead line
  // where the template has one right above it, "Items marked with (R) are required…". A sentence of
  // guidance alone kept there is no such text: it is left in, the placeholder rule's.)
  const { sentences, items } = ownWords(template, missing.schema);
  const at = blocks.findIndex((b) => {
    if (b.kind !== 'list' || b.items.length < 3) return false;
    const theirs = b.items.filter((i) => items.has(foldText(i.text))).length;
    return theirs >= 3 && theirs * 2 >= b.items.length;
  });
  if (at < 0) return undefined;
  const lead = blocks[at - 1];
  return lead?.kind === 'paragraph' && sentences.has(foldText(lead.text)) ? lead : blocks[at];
}

/** A template section's own visible paragraphs (of six words or more) and list items (of three words or more), folded. */
function ownWords(template: TemplateSchema, schema: TemplateSection): { sentences: ReadonlySet<string>; items: ReadonlySet<string> } {
  return fromTemplate(template, `own words ${schema.id}`, () => {
    const section = sectionOfTemplate(template, schema);
    const sentences = new Set<string>();
    const items = new Set<string>();
    for (const b of section?.blocks ?? []) {
      if (b.kind === 'paragraph' && foldText(b.text).split(' ').length >= 6) sentences.add(foldText(b.text));
      if (b.kind === 'list') for (const i of b.items) if (foldText(i.text).split(' ').length >= 3) items.add(foldText(i.text));
    }
    return { sentences, items };
  });
}

/**
 * A paragraph of one line that is the missing section's name and nothing else (`Reviews`,
 * `**Reviews**`, `Reviews:`), after the sections the template puts before it and before the ones
 * it puts after it: the section's heading written as text.
 */
function nameAsText(doc: MarkdownDocument, missing: MissingSection): Extract<Block, { kind: 'paragraph' }> | undefined {
  if (missing.schema.repeatable || missing.schema.anyHeading || missing.schema.name !== missing.schema.heading) return undefined;
  const after = missing.after?.sections.at(-1)?.range.start.offset ?? missing.parent?.sections[0]?.range.start.offset ?? -1;
  const before = missing.before?.sections[0]?.range.start.offset ?? missing.parent?.sections.at(-1)?.range.end.offset ?? Infinity;
  const key = variantKey(missing.schema.name);
  // (Not a marker of work to do, a section of the template's named so: `TODO` alone is the placeholder rule's.)
  if (/^(?:todo|tbd|tba|fixme|n\/?a|none)$/i.test(missing.schema.name.trim())) return undefined;
  return documentBlocks(doc).find(
    (b): b is Extract<Block, { kind: 'paragraph' }> =>
      b.kind === 'paragraph' &&
      b.range.start.offset > after &&
      b.range.start.offset < before &&
      !b.text.includes('\n') &&
      // (Words struck out are no part of it: `**~~Open~~ Question**:` says the question is answered.)
      !/~~/.test(b.raw) &&
      variantKey(b.text.replace(/^[*_]+|[*_]+$/g, '').replace(/\s*:$/, '')) === key,
  );
}

/**
 * The pattern's block of header fields (`Title: …`, `Status: …`) before its first section, where the
 * missing section is the one the template keeps such a block in (`## Preamble`, then the fields in a
 * code block): its range.
 */
function fieldsWithoutHeading(doc: MarkdownDocument, template: TemplateSchema, missing: MissingSection): Range | undefined {
  if (missing.parent) return undefined;
  const own = fromTemplate(template, 'header fields', () => bodyFields(template.document)?.range);
  const next = template.sections[template.sections.indexOf(missing.schema) + 1]?.line ?? Infinity;
  if (!own || own.start.line < missing.schema.line || own.start.line >= next) return undefined;
  const theirs = bodyFields(doc)?.range;
  const first = doc.sections.find((s) => s.heading !== doc.title);
  return theirs && (!first || theirs.end.line < first.heading.range.start.line) ? theirs : undefined;
}

/**
 * How the pattern writes its name in its own headings where the template's
 * hold it (`## Intent of Circuit Breaker` for `## Intent of [Pattern Title]`):
 * a section inserted beside them names it the same way, not by a title that
 * may be longer (`Circuit Breaker Pattern in Java: Stop calling…`).
 */
function nameInHeadings(outline: OutlineMatch, template: TemplateSchema): string | undefined {
  const placeholder = titlePlaceholder(template);
  if (!placeholder) return undefined;
  for (const match of outline.all) {
    const [before, after, ...more] = match.schema.heading.split(placeholder);
    if (after === undefined || more.length > 0) continue;
    for (const section of match.sections) {
      const text = section.title.trim();
      const lower = text.toLowerCase();
      const head = before!.trim().toLowerCase();
      const tail = after.trim().toLowerCase();
      if (!lower.startsWith(head) || !lower.endsWith(tail) || text.length <= head.length + tail.length) continue;
      // (`## Intent of the Retry Pattern`: the article is the heading's, not the name's.)
      const name = text
        .slice(head.length, text.length - tail.length)
        .trim()
        .replace(/^(?:the|a|an)\s+/i, '');
      if (name) return name;
    }
  }
  return undefined;
}

/**
 * The template's text with the pattern's name in each place of its title
 * placeholder, never a word twice where the name ends as the text goes on
 * (`Check-In pattern` into `[Pattern Title] Pattern with Examples` gives
 * `Check-In Pattern with Examples`, not `Check-In pattern Pattern`).
 */
function withName(text: string, placeholder: string, name: string): string {
  const parts = text.split(placeholder);
  const lastWord = /(\s+)(\S+)$/.exec(name);
  return parts.reduce((out, part) => {
    const next = lastWord && new RegExp(`^\\s+${escapeRegExp(lastWord[2]!)}(?=\\s|$)`, 'i').test(part) ? name.slice(0, lastWord.index) : name;
    return `${out}${next}${part}`;
  });
}

/**
 * How many levels every section the pattern has in place is off the template's, when it is the same
 * for all and most of those out of place are off alike or not at all (else 0).
 */
function outlineShift(outline: OutlineMatch): number {
  const offs = new Set(outline.all.flatMap((m) => m.sections.map((s) => s.level - m.schema.level)));
  const off = offs.size === 1 && outline.all.length >= 2 ? [...offs][0]! : 0;
  if (!off) return off;
  // The template sections out of place off by another amount: as many as those in place, no one layout.
  const otherwise = outline.misplaced.filter((m) => m.section.level !== m.schema.level && m.section.level - m.schema.level !== off).length;
  const inPlace = outline.all.reduce((n, m) => n + m.sections.length, 0);
  return otherwise >= inPlace ? 0 : off;
}

/** The missing sections whose headings are written inside a runaway fence's code. */
function swallowedBy(code: CodeBlock, missing: readonly MissingSection[]): MissingSection[] {
  const written = headingsInCode(code).map(foldHeading);
  if (written.length === 0) return [];
  return missing.filter((m) => written.some((w) => m.schema.matcher.test(w)));
}

/**
 * Whether a section's own text says it does not apply or is answered elsewhere,
 * in a few words and with no sub-sections: `N/A`, `Not applicable to this
 * change.`, `None.`, `See [the migration questionnaire](…).`, `Please refer to …`.
 */
function declines(section: Section | undefined): boolean {
  if (!section || section.children.length > 0) return false;
  const text = section.blocks
    .map((b) => (b.kind === 'paragraph' || b.kind === 'blockquote' ? b.text : ''))
    .join(' ')
    .replace(/[*_`>]/g, '')
    .trim();
  if (!text || text.split(/\s+/).length > 40) return false;
  return (
    /^(?:n\/?a\b|none\b|nothing\b|no changes?\b|(?:please )?(?:see|refer to)\b)/i.test(text) ||
    /(?:^|[\s(])n\/a\b|\bnot applicable\b|\bdoes(?: not|n't) apply\b/i.test(text)
  );
}

/**
 * Whether a missing sub-section is one part of a section named for its parts
 * (`## Impact, Cost, and Risk` over `### Impact`…; see `joinedParts`) that
 * the pattern answers in that section's own text, with none of the parts as
 * headings: the parts are there, in prose.
 */
function answeredInParent(missing: MissingSection): boolean {
  const parent = missing.parent;
  const section = parent?.sections.at(-1);
  if (!parent || !section || parent.children.length > 0 || !joinedParts(parent.schema)) return false;
  return section.blocks.some(
    (b) => (b.kind === 'paragraph' || b.kind === 'list' || b.kind === 'table' || b.kind === 'blockquote') && b.range.end.offset > b.range.start.offset,
  );
}

/**
 * Whether a missing sub-section is answered in a row of a table in its parent section, the row named
 * for it in its first cell (`## Capabilities`, then a table of `**Accessibility**` | `N/A`,
 * `**Security**` | …), or in an item or paragraph there that opens with its name in bold (`-
 * **Diagnostics.** A new warning.`): each part there, in the table's or the list's form rather than
 * under a heading of its own.
 */
function answeredInRows(missing: MissingSection): boolean {
  const section = missing.parent?.sections.at(-1);
  return section !== undefined && [...rowLabels(section.blocks), ...leadLabels(section.blocks)].some((name) => missing.schema.matcher.test(foldHeading(name)));
}

/** One warning per section that answers its parts in prose: the template gives each a heading. */
function partsInProse(missing: readonly MissingSection[]): RequiredFindings['missing'] {
  const byParent = new Map<SectionMatch, MissingSection[]>();
  for (const m of missing) byParent.set(m.parent!, [...(byParent.get(m.parent!) ?? []), m]);
  return [...byParent].map(([parent, parts]) => ({
    section: parts[0]!.schema.id,
    message: `${headingLabel(parent.sections.at(-1)!)} answers its parts in its own text; the template gives ${parts.length === 1 ? 'it' : 'each'} a heading of ${parts.length === 1 ? 'its' : 'their'} own (${parts.map((m) => schemaLabel(m.schema)).join(', ')}): add ${parts.length === 1 ? 'it' : 'them'} if the text says more than a line about each.`,
    range: plainRange(parent.sections.at(-1)!.heading.range),
    warning: true,
  }));
}

/**
 * Whether the pattern writes the section together with another under one
 * heading of its level: `## Rationale, drawbacks, and alternatives` holds
 * `Drawbacks` and `Rationale and alternatives`; `## Risks & Mitigations / Open
 * Questions` holds `Open Questions`. Every word of the section's name is in a
 * heading that joins names (`,`, `and`, `&`, `/`).
 */
function joinedIn(missing: MissingSection, doc: MarkdownDocument, template: TemplateSchema): boolean {
  const significant = (text: string) =>
    variantKey(text)
      .split(' ')
      .filter((w) => w.length > 2 && w !== 'and');
  // (An acronym of two letters counts, `GA` in `### Beta/GA`.)
  const acronyms = (missing.schema.name.match(/\b[A-Z]{2}\b/g) ?? []).map((a) => a.toLowerCase());
  const words = [...significant(missing.schema.name), ...acronyms];
  if (words.length === 0) return false;
  const ownParts = nameParts(missing.schema.name).filter((p) => /\p{L}{4}/u.test(p));
  const heads = new Set([...headNouns(missing.schema.name)].filter((w) => w.length >= 4 && !words.every((x) => x === w)));
  return doc.headings.some((h) => {
    // At its level, or one level off (`## Security Considerations and Risks` for two `###` sections).
    // (Not its own parent's heading: `## Impact, Cost, and Risk` names the parts it holds.)
    if (Math.abs(h.level - missing.schema.level) > 1 || !/,|\band\b|&|\//i.test(h.text)) return false;
    if (h.level !== missing.schema.level && missing.parent?.sections.some((s) => s.heading === h)) return false;
    if (variantKey(h.text) === variantKey(missing.schema.name)) return false;
    const has = new Set(variantKey(h.text).split(' '));
    if (words.every((w) => has.has(w))) return true;
    // Part of a joined name, beside another section's name, where every part of the heading is one
    // of the template's names or parts of them (`## Impact and risks` for `## Impact` and `## Risks
    // and Drawbacks`): the author wrote the two together, in fewer words.
    const parts = nameParts(h.text);
    if (parts.length >= 2 && ownParts.length >= 2 && parts.some((p) => ownParts.includes(p)) && parts.every((p) => templateParts(template).has(p))) return true;
    // Or the section's noun alone (`Alternatives` for `Alternatives considered`), beside the names of
    // other sections: `## Alternatives and Future Directions`.
    return parts.length >= 2 && parts.some((p) => heads.has(p)) && parts.every((p) => heads.has(p) || templateParts(template).has(p));
  });
}

const templatePartsCache = new WeakMap<TemplateSchema, Set<string>>();

/** Every template section's name and each part of a name that joins several (`Risks and Drawbacks`: `risk`, `drawback`), as variant keys. */
function templateParts(template: TemplateSchema): Set<string> {
  let parts = templatePartsCache.get(template);
  if (!parts) {
    parts = new Set(flattenSections(template.sections).flatMap((s) => [variantKey(s.name), ...nameParts(s.name)]));
    templatePartsCache.set(template, parts);
  }
  return parts;
}

/**
 * A heading of the section's very name one level below it, under the
 * author's own section that stands first at its place (right after the
 * section before it, or first of all, a table of contents aside): where the author wrapped the section
 * in a heading of their own (`## Introduction` over `### Motivation`). Not
 * under a later one: a topic's own `### Context` among several topics is
 * that topic's.
 */
function wrappedIn(doc: MarkdownDocument, outline: OutlineMatch, missing: MissingSection, template: TemplateSchema): { section: Section; parent: Section } | undefined {
  const schema = missing.schema;
  const siblings = missing.parent ? missing.parent.sections.flatMap((s) => s.children) : doc.sections;
  const from = missing.after?.sections.at(-1)?.range.start.offset ?? -1;
  // (A table of contents first is no section of the text.)
  const parent = siblings.find((s) => s.range.start.offset > from && s.level === schema.level && !NAVIGATION.test(s.heading.text.trim()));
  if (!parent || !outline.unknown.includes(parent)) return undefined;
  const key = variantKey(schema.name);
  const section = parent.children.find((c) => c.level === schema.level + 1 && variantKey(c.heading.text) === key);
  if (!section) return undefined;
  // (A section that closes the template, `## References` after a guide's topics, is inserted after them:
  // a topic's own `### References` is that topic's — unless the author's heading wraps other missing
  // sections of the template with it, `### Considered Options` then `### Decision Outcome` under
  // their `## A Second Round`: a run of the template's, wrapped.)
  const others = new Set(outline.missing.filter((m) => m !== missing && m.parent === missing.parent).map((m) => variantKey(m.schema.name)));
  if (closesRun(missing, template) && !parent.children.some((c) => c !== section && c.level === schema.level + 1 && others.has(variantKey(c.heading.text))))
    return undefined;
  return { section, parent };
}

/**
 * Headings deeper than a missing section's level, inside sections of the
 * pattern, named as it or by a word of its name alone (`#### Alternatives`
 * for `## Alternatives Considered`), that no template section takes: two at
 * least, the section written topic by topic. None for
 * a section that closes the template (`## References` after a guide's
 * topics, each with its own `#### References`: the topics' own).
 */
function spreadUnder(doc: MarkdownDocument, outline: OutlineMatch, missing: MissingSection, template: TemplateSchema): Section[] {
  const schema = missing.schema;
  if (schema.repeatable || schema.anyHeading || (!missing.parent && closesRun(missing, template))) return [];
  const key = variantKey(schema.name);
  const words = key.split(' ');
  const taken = claimedSections(outline);
  const fits = (s: Section) => {
    const own = variantKey(s.heading.text);
    return own === key || (!own.includes(' ') && own.length >= 5 && words.length > 1 && words.includes(own));
  };
  const out: Section[] = [];
  const visit = (sections: readonly Section[], depth: number): void => {
    for (const s of sections) {
      if (depth > 0 && s.level > schema.level && !taken.has(s) && fits(s)) out.push(s);
      visit(s.children, depth + 1);
    }
  };
  visit(doc.sections, 0);
  // (One alone is the author's own sub-heading of one topic: the section is missing as usual.)
  return out.length >= 2 ? out : [];
}

/** Whether a missing section is the last of its run in the template (of its parent's sub-sections, or of the top level). */
function closesRun(missing: MissingSection, template: TemplateSchema): boolean {
  // (The one section of its run closes none: `### User Stories`, all the Proposal asks for.)
  const run = missing.parent ? missing.parent.schema.children : template.sections;
  return run.length > 1 && run.at(-1) === missing.schema;
}

/**
 * The author's own sections at a missing section's level where it goes: after
 * the section before it (or the start of its parent or of the pattern) up to
 * the section after it, or the end of its parent or of the pattern. They may
 * be its parts written a level up (`## Proposal` over `### Overview`), or the
 * section in the author's own words and order (`## Introduction`, then a
 * section per topic, where `## Context` goes). One alone is there in its stead
 * (`## Overview` where `## Aim` goes, between the sections around it), where it
 * is the one section missing between those two. A section that closes the
 * template's run without sub-sections (`## References` after a guide's topics)
 * is inserted after them as usual: it is no other name for them.
 */
function ownAtPlace(doc: MarkdownDocument, outline: OutlineMatch, missing: MissingSection, template: TemplateSchema): { sections: Section[]; stead: boolean } {
  const none: { sections: Section[]; stead: boolean } = { sections: [], stead: false };
  if (missing.schema.repeatable || missing.schema.anyHeading || missing.standIn) return none;
  // (Where the section it goes in has no other of the template's sections, that one bounds the place:
  // `### Use Cases`, the one heading under the Proposal, where its `### User Stories` goes.)
  if (!missing.after && !missing.before && !missing.parent) return none;
  // (Closing the run, only a heading kindred to it stands for it: `## Pending points` last, where the
  // template ends with `## Open issues`, not the author's last topic.)
  const closing = missing.schema.children.length === 0 && closesRun(missing, template);
  const from = missing.after ? missing.after.sections.at(-1)!.range.start.offset : (missing.parent?.sections[0]!.range.start.offset ?? -1);
  const before = missing.before?.sections[0]!.range.start.offset;
  const unknown = new Set(outline.unknown);
  const siblings = missing.parent ? missing.parent.sections.flatMap((s) => s.children) : doc.sections;
  // (In a pattern whose sections are written a level off the template's, `# Summary`, `# Motivation`,
  // all or most of them, the author's headings at that level: heading-level says the layout once.)
  const by = missing.parent ? 0 : ([1, -1].find((b) => outlineOff(outline.matches, b) !== undefined) ?? 0);
  const heading = (s: Section) => s.level === missing.schema.level - by && s.heading !== doc.title && !NAVIGATION.test(s.heading.text.trim());
  // (Up to the template section that follows in the pattern, in the template's order or not: `## Plan`
  // written before the `## Scope` the template puts first bounds the author's headings as well. One
  // the template puts before the missing section, moved down past it, bounds nothing: `## Similar
  // tools` after `## Use cases`, then the author's `## Considered approaches` where Alternatives go.)
  const order = missing.parent ? missing.parent.schema.children : template.sections;
  const earlier = new Set(
    [...outline.all, ...outline.misplaced.map((m) => ({ schema: m.schema, sections: [m.section] }))]
      .filter((m) => order.includes(m.schema) && order.indexOf(m.schema) < order.indexOf(missing.schema))
      .flatMap((m) => m.sections),
  );
  // (Its own sub-sections written a level up there, `## User Stories` before the author's `## Design`
  // where the Proposal goes, are its parts: they bound nothing, and stand for nothing else.)
  const parts = new Set(outline.misplaced.filter((m) => isUnder(m.schema, missing.schema)).map((m) => m.section));
  // (A section of the template's written here out of its place, `### Goal` under the Proposal, is that
  // section: it neither bounds the place nor stands for this one.)
  // (Inside its parent only: at the top, one out of place, `## Goals` after the Motivation it belongs
  // under, still bounds the place of what follows.)
  // (Nor one the template puts after it, `### Test Plan` of the later Design Details written inside the
  // Proposal: the later template's text begins there, which bounds the place.)
  const position = templateOrder(template);
  const elsewhere = new Set(
    missing.parent
      ? outline.misplaced
          .filter((m) => !isUnder(m.schema, missing.schema) && (position.get(m.schema) ?? Infinity) < (position.get(missing.schema) ?? -1))
          .map((m) => m.section)
      : [],
  );
  const next = siblings.find((s) => s.range.start.offset > from && heading(s) && !unknown.has(s) && !earlier.has(s) && !parts.has(s) && !elsewhere.has(s))?.range.start
    .offset;
  const to = Math.min(before ?? missing.parent?.sections.at(-1)!.range.end.offset ?? Infinity, next ?? Infinity);
  const there = siblings.filter((s) => s.range.start.offset > from && s.range.start.offset < to && heading(s) && !earlier.has(s) && !parts.has(s) && !elsewhere.has(s));
  if (!there.every((s) => unknown.has(s))) return none;
  // (Nor one that says its opposite, `## Goals` where the `## Non-Goals` go: it is another section.)
  if (there.some((s) => negatedName(s.title, missing.schema.heading))) return none;
  // (One that is its name with the state moved on, `# Resolved questions` where the `# Unresolved
  // questions` go, among the author's sections there or alone: the section once its questions were
  // answered, said as its likely stand-in.)
  const settled = there.filter((s) => settledName(s.title, missing.schema.name));
  if (settled.length === 1) return { sections: settled, stead: true };
  // (Between two sections the pattern has — the next in the template's order, or the template section
  // that follows in the pattern: one of the missing section's own sub-sections written a level up.)
  const here = outline.missing.filter(
    (m) => m.parent?.schema === missing.parent?.schema && m.after?.schema === missing.after?.schema && m.before?.schema === missing.before?.schema,
  );
  // (Or at the end of the pattern, where the template has nothing after the sections missing there but
  // ones a pattern may leave out: `## Design` last, where the designs go before an optional `## Open Issues`.)
  const tail = to === Infinity && order.slice(order.indexOf(missing.schema) + 1).every((t) => t.optional || t.recommended || here.some((m) => m.schema === t));
  const boundedByNext = to === before || to === next || (!missing.after && !missing.before && to === missing.parent?.sections.at(-1)!.range.end.offset);
  const bounded = boundedByNext || tail;
  // (Several, bounded so, where nothing else is missing and they hold most of the pattern's text, for
  // the section that holds the body of the pattern: the section in parts, under the author's headings —
  // `## 3. Notation` … `## 6. Protocol`, pages long, where `## Explanation` goes. A few short ones,
  // `## Benchmarks` and `## Rollout`, are other topics; so are a list of lint groups where the
  // Drawbacks go, the explanation before it continued.)
  // (Nothing else required, that is: a section the catalog recommends missing there too, `## User
  // Benefit` before the `## Design Proposal`, is no rival for pages of the author's design. At the end
  // of the pattern too, where nothing but sections a pattern may leave out follow it in the template.)
  // (Or first in its parent, `### Implementation Overview` under a `## Design` the author writes a
  // section per component of: bounded by the parent's start.)
  const opensParent = !missing.after && missing.parent !== undefined && missing.parent.schema.children[0] === missing.schema && BODY.test(missing.schema.name);
  if (there.length >= 2 && (missing.after || opensParent) && !closing) {
    // (Unless one of those headings may be that one in other words: `## Alternatives` where a Rationale
    // that talks of alternate approaches goes.)
    // (Nor one a heading of the author's stands in for already: `## Rationale` for the Motivation.)
    // (Rivals: another section of the body missing there, or a required one those headings may be in
    // other words or share a word with, `## Test it by hand` for the Testing. Not one the catalog only
    // recommends — `## Discussion` may be the Design Rationale: that heading is its, the rest the
    // body's —, nor a required one none of them may be: `## Encodings` … `## Card fields` are no
    // Motivation, nor a Changelog.)
    const rivals = here.filter(
      (m) =>
        m === missing ||
        (!(m.schema.recommended || m.schema.optional) &&
          (BODY.test(m.schema.name) ? !m.standIn : there.some((x) => mayStandFor(x, m.schema) || analyze(x.title).some((w) => analyze(m.schema.name).includes(w))))),
    );
    // (Most of the text; a third of it where it is the one section the pattern lacks, every other one there.)
    const alone = outline.missing.every((m) => m === missing || m.schema.recommended || m.schema.optional || m.standIn);
    // (First in its parent: most of that parent's text, the author's sections filling it up to the template's next.)
    const within = !missing.after && missing.parent?.sections.length === 1 ? missing.parent.sections[0] : undefined;
    return { sections: there, stead: bounded && rivals.length === 1 && BODY.test(missing.schema.name) && holdsMost(doc, there, alone ? 1 / 3 : 1 / 2, within) };
  }
  // (Among several, the one in words kindred to this section's and no other's missing there: `### Use
  // cases` beside `### Interface` where the User Stories and the Implementation Details go.)
  if (there.length >= 2 && !closing) {
    // (Kindred words, not only a word its guidance talks of: among several, `## Function support` is one
    // of the author's topics, whatever "support" the Motivation's guidance mentions.)
    const kin = there.filter((s) => kindredTo(s, missing.schema) && !here.some((m) => m !== missing && mayStandFor(s, m.schema)));
    return kin.length === 1 ? { sections: kin, stead: true } : none;
  }
  // (One alone, bounded so, where nothing else is missing, or where it is in words kindred to this
  // section's name and no other's that is missing there: `## Proposed change` where the Motivation
  // and the Detailed design go.)
  const one = there[0];
  if (there.length !== 1 || !one || !bounded) return none;
  const kindred = here.filter((m) => mayStandFor(one, m.schema));
  // (Kindred to several of them alike, `## Design` where the High-Level and the Detailed Design go: it may
  // be either, so each is said with it as its likely stand-in, and neither is inserted beside it.)
  // (At the end of the pattern, only a heading kindred to it: a closing `## Related Works` is no `## Usage`.)
  // (Nothing else missing there but sections the catalog recommends or the template makes optional: no
  // rivals, as among several — `## User stories` where the Motivation and a recommended User Benefit go.)
  const required = here.filter((m) => m === missing || !(m.schema.recommended || m.schema.optional));
  return (boundedByNext && required.length === 1 && !closing) || kindred.some((k) => k.schema === missing.schema) ? { sections: there, stead: true } : none;
}

/** Each of the template's sections, at any depth, by its place in the template's order (once per template). */
function templateOrder(template: TemplateSchema): ReadonlyMap<TemplateSection, number> {
  return fromTemplate(template, 'template order', () => new Map(flattenSections(template.sections).map((t, i) => [t, i])));
}

/** Words naming the section that holds a pattern's body: what it is and how it works, in detail. */
const BODY = /\b(?:explanation|design|specification|proposal|solution|implementation|approach|details?|how|architecture|mechanism)\b/i;

/** A name for the ways not taken, or for code beside the text, though it holds a body word: `Alternative Solutions`, `Prior implementations`, `Reference Implementation`. */
const otherWays = (name: string) => namesOtherWays(name) || /\breference\b/i.test(name);

/** Whether these sections of the pattern hold at least half (or `share`) of the words of all its sections. */
function holdsMost(doc: MarkdownDocument, sections: readonly Section[], share = 1 / 2, within?: Section): boolean {
  const words = (from: number, to: number) => doc.source.slice(from, to).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const first = doc.sections[0];
  if (!first) return false;
  // (Of the section they stand in, where given: the parent the missing section opens.)
  const all = within ? words(within.range.start.offset, within.range.end.offset) : words(first.range.start.offset, doc.sections.at(-1)!.range.end.offset);
  return sections.reduce((n, s) => n + words(s.range.start.offset, s.range.end.offset), 0) >= all * share;
}

/**
 * A heading of the author's a level down, under the section the missing one
 * follows, in words kindred to its name and to no other section missing there
 * (`## Core changes` under `# Motivation`, where `# Detailed design` goes; see
 * `kindredTo`): the section written as a part of the one before. Named in a
 * warning; nothing is inserted beside it.
 */
function downUnder(outline: OutlineMatch, missing: MissingSection): { section: Section; under: Section } | undefined {
  const under = missing.after?.sections.at(-1);
  if (!under || missing.schema.repeatable || missing.schema.anyHeading) return undefined;
  const known = claimedSections(outline);
  const here = outline.missing.filter((m) => m.parent?.schema === missing.parent?.schema && m.after?.schema === missing.after?.schema);
  const kindred = under.children.filter(
    (c) => c.level === missing.schema.level + 1 && !known.has(c) && kindredTo(c, missing.schema) && here.every((m) => m === missing || !kindredTo(c, m.schema)),
  );
  return kindred.length === 1 ? { section: kindred[0]!, under } : undefined;
}

/**
 * A heading of the author's at the missing section's level that joins a
 * template section's name with words kindred to this one's
 * (`## Drawbacks, Alternatives and Unknowns` where `## Unresolved Questions`
 * goes; see `kindredTo`): the section may be written there, with the other.
 * Named in a warning; nothing is inserted beside it.
 */
function joinedKindred(outline: OutlineMatch, missing: MissingSection, template: TemplateSchema): { section: Section; part: string } | undefined {
  const schema = missing.schema;
  if (schema.repeatable || schema.anyHeading) return undefined;
  const names = templateParts(template);
  for (const section of claimedSections(outline)) {
    if (section.level !== schema.level || !/,|\band\b|&|\/|\+/i.test(section.title)) continue;
    const parts = splitNote(section.title)
      .text.split(/\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&|\+)\s+|\s*\/\s*/i)
      .filter(Boolean);
    if (parts.length < 2 || !parts.some((p) => names.has(variantKey(p)))) continue;
    // (Or by its very name: `## Proposed Solution + Detailed Design`, read as the Detailed design.)
    const part = parts.find((p) => variantKey(p) === variantKey(schema.name) || (!names.has(variantKey(p)) && kindredText(p, schema)));
    if (part) return { section, part };
  }
  return undefined;
}

/**
 * Headings of the author's at its level, away from the missing section's
 * place, whose words hold every word of its name (`## How the relay works`
 * after `## Testing` for `## How it works`; `## Test it locally` and `## Test
 * it remotely` for `## Testing`): it may be there, moved and renamed. Named in
 * a warning; nothing is inserted beside them.
 */
function namedElsewhere(doc: MarkdownDocument, outline: OutlineMatch, missing: MissingSection): Section[] {
  const schema = missing.schema;
  // (Among the pattern's own sections: under another, `### Rationale for commodity hardware` under
  // the Motivation or a topic's own `### References`, it is that section's content.)
  if (schema.repeatable || schema.anyHeading || missing.parent) return [];
  const name = [...new Set(analyze(schema.name))];
  if (name.length === 0 || name.some((w) => w.length < 4)) return [];
  const known = claimedSections(outline);
  const out: Section[] = [];
  for (const s of doc.sections) {
    if (known.has(s) || s.heading === doc.title || s.level !== schema.level) continue;
    // (Whole words: `## Reference-level explanation` is no `## References`.)
    const words = s.title.split(/\s+/).map((w) => analyze(w));
    if (words.length <= 8 && name.every((n) => words.some((w) => w.length === 1 && w[0] === n))) out.push(s);
    // (Or the name's last word alone, of five letters or more, `## Design` for `## Detailed Design`:
    // the section named by its head noun, without the word that qualifies it.)
    else if (name.length >= 2 && words.length === 1 && words[0]!.length === 1 && words[0]![0] === name.at(-1) && name.at(-1)!.length >= 5) out.push(s);
  }
  // (But a sub-section a level down whose heading opens with its whole name — `### Testing using the
  // console` inside the deploy steps — may be it, written there and in longer words, as likely as not.)
  for (const parent of doc.sections.flatMap((top) => (top.heading === doc.title ? top.children : [top])))
    for (const s of parent.children) {
      if (known.has(s) || s.level !== schema.level + 1) continue;
      const words = s.title.split(/\s+/).map((w) => analyze(w));
      // (Not where the words after it name what it is about, `### Drawbacks of the scheduler approach`,
      // `### Rationale for commodity hardware`: a part of the author's about one thing.)
      const next = s.title.split(/\s+/)[name.length]?.toLowerCase();
      if (next && /^(?:of|for|about|regarding|behind|against|to|versus|vs\.?)$/.test(next)) continue;
      // (Or its very name, where the outline did not take it for the section as it closes the author's
      // topics under their heading, `### Summary` last after `### Spare keys` under `## Challenges`: as
      // likely as not. One alone under a topic of theirs, `### References`, is that topic's.)
      const closing = parent.children.at(-1) === s && parent.children.filter((c) => c.level === s.level).length >= 2;
      if (words.length <= 8 && (words.length > name.length || closing) && name.every((n, k) => words[k]?.length === 1 && words[k]![0] === n)) out.push(s);
    }
  return out;
}

/**
 * One or two headings of the author's at a missing top-level section's level, anywhere in the
 * pattern, whose words are kindred to its name (see `kindredTo`), none of them one that may stand
 * for another missing section too.
 */
function talkedOfElsewhere(doc: MarkdownDocument, outline: OutlineMatch, missing: MissingSection, template: TemplateSchema): Section[] {
  const schema = missing.schema;
  if (schema.repeatable || schema.anyHeading || missing.parent) return [];
  const unknown = new Set(outline.unknown);
  const others = outline.missing.filter((m) => m !== missing && !m.parent);
  const top = doc.sections.flatMap((s) => (s.heading === doc.title ? s.children : [s]));
  // (Not one that shares a word of its name: `## Team strategy` beside `## Adoption strategy` is another
  // section of that kind, which the readings by name judge.)
  const name = new Set(analyze(schema.name));
  // (In kindred words only: guidance read for words anywhere in the pattern finds them everywhere —
  // `## Effect on Library Evolution` for Acknowledgments that mention "Swift evolution". Nor is a
  // heading that names another section of the template in more words, `## Beta Graduation Criteria`.)
  const everywhere = flattenSections(template.sections).filter((t) => t !== schema);
  // (Right before the section it follows, as if the two were swapped: `## Background`, then the
  // `## Objective` the Motivation goes after. Further away, kindred words say little: a revision
  // log's `## Changes from revision 1` is no Proposed solution.)
  const follows = missing.after?.sections[0];
  const found = top.filter(
    (s, i) =>
      follows !== undefined &&
      top[i + 1] === follows &&
      s.level === schema.level &&
      unknown.has(s) &&
      !analyze(s.title).some((w) => name.has(w)) &&
      kindredTo(s, schema) &&
      !everywhere.some((t) => variantKey(t.heading) === variantKey(s.title) || extendsName(s.title, t.heading)) &&
      !others.some((m) => mayStandFor(s, m.schema)),
  );
  return found.length <= 2 ? found : [];
}

/**
 * Headings of the author's at a missing top-level section's level, anywhere in
 * the pattern, that its guidance asks for in so many words: a short heading
 * (three content words at most) all of whose words are in the section's name
 * or guidance, whose head word the guidance of no other top-level section of
 * the template talks of (see `speaksFor`), and that names no other template
 * section. (`## Goals` and `## Non-goals` for an Objective whose guidance asks
 * "What are the goals and non-goals?"; not `## Effect on Library Evolution`
 * for Acknowledgments whose guidance mentions "Swift evolution".) Two at most.
 */
function askedForElsewhere(doc: MarkdownDocument, outline: OutlineMatch, missing: MissingSection, template: TemplateSchema): Section[] {
  const schema = missing.schema;
  if (schema.repeatable || schema.anyHeading || missing.parent || !schema.guidance) return [];
  const unknown = new Set(outline.unknown);
  const others = outline.missing.filter((m) => m !== missing && !m.parent);
  const top = doc.sections.flatMap((s) => (s.heading === doc.title ? s.children : [s]));
  // (A short prompt, whose every ask is a part of the section: long guidance names everything.)
  if (analyze(schema.guidance).length > ASKED_GUIDANCE_TERMS) return [];
  // (Word for word, a plural for a singular: stems say too much, "you require" is no `## Requirements`.)
  const bare = (text: string) =>
    words(text)
      .filter((w) => analyze(w).length > 0)
      .map((w) => w.replace(/s$/, ''));
  const asks = new Set(bare(`${schema.name} ${schema.guidance}`));
  const everywhere = flattenSections(template.sections).filter((t) => t !== schema);
  // (Nor a word that names another of its sections: "the reference implementation" in the guidance
  // is the Reference Implementation section's, and `## References` no part of this one.)
  const named = new Set(everywhere.flatMap((t) => analyze(t.name)));
  // (Or a level down under a heading of the author's at its level — `### Problem` under `## Summary`,
  // as the pattern's whole outline moved down a level by heading-level's fix holds it: said the same
  // before and after that fix.)
  const placed = claimedSections(outline);
  const own = top.filter((s) => s.level === schema.level && unknown.has(s));
  // (Not one in the words of its name, a topic's own `### References`: see `namedElsewhere`.)
  const itsName = new Set(analyze(schema.name));
  const inOwn = new Set(own.flatMap((s) => s.children.filter((c) => c.level === schema.level + 1 && !placed.has(c) && !analyze(c.title).some((w) => itsName.has(w)))));
  // (A participle after its noun says which of them, `## Alternatives Considered`; the noun is asked
  // for in a word of its kind, "alternate approaches": see `kindredWords`.)
  const found = [...own, ...inOwn].filter((s) => {
    const terms = headFirst(bare(s.title));
    return (
      terms.length > 0 &&
      terms.length <= 3 &&
      terms.every((t) => asks.has(t) || [...asks].some((a) => kindredWords(t, a))) &&
      analyze(s.title).every((t) => !named.has(t)) &&
      speaksFor(s, template.sections, schema.level) === schema &&
      !everywhere.some((t) => variantKey(t.heading) === variantKey(s.title) || extendsName(s.title, t.heading)) &&
      !others.some((m) => mayStandFor(s, m.schema))
    );
  });
  found.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return found.length <= 2 ? found : [];
}

/** Guidance of at most this many terms asks for the parts a section is made of (see `askedForElsewhere`). */
const ASKED_GUIDANCE_TERMS = 30;

/** A table of contents' heading: no section of the text, nor one in other words. */
const NAVIGATION = /^(?:table of contents|contents|toc)$/i;

function where(missing: MissingSection): string {
  // (Named as this pattern writes it, `## Code Samples: Python` where the template has `## Code
  // Examples: Python`: the heading to look for in the file.)
  const written = (match: SectionMatch, section: Section | undefined) => (section ? headingLabel(section) : schemaLabel(match.schema));
  if (missing.after) return `after ${written(missing.after, missing.after.sections.at(-1))}`;
  if (missing.before) return `before ${written(missing.before, missing.before.sections[0])}`;
  if (missing.parent) return `in ${written(missing.parent, missing.parent.sections[0])}`;
  return 'in the pattern';
}

/**
 * A missing section placed after the headings of the author's that stand for
 * sections before it (`## Implementation` where `## Detailed design` goes):
 * `## Drawbacks` is inserted after that one, as the template orders them,
 * not between it and the section before.
 */
function afterStandIns(missing: MissingSection, all: readonly MissingSection[], steadOf: (m: MissingSection) => Section | undefined = () => undefined): MissingSection {
  const from = missing.after?.schema.line ?? -1;
  // (Or a heading of the author's said to stand in its stead, `# Detailed Description of Problem` where
  // the Motivation goes: the Detailed design that follows goes after it, not between it and its place.)
  const standIn = all
    .filter((m) => m.parent === missing.parent && m.schema.line > from && m.schema.line < missing.schema.line)
    .map((m) => ({ m, section: m.standIn ?? steadOf(m) }))
    .filter((x): x is { m: MissingSection; section: Section } => x.section !== undefined)
    .sort((a, b) => b.m.schema.line - a.m.schema.line)[0];
  if (standIn) return { ...missing, after: { schema: standIn.m.schema, sections: [standIn.section], children: [] } };
  // (And before the stand-in for a section the template puts after it, where nothing before it is
  // there: the missing `## Summary` above the `## Background` that stands for the Motivation.)
  const to = missing.before?.schema.line ?? Infinity;
  const at = missing.before?.sections[0]?.range.start.offset ?? Infinity;
  const next = missing.after
    ? undefined
    : all
        .filter((m) => m.parent === missing.parent && m.schema.line > missing.schema.line && m.schema.line < to)
        .map((m) => ({ m, section: m.standIn ?? steadOf(m) }))
        .filter((x): x is { m: MissingSection; section: Section } => x.section !== undefined && x.section.range.start.offset < at)
        .sort((a, b) => a.m.schema.line - b.m.schema.line)[0];
  return next ? { ...missing, before: { schema: next.m.schema, sections: [next.section], children: [] } } : missing;
}

/**
 * Where the template's text goes: after the previous present section, before
 * the next one, or in the parent. A section the template puts after every
 * section the pattern has goes after the author's own sections too (at the
 * end of its parent, or of the file): `## References` closes a guide whose
 * topics follow its `## Introduction`, rather than splitting them from it.
 */
/**
 * What decides where a missing section goes besides the template: the section it goes above when it
 * is the template's first (`goesFirst`), the level it is written at, and the pattern's sections that
 * stand for template sections the template puts after it.
 */
interface Placing {
  first: Section | undefined;
  level: number;
  later: (section: Section) => boolean;
}

function insertion(doc: MarkdownDocument, missing: MissingSection, text: string, placing: Placing): { offset: number; line: number; insert: string } {
  const found = insertionPoint(doc, missing, text, placing);
  // (Above the anchor line a heading is written under, `<a name="risks"/>` over `# Risks`: it belongs to
  // that heading, which the contents' `[Risks](#risks)` leads to, not to the section inserted before it.)
  const anchor = anchorAbove(doc.source, found.offset);
  const place = anchor === undefined ? found : { ...found, offset: anchor, insert: `${found.insert.replace(/^(?:\r?\n)+|(?:\r?\n)+$/g, '')}\n\n` };
  // A blank line on each side of what is inserted, whatever the author's text around it has (a
  // `---` rule right above the next heading): a heading never runs into the line after it.
  const before = doc.source.slice(0, place.offset);
  const after = doc.source.slice(place.offset);
  let insert = place.insert;
  // (Counted in lines: a file may end its lines with CRLF.)
  if (before.trim() && !/^\r?\n/.test(insert) && !/(?:\r?\n){2}$/.test(before)) insert = (/\n$/.test(before) ? '\n' : '\n\n') + insert;
  const trailing = (/(?:\r?\n)*$/.exec(insert)![0].match(/\n/g) ?? []).length;
  const leading = (/^(?:\r?\n)*/.exec(after)![0].match(/\n/g) ?? []).length;
  if (after.trim() && trailing + leading < 2) insert += '\n'.repeat(2 - trailing - leading);
  return { ...place, insert };
}

function insertionPoint(
  doc: MarkdownDocument,
  missing: MissingSection,
  text: string,
  { first, level, later }: Placing,
): { offset: number; line: number; insert: string } {
  const after = missing.after?.sections.at(-1);
  // A section that closes the document goes before its footer (`----`, then a copyright line).
  // (So does a sub-section of the last section, which runs to that footer: `### Risks` of a Proposal
  // the document ends with goes above it, as the sections after the Proposal do.)
  const parentEnd = missing.parent?.sections.at(-1)?.range.end.offset;
  // (Not past a section the template puts after it, nor past a run of closing sections, between the
  // one it follows and that footer — `### Copyright` after the `### Security` it follows —: above those.)
  const laterBefore = (at: number) =>
    after !== undefined &&
    (flattenSections(doc.sections).some((x) => x.heading.range.start.offset >= after.range.end.offset && x.heading.range.start.offset < at && later(x)) ||
      closingRun(doc, after, at, level) !== undefined);
  const closes = (at: number) =>
    !missing.before && (!missing.parent || (parentEnd !== undefined && parentEnd >= at)) && (!after || at > after.heading.range.end.offset) && !laterBefore(at);
  const footer = footerBreak(doc);
  if (footer && closes(footer.range.start.offset)) return { offset: footer.range.start.offset, line: footer.range.start.line, insert: `${text}\n\n` };
  // (So does a closing run of link definitions, which the page never shows: `[EmacsVar]: <> "End:"`.)
  const definitions = closingDefinitions(doc);
  if (definitions !== undefined && closes(definitions)) return { offset: definitions, line: doc.lines.pointAt(definitions).line, insert: `${text}\n\n` };
  if (after && !missing.before) {
    const parent = missing.parent?.sections.at(-1);
    const end = parent ? parent.range.end.offset : doc.source.trimEnd().length;
    // Reported where the template expects it (after that section); inserted after the author's —
    // but before the run of closing sections that ends the document or its parent (`# Future work`,
    // `# Appendix`, `### Sources`): those stay last.
    // (Nor after a section the template puts after it, written inside the section before: `### Notes`
    // for the closing `## Note`.)
    const stop = flattenSections(doc.sections).find((x) => x.heading.range.start.offset >= after.range.end.offset && x.heading.range.start.offset < end && later(x));
    const closing = stop ?? closingRun(doc, after, end, level);
    // (Nor after a heading the author commented out, `<!-- ## Drawbacks -->`, of a section further on: above it.)
    const hidden = commentedHeadingIn(doc, after.heading.range.end.offset, closing?.range.start.offset ?? end);
    if (hidden) return { offset: hidden.range.start.offset, line: after.range.end.line, insert: `${text}\n\n` };
    if (closing) return { offset: closing.range.start.offset, line: after.range.end.line, insert: `${text}\n\n` };
    if (end > after.range.end.offset) return { offset: pastSpaces(doc, end), line: after.range.end.line, insert: `\n\n${text}` };
  }
  if (after) {
    const hidden = commentedHeadingIn(doc, after.heading.range.end.offset, after.range.end.offset);
    if (hidden) return { offset: hidden.range.start.offset, line: after.range.end.line, insert: `${text}\n\n` };
    return { offset: pastSpaces(doc, after.range.end.offset), line: after.range.end.line, insert: `\n\n${text}` };
  }
  const before = missing.before?.sections[0];
  if (first) return { offset: first.range.start.offset, line: first.range.start.line, insert: `${text}\n\n` };
  if (before) return { offset: before.range.start.offset, line: before.range.start.line, insert: `${text}\n\n` };
  const parent = missing.parent?.sections.at(-1);
  if (parent) {
    // (Before a section the template puts after it, written inside the parent: `### Design Details`
    // under the author's `## Proposal`, where the missing `### User Stories` opens the Proposal.)
    const stop = flattenSections(parent.children).find((x) => later(x));
    if (stop) return { offset: stop.range.start.offset, line: (parent.blocks.at(-1) ?? parent.heading).range.end.line, insert: `${text}\n\n` };
    return { offset: pastSpaces(doc, parent.range.end.offset), line: parent.range.end.line, insert: `\n\n${text}` };
  }
  const end = pastSpaces(doc, doc.source.trimEnd().length);
  return { offset: end, line: doc.lines.pointAt(end).line, insert: end === 0 ? `${text}\n` : `\n\n${text}` };
}

/** The start of an HTML anchor line right above `offset` (blank lines between), `<a name="risks"/>`, `<a id="x"></a>`, if there is one. */
function anchorAbove(source: string, offset: number): number | undefined {
  const m = /(?:^|\n)([ \t]*<a\s+(?:name|id)\s*=\s*["'][^"'\n]*["']\s*\/?>(?:\s*<\/a>)?[ \t]*(?:\r?\n[ \t]*)*)$/i.exec(source.slice(Math.max(0, offset - 300), offset));
  return m ? offset - m[1]!.length : undefined;
}

/**
 * Past the spaces that close the line at `offset`, where only spaces follow it there (`step b ` ending
 * the text): text inserted after the line leaves the author's line as it was.
 */
function pastSpaces(doc: MarkdownDocument, offset: number): number {
  const spaces = /^[ \t]*(?=\r?\n|$)/.exec(doc.source.slice(offset, offset + 200));
  return spaces ? offset + spaces[0].length : offset;
}

/** The first comment between two offsets that holds a heading the author commented out (`<!-- ## Drawbacks -->`). */
function commentedHeadingIn(doc: MarkdownDocument, from: number, to: number): Block | undefined {
  return documentBlocks(doc).find(
    (b) => b.kind === 'html' && b.range.start.offset > from && b.range.start.offset < to && /^\s*<!--/.test(b.html) && /<!--\s*#{1,6}\s+\S|^\s*#{1,6}\s+\S/m.test(b.html),
  );
}

/**
 * The line of a heading for the section that the pattern keeps inside an
 * HTML comment (`<!--## Consequences-->`, or a line of a longer comment), if
 * it has one: the author took the section out and says so.
 */
function commentedOut(doc: MarkdownDocument, schema: TemplateSection): number | undefined {
  const comments = documentBlocks(doc).filter((b): b is Extract<Block, { kind: 'html' }> => b.kind === 'html' && /^\s*<!--/.test(b.html));
  for (const block of comments) {
    const lines = block.html.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      const m = /^\s*(?:<!--)?\s*#{1,6}\s+(.+?)\s*#*\s*(?:-->)?\s*$/.exec(line);
      if (!m) continue;
      const { text } = splitNote(m[1]!.replace(/^\[(.*)\]$/, '$1'));
      if (schema.matcher.test(foldHeading(text)) || variantKey(text) === variantKey(schema.name)) return block.range.start.line + i;
    }
  }
  return undefined;
}

/**
 * For a missing table of contents (a section named so), the pattern's list of
 * links to its own headings, if it has one — two at least, most of its links —
 * and the label line right above it (`Contents:`, `**Table of Contents**`).
 */
function contentsWithoutHeading(doc: MarkdownDocument, schema: TemplateSection): { list: number; label?: string; labelLine?: number } | undefined {
  if (!NAVIGATION.test(foldHeading(schema.name)) && !NAVIGATION.test(foldHeading(schema.heading))) return undefined;
  const blocks = documentBlocks(doc);
  for (const [i, block] of blocks.entries()) {
    if (block.kind !== 'list') continue;
    const inside = doc.links.filter((l) => l.range.start.offset >= block.range.start.offset && l.range.end.offset <= block.range.end.offset);
    const anchors = inside.filter((l) => l.url.startsWith('#'));
    if (anchors.length < 2 || anchors.length * 2 <= inside.length) continue;
    const before = blocks[i - 1];
    const label =
      before?.kind === 'paragraph' && before.range.end.line >= block.range.start.line - 2 && NAVIGATION.test(foldHeading(before.text.replace(/[*_:]+/g, ' ').trim()))
        ? before
        : undefined;
    return { list: block.range.start.line, ...(label ? { label: label.text.trim(), labelLine: label.range.start.line } : {}) };
  }
  return undefined;
}

/**
 * The first of the sections after `after`'s heading, up to `end`, from which
 * every heading to `end` at `level` or above is one of the author's closing
 * sections (see `CLOSING_HEADING`; numbered or in brackets alike: `7. Annexes`, `[Sources]`), if the
 * document ends with such a run there.
 */
function closingRun(doc: MarkdownDocument, after: Section, end: number, level: number): Section | undefined {
  // (At the inserted section's level or above: a `#### References` closing the last topic is that topic's.)
  const later = flattenSections(doc.sections).filter(
    (s) => s.heading.range.start.offset > after.heading.range.end.offset && s.heading.range.start.offset < end && s.level <= level,
  );
  let first: Section | undefined;
  for (let i = later.length - 1; i >= 0; i--) {
    const name = withoutNumbering(foldHeading(later[i]!.title)).replace(/^\[(.*)\]$/, '$1');
    if (!CLOSING_HEADING.test(name)) break;
    first = later[i];
  }
  return first;
}

/**
 * Where the link reference definitions that close the document start (lines
 * like `[EmacsVar]: <> "Local Variables:"` or `[1]: https://…` after its last
 * text), if it ends so.
 */
function closingDefinitions(doc: MarkdownDocument): number | undefined {
  let last = doc.sections.at(-1);
  while (last && last.children.length > 0) last = last.children.at(-1);
  const block = (last ? last.blocks : doc.preamble).at(-1);
  const from = block ? block.range.end.offset : last?.heading.range.end.offset;
  if (from === undefined) return undefined;
  const rest = doc.source.slice(from);
  const start = from + (rest.length - rest.trimStart().length);
  const lines = rest.trim().split(/\r?\n|\r/);
  return lines[0] && lines.every((line) => line.trim() === '' || /^ {0,3}\[[^\]\n]+\]:\s*\S/.test(line)) ? start : undefined;
}

/** Words of a statement about rights to the text: a copyright or licence line, a waiver. */
const RIGHTS = /\b(?:copyright|licen[cs]e[ds]?|waive[ds]?|waiver|public domain|CC0|CC[- ]BY(?:-SA)?|all rights reserved|SPDX)\b/i;

/** The template's boilerplate sections (not marked to keep) whose text is a rights statement. */
function rightsStatements(template: TemplateSchema): BoilerplateSection[] {
  return fromTemplate(template, 'rights statements', () => boilerplateSections(template).filter((b) => !b.marked && RIGHTS.test(b.section.body)));
}

/**
 * Sections of the template whose text is boilerplate, by id: those it marks
 * (`<!-- patternbook: keep -->`), and those whose text most of the catalog's
 * patterns that have them keep (more than half, three at least, in a catalog of
 * `BOILERPLATE_MIN_PATTERNS` or more: as the placeholder rule learns kept text).
 */
function keptSections(template: TemplateSchema, found: readonly (RequiredFindings | undefined)[]): Set<string> {
  const out = new Set(
    boilerplateSections(template)
      .filter((c) => c.marked)
      .map((c) => c.section.id),
  );
  if (found.length < BOILERPLATE_MIN_PATTERNS) return out;
  const counts = new Map<string, { kept: number; having: number }>();
  for (const f of found)
    for (const b of f?.boilerplate ?? []) {
      const c = counts.get(b.id) ?? { kept: 0, having: 0 };
      c.having++;
      if (b.kept) c.kept++;
      counts.set(b.id, c);
    }
  for (const [id, c] of counts) if (c.kept >= 3 && c.kept * 2 > c.having) out.add(id);
  return out;
}

/** How many patterns each folder holds, in it or in its folders (up to the catalog's root). */
function patternsUnder(patterns: readonly PatternView[], root: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of patterns)
    for (let dir = p.dir; ; dir = path.dirname(dir)) {
      counts.set(dir, (counts.get(dir) ?? 0) + 1);
      if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) break;
    }
  return counts;
}
