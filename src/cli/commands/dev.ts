import path from 'node:path';
import type { Command } from 'commander';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { portOf, untilStopped, withServeOptions } from '../serve-options.js';

export function registerDev(program: Command, ctx: CommandContext): Command {
  const command = program
    .command('dev')
    .description('build the site, serve it on 127.0.0.1 and rebuild and reload it as you edit, with lint findings on the page')
    .argument('[dir]', 'catalog root');
  return withServeOptions(command).action(async (dir: string | undefined, opts: { port?: string; host: string }) => {
    const root = resolveCatalogRoot(ctx.cwd, dir);
    const port = portOf(opts.port);
    const { startDev } = await import('../../site/dev.js');
    const server = await startDev({
      root,
      host: opts.host,
      port,
      onBuild: (result) => {
        if (result.ok) {
          const findings = result.summary.lint.length;
          const what = result.quick ? `Rebuilt ${result.summary.pages} page${result.summary.pages === 1 ? '' : 's'}` : `Built ${result.summary.pages} pages`;
          ctx.out(
            `${what} in ${(result.summary.seconds * 1000).toFixed(0)} ms${findings ? `, ${findings} lint finding${findings === 1 ? '' : 's'} (shown on the pages)` : ''}.`,
          );
        } else {
          ctx.err(`Build failed: ${result.error} (the last good site is still served)`);
        }
      },
    });
    const shown = (p: string) => path.relative(ctx.cwd, p) || '.';
    ctx.out(`Serving ${shown(server.folder)} (built from the catalog in ${shown(root)}) at ${server.url}, rebuilding on changes (Ctrl-C to stop)`);
    await untilStopped(server.close);
  });
}
