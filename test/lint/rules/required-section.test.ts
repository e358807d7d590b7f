import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/lint/rules/required-section.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import { OUTLINE_TEMPLATE as template } from './_templates.js';
import { lintOne } from './_lint-one.js';
import { lint } from '../../../src/lint/lint.js';
import { commitAllAt, gitAt, tempCatalog } from '../../helpers.js';

/** A template of three sections, and what a file with one of them is told (under half of it). */
const THREE = '# [Pattern Title]\n\n## Overview\n\nDescribe the problem this pattern solves.\n\n## Context\n\nSay where.\n\n## Cleanup\n\nHow to remove it.\n';
const UNDER_HALF =
  'This file has 1 of the 3 sections the template asks for (it lacks `## Overview`, `## Context`): if it is a pattern, write them; if it is not, leave it out with `exclude` in the configuration. No fix is offered: it may not follow this template.';

const missing = (heading: string, where: string) => `Missing section \`${heading}\`, expected ${where}.`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: 'a section that says it does not apply, or is answered elsewhere, is not asked for its sub-sections',
        template: '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Readiness\n\n### Rollout\n\nHow it rolls out.\n\n### Monitoring\n\nWhat to watch.\n',
        text: '# Read Replica\n\n## Overview\n\nCopies.\n\n## Readiness\n\nN/A: nothing runs in production.\n',
        files: {
          'saga/README.md': '# Saga\n\n## Overview\n\nSteps.\n\n## Readiness\n\nPlease refer to [the shared questionnaire](../docs/readiness.md).\n',
          'outbox/README.md': '# Outbox\n\n## Overview\n\nRows.\n\n## Readiness\n\nThis is not applicable: a library, nothing runs.\n',
          'docs/readiness.md': '# Readiness\n',
        },
      },
      {
        name: 'two sections written under one heading that joins their names',
        template: '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Drawbacks\n\nWhy not.\n\n## Rationale and alternatives\n\nWhy this.\n',
        text: '# Read Replica\n\n## Overview\n\nCopies.\n\n## Rationale, drawbacks, and alternatives\n\nLag is the price; a cache was the other way.\n',
      },
      {
        name: 'a section named for the header block (`## Preamble`), where the pattern opens with its header',
        template: '<pre>\n  Num: <number>\n  Title: <title>\n</pre>\n\n## Preamble\nHeader lines with the number and the title.\n\n## Summary\nOne paragraph.\n',
        text: '<pre>\n  Num: 1\n  Title: Lamp that dims\n</pre>\n\n## Summary\nA lamp that dims itself.\n',
        files: { 'fm/README.md': '---\nnum: 2\ntitle: Quiet fan\n---\n\n## Summary\nA fan.\n' },
      },
      {
        name: 'two sections joined by a slash, one of them an acronym of two letters (`### Beta/GA`)',
        template: '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Stages\n\n### Alpha\n\nFirst.\n\n### Beta\n\nWider.\n\n### GA\n\nFlag removed.\n',
        text: '# Merged stages\n\n## Summary\n\nShip in two steps.\n\n## Stages\n\n### Alpha\n\nBehind a flag.\n\n### Beta/GA\n\nEveryone, flag gone.\n',
      },
      {
        name: 'two sub-sections joined under one heading a level up',
        template:
          '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nHow.\n\n### Security Considerations\n\nWhat could an attacker do?\n\n### Risks and Mitigations\n\nWhat could go wrong?\n',
        text: '# Read-only mode\n\n## Summary\n\nWrites wait during upgrades.\n\n## Proposal\n\nA flag.\n\n## Security Considerations, Risks and Mitigations\n\nNothing new is exposed; the flag expires.\n',
      },
      {
        name: 'every required section, the optional one left out',
        text: `# Read Replica

## Overview

Reads go to copies, writes to the primary.

## Architecture

### Components

A primary and two replicas.

### Data Flow

Writes stream to the replicas.

## Implementation

### Step 1: Add a replica

Clone the primary.

### Step 2: Route reads

Point the read pool at it.

## Cleanup

Remove the replicas.
`,
      },
      {
        name: 'the optional section present',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.

## Notes

Replicas lag by a second or so.

## Cleanup

Remove the replica.
`,
      },
      {
        name: 'a section the configuration makes optional',
        config: { sections: { Cleanup: { optional: true } } },
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.
`,
      },
    ],
    invalid: [
      {
        name: 'the inserted section’s guidance keeps the web address of a link the template gives (the comment is the author’s only copy of it)',
        template:
          '# [Title]\n\n## Overview\n\nWhat it does.\n\n## Copyright\n\nPlace it in the public domain or under the [CC BY 4.0 licence](https://creativecommons.org/licenses/by/4.0/).\n',
        text: '# Read Replica\n\n## Overview\n\nA copy for reads.\n',
        errors: [{ message: missing('## Copyright', 'after `## Overview`'), line: 5, column: 1 }],
        output:
          '# Read Replica\n\n## Overview\n\nA copy for reads.\n\n## Copyright\n\n<!-- Place it in the public domain or under the CC BY 4.0 licence (https://creativecommons.org/licenses/by/4.0/). -->\n',
      },
      {
        name: 'the last section: inserted after the one before it, its heading with the template guidance as a comment',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.
`,
        errors: [{ message: missing('## Cleanup', 'after `## Implementation`'), line: 21, column: 1, endLine: 21, endColumn: 1, expected: '## Cleanup' }],
        output: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.

## Cleanup

<!-- How to remove everything. -->
`,
      },
      {
        name: 'after a section with sub-sections: below its last sub-section',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Cleanup

Remove the replica.
`,
        errors: [{ message: missing('## Implementation', 'after `## Architecture`'), line: 15, column: 1 }],
        output: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: [First Step Title]

<!-- Detailed instructions for the first step. -->

## Cleanup

Remove the replica.
`,
      },
      {
        name: 'the first section: inserted before the next one',
        text: `# Read Replica

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.

## Cleanup

Remove the replica.
`,
        errors: [{ message: missing('## Overview', 'before `## Architecture`'), line: 3, column: 1 }],
        output: `# Read Replica

## Overview

<!-- Describe the problem this pattern solves. -->

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.

## Cleanup

Remove the replica.
`,
      },
      {
        name: 'sub-sections: before the next sibling, after the previous one',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.

## Cleanup

Remove the replica.
`,
        errors: [{ message: missing('### Components', 'before `### Data Flow`'), line: 9, column: 1 }],
        output: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

<!-- List the components. -->

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

Clone the primary.

## Cleanup

Remove the replica.
`,
      },
      {
        name: 'a repeatable section: at least one, in its parent',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

Two steps, see below.

## Cleanup

Remove the replica.
`,
        errors: [
          { message: 'Missing section `### Step N: <title>` (at least one), expected in `## Implementation`.', line: 19, column: 1, expected: '### Step N: <title>' },
        ],
        output: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

Two steps, see below.

### Step 1: [First Step Title]

<!-- Detailed instructions for the first step. -->

## Cleanup

Remove the replica.
`,
      },
      {
        name: 'several missing at one place come in template order',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.
`,
        errors: [
          { message: missing('## Implementation', 'after `## Architecture`'), line: 15, column: 1 },
          { message: missing('## Cleanup', 'after `## Architecture`'), line: 15, column: 1 },
        ],
        output: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: [First Step Title]

<!-- Detailed instructions for the first step. -->

## Cleanup

<!-- How to remove everything. -->
`,
      },
      {
        name: "a pattern with half of the template's sections: the other half inserted after the title",
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe the problem this pattern solves.\n\n## Cleanup\n\nHow to remove it.\n',
        text: '# Read Replica\n\n## Cleanup\n\nDrop the replica.\n',
        errors: [{ message: missing('## Overview', 'before `## Cleanup`'), line: 3, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\n<!-- Describe the problem this pattern solves. -->\n\n## Cleanup\n\nDrop the replica.\n',
      },
      {
        name: "a heading that holds the pattern's name is inserted with the pattern's title, as `new` writes it",
        template: '# [Pattern Title]\n\n## Intent of [Pattern Title]\n\nSay what it is for.\n\n## Cleanup\n\nHow to remove it.\n',
        text: '# Read Replica\n\n## Cleanup\n\nDrop the replica.\n',
        errors: [{ message: missing('## Intent of <title>', 'before `## Cleanup`'), line: 3, column: 1 }],
        output: '# Read Replica\n\n## Intent of Read Replica\n\n<!-- Say what it is for. -->\n\n## Cleanup\n\nDrop the replica.\n',
      },
      {
        name: 'guidance lines with a TODO marker are not inserted (the next lint would find them left in)',
        template: '# [Pattern Title]\n\n## Overview\n\nSay what it solves.\n\nTODO: write this before submitting.\n\n## Cleanup\n\nHow to remove it.\n',
        text: '# Read Replica\n\n## Cleanup\n\nDrop the replica.\n',
        errors: [{ message: missing('## Overview', 'before `## Cleanup`'), line: 3, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\n<!-- Say what it solves. -->\n\n## Cleanup\n\nDrop the replica.\n',
      },
      {
        name: 'a slot for the author’s own headings (`#### Story 1`, `#### Story 2` left bare) is not inserted with its parent: its heading is a sample',
        template:
          '# [Pattern Title]\n\n## Overview\n\nSay what it solves.\n\n### User Stories\n\nWho needs it.\n\n#### Story 1\n\n#### Story 2\n\n## Cleanup\n\nHow to remove it.\n',
        text: '# Read Replica\n\n## Overview\n\nReads go to a copy.\n\n## Cleanup\n\nDrop the replica.\n',
        errors: [{ message: missing('### User Stories', 'in `## Overview`'), line: 5, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\nReads go to a copy.\n\n### User Stories\n\n<!-- Who needs it. -->\n\n## Cleanup\n\nDrop the replica.\n',
      },
      {
        name: 'inserted after a section that ends in a `---` rule right above the next heading: a blank line on each side',
        template: '# [Pattern Title]\n\n## Overview\n\nSay what it solves.\n\n## Risks\n\nWhat could go wrong.\n\n## Cleanup\n\nHow to remove it.\n',
        text: '# Read Replica\n\n## Overview\n\nReads go to a copy.\n\n---\n## Cleanup\n\nDrop the replica.\n',
        errors: [{ message: missing('## Risks', 'after `## Overview`'), line: 7, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\nReads go to a copy.\n\n---\n\n## Risks\n\n<!-- What could go wrong. -->\n\n## Cleanup\n\nDrop the replica.\n',
      },
      {
        name: 'guidance that is all TODO lines is inserted without the markers (else the heading would come bare)',
        template: '# [Pattern Title]\n\n## Overview\n\nTODO: the problem it solves, as one question.\n\n## Cleanup\n\nHow to remove it.\n',
        text: '# Read Replica\n\n## Cleanup\n\nDrop the replica.\n',
        errors: [{ message: missing('## Overview', 'before `## Cleanup`'), line: 3, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\n<!-- the problem it solves, as one question. -->\n\n## Cleanup\n\nDrop the replica.\n',
      },
      {
        name: 'no insertion where a section the template puts after the missing one stands above its place (the pattern’s order broken there: where it goes is the author’s to say)',
        template: '# [Pattern Title]\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n\n## Risks\n\nWhat could go wrong.\n',
        text: '# Read Replica\n\n## Risks\n\nLag.\n\n## Design\n\nA copy.\n',
        errors: [{ message: missing('## Motivation', 'before `## Design`'), line: 7, column: 1 }],
        output: null,
      },
      {
        name: 'a TBD inside a sentence of the guidance is the sentence’s own word: inserted as the template writes it',
        template: '# [Pattern Title]\n\n## Overview\n\nSay what it solves.\n\n## Next steps\n\nWhich parts of the plan are still TBD or unknown?\n',
        text: '# Read Replica\n\n## Overview\n\nReads go to a copy.\n',
        errors: [{ message: missing('## Next steps', 'after `## Overview`'), line: 5, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\nReads go to a copy.\n\n## Next steps\n\n<!-- Which parts of the plan are still TBD or unknown? -->\n',
      },
      {
        name: 'a file with the one section the template requires, lacking most of those it only recommends, follows the template: a warning for each, no doubt that it is a pattern',
        template:
          '# [Pattern Title]\n\n## Overview\n\nSay what it solves.\n\n## Context\n\nSay where.\n\n## Risks\n\nWhat could go wrong.\n\n## Cleanup\n\nHow to remove it.\n',
        config: { sections: { Context: { recommended: true }, Risks: { recommended: true }, Cleanup: { recommended: true } } },
        text: '# Read Replica\n\n## Overview\n\nReads go to a copy.\n',
        errors: [
          { message: missing('## Context', 'after `## Overview`'), line: 5, column: 1, severity: 'warning' },
          { message: missing('## Risks', 'after `## Overview`'), line: 5, column: 1, severity: 'warning' },
          { message: missing('## Cleanup', 'after `## Overview`'), line: 5, column: 1, severity: 'warning' },
        ],
        output: null,
      },
      {
        name: 'an optional section the file has counts toward the template it follows: one of three required sections and the optional one is no file of under half',
        template: THREE.replace('## Context\n\nSay where.', '## Forces (optional)\n\nWhat pulls.\n\n## Context\n\nSay where.'),
        text: '# Outbox\n\n## Overview\n\nRows first.\n\n## Forces\n\nAtomic writes.\n',
        errors: [
          { message: missing('## Context', 'after `## Forces`'), line: 9, column: 1 },
          { message: missing('## Cleanup', 'after `## Forces`'), line: 9, column: 1 },
        ],
        output:
          '# Outbox\n\n## Overview\n\nRows first.\n\n## Forces\n\nAtomic writes.\n\n## Context\n\n<!-- Say where. -->\n\n## Cleanup\n\n<!-- How to remove it. -->\n',
      },
      {
        // (Two of its four required sections, none of the six recommended, and seven of its own: written
        // in another shape. With three recommended ones too it follows the template: see the next case.)
        name: 'half the required sections and a quarter of all it asks for at most: under half, one warning',
        template:
          '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Guide\n\nHow to use it.\n\n## Reference\n\nDetails.\n\n## Drawbacks\n\nCosts.\n\n## Alternatives\n\nOther ways.\n\n## Prior art\n\nElsewhere.\n\n## Testing\n\nHow it is tested.\n\n## Dependencies\n\nWhat it needs.\n\n## Open questions\n\nWhat is left.\n',
        config: {
          sections: Object.fromEntries(['Reference', 'Drawbacks', 'Alternatives', 'Prior art', 'Dependencies', 'Open questions'].map((n) => [n, { recommended: true }])),
        },
        text: '# Batched Calls\n\n## Summary\n\nOne call, many records.\n\n## Motivation\n\nRound trips.\n\n## Problem Sample\n\nA loop.\n\n## Message Format\n\nFields.\n\n## Benchmarks\n\nFaster.\n\n## Rollout Order\n\nPeer first.\n\n## Conclusion\n\nShip it.\n',
        files: { 'saga/README.md': '# Saga\n\n## Summary\n\nSteps.\n\n## Motivation\n\nWhy.\n\n## Guide\n\nUse.\n\n## Testing\n\nTests.\n' },
        errors: [
          {
            message:
              'This file has 2 of the 10 sections the template asks for (it lacks `## Guide`, `## Reference`, `## Drawbacks`, `## Alternatives` and 4 more): if it is a pattern, write them; if it is not, leave it out with `exclude` in the configuration. No fix is offered: it may not follow this template.',
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
        output: null,
      },
      {
        name: 'half the required sections with more of the recommended ones: it follows the template, a missing required one is an error',
        template:
          '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Guide\n\nHow to use it.\n\n## Reference\n\nDetails.\n\n## Drawbacks\n\nCosts.\n\n## Alternatives\n\nOther ways.\n\n## Prior art\n\nElsewhere.\n\n## Testing\n\nHow it is tested.\n\n## Dependencies\n\nWhat it needs.\n\n## Open questions\n\nWhat is left.\n',
        config: {
          sections: Object.fromEntries(['Reference', 'Drawbacks', 'Alternatives', 'Prior art', 'Dependencies', 'Open questions'].map((n) => [n, { recommended: true }])),
        },
        text: '# Batched Calls\n\n## Summary\n\nOne call, many records.\n\n## Motivation\n\nRound trips.\n\n## Reference\n\nFields.\n\n## Drawbacks\n\nA bigger message.\n\n## Alternatives\n\nPipelining.\n',
        files: { 'saga/README.md': '# Saga\n\n## Summary\n\nSteps.\n\n## Motivation\n\nWhy.\n\n## Guide\n\nUse.\n\n## Testing\n\nTests.\n' },
        errors: [
          { message: missing('## Guide', 'after `## Motivation`'), line: 9, column: 1, severity: 'error' },
          { message: missing('## Prior art', 'after `## Alternatives`'), line: 21, column: 1, severity: 'warning' },
          { message: missing('## Testing', 'after `## Alternatives`'), line: 21, column: 1, severity: 'error' },
          { message: missing('## Dependencies', 'after `## Alternatives`'), line: 21, column: 1, severity: 'warning' },
          {
            message: `${missing('## Open questions', 'after `## Alternatives`')} If nothing is left open, add it and say so (“None.”); else list what is. (A warning: left out, it may mean nothing is.)`,
            line: 21,
            column: 1,
            severity: 'warning',
          },
        ],
        output:
          '# Batched Calls\n\n## Summary\n\nOne call, many records.\n\n## Motivation\n\nRound trips.\n\n## Guide\n\n<!-- How to use it. -->\n\n## Reference\n\nFields.\n\n## Drawbacks\n\nA bigger message.\n\n## Alternatives\n\nPipelining.\n\n## Testing\n\n<!-- How it is tested. -->\n',
      },
      {
        name: 'optional sections alone say nothing of the template a file follows: with none it asks for, it is under half',
        template: THREE.replace(
          '## Context\n\nSay where.',
          '## Forces (optional)\n\nWhat pulls.\n\n## Tools (optional)\n\nWhat helps.\n\n## Links (optional)\n\nWhere to read on.\n\n## Context\n\nSay where.',
        ),
        text: '# Release notes\n\n## Forces\n\nTime.\n\n## Tools\n\nA script.\n\n## Links\n\nThe wiki.\n',
        files: { 'saga/README.md': '# Saga\n\n## Overview\n\nSteps.\n\n## Context\n\nServices.\n\n## Cleanup\n\nNone.\n' },
        errors: [
          {
            message:
              'This file has 0 of the 3 sections the template asks for (it lacks `## Overview`, `## Context`, `## Cleanup`): if it is a pattern, write them; if it is not, leave it out with `exclude` in the configuration. No fix is offered: it may not follow this template.',
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
        output: null,
      },
      {
        name: "a file with fewer than half of the template's sections among patterns that follow it: one warning (it may not be a pattern), nothing inserted",
        template: THREE,
        text: '# Release notes\n\n## Cleanup\n\nNothing to remove.\n',
        files: { 'saga/README.md': '# Saga\n\n## Overview\n\nSteps.\n\n## Context\n\nServices.\n\n## Cleanup\n\nNone.\n' },
        errors: [
          {
            message: UNDER_HALF,
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
        output: null,
      },
      {
        name: 'the same where most of the catalog is under half of the template: an error that asks whether `template` is right',
        template: THREE,
        text: '# Release notes\n\n## Cleanup\n\nNothing to remove.\n',
        errors: [
          {
            message: `${UNDER_HALF} Most of the catalog's patterns have under half of its sections: check that \`template\` names the template they follow.`,
            line: 1,
            column: 1,
            severity: 'error',
          },
        ],
        output: null,
      },
      {
        name: 'the same under a template whose outline is only a guide (it requires none of its sections): a warning, as it allows a proposal of the author’s own shape',
        template: `- Copy this file, or write your own free-form proposal.\n\n${THREE}`,
        text: '# Release notes\n\n## Cleanup\n\nNothing to remove.\n',
        errors: [
          {
            message: UNDER_HALF,
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
        output: null,
      },
      {
        name: 'a section with its own words and no sub-sections is still asked for them',
        template: '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Readiness\n\n### Rollout\n\nHow it rolls out.\n',
        text: '# Read Replica\n\n## Overview\n\nCopies.\n\n## Readiness\n\nWe watch replication lag.\n',
        errors: [{ message: missing('### Rollout', 'in `## Readiness`'), line: 9, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\nCopies.\n\n## Readiness\n\nWe watch replication lag.\n\n### Rollout\n\n<!-- How it rolls out. -->\n',
      },
      {
        name: 'a bare sub-heading of the template (nothing under it) a pattern goes without is a warning, not inserted',
        template: '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Outcome\n\nWhat follows from it.\n\n### Gains\n\n### Costs\n\n### Side effects\n',
        text: '# Read Replica\n\n## Overview\n\nCopies.\n\n## Outcome\n\nReads scale.\n\n### Gains\n\nFaster reads.\n\n### Costs\n\nLag.\n',
        errors: [{ message: missing('### Side effects', 'after `### Costs`'), line: 17, column: 1, severity: 'warning' }],
        output: null,
      },
      {
        name: 'a missing section is inserted without the sub-sections the catalog only recommends',
        template: '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Readiness\n\n### Rollout\n\nHow it rolls out.\n\n### Monitoring\n\nWhat to watch.\n',
        config: { sections: { Monitoring: { recommended: true } } },
        text: '# Read Replica\n\n## Overview\n\nCopies.\n',
        errors: [{ message: missing('## Readiness', 'after `## Overview`'), line: 5, column: 1 }],
        output: '# Read Replica\n\n## Overview\n\nCopies.\n\n## Readiness\n\n### Rollout\n\n<!-- How it rolls out. -->\n',
      },
      {
        name: 'no fix into a code block that is never closed',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

A primary and a replica.

### Data Flow

Writes stream to the replica.

## Implementation

### Step 1: Add a replica

\`\`\`bash
pg_basebackup -D /data/replica
`,
        errors: [
          {
            message: `${missing('## Cleanup', 'after `## Implementation`')} Close the code block opened on line 21 first: until then it would be inserted into it, so no fix is offered.`,
            line: 22,
            column: 1,
          },
        ],
      },
      {
        name: 'sections written after a fence that is never closed: one finding at the fence that runs away (not the one its list item closed), none per section',
        text: `# Read Replica

## Overview

Reads go to copies.

## Architecture

### Components

- A primary and a replica, set up with:

  \`\`\`
  replicas: 1
 \`\`\`

### Data Flow

Writes stream to the replica.

## Implementation

Add one.

## Cleanup

Drop it.
`,
        errors: [
          {
            message:
              '3 template sections `### Data Flow`, `## Implementation`, `## Cleanup` are written inside the code block opened with “```” on line 15, which is never closed: everything after it is read as code. Add a “```” line where its code ends, and they count.',
            line: 15,
            column: 1,
          },
        ],
      },
    ],
  },
  { describe, it },
);

describe('required-section: a section whose only guidance is labelled a tip (`[TIP]: # (…)`)', () => {
  it('is a suggestion, not asked of every pattern: missing, a warning; a section with a `[NOTE]` is still required', async () => {
    const template =
      '# [Title]\n\n## Abstract\n\n[NOTE]: # ( Give a short overview. )\n\n## Terminology\n\n[TIP]: # ( List any unusual terms here. )\n\n---\n\n## Design\n\n[NOTE]: # ( Describe the change. )\n';
    const text = '# Quiet replicas\n\n## Abstract\n\nReplicas that never vote.\n\n## Design\n\nA flag on the replica.\n';
    expect((await lintOne('required-section', text, { template })).diagnostics.map((d) => `${d.severity} ${d.message.split(',')[0]}`)).toEqual([
      'warning Missing section `## Terminology`',
    ]);
    const noDesign = text.replace('## Design\n\nA flag on the replica.\n', '## Terminology\n\nNone.\n');
    expect((await lintOne('required-section', noDesign, { template })).diagnostics.map((d) => `${d.severity} ${d.message.split(',')[0]}`)).toEqual([
      'error Missing section `## Design`',
    ]);
  });
});

describe('required-section: a draft (its status the first stage, `provisional`, `Draft`)', () => {
  it('may still lack a section, as it may hold `TBD`: a warning until its status moves on; the same file, past draft, an error', async () => {
    const template = '# [Title]\n\n- Status: provisional|implementable|implemented\n\n## Summary\n\nSay what.\n\n## Risks\n\nWhat may go wrong.\n\n## Design\n\nHow.\n';
    const text = (status: string) => `# Quiet replicas\n\n- Status: ${status}\n\n## Summary\n\nReplicas that never vote.\n\n## Design\n\nA flag on the replica.\n`;
    const said = async (status: string) => (await lintOne('required-section', text(status), { template })).diagnostics.map((d) => `${d.severity} ${d.message}`);
    expect(await said('provisional')).toEqual(['warning Missing section `## Risks`, expected after `## Summary`. (A draft: a warning until its status moves on.)']);
    expect(await said('implementable')).toEqual(['error Missing section `## Risks`, expected after `## Summary`.']);
  });
});

describe('required-section: a sub-heading the template leaves as an escaped placeholder (`### \\<Approach\\>`)', () => {
  it("is a slot any heading of the author's fills: their `### Use the existing selector` is one, nothing missing", async () => {
    const template = '# Title\n\n## Design\n\nHow.\n\n## Alternatives Considered\n\nList them here.\n\n### \\<Approach\\>\n\nLinks and the pros and cons.\n';
    const text =
      '# Exclude by kind\n\n## Design\n\nA selector.\n\n## Alternatives Considered\n\n### A new annotation\n\nToo many annotations.\n\n### Use the existing selector\n\nToo coarse.\n';
    expect((await lintOne('required-section', text, { template })).shown).toEqual([]);
  });
});

describe('required-section: a section named for its sub-sections (`## Impact, Cost, and Risk` over `### Impact`…)', () => {
  const joined = [
    '# RFC-0000: Name',
    '',
    '## Summary',
    '',
    'One paragraph.',
    '',
    '## Impact, Cost, and Risk',
    '',
    'Describe the impact.',
    '',
    '### Impact',
    '',
    'How big?',
    '',
    '### Cost',
    '',
    'How much?',
    '',
    '### Risk',
    '',
    'What could go wrong?',
    '',
    '## Notes',
    '',
    'Anything else.',
    '',
  ].join('\n');
  const rfc = (middle: string) => `# RFC-0001: Retry budgets\n\n## Summary\n\nBudgets for retries.\n\n${middle}\n\n## Notes\n\nNone.\n`;

  it('answered in its own text, with none of the parts as headings: one warning, nothing inserted', async () => {
    const source = rfc('## Impact, Cost, and Risk\n\nSmall impact, no cost, low risk: the budget only caps retries.');
    const { shown } = await lintOne('required-section', source, { template: joined });
    expect(shown).toEqual([
      '7:1 `## Impact, Cost, and Risk` answers its parts in its own text; the template gives each a heading of their own (`### Impact`, `### Cost`, `### Risk`): add them if the text says more than a line about each.',
    ]);
    const fixed = await lintOne('required-section', source, { template: joined, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source);
  });

  it('a pattern written mostly a level below the template and partly at it: the missing sections are errors, and nothing is inserted (at either level it would tip the outline one way)', async () => {
    const h1s = ['Summary', 'Motivation', 'Design', 'Drawbacks', 'Alternatives', 'Rollout'].map((n) => `# ${n}\n\nSay it.\n`).join('\n');
    const source =
      '## Summary\n\nCount uses.\n\n## Motivation\n\nWe guess.\n\n## Design\n\nA counter.\n\n## Drawbacks\n\nSome dislike it.\n\n# Alternatives\n\nRead downloads.\n';
    const { diagnostics } = await lintOne('required-section', source, { template: h1s });
    expect(diagnostics.map((d) => [d.severity, d.message, d.fix])).toEqual([['error', 'Missing section `# Rollout`, expected after `# Alternatives`.', undefined]]);
    const fixed = await lintOne('required-section', source, { template: h1s, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source);
  });

  it('a pattern whose headings are off the template by two amounts (`# Motivation` for `## Motivation`, `# Goals` for `### Goals`) gets a missing section at the template’s level, not at its own: heading-level moves each heading to the template’s, where one at the author’s would be an error', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat.\n\n### Non-Goals\n\nWhat not.\n\n## Proposal\n\nHow.\n';
    const source = '---\ntitle: Tea timer\n---\n\n# Motivation\n\nBitter tea.\n\n# Goals\n\nA ring.\n\n# Non-Goals\n\nAn app.\n\n# Proposal\n\nA timer.\n';
    const { diagnostics } = await lintOne('required-section', source, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(['error Missing section `## Summary`, expected before `# Motivation`.']);
    const fixed = await lintOne('required-section', source, { template, fix: true });
    const after = await readFile(fixed.file, 'utf8');
    expect(after).toMatch(/^## Summary$/m);
    expect(after).not.toMatch(/^# Summary$/m);
    const levels = await lintOne('heading-level', after, { template });
    expect(levels.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).not.toContainEqual(expect.stringContaining('Summary'));
  });

  it('a section the template makes optional for one kind ("Optional for `kind: family` patterns") is not asked of patterns of that kind, and asked of the others', async () => {
    const template =
      '---\ntitle: "<name>"\nkind: single | family\n---\n\n## Goal\n\nOne paragraph.\n\n## Walkthrough\n\nA worked example.\nOptional for `kind: family` patterns (they list their members).\n\n## Links\n\nReferences.\n';
    const source = (kind: string) => `---\ntitle: Retry\nkind: ${kind}\n---\n\n## Goal\n\nRetry calls.\n\n## Links\n\nNone.\n`;
    expect((await lintOne('required-section', source('family'), { template })).shown).toEqual([]);
    expect((await lintOne('required-section', source('single'), { template })).diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'error Missing section `## Walkthrough`, expected after `## Goal`.',
    ]);
  });

  it('a heading that names a template section exactly is that section out of place, never a longer form of another’s alias where it stands (`## Implementation History` under a `# Plan` whose `Implementation Details` is also called `Implementation`)', async () => {
    const template =
      '# Title\n\n## Summary\n\nWhat.\n\n## Motivation\n\nWhy.\n\n## Plan\n\nHow.\n\n### Implementation Details\n\nParts.\n\n## Implementation History\n\nWhen.\n';
    const source = '# Summary\n\nA timer.\n\n# Motivation\n\nBitter tea.\n\n# Plan\n\nAn app.\n\n## Implementation History\n\n- 2024-05-01: first draft\n';
    const { diagnostics } = await lintOne('required-section', source, { template, config: { sections: { 'Implementation Details': { aliases: ['Implementation'] } } } });
    expect(diagnostics.map((d) => d.message)).toEqual(['Missing section `### Implementation Details`, expected in `# Plan`.']);
  });

  it('with some parts as headings: each part left out is missing, as always', async () => {
    const { diagnostics } = await lintOne('required-section', rfc('## Impact, Cost, and Risk\n\nOverall small.\n\n### Impact\n\nSmall.'), { template: joined });
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [13, 'error', 'Missing section `### Cost`, expected after `### Impact`.'],
      [13, 'error', 'Missing section `### Risk`, expected after `### Impact`.'],
    ]);
  });

  it('its parts written at its level, without it: a warning that says so, and the fix puts them under it', async () => {
    const source = rfc('## Impact\n\nSmall.\n\n## Cost\n\nNone.\n\n## Risk\n\nLow.');
    const { diagnostics } = await lintOne('required-section', source, { template: joined });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[5, 'warning']]);
    expect(diagnostics[0]!.message).toContain('This pattern writes its parts at its level (`## Impact`, `## Cost`, `## Risk`)');
  });

  it('a heading joining some of its parts is that section renamed; only the part it leaves out is missing', async () => {
    const source = rfc('## Impact and Risk\n\n### Impact\n\nSmall.\n\n### Risk\n\nLow.');
    const { shown } = await lintOne('required-section', source, { template: joined });
    expect(shown).toEqual(['11:1 Missing section `### Cost`, expected after `### Impact`.']);
    const named = await lintOne('section-name', source, { template: joined });
    expect(named.shown).toHaveLength(1);
    expect(named.shown[0]).toMatch(/^7:1 `## Impact and Risk` is written `## Impact, Cost, and Risk` in the template/);
    expect((await lintOne('unknown-section', source, { template: joined })).shown).toEqual([]);
  });
});

describe("required-section: headings that hold the pattern's name (`## Real-World Applications of [Pattern Title]`)", () => {
  const named = [
    '---',
    'title: "[Pattern Title]"',
    'description: "[Summary]"',
    '---',
    '',
    '## Intent of [Pattern Title] Design Pattern',
    '',
    '[Intent]',
    '',
    '## Example',
    '',
    '[Example]',
    '',
    '## When to Use the [Pattern Title]',
    '',
    '[When]',
    '',
    '## Real-World Applications of [Pattern Title]',
    '',
    '[Applications]',
    '',
    '## References',
    '',
    '[References]',
    '',
  ].join('\n');
  const front = '---\ntitle: "Retry Pattern in Java: Try again, within a budget"\ndescription: "Retries a failed call."\n---\n\n';

  it('matches the name without the article the template puts before it, so a section under the author’s own is found at its level', async () => {
    const source = `${front}## Intent of Retry Design Pattern\n\nIntent.\n\n## Diagrams\n\nA flow.\n\n### Example\n\nCode.\n\n## When to Use Retry\n\nOften.\n\n## Real-World Applications of Retry\n\nClients.\n\n## References\n\nBooks.\n`;
    expect((await lintOne('required-section', source, { template: named })).shown).toEqual([]);
    expect((await lintOne('heading-level', source, { template: named })).shown).toEqual(['14:1 `### Example` should be level 2: `## Example`.']);
  });

  it('takes a heading in other words at that section’s place as the section renamed, not missing', async () => {
    const source = `${front}## Intent of Retry Design Pattern\n\nIntent.\n\n## Example\n\nCode.\n\n## When to Use Retry\n\nOften.\n\n## Real-World Uses of Retry\n\nClients.\n\n## References\n\nBooks.\n`;
    expect((await lintOne('required-section', source, { template: named })).shown).toEqual([]);
    expect((await lintOne('section-name', source, { template: named })).diagnostics.map((d) => [d.line, d.severity])).toEqual([[18, 'warning']]);
  });

  it('inserts a missing one with the name as the pattern’s own headings write it, not its longer title', async () => {
    const source = `${front}## Intent of Retry Design Pattern\n\nIntent.\n\n## Example\n\nCode.\n\n## When to Use the Retry\n\nOften.\n\n## References\n\nBooks.\n`;
    const { file } = await lintOne('required-section', source, { template: named, fix: true });
    const fixed = await readFile(file, 'utf8');
    expect(fixed).toContain('\n## Real-World Applications of Retry\n');
    expect(fixed).not.toContain('Applications of Retry Pattern in Java');
    // An article before the name in the author's heading is the heading's, not the name's.
    const withArticle = source.replace('## Intent of Retry Design Pattern', '## Intent of the Retry Design Pattern');
    const again = await lintOne('required-section', withArticle, { template: named, fix: true });
    expect(await readFile(again.file, 'utf8')).toContain('\n## Real-World Applications of Retry\n');
    // A name written with the word that follows it in the template's heading gets it once.
    const worded = '# [Pattern Title]\n\n## Uses of [Pattern Title]\n\nList them.\n\n## Explanation of [Pattern Title] Pattern with Examples\n\nShow it.\n';
    const checkIn = await lintOne('required-section', '# Check-In\n\n## Uses of Check-In pattern\n\nMeshes.\n', {
      template: worded,
      fix: true,
    });
    expect(await readFile(checkIn.file, 'utf8')).toContain('\n## Explanation of Check-In Pattern with Examples\n');
  });
});

describe('required-section: the first section written without its heading, right under the title', () => {
  const template = '# [Proposal Title]\n\n## Summary\n\n_One paragraph that says what changes._\n\n## Motivation\n\n_Why is this needed?_\n';
  testRule(
    rule,
    {
      template,
      valid: [],
      invalid: [
        {
          name: 'text under the title where the template has none: a warning, and the heading goes above the text',
          text: '# Smaller images\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Motivation\n\nPulls take minutes.\n',
          errors: [
            {
              message:
                'Missing section `## Summary`, expected before `## Motivation`: the text under the title stands where it goes (the template has no text there). Add the heading above that text.',
              line: 3,
              column: 1,
              severity: 'warning',
            },
          ],
          output: '# Smaller images\n\n## Summary\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Motivation\n\nPulls take minutes.\n',
        },
        {
          name: 'text under the title where the template asks for some there (a comment under its title): that text, and the missing section goes after it',
          template:
            '# [Proposal Title]\n\n<!-- Describe the change here, freely. -->\n\n## Summary\n\n_One paragraph that says what changes._\n\n## Motivation\n\n_Why is this needed?_\n',
          text: '# Smaller images\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Motivation\n\nPulls take minutes.\n',
          errors: [{ message: 'Missing section `## Summary`, expected before `## Motivation`.', line: 5, column: 1 }],
          output:
            '# Smaller images\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Summary\n\n<!-- One paragraph that says what changes. -->\n\n## Motivation\n\nPulls take minutes.\n',
        },
        {
          name: 'text right after the front matter that holds the title, where the template keeps it there: the heading goes above that text',
          template: '---\ntitle: "P-0000: title"\n---\n\n## Summary\n\n<!-- one paragraph -->\n\n## Motivation\n\nThe problem.\n',
          text: '---\ntitle: "P-0007: review process"\n---\n\nThis sets up a light review process.\n\n## Motivation\n\nReviews are ad hoc.\n',
          errors: [
            {
              message:
                'Missing section `## Summary`, expected before `## Motivation`: the text under the title stands where it goes (the template has no text there). Add the heading above that text.',
              line: 5,
              column: 1,
              severity: 'warning',
            },
          ],
          output: '---\ntitle: "P-0007: review process"\n---\n\n## Summary\n\nThis sets up a light review process.\n\n## Motivation\n\nReviews are ad hoc.\n',
        },
        {
          name: 'the same where the template puts a block of guidance to delete above its first section (`### (Notes, remove this section)`)',
          template:
            '---\ntitle: "P-0000: title"\n---\n\n### (Notes, remove this section)\n\nFor writers: remove this section before you submit.\n\n## Summary\n\n<!-- one paragraph -->\n\n## Motivation\n\nThe problem.\n',
          text: '---\ntitle: "P-0007: review process"\n---\n\nThis sets up a light review process.\n\n## Motivation\n\nReviews are ad hoc.\n',
          errors: [
            {
              message:
                'Missing section `## Summary`, expected before `## Motivation`: the text under the title stands where it goes (the template has no text there). Add the heading above that text.',
              line: 5,
              column: 1,
              severity: 'warning',
            },
          ],
          output: '---\ntitle: "P-0007: review process"\n---\n\n## Summary\n\nThis sets up a light review process.\n\n## Motivation\n\nReviews are ad hoc.\n',
        },
        {
          name: "text after a contents list of the author's that opens the pattern: the heading goes above that text, not between it and the next section",
          text: '# Smaller images\n\n## Contents\n\n- [Motivation](#motivation)\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Motivation\n\nPulls take minutes.\n',
          errors: [
            {
              message:
                'Missing section `## Summary`, expected before `## Motivation`: the text after the contents (`## Contents`) stands where it goes. Add the heading above that text.',
              line: 7,
              column: 1,
              severity: 'warning',
            },
          ],
          output:
            '# Smaller images\n\n## Contents\n\n- [Motivation](#motivation)\n\n## Summary\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Motivation\n\nPulls take minutes.\n',
        },
        {
          name: 'where the template opens with a table of contents, the text under the title is the section after it, not the contents: the contents are missing (a warning, nothing inserted), the heading goes above the text',
          template:
            '# [Proposal Title]\n\n## Table of Contents\n\n- [Summary](#summary)\n- [Motivation](#motivation)\n\n## Summary\n\n_One paragraph that says what changes._\n\n## Motivation\n\n_Why is this needed?_\n\n## Proposal\n\n_What is done._\n',
          text: '# Smaller images\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Motivation\n\nPulls take minutes.\n\n## Proposal\n\nA slim base image.\n',
          errors: [
            {
              message:
                'Missing section `## Summary`, expected before `## Motivation`: the text under the title stands where it goes (the template has no text there). Add the heading above that text.',
              line: 3,
              column: 1,
              severity: 'warning',
            },
            {
              message:
                'Missing section `## Table of Contents`, expected before `## Motivation`. (A table of contents is navigation, which a git host and the site draw from the headings: a warning, and no empty one is inserted.)',
              line: 5,
              column: 1,
              severity: 'warning',
            },
          ],
          output:
            '# Smaller images\n\n## Summary\n\nImages lose their build tools, which cuts their size by two thirds.\n\n## Motivation\n\nPulls take minutes.\n\n## Proposal\n\nA slim base image.\n',
        },
        {
          name: 'a field line under the title is no such text: the section is missing',
          text: '# Smaller images\n\nStatus: Accepted\n\n## Motivation\n\nPulls take minutes.\n',
          errors: [{ message: 'Missing section `## Summary`, expected before `## Motivation`.', line: 5, column: 1 }],
          output: '# Smaller images\n\nStatus: Accepted\n\n## Summary\n\n<!-- One paragraph that says what changes. -->\n\n## Motivation\n\nPulls take minutes.\n',
        },
      ],
    },
    { describe, it },
  );
});

describe('required-section: a sub-section under a heading of the author’s, in its parent written a level up', () => {
  it('is there: heading-level says the parent’s level, nothing is missing', async () => {
    const template = '# [Title]\n\n## Goal\n\nWhat and why.\n\n## Design\n\nThe proposal.\n\n### Risks\n\nWhy not.\n\n## Prior Work\n\nWhat exists.\n';
    const source =
      '# Tide tables\n\n## Goal\n\nOne format for every harbour.\n\n# Design\n\n## Data Format\n\nOne row per tide.\n\n## Publishing\n\n### Risks\n\nOld tables stay cached.\n\n## Prior Work\n\nA table made by hand.\n';
    expect((await lintOne('required-section', source, { template })).shown).toEqual([]);
    expect((await lintOne('heading-level', source, { template })).shown).toEqual(['7:1 `# Design` should be level 2: `## Design`.']);
  });
});

describe('required-section: a section with sub-sections missing where the author has sections of their own', () => {
  const template = '# [Proposal Title]\n\n## Summary\n\n_One paragraph._\n\n## Goals\n\n* _List goals._\n\n## Proposal\n\n### Overview\n\n_The design in brief._\n';
  it('names them (they may be its parts a level up) and inserts nothing beside them', async () => {
    const source =
      '# Log shipping\n\n## Summary\n\nLogs go to one store.\n\n## Goals\n\n* Seven days of logs.\n\n## Shipper daemon\n\nIt tails the files.\n\n## Rollout plan\n\nOne pool first.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([
      '9:1 Missing section `## Proposal`, expected after `## Goals`. This pattern has its own sections there (`## Shipper daemon`, `## Rollout plan`): if they are that section, put them under its heading; if not, write it.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('required-section: a section without sub-sections missing where the author has sections of their own', () => {
  const template =
    '# [Title]\n\n## Status\n\n[Status]\n\n## Context\n\n[Context]\n\n## Decision (optional)\n\n[Decision]\n\n## Consequences (optional)\n\n[Consequences]\n';
  it('names them (the pattern may say it topic by topic) and inserts nothing at the end of the file', async () => {
    const source =
      '# Host names\n\n## Status\n\nAccepted\n\n## Where names come from\n\nTwo kinds of name.\n\n## Names for apps\n\n### Context\n\nEach app needs one.\n\n### Reasoning\n\nOne wildcard is enough.\n\n## Names for tools\n\nThey get their own.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([
      '5:1 Missing section `## Context`, expected after `## Status`. This pattern has its own sections there (`## Where names come from`, `## Names for apps`, `## Names for tools`): if one of them is that section in other words, rename it; if not, write it.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('a section that closes the template, after the author’s topics, is still inserted after them', async () => {
    const closing = '# [Title]\n\n## Introduction\n\n[What this guide covers]\n\n## References\n\n[Links]\n';
    const source = '# Retry budgets\n\n## Introduction\n\nWhy budgets.\n\n## Counting attempts\n\nOne counter.\n\n## Refilling\n\nOnce a second.\n';
    expect((await lintOne('required-section', source, { template: closing })).shown).toEqual(['5:1 Missing section `## References`, expected after `## Introduction`.']);
    const fixed = await lintOne('required-section', source, { template: closing, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(`${source}\n## References\n\n<!-- [Links] -->\n`);
  });

  it('one heading of the author’s last, in words kindred to the closing section’s (`## Pending points` for `## Open issues`): a warning that names it, nothing inserted', async () => {
    const closing = '# [Title]\n\n## Introduction\n\n[What this guide covers]\n\n## Open issues\n\n[What is not settled]\n';
    const source = '# Retry budgets\n\n## Introduction\n\nWhy budgets.\n\n## Pending points\n\nThe refill rate.\n';
    const fixed = await lintOne('required-section', source, { template: closing, fix: true });
    expect(fixed.shown).toEqual([
      '5:1 Missing section `## Open issues`, expected after `## Introduction`. This pattern has `## Pending points` there, in its stead: if that is the section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
    ]);
    expect(fixed.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(await readFile(fixed.file, 'utf8')).toBe(source);
    // (Its kindred word after a subtitle's colon too: `## Proposed plan: tabs` where `## Plan outcome` closes.)
    const plan = '# [Title]\n\n## Options\n\n[The options]\n\n## Plan outcome\n\n[The one chosen]\n';
    const chosen = '# Settings page\n\n## Options\n\nTabs or one page.\n\n## Proposed plan: tabs\n\nTabs load lazily.\n';
    expect((await lintOne('required-section', chosen, { template: plan })).diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''}`)).toEqual(['warning']);
  });

  it('but before the author’s closing sections (`# Future work`, `# 7. Appendix`): they stay last', async () => {
    const template = '# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n\n# Alternatives\n\nWhat else.\n';
    const source = '# Summary\n\nA cache.\n\n# Design\n\nKeys by path.\n\n# Sharding\n\nBy tenant.\n\n# Future work\n\nEviction.\n\n# 7. Appendix\n\nTables.\n';
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source.replace('# Future work', '# Alternatives\n\n<!-- What else. -->\n\n# Future work'));
    // (So do its conclusions, `# Conclusions and future work`: the section goes where the finding says, before them.)
    const concluded = source.replace('# Future work\n\nEviction.\n\n# 7. Appendix\n\nTables.\n', '# Conclusions and future work\n\nIt works; eviction next.\n');
    const fixedToo = await lintOne('required-section', concluded, { template, fix: true });
    expect(await readFile(fixedToo.file, 'utf8')).toBe(concluded.replace('# Conclusions', '# Alternatives\n\n<!-- What else. -->\n\n# Conclusions'));
  });
});

describe('required-section: --fix leaves the author’s last line as it was', () => {
  it('a section appended after a last line that ends in spaces keeps them on that line, none after the inserted text', async () => {
    const template = '# [Title]\n\n## Summary\n\nText.\n\n## History\n\n- [ ] MM/DD/YYYY: idea raised\n';
    const source = '# Cache warmer\n\n## Summary\n\nWarm caches.\n\n## Plan\n- [ ] phase one\n  - [ ] step a\n  \n- [ ] phase two\n  - [ ] step b \n\n';
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(
      '# Cache warmer\n\n## Summary\n\nWarm caches.\n\n## Plan\n- [ ] phase one\n  - [ ] step a\n  \n- [ ] phase two\n  - [ ] step b \n\n## History\n\n<!-- - MM/DD/YYYY: idea raised -->\n\n',
    );
  });
});

describe('required-section: several headings of the author’s where two sections go', () => {
  const template =
    '# [Title]\n\n## Motivation\n\n### Goals\n\nWhat.\n\n## Proposal\n\n### User Stories\n\nWho does what.\n\n### Implementation Details\n\nHow.\n\n## History\n\nDates.\n';
  it('the one in words kindred to one of them (`### Use Cases`) is that one in its stead, a warning; the other is missing; a section of the template written there is no heading of theirs', async () => {
    const source =
      '# Batch sizer\n\n## Motivation\n\nLarge batches stall.\n\n## Proposal\n\n### Goal\n\nSteady latency.\n\n### Use Cases\n\nAs an operator I cap batches.\n\n### Interface\n\nA flag.\n\n## History\n\n2024.\n';
    const { diagnostics } = await lintOne('required-section', source, { template });
    // (The Implementation Details go right after the stand-in for the User Stories, where the template puts them.)
    expect(diagnostics.map((d) => `${d.line} ${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      '15 error fix Missing section `### Implementation Details`, expected in `## Proposal`.',
      '19 warning Missing section `### User Stories`, expected in `## Proposal`. This pattern has `### Use Cases` there, in its stead: if that is the section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
    ]);
  });
  it('inside its parent, one of a later section of the template written there (`### Test Plan` of the Design Details) bounds the place: the author’s heading after it is no stand-in', async () => {
    const later =
      '# [Title]\n\n## Proposal\n\n### User Stories\n\nWho.\n\n### Implementation Details\n\nHow.\n\n### Risks\n\nWhat could go wrong.\n\n### Drawbacks\n\nCosts.\n\n## Design Details\n\n### Test Plan\n\nHow it is tested.\n';
    const source =
      '# Fast install\n\n## Proposal\n\n### Implementation Details\n\nA flag.\n\n### User Stories\n\nAn operator installs.\n\n### Test Plan\n\nA job.\n\n### Infrastructure Needs\n\nA lab.\n\n### Drawbacks\n\nNone.\n';
    const { diagnostics } = await lintOne('required-section', source, { template: later });
    expect(diagnostics.filter((d) => d.message.includes('`### Risks`')).map((d) => d.severity)).toEqual(['error']);
  });
  it('at the top, a section of the template written out of its place still bounds the place: the author’s sections after it are no stand-ins', async () => {
    const top = '# [Title]\n\n## Summary\n\nIn short.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat for.\n\n## Proposal\n\nWhat.\n\n## Drawbacks\n\nCosts.\n';
    const source =
      '# Index format\n\n## Summary\n\nA file format.\n\n## Motivation\n\nSlow builds.\n\n## Goals\n\nFast builds.\n\n## Deprecations\n\nThe old format.\n\n## Migration Plan\n\nTwo releases.\n';
    const { diagnostics } = await lintOne('required-section', source, { template: top });
    expect(diagnostics.filter((d) => d.message.includes('`## Proposal`')).map((d) => d.severity)).toEqual(['error']);
  });
  it('one whose word only the guidance talks of (`### Widget support` where the guidance asks what it supports) is no such stand-in: the error stays', async () => {
    const asks = template.replace('Who does what.', 'Who does what, and what does it support?');
    const source =
      '# Batch sizer\n\n## Motivation\n\nLarge batches stall.\n\n## Proposal\n\n### Interface\n\nA flag.\n\n### Widget support\n\nWidgets.\n\n## History\n\n2024.\n';
    const { diagnostics } = await lintOne('required-section', source, { template: asks });
    expect(diagnostics.filter((d) => d.message.includes('User Stories')).map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section: a heading that joins a section with part of a joined name', () => {
  const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Impact\n\nWho is affected?\n\n## Risks and Drawbacks\n\nWhat can go wrong?\n\n## Timeline\n\nWhen.\n';
  it('`## Impact and risks` holds `## Risks and Drawbacks` too: nothing missing, nothing inserted', async () => {
    const source =
      '# Faster lookups\n\n## Summary\n\nLookups use an index.\n\n## Impact and risks\n\nClients rebuild; the index may lag a minute.\n\n## Timeline\n\nNext release.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('`## Alternatives and Future Directions` holds `## Alternatives considered` (its noun, the word after it only qualifies) and `## Future directions`', async () => {
    const joined = '# [Title]\n\n## Motivation\n\nWhy.\n\n## Future directions\n\nWhat next.\n\n## Alternatives considered\n\nWhat else.\n';
    const source = '# Hive scale\n\n## Motivation\n\nWeigh hives.\n\n## Alternatives and Future Directions\n\nA camera was too costly; later, temperature.\n';
    const found = await lintOne('required-section', source, { template: joined, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('a joining heading with a word no template name has is no such heading (`## Impact and rollout`)', async () => {
    const source = '# Faster lookups\n\n## Summary\n\nLookups use an index.\n\n## Impact and rollout\n\nClients rebuild.\n\n## Timeline\n\nNext release.\n';
    expect((await lintOne('required-section', source, { template })).shown).toEqual([
      '9:1 Missing section `## Risks and Drawbacks`, expected after `## Impact and rollout`.',
    ]);
  });
});

describe('required-section: a section whose sub-sections are written under another one', () => {
  const template =
    '# [Title]\n\n## Summary\n\nIn brief.\n\n## Specification\n\nHow?\n\n## Timeline\n\n### Build timeline\n\nHow long?\n\n### Rollout timeline (optional)\n\nWhich release?\n';
  it('is a warning that names them, with no empty heading inserted', async () => {
    const source = '# Shorter locks\n\n## Summary\n\nLocks expire sooner.\n\n## Specification\n\nA setting sets the expiry.\n\n### Build timeline\n\nTwo weeks.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'Missing section `## Timeline`, expected after `## Specification`. This pattern has its sub-section elsewhere (`### Build timeline` on line 11): add the heading and move it under it.',
      ],
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('a heading over sub-sections that are optional or recommended only (`## Timeline` over an optional and a recommended one): one of them elsewhere is the content, so a warning', async () => {
    const source = '# Shorter locks\n\n## Summary\n\nLocks expire sooner.\n\n## Specification\n\nA setting sets the expiry.\n\n### Rollout timeline\n\nNext release.\n';
    const found = await lintOne('required-section', source, { template, config: { sections: { 'Build timeline': { recommended: true } } } });
    expect(found.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'Missing section `## Timeline`, expected after `## Specification`. This pattern has its sub-section elsewhere (`### Rollout timeline` on line 11): add the heading and move it under it.',
      ],
    ]);
  });

  it('a heading with text of its own over sub-sections the catalog recommends: all of them elsewhere is a warning; one nowhere, an error', async () => {
    const own = '# [Title]\n\n## Summary\n\nIn brief.\n\n## Specification\n\nHow?\n\n## Effects\n\nWhat follows from it.\n\n### Good\n\nGains.\n\n### Bad\n\nLosses.\n';
    const config = { sections: { Good: { recommended: true }, Bad: { recommended: true } } };
    const both = '# Shorter locks\n\n## Summary\n\nLocks expire sooner.\n\n## Specification\n\nA setting.\n\n### Good\n\nLess waiting.\n\n### Bad\n\nMore retries.\n';
    expect((await lintOne('required-section', both, { template: own, config })).diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const one = '# Shorter locks\n\n## Summary\n\nLocks expire sooner.\n\n## Specification\n\nA setting.\n\n### Good\n\nLess waiting.\n';
    expect((await lintOne('required-section', one, { template: own, config })).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('stays an error when a sub-section it requires is nowhere', async () => {
    const source = '# Shorter locks\n\n## Summary\n\nLocks expire sooner.\n\n## Specification\n\nA setting sets the expiry.\n\n### Rollout timeline\n\nNext release.\n';
    const found = await lintOne('required-section', source, { template });
    expect(found.diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', 'Missing section `## Timeline`, expected after `## Specification`.']]);
  });
});

describe('required-section: a section the template gained after the older patterns were written', () => {
  const template = '# [Title]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n\n## Security\n\nWhat could be abused?\n';
  const proposal = (n: number, security: boolean) =>
    `# Change ${n}\n\n## Summary\n\nChange ${n} in brief.\n\n## Design\n\nHow change ${n} works.\n${security ? `\n## Security\n\nNothing new to abuse in change ${n}.\n` : ''}`;
  async function findings(lacking: (n: number) => boolean, count = 20): Promise<string[]> {
    const files: Record<string, string> = {
      'templates/proposal.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['text/*.md'] }),
    };
    for (let n = 1; n <= count; n++) files[`text/${String(n).padStart(4, '0')}-change.md`] = proposal(n, !lacking(n));
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'], fix: false });
    return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path.slice(5, 9)} ${d.severity}${d.fix ? ' fix' : ''} ${d.message}`));
  }

  it('the first patterns by number lacking it, nearly all later ones having it: warnings that say so, and no fix', async () => {
    // 1–6 lack it but 4; 7–20 have it but 15.
    const found = await findings((n) => (n <= 6 && n !== 4) || n === 15);
    expect(found.filter((f) => f.includes(' warning '))).toEqual(
      ['0001', '0002', '0003', '0005', '0006'].map(
        (n) =>
          `${n} warning Missing section \`## Security\`, expected after \`## Design\`. The template gained it after these patterns were written, likely: 5 of the catalog's first 6 patterns by number (up to 6) lack it, 1 of the 14 after them. A warning.`,
      ),
    );
    // A later one that lacks it is an error, as before.
    expect(found.filter((f) => !f.includes(' warning '))).toEqual(['0015 error fix Missing section `## Security`, expected after `## Design`.']);
  });

  it('a heading of the author’s in its stead in the older ones (maybe it in other words) still counts as lacking it: the one without any is a warning too', async () => {
    const files: Record<string, string> = {
      'templates/proposal.md': `${template}\n## Alternatives\n\nWhat else.\n`,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['text/*.md'] }),
    };
    for (let n = 1; n <= 20; n++) {
      const early = n <= 6 && n !== 4;
      const own = early && n !== 1 ? `\n## Threat model\n\nWho could misuse change ${n}.\n` : '';
      files[`text/${String(n).padStart(4, '0')}-change.md`] = `${proposal(n, !early)}${own}\n## Alternatives\n\nNone.\n`;
    }
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'], fix: false });
    const first = report.results.find((r) => r.path === 'text/0001-change.md')!.diagnostics;
    expect(first.map((d) => d.severity)).toEqual(['warning']);
    expect(first[0]!.message).toContain('The template gained it after these patterns were written, likely: 5 of the catalog');
  });

  it('where the git history says the template had it from its first version, the older patterns that lack it are errors; where it came later, warnings', async () => {
    const git = (cwd: string, ...args: string[]) => gitAt(cwd, undefined, ...args);
    for (const firstHad of [true, false]) {
      const files: Record<string, string> = {
        'templates/proposal.md': firstHad ? template : template.replace(/\n## Security\n[\s\S]*$/, '\n'),
        'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['text/*.md'] }),
      };
      const root = await tempCatalog(files);
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'template');
      await writeFile(path.join(root, 'templates/proposal.md'), template);
      await mkdir(path.join(root, 'text'), { recursive: true });
      for (let n = 1; n <= 20; n++) await writeFile(path.join(root, `text/${String(n).padStart(4, '0')}-change.md`), proposal(n, n > 6 && n !== 15));
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'patterns');
      const report = await lint({ root, only: ['required-section'], fix: false });
      const severities = report.results.flatMap((r) => r.diagnostics.map((d) => d.severity));
      expect(severities).toEqual(firstHad ? Array(7).fill('error') : [...Array(6).fill('warning'), 'error']);
    }
  });

  it('a copy of an older pattern, word for word, committed after the template gained a section, was written when that one was: a warning too', async () => {
    const base = '# Title\n\n## Summary\n\nWhat.\n\n## Design\n\nHow.\n';
    const root = await tempCatalog({
      'templates/proposal.md': base,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['v*/*.md'] }),
      'v1/kiln-timer.md': '# Kiln timer\n\n## Summary\n\nA timer.\n\n## Design\n\nA clock.\n',
    });
    commitAllAt(root, '2021-01-01T10:00:00Z', 'first');
    await writeFile(path.join(root, 'templates/proposal.md'), `${base}\n## Risks\n\nWhat may go wrong.\n`);
    commitAllAt(root, '2022-01-01T10:00:00Z', 'the template asks for risks');
    await mkdir(path.join(root, 'v2'), { recursive: true });
    await writeFile(path.join(root, 'v2/kiln-timer.md'), '# Kiln timer\n\n## Summary\n\nA timer.\n\n## Design\n\nA clock.\n');
    await writeFile(path.join(root, 'v2/kiln-lid.md'), '# Kiln lid\n\n## Summary\n\nA lid.\n\n## Design\n\nA hinge.\n');
    // (A new document started as a copy of an old one, under a name of its own, is a new one.)
    await writeFile(path.join(root, 'v2/kiln-clock.md'), '# Kiln timer\n\n## Summary\n\nA timer.\n\n## Design\n\nA clock.\n');
    commitAllAt(root, '2023-01-01T10:00:00Z', 'the v2 folder');
    const report = await lint({ root, only: ['required-section'], fix: false });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`))).toEqual([
      'v1/kiln-timer.md warning',
      'v2/kiln-clock.md error',
      'v2/kiln-lid.md error',
      'v2/kiln-timer.md warning',
    ]);
  });

  it('patterns committed before the template itself (written before there was one) keep their warnings, with that said', async () => {
    const root = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['text/*.md'] }) });
    await mkdir(path.join(root, 'text'), { recursive: true });
    for (let n = 1; n <= 6; n++) await writeFile(path.join(root, `text/${String(n).padStart(4, '0')}-change.md`), proposal(n, false));
    gitAt(root, '2022-01-01T10:00:00Z', 'init', '-q');
    gitAt(root, '2022-01-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2022-01-01T10:00:00Z', 'commit', '-qm', 'early records');
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/proposal.md'), template);
    for (let n = 7; n <= 20; n++) await writeFile(path.join(root, `text/${String(n).padStart(4, '0')}-change.md`), proposal(n, n !== 15));
    gitAt(root, '2023-01-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2023-01-01T10:00:00Z', 'commit', '-qm', 'template and the rest');
    const report = await lint({ root, only: ['required-section'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path.slice(5, 9)} ${d.severity}`));
    expect(found).toEqual([...['0001', '0002', '0003', '0004', '0005', '0006'].map((n) => `${n} warning`), '0015 error']);
    expect(report.results[0]!.diagnostics[0]!.message).toContain("committed before the template's first version, which has it");
    expect(report.notes).toBeUndefined();
    // (A shallow clone, CI's default checkout, cannot tell from git — here the numbers do, see above —
    // and the run says so where a section is missing.)
    const shallow = path.join(await tempCatalog(), 'clone');
    gitAt(root, '2023-01-01T10:00:00Z', 'clone', '-q', '--depth', '1', `file://${root}`, shallow);
    const ci = await lint({ root: shallow, only: ['required-section'], fix: false });
    expect(ci.results.flatMap((r) => r.diagnostics.map((d) => d.message))[0]).not.toContain("committed before the template's first version");
    expect(ci.notes).toEqual([expect.stringContaining('shallow clone (CI checks out one commit by default)')]);
    expect(ci.notes![0]).toContain('`fetch-depth: 0`');
  });

  it('a section the template gained after a pattern was committed (its git history says when): that one pattern’s lack is a warning that says so; later ones lacking it are errors', async () => {
    const v1 = '# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy are we doing this?\n';
    const rfc = (n: string, future: boolean) =>
      `# Summary\n\nThe ${n} change.\n\n# Motivation\n\nUsers of ${n} asked.\n${future ? `\n# Future work\n\nLater steps for ${n}.\n` : ''}`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: '0000-template.md', patterns: ['rfcs/*.md'] }),
      '0000-template.md': v1,
      'rfcs/0001-process.md': rfc('process', false),
    });
    gitAt(root, '2017-03-18T10:00:00Z', 'init', '-q');
    gitAt(root, '2017-03-18T10:00:00Z', 'add', '-A');
    gitAt(root, '2017-03-18T10:00:00Z', 'commit', '-qm', 'template and the first RFC');
    await writeFile(path.join(root, '0000-template.md'), `${v1}\n# Future work\n\nWhat would follow?\n`);
    gitAt(root, '2017-04-01T10:00:00Z', 'commit', '-qam', 'the template gains Future work');
    for (let n = 10; n < 16; n++) await writeFile(path.join(root, `rfcs/00${n}-later.md`), rfc(`later ${n}`, n !== 13));
    gitAt(root, '2018-01-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2018-01-01T10:00:00Z', 'commit', '-qm', 'later RFCs');
    const report = await lint({ root, only: ['required-section'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.path)} ${d.severity}`));
    expect(found).toEqual(['0001-process.md warning', '0013-later.md error']);
    expect(report.results[0]!.diagnostics[0]!.message).toContain('The template gained it on 2017-04-01, after this pattern was committed');
  });

  it('a heading with a comment on its line in the first version (`# Abstract <!-- a short description … -->`) was asked for from that version: a pattern without it is an error', async () => {
    const v1 = '# Abstract <!-- A short description of the change,\nin a paragraph or two. -->\n\n# Motivation\n\nWhy are we doing this?\n';
    const doc = (n: string, abstract: boolean) => `${abstract ? `# Abstract\n\nThe ${n} change.\n\n` : ''}# Motivation\n\nUsers of ${n} asked.\n`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: '0000-template.md', patterns: ['rfcs/*.md'] }),
      '0000-template.md': v1,
    });
    gitAt(root, '2017-03-18T10:00:00Z', 'init', '-q');
    gitAt(root, '2017-03-18T10:00:00Z', 'add', '-A');
    gitAt(root, '2017-03-18T10:00:00Z', 'commit', '-qm', 'the template');
    await mkdir(path.join(root, 'rfcs'));
    for (let n = 10; n < 14; n++) await writeFile(path.join(root, `rfcs/00${n}-later.md`), doc(`later ${n}`, n !== 13));
    gitAt(root, '2018-01-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2018-01-01T10:00:00Z', 'commit', '-qm', 'RFCs');
    await writeFile(path.join(root, '0000-template.md'), v1.replace(/ <!--[\s\S]*?-->/, '\n\n<!-- A short description of the change. -->'));
    gitAt(root, '2019-01-01T10:00:00Z', 'commit', '-qam', 'the note under the heading');
    const report = await lint({ root, only: ['required-section'], fix: false });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.path)} ${d.severity} ${d.message}`))).toEqual([
      '0013-later.md error Missing section `# Abstract`, expected before `# Motivation`.',
    ]);
  });

  it('a pattern moved since (`git mv` into a folder of its own) is as old as its first version: the section the template gained after that is a warning', async () => {
    const v1 = '# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy are we doing this?\n';
    const rfc = (n: string, future: boolean) =>
      `# Summary\n\nThe ${n} change.\n\n# Motivation\n\nUsers of ${n} asked.\n${future ? `\n# Future work\n\nLater steps for ${n}.\n` : ''}`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: '0000-template.md', patterns: ['rfcs/**/*.md'] }),
      '0000-template.md': v1,
      'rfcs/0001-process.md': rfc('process', false),
    });
    gitAt(root, '2017-03-18T10:00:00Z', 'init', '-q');
    gitAt(root, '2017-03-18T10:00:00Z', 'add', '-A');
    gitAt(root, '2017-03-18T10:00:00Z', 'commit', '-qm', 'template and the first RFC');
    await writeFile(path.join(root, '0000-template.md'), `${v1}\n# Future work\n\nWhat would follow?\n`);
    gitAt(root, '2017-04-01T10:00:00Z', 'commit', '-qam', 'the template gains Future work');
    for (let n = 10; n < 16; n++) await writeFile(path.join(root, `rfcs/00${n}-later.md`), rfc(`later ${n}`, n !== 13));
    gitAt(root, '2018-01-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2018-01-01T10:00:00Z', 'commit', '-qm', 'later RFCs');
    await mkdir(path.join(root, 'rfcs/0001-process'));
    gitAt(root, '2020-01-01T10:00:00Z', 'mv', 'rfcs/0001-process.md', 'rfcs/0001-process/README.md');
    gitAt(root, '2020-01-01T10:00:00Z', 'commit', '-qm', 'a folder per RFC');
    const report = await lint({ root, only: ['required-section'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`));
    expect(found).toEqual(['rfcs/0001-process/README.md warning', 'rfcs/0013-later.md error']);
    expect(report.results.find((r) => r.path === 'rfcs/0001-process/README.md')!.diagnostics[0]!.message).toContain(
      'The template gained it on 2017-04-01, after this pattern was committed',
    );
  });

  it('a document imported after the template that dates itself before it (`November 2013` under its title) was written without it: a warning that says so', async () => {
    const tpl = '# Title\n\n## Abstract\n\nOne paragraph.\n\n## Background\n\nWhat came before.\n\n## Implementation\n\nWho does it, when.\n';
    const doc = (n: number, impl: boolean, header = '') =>
      `# Plan ${n}\n\n${header}## Abstract\n\nPlan ${n}.\n\n## Background\n\nBefore ${n}.\n${impl ? `\n## Implementation\n\nSteps of ${n}.\n` : ''}`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'design/TEMPLATE.md', patterns: ['design/*.md'], exclude: ['design/TEMPLATE.md'] }),
      'design/TEMPLATE.md': tpl,
      ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`design/${n}-plan.md`, doc(n, true)])),
    });
    gitAt(root, '2015-07-30T10:00:00Z', 'init', '-q');
    gitAt(root, '2015-07-30T10:00:00Z', 'add', '-A');
    gitAt(root, '2015-07-30T10:00:00Z', 'commit', '-qm', 'template and plans');
    await writeFile(path.join(root, 'design/old-linker.md'), doc(90, false, 'A. Writer \\\nNovember 2013 \\\nexample.org/s/linker\n\n'));
    await writeFile(path.join(root, 'design/new-cache.md'), doc(91, false, 'A. Writer \\\nMarch 2023\n\n'));
    gitAt(root, '2023-05-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2023-05-01T10:00:00Z', 'commit', '-qm', 'import old plans');
    const report = await lint({ root, only: ['required-section'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`));
    expect(found).toEqual(['design/new-cache.md error', 'design/old-linker.md warning']);
    expect(report.results.find((r) => r.path === 'design/old-linker.md')!.diagnostics[0]!.message).toContain(
      "This pattern was written before the template's first version (2015-07-30), which has it (its git history, or the date it gives itself). A warning.",
    );
  });

  it('the body written under the author’s headings where a required closing section is missing too: the body’s finding is a warning all the same', async () => {
    const tpl =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nThe details.\n\n## Design Rationale\n\nWhy this way.\n\n## Changelog\n\nVersions.\n';
    const long = (topic: string) =>
      Array.from({ length: 6 }, (_, i) => `The ${topic} rule ${i + 1} holds for every field the server returns, in every response.`).join('\n\n');
    const pattern = `# Wallet Tokens\n\n## Summary\n\nTokens for wallets.\n\n## Motivation\n\nSessions expire.\n\n## Token\n\n${long('token')}\n\n## Verifying Requests\n\n${long('verifying')}\n\n## Key Rotation\n\n${long('rotation')}\n`;
    const result = await lintOne('required-section', pattern, {
      template: tpl,
      config: { sections: { 'Design Rationale': { recommended: true } } },
      files: { 'saga/README.md': '# Saga\n\n## Summary\n\nSteps.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nHow.\n\n## Changelog\n\nv1.\n' },
    });
    expect(result.diagnostics.map((d) => [d.severity, d.message.slice(0, 37)])).toEqual([
      ['warning', 'Missing section `## Specification`, e'],
      ['warning', 'Missing section `## Design Rationale`'],
      ['error', 'Missing section `## Changelog`, expec'],
    ]);
  });

  it('its sub-section written at its level: --fix puts the heading above it and moves it a level down in the same change, whatever heading-level does', async () => {
    const tpl =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Risks\n\nWhat may go wrong.\n\n## Timeline\n\n### Suggested rollout timeline\n\nWhen it ships.\n\n#### Test networks\n\nWhich ones.\n';
    // (heading-level off, as in a record whose levels it leaves as they were: the heading alone would stand empty beside the part.)
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'TEMPLATE.md', patterns: ['proposals/*.md'], rules: { 'heading-level': 'off' } }),
      'TEMPLATE.md': tpl,
      'proposals/0001-fees.md':
        '# Fees\n\n## Summary\n\nCheaper writes.\n\n## Risks\n\nNone known.\n\n## Suggested rollout timeline\n\nTestnet in March.\n\n### Test networks\n\nBoth.\n',
    });
    await lint({ root, fix: true });
    expect(await readFile(path.join(root, 'proposals/0001-fees.md'), 'utf8')).toBe(
      '# Fees\n\n## Summary\n\nCheaper writes.\n\n## Risks\n\nNone known.\n\n## Timeline\n\n### Suggested rollout timeline\n\nTestnet in March.\n\n#### Test networks\n\nBoth.\n',
    );
  });

  it('a sibling template’s own history: a proposal written before that template existed lacks its section as a warning', async () => {
    const language = '# [Title]\n\n## Introduction\n\nWhat.\n\n## Motivation\n\nWhy.\n\n## Proposed solution\n\nHow.\n\n## Source compatibility\n\nWhat breaks.\n';
    const tooling =
      '# [Title]\n\n## Introduction\n\nWhat.\n\n## Motivation\n\nWhy.\n\n## Proposed solution\n\nHow.\n\n## Security\n\nWhat it exposes.\n\n## Impact on existing packages\n\nWhat changes for them.\n\n## Alternatives considered\n\nOther ways.\n';
    const body = (name: string, ...last: string[]) =>
      `# ${name}\n\n## Introduction\n\n${name} in short.\n\n## Motivation\n\nUsers ask.\n\n## Proposed solution\n\nA flag.\n${last.map((h) => `\n## ${h}\n\nNone.\n`).join('')}`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: ['templates/language.md', 'templates/tooling.md'], patterns: ['proposals/*.md'] }),
      'templates/language.md': language,
      ...Object.fromEntries([1, 2, 3].map((n) => [`proposals/000${n}-feature.md`, body(`Feature ${n}`, 'Source compatibility')])),
    });
    // The language template and its proposals first; a package proposal before there is a template for them.
    commitAllAt(root, '2015-03-01T10:00:00Z', 'language proposals');
    await writeFile(path.join(root, 'proposals/0004-package-edit.md'), body('Package edit', 'Impact on existing packages', 'Alternatives considered'));
    commitAllAt(root, '2016-05-04T10:00:00Z', 'a package proposal');
    await writeFile(path.join(root, 'templates/tooling.md'), tooling);
    commitAllAt(root, '2018-06-21T10:00:00Z', 'a template for package proposals');
    await writeFile(path.join(root, 'proposals/0005-package-traits.md'), body('Package traits', 'Impact on existing packages', 'Alternatives considered'));
    commitAllAt(root, '2019-01-10T10:00:00Z', 'a package proposal under its template');
    const report = await lint({ root, only: ['required-section'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message.slice(0, 29)}`));
    expect(found).toEqual([
      'proposals/0004-package-edit.md warning Missing section `## Security`',
      'proposals/0005-package-traits.md error Missing section `## Security`',
    ]);
    expect(report.results.find((r) => r.path === 'proposals/0004-package-edit.md')!.diagnostics[0]!.message).toContain(
      "This pattern was written before the template's first version (2018-06-21), which has it (its git history). A warning.",
    );
  });

  it('the template’s history is followed through a move that rewrote part of it (`0000-template.md` → `NNNN-template/README.md`)', async () => {
    const v1 =
      '# Title\n\n## Summary\n\nOne paragraph, in the words of the change and of what it brings to the people who use it.\n\n## Motivation\n\nWhy are we doing this, and what use cases does it support?\n';
    const rfc = (n: string, drawbacks: boolean) =>
      `# ${n}\n\n## Summary\n\nThe ${n} change.\n\n## Motivation\n\nUsers of ${n} asked.\n${drawbacks ? `\n## Drawbacks\n\nCosts of ${n}.\n` : ''}`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'rfcs/NNNN-template/README.md', patterns: ['rfcs/*/README.md'], exclude: ['rfcs/NNNN-template/**'] }),
      '0000-template.md': v1,
      'rfcs/0001-first/README.md': rfc('first', false),
    });
    gitAt(root, '2018-01-01T10:00:00Z', 'init', '-q');
    gitAt(root, '2018-01-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2018-01-01T10:00:00Z', 'commit', '-qm', 'template and the first RFC');
    await mkdir(path.join(root, 'rfcs/NNNN-template'));
    gitAt(root, '2020-01-01T10:00:00Z', 'mv', '0000-template.md', 'rfcs/NNNN-template/README.md');
    // (Rewritten as it moved: under half of its text is the old file's, which git's default would call a new file.)
    await writeFile(
      path.join(root, 'rfcs/NNNN-template/README.md'),
      `${v1}\n## Drawbacks\n\nWhy should we not do this? Think of the cost of building it, of teaching it, of keeping it working across releases, and of what it takes from other work the same people would do instead.\n`,
    );
    for (let n = 10; n < 16; n++) await mkdir(path.join(root, `rfcs/00${n}-later`));
    for (let n = 10; n < 16; n++) await writeFile(path.join(root, `rfcs/00${n}-later/README.md`), rfc(`later ${n}`, n !== 13));
    gitAt(root, '2020-01-01T10:00:00Z', 'add', '-A');
    gitAt(root, '2020-01-01T10:00:00Z', 'commit', '-qm', 'a folder for the template, which gains Drawbacks; later RFCs');
    const report = await lint({ root, only: ['required-section'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`));
    expect(found).toEqual(['rfcs/0001-first/README.md warning', 'rfcs/0013-later/README.md error']);
    expect(report.results[0]!.diagnostics[0]!.message).toContain('The template gained it on 2020-01-01, after this pattern was committed');
  });

  it('lacked here and there through the catalog: errors, every one', async () => {
    const found = await findings((n) => n % 4 === 0);
    expect(found).toHaveLength(5);
    expect(found.every((f) => f.includes(' error '))).toBe(true);
  });

  it('lacked by a share of the patterns written before a date, had by (nearly) all written since: warnings that name the date', async () => {
    const files: Record<string, string> = {
      'templates/proposal.md': `---\ncreation-date: yyyy-mm-dd\n---\n\n${template}`,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['text/*.md'] }),
    };
    // Named without numbers, so only their dates tell the order: 2019 (three of ten lack it), 2021 on (all have it).
    const names = ['cache', 'queue', 'shard', 'proxy', 'index', 'batch', 'retry', 'fence', 'lease', 'probe'];
    names.forEach((name, k) => (files[`text/${name}.md`] = `---\ncreation-date: 2019-0${1 + (k % 9)}-1${k % 10}\n---\n\n${proposal(k, k % 3 !== 0 || k === 9)}`));
    for (let k = 0; k < 8; k++) files[`text/later-${String.fromCharCode(97 + k)}.md`] = `---\ncreation-date: 2021-0${1 + k}-05\n---\n\n${proposal(20 + k, true)}`;
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`));
    expect(found).toEqual(
      ['cache', 'proxy', 'retry'].map(
        (name) =>
          `text/${name}.md warning Missing section \`## Security\`, expected after \`## Design\`. The template gained it after these patterns were written, likely: 3 of the 8 patterns written before 2019-08-17 lack it, 0 of the 10 written since. A warning.`,
      ),
    );
    // Lacking it here and there whatever the date: errors.
    for (const k of 'beh') files[`text/later-${k}.md`] = files[`text/later-${k}.md`]!.replace(/\n## Security[\s\S]*$/, '\n');
    const mixed = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    expect(mixed.results.flatMap((r) => r.diagnostics.map((d) => d.severity))).toEqual(Array(6).fill('error'));
  });

  it('lacked by the patterns of an older layout (no title, sections a level up), had by the others: warnings', async () => {
    const files: Record<string, string> = {
      'templates/proposal.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['text/*.md'] }),
    };
    for (let n = 1; n <= 12; n++) files[`text/change-${n}.md`] = proposal(n, true);
    for (const n of [13, 14, 15]) files[`text/change-${n}.md`] = `# Summary\n\nChange ${n} in brief.\n\n# Design\n\nHow change ${n} works.\n`;
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`));
    expect(found).toEqual(
      [13, 14, 15].map(
        (n) =>
          `text/change-${n}.md warning Missing section \`## Security\`, expected after \`# Design\`. The template gained it after these patterns were written, likely: 3 of the 3 patterns of the older layout (no title, sections a level up) lack it, 0 of the 12 others. A warning.`,
      ),
    );
  });
});

describe('required-section: a section wrapped one level down in a heading of the author’s', () => {
  const template =
    '# [Title]\n\nOne sentence.\n\n## Motivation\n\nWhy?\n\n## Explanation\n\nHow it works.\n\n## Internal details\n\nHow it is built.\n\n## Trade-offs\n\nCosts.\n';
  it('is a warning that names the heading, and no second one is inserted', async () => {
    const source =
      '# Columnar batches\n\nBatches go by column.\n\n## Table of contents\n\n- [Introduction](#introduction)\n\n## Introduction\n\n### Motivation\n\nRows waste bytes.\n\n### Validation\n\nA prototype.\n\n## Wire details\n\nColumn chunks.\n\n## Trade-offs\n\nMore memory.\n';
    const found = await lintOne('required-section', source, { template });
    expect(found.diagnostics.map((d) => [d.severity, d.line, d.message])[0]).toEqual([
      'warning',
      11,
      'Missing section `## Motivation`, expected before `## Wire details`, where this pattern has `### Motivation` under its own `## Introduction`: if that is the section, make it level 2 (`## Motivation`).',
    ]);
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect((await readFile(fixed.file, 'utf8')).match(/^#+ Motivation$/gm)).toEqual(['### Motivation']);
  });
});

describe('required-section: a missing section whose template text is boilerplate', () => {
  // A closing section whose text every record keeps (a licence waiver), with no placeholder in it.
  const template = '# [Record Title]\n\n## Decision\n\nWhat was decided.\n\n## Licence\n\nThe text of this record is free to reuse, see [the licence](../LICENCE.md).\n';
  const keeping = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `record-${i + 1}/README.md`,
        `# Record ${i + 1}\n\n## Decision\n\nChoice ${i + 1}.\n\n## Licence\n\nThe text of this record is free to reuse, see [the licence](../LICENCE.md).\n`,
      ]),
    );
  const text = '# Queue names\n\n## Decision\n\nQueues are named by team.\n';
  /** A standard sentence every record keeps that grants nothing. */
  const STANDARD = 'Questions about this record go to the [platform channel](../CHANNELS.md).';
  testRule(
    rule,
    {
      template,
      valid: [],
      invalid: [
        {
          name: 'kept by most of the catalog: --fix inserts the text as the template writes it, link included',
          template: template.replace('The text of this record is free to reuse, see [the licence](../LICENCE.md).', STANDARD),
          text,
          files: Object.fromEntries(
            Object.entries(keeping(11)).map(([f, t]) => [f, t.replace('The text of this record is free to reuse, see [the licence](../LICENCE.md).', STANDARD)]),
          ),
          errors: [{ message: missing('## Licence', 'after `## Decision`'), line: 5, column: 1 }],
          output: `${text}\n## Licence\n\n${STANDARD}\n`,
        },
        {
          name: 'a rights statement kept by most of the catalog is the author’s to make: said, and no fix writes it',
          text,
          files: keeping(11),
          errors: [
            {
              message: `${missing('## Licence', 'after `## Decision`')} Its text is the catalog's rights statement (“The text of this record is free to reuse, see [the licence](../LICENCE.md).”): the author's to make, so no fix writes it (mark it \`<!-- patternbook: keep -->\` in the template to have --fix insert it).`,
              line: 5,
              column: 1,
            },
          ],
        },
        {
          name: 'in a catalog too small to tell (or where patterns write their own): the text as a comment, as for any guidance',
          text,
          files: keeping(3),
          errors: [{ message: missing('## Licence', 'after `## Decision`'), line: 5, column: 1 }],
          output: `${text}\n## Licence\n\n<!-- The text of this record is free to reuse, see the licence. -->\n`,
        },
        {
          name: "steps the catalog keeps (a list) are each pattern's own to write: a comment, however many keep them",
          template: template.replace('The text of this record is free to reuse, see [the licence](../LICENCE.md).', '- Delete the stack.'),
          text,
          files: Object.fromEntries(
            Object.entries(keeping(11)).map(([f, t]) => [
              f,
              t.replace('The text of this record is free to reuse, see [the licence](../LICENCE.md).', '- Delete the stack.'),
            ]),
          ),
          errors: [{ message: missing('## Licence', 'after `## Decision`'), line: 5, column: 1 }],
          output: `${text}\n## Licence\n\n<!-- - Delete the stack. -->\n`,
        },
        {
          name: 'marked to keep in the template (`<!-- patternbook: keep -->`): written out even in a catalog of one, the marker left out',
          template: template.replace('The text of', '<!-- patternbook: keep -->\nThe text of'),
          text,
          errors: [{ message: missing('## Licence', 'after `## Decision`'), line: 5, column: 1 }],
          output: `${text}\n## Licence\n\nThe text of this record is free to reuse, see [the licence](../LICENCE.md).\n`,
        },
        {
          name: 'marked to keep in the template’s own words (`<!-- keep this text as it is -->`): written out, the note left out',
          template: template.replace('The text of', '<!-- Keep this text as it is. -->\nThe text of'),
          text,
          errors: [{ message: missing('## Licence', 'after `## Decision`'), line: 5, column: 1 }],
          output: `${text}\n## Licence\n\nThe text of this record is free to reuse, see [the licence](../LICENCE.md).\n`,
        },
      ],
    },
    { describe, it },
  );
});

describe('required-section: a section whose template text is there without its heading', () => {
  const template = '# [Record Title]\n\n## Decision\n\nWhat was decided.\n\n## Licence\n\nEvery record here is in the public domain.\n';
  it('after a rule that closes the section before: a warning, and the fix puts the heading above the text (never a second copy)', async () => {
    const text = '# Queue names\n\n## Decision\n\nQueues are named by team.\n\n---\n\nEvery record here is in the public domain.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '9 warning Missing section `## Licence`, expected after `## Decision`: its text as the template writes it is on line 9, under `## Decision`, without its heading. Add the heading above that text.',
    ]);
    const at = text.indexOf('Every record');
    expect(diagnostics[0]!.fix).toEqual({ range: [at, at], text: '## Licence\n\n' });
  });
  it('the whole text of a heading of the author’s (`## Rights`): a warning to rename it, no fix that would leave that heading empty', async () => {
    const text = '# Queue names\n\n## Decision\n\nQueues are named by team.\n\n## Rights\n\nEvery record here is in the public domain.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '7 warning Missing section `## Licence`, expected after `## Decision`: its text as the template writes it is on line 9, the text of `## Rights`. If that heading is this section in other words, rename it `## Licence`, or accept its name with `aliases` under `sections` in the configuration.',
    ]);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });
  it('the template’s checklist kept and ticked at its place, under its lead line, without its heading: a warning, and the fix puts the heading above the lead line', async () => {
    const checklist =
      '# [Record Title]\n\n## Sign-off\n\nBoxes marked (R) must be ticked before the record is merged.\n\n- [ ] (R) An owner is named for the change\n- [ ] (R) The rollback is written down\n- [ ] (R) Support has read the record\n- [ ] The team page links here\n\n## Decision\n\nWhat was decided.\n';
    const text =
      '# Queue names\n\nBoxes marked (R) must be ticked before the record is merged.\n\n- [x] (R) An owner is named for the change\n- [ ] (R) The rollback is written down\n- [x] (R) Support has read the record\n- [ ] The team page links here\n\n## Decision\n\nQueues are named by team.\n';
    const { diagnostics } = await lintOne('required-section', text, { template: checklist });
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '3 warning Missing section `## Sign-off`, expected before `## Decision`: its text as the template writes it is on line 3, without its heading. Add the heading above that text.',
    ]);
    const fixed = await lintOne('required-section', text, { template: checklist, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(text.replace('Boxes marked', '## Sign-off\n\nBoxes marked'));
    expect((await lintOne('empty-section', await readFile(fixed.file, 'utf8'), { template: checklist })).shown).toEqual([]);
    // (A list of other items at its place is no such text: the section is missing.)
    const second =
      '# [Record Title]\n\n## Decision\n\nWhat was decided.\n\n## Sign-off\n\n- [ ] (R) An owner is named for the change\n- [ ] (R) The rollback is written down\n- [ ] (R) Support has read the record\n\n## Notes\n\nAnything else.\n';
    const other =
      '# Queue names\n\n## Decision\n\nQueues are named by team.\n\n- [x] Names are short\n- [x] Names have no dots\n- [ ] Support has read the record\n\n## Notes\n\nNone.\n';
    expect((await lintOne('required-section', other, { template: second })).diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'error Missing section `## Sign-off`, expected after `## Decision`.',
    ]);
    const kept = other
      .replace('Names are short', '(R) An owner is named for the change')
      .replace('Names have no dots', '(R) The rollback is written down')
      .replace('] Support', '] (R) Support');
    expect((await lintOne('required-section', kept, { template: second })).diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['7 warning']);
  });
  it('guidance of the template kept without its heading is no such text: the section is missing (the kept guidance is left in)', async () => {
    const guided = '# [Record Title]\n\n## Decision\n\nWhat was decided.\n\n## Compatibility\n\nAll records that break older clients must say how.\n';
    const text = '# Queue names\n\n## Decision\n\nQueues are named by team.\n\nAll records that break older clients must say how.\n';
    const { diagnostics } = await lintOne('required-section', text, { template: guided });
    expect(diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(['error Missing section `## Compatibility`, expected after `## Decision`.']);
  });
  it('other words there are no such text: the section is missing', async () => {
    const text = '# Queue names\n\n## Decision\n\nQueues are named by team.\n\n---\n\nThanks to the platform team.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(['error Missing section `## Licence`, expected after `## Decision`.']);
  });
});

describe('required-section: a template without a title, whose first section is a top heading', () => {
  // Fields first, then sections at H1, as some RFC templates are written.
  const template = '- Start: (the date)\n- Tracking: (leave empty)\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n';
  testRule(
    rule,
    {
      template,
      valid: [],
      invalid: [
        {
          name: 'a pattern that opens with its own title and text under it: the text stands where the first section goes (a warning; the heading goes above it)',
          text: '- Start: 2024-05-01\n- Tracking: #12\n\n# Batched writes\n\nWrites are grouped per tick and flushed together.\n\n# Motivation\n\nFewer round trips.\n',
          errors: [
            {
              message:
                'Missing section `# Summary`, expected before `# Motivation`: the text under the title stands where it goes (the template has no text there). Add the heading above that text.',
              line: 6,
              column: 1,
              severity: 'warning',
            },
          ],
          output:
            '- Start: 2024-05-01\n- Tracking: #12\n\n# Batched writes\n\n# Summary\n\nWrites are grouped per tick and flushed together.\n\n# Motivation\n\nFewer round trips.\n',
        },
      ],
    },
    { describe, it },
  );
});

describe('required-section: a note the template writes as part of a heading', () => {
  testRule(
    rule,
    {
      template: '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Alternatives (Not Implemented)\n\nWhat else was weighed.\n\n## Teaching (if applicable)\n\nDocs.\n',
      valid: [],
      invalid: [
        {
          name: '--fix inserts the heading with its note (`(Not Implemented)`), never a note to the author (`(if applicable)`)',
          text: '# Thing\n\n## Summary\n\nA thing.\n\n## Teaching\n\nDocs.\n',
          errors: [{ message: missing('## Alternatives', 'after `## Summary`'), line: 5, column: 1 }],
          output: '# Thing\n\n## Summary\n\nA thing.\n\n## Alternatives (Not Implemented)\n\n<!-- What else was weighed. -->\n\n## Teaching\n\nDocs.\n',
        },
      ],
    },
    { describe, it },
  );
});

describe('required-section: a section missing between two the pattern has, with several of the author’s sections in its place', () => {
  const template =
    '# [Title]\n\n## Summary\n\n[One paragraph.]\n\n## Motivation\n\n[Why.]\n\n## Explanation\n\n[How it works, in detail.]\n\n## Drawbacks\n\n[What it costs.]\n';
  it('is the section in parts as likely as not: a warning that names them, nothing inserted', async () => {
    const source =
      '# Greenhouse heating\n\n## Summary\n\nHeat the greenhouse at night from the compost bay.\n\n## Motivation\n\nFrost killed the seedlings twice.\n\n## 3. Terms\n\nThe bay is the heap; the loop is the pipe in it.\n\n## 4. The loop\n\nWater runs through the heap and the beds.\n\n## 5. Failure handling\n\nA cold loop opens the electric heater.\n\n## Drawbacks\n\nThe heap needs turning every month.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Missing section `## Explanation`, expected after `## Motivation`. This pattern has its own sections there (`## 3. Terms`, `## 4. The loop`, `## 5. Failure handling`): if they are that section, put them under its heading; if not, write it.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('is still an error where another section is missing at that place too', async () => {
    const source =
      '# Greenhouse heating\n\n## Summary\n\nHeat the greenhouse at night from the compost bay.\n\n## 3. Terms\n\nThe bay is the heap.\n\n## 4. The loop\n\nWater runs through the heap.\n\n## Drawbacks\n\nThe heap needs turning every month.\n';
    const found = await lintOne('required-section', source, { template });
    expect(found.diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
  });
});

describe('required-section: a heading that joins another section’s name with words kindred to the missing one’s', () => {
  const template =
    '# [Title]\n\n## Summary\n\n[One paragraph.]\n\n## Drawbacks\n\n[What it costs.]\n\n## Unresolved Questions\n\n[What is still open.]\n\n## Future Work\n\n[What may follow.]\n';
  it('may hold it: a warning that names the heading and the words, nothing inserted', async () => {
    const source =
      '# Rain barrels\n\n## Summary\n\nCollect roof water in barrels.\n\n## Drawbacks, Alternatives and Unknowns\n\nBarrels take room. Unknowns: how much a dry summer leaves.\n\n## Future Work\n\nA pump for the far beds.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Missing section `## Unresolved Questions`, expected after `## Drawbacks, Alternatives and Unknowns`. This pattern has `## Drawbacks, Alternatives and Unknowns` on line 7, which names it in other words (“Unknowns”) beside another section: if it holds the section, give that part a heading of its own; if not, write it.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('by its very name, joined with `+` (`## Drawbacks + Unresolved Questions`, read as the other one): a warning that says so', async () => {
    const source =
      '# Rain barrels\n\n## Summary\n\nCollect roof water in barrels.\n\n## Drawbacks + Unresolved Questions\n\nBarrels take room; how much a dry summer leaves is open.\n\n## Future Work\n\nA pump for the far beds.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Missing section `## Drawbacks`, expected after `## Summary`. This pattern has `## Drawbacks + Unresolved Questions` on line 7, which names it (“Drawbacks”) beside another section: if it holds the section, give that part a heading of its own; if not, write it.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('words kindred to no missing section leave it an error', async () => {
    const source =
      '# Rain barrels\n\n## Summary\n\nCollect roof water in barrels.\n\n## Drawbacks and Costs\n\nBarrels take room.\n\n## Future Work\n\nA pump for the far beds.\n';
    // (The missing section one of what is left to do, `## Rollout`: a section of what is still open,
    // `## Unresolved Questions`, left out is a warning of its own.)
    const found = await lintOne('required-section', source, {
      template: template.replace('## Unresolved Questions\n\n[What is still open.]', '## Rollout\n\n[How it ships.]'),
    });
    expect(found.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section: --fix writes an inserted section as the pattern writes its own', () => {
  const template =
    '# [Title]\n\nAbstract\n--------\n\n[One paragraph.]\n\nMotivation\n----------\n\n[Why.]\n\nCopyright\n---------\n\nThis text is in the public domain.\n';
  it('underlined where the pattern underlines its headings, before the link definitions that close it', async () => {
    const source =
      '# Kite mail\n\nAbstract\n--------\n\nKites carry the mail.\n\nMotivation\n----------\n\nRoads wash out.\n\n[Local]: <> "Variables:"\n[Local]: <> "End:"\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(
      '# Kite mail\n\nAbstract\n--------\n\nKites carry the mail.\n\nMotivation\n----------\n\nRoads wash out.\n\nCopyright\n---------\n\n<!-- This text is in the public domain. -->\n\n[Local]: <> "Variables:"\n[Local]: <> "End:"\n',
    );
  });
});

describe('required-section: sections the template requires from a stage on', () => {
  // A template of plot proposals for a community garden: its status field lists the stages in order,
  // `Completed` ends them (a word that ends a lifecycle), and `Notice` (a separate kind of record) is listed after it.
  const template = [
    '# [Plot proposal title]',
    '',
    '* Status: Sketched|Surveyed|Dug|Planted|Completed|Notice|Abandoned',
    '* Gardener: [name]',
    '',
    '## Gist',
    '',
    '[needed_from]: # (always)',
    '',
    'What the plot is for, in a line or two.',
    '',
    '## Soil',
    '',
    '[required_in]: # (Surveyed status and above)',
    '',
    'What the soil survey found.',
    '',
    '## Beds',
    '',
    '(Required for Dug status and above)',
    '',
    'How the beds are laid out.',
    '',
    '## Watering',
    '',
    'This section must be completed when targeting Planted.',
    '',
  ].join('\n');
  const plot = (name: string, status: string | undefined, sections: string[]) =>
    [
      `# ${name}`,
      '',
      ...(status ? [`* Status: ${status}`, '* Gardener: Ines'] : ['* Gardener: Ines', '* Row: 4']),
      '',
      '## Gist',
      '',
      `A plot for ${name.toLowerCase()}.`,
      '',
      ...sections.flatMap((s) => [`## ${s}`, '', `The ${s.toLowerCase()} of the ${name.toLowerCase()} plot.`, '']),
    ].join('\n');

  async function findings(plots: Record<string, string>): Promise<string[]> {
    const files: Record<string, string> = {
      'templates/plot.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/plot.md', patterns: ['plots/*.md'] }),
    };
    for (const [name, text] of Object.entries(plots)) files[`plots/${name}.md`] = text;
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path.slice(6, -3)} ${d.severity}${d.fix ? ' fix' : ''} ${d.message}`));
  }

  it('not asked before its stage; an error from it on; a warning, with no fix, past the last stage, off the list or with no status', async () => {
    const found = await findings({
      sketch: plot('Herbs', 'Sketched', []),
      survey: plot('Berries', 'Surveyed', ['Soil']),
      dug: plot('Beans', 'Dug', ['Soil']),
      done: plot('Squash', 'Completed', ['Beds', 'Watering']),
      notice: plot('Fence notice', 'Notice', []),
      odd: plot('Compost', 'Pending', ['Soil', 'Beds', 'Watering'].slice(1)),
      none: plot('Mint', undefined, ['Beds', 'Watering']),
    });
    const said = (stage: string, words: string) => `The template requires it from ${stage} on (“${words}”)`;
    expect(found).toEqual([
      `done error fix Missing section \`## Soil\`, expected after \`## Gist\`.`,
      `dug error fix Missing section \`## Beds\`, expected after \`## Soil\`.`,
      `none warning Missing section \`## Soil\`, expected after \`## Gist\`. ${said('Surveyed', 'Surveyed status and above')}, and this pattern gives no status: a warning.`,
      `notice warning Missing section \`## Soil\`, expected after \`## Gist\`. ${said('Surveyed', 'Surveyed status and above')}, and this pattern's status, \`Notice\`, comes after \`Completed\`, where the template's list of stages ends: a warning.`,
      `notice warning Missing section \`## Beds\`, expected after \`## Gist\`. ${said('Dug', 'Dug status and above')}, and this pattern's status, \`Notice\`, comes after \`Completed\`, where the template's list of stages ends: a warning.`,
      `notice warning Missing section \`## Watering\`, expected after \`## Gist\`. ${said('Planted', 'when targeting Planted')}, and this pattern's status, \`Notice\`, comes after \`Completed\`, where the template's list of stages ends: a warning.`,
      `odd warning Missing section \`## Soil\`, expected after \`## Gist\`. ${said('Surveyed', 'Surveyed status and above')}, and this pattern's status, \`Pending\`, is not one the template lists: a warning.`,
    ]);
  });

  it('the stages from the metadata file beside the template (`metadataFile`), the requirement in a sentence about the section', async () => {
    const files: Record<string, string> = {
      'templates/plot/README.md': '# [Plot]\n\n## Gist\n\nWhat for.\n\n## Harvest log\n\nThis section must be completed when targeting late to a season.\n',
      'templates/plot/plot.yaml': 'name: Plot template\nphase: early|mid|late\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/plot/README.md', patterns: ['plots/*/README.md'], metadataFile: 'plot.yaml' }),
    };
    for (const [name, phase] of [
      ['tomato', 'early'],
      ['leek', 'mid'],
      ['kale', 'late'],
    ]) {
      files[`plots/${name}/README.md`] = `# ${name}\n\n## Gist\n\nA plot of ${name}.\n`;
      files[`plots/${name}/plot.yaml`] = `name: ${name}\nphase: ${phase}\n`;
    }
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toEqual([
      'plots/kale/README.md error Missing section `## Harvest log`, expected after `## Gist`.',
    ]);
  });

  it('"Not required until" an event no stage names: not asked at the first stage, nor are its sub-sections; asked from the next one', async () => {
    const files: Record<string, string> = {
      'templates/plot/README.md':
        '# [Plot]\n\n## Gist\n\nWhat for.\n\n## Care Plan\n\n<!--\n**Note:** *Not required until the plot is given a season.*\n-->\n\n### Weeding\n\n<!-- How often. -->\n\n- <bed>: <days between rounds>\n\n### Netting\n\nWhat keeps birds off.\n',
      'templates/plot/plot.yaml': 'name: Plot template\nstatus: sketched|planned|planted|done\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/plot/README.md', patterns: ['plots/*/README.md'], metadataFile: 'plot.yaml' }),
    };
    for (const [name, status] of [
      ['tomato', 'sketched'],
      ['leek', 'planned'],
      ['kale', undefined],
    ] as const) {
      files[`plots/${name}/README.md`] = `# ${name}\n\n## Gist\n\nA plot of ${name}.\n\n## Care Plan\n\nBy hand.\n`;
      files[`plots/${name}/plot.yaml`] = `name: ${name}\n${status ? `status: ${status}\n` : ''}`;
    }
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    const later = 'The template requires it only once “the plot is given a season”';
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toEqual([
      `plots/kale/README.md warning Missing section \`### Weeding\`, expected in \`## Care Plan\`. ${later}, and this pattern gives no status: a warning.`,
      `plots/kale/README.md warning Missing section \`### Netting\`, expected in \`## Care Plan\`. ${later}, and this pattern gives no status: a warning.`,
      'plots/leek/README.md error Missing section `### Weeding`, expected in `## Care Plan`.',
      'plots/leek/README.md error Missing section `### Netting`, expected in `## Care Plan`.',
    ]);
  });
});

describe('required-section: a section to finish before a stage', () => {
  it('"has to be finished before a proposal may be given status Final": not asked of a draft, asked of a final one', async () => {
    const template =
      '---\ntitle: <Proposal title>\nstatus: <Draft | Review | Final>\n---\n\n## Summary\n[One sentence.]\n\n## Implementation\n[An implementation has to be finished before a proposal may be given status Final, though it is not needed for the proposal to be accepted.]\n';
    const doc = (status: string) => `---\ntitle: Knobs\nstatus: ${status}\n---\n\n## Summary\nKnobs turn.\n`;
    const files: Record<string, string> = {
      'prop-X.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'prop-X.md', patterns: ['specs/*.md'] }),
      'specs/draft.md': doc('Draft'),
      'specs/final.md': doc('Final'),
    };
    const report = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`))).toEqual(['specs/final.md error']);
    // (With no list of stages in the template, `status: Draft` alone: the status the words name.)
    files['prop-X.md'] = template.replace('status: <Draft | Review | Final>', 'status: Draft').replace('given status Final', 'given status "Final"');
    const alone = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    expect(alone.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`))).toEqual(['specs/final.md error']);
    // (Or the status named before the word, `before any proposal is given "Final" status`.)
    files['prop-X.md'] = template.replace('may be given status Final', 'is given "Final" status');
    const before = await lint({ root: await tempCatalog(files), only: ['required-section'] });
    expect(before.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`))).toEqual(['specs/final.md error']);
  });
});

describe('required-section: the section a level down, in longer words that open with its name', () => {
  it('a warning that names the heading, and no fix', async () => {
    const template = '# [Name]\n\n## Materials\n\nWhat you need.\n\n## Steps\n\nWhat to do.\n\n## Why\n\nHow it works.\n\n## Checking\n\nHow to tell it worked.\n';
    const text =
      '# Paper lantern\n\n## Materials\n\n- Rice paper\n\n## Steps\n\n1. Fold the paper.\n2. Glue the seam.\n\n### Checking the seam by lamplight\n\nHold it to a lamp: no gaps.\n\n## Why\n\nPaper diffuses the light.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `## Checking`, expected after `## Why`. This pattern has `### Checking the seam by lamplight` on line 12 elsewhere, in the words of its name: if that is the section, move it here under its heading; if not, write it.',
    ]);
  });
});

describe('required-section: the section named by its head noun alone, elsewhere', () => {
  it('`## Design` after the sections the template puts after `## High-Level Design` and `## Detailed Design` (it may be either): a warning for each that names it, and no empty copy inserted; `## Details` is not it', async () => {
    const template =
      '# [Name]\n\n## Goals\n\nWhat for.\n\n## High-Level Design\n\nThe shape.\n\n## Detailed Design\n\nHow it works.\n\n## Compatibility\n\nWhat breaks.\n\n## Open Issues\n\nWhat is left.\n';
    const text = (heading: string) =>
      `# Job settings\n\n## Goals\n\nOne place for settings.\n\n## Compatibility\n\nOld flags still work.\n\n${heading}\n\nA config map per job.\n\n## Open Issues\n\nNone.\n`;
    const found = await lintOne('required-section', text('## Design'), { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `## High-Level Design`, expected after `## Goals`. This pattern has `## Design` on line 11 elsewhere, in the words of its name: if that is the section, move it here under its heading; if not, write it.',
      'warning Missing section `## Detailed Design`, expected after `## Goals`. This pattern has `## Design` on line 11 elsewhere, in the words of its name: if that is the section, move it here under its heading; if not, write it.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(text('## Design'));
    const other = await lintOne('required-section', text('## Details'), { template });
    expect(other.diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
  });
});

describe('required-section: no section inserted where it would take in deeper headings of another', () => {
  it('the error stays, with no fix, where the next heading is deeper than the inserted one and none of its own', async () => {
    const template = '# [Name]\n\n## Materials\n\nWhat.\n\n## Steps\n\nHow.\n\n## Why\n\nWhy.\n\n## Checking\n\nCheck.\n\n## Tidying\n\nTidy.\n';
    const text =
      '# Kite\n\n## Workshop\n\nA table and a lamp.\n\n### Materials\n\n- Paper\n\n### Why\n\nWind lifts a flat sail.\n\n### Steps\n\n#### Frame\n\nTie the sticks.\n\n#### Sail\n\nGlue the paper.\n\n## Tidying\n\nSweep the offcuts.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.line} ${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      '13 error Missing section `## Checking`, expected after `### Why`.',
    ]);
  });
});

describe('required-section: a sub-section under a section of the author’s written after its parent', () => {
  it('is there, out of place (section-order says so), not missing; nothing is inserted', async () => {
    const template =
      '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat it aims at.\n\n### Non-Goals\n\nWhat it does not.\n\n## Design\n\nHow.\n';
    const text =
      '# Read Replica\n\n## Overview\n\nCopies.\n\n## Motivation\n\nReads are slow.\n\n### History\n\nIt grew.\n\n## Returning to Motivation\n\nSo:\n\n### Goals\n\nFewer reads.\n\n### Non-Goals\n\nSharding.\n\n## Design\n\nA ring.\n';
    expect((await lintOne('required-section', text, { template })).diagnostics).toEqual([]);
    const order = await lintOne('section-order', text, { template });
    expect(order.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '19 warning `### Goals` is misplaced: the template puts it under `## Motivation`.',
      '23 warning `### Non-Goals` is misplaced: the template puts it under `## Motivation`.',
    ]);
    // The author's own heading under it is its content: one unknown section, not one per heading.
    const unknown = await lintOne('unknown-section', text.replace('### Non-Goals', '### Why now\n\nBudgets.\n\n### Non-Goals'), { template });
    expect(unknown.diagnostics.map((d) => d.message)).toEqual([
      'Unknown section `### History`: the template has no such section.',
      'Unknown section `## Returning to Motivation`: the template has no such section.',
    ]);
  });
});

describe('required-section: the template’s section of header fields, written without its heading', () => {
  it('is the block of fields the pattern opens with: a warning, and the fix puts the heading above it', async () => {
    const template = '## Preamble\n\n```\nPlot: 0000\nTitle: <plot name>\nStatus: Draft\n```\n\n## Gist\n\nWhat for.\n\n## Beds\n\nHow laid out.\n';
    const text = '```\nPlot: 0007\nTitle: Herb spiral\nStatus: Final\n```\n\n## Gist\n\nHerbs by the kitchen door.\n\n## Beds\n\nA spiral of stones.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '1 warning Missing section `## Preamble`, expected before `## Gist`: the block of fields on line 1 is what the template puts under it. Add the heading above that block.',
    ]);
    expect(diagnostics[0]!.fix).toEqual({ range: [0, 0], text: '## Preamble\n\n' });
  });

  it('in a pattern whose sections stand a level below the template’s, under its title, where the catalog turns heading-level off: the fix writes the heading at their level, never over them', async () => {
    const template = '# Meta\n- Plot: (fill in the plot number)\n- Status: (Draft or Final)\n\n# Gist\n\nWhat for.\n\n# Beds\n\nHow laid out.\n';
    const text = '# Herb spiral\n\nPlot: 0007 \\\nStatus: Final\n\n## Gist\n\nHerbs by the kitchen door.\n\n## Beds\n\nA spiral of stones.\n';
    const config = { title: { from: 'heading', recommended: true }, rules: { 'heading-level': 'off' } };
    const { diagnostics } = await lintOne('required-section', text, { template, config });
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.fix ? JSON.stringify(d.fix.text) : ''}`)).toEqual(['3 warning "## Meta\\n\\n"']);
    const { file } = await lintOne('required-section', text, { template, config, fix: true });
    expect(await readFile(file, 'utf8')).toBe(text.replace('Plot: 0007', '## Meta\n\nPlot: 0007'));
  });
});

describe('required-section: headings of the author’s elsewhere in words kindred to the missing section’s name', () => {
  const template =
    '# [Name]\n\n## Objective\n\nWhat the change is for.\n\n## Motivation\n\nWhy is this worth doing? Say what a reader needs to know first.\n\n## Design\n\nHow it works.\n';
  it('one before the section it should follow: a warning that names it, and nothing inserted', async () => {
    const text = '# Seed library\n\n## Background\n\nSeeds get lost each winter.\n\n## Objective\n\nA shelf of labelled jars.\n\n## Design\n\nJars by month.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `## Motivation`, expected after `## Objective`. This pattern has `## Background` on line 3 elsewhere, in words kindred to its name: if that is the section, move it here under its heading; if not, write it.',
    ]);
  });
  it('a kindred heading away from its place (after the sections it precedes) is no such candidate', async () => {
    const text = '# Seed library\n\n## Objective\n\nA shelf of labelled jars.\n\n## Design\n\nJars by month.\n\n## Background\n\nSeeds got lost each winter.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''}`)).toEqual(['error fix']);
  });
  it('a heading in other words is no such candidate: the error stays', async () => {
    const text = '# Seed library\n\n## Suppliers\n\nThe shop.\n\n## Objective\n\nA shelf of labelled jars.\n\n## Design\n\nJars by month.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'error fix Missing section `## Motivation`, expected after `## Objective`.',
    ]);
  });
});

describe('required-section: headings of the author’s elsewhere that the missing section’s guidance asks for', () => {
  const template =
    '# [Name]\n\n## Aim\n\nWhat is this for? Which goals does it meet, and which non-goals does it leave alone? Keep it short.\n\n## Reasons\n\nWhy now? Which history matters?\n\n## Plan\n\nHow it is done.\n';
  it('`## Goals` and `## Non-goals` after the reasons, where the Aim is missing: a warning that names them, nothing inserted', async () => {
    const text =
      '# Tool rota\n\n## Reasons\n\nTools go missing.\n\n## Goals\n\nEvery tool back by Friday.\n\n## Non-goals\n\nBuying new tools.\n\n## Plan\n\nA rota on the shed door.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `## Aim`, expected before `## Reasons`. This pattern has `## Goals` on line 7, `## Non-goals` on line 11 elsewhere, in words its guidance asks for: if they are the section, move them here under its heading; if not, write it.',
    ]);
  });
  it('a heading with a word the guidance does not ask for is no such candidate: the error stays', async () => {
    const text = '# Tool rota\n\n## Reasons\n\nTools go missing.\n\n## Budget goals\n\nNo spending.\n\n## Plan\n\nA rota on the shed door.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual(['error fix Missing section `## Aim`, expected before `## Reasons`.']);
  });
  it('one a level down under a heading of the author’s at its level (`### Goals` under `## Background`): a warning that names it, as before the outline moved a level down', async () => {
    const text =
      '# Tool rota\n\n## Reasons\n\nTools go missing.\n\n## Background\n\n### Goals\n\nEvery tool back by Friday.\n\n### Setup\n\nA board.\n\n## Plan\n\nA rota on the shed door.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `## Aim`, expected before `## Reasons`. This pattern has `### Goals` on line 9 elsewhere, in words its guidance asks for: if that is the section, move it here under its heading; if not, write it.',
    ]);
  });
  it('nor is one a level down under a section of the template', async () => {
    const text = '# Tool rota\n\n## Reasons\n\nTools go missing.\n\n### Goals\n\nEvery tool back by Friday.\n\n## Plan\n\nA rota on the shed door.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual(['error fix Missing section `## Aim`, expected before `## Reasons`.']);
  });
  it('nor is one whose word another section’s guidance talks of too', async () => {
    const both = template.replace('Which history matters?', 'Which history matters, and which goals were missed before?');
    const text = '# Tool rota\n\n## Reasons\n\nTools go missing.\n\n## Goals\n\nEvery tool back.\n\n## Plan\n\nA rota on the shed door.\n';
    const { diagnostics } = await lintOne('required-section', text, { template: both });
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section: a section answered under a heading its guidance asks for in a word of that kind', () => {
  const template =
    '# [Name]\n\n## Summary\n\n[One paragraph.]\n\n## Background\n\n[The problem.]\n\n## Proposal\n\n[The change.]\n\n## Rationale\n\n[A discussion of alternate approaches and the trade offs of this one.]\n\n## Rollout\n\n[Who does what, and when.]\n';
  it('`## Alternatives Considered` after the Rollout, where the Rationale goes before it: a warning that names it', async () => {
    const text =
      '# Night buses\n\n## Summary\n\nBuses after midnight.\n\n## Background\n\nThe last train leaves at 23:40.\n\n## Proposal\n\nTwo routes, hourly.\n\n## Rollout\n\nThe depot starts in May.\n\n## Alternatives Considered\n\nTaxis on a voucher cost more.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `## Rationale`, expected after `## Proposal`. This pattern has `## Alternatives Considered` on line 19 elsewhere, in words its guidance asks for: if that is the section, move it here under its heading; if not, write it.',
    ]);
  });
  it('a heading of a word of another kind is no such candidate: the error stays', async () => {
    const text =
      '# Night buses\n\n## Summary\n\nBuses after midnight.\n\n## Background\n\nThe last train leaves at 23:40.\n\n## Proposal\n\nTwo routes, hourly.\n\n## Rollout\n\nThe depot starts in May.\n\n## Drivers Considered\n\nThree volunteers.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'error fix Missing section `## Rationale`, expected after `## Proposal`.',
    ]);
  });
  it('`## Details` alone where the Proposal goes, beside another missing section: a warning that names it in its stead', async () => {
    const text = '# Night buses\n\n## Summary\n\nBuses after midnight.\n\n## Details\n\nTwo routes, hourly.\n\n## Rationale\n\nTaxis cost more.\n\n## Rollout\n\nMay.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message.replace(/\. This.*/, '.')}`)).toEqual([
      'error fix Missing section `## Background`, expected after `## Summary`.',
      'warning Missing section `## Proposal`, expected after `## Summary`.',
    ]);
    expect(diagnostics[1]!.message).toContain('`## Details` there, in its stead');
  });
});

describe('required-section: the author’s heading in a missing section’s stead, in a pattern written mostly a level up', () => {
  it('`# Summary` where the Objective goes, whose guidance calls it the executive summary, one section at the template’s level last: a warning that names it', async () => {
    const template =
      '# Title of proposal\n\n## Objective\n\nWhat are we doing and why? This is your executive summary; keep it short.\n\n## Motivation\n\nWhy this is valuable.\n\n## Design Proposal\n\nThe meat of the document.\n\n## Questions and Discussion Topics\n\nOpen ones.\n';
    const text =
      '# Tea urn timer\n\n| Status | Draft |\n| --- | --- |\n\n# Summary\n\nA timer for the urn.\n\n# Motivation\n\nCold tea.\n\n## Old urns\n\nNo timers.\n\n# Design Proposal\n\nA clock.\n\n# Estimates\n\nTwo weeks.\n\n## Questions and Discussion Topics\n\nNone.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.line} ${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      '10 warning Missing section `## Objective`, expected before `# Motivation`. This pattern has `# Summary` there, in its stead: if that is the section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
    ]);
  });
});

describe('required-section: approaches set aside, where the Alternatives go', () => {
  it('`## Discarded Approaches` stands in for the Alternatives, not for the plan after them', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nIn short.\n\n## Why\n\nThe need.\n\n## How\n\nThe design.\n\n## Alternatives\n\nWhy not another way?\n\n## Action Plan\n\n* [ ] Tasks.\n';
    const text =
      '# Label the jars\n\n## Summary\n\nPrinted labels.\n\n## Why\n\nJars get mixed up.\n\n## How\n\nA printer.\n\n## Discarded Approaches\n\n### Hand writing\n\nRejected: smudges.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    const alternatives = diagnostics.find((d) => d.message.includes('`## Alternatives`'));
    expect(alternatives?.severity).toBe('warning');
    expect(alternatives?.message).toContain('`## Discarded Approaches` there, in its stead');
  });
});

