import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { tempCatalog } from '../helpers.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

interface Shown {
  /** From catalog.json. */
  catalog: [slug: string, title: string, summary: string | undefined][];
  home: string;
  page(slug: string): Promise<string>;
  /** The built site's folder. */
  out: string;
}

/** Builds a catalog with this template, configuration and patterns (slug → README.md text). */
async function build(template: string, patterns: Record<string, string>, config: Record<string, unknown> = {}, other: Record<string, Uint8Array> = {}): Promise<Shown> {
  const files: Record<string, string | Uint8Array> = {
    ...other,
    'templates/pattern.md': template,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...config }),
  };
  for (const [slug, text] of Object.entries(patterns)) files[`${slug}/README.md`] = text;
  const root = await tempCatalog(files);
  const dir = await mkdtemp(path.join(tmpdir(), 'patternbook-titles-'));
  made.push(dir);
  const out = path.join(dir, 'site');
  await buildSite({ root, out });
  const json = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as { patterns: { slug: string; title: string; summary?: string }[] };
  return {
    catalog: json.patterns.map((p) => [p.slug, p.title, p.summary]),
    home: await readFile(path.join(out, 'index.html'), 'utf8'),
    page: (slug) => readFile(path.join(out, 'patterns', slug, 'index.html'), 'utf8'),
    out,
  };
}

