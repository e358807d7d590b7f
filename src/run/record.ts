import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { patternScope } from '../catalog/pattern-files.js';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { LineIndex } from '../markdown/lines.js';
import type { TemplateSchema } from '../template/types.js';
import { writeFileAtomic } from '../util/text-file.js';
import { VERSION } from '../version.js';
import { blockCounts, type BlockStatus, type RunOutcome } from './execute.js';
import type { RunPlan } from './plan.js';

/** Where each pattern's last verification is kept, relative to the catalog root. */
export const RECORD_DIR = path.join('.patternbook', 'verify');

const BLOCK_STATUSES = ['passed', 'failed', 'timed-out', 'interrupted', 'skipped', 'placeholder', 'not-run'] as const satisfies readonly BlockStatus[];
/** What a record can say: `incomplete` when blocks still held the template's sample code (not verified). */
export const RECORD_STATUSES = ['passed', 'failed', 'incomplete'] as const;

const count = z.number().int().min(0);

/**
 * A pattern's last run, as written to `.patternbook/verify/<slug>.json`: what
 * the site's badge, the export and the report show. Every record read is
 * parsed with this schema; one that does not fit is left out with a warning.
 */
export const verifyRecordSchema = z.object({
  slug: z.string().min(1),
  /** The pattern file, relative to the catalog root. */
  file: z.string(),
  status: z.enum(RECORD_STATUSES),
  reason: z.string().optional(),
  /** ISO 8601 time the run ended. */
  when: z.iso.datetime({ offset: true }),
  /** The catalog's commit, when it is a git repository; `dirty` when the pattern had uncommitted changes. */
  commit: z
    .string()
    .regex(/^[0-9a-f]{4,64}$/, 'expected a commit id (hexadecimal)')
    .optional(),
  dirty: z.boolean().optional(),
  template: z.object({ name: z.string(), version: z.string() }),
  durationMs: z.number().min(0),
  /** What ran: written since records say so; older records have only `blocks`. */
  counts: z.object({ total: count, ran: count, passed: count, failed: count, skipped: count, placeholders: count, notRun: count }).optional(),
  cleanup: z.object({ due: z.boolean(), ran: count, placeholders: count, skipped: count }).optional(),
  blocks: z.array(
    z.object({
      phase: z.string(),
      step: z.string(),
      name: z.string(),
      line: z.number().int().min(1),
      status: z.enum(BLOCK_STATUSES),
      exitCode: z.number().int().nullable().optional(),
      durationMs: z.number().min(0),
      outputTail: z.array(z.string()),
    }),
  ),
  patternbook: z.string(),
});

export type VerifyRecord = z.infer<typeof verifyRecordSchema>;

/** The records of a catalog, and the files that were left out (each a warning naming the file and what is wrong). */
export interface RecordsRead {
  records: Map<string, VerifyRecord>;
  problems: Diagnostic[];
}

export function recordFile(root: string, slug: string): string {
  return path.join(root, RECORD_DIR, `${safeSlug(slug)}.json`);
}

/**
 * The record of a finished run (passed, failed or incomplete); undefined for
 * one that did not run or was interrupted (no verdict).
 */
export function recordOf(plan: RunPlan, outcome: RunOutcome, template: TemplateSchema, root: string, now = new Date()): VerifyRecord | undefined {
  if (outcome.status !== 'passed' && outcome.status !== 'failed' && outcome.status !== 'incomplete') return undefined;
  const git = gitState(root, plan.pattern.file);
  return {
    slug: plan.pattern.slug,
    file: plan.pattern.path,
    status: outcome.status,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    when: now.toISOString(),
    ...git,
    template: { name: template.name, version: template.version },
    durationMs: Math.round(outcome.durationMs),
    counts: blockCounts(outcome.blocks),
    cleanup: outcome.cleanup,
    blocks: outcome.blocks.map((b) => ({
      phase: b.phase,
      step: b.step,
      name: b.name,
      line: b.line,
      status: b.status,
      ...(b.exitCode !== undefined ? { exitCode: b.exitCode } : {}),
      durationMs: Math.round(b.durationMs),
      outputTail: b.outputTail,
    })),
    patternbook: VERSION,
  };
}

