import { existsSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { PatternbookError } from '../../diagnostics.js';
import { CONFIG_FILES } from '../../config/load-config.js';
import { shellWord } from '../../util/shell-word.js';
import type { LintReport } from '../../lint/result.js';
import { REPORTER_NAMES, type ReporterName } from '../../lint/reporters/names.js';
import { writeFileAtomic } from '../../util/text-file.js';
import { timingTable } from '../../lint/timing.js';
import { catalogRootFor } from '../catalog-root.js';
import type { Colors, CommandContext } from '../context.js';

interface LintFlags {
  format: ReporterName;
  output?: string;
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
  template?: string;
  external?: boolean;
  changedSince?: string;
  errorOnUnmatchedPattern: boolean;
  baseline: 'use' | 'ignore' | 'write' | 'update';
  dryRun?: boolean;
}

export function registerLint(program: Command, ctx: CommandContext): Command {
  return program
    .command('lint')
    .description("check every pattern against the catalog's template and report all problems in one pass")
    .argument('[paths...]', 'catalog root, or pattern files and folders inside it (default: the catalog around the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORTER_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--fix', 'apply safe fixes (insert missing sections, correct heading levels…) and write the files')
    .option('-t, --template <file>', 'lint against this template instead of the configured one')
    .option('--external', 'also check external URLs over the network (bounded concurrency, timeouts, cached in .patternbook/)')
    .option(
      '--changed-since <ref>',
      'only patterns with a file changed since this git ref, and those whose relations point to them (all of them when the configuration or template changed)',
    )
    .addOption(
      new Option(
        '--baseline <mode>',
        "the catalog's baseline (patternbook-baseline.json): use it (only new findings count), ignore it, write today's findings into it, or update it (drop what was fixed)",
      )
        .choices(['use', 'ignore', 'write', 'update'])
        .default('use'),
    )
    .option('--dry-run', 'with --fix: print the changes as a unified diff and write nothing')
    .option(
      '--no-error-on-unmatched-pattern',
      'skip paths that name no pattern (the template, other Markdown files) instead of exiting 2: for hooks that pass every changed file',
    )
    .action(async (paths: string[], flags: LintFlags) => {
      const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
        throw new PatternbookError(`--max-warnings takes a whole number ≥ 0, not "${flags.maxWarnings}".`);
      }
      if (flags.dryRun && !flags.fix) throw new PatternbookError('--dry-run shows what --fix would change: use them together (`patternbook lint --fix --dry-run`).');
      const absolute = paths.map((p) => path.resolve(ctx.cwd, p));
      for (const [i, p] of absolute.entries()) if (!existsSync(p)) throw new PatternbookError(`${paths[i]} does not exist.`);
      const root = catalogRootFor(ctx.cwd, absolute);
      // Loaded here, not with the command line: the other commands start without the linter.
      const { changedPatterns } = await import('../../lint/changed.js');
      const { lint } = await import('../../lint/lint.js');
      const { reporters } = await import('../../lint/reporters/index.js');
      let restrict = absolute.filter((p) => p !== root);
      if (flags.changedSince) {
        const changed = await changedPatterns({ root, ref: flags.changedSince, ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}) });
        if (!changed.all) {
          const within = (f: string) => restrict.length === 0 || restrict.some((p) => f === p || f.startsWith(p + path.sep));
          restrict = changed.files.filter(within);
          if (restrict.length === 0) {
            ctx.err(`No pattern changed since ${flags.changedSince}: nothing to lint.`);
            ctx.exitCode = 0;
            return;
          }
        }
      }

      // Reasons, once each: --fix lints several times.
      const skipped = new Set<string>();
      let report = await lint({
        root,
        ...(restrict.length ? { paths: restrict } : {}),
        ...(flags.errorOnUnmatchedPattern ? {} : { onUnmatchedPath: (reason: string) => void skipped.add(reason) }),
        ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}),
        ...(flags.fix ? { fix: true } : {}),
        ...(flags.fix && flags.dryRun ? { dryRun: true } : {}),
        ...(flags.external ? { external: true } : {}),
        baseline: flags.baseline,
      });
      if (report.fixDiff !== undefined) ctx.out(report.fixDiff || 'Nothing to fix.');
      const hiddenWarnings = flags.quiet ? report.warningCount : 0;
      if (flags.quiet) report = errorsOnly(report);
      // Nothing at all was linted: no pattern loaded and none failed to load (the paths given always name one).
      const nothingLinted = !report.results.some((r) => r.slug !== undefined || r.diagnostics.some((d) => d.fatal));

      for (const reason of skipped) ctx.err(`Not linted: ${reason}`);
      const allSkipped = skipped.size > 0 && nothingLinted;

      const color = !flags.output && ctx.colorEnabled;
      // "No problems in 0 files" would hide that nothing was linted; the machine formats still get their (empty) report.
      let text = allSkipped && flags.format === 'stylish' ? '' : reporters[flags.format](report, { color, cwd: ctx.cwd });
      if (flags.format === 'stylish' && hiddenWarnings > 0) text = quietSummary(text, report, hiddenWarnings, color ? ctx.color : undefined);
      if (flags.output) await writeFileAtomic(path.resolve(ctx.cwd, flags.output), text.endsWith('\n') ? text : `${text}\n`);
      else if (text) ctx.out(text.replace(/\n$/, ''));

      // Without a pattern the report alone may say nothing (--quiet, or a machine format): say it here.
      if (allSkipped) ctx.err('Nothing was linted: no path given names a pattern.');
      else if (nothingLinted && (flags.quiet || flags.format !== 'stylish')) {
        ctx.err(`Nothing was linted: the catalog ${root} has no pattern files yet (\`patternbook new <slug>\` creates one).`);
      }

      if (report.baseline) {
        const where = path.relative(ctx.cwd, report.baseline.file) || report.baseline.file;
        if (report.baseline.written !== undefined)
          ctx.err(
            `Recorded ${report.baseline.written} finding${report.baseline.written === 1 ? '' : 's'} in ${where}: from now on only new findings count. Commit the file.`,
          );
        else if (report.baseline.stale > 0)
          ctx.err(
            `${report.baseline.stale} finding${report.baseline.stale === 1 ? '' : 's'} of the baseline ${report.baseline.stale === 1 ? 'is' : 'are'} fixed: \`patternbook lint --baseline update\` removes ${report.baseline.stale === 1 ? 'it' : 'them'} from ${where}.`,
          );
      }

      for (const note of report.notes ?? []) ctx.err(`Note: ${note}`);
      // (No configuration: the files were judged by Patternbook's own template, not the catalog's.)
      if (!flags.template && !nothingLinted && !CONFIG_FILES.some((f) => existsSync(path.join(root, f)))) {
        const where = path.relative(ctx.cwd, root) || '.';
        ctx.err(
          `Note: ${where} has no Patternbook configuration, so the patterns were judged by Patternbook's built-in template. For a catalog with its own template and layout, \`patternbook init --adopt ${shellWord(where)}\` finds them and writes the configuration.`,
        );
      }

      const timings = timingTable();
      if (timings) ctx.err(timings.replace(/\n$/, ''));

      const tooManyWarnings = maxWarnings !== undefined && report.warningCount > maxWarnings;
      if (tooManyWarnings) ctx.err(`Too many warnings: ${report.warningCount}, at most ${maxWarnings} allowed (--max-warnings).`);
      ctx.exitCode = report.errorCount > 0 || tooManyWarnings ? 1 : 0;
    });
}

/**
 * Stylish output under --quiet says that warnings were left out: "✔ No problems"
 * while warnings exist would be a lie.
 */
function quietSummary(text: string, report: LintReport, hidden: number, color: Colors | undefined): string {
  const warnings = `${hidden} warning${hidden === 1 ? '' : 's'} not shown`;
  if (report.errorCount > 0) return `${text.replace(/\n$/, '')}\n${warnings} (--quiet)\n`;
  // Without errors the report is its summary line alone.
  const line = `✔ No errors (${warnings}; run without --quiet to see them)`;
  return `${color ? color.green(line) : line}\n`;
}

function errorsOnly(report: LintReport): LintReport {
  const results = report.results.map((r) => {
    const diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
    // (Counted as the full report counts them: a missing section --fix inserts to write is said apart.)
    return { ...r, diagnostics, warningCount: 0, fixableCount: diagnostics.filter((d) => d.fix && !d.fix.toWrite).length };
  });
  return { ...report, results, warningCount: 0, fixableCount: results.reduce((n, r) => n + r.fixableCount, 0) };
}
