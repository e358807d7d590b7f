import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/lint/rules/heading-level.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import { lintOne } from './_lint-one.js';

const template = `# [Pattern Title]

## Overview

Describe the problem this pattern solves.

## Architecture

### Components

List the components.

### Data Flow

Explain how data moves.

## Implementation

### Step 1: [First Step Title]

Detailed instructions for the first step.
`;

const message = (written: string, level: number, expected: string) => `\`${written}\` should be level ${level}: \`${expected}\`.`;
/** The same, for a section a level down in one the template puts before it (`### Impact` in `## Summary`): the author's outline, a warning. */
const nestedIn = (written: string, level: number, expected: string, parent: string) =>
  `${message(written, level, expected)} It stands in \`${parent}\`, a section the template puts before it: the author's outline makes it a part of that one — a warning.`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: 'every heading at its level',
        text: `# Write-Ahead Log

## Overview

Record the change before applying it.

## Architecture

### Components

An append-only file and a replayer.

### Data Flow

Append, sync, then apply.

## Implementation

### Step 1: Open the log

In append mode.
`,
      },
      {
        name: 'an underlined heading of the right level, and closing hashes',
        text: `# Write-Ahead Log

Overview
--------

Record the change before applying it.

## Architecture ##

### Components ###

An append-only file.
`,
      },
    ],
    invalid: [
      {
        name: 'an optional section at another level: a warning, as its absence would be',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Architecture\n\nDraw it.\n\n## Alternatives (optional)\n\nWhat else.\n',
        text: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nA file.\n\n### Alternatives\n\nA journal.\n',
        errors: [{ message: message('### Alternatives', 2, '## Alternatives'), line: 11, column: 1, severity: 'warning' }],
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nA file.\n\n## Alternatives\n\nA journal.\n',
      },
      {
        name: 'a section moved down takes its sub-sections only as far as they must go to stay under it',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Examples\n\nList them.\n',
        text: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n# Examples\n\nA database.\n\n### Known Uses\n\nTwo engines.\n\n#### Sources\n\nA paper.\n',
        errors: [{ message: message('# Examples', 2, '## Examples'), line: 7, column: 1 }],
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Examples\n\nA database.\n\n### Known Uses\n\nTwo engines.\n\n#### Sources\n\nA paper.\n',
      },
      {
        name: 'every section a level up (an older layout): one finding, and one fix that moves every heading together',
        text: '# Write-Ahead Log\n\n# Overview\n\nRecord first.\n\n# Architecture\n\n## Components\n\nA file.\n\n## Replayer\n\nApplies it.\n',
        errors: [
          {
            message:
              "`# Overview` should be level 2: `## Overview`, and so should 2 more sections written one level up: every heading of this pattern is above the template's level.",
            line: 3,
            column: 1,
          },
        ],
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\n### Components\n\nA file.\n\n### Replayer\n\nApplies it.\n',
      },
      {
        name: 'every section a level up, an author’s heading two levels under its section already (`### Goals` under `# Overview`): that one stays where it is, under its section still, no level skipped again',
        text: '# Write-Ahead Log\n\n# Overview\n\nRecord first.\n\n### Goals\n\nNo lost writes.\n\n# Architecture\n\n## Components\n\nA file.\n\n### Notes\n\nOne writer.\n',
        errors: [
          {
            message:
              "`# Overview` should be level 2: `## Overview`, and so should 2 more sections written one level up: every heading of this pattern is above the template's level.",
            line: 3,
            column: 1,
          },
        ],
        output:
          '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n### Goals\n\nNo lost writes.\n\n## Architecture\n\n### Components\n\nA file.\n\n#### Notes\n\nOne writer.\n',
      },
      {
        name: 'most sections a level up, the last back at its level: the same one finding, a warning, with no fix (it would move that one too)',
        text: '# Write-Ahead Log\n\n# Overview\n\nRecord first.\n\n# Architecture\n\n## Components\n\nA file.\n\n# Replay\n\nOn start.\n\n## Implementation\n\n### Step 1: Open the file\n\nRead it.\n',
        errors: [
          {
            message:
              "`# Overview` should be level 2: `## Overview`, and so should 2 more sections written one level up: most headings of this pattern are above the template's level, the others at it (so no fix moves them all).",
            line: 3,
            column: 1,
            severity: 'warning',
          },
        ],
        output: null,
      },
      {
        name: 'every section a level up but one sub-section two levels up, right after its parent: the layout is one finding, that heading one more (written flat), fixed after the layout',
        text: '# Write-Ahead Log\n\n# Overview\n\nRecord first.\n\n# Architecture\n\nA file.\n\n# Components\n\nA replayer.\n',
        errors: [
          {
            message:
              "`# Overview` should be level 2: `## Overview`, and so should 1 more section written one level up: every heading of this pattern is above the template's level.",
            line: 3,
            column: 1,
            severity: 'warning',
          },
          {
            message:
              "`# Components` should be level 3: `### Components`. It follows `# Architecture`, its parent in the template, at that parent's level: the template's outline written flat, in its order — a warning.",
            line: 11,
            column: 1,
            severity: 'warning',
          },
        ],
        // One pass moves the layout; the next (as `lint --fix` runs them) moves `## Components` under the Architecture.
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nA file.\n\n## Components\n\nA replayer.\n',
      },
      {
        name: "sections a level up after an H1 of the author's: no fix moves them under it (they would become its sub-sections)",
        text: '# Write-Ahead Log\n\n# Background\n\nWhy logs.\n\n# Overview\n\nRecord first.\n\n## Architecture\n\nA file.\n',
        errors: [{ message: message('# Overview', 2, '## Overview'), line: 7, column: 1 }],
      },
      {
        name: 'one section a level up over its own sub-sections and a sibling at its level: the fix takes its own along and leaves the sibling (never an empty section)',
        text: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n# Architecture\n\n## Segments\n\nFiles of 64 MB.\n\n### Rotation\n\nHourly.\n\n## Checkpoints\n\nEvery minute.\n\n## Implementation\n\n### Step 1: Append\n\nWrite.\n',
        errors: [{ message: message('# Architecture', 2, '## Architecture'), line: 7, column: 1 }],
        output:
          '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\n### Segments\n\nFiles of 64 MB.\n\n#### Rotation\n\nHourly.\n\n### Checkpoints\n\nEvery minute.\n\n## Implementation\n\n### Step 1: Append\n\nWrite.\n',
      },
      {
        name: "every section a level up with the author's own H1s before the template's: the fix moves those too (else they would be second titles)",
        text: '# Write-Ahead Log\n\n# Parameters\n\nTen.\n\n# Overview\n\nRecord first.\n\n# Architecture\n\nA file.\n',
        errors: [
          {
            message:
              "`# Overview` should be level 2: `## Overview`, and so should 1 more section written one level up: every heading of this pattern is above the template's level.",
            line: 7,
            column: 1,
          },
        ],
        output: '# Write-Ahead Log\n\n## Parameters\n\nTen.\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nA file.\n',
      },
      {
        name: 'every section a level up and no title above them: a warning, no fix until the title is written (moved down, they would be a pattern with no title and no layout to explain it)',
        text: '# Overview\n\nRecord first.\n\n# Architecture\n\nA file.\n',
        errors: [
          {
            message:
              "`# Overview` should be level 2: `## Overview`, and so should 1 more section written one level up: every heading of this pattern is above the template's level.",
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
        output: null,
      },
      {
        name: 'the same where the template keeps the title in front matter: the first H1 is a section too',
        template: '---\ntitle: "[Pattern Title]"\n---\n\n## Overview\n\nDescribe it.\n\n## Architecture\n\nDraw it.\n',
        text: '---\ntitle: Write-Ahead Log\n---\n\n# Summary\n\nA log.\n\n# Overview\n\nRecord first.\n\n# Architecture\n\nA file.\n',
        errors: [
          {
            message:
              "`# Overview` should be level 2: `## Overview`, and so should 1 more section written one level up: every heading of this pattern is above the template's level.",
            line: 9,
            column: 1,
          },
        ],
        output: '---\ntitle: Write-Ahead Log\n---\n\n## Summary\n\nA log.\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nA file.\n',
      },
      {
        name: "an untitled pattern's H1 section among the author's own H1s: reported, no fix (moved alone, it would leave the others as titles)",
        text: '# Overview\n\nRecord first.\n\n# Background\n\nHistory.\n\n# Plan\n\nSteps.\n',
        errors: [{ message: message('# Overview', 2, '## Overview'), line: 1, column: 1 }],
        output: null,
      },
      {
        name: 'one section a level down in the section before it, among sections at their level: its own finding, a warning (the section is there, in order), and the fix raises it',
        text: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n### Architecture\n\nA file.\n\n## Implementation\n\nSteps.\n',
        errors: [{ message: nestedIn('### Architecture', 2, '## Architecture', '## Overview'), line: 7, column: 1, severity: 'warning' }],
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nA file.\n\n## Implementation\n\nSteps.\n',
      },
      {
        name: 'a section one level up over sub-headings at the level it should have: the fix moves them with it (else it would leave them beside it)',
        text: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n# Architecture\n\nTwo parts.\n\n## Replayer\n\nApplies the log.\n',
        errors: [{ message: message('# Architecture', 2, '## Architecture'), line: 7, column: 1 }],
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nTwo parts.\n\n### Replayer\n\nApplies the log.\n',
      },
      {
        name: 'a section one level up over a sub-section already at its level: the heading moves alone (moved along, the sub-section would be off in turn)',
        text: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n# Architecture\n\nTwo parts.\n\n### Components\n\nA file.\n',
        errors: [{ message: message('# Architecture', 2, '## Architecture'), line: 7, column: 1 }],
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nTwo parts.\n\n### Components\n\nA file.\n',
      },
      {
        name: 'the first section one level up over its siblings at their level (`# Summary` over `## Motivation`): the heading moves alone, they are its siblings again',
        template: '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n',
        text: '# Write thread\n\n# Summary\n\nSlow writes go to a thread.\n\n## Motivation\n\nSyncs block.\n\n## Design\n\nA writer thread.\n',
        errors: [{ message: message('# Summary', 2, '## Summary'), line: 3, column: 1 }],
        output: '# Write thread\n\n## Summary\n\nSlow writes go to a thread.\n\n## Motivation\n\nSyncs block.\n\n## Design\n\nA writer thread.\n',
      },
      {
        name: 'a section one level down with its sub-sections: they move up with it, levels kept apart',
        text: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n### Architecture\n\nTwo parts.\n\n#### Components\n\nA file.\n\n##### Segments\n\nRolled daily.\n',
        errors: [{ message: nestedIn('### Architecture', 2, '## Architecture', '## Overview'), line: 7, column: 1, severity: 'warning' }],
        output: '# Write-Ahead Log\n\n## Overview\n\nRecord first.\n\n## Architecture\n\nTwo parts.\n\n### Components\n\nA file.\n\n#### Segments\n\nRolled daily.\n',
      },
      {
        name: 'a top-level section written one level too deep',
        text: `# Write-Ahead Log

### Overview

Record the change before applying it.
`,
        errors: [{ message: message('### Overview', 2, '## Overview'), line: 3, column: 1, endLine: 3, endColumn: 13, expected: '## Overview', actual: '### Overview' }],
        output: `# Write-Ahead Log

## Overview

Record the change before applying it.
`,
      },
      {
        name: 'sub-sections too deep and too shallow, each fixed in place',
        text: `# Write-Ahead Log

## Architecture

#### Components

An append-only file.

## Data Flow

Append, sync, then apply.
`,
        errors: [
          { message: message('#### Components', 3, '### Components'), line: 5, column: 1 },
          // (Right after its template parent, at that parent's level: the outline written flat — a warning, and still moved.)
          {
            message: `${message('## Data Flow', 3, '### Data Flow')} It follows \`## Architecture\`, its parent in the template, at that parent's level: the template's outline written flat, in its order — a warning.`,
            severity: 'warning',
            line: 9,
            column: 1,
            endLine: 9,
            endColumn: 13,
          },
        ],
        output: `# Write-Ahead Log

## Architecture

### Components

An append-only file.

### Data Flow

Append, sync, then apply.
`,
      },
      {
        name: 'a repeatable step; the rest of the heading is kept as written',
        text: `# Write-Ahead Log

## Implementation

#### Step 1: Open the log ####

In append mode.
`,
        errors: [{ message: message('#### Step 1: Open the log', 3, '### Step 1: Open the log'), line: 5, column: 1 }],
        output: `# Write-Ahead Log

## Implementation

### Step 1: Open the log ####

In append mode.
`,
      },
      {
        name: 'an indented heading keeps its indent',
        text: `# Write-Ahead Log

  ### Overview

Record the change before applying it.
`,
        errors: [{ message: message('### Overview', 2, '## Overview'), line: 3, column: 1 }],
        output: `# Write-Ahead Log

  ## Overview

Record the change before applying it.
`,
      },
      {
        name: 'an underlined heading is reported, not rewritten',
        text: `# Write-Ahead Log

Overview
========

Record the change before applying it.
`,
        errors: [{ message: message('# Overview', 2, '## Overview'), line: 3, column: 1, endLine: 4, endColumn: 9 }],
      },
      {
        name: 'a byte-order mark: kept, and not counted in the fix',
        text: '\uFEFF# Write-Ahead Log\n\n### Overview\n\nRecord the change first.\n',
        errors: [{ message: message('### Overview', 2, '## Overview'), line: 3, column: 1 }],
        output: '\uFEFF# Write-Ahead Log\n\n## Overview\n\nRecord the change first.\n',
      },
      {
        name: 'CRLF line breaks',
        text: '# Write-Ahead Log\r\n\r\n### Overview\r\n\r\nRecord the change first.\r\n',
        errors: [{ message: message('### Overview', 2, '## Overview'), line: 3, column: 1 }],
        output: '# Write-Ahead Log\r\n\r\n## Overview\r\n\r\nRecord the change first.\r\n',
      },
    ],
  },
  { describe, it },
);

