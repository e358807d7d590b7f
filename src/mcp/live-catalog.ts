import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILES } from '../config/load-config.js';
import { CatalogSearch, type OpenSearchOptions } from '../search/catalog-search.js';

/** Changes that arrive together (an editor's save, a `git checkout`) are taken in one go after this quiet time. */
const SETTLE_MS = 50;

export interface CatalogChange {
  /** Slugs before and after: the server tells clients the resource list changed when they differ. */
  added: string[];
  removed: string[];
  /** The configuration or the template changed: the catalog was read again in full. */
  reloaded: boolean;
}

/**
 * The catalog the MCP server answers from, kept current: a changed pattern
 * file is indexed again, a new one added, a deleted one dropped; a changed
 * configuration or template reads the whole catalog again. Reads only —
 * nothing here writes a file.
 */
export class LiveCatalog {
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private work: Promise<void> = Promise.resolve();
  private readonly listeners: ((change: CatalogChange) => void)[] = [];

  private current!: CatalogSearch;

  private constructor(private readonly options: OpenSearchOptions) {}

  /**
   * Starts reading the catalog, then watching it, and returns at once: a
   * server can answer the client's handshake while a large catalog loads
   * (clients give up on a handshake after some seconds), and questions wait
   * for the catalog. The watch is set up after the catalog is read (on
   * 10,000 patterns it takes a while too); what changed meanwhile is caught
   * up with once it is ready (`ready`).
   */
  static start(options: OpenSearchOptions & { watch?: boolean }): LiveCatalog {
    const live = new LiveCatalog(options);
    const loaded = CatalogSearch.open(options).then((catalog) => {
      live.current = catalog;
    });
    live.work = loaded;
    live.ready = options.watch === false ? loaded : loaded.then(() => live.startWatching());
    // A catalog that cannot be read is reported by `catalog()`; nobody may be waiting on `ready`.
    live.ready.catch(() => undefined);
    return live;
  }

  /** Reads the catalog (and starts watching it): `start`, once the catalog is read. */
  static async open(options: OpenSearchOptions & { watch?: boolean }): Promise<LiveCatalog> {
    const live = LiveCatalog.start(options);
    await live.catalog();
    return live;
  }

  /** Resolves once the watch is set up and the changes made while it was being set up are taken in. */
  ready: Promise<void> = Promise.resolve();

  /** The catalog as of the last change taken in (waits for it to be read, or for a change being taken in). Rejects when it cannot be read. */
  async catalog(): Promise<CatalogSearch> {
    await this.work;
    return this.current;
  }

  onChange(listener: (change: CatalogChange) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
    this.watcher = undefined;
    await this.work.catch(() => undefined);
  }

  private async startWatching(): Promise<void> {
    const root = this.current.root;
    const outDir = path.resolve(root, this.current.settings.config.outDir);
    this.watcher = watch(root, {
      ignoreInitial: true,
      // No deeper than the `patterns` globs reach: `*/README.md` needs the pattern folders, not their
      // `diagrams/` (at 10,000 patterns, half the folders and some 40 MB of watches).
      ...watchDepth(this.current.settings.config.patterns),
      ignored: (p, stats) => {
        const rel = path.relative(root, p);
        if (rel.startsWith('..')) return !this.isSettingsFile(p);
        if (rel.split(path.sep).some((part) => part === 'node_modules' || (part.startsWith('.') && part.length > 1))) return true;
        if (p === outDir || p.startsWith(outDir + path.sep)) return true;
        // Folders are entered; of files, only Markdown and the settings matter.
        return !!stats?.isFile() && !/\.(md|markdown)$/i.test(p) && !this.isSettingsFile(p);
      },
    });
    // The templates are watched wherever they are (outside the root, or deeper than the globs).
    for (const template of this.current.settings.templates.all()) if (!template.builtIn) this.watcher.add(template.file);
    this.watcher.on('all', (_event, file) => this.queue(path.resolve(file)));
    this.watcher.on('error', (err: unknown) => {
      // Out of file watches, say (Linux's fs.inotify.max_user_watches): answers still re-read a file that changed when they use it.
      process.stderr.write(`patternbook mcp: cannot watch the catalog for changes (${(err as Error).message}); new and deleted patterns are seen after a restart.\n`);
    });
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
    // Files changed while the watch was being set up: the current catalog is compared with the disk.
    this.work = this.work.then(() => this.take([], true));
    await this.work;
  }

  private isSettingsFile(file: string): boolean {
    const { root, config, templates } = this.current.settings;
    return (
      (path.dirname(file) === root && ((CONFIG_FILES as readonly string[]).includes(path.basename(file)) || path.basename(file) === 'package.json')) ||
      file === config.file ||
      templates.all().some((t) => !t.builtIn && file === t.file)
    );
  }

  private queue(file: string): void {
    this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const files = [...this.pending];
      this.pending.clear();
      this.work = this.work
        .then(() => this.take(files))
        .catch((err: unknown) => {
          process.stderr.write(`patternbook mcp: could not read the changes (${(err as Error).message}); answers stay as they were.\n`);
        });
    }, SETTLE_MS);
  }

  private async take(files: string[], resync = false): Promise<void> {
    const before = new Set(this.current.all().map((r) => r.slug));
    let reloaded = false;
    if (files.some((f) => this.isSettingsFile(f))) {
      this.current = await CatalogSearch.open(this.options);
      reloaded = true;
    } else if (resync) {
      await this.current.resync();
    } else {
      for (const file of files) await this.current.refresh(file);
    }
    const after = new Set(this.current.all().map((r) => r.slug));
    const change: CatalogChange = { added: [...after].filter((s) => !before.has(s)), removed: [...before].filter((s) => !after.has(s)), reloaded };
    for (const listener of this.listeners) listener(change);
  }
}

/** How deep a watch must reach for these globs (relative to the root): unlimited with `**`. */
export function watchDepth(globs: readonly string[]): { depth?: number } {
  if (globs.some((g) => g.includes('**'))) return {};
  return { depth: Math.max(0, ...globs.map((g) => g.split('/').length - 1)) };
}
