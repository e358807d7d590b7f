import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunBlock } from './blocks.js';
import { hasSteps, type RunPlan } from './plan.js';
import { startScript, type RunningScript } from './process-group.js';
import { missingTools } from './tools.js';

export type BlockStatus = 'passed' | 'failed' | 'timed-out' | 'interrupted' | 'skipped' | 'not-run';
export type RunStatus = 'passed' | 'failed' | 'interrupted' | 'not-run';

export interface BlockResult {
  phase: string;
  role: RunBlock['role'];
  step: string;
  name: string;
  line: number;
  status: BlockStatus;
  /** Exit code of the script (null when a signal ended it); absent when it did not run. */
  exitCode?: number | null;
  durationMs: number;
  /** The last lines of its output (standard output and error, interleaved). */
  outputTail: string[];
  background?: boolean;
  expectFail?: boolean;
  /** Why it could not start (its folder leaves the working folder…). */
  error?: string;
}

export interface RunOutcome {
  status: RunStatus;
  /** Why the run did not pass (or did not run): a sentence for people. */
  reason?: string;
  blocks: BlockResult[];
  durationMs: number;
  /** Whether Cleanup ran (it runs whenever any step did). */
  cleanupRan: boolean;
  /** The working folder the blocks ran in (a scratch copy unless in place). */
  workDir: string;
  /** The scratch folder, when `keep` left it on disk. */
  scratch?: string;
}

export interface ExecuteOptions {
  /** Streams each output line as it comes. */
  onLine?: (block: RunBlock, line: string, stream: 'stdout' | 'stderr') => void;
  onBlockStart?: (block: RunBlock) => void;
  onBlockEnd?: (block: RunBlock, result: BlockResult) => void;
  /** Interrupts the steps (Ctrl-C): the running block is stopped, Cleanup still runs. */
  interrupt?: AbortSignal;
  /** Stops everything, Cleanup included (a second Ctrl-C). */
  abort?: AbortSignal;
  /** Leave the scratch folder on disk (to look at what the steps made). */
  keep?: boolean;
  /** Where scratch folders go (default: the system's temporary folder). */
  tmpDir?: string;
}

const TAIL_LINES = 40;
const TAIL_CHARS = 8 * 1024;

/**
 * Runs a plan: the check phases, then the steps in order until one fails,
 * then — whenever any step ran, whatever happened — Cleanup, then stops the
 * background processes. Each block runs as `bash -euo pipefail` in its own
 * process group in the working folder, with the plan's environment, HOME and
 * TMPDIR inside the scratch folder. Nothing runs when the plan has problems,
 * misses a parameter or a tool.
 */