// A sub-heading inside a section the template puts after it: raised, it would stand after that
// section and take the rest of its text along, so the level is reported and no fix is offered.
testRule(
  rule,
  {
    template: '# [Title]\n\n## Requirements\n\n* What you need.\n\n## Deployment Instructions\n\n1. Step one.\n\n## Testing\n\nHow to see it work.\n',
    valid: [],
    invalid: [
      {
        name: 'a sub-heading of a section the template puts after it is not raised',
        text: '# Bird feeder camera\n\n## Deployment Instructions\n\nAbout an hour.\n\n### Requirements\n\n* A camera with a motion sensor.\n\nScrew the camera above the feeder.\n\n1. Pair it with the hub.\n\n## Testing\n\nWave at it.\n',
        errors: [
          {
            message:
              '`### Requirements` should be level 2: `## Requirements`. Raised where it is, it would stand after `## Deployment Instructions`, which the template puts after it, and take the rest of that section’s text: move it above that heading by hand.',
            line: 7,
            column: 1,
          },
        ],
        output: null,
      },
      {
        name: 'a sub-heading of a section the template puts before it is raised (a warning: it is there, in order)',
        text: '# Bird feeder camera\n\n## Requirements\n\n* A camera.\n\n### Deployment Instructions\n\n1. Pair it with the hub.\n\n## Testing\n\nWave at it.\n',
        errors: [{ message: nestedIn('### Deployment Instructions', 2, '## Deployment Instructions', '## Requirements'), line: 7, column: 1, severity: 'warning' }],
        output: '# Bird feeder camera\n\n## Requirements\n\n* A camera.\n\n## Deployment Instructions\n\n1. Pair it with the hub.\n\n## Testing\n\nWave at it.\n',
      },
    ],
  },
  { describe, it },
);

