import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkExternalUrls, type ExternalResult } from '../../src/lint/rules/_external.js';
import { tempCatalog } from '../helpers.js';

/**
 * The external-links cache (`.patternbook/external-links.json`) is read back
 * on every `lint --external`: whatever is in it, the run goes on, answers that
 * do not fit its schema are asked again, and the file is written anew.
 */

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A local server: `/ok` answers 200, anything else 404; it counts the requests. */
async function startServer(): Promise<{ base: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(req.url === '/ok' ? 200 : 404).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

async function check(urls: string[], cacheFile: string): Promise<Map<string, ExternalResult>> {
  return checkExternalUrls(urls, { timeoutMs: 5000, concurrency: 2, cacheFile, maxAgeMs: 24 * 60 * 60 * 1000 });
}

async function cacheWith(content: string): Promise<string> {
  const file = path.join(await tempCatalog(), '.patternbook', 'external-links.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

const readCache = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as { version: number; entries: Record<string, ExternalResult> };

describe('the external-links cache, read at the boundary', () => {
  it.each([
    ['not JSON', '{"version": 1, "entries": {'],
    ['another version', '{"version": 2, "entries": {}}'],
    ['entries that are a list', '{"version": 1, "entries": []}'],
    ['not an object', '"hello"'],
  ])('a cache that is %s is ignored and written anew', async (_, content) => {
    const server = await startServer();
    const file = await cacheWith(content);
    const results = await check([`${server.base}/ok`, `${server.base}/gone`], file);
    expect(results.get(`${server.base}/ok`)).toMatchObject({ ok: true, status: 200 });
    expect(results.get(`${server.base}/gone`)).toMatchObject({ ok: false, status: 404 });
    const cache = await readCache(file);
    expect(cache.version).toBe(1);
    expect(Object.keys(cache.entries).sort()).toEqual([`${server.base}/gone`, `${server.base}/ok`]);
  });

  // Before: an entry with `ok` and `checkedAt` was trusted whatever else it held, and its
  // `statusText` object ended in the message ("the server answered 404 [object Object]").
  it('an entry that does not fit is asked again; the entries that fit are used as they are', async () => {
    const server = await startServer();
    const now = Date.now();
    const file = await cacheWith(
      JSON.stringify({
        version: 1,
        entries: {
          [`${server.base}/cached`]: { ok: true, status: 200, checkedAt: now - 1000 },
          [`${server.base}/ok`]: { ok: false, status: 404, statusText: { text: 'Not Found' }, checkedAt: now - 1000 },
          'https://unrelated.example/': { ok: 'yes', checkedAt: now - 1000 },
        },
      }),
    );
    const results = await check([`${server.base}/cached`, `${server.base}/ok`], file);
    expect(results.get(`${server.base}/cached`)).toMatchObject({ ok: true, status: 200 });
    expect(results.get(`${server.base}/ok`)).toMatchObject({ ok: true, status: 200 });
    expect(server.requests).toEqual(['HEAD /ok']);
    const cache = await readCache(file);
    expect(Object.keys(cache.entries).sort()).toEqual([`${server.base}/cached`, `${server.base}/ok`]);
  });

  // Before: nothing was added or stale, so the bad entry stayed in the file for good.
  it('a cache with an entry that does not fit is written anew even when every answer came from it', async () => {
    const server = await startServer();
    const now = Date.now();
    const file = await cacheWith(
      JSON.stringify({
        version: 1,
        entries: {
          [`${server.base}/ok`]: { ok: true, status: 200, checkedAt: now - 1000 },
          'https://unrelated.example/': { ok: true, status: '200', checkedAt: now - 1000 },
        },
      }),
    );
    await check([`${server.base}/ok`], file);
    expect(server.requests).toEqual([]);
    expect(Object.keys((await readCache(file)).entries)).toEqual([`${server.base}/ok`]);
  });
});