describe('the site shows each pattern’s title and summary from where the catalog keeps them', () => {
  it('the line under `## Title` and a summary section of its own, on cards, in catalog.json and in the page head', async () => {
    const site = await build('## Title\n\nShort name here\n\n## Abstract\n\nWhat it is about.\n\n## Problem\n\nWhat hurts.\n', {
      'warm-standby': '## Title\n\nWarm Standby\n\n## Abstract\n\nA replica waits at low capacity and takes over on failure.\n\n## Problem\n\nDowntime.\n',
    });
    expect(site.catalog).toEqual([['warm-standby', 'Warm Standby', 'A replica waits at low capacity and takes over on failure.']]);
    expect(site.home).toContain('<a href="patterns/warm-standby/">Warm Standby</a>');
    expect(site.home).toContain('<p class="summary">A replica waits at low capacity and takes over on failure.</p>');
    const page = await site.page('warm-standby');
    expect(page).toMatch(/<title>Warm Standby · /);
    expect(page).toContain('<meta name="description" content="A replica waits at low capacity and takes over on failure.">');
    // (The page's header shows the title: its `## Title` section is not shown again under it.)
    expect(page).toContain('<h1>Warm Standby</h1>');
    expect(page).not.toContain('id="title"');
    expect(page.split('<h1>Warm Standby</h1>')[1]).not.toMatch(/<p>Warm Standby<\/p>/);
  });

  it('a name made from the folder when a document has no title anywhere (as documentation sites do), not the slug', async () => {
    const site = await build('## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n', {
      '0042-faster_builds': '## Summary\n\nCache the compiler output.\n\n## Design\n\nA store.\n',
    });
    expect(site.catalog.map(([slug, title]) => [slug, title])).toEqual([['0042-faster_builds', '0042 Faster builds']]);
    expect(site.home).toContain('<a href="patterns/0042-faster_builds/">0042 Faster builds</a>');
    expect(await site.page('0042-faster_builds')).toMatch(/<title>0042 Faster builds · /);
  });

  it('the one H1 below a note of the author’s (`## Note` above `# Cache idea`) titles the page', async () => {
    const site = await build('# [Name]\n\n## Summary\n\nSay it.\n', { cache: '## Note\n\nKept for history.\n\n# Cache idea\n\n## Summary\n\nCache hot reads.\n' });
    expect(site.catalog.map(([slug, title]) => [slug, title])).toEqual([['cache', 'Cache idea']]);
    expect(await site.page('cache')).toMatch(/<title>Cache idea · /);
  });

  it('a quote of fields under the title (`> Version: 0.3`, `> Status: Draft`) is the header, not the summary', async () => {
    const site = await build('# [Name]\n\n> [One sentence on what it does]\n\n## Abstract\n\nSay it.\n', {
      apple: '# Apple\n\n> Version: 0.3\n>\n> Status: Draft\n\n## Abstract\n\nApples keep their records on disk.\n',
    });
    expect(site.catalog).toEqual([['apple', 'Apple', 'Apples keep their records on disk.']]);
  });

  it('front matter that is not valid YAML (`Category: "A", "B"` in e-mail style) still titles the page from its `title:` line', async () => {
    const site = await build('---\ntitle: <title>\ncategory: <one or more>\n---\n\n## Abstract\n\nSay it.\n', {
      ledger: '---\ntitle: Ledger snapshots\ncategory: "Storage", "Sync"\n---\n\n## Abstract\n\nSnapshots of the ledger every hour.\n',
    });
    expect(site.catalog.map(([slug, title]) => [slug, title])).toEqual([['ledger', 'Ledger snapshots']]);
  });

  it('a MkDocs note box under the title (`!!! note "Work in progress"`) is an aside, not the summary', async () => {
    const site = await build('# [Name]\n\n## Context\n\nSay it.\n', {
      pears: '# Pears\n\n!!! note "Work in progress"\n    This record is a first sketch.\n\nPears are kept cool.\n\n## Context\n\nThey bruise.\n',
    });
    expect(site.catalog).toEqual([['pears', 'Pears', 'Pears are kept cool.']]);
  });

  it('a header of bold-labelled fields, a paragraph each (`**Status**: …`, `**Governance**: …` however long), is no summary', async () => {
    const site = await build('# [Name]\n\n## Context\n\nSay it.\n', {
      plums:
        '# Plums\n\n**Status**: first sketch\n\n**Governance**: to be found; potentially a group of this repository’s people, the security lead and peers elsewhere.\n\n## Context\n\nPlums ripen fast and need a cold store.\n',
    });
    expect(site.catalog).toEqual([['plums', 'Plums', 'Plums ripen fast and need a cold store.']]);
  });

  it('front matter keys the configuration names, and the first paragraph where the template has no summary', async () => {
    const site = await build(
      '---\ntitle: <name>\n---\n\n## Context\n\n<the situation>\n',
      {
        orders:
          '---\ntitle: Warm Standby Replica for the Orders Database\nshortTitle: Warm Standby\n---\n\n## Context\n\nThe orders database must stay up through a zone failure.\n',
      },
      { title: { from: 'front-matter', key: 'shortTitle' } },
    );
    expect(site.catalog).toEqual([['orders', 'Warm Standby', 'The orders database must stay up through a zone failure.']]);
    expect(site.home).toContain('<p class="summary">The orders database must stay up through a zone failure.</p>');
  });

  it('the first paragraph of prose skips a record section (`## Status` saying what replaced it); a section named Summary is the summary, though the template keeps none', async () => {
    const site = await build('# [Title]\n\n## Status\n\nProposed\n\n## Context\n\nThe issue.\n\n## Decision\n\nThe change.\n', {
      'pick-a-font':
        '# 1. Pick one body font\n\n## Status\n\nAccepted\n\nReplaced in part by the decision to serve fonts locally.\n\n## Context\n\nPages load four font families and look uneven.\n\n## Decision\n\nOne family.\n',
      'lazy-maps':
        '# Lazy maps\n\n## Feedback\n\nComments on this idea go to the tracker, please.\n\n## Summary\n\nMaps whose values are computed on first read.\n\n## Context\n\nSome values are costly.\n',
    });
    expect(site.catalog).toEqual([
      ['lazy-maps', 'Lazy maps', 'Maps whose values are computed on first read.'],
      ['pick-a-font', '1. Pick one body font', 'Pages load four font families and look uneven.'],
    ]);
  });

  it("the template's sample kept in emphasis above the author's summary is not the summary", async () => {
    const site = await build('# Title\n\n## Summary\n\nOne paragraph explanation of the change.\n\n## Motivation\n\nWhy?\n', {
      'shared-cache':
        '# A shared build cache\n\n## Summary\n\n_One paragraph explanation of the change._\n\nBuilds read from one shared cache.\n\n## Motivation\n\nSlow builds.\n',
    });
    expect(site.catalog).toEqual([['shared-cache', 'A shared build cache', 'Builds read from one shared cache.']]);
  });

  it('a template page named `# Template` whose title line is `## Your Proposal Title`, with fields and a `> TL;DR:` quote under it: each page once, titled and summarised', async () => {
    const template =
      '# Template\n\nCopy this file and fill in every part.\n\n## Your Proposal Title\n\n* **Owner:** `<@handle>`\n\n> TL;DR: Give here a short summary of the proposal.\n\n## Why\n\nPut here the reason.\n\n## How\n\nExplain the solution.\n';
    const site = await build(template, {
      'faster-cache':
        '## Faster Cache\n\n* **Owner:** @ada\n\n> TL;DR: The read cache moves from disk to memory.\n\n## Why\n\nReads are slow.\n\n## How\n\nA map in front of the disk.\n',
    });
    // The data, cards and pages show the summary without its label (as search and the MCP server do).
    expect(site.catalog).toEqual([['faster-cache', 'Faster Cache', 'The read cache moves from disk to memory.']]);
    expect(site.home).toContain('<p class="summary">The read cache moves from disk to memory.</p>');
    const page = await site.page('faster-cache');
    expect(page).toContain('<h1>Faster Cache</h1>');
    // Shown in the header, neither the title nor the quote is in the article again; the fields are.
    const article = page.slice(page.indexOf('<article'), page.indexOf('</article>'));
    expect(article).not.toContain('Faster Cache');
    expect(article).not.toContain('TL;DR');
    expect(article).toContain('@ada');
  });

  it('a body with H1s of its own beside a front matter title is shown a level down: one H1 on the page', async () => {
    const template = '---\ntitle: Title\n---\n\n## Summary\n\nWhat.\n\n## Design\n\nHow.\n';
    const site = await build(template, {
      lamps: '---\ntitle: Lamp loans\n---\n\n# Summary\n\nBorrow a lamp.\n\n# Design\n\nA ledger.\n\n## Fees\n\nSmall.\n',
    });
    const page = await site.page('lamps');
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('<h2 id="summary">Summary</h2>');
    expect(page).toContain('<h3 id="fees">Fees</h3>');
  });

  it('an H1 opening the text that repeats the front matter title is the title once, not a second heading', async () => {
    const template = '---\ntitle: Title\n---\n\n## Summary\n\nWhat.\n\n## Design\n\nHow.\n';
    const site = await build(template, {
      lamps: '---\ntitle: Lamp loans\n---\n\n# Lamp Loans\n\n## Summary\n\nBorrow a lamp.\n\n## Design\n\nA ledger.\n',
      desks: '---\ntitle: Desk booking\n---\n\n# Booking rules\n\n## Summary\n\nBook a desk.\n\n## Design\n\nA grid.\n',
    });
    const lamps = await site.page('lamps');
    expect(lamps).toContain('<h1>Lamp loans</h1>');
    expect(lamps).not.toContain('Lamp Loans');
    expect(lamps).toContain('<h2 id="summary">Summary</h2>');
    // (Another H1 is the author's heading: shown, a level down.)
    expect(await site.page('desks')).toContain('<h2 id="booking-rules">Booking rules</h2>');
  });

  it('a `## Simple Summary` before the `## Abstract` is the summary the template keeps; a pattern without one is summed up by its Abstract', async () => {
    const template = '# [Title]\n\n## Simple Summary\n\nOne sentence.\n\n## Abstract\n\nA short technical description.\n\n## Specification\n\nWhat.\n';
    const site = await build(template, {
      'batch-send':
        '# Batch send\n\n## Simple Summary\n\nSend tokens to many receivers in one call.\n\n## Abstract\n\nThis mirrors a design from another chain.\n\n## Specification\n\nA new call.\n',
      'fee-rebate': '# Fee rebate\n\n## Abstract\n\nReturn part of the fee to callers who pre-pay.\n\n## Specification\n\nA rebate.\n',
    });
    expect(site.catalog).toEqual([
      ['batch-send', 'Batch send', 'Send tokens to many receivers in one call.'],
      ['fee-rebate', 'Fee rebate', 'Return part of the fee to callers who pre-pay.'],
    ]);
  });

  it('the title and summary among the header fields a template keeps in a table: labels over one row, or labels down a column under an empty header row', async () => {
    const across = '| Number | Title | Summary | Status |\n|---|---|---|---|\n| assigned later | A few words | One sentence | Draft |\n\n## Overview\n\nWhat.\n';
    const site = await build(across, {
      registry:
        '| Number | Title | Summary | Status |\n|---|---|---|---|\n| 4 | Gadget staking registry | A registry of staked gadgets | Draft |\n\n## Overview\n\nGadgets register here.\n',
    });
    expect(site.catalog).toEqual([['registry', 'Gadget staking registry', 'A registry of staked gadgets']]);
    const down = '|  |  |\n|:--|:--|\n| Feature Name | [Name] |\n| Start Date | [Date] |\n\n# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n';
    const site2 = await build(down, {
      '0004-tests-arch':
        '|  |  |\n|:--|:--|\n| Feature Name | Testing architecture |\n| Start Date | 2021-05-01 |\n\n# Summary\n\nHow the project is tested.\n\n# Design\n\nThree layers.\n',
    });
    expect(site2.catalog.map(([slug, title]) => [slug, title])).toEqual([['0004-tests-arch', 'Testing architecture']]);
  });

  it('a lead-in over a short list of points under the title is the summary together, not a paragraph further down; shown once', async () => {
    const template = '# [Title]\n\n## Current state\n\nWhat is there.\n';
    const site = await build(template, {
      'cache-layer':
        "# Cache layer\n\nThis proposal sets out to:\n\n* list the weak spots of today's cache\n* add a second-level cache\n* plan the rollout.\n\n## Current state\n\nThe service keeps these caches:\n\n| Cache | Size |\n|---|---|\n| users | 10k |\n\n### Eviction\n\nEviction is done by a nightly job that drops everything older than a day.\n",
    });
    expect(site.catalog).toEqual([
      ['cache-layer', 'Cache layer', "This proposal sets out to: list the weak spots of today's cache; add a second-level cache; plan the rollout."],
    ]);
    const page = await site.page('cache-layer');
    expect(page.match(/weak spots/g)).toHaveLength(2);
  });

  it('a short lead-in with its list in the first section is the summary, not the remark after the list (`Additionally, …`)', async () => {
    const site = await build('# [Title]\n\nDate: [date]\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n', {
      'lock-file':
        '# Pin versions with a lock file\n\nDate: 2025-03-02\n\n## Context\n\nOur builds can take versions three ways:\n\n1. A range in each manifest\n2. One shared versions file\n3. A lock file\n\nAlso, a proxy can stand in for the registry.\n\n## Decision\n\nThe lock file.\n',
    });
    expect(site.catalog).toEqual([
      ['lock-file', 'Pin versions with a lock file', 'Our builds can take versions three ways: A range in each manifest; One shared versions file; A lock file.'],
    ]);
  });

  it('words under a line of images in the first paragraph are the summary without the alt text; the image stays on the page, the words are shown once', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const site = await build(
      '# [Title]\n\n## How it works\n\nExplain.\n',
      {
        'feed-to-bus':
          '# Feed to bus\n![Flow sketch](flow.png)\nEvery row change in the table is sent to the bus, where rules pick it up.\n\n## How it works\n\nOne event per change.\n',
      },
      {},
      { 'feed-to-bus/flow.png': png },
    );
    expect(site.catalog).toEqual([['feed-to-bus', 'Feed to bus', 'Every row change in the table is sent to the bus, where rules pick it up.']]);
    const page = await site.page('feed-to-bus');
    expect(page).toMatch(/<img src="flow\.png" alt="Flow sketch"/);
    expect(page.match(/Every row change/g)).toHaveLength(2); // the header and the page's description, not the body
    expect(page).toContain('<p class="summary">Every row change');
  });

  it('the summary quote after a line of fields (`also known as: …`) under the title', async () => {
    const template = '# [Title]\n\nalso known as: TODO\n\n> *Synopsis: one sentence.*\n\n## Purpose\n\nWhy it exists.\n';
    const site = await build(template, {
      'pair-drawing': '# Pair Drawing\n\nalso known as: shared sketching\n\n> Two people draw one diagram at one screen.\n\n## Purpose\n\nAgreement early.\n',
    });
    expect(site.catalog).toEqual([['pair-drawing', 'Pair Drawing', 'Two people draw one diagram at one screen.']]);
  });
});

