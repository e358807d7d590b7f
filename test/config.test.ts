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
    expect((error as Error).message).toMatch(/patternbook\.config\.yaml:3:1: unknown key `paterns`\. Did you mean `patterns`\? Allowed keys: template, patterns, exclude/);
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

  it('finds the catalog root upward from a sub-folder, else uses the folder itself', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': '{}', 'a/b/README.md': '# x\n' });
    expect(findCatalogRoot(path.join(dir, 'a', 'b'))).toBe(dir);
    const bare = await tempCatalog();
    await mkdir(path.join(bare, 'sub'));
    // No config anywhere up to / (tmp has none): the folder itself.
    expect(findCatalogRoot(path.join(bare, 'sub'))).toBe(path.join(bare, 'sub'));
  });
});
