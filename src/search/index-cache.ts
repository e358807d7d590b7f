import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { TemplateSet } from '../catalog/templates.js';
import type { CatalogConfig } from '../config/load-config.js';
import { VERSION } from '../version.js';
import type { ReadResult } from './read.js';

/**
 * What the search read of each pattern file last time — its record and term
 * counts, or why it did not load — kept in the user's cache folder, never in
 * the catalog: the next start reads again only the files that changed (by
 * modification time and size, as `make` and most linters' caches decide) and
 * takes the rest from here. At 1,000 patterns a start goes from reading every
 * file (about 2 s of CPU) to a fifth of that.
 *
 * The file is one catalog's (named by a hash of its root) and is valid only
 * for the settings it was made with: a different Patternbook, V8, configuration,
 * template text or facet list makes a different key, and the file is not used.
 * A file that cannot be read, is of another format or is damaged is not used
 * either (what it cannot give is read from the catalog, as without a cache); a
 * cache that cannot be written is no problem (the next start reads in full again).
 *
 * Layout: `PBSEARCH` and a format number (12 bytes); the bodies, each
 * `v8.serialize` of what reading a file gave (none for a redirect stub); the
 * header, JSON: the key and one entry per file `[path, slug, mtimeMs, size,
 * metadata stamp, body offset, body length]`; the header's length (4 bytes).
 * Bodies are read one at a time, where they are, and only for files taken from
 * the cache; a new cache is written as the catalog is opened, body by body, so
 * neither the old file nor the new one is ever held in memory whole (at 10,000
 * patterns, some 60 MB each).
 */

const MAGIC = 'PBSEARCH';
// (Part of the key too: a change to what a record holds — 3: facets read from the body's fields — makes old caches unused.)
const FORMAT = 3;
const HEAD = MAGIC.length + 4;

/** What reading a file gave, as kept: a `ReadResult` without its position in one run's file list. */
export type CachedRead = Omit<ReadResult, 'index'>;

/** How a file is recognised as unchanged: its own stamp, and its metadata file's (`metadataFile`) when the catalog has them. */
export interface FileStamp {
  path: string;
  slug: string;
  mtimeMs: number;
  size: number;
  /** `mtimeMs:size` of the metadata file beside the pattern, `-` when there is none; empty when the catalog has no metadata files. */
  metadata: string;
}

type HeaderEntry = [path: string, slug: string, mtimeMs: number, size: number, metadata: string, offset: number, length: number];

/** The folder caches go to: `PATTERNBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/patternbook`, else `~/.cache/patternbook`. */
export function cacheFolder(env: Record<string, string | undefined> = process.env): string {
  if (env.PATTERNBOOK_CACHE_DIR) return path.resolve(env.PATTERNBOOK_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(base, 'patternbook');
}

/** The cache file of the catalog at `root`. */
export function cacheFileFor(root: string, env: Record<string, string | undefined> = process.env): string {
  const id = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 20);
  return path.join(
    cacheFolder(env),
    'search',
    `${
      path
        .basename(root)
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 40) || 'catalog'
    }-${id}.bin`,
  );
}

/** The settings a file's reading depends on, as one hash: a cache made with other settings is not used. */
export function cacheKey(settings: { config: CatalogConfig; templates: TemplateSet; facets: readonly string[]; templateFile?: string }): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: FORMAT, patternbook: VERSION, v8: process.versions.v8, templateFile: settings.templateFile ?? null, facets: settings.facets }));
  hash.update(JSON.stringify(settings.config));
  for (const t of settings.templates.all()) hash.update(`\u0000${t.file}\u0000${t.builtIn}\u0000${t.source}`);
  return hash.digest('hex');
}

/** The stamp of a discovered file now; undefined when it is gone. */
export function stampOf(f: { file: string; path: string; slug: string }, metadataFile: string | undefined): FileStamp | undefined {
  const s = statSync(f.file, { throwIfNoEntry: false });
  if (!s) return undefined;
  let metadata = '';
  if (metadataFile) {
    const m = statSync(path.join(path.dirname(f.file), metadataFile), { throwIfNoEntry: false });
    metadata = m ? `${m.mtimeMs}:${m.size}` : '-';
  }
  return { path: f.path, slug: f.slug, mtimeMs: s.mtimeMs, size: s.size, metadata };
}

