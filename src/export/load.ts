import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/types.js';
import { lintLoaded, throughBaseline } from '../lint/lint.js';
import { registry } from '../lint/registry.js';
import type { LintFileResult, RuleInfo } from '../lint/result.js';
import type { Diagnostic } from '../diagnostics.js';
import { readRecords } from '../run/record.js';
import { catalogExport } from './catalog-export.js';
import type { CatalogExport } from './schema.js';

/**
 * The catalog read in full (every pattern's sections and text) and linted
 * in memory, for the commands that report on all of it: export, graph, report.
 * `problems` are the catalog's load problems and the verification records
 * that were left out (warnings naming the file), for the caller to show.
 * Lint results are seen through the catalog's baseline: `baselined` counts
 * the findings it holds.
 */
export async function loadCatalogData(options: {
  root: string;
  templateFile?: string;
}): Promise<{ catalog: Catalog; lint: LintFileResult[]; baselined: number; rules: RuleInfo[]; data: CatalogExport; problems: Diagnostic[] }> {
  const catalog = await loadCatalog({ root: options.root, rules: registry, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
  const linted = await lintLoaded(catalog);
  const { results, baselined } = throughBaseline(catalog.root, linted.results);
  const { records, problems } = readRecords(catalog.root);
  return { catalog, lint: results, baselined, rules: linted.rules, data: catalogExport(catalog, results, records), problems: [...catalog.diagnostics, ...problems] };
}
