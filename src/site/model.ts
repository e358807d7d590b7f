import path from 'node:path';
import type { Catalog, Pattern } from '../catalog/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { CatalogIndex } from '../lint/catalog-index.js';
import { foldHeading } from '../template/normalize.js';
import type { LintFileResult } from '../lint/result.js';
import { flattenSections } from '../template/walk.js';
import { renderPattern, type RenderedPattern } from './render-pattern.js';

/** What the site shows of one pattern. */
export interface PatternPage extends RenderedPattern {
  slug: string;
  title: string;
  summary?: string;
  /** Front matter values of the configured facets (tags, category, status), as strings. */
  facets: Record<string, string[]>;
  /** Latest changelog version and its date. */
  version?: string;
  updated?: string;
  related: string[];
  alternatives: string[];
  /** Patterns that list this one under Related Patterns or Alternatives. */
  backlinks: string[];
  lint: { errors: number; warnings: number };
  diagnostics: Pick<Diagnostic, 'line' | 'severity' | 'message' | 'ruleId'>[];
  editUrl?: string;
  /** The pattern's folder, its files copied from there. */
  dir: string;
}

export const DEFAULT_FACETS = ['tags', 'category', 'status'];

/** Everything the pages need, worked out from the catalog model and its lint results. */
export function patternPages(catalog: Catalog, lint: LintFileResult[]): PatternPage[] {
  const site = catalog.config.site;
  const facets = site.facets ?? DEFAULT_FACETS;
  const byFile = new Map(catalog.patterns.map((p) => [p.file, p]));
  const folderOwner = new Map(catalog.patterns.filter((p) => /^readme\.(md|markdown)$/i.test(path.basename(p.file))).map((p) => [p.dir, p]));
  const lintByFile = new Map(lint.map((r) => [r.absolutePath, r]));
  const index = new CatalogIndex(catalog);
  const relations = index.relations();
  const versioned = flattenSections(catalog.template.sections).find((s) => s.repeatable && s.versioned);

  return catalog.patterns.map((pattern) => {
    const rendered = renderPattern(pattern, {
      catalog,
      pageLink: (_from, to) => `../${encodeURIComponent(to.slug)}/`,
      patternAt: (file) => byFile.get(file) ?? folderOwner.get(file),
    });
    const result = lintByFile.get(pattern.file);
    const out = (kind: 'related' | 'alternative') => unique(relations.filter((r) => r.from === pattern && r.kind === kind).map((r) => r.to.slug));
    const latest = versioned ? latestVersion(pattern, versioned.matcher) : undefined;
    return {
      ...rendered,
      slug: pattern.slug,
      title: pattern.title?.text ?? pattern.slug,
      ...(pattern.summary ? { summary: pattern.summary.text } : {}),
      facets: facetValues(pattern, facets),
      ...(latest ? latest : {}),
      related: out('related'),
      alternatives: out('alternative'),
      backlinks: unique(relations.filter((r) => r.to === pattern && r.from !== pattern).map((r) => r.from.slug)).sort(),
      lint: { errors: result?.errorCount ?? 0, warnings: result?.warningCount ?? 0 },
      diagnostics: (result?.diagnostics ?? []).map((d) => ({ line: d.line, severity: d.severity, message: d.message, ruleId: d.ruleId })),
      ...(site.repoUrl ? { editUrl: `${site.repoUrl.replace(/\/+$/, '')}/edit/${site.branch ?? 'main'}/${pattern.path.split('/').map(encodeURIComponent).join('/')}` } : {}),
      dir: pattern.dir,
    };
  });
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function facetValues(pattern: Pattern, facets: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const facet of facets) {
    const value = pattern.frontMatter[facet];
    const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
      .filter((v) => ['string', 'number', 'boolean'].includes(typeof v))
      .map((v) => String(v).trim())
      .filter(Boolean);
    if (list.length) out[facet] = [...new Set(list)].sort();
  }
  return out;
}

const SEMVER = /\bv?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)\b/;
const DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** The newest `Version x.y.z (date)` heading of the changelog (newest by date, then by order). */
function latestVersion(pattern: Pattern, matcher: RegExp): { version: string; updated?: string } | undefined {
  let best: { version: string; updated?: string } | undefined;
  for (const h of pattern.document.headings) {
    const version = SEMVER.exec(h.text)?.[1];
    if (!version || !matcher.test(foldHeading(h.text))) continue;
    const updated = DATE.exec(h.text)?.[1];
    if (!best || (updated && (!best.updated || updated > best.updated))) best = { version, ...(updated ? { updated } : {}) };
  }
  return best;
}