/** A cache file open for reading: which files it has, and each one's reading, read from the file when asked. */
class CacheFile {
  private constructor(
    private readonly fd: number,
    private readonly entries: Map<string, HeaderEntry>,
  ) {}

  /** The cache at `file` made with `key`; undefined when there is none, or it is of other settings, another format, or damaged. */
  static open(file: string, key: string): CacheFile | undefined {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    try {
      const size = fstatSync(fd).size;
      const head = readAt(fd, 0, HEAD);
      if (size < HEAD + 4 || head.toString('latin1', 0, MAGIC.length) !== MAGIC || head.readUInt32LE(MAGIC.length) !== FORMAT) throw new Error('not a cache');
      const headerLength = readAt(fd, size - 4, 4).readUInt32LE(0);
      const bodiesEnd = size - 4 - headerLength;
      if (bodiesEnd < HEAD) throw new Error('cut short');
      const header = JSON.parse(readAt(fd, bodiesEnd, headerLength).toString('utf8')) as { key: string; entries: HeaderEntry[] };
      if (header.key !== key || !Array.isArray(header.entries)) throw new Error('other settings');
      const entries = new Map<string, HeaderEntry>();
      for (const e of header.entries) {
        if (!(e[5] >= HEAD && e[5] + e[6] <= bodiesEnd)) throw new Error('damaged');
        entries.set(e[0], e);
      }
      return new CacheFile(fd, entries);
    } catch {
      closeSync(fd);
      return undefined;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether the cache has the file with this very stamp. */
  has(stamp: FileStamp): boolean {
    const e = this.entries.get(stamp.path);
    return !!e && e[1] === stamp.slug && e[2] === stamp.mtimeMs && e[3] === stamp.size && e[4] === stamp.metadata;
  }

  /** The reading of a file the cache has (`has`), and its body as kept; undefined when the body cannot be read back. */
  take(stamp: FileStamp): { read: CachedRead; body: Buffer } | undefined {
    const e = this.entries.get(stamp.path);
    if (!e || !this.has(stamp)) return undefined;
    try {
      const body = readAt(this.fd, e[5], e[6]);
      if (body.length === 0) return { read: {}, body };
      const read = deserialize(body) as CachedRead;
      if (read.record ? typeof read.record.slug !== 'string' || !Array.isArray(read.counts) : !read.failure) return undefined;
      if (read.record) {
        // Typed arrays come back as views of the body read: copies, or each record kept would keep its whole body (56 MB at 10,000 patterns, measured).
        const sections = read.record.sections;
        sections.levels = sections.levels.slice();
        sections.spans = sections.spans.slice();
      }
      return { read, body };
    } catch {
      return undefined;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  for (let at = 0; at < length;) {
    const n = readSync(fd, buffer, at, length - at, position + at);
    if (n === 0) throw new Error('cut short');
    at += n;
  }
  return buffer;
}

/** A file's reading as a cache body (none for a redirect stub: nothing to keep). */
function cacheBody(read: CachedRead): Buffer {
  return read.record || read.failure
    ? serialize({ ...(read.record ? { record: read.record, counts: read.counts } : {}), ...(read.failure ? { failure: read.failure } : {}) })
    : Buffer.alloc(0);
}

/** A new cache file being written: bodies as they come, then the header; renamed into place at the end, so a reader never sees half a file. */
class CacheWriter {
  private readonly entries: HeaderEntry[] = [];
  private offset = HEAD;

  private constructor(
    private readonly file: string,
    private readonly temp: string,
    private readonly fd: number,
  ) {}

  /** Undefined when the cache folder cannot be made or written (read-only, full): no cache then, and no error. */
  static start(file: string): CacheWriter | undefined {
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const fd = openSync(temp, 'w');
      const writer = new CacheWriter(file, temp, fd);
      const head = Buffer.alloc(HEAD);
      head.write(MAGIC, 0, 'latin1');
      head.writeUInt32LE(FORMAT, MAGIC.length);
      writer.write(head);
      return writer;
    } catch {
      return undefined;
    }
  }

  add(stamp: FileStamp, body: Buffer): void {
    this.entries.push([stamp.path, stamp.slug, stamp.mtimeMs, stamp.size, stamp.metadata, this.offset, body.length]);
    this.write(body);
    this.offset += body.length;
  }

  /** Writes the header and puts the file in place; false when it could not. */
  finish(key: string): boolean {
    try {
      const header = Buffer.from(JSON.stringify({ key, entries: this.entries }), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length, 0);
      this.write(header);
      this.write(length);
      closeSync(this.fd);
      renameSync(this.temp, this.file);
      return true;
    } catch {
      this.abandon();
      return false;
    }
  }

  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Closed already.
    }
    rmSync(this.temp, { force: true });
  }

  private write(piece: Buffer): void {
    for (let at = 0; at < piece.length;) at += writeSync(this.fd, piece, at);
  }
}

/**
 * One opening of a catalog with its cache: which of its files the cache has
 * unchanged (`kept`, `take`) and the readings of the others (`keep`), given
 * in the catalog's order. When anything differs from the cache (a file
 * changed, added or gone, a body that could not be read back) a new cache is
 * written as they come, and put in place by `save`.
 */
export class CatalogCache {
  private writer: CacheWriter | undefined;
  /** Files given so far (`take`, `keep`): their stamps and, until a new cache is started, where their bodies are in the old one. */
  private readonly given: { stamp: FileStamp; body: Buffer | undefined }[] = [];
  private failed = false;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly stamps: (FileStamp | undefined)[],
    private readonly old: CacheFile | undefined,
  ) {
    // Files gone from the catalog since are dropped from the cache by writing it again.
    const unchanged = stamps.filter((stamp) => stamp && old?.has(stamp)).length;
    if (!old || old.size !== unchanged || unchanged !== stamps.filter(Boolean).length) this.startWriting();
  }