describe('a summary several patterns copy word for word', () => {
  it('is the catalog’s text, not theirs: cards, catalog.json and the page head show each one’s own words — after a build, and after `dev` rebuilds one edited page', async () => {
    const spec = (name: string) => `---\ntitle: ${name}\ndescription: A rule of the Lantern program\n---\n\n## Rule\n\n${name} rule keeps the lamps lit.\n`;
    const template = '---\ntitle: "[Name]"\ndescription: "[One line]"\n---\n\n## Rule\n\nThe rule.\n';
    const site = await build(template, { lamps: spec('Lamps'), wicks: spec('Wicks'), oil: spec('Oil') });
    expect(site.catalog).toEqual([
      ['lamps', 'Lamps', 'Lamps rule keeps the lamps lit.'],
      ['oil', 'Oil', 'Oil rule keeps the lamps lit.'],
      ['wicks', 'Wicks', 'Wicks rule keeps the lamps lit.'],
    ]);
    expect(site.home).not.toContain('A rule of the Lantern program');
    expect(await site.page('oil')).toContain('<meta name="description" content="Oil rule keeps the lamps lit.">');
    // The search index's entries too: one each, its own summary.
    const fragments = path.join(site.out, 'pagefind', 'fragment');
    const metas = await Promise.all(
      (await readdir(fragments)).map(
        async (f) =>
          (
            JSON.parse(
              gunzipSync(await readFile(path.join(fragments, f)))
                .subarray(12)
                .toString('utf8'),
            ) as { meta: { summary?: string } }
          ).meta.summary,
      ),
    );
    expect(metas.sort()).toEqual(['Lamps rule keeps the lamps lit.', 'Oil rule keeps the lamps lit.', 'Wicks rule keeps the lamps lit.']);
  });
});

