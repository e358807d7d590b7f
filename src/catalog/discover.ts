import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { PatternbookError, type Diagnostic } from '../diagnostics.js';

export interface DiscoverOptions {
  root: string;
  patterns: string[];
  exclude: string[];
  /** Absolute folders never read (the build output, …). */
  skipDirs?: string[];
  /** Absolute files never taken as patterns (the template, when it lives in the catalog). */
  skipFiles?: string[];
}

export interface DiscoveredFile {
  /** Absolute path. */
  file: string;
  /** Relative to the root, `/` separators. */
  path: string;
  slug: string;
}

/** Folders never read, whatever the globs say. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/**
 * Walks the catalog root and returns the Markdown files the `patterns` globs
 * select, sorted by path. Dot-folders, `node_modules` and the build output are
 * not entered. A symbolic link to a file is followed only when it stays inside
 * the root; a linked folder is not entered (its target is read where it is).
 */
export async function discoverPatterns(options: DiscoverOptions): Promise<{ files: DiscoveredFile[]; diagnostics: Diagnostic[] }> {
  const root = await realpath(options.root).catch(() => {
    throw new PatternbookError(`Catalog folder ${options.root} does not exist or cannot be read.`);
  });
  const include = picomatch(options.patterns, { dot: false });
  const exclude = options.exclude.length ? picomatch(options.exclude, { dot: true }) : () => false;
  const skipDirs = new Set((options.skipDirs ?? []).map((d) => path.resolve(d)));
  const skipFiles = new Set((options.skipFiles ?? []).map((f) => path.resolve(f)));
  const maxDepth = globDepth(options.patterns);
  const files: DiscoveredFile[] = [];
  const diagnostics: Diagnostic[] = [];

  // Synchronous on purpose, like the reads of the files: a catalog is thousands of small
  // folders, and a thread-pool round trip per folder cost 0.5 s on 10,000 of them.
  const walk = (dir: string, rel: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      diagnostics.push(warning(rel || '.', `Cannot read folder: ${(err as Error).message}. Its patterns were skipped.`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = abs;
      if (entry.isSymbolicLink()) {
        try {
          real = realpathSync(abs);
        } catch {
          continue; // dangling link
        }
        if (real !== root && !real.startsWith(root + path.sep)) {
          diagnostics.push(warning(relPath, 'Symbolic link points outside the catalog root; not followed.'));
          continue;
        }
        const s = statSync(real, { throwIfNoEntry: false });
        if (!s) continue; // gone since the folder was read
        // A linked folder inside the root is read where it really is, so nothing is read twice and loops cannot form.
        if (s.isDirectory()) continue;
        isFile = s.isFile();
      }
      if (isDir) {
        if (ALWAYS_SKIPPED.has(entry.name) || entry.name.startsWith('.') || skipDirs.has(abs) || skipDirs.has(real)) continue;
        if (depth + 1 >= maxDepth) continue;
        walk(abs, relPath, depth + 1);
      } else if (isFile && /\.(md|markdown)$/i.test(entry.name)) {
        if (!include(relPath) || exclude(relPath) || skipFiles.has(abs) || skipFiles.has(real)) continue;
        const slug = slugFor(relPath);
        if (slug) files.push({ file: abs, path: relPath, slug });
      }
    }
  };
  walk(root, '', 0);
  // Report paths from the root the user gave, not its resolved real path.
  const given = path.resolve(options.root);
  return { files: files.map((f) => ({ ...f, file: path.join(given, f.path) })), diagnostics };
}

/**
 * `circuit-breaker/README.md` → `circuit-breaker`; `patterns/saga.md` → `saga`.
 * A README or index at the root names no pattern (it is the catalog's own page).
 */
export function slugFor(relPath: string): string | undefined {
  const parts = relPath.split('/');
  const base = parts[parts.length - 1]!;
  if (/^(readme|index)\.(md|markdown)$/i.test(base)) return parts.length > 1 ? parts[parts.length - 2] : undefined;
  return base.replace(/\.(md|markdown)$/i, '');
}

/** How many folder levels the globs can reach (Infinity with `**`), so the walk stops early. */
function globDepth(patterns: string[]): number {
  let depth = 0;
  for (const p of patterns) {
    if (p.includes('**')) return Infinity;
    depth = Math.max(depth, p.split('/').length);
  }
  return depth;
}

function warning(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, ruleId: 'discovery', severity: 'warning', message };
}
