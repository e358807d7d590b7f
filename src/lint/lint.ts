import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { whyNoPattern } from '../catalog/discover.js';
import { repositoryRoot } from '../catalog/links.js';
import { loadPreparedCatalog, prepareCatalog, type PreparedCatalog } from '../catalog/load-catalog.js';
import type { Catalog, LightCatalog, Pattern } from '../catalog/types.js';
import { PatternbookError } from '../diagnostics.js';
import { shallowClone } from '../util/git.js';
import { writeFileAtomic } from '../util/text-file.js';
import { tocInSync } from '../markdown/toc.js';
import { variantKey } from '../template/heading-variants.js';
import { applyEdits, lostLines } from '../util/text-edits.js';
import { VERSION } from '../version.js';
import { lintCatalog, type LintCatalogOptions, type LintCatalogResult } from './engine.js';
import { lintStreaming, lintThreads } from './parallel.js';
import { registry as builtInRules } from './registry.js';
import type { LintFileResult, LintReport } from './result.js';
import type { AnyRule } from './rule-settings.js';
import { LintSession } from './session.js';
import { applyBaseline, baselineOf, baselinePath, readBaseline, writeBaseline } from './baseline.js';

export interface LintOptions {
  /** Catalog root. */
  root: string;
  /** Lint only these files or folders (absolute); default the whole catalog. */
  paths?: string[];
  /** Called with the reason for each path that names no pattern, which is then skipped; without it, such a path is an error. */
  onUnmatchedPath?: (reason: string) => void;
  /** Lint against this template instead of the configured one. */
  templateFile?: string;
  /** Apply safe fixes and write the files (atomically), then report what is left. */
  fix?: boolean;
  /** With `fix`: work out the fixes on a scratch copy of the catalog and return them as a diff (`fixDiff`); nothing is written. */
  dryRun?: boolean;
  /** Run only these rules. */
  only?: string[];
  registry?: readonly AnyRule[];
  docsBase?: string;
  /** Check external URLs (`--external`). */
  external?: boolean;
  /** Where `--external` keeps its answers (default `.patternbook/external-links.json` in the catalog). */
  externalCacheFile?: string;
  /** "Today" for date checks; default the clock. */
  now?: Date;
  /**
   * The catalog's baseline (`patternbook-baseline.json` in the root, or `baselineFile`):
   * `use` (default) leaves its findings out of the report and counts when the file exists;
   * `ignore` reports everything; `write` records every finding of this run (the entries of
   * files not linted this time are kept); `update` drops the entries no finding matches any more.
   */
  baseline?: 'use' | 'ignore' | 'write' | 'update';
  baselineFile?: string;
}

/** `--fix` repeats lint-and-fix until nothing changes, like ESLint, at most this often. */
const MAX_FIX_PASSES = 10;

export const DOCS_BASE = 'https://github.com/patternbook/patternbook/blob/main/docs/rules/';

/** The docs page of a built-in rule. */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/**
 * Lints a catalog already loaded in full with the built-in rules (what
 * `export`, `report`, `migrate` and the language server use).
 */
export function lintLoaded(catalog: Catalog, options: Omit<LintCatalogOptions, 'registry' | 'docsBase'> = {}): Promise<LintCatalogResult> {
  return lintCatalog(catalog, { registry: builtInRules, docsBase: DOCS_BASE, ...options });
}

/**
 * Lints a prepared catalog as a stream with the built-in rules, on worker
 * threads for large catalogs (`session.lanes` > 1). When it runs on this
 * thread alone, each pattern is handed to `onPattern` in full, in catalog
 * order, before it is dropped (the site renders it then); with workers,
 * `onPattern` is not called and the caller reads what it needs itself. The
 * session keeps the catalog as views and the results, and re-lints one edited
 * pattern at a time (`dev`).
 */
export async function lintStream(
  prepared: PreparedCatalog,
  options: { templateFile?: string; onPattern?: (pattern: Pattern) => void | Promise<void> } = {},
): Promise<LintSession> {
  const lanes = lintThreads(prepared.files.length);
  const streamed = await lintStreaming(
    prepared,
    lanes,
    options.templateFile,
    { registry: builtInRules, docsBase: DOCS_BASE },
    lanes === 1 ? options.onPattern : undefined,
  );
  return new LintSession({ ...streamed, registry: builtInRules, docsBase: DOCS_BASE, lanes });
}

