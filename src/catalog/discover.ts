import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { fatal, PatternbookError, type Diagnostic } from '../diagnostics.js';
import { describeFileSystemError, isSystemError } from '../util/fs-errors.js';
import { isFolderPage } from './folder-page.js';

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
 * the root, and is no pattern of its own where its target is one; a linked
 * folder is not entered (its target is read where it is).
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
  // Real paths of the files found through a symbolic link, and of the others.
  const linked = new Map<DiscoveredFile, string>();
  const direct = new Set<string>();

  // Synchronous on purpose, like the reads of the files: a catalog is thousands of small
  // folders, and a thread-pool round trip per folder cost 0.5 s on 10,000 of them.
  const walk = (dir: string, rel: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      diagnostics.push(unreadableFolder(rel || '.', err));
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
        if (!slug) continue;
        const found = { file: abs, path: relPath, slug };
        files.push(found);
        if (entry.isSymbolicLink()) linked.set(found, real);
        else direct.add(abs);
      }
    }
  };
  walk(root, '', 0);
  // A link to a pattern found under its own path (`keps/sig-x/old.md` → `12-old/README.md`, kept so old
  // links still work) is that pattern, not a second one: its images and links are the pattern's, beside it.
  const patterns = linked.size === 0 ? files : files.filter((f) => !direct.has(linked.get(f) ?? ''));
  // Report paths from the root the user gave, not its resolved real path.
  const given = path.resolve(options.root);
  return { files: patterns.map((f) => ({ ...f, file: path.join(given, f.path) })), diagnostics };
}

/** What {@link whyNoPattern} needs to know of the catalog besides discovery's own options. */
export interface CatalogFiles extends DiscoverOptions {
  /** The template (absolute). */
  template?: string;
  /** The configuration file (absolute), if any. */
  configFile?: string;
}

/**
 * Why the existing path `target` (absolute) names no pattern of the catalog,
 * said for a user who asked to lint it: what the path is, and what would work.
 */
export function whyNoPattern(target: string, catalog: CatalogFiles): string {
  const root = path.resolve(catalog.root);
  const abs = path.resolve(target);
  const rel = path.relative(root, abs).split(path.sep).join('/');
  const globs = `\`patterns\` (${catalog.patterns.join(', ')})`;
  if (rel.startsWith('..') || path.isAbsolute(rel))
    return `\`${target}\` is outside the catalog \`${root}\`: give a pattern file or folder inside it, or that catalog's own folder.`;
  const shown = `\`${rel}\``;
  if (catalog.template && abs === path.resolve(catalog.template))
    return `${shown} is the catalog's template, not a pattern: lint checks patterns against it. Give a pattern file or folder, or the catalog folder.`;
  if (catalog.configFile && abs === path.resolve(catalog.configFile))
    return `${shown} is the catalog's configuration file, not a pattern. Give a pattern file or folder, or the catalog folder.`;
  const skipped = (catalog.skipDirs ?? []).map((d) => path.resolve(d)).find((d) => abs === d || abs.startsWith(d + path.sep));
  if (skipped) return `${shown} is in the build output \`${path.relative(root, skipped)}\`, not a pattern. Give a pattern file or folder, or the catalog folder.`;
  const parts = rel.split('/');
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    // Gone since the command checked it: said as a file that is no pattern.
  }
  const hidden = (isDir ? parts : parts.slice(0, -1)).find((p) => p.startsWith('.') || ALWAYS_SKIPPED.has(p));
  if (hidden) return `${shown} is inside \`${hidden}\`, a folder lint never reads (hidden folders, node_modules and .git are skipped).`;
  const excluded = catalog.exclude.length ? picomatch(catalog.exclude, { dot: true }) : () => false;
  if (isDir) {
    const by = catalog.exclude.length && excluded(`${rel}/x.md`) ? ` (its files are excluded by \`exclude\`: ${catalog.exclude.join(', ')})` : '';
    return `${shown} holds no pattern files matching ${globs}${by}: nothing to lint there. Give a pattern file or folder, or the catalog folder.`;
  }
  if (!/\.(md|markdown)$/i.test(rel)) return `${shown} is not a Markdown file; patterns are the Markdown files matching ${globs}.`;
  if (excluded(rel)) return `${shown} is excluded by \`exclude\` (${catalog.exclude.join(', ')}) in the configuration, so it is not linted.`;
  if (!picomatch(catalog.patterns, { dot: false })(rel)) return `${shown} does not match ${globs}, so it is not one of the catalog's patterns.`;
  if (!slugFor(rel)) return `${shown} is the catalog's own page (a README or index at the root), not a pattern.`;
  return `${shown} is not one of the catalog's patterns.`;
}

/**
 * `circuit-breaker/README.md` → `circuit-breaker`; `patterns/saga.md` → `saga`.
 * A README or index at the root names no pattern (it is the catalog's own page).
 * A dot-named file (`.quick-retry.md`) gives its name without the dots: a site
 * path that starts with a dot is hidden, and some hosts never serve it.
 */
export function slugFor(relPath: string): string | undefined {
  const parts = relPath.split('/');
  const base = parts[parts.length - 1]!;
  if (isFolderPage(base)) return parts.length > 1 ? parts[parts.length - 2] : undefined;
  const name = base.replace(/\.(md|markdown)$/i, '');
  return name.replace(/^\.+/, '') || name;
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

/** A folder that could not be read: an error like an unreadable file's (load-pattern), its patterns not linted. */
function unreadableFolder(rel: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException).code;
  const message =
    code === 'EACCES' || code === 'EPERM'
      ? 'Permission denied: make the folder readable; its patterns were not read.'
      : code === 'ENOENT'
        ? 'Folder disappeared before it could be read; run again.'
        : `${isSystemError(err) ? describeFileSystemError(err, 'list', rel) : `Cannot read this folder: ${(err as Error).message}.`} Its patterns were not read.`;
  return fatal(rel, 'file-read', message);
}

function warning(file: string, message: string): Diagnostic {
  return { path: file, line: 1, column: 1, ruleId: 'discovery', severity: 'warning', message };
}
