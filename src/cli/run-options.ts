import path from 'node:path';
import { Option, type Command } from 'commander';
import { PatternbookError } from '../diagnostics.js';
import type { BlockResult } from '../run/execute.js';
import type { RunBlock } from '../run/blocks.js';
import { parseParamFlags, readEnvFile } from '../run/parameters.js';
import type { PlanOptions, RunPlan } from '../run/plan.js';
import { ask } from './prompt.js';
import type { CommandContext } from './context.js';

/** The flags `run` and `verify` share. */
export interface RunFlags {
  dryRun?: boolean;
  yes?: boolean;
  param: string[];
  envFile?: string;
  inheritEnv?: boolean;
  inPlace?: boolean;
  timeout?: string;
  blockTimeout?: string;
  format: 'text' | 'json' | 'junit';
  keep?: boolean;
  template?: string;
}

export function withRunOptions(command: Command): Command {
  return command
    .option('--dry-run', 'print the plan (phases, blocks, parameters, working folder) and run nothing')
    .option('-y, --yes', 'run without asking (needed when not on a terminal, as in CI)')
    .option(
      '--param <KEY=VALUE>',
      'a parameter value (repeatable); beats --env-file, the environment and defaults',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--env-file <file>', 'parameter values from a KEY=VALUE file')
    .option('--inherit-env', 'pass your whole environment (HOME included) to the steps, not only PATH, LANG, TERM and the parameters')
    .option('--in-place', "run in the pattern's own folder instead of a scratch copy (the steps may change it)")
    .option('--timeout <seconds>', 'time limit of a whole run, Cleanup excluded (default: run.timeout, else 1800)')
    .option('--block-timeout <seconds>', 'time limit of each block (default: run.blockTimeout, else 300)')
    .addOption(new Option('-f, --format <format>', 'final report').choices(['text', 'json', 'junit']).default('text'))
    .option('--keep', 'keep the scratch folder afterwards, to look at what the steps made')
    .option('-t, --template <file>', 'read the pattern against this template instead of the configured one');
}

export function planOptionsOf(flags: RunFlags, ctx: CommandContext): PlanOptions {
  const seconds = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new PatternbookError(`${flag} ${value}: expected a number of seconds greater than 0.`);
    return n;
  };
  const timeout = seconds('--timeout', flags.timeout);
  const blockTimeout = seconds('--block-timeout', flags.blockTimeout);
  return {
    param: parseParamFlags(flags.param),
    ...(flags.envFile ? { envFile: readEnvFile(path.resolve(ctx.cwd, flags.envFile)) } : {}),
    ...(flags.inheritEnv ? { inheritEnv: true } : {}),
    ...(flags.inPlace ? { inPlace: true } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
    ...(blockTimeout !== undefined ? { blockTimeout } : {}),
    callerEnv: ctx.env,
  };
}

/**
 * Steps are code from the catalog, run with the user's rights: they run only
 * when asked. `--yes` asks; on a terminal the user is asked; anywhere else
 * the run is refused (exit 2) — the plan was printed, so they can see why.
 */
export async function confirmRun(ctx: CommandContext, flags: RunFlags, blocks: number, what: string): Promise<boolean> {
  if (flags.yes) return true;
  const stdin = ctx.stdin;
  if (!stdin?.isTTY || !ctx.stderr.isTTY) {
    ctx.err(
      `Not running: executing ${what} needs --yes when not on a terminal (the steps are code from the catalog and run with your rights). Use --dry-run to only see the plan.`,
    );
    return false;
  }
  const [answer] = await ask(stdin, ctx.stderr, [`Run ${blocks} block${blocks === 1 ? '' : 's'} of ${what} with your rights? [y/N] `]);
  return /^y(es)?$/i.test(answer ?? '');
}

/** The live output: every line prefixed by where it comes from; block starts and ends marked. */
export function liveOutput(ctx: CommandContext, format: RunFlags['format'], withSlug: boolean) {
  // Machine-readable reports own standard output; the live lines go to standard error then.
  const write = format === 'text' ? ctx.out : ctx.err;
  const color = format === 'text' ? ctx.color : ctx.errColor;
  const label = (plan: RunPlan, block: RunBlock) => `${withSlug ? `${plan.pattern.slug} › ` : ''}${block.phase} › ${block.name}`;
  return {
    onBlockStart: (plan: RunPlan, block: RunBlock) => write(color.bold(`▶ ${label(plan, block)}${block.options.background ? ' (background)' : ''}`)),
    onLine: (plan: RunPlan, block: RunBlock, line: string) => write(`${color.dim(`${label(plan, block)} │`)} ${line}`),
    onBlockEnd: (plan: RunPlan, block: RunBlock, result: BlockResult) => {
      if (block.options.background) return;
      const time = `${(result.durationMs / 1000).toFixed(1)} s`;
      const mark = result.status === 'passed' ? color.green('✔') : color.red('✖');
      const detail =
        result.status === 'passed' ? time : `${result.status}${result.exitCode !== undefined && result.exitCode !== null ? `, exit ${result.exitCode}` : ''}, ${time}`;
      write(`${mark} ${label(plan, block)} (${detail})`);
    },
  };
}

/**
 * Ctrl-C (or SIGTERM) once: stop the running steps, run Cleanup. Twice: stop
 * Cleanup too. Returns the signals and a function that removes the handlers.
 */
export function interruptHandlers(ctx: CommandContext): { interrupt: AbortSignal; abort: AbortSignal; dispose: () => void } {
  const interrupt = new AbortController();
  const abort = new AbortController();
  const onSignal = () => {
    if (!interrupt.signal.aborted) {
      ctx.err('Interrupted: stopping the running step, then running Cleanup (interrupt again to stop Cleanup too).');
      interrupt.abort();
    } else if (!abort.signal.aborted) {
      ctx.err('Interrupted again: stopping Cleanup.');
      abort.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    interrupt: interrupt.signal,
    abort: abort.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
