import { describe, it } from 'vitest';
import rule from '../../../src/lint/rules/duplicate-section.js';
import { testRule } from '../../../src/lint/rule-tester.js';

const template = `# [Pattern Title]

## Overview

Describe the problem this pattern solves.

## Architecture

### Components

List the components.

## Implementation

### Step 1: [First Step Title]

Detailed instructions for the first step.

### Step 2: [Second Step Title]

Detailed instructions for the second step.

## Cleanup

How to remove everything.
`;

const message = (heading: string, first: number) => `Duplicate section \`${heading}\`: it already appears on line ${first}. Merge the two.`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: 'the name with a note of the author’s that sets it apart (`(in production)`) is another section',
        text: `# Leader Election

## Overview

One node coordinates.

## Cleanup

Delete the lease.

## Cleanup (in production)

Wait for the lease to run out first.
`,
      },
      {
        name: 'each section once',
        text: `# Leader Election

## Overview

One node coordinates, the others stand by.

## Architecture

### Components

A lease in the shared store.

## Implementation

### Step 1: Take the lease

Write it with a time limit.

## Cleanup

Delete the lease.
`,
      },
      {
        name: 'a repeatable section as often as needed',
        text: `# Leader Election

## Overview

One node coordinates.

## Implementation

### Step 1: Take the lease

Write it with a time limit.

### Step 2: Renew it

Before it runs out.

### Step 3: Hand over

Release it on shutdown.
`,
      },
    ],
    invalid: [
      {
        name: 'the same name closing the document, pages after the first: a recap likely, a warning',
        text: '# Leader Election\n\n## Overview\n\nOne node coordinates.\n\n## Architecture\n\nA lease.\n\n## Implementation\n\nRenew it.\n\n## Cleanup\n\nDelete the lease.\n\n## Overview\n\nIn short: one leader, one lease.\n',
        errors: [
          {
            message:
              'Duplicate section `## Overview`: it already appears on line 3, and this one closes the document, likely a recap: name it for what it is (`## Conclusion`), or merge the two.',
            line: 19,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a top-level section twice',
        text: `# Leader Election

## Overview

One node coordinates.

## Cleanup

Delete the lease.

## Cleanup

Stop the watchers.
`,
        errors: [{ message: message('## Cleanup', 7), line: 11, column: 1, endLine: 11, endColumn: 11 }],
      },
      {
        name: 'three copies: each extra one points at the first',
        text: `# Leader Election

## Overview

One node coordinates.

## Overview

The others stand by.

## Overview

They watch the lease.
`,
        errors: [
          { message: message('## Overview', 3), line: 7, column: 1 },
          { message: message('## Overview', 3), line: 11, column: 1 },
        ],
      },
      {
        name: 'a sub-section twice under its parent',
        text: `# Leader Election

## Architecture

### Components

A lease.

### Components

A watcher per node.
`,
        errors: [{ message: message('### Components', 5), line: 9, column: 1, endLine: 9, endColumn: 15 }],
      },
      {
        name: 'the heading is quoted as written, in any case',
        text: `# Leader Election

## Overview

One node coordinates.

## OVERVIEW

The others stand by.
`,
        errors: [{ message: message('## OVERVIEW', 3), line: 7, column: 1 }],
      },
    ],
  },
  { describe, it },
);

