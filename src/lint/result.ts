import type { Diagnostic } from '../diagnostics.js';

/** What lint found in one file. */
export interface LintFileResult {
  /** Path relative to the catalog root, `/` separators. */
  path: string;
  /** Absolute path. */
  file: string;
  slug?: string;
  /** Sorted by line, then column. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Diagnostics that carry a fix. */
  fixableCount: number;
  /** The file's text as linted (for code frames); absent for files that could not be read. */
  source?: string;
  /** Set by `--fix` when the file was rewritten. */
  fixed?: boolean;
  /** Findings of the catalog's baseline left out of `diagnostics` and the counts. */
  baselined?: number;
}

/** Metadata of a rule, as reporters (SARIF, docs) need it. */
export interface RuleInfo {
  id: string;
  description: string;
  severity: 'error' | 'warning';
  fixable: boolean;
  url?: string;
}

export interface LintReport {
  /** Absolute catalog root. */
  root: string;
  /** One entry per linted file (clean files included), sorted by path. */
  results: LintFileResult[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** Every rule that ran, sorted by id. */
  rules: RuleInfo[];
  /** Findings of the catalog's baseline left out of the results and counts (see lint/baseline.ts). */
  baselined?: number;
  /** With `fix` and `dryRun`: what `--fix` would change, as a unified diff ('' when nothing). */
  fixDiff?: string;
  /** The baseline used or written: its file, entries written (`--baseline write|update`), entries no finding matched any more. */
  baseline?: { file: string; written?: number; stale: number };
  /** Patternbook's version, for SARIF's tool.driver. */
  version: string;
  /** What the user should know about the run itself, once (a shallow clone that hides the patterns' ages). */
  notes?: string[];
}

/** A reporter turns a report into text; it never writes or prints itself. */
export type Reporter = (report: LintReport, options: { color: boolean; cwd: string }) => string;
