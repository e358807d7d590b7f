/** A search worker thread: reads its share of the catalog's files for the index (see read.ts) and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import { workerShard, type ReadInput } from './read.js';

const port = parentPort!;
await workerShard(workerData as ReadInput, (message) => port.postMessage(message));
