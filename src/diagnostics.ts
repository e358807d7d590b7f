/**
 * The one shape every problem takes, from a file that cannot be read to a
 * lint finding: 1-based lines and columns, in the spirit of vfile-message and
 * ESLint so reporters (stylish, JSON, SARIF, GitHub) need no translation.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path of the file, relative to the catalog root when inside it (POSIX separators). */
  path: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Rule or source id, e.g. `file-read`, `front-matter`, `config`, `required-section`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** A fatal diagnostic means the file could not be loaded at all. */
  fatal?: boolean;
  url?: string;
  expected?: string;
  actual?: string;
  /** A safe edit that resolves the problem: replace source offsets `[start, end)` with `text`. */
  fix?: Fix;
}

export interface Fix {
  /** 0-based offsets into the file's text (after any byte-order mark). */
  range: [number, number];
  text: string;
  /**
   * What it inserts is for the author to write (a missing section's heading and the template's notes
   * for it): the finding gives way to another (the section is empty) until it is written, so it is
   * not counted as fixable.
   */
  toWrite?: true;
}

export function fatal(file: string, ruleId: string, message: string, line = 1, column = 1): Diagnostic {
  return { path: file, line, column, ruleId, severity: 'error', message, fatal: true };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Raised for usage and configuration problems; the CLI turns it into exit code 2. */
export class PatternbookError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'PatternbookError';
  }
}
