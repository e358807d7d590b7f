#!/usr/bin/env node
// The site benchmark (`npm run bench`, after the lint one): times `patternbook build`
// (render + Pagefind index) on generated catalogs, and Astro Starlight on the
// 1,000-pattern one in the same run. Peak memory is reported per process:
// Patternbook's own, and the search indexer's (Pagefind runs as a child process),
// sampled from /proc. It reports; a missed target does not fail it.
//
// Environment:
//   BENCH_SIZES=1000[,10000]   catalog sizes (default 1000,10000)
//   BENCH_SEED=42              generator seed
//   BENCH_STARLIGHT=0          skip Starlight (default: run it on the 1,000-pattern catalog;
//                              the first run installs it into bench/starlight/)
//   BENCH_KEEP=1               keep the generated catalogs and sites
//   BENCH_LIGHTHOUSE=0         skip Lighthouse (default: home, a pattern page and the graph page of
//                              the 1,000-pattern site, mobile defaults; see bench/lighthouse.mjs)

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedCatalog, DEFAULT_SEED } from './generate-catalog.mjs';
import { lighthouseSite } from './lighthouse.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WORK = path.join(os.tmpdir(), 'patternbook-bench');
const BIN = path.join(REPO, 'dist', 'cli', 'bin.js');
const STARLIGHT = path.join(REPO, 'bench', 'starlight');
const TARGETS = { pagesPerSecondVsStarlight: 30, memoryVsStarlight: 0.25, ownPeakMBAt10k: 1536, devRebuildMs: 300 };

const sizes = (process.env.BENCH_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => Number(s.trim().replace(/_/g, '')))
  .filter(Boolean);
const seed = process.env.BENCH_SEED === undefined ? DEFAULT_SEED : Number(process.env.BENCH_SEED);
const keep = process.env.BENCH_KEEP === '1';
const withStarlight = process.env.BENCH_STARLIGHT !== '0';
const withLighthouse = process.env.BENCH_LIGHTHOUSE !== '0';
if (!existsSync(BIN)) {
  console.error('bench: dist/cli/bin.js not found: npm run build first');
  process.exit(1);
}

/** Every process of the tree under `root`, from /proc (Linux). */
function descendants(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)).push(Number(entry));
    } catch {
      // gone
    }
  }
  const out = [];
  const walk = (pid) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function status(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { name: /Name:\s+(\S+)/.exec(text)?.[1] ?? '?', hwmKiB: Number(/VmHWM:\s+(\d+)/.exec(text)?.[1] ?? 0), rssKiB: Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0) };
  } catch {
    return undefined;
  }
}

/**
 * Runs a command and samples the peak memory of it and of each process under it
 * every 100 ms: `own` is the command's process, `others` the largest of its
 * descendants (the indexer), `tree` the largest sum seen at one moment.
 */