describe('required-section: a heading of the template’s name that closes the author’s topics', () => {
  it('`### Summary` last under `## Challenges`, after the Proposal, sums up the challenges as likely as not: the Summary missing at its place is a warning that names it, nothing is out of order', async () => {
    const template = '# [Title]\n\n## Summary\n\nIn short.\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nWhat.\n';
    const text =
      '# Shed access\n\n## Motivation\n\nKeys go missing.\n\n## Proposal\n\nA key box.\n\n## Challenges\n\n### Spare keys\n\nWho holds them.\n\n### Weekends\n\nNobody on site.\n\n### Summary\n\nBoth are solvable.\n';
    const required = await lintOne('required-section', text, { template });
    expect(required.diagnostics.map((d) => `${d.line} ${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      '3 warning Missing section `## Summary`, expected before `## Motivation`. This pattern has `### Summary` on line 21 elsewhere, in the words of its name: if that is the section, move it here under its heading; if not, write it.',
    ]);
    expect((await lintOne('section-order', text, { template })).diagnostics).toEqual([]);
    // (Before the sections the template puts after it, it is the Summary out of its place, as before.)
    const early =
      '# Shed access\n\n## Challenges\n\n### Spare keys\n\nWho holds them.\n\n### Summary\n\nA key box.\n\n## Motivation\n\nKeys go missing.\n\n## Proposal\n\nA box.\n';
    expect((await lintOne('required-section', early, { template })).diagnostics).toEqual([]);
  });
});

