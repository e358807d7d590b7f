import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { lint } from '../../src/lint/lint.js';
import type { Catalog } from '../../src/catalog/types.js';
import { PatternbookError } from '../../src/diagnostics.js';
import { tempCatalog } from '../helpers.js';

/** Title and summary of every pattern: [slug, title, where from, summary, where from]. */
const read = (catalog: Catalog) => catalog.patterns.map((p) => [p.slug, p.title?.text, p.title?.from, p.summary?.text, p.summary?.from]);

async function catalogOf(template: string, patterns: Record<string, string>, config: Record<string, unknown> = {}): Promise<Catalog> {
  const files: Record<string, string> = { 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...config }) };
  for (const [slug, text] of Object.entries(patterns)) files[`${slug}/README.md`] = text;
  return loadCatalog(await tempCatalog(files));
}

/** Title and summary in front matter, as a Jekyll-style catalog keeps them. */
const FRONT_MATTER = '---\ntitle: <name of the pattern>\ndescription: <one line on the pattern>\n---\n\n## In This Context\n\n<the situation>\n';

/** The title on the line under `## Title`, the summary in a section of its own. */
const SECTIONS =
  '## Title\n\nShort name here\n\n## Gist\n\nTwo sentences: the problem, then the answer.\n\n## Abstract\n\nWhat it is about, in a paragraph.\n\n## Problem\n\nWhat hurts.\n';

/** An H1 and nowhere for a summary. */
const NO_SUMMARY = '# [Pattern Title]\n\n## Context\n\nDescribe the forces.\n\n## Decision\n\nWhat was chosen.\n';