// A second H1 under the title, for a section the template gives no sub-sections, with text of its own
// and the author's `##` sections after it: those may be the pattern's sections after one stray heading
// (`## What comes in the box`) or its parts (`## Step one` under `# Rollout plan`). The file does not
// say which, and either fix breaks the other reading: said, moved by hand.
testRule(
  rule,
  {
    template: '# [Title]\n\n[What it is.]\n\n## Where to get it\n\n* [Shop]\n',
    valid: [],
    invalid: [
      {
        name: 'a stray H1 over sections of the author’s: said, with the sections it may hold, and no fix',
        text: '# The samovar\n\nA tall urn for tea.\n\n# Where to get it\n\n* [The market](market/)\n\n## What comes in the box\n\n### The chimney\n\nA pipe.\n\n## Trying it at home\n\nLight the charcoal.\n',
        errors: [
          {
            message: `${message('# Where to get it', 2, '## Where to get it')} The sections under it, \`## What comes in the box\`, \`## Trying it at home\`, may be its parts or sections of their own: move it by hand, and them a level down with it if they are its parts.`,
            line: 5,
            column: 1,
          },
        ],
      },
      {
        name: 'the same over steps that are its parts (`# Rollout plan`, then `## Step one`, `## Step two`, `## Step three`): no fix moves it alone',
        text: '# Read cache\n\nA cache in front of the store.\n\n# Where to get it\n\nThe rollout takes three steps.\n\n## Step one\n\nShadow reads.\n\n## Step two\n\nServe from the cache.\n\n## Step three\n\nDrop the old path.\n',
        errors: [
          {
            message: `${message('# Where to get it', 2, '## Where to get it')} The sections under it, \`## Step one\`, \`## Step two\` and 1 more, may be its parts or sections of their own: move it by hand, and them a level down with it if they are its parts.`,
            line: 5,
            column: 1,
          },
        ],
      },
    ],
  },
  { describe, it },
);

// The same where the title is kept in front matter, as the template keeps it: no H1 is the title.
testRule(
  rule,
  {
    template: '---\ntitle: Title of the record\n---\n\n## Abstract\n\nOne short paragraph.\n\n## Context\n\nWhy.\n',
    valid: [],
    invalid: [
      {
        name: 'a first section written as an H1 under a front-matter title, over sections of the author’s: said, no fix (its parts or their own)',
        text: '---\ntitle: Record four\n---\n\n# Abstract\n\nFour in brief.\n\n## Wire format\n\nBytes.\n\n### Field list\n\nFields.\n\n## Rollout\n\nSlowly.\n',
        errors: [
          {
            message: `${message('# Abstract', 2, '## Abstract')} The sections under it, \`## Wire format\`, \`## Rollout\`, may be its parts or sections of their own: move it by hand, and them a level down with it if they are its parts.`,
            line: 5,
            column: 1,
          },
        ],
      },
      {
        name: 'a file without front matter keeps its H1 title (the pattern’s title) while its H1 sections move down',
        text: '# Lamp loans\n\nStatus: Draft\n\n# Abstract\n\nBorrow a lamp.\n\n# Context\n\nLamps are dear.\n\n## Fees\n\nSmall.\n',
        errors: [
          {
            message:
              "`# Abstract` should be level 2: `## Abstract`, and so should 1 more section written one level up: every heading of this pattern is above the template's level.",
            line: 5,
            column: 1,
          },
        ],
        output: '# Lamp loans\n\nStatus: Draft\n\n## Abstract\n\nBorrow a lamp.\n\n## Context\n\nLamps are dear.\n\n### Fees\n\nSmall.\n',
      },
    ],
  },
  { describe, it },
);

// A stray H1 with no text of its own, right over the author's `##` sections: they are its text, and
// move down with it — as far as the first of the template's sections at its level, which stays.
testRule(
  rule,
  {
    template: '# [Title]\n\n## Plan\n\nWhat.\n\n### Layout\n\nWhere.\n\n### Schedule\n\nWhen.\n\n## Done When\n\nHow we know.\n',
    valid: [],
    invalid: [
      {
        name: 'a stray H1 over its own sections moves down with them, down to the template section at its level',
        text: '# Pond\n\n## Plan\n\nA small pond.\n\n# Layout\n\n## Liner\n\nA rubber liner.\n\n### Edging\n\nFlat stones.\n\n### Schedule\n\nIn spring.\n\n## Done When\n\nFrogs come.\n',
        errors: [{ message: message('# Layout', 3, '### Layout'), line: 7, column: 1 }],
        output:
          '# Pond\n\n## Plan\n\nA small pond.\n\n### Layout\n\n#### Liner\n\nA rubber liner.\n\n##### Edging\n\nFlat stones.\n\n### Schedule\n\nIn spring.\n\n## Done When\n\nFrogs come.\n',
      },
    ],
  },
  { describe, it },
);

