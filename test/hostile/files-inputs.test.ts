import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { buildSite } from '../../src/site/build.js';
import { REPO, runCli, tempCatalog } from '../helpers.js';

/** What a user must never see: a stack trace, or the CLI's own "this is a bug" message. */
const NO_CRASH = /\n\s+at \S+ \(|internal error/;

const normal = '# Normal\n\n> A normal pattern.\n\n## Overview\n\nText.\n';

/** Each hostile file beside a normal pattern: the hostile one gets a diagnostic (or is read), the normal one is still linted. */
const CASES: Record<string, string | Buffer | (() => string | Buffer)> = {
  empty: '',
  'front-matter-only': '---\ntitle: Only front matter\n---\n',
  binary: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  'invalid-utf8': Buffer.from([0x23, 0x20, 0x42, 0x61, 0x64, 0x20, 0xff, 0xfe, 0x0a]),
  'utf16-bom': Buffer.from('\ufeff# Title\n', 'utf16le'),
  'hundred-thousand-lines': () => `# Lines\n\n${'line\n'.repeat(100_000)}`,
  'one-megabyte-line': () => `# Long\n\n${'a'.repeat(1024 * 1024)}\n`,
  'ten-thousand-headings': () => `# H\n\n${Array.from({ length: 10_000 }, (_, i) => `## Heading ${i}\n\ntext\n\n`).join('')}`,
  'lists-nested-deep': () => `# N\n\n${'- '.repeat(10_000)}item\n\n${'>'.repeat(10_000)} quoted\n`,
  'brackets-and-emphasis': () => `# B\n\n${'['.repeat(100_000)}\n\n${'*'.repeat(100_000)}\n\n${'_a'.repeat(50_000)}\n\n${'!['.repeat(30_000)}\n`,
  'unclosed-fence': '# U\n\n> Summary.\n\n## Overview\n\n```bash\necho never closed\n\n## Cleanup\n',
  crlf: normal.replace(/\n/g, '\r\n'),
  'cr-only': normal.replace(/\n/g, '\r'),
};

describe('hostile files: every one reported or read, the others still linted, no crash', () => {
  it('lints a catalog of hostile files and a normal one', async () => {
    const files: Record<string, string | Buffer> = { 'normal/README.md': normal };
    for (const [name, content] of Object.entries(CASES)) files[`${name}/README.md`] = typeof content === 'function' ? content() : content;
    const root = await tempCatalog(files as Record<string, string>);
    const r = await runCli(['lint', root, '--format', 'json'], REPO);
    expect(r.stderr).not.toMatch(NO_CRASH);
    expect(r.code).toBe(1);
    const results = (JSON.parse(r.stdout) as { results: { file: string; diagnostics: { ruleId: string; message: string; line: number; fatal?: boolean }[] }[] }).results;
    const by = new Map(results.map((x) => [x.file.split('/')[0]!, x]));
    // Every file is there, the normal one linted like any other.
    expect([...by.keys()].sort()).toEqual(['normal', ...Object.keys(CASES)].sort());
    expect(by.get('normal')!.diagnostics.some((d) => d.fatal)).toBe(false);
    const fatal = (name: string) => by.get(name)!.diagnostics.find((d) => d.fatal);
    expect(fatal('binary')?.message).toMatch(/not valid UTF-8/);
    expect(fatal('invalid-utf8')?.message).toMatch(/not valid UTF-8/);
    expect(fatal('utf16-bom')?.message).toMatch(/UTF-16/);
    // The rest are read and checked as Markdown.
    for (const name of [
      'empty',
      'front-matter-only',
      'hundred-thousand-lines',
      'one-megabyte-line',
      'ten-thousand-headings',
      'lists-nested-deep',
      'brackets-and-emphasis',
      'unclosed-fence',
      'crlf',
      'cr-only',
    ]) {
      expect(fatal(name), name).toBeUndefined();
    }
    expect(by.get('unclosed-fence')!.diagnostics.some((d) => d.ruleId === 'code-block' && /never closed/.test(d.message))).toBe(true);
    // Line endings are read as lines: CRLF and CR-only give the same findings as LF.
    const shape = (name: string) => by.get(name)!.diagnostics.map((d) => `${d.line} ${d.ruleId}`);
    expect(shape('crlf')).toEqual(shape('normal'));
    expect(shape('cr-only')).toEqual(shape('normal'));
  }, 60_000);

  it('refuses a 50 MB file by the size limit and still lints the others', async () => {
    const root = await tempCatalog({ 'normal/README.md': normal });
    await mkdir(path.join(root, 'huge'));
    await writeFile(path.join(root, 'huge', 'README.md'), `# Huge\n\n${'word '.repeat(10_500_000)}`);
    const r = await runCli(['lint', root, '--format', 'json'], REPO);
    expect(r.stderr).not.toMatch(NO_CRASH);
    const results = (JSON.parse(r.stdout) as { results: { file: string; diagnostics: { message: string; fatal?: boolean }[] }[] }).results;
    expect(results.find((x) => x.file === 'huge/README.md')!.diagnostics[0]!.message).toMatch(/larger than the 5 MB limit/);
    expect(results.find((x) => x.file === 'normal/README.md')!.diagnostics.some((d) => d.fatal)).toBe(false);
  });

  it('builds a site from the hostile files without crashing: the readable ones get pages', async () => {
    const files: Record<string, string | Buffer> = { 'normal/README.md': normal };
    for (const name of ['empty', 'front-matter-only', 'binary', 'lists-nested-deep', 'brackets-and-emphasis', 'unclosed-fence', 'cr-only']) {
      const content = CASES[name]!;
      files[`${name}/README.md`] = typeof content === 'function' ? content() : content;
    }
    const root = await tempCatalog(files as Record<string, string>);
    const summary = await buildSite({ root, out: path.join(await tempCatalog(), 'site') });
    expect(summary.pages).toBe(7);
    expect(summary.problems.map((d) => d.path)).toEqual(['binary/README.md']);
  }, 60_000);
});

describe('pathological Markdown stays linear-ish', () => {
  it('lints 100,000 nested brackets and emphasis markers within a few times a normal file of the same size, in the same run', async () => {
    const size = 400_000;
    const hostile = `# B\n\n${'['.repeat(size / 4)}\n\n${'*'.repeat(size / 4)}\n\n${'_a'.repeat(size / 8)}\n\n${'!['.repeat(size / 8)}\n`;
    const paragraph = 'Plain words in a sentence that goes on. ';
    const plain = `# P\n\n${paragraph.repeat(Math.ceil(hostile.length / paragraph.length)).slice(0, hostile.length - 6)}\n`;
    const time = async (text: string) => {
      const root = await tempCatalog({ 'p/README.md': text });
      const best: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await lint({ root });
        best.push(performance.now() - t);
      }
      return Math.min(...best);
    };
    const normalMs = await time(plain);
    const hostileMs = await time(hostile);
    // A quadratic parse of 100,000 markers takes minutes; linear work stays within a small factor.
    expect(hostileMs, `hostile ${hostileMs.toFixed(0)} ms vs normal ${normalMs.toFixed(0)} ms`).toBeLessThan(Math.max(normalMs * 10, 2000));
  }, 120_000);
});

