import type { Diagnostic } from '../../diagnostics.js';
import type { LintFileResult, Reporter } from '../result.js';

/**
 * The report for scripts and other tools. Objects are built key by key (not
 * spread from the engine's objects) so the key order is fixed and fields the
 * engine adds later, such as `source` or absolute paths, never leak into a
 * format others parse.
 */
export const json: Reporter = (report) =>
  JSON.stringify(
    {
      version: report.version,
      root: report.root,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      fixableCount: report.fixableCount,
      // (Missing sections `--fix` inserts for the author to write: not fixed by it, so not fixable.)
      toWriteCount: report.results.reduce((n, r) => n + toWrite(r), 0),
      results: report.results.map(fileJson),
    },
    null,
    2,
  );

function fileJson(result: LintFileResult) {
  return {
    file: result.path,
    ...(result.slug !== undefined ? { slug: result.slug } : {}),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableCount: result.fixableCount,
    toWriteCount: toWrite(result),
    ...(result.fixed ? { fixed: true } : {}),
    diagnostics: result.diagnostics.map(diagnosticJson),
  };
}

function diagnosticJson(d: Diagnostic) {
  return {
    file: d.path,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    ...(d.fatal ? { fatal: true } : {}),
    ...(d.url !== undefined ? { url: d.url } : {}),
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.actual !== undefined ? { actual: d.actual } : {}),
    ...(d.fix ? { fix: { range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text, ...(d.fix.toWrite ? { toWrite: true } : {}) } } : {}),
  };
}

/** The file's findings whose fix inserts a missing section for the author to write (`fix.toWrite`). */
function toWrite(result: LintFileResult): number {
  return result.diagnostics.filter((d) => d.fix?.toWrite).length;
}
