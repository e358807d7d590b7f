import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { startupClock } from '../../lint/timing.js';
import { formatDiagnostic } from '../format-diagnostics.js';
import { portOf, untilStopped, withServeOptions } from '../serve-options.js';

interface McpFlags {
  http?: boolean;
  port?: string;
  host: string;
  template?: string;
  cache: boolean;
}

export function registerMcp(program: Command, ctx: CommandContext): Command {
  const command = program
    .command('mcp')
    .description('serve the catalog to AI assistants over the Model Context Protocol (stdio, or --http): search, read, relations, lint drafts; read-only')
    .argument('[dir]', 'catalog root')
    .option('--http', 'serve over Streamable HTTP at http://<host>:<port>/mcp instead of standard input and output');
  return withServeOptions(command)
    .option('-t, --template <file>', 'read the catalog against this template instead of the configured one')
    .option(
      '--no-cache',
      "read every pattern file at start, and keep nothing in the user's cache folder (by default the search index's material is kept there, never in the catalog)",
    )
    .action(async (dir: string | undefined, flags: McpFlags) => {
      const port = portOf(flags.port);
      // A long-running server: V8 may otherwise let its heap grow to several times what is live
      // before collecting (each question allocates result maps over every matching pattern).
      // Measured at 10,000 patterns over 90 questions: peak 1,117 MB by default, 440 MB with 20%
      // growth steps, at the same median latency. Set before the catalog is read: set after, it
      // only applies from the next full collection, which the default steps put past 900 MB (991 MB
      // peak measured). Reading 1,000 patterns took the same CPU time either way (within noise).
      setFlagsFromString('--heap-growing-percent=20');
      const root = resolveCatalogRoot(ctx.cwd, dir);
      const clock = startupClock('patternbook mcp');
      const { LiveCatalog } = await import('../../mcp/live-catalog.js');
      const { serveHttp, serveStdio } = await import('../../mcp/serve.js');
      clock('server modules loaded');
      // Started after the server's modules are loaded: reading the catalog keeps this thread busy
      // (on one lane), and the server must be ready to answer the client's handshake first.
      const live = LiveCatalog.start({ root, cache: flags.cache, ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}) });
      // Standard output carries the protocol: everything for people goes to standard error.
      const loaded = live.catalog().then((catalog) => {
        for (const d of catalog.diagnostics) ctx.err(formatDiagnostic(d, ctx.errColor));
        void live.ready.then(() => ctx.err('patternbook mcp: watching the catalog for changes'));
        return `${catalog.size} pattern${catalog.size === 1 ? '' : 's'} from ${path.relative(ctx.cwd, root) || '.'}`;
      });
      // Handled where it is awaited below; this keeps a failure before then from counting as unhandled.
      loaded.catch(() => undefined);
      try {
        // The handshake is answered while the catalog is read; questions wait for it.
        if (flags.http) {
          const running = await serveHttp(live, { host: flags.host, port });
          const what = await loaded.catch(async (err: unknown) => {
            await running.close();
            throw err;
          });
          ctx.err(`patternbook mcp: serving ${what} at ${running.url} (read-only; Ctrl-C to stop)`);
          if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) {
            ctx.err(`Listening on ${flags.host}: anyone who can reach this address can read the catalog (there is no authentication).`);
          }
          await untilStopped(running.close);
        } else {
          const session = await serveStdio(live, { stdin: ctx.stdin ?? process.stdin, stdout: ctx.stdout });
          const what = await loaded.catch(async (err: unknown) => {
            await session.close();
            throw err;
          });
          ctx.err(`patternbook mcp: serving ${what} over standard input and output (read-only)`);
          await session.done;
        }
      } finally {
        await live.close();
      }
      ctx.exitCode = 0;
    });
}
