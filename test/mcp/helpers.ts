import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { listFiles, REPO } from '../helpers.js';

export const CLI = path.join(REPO, 'dist/cli/bin.js');

const copies: string[] = [];

/**
 * A copy of the example catalog in a throw-away folder, kept for the whole
 * file (a server runs on it across tests): `removeCopies` in `afterAll`.
 */
export async function exampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'patternbook-mcp-'));
  copies.push(dir);
  await cp(path.join(REPO, 'examples/catalog'), dir, { recursive: true, filter: (src) => !/[\\/](_site|node_modules|\.patternbook)$/.test(src) });
  return dir;
}

export async function removeCopies(): Promise<void> {
  await Promise.all(copies.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** The real server, spawned from the built CLI, and the SDK's own client talking to it over stdio. */
export async function stdioClient(
  root: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ client: Client; stderr: () => string; close: () => Promise<void> }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', root, ...args],
    stderr: 'pipe',
    env: { ...process.env, NO_COLOR: '1', ...env } as Record<string, string>,
  });
  let err = '';
  transport.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const client = new Client({ name: 'patternbook-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => err, close: () => client.close() };
}

/** Every file under a folder with its size, modification time and content hash: what "nothing was written" is checked against. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listFiles(dir)) {
    const file = path.join(dir, rel);
    const s = await stat(file);
    out[rel] = `${s.size} ${s.mtimeMs} ${createHash('sha256')
      .update(await readFile(file))
      .digest('hex')}`;
  }
  return out;
}

/** Asks until `done` holds (the watcher takes changes in asynchronously), for at most `ms`; returns the last answer. */
export async function until<T>(ask: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await ask();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text of a tool result's first content item. */
export function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content;
  return content?.[0]?.text ?? '';
}