async function run(cmd, args, cwd, env = {}) {
  const started = performance.now();
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let own = 0;
  let others = 0;
  let tree = 0;
  const sample = () => {
    const me = status(child.pid);
    if (me) own = Math.max(own, me.hwmKiB);
    let sum = me?.rssKiB ?? 0;
    for (const pid of descendants(child.pid)) {
      const s = status(pid);
      if (!s) continue;
      others = Math.max(others, s.hwmKiB);
      sum += s.rssKiB;
    }
    tree = Math.max(tree, sum);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
  clearInterval(timer);
  return { code, seconds: (performance.now() - started) / 1000, ownMB: own / 1024, othersMB: others / 1024, treeMB: tree / 1024, stdout, stderr };
}

function catalogFor(size) {
  return cachedCatalog(WORK, size, seed).dir;
}

/** The catalog as a Starlight project's docs: one page per pattern, its title in front matter, its diagrams beside it. */
function starlightProject(catalog, size) {
  const project = path.join(WORK, `starlight-${size}`);
  rmSync(project, { recursive: true, force: true });
  const docs = path.join(project, 'src', 'content', 'docs');
  mkdirSync(docs, { recursive: true });
  for (const slug of readdirSync(catalog)) {
    const readme = path.join(catalog, slug, 'README.md');
    if (!existsSync(readme)) continue;
    let text = readFileSync(readme, 'utf8');
    const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? slug;
    text = text.replace(/^#\s+.+\n/m, '');
    // Astro refuses a page whose image is missing; the generated catalog has some (injected defects): as text.
    text = text.replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (all, alt, src) => (/^https?:/.test(src) || existsSync(path.join(catalog, slug, src)) ? all : alt));
    mkdirSync(path.join(docs, slug), { recursive: true });
    writeFileSync(path.join(docs, slug, 'index.md'), `---\ntitle: ${JSON.stringify(title)}\n---\n${text}`);
    if (existsSync(path.join(catalog, slug, 'diagrams'))) cpSync(path.join(catalog, slug, 'diagrams'), path.join(docs, slug, 'diagrams'), { recursive: true });
  }
  writeFileSync(path.join(docs, 'index.md'), '---\ntitle: Catalog\n---\nThe benchmark catalog.\n');
  writeFileSync(
    path.join(project, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Bench' })] });\n",
  );
  writeFileSync(
    path.join(project, 'src', 'content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bench-starlight-site', private: true, type: 'module' }, null, 2));
  // The project uses the installed Starlight and Astro.
  cpSync(path.join(STARLIGHT, 'node_modules'), path.join(project, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  return project;
}

function ensureStarlight() {
  if (existsSync(path.join(STARLIGHT, 'node_modules', 'astro'))) return true;
  console.log('  installing Astro Starlight into bench/starlight/ (first run only) …');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: STARLIGHT, stdio: 'inherit' });
  return r.status === 0;
}

/** `patternbook dev` on the catalog (in this process): an edit's time to rebuilt-and-reload-sent. */
async function devRebuild(catalog) {
  const { startDev } = await import(new URL('../dist/site/dev.js', import.meta.url).href);
  const slug = readdirSync(catalog)
    .filter((d) => existsSync(path.join(catalog, d, 'README.md')))
    .sort()[41];
  const file = path.join(catalog, slug, 'README.md');
  const original = readFileSync(file, 'utf8');
  const dev = await startDev({ root: catalog, settleMs: 3_600_000 });
  const runs = [];
  try {
    for (let i = 0; i < 3; i++) {
      const next = dev.nextBuild();
      const t = performance.now();
      writeFileSync(file, original.replace('## Overview\n', `## Overview\n\nEdited (${i}).\n`));
      await next;
      runs.push(performance.now() - t);
    }
  } finally {
    writeFileSync(file, original);
    await dev.close();
    rmSync(path.join(catalog, '.patternbook'), { recursive: true, force: true });
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, medianMs: sorted[1] };
}

const results = [];
console.log(`patternbook site bench — node ${process.version}, ${os.cpus().length} cores, seed ${seed}`);
for (const size of sizes) {
  console.log(`\n== ${size.toLocaleString('en-US')} patterns`);
  const catalog = catalogFor(size);
  const out = path.join(WORK, `site-${size}`);
  rmSync(out, { recursive: true, force: true });
  const ours = await run(process.execPath, [BIN, 'build', catalog, '--out', out], REPO);
  const pages = Number(/(\d+) pattern page/.exec(ours.stdout)?.[1] ?? NaN);
  console.log(
    `  patternbook build   ${ours.code === 0 || ours.code === 1 ? '' : `FAILED (exit ${ours.code}) `}${ours.seconds.toFixed(1)} s, ${(pages / ours.seconds).toFixed(0)} pages/s, own peak ${ours.ownMB.toFixed(0)} MB, indexer peak ${ours.othersMB.toFixed(0)} MB, together ${ours.treeMB.toFixed(0)} MB`,
  );
  const row = { size, patternbook: { ...ours, pages, stdout: undefined, stderr: ours.code > 1 ? ours.stderr : undefined } };
  // The indexer alone on the same articles: how much of the build no renderer can win back.
  if (ours.code === 0 || ours.code === 1) {
    const alone = await run(process.execPath, [path.join(REPO, 'bench', 'pagefind-alone.mjs'), out, path.join(WORK, `pagefind-alone-${size}`)], REPO);
    rmSync(path.join(WORK, `pagefind-alone-${size}`), { recursive: true, force: true });
    if (alone.code === 0) {
      row.pagefindAlone = { seconds: alone.seconds, ...JSON.parse(alone.stdout.trim().split('\n').pop()) };
      console.log(
        `  pagefind alone      ${alone.seconds.toFixed(1)} s (add ${row.pagefindAlone.addSeconds.toFixed(1)} s, write ${row.pagefindAlone.writeSeconds.toFixed(1)} s) on the same articles = ${((alone.seconds / ours.seconds) * 100).toFixed(0)}% of our build`,
      );
      // Reader features (sidebar, contents, search dialog…) must not cost build speed.
      row.buildVsPagefind = ours.seconds / alone.seconds;
      console.log(`  build ÷ pagefind alone        ${row.buildVsPagefind.toFixed(2)}×   target ≤ 2×   ${row.buildVsPagefind <= 2 ? '✔' : '✖'}`);
    } else console.log(`  pagefind alone      FAILED (exit ${alone.code}) ${alone.stderr.split('\n').slice(-3).join(' ')}`);
  }
  if (withLighthouse && size === 1000 && (ours.code === 0 || ours.code === 1)) {
    try {
      row.lighthouse = await lighthouseSite(out);
    } catch (err) {
      console.log(`  lighthouse          FAILED: ${err.message}`);
    }
  }
  if (withStarlight && size <= 1000 && ensureStarlight()) {
    const project = starlightProject(catalog, size);
    const star = await run(process.execPath, [path.join(project, 'node_modules', 'astro', 'astro.js'), 'build'], project, { ASTRO_TELEMETRY_DISABLED: '1' });
    const starPages = size + 1;
    console.log(
      `  starlight build     ${star.code === 0 ? '' : `FAILED (exit ${star.code}) `}${star.seconds.toFixed(1)} s, ${(starPages / star.seconds).toFixed(1)} pages/s, peak ${star.treeMB.toFixed(0)} MB (all processes)`,
    );
    if (star.code !== 0) console.log(star.stderr.split('\n').slice(-15).join('\n'));
    row.starlight = { code: star.code, seconds: star.seconds, treeMB: star.treeMB, pages: starPages };
    if (star.code === 0 && (ours.code === 0 || ours.code === 1)) {
      const speed = pages / ours.seconds / (starPages / star.seconds);
      const memory = ours.treeMB / star.treeMB;
      console.log(
        `  pages/s vs Starlight          ${speed.toFixed(1)}×   target ≥ ${TARGETS.pagesPerSecondVsStarlight}×   ${speed >= TARGETS.pagesPerSecondVsStarlight ? '✔' : '✖'}`,
      );
      console.log(
        `  memory vs Starlight (with indexer) ${memory.toFixed(2)}×   target ≤ ${TARGETS.memoryVsStarlight}×   ${memory <= TARGETS.memoryVsStarlight ? '✔' : '✖'}`,
      );
      row.ratios = { speed, memory };
      if (row.pagefindAlone) {
        const budget = star.seconds / (starPages / pages) / TARGETS.pagesPerSecondVsStarlight;
        console.log(
          `  time a ${TARGETS.pagesPerSecondVsStarlight}× build may take: ${budget.toFixed(1)} s, of which Pagefind alone takes ${row.pagefindAlone.seconds.toFixed(1)} s`,
        );
      }
    }
    if (!keep) rmSync(project, { recursive: true, force: true });
  }
  // dev: one pattern edited three times; from the write to the reload signal (the median).
  row.dev = await devRebuild(catalog);
  console.log(
    `  dev: one edited pattern rebuilt and reload sent in ${row.dev.medianMs.toFixed(0)} ms (median of ${row.dev.runs.length})${size >= 10000 ? `   target < ${TARGETS.devRebuildMs} ms   ${row.dev.medianMs < TARGETS.devRebuildMs ? '✔' : '✖'}` : ''}`,
  );
  if (size >= 10000)
    console.log(
      `  own peak at ${size.toLocaleString('en-US')} patterns ${ours.ownMB.toFixed(0)} MB   target < ${TARGETS.ownPeakMBAt10k} MB   ${ours.ownMB < TARGETS.ownPeakMBAt10k ? '✔' : '✖'}`,
    );
  results.push(row);
  if (!keep) rmSync(out, { recursive: true, force: true });
}
mkdirSync(path.join(REPO, 'bench', 'results'), { recursive: true });
writeFileSync(
  path.join(REPO, 'bench', 'results', 'build-latest.json'),
  `${JSON.stringify({ when: new Date().toISOString(), node: process.version, cores: os.cpus().length, results }, null, 2)}\n`,
);
