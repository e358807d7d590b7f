#!/usr/bin/env node
// The real-catalog bench (`npm run bench:real`): runs the built CLI on real public
// catalogs kept outside the repository and prints, per catalog, the files, the
// errors and warnings by rule, the files that failed to load, and lint and build
// times. Nothing of those catalogs is committed: point the bench at a folder that
// holds them.
//
//   PATTERNBOOK_REAL_CATALOGS=/path/to/catalogs npm run bench:real
//
// Each subfolder of that folder is one catalog, with its own Patternbook
// configuration file at its root (the one a user would write: template path,
// `patterns` globs, exclude). The catalogs are never written to: the site is built
// into a temporary folder, and `--fix` (REAL_FIX=1) runs on a temporary copy.
//
// Environment:
//   PATTERNBOOK_REAL_CATALOGS  the folder of catalogs (required)
//   REAL_ONLY=a,b              only these catalogs (subfolder names)
//   REAL_BUILD=0               skip the site build
//   REAL_FIX=1                 also run `lint --fix` on a temporary copy: files changed, lines
//                              added and removed, and errors / warnings after the fix
//   REAL_TIMEOUT=900           seconds allowed per command (default 900)
//   REAL_JSON=file             also write every measurement as JSON to this file
//   REAL_KEEP=1                keep the temporary sites, copies and outputs (their folder is printed)
//
// It reports; it exits 1 only when no catalog could be measured at all, 2 on a
// usage error. A catalog whose command fails or times out prints its error and the
// table goes on with the others.

import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, lstatSync, mkdtempSync, openSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(REPO, 'dist', 'cli', 'bin.js');
const CONFIG_FILES = ['patternbook.config.json', 'patternbook.config.yaml', 'patternbook.config.yml'];
// Never copied for the --fix run: history and dependencies are not the catalog's text.
const SKIP_IN_COPY = new Set(['.git', 'node_modules', '_site', '.patternbook']);

const root = process.env.PATTERNBOOK_REAL_CATALOGS;
if (!root) {
  console.error('bench:real: set PATTERNBOOK_REAL_CATALOGS to a folder whose subfolders are catalogs, each with its patternbook.config.* file.');
  process.exit(2);
}
if (!existsSync(root) || !statSync(root).isDirectory()) {
  console.error(`bench:real: PATTERNBOOK_REAL_CATALOGS=${root} is not a folder.`);
  process.exit(2);
}
if (!existsSync(BIN)) {
  console.error('bench:real: dist/cli/bin.js not found: run `npm run build` first.');
  process.exit(2);
}
const only = process.env.REAL_ONLY
  ? new Set(
      process.env.REAL_ONLY.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
  : undefined;
const withBuild = process.env.REAL_BUILD !== '0';
const withFix = process.env.REAL_FIX === '1';
const timeoutMs = Number(process.env.REAL_TIMEOUT ?? 900) * 1000;
const keep = process.env.REAL_KEEP === '1';
const work = mkdtempSync(path.join(os.tmpdir(), 'patternbook-real-'));

const isFolder = (p) => {
  try {
    return statSync(p).isDirectory(); // follows a symbolic link to a catalog kept elsewhere
  } catch {
    return false;
  }
};
const catalogs = readdirSync(root)
  .filter((name) => !name.startsWith('.') && (!only || only.has(name)) && isFolder(path.join(root, name)))
  .sort();
if (only) for (const name of only) if (!catalogs.includes(name)) console.error(`bench:real: no catalog "${name}" under ${root}`);
if (catalogs.length === 0) {
  console.error(`bench:real: no catalog folders under ${root}.`);
  process.exit(2);
}

/** Runs the CLI in `cwd`; output goes to files (a large catalog's JSON report is tens of MB). */
function cli(name, step, args, cwd) {
  const out = path.join(work, `${name}.${step}.out`);
  const err = path.join(work, `${name}.${step}.err`);
  const fdOut = openSync(out, 'w');
  const fdErr = openSync(err, 'w');
  const started = process.hrtime.bigint();
  let res;
  try {
    res = spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      stdio: ['ignore', fdOut, fdErr],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      env: { ...process.env, NO_COLOR: '1' },
    });
  } finally {
    closeSync(fdOut);
    closeSync(fdErr);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = readFileSync(err, 'utf8');
  let failure;
  if (res.error?.code === 'ETIMEDOUT' || res.signal === 'SIGKILL') failure = `timed out after ${timeoutMs / 1000} s`;
  else if (res.error) failure = res.error.message;
  else if (res.signal) failure = `killed by ${res.signal}`;
  // Exit 0 (clean) and 1 (problems found, or files that did not load) are results; 2 is a usage or configuration error.
  else if (res.status !== 0 && res.status !== 1) failure = `exit ${res.status}: ${firstLines(stderr) || firstLines(readFileSync(out, 'utf8'))}`;
  return { status: res.status, seconds, out, stderr, failure };
}