describe('required-section: the template’s sections under a stray H1 of the author’s, the first of them out of order', () => {
  it('`## Status`, then `## Consequences`, under `# Scheduler` after the author’s `## Peer`: out of order, not missing', async () => {
    const template =
      '# ADR [N]: [Title]\n\n## Changelog\n\n- [date]: [change]\n\n## Status\n\n[Status]\n\n## Context\n\n[Context]\n\n## Decision\n\n[Decision]\n\n## Consequences\n\n[Consequences]\n';
    const text =
      '# ADR 1: Lamps\n\n## Changelog\n\n- 2020-01-01: Drafted\n\n## Context\n\nDark streets.\n\n## Decision\n\nLamps.\n\n# Scheduler\n\nNotes on the timer.\n\n## Peer\n\nThe neighbour lamp.\n\n## Status\n\nAccepted\n\n## Consequences\n\nLight.\n';
    expect((await lintOne('required-section', text, { template })).diagnostics).toEqual([]);
    expect((await lintOne('section-order', text, { template })).diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([
      '23 `## Status` is out of order: the template puts it after `## Changelog`.',
    ]);
  });
});

describe('required-section: the template’s sections held under a heading of the author’s, one of them out of order among their topics', () => {
  it('`### Meetings` after `### Contacts` under `## Team Charter`, the author’s topics between: out of order, not missing', async () => {
    const template =
      '# Team: [name]\n\n## Mission\n\nWhat for.\n\n## Members\n\nWho.\n\n## Meetings\n\nWhen.\n\n## Contacts\n\nHow to reach it.\n\n## Conduct\n\nThe rules.\n';
    const text =
      '# Proposal: a storage team\n\n## Mission\n\nKeep blobs.\n\n## Team Charter\n\nWhat we ask for.\n\n### Goals\n\nFast.\n\n### Members\n\nAda, Ben.\n\n### Chat\n\nA channel.\n\n### Contacts\n\nThe list.\n\n### Meetings\n\nTuesdays.\n\n### Conduct\n\nBe kind.\n';
    expect((await lintOne('required-section', text, { template })).diagnostics).toEqual([]);
    const order = await lintOne('section-order', text, { template });
    expect(order.diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual(['23 `### Contacts` is out of order: the template puts it after `## Meetings`.']);
  });
});

describe('required-section: the body of the pattern written under other headings than the template’s', () => {
  const template =
    '# Title of proposal\n\n## Objective\n\nWhat and why.\n\n## Motivation\n\nWho needs it.\n\n## User Benefit\n\nHow users gain.\n\n## Design Proposal\n\nThe meat of the document: explain the proposal.\n\n## Detailed Design\n\nThis section is optional.\n\n## Questions\n\nOpen ones.\n';
  const config = { sections: { 'User Benefit': { recommended: true }, 'Detailed Design': { optional: true }, Questions: { recommended: true } } };
  const long = (topic: string) => Array.from({ length: 12 }, (_, i) => `The ${topic} works in step ${i} with care and a log line.`).join(' ');
  const show = (d: { line: number; severity: string; fix?: unknown; message: string }) => `${d.line} ${d.severity}${d.fix ? ' fix' : ''} ${d.message}`;

  it('at the end, in parts under the author’s headings, a recommended section missing there too: a warning that names them', async () => {
    const text = `# Kettle descaling\n\n## Objective\n\nDescale kettles.\n\n## Motivation\n\nLimescale.\n\n## Descaling policy\n\n${long('policy')}\n\n## Review feedback\n\n${long('feedback')}\n`;
    const { diagnostics } = await lintOne('required-section', text, { template, config, fix: true });
    const proposal = diagnostics.filter((d) => d.message.includes('`## Design Proposal`'));
    expect(proposal.map(show)).toEqual([
      '9 warning Missing section `## Design Proposal`, expected after `## Motivation`. This pattern has its own sections there (`## Descaling policy`, `## Review feedback`): if they are that section, put them under its heading; if not, write it.',
    ]);
  });

  it('in parts under two headings of the author’s holding a good share of the text, the one section the pattern lacks (another in its stead already): a warning', async () => {
    const tmpl = '# [Title]\n\n## Summary\n\nIn short.\n\n## Motivation\n\nWhy.\n\n## Detailed design\n\nHow it works.\n\n## Drawbacks\n\nWhat it costs.\n';
    const text = `# Moving the beehives\n\n## Summary\n\nMove the hives.\n\n## Rationale\n\n${long('rationale')}\n\n## Steps\n\n${long('move')}\n\n## Risks on the way\n\nStings.\n\n## Drawbacks\n\nA lost day of honey.\n`;
    const { diagnostics } = await lintOne('required-section', text, { template: tmpl });
    expect(diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 60)}`)).toEqual(['warning Missing section `## Detailed design`, expected after `## Rat']);
    // (With another section missing too, they may be that one: the error stands.)
    const more = await lintOne('required-section', text.replace(/## Drawbacks[\s\S]*$/, ''), { template: tmpl });
    expect(more.diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
  });

  it('missing right before the optional `## Detailed Design` that holds most of the text: a warning that says so, and no empty one inserted', async () => {
    const text = `# Kettle descaling\n\n## Objective\n\nDescale kettles.\n\n## Motivation\n\nLimescale.\n\n## Detailed Design\n\n${long('design')}\n\n### Vinegar\n\n${long('vinegar')}\n`;
    const { diagnostics, file } = await lintOne('required-section', text, { template, config, fix: true });
    expect(diagnostics.filter((d) => d.message.includes('`## Design Proposal`')).map(show)).toEqual([
      "9 warning Missing section `## Design Proposal`, expected after `## Motivation`. This pattern has `## Detailed Design` after it, which holds most of its text: if this section's text is there, its heading is what is missing; if not, write it.",
    ]);
    expect(await readFile(file, 'utf8')).not.toContain('## Design Proposal');
    // (A short one, the rest of the text elsewhere, is no body: the section is missing.)
    const short = `# Kettle descaling\n\n## Objective\n\n${long('objective')}\n\n## Motivation\n\n${long('motivation')}\n\n## Detailed Design\n\nVinegar.\n`;
    const missing = await lintOne('required-section', short, { template, config });
    expect(missing.diagnostics.filter((d) => d.message.includes('`## Design Proposal`')).map((d) => `${d.severity} ${d.message}`)).toEqual([
      'error Missing section `## Design Proposal`, expected after `## Motivation`.',
    ]);
  });
});

describe('required-section: one section written a level up over the sections after it', () => {
  it('does not hide the next section in other words: that one is said as renamed, not missing', async () => {
    const template = '# [Name]\n\n## Materials\n\nWhat.\n\n## Making steps\n\nHow.\n\n## Why it holds\n\nWhy.\n\n## Checking\n\nCheck.\n';
    const text = '# Paper kite\n\nA flat kite.\n\n# Materials\n\n- Paper\n\n## Steps\n\nFold and glue.\n\n## Why it holds\n\nGlue sets.\n\n## Checking\n\nFly it.\n';
    const required = await lintOne('required-section', text, { template });
    expect(required.diagnostics).toEqual([]);
    const names = await lintOne('section-name', text, { template });
    expect(names.diagnostics.map((d) => `${d.line} ${d.message.slice(0, 45)}`)).toEqual(['9 `## Steps` is written `## Making steps` in th']);
  });
});

describe('required-section: no section inserted under a heading that is not its parent', () => {
  it('no fix where the section before it is written a level up (it would be that one’s sub-section); a heading of the author’s in its stead, at the level the pattern writes its sections, makes it a warning that names it', async () => {
    const template = '# [Name]\n\n## Aim\n\nWhat.\n\n## Reasons\n\nWhy.\n\n## Plan\n\nHow.\n';
    const text = '# Tool rota\n\n# Summary\n\nA rota for the shared tools.\n\n# Reasons\n\nRust.\n\n## Blunt edges\n\nNobody sharpens.\n\n# Plan\n\nA rota.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.filter((d) => d.message.includes('`## Aim`')).map((d) => `${d.severity}${d.fix ? ' fix' : ''}`)).toEqual(['warning']);
    expect(diagnostics.find((d) => d.message.includes('`## Aim`'))!.message).toContain('This pattern has `# Summary` there, in its stead');
  });
});

describe('required-section: inserted above a heading the author commented out', () => {
  it('a missing sub-section goes above `<!-- ## Drawbacks -->` of a later section, not below it', async () => {
    const template =
      '# [Name]\n\n## Test Plan\n\n### Unit tests\n\nWhich.\n\n### Integration tests\n\nWhich.\n\n## Drawbacks\n\nWhy not.\n\n## Alternatives\n\nWhat else.\n';
    const text = '# Kiln timer\n\n## Test Plan\n\n### Unit tests\n\n- the clock\n\n<!-- ## Drawbacks -->\n\n## Alternatives\n\nAn egg timer.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(text.replace('<!-- ## Drawbacks -->', '### Integration tests\n\n<!-- Which. -->\n\n<!-- ## Drawbacks -->'));
  });
});

describe('required-section: its name as a line of text', () => {
  it('`Reviews` alone on a line where the section goes is its heading without its marks: a warning whose fix makes that line the heading, no second one inserted', async () => {
    const template = '# [Name]\n\n## Decision\n\nWhat.\n\n## Reviews\n\n| Reviewed by | Date |\n|---|---|\n| name | date |\n';
    const text = '# Tool rota\n\n## Decision\n\nA rota.\n\nReviews\n\nReviewed by Ana on 2024-03-01.\n';
    const said = await lintOne('required-section', text, { template });
    expect(said.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '7 warning Missing section `## Reviews`, expected after `## Decision`: its name stands on line 7 as a line of text (“Reviews”), not a heading. Make it `## Reviews`.',
    ]);
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(fixed.diagnostics).toEqual([]);
    expect(await readFile(fixed.file, 'utf8')).toBe(text.replace('\nReviews\n', '\n## Reviews\n'));
  });
  it('inside a section of the author’s, as a label among its paragraphs: said, with no fix (made a heading, it would take the rest of their section)', async () => {
    const template = '# [Name]\n\n## Decision\n\nWhat.\n\n## Reviews\n\nWho reviewed it.\n';
    const text =
      '# Tool rota\n\n## Decision\n\nA rota.\n\n## Handover\n\nKeys go back.\n\n**Reviews (weekly)**\n\nAna looks at it each week.\n\nKeys are counted on Friday.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(fixed.diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message.slice(0, 60)}`)).toEqual([
      'warning Missing section `## Reviews`, expected after `## Decision`: ',
    ]);
    expect(await readFile(fixed.file, 'utf8')).toBe(text);
  });
});

describe('required-section: a section of what is still open, left out', () => {
  it('`## Open questions` missing is a warning that asks to say “None.” if nothing is open, with no empty one inserted; another section missing stays an error', async () => {
    const template = '# [Name]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n\n## Open questions\n\nWhat is undecided.\n\n## Licence\n\nWaived.\n';
    const text = '# Kiln vents\n\n## Summary\n\nTwo vents.\n\n## Design\n\nOne at the top, one at the side.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(fixed.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Missing section `## Open questions`, expected after `## Design`. If nothing is left open, add it and say so (“None.”); else list what is. (A warning: left out, it may mean nothing is.)',
    ]);
    expect(await readFile(fixed.file, 'utf8')).toBe(`${text}\n## Licence\n\n<!-- Waived. -->\n`);
  });
});

