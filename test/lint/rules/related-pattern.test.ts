import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogData } from '../../../src/export/load.js';
import { lint } from '../../../src/lint/lint.js';
import { tempCatalog } from '../../helpers.js';

const TEMPLATE = `# [Pattern Title]

> [One sentence]

## Overview

Describe it.

## Alternatives

1. **Alternative Pattern 1**: When to use this instead

## Related Patterns

- [Related Pattern 1](../related-pattern-1/README.md)
`;

const pattern = (title: string, related: string, alternatives = '') =>
  `# ${title}\n\n> ${title} does one thing.\n\n## Overview\n\nText.\n\n## Alternatives\n\n${alternatives || '1. **Nothing**: never'}\n\n## Related Patterns\n\n${related}\n`;

async function problems(related: string, alternatives = '', files: Record<string, string> = {}): Promise<string[]> {
  const dir = await tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
    'saga/README.md': pattern('Saga', '- [Outbox](../transactional-outbox/README.md)'),
    'circuit-breaker/README.md': pattern('Circuit Breaker', '- [Saga](../saga/README.md)'),
    'docs/guide.md': '# Guide\n',
    'saga/diagrams/notes.md': '# Notes\n',
    ...files,
    'transactional-outbox/README.md': pattern('Transactional Outbox', related, alternatives),
  });
  const report = await lint({ root: dir, only: ['related-pattern'] });
  return report.results.flatMap((r) =>
    r.diagnostics
      .filter((d) => d.ruleId === 'related-pattern')
      .map((d) => `${r.path === 'transactional-outbox/README.md' ? '' : `${r.path} `}${d.line}:${d.column} ${d.severity === 'warning' ? '(warning) ' : ''}${d.message}`),
  );
}

/** What the link rule and related-pattern say of a Saga pattern with these Alternatives (and an Outbox beside it), the link rule's message past its "not in the catalog" opening. */
async function linkAndRelated(alternatives: string): Promise<string[]> {
  const dir = await tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
    'saga/README.md': pattern('Saga', '- [Outbox](../outbox/README.md)', alternatives),
    'outbox/README.md': pattern('Outbox', '- [Saga](../saga/README.md)'),
  });
  const report = await lint({ root: dir, only: ['link', 'related-pattern'] });
  return report.results.flatMap((r) => r.diagnostics.map((d) => `${d.ruleId} ${d.line} ${d.message.replace(/^.*? in the catalog\./, '')}`));
}

