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
      const progress = progressBar(ctx);
      const summary = await buildSite({
        onProgress: progress.update,
        root,
        ...(opts.out ? { out: path.resolve(ctx.cwd, opts.out) } : {}),
        ...(opts.base ? { base: opts.base } : {}),
        ...(opts.template ? { templateFile: path.resolve(ctx.cwd, opts.template) } : {}),
      });
      progress.done();
      for (const d of summary.problems) ctx.err(formatDiagnostic(d, ctx.errColor));
      const rel = path.relative(ctx.cwd, summary.out) || '.';
      ctx.out(
        `Built ${rel}: ${summary.pages} pattern page${summary.pages === 1 ? '' : 's'}, ${summary.assets} image${summary.assets === 1 ? '' : 's'} and file${summary.assets === 1 ? '' : 's'}, search index ${(summary.indexBytes / 1024).toFixed(0)} KB, in ${summary.seconds.toFixed(1)} s.`,
      );
      ctx.exitCode = summary.problems.some((d) => d.severity === 'error') ? 1 : 0;
    });
}

/**
 * A progress bar on a terminal, for builds of more than a few hundred
 * patterns: pages written of all, and the time left at the pace so far.
 * Nothing when the output is not a terminal (CI logs stay clean).
 */
function progressBar(ctx: CommandContext): { update: (done: number, total: number) => void; done: () => void } {
  const stream = ctx.stderr as NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let started = 0;
  let last = 0;
  let drawn = false;
  return {
    update: (done, total) => {
      if (total < 300) return;
      const now = performance.now();
      if (done === 0) started = now;
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const eta = done > 0 ? (((now - started) / done) * (total - done)) / 1000 : 0;
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} pages${done > 0 && done < total ? `, about ${Math.ceil(eta)} s left` : ''}   `,
      );
      drawn = true;
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
