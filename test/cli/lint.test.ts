import { chmod, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/lint/registry.js';
import { REPO, fixture, lintBuilt, runCli, tempCatalog } from '../helpers.js';

const TEMPLATE = '# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nHow to remove it.\n';
const files = {
  'templates/pattern.md': TEMPLATE,
  'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
  'good/README.md': '# Good\n\n> Good does one thing.\n\n## Overview\n\nText.\n\n## Cleanup\n\nRemove.\n',
  'warn/README.md': '# Warn\n\n> Warn does one thing.\n\n## Overview\n\nText.\n\n## Trivia\n\nx\n\n## Cleanup\n\nRemove.\n',
  'bad/README.md': '# Bad\n\n> Bad does one thing.\n\n## Overview\n\nText.\n',
};

describe('patternbook lint', () => {
  it('exits 0 on the example catalog, with nothing to report', async () => {
    const run = await runCli(['lint', 'examples/catalog'], REPO);
    expect(run.stdout).toBe('✔ No problems in 8 files\n');
    expect(run.code).toBe(0);
  });

  it('exits 1 on errors, prints stylish output grouped by file with a summary', async () => {
    const dir = await tempCatalog(files);
    const run = await runCli(['lint'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^bad\/README\.md\n\s+7:1\s+error\s+Missing section `## Cleanup`, expected after `## Overview`\.\s+required-section$/m);
    expect(run.stdout).toMatch(/^warn\/README\.md\n\s+9:1\s+warning\s+Unknown section `## Trivia`/m);
    expect(run.stdout).toMatch(/✖ 2 problems \(1 error, 1 warning\)/);
  });

  it('says where there is no configuration that the built-in template judged the files, and how to adopt the catalog', async () => {
    const dir = await tempCatalog({ 'kiln/README.md': files['good/README.md'] });
    const bare = await runCli(['lint'], dir);
    expect(bare.stderr).toContain("Note: . has no Patternbook configuration, so the patterns were judged by Patternbook's built-in template.");
    expect(bare.stderr).toContain('`patternbook init --adopt .`');
    expect((await runCli(['lint'], await tempCatalog(files))).stderr).not.toContain('no Patternbook configuration');
  });

  it('--quiet leaves warnings out; --max-warnings turns too many into exit 1', async () => {
    const dir = await tempCatalog({ ...files, 'bad/README.md': files['good/README.md'] });
    expect((await runCli(['lint'], dir)).code).toBe(0);
    // Quiet, not silent about it: "No problems" while a warning exists would be a lie.
    const quiet = await runCli(['lint', '--quiet'], dir);
    expect([quiet.code, quiet.stdout]).toEqual([0, '✔ No errors (1 warning not shown; run without --quiet to see them)\n']);
    const strict = await runCli(['lint', '--max-warnings', '0'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/Too many warnings: 1, at most 0 allowed/);
    expect((await runCli(['lint', '--max-warnings', 'x'], dir)).code).toBe(2);
  });

  it('--quiet with errors: the warnings are left out and counted', async () => {
    const dir = await tempCatalog(files);
    const quiet = await runCli(['lint', '--quiet'], dir);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toMatch(/^bad\/README\.md\n/m);
    expect(quiet.stdout).not.toMatch(/warn\/README\.md|Trivia/);
    expect(quiet.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\).*\n1 warning not shown \(--quiet\)\n$/);
    // (Its fix inserts the missing section for the author to write: counted as the full report counts it, not as fixed.)
    expect(quiet.stdout).toContain('✖ 1 problem (1 error, 0 warnings), 1 missing section --fix inserts for you to write\n');
    const clean = await runCli(['lint', '--quiet'], await tempCatalog({ ...files, 'bad/README.md': files['good/README.md'], 'warn/README.md': files['good/README.md'] }));
    expect([clean.code, clean.stdout]).toEqual([0, '✔ No problems in 3 files\n']);
  });

  it('exits 2, saying what the path is, for a path that names no pattern', async () => {
    const dir = await tempCatalog({ ...files, 'empty/.keep': '', 'notes.txt': 'x\n', 'good/notes.md': '# Notes\n', 'README.md': '# The catalog\n' });
    const cases: [string, string][] = [
      ['templates/pattern.md', "`templates/pattern.md` is the catalog's template, not a pattern"],
      ['templates', '`templates` holds no pattern files matching `patterns`'],
      ['empty', '`empty` holds no pattern files matching `patterns`'],
      ['patternbook.config.json', "`patternbook.config.json` is the catalog's configuration file, not a pattern"],
      ['notes.txt', '`notes.txt` is not a Markdown file'],
      ['good/notes.md', '`good/notes.md` does not match `patterns`'],
    ];
    for (const [given, said] of cases) {
      const run = await runCli(['lint', given], dir);
      expect(run.stdout, given).toBe('');
      expect(run.stderr, given).toContain(said);
      expect(run.code, given).toBe(2);
    }
    // One path that names no pattern among good ones is still an error: nothing is linted, nothing fixed.
    const mixed = await runCli(['lint', '--fix', 'bad/README.md', 'empty'], dir);
    expect(mixed.code).toBe(2);
    expect(await readFile(path.join(dir, 'bad/README.md'), 'utf8')).toBe(files['bad/README.md']);
    // Excluded files and a catalog's own README say so too.
    const excluded = await tempCatalog({
      ...files,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['**/*.md'], exclude: ['drafts/**'] }),
      'drafts/wip.md': '# Wip\n',
      'README.md': '# Catalog\n',
    });
    expect((await runCli(['lint', 'drafts/wip.md'], excluded)).stderr).toContain('`drafts/wip.md` is excluded by `exclude` (drafts/**)');
    expect((await runCli(['lint', 'README.md'], excluded)).stderr).toContain("`README.md` is the catalog's own page");
  });

  it('a catalog without patterns says that nothing was linted (a fresh catalog is no error: exit 0)', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['*/README.md'] }),
    });
    const plain = await runCli(['lint'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/warning\s+No pattern files match `patterns` \(\*\/README\.md\)/);
    expect(plain.stdout).not.toMatch(/No problems/);
    for (const flags of [['--quiet'], ['--format', 'json']]) {
      const run = await runCli(['lint', ...flags], dir);
      expect(run.code, flags.join(' ')).toBe(0);
      expect(run.stdout, flags.join(' ')).not.toMatch(/No problems/);
      expect(run.stderr, flags.join(' ')).toMatch(/^Nothing was linted: the catalog .* has no pattern files yet/);
    }
  });

  it('writes any format to --output, atomically', async () => {
    const dir = await tempCatalog(files);
    for (const format of ['json', 'sarif', 'github', 'junit']) {
      const run = await runCli(['lint', '--format', format, '--output', `report.${format}`], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      const text = await readFile(path.join(dir, `report.${format}`), 'utf8');
      if (format === 'json') expect(JSON.parse(text)).toMatchObject({ errorCount: 1, warningCount: 1 });
      if (format === 'sarif') expect(JSON.parse(text).runs[0].results).toHaveLength(2);
      if (format === 'github') expect(text).toMatch(/^::error file=bad\/README\.md,line=7,col=1,endLine=7,endColumn=1,title=required-section::Missing section/m);
      if (format === 'junit') expect(text).toMatch(/<testsuite name="patternbook" tests="3"/);
    }
    expect((await runCli(['lint', '--format', 'yaml'], dir)).code).toBe(2);
  });

  it('lints only the files asked for, and exits 2 for a path that does not exist', async () => {
    const dir = await tempCatalog(files);
    const one = await runCli(['lint', 'good/README.md', '--format', 'json'], dir);
    expect(JSON.parse(one.stdout).results.map((r: { file: string }) => r.file)).toEqual(['good/README.md']);
    const missing = await runCli(['lint', 'nope.md'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, 'error nope.md does not exist.\n']);
  });

  it('exits 2 on a configuration error', async () => {
    const dir = await tempCatalog({ ...files, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', rules: { 'no-such-rule': 'off' } }) });
    const run = await runCli(['lint'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/`rules\.no-such-rule`: unknown rule/);
  });

  it('--fix repairs what it can and reports the rest; a file it writes keeps its permissions', async () => {
    const dir = await tempCatalog(files);
    // A pattern kept executable (or group-writable) in git: a fix is no mode change.
    await chmod(path.join(dir, 'bad/README.md'), 0o775);
    const run = await runCli(['lint', '--fix', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout) as { results: { file: string; fixed?: boolean; diagnostics: { ruleId: string }[] }[] };
    const bad = report.results.find((r) => r.file === 'bad/README.md')!;
    expect(bad.fixed).toBe(true);
    // The fix adds the heading with the template's guidance as a comment; the content is the author's to write.
    expect(bad.diagnostics.map((d) => d.ruleId)).toEqual(['empty-section']);
    expect(await readFile(path.join(dir, 'bad/README.md'), 'utf8')).toMatch(/## Overview\n\nText\.\n\n## Cleanup\n\n<!-- How to remove it\. -->\n$/);
    expect((await stat(path.join(dir, 'bad/README.md'))).mode & 0o777).toBe(0o775);
  });
});

describe('lint --template against other catalog shapes', () => {
  it('H2-only sections, front-matter titles, one file per pattern', async () => {
    const run = await runCli(['lint', fixture('catalogs/one-file'), '--format', 'json'], REPO);
    const report = JSON.parse(run.stdout) as { results: { file: string; diagnostics: { ruleId: string; message: string }[] }[] };
    expect(report.results.map((r) => [r.file, r.diagnostics.map((d) => d.ruleId)])).toEqual([
      ['patterns/cqrs.md', []],
      ['patterns/messaging/event-sourcing.md', []],
    ]);
    expect(run.code).toBe(0);
  });

  it('headings that contain the pattern name, with leftover placeholders reported', async () => {
    const run = await runCli(['lint', fixture('catalogs/named'), '--format', 'json'], REPO);
    const report = JSON.parse(run.stdout) as { results: { file: string; diagnostics: { ruleId: string; line: number }[] }[] };
    const byFile = Object.fromEntries(report.results.map((r) => [r.file, r.diagnostics.map((d) => `${d.line} ${d.ruleId}`)]));
    expect(byFile['bulkhead/README.md']).toEqual([]);
    expect(byFile['queue-based-load-leveling/README.md']).toEqual([
      '3 summary',
      '7 placeholder',
      '19 required-section',
      '19 placeholder',
      '19 placeholder',
      '19 placeholder',
    ]);
  });

  it('any catalog against any template: the example catalog against the named-headings template', async () => {
    const run = await runCli(['lint', 'examples/catalog', '--template', fixture('templates/named-headings.md'), '--format', 'json'], REPO);
    const report = JSON.parse(run.stdout) as { results: { diagnostics: { ruleId: string }[] }[] };
    const ids = new Set(report.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)));
    expect(run.code).toBe(1);
    expect([...ids].sort()).toEqual(expect.arrayContaining(['required-section', 'unknown-section']));
  });
});

describe('lint in worker threads', () => {
  it('gives the same report with a worker thread beside the main one as on one thread (the built CLI)', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const { generateCatalog } = await import('../../bench/generate-catalog.mjs');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pb-lanes-'));
    try {
      // Large enough that the worker starts before the main thread has taken every file.
      generateCatalog(dir, { count: 600, seed: 11, defectRate: 0.05 });
      const one = await lintBuilt(dir, '1');
      const two = await lintBuilt(dir, '2');
      const report = JSON.parse(two.stdout) as { errorCount: number };
      expect(report.errorCount).toBeGreaterThan(0);
      // The worker linted some of the files (it prints its own timings), and nothing differs.
      expect(two.stderr).toContain('Rule timings (worker thread)');
      expect(one.stderr).not.toContain('worker thread');
      expect(two.stdout).toBe(one.stdout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('patternbook rules', () => {
  it('lists every rule with its severity and whether --fix repairs it', async () => {
    const run = await runCli(['rules', '--format', 'json'], REPO);
    const rules = JSON.parse(run.stdout) as { id: string; severity: string; fixable: boolean }[];
    expect(run.code).toBe(0);
    // Every registered rule, each once (a count written here went stale with each new rule).
    expect(rules.map((r) => r.id).sort()).toEqual(registry.map((r) => r.meta.id).sort());
    expect(rules.find((r) => r.id === 'required-section')).toMatchObject({ severity: 'error', fixable: true });
    const text = await runCli(['rules'], REPO);
    expect(text.stdout).toMatch(/^unknown-section\s+warning\s+Every section heading is one the template has\.$/m);
  });
});
