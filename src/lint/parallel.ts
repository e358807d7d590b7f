import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withOwnSummaries, type PreparedCatalog } from '../catalog/load-catalog.js';
import { loadCatalogPattern, loadInput } from '../catalog/load-pattern.js';
import type { DiscoveredFile } from '../catalog/discover.js';
import type { LightCatalog, Pattern, PatternView } from '../catalog/types.js';
import type { CatalogConfig } from '../config/load-config.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import {
  checkCatalogRules,
  fileResult,
  LintRun,
  rulesThatRan,
  uniqueFindings,
  withLoadProblems,
  type Collected,
  type LintCatalogOptions,
  type LintCatalogResult,
} from './engine.js';
import { registry } from './registry.js';
import { lintShard } from './shard.js';
import { laneCount, runWorker } from '../util/worker-lanes.js';

/**
 * The worker's entry: beside the bundle when running from it (`dist/bundle/`),
 * else the compiled module; none when running from the sources under test.
 */
const WORKER_SCRIPT = [new URL('./lint-worker.mjs', import.meta.url), new URL('./worker.js', import.meta.url)].map((u) => fileURLToPath(u)).find((f) => existsSync(f));

export interface WorkerInput {
  config: CatalogConfig;
  templateFile?: string;
  files: (DiscoveredFile & { selected: boolean })[];
  /** When several lanes share `files`: an Int32 counter, the index of the next file to take. */
  queue?: SharedArrayBuffer;
  only?: readonly string[];
  docsBase?: string;
  flags: { external: boolean; externalCacheFile?: string; now: string };
}

export interface WorkerMessage {
  results: ({ file: string; failure: Diagnostic } | { file: string; view: PatternView; diagnostics: Diagnostic[]; collected: Record<string, unknown> })[];
  done?: true;
}

/**
 * How many lanes to lint with: this thread plus worker threads, one lane per
 * core (up to 8) for a catalog large enough to gain from them, else 1 (this
 * thread alone); 1 too when there is no compiled worker (running from the
 * sources). `PATTERNBOOK_THREADS=<n>` overrides (`0` and `1` both mean this thread alone).
 */
export function lintThreads(fileCount: number, env: Record<string, string | undefined> = process.env): number {
  return laneCount(fileCount, WORKER_SCRIPT, 8, env);
}

/**
 * Lints a prepared catalog as a stream: each file is loaded and its `file`
 * rules run while it is in memory (on `lanes` threads: this one and
 * `lanes - 1` workers); only a light view of each pattern is kept, and the
 * `catalog` rules run on those views at the end. Memory stays near a few parsed
 * files, whatever the catalog's size.
 */
export async function lintStreaming(
  prepared: PreparedCatalog,
  lanes: number,
  templateFile: string | undefined,
  options: LintCatalogOptions,
  /** Each pattern loaded on this thread, in full, before it is dropped (the site build renders it then). */
  onPattern?: (pattern: Pattern) => void | Promise<void>,
): Promise<LintCatalogResult & { catalog: LightCatalog; run: LintRun; phaseOne: PhaseOne }> {
  const { config, template } = prepared;
  const flags = { external: false, now: new Date(), ...options.flags };
  const files: WorkerInput['files'] = prepared.files.map((f) => ({ ...f, selected: !options.files || options.files.has(f.file) }));
  const queue = lanes > 1 ? new SharedArrayBuffer(4) : undefined;

  const views = new Map<string, PatternView>();
  const fileDiagnostics = new Map<string, Diagnostic[]>();
  const collected: Collected = new Map();
  const failures: Diagnostic[] = [];
  const receive = (results: WorkerMessage['results']): void => {
    for (const r of results) {
      if ('failure' in r) failures.push(r.failure);
      else {
        views.set(r.file, r.view);
        // The template a worker matched it to, where the catalog has siblings: the same here.
        prepared.templates.remember(r.view);
        fileDiagnostics.set(r.file, r.diagnostics);
        collected.set(r.file, r.collected);
      }
    }
  };
  const input: WorkerInput = {
    config,
    ...(templateFile ? { templateFile } : {}),
    files,
    ...(queue ? { queue } : {}),
    ...(options.only ? { only: options.only } : {}),
    ...(options.docsBase ? { docsBase: options.docsBase } : {}),
    flags: { ...flags, now: flags.now.toISOString() },
  };
  // Workers are started first, so their start-up overlaps this thread's work; this
  // thread is a lane too. Their results wait in the message queue until it is done.
  const workers = Array.from({ length: Math.max(lanes - 1, 0) }, () => runWorker(WORKER_SCRIPT!, input, receive, 'lint'));
  // A copy, as a worker's message would be: the views' strings are otherwise slices of
  // each file's text and would keep every file in memory.
  await lintShard(input, (results) => receive(structuredClone(results)), 1, onPattern);
  await Promise.all(workers);

  const patterns: PatternView[] = prepared.files.flatMap((f) => (views.has(f.file) ? [views.get(f.file)!] : []));
  // (Summaries several patterns give alike are the catalog's: those patterns' files read again, past them.)
  const sharedSummaries = await withOwnSummaries(patterns, prepared.templates, async (view) => {
    const loaded = await loadCatalogPattern(loadInput(config, view), prepared.templates);
    return loaded.ok ? loaded.pattern : undefined;
  });
  const diagnostics = [...prepared.diagnostics, ...failures].sort(compareDiagnostics);
  const catalog: LightCatalog = {
    root: config.root,
    config,
    template,
    templates: prepared.templates,
    patterns,
    bySlug: new Map(patterns.map((p) => [p.slug, p])),
    diagnostics,
    sharedSummaries,
  };
  const run = new LintRun(catalog, { ...options, registry, flags });
  for (const [file, data] of collected) run.collected.set(file, data);

  const selected = patterns.filter((p) => !options.files || options.files.has(p.file));
  const results = [];
  const index = run.indexFor(catalog);
  for (const pattern of selected) {
    const found = uniqueFindings([...fileDiagnostics.get(pattern.file)!, ...(await checkCatalogRules(run, catalog, pattern))], run.catchAll);
    // The text is read back only for files with something to show in a code frame.
    results.push(fileResult(pattern.path, pattern.file, found, pattern.slug, found.length ? index.sourceOf(pattern) : undefined));
  }
  return { catalog, run, results: withLoadProblems(results, catalog, options.files), rules: rulesThatRan(run, selected), phaseOne: { fileDiagnostics, collected } };
}

/** What the first phase found per file: its `file` rules' diagnostics and what the `catalog` rules collected (kept by `dev` to re-lint one file). */
export interface PhaseOne {
  fileDiagnostics: Map<string, Diagnostic[]>;
  collected: Collected;
}
