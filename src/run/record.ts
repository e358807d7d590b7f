import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { patternScope } from '../catalog/pattern-files.js';
import { z } from 'zod';
import type { TemplateSchema } from '../template/types.js';
import { writeFileAtomic } from '../util/text-file.js';
import { VERSION } from '../version.js';
import type { RunOutcome } from './execute.js';
import type { RunPlan } from './plan.js';

/** Where each pattern's last verification is kept, relative to the catalog root. */
export const RECORD_DIR = path.join('.patternbook', 'verify');

/** A pattern's last run: what the site's badge and the export show. */
export interface VerifyRecord {
  slug: string;
  /** The pattern file, relative to the catalog root. */
  file: string;
  status: 'passed' | 'failed';
  reason?: string;
  /** ISO 8601 time the run ended. */
  when: string;
  /** The catalog's commit, when it is a git repository; `dirty` when the pattern had uncommitted changes. */
  commit?: string;
  dirty?: boolean;
  template: { name: string; version: string };
  durationMs: number;
  blocks: {
    phase: string;
    step: string;
    name: string;
    line: number;
    status: string;
    exitCode?: number | null;
    durationMs: number;
    outputTail: string[];
  }[];
  patternbook: string;
}

const recordSchema = z.object({
  slug: z.string(),
  file: z.string(),
  status: z.enum(['passed', 'failed']),
  when: z.string(),
  durationMs: z.number(),
});

export function recordFile(root: string, slug: string): string {
  return path.join(root, RECORD_DIR, `${slug.replace(/[^\w.-]/g, '_')}.json`);
}

/** The record of a finished run; undefined for one that did not run or was interrupted (no verdict). */
export function recordOf(plan: RunPlan, outcome: RunOutcome, template: TemplateSchema, root: string, now = new Date()): VerifyRecord | undefined {
  if (outcome.status !== 'passed' && outcome.status !== 'failed') return undefined;
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

/** The last verification of each pattern, by slug (records that cannot be read are left out). */
export function readRecords(root: string): Map<string, VerifyRecord> {
  const dir = path.join(root, RECORD_DIR);
  const out = new Map<string, VerifyRecord>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return out;
  }
  for (const name of names) {
    try {
      const data = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown;
      if (recordSchema.safeParse(data).success) out.set((data as VerifyRecord).slug, data as VerifyRecord);
    } catch {
      // A damaged record is as good as none: the pattern shows as never verified.
    }
  }
  return out;
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
