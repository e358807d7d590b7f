import { DEFAULT_FACETS } from '../catalog/facets.js';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, stat } from 'node:fs/promises';
import { isLfsPointer, readHead } from '../catalog/image-type.js';
import path from 'node:path';
import { prepareCatalog, withOwnSummary, type PreparedCatalog } from '../catalog/load-catalog.js';
import { loadCatalogPattern, loadInput, type LoadPatternResult } from '../catalog/load-pattern.js';
import type { SlugRelation } from '../catalog/relations.js';
import { CatalogIndex, isBareLabel } from '../catalog/catalog-index.js';
import { resolveReference } from '../catalog/links.js';
import { swapOf, type PrefixSwap } from '../catalog/renames.js';
import type { LightCatalog, Pattern, PatternView } from '../catalog/types.js';
import { displayTitle, sharedSummaryKey } from '../catalog/view.js';
import type { CatalogConfig } from '../config/load-config.js';
import { PatternbookError, type Diagnostic } from '../diagnostics.js';
import { lintStream, throughBaseline } from '../lint/lint.js';
import type { LintFileResult } from '../lint/result.js';
import type { LintSession } from '../lint/session.js';
import { writeFileAtomic } from '../util/text-file.js';
import { registry } from '../lint/registry.js';
import { phaseClock } from '../lint/timing.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { assembleEntry, exportHeader, exportJsonParts, ownEntry, type OwnEntry } from '../export/catalog-export.js';
import { llmsFull, llmsIndex, llmsLinker } from '../export/llms.js';
import { readRecords, type VerifyRecord } from '../run/record.js';
import { esc } from './html.js';
import type { SiteInfo } from './layout.js';
import { drawDiagrams, mermaidRuntime } from './diagrams.js';
import { graphJson, layoutRelationGraph, type SiteGraph } from './graph.js';
import { movedPage } from './pages/moved.js';
import { cardOf, pageMetas, pageOf, patternLocator, renderArticle, slugRelations, type Article, type PageMeta } from './model.js';
import { checkOutDir, replaceSite } from './out-dir.js';
import { writeCompanionPages } from './companions.js';
import { REPOSITORY_FILES, repositorySource, SHARED_FILES } from './render-pattern.js';
import { graphPage } from './pages/graph.js';
import { healthPage } from './pages/health.js';
import { cardsJson, homePages } from './pages/home.js';
import { navJson, navOf } from './nav.js';
import { notFoundPage } from './pages/not-found.js';
import { patternPage } from './pages/pattern.js';
import { openSearchIndex, type SearchIndex } from './search-index.js';

export interface BuildOptions {
  /** Catalog root. */
  root: string;
  /** Output folder (default the configuration's `outDir`, inside the root). */
  out?: string;
  /** Sub-path the site is served under (`/catalog/`); default the configuration's `site.base`, else `/`. */
  base?: string;
  /** Template to read the catalog against instead of the configured one. */
  templateFile?: string;
  /** For `patternbook dev`: pages load its live-reload script, and the output folder may be inside `.patternbook/`. */
  dev?: boolean;
  /** Called as pattern pages are written (the CLI draws a progress bar on a terminal). */
  onProgress?: (done: number, total: number) => void;
  /**
   * For `patternbook dev`: the pages the site being replaced has (pattern file → slug). A pattern
   * that no longer loads (a half-typed edit) keeps its page from there instead of losing it.
   */
  lastGood?: ReadonlyMap<string, string>;
}

export interface BuildSummary {
  out: string;
  pages: number;
  assets: number;
  indexBytes: number;
  seconds: number;
  /** Files that could not be loaded (they have no page). */
  problems: Diagnostic[];
  /** Every lint finding, per pattern file (the pages show them too). */
  lint: Diagnostic[];
}

const SITE_ASSETS = path.join(PACKAGE_ROOT, 'assets', 'site');

