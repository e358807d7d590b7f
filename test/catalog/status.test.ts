import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDraft, isInactive } from '../../src/catalog/status.js';
import { facetValues } from '../../src/catalog/facets.js';
import { lint } from '../../src/lint/lint.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { tempCatalog } from '../helpers.js';

const TEMPLATE = '---\nstatus: Draft\n---\n\n# [Title]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n';
const doc = (status: string, key = 'status') => `---\n${key}: ${status}\n---\n\n# A ${status.split(' ')[0]} one\n\n## Overview\n\nIt does a thing.\n`;

async function severities(config: Record<string, unknown> = {}, key?: string): Promise<string[]> {
  const dir = await tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'], ...config }),
    'docs/a-accepted.md': doc('Accepted', key),
    'docs/b-withdrawn.md': doc('Withdrawn', key),
    'docs/c-superseded.md': doc('Superseded by [the next one](a-accepted.md)', key),
    'docs/d-deleted.md': doc('deleted', key),
  });
  const report = await lint({ root: dir });
  return report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => `${d.ruleId}:${d.severity}`).join(',')}`);
}

describe('inactive patterns (withdrawn, superseded…)', () => {
  it('reports what is wrong with them as warnings; an active one keeps its errors', async () => {
    expect(await severities()).toEqual([
      'docs/a-accepted.md required-section:error',
      'docs/b-withdrawn.md required-section:warning',
      'docs/c-superseded.md required-section:warning',
      'docs/d-deleted.md required-section:warning',
    ]);
  });

  it('says why an error of theirs is a warning; an active one’s message is as it was', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': doc('Accepted'),
      'docs/b-withdrawn.md': doc('Withdrawn'),
    });
    const report = await lint({ root: dir });
    const message = (rel: string) => report.results.find((r) => r.path === rel)!.diagnostics[0]!.message;
    expect(message('docs/b-withdrawn.md')).toBe(
      `${message('docs/a-accepted.md')} (This pattern is kept as it was — withdrawn, superseded or set aside, by its status or its folder —: a warning.)`,
    );
  });

  it('--fix writes nothing into them: no template section for a record nobody will complete', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': doc('Accepted'),
      'docs/b-withdrawn.md': doc('Withdrawn'),
    });
    const report = await lint({ root: dir, fix: true });
    expect(await readFile(path.join(dir, 'docs/b-withdrawn.md'), 'utf8')).toBe(doc('Withdrawn'));
    expect(await readFile(path.join(dir, 'docs/a-accepted.md'), 'utf8')).toContain('## Design');
    expect(report.results.find((r) => r.path === 'docs/b-withdrawn.md')!.diagnostics.map((d) => `${d.ruleId}:${d.severity}:${d.fix ? 'fix' : 'none'}`)).toEqual([
      'required-section:warning:none',
    ]);
  });

  it('reads a folder the catalog keeps such documents in (`archive/`) as their status, and a table of fields whose labels close on a colon (`| Title: | Handle |`) as their header', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/**/*.md'] }),
      'docs/kettle.md': '# Kettle\n\n## Overview\n\nIt boils.\n',
      'docs/archive/handle.md': '| Title: | Handle |\n|---|---|\n| Id: | 8 |\n\nOverview\n--------\n\nIt stays cool.\n',
      'docs/archived-notes/lid.md': '# Lid\n\n## Overview\n\nIt closes.\n',
    });
    const report = await lint({ root: dir, only: ['required-section', 'title'] });
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => `${d.ruleId}:${d.severity}`).join(',')}`)).toEqual([
      'docs/archive/handle.md title:warning,required-section:warning',
      'docs/archived-notes/lid.md required-section:error',
      'docs/kettle.md required-section:error',
    ]);
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.find((p) => p.path === 'docs/archive/handle.md')?.title?.text).toBe('Handle');
  });

  it('reads the status where the document writes it in its body: a list of fields under the title, a `## Status` section', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n* Status: Draft\n* Owner: [name]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': '# An accepted one\n\n* Status: **Accepted**\n* Owner: Ada\n\n## Overview\n\nIt does a thing.\n',
      'docs/b-rejected.md': '# A rejected one\n\n* Status: **Rejected**\n* Owner: Bo\n\n## Overview\n\nIt does a thing.\n',
      'docs/c-replaced.md': '# A replaced one\n\n## Status\n\nSuperseded by [the accepted one](a-accepted.md).\n\n## Overview\n\nIt does a thing.\n',
      // (Or one line alone under the title, `**Status**: Rejected`.)
      'docs/d-one-line.md': '# A line alone\n\n**Status**: Rejected\n\n## Overview\n\nIt does a thing.\n',
    });
    const report = await lint({ root: dir, only: ['required-section'] });
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => d.severity).join(',')}`)).toEqual([
      'docs/a-accepted.md error',
      'docs/b-rejected.md warning',
      'docs/c-replaced.md warning',
      'docs/d-one-line.md warning',
    ]);
  });

  it('reads it in a list of that one item under the title (`* Status: rejected`, `* **Status**: deprecated - replaced by 0013`), as the template writes it', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '# Template\n\n* Status: accepted\n\n## Background\n\n## Choice\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': '# An accepted one\n\n* Status: accepted\n\n## Choice\n\nThe choice.\n',
      'docs/b-rejected.md': '# A rejected one\n\n* Status: rejected\n\n## Choice\n\nThe choice.\n',
      'docs/c-replaced.md': '# A replaced one\n\n* **Status**: deprecated - replaced by [the accepted one](a-accepted.md)\n\n## Choice\n\nThe choice.\n',
      // (A list of one item that says something else is no status line: `* Note: this is long…`.)
      'docs/d-noted.md': '# A noted one\n\n* Note: this was written in a hurry and may change later on\n\n## Choice\n\nThe choice.\n',
    });
    const report = await lint({ root: dir, only: ['required-section'] });
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => d.severity).join(',')}`)).toEqual([
      'docs/a-accepted.md error',
      'docs/b-rejected.md warning',
      'docs/c-replaced.md warning',
      'docs/d-noted.md error',
    ]);
  });

  it('reads it from a notice that opens a document whose sections are H1s, with no title line (`# Superseded!` over `# Summary`)', async () => {
    const dir = await tempCatalog({
      '0000-template.md': '# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n\n# Drawbacks\n\nWhy not?\n',
      'patternbook.config.json': JSON.stringify({ template: '0000-template.md', patterns: ['rfcs/*.md'] }),
      'rfcs/0002-hashes.md': '# Summary\n\nShorter hashes.\n\n# Motivation\n\nLong paths.\n\n# Drawbacks\n\nCollisions.\n',
      'rfcs/0003-core-team.md': '# Superseded!\n\nThis RFC is superseded by [RFC 2](0002-hashes.md).\n\n# Summary\n\nA core team.\n\n# Motivation\n\nNobody decides.\n',
    });
    const report = await lint({ root: dir, only: ['required-section'] });
    // (Superseded: its missing `# Drawbacks` is a warning, as in any record no longer in force.)
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => d.severity).join(',')}`)).toEqual(['rfcs/0002-hashes.md ', 'rfcs/0003-core-team.md warning']);
  });

  it('reads it in a header block with a field left empty and a value going on on an indented line', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '    Author: [name]\n    Status: Draft\n    Reviewed:\n\n# [Title]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': '    Author: Ada\n    Status: Accepted\n    Reviewed:\n\n# An accepted one\n\n## Overview\n\nIt does a thing.\n',
      'docs/b-rejected.md':
        '    Author: Bo,\n            Cy\n    Status: Rejected\n    Reviewed:\n        2 May 2024\n        9 June 2024\n\n# A rejected one\n\n## Overview\n\nIt does a thing.\n',
    });
    const report = await lint({ root: dir, only: ['required-section'] });
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => d.severity).join(',')}`)).toEqual(['docs/a-accepted.md error', 'docs/b-rejected.md warning']);
  });

  it('reads it in a paragraph of field lines one under the other (`**Closing date:** …` then `**Status:** …`), and a facet of such fields is one label whatever its case', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md':
        '# [Title]\n\n**Closing date:** <!-- a date -->\n\n**Status:** <!-- proposed, accepted, rejected -->\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': '# An accepted one\n\n**Closing date:** 2021-04-01\n**Status:** Accepted\n\n## Overview\n\nIt does a thing.\n',
      'docs/b-rejected.md': '# A rejected one\n\n**Closing date:** 2021-05-01\n**Status:** Rejected\n\n## Overview\n\nIt does a thing.\n',
      'docs/c-accepted.md': '# Another accepted one\n\n**Closing date:** 2021-06-01\n\n**Status:** accepted\n\n## Overview\n\nIt does a thing.\n\n## Design\n\nA way.\n',
    });
    const report = await lint({ root: dir, only: ['required-section'] });
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => d.severity).join(',')}`)).toEqual([
      'docs/a-accepted.md error',
      'docs/b-rejected.md warning',
      'docs/c-accepted.md ',
    ]);
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => facetValues(p, ['status']).status)).toEqual([['Accepted'], ['Rejected'], ['Accepted']]);
  });

  it('reads it in a list of two fields one of which is left empty (`- Owner:`)', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n- Status: Draft\n- Owner: (leave empty)\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': '# An accepted one\n\n- Status: Accepted\n- Owner:\n\n## Overview\n\nIt does a thing.\n',
      'docs/b-rejected.md': '# A rejected one\n\n- Status: Rejected\n- Owner:\n\n## Overview\n\nIt does a thing.\n',
    });
    const report = await lint({ root: dir, only: ['required-section'] });
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => d.severity).join(',')}`)).toEqual(['docs/a-accepted.md error', 'docs/b-rejected.md warning']);
  });

  it('`inactive: false` holds every pattern to its errors; `inactive` names another key and other values', async () => {
    expect(await severities({ inactive: false })).toEqual([
      'docs/a-accepted.md required-section:error',
      'docs/b-withdrawn.md required-section:error',
      'docs/c-superseded.md required-section:error',
      'docs/d-deleted.md required-section:error',
    ]);
    expect(await severities({ inactive: { key: 'state', values: ['accepted'] } }, 'state')).toEqual([
      'docs/a-accepted.md required-section:warning',
      'docs/b-withdrawn.md required-section:error',
      'docs/c-superseded.md required-section:error',
      'docs/d-deleted.md required-section:error',
    ]);
  });

  it('reads the first word of the value, in any case, and nothing that is not a string', () => {
    const config = {};
    expect(isInactive({ frontMatter: { status: 'STAGNANT' } }, config)).toBe(true);
    expect(isInactive({ frontMatter: { status: '**Rejected** (2021)' } }, config)).toBe(true);
    expect(isInactive({ frontMatter: { status: 'Living' } }, config)).toBe(false);
    expect(isInactive({ frontMatter: { status: 'not withdrawn' } }, config)).toBe(false);
    expect(isInactive({ frontMatter: { status: ['withdrawn'] } }, config)).toBe(false);
    expect(isInactive({ frontMatter: {} }, config)).toBe(false);
    // (The template's choices left as they are: no status.)
    expect(isInactive({ frontMatter: { status: '[Rejected/Accepted]' } }, config)).toBe(false);
    expect(isDraft({ frontMatter: {}, fields: { status: '[Draft/Final/Postponed/Cancelled]' } }, config)).toBe(false);
    expect(isDraft({ frontMatter: {}, fields: { status: '< Draft | Final >' } }, config)).toBe(false);
    // (Its choices left without brackets, `alpha|beta|stable`, `Draft / In Review / Final`: no stage said,
    // not even the first — the list is the template's blank, the placeholder rule's finding.)
    expect(isDraft({ frontMatter: { stage: 'alpha|beta|stable' } }, config, { stages: [{ key: 'stage', values: ['alpha', 'beta', 'stable'] }] })).toBe(false);
    expect(isDraft({ frontMatter: {}, fields: { status: 'Draft / In Review / Final' } }, config)).toBe(false);
    expect(isInactive({ frontMatter: { status: 'provisional|implementable|implemented|deferred|rejected' } }, config)).toBe(false);
    // (A stage of its own with a note after a slash is still read: `Draft / under review`… is two words a side.)
    expect(isDraft({ frontMatter: { status: 'Draft' } }, config)).toBe(true);
    expect(isDraft({ frontMatter: {}, fields: { status: 'Draft (under review)' } }, config)).toBe(true);
    // (A word saying which before it, `first sketch`; `work in progress` for `wip`.)
    expect(isDraft({ frontMatter: { status: 'first sketch, work in progress' } }, config)).toBe(true);
    expect(isDraft({ frontMatter: { status: 'Work in progress' } }, config)).toBe(true);
    expect(isDraft({ frontMatter: { status: 'first accepted' } }, config)).toBe(false);
  });

  it('reads the status under the other names catalogs give it (`Stage: Draft`, `State: Withdrawn`) where there is no `status`', () => {
    const config = {};
    expect(isDraft({ frontMatter: { Stage: 'Draft' } }, config)).toBe(true);
    expect(isInactive({ frontMatter: {}, fields: { state: 'Withdrawn' } }, config)).toBe(true);
    // (`status` first: a `stage` beside it is some other field.)
    expect(isDraft({ frontMatter: { status: 'Accepted', stage: 'draft' } }, config)).toBe(false);
    // (A key the configuration names is the only one read.)
    expect(isDraft({ frontMatter: { stage: 'Draft' } }, { drafts: { key: 'phase' } })).toBe(false);
  });
});

