import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `{{ site.baseurl }}`, `{{site.url}}`, `{{ site.baseurl | … }}` opening a path: Jekyll's own address for the site. */
export const SITE_PREFIX = /^\{\{-?\s*site\.(?:baseurl|url)\s*(?:\|[^{}]*)?-?\}\}/i;

/** A site generator's markup in a path (`{{ page.image }}`, `{% link x.md %}`): the generator fills it in. */
export const GENERATOR_MARKUP = /\{\{|\{%/;

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
  const decoded = decodeLinkPath(pathPart);
  const file = decoded === '' ? fromFile : decoded.startsWith('/') ? path.join(root, decoded) : path.resolve(path.dirname(fromFile), decoded);
  const rel = path.relative(root, file);
  const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  return { kind: 'local', file, ...(anchor !== undefined ? { anchor } : {}), outside };
}

/**
 * The path part of a link to a file (its `?query` and `#anchor` already cut off) as its author means
 * it: every percent-escape decoded (`my%20notes.md`, `a%23b.md` for `a#b.md`); one that does not
 * decode (`100%.md`) is kept as written. Every reader of links to the catalog's files reads them so
 * (the link rule, a pattern's parts, init --adopt's lists and template links).
 */
export function decodeLinkPath(pathPart: string): string {
  if (!pathPart.includes('%')) return pathPart;
  try {
    return decodeURIComponent(pathPart);
  } catch {
    return pathPart;
  }
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
  const found = inside(repo, resolveReference(url.replace(/\\/g, '/'), fromFile, repo));
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
  return inside(repo, resolveReference(url.replace(/\\/g, '/'), fromFile, root));
}

/** The first folder of a path into the files a catalog shares between its pages: `media/`, `images/`, `assets/`… */
const SHARED_FOLDER = /^(?:media|images?|img|imgs|assets?|static|public|pics?|pictures|figures?|diagrams?|resources?|files|uploads|attachments)\//i;

/** Folders site generators serve at the site's root: `static/` (Hugo, Docusaurus, Gatsby), `public/` (Next.js, Vite, Astro). */
const SERVED_FOLDERS = ['public', 'static'];

/**
 * The served folders one level down in `dir` (`website/static`, `docs/public`, `site/static`):
 * a site generator's project kept in a folder of its own beside the documents, relative to `dir`,
 * those that are there. Dot-folders and `node_modules` are passed over, symbolic links not
 * followed; in a folder of more than a hundred folders (the patterns' own), only those named as
 * site projects (`website`, `site`, `docs`…). Remembered for a while per folder: a catalog of thousands of pattern folders is listed
 * once, not once for each path that names nothing (measured: a 2,000-pattern site build went from
 * 12 s to 27 s with a listing and a look into every folder for each broken link).
 */
function nestedServedFolders(dir: string): string[] {
  return remembered(nestedCache, dir, () => {
    let names = folderNames(dir);
    // A folder of many folders holds the documents (a pattern's folder is no site project): only
    // the names site projects are given are looked into (a 10,000-pattern catalog: 136 ms a listing).
    if (names.length > MANY_FOLDERS) names = names.filter((name) => SITE_PROJECT.test(name));
    return [...names]
      .sort()
      .flatMap((name) => SERVED_FOLDERS.map((folder) => path.join(name, folder)))
      .filter((rel) => {
        try {
          return lstatSync(path.join(dir, rel)).isDirectory();
        } catch {
          return false;
        }
      });
  });
}

/** A folder's own sub-folders by name (no dot-folder, no `node_modules`, no symbolic link), listed once a while (see `remembered`). */
function folderNames(dir: string): string[] {
  return remembered(folderCache, dir, () => {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
        .map((e) => e.name);
    } catch {
      return [];
    }
  });
}

/**
 * What `make` gives for `key`, kept for `NESTED_CACHE_MS` (long enough for one lint or build, short
 * enough for `dev` to see a change); a cache of more than a thousand keys starts again.
 */
function remembered<T>(cache: Map<string, { at: number; value: T }>, key: string, make: () => T): T {
  const now = Date.now();
  const kept = cache.get(key);
  if (kept && now - kept.at < NESTED_CACHE_MS) return kept.value;
  const value = make();
  if (cache.size > 1000) cache.clear();
  cache.set(key, { at: now, value });
  return value;
}

/**
 * The files a Jekyll site's address may be built from, absolute: its collections (`/components/accordion`
 * from `_components/accordion.md`, or `…/accordion/index.md`, as its default `/:collection/:path`
 * makes them) in the folder the site is built from. None where `dir` holds no `_config.yml`.
 */
export function collectionFiles(address: string, dir: string): string[] {
  const parts = address.replace(/^\/+/, '').split('/').filter(Boolean);
  if (parts.length < 2 || !existsSync(path.join(dir, '_config.yml'))) return [];
  return [dir, ...declaredSiteRoots(dir).map((f) => path.join(dir, f))].flatMap((base) => {
    const file = path.join(base, `_${parts[0]}`, ...parts.slice(1));
    return [`${file}.md`, path.join(file, 'index.md')];
  });
}

/**
 * The folder a site generator's configuration in `dir` publishes at the site's root: mdBook's
 * `book.toml` (`src`, `src/` when it does not say), MkDocs' `mkdocs.yml` (`docs_dir`, `docs/`), Jekyll's
 * `_config.yml` (`source`, when it says), Eleventy's configuration (`dir.input`, when it says), Hugo's
 * (`contentDir`, `content/` when it does not say; and `staticDir`, when it says). Relative to `dir`,
 * when it is there; remembered as the served folders are.
 */
function declaredSiteRoots(dir: string): string[] {
  const now = Date.now();
  const kept = declaredCache.get(dir);
  if (kept && now - kept.at < NESTED_CACHE_MS) return kept.folders;
  const folders: string[] = [];
  const read = (name: string): string | undefined => {
    try {
      return readFileSync(path.join(dir, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const book = read('book.toml');
  // (`src = "docs"` under `[book]`: a key of the file's first table, read by its line.)
  if (book !== undefined) folders.push(/^\s*src\s*=\s*["']([^"'\n]+)["']/m.exec(book)?.[1] ?? 'src');
  const mkdocs = read('mkdocs.yml') ?? read('mkdocs.yaml');
  if (mkdocs !== undefined) folders.push(/^docs_dir\s*:\s*["']?([^"'\n#]+?)["']?\s*(?:#.*)?$/m.exec(mkdocs)?.[1] ?? 'docs');
  // (Jekyll's `source: src` in `_config.yml`: the folder its site is built from.)
  const jekyll = read('_config.yml') ?? read('_config.yaml');
  const source = jekyll === undefined ? undefined : /^source\s*:\s*["']?([^"'\n#]+?)["']?\s*(?:#.*)?$/m.exec(jekyll)?.[1];
  if (source) folders.push(source);
  // (Eleventy's input folder, `dir: { input: 'docs' }` in its configuration: what it builds the site from.)
  const eleventy = ELEVENTY_CONFIGS.map(read).find((text) => text !== undefined);
  const input = eleventy === undefined ? undefined : /\binput\s*:\s*["'`]([^"'`\n]+)["'`]/.exec(eleventy)?.[1];
  if (input) folders.push(input);
  // (Hugo's `contentDir` in `hugo.yaml`, `content/` when it does not say: it publishes a page bundle's
  // `content/notes/cache/flow.svg` at `/notes/cache/flow.svg`, beside the page `/notes/cache/`.)
  const hugo = hugoSiteRoots(read);
  folders.push(...hugo);
  const out = folders
    .map((f) => path.normalize(f.trim()).replace(/[\\/]+$/, ''))
    .filter((f) => f !== '.' && f !== '' && !f.startsWith('..') && !path.isAbsolute(f))
    .filter((f) => {
      try {
        return lstatSync(path.join(dir, f)).isDirectory();
      } catch {
        return false;
      }
    });
  if (declaredCache.size > 1000) declaredCache.clear();
  declaredCache.set(dir, { at: now, folders: out, hugo: hugo.length > 0 });
  return out;
}

const declaredCache = new Map<string, { at: number; folders: string[]; hugo: boolean }>();

/**
 * Whether the site built in `dir` is Hugo's, which serves each page at its address and leaves links
 * as written: a link to a page's Markdown file from the site's root (`/notes/cache/_index.md`) leads
 * nowhere there, as it does on a git host.
 */
export function servesPagesByAddress(dir: string): boolean {
  declaredSiteRoots(dir);
  return declaredCache.get(dir)?.hugo ?? false;
}

/**
 * The folders Hugo's configuration in a folder publishes at the site's root: its `contentDir`
 * (`content` when it does not say) and its `staticDir` (when it says; `static/` is looked into
 * anyway). Read from `hugo.toml`, `hugo.yaml`, `hugo.json` (or `config/_default/hugo.*`); from the
 * older `config.toml`, `config.yaml`, `config.json` only with a key of Hugo's at its top
 * (`baseURL`, `theme`, `contentDir`), as other tools use those names too. None without one.
 */
function hugoSiteRoots(read: (name: string) => string | undefined): string[] {
  for (const name of HUGO_CONFIGS) {
    const text = read(name);
    if (text === undefined) continue;
    const value = (key: string) => topLevelValue(text, path.extname(name), key);
    if (path.basename(name).startsWith('config.') && !['baseURL', 'theme', 'contentDir'].some((key) => value(key) !== undefined)) continue;
    const staticDir = value('staticDir');
    return [value('contentDir') || 'content', ...(staticDir ? [staticDir] : [])];
  }
  return [];
}

/** The files Hugo reads its configuration from, first found first (`hugo.*` before the older `config.*`). */
const HUGO_CONFIGS = ['', 'config/_default/'].flatMap((folder) =>
  ['hugo', 'config'].flatMap((base) => ['toml', 'yaml', 'yml', 'json'].map((ext) => `${folder}${base}.${ext}`)),
);

/**
 * The text of a key at the top of a TOML, YAML or JSON configuration (`contentDir = "docs"` before any
 * `[table]`, `contentDir: docs` at the start of a line), its case aside as Hugo reads keys; `''` for a
 * key with a value that is no plain text (`theme: [a, b]`), undefined where it is not.
 */
function topLevelValue(text: string, ext: string, key: string): string | undefined {
  if (ext === '.json') {
    try {
      const data: unknown = JSON.parse(text);
      if (!data || typeof data !== 'object') return undefined;
      const entry = Object.entries(data).find(([k]) => k.toLowerCase() === key.toLowerCase());
      return entry === undefined ? undefined : typeof entry[1] === 'string' ? entry[1] : '';
    } catch {
      return undefined;
    }
  }
  // (TOML's keys at the top are those before its first table, `[params]`; YAML's, those at the line's start.)
  const top = ext === '.toml' ? text.split(/^\s*\[/m)[0]! : text;
  const sign = ext === '.toml' ? '\\s*=' : ':';
  const line = new RegExp(`^${ext === '.toml' ? '\\s*' : ''}["']?${key}["']?${sign}[ \\t]*(.*)$`, 'im').exec(top);
  if (!line) return undefined;
  const quoted = /^["']([^"'\n]*)["']/.exec(line[1]!);
  return quoted ? quoted[1]! : (/^[^\s#"'[{]+/.exec(line[1]!)?.[0] ?? '');
}

/** The names Eleventy reads its configuration from. */
const ELEVENTY_CONFIGS = ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts'];

/** Beyond this many folders, only those named as site projects are (see `nestedServedFolders`). */
const MANY_FOLDERS = 100;
const SITE_PROJECT = /^(?:website|site|www|web|docs?|documentation|book|hugo|docusaurus|frontend|pages|homepage|landing)$/i;

/** See `nestedServedFolders`: long enough for one lint or build, short enough for `dev` to see a folder added. */
const NESTED_CACHE_MS = 5000;
const nestedCache = new Map<string, { at: number; value: string[] }>();
const folderCache = new Map<string, { at: number; value: string[] }>();
const builtPageCache = new Map<string, { at: number; value: string }>();

/** A file found by reading a path as a published site reads it, from its root (see `fromSiteRoot`). */
export interface SiteRootFile {
  /** In the catalog (`file` and `folder` are from the catalog's root), or in the repository around it (from the repository's root). */
  in: 'catalog' | 'repository';
  /** The file, `/` separators. */
  file: string;
  /** The folder the path was read from: `''` for the root itself, `public`, `docs`, `docs/static`. */
  folder: string;
  /** That folder is one site generators serve at the site's root (`public/`, `static/`). */
  served: boolean;
}

/**
 * Where a destination that names nothing where it is written (`/pics/a.png`, `media/images/x.png`
 * in `patterns/a.md`) is, read from the root of a site that publishes the catalog, nearest first:
 * a relative one from the catalog's root (a build that reads a pattern's paths from there, or a
 * page with `<base href>` at the root); either from a folder of the catalog's root site generators
 * serve at the site's root (`public/`, `static/`), or such a folder one level down (`website/static/`
 * of a site kept in a folder of its own); and from each folder above the catalog up to the root of
 * the repository around it (the `docs/` a site is published from, with the catalog in
 * `docs/standards/`), and the served folders in it and one level down. Only files; never through a symbolic link, a
 * `..` or out of the repository (without one, nothing above the catalog is looked at). None for
 * web addresses and when nothing is there.
 */
export function fromSiteRoot(url: string, fromFile: string, root: string): SiteRootFile | undefined {
  // (`{{ site.baseurl }}/images/x.png`: the path from the site's root, the prefix Jekyll fills in aside.)
  const written = url.trim().replace(SITE_PREFIX, '').replace(/\\/g, '/');
  if (written === '' || written.startsWith('#') || resolveReference(written, fromFile, root).kind !== 'local') return undefined;
  const fromRoot = written.startsWith('/');
  const top = path.resolve(root);
  /** The file the path names read from `folder` of `base` (the catalog's root or the repository's). */
  const look = (base: string, folder: string, where: SiteRootFile['in']): SiteRootFile | undefined => {
    const served = path.join(base, folder);
    const resolved = resolveReference(fromRoot ? written : `/${written}`, path.join(served, 'x'), served);
    // (Nothing above the folder: `/../x.png` is no path from a site's root.)
    if (resolved.kind !== 'local' || resolved.outside) return undefined;
    const found = inside(base, resolved, true);
    if (found?.kind !== 'repository') return undefined;
    return { in: where, file: found.file, folder: folder.split(path.sep).join('/'), served: SERVED_FOLDERS.includes(path.basename(folder)) || declared.has(folder) };
  };
  // (The folder a site generator's configuration publishes at the root, `src = "docs"` in `book.toml`.)
  const declared = new Set<string>();
  // (From the catalog's root itself only what is written relative, in a pattern below it, into a
  // folder of shared files — `media/images/x.png` a build rewrites to `/media/images/x.png` — a path
  // from the root is read so already; and a link to a page or file beside the pattern that is not
  // there, `./CIP-0008/README.md` one folder off, is broken wherever it is read.)
  const shared = SHARED_FOLDER.test(written.replace(/^\.\//, ''));
  const own = fromRoot || !shared || path.dirname(path.resolve(fromFile)) === top ? SERVED_FOLDERS : ['', ...SERVED_FOLDERS];
  for (const f of declaredSiteRoots(top)) declared.add(f);
  for (const folder of [...own, ...declaredSiteRoots(top), ...nestedServedFolders(top)]) {
    const found = look(top, folder, 'catalog');
    if (found) return found;
  }
  const repo = repositoryRoot(root);
  if (!repo || repo === top) return undefined;
  for (let at = path.dirname(top); ; at = path.dirname(at)) {
    const here = path.relative(repo, at);
    const roots = declaredSiteRoots(at);
    for (const f of roots) declared.add(path.join(here, f));
    for (const folder of [...(fromRoot || shared ? ['', ...SERVED_FOLDERS] : SERVED_FOLDERS), ...roots, ...nestedServedFolders(at)]) {
      const found = look(repo, path.join(here, folder), 'repository');
      if (found) return found;
    }
    if (at === repo || path.dirname(at) === at || !at.startsWith(repo + path.sep)) return undefined;
  }
}

/** A page published at its folder's own address (`_index.md`, `index.md`, `README.md`): read from its address or from its file, a path is the same. */
const FOLDER_PAGE = /^(?:_?index|readme)\.(?:md|markdown|mdx)$/i;

/** A file a relative path names read from its page's web address as a folder (see `fromPageFolder`). */
export interface PageFolderFile {
  /** In the catalog (`file` from the catalog's root), or in the repository around it (from the repository's root). */
  in: 'catalog' | 'repository';
  /** The file, `/` separators. */
  file: string;
}

/**
 * Where a relative path that names nothing from the file it is written in leads when read from
 * the page's web address as a folder — as Hugo (and other site generators with folder addresses)
 * serve a page: `lids/0003.md` at `/lids/0003/`, where the browser reads `../diagram.png` as
 * `lids/diagram.png`. A file of the catalog, or of the repository around it; only files, never
 * through a symbolic link. Only when the path from the file is known to name nothing (in the
 * catalog, or in the repository around it: with no repository, what lies out of the catalog is not
 * looked at). None for paths from the root, web addresses, anchors alone, and pages served at their
 * folder's own address (`_index.md`, `index.md`, `README.md`), where both readings are one.
 * With `link`, a folder (a section's page) or a page by its address (`../0002-plan/`) is found too.
 */
export function fromPageFolder(url: string, fromFile: string, root: string, options: { link?: boolean } = {}): PageFolderFile | undefined {
  const written = url
    .trim()
    .replace(/\\/g, '/')
    .replace(/[?#].*$/, '');
  if (written === '' || written.startsWith('#') || written.startsWith('/') || FOLDER_PAGE.test(path.basename(fromFile))) return undefined;
  const asFile = resolveReference(written, fromFile, root);
  if (asFile.kind !== 'local') return undefined;
  const top = path.resolve(root);
  const named = asFile.outside ? outsideCatalog(written, fromFile, root) : inside(top, asFile);
  // (Out of the catalog and of any repository around it, or where none bounds a look: from the file it
  // names nothing a reader can follow, where from the page's address it may name one of the catalog's
  // — `../../rules/beta` in `guides/alpha.md`, served at `/guides/alpha/`, for `rules/beta.md`.)
  const beyondAll = asFile.outside && (named === undefined || named.kind === 'unbounded');
  if (named?.kind !== 'missing' && !beyondAll) return undefined;
  const page = path.join(path.dirname(fromFile), path.basename(fromFile, path.extname(fromFile)), 'index');
  const asPage = resolveReference(written, page, root);
  if (asPage.kind !== 'local') return undefined;
  if (beyondAll && asPage.outside) return undefined;
  const repo = asPage.outside ? repositoryRoot(root) : top;
  if (!repo || (asPage.outside && repo === top)) return undefined;
  const where = asPage.outside ? 'repository' : 'catalog';
  // A link may lead to a folder (a section's page, `../../older/`) or to a page by its address (`../0002-plan/` for `0002-plan.md`).
  const candidates = [asPage, ...(options.link ? siteAddressSources(asPage.file).map((file) => ({ ...asPage, file })) : [])];
  for (const candidate of candidates) {
    const found = inside(repo, candidate, !options.link);
    if (found?.kind === 'repository') return { in: where, file: found.file };
  }
  return undefined;
}

/** A file a relative path names read from the page's built copy in another folder (see `fromBuiltPage`). */
export interface BuiltPageFile extends PageFolderFile {
  /** The built page, `/` separators: from the catalog's root when in it, else from the repository's. */
  page: string;
}

/**
 * Where a relative path that names nothing from the file it is written in leads from the page's
 * built copy kept in the repository — a book or site whose build writes `book/bytecode.markdown` to
 * `html/bytecode.html`, committed with its `html/images/` —: the path the page was written for. The
 * built copy is a file of the page's own name and `.html` in a folder beside the page's folder or
 * beside one above it, up to the root of the repository (or the catalog, with none), that holds the
 * path as written (an `src="images/x.png"` of its own). Only files, never through a symbolic link
 * or a dot-folder; none for paths from the root, web addresses and anchors.
 */
export function fromBuiltPage(url: string, fromFile: string, root: string): BuiltPageFile | undefined {
  const written = url
    .trim()
    .replace(/\\/g, '/')
    .replace(/[?#].*$/, '');
  if (written === '' || written.startsWith('/') || resolveReference(written, fromFile, root).kind !== 'local') return undefined;
  const top = path.resolve(root);
  const repo = repositoryRoot(root) ?? top;
  const name = `${path.basename(fromFile, path.extname(fromFile))}.html`;
  const own = path.dirname(path.resolve(fromFile));
  for (let at = own; at === repo || at.startsWith(repo + path.sep); at = path.dirname(at)) {
    for (const folder of subfolders(at)) {
      if (path.join(at, folder) === own) continue;
      const page = path.join(at, folder, name);
      if (!lstatSync(page, { throwIfNoEntry: false })?.isFile() || !mentions(page, written)) continue;
      const resolved = resolveReference(written, page, repo);
      if (
        resolved.kind !== 'local' ||
        path
          .relative(repo, resolved.file)
          .split(path.sep)
          .some((part) => part.startsWith('.'))
      )
        continue;
      const inCatalog = resolved.file.startsWith(top + path.sep);
      const found = inside(inCatalog ? top : repo, resolved, true);
      if (found?.kind !== 'repository') continue;
      const pageRel = path
        .relative(inCatalog && page.startsWith(top + path.sep) ? top : repo, page)
        .split(path.sep)
        .join('/');
      return { in: inCatalog ? 'catalog' : 'repository', file: found.file, page: pageRel };
    }
    if (at === repo || path.dirname(at) === at) break;
  }
  return undefined;
}

/** A folder's own sub-folders (see `folderNames`); none past `MANY_FOLDERS` (a folder of the patterns' own). */
function subfolders(dir: string): string[] {
  const names = folderNames(dir);
  return names.length > MANY_FOLDERS ? [] : names;
}

/** Whether a built page holds `written` as an attribute's value (`src="images/x.png"`, `href='…'`). */
function mentions(page: string, written: string): boolean {
  const text = remembered(builtPageCache, page, () => {
    try {
      return readFileSync(page, 'utf8');
    } catch {
      return '';
    }
  });
  const escaped = written.replace(/&/g, '&amp;');
  return [written, escaped].some((w) => text.includes(`"${w}"`) || text.includes(`'${w}'`));
}

/**
 * A resolved path inside `base` (the repository, or the catalog): there, or missing. Looked at one
 * folder at a time from `base`, never through a symbolic link (it could lead out of it): only paths
 * inside it are touched, and no content is read. Undefined for a path out of it or through a link,
 * and — with `fileOnly` — for anything but a file.
 */
function inside(base: string, resolved: ResolvedReference, fileOnly = false): Exclude<OutsideCatalog, { kind: 'unbounded' }> | undefined {
  if (resolved.kind !== 'local') return undefined;
  const rel = path.relative(base, resolved.file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const file = rel.split(path.sep).join('/');
  let at = base;
  let stat;
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part);
    stat = lstatSync(at, { throwIfNoEntry: false });
    if (!stat) return { kind: 'missing', file };
    if (stat.isSymbolicLink()) return undefined;
  }
  if (fileOnly && !stat?.isFile()) return undefined;
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

/**
 * The web address a link's destination holds inside more brackets or Markdown, which git hosts and
 * the site read as a path: `[x]((https://…))`, `[x]([https://…](https://…))`. Undefined for any other.
 */
export function wrappedWebAddress(url: string): string | undefined {
  return /^[([<]+(?:[^\]]*\]\()?(https?:\/\/[^\s()[\]<>]+)/i.exec(url)?.[1];
}

/** A file's extension at the end of a link's path (`.md`, `.png`, `.yaml`…): a file, not a web address. */
export const FILE_EXTENSION =
  /\.(?:md|markdown|mdx|rst|adoc|html?|png|jpe?g|gif|svg|webp|avif|ico|pdf|txt|json|ya?ml|toml|xml|csv|tsv|ini|cfg|conf|go|py|ipynb|js|mjs|cjs|jsx|ts|tsx|rs|java|kt|kts|scala|rb|php|swift|c|h|cc|cpp|hpp|cs|fs|sh|bash|ps1|bat|sql|proto|tf|hcl|gradle|lock|vue|svelte|css|scss|zip|gz|tgz|tar|log|diff|patch|drawio|puml|mmd|dot|docx?|xlsx?|pptx?)(?:[?#]|$)/i;

/**
 * A web or e-mail address written without its scheme (`slack.example.io`, `www.example.org/a`,
 * `ada@example.org`), which a Markdown link reads as a path: what it looks like, else undefined.
 */
export function schemelessAddress(url: string): 'web' | 'email' | undefined {
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(url)) return 'email';
  return /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)/i.test(url) && !FILE_EXTENSION.test(url) ? 'web' : undefined;
}

/**
 * The file (without its extension) a documentation site's route names in the catalog, where the
 * route opens with the catalog folder's own name (`/recipes/breads/bread-rye/` in a catalog kept in
 * `recipes/`, served at `/recipes/` by the site it is a folder of) or with the site's base path
 * (`site.base`). The caller finds the page with `bySiteAddress`. Undefined for any other path.
 */
export function routeFile(url: string, root: string, base?: string): string | undefined {
  const trimmed = url.trim().replace(/[?#].*$/, '');
  if (!/^\/(?!\/)/.test(trimmed) || /\.[a-z0-9]{1,5}$/i.test(trimmed)) return undefined;
  const segments = trimmed.split('/').filter(Boolean);
  const prefixes = [[path.basename(path.resolve(root))], (base ?? '').split('/').filter(Boolean)].filter((p) => p.length > 0);
  for (const prefix of prefixes) {
    if (segments.length > prefix.length && prefix.every((p, k) => segments[k] === p)) return path.join(root, ...segments.slice(prefix.length));
  }
  // (Or a page of the folder a site generator's configuration builds the site from, `/guides/caching/`
  // for `docs/guides/caching.md` where Eleventy's input or MkDocs' `docs_dir` is `docs`: in the
  // catalog's root, or a folder above it in its repository.)
  if (segments.length === 0) return undefined;
  const top = path.resolve(root);
  const repo = repositoryRoot(root) ?? top;
  for (let at = top; ; at = path.dirname(at)) {
    for (const folder of declaredSiteRoots(at)) {
      const page = path.join(at, folder, ...segments);
      if (page.startsWith(top + path.sep) && (bySiteAddress(page, (f) => (existsSync(f) ? f : undefined)) ?? FOLDER_PAGES.find((f) => existsSync(path.join(page, f)))))
        return page;
    }
    if (at === repo || path.dirname(at) === at || !at.startsWith(repo)) return undefined;
  }
}

/** A folder's own page, as site generators serve it at the folder's address. */
const FOLDER_PAGES = ['index.md', 'README.md', '_index.md'];

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

/**
 * The documents a pattern is written in besides its own file: the Markdown files it links in the folder
 * named for it (`oci-registries/1-primer.md` … beside `oci-registries.md`), or in the folders of its own
 * folder where it is a folder's `README.md` (`design/notes.md`), that are files and no patterns
 * (`isPattern`, by absolute path). In the order linked, each once. A folder's `README.md` that is the
 * one pattern of its folder (`ownFolder`: a spec kept in `ics-028/`, its parts `ics-028/overview.md`
 * beside it) has its parts beside it too.
 */
export function partDocuments(
  pattern: { file: string; dir: string; links: readonly { url: string }[] },
  isPattern: (file: string) => boolean,
  ownFolder = false,
): string[] {
  const base = path.basename(pattern.file);
  const own = /^(?:readme|_?index)\.(?:md|markdown)$/i.test(base) ? pattern.dir : path.join(pattern.dir, base.replace(/\.(?:md|markdown)$/i, ''));
  const out: string[] = [];
  for (const link of pattern.links) {
    const url = link.url.trim().replace(/[?#].*$/, '');
    if (!url || /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url) || !/\.(?:md|markdown)$/i.test(url)) continue;
    const file = path.resolve(pattern.dir, decodeLinkPath(url));
    // (Of a folder's README, in the folders of its folder: a note beside it is no part of it.)
    if (
      file === pattern.file ||
      !file.startsWith(own + path.sep) ||
      (own === pattern.dir && path.dirname(file) === own && !ownFolder) ||
      out.includes(file) ||
      isPattern(file)
    )
      continue;
    if (existsSync(file) && lstatSync(file).isFile()) out.push(file);
  }
  return out;
}
