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
 * The file a path from the root (`/specification/x.md`) names in the git
 * repository the catalog is a folder of, read from that repository's root as
 * git hosts read it (its path from there), when it exists; undefined outside
 * any repository, in a catalog at its root, or for a file that is not there.
 */
export function repositoryFile(url: string, fromFile: string, root: string): string | undefined {
  const repo = repositoryRoot(root);
  if (!repo || repo === path.resolve(root)) return undefined;
  const found = inRepository(repo, resolveReference(url.replace(/\\/g, '/'), fromFile, repo));
  return found?.kind === 'repository' ? found.file : undefined;
}

/** Where a relative path that leaves the catalog root leads, as far as Patternbook may tell. */
export type OutsideCatalog =
  /** To this file of the git repository around the catalog (its path from the repository's root). */
  | { kind: 'repository'; file: string }
  /** Into the repository around the catalog, where nothing has that path. */
  | { kind: 'missing'; file: string }
  /** Out of a catalog with no repository around it: nothing bounds a look, so none is taken. */
  | { kind: 'unbounded' };

/**
 * What a relative link or image that leaves the catalog root names: a file of
 * the repository around the catalog, a path in it where nothing is, or — with
 * no repository around the catalog — something Patternbook does not look for
 * (it never touches what lies outside the catalog and its repository).
 * Undefined when it leaves the repository as well (or the catalog is the
 * repository's root): broken on every git host.
 */
export function outsideCatalog(url: string, fromFile: string, root: string): OutsideCatalog | undefined {
  const repo = repositoryRoot(root);
  if (!repo) return { kind: 'unbounded' };
  if (repo === path.resolve(root)) return undefined;
  return inRepository(repo, resolveReference(url.replace(/\\/g, '/'), fromFile, root));
}

/**
 * A path from the root (`/assets/images/x.png`) that names nothing in the catalog, read from each
 * folder above the catalog up to the root of the repository around it, nearest first: the folder a
 * site is published from (`docs/`, with the catalog in `docs/standards/`). The file of the repository
 * it names there (its path from the repository's root) and that folder's; none without a repository
 * (nothing bounds a look then), through a symbolic link, or where nothing is.
 */
export function fromFolderAbove(url: string, root: string): { file: string; folder: string } | undefined {
  if (!/^\/(?!\/)/.test(url.trim())) return undefined;
  const repo = repositoryRoot(root);
  const top = path.resolve(root);
  if (!repo || repo === top) return undefined;
  for (let at = path.dirname(top); ; at = path.dirname(at)) {
    const found = inRepository(repo, resolveReference(url.trim(), path.join(at, 'x'), at));
    if (found?.kind === 'repository') return { file: found.file, folder: path.relative(repo, at).split(path.sep).join('/') };
    if (at === repo || path.dirname(at) === at || !at.startsWith(repo)) return undefined;
  }
}

/**
 * A resolved path inside the repository: there, or missing. Looked at one folder at a time from the
 * repository's root, never through a symbolic link (it could lead out of the repository): only paths
 * inside it are touched, and no content is read. Undefined for a path out of it or through a link.
 */
function inRepository(repo: string, resolved: ResolvedReference): Exclude<OutsideCatalog, { kind: 'unbounded' }> | undefined {
  if (resolved.kind !== 'local') return undefined;
  const rel = path.relative(repo, resolved.file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const file = rel.split(path.sep).join('/');
  let at = repo;
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part);
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (!stat) return { kind: 'missing', file };
    if (stat.isSymbolicLink()) return undefined;
  }
  return { kind: 'repository', file };
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
  // (`/principles/zero-trust/`: the page's folder address, as static site generators publish it.)
  file = file.replace(/[\\/]+$/, '');
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

/**
 * The address of a catalog file on the repository's web page (`site.repoUrl`,
 * on `site.branch`): `edit` opens the editor, `blob` shows the file, `tree` a
 * folder. `rel` is relative to the catalog root, `/` separators; a catalog
 * kept in a folder of its repository (`docs/rfcs/`) has that folder before it.
 */
export function repoFileUrl(site: { repoUrl?: string | undefined; branch?: string | undefined }, kind: 'edit' | 'blob' | 'tree', rel: string, root?: string): string {
  const repo = root === undefined ? undefined : repositoryRoot(root);
  const folder = repo === undefined ? '' : path.relative(repo, path.resolve(root!)).split(path.sep).join('/');
  const full = folder && !folder.startsWith('..') ? (rel ? `${folder}/${rel}` : folder) : rel;
  return `${(site.repoUrl ?? '').replace(/\/+$/, '')}/${kind}/${site.branch ?? 'main'}/${full.split('/').map(encodeURIComponent).join('/')}`;
}
