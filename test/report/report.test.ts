import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthReport, type HealthInput } from '../../src/report/health.js';
import { buildSite } from '../../src/site/build.js';
import { REPO, runCli, tempCatalog } from '../helpers.js';

const input = (slug: string, extra: Partial<HealthInput> = {}): HealthInput => ({
  slug,
  title: slug.toUpperCase(),
  related: [],
  alternatives: [],
  backlinks: [],
  diagnostics: [],
  ...extra,
});

describe('healthReport', () => {
  const report = healthReport({
    title: 'T',
    now: new Date('2026-11-27T12:00:00Z'),
    staleDays: 30,
    ruleIds: ['a-rule', 'b-rule', 'c-rule', 'duplicate-pattern'],
    patterns: [
      input('clean', { updated: '2026-11-20', related: ['dirty'], backlinks: ['dirty'], verification: { status: 'passed', when: '2026-11-26T10:00:00Z' } }),
      input('dirty', {
        updated: '2026-01-01',
        related: ['clean', 'lonely-target'],
        backlinks: ['clean'],
        verification: { status: 'failed', when: '2026-11-01T00:00:00Z' },
        diagnostics: [
          { ruleId: 'a-rule', severity: 'error', message: 'x' },
          { ruleId: 'a-rule', severity: 'warning', message: 'y' },
          { ruleId: 'b-rule', severity: 'warning', message: 'z' },
          { ruleId: 'duplicate-pattern', severity: 'warning', message: 'Summary 91% similar to clean' },
        ],
      }),
      input('lonely-target', { backlinks: ['dirty'] }),
      input('orphan'),
    ],
  });

  it('scores each pattern: a full share per rule with an error, half with only warnings', () => {
    const score = Object.fromEntries(report.patterns.map((p) => [p.slug, p.score]));
    // dirty: a-rule (error) 1 + b-rule 0.5 + duplicate-pattern 0.5 = 2 of 4 rules.
    expect(score).toEqual({ clean: 100, dirty: 50, 'lonely-target': 100, orphan: 100 });
    expect(report.score).toBe(88);
    expect(report.rules.slice(0, 3).map((r) => [r.id, r.patterns, r.errors, r.warnings])).toEqual([
      ['a-rule', 1, 1, 1],
      ['b-rule', 1, 0, 1],
      ['duplicate-pattern', 1, 0, 1],
    ]);
  });

  it('lists stale patterns, orphans, one-way relations, near-duplicates and verification', () => {
    expect(report.stale).toEqual([{ slug: 'dirty', updated: '2026-01-01', ageDays: 330 }, { slug: 'lonely-target' }, { slug: 'orphan' }]);
    expect(report.orphans).toEqual(['orphan']);
    expect(report.oneWay).toEqual([{ from: 'dirty', to: 'lonely-target', kind: 'related' }]);
    expect(report.nearDuplicates).toEqual([{ slug: 'dirty', message: 'Summary 91% similar to clean' }]);
    expect(report.verification).toEqual({ passed: 1, failed: 1, incomplete: 0, never: 2 });
    expect(report.patterns.find((p) => p.slug === 'dirty')!.verification.ageDays).toBe(26);
  });
});

describe('patternbook report', () => {
  const catalog = () =>
    tempCatalog({
      'patternbook.config.yaml': 'report:\n  staleDays: 10\n',
      'a/README.md': '# A\n\n> A.\n\n## Related Patterns\n\n- [B](../b/README.md)\n\n## Changelog\n\n### Version 1.0.0 (2020-01-01)\n\n- First.\n',
      'b/README.md': '# B\n\n> B.\n',
      'c/README.md': '# C\n\n> C.\n',
    });

  it('text: the headline, the rules, and each list, from the catalog as linted', async () => {
    const r = await runCli(['report', await catalog()], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: health on \d{4}-\d{2}-\d{2}\n {2}3 patterns, mean conformance score \d+\/100/);
    expect(r.stdout).toContain('Not updated for 10 days (by the changelog)');
    expect(r.stdout).toMatch(/a: 2020-01-01, \d+ days ago/);
    expect(r.stdout).toMatch(/Orphans \(no relation in or out\): \n {2}c\n/);
    expect(r.stdout).toContain('a → b (related): b does not list a');
    expect(r.stdout).toMatch(/required-section +3/);
  });

  it('json: the report as data; --stale-days beats the configuration', async () => {
    const r = await runCli(['report', await catalog(), '-f', 'json', '--stale-days', '100000'], REPO);
    const data = JSON.parse(r.stdout) as { staleDays: number; score: number; stale: { slug: string }[]; patterns: { slug: string; score: number }[] };
    expect(data.staleDays).toBe(100000);
    expect(data.stale.map((s) => s.slug)).toEqual(['b', 'c']);
    // Each pattern lacks most of the template's sections (errors), so none scores full marks, and none
    // fails every rule; the headline is the mean of the three.
    for (const p of data.patterns) expect(Number.isInteger(p.score) && p.score > 0 && p.score < 100, `${p.slug}: ${p.score}`).toBe(true);
    expect(data.score).toBe(Math.round(data.patterns.reduce((n, p) => n + p.score, 0) / 3));
  });

  it('html: a page of its own with SVG charts and no script', async () => {
    const r = await runCli(['report', await catalog(), '-f', 'html'], REPO);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout.match(/<svg role="img"/g)?.length).toBe(3);
    expect(r.stdout).not.toMatch(/<script/i);
  });

  it('the site has the same report as its Health page, linked from every page', async () => {
    const root = await catalog();
    const out = path.join(await tempCatalog(), 'site');
    await buildSite({ root, out });
    const health = await readFile(path.join(out, 'health/index.html'), 'utf8');
    expect(health).toContain('<h1>Health</h1>');
    expect(health).toContain('<a href="../patterns/c/">C</a>');
    expect(health.match(/<svg role="img"/g)?.length).toBe(3);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('href="health/">Health</a>');
  });
});

describe('healthReport scores', () => {
  it('gives every pattern the same denominator, whatever pattern a rule first reports on', () => {
    const finding = (ruleId: string) => ({ line: 1, severity: 'error' as const, message: 'x', ruleId });
    const base = { related: [], alternatives: [], backlinks: [] };
    const report = healthReport({
      title: 'T',
      patterns: [
        { slug: 'a', title: 'A', ...base, diagnostics: [finding('known')] },
        { slug: 'b', title: 'B', ...base, diagnostics: [finding('known'), finding('custom')] },
      ],
      ruleIds: ['known', 'other'],
      now: new Date('2026-01-01'),
      staleDays: 365,
    });
    // Three rules in all: a misses one of three (67), b two of three (33).
    expect(report.patterns.map((p) => p.score)).toEqual([67, 33]);
  });
});