// The file's only H1 is a section (`# Summary` over the rest), where the template opens with an H1
// title: moved down, it would leave the file with no H1 at all. Where the pattern has no title anywhere,
// the title rule says so at that heading, with this as its cause: one problem, one finding (not this
// rule's too). With a title kept elsewhere (front matter), it is this rule's, and no fix is offered.
testRule(
  rule,
  {
    template: '# [Title]\n\n## Summary\n\nIn brief.\n\n## Motivation\n\nWhy.\n',
    valid: [{ name: 'no title anywhere: the title rule’s finding', text: '# Summary\n\nA bell for the shed door.\n\n## Motivation\n\nNobody hears a knock.\n' }],
    invalid: [
      {
        name: 'no fix for the only H1 of a pattern titled in its front matter: the title goes above it first',
        text: '---\ntitle: Shed bell\n---\n\n# Summary\n\nA bell for the shed door.\n\n## Motivation\n\nNobody hears a knock.\n',
        errors: [
          {
            message: `${message('# Summary', 2, '## Summary')} It is the file’s only H1: add the pattern’s title above it first (no fix is offered until then: moved down, it would leave the file without an H1).`,
            line: 5,
            column: 1,
          },
        ],
        output: null,
      },
    ],
  },
  { describe, it },
);

// An outline written a level up over sub-sections at the template's level, the template's and the
// author's side by side: the sections move down; the sub-sections all keep their level.
testRule(
  rule,
  {
    template: '# [Title]\n\n## Aim\n\nWhat.\n\n## Plan\n\nHow.\n\n### Options Weighed\n\nWhich.\n\n## Open Questions\n\nWhat is left.\n',
    valid: [],
    invalid: [
      {
        name: 'the author’s sub-sections beside a template one at its level keep their level with it',
        text: '# Pond pump\n\n# Aim\n\nMoving water.\n\n# Plan\n\n### Solar panel\n\nOn the shed.\n\n### Options Weighed\n\nMains power: too far.\n\n# Open Questions\n\nFrogs?\n',
        errors: [
          {
            message:
              "`# Aim` should be level 2: `## Aim`, and so should 2 more sections written one level up: every heading of this pattern is above the template's level.",
            line: 3,
            column: 1,
          },
        ],
        output:
          '# Pond pump\n\n## Aim\n\nMoving water.\n\n## Plan\n\n### Solar panel\n\nOn the shed.\n\n### Options Weighed\n\nMains power: too far.\n\n## Open Questions\n\nFrogs?\n',
      },
    ],
  },
  { describe, it },
);

// The title written a level down over the template's sections written a level up (the levels
// swapped): the fix moves the sections down and the title up, in one edit.
testRule(
  rule,
  {
    template: '# RFC: <Title>\n\nShort summary.\n\n## Problem Statement\n\nWhat hurts.\n\n## Proposed Solution\n\nWhat to do.\n',
    valid: [],
    invalid: [
      {
        name: 'a `##` title over `#` sections: both levels put right',
        text: '## RFC: Delta\n\nDelta adds a thing.\n\n# Problem Statement\n\nIt hurts.\n\n# Proposed Solution\n\nStop.\n',
        errors: [
          {
            message:
              "`# Problem Statement` should be level 2: `## Problem Statement`, and so should 1 more section written one level up: every heading of this pattern is above the template's level.",
            line: 5,
            column: 1,
          },
        ],
        output: '# RFC: Delta\n\nDelta adds a thing.\n\n## Problem Statement\n\nIt hurts.\n\n## Proposed Solution\n\nStop.\n',
      },
    ],
  },
  { describe, it },
);

// Sections of the author's at the template's level under the title (`## Overview`, `## Goals`),
// then the template's written a level up (`# Proposal`…): only those move.
testRule(
  rule,
  {
    template: '# CHG0000: Title\n\nIntroduction paragraph.\n\n## Proposal\n\nDetails.\n\n## Risks\n\nWhat could go wrong.\n\n## Alternatives\n\nOther ways.\n',
    valid: [],
    invalid: [
      {
        name: 'the `##` sections above the ones written a level up stay at their level',
        text: '# CHG0104: Streaming sync\n\nIntro.\n\n## Overview\n\nOne connection.\n\n## Goals\n\nLower latency.\n\n# Proposal\n\nHow.\n\n## Connections\n\nOne per device.\n\n# Risks\n\nCostly.\n\n# Alternatives\n\nPolling.\n',
        errors: [
          {
            message:
              "`# Proposal` should be level 2: `## Proposal`, and so should 2 more sections written one level up: every section of the template in this pattern is above the template's level.",
            line: 13,
            column: 1,
          },
        ],
        output:
          '# CHG0104: Streaming sync\n\nIntro.\n\n## Overview\n\nOne connection.\n\n## Goals\n\nLower latency.\n\n## Proposal\n\nHow.\n\n### Connections\n\nOne per device.\n\n## Risks\n\nCostly.\n\n## Alternatives\n\nPolling.\n',
      },
    ],
  },
  { describe, it },
);

// The template's one section written a level up among the author's own written so too: the whole
// outline is a level up, and it moves as one (moved alone, the others would be second titles).
testRule(
  rule,
  {
    template: '# [Title]\n\n## Motivation (optional)\n\n[Why]\n',
    valid: [],
    invalid: [
      {
        name: '`# Motivation`, `# Use cases`, `# Design` under the title: all a level down, with what is under them',
        text: '# Widget cache\n\nA cache.\n\n# Motivation\n\nSlow.\n\n# Use cases\n\nMany.\n\n# Design\n\nA map.\n\n## Eviction\n\nLRU.\n',
        errors: [
          {
            message:
              "`# Motivation` should be level 2: `## Motivation`, and so should the pattern's own sections written at its level (`# Use cases`, `# Design`): every section of this pattern is one level up.",
            line: 5,
            column: 1,
          },
        ],
        output: '# Widget cache\n\nA cache.\n\n## Motivation\n\nSlow.\n\n## Use cases\n\nMany.\n\n## Design\n\nA map.\n\n### Eviction\n\nLRU.\n',
      },
    ],
  },
  { describe, it },
);