/**
 * Builds the static site: a home page with every pattern, a page per pattern
 * with its own images and files beside it, a 404 page, `catalog.json`,
 * `sitemap.xml` when the site's address is configured, and the Pagefind
 * search index. Built in a fresh folder and swapped in at the end.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  return (await buildSiteWithState(options)).summary;
}

/** What a build knows once it is done, kept by `dev` to rebuild one pattern at a time (see update.ts). */
export interface SiteState {
  options: BuildOptions;
  prepared: PreparedCatalog;
  /** The catalog as views and its lint results, kept to re-lint one edited pattern. */
  session: LintSession;
  metas: PageMeta[];
  site: SiteInfo;
  out: string;
  mermaid: boolean;
  graph: SiteGraph;
  relations: SlugRelation[];
  /** Pages kept from the site before, of patterns that no longer load (pattern file → slug). */
  kept: Map<string, string>;
}

/** The pages a built site has, for `lastGood` in the next build: every pattern's, and those it kept. */
export function pagesOf(state: SiteState): Map<string, string> {
  return new Map([...state.kept, ...state.metas.map((m) => [m.file, m.slug] as const)]);
}

export async function buildSiteWithState(options: BuildOptions): Promise<{ summary: BuildSummary; state: SiteState }> {
  const started = performance.now();
  // Everything that can refuse the build does so before any file is read: the configuration,
  // rule settings included, is checked as it is loaded.
  const prepared = await prepareCatalog({ root: options.root, rules: registry, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
  const { config } = prepared;
  const site = { ...siteInfo(config, options.base), ...(options.dev ? { dev: true } : {}) };
  const out = path.resolve(config.root, options.out ?? config.outDir);
  checkOutDir(out, config.root);
  const facets = config.site.facets ?? DEFAULT_FACETS;

  const phase = phaseClock('build');
  const search = await openSearchIndex();
  try {
    // Pass one: lint as a stream (each file parsed, checked and dropped), keeping light views —
    // enough for cards, relations, backlinks and the graph at any catalog size. Patterns loaded
    // on this thread are rendered then and sent to the search index at once, so the indexer (its
    // own process) works while the rest is linted. Only with one lane: the index's files depend
    // on the order pages reach it, which worker threads would make vary from run to run (the same
    // input must give the same site).
    const articles = new Map<string, Article>();
    const owns = new Map<string, OwnEntry>();
    const locate = patternLocator(prepared.files);
    const onPattern = async (pattern: Pattern) => {
      // A redirect stub gets a page that sends readers on (pass two), no article and no search entry.
      if (pattern.movedTo !== undefined) return;
      // Loaded by the lint lane's own templates: the sibling it follows best is this set's too.
      prepared.templates.remember(pattern);
      const template = prepared.templates.for(pattern.path);
      const article = renderArticle(pattern, { root: config.root, template, config }, locate);
      articles.set(pattern.file, article);
      owns.set(pattern.file, ownEntry(pattern, template));
      if (pattern.summary) passOneSummaries.set(pattern.file, sharedSummaryKey(pattern.summary));
      await search.add({ ...cardOf(pattern, facets), html: article.rendered.html });
    };
    const passOneSummaries = new Map<string, string>();
    const session = await lintStream(prepared, { ...(options.templateFile ? { templateFile: options.templateFile } : {}), onPattern });
    const { catalog, lanes } = session;
    // A summary several patterns turned out to give alike (known once every pattern is read) is none
    // of theirs: those rendered in pass one are rendered again with their own, and indexed again (the
    // index keeps a page's last entry).
    const viewOf = catalog.sharedSummaries?.size ? new Map(catalog.patterns.map((p) => [p.file, p])) : undefined;
    for (const [file, text] of viewOf ? passOneSummaries : []) {
      if (!catalog.sharedSummaries?.has(text)) continue;
      const light = viewOf?.get(file);
      const loaded = light ? await loadOwnSummary(catalog, light) : undefined;
      if (!loaded?.ok) {
        articles.delete(file);
        owns.delete(file);
        continue;
      }
      const template = catalog.templates.for(loaded.pattern.path);
      const article = renderArticle(loaded.pattern, { root: config.root, template, config }, locate);
      articles.set(file, article);
      owns.set(file, ownEntry(loaded.pattern, template));
      await search.add({ ...cardOf(loaded.pattern, facets), html: article.rendered.html });
    }
    // Findings the catalog's baseline holds are not shown to readers (the Health page counts them).
    const { results, baselined } = throughBaseline(config.root, session.results);
    phase('pass one (lint, render, index) done');
    // The prefixes the catalog's links write for its files' own (`./eip-721.md` for `erc-721.md`), known
    // once every pattern is read: a page rendered in pass one with such a link is rendered again in pass
    // two (its search entry stands: the words are the same).
    // (Learned only where lint found a link or image that leads nowhere: a swap is made of such links.)
    const index = new CatalogIndex(catalog);
    const swaps = session.results.some((r) => r.diagnostics.some((d) => d.ruleId === 'link' || d.ruleId === 'image')) ? index.prefixSwaps() : [];
    // MyST labels (`(xp-second)=` above a pattern's title) that links name bare (`[the second](xp-second)`),
    // known once every pattern is read: learned only where a link is written so.
    const bare = catalog.patterns.some((p) => p.links.some((l) => isBareLabel(l.url)));
    const labelled = bare && index.usesMystTargets();
    // (So are a wiki's pages, by their names, `[dashboard](Privacy-Dashboard)`, in any folder and any case.)
    const wiki = bare && index.isWiki();
    const labels = labelled ? (label: string) => index.labelOwner(label)?.file : undefined;
    const wikiPage = wiki ? (name: string) => index.wikiPage(name) : undefined;
    const rerendered = new Set<string>();
    const imageFindings = new Set(swaps.length > 0 ? session.results.filter((r) => r.diagnostics.some((d) => d.ruleId === 'image')).map((r) => r.file) : []);
    if (swaps.length > 0 || labels || wikiPage)
      for (const p of catalog.patterns) {
        if (!articles.has(p.file)) continue;
        // (Or an image there, which lint found missing under the name the page writes: the view keeps no images.)
        const swapped = swaps.length > 0 && (p.links.some((l) => swapOf(swappedRel(l.url, p.file, config.root), swaps)) || imageFindings.has(p.file));
        const named = p.links.some(
          (l) => isBareLabel(l.url) && ((labels && labels(l.url.replace(/#.*$/, '')) !== undefined) || (wikiPage && wikiPage(l.url) !== undefined)),
        );
        if (!swapped && !named) continue;
        articles.delete(p.file);
        rerendered.add(p.file);
      }
    const relations = slugRelations(catalog);
    // A bad record is left out with a warning in the summary; the build goes on.
    const { records, problems: recordProblems } = readRecords(config.root);
    const metas = pageMetas(catalog, results, relations, records);
    let written: Awaited<ReturnType<typeof writePatternPages>> | undefined;
    let graph: SiteGraph = { nodes: [], edges: [] };
    let indexBytes = 0;
    const kept = new Map<string, string>();

    await replaceSite(out, config.root, async (dir) => {
      // Pass two: each page written (patterns a worker linted are read and rendered now).
      // With one lane every article reached the index in pass one: the indexer writes its
      // files while the pages are written (its write is the longest single step of a build).
      const indexing = lanes === 1 ? settled(search.write(dir)) : undefined;
      try {
        written = await writePatternPages({
          dir,
          site,
          catalog,
          metas,
          articles,
          owns,
          records,
          search,
          swaps,
          ...(labels ? { labels } : {}),
          ...(wikiPage ? { wikiPage } : {}),
          indexed: rerendered,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        written.problems.push(...writeMovedPages(dir, site, catalog));
        if (options.lastGood) await keepLastGood(options.lastGood, (file) => index.failedToLoad(file), metas, out, dir, kept);
        phase('pages written');
        const built = metas.filter((m) => !written!.failed.has(m.file));
        graph = await writeSiteFiles(dir, site, catalog, built, written.mermaid, undefined, baselined);
        phase('home, graph and site files written');
      } finally {
        // Never leave the indexer writing into a folder that is about to be removed.
        if (indexing) indexBytes = await indexing.then((r) => r());
      }
      if (!indexing) indexBytes = await search.write(dir);
      phase('search index written');
    });
    const summary: BuildSummary = {
      out,
      pages: metas.length,
      assets: written!.assets,
      indexBytes,
      seconds: (performance.now() - started) / 1000,
      problems: [...catalog.diagnostics, ...recordProblems, ...written!.problems],
      lint: lintFindings(results),
    };
    return { summary, state: { options, prepared, session, metas, site, out, mermaid: written!.mermaid, graph, relations, kept } };
  } catch (err) {
    await search.close();
    throw err;
  }
}

/**
 * The last good page of each pattern that no longer loads, copied from the site being replaced
 * (`dev`: a half-typed edit keeps the page open in the browser, as the quick rebuild does). Only
 * where no page of this build took its place.
 */
async function keepLastGood(
  lastGood: ReadonlyMap<string, string>,
  broken: (file: string) => boolean,
  metas: PageMeta[],
  out: string,
  dir: string,
  kept: Map<string, string>,
): Promise<void> {
  const taken = new Set(metas.map((m) => m.slug));
  for (const [file, slug] of lastGood) {
    if (!broken(file) || taken.has(slug)) continue;
    const from = path.join(out, 'patterns', slug);
    if (!existsSync(from)) continue;
    await cp(from, path.join(dir, 'patterns', slug), { recursive: true });
    kept.set(file, slug);
  }
}

/** A pattern's text read again for llms-full.txt; a file gone since pass one gives none. */
function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

let lastBreath = performance.now();
/** Lets the event loop run (pipes to the indexer, a server) when synchronous work has held it for a while. */
async function breather(): Promise<void> {
  if (performance.now() - lastBreath < 15) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastBreath = performance.now();
}

/** A promise that never rejects: its value is a function that returns the result or throws the error. */
function settled<T>(promise: Promise<T>): Promise<() => T> {
  return promise.then(
    (value) => () => value,
    (err: unknown) => () => {
      throw err;
    },
  );
}

export function lintFindings(results: LintFileResult[]): Diagnostic[] {
  return results.flatMap((r) => r.diagnostics.map((d) => ({ ...d, path: r.path })));
}

/** What pass two writes the pattern pages from. */
interface PagesInput {
  /** The folder the site is built in. */
  dir: string;
  site: SiteInfo;
  catalog: LightCatalog;
  metas: PageMeta[];
  /** Articles and export entries made in pass one (taken out as they are written). */
  articles: Map<string, Article>;
  owns: Map<string, OwnEntry>;
  records: Map<string, VerifyRecord>;
  search: SearchIndex;
  /** The catalog's prefix swaps (see `learnPrefixSwaps`), for the pages rendered here. */
  swaps: readonly PrefixSwap[];
  /** The file of the pattern that sets a MyST label (see `CatalogIndex.labelOwner`), where links name labels. */
  labels?: (label: string) => string | undefined;
  /** In a wiki, the file a link names by its page's name (see `CatalogIndex.wikiPage`). */
  wikiPage?: (name: string) => string | undefined;
  /** Patterns rendered here whose search entry pass one made already. */
  indexed: ReadonlySet<string>;
  onProgress?: (done: number, total: number) => void;
}

/** Each pattern's page, with the files it uses copied beside it; patterns not rendered in pass one are read, rendered and indexed here. */
async function writePatternPages(input: PagesInput): Promise<{ assets: number; problems: Diagnostic[]; failed: Set<string>; mermaid: boolean }> {
  const { dir, site, catalog, metas, articles, owns, records, search, swaps, labels, wikiPage, indexed, onProgress } = input;
  const bySlug = new Map(metas.map((m) => [m.slug, m]));
  // Every file of the catalog, redirect stubs included: a link to one leads to the page that sends readers on.
  const locate = patternLocator(catalog.patterns);
  const byFile = new Map(catalog.patterns.map((p) => [p.file, p]));
  let copied = 0;
  const shared = new Set<string>();
  const fromRepository = new Set<string>();
  const problems: Diagnostic[] = [];
  const failed = new Set<string>();
  let mermaid = false;
  let done = 0;
  // A file a page shows, copied beside it. One that is a Git LFS pointer — the image not fetched in this
  // checkout, CI's default — is copied all the same (the page links it rightly) and said once: the site
  // shows it broken until LFS is pulled.
  const pointers = new Set<string>();
  const copyShown = (source: string, target: string) => {
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    copied++;
    const head = readHead(source);
    if (!head || !isLfsPointer(head) || pointers.has(source)) return;
    pointers.add(source);
    problems.push({
      path: path.relative(catalog.root, source).split(path.sep).join('/'),
      line: 1,
      column: 1,
      ruleId: 'image',
      severity: 'warning',
      message:
        'This file is a Git LFS pointer, not the image itself: the site shows it broken. Run `git lfs pull` before building (in GitHub Actions, `actions/checkout` with `lfs: true`).',
    });
  };
  // catalog.json — the export — is written entry by entry with the pages: no pattern's text is kept for it.
  const json = exportJsonParts(exportHeader(catalog));
  const catalogFile = openSync(path.join(dir, 'catalog.json'), 'w');
  // llms-full.txt the same way: each pattern's Markdown, read again as its page is written.
  const link = llmsLinker(catalog.config.site.url ? { siteUrl: catalog.config.site.url } : { base: site.base });
  const fullFile = openSync(path.join(dir, 'llms-full.txt'), 'w');
  let entries = 0;
  try {
    writeSync(catalogFile, json.open);
    writeSync(fullFile, llmsFull.open(site.title));
    for (const meta of metas) {
      onProgress?.(done++, metas.length);
      let article = articles.get(meta.file);
      let own = owns.get(meta.file);
      articles.delete(meta.file);
      owns.delete(meta.file);
      let source: string | undefined;
      if (!article || !own) {
        const light = byFile.get(meta.file)!;
        const loaded = await loadOwnSummary(catalog, light);
        // Changed since pass one (an edit during the build): reported, and the page left out.
        if (!loaded.ok) {
          problems.push(loaded.diagnostic);
          failed.add(meta.file);
          continue;
        }
        article = renderArticle(
          loaded.pattern,
          swaps.length > 0 || labels || wikiPage
            ? { root: catalog.root, template: catalog.template, config: catalog.config, swaps, ...(labels ? { labels } : {}), ...(wikiPage ? { wikiPage } : {}) }
            : catalog,
          locate,
        );
        own = ownEntry(loaded.pattern, catalog.templates.for(loaded.pattern.path));
        source = loaded.pattern.document.source;
        if (!indexed.has(meta.file)) await search.add({ ...meta, html: article.rendered.html });
      }
      const record = records.get(meta.slug);
      const entry = assembleEntry(own, {
        related: meta.related,
        alternatives: meta.alternatives,
        mentions: meta.mentions,
        backlinks: meta.backlinks,
        lint: meta.lint,
        ...(record ? { record } : {}),
      });
      writeSync(catalogFile, json.entry(entry, entries++ === 0));
      writeSync(fullFile, llmsFull.entry(entry, source ?? readSource(meta.file), link));
      const page = pageOf(meta, article);
      await drawDiagrams(page, { root: catalog.root });
      mermaid ||= page.mermaid;
      const folder = path.join(dir, 'patterns', page.slug);
      // Synchronous writes: a page's few small files cost far less than a round trip each through
      // the thread pool. The loop is let go every few milliseconds so the indexer's messages still flow
      // (and `dev` still serves).
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.html'), patternPage(site, page, bySlug));
      // Markdown documents of its folder the page links, each a page beside it, and what they show.
      const companions =
        page.documents.length > 0
          ? await writeCompanionPages(folder, { file: meta.file, dir: page.dir, slug: page.slug, title: page.title }, page.documents, {
              site,
              config: catalog.config,
              templates: catalog.templates,
              settings: {
                root: catalog.root,
                template: catalog.template,
                config: catalog.config,
                swaps,
                ...(labels ? { labels } : {}),
                ...(wikiPage ? { wikiPage } : {}),
              },
              patternAt: locate,
            })
          : undefined;
      const also = <T>(own: T[], more: T[] | undefined): T[] => (more?.length ? [...new Set([...own, ...more])] : own);
      for (const asset of also(page.assets, companions?.assets)) copyShown(path.join(page.dir, ...asset.split('/')), path.join(folder, ...asset.split('/')));
      // Images shared by several patterns, copied once under their catalog paths.
      for (const file of also(page.catalogFiles, companions?.catalogFiles)) {
        if (shared.has(file)) continue;
        shared.add(file);
        copyShown(path.join(catalog.root, ...file.split('/')), path.join(dir, SHARED_FILES, ...file.split('/')));
      }
      // …and those of the repository around the catalog, under their paths from its root.
      for (const file of also(page.repositoryFiles, companions?.repositoryFiles)) {
        if (fromRepository.has(file)) continue;
        fromRepository.add(file);
        copyShown(repositorySource(catalog.root, file), path.join(dir, REPOSITORY_FILES, ...file.split('/')));
      }
      await breather();
    }
    writeSync(catalogFile, json.close(entries));
  } finally {
    closeSync(catalogFile);
    closeSync(fullFile);
  }
  onProgress?.(done, metas.length);
  return { assets: copied, problems, failed, mermaid };
}

/**
 * The page of each redirect stub, where the pattern's page was: it sends readers
 * to the pattern it names in this catalog, or to the http(s) address it gives.
 * A stub pointing elsewhere (a file that is no pattern) gets no page, said as a
 * problem of the build.
 */
function writeMovedPages(dir: string, site: SiteInfo, catalog: LightCatalog): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const index = new CatalogIndex(catalog);
  for (const stub of catalog.patterns) {
    if (stub.movedTo === undefined) continue;
    const onward = index.resolvePattern(stub.movedTo, stub.file);
    const name = displayTitle(stub);
    let target: { href: string; label: string } | undefined;
    if (onward && onward.movedTo === undefined) target = { href: `../${encodeURIComponent(onward.slug)}/`, label: displayTitle(onward) };
    else if (/^https?:\/\//i.test(stub.movedTo)) target = { href: stub.movedTo, label: stub.movedTo };
    if (!target) {
      problems.push({
        path: stub.path,
        line: 1,
        column: 1,
        ruleId: 'moved',
        severity: 'warning',
        message: `This file says the pattern moved to \`${stub.movedTo}\`, which is neither a pattern of the catalog nor a web address: the site has no page for it.`,
      });
      continue;
    }
    const folder = path.join(dir, 'patterns', stub.slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), movedPage(site, name, target.href, target.label));
  }
  return problems;
}

/**
 * Home, 404, graph, the site's own scripts and styles and sitemap.xml
 * (catalog.json is written with the pattern pages). `previous` keeps the graph's layout (a rebuild in `dev`).
 * Files are replaced atomically: `dev` serves them while they are rewritten.
 */
export async function writeSiteFiles(
  dir: string,
  site: SiteInfo,
  catalog: LightCatalog,
  pages: PageMeta[],
  mermaid: boolean,
  previous?: SiteGraph,
  baselined = 0,
): Promise<SiteGraph> {
  const write = (file: string, text: string) => writeFileAtomic(path.join(dir, file), text);
  // Home in pages of cards; the cards as data for its filters, and every pattern by group for the
  // sidebar: shared files fetched once, so no page grows with the catalog.
  for (const home of homePages(site, pages)) await write(home.file, home.html);
  await write('cards.json', cardsJson(site, pages));
  await write('nav.json', navJson(navOf(pages)));
  await write('404.html', notFoundPage(site));
  if (!previous) await copyDir(SITE_ASSETS, path.join(dir, 'assets'));
  const graph = layoutRelationGraph(pages, previous);
  await write(path.join('graph', 'index.html'), graphPage(site, pages));
  await write(path.join('graph', 'graph.json'), graphJson(graph));
  await write(path.join('health', 'index.html'), healthPage(site, pages, baselined));
  // Mermaid's runtime (3.5 MB, when installed) ships only with a catalog that has a diagram of a type
  // not drawn at build time, and is fetched only when such a diagram comes into view.
  const runtime = mermaid ? mermaidRuntime(catalog.root) : undefined;
  if (runtime && !existsSync(path.join(dir, 'assets', 'mermaid.min.js'))) await copyFile(runtime, path.join(dir, 'assets', 'mermaid.min.js'));
  if (!previous && site.logo && catalog.config.site.logo) await copyFile(path.resolve(catalog.root, catalog.config.site.logo), path.join(dir, site.logo));
  if (catalog.config.site.url) await write('sitemap.xml', sitemap(catalog.config.site.url, pages));
  await write(
    'llms.txt',
    llmsIndex(
      site.title,
      pages.map((p) => ({ ...p, url: `patterns/${encodeURIComponent(p.slug)}/`, path: '' })),
      llmsLinker(catalog.config.site.url ? { siteUrl: catalog.config.site.url } : { base: site.base }),
    ),
  );
  return graph;
}

export function siteInfo(config: CatalogConfig, base: string | undefined): SiteInfo {
  const chosen = base ?? config.site.base ?? '/';
  if (!/^\/(?:[^\s?#]*\/)?$/.test(chosen)) throw new PatternbookError(`--base ${chosen}: expected a path starting and ending with "/", such as "/catalog/".`);
  let logo: string | undefined;
  if (config.site.logo) {
    const file = path.resolve(config.root, config.site.logo);
    const rel = path.relative(config.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw new PatternbookError(`site.logo ${config.site.logo} lies outside the catalog: put the logo inside the catalog folder.`);
    if (!existsSync(file))
      throw new PatternbookError(`site.logo ${config.site.logo} does not exist (looked for ${file}): fix the path in the configuration, or remove it.`);
    logo = `assets/logo${path.extname(file).toLowerCase()}`;
  }
  return {
    title: config.site.title ?? 'Pattern catalog',
    base: chosen,
    ...(config.site.accent ? { accent: config.site.accent } : {}),
    ...(logo ? { logo } : {}),
    config,
  };
}

function sitemap(url: string, pages: PageMeta[]): string {
  const base = url.endsWith('/') ? url : `${url}/`;
  const locs = [base, ...pages.map((p) => `${base}patterns/${encodeURIComponent(p.slug)}/`)];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((l) => `  <url><loc>${esc(l)}</loc></url>`).join('\n')}\n</urlset>\n`;
}

async function copyDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await copyDir(source, path.join(to, entry.name));
    else if ((await stat(source)).isFile()) await copyFile(source, path.join(to, entry.name));
  }
}

/** A link's destination as a catalog path (relative to the root), '' when it is no file of the catalog. */
function swappedRel(url: string, from: string, root: string): string {
  const resolved = resolveReference(url.trim(), from, root);
  return resolved.kind === 'local' && !resolved.outside ? path.relative(root, resolved.file).split(path.sep).join('/') : '';
}

/**
 * A pattern of the catalog read again in full for its page, its summary none of the texts several
 * patterns give alike (as the catalog's view of it has it).
 */
export async function loadOwnSummary(catalog: LightCatalog, light: Pick<PatternView, 'file' | 'path' | 'slug'>): Promise<LoadPatternResult> {
  const loaded = await loadCatalogPattern(loadInput(catalog.config, light), catalog.templates, { keepTokens: true });
  return loaded.ok ? { ...loaded, pattern: withOwnSummary(loaded.pattern, catalog.templates, catalog.sharedSummaries) } : loaded;
}
