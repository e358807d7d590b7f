import { displaySummary, displayTitle } from '../catalog/view.js';
import { DEFAULT_FACETS, facetValues } from '../catalog/facets.js';
import path from 'node:path';
import { bySiteAddress, repoFileUrl } from '../catalog/links.js';
import { CatalogIndex } from '../catalog/catalog-index.js';
import type { PrefixSwap } from '../catalog/renames.js';
import { ownsFolder } from '../catalog/pattern-files.js';
import { NO_RELATIONS, relationLists, slugRelation, type SlugRelation } from '../catalog/relations.js';
import type { CatalogSettings, LightCatalog, Pattern, PatternView } from '../catalog/types.js';
import { dateIn, versionIn } from '../export/catalog-export.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LintFileResult } from '../lint/result.js';
import { readRecords, type VerifyRecord } from '../run/record.js';
import { foldHeading } from '../template/normalize.js';
import { flattenSections } from '../template/walk.js';
import { renderPattern, type RenderedPattern } from './render-pattern.js';

/**
 * What the site keeps of one pattern for the whole build (cards, relations,
 * the graph, catalog.json): a few hundred bytes, worked out from the light
 * views lint keeps. The rendered article is made, written and dropped one
 * pattern at a time (`PatternPage`).
 */
export interface PageMeta {
  slug: string;
  /** The pattern file, absolute. */
  file: string;
  /** The pattern's folder, its files copied from there. */
  dir: string;
  title: string;
  summary?: string;
  /** Values of the configured facets (tags, category, status) from front matter, else the body's fields, as strings. */
  facets: Record<string, string[]>;
  /** Latest changelog version and its date (known once the pattern is rendered). */
  version?: string;
  updated?: string;
  related: string[];
  alternatives: string[];
  /** Patterns its text links to outside Related Patterns and Alternatives (a weaker relation). */
  mentions: string[];
  /** Patterns that list this one under Related Patterns or Alternatives. */
  backlinks: string[];
  lint: { errors: number; warnings: number };
  diagnostics: Pick<Diagnostic, 'line' | 'severity' | 'message' | 'ruleId'>[];
  editUrl?: string;
  /** The last `patternbook verify` of it; absent when the catalog keeps no results at all. */
  verification?: Verification;
}

/** What a card and a page say of a pattern's last run: when, and whether its steps worked. */
export interface Verification {
  /** `incomplete`: blocks still held the template's sample code, so the pattern is not verified. */
  status: 'passed' | 'failed' | 'incomplete' | 'never';
  /** ISO time of the run. */
  when?: string;
  commit?: string;
  reason?: string;
}

/** A pattern's page while it is written: its metadata and its rendered article. */
export type PatternPage = PageMeta & RenderedPattern;

/** Every relation of the catalog, by slug. */
export function slugRelations(catalog: LightCatalog): SlugRelation[] {
  return new CatalogIndex(catalog).relations().map(slugRelation);
}

/**
 * Every pattern's metadata, from the catalog (full or light views), its lint
 * results and its relations (worked out from the catalog unless given: `dev`
 * keeps them between rebuilds).
 */
export function pageMetas(
  catalog: LightCatalog,
  lint: LintFileResult[],
  relations: SlugRelation[] = slugRelations(catalog),
  records: Map<string, VerifyRecord> = readRecords(catalog.root).records,
  /** Only these patterns' metadata (by file), in catalog order: `dev` refreshing the patterns an edit touched. */
  only?: ReadonlySet<string>,
): PageMeta[] {
  const site = catalog.config.site;
  const facets = site.facets ?? DEFAULT_FACETS;
  const lintByFile = new Map(lint.map((r) => [r.file, r]));
  const lists = relationLists(relations);
  // A redirect stub is no pattern: no card, no page of its own (build.ts writes one that sends readers on).
  return catalog.patterns
    .filter((pattern) => pattern.movedTo === undefined && (!only || only.has(pattern.file)))
    .map((pattern) => {
      const result = lintByFile.get(pattern.file);
      const record = records.get(pattern.slug);
      const listed = lists.get(pattern.slug) ?? NO_RELATIONS;
      return {
        ...cardOf(pattern, facets),
        file: pattern.file,
        dir: pattern.dir,
        related: [...listed.related],
        alternatives: [...listed.alternatives],
        mentions: [...listed.mentions],
        backlinks: [...listed.backlinks],
        lint: { errors: result?.errorCount ?? 0, warnings: result?.warningCount ?? 0 },
        diagnostics: (result?.diagnostics ?? []).map((d) => ({ line: d.line, severity: d.severity, message: d.message, ruleId: d.ruleId })),
        // "Never verified" only says something in a catalog that verifies its patterns.
        ...(record ? { verification: verificationOf(record) } : records.size ? { verification: { status: 'never' as const } } : {}),
        ...(site.repoUrl ? { editUrl: repoFileUrl(site, 'edit', pattern.path, catalog.root) } : {}),
      };
    });
}

