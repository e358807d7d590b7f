import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DiscoveredFile } from '../catalog/discover.js';
import { loadCatalogTemplates, withOwnSummary } from '../catalog/load-catalog.js';
import { loadCatalogPattern, loadInput } from '../catalog/load-pattern.js';
import type { TemplateSet } from '../catalog/templates.js';
import type { CatalogConfig } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { laneCount, runWorker } from '../util/worker-lanes.js';
import { recordOf, type IndexedText, type PatternRecord } from './record.js';
import { countTerms, type TermCounts } from './search-index.js';

/**
 * Reading a catalog for the search: each pattern file through the catalog
 * layer (`loadCatalogPattern`, the same reading every command makes), then its
 * record and the term counts of its indexed text (`recordOf`, `countTerms`);
 * the parsed file is dropped at once. On a large catalog the files are shared
 * between this thread and worker threads (lanes), which post the records and
 * counts back; the index is filled in the files' order whatever lane read them,
 * so it is the same index, and the same answers, however many lanes there are.
 */

/** What each lane is given: the settings (plain data, posted to workers) and the files. */
export interface ReadInput {
  config: CatalogConfig;
  templateFile?: string;
  files: readonly DiscoveredFile[];
  /** The facet names records keep (`site.facets`, else the defaults). */
  facets: readonly string[];
  /** When several lanes share `files`: an Int32 counter, the index of the next file to take. */
  queue?: SharedArrayBuffer;
}

/** One file read: its record and term counts, or why it did not load; neither for a redirect stub or a file gone. */
export type ReadResult = { index: number; record?: PatternRecord; counts?: TermCounts; failure?: Diagnostic };

export interface ReadMessage {
  results: ReadResult[];
  done?: true;
}

/** The worker's entry: beside the bundle (`dist/bundle/`), else the compiled module; none when running from the sources under test. */
const WORKER_SCRIPT = [new URL('./search-worker.mjs', import.meta.url), new URL('./worker.js', import.meta.url)].map((u) => fileURLToPath(u)).find((f) => existsSync(f));

/**
 * How many lanes to read with: this thread and a worker per further core (up
 * to 4 in all) for a catalog large enough, else 1; 1 too without a compiled
 * worker (running from the sources). `PATTERNBOOK_THREADS=<n>` overrides, as
 * for lint (`0` and `1` both mean this thread alone).
 */
export function readThreads(fileCount: number, env: Record<string, string | undefined> = process.env): number {
  return laneCount(fileCount, WORKER_SCRIPT, 4, env);
}

/**
 * One pattern file as the search reads it: its record and indexed text; or why
 * it does not load; or neither, for a redirect stub (it only says the pattern
 * moved: no pattern to find) or a file gone before it could be read.
 */
export async function readForSearch(
  f: DiscoveredFile,
  config: Pick<CatalogConfig, 'root' | 'maxFileSize'>,
  templates: TemplateSet,
  facets: readonly string[],
  /** The summaries (folded) several of the catalog's patterns give alike: read past (see `withOwnSummary`). */
  shared?: ReadonlySet<string>,
): Promise<{ record: PatternRecord; text: IndexedText } | { failure: Diagnostic } | Record<string, never>> {
  const stat = statSync(f.file, { throwIfNoEntry: false });
  const loaded = await loadCatalogPattern(loadInput(config, f), templates);
  if (!loaded.ok) return { failure: loaded.diagnostic };
  if (!stat || loaded.pattern.movedTo !== undefined) return {};
  return recordOf(withOwnSummary(loaded.pattern, templates, shared), config.root, facets, { mtimeMs: stat.mtimeMs, size: stat.size });
}

async function readOne(input: ReadInput, templates: TemplateSet, index: number): Promise<ReadResult> {
  const read = await readForSearch(input.files[index]!, input.config, templates, input.facets);
  if ('failure' in read) return { index, failure: read.failure };
  return 'record' in read ? { index, record: read.record, counts: countTerms(read.text) } : { index };
}

/**
 * One lane: takes the next file (from the shared counter, else each in turn)
 * until none is left, and emits each result. On the main thread it yields to
 * the event loop every `yieldEvery` files: the workers' results are taken in
 * as they come (rather than all held until this lane is done), and a server
 * answers what it is asked meanwhile (an MCP client's handshake, a ping).
 */
export async function readShard(input: ReadInput, templates: TemplateSet, emit: (result: ReadResult) => void, yieldEvery = 0): Promise<void> {
  const next = input.queue ? new Int32Array(input.queue) : undefined;
  let cursor = 0;
  for (let done = 1; ; done++) {
    const index = next ? Atomics.add(next, 0, 1) : cursor++;
    if (index >= input.files.length) break;
    emit(await readOne(input, templates, index));
    if (yieldEvery && done % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A worker lane: loads the templates itself and posts its results in batches. */
export async function workerShard(input: ReadInput, post: (message: ReadMessage) => void): Promise<void> {
  const templates = await loadCatalogTemplates(input.config, input.templateFile);
  let batch: ReadResult[] = [];
  await readShard(input, templates, (result) => {
    batch.push(result);
    if (batch.length >= 16) {
      post({ results: batch });
      batch = [];
    }
  });
  post({ results: batch, done: true });
}

/**
 * Reads every file of `input` on `lanes` lanes (this thread and `lanes - 1`
 * workers, started first so their start-up overlaps this thread's work) and
 * hands each result to `take` in the files' order. Says how many files this
 * thread read (for PATTERNBOOK_TIMING).
 */
export async function readPatterns(input: ReadInput, templates: TemplateSet, lanes: number, take: (result: ReadResult) => void): Promise<{ here: number }> {
  const shared: ReadInput = lanes > 1 ? { ...input, queue: new SharedArrayBuffer(4) } : input;
  const waiting = new Map<number, ReadResult>();
  let next = 0;
  const receive = (result: ReadResult): void => {
    waiting.set(result.index, result);
    for (let r = waiting.get(next); r; r = waiting.get(next)) {
      waiting.delete(next++);
      take(r);
    }
  };
  const workers = Array.from({ length: Math.max(lanes - 1, 0) }, () => runWorker<ReadResult>(WORKER_SCRIPT!, shared, (results) => results.forEach(receive), 'search'));
  let here = 0;
  await readShard(
    shared,
    templates,
    (result) => {
      here++;
      receive(result);
    },
    16,
  );
  // A worker that failed (out of memory, say) may have taken files it never gave back: this
  // thread reads whatever has not come, so the index is whole either way.
  const failed = (await Promise.allSettled(workers)).some((w) => w.status === 'rejected');
  if (failed) for (let i = 0; i < input.files.length; i++) if (i >= next && !waiting.has(i)) receive(await readOne(input, templates, i));
  return { here };
}
