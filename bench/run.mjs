#!/usr/bin/env node
// `npm run bench`: measures `patternbook lint` against the anchors on the same
// synthetic catalogs, in the same run, and prints the ratios. It reports; it does
// not fail on a missed target. See bench/README.md.
//
// Environment:
//   BENCH_SIZES=1000[,10000]  catalog sizes (default 1000,10000)
//   BENCH_SEED=42             generator seed
//   BENCH_RUNS=1              runs per contender; the median is reported
//   BENCH_KEEP=1              keep the generated catalogs and outputs (and reuse them next time)

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedCatalog, DEFAULT_SEED, DEFAULT_TEMPLATE, readTemplateOutline } from './generate-catalog.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';
const WORK = path.join(os.tmpdir(), 'patternbook-bench');
const RESULTS = path.join(REPO, 'bench', 'results', 'latest.json');

const TARGETS = {
  speedVsMarkdownlint: 10, // patternbook at least 10x faster than markdownlint-cli2 (MD043 only)
  memoryVsMarkdownlint: 0.5, // at most half of markdownlint-cli2's peak RSS
  timeVsReadParse: 2, // within 2x of read + parse with markdown-it
};

// ---------------------------------------------------------------------------
// Settings

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const sizes = (process.env.BENCH_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => s.trim().replace(/_/g, ''))
  .filter(Boolean)
  .map(Number);
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1))
  fail(`BENCH_SIZES must be a comma-separated list of positive integers (got "${process.env.BENCH_SIZES}")`);
const seed = process.env.BENCH_SEED === undefined ? DEFAULT_SEED : Number.isNaN(Number(process.env.BENCH_SEED)) ? process.env.BENCH_SEED : Number(process.env.BENCH_SEED);
const runs = Number(process.env.BENCH_RUNS ?? 1);
if (!Number.isInteger(runs) || runs < 1) fail(`BENCH_RUNS must be a positive integer (got "${process.env.BENCH_RUNS}")`);
const keep = process.env.BENCH_KEEP === '1';

// GNU time gives wall time and the child's peak RSS (ru_maxrss) in one go.
const probe = existsSync(TIME) ? spawnSync(TIME, ['-f', '%e %M', 'true'], { encoding: 'utf8' }) : null;
if (!probe || probe.status !== 0 || !/^\d+(\.\d+)? \d+\s*$/m.test(probe.stderr)) {
  fail(
    `${TIME} (GNU time) is missing or not usable; it measures wall time and peak memory.\n` +
      '       Install it with: apt-get install -y time   (Debian/Ubuntu package "time")',
  );
}
const BIN = path.join(REPO, 'dist', 'cli', 'bin.js');
if (!existsSync(BIN)) fail(`${path.relative(REPO, BIN)} not found: build first (npm run bench does: npm run build && node bench/run.mjs)`);
// How many lanes lint will use for a catalog of a given size (the baseline uses as many).
const { lintThreads } = await import(pathToFileURL(path.join(REPO, 'dist', 'lint', 'parallel.js')).href);

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}
function binOf(name, bin) {
  const dir = path.join(REPO, 'node_modules', name);
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    fail(`${name} is not installed: run npm install`);
  }
  const rel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.[bin ?? name];
  if (!rel) fail(`${name} has no "${bin ?? name}" bin`);
  return path.join(dir, rel);
}

const tools = {
  patternbook: JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version,
  'markdown-it': pkgVersion('markdown-it'),
  'markdownlint-cli2': pkgVersion('markdownlint-cli2'),
  markdownlint: pkgVersion('markdownlint'),
  'remark-cli': pkgVersion('remark-cli'),
  'remark-validate-links': pkgVersion('remark-validate-links'),
};
const MARKDOWNLINT = binOf('markdownlint-cli2');
const REMARK = binOf('remark-cli', 'remark');

// ---------------------------------------------------------------------------
// markdownlint-cli2 configuration: MD043 only, headings from the template

/**
 * MD043's `headings` from the template's outline. MD043 wildcards are whole
 * entries: `?` = exactly one heading of any text and level, `*` = zero or more,
 * `+` = one or more (it skips headings until the next listed one matches). So
 * the H1 title and any heading with a [placeholder] become `?`, and a run of
 * repeatable headings (Step N / Issue N / Version x.y.z) becomes `+`.
 */
function md043Headings(templateFile = DEFAULT_TEMPLATE) {
  return readTemplateOutline(templateFile).outline.map((h) => {
    if (h.repeat) return '+';
    if (h.level === 1 || /\[[^\]]+\]/.test(h.text)) return '?';
    return `${'#'.repeat(h.level)} ${h.text}`;
  });
}