describe('heading-level: siblings at one wrong level move all, or none', () => {
  it('three sub-sections a level too deep under an empty heading: where one cannot move, none moves, and each keeps its finding', async () => {
    const template =
      '# [Name]\n\n## Summary\n\n### How it was done\n\nMethod.\n\n### Blockers\n\nMust fix.\n\n### Strengths\n\nGood things.\n\n### Gaps\n\nTo improve.\n\n## Detail\n\nMore.\n';
    const source = '# Elm\n\n## Summary\n\n### How it was done\n\n#### Blockers\n\nNone.\n\n#### Strengths\n\nDocs.\n\n#### Gaps\n\nTests.\n\n## Detail\n\nText.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.diagnostics.map((d) => d.line)).toEqual([7, 11, 15]);
    const text = await readFile(found.file, 'utf8');
    const levels = [...text.matchAll(/^(#+) (Blockers|Strengths|Gaps)$/gm)].map((m) => m[1]!.length);
    expect(new Set(levels).size).toBe(1);
  });
});

describe('heading-level: a slot any heading fills names no section', () => {
  it('headings off the level of `## [Section]` (a template that names no section) are said, never moved by --fix', async () => {
    const template = '# [Pattern Title]\n\n[A paragraph.]\n\n## [Section] (optional)\n\n<!-- The patterns write their own sections. -->\n';
    const rfc = '# Summary\n\nThe gist.\n\n# Motivation\n\nWhy.\n\n# Detailed design\n\nHow.\n\n## Storage\n\nDetail.\n';
    const found = await lintOne('heading-level', rfc, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['5 warning']);
    expect(await readFile(found.file, 'utf8')).toBe(rfc);
    const parts = '# Part one: the cache\n\nText.\n\n## Sizing\n\nText.\n\n# Part two: the queue\n\nText.\n\n## Ordering\n\nText.\n';
    const second = await lintOne('heading-level', parts, { template, fix: true });
    expect(second.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['9 warning']);
    expect(await readFile(second.file, 'utf8')).toBe(parts);
  });
});

describe('heading-level: --fix never moves a heading where the move makes the outline worse', () => {
  it('a whole outline a level up with a top-level section of the template written at its level inside the author’s `# Proposal`: said, not moved (moved, it would be a level off; left, the Proposal would lose it)', async () => {
    const template =
      '# [Title]\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nWhat.\n\n### Observability\n\nWhat to watch.\n\n## Open Questions\n\nWhat is open.\n\n## Alternatives\n\nOthers.\n';
    const source =
      '# Snow alerts\n\n# Motivation\n\nIcy car park.\n\n# Proposal\n\nAn alert.\n\n## Data source\n\nThe weather feed.\n\n## Open Questions\n\nHow early?\n\n## Observability\n\nAlert counts.\n\n# Alternatives\n\nSalt.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(await readFile(found.file, 'utf8')).toBe(source);
    expect(found.diagnostics.map((d) => `${d.severity}${d.fix ? ' fix' : ''} ${d.message}`)).toEqual([
      "warning `# Motivation` should be level 2: `## Motivation`, and so should 3 more sections written one level up: the template's other sections stand at their level inside them (so no fix moves them all).",
    ]);
    // (Without it, the outline moves as one, its parts with it.)
    const whole = source.replace('## Open Questions\n\nHow early?\n\n', '') + '\n# Open Questions\n\nHow early?\n';
    const moved = await lintOne('heading-level', whole, { template, fix: true });
    expect((await readFile(moved.file, 'utf8')).match(/^#+ .*$/gm)).toEqual([
      '# Snow alerts',
      '## Motivation',
      '## Proposal',
      '### Data source',
      '### Observability',
      '## Alternatives',
      '## Open Questions',
    ]);
  });

  it('a whole outline a level up under an H1 that repeats the front matter title: the sections move, the title stays', async () => {
    const template = '---\ntitle: Title\n---\n\n## Abstract\n\nShort.\n\n## Motivation\n\nWhy.\n\n## Copyright\n\nRights.\n';
    const source = '---\ntitle: Lazy loading\n---\n\n# Lazy loading\n\n# Abstract\n\nLoad late.\n\n# Motivation\n\nSlow start.\n\n# Copyright\n\nWaived.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect((await readFile(found.file, 'utf8')).match(/^#+ .*$/gm)).toEqual(['# Lazy loading', '## Abstract', '## Motivation', '## Copyright']);
  });

  it("a section deep inside another, that raised where it stands would break the template's order (`#### Implementation` in the Specification, for the last `## Reference Implementation`): said, not moved", async () => {
    const template = '# [Title]\n\n## Abstract\n\nShort.\n\n## Specification\n\nDetails.\n\n## Rationale\n\nWhy.\n\n## Reference Implementation\n\nCode.\n';
    const source =
      '# Name registry\n\n## Abstract\n\nNames and owners.\n\n## Specification\n\n### Fees\n\nA fixed fee.\n\n#### Reference Implementation\n\nA sketch of the fee part.\n\n## Rationale\n\nFees keep squatters away.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.message.slice(0, 60)}`)).toEqual(['13 `#### Reference Implementation` should be level 2: `## Refer']);
    expect(found.diagnostics[0]!.message).toContain("out of the template's order: move it to its place by hand");
    expect(await readFile(found.file, 'utf8')).toBe(source);
    // (Where it lands in the template's order, it is moved.)
    const last =
      '# Name registry\n\n## Abstract\n\nNames and owners.\n\n## Specification\n\nA fixed fee.\n\n## Rationale\n\nFees keep squatters away.\n\n#### Reference Implementation\n\nA sketch.\n';
    const moved = await lintOne('heading-level', last, { template, fix: true });
    expect(await readFile(moved.file, 'utf8')).toBe(last.replace('#### Reference', '## Reference'));
  });

  it('a heading moved down under the section before it, whose twin of the author’s right after it stays (`## Goals`, `## Non-goals`): said, not moved', async () => {
    const template = '# [Title]\n\n## Summary\n\nShort.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat for.\n\n## Design\n\nHow.\n';
    const source =
      '# Kiln timer\n\n## Summary\n\nA timer.\n\n## Motivation\n\nBurnt pots.\n\n## Goals\n\nNo burnt pots.\n\n## Non-goals\n\nGlazes.\n\n## Design\n\nA clock.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    // (Right after its template parent: the outline written flat, a warning.)
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['11 warning']);
    expect(await readFile(found.file, 'utf8')).toBe(source);
    // (Followed by a section of the template, it is moved.)
    const alone = source.replace('## Non-goals\n\nGlazes.\n\n', '');
    const moved = await lintOne('heading-level', alone, { template, fix: true });
    expect(await readFile(moved.file, 'utf8')).toBe(alone.replace('## Goals', '### Goals'));
  });

  it('two sections of the template moved down side by side, the second followed by a heading of the author’s that stays (`## Non-goals` over `## Firing curve`): both said, neither moved, in every pass', async () => {
    const template = '# [Title]\n\n## Summary\n\nShort.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat for.\n\n### Non-goals\n\nWhat not.\n\n## Design\n\nHow.\n';
    const source =
      '# Kiln timer\n\n## Summary\n\nA timer.\n\n## Motivation\n\nBurnt pots.\n\n## Goals\n\nNo burnt pots.\n\n## Non-goals\n\nGlazes.\n\n## Firing curve\n\nSlow then fast.\n\n## Design\n\nA clock.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.message.slice(0, 30)}`)).toEqual(['11 `## Goals` should be level 3: ', '15 `## Non-goals` should be level']);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('heading-level: a section present at another level, where moving it would put it under another heading', () => {
  const template =
    '# [Title]\n\n# Summary\n\nShort.\n\n# Design\n\nHow.\n\n## Alternatives\n\nWhat else.\n\n## Open questions\n\nWhat is left.\n\n# Drawbacks\n\nWhy not.\n';
  it('a sub-section written at its parent’s level, away from it (`# Alternatives` after `# Drawbacks`, the outline flat): a warning that says where it goes, nothing moved', async () => {
    const source =
      '# Kiln timer\n\n# Summary\n\nA timer.\n\n# Design\n\nA clock.\n\n# Open questions\n\nBattery.\n\n# Drawbacks\n\nCost.\n\n# Alternatives\n\nAn egg timer.\n';
    const found = await lintOne('heading-level', source, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['11 warning', '19 warning']);
    expect(found.diagnostics[1]!.message).toContain('stands at its level elsewhere');
    expect(found.diagnostics[1]!.message).toContain('move it under `# Design` by hand');
    // (Only the flat one right after its parent moves; the one away from it stays where it is.)
    const fixed = await lintOne('heading-level', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source.replace('# Open questions', '## Open questions'));
  });
  it('a section written as one of the numbered parts of another (`### 8. Drawbacks` among `### 1.` to `### 9.` under `## Design`): a warning, nothing moved; not numbered, a part of the section before it — a warning too, nothing moved', async () => {
    const flat = '# [Title]\n\n## Summary\n\nShort.\n\n## Design\n\nHow.\n\n## Drawbacks\n\nWhy not.\n';
    const parts = (n: (i: number) => string) =>
      Array.from({ length: 9 }, (_, i) => `### ${n(i + 1)} ${i + 1 === 8 ? 'Drawbacks' : `Part ${'abcdefghi'[i]}`}\n\nText.\n`).join('\n');
    const source = `# Kiln timer\n\n## Summary\n\nA timer.\n\n## Design\n\nA clock.\n\n${parts((i) => `${i}.`)}`;
    const found = await lintOne('heading-level', source, { template: flat, fix: true });
    expect(found.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(found.diagnostics[0]!.message).toContain('one of the numbered parts of `## Design`');
    expect(await readFile(found.file, 'utf8')).toBe(source);
    const unnumbered = source.replace('### 8. Drawbacks', '### Drawbacks');
    const plain = await lintOne('heading-level', unnumbered, { template: flat, fix: true });
    expect(plain.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', expect.stringContaining('It stands in `## Design`, a section the template puts before it')],
    ]);
    // (Raised, it would take `### Part i` after it: nothing moves.)
    expect(await readFile(plain.file, 'utf8')).toBe(unnumbered);
  });
});

describe('heading-level: an H1 over sub-sections of two levels', () => {
  it('`# Design` right over `### Modes`, then the author’s `## Transport`: the heading alone moves (its own `###` stay under it, the `##` beside it)', async () => {
    const template = '# [Title]\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
    const source =
      '# Kiln tokens\n\n## Motivation\n\nShared kilns.\n\n# Design\n\n### Modes\n\nOn or off.\n\n### Sources\n\nA file.\n\n## Transport\n\nA header.\n\n### Browser\n\nA cookie.\n\n## Follow-on work\n\nExpiry.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect((await readFile(found.file, 'utf8')).match(/^#+ .*$/gm)).toEqual([
      '# Kiln tokens',
      '## Motivation',
      '## Design',
      '### Modes',
      '### Sources',
      '## Transport',
      '### Browser',
      '## Follow-on work',
    ]);
  });
});

describe('heading-level: a whole pattern a level down, its title too', () => {
  it('with no H1 anywhere, the first heading is the title a level down: one title warning, no unknown section, and --fix moves it up with the sections', async () => {
    const template = '# [Title]\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat for.\n';
    const source = '## Kiln timer example\n\n### Motivation\n\nBurnt pots.\n\n#### Goals\n\nNo burnt pots.\n';
    const title = await lintOne('title', source, { template });
    expect(title.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message.slice(0, 60)}`)).toEqual([
      '1 warning The title is written as `## Kiln timer example`, and every s',
    ]);
    expect((await lintOne('unknown-section', source, { template })).shown).toEqual([]);
    const fixed = await lintOne('heading-level', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe('# Kiln timer example\n\n## Motivation\n\nBurnt pots.\n\n### Goals\n\nNo burnt pots.\n');
  });
});

describe('heading-level: one template section a level down among the author’s own, where the template’s sections are H1s', () => {
  it('is the outline a level down: one warning, and --fix moves them all up', async () => {
    const template = '- Title: (a catchy title)\n\n----\n\n# Summary\n\nOne paragraph.\n\n# Detailed design\n\nHow.\n';
    const source = '- Title: Shelf labels\n\n----\n\n## Summary and motivation\n\nLabels fade.\n\n## Context\n\nSun.\n\n### Remarks\n\nNone.\n\n## Proposal\n\nInk.\n';
    const found = await lintOne('heading-level', source, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      "5 warning `## Summary and motivation` should be level 1: `# Summary and motivation`, and so should the pattern's own sections written at its level (`## Context`, `## Proposal`): every section of this pattern is one level down.",
    ]);
    const fixed = await lintOne('heading-level', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source.replace(/^##/gm, '#'));
  });
});

describe('heading-level: sub-sections at the level a template skips to, under an item of the author’s', () => {
  it('moving the sections above them leaves `###### Description` where the template puts it (under its `### Item-1`), not shifted along', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template =
      '# Short Article Title\n\n## Overview\n\n_<What this is about>_\n\n## Recommendations\n\n### Item-1\n\n###### Description\n\n_Describe the risk._\n\n###### How to Fix?\n\n_Explain the fix._\n';
    const source =
      '# Handling sessions\n\n### Overview\n\nKeep sessions safe.\n\n#### Recommendations\n\n##### Expire them\n\n###### Description\n\nLong sessions stay open.\n\n###### How to Fix?\n\nEnd idle ones.\n';
    // (As adopt writes it for a catalog whose items all have names of their own.)
    const config = { sections: { 'Item-1': { optional: true } } };
    const fixed = await lintOne('heading-level', source, { template, config, fix: true });
    expect((await readFile(fixed.file, 'utf8')).split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Handling sessions',
      '## Overview',
      '## Recommendations',
      '### Expire them',
      '###### Description',
      '###### How to Fix?',
    ]);
  });
});

