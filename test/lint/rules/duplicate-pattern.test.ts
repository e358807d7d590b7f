import { describe, expect, it } from 'vitest';
import type { Catalog, Pattern } from '../../../src/catalog/types.js';
import { loadCatalogData } from '../../../src/export/load.js';
import { lint } from '../../../src/lint/lint.js';
import { banding, findNearDuplicates, shingleSet } from '../../../src/lint/rules/duplicate-pattern.js';
import { tempCatalog } from '../../helpers.js';

const TEMPLATE = `# [Pattern Title]

> Brief one-sentence description of what this pattern does

## Overview

Provide a comprehensive overview of the pattern. Explain:

- What problem does this pattern solve?
- What are the key benefits?
`;

const OVERVIEW =
  'The application asks the cache for an item. When the item is missing, the cache loads it from the data store, keeps a copy with an expiry time and returns it, so later reads of the same item are served from memory.';

const pattern = (title: string, summary: string, overview: string) => `# ${title}\n\n> ${summary}\n\n## Overview\n\n${overview}\n`;

async function warnings(files: Record<string, string>, config: Record<string, unknown> = {}): Promise<string[]> {
  const dir = await tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...config }),
    ...files,
  });
  const report = await lint({ root: dir, only: ['duplicate-pattern'] });
  return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.line}:${d.column} ${d.severity} ${d.message}`));
}

describe('duplicate-pattern', () => {
  it('reports both patterns of a near-copy, on their summaries, with the similarity', async () => {
    expect(
      await warnings({
        'read-through/README.md': pattern('Read-Through Cache', 'Loads data into the cache on demand when it is read.', OVERVIEW),
        'cache-aside/README.md': pattern(
          'Cache-Aside',
          'Loads data into the cache on demand when it is read.',
          OVERVIEW.replace('the cache loads it', 'the application loads it'),
        ),
        'bulkhead/README.md': pattern(
          'Bulkhead',
          'Separates thread pools per dependency.',
          'Each downstream service gets its own pool of connections, so one slow service cannot exhaust the threads every other call needs.',
        ),
      }),
    ).toEqual([
      'cache-aside/README.md 3:1 warning Summary and Overview are 88% similar to `../read-through/README.md` (Read-Through Cache): merge them or make the difference clear.',
      'read-through/README.md 3:1 warning Summary and Overview are 88% similar to `../cache-aside/README.md` (Cache-Aside): merge them or make the difference clear.',
    ]);
  });

  it('says once that a document of a numbered series (its title but for the number) shares its opening with the others: no "merge them" per pair; a copy outside the series is still one', async () => {
    const note = (n: number) => pattern(`Note ${n}: Quarterly plan`, 'The planned work for the coming releases, as agreed in note 9.', OVERVIEW);
    expect(
      await warnings({
        '010-plan/README.md': note(10),
        '011-plan/README.md': note(11),
        '012-plan/README.md': note(12),
        'cache-aside/README.md': pattern('Cache-Aside', 'The planned work for the coming releases, as agreed in note 9.', OVERVIEW),
      }),
      // (At their titles: an opening four documents give word for word is the catalog's text, no summary of theirs.)
    ).toEqual([
      '010-plan/README.md 1:1 warning Summary and Overview are the same as those of 2 other documents of its series (`../011-plan/README.md`, `../012-plan/README.md`): say what this one covers, so readers can tell them apart.',
      '010-plan/README.md 1:1 warning Summary and Overview are 100% similar to `../cache-aside/README.md` (Cache-Aside): merge them or make the difference clear.',
      '011-plan/README.md 1:1 warning Summary and Overview are the same as those of 2 other documents of its series (`../010-plan/README.md`, `../012-plan/README.md`): say what this one covers, so readers can tell them apart.',
      '011-plan/README.md 1:1 warning Summary and Overview are 100% similar to `../cache-aside/README.md` (Cache-Aside): merge them or make the difference clear.',
      '012-plan/README.md 1:1 warning Summary and Overview are the same as those of 2 other documents of its series (`../010-plan/README.md`, `../011-plan/README.md`): say what this one covers, so readers can tell them apart.',
      '012-plan/README.md 1:1 warning Summary and Overview are 100% similar to `../cache-aside/README.md` (Cache-Aside): merge them or make the difference clear.',
      expect.stringMatching(/^cache-aside\/README\.md 1:1 warning Summary and Overview are 100% similar to `\.\.\/010-plan\/README\.md`/),
      expect.stringMatching(/^cache-aside\/README\.md 1:1 warning Summary and Overview are 100% similar to `\.\.\/011-plan/),
      expect.stringMatching(/^cache-aside\/README\.md 1:1 warning Summary and Overview are 100% similar to `\.\.\/012-plan/),
    ]);
  });

  it('the same numbered title twice (one document kept under two names) is a copy to merge, not a series', async () => {
    const note = pattern('Note 10: Quarterly plan', 'The planned work for the coming releases, as agreed in note 9.', OVERVIEW);
    expect(await warnings({ '010-plan/README.md': note, '010-quarterly-plan/README.md': note })).toEqual([
      expect.stringMatching(/^010-plan\/README\.md 3:1 warning Summary and Overview are 100% similar to .*merge them/),
      expect.stringMatching(/^010-quarterly-plan\/README\.md 3:1 warning Summary and Overview are 100% similar to .*merge them/),
    ]);
  });

  it('variants of one pattern named by the catalog’s implementation words (`queue-worker-cdk`, `-sam`, `-pulumi-go`) are no near-copies of each other; two patterns of other names are', async () => {
    const files: Record<string, string> = {};
    // (Ten stems, each built two ways, in words of their own.)
    const stems: [string, string][] = [
      ['queue-worker', 'A worker drains the queue in batches and retries each failed message twice before parking it.'],
      ['topic-fanout', 'One published notice reaches every subscriber, each with its own filter on the message attributes.'],
      ['bucket-indexer', 'New objects trigger a function that extracts metadata and writes a searchable record per upload.'],
      ['stream-archiver', 'Records from the stream land in compressed hourly files, partitioned by date for cheap scans.'],
      ['table-exporter', 'A nightly job copies the table to columnar storage so analysts never touch production reads.'],
      ['api-cache', 'Responses of slow endpoints are kept for a minute at the edge, keyed on path and query.'],
      ['mail-sender', 'Templates are rendered per recipient and handed to the mail service with bounce tracking on.'],
      ['image-resizer', 'Uploads are scaled into three sizes on arrival, the originals moved to colder storage.'],
      ['log-shipper', 'Function logs are filtered for errors and forwarded to the on-call channel within seconds.'],
      ['cron-scheduler', 'A rule fires every fifteen minutes and starts a short task that reconciles open orders.'],
    ];
    for (const [stem, overview] of stems) {
      const text = pattern(`${stem} pattern`, `Moves each ${stem.replace('-', ' ')} event to the next stage of the pipeline.`, overview);
      for (const tag of ['cdk', 'sam']) files[`${stem}-${tag}/README.md`] = text.replace('pattern', `pattern with ${tag}`);
    }
    for (const lang of ['go', 'ts', 'yaml']) files[`queue-worker-pulumi-${lang}/README.md`] = files['queue-worker-cdk/README.md']!;
    // (Another name with the same text: a near-copy all the same.)
    files['job-runner/README.md'] = files['queue-worker-cdk/README.md']!;
    const found = await warnings(files);
    expect(found.filter((w) => !w.startsWith('job-runner/') && !w.includes('`../job-runner/README.md`'))).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((w) => w.startsWith('job-runner/') || w.includes('`../job-runner/README.md`'))).toBe(true);
  });

  it('follows the threshold option', async () => {
    const files = {
      'a/README.md': pattern('A', 'Loads data into the cache on demand when it is read.', OVERVIEW),
      'b/README.md': pattern('B', 'Loads data into the cache on demand when it is read.', OVERVIEW.replace('the cache loads it', 'the application loads it')),
    };
    expect(await warnings(files, { rules: { 'duplicate-pattern': ['warn', { threshold: 0.95 }] } })).toEqual([]);
    expect(await warnings(files, { rules: { 'duplicate-pattern': ['warn', { threshold: 0.5 }] } })).toHaveLength(2);
    await expect(warnings(files, { rules: { 'duplicate-pattern': ['warn', { threshold: 1.5 }] } })).rejects.toThrow(/threshold/);
  });

  it('compares a pattern with the files the rule is off for, and lint and report agree', async () => {
    const files = {
      'stable/README.md': pattern('Read-Through Cache', 'Loads data into the cache on demand when it is read.', OVERVIEW),
      'drafts/copy/README.md': pattern(
        'Copy',
        'Loads data into the cache on demand when it is read.',
        OVERVIEW.replace('the cache loads it', 'the application loads it'),
      ),
    };
    const config = { patterns: ['*/README.md', 'drafts/*/README.md'], overrides: [{ files: ['drafts/**'], rules: { 'duplicate-pattern': 'off' } }] };
    // The draft is not reported; the stable pattern is still a near-copy of it.
    expect(await warnings(files, config)).toEqual([
      'stable/README.md 3:1 warning Summary and Overview are 88% similar to `../drafts/copy/README.md` (Copy): merge them or make the difference clear.',
    ]);
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...config }),
      ...files,
    });
    const { data, lint: results } = await loadCatalogData({ root: dir });
    expect(data.patterns).toHaveLength(2);
    expect(results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'duplicate-pattern').map(() => r.path))).toEqual(['stable/README.md']);
  });

  it('says nothing beside a record the catalog keeps as it was (rejected, superseded), its status in front matter or a `## Status` section', async () => {
    const record = (title: string, status: string) =>
      `# ${title}\n\n> Loads data into the cache on demand when it is read.\n\n## Status\n\n${status}\n\n## Overview\n\n${OVERVIEW}\n`;
    expect(await warnings({ 'a/README.md': record('Read-Through Cache', 'Accepted'), 'b/README.md': record('Cache-Aside', 'Rejected') })).toEqual([]);
    expect(await warnings({ 'a/README.md': record('Read-Through Cache', 'Accepted'), 'b/README.md': record('Cache-Aside', 'Accepted') })).toHaveLength(2);
  });

  it('leaves out the template’s own text under its title, which every pattern without a summary keeps as its first paragraph', async () => {
    const lead =
      'This is a proposal of the Widget project. It is reviewed by the steering group, who may accept, return or close it, and who publish the outcome in the notes.';
    const template = `# _Title_\n\n${lead}\n\n## Overview\n\n_Short version._\n\n## Design\n\n_How._\n`;
    const proposal = (name: string) => `# ${name} proposal\n\n${lead}\n\n## Overview\n\nThe ${name} change swaps the config parser.\n\n## Design\n\nSwap it.\n`;
    const dir = await tempCatalog({
      'template.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'template.md', patterns: ['proposals/*.md'] }),
      'proposals/pear.md': proposal('pear'),
      'proposals/plum.md': proposal('plum'),
    });
    const report = await lint({ root: dir, only: ['duplicate-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics)).toEqual([]);
  });

  it('ignores template text both kept, and texts too short to judge', async () => {
    const templateOverview = 'Provide a comprehensive overview of the pattern. Explain:\n\n- What problem does this pattern solve?\n- What are the key benefits?';
    expect(
      await warnings({
        'a/README.md': pattern('A', 'Brief one-sentence description of what this pattern does', templateOverview),
        'b/README.md': pattern('B', 'Brief one-sentence description of what this pattern does', templateOverview),
        'c/README.md': pattern('C', 'Caches reads.', 'Short.'),
        'd/README.md': pattern('D', 'Caches reads.', 'Short.'),
      }),
    ).toEqual([]);
  });

  it('picks the band size so that a pair at the threshold is found with probability ≥ 99%', () => {
    for (const t of [0.3, 0.5, 0.8, 0.9, 0.95]) {
      const { bands, rows } = banding(t);
      expect(bands * rows).toBeLessThanOrEqual(64);
      expect(1 - (1 - t ** rows) ** bands).toBeGreaterThanOrEqual(0.99);
    }
    expect(banding(0.8)).toEqual({ bands: 12, rows: 5 });
  });

  it('stays fast at 10,000 patterns and finds the planted copies', () => {
    // Seeded text from a vocabulary of 2,000 words; every 500th pattern is a lightly edited copy of the one before.
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);
    const text = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
    const patterns: Pattern[] = [];
    const overviews: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      let overview = text(150);
      if (i % 500 === 1) {
        const words = overviews[i - 1]!.split(' ');
        words[70] = 'changed';
        overview = words.join(' ');
      }
      overviews.push(overview);
      patterns.push({
        slug: `p${i}`,
        file: `/catalog/p${i}/README.md`,
        path: `p${i}/README.md`,
        dir: `/catalog/p${i}`,
        summary: { text: text(12), from: 'blockquote' },
        document: { sections: [{ title: 'Overview', blocks: [{ kind: 'paragraph', text: overview }], children: [] }] },
      } as unknown as Pattern);
    }
    const catalog = {
      root: '/catalog',
      patterns,
      template: { summary: { from: 'blockquote', sample: 'Brief description' }, sections: [{ matcher: /^overview$/, body: 'Describe it.' }], document: { preamble: [] } },
    } as unknown as Catalog;

    const found = findNearDuplicates(catalog.patterns, 0.8, (p) => shingleSet(catalog, p));

    const pairs = [...found.entries()].flatMap(([p, list]) => list.map((d) => `${p.slug}~${d.other.slug}`)).sort();
    const planted = Array.from({ length: 20 }, (_, k) => [`p${k * 500}~p${k * 500 + 1}`, `p${k * 500 + 1}~p${k * 500}`])
      .flat()
      .sort();
    expect(pairs).toEqual(planted);
  });
});

describe('duplicate-pattern: by the summary the catalog shows', () => {
  it('an opening paragraph three patterns share (`This proposal is part of …`) is no summary of theirs, nor a likeness: each is judged by the summary shown', async () => {
    const template = '# [Title]\n\n## Proposal\n\nWhat it changes.\n';
    const opener = 'This proposal is part of the broader plan to move sign-in to tokens issued by one service for every client of the server.';
    const doc = (title: string, own: string) => `# ${title}\n\n${opener}\n\n${own}\n\n## Proposal\n\nThe details of ${title.toLowerCase()}.\n`;
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'token-grant/README.md': doc('Token grant', 'Clients trade a one-time code for a token pair through a redirect in the browser.'),
      'server-metadata/README.md': doc('Server metadata', 'A client finds where the token service lives by asking the server for a small signed document.'),
      'client-registration/README.md': doc('Client registration', 'Each client registers its name and redirect addresses once, before any user signs in.'),
    });
    const report = await lint({ root: dir, only: ['duplicate-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.message}`))).toEqual([]);
  });
});