function firstLines(text, n = 3) {
  return text.trim().split('\n').slice(0, n).join(' / ').slice(0, 400);
}

/** Counts of a JSON lint report: by rule and severity, files that failed to load. */
function summarize(reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const byRule = {};
  const failed = [];
  for (const result of report.results) {
    for (const d of result.diagnostics) {
      const entry = (byRule[d.ruleId] ??= { errors: 0, warnings: 0 });
      if (d.severity === 'error') entry.errors++;
      else entry.warnings++;
      if (d.fatal) failed.push(`${d.file}:${d.line}  ${d.message}`);
    }
  }
  return { files: report.results.length, errors: report.errorCount, warnings: report.warningCount, fixable: report.fixableCount ?? 0, byRule, failed };
}

/**
 * A real copy of the catalog for `--fix` to write into. The catalog folder may be a
 * symbolic link to where the catalog is kept: copy from its real path, and refuse to go
 * on unless the copy is a real folder of its own (a linked copy would let --fix write
 * into the user's catalog).
 */
function copyCatalog(from, to) {
  const real = realpathSync(from);
  cpSync(real, to, { recursive: true, filter: (src) => src === real || !SKIP_IN_COPY.has(path.basename(src)), verbatimSymlinks: true });
  if (lstatSync(to).isSymbolicLink() || realpathSync(to) === real) throw new Error(`could not make a separate copy of ${from} for --fix`);
}

/** Lines added and removed by --fix: each changed file compared with the original, by line multiset (cheap and order-blind). */
function fixDelta(original, fixed, files) {
  let changed = 0;
  let added = 0;
  let removed = 0;
  for (const file of files) {
    const a = path.join(original, file);
    const b = path.join(fixed, file);
    if (!existsSync(a) || !existsSync(b)) continue;
    const before = readFileSync(a, 'utf8');
    const after = readFileSync(b, 'utf8');
    if (before === after) continue;
    changed++;
    const count = new Map();
    for (const line of before.split('\n')) count.set(line, (count.get(line) ?? 0) + 1);
    for (const line of after.split('\n')) {
      const n = count.get(line) ?? 0;
      if (n > 0) count.set(line, n - 1);
      else added++;
    }
    for (const n of count.values()) removed += n;
  }
  return { changed, added, removed };
}

function configOf(dir) {
  const found = CONFIG_FILES.find((f) => existsSync(path.join(dir, f)));
  if (found) return found;
  try {
    if (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).patternbook) return 'package.json';
  } catch {
    // no package.json, or not JSON: no configuration there
  }
  return undefined;
}

const rows = [];
for (const name of catalogs) {
  const dir = realpathSync(path.resolve(root, name));
  const row = { name, config: configOf(dir) ?? '(none: defaults)' };
  rows.push(row);
  process.stderr.write(`bench:real: ${name}: lint…`);
  try {
    const lint = cli(name, 'lint', ['lint', '--format', 'json'], dir);
    row.lintSeconds = lint.seconds;
    if (lint.failure) throw new Error(`lint ${lint.failure}`);
    Object.assign(row, summarize(lint.out));

    if (withBuild) {
      process.stderr.write(' build…');
      const site = path.join(work, `${name}-site`);
      const build = cli(name, 'build', ['build', '--out', site], dir);
      row.buildSeconds = build.seconds;
      if (build.failure) row.buildError = build.failure;
      else row.builtPages = /(\d[\d,]*) pattern pages/.exec(readFileSync(build.out, 'utf8'))?.[1]?.replace(/,/g, '');
      if (!keep) rmSync(site, { recursive: true, force: true });
    }

    if (withFix) {
      process.stderr.write(' fix…');
      const copy = path.join(work, `${name}-fixed`);
      copyCatalog(dir, copy);
      const fix = cli(name, 'fix', ['lint', '--fix', '--format', 'json'], copy);
      row.fixSeconds = fix.seconds;
      if (fix.failure) row.fixError = fix.failure;
      else {
        const after = summarize(fix.out);
        const files = JSON.parse(readFileSync(lint.out, 'utf8')).results.map((r) => r.file);
        row.fix = { ...fixDelta(dir, copy, files), errorsAfter: after.errors, warningsAfter: after.warnings, byRuleAfter: after.byRule };
      }
      if (!keep) rmSync(copy, { recursive: true, force: true });
    }
  } catch (err) {
    row.error = err instanceof Error ? err.message : String(err);
  }
  process.stderr.write(row.error ? ` failed\n` : ' done\n');
}

