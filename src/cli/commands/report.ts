import path from 'node:path';
import { Option, type Command } from 'commander';
import { PatternbookError } from '../../diagnostics.js';
import { DEFAULT_STALE_DAYS } from '../../report/health.js';
import { writeFileAtomic } from '../../util/text-file.js';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';

interface ReportFlags {
  format: 'text' | 'json' | 'html';
  staleDays?: string;
  out?: string;
  template?: string;
}

export function registerReport(program: Command, ctx: CommandContext): Command {
  return program
    .command('report')
    .description("the catalog's health: conformance per rule and pattern, stale patterns, orphans, one-way relations, near-duplicates, verification")
    .argument('[dir]', 'catalog root')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
    .option('--stale-days <n>', `a pattern not updated for more days than this is listed (default: report.staleDays, else ${DEFAULT_STALE_DAYS})`)
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('-t, --template <file>', 'read the catalog against this template instead of the configured one')
    .action(async (dir: string | undefined, flags: ReportFlags) => {
      // Loaded on use: these commands' libraries cost `lint` and `--version` nothing.
      const { loadCatalogData } = await import('../../export/load.js');
      const { healthReport } = await import('../../report/health.js');
      const { healthPage, healthText } = await import('../../report/render.js');
      const staleFlag = flags.staleDays === undefined ? undefined : Number(flags.staleDays);
      if (staleFlag !== undefined && (!Number.isInteger(staleFlag) || staleFlag < 1))
        throw new PatternbookError(`--stale-days ${flags.staleDays}: expected a whole number ≥ 1.`);
      const root = resolveCatalogRoot(ctx.cwd, dir);
      const { catalog, lint, baselined, rules, data, problems } = await loadCatalogData({
        root,
        ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}),
      });
      for (const d of problems) ctx.err(formatDiagnostic(d, ctx.errColor));
      const bySlug = new Map(lint.map((r) => [r.slug, r.diagnostics]));
      const report = healthReport({
        title: data.title,
        patterns: data.patterns.map((p) => ({
          slug: p.slug,
          title: p.title,
          ...(p.updated ? { updated: p.updated } : {}),
          ...p.relations,
          verification: p.verification,
          diagnostics: bySlug.get(p.slug) ?? [],
        })),
        ruleIds: rules.map((r) => r.id),
        now: new Date(),
        staleDays: staleFlag ?? catalog.config.report.staleDays ?? DEFAULT_STALE_DAYS,
        baselined,
      });
      const text = flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : flags.format === 'html' ? healthPage(report) : healthText(report);
      if (flags.out) await writeFileAtomic(path.resolve(ctx.cwd, flags.out), text);
      else ctx.stdout.write(text);
      ctx.exitCode = catalog.diagnostics.some((d) => d.fatal) ? 1 : 0;
    });
}
