import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { movedTarget } from '../../src/catalog/moved.js';
import { parseMarkdown } from '../../src/markdown/document.js';
import { catalogExport } from '../../src/export/catalog-export.js';
import { lint } from '../../src/lint/lint.js';
import { CatalogSearch } from '../../src/search/catalog-search.js';
import { buildSite } from '../../src/site/build.js';
import { tempCatalog } from '../helpers.js';

const TEMPLATE = '# [Pattern Title]\n\n> [One sentence]\n\n## Problem\n\nWhat hurts.\n\n## Solution\n\nWhat to do.\n';
const pattern = (title: string, more = '') =>
  `# ${title}\n\n> ${title} keeps the system up.\n\n## Problem\n\nCalls fail.\n\n## Solution\n\nDo it the ${title} way.${more}\n`;

/** A catalog where some files only say the pattern moved, in the ways real catalogs say it. */
async function catalogWithStubs(): Promise<string> {
  return tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patterns/retry/README.md': pattern('Retry', '\n\nSee also [the old bulkhead page](../bulkhead/README.md) and [throttling](../throttling/README.md).'),
    'patterns/circuit-breaker/README.md': pattern('Circuit Breaker'),
    // Moved out of the catalog: front matter that says so, one sentence and a web address.
    'patterns/bulkhead/README.md': '---\nstatus: Moved\n---\n\nThis file was moved to https://example.org/catalog/bulkhead.md\n',
    // Moved inside the catalog, with a heading and a relative link.
    'patterns/throttling/README.md': '# Throttling\n\nThis pattern has moved to [Circuit Breaker](../circuit-breaker/README.md).\n',
    // A redirect key in the front matter.
    'patterns/old-saga/README.md': '---\nredirect_to: https://example.org/saga/\n---\n',
    // DocFX's key, to the published site's address.
    'patterns/reconfigure/README.md': '---\nredirect_url: /catalog/patterns\n---\n',
    // A stub whose link is broken is still checked: its link is all it has.
    'patterns/lost/README.md': 'Moved to [the new page](../nowhere/README.md).\n',
    // Retired in favour of another page.
    'patterns/timeouts/README.md': '# DEPRECATED: Timeouts\n\nThis page is deprecated.\n\nPlease visit [Circuit Breaker](../circuit-breaker/README.md) instead.\n',
    // Says "moved" but is a pattern: it has sections.
    'patterns/relocation/README.md': pattern('Relocation', '\n\nThe data moved to [the archive](https://example.org/archive).'),
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['patterns/*/README.md'] }),
  });
}

describe('redirect stubs (a file that only says its pattern moved)', () => {
  it('are read as moved, with where they point; a pattern that mentions moving is a pattern', async () => {
    const catalog = await loadCatalog({ root: await catalogWithStubs() });
    const moved = Object.fromEntries(catalog.patterns.map((p) => [p.slug, p.movedTo]));
    expect(moved).toEqual({
      bulkhead: 'https://example.org/catalog/bulkhead.md',
      'circuit-breaker': undefined,
      lost: '../nowhere/README.md',
      'old-saga': 'https://example.org/saga/',
      reconfigure: '/catalog/patterns',
      relocation: undefined,
      retry: undefined,
      throttling: '../circuit-breaker/README.md',
      timeouts: '../circuit-breaker/README.md',
    });
  });

  it('a page that mentions deprecation without sending readers on is no stub', () => {
    const parsed = parseMarkdown('# Legacy\n\nThe old client is deprecated; the [notes](https://example.org/notes) say why.\n');
    expect(parsed.ok && movedTarget(parsed.document, {})).toBeUndefined();
    const retired = parseMarkdown('# DEPRECATED: Legacy\n\nRetired. Please read [the new page](../new/README.md).\n');
    expect(retired.ok && movedTarget(retired.document, {})).toBe('../new/README.md');
  });

  it('an archived page that sends readers to its successor in other words (“For up to date information, see …”, “we replaced the … pattern with …”) is a stub', () => {
    const stub = (text: string) => {
      const parsed = parseMarkdown(`---\ntitle: Old form\n---\n\n${text}\n`);
      return parsed.ok ? movedTarget(parsed.document, {}) : 'unparsed';
    };
    expect(stub('For up to date information, see the [contact details pattern](/patterns/contact-details/).')).toBe('/patterns/contact-details/');
    expect(stub('For the latest guidance, visit [Addresses](../addresses/index.md).')).toBe('../addresses/index.md');
    expect(stub("In May 2023, we replaced the 'Old form' pattern with a new pattern to help users [give their details](/patterns/details/).")).toBe('/patterns/details/');
    // (A page that says what replaced what in its own story, with no successor to send readers to, is none.)
    expect(stub('We replaced the paper form with an online one in 2019, and the [survey](https://example.org/survey) shows why.')).toBeUndefined();
  });

  it('are not judged against the template: only their links and images are checked', async () => {
    const root = await catalogWithStubs();
    // A stub that shows a picture that is not there.
    await mkdir(path.join(root, 'patterns/gone'));
    await writeFile(path.join(root, 'patterns/gone/README.md'), '# Gone\n\n![Old map](map.png)\n\nThis pattern has moved to [Retry](../retry/README.md).\n');
    const { results } = await lint({ root });
    const found = results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.ruleId}`));
    expect(found).toEqual(['patterns/gone/README.md image', 'patterns/lost/README.md link']);
  });

  it('get a site page that sends readers on, and no card, search entry, export entry or graph node', async () => {
    const root = await catalogWithStubs();
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = (slug: string) => readFile(path.join(out, 'patterns', slug, 'index.html'), 'utf8');
    expect(await page('bulkhead')).toContain('<meta http-equiv="refresh" content="0; url=https://example.org/catalog/bulkhead.md">');
    expect(await page('throttling')).toContain('<meta http-equiv="refresh" content="0; url=../circuit-breaker/">');
    expect(await page('old-saga')).toContain('<a href="https://example.org/saga/">');
    // A link to a stub leads to its page, which sends the reader on.
    expect(await page('retry')).toContain('href="../bulkhead/"');
    const cards = JSON.parse(await readFile(path.join(out, 'cards.json'), 'utf8')) as unknown;
    const slugs = JSON.stringify(cards);
    for (const stub of ['bulkhead', 'throttling', 'old-saga', 'lost']) expect(slugs).not.toContain(`"${stub}"`);
    expect(slugs).toContain('"relocation"');
    const exported = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as { patterns: { slug: string }[] };
    expect(exported.patterns.map((p) => p.slug)).toEqual(['circuit-breaker', 'relocation', 'retry']);
    const graph = await readFile(path.join(out, 'graph', 'graph.json'), 'utf8');
    for (const stub of ['bulkhead', 'throttling', 'old-saga', 'lost']) expect(graph).not.toContain(`"${stub}"`);
    expect(graph).toContain('"circuit-breaker"');
  });

  it('count as the pattern they point to for relations, and are not found by search', async () => {
    const root = await catalogWithStubs();
    const catalog = await loadCatalog({ root });
    const { results } = await lint({ root });
    const retry = catalogExport(catalog, results).patterns.find((p) => p.slug === 'retry')!;
    // `../throttling/README.md` moved to Circuit Breaker: the mention is Circuit Breaker's.
    expect(retry.relations.mentions).toEqual(['circuit-breaker']);
    const search = await CatalogSearch.open({ root });
    expect((await search.search('moved')).map((h) => h.slug)).toEqual(['relocation']);
  });
});
