import { DEFAULT_FACETS } from '../catalog/facets.js';
import { statSync } from 'node:fs';
import path from 'node:path';
import { prepareCatalog, sharedSummaryTexts, type PreparedCatalog } from '../catalog/load-catalog.js';
import type { CatalogSettings } from '../catalog/types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { startupClock } from '../lint/timing.js';
import type { PatternRecord } from './record.js';
import { CatalogCache, type CachedRead } from './index-cache.js';
import { readForSearch, readPatterns, readThreads } from './read.js';
import { readText, SearchIndex, type Filters, type SearchHit } from './search-index.js';
import { Synonyms } from './synonyms.js';
import { foldText } from '../template/normalize.js';

export interface OpenSearchOptions {
  /** Catalog root (a folder with a configuration file, or the patterns' parent folder). */
  root: string;
  /** Read the catalog against this template instead of the configured one. */
  templateFile?: string;
  /**
   * Keep what was read in the user's cache folder and start from it next time
   * (see index-cache.ts): only files changed since are read again. Off unless asked.
   */
  cache?: boolean;
}

/**
 * A catalog ready to be searched: its settings, the index and a record per
 * pattern. Built by reading every pattern once, through the catalog layer,
 * one file at a time (each parsed file is dropped once its record and
 * indexed text are made). `refresh` reads one file again — the MCP server
 * calls it when a file changes, and before it answers from a file that
 * changed since it was read.
 */
export class CatalogSearch {
  private readonly index: SearchIndex;
  private readonly loadProblems = new Map<string, Diagnostic>();
  private readonly facetNames: readonly string[];
  /** How the catalog was opened: files read, and files taken from the cache unchanged. */
  readonly opened = { read: 0, fromCache: 0 };
  /** The summaries (folded) several patterns give alike, known once every pattern is read: no pattern's own. */
  shared: ReadonlySet<string> = new Set();

  private constructor(
    private prepared: PreparedCatalog,
    private catalogProblems: Diagnostic[],
    /** The template given instead of the configured one, if any. */
    readonly templateFile: string | undefined,
  ) {
    this.index = new SearchIndex(Synonyms.forCatalog(prepared.config.search.synonyms));
    this.facetNames = prepared.config.site.facets ?? DEFAULT_FACETS;
  }