export async function writeRecord(root: string, record: VerifyRecord): Promise<string> {
  const file = recordFile(root, record.slug);
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/**
 * The last verification of each pattern, by slug. Each record is parsed with
 * its schema: one that cannot be read, is not JSON, does not fit the schema
 * or is not named after its slug is left out (its pattern shows as never
 * verified) and becomes a warning naming the file and what is wrong.
 */
export function readRecords(root: string): RecordsRead {
  const dir = path.join(root, RECORD_DIR);
  const records = new Map<string, VerifyRecord>();
  const problems: Diagnostic[] = [];
  const where = (name?: string) =>
    path
      .relative(root, name ? path.join(dir, name) : dir)
      .split(path.sep)
      .join('/');
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // No folder: no pattern was ever verified here.
    if (code !== 'ENOENT') problems.push(recordProblem(where(), `Cannot read the verification records (${ioReason(err)}): every pattern shows as never verified.`));
    return { records, problems };
  }
  for (const name of names) {
    const result = parseRecord(name, () => readFileSync(path.join(dir, name), 'utf8'));
    if ('record' in result) records.set(result.record.slug, result.record);
    else {
      const again = `run \`patternbook run ${name.slice(0, -'.json'.length)}\` again to write a new one`;
      problems.push({
        ...recordProblem(where(name), `${result.message}. The record is ignored (its pattern shows as never verified): ${again}.`),
        line: result.line ?? 1,
        column: result.column ?? 1,
      });
    }
  }
  return { records, problems };
}

/** One record file, parsed at the boundary: the record, or what is wrong with it (and where, for a syntax error). */
export function parseRecord(name: string, read: () => string): { record: VerifyRecord } | { message: string; line?: number; column?: number } {
  let text: string;
  try {
    text = read();
  } catch (err) {
    return { message: `Cannot be read (${ioReason(err)})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return jsonSyntax(text, err as Error);
  }
  const parsed = verifyRecordSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `\`${issue.path.join('.') || '(top level)'}\`: ${issue.message}`);
    const more = parsed.error.issues.length - issues.length;
    return { message: `Not a verification record: ${issues.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}` };
  }
  const expected = `${safeSlug(parsed.data.slug)}.json`;
  if (name !== expected) return { message: `Holds the record of \`${parsed.data.slug}\`, which belongs in ${expected}` };
  return { record: parsed.data };
}

function recordProblem(file: string, message: string): Diagnostic {
  return { path: file, line: 1, column: 1, ruleId: 'verify-record', severity: 'warning', message };
}

/** A JSON syntax error with its line and column when the message gives a position. */
function jsonSyntax(text: string, err: Error): { message: string; line?: number; column?: number } {
  const position = /at position (\d+)/.exec(err.message);
  // V8 quotes the whole text in some messages: keep the message short.
  const said = err.message.replace(/,\s*"[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/s, '');
  if (!position) return { message: `Not valid JSON: ${said}` };
  const point = new LineIndex(text).pointAt(Number(position[1]));
  return { message: `Not valid JSON: ${said}`, line: point.line, column: point.column };
}

/** The user's situation in words: "permission denied", "is a folder". */
function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'not a folder';
  return (err as Error).message;
}

function safeSlug(slug: string): string {
  return slug.replace(/[^\w.-]/g, '_');
}

function gitState(root: string, file: string): { commit?: string; dirty?: boolean } {
  const git = (args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', timeout: 5000 });
  const head = git(['rev-parse', '--verify', '-q', 'HEAD']);
  if (head.status !== 0 || !head.stdout.trim()) return {};
  // A pattern in its own folder is the folder (its scripts count); a one-file pattern is the file.
  const scope = patternScope({ file, dir: path.dirname(file) });
  const status = git(['status', '--porcelain', '--', scope]);
  return { commit: head.stdout.trim(), ...(status.status === 0 && status.stdout.trim() ? { dirty: true } : {}) };
}
