import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMigration } from '../../src/migrate/migrate.js';
import { REPO, fixture, runCli, tempCatalog } from '../helpers.js';

/** path → sha256 of every file under `dir`. */
async function snapshot(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, await snapshot(path.join(dir, e.name), rel));
    else
      out[rel] = createHash('sha256')
        .update(await readFile(path.join(dir, e.name)))
        .digest('hex');
  }
  return out;
}

/** Lines of `before` missing from `after`, counted as a multiset; `skip` lines of `before` are expected to change. */
function missingLines(before: string, after: string, skip: (line: string) => boolean): string[] {
  const left = new Map<string, number>();
  for (const l of after.split(/\r?\n/)) left.set(l, (left.get(l) ?? 0) + 1);
  const missing: string[] = [];
  for (const l of before.split(/\r?\n/)) {
    if (skip(l)) continue;
    const n = left.get(l) ?? 0;
    if (n === 0) missing.push(l);
    else left.set(l, n - 1);
  }
  return missing;
}

/** The example catalog, copied, and a next version of its template: a section added, one renamed, one dropped. */
async function exampleAndNewTemplate(): Promise<{ root: string; template: string }> {
  const dir = await tempCatalog();
  const root = path.join(dir, 'catalog');
  await cp(path.join(REPO, 'examples/catalog'), root, { recursive: true, filter: (src) => !/[\\/](_site|\.patternbook)$/.test(src) });
  let text = await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8');
  text = text.replace('## Limitations\n', '## Cost\n\nWhat running this pattern costs, and what drives the cost.\n\n## Limitations\n');
  text = text.replace('## Monitoring and Observability', '## Observability');
  text = text.replace(/## Performance Characteristics\n[\s\S]*?(?=\n## )/, '');
  const template = path.join(dir, 'next-template.md');
  await writeFile(template, `---\ntemplate: pattern@2.0.0\n---\n${text}`);
  return { root, template };
}

describe('patternbook migrate', () => {
  it('without --write prints a unified diff per file and changes no byte on disk', async () => {
    const { root, template } = await exampleAndNewTemplate();
    const before = await snapshot(root);
    const r = await runCli(['migrate', root, '--to', template, '--rename', 'Monitoring and Observability=Observability'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('--- a/saga/README.md\n+++ b/saga/README.md\n');
    expect(r.stdout).toContain('-## Monitoring and Observability\n+## Observability\n');
    expect(r.stdout).toContain('+## Cost\n');
    expect(r.stdout).toContain('+template: pattern@2.0.0\n');
    expect(r.stderr).toContain('8 of 8 patterns would change to pattern@2.0.0. Nothing was written');
    expect(await snapshot(root)).toEqual(before);
  });

  it('with --write: sections added in place, headings renamed, dropped sections kept and listed, every line of the author kept', async () => {
    const { root, template } = await exampleAndNewTemplate();
    const slugs = ['bulkhead', 'cache-aside', 'circuit-breaker', 'idempotent-consumer', 'retry-with-backoff', 'saga', 'strangler-fig', 'transactional-outbox'];
    const originals = Object.fromEntries(await Promise.all(slugs.map(async (s) => [s, await readFile(path.join(root, s, 'README.md'), 'utf8')] as const)));
    const r = await runCli(['migrate', root, '--to', template, '--rename', 'Monitoring and Observability=Observability', '--write'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('8 of 8 patterns migrated to pattern@2.0.0: 8 files written.');
    // The dropped section is kept, and said.
    expect(r.stderr).toMatch(/saga\/README\.md:\d+: "Performance Characteristics" is not in the new template; kept where it is/);
    for (const slug of slugs) {
      const after = await readFile(path.join(root, slug, 'README.md'), 'utf8');
      expect(
        missingLines(originals[slug]!, after, (l) => l === '## Monitoring and Observability'),
        slug,
      ).toEqual([]);
      expect(after, slug).toMatch(/^---\n[\s\S]*?template: pattern@2\.0\.0\n---\n/);
      expect(after, slug).toContain('## Observability\n');
      // Cost goes where the template puts it: after Cleanup, before Limitations.
      const at = (h: string) => after.indexOf(`\n${h}\n`);
      expect(at('## Cost'), slug).toBeGreaterThan(at('## Cleanup'));
      expect(at('## Cost'), slug).toBeLessThan(at('## Limitations'));
      expect(after, slug).toContain('## Performance Characteristics');
    }
    // The catalog now conforms to the new template, and a second run changes nothing.
    const lint = await runCli(['lint', root, '--template', template, '--format', 'json'], REPO);
    const found = (JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string }[] }[] }).results.flatMap((x) => x.diagnostics.map((d) => d.ruleId));
    expect(found).not.toContain('required-section');
    expect(found).not.toContain('template-version');
    const snap = await snapshot(root);
    const again = await runCli(['migrate', root, '--to', template, '--rename', 'Monitoring and Observability=Observability', '--write'], REPO);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('0 of 8 patterns migrated');
    expect(await snapshot(root)).toEqual(snap);
  });

  it('lint warns (template-version) about a pattern that records another version than the catalog’s template', async () => {
    const { root, template } = await exampleAndNewTemplate();
    await runCli(['migrate', root, '--to', template, '--write', '--rename', 'Monitoring and Observability=Observability'], REPO);
    // Linted against the template it had before, every pattern is behind.
    const r = await runCli(['lint', root, '--format', 'json'], REPO);
    const warnings = (JSON.parse(r.stdout) as { results: { diagnostics: { ruleId: string; message: string; severity: string }[] }[] }).results.flatMap((x) =>
      x.diagnostics.filter((d) => d.ruleId === 'template-version'),
    );
    expect(warnings).toHaveLength(8);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toContain('pattern@2.0.0');
  });

  it('works on a one-file-per-pattern catalog with front matter titles, and keeps CRLF line ends', async () => {
    const dir = await tempCatalog();
    const root = path.join(dir, 'one-file');
    await cp(fixture('catalogs', 'one-file'), root, { recursive: true });
    await mkdir(path.join(dir, 'templates'), { recursive: true });
    const old = await readFile(fixture('templates', 'h2-front-matter.md'), 'utf8');
    await cp(fixture('templates', 'h2-front-matter.md'), path.join(dir, 'templates', 'h2-front-matter.md'));
    const next = path.join(dir, 'next.md');
    await writeFile(next, old.replace('## Examples', '## Forces\n\nThe forces at play.\n\n## Examples'));
    const cqrs = path.join(root, 'patterns', 'cqrs.md');
    const crlf = (await readFile(cqrs, 'utf8')).replace(/\r?\n/g, '\r\n');
    await writeFile(cqrs, crlf);
    const r = await runCli(['migrate', root, '--to', next, '--write'], REPO);
    expect(r.code, r.stderr).toBe(0);
    const after = await readFile(cqrs, 'utf8');
    expect(after).toContain('## Forces\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(missingLines(crlf, after, () => false)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a malformed --rename and a template that does not exist (exit 2)', async () => {
    const { root, template } = await exampleAndNewTemplate();
    expect((await runCli(['migrate', root, '--to', template, '--rename', 'NoEquals'], REPO)).code).toBe(2);
    expect((await runCli(['migrate', root, '--to', path.join(root, 'nope.md')], REPO)).code).toBe(2);
  });
});

describe('migrate: a renamed heading with an id of its own', () => {
  it('keeps the `{#id}` after the new name, so links to it still arrive', async () => {
    const old = '# [Pattern Title]\n\n## Overview\n\nSay what.\n\n## Drawbacks\n\nWhy not.\n';
    const next = '# [Pattern Title]\n\n## Overview\n\nSay what.\n\n## Trade-offs\n\nWhy not.\n';
    const root = await tempCatalog({
      'templates/pattern.md': old,
      'templates/next.md': next,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'saga/README.md': '# Saga\n\n## Overview\n\nSee [the costs](#costs).\n\n## Drawbacks {#costs}\n\nMore moving parts.\n',
    });
    const plan = await planMigration({ root, to: path.join(root, 'templates/next.md'), renames: [{ from: 'Drawbacks', to: 'Trade-offs' }] });
    const saga = plan.files.find((f) => f.file === 'saga/README.md')!;
    expect(saga.after).toContain('## Trade-offs {#costs}\n');
    expect(saga.after).not.toContain('## Drawbacks');
  });
});
