import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempCatalog } from '../helpers.js';

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

/** The next version of the built-in template: a section added, one renamed. */
async function nextTemplate(): Promise<string> {
  let text = await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8');
  text = text.replace('## Limitations\n', '## Cost\n\nWhat running this pattern costs.\n\n## Limitations\n');
  text = text.replace('## Monitoring and Observability', '## Observability');
  return `---\ntemplate: pattern@2.0.0\n---\n${text}`;
}

const RENAME = ['--rename', 'Monitoring and Observability=Observability'];

/** The example catalog (YAML configuration with comments, no `template` key) with the next template inside it. */
async function exampleCatalog(): Promise<string> {
  const dir = await tempCatalog();
  const root = path.join(dir, 'catalog');
  await cp(path.join(REPO, 'examples/catalog'), root, { recursive: true, filter: (src) => !/[\\/](_site|\.patternbook)$/.test(src) });
  await writeFile(path.join(root, 'templates-next.md'), await nextTemplate());
  return root;
}

describe('migrate points the configuration at the new template', () => {
  it('YAML: adds `template` and keeps every other line and comment; lint and lint --fix then leave the migration alone', async () => {
    const root = await exampleCatalog();
    const configFile = path.join(root, 'patternbook.config.yaml');
    const original = await readFile(configFile, 'utf8');

    const dry = await runCli(['migrate', root, '--to', path.join(root, 'templates-next.md'), ...RENAME], REPO);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('--- a/patternbook.config.yaml\n+++ b/patternbook.config.yaml\n');
    expect(dry.stdout).toContain('+template: templates-next.md\n');
    expect(dry.stderr).toContain('With --write, patternbook.config.yaml\'s `template` is set to "templates-next.md" too.');
    expect(await readFile(configFile, 'utf8')).toBe(original);

    const r = await runCli(['migrate', root, '--to', path.join(root, 'templates-next.md'), ...RENAME, '--write'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('8 of 8 patterns migrated to pattern@2.0.0: 8 files written.');
    expect(r.stderr).toContain('patternbook.config.yaml: `template` set to "templates-next.md"');
    const lines = original.split('\n');
    const firstKey = lines.findIndex((l) => /^\w/.test(l));
    expect(await readFile(configFile, 'utf8')).toBe([...lines.slice(0, firstKey), 'template: templates-next.md', ...lines.slice(firstKey)].join('\n'));

    // The catalog now lints against the new template: nothing behind, nothing missing, and --fix changes no byte.
    const lint = await runCli(['lint', root, '--format', 'json'], REPO);
    const found = (JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string }[] }[] }).results.flatMap((x) => x.diagnostics.map((d) => d.ruleId));
    expect(found).not.toContain('template-version');
    expect(found).not.toContain('required-section');
    const before = await snapshot(root);
    await runCli(['lint', root, '--fix'], REPO);
    expect(await snapshot(root)).toEqual(before);
  });

  it('JSON (as init writes it): only the value changes; a second run changes nothing', async () => {
    const dir = await tempCatalog();
    expect((await runCli(['init', dir], REPO)).code).toBe(0);
    await writeFile(path.join(dir, 'templates/next.md'), await nextTemplate());
    const configFile = path.join(dir, 'patternbook.config.json');
    const original = await readFile(configFile, 'utf8');
    const r = await runCli(['migrate', dir, '--to', path.join(dir, 'templates/next.md'), ...RENAME, '--write'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(configFile, 'utf8')).toBe(original.replace('"template": "templates/pattern.md"', '"template": "templates/next.md"'));
    const again = await runCli(['migrate', dir, '--to', path.join(dir, 'templates/next.md'), ...RENAME, '--write'], REPO);
    expect(again.stderr).toContain('0 of 1 pattern migrated');
    expect(again.stderr).not.toMatch(/`template`|warning/);
  });

  it('package.json: the `patternbook` key’s template, tabs and every other key kept', async () => {
    const pkg = '{\n\t"name": "my-patterns",\n\t"private": true,\n\t"patternbook": {\n\t\t"outDir": "public"\n\t},\n\t"scripts": { "lint": "patternbook lint" }\n}\n';
    const dir = await tempCatalog({ 'package.json': pkg, 'saga/README.md': '# Saga\n\n> Keeps data consistent.\n\n## Overview\n\nText.\n' });
    await writeFile(path.join(dir, 'next.md'), '# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\n[What it does]\n\n## Forces\n\n[The forces]\n');
    const r = await runCli(['migrate', dir, '--to', path.join(dir, 'next.md'), '--write'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'package.json'), 'utf8')).toBe(pkg.replace('\t\t"outDir"', '\t\t"template": "next.md",\n\t\t"outDir"'));
    expect(await readFile(path.join(dir, 'saga/README.md'), 'utf8')).toContain('## Forces');
  });

  it('a template outside the catalog, or no configuration file: says exactly what to change, and changes no configuration', async () => {
    const dir = await tempCatalog({
      'catalog/patternbook.config.yaml': '# mine\noutDir: public # the site\n',
      'catalog/saga/README.md': '# Saga\n\n> Keeps data consistent.\n\n## Overview\n\nText.\n',
    });
    const root = path.join(dir, 'catalog');
    const outside = path.join(dir, 'next.md');
    await writeFile(outside, await nextTemplate());
    const r = await runCli(['migrate', root, '--to', outside, '--write'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `Patternbook does not point the configuration at ${outside}: the template is outside the catalog. Copy it into the catalog (e.g. to templates/next.md) and set \`template\` to "templates/next.md" in patternbook.config.yaml.`,
    );
    expect(r.stderr).toContain('Until then `lint` checks the patterns against the built-in template, and `lint --fix` would undo the migration.');
    expect(await readFile(path.join(root, 'patternbook.config.yaml'), 'utf8')).toBe('# mine\noutDir: public # the site\n');

    const bare = await tempCatalog({ 'saga/README.md': '# Saga\n\n> Keeps data consistent.\n\n## Overview\n\nText.\n', 'templates/next.md': await nextTemplate() });
    const none = await runCli(['migrate', bare, '--to', path.join(bare, 'templates/next.md'), '--write'], REPO);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain(
      'The catalog has no configuration file to point at the new template: create patternbook.config.json with {"template": "templates/next.md"}.',
    );
  });
});
