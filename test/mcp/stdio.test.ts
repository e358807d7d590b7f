import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempCatalog } from '../helpers.js';
import { CLI, exampleCopy, removeCopies, snapshot, stdioClient, textOf } from './helpers.js';

const run = promisify(execFile);

/**
 * The real server (the built CLI, `patternbook mcp <dir>`) driven by the
 * SDK's own client over stdio, on a copy of the example catalog: every
 * tool, the resources, the prompts and the errors an assistant can make —
 * and afterwards, not one byte of the catalog changed.
 */
describe('patternbook mcp over stdio', () => {
  let root: string;
  let client: Client;
  let close: () => Promise<void>;
  let before: Record<string, string>;

  beforeAll(async () => {
    root = await exampleCopy();
    // A verification record, as `patternbook run` leaves one, for get_pattern to report.
    await mkdir(path.join(root, '.patternbook/verify'), { recursive: true });
    await writeFile(
      path.join(root, '.patternbook/verify/saga.json'),
      JSON.stringify({
        slug: 'saga',
        file: 'saga/README.md',
        status: 'passed',
        when: '2026-01-02T03:04:05.000Z',
        template: { name: 'pattern', version: '1' },
        durationMs: 1200,
        blocks: [],
        patternbook: '0.1.0',
      }),
    );
    before = await snapshot(root);
    ({ client, close } = await stdioClient(root));
  }, 60_000);

  afterAll(async () => {
    await close?.();
    await removeCopies();
  });

  it('offers the six tools, each read-only with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_pattern', 'lint_pattern', 'list_patterns', 'new_pattern_draft', 'related_patterns', 'search_patterns']);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
  });

  it('search_patterns ranks a problem-shaped question, with the best section and an excerpt', async () => {
    const result = await client.callTool({ name: 'search_patterns', arguments: { query: 'stop calling a dependency that keeps failing', limit: 3 } });
    const { results } = result.structuredContent as { results: { slug: string; score: number; section?: { path: string[]; excerpt: string } }[] };
    expect(results).toHaveLength(3);
    expect(results[0]!.slug).toBe('circuit-breaker');
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
    expect(results[0]!.section?.excerpt.toLowerCase()).toMatch(/fail|call|depend/);
    expect(textOf(result)).toContain('1. Circuit Breaker (circuit-breaker');
  });

  it('search_patterns and list_patterns filter by facet, and name the facets when one is unknown', async () => {
    const found = await client.callTool({ name: 'search_patterns', arguments: { query: 'messages', filters: { category: 'messaging' } } });
    const slugs = (found.structuredContent as { results: { slug: string }[] }).results.map((r) => r.slug).sort();
    expect(slugs).toEqual(['idempotent-consumer', 'transactional-outbox']);

    const listed = await client.callTool({ name: 'list_patterns', arguments: { filters: { tags: ['transactions'] } } });
    expect((listed.structuredContent as { patterns: { slug: string }[] }).patterns.map((p) => p.slug)).toEqual(['saga', 'transactional-outbox']);

    const wrong = await client.callTool({ name: 'list_patterns', arguments: { filters: { categroy: 'messaging' } } });
    expect(wrong.isError).toBe(true);
    expect(textOf(wrong)).toMatch(/Unknown facet `categroy`.*`category`/);
  });

  it('list_patterns lists every pattern by path with its facets', async () => {
    const result = await client.callTool({ name: 'list_patterns', arguments: {} });
    const { patterns, facets, problems } = result.structuredContent as {
      patterns: { slug: string; path: string; facets: Record<string, string[]> }[];
      facets: Record<string, string[]>;
      problems: unknown[];
    };
    expect(patterns.map((p) => p.slug)).toEqual([
      'bulkhead',
      'cache-aside',
      'circuit-breaker',
      'idempotent-consumer',
      'retry-with-backoff',
      'saga',
      'strangler-fig',
      'transactional-outbox',
    ]);
    expect(patterns.find((p) => p.slug === 'saga')!.facets).toEqual({ category: ['data-consistency'], status: ['review'], tags: ['messaging', 'transactions'] });
    expect(facets.status).toEqual(['draft', 'review', 'stable']);
    expect(problems).toEqual([]);
  });

  it('get_pattern returns the file, or one section with its sub-sections, with front matter, relations and verification', async () => {
    const file = await readFile(path.join(root, 'saga/README.md'), 'utf8');
    const whole = await client.callTool({ name: 'get_pattern', arguments: { slug: 'saga' } });
    const all = whole.structuredContent as {
      markdown: string;
      frontMatter: Record<string, unknown>;
      outline: { heading: string }[];
      relations: { slug: string; kind: string; reciprocal: boolean }[];
      verification: { status: string; when?: string };
    };
    expect(all.markdown).toBe(file);
    expect(all.frontMatter.category).toBe('data-consistency');
    expect(all.outline.map((s) => s.heading)).toContain('Automated Testing');
    expect(all.relations).toContainEqual({ slug: 'circuit-breaker', kind: 'related', reciprocal: true, title: 'Circuit Breaker', summary: expect.any(String) });
    expect(all.relations.filter((r) => r.kind === 'referenced-by').map((r) => r.slug)).toContain('idempotent-consumer');
    expect(all.verification).toEqual({ status: 'passed', when: '2026-01-02T03:04:05.000Z' });

    const testing = await client.callTool({ name: 'get_pattern', arguments: { slug: 'saga', section: 'Testing' } });
    const md = (testing.structuredContent as { markdown: string }).markdown;
    expect(md.startsWith('## Testing\n')).toBe(true);
    expect(md).toContain('### Automated Testing');
    expect(md).not.toContain('## Deployment');

    const byPath = await client.callTool({ name: 'get_pattern', arguments: { slug: 'saga', section: 'Testing/Automated Testing' } });
    expect((byPath.structuredContent as { markdown: string }).markdown.startsWith('### Automated Testing\n')).toBe(true);
    const byStart = await client.callTool({ name: 'get_pattern', arguments: { slug: 'saga', section: 'step 2' } });
    expect((byStart.structuredContent as { section: { heading: string } }).section.heading).toBe('Step 2: Run a Saga That Completes');
    const byAnchor = await client.callTool({ name: 'get_pattern', arguments: { slug: 'bulkhead', section: '#data-flow' } });
    expect((byAnchor.structuredContent as { section: { path: string[] } }).section.path).toEqual(['Architecture', 'Data Flow']);

    const never = await client.callTool({ name: 'get_pattern', arguments: { slug: 'bulkhead' } });
    expect((never.structuredContent as { verification: { status: string } }).verification.status).toBe('never');
  });

  it('get_pattern refuses an unknown slug or section, listing the nearest names', async () => {
    const slug = await client.callTool({ name: 'get_pattern', arguments: { slug: 'circuit-braker' } });
    expect(slug.isError).toBe(true);
    expect(textOf(slug)).toMatch(/^No pattern `circuit-braker` in this catalog\. Nearest: `circuit-breaker` \(Circuit Breaker\)/);

    const byTitle = await client.callTool({ name: 'get_pattern', arguments: { slug: 'Strangler' } });
    expect(textOf(byTitle)).toMatch(/Nearest: `strangler-fig`/);

    const section = await client.callTool({ name: 'get_pattern', arguments: { slug: 'saga', section: 'Implementaton' } });
    expect(section.isError).toBe(true);
    expect(textOf(section)).toMatch(/^No section "Implementaton" in `saga`\. Nearest: "Implementation"/);

    const related = await client.callTool({ name: 'related_patterns', arguments: { slug: 'sagaa' } });
    expect(related.isError).toBe(true);
    expect(textOf(related)).toContain('`saga`');
  });

  it('related_patterns gives relations by kind, reciprocal or not, and further ones with depth', async () => {
    const one = await client.callTool({ name: 'related_patterns', arguments: { slug: 'cache-aside' } });
    const rel = (one.structuredContent as { relations: { slug: string; kind: string; reciprocal: boolean; distance: number }[] }).relations;
    expect(rel.filter((r) => r.kind === 'related').map((r) => r.slug)).toEqual(['circuit-breaker', 'bulkhead', 'transactional-outbox']);
    expect(rel.every((r) => r.distance === 1)).toBe(true);
    expect(textOf(one)).toMatch(/^Relations of Cache-Aside/);

    const two = await client.callTool({ name: 'related_patterns', arguments: { slug: 'cache-aside', depth: 2 } });
    const further = (two.structuredContent as { relations: { slug: string; distance: number; via?: string }[] }).relations.filter((r) => r.distance === 2);
    expect(further.length).toBeGreaterThan(0);
    for (const r of further)
      expect(['circuit-breaker', 'bulkhead', 'transactional-outbox', 'strangler-fig', 'retry-with-backoff', 'idempotent-consumer', 'saga']).toContain(r.via);
  });

  it('lint_pattern checks a pattern on disk, a draft as a new pattern, and new text for a pattern', async () => {
    const onDisk = await client.callTool({ name: 'lint_pattern', arguments: { slug: 'saga' } });
    expect(onDisk.structuredContent).toMatchObject({ path: 'saga/README.md', slug: 'saga', draft: false, errors: 0 });

    const saga = await readFile(path.join(root, 'saga/README.md'), 'utf8');
    const withoutCleanup = saga.replace(/\n## Cleanup\n[\s\S]*?(?=\n## )/, '\n').replace('../circuit-breaker/README.md', '../circuit-breakr/README.md');
    const edited = await client.callTool({ name: 'lint_pattern', arguments: { slug: 'saga', text: withoutCleanup } });
    const findings = (edited.structuredContent as { findings: { rule: string; line: number; fix?: { range: number[]; text: string } }[] }).findings;
    const missing = findings.find((f) => f.rule === 'required-section');
    expect(missing?.fix?.text).toContain('## Cleanup');
    expect(findings.some((f) => f.rule.includes('link') || f.rule.includes('related'))).toBe(true);

    const draft = await client.callTool({
      name: 'new_pattern_draft',
      arguments: { title: 'Rate Limiter', summary: 'Caps how many requests a client may send per second.' },
    });
    const checked = await client.callTool({ name: 'lint_pattern', arguments: { text: (draft.structuredContent as { markdown: string }).markdown } });
    const result = checked.structuredContent as { path: string; draft: boolean; errors: number; findings: { rule: string }[] };
    expect(result).toMatchObject({ path: 'rate-limiter/README.md', draft: true });
    expect(result.errors).toBeGreaterThan(0);
    expect(result.findings.map((f) => f.rule)).toContain('placeholder');

    const neither = await client.callTool({ name: 'lint_pattern', arguments: {} });
    expect(neither.isError).toBe(true);
  });

  it('new_pattern_draft gives the text `patternbook new` writes, and writes nothing', async () => {
    const draft = await client.callTool({
      name: 'new_pattern_draft',
      arguments: { title: 'Rate Limiter', summary: 'Caps how many requests a client may send per second.' },
    });
    const { slug, path: rel, taken, markdown } = draft.structuredContent as { slug: string; path: string; taken: boolean; markdown: string };
    expect({ slug, path: rel, taken }).toEqual({ slug: 'rate-limiter', path: 'rate-limiter/README.md', taken: false });
    // The same command on another copy of the catalog writes exactly this text.
    const other = await exampleCopy();
    await run(process.execPath, [
      CLI,
      'new',
      'rate-limiter',
      '--title',
      'Rate Limiter',
      '--summary',
      'Caps how many requests a client may send per second.',
      '--dir',
      other,
    ]);
    expect(markdown).toBe(await readFile(path.join(other, 'rate-limiter/README.md'), 'utf8'));

    const clash = await client.callTool({ name: 'new_pattern_draft', arguments: { title: 'Saga', summary: 'Another one.' } });
    expect((clash.structuredContent as { taken: boolean }).taken).toBe(true);
  });

  it('serves a resource per pattern, the template and the JSON export', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('patternbook://template');
    expect(uris).toContain('patternbook://catalog.json');
    expect(uris).toContain('patternbook://patterns/saga');
    expect(resources.filter((r) => r.uri.startsWith('patternbook://patterns/'))).toHaveLength(8);
    expect(resources.find((r) => r.uri === 'patternbook://patterns/saga')).toMatchObject({ mimeType: 'text/markdown', title: 'Saga' });

    const saga = await client.readResource({ uri: 'patternbook://patterns/saga' });
    expect(saga.contents[0]).toMatchObject({ mimeType: 'text/markdown', text: await readFile(path.join(root, 'saga/README.md'), 'utf8') });

    const template = await client.readResource({ uri: 'patternbook://template' });
    expect((template.contents[0] as { text: string }).text).toBe(await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8'));

    const exported = await client.readResource({ uri: 'patternbook://catalog.json' });
    const data = JSON.parse((exported.contents[0] as { text: string }).text) as { format: string; patterns: { slug: string; verification: { status: string } }[] };
    expect(data.format).toBe('patternbook-catalog');
    expect(data.patterns.map((p) => p.slug)).toContain('strangler-fig');
    expect(data.patterns.find((p) => p.slug === 'saga')!.verification.status).toBe('passed');

    await expect(client.readResource({ uri: 'patternbook://patterns/sagga' })).rejects.toThrow(/No pattern `sagga`.*Nearest: saga/);
  });

  it('offers the two prompts, which lead to the tools', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['choose_pattern', 'write_pattern']);
    const choose = await client.getPrompt({ name: 'choose_pattern', arguments: { problem: 'the broker delivers some messages twice' } });
    const text = (choose.messages[0]!.content as { text: string }).text;
    expect(text).toContain('the broker delivers some messages twice');
    expect(text).toMatch(/1\. Idempotent Consumer \(`idempotent-consumer`\)/);
    for (const tool of ['search_patterns', 'get_pattern', 'related_patterns']) expect(text).toContain(tool);

    const write = await client.getPrompt({ name: 'write_pattern', arguments: { title: 'Rate Limiter', summary: 'Caps request rates.' } });
    const steps = (write.messages[0]!.content as { text: string }).text;
    for (const tool of ['new_pattern_draft', 'lint_pattern', 'search_patterns']) expect(steps).toContain(tool);
  });

  it('wrote nothing in the catalog, and ends when the client closes its input', async () => {
    await close();
    expect(await snapshot(root)).toEqual(before);
  });
});

