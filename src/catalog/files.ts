import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export interface FileInfo {
  /** Of what the path leads to (symbolic links followed). */
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  /** The path itself is a symbolic link. */
  isSymbolicLink: boolean;
}

/**
 * What the file system holds under a catalog root, each question asked of the
 * disk once per run: a catalog's patterns link the same folders, images and
 * files over and over (one `stat` per distinct path instead of one per link).
 */
export class CatalogFiles {
  private readonly infos = new Map<string, FileInfo | null>();
  private readonly listings = new Map<string, { names: string[]; has: Set<string> }>();
  private readonly realPaths = new Map<string, string | null>();
  private caseInsensitive: boolean | undefined;

  constructor(
    /** The catalog root, absolute. */
    readonly root: string,
    /** A file known to exist under the root (a pattern), to probe how the file system treats letter case. */
    private readonly probe?: string,
  ) {}

  stat(file: string): FileInfo | undefined {
    let info = this.infos.get(file);
    if (info === undefined) {
      try {
        // lstat first: it answers both questions for all but symbolic links (one call, not two).
        const own = lstatSync(file, { throwIfNoEntry: false });
        const s = own?.isSymbolicLink() ? statSync(file, { throwIfNoEntry: false }) : own;
        info = s ? { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, isSymbolicLink: own!.isSymbolicLink() } : null;
      } catch {
        info = null;
      }
      this.infos.set(file, info);
    }
    return info ?? undefined;
  }

  /** Names in a folder (dot entries left out); none for a folder that cannot be listed. */
  list(dir: string): { names: string[]; has: Set<string> } {
    let found = this.listings.get(dir);
    if (!found) {
      let names: string[];
      try {
        names = readdirSync(dir).filter((n) => !n.startsWith('.'));
      } catch {
        names = [];
      }
      found = { names, has: new Set(names) };
      this.listings.set(dir, found);
    }
    return found;
  }

  /** The real path (symbolic links resolved), or null when it does not exist. */
  realPath(file: string): string | null {
    let r = this.realPaths.get(file);
    if (r === undefined) {
      try {
        r = realpathSync.native(file);
      } catch {
        r = null;
      }
      this.realPaths.set(file, r);
    }
    return r;
  }

  /** Whether the file system ignores letter case (macOS, Windows): the same file under another spelling. */
  ignoresCase(): boolean {
    if (this.caseInsensitive === undefined) {
      this.caseInsensitive = false;
      const probe = this.probe ?? this.root;
      const flipped = path.join(path.dirname(probe), swapCase(path.basename(probe)));
      if (flipped !== probe) {
        try {
          const a = statSync(probe);
          const b = statSync(flipped);
          this.caseInsensitive = a.ino === b.ino && a.dev === b.dev;
        } catch {
          this.caseInsensitive = false;
        }
      }
    }
    return this.caseInsensitive;
  }

  /**
   * The path (or, when it does not exist, its deepest existing folder) lies
   * outside the root once symbolic links are resolved. Each folder on the way
   * down from the root is checked once per run (they are shared by a
   * pattern's links and images); only a path through a symbolic link needs
   * its real path worked out.
   */
  escapesBySymlink(file: string): boolean {
    const given = this.root;
    // (`/` resolves to the root with a trailing separator, `/catalog/`: the root itself.)
    let existing = path.resolve(file);
    while (existing !== given && existing.startsWith(given + path.sep) && !this.stat(existing)) existing = path.dirname(existing);
    if (existing === given) return false;
    if (!existing.startsWith(given + path.sep)) return true;
    let throughLink = false;
    for (let at = existing; at !== given && at.startsWith(given + path.sep); at = path.dirname(at)) {
      if (this.stat(at)?.isSymbolicLink) {
        throughLink = true;
        break;
      }
    }
    if (!throughLink) return false;
    const root = this.realPath(given) ?? given;
    const target = this.realPath(existing);
    if (target === null) return true;
    return target !== root && !target.startsWith(root + path.sep);
  }

  /**
   * The path as it is spelled on disk when `file` exists only because the file
   * system ignores letter case (`Saga/readme.md` for `saga/README.md`),
   * relative to the root with `/`; `undefined` when it is spelled right. Git
   * hosts and web servers are case-sensitive.
   */
  caseMismatch(file: string): string | undefined {
    // On a case-sensitive file system a misspelt case does not exist at all: nothing to compare.
    if (!this.ignoresCase()) return undefined;
    const parts = path.relative(this.root, file).split(path.sep).filter(Boolean);
    let dir = this.root;
    const actual: string[] = [];
    let differs = false;
    for (const part of parts) {
      const { names, has } = this.list(dir);
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
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}