/** Loads the catalog, lints it (fixing first when asked) and returns the report. */
export async function lint(options: LintOptions): Promise<LintReport> {
  if (options.fix && options.dryRun) return dryRunFix(options);
  const rules = options.registry ?? builtInRules;
  const run = async (external: boolean, onlyFiles?: ReadonlySet<string>): Promise<LintCatalogResult & { catalog: LightCatalog }> => {
    // The configuration is checked with the rules it may name: every problem of the file at once.
    const prepared = await prepareCatalog({ root: options.root, rules, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
    const lintOptions: LintCatalogOptions = {
      registry: rules,
      docsBase: options.docsBase ?? DOCS_BASE,
      ...(options.only ? { only: options.only } : {}),
      ...(onlyFiles ? { files: onlyFiles } : options.paths ? { files: selectFiles(prepared, options.paths, options.onUnmatchedPath) } : {}),
      flags: {
        external,
        ...(options.externalCacheFile ? { externalCacheFile: options.externalCacheFile } : {}),
        ...(options.now ? { now: options.now } : {}),
      },
    };
    // The built-in rules stream (memory stays small at any size); a custom rule set,
    // which a worker could not import, runs on the catalog in memory.
    if (options.registry) {
      const catalog = await loadPreparedCatalog(prepared);
      return { catalog, ...(await lintCatalog(catalog, lintOptions)) };
    }
    return lintStreaming(prepared, lintThreads(prepared.files.length), options.templateFile, lintOptions);
  };

  const fixed = new Set<string>();
  // Files whose fixes were refused: the line they would have lost.
  const refused = new Map<string, string>();
  if (options.fix) {
    // What each file was fixed for: a fix that comes back after it was applied did not work
    // (the file has a shape the fix cannot mend), and is never applied twice.
    const applied = new Map<string, Set<string>>();
    // What the first pass said of each file's missing sections without inserting them (a warning that
    // names the author's heading that may be it): no later pass, reading the file as the fixes left
    // it, inserts those (a layout moved a level may hide the heading the first pass named).
    const declined = new Map<string, Set<string>>();
    let files: Set<string> | undefined;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      // Web links have no fixes: they are checked once, in the final pass. After the first
      // pass only the files just changed are linted again.
      const { results } = await run(false, files);
      files = new Set();
      for (const result of results) {
        if (pass === 0) declined.set(result.file, new Set(result.diagnostics.filter((d) => !d.fix && MAY_BE_IT.test(d.message)).flatMap((d) => missingName(d) ?? [])));
        const done = applied.get(result.file) ?? new Set<string>();
        if (await writeFixes(result, done, refused, declined.get(result.file))) {
          applied.set(result.file, done);
          fixed.add(result.path);
          files.add(result.file);
        }
      }
      if (files.size === 0) break;
    }
  }

  const { catalog, results, rules: ran } = await run(options.external ?? false);
  for (const result of results) {
    if (fixed.has(result.path)) result.fixed = true;
    const lost = refused.get(result.file);
    if (lost === undefined) continue;
    result.diagnostics.push({
      path: result.path,
      line: 1,
      column: 1,
      ruleId: 'fix',
      severity: 'warning',
      message: `--fix left this file as it was: an edit would have dropped ${JSON.stringify(lost)}. That is a bug of Patternbook's: please report it.`,
    });
    result.warningCount++;
  }
  const report: LintReport = {
    root: catalog.root,
    results,
    errorCount: sum(results, (r) => r.errorCount),
    warningCount: sum(results, (r) => r.warningCount),
    fixableCount: sum(results, (r) => r.fixableCount),
    rules: ran,
    version: VERSION,
  };
  const done = await withBaseline(report, options.baseline ?? 'use', baselinePath(catalog.root, options.baselineFile));
  // (A section missing from a pattern written before its template had it is a warning, told by git
  // history: a shallow clone has none, and CI would fail where the author's machine passes.)
  const missing = done.results.some((r) => r.diagnostics.some((d) => d.ruleId === 'required-section' && d.severity === 'error'));
  return missing && shallowClone(catalog.root) ? { ...done, notes: [SHALLOW_NOTE] } : done;
}

const SHALLOW_NOTE =
  "This repository is a shallow clone (CI checks out one commit by default), so git cannot tell which patterns were written before their template gained a section: a section missing from such a pattern may be an error here and a warning with the whole history. Check out the whole history (actions/checkout with `fetch-depth: 0`) to lint as on the author's machine.";

/**
 * `--fix --dry-run`: the fixes are applied, pass after pass as `--fix` does,
 * to a scratch copy of the catalog (its files only: no `node_modules`, no
 * built site), and what changed is returned as a diff with the report of the
 * catalog as it is. The copy stands at the catalog's own path under the
 * scratch folder, and what is around the catalog up to its repository's root
 * (a template kept in `../proposal-templates/`, the repository's `.git`) is
 * linked there, never copied or written: the configuration's paths out of the
 * catalog read what they read in the catalog itself.
 */
async function dryRunFix(options: LintOptions): Promise<LintReport> {
  const root = path.resolve(options.root);
  const scratch = await mkdtemp(path.join(tmpdir(), 'patternbook-dry-run-'));
  try {
    const mirror = (p: string) => path.join(scratch, 'tree', p.replace(/^([A-Za-z]):/, '$1'));
    const copy = mirror(root);
    const skip = new Set(['.git', 'node_modules', '.patternbook']);
    await cp(root, copy, { recursive: true, filter: (source) => !skip.has(path.basename(source)) || path.dirname(source) !== root });
    const top = repositoryRoot(root) ?? path.dirname(root);
    if (top === root && existsSync(path.join(root, '.git'))) await linkInto(path.join(root, '.git'), path.join(copy, '.git'));
    for (let dir = root; dir !== top && path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      const parent = path.dirname(dir);
      for (const entry of await readdir(parent)) if (entry !== path.basename(dir)) await linkInto(path.join(parent, entry), path.join(mirror(parent), entry));
    }
    const inCopy = (p: string) => {
      const rel = path.relative(root, path.resolve(p));
      return rel.startsWith('..') || path.isAbsolute(rel) ? p : path.join(copy, rel);
    };
    const fixed = await lint({
      ...options,
      root: copy,
      dryRun: false,
      baseline: 'ignore',
      ...(options.paths ? { paths: options.paths.map(inCopy) } : {}),
      ...(options.templateFile ? { templateFile: inCopy(options.templateFile) } : {}),
    });
    const patches: string[] = [];
    for (const result of fixed.results.filter((r) => r.fixed)) {
      const before = await readFile(path.join(root, result.path), 'utf8');
      const after = await readFile(path.join(copy, result.path), 'utf8');
      patches.push(createTwoFilesPatch(`a/${result.path}`, `b/${result.path}`, before, after, '', '', { context: 3 }));
    }
    const report = await lint({ ...options, fix: false, dryRun: false });
    return { ...report, fixDiff: patches.join('') };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A link at `to` to what is at `from` (a junction for a folder on Windows); a file that cannot be linked is copied. */
async function linkInto(from: string, to: string): Promise<void> {
  const folder = (await stat(from).catch(() => undefined))?.isDirectory() ?? false;
  try {
    await symlink(from, to, folder ? 'junction' : 'file');
  } catch {
    if (!folder) await copyFile(from, to).catch(() => undefined);
  }
}

/**
 * Lint results seen through the catalog's baseline, when it has one (what
 * `report` and the site count): the baselined findings taken out, and how many.
 */
export function throughBaseline(root: string, results: LintFileResult[], file?: string): { results: LintFileResult[]; baselined: number } {
  const entries = readBaseline(baselinePath(root, file));
  if (!entries) return { results, baselined: 0 };
  const seen = applyBaseline({ root, results, errorCount: 0, warningCount: 0, fixableCount: 0, rules: [], version: VERSION }, entries);
  return { results: seen.report.results, baselined: seen.baselined };
}

/** The report seen through the catalog's baseline, which `write` and `update` record first. */
async function withBaseline(report: LintReport, mode: NonNullable<LintOptions['baseline']>, file: string): Promise<LintReport> {
  if (mode === 'ignore') return report;
  const known = readBaseline(file);
  if (mode === 'use' && !known) return report;
  let entries = known ?? [];
  let written: number | undefined;
  if (mode === 'write') {
    const linted = new Set(report.results.map((r) => r.path));
    entries = [...entries.filter((e) => !linted.has(e.file)), ...baselineOf(report)];
  }
  const seen = applyBaseline(report, entries);
  if (mode === 'update') {
    // Only what no finding matches any more goes; nothing new comes in.
    const stale = new Map(seen.stale.map((e) => [`${e.rule}\u0000${e.file}\u0000${e.fingerprint}`, e.count]));
    entries = entries.flatMap((e) => {
      const key = `${e.rule}\u0000${e.file}\u0000${e.fingerprint}`;
      const drop = Math.min(stale.get(key) ?? 0, e.count);
      stale.set(key, (stale.get(key) ?? 0) - drop);
      return e.count - drop > 0 ? [{ ...e, count: e.count - drop }] : [];
    });
  }
  if (mode === 'write' || mode === 'update') {
    await writeBaseline(file, entries);
    written = entries.reduce((n, e) => n + e.count, 0);
  }
  const stale = mode === 'update' ? 0 : seen.stale.reduce((n, e) => n + e.count, 0);
  return { ...seen.report, baseline: { file, stale, ...(written !== undefined ? { written } : {}) } };
}

/**
 * Applies a file's fixes to the text it was linted as; refuses (loudly) any
 * edit that would lose a line of the author's text. A file changed on disk
 * since it was linted is left for the next pass.
 */
async function writeFixes(result: LintFileResult, done: Set<string>, refused: Map<string, string>, declined?: ReadonlySet<string>): Promise<boolean> {
  const key = (d: LintFileResult['diagnostics'][number]) => `${d.ruleId}\u0000${d.message}\u0000${d.fix!.text}`;
  const fresh = result.diagnostics.filter((d) => d.fix && !done.has(key(d)) && !declined?.has(missingName(d) ?? ''));
  const fixes = fresh.map((d) => d.fix!);
  if (fixes.length === 0 || result.source === undefined) return false;
  const onDisk = readFileSync(result.file, 'utf8');
  const hadBom = onDisk.charCodeAt(0) === 0xfeff;
  const source = hadBom ? onDisk.slice(1) : onDisk;
  if (source !== result.source) return false;
  const eol = /\r\n|\r|\n/.exec(source)?.[0] ?? '\n';
  const {
    output,
    applied,
    done: appliedEach,
  } = applyEdits(
    source,
    // Fix text may copy source lines: bring every line break to `\n` first, then to the file's own.
    fixes.map((f) => ({ ...f, text: f.text.replace(/\r\n?/g, '\n').replace(/\n/g, eol) })),
  );
  if (applied === 0 || output === source) return false;
  const lost = lostLines(source, output, variantKey);
  if (lost.length > 0) {
    // A fix that would lose the author's text is a bug of Patternbook's: this file is left as it is
    // (said in its results), and the other files are still fixed.
    refused.set(result.file, lost[0]!);
    fresh.forEach((d) => done.add(key(d)));
    return false;
  }
  // A table of contents a tool keeps in step with the headings stays so (a catalog's checks compare them).
  await writeFileAtomic(result.file, (hadBom ? '\uFEFF' : '') + tocInSync(source, output));
  fresh.forEach((d, i) => appliedEach[i] && done.add(key(d)));
  return true;
}

/** A missing section's finding that names a heading of the author's that may be it (`if that is the section, …`). */
const MAY_BE_IT = /\bif that is the section\b/;

/** The section a `required-section` finding says is missing (its `expected` heading, `## Motivation`), by name. */
function missingName(d: LintFileResult['diagnostics'][number]): string | undefined {
  return d.ruleId === 'required-section' && d.expected ? variantKey(d.expected.replace(/^#+\s*/, '')) : undefined;
}

/** Absolute files to lint from the paths given: pattern files, or every pattern under a folder. */
function selectFiles(prepared: PreparedCatalog, paths: string[], onUnmatched?: (reason: string) => void): Set<string> {
  const root = prepared.config.root;
  const chosen = new Set<string>();
  const candidates = [...prepared.files.map((f) => f.file), ...prepared.diagnostics.map((d) => path.join(root, d.path))];
  for (const given of paths.map((p) => path.resolve(p))) {
    const named = candidates.filter((file) => file === given || file.startsWith(given + path.sep));
    for (const file of named) chosen.add(file);
    // A path that names no pattern (the template, an empty folder…) is a usage error, not "no problems in 0 files".
    if (named.length === 0) {
      const { config } = prepared;
      const catalog = { root, patterns: config.patterns, exclude: config.exclude, skipDirs: [path.resolve(root, config.outDir)], template: prepared.template.file };
      const reason = whyNoPattern(given, config.file ? { ...catalog, configFile: config.file } : catalog);
      if (!onUnmatched) throw new PatternbookError(reason);
      onUnmatched(reason);
    }
  }
  return chosen;
}

function sum<T>(items: T[], f: (item: T) => number): number {
  return items.reduce((n, item) => n + f(item), 0);
}
