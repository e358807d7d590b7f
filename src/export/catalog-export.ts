import { displaySummary, displayTitle } from '../catalog/view.js';
import type { Catalog, LightCatalog, Pattern } from '../catalog/types.js';
import { CatalogIndex } from '../catalog/catalog-index.js';
import { relationLists, type PatternRelations } from '../catalog/relations.js';
import type { LintFileResult } from '../lint/result.js';
import type { Section } from '../markdown/types.js';
import { readRecords, type VerifyRecord } from '../run/record.js';
import { sectionsFor, topLevelSchema, versionedSchema } from '../template/lookup.js';
import { matchOutline } from '../template/match-outline.js';
import { patternParameters } from '../template/parameters.js';
import type { TemplateSchema } from '../template/types.js';
import type { CatalogExport, PatternEntry } from './schema.js';

/** What a pattern's entry needs from the rest of the catalog. */
export interface EntryContext {
  template: TemplateSchema;
  related: string[];
  alternatives: string[];
  mentions: string[];
  backlinks: string[];
  lint: { errors: number; warnings: number };
  record?: VerifyRecord;
}

/**
 * The whole catalog as data, from a fully loaded catalog (every file's
 * sections and text), its lint results and the verification records. The
 * same input always gives the same output (no timestamps, keys in one order).
 */
export function catalogExport(catalog: Catalog, lint: readonly LintFileResult[], records: Map<string, VerifyRecord> = readRecords(catalog.root).records): CatalogExport {
  const relations = catalogRelations(catalog);
  const lintByFile = new Map(lint.map((r) => [r.file, r]));
  return {
    ...exportHeader(catalog),
    // A redirect stub (it only says the pattern moved) is no pattern of the export.
    patterns: catalog.patterns
      .filter((p) => p.movedTo === undefined)
      .map((pattern) => {
        const r = relations.get(pattern.slug);
        const result = lintByFile.get(pattern.file);
        const record = records.get(pattern.slug);
        return patternEntry(pattern, {
          template: catalog.templates.for(pattern.path),
          related: r?.related ?? [],
          alternatives: r?.alternatives ?? [],
          mentions: r?.mentions ?? [],
          backlinks: r?.backlinks ?? [],
          lint: { errors: result?.errorCount ?? 0, warnings: result?.warningCount ?? 0 },
          ...(record ? { record } : {}),
        });
      }),
  };
}

export function exportHeader(catalog: Pick<Catalog, 'config' | 'template'>): Omit<CatalogExport, 'patterns'> {
  return {
    format: 'patternbook-catalog',
    formatVersion: 1,
    title: catalog.config.site.title ?? 'Pattern catalog',
    template: { name: catalog.template.name, version: catalog.template.version },
  };
}

/** Related, alternatives, mentions and backlinks of every pattern that has any, by slug, each list in first-seen order. */
export function catalogRelations(catalog: LightCatalog): Map<string, PatternRelations> {
  return relationLists(new CatalogIndex(catalog).relations());
}

const SEMVER = /\bv?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)\b/;
const DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** The semantic version a changelog heading names (`Version 1.2.0 (2024-01-15)` → `1.2.0`). */
export const versionIn = (heading: string): string | undefined => SEMVER.exec(heading)?.[1];
/** The date a changelog heading names, `YYYY-MM-DD`. */
export const dateIn = (heading: string): string | undefined => DATE.exec(heading)?.[1];

/** One pattern's entry: its own content from the full pattern, the rest from `ctx`. */
export function patternEntry(pattern: Pattern, ctx: EntryContext): PatternEntry {
  return assembleEntry(ownEntry(pattern, ctx.template), ctx);
}

/** What a pattern's entry says of the pattern alone (worked out while it is loaded; the site keeps it until the catalog is known). */
export type OwnEntry = Omit<PatternEntry, 'relations' | 'lint' | 'verification'>;

