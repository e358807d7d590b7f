import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { findCatalogRoot, findConfigRoot, loadConfig } from '../config/load-config.js';
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

export interface SiteToServe {
  /** Absolute path of the built site. */
  folder: string;
  /** The catalog's `site.base`, when the site is the catalog's `outDir`. */
  base?: string;
}

/**
 * What `preview [dir]` serves: `dir` itself when it is a built site, else
 * the built `outDir` of the catalog `dir` is (or, without `dir`, the catalog
 * around `cwd`). A folder that does not exist, or a catalog whose site is not
 * built yet, is an error that says so and what to run.
 */
export async function siteToServe(cwd: string, dir?: string): Promise<SiteToServe> {
  const given = dir === undefined ? undefined : path.resolve(cwd, dir);
  if (given !== undefined) {
    if (!existsSync(given)) throw new PatternbookError(`${dir} does not exist: give a catalog's root folder or a site built by \`patternbook build\`.`);
    if (!statSync(given).isDirectory()) throw new PatternbookError(`${dir} is not a folder: give a catalog's root folder or a site built by \`patternbook build\`.`);
  }
  const here = given ?? path.resolve(cwd);
  if (existsSync(path.join(here, SITE_MARKER))) return { folder: here };
  if (given !== undefined && existsSync(path.join(given, 'index.html')) && findConfigRoot(given) !== given) {
    throw new PatternbookError(
      `${dir} is not a site built by Patternbook (no ${SITE_MARKER} in it) nor a catalog: give a catalog's root folder or a folder built by \`patternbook build\`.`,
    );
  }
  const root = given ?? findCatalogRoot(cwd);
  const config = await loadConfig(root);
  const folder = path.resolve(config.root, config.outDir);
  if (!existsSync(path.join(folder, SITE_MARKER))) {
    const shown = (p: string) => path.relative(cwd, p) || '.';
    const build = `patternbook build${given !== undefined || root !== path.resolve(cwd) ? ` ${shown(root)}` : ''}`;
    throw new PatternbookError(`The site of the catalog in ${shown(root)} is not built yet (no site in ${shown(folder)}): run \`${build}\` first.`);
  }
  return { folder, ...(config.site.base ? { base: config.site.base } : {}) };
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
    // Stopping means stopping: no more connections, and those open end now. (A browser's keep-alive
    // socket, or a request cut off half-sent, would otherwise keep `close` waiting on the client.)
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
