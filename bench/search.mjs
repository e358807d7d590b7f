#!/usr/bin/env node
// The search benchmark (`npm run bench:search`, and the last part of `npm run bench`):
// `patternbook mcp` on generated catalogs, driven over stdio by the MCP SDK's own
// client, as an assistant would. It measures, in one run:
//   - start-up: from spawning the server to its first search answer, on its first start
//     (no cache: every file read, the cache written) and on the next (from the cache);
//   - query latency: round trips of search_patterns (ranked results, best section,
//     excerpt) once started, the median and the slowest;
//   - the server's CPU time for both (from /proc: the wall clock moves with the machine's
//     other work far more);
//   - the server's peak memory (VmHWM from /proc) after start-up, the file watch,
//     the queries, a get_pattern and a list_patterns;
// and `patternbook search` run once from the command line, for comparison.
// It reports; a missed target does not fail it.
//
// Environment:
//   BENCH_SIZES=1000[,10000]   catalog sizes (default 1000,10000)
//   BENCH_SEED=42              generator seed
//   BENCH_KEEP=1               keep the generated catalogs ($TMPDIR/patternbook-bench)
//   BENCH_WORK=<dir>           where the catalogs are generated (default $TMPDIR/patternbook-bench)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cachedCatalog, DEFAULT_SEED } from './generate-catalog.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WORK = process.env.BENCH_WORK ?? path.join(os.tmpdir(), 'patternbook-bench');
const BIN = path.join(REPO, 'dist', 'cli', 'bin.js');
const TARGETS = { startupMsAt1k: 1000, queryMsAt1k: 20, peakMBAt10k: 500 };

const sizes = (process.env.BENCH_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => Number(s.trim().replace(/_/g, '')))
  .filter(Boolean);
const seed = process.env.BENCH_SEED === undefined ? DEFAULT_SEED : Number(process.env.BENCH_SEED);
const keep = process.env.BENCH_KEEP === '1';
if (!existsSync(BIN)) {
  console.error('bench: dist/cli/bin.js not found: npm run build first');
  process.exit(1);
}

