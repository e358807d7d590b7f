import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunBlock } from './blocks.js';
import { hasSteps, placeholderBlocks, type RunPlan } from './plan.js';
import { startScript, type RunningScript } from './process-group.js';
import { missingTools } from './tools.js';

export type BlockStatus = 'passed' | 'failed' | 'timed-out' | 'interrupted' | 'skipped' | 'placeholder' | 'not-run';
/**
 * `incomplete`: every block that ran passed, but some blocks still hold the
 * template's sample code and did not run — the pattern is not verified.
 */
export type RunStatus = 'passed' | 'failed' | 'incomplete' | 'interrupted' | 'not-run';

export interface BlockResult {
  phase: string;
  role: RunBlock['role'];
  step: string;
  name: string;
  line: number;
  /** `skipped`: marked `{skip}`; `placeholder`: still the template's sample code; `not-run`: a block before it stopped the run. */
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

/** What happened to Cleanup, said exactly: it ran, it was a placeholder, there was none, or no step needed it. */
export interface CleanupSummary {
  /** A step ran, so Cleanup was due. */
  due: boolean;
  /** Cleanup blocks that ran (started), whatever their result. */
  ran: number;
  /** Cleanup blocks that still hold the template's sample code: never run. */
  placeholders: number;
  /** Cleanup blocks marked `{skip}`. */
  skipped: number;
}

/** How many blocks did what: what a record and a report say ran. */
export interface BlockCounts {
  total: number;
  /** Blocks that ran (started): passed + failed. */
  ran: number;
  passed: number;
  /** Failed, timed out or interrupted. */
  failed: number;
  /** Marked `{skip}` by the pattern. */
  skipped: number;
  /** Still the template's sample code. */
  placeholders: number;
  /** Not reached: a block before them stopped the run, or nothing ran. */
  notRun: number;
}

export interface RunOutcome {
  status: RunStatus;
  /** Why the run did not pass (or did not run): a sentence for people. */
  reason?: string;
  blocks: BlockResult[];
  durationMs: number;
  cleanup: CleanupSummary;
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

type StopCause = 'failed' | 'timed-out' | 'interrupted';

interface BackgroundEntry {
  block: RunBlock;
  running: RunningScript;
  result: BlockResult;
  exit?: { code: number | null };
}

/** One run in progress: where it runs, what it has found so far. */
interface RunState {
  plan: RunPlan;
  options: ExecuteOptions;
  workDir: string;
  env: Record<string, string>;
  results: Map<RunBlock, BlockResult>;
  background: BackgroundEntry[];
  anyStepRan: boolean;
  stoppedBy?: StopCause;
  reason?: string;
}

/**
 * Runs a plan: the check phases, then the steps in order until one fails,
 * then — whenever any step ran, whatever happened — Cleanup, then stops the
 * background processes. Each block runs as `bash -euo pipefail` in its own
 * process group in the working folder, with the plan's environment, HOME and
 * TMPDIR inside the scratch folder. Nothing runs when the plan has problems,
 * misses a parameter or a tool; a plan whose only steps are the template's
 * samples is `incomplete` without running anything.
 */
export async function executePlan(plan: RunPlan, options: ExecuteOptions = {}): Promise<RunOutcome> {
  const started = performance.now();
  const refused = whyNothingRuns(plan);
  if (refused) return outcomeWithoutRunning(plan, refused, started);

  const scratch = makeScratchFolder(plan, options.tmpDir);
  const state: RunState = {
    plan,
    options,
    workDir: plan.inPlace ? plan.pattern.dir : path.join(scratch, 'work'),
    env: { ...plan.env, ...(plan.inheritEnv ? {} : { HOME: path.join(scratch, 'home') }), TMPDIR: path.join(scratch, 'tmp') },
    results: new Map(),
    background: [],
    anyStepRan: false,
  };
  try {
    if (!plan.inPlace) copyPatternFolder(plan.pattern.dir, state.workDir);
    const missing = missingTools(plan.tools, state.env, state.workDir);
    if (missing.length) {
      const reason = `missing tool${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (not found on PATH; install ${missing.length > 1 ? 'them' : 'it'}, or mark the block {skip})`;
      return { ...outcomeWithoutRunning(plan, { status: 'not-run', reason }, started), workDir: state.workDir };
    }
    await runChecksAndSteps(state);
    // Cleanup: whenever a step ran — after success, failure, timeout or interruption.
    if (state.anyStepRan) await runCleanup(state);
  } finally {
    await stopBackground(state.background);
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
  noteBackgroundFailures(state);
  const blocks = plan.phases.flatMap((p) => p.blocks).map((b) => state.results.get(b) ?? resultOf(b, 'not-run'));
  const { status, reason } = verdictOf(state, blocks);
  return {
    status,
    ...(reason ? { reason } : {}),
    blocks,
    durationMs: performance.now() - started,
    cleanup: cleanupSummary(blocks, state.anyStepRan),
    workDir: state.workDir,
    ...(options.keep ? { scratch } : {}),
  };
}

/** Why the plan cannot run at all (its problems, a missing parameter, no real step); undefined when it can. */
function whyNothingRuns(plan: RunPlan): { status: 'not-run' | 'incomplete'; reason: string } | undefined {
  if (plan.problems.length)
    return { status: 'not-run', reason: `the steps have problems to fix first: ${plan.problems.map((p) => `line ${p.line}: ${p.message}`).join(' ')}` };
  if (!hasSteps(plan)) {
    const placeholders = placeholderBlocks(plan);
    // Only samples where the steps should be: the pattern is unfinished, nothing can be verified.
    if (placeholders.length) return { status: 'incomplete', reason: `nothing ran: ${placeholderText(placeholders, placeholders.length)}` };
    return { status: 'not-run', reason: 'the pattern has no runnable step in its phases' };
  }
  const missing = plan.resolved.missing;
  if (missing.length) {
    return {
      status: 'not-run',
      reason: `required parameter${missing.length > 1 ? 's' : ''} without a value: ${missing.map((p) => p.name).join(', ')} (give --param NAME=VALUE or --env-file FILE)`,
    };
  }
  return undefined;
}

/** The outcome of a run that executed nothing: every block skipped, a placeholder, or not run. */
function outcomeWithoutRunning(plan: RunPlan, why: { status: 'not-run' | 'incomplete'; reason: string }, started: number): RunOutcome {
  const blocks = plan.phases.flatMap((p) => p.blocks).map((b) => resultOf(b, b.options.skip ? skippedStatus(b) : 'not-run'));
  return { status: why.status, reason: why.reason, blocks, durationMs: performance.now() - started, cleanup: cleanupSummary(blocks, false), workDir: plan.pattern.dir };
}

/** A scratch folder in the temporary folder, with `home` and `tmp` inside (the run's HOME and TMPDIR). */
function makeScratchFolder(plan: RunPlan, tmpDir = os.tmpdir()): string {
  const scratch = realpathSync(mkdtempSync(path.join(tmpDir, `patternbook-run-${plan.pattern.slug.replace(/[^\w.-]/g, '_').slice(0, 40)}-`)));
  mkdirSync(path.join(scratch, 'home'));
  mkdirSync(path.join(scratch, 'tmp'));
  return scratch;
}

/** The check and step phases, in order, block after block, until one does not pass. */
async function runChecksAndSteps(state: RunState): Promise<void> {
  const { plan, options } = state;
  const deadline = performance.now() + plan.totalTimeoutMs;
  for (const phase of plan.phases.filter((p) => p.spec.role !== 'cleanup')) {
    for (const block of phase.blocks) {
      if (block.options.skip) {
        state.results.set(block, resultOf(block, skippedStatus(block)));
        continue;
      }
      if (state.stoppedBy) continue;
      if (options.interrupt?.aborted || options.abort?.aborted) {
        state.stoppedBy = 'interrupted';
        state.reason = 'interrupted before this block';
        continue;
      }
      const remaining = deadline - performance.now();
      const limit = Math.min(blockLimit(plan, block), remaining);
      if (block.role === 'steps') state.anyStepRan = true;
      const result = await runBlock(state, block, limit, anySignal(options.interrupt, options.abort));
      state.results.set(block, result);
      if (result.status === 'passed') continue;
      state.stoppedBy = result.status === 'interrupted' ? 'interrupted' : result.status === 'timed-out' ? 'timed-out' : 'failed';
      const why = whyBlockStopped(block, result, limit >= remaining - 1);
      state.reason = block.role === 'check' ? `prerequisite check failed: ${why}` : why;
    }
  }
}

/** Every Cleanup block, whatever happened before; only a second interrupt (`abort`) stops them. */
async function runCleanup(state: RunState): Promise<void> {
  for (const phase of state.plan.phases.filter((p) => p.spec.role === 'cleanup')) {
    for (const block of phase.blocks) {
      if (block.options.skip) {
        state.results.set(block, resultOf(block, skippedStatus(block)));
        continue;
      }
      const result = await runBlock(state, block, blockLimit(state.plan, block), state.options.abort);
      state.results.set(block, result);
      if (result.status === 'passed') continue;
      const what = result.status === 'failed' ? `exited ${result.exitCode ?? 'by signal'}` : result.status;
      state.reason = state.reason
        ? `${state.reason}; ${block.name} ${result.status === 'failed' ? 'failed' : result.status} too`
        : `Cleanup failed: ${block.name} ${what}`;
      state.stoppedBy ??= 'failed';
    }
  }
}

/** A block's time limit: its `{timeout=…}`, else the plan's per-block limit. */
function blockLimit(plan: RunPlan, block: RunBlock): number {
  return block.options.timeout !== undefined ? block.options.timeout * 1000 : plan.blockTimeoutMs;
}

/** Why a block that did not pass stopped the steps: a sentence for the run's reason. */
function whyBlockStopped(block: RunBlock, result: BlockResult, byTotalLimit: boolean): string {
  if (result.status === 'interrupted') return `interrupted during ${block.name}`;
  if (result.status === 'timed-out') return `${block.name} timed out${byTotalLimit ? ' (the run’s total time limit)' : ''}`;
  if (result.error) return `${block.name} did not start: ${result.error}`;
  if (block.options.expectFail) return `${block.name} was expected to fail, but exited 0`;
  return `${block.name} failed (exit ${result.exitCode ?? 'by signal'})`;
}

/**
 * Runs one block in its folder: a `{background}` block is started and left
 * running (it passes unless it dies with an error before the run ends); any
 * other is awaited, stopped with its process group at `limitMs` or when
 * `stop` aborts.
 */
async function runBlock(state: RunState, block: RunBlock, limitMs: number, stop: AbortSignal | undefined): Promise<BlockResult> {
  const { options } = state;
  options.onBlockStart?.(block);
  const cwd = blockCwd(state.workDir, block);
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
    env: state.env,
    onLine: (line, stream) => {
      pushTail(tail, line);
      options.onLine?.(block, line, stream);
    },
  });
  const result = block.options.background ? leaveInBackground(state, block, running, tail) : await awaitBlock(block, running, tail, limitMs, stop, t0);
  options.onBlockEnd?.(block, result);
  return result;
}

/** A `{background}` block keeps running; it is stopped (and judged) when the run ends. */
function leaveInBackground(state: RunState, block: RunBlock, running: RunningScript, tail: string[]): BlockResult {
  const result: BlockResult = { ...resultOf(block, 'passed'), background: true, outputTail: tail };
  const entry: BackgroundEntry = { block, running, result };
  void running.exited.then((exit) => (entry.exit = exit));
  state.background.push(entry);
  return result;
}

/** Waits for a block's script to end, stopping its process group at the time limit or on `stop`. */
async function awaitBlock(block: RunBlock, running: RunningScript, tail: string[], limitMs: number, stop: AbortSignal | undefined, t0: number): Promise<BlockResult> {
  let timedOut = false;
  let interrupted = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      void running.stop();
    },
    Math.max(limitMs, 0),
  );
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
  return {
    ...resultOf(block, status),
    exitCode: exit.code,
    durationMs: performance.now() - t0,
    outputTail: tail,
    ...(block.options.expectFail ? { expectFail: true } : {}),
  };
}

