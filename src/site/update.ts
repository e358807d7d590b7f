import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadPattern } from '../catalog/load-pattern.js';
import type { Catalog, Pattern } from '../catalog/types.js';
import { compareDiagnostics } from '../diagnostics.js';
import { resolveReference } from '../catalog/links.js';
import { relationKind } from '../lint/catalog-index.js';
import { checkCatalogRules, checkFile, createRun, fileResult } from '../lint/engine.js';
import { DOCS_BASE } from '../lint/lint.js';
import { patternFromView, viewOf } from '../lint/pattern-view.js';
import { registry } from '../lint/registry.js';
import { writeFileAtomic } from '../util/text-file.js';
import { lintFindings, writeSiteFiles, type BuildSummary, type SiteState } from './build.js';
import { pageMetas, patternLocator, renderPage, type PageMeta, type SlugRelation } from './model.js';
import { patternPage } from './pages/pattern.js';

/**
 * `dev`'s fast path: one pattern file changed. It is read, linted (its file
 * rules, then the catalog rules for it and for the patterns it is related
 * to), rendered and written, with the pages whose cards show it, home and the
 * graph (same layout) — without reading the rest of the
 * catalog again. Returns undefined when only a full build will do (a file
 * that is not one of the patterns). A file that no longer loads keeps its
 * last good page, and its error is among the problems returned.
 *
 * Left for the full build that follows a quiet moment: links from other
 * patterns to this one's anchors, near-duplicates, and the search index.
 */