export function ownEntry(pattern: Pattern, template: TemplateSchema): OwnEntry {
  const doc = pattern.document;
  const outline = matchOutline(template.sections, doc.sections);
  const sections: PatternEntry['sections'] = [];
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      sections.push({ heading: s.heading.text, level: s.level, id: s.heading.id, path: [...s.path], text: ownText(pattern, s) });
      walk(s.children);
    }
  };
  walk(doc.sections);

  const versioned = versionedSchema(template);
  const changelog: PatternEntry['changelog'] = versioned
    ? sectionsFor(outline, versioned.schema).map((s) => {
        const version = versionIn(s.title);
        const date = dateIn(s.title);
        return { ...(version ? { version } : {}), ...(date ? { date } : {}), heading: s.title, text: ownText(pattern, s) };
      })
    : [];
  const newest = [...changelog].filter((c) => c.version).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
  const textOf = (names: string[]) => {
    const schema = topLevelSchema(template, names);
    const found = schema ? sectionsFor(outline, schema)[0] : undefined;
    const text = found ? ownText(pattern, found) : '';
    return text || undefined;
  };
  const author = textOf(['author', 'authors']);
  const license = textOf(['license', 'licence']);
  return {
    slug: pattern.slug,
    path: pattern.path,
    url: `patterns/${encodeURIComponent(pattern.slug)}/`,
    title: displayTitle(pattern),
    ...(pattern.summary ? { summary: displaySummary(pattern.summary)! } : {}),
    frontMatter: pattern.frontMatter,
    ...(newest?.version ? { version: newest.version } : {}),
    ...(newest?.date ? { updated: newest.date } : {}),
    sections,
    parameters: patternParameters(pattern, template, outline).map((p) => ({
      name: p.name,
      description: p.description,
      required: p.required,
      ...(p.default !== undefined ? { default: p.default } : {}),
    })),
    changelog,
    ...(author ? { author } : {}),
    ...(license ? { license } : {}),
  };
}

/** The entry with the catalog's side filled in, keys always in the schema's order. */
export function assembleEntry(own: OwnEntry, ctx: Omit<EntryContext, 'template'>): PatternEntry {
  const v = ctx.record;
  return {
    slug: own.slug,
    path: own.path,
    url: own.url,
    title: own.title,
    ...(own.summary !== undefined ? { summary: own.summary } : {}),
    frontMatter: own.frontMatter,
    ...(own.version !== undefined ? { version: own.version } : {}),
    ...(own.updated !== undefined ? { updated: own.updated } : {}),
    sections: own.sections,
    parameters: own.parameters,
    relations: { related: ctx.related, alternatives: ctx.alternatives, mentions: ctx.mentions, backlinks: ctx.backlinks },
    changelog: own.changelog,
    ...(own.author !== undefined ? { author: own.author } : {}),
    ...(own.license !== undefined ? { license: own.license } : {}),
    lint: ctx.lint,
    verification: v ? { status: v.status, when: v.when, ...(v.commit ? { commit: v.commit } : {}), ...(v.reason ? { reason: v.reason } : {}) } : { status: 'never' },
  };
}

/**
 * The export as text, written as it comes (the site streams it): the same
 * bytes as `JSON.stringify(data, null, 2)` plus a newline.
 */
export function exportJsonParts(header: Omit<CatalogExport, 'patterns'>): {
  open: string;
  entry: (e: PatternEntry, first: boolean) => string;
  close: (count: number) => string;
} {
  const head = JSON.stringify({ ...header, patterns: [] }, null, 2);
  const open = head.slice(0, head.lastIndexOf('[]'));
  return {
    open: `${open}[`,
    entry: (e, first) => `${first ? '' : ','}\n${JSON.stringify(e, null, 2).replace(/^/gm, '    ')}`,
    close: (count) => `${count ? '\n  ' : ''}]\n}\n`,
  };
}

/** A section's own Markdown: after its heading, before its first sub-section. */
function ownText(pattern: Pattern, section: Section): string {
  const doc = pattern.document;
  const start = section.heading.range.end.offset;
  const end = section.children[0]?.range.start.offset ?? section.range.end.offset;
  return start >= end ? '' : doc.source.slice(start, end).trim();
}
