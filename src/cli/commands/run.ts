import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { catalogRootOfPattern } from '../../catalog/pattern-files.js';
import { findCatalogRoot } from '../../config/load-config.js';
import { PatternbookError } from '../../diagnostics.js';
import type { CommandContext } from '../context.js';
import { confirmRun, interruptHandlers, liveOutput, planOptionsOf, withRunOptions, type RunFlags } from '../run-options.js';

export function registerRun(program: Command, ctx: CommandContext): Command {
  return withRunOptions(
    program
      .command('run')
      .description("run one pattern's documented steps (Prerequisites checks, Implementation, Testing, Deployment), then always Cleanup")
      .argument('<pattern>', 'the pattern: its folder, its Markdown file, or its slug'),
  ).action(async (target: string, flags: RunFlags) => {
    // Loaded on use: these commands' libraries cost `lint` and `--version` nothing.
    const { placeholderBlocks, runnableBlocks, planRun } = await import('../../run/plan.js');
    const { recordFile } = await import('../../run/record.js');
    const { outcomeTable, planText, runsJson, runsJunit } = await import('../../run/report.js');
    const { loadTargets, runPlans } = await import('../../run/verify.js');
    const given = path.resolve(ctx.cwd, target);
    const isPath = existsSync(given);
    const root = isPath ? catalogRootOfPattern(given) : findCatalogRoot(ctx.cwd);
    const { catalog, patterns } = await loadTargets({
      root,
      select: [isPath ? given : target],
      ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}),
    });
    if (patterns.length !== 1)
      throw new PatternbookError(`${target} holds ${patterns.length} patterns: \`run\` takes one (use \`patternbook verify ${target}\` for several).`);
    const plan = planRun(patterns[0]!, catalog.template, catalog.config, planOptionsOf(flags, ctx));
    const show = flags.format === 'text' ? ctx.out : ctx.err;
    show(planText(plan));
    show();
    if (plan.problems.length) {
      for (const p of plan.problems) ctx.err(`${plan.pattern.path}:${p.line}: ${p.message}`);
      ctx.err(`Not running: fix ${plan.problems.length === 1 ? 'this' : 'these'} in ${plan.pattern.path} first.`);
      ctx.exitCode = 1;
      return;
    }
    if (plan.resolved.missing.length) {
      ctx.err(
        `Not running: required parameter${plan.resolved.missing.length > 1 ? 's' : ''} without a value: ${plan.resolved.missing.map((p) => `${p.name} (line ${p.line})`).join(', ')}. Give ${plan.resolved.missing.map((p) => `--param ${p.name}=…`).join(' ')} or --env-file FILE.`,
      );
      ctx.exitCode = 2;
      return;
    }
    if (flags.dryRun) return;
    const blocks = runnableBlocks(plan).length;
    const placeholders = placeholderBlocks(plan).length;
    if (blocks === 0 && placeholders === 0) {
      ctx.err(`Nothing to run: ${plan.pattern.path} has no runnable block (fenced bash, sh, shell or console) in its phases.`);
      return;
    }
    // Only template samples: nothing executes, so nothing to confirm; the run is recorded as incomplete.
    if (blocks > 0 && !(await confirmRun(ctx, flags, blocks, plan.pattern.slug))) {
      ctx.exitCode = 2;
      return;
    }
    const signals = interruptHandlers(ctx);
    try {
      const [run] = await runPlans(catalog, [plan], 1, {
        ...liveOutput(ctx, flags.format, false),
        interrupt: signals.interrupt,
        abort: signals.abort,
        ...(flags.keep ? { keep: true } : {}),
      });
      const { outcome } = run!;
      if (flags.format === 'json') ctx.stdout.write(runsJson([run!]));
      else if (flags.format === 'junit') ctx.stdout.write(runsJunit([run!]));
      else {
        ctx.out();
        ctx.out(outcomeTable(run!));
      }
      if (outcome.status === 'passed' || outcome.status === 'failed' || outcome.status === 'incomplete')
        ctx.err(`Result (${outcome.status}) recorded in ${path.relative(ctx.cwd, recordFile(catalog.root, plan.pattern.slug))}.`);
      if (outcome.scratch) ctx.err(`Scratch folder kept: ${outcome.scratch}`);
      // Incomplete is not a pass: blocks that were the template's samples proved nothing.
      ctx.exitCode = outcome.status === 'passed' ? 0 : outcome.status === 'interrupted' ? 130 : 1;
    } finally {
      signals.dispose();
    }
  });
}
