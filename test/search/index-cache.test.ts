import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogSearch } from '../../src/search/catalog-search.js';
import { cacheFileFor } from '../../src/search/index-cache.js';
import { tempCatalog } from '../helpers.js';

/** A small pattern file. */
function pattern(title: string, summary: string, overview: string): string {
  return `# ${title}\n\n> ${summary}\n\n## Overview\n\n${overview}\n`;
}

const FILES = {
  'pump/README.md': pattern('Pump', 'Moves water uphill.', 'An impeller spins and pushes water through a pipe.'),
  'valve/README.md': pattern('Valve', 'Stops water when closed.', 'A gate drops across the pipe.'),
  'filter/README.md': pattern('Filter', 'Keeps grit out of the pipe.', 'A mesh catches what the water carries.'),
  // Not UTF-8: a file that does not load.
  'broken/README.md': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]),
  // A redirect stub: no pattern.
  'old-pump/README.md': 'This pattern moved to [Pump](../pump/README.md).\n',
};

/** Everything a search answers from, as one comparable value. */
async function answers(search: CatalogSearch) {
  return {
    index: JSON.stringify(search['index'].toJSON()),
    records: JSON.stringify(search.all(), (_k, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Uint8Array)] : v)),
    diagnostics: search.diagnostics,
    hits: await search.search('water pipe'),
  };
}

/** Sets a file's modification time to a fixed one (so a rewrite of the same size is told apart from the cached stamp by time). */
async function touch(file: string, seconds: number): Promise<void> {
  await utimes(file, seconds, seconds);
}

