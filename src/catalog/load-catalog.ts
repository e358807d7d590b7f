import path from 'node:path';
import { loadConfig, findCatalogRoot, type CatalogConfig } from '../config/load-config.js';
import type { KnownRule } from '../config/validate.js';
import { compareDiagnostics, PatternbookError, type Diagnostic } from '../diagnostics.js';
import { loadTemplate } from '../template/load-template.js';
import type { TemplateSchema } from '../template/types.js';
import { splitNote } from '../template/heading-variants.js';
import { foldHeading } from '../template/normalize.js';
import { flattenSections } from '../template/walk.js';
import { mapLimit } from '../util/concurrency.js';
import { discoverPatterns, type DiscoveredFile } from './discover.js';
import { templateSet, type TemplateSet } from './templates.js';
import { loadCatalogPattern, loadInput, readMetadata, rereadSummary } from './load-pattern.js';
import { foldText } from '../template/normalize.js';
import type { Catalog, Pattern, PatternView } from './types.js';
import { isFolderPage } from './folder-page.js';
import { sharedSummaryKey } from './view.js';

export interface LoadCatalogOptions {
  /** Catalog root; default: the nearest folder upward from `cwd` with a configuration file, else `cwd`. */
  root?: string;
  cwd?: string;
  /** Use this configuration instead of reading it from the root. */
  config?: CatalogConfig;
  /** The lint rules the configuration may name: their ids and options are checked with the rest of the file. */
  rules?: readonly KnownRule[];
  /** Use this template file instead of the configured one. */
  templateFile?: string;
  /** Keep markdown-it tokens on each document (for renderers). */
  keepTokens?: boolean;
  /** Files read at once. */
  concurrency?: number;
}

/**
 * Reads a catalog from disk into the model: configuration, template schema,
 * and every pattern file, each read and parsed once. Files that fail to load
 * become fatal diagnostics; the others still load.
 */
export async function loadCatalog(options: LoadCatalogOptions | string = {}): Promise<Catalog> {
  const opts = typeof options === 'string' ? { root: options } : options;
  return loadPreparedCatalog(await prepareCatalog(opts), opts);
}

/** Reads and parses the pattern files of a prepared catalog. */
export async function loadPreparedCatalog(prepared: PreparedCatalog, opts: Pick<LoadCatalogOptions, 'keepTokens' | 'concurrency'> = {}): Promise<Catalog> {
  const { config, template, templates, files } = prepared;
  const diagnostics = [...prepared.diagnostics];
  const results = await mapLimit(files, opts.concurrency ?? 16, (f) => loadCatalogPattern(loadInput(config, f), templates, { keepTokens: opts.keepTokens ?? false }));
  const patterns: Pattern[] = [];
  for (const result of results) {
    if (result.ok) patterns.push(result.pattern);
    else diagnostics.push(result.diagnostic);
  }
  diagnostics.sort(compareDiagnostics);
  const sharedSummaries = await withOwnSummaries(patterns, templates, (p) => p);
  return { root: config.root, config, template, templates, patterns, bySlug: new Map(patterns.map((p) => [p.slug, p])), diagnostics, sharedSummaries };
}

/** Patterns that give one summary alike, word for word, for it to be the catalog's boilerplate rather than any one's summary. */
const SHARED_SUMMARY = 3;

/**
 * The texts (folded) several of the catalog's patterns give alike as their summary — three or more: a
 * front matter `description` every page copies (`Module specification of the program`), a line of
 * the header every document keeps (`See the lifecycle document for context…`), a checklist's first
 * item. A catalog-wide fact: such a text says nothing of any one of them. `summaries`: the text each
 * pattern's summary is shown as (its `sharedSummaryKey`, or the shown text search keeps).
 */
export function sharedSummaryTexts(summaries: Iterable<string>): Set<string> {
  const counts = new Map<string, number>();
  for (const summary of summaries) {
    const text = foldText(summary);
    if (text !== '') counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= SHARED_SUMMARY).map(([text]) => text));
}

/**
 * The pattern with its summary read again past the catalog's shared texts (`shared`, see
 * `sharedSummaryTexts`) where its own is one of them: its own words, or none. (A pattern loaded anew
 * — `dev` after an edit, an editor's unsaved text — is judged by the catalog's shared texts as loaded.)
 */
export function withOwnSummary(pattern: Pattern, templates: TemplateSet, shared: ReadonlySet<string> | undefined): Pattern {
  if (!shared || !pattern.summary || !shared.has(sharedSummaryKey(pattern.summary))) return pattern;
  const { summary: _, ...rest } = pattern;
  // (Read where no other place is tried, the item of a list, it may be the same again: then none.)
  const own = rereadSummary(pattern, templates.for(pattern.path), shared);
  return own && !shared.has(sharedSummaryKey(own)) ? { ...rest, summary: own } : rest;
}