describe('related-pattern', () => {
  it('passes links to other patterns, with anchors, root-relative, in nested lists and sub-sections', async () => {
    expect(
      await problems(
        '- [Saga](../saga/README.md)\n- [Saga steps](../saga/README.md#overview)\n  - [Breaker](/circuit-breaker/README.md)\n\n### More\n\nSee [Circuit Breaker](../circuit-breaker/README.md).',
        '1. **[Saga](../saga/README.md)**: when others take part\n2. **[Debezium](https://debezium.io/)**: change data capture',
      ),
    ).toEqual([]);
  });

  it('reports a missing pattern with the nearest slug', async () => {
    expect(await problems('- [Saga](../sgaa/README.md)')).toEqual([
      "15:10 `Related Patterns` lists `../sgaa/README.md`: expected a pattern of this catalog, found no file at `sgaa/README.md`. Did you mean `../saga/README.md` (“Saga”)? Link another pattern's file, or remove the entry.",
    ]);
  });

  it('suggests by title when the path says nothing useful', async () => {
    expect(await problems('- [Circuit Breaker](../cb/README.md)')).toEqual([
      "15:21 `Related Patterns` lists `../cb/README.md`: expected a pattern of this catalog, found no file at `cb/README.md`. Did you mean `../circuit-breaker/README.md` (“Circuit Breaker”)? Link another pattern's file, or remove the entry.",
    ]);
  });

  it('reports documents that are not patterns as warnings (the link works), suggesting the pattern whose folder holds them', async () => {
    expect(await problems('- [Guide](../docs/guide.md)\n- [Saga notes](../saga/diagrams/notes.md)')).toEqual([
      "15:11 (warning) `Related Patterns` lists `../docs/guide.md`: expected a pattern of this catalog, found `docs/guide.md`, which is not a pattern. If it is a pattern, add it to `patterns` in the configuration; else link another pattern's file, or remove the entry.",
      "16:16 (warning) `Related Patterns` lists `../saga/diagrams/notes.md`: expected a pattern of this catalog, found `saga/diagrams/notes.md`, which is not a pattern. Did you mean `../saga/README.md` (“Saga”)? If it is a pattern, add it to `patterns` in the configuration; else link another pattern's file, or remove the entry.",
    ]);
  });

  it('takes a pattern that could not be read (its front matter never closed) as the pattern it is: only its own error is reported', async () => {
    const broken = { 'event-sourcing/README.md': '---\ntags: [events]\n\n# Event Sourcing\n\n## Overview\n\nText.\n' };
    expect(await problems('- [Saga](../saga/README.md)\n- [Event Sourcing](../event-sourcing/README.md)', '', broken)).toEqual([]);
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      ...broken,
      'saga/README.md': pattern('Saga', '- [Event Sourcing](../event-sourcing/README.md)'),
    });
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path} ${d.ruleId}`))).toEqual([
      'event-sourcing/README.md front-matter-syntax',
    ]);
  });

  it('takes a path from the root that names a file of the repository around the catalog as git hosts read it: a document, no missing file', async () => {
    const dir = await tempCatalog({
      'visions/lantern.md': '# The lantern vision\n\nWhere lamps go.\n',
      'proposals/templates/pattern.md': TEMPLATE,
      'proposals/patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'proposals/saga/README.md': pattern('Saga', '- [Vision](/visions/lantern.md)', '1. **[The vision](/visions/lantern.md)**: the longer road'),
      'proposals/outbox/README.md': pattern('Outbox', '- [Saga](../saga/README.md)'),
    });
    spawnSync('git', ['init', '-q'], { cwd: dir });
    const report = await lint({ root: path.join(dir, 'proposals'), only: ['related-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.severity} ${d.message}`))).toEqual([
      "saga/README.md:15 warning `Related Patterns` lists `/visions/lantern.md`: expected a pattern of this catalog, found `visions/lantern.md`, a file of the repository outside the catalog. Link another pattern's file, or remove the entry.",
    ]);
  });

  it("takes a link to a pattern's folder as a link to the pattern, as a git host shows it", async () => {
    expect(await problems('- [Saga](../saga/)\n- [Breaker](../circuit-breaker)')).toEqual([]);
  });

  it('reports the pattern itself, by path, by anchor and by folder', async () => {
    expect(await problems('- [Me](../transactional-outbox/README.md)\n- [Me](#overview)\n- [Me](./)')).toEqual([
      '15:8 `Related Patterns` lists this pattern itself (`../transactional-outbox/README.md`): list other patterns only. Remove the link.',
      '16:8 `Related Patterns` lists this pattern itself (`#overview`): list other patterns only. Remove the link.',
      '17:8 `Related Patterns` lists this pattern itself (`./`): list other patterns only. Remove the link.',
    ]);
  });

  it('leaves an anchor beside the entry’s own link alone: a cross-reference to a heading of this page (`see [below](#overview)`)', async () => {
    expect(await problems('- [TICKET-42](https://tickets.example.net/42): the outbox must drain first, see [the overview](#overview)')).toEqual([]);
  });

  it('leaves a link with an empty destination to the link rule: it is not this pattern', async () => {
    expect(await problems('- We could have used [a copy tool]() instead.')).toEqual([]);
  });

  it("leaves web pages and other schemes alone under Related Patterns (paths out of the catalog are the link rule's)", async () => {
    expect(await problems('- [Saga](https://microservices.io/patterns/data/saga.html)\n- [Mail](mailto:team@example.org)\n- [Up](../../../../etc/passwd)')).toEqual([]);
  });

  it("takes a link to the catalog's published site as a link to that pattern, and reports one that names no pattern", async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/**/*.md'], site: { url: 'https://patterns.example.org/' } }),
      'docs/data/saga.md':
        '# Saga\n\n> Local steps.\n\n## Related Patterns\n\n- [Outbox](https://patterns.example.org/data/transactional-outbox/)\n- [Gone](https://patterns.example.org/data/gone)\n- [Elsewhere](https://example.org/data/gone)\n',
      'docs/data/transactional-outbox.md':
        '# Transactional Outbox\n\n> Events with the data.\n\n## Related Patterns\n\n- [Saga](https://patterns.example.org/docs/data/saga.html)\n',
    });
    const report = await lint({ root: dir, only: ['related-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.message}`))).toEqual([
      "docs/data/saga.md:8 `Related Patterns` lists `https://patterns.example.org/data/gone`, a page of this catalog's site (`site.url`) that is none of its patterns. Fix the address or link the pattern's file.",
    ]);
    const { data } = await loadCatalogData({ root: dir });
    expect(data.patterns.map((p) => [p.slug, p.relations.related])).toEqual([
      ['saga', ['transactional-outbox']],
      ['transactional-outbox', ['saga']],
    ]);
  });

  it("takes the address a site gives a pattern's file (`./x` or `./x.html` for `x.md`) as a link to that pattern", async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
      'docs/saga.md': '# Saga\n\n> Local steps.\n\n## Related Patterns\n\n- [Outbox](./transactional-outbox)\n',
      'docs/transactional-outbox.md': '# Transactional Outbox\n\n> Events with the data.\n\n## Related Patterns\n\n- [Saga](saga.html)\n',
    });
    const report = await lint({ root: dir, only: ['related-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics)).toEqual([]);
    const { data } = await loadCatalogData({ root: dir });
    expect(data.patterns.map((p) => [p.slug, p.relations.related])).toEqual([
      ['saga', ['transactional-outbox']],
      ['transactional-outbox', ['saga']],
    ]);
  });

  it('in a section named for more than patterns (`Related patterns and guidance`), accepts other documents, and leaves site addresses to the link rule', async () => {
    const text = pattern('Relay', '').replace(
      '## Related Patterns\n\n',
      '## Related patterns and guidance\n\n- [Saga](../saga/README.md)\n- [Guide](../docs/guide.md)\n- [Styles](/docs/architecture/styles/)\n- [Gone](../docs/gone.md)\n',
    );
    const found = (await problems('- [Saga](../saga/README.md)', '', { 'relay/README.md': text })).filter((f) => f.startsWith('relay/'));
    expect(found).toEqual([expect.stringContaining('lists `../docs/gone.md`: expected a pattern of this catalog, found no file at `docs/gone.md`')]);
  });

  it('under Alternatives, accepts any file of the catalog (a design note is an alternative too) and reports a link that leads nowhere', async () => {
    expect(
      await problems(
        '- [Saga](../saga/README.md)',
        '1. **[Sgaa](../sgaa/README.md)**: x\n2. **[Web](https://example.org/)**: y\n3. See [below](#overview).\n4. [The guide](../docs/guide.md)',
      ),
    ).toEqual([
      "11:13 `Alternatives` lists `../sgaa/README.md`: expected a file of this catalog, found no file at `sgaa/README.md`. Did you mean `../saga/README.md` (“Saga”)? Link another pattern's file, or remove the entry.",
    ]);
  });

  it('leaves a web address wrapped in more brackets (`[spec]((https://…))`) to the link rule, which says what it is', async () => {
    const alternatives = '1. The spec [states]((https://example.org/v1/#rules)) another way.';
    expect(await problems('- [Saga](../saga/README.md)', alternatives)).toEqual([]);
    expect(await linkAndRelated(alternatives)).toEqual([
      'link 11  It is the web address `https://example.org/v1/#rules` inside extra brackets or parentheses: write the link as `[text](https://example.org/v1/#rules)`. Fix the path or remove the link.',
    ]);
  });

  it('leaves a web address written without its scheme (`[Chat](chat.example.io)`) to the link rule, which says so', async () => {
    const alternatives = '1. Ask in [Chat](chat.example.io) instead.';
    expect(await linkAndRelated(alternatives)).toEqual(['link 11  It looks like a web address: write it with `https://`. Fix the path or remove the link.']);
  });

  it('finds the sections whatever their letter case, and ignores links elsewhere', async () => {
    const dir = await tempCatalog({
      'saga/README.md': '# Saga\n\n## related patterns\n\n- [Ghost](../ghost/README.md)\n\n## Resources\n\n- [Guide](../docs/guide.md)\n',
      'docs/guide.md': '# Guide\n',
    });
    const report = await lint({ root: dir, only: ['related-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.message.slice(0, 63)}`))).toEqual([
      '5 `related patterns` lists `../ghost/README.md`: expected a patte',
    ]);
  });
});

describe('related-pattern: a link in the prose of a discussion of alternatives', () => {
  it('is a mention, no entry: a broken one is the link rule’s (“Broken link”), an entry of a list there stays this rule’s', async () => {
    const root = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n## Design\n\nHow.\n\n## Alternatives Considered\n\nWhat else was weighed, and why not.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'chainer/README.md':
        '# Chainer operator\n\n## Design\n\nOne operator.\n\n## Alternatives Considered\n\nWe know the [mpi operator](mpi-proposal.md) is proposed already; reusing it was weighed.\n\n- [Gang scheduler](../gang/README.md)\n',
    });
    const report = await lint({ root, only: ['link', 'related-pattern'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.message.slice(0, 28)}`))).toEqual([
      '9 link Broken link `mpi-proposal.md',
      '11 related-pattern `Alternatives Considered` li',
    ]);
  });
});
