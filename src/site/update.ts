import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { LoadPatternResult } from '../catalog/load-pattern.js';
import { CatalogIndex } from '../catalog/catalog-index.js';
import { relationsFrom, slugRelation } from '../catalog/relations.js';
import type { Pattern, PatternView } from '../catalog/types.js';
import { throughBaseline } from '../lint/lint.js';
import { writeFileAtomic } from '../util/text-file.js';
import { writeCompanionPages } from './companions.js';
import { lintFindings, loadOwnSummary, writeSiteFiles, type BuildSummary, type SiteState } from './build.js';
import { drawDiagrams } from './diagrams.js';
import { pageMetas, patternLocator, renderPage, type PageMeta } from './model.js';
import { navOf, rememberNav, type SiteNav } from './nav.js';
import { patternPage } from './pages/pattern.js';
import { REPOSITORY_FILES, repositorySource, SHARED_FILES } from './render-pattern.js';

/**
 * `dev`'s fast path: one pattern file changed. It is read, linted (its file
 * rules, then the catalog rules for it and for the patterns it is related
 * to), rendered and written, with the pages whose cards show it, home and the
 * graph (same layout) — without reading the rest of the catalog again.
 * Returns undefined when only a full build will do (a file that is not one of
 * the patterns). A file that no longer loads keeps its last good page, and
 * its error is among the problems returned.
 *
 * Left for the full build that follows a quiet moment: links from other
 * patterns to this one's anchors, near-duplicates, and the search index.
 */
export async function updatePattern(state: SiteState, file: string): Promise<BuildSummary | undefined> {
  const started = performance.now();
  const before = state.session.catalog.patterns.find((p) => p.file === file);
  if (!before) return undefined;
  // (Its summary none of the texts several patterns give alike, as the full build has it.)
  const loaded = await loadOwnSummary(state.session.catalog, { file, path: before.path, slug: before.slug });
  const summary = (pages: number): BuildSummary => ({
    out: state.out,
    pages,
    assets: 0,
    indexBytes: 0,
    seconds: (performance.now() - started) / 1000,
    problems: loaded.ok ? state.session.catalog.diagnostics : [...state.session.catalog.diagnostics, loaded.diagnostic],
    lint: lintFindings(state.session.results),
  });
  // A half-typed edit (front matter not closed yet): the last good page stays, the error shows.
  if (!loaded.ok) return summary(0);

  const wasStub = before.movedTo !== undefined;
  const touched = await relintChanged(state, loaded.pattern);
  const cardsBefore = cardKeys(state.metas, touched);
  // (A pattern that became a redirect stub, or stopped being one, changes the list of pages: all worked out again.)
  refreshMetas(state, wasStub || loaded.pattern.movedTo !== undefined ? undefined : touched);
  const cardsChanged = cardKeys(state.metas, touched).some((key, i) => key !== cardsBefore[i]);
  await rewritePages(state, loaded, touched, !cardsChanged);
  // Home and graph show cards: rewritten only when a card changed (an edit to the body
  // text alone changes none, and on 10,000 patterns they are most of the time).
  if (cardsChanged) {
    const { baselined } = throughBaseline(state.session.catalog.root, state.session.results);
    state.graph = await writeSiteFiles(state.out, state.site, state.session.catalog, state.metas, state.mermaid, state.graph, baselined);
  }
  return summary(touched.length);
}

/**
 * Lints the changed pattern and the patterns around it (those it listed
 * before, lists now, or that list it), and replaces its relations with its
 * new ones. Returns the patterns whose pages show something of it, itself first.
 */
async function relintChanged(state: SiteState, full: Pattern): Promise<PatternView[]> {
  const catalog = state.session.catalog;
  const bySlug = catalog.bySlug;
  const byFile = new Map(catalog.patterns.map((p) => [p.file, p]));
  const before = state.metas.find((m) => m.file === full.file);
  const outgoing = relationsFrom(full, new CatalogIndex(catalog).resolvePattern);
  const neighbours = new Set<PatternView>();
  for (const slug of before ? [...before.related, ...before.alternatives, ...before.mentions, ...before.backlinks] : []) {
    const p = bySlug.get(slug);
    if (p) neighbours.add(p);
  }
  for (const r of outgoing) neighbours.add(r.to);
  neighbours.delete(byFile.get(full.file)!);

  await state.session.update(full, [...neighbours]);
  // Who lists it has not changed; what it lists is its new links.
  state.relations = [...state.relations.filter((r) => r.from !== full.slug), ...unique(outgoing.map(slugRelation))];
  const fresh = state.session.catalog;
  return [fresh.bySlug.get(full.slug)!, ...[...neighbours].map((p) => fresh.bySlug.get(p.slug)).filter((p): p is PatternView => p !== undefined)];
}

