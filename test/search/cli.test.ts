import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers.js';

const catalog = path.join(REPO, 'examples/catalog');

describe('patternbook search', () => {
  it('prints the ranked patterns with the best section and an excerpt', async () => {
    const { code, stdout } = await runCli(['search', 'stop calling a dependency that keeps failing', catalog, '--limit', '2'], REPO);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^1\. Circuit Breaker \(circuit-breaker, score [\d.]+\)$/);
    expect(lines[2]).toMatch(/^ {3}§ \w/);
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(2);
  });

  it('gives the MCP tool’s answer as JSON', async () => {
    const { code, stdout } = await runCli(['search', 'undo the steps already done when a later step fails', catalog, '--format', 'json', '-n', '1'], REPO);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { query: string; results: { slug: string; section?: { excerpt: string } }[] };
    expect(data.query).toBe('undo the steps already done when a later step fails');
    expect(data.results.map((r) => r.slug)).toEqual(['saga']);
    expect(data.results[0]!.section?.excerpt.length).toBeGreaterThan(20);
  });

  it('filters by facet', async () => {
    const { stdout } = await runCli(['search', 'failure', catalog, '--filter', 'category=messaging', '--format', 'json'], REPO);
    expect((JSON.parse(stdout) as { results: { slug: string }[] }).results.map((r) => r.slug).sort()).toEqual(['idempotent-consumer', 'transactional-outbox']);
  });

  it('exits 1 when nothing matches, 2 for a bad limit, filter or facet', async () => {
    const none = await runCli(['search', 'xylophone quasar', catalog], REPO);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toContain('No pattern matches "xylophone quasar".');
    expect((await runCli(['search', 'cache', catalog, '--limit', '0'], REPO)).stderr).toContain('--limit 0: expected a whole number from 1 to 100.');
    const filter = await runCli(['search', 'cache', catalog, '--filter', 'category'], REPO);
    expect(filter).toMatchObject({ code: 2 });
    expect(filter.stderr).toContain('--filter category: expected facet=value');
    const facet = await runCli(['search', 'cache', catalog, '--filter', 'colour=red'], REPO);
    expect(facet.code).toBe(2);
    expect(facet.stderr).toContain("unknown facet; this catalog's facets are tags, category, status");
  });
});

describe('patternbook search on several threads', () => {
  it('reads a catalog on worker threads beside the main one into the same index: the same answers and problems as on one thread (the built CLI)', async () => {
    const { execFile } = await import('node:child_process');
    const { mkdtemp, mkdir, rm, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const { promisify } = await import('node:util');
    const { generateCatalog } = await import('../../bench/generate-catalog.mjs');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pb-search-lanes-'));
    try {
      // Large enough that a worker starts before the main thread has taken every file.
      generateCatalog(dir, { count: 400, seed: 3 });
      // A file that does not load and a redirect stub, among the patterns.
      await mkdir(path.join(dir, 'pattern-00100-broken'), { recursive: true });
      await writeFile(path.join(dir, 'pattern-00100-broken/README.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
      await mkdir(path.join(dir, 'pattern-00200-moved'), { recursive: true });
      await writeFile(path.join(dir, 'pattern-00200-moved/README.md'), 'This pattern moved to [its new home](../pattern-00001-payment/README.md).\n');
      const bin = path.join(REPO, 'dist/cli/bin.js');
      const run = (threads: string, query: string) =>
        promisify(execFile)(process.execPath, [bin, 'search', query, dir, '--format', 'json', '-n', '25', '--no-cache'], {
          env: { ...process.env, PATTERNBOOK_THREADS: threads, PATTERNBOOK_TIMING: '1' },
          maxBuffer: 64 * 1024 * 1024,
        }).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr }));
      for (const query of ['stop calling a dependency that keeps failing', 'replica lease heartbeat', 'payment ledger reconciles']) {
        const one = await run('1', query);
        const three = await run('3', query);
        expect(one.stderr).toContain('patterns read (1 lane)');
        // The workers read some of the files.
        const here = Number(/patterns read \(3 lanes, (\d+) of 402 files on this thread\)/.exec(three.stderr)?.[1]);
        expect(here).toBeLessThan(402);
        expect((JSON.parse(three.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(5);
        expect(three.stdout).toBe(one.stdout);
        const problems = (s: string) => s.split('\n').filter((l) => !l.startsWith('patternbook search:'));
        expect(problems(three.stderr)).toEqual(problems(one.stderr));
        expect(problems(one.stderr).join('\n')).toContain('pattern-00100-broken/README.md');
        expect(three.stdout).not.toContain('pattern-00200-moved');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
