import type { Command } from 'commander';
import { PatternbookError } from '../diagnostics.js';

/** `--port` and `--host`, the same for every command that serves a site (`dev`, `preview`). */
export function withServeOptions(command: Command): Command {
  return command.option('-p, --port <port>', 'port (default: any free one)').option('--host <host>', 'address to listen on', '127.0.0.1');
}

/** The `--port` value: 0 (any free port) when not given. */
export function portOf(value: string | undefined): number {
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PatternbookError(`--port ${value}: expected a port number (0-65535).`);
  return port;
}

/** Resolves once Ctrl-C (or SIGTERM) has stopped the server. */
export function untilStopped(close: () => Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => void close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