describe('lint --fix and a fence that is never closed', () => {
  it('inserts no section into the open code block, says why, and a second --fix changes nothing (found by the property tests)', async () => {
    // Most of the template's sections are there (a file with under half of them gets one finding and no fix).
    const root = await tempCatalog({
      'templates/pattern.md': '# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n\n## Usage\n\nShow it.\n\n## Cleanup\n\nHow to remove it.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'p/README.md': '---\ntitle: t\n---\n# T\n\n> T does one thing.\n\n## Overview\n\nText.\n\n## Usage\n\n~~~',
    });
    const file = path.join(root, 'p', 'README.md');
    const r = await runCli(['lint', root, '--fix', '--format', 'json'], REPO);
    const { readFile } = await import('node:fs/promises');
    const after = await readFile(file, 'utf8');
    const diagnostics = (JSON.parse(r.stdout) as { results: { diagnostics: { ruleId: string; message: string }[] }[] }).results[0]!.diagnostics;
    const missing = diagnostics.filter((d) => d.ruleId === 'required-section' && /Close the code block opened on line 14 first/.test(d.message));
    expect(missing.length).toBeGreaterThan(0);
    await runCli(['lint', root, '--fix'], REPO);
    expect(await readFile(file, 'utf8')).toBe(after);
  });
});