/**
 * Page metadata worked out again from the session, the changelog versions
 * known from the last build kept: the touched patterns' (the others' cards
 * show nothing of the edit: what lists them, what they list and their lint
 * are as they were), or every pattern's.
 */
function refreshMetas(state: SiteState, touched?: readonly PatternView[]): void {
  const { results } = throughBaseline(state.session.catalog.root, state.session.results);
  const only = touched ? new Set(touched.map((p) => p.file)) : undefined;
  const fresh = pageMetas(state.session.catalog, results, state.relations, undefined, only);
  const old = new Map(state.metas.map((m) => [m.file, m]));
  for (const meta of fresh) {
    const known = old.get(meta.file);
    if (known?.version) Object.assign(meta, known.updated ? { version: known.version, updated: known.updated } : { version: known.version });
  }
  if (!only) {
    state.metas = fresh;
    return;
  }
  const byFile = new Map(fresh.map((m) => [m.file, m]));
  state.metas = state.metas.map((m) => byFile.get(m.file) ?? m);
}

/** The changed pattern's page and its neighbours' pages, each read in full for rendering; a diagram added while editing is copied. */
async function rewritePages(state: SiteState, changed: LoadPatternResult & { ok: true }, touched: readonly PatternView[], sameCards: boolean): Promise<void> {
  const bySlug = new Map(state.metas.map((m) => [m.slug, m]));
  // The sidebar's order is the cards' titles and facets: with none of them changed, it is the last one.
  const nav = lastNav.get(state);
  if (sameCards && nav) rememberNav(bySlug, nav);
  lastNav.set(state, navOf(bySlug));
  const locate = patternLocator(state.metas);
  const metaOf = new Map(state.metas.map((m) => [m.file, m]));
  // (MyST labels a page's links name bare, `[the second](xp-second)`: learned when a link first asks.)
  const index = new CatalogIndex(state.session.catalog);
  const labels = (label: string) => index.labelOwner(label)?.file;
  for (const pattern of touched) {
    const meta = metaOf.get(pattern.file);
    if (!meta) continue;
    const isChanged = pattern.file === changed.pattern.file;
    const source = isChanged ? changed : await loadOwnSummary(state.session.catalog, pattern);
    if (!source.ok) continue;
    const settings = { root: state.session.catalog.root, template: state.session.catalog.templates.for(pattern.path), config: state.session.catalog.config, labels };
    const page = renderPage(meta, source.pattern, settings, locate);
    await drawDiagrams(page, { root: state.session.catalog.root });
    state.mermaid ||= page.mermaid;
    await writeFileAtomic(path.join(state.out, 'patterns', page.slug, 'index.html'), patternPage(state.site, page, bySlug));
    if (isChanged) {
      const companions =
        page.documents.length > 0
          ? await writeCompanionPages(
              path.join(state.out, 'patterns', page.slug),
              { file: meta.file, dir: page.dir, slug: page.slug, title: page.title },
              page.documents,
              {
                site: state.site,
                config: state.prepared.config,
                templates: state.prepared.templates,
                settings,
                patternAt: locate,
              },
            )
          : undefined;
      for (const asset of new Set([...page.assets, ...(companions?.assets ?? [])])) {
        const target = path.join(state.out, 'patterns', page.slug, ...asset.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(path.join(page.dir, ...asset.split('/')), target);
      }
      for (const file of new Set([...page.catalogFiles, ...(companions?.catalogFiles ?? [])])) {
        const target = path.join(state.out, SHARED_FILES, ...file.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(path.join(state.session.catalog.root, ...file.split('/')), target);
      }
      for (const file of new Set([...page.repositoryFiles, ...(companions?.repositoryFiles ?? [])])) {
        const target = path.join(state.out, REPOSITORY_FILES, ...file.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(repositorySource(state.session.catalog.root, file), target);
      }
    }
  }
}

/** The sidebar the last rewrite drew, by site state. */
const lastNav = new WeakMap<SiteState, SiteNav>();

/** What the cards of these patterns show, in their order. */
function cardKeys(metas: readonly PageMeta[], patterns: readonly PatternView[]): string[] {
  const byFile = new Map(metas.map((m) => [m.file, m]));
  return patterns.map((p) => {
    const m = byFile.get(p.file);
    return m ? JSON.stringify([m.title, m.summary, m.facets, m.version, m.updated, m.related, m.alternatives, m.mentions, m.backlinks, m.lint]) : '';
  });
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
