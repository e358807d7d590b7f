import path from 'node:path';
import { loadPreparedCatalog, prepareCatalog, type PreparedCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../catalog/types.js';
import { PatternbookError } from '../diagnostics.js';
import { writeFileAtomic } from '../util/text-file.js';
import { VERSION } from '../version.js';
import { applyFixes } from './apply-fixes.js';
import { lintCatalog, type LintCatalogOptions, type LintCatalogResult } from './engine.js';
import { lintStreaming, lintThreads } from './parallel.js';
import { RuleSettings } from './rule-settings.js';
import { registry as builtInRules } from './registry.js';
import type { LintFileResult, LintReport } from './result.js';
import type { AnyRule } from './rule-settings.js';

export interface LintOptions {
  /** Catalog root. */
  root: string;
  /** Lint only these files or folders (absolute); default the whole catalog. */
  paths?: string[];
  /** Lint against this template instead of the configured one. */
  templateFile?: string;
  /** Apply safe fixes and write the files (atomically), then report what is left. */
  fix?: boolean;
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
}

/** `--fix` repeats lint-and-fix until nothing changes, like ESLint, at most this often. */
const MAX_FIX_PASSES = 10;

export const DOCS_BASE = 'https://github.com/patternbook/patternbook/blob/main/docs/rules/';

/** Loads the catalog, lints it (fixing first when asked) and returns the report. */
export async function lint(options: LintOptions): Promise<LintReport> {
  const rules = options.registry ?? builtInRules;
  const run = async (external: boolean): Promise<LintCatalogResult & { catalog: Catalog }> => {
    const prepared = await prepareCatalog({ root: options.root, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
    const lintOptions: LintCatalogOptions = {
      registry: rules,
      docsBase: options.docsBase ?? DOCS_BASE,
      ...(options.only ? { only: options.only } : {}),
      ...(options.paths ? { files: selectFiles(prepared, options.paths) } : {}),
      flags: {
        external,
        ...(options.externalCacheFile ? { externalCacheFile: options.externalCacheFile } : {}),
        ...(options.now ? { now: options.now } : {}),
      },
    };
    // Rule settings are checked here first, so a configuration error is reported as one.
    new RuleSettings(rules, prepared.config);
    // The built-in rules stream (memory stays small at any size); a custom rule set,
    // which a worker could not import, runs on the catalog in memory.
    if (options.registry) {
      const catalog = await loadPreparedCatalog(prepared);
      return { catalog, ...(await lintCatalog(catalog, lintOptions)) };
    }
    return lintStreaming(prepared, lintThreads(prepared.files.length), options.templateFile, lintOptions);
  };

  const fixed = new Set<string>();
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      // Web links have no fixes: they are checked once, in the final pass.
      const { catalog, results } = await run(false);
      let changed = 0;
      for (const result of results) {
        if (await writeFixes(catalog, result)) {
          fixed.add(result.file);
          changed++;
        }
      }
      if (changed === 0) break;
    }
  }

  const { catalog, results, rules: ran } = await run(options.external ?? false);
  for (const result of results) if (fixed.has(result.file)) result.fixed = true;
  return {
    root: catalog.root,
    results,
    errorCount: sum(results, (r) => r.errorCount),
    warningCount: sum(results, (r) => r.warningCount),
    fixableCount: sum(results, (r) => r.fixableCount),
    rules: ran,
    version: VERSION,
  };
}

/** Applies a file's fixes; refuses (loudly) any edit that would lose a line of the author's text. */
async function writeFixes(catalog: Catalog, result: LintFileResult): Promise<boolean> {
  const pattern = catalog.patterns.find((p) => p.path === result.file);
  const fixes = result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  if (!pattern || fixes.length === 0) return false;
  const doc = pattern.document;
  const eol = doc.lineEnding;
  const { output, applied } = applyFixes(
    doc.source,
    // Fix text may copy source lines: bring every line break to `\n` first, then to the file's own.
    fixes.map((f) => ({ ...f, text: f.text.replace(/\r\n?/g, '\n').replace(/\n/g, eol) })),
  );
  if (applied === 0 || output === doc.source) return false;
  const lost = lostLines(doc.source, output);
  if (lost.length > 0) {
    throw new PatternbookError(`Refusing to fix ${result.file}: the edit would drop ${JSON.stringify(lost[0])}. Nothing was written; please report this.`, 2);
  }
  await writeFileAtomic(pattern.file, (doc.hadBom ? '\uFEFF' : '') + output);
  return true;
}

/** Lines of `before` (heading markers aside) that no longer appear in `after`. */
export function lostLines(before: string, after: string): string[] {
  const key = (line: string) => line.replace(/^\s{0,3}#{1,6}(?=\s|$)/, '').trim();
  const remaining = new Map<string, number>();
  for (const line of after.split(/\r\n|\r|\n/)) {
    const k = key(line);
    if (k) remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const lost: string[] = [];
  for (const line of before.split(/\r\n|\r|\n/)) {
    const k = key(line);
    if (!k) continue;
    const n = remaining.get(k) ?? 0;
    if (n === 0) lost.push(line);
    else remaining.set(k, n - 1);
  }
  return lost;
}

/** Absolute files to lint from the paths given: pattern files, or every pattern under a folder. */
function selectFiles(prepared: PreparedCatalog, paths: string[]): Set<string> {
  const root = prepared.config.root;
  const chosen = new Set<string>();
  const candidates = [...prepared.files.map((f) => f.file), ...prepared.diagnostics.map((d) => path.join(root, d.file))];
  for (const given of paths.map((p) => path.resolve(p))) {
    for (const file of candidates) if (file === given || file.startsWith(given + path.sep)) chosen.add(file);
  }
  return chosen;
}

function sum<T>(items: T[], f: (item: T) => number): number {
  return items.reduce((n, item) => n + f(item), 0);
}