/** Background processes end with the run, whatever happened; one that died on its own with an error failed. */
async function stopBackground(background: readonly BackgroundEntry[]): Promise<void> {
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
}

/** A background block that failed fails the run, unless something already had. */
function noteBackgroundFailures(state: RunState): void {
  for (const entry of state.background) {
    state.results.set(entry.block, entry.result);
    if (entry.result.status === 'failed' && !state.stoppedBy) {
      state.stoppedBy = 'failed';
      state.reason = `background block ${entry.block.name} exited ${entry.result.exitCode} before the run ended`;
    }
  }
}

/** The run's status and reason: a failure or an interruption first; else incomplete while template samples remain; else passed. */
function verdictOf(state: RunState, blocks: readonly BlockResult[]): { status: RunStatus; reason?: string } {
  if (state.stoppedBy) return { status: state.stoppedBy === 'interrupted' ? 'interrupted' : 'failed', ...(state.reason ? { reason: state.reason } : {}) };
  const placeholders = blocks.filter((b) => b.status === 'placeholder');
  if (placeholders.length) return { status: 'incomplete', reason: `${countText(blockCounts(blocks))}; ${placeholderText(placeholders, blocks.length)}` };
  return { status: 'passed' };
}

/** "2 of 5 blocks ran and passed" (the part of an incomplete run that worked). */
function countText(counts: BlockCounts): string {
  return `${counts.passed} of ${counts.total} block${counts.total === 1 ? '' : 's'} ran and passed`;
}