describe('the site shows a status the document writes in its body, as lint reads it', () => {
  it('a bold `**Status:**` line under the title and an ADR `## Status` section give the status facet: on the page, on cards, as a filter', async () => {
    const site = await build('# RFC-NNNN Title\n\n**Status:** provisional\n\n## Summary\n\n<!-- A paragraph. -->\n\n## Status\n\nProposed\n', {
      'widget-cache': '# RFC-0001 Widget cache\n\n**Status:** implemented\n\n## Summary\n\nRendered widgets are cached for a minute.\n',
      'queue-split': '# RFC-0002 Queue split\n\n## Summary\n\nOne queue per tenant.\n\n## Status\n\nSuperseded by [RFC-0003](../queue-merge/README.md)\n',
      'queue-merge': '# RFC-0003 Queue merge\n\n## Summary\n\nOne queue again, with fair scheduling.\n\n## Status\n\nAccepted (2026-11-02)\n',
      'left-as-is': '# RFC-0004 Left as is\n\n**Status:** provisional | implementable | implemented\n\n## Summary\n\nNothing chosen yet.\n',
    });
    const status = async (slug: string) => [...(await site.page(slug)).matchAll(/<dt>status<\/dt><dd>(.*?)<\/dd>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(await status('widget-cache')).toEqual(['Implemented']);
    expect(await status('queue-split')).toEqual(['Superseded']);
    expect(await status('queue-merge')).toEqual(['Accepted']);
    expect(await status('left-as-is')).toEqual([]);
    expect(site.home).toMatch(/data-facet="status"[^]*Superseded/);
  });

  it('a `## Status` section written as a list gives its first item, or the one ticked; a list of the choices gives none', async () => {
    const site = await build('# [Title]\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n', {
      amended: '# Dates in one library\n\n## Status\n\n- Accepted\n- Amended on 2025-05-02 with a time-zone rule\n\n## Context\n\nFour parsers.\n',
      ticked: '# One queue\n\n## Status\n\n- [ ] Proposed\n- [x] Rejected\n- [ ] Accepted\n\n## Context\n\nLoad.\n',
      choices: '# Open choice\n\n## Status\n\n- Proposed\n- Accepted\n- Rejected\n\n## Context\n\nNothing chosen.\n',
    });
    const status = async (slug: string) => [...(await site.page(slug)).matchAll(/<dt>status<\/dt><dd>(.*?)<\/dd>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(await status('amended')).toEqual(['Accepted']);
    expect(await status('ticked')).toEqual(['Rejected']);
    expect(await status('choices')).toEqual([]);
  });

  it('an H1 notice above the title (`# This Document is Deprecated`) gives the card its real title and the status it says', async () => {
    const site = await build('# RFC-NNNN Title\n\n## Summary\n\n<!-- A paragraph. -->\n', {
      committees:
        '# This Document is Deprecated\n\nThe committees were merged into the board.\n\n<details>\n<summary>Original text</summary>\n\n# Committee Structure\n\n## Summary\n\nThree committees report to the board.\n\n</details>\n',
    });
    expect(site.catalog.map(([slug, title]) => [slug, title])).toEqual([['committees', 'Committee Structure']]);
    expect(await site.page('committees')).toMatch(/<dt>status<\/dt><dd><a[^>]*>Deprecated<\/a>/);
  });
});

describe('a title written as an HTML element', () => {
  it('`<h1>Name <img …></h1>` is the title: no "missing title", shown once in the page’s header, the name on cards', async () => {
    const template = '# Pattern name\n\n## Overview\n\nWhat it does.\n\n## Problem\n\nWhat hurts.\n';
    const text =
      '\n<h1>Worker-Pinned Task Queues <img src="icon.png" alt="Worker-Pinned Task Queues" class="icon"></h1>\n\n## Overview\n\nEach worker reads its own queue.\n\n## Problem\n\nTasks land on the wrong host.\n';
    const site = await build(template, { 'pinned-queues': text });
    expect(site.catalog).toEqual([['pinned-queues', 'Worker-Pinned Task Queues', 'Each worker reads its own queue.']]);
    const page = await site.page('pinned-queues');
    expect(page.match(/<h1\b/g)).toHaveLength(1);
    const { lint } = await import('../../src/lint/lint.js');
    const root = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'pinned-queues/README.md': text,
    });
    const report = await lint({ root });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId))).not.toContain('title');
  });
});