describe('title and summary, from where the template keeps them', () => {
  it('front matter: the title, and a description quoted over several lines', async () => {
    const catalog = await catalogOf(FRONT_MATTER, {
      'warm-standby':
        '---\ntitle: Warm Standby\ndescription: "Keep a replica running at low capacity.\nPromote it when the primary fails."\nlayout: pattern\n---\n\n## In This Context\n\nA primary database.\n',
    });
    expect(read(catalog)).toEqual([
      ['warm-standby', 'Warm Standby', 'front-matter', 'Keep a replica running at low capacity. Promote it when the primary fails.', 'front-matter'],
    ]);
    const title = catalog.patterns[0]!.title!;
    expect([title.key, title.range.start.line, title.range.end.line]).toEqual(['title', 1, 6]);
  });

  it('the line under `## Title` (no configuration), even when written as an H1; the summary from a section named for it', async () => {
    const catalog = await catalogOf(SECTIONS, {
      'as-section': '## Title\n\nWarm Standby\n\n## Abstract\n\nA replica waits at low capacity. It takes over on failure.\n\n## Problem\n\nDowntime.\n',
      'as-h1': '# Title\n\nCold Standby\n\n## Abstract\n\nBackups restored on demand.\n\n## Problem\n\nCost.\n',
      'as-list': '## Title\n\n* Pilot Light\n* Minimal Standby\n\n## Abstract\n\nOnly the core runs until it is needed.\n',
    });
    expect(read(catalog)).toEqual([
      ['as-h1', 'Cold Standby', 'section', 'Backups restored on demand.', 'section'],
      ['as-list', 'Pilot Light', 'section', 'Only the core runs until it is needed.', 'section'],
      ['as-section', 'Warm Standby', 'section', 'A replica waits at low capacity. It takes over on failure.', 'section'],
    ]);
    expect(catalog.template.title).toMatchObject({ from: 'section', section: 'Title', sample: 'Short name here' });
    expect(catalog.template.title).not.toHaveProperty('shape');
    expect(catalog.template.summary).toMatchObject({ from: 'section', section: 'Abstract' });
  });

  it('the first paragraph of prose when the template has no place for a summary (not an image, a `Label: value` line, a byline, a lead-in ending in a colon or the title line)', async () => {
    const catalog = await catalogOf(NO_SUMMARY, {
      'cache-aside':
        '# Cache Aside\n\n![diagram](diagram.png)\n\nStatus: accepted\n\n**Author**: Ada Lovelace, Example Inc.\n\n**Original Author(s)**:: @ada\n\nMarch 18, 2026 · The Platform Team\n\nThe choices made here:\n\n## Context\n\nReads dominate, and the database is slow to answer them.\n\n## Decision\n\nCache.\n',
      empty: '# Empty\n\n## Context\n\nShort.\n',
      lists: '# Lists Only\n\n## Context\n\n- Owner: platform\n- The team ships a web shop with many integrations.\n\n## Decision\n\n- Use a framework.\n',
      'lead-in':
        '# Lead In\n\nThis record decides how the catalog ships its command-line tool to teams, in two parts:\n\n- a package\n- a container\n\n## Context\n\nTeams differ.\n',
      'closing-summary':
        '# Closing Summary\n\n## Why\n\nNobody can find the docs of older releases.\n\n## How\n\nOne copy of the docs per release.\n\n## Summary\n\nAnother project tried this too; we borrow from it.\n',
      'opening-summary': '# Opening Summary\n\n## Summary\n\nOne copy of the docs per release.\n\n## Why\n\nNobody finds old docs.\n',
      'use-when':
        '# Use When\n\n## When to use it\n\nUse when building:\n\n- public websites\n- intranets\n\nDo not use this pattern for a one-page site with no editors.\n\n## Overview\n\nA small CMS, a managed database and a CDN in front of both.\n',
    });
    expect(read(catalog)).toEqual([
      ['cache-aside', 'Cache Aside', 'heading', 'Reads dominate, and the database is slow to answer them.', 'paragraph'],
      // (A `## Summary` that closes the document after its other sections is a closing remark; one that opens it is the summary.)
      ['closing-summary', 'Closing Summary', 'heading', 'Nobody can find the docs of older releases.', 'paragraph'],
      ['empty', 'Empty', 'heading', undefined, undefined],
      ['lead-in', 'Lead In', 'heading', 'This record decides how the catalog ships its command-line tool to teams, in two parts:', 'paragraph'],
      ['lists', 'Lists Only', 'heading', 'The team ships a web shop with many integrations.', 'paragraph'],
      ['opening-summary', 'Opening Summary', 'heading', 'One copy of the docs per release.', 'section'],
      // (Nor a paragraph that says when not to use it, `Do not use this pattern for…`: a limit, not what it is.)
      ['use-when', 'Use When', 'heading', 'A small CMS, a managed database and a CDN in front of both.', 'paragraph'],
    ]);
    expect(catalog.template.summary).toEqual({ from: 'none' });
  });

  it('no notice, site generator markup, statement of requirement words or other names: they are said beside the document', async () => {
    const catalog = await catalogOf(NO_SUMMARY, {
      noted: '# Noted\n\n> **Note**: this record was accepted before the review rules.\n\n## Context\n\nRoutes need to rewrite the start of a path.\n',
      alert: '# Alert\n\n> [!WARNING]\n> Kept for history only, see the newer record.\n\n## Context\n\nGateways share one counter per client.\n',
      status:
        '# Kiln fields\n\n- Stage: 2\n\n> **Status (process change, 2025):** the staged process was retired; this record is kept as it was.\n\nAdds fields that describe each kiln, its model and how often it fires.\n\n## Context\n\nPotters asked.\n',
      markup: '# Markup\n\n## Context\n\n{{% alert color="warning" %}}\n\n{% include banner.html %}\n\nOversized headers are refused with a clear status.\n',
      words:
        '# Words\n\nThe key words "MUST" and "SHOULD" in this document are to be read as in RFC 2119.\n\n## Context\n\nGateways pick a default route when none is named.\n',
      names: '# Names\n\n## Also Known As\n\nStatus Marker / Live Indicator / Sensor Light\n\n## Context\n\nApps read sensors in the background.\n',
      aka: '# Aka\n\na.k.a. Logical View of the whole system\n\n## Context\n\nComponents and their wiring, drawn once.\n',
      'kiln-mover':
        '# Kiln mover\n\n## Glossary & Abbreviations\n\n**Kiln Mover (KM)**: the module that moves pots between kilns.\n\n## Background\n\nPots cool unevenly between firings.\n',
    });
    expect(read(catalog).map((r) => `${r[0]}: ${r[3]}`)).toEqual([
      'aka: Components and their wiring, drawn once.',
      'alert: Gateways share one counter per client.',
      'kiln-mover: Pots cool unevenly between firings.',
      'markup: Oversized headers are refused with a clear status.',
      'names: Apps read sensors in the background.',
      'noted: Routes need to rewrite the start of a path.',
      'status: Adds fields that describe each kiln, its model and how often it fires.',
      'words: Gateways pick a default route when none is named.',
    ]);
  });

  it("a first H1 that only names a part of a document (`# Summary`) is no title: the front matter's name is, else none (the file's name shows)", async () => {
    const catalog = await catalogOf(NO_SUMMARY, {
      'feature-flags': '---\nfeature name: feature flags for the toolkit\n---\n\n# Summary\n\nFlags turn behaviour on per release.\n\n# Motivation\n\nSafer rollouts.\n',
      plain: '# Summary\n\nA plain older proposal without a name of its own.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 3))).toEqual([
      ['feature-flags', 'feature flags for the toolkit', 'front-matter'],
      ['plain', undefined, undefined],
    ]);
  });

  it('a first H1 that is a notice (`# Superseded!`, `# Deprecated`) is no title either; a title of its own words still is', async () => {
    const template = '# Summary\n\nOne paragraph.\n\n# Reason\n\nWhy.\n';
    const catalog = await catalogOf(template, {
      'bike-storage': '---\nrule: bike-storage\n---\n\n# Replaced!\n\nSee the newer rule.\n\n# Summary\n\nBikes under the stairs.\n\n# Reason\n\nNo cellar.\n',
      'quiet-hours': '# ⚠️ Deprecated\n\nNo longer enforced.\n\n# Summary\n\nQuiet after ten.\n\n# Reason\n\nSleep.\n',
      'bin-rota': '# Bin rota for the yard\n\n# Summary\n\nWho takes the bins out.\n\n# Reason\n\nFoxes.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([
      ['bike-storage', undefined],
      ['bin-rota', 'Bin rota for the yard'],
      ['quiet-hours', undefined],
    ]);
  });

  it('the title among the fields a document writes in its body: a block of `Key: value` lines, or a table of fields', async () => {
    const header = '## Header\n\n```\nNumber: (assigned later)\nTitle: <short name>\nStatus: Draft\n```\n\n## Overview\n\nA few lines.\n';
    const catalog = await catalogOf(header, {
      'block-sync': '## Header\n\n```\nNumber: 0001\nTitle: Faster block sync\nStatus: Final\n```\n\n## Overview\n\nThree peers at once.\n',
      'lock-timeouts': '| Number | 0007 |\n| ---: | :--- |\n| Title | Shorter lock timeouts |\n| Status | Rejected |\n\n## Overview\n\nLocks expire sooner.\n',
      // (A label with parentheses or a slash, `Author(s)`, `Track/Type`, is a label still.)
      'retry-queues':
        '| RFC | 7 |\n| :--- | :--- |\n| **Title** | Bounded retry queues |\n| **Author(s)** | Ana |\n| Track/Type | Core |\n\n## Overview\n\nDrop the oldest.\n',
      // A code block of other lines is no fields block.
      plain: '## Header\n\n```\nmake build\n```\n\n## Overview\n\nNothing here.\n',
      // (A row with its label cell left empty goes on with the field above it: a second author.)
      'pager-rota':
        '| Number | 12 |\n| --- | --- |\n| Title | Fair pager rota |\n| Authors | Ana (@ana) |\n|  | **Bo** (@bo) |\n| Status | Draft |\n\n## Overview\n\nTurns.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([
      ['block-sync', 'Faster block sync'],
      ['lock-timeouts', 'Shorter lock timeouts'],
      ['pager-rota', 'Fair pager rota'],
      ['plain', undefined],
      ['retry-queues', 'Bounded retry queues'],
    ]);
    expect(catalog.patterns.map((p) => p.fields?.status)).toEqual(['Final', 'Rejected', 'Draft', undefined, undefined]);
    expect(catalog.patterns[2]!.fields?.authors).toBe('Ana (@ana), Bo (@bo)');
  });

  it('the field the template names a pattern in (`- Name: (fill in the feature name)` under `# Meta`) is its title; where the template has no such field, a `Name:` field is not', async () => {
    const meta = '# Meta\n\n- Name: (fill in the feature name)\n- Start Date: (today, YYYY-MM-DD)\n- Author(s): (usernames)\n\n# Summary\n\nOne paragraph.\n';
    const catalog = await catalogOf(meta, {
      'build-plan': '# Meta\n\n- Name: Contractual Build Plan\n- Start Date: 2019-04-12\n- Author(s): @lee\n\n# Summary\n\nA plan each step agrees to.\n',
      unnamed: '# Meta\n\n- Name: (fill in the feature name)\n- Start Date: 2019-05-01\n- Author(s): @kim\n\n# Summary\n\nNot named yet.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([
      ['build-plan', 'Contractual Build Plan'],
      ['unnamed', undefined],
    ]);
    const other = await catalogOf('# Meta\n\n- Owner: (who)\n- Start Date: (today)\n\n# Summary\n\nOne paragraph.\n', {
      'build-plan': '# Meta\n\n- Owner: Lee\n- Name: Lee Park\n- Start Date: 2019-04-12\n\n# Summary\n\nA plan each step agrees to.\n',
    });
    expect(read(other).map((r) => r.slice(0, 2))).toEqual([['build-plan', undefined]]);
  });

  it('a summary section the template has and the author left as its text (`We decided to ... because ...` under `## Abstract`) is no summary: the first paragraph the author wrote is', async () => {
    const template = '# [Number]. [Title]\n\nDate: YYYY-MM-DD\n\n## Abstract\n\nWe decided to ...\nbecause ...\n\n## Context\n\nThe forces.\n';
    const catalog = await catalogOf(
      template,
      {
        'pick-a-host':
          '# 5. Pick a host\n\nDate: 2020-05-01\n\nEach team picks its own host today; this record proposes one.\n\n## Abstract\n\nWe decided to ...\nbecause ...\n\n## Context\n\nFour hosts.\n',
        'keep-a-log':
          '# 6. Keep a log\n\nDate: 2020-06-01\n\nA note on logs.\n\n## Abstract\n\nWe keep one file per decision, because memory fades.\n\n## Context\n\nWe forget.\n',
      },
      { summary: { from: 'first-paragraph' } },
    );
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['keep-a-log', 'We keep one file per decision, because memory fades.'],
      ['pick-a-host', 'Each team picks its own host today; this record proposes one.'],
    ]);
  });

  it('a sentence with a colon in it and no full stop (`Allow the following literal form: 1_000 for 1000`) is the summary; a short label and its value (`Status: accepted`) is a field', async () => {
    const template = '# [Title]\n\n## Introduction\n\nOne sentence.\n\n## Motivation\n\nWhy.\n';
    const catalog = await catalogOf(template, {
      'digit-separators':
        '# Digit separators\n\n## Introduction\n\nAllow the following literal form: 1_000 as another way to write 1000\n\n## Motivation\n\nLong numbers are hard to read.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([['digit-separators', 'Allow the following literal form: 1_000 as another way to write 1000']]);
  });

  it('a list a bold label names at the top of the summary section (`**Issues:**` over links to them) is that field’s value: the paragraph after it is the summary', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n';
    const catalog = await catalogOf(template, {
      'ek-chain':
        '# EK chains\n\n## Summary\n\n**Issues:**\n* agent, [#859](https://example.org/859)\n* server, [#1552](https://example.org/1552)\n\nAccept endorsement certificates signed by an intermediate.\n\n## Motivation\n\nNew chips.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([['ek-chain', 'Accept endorsement certificates signed by an intermediate.']]);
  });

  it('under an H1 every pattern keeps as the kind of document (`# Change Request`), the field that identifies it (`Request ID: 0003-cache-warmup`) is its title where it has no name field; under an H1 of the author’s own words, that H1 is', async () => {
    const request =
      '# Change Request\n\n* Request ID: `0000-short-name` (fill me in with a unique ident)\n* Start Date: (YYYY-MM-DD)\n\nWrite a one-paragraph summary here.\n\n## Motivation\n\nWhy?\n';
    const catalog = await catalogOf(request, {
      'cache-warmup': '# Change Request\n\n* Request ID: `0003-cache-warmup`\n* Start Date: 2024-03-01\n\nWarm the cache at start-up.\n\n## Motivation\n\nCold starts.\n',
      'retry-budget': '# Retry budgets for clients\n\n* Request ID: `0004-retry-budget`\n* Start Date: 2024-04-01\n\nCap retries.\n\n## Motivation\n\nStorms.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([
      ['cache-warmup', '0003-cache-warmup'],
      ['retry-budget', 'Retry budgets for clients'],
    ]);
  });

  it('with titles read from H1s by the configuration (most patterns have one), the template’s name field still names those without, in parentheses too', async () => {
    const meta = '# Meta\n\n- Name: (fill in the feature name)\n- Start Date: (today, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n';
    const dir = await tempCatalog({
      'templates/pattern.md': meta,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'], title: { from: 'heading' } }),
      'docs/a-headed.md': '# Faster sync\n\n# Meta\n\n- Name: Faster sync\n- Start Date: 2022-01-02\n\n# Summary\n\nThree peers.\n',
      'docs/b-field.md': '# Meta\n\n- Name: Cloning many resources\n- Start Date: 2022-08-04\n\n# Summary\n\nOne call.\n',
      'docs/c-parens.md': '# Meta\n\n- Name: (Target configuration)\n- Start Date: (2025-01-14)\n\n# Summary\n\nA resource.\n',
      'docs/d-unnamed.md': '# Meta\n\n- Name: (fill in the feature name)\n- Start Date: 2022-09-01\n\n# Summary\n\nNot named.\n',
    });
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['a-headed', 'Faster sync'],
      ['b-field', 'Cloning many resources'],
      ['c-parens', 'Target configuration'],
      ['d-unnamed', undefined],
    ]);
    // The title rule asks nothing of those named in the field; the one without a name is told.
    const report = await lint({ root: dir, only: ['title'] });
    expect(report.results.filter((r) => r.diagnostics.length > 0).map((r) => r.path)).toEqual(['docs/d-unnamed.md']);
  });

  it('the template’s title line left as it is (`# Title`) over a front matter title: the front matter names it, and the title rule says the line is left in', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '---\ntitle: Proposal Template\nstatus: provisional\n---\n\n# Title\n\n## Summary\n\nOne paragraph.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/health.md': '---\ntitle: Machine health checks\nstatus: implementable\n---\n\n# Title\n\n## Summary\n\nRepair nodes.\n',
    });
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.map((p) => p.title?.text)).toEqual(['Machine health checks']);
    const report = await lint({ root: dir, only: ['title'] });
    expect(report.results[0]!.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [6, 'error', "The title line is still the template's sample “Title”: write the pattern's name there (`# Machine health checks`, as its front matter has it)."],
    ]);
  });

  it('an H1 over the fields (`# **Meta**`) is no title: a line of bold text alone above it is', async () => {
    const catalog = await catalogOf(NO_SUMMARY, {
      'batch-export': '**RP-12: Batch export for reports**\n\n# **Meta**\n\n**Owner:** Lee\n\n## Context\n\nExports are slow.\n',
      fields: '# Metadata\n\n**Owner:** Kim\n\n## Context\n\nNo name anywhere.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 3))).toEqual([
      ['batch-export', 'RP-12: Batch export for reports', 'paragraph'],
      ['fields', undefined, undefined],
    ]);
  });

  it("an empty first H1 right above one of the template's title shape: the second is the title", async () => {
    const catalog = await catalogOf('# RFC-NNNN: Your one-line title\n\n## Summary\n\nOne paragraph.\n', {
      'pull-per-class': '# RFC\n\n# RFC-0042: Pull images per class\n\n## Summary\n\nEach class pulls its own.\n',
      // With text under the first, or neither of the shape, the first stays the title.
      'kept-first': '# Pull budgets\n\nA note.\n\n# RFC-0043: Budgets\n\n## Summary\n\nLimits.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([
      ['kept-first', 'Pull budgets'],
      ['pull-per-class', 'RFC-0042: Pull images per class'],
    ]);
  });

  it('a first `##` over the template’s sections written as H1s (the levels swapped) is the title, underlined or not', async () => {
    const template = '# RFC: <Title>\n\nShort summary.\n\n## Problem Statement\n\nWhat hurts.\n\n## Proposed Solution\n\nWhat to do.\n';
    const catalog = await catalogOf(template, {
      delta: 'RFC: Delta\n----------\n\nDelta adds a thing.\n\n# Problem Statement\n\nIt hurts.\n\n# Proposed Solution\n\nStop.\n',
      epsilon: '## RFC: Epsilon\n\nEpsilon adds a thing.\n\n# Problem Statement\n\nIt hurts.\n\n# Proposed Solution\n\nStop.\n',
      // (H1s of the author's own after it are no sections written a level up: no title there.)
      zeta: '## Notes first\n\nSome notes.\n\n# Gardening\n\nTomatoes.\n\n# Cooking\n\nSoup.\n',
      // (…but one in the template's title shape is the title, whatever H1s follow.)
      eta: 'RFC: Eta\n--------\n\n*Working draft*\n\n# Introduction\n\nWhy.\n\n# Proposal: do it\n\nHow.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([
      ['delta', 'RFC: Delta'],
      ['epsilon', 'RFC: Epsilon'],
      ['eta', 'RFC: Eta'],
      ['zeta', undefined],
    ]);
  });

  it('a summary blockquote past a header list written loosely (bold keys without their colon, a sentence between the lists) is the summary', async () => {
    const template = '# [Proposal]\n\n* **Owners:**\n  * `<@you>`\n\n* **Status:** `Draft / Done`\n\n> TL;DR: one line on the proposal.\n\n## Why\n\nMotivation.\n';
    const catalog = await catalogOf(template, {
      gamma: '# Gamma idea\n\n* **Owners**\n  * cat\n\n* **Status**: Draft\n\n> TL;DR: gamma sorts the mail.\n\n## Why\n\nBecause.\n',
      eps: '# Eps idea\n\n* **Owners:**\n  * eve\n\nA loose sentence among the header bullets.\n\n* **Status:** Draft\n\n> TL;DR: eps waters the plants.\n\n## Why\n\nBecause.\n',
      // (A field left empty, its value written loose under it however long, is the header still.)
      eta: '# Eta idea\n\n* **Owners:** @lee\n\n* **Links:**\n\nAn older ticket asked for this long ago, and two pull requests tried it since, but neither of them was merged in the end.\n\n* **Status:** Draft\n\n> TL;DR: eta keeps drafts.\n\n## Why\n\nBecause.\n',
      theta:
        '# Theta idea\n\n* **Owners:**\n  * @lee\n\n* **Status:** Draft\n\n* **Links:**\n\nThe first ticket on this came long ago, from a thread about lost drafts and reloads.\n\nSince then there were many discussions and attempts in several pull requests, but nothing has been merged yet. See\n* https://example.org/pull/1\n* https://example.org/pull/2\n\n* **Other docs:**\n\n> Theta restores drafts after a reload.\n\n## Why\n\nBecause.\n',
      // (Past a paragraph of prose, a quote is a quote: the summary is not read there.)
      zeta: '# Zeta idea\n\nZeta came up at lunch, after a long talk about the mail room and how it could be run better by everyone.\n\n> A quote from the lunch.\n\n## Why\n\nBecause.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['eps', 'TL;DR: eps waters the plants.', 'blockquote'],
      ['eta', 'TL;DR: eta keeps drafts.', 'blockquote'],
      ['gamma', 'TL;DR: gamma sorts the mail.', 'blockquote'],
      ['theta', 'Theta restores drafts after a reload.', 'blockquote'],
      ['zeta', 'Zeta came up at lunch, after a long talk about the mail room and how it could be run better by everyone.', 'paragraph'],
    ]);
    const { lint } = await import('../../src/lint/lint.js');
    const found = await lint({ root: catalog.root, only: ['summary'] });
    expect(found.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.message}`)).filter((m) => !m.startsWith('zeta'))).toEqual([]);
  });

  it('a first `##` that names a part of a document (`## Description`) is no title written a level down', async () => {
    const catalog = await catalogOf('# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nRemove it.\n', {
      'queue-to-function': '## Description\n\nMessages reach a function.\n\n## Overview\n\nA queue.\n\n## Cleanup\n\nDelete the stack.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([['queue-to-function', undefined]]);
    // …nor one that names its record, `## Author(s)` first: the page has no title, not that one.
    const byline = await catalogOf('# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nRemove it.\n', {
      'queue-to-function': '## Author(s)\n\n- A. Writer\n\n## Overview\n\nA queue.\n\n## Cleanup\n\nDelete the stack.\n',
    });
    expect(read(byline).map((r) => r.slice(0, 2))).toEqual([['queue-to-function', undefined]]);
  });

  it('a pattern that lacks the template’s place still shows what it has (the summary rule reports the place)', async () => {
    const catalog = await catalogOf('# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n', {
      'no-quote': '---\ntitle: Only in Front Matter\n---\n\nLeaders are elected by the nodes themselves.\n\n## Overview\n\nText.\n',
    });
    expect(read(catalog)).toEqual([['no-quote', 'Only in Front Matter', 'front-matter', 'Leaders are elected by the nodes themselves.', 'paragraph']]);
  });

  it('the configuration names other places: a front matter key for the title, a section for the summary', async () => {
    const catalog = await catalogOf(
      FRONT_MATTER,
      {
        shorter:
          '---\ntitle: Warm Standby Replica for the Orders Database\nshortTitle: Warm Standby\ndescription: A replica.\n---\n\n## In This Context\n\nThe orders database must stay up.\n',
      },
      { title: { from: 'front-matter', key: 'shortTitle' }, summary: { from: 'section', section: 'In This Context' } },
    );
    expect(read(catalog)).toEqual([['shorter', 'Warm Standby', 'front-matter', 'The orders database must stay up.', 'section']]);
    expect(catalog.template.summary).toMatchObject({ from: 'section', section: 'In This Context' });
  });

  it('a configured section the template does not have is a configuration error naming it and the sections there are', async () => {
    const error = await catalogOf(SECTIONS, {}, { summary: { from: 'section', section: 'Patlet' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatternbookError);
    expect((error as Error).message).toMatch(
      /^Configuration `summary.section` names "Patlet", which template .*pattern\.md does not have\. Use a section name from the template: "Title", "Gist", "Abstract", "Problem"\./,
    );
  });

  it('a key that the chosen place does not read is a configuration error at its line', async () => {
    const error = await catalogOf(SECTIONS, {}, { title: { from: 'heading', section: 'Title' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatternbookError);
    expect((error as Error).message).toMatch(/patternbook\.config\.json:1:\d+: `title\.section`: is read only with `from: section` \(here `from: heading`\)\./);
  });
});

describe('a summary section the template does not have', () => {
  it('is one of the document’s own sections: a `#### Summary` that sums up a part of it is not the summary, the paragraph under the title is', async () => {
    const template = '# Replace with the title\n\nOne sentence on what changes.\n\n## Motivation\n\nWhy?\n\n## Explanation\n\nHow.\n';
    const catalog = await catalogOf(template, {
      policies:
        '# Telemetry policies\n\nDefines policies that filter telemetry anywhere.\n\n## Motivation\n\nRules pile up.\n\n## Explanation\n\n### Where they run\n\n#### In SDKs\n\nAt start.\n\n#### Summary\n\nNothing is required to run them.\n',
      sampled: '# Sampled logs\n\n## Summary\n\nKeeps one log line in ten.\n\n## Motivation\n\nVolume.\n\n## Explanation\n\nA counter.\n',
      // (A table of contents written as a second H1 holds the sections after it: the first paragraph of
      // prose is still read there, not nothing.)
      builders:
        '# Result builders\n\n* Status: Implemented\n\nTable of Contents\n=================\n\n* [Introduction](#introduction)\n\n## Introduction\n\nBuilders turn statements into one value.\n\n## Motivation\n\nDSLs.\n',
      // (A short lead-in there, `…every change it makes:`, says nothing on its own: the list under it does, read whole.)
      salt: '# Less salt\n\n## TL;DR\n\nThis section lists every change it makes:\n\n1. Cut the salt by a fifth.\n2. Add seaweed.\n\n## Motivation\n\nHealth.\n',
    });
    expect(read(catalog).map(([slug, , , summary]) => [slug, summary])).toEqual([
      ['builders', 'Builders turn statements into one value.'],
      ['policies', 'Defines policies that filter telemetry anywhere.'],
      ['salt', 'Cut the salt by a fifth; Add seaweed.'],
      ['sampled', 'Keeps one log line in ten.'],
    ]);
  });
});

describe('title: the heading under the label the template’s page sets above its title line', () => {
  it('`# RFC-0011 for Kilns` over `## Quiet kiln fans`, where the template has `# RFC0 for Kilns` over `## [Title]`: the H2 names it; an H1 of other words is the title', async () => {
    const template =
      '# **RFC0 for Kilns**\n\nSee [CONTRIBUTING.md](CONTRIBUTING.md) for instructions on creating your RFC and the process surrounding it.\n\n## [Title]\n\nProposers\n\n* \n\n## Summary\n\nBriefly describe what you intend to propose\n\n## Design\n\nHow.\n';
    const catalog = await loadCatalog(
      await tempCatalog({
        'RFC-0000-template.md': template,
        'patternbook.config.json': JSON.stringify({ template: 'RFC-0000-template.md', patterns: ['RFC-*.md'], exclude: ['RFC-0000-template.md'] }),
        'RFC-0011-fans.md': '# **RFC-0011 for Kilns**\n\n## Quiet kiln fans\n\nProposers\n\n* Ada\n\n## Summary\n\nSlower fans.\n\n## Design\n\nA dial.\n',
        'RFC-0012-lids.md': '# Heavy kiln lids\n\n## Summary\n\nHeavier lids.\n\n## Design\n\nCast iron.\n',
      }),
    );
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['RFC-0011-fans', 'Quiet kiln fans'],
      ['RFC-0012-lids', 'Heavy kiln lids'],
    ]);
    const report = await lint({ root: catalog.root, only: ['unknown-section'] });
    expect(report.results.flatMap((r) => r.diagnostics)).toEqual([]);
  });
});

describe('summary: lines that point elsewhere or label a header are no summary', () => {
  it('`Original issue: https://…` under `## Summary`, and a paragraph of bold labels over their links (`**Owner** …` over `**Feature** …`), are passed over for the text after them', async () => {
    const catalog = await catalogOf('# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n', {
      'kiln-lid': '# Kiln lid\n\n## Summary\n\nOriginal issue: https://example.org/issues/12\n\nA lid that seals the kiln.\n\n## Design\n\nHinges.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.summary?.text])).toEqual([['kiln-lid', 'A lid that seals the kiln.']]);
    // (A sentence with a link in it is one: `Implement [the lid spec](…) for all kilns.`)
    const sentence = await catalogOf('# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n', {
      'kiln-lid': '# Kiln lid\n\n## Summary\n\nImplement [the lid spec](https://example.org/spec) for all kilns.\n\n## Design\n\nHinges.\n',
    });
    expect(sentence.patterns[0]!.summary?.text).toBe('Implement the lid spec for all kilns.');
    const header = await catalogOf('# [Title]\n\n## Design\n\nHow.\n', {
      'kiln-vent':
        '# Kiln vent\n\n**Owner** [Ada](https://example.org/ada) |\n**Work Items** [Vents](https://example.org/1) |\n[Flaps](https://example.org/2)\n\nVents let the fumes out.\n\n## Design\n\nFlaps.\n',
    });
    expect(header.patterns.map((p) => [p.slug, p.summary?.text])).toEqual([['kiln-vent', 'Vents let the fumes out.']]);
  });
});

describe('displayTitle: a name made of the file’s words', () => {
  it('writes each word as the document writes it most, with a capital after its first letter (`wasm-gc.md` → `Wasm GC`); a word it writes in lower case as often, or capitalized only, stays', async () => {
    const catalog = await catalogOf('## Summary\n\nWhat.\n\n## Design\n\nHow.\n', {
      'wasm-gc': '## Summary\n\nGC for Wasm. The GC runs in the engine.\n\n## Design\n\nA GC.\n',
      'new-api': '## Summary\n\nA new API; the API is small. See api.example.org.\n\n## Design\n\nThe API.\n',
      'retry-budget': '## Summary\n\nBudget.\n\n## Design\n\nBudget of retries. A budget.\n',
    });
    const { displayTitle } = await import('../../src/catalog/view.js');
    expect(catalog.patterns.map((p) => displayTitle(p))).toEqual(['New API', 'Retry budget', 'Wasm GC']);
    // (A title of its own is shown as written.)
    expect(catalog.patterns.every((p) => p.title === undefined)).toBe(true);
  });

  it('two files of one name in two folders: each shown by its own name, not by the slug made longer to tell them apart', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/rfc.md': '## Summary\n\nWhat.\n\n## Design\n\nHow.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/rfc.md', patterns: ['*/*.md'] }),
        'accepted/0000-kiln-timer.md': '## Summary\n\nA timer.\n\n## Design\n\nA clock.\n',
        'text/0000-kiln-timer.md': '## Summary\n\nA timer, later.\n\n## Design\n\nA clock.\n',
      }),
    );
    const { displayTitle } = await import('../../src/catalog/view.js');
    expect(catalog.patterns.map((p) => [p.slug !== 'kiln-timer', displayTitle(p)])).toEqual([
      [true, 'Kiln timer'],
      [true, 'Kiln timer'],
    ]);
  });
});