describe('required-section: the body written under a heading of its own elsewhere, the parent of a sub-section left out', () => {
  const template =
    '# [Name]\n\n## Summary\n\nIn brief.\n\n## Impact\n\nWho it touches.\n\n## Alternative Solutions\n\nWhy this one over others.\n\n## Specification\n\nHow this proposal works, in detail.\n\n## Risks\n\nWhat could go wrong.\n\n## Timeline\n\n### Suggested timeline\n\nWhen.\n';
  it('`## Proposal` above, holding most of the text, may be the Specification: a warning that names it, nothing inserted; `## Suggested timeline` at the Timeline’s place says its heading is left out (a warning)', async () => {
    const text =
      '# Kiln vents\n\n## Summary\n\nVent the kiln.\n\n## Proposal\n\nCut two vents in the lid, one at each side, each two inches wide, with a sliding cover of steel that the firer moves by a rod from outside the kiln so no hand comes near the heat.\n\n### The covers\n\nSteel plates on a rail, each with a stop, so that a cover never falls into the kiln when it is opened all the way.\n\n## Impact\n\nFirers.\n\n## Risks\n\nHeat loss.\n\n## Suggested timeline\n\nThis spring.\n';
    const found = await lintOne('required-section', text, { template });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      // (`## Proposal` is the solution taken, no `## Alternative Solutions` in other words.)
      'error Missing section `## Alternative Solutions`, expected after `## Impact`.',
      'warning Missing section `## Specification`, expected after `## Impact`. This pattern has `## Proposal` on line 7, which holds most of its text: if that is this section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
      'warning Missing section `## Timeline`, expected after `## Risks`. This pattern writes its sub-section at its level (`## Suggested timeline`): add the heading above it and move it a level down.',
    ]);
  });
});