describe('the template’s own title line left in a pattern names nothing', () => {
  it('`# Title` over a `Date:` line: the front matter’s title, else the file’s name — never the `Date:` line, never “Title”', async () => {
    const site = await build('# Title\n\nDate: YYYY-MM-DD\n\n## Context\n\nWhat is going on.\n', {
      streams: '---\ntitle: Stream large exports\n---\n\n# Title\n\nDate: 2022-07-27\n\n## Context\n\nExports time out.\n',
      tracing: '# Title\n\nDate: 2025-09-22\n\n## Context\n\nNobody knows where time goes.\n',
      // (The name on the line under it, as some catalogs write the template's `# Title` as a label: that name.)
      nightly: '# Title\n\nAllow Nightly Backups\n\n## Context\n\nBackups run by hand.\n',
    });
    expect(site.catalog.map(([slug, title]) => [slug, title])).toEqual([
      ['nightly', 'Allow Nightly Backups'],
      ['streams', 'Stream large exports'],
      ['tracing', 'Tracing'],
    ]);
  });

  it('a first H1 that is one of the template’s sections (`# Summary`, no title above it) is no title: the file’s name', async () => {
    const site = await build('# Title\n\n- Proposal PR: https://example.org/pull/0000\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n', {
      'lazy-index': '# Summary\n\nBuild the index on the first query that needs it.\n\n## Motivation\n\nStart-up is slow.\n',
    });
    expect(site.catalog.map(([slug, title]) => [slug, title])).toEqual([['lazy-index', 'Lazy index']]);
  });
});

