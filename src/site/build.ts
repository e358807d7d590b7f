import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/types.js';
import { PatternbookError, type Diagnostic } from '../diagnostics.js';
import { lintCatalog } from '../lint/engine.js';
import { DOCS_BASE } from '../lint/lint.js';
import { registry } from '../lint/registry.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { SiteInfo } from './layout.js';
import { relationGraph } from './graph.js';
import { patternPages, type PatternPage } from './model.js';
import { replaceSite } from './out-dir.js';
import { graphPage } from './pages/graph.js';
import { homePage } from './pages/home.js';
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
/** A file of a dependency (a browser bundle), found where Node would find the package. */
const packageFile = (file: string) => createRequire(import.meta.url).resolve(file);

/**
 * Builds the static site: a home page with every pattern, a page per pattern
 * with its own images and files beside it, a 404 page, `catalog.json`,
 * `sitemap.xml` when the site's address is configured, and the Pagefind
 * search index. Built in a fresh folder and swapped in at the end.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const catalog = await loadCatalog({ root: options.root, keepTokens: true, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
  const { results } = await lintCatalog(catalog, { registry, docsBase: DOCS_BASE });
  const pages = patternPages(catalog, results);
  const site = { ...siteInfo(catalog, options.base), ...(options.dev ? { dev: true } : {}) };
  const out = path.resolve(catalog.root, options.out ?? catalog.config.outDir);
  let assets = 0;
  let indexBytes = 0;

  await replaceSite(out, catalog.root, async (dir) => {
    const search = await openSearchIndex();
    try {
      assets = await writePatternPages(dir, site, pages, search);
      await writeSiteFiles(dir, site, catalog, pages);
      indexBytes = await search.write(dir);
    } catch (err) {
      await search.close();
      throw err;
    }
  });
  const lintFindings = results.flatMap((r) => r.diagnostics.map((d) => ({ ...d, file: r.file })));
  return { out, pages: pages.length, assets, indexBytes, seconds: (performance.now() - started) / 1000, problems: catalog.diagnostics, lint: lintFindings };
}

/** Each pattern's page, with the files it uses copied beside it, fed to the search index as it goes. Returns how many files were copied. */
async function writePatternPages(dir: string, site: SiteInfo, pages: PatternPage[], search: SearchIndex): Promise<number> {
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  let copied = 0;
  for (const p of pages) {
    const folder = path.join(dir, 'patterns', p.slug);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'index.html'), patternPage(site, p, bySlug));
    await search.add(p);
    for (const asset of p.assets) {
      const target = path.join(folder, ...asset.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(p.dir, ...asset.split('/')), target);
      copied++;
    }
  }
  return copied;
}

/** Home, 404, graph, the site's own scripts and styles, catalog.json and sitemap.xml. */
async function writeSiteFiles(dir: string, site: SiteInfo, catalog: Catalog, pages: PatternPage[]): Promise<void> {
  await writeFile(path.join(dir, 'index.html'), homePage(site, pages));
  await writeFile(path.join(dir, '404.html'), notFoundPage(site));
  await copyDir(SITE_ASSETS, path.join(dir, 'assets'));
  await mkdir(path.join(dir, 'graph'));
  await writeFile(path.join(dir, 'graph', 'index.html'), graphPage(site, pages));
  await writeFile(path.join(dir, 'graph', 'graph.json'), JSON.stringify(relationGraph(pages)));
  await copyFile(packageFile('cytoscape/dist/cytoscape.min.js'), path.join(dir, 'assets', 'cytoscape.min.js'));
  // Mermaid's runtime (3 MB) ships only with a catalog that has a diagram, and loads only on those pages.
  if (pages.some((p) => p.mermaid)) await copyFile(packageFile('mermaid/dist/mermaid.min.js'), path.join(dir, 'assets', 'mermaid.min.js'));
  if (site.logo && catalog.config.site.logo) await copyFile(path.resolve(catalog.root, catalog.config.site.logo), path.join(dir, site.logo));
  await writeFile(path.join(dir, 'catalog.json'), `${JSON.stringify(catalogJson(catalog, pages), null, 2)}\n`);
  if (catalog.config.site.url) await writeFile(path.join(dir, 'sitemap.xml'), sitemap(catalog.config.site.url, pages));
}

function siteInfo(catalog: Catalog, base: string | undefined): SiteInfo {
  const config = catalog.config;
  const chosen = base ?? config.site.base ?? '/';
  if (!/^\/(?:[^\s?#]*\/)?$/.test(chosen)) throw new PatternbookError(`--base ${chosen}: expected a path starting and ending with "/", such as "/catalog/".`);
  let logo: string | undefined;
  if (config.site.logo) {
    const file = path.resolve(config.root, config.site.logo);
    const rel = path.relative(config.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new PatternbookError(`site.logo ${config.site.logo} lies outside the catalog: put the logo inside the catalog folder.`);
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

/** The catalog's metadata, for other tools (the export issue makes it the full export). */
function catalogJson(catalog: Catalog, pages: PatternPage[]) {
  return {
    title: catalog.config.site.title ?? 'Pattern catalog',
    patterns: pages.map((p) => ({
      slug: p.slug,
      title: p.title,
      ...(p.summary ? { summary: p.summary } : {}),
      url: `patterns/${encodeURIComponent(p.slug)}/`,
      facets: p.facets,
      ...(p.version ? { version: p.version } : {}),
      ...(p.updated ? { updated: p.updated } : {}),
      related: p.related,
      alternatives: p.alternatives,
      backlinks: p.backlinks,
      lint: p.lint,
    })),
  };
}

function sitemap(url: string, pages: PatternPage[]): string {
  const base = url.endsWith('/') ? url : `${url}/`;
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const locs = [base, ...pages.map((p) => `${base}patterns/${encodeURIComponent(p.slug)}/`)];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((l) => `  <url><loc>${xml(l)}</loc></url>`).join('\n')}\n</urlset>\n`;
}

async function copyDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await copyDir(source, path.join(to, entry.name));
    else if ((await stat(source)).isFile()) await copyFile(source, path.join(to, entry.name));
  }
}
