import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PatternbookError } from '../../diagnostics.js';
import { catalogRootFor } from '../catalog-root.js';
import type { PatternRun } from '../../run/report.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';
import { confirmRun, interruptHandlers, liveOutput, planOptionsOf, withRunOptions, type RunFlags } from '../run-options.js';

interface VerifyFlags extends RunFlags {
  jobs: string;
  changedSince?: string;
}

export function registerVerify(program: Command, ctx: CommandContext): Command {
  return withRunOptions(
    program
      .command('verify')
      .description('run the documented steps of every pattern that has some (or of those given), each with its Cleanup; exit 1 if any fails')
      .argument('[paths...]', 'catalog root, or pattern files and folders inside it (default: the catalog around the current folder)')
      .option('-j, --jobs <n>', 'patterns verified at once', '1')
      .option('--changed-since <ref>', 'only patterns with a file changed since this git ref (branch, tag or commit), for pull requests'),
  ).action(async (paths: string[], flags: VerifyFlags) => {
    // Loaded on use: these commands' libraries cost `lint` and `--version` nothing.
    const { hasSteps, placeholderBlocks, runnableBlocks } = await import('../../run/plan.js');
    const { planText, runsJson, runsJunit, verdict, verifySummary } = await import('../../run/report.js');
    const { loadTargets, planTargets, runPlans } = await import('../../run/verify.js');
    const jobs = Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new PatternbookError(`--jobs ${flags.jobs}: expected a whole number ≥ 1.`);
    const absolute = paths.map((p) => path.resolve(ctx.cwd, p));
    for (const [i, p] of absolute.entries()) if (!existsSync(p)) throw new PatternbookError(`${paths[i]} does not exist.`);
    const root = catalogRootFor(ctx.cwd, absolute);
    const select = absolute.filter((p) => p !== root);
    const { catalog, patterns } = await loadTargets({
      root,
      ...(select.length ? { select } : {}),
      ...(flags.changedSince ? { changedSince: flags.changedSince } : {}),
      ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}),
    });
    for (const d of catalog.diagnostics.filter((d) => d.fatal)) ctx.err(formatDiagnostic(d, ctx.errColor));
    // Paths that name nothing must not pass as "all verified" in CI.
    if (select.length && patterns.length === 0 && !flags.changedSince)
      throw new PatternbookError(`${paths.join(', ')}: no pattern of the catalog at ${catalog.root} there.`);
    const { plans, skipped } = planTargets(catalog, patterns, planOptionsOf(flags, ctx));
    const show = flags.format === 'text' ? ctx.out : ctx.err;

    const since = flags.changedSince ? ` changed since ${flags.changedSince}` : '';
    show(`${plans.length} pattern${plans.length === 1 ? '' : 's'}${since} to verify${skipped.length ? `; ${skipped.length} left out` : ''}.`);
    for (const s of skipped) show(`  ${s.plan.pattern.slug}: ${s.reason}`);
    // A plan of template samples alone runs nothing, whatever its parameters: it is reported incomplete.
    const blocked = plans.filter((p) => p.problems.length || (p.resolved.missing.length && hasSteps(p)));
    if (flags.dryRun) {
      for (const plan of plans) {
        show();
        show(planText(plan));
      }
      ctx.exitCode = blocked.length ? 2 : 0;
      return;
    }
    if (plans.length === 0) return;
    for (const plan of blocked) {
      const why = plan.problems.length
        ? `block attributes to fix (${plan.problems.map((p) => `line ${p.line}`).join(', ')})`
        : `required parameter${plan.resolved.missing.length > 1 ? 's' : ''} without a value: ${plan.resolved.missing.map((p) => p.name).join(', ')} (give --param or --env-file)`;
      ctx.err(`${plan.pattern.slug} will not run: ${why}.`);
    }
    // What will run, one line per pattern (`--dry-run` shows the whole plans).
    for (const plan of plans) {
      const perPhase = plan.phases.map((p) => [p.spec.name, p.blocks.filter((b) => !b.options.skip).length] as const).filter(([, n]) => n > 0);
      const samples = placeholderBlocks(plan).length;
      const notes = samples ? `${perPhase.length ? '; ' : ''}${samples} template sample${samples === 1 ? '' : 's'} not run (incomplete)` : '';
      show(`  ${plan.pattern.slug}: ${perPhase.map(([name, n]) => `${name} ${n}`).join(', ')}${notes}`);
    }
    const blocks = plans.reduce((n, p) => n + runnableBlocks(p).length, 0);
    // Nothing executes when every plan is template samples alone: nothing to confirm.
    if (blocks > 0 && !(await confirmRun(ctx, flags, blocks, `${plans.length} pattern${plans.length === 1 ? '' : 's'}`))) {
      ctx.exitCode = 2;
      return;
    }
    const signals = interruptHandlers(ctx);
    let runs: PatternRun[];
    try {
      runs = await runPlans(catalog, plans, jobs, {
        ...liveOutput(ctx, flags.format, true),
        interrupt: signals.interrupt,
        abort: signals.abort,
        ...(flags.keep ? { keep: true } : {}),
        onRunEnd: (run) => (flags.format === 'text' ? ctx.out : ctx.err)(verdict(run)),
      });
    } finally {
      signals.dispose();
    }
    if (flags.format === 'json') ctx.stdout.write(runsJson(runs));
    else if (flags.format === 'junit') ctx.stdout.write(runsJunit(runs));
    else {
      ctx.out();
      ctx.out(verifySummary(runs));
    }
    const count = (status: string) => runs.filter((r) => r.outcome.status === status).length;
    ctx.err(
      `${count('passed')} passed, ${count('failed')} failed, ${count('incomplete')} incomplete, ${count('not-run')} not run${count('interrupted') ? `, ${count('interrupted')} interrupted` : ''}; results in .patternbook/verify/.`,
    );
    // Only passed is a pass: an incomplete pattern (template samples where its steps should be) verified nothing.
    ctx.exitCode = count('interrupted') ? 130 : runs.every((r) => r.outcome.status === 'passed') ? 0 : 1;
  });
}
