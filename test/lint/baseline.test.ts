import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { runCli, tempCatalog } from '../helpers.js';

const TEMPLATE = '# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nHow to remove it.\n';
const complete = (title: string) => `# ${title}\n\n> ${title} does one thing.\n\n## Overview\n\nReal text about ${title}.\n\n## Cleanup\n\nRemove ${title}.\n`;
/** A pattern written before the template had a Cleanup section. */
const older = (title: string) => `# ${title}\n\n> ${title} does one thing.\n\n## Overview\n\nReal text about ${title}.\n`;

async function catalog(files: Record<string, string>): Promise<string> {
  return tempCatalog({ 'templates/pattern.md': TEMPLATE, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
}

describe('lint --baseline', () => {
  it("records today's findings; then only new ones count, and old ones survive lines moving", async () => {
    const dir = await catalog({ 'a/README.md': older('A'), 'b/README.md': older('B'), 'c/README.md': complete('C') });
    const first = await runCli(['lint', dir, '--baseline', 'write'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Recorded 2 findings in patternbook-baseline.json');
    const recorded = JSON.parse(await readFile(path.join(dir, 'patternbook-baseline.json'), 'utf8')) as { findings: { rule: string; file: string }[] };
    expect(recorded.findings.map((f) => `${f.file} ${f.rule}`)).toEqual(['a/README.md required-section', 'b/README.md required-section']);

    // Lines added above the old finding move it; a new problem in c is new.
    await writeFile(path.join(dir, 'a/README.md'), older('A').replace('## Overview', 'An intro line.\n\nAnother.\n\n## Overview'));
    await writeFile(path.join(dir, 'c/README.md'), older('C'));
    const next = await runCli(['lint', dir], dir);
    expect(next.code).toBe(1);
    expect(next.stdout).toContain('c/README.md');
    expect(next.stdout).not.toContain('a/README.md');
    expect(next.stdout).toContain('2 findings of the baseline not shown');

    const all = await lint({ root: dir, baseline: 'ignore' });
    expect(all.errorCount).toBe(3);
  });

  it('says when baselined findings are fixed, and update drops them without adding new ones', async () => {
    const dir = await catalog({ 'a/README.md': older('A'), 'b/README.md': older('B') });
    await lint({ root: dir, baseline: 'write' });
    await writeFile(path.join(dir, 'a/README.md'), complete('A'));
    await mkdir(path.join(dir, 'c'));
    await writeFile(path.join(dir, 'c/README.md'), older('C'));
    const used = await runCli(['lint', dir], dir);
    expect(used.stderr).toContain('1 finding of the baseline is fixed: `patternbook lint --baseline update` removes it');
    const updated = await lint({ root: dir, baseline: 'update' });
    expect(updated.baseline).toMatchObject({ written: 1, stale: 0 });
    expect(updated.errorCount).toBe(1); // c's finding is new, not recorded by update
    const recorded = JSON.parse(await readFile(path.join(dir, 'patternbook-baseline.json'), 'utf8')) as { findings: { file: string }[] };
    expect(recorded.findings.map((f) => f.file)).toEqual(['b/README.md']);
  });

  it('writing for some files keeps the entries of the others; a file that is no baseline is an error naming it', async () => {
    const dir = await catalog({ 'a/README.md': older('A'), 'b/README.md': older('B') });
    await lint({ root: dir, baseline: 'write' });
    await lint({ root: dir, baseline: 'write', paths: [path.join(dir, 'a')] });
    const recorded = JSON.parse(await readFile(path.join(dir, 'patternbook-baseline.json'), 'utf8')) as { findings: { file: string }[] };
    expect(recorded.findings.map((f) => f.file)).toEqual(['a/README.md', 'b/README.md']);
    await writeFile(path.join(dir, 'patternbook-baseline.json'), '{"findings": 3}');
    const bad = await runCli(['lint', dir], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('patternbook-baseline.json is not a Patternbook baseline');
  });
});

describe('lint --fix --dry-run', () => {
  it('prints the diff of what --fix would change and writes nothing', async () => {
    const dir = await catalog({ 'a/README.md': older('A'), 'b/README.md': complete('B') });
    const before = await readFile(path.join(dir, 'a/README.md'), 'utf8');
    const run = await runCli(['lint', dir, '--fix', '--dry-run'], dir);
    expect(await readFile(path.join(dir, 'a/README.md'), 'utf8')).toBe(before);
    expect(run.stdout).toContain('--- a/a/README.md');
    expect(run.stdout).toContain('+++ b/a/README.md');
    expect(run.stdout).toContain('+## Cleanup');
    expect(run.stdout).toContain('+<!-- How to remove it. -->');
    expect(run.stdout).not.toContain('b/README.md\n');
    // The report is the catalog's as it is: the missing section is still there.
    expect(run.code).toBe(1);
    const alone = await runCli(['lint', dir, '--dry-run'], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--dry-run shows what --fix would change');
  });

  it('reads a template kept above the catalog folder, as the configuration names it (`../templates/…`)', async () => {
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'proposal-templates/0000-template.md': '# [Title]\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n\n## Drawbacks\n\nWhy not.\n',
      'proposals/patternbook.config.json': JSON.stringify({ template: '../proposal-templates/0000-template.md', patterns: ['*.md'] }),
      'proposals/0001-rye.md': '# Rye\n\n## Motivation\n\nDense bread.\n\n## Drawbacks\n\nSlow.\n',
    });
    const dir = path.join(repo, 'proposals');
    const run = await runCli(['lint', dir, '--fix', '--dry-run'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('+## Design');
    expect(await readFile(path.join(dir, '0001-rye.md'), 'utf8')).not.toContain('## Design');
  });
});

describe('the baseline in report and on the site', () => {
  it('counts the baselined findings apart, and shows them to nobody as problems', async () => {
    const dir = await catalog({ 'a/README.md': older('A'), 'b/README.md': complete('B') });
    await lint({ root: dir, baseline: 'write' });
    const report = await runCli(['report', dir, '--format', 'json'], dir);
    const data = JSON.parse(report.stdout) as { baselined: number; patterns: { slug: string; errors: number }[] };
    expect(data.baselined).toBe(1);
    expect(data.patterns.map((p) => [p.slug, p.errors])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    const out = path.join(dir, '_site');
    const build = await runCli(['build', dir], dir);
    expect(build.code).toBe(0);
    const health = await readFile(path.join(out, 'health/index.html'), 'utf8');
    expect(health).toContain('<strong>1</strong> lint findings in the baseline (not counted)');
  });
});
