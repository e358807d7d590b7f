import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { matchOutline } from '../../src/template/match-outline.js';
import { REPO, fixture, runCli, tempCatalog } from '../helpers.js';

const VERSION = (JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('patternbook CLI basics', () => {
  it('prints help with every command, and exits 0', async () => {
    const run = await runCli(['--help'], REPO);
    expect(run.code).toBe(0);
    for (const command of ['info', 'init', 'new']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(run.stdout).toMatch(/Exit codes: 0 ok, 1 problems found, 2 usage or configuration error/);
  });

  it('prints help per command', async () => {
    const run = await runCli(['new', '--help'], REPO);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: patternbook new \[options\] <slug>/);
    expect(run.stdout).toMatch(/--summary <sentence>/);
  });

  it('prints the package version', async () => {
    const run = await runCli(['--version'], REPO);
    expect([run.code, run.stdout.trim()]).toEqual([0, VERSION]);
  });

  it('exits 2 on usage errors: unknown command or option, missing argument, no command', async () => {
    const unknown = await runCli(['initt'], REPO);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'initt'.*\n.*Did you mean init\?/);
    expect((await runCli(['info', '--nope'], REPO)).code).toBe(2);
    expect((await runCli(['new'], REPO)).stderr).toMatch(/missing required argument 'slug'/);
    expect((await runCli([], REPO)).code).toBe(2);
    const missing = await runCli(['info', 'no-such-folder'], REPO);
    expect([missing.code, missing.stderr]).toEqual([2, 'error Catalog folder no-such-folder does not exist.\n']);
  });

  it('runs the real bin and sets its exit code', async () => {
    const bin = path.join(REPO, 'dist/cli/bin.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--version']);
    expect(stdout.trim()).toBe(VERSION);
    const failure = await promisify(execFile)(process.execPath, [bin, 'info', fixture('catalogs/basic')]).catch((e: { code: number }) => e);
    expect((failure as { code: number }).code).toBe(1);
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const tty = await runCli(['info', fixture('catalogs/basic')], REPO, { tty: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runCli(['info', fixture('catalogs/basic')], REPO, { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const pipe = await runCli(['info', fixture('catalogs/basic')], REPO);
    expect(pipe.stdout).not.toContain('\u001b[');
  });
});

describe('patternbook info', () => {
  it('summarises a catalog and exits 1 when files failed to load, naming file, line and problem', async () => {
    const run = await runCli(['info', fixture('catalogs/basic')], REPO);
    expect(run.code).toBe(1);
    // Front matter that is not valid YAML leaves the pattern loaded (lint says what is wrong with it).
    expect(run.stdout).toMatch(/Patterns {2}3 loaded, 1 failed/);
    expect(run.stdout).not.toContain('broken-yaml/README.md:');
    expect(run.stdout).toMatch(/^not-utf8\/README\.md:3:12 {2}error {2}File is not valid UTF-8/m);
  });

  it('finds the catalog root from a sub-folder and exits 0 on a clean catalog', async () => {
    const run = await runCli(['info'], fixture('catalogs/named/bulkhead'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/config: \.\.\/patternbook\.config\.json/);
    expect(run.stdout).toMatch(/bulkhead\s+Bulkhead/);
  });

  it('prints JSON', async () => {
    const run = await runCli(['info', fixture('catalogs/one-file'), '--format', 'json'], REPO);
    const json = JSON.parse(run.stdout) as { patterns: { slug: string; title: string }[]; template: { name: string }; diagnostics: unknown[] };
    expect(json.patterns.map((p) => [p.slug, p.title])).toEqual([
      ['cqrs', 'CQRS'],
      ['event-sourcing', 'Event Sourcing'],
    ]);
    expect(json.template.name).toBe('decision-style');
    expect(json.diagnostics).toEqual([]);
  });

  it('takes a configuration error as exit 2 with the file and key', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': '{ "outdir": "x" }' });
    const run = await runCli(['info', dir], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/patternbook\.config\.json:1:3: unknown key `outdir`\. Did you mean `outDir`\?/);
  });
});

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, p)));
    else out.push(p);
  }
  return out.sort();
}

