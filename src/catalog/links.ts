import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';

export type ResolvedReference =
  | { kind: 'external'; url: string; scheme: string }
  | {
      kind: 'local';
      /** Absolute target path (the pattern file itself for `#anchor`). */ file: string;
      anchor?: string;
      /** The target lies outside the catalog root. */ outside: boolean;
    };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Resolves a link or image destination written in a pattern: an external URL,
 * or a file relative to the pattern (a leading `/` is relative to the catalog
 * root, as on a git host), with its `#anchor`.
 */
export function resolveReference(url: string, fromFile: string, root: string): ResolvedReference {
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme && !/^[a-z]$/i.test(scheme)) return { kind: 'external', url, scheme: scheme.toLowerCase() };
  if (url.startsWith('//')) return { kind: 'external', url, scheme: '' };

  const hashAt = url.indexOf('#');
  const pathPart = (hashAt >= 0 ? url.slice(0, hashAt) : url).replace(/\?.*$/, '');
  const anchor = hashAt >= 0 ? url.slice(hashAt + 1) : undefined;
  let decoded = pathPart;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    // keep as written
  }
  const file = decoded === '' ? fromFile : decoded.startsWith('/') ? path.join(root, decoded) : path.resolve(path.dirname(fromFile), decoded);
  const rel = path.relative(root, file);
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return { kind: 'local', file, ...(anchor !== undefined ? { anchor } : {}), outside };
}

/**
 * The root of the git repository a catalog is a folder of (the nearest folder
 * up with a `.git`), once per process and root; none outside any repository.
 */
export function repositoryRoot(root: string): string | undefined {
  const dir = path.resolve(root);
  if (!repositories.has(dir)) {
    let found: string | undefined;
    for (let at = dir; ; at = path.dirname(at)) {
      if (existsSync(path.join(at, '.git'))) {
        found = at;
        break;
      }
      if (path.dirname(at) === at) break;
    }
    repositories.set(dir, found);
  }
  return repositories.get(dir);
}

const repositories = new Map<string, string | undefined>();

/**
 * The file a link or image that leaves the catalog root names in the git repository the
 * catalog is a folder of (its path from that repository's root), when it
 * exists there; undefined outside any repository or for a file that is not there.
 */
export function repositoryFile(url: string, fromFile: string, root: string, from: 'file' | 'repository root' = 'file'): string | undefined {
  const repo = repositoryRoot(root);
  if (!repo || repo === path.resolve(root)) return undefined;
  // A path from the root (`/specification/x.md`) is read by git hosts from the repository's root.
  const resolved = resolveReference(url.replace(/\\/g, '/'), fromFile, from === 'repository root' ? repo : root);
  if (resolved.kind !== 'local') return undefined;
  const rel = path.relative(repo, resolved.file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  // Looked at one folder at a time from the repository's root, never through a symbolic link (it
  // could lead out of the repository): only paths inside it are touched, and no content is read.
  let at = repo;
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part);
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return undefined;
  }
  return rel.split(path.sep).join('/');
}

/**
 * A path from the root (`/teps/images/x.png`) as git hosts read it, from the
 * root of the repository the catalog is a folder of: the file it names there
 * when that lies inside the catalog (the catalog's folder named in the path).
 * None for other destinations, outside a repository, or a catalog at its root
 * (where the two roots are one). Reads nothing but where `.git` is.
 */
export function inCatalogFromRepository(url: string, root: string): string | undefined {
  if (!/^\/(?!\/)/.test(url.trim())) return undefined;
  const repo = repositoryRoot(root);
  if (!repo || repo === path.resolve(root)) return undefined;
  const resolved = resolveReference(url.trim(), path.join(repo, 'x'), repo);
  if (resolved.kind !== 'local') return undefined;
  const rel = path.relative(path.resolve(root), resolved.file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : resolved.file;
}

/**
 * A link written from the root without a file extension (`/docs/architecture/caching`), whose
 * resolved `file` has no extension either: how documentation sites link their pages, an address
 * on the published site rather than a file path (when it names no file of the catalog).
 */
export function isSiteAddressPath(url: string, file: string): boolean {
  return /^\/(?!\/)/.test(url.trim()) && !/\.[a-z0-9]{1,5}$/i.test(path.basename(file));
}

/** A destination from `fromFile` to `toFile` as an author writes it: relative, `/` separators. */
export function relativeLink(fromFile: string, toFile: string): string {
  const rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

/**
 * The Markdown files a published site's address stands for: `x` or `x.html`
 * is where static-site generators serve `x.md` (how their pages link to each
 * other). Empty for any other extension.
 */
function siteAddressSources(file: string): string[] {
  const ext = path.extname(file);
  if (ext !== '' && !/^\.html?$/i.test(ext)) return [];
  const base = ext === '' ? file : file.slice(0, -ext.length);
  return [`${base}.md`, `${base}.markdown`];
}

/** The first of `siteAddressSources(file)` that `find` knows: what the address stands for. */
export function bySiteAddress<T>(file: string, find: (source: string) => T | undefined): T | undefined {
  for (const source of siteAddressSources(file)) {
    const found = find(source);
    if (found !== undefined) return found;
  }
  return undefined;
}