describe('draft patterns (status: Draft…)', () => {
  const template = '---\nstatus: Draft\n---\n\n# [Title]\n\n## Overview\n\nWhat it is.\n\n## Parameters\n\nTBD\n';
  const files = (status: string) =>
    `---\nstatus: ${status}\n---\n\n# Quicker blocks (${status})\n\n## Overview\n\nBlocks come every four seconds.\n\n## Parameters\n\n| Name | Value |\n| --- | --- |\n| BLOCK_TIME | TBD |\n`;
  async function placeholders(config: Record<string, unknown> = {}): Promise<string[]> {
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'], ...config }),
      'docs/a-draft.md': files('Draft'),
      'docs/b-final.md': files('Final'),
      'docs/c-review.md': files('Review'),
    });
    const report = await lint({ root: dir, only: ['placeholder'] });
    return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`));
  }

  it('what is left of the template in a draft is a warning that says why; in any other stage an error', async () => {
    expect(await placeholders()).toEqual([
      "docs/a-draft.md warning Template text left in `## Parameters`: “TBD”. Replace it with this pattern's own content. (A draft: a warning until its status moves on.)",
      "docs/b-final.md error Template text left in `## Parameters`: “TBD”. Replace it with this pattern's own content.",
      "docs/c-review.md error Template text left in `## Parameters`: “TBD”. Replace it with this pattern's own content.",
    ]);
  });

  it('`drafts` names other values, or `false` holds drafts to every error', async () => {
    const severitiesOf = (lines: string[]) => lines.map((l) => l.split(' ').slice(0, 2).join(' '));
    expect(severitiesOf(await placeholders({ drafts: { values: ['review'] } }))).toEqual(['docs/a-draft.md error', 'docs/b-final.md error', 'docs/c-review.md warning']);
    expect(severitiesOf(await placeholders({ drafts: false }))).toEqual(['docs/a-draft.md error', 'docs/b-final.md error', 'docs/c-review.md error']);
  });

  it('reads the status among fields written each as a paragraph of its own under the title (`Authors:` over a list, `Status: Draft`, `Type: …`)', async () => {
    const paragraphs = (status: string) =>
      `# Quicker blocks (${status})\n\nAuthors:\n* Kim\n* Lee\n\nStatus: ${status}\n\nType: Specification\n\n## Overview\n\nBlocks come every four seconds.\n\n## Parameters\n\nTBD\n`;
    const dir = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n```\nStatus: < Draft | Final >\n```\n\n## Overview\n\nWhat it is.\n\n## Parameters\n\nTBD\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-draft.md': paragraphs('Draft'),
      'docs/b-final.md': paragraphs('Final'),
    });
    const report = await lint({ root: dir, only: ['placeholder'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`))).toEqual(['docs/a-draft.md warning', 'docs/b-final.md error']);
  });
});

describe('waivers: what a pattern lists in the key the configuration names is not asked of it', () => {
  const template = '# [Title]\n\n## Goal\n\nWhat it is for.\n\n## Context\n\nWhere.\n\n## Design\n\nHow.\n\n## Risks\n\nWhat may fail.\n\n## Licence\n\nCC0.\n';
  const files = (config: Record<string, unknown>) => ({
    'templates/pattern.md': template,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'], ...config }),
    'docs/old.md':
      '---\nignoredRules: ["missing:licence", "heading:open-items", "missing:design"]\n---\n\n# Old widget\n\n## Goal\n\nA widget.\n\n## Context\n\nA shop.\n\n## Risks\n\nNone.\n\n## Open Items\n\nNone.\n',
    'docs/new.md': '# New widget\n\n## Goal\n\nA widget.\n\n## Context\n\nA shop.\n\n## Design\n\nA box.\n\n## Risks\n\nNone.\n\n## Open Items\n\nSome.\n',
  });

  it('no missing section or unknown heading the pattern names, nothing inserted; other patterns are held to the template', async () => {
    const dir = await tempCatalog(files({ waivers: { key: 'ignoredRules' } }));
    const report = await lint({ root: dir, only: ['required-section', 'unknown-section'] });
    const shown = report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => `${d.ruleId}:${d.line}`).join(',')}`);
    expect(shown).toEqual(['docs/new.md required-section:17,unknown-section:19', 'docs/old.md ']);
    const before = await readFile(path.join(dir, 'docs/old.md'), 'utf8');
    await lint({ root: dir, only: ['required-section'], fix: true });
    expect(await readFile(path.join(dir, 'docs/old.md'), 'utf8')).toBe(before);
    expect(await readFile(path.join(dir, 'docs/new.md'), 'utf8')).toContain('## Licence');
  });

  it('without the setting the key is only front matter', async () => {
    const dir = await tempCatalog(files({}));
    const report = await lint({ root: dir, only: ['required-section', 'unknown-section'] });
    expect(
      report.results
        .find((r) => r.path === 'docs/old.md')!
        .diagnostics.map((d) => d.ruleId)
        .sort(),
    ).toEqual(['required-section', 'required-section', 'unknown-section']);
  });
});