describe('the search cache (CatalogSearch.open with cache)', () => {
  let cacheDir: string;
  let saved: string | undefined;
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'pb-cache-'));
    saved = process.env.PATTERNBOOK_CACHE_DIR;
    process.env.PATTERNBOOK_CACHE_DIR = cacheDir;
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.PATTERNBOOK_CACHE_DIR;
    else process.env.PATTERNBOOK_CACHE_DIR = saved;
    await chmod(cacheDir, 0o755).catch(() => undefined);
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('opens a catalog from its cache into the very index, records and problems that reading every file makes, reading none of them', async () => {
    const root = await tempCatalog(FILES);
    const fresh = await CatalogSearch.open({ root });
    const first = await CatalogSearch.open({ root, cache: true });
    expect(first.opened).toEqual({ read: 5, fromCache: 0 });
    const written = await stat(cacheFileFor(root));
    const second = await CatalogSearch.open({ root, cache: true });
    expect(second.opened).toEqual({ read: 0, fromCache: 5 });
    // Nothing changed: the cache is not written again.
    const after = await stat(cacheFileFor(root));
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    const expected = await answers(fresh);
    expect(expected.hits.map((h) => h.slug).sort()).toEqual(['filter', 'pump', 'valve']);
    expect(expected.diagnostics.map((d) => d.path)).toContain('broken/README.md');
    expect(await answers(first)).toEqual(expected);
    expect(await answers(second)).toEqual(expected);
    // The cache is in the cache folder, named after the catalog; nothing was written in the catalog.
    expect(cacheFileFor(root)).toContain(cacheDir);
    expect(await readdir(path.join(cacheDir, 'search'))).toEqual([path.basename(cacheFileFor(root))]);
  });

  it('reads again a file changed since (same size, another time), a new one, and drops one deleted', async () => {
    const root = await tempCatalog(FILES);
    const pump = path.join(root, 'pump/README.md');
    await touch(pump, 1_000_000);
    await CatalogSearch.open({ root, cache: true });
    // Same length: only the modification time tells.
    await writeFile(pump, (await readFile(pump, 'utf8')).replace('impeller', 'turbines'));
    await touch(pump, 1_000_100);
    await rm(path.join(root, 'valve'), { recursive: true });
    await mkdir(path.join(root, 'tank'));
    await writeFile(path.join(root, 'tank/README.md'), pattern('Tank', 'Holds water for later.', 'A cistern on the roof.'));
    const search = await CatalogSearch.open({ root, cache: true });
    expect(search.opened).toEqual({ read: 2, fromCache: 3 });
    expect((await search.search('turbines')).map((h) => h.slug)).toEqual(['pump']);
    expect(await search.search('impeller')).toEqual([]);
    expect((await search.search('cistern')).map((h) => h.slug)).toEqual(['tank']);
    expect(search.get('valve')).toBeUndefined();
    // And the next start has all of it in the cache, the deleted file gone from it.
    const again = await CatalogSearch.open({ root, cache: true });
    expect(again.opened).toEqual({ read: 0, fromCache: 5 });
    expect(await answers(again)).toEqual(await answers(await CatalogSearch.open({ root })));
  });

  it('is not used when the template, the configuration or the template given changes', async () => {
    const root = await tempCatalog({
      ...FILES,
      'templates/pattern.md': '# {{title}}\n\n> {{summary}}\n\n## Overview\n\nExplain it.\n',
      'patternbook.config.yaml': 'template: templates/pattern.md\n',
    });
    expect((await CatalogSearch.open({ root, cache: true })).opened.read).toBe(5);
    expect((await CatalogSearch.open({ root, cache: true })).opened.read).toBe(0);
    await writeFile(path.join(root, 'templates/pattern.md'), '# {{title}}\n\n> {{summary}}\n\n## Overview\n\nExplain how it works.\n');
    expect((await CatalogSearch.open({ root, cache: true })).opened.read).toBe(5);
    await writeFile(path.join(root, 'patternbook.config.yaml'), 'template: templates/pattern.md\nsite:\n  facets: [tags]\n');
    expect((await CatalogSearch.open({ root, cache: true })).opened.read).toBe(5);
    const other = path.join(root, 'templates/other.md');
    await writeFile(other, '# {{title}}\n\n## Context\n\nWhy.\n');
    expect((await CatalogSearch.open({ root, cache: true, templateFile: other })).opened.read).toBe(5);
  });

  it('reads a pattern again when its metadata file beside it changes', async () => {
    const root = await tempCatalog({
      'patternbook.config.yaml': 'metadataFile: meta.yaml\n',
      'pump/README.md': pattern('Pump', 'Moves water uphill.', 'An impeller spins.'),
      'pump/meta.yaml': 'tags: [water]\n',
    });
    await CatalogSearch.open({ root, cache: true });
    await writeFile(path.join(root, 'pump/meta.yaml'), 'tags: [water, energy]\n');
    const search = await CatalogSearch.open({ root, cache: true });
    expect(search.opened.read).toBe(1);
    expect(search.get('pump')?.facets.tags?.sort()).toEqual(['energy', 'water']);
  });

  it('reads everything when the cache file is damaged, cut short or of another kind, and answers the same', async () => {
    const root = await tempCatalog(FILES);
    const expected = await answers(await CatalogSearch.open({ root }));
    await CatalogSearch.open({ root, cache: true });
    const file = cacheFileFor(root);
    const good = await readFile(file);
    // Cut short.
    await writeFile(file, good.subarray(0, good.length - 10));
    let search = await CatalogSearch.open({ root, cache: true });
    expect(search.opened).toEqual({ read: 5, fromCache: 0 });
    expect(await answers(search)).toEqual(expected);
    // Not a cache at all.
    await writeFile(file, 'hello');
    search = await CatalogSearch.open({ root, cache: true });
    expect(search.opened.read).toBe(5);
    expect(await answers(search)).toEqual(expected);
    // A body damaged in place (same length): that file is read again, the others come from the cache.
    const damaged = Buffer.from(await readFile(file));
    const at = damaged.lastIndexOf(Buffer.from('Moves water uphill'));
    expect(at).toBeGreaterThan(0);
    damaged.fill(0xff, at - 40, at);
    await writeFile(file, damaged);
    search = await CatalogSearch.open({ root, cache: true });
    expect(search.opened).toEqual({ read: 1, fromCache: 4 });
    expect((await answers(search)).hits).toEqual(expected.hits);
    // And the cache written then has it again.
    search = await CatalogSearch.open({ root, cache: true });
    expect(search.opened).toEqual({ read: 0, fromCache: 5 });
    expect(await answers(search)).toEqual(expected);
  });

  it('works without one when the cache folder cannot be written, and says nothing of it', async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a file where the folder should be stands for a folder that cannot be made.
      await writeFile(path.join(cacheDir, 'search'), 'not a folder');
    } else await chmod(cacheDir, 0o555);
    const root = await tempCatalog(FILES);
    const expected = await answers(await CatalogSearch.open({ root }));
    const search = await CatalogSearch.open({ root, cache: true });
    expect(await answers(search)).toEqual(expected);
    expect((await CatalogSearch.open({ root, cache: true })).opened.read).toBe(5);
  });

  it('keeps nothing unless asked', async () => {
    const root = await tempCatalog(FILES);
    await CatalogSearch.open({ root });
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
