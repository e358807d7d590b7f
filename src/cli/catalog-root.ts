import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { findCatalogRoot } from '../config/load-config.js';
import { PatternbookError } from '../diagnostics.js';

/** The catalog root for a command: the `[dir]` given, else the nearest folder upward with a config file. */
export function resolveCatalogRoot(cwd: string, dir: string | undefined): string {
  if (!dir) return findCatalogRoot(cwd);
  const root = path.resolve(cwd, dir);
  if (!existsSync(root)) throw new PatternbookError(`Catalog folder ${dir} does not exist.`);
  if (!statSync(root).isDirectory()) throw new PatternbookError(`${dir} is not a folder: give the catalog's root folder.`);
  return root;
}