describe('the status facet, named otherwise', () => {
  it('a `* State: …` field under the title (or `stage:` in front matter) is the status; `status` wins where both are written', async () => {
    const dir = await tempCatalog({
      'docs/a.md': '# Kiln vents\n\n* Author(s): Ana\n* State: Ready for Review\n* Updated: 2024-05-28\n\n## Overview\n\nVents.\n',
      'docs/b.md': '---\nstage: Approved\n---\n\n# Kiln lids\n\n## Overview\n\nLids.\n',
      'docs/c.md': '# Kiln doors\n\n* Status: Implemented\n* State: Ready for Review\n\n## Overview\n\nDoors.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => facetValues(p, ['status']).status)).toEqual([['Ready for Review'], ['Approved'], ['Implemented']]);
  });
});

describe('facets as the catalog writes them', () => {
  it('the `tags` facet reads `tag:` (and `category`, `categories:`) in the documents that write it so', async () => {
    const dir = await tempCatalog({
      'docs/a.md': '---\ntag:\n  - Messaging\ncategories: [Integration]\n---\n\n# Kiln vents\n\n## Overview\n\nVents.\n',
      'docs/b.md': '---\ntags: [Storage]\ncategory: Data\n---\n\n# Kiln lids\n\n## Overview\n\nLids.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => facetValues(p, ['tags', 'category']))).toEqual([
      { tags: ['Messaging'], category: ['Integration'] },
      { tags: ['Storage'], category: ['Data'] },
    ]);
  });

  it('a status field that goes on past its word (`**Status**: Accepted. Built in part, see #12.`) is the word, without its full stop', async () => {
    const dir = await tempCatalog({
      'docs/a.md': '# Kiln vents\n\n**Status**: Accepted. Built in part, see #12.\n\n## Overview\n\nVents.\n',
      'docs/b.md': '# Kiln lids\n\n**Status**: Implemented.\n\n## Overview\n\nLids.\n',
      'docs/c.md': '# Kiln doors\n\n**Status**: Beta 2\n\n## Overview\n\nDoors.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => facetValues(p, ['status']).status)).toEqual([['Accepted'], ['Implemented'], ['Beta 2']]);
  });
});