describe('displaySummary: a summary paragraph that ends by introducing a list', () => {
  it('is cut back to its last whole sentence, else ends with an ellipsis; one the author wrote as a summary stays as written', async () => {
    const { displaySummary } = await import('../../src/catalog/view.js');
    expect(displaySummary({ text: 'Accounts get a rent-free tier. This proposal adds three instructions for it:', from: 'paragraph' })).toBe(
      'Accounts get a rent-free tier.',
    );
    expect(displaySummary({ text: 'This proposal adds three instructions to the runtime so that accounts can:', from: 'section' })).toBe(
      'This proposal adds three instructions to the runtime so that accounts can…',
    );
    expect(displaySummary({ text: 'Adds what follows:', from: 'blockquote' })).toBe('Adds what follows:');
    expect(displaySummary({ text: 'Retries within a budget.', from: 'paragraph' })).toBe('Retries within a budget.');
    // An abbreviation ends no sentence; footnote markers are dropped.
    expect(displaySummary({ text: 'Wraps calls to flaky services, e.g. HTTP clients, behind a budget[^1] with three settings:', from: 'paragraph' })).toBe(
      'Wraps calls to flaky services, e.g. HTTP clients, behind a budget with three settings…',
    );
  });

  it('so is one that runs on into the list or code after it, ending on a word no sentence ends on; one that ends on a name is whole', async () => {
    const { displaySummary } = await import('../../src/catalog/view.js');
    expect(displaySummary({ text: 'Kilns need to talk to each other to', from: 'paragraph' })).toBe('Kilns need to talk to each other to…');
    expect(displaySummary({ text: 'This is a late write-up. It', from: 'paragraph' })).toBe('This is a late write-up.');
    expect(displaySummary({ text: 'We widen the type of timers from', from: 'section' })).toBe('We widen the type of timers from…');
    expect(displaySummary({ text: 'A shared timer for every kiln', from: 'paragraph' })).toBe('A shared timer for every kiln');
    expect(displaySummary({ text: 'Inject {% raw %}{{ 7*7 }}{% endraw %} into a field.', from: 'paragraph' })).toBe('Inject {{ 7*7 }} into a field.');
    expect(displaySummary({ text: 'Timers we trust, written up by the team', from: 'paragraph' })).toBe('Timers we trust, written up by the team');
    // (A phrasal verb's particle or an object pronoun ends a sentence well: `opt in`, `remove it`.)
    expect(displaySummary({ text: 'Let kiln owners opt in', from: 'paragraph' })).toBe('Let kiln owners opt in');
    expect(displaySummary({ text: 'Deprecate the old timer and remove it', from: 'paragraph' })).toBe('Deprecate the old timer and remove it');
  });
});

describe('title: a document whose name is not an H1', () => {
  const TEMPLATE = '## Summary\n\nWhat and why.\n\n## Design\n\nHow it works.\n';
  const load = async (files: Record<string, string>) =>
    loadCatalog(
      await tempCatalog({ 'templates/rep.md': TEMPLATE, 'patternbook.config.json': JSON.stringify({ template: 'templates/rep.md', patterns: ['reps/*.md'] }), ...files }),
    );

  it('is the first heading above its sections, under a header block at most, in words of the file’s name', async () => {
    const catalog = await load({
      'reps/2024-05-02-query-api.md': '## Introduce a query API\n\n## Summary\n\nOne API.\n\n## Design\n\nA gRPC service.\n',
      'reps/kip-0004.md': '    Author: Ada\n    Status: Final\n****\nKIP 4: Bit strings\n----\n\nSummary\n=======\n\nBits.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text, p.title?.from])).toEqual([
      ['2024-05-02-query-api', 'Introduce a query API', 'heading'],
      ['kip-0004', 'KIP 4: Bit strings', 'heading'],
    ]);
  });

  it('is not a first heading of other words, nor one of the template’s sections; the name shown is then the file’s, without its date or a number still to be given (`0000-`)', async () => {
    const { displayTitle } = await import('../../src/catalog/view.js');
    const catalog = await load({
      'reps/2022-03-08-serve-pipeline.md': '## Summary\n\nPipelines.\n\n## Design\n\nStages.\n',
      'reps/202203-shuffle.md': '## Getting started\n\nRead this first.\n\n## Summary\n\nShuffles.\n',
      'reps/0000-yarn-create.md': '## Summary\n\nStarters.\n\n## Design\n\nA command.\n',
      'reps/0012-bulk-export.md': '## Summary\n\nExports.\n\n## Design\n\nA job.\n',
    });
    expect(catalog.patterns.map((p) => [p.title?.text, displayTitle(p)])).toEqual([
      [undefined, 'Yarn create'],
      // (A number given is the document's: kept, the words after it a title.)
      [undefined, '0012 Bulk export'],
      [undefined, 'Serve pipeline'],
      [undefined, 'Shuffle'],
    ]);
  });
});

describe('the name shown for a title that says there is none', () => {
  it('`N/A`, `none`, `TBD` in the field the template titles by: the file’s name is shown; a real name is kept', async () => {
    const { displayTitle } = await import('../../src/catalog/view.js');
    const views = ['N/A', '`none`', 'TBD', 'Not applicable', 'retry_budget', 'Nano cache', 'event_loop-refactor', 'time-monotonic'].map((text, i) => ({
      slug: `010${i}-page-${i}`,
      title: { text, from: 'front-matter' as const, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
    }));
    // (An identifier of words joined by underscores, hyphens among them or not, is shown in words; a
    // slug of hyphens alone kept as the title is the author's.)
    expect(views.map((v) => displayTitle(v))).toEqual([
      '0100 Page 0',
      '0101 Page 1',
      '0102 Page 2',
      '0103 Page 3',
      'Retry budget',
      'Nano cache',
      'Event loop refactor',
      'time-monotonic',
    ]);
  });
  it('a title after the label the template’s title line keeps (`Feature Name: better-reflect`): the name, an identifier in words', async () => {
    const { displayTitle } = await import('../../src/catalog/view.js');
    const views = ['Feature Name: better-reflect', 'Feature Name: `retry_budget`', 'Title: Nano cache', 'Feature Name: N/A', 'Naming: the hard part'].map((text, i) => ({
      slug: `010${i}-page-${i}`,
      title: { text, from: 'heading' as const, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
    }));
    expect(views.map((v) => displayTitle(v))).toEqual(['Better reflect', 'Retry budget', 'Nano cache', '0103 Page 3', 'Naming: the hard part']);
  });
  it('an identifier of hyphens alone read from a field of the header (`- Feature Name: nuke-return-this`): in words, as one of underscores is; kept as a front matter title, the author’s', async () => {
    const { displayTitle } = await import('../../src/catalog/view.js');
    const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    expect(displayTitle({ slug: '0031-nuke', title: { text: 'nuke-return-this', from: 'paragraph', range } })).toBe('Nuke return this');
    expect(displayTitle({ slug: '0032-mono', title: { text: 'time-monotonic', from: 'front-matter', range } })).toBe('time-monotonic');
  });
  it('a heading that is the summary’s and the name together (`## Summary - Serve Pipeline`): the name', async () => {
    const { displayTitle } = await import('../../src/catalog/view.js');
    const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    const views = ['Summary - Kiln Pipeline', 'Abstract: Glaze store', 'Summary of kiln work', 'Summary'].map((text, i) => ({
      slug: `p-${i}`,
      title: { text, from: 'heading' as const, range },
    }));
    expect(views.map((v) => displayTitle(v))).toEqual(['Kiln Pipeline', 'Glaze store', 'Summary of kiln work', 'Summary']);
  });
  it('a file’s name with spaces around its dashes (`#888 - Queue Api`) is shown with one space between words', async () => {
    const { displayTitle } = await import('../../src/catalog/view.js');
    expect(displayTitle({ slug: '#888 - Queue Api' })).toBe('#888 Queue Api');
    expect(displayTitle({ slug: 'kiln--vents_  lid' })).toBe('Kiln vents lid');
  });
});

describe('title and summary: documents titled by their number', () => {
  it('the number and the name right under it together; a line of tags in code is no summary', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/ksp.md': '# [Pattern Title]\n\n## [Section] (optional)\n\n<!-- Each writes its own. -->\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/ksp.md', patterns: ['*.md'] }),
        'ksp-01.md':
          'KSP-01\n======\n\nBasic kettle handshake\n----------------------\n\n`draft` `mandatory` `optional` `relay`\n\nThis spec says how a kettle announces itself to a controller.\n\n## Errors\n\nIgnored.\n',
        'ksp-02.md': 'KSP-02\n======\n\nSome text first.\n\nWater levels\n------------\n\nThe kettle reports its water level every minute.\n',
        // (A number in hexadecimal, as a catalog that ran out of decimal ones writes it.)
        'ksp-5b.md': 'KSP-5B\n======\n\nSteam alarms\n------------\n\nThe kettle whistles when the water boils.\n',
      }),
    );
    expect(catalog.patterns.map((p) => [p.title?.text, p.summary?.text])).toEqual([
      ['KSP-01: Basic kettle handshake', 'This spec says how a kettle announces itself to a controller.'],
      ['KSP-02', 'The kettle reports its water level every minute.'],
      ['KSP-5B: Steam alarms', 'The kettle whistles when the water boils.'],
    ]);
  });
});

