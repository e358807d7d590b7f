import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedCatalog } from '../catalog/load-catalog.js';
import type { DiscoveredFile } from '../catalog/discover.js';
import type { Catalog, Pattern } from '../catalog/types.js';
import type { CatalogConfig } from '../config/load-config.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { checkCatalogRules, createRun, fileResult, rulesThatRan, withLoadProblems, type LintCatalogOptions, type LintCatalogResult } from './engine.js';
import { patternFromView, type PatternView } from './pattern-view.js';
import { registry } from './registry.js';
import { lintShard } from './shard.js';

/**
 * From how many files worker threads pay for their start-up and their extra
 * heaps. Measured on a two-core machine: 1,000 files were slower with two
 * workers (2.5 s against 2.3 s), 3,000 barely faster with more memory, 10,000
 * 1.3× faster with less memory (12.4 s, 460 MB against 16.1 s, 530 MB).
 */
const MIN_FILES_FOR_THREADS = { twoCores: 5000, moreCores: 1000 };

const WORKER_SCRIPT = fileURLToPath(new URL('./worker.js', import.meta.url));

export interface WorkerInput {
  config: CatalogConfig;
  templateFile?: string;
  files: (DiscoveredFile & { selected: boolean })[];
  only?: readonly string[];
  docsBase?: string;
  flags: { external: boolean; externalCacheFile?: string; now: string };
}

export interface WorkerMessage {
  results: ({ file: string; failure: Diagnostic } | { file: string; view: PatternView; diagnostics: Diagnostic[]; collected: Record<string, unknown> })[];
  done?: true;
}

/**
 * How many worker threads to lint with: one per core (up to 8) for a catalog
 * large enough to gain from them, else none (one shard on the main thread); 0
 * too when the compiled worker is missing (running from the sources).
 * `PATTERNBOOK_THREADS=<n>` overrides (`0` or `1`: no workers).
 */
export function lintThreads(fileCount: number, env: Record<string, string | undefined> = process.env): number {
  if (!existsSync(WORKER_SCRIPT)) return 0;
  const forced = Number(env.PATTERNBOOK_THREADS);
  if (env.PATTERNBOOK_THREADS !== undefined && Number.isInteger(forced) && forced >= 0) return forced <= 1 ? 0 : forced;
  const cores = availableParallelism();
  if (cores < 2) return 0;
  return fileCount >= (cores >= 4 ? MIN_FILES_FOR_THREADS.moreCores : MIN_FILES_FOR_THREADS.twoCores) ? Math.min(cores, 8) : 0;
}

/**
 * Lints a prepared catalog as a stream: each file is loaded and its `file`
 * rules run while it is in memory (in worker threads, or on this thread when
 * `threads` is 0); only a light view of each pattern is kept, and the
 * `catalog` rules run on those views at the end. Memory stays near a few parsed
 * files, whatever the catalog's size.
 */
export async function lintStreaming(
  prepared: PreparedCatalog,
  threads: number,
  templateFile: string | undefined,
  options: LintCatalogOptions,
): Promise<LintCatalogResult & { catalog: Catalog }> {
  const { config, template } = prepared;
  const flags = { external: false, now: new Date(), ...options.flags };
  const shards: WorkerInput['files'][] = Array.from({ length: Math.max(threads, 1) }, () => []);
  prepared.files.forEach((f, i) => shards[i % shards.length]!.push({ ...f, selected: !options.files || options.files.has(f.file) }));

  const views = new Map<string, PatternView>();
  const fileDiagnostics = new Map<string, Diagnostic[]>();
  const collected = new Map<string, Record<string, unknown>>();
  const failures: Diagnostic[] = [];
  const receive = (results: WorkerMessage['results']): void => {
    for (const r of results) {
      if ('failure' in r) failures.push(r.failure);
      else {
        views.set(r.file, r.view);
        fileDiagnostics.set(r.file, r.diagnostics);
        collected.set(r.file, r.collected);
      }
    }
  };
  const inputFor = (files: WorkerInput['files']): WorkerInput => ({
    config,
    ...(templateFile ? { templateFile } : {}),
    files,
    ...(options.only ? { only: options.only } : {}),
    ...(options.docsBase ? { docsBase: options.docsBase } : {}),
    flags: { ...flags, now: flags.now.toISOString() },
  });
  if (threads === 0) {
    // A copy, as a worker's message would be: the views' strings are otherwise slices of
    // each file's text and would keep every file in memory.
    await lintShard(inputFor(shards[0]!), (results) => receive(structuredClone(results)), 1);
  } else {
    await Promise.all(
      shards.map(
        (files) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(WORKER_SCRIPT, { workerData: inputFor(files) });
            worker.on('message', (message: WorkerMessage) => {
              receive(message.results);
              if (message.done) resolve();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lint worker stopped with exit code ${code}`))));
          }),
      ),
    );
  }

  const patterns: Pattern[] = prepared.files.flatMap((f) => (views.has(f.file) ? [patternFromView(views.get(f.file)!)] : []));
  const diagnostics = [...prepared.diagnostics, ...failures].sort(compareDiagnostics);
  const catalog: Catalog = { root: config.root, config, template, patterns, bySlug: new Map(patterns.map((p) => [p.slug, p])), diagnostics };
  const run = createRun(catalog, { ...options, registry, flags });
  for (const [file, data] of collected) run.index.collectedData.set(file, data);

  const selected = patterns.filter((p) => !options.files || options.files.has(p.file));
  const results = [];
  for (const pattern of selected) {
    const found = [...fileDiagnostics.get(pattern.file)!, ...(await checkCatalogRules(run, pattern))].sort(compareDiagnostics);
    // The text is read back only for files with something to show in a code frame.
    results.push(fileResult(pattern.path, pattern.file, found, pattern.slug, found.length ? pattern.document.source : undefined));
  }
  return { catalog, results: withLoadProblems(results, catalog, options.files), rules: rulesThatRan(run, selected) };
}
