import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FACETS } from '../../src/catalog/facets.js';
import { prepareCatalog } from '../../src/catalog/load-catalog.js';
import { loadPattern } from '../../src/catalog/load-pattern.js';
import { analyze, termCounts } from '../../src/search/analyze.js';
import { recordOf, type IndexedText, type PatternRecord } from '../../src/search/record.js';
import { countTerms, SearchIndex } from '../../src/search/search-index.js';
import { Synonyms } from '../../src/search/synonyms.js';
import { REPO } from '../helpers.js';

/** Every pattern of a catalog as the search reads it (records and indexed texts), in discovery order. */
async function entries(root: string): Promise<{ record: PatternRecord; text: IndexedText }[]> {
  const prepared = await prepareCatalog({ root });
  const out = [];
  for (const f of prepared.files) {
    const loaded = await loadPattern({ ...f, maxFileSize: prepared.config.maxFileSize }, prepared.templates.for(f.path));
    if (loaded.ok && loaded.pattern.movedTo === undefined) out.push(recordOf(loaded.pattern, prepared.config.root, DEFAULT_FACETS, { mtimeMs: 1, size: 1 }));
  }
  return out;
}

function oneByOne(list: { record: PatternRecord; text: IndexedText }[]): SearchIndex {
  const index = new SearchIndex(Synonyms.forCatalog([]));
  for (const e of list) index.add(e.record, e.text);
  return index;
}

function inOneGo(list: { record: PatternRecord; text: IndexedText }[]): SearchIndex {
  const index = new SearchIndex(Synonyms.forCatalog([]));
  const loader = index.loader();
  for (const e of list) loader.add(e.record, countTerms(e.text));
  loader.finish();
  return index;
}

const QUESTIONS = [
  'stop calling a dependency that keeps failing',
  'undo the steps already done when a later step fails',
  'cache reads from a slow database',
  'retry with backoff',
  'split traffic between two versions',
];

describe('filling an index in one go (SearchIndex.loader)', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await mkdtemp(path.join(os.tmpdir(), 'patternbook-loader-'));
    const { generateCatalog } = await import('../../bench/generate-catalog.mjs');
    generateCatalog(generated, { count: 150, seed: 5 });
  });
  afterAll(async () => {
    await rm(generated, { recursive: true, force: true });
  });

  it.each([
    ['the example catalog', () => path.join(REPO, 'examples/catalog')],
    ['a generated catalog', () => generated],
  ])('gives %s the very index that adding its patterns one at a time gives, and the same answers', async (_name, root) => {
    const list = await entries(root());
    expect(list.length).toBeGreaterThan(5);
    const a = oneByOne(list);
    const b = inOneGo(list);
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    expect(b.all()).toEqual(a.all());
    const words = list.slice(0, 20).map((e) => e.record.title);
    for (const q of [...QUESTIONS, ...words]) expect(b.search(q, { limit: 20 }), q).toEqual(a.search(q, { limit: 20 }));
  });

  it('is an index like any other afterwards: patterns replaced and removed one at a time', async () => {
    const list = await entries(path.join(REPO, 'examples/catalog'));
    const a = oneByOne(list);
    const b = inOneGo(list);
    for (const index of [a, b]) {
      index.remove(list[0]!.record.slug);
      index.add(list[1]!.record, { ...list[1]!.text, prose: `${list[1]!.text.prose} zeppelin` });
    }
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    expect(b.search('zeppelin').map((h) => h.slug)).toEqual([list[1]!.record.slug]);
    expect(b.get(list[0]!.record.slug)).toBeUndefined();
  });

  it('is for an empty index only, and takes a slug once', () => {
    const list = [
      {
        record: {
          slug: 'a',
          file: '/a.md',
          path: 'a.md',
          title: 'A',
          facets: {},
          sections: { headings: [], ids: [], levels: new Uint8Array(), spans: new Uint32Array() },
          links: [],
          mtimeMs: 0,
          size: 0,
        },
        text: { title: 'A', summary: '', headings: '', lead: '', prose: 'alpha' },
      },
    ];
    const index = oneByOne(list);
    expect(() => index.loader()).toThrow(/not empty/);
    const loader = new SearchIndex(Synonyms.forCatalog([])).loader();
    loader.add(list[0]!.record, countTerms(list[0]!.text));
    expect(() => loader.add(list[0]!.record, countTerms(list[0]!.text))).toThrow(/twice/);
  });
});

describe('termCounts', () => {
  it('counts the terms analyze gives, each at most the number of repeats allowed, in order of first use', () => {
    const text = 'Retries retry RETRYING the retries; cache-aside cache caches, café Café naïve 503 503 503';
    for (const max of [1, 2, 3, Infinity]) {
      const expected = new Map<string, number>();
      for (const t of analyze(text, max)) expected.set(t, (expected.get(t) ?? 0) + 1);
      expect([...termCounts(text, max)]).toEqual([...expected]);
    }
  });
});