describe('summary: the first paragraph of prose', () => {
  it('is never a line of authors, however many', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/sip.md': '# [Title]\n\n## Motivation\n\nWhy.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/sip.md', patterns: ['*.md'] }),
        'sip-14.md':
          '# Futures\n\n**By: Ada Lovelace, Bo Diddley, Cy Twombly, Dee Snider, Eve Arden and Flo Jo**\n\nFutures let a program wait for a result without blocking a thread.\n\n## Motivation\n\nThreads are dear.\n',
      }),
    );
    expect(catalog.patterns[0]!.summary?.text).toBe('Futures let a program wait for a result without blocking a thread.');
  });

  it('is never a byline set on one line, names or handles, in italics or not; a MyST role is its code, not `{role}` text', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/jep.md': '# [Title]\n\n## Motivation\n\nWhy.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/jep.md', patterns: ['*.md'] }),
        'a-futures.md': '# Futures\n\n*Ada Lovelace, Bo Diddley*\n\n*May 2023*\n\nFutures let a program wait without blocking.\n\n## Motivation\n\nThreads are dear.\n',
        'b-pools.md': '# Pools\n\n*ada@, bo@, cy@*\n\nPools keep {mod}`threading` workers warm.\n\n## Motivation\n\nStarting is slow.\n',
        'c-queues.md': '# Queues\n\n*Ada Lovelace*\n\nQueues hand work over.\n\n## Motivation\n\nOrder.\n',
      }),
    );
    expect(catalog.patterns.map((p) => p.summary?.text)).toEqual([
      'Futures let a program wait without blocking.',
      'Pools keep threading workers warm.',
      'Queues hand work over.',
    ]);
  });

  it('is never an image alone, whatever its alt text says (linked, or raw HTML)', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/flow.md': '# [Title]\n\n## Description\n\nWhat.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/flow.md', patterns: ['*.md'] }),
        'queue-fanout.md':
          '# Queue fan-out\n\n[![A topic sends each order to three queues that feed the billing, stock and mail workers](fanout.png)](fanout.png)\n\n<img src="legend.png" alt="The legend explains the colours of every box in the diagram">\n\nOne topic copies each order to a queue per worker.\n\n## Description\n\nHow.\n',
        'fanout.png': 'png',
        'legend.png': 'png',
      }),
    );
    expect(catalog.patterns[0]!.summary?.text).toBe('One topic copies each order to a queue per worker.');
  });
});

describe('summary: notices set above a proposal', () => {
  const TEMPLATE = '# [Title]\n\n## Details\n\nText.\n';
  const load = async (patterns: Record<string, string>) =>
    loadCatalog(
      await tempCatalog({ 'templates/p.md': TEMPLATE, 'patternbook.config.json': JSON.stringify({ template: 'templates/p.md', patterns: ['*.md'] }), ...patterns }),
    );

  it('are passed over, wholly emphasised or not: where to discuss it, its draft status, who wrote it', async () => {
    const catalog = await load({
      'a-ferry.md':
        '# Ferry\n\n*Comment on this proposal in the forum thread: https://example.org/t/9*\n\nFerries carry cars across the bay twice an hour.\n\n## Details\n\nText.\n',
      'b-kites.md':
        '# Kites\n\nJoin the [discussion](https://example.org/d/4) here.\n\n_This is a draft proposal, not the final specification._\n\nKites lift a light line over the river before the bridge cable.\n\n## Details\n\nText.\n',
      'c-locks.md':
        '# Locks\n\n> This proposal was written by Ada and Bo, on behalf of the canal team.\n\nLocks raise boats between two water levels.\n\n## Details\n\nText.\n',
      'd-tolls.md':
        '# Tolls\n\nThis is a proposal, not the final specification: details may change.\n\n## Details\n\nTolls pay for the upkeep of the road they are taken on.\n',
      'e-piers.md': '# Piers\n\nThis draft proposal describes how piers are numbered along the quay.\n\n## Details\n\nText.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.summary?.text, p.summary?.from])).toEqual([
      ['a-ferry', 'Ferries carry cars across the bay twice an hour.', 'paragraph'],
      ['b-kites', 'Kites lift a light line over the river before the bridge cable.', 'paragraph'],
      ['c-locks', 'Locks raise boats between two water levels.', 'paragraph'],
      ['d-tolls', 'Tolls pay for the upkeep of the road they are taken on.', 'paragraph'],
      // (A proposal that says what it describes is no notice, though it calls itself a draft.)
      ['e-piers', 'This draft proposal describes how piers are numbered along the quay.', 'paragraph'],
    ]);
  });

  it('a wholly emphasised line is still the summary where nothing else is written above the first section', async () => {
    const catalog = await load({ 'quay.md': '# Quay\n\n*A quay is a wall boats tie up against to load.*\n\n## Details\n\nIt has bollards every ten metres.\n' });
    expect(catalog.patterns[0]!.summary?.text).toBe('A quay is a wall boats tie up against to load.');
  });

  it('two proposals that share a notice are no near-copies: the summaries compared are their own', async () => {
    const notice = '*Comment on this proposal in the forum thread: https://example.org/t/1*';
    const root = await tempCatalog({
      'templates/p.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/p.md', patterns: ['*.md'] }),
      'lists.md': `# Lists\n\n${notice}\n\nLists let people group accounts and share the group with others.\n\n## Details\n\nText.\n`,
      'tags.md': `# Tags\n\n${notice.replace('/1', '/2')}\n\nTags add a searchable word to a post without changing its text.\n\n## Details\n\nText.\n`,
    });
    const report = await lint({ root, only: ['duplicate-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.message))).toEqual([]);
  });
});

describe('summary: front matter `excerpt`, as Jekyll and Hyde keep it', () => {
  it('is read where `description` and `summary` are: with no place in the template, and as the place the template keeps it', async () => {
    const none = await catalogOf(NO_SUMMARY, {
      harbour: '---\nexcerpt: Boats wait in a harbour out of the swell.\n---\n\n# Harbour\n\n## Context\n\nWaves break on the wall.\n',
    });
    expect(read(none)).toEqual([['harbour', 'Harbour', 'heading', 'Boats wait in a harbour out of the swell.', 'front-matter']]);
    const kept = await catalogOf('---\ntitle: <name>\nexcerpt: <a line on it>\n---\n\n## Context\n\n<the situation>\n', {
      jetty: '---\ntitle: Jetty\nexcerpt: A jetty reaches past the shallows.\n---\n\n## Context\n\nThe beach is flat.\n',
    });
    expect(kept.template.summary).toMatchObject({ from: 'front-matter', key: 'excerpt', sample: '<a line on it>' });
    expect(read(kept)).toEqual([['jetty', 'Jetty', 'front-matter', 'A jetty reaches past the shallows.', 'front-matter']]);
  });
});

describe('title and summary: a Hyde `{%hyde … %}` metadata block', () => {
  it('is the front matter of the patterns and of the template: its `title` and `excerpt` are read, its notes in the template left out of the samples', async () => {
    const template =
      '{%hyde _blocks begin with this_\n\ntitle: Title of the pattern  _lower case keys_\n\nexcerpt: A line or two on the pattern.\n\ncategories:\n  - sea\n_tags that classify it_\n\nstatus: draft _stub or draft_ \n\n%} _end the block with this_\n\n## Context\n\n<!-- The situation. -->\n';
    const catalog = await catalogOf(template, {
      'tide-table':
        '    {%hyde\n\n    title: "Tide Table"\n    excerpt: "When the water is high, boats leave."\n    categories:\n        - sea\n\n    %}\n\n## Context\n\nThe harbour dries out.\n',
    });
    expect(read(catalog)).toEqual([['tide-table', 'Tide Table', 'front-matter', 'When the water is high, boats leave.', 'front-matter']]);
    expect(catalog.template.title).toMatchObject({ from: 'front-matter', key: 'title', sample: 'Title of the pattern' });
    expect(catalog.template.summary).toMatchObject({ from: 'front-matter', key: 'excerpt', sample: 'A line or two on the pattern.' });
    expect(catalog.template.frontMatter).toMatchObject({ status: 'draft' });
    const report = await lint({ root: catalog.root });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`))).toEqual([]);
  });
});

describe('summary: a `> TL;DR:` blockquote before the first section', () => {
  it('is the summary where the template keeps it elsewhere: under the title written as a heading, past a list of fields; a bare link is never one', async () => {
    const template = '---\ntitle: "[Pattern Title]"\n---\n\n## Summary (optional)\n\n[Summary of the pattern]\n\n## Why\n\n[Why]\n';
    const root = await tempCatalog({
      'templates/p.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/p.md', patterns: ['*.md'] }),
      '202301-ferry-timetable.md':
        '---\ntitle: Ferry timetable\n---\n\n## Ferry timetable\n\n* **Tickets:**\n  * https://example.org/issues/7\n\n> TL;DR: We publish one timetable for every pier.\n\n## Glossary\n\n**pier**: Where a ferry stops to load.\n\n## Why\n\nTimetables disagree.\n',
      '202302-lock-keeper.md': '## Add a lock keeper\n\n* **Owners:**\n  * `@ada`\n\n> Summary: A keeper opens the lock on request.\n\n## Why\n\nBoats queue at night.\n',
      '202303-tolls.md':
        '---\ntitle: Canal tolls\n---\n\n## Related tickets\n\nhttps://example.org/issues/9\n\n## Why\n\nTolls pay for dredging the canal every spring.\n',
    });
    const catalog = await loadCatalog(root);
    expect(catalog.patterns.map((p) => [p.slug, p.summary?.text, p.summary?.from])).toEqual([
      ['202301-ferry-timetable', 'TL;DR: We publish one timetable for every pier.', 'blockquote'],
      ['202302-lock-keeper', 'Summary: A keeper opens the lock on request.', 'blockquote'],
      ['202303-tolls', 'Tolls pay for dredging the canal every spring.', 'paragraph'],
    ]);
  });
});

describe('title: from the fields of a header list', () => {
  it('reads the list with a field marked as one to leave out (`+Version:`)', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/kap.md': '* KAP: <number>\n* Title: <title>\n* +Version: <version>\n* Status: Draft\n\n# Abstract\n\nWhat.\n\n# Specification\n\nHow.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/kap.md', patterns: ['kap*.md'] }),
        'kap16.md':
          '* KAP: 16\n* Title: Snapshot trees for kites\n* +Version: 1.0.0\n* Status: Draft\n\n# Abstract\n\nTrees of snapshots.\n\n# Specification\n\nA tree.\n',
      }),
    );
    expect(catalog.patterns.map((p) => p.title?.text)).toEqual(['Snapshot trees for kites']);
  });
});

describe('title: from the metadata file beside a pattern without an H1', () => {
  it('is its `title`, where the file has no front matter of its own', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/pattern.md': '# [Title]\n\n## Summary\n\nWhat.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', metadataFile: 'meta.yaml' }),
        'cold-frame/README.md': '<!-- contents -->\n\n## Summary\n\nA glass box that keeps seedlings warm in March.\n',
        'cold-frame/meta.yaml': 'title: Cold frame\nstatus: tried\n',
      }),
    );
    expect(read(catalog)).toEqual([['cold-frame', 'Cold frame', 'front-matter', 'A glass box that keeps seedlings warm in March.', 'section']]);
  });
});

describe('summary: from a section of its own', () => {
  it('is not a notice’s label alone (`**NOTE**`), nor a list of fields above the text', async () => {
    const catalog = await catalogOf('# [Title]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n', {
      kiln: '# Kiln\n\n## Summary\n\n**NOTE**\n\nThis proposal was withdrawn: the kiln was never built.\n\n## Design\n\nBricks.\n',
      glaze:
        '# Glaze\n\n## Summary\n\n- Proposal PR: https://example.org/pr/4\n- Tracking Issue: https://example.org/issues/9\n\nGlaze every pot twice.\n\n## Design\n\nDip.\n',
      // (Nor a bold label that heads the text, a heading in all but name.)
      lid: '# Lid\n\n## Summary\n\n**The Problem**\n\nSteam escapes around the rim.\n\n**The Fix**\n\nA rubber seal.\n\n## Design\n\nRings.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.summary?.text])).toEqual([
      ['glaze', 'Glaze every pot twice.'],
      ['kiln', 'This proposal was withdrawn: the kiln was never built.'],
      ['lid', 'Steam escapes around the rim.'],
    ]);
  });
});

describe('title: from the fields of a header block', () => {
  it('reads a `<pre>` header block as it reads a code block of fields; its title names a document whose first H1, of other words, opens a run of H1 sections', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/spec.md': '<pre>\n  spec: [number]\n  title: [a few words]\n</pre>\n\n# [Title]\n\n## Abstract\n\nWhat.\n\n## Specification\n\nHow.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/spec.md', patterns: ['specs/*.md'] }),
        'specs/s-1.md': '<pre>\n  spec: 1\n  title: Widget Cache\n</pre>\n\n# Widget Cache\n\n## Abstract\n\nCached.\n\n## Specification\n\nLRU.\n',
        'specs/s-2.md': '<pre>\n  spec: 2\n  title: Short Gadget Identifiers\n</pre>\n\n## Abstract\n\nShort.\n\n## Specification\n\nSix letters.\n',
        'specs/s-3.md':
          '<pre>\n  spec: 3\n  title: Sprocket Feed\n</pre>\n\n# Getting started\n\nRead the how-to.\n\n# Abstract\n\nA feed.\n\n# Specification\n\nLines.\n',
      }),
    );
    expect(catalog.patterns.map((p) => p.title?.text)).toEqual(['Widget Cache', 'Short Gadget Identifiers', 'Sprocket Feed']);
    // (--fix moves no heading under `# Getting started`: it is none of the title.)
    const report = await lint({ root: catalog.root, only: ['heading-level'] });
    expect(report.results.find((r) => r.path === 'specs/s-3.md')!.diagnostics.map((d) => [d.severity, d.fix])).toEqual([['warning', undefined]]);
  });

  it('a template with no H1 whose first heading, an underlined `##` below notes for the author, holds the title’s placeholder (`Practice: *NN*`): each pattern’s first `##` is its title', async () => {
    const template = '---\nScope: TODO\n---\n\n<!-- Keep it under 1000 words. -->\n\nPractice: *NN*\n--------------\n\n### Context\n\nTODO\n\n### Steps\n\nTODO\n';
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/practice.md': template,
        'patternbook.config.json': JSON.stringify({ template: 'templates/practice.md', patterns: ['practices/*.md'] }),
        'practices/pairing.md':
          '---\nScope: teams\n---\n\nPractice: *Pair Rotation*\n-------------------------\n\n### Context\n\nTwo people, one desk.\n\n### Steps\n\nSwap daily.\n',
      }),
    );
    expect(catalog.patterns.map((p) => p.title?.text)).toEqual(['Practice: Pair Rotation']);
    const report = await lint({ root: catalog.root, only: ['required-section', 'unknown-section'] });
    expect(report.results.flatMap((r) => r.diagnostics)).toEqual([]);
  });

  it('reads the header of a document written wholly as plain text, one indented block: its lines up to the first blank one', async () => {
    const plain = (n: number, title: string) =>
      `    KIP: ${n}\n    Title: ${title}\n    Status: Final\n    Post-History:\n\n    Abstract\n\n        Status: not a field here; the text.\n`;
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/kip.md': '```\nKIP: 0\nTitle: <title>\nStatus: Draft\n```\n\n# KIP 0: <title>\n\n## Abstract\n\nWhat.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/kip.md', patterns: ['kips/*.md'] }),
        'kips/kip-0002.md': plain(2, 'Plain text kettle notes'),
        // (A code block of fields alone, no text after it, reads as before; one not first in the file holds no header.)
        'kips/kip-0003.md': '```\nKIP: 3\nTitle: Kettle descaling\nStatus: Draft\n```\n\n## Abstract\n\nScale.\n',
        'kips/kip-0004.md': 'Intro words.\n\n    Title: Not a header\n    Status: Draft\n\n    More text.\n\n## Abstract\n\nNone.\n',
      }),
    );
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text, p.fields?.status])).toEqual([
      ['kip-0002', 'Plain text kettle notes', 'Final'],
      ['kip-0003', 'Kettle descaling', 'Draft'],
      ['kip-0004', undefined, undefined],
    ]);
  });

  it('keeps an underscore inside a word, passes over a line of the block that is no field, and reads a field named for the name', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/bsp.md': '## Preamble\n\n```\nBSP: 0000\nTitle: <title>\nStatus: Draft\n```\n\n## Abstract\n\nWhat.\n',
        'patternbook.config.json': JSON.stringify({ template: 'templates/bsp.md', patterns: ['props/*.md'] }),
        'props/bsp-0001.md': '## Preamble\n\n```\nBSP: 0001\nTitle: Lock bikes with DOCK_ONLY mode\nStatus: Final\n```\n\n## Abstract\n\nDocks only.\n',
        'props/bsp-0002.md':
          '## Preamble\n\n```\nBSP: 0002\nTitle: Rental receipts by mail\nAuthor: Milo Gear\nVersion 1.2.0\nStatus: Draft\n```\n\n## Abstract\n\nReceipts.\n',
        'props/bsp-0003.md': '- Proposal Name: Helmet lending\n- Start Date: 2020-04-01\n\n## Abstract\n\nHelmets.\n',
      }),
    );
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['bsp-0001', 'Lock bikes with DOCK_ONLY mode'],
      ['bsp-0002', 'Rental receipts by mail'],
      ['bsp-0003', 'Helmet lending'],
    ]);
    expect(catalog.patterns[1]!.fields?.status).toBe('Draft');
  });
});

