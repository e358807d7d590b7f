import path from 'node:path';
import type { Command } from 'commander';
import { findCatalogRoot, loadConfig } from '../../config/load-config.js';
import type { CommandContext } from '../context.js';
import { portOf, untilStopped, withServeOptions } from '../serve-options.js';

export function registerPreview(program: Command, ctx: CommandContext): Command {
  const command = program
    .command('preview')
    .description('serve a built site (default: the catalog\'s outDir) on 127.0.0.1 until stopped')
    .argument('[dir]', 'the built site folder');
  return withServeOptions(command)
    .option('--base <path>', 'sub-path the site was built for, e.g. /catalog/')
    .action(async (dir: string | undefined, opts: { port?: string; host: string; base?: string }) => {
      let folder = dir ? path.resolve(ctx.cwd, dir) : undefined;
      let base = opts.base;
      if (!folder) {
        const config = await loadConfig(findCatalogRoot(ctx.cwd));
        folder = path.resolve(config.root, config.outDir);
        base ??= config.site.base;
      }
      const port = portOf(opts.port);
      const { serveSite } = await import('../../site/serve.js');
      const running = await serveSite(folder, { host: opts.host, port, ...(base ? { base } : {}) });
      ctx.out(`Serving ${path.relative(ctx.cwd, folder) || '.'} at ${running.url} (Ctrl-C to stop)`);
      await untilStopped(running.close);
    });
}
