import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareCatalog } from '../../src/catalog/load-catalog.js';
import { loadConfig } from '../../src/config/load-config.js';
import { registry } from '../../src/lint/registry.js';
import { REPO, runCli, tempCatalog } from '../helpers.js';

/** The YAML example under the README's "Configuration reference", read as it is published. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
  const at = readme.indexOf('\n## Configuration reference\n');
  const block = at < 0 ? null : /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error('README.md has no ```yaml block under "## Configuration reference"');
  return block[1]!;
}

describe("the README's configuration example", () => {
  it('works as written in a catalog made by `patternbook init`, with the files it names', async () => {
    const example = await readmeExample();
    expect(example.split('\n')[0]).toBe('# patternbook.config.yaml');

    const dir = await tempCatalog();
    expect((await runCli(['init', dir], dir)).code).toBe(0);
    // The example replaces the configuration init wrote (two configuration files would be refused).
    await rm(path.join(dir, 'patternbook.config.json'));
    await writeFile(path.join(dir, 'patternbook.config.yaml'), example);
    // The one file it names that init does not make: the site's logo.
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>\n');

    const config = await loadConfig(dir, { rules: registry });
    expect(config.site.title).toBe('Payments architecture patterns');
    expect(config.rules['related-reciprocal']).toBe('off');
    expect(config.overrides).toEqual([
      { files: ['drafts/**'], rules: { placeholder: 'warn', 'empty-section': 'off' } },
      { files: ['stable/**'], sections: { 'Production Deployment': { optional: false } } },
    ]);
    // The template accepts the sections the example names.
    const prepared = await prepareCatalog({ root: dir, rules: registry });
    expect(prepared.files.map((f) => path.relative(dir, f.file))).toEqual([path.join('first-pattern', 'README.md')]);

    // Lint finds the first pattern's template text (exit 1), not a configuration error (exit 2).
    const lint = await runCli(['lint', dir], dir);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/first-pattern\/README\.md/);

    const out = path.join(await tempCatalog(), 'site');
    const build = await runCli(['build', dir, '--out', out], dir);
    expect(build.code, build.stderr).toBe(0);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Payments architecture patterns');
    expect(await readFile(path.join(out, 'sitemap.xml'), 'utf8')).toContain('https://example.org/patterns/');
    expect(await readFile(path.join(out, 'assets', 'logo.svg'), 'utf8')).toContain('<svg');
  });
});