describe('title: a first `##` over the people behind a document', () => {
  it('is a section, never the title written a level down', async () => {
    const catalog = await catalogOf('# [Title]\n\n## Summary\n\nIn brief.\n\n## Motivation\n\nWhy.\n', {
      lending: '## Requested by\n\n- Ines (tool shed)\n\n## Summary\n\nLend tools by the day.\n\n## Motivation\n\nTools sit idle.\n',
      gateway: '## Tool lending desk\n\n## Summary\n\nLend tools by the day.\n\n## Motivation\n\nTools sit idle.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['gateway', 'Tool lending desk'],
      ['lending', undefined],
    ]);
  });
});

describe('title: written as a label of the header, not front matter', () => {
  it('is read from a `**Title:**` line or a `## **Title:** …` heading (the site titles the page with it), not from the file name', async () => {
    const catalog = await catalogOf('---\ntitle: Short name of the idea\nstatus: Draft\n---\n\n## Abstract\n\n## Specification\n', {
      'n-7':
        '**num**: 7 (provisional)\n**Title:** Shared garden tools\n**Author:** @someone\nStatus: Draft\n\n---\n\n## Abstract\n\nNeighbours share tools.\n\n## Specification\n\nA shed.\n',
      'n-8':
        '---\n\n## **num:** N-\n\n## **Title:** Quiet hours for the workshop\n\n## **status:** Draft\n\n## **Abstract**\n\nNo power tools after nine.\n\n## **Specification**\n\nA sign.\n',
      // (A `Title:` line in a sentence's paragraph is no header: plain, it is a label only among labels.)
      prose: 'Title: a word we use loosely here, for the names on the shelves and the bins.\n\n## Abstract\n\nShelves.\n\n## Specification\n\nBins.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text, p.title?.range.start.line])).toEqual([
      ['n-7', 'Shared garden tools', 2],
      ['n-8', 'Quiet hours for the workshop', 5],
      ['prose', undefined, undefined],
    ]);
  });

  it('is read from the first line written as plain text, where the template opens with a title heading (the site titles the page with it)', async () => {
    const fields = '| Field | Value |\n| --- | --- |\n| Author | someone |\n\n## Abstract\n\nTools.\n';
    const catalog = await catalogOf('# [Pattern Title]\n\n## Abstract\n\nWhat it is.\n', {
      plain: `Shared garden tools design\n\n${fields}`,
      label: `标题：共享园艺工具\n${fields}`,
      // (A first line that is a sentence or a note, a badge: no name.)
      sentence: `We lend tools to neighbours.\n\n${fields}`,
      note: `*Work in progress*\n\n${fields}`,
      badge: `[![build](https://ci.example.org/b.svg)](https://ci.example.org)\n\n${fields}`,
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['badge', undefined],
      ['label', '共享园艺工具'],
      ['note', undefined],
      ['plain', 'Shared garden tools design'],
      ['sentence', undefined],
    ]);
  });
});

describe('summary: a lead sentence that introduces a list', () => {
  const template = '# Title\n\n## Summary\n\nWhat this is about.\n\n## Details\n\nHow it works.\n';
  it('a few words without a colon that run into the list on the next line (`Deprecates` over its items) are the sentence’s start: folded with it', async () => {
    const catalog = await catalogOf(template, {
      runs: '# Retire old layouts\n\n## Summary\n\nDeprecates\n- the classic folder layout\n- the pods folder layout\n\n## Details\n\nA codemod.\n',
      // (Not a short paragraph set apart from the list by a blank line, a sentence of its own.)
      apart: '# Retire old layouts\n\n## Summary\n\nA cleanup of old layouts\n\n- the classic folder layout\n- the pods folder layout\n\n## Details\n\nA codemod.\n',
    });
    expect(read(catalog).map(([slug, , , summary]) => [slug, summary])).toEqual([
      ['apart', 'A cleanup of old layouts'],
      ['runs', 'Deprecates the classic folder layout; the pods folder layout.'],
    ]);
  });

  it('a sentence broken off on a word no sentence ends with (`This note proposes to`, `… in order to`), a blank line or a line break before its list: folded with it', async () => {
    const catalog = await catalogOf(template, {
      blank:
        '# Shorter names\n\n## Summary\n\nThis note proposes to\n\n1. drop the prefix from every queue name, and\n2. keep the old names as aliases.\n\n## Details\n\nA rename.\n',
      // (Of any length where it is prose itself, ending on a word no sentence ends with.)
      long: '# Shared apply\n\nShared apply is a server feature whereby clients writing to a record that more than one client manages\ncan\n\n- declare which fields that client owns, and\n- decide what to do when another client wants another value.\n\nIt works by a patch request.\n\n## Details\n\nA field manager per client.\n',
      wrapped:
        '# A review process\n\n## Summary\n\nA shared review process for the team is proposed in order to\n- give every change a clear owner\n- make the reasons for a change easy to find\n\n## Details\n\nA checklist.\n',
    });
    expect(read(catalog).map(([slug, , , summary]) => [slug, summary])).toEqual([
      ['blank', 'This note proposes to drop the prefix from every queue name, and keep the old names as aliases.'],
      [
        'long',
        'Shared apply is a server feature whereby clients writing to a record that more than one client manages can declare which fields that client owns, and decide what to do when another client wants another value.',
      ],
      ['wrapped', 'A shared review process for the team is proposed in order to give every change a clear owner; make the reasons for a change easy to find.'],
    ]);
  });

  it('is the summary with the list folded in, never a lone item of the list', async () => {
    const catalog = await catalogOf(template, {
      groups:
        '# Two user groups\n\n## Summary\n\nThere are two kinds of users of the tool:\n\n* Builders - people who write new recipes.\n* Cooks - people who only follow recipes.\n\nCooks want a mode without the editor.\n\n## Details\n\nA flag.\n',
      // (Items that are fragments of the lead's sentence, with their own commas: joined as written.)
      currency:
        '# Multi currency\n\n## Summary\n\nThe addition of another stable asset requires:\n\n- the deployment of cEUR as a stable asset,\n- an extension of the stability mechanism,\n- additional oracles to be deployed.\n\nWe propose a second unit.\n\n## Details\n\nOracles.\n',
    });
    expect(read(catalog).map(([slug, , , summary]) => [slug, summary])).toEqual([
      [
        'currency',
        'The addition of another stable asset requires: the deployment of cEUR as a stable asset, an extension of the stability mechanism, additional oracles to be deployed.',
      ],
      ['groups', 'There are two kinds of users of the tool: Builders - people who write new recipes; Cooks - people who only follow recipes.'],
    ]);
  });

  it('with a long list: the lead with the items’ names, else the lead alone (shown cut back, see displaySummary)', async () => {
    const long = (name: string) => `${name} - ${'people who do a great many things with the tool every single day of the week '.repeat(2).trim()}.`;
    const catalog = await catalogOf(template, {
      named: `# Named\n\n## Summary\n\nThere are three kinds of users of the tool:\n\n* ${long('Builders')}\n* ${long('Cooks')}\n* ${long('Tasters')}\n\n## Details\n\nA flag.\n`,
      unnamed: `# Unnamed\n\n## Summary\n\nThe tool has grown. There are three kinds of users of it:\n\n* ${long('').slice(3)}\n* ${long('').slice(3)}\n\n## Details\n\nA flag.\n`,
    });
    expect(read(catalog).map(([slug, , , summary]) => [slug, summary])).toEqual([
      ['named', 'There are three kinds of users of the tool: Builders, Cooks, Tasters.'],
      ['unnamed', 'The tool has grown. There are three kinds of users of it:'],
    ]);
  });

  it('a byline under the title (`**Owner** [Ana](…) | [Ben](…)`, `Security reviewers: Ana, Ben`, names a line each) is who wrote it, never the summary', async () => {
    const template = '# [Your Feature]\n\n**Owner** [Jo Example](https://example.com/jo)\n\n_A short summary of the problem and the solution._\n\n## Design\n\nHow.\n';
    const catalog = await catalogOf(template, {
      'lazy-loading':
        '# Lazy plugin loading\n\n**Owner** [Ana Lima](https://example.com/ana) | [Ben Ode](https://example.com/ben)\n\nStart-up is slow because every plugin loads eagerly; load each on first use.\n\n## Design\n\nA proxy.\n',
      'quiet-mode':
        '# Quiet mode\n\nSecurity reviewers: Ana Lima, Ben Ode\nPrimary Authors: Cy Ray\n\nBuild logs drown the one warning that matters; print only warnings.\n\n## Design\n\nA flag.\n',
      'warm-lights':
        '# Warm lights\n\nCopyright &copy; 2024, Example Corp, version 1.0\n\nJane Roe  \nJohn de la Cruz (@jdlc)  \n\n## Design\n\nLights carry a colour temperature so that renderers agree.\n',
    });
    expect(catalog.patterns.map((p) => p.summary?.text)).toEqual([
      'Start-up is slow because every plugin loads eagerly; load each on first use.',
      'Build logs drown the one warning that matters; print only warnings.',
      'Lights carry a colour temperature so that renderers agree.',
    ]);
  });

  it('the `Description` of a table of fields under the title is the summary where nothing else is (never its placeholder)', async () => {
    const template = '| Number | <n> |\n| :--- | :--- |\n| Title | <short title> |\n| Description | <one sentence> |\n\n## Motivation\n\nWhy?\n';
    const catalog = await catalogOf(template, {
      'proposal-process':
        '| Number | 0001 |\n| :--- | :--- |\n| Title | The proposal process |\n| Description | How a proposal goes from idea to final. |\n\n## Motivation\n\n* [Video](#video)\n',
      'blank-one':
        '| Number | 0002 |\n| :--- | :--- |\n| Title | Blank |\n| Description | <one sentence> |\n\n## Motivation\n\nA paragraph of prose that says what it is.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.summary?.text])).toEqual([
      ['blank-one', 'A paragraph of prose that says what it is.'],
      ['proposal-process', 'How a proposal goes from idea to final.'],
    ]);
  });
});

describe('a label the template keeps over the field that names the pattern', () => {
  it('`# Meta` over `- Name: (fill in the feature name)`: the name is the title, the label no title (nor a missing one where a pattern writes it `## Meta`)', async () => {
    const template = '# Meta\n- Name: (fill in the feature name)\n- Start Date: (YYYY-MM-DD)\n\n## Summary\n\nIn brief.\n\n## Problem\n\nWhat hurts.\n';
    const doc = (name: string, label = '# Meta') => `${label}\n- Name: ${name}\n- Start Date: 2024-01-02\n\n## Summary\n\n${name} in brief.\n\n## Problem\n\nIt hurts.\n`;
    const catalog = await catalogOf(template, { 'green-sheds': doc('Paint every shed green'), 'tea-rota': doc('A rota for the tea', '## Meta') });
    expect(catalog.template.title).toMatchObject({ from: 'none', field: 'name', label: 'Meta' });
    expect(read(catalog).map((r) => `${r[0]}: ${r[1]}`)).toEqual(['green-sheds: Paint every shed green', 'tea-rota: A rota for the tea']);
    const found = await lint({ root: catalog.root, only: ['title'] });
    expect(found.results.flatMap((r) => r.diagnostics)).toEqual([]);
  });
});

