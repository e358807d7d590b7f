import type { Block, Section, Table } from '../markdown/types.js';
import type { OutlineMatch } from './match-outline.js';
import { foldText } from './normalize.js';
import type { TemplateSchema, TemplateSection } from './types.js';
import { closest } from '../util/similar.js';
import { configurationSchema, sectionsFor } from './lookup.js';
import { splitNote } from './heading-variants.js';

export interface ColumnMapping {
  /** Template column index → the pattern table's column index (same name, a near miss, or the same place). */
  index: Map<number, number>;
  /** Pattern columns that look like a misspelt template column. */
  renamed: { actual: number; expected: number; near: boolean }[];
  /** Template columns the pattern table does not have. */
  missing: number[];
  /** Pattern columns the template does not have. */
  extra: number[];
}

export interface ConfigTable {
  schema: TemplateSection;
  /** The template's column names (of the table of its that the pattern's fits best, where it shows several). */
  columns: string[];
  section: Section;
  /** The pattern's table in that section that best fits the template's columns; absent when there is none. */
  table?: Table;
  mapping?: ColumnMapping;
  /**
   * Tables in that section that share no column with the template's, by name or a near miss (a
   * schedule, an example): none is the table of settings, whose absence they do not make an error.
   */
  others?: Table[];
  /** The section says in words that there is nothing to list (`No new parameters are introduced.`, `None.`). */
  saysNone?: boolean;
  /** With no table, the section names settings or values in its text (`` `blob.GasPerByte` ``, `to 25%`): it gives them in words. */
  inWords?: boolean;
}

/** The pattern's configuration tables: one per section matching the template's table section. */
export function configTables(template: TemplateSchema, outline: OutlineMatch, tables: readonly Table[]): ConfigTable[] {
  const config = configurationSchema(template);
  if (!config) return [];
  return sectionsFor(outline, config.schema).map((section) => {
    const inside = tables.filter((t) => t.range.start.offset >= section.range.start.offset && t.range.end.offset <= section.range.end.offset);
    // Each table against each table of settings the template shows: the pair sharing the most columns
    // by name, then by a near miss (the first on a tie).
    const scored = inside.flatMap((table) =>
      config.alternatives.map((columns) => {
        const mapping = mapColumns(columns, table.header);
        return { table, columns, mapping, named: mapping.index.size - mapping.renamed.filter((r) => !r.near).length };
      }),
    );
    const best = scored.filter((x) => x.named > 0).sort((a, b) => b.named - a.named || b.mapping.index.size - a.mapping.index.size)[0];
    const others = inside.filter((t) => !scored.some((x) => x.table === t && x.named > 0));
    const saysNone = !best && section.blocks.some((b) => b.kind === 'paragraph' && NOTHING_TO_LIST.test(b.text.replace(/[*_`]/g, '').trim()));
    // (No table, where its text names settings — a code span, a number — in paragraphs or lists of its
    // own or of its sub-sections: `The migration sets the rate in \`x/fees\` to 25%.`)
    const inWords = !best && inside.length === 0 && !saysNone && namesValues(section);
    return {
      schema: config.schema,
      columns: best?.columns ?? config.columns,
      section,
      ...(best ? { table: best.table, mapping: best.mapping } : {}),
      ...(others.length > 0 ? { others } : {}),
      ...(saysNone ? { saysNone } : {}),
      ...(inWords ? { inWords } : {}),
    };
  });
}

/** A section whose paragraphs or list items (its sub-sections' too) name a setting or a value: a code span, a number with a unit or set to. */
function namesValues(section: Section): boolean {
  const blocks = (s: Section): Block[] => [...s.blocks, ...s.children.flatMap(blocks)];
  // (A number as a value: with a unit or a percent, or set to it — `to 25%`, `= 30s` —, not `v2`.)
  const values = (text: string, raw: string) =>
    /`[^`\n]+`/.test(raw) ||
    /\b\d+(?:\.\d+)?\s*(?:%|ms|s|secs?|seconds?|minutes?|mins?|hours?|h|days?|kb|mb|gb|tb|x)(?![\p{L}\d])/iu.test(text) ||
    /(?:\bto|=|:)\s*\d/.test(text);
  const said = (b: Block): boolean =>
    b.kind === 'paragraph'
      ? values(b.text, b.raw)
      : b.kind === 'list'
        ? b.items.some((item) => values(item.text, item.raw))
        : b.kind === 'blockquote'
          ? b.blocks.some(said)
          : false;
  return blocks(section).some(said);
}

/** A sentence that says a section of settings has none to list: `None.`, `N/A`, `No new parameters are introduced.`, `This change adds no settings.` */
const NOTHING_TO_LIST =
  /^(?:(?:none|n\/a|not applicable|nothing(?: to (?:list|add|configure|change))?)\.?$|no (?:new |changed |additional )?(?:parameters?|settings?|configuration|config|options?|changes? to (?:parameters|settings|configuration))\b|(?:this|the) [\w-]+ (?:adds|introduces|changes|has|needs|requires|defines) no (?:new |additional )?(?:parameters?|settings?|configuration|options?)\b|there are no (?:new |changed )?(?:parameters?|settings?|configuration options?)\b)/i;

/** Pairs a table's header with the template's columns: by name, then by near miss, then by position. */
export function mapColumns(expected: readonly string[], actual: readonly string[]): ColumnMapping {
  const index = new Map<number, number>();
  const used = new Set<number>();
  // (By name with a note after it too, `Current value (implicit)`: the template's column, as a heading
  // with a note is the template's section.)
  const bare = (column: string) => foldText(splitNote(column).text);
  expected.forEach((name, i) => {
    const j = actual.findIndex((a, k) => !used.has(k) && (foldText(a) === foldText(name) || bare(a) === bare(name)));
    if (j >= 0) {
      index.set(i, j);
      used.add(j);
    }
  });
  const renamed: ColumnMapping['renamed'] = [];
  const freeExpected = () => expected.map((_, i) => i).filter((i) => !index.has(i));
  actual.forEach((name, j) => {
    if (used.has(j)) return;
    const near = closest(name, freeExpected(), (i) => expected[i]!);
    if (near === undefined) return;
    index.set(near, j);
    used.add(j);
    renamed.push({ actual: j, expected: near, near: true });
  });
  // A column in the place of a missing one is that column, renamed ("Mandatory" where "Required" goes).
  actual.forEach((_, j) => {
    if (used.has(j) || j >= expected.length || index.has(j)) return;
    index.set(j, j);
    used.add(j);
    renamed.push({ actual: j, expected: j, near: false });
  });
  return {
    index,
    renamed: renamed.sort((a, b) => a.actual - b.actual),
    missing: freeExpected(),
    extra: actual.map((_, j) => j).filter((j) => !used.has(j)),
  };
}

/** Index of the template column whose name folds to `name` (`required`, `default`). */
export function templateColumn(columns: readonly string[], name: string): number | undefined {
  const i = columns.findIndex((c) => foldText(c) === name);
  return i >= 0 ? i : undefined;
}

/** The parameter name of each row: the cell under the template's first column. */
export function parameterColumn(config: ConfigTable): number {
  return config.mapping?.index.get(0) ?? 0;
}
