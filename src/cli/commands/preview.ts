import path from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { portOf, untilStopped, withServeOptions } from '../serve-options.js';

export function registerPreview(program: Command, ctx: CommandContext): Command {
  const command = program
    .command('preview')
    .description("serve a catalog's built site (its outDir) or a built site folder on 127.0.0.1 until stopped")
    .argument('[dir]', 'catalog root (its outDir is served) or a folder built by `patternbook build`');
  return withServeOptions(command)
    .option('--base <path>', "sub-path the site was built for, e.g. /catalog/ (default: the catalog's site.base)")
    .action(async (dir: string | undefined, opts: { port?: string; host: string; base?: string }) => {
      const port = portOf(opts.port);
      const { serveSite, siteToServe } = await import('../../site/serve.js');
      const site = await siteToServe(ctx.cwd, dir);
      const base = opts.base ?? site.base;
      const running = await serveSite(site.folder, { host: opts.host, port, ...(base ? { base } : {}) });
      ctx.out(`Serving ${path.relative(ctx.cwd, site.folder) || '.'} at ${running.url} (Ctrl-C to stop)`);
      await untilStopped(running.close);
    });
}
