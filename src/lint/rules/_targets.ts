import { readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { resolveReference } from '../../catalog/links.js';
import type { Pattern } from '../../catalog/types.js';
import type { CatalogIndex } from '../catalog-index.js';
import { nearest } from '../../util/similar.js';

/**
 * Where a link or image destination written in a pattern leads, judged
 * without reading anything outside the catalog: unsafe destinations (a
 * `file://` URL, an absolute file-system path, a path that climbs out of the
 * root, a symbolic link out of it) are classified from the text and the
 * catalog's own folders, never opened.
 */
export type Target =
  | { kind: 'external'; url: string; scheme: string }
  /** `mailto:`, `tel:`, `data:`… — nothing to check. */
  | { kind: 'scheme'; scheme: string }
  | { kind: 'unsafe'; reason: UnsafeReason }
  | { kind: 'local'; /** Absolute path (the pattern itself for `#anchor`). */ file: string; anchor?: string; /** Relative to the catalog root, `/` separators. */ rel: string; backslashes: boolean };

export type UnsafeReason = 'file-url' | 'absolute' | 'home' | 'outside' | 'symlink';

/** Top-level folders of common systems: `/etc/passwd` is a file-system path, not a catalog path. */
const SYSTEM_FOLDERS = new Set(
  'etc usr var home root tmp opt bin sbin lib lib64 dev proc sys mnt media srv run boot snap nix Users Volumes private Library System Applications cores'.split(' '),
);

const WEB_SCHEMES = new Set(['http', 'https', '']);

/** Classifies a destination written in `from`. Reads nothing; may stat paths inside the catalog root. */
export function classifyTarget(url: string, from: Pattern, index: CatalogIndex): Target {
  const root = index.catalog.root;
  const trimmed = url.trim();
  if (/^file:/i.test(trimmed)) return { kind: 'unsafe', reason: 'file-url' };
  // `C:\x`, `C:/x`, `\\server\share`: Windows paths (a one-letter "scheme" is a drive letter).
  if (/^[a-z]:[\\/]/i.test(trimmed) || /^\\\\/.test(trimmed)) return { kind: 'unsafe', reason: 'absolute' };
  if (/^~(?:[\\/]|$)/.test(trimmed)) return { kind: 'unsafe', reason: 'home' };

  const backslashes = trimmed.includes('\\') && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const written = backslashes ? trimmed.replace(/\\/g, '/') : trimmed;
  const resolved = resolveReference(written, from.file, root);
  if (resolved.kind === 'external') {
    return WEB_SCHEMES.has(resolved.scheme) ? { kind: 'external', url: resolved.url, scheme: resolved.scheme || 'https' } : { kind: 'scheme', scheme: resolved.scheme };
  }
  if (resolved.outside) return { kind: 'unsafe', reason: 'outside' };
  const rel = path.relative(root, resolved.file).split(path.sep).join('/');

  // A leading `/` is the catalog root (as on a git host) — unless the catalog has no such folder
  // and the path names a system folder or the machine's own folders (`/home/me/…`, `/etc/passwd`).
  if (written.startsWith('/')) {
    const first = rel.split('/')[0] ?? '';
    if (first && !index.stat(path.join(root, first)) && machineFolders().has(first)) return { kind: 'unsafe', reason: 'absolute' };
  }
  if (escapesBySymlink(index, resolved.file)) return { kind: 'unsafe', reason: 'symlink' };
  return { kind: 'local', file: resolved.file, ...(resolved.anchor !== undefined ? { anchor: resolved.anchor } : {}), rel, backslashes };
}

let machine: Set<string> | undefined;
function machineFolders(): Set<string> {
  if (!machine) {
    machine = new Set(SYSTEM_FOLDERS);
    for (const p of [homedir(), tmpdir(), process.cwd()]) {
      const first = path.resolve(p).split(path.sep).filter(Boolean)[0];
      if (first) machine.add(first);
    }
  }
  return machine;
}

const realPaths = new WeakMap<CatalogIndex, Map<string, string | null>>();

/**
 * The path (or, when it does not exist, its deepest existing folder) lies
 * outside the catalog root once symbolic links are resolved. Each folder on
 * the way down from the root is checked once per run (they are shared by a
 * pattern's links and images); only a path through a symbolic link needs its
 * real path worked out.
 */
function escapesBySymlink(index: CatalogIndex, file: string): boolean {
  const given = index.catalog.root;
  let existing = file;
  while (existing !== given && existing.startsWith(given + path.sep) && !index.stat(existing)) existing = path.dirname(existing);
  if (existing === given) return false;
  if (!existing.startsWith(given + path.sep)) return true;
  let throughLink = false;
  for (let at = existing; at !== given; at = path.dirname(at)) {
    if (index.stat(at)?.isSymbolicLink) {
      throughLink = true;
      break;
    }
  }
  if (!throughLink) return false;

  let cache = realPaths.get(index);
  if (!cache) realPaths.set(index, (cache = new Map()));
  const real = (p: string): string | null => {
    let r = cache.get(p);
    if (r === undefined) {
      try {
        r = realpathSync.native(p);
      } catch {
        r = null;
      }
      cache.set(p, r);
    }
    return r;
  };
  const root = real(given) ?? given;
  const target = real(existing);
  if (target === null) return true;
  return target !== root && !target.startsWith(root + path.sep);
}

/** What an unsafe destination is, for messages. */
export function unsafeText(reason: UnsafeReason): string {
  switch (reason) {
    case 'file-url':
      return 'a `file://` URL, which only opens on the machine that wrote it';
    case 'absolute':
      return 'an absolute file-system path, which only exists on the machine that wrote it';
    case 'home':
      return 'a path in a home folder (`~`), which only exists on the machine that wrote it';
    case 'outside':
      return 'a path that leaves the catalog root, so it breaks wherever the catalog is cloned or published';
    case 'symlink':
      return 'a path through a symbolic link that leads out of the catalog root';
  }
}

interface Listing {
  names: string[];
  has: Set<string>;
}

const listings = new WeakMap<CatalogIndex, Map<string, Listing>>();

function listing(index: CatalogIndex, dir: string): Listing {
  let cache = listings.get(index);
  if (!cache) listings.set(index, (cache = new Map()));
  let found = cache.get(dir);
  if (!found) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => !n.startsWith('.'));
    } catch {
      names = [];
    }
    found = { names, has: new Set(names) };
    cache.set(dir, found);
  }
  return found;
}

