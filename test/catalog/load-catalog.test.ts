import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { fixture, tempCatalog } from '../helpers.js';

const PATTERN = (title: string) => `# ${title}\n\n> ${title} in one sentence.\n\n## Overview\n\nText.\n`;

describe('loadCatalog on the basic fixture', async () => {
  const catalog = await loadCatalog(fixture('catalogs/basic'));

  it('takes every */README.md as a pattern, slug = folder name, and nothing else', () => {
    expect(catalog.patterns.map((p) => [p.slug, p.path])).toEqual([
      ['alpha', 'alpha/README.md'],
      ['beta', 'beta/README.md'],
      ['broken-yaml', 'broken-yaml/README.md'],
    ]);
    expect(catalog.bySlug.get('alpha')?.dir).toBe(fixture('catalogs/basic/alpha'));
  });

  it('reads title and summary from the H1 and blockquote, or from front matter', () => {
    const alpha = catalog.bySlug.get('alpha')!;
    expect([alpha.title?.text, alpha.title?.from, alpha.summary?.text, alpha.summary?.from]).toEqual([
      'Alpha',
      'heading',
      'The first pattern of the basic fixture.',
      'blockquote',
    ]);
    const beta = catalog.bySlug.get('beta')!;
    expect([beta.title?.text, beta.title?.from, beta.summary?.text, beta.summary?.from]).toEqual([
      'Beta from front matter',
      'front-matter',
      'Beta is described in front matter.',
      'front-matter',
    ]);
    expect(beta.document.lineEnding).toBe('\r\n');
    expect(beta.document.links[0]).toMatchObject({ url: '../alpha/README.md', range: { start: { line: 8, column: 13 } } });
  });

  it('turns files that cannot load into fatal diagnostics with positions, and loads the rest', () => {
    expect(catalog.diagnostics.map((d) => [d.path, d.ruleId, d.line, d.fatal])).toEqual([['not-utf8/README.md', 'file-read', 3, true]]);
    const [utf8] = catalog.diagnostics;
    expect(utf8!.message).toMatch(/not valid UTF-8: save it as UTF-8/);
    expect(utf8!.column).toBe(12);
  });

  it('reads a pattern whose front matter is not valid YAML without its keys, and keeps why (the front-matter-syntax rule says it)', () => {
    const broken = catalog.bySlug.get('broken-yaml')!;
    expect(broken.frontMatter).toEqual({});
    expect([broken.title?.text, broken.summary?.text]).toEqual(['Broken', 'Never loads.']);
    expect(broken.document.frontMatter?.error).toMatchObject({ line: 3, message: expect.stringMatching(/Malformed front matter/) });
  });
});

