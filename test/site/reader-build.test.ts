import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import type { PageMeta } from '../../src/site/model.js';
import { siteNav } from '../../src/site/nav.js';
import { byName } from '../../src/site/pages/home.js';
import { indexedArticle } from '../../src/site/search-index.js';
import { runCli, REPO, tempCatalog } from '../helpers.js';

/** What the built site's pages hold for readers: checked in the files (the browser tests check the behaviour). */
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

async function build(files: Record<string, string>): Promise<{ out: string; read: (file: string) => Promise<string> }> {
  const root = await tempCatalog(files);
  const dir = await mkdtemp(path.join(tmpdir(), 'patternbook-reader-build-'));
  made.push(dir);
  const out = path.join(dir, 'site');
  await buildSite({ root, out });
  return { out, read: (file) => readFile(path.join(out, file), 'utf8') };
}

const pattern = (title: string, body = '## Overview\n\nText.\n', front = '') =>
  `${front ? `---\n${front}\n---\n` : ''}# ${title}\n\n> ${title} in one sentence.\n\n${body}`;
/** A small template a pattern can fully conform to. */
const TEMPLATE = { 'templates/pattern.md': '# [Pattern Title]\n\n> [One-sentence summary.]\n\n## Overview\n\n[Describe the problem]\n' };
const CONFIG = 'template: templates/pattern.md\n';
const article = (page: string) => page.slice(page.indexOf('<article'), page.indexOf('</article>'));

describe('pattern pages', () => {
  it('show the title and summary once, in the page header with the facets, version and date; the README’s H1 and summary quote are not repeated', async () => {
    const site = await build({
      'alpha/README.md': pattern(
        'Alpha',
        '## Overview\n\nText.\n\n## Changelog\n\n### Version 1.2.0 (2026-03-01)\n\n- Changed.\n',
        'status: stable\ncategory: payments\ntags: [cash, ledger]',
      ),
    });
    const page = await site.read('patterns/alpha/index.html');
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('<header class="pattern-header">\n  <h1>Alpha</h1>\n  <p class="summary">Alpha in one sentence.</p>');
    expect(article(page)).not.toContain('Alpha in one sentence.');
    expect(article(page)).not.toContain('<blockquote>');
    const facts = page.slice(page.indexOf('<dl class="facts">'), page.indexOf('</dl>'));
    // Status first, then category, then the other facets; each a link to home filtered by it.
    expect([...facts.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1])).toEqual(['status', 'category', 'tags', 'Version']);
    expect(facts).toContain('<a class="chip status-stable" href="../../?status=stable">stable</a>');
    expect(facts).toContain('href="../../?tags=ledger"');
    expect(facts).toContain('1.2.0 · <time datetime="2026-03-01">2026-03-01</time>');
  });

  it('show GFM task lists as disabled check boxes with a name, with and without raw HTML in the file (the sanitizer keeps them)', async () => {
    const list = '## Checklist\n\n- [ ] Write the runbook\n- [x] Add alerts\n- [X] Load test\n- not a task [ ] here\n';
    const site = await build({ 'plain/README.md': pattern('Plain', list), 'raw/README.md': pattern('Raw', `${list}\n<p align="center">raw HTML</p>\n`) });
    for (const slug of ['plain', 'raw']) {
      const body = article(await site.read(`patterns/${slug}/index.html`));
      expect(body.match(/<input [^>]*>/g), slug).toEqual([
        '<input type="checkbox" disabled aria-label="To do">',
        '<input type="checkbox" disabled checked aria-label="Done">',
        '<input type="checkbox" disabled checked aria-label="Done">',
      ]);
      expect(body, slug).toMatch(/aria-label="To do"> Write the runbook<\/li>/);
      expect(body, slug).not.toMatch(/\[[ xX]\] (Write|Add|Load)/);
      expect(body, slug).toContain('not a task [ ] here');
    }
  });

  it('give every h2 and h3 a link to itself, after the heading', async () => {
    const site = await build({ 'a/README.md': pattern('A', '## Overview\n\nText.\n\n### Details *here*\n\nMore.\n\n#### Deeper\n\nText.\n') });
    const body = article(await site.read('patterns/a/index.html'));
    expect(body).toContain(
      '<div class="heading h2"><h2 id="overview">Overview</h2><a class="anchor" href="#overview"><span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “Overview”</span></a></div>',
    );
    expect(body).toContain('<h3 id="details-here">Details <em>here</em></h3><a class="anchor" href="#details-here">');
    expect(body).toContain('<h4 id="deeper">Deeper</h4>\n');
  });
});