describe('required-section: a bare heading of the template, missing', () => {
  it('among sections that say what they ask, it stays an error with no fix (an empty heading inserted would leave no finding); in a template of bare headings too (inserted, the error would turn into empty-section’s warning, or none before the author’s own text)', async () => {
    const template = '# [Name]\n\n## Motivation\n\nWhy is this needed?\n\n## Specification\n\nWhat exactly changes?\n\n## Alternatives\n';
    const text = '# Kiln vents\n\n## Motivation\n\nFumes.\n\n## Specification\n\nTwo vents.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(fixed.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'error Missing section `## Alternatives`, expected after `## Specification`. The template gives it a bare heading: write it with its text (no empty one is inserted, which would hide that it is not written).',
    ]);
    expect(await readFile(fixed.file, 'utf8')).toBe(text);
    const bare = await lintOne('required-section', text, { template: '# [Name]\n\n## Motivation\n\n## Specification\n\n## Alternatives\n', fix: true });
    expect(bare.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(await readFile(bare.file, 'utf8')).toBe(text);
  });
});

describe('required-section: a name struck out', () => {
  it('`**~~Known~~ Risk**:` (ruled out) is no line of the section’s name: the fix inserts the section in its place and leaves the label as written; `### ~~Known risks~~ Ruled out` is no such section either', async () => {
    const template = '# [Name]\n\n## Design\n\nHow.\n\n## Known risks\n\nWhat could go wrong.\n';
    const text =
      '# Kiln vents\n\n## Design\n\nTwo vents.\n\n**~~Known~~ Risk**:\n\nHeat loss? Ruled out: the vents close.\n\n### ~~Known risks~~ Ruled out\n\nAll ruled out.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    const after = await readFile(fixed.file, 'utf8');
    expect(after).toContain('**~~Known~~ Risk**:\n\nHeat loss?');
    expect(after).toContain('### ~~Known risks~~ Ruled out\n');
    expect(after.endsWith('All ruled out.\n\n## Known risks\n\n<!-- What could go wrong. -->\n')).toBe(true);
  });
});

