import { loadCatalogTemplates } from '../catalog/load-catalog.js';
import { loadCatalogPattern, loadInput } from '../catalog/load-pattern.js';
import type { Pattern } from '../catalog/types.js';
import { viewOf } from '../catalog/view.js';
import { checkFile, LintRun } from './engine.js';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { registry } from './registry.js';
import { timed } from './timing.js';

/**
 * The first phase of a streaming lint over the files (all of them, or those
 * this lane takes from the shared queue): each file is
 * loaded, its `file` rules and `collect` steps run, and only its diagnostics
 * and a light view are kept — the parsed file is dropped before the next ones.
 * Runs in a worker thread, or on the main thread for one shard.
 *
 * Results are handed over in batches (`batchSize`): a worker posts fewer
 * messages; on the main thread each file's result is copied at once (batches
 * of 1), because a view waiting in a batch keeps its file's text alive long
 * enough for the young generation to promote it (measured: 16 MB more peak
 * memory at 1,000 files with batches of 64).
 */
export async function lintShard(
  input: WorkerInput,
  emit: (results: WorkerMessage['results']) => void,
  batchSize = 64,
  onPattern?: (pattern: Pattern) => void | Promise<void>,
): Promise<void> {
  const templates = await loadCatalogTemplates(input.config, input.templateFile);
  // File rules see the catalog's settings only: the other patterns are not known yet.
  const run = new LintRun(
    { root: input.config.root, config: input.config, template: templates.base, templates },
    {
      registry,
      ...(input.only ? { only: input.only } : {}),
      ...(input.docsBase ? { docsBase: input.docsBase } : {}),
      flags: { ...input.flags, now: new Date(input.flags.now) },
    },
  );

  let batch: WorkerMessage['results'] = [];
  // Lanes (this thread and the workers) take the next file from one shared counter, so a
  // lane that starts late (a worker's start-up) or meets slower files does less, and all
  // finish together. One file at a time: reads are synchronous (see loadPattern), so files
  // in flight would only be parsed files held at once, which the young generation promotes.
  const next = input.queue ? new Int32Array(input.queue) : undefined;
  let cursor = 0;
  for (;;) {
    const index = next ? Atomics.add(next, 0, 1) : cursor++;
    const f = input.files[index];
    if (!f) break;
    // With `onPattern` (the site build, on this thread) the tokens are kept for rendering.
    const loaded = await timed('(read + parse)', () => loadCatalogPattern(loadInput(input.config, f), templates, onPattern ? { keepTokens: true } : {}));
    if (!loaded.ok) {
      batch.push({ file: f.file, failure: loaded.diagnostic });
    } else {
      const { diagnostics, collected } = await checkFile(run, loaded.pattern, f.selected);
      batch.push({ file: f.file, view: timed('(view)', () => viewOf(loaded.pattern)), diagnostics, collected });
      if (onPattern) await onPattern(loaded.pattern);
    }
    if (batch.length >= batchSize) {
      emit(batch);
      batch = [];
    }
  }
  if (batch.length) emit(batch);
}
