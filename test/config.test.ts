import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCatalogRoot, loadConfig } from '../src/config/load-config.js';
import { PatternbookError } from '../src/diagnostics.js';
import { fixture, tempCatalog } from './helpers.js';

describe('configuration', () => {
  it('applies defaults without a config file and records where values came from', async () => {
    const dir = await tempCatalog();
    const config = await loadConfig(dir);
    expect(config).toMatchObject({ root: dir, patterns: ['*/README.md'], exclude: [], outDir: '_site', maxFileSize: 5 * 1024 * 1024 });
    expect(config.file).toBeUndefined();
    expect(config.sources.patterns).toBe('default');
  });

  it('reads YAML, JSON and package.json#patternbook, resolving the template from the root', async () => {
    const yaml = await loadConfig(fixture('catalogs/one-file'));
    expect(yaml.patterns).toEqual(['patterns/**/*.md']);
    expect(yaml.template).toBe(fixture('templates/h2-front-matter.md'));
    expect(yaml.sources.patterns).toMatch(/patternbook\.config\.yaml$/);
    expect(yaml.sources.outDir).toBe('default');

    const json = await loadConfig(fixture('catalogs/named'));
    expect(json.template).toBe(fixture('templates/named-headings.md'));

    const dir = await tempCatalog({ 'package.json': JSON.stringify({ name: 'x', patternbook: { outDir: 'site', maxFileSize: '2 MB' } }) });
    const pkg = await loadConfig(dir);
    expect([pkg.outDir, pkg.maxFileSize, pkg.file]).toEqual(['site', 2 * 1024 * 1024, path.join(dir, 'package.json')]);
  });

  it('names the file, line, key and what is allowed for an unknown key', async () => {
    const dir = await tempCatalog({ 'patternbook.config.yaml': 'patterns:\n  - "*/README.md"\npaterns: []\n' });
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatternbookError);
    expect((error as Error).message).toMatch(
      /patternbook\.config\.yaml:3:1: unknown key `paterns`\. Did you mean `patterns`\? Allowed keys: template, patterns, exclude/,
    );
  });

  it('takes a section entry left empty (its one setting removed, as adopt’s notes say to) as no setting', async () => {
    const dir = await tempCatalog({ 'patternbook.config.yaml': 'patterns:\n  - "*/README.md"\nsections:\n  "Context":\n  "Drivers":\n    optional: true\n' });
    const config = await loadConfig(dir);
    expect(config.sections).toEqual({ Context: {}, Drivers: { optional: true } });
  });

  it('names the key and line for a wrong type', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': '{\n  "patterns": ["*/README.md"],\n  "maxFileSize": "huge"\n}\n' });
    await expect(loadConfig(dir)).rejects.toThrow(/patternbook\.config\.json:3:18: `maxFileSize`/);
    const dir2 = await tempCatalog({ 'patternbook.config.json': '{ "patterns": [1] }' });
    await expect(loadConfig(dir2)).rejects.toThrow(/`patterns\.0`: Invalid input: expected string/);
  });

  it('reports a syntax error with its position, and two config files as ambiguous', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': '{\n  "patterns": [\n}' });
    await expect(loadConfig(dir)).rejects.toThrow(/patternbook\.config\.json:\d+:\d+: .*Fix the syntax/);
    const both = await tempCatalog({ 'patternbook.config.json': '{}', 'patternbook.config.yml': '{}' });
    await expect(loadConfig(both)).rejects.toThrow(/keep one configuration file/);
  });

  it('reads a .json file as JSON: YAML syntax in it is a syntax error at its line and column', async () => {
    // Before: read as YAML, `{ template: x, }` passed as a configuration with template `x`.
    const dir = await tempCatalog({ 'patternbook.config.json': '{ template: x, }' });
    await expect(loadConfig(dir)).rejects.toThrow(/^\S*patternbook\.config\.json:1:3: property names must be in double quotes in JSON: `"template"`\. Fix the syntax/);
    const comment = await tempCatalog({ 'patternbook.config.json': '{\n  "outDir": "site" # the output\n}\n' });
    await expect(loadConfig(comment)).rejects.toThrow(/patternbook\.config\.json:2:20: expected `,` or `}` after the value of `outDir`, found `#`/);
  });

  it('places JSON key errors at the key, and counts columns without a byte order mark', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': '{\n  "patterns": ["*/README.md"],\n  "paterns": []\n}\n' });
    await expect(loadConfig(dir)).rejects.toThrow(/patternbook\.config\.json:3:3: unknown key `paterns`\. Did you mean `patterns`\?/);
    const bom = await tempCatalog({ 'patternbook.config.json': '\uFEFF{"outDir": 5}' });
    await expect(loadConfig(bom)).rejects.toThrow(/patternbook\.config\.json:1:12: `outDir`: Invalid input: expected string/);
  });

  it("a package.json that breaks inside its `patternbook` key is an error at package.json's line; one without the key is npm's business", async () => {
    // Before: a package.json that did not parse was skipped, and the catalog ran on defaults without a word.
    const dir = await tempCatalog({ 'package.json': '{\n  "name": "x",\n  "patternbook": { "outDir": "site", }\n}\n' });
    await expect(loadConfig(dir)).rejects.toThrow(/package\.json:3:36: a comma before `}`: JSON allows no trailing comma/);
    expect(findCatalogRoot(dir)).toBe(dir);
    const other = await tempCatalog({ 'package.json': '{ "name": "x", }' });
    expect((await loadConfig(other)).file).toBeUndefined();
  });

  it('reports every problem of the file in one pass, in file order: schema, rules, rule options, globs', async () => {
    const { registry } = await import('../src/lint/registry.js');
    const yaml = [
      'maxFileSize: -3',
      'rules:',
      '  linkk: warn',
      '  unknown-section: [warn, { allow: [1], alow: [] }]',
      'overrides:',
      '  - files: ["/drafts/**", "../other/**", "notes/"]',
      '    rules: { placeholder: loud, empty-section: [off, { x: 1 }] }',
      'site:',
      '  titel: x',
      '',
    ].join('\n');
    const dir = await tempCatalog({ 'patternbook.config.yaml': yaml });
    const error = await loadConfig(dir, { rules: registry }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatternbookError);
    const lines = (error as Error).message.split('\n').map((l) => l.slice(l.indexOf('patternbook.config.yaml')));
    // Before: zod's errors alone; the rule ids, options and globs were checked only once those were fixed.
    expect(lines).toEqual([
      'patternbook.config.yaml:1:14: `maxFileSize`: Too small: expected number to be >0.',
      'patternbook.config.yaml:3:3: `rules.linkk`: unknown rule. Did you mean `link`? Run `patternbook rules` for the list.',
      'patternbook.config.yaml:4:37: `rules.unknown-section`: invalid options for `unknown-section`: allow.0: Invalid input: expected string, received number.',
      'patternbook.config.yaml:4:41: `rules.unknown-section`: unknown option `alow`. Did you mean `allow`? Options of `unknown-section`: allow.',
      'patternbook.config.yaml:6:13: `overrides.0.files.0`: `/drafts/**` is an absolute path, and globs are matched against paths relative to the catalog root: write `drafts/**`.',
      'patternbook.config.yaml:6:27: `overrides.0.files.1`: `../other/**` climbs out of the catalog root, and only files inside it are read: write the path from the root.',
      'patternbook.config.yaml:6:42: `overrides.0.files.2`: `notes/` names a folder and matches no file: write `notes/**` for the files in it.',
      'patternbook.config.yaml:7:27: `overrides.0.rules.placeholder`: expected "off", "warn" or "error", or ["warn", { …options }].',
      'patternbook.config.yaml:7:54: `overrides.0.rules.empty-section`: rule `empty-section` takes no options.',
      'patternbook.config.yaml:9:3: unknown key `titel` in `site`. Did you mean `title`? Allowed keys: title, logo, accent, base, url, publishedAt, repoUrl, branch, facets, showLint.',
    ]);
  });

  it('checks rule ids only when given the rules; the lint engine then refuses them with the same words', async () => {
    const { registry } = await import('../src/lint/registry.js');
    const { RuleSettings } = await import('../src/lint/rule-settings.js');
    const dir = await tempCatalog({ 'patternbook.config.json': '{\n  "rules": { "linkk": "warn" }\n}\n' });
    await expect(loadConfig(dir, { rules: registry })).rejects.toThrow(/patternbook\.config\.json:2:14: `rules\.linkk`: unknown rule\. Did you mean `link`\?/);
    const config = await loadConfig(dir);
    expect(config.rules).toEqual({ linkk: 'warn' });
    expect(() => new RuleSettings(registry, config)).toThrow(/patternbook\.config\.json: `rules\.linkk`: unknown rule\. Did you mean `link`\?/);
  });

  it('finds the catalog root upward from a sub-folder, else uses the folder itself', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': '{}', 'a/b/README.md': '# x\n' });
    expect(findCatalogRoot(path.join(dir, 'a', 'b'))).toBe(dir);
    // A project that depends on Patternbook names it in package.json, but not as a top-level key: not a catalog root.
    const project = await tempCatalog({ 'package.json': '{ "name": "app", "devDependencies": { "patternbook": "^0.1.0" } }', 'docs/x/README.md': '# x\n' });
    expect(findCatalogRoot(path.join(project, 'docs'))).toBe(path.join(project, 'docs'));
    const bare = await tempCatalog();
    await mkdir(path.join(bare, 'sub'));
    // No config anywhere up to / (tmp has none): the folder itself.
    expect(findCatalogRoot(path.join(bare, 'sub'))).toBe(path.join(bare, 'sub'));
  });
});