describe('required-section: no section inserted above one the template puts before it', () => {
  it('in a pattern of an older order, the missing section is said with no fix (inserted, it would put a section out of order)', async () => {
    const template =
      '# [Name]\n\n## Summary\n\nIn brief.\n\n## Specification\n\nWhat.\n\n## Alternatives\n\nWhat else.\n\n## Future possibilities\n\nWhat next.\n\n## Copyright\n\nWaived.\n';
    const text =
      '# Board colours\n\n## Summary\n\nColour-coded boards.\n\n## Alternatives\n\nWashing boards.\n\n## Specification\n\nRed for meat.\n\n## Copyright\n\nWaived.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'error Missing section `## Future possibilities`, expected after `## Alternatives`.',
    ]);
  });
});

describe('required-section: the template’s first section missing above the author’s own sections', () => {
  it('goes first, above them, not at their end above the next section of the template', async () => {
    const template =
      '# PROP 0 - A short title\n\n## Abstract\n\nA short description of the change.\n\n## Other sections (optional)\n\nYour own sections.\n\n## Licence\n\nEvery proposal is public domain.\n';
    const text = '# PROP 8 - Plugin loader\n\n## Motivation\n\nUsers want commands.\n\n## Design\n\nEntry points.\n\n## Licence\n\nEvery proposal is public domain.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(
      '# PROP 8 - Plugin loader\n\n## Abstract\n\n<!-- A short description of the change. -->\n\n## Motivation\n\nUsers want commands.\n\n## Design\n\nEntry points.\n\n## Licence\n\nEvery proposal is public domain.\n',
    );
  });
});

describe('required-section: a section the author commented out', () => {
  const template = '# [Title]\n\n## Problem\n\nWhat goes wrong.\n\n## Consequences\n\nGains and costs.\n\n## Examples\n\nWhere it was used.\n';
  it('`<!--## Consequences-->` is a warning that says so, and --fix puts no empty copy beside it', async () => {
    const source = '# Queue\n\n## Problem\n\nBursts.\n\n<!--## Consequences-->\n\n## Examples\n\nThe mail service.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([
      '7:1 Section `## Consequences` is commented out on line 7 (its heading is inside `<!-- -->`): if it does not apply to this pattern, keep it so; if it does, remove the comment marks and write it.',
    ]);
    expect(found.diagnostics[0]!.severity).toBe('warning');
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('a heading on a line of a longer comment counts too; a comment that only mentions the name does not', async () => {
    const source = '# Queue\n\n## Problem\n\nBursts.\n\n<!--\n## Examples\nNone yet.\n-->\n\n## Consequences\n\nOrder is lost.\n';
    expect((await lintOne('required-section', source, { template })).shown).toEqual([
      '8:1 Section `## Examples` is commented out on line 8 (its heading is inside `<!-- -->`): if it does not apply to this pattern, keep it so; if it does, remove the comment marks and write it.',
    ]);
    const mention = '# Queue\n\n## Problem\n\nBursts.\n\n<!-- Examples to come -->\n\n## Consequences\n\nOrder is lost.\n';
    expect((await lintOne('required-section', mention, { template })).shown).toEqual(['11:1 Missing section `## Examples`, expected after `## Consequences`.']);
  });
});