// ---- report ------------------------------------------------------------------------------------

const fmt = (n) => (n === undefined ? '–' : n.toLocaleString('en-US'));
const secs = (s) => (s === undefined ? '–' : `${s.toFixed(1)} s`);
/** A Markdown table (to paste into the README); the first `text` columns are left-aligned, numbers right. */
const table = (header, body, text = 1) => {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < text ? '---' : '---:')).join('|')}|`];
  for (const r of body) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
};

let commit = '';
try {
  commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
} catch {
  // not a git checkout
}
console.log(`\nReal catalogs under ${root} — Patternbook ${commit || '(no git)'}, ${os.cpus().length} cores, Node ${process.version}\n`);

const header = [
  'catalog',
  'config',
  'files',
  'failed to load',
  'errors',
  'warnings',
  'fixable',
  'lint',
  ...(withBuild ? ['build', 'pages'] : []),
  ...(withFix ? ['fix', 'fix: files / +lines / −lines', 'errors after fix'] : []),
];
console.log(
  table(
    header,
    rows.map((r) => [
      r.name,
      r.config,
      fmt(r.files),
      fmt(r.failed?.length),
      fmt(r.errors),
      fmt(r.warnings),
      fmt(r.fixable),
      secs(r.lintSeconds),
      ...(withBuild ? [r.buildError ? 'failed' : secs(r.buildSeconds), r.buildError ? '–' : fmt(r.builtPages === undefined ? undefined : Number(r.builtPages))] : []),
      ...(withFix
        ? [
            r.fixError ? 'failed' : secs(r.fixSeconds),
            r.fix ? `${fmt(r.fix.changed)} / +${fmt(r.fix.added)} / −${fmt(r.fix.removed)}` : '–',
            r.fix ? fmt(r.fix.errorsAfter) : '–',
          ]
        : []),
    ]),
    2,
  ),
);

const measured = rows.filter((r) => r.byRule);
const rules = [...new Set(measured.flatMap((r) => Object.keys(r.byRule)))].sort();
if (rules.length > 0) {
  console.log('\nFindings by rule (errors e, warnings w):\n');
  const cell = (c) => (c ? [c.errors ? `${fmt(c.errors)}e` : '', c.warnings ? `${fmt(c.warnings)}w` : ''].filter(Boolean).join(' ') : '');
  console.log(
    table(
      ['rule', ...measured.map((r) => r.name)],
      rules.map((rule) => [rule, ...measured.map((r) => cell(r.byRule[rule]))]),
    ),
  );
}

if (withFix && measured.some((r) => r.fix)) {
  const fixRules = [...new Set(measured.flatMap((r) => [...Object.keys(r.byRule), ...Object.keys(r.fix?.byRuleAfter ?? {})]))].sort();
  console.log('\nErrors by rule before → after `lint --fix` (a fix that adds errors made a file worse):\n');
  const delta = (r, rule) => {
    const before = r.byRule[rule]?.errors ?? 0;
    const after = r.fix?.byRuleAfter[rule]?.errors ?? 0;
    return before === after ? (before ? fmt(before) : '') : `${fmt(before)} → ${fmt(after)}`;
  };
  console.log(
    table(
      ['rule', ...measured.map((r) => r.name)],
      fixRules.map((rule) => [rule, ...measured.map((r) => delta(r, rule))]).filter((cells) => cells.slice(1).some(Boolean)),
    ),
  );
}

const problems = rows.filter((r) => r.error || r.buildError || r.fixError || r.failed?.length);
if (problems.length > 0) {
  console.log('\nFailures:\n');
  for (const r of problems) {
    if (r.error) console.log(`- ${r.name}: ${r.error}`);
    if (r.buildError) console.log(`- ${r.name}: build ${r.buildError}`);
    if (r.fixError) console.log(`- ${r.name}: lint --fix ${r.fixError}`);
    for (const f of (r.failed ?? []).slice(0, 10)) console.log(`- ${r.name}: did not load: ${f}`);
    if ((r.failed?.length ?? 0) > 10) console.log(`- ${r.name}: … and ${r.failed.length - 10} more files that did not load`);
  }
}

if (process.env.REAL_JSON) writeFileSync(process.env.REAL_JSON, `${JSON.stringify({ root, commit, rows }, null, 2)}\n`);
if (keep) console.log(`\nOutputs kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = measured.length === 0 ? 1 : 0;