export async function executePlan(plan: RunPlan, options: ExecuteOptions = {}): Promise<RunOutcome> {
  const started = performance.now();
  const notRun = (reason: string): RunOutcome => ({
    status: 'not-run',
    reason,
    blocks: plan.phases.flatMap((p) => p.blocks).map((b) => resultOf(b, b.options.skip ? 'skipped' : 'not-run')),
    durationMs: performance.now() - started,
    cleanupRan: false,
    workDir: plan.pattern.dir,
  });
  if (plan.problems.length) return notRun(`the steps have problems to fix first: ${plan.problems.map((p) => `line ${p.line}: ${p.message}`).join(' ')}`);
  if (plan.resolved.missing.length) {
    return notRun(`required parameter${plan.resolved.missing.length > 1 ? 's' : ''} without a value: ${plan.resolved.missing.map((p) => p.name).join(', ')} (give --param NAME=VALUE or --env-file FILE)`);
  }
  if (!hasSteps(plan)) return notRun('the pattern has no runnable step in its phases');

  const scratch = realpathSync(mkdtempSync(path.join(options.tmpDir ?? os.tmpdir(), `patternbook-run-${plan.pattern.slug.replace(/[^\w.-]/g, '_').slice(0, 40)}-`)));
  const home = path.join(scratch, 'home');
  const tmp = path.join(scratch, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  const workDir = plan.inPlace ? plan.pattern.dir : path.join(scratch, 'work');
  const env = { ...plan.env, ...(plan.inheritEnv ? {} : { HOME: home }), TMPDIR: tmp };
  const background: { block: RunBlock; running: RunningScript; result: BlockResult; exit?: { code: number | null } }[] = [];
  const results = new Map<RunBlock, BlockResult>();
  let cleanupRan = false;
  let stoppedBy: 'failed' | 'timed-out' | 'interrupted' | undefined;
  let reason: string | undefined;
  try {
    if (!plan.inPlace) copyPatternFolder(plan.pattern.dir, workDir);
    const missing = missingTools(plan.tools, env, workDir);
    if (missing.length) {
      return { ...notRun(`missing tool${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (not found on PATH; install ${missing.length > 1 ? 'them' : 'it'}, or mark the block {skip})`), workDir };
    }
    const deadline = performance.now() + plan.totalTimeoutMs;
    let anyStepRan = false;

    const runOne = async (block: RunBlock, limitMs: number, stop: AbortSignal | undefined): Promise<BlockResult> => {
      const cwd = blockCwd(workDir, block);
      options.onBlockStart?.(block);
      if (typeof cwd !== 'string') {
        options.onLine?.(block, `[patternbook] ${cwd.error}`, 'stderr');
        const result: BlockResult = { ...resultOf(block, 'failed'), outputTail: [cwd.error], error: cwd.error };
        options.onBlockEnd?.(block, result);
        return result;
      }
      const tail: string[] = [];
      const t0 = performance.now();
      const running = startScript(block.script, {
        cwd,
        env,
        onLine: (line, stream) => {
          pushTail(tail, line);
          options.onLine?.(block, line, stream);
        },
      });
      if (block.options.background) {
        const result: BlockResult = { ...resultOf(block, 'passed'), background: true, outputTail: tail };
        const entry: (typeof background)[number] = { block, running, result };
        void running.exited.then((exit) => (entry.exit = exit));
        background.push(entry);
        options.onBlockEnd?.(block, result);
        return result;
      }
      let timedOut = false;
      let interrupted = false;
      const timer = setTimeout(() => {
        timedOut = true;
        void running.stop();
      }, Math.max(limitMs, 0));
      const onStop = () => {
        interrupted = true;
        void running.stop();
      };
      stop?.addEventListener('abort', onStop, { once: true });
      if (stop?.aborted) onStop();
      const exit = await running.exited;
      clearTimeout(timer);
      stop?.removeEventListener('abort', onStop);
      const failedScript = exit.code !== 0;
      const status: BlockStatus = interrupted ? 'interrupted' : timedOut ? 'timed-out' : failedScript === Boolean(block.options.expectFail) ? 'passed' : 'failed';
      if (timedOut) pushTail(tail, `[patternbook] stopped after ${(limitMs / 1000).toFixed(0)} s (timeout); its process group was killed`);
      const result: BlockResult = {
        ...resultOf(block, status),
        exitCode: exit.code,
        durationMs: performance.now() - t0,
        outputTail: tail,
        ...(block.options.expectFail ? { expectFail: true } : {}),
      };
      options.onBlockEnd?.(block, result);
      return result;
    };

    // Checks and steps, in phase order, until one does not pass.
    for (const phase of plan.phases.filter((p) => p.spec.role !== 'cleanup')) {
      for (const block of phase.blocks) {
        if (block.options.skip) {
          results.set(block, resultOf(block, 'skipped'));
          continue;
        }
        if (stoppedBy) continue;
        if (options.interrupt?.aborted || options.abort?.aborted) {
          stoppedBy = 'interrupted';
          reason = 'interrupted before this block';
          continue;
        }
        const remaining = deadline - performance.now();
        const limit = Math.min(block.options.timeout !== undefined ? block.options.timeout * 1000 : plan.blockTimeoutMs, remaining);
        if (block.role === 'steps') anyStepRan = true;
        const result = await runOne(block, limit, anySignal(options.interrupt, options.abort));
        results.set(block, result);
        if (result.status === 'passed') continue;
        stoppedBy = result.status === 'interrupted' ? 'interrupted' : result.status === 'timed-out' ? 'timed-out' : 'failed';
        const overall = result.status === 'timed-out' && limit >= remaining - 1;
        reason =
          result.status === 'interrupted'
            ? `interrupted during ${block.name}`
            : result.status === 'timed-out'
              ? `${block.name} timed out${overall ? ' (the run’s total time limit)' : ''}`
              : result.error
                ? `${block.name} did not start: ${result.error}`
                : block.options.expectFail
                  ? `${block.name} was expected to fail, but exited 0`
                  : `${block.name} failed (exit ${result.exitCode ?? 'by signal'})`;
        if (block.role === 'check') reason = `prerequisite check failed: ${reason}`;
      }
    }

    // Cleanup: whenever a step ran — after success, failure, timeout or interruption.
    if (anyStepRan) {
      cleanupRan = true;
      for (const phase of plan.phases.filter((p) => p.spec.role === 'cleanup')) {
        for (const block of phase.blocks) {
          if (block.options.skip) {
            results.set(block, resultOf(block, 'skipped'));
            continue;
          }
          const limit = block.options.timeout !== undefined ? block.options.timeout * 1000 : plan.blockTimeoutMs;
          const result = await runOne(block, limit, options.abort);
          results.set(block, result);
          if (result.status !== 'passed') {
            reason = reason ? `${reason}; ${block.name} ${result.status === 'failed' ? 'failed' : result.status} too` : `Cleanup failed: ${block.name} ${result.status === 'failed' ? `exited ${result.exitCode ?? 'by signal'}` : result.status}`;
            stoppedBy ??= 'failed';
          }
        }
      }
    }
  } finally {
    // Background processes end with the run, whatever happened.
    await Promise.all(
      background.map(async (entry) => {
        const alreadyExited = entry.exit;
        await entry.running.stop();
        await entry.running.exited;
        // A server that died on its own with an error failed; one that was stopped did its job.
        if (alreadyExited && alreadyExited.code !== 0) {
          entry.result.status = 'failed';
          entry.result.exitCode = alreadyExited.code;
        }
      }),
    );
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
  for (const entry of background) {
    results.set(entry.block, entry.result);
    if (entry.result.status === 'failed' && !stoppedBy) {
      stoppedBy = 'failed';
      reason = `background block ${entry.block.name} exited ${entry.result.exitCode} before the run ended`;
    }
  }
  const blocks = plan.phases.flatMap((p) => p.blocks).map((b) => results.get(b) ?? resultOf(b, 'not-run'));
  const status: RunStatus = stoppedBy === 'interrupted' ? 'interrupted' : stoppedBy ? 'failed' : 'passed';
  return {
    status,
    ...(reason ? { reason } : {}),
    blocks,
    durationMs: performance.now() - started,
    cleanupRan,
    workDir,
    ...(options.keep ? { scratch } : {}),
  };
}

function resultOf(block: RunBlock, status: BlockStatus): BlockResult {
  return {
    phase: block.phase,
    role: block.role,
    step: block.step,
    name: block.name,
    line: block.line,
    status,
    durationMs: 0,
    outputTail: [],
    ...(block.options.background ? { background: true } : {}),
  };
}

function pushTail(tail: string[], line: string): void {
  tail.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
  while (tail.length > TAIL_LINES || (tail.length > 1 && tail.reduce((n, l) => n + l.length + 1, 0) > TAIL_CHARS)) tail.shift();
}

/**
 * The folder a block runs in: `{cwd=…}` inside the working folder, never
 * outside it — by its path, and by where it really is (a symbolic link in the
 * pattern may point anywhere).
 */
function blockCwd(workDir: string, block: RunBlock): string | { error: string } {
  if (!block.options.cwd) return workDir;
  const target = path.resolve(workDir, block.options.cwd);
  const leaves = (from: string, to: string) => {
    const rel = path.relative(from, to);
    return rel.startsWith('..') || path.isAbsolute(rel);
  };
  if (leaves(workDir, target)) return { error: `{cwd=${block.options.cwd}} leaves the working folder: give a folder inside the pattern.` };
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return { error: `{cwd=${block.options.cwd}}: no such folder in the working folder (create it in an earlier step).` };
  }
  if (leaves(realpathSync(workDir), real)) return { error: `{cwd=${block.options.cwd}} leads out of the working folder through a symbolic link: give a folder inside the pattern.` };
  return real;
}

/** Copies the pattern's folder for a run: its own files, not version control or build output. */
function copyPatternFolder(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !['.git', '.patternbook', '_site'].includes(path.basename(source)) || source === from,
  });
}

/** A signal that aborts when any of `signals` does. */
function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => Boolean(s));
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