describe('required-section: one heading a level off does not hide the next', () => {
  it('`### Experience` after a `## Stories` written a level up is there (not an item of the Stories’ `#### Story N` slot)', async () => {
    const template =
      '# Title\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nDescribe it.\n\n### Stories\n\nWho benefits.\n\n#### Story 1\n\n#### Story 2\n\n### Experience\n\nWhat the user does.\n\n## Design\n\nHow it works.\n';
    const source =
      '# Bulk export\n\n## Summary\n\nMany at once.\n\n## Proposal\n\nOverview.\n\n## Stories\n\nAdmins want one archive.\n\n### Experience\n\nClick, get a zip.\n\n## Design\n\nA job builds it.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('required-section: a table of contents without its heading', () => {
  const template = '# [Title]\n\n## Contents\n\n- [Background](#background)\n- [Decision](#decision)\n\n## Background\n\nWhy.\n\n## Decision\n\nWhat.\n';
  const body = '- [Background](#background)\n- [Decision](#decision)\n\n## Background\n\nOld logs fill disks.\n\n## Decision\n\nRotate daily.\n';
  it('a bare list of links to the pattern’s headings, or one under a label line, is the contents: a warning, nothing inserted', async () => {
    for (const [lead, line] of [
      ['', 3],
      ['Table of contents:\n\n', 3],
      ['**Contents**\n', 3],
    ] as const) {
      const source = `# Rotate logs\n\n${lead}${body}`;
      const found = await lintOne('required-section', source, { template, fix: true });
      expect(found.shown).toHaveLength(1);
      expect(found.shown[0]).toMatch(
        new RegExp(
          `^${line}:1 Missing section \`## Contents\`, expected before \`## Background\`: the list of links to this pattern's own headings on line \\d+ is its contents`,
        ),
      );
      expect(found.diagnostics[0]!.severity).toBe('warning');
      expect(await readFile(found.file, 'utf8')).toBe(source);
    }
  });

  it('a list of links to other pages is no contents: the section is missing (navigation: a warning, nothing inserted)', async () => {
    const source = '# Rotate logs\n\n- [Runbook](../runbook.md)\n- [Dashboards](../dash.md)\n\n## Background\n\nOld logs.\n\n## Decision\n\nRotate.\n';
    const found = await lintOne('required-section', source, { template });
    expect(found.shown).toEqual([
      '6:1 Missing section `## Contents`, expected before `## Background`. (A table of contents is navigation, which a git host and the site draw from the headings: a warning, and no empty one is inserted.)',
    ]);
    expect(found.diagnostics[0]!.severity).toBe('warning');
    expect(found.diagnostics[0]!.fix).toBeUndefined();
  });
});

describe('required-section --fix: before a later template section written inside the section before', () => {
  it('`### Upgrade strategy` goes after `### Test plan`, above a `### Rollout` that stands for the template’s later `## Rollout`', async () => {
    const template =
      '# Title\n\n## Summary\n\nOne paragraph.\n\n## Design\n\n### Implementation\n\nHow.\n\n### Test plan\n\nTests.\n\n### Upgrade strategy\n\nUpgrades.\n\n## Rollout [optional]\n\nStages.\n';
    const source =
      '# Core pinning\n\n## Summary\n\nPin cores.\n\n## Design\n\n### Implementation\n\nAn agent.\n\n### Test plan\n\nPin two.\n\n### Rollout\n\n- Canary first.\n\n## Discussion\n\nOpen.\n';
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source.replace('### Rollout', '### Upgrade strategy\n\n<!-- Upgrades. -->\n\n### Rollout'));
  });
});

describe('required-section: a sub-section written under a longer or joined heading', () => {
  const template = '# Title\n\n## Summary\n\nOne paragraph.\n\n## Design\n\n### Implementation Overview\n\nHow it is built.\n\n### Test plan\n\nHow it is tested.\n';
  it('of two headings at its place, the one that holds its whole name is it: a rename warning, nothing inserted', async () => {
    const source =
      '# Bulk import\n\n## Summary\n\nMany at once.\n\n## Design\n\n### Phase 1: streaming Implementation Overview\n\nStream the archive.\n\n### Phase 2 - cleanup Overview\n\nRetire the old path.\n\n### Test plan\n\nA thousand items.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('a parent heading that joins the sub-section’s name to its own is a warning that names it; nothing inserted', async () => {
    const source =
      '# Bulk delete\n\n## Summary\n\nMany at once.\n\n## Design & Implementation Overview\n\nA job deletes in batches.\n\n### Test plan\n\nA thousand items.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([
      "7:1 Missing section `### Implementation Overview`, expected before `### Test plan`: this pattern's `## Design & Implementation Overview` names it with its parent `## Design`, one section for the two. If that is meant, keep it so; the template has them apart (`### Implementation Overview` under `## Design`).",
    ]);
    expect(found.diagnostics[0]!.severity).toBe('warning');
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });

  it('so does one that joins a one-word sub-section’s name with `and`', async () => {
    const joined = '# Title\n\n## Motivation\n\nWhy.\n\n### Problems\n\nWhat hurts.\n\n## Design\n\nHow.\n';
    const source = '# Lamp loans\n\n## Motivation and Problems\n\nLamps go missing.\n\n## Design\n\nA ledger.\n';
    const found = await lintOne('required-section', source, { template: joined, fix: true });
    expect(found.shown).toEqual([
      expect.stringMatching(/^3:1 Missing section `### Problems`, expected in `## Motivation and Problems`: this pattern's `## Motivation and Problems` names it/),
    ]);
    expect(found.diagnostics[0]!.severity).toBe('warning');
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('required-section: numbered sections', () => {
  const template = '# Title\n\n## 1 Summary\n\nWhat.\n\n## 2 Design\n\nHow.\n\n## 3 Metrics\n\nWhat to measure.\n\n## 4 Risks\n\nWhat could break.\n';
  it('`1. Summary` is `1 Summary` however the number is closed; one that lacks a section numbers on: nothing renamed', async () => {
    const source = '# Plan\n\n## 1. Summary\n\nIn short.\n\n## 2) Design\n\nBuild it.\n\n## 3. Metrics\n\nLatency.\n\n## 4. Risks\n\nIt may fail.\n';
    const dir = await tempCatalog({
      'template.md': template,
      'plan.md': source,
      'patternbook.config.json': JSON.stringify({ template: 'template.md', patterns: ['plan.md'] }),
    });
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics)).toEqual([]);
  });
  it('a missing one whose number the next section of the author’s carries is said so, and not inserted (two sections would share a number)', async () => {
    const source = '# Plan\n\n## 1. Summary\n\nIn short.\n\n## 2. Design\n\nBuild it.\n\n## 3. Risks\n\nIt may fail.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([
      '9:1 Missing section `## 3 Metrics`, expected after `## 2. Design`. The section after it here is numbered “3” (`## 3. Risks`), the number the template gives this one: insert it by hand and number the ones after it on, so no fix is offered.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('required-section: a heading written as a choice of names (`## [Background | References]`)', () => {
  const choice = (note: string) =>
    `# Title\n\n## Problem\n\n[state it]\n\n## [Background | References]\n\n[what a reader needs first${note}]\n\n## Design\n\n[the design]\n`;
  it('is written as any of its names, or several; other headings are the author’s own, never it', async () => {
    const template = choice('');
    const named = '# Queue\n\n## Problem\n\nJobs drop.\n\n## Background\n\nThe old queue.\n\n## References\n\n- Notes.\n\n## Design\n\nA ring.\n';
    expect((await lintOne('required-section', named, { template })).shown).toEqual([]);
    expect((await lintOne('section-order', named, { template })).shown).toEqual([]);
    const own = '# Queue\n\n## Problem\n\nJobs drop.\n\n## Storage Layout\n\nRows.\n\n## Design\n\nA ring.\n';
    expect((await lintOne('required-section', own, { template })).shown).toEqual([
      '5:1 Missing section `## [Background | References]` (at least one), expected after `## Problem`.',
    ]);
    expect((await lintOne('section-order', own, { template })).shown).toEqual([]);
  });
  it('whose guidance says the sections are optional (`optional, can be separate or combined`) is optional', async () => {
    const template = choice('; optional, can be separate or combined');
    const own = '# Queue\n\n## Problem\n\nJobs drop.\n\n## Storage Layout\n\nRows.\n\n## Design\n\nA ring.\n';
    expect((await lintOne('required-section', own, { template })).shown).toEqual([]);
  });
});

describe('required-section: a section the template asks of some kinds of pattern only', () => {
  it('guidance that some kinds go without it (`Guidance proposals do not need them`, `typically will not require`, `All … that break … must include`) makes a missing one a warning', async () => {
    const source = '# Quiet hours\n\n## Summary\n\nNo alerts at night.\n\n## Design\n\nA schedule.\n\n## Security\n\nNone.\n';
    for (const guidance of [
      'Protocol proposals must include test vectors. Guidance proposals do not need them.',
      '* Most protocol proposals will require test vectors.\n* Informational proposals typically will not require test vectors.',
      'All proposals that break compatibility must include a section on how to migrate.',
      'Test vectors are mandatory for RFCs that change the wire format. Other RFCs can choose to include links to vectors if applicable.',
    ]) {
      const template = `# Title\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nThe details.\n\n## Test Vectors\n\n${guidance}\n\n## Security\n\nAlways required.\n`;
      const found = await lintOne('required-section', source, { template });
      expect(
        found.diagnostics.map((d) => `${d.severity} ${d.message}`),
        guidance,
      ).toEqual(['warning Missing section `## Test Vectors`, expected after `## Design`.']);
    }
    const always =
      '# Title\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nThe details.\n\n## Test Vectors\n\nEvery proposal includes test vectors.\n\n## Security\n\nAlways required.\n';
    expect((await lintOne('required-section', source, { template: always })).diagnostics.map((d) => d.severity)).toEqual(['error']);
    // (Nor is a section asked of all the kinds that do something, or another kind's risk: `required for all proposals that …`, `Other changes may add risk`.)
    for (const guidance of ['Test vectors are required for all proposals that change the format.', 'List the vectors. Other changes may add risk to the format.']) {
      const strict = always.replace('Every proposal includes test vectors.', guidance);
      expect(
        (await lintOne('required-section', source, { template: strict })).diagnostics.map((d) => d.severity),
        guidance,
      ).toEqual(['error']);
    }
  });
});

describe('required-section: a section the template asks for in some cases only', () => {
  const source = '# Quiet hours\n\n## Summary\n\nNo alerts at night.\n\n## Design\n\nA schedule.\n\n## Security\n\nNone.\n';
  const template = (guidance: string) =>
    `# Title\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nThe details.\n\n## Screens\n\n${guidance}\n\n## Security\n\nAlways required.\n`;
  it('guidance whose every sentence opens with the case (`If the change alters what users see, …`) makes a missing one a warning', async () => {
    for (const guidance of [
      'If the change alters what users see, which screens change and how?',
      'When the proposal touches the settings page, sketch the new layout. If it adds a dialog, show it too.',
      // (Or the kind of proposal it is for, then the hedged ask.)
      'For a proposal that changes what users see, it is helpful to include sketches of the new screens.',
      // (Or not strictly asked for, though worth having.)
      'Show the screens that change.\n\nHaving screens is not a strict requirement for a proposal, but one sketch gives it weight.',
    ]) {
      const found = await lintOne('required-section', source, { template: template(guidance) });
      expect(
        found.diagnostics.map((d) => `${d.severity} ${d.message}`),
        guidance,
      ).toEqual(['warning Missing section `## Screens`, expected after `## Design`.']);
    }
  });
  it('a case of the content (`If there are none, say so.`), or a case among plain asks, asks for it all the same: an error', async () => {
    for (const guidance of [
      'List the screens that change. If there are none, say so.',
      'If there are no screens, write None.',
      'If the change alters what users see, sketch it. Every proposal lists its screens.',
      // (How to write it is no case; nor is a case of the content; nor a thing it may hold said optional.)
      'When writing this section, list each screen that changes.',
      'If your change has no visible effect, say N/A.',
      'List the screens that change. A mock-up is not strictly necessary.',
      // (Nor is a kind that is every proposal.)
      'For a proposal, list the screens that change.',
    ]) {
      const found = await lintOne('required-section', source, { template: template(guidance) });
      expect(
        found.diagnostics.map((d) => d.severity),
        guidance,
      ).toEqual(['error']);
    }
  });
});

describe('required-section: its own sub-section written a level up before the author’s heading in its stead', () => {
  const template = '# [Name]\n\n## Summary\n\nWhat.\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nHow.\n\n### User Stories\n\nWho gains.\n\n## Alternatives\n\nWhat else.\n';
  it('`## User Stories` then `## Design` where the Proposal goes: the Design is said as it in other words, a warning with no fix', async () => {
    const text =
      '# Bike shelter\n\n## Summary\n\nA roof.\n\n## Motivation\n\nWet saddles.\n\n## User Stories\n\nRiders stay dry.\n\n## Design\n\nA steel frame.\n\n## Alternatives\n\nA shed.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `## Proposal`, expected after `## Motivation`. This pattern has `## Design` there, in its stead: if that is the section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
    ]);
  });
  it('with nothing of the author’s there but the sub-section, it stays an error', async () => {
    const text = '# Bike shelter\n\n## Summary\n\nA roof.\n\n## Motivation\n\nWet saddles.\n\n## User Stories\n\nRiders stay dry.\n\n## Alternatives\n\nA shed.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section: the one sub-section a section asks for, written in other words', () => {
  const template = '# [Name]\n\n## Summary\n\nWhat.\n\n## Proposal\n\nHow.\n\n### User Stories\n\nWho gains.\n\n## Alternatives\n\nWhat else.\n';
  it('`### Use Cases`, the one heading under the Proposal: said as it in other words, a warning with no fix', async () => {
    const text = '# Desk lamps\n\n## Summary\n\nLight.\n\n## Proposal\n\nA lamp per desk.\n\n### Use Cases\n\nReaders read.\n\n## Alternatives\n\nCandles.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      'warning Missing section `### User Stories`, expected in `## Proposal`. This pattern has `### Use Cases` there, in its stead: if that is the section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
    ]);
  });
  it('with no heading under the Proposal, an error --fix inserts', async () => {
    const text = '# Desk lamps\n\n## Summary\n\nLight.\n\n## Proposal\n\nA lamp per desk.\n\n## Alternatives\n\nCandles.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''}`)).toEqual(['error fix']);
  });
});

describe('required-section: a sub-section written out of its parent, where that parent is out of place too', () => {
  it('`# Copyright` after a `## References` written inside the Specification: not missing (heading-level says its level)', async () => {
    const template =
      '---\nnumber: NNN\ntitle: Title\ncreated: DD-MMM-YY\nauthor: NAME\npurpose: Speed or Safety\nlayer: Core or Node\ncomplexity: 1, 2 or 3\nstatus: Draft,Accepted,Adopted,Deferred or Rejected\ndescription: \n---\n\n\n## Abstract\n\nTo be written.\n\n## Motivation\n\nTo be written.\n\n## Specification\n\nTo be written.\n\n### First part of the specification\n\nSome.\n\n### Second part\n\nSome.\n\n## Rationale\n\nWhy.\n\n## References\n\nLinks.\n\nMore.\n\n### Copyright\n\nWaived.\n';
    const text =
      '---\nnumber: 48\ntitle: Fee rule\ndescription: \nstatus: Draft\npurpose: Speed\nauthor: Ada\nlayer: Core\ncomplexity: 2\ncreated: 2017-11-28\n---\n\n# Fee rule\n\n\n# Abstract\n\nText.\n\n# Motivation\n\nText.\n\n# Specification\n\n## References\n\nText.\n\n# Copyright\n\nText.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics.map((d) => d.message)).not.toContainEqual(expect.stringContaining('Copyright'));
    const levels = await lintOne('heading-level', text, { template });
    expect(levels.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('`# Copyright` should be level 3'));
  });
});

describe('required-section: a heading that says the opposite of the missing section', () => {
  it('`## Goals` where the template puts `## Non-Goals` is another section: the Non-Goals are missing, nothing renamed', async () => {
    const template = '# [Title]\n\n## Abstract\n\nShort.\n\n## Proposal\n\nWhat.\n\n## Non-Goals\n\nWhat is left out.\n\n## Implementation\n\nSteps.\n';
    const text = '# Log rotation\n\n## Abstract\n\nRotate logs daily.\n\n## Proposal\n\nA cron job.\n\n## Goals\n\nNo full disks.\n\n## Implementation\n\nA script.\n';
    const required = await lintOne('required-section', text, { template });
    expect(required.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(['error Missing section `## Non-Goals`, expected after `## Proposal`.']);
    const names = await lintOne('section-name', text, { template });
    expect(names.diagnostics).toEqual([]);
  });
});

describe('required-section: a numbered heading in another spelling, out of order in an outline a level up', () => {
  it('`# 3. Specifications` after the Rationale is the Specification: not missing', async () => {
    const template = '---\ntitle: Title\n---\n\n## Abstract\n\nShort.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat.\n\n## Rationale\n\nWhy so.\n';
    const text =
      '---\ntitle: Block cache\n---\n\n# Abstract\n\nCache blocks.\n\n# 1. Motivation\n\nSlow reads.\n\n# 2. Rationale\n\nMemory is cheap.\n\n# 3. Specifications\n\nAn LRU of blocks.\n';
    const { diagnostics } = await lintOne('required-section', text, { template });
    expect(diagnostics).toEqual([]);
  });
});

describe('duplicate-section: a numbered item of the author’s named like a section the pattern has unnumbered too', () => {
  it('`### 2. Configuration` among numbered goals, then `### Configuration (Optional)`: the item is the author’s, the section is not doubled', async () => {
    const template =
      '# Title\n\n## Abstract\n\nA few sentences.\n\n## Specification\n\nIn detail.\n\n### Commands (Optional)\n\nNew commands.\n\n### Configuration (Optional)\n\nNew settings.\n';
    const text =
      '# Hot paths\n\n## Abstract\n\nTrack hot keys.\n\n## Specification\n\nGoals first.\n\n### 1. On demand\n\nOnly when asked.\n\n### 2. Configuration\n\nOne switch.\n\n### Commands (Optional)\n\nA new command.\n\n### Configuration (Optional)\n\nA new setting.\n';
    expect((await lintOne('duplicate-section', text, { template })).diagnostics).toEqual([]);
    expect((await lintOne('section-order', text, { template })).diagnostics).toEqual([]);
  });
});

describe('required-section: --fix writes the template’s guidance as the template wraps it', () => {
  it('a paragraph wrapped under 72 columns stays so in the inserted comment (a catalog that keeps its lines short still passes its line-length check)', async () => {
    const template =
      '# [Title]\n\n## State\n\nDraft.\n\n## Overview\n\nSay in a few sentences what this proposal changes and for whom, so that\na reader who skims the list of proposals understands it without opening\nthe whole document.\n\n## Risks\n\nWhat could go wrong.\n';
    const text = '# Quiet logs\n\n## State\n\nDraft.\n\n## Risks\n\nSome lines are lost.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    const written = await readFile(fixed.file, 'utf8');
    expect(written).toContain('## Overview\n\n<!--\nSay in a few sentences');
    expect(Math.max(...written.split('\n').map((l) => l.length))).toBeLessThanOrEqual(72);
  });
});

describe('required-section: a template name of both sides (`Impacted/not impacted services`)', () => {
  it('written in its short form (`## Impacted services`) at its place is the section: nothing missing, nothing inserted', async () => {
    const template = '# [Title]\n\n## Plan\n\nHow.\n\n## Impacted/not impacted services\n\nWhich services change.\n\n## Risks\n\nWhat could go wrong.\n';
    const text = '# Quiet logs\n\n## Plan\n\nFewer lines.\n\n## Impacted services\n\nThe gateway.\n\n## Risks\n\nLost lines.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(fixed.diagnostics).toEqual([]);
    expect(await readFile(fixed.file, 'utf8')).toBe(text);
  });
});

describe('required-section: --fix writes a checklist the template asks to tick as it is', () => {
  it('`- [ ] Design approved` items inserted visible and unticked, not as a comment: the section is not left empty', async () => {
    const template = '# [Title]\n\n## Sign-off\n\n- [ ] Design `approved`\n- [x] Tests written\n\n## Summary\n\nOne paragraph.\n';
    const text = '# Quiet logs\n\n## Summary\n\nFewer lines.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe('# Quiet logs\n\n## Sign-off\n\n- [ ] Design `approved`\n- [ ] Tests written\n\n## Summary\n\nFewer lines.\n');
    const empty = await lintOne('empty-section', await readFile(fixed.file, 'utf8'), { template });
    expect(empty.diagnostics).toEqual([]);
  });
});

describe('required-section: --fix and a checklist of sample entries', () => {
  it('`- [ ] MM/DD/YYYY: merged` entries are the template’s samples: written as a comment, not as text left in', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Implementation History\n\n- [ ] MM/DD/YYYY: proposed\n- [ ] MM/DD/YYYY: merged\n';
    const text = '# Quiet logs\n\n## Summary\n\nFewer lines.\n';
    const fixed = await lintOne('required-section', text, { template, fix: true });
    const written = await readFile(fixed.file, 'utf8');
    expect(written).toContain('## Implementation History\n\n<!--');
    const left = await lintOne('placeholder', written, { template });
    expect(left.diagnostics).toEqual([]);
  });
});

describe('required-section: a heading that holds two of the template’s names', () => {
  it('`## Proposal summary` where the Summary goes is the Summary (the name it ends in, its head noun), not the Proposal out of place: the Proposal is what is missing', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nWhat.\n\n## Drawbacks\n\nWhy not.\n';
    const source =
      '# Native log parser\n\n## Proposal summary\n\nParse the logs in-process.\n\n## Motivation\n\nThe tool broke twice.\n\n## Drawbacks\n\nTwo parsers for a while.\n';
    expect((await lintOne('required-section', source, { template })).shown).toEqual(['9:1 Missing section `## Proposal`, expected after `## Motivation`.']);
    expect((await lintOne('section-order', source, { template })).shown).toEqual([]);
  });

  it('`## Alternatives for Future Work` is the Alternatives (joined to the rest by a preposition, the first is its head noun), not the Future Work of the configuration’s alias', async () => {
    const template = '# [Title]\n\n## Proposal\n\nWhat.\n\n## Alternatives\n\nWhat else.\n\n## Future Improvements\n\nLater.\n';
    const config = { sections: { 'Future Improvements': { aliases: ['Future Work'] } } };
    const source = '# Kiln timer\n\n## Proposal\n\nA clock.\n\n## Alternatives for Future Work\n\nAn egg timer.\n\n## Future Work\n\nA phone app.\n';
    expect((await lintOne('required-section', source, { template, config })).shown).toEqual([]);
    expect((await lintOne('section-order', source, { template, config })).shown).toEqual([]);
  });
});

describe('required-section: the numbered headings of an item slot kept as the template writes them', () => {
  it('are its items (`### Rule 2` for the slot the template heads `### Rule 1` under `## Rule(s)`), whatever name their words look like', async () => {
    const template = '---\ntitle: Standard title\n---\n\n<!-- What it covers -->\n\n## Rule(s)\n\n### Rule 1\n\n<!-- Rule text -->\n\n### Rule 2\n\n<!-- Rule text -->\n';
    const kept = '---\ntitle: Backups\n---\n\nHow services back up data.\n\n## Rule(s)\n\n### Rule 1\n\nBack up nightly.\n\n### Rule 2\n\nTest a restore each quarter.\n';
    expect((await lintOne('required-section', kept, { template })).shown).toEqual([]);
    // (Named by the author, the same.)
    const named = kept.replace('### Rule 1', '### Nightly copies');
    expect((await lintOne('required-section', named, { template })).shown).toEqual([]);
  });
});

describe('required-section --fix: a missing first sub-section where the parent holds sections the template puts later', () => {
  it('goes right after the parent’s own text, before them, not at the parent’s end', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nSay what it does.\n\n## Proposal\n\nSay what is proposed.\n\n### Stories\n\nSay who gains what.\n\n## Design\n\nSay how it is built.\n\n### Tests\n\nSay how it is tested.\n';
    const source =
      '# Field echo\n\n## Summary\n\nThe agent echoes fields.\n\n## Proposal\n\nList fields; get them back.\n\n### Design\n\nA list of paths.\n\n### Tests\n\nA kind cluster.\n';
    expect((await lintOne('required-section', source, { template })).shown).toEqual(['9:1 Missing section `### Stories`, expected in `## Proposal`.']);
    const found = await lintOne('required-section', source, { template, fix: true });
    expect((await readFile(found.file, 'utf8')).match(/^#+ .*$/gm)).toEqual(['# Field echo', '## Summary', '## Proposal', '### Stories', '### Design', '### Tests']);
  });
});

describe('required-section: the section named for its state moved on', () => {
  it('`# Resolved questions` where the `# Unresolved questions` go is said as its likely stand-in (a warning), and --fix inserts no empty twin', async () => {
    const template = '# [Title]\n\n# Summary\n\nWhat it does.\n\n# Alternatives\n\nWhat else was weighed?\n\n# Unresolved questions\n\nWhat is still open?\n';
    const source =
      '# Memo cache\n\n# Summary\n\nA cache in memory.\n\n# Alternatives\n\nA disk cache was too slow.\n\n# Resolved questions\n\nShould it survive restarts? No.\n';
    const found = await lintOne('required-section', source, { template });
    expect(found.diagnostics.map((d) => [d.severity, d.message.split('. ')[1]])).toEqual([
      [
        'warning',
        'This pattern has `# Resolved questions` there, in its stead: if that is the section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
      ],
    ]);
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source);
    // (So among other sections of the author's there.)
    const among = source.replace('# Resolved questions', '# Notes on the build\n\nBuilt twice.\n\n# Resolved questions');
    expect((await lintOne('required-section', among, { template })).diagnostics.map((d) => d.severity)).toEqual(['warning']);
    // (Goals are no Non-Goals: words of opposite sense, not a state moved on, are another section.)
    const goals = '# [Title]\n\n# Goals\n\nWhat it must do.\n\n# Non-Goals\n\nWhat it will not do.\n';
    expect((await lintOne('required-section', '# Memo cache\n\n# Goals\n\nBe fast.\n', { template: goals })).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section --fix: an HTML anchor line over the next heading', () => {
  it('stays with its heading (`<a name="risks"/>` over `# Risks`): the missing section goes above the anchor, so `#risks` still leads to the Risks', async () => {
    const template = '# [Title]\n\n# Summary\n\nTwo sentences.\n\n# Glossary\n\nName the new words.\n\n# Risks\n\nWhat could go wrong.\n';
    const source =
      '# Colour output\n\n* [Risks](#risks)\n\n<a name="summary"/>\n\n# Summary\n\nErrors in red.\n\n<a name="risks"/>\n\n# Risks\n\nEscape codes on old terminals.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(found.file, 'utf8')).toBe(
      '# Colour output\n\n* [Risks](#risks)\n\n<a name="summary"/>\n\n# Summary\n\nErrors in red.\n\n# Glossary\n\n<!-- Name the new words. -->\n\n<a name="risks"/>\n\n# Risks\n\nEscape codes on old terminals.\n',
    );
  });
});

describe('required-section --fix: a missing section after one the author writes in other words', () => {
  it('goes after the heading said to stand in for the section before it, not between that heading and its place', async () => {
    const template =
      '# [Title]\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy is it needed?\n\n# Detailed design\n\nHow does it work?\n\n# Drawbacks\n\nWhy not?\n';
    const source =
      '# Nullable interop\n\n# Summary\n\nOptional arguments accept null.\n\n# Problem in depth\n\nCallers pass null today and crash.\n\n# Drawbacks\n\nSome confusion.\n';
    const before = await lintOne('required-section', source, { template });
    expect(before.diagnostics.map((d) => [d.severity, d.message.slice(0, 40)])).toEqual([
      ['warning', 'Missing section `# Motivation`, expected'],
      ['error', 'Missing section `# Detailed design`, exp'],
    ]);
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect((await readFile(fixed.file, 'utf8')).match(/^#+ .*$/gm)).toEqual([
      '# Nullable interop',
      '# Summary',
      '# Problem in depth',
      '# Detailed design',
      '# Drawbacks',
    ]);
    // (The stand-in still stands where the Motivation goes: a warning, as before.)
    expect(fixed.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('required-section: the first sub-section written a level up right before its parent', () => {
  it('`## Use cases` over `## Proposal`, for its `### User Stories`: the section in other words (a warning naming it), nothing inserted', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nWhat is proposed.\n\n### User Stories\n\nWho can do what once it exists.\n\n### Risks\n\nWhat could break.\n';
    const source =
      '# Add-on config\n\n## Summary\n\nAdd-ons read one config.\n\n## Use cases\n\nAn operator sets one value for every add-on.\n\n## Proposal\n\nA shared config object.\n\n### Risks\n\nA bad value reaches all add-ons.\n';
    const found = await lintOne('required-section', source, { template });
    expect(found.diagnostics.map((d) => [d.severity, d.line])).toEqual([['warning', 7]]);
    expect(found.diagnostics[0]!.message).toContain('where this pattern has `## Use cases`');
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source);
  });
});

describe('required-section --fix: a missing first section where the author’s heading stands for the next one', () => {
  it('goes above that heading (`## Summary` over the `## Background` standing for the Motivation), not after it', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n### Goals\n\nWhat for.\n\n## Proposal\n\nWhat.\n\n## Design\n\nHow.\n\n### Test Plan\n\nHow it is tested.\n';
    const source =
      '# Defer policy changes\n\n## Background\n\nPolicies change mid-rollout.\n\n### Goals\n\nNo surprise.\n\n## Proposal\n\nQueue the changes.\n\n## Design\n\nA queue.\n\n### Test Plan\n\nA soak test.\n';
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect((await readFile(fixed.file, 'utf8')).match(/^#+ .*$/gm)).toEqual([
      '# Defer policy changes',
      '## Summary',
      '## Background',
      '### Goals',
      '## Proposal',
      '## Design',
      '### Test Plan',
    ]);
  });
});

describe('required-section: a file under half of the template, written before the template asked for most of what it lacks', () => {
  const names = ['Summary', 'Motivation', 'Design', 'Drawbacks', 'Guide', 'Reference', 'Prior art', 'Future work', 'Appendix'];
  const tpl = (n: number) =>
    `# [Title]\n\n${names
      .slice(0, n)
      .map((s) => `## ${s}\n\nAbout the ${s.toLowerCase()}.\n`)
      .join('\n')}`;
  const doc = (title: string, have: string[]) => `# ${title}\n\n${have.map((s) => `## ${s}\n\nOur ${s.toLowerCase()} for ${title}.\n`).join('\n')}`;
  /** A catalog whose template had four sections when `old` was committed, and nine since. */
  const found = async (old: string[]) => {
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'templates/rfc.md', patterns: ['text/*.md'] }),
      'templates/rfc.md': tpl(4),
      'text/0001-old.md': doc('Old idea', old),
    });
    gitAt(root, undefined, 'init', '-q');
    gitAt(root, '2015-01-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2015-01-01T00:00:00Z', 'commit', '-qm', 'first');
    await writeFile(path.join(root, 'templates/rfc.md'), tpl(9));
    gitAt(root, '2018-01-01T00:00:00Z', 'commit', '-qam', 'more sections');
    for (const n of [2, 3, 4]) await writeFile(path.join(root, `text/000${n}-new.md`), doc(`New idea ${n}`, names));
    gitAt(root, '2019-01-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2019-01-01T00:00:00Z', 'commit', '-qm', 'newer');
    const report = await lint({ root, only: ['required-section'], fix: false });
    return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`));
  };

  it('with most of the sections the template had then, it is a pattern of that template: what it lacks of those is an error, what came later a warning each', async () => {
    expect(await found(['Summary', 'Motivation', 'Design'])).toEqual([
      'text/0001-old.md error Missing section `## Drawbacks`, expected after `## Design`.',
      // (Each where it goes: after the last section the pattern has before it.)
      ...['Guide', 'Reference', 'Prior art', 'Future work', 'Appendix'].map(
        (s) =>
          `text/0001-old.md warning Missing section \`## ${s}\`, expected after \`## Design\`. The template asked for it only after this pattern was written (its git history, or the date it gives itself). A warning.`,
      ),
    ]);
  });

  it('under half of that template too: one warning that says it follows the template of its time, and what it lacks that the template had then', async () => {
    expect(await found(['Summary'])).toEqual([
      'text/0001-old.md warning This file has 1 of the 9 sections the template asks for; 5 of the 8 it lacks (`## Guide`, `## Reference`, `## Prior art`, `## Future work` and 1 more) the template asked for only after it was written (its git history, or the date it gives itself): it follows the template of its time. It lacks `## Motivation`, `## Design`, `## Drawbacks` too, which the template had then: write them. No fix is offered.',
    ]);
  });
});

