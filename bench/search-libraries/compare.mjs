#!/usr/bin/env node
// How MiniSearch, FlexSearch and Orama compare as the engine of `patternbook search`
// and `patternbook mcp` — the measurements behind the choice (see the README).
//
//   node bench/search-libraries/compare.mjs            # example catalog + 1,000 generated patterns
//   COMPARE_SIZES=1000,10000 node bench/search-libraries/compare.mjs
//
// Installs the three libraries into bench/search-libraries/node_modules on first
// use (they are not dependencies of Patternbook). Every library gets the same
// input: each pattern's fields as Patternbook indexes them (src/search/record.ts),
// analysed by Patternbook's own analysis (stemming, stop words), the same field
// weights and the same synonym expansion; only the index and its ranking differ.
// Each library is measured in its own process (so one's garbage is not another's
// memory): index build time (CPU) and heap, query latency, and ranking on the
// ranking test's questions and on a second set held out of the test.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = path.join(HERE, '..', '..');
const DIST = path.join(REPO, 'dist');
const LIBRARIES = ['minisearch', 'flexsearch', 'orama'];
const PACKAGES = { minisearch: 'minisearch', flexsearch: 'flexsearch', orama: '@orama/orama' };
const WEIGHTS = { title: 5, summary: 4, headings: 2, lead: 2, prose: 1 };
const FIELDS = Object.keys(WEIGHTS);
const SYNONYM_WEIGHT = 0.4;

if (!existsSync(path.join(DIST, 'search/analyze.js'))) {
  console.error('compare: dist/ not found: npm run build first');
  process.exit(1);
}

// ---------------------------------------------------------------------------
// Documents: what Patternbook indexes of each pattern, analysed once.

async function documents(root) {
  const { prepareCatalog } = await import(pathToFileURL(path.join(DIST, 'catalog/load-catalog.js')).href);
  const { loadPattern } = await import(pathToFileURL(path.join(DIST, 'catalog/load-pattern.js')).href);
  const { recordOf } = await import(pathToFileURL(path.join(DIST, 'search/record.js')).href);
  const { analyze } = await import(pathToFileURL(path.join(DIST, 'search/analyze.js')).href);
  const prepared = await prepareCatalog({ root });
  const docs = [];
  for (const f of prepared.files) {
    const loaded = await loadPattern({ ...f, maxFileSize: prepared.config.maxFileSize }, prepared.template);
    if (!loaded.ok) continue;
    const { text } = recordOf(loaded.pattern, prepared.config.root, [], { mtimeMs: 0, size: 0 });
    const doc = { id: docs.length, slug: f.slug };
    // Terms joined by spaces: every library splits on spaces alone, so all see the same terms.
    for (const field of FIELDS) doc[field] = analyze(text[field]).join(' ');
    docs.push(doc);
  }
  return docs;
}

async function questionTerms(question) {
  const { analyze } = await import(pathToFileURL(path.join(DIST, 'search/analyze.js')).href);
  const { Synonyms } = await import(pathToFileURL(path.join(DIST, 'search/synonyms.js')).href);
  const own = [...new Set(analyze(question))];
  return { own, added: Synonyms.forCatalog().expand(own, SYNONYM_WEIGHT).map((t) => t.term) };
}

// ---------------------------------------------------------------------------
// The three engines, behind one shape: build(docs) → index; search(index, terms, limit) → ids.

async function engine(name) {
  if (name === 'minisearch') {
    const { default: MiniSearch } = await import(pathToFileURL(path.join(HERE, 'node_modules/minisearch/dist/es/index.js')).href);
    return {
      build(docs) {
        const index = new MiniSearch({ fields: FIELDS, tokenize: (s) => s.split(' ').filter(Boolean), processTerm: (t) => t, searchOptions: { tokenize: (s) => [s], processTerm: (t) => t } });
        index.addAll(docs);
        return index;
      },
      search(index, { own, added }, limit) {
        const scaled = (w) => Object.fromEntries(FIELDS.map((f) => [f, WEIGHTS[f] * w]));
        const queries = [{ queries: own, combineWith: 'OR', boost: scaled(1) }];
        if (added.length) queries.push({ queries: added, combineWith: 'OR', boost: scaled(SYNONYM_WEIGHT) });
        return index.search({ combineWith: 'OR', queries }).slice(0, limit).map((r) => r.id);
      },
    };
  }
  if (name === 'flexsearch') {
    const { default: FlexSearch } = await import(pathToFileURL(path.join(HERE, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs')).href);
    return {
      build(docs) {
        const index = new FlexSearch.Document({ document: { id: 'id', index: FIELDS }, tokenize: 'strict', encoder: { split: ' ', normalize: false } });
        for (const d of docs) index.add(d);
        return index;
      },
      // FlexSearch ranks by where a term occurs, not by how telling it is (no TF-IDF/BM25), and
      // answers per field: the fields' rankings are merged with the same weights, by rank.
      search(index, { own, added }, limit) {
        const scores = new Map();
        const add = (terms, weight) => {
          if (!terms.length) return;
          for (const { field, result } of index.search(terms.join(' '), { suggest: true, limit: 200 })) {
            result.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + (weight * WEIGHTS[field]) / (rank + 1)));
          }
        };
        add(own, 1);
        add(added, SYNONYM_WEIGHT);
        return [...scores].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([id]) => id);
      },
    };
  }
  const orama = await import(pathToFileURL(path.join(HERE, 'node_modules/@orama/orama/dist/esm/index.js')).href);
  return {
    async build(docs) {
      const schema = Object.fromEntries([['slug', 'string'], ...FIELDS.map((f) => [f, 'string'])]);
      const db = orama.create({ schema, components: { tokenizer: { tokenize: (raw) => raw.split(' ').filter(Boolean), language: 'english', normalizationCache: new Map() } } });
      await orama.insertMultiple(db, docs.map((d) => ({ ...d, id: String(d.id) })), 500);
      return db;
    },
    // Orama's BM25 with the same boosts; threshold 1 lets a pattern match on any term (OR).
    async search(db, { own, added }, limit) {
      const scores = new Map();
      const add = async (terms, weight) => {
        if (!terms.length) return;
        const { hits } = await orama.search(db, { term: terms.join(' '), properties: FIELDS, boost: WEIGHTS, threshold: 1, limit: 100 });
        for (const h of hits) scores.set(h.id, (scores.get(h.id) ?? 0) + weight * h.score);
      };
      await add(own, 1);
      await add(added, SYNONYM_WEIGHT);
      return [...scores].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([id]) => Number(id));
    },
  };
}

