import { describe, expect, it } from 'vitest';
import rule from '../../../src/lint/rules/section-order.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import { OUTLINE_TEMPLATE as template } from './_templates.js';
import { lintOne } from './_lint-one.js';

const outOfOrder = (heading: string, where: string) => `\`${heading}\` is out of order: the template puts it ${where}.`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: "the template's order, an optional section in its place",
        text: `# Bloom Filter

## Overview

Answers "maybe present" or "surely absent" in constant space.

## Architecture

### Components

A bit array and k hash functions.

### Data Flow

Each key sets k bits.

## Implementation

### Step 1: Size the array

From the expected keys and error rate.

## Notes

It cannot delete keys.

## Cleanup

Drop the array.
`,
      },
      {
        name: 'repeated steps in any order (one repeatable section)',
        text: `# Bloom Filter

## Implementation

### Step 2: Hash the key

Twice, then combine.

### Step 1: Size the array

From the error rate.
`,
      },
      {
        name: 'missing sections leave the others in order',
        text: `# Bloom Filter

## Overview

Constant space membership.

## Cleanup

Drop the array.
`,
      },
    ],
    invalid: [
      {
        name: 'two sections moved together: each names a section that stays, not one that moves too',
        text: `# Bloom Filter

## Overview

Constant space membership.

## Notes

It cannot delete keys.

## Cleanup

Drop the array.

## Architecture

A bit array.

## Implementation

### Step 1: Size the array

From the error rate.
`,
        errors: [
          { message: outOfOrder('## Notes', 'after `## Implementation`'), line: 7, column: 1, endLine: 7, endColumn: 9 },
          { message: outOfOrder('## Cleanup', 'after `## Implementation`'), line: 11, column: 1, endLine: 11, endColumn: 11 },
        ],
      },
      {
        name: 'one section moved down: only it is reported, with the section it should follow',
        text: `# Bloom Filter

## Overview

Constant space membership.

## Implementation

### Step 1: Size the array

From the error rate.

## Architecture

A bit array.

## Cleanup

Drop the array.
`,
        errors: [{ message: outOfOrder('## Implementation', 'after `## Architecture`'), line: 7, column: 1, endLine: 7, endColumn: 18 }],
      },
      {
        name: 'two sections swapped: one is reported, with the section it should follow',
        text: `# Bloom Filter

## Architecture

A bit array.

## Overview

Constant space membership.

## Cleanup

Drop the array.
`,
        errors: [{ message: outOfOrder('## Architecture', 'after `## Overview`'), line: 3, column: 1 }],
      },
      {
        name: 'the last section at the top',
        text: `# Bloom Filter

## Cleanup

Drop the array.

## Overview

Constant space membership.

## Architecture

A bit array.

## Implementation

### Step 1: Size the array

From the error rate.
`,
        errors: [{ message: outOfOrder('## Cleanup', 'after `## Implementation`'), line: 3, column: 1 }],
      },
      {
        name: 'the first section at the bottom',
        text: `# Bloom Filter

## Architecture

A bit array.

## Implementation

### Step 1: Size the array

From the error rate.

## Cleanup

Drop the array.

## Overview

Constant space membership.
`,
        errors: [{ message: outOfOrder('## Overview', 'before `## Architecture`'), line: 17, column: 1 }],
      },
      {
        name: 'sub-sections swapped',
        text: `# Bloom Filter

## Architecture

### Data Flow

Each key sets k bits.

### Components

A bit array.
`,
        errors: [{ message: outOfOrder('### Data Flow', 'after `### Components`'), line: 5, column: 1, endLine: 5, endColumn: 14 }],
      },
      {
        name: 'a sub-section under another section',
        text: `# Bloom Filter

## Overview

Constant space membership.

### Components

A bit array.

## Architecture

Bits and hashes.

### Data Flow

Each key sets k bits.
`,
        errors: [{ message: '`### Components` is misplaced: the template puts it under `## Architecture`.', line: 7, column: 1, endLine: 7, endColumn: 15 }],
      },
    ],
  },
  { describe, it },
);

