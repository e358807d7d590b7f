import { loadCatalogTemplate } from '../catalog/load-catalog.js';
import { loadPattern } from '../catalog/load-pattern.js';
import type { Catalog } from '../catalog/types.js';
import { mapLimit } from '../util/concurrency.js';
import { checkFile, createRun } from './engine.js';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { viewOf } from './pattern-view.js';
import { registry } from './registry.js';

/**
 * The first phase of a streaming lint over some of the files: each file is
 * loaded, its `file` rules and `collect` steps run, and only its diagnostics
 * and a light view are kept — the parsed file is dropped before the next ones.
 * Runs in a worker thread, or on the main thread for one shard.
 */
export async function lintShard(input: WorkerInput, emit: (results: WorkerMessage['results']) => void): Promise<void> {
  const template = await loadCatalogTemplate(input.config, input.templateFile);
  // The shard's catalog holds no other patterns: `file` rules never need them.
  const catalog: Catalog = { root: input.config.root, config: input.config, template, patterns: [], bySlug: new Map(), diagnostics: [] };
  const run = createRun(catalog, {
    registry,
    ...(input.only ? { only: input.only } : {}),
    ...(input.docsBase ? { docsBase: input.docsBase } : {}),
    flags: { ...input.flags, now: new Date(input.flags.now) },
  });

  let batch: WorkerMessage['results'] = [];
  await mapLimit(input.files, 8, async (f) => {
    const loaded = await loadPattern({ ...f, maxFileSize: input.config.maxFileSize });
    if (!loaded.ok) {
      batch.push({ file: f.file, failure: loaded.diagnostic });
    } else {
      const { diagnostics, collected } = await checkFile(run, loaded.pattern, f.selected);
      batch.push({ file: f.file, view: viewOf(loaded.pattern), diagnostics, collected });
    }
    if (batch.length >= 64) {
      emit(batch);
      batch = [];
    }
  });
  if (batch.length) emit(batch);
}
