import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../helpers.js';
import { lintOne } from './_lint-one.js';

const body = '# Bulkhead\n\n> Pools.\n\n## Overview\n\nText.\n';
const withFm = (yaml: string) => `---\n${yaml.trim()}\n---\n\n${body}`;
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.startsWith(text)) + 1;

const SCHEMA = {
  required: ['status', 'owner'],
  properties: {
    status: { enum: ['draft', 'review', 'stable'] },
    owner: { type: 'string', pattern: '^@[a-z0-9-]+$' },
    reviewed: { type: 'date' },
    weight: { type: 'integer' },
    score: { type: 'number' },
    public: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string', enum: ['resilience', 'messaging'] } },
    limits: { type: 'object' },
    aliases: { type: 'array' },
  },
  additionalProperties: false,
};
const run = (source: string, frontMatter: Record<string, unknown> = SCHEMA, template?: string) =>
  lintOne('front-matter', source, { config: { frontMatter }, ...(template !== undefined ? { template } : {}) });

describe('front-matter', () => {
  it('checks nothing without configuration', async () => {
    expect((await lintOne('front-matter', withFm('whatever: [1, 2]\nstatus: 12'))).shown).toEqual([]);
  });

  it('accepts front matter that fits the configuration', async () => {
    const source = withFm(`
status: stable
owner: "@platform-team"
reviewed: 2024-02-29
weight: 3
score: 2.5
public: true
tags: [resilience, messaging]
limits: { pools: 4 }
aliases: []
`);
    expect((await run(source)).shown).toEqual([]);
  });

  it('reports required keys that are missing, at the top, or empty, at their line', async () => {
    const none = await run(body);
    expect(none.shown).toEqual([
      '1:1 Front matter is missing the required key `status`: add `status:` (one of “draft”, “review”, “stable”) in a front matter block (`---` lines) at the top of the file.',
      '1:1 Front matter is missing the required key `owner`: add `owner:` (a string) in a front matter block (`---` lines) at the top of the file.',
    ]);
    expect(none.diagnostics[0]!.severity).toBe('error');
    const empty = withFm('status:\nowner: "@a"');
    expect((await run(empty)).shown).toEqual(['2:1 Front matter key `status` is empty: give it a value (one of “draft”, “review”, “stable”).']);
  });

  it('points a missing key at a misspelt one', async () => {
    const source = withFm('staus: draft\nowner: "@a"');
    expect((await run(source)).shown).toEqual([
      '2:1 Front matter is missing the required key `status`: `staus` looks like a misspelling of it.',
      '2:1 Unknown front matter key `staus`: the configuration allows `status`, `owner`, `reviewed`, `weight`, `score`, `public`, `tags`, `limits`, `aliases`. Did you mean `status`?',
    ]);
  });

  it('reports values of the wrong type, at the key line', async () => {
    const source = withFm(`
status: draft
owner: 42
reviewed: 2023-02-29
weight: 2.5
score: many
public: "yes"
tags: resilience
limits: [1]
`);
    const { shown } = await run(source);
    expect(shown).toEqual([
      `${lineOf(source, 'owner')}:1 Front matter \`owner\`: 42 is an integer, expected a string.`,
      `${lineOf(source, 'reviewed')}:1 Front matter \`reviewed\`: “2023-02-29” is not a real date, expected a date (YYYY-MM-DD, a real date).`,
      `${lineOf(source, 'weight')}:1 Front matter \`weight\`: 2.5 is a number, expected an integer.`,
      `${lineOf(source, 'score')}:1 Front matter \`score\`: “many” is a string, expected a number.`,
      `${lineOf(source, 'public')}:1 Front matter \`public\`: “yes” is a string, expected true or false.`,
      `${lineOf(source, 'tags')}:1 Front matter \`tags\`: “resilience” is a string, expected a list.`,
      `${lineOf(source, 'limits')}:1 Front matter \`limits\`: [1] is a list, expected a mapping.`,
    ]);
  });

  it('reports a value outside the enum with "did you mean", a pattern mismatch, and bad array items', async () => {
    const source = withFm('status: stabel\nowner: platform\ntags: [resilience, mesaging, 3]');
    const { shown, diagnostics } = await run(source);
    expect(shown).toEqual([
      '2:1 Front matter `status`: “stabel” is not one of “draft”, “review”, “stable”. Did you mean “stable”?',
      '3:1 Front matter `owner`: “platform” does not match the pattern “^@[a-z0-9-]+$”.',
      '4:1 Front matter `tags`: item 2 “mesaging” is not one of “resilience”, “messaging”. Did you mean “messaging”?',
    ]);
    expect(diagnostics[0]).toMatchObject({ expected: 'draft | review | stable', actual: '“stabel”' });
    const typed = withFm('status: draft\nowner: "@a"\ntags: [resilience, 3]');
    expect((await run(typed)).shown).toEqual(['4:1 Front matter `tags`: item 2 3 is an integer, expected a string.']);
  });

  it('reports unknown keys only when additional properties are not allowed', async () => {
    const source = withFm('status: draft\nowner: "@a"\nteam: core');
    expect((await run(source)).shown).toEqual([
      '4:1 Unknown front matter key `team`: the configuration allows `status`, `owner`, `reviewed`, `weight`, `score`, `public`, `tags`, `limits`, `aliases`. Remove it.',
    ]);
    expect((await run(source, { ...SCHEMA, additionalProperties: true })).shown).toEqual([]);
  });

  it('finds quoted keys, and reports an invalid configured pattern', async () => {
    const source = withFm('"status": draft\n\'owner\': x');
    expect((await run(source, { properties: { status: { type: 'string' }, owner: { pattern: '([' } } })).shown).toEqual([
      '3:1 Front matter `owner`: the configured pattern “([” is not a valid regular expression; fix `frontMatter` in the configuration.',
    ]);
  });

  it("always allows the template's own front matter keys", async () => {
    const template = await readFile(fixture('templates/h2-front-matter.md'), 'utf8');
    const source = '---\ntitle: Bulkhead\ndescription: Pools.\nstatus: draft\ntags: []\ncolor: red\n---\n\n## Context\n\nText.\n';
    expect((await run(source, { properties: { status: { enum: ['draft', 'stable'] } }, additionalProperties: false }, template)).shown).toEqual([
      '6:1 Unknown front matter key `color`: the configuration allows `status`, `title`, `description`, `tags`. Remove it.',
    ]);
  });
});

