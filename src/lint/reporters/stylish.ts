import path from 'node:path';
import type { Diagnostic, Severity } from '../../diagnostics.js';
import type { LintReport, Reporter } from '../result.js';

/**
 * The default, human format: problems grouped by file, aligned columns, and
 * under each problem the source line with a caret, so most problems can be
 * understood without opening the file.
 *
 * ```
 * patterns/retry/README.md
 *    3:1   error    Missing required section "Context"  required-section
 *          | ## Contex
 *          | ^~~~~~~~~
 *
 * ✖ 1 problem (1 error, 0 warnings)
 * ```
 */
export const stylish: Reporter = (report, { color, cwd }) => {
  const paint = painter(color);
  const blocks: string[] = [];
  for (const result of report.results) {
    if (result.diagnostics.length === 0) continue;
    const lines = result.source === undefined ? undefined : splitLines(result.source);
    const heading = paint.bold(path.relative(cwd, path.resolve(report.root, result.path)) || result.path);
    blocks.push([heading, ...formatRows(result.diagnostics, lines, paint)].join('\n'));
  }
  blocks.push(summary(report, paint));
  return blocks.join('\n\n');
};

const SEVERITY_WIDTH = 'warning'.length;
/** Past this width rule ids stop lining up rather than pushing every row far right. */
const MAX_MESSAGE_WIDTH = 72;
/** Longest source excerpt in a code frame, in characters. */
const MAX_FRAME_WIDTH = 100;
const TAB_WIDTH = 4;

function formatRows(diagnostics: Diagnostic[], lines: string[] | undefined, paint: Painter): string[] {
  const lineWidth = Math.max(...diagnostics.map((d) => String(d.line).length));
  const columnWidth = Math.max(...diagnostics.map((d) => String(d.column).length));
  const messages = diagnostics.map((d) => oneLine(d.message));
  const messageWidth = Math.min(MAX_MESSAGE_WIDTH, Math.max(...messages.map(width)));
  // Frames start under the severity column, so they never hide the position.
  const frameIndent = ' '.repeat(2 + lineWidth + 1 + columnWidth + 2);
  const rows: string[] = [];
  diagnostics.forEach((d, i) => {
    // Line numbers right-aligned and columns left-aligned keep the colons in one column.
    const position = `${String(d.line).padStart(lineWidth)}:${String(d.column).padEnd(columnWidth)}`;
    const severity = paint.severity(d.severity, d.severity) + ' '.repeat(SEVERITY_WIDTH - d.severity.length);
    const message = messages[i] ?? '';
    const padding = ' '.repeat(Math.max(0, messageWidth - width(message)));
    rows.push(`  ${position}  ${severity}  ${message}${padding}  ${paint.dim(d.ruleId)}`);
    const sourceLine = lines?.[d.line - 1];
    if (sourceLine !== undefined) {
      const frame = codeFrame(sourceLine, d);
      rows.push(`${frameIndent}${paint.dim(`| ${frame.text}`)}`.trimEnd());
      const marks = frame.marker.trimStart();
      rows.push(`${frameIndent}${paint.dim('| ')}${' '.repeat(frame.marker.length - marks.length)}${paint.severity(d.severity, marks)}`);
    }
  });
  return rows;
}

/** The source line (windowed when very long) and the `^~~~` marker under the diagnostic's range. */
export function codeFrame(sourceLine: string, d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): { text: string; marker: string } {
  const line = sanitize(sourceLine);
  const chars = Array.from(expandTabs(line));
  // Positions are counted on the tab-expanded text so the caret lands under the right character.
  const start = width(expandTabs(line.slice(0, Math.max(0, d.column - 1))));
  const sameLine = d.endColumn !== undefined && (d.endLine === undefined || d.endLine === d.line);
  const end = sameLine ? width(expandTabs(line.slice(0, Math.max(0, (d.endColumn ?? 0) - 1)))) : start;
  let from = 0;
  let to = chars.length;
  if (chars.length > MAX_FRAME_WIDTH) {
    from = start < MAX_FRAME_WIDTH - 20 ? 0 : Math.min(start - 30, chars.length - MAX_FRAME_WIDTH);
    to = from + MAX_FRAME_WIDTH;
  }
  const head = from > 0 ? '…' : '';
  const text = head + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
  const length = Math.max(1, Math.min(end, to) - start);
  const marker = ' '.repeat(start - from + head.length) + '^' + '~'.repeat(length - 1);
  return { text: text.trimEnd(), marker };
}

function summary(report: LintReport, paint: Painter): string {
  const problems = report.errorCount + report.warningCount;
  const notes = report.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'info').length, 0);
  const noteText = notes > 0 ? plural(notes, 'note') : '';
  const baselined = report.baselined ? `${plural(report.baselined, 'finding')} of the baseline not shown` : '';
  if (problems === 0) {
    const files = plural(report.results.length, 'file');
    const extra = [noteText, baselined].filter(Boolean).join('; ');
    return paint.green(`✔ No problems in ${files}${extra ? ` (${extra})` : ''}`);
  }
  const counts = [plural(report.errorCount, 'error'), plural(report.warningCount, 'warning'), ...(noteText ? [noteText] : [])];
  // (A missing section --fix inserts for the author to write is not fixed by it: said apart.)
  const toWrite = report.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.fix?.toWrite).length, 0);
  const fixable = [
    ...(report.fixableCount > 0 ? [`${report.fixableCount} fixable with --fix`] : []),
    ...(toWrite > 0 ? [`${plural(toWrite, 'missing section')} --fix inserts for you to write`] : []),
  ]
    .map((s) => `, ${s}`)
    .join('');
  const text = `✖ ${plural(problems, 'problem')} (${counts.join(', ')})${fixable}`;
  const line = paint.bold(report.errorCount > 0 ? paint.red(text) : paint.yellow(text));
  return baselined ? `${line}\n${paint.dim(`${baselined} (patternbook lint --baseline ignore shows them)`)}` : line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Same line breaks as the parser's LineIndex, so `line` names the same line here. */
function splitLines(source: string): string[] {
  return source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** A table row must stay one row; a message may quote text with line breaks. */
function oneLine(message: string): string {
  return sanitize(message.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').replace(/\t/g, ' '));
}

/**
 * File text and messages quoting it are untrusted: an escape character in a
 * pattern must not be able to drive the reader's terminal. One character in,
 * one out, so columns still line up.
 */
function sanitize(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g, '\uFFFD');
}

function expandTabs(text: string): string {
  let out = '';
  let column = 0;
  for (const char of text) {
    if (char === '\t') {
      const spaces = TAB_WIDTH - (column % TAB_WIDTH);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += char;
      column++;
    }
  }
  return out;
}

/** Characters as a terminal counts them, roughly: code points, not UTF-16 units. */
function width(text: string): number {
  return Array.from(text).length;
}

interface Painter {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  severity(severity: Severity, s: string): string;
}

function painter(on: boolean): Painter {
  const wrap = (open: number, close: number) => (s: string) => (on && s !== '' ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  const red = wrap(31, 39);
  const yellow = wrap(33, 39);
  const cyan = wrap(36, 39);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red,
    yellow,
    green: wrap(32, 39),
    severity: (severity, s) => (severity === 'error' ? red(s) : severity === 'warning' ? yellow(s) : cyan(s)),
  };
}
