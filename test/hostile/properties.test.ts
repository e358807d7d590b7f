import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogTemplate } from '../../src/catalog/load-catalog.js';
import { loadPattern } from '../../src/catalog/load-pattern.js';
import { loadConfig } from '../../src/config/load-config.js';
import { lint } from '../../src/lint/lint.js';
import { renderArticle } from '../../src/site/model.js';
import { REPO, runCli, tempCatalog } from '../helpers.js';

/**
 * Properties over generated Markdown, in the normal test run with a fixed
 * seed; `npm run fuzz` runs them longer (FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

const SECTIONS = [
  'Overview',
  'Architecture',
  'Components',
  'Implementation',
  'Step 1: Build',
  'Configuration',
  'Testing',
  'Cleanup',
  'Related Patterns',
  'Changelog',
  'Version 1.0.0 (2024-01-15)',
  'License',
  'Author',
  'Unknown Thing',
];
const XSS = [
  '<script>globalThis.pwned=1</script>',
  '<img src=x onerror="globalThis.pwned=1">',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<a href="jav&#x61;script:alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '[x](vbscript:msgbox(1))',
  '<form action="https://evil.example"><button>go</button></form>',
];
const fragment = fc.oneof(
  fc.constantFrom(...SECTIONS).chain((s) => fc.integer({ min: 1, max: 6 }).map((n) => `${'#'.repeat(n)} ${s}`)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...XSS),
  fc.constantFrom('```bash', '```', '~~~', '```mermaid\ngraph TD; A-->B', '    indented code'),
  fc.constantFrom('| Parameter | Description | Required | Default |', '|---|---|---|---|', '| X | y | Yes | N/A |', '- [ ] task', '1. item', '> quote', '---', '***'),
  fc.constantFrom('[Saga](../saga/README.md#overview)', '![d](diagrams/a.svg)', '<https://example.org>', '[](../../../../etc/passwd)', '[%2e%2e](%2e%2e/%2e%2e/x)'),
  fc.constantFrom('[PARAM_1]', '[Pattern Title]', 'Describe the pattern here.', '\t', '\r', '\u0000', '\ufeff', '😀', 'e\u0301'),
);
const markdown = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('\n'));
const withFrontMatter = fc.tuple(fc.boolean(), markdown).map(([fm, md]) => (fm ? `---\ntitle: t\ntags: [a, b]\n---\n${md}` : md));

/** Lines of `before` (blank ones and heading markers aside) missing from `after`, as a multiset. */
function lostLines(before: string, after: string): string[] {
  const key = (l: string) => l.replace(/^\s{0,3}#{1,6}(?=\s|$)/, '').trim();
  const left = new Map<string, number>();
  for (const l of after.split(/\r\n|\r|\n/)) left.set(key(l), (left.get(key(l)) ?? 0) + 1);
  const lost: string[] = [];
  for (const l of before.split(/\r\n|\r|\n/)) {
    const k = key(l);
    if (!k) continue;
    const n = left.get(k) ?? 0;
    if (n === 0) lost.push(l);
    else left.set(k, n - 1);
  }
  return lost;
}

describe('properties of generated Markdown', () => {
  it('loading, linting and rendering never throw, and every position lies inside the file', async () => {
    const root = await tempCatalog({ 'p/README.md': '# P\n' });
    const file = path.join(root, 'p', 'README.md');
    const config = await loadConfig(root);
    const template = await loadCatalogTemplate(config);
    await fc.assert(
      fc.asyncProperty(withFrontMatter, async (text) => {
        await writeFile(file, text);
        const report = await lint({ root });
        const source = text.replace(/^\ufeff/, '');
        const lines = source.split(/\r\n|\r|\n/);
        for (const d of report.results.flatMap((r) => r.diagnostics)) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
        }
        const loaded = await loadPattern({ file, path: 'p/README.md', slug: 'p', maxFileSize: config.maxFileSize }, template, { keepTokens: true });
        if (!loaded.ok) return;
        const first = renderArticle(loaded.pattern, { root, template }, () => undefined).rendered.html;
        const again = renderArticle(loaded.pattern, { root, template }, () => undefined).rendered.html;
        // Deterministic, and nothing executable survives the sanitizer.
        expect(again).toBe(first);
        // Tags only: payloads may remain as escaped text (inside code, say), never as markup.
        for (const tag of first.match(/<[a-z][^>]*>/gi) ?? []) {
          expect(tag).not.toMatch(/^<(script|iframe|object|embed|form|base|meta|style|math|svg)\b/i);
          expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
          expect(tag).not.toMatch(/(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
          expect(tag).not.toMatch(/\sstyle\s*=/i);
        }
      }),
      params,
    );
  }, 120_000);

  it('lint --fix never removes an author’s line, is idempotent, and leaves nothing it could fix', async () => {
    const root = await tempCatalog({ 'p/README.md': '# P\n' });
    const file = path.join(root, 'p', 'README.md');
    await fc.assert(
      fc.asyncProperty(withFrontMatter, async (text) => {
        await writeFile(file, text);
        await lint({ root, fix: true });
        const fixed = await readFile(file, 'utf8');
        expect(lostLines(text, fixed)).toEqual([]);
        const again = await lint({ root, fix: true });
        expect(await readFile(file, 'utf8')).toBe(fixed);
        expect(again.fixableCount).toBe(0);
      }),
      { ...params, numRuns: Math.max(5, Math.floor(RUNS / 2)) },
    );
  }, 120_000);

  it('migrate without --write changes no byte on disk', async () => {
    const root = await tempCatalog({ 'p/README.md': '# P\n', 'q/README.md': '# Q\n' });
    const template = path.join(await tempCatalog(), 'next.md');
    await writeFile(template, (await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8')).replace('## Limitations', '## Cost\n\nWhat it costs.\n\n## Limitations'));
    await fc.assert(
      fc.asyncProperty(withFrontMatter, withFrontMatter, async (p, q) => {
        await writeFile(path.join(root, 'p', 'README.md'), p);
        await writeFile(path.join(root, 'q', 'README.md'), q);
        const r = await runCli(['migrate', root, '--to', template], REPO);
        expect(r.stderr).not.toMatch(/internal error/);
        expect(await readFile(path.join(root, 'p', 'README.md'), 'utf8')).toBe(p);
        expect(await readFile(path.join(root, 'q', 'README.md'), 'utf8')).toBe(q);
      }),
      { ...params, numRuns: Math.max(5, Math.floor(RUNS / 2)) },
    );
  }, 120_000);
});
