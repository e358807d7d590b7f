import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { parseMarkdown } from '../markdown/document.js';
import { CatalogFiles } from './files.js';
import { bySiteAddress, collectionFiles, decodeLinkPath, GENERATOR_MARKUP, resolveReference, routeFile, SITE_PREFIX } from './links.js';
import { relationsFrom, type Relation, type RelationKind } from './relations.js';
import { learnPrefixSwaps, swappedPath, type PrefixSwap } from './renames.js';
import type { CatalogOf, PatternView } from './types.js';
import { isFolderPage } from './folder-page.js';
import { templateHistory, type TemplateHistory } from './template-history.js';
import type { TemplateSchema } from '../template/types.js';

/** A wiki page's name as links find it: any case, spaces and hyphens alike (`Privacy Dashboard`, `privacy-dashboard`). */
function wikiKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '-');
}

/**
 * The pages of the wiki the catalog is, by their names (`wikiKey`), or null where it is none: a
 * `Home.md` at its root beside a `_Sidebar.md` or `_Footer.md`, or whose text links pages as
 * `[[Page]]`. (Dot-folders and `node_modules` are no pages; the first file of a name wins.)
 */
function readWikiPages(root: string): Map<string, string> | null {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return null;
  }
  const home = entries.find((e) => /^home\.(?:md|markdown)$/i.test(e));
  if (!home) return null;
  let wiki = entries.some((e) => /^_(?:sidebar|footer)\.(?:md|markdown)$/i.test(e));
  if (!wiki) {
    try {
      wiki = /\[\[[^\]\n]+\]\]/.test(readFileSync(path.join(root, home), 'utf8'));
    } catch {
      wiki = false;
    }
  }
  if (!wiki) return null;
  const pages = new Map<string, string>();
  const walk = (dir: string, depth: number): void => {
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of list) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory() && depth < 8) walk(abs, depth + 1);
      else if (e.isFile() && /\.(?:md|markdown)$/i.test(e.name)) {
        const key = wikiKey(e.name.replace(/\.(?:md|markdown)$/i, ''));
        if (!pages.has(key)) pages.set(key, abs);
      }
    }
  };
  walk(root, 0);
  return pages;
}

/** A MyST target: `(label)=` alone on a line. */
const MYST_TARGET = /^ {0,3}\(([\w.:-]+)\)=[ \t]*$/gm;

/** A link that names a Markdown file by its name alone, dots up or none: `../0122.md`, `./0122.md`, `0122.md`. */
const BY_NAME = /^(?:\.{1,2}\/)*[^/:]+\.(?:md|markdown)$/i;