describe('front-matter: keys written in another case', () => {
  it('takes `Status:` for `status`, checking its value, and knows it among the allowed keys', async () => {
    expect((await run(withFm('Status: draft\nOwner: "@ada"'))).shown).toEqual([]);
    const bad = await run(withFm('Status: done\nOwner: "@ada"'));
    expect(bad.shown).toHaveLength(1);
    expect(bad.shown[0]).toContain('`Status`');
  });
});

describe('front-matter: a key the template spells another way', () => {
  const template = '---\ntitle: <name>\ncategory: <one of: Creational, Structural>\ntag:\n  - <a tag>\n---\n\n## Intent\n\nWhat it is for.\n';
  it('`tags:` for the template’s `tag:` (and `Categories:` for `category:`) is a warning at the key, with or without a front matter configuration', async () => {
    const source = '---\ntitle: Object Pool\nCategories: Creational\ntags:\n  - Performance\n---\n\n## Intent\n\nReuses costly objects.\n';
    const { diagnostics } = await lintOne('front-matter', source, { template });
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      "3 warning Front matter key `Categories` is written `category` in the template: rename it: the catalog's checks go by the template's keys, and one spelling keeps its documents alike (the site's facets read either).",
      "4 warning Front matter key `tags` is written `tag` in the template: rename it: the catalog's checks go by the template's keys, and one spelling keeps its documents alike (the site's facets read either).",
    ]);
  });

  it('nothing where the pattern has the template’s key too, or keys of its own, or the template’s key without its note', async () => {
    const source =
      '---\ntitle: Object Pool\ncategory: Creational\ntag: [Performance]\ntags: [extra]\nsince: 2019\nrequires: 12\n---\n\n## Intent\n\nReuses costly objects.\n';
    const noted = template.replace('title: <name>', 'title: <name>\nrequires (*optional): <numbers>');
    expect((await lintOne('front-matter', source, { template: noted })).shown).toEqual([]);
  });
});