function verificationOf(record: VerifyRecord): Verification {
  return { status: record.status, when: record.when, ...(record.commit ? { commit: record.commit } : {}), ...(record.reason ? { reason: record.reason } : {}) };
}

/** A pattern's article, rendered while it is loaded, and its latest changelog version. */
export interface Article {
  rendered: RenderedPattern;
  latest?: { version: string; updated?: string };
}

/** What rendering an article needs of the catalog: its root, the pattern's template, the site's repository page. */
export type ArticleSettings = Pick<CatalogSettings, 'root' | 'template'> & {
  config?: { site: { repoUrl?: string | undefined; branch?: string | undefined; base?: string | undefined } };
  /** The prefix swaps the catalog's links make (see `learnPrefixSwaps`). */
  swaps?: readonly PrefixSwap[];
  /** The file of the pattern that sets a MyST label (`(xp-second)=`), for links that name it bare. */
  labels?: (label: string) => string | undefined;
  /** In a wiki, the file a link names by its page's name (`Privacy-Dashboard`), for links that name pages so. */
  wikiPage?: (name: string) => string | undefined;
};

/**
 * Renders one fully loaded pattern. `patternAt` maps files (and pattern
 * folders) to the patterns they are, for links between pages.
 */
export function renderArticle(pattern: Pattern, catalog: ArticleSettings, patternAt: (file: string) => { slug: string; file: string } | undefined): Article {
  const { repoUrl, branch } = catalog.config?.site ?? {};
  // The page a file is (a pattern's, by its slug), for links to it from this one.
  const linkTo = (file: string | undefined) => {
    const target = file ? patternAt(file) : undefined;
    return target ? { slug: target.slug, self: target.file === pattern.file } : undefined;
  };
  const rendered = renderPattern(pattern, {
    root: catalog.root,
    ...(repoUrl ? { sourceUrl: (rel: string, folder?: boolean) => repoFileUrl({ repoUrl, branch }, folder ? 'tree' : 'blob', rel, catalog.root) } : {}),
    ...(catalog.swaps?.length ? { swaps: catalog.swaps } : {}),
    ...(catalog.config?.site.base ? { siteBase: catalog.config.site.base } : {}),
    patternAt: linkTo,
    ...(catalog.labels ? { labelAt: (label: string) => linkTo(catalog.labels!(label)) } : {}),
    ...(catalog.wikiPage ? { wikiAt: (name: string) => linkTo(catalog.wikiPage!(name)) } : {}),
  });
  const versioned = flattenSections(catalog.template.sections).find((s) => s.repeatable && s.versioned);
  const latest = versioned ? latestVersion(pattern, versioned.matcher) : undefined;
  return { rendered, ...(latest ? { latest } : {}) };
}

/** A pattern's page from its metadata and its article (the article's version fills in the metadata). */
export function pageOf(meta: PageMeta, article: Article): PatternPage {
  if (article.latest) Object.assign(meta, article.latest);
  return { ...meta, ...article.rendered };
}

/** Renders one fully loaded pattern for its page. */
export function renderPage(meta: PageMeta, pattern: Pattern, catalog: ArticleSettings, patternAt: (file: string) => PageMeta | undefined): PatternPage {
  return pageOf(meta, renderArticle(pattern, catalog, patternAt));
}

/**
 * Files and folders to the patterns they are: `../saga/README.md` and
 * `../saga/` both name saga, and so does the address a site gives a file
 * (`./saga` or `./saga.html` for `saga.md`). Works on anything with a file (discovered files,
 * page metadata).
 */
export function patternLocator<T extends { file: string }>(entries: readonly T[]): (file: string) => T | undefined {
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const byFolder = new Map(entries.filter((e) => ownsFolder(e.file)).map((e) => [path.dirname(e.file), e]));
  return (file) => byFile.get(file) ?? byFolder.get(file) ?? bySiteAddress(file, (f) => byFile.get(f));
}

/** What a pattern's card (and its search entry) shows of it: slug, title, summary and facets. */
export function cardOf(pattern: PatternView, facets: readonly string[]): Pick<PageMeta, 'slug' | 'title' | 'summary' | 'facets'> {
  return {
    slug: pattern.slug,
    title: displayTitle(pattern),
    ...(pattern.summary ? { summary: displaySummary(pattern.summary)! } : {}),
    facets: facetValues(pattern, facets),
  };
}

/** The newest `Version x.y.z (date)` heading of the changelog (newest by date, then by order). */
function latestVersion(pattern: Pattern, matcher: RegExp): { version: string; updated?: string } | undefined {
  let best: { version: string; updated?: string } | undefined;
  for (const h of pattern.document.headings) {
    const version = versionIn(h.text);
    if (!version || !matcher.test(foldHeading(h.text))) continue;
    const updated = dateIn(h.text);
    if (!best || (updated && (!best.updated || updated > best.updated))) best = { version, ...(updated ? { updated } : {}) };
  }
  return best;
}