describe('a name field that asks for an identifier', () => {
  it('`- Feature Name: retry_budget` is shown in words (`Retry budget`), as a file’s name is', async () => {
    const site = await build(
      '- Feature Name: (fill me in with a unique ident, `my_awesome_feature`)\n- Start Date: (fill me in with today’s date, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n',
      {
        'retry-budget':
          '- Feature Name: `retry_budget`\n- Start Date: 2022-04-01\n\n# Summary\n\nClients get a fixed number of retries per minute.\n\n# Motivation\n\nRetry storms.\n',
      },
    );
    expect(site.catalog.map(([slug, title]) => [slug, title])).toEqual([['retry-budget', 'Retry budget']]);
  });
});

describe('a summary read from a paragraph of the text, and a frame in the text', () => {
  it('the header shows the paragraph with its link and code (it is not in the article any more); a frame is linked, never shown', async () => {
    const site = await build(
      '---\ntitle: Name\n---\n\n## Details\n\nHow.\n',
      {
        'shared-notes': `---\ntitle: Shared notes\n---\n\n**By: Ana**\n\nThis proposal is an embedded document: you can [read it on the wiki](https://wiki.example.org/notes) or run \`notes --open\`.\n\n<iframe\n  src="https://docs.example.org/d/notes/preview"\n  style="width:500px"> </iframe>\n\n<iframe src="javascript:alert(1)"></iframe>\n`,
        'plain-words': '---\ntitle: Plain words\n---\n\nA queue that drops nothing.\n\n## Details\n\nIt keeps a log.\n',
      },
      { summary: { from: 'first-paragraph' } },
    );
    const page = await site.page('shared-notes');
    expect(page).toContain(
      '<p class="summary">This proposal is an embedded document: you can <a href="https://wiki.example.org/notes" class="external" rel="noopener noreferrer">read it on the wiki</a> or run <code>notes --open</code>.</p>',
    );
    const article = page.split('<article')[1]!.split('</article>')[0]!;
    expect(article).not.toContain('read it on the wiki');
    expect(article).toContain('<a href="https://docs.example.org/d/notes/preview" class="embed" rel="noopener noreferrer">Embedded page (docs.example.org)</a>');
    expect(article).not.toMatch(/<iframe|javascript:/);
    // (Words alone: the plain summary, as before.)
    expect(await site.page('plain-words')).toContain('<p class="summary">A queue that drops nothing.</p>');
  });
});
