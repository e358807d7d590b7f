import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/types.js';
import { lintCatalog } from '../lint/engine.js';
import { DOCS_BASE } from '../lint/lint.js';
import { registry } from '../lint/registry.js';
import type { LintFileResult, RuleInfo } from '../lint/result.js';
import { catalogExport } from './catalog-export.js';
import type { CatalogExport } from './schema.js';

/**
 * The catalog read in full (every pattern's sections and text) and linted
 * in memory, for the commands that report on all of it: export, graph, report.
 */
export async function loadCatalogData(options: { root: string; templateFile?: string }): Promise<{ catalog: Catalog; lint: LintFileResult[]; rules: RuleInfo[]; data: CatalogExport }> {
  const catalog = await loadCatalog({ root: options.root, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
  const { results, rules } = await lintCatalog(catalog, { registry, docsBase: DOCS_BASE });
  return { catalog, lint: results, rules, data: catalogExport(catalog, results) };
}
