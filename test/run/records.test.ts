import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/run/record.js';
import { buildSite } from '../../src/site/build.js';
import { REPO, runCli, tempCatalog } from '../helpers.js';

const pattern = (title: string) => `# ${title}\n\n> ${title} in one sentence.\n\n## Overview\n\nText.\n`;

/** A record as the runner writes it, with `extra` over it. */
function record(slug: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      slug,
      file: `${slug}/README.md`,
      status: 'passed',
      when: '2026-11-20T10:00:00.000Z',
      commit: 'abcdef1234567890abcdef1234567890abcdef12',
      template: { name: 'pattern', version: '1.0.0' },
      durationMs: 10,
      blocks: [{ phase: 'Implementation', step: 'Step 1', name: 'Step 1', line: 12, status: 'passed', exitCode: 0, durationMs: 5, outputTail: [] }],
      patternbook: '0.1.0',
      ...extra,
    },
    null,
    2,
  );
}

/** A catalog of three patterns with a record each: `a` good, `b` with `"commit": 12345`, `c` as given. */
async function catalogWithRecords(c: string): Promise<string> {
  const root = await tempCatalog({ 'a/README.md': pattern('Alpha'), 'b/README.md': pattern('Beta'), 'c/README.md': pattern('Gamma') });
  await mkdir(path.join(root, '.patternbook/verify'), { recursive: true });
  await writeFile(path.join(root, '.patternbook/verify/a.json'), record('a'));
  await writeFile(path.join(root, '.patternbook/verify/b.json'), record('b', { commit: 12345 }));
  await writeFile(path.join(root, '.patternbook/verify/c.json'), c);
  return root;
}

describe('readRecords: every record parsed at the boundary', () => {
  it('keeps the good records and turns each bad one into a warning naming the file and the field', async () => {
    const root = await tempCatalog();
    const dir = path.join(root, '.patternbook/verify');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'good.json'), record('good'));
    await writeFile(path.join(dir, 'incomplete.json'), record('incomplete', { status: 'incomplete', reason: '1 of 4 blocks ran and passed' }));
    await writeFile(path.join(dir, 'commit.json'), record('commit', { commit: 12345 }));
    await writeFile(path.join(dir, 'status.json'), record('status', { status: 'verified' }));
    await writeFile(path.join(dir, 'when.json'), record('when', { when: 'yesterday' }));
    await writeFile(path.join(dir, 'moved.json'), record('other-pattern'));
    await writeFile(path.join(dir, 'syntax.json'), '{\n  "slug": "syntax",\n  "status" "passed"\n}\n');
    await writeFile(path.join(dir, 'array.json'), '[]');
    await mkdir(path.join(dir, 'folder.json'));
    // Not a record: temporary files of an interrupted write, notes.
    await writeFile(path.join(dir, '.good.json.123-abc.tmp'), '{');
    await writeFile(path.join(dir, 'README.txt'), 'records live here');

    const { records, problems } = readRecords(root);
    expect([...records.keys()].sort()).toEqual(['good', 'incomplete']);
    expect(records.get('incomplete')!.status).toBe('incomplete');
    const byFile = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(Object.keys(byFile).sort()).toEqual(['array', 'commit', 'folder', 'moved', 'status', 'syntax', 'when'].map((n) => `.patternbook/verify/${n}.json`));
    for (const p of problems) expect(p).toMatchObject({ severity: 'warning', ruleId: 'verify-record' });
    for (const p of problems) expect(p.message).toMatch(/\. The record is ignored \(its pattern shows as never verified\): run `patternbook run \S+` again/);
    expect(byFile['.patternbook/verify/commit.json']!.message).toMatch(/`commit`: .*string/i);
    expect(byFile['.patternbook/verify/status.json']!.message).toMatch(/`status`: .*"passed".*"failed".*"incomplete"/);
    expect(byFile['.patternbook/verify/when.json']!.message).toMatch(/`when`/);
    expect(byFile['.patternbook/verify/moved.json']!.message).toMatch(/Holds the record of `other-pattern`, which belongs in other-pattern\.json/);
    expect(byFile['.patternbook/verify/folder.json']!.message).toMatch(/^Cannot be read \(it is a folder\)/);
    expect(byFile['.patternbook/verify/array.json']!.message).toMatch(/^Not a verification record/);
    expect(byFile['.patternbook/verify/syntax.json']).toMatchObject({ line: 3, column: 12 });
    expect(byFile['.patternbook/verify/syntax.json']!.message).toMatch(/^Not valid JSON/);
  });

  it('no records folder: no records and no warning', async () => {
    expect(readRecords(await tempCatalog({ 'a/README.md': pattern('Alpha') }))).toEqual({ records: new Map(), problems: [] });
  });

  it('a records path that is a file: one warning, no records', async () => {
    const root = await tempCatalog({ '.patternbook/verify': 'not a folder' });
    const { records, problems } = readRecords(root);
    expect(records.size).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '.patternbook/verify', severity: 'warning' });
    expect(problems[0]!.message).toMatch(/^Cannot read the verification records \(not a folder\)/);
  });
});

