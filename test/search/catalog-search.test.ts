import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { CatalogSearch } from '../../src/search/catalog-search.js';
import { tempCatalog } from '../helpers.js';

/** A small pattern file: front matter, title, summary and sections as given. */
function pattern(title: string, summary: string, sections: Record<string, string>, frontMatter = ''): string {
  const body = Object.entries(sections)
    .map(([heading, text]) => `## ${heading}\n\n${text}\n`)
    .join('\n');
  return `${frontMatter ? `---\n${frontMatter}\n---\n` : ''}# ${title}\n\n> ${summary}\n\n${body}`;
}

const slugs = async (search: CatalogSearch, q: string, options = {}) => (await search.search(q, options)).map((h) => h.slug);

describe('CatalogSearch', () => {
  it('ranks a word in the title above the same word repeated in another pattern’s prose', async () => {
    const root = await tempCatalog({
      'in-prose/README.md': pattern('Queue Drain', 'Empties a queue before shutdown.', { Overview: 'A zephyr, a zephyr, a zephyr passes through the queue.' }),
      'in-title/README.md': pattern('Zephyr Gate', 'Lets traffic through in gusts.', { Overview: 'Nothing else here.' }),
    });
    const search = await CatalogSearch.open({ root });
    expect(await slugs(search, 'zephyr')).toEqual(['in-title', 'in-prose']);
  });

  it('names the section that matches best, with an excerpt from it', async () => {
    const root = await tempCatalog({
      'lease/README.md': pattern('Lease', 'Holds a resource for a bounded time.', {
        Overview: 'A holder renews its claim before it runs out.',
        Troubleshooting: 'When clocks drift apart the renewal can arrive after expiry; keep drift well below the lease length.',
      }),
    });
    const [hit] = await (await CatalogSearch.open({ root })).search('clock drift');
    expect(hit?.section).toEqual({
      heading: 'Troubleshooting',
      path: ['Troubleshooting'],
      id: 'troubleshooting',
      excerpt: 'When clocks drift apart the renewal can arrive after expiry; keep drift well below the lease length.',
    });
  });

  it('filters by facet values from front matter, any value of each facet named, case aside', async () => {
    const root = await tempCatalog({
      'a/README.md': pattern('Alpha Cache', 'A cache.', {}, 'category: performance\ntags: [caching, data]'),
      'b/README.md': pattern('Beta Cache', 'Another cache.', {}, 'category: resilience\ntags: [caching]'),
      'c/README.md': pattern('Gamma Cache', 'A third cache.', {}, 'category: Performance'),
    });
    const search = await CatalogSearch.open({ root });
    expect((await slugs(search, 'cache', { filters: { category: 'performance' } })).sort()).toEqual(['a', 'c']);
    expect(await slugs(search, 'cache', { filters: { category: ['resilience'], tags: 'caching' } })).toEqual(['b']);
    expect(search.list({ tags: ['data', 'caching'] }).map((r) => r.slug)).toEqual(['a', 'b']);
    expect(search.facets()).toEqual({ category: ['Performance', 'performance', 'resilience'], tags: ['caching', 'data'] });
  });

  it('uses the synonyms a catalog adds in its configuration', async () => {
    const files = {
      'outbox/README.md': pattern('Outbox', 'Publishes row changes through change data capture.', {}),
      'other/README.md': pattern('Other', 'Unrelated.', {}),
    };
    const plain = await tempCatalog(files);
    expect(await slugs(await CatalogSearch.open({ root: plain }), 'cdc')).toEqual([]);
    const configured = await tempCatalog({ ...files, 'patternbook.config.yaml': 'search:\n  synonyms:\n    - [cdc, change data capture]\n' });
    expect(await slugs(await CatalogSearch.open({ root: configured }), 'cdc')).toEqual(['outbox']);
  });

  it('refuses a synonym group of one word, and a misspelt key, naming the file, line and key', async () => {
    const one = await tempCatalog({ 'patternbook.config.yaml': 'search:\n  synonyms:\n    - [cdc]\n' });
    await expect(CatalogSearch.open({ root: one })).rejects.toThrow(/patternbook\.config\.yaml:3:\d+.*search\.synonyms\.0/);
    const typo = await tempCatalog({ 'patternbook.config.yaml': 'search:\n  synonym: []\n' });
    await expect(CatalogSearch.open({ root: typo })).rejects.toThrow(/unknown key `synonym`.*Did you mean `synonyms`/);
  });

  it('reads a changed file again, drops it while it does not load and lists why', async () => {
    const root = await tempCatalog({ 'p/README.md': pattern('Pump', 'Moves water uphill.', { Overview: 'An impeller spins.' }) });
    const search = await CatalogSearch.open({ root });
    const file = path.join(root, 'p/README.md');
    await writeFile(file, pattern('Pump', 'Moves water uphill.', { Overview: 'A piston strokes.' }));
    await search.refresh(file);
    expect(await slugs(search, 'piston')).toEqual(['p']);
    expect(await slugs(search, 'impeller')).toEqual([]);

    // Front matter never closed: where the body starts is unknown, so the file does not load.
    await writeFile(file, '---\ntitle: Pump\n# Pump\n');
    await search.refresh(file);
    expect(search.get('p')).toBeUndefined();
    expect(search.diagnostics.map((d) => `${d.path} ${d.ruleId}`)).toEqual(['p/README.md front-matter-syntax']);

    await writeFile(file, pattern('Pump', 'Moves water uphill.', {}));
    await search.refresh(file);
    expect(search.get('p')?.title).toBe('Pump');
    expect(search.diagnostics).toEqual([]);
  });

  it('finds a new pattern file and forgets a deleted one', async () => {
    const root = await tempCatalog({ 'a/README.md': pattern('Anchor', 'Holds a ship.', {}) });
    const search = await CatalogSearch.open({ root });
    await writeFile(path.join(root, 'README.md'), '# The catalog\n');
    await tempWrite(root, 'b/README.md', pattern('Buoy', 'Floats and marks a spot.', {}));
    await search.refresh(path.join(root, 'b/README.md'));
    expect(search.all().map((r) => r.slug)).toEqual(['a', 'b']);
    await rm(path.join(root, 'a'), { recursive: true });
    await search.refresh(path.join(root, 'a/README.md'));
    expect(search.all().map((r) => r.slug)).toEqual(['b']);
  });

  it('answers from the file as it is now when a hit changed since it was indexed', async () => {
    const root = await tempCatalog({ 'k/README.md': pattern('Kiln', 'Fires clay.', { Heating: 'Raise the kiln slowly.', Cooling: 'Open it when cold.' }) });
    const search = await CatalogSearch.open({ root });
    const file = path.join(root, 'k/README.md');
    await writeFile(file, pattern('Kiln', 'Fires clay.', { Loading: 'Stack the kiln shelves first.', Heating: 'Raise it slowly.', Cooling: 'Open it when cold.' }));
    // A different modification time for certain, whatever the file system's resolution.
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const [hit] = await search.search('kiln shelves');
    expect(hit?.section?.heading).toBe('Loading');
    expect(hit?.section?.excerpt).toBe('Stack the kiln shelves first.');
  });

  it('keeps a few kilobytes per pattern, not its text', async () => {
    const big = pattern('Big', 'A long pattern.', Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Part ${i}`, 'Words of prose that go on. '.repeat(100)])));
    const root = await tempCatalog({ 'big/README.md': big });
    const record = (await CatalogSearch.open({ root })).get('big')!;
    expect(big.length).toBeGreaterThan(50_000);
    expect(JSON.stringify(record).length).toBeLessThan(5_000);
  });
});

async function tempWrite(root: string, rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
}

describe('CatalogSearch: a summary several patterns copy word for word', () => {
  it('is none of theirs: each record has its own words, and a refresh of one keeps it so', async () => {
    const spec = (name: string, rule = `${name} rule keeps the lamps lit at dusk.`) =>
      `---\ntitle: ${name}\ndescription: A rule of the lantern program\n---\n\n## Rule\n\n${rule}\n`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['specs/*.md'] }),
      'specs/lamps.md': spec('Lamps'),
      'specs/wicks.md': spec('Wicks'),
      'specs/oil.md': spec('Oil'),
    });
    const search = await CatalogSearch.open({ root });
    expect(search.all().map((r) => [r.slug, r.summary])).toEqual([
      ['lamps', 'Lamps rule keeps the lamps lit at dusk.'],
      ['oil', 'Oil rule keeps the lamps lit at dusk.'],
      ['wicks', 'Wicks rule keeps the lamps lit at dusk.'],
    ]);
    await writeFile(path.join(root, 'specs/oil.md'), spec('Oil', 'Oil is bought in bulk each spring.'));
    await search.refresh(path.join(root, 'specs/oil.md'));
    expect(search.get('oil')?.summary).toBe('Oil is bought in bulk each spring.');
  });

  it('counts copies as readers see them: one with a `Summary:` label or a footnote marker is the same copy, in search as in the catalog', async () => {
    const spec = (name: string, description: string) =>
      `---\ntitle: ${name}\ndescription: "${description}"\n---\n\n## Rule\n\n${name} are checked before the gate opens.\n`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['specs/*.md'] }),
      'specs/locks.md': spec('Locks', 'Summary: A rule of the harbour program.'),
      'specs/ropes.md': spec('Ropes', 'A rule of the harbour program.[^1]'),
      'specs/buoys.md': spec('Buoys', 'A rule of the harbour program.'),
    });
    const search = await CatalogSearch.open({ root });
    expect(search.all().map((r) => [r.slug, r.summary])).toEqual([
      ['buoys', 'Buoys are checked before the gate opens.'],
      ['locks', 'Locks are checked before the gate opens.'],
      ['ropes', 'Ropes are checked before the gate opens.'],
    ]);
    const catalog = await loadCatalog(root);
    expect(catalog.patterns.map((p) => p.summary?.text).sort()).toEqual(search.all().map((r) => r.summary));
  });
});
