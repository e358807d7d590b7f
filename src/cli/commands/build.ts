import path from 'node:path';
import type { Command } from 'commander';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';

export function registerBuild(program: Command, ctx: CommandContext): Command {
  return program
    .command('build')
    .description('build the catalog into a static, searchable site (home, a page per pattern, search index)')
    .argument('[dir]', 'catalog root')
    .option('-o, --out <dir>', 'output folder (default: outDir from the configuration, `_site`)')
    .option('--base <path>', 'sub-path the site is served under, e.g. /catalog/ (default /)')
    .option('-t, --template <file>', 'use this template instead of the configured one')
    .action(async (dir: string | undefined, opts: { out?: string; base?: string; template?: string }) => {
      const root = resolveCatalogRoot(ctx.cwd, dir);
      // Loaded on use: the site's dependencies (sanitizer, search indexer) cost `lint` nothing.
      const { buildSite } = await import('../../site/build.js');
      const summary = await buildSite({
        root,
        ...(opts.out ? { out: path.resolve(ctx.cwd, opts.out) } : {}),
        ...(opts.base ? { base: opts.base } : {}),
        ...(opts.template ? { templateFile: path.resolve(ctx.cwd, opts.template) } : {}),
      });
      for (const d of summary.problems) ctx.err(formatDiagnostic(d, ctx.errColor));
      const rel = path.relative(ctx.cwd, summary.out) || '.';
      ctx.out(
        `Built ${rel}: ${summary.pages} pattern page${summary.pages === 1 ? '' : 's'}, ${summary.assets} image${summary.assets === 1 ? '' : 's'} and file${summary.assets === 1 ? '' : 's'}, search index ${(summary.indexBytes / 1024).toFixed(0)} KB, in ${summary.seconds.toFixed(1)} s.`,
      );
      ctx.exitCode = summary.problems.some((d) => d.severity === 'error') ? 1 : 0;
    });
}
