import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli, tempCatalog } from '../helpers.js';

/** Output that betrays a crash: a JS stack frame or the CLI's last-resort message. */
const CRASH = /\n\s+at \S+ \(|internal error/i;

const TEMPLATE = '# [Pattern Title]\n\n> Brief one-sentence description\n\n## Overview\n\nDescribe it.\n';
const page = (title: string) => `# ${title}\n\n> Does ${title} things well.\n\n## Overview\n\nThe ${title} pattern.\n`;

/** A catalog with a tiny template, so only the hostile names can cause problems. */
async function catalog(names: string[]): Promise<string> {
  const dir = await tempCatalog({ 'template.md': TEMPLATE, 'patternbook.config.yaml': 'template: template.md\n' });
  for (const [i, name] of names.entries()) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, 'README.md'), page(`Pattern ${i}`));
  }
  return dir;
}

interface JsonReport {
  results: { file: string; diagnostics: { ruleId: string; message: string; line: number }[] }[];
}

const NFC = 'caf\u00e9';
const NFD = 'cafe\u0301';
const HOSTILE = ['with space', NFC, '-rf', `it's "quoted"`, 'new\nline', '--help'];

describe('hostile folder names: lint, build, export', () => {
  it('lint reads every pattern whatever its folder name, and names each file', async () => {
    const dir = await catalog(HOSTILE);
    const run = await runCli(['lint', dir, '-f', 'json'], dir);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.results.map((r) => r.file).sort()).toEqual(HOSTILE.map((n) => `${n}/README.md`).sort());
    for (const r of report.results) expect(r.diagnostics, r.file).toEqual([]);
  });

  it('a folder named like an option (`-rf`, `--help`) is a catalog folder when given as a path after `--`', async () => {
    const dir = await catalog(['ok']);
    const dash = path.join(dir, '-rf');
    await mkdir(dash);
    await writeFile(path.join(dash, 'README.md'), page('Dash'));
    const run = await runCli(['lint', '-f', 'json', '--', '-rf'], dir);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.code).not.toBe(2);
    expect((JSON.parse(run.stdout) as JsonReport).results.map((r) => r.file)).toEqual(['-rf/README.md']);
  });

  it('the github reporter escapes a newline in a file name instead of breaking the workflow command', async () => {
    const dir = await catalog(['new\nline']);
    await writeFile(path.join(dir, 'new\nline', 'README.md'), '# Broken\n\nNo summary, no sections.\n');
    const run = await runCli(['lint', dir, '-f', 'github'], dir);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(run.stdout).toContain('file=new%0Aline/README.md');
  });

  it('build writes one page per hostile name, and every link on the home page leads to a page that exists', async () => {
    const dir = await catalog(HOSTILE);
    const out = path.join(await tempCatalog(), 'site');
    const run = await runCli(['build', dir, '--out', out], dir);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.code).toBe(0);
    const all = await listFiles(out);
    for (const name of HOSTILE) expect(all, name).toContain(`patterns/${name}/index.html`);
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    const hrefs = [...home.matchAll(/href="(patterns\/[^"]*)"/g)].map((m) => m[1]!);
    expect(new Set(hrefs).size).toBe(HOSTILE.length);
    for (const href of hrefs) {
      // Links are URL-encoded and attribute-escaped; decoding gives back a folder that exists.
      const decoded = decodeURIComponent(
        href
          .replace(/&quot;/g, '"')
          .replace(/&#39;|&#x27;/g, "'")
          .replace(/&amp;/g, '&'),
      );
      expect(existsSync(path.join(out, decoded, 'index.html')), href).toBe(true);
      expect(href).not.toMatch(/[\s"]/);
    }
    const catalogJson = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as { patterns: { slug: string }[] };
    expect(catalogJson.patterns.map((p) => p.slug).sort()).toEqual([...HOSTILE].sort());
  });

  it('export lists every hostile name exactly, as JSON and as CSV', async () => {
    const dir = await catalog(HOSTILE);
    const json = await runCli(['export', dir], dir);
    expect(json.stderr).not.toMatch(CRASH);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { patterns: { slug: string }[] };
    expect(data.patterns.map((p) => p.slug).sort()).toEqual([...HOSTILE].sort());
    const csv = await runCli(['export', dir, '-f', 'csv'], dir);
    expect(csv.code).toBe(0);
    // The newline and the quotes are inside a quoted CSV field, quotes doubled.
    expect(csv.stdout).toContain('"new\nline"');
    expect(csv.stdout).toContain(`"it's ""quoted"""`);
  });

  it('Saga and saga: an error names both files, and the run goes on with the other patterns', async () => {
    const dir = await catalog(['Saga', 'saga', 'other']);
    const lint = await runCli(['lint', dir], dir);
    expect(lint.stderr).not.toMatch(CRASH);
    expect(lint.code).toBe(1);
    const text = lint.stdout + lint.stderr;
    expect(text).toMatch(/saga\/README\.md/);
    expect(text).toMatch(/Saga\/README\.md/);
    expect(text).toMatch(/differs only by case/);

    const out = path.join(await tempCatalog(), 'site');
    const build = await runCli(['build', dir, '--out', out], dir);
    expect(build.stderr).not.toMatch(CRASH);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/Saga\/README\.md/);
    expect(existsSync(path.join(out, 'patterns/other/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'patterns/Saga/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'patterns/saga/index.html'))).toBe(false);

    const exp = await runCli(['export', dir], dir);
    expect(exp.code).toBe(1);
    expect(exp.stderr).toMatch(/differs only by case/);
    expect((JSON.parse(exp.stdout) as { patterns: { slug: string }[] }).patterns.map((p) => p.slug)).toEqual(['Saga', 'other']);
  });

  it('NFC and NFD spellings of é are two folders on Linux: both are read and built, nothing crashes', async () => {
    const dir = await catalog([NFC, NFD]);
    expect((await readdir(dir)).filter((n) => n.startsWith('caf')).length).toBe(2);
    const lint = await runCli(['lint', dir, '-f', 'json'], dir);
    expect(lint.stderr).not.toMatch(CRASH);
    expect([0, 1]).toContain(lint.code);
    const out = path.join(await tempCatalog(), 'site');
    const build = await runCli(['build', dir, '--out', out], dir);
    expect(build.stderr).not.toMatch(CRASH);
    expect([0, 1]).toContain(build.code);
  });

  // `café` (NFC) and `café` (NFD) are the same name on macOS (APFS/HFS+): the catalog could not be checked
  // out there, and their pages would collide — the reason the case clash is reported too.
  it('NFC and NFD spellings of the same name are reported as clashing slugs, naming both', async () => {
    const dir = await catalog([NFC, NFD]);
    const lint = await runCli(['lint', dir], dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout + lint.stderr).toMatch(/clashes with/);
    expect(lint.stdout + lint.stderr).toMatch(/another Unicode form/);
  });
});
