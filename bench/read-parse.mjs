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
// Threads: this runs single-threaded, the way `patternbook lint` does today
// (src/catalog/load-catalog.ts keeps up to 16 reads in flight and parses on the
// main thread). If `patternbook lint` starts using worker threads to use both
// cores, do the same here, so the "within 2x of read + parse" ratio keeps
// comparing like with like.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/read-parse.mjs <dir>');
  process.exit(2);
}

const root = path.resolve(dir);
const md = new MarkdownIt('default', { html: true, linkify: true });
const CONCURRENCY = 16;

const entries = (await readdir(root, { withFileTypes: true }))
  .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
  .map((e) => path.join(root, e.name, 'README.md'))
  .sort();

let files = 0;
let bytes = 0;
let tokens = 0;
let next = 0;
const worker = async () => {
  while (next < entries.length) {
    const file = entries[next++];
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (err.code === 'ENOENT') continue; // a folder without a README is not a pattern
      throw err;
    }
    files += 1;
    bytes += Buffer.byteLength(text);
    tokens += md.parse(text, {}).length;
  }
};
await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));

console.log(JSON.stringify({ files, bytes, tokens }));
