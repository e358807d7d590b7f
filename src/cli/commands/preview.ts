import path from 'node:path';
import type { Command } from 'commander';
import { findCatalogRoot, loadConfig } from '../../config/load-config.js';
import { PatternbookError } from '../../diagnostics.js';
import type { CommandContext } from '../context.js';

export function registerPreview(program: Command, ctx: CommandContext): Command {
  return program
    .command('preview')
    .description('serve a built site (default: the catalog\'s outDir) on 127.0.0.1 until stopped')
    .argument('[dir]', 'the built site folder')
    .option('-p, --port <port>', 'port (default: any free one)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--base <path>', 'sub-path the site was built for, e.g. /catalog/')
    .action(async (dir: string | undefined, opts: { port?: string; host: string; base?: string }) => {
      let folder = dir ? path.resolve(ctx.cwd, dir) : undefined;
      let base = opts.base;
      if (!folder) {
        const config = await loadConfig(findCatalogRoot(ctx.cwd));
        folder = path.resolve(config.root, config.outDir);
        base ??= config.site.base;
      }
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PatternbookError(`--port ${opts.port}: expected a port number (0-65535).`);
      const { serveSite } = await import('../../site/serve.js');
      const running = await serveSite(folder, { host: opts.host, port, ...(base ? { base } : {}) });
      ctx.out(`Serving ${path.relative(ctx.cwd, folder) || '.'} at ${running.url} (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => void running.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
