import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PatternbookError, type Diagnostic } from '../diagnostics.js';
import { fileSystemError } from '../util/fs-errors.js';
import { writeFileAtomic } from '../util/text-file.js';
import type { LintFileResult, LintReport } from './result.js';

/**
 * A baseline: the findings a catalog had when it adopted Patternbook (or a
 * new rule, or a new template section), recorded so that only new findings
 * count. How a team adopts a linter on a catalog of hundreds of patterns:
 * record today's findings once, commit the file, and fail CI on new ones
 * while the old ones are worked down.
 *
 * Each entry is a rule, a file and a fingerprint of the finding that
 * survives line shifts: the message with its numbers taken out, and the text
 * of the line it points at. Entries are counted, so two identical findings
 * in one file need two entries.
 */
export const BASELINE_FILE = 'patternbook-baseline.json';

const entrySchema = z.strictObject({
  rule: z.string(),
  file: z.string(),
  fingerprint: z.string(),
  /** For people reading the file: the message when it was recorded. */
  message: z.string().optional(),
  count: z.number().int().positive().default(1),
});

const baselineSchema = z.strictObject({
  format: z.literal('patternbook-baseline'),
  version: z.literal(1),
  findings: z.array(entrySchema),
});

export type BaselineEntry = z.infer<typeof entrySchema>;

/** The fingerprint of a finding: its rule, file, message without numbers, and the words of the line it points at. */
export function fingerprint(d: Diagnostic, source: string | undefined): string {
  const message = d.message.replace(/\d+/g, '#');
  const lines = source?.split(/\r\n|\r|\n/) ?? [];
  const line = lines[d.line - 1]?.trim().replace(/\s+/g, ' ') ?? '';
  return createHash('sha256').update(`${d.ruleId}\u0000${d.path}\u0000${message}\u0000${line}`).digest('hex').slice(0, 16);
}

/** The baseline of a report: every finding but the files that could not be read. */
export function baselineOf(report: Pick<LintReport, 'results'>): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const result of report.results) {
    for (const d of result.diagnostics) {
      if (d.fatal) continue;
      const entry = { rule: d.ruleId, file: result.path, fingerprint: fingerprint({ ...d, path: result.path }, result.source), message: d.message };
      const key = `${entry.rule}\u0000${entry.file}\u0000${entry.fingerprint}`;
      const known = counts.get(key);
      if (known) known.count++;
      else counts.set(key, { ...entry, count: 1 });
    }
  }
  return sortEntries([...counts.values()]);
}

/** File, then rule, then fingerprint: the same findings always give the same file (and small diffs). */
function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
}

/** Reads a baseline file; `undefined` when there is none. A file that is no baseline is an error naming it. */
export function readBaseline(file: string): BaselineEntry[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileSystemError(err, 'read', file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PatternbookError(`${file} is not valid JSON (${(err as Error).message}): write it again with \`patternbook lint --baseline write\`.`);
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PatternbookError(
      `${file} is not a Patternbook baseline (${issue.path.join('.') || 'top level'}: ${issue.message}): write it again with \`patternbook lint --baseline write\`.`,
    );
  }
  return parsed.data.findings;
}

export async function writeBaseline(file: string, entries: BaselineEntry[]): Promise<void> {
  const body = {
    format: 'patternbook-baseline',
    version: 1,
    findings: sortEntries([...entries]).map((e) =>
      e.count === 1 ? { rule: e.rule, file: e.file, fingerprint: e.fingerprint, ...(e.message ? { message: e.message } : {}) } : e,
    ),
  };
  await writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`);
}

/**
 * The report with the baselined findings taken out of its results and
 * counts: each finding consumes one matching entry. Returns what was taken
 * out, and the entries no finding matched any more (fixed since).
 */
export function applyBaseline(report: LintReport, entries: readonly BaselineEntry[]): { report: LintReport; baselined: number; stale: BaselineEntry[] } {
  const left = new Map<string, { entry: BaselineEntry; count: number }>();
  for (const e of entries) {
    const key = `${e.rule}\u0000${e.file}\u0000${e.fingerprint}`;
    const known = left.get(key);
    if (known) known.count += e.count;
    else left.set(key, { entry: e, count: e.count });
  }
  let baselined = 0;
  const results: LintFileResult[] = report.results.map((result) => {
    const diagnostics = result.diagnostics.filter((d) => {
      if (d.fatal) return true;
      const slot = left.get(`${d.ruleId}\u0000${result.path}\u0000${fingerprint({ ...d, path: result.path }, result.source)}`);
      if (!slot || slot.count === 0) return true;
      slot.count--;
      baselined++;
      return false;
    });
    if (diagnostics.length === result.diagnostics.length) return result;
    return {
      ...result,
      diagnostics,
      errorCount: diagnostics.filter((d) => d.severity === 'error').length,
      warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
      fixableCount: diagnostics.filter((d) => d.fix && !d.fix.toWrite).length,
      baselined: result.diagnostics.length - diagnostics.length,
    };
  });
  const stale = [...left.values()].filter((s) => s.count > 0).map((s) => ({ ...s.entry, count: s.count }));
  const sum = (f: (r: LintFileResult) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    report: { ...report, results, errorCount: sum((r) => r.errorCount), warningCount: sum((r) => r.warningCount), fixableCount: sum((r) => r.fixableCount), baselined },
    baselined,
    stale,
  };
}

/** Where a catalog's baseline lives: the configuration's `baseline`, else `patternbook-baseline.json` in the root. */
export function baselinePath(root: string, configured?: string): string {
  return path.resolve(root, configured ?? BASELINE_FILE);
}