  /** The cache of the catalog at `root` for `files` (discovered just now) and these settings. */
  static open(
    root: string,
    files: readonly { file: string; path: string; slug: string }[],
    settings: Parameters<typeof cacheKey>[0],
    env: Record<string, string | undefined> = process.env,
  ): CatalogCache {
    const file = cacheFileFor(root, env);
    const key = cacheKey(settings);
    return new CatalogCache(
      file,
      key,
      files.map((f) => stampOf(f, settings.config.metadataFile)),
      CacheFile.open(file, key),
    );
  }

  /** Whether file `i` is in the cache, unchanged. */
  kept(i: number): boolean {
    const stamp = this.stamps[i];
    return !!stamp && !!this.old?.has(stamp);
  }

  /** File `i`'s reading from the cache; undefined when it cannot be given back (then `keep` a fresh one). */
  take(i: number): CachedRead | undefined {
    const stamp = this.stamps[i];
    const got = stamp && this.old?.take(stamp);
    if (!got) return undefined;
    this.give(stamp, got.body);
    return got.read;
  }

  /** File `i`'s reading made now, to be kept. */
  keep(i: number, read: CachedRead): void {
    const stamp = this.stamps[i];
    if (!stamp) return;
    this.startWriting();
    this.give(stamp, cacheBody(read));
  }

  /** Puts the new cache in place, if one was started; says whether it was. Closes the old one. */
  save(): boolean {
    this.old?.close();
    const written = !!this.writer && !this.failed && this.writer.finish(this.key);
    this.writer = undefined;
    return written;
  }

  /** Gives up (the catalog could not be opened): the new cache is not put in place. */
  discard(): void {
    this.old?.close();
    this.writer?.abandon();
    this.writer = undefined;
  }

  private give(stamp: FileStamp, body: Buffer): void {
    if (this.writer) this.add(stamp, body);
    // Until a new cache is needed, the bodies read back are not kept: the old file has them.
    else this.given.push({ stamp, body: undefined });
  }

  /** Starts the new cache: the files given so far (all from the old cache) are copied into it first. */
  private startWriting(): void {
    if (this.writer || this.failed) return;
    this.writer = CacheWriter.start(this.file);
    if (!this.writer) {
      this.failed = true;
      return;
    }
    for (const { stamp } of this.given.splice(0)) {
      const got = this.old?.take(stamp);
      if (got) this.add(stamp, got.body);
    }
  }

  private add(stamp: FileStamp, body: Buffer): void {
    try {
      this.writer!.add(stamp, body);
    } catch {
      // A full disk, say: no new cache this time.
      this.writer!.abandon();
      this.writer = undefined;
      this.failed = true;
    }
  }
}
