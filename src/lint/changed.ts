import { realpathSync } from 'node:fs';
import path from 'node:path';
import { CatalogIndex } from '../catalog/catalog-index.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { patternScope } from '../catalog/pattern-files.js';
import type { Pattern } from '../catalog/types.js';
import { changedFilesSince } from '../util/git.js';

/**
 * What `lint --changed-since REF` lints: the patterns with a file changed
 * since REF (a pattern in its own folder owns the folder), and the patterns
 * whose Related Patterns or Alternatives point to one of them (their
 * relation checks depend on it). `all` when the configuration or the
 * template changed: every pattern is then judged anew.
 */
export async function changedPatterns(options: { root: string; ref: string; templateFile?: string }): Promise<{ all: true } | { all: false; files: string[] }> {
  const changed = changedFilesSince(options.root, options.ref).map(real);
  const catalog = await loadCatalog({ root: options.root, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
  const shared = [catalog.config.file, options.templateFile ?? catalog.config.template].filter((f): f is string => Boolean(f)).map(real);
  if (changed.some((f) => shared.includes(f))) return { all: true };
  const owns = (p: Pattern) => real(patternScope(p));
  const touched = new Set(catalog.patterns.filter((p) => changed.some((f) => f === owns(p) || f.startsWith(owns(p) + path.sep))));
  const dependents = new CatalogIndex(catalog)
    .relations()
    .filter((r) => touched.has(r.to))
    .map((r) => r.from);
  // Files that changed but no longer load (now broken) are linted too: their problems are the point.
  const broken = catalog.diagnostics.map((d) => path.join(catalog.root, d.path)).filter((f) => changed.includes(real(f)));
  return { all: false, files: [...new Set([...touched, ...dependents].map((p) => p.file).concat(broken))].sort() };
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