function writeMarkdownlintConfig() {
  const dir = path.join(WORK, 'markdownlint');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.markdownlint-cli2.jsonc');
  const headings = md043Headings();
  const config = { config: { default: false, MD043: { headings } }, noBanner: true, noProgress: true };
  writeFileSync(file, `// Generated by bench/run.mjs from templates/pattern.md\n${JSON.stringify(config, null, 2)}\n`);
  return { file, headings };
}

// ---------------------------------------------------------------------------
// Running one contender

const unknownLint = (stderr) => /unknown command '?lint'?/i.test(stderr);

function countLines(text, re) {
  let n = 0;
  for (const line of text.split('\n')) if (re.test(line)) n++;
  return n;
}

function contenders(catalog, mdlConfig, lanes) {
  return [
    {
      id: 'patternbook',
      label: 'patternbook lint',
      cmd: [process.execPath, BIN, 'lint', catalog, '--format', 'json'],
      cwd: REPO,
      // 1 = problems found (the injected defects), which is expected.
      okCodes: [0, 1],
      unavailable: (r) => r.exitCode === 2 && unknownLint(r.stderr),
      findings: (r) => {
        try {
          const report = JSON.parse(r.stdout);
          return (report.errorCount ?? 0) + (report.warningCount ?? 0);
        } catch {
          return null;
        }
      },
    },
    {
      id: 'readParse',
      label: `read + parse (markdown-it${lanes > 1 ? `, ${lanes} lanes` : ''})`,
      cmd: [process.execPath, path.join(REPO, 'bench', 'read-parse.mjs'), catalog, '--lanes', String(lanes)],
      cwd: REPO,
      okCodes: [0],
      findings: () => null,
    },
    {
      id: 'markdownlint',
      label: 'markdownlint-cli2 (MD043 only)',
      cmd: [process.execPath, MARKDOWNLINT, '*/README.md', '--config', mdlConfig],
      cwd: catalog, // globs are relative to the working folder
      okCodes: [0, 1],
      findings: (r) => countLines(`${r.stdout}\n${r.stderr}`, /\bMD\d{3}\//),
    },
    {
      id: 'remark',
      label: 'remark-cli + validate-links',
      // repository:false: the plugin otherwise runs `git remote -v` and fails every
      // file outside a git repository (the temp catalog is not one).
      cmd: [
        process.execPath,
        REMARK,
        catalog,
        '--use',
        'remark-validate-links=repository:false',
        '--frail',
        '--quiet',
        '--no-config',
        '--no-ignore',
        '--no-stdout',
        '--no-color',
      ],
      cwd: REPO, // plugins resolve from here
      okCodes: [0, 1],
      findings: (r) => countLines(r.stderr, /^\s*\d+:\d+(?:-\d+:\d+)?\s+(?:warning|error)\s/),
    },
  ];
}

function runTimed(cmd, cwd, outBase) {
  const timeFile = `${outBase}.time`;
  const outFile = `${outBase}.stdout`;
  const errFile = `${outBase}.stderr`;
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  return new Promise((resolve) => {
    const child = spawn(TIME, ['-o', timeFile, '-f', '%e %M', ...cmd], {
      cwd,
      stdio: ['ignore', out, err],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    child.on('error', (e) => resolve({ exitCode: null, error: e.message }));
    child.on('close', (code, signal) => resolve({ exitCode: code, signal }));
  }).then((r) => {
    closeSync(out);
    closeSync(err);
    const timeText = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
    const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(timeText.trim());
    const killed = /terminated by signal (\d+)/.exec(timeText);
    return {
      ...r,
      wallSeconds: m ? Number(m[1]) : null,
      peakKiB: m ? Number(m[2]) : null,
      terminatedBySignal: killed ? Number(killed[1]) : null,
      stdout: readFileSync(outFile, 'utf8'),
      stderr: readFileSync(errFile, 'utf8'),
      stdoutFile: outFile,
      stderrFile: errFile,
    };
  });
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function tail(text, n = 20) {
  const lines = text.trimEnd().split('\n');
  return lines
    .slice(-n)
    .map((l) => `      ${l}`)
    .join('\n');
}

async function measure(c, size, outDir) {
  const attempts = [];
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`  ${c.label.padEnd(32)} ${runs > 1 ? `run ${i + 1}/${runs} ` : ''}… `);
    const r = await runTimed(c.cmd, c.cwd, path.join(outDir, `${size}-${c.id}-${i + 1}`));
    if (c.unavailable?.(r)) {
      console.log('not available yet');
      return { status: 'unavailable', exitCode: r.exitCode, message: r.stderr.trim().split('\n')[0] };
    }
    const ok = r.exitCode != null && c.okCodes.includes(r.exitCode) && r.wallSeconds != null;
    if (!ok) {
      console.log(`FAILED (exit ${r.exitCode ?? r.signal ?? r.error}${r.terminatedBySignal ? `, signal ${r.terminatedBySignal}` : ''})`);
      console.log(`    stderr (${r.stderrFile}):\n${tail(r.stderr) || '      (empty)'}`);
      return {
        status: 'failed',
        exitCode: r.exitCode,
        signal: r.terminatedBySignal ?? r.signal ?? null,
        wallSeconds: r.wallSeconds,
        peakMB: r.peakKiB && r.peakKiB / 1024,
        stderrTail: r.stderr.trimEnd().split('\n').slice(-20),
      };
    }
    const findings = c.findings(r);
    console.log(`${r.wallSeconds.toFixed(2)} s, ${(r.peakKiB / 1024).toFixed(1)} MB, exit ${r.exitCode}${findings != null ? `, ${findings} findings` : ''}`);
    attempts.push({ wallSeconds: r.wallSeconds, peakKiB: r.peakKiB, exitCode: r.exitCode, findings, stdout: r.stdout });
  }
  const wallSeconds = median(attempts.map((a) => a.wallSeconds));
  const peakKiB = median(attempts.map((a) => a.peakKiB));
  const last = attempts[attempts.length - 1];
  let extra = {};
  if (c.id === 'readParse') {
    try {
      extra = { parsed: JSON.parse(last.stdout) };
    } catch {
      // not JSON: reported without the parsed figures
    }
  }
  return {
    status: 'ok',
    wallSeconds,
    peakMB: peakKiB / 1024,
    filesPerSecond: size / wallSeconds,
    exitCode: last.exitCode,
    findings: last.findings,
    runs: attempts.map(({ stdout: _stdout, ...a }) => a),
    ...extra,
  };
}

// ---------------------------------------------------------------------------
// Catalogs

function catalogFor(size) {
  return cachedCatalog(WORK, size, seed);
}

// ---------------------------------------------------------------------------
// Report

const fmt = (x, d = 2) => (x == null || !Number.isFinite(x) ? '—' : x.toFixed(d));
const int = (x) => (x == null || !Number.isFinite(x) ? '—' : Math.round(x).toLocaleString('en-US'));

function ratios(res) {
  const pb = res.patternbook;
  const ok = (c) => c?.status === 'ok';
  const r = {
    markdownlintOverPatternbookTime: ok(pb) && ok(res.markdownlint) ? res.markdownlint.wallSeconds / pb.wallSeconds : null,
    patternbookOverMarkdownlintMemory: ok(pb) && ok(res.markdownlint) ? pb.peakMB / res.markdownlint.peakMB : null,
    patternbookOverReadParseTime: ok(pb) && ok(res.readParse) ? pb.wallSeconds / res.readParse.wallSeconds : null,
    remarkOverPatternbookTime: ok(pb) && ok(res.remark) ? res.remark.wallSeconds / pb.wallSeconds : null,
  };
  const met = (v, test) => (v == null ? null : test(v));
  const targets = {
    speed: {
      target: `markdownlint / patternbook time >= ${TARGETS.speedVsMarkdownlint}`,
      value: r.markdownlintOverPatternbookTime,
      met: met(r.markdownlintOverPatternbookTime, (v) => v >= TARGETS.speedVsMarkdownlint),
    },
    memory: {
      target: `patternbook / markdownlint peak memory <= ${TARGETS.memoryVsMarkdownlint}`,
      value: r.patternbookOverMarkdownlintMemory,
      met: met(r.patternbookOverMarkdownlintMemory, (v) => v <= TARGETS.memoryVsMarkdownlint),
    },
    readParse: {
      target: `patternbook / read+parse time <= ${TARGETS.timeVsReadParse}`,
      value: r.patternbookOverReadParseTime,
      met: met(r.patternbookOverReadParseTime, (v) => v <= TARGETS.timeVsReadParse),
    },
  };
  // What patternbook has to stay under at this size, from the anchors measured in this run.
  const budget = {
    seconds: Math.min(
      ...[
        ok(res.markdownlint) ? res.markdownlint.wallSeconds / TARGETS.speedVsMarkdownlint : Infinity,
        ok(res.readParse) ? res.readParse.wallSeconds * TARGETS.timeVsReadParse : Infinity,
      ],
    ),
    peakMB: ok(res.markdownlint) ? res.markdownlint.peakMB * TARGETS.memoryVsMarkdownlint : null,
  };
  if (!Number.isFinite(budget.seconds)) budget.seconds = null;
  return { ratios: r, targets, budget };
}

function printTable(size, catalog, res, list, summary) {
  const mb = catalog.info.markdownBytes / 1e6;
  console.log(`\n${int(size)} patterns — ${fmt(mb, 1)} MB of Markdown, ${catalog.info.defects.length} with an injected defect`);
  const head = ['contender', 'wall s', 'files/s', 'peak MB', 'exit', 'findings'];
  const rows = list.map((c) => {
    const m = res[c.id];
    if (m.status === 'unavailable') return [c.label, '—', '—', '—', String(m.exitCode), 'not available yet'];
    if (m.status === 'failed') return [c.label, fmt(m.wallSeconds), '—', fmt(m.peakMB, 1), String(m.exitCode ?? m.signal), 'FAILED'];
    return [c.label, fmt(m.wallSeconds), int(m.filesPerSecond), fmt(m.peakMB, 1), String(m.exitCode), m.findings == null ? '' : String(m.findings)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  const mark = (t) => (t.met == null ? '–' : t.met ? '✔' : '✖');
  const x = (v) => (v == null ? 'n/a' : `${fmt(v)}×`);
  const { ratios: r, targets: t, budget } = summary;
  console.log('');
  console.log(`  markdownlint / patternbook time     ${x(r.markdownlintOverPatternbookTime).padStart(8)}   target ≥ ${TARGETS.speedVsMarkdownlint}×    ${mark(t.speed)}`);
  console.log(
    `  patternbook / markdownlint memory   ${x(r.patternbookOverMarkdownlintMemory).padStart(8)}   target ≤ ${TARGETS.memoryVsMarkdownlint}×   ${mark(t.memory)}`,
  );
  console.log(`  patternbook / read+parse time       ${x(r.patternbookOverReadParseTime).padStart(8)}   target ≤ ${TARGETS.timeVsReadParse}×     ${mark(t.readParse)}`);
  console.log(`  remark / patternbook time           ${x(r.remarkOverPatternbookTime).padStart(8)}   (for reference)`);
  if (budget.seconds != null || budget.peakMB != null) {
    console.log(`  budget for patternbook lint here: ≤ ${fmt(budget.seconds)} s and ≤ ${fmt(budget.peakMB, 1)} MB peak`);
  }
}

// ---------------------------------------------------------------------------
// Main

let cleanedUp = false;
function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (keep) console.log(`\nkept ${WORK} (BENCH_KEEP=1)`);
  else rmSync(WORK, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  },
  tools,
  seed,
  runsPerContender: runs,
  units: { wallSeconds: 'GNU time %e', peakMB: 'GNU time %M (max RSS) / 1024, i.e. MiB' },
  targets: TARGETS,
  markdownlintHeadings: null,
  sizes: [],
};

let failures = 0;
try {
  mkdirSync(WORK, { recursive: true });
  const outDir = path.join(WORK, 'out');
  mkdirSync(outDir, { recursive: true });
  const mdl = writeMarkdownlintConfig();
  results.markdownlintHeadings = mdl.headings;
  console.log(`patternbook bench — node ${process.version}, ${os.cpus().length} cores, seed ${seed}, ${runs} run(s) per contender, sizes ${sizes.join(', ')}`);
  console.log(`MD043 headings: ${JSON.stringify(mdl.headings)}`);

  for (const size of sizes) {
    console.log(`\n== ${int(size)} patterns`);
    const catalog = catalogFor(size);
    console.log(`  catalog ${catalog.dir} ${catalog.reused ? '(reused)' : `(generated in ${fmt(catalog.seconds, 1)} s)`}`);
    // The baseline parses on as many threads as lint chooses for this size (bench/read-parse.mjs).
    const lanes = lintThreads(size);
    const list = contenders(catalog.dir, mdl.file, lanes);
    const res = {};
    for (const c of list) {
      res[c.id] = await measure(c, size, outDir);
      if (res[c.id].status === 'failed') failures++;
    }
    const summary = ratios(res);
    printTable(size, catalog, res, list, summary);
    results.sizes.push({
      size,
      catalog: { markdownBytes: catalog.info.markdownBytes, defects: catalog.info.defects.length, defectsByKind: countBy(catalog.info.defects, (d) => d.kind) },
      contenders: Object.fromEntries(
        list.map((c) => [
          c.id,
          {
            label: c.label,
            command: c.cmd.map((a) => (a === process.execPath ? 'node' : path.isAbsolute(a) && a.startsWith(REPO) ? path.relative(REPO, a) : a)).join(' '),
            ...res[c.id],
          },
        ]),
      ),
      ...summary,
    });
    // Written after every size, so a long run that is stopped keeps what it measured.
    mkdirSync(path.dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(`\nresults: ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
} finally {
  cleanup();
}
if (failures) {
  console.error(`\nbench: ${failures} contender run(s) failed (see above)`);
  process.exitCode = 1;
}

function countBy(items, key) {
  const out = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return out;
}
