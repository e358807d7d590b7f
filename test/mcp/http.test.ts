import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, exampleCopy, removeCopies, snapshot, textOf, until } from './helpers.js';

/** A raw POST of an initialize request with the given headers: what a web page (DNS rebinding) would send. */
function rawInitialize(url: URL, headers: Record<string, string>): Promise<number> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
  });
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The real server over Streamable HTTP (`patternbook mcp --http`), driven by the SDK's own client. */
describe('patternbook mcp --http', () => {
  let root: string;
  let server: ChildProcess;
  let url: URL;
  let before: Record<string, string>;
  let stderr = '';

  beforeAll(async () => {
    root = await exampleCopy();
    before = await snapshot(root);
    server = spawn(process.execPath, [CLI, 'mcp', root, '--http', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const said = await until(
      async () => stderr,
      (e) => /at http:\/\/\S+\/mcp/.test(e),
      30_000,
    );
    url = new URL(/at (http:\/\/\S+\/mcp)/.exec(said)![1]!);
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await removeCopies();
  });

  it('listens on 127.0.0.1 and says so', () => {
    expect(url.hostname).toBe('127.0.0.1');
    expect(stderr).toMatch(/serving 8 patterns from .* at http:\/\/127\.0\.0\.1:\d+\/mcp \(read-only; Ctrl-C to stop\)/);
  });

  it('answers two clients at once, each in its own session', async () => {
    const clients = [new Client({ name: 'a', version: '1' }), new Client({ name: 'b', version: '1' })];
    const transports = clients.map(() => new StreamableHTTPClientTransport(url));
    await Promise.all(clients.map((c, i) => c.connect(transports[i]!)));
    expect(transports[0]!.sessionId).toBeDefined();
    expect(transports[0]!.sessionId).not.toBe(transports[1]!.sessionId);

    const [found, listed] = await Promise.all([
      clients[0]!.callTool({ name: 'search_patterns', arguments: { query: 'undo the steps already done when a later step fails', limit: 1 } }),
      clients[1]!.callTool({ name: 'list_patterns', arguments: {} }),
    ]);
    expect((found.structuredContent as { results: { slug: string }[] }).results[0]!.slug).toBe('saga');
    expect((listed.structuredContent as { patterns: unknown[] }).patterns).toHaveLength(8);

    const missing = await clients[0]!.callTool({ name: 'get_pattern', arguments: { slug: 'bulkhed' } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('Nearest: `bulkhead`');

    const template = await clients[1]!.readResource({ uri: 'patternbook://template' });
    expect((template.contents[0] as { text: string }).text).toMatch(/^# \[Pattern Title\]/);
    const prompts = await clients[1]!.listPrompts();
    expect(prompts.prompts).toHaveLength(2);

    await Promise.all(transports.map((t) => t.terminateSession()));
    await Promise.all(clients.map((c) => c.close()));
  });

  it('refuses requests that name another host or come from a web page elsewhere (DNS rebinding)', async () => {
    expect(await rawInitialize(url, { host: `attacker.example:${url.port}` })).toBe(403);
    expect(await rawInitialize(url, { origin: 'https://attacker.example' })).toBe(403);
    expect(await rawInitialize(url, {})).toBe(200);
  });

  it('refuses a request without a session that is not an initialize', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('the first request must be initialize');
  });

  it('stops on SIGTERM, having written nothing in the catalog', async () => {
    server.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    expect(code).toBe(0);
    expect(await snapshot(root)).toEqual(before);
  });
});
