import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * From how many files a second lane (a worker thread beside this one) pays for
 * its start-up and its extra heap. Measured on a two-core machine, where V8's
 * own background threads (compiler, GC) already take about half a core:
 * 1,000 files 1.65 s alone, 1.78 s with a worker; 2,000 files 2.48 s / 163 MB
 * against 2.25 s / 202 MB; 4,000 4.44 s against 3.71 s; 10,000 10.5 s / 318 MB
 * against 7.6 s / 343 MB (lint; the search's reading measured alike).
 */
const MIN_FILES_FOR_THREADS = { twoCores: 2000, moreCores: 1000 };

/**
 * How many lanes to read `fileCount` files with: this thread plus a worker per
 * further core (up to `maxLanes`) for a catalog large enough to gain from them,
 * else 1 (this thread alone); 1 too when there is no compiled worker (running
 * from the sources). `PATTERNBOOK_THREADS=<n>` overrides (`0` and `1` both mean
 * this thread alone).
 */
export function laneCount(fileCount: number, workerScript: string | undefined, maxLanes: number, env: Record<string, string | undefined> = process.env): number {
  if (!workerScript) return 1;
  const forced = Number(env.PATTERNBOOK_THREADS);
  if (env.PATTERNBOOK_THREADS !== undefined && Number.isInteger(forced) && forced >= 0) return Math.max(forced, 1);
  const cores = availableParallelism();
  if (cores < 2) return 1;
  return fileCount >= (cores >= 4 ? MIN_FILES_FOR_THREADS.moreCores : MIN_FILES_FOR_THREADS.twoCores) ? Math.min(cores, maxLanes) : 1;
}

/**
 * Runs one worker lane: each message's `results` go to `receive`; it settles
 * on the message marked `done` (or a clean exit), and fails with the worker's
 * error or exit code (`name` says which worker in that message).
 */
export function runWorker<R>(script: string, data: unknown, receive: (results: R[]) => void, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(script, { workerData: data });
    worker.on('message', (message: { results: R[]; done?: true }) => {
      receive(message.results);
      if (message.done) resolve();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} worker stopped with exit code ${code}`))));
  });
}
