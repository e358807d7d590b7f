import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { findCatalogRoot, findConfigRoot } from '../config/load-config.js';
import { PatternbookError } from '../diagnostics.js';

/** The catalog root for a command: the `[dir]` given, else the nearest folder upward with a config file. */
export function resolveCatalogRoot(cwd: string, dir: string | undefined): string {
  if (!dir) return findCatalogRoot(cwd);
  const root = path.resolve(cwd, dir);
  if (!existsSync(root)) throw new PatternbookError(`Catalog folder ${dir} does not exist.`);
  if (!statSync(root).isDirectory()) throw new PatternbookError(`${dir} is not a folder: give the catalog's root folder.`);
  return root;
}

/**
 * The catalog the paths belong to: the nearest folder upward with a config
 * file; without one, a single folder given is the root — unless it is a
 * pattern's own folder (a README.md and no pattern folders inside), whose
 * catalog is the folder above — else the current folder when it holds the
 * files, else the folder above the first file's.
 */
export function catalogRootFor(cwd: string, paths: string[]): string {
  const first = paths[0];
  if (!first) return findCatalogRoot(cwd);
  const isDir = statSync(first).isDirectory();
  const configured = findConfigRoot(isDir ? first : path.dirname(first));
  if (configured) return configured;
  if (isDir && paths.length === 1) return isPatternFolder(first) ? path.dirname(first) : first;
  return paths.every((p) => p.startsWith(cwd + path.sep)) ? cwd : path.dirname(path.dirname(first));
}

/** A folder with its own README.md and no sub-folder that has one: one pattern, not a catalog. */
export function isPatternFolder(dir: string): boolean {
  const readme = (d: string) => ['README.md', 'readme.md', 'Readme.md'].some((n) => existsSync(path.join(d, n)));
  if (!readme(dir)) return false;
  try {
    return !readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory() && !e.name.startsWith('.') && readme(path.join(dir, e.name)));
  } catch {
    return false;
  }
}