/**
 * Each pattern's summary none of the catalog's shared texts (see `withOwnSummary`), in place. `full`
 * gives a pattern loaded in full (its document read again where `patterns` are views). Returns the
 * shared texts, for the catalog to keep.
 */
export async function withOwnSummaries<P extends PatternView>(
  patterns: P[],
  templates: TemplateSet,
  full: (view: P) => Pattern | Promise<Pattern | undefined>,
): Promise<ReadonlySet<string>> {
  const shared = sharedSummaryTexts(patterns.flatMap((p) => (p.summary && p.movedTo === undefined ? [sharedSummaryKey(p.summary)] : [])));
  if (shared.size === 0) return shared;
  for (const [i, p] of patterns.entries()) {
    if (!p.summary || !shared.has(sharedSummaryKey(p.summary))) continue;
    const loaded = await full(p);
    if (!loaded) continue;
    const own = withOwnSummary(loaded, templates, shared).summary;
    const { summary: _, ...rest } = p;
    // (A copy: a view keeps no slice of the file's text.)
    patterns[i] = (own ? { ...rest, summary: structuredClone(own) } : rest) as P;
  }
  return shared;
}

export interface PreparedCatalog {
  config: CatalogConfig;
  template: TemplateSchema;
  /** The template of each pattern (the catalog's, or the one its `overrides` give it). */
  templates: TemplateSet;
  /** The pattern files to load, slug clashes removed. */
  files: DiscoveredFile[];
  /** Discovery problems so far. */
  diagnostics: Diagnostic[];
}

/** Everything before the pattern files are read: configuration, template, discovery. */
export async function prepareCatalog(opts: Omit<LoadCatalogOptions, 'keepTokens' | 'concurrency'>): Promise<PreparedCatalog> {
  const root = path.resolve(opts.cwd ?? process.cwd(), opts.root ?? findCatalogRoot(opts.cwd ?? process.cwd()));
  const config = opts.config ?? (await loadConfig(root, opts.rules ? { rules: opts.rules } : {}));
  const templates = await loadCatalogTemplates(config, opts.templateFile);
  const template = templates.base;

  const discovered = await discoverPatterns({
    root: config.root,
    patterns: config.patterns,
    exclude: config.exclude,
    skipDirs: [path.resolve(config.root, config.outDir)],
    skipFiles: templates.all().map((t) => t.file),
  });
  const diagnostics: Diagnostic[] = [...discovered.diagnostics];
  if (discovered.files.length === 0) {
    diagnostics.push({
      path: config.file ? path.relative(config.root, config.file) : '.',
      line: 1,
      column: 1,
      ruleId: 'discovery',
      severity: 'warning',
      message: `No pattern files match \`patterns\` (${config.patterns.join(', ')}) in ${config.root}: check the globs, or the catalog folder given.`,
    });
  }
  return { config, template, templates, files: rejectSlugClashes(discovered.files, diagnostics), diagnostics };
}

export async function loadCatalogTemplate(config: CatalogConfig, override?: string): Promise<TemplateSchema> {
  return readTemplate(
    config,
    override ?? config.template,
    config.sections,
    override ? '(given with --template)' : config.file ? `(set by \`template\` in ${config.file})` : '',
    !override && (config.siblingTemplates?.length ?? 0) > 0,
  );
}

/**
 * The base template's siblings (`template: [base, …]`), read with the
 * catalog's `sections` (each name must be some template's section). None with
 * `--template`, which names the one template to judge by.
 */
async function loadSiblingTemplates(config: CatalogConfig, base: TemplateSchema, override?: string): Promise<TemplateSchema[]> {
  const files = override ? [] : (config.siblingTemplates ?? []);
  if (files.length === 0) return [];
  const where = config.file ? `(set by \`template\` in ${config.file})` : '';
  const siblings = await Promise.all(files.map((file) => readTemplate(config, file, config.sections, where, true)));
  const names = new Set([base, ...siblings].flatMap((t) => flattenSections(t.sections).flatMap((s) => [foldHeading(s.name), foldHeading(s.heading)])));
  const unknown = Object.keys(config.sections).filter((key) => !names.has(foldHeading(splitNote(key).text)) && !names.has(foldHeading(key)));
  if (unknown.length > 0)
    throw new PatternbookError(
      `Configuration \`sections\` names ${unknown.map((k) => `"${k}"`).join(', ')}, which none of the templates has${config.file ? ` (${config.file})` : ''}. Use a section name from one of them.`,
    );
  return siblings;
}