export async function updatePattern(state: SiteState, file: string): Promise<BuildSummary | undefined> {
  const started = performance.now();
  const index = state.catalog.patterns.findIndex((p) => p.file === file);
  if (index < 0) return undefined;
  const light = state.catalog.patterns[index]!;
  const loaded = await loadPattern({ file, path: light.path, slug: light.slug, maxFileSize: state.prepared.config.maxFileSize }, { keepTokens: true });
  if (!loaded.ok) {
    // A half-typed edit (front matter not closed yet): the last good page stays, the error shows.
    return {
      out: state.out,
      pages: 0,
      assets: 0,
      indexBytes: 0,
      seconds: (performance.now() - started) / 1000,
      problems: [...state.catalog.diagnostics, loaded.diagnostic],
      lint: lintFindings(state.results),
    };
  }
  const full = loaded.pattern;

  // Lint: this file in full, the others as the views and collected data of the last build.
  const patterns = state.catalog.patterns.map((p, i) => (i === index ? full : p));
  const withFull: Catalog = { ...state.catalog, patterns, bySlug: new Map(patterns.map((p) => [p.slug, p])) };
  // Rules that compare every pattern with every other (near-duplicates) are left to the full build
  // that follows, their last findings kept meanwhile.
  const slowRules = new Set(registry.filter((r) => r.meta.wholeCatalog).map((r) => r.meta.id));
  const quickRules = registry.filter((r) => !slowRules.has(r.meta.id)).map((r) => r.meta.id);
  const run = createRun(withFull, { registry, docsBase: DOCS_BASE, only: quickRules });
  for (const [f, data] of state.phaseOne.collected) run.index.collectedData.set(f, data);
  const { diagnostics, collected: fresh } = await checkFile(run, full);
  const collected = { ...state.phaseOne.collected.get(file), ...fresh };
  run.index.collectedData.set(file, collected);
  state.phaseOne.collected.set(file, collected);
  state.phaseOne.fileDiagnostics.set(file, diagnostics);

  const before = state.metas.find((m) => m.file === file);
  const neighbours = (slugs: string[]) => slugs.map((s) => withFull.bySlug.get(s)).filter((p): p is Pattern => p !== undefined);
  const touched = new Set<Pattern>([full]);
  if (before) for (const p of neighbours([...before.related, ...before.alternatives, ...before.backlinks])) touched.add(p);

  // The pattern's new view replaces the old one for everything that follows.
  state.catalog.patterns[index] = patternFromView(structuredClone(viewOf(full)));
  state.catalog.bySlug.set(light.slug, state.catalog.patterns[index]!);
  const versions = new Map(state.metas.map((m) => [m.file, { version: m.version, updated: m.updated }]));
  const reLint = async (pattern: Pattern) => {
    const at = state.results.findIndex((r) => r.absolutePath === pattern.file);
    const kept = at >= 0 ? state.results[at]!.diagnostics.filter((d) => slowRules.has(d.ruleId)) : [];
    const found = [...(state.phaseOne.fileDiagnostics.get(pattern.file) ?? []), ...(await checkCatalogRules(run, pattern)), ...kept].sort(compareDiagnostics);
    const result = fileResult(pattern.path, pattern.file, found, pattern.slug);
    if (at >= 0) state.results[at] = result;
    else state.results.push(result);
  };
  await reLint(full);
  // Its new relations (its own links) replace its old ones and join the pages to rewrite; who lists it has not changed.
  const outgoing: SlugRelation[] = [];
  for (const link of full.document.links) {
    const kind = relationKind(link.sectionPath[0]);
    if (!kind) continue;
    const target = resolveReference(link.url, full.file, state.catalog.root);
    const to = target.kind === 'local' ? withFull.patterns.find((p) => p.file === target.file) : undefined;
    if (!to || to === full) continue;
    touched.add(to);
    if (!outgoing.some((r) => r.to === to.slug && r.kind === kind)) outgoing.push({ from: full.slug, to: to.slug, kind });
  }
  state.relations = [...state.relations.filter((r) => r.from !== full.slug), ...outgoing];
  for (const p of touched) if (p !== full) await reLint(p);
  const touchedFiles = new Set([...touched].map((p) => p.file));
  const cards = (list: PageMeta[]) => new Map(list.filter((m) => touchedFiles.has(m.file)).map((m) => [m.file, cardKey(m)]));
  const beforeCards = cards(state.metas);
  state.metas = pageMetas(state.catalog, state.results, state.relations);
  for (const meta of state.metas) {
    const known = versions.get(meta.file);
    if (known?.version) Object.assign(meta, known.updated ? { version: known.version, updated: known.updated } : { version: known.version });
  }

  // Pages: this one and its neighbours', each read in full for rendering.
  const bySlug = new Map(state.metas.map((m) => [m.slug, m]));
  const locate = patternLocator(state.metas);
  const metaOf = new Map(state.metas.map((m) => [m.file, m]));
  for (const pattern of touched) {
    const meta = metaOf.get(pattern.file);
    if (!meta) continue;
    const source =
      pattern === full
        ? loaded
        : await loadPattern({ file: pattern.file, path: pattern.path, slug: pattern.slug, maxFileSize: state.prepared.config.maxFileSize }, { keepTokens: true });
    if (!source.ok) continue;
    const page = renderPage(meta, source.pattern, withFull, locate);
    state.mermaid ||= page.mermaid;
    await writeFileAtomic(path.join(state.out, 'patterns', page.slug, 'index.html'), patternPage(state.site, page, bySlug));
    // A diagram added or replaced while editing.
    if (pattern === full) {
      for (const asset of page.assets) {
        const target = path.join(state.out, 'patterns', page.slug, ...asset.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(path.join(page.dir, ...asset.split('/')), target);
      }
    }
  }
  // Home and graph show cards: rewritten only when a card changed (an edit to the body
  // text alone changes none, and on 10,000 patterns they are most of the time).
  const afterCards = cards(state.metas);
  if ([...touched].some((p) => beforeCards.get(p.file) !== afterCards.get(p.file))) {
    state.graph = await writeSiteFiles(state.out, state.site, state.catalog, state.metas, state.mermaid, state.graph);
  }
  return {
    out: state.out,
    pages: touched.size,
    assets: 0,
    indexBytes: 0,
    seconds: (performance.now() - started) / 1000,
    problems: state.catalog.diagnostics,
    lint: lintFindings(state.results),
  };
}

/** What a pattern's card and its graph node show. */
function cardKey(m: PageMeta): string {
  return JSON.stringify([m.title, m.summary, m.facets, m.version, m.updated, m.related, m.alternatives, m.backlinks, m.lint]);
}