describe('a bad verification record is a warning; build, report and export go on', () => {
  it('build: succeeds, lists the record in its problems and on standard error, shows the good record', async () => {
    const root = await catalogWithRecords('{ not json');
    const out = path.join(await tempCatalog(), 'site');
    const summary = await buildSite({ root, out });
    const named = summary.problems.filter((p) => p.ruleId === 'verify-record').map((p) => [p.path, p.severity]);
    expect(named).toEqual([
      ['.patternbook/verify/b.json', 'warning'],
      ['.patternbook/verify/c.json', 'warning'],
    ]);
    expect(summary.problems.find((p) => p.path === '.patternbook/verify/b.json')!.message).toMatch(/`commit`/);
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    const card = (title: string) => home.slice(home.indexOf(`>${title}</a>`), home.indexOf('</li>', home.indexOf(`>${title}</a>`)));
    expect(card('Alpha')).toMatch(/class="verified passed"/);
    expect(card('Beta')).toMatch(/class="verified never"/);

    const cli = await runCli(['build', root, '--out', path.join(await tempCatalog(), 'site')], REPO);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/\.patternbook\/verify\/b\.json:1:1.*`commit`/);
    expect(cli.stderr).toMatch(/\.patternbook\/verify\/c\.json:1:3.*Not valid JSON/);
  });

  it('report: succeeds, warns naming the file, counts the pattern as never verified', async () => {
    const root = await catalogWithRecords(record('c', { status: 'unknown-status' }));
    const r = await runCli(['report', root, '--format', 'json'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\.patternbook\/verify\/b\.json:1:1.*`commit`/);
    expect(r.stderr).toMatch(/\.patternbook\/verify\/c\.json:1:1.*`status`/);
    const report = JSON.parse(r.stdout) as { verification: Record<string, number> };
    expect(report.verification).toEqual({ passed: 1, failed: 0, incomplete: 0, never: 2 });
  });

  it('export: succeeds, warns naming the file, exports the pattern as never verified', async () => {
    const root = await catalogWithRecords(record('c', { blocks: 'none' }));
    for (const format of ['json', 'csv']) {
      const r = await runCli(['export', root, '--format', format], REPO);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/\.patternbook\/verify\/b\.json:1:1.*`commit`/);
      expect(r.stderr).toMatch(/\.patternbook\/verify\/c\.json:1:1.*`blocks`/);
      if (format === 'json') {
        const data = JSON.parse(r.stdout) as { patterns: { slug: string; verification: { status: string; commit?: unknown } }[] };
        expect(Object.fromEntries(data.patterns.map((p) => [p.slug, p.verification.status]))).toEqual({ a: 'passed', b: 'never', c: 'never' });
      }
    }
  });
});

describe('an incomplete record is never shown as verified', () => {
  it('site badge, catalog.json, export and report all say incomplete', async () => {
    const root = await catalogWithRecords(record('c', { status: 'incomplete', reason: "1 of 4 blocks ran and passed; 3 blocks still hold the template's sample code" }));
    const out = path.join(await tempCatalog(), 'site');
    await buildSite({ root, out });
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    const card = home.slice(home.indexOf('>Gamma</a>'), home.indexOf('</li>', home.indexOf('>Gamma</a>')));
    expect(card).toMatch(/class="verified incomplete"[^>]*>incomplete <time/);
    expect(card).not.toMatch(/>verified/);
    const page = await readFile(path.join(out, 'patterns/c/index.html'), 'utf8');
    expect(page).toContain('3 blocks still hold the template');
    const catalog = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as { patterns: { slug: string; verification: { status: string } }[] };
    expect(catalog.patterns.find((p) => p.slug === 'c')!.verification.status).toBe('incomplete');

    const exported = await runCli(['export', root, '--format', 'csv'], REPO);
    expect(exported.stdout.split('\n').find((l) => l.startsWith('c,'))).toMatch(/,incomplete,2026-11-20T10:00:00.000Z\r?$/);
    const report = await runCli(['report', root], REPO);
    expect(report.stdout).toMatch(/verification: 1 passed, 0 failing, 1 incomplete, 1 never verified/);
    expect(report.stdout).toMatch(/^ {2}c: incomplete since 2026-11-20/m);
  });
});
