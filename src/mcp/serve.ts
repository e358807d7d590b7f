import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { PatternbookError } from '../diagnostics.js';
import type { LiveCatalog } from './live-catalog.js';
import { createMcpServer } from './server.js';

/** Tells every connected client when patterns come or go (their resource list changed). */
function announceChanges(live: LiveCatalog, servers: () => Iterable<McpServer>): void {
  live.onChange((change) => {
    if (change.added.length === 0 && change.removed.length === 0 && !change.reloaded) return;
    for (const server of servers()) if (server.isConnected()) server.sendResourceListChanged();
  });
}

/** A connection being served: `done` resolves when it is over; `close` ends it. */
export interface Session {
  done: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves the catalog over standard input and output until the client closes
 * its end (or the output pipe breaks).
 */
export async function serveStdio(live: LiveCatalog, io: { stdin: Readable; stdout: Writable }): Promise<Session> {
  const server = createMcpServer(live);
  announceChanges(live, () => [server]);
  const transport = new StdioServerTransport(io.stdin, io.stdout);
  const done = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  const close = () => server.close();
  // The SDK's transport does not notice the end of its input: the client closing stdin ends the session.
  io.stdin.once('end', () => void close());
  io.stdin.once('close', () => void close());
  // A client gone away (EPIPE) is the end of the session, not a crash.
  io.stdout.once('error', () => void close());
  await server.connect(transport);
  return { done, close };
}

export interface HttpOptions {
  host: string;
  /** 0: any free port. */
  port: number;
}

export interface RunningHttp {
  /** The endpoint clients connect to: `http://127.0.0.1:<port>/mcp`. */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Serves the catalog over MCP's Streamable HTTP transport at `/mcp`, one
 * session (and one `McpServer`) per client. Bound to loopback by default;
 * then requests must name a loopback host (and, from a browser, a loopback
 * origin), so a web page cannot reach the server through DNS rebinding.
 */
export async function serveHttp(live: LiveCatalog, options: HttpOptions): Promise<RunningHttp> {
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; server: McpServer }>();
  announceChanges(live, () => [...sessions.values()].map((s) => s.server));
  const loopbackOnly = LOOPBACK.has(options.host);

  const http = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, `Internal error: ${(err as Error).message}`);
      else res.end();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/mcp') return reply(res, 404, 'Not found: the MCP endpoint is /mcp.');
    if (loopbackOnly && !fromLoopback(req)) return reply(res, 403, 'Forbidden: this server answers requests to 127.0.0.1 or localhost only.');
    const id = req.headers['mcp-session-id'];
    const sessionId = Array.isArray(id) ? id[0] : id;
    const known = sessionId ? sessions.get(sessionId) : undefined;
    if (known) return known.transport.handleRequest(req, res);
    if (sessionId) return reply(res, 404, 'Unknown or closed session: initialize a new one.');
    if (req.method !== 'POST') return reply(res, 400, 'No session: start with an initialize request (POST).');

    const body = await readJson(req);
    if (body === undefined || !isInitializeRequest(body)) return reply(res, 400, 'No session: the first request must be initialize.');
    const server = createMcpServer(live);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, { transport, server }),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  await new Promise<void>((resolve, reject) => {
    http.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PatternbookError(`Port ${options.port} is in use: choose another with --port (or 0 for any free one).`) : err),
    );
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/mcp`,
    close: async () => {
      for (const { server } of sessions.values()) await server.close();
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Whether a request names a loopback host, and comes from no web page or one on loopback. */
function fromLoopback(req: IncomingMessage): boolean {
  const hostname = (value: string | undefined) => {
    if (!value) return undefined;
    try {
      return new URL(value.includes('://') ? value : `http://${value}`).hostname;
    } catch {
      return undefined;
    }
  };
  const host = hostname(req.headers.host);
  if (!host || !LOOPBACK.has(host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || LOOPBACK.has(hostname(origin) ?? '');
}

/** A request body as JSON (at most 4 MB), or undefined when it is not JSON. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 4 * 1024 * 1024) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