describe('heading-level under a template that skips a level below its title', () => {
  // `# [Name]` straight over `### Background`: a pattern writes its sections at `##`, no level skipped.
  const template = '# [Name]\n\n### Background\n\nWhy we need it.\n\n### Proposal\n\nThe possible answers.\n\n#### Risks\n\nWhat could break.\n';
  it('takes the sections one level under the title, all alike, as the template means them', async () => {
    const source = '# Rollouts\n\n## Background\n\nTeams ship by hand.\n\n## Proposal\n\nA controller.\n\n### Risks\n\nStuck rollouts.\n\n### Design\n\nIt reconciles.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
  it('still says a section written at two levels, or at the title’s own', async () => {
    const mixed = '# Rollouts\n\n## Background\n\nTeams ship by hand.\n\n### Proposal\n\nA controller.\n';
    expect((await lintOne('heading-level', mixed, { template })).shown.length).toBeGreaterThan(0);
    const flat = '# Rollouts\n\n# Background\n\nTeams ship by hand.\n\n# Proposal\n\nA controller.\n';
    expect((await lintOne('heading-level', flat, { template })).shown.length).toBeGreaterThan(0);
  });
});

describe('heading-level: the pattern’s own title over the template’s outline', () => {
  // A template with no title line (the name kept in front matter) and H1 sections.
  const template = '---\nName: ""\n---\n\n# Summary\n\n[In brief]\n\n# Motivation\n\n[Why]\n\n# Details\n\n[How]\n\n## Terms\n\n[Words used]\n';
  it('an H1 title over H2 sections is the template’s outline under a title: no finding, and --fix leaves it', async () => {
    const source =
      '---\nName: tide-clock\n---\n\n# Tide clock\n\n## Summary\n\nA clock that shows the tide.\n\n## Motivation\n\nBoats run aground.\n\n## Details\n\nA second hand for the moon.\n\n### Terms\n\nSpring tide, neap tide.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.shown).toEqual([]);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
  it('with a section off by another amount as well: said, and no fix raises the sections beside their title', async () => {
    const source =
      '---\nName: tide-clock\n---\n\n# Tide clock\n\n## Summary\n\nA clock.\n\n## Motivation\n\nBoats run aground.\n\n## Details\n\nA moon hand.\n\n#### Terms\n\nNeap tide.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.diagnostics[0]!.message).toContain('No fix moves them: they would stand at the level of the title above them, `# Tide clock`.');
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
  it('an underlined H2 title over H1 sections, where the template has an H1 title: said, and no fix lowers the sections beside it', async () => {
    const titled = '# [Name]\n\n## Summary\n\n[In brief]\n\n## Motivation\n\n[Why]\n';
    const source = 'Tide clock\n----------\n\n# Summary\n\nA clock.\n\n# Motivation\n\nBoats run aground.\n';
    const found = await lintOne('heading-level', source, { template: titled, fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}${d.fix ? ' fix' : ''}`)).toEqual(['4 warning']);
    expect(found.diagnostics[0]!.message).toContain('`Tide clock` (underlined, level 2');
    expect(await readFile(found.file, 'utf8')).toBe(source);
    // (Made an H1 by hand, the title stays above them, and the fix moves them.)
    const raised = source.replace('----------', '==========');
    const fixed = await lintOne('heading-level', raised, { template: titled, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(raised.replace(/^# /gm, '## '));
  });
});

describe('heading-level: the document a template is for, held a level down under a heading named for it', () => {
  const template =
    '# Team: [name]\n\n## Mission\n\nWhat the team is for.\n\n## Members\n\nWho is in it.\n\n## Meetings\n\nWhen it meets.\n\n## Contacts\n\nHow to reach it.\n';
  const pattern =
    '# Proposal: form the storage team\n\n## Mission\n\nKeep the blob store running.\n\n## Team Charter\n\nThe charter we ask for.\n\n### Members\n\nAda and Ben.\n\n### Meetings\n\nEvery other Tuesday.\n\n### Contacts\n\nThe storage list.\n';
  const lintWith = (file: string, fix = false) =>
    lintOne('heading-level', pattern, { files: { [file]: template }, config: { template: file }, ...(fix ? { fix: true } : {}) });

  it('`## Team Charter` over the charter template’s sections: warnings that say so, and --fix moves nothing', async () => {
    const { diagnostics, file } = await lintWith('governance/team-charter-template.md');
    expect(diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['11 warning', '15 warning', '19 warning']);
    expect(diagnostics[0]!.message).toBe(
      '`### Members` should be level 2: `## Members`. It stands in `## Team Charter`, named for the document the template (`team-charter-template.md`) is for: the pattern holds that document a level down, its sections at their level within it — a warning.',
    );
    await lintWith('governance/team-charter-template.md', true);
    expect(await readFile(file, 'utf8')).toBe(pattern);
  });

  it('under a template whose file name names another document, the same outline is the author’s grouping of the template’s sections: warnings that say so, nothing moved', async () => {
    const { diagnostics, file } = await lintWith('governance/pattern-template.md', true);
    expect(diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['11 warning', '15 warning', '19 warning']);
    expect(diagnostics[0]!.message).toContain(
      'It stands in `## Team Charter`, a heading of the pattern’s own over other sections of the template, each a level down: the author groups them so, every one there — a warning.'.replace(
        '’',
        "'",
      ),
    );
    expect(await readFile(file, 'utf8')).toBe(pattern);
  });
});

describe('heading-level: the template’s sections all there, at another level by the author’s outline', () => {
  it('sub-sections written a level up right after their template parent (`## Goals`, `## Non-Goals` after `## Motivation`): warnings that say so, and --fix nests them', async () => {
    const template = '# [Title]\n\n## Summary\n\nShort.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat for.\n\n### Non-Goals\n\nWhat not.\n\n## Proposal\n\nWhat.\n';
    const source =
      '# Cache keys\n\n## Summary\n\nKeys get shorter.\n\n## Motivation\n\nKeys are long.\n\n## Goals\n\n- Shorter keys.\n\n## Non-Goals\n\n- Other stores.\n\n## Proposal\n\nHash them.\n';
    const found = await lintOne('heading-level', source, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['11 warning', '15 warning']);
    expect(found.diagnostics[0]!.message).toContain("It follows `## Motivation`, its parent in the template, at that parent's level");
    const fixed = await lintOne('heading-level', source, { template, fix: true });
    expect(fixed.diagnostics).toEqual([]);
    expect(await readFile(fixed.file, 'utf8')).toBe(source.replace('## Goals', '### Goals').replace('## Non-Goals', '### Non-Goals'));
    // (After a section of the author's instead, the outline is flat still, but lowered there they would
    // fall under that section: warnings that say to move them by hand, nothing moved.)
    const apart = source.replace('## Goals', '## Budget\n\nSmall.\n\n## Goals');
    const off = await lintOne('heading-level', apart, { template, fix: true });
    expect(off.diagnostics.map((d) => `${d.message.slice(0, 9)} ${d.severity} ${d.message.includes('stands at its level elsewhere')}`)).toEqual([
      '`## Goals warning true',
      '`## Non-G warning true',
    ]);
    expect(await readFile(off.file, 'utf8')).toBe(apart);
  });

  it('template sections grouped a level down under a heading of the author’s (`## Getting Started`): warnings, nothing moved; one alone under it stays an error', async () => {
    const template =
      '# [Title]\n\n## Requirements\n\nWhat you need.\n\n## Deployment Instructions\n\nSteps.\n\n## Testing\n\nHow to test.\n\n## Cleanup\n\nHow to remove.\n';
    const source =
      '# Topic fan-out\n\n## Requirements\n\nAn account.\n\n## Getting Started\n\nFollow these parts.\n\n### Deployment Instructions\n\nRun deploy.\n\n### Testing\n\nPublish a message.\n\n## Cleanup\n\nDelete the stack.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['11 warning', '15 warning']);
    expect(found.diagnostics[1]!.message).toContain(
      "It stands in `## Getting Started`, a heading of the pattern's own over other sections of the template, each a level down",
    );
    expect(await readFile(found.file, 'utf8')).toBe(source);
    const alone = source.replace('### Testing\n\nPublish a message.\n\n', '').replace('## Cleanup', '## Testing\n\nPublish a message.\n\n## Cleanup');
    const one = await lintOne('heading-level', alone, { template });
    expect(one.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['11 error']);
  });

  it('a heading named as a template section under a heading of the author’s whose name holds it (`### Alternatives` in `## Rejected alternatives and discussion`): a warning, not raised out of it', async () => {
    const template = '# [Title]\n\n## Summary\n\nShort.\n\n## Design\n\nHow.\n\n## Drawbacks\n\nWhy not.\n\n## Alternatives\n\nOther designs.\n';
    const source =
      '# Sized literals\n\n## Summary\n\nLiterals with a size.\n\n## Design\n\nAdd a suffix.\n\n## Rejected alternatives and discussion\n\n### Array literals\n\nWe looked at them.\n\n### Alternatives\n\nA macro instead.\n\n#### Drawbacks of the macro\n\nIt hides the type.\n\n## Drawbacks\n\nMore syntax.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['17 warning']);
    expect(found.diagnostics[0]!.message).toContain('It stands in `## Rejected alternatives and discussion`, a heading of the pattern');
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});

describe('heading-level: every heading an H1, the template’s outline written one level up and flat', () => {
  it('one warning for the layout, and one for each sub-section written flat in the template’s order after its parent', async () => {
    const template =
      '# [Title]\n\n## Objective\n\nWhat.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n\n### Drawbacks\n\nCosts.\n\n### Alternatives\n\nOthers.\n\n### Compatibility\n\nBreaks.\n\n## Questions\n\nOpen ones.\n';
    const source =
      '# Kiln vents\n\n# Objective\n\nVent the kiln.\n\n# Motivation\n\nFumes.\n\n# Design\n\nTwo vents.\n\n# Drawbacks\n\nHeat loss.\n\n# Alternatives\n\nA fan.\n\n# Compatibility\n\nOld kilns have no holes.\n\n# Questions\n\nNone.\n';
    const found = await lintOne('heading-level', source, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message.split(':')[0]}${d.message.includes('written flat') ? ' (flat)' : ''}`)).toEqual([
      '3 warning `# Objective` should be level 2',
      '15 warning `# Drawbacks` should be level 3 (flat)',
      '19 warning `# Alternatives` should be level 3 (flat)',
      '23 warning `# Compatibility` should be level 3 (flat)',
    ]);
  });
});

describe('heading-level: a pattern written before the template', () => {
  // (`####` right under `##`, a level skipped: an error where nothing else makes it a warning.)
  const doc = (n: string) => `# ${n}\n\n## Motivation\n\nWhy ${n}.\n\n## Proposal\n\nHow ${n}.\n\n#### Alternatives\n\nOther ways for ${n}.\n`;
  const withAlternatives = '# Title\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nHow.\n\n## Alternatives\n\nOther ways.\n';
  /** A catalog committed step by step (files written, then committed as of the date), and heading-level's findings in it. */
  async function history(steps: [date: string, files: Record<string, string>][]): Promise<string[]> {
    const { lint } = await import('../../../src/lint/lint.js');
    const { commitSteps, tempCatalog } = await import('../../helpers.js');
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'design/TEMPLATE.md', patterns: ['design/*.md'], exclude: ['design/TEMPLATE.md'] }),
    });
    await commitSteps(root, steps);
    const report = await lint({ root, only: ['heading-level'], fix: false });
    return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`));
  }

  it('a section a level off in a pattern committed before the template’s first version: a warning that says so; one written since: an error', async () => {
    expect(
      await history([
        ['2020-04-01T10:00:00Z', { 'design/202004-query-log.md': doc('Query log') }],
        ['2021-06-01T10:00:00Z', { 'design/TEMPLATE.md': withAlternatives }],
        ['2023-01-01T10:00:00Z', { 'design/202301-cache.md': doc('Cache') }],
      ]),
    ).toEqual([
      "design/202004-query-log.md warning `#### Alternatives` should be level 2: `## Alternatives`. This pattern was written before the template's first version (2021-06-01; its git history, or the date it gives itself): a warning.",
      'design/202301-cache.md error `#### Alternatives` should be level 2: `## Alternatives`.',
    ]);
  });
  it('a section a level off in a pattern written before the template asked for that section: a warning that says when', async () => {
    expect(
      await history([
        ['2019-01-01T10:00:00Z', { 'design/TEMPLATE.md': '# Title\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nHow.\n' }],
        ['2020-04-01T10:00:00Z', { 'design/query-log.md': doc('Query log') }],
        ['2021-06-01T10:00:00Z', { 'design/TEMPLATE.md': withAlternatives }],
      ]),
    ).toEqual([
      'design/query-log.md warning `#### Alternatives` should be level 2: `## Alternatives`. This pattern was written before the template asked for this section (2021-06-01; its git history, or the date it gives itself): a warning.',
    ]);
  });
});

describe('heading-level: sections written as H1s under a notice, no title', () => {
  it('`# Notice` over `# Purpose`, `# Summary`…, with no title the catalog reads: the layout is said, nothing moved (moved down, the notice would be the only H1)', async () => {
    const template = '# [Project Name]: Design\n\n## Purpose\n\nWhy.\n\n## Summary\n\nWhat.\n\n## Risks\n\nWhich.\n';
    const source = '# Notice\n\nThis design is kept for history.\n\n# Purpose\n\nFaster blocks.\n\n# Summary\n\nSmaller batches.\n\n# Risks\n\nReorgs.\n';
    const found = await lintOne('heading-level', source, { template, fix: true });
    expect(found.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(await readFile(found.file, 'utf8')).toBe(source);
  });
});