describe('section-order: a section written in other words', () => {
  it('names the template section it was taken for', async () => {
    const template = '# [Title]\n\n## Summary\n\nWhat.\n\n## Design\n\nHow.\n\n## Rollout Plan\n\nIn what steps.\n\n## Risks\n\nWhat could break.\n';
    const source = '# Cache\n\n## Summary\n\nFast.\n\n## Plan\n\nTwo steps.\n\n## Design\n\nA map.\n\n## Risks\n\nStale reads.\n';
    const found = await lintOne('section-order', source, { template });
    expect(found.shown).toEqual([expect.stringMatching(/^7:1 `## Plan` \(read as the template's `## Rollout Plan`\) is out of order/)]);
  });
});

describe('section-order: a second heading read as a section the pattern has already', () => {
  it('`## Prerequisite` after `## Requirements` (its alias `Pre-requisites`), at the top level where the template has it: said as a second one, never "misplaced at the top level"', async () => {
    const template = '# [Title]\n\n## Requirements\n\n* What a reader needs.\n\n## Deployment\n\n1. How to deploy.\n\n## Cleanup\n\n1. Delete it.\n';
    const source =
      '# Kite to lake\n\n## Requirements\n\n* The kite tool.\n\n## Prerequisite\n\nCreate a bucket first.\n\n## Deployment\n\n1. Run it.\n\n## Cleanup\n\n1. Remove it.\n';
    const found = await lintOne('section-order', source, {
      template,
      config: { template: 'templates/pattern.md', sections: { Requirements: { aliases: ['Pre-requisites'] } } },
    });
    expect(found.shown).toEqual([
      "7:1 `## Prerequisite` reads as the template's `## Requirements`, which this pattern has already (`## Requirements`, line 3): if it is a section of its own, give it a name of its own; if it is the same, merge the two.",
    ]);
  });
});

describe('section-order: guidance the template tells the author to delete', () => {
  it('is never taken for a heading of the author’s that shares a word with it', async () => {
    const template = '# [Title]\n\n## 1 Summary\n\nWhat.\n\n## 2 Design\n\nHow.\n\n## 3 Writing guide, delete this section before merging\n\n- Ask two reviewers.\n';
    const source = '# Rota\n\n## 1 Summary\n\nWeekly.\n\n## Guides\n\nThe on-call handbook.\n\n## 2 Design\n\nA calendar.\n';
    const found = await lintOne('section-order', source, { template });
    expect(found.shown).toEqual([]);
    const names = await lintOne('section-name', source, { template });
    expect(names.shown).toEqual([]);
  });
});

describe('section-order: sub-sections of a section the template repeats', () => {
  it('are in order within each one (`### Option 1` and `### Option 2`, each with Pros then Cons); one out of order in one of them is said', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template =
      '# [Title]\n\n## Summary\n\nIn short.\n\n## Options\n\n### Option 1:\n\n#### Pros\n\nGood.\n\n#### Cons\n\nBad.\n\n### Option 2:\n\n#### Pros\n\nGood.\n\n#### Cons\n\nBad.\n';
    const text =
      '# Shed roof\n\n## Summary\n\nA new roof.\n\n## Options\n\n### Option 1: tin\n\n#### Pros\n\nCheap.\n\n#### Cons\n\nLoud.\n\n### Option 2: slate\n\n#### Pros\n\nQuiet.\n\n#### Cons\n\nHeavy.\n';
    expect((await lintOne('section-order', text, { template })).shown).toEqual([]);
    const swapped = text.replace('#### Pros\n\nQuiet.\n\n#### Cons\n\nHeavy.\n', '#### Cons\n\nHeavy.\n\n#### Pros\n\nQuiet.\n');
    expect((await lintOne('section-order', swapped, { template })).diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([
      '21 `#### Cons` is out of order: the template puts it after `#### Pros`.',
    ]);
  });
});

describe('section-order: the order of the template of the pattern’s day', () => {
  it('a pattern written when the template put `## Fields` before `## Usage` (swapped since) is in order; one written since is not', async () => {
    const { lint } = await import('../../../src/lint/lint.js');
    const { commitSteps, tempCatalog } = await import('../../helpers.js');
    const template = (first: string, second: string) => `# [Title]\n\n## Summary\n\nIn brief.\n\n## ${first}\n\nWhat.\n\n## ${second}\n\nMore.\n`;
    const doc = (n: string) => `# ${n}\n\n## Summary\n\nShort.\n\n## Fields\n\nThree new fields.\n\n## Usage\n\nSearch by them.\n`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'rfcs/TEMPLATE.md', patterns: ['rfcs/*.md'], exclude: ['rfcs/TEMPLATE.md'] }),
    });
    await commitSteps(root, [
      ['2021-01-01T10:00:00Z', { 'rfcs/TEMPLATE.md': template('Fields', 'Usage') }],
      ['2022-01-01T10:00:00Z', { 'rfcs/geo.md': doc('Geo fields') }],
      ['2023-01-01T10:00:00Z', { 'rfcs/TEMPLATE.md': template('Usage', 'Fields') }],
      ['2024-01-01T10:00:00Z', { 'rfcs/tls.md': doc('TLS fields') }],
    ]);
    const report = await lint({ root, only: ['section-order'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.message}`))).toEqual([
      `rfcs/tls.md:7 ${outOfOrder('## Fields', 'after `## Usage`')}`,
    ]);
  });
});