describe('patternbook mcp and the search cache', () => {
  afterAll(removeCopies);

  it('keeps what it read in the cache folder (never in the catalog), starts from it next time, and keeps nothing with --no-cache', async () => {
    const { mkdtemp, readdir, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const root = await exampleCopy();
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'pb-mcp-cache-'));
    const env = { PATTERNBOOK_CACHE_DIR: cacheDir, PATTERNBOOK_TIMING: '1' };
    try {
      const before = await snapshot(root);
      const session = async (args: string[] = []) => {
        const s = await stdioClient(root, args, env);
        const found = await s.client.callTool({ name: 'search_patterns', arguments: { query: 'stop calling a dependency that keeps failing', limit: 3 } });
        await s.close();
        return { slugs: (found.structuredContent as { results: { slug: string }[] }).results.map((r) => r.slug), stderr: s.stderr() };
      };
      const off = await session(['--no-cache']);
      expect(await readdir(cacheDir)).toEqual([]);
      const first = await session();
      const count = Number(/patterns read \((\d+) of \1 files read, 0 from the cache/.exec(first.stderr)?.[1]);
      expect(count).toBeGreaterThan(5);
      expect(await readdir(path.join(cacheDir, 'search'))).toHaveLength(1);
      const second = await session();
      expect(second.stderr).toContain(`patterns read (0 of ${count} files read, ${count} from the cache)`);
      expect(second.slugs[0]).toBe('circuit-breaker');
      expect(second.slugs).toEqual(first.slugs);
      expect(second.slugs).toEqual(off.slugs);
      expect(await snapshot(root)).toEqual(before);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('patternbook mcp: a summary several patterns copy word for word', () => {
  it('is none of theirs: get_pattern and search_patterns give each one’s own words', async () => {
    const spec = (name: string) => `---\ntitle: ${name}\ndescription: A rule of the lantern program\n---\n\n## Rule\n\n${name} rule keeps the lamps lit at dusk.\n`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['specs/*.md'] }),
      'specs/lamps.md': spec('Lamps'),
      'specs/wicks.md': spec('Wicks'),
      'specs/oil.md': spec('Oil'),
    });
    const { client, close } = await stdioClient(root);
    try {
      const got = await client.callTool({ name: 'get_pattern', arguments: { slug: 'oil' } });
      expect((got.structuredContent as { summary?: string }).summary).toBe('Oil rule keeps the lamps lit at dusk.');
      const found = await client.callTool({ name: 'search_patterns', arguments: { query: 'wicks rule' } });
      const results = (found.structuredContent as { results: { slug: string; summary?: string }[] }).results;
      expect(results.find((r) => r.slug === 'wicks')?.summary).toBe('Wicks rule keeps the lamps lit at dusk.');
    } finally {
      await close();
    }
  }, 30_000);
});
