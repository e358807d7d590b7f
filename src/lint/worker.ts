/** A lint worker thread: runs `lintShard` on its share of the files and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { lintShard } from './shard.js';
import { timingTable } from './timing.js';

const port = parentPort!;
await lintShard(workerData as WorkerInput, (results) => port.postMessage({ results } satisfies WorkerMessage));
const timings = timingTable('Rule timings (worker thread)');
if (timings) process.stderr.write(timings);
port.postMessage({ results: [], done: true } satisfies WorkerMessage);
