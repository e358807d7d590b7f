import { describe, expect, it } from 'vitest';
import rule from '../../../src/lint/rules/title-shape.js';
import { testRule } from '../../../src/lint/rule-tester.js';

/** Fixed words after the placeholder. */
const template = '# [Pattern Title] Pattern\n\n## Overview\n\nDescribe it.\n';
/** A fixed prefix, a number to fill in and a phrase to replace. */
const numberedTemplate = '# RFC-NNNN: Your one-line title\n\n## Problem\n\nWhat goes wrong today.\n';
/** The placeholder is a code span. */
const codeSpanTemplate = '# `Subject` Field Guide\n\n## Introduction\n\nWhat the guide covers.\n';

const page = (title: string) => `${title}\n\n## Overview\n\nWorkers pull, nobody pushes.\n`;
const rfc = (title: string) => `${title}\n\n## Problem\n\nClients retry until the service falls over.\n`;
const shape = (title: string, name: string) => `Title “${title}” does not have the shape of the template's title, “${name}”.`;

testRule(
  rule,
  {
    template,
    valid: [
      { name: 'the fixed words kept', text: page('# Competing Consumers Pattern') },
      { name: 'in another case', text: page('# Competing consumers pattern') },
      { name: 'with a note in parentheses after it', text: page('# Competing Consumers Pattern (Retired)') },
      { name: 'a number and a phrase filled in', template: numberedTemplate, text: rfc('# RFC-0042: Retry budgets') },
      {
        name: 'a lone letter where the number goes after the prefix (`REQ-X: Title of the request`)',
        template: '# REQ-X: Title of the request\n\n## Problem\n\nWhat goes wrong.\n',
        text: rfc('# REQ-1: Faster start'),
      },
      { name: 'a code span filled in', template: codeSpanTemplate, text: '# Caching Field Guide\n\n## Introduction\n\nWhere caches help.\n' },
      {
        name: 'an instruction in parentheses where the name goes (`RFC NNNN - (fill me in with a name)`) is the title’s place',
        template: '# RFC NNNN - (fill me in with a name)\n\n## Problem\n\nWhat goes wrong.\n',
        text: rfc('# RFC 0001 - Faster widget cache'),
      },
      {
        name: 'a phrase that says what goes after the label (`Title of proposal`) is the title’s place',
        template: '# Proposal NNN: Title of proposal\n\n## Problem\n\nWhat goes wrong.\n',
        text: rfc('# Proposal 41: Snow ploughing routes'),
      },
      {
        name: 'so is a short phrase ending in title or name (`Short descriptive title`)',
        template: '# ADR-NNN: Short descriptive title\n\n## Problem\n\nWhat goes wrong.\n',
        text: rfc('# ADR-7: Queue per tenant'),
      },
      {
        name: 'a template title that is only a placeholder asks for no shape',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n',
        text: page('# Anything Goes'),
      },
      {
        name: 'a sample title without a placeholder asks for no shape',
        template: '# Source Service 1 to Target Service 2\n\n## Overview\n\nDescribe it.\n',
        text: page('# Orders Queue into Billing'),
      },
      {
        name: 'the word `Number` after a prefix is the number to fill in (`BP-Number: Title`)',
        template: '# BP-Number: Title\n\n## Problem\n\nWhat goes wrong.\n',
        text: rfc('# BP-0007: Earlier proofing for rye'),
      },
      { name: "a title still the template's is the title rule's finding", text: page('# [Pattern Title] Pattern') },
      { name: 'no title at all is the title rule’s finding', text: '## Overview\n\nWorkers pull.\n' },
    ],
    invalid: [
      {
        name: 'the fixed words missing',
        text: page('# Competing Consumers'),
        errors: [{ message: shape('Competing Consumers', '<title> Pattern'), line: 1, column: 1, endLine: 1, endColumn: 22, severity: 'warning' }],
      },
      {
        name: 'the prefix missing',
        template: numberedTemplate,
        text: rfc('# Retry budgets'),
        errors: [{ message: shape('Retry budgets', 'RFC-NNNN: <title>'), line: 1, column: 1, severity: 'warning' }],
      },
      {
        name: 'the prefix missing where the template names its number in a word',
        template: '# BP-Number: Title\n\n## Problem\n\nWhat goes wrong.\n',
        text: rfc('# Earlier proofing for rye'),
        errors: [{ message: shape('Earlier proofing for rye', 'BP-Number: <title>'), line: 1, column: 1, severity: 'warning' }],
      },
      {
        name: 'the label still asked for where the phrase says what goes after it',
        template: '# Proposal NNN: Title of proposal\n\n## Problem\n\nWhat goes wrong.\n',
        text: rfc('# Snow ploughing routes'),
        errors: [{ message: shape('Snow ploughing routes', 'Proposal NNN: <title>'), line: 1, column: 1, severity: 'warning' }],
      },
      {
        name: 'written another way than the fixed words',
        template: codeSpanTemplate,
        text: '# Caching Fieldguide\n\n## Introduction\n\nWhere caches help.\n',
        errors: [{ message: shape('Caching Fieldguide', '`Subject` Field Guide'), line: 1, column: 1, severity: 'warning' }],
      },
      {
        name: 'in front matter, when the template keeps the title there',
        template: '---\ntitle: "[Pattern Title] Pattern"\n---\n\n## Overview\n\nDescribe it.\n',
        text: '---\ntitle: Competing Consumers\n---\n\n## Overview\n\nWorkers pull.\n',
        errors: [{ message: shape('Competing Consumers', '<title> Pattern'), line: 1, column: 1, endLine: 3, endColumn: 4, severity: 'warning' }],
      },
    ],
  },
  { describe, it },
);

describe('title-shape: a shape most of the catalog’s titles do not keep', async () => {
  const { lint } = await import('../../../src/lint/lint.js');
  const { tempCatalog } = await import('../../helpers.js');
  const catalogOf = (titles: string[], template = '# REQ0000: Template for new requests\n\n## Request\n\nWhat is asked.\n') =>
    tempCatalog({
      'template.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'template.md', patterns: ['docs/*.md'] }),
      ...Object.fromEntries(titles.map((t, i) => [`docs/req-${i}.md`, `# ${t}\n\n## Request\n\nAsk ${i}.\n`])),
    });
  it('is not the catalog’s: no title is told to follow it', async () => {
    const dir = await catalogOf(['REQ0011: Request number 11 for a thing', 'REQ0012: Request for a queue', 'REQ0013: Request for a cache']);
    expect((await lint({ root: dir, only: ['title-shape'] })).warningCount).toBe(0);
  });
  it('where most keep it, the one that does not is told', async () => {
    const dir = await catalogOf(['Saga Pattern', 'Outbox Pattern', 'Caches everywhere'], '# [Pattern Title] Pattern\n\n## Request\n\nWhat is asked.\n');
    const found = (await lint({ root: dir, only: ['title-shape'] })).results.flatMap((r) => r.diagnostics.map((d) => d.message));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('“Caches everywhere”');
  });
});
