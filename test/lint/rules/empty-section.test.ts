import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commitAllAt, tempCatalog } from '../../helpers.js';
import rule from '../../../src/lint/rules/empty-section.js';
import { lintOne } from './_lint-one.js';
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

## Cleanup

How to remove everything.

## References
`;

const message = (heading: string) => `Section \`${heading}\` is empty: write its content or remove the heading if the template marks it optional.`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: 'a section that holds only footnote definitions',
        text: `# Sharded Counter

## Overview

One hot counter becomes many cold ones.[^shards]

## Architecture

### Components

A shard table.

## Implementation

### Step 1: Split the counter

Pick the number of shards.

## Cleanup

[^shards]: https://example.org/shards
`,
      },
      {
        name: 'every section has content',
        text: `# Sharded Counter

## Overview

One hot counter becomes many cold ones.

## Architecture

Shards behind one read path.

### Components

A shard table and a summing reader.

## Implementation

### Step 1: Split the counter

Pick the number of shards.

## Cleanup

Drop the shard table.
`,
      },
      {
        name: 'a section that holds only its sub-sections',
        text: `# Sharded Counter

## Architecture

### Components

A shard table.

## Implementation

### Step 1: Split the counter

Pick the number of shards.
`,
      },
      {
        name: 'a code block, a table or HTML other than a comment is content',
        text: `# Sharded Counter

## Overview

| Shards | Writes per second |
|--------|-------------------|
| 16     | 40,000            |

## Cleanup

\`\`\`sql
DROP TABLE counter_shards;
\`\`\`

## References

<details><summary>Papers</summary>None yet.</details>
`,
      },
      {
        name: 'a skeleton of headings the template itself leaves bare (questions without guidance) may stay bare',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Questions\n\n### Does it scale?\n\n### Can it roll back?\n',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Questions\n\n### Does it scale?\n\n### Can it roll back?\n',
      },
      {
        name: 'a section the template leaves empty may stay empty',
        text: `# Sharded Counter

## Overview

One hot counter becomes many cold ones.

## References
`,
      },
      {
        name: 'a heading that gives its own answer (`: n/a`, `: none`)',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Cleanup: none\n\n## References: N/A\n',
      },
      {
        name: 'a heading whose note says it is left out on purpose (`[omitted]`, `(N/A)`)',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Cleanup [omitted]\n\n## References (N/A)\n',
      },
      {
        name: 'a record’s value written in its heading (`## Status: Proposed`)',
        template: '# [Title]\n\n## Status\n\nProposed, Accepted or Deprecated.\n\n## Decision\n\nWhat was decided.\n',
        text: '# Bundle splitting\n\n## Status: Proposed\n\n## Decision\n\nSplit per route.\n',
      },
    ],
    invalid: [
      {
        name: 'a section holding only bullets with nothing after them (`- `, as the template leaves it) is empty',
        template: '# item name\n\n## Usecase\n- \n\n## Pros\n- \n\n## Cons\n- \n',
        text: '# Kettle\n\n## Usecase\n- Boiling water for drinks.\n\n## Pros\n- \n-\n\n## Cons\n- Uses electricity.\n',
        errors: [{ message: message('## Pros'), line: 6, column: 1 }],
      },
      {
        name: 'a heading with words after its name that are no value of a record (`## Decision: how we split`), left empty, is empty',
        template: '# [Title]\n\n## Status\n\nProposed, Accepted or Deprecated.\n\n## Decision\n\nWhat was decided.\n',
        text: '# Bundle splitting\n\n## Status\n\nProposed.\n\n## Decision: how we split\n',
        errors: [
          {
            message: 'Section `## Decision: how we split` is empty: write its content or remove the heading if the template marks it optional.',
            line: 7,
            column: 1,
          },
        ],
      },
      {
        name: 'a section for what is still open, left empty, says nothing is: a warning that asks to say so',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Unresolved questions\n\nWhat is still to be decided?\n\n## Cleanup\n\nHow to remove it.\n',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Unresolved questions\n\n## Cleanup\n\nDrop the shards.\n',
        errors: [
          {
            message: 'Section `## Unresolved questions` is empty: if nothing is left open, say so (“None.”); else list what is.',
            line: 7,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a heading with more words after a colon is still a heading: empty',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Cleanup: drop the shard table\n',
        errors: [{ message: message('## Cleanup: drop the shard table'), line: 7, column: 1 }],
      },
      {
        name: 'an optional section left empty: a warning',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Open Questions (optional)\n\nWhat is still undecided.\n',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Open Questions\n',
        errors: [
          {
            message: 'Section `## Open Questions` is empty: write its content, or remove the heading (it is optional).',
            line: 7,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a required section left empty under a heading of its own that says it is optional (copied from an older template): a warning',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Cleanup [optional]\n',
        errors: [
          {
            message: 'Section `## Cleanup [optional]` is empty: write its content, or remove the heading (its heading says it is optional).',
            line: 7,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a heading followed by the next heading',
        text: `# Sharded Counter

## Overview

## Cleanup

Drop the shard table.
`,
        errors: [{ message: message('## Overview'), line: 3, column: 1, endLine: 3, endColumn: 12 }],
      },
      {
        name: 'a heading at the end of the file',
        text: `# Sharded Counter

## Overview

One hot counter becomes many cold ones.

## Cleanup
`,
        errors: [{ message: message('## Cleanup'), line: 7, column: 1, endLine: 7, endColumn: 11 }],
      },
      {
        name: 'HTML comments alone are not content a reader sees',
        text: `# Sharded Counter

## Overview

<!-- TODO: explain the hot key -->

## Cleanup

<!-- first -->
<!-- second -->
`,
        errors: [
          { message: message('## Overview'), line: 3, column: 1 },
          { message: message('## Cleanup'), line: 7, column: 1 },
        ],
      },
      {
        name: 'an empty sub-section, and a section whose only sub-section (a repeatable step) is empty: said once at the section',
        text: `# Sharded Counter

## Architecture

Shards behind one read path.

### Components

## Implementation

### Step 1: Split the counter
`,
        errors: [
          { message: message('### Components'), line: 7, column: 1, endLine: 7, endColumn: 15 },
          {
            message: 'Section `## Implementation` is empty, and so is its sub-section: write its content or remove the heading if the template marks it optional.',
            line: 9,
            column: 1,
          },
        ],
      },
      {
        name: 'a skeleton of headings (a parent and its sub-sections, none written): one finding at the parent',
        text: '# Sharded Counter\n\n## Overview\n\nMany cold counters.\n\n## Architecture\n\n<!-- Draw it. -->\n\n### Components\n\n### Data Flow\n\n#### Reads\n',
        errors: [
          {
            message: 'Section `## Architecture` is empty, and so are its 3 sub-sections: write its content or remove the heading if the template marks it optional.',
            line: 7,
            column: 1,
          },
        ],
      },
    ],
  },
  { describe, it },
);

describe('empty-section with numbered headings the template leaves bare', () => {
  // `#### Case 1` and `#### Case 2` have nothing under them: they number items the author names.
  const cases =
    '# [Name]\n\n## Plan\n\nHow it will work.\n\n### Use Cases\n\n- Say what people can do once it exists.\n\n#### Case 1\n\n#### Case 2\n\n### Hazards\n\nWhat could go wrong.\n';
  testRule(
    rule,
    {
      template: cases,
      valid: [
        {
          name: 'each case written as a whole heading is the section’s content',
          text: '# Tag copying\n\n## Plan\n\nA watcher copies tags.\n\n### Use Cases\n\n#### As a planner, I want placement rules to see the tags I set.\n\n#### As a reviewer, I want to know where each host came from.\n\n### Hazards\n\nTwo writers may race; one key space is reserved.\n',
        },
      ],
      invalid: [
        {
          name: 'the section with no case at all is still empty',
          text: '# Tag copying\n\n## Plan\n\nA watcher copies tags.\n\n### Use Cases\n\n### Hazards\n\nTwo writers may race.\n',
          errors: [{ message: 'Section `### Use Cases` is empty: write its content or remove the heading if the template marks it optional.', line: 7, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});

describe('empty-section with its text under a stray H1', () => {
  testRule(
    rule,
    {
      template: '# [Title]\n\n## Summary\n\n_One paragraph._\n\n## Design\n\n_Describe the design._\n',
      valid: [
        {
          name: 'an H1 of the author’s right under the section holds its text: not empty (the title rule says the level)',
          text: '# Queue retry\n\n## Summary\n\nFailed jobs go back with a delay.\n\n## Design\n\n# How the retry works\n\nEach failed job gets a counter.\n',
        },
      ],
      invalid: [
        {
          name: 'a section followed by the next template section is still empty',
          text: '# Queue retry\n\n## Design\n\n## Summary\n\nFailed jobs go back with a delay.\n',
          errors: [{ message: 'Section `## Design` is empty: write its content or remove the heading if the template marks it optional.', line: 3, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});

describe('empty-section with the author’s sections right after it', () => {
  testRule(
    rule,
    {
      template:
        '---\ntitle: <Short name>\n---\n\n## Abstract\n\nA short description.\n\n## Specification\n\nDescribe the change.\n\n## Security Implications\n\nAny concerns.\n',
      valid: [],
      invalid: [
        {
          name: 'a bare section followed at its level by headings of the author’s: their parts a level up, likely (a warning)',
          text: '---\ntitle: Quiet Hours\n---\n\n## Abstract\n\nNo reminders at night.\n\n## Specification\n\n## Clock Source\n\nThe local clock.\n\n## Message Queue\n\nThey wait until seven.\n\n## Security Implications\n\nNone.\n',
          errors: [
            {
              message:
                "Section `## Specification` has no text of its own; the sections after it at its level (`## Clock Source`, `## Message Queue`) are the author's: if they are its parts, make them one level lower.",
              line: 9,
              column: 1,
              severity: 'warning',
            },
          ],
        },
        {
          name: 'a topic’s heading that opens with a closing word (`## Changes to the queue record`) is the author’s part, not a closing section (`## Changes` alone would be)',
          text: '---\ntitle: Quiet Hours\n---\n\n## Abstract\n\nNo reminders at night.\n\n## Specification\n\n## Changes to the queue record\n\nA `wake_at` field.\n\n## Security Implications\n\nNone.\n',
          errors: [
            {
              message:
                "Section `## Specification` has no text of its own; the sections after it at its level (`## Changes to the queue record`) are the author's: if they are its parts, make them one level lower.",
              line: 9,
              column: 1,
              severity: 'warning',
            },
          ],
        },
        {
          name: 'a bare section followed by a heading of the author’s that closes the document (`## Licence`) is empty: that is no part of it',
          text: '---\ntitle: Quiet Hours\n---\n\n## Abstract\n\nNo reminders at night.\n\n## Specification\n\n## Licence\n\nCC0.\n\n## Security Implications\n\nNone.\n',
          errors: [{ message: 'Section `## Specification` is empty: write its content or remove the heading if the template marks it optional.', line: 9, column: 1 }],
        },
        {
          name: 'a bare section followed by the next of the template’s is empty',
          text: '---\ntitle: Quiet Hours\n---\n\n## Abstract\n\nNo reminders at night.\n\n## Specification\n\n## Security Implications\n\nNone.\n',
          errors: [{ message: 'Section `## Specification` is empty: write its content or remove the heading if the template marks it optional.', line: 9, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});

describe('empty-section over sub-sections the template makes optional', () => {
  testRule(
    rule,
    {
      template:
        '# [Title]\n\n## Summary\n\nWhat it does.\n\n## Further Details\n\n### Test Plan [optional]\n\nHow it is tested.\n\n### Graduation [optional]\n\nWhen it is done.\n\n## Sketch\n\n### Parts\n\nThe pieces.\n',
      valid: [
        {
          name: 'a section that only holds optional sub-sections, left empty: nothing asked of it',
          text: '# Node pools\n\n## Summary\n\nPools of nodes scale together.\n\n## Further Details\n\n## Sketch\n\n### Parts\n\nA pool and its scaler.\n',
        },
      ],
      invalid: [
        {
          name: 'one whose sub-section is required is empty without it',
          text: '# Node pools\n\n## Summary\n\nPools of nodes scale together.\n\n## Further Details\n\n## Sketch\n',
          errors: [{ message: 'Section `## Sketch` is empty: write its content or remove the heading if the template marks it optional.', line: 9, column: 1 }],
        },
      ],
    },
    { describe, it },
  );
});

testRule(
  rule,
  {
    template: '# [Title]\n\n## Overview\n\nSay what it is.\n\n## Testing\n\nHow to test it.\n',
    valid: [
      {
        name: 'a marker of work to do inside a sentence is content',
        text: '# Drip\n\n## Overview\n\nA drip line.\n\n## Testing\n\nOpen the tap; the flow rate is TODO.\n',
      },
      {
        name: 'a marker the template has is the placeholder rule’s to report',
        template: '# [Title]\n\n## Overview\n\nSay what it is.\n\n## Testing\n\nTODO\n',
        text: '# Drip\n\n## Overview\n\nA drip line.\n\n## Testing\n\nTODO\n',
      },
    ],
    invalid: [
      {
        name: 'a section whose only text is a marker of work to do (`TODO.`) is empty',
        text: '# Drip\n\n## Overview\n\nA drip line.\n\n## Testing\n\nTODO.\n',
        errors: [{ message: 'Section `## Testing` holds only “TODO.”: write its content or remove the heading if the template marks it optional.', line: 7, column: 1 }],
      },
    ],
  },
  { describe: (name, fn) => describe(`${name}: a marker alone`, fn), it },
);

describe('empty-section: a heading written twice, one under the other', () => {
  it('is one finding, duplicate-section’s: the first copy is not reported empty besides', async () => {
    const template = '# [Title]\n\n## Overview\n\nSay what it is.\n\n## Cleanup\n\nHow to remove it.\n';
    const text = '# Drip\n\n## Overview\n\nA drip line.\n\n## Cleanup\n\n## Cleanup\n\nUnscrew it.\n';
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'drip/README.md': text,
    });
    const report = await lint({ root: dir, only: ['empty-section', 'duplicate-section'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.ruleId}`))).toEqual(['9 duplicate-section']);
  });
});

describe('empty-section: a section holding only a note for the author, before the author’s own sections', () => {
  testRule(
    rule,
    {
      template: '# [Title]\n\n## Abstract\n\nA short description.\n\n## Risks\n\nWhat could go wrong?\n\n## Thanks\n\nWho helped.\n',
      valid: [],
      invalid: [
        {
          // (What `--fix` writes for a missing section: its heading and the template's note, as a comment.)
          name: 'the section as --fix inserts it, right before a heading of the author’s: empty, an error',
          text: '# Rain barrels\n\n## Abstract\n\nCollect roof water.\n\n## Risks\n\n<!-- What could go wrong? -->\n\n## Suppliers\n\nThe hardware shop.\n\n## Thanks\n\nThe allotment board.\n',
          errors: [
            {
              message: 'Section `## Risks` is empty: write its content or remove the heading if the template marks it optional.',
              line: 7,
              column: 1,
              severity: 'error',
            },
          ],
        },
      ],
    },
    { describe, it },
  );
});

describe('empty-section in a draft, and in a section the template asks for only from a later stage', () => {
  testRule(
    rule,
    {
      template: '---\nstatus: Draft\n---\n\n# [Title]\n\n## Abstract\n\nA short description.\n\n## Risks\n\nWhat could go wrong?\n',
      valid: [],
      invalid: [
        {
          name: 'a draft’s empty section is still to be written: a warning that says why',
          text: '---\nstatus: Draft\n---\n\n# Rain barrels\n\n## Abstract\n\nCollect roof water.\n\n## Risks\n\nTBA\n',
          errors: [
            {
              message:
                'Section `## Risks` holds only “TBA”: write its content or remove the heading if the template marks it optional. (A draft: a warning until its status moves on.)',
              line: 11,
              column: 1,
              severity: 'warning',
            },
          ],
        },
        {
          name: 'once its status moves on, an error',
          text: '---\nstatus: Final\n---\n\n# Rain barrels\n\n## Abstract\n\nCollect roof water.\n\n## Risks\n\n',
          errors: [
            {
              message: 'Section `## Risks` is empty: write its content or remove the heading if the template marks it optional.',
              line: 11,
              column: 1,
              severity: 'error',
            },
          ],
        },
      ],
    },
    { describe, it },
  );

  it('a section required from a later stage than the pattern’s, left empty: a warning that names the stage', async () => {
    const files: Record<string, string> = {
      'templates/plot.md':
        '# [Plot]\n\n* Status: sketched|dug|planted|completed\n* Gardener: [name]\n\n## Gist\n\nWhat for.\n\n## Beds\n\n(Required for dug status and above)\n\nHow the beds lie.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/plot.md', patterns: ['plots/*.md'] }),
      'plots/herbs.md': '# Herbs\n\n* Status: sketched\n* Gardener: Ines\n\n## Gist\n\nA herb plot.\n\n## Beds\n\n',
      'plots/beans.md': '# Beans\n\n* Status: planted\n* Gardener: Ines\n\n## Gist\n\nA bean plot.\n\n## Beds\n\n',
    };
    const report = await lint({ root: await tempCatalog(files), only: ['empty-section'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toEqual([
      'plots/beans.md error Section `## Beds` is empty: write its content or remove the heading if the template marks it optional.',
      'plots/herbs.md warning Section `## Beds` is empty: write its content or remove the heading if the template marks it optional. (The template asks for it from dug on, which this pattern is not known to have reached: a warning.)',
    ]);
  });
});

describe('empty-section: a section whose only content is a heading that says something', () => {
  const template = '# [Title]\n\n## Context\n\n[The forces.]\n\n## Decision Outcome\n\nChosen option: [option], because [why].\n';
  it('is a warning that asks why (`### A) No extra index` names the choice); a skeleton of empty labels is still an empty section', async () => {
    const doc = (outcome: string) => `# Index size\n\n## Context\n\nThe index is large.\n\n## Decision Outcome\n\n${outcome}\n`;
    const stated = await lintOne('empty-section', doc('### A) No extra index'), { template });
    expect(stated.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'Section `## Decision Outcome` holds only the heading `### A) No extra index`, with nothing under it: write why under it, or in the section.'],
    ]);
    const skeleton = await lintOne('empty-section', doc('### Pros\n\n### Cons'), { template });
    expect(skeleton.diagnostics.map((d) => d.severity)).toEqual(['error']);
    // (So where the template gives the section sub-sections of its own, `### Consequences`, and the
    // heading is none of them; the template's own, left empty, is an empty section still.)
    const withParts = template.replace(/## Decision Outcome\n\n[^\n]*\n/, (m) => `${m}\n### Consequences\n\nWhat follows.\n`);
    const beside = await lintOne('empty-section', doc('### A) No extra index'), { template: withParts });
    expect(beside.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const own = await lintOne('empty-section', doc('### Consequences'), { template: withParts });
    expect(own.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('empty-section: a section whose only content is a dash (`-` on a line of its own)', () => {
  const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Prior art\n\nWhat others did before.\n';
  const doc = (prior: string) => `# Ferry tokens\n\n## Summary\n\nTokens for the ferry.\n\n## Prior art\n\n${prior}\n`;
  it("is the author's mark for none: a warning that asks for words; where the template leaves a blank bullet there, the kept bullet is the blank, still an error", async () => {
    const dash = await lintOne('empty-section', doc('-'), { template });
    expect(dash.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'Section `## Prior art` holds only a dash: if there is nothing to say, say so (“None.”); else write its content.'],
    ]);
    const bullet = await lintOne('empty-section', doc('-'), { template: template.replace('What others did before.', '- ') });
    expect(bullet.diagnostics.map((d) => d.severity)).toEqual(['error']);
    // (Two empty bullets are no dash for none.)
    expect((await lintOne('empty-section', doc('-\n-'), { template })).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('empty-section: a section the template gives only notes for the author and a commented-out sub-section', () => {
  it('left empty, it is reported as one with only a note is (the commented-out sub-section asks for nothing)', async () => {
    const template =
      '# Pattern name\n\n## Context\n<!-- Where it applies. -->\n\n## Solution\n<!-- How it removes the problem. -->\n\n<!--### [Structure]-->\n<!-- The parts. -->\n\n## Consequences\n<!-- What it costs. -->\n';
    const text =
      '# Blur Location\n\n## Context\n<!-- Where it applies. -->\n\nApps that share places.\n\n## Solution\n<!-- How it removes the problem. -->\n\n## Consequences\n<!-- What it costs. -->\n\nSome cost.\n';
    expect((await lintOne('empty-section', text, { template })).diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['8 warning']);
  });
});

describe('empty-section: a section the template gives a note for the author and a line of blanks to fill in', () => {
  const template =
    '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Checks\n\n<!--\nEvery change is checked anyway; list the suites touched if that helps.\n-->\n\n- `<suite>`: `<date>` - `<pass rate>`\n\n## Rollback\n\n<!-- How to undo it. -->\n\n- <step> written as a sentence\n';
  const doc = (checks: string, rollback: string) => `# Quiet hours\n\n## Summary\n\nPagers sleep at night.\n\n## Checks\n\n${checks}\n\n## Rollback\n\n${rollback}\n`;
  it('left empty, it is a warning as a note-only section is; a line of the template with words of its own beside the blanks still asks for text', async () => {
    const found = await lintOne('empty-section', doc('', ''), { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '7 warning Section `## Checks` is empty: write its content or remove the heading if the template marks it optional. (The template gives it only a note for the author and a line of blanks to fill in: a warning.)',
      '11 error Section `## Rollback` is empty: write its content or remove the heading if the template marks it optional.',
    ]);
    expect((await lintOne('empty-section', doc('- `pager-suite`: 2026-01-04 - 99%', 'Turn the flag off.'), { template })).diagnostics).toEqual([]);
  });
});
describe('empty-section: a template made of bare headings', () => {
  const template = '# Title\n\nDate: YYYY-MM-DD\n\n## Context\n\n## Decision\n\n## Consequences\n';
  it('a required section left empty is told, a warning (the template says no more than its heading)', async () => {
    const found = await lintOne(
      'empty-section',
      '# Use a queue\n\nDate: 2024-01-10\n\n## Context\n\nJobs pile up.\n\n## Decision\n\n## Consequences\n\nOne more service.\n',
      { template },
    );
    expect(found.shown).toEqual([
      '9:1 `## Decision` is empty: write its text (the template gives its sections bare headings, no more: a warning).'.replace(/^9:1 /, '9:1 Section '),
    ]);
    expect(found.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
  it('not where the template gives any section text: a bare heading there is a container or a label', async () => {
    const found = await lintOne('empty-section', '# Use a queue\n\n## Context\n\nJobs pile up.\n\n## Decision\n\n## Consequences\n\nOne more service.\n', {
      template: '# Title\n\n## Context\n\nSay what is going on.\n\n## Decision\n\n## Consequences\n\nSay what follows.\n',
    });
    expect(found.shown).toEqual([]);
  });
  it('nor only where every section is bare: one with labels to fill in beside bare ones (`**Before**` under `## Samples`) leaves the others asking for text', async () => {
    const found = await lintOne(
      'empty-section',
      '# Use a queue\n\n## Context\n\nJobs pile up.\n\n## Decision\n\n## Samples\n\n**Before**\n\n    run()\n\n## Consequences\n\nOne more service.\n',
      { template: '# Title\n\n## Context\n\n## Decision\n\n## Samples\n\n**Before**\n\n**After**\n\n## Consequences\n' },
    );
    expect(found.shown).toEqual(['7:1 Section `## Decision` is empty: write its text (the template gives its sections bare headings, no more: a warning).']);
  });
});

describe('empty-section where the template lets the section stay empty', () => {
  it('`This section will probably initially be empty.`: an empty one is no finding; a section whose guidance says nothing so still is', async () => {
    const template = '# Title\n\n## Design\n\nHow it works.\n\n## FAQ\n\nThis section will probably initially be empty. Questions that come up again go here.\n';
    const doc = '# Kiln lids\n\n## Design\n\nA hinge.\n\n## FAQ\n';
    expect((await lintOne('empty-section', doc, { template })).shown).toEqual([]);
    const strict = template.replace('This section will probably initially be empty. ', '');
    expect((await lintOne('empty-section', doc, { template: strict })).shown).toHaveLength(1);
  });
});

describe('empty-section: a pattern written before the template asked for the section', () => {
  it('left empty there, it is a warning that says why, as a missing one would be; written since, an error', async () => {
    const base = '# Title\n\n## Summary\n\nWhat it is.\n\n## Design\n\nHow it works.\n';
    const root = await tempCatalog({
      'templates/proposal.md': base,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['text/*.md'] }),
      'text/kiln-timer.md': '# Kiln timer\n\n## Summary\n\nA timer.\n\n## Design\n\nA clock.\n\n## Risks\n',
    });
    commitAllAt(root, '2021-01-01T10:00:00Z', 'first');
    await writeFile(path.join(root, 'templates/proposal.md'), `${base}\n## Risks\n\nWhat may go wrong.\n`);
    commitAllAt(root, '2022-01-01T10:00:00Z', 'the template asks for risks');
    await writeFile(path.join(root, 'text/kiln-lid.md'), '# Kiln lid\n\n## Summary\n\nA lid.\n\n## Design\n\nA hinge.\n\n## Risks\n');
    // (Committed later, dated by its file name before the template asked: written then.)
    await writeFile(path.join(root, 'text/2021-06-01-kiln-vent.md'), '# Kiln vent\n\n## Summary\n\nA vent.\n\n## Design\n\nA flap.\n\n## Risks\n');
    commitAllAt(root, '2023-01-01T10:00:00Z', 'more');
    const report = await lint({ root, only: ['empty-section'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => [r.path, d.line, d.severity, /written before the template asked/.test(d.message)]));
    expect(found).toEqual([
      ['text/2021-06-01-kiln-vent.md', 11, 'warning', true],
      ['text/kiln-lid.md', 11, 'error', false],
      ['text/kiln-timer.md', 11, 'warning', true],
    ]);
  });
});