describe('duplicate-section under a section that repeats', () => {
  const changelog =
    '# [Title]\n\n## Summary\n\n[Short.]\n\n## Changelog\n\n### 1.0.0 - Initial Version\n\n#### Benefits\n\n##### Users\n\n- [Benefit]\n\n#### Concerns\n\n- [Concern]\n';
  testRule(
    rule,
    {
      template: changelog,
      valid: [
        {
          name: 'sub-sections two levels under each entry',
          text: '# Ledger\n\n## Summary\n\nKeeps accounts.\n\n## Changelog\n\n### 1.0.0 - First\n\n#### Benefits\n\n##### Users\n\n- Simple\n\n### 1.1.0 - Events\n\n#### Benefits\n\n##### Users\n\n- Indexers\n',
        },
        {
          name: 'each entry with its own sub-sections',
          text: '# Ledger\n\n## Summary\n\nKeeps accounts.\n\n## Changelog\n\n### 1.0.0 - First\n\n#### Benefits\n\n- Simple\n\n#### Concerns\n\n- None\n\n### 1.1.0 - Events\n\n#### Benefits\n\n- Indexers\n\n#### Concerns\n\n- Size\n',
        },
      ],
      invalid: [
        {
          name: 'a sub-section twice within one entry',
          text: '# Ledger\n\n## Summary\n\nKeeps accounts.\n\n## Changelog\n\n### 1.0.0 - First\n\n#### Benefits\n\n- Simple\n\n#### Benefits\n\n- Cheap\n',
          errors: [{ message: 'Duplicate section `#### Benefits`: it already appears on line 11. Merge the two.', line: 15, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});

describe('duplicate-section for a heading with a variable part', () => {
  // The code span marks the word the author changes: one heading per release stage.
  const staged =
    '# [Name]\n\n## Aims\n\n(What it must do.)\n\n## `Final` Readiness Checks\n\n(What must hold before it is `Final`.)\n\n## Rejected Designs\n\n(Others.)\n';
  testRule(
    rule,
    {
      template: staged,
      valid: [
        {
          name: 'the variable part filled with other words is another section of its kind',
          text: '# Lazy loading\n\n## Aims\n\n- Load on first use.\n\n## Preview Readiness Checks\n\n- Two users.\n\n## Final Readiness Checks\n\n- Ten users.\n\n## Rejected Designs\n\nEager loading.\n',
        },
      ],
      invalid: [
        {
          name: 'the same words twice are a duplicate, whatever stands between them',
          text: '# Lazy loading\n\n## Aims\n\n- Load on first use.\n\n## Final Readiness Checks\n\n- Ten users.\n\n## Preview Readiness Checks\n\n- Two users.\n\n## Final Readiness Checks\n\n- Ten more.\n\n## Rejected Designs\n\nEager loading.\n',
          errors: [{ message: 'Duplicate section `## Final Readiness Checks`: it already appears on line 7. Merge the two.', line: 15, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});

describe('duplicate-section for one numbered item the template shows alone', () => {
  // `### Risk 1` alone: the first of the author's series, however many the template shows.
  const risks =
    '# [Name]\n\n## Setting\n\n<two sentences on the setting>\n\n## Risks\n\n<the risks, one per heading>\n\n### Risk 1\n\n<what could go wrong>\n\n## Answers\n\n<links>\n';
  testRule(
    rule,
    {
      template: risks,
      valid: [
        {
          name: 'each numbered heading of the series, named by the author, is one item',
          text: '# Shared ledger\n\n## Setting\n\nBanks share one ledger.\n\n## Risks\n\n### Risk 1: Amounts show\n\nEvery amount is public.\n\n### Risk 2: Parties link\n\nAddresses tie deals.\n\n### Risk 3\n\nAudits see all.\n\n## Answers\n\nShielded pools.\n',
        },
      ],
      invalid: [
        {
          name: 'a section the template has once, twice, is still a duplicate',
          text: '# Shared ledger\n\n## Setting\n\nBanks share one ledger.\n\n## Risks\n\n### Risk 1: Amounts show\n\nEvery amount is public.\n\n## Setting\n\nAgain.\n\n## Answers\n\nShielded pools.\n',
          errors: [{ message: 'Duplicate section `## Setting`: it already appears on line 3. Merge the two.', line: 13, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});

describe('duplicate-section for the sections of each of several topics of the author’s, written a level off', () => {
  const template = '# [Name]\n\n## Overview\n\nWhat it is.\n\n## Default settings\n\nWhat it sets up.\n\n## Architecture\n\nA diagram.\n';
  testRule(
    rule,
    {
      template,
      valid: [],
      invalid: [
        {
          name: 'each copy after a topic of a deeper level (`## Buckets`, then `# Default settings`): a warning that names the topics; a copy with no topic of its own between is still an error',
          text: '# Factories\n\n## Overview\n\nTwo factories.\n\n## Buckets\n\nMakes buckets.\n\n# Default settings\n\nEncrypted.\n\n## Queues\n\nMakes queues.\n\n# Default settings\n\nA dead-letter queue.\n\n# Default settings\n\nAgain.\n',
          errors: [
            {
              message:
                "Duplicate section `# Default settings`: it already appears on line 11, after `## Buckets`, and this one after `## Queues`: if each is a part of that topic, write it a level below the topic's heading; if not, merge the two.",
              line: 19,
              column: 1,
              severity: 'warning',
            },
            { message: 'Duplicate section `# Default settings`: it already appears on line 11. Merge the two.', line: 23, column: 1 },
          ],
        },
        {
          name: 'copies at the template’s level, after sub-headings of other sections, are copies: an error',
          text: '# Factories\n\n## Overview\n\nTwo factories.\n\n### Buckets\n\nMakes buckets.\n\n## Default settings\n\nEncrypted.\n\n## Architecture\n\n### Queues\n\nMakes queues.\n\n## Default settings\n\nA dead-letter queue.\n',
          errors: [{ message: 'Duplicate section `## Default settings`: it already appears on line 11. Merge the two.', line: 21, column: 1 }],
        },
        {
          name: 'copies a level up after sub-headings of a heading of the author’s (`### Costs` under `## Tradeoffs`) are copies: an error',
          template: '# [Name]\n\n## Design\n\nHow.\n\n### Default settings\n\nWhat it sets up.\n',
          text: '# Factories\n\n# Design\n\nTwo factories.\n\n## Tradeoffs\n\n### Gains\n\nFast.\n\n## Default settings\n\nEncrypted.\n\n## Risks\n\n### Costs\n\nMoney.\n\n## Default settings\n\nAgain.\n',
          errors: [{ message: 'Duplicate section `## Default settings`: it already appears on line 13. Merge the two.', line: 23, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});