/** "3 blocks still hold the template's sample code and did not run (lines 59, 91, 166): replace them…" */
function placeholderText(placeholders: readonly Pick<BlockResult, 'line'>[], total: number): string {
  const n = placeholders.length;
  const lines = `line${n === 1 ? '' : 's'} ${placeholders.map((b) => b.line).join(', ')}`;
  const which = n === total ? (n === 1 ? 'its only block' : `all ${n} blocks`) : `${n} block${n === 1 ? '' : 's'}`;
  return `${which} still hold${n === 1 ? 's' : ''} the template's sample code and did not run (${lines}): replace ${n === 1 ? 'it' : 'them'} with the pattern's real commands, or set \`verify: false\` in its front matter until they are written`;
}

/** How many blocks ran, passed, failed, were skipped, were placeholders, or were not reached. */
export function blockCounts(blocks: readonly Pick<BlockResult, 'status'>[]): BlockCounts {
  const count = (...statuses: BlockStatus[]) => blocks.filter((b) => statuses.includes(b.status)).length;
  const passed = count('passed');
  const failed = count('failed', 'timed-out', 'interrupted');
  return { total: blocks.length, ran: passed + failed, passed, failed, skipped: count('skipped'), placeholders: count('placeholder'), notRun: count('not-run') };
}

/** What happened to the Cleanup blocks; `due` when a step ran. */
export function cleanupSummary(blocks: readonly BlockResult[], due: boolean): CleanupSummary {
  const cleanup = blocks.filter((b) => b.role === 'cleanup');
  const counts = blockCounts(cleanup);
  return { due, ran: counts.ran, placeholders: counts.placeholders, skipped: counts.skipped };
}

/** `{skip}` or the template's sample: both never run, for different reasons. */
function skippedStatus(block: RunBlock): BlockStatus {
  return block.options.templateSample ? 'placeholder' : 'skipped';
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
  if (leaves(realpathSync(workDir), real))
    return { error: `{cwd=${block.options.cwd}} leads out of the working folder through a symbolic link: give a folder inside the pattern.` };
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