/** Names in a folder of the catalog (dot entries left out), cached per run. */
export function listFolder(index: CatalogIndex, dir: string): string[] {
  return listing(index, dir).names;
}

/**
 * The catalog path as it is spelled on disk when `file` exists only because the
 * file system ignores letter case (`Saga/readme.md` for `saga/README.md`);
 * `undefined` when it is spelled right. Git hosts and web servers are case-sensitive.
 */
export function caseMismatch(index: CatalogIndex, file: string): string | undefined {
  // On a case-sensitive file system a misspelt case does not exist at all: nothing to compare.
  if (!ignoresCase(index)) return undefined;
  const root = index.catalog.root;
  const parts = path.relative(root, file).split(path.sep).filter(Boolean);
  let dir = root;
  const actual: string[] = [];
  let differs = false;
  for (const part of parts) {
    const { names, has } = listing(index, dir);
    if (has.has(part) || part.startsWith('.')) {
      actual.push(part);
    } else {
      const other = names.find((n) => n.toLowerCase() === part.toLowerCase());
      if (!other) return undefined;
      actual.push(other);
      differs = true;
    }
    dir = path.join(dir, actual.at(-1)!);
  }
  return differs ? actual.join('/') : undefined;
}

const caseFolding = new WeakMap<CatalogIndex, boolean>();

/** Whether the catalog's file system ignores letter case (macOS, Windows): the same file under another spelling. */
function ignoresCase(index: CatalogIndex): boolean {
  let answer = caseFolding.get(index);
  if (answer === undefined) {
    answer = false;
    const probe = index.catalog.patterns[0]?.file ?? index.catalog.root;
    const flipped = path.join(path.dirname(probe), swapCase(path.basename(probe)));
    if (flipped !== probe) {
      try {
        const a = statSync(probe);
        const b = statSync(flipped);
        answer = a.ino === b.ino && a.dev === b.dev;
      } catch {
        answer = false;
      }
    }
    caseFolding.set(index, answer);
  }
  return answer;
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}

/**
 * A path that exists near a missing one: each missing segment replaced by the
 * closest name in its folder (a typo in a folder or file name), else the
 * closest pattern slug.
 */
export function nearestPath(index: CatalogIndex, file: string): string | undefined {
  const root = index.catalog.root;
  const parts = path.relative(root, file).split(path.sep).filter(Boolean);
  let dir = root;
  let fixes = 0;
  for (const part of parts) {
    let next = path.join(dir, part);
    if (!index.stat(next)) {
      const near = nearest(part, listFolder(index, dir), (n) => n);
      if (!near || ++fixes > 3) {
        dir = '';
        break;
      }
      next = path.join(dir, near);
    }
    dir = next;
  }
  if (dir && dir !== root && index.stat(dir)) return dir;

  const slug = slugOfPath(file);
  const pattern = nearest(slug, index.catalog.patterns, (p) => p.slug, 'slug');
  return pattern && pattern.file !== file ? pattern.file : undefined;
}

/** The slug a path names: `../saga/README.md` → `saga`, `patterns/cqrs.md` → `cqrs`. */
export function slugOfPath(file: string): string {
  const base = path.basename(file);
  if (/^(readme|index)\.(md|markdown)$/i.test(base)) return path.basename(path.dirname(file));
  return base.replace(/\.(md|markdown)$/i, '');
}

/** A destination from `fromFile` to `toFile` as an author writes it: relative, `/` separators. */
export function relativeLink(fromFile: string, toFile: string): string {
  const rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

/** `` `text` `` for messages. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

