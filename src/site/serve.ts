import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { PatternbookError } from '../diagnostics.js';
import { SITE_MARKER } from './out-dir.js';

export interface ServeOptions {
  /** Default 127.0.0.1: the site is only reachable from this machine unless asked. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Sub-path the site is served under, as it was built (`/catalog/`). */
  base?: string;
  /** Extra handlers by exact path, before the files (the dev server's events and status). */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
}

export interface RunningServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** Serves a built site folder over HTTP (`preview`, `dev`, the browser tests). */
export async function serveSite(dir: string, options: ServeOptions = {}): Promise<RunningServer> {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, SITE_MARKER))) {
    throw new PatternbookError(`${dir} is not a site built by Patternbook (no ${SITE_MARKER} in it): run \`patternbook build\` first.`);
  }
  const base = options.base ?? '/';
  const files = sirv(root, { dev: true, dotfiles: false, etag: true });
  const notFound = () => {
    const file = path.join(root, '404.html');
    return existsSync(file) ? readFileSync(file) : Buffer.from('Not found\n');
  };
  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = req.url ?? '/';
    const route = options.routes?.[url.split('?')[0]!];
    if (route) {
      route(req, res);
      return;
    }
    if (!url.startsWith(base)) {
      res.statusCode = 302;
      res.setHeader('Location', base);
      res.end();
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(notFound());
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PatternbookError(`Port ${options.port} is in use: choose another with --port.`) : err),
    );
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}${base}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