// ---------------------------------------------------------------------------
// One library, one catalog, in this process (run as a child by the main part below).

async function measure(name, root, generated) {
  const docs = await documents(root);
  const e = await engine(name);
  global.gc?.();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const index = await e.build(docs);
  const buildWallMs = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  global.gc?.();
  global.gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const out = { name, docs: docs.length, buildWallMs, buildCpuMs: (cpu.user + cpu.system) / 1000, heapMB };
  if (generated) {
    // Questions from the generated vocabulary: words of some summaries, three rounds.
    const words = [...new Set(docs.slice(0, 60).flatMap((d) => d.summary.split(' ')))];
    const questions = Array.from({ length: 40 }, (_, i) => [0, 1, 2, 3, 4].slice(0, 3 + (i % 3)).map((k) => words[(i * 7 + k * 13) % words.length]).join(' '));
    const times = [];
    for (let round = 0; round < 3; round++) {
      for (const q of questions) {
        const t = performance.now();
        await e.search(index, { own: q.split(' '), added: [] }, 10);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    out.queryMedianMs = times[times.length >> 1];
    out.queryP95Ms = times[Math.floor(times.length * 0.95)];
  } else {
    for (const set of ['test/search/ranking-queries.json', 'bench/search-libraries/heldout-queries.json']) {
      const { queries } = JSON.parse(readFileSync(path.join(REPO, set), 'utf8'));
      let first = 0;
      let top3 = 0;
      const misses = [];
      for (const q of queries) {
        const ids = (await e.search(index, await questionTerms(q.query), 3)).map((id) => docs[id].slug);
        if (ids[0] === q.expect) first++;
        else misses.push(`${q.query} → ${ids.join(', ')}`);
        if (ids.includes(q.expect)) top3++;
      }
      out[path.basename(set, '.json')] = { total: queries.length, first, top3, misses };
    }
  }
  return out;
}

if (process.argv[2] === '--one') {
  const [, , , name, root, generated] = process.argv;
  console.log(JSON.stringify(await measure(name, root, generated === '1')));
  process.exit(0);
}

// ---------------------------------------------------------------------------
// Main: install, then each library on each catalog in a child process.

if (!LIBRARIES.every((l) => existsSync(path.join(HERE, 'node_modules', PACKAGES[l])))) {
  console.log('Installing the libraries into bench/search-libraries/node_modules…');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], { cwd: HERE, stdio: 'inherit' });
}

function duKB(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else total += statSync(p).size;
    }
  };
  walk(dir);
  return total / 1024;
}

const { cachedCatalog } = await import(pathToFileURL(path.join(REPO, 'bench/generate-catalog.mjs')).href);
const sizes = (process.env.COMPARE_SIZES ?? '1000').split(',').map(Number).filter(Boolean);
const one = (name, root, generated) => {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--one', name, root, generated ? '1' : '0'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${name} on ${root}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
};

console.log(`Search libraries on ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; Node ${process.version}\n`);
const versions = Object.fromEntries(LIBRARIES.map((l) => [l, JSON.parse(readFileSync(path.join(HERE, 'node_modules', PACKAGES[l], 'package.json'), 'utf8')).version]));
for (const l of LIBRARIES) console.log(`${l.padEnd(11)} ${versions[l].padEnd(9)} installed ${(duKB(path.join(HERE, 'node_modules', PACKAGES[l])) / 1024).toFixed(1)} MB (unpacked, all builds)`);

console.log('\nRanking on examples/catalog (expected pattern first / in the top 3):');
for (const l of LIBRARIES) {
  const r = one(l, path.join(REPO, 'examples/catalog'), false);
  const t = r['ranking-queries'];
  const h = r['heldout-queries'];
  console.log(`${l.padEnd(11)} test set ${t.first}/${t.total} first, ${t.top3}/${t.total} top 3; held-out set ${h.first}/${h.total} first, ${h.top3}/${h.total} top 3`);
}

for (const size of sizes) {
  const catalog = cachedCatalog(path.join(os.tmpdir(), 'patternbook-bench'), size);
  console.log(`\n${size} generated patterns:`);
  for (const l of LIBRARIES) {
    const r = one(l, catalog.dir, true);
    console.log(`${l.padEnd(11)} index ${(r.buildCpuMs / 1000).toFixed(2)} s CPU (${(r.buildWallMs / 1000).toFixed(2)} s wall), heap ${r.heapMB.toFixed(0)} MB; query median ${r.queryMedianMs.toFixed(2)} ms, p95 ${r.queryP95Ms.toFixed(2)} ms`);
  }
}
