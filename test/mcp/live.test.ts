import { spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDepth } from '../../src/mcp/live-catalog.js';
import { CLI, exampleCopy, removeCopies, stdioClient, until } from './helpers.js';

type Listed = { patterns: { slug: string }[] };
type Found = { results: { slug: string }[] };
type Related = { relations: { slug: string; kind: string; reciprocal: boolean }[] };

/** The server keeps its answers current as the catalog's files change on disk. */
describe('patternbook mcp keeps up with the catalog', () => {
  let root: string;
  let client: Client;
  let close: () => Promise<void>;
  let listChanged = 0;

  beforeAll(async () => {
    root = await exampleCopy();
    ({ client, close } = await stdioClient(root));
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void listChanged++);
  }, 60_000);

  afterAll(async () => {
    await close?.();
    await removeCopies();
  });

  const search = async (query: string) =>
    ((await client.callTool({ name: 'search_patterns', arguments: { query } })).structuredContent as Found).results.map((r) => r.slug);
  const slugs = async () => ((await client.callTool({ name: 'list_patterns', arguments: {} })).structuredContent as Listed).patterns.map((p) => p.slug);

  it('indexes a changed pattern again', async () => {
    expect(await search('zebracorn')).toEqual([]);
    const file = path.join(root, 'bulkhead/README.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('## Overview\n', '## Overview\n\nA zebracorn stampede is what this prevents.\n'));
    expect(
      await until(
        () => search('zebracorn'),
        (found) => found.length > 0,
      ),
    ).toEqual(['bulkhead']);
  });

  it('adds a new pattern and drops a deleted one, and tells the client its resource list changed', async () => {
    const before = listChanged;
    await mkdir(path.join(root, 'rate-limiter'));
    await writeFile(
      path.join(root, 'rate-limiter/README.md'),
      '---\ncategory: resilience\ntags: [limits]\nstatus: draft\n---\n# Rate Limiter\n\n> Caps how many requests each client may send per second.\n\n## Overview\n\nA token bucket per client refills at a steady rate.\n',
    );
    expect(await until(slugs, (s) => s.includes('rate-limiter'))).toContain('rate-limiter');
    expect(await search('token bucket refills')).toContain('rate-limiter');
    expect(
      (await until(
        async () => listChanged,
        (n) => n > before,
      )) > before,
    ).toBe(true);

    await rm(path.join(root, 'rate-limiter'), { recursive: true });
    expect(await until(slugs, (s) => !s.includes('rate-limiter'))).not.toContain('rate-limiter');
    expect(await search('token bucket refills')).not.toContain('rate-limiter');
  });

  it('sees a new relation, one-way until the other pattern lists it back', async () => {
    const related = async (slug: string) => ((await client.callTool({ name: 'related_patterns', arguments: { slug } })).structuredContent as Related).relations;
    expect((await related('strangler-fig')).some((r) => r.slug === 'idempotent-consumer')).toBe(false);
    const file = path.join(root, 'strangler-fig/README.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('## Related Patterns\n', '## Related Patterns\n\n- [Idempotent Consumer](../idempotent-consumer/README.md)\n'));
    const now = await until(
      () => related('strangler-fig'),
      (r) => r.some((x) => x.slug === 'idempotent-consumer'),
    );
    expect(now).toContainEqual(expect.objectContaining({ slug: 'idempotent-consumer', kind: 'related', reciprocal: false }));
    expect(await related('idempotent-consumer')).toContainEqual(expect.objectContaining({ slug: 'strangler-fig', kind: 'referenced-by', reciprocal: false }));
  });

  it('reads the catalog again when its configuration changes', async () => {
    expect(await search('cdc')).not.toContain('transactional-outbox');
    await appendFile(path.join(root, 'patternbook.config.yaml'), '\nsearch:\n  synonyms:\n    - [cdc, outbox]\n');
    expect(
      await until(
        () => search('cdc'),
        (found) => found.includes('transactional-outbox'),
      ),
    ).toContain('transactional-outbox');
  });
});

describe('patternbook mcp over stdio', () => {
  afterAll(removeCopies);

  it('ends with exit code 2 and says why when the catalog cannot be read', async () => {
    const root = await exampleCopy();
    await writeFile(path.join(root, 'patternbook.config.yaml'), 'search:\n  synonymz: []\n');
    // Its input stays open: the server ends by itself.
    const child = spawn(process.execPath, [CLI, 'mcp', root], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin.end();
    expect(code).toBe(2);
    expect(err).toMatch(/patternbook\.config\.yaml:2:\d+: unknown key `synonymz` in `search`\. Did you mean `synonyms`\?/);
  }, 60_000);

  it('ends, with exit code 0, when the client closes its input', async () => {
    const root = await exampleCopy();
    const child = spawn(process.execPath, [CLI, 'mcp', root], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    // Once it says it is serving, close its input as a client does.
    await until(
      async () => err,
      (e) => e.includes('serving'),
      30_000,
    );
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(err).toMatch(/serving 8 patterns from .* over standard input and output \(read-only\)/);
    expect(code).toBe(0);
  }, 60_000);
});

describe('the file watch', () => {
  it('reaches as deep as the patterns globs, no deeper', () => {
    expect(watchDepth(['*/README.md'])).toEqual({ depth: 1 });
    expect(watchDepth(['patterns/*.md', 'extra/*/*/README.md'])).toEqual({ depth: 3 });
    expect(watchDepth(['README.md'])).toEqual({ depth: 0 });
    expect(watchDepth(['*/README.md', 'docs/**/*.md'])).toEqual({});
  });
});