  static async open(options: OpenSearchOptions): Promise<CatalogSearch> {
    const clock = startupClock('patternbook search');
    clock('reading the catalog');
    const prepared = await prepareCatalog({ root: options.root, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
    const search = new CatalogSearch(prepared, prepared.diagnostics, options.templateFile);
    clock(`settings read, ${prepared.files.length} files found`);
    // Every pattern into the empty index in one go (see `SearchIndex.loader`), in the files' order:
    // those unchanged since the cache was written from it, the others read on one lane or several
    // (see read.ts); later changes are taken one at a time (`refresh`).
    const loader = search.index.loader();
    // Each summary, folded, as it comes: one several patterns give alike is read past once all are in.
    const summaries = new Map<string, number>();
    const take = (i: number, result: CachedRead): void => {
      if (result.failure) search.loadProblems.set(prepared.files[i]!.path, result.failure);
      else if (result.record && result.counts) {
        loader.add(result.record, result.counts);
        if (result.record.summary) summaries.set(result.record.slug, i);
      }
    };
    const input = { config: prepared.config, files: prepared.files, facets: search.facetNames, ...(options.templateFile ? { templateFile: options.templateFile } : {}) };
    const cache = options.cache ? openCache(prepared, search.facetNames, options.templateFile) : undefined;
    const fromCache = prepared.files.map((_, i) => cache?.kept(i) ?? false);
    const toRead = prepared.files.flatMap((_, i) => (fromCache[i] ? [] : [i]));
    // Files kept in the cache are taken (their bodies read back) as the read ones come, in order.
    let next = 0;
    const late: number[] = [];
    const takeKept = (upTo: number): void => {
      for (; next < upTo; next++) {
        if (!fromCache[next]) continue;
        const kept = cache!.take(next);
        if (kept) {
          take(next, kept);
          search.opened.fromCache++;
        } else late.push(next);
      }
    };
    const readSome = async (indices: number[]) => {
      const lanes = readThreads(indices.length);
      const { here } = await readPatterns({ ...input, files: indices.map((i) => prepared.files[i]!) }, prepared.templates, lanes, (result) => {
        const i = indices[result.index]!;
        takeKept(i);
        next = Math.max(next, i + 1);
        take(i, result);
        search.opened.read++;
        cache?.keep(i, result);
      });
      return lanes === 1 ? '1 lane' : `${lanes} lanes, ${here} of ${indices.length} files on this thread`;
    };
    let lanesSaid = 'none';
    try {
      if (toRead.length) lanesSaid = await readSome(toRead);
      takeKept(prepared.files.length);
      // A body the cache could not give back (damaged): read like a changed file, after the others.
      if (late.length) await readSome(late.splice(0));
    } catch (err) {
      cache?.discard();
      throw err;
    }
    const { read, fromCache: kept } = search.opened;
    clock(cache ? `patterns read (${read} of ${read + kept} files read, ${kept} from the cache${read ? `; ${lanesSaid}` : ''})` : `patterns read (${lanesSaid})`);
    loader.finish();
    clock('index built');
    // A summary three patterns or more give word for word (a copied front matter `description`) is
    // the catalog's, none of theirs (as in the catalog layer, see `withOwnSummaries`): those patterns
    // are read again past it, and indexed anew.
    const summaryOf = (slug: string) => search.index.get(slug)!.summary!;
    search.shared = sharedSummaryTexts([...summaries.keys()].map(summaryOf));
    if (search.shared.size > 0) {
      for (const [slug, i] of summaries) if (search.shared.has(foldText(summaryOf(slug)))) await search.load(prepared.files[i]!.file, prepared.files[i]!.path, slug);
      clock('summaries several patterns share read past');
    }
    if (cache?.save()) clock('cache written');
    return search;
  }

  get settings(): CatalogSettings {
    return { root: this.prepared.config.root, config: this.prepared.config, template: this.prepared.template, templates: this.prepared.templates };
  }

  get root(): string {
    return this.prepared.config.root;
  }

  /** Files that could not be loaded and catalog-level warnings, sorted. */
  get diagnostics(): Diagnostic[] {
    return [...this.catalogProblems, ...this.loadProblems.values()].sort(compareDiagnostics);
  }

  get size(): number {
    return this.index.size;
  }

  get(slug: string): PatternRecord | undefined {
    return this.index.get(slug);
  }

  /** Every pattern, by path. */
  all(): readonly PatternRecord[] {
    return this.index.all();
  }

  list(filters?: Filters): PatternRecord[] {
    return this.index.list(filters);
  }

  facets(): Record<string, string[]> {
    return this.index.facets();
  }

  /** The facet names the catalog shows (`site.facets`, else tags, category, status). */
  get facetKeys(): readonly string[] {
    return this.facetNames;
  }

  /**
   * The patterns that answer a question, best first. A file that changed
   * since it was indexed (a watcher that has not caught up yet) is read again
   * and the question asked again, so answers and excerpts agree with the disk.
   */
  async search(question: string, options: { limit?: number; filters?: Filters } = {}): Promise<SearchHit[]> {
    for (let attempt = 0; ; attempt++) {
      const stale: PatternRecord[] = [];
      const hits = this.index.search(question, {
        ...options,
        read: (record) => {
          if (attempt === 0 && changedOnDisk(record)) stale.push(record);
          return readText(record);
        },
      });
      if (stale.length === 0) return hits;
      for (const record of stale) await this.refresh(record.file);
    }
  }

  /** A pattern's text as it is on disk now (indexed again first when it changed); undefined when it is gone. */
  async currentText(record: PatternRecord): Promise<string | undefined> {
    if (changedOnDisk(record)) await this.refresh(record.file);
    return readText(record);
  }

  /**
   * Reads one file again. A pattern's file: re-indexed, or dropped when it is
   * gone or no longer loads (its problem kept for `diagnostics`). Any other
   * file: the catalog's files are discovered again (it may be a new pattern).
   */
  async refresh(file: string): Promise<void> {
    const abs = path.resolve(file);
    const known = this.prepared.files.find((f) => f.file === abs);
    if (!known) return this.rediscover();
    if (!statSync(abs, { throwIfNoEntry: false })?.isFile()) return this.rediscover();
    await this.load(abs, known.path, known.slug);
  }

  /** Brings the whole index in line with the disk: files discovered again, every changed pattern read again. */
  async resync(): Promise<void> {
    await this.rediscover();
    for (const record of this.all()) if (changedOnDisk(record)) await this.refresh(record.file);
  }

  /** Discovers the catalog's files again: new ones are indexed, those gone are dropped. */
  async rediscover(): Promise<void> {
    const prepared = await prepareCatalog({ root: this.root, config: this.prepared.config, ...(this.templateFile ? { templateFile: this.templateFile } : {}) });
    const now = new Set(prepared.files.map((f) => f.file));
    for (const record of this.all()) if (!now.has(record.file)) this.index.remove(record.slug);
    for (const rel of [...this.loadProblems.keys()]) if (!now.has(path.join(this.root, rel))) this.loadProblems.delete(rel);
    this.catalogProblems = prepared.diagnostics;
    const before = new Set(this.prepared.files.map((f) => f.file));
    this.prepared = { ...this.prepared, files: prepared.files, diagnostics: prepared.diagnostics };
    for (const f of prepared.files) if (!before.has(f.file) || !this.index.get(f.slug)) await this.load(f.file, f.path, f.slug);
  }

  private async load(file: string, rel: string, slug: string): Promise<void> {
    const read = await readForSearch({ file, path: rel, slug }, this.prepared.config, this.prepared.templates, this.facetNames, this.shared);
    if ('failure' in read) this.loadProblems.set(rel, read.failure);
    else this.loadProblems.delete(rel);
    if ('record' in read) this.index.add(read.record, read.text);
    else if (this.index.get(slug)?.file === file) this.index.remove(slug);
  }
}

/** The catalog's cache, read for these settings (see index-cache.ts). */
function openCache(prepared: PreparedCatalog, facets: readonly string[], templateFile: string | undefined): CatalogCache {
  return CatalogCache.open(prepared.config.root, prepared.files, {
    config: prepared.config,
    templates: prepared.templates,
    facets,
    ...(templateFile ? { templateFile } : {}),
  });
}

function changedOnDisk(record: PatternRecord): boolean {
  const now = statSync(record.file, { throwIfNoEntry: false });
  return !now || now.mtimeMs !== record.mtimeMs || now.size !== record.size;
}
