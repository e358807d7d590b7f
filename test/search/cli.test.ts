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