/**
 * The catalog's template and the variants its `overrides` ask for (`--template`
 * replaces the catalog's own; overrides that name no template of their own
 * use it too).
 */
export async function loadCatalogTemplates(config: CatalogConfig, override?: string): Promise<TemplateSet> {
  const base = await loadCatalogTemplate(config, override);
  const siblings = await loadSiblingTemplates(config, base, override);
  const chosen = override ? { ...config, template: override } : config;
  return templateSet(
    chosen,
    base,
    (file, sections, where) => readTemplate(config, file, sections, config.file ? `(set by \`${where}\` in ${config.file})` : `(${where})`),
    siblings,
  );
}

async function readTemplate(
  config: CatalogConfig,
  file: string | undefined,
  sections: CatalogConfig['sections'],
  from: string,
  sharedSections = false,
): Promise<TemplateSchema> {
  // The template's own metadata file, where patterns keep one beside them (`kep.yaml`): the stages it lists.
  const metadata = file && config.metadataFile ? readMetadata(path.join(path.dirname(file), config.metadataFile)) : undefined;
  const options = {
    sections,
    sharedSections,
    ...(metadata?.kind === 'ok' ? { metadata: metadata.data } : {}),
    placeholders: config.placeholders,
    ...(config.title ? { title: config.title } : {}),
    ...(config.summary ? { summary: config.summary } : {}),
  };
  try {
    return file ? await loadTemplate(file, options) : await loadTemplate(undefined, options);
  } catch (err) {
    // Say where the template was chosen: the configuration file's `template`, an override, or --template.
    if (err instanceof PatternbookError && file && from) throw new PatternbookError(`${err.message} ${from}`, err.exitCode);
    throw err;
  }
}

/**
 * Slugs name pages and folders, so two patterns may not share one, not even
 * by case or Unicode form (`Saga` and `saga`, `café` composed and decomposed,
 * collide on case-insensitive and normalising file systems).
 * The first by path wins; the others are reported and not loaded.
 */
/**
 * Files of one name in different folders (`accepted/records.md` and
 * `rejected/records.md`, each `records` by its name) are different patterns
 * of a catalog that files them by folder: each is named by as many of its
 * folders as tell them apart (`accepted-records`, `rejected-records`), never
 * one left off. Names that still clash — one folder, two cases of a name —
 * are the author's to rename (see `rejectSlugClashes`).
 */
export function qualifySlugs<F extends { path: string; slug: string }>(files: readonly F[]): F[] {
  const key = (slug: string) => slug.normalize('NFC').toLowerCase();
  const groups = new Map<string, F[]>();
  for (const f of files) groups.set(key(f.slug), [...(groups.get(key(f.slug)) ?? []), f]);
  const renamed = new Map<F, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // The folders above each file's own (the pattern's folder, for `name/README.md`), nearest first.
    const above = group.map((f) => {
      const parts = f.path.split('/').slice(0, -1);
      const own = isFolderPage(path.posix.basename(f.path)) ? parts.slice(0, -1) : parts;
      return own.reverse();
    });
    const depth = Math.max(...above.map((a) => a.length));
    for (let n = 1; n <= depth; n++) {
      const names = group.map((f, i) => [...above[i]!.slice(0, n)].reverse().concat(f.slug).join('-'));
      if (new Set(names.map(key)).size === names.length) {
        group.forEach((f, i) => renamed.set(f, names[i]!));
        break;
      }
    }
  }
  return renamed.size === 0 ? [...files] : files.map((f) => (renamed.has(f) ? { ...f, slug: renamed.get(f)! } : f));
}

function rejectSlugClashes(discovered: DiscoveredFile[], diagnostics: Diagnostic[]): DiscoveredFile[] {
  const owners = new Map<string, DiscoveredFile>();
  const kept: DiscoveredFile[] = [];
  for (const f of qualifySlugs(discovered)) {
    // macOS and Windows see `Saga` and `saga`, and `café` written either Unicode way, as one name.
    const key = f.slug.normalize('NFC').toLowerCase();
    const owner = owners.get(key);
    if (owner) {
      const how =
        owner.slug === f.slug
          ? 'the same slug'
          : owner.slug.normalize('NFC') === f.slug.normalize('NFC')
            ? 'the same name in another Unicode form (NFC and NFD)'
            : 'a slug that differs only by case';
      diagnostics.push({
        path: f.path,
        line: 1,
        column: 1,
        ruleId: 'duplicate-slug',
        severity: 'error',
        fatal: true,
        message: `Pattern slug \`${f.slug}\` clashes with \`${owner.slug}\` (${owner.path}), ${how}: rename one of them.`,
      });
      continue;
    }
    owners.set(key, f);
    kept.push(f);
  }
  return kept;
}