describe('patternbook init and new', () => {
  it('init writes a config, the default template and a first pattern that loads cleanly', async () => {
    const dir = await tempCatalog();
    const run = await runCli(['init', dir], REPO);
    expect(run.code).toBe(0);
    expect(await listFiles(dir)).toEqual(['.gitignore', 'first-pattern/README.md', 'first-pattern/diagrams/.gitkeep', 'patternbook.config.json', 'templates/pattern.md']);
    const catalog = await loadCatalog(dir);
    expect(catalog.diagnostics).toEqual([]);
    expect(catalog.template.builtIn).toBe(false);
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([['first-pattern', 'First Pattern']]);
  });

  it('init never overwrites: it lists what exists and writes nothing', async () => {
    const dir = await tempCatalog({ 'templates/pattern.md': '# Mine\n\n## Keep\n' });
    const run = await runCli(['init'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/templates\/pattern\.md already exists\. Nothing was written\./);
    expect(await listFiles(dir)).toEqual(['templates/pattern.md']);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).toBe('# Mine\n\n## Keep\n');
  });

  it('new writes <slug>/README.md and diagrams/, and the file parses back to the template schema', async () => {
    const dir = await tempCatalog();
    await runCli(['init', dir], REPO);
    const run = await runCli(['new', 'circuit-breaker', '--title', 'Circuit Breaker', '--summary', 'Fails fast when a dependency is down.', '--dir', dir], REPO);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'circuit-breaker/diagrams'))).toBe(true);

    const catalog = await loadCatalog(dir);
    expect(catalog.diagnostics).toEqual([]);
    const pattern = catalog.bySlug.get('circuit-breaker')!;
    expect(pattern.title?.text).toBe('Circuit Breaker');
    expect(pattern.summary?.text).toBe('Fails fast when a dependency is down.');
    const match = matchOutline(catalog.template.sections, pattern.document.sections);
    expect(match.missing).toEqual([]);
    expect(match.unknown).toEqual([]);
    expect(match.matches.map((m) => m.schema.name)).toEqual(catalog.template.sections.map((s) => s.name));
  });

  it('new writes TOML front matter where the template does (`key = "value"` lines over `---`), the catalog’s own `template` key kept, and lint reads it back', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': 'title = "[Pattern Title]"\ntemplate = "main"\n---\n\nSummary: [One line]\n\n## Background\n\n[Why]\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['*.md'] }),
    });
    const run = await runCli(['new', 'quays', '--title', 'Quays', '--dir', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(path.join(dir, 'quays.md'), 'utf8');
    expect(text.startsWith('title = "Quays"\ntemplate = "main"\n---\n')).toBe(true);
    const catalog = await loadCatalog(dir);
    expect(catalog.bySlug.get('quays')?.title?.text).toBe('Quays');
    // (`template = "main"`, the site's layout, is no stamp of Patternbook's: nothing to say of it.)
    const lint = await runCli(['lint', dir, '--format', 'json'], REPO);
    const report = JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string }[] }[] };
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)).filter((r) => r === 'template-version' || r === 'front-matter-syntax')).toEqual([]);
  });

  it('new refuses an invalid or existing slug with exit 2 and writes nothing', async () => {
    const dir = await tempCatalog();
    await runCli(['init', dir], REPO);
    const before = await listFiles(dir);
    for (const slug of ['Circuit-Breaker', 'two--hyphens', '-lead', 'trail-', 'under_score', 'first-pattern']) {
      const run = await runCli(['new', slug, '--dir', dir], REPO);
      expect(run.code, slug).toBe(2);
    }
    expect((await runCli(['new', 'Bad_Slug', '--dir', dir], REPO)).stderr).toMatch(/lowercase letters, digits and single hyphens/);
    expect((await runCli(['new', 'first-pattern', '--dir', dir], REPO)).stderr).toMatch(/"first-pattern" already exists/);
    expect(await listFiles(dir)).toEqual(before);
  });

  it('new follows the catalog layout and a front-matter template', async () => {
    const dir = await tempCatalog({
      'patternbook.config.yaml': `template: ${fixture('templates/h2-front-matter.md')}\npatterns: ["patterns/**/*.md"]\n`,
    });
    const run = await runCli(['new', 'event-sourcing', '--summary', 'Stores changes as events.'], dir);
    expect(run.code).toBe(0);
    const text = await readFile(path.join(dir, 'patterns/event-sourcing.md'), 'utf8');
    expect(text.startsWith('---\ntitle: Event Sourcing\ndescription: Stores changes as events.\nstatus: draft\ntags: []\n---\n')).toBe(true);
    expect(text).not.toMatch(/template:|\(optional\)|<!-- optional -->/);
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => [p.slug, p.title?.from])).toEqual([['event-sourcing', 'front-matter']]);
    expect(matchOutline(catalog.template.sections, catalog.patterns[0]!.document.sections).missing).toEqual([]);
  });

  it('new fills the pattern name into headings that contain it', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ template: fixture('templates/named-headings.md') }) });
    await runCli(['new', 'sharding', '--dir', dir], REPO);
    const text = await readFile(path.join(dir, 'sharding/README.md'), 'utf8');
    expect(text).toMatch(/^# Sharding\n/);
    expect(text).toContain('## Intent of Sharding\n');
    expect(text).toContain('## How Sharding Works\n');
    expect(text).toContain('> [What the pattern does, in one sentence]');
  });

  it('new asks for a missing title and summary on a terminal', async () => {
    const dir = await tempCatalog();
    await runCli(['init', dir], REPO);
    const run = await runCli(['new', 'bulkhead', '--dir', dir], REPO, { tty: true, input: 'Bulkhead Isolation\nPartitions resources per dependency.\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Title (Bulkhead): ');
    const text = await readFile(path.join(dir, 'bulkhead/README.md'), 'utf8');
    expect(text).toMatch(/^# Bulkhead Isolation\n\n> Partitions resources per dependency\.\n/);
  });

  it('new never replaces a file that appeared at the target', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ patterns: ['*/README.md'], exclude: ['taken/**'] }) });
    await writeFile(path.join(dir, 'x.md'), '');
    await runCli(['new', 'taken', '--dir', dir], REPO);
    const again = await runCli(['new', 'taken', '--dir', dir], REPO);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/taken\/README\.md already exists/);
  });
});