describe('discovery', () => {
  it('supports one file per pattern with nested folders (slug = file name)', async () => {
    const catalog = await loadCatalog(fixture('catalogs/one-file'));
    expect(catalog.patterns.map((p) => [p.slug, p.path, p.title?.text])).toEqual([
      ['cqrs', 'patterns/cqrs.md', 'CQRS'],
      ['event-sourcing', 'patterns/messaging/event-sourcing.md', 'Event Sourcing'],
    ]);
    expect(catalog.template.name).toBe('decision-style');
    expect(catalog.diagnostics).toEqual([]);
  });

  it('never reads node_modules, .git or the build output, and applies exclude', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['**/README.md'], exclude: ['drafts/**'], outDir: 'public' }),
      'real/README.md': PATTERN('Real'),
      'group/nested/README.md': PATTERN('Nested'),
      'node_modules/pkg/README.md': PATTERN('Dependency'),
      '.git/README.md': PATTERN('Git'),
      'public/site/README.md': PATTERN('Built'),
      'drafts/wip/README.md': PATTERN('Draft'),
      'README.md': '# Catalog index\n',
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => p.slug)).toEqual(['nested', 'real']);
  });

  it('gives a dot-named pattern file its name without the dots as its slug (a site path starting with a dot is hidden); a clash is a duplicate slug', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*.md', 'patterns/.*.md'] }),
      'patterns/.manual-step.md': PATTERN('Manual step'),
      'patterns/.saga.md': PATTERN('Hidden saga'),
      'patterns/saga.md': PATTERN('Saga'),
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => `${p.path} ${p.slug}`)).toEqual(['patterns/.manual-step.md manual-step', 'patterns/.saga.md saga']);
    expect(catalog.diagnostics).toMatchObject([{ path: 'patterns/saga.md', ruleId: 'duplicate-slug', severity: 'error' }]);
  });

  it('reports slugs that differ only by case, keeping the first', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*.md'] }),
      'patterns/Saga.md': PATTERN('Saga'),
      'patterns/saga.md': PATTERN('saga'),
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => p.path)).toEqual(['patterns/Saga.md']);
    expect(catalog.diagnostics).toMatchObject([{ path: 'patterns/saga.md', ruleId: 'duplicate-slug', severity: 'error' }]);
    expect(catalog.diagnostics[0]!.message).toMatch(/differs only by case.*rename one/);
  });

  it('names files of one name in different folders by the folders that tell them apart, leaving none out', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['proposals/*/*.md', 'proposals/*/*/README.md'] }),
      'proposals/accepted/records.md': PATTERN('Records'),
      'proposals/rejected/records.md': PATTERN('Records, first draft'),
      'proposals/accepted/ranges.md': PATTERN('Ranges'),
      'proposals/v1/cache/README.md': PATTERN('Cache'),
      'proposals/v2/cache/README.md': PATTERN('Cache again'),
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.diagnostics).toEqual([]);
    expect(catalog.patterns.map((p) => `${p.path} ${p.slug}`).sort()).toEqual([
      'proposals/accepted/ranges.md ranges',
      'proposals/accepted/records.md accepted-records',
      'proposals/rejected/records.md rejected-records',
      'proposals/v1/cache/README.md v1-cache',
      'proposals/v2/cache/README.md v2-cache',
    ]);
  });

  it('refuses files over the size limit and still loads the others', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ maxFileSize: '1 KB' }),
      'big/README.md': PATTERN('Big') + 'x'.repeat(2000),
      'small/README.md': PATTERN('Small'),
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => p.slug)).toEqual(['small']);
    expect(catalog.diagnostics).toMatchObject([{ path: 'big/README.md', fatal: true }]);
    expect(catalog.diagnostics[0]!.message).toMatch(/larger than the 1 KB limit.*maxFileSize/);
  });

  it('reports unreadable, UTF-16 and binary files', async () => {
    const dir = await tempCatalog({
      'locked/README.md': PATTERN('Locked'),
      'utf16/README.md': Buffer.from('\ufeff# T\n', 'utf16le'),
      'binary/README.md': Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x0a]),
      'ok/README.md': PATTERN('Ok'),
    });
    await chmod(path.join(dir, 'locked/README.md'), 0o000);
    const catalog = await loadCatalog(dir);
    const messages = Object.fromEntries(catalog.diagnostics.map((d) => [d.path, d.message]));
    expect(messages['utf16/README.md']).toMatch(/UTF-16/);
    expect(messages['binary/README.md']).toMatch(/binary/);
    // root can read anything; elsewhere the locked file must be reported.
    if (process.getuid?.() !== 0) expect(messages['locked/README.md']).toMatch(/Permission denied/);
    expect(catalog.patterns.map((p) => p.slug)).toContain('ok');
  });

  it('never follows symbolic links out of the root, nor into loops', async () => {
    const outside = await tempCatalog({ 'secret/README.md': PATTERN('Secret') });
    const dir = await tempCatalog({ 'real/README.md': PATTERN('Real') });
    await symlink(path.join(outside, 'secret'), path.join(dir, 'escape'));
    await symlink(path.join(dir, 'real'), path.join(dir, 'alias'));
    await mkdir(path.join(dir, 'loop'));
    await symlink(dir, path.join(dir, 'loop', 'back'));
    await writeFile(path.join(dir, 'patternbook.config.json'), JSON.stringify({ patterns: ['**/README.md'] }));
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => p.path)).toEqual(['real/README.md']);
    expect(catalog.diagnostics.map((d) => [d.path, d.severity])).toEqual([['escape', 'warning']]);
    // A linked file inside the root is read; one outside is not.
    await symlink(path.join(outside, 'secret/README.md'), path.join(dir, 'real', 'leak.md'));
    await writeFile(path.join(dir, 'patternbook.config.json'), JSON.stringify({ patterns: ['**/*.md'] }));
    const again = await loadCatalog(dir);
    expect(again.patterns.map((p) => p.path)).toEqual(['real/README.md']);
    expect(again.diagnostics.map((d) => d.path)).toEqual(['escape', 'real/leak.md']);
  });

  it('takes a link to a pattern, kept where it used to be so old links still work, for that pattern: no second page (whose images would be looked for beside the link)', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['keps/*/*.md', 'keps/*/*/README.md'] }),
      'keps/net/12-retry/README.md': `${PATTERN('Retry')}\n![Flow](flow.png)\n`,
      'keps/net/12-retry/flow.png': 'png',
      'keps/net/13-other.md': PATTERN('Other'),
    });
    await symlink('12-retry/README.md', path.join(dir, 'keps/net/20190101-retry.md'));
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => p.path)).toEqual(['keps/net/12-retry/README.md', 'keps/net/13-other.md']);
    // (A link to a file no glob selects is the only copy: read as a pattern.)
    await symlink('../../notes/idea.md', path.join(dir, 'keps/net/14-idea.md'));
    await mkdir(path.join(dir, 'notes'));
    await writeFile(path.join(dir, 'notes/idea.md'), PATTERN('Idea'));
    expect((await loadCatalog(dir)).patterns.map((p) => p.path)).toEqual(['keps/net/12-retry/README.md', 'keps/net/13-other.md', 'keps/net/14-idea.md']);
  });

  it('keeps tokens only when asked', async () => {
    const dir = await tempCatalog({ 'a/README.md': PATTERN('A') });
    expect((await loadCatalog(dir)).patterns[0]!.document.tokens).toBeUndefined();
    expect((await loadCatalog({ root: dir, keepTokens: true })).patterns[0]!.document.tokens?.length).toBeGreaterThan(0);
  });
});

describe('catalog-level problems', () => {
  it('warns when the globs match nothing, and refuses a missing root', async () => {
    const dir = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*.md'] }), 'x/README.md': PATTERN('X') });
    const catalog = await loadCatalog(dir);
    expect(catalog.diagnostics).toMatchObject([{ path: 'patternbook.config.json', severity: 'warning', ruleId: 'discovery' }]);
    expect(catalog.diagnostics[0]!.message).toMatch(/No pattern files match `patterns` \(patterns\/\*\.md\)/);
    await expect(loadCatalog('/nonexistent/catalog')).rejects.toThrow(/Catalog folder \/nonexistent\/catalog does not exist/);
  });

  it('takes the summary from the blockquote after the title, not from content above it', async () => {
    const dir = await tempCatalog({ 'a/README.md': '[![build](badge.svg)](ci)\n\n> Not the summary.\n\n# A\n\n> The summary.\n\n## Overview\n' });
    const [pattern] = (await loadCatalog(dir)).patterns;
    expect(pattern!.summary?.text).toBe('The summary.');
  });
});