describe('title: the field a template without a title line names the pattern in', () => {
  it('is the title over a first H1 of the author’s, and a tag before the name in it is no blank', async () => {
    const template = '- Feature Name: (fill me in with a unique ident)\n- Start Date: (YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n';
    const catalog = await catalogOf(template, {
      alpha: '- Feature Name: Alpha Feature\n- Start Date: 2024-01-01\n\n# Summary\n\nAlpha.\n\n# Design\n\nA.\n',
      beta: '- Feature Name: Beta Feature\n- Start Date: 2024-01-02\n\n# Glossary\n\n- B: a letter.\n\n# Summary\n\nBeta.\n\n# Design\n\nB.\n',
      gamma: '- Feature Name: [Draft] Gamma Feature\n- Start Date: 2024-01-03\n\n# Summary\n\nGamma.\n\n# Design\n\nG.\n',
      delta: '- Feature Name: (fill me in with a unique ident)\n- Start Date: 2024-01-04\n\n# Summary\n\nDelta.\n\n# Design\n\nD.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['alpha', 'Alpha Feature'],
      ['beta', 'Beta Feature'],
      ['delta', undefined],
      ['gamma', '[Draft] Gamma Feature'],
    ]);
  });
});

describe('summary: a quote of a word or two under the title', () => {
  it('is a stage set above the text (`> incubating`), no summary: the first paragraph is; a sentence quoted there still is one', async () => {
    const template = '# Idea title\n\n> early\n\n## Plan\n\nWhat to do.\n';
    const catalog = await catalogOf(template, {
      bikes: '# Bikes\n\n> early\n\nSet up a shared bikes area next to the school.\n\n## Plan\n\nRacks.\n',
      benches: '# Benches\n\n> done\n\nThree benches along the river path.\n\n## Plan\n\nWood.\n',
      quoted: '# Garden\n\n> A garden the whole street keeps.\n\nBeds and a tap.\n\n## Plan\n\nDig.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.summary?.text])).toEqual([
      ['benches', 'Three benches along the river path.'],
      ['bikes', 'Set up a shared bikes area next to the school.'],
      ['quoted', 'A garden the whole street keeps.'],
    ]);
  });
});

describe('title: a note written as an H1 above the title', () => {
  it('is no title: the H1 under it is (`# Kept for history only: …`, then `# Cache layer`)', async () => {
    const template = '# Title\n\n* Date: YYYY-MM-DD\n* Owner: Full Name\n\n## Summary\n\nIn brief.\n';
    const catalog = await catalogOf(template, {
      cache:
        '# Kept for history only: the ideas here were reworked elsewhere.\n\n# Cache layer for lookups\n\n* Date: 2020-04-01\n* Owner: Ada\n\n## Summary\n\nA cache.\n',
      retry: '# Retry budget\n\n* Date: 2021-01-01\n* Owner: Bo\n\n## Summary\n\nRetries.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['cache', 'Cache layer for lookups'],
      ['retry', 'Retry budget'],
    ]);
  });
});

describe('title: a field of an HTML table at the top', () => {
  it('names the pattern as the same field of a pipe table does (`<tr><td>Title</td><td>…</td></tr>`)', async () => {
    const template =
      '<table>\n<tr><td> Title </td><td> A short title </td></tr>\n<tr><td> Status </td><td> Draft </td></tr>\n</table>\n\n## Abstract\n\nA short description.\n';
    const catalog = await catalogOf(template, {
      // (A row's `</tr>` left out, as browsers allow.)
      rack: '<table>\n<tr><td> Title </td><td> Move the bike rack </td>\n<tr><td> Status </td><td> Accepted </td></tr>\n</table>\n\n## Abstract\n\nThe rack moves so the door opens.\n',
      lamp: '<table>\n<tr><td> Title </td><td> Dim the hall &amp; stair lamps </td></tr>\n<tr><td> Status </td><td> Draft </td></tr>\n</table>\n\n## Abstract\n\nLamps dim at night.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text, p.fields?.status])).toEqual([
      ['lamp', 'Dim the hall & stair lamps', 'Draft'],
      ['rack', 'Move the bike rack', 'Accepted'],
    ]);
  });
});

describe('title: an H1 that is only the label `# Title`', () => {
  it('holds the name on the line under it, as a `## Title` section does', async () => {
    const template = '---\nNumber: (PR number)\n---\n\n# Title (Required)\n\n## Abstract (Required)\n\nWhat.\n';
    const catalog = await catalogOf(template, {
      cold: '---\nNumber: 31\n---\n\n# Title\nCold storage for rarely read keys\n\n## Abstract\n\nKeys go cold.\n',
      warm: '---\nNumber: 32\n---\n\n# Warm cache on restart\n\n## Abstract\n\nKeys stay warm.\n',
    });
    expect(catalog.patterns.map((p) => [p.slug, p.title?.text])).toEqual([
      ['cold', 'Cold storage for rarely read keys'],
      ['warm', 'Warm cache on restart'],
    ]);
  });
});

describe('a notice every pattern carries under the title', () => {
  it('`> For orientation only. Not legal advice.` in the template is no summary’s place: kept by a pattern it is neither its summary, nor a sample left in; the first paragraph sums it up', async () => {
    const template =
      '---\ntitle: "Region: <name>"\n---\n\n> For orientation only. Not legal advice.\n\n## Overview\n\n- 3-5 sentences on the region.\n\n## Watch list\n\n- 2-4 open questions.\n';
    const region = (name: string) =>
      `---\ntitle: "Region: ${name}"\n---\n\n> For orientation only. Not legal advice.\n\n## Overview\n\n${name} licenses custodians of tokens.\n\n## Watch list\n\n- A bill on ${name}'s stablecoins.\n`;
    const catalog = await catalogOf(template, { eu: region('Europe'), jp: region('Japan') });
    expect(read(catalog)).toEqual([
      ['eu', 'Region: Europe', 'front-matter', 'Europe licenses custodians of tokens.', 'paragraph'],
      ['jp', 'Region: Japan', 'front-matter', 'Japan licenses custodians of tokens.', 'paragraph'],
    ]);
    const report = await lint({ root: catalog.root, only: ['summary', 'placeholder'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.message))).toEqual([]);
  });
});

describe('a line under the template’s title that every pattern keeps', () => {
  it('`A proposed garden rule.` under `# [Title]` is the kind of document, said of each alike: the first paragraph after it sums the pattern up', async () => {
    const template = '# [Title]\n\nA proposed garden rule.\n\n## Phase\n\n[Which phase]\n\n## Design\n\nHow.\n';
    const catalog = await catalogOf(template, {
      hose: '# Hose hours\n\nA proposed garden rule.\n\nHoses run before eight in the morning only.\n\n## Phase\n\nOne.\n\n## Design\n\nA timer.\n',
      shed: '# Shed keys\n\nA proposed garden rule.\n\n## Phase\n\nTwo.\n\n## Design\n\nA key box.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['hose', 'Hoses run before eight in the morning only.'],
      // (Nor is it the summary where nothing else is there to be one.)
      ['shed', undefined],
    ]);
  });
});

describe('summary: a section the template’s guidance calls the executive summary', () => {
  it('is where the summary is read, though no section is named for it', async () => {
    const template =
      '# [Title]\n\nA proposed garden rule.\n\n### Phase\n\n[Which phase]\n\n## Contents\n\n### Introduction\n\n[The executive summary: what the rule does, in a few sentences.]\n\n### Design\n\nHow.\n';
    const catalog = await catalogOf(template, {
      hose: '# Hose hours\n\nA proposed garden rule.\n\n### Phase\n\nPhase one.\n\n## Contents\n\n### Introduction\n\nHoses run before eight in the morning only.\n\n### Design\n\nA timer.\n',
    });
    expect(catalog.template.summary).toMatchObject({ from: 'section', section: 'Introduction' });
    expect(read(catalog).map((r) => [r[0], r[3], r[4]])).toEqual([['hose', 'Hoses run before eight in the morning only.', 'section']]);
  });
});