describe('required-section: a template that came after most of the catalog’s records', () => {
  it('records written before it are not counted as a sign of the wrong template: each one warning that it follows the template of its time; a new one under half is the usual warning', async () => {
    const sections = ['Abstract', 'Specification', 'Rationale', 'Security'];
    const root = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ template: 'templates/std.md', patterns: ['std/*.md'] }) });
    await mkdir(path.join(root, 'std'), { recursive: true });
    gitAt(root, undefined, 'init', '-q');
    for (const n of [1, 2, 3, 4, 5])
      await writeFile(path.join(root, `std/000${n}.md`), `# Standard ${n}\n\n## Background\n\nWhy standard ${n}.\n\n## Proposal\n\nWhat it sets.\n`);
    gitAt(root, '2019-05-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2019-05-01T00:00:00Z', 'commit', '-qm', 'old standards');
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/std.md'), `# [Title]\n\n${sections.map((s) => `## ${s}\n\nThe ${s.toLowerCase()}.\n`).join('\n')}`);
    gitAt(root, '2025-12-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2025-12-01T00:00:00Z', 'commit', '-qm', 'template');
    await writeFile(path.join(root, 'std/0006.md'), `# Standard 6\n\n${sections.map((s) => `## ${s}\n\nOurs.\n`).join('\n')}`);
    await writeFile(path.join(root, 'std/0007.md'), `# Standard 7\n\n## Abstract\n\nShort.\n\n## Notes\n\nMore.\n`);
    gitAt(root, '2026-02-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2026-02-01T00:00:00Z', 'commit', '-qm', 'new standards');
    const report = await lint({ root, only: ['required-section'] });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`));
    expect(found.filter((f) => f.includes(' error '))).toEqual([]);
    // (One warning for each, not one per section the template came with.)
    expect(found.filter((f) => f.startsWith('std/0001.md'))).toEqual([
      'std/0001.md warning This file has 0 of the 4 sections the template asks for; the 4 it lacks (`## Abstract`, `## Specification`, `## Rationale`, `## Security`) the template asked for only after it was written (its git history, or the date it gives itself): it follows the template of its time. No fix is offered.',
    ]);
    expect(found.filter((f) => f.startsWith('std/0007.md'))).toEqual([
      'std/0007.md warning This file has 1 of the 4 sections the template asks for (it lacks `## Specification`, `## Rationale`, `## Security`): if it is a pattern, write them; if it is not, leave it out with `exclude` in the configuration. No fix is offered: it may not follow this template.',
    ]);
  });
});

describe('required-section: sub-sections answered as rows of a table in their parent', () => {
  const template =
    '# Title\n\n## Design\n\nHow.\n\n## Capabilities\n\nHow it bears on each.\n\n### Accessibility\n\nScreen readers?\n\n### Security\n\nThreats?\n\n### Performance, Power, and Efficiency\n\nCosts?\n\n## Issues\n\nRisks.\n';
  it('a table (Markdown or HTML) whose rows are named for them answers them: no finding, nothing inserted; a part no row names is still missing', async () => {
    const html =
      '# Tab colors\n\n## Design\n\nA color per tab.\n\n## Capabilities\n\n<table>\n<tr>\n<td><strong>Accessibility</strong></td>\n<td>\nN/A\n</td>\n</tr>\n<tr>\n<td><strong>Security</strong></td>\n<td>None.</td>\n</tr>\n<tr><td><strong>Performance, Power, and Efficiency</strong></td><td>No change</td></tr>\n</table>\n\n## Issues\n\nNone.\n';
    const found = await lintOne('required-section', html, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(html);
    const markdown =
      '# Tab colors\n\n## Design\n\nA color per tab.\n\n## Capabilities\n\n| Area | Effect |\n|---|---|\n| **Accessibility:** | N/A |\n| Security | None |\n\n## Issues\n\nNone.\n';
    expect((await lintOne('required-section', markdown, { template })).shown).toEqual([
      '12:1 Missing section `### Performance, Power, and Efficiency`, expected in `## Capabilities`.',
    ]);
  });
});

describe('required-section: the text under the title, where the first section goes after an optional summary or over sub-sections', () => {
  it('is no section’s text to put a heading above: the section is missing as usual (its sub-section written a level up, said), and --fix inserts nothing', async () => {
    const template =
      '# [Title]\n\n## Summary (optional)\n\nIn brief.\n\n## Ownership\n\n### Reviewers\n\nWho reviews.\n\n## Design\n\nHow.\n\n## Risks\n\nWhat may fail.\n\n## Rollout\n\nWhen.\n';
    const source =
      '# Shared kilns\n\nTwo studios share one kiln on alternate days.\n\n## Reviewers\n\nAda.\n\n## Design\n\nA booking sheet.\n\n## Risks\n\nDouble bookings.\n\n## Rollout\n\nIn May.\n';
    expect((await lintOne('required-section', source, { template })).shown).toEqual([
      '9:1 Missing section `## Ownership`, expected before `## Design`. This pattern writes its sub-section at its level (`## Reviewers`): add the heading above it and move it a level down.',
    ]);
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source);
    // (With no optional summary before it, a heading over sub-sections alone is no home for that text either.)
    const bare = await lintOne('required-section', source, { template: template.replace(/## Summary \(optional\)\n\nIn brief\.\n\n/, '') });
    expect(bare.shown).toEqual([
      '9:1 Missing section `## Ownership`, expected before `## Design`. This pattern writes its sub-section at its level (`## Reviewers`): add the heading above it and move it a level down.',
    ]);
  });
});

describe('required-section: sub-sections answered as items labelled in bold in their parent', () => {
  const template =
    '# Title\n\n## Design\n\nHow.\n\n## Practicalities\n\n### Diagnostics\n\nNew messages?\n\n### Performance\n\nCosts?\n\n## Open questions\n\nWhat is left.\n';
  it('`- **Diagnostics.** …` answers `### Diagnostics`: no finding, nothing inserted; a part no label names is still missing; bold words opening a sentence name none', async () => {
    const source =
      '# Lazy lists\n\n## Design\n\nLists are built on demand.\n\n## Practicalities\n\n- **Diagnostics.** One new warning for a list forced twice.\n- **Performance:** negligible.\n\n## Open questions\n\nNone.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
    // (A label with nothing after it answers nothing.)
    const bare = source.replace('- **Performance:** negligible.\n', '- **Performance:**\n');
    expect((await lintOne('required-section', bare, { template })).shown).toEqual(['10:1 Missing section `### Performance`, expected in `## Practicalities`.']);
    const one = source.replace('- **Performance:** negligible.\n', '**Never** force a list twice.\n');
    expect((await lintOne('required-section', one, { template })).shown).toEqual(['10:1 Missing section `### Performance`, expected in `## Practicalities`.']);
  });
});

describe('required-section: a pattern written in parts', () => {
  it('a page that links two documents or more of the folder named for it: a missing section is a warning that names them; a page with no parts is told as before', async () => {
    const template = '# Title\n\n## Background\n\nWhat came before.\n\n## Proposal\n\nWhat to do.\n\n## Alternatives\n\nOther ways.\n';
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'TEMPLATE.md', patterns: ['*.md'], exclude: ['TEMPLATE.md'] }),
      'TEMPLATE.md': template,
      'oci-registries.md':
        '# Modules from OCI registries\n\n## Background\n\nRegistries today serve providers and modules over a protocol of their own, which every mirror and every private host has to build again, with its own ways to sign, to list versions and to fetch packages.\n\n## Why OCI\n\nIt is everywhere.\n\n## Parts of this document\n\n1. [A primer](oci-registries/1-primer.md)\n2. [Providers](oci-registries/2-providers.md)\n\n## Alternatives\n\nA proxy that speaks the old protocol in front of an OCI registry would keep every client as it is, but every operator would then run and secure one more service, and signing would still be ours to design.\n',
      'oci-registries/1-primer.md': '# A primer\n\nLayers and manifests.\n',
      'oci-registries/2-providers.md': '# Providers\n\nHow providers are stored.\n',
      'plain.md': '# Plain\n\n## Background\n\nBefore.\n\n## Alternatives\n\nNone.\n',
    });
    const report = await lint({ root, only: ['required-section'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toEqual([
      'oci-registries.md warning Missing section `## Proposal`, expected after `## Background`. This pattern has its own sections there (`## Why OCI`, `## Parts of this document`): if one of them is that section in other words, rename it; if not, write it. This pattern is written in parts, 2 documents it links in `oci-registries/`: if the section is in one of them, give it this heading there or here; if not, write it.',
      'plain.md error Missing section `## Proposal`, expected after `## Background`.',
    ]);
  });

  it('a folder’s README, the one pattern of its folder, that links documents beside it (`ics-9/overview.md`): those are its parts; beside a README that shares its folder they are not', async () => {
    const template = '# Title\n\n## Background\n\nWhat came before.\n\n## Proposal\n\nWhat to do.\n\n## Alternatives\n\nOther ways.\n';
    const spec = (parts: string) =>
      `# Quiet replicas\n\n## Background\n\nReplicas vote today, which slows every commit down when one of them lags behind the others.\n\n## Contents\n\n${parts}\n\n## Alternatives\n\nNone we liked.\n`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'TEMPLATE.md', patterns: ['specs/**/README.md'] }),
      'TEMPLATE.md': template,
      'specs/ics-9/README.md': spec('- [Overview](overview.md)\n- [Design](design.md)'),
      'specs/ics-9/overview.md': '# Overview\n\nWhy.\n',
      'specs/ics-9/design.md': '# Proposal\n\nA flag.\n',
      'specs/README.md': spec('- [Notes](notes.md)\n- [Log](log.md)'),
      'specs/notes.md': '# Notes\n\nLoose.\n',
      'specs/log.md': '# Log\n\nDates.\n',
    });
    const report = await lint({ root, only: ['required-section'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message.split(':')[0]}`))).toEqual([
      'specs/README.md error Missing section `## Proposal`, expected after `## Background`.',
      'specs/ics-9/README.md warning Missing section `## Proposal`, expected after `## Background`. This pattern is written in parts, 2 documents it links beside it',
    ]);
    expect(report.results.find((r) => r.path === 'specs/ics-9/README.md')!.diagnostics[0]!.message).toContain(
      'This pattern is written in parts, 2 documents it links beside it: if the section is in one of them',
    );
  });
});

describe('required-section: the section before the missing one written at another level', () => {
  it('`### Security` inside the Specification, where the Incentives go after it: no fix (it would land at the end), the message says where', async () => {
    const template = '# Title\n\n## Summary\n\nWhat.\n\n## Specification\n\nHow.\n\n## Security\n\nRisks.\n\n## Incentives\n\nWho gains.\n';
    const source = '# Kiln lids\n\n## Summary\n\nA lid.\n\n## Specification\n\nA hinge.\n\n### Security\n\nNo risk.\n\n---\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([
      '15:1 Missing section `## Incentives`, expected after `## Specification`. The section before it, `### Security` on line 11, is written at another level: insert it by hand beside that one, so no fix is offered.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('required-section: an unnumbered section missing between numbered ones', () => {
  it('`## 2 How` then `## 3 Plan`, where the Alternatives go between: no fix, the message says to number it', async () => {
    const template = '# Title\n\n## Why\n\nWhy.\n\n## How\n\nHow.\n\n## Alternatives\n\nOthers.\n\n## Plan\n\nSteps.\n';
    const source = '# Kiln lids\n\n## 1 Why\n\nHeat.\n\n## 2 How\n\nA hinge.\n\n## 3 Plan\n\nBuild it.\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    expect(found.shown).toEqual([
      '9:1 Missing section `## Alternatives`, expected after `## 2 How`. The sections around it here are numbered: insert it by hand with its number, and number the ones after it on, so no fix is offered.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('required-section: --fix in a document that closes with link definitions', () => {
  it('sub-sections of the last section and the sections after it go above the definitions, in the template’s order', async () => {
    const template =
      '# Title\n\n## Summary\n\nShort.\n\n## Proposal\n\nWhat.\n\n### Risks\n\nWhat may fail.\n\n### Drawbacks\n\nWhy not.\n\n## Alternatives\n\nOthers.\n';
    const source =
      '# Kiln logs\n\n## Summary\n\nA log per firing, see [the sheet][sheet].\n\n## Proposal\n\nA shared [sheet][sheet] per kiln.\n\n[sheet]: https://example.org/sheet\n';
    const found = await lintOne('required-section', source, { template, fix: true });
    const fixed = await readFile(found.file, 'utf8');
    expect(fixed.match(/^(?:#+ .*|\[sheet\]:.*)$/gm)).toEqual([
      '# Kiln logs',
      '## Summary',
      '## Proposal',
      '### Risks',
      '### Drawbacks',
      '## Alternatives',
      '[sheet]: https://example.org/sheet',
    ]);
  });
});

describe('required-section: a section written under the template’s former outline', () => {
  it('missing where the pattern has the heading the template renamed to it, one for one (`## Internal design` → `## Implementation`): a warning that names it, no fix; where the version that renamed also added sections, which is which is not known: errors', async () => {
    const outline = (...names: string[]) => `# [Title]\n\n${names.map((n) => `## ${n}\n\nSay it.\n`).join('\n')}`;
    const root = await tempCatalog({
      'templates/rfc.md': outline('Summary', 'Motivation', 'Internal design', 'Alternatives', 'Drawbacks'),
      'patternbook.config.json': JSON.stringify({ template: 'templates/rfc.md', patterns: ['rfcs/*.md'] }),
    });
    commitAllAt(root, '2021-01-01T10:00:00Z', 'first template');
    await writeFile(path.join(root, 'templates/rfc.md'), outline('Summary', 'Motivation', 'Implementation', 'Alternatives', 'Drawbacks'));
    commitAllAt(root, '2021-06-01T10:00:00Z', 'the template: implementation');
    await writeFile(path.join(root, 'templates/rfc.md'), outline('Summary', 'Motivation', 'Implementation', 'Alternatives', 'Costs', 'Future work'));
    commitAllAt(root, '2022-01-01T10:00:00Z', 'the template: costs, future work');
    await mkdir(path.join(root, 'rfcs'), { recursive: true });
    const doc = (title: string, ...names: string[]) => `# ${title}\n\n${names.map((n) => `## ${n}\n\nOurs.\n`).join('\n')}`;
    // (Written after both, from the oldest outline; and from today's, without the implementation.)
    // (Its old heading out of the place the new one goes, so no guess of the author's heading in its stead.)
    await writeFile(path.join(root, 'rfcs/kiln-vent.md'), doc('Kiln vent', 'Summary', 'Motivation', 'Alternatives', 'Drawbacks', 'Internal design'));
    await writeFile(path.join(root, 'rfcs/kiln-lid.md'), doc('Kiln lid', 'Summary', 'Motivation', 'Alternatives', 'Costs', 'Future work'));
    commitAllAt(root, '2022-09-01T10:00:00Z', 'two rfcs');
    const report = await lint({ root, only: ['required-section'], fix: false });
    const found = report.results.flatMap((r) =>
      r.diagnostics.map((d) => [r.path, d.expected, d.severity, d.message.includes('which the template dropped on'), d.fix === undefined]),
    );
    expect(found.filter((f) => f[1] === '## Implementation')).toEqual([
      ['rfcs/kiln-lid.md', '## Implementation', 'error', false, false],
      ['rfcs/kiln-vent.md', '## Implementation', 'warning', true, true],
    ]);
    // (Costs and Future work came in one version, with the Drawbacks dropped: no rename one for one, none said so.)
    expect(found.filter((f) => f[0] === 'rfcs/kiln-vent.md' && f[1] !== '## Implementation').map((f) => f[3])).not.toContain(true);
  });
});

describe('required-section: a section under another name that holds the template’s block of fields', () => {
  it('`## Record metadata` holding the `title:`, `owner:`, `date:`, `license:` block of the template’s `### Provenance`: a warning that names it, nothing inserted; a block of other keys leaves the error', async () => {
    const template =
      '# [Name]\n\n## Role\n\nWho.\n\n### More\n\nLinks.\n\n### Provenance\n\n```yaml\ntitle: "Role NN"\nowner: Someone\ndate: "mm, dd, yyyy"\nlicense: CC BY 4.0\n```\n';
    const block = (keys: string[]) => `\`\`\`yaml\n${keys.map((k) => `${k}: x`).join('\n')}\n\`\`\`\n`;
    const text = (keys: string[]) => `# Kiln keeper\n\n## Role\n\nKeeps kilns.\n\n### More\n\nNone.\n\n## Record metadata\n\n${block(keys)}`;
    const same = await lintOne('required-section', text(['title', 'owner', 'date', 'license', 'extra']), { template });
    expect(same.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(same.diagnostics[0]!.message).toContain('`## Record metadata` on line 11, which holds the block of fields the template gives it');
    const fixed = await lintOne('required-section', text(['title', 'owner', 'date', 'license', 'extra']), { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(text(['title', 'owner', 'date', 'license', 'extra']));
    const other = await lintOne('required-section', text(['name', 'owner', 'size']), { template });
    expect(other.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section: a label and the author’s title for it where a section goes', () => {
  it('`## Proposal: Dim the lamps on a timer` where the Decision goes: a warning that names the author’s sections there; a long heading of other words, an error', async () => {
    const template = '# ADR [N]: [Title]\n\n## Context\n\n[Context]\n\n## Decision\n\n[Decision]\n\n## Consequences\n\n[Consequences]\n';
    const text = (heading: string) =>
      `# ADR 2: Lamps\n\n## Context\n\nDark streets.\n\n## Considerations\n\nCost, light.\n\n## ${heading}\n\nA timer dims them after midnight.\n\n## Wiring Path\n\nCopper.\n\n## Consequences\n\nLess power.\n`;
    const labelled = await lintOne('required-section', text('Proposal: Dim the lamps on a timer after midnight'), { template });
    expect(labelled.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const other = await lintOne('required-section', text('Lamp timers and what the neighbours said'), { template });
    expect(other.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section: --fix inserts a missing section at the level the file ends at', () => {
  it('above its block of fields, with every heading moved a level by heading-level in the same run: `# Meta` among the sections made H1s, not `## Meta` at the old level', async () => {
    const template = '# Meta\n- Plot: (fill in the plot number)\n- Status: (Draft or Final)\n\n# Gist\n\nWhat for.\n\n# Beds\n\nHow laid out.\n';
    const plot = (name: string, n: number) =>
      `# ${name}\n\n- Plot: 000${n}\n- Status: Final\n\n## Gist\n\n${name} by the kitchen door.\n\n## Beds\n\nA ${name} of stones.\n`;
    // (Four plots of one layout: the catalog's, learned from them all.)
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'template.md', patterns: ['plots/*.md'], title: { from: 'heading', recommended: true } }),
      'template.md': template,
      'plots/herb-spiral.md': plot('Herb spiral', 1),
      'plots/rose-arch.md': plot('Rose arch', 2),
      'plots/mint-bed.md': plot('Mint bed', 3),
      'plots/sage-row.md': plot('Sage row', 4),
    });
    await lint({ root: dir, fix: true, only: ['heading-level', 'required-section'] });
    const text = await readFile(path.join(dir, 'plots/herb-spiral.md'), 'utf8');
    expect([...text.matchAll(/^#+ .*$/gm)].map((m) => m[0])).toEqual(['# Herb spiral', '# Meta', '# Gist', '# Beds']);
    expect(text).toContain('# Meta\n\n- Plot: 0001\n- Status: Final\n\n# Gist');
    const again = await lint({ root: dir, only: ['heading-level'] });
    expect(again.results.flatMap((r) => r.diagnostics)).toEqual([]);
  });
});

describe('required-section: --fix inserts a section before the author’s next heading, not past it to the closing link definitions', () => {
  it('`### Alternatives` after `### Security`, with `### Copyright` and then link definitions closing the file: inserted above the Copyright', async () => {
    const template =
      '# Title\n\n## Design\n\nHow.\n\n### Security\n\nRisks.\n\n### Alternatives\n\nOther designs.\n\n## Fixtures (optional)\n\nTest data.\n\n### Copyright\n\nThe licence.\n';
    const text = '# Quiet hours\n\n## Design\n\nA schedule.\n\n### Security\n\nNone.\n\n### Copyright\n\nCC0, see [the deed].\n\n[the deed]: https://example.org/cc0\n';
    const { file } = await lintOne('required-section', text, { template, fix: true });
    expect(await readFile(file, 'utf8')).toBe(text.replace('### Copyright', '### Alternatives\n\n<!-- Other designs. -->\n\n### Copyright'));
  });
});

describe('required-section: the first sub-section of a section the author writes a sub-section per part of', () => {
  const template =
    '# [Title]\n\n## Summary\n\nIn brief.\n\n## Design\n\n### Implementation Overview\n\nHow it is built, part by part.\n\n### Test plan\n\nHow it is tested.\n';
  const body = (text: string) => `${text} `.repeat(12).trim();
  it('is there in parts when the author’s sections fill most of that section: a warning that names them, nothing inserted; a few lines among the section’s own text, still an error', async () => {
    const parts = `# Block sizes\n\n## Summary\n\nLarger backup blocks.\n\n## Design\n\n### Setting\n\n${body('A global default block size.')}\n\n### Storage driver\n\n${body('The driver passes the size on.')}\n\n### Web console\n\n${body('The console shows the size.')}\n\n### Test plan\n\nUpgrade tests.\n`;
    const found = await lintOne('required-section', parts, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Missing section `### Implementation Overview`, expected before `### Test plan`. This pattern has its own sections there (`### Setting`, `### Storage driver`, `### Web console`): if they are that section, put them under its heading; if not, write it.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(parts);
    const aside = `# Block sizes\n\n## Summary\n\nLarger backup blocks.\n\n## Design\n\n${body('The design in one long paragraph of its own, with every part in it.')}\n\n### Notes\n\nOne.\n\n### Links\n\nTwo.\n\n### Test plan\n\nUpgrade tests.\n`;
    expect((await lintOne('required-section', aside, { template })).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('required-section: the first documents by number lack a section the template gained later, some of them written after it did', () => {
  it('git tells which were written before: git’s reason; one the numbering counts among them though git has it later is said with the numbering’s reason, never git’s', async () => {
    const root = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ template: 'templates/rfc.md', patterns: ['text/*.md'] }) });
    await mkdir(path.join(root, 'text'), { recursive: true });
    await mkdir(path.join(root, 'templates'), { recursive: true });
    const doc = (n: number, tested: boolean) =>
      `# Change ${n}\n\n## Summary\n\nChange ${n} in brief.\n\n## Design\n\nHow change ${n} works.\n${tested ? `\n## How We Test This\n\nTests for change ${n}.\n` : ''}`;
    const at = async (date: string, files: Record<string, string>) => {
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text);
      gitAt(root, date, 'add', '-A');
      gitAt(root, date, 'commit', '-qm', date);
    };
    gitAt(root, undefined, 'init', '-q');
    const old: Record<string, string> = { 'templates/rfc.md': '# [Title]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n' };
    for (const n of [1, 2, 3, 4, 5]) old[`text/000${n}-change.md`] = doc(n, false);
    await at('2016-01-10T00:00:00Z', old);
    await at('2016-10-01T00:00:00Z', { 'templates/rfc.md': '# [Title]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n\n## How We Test This\n\nThe tests.\n' });
    await at('2016-12-01T00:00:00Z', { 'text/0006-change.md': doc(6, false), 'text/0007-change.md': doc(7, false) });
    const later: Record<string, string> = {};
    for (const n of [8, 9]) later[`text/000${n}-change.md`] = doc(n, true);
    for (const n of [10, 11, 12, 13]) later[`text/00${n}-change.md`] = doc(n, true);
    await at('2017-06-01T00:00:00Z', later);
    const report = await lint({ root, only: ['required-section'] });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`));
    // (Those git has written before: git's reason. 0006, of the first run by number though git has it
    // later — a proposal is written before it is merged —: the numbering's reason, said as a guess,
    // never git's. 0007 after the run: an error.)
    expect(found.slice(0, 5)).toEqual(
      [1, 2, 3, 4, 5].map(
        (n) =>
          `text/000${n}-change.md warning Missing section \`## How We Test This\`, expected after \`## Design\`. The template gained it on 2016-10-01, after this pattern was committed (its git history). A warning.`,
      ),
    );
    expect(found.slice(5).map((f) => f.replace(/likely: .*/, 'likely: …'))).toEqual([
      'text/0006-change.md warning Missing section `## How We Test This`, expected after `## Design`. The template gained it after these patterns were written, likely: …',
      'text/0007-change.md error Missing section `## How We Test This`, expected after `## Design`.',
    ]);
  });
});

describe('required-section: one heading of the author’s where a required section and a recommended one go', () => {
  it('`## User stories` where the Motivation and a recommended User Benefit go: its likely stand-in, a warning, nothing inserted; with the User Benefit required too, an error', async () => {
    const template = '# [Title]\n\n## Summary\n\nIn brief.\n\n## Motivation\n\nWhy.\n\n## User Benefit\n\nFor whom.\n\n## Design Proposal\n\nHow.\n';
    const text =
      '# Result tables\n\n## Summary\n\nOne table per run.\n\n## User stories\n\nAn analyst filters runs by device.\n\n## Design Proposal\n\nA dataframe with fixed columns.\n';
    const found = await lintOne('required-section', text, { template, config: { sections: { 'User Benefit': { recommended: true } } }, fix: true });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 120)}`)).toEqual([
      'warning Missing section `## Motivation`, expected after `## Summary`. This pattern has `## User stories` there, in its stead: if',
      'warning Missing section `## User Benefit`, expected after `## Summary`.',
    ]);
    expect(await readFile(found.file, 'utf8')).toBe(text);
    const both = await lintOne('required-section', text, { template });
    expect(both.diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
  });
});