describe('lint findings are for authors', () => {
  const files = {
    ...TEMPLATE,
    'patternbook.config.yaml': CONFIG,
    'a/README.md': pattern('A', '## Overview\n\n[Describe the problem]\n'),
    'b/README.md': pattern('B'),
  };

  it('are not shown to readers by default: no lint chip on cards, no findings panel', async () => {
    const site = await build(files);
    const home = await site.read('index.html');
    expect(home).not.toContain('class="lint');
    expect(home).not.toMatch(/lint error|conforms to the template/);
    expect(await site.read('patterns/a/index.html')).not.toContain('class="diagnostics"');
    expect(await site.read('cards.json')).not.toContain('"l":');
  });

  it('are shown when the configuration asks (site.showLint)', async () => {
    const site = await build({ ...files, 'patternbook.config.yaml': `${CONFIG}site:\n  showLint: true\n` });
    const home = await site.read('index.html');
    expect(home).toMatch(/<span class="lint has-(errors|warnings)">\d+ (lint error|warning)s?<\/span>/);
    expect(home).toContain('<span class="lint clean">conforms to the template</span>');
    expect(await site.read('patterns/a/index.html')).toMatch(/<details class="diagnostics">\s*<summary>\d+ lint findings?<\/summary>/);
  });

  it('site.showLint must be true or false: a configuration error otherwise (exit 2)', async () => {
    const root = await tempCatalog({ 'a/README.md': pattern('A'), 'patternbook.config.yaml': 'site:\n  showLint: sometimes\n' });
    const run = await runCli(['build', root, '--out', path.join(await tempCatalog(), 'site')], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('showLint');
  });
});

describe('search engines and link previews', () => {
  const files = {
    'alpha/README.md': pattern('Alpha'),
    'beta/README.md': pattern('Beta'),
  };

  it('every page has a meta description (a pattern’s summary); canonical and Open Graph tags when site.url is set', async () => {
    const site = await build({ ...files, 'patternbook.config.yaml': 'site:\n  title: Team patterns\n  url: https://example.org/catalog\n' });
    const alpha = await site.read('patterns/alpha/index.html');
    expect(alpha).toContain('<meta name="description" content="Alpha in one sentence.">');
    expect(alpha).toContain('<link rel="canonical" href="https://example.org/catalog/patterns/alpha/">');
    expect(alpha).toContain('<meta property="og:type" content="article">');
    expect(alpha).toContain('<meta property="og:title" content="Alpha">');
    expect(alpha).toContain('<meta property="og:description" content="Alpha in one sentence.">');
    expect(alpha).toContain('<meta property="og:url" content="https://example.org/catalog/patterns/alpha/">');
    expect(alpha).toContain('<meta property="og:site_name" content="Team patterns">');
    const home = await site.read('index.html');
    expect(home).toContain('<link rel="canonical" href="https://example.org/catalog/">');
    expect(home).toContain('<meta property="og:type" content="website">');
    expect(await site.read('health/index.html')).toContain('<link rel="canonical" href="https://example.org/catalog/health/">');
    for (const file of ['index.html', 'patterns/beta/index.html', 'health/index.html', 'graph/index.html', '404.html']) {
      expect(await site.read(file), file).toMatch(/<meta name="description" content="[^"]{10,}">/);
    }
  });

  it('no canonical or Open Graph address without site.url', async () => {
    const site = await build(files);
    for (const file of ['index.html', 'patterns/alpha/index.html']) {
      const text = await site.read(file);
      expect(text).not.toContain('rel="canonical"');
      expect(text).not.toContain('og:url');
    }
  });
});

describe('the Health page', () => {
  it('names patterns by title, shows 100 apart from 90–99, and its figures agree with each other', async () => {
    const site = await build({
      ...TEMPLATE,
      'patternbook.config.yaml': CONFIG,
      'clean-one/README.md': pattern('Clean One'),
      'messy-one/README.md': pattern('Messy One', '## Overview\n\n[Describe the problem]\n'),
    });
    const health = await site.read('health/index.html');
    const table = health.slice(health.indexOf('<h2>Lowest scores</h2>'), health.indexOf('</table>'));
    expect(table).toContain('<a href="../patterns/messy-one/">Messy One</a>');
    // Only patterns with findings are in the lowest scores.
    expect(table).not.toContain('Clean One');
    expect(health).toMatch(/<strong>2<\/strong> patterns · <strong>(\d)<\/strong> conform to the template, <strong>(\d)<\/strong> with lint findings/);
    const [, conforming, messy] = /<strong>(\d)<\/strong> conform to the template, <strong>(\d)<\/strong> with lint findings/.exec(health)!;
    expect(Number(conforming) + Number(messy)).toBe(2);
    // The histogram: eleven bins, 100 alone; its bars count what the figures say.
    const title = /<title>Patterns by conformance score: ([^<]+)<\/title>/.exec(health)![1]!;
    const bins = title.split(', ').map((b) => b.split(': ') as [string, string]);
    expect(bins.map(([label]) => label)).toEqual(['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–99', '100']);
    expect(Number(bins[10]![1])).toBe(Number(conforming));
    expect(bins.reduce((n, [, v]) => n + Number(v), 0)).toBe(2);
    // No run recorded: said once, not "never verified" for every pattern.
    expect(health).toContain('no verification recorded yet');
    expect(health).not.toContain('never verified</li>');
  });
});

describe('the search index', () => {
  it('reads the prose of an article, not its code blocks or inline SVG', () => {
    const html =
      '<h2 id="a">Steps</h2><p>Run the <code>relay</code> first.</p><pre class="code"><code class="language-bash"><span class="hljs-built_in">cat</span> &lt;&lt;EOF\nsecret-heredoc\nEOF</code></pre><pre class="mermaid">sequenceDiagram</pre><svg><text>label</text></svg><p>After.</p>';
    expect(indexedArticle(html)).toBe('<h2 id="a">Steps</h2><p>Run the <code>relay</code> first.</p><p>After.</p>');
  });
});

describe('navigation', () => {
  const meta = (slug: string, title: string, facets: Record<string, string[]> = {}) => ({ slug, title, facets }) as unknown as PageMeta;

  it('groups by category when patterns have one (those without last), by title within a group', () => {
    const nav = siteNav([
      meta('b', 'beta', { category: ['data'] }),
      meta('a', 'Alpha', { category: ['data'] }),
      meta('c', 'Gamma', { category: ['access'] }),
      meta('d', 'Delta'),
    ]);
    expect(nav.facet).toBe('category');
    expect(nav.groups.map((g) => [g.label, g.items.map((i) => i.slug)])).toEqual([
      ['access', ['c']],
      ['data', ['a', 'b']],
      ['Other', ['d']],
    ]);
    expect(nav.placeOf('b')).toMatchObject({ index: 1, group: { label: 'data' } });
  });

  it('lists a numbered log by number, not by title: in runs of its numbers without a facet, by number within a facet’s groups', () => {
    const log = Array.from({ length: 30 }, (_, i) => meta(`${String(i).padStart(4, '0')}-record`, i === 17 ? '[Design Guideline] Buttons' : `Record ${30 - i}`));
    const nav = siteNav(log);
    expect(nav.facet).toBeUndefined();
    expect(nav.groups.map((g) => [g.label, g.items.length])).toEqual([
      ['0000–0024', 25],
      ['0025–0029', 5],
    ]);
    expect(nav.groups[0]!.items.slice(0, 3).map((i) => i.slug)).toEqual(['0000-record', '0001-record', '0002-record']);
    expect(nav.placeOf('0017-record')).toMatchObject({ index: 17 });
    const byStatus = siteNav([
      meta('0010-b', 'Alpha', { status: ['Accepted'] }),
      meta('0002-a', 'Zulu', { status: ['Accepted'] }),
      meta('0003-c', 'Mike', { status: ['Proposed'] }),
    ]);
    expect(byStatus.groups.map((g) => [g.label, g.items.map((i) => i.slug)])).toEqual([
      ['Accepted', ['0002-a', '0010-b']],
      ['Proposed', ['0003-c']],
    ]);
    expect(byName([meta('0010-b', 'Alpha'), meta('0002-a', 'Zulu'), meta('0003-c', 'Mike')]).map((p) => p.slug)).toEqual(['0002-a', '0003-c', '0010-b']);
    // (Not a catalog where only some names carry a number: by title there.)
    expect(byName([meta('0010-b', 'Alpha'), meta('zulu', 'Zulu'), meta('mike', 'Mike')]).map((p) => p.slug)).toEqual(['0010-b', 'mike', 'zulu']);
  });

  it('without a category, by the first facet with one value per pattern (not tags); without any, by initial letter', () => {
    const byStatus = siteNav([meta('a', 'A', { tags: ['x', 'y'], status: ['draft'] }), meta('b', 'B', { tags: ['x'], status: ['stable'] })]);
    expect(byStatus.facet).toBe('status');
    expect(byStatus.groups.map((g) => g.label)).toEqual(['draft', 'stable']);
    const byLetter = siteNav([meta('s', 'saga'), meta('o', 'Outbox'), meta('b', 'Bulkhead'), meta('n', '2PC'), meta('c', 'Circuit Breaker'), meta('cb', 'cache-aside')]);
    expect(byLetter.facet).toBeUndefined();
    expect(byLetter.groups.map((g) => [g.label, g.items.map((i) => i.title)])).toEqual([
      ['B', ['Bulkhead']],
      ['C', ['cache-aside', 'Circuit Breaker']],
      ['O', ['Outbox']],
      ['S', ['saga']],
      ['#', ['2PC']],
    ]);
  });
});

describe('at 1,000 patterns', () => {
  it('a pattern page stays under 200 KB (the sidebar is shared, not in every page), home is one page of cards among 21, and the shared files list every pattern', async () => {
    const { generateCatalog } = await import('../../bench/generate-catalog.mjs');
    const root = await tempCatalog();
    generateCatalog(root, { count: 1000, seed: 7, defectRate: 0 });
    const dir = await mkdtemp(path.join(tmpdir(), 'patternbook-reader-1000-'));
    made.push(dir);
    const out = path.join(dir, 'site');
    await buildSite({ root, out });
    const slugs = await readdir(path.join(out, 'patterns'));
    expect(slugs).toHaveLength(1000);
    let largest = 0;
    for (const slug of slugs) largest = Math.max(largest, (await stat(path.join(out, 'patterns', slug, 'index.html'))).size);
    expect(largest).toBeLessThan(200 * 1024);
    const page = await readFile(path.join(out, 'patterns', slugs[500]!, 'index.html'), 'utf8');
    const sidebar = page.slice(page.indexOf('<nav class="sidebar"'), page.indexOf('</nav>', page.indexOf('<nav class="sidebar"')));
    expect(sidebar.match(/<li>/g)!.length).toBeLessThanOrEqual(40);
    expect(sidebar).toContain('aria-current="page"');

    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(home.match(/<li class="card">/g)).toHaveLength(48);
    expect(home.length).toBeLessThan(100 * 1024);
    expect(existsSync(path.join(out, 'page', '21', 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'page', '22'))).toBe(false);
    const last = await readFile(path.join(out, 'page', '21', 'index.html'), 'utf8');
    expect(last.match(/<li class="card">/g)).toHaveLength(1000 - 20 * 48);
    expect(last).toContain('href="../../patterns/');

    const nav = JSON.parse(await readFile(path.join(out, 'nav.json'), 'utf8')) as { groups: { items: [string, string][] }[] };
    expect(nav.groups.flatMap((g) => g.items.map((i) => i[0])).sort()).toEqual([...slugs].sort());
    const cards = JSON.parse(await readFile(path.join(out, 'cards.json'), 'utf8')) as { s: string }[];
    expect(cards.map((c) => c.s).sort()).toEqual([...slugs].sort());
  }, 180_000);
});
