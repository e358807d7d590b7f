#!/usr/bin/env node
// Lighthouse on a built site (`npm run bench:site` runs it on the 1,000-pattern catalog's site,
// or by itself: `node bench/lighthouse.mjs <built site>`): home, a pattern page and the graph
// page, Lighthouse's mobile defaults (a mid-range phone, simulated slow 4G and 4× CPU slowdown),
// served by Patternbook's own server (`patternbook preview`: no compression, no cache headers —
// a static host with gzip does better). Each page is measured BENCH_LH_RUNS times (default 3);
// the median of each category is reported. Target: ≥ 95 in all four categories on every page.
//
// Lighthouse 12.2.3 (a devDependency, pinned: it runs on Node 20), Debian's Chromium at
// CHROME_PATH (default /usr/bin/chromium). It reports; a missed target does not fail it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(REPO, 'node_modules', 'lighthouse', 'cli', 'index.js');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
export const TARGET = 95;

/** One Lighthouse run of `url`: each category's score (0–100) and the performance metrics. */
async function audit(url, chrome) {
  const args = [
    CLI,
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`lighthouse exited ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`);
  const lhr = JSON.parse(out);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  const metric = (id) => lhr.audits[id]?.numericValue;
  const failed = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  return {
    scores,
    metrics: {
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      siMs: metric('speed-index'),
    },
    failed,
    bytes: metric('total-byte-weight'),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Lighthouse on home, one pattern page and the graph page of the site built in `site`.
 * Returns each page's median scores.
 */
export async function lighthouseSite(
  site,
  { runs = Number(process.env.BENCH_LH_RUNS ?? 3), chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium', log = console.log } = {},
) {
  if (!existsSync(CLI)) throw new Error('lighthouse is not installed: npm install (it is a devDependency)');
  if (!existsSync(chrome)) throw new Error(`no Chromium at ${chrome}: apt-get install -y chromium, or set CHROME_PATH`);
  const { serveSite } = await import(pathToFileURL(path.join(REPO, 'dist', 'site', 'serve.js')).href);
  const slugs = readdirSync(path.join(site, 'patterns')).sort();
  const pages = [
    { name: 'home', path: '' },
    { name: 'pattern page', path: `patterns/${slugs[Math.floor(slugs.length / 2)]}/` },
    { name: 'graph page', path: 'graph/' },
  ];
  const server = await serveSite(site);
  const results = [];
  try {
    for (const page of pages) {
      const url = `${server.url}${page.path}`;
      const each = [];
      for (let i = 0; i < runs; i++) each.push(await audit(url, chrome));
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(each.map((r) => r.scores[c]))]));
      const metrics = Object.fromEntries(Object.keys(each[0].metrics).map((k) => [k, median(each.map((r) => r.metrics[k]))]));
      const failed = [...new Set(each.flatMap((r) => r.failed))];
      const row = { ...page, url: page.path, scores, metrics, bytes: median(each.map((r) => r.bytes)), failed, runs: each.map((r) => r.scores) };
      results.push(row);
      const ok = CATEGORIES.every((c) => scores[c] >= TARGET);
      log(
        `  lighthouse ${page.name.padEnd(13)} performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores['best-practices']}, SEO ${scores.seo}` +
          `   (FCP ${(metrics.fcpMs / 1000).toFixed(1)} s, LCP ${(metrics.lcpMs / 1000).toFixed(1)} s, TBT ${Math.round(metrics.tbtMs)} ms, CLS ${metrics.cls.toFixed(3)}, ${Math.round(row.bytes / 1024)} KB)   target ≥ ${TARGET} each   ${ok ? '✔' : '✖'}` +
          (failed.length ? `\n    audits not passed: ${failed.join(', ')}` : ''),
      );
    }
  } finally {
    await server.close();
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const site = process.argv[2];
  if (!site || !existsSync(path.join(site, 'index.html'))) {
    console.error('usage: node bench/lighthouse.mjs <built site folder>');
    process.exit(2);
  }
  console.log(`lighthouse 12.2.3 (mobile defaults) on ${site} — node ${process.version}, ${os.cpus().length} cores`);
  const results = await lighthouseSite(path.resolve(site));
  mkdirSync(path.join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(REPO, 'bench', 'results', 'lighthouse-latest.json'), `${JSON.stringify({ when: new Date().toISOString(), site, results }, null, 2)}\n`);
}
