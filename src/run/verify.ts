import { realpathSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import { ownsFolder, patternScope } from '../catalog/pattern-files.js';
import type { Catalog, Pattern } from '../catalog/types.js';
import { PatternbookError } from '../diagnostics.js';
import { mapLimit } from '../util/concurrency.js';
import { changedFilesSince } from '../util/git.js';
import type { RunBlock } from './blocks.js';
import { executePlan, type BlockResult, type ExecuteOptions } from './execute.js';
import { hasSteps, placeholderBlocks, planRun, type PlanOptions, type RunPlan } from './plan.js';
import { recordOf, writeRecord } from './record.js';
import type { PatternRun } from './report.js';

export interface TargetOptions {
  root: string;
  templateFile?: string;
  /** Pattern files or folders (absolute), or slugs; none means every pattern. */
  select?: string[];
  /** Only patterns with a file changed since this git ref. */
  changedSince?: string;
}

/** The catalog, and the patterns a run or verify is about. */
export async function loadTargets(options: TargetOptions): Promise<{ catalog: Catalog; patterns: Pattern[] }> {
  const catalog = await loadCatalog({ root: options.root, ...(options.templateFile ? { templateFile: options.templateFile } : {}) });
  let patterns = catalog.patterns;
  if (options.select?.length) {
    patterns = [];
    for (const wanted of options.select) {
      const found = catalog.bySlug.get(wanted) ? [catalog.bySlug.get(wanted)!] : catalog.patterns.filter((p) => isUnder(p, path.resolve(wanted)));
      if (found.length === 0) {
        const problem = catalog.diagnostics.find((d) => path.resolve(catalog.root, d.path) === path.resolve(wanted));
        throw new PatternbookError(
          problem
            ? `${wanted} could not be loaded: ${problem.message}`
            : `${wanted} is not a pattern of the catalog at ${catalog.root}: give a pattern's slug, file or folder.`,
        );
      }
      for (const p of found) if (!patterns.includes(p)) patterns.push(p);
    }
  }
  if (options.changedSince) {
    const changed = changedFilesSince(catalog.root, options.changedSince).map(real);
    patterns = patterns.filter((p) => {
      const scope = real(patternScope(p));
      return changed.some((f) => f === scope || f.startsWith(scope + path.sep));
    });
  }
  return { catalog, patterns };
}

function isUnder(p: Pattern, given: string): boolean {
  return p.file === given || (ownsFolder(p.file) && p.dir === given) || p.file.startsWith(given + path.sep);
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export interface RunHooks extends Omit<ExecuteOptions, 'onLine' | 'onBlockStart' | 'onBlockEnd'> {
  onLine?: (plan: RunPlan, block: RunBlock, line: string, stream: 'stdout' | 'stderr') => void;
  onBlockStart?: (plan: RunPlan, block: RunBlock) => void;
  onBlockEnd?: (plan: RunPlan, block: RunBlock, result: BlockResult) => void;
  onRunEnd?: (run: PatternRun) => void;
  /** Write `.patternbook/verify/<slug>.json` for each finished run (default true). */
  record?: boolean;
}

/**
 * Plans every target; patterns that opt out or have no step are kept aside
 * with the reason. A pattern whose steps are all the template's samples is
 * planned: it is unfinished, and its run says so (`incomplete`).
 */
export function planTargets(catalog: Catalog, patterns: readonly Pattern[], options: PlanOptions): { plans: RunPlan[]; skipped: { plan: RunPlan; reason: string }[] } {
  const plans: RunPlan[] = [];
  const skipped: { plan: RunPlan; reason: string }[] = [];
  for (const pattern of patterns) {
    const plan = planRun(pattern, catalog.templates.for(pattern.path), catalog.config, options);
    if (plan.optedOut)
      skipped.push({ plan, reason: catalog.config.run.optIn ? 'not opted in (front matter `verify: true`)' : 'opted out (front matter `verify: false`)' });
    else if (!hasSteps(plan) && placeholderBlocks(plan).length === 0) skipped.push({ plan, reason: 'no runnable step' });
    else plans.push(plan);
  }
  return { plans, skipped };
}

/**
 * Runs plans, `jobs` at a time, and records each finished run. An interrupt
 * stops the running ones (their Cleanup runs) and starts no more.
 */
export async function runPlans(catalog: Catalog, plans: readonly RunPlan[], jobs: number, hooks: RunHooks = {}): Promise<PatternRun[]> {
  return mapLimit(plans, jobs, async (plan) => {
    if (hooks.interrupt?.aborted || hooks.abort?.aborted) {
      const run: PatternRun = {
        plan,
        outcome: {
          status: 'interrupted',
          reason: 'not started: interrupted',
          blocks: [],
          durationMs: 0,
          cleanup: { due: false, ran: 0, placeholders: 0, skipped: 0 },
          workDir: plan.pattern.dir,
        },
      };
      hooks.onRunEnd?.(run);
      return run;
    }
    const { onLine, onBlockStart, onBlockEnd, onRunEnd: _onRunEnd, record: _record, ...execute } = hooks;
    const outcome = await executePlan(plan, {
      ...execute,
      ...(onLine ? { onLine: (block: RunBlock, line: string, stream: 'stdout' | 'stderr') => onLine(plan, block, line, stream) } : {}),
      ...(onBlockStart ? { onBlockStart: (block: RunBlock) => onBlockStart(plan, block) } : {}),
      ...(onBlockEnd ? { onBlockEnd: (block: RunBlock, result: BlockResult) => onBlockEnd(plan, block, result) } : {}),
    });
    const run: PatternRun = { plan, outcome };
    if (hooks.record !== false) {
      const record = recordOf(plan, outcome, catalog.templates.for(plan.pattern.path), catalog.root);
      if (record) await writeRecord(catalog.root, record);
    }
    hooks.onRunEnd?.(run);
    return run;
  });
}
