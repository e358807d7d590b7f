#!/usr/bin/env node
// Baseline for the benchmark: the least any linter of this catalog must do.
//
//   node bench/read-parse.mjs <dir>
//
// Reads every <dir>/*/README.md and parses it with markdown-it (the repo's own
// dependency, with the options Patternbook's parser uses: the default preset,
// `{ html: true, linkify: true }`), and nothing else: no section tree, no rules,
// no output beyond one summary line.
//
// Lanes: `--lanes N` parses on N threads (this one and N - 1 worker threads)
// taking the next file from one shared counter, the way `patternbook lint`
// spreads a large catalog over the cores. The benchmark passes the number of
// lanes lint itself chooses for the catalog, so the "within 2x of read +
// parse" ratio keeps comparing like with like.

import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt('default', { html: true, linkify: true });

/** Parses files until the shared counter runs past the end; returns what it saw. */
function parseShare(entries, counter) {
  const seen = { files: 0, bytes: 0, tokens: 0 };
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= entries.length) return seen;
    let text;
    try {
      // Synchronous, as patternbook lint reads: for small files the fastest way.
      text = readFileSync(entries[i], 'utf8');
    } catch (err) {
      if (err.code === 'ENOENT') continue; // a folder without a README is not a pattern
      throw err;
    }
    seen.files += 1;
    seen.bytes += Buffer.byteLength(text);
    seen.tokens += md.parse(text, {}).length;
  }
}

if (!isMainThread) {
  parentPort.postMessage(parseShare(workerData.entries, new Int32Array(workerData.counter)));
} else {
  const args = process.argv.slice(2);
  const lanesAt = args.indexOf('--lanes');
  const lanes = lanesAt >= 0 ? Number(args.splice(lanesAt, 2)[1]) : 1;
  const dir = args[0];
  if (!dir || !Number.isInteger(lanes) || lanes < 1) {
    console.error('usage: node bench/read-parse.mjs <dir> [--lanes N]');
    process.exit(2);
  }
  const root = path.resolve(dir);
  const entries = (await readdir(root, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => path.join(root, e.name, 'README.md'))
    .sort();
  const counter = new SharedArrayBuffer(4);
  const workers = Array.from(
    { length: lanes - 1 },
    () =>
      new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { entries, counter } });
        w.once('message', resolve);
        w.once('error', reject);
      }),
  );
  const shares = [parseShare(entries, new Int32Array(counter)), ...(await Promise.all(workers))];
  const total = shares.reduce((a, s) => ({ files: a.files + s.files, bytes: a.bytes + s.bytes, tokens: a.tokens + s.tokens }), { files: 0, bytes: 0, tokens: 0 });
  console.log(JSON.stringify({ ...total, lanes }));
}
