import path from 'node:path';
import type { Diagnostic, Severity } from '../../diagnostics.js';
import type { Reporter } from '../result.js';

/**
 * GitHub Actions workflow commands: each line becomes an annotation on the
 * file and line in the run's summary and the pull request's diff.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export const github: Reporter = (report, { cwd }) =>
  report.results.flatMap((result) => result.diagnostics.map((d) => annotation(d, path.resolve(report.root, d.path), cwd))).join('\n');

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function annotation(d: Diagnostic, absolutePath: string, cwd: string): string {
  // GitHub resolves `file` against the checkout, which is where the workflow runs us from.
  const file = path.relative(cwd, absolutePath).split(path.sep).join('/');
  const properties: [string, string | number | undefined][] = [
    ['file', file],
    ['line', d.line],
    ['col', d.column],
    ['endLine', d.endLine],
    ['endColumn', d.endColumn],
    ['title', d.ruleId],
  ];
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMAND[d.severity]} ${list}::${escapeData(d.message)}`;
}

/** The runner's own unescaping (actions/toolkit `command.ts`) undoes exactly these. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `:` and `,` would end a property value early. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
