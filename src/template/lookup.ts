import type { Block, CodeBlock, Section } from '../markdown/types.js';
import type { OutlineMatch } from './match-outline.js';
import { foldText } from './normalize.js';
import type { TemplateSchema, TemplateSection } from './types.js';
import { flattenSections } from './walk.js';

/**
 * Finding a template section by what it is rather than by what the default
 * template happens to call it: the section that holds the table, the
 * versioned repeatable one, the top-level one named "License"…
 */

const perTemplate = new WeakMap<TemplateSchema, Map<string, unknown>>();

/**
 * What a rule works out from the template alone, once per template rather than
 * once per pattern (the template outlives every pattern of the run).
 */
export function fromTemplate<T>(template: TemplateSchema, key: string, compute: () => T): T {
  let memo = perTemplate.get(template);
  if (!memo) perTemplate.set(template, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/** The template's own Markdown section a template section was read from (its heading's line). */
export function sectionOfTemplate(template: TemplateSchema, schema: TemplateSection): Section | undefined {
  return flattenSections(template.document.sections).find((s) => s.heading.range.start.line === schema.line);
}

/** The first template section (depth first, template order) that satisfies `test`. */
export function findSchema(template: TemplateSchema, test: (s: TemplateSection) => boolean): TemplateSection | undefined {
  return flattenSections(template.sections).find(test);
}

/** The section whose template content has a table with columns: the configuration table's section. */
export function configurationSchema(template: TemplateSchema): { schema: TemplateSection; columns: string[]; alternatives: string[][] } | undefined {
  return fromTemplate(template, 'configuration', () => findConfigurationSchema(template));
}

/**
 * The template's section of settings and its table's columns; `alternatives`: every table of settings
 * it shows there, the first one's columns first (`| Setting | New value |` for new settings, `| Setting
 * | Old value | New value |` "for settings that already exist, use this table instead").
 */
function findConfigurationSchema(template: TemplateSchema): { schema: TemplateSection; columns: string[]; alternatives: string[][] } | undefined {
  const fits = (s: TemplateSection, columns: readonly string[]) => columns.length > 0 && !openEnded(columns) && isConfiguration(s, columns);
  const schema = findSchema(template, (s) => s.expects.tables.some((t) => fits(s, t.columns)));
  const alternatives = schema ? schema.expects.tables.filter((t) => fits(schema, t.columns)).map((t) => t.columns) : [];
  return schema && alternatives[0] ? { schema, columns: alternatives[0], alternatives } : undefined;
}

/** Names of a section that holds settings (the whole name: `## Considered Options` is a comparison). */
const CONFIGURATION_SECTION = /^(?:config|configuration|configurations|settings|parameters|configuration parameters|configuration options|environment variables)$/;
/** Column names of what is set, and of what is said of each setting. */
const SETTING_COLUMN = /^(?:parameter|setting|option|variable|property|key|flag|argument|input|env(?:ironment)? var(?:iable)?)s?$/;
const VALUE_COLUMN = /^(?:default(?: value)?|required|mandatory|type|value|allowed values|example)s?$/;
/** A `Name` column is a setting's only beside what only settings have (a default, whether it is required). */
const SETTING_ONLY_COLUMN = /^(?:default(?: value)?|required|mandatory|allowed values)$/;

/**
 * A table of settings: in a section named for them (`## Configuration`,
 * `## Parameters`), or with a column of what is set and one of its default,
 * type or whether it is required. Other tables of a template (a review log, an
 * impact matrix) show a format an author may write some other way, or not
 * at all when there is nothing to put in it.
 */
function isConfiguration(section: TemplateSection, columns: readonly string[]): boolean {
  if (CONFIGURATION_SECTION.test(foldText(section.name))) return true;
  const names = columns.map((c) => foldText(c.replace(/[*_`]/g, '')));
  if (names.some((c) => SETTING_COLUMN.test(c)) && names.some((c) => VALUE_COLUMN.test(c))) return true;
  return names.includes('name') && names.some((c) => SETTING_ONLY_COLUMN.test(c));
}

/**
 * A header whose columns the author chooses: it has a `...` column, or
 * numbered ones (`Criterion 1 | Criterion 2 | … | Criterion N`). Such a table
 * is a sample of a shape, not a table of fixed columns to check.
 */
function openEnded(columns: readonly string[]): boolean {
  const cells = columns.map((c) => c.replace(/[*_`]/g, '').trim());
  if (cells.some((c) => /^(?:\.{2,}|…|etc\.?)$/i.test(c))) return true;
  const stems = cells.map((c) => /^(.*\S)\s+(?:\d+|[nNxX])$/.exec(c)?.[1]?.toLowerCase()).filter((c): c is string => c !== undefined);
  return stems.some((stem, i) => stems.indexOf(stem) !== i);
}

/** The repeatable section whose instances carry a version (`Version <semver> (<date>)`), and its parent. */
export function versionedSchema(template: TemplateSchema): { schema: TemplateSection; parent?: TemplateSection } | undefined {
  return fromTemplate(template, 'versioned', () => findVersionedSchema(template));
}

function findVersionedSchema(template: TemplateSchema): { schema: TemplateSection; parent?: TemplateSection } | undefined {
  const all = flattenSections(template.sections);
  const schema = all.find((s) => s.repeatable && s.versioned);
  if (!schema) return undefined;
  const parent = all.find((s) => s.children.includes(schema));
  return { schema, ...(parent ? { parent } : {}) };
}

/** A top-level template section whose name folds to one of `names` (`license`, `licence`). */
export function topLevelSchema(template: TemplateSchema, names: readonly string[]): TemplateSection | undefined {
  return fromTemplate(template, `top:${names.join('|')}`, () => template.sections.find((s) => names.includes(foldText(s.name)) || names.includes(foldText(s.heading))));
}

/** The pattern's sections that stand for a template section: matched in place, or misplaced elsewhere. */
export function sectionsFor(outline: OutlineMatch, schema: TemplateSection): Section[] {
  const matched = outline.all.filter((m) => m.schema === schema).flatMap((m) => m.sections);
  const misplaced = outline.misplaced.filter((m) => m.schema === schema).map((m) => m.section);
  return [...matched, ...misplaced].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** Sections of the pattern that some template section claims (matched or misplaced). */
export function claimedSections(outline: OutlineMatch): Set<Section> {
  return new Set([...outline.all.flatMap((m) => m.sections), ...outline.misplaced.map((m) => m.section)]);
}

/** Blocks of a section and the blocks nested in its lists and quotes, in order. */
export function allBlocks(blocks: readonly Block[], into: Block[] = []): Block[] {
  for (const b of blocks) {
    into.push(b);
    if (b.kind === 'list') for (const item of b.items) allBlocks(item.blocks, into);
    else if (b.kind === 'blockquote') allBlocks(b.blocks, into);
  }
  return into;
}

/** Code blocks paired with the template section their pattern section matches. */
export function codeBlockSchemas(outline: OutlineMatch): Map<CodeBlock, TemplateSection> {
  const out = new Map<CodeBlock, TemplateSection>();
  for (const match of outline.all) {
    for (const section of match.sections) {
      for (const block of allBlocks(section.blocks)) if (block.kind === 'code') out.set(block.code, match.schema);
    }
  }
  return out;
}

/** The template's sections at any depth, by id (worked out once per template). */
export function sectionsById(template: TemplateSchema): Map<string, TemplateSection> {
  return fromTemplate(template, 'sections by id', () => new Map(flattenSections(template.sections).map((s) => [s.id, s])));
}