describe('a summary section kept as the template writes it', () => {
  it('paragraph after paragraph is no summary: the card sums the pattern up with its own first paragraph, and the summary rule says the sample is left', async () => {
    const template =
      '# [Name]\n\n## Summary\n\nThe Summary section feeds the release notes, so write it before any code.\n\nA good summary is probably a paragraph long.\n\n## Motivation\n\nWhy we need the design.\n';
    const catalog = await catalogOf(template, {
      boot: '# Boot mode\n\n## Summary\n\nThe Summary section feeds the release notes, so write it before any code.\n\nA good summary is probably a paragraph long.\n\n## Motivation\n\nA field on the host picks the boot mode.\n',
      raid: '# RAID\n\n## Summary\n\nHosts get RAID settings before they boot.\n\n## Motivation\n\nDisks fail.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['boot', 'A field on the host picks the boot mode.', 'paragraph'],
      ['raid', 'Hosts get RAID settings before they boot.', 'section'],
    ]);
    const report = await lint({ root: catalog.root, only: ['summary', 'placeholder'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId}`))).toEqual([
      'boot/README.md:5 summary',
      'boot/README.md:7 placeholder',
    ]);
  });
});

describe('the pattern a template is a copy of', () => {
  it('keeps its own text as its summary: the template’s example titled as it is (`# DiskFillingUp`) is that pattern’s text, not a blank', async () => {
    const template = '# DiskFillingUp\n\n## Meaning\n\nThe disk fills faster than it is cleaned.\n\n## Impact\n\nWrites fail.\n';
    const catalog = await catalogOf(template, {
      disk: '# DiskFillingUp\n\n## Meaning\n\nThe disk fills faster than it is cleaned.\n\n## Impact\n\nWrites fail.\n',
      inodes: '# InodesFillingUp\n\n## Meaning\n\nThe disk fills faster than it is cleaned.\n\nInodes run out before the space does.\n\n## Impact\n\nNew files fail.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['disk', 'The disk fills faster than it is cleaned.'],
      ['inodes', 'Inodes run out before the space does.'],
    ]);
  });
});

describe('a line of a document’s record under its title', () => {
  it('`*Done in ticket #42.*`, `> Shipped with release 3.1` say where it was carried out, not what it is: the first paragraph sums it up; an italic line of its own words still does', async () => {
    const template = '# {short title}\n\n## Context\n\n{Describe the problem.}\n\n## Decision\n\n{What was chosen.}\n';
    const adr = (note: string) => `# Cache pages\n\n${note}\n\n## Context\n\nPages load slowly at peak hours.\n\n## Decision\n\nA cache in front.\n`;
    const catalog = await catalogOf(template, {
      a: adr('*Done in ticket #42 (`feature/42-cache`).*'),
      b: adr('> Shipped with release 3.1'),
      c: adr('*A cache in front of the shop keeps pages fast.*'),
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['a', 'Pages load slowly at peak hours.'],
      ['b', 'Pages load slowly at peak hours.'],
      ['c', 'A cache in front of the shop keeps pages fast.'],
    ]);
  });
});

describe('a note among the fields under the title', () => {
  it('`- _Replaced by [RFC 0002](…)_` below `- Feature Name: …` hides no field: the title is still the feature name', async () => {
    const template = '- Feature Name: (a unique name, `like_this`)\n- Start Date: (today, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n';
    const catalog = await catalogOf(template, {
      guards:
        '- Feature Name: `pattern_guards`\n- Start Date: 2021-05-09\n- _Replaced by [RFC 0002](../arms/README.md)_\n\n# Summary\n\nPatterns carry an `if`.\n\n# Motivation\n\nFewer arms.\n',
      arms: '- Feature Name: `match_guards`\n- Start Date: 2021-06-01\n\n# Summary\n\nGuards move to arms.\n\n# Motivation\n\nClearer.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[1]])).toEqual([
      ['arms', 'match_guards'],
      ['guards', 'pattern_guards'],
    ]);
  });
});

describe('the credit line of a contents generator', () => {
  it('`Table of contents generated with markdown-toc` is no summary: the first paragraph of the text is', async () => {
    const template = '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow.\n';
    const catalog = await catalogOf(template, {
      cli: '# Mutate in the CLI\n\n- [Overview](#overview)\n- [Design](#design)\n\n<small><i><a href="http://ecotrust-canada.github.io/markdown-toc/">Table of contents generated with markdown-toc</a></i></small>\n\n## Overview\n\nThe CLI applies mutations offline.\n\n## Design\n\nA flag.\n',
    });
    expect(read(catalog).map((r) => r[3])).toEqual(['The CLI applies mutations offline.']);
  });
});

describe('summary: a sentence in a script written without spaces', () => {
  it('a short Chinese or Japanese sentence reads as prose (two characters a word), not passed over for the next paragraph in English; a two-character label is still none', async () => {
    const template = '# [Title]\n\n## 简介\n\nWhat it is.\n\n## 设计\n\nHow.\n';
    const catalog = await catalogOf(template, {
      zh: '# 缓存\n\n## 简介\n\n为读取频繁的数据加一层本地缓存。\n\n## 设计\n\nKept in memory for one minute.\n',
      ja: '# キャッシュ\n\n## 简介\n\n読み込みの多いデータを手元に保存する。\n\n## 设计\n\nKept in memory for one minute.\n',
      label: '# 标签\n\n## 简介\n\n缓存\n\n## 设计\n\nKept in memory for one minute.\n',
      field: '# 字段\n\n## 简介\n\n状态：已经被架构委员会接受\n\n## 设计\n\nKept in memory for one minute.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['field', 'Kept in memory for one minute.'],
      ['ja', '読み込みの多いデータを手元に保存する。'],
      ['label', 'Kept in memory for one minute.'],
      ['zh', '为读取频繁的数据加一层本地缓存。'],
    ]);
  });
});

describe('summary: a formula set on its own', () => {
  it('a `$$…$$` block is no prose: the paragraph after it is the summary', async () => {
    const template = '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow.\n';
    const catalog = await catalogOf(template, {
      lgamma:
        '# Log gamma\n\n## Overview\n\n$$\\text{lgamma}(x) = \\ln \\left| \\Gamma(x) \\right|$$\n\nThe log of the gamma function, kept finite for large inputs.\n\n## Design\n\nA series.\n',
    });
    expect(read(catalog).map((r) => r[3])).toEqual(['The log of the gamma function, kept finite for large inputs.']);
  });
});

describe('summary: a notice that the document is no longer in use', () => {
  it('`This alert has been deprecated; …` is no summary (every stub of the kind has it): the text after it is, or none', async () => {
    const template = '# [Title]\n\n## Meaning\n\nWhat it is.\n\n## Impact\n\nWhat follows.\n';
    const catalog = await catalogOf(template, {
      'disk-full': '# Disk full [Deprecated]\n\nThis alert has been deprecated; it does not indicate a real issue. If it fires, silence it.\n',
      'queue-stuck':
        '# Queue stuck\n\nThis runbook was replaced by the new queue runbook last spring.\n\n## Meaning\n\nMessages wait longer than ten minutes.\n\n## Impact\n\nOrders are late.\n',
      'pool-low': '# Pool low\n\n## Meaning\n\nThis pool is now deprecated in favour of the shared one, and runs low at night.\n\n## Impact\n\nSlow builds.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['disk-full', undefined],
      ['pool-low', 'This pool is now deprecated in favour of the shared one, and runs low at night.'],
      ['queue-stuck', 'Messages wait longer than ten minutes.'],
    ]);
  });
});

describe('summary: the header’s fields under the title, their lines broken with a backslash', () => {
  it('are fields, no prose: the summary is the first paragraph of the text, and no value keeps the backslash', async () => {
    const template = '# Meta\n- Name: (the feature)\n- Start Date: (today)\n\n# Overview\n\nWhat it is.\n';
    const catalog = await catalogOf(
      template,
      {
        'seed-swap': `# Seed swap shelf\n\nName: Seed swap shelf \\\nStart Date: 2024-03-01 \\\nAuthors: [Ada](https://example.org/ada), [Ben](https://example.org/ben), [Cy](https://example.org/cy)\\\nSupersedes: N/A\n\n## Overview\n\nA shelf by the gate where neighbours leave and take seeds.\n`,
      },
      { title: { from: 'heading', recommended: true } },
    );
    expect(read(catalog)).toEqual([['seed-swap', 'Seed swap shelf', 'heading', 'A shelf by the gate where neighbours leave and take seeds.', 'paragraph']]);
    expect(catalog.patterns[0]!.fields).toMatchObject({ 'start date': '2024-03-01', supersedes: 'N/A' });
  });
});

describe('summary: a paragraph that holds a marked blank of the template', () => {
  it('`This pattern << explain usage >>` left under the template’s own title line is no summary: the first paragraph of the author’s own is', async () => {
    const template =
      '# Queue to Function\n\nThis pattern << explain usage >>\n\nLearn more at: << Add the live URL here >>\n\n## How it works\n\nExplain how it works.\n\n## Cleanup\n\nDelete the stack.\n';
    const catalog = await catalogOf(template, {
      'sqs-lambda':
        '# Queue to Function\n\nThis pattern << explain usage >>\n\n## How it works\n\nA queue hands each message to a function, which stores it.\n\n## Cleanup\n\nDelete the stack.\n',
      'sns-lambda':
        '# Topic to Function\n\nThis pattern fans a topic out to a function.\n\n## How it works\n\nThe topic calls the function.\n\n## Cleanup\n\nDelete the stack.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['sns-lambda', 'This pattern fans a topic out to a function.'],
      ['sqs-lambda', 'A queue hands each message to a function, which stores it.'],
    ]);
  });
});

describe('summary: a line of the template filled in and run on in the summary’s paragraph', () => {
  const template =
    '# Bucket to Queue\n\nThis pattern << explain usage >>\n\nRead more about this recipe on the Garden Shelf: << Add the live URL here >>\n\nMind: running this recipe costs money after the free tier. You pay what it costs.\n\n## How it works\n\nExplain how it works.\n';
  it('ends the summary before the line (a sentence, a line break, or a capital after a space) and skips a paragraph that is the line alone or a piece of the note', async () => {
    const catalog = await catalogOf(template, {
      'a-sentence':
        '# Bucket to Stream\n\nThis recipe sends each new file to a queue. Read more about this recipe on the Garden Shelf: https://shelf.example/a\n\n## How it works\n\nA hook.\n',
      'b-line': '# Bucket to Topic\n\nThis recipe tells a topic of each new file\nRead more about this recipe at https://shelf.example/b\n\n## How it works\n\nA hook.\n',
      'c-alone':
        '# Bucket to Log\n\nRead more about this recipe on the shelf: https://shelf.example/c\n\nYou pay what it costs.\n\nThis recipe writes each new file’s name to a log.\n\n## How it works\n\nA hook.\n',
      'd-own': '# Bucket to Mail\n\nThis recipe mails you a note. Read more about this recipe later, in the how-to.\n\n## How it works\n\nA hook.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['a-sentence', 'This recipe sends each new file to a queue.'],
      ['b-line', 'This recipe tells a topic of each new file'],
      ['c-alone', 'This recipe writes each new file’s name to a log.'],
      // (Five words of the line, `read more about this recipe`, are the author's own sentence here too: cut as well.)
      ['d-own', 'This recipe mails you a note.'],
    ]);
  });
});

describe('title: a first H1 that names a part of the document', () => {
  const template = '# [Name]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n';
  it('a part set above the document whose front matter title a later H1 repeats (`# Withdrawal of this proposal` over `# Kiln vents`): the later one names it', async () => {
    const catalog = await catalogOf(template, {
      vents:
        '---\ntitle: Kiln vents\nstatus: withdrawn\n---\n\n# Withdrawal of this proposal\n\nNo longer wanted.\n\n## Relevant links\n\nThe thread.\n\n# Kiln vents\n\n## Summary\n\nTwo vents.\n\n## Design\n\nHoles.\n',
      // (A front matter title no heading repeats leaves the H1 the name.)
      lids: '---\ntitle: lids\n---\n\n# Kiln lids that seal\n\n## Summary\n\nA lid.\n\n## Design\n\nA gasket.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['lids', 'Kiln lids that seal', 'heading'],
      ['vents', 'Kiln vents', 'heading'],
    ]);
  });
  it('the first of numbered H1 parts (`# 1. Background` over `# 2. Description`) names nothing: the front matter’s title or the file’s name does', async () => {
    const catalog = await catalogOf(template, {
      shelves: '# 1. Background\n\nShelves sag.\n\n# 2. Description\n\nThicker shelves.\n',
      doors: '---\ntitle: Kiln doors\n---\n\n# 1. Background\n\nDoors leak heat.\n\n# 2. Description\n\nA seal.\n',
      // (One numbered H1 alone is a title that starts with a number.)
      cones: '# 1 cone to rule them\n\n## Summary\n\nOne cone.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[1]])).toEqual([
      ['cones', '1 cone to rule them'],
      ['doors', 'Kiln doors'],
      ['shelves', undefined],
    ]);
  });
});

describe('title: a stub whose one heading is an H2', () => {
  const template = '# [Name]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n';
  it('the H2 that opens the file, none after it at its level, names it; an H2 that names a part of a document does not', async () => {
    const catalog = await catalogOf(template, {
      stub: '\uFEFF## Unglazed kiln shelves\n\nA placeholder for the shelves design.\n',
      part: '## Summary\n\nShelves without glaze.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[1]])).toEqual([
      ['part', undefined],
      ['stub', 'Unglazed kiln shelves'],
    ]);
  });
});

describe('the title below a part set above the document', () => {
  const template = '# [Title]\n\n## Problem\n\nWhat hurts.\n\n## Proposal\n\nWhat to do.\n';
  it('`# Status` over a notice, then the H1 that names the document: that one', async () => {
    const catalog = await catalogOf(template, {
      paused:
        '# Status\n\n> This proposal is paused: see the newer one.\n\n---\n\n# RFC: Nullable Inputs\n\nA way to mark inputs.\n\n## Problem\n\nNulls.\n\n## Proposal\n\nA mark.\n',
    });
    expect(read(catalog)[0]!.slice(0, 3)).toEqual(['paused', 'RFC: Nullable Inputs', 'heading']);
  });
  it('`# RFC`, the kind of document alone, over the header fields, then the H1 that names it: that one (and the title rule says `# RFC` is the second title)', async () => {
    const catalog = await catalogOf(template, {
      clipboard:
        '# RFC\n\n- Start Date: 2024-03-02\n- Status: **Active**\n\n# Clipboard rework\n\n## Problem\n\nCopying images loses their colour profile.\n\n## Proposal\n\nKeep it.\n',
      // (A pattern named by a kind's word with more to it is named so.)
      design: '# Design review\n\n## Problem\n\nReviews come late.\n\n## Proposal\n\nEarlier.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 3))).toEqual([
      ['clipboard', 'Clipboard rework', 'heading'],
      ['design', 'Design review', 'heading'],
    ]);
    const report = await lint({ root: catalog.root, only: ['title'] });
    const title = report.results.find((r) => r.path.startsWith('clipboard'))!.diagnostics;
    expect(title.map((d) => [d.line, d.message])).toEqual([
      [
        1,
        "More than one title: `# RFC` stands above the title, `# Clipboard rework`, as an H1 too. Make it a `##` section. (It is none of the template's sections, and no markdownlint configuration of the catalog asks for one H1: a warning.)",
      ],
    ]);
  });
  it('an underlined `##` heading first, in words of a file named in camel case, under a note set above it', async () => {
    const catalog = await catalogOf(template, {
      InputUnion:
        'NOTE: this document is kept for history; another proposal won.\n\n---\n\nRFC: GraphQL Input Union\n----------\n\nA union of inputs.\n\n## Problem\n\nNo unions.\n\n## Proposal\n\nOne.\n',
      DeferStream:
        'RFC: Defer and Stream Directives\n-------\n\n*Working draft*\n\n# Introduction\n\nLatency hurts.\n\n## Splitting queries\n\nMore requests.\n\n# Design: stream the results\n\nStream.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 3))).toEqual([
      ['DeferStream', 'RFC: Defer and Stream Directives', 'heading'],
      ['InputUnion', 'RFC: GraphQL Input Union', 'heading'],
    ]);
  });
});

describe('the title in the front matter key the template repeats its title line in', () => {
  it('`feature: my_new_feature` over `# My New Feature`: a pattern whose H1 names a part (`# Background`) is named by that key; one with its own H1, by the H1', async () => {
    const template = '---\nfeature: my_new_feature\nauthors:\n  - "someone"\n---\n\n# My New Feature\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n';
    const catalog = await catalogOf(template, {
      blocks: '---\nfeature: Block Format V2\nauthors:\n  - "ada"\n---\n\n# Background\n\nBlocks grew.\n\n## Summary\n\nA new layout.\n\n## Design\n\nKeys first.\n',
      tiers: '---\nfeature: tiered_storage\n---\n\n# Tiered storage for kiln logs\n\n## Summary\n\nOld logs move.\n\n## Design\n\nTwo tiers.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 3))).toEqual([
      ['blocks', 'Block Format V2', 'front-matter'],
      ['tiers', 'Tiered storage for kiln logs', 'heading'],
    ]);
    // (Not a key of a state or a kind that happens to read as the title line: `type: proposal` over `# Proposal`.)
    const kinds = await catalogOf('---\ntype: proposal\n---\n\n# Proposal\n\n## Summary\n\nIn brief.\n', {
      glaze: '---\ntype: accepted\n---\n\n# Background\n\nGlazes.\n\n## Summary\n\nA store.\n',
    });
    expect(read(kinds)[0]![1]).not.toBe('accepted');
  });
});

describe('the summary passes over the record’s labels and their lists', () => {
  it('`Related Issues:` over links, `**Proposed by:**` over people, `Issues:` over one item: the paragraph after them', async () => {
    const template = '# [Title]\n\n## Problem\n\nWhat hurts.\n';
    const catalog = await catalogOf(template, {
      a: '# Lock files\n\nRelated Issues:\n* [Lock updates are slow](https://example.org/i/1)\n* [Lock all platforms](https://example.org/i/2)\n\nLocking providers works for most setups, but mirrors slow it down.\n\n## Problem\n\nSlow.\n',
      b: '# Feature discovery\n\n**Proposed by:**\n\n- [Ana Roe](https://example.org/ana) - Kiln Co\n- Ben Poe - Kiln Co\n\nThis proposal lets clients ask a server which features it has.\n\n## Problem\n\nGuessing.\n',
      c: '# Hash tracking\n\nIssues:\n- This is motivated by [the mirror work](https://example.org/i/3), but is more general.\n\nThe installer records checksums on first use and trusts them after.\n\n## Problem\n\nTrust.\n',
      d: '# Kiln modes\n\nThis proposal sets out to:\n\n- add a slow mode\n- add a fast mode\n\n## Problem\n\nOne speed.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['a', 'Locking providers works for most setups, but mirrors slow it down.'],
      ['b', 'This proposal lets clients ask a server which features it has.'],
      ['c', 'The installer records checksums on first use and trusts them after.'],
      // (A lead-in of the author's words over its points stays the summary, with them.)
      ['d', 'This proposal sets out to: add a slow mode; add a fast mode.'],
    ]);
  });
});

describe('a header of fields in a code block marked as plain text', () => {
  it('```text over `Title: …` lines under a `## Preamble`: the title', async () => {
    const catalog = await catalogOf('## Preamble\n\n```\nSEP: <number>\nTitle: <title>\nStatus: Draft\n```\n\n## Summary\n\nWhat.\n', {
      'sep-0008':
        '## Preamble\n\n```text\nSEP: 0008\nTitle: Regulated Assets\nAuthor: Ana Roe\nStatus: Active\nVersion 1.7.4\n```\n\n## Summary\n\nAssets an issuer approves per payment.\n',
    });
    expect(read(catalog)[0]!.slice(0, 2)).toEqual(['sep-0008', 'Regulated Assets']);
  });
});

describe('the title in a title section written as a heading under it', () => {
  it('`# Title` over `## Kiln snapshots` and nothing else: that heading; a line under `# Title` as before', async () => {
    const template = '# Title\n\nShort name of the talk\n\n# Abstract\n\nWhat the talk covers.\n';
    const catalog = await catalogOf(template, {
      snaps: '# Title\n\n## Kiln snapshots\n### Using the snapshot log\n\n# Abstract\n\nWe cover snapshots.\n',
      plain: '# Title\n\nZero downtime firing\n\n# Abstract\n\nWe cover firing.\n',
      // (A part of a document a level down is no name.)
      parts: '# Title\n\n## Summary\n\nKilns.\n\n# Abstract\n\nWe cover kilns.\n',
    });
    expect(read(catalog).map((r) => r.slice(0, 2))).toEqual([
      ['parts', undefined],
      ['plain', 'Zero downtime firing'],
      ['snaps', 'Kiln snapshots'],
    ]);
  });
});

describe("a Jekyll page that writes its title and abstract with the generator's markup", () => {
  it('`# {{ page.title }}` is the front matter `title` it shows, in a catalog whose template has an H1; the front matter `abstract` is the summary', async () => {
    const page = (title: string, abstract: string) =>
      `---\nlayout: default\ntitle: ${title}\npermalink: articles/${title.toLowerCase().replace(/ /g, '_')}.html\nabstract:\n  ${abstract}\n---\n\n# {{ page.title }}\n\n<div class="abstract" markdown="1">\n{{ page.abstract }}\n</div>\n\n## Background\n\nLast year the fleet doubled.\n`;
    const catalog = await catalogOf('# [Pattern Title]\n\n[A paragraph on the pattern.]\n\n## Background\n\n[Background]\n', {
      'fleet-clock': page('Fleet clock', 'This article proposes one clock for every robot of a fleet.'),
      'quiet-topics': page('Quiet topics', 'This article proposes topics that publish only on change.'),
    });
    expect(read(catalog)).toEqual([
      ['fleet-clock', 'Fleet clock', 'front-matter', 'This article proposes one clock for every robot of a fleet.', 'front-matter'],
      ['quiet-topics', 'Quiet topics', 'front-matter', 'This article proposes topics that publish only on change.', 'front-matter'],
    ]);
    // (Nor is that H1 a second title beside the front matter's: it shows that one.)
    const report = await lint({ root: catalog.root, only: ['title'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.message))).toEqual([]);
  });
});

describe('the first paragraph as the summary, past what is said of the document', () => {
  it("skips a `## Status of this Document` section's text (its sub-sections are the document's) and a note named for its kind (`> **Graduation note:** …`)", async () => {
    const catalog = await catalogOf('# [Pattern Title]\n\n## Introduction\n\n[Introduction]\n', {
      'tab-groups':
        '# Tab groups\n\n## Status of this Document\n\nThis document is a starting point for talks with the standards bodies; it stays here as an archive.\n\n## Introduction\n\nTab groups let a page name a set of tabs that open and close together.\n',
      'quiet-mode':
        '# Quiet mode\n\n> **Graduation note:** the proposal behind this decision lives in the proposals folder.\n\n## Introduction\n\nQuiet mode holds notifications while the user presents.\n',
      'undo-bar': "# Undo bar\n\n> Editor's note: an early idea, open to change.\n\nAn undo bar offers one step back after a destructive action.\n",
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['quiet-mode', 'Quiet mode holds notifications while the user presents.'],
      ['tab-groups', 'Tab groups let a page name a set of tabs that open and close together.'],
      ['undo-bar', 'An undo bar offers one step back after a destructive action.'],
    ]);
  });

  it('skips handles alone (`@ada-roe @ben`), a thanks or checklist section, and characters no one sees before the text; and the template’s own quote kept as it is', async () => {
    const catalog = await catalogOf('# [Pattern Title]\n\n> Every design needs sign-off from a maintainer.\n\n## Motivation\n\n[Why]\n', {
      'fair-share': '# Fair share\n\n@ada-roe @ben-doe Cy Lee\n\n## Motivation\n\nQueues share the cluster by weight.\n',
      'gpu-slices': '# GPU slices\n\n## Special Thanks\n\nThis would not exist without the lab team.\n\n## Motivation\n\nOne GPU serves several small jobs.\n',
      'batch-quota':
        '# Batch quota\n\n## Release Signoff Checklist\n\nItems marked with (R) are required before a release.\n\n## Motivation\n\nBatch jobs get a quota of their own.\n',
      'hot-reload': '# Hot reload\n\n\u200b\tThe scheduler reads its settings again when they change.\n',
      'oci-bundles': '# OCI bundles\n\n> Every design needs sign-off from a maintainer.\n\n## Motivation\n\nBundles travel as images.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['batch-quota', 'Batch jobs get a quota of their own.'],
      ['fair-share', 'Queues share the cluster by weight.'],
      ['gpu-slices', 'One GPU serves several small jobs.'],
      ['hot-reload', 'The scheduler reads its settings again when they change.'],
      ['oci-bundles', 'Bundles travel as images.'],
    ]);
  });
});

describe('summaries several patterns give alike', () => {
  const page = (name: string, description: string, first: string) =>
    `---\ntitle: ${name}\ndescription: ${description}\n---\n\n## Rule\n\n${first}\n\n## Why\n\nReasons.\n`;
  it('a front matter description, or a first line, three or more patterns copy word for word is the catalog’s, not a summary: each is read past it; two alike stay', async () => {
    const files: Record<string, string> = {
      'patternbook.config.json': JSON.stringify({ patterns: ['specs/*.md'] }),
      'specs/lamps.md': page('Lamps', 'A rule of the Lantern program', 'Lamps MUST be lit at dusk.'),
      'specs/wicks.md': page('Wicks', 'A rule of the Lantern program', 'Wicks SHOULD be trimmed weekly.'),
      'specs/oil.md': page('Oil', 'A rule of the Lantern program', 'See the program page for how rules are ranked.\n\nOil MAY be bought in bulk.'),
      'specs/glass.md': page('Glass', 'Cracked glass is replaced the same day', 'Glass MUST be clean.'),
      'specs/hooks.md': page('Hooks', 'Hooks hold the lamps', 'Hooks are steel.'),
      'specs/poles.md': page('Poles', 'Hooks hold the lamps', 'Poles are oak.'),
    };
    for (const name of ['a', 'b', 'c'])
      files[`specs/${name}.md`] = `---\ntitle: Note ${name}\n---\n\nSee the program page for how rules are ranked.\n\nNote ${name} says one thing.\n`;
    const catalog = await loadCatalog(await tempCatalog(files));
    const summaries = Object.fromEntries(catalog.patterns.map((p) => [p.slug, p.summary?.text]));
    expect(summaries).toEqual({
      lamps: 'Lamps MUST be lit at dusk.',
      wicks: 'Wicks SHOULD be trimmed weekly.',
      oil: 'Oil MAY be bought in bulk.',
      glass: 'Cracked glass is replaced the same day',
      hooks: 'Hooks hold the lamps',
      poles: 'Hooks hold the lamps',
      a: 'Note a says one thing.',
      b: 'Note b says one thing.',
      c: 'Note c says one thing.',
    });
  });
});

describe('a template whose H1 is a label over fields left empty, each a line of its own', () => {
  it('the name is read from the field that names the document, the summary from its short description', async () => {
    const template = '# Feature:\n\n**Feature name:**\n\n**Lead:**\n\n**Short description:**\n\n---\n\n## Preview\n\n- [ ] Off by default.\n';
    const doc =
      '# Feature:\n\n**Feature name:** Quiet Hours\n\n**Lead:** @dana\n\n**Short description:** Pagers stay silent at night unless a page is urgent.\n\n---\n\n## Preview\n\n- [x] Off by default.\n';
    const catalog = await loadCatalog(
      await tempCatalog({
        'templates/feature.md': template,
        'patternbook.config.json': JSON.stringify({ template: 'templates/feature.md', patterns: ['features/*.md'] }),
        'features/quiet_hours.md': doc,
      }),
    );
    const [p] = catalog.patterns;
    expect(p!.title?.text).toBe('Quiet Hours');
    expect(p!.summary?.text).toBe('Pagers stay silent at night unless a page is urgent.');
  });
});

describe('a summary that only says the title again', () => {
  it('a front matter description equal to the title, or to the title without its number, is read past: the first paragraph sums it up', async () => {
    const doc = (title: string, description: string) =>
      `---\ntitle: "${title}"\ndescription: "${description}"\n---\n\n# ${title}\n\n## Background\n\nThe bell rings every hour, day and night.\n`;
    const catalog = await loadCatalog(
      await tempCatalog({
        'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
        'docs/0001-quiet.md': doc('0001: Quiet bells', '0001: Quiet bells'),
        'docs/0002-night.md': doc('0002: Night bells', 'Night bells'),
        'docs/0003-muted.md': doc('0003: Muted bells', 'Bells stay muted after ten.'),
      }),
    );
    expect(catalog.patterns.map((p) => p.summary?.text)).toEqual([
      'The bell rings every hour, day and night.',
      'The bell rings every hour, day and night.',
      'Bells stay muted after ten.',
    ]);
  });
});

describe('a summary section that holds the document’s contents', () => {
  it('a list of links to its own headings is no summary: the section’s prose is, else the first prose of the document', async () => {
    const template = '# [Title]\n\n## Summary\n\nWhat the test is about.\n\n## How to Test\n\nSteps.\n';
    const catalog = await catalogOf(template, {
      methods:
        '# Methods\n\n## Summary\n\n- [Guides](#guides)\n- [Standards](#standards)\n\n## Guides\n\nThe guides cover web and mobile testing.\n\n## Standards\n\nSeven phases.\n',
      probes: '# Probes\n\n## Summary\n\n- [Guides](#guides)\n\nProbes check each field for template syntax.\n\n## Guides\n\nSee the guides.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['methods', 'The guides cover web and mobile testing.'],
      ['probes', 'Probes check each field for template syntax.'],
    ]);
  });
});

describe('summary: a quote under the title, a comment for the author between them', () => {
  it('the quote is the summary, as without the comment', async () => {
    const catalog = await loadCatalog(
      await tempCatalog({
        'patternbook.config.json': JSON.stringify({ patterns: ['*.md'] }),
        'crc-card.md':
          '# CRC Card\n\n<!-- Also known as: class card. -->\n\n> *A CRC card names a building block, what it does and whom it works with.*\n\n## Motivation\n\nDesign sessions need a shared vocabulary.\n',
      }),
    );
    expect(catalog.patterns[0]!.summary).toMatchObject({ from: 'blockquote', text: expect.stringContaining('A CRC card names a building block') });
  });
});

describe('summary: a sentence that ends in the code under it', () => {
  it('is read with the code’s line, in a summary section or under the title; a longer example is not the sentence’s end', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n';
    const catalog = await catalogOf(template, {
      // A summary section of two such sentences, each over its one-line block.
      narrowing:
        '# Narrow the Reader\n\n## Summary\n\nChange what the reader returns from:\n\n```\nfun next(): Bytes val\n```\n\nto a value it can hand over:\n\n```\nfun next(): Bytes iso^\n```\n\n## Motivation\n\nCallers copy every chunk today.\n',
      // No summary section: the first prose under the title, ending in its indented code.
      'short-lambdas': '# Short Lambdas\n\nThe language writes a function of two parameters as:\n\n    fn a b -> body\n\n## Motivation\n\nNesting hides the arity.\n',
      // A block of several lines after the colon is an example: the paragraph after it sums up.
      'batch-writes':
        '# Batch Writes\n\n## Summary\n\nToday a client writes:\n\n```\nput(a)\nput(b)\n```\n\nThis proposal adds one call that writes many records at once.\n\n## Motivation\n\nRound trips.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['batch-writes', 'This proposal adds one call that writes many records at once.'],
      ['narrowing', 'Change what the reader returns from: fun next(): Bytes val to a value it can hand over: fun next(): Bytes iso^'],
      ['short-lambdas', 'The language writes a function of two parameters as: fn a b -> body'],
    ]);
  });
});

describe('summary: a sentence that sends the reader elsewhere', () => {
  it('`For a gentler introduction, see [the diary](…).` under the title is no summary: the next prose is', async () => {
    const catalog = await catalogOf(NO_SUMMARY, {
      'shared-inbox':
        '# Shared Inbox\n\nFor a gentler introduction to the problem and the choices made on the way, see the [design diary](https://example.org/diary) posts.\n\nA shared inbox lets a team answer one address together, each message claimed by one person.\n\n## Context\n\nSupport teams.\n',
      // (A sentence of its own that links a page is the summary all the same.)
      'read-receipts':
        '# Read Receipts\n\nRead receipts tell a sender, as [the spec](https://example.org/spec) defines, when a message was opened.\n\n## Context\n\nChat.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['read-receipts', 'Read receipts tell a sender, as the spec defines, when a message was opened.'],
      ['shared-inbox', 'A shared inbox lets a team answer one address together, each message claimed by one person.'],
    ]);
  });

  it('`See the other scenarios towards the bottom of the document` (to a later part of it) is no summary either; a sentence that opens with “See” and says what the document does is', async () => {
    const catalog = await catalogOf(NO_SUMMARY, {
      'drain-budgets':
        '# Drain Budgets\n\nSee further breakdown of some extra scenarios towards the bottom of the document\n\n## Requirements\n\nA budget per reason caps how many nodes drain at once.\n',
      'seen-marks': '# Seen Marks\n\nSeen marks show which messages a member has read, below each message.\n\n## Context\n\nChat.\n',
      // (Nor where a thing of it can be seen, by a link, with a remark on it: a pointer note.)
      'private-data':
        '# Private Data\n\nCurrent drafts of the schemas can be viewed on the [implementation branch](https://example.org/pr/5) in the main repo. Note that the code is still a work in progress.\n\n## Introduction\n\nPrivate data lives in a second repository per user, shared only inside an access boundary.\n',
    });
    expect(read(catalog).map((r) => [r[0], r[3]])).toEqual([
      ['drain-budgets', 'A budget per reason caps how many nodes drain at once.'],
      ['private-data', 'Private data lives in a second repository per user, shared only inside an access boundary.'],
      ['seen-marks', 'Seen marks show which messages a member has read, below each message.'],
    ]);
  });
});
