import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { registry } from '../../src/lint/registry.js';
import { parseMarkdown } from '../../src/markdown/document.js';
import { REPO, tempCatalog } from '../helpers.js';

/**
 * Each rule's page in docs/rules/ carries a template and failing and passing
 * examples in fenced blocks (`markdown template`, `markdown fail`,
 * `markdown pass`, `markdown file=<path>` or `markdown file path=<path>`
 * for extra files). They run here,
 * so the docs cannot drift from what the rules do.
 */
const DOCS = path.join(REPO, 'docs/rules');

interface Example {
  role: 'template' | 'fail' | 'pass' | 'file';
  path?: string;
  text: string;
  line: number;
}

async function examples(id: string): Promise<Example[]> {
  const parsed = parseMarkdown(await readFile(path.join(DOCS, `${id}.md`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.document.codeBlocks
    .filter((c) => c.lang === 'markdown' && /^(template|fail|pass|file)\b/.test(c.meta))
    .map((c) => {
      // `file=<path>`, `file path=<path>`, `fail path=<path>`…
      const words = c.meta.split(/\s+/);
      const role = words[0]!.split('=')[0] as Example['role'];
      const file = words.find((w) => /^(file|path)=/.test(w))?.split('=')[1];
      return { role, ...(file ? { path: file } : {}), text: c.content, line: c.range.start.line };
    });
}

/** A catalog holding one example (at `example/README.md` unless it says `path=`), the page's template and extra files. */
async function catalogFor(all: Example[], example: Example): Promise<{ dir: string; file: string }> {
  const template = all.find((e) => e.role === 'template');
  const files: Record<string, string> = {};
  if (template) {
    files['templates/pattern.md'] = template.text;
    files['patternbook.config.json'] = JSON.stringify({ template: 'templates/pattern.md' });
  }
  for (const extra of all.filter((e) => e.role === 'file')) files[extra.path!] = extra.text;
  const rel = example.path ?? 'example/README.md';
  files[rel] = example.text;
  const dir = await tempCatalog(files);
  return { dir, file: path.join(dir, rel) };
}

describe('the rule registry', () => {
  it('is sorted by id and lists exactly the rule files', async () => {
    const ids = registry.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    const files = (await readdir(path.join(REPO, 'src/lint/rules'))).filter((f) => !f.startsWith('_')).map((f) => f.replace(/\.ts$/, ''));
    expect(ids).toEqual(files.sort());
  });

  it('has a test file per rule, named after it (test/lint/rules/<id>.test.ts), and none for a rule that does not exist', async () => {
    const tests = (await readdir(path.join(REPO, 'test/lint/rules'))).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, ''));
    expect(tests.sort()).toEqual(registry.map((r) => r.meta.id));
  });

  it('has a docs page per rule, listed in docs/rules/README.md with its description', async () => {
    const index = await readFile(path.join(DOCS, 'README.md'), 'utf8');
    for (const rule of registry) {
      expect(existsSync(path.join(DOCS, `${rule.meta.id}.md`)), rule.meta.id).toBe(true);
      expect(index, rule.meta.id).toContain(`[\`${rule.meta.id}\`](${rule.meta.id}.md)`);
      expect(index, rule.meta.id).toContain(rule.meta.description);
    }
  });
});

describe.each(registry.map((r) => [r.meta.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  it('states the severity and whether it fixes, as the rule does', async () => {
    const page = await readFile(path.join(DOCS, `${id}.md`), 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`- Severity: ${rule.meta.severity}`);
    expect(page).toMatch(new RegExp(`- Fixable: ${rule.meta.fixable ? 'yes' : 'no'}`));
  });

  it('has a failing example the rule reports, and a passing one it does not', async () => {
    const all = await examples(id);
    const fails = all.filter((e) => e.role === 'fail');
    const passes = all.filter((e) => e.role === 'pass');
    expect(fails.length).toBeGreaterThan(0);
    expect(passes.length).toBeGreaterThan(0);
    for (const example of [...fails, ...passes]) {
      const { dir, file } = await catalogFor(all, example);
      const report = await lint({ root: dir, only: [id] });
      const found = report.results.find((r) => r.file === file)?.diagnostics ?? [];
      const mine = found.filter((d) => d.ruleId === id);
      if (example.role === 'fail') expect(mine.length, `fail example at line ${example.line}`).toBeGreaterThan(0);
      else
        expect(
          mine.map((d) => `${d.line}: ${d.message}`),
          `pass example at line ${example.line}`,
        ).toEqual([]);
      // Nothing else goes wrong while loading the example.
      expect(found.filter((d) => d.fatal)).toEqual([]);
    }
  });

  it.runIf(rule.meta.fixable)('fixes its failing example: a second lint finds none of the fixed problems', async () => {
    const all = await examples(id);
    for (const example of all.filter((e) => e.role === 'fail')) {
      const { dir, file } = await catalogFor(all, example);
      const before = await lint({ root: dir, only: [id] });
      const fixable = before.results.flatMap((r) => r.diagnostics).filter((d) => d.fix).length;
      expect(fixable).toBeGreaterThan(0);
      const after = await lint({ root: dir, only: [id], fix: true });
      expect(after.results.find((r) => r.file === file)?.fixed).toBe(true);
      expect(after.fixableCount).toBe(0);
      // A second --fix changes nothing.
      const text = await readFile(file, 'utf8');
      await lint({ root: dir, only: [id], fix: true });
      expect(await readFile(file, 'utf8')).toBe(text);
    }
  });
});