/** A link written as a bare MyST label (`xp-second`): a name with no folder and no file extension. */
export function isBareLabel(url: string): boolean {
  return /^[\w:-]+(?:#[\w.:-]*)?$/.test(url) && !/\.(?:md|markdown|mdx|html?)$/i.test(url.replace(/#.*$/, ''));
}

/**
 * Facts about a whole catalog, each worked out once and only when first asked
 * for: which file is which pattern, the patterns of a folder, heading anchors
 * of any Markdown file, relations and mentions between patterns, and the file
 * system under the root (`files`). Works on full patterns and on views alike;
 * the text of a view is read back from disk only when a question needs it.
 */
export class CatalogIndex<P extends PatternView = PatternView> {
  readonly files: CatalogFiles;
  private readonly byFile: Map<string, P>;
  private byDir: Map<string, P[]> | undefined;
  private readonly anchors = new Map<string, Set<string> | null>();
  private readonly patternAnchors = new Map<P, Set<string>>();
  private readonly htmlIds = new Map<string, Set<string>>();
  private readonly lowered = new Map<P, string>();
  private relationList: Relation<P>[] | undefined;
  private outgoing: Map<P, Relation<P>[]> | undefined;
  private byFolder: Map<string, P> | undefined;
  private routes: Map<string, P | null> | undefined;
  private swaps: PrefixSwap[] | undefined;
  private byNameCount: number | undefined;
  private byBase: Map<string, P | null> | undefined;
  private labels: Map<string, P> | undefined;
  private permalinks: Map<string, P> | undefined;
  private wikiPages: Map<string, string> | null | undefined;
  private unloaded: Set<string> | undefined;
  private histories: Map<string, TemplateHistory | undefined> | undefined;

  constructor(readonly catalog: CatalogOf<P>) {
    this.byFile = new Map(catalog.patterns.map((p) => [p.file, p]));
    this.files = new CatalogFiles(catalog.root, catalog.patterns[0]?.file);
  }

  /**
   * Whether a file (absolute) is one of the catalog's patterns that could not be read or parsed (front
   * matter never closed…): still a pattern to link to, its error reported on it.
   */
  failedToLoad(file: string): boolean {
    this.unloaded ??= new Set(this.catalog.diagnostics.filter((d) => d.fatal).map((d) => path.resolve(this.catalog.root, d.path)));
    return this.unloaded.has(file);
  }

  /** A template's git history in this catalog (see `templateHistory`), read once per run for every rule that asks. */
  templateHistory(template: TemplateSchema): TemplateHistory | undefined {
    this.histories ??= new Map();
    if (!this.histories.has(template.file)) this.histories.set(template.file, templateHistory(template, this.catalog.root));
    return this.histories.get(template.file);
  }

  /** The prefix swaps the catalog's links make (`./eip-721.md` for its `erc-721.md`; see `learnPrefixSwaps`), learned once. */
  prefixSwaps(): readonly PrefixSwap[] {
    this.swaps ??= learnPrefixSwaps(
      this.catalog.patterns.flatMap((p) => p.links.map((l) => ({ url: l.url, from: p.file }))),
      this.catalog.root,
      this.files,
    );
    return this.swaps;
  }

  /**
   * The catalog's links that name a pattern by its file's name alone, in a folder where it is not
   * (`../0122.md` from `apps/2713.md` for `general/0122.md`, the one file of the catalog so named):
   * how many, where three at least from two files or more write so, and no fewer than its links to
   * another folder's patterns that name the folder — a convention of its publishing, whose site finds
   * pages by name —, else 0. Learned once.
   */
  linksByName(): number {
    if (this.byNameCount === undefined) {
      let count = 0;
      // (Links to a pattern in another folder written with its folder, `../general/0122.md`: where the
      // catalog writes most of its links so, a few by name alone are mistakes.)
      let pathed = 0;
      const from = new Set<string>();
      for (const p of this.catalog.patterns)
        for (const l of p.links) {
          const url = l.url.replace(/[#?].*$/, '');
          if (!BY_NAME.test(url)) {
            if (/^[^:]*\.(?:md|markdown)$/i.test(url) && url.includes('/')) {
              const to = path.resolve(path.dirname(p.file), decodeLinkPath(url));
              if (path.dirname(to) !== path.dirname(p.file) && this.byFile.has(to)) pathed++;
            }
            continue;
          }
          if (this.namedElsewhere(l.url, p.file) && this.files.stat(path.resolve(path.dirname(p.file), decodeLinkPath(url))) === undefined) {
            count++;
            from.add(p.file);
          }
        }
      this.byNameCount = count >= 3 && from.size >= 2 && count >= pathed ? count : 0;
    }
    return this.byNameCount;
  }

  /**
   * The pattern a link written from `from` names by its file's name alone, in another folder than the
   * one the link leads to: the one pattern of the catalog so named. By its name alone: dots up, no
   * folder named (`../0122.md`), never a path from elsewhere (`./doc/specs/x.md`); in another folder:
   * `CAP-0005.md` beside `cap-0005.md` is a name in the wrong case.
   */
  namedElsewhere(url: string, from: string): P | undefined {
    const bare = url.replace(/[#?].*$/, '');
    if (!BY_NAME.test(bare)) return undefined;
    const target = path.resolve(path.dirname(from), decodeLinkPath(bare));
    const owner = this.namedPatterns().get(path.basename(target)) ?? undefined;
    return owner && path.dirname(owner.file) !== path.dirname(target) ? owner : undefined;
  }

  /** Each file name of the catalog's patterns: its pattern, or null where several have it. */
  private namedPatterns(): Map<string, P | null> {
    if (!this.byBase) {
      this.byBase = new Map();
      for (const p of this.catalog.patterns) {
        const base = path.basename(p.file);
        this.byBase.set(base, this.byBase.has(base) ? null : p);
      }
    }
    return this.byBase;
  }

  /** The pattern whose file this is. */
  patternAt(file: string): P | undefined {
    return this.byFile.get(file);
  }

  /** The patterns whose file lies directly in a folder (one for `<slug>/README.md` catalogs). */
  patternsIn(dir: string): P[] {
    if (!this.byDir) {
      this.byDir = new Map();
      for (const p of this.catalog.patterns) {
        const list = this.byDir.get(p.dir);
        if (list) list.push(p);
        else this.byDir.set(p.dir, [p]);
      }
    }
    return this.byDir.get(dir) ?? [];
  }

  /** A pattern's text: from its document when loaded in full, else read back from disk ('' when it is gone). */
  sourceOf(pattern: P): string {
    const doc = (pattern as Partial<{ document: { source: string } }>).document;
    if (doc) return doc.source;
    try {
      const text = readFileSync(pattern.file, 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return '';
    }
  }

  /** Heading anchors of a Markdown file: from the pattern for patterns, parsed on demand for other files. */
  anchorsOf(file: string): Set<string> | undefined {
    const pattern = this.byFile.get(file);
    if (pattern) {
      let ids = this.patternAnchors.get(pattern);
      if (!ids) {
        ids = new Set(pattern.anchors);
        this.patternAnchors.set(pattern, ids);
      }
      return ids;
    }
    if (!this.anchors.has(file)) {
      let ids: Set<string> | null = null;
      const info = this.files.stat(file);
      if (/\.(md|markdown)$/i.test(file) && info?.isFile && info.size <= this.catalog.config.maxFileSize) {
        try {
          const parsed = parseMarkdown(readFileSync(file, 'utf8'));
          if (parsed.ok) ids = new Set(parsed.document.headings.map((h) => h.id));
        } catch {
          ids = null;
        }
      }
      this.anchors.set(file, ids);
    }
    return this.anchors.get(file) ?? undefined;
  }

  /** `id` and `name` attributes of HTML in a Markdown file (`<a id="legacy-name"></a>`), and MyST targets (`(legacy-name)=`). */
  htmlAnchors(file: string): Set<string> {
    let ids = this.htmlIds.get(file);
    if (!ids) {
      ids = new Set();
      const pattern = this.byFile.get(file);
      let source = pattern ? this.sourceOf(pattern) : undefined;
      if (source === undefined && (this.files.stat(file)?.size ?? Infinity) <= this.catalog.config.maxFileSize) {
        try {
          source = readFileSync(file, 'utf8');
        } catch {
          source = '';
        }
      }
      for (const m of (source ?? '').matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) ids.add(m[1] ?? m[2] ?? m[3] ?? '');
      // MyST targets, a line `(repo-list)=` above what it names (Jupyter Book, Sphinx).
      for (const m of (source ?? '').matchAll(MYST_TARGET)) ids.add(m[1]!);
      this.htmlIds.set(file, ids);
    }
    return ids;
  }

  /** Every relation of the catalog, pattern by pattern in catalog order (a redirect stub is no end of one). */
  relations(): Relation<P>[] {
    this.relationList ??= this.catalog.patterns
      .filter((from) => from.movedTo === undefined)
      .flatMap((from) => this.relationsFrom(from).filter((r) => r.to.movedTo === undefined));
    return this.relationList;
  }

  /** The relations a pattern's own links make (of one kind, when given). */
  relationsFrom(pattern: P, kind?: RelationKind): Relation<P>[] {
    // (Each pattern's worked out when first asked for: `dev` re-linting one edited pattern asks for a few.)
    this.outgoing ??= new Map();
    let all = this.outgoing.get(pattern);
    if (!all) this.outgoing.set(pattern, (all = this.byFile.get(pattern.file) === pattern ? relationsFrom(pattern, this.resolvePattern) : []));
    return kind ? all.filter((r) => r.kind === kind) : all;
  }

  /**
   * The pattern a link written in `fromFile` leads to: its file, the folder it
   * owns (`../saga/`), the address a site gives its file (`./saga` or `./saga.html`
   * for `saga.md`), or its page on the catalog's published site
   * (`site.url` in the configuration, followed by the pattern's path as a
   * static-site generator publishes it, or by Patternbook's own `patterns/<slug>/`).
   */
  readonly resolvePattern = (url: string, fromFile: string): P | undefined => {
    const found = this.resolveOnce(url, fromFile);
    // A link to a redirect stub leads where the stub points, when that is a pattern of the catalog.
    if (found?.movedTo !== undefined) {
      const onward = this.resolveOnce(found.movedTo, found.file);
      if (onward && onward.movedTo === undefined) return onward;
    }
    return found;
  };

  private resolveOnce(url: string, fromFile: string): P | undefined {
    // (The address a pattern sets for its page in front matter, `permalink: /components/slider`.)
    const set = this.permalinkOwner(url);
    if (set) return set;
    // (And a relative one from a page that sets its own address, as the site reads it: `idl.html`.)
    const relative = this.fromOwnAddress(url, fromFile);
    const fromOwn = relative === undefined ? undefined : this.permalinkOwner(relative);
    if (fromOwn) return fromOwn;
    // (A documentation site's route to a page, `/recipes/breads/bread-rye/` in a catalog kept in `recipes/`.)
    const route = routeFile(url, this.catalog.root, this.catalog.config.site.base);
    if (route) {
      const byRoute = this.byFile.get(route) ?? this.folderOwner(route) ?? bySiteAddress(route, (f) => this.byFile.get(f));
      if (byRoute) return byRoute;
    }
    const target = resolveReference(url, fromFile, this.catalog.root);
    if (target.kind === 'local')
      return target.outside
        ? undefined
        : (this.byFile.get(target.file) ??
            this.folderOwner(target.file) ??
            bySiteAddress(target.file, (f) => this.byFile.get(f)) ??
            this.bySwap(target.file) ??
            (isBareLabel(url) && !this.files.stat(target.file) ? this.labelOwner(url.replace(/#.*$/, '')) : undefined) ??
            (!this.files.stat(target.file) ? this.wikiPatternFor(url) : undefined));
    return this.publishedPattern(target.url);
  }

  private wikiPatternFor(url: string): P | undefined {
    const file = this.wikiPage(url);
    return file === undefined ? undefined : (this.byFile.get(file) ?? this.folderOwner(file));
  }

  /**
   * In a wiki (Gollum's, a GitHub or GitLab wiki: `Home.md` at the root, with `[[Page]]` links or a
   * `_Sidebar.md`), the Markdown file a link names by its page's name (`Privacy-Dashboard` for
   * `patterns/Privacy-dashboard.md`): pages are found by name in any folder, whatever the case, a
   * space or a hyphen alike. Undefined in a catalog that is no wiki, or for a name no page has.
   */
  wikiPage(url: string): string | undefined {
    if (!this.isWiki()) return undefined;
    const name = url.trim().replace(/#.*$/, '').replace(/^\.\//, '');
    if (!name || /[/\\]|^[a-z][\w+.-]*:/i.test(name) || /\.(?:md|markdown)$/i.test(name)) return undefined;
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // keep as written
    }
    return this.wikiPages!.get(wikiKey(decoded));
  }

  /** Whether the catalog is a wiki, whose links name pages by their names (see `wikiPage`). */
  isWiki(): boolean {
    if (this.wikiPages === undefined) this.wikiPages = readWikiPages(this.catalog.root);
    return this.wikiPages !== null;
  }

  /** The pattern a path names with a prefix the catalog's links write for its files' own (`eip-721.md` for `erc-721.md`). */
  private bySwap(file: string): P | undefined {
    const rel = path.relative(this.catalog.root, file).split(path.sep).join('/');
    const at = (r: string) => path.join(this.catalog.root, ...r.split('/'));
    const found = swappedPath(rel, this.prefixSwaps(), (r) => this.byFile.has(at(r)) || this.folderOwner(at(r)) !== undefined);
    return found ? (this.byFile.get(at(found.rel)) ?? this.folderOwner(at(found.rel))) : undefined;
  }

  private folderOwner(dir: string): P | undefined {
    if (!this.byFolder) {
      this.byFolder = new Map();
      for (const p of this.catalog.patterns) if (isFolderPage(path.basename(p.file))) this.byFolder.set(p.dir, p);
    }
    return this.byFolder.get(dir.replace(/[\\/]+$/, ''));
  }

  /**
   * The pattern that sets a MyST target (`(xp-second)=` above its title) by that label: MyST and
   * Sphinx read a link written as the bare label, `[the second idea](xp-second)`, as a link to it.
   * Learned from the patterns' text once, when a link first asks.
   */
  labelOwner(label: string): P | undefined {
    if (!this.labels) {
      this.labels = new Map();
      for (const p of this.catalog.patterns) for (const m of this.sourceOf(p).matchAll(MYST_TARGET)) if (!this.labels.has(m[1]!)) this.labels.set(m[1]!, p);
    }
    return this.labels.size > 0 ? this.labels.get(label) : undefined;
  }

  /**
   * The pattern whose front matter sets the address a root-relative link names: `permalink:
   * /components/slider`, or one of its `redirect_from:` (Jekyll's), however the link writes the site's
   * prefix (`{{ site.baseurl }}/components/slider/`). Learned once, when a link first asks.
   */
  permalinkOwner(url: string): P | undefined {
    const key = permalinkKey(url);
    if (key === undefined) return undefined;
    if (!this.permalinks) {
      this.permalinks = new Map();
      for (const p of this.catalog.patterns)
        for (const k of ['permalink', 'redirect_from']) {
          const value = p.frontMatter[k];
          for (const v of Array.isArray(value) ? value : [value]) {
            // (Written without its leading slash, `articles/slider.html`, it is from the site's root all the same.)
            const own = typeof v === 'string' ? permalinkKey(/^\s*[/{]/.test(v) ? v : `/${v.trim()}`) : undefined;
            if (own !== undefined && !this.permalinks.has(own)) this.permalinks.set(own, p);
          }
        }
    }
    return (this.permalinks.size > 0 ? this.permalinks.get(key) : undefined) ?? this.collectionPage(key, (f) => this.byFile.get(f));
  }

  /**
   * A relative link as the site reads it from the address the linking page sets for itself
   * (`permalink: articles/mapping.html`): `idl.html#arrays` there is `/articles/idl.html#arrays`.
   * Undefined for a page that sets none, and for a link that is not relative.
   */
  private fromOwnAddress(url: string, fromFile: string | undefined): string | undefined {
    if (fromFile === undefined || /^\s*(?:[a-z][a-z0-9+.-]*:|[/#{])/i.test(url)) return undefined;
    const own = this.byFile.get(fromFile)?.frontMatter.permalink;
    if (typeof own !== 'string' || !own.trim() || GENERATOR_MARKUP.test(own) || /(?:^|\/):/.test(own)) return undefined;
    const base = `/${own.trim().replace(/^\/+/, '')}`;
    return path.posix.join(base.endsWith('/') ? base : path.posix.dirname(base), url.trim());
  }

  /**
   * Whether a root-relative link names a page of the site: a pattern's permalink, or a file of a
   * Jekyll collection (a pattern or not); so does a relative one from a page that sets its own
   * address, read from there (see `fromOwnAddress`).
   */
  sitePage(url: string, fromFile?: string): boolean {
    const relative = this.fromOwnAddress(url, fromFile);
    if (relative !== undefined && this.permalinkOwner(relative) !== undefined) return true;
    const key = permalinkKey(url);
    return key !== undefined && (this.permalinkOwner(url) !== undefined || this.collectionPage(key, (f) => (this.files.stat(f)?.isFile ? f : undefined)) !== undefined);
  }

  private collectionPage<T>(key: string, found: (file: string) => T | undefined): T | undefined {
    for (const file of collectionFiles(key, this.catalog.root)) {
      const hit = found(file);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  /** Whether any pattern sets a MyST target (`(label)=`): the catalog is written for MyST (Sphinx, Jupyter Book). */
  usesMystTargets(): boolean {
    this.labelOwner('');
    return this.labels!.size > 0;
  }

  /** A pattern's page on the catalog's published site, by the URL's path after `site.url` (or `site.publishedAt`, another tool's). */
  private publishedPattern(url: string): P | undefined {
    for (const site of [this.catalog.config.site.url, this.catalog.config.site.publishedAt]) {
      const found = site ? this.publishedAtSite(url, site) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private publishedAtSite(url: string, site: string): P | undefined {
    const base = site.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
    const bare = url.replace(/^https?:\/\//i, '').replace(/[?#].*$/, '');
    if (bare !== base && !bare.startsWith(`${base}/`)) return undefined;
    let route = bare.slice(base.length).replace(/^\/+|\/+$/g, '');
    try {
      route = decodeURIComponent(route);
    } catch {
      // keep as written
    }
    route = pageRoute(route);
    if (!route) return undefined;
    this.routes ??= siteRoutes(this.catalog.patterns);
    return this.routes.get(route) ?? undefined;
  }

  /** Whether `from` links to `to` anywhere, or names it by title. */
  mentions(from: P, to: P): boolean {
    // Links are nearly always written the plain way (`../saga/README.md#x`): compared as
    // text first, so a catalog's thousands of pairs do not resolve every link of each.
    const plain = path.relative(path.dirname(from.file), to.file).split(path.sep).join('/');
    // (A name with `%` in it is percent-decoded when resolved: only the full way is exact then.)
    if (!plain.includes('%')) {
      for (const link of from.links) {
        const cut = link.url.search(/[?#]/);
        const bare = cut >= 0 ? link.url.slice(0, cut) : link.url;
        if (bare === plain || bare === `./${plain}`) return true;
      }
    }
    for (const link of from.links) {
      const target = resolveReference(link.url, from.file, this.catalog.root);
      if (target.kind === 'local' && target.file === to.file) return true;
      // (Or by the route a site gives its page, `/patterns/design-patterns/hub-load/`, as relations are read.)
      if (this.resolvePattern(link.url, from.file) === to) return true;
    }
    const title = to.title?.text.toLowerCase();
    if (!title) return false;
    let text = this.lowered.get(from);
    if (text === undefined) {
      text = this.sourceOf(from).toLowerCase();
      this.lowered.set(from, text);
    }
    return text.includes(title);
  }
}

/** A page's path on a site as `siteRoutes` keys it: lower case, without `index.html`, `.html` or `.md`. */
export function pageRoute(route: string): string {
  return route.replace(/(?:\/index)?\.(?:html?|md|markdown)$/i, '').toLowerCase();
}

/**
 * Every path a site may publish each pattern at, after the site's address:
 * Patternbook's own `patterns/<slug>`, and the pattern's path (its folder for
 * a `README.md`) as static-site generators publish it, with or without its
 * leading folders (`docs/` dropped, or not). A path more than one pattern
 * could own names none (`null`).
 */
export function siteRoutes<P extends { slug: string; path: string }>(patterns: readonly P[]): Map<string, P | null> {
  const routes = new Map<string, P | null>();
  const add = (key: string, p: P) => {
    const known = routes.get(key);
    routes.set(key, known === undefined || known === p ? p : null);
  };
  for (const p of patterns) {
    add(`patterns/${p.slug.toLowerCase()}`, p);
    const own = isFolderPage(path.basename(p.path)) ? path.posix.dirname(p.path) : p.path.replace(/\.(md|markdown)$/i, '');
    const parts = own.toLowerCase().split('/');
    for (let i = 0; i < parts.length; i++) add(parts.slice(i).join('/'), p);
  }
  return routes;
}

/** A root-relative address as a permalink is compared (`/components/slider`), its site prefix, query, anchor, `index.html` and closing `/` aside; undefined for others. */
function permalinkKey(url: string): string | undefined {
  if (!/^\s*[/{]/.test(url)) return undefined;
  const bare = url
    .trim()
    .replace(SITE_PREFIX, '')
    .replace(/[?#].*$/, '')
    .replace(/(?:\/index)?\.html?$/i, '')
    .replace(/\/+$/, '');
  return bare.startsWith('/') && bare.length > 1 && !GENERATOR_MARKUP.test(bare) ? bare.toLowerCase() : undefined;
}
