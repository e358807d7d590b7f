import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder Patternbook is installed in (the one holding its package.json),
 * found upward from this module. The compiled modules (`dist/…/*.js`), the
 * one-file bundle (`dist/bundle/cli.mjs`) and the sources under test all sit at
 * different depths below it, so a fixed `../..` would be right for only one.
 */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Patternbook is incomplete: no package.json above ${fileURLToPath(import.meta.url)}. Reinstall it.`);
    dir = up;
  }
}

export const PACKAGE_ROOT = findPackageRoot();

/** Patternbook's version, from its package.json. */
export const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
