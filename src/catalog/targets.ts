import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { nearest } from '../util/similar.js';
import type { CatalogFiles } from './files.js';
import { fromSiteRoot, GENERATOR_MARKUP, inCatalogFromRepository, resolveReference, SITE_PREFIX } from './links.js';
import { isFolderPage } from './folder-page.js';

/**
 * Where a link or image destination written in a pattern leads, judged
 * without reading anything outside the catalog (and the repository it is a
 * folder of, where a site that publishes it reads a path from its root): unsafe
 * destinations (a `file://` URL, an absolute file-system path, a path that
 * climbs out of the root, a symbolic link out of it) are classified from the
 * text and those folders, never opened.
 */
export type Target =
  | { kind: 'external'; url: string; scheme: string }
  /** `mailto:`, `tel:`, `data:`…, or a site generator's markup (`template`) — nothing to check. */
  | { kind: 'scheme'; scheme: string }
  | { kind: 'unsafe'; reason: UnsafeReason }
  | {
      kind: 'local';
      /** Absolute path (the pattern itself for `#anchor`). */ file: string;
      anchor?: string;
      /** Relative to the catalog root, `/` separators. */ rel: string;
      backslashes: boolean;
    };

export type UnsafeReason = 'file-url' | 'absolute' | 'home' | 'outside' | 'symlink';

/** Top-level folders of common systems: `/etc/passwd` is a file-system path, not a catalog path. */
const SYSTEM_FOLDERS = new Set(
  'etc usr var home root tmp opt bin sbin lib lib64 dev proc sys mnt media srv run boot snap nix Users Volumes private Library System Applications cores'.split(' '),
);

/** Of those, the names web sites give their own folders too (`/media/images/x.png`, `/lib/app.js`). */
const WEB_FOLDERS = new Set('media lib bin dev srv run snap nix cores'.split(' '));

const WEB_SCHEMES = new Set(['http', 'https', '']);

/** Classifies a destination written in the file `fromFile`. Reads nothing; may stat paths inside the catalog root. */
export function classifyTarget(url: string, fromFile: string, files: CatalogFiles): Target {
  const root = files.root;
  // A site generator's variable for the site's own address before the path, `{{ site.baseurl }}/images/x.png`
  // (Jekyll's, empty or the site's prefix): the path from the site's root.
  const trimmed = url.trim().replace(SITE_PREFIX, '');
  // (Any other of its markup left in, `{{ page.image }}`, `{% link x.md %}`: the generator fills it in; nothing to check.)
  if (GENERATOR_MARKUP.test(trimmed)) return { kind: 'scheme', scheme: 'template' };
  if (/^file:/i.test(trimmed)) return { kind: 'unsafe', reason: 'file-url' };
  // `C:\x`, `C:/x`, `\\server\share`: Windows paths (a one-letter "scheme" is a drive letter).
  if (/^[a-z]:[\\/]/i.test(trimmed) || /^\\\\/.test(trimmed)) return { kind: 'unsafe', reason: 'absolute' };
  if (/^~(?:[\\/]|$)/.test(trimmed)) return { kind: 'unsafe', reason: 'home' };

  const backslashes = trimmed.includes('\\') && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const written = backslashes ? trimmed.replace(/\\/g, '/') : trimmed;
  const resolved = resolveReference(written, fromFile, root);
  if (resolved.kind === 'external') {
    return WEB_SCHEMES.has(resolved.scheme) ? { kind: 'external', url: resolved.url, scheme: resolved.scheme || 'https' } : { kind: 'scheme', scheme: resolved.scheme };
  }
  if (resolved.outside) return { kind: 'unsafe', reason: 'outside' };
  const rel = path.relative(root, resolved.file).split(path.sep).join('/');

  // A leading `/` is the catalog root (as on a git host) — unless the catalog has no such folder
  // and the path names a system folder or the machine's own folders (`/home/me/…`, `/etc/passwd`).
  // (Not a path a site that publishes the catalog reads from its root, `/media/images/x.png` with the
  // site in the folder above: a file of the site's, whatever this machine's folders are called. Nor,
  // naming nothing there either, one under a folder web sites name so too — `media/`, `lib/`, `bin/` —:
  // a missing file, said so, rather than a path of the machine that wrote it.)
  if (written.startsWith('/')) {
    const first = rel.split('/')[0] ?? '';
    if (first && !files.stat(path.join(root, first)) && machineFolders().has(first)) {
      const site = fromSiteRoot(written, fromFile, root);
      if (!site && !WEB_FOLDERS.has(first)) return { kind: 'unsafe', reason: 'absolute' };
    }
  }
  // …and, naming nothing there, the root of the repository the catalog is a folder of, as git hosts
  // read it (`/teps/images/x.png` in a catalog kept in `teps/`), when that leads into the catalog.
  if (written.startsWith('/') && !files.stat(resolved.file)) {
    const fromRepository = inCatalogFromRepository(written, root);
    if (fromRepository && files.stat(fromRepository) && !files.escapesBySymlink(fromRepository)) {
      const repoRel = path.relative(root, fromRepository).split(path.sep).join('/');
      return { kind: 'local', file: fromRepository, ...(resolved.anchor !== undefined ? { anchor: resolved.anchor } : {}), rel: repoRel, backslashes };
    }
  }
  if (files.escapesBySymlink(resolved.file)) return { kind: 'unsafe', reason: 'symlink' };
  return { kind: 'local', file: resolved.file, ...(resolved.anchor !== undefined ? { anchor: resolved.anchor } : {}), rel, backslashes };
}

let machine: Set<string> | undefined;
/** System folders and the first folder of this machine's home, temporary and working folders (the same for the whole process). */
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

/**
 * A path that exists near a missing one: the one pattern of the same file name
 * elsewhere (when `patterns` are given), else each missing segment replaced by
 * the closest name in its folder (a typo in a folder or file name), else the
 * pattern whose slug is closest to the name.
 */
export function nearestPath(files: CatalogFiles, file: string, patterns?: readonly { slug: string; file: string }[]): string | undefined {
  const root = files.root;
  // (A pattern of that very file name in another folder — `withdrawn/0009-overrides.md` for
  // `unaccepted/0009-overrides.md` —: moved there, most likely, before any name a letter or two away.)
  const base = path.basename(file);
  const moved = patterns && !isFolderPage(base) ? patterns.filter((p) => path.basename(p.file) === base && p.file !== file) : [];
  if (moved.length === 1) return moved[0]!.file;
  const parts = path.relative(root, file).split(path.sep).filter(Boolean);
  let dir = root;
  let fixes = 0;
  for (const part of parts) {
    let next = path.join(dir, part);
    if (!files.stat(next)) {
      const near = nearest(part, files.list(dir).names, (n) => n);
      if (!near || ++fixes > 3) {
        dir = '';
        break;
      }
      next = path.join(dir, near);
    }
    dir = next;
  }
  if (dir && dir !== root && files.stat(dir)) return dir;
  if (!patterns) return undefined;
  const pattern = nearest(slugOfPath(file), patterns, (p) => p.slug, 'slug');
  return pattern && pattern.file !== file ? pattern.file : undefined;
}

/** The slug a path names: `../saga/README.md` → `saga`, `patterns/cqrs.md` → `cqrs`. */
export function slugOfPath(file: string): string {
  const base = path.basename(file);
  if (isFolderPage(base)) return path.basename(path.dirname(file));
  return base.replace(/\.(md|markdown)$/i, '');
}