/** Peak and current resident memory of a process, in MiB, from /proc (Linux). */
function memory(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
    return { peakMB: kib('VmHWM') / 1024, rssMB: kib('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Questions for a generated catalog: words of some patterns' summaries (the
 * generator writes prose from a seeded word list, so these find patterns
 * among many that share words), and the issue's two problem-shaped ones.
 */
function questionsFor(dir, count) {
  const questions = ['stop calling a dependency that keeps failing', 'undo the steps already done when a later step fails'];
  const pick = readdirSync(dir)
    .filter((n) => n.startsWith('pattern-'))
    .sort();
  for (let i = 0; questions.length < 30 && i < pick.length; i += Math.max(1, Math.floor(pick.length / 28))) {
    const file = path.join(dir, pick[i], 'README.md');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const summary = /^> (.+)$/m.exec(text)?.[1] ?? '';
    const words = summary
      .replace(/[`*_]/g, '')
      .split(/\W+/)
      .filter((w) => w.length > 3);
    if (words.length >= 3) questions.push(words.slice(0, 3 + (i % 3)).join(' '));
  }
  return questions.slice(0, Math.min(30, count + 2));
}

/**
 * CPU time a process has used, in ms (user + system, from /proc/<pid>/stat): the machine's
 * other work slows the wall clock far more than it changes this, so both are reported.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    // utime and stime are fields 14 and 15 of the line (12 and 13 after the command name), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** The search cache folder of this run (see src/search/index-cache.ts): empty for each size's first start. */
const CACHE = path.join(WORK, 'search-cache');
const cacheEnv = { ...process.env, PATTERNBOOK_CACHE_DIR: CACHE };

async function measureServer(dir, size) {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', dir], stderr: 'pipe', env: cacheEnv });
  let stderr = '';
  transport.stderr?.on('data', (c) => (stderr += c));
  const client = new Client({ name: 'patternbook-bench', version: '1' });
  await client.connect(transport);
  const pid = transport.pid;
  // The first question waits for the catalog to be read: no time limit on it.
  const first = await client.callTool({ name: 'search_patterns', arguments: { query: 'stop calling a dependency that keeps failing' } }, undefined, {
    timeout: 30 * 60_000,
  });
  const startupMs = performance.now() - started;
  const startupCpuMs = cpuMs(pid);
  if (first.isError || !first.structuredContent?.results?.length) throw new Error(`the first search gave no results: ${JSON.stringify(first).slice(0, 300)}`);

  // Queries after start-up: three rounds over the questions, each a full round trip.
  const questions = questionsFor(dir, size);
  const times = [];
  let hits = 0;
  const cpuBefore = cpuMs(pid);
  for (let round = 0; round < 3; round++) {
    for (const query of questions) {
      const t = performance.now();
      const r = await client.callTool({ name: 'search_patterns', arguments: { query } });
      times.push(performance.now() - t);
      hits += r.structuredContent?.results?.length ? 1 : 0;
    }
  }
  const queryCpuMs = cpuBefore === undefined ? undefined : (cpuMs(pid) - cpuBefore) / times.length;
  times.sort((a, b) => a - b);

  // The rest of an assistant's session: read a pattern, list them all; and let the file watch finish.
  const slug = first.structuredContent.results[0].slug;
  await client.callTool({ name: 'get_pattern', arguments: { slug } });
  await client.callTool({ name: 'list_patterns', arguments: {} }, undefined, { timeout: 10 * 60_000 });
  const watchDeadline = Date.now() + 120_000;
  while (!stderr.includes('watching the catalog for changes') && Date.now() < watchDeadline) await new Promise((r) => setTimeout(r, 100));
  const watching = stderr.includes('watching the catalog for changes');
  const mem = memory(pid);
  await client.close();
  return {
    startupMs,
    startupCpuMs,
    queryCpuMs,
    queries: times.length,
    answered: hits,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    maxMs: times.at(-1),
    peakMB: mem?.peakMB,
    rssMB: mem?.rssMB,
    watching,
  };
}

function measureCli(dir) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'search', 'stop calling a dependency that keeps failing', dir, '--format', 'json'], {
    env: cacheEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`patternbook search exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { ms };
}

const mark = (ok) => (ok === undefined ? '–' : ok ? '✔' : '✖');
const results = [];
mkdirSync(WORK, { recursive: true });
console.log(
  `Search benchmark: patternbook mcp over stdio (SDK client), sizes ${sizes.join(', ')}, seed ${seed}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
);
for (const size of sizes) {
  const catalog = cachedCatalog(WORK, size, seed);
  console.log(`\n${size} patterns${catalog.reused ? ' (reused)' : ` (generated in ${catalog.seconds.toFixed(1)} s)`}: ${catalog.dir}`);
  // The first start reads every file (and leaves the cache); the next ones start from the cache.
  rmSync(CACHE, { recursive: true, force: true });
  const cold = await measureServer(catalog.dir, size);
  const server = await measureServer(catalog.dir, size);
  const cli = measureCli(catalog.dir);
  results.push({ size, cold, server, cli });
  const cpu = (ms) => (ms === undefined ? '?' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  console.log(
    `  start-up to first answer  ${(server.startupMs / 1000).toFixed(2)} s from the cache (server CPU ${cpu(server.startupCpuMs)})${size === 1000 ? `  ${mark(server.startupMs < TARGETS.startupMsAt1k)} target < 1 s` : ''}`,
  );
  console.log(`    first start, no cache    ${(cold.startupMs / 1000).toFixed(2)} s (server CPU ${cpu(cold.startupCpuMs)}; it reads every file, and writes the cache)`);
  console.log(
    `  search_patterns           median ${server.medianMs.toFixed(1)} ms, p95 ${server.p95Ms.toFixed(1)} ms, slowest ${server.maxMs.toFixed(1)} ms over ${server.queries} queries (${server.answered} with results; server CPU ${cpu(server.queryCpuMs)} a query)${size === 1000 ? `  ${mark(server.medianMs < TARGETS.queryMsAt1k)} target < ${TARGETS.queryMsAt1k} ms` : ''}`,
  );
  const peak = Math.max(server.peakMB ?? 0, cold.peakMB ?? 0);
  console.log(
    `  server peak memory        ${server.peakMB?.toFixed(0) ?? '?'} MB from the cache, ${cold.peakMB?.toFixed(0) ?? '?'} MB on the first start (resident at the end ${server.rssMB?.toFixed(0) ?? '?'} MB${server.watching && cold.watching ? ', file watch set up' : ', file watch NOT ready'})${size === 10000 ? `  ${mark(server.peakMB === undefined ? undefined : peak < TARGETS.peakMBAt10k)} target < ${TARGETS.peakMBAt10k} MB` : ''}`,
  );
  console.log(`  patternbook search (CLI)  ${(cli.ms / 1000).toFixed(2)} s for one question, start to end, from the cache`);
}

mkdirSync(path.join(REPO, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(REPO, 'bench/results/search-latest.json'),
  `${JSON.stringify({ when: new Date().toISOString(), node: process.version, cores: os.cpus().length, loadavg: os.loadavg(), seed, targets: TARGETS, results }, null, 2)}\n`,
);
console.log('\nResults written to bench/results/search-latest.json.');
// The catalogs are shared with the benchmarks before this one in `npm run bench`; this one runs last.
if (keep) console.log(`kept ${WORK} (BENCH_KEEP=1)`);
else rmSync(WORK, { recursive: true, force: true });
