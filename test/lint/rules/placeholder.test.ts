import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { gitAt, tempCatalog } from '../../helpers.js';
import rule from '../../../src/lint/rules/placeholder.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import { lintOne } from './_lint-one.js';

/** A template with one placeholder of each kind. */
const template = `# [Pattern Title]

> Brief one-sentence description of what this pattern does

## Overview

Describe the problem this pattern solves.

## Components

1. **Component 1**: Description of what this component does

## Implementation

### Step 1: [First Step Title]

Detailed instructions for the first step.

\`\`\`bash
command --option value
\`\`\`

## Configuration

| Parameter | Description |
|-----------|-------------|
| PARAM_1 | Description of parameter 1 |

## Troubleshooting

**Symptom**: What you observe

## Resources

- [Documentation Link 1](https://example.com)

## Author

- **Name**: Your Name
`;

/** A finished pattern; the invalid cases put one leftover back each. */
const finished = `# Dead Letter Queue

> Parks messages that keep failing so the rest keep flowing.

## Overview

A poison message blocks its partition until someone removes it.

## Components

1. **Parking queue**: holds the messages that failed five times

## Implementation

### Step 1: Create the parking queue

Give it a retention of two weeks.

\`\`\`bash
queuectl create orders-parked --retention 14d
\`\`\`

## Configuration

| Parameter | Description |
|-----------|-------------|
| MAX_ATTEMPTS | Failures before a message is parked |

## Troubleshooting

**Symptom**: the parking queue grows every hour

## Resources

- [Queue manual](https://queues.example.org/manual)

## Author

- **Name**: Messaging Guild
`;

/** `finished` with `from` replaced by `to` (which must be there once). */
function leftover(from: string, to: string): string {
  if (finished.split(from).length !== 2) throw new Error(`not once in the fixture: ${from}`);
  return finished.replace(from, to);
}

const left = (where: string, shown: string) => `Template text left in ${where}: ${shown}. Replace it with this pattern's own content.`;

testRule(
  rule,
  {
    template,
    valid: [
      { name: 'a finished pattern', text: finished },
      { name: 'a heading with a step number and its own title', text: leftover('### Step 1: Create the parking queue', '### Step 1: Configure the Gateway') },
      {
        name: 'brackets that are links, task boxes or lower-case notes',
        text: leftover('Give it a retention of two weeks.', 'Give it a retention of two weeks ([why](#overview)).\n\n- [ ] queue created\n- [x] alert set [see runbook]'),
      },
      { name: 'text the configuration exempts', text: leftover('Messaging Guild', 'Your Name'), config: { placeholders: { ignore: ['Your Name'] } } },
      {
        name: "the author's own bracketed words, which the template does not have",
        text: leftover(
          'A poison message blocks its partition until someone removes it.',
          'A poison message blocks [Queue Name] until someone removes it [Ops Handbook].',
        ),
      },
      {
        name: "the template's bracketed words used in a sentence",
        text: leftover('A poison message blocks its partition until someone removes it.', 'The first step title says what the step does.'),
      },
      {
        name: 'bracketed words and the sample command in a code block the template has no such text in',
        text: leftover('## Configuration', '```text\nqueuectl show [Queue Name] [First Step Title]\n```\n\n## Configuration'),
      },
      {
        name: 'the template’s guidance kept as a quote over the author’s answer: the blanks of the example it quotes are the example’s',
        template:
          '# [Title]\n\n## Stories\n\n<!-- Say who gains what. Write them like "A [persona] needs [capability] because [reason]." -->\n\n## Design\n\n<!-- How it works. -->\n',
        text: '# Shelf limits\n\n## Stories\n\n> Say who gains what. Write them like "A [persona] needs [capability] because [reason]."\n\nA shelf keeper needs a ceiling because full shelves tip over.\n\n## Design\n\nA counter per shelf.\n',
      },
      {
        name: 'a reference link whose definition exists',
        text: leftover('Give it a retention of two weeks.', 'See [First Step Title] for retention.\n\n[First Step Title]: https://queues.example.org/retention'),
      },
    ],
    invalid: [
      {
        // (As empty as an empty optional section, which is a warning: so is this.)
        name: 'a section the template marks optional that holds only its prompt: a warning',
        template: '# [Title]\n\n## Design\n\nHow it works.\n\n## Open questions (optional)\n\nWhich parts are still undecided?\n',
        text: '# Shelf limits\n\n## Design\n\nA counter per shelf.\n\n## Open questions\n\nWhich parts are still undecided?\n',
        errors: [
          {
            message: `${left('`## Open questions`', '“Which parts are still undecided?”')} (The template marks \`## Open questions\` optional, and this section holds nothing but its text: write it, or remove the heading. A warning.)`,
            line: 9,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'the same in a section the template requires: an error',
        template: '# [Title]\n\n## Design\n\nHow it works.\n\n## Open questions\n\nWhich parts are still undecided?\n',
        text: '# Shelf limits\n\n## Design\n\nA counter per shelf.\n\n## Open questions\n\nWhich parts are still undecided?\n',
        errors: [{ message: left('`## Open questions`', '“Which parts are still undecided?”'), line: 9, column: 1, severity: 'error' }],
      },
      {
        name: 'the example’s blanks written as the author’s own text, not quoted: left',
        template:
          '# [Title]\n\n## Stories\n\n<!-- Say who gains what. Write them like "A [persona] needs [capability] because [reason]." -->\n\n## Design\n\n<!-- How it works. -->\n',
        text: '# Shelf limits\n\n## Stories\n\nA [persona] needs [capability] because [reason].\n\n## Design\n\nA counter per shelf.\n',
        errors: [{ message: left('`## Stories`', '“[persona]”, “[capability]”, “[reason]”'), line: 5, column: 3, endLine: 5, endColumn: 48 }],
      },
      {
        name: 'an instruction to the author, re-wrapped',
        text: leftover('A poison message blocks its partition until someone removes it.', 'Describe the problem\nthis pattern solves.'),
        errors: [{ message: left('`## Overview`', '“Describe the problem this pattern solves.”'), line: 7, column: 1, endLine: 8, endColumn: 21 }],
      },
      {
        name: 'an instruction in the introduction',
        text: leftover('## Overview\n', 'Describe the problem this pattern solves.\n\n## Overview\n'),
        errors: [{ message: left('the introduction', '“Describe the problem this pattern solves.”'), line: 5, column: 1 }],
      },
      {
        name: "an instruction of the author's own in brackets, which the template does not have",
        text: leftover('A poison message blocks its partition until someone removes it.', 'A poison message blocks [Insert the queue name] until someone removes it.'),
        errors: [{ message: left('`## Overview`', '“[Insert the queue name]”'), line: 7, column: 25, endLine: 7, endColumn: 48 }],
      },
      {
        name: 'a bracketed title left in a heading',
        text: leftover('### Step 1: Create the parking queue', '### Step 1: [First Step Title]'),
        errors: [{ message: left('a heading', '“[First Step Title]”'), line: 15, column: 13, endLine: 15, endColumn: 31 }],
      },
      {
        name: 'the sample sentence under a step',
        text: leftover('Give it a retention of two weeks.', 'Detailed instructions for the first step.'),
        errors: [{ message: left('`### Step 1: Create the parking queue`', '“Detailed instructions for the first step.”'), line: 17, column: 1 }],
      },
      {
        name: 'a generic numbered item, renumbered',
        text: leftover('**Parking queue**: holds the messages that failed five times', '**Component 3**: Description of what this component does'),
        errors: [
          {
            message: left(
              '`## Components`',
              "“Component 3: Description of what this component does” (like the template's “Component 1: Description of what this component does”)",
            ),
            line: 11,
            column: 1,
          },
        ],
      },
      {
        name: 'the sample command in a code block',
        text: leftover('queuectl create orders-parked --retention 14d', 'command --option value'),
        errors: [{ message: left('`### Step 1: Create the parking queue`', '“command --option value”'), line: 20, column: 1, endLine: 20, endColumn: 23 }],
      },
      {
        name: 'a generic parameter name in a table',
        text: leftover('| MAX_ATTEMPTS |', '| PARAM_1 |'),
        errors: [{ message: left('`## Configuration`', '“PARAM_1”'), line: 27, column: 3, endLine: 27, endColumn: 10 }],
      },
      {
        name: 'the sample after a label (the label stays)',
        text: leftover('the parking queue grows every hour', 'What you observe'),
        errors: [{ message: left('`## Troubleshooting`', '“What you observe”'), line: 31, column: 14, endLine: 31, endColumn: 30 }],
      },
      {
        name: 'the sample name',
        text: leftover('Messaging Guild', 'Your Name'),
        errors: [{ message: left('`## Author`', '“Your Name”'), line: 39, column: 13 }],
      },
      {
        name: 'the sample link target (the URL itself is pointed at)',
        text: leftover('https://queues.example.org/manual', 'https://example.com'),
        errors: [{ message: 'Sample link target left in: “https://example.com”. Link to a real page.', line: 35, column: 18, endLine: 35, endColumn: 37 }],
      },
      {
        name: 'text the configuration adds',
        text: finished,
        config: { placeholders: { add: ['Messaging Guild'] } },
        errors: [{ message: left('`## Author`', '“Messaging Guild”'), line: 39, column: 13 }],
      },
    ],
  },
  { describe, it },
);

/**
 * A template in other shapes: marked placeholders other than `[…]`, a form of
 * labels and questions under task boxes, steps for the reader every runbook
 * keeps, a small template inside an HTML comment.
 */
const runbook = `# <<Service name>> runbook

> {What this runbook brings back, in one line}

## Symptoms

Describe what the person on call sees first.

- [Alert name]
  - Fires when:
  - [Optional] Dashboard:

## Recovery

1. Open the operations console.
2. Enter the incident number
3. Delete the stuck lease

\`\`\`bash
leasectl drop --pool <<pool name>>
\`\`\`

Note the time the pool came back.

## Checks

- [ ] Automatic probe
  - Describe the probe:
  - Does a failed probe page someone?
- [ ] Manual check
  - Who looks, and how often?

## Lessons

What went wrong last time?

<!--
For each incident, copy the lines below and fill them in:
  - [Incident date]
    - Cause:
-->

## Owners

- Team: <team name>
- Review due: TBD
`;

/** A runbook written from it: the reader's steps kept, the form filled in where it applies. */
const ledger = `# Ledger Sync runbook

> Brings the ledger feed back when it stalls.

## Symptoms

The lag graph climbs and the nightly report starts late; the alert name shows on the page.

- Ledger lag above ten minutes
  - Fires when: the consumer has not committed for ten minutes
  - [Optional] Dashboard: ledger-lag

## Recovery

1. Open the operations console.
2. Enter the incident number
3. Delete the stuck lease

\`\`\`bash
leasectl drop --pool ledger-sync
\`\`\`

Note the time the pool came back.

## Checks

- [x] Automatic probe
  - Describe the probe: a synthetic entry is written every minute and read back.
  - Does a failed probe page someone? Yes, after three misses.
- [ ] Manual check
  - Who looks, and how often?

## Lessons

What went wrong last time?

A paused host kept its lease for two hours; paging on weekends was optional then.

- 2026-03-02
  - Cause: the host was paused, not stopped.

## Owners

- Team: Ledger Platform
- Review due: 2027-01-15
`;

function ledgerWith(from: string, to: string): string {
  if (ledger.split(from).length !== 2) throw new Error(`not once in the fixture: ${from}`);
  return ledger.replace(from, to);
}

testRule(
  rule,
  {
    template: runbook,
    valid: [
      { name: 'a filled-in runbook: steps for the reader, filled labels and questions, an unticked option, a question as a lead-in', text: ledger },
      {
        name: 'a question answered in the list item under it',
        text: ledgerWith(
          '  - Does a failed probe page someone? Yes, after three misses.',
          '  - Does a failed probe page someone?\n\n    Yes: the third miss in a row pages the ledger rota.',
        ),
      },
      {
        name: "a TBD in a comment of the author's, hidden from readers, in their sentence's paragraph",
        text: ledgerWith('- Review due: 2027-01-15', '- Review due: 2027-01-15 <!-- TBD -->'),
      },
      {
        name: "TBD quoted as a term in the author's sentence (a code span of the word alone)",
        text: ledgerWith('- Review due: 2027-01-15', '- Review due: 2027-01-15; a date still `TBD` in the rota tool is chased weekly.'),
      },
      {
        name: 'a form label left empty (the field does not apply)',
        text: ledgerWith('  - Describe the probe: a synthetic entry is written every minute and read back.', '  - Describe the probe:'),
      },
      {
        name: "the template's bracketed words, and a word of a one-word note, in the author's sentences",
        text: ledgerWith('The lag graph climbs', 'The optional lag graph names the incident date and the team name'),
      },
      {
        name: 'bracketed words inside code the template has none in',
        text: ledgerWith('leasectl drop --pool ledger-sync', 'leasectl drop --pool ledger-sync --note "[Incident date] [Alert name] <team name>"'),
      },
      {
        name: 'bracketed notes of the author after a label or in a sentence',
        text: ledgerWith('- Team: Ledger Platform', '- Team: [Ledger Platform]\n- Pager: the rota [Ledger Rota] takes pages'),
      },
      { name: "the comment's small template kept in a comment", text: ledgerWith('- 2026-03-02', '<!--\n  - [Incident date]\n    - Cause:\n-->\n\n- 2026-03-02') },
    ],
    invalid: [
      {
        name: 'the instruction to the author',
        text: ledgerWith('The lag graph climbs and the nightly report starts late; the alert name shows on the page.', 'Describe what the person on call sees first.'),
        errors: [{ message: left('`## Symptoms`', '“Describe what the person on call sees first.”'), line: 7, column: 1 }],
      },
      {
        name: 'a bracketed placeholder, the label under it filled in',
        text: ledgerWith('- Ledger lag above ten minutes', '- [Alert name]'),
        errors: [{ message: left('`## Symptoms`', '“[Alert name]”'), line: 9, column: 3, endLine: 9, endColumn: 15 }],
      },
      {
        name: "the fill-in token of the template's sample code",
        text: ledgerWith('leasectl drop --pool ledger-sync', 'leasectl drop --pool <<pool name>>'),
        errors: [{ message: left('`## Recovery`', '“<<pool name>>”'), line: 20, column: 22, endLine: 20, endColumn: 35 }],
      },
      {
        name: 'a question of the ticked option left unanswered',
        text: ledgerWith('  - Does a failed probe page someone? Yes, after three misses.', '  - Does a failed probe page someone?'),
        errors: [{ message: left('`## Checks`', '“Does a failed probe page someone?”'), line: 29, column: 5 }],
      },
      {
        name: "a form's question left unanswered is no lead-in, whatever follows the form",
        text: ledgerWith(
          '  - Does a failed probe page someone? Yes, after three misses.\n- [ ] Manual check\n  - Who looks, and how often?\n',
          '  - Does a failed probe page someone?\n\nThe probe has run since March.\n',
        ),
        errors: [{ message: left('`## Checks`', '“Does a failed probe page someone?”'), line: 29, column: 5 }],
      },
      {
        name: 'a question with nothing after it in its section',
        text: ledgerWith(
          'A paused host kept its lease for two hours; paging on weekends was optional then.\n\n- 2026-03-02\n  - Cause: the host was paused, not stopped.\n',
          '',
        ),
        errors: [{ message: left('`## Lessons`', '“What went wrong last time?”'), line: 35, column: 1 }],
      },
      {
        name: 'the small template of a comment, copied out and not filled in',
        text: ledgerWith('- 2026-03-02', '- [Incident date]'),
        errors: [{ message: left('`## Lessons`', '“[Incident date]”'), line: 39, column: 3 }],
      },
      {
        name: 'an angle-bracket placeholder (HTML-like, so only in the Markdown as written) and TBD',
        text: ledgerWith('- Team: Ledger Platform\n- Review due: 2027-01-15', '- Team: <team name>\n- Review due: TBD'),
        errors: [
          { message: left('`## Owners`', '“<team name>”'), line: 44, column: 9, endLine: 44, endColumn: 20 },
          { message: left('`## Owners`', '“TBD”'), line: 45, column: 15, endLine: 45, endColumn: 18 },
        ],
      },
      {
        name: 'TBD as a value in a code span is still content left to write',
        text: ledgerWith('- Review due: 2027-01-15', '- Review due: `REVIEW_DATE = TBD`'),
        errors: [{ message: left('`## Owners`', '“TBD”'), line: 45, column: 30, endLine: 45, endColumn: 33 }],
      },
      {
        name: 'several placeholders on one line are one leftover',
        text: ledgerWith('- Team: Ledger Platform', '- Team: <team name>, on call for <<Service name>>'),
        errors: [{ message: left('`## Owners`', '“<team name>”, “<<Service name>>”'), line: 44, column: 9, endLine: 44, endColumn: 50 }],
      },
      {
        name: "a bracketed instruction or sample of the author's own",
        text: ledgerWith('- Team: Ledger Platform', '- Team: [Your team name]\n- Rota: [Link the pager rota here]'),
        errors: [
          { message: left('`## Owners`', '“[Your team name]”'), line: 44, column: 9 },
          { message: left('`## Owners`', '“[Link the pager rota here]”'), line: 45, column: 9 },
        ],
      },
      {
        name: 'a bracketed value that says again what its label asks for',
        text: ledgerWith('- Review due: 2027-01-15', '- Review due: [Due date of the review]'),
        errors: [{ message: left('`## Owners`', '“[Due date of the review]”'), line: 45, column: 15 }],
      },
    ],
  },
  { describe, it },
);

/** A template whose "Describe …" line the catalog's authors keep, and one it marks as kept. */
const changeTemplate = `# [Change Title]

## Window

Describe how long the change takes.

<!-- patternbook: keep -->
Describe the rollback to the on-call engineer before you start.

## Rollback

Describe how to undo the change.

- Announce the change in the operations channel <!-- patternbook: keep -->
- [Owner]
`;

/** A change written from it that keeps the template's rollback line (and its other kept text). */
const change = (rollback: string, owner = 'Storage Guild') => `# Rotate the ledger keys

## Window

Forty minutes, during which writes queue up.

Describe the rollback to the on-call engineer before you start.

## Rollback

${rollback}

- Announce the change in the operations channel
- ${owner}
`;

const kept = change('Describe how to undo the change.\n\nRestore the previous key from the vault and restart the writers.');
const rewritten = change('Restore the previous key from the vault and restart the writers.');

/** `n` other patterns, the first `keeping` of them with the template's rollback line. */
function others(n: number, keeping: number, owner = 'Storage Guild'): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`change-${i + 1}/README.md`, change(i < keeping ? 'Describe how to undo the change.\n\nRoll back.' : 'Roll back.', owner)]),
  );
}

const rollbackLeft = { message: left('`## Rollback`', '“Describe how to undo the change.”'), line: 11, column: 1 };

testRule(
  rule,
  {
    template: changeTemplate,
    valid: [
      { name: 'text the template marks as kept, before a block and on a line', text: rewritten },
      { name: 'an instruction most patterns keep (7 of 12): learned as boilerplate', text: kept, files: others(11, 6) },
    ],
    invalid: [
      { name: 'a fresh catalog of two patterns that both keep the instruction', text: kept, files: others(1, 1), errors: [rollbackLeft] },
      { name: 'kept by half of the catalog (6 of 12): not most', text: kept, files: others(11, 5), errors: [rollbackLeft] },
      { name: 'kept by most of a catalog too small to learn from (9 patterns)', text: kept, files: others(8, 8), errors: [rollbackLeft] },
      {
        name: 'a bracketed placeholder every pattern keeps is still a leftover',
        text: change('Roll back.', '[Owner]'),
        files: others(11, 0, '[Owner]'),
        errors: [{ message: left('`## Rollback`', '“[Owner]”'), line: 14, column: 3 }],
      },
    ],
  },
  { describe, it },
);

/** A proposal template whose metadata list gives a default value (`Kind`) and a sample (`Proposer`). */
const fieldsTemplate = '# [Title]\n\n* **Kind**: Plugin proposal\n* **Proposer**: proposer name\n\n## Summary\n\nDescribe the plugin briefly.\n';
const plugin = (n: number, kind = 'Plugin proposal', proposer = `Person ${n}`) =>
  `# Plugin ${n}\n\n* **Kind**: ${kind}\n* **Proposer**: ${proposer}\n\n## Summary\n\nChecks spelling, variant ${n}.\n`;
const plugins = (n: number, keeping: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`plugin-${i + 1}/README.md`, plugin(i + 1, i < keeping ? 'Plugin proposal' : 'Theme proposal')]));

testRule(
  rule,
  {
    template: fieldsTemplate,
    valid: [{ name: "a label's unmarked value most patterns keep (11 of 12): learned as a default", text: plugin(0), files: plugins(11, 10) }],
    invalid: [
      {
        name: 'kept by half of them (6 of 12): still the template text',
        text: plugin(0),
        files: plugins(11, 5),
        errors: [{ message: left('the introduction', '“Plugin proposal”'), line: 3, column: 13 }],
      },
      {
        name: 'a sample every pattern keeps is learned as kept; the name sample left by one pattern is still reported',
        text: plugin(0, 'Plugin proposal', 'proposer name'),
        files: plugins(11, 11),
        errors: [{ message: left('the introduction', '“proposer name”'), line: 4, column: 17 }],
      },
    ],
  },
  { describe, it },
);

/** A section that lists examples for the team to pick from. */
const criteriaTemplate =
  '# [Title]\n\n## Rollout Criteria\n\nList what must be true before the change ships.\n\nExamples to consider:\n\n- Load tested at expected peak\n- Write paging alerts for the [service name]\n- Document latency objectives\n';

testRule(
  rule,
  {
    template: criteriaTemplate,
    valid: [
      {
        name: 'examples kept or picked into the pattern’s own list are its content',
        text: '# Faster cache\n\n## Rollout Criteria\n\n- Document latency objectives\n- Canary in one region for a week\n',
      },
    ],
    invalid: [
      {
        name: 'what is marked in an example is still to be filled in, and the instruction above the examples is still one',
        text: '# Faster cache\n\n## Rollout Criteria\n\nList what must be true before the change ships.\n\n- Write paging alerts for the [service name]\n',
        errors: [
          { message: left('`## Rollout Criteria`', '“List what must be true before the change ships.”'), line: 5, column: 1 },
          { message: left('`## Rollout Criteria`', '“[service name]”'), line: 7, column: 31 },
        ],
      },
    ],
  },
  { describe, it },
);

/** A section that says its sub-sections hold examples, each sub-section a list of criteria. */
const stagedCriteriaTemplate =
  '# [Title]\n\n## Rollout Criteria\n\nThese are general examples to weigh, beside the stages of the release policy.\n\n### Beta -> Stable\n\n- Load tested at expected peak\n- Write paging alerts for the [service name]\n- Document latency objectives\n\n## Risks\n\n- Describe what could go wrong.\n';

testRule(
  rule,
  {
    template: stagedCriteriaTemplate,
    valid: [
      {
        name: 'the examples under sub-sections of a section that says they are examples, kept as they are, are its content',
        text: '# Faster cache\n\n## Rollout Criteria\n\n### Beta -> Stable\n\n- Load tested at expected peak\n- Write paging alerts for the cache\n- Document latency objectives\n\n## Risks\n\nA cold cache after a deploy.\n',
      },
    ],
    invalid: [
      {
        name: 'where the section says they are not examples, an instruction among them is one',
        template: stagedCriteriaTemplate.replace('These are general examples to weigh', 'These are not examples but steps to take'),
        text: '# Faster cache\n\n## Rollout Criteria\n\n### Beta -> Stable\n\n- Load tested at expected peak\n- Document latency objectives\n\n## Risks\n\nA cold cache.\n',
        errors: [{ message: left('`### Beta -> Stable`', '“Document latency objectives”'), line: 8, column: 3 }],
      },
      {
        name: 'what is marked in them is still to be filled in, and an instruction of a section after them is still one',
        text: '# Faster cache\n\n## Rollout Criteria\n\n### Beta -> Stable\n\n- Write paging alerts for the [service name]\n\n## Risks\n\n- Describe what could go wrong.\n',
        errors: [
          { message: left('`### Beta -> Stable`', '“[service name]”'), line: 7, column: 31 },
          { message: left('`## Risks`', '“Describe what could go wrong.”'), line: 11, column: 3 },
        ],
      },
    ],
  },
  { describe, it },
);

testRule(
  rule,
  {
    template: '# [Title]\n\n## Operations\n\nExplain how to\n- spot a failure of the change\n- turn the change off\n',
    valid: [
      {
        name: 'a lead-in that breaks off into a list is the author’s inside their sentence',
        text: '# Faster cache\n\n## Operations\n\nThe admin guide gets a page that will explain how to turn the cache off.\n',
      },
    ],
    invalid: [
      {
        name: 'the lead-in kept where it starts the text',
        text: '# Faster cache\n\n## Operations\n\nExplain how to\n- watch the disk reads\n',
        errors: [{ message: left('`## Operations`', '“Explain how to”'), line: 5, column: 1 }],
      },
    ],
  },
  { describe, it },
);

testRule(
  rule,
  {
    template: '# Title\n\n## Motivation\n\nWhy are we doing this?\n\n## Guide-level explanation\n\nExplain the change as if it already existed.\n',
    valid: [
      {
        name: 'an instruction kept in emphasis as a lead-in, answered under it',
        text: '# A shared cache\n\n## Motivation\n\nClean builds are slow.\n\n## Guide-level explanation\n\n_Explain the change as if it already existed._\n\nYou start a build and most steps finish at once.\n',
      },
      {
        name: 'an instruction labelled as the question (`**Q:**`, `Question:`), the author’s answer under it',
        text: '# A shared cache\n\n## Motivation\n\nClean builds are slow.\n\n## Guide-level explanation\n\n**Q:** Explain the change as if it already existed.\n\n**A:** You start a build and most steps finish at once.\n',
      },
    ],
    invalid: [
      {
        name: 'labelled as the question with no answer after it, it is still left over',
        text: '# A shared cache\n\n## Motivation\n\nClean builds are slow.\n\n## Guide-level explanation\n\nQuestion: Explain the change as if it already existed.\n',
        errors: [{ message: left('`## Guide-level explanation`', '“Explain the change as if it already existed.”'), line: 9, column: 11 }],
      },
      {
        name: 'kept as plain text, it is still left over',
        text: '# A shared cache\n\n## Motivation\n\nClean builds are slow.\n\n## Guide-level explanation\n\nExplain the change as if it already existed.\n\nYou start a build and most steps finish at once.\n',
        errors: [{ message: left('`## Guide-level explanation`', '“Explain the change as if it already existed.”'), line: 9, column: 1 }],
      },
    ],
  },
  { describe, it },
);

testRule(
  rule,
  {
    template: '# [Title]\n\n## Workflow\n\n**site operator** is a person who runs the service for a region.\n\n**Owner:** your team\n',
    valid: [
      {
        name: 'a sample definition whose bold term the author replaced is their own sentence (a bold term without a colon is no label)',
        text: '# Faster cache\n\n## Workflow\n\n**fleet owner** is a person who runs the service for a region. They change quotas.\n\n**Owner:** Storage Guild\n',
      },
    ],
    invalid: [
      {
        name: 'the sample after a label with a colon is still the template’s',
        text: '# Faster cache\n\n## Workflow\n\n**fleet owner** is a person who runs the service for a region.\n\n**Owner:** your team\n',
        errors: [{ message: left('`## Workflow`', '“your team”'), line: 7, column: 12 }],
      },
    ],
  },
  { describe, it },
);

/** Questions to the author, two to a paragraph. */
const questionsTemplate = '# [Pattern Title]\n\n## Context\n\nWhere does the problem exist? What are the pre-conditions?\n\n## Forces\n\nWhat makes the problem hard?\n';

testRule(
  rule,
  {
    template: questionsTemplate,
    valid: [
      { name: 'questions answered in the pattern', text: '# Shared builds\n\n## Context\n\nTwo teams build the same code.\n\n## Forces\n\nEach build takes an hour.\n' },
    ],
    invalid: [
      {
        name: 'two template questions kept in one paragraph are one leftover, quoting both',
        text: '# Shared builds\n\n## Context\n\nWhere does the problem exist? What are the pre-conditions?\n\n## Forces\n\nWhat makes the problem hard?\n',
        errors: [
          { message: left('`## Context`', '“Where does the problem exist?”, “What are the pre-conditions?”'), line: 5, column: 1 },
          { message: left('`## Forces`', '“What makes the problem hard?”'), line: 9, column: 1 },
        ],
      },
    ],
  },
  { describe, it },
);

describe('placeholder: a list of the template’s questions answered after it', () => {
  const questions =
    '# [Title]\n\n## Compatibility\n\n* How will this proposal interact with the rest of the platform?\n   - How will it work with the mobile runtime?\n   - How will it work with the scheduler?\n   - Will this work on GPUs?\n';
  const kept = (after: string) =>
    `# Named tensors\n\n## Compatibility\n\n* How will this proposal interact with the rest of the platform?\n   - How will it work with the mobile runtime?\n   - How will it work with the scheduler?\n   - Will this work on GPUs?\n${after}`;

  it('takes the questions as a lead-in when the answer follows the list (in its last item, or after it)', async () => {
    expect((await lintOne('placeholder', kept(' For all of these nothing changes: the names live in the front end.\n'), { template: questions })).shown).toEqual([]);
    expect((await lintOne('placeholder', kept('\nNothing changes for any of these: the names live in the front end.\n'), { template: questions })).shown).toEqual([]);
  });

  it('still reports them when the last item is more of the template, not an answer', async () => {
    const withInstruction =
      '# [Title]\n\n## Compatibility\n\n- How will it work with the mobile runtime?\n- How will it work with the scheduler?\n- Describe the migration for existing users.\n';
    const text =
      '# Named tensors\n\n## Compatibility\n\n- How will it work with the mobile runtime?\n- How will it work with the scheduler?\n- Describe the migration for existing users.\n';
    expect((await lintOne('placeholder', text, { template: withInstruction })).shown).toHaveLength(3);
  });

  it('takes a quoted list whose questions carry an aside, and whose last asks for more, as a lead-in when the answer follows it', async () => {
    const quoted =
      '# [Title]\n\n## Testing\n\n> - What is the test plan? (Load tests aside: they belong to the implementation.)\n> - When can we expect results?\n> - Are the results as expected? If not, explain the gap.\n';
    const text =
      '# Apple login\n\n## Testing\n\n> - What is the test plan? (Load tests aside.)\n> - When can we expect results?\n> - Are the results as expected? If not, explain the gap.\n\nSmoke tests of key rotation, then a manual login on devnet, before the release cut.\n';
    expect((await lintOne('placeholder', text, { template: quoted })).shown).toEqual([]);
    // With nothing of the author's after it, the list is still template text left in.
    expect((await lintOne('placeholder', text.replace(/\nSmoke tests[^\n]*\n/, ''), { template: quoted })).shown.length).toBeGreaterThan(0);
  });

  it('still reports them with no answer after them, even where sections follow', async () => {
    expect((await lintOne('placeholder', kept(''), { template: questions })).shown.length).toBeGreaterThan(0);
    expect((await lintOne('placeholder', kept('\n## Rollout\n\nBehind a flag.\n'), { template: questions })).shown.length).toBeGreaterThan(0);
  });
});

describe('placeholder: numbered sample items and bracketed text in code', () => {
  const template = '# [Title]\n\n## Design\n\nExplain the feature.\n\n## Points\n\n* p1\n* p2\n';

  it('finds a numbered item left whole, never the same letters inside an identifier or a sentence', async () => {
    const pattern = '# Curve ops\n\n## Design\n\nThe host adds `g1_p1_sum` and g2_p2_mul; p1 of the curve is fixed.\n\n## Points\n\n* p1\n* the base point\n';
    const { shown } = await lintOne('placeholder', pattern, { template });
    expect(shown).toEqual(["9:3 Template text left in `## Points`: “p1”. Replace it with this pattern's own content."]);
  });

  it('takes bracketed text in inline code (a table cell or a paragraph) as the author’s, and still finds a bracketed instruction outside code', async () => {
    const pattern = [
      '# Accounts',
      '',
      '## Design',
      '',
      '| Index | Flags | Owner |',
      '|---|---|---|',
      '| 0 | `[WRITE, SIGNER]` | [Insert owner name] |',
      '',
      'Account 0 is `[WRITE]` as well.',
      '',
      '## Points',
      '',
      '* Fees are paid once.',
      '',
    ].join('\n');
    const { shown } = await lintOne('placeholder', pattern, { template });
    expect(shown).toEqual(["7:27 Template text left in `## Design`: “[Insert owner name]”. Replace it with this pattern's own content."]);
  });
});

testRule(
  rule,
  {
    template:
      '# [Title]\n\n## Costs\n\nThe aim is the strongest case against the change.\n\nWhat does it cost in speed or money? What would we give up to get it?\n\nIs it new to users? Will it be hard to keep?\n',
    valid: [
      {
        name: 'the template’s guidance quoted whole and answered right after the quote',
        text: '# Warm pool\n\n## Costs\n\n> The aim is the strongest case against the change.\n>\n> What does it cost in speed or money? What would we give up to get it?\n>\n> Is it new to users? Will it be hard to keep?\n\nEach warm host costs a small instance all day; users see nothing new.\n',
      },
    ],
    invalid: [
      {
        name: 'quoted with no answer after it, it is still left over',
        text: '# Warm pool\n\n## Costs\n\n> What does it cost in speed or money? What would we give up to get it?\n>\n> Is it new to users? Will it be hard to keep?\n',
        errors: [
          { message: left('`## Costs`', '“What does it cost in speed or money?”, “What would we give up to get it?”'), line: 5, column: 3 },
          { message: left('`## Costs`', '“Is it new to users?”, “Will it be hard to keep?”'), line: 7, column: 3 },
        ],
      },
    ],
  },
  { describe, it },
);

testRule(
  rule,
  {
    template: '# [Title]\n\n## Contents\n\n- [Overview](#overview)\n  - [Case 1](#case-1)\n\n## Overview\n\nSay what changes.\n\n### Case 1\n\n### Case 2\n',
    valid: [
      {
        name: 'a table of contents naming the pattern’s own headings, the template’s sample names among them',
        text: '# Night digest\n\n## Contents\n\n- [Overview](#overview)\n  - [Case 1](#case-1)\n  - [Case 2](#case-2)\n  - [Case 3](#case-3)\n\n## Overview\n\nAlerts wait for the morning.\n\n### Case 1\n\nStorage.\n\n### Case 2\n\nBilling.\n\n### Case 3\n\nSupport.\n',
      },
      {
        name: 'an entry for a heading the pattern does not have, by the anchor its words make, is a dead entry of its contents: the link rule’s broken anchor, not template text too',
        text: '# Night digest\n\n## Contents\n\n- [Overview](#overview)\n  - [Case 1](#case-1)\n\n## Overview\n\nAlerts wait for the morning.\n\n### Storage\n\nPaging for outages only.\n',
      },
    ],
    invalid: [
      {
        name: 'the template’s entry linked elsewhere than its own anchor is still the template’s',
        text: '# Night digest\n\n## Contents\n\n- [Overview](#overview)\n  - [Case 1](#storage)\n\n## Overview\n\nAlerts wait for the morning.\n\n### Storage\n\nPaging for outages only.\n',
        errors: [{ message: left('`## Contents`', '“Case 1”'), line: 6, column: 6 }],
      },
    ],
  },
  { describe, it },
);

testRule(
  rule,
  {
    template: '# [Title]\n\n[TOC]\n\n## Context\n\nWhere it applies.\n\n### [Option title]\n\nDescribe the option.\n',
    valid: [
      {
        name: 'a table-of-contents directive kept from the template',
        text: '# Quiet banner\n\n[TOC]\n\n## Context\n\nApps that read sensors in the background.\n\n### A status-bar marker\n\nA small icon while reading.\n',
      },
    ],
    invalid: [
      {
        name: 'a heading placeholder kept is left over',
        text: '# Quiet banner\n\n## Context\n\nApps that read sensors in the background.\n\n### [Option title]\n\nDescribe the option.\n',
        errors: [
          { message: left('a heading', '“[Option title]”'), line: 7, column: 5, severity: 'error' },
          { message: left('`### [Option title]`', '“Describe the option.”'), line: 9, column: 1, severity: 'error' },
        ],
      },
    ],
  },
  { describe, it },
);

testRule(
  rule,
  {
    template:
      '# [Title]\n\n## Rollout\n\nHow is the change switched on and off again?\n\nThink about these while planning it:\n\n- Does anything users rely on change when they upgrade?\n- What must a user change to use it?\n',
    valid: [
      {
        name: 'the template’s questions kept, then answered by items of the author’s in the same list',
        text: '# Soft delete\n\n## Rollout\n\nHow is the change switched on and off again?\n\nThink about these while planning it:\n\n- Does anything users rely on change when they upgrade?\n- What must a user change to use it?\n\n- Nothing changes: a flag, off by default.\n- An administrator turns the flag on.\n',
      },
    ],
    invalid: [
      {
        name: 'kept with no answer of the author’s, they are left over',
        text: '# Soft delete\n\n## Rollout\n\nHow is the change switched on and off again?\n\nThink about these while planning it:\n\n- Does anything users rely on change when they upgrade?\n- What must a user change to use it?\n',
        errors: [
          { message: left('`## Rollout`', '“How is the change switched on and off again?”'), line: 5, column: 1 },
          { message: left('`## Rollout`', '“Does anything users rely on change when they upgrade?”'), line: 9, column: 3 },
          { message: left('`## Rollout`', '“What must a user change to use it?”'), line: 10, column: 3 },
        ],
      },
    ],
  },
  { describe, it },
);

describe('placeholder: blanks of the template’s front matter', () => {
  const template =
    '---\nstatus: Draft\ncreated: <mm/dd/yyyy>\nauthors:\n  - "[Your name]"\ntracking: (fill in once accepted)\n---\n\n# [Title]\n\n## Overview\n\nWhat it is.\n';
  it('kept as the value of the same key: reported at the value; a default the template gives (`status: Draft`) and the author’s own values are not', async () => {
    const source =
      '---\nstatus: Accepted\ncreated: <mm/dd/yyyy>\nauthors:\n  - Ada Byron\n  - "[Your name]"\ntracking: https://example.org/issues/7\n---\n\n# Lease renewal\n\n## Overview\n\nLeases renew early.\n';
    const { shown } = await lintOne('placeholder', source, { template });
    expect(shown).toEqual([
      "3:10 Template text left in front matter `created`: “<mm/dd/yyyy>”. Replace it with this pattern's own content.",
      "6:6 Template text left in front matter `authors`: “[Your name]”. Replace it with this pattern's own content.",
    ]);
  });

  it('filled in, nothing', async () => {
    const source =
      '---\nstatus: Accepted\ncreated: 2026-03-01\nauthors: [Ada Byron]\ntracking: https://example.org/issues/7\n---\n\n# Lease renewal\n\n## Overview\n\nLeases renew early.\n';
    expect((await lintOne('placeholder', source, { template })).shown).toEqual([]);
  });
});

describe('placeholder: front matter blanks the template lets wait', () => {
  const template =
    '---\ncreated: <mm/dd/yyyy>\nupdated (*optional): <mm/dd/yyyy>\nfeature: (fill in with the tracking issue once accepted)\n---\n\n# [Title]\n\n## Overview\n\nWhat it is.\n';
  it('an optional key, or a blank filled in at a later stage, kept: a warning that says why', async () => {
    const source =
      '---\ncreated: 2026-01-05\nupdated (*optional): <mm/dd/yyyy>\nfeature: (fill in with the tracking issue once accepted)\n---\n\n# Lease renewal\n\n## Overview\n\nLeases renew early.\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      "warning 3 Template text left in front matter `updated (*optional)`: “<mm/dd/yyyy>”. Replace it with this pattern's own content. (The template makes this key optional: fill it in or remove the line. A warning.)",
      "warning 4 Template text left in front matter `feature`: “(fill in with the tracking issue once accepted)”. Replace it with this pattern's own content. (The template fills it in at a later stage. A warning.)",
    ]);
  });
});

describe('placeholder: `TBD` as the template’s value of a field named for a role', () => {
  const template =
    '# [Title]\n\n## Metadata\n\n| Field | Value |\n| --- | --- |\n| Authors | [Your name] |\n| Review Manager | TBD |\n| Effort | TBD |\n\n**Shepherd:** TBA\n\n## Overview\n\nWhat it is.\n';
  it('kept is someone not chosen yet, a warning; the same `TBD` for a field the author fills in stays an error', async () => {
    const source =
      '# Lease renewal\n\n## Metadata\n\n| Field | Value |\n| --- | --- |\n| Authors | Ada Byrne |\n| Review Manager | TBD |\n| Effort | TBD |\n\n**Shepherd:** TBA\n\n## Overview\n\nLeases renew a day early.\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      'warning 8 The template’s “TBD” kept in `## Metadata`, where it offers it for someone not chosen yet: name them once they are. (A warning.)'.replace('’', "'"),
      "error 9 Template text left in `## Metadata`: “TBD”. Replace it with this pattern's own content.",
      "warning 11 The template's “TBA” kept in `## Metadata`, where it offers it for someone not chosen yet: name them once they are. (A warning.)",
    ]);
  });
});

describe('placeholder: `TBD` as an entry of a front matter list', () => {
  const template = '---\nowner: TBD\nreviewers:\n  - "@someone"\n  - TBD\n---\n\n# [Title]\n\n## Overview\n\nWhat it is.\n';
  it('kept in a list the template gives is a warning (not chosen yet); kept as a single value it is left over', async () => {
    const source = '---\nowner: TBD\nreviewers:\n  - "@ada"\n  - TBD\n---\n\n# Lease renewal\n\n## Overview\n\nLeases renew early.\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      "error 2 Template text left in front matter `owner`: “TBD”. Replace it with this pattern's own content.",
      "warning 5 Template text left in front matter `reviewers`: “TBD”. Replace it with this pattern's own content. (The template offers it as an entry of this list for what is not decided yet: name it once it is. A warning.)",
    ]);
  });

  it('kept as the single value of a key for someone the process assigns (`reviewer: TBD`): a warning (not chosen yet)', async () => {
    const single = '---\nowner: TBD\nreviewer: TBD\n---\n\n# [Title]\n\n## Overview\n\nWhat it is.\n';
    const source = '---\nowner: Ada\nreviewer: TBD\n---\n\n# Lease renewal\n\n## Overview\n\nLeases renew early.\n';
    const { diagnostics } = await lintOne('placeholder', source, { template: single });
    expect(diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      "warning 3 Template text left in front matter `reviewer`: “TBD”. Replace it with this pattern's own content. (The template offers it for someone not chosen yet: name them once they are. A warning.)",
    ]);
  });

  it('written as the list writes its entries (`"@TBD"` among `"@owner"`s) it is that entry still: a warning', async () => {
    const source = '---\nowner: Ada\nreviewers:\n  - "@ada"\n  - "@TBD"\n---\n\n# Lease renewal\n\n## Overview\n\nLeases renew early.\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.line} ${d.message.slice(0, 70)}`)).toEqual([
      'warning 5 Template text left in front matter `reviewers`: “@TBD”. Replace it wit',
    ]);
  });
});

describe('placeholder: a date’s format and a list of choices, as the template writes them', () => {
  const template =
    '---\ntrack: alpha|beta|stable\nopened: yyyy-mm-dd\n---\n\n# [Title]\n\n- Decided: YYYY-MM-DD\n\n## Overview\n\nWhat it is.\n\n| Step | Date |\n| --- | --- |\n| Review | MM/DD/YYYY |\n';
  it('kept where the value goes (front matter, after a label, a cell): left over', async () => {
    const source =
      '---\ntrack: alpha|beta|stable\nopened: yyyy-mm-dd\n---\n\n# Lease renewal\n\n- Decided: YYYY-MM-DD\n\n## Overview\n\nLeases renew early.\n\n| Step | Date |\n| --- | --- |\n| Review | MM/DD/YYYY |\n';
    const { shown } = await lintOne('placeholder', source, { template });
    expect(shown).toEqual([
      "2:8 Template text left in front matter `track`: “alpha|beta|stable”. Replace it with this pattern's own content.",
      "3:9 Template text left in front matter `opened`: “yyyy-mm-dd”. Replace it with this pattern's own content.",
      "8:12 Template text left in the introduction: “YYYY-MM-DD”. Replace it with this pattern's own content.",
      "16:12 Template text left in `## Overview`: “MM/DD/YYYY”. Replace it with this pattern's own content.",
    ]);
  });

  it('its digits written as x’s (`Date: 202x-xx-xx`, `20XX-XX-XX`): the same blank, left over where kept; filled in, nothing', async () => {
    for (const mask of ['202x-xx-xx', '20XX-XX-XX', 'xx.xx.xxxx']) {
      const template = `# [Title]\n\nDate: ${mask}\n\n## Overview\n\nWhat it is.\n`;
      expect((await lintOne('placeholder', `# Lease renewal\n\nDate: ${mask}\n\n## Overview\n\nLeases renew early.\n`, { template })).shown).toEqual([
        `3:7 Template text left in the introduction: “${mask}”. Replace it with this pattern's own content.`,
      ]);
      expect((await lintOne('placeholder', '# Lease renewal\n\nDate: 2024-03-01\n\n## Overview\n\nLeases renew early.\n', { template })).shown).toEqual([]);
    }
  });

  it('filled in, or the format named in the author’s sentence: nothing', async () => {
    const source =
      '---\ntrack: beta\nopened: 2026-02-03\n---\n\n# Lease renewal\n\n- Decided: 2026-02-10\n\n## Overview\n\nLeases renew early; every date in the lease log is written YYYY-MM-DD, never MM/DD/YYYY.\n\n| Step | Date |\n| --- | --- |\n| Review | 02/20/2026 |\n';
    expect((await lintOne('placeholder', source, { template })).shown).toEqual([]);
  });
});

describe('placeholder: a sample table row whose only text is its number (`| RISK-1 |  |  |`)', () => {
  const template =
    '# Proposal: [Title]\n\n## Summary\n\n[One paragraph on what changes.]\n\n## Risks\n\n| ID | Risk | Mitigation |\n| --- | --- | --- |\n| RISK-1 |  |  |\n';
  const page = (rows: string) =>
    `# Proposal: Build cache\n\n## Summary\n\nCache build outputs between runs.\n\n## Risks\n\n| ID | Risk | Mitigation |\n| --- | --- | --- |\n${rows}\n`;

  it('is the label of the author’s row when its other cells are theirs, numbered as the template numbers them', async () => {
    const own = await lintOne('placeholder', page('| RISK-1 | A stale cache | Key it on the lockfile |\n| RISK-2 | Storage grows | Expire after a week |'), { template });
    expect(own.diagnostics).toEqual([]);
  });

  it('is left in when the rest of its row is still empty', async () => {
    const blank = await lintOne('placeholder', page('| RISK-1 |  |  |'), { template });
    expect(blank.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
      "error 11:3 Template text left in `## Risks`: “RISK-1”. Replace it with this pattern's own content.",
    ]);
  });
});

describe('placeholder: a note in parentheses, or the choices, that is all its line, value or cell', () => {
  const template =
    '# [Title]\n\n- Supersedes: (write "none" unless it replaces one, then link it)\n\n| Field | Value |\n| --- | --- |\n| Track | Draft / In Review / Final |\n\n## Motivation\n\n(why it matters)\n\n## Design\n\nThe design (a diagram helps) and its parts.\n';
  it('kept as the template wrote it: left over', async () => {
    const source =
      '# Quiet mode\n\n- Supersedes: (write "none" unless it replaces one, then link it)\n\n| Field | Value |\n| --- | --- |\n| Track | Draft / In Review / Final |\n\n## Motivation\n\n(why it matters)\n\n## Design\n\nA flag turns output down.\n';
    const { shown } = await lintOne('placeholder', source, { template });
    expect(shown).toEqual([
      '3:15 Template text left in the introduction: “(write "none" unless it replaces one, then link it)”. Replace it with this pattern\'s own content.',
      "7:11 Template text left in the introduction: “Draft / In Review / Final”. Replace it with this pattern's own content.",
      "11:1 Template text left in `## Motivation`: “(why it matters)”. Replace it with this pattern's own content.",
    ]);
  });

  it('filled in, or a parenthesis inside the author’s sentence: nothing', async () => {
    const source =
      '# Quiet mode\n\n- Supersedes: none\n\n| Field | Value |\n| --- | --- |\n| Track | In Review |\n\n## Motivation\n\nLogs drown the one line that matters (why it matters is in the survey).\n\n## Design\n\nThe design (a diagram helps) and its parts: one flag.\n';
    expect((await lintOne('placeholder', source, { template })).shown).toEqual([]);
  });
});

describe('placeholder: notes in parentheses that are right kept, or filled in later', () => {
  const template =
    '---\nrelated-issues: (will hold the links to the pull requests)\n---\n\n# [Title]\n\n- Implementation PR: (leave this empty)\n- Tracking Issue: (leave blank)\n- Target Version: (2.x / 3.x)\n\n## Scale\n\n- Objects added: (e.g. one record per user)\n';
  it('`(leave this empty)`, an example, a short value: kept, nothing; a blank the template fills in later: a warning', async () => {
    const source =
      '---\nrelated-issues: (will hold the links to the pull requests)\n---\n\n# Quiet mode\n\n- Implementation PR: (leave this empty)\n- Tracking Issue: (leave blank)\n- Target Version: (2.x / 3.x)\n\n## Scale\n\n- Objects added: (e.g. one record per user)\n\nNone: the flag is kept in memory.\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      "warning 2 Template text left in front matter `related-issues`: “(will hold the links to the pull requests)”. Replace it with this pattern's own content. (The template fills it in at a later stage. A warning.)",
    ]);
  });
});

describe('placeholder: a process document that quotes its template', () => {
  const template = [
    '<details>',
    '<summary>How to file a proposal</summary>',
    '',
    '- Copy this file and name it after your change.',
    '- Link to the minutes from the proposal (in the Outcome section).',
    '</details>',
    '',
    '# [Title]',
    '',
    '## Change',
    '',
    'Describe what changes in the bakery routine.',
    '',
    '## Outcome',
    '',
    'Explain what the tasting panel decided.',
    '',
  ].join('\n');

  /** A process document of the bakery's: its two sections of the template, with the text given. */
  const processDoc = (change: string, outcome: string) => `# How we file proposals\n\n## Change\n\n${change}\n\n## Outcome\n\n${outcome}\n`;

  it('takes the help before the template’s title, quoted in a section of the pattern, as the author’s text; left before the title, it is still found', async () => {
    const process = processDoc(
      'Proposals are pinned by the ovens.',
      '- When it is settled, the secretary writes the minutes. Link to the minutes from the proposal (in the Outcome section).',
    );
    expect((await lintOne('placeholder', process, { template })).shown).toEqual([]);
    const kept = ['- Link to the minutes from the proposal (in the Outcome section).', '', process].join('\n');
    expect((await lintOne('placeholder', kept, { template })).shown).toHaveLength(1);
  });

  it('looks for the template’s title placeholder where a title goes (the title area, a heading), not in a sentence that shows a format', async () => {
    const process = processDoc('Each printed proposal is headed like **_[STATUS] Proposal #[number]: [Title]_** on the board.', 'The panel decides.');
    expect((await lintOne('placeholder', process, { template })).shown).toEqual([]);
    expect((await lintOne('placeholder', process.replace('## Change', 'A note on [Title].\n\n## Change'), { template })).shown).toHaveLength(1);
    expect((await lintOne('placeholder', process.replace('## Outcome', '## Outcome of [Title]'), { template })).shown).toHaveLength(1);
  });

  it('takes a list item that names a section of the template and then its guidance as a description of that section, not text left in', async () => {
    const process = [
      '# How we file proposals',
      '',
      '## Change',
      '',
      'Proposals are pinned by the ovens.',
      '',
      '## Outcome',
      '',
      'The panel decides.',
      '',
      '## What a good proposal holds',
      '',
      '- Change - Describe what changes in the bakery routine. Short is fine.',
      '- Outcome: Explain what the tasting panel decided.',
      '',
    ].join('\n');
    expect((await lintOne('placeholder', process, { template })).shown).toEqual([]);
    // The guidance alone, or after another section's name, is still left in.
    const left = process.replace('- Change - Describe', '- Describe').replace('- Outcome: Explain', '- Change: Explain');
    expect((await lintOne('placeholder', left, { template })).shown).toHaveLength(2);
  });
});

describe('placeholder: a TODO/TBD marker in the author’s own sentence', () => {
  const template = '# [Title]\n\n- Budget: TBD\n\n## Design\n\nExplain the design.\n';
  const page = (design: string, budget = '40 euros') => `# Hose splitter\n\n- Budget: ${budget}\n\n## Design\n\n${design}\n`;

  it('is an open item, a warning, where it stands in a sentence', async () => {
    const found = await lintOne('placeholder', page('Two outlets; the thread size is TBD until the supplier answers.'), { template });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.line} ${d.message.slice(0, 40)}`)).toEqual(['warning 7 An open item in `## Design`: “TBD”, in t']);
  });

  it('is an open item too where the author’s own note follows it, in brackets or after a sentence', async () => {
    for (const design of [
      'Two outlets, fed from the tap (TBD: ask the supplier which thread the tap has).',
      'Two outlets, fed from the tap (*TBD: ask the supplier which thread the tap has*).',
      'Two outlets, fed from the tap. TBD: ask the supplier which thread the tap has.',
    ]) {
      const found = await lintOne('placeholder', page(design), { template });
      expect(found.diagnostics.map((d) => `${d.severity} ${d.line} ${d.message.slice(0, 40)}`)).toEqual(['warning 7 An open item in `## Design`: “TBD”, in t']);
    }
    // (A marker in brackets with nothing of the author's after it is still a blank.)
    const bare = await lintOne('placeholder', page('Two outlets, fed from the tap (TBD).'), { template });
    expect(bare.diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual(['error 7']);
  });

  it('is an open item, a warning, as a list item or table cell of its own among the author’s, where the template has none there', async () => {
    const items = await lintOne('placeholder', page('Fittings by size:\n\n* Half inch: brass\n* Three quarter inch:\n  * TBD'), { template });
    expect(items.diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual(['warning 11']);
    expect(items.diagnostics[0]!.message).toContain(
      "An open item in `## Design`: “TBD”, in the author's own list item or table cell, where the template has no such marker.",
    );
    const cell = await lintOne('placeholder', page('| Part | Thread |\n| --- | --- |\n| Outlet | TBD |'), { template });
    expect(cell.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('is the template’s blank left standing, an error, as a value or alone', async () => {
    const asValue = await lintOne('placeholder', page('Two outlets and a tap.', 'TBD'), { template });
    expect(asValue.diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual(['error 3']);
    const alone = await lintOne('placeholder', page('TBD'), { template });
    expect(alone.diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual(['error 7']);
  });
});

describe('placeholder: a link target of the template with a blank in it', () => {
  const template =
    '# [Title]\n\n* Proposal: [PR-NNNN](NNNN-filename.md)\n* Previous Revision: [1](https://bakers.org/repo/blob/...commit-ID.../NNNN-filename.md)\n* Review: ([pitch](https://forums.bakers.org/...))\n\n## Design\n\nExplain the design.\n';

  it('is a sample link left in where a pattern keeps it, and nothing where the pattern links its own pages', async () => {
    const kept =
      '# Night buses\n\n* Proposal: [PR-0042](0042-night-buses.md)\n* Previous Revision: [1](https://bakers.org/repo/blob/...commit-ID.../NNNN-filename.md)\n* Review: ([pitch](https://forums.bakers.org/...))\n\n## Design\n\nA loop.\n';
    const found = await lintOne('placeholder', kept, { template, files: { 'example/0042-night-buses.md': '# x\n' } });
    expect(found.shown.map((s) => s.replace(/^\d+:\d+ /, ''))).toEqual([
      'Sample link target left in: “https://bakers.org/repo/blob/...commit-ID.../NNNN-filename.md”. Link to a real page.',
      'Sample link target left in: “https://forums.bakers.org/...”. Link to a real page.',
    ]);
    const own = kept
      .replace('https://bakers.org/repo/blob/...commit-ID.../NNNN-filename.md', 'https://bakers.org/repo/blob/4f2a9c1/0042-night-buses.md')
      .replace('https://forums.bakers.org/...', 'https://forums.bakers.org/t/night-buses/77');
    expect((await lintOne('placeholder', own, { template })).shown).toEqual([]);
  });

  it('a real numbered document the template cites is no sample: the pattern may cite another of its series', async () => {
    const citing = '# [Title]\n\nThis layout follows [GDL 7](https://gliding.invalid/guides/gdl-0007/).\n\n## Design\n\nExplain the design.\n';
    const pattern = '# Winch launches\n\nSee [GDL 12](https://gliding.invalid/guides/gdl-0012/) for the older rule.\n\n## Design\n\nA longer cable.\n';
    expect((await lintOne('placeholder', pattern, { template: citing })).shown).toEqual([]);
    // (A small number on a name, `related-pattern-1/`, is still a sample.)
    const sample = '# [Title]\n\n## Design\n\nSee [the other](../related-pattern-1/README.md).\n';
    expect(
      (await lintOne('placeholder', '# Winch launches\n\n## Design\n\nSee [the other](../related-pattern-1/README.md).\n', { template: sample })).shown,
    ).toHaveLength(1);
  });
});

describe('placeholder: a file with under half of the template’s sections', () => {
  it('quotes the template (a process document that shows the header lines): warnings that say why', async () => {
    const template =
      '# [Title]\n\n* Number: <number>\n* Author: <name>\n\n## Abstract\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nHow.\n\n## Security\n\nRisks.\n';
    const process = '# How to write a proposal\n\n## The header\n\nStart with these lines:\n\n* Number: <number>\n* Author: <name>\n\nThen write the sections.\n';
    const found = await lintOne('placeholder', process, { template });
    expect(found.diagnostics.length).toBeGreaterThan(0);
    for (const d of found.diagnostics) {
      expect(d.severity).toBe('warning');
      expect(d.message).toContain('under half of the template’s sections');
    }
  });
});

describe('placeholder: template text left in a section the template asks for only from a later stage', () => {
  it('a warning that names the stage; an error where the pattern has reached it', async () => {
    const { lint } = await import('../../../src/lint/lint.js');
    const { tempCatalog } = await import('../../helpers.js');
    const files: Record<string, string> = {
      'templates/plot.md':
        '# [Plot]\n\n* Status: sketched|dug|planted|completed\n* Gardener: [name]\n\n## Gist\n\nWhat for.\n\n## Watering\n\nThis section must be completed when targeting planted.\n\n- [Water source]\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/plot.md', patterns: ['plots/*.md'] }),
      'plots/herbs.md': '# Herbs\n\n* Status: dug\n* Gardener: Ines\n\n## Gist\n\nA herb plot.\n\n## Watering\n\n- [Water source]\n',
      'plots/beans.md': '# Beans\n\n* Status: completed\n* Gardener: Ines\n\n## Gist\n\nA bean plot.\n\n## Watering\n\n- [Water source]\n',
    };
    const report = await lint({ root: await tempCatalog(files), only: ['placeholder'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toEqual([
      "plots/beans.md error Template text left in `## Watering`: “[Water source]”. Replace it with this pattern's own content.",
      "plots/herbs.md warning Template text left in `## Watering`: “[Water source]”. Replace it with this pattern's own content. (The template asks for `## Watering` from planted on, which this pattern is not known to have reached. A warning.)",
    ]);
  });
});

describe('placeholder: the first status the template lists is a draft’s', () => {
  it('what is left of the template in a pattern of that status is a warning; once it moves on, an error', async () => {
    const { lint } = await import('../../../src/lint/lint.js');
    const { tempCatalog } = await import('../../helpers.js');
    const files: Record<string, string> = {
      'templates/plot.md': '# [Plot]\n\n* Status: Seedling|Growing|Cropped\n* Gardener: [name]\n\n## Gist\n\n[What the plot is for]\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/plot.md', patterns: ['plots/*.md'] }),
      'plots/herbs.md': '# Herbs\n\n* Status: Seedling\n* Gardener: Ines\n\n## Gist\n\n[What the plot is for]\n',
      'plots/beans.md': '# Beans\n\n* Status: Growing\n* Gardener: Ines\n\n## Gist\n\n[What the plot is for]\n',
    };
    const report = await lint({ root: await tempCatalog(files), only: ['placeholder'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`))).toEqual(['plots/beans.md error', 'plots/herbs.md warning']);
  });
});

describe('placeholder: a form’s questions answered on their line, and values of its own', () => {
  const template =
    '# Request Template\n\n## Applicant\n\n- Name\n- When was the team founded?\n- Who are the major backers of your team?\n\n## Parameters\n\n- **Review period**: 2 Weeks.\n- **Quiet period**: 3 Days.\n';
  it('a question kept and answered after it in the same item is filled in', async () => {
    const text =
      '# Request C\n\n## Applicant\n\n- Name: Cove\n- When was the team founded? In May 2017.\n- Who are the major backers of your team? A holding company in Oslo owns it.\n\n## Parameters\n\n- **Review period**: 1 Month.\n- **Quiet period**: 4 Days.\n';
    expect((await lintOne('placeholder', text, { template })).shown).toEqual([]);
    // …but kept with nothing after it, it is left in.
    const bare = text.replace(' A holding company in Oslo owns it.', '');
    expect((await lintOne('placeholder', bare, { template })).shown).toEqual([
      "7:3 Template text left in `## Applicant`: “Who are the major backers of your team?”. Replace it with this pattern's own content.",
    ]);
  });
  it('a value with another number (`4 Days.` for the template’s `3 Days.`) is the author’s own; the same value is kept, maybe as theirs: a warning', async () => {
    const own = '# Request D\n\n## Applicant\n\n- Name: Dune\n\n## Parameters\n\n- **Review period**: 1 Month.\n- **Quiet period**: 4 Days.\n';
    expect((await lintOne('placeholder', own, { template })).shown).toEqual([]);
    const same = await lintOne('placeholder', own.replace('4 Days.', '3 Days.'), { template });
    expect(same.shown).toEqual([
      "10:21 Template text left in `## Parameters`: “3 Days.”. Replace it with this pattern's own content. (The template's sample value, kept as it is: if it is this pattern's value too, keep it. A warning.)",
    ]);
    expect(same.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('placeholder: the template’s quoted guidance under its header, where the catalog keeps summaries elsewhere', () => {
  const template =
    '# {RFC_TITLE}\n\n* **Original Author(s):**: @{AUTHOR}\n* **Tracking Issue**: #{TRACKING_ISSUE}\n\n> Write one sentence which is a brief description of the feature. It should describe:\n>\n> * What is the user pain we are solving?\n> * How does it impact users?\n\n## Working Backwards\n\nThe changelog.\n';
  const text =
    '# RFC-473 - Pipes\n\n* **Original Author(s):**: @someone\n* **Tracking Issue**: #473\n\n> Write one sentence which is a brief description of the feature. It should\n> describe:\n>\n> - What is the user pain we are solving?\n> - How does it impact users?\n\n## Working Backwards\n\nPipes connect sources to targets.\n';
  it('kept in a pattern, it is left in: its sentences are found', async () => {
    const { shown } = await lintOne('placeholder', text, { template, config: { summary: { from: 'first-paragraph' } } });
    expect(shown.map((s) => s.replace(/^\d+:\d+ /, ''))).toEqual([
      "Template text left in the introduction: “Write one sentence which is a brief description of the feature.”. Replace it with this pattern's own content.",
      "Template text left in the introduction: “What is the user pain we are solving?”. Replace it with this pattern's own content.",
    ]);
  });
});

describe('placeholder: a form kept and answered under its items', () => {
  const template =
    '# RFC NNNN - (name)\n\n## Summary\n\nOne paragraph about the change.\n\n## Risks\n\nPlease answer each of these questions:\n\n* Does this break existing users?\n* Does this change the file format?\n* If this changes the core library, what happens to older tools?\n\n## Tooling\n\nList what tools should offer, including any of these:\n\n* Debugging\n  * Breakpoints\n  * Watches\n* Tooltips\n\n## Locale\n\nDoes it read or write dates? For example, are its outputs fixed or local.\n\n## Teaching\n\n*Would it change the docs? Does it change how it is taught?*\n';
  const answered =
    '# RFC 0001 - Widget cache\n\n## Summary\n\nThe last ten widgets stay in memory.\n\n## Risks\n\nPlease answer each of these questions:\n\n* Does this break existing users?\n  * No, callers never see it.\n* Does this change the file format?\n  * No.\n* If this changes the core library, what happens to older tools?\n\n## Tooling\n\nList what tools should offer, including any of these:\n\n* Debugging\n  * Breakpoints\n    * N/A.\n  * Watches\n    * N/A.\n* Tooltips\n  * The cache size.\n\n## Locale\n\nDoes it read or write dates? For example, are its outputs fixed or local.\n\n* No.\n\n## Teaching\n\n*Would it change the docs? Does it change how it is taught?*\nOne new page.\n';
  it('the lead-in over answered items, a question asked only in some case left unanswered, a question with an example answered below, questions answered in their paragraph: filled in', async () => {
    expect((await lintOne('placeholder', answered, { template })).shown).toEqual([]);
  });
  it('left unanswered, each is still template text left in', async () => {
    const bare =
      '# RFC 0002 - Quiet logs\n\n## Summary\n\nDebug lines hide.\n\n## Risks\n\nPlease answer each of these questions:\n\n* Does this break existing users?\n* Does this change the file format?\n* If this changes the core library, what happens to older tools?\n\n## Tooling\n\nList what tools should offer, including any of these:\n\n* Debugging\n  * Breakpoints\n  * Watches\n* Tooltips\n\n## Locale\n\nDoes it read or write dates? For example, are its outputs fixed or local.\n\n## Teaching\n\n*Would it change the docs? Does it change how it is taught?*\n';
    const shown = (await lintOne('placeholder', bare, { template })).shown;
    for (const line of [11, 13, 17, 26, 30])
      expect(
        shown.some((s) => s.startsWith(`${line}:`)),
        `line ${line} in ${shown.join('\n')}`,
      ).toBe(true);
  });
});

describe('placeholder: a reference link whose text is a bracketed placeholder’s words', () => {
  it('`[Alternatives Considered][#alternatives]` (its label undefined, shown as written) is the author’s link, not the placeholder', async () => {
    const template = '# [Title]\n\n## Proposal\n\n[Proposal]\n\n## Alternatives Considered\n\n[Alternatives Considered]\n';
    const source =
      '# Retries\n\n## Proposal\n\nRetry with backoff; see [Alternatives\nConsidered][#alternatives-considered] for the others.\n\n## Alternatives Considered\n\nNone.\n';
    expect((await lintOne('placeholder', source, { template })).shown).toEqual([]);
    const kept = '# Retries\n\n## Proposal\n\nRetry with backoff.\n\n## Alternatives Considered\n\n[Alternatives Considered]\n';
    expect((await lintOne('placeholder', kept, { template })).shown).toHaveLength(1);
  });
});

describe('placeholder: a questionnaire’s prompts kept and answered under them', () => {
  // Each prompt is set apart in bold at the head of its paragraph, with the form's level line under it.
  const template = [
    '# Checklist Template',
    '',
    '## Review',
    '',
    '### Releases',
    '',
    '**Describe how releases are planned and who signs them off.**',
    '<br>',
    '**Level one:** Suggested | **Level two:** Required',
    '',
    '### Contacts',
    '',
    '**Document the private channel where vulnerabilities are reported.**',
    '<br>',
    '**Level one:** Required | **Level two:** Required',
    '',
    '**Document a public channel for users.**',
    '<br>',
    '**Level one:** Required | **Level two:** Required',
    '',
    '**A public meeting on a calendar.**',
    '<br>',
    '**Level one:** Suggested | **Level two:** Required',
    '',
    '### Notes',
    '',
    'Describe anything else the reviewers found.',
    '',
  ].join('\n');
  const review = (releases: string, contacts: string, notes = 'Nothing else.') =>
    [
      '# Heron review',
      '',
      '## Review',
      '',
      '### Releases',
      '',
      '**Describe how releases are planned and who signs them off.**',
      '<br>',
      '**Level one:** Suggested | **Level two:** Required',
      releases,
      '### Contacts',
      '',
      contacts,
      '### Notes',
      '',
      notes,
      '',
    ].join('\n');
  const contactsAnswered = [
    '**Document the private channel where vulnerabilities are reported.**',
    '<br>',
    '**Level one:** Required | **Level two:** Required',
    '',
    'A private mailing list, named in the security policy.',
    '',
    '**Document a public channel for users.**',
    '<br>',
    '**Level one:** Required | **Level two:** Required',
    '',
    '<!-- Check the README. -->',
    '',
    '- The forum, linked from the website.',
    '',
  ].join('\n');

  it('a prompt kept with the author’s answer after it (the next paragraph or list, past a comment, or in its own paragraph) is the form, filled in', async () => {
    const nextParagraph = review('\nThe heron team tags a release each month; two maintainers approve it.\n', contactsAnswered);
    expect((await lintOne('placeholder', nextParagraph, { template })).shown).toEqual([]);
    const sameParagraph = review('The heron team tags a release each month; two maintainers approve it.\n', contactsAnswered);
    expect((await lintOne('placeholder', sameParagraph, { template })).shown).toEqual([]);
  });

  it('the prompts listed by the author, with the template’s other criteria, and answered after the list, are a lead-in', async () => {
    const listed = [
      '- Document the private channel where vulnerabilities are reported.',
      '- Document a public channel for users.',
      '- A public meeting on a calendar.',
      '',
      'A private mailing list, and the forum; the meeting is on the foundation calendar.',
      '',
    ].join('\n');
    expect((await lintOne('placeholder', review('\nMonthly tags, approved by two maintainers.\n', listed), { template })).shown).toEqual([]);
  });

  it('a prompt kept with no answer before the next prompt or heading is still left in', async () => {
    const unanswered = contactsAnswered.replace('\nA private mailing list, named in the security policy.\n', '');
    const { shown } = await lintOne('placeholder', review('\n', unanswered), { template });
    expect(shown.map((s) => s.replace(/ Replace it.*$/, ''))).toEqual([
      '7:3 Template text left in `### Releases`: “Describe how releases are planned and who signs them off.”.',
      '14:3 Template text left in `### Contacts`: “Document the private channel where vulnerabilities are reported.”.',
    ]);
    // Listed with nothing after the list, too.
    const listed = '- Document the private channel where vulnerabilities are reported.\n- Document a public channel for users.\n';
    expect((await lintOne('placeholder', review('\nMonthly tags.\n', listed), { template })).shown).toHaveLength(2);
  });

  it('a question kept with the template’s guidance after it, and more of the template next (however short), is still left in', async () => {
    const guidance =
      '# [Title]\n\n## Known Instances\n\nWhere has this been seen before?\nHelps to show this is a real pattern.\n\nMay mention:\n\n* A particular business\n';
    const kept =
      '# Shared roles\n\n## Known Instances\n\nWhere has this been seen before?\nHelps to show this is a real pattern.\n\nMay mention:\n\n* A particular business\n';
    expect((await lintOne('placeholder', kept, { template: guidance })).shown).toHaveLength(1);
    const answered = kept.replace('May mention:\n\n* A particular business\n', 'Two banks run it, with twelve teams between them.\n');
    expect((await lintOne('placeholder', answered, { template: guidance })).shown).toEqual([]);
  });

  it('an instruction the template writes as plain guidance, kept above the author’s text, is still left in', async () => {
    const { shown } = await lintOne('placeholder', review('\nMonthly tags.\n', contactsAnswered, 'Describe anything else the reviewers found.\n\nThe CI badge is red.'), {
      template,
    });
    expect(shown.map((s) => s.replace(/ Replace it.*$/, ''))).toEqual(['31:1 Template text left in `### Notes`: “Describe anything else the reviewers found.”.']);
  });
});

describe('placeholder: the template’s sample diagram', () => {
  const template = '# [Title]\n\n## Diagram\n\n```mermaid\nflowchart LR\n    a[Raw Inputs] --> b[Worker]\n```\n\n## Steps\n\nWhat to do.\n';
  it('brackets in a diagram are node shapes: a label the pattern’s own diagram shares is no placeholder; the sample kept as it is, is', async () => {
    const own = '# Report builds\n\n## Diagram\n\n```mermaid\nflowchart TD\n    src[Raw Inputs] --> q[Queue] --> w[Builder]\n```\n\n## Steps\n\nQueue the build.\n';
    expect((await lintOne('placeholder', own, { template })).shown).toEqual([]);
    const kept = own.replace(/```mermaid[\s\S]*?```/, '```mermaid\nflowchart LR\n  a[Raw Inputs] --> b[Worker]\n```');
    expect((await lintOne('placeholder', kept, { template })).shown).toEqual([
      "5:1 Template text left in `## Diagram`: the template's sample diagram, as it is. Replace it with this pattern's own content.",
    ]);
  });
});

describe('placeholder: the blank template shown in a document of the catalog', () => {
  const template =
    '# PROP-XXXX: Title\n\n| field | value |\n|---|---|\n| opened | YYYY-MM-DD |\n\n## Background\n\nDescribe why this proposal exists.\n\n## Plan\n\nWhat will be done.\n';
  const process = [
    '# PROP-0001: How proposals work',
    '',
    '| field | value |',
    '|---|---|',
    '| opened | 2019-02-11 |',
    '',
    '## Background',
    '',
    'Proposals record larger decisions.',
    '',
    '## Plan',
    '',
    'Every proposal starts from the blank form:',
    '',
    '## PROP-XXXX: Title',
    '',
    '| field | value |',
    '|---|---|',
    '| opened | YYYY-MM-DD |',
    '',
    '## Background',
    '',
    'Describe why this proposal exists.',
    '',
  ].join('\n');

  it('what the copy holds (from the template’s title line as a heading, through the template’s sections after it) is a warning that says it is a copy', async () => {
    const { diagnostics } = await lintOne('placeholder', process, { template });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [19, 'warning'],
      [23, 'warning'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      "Template text in `## PROP-XXXX: Title`: “YYYY-MM-DD”, in the copy of the blank template this document shows from line 15 (the template's title line as a heading, not in a code block). To show the template as it is, put it in a code block; if it is no copy, replace it with this pattern's own content. (A warning.)",
    );
  });

  it('the same text in the document’s own sections, or after a heading of its own past the copy, is still an error', async () => {
    const own = process.replace('| opened | 2019-02-11 |', '| opened | YYYY-MM-DD |') + '\n## Rollout\n\nDescribe why this proposal exists.\n';
    const { diagnostics } = await lintOne('placeholder', own, { template });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [5, 'error'],
      [19, 'warning'],
      [23, 'warning'],
      [27, 'error'],
    ]);
  });

  it('the template’s sample code (its header in a code block) shown in a code block of another section is a warning that says so; left in its own place it is an error', async () => {
    const coded = '# PROP-N\n\n```\nnumber: <given by the stewards>\nauthor: <your handle>\n```\n\n## Background\n\nDescribe why this proposal exists.\n';
    const shown =
      '# PROP-1\n\n```\nnumber: 1\nauthor: @kim\n```\n\n## Background\n\nThe header of a proposal looks so:\n\n```\nnumber: <given by the stewards>\nauthor: <your handle>\n```\n';
    const { diagnostics } = await lintOne('placeholder', shown, { template: coded });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [13, 'warning'],
      [14, 'warning'],
    ]);
    expect(diagnostics[0]!.message).toContain("(In a code block of another section than the template's sample: a copy shown on purpose, likely");
    const kept = '# PROP-2\n\n```\nnumber: <given by the stewards>\nauthor: @kim\n```\n\n## Background\n\nWe need it.\n';
    expect((await lintOne('placeholder', kept, { template: coded })).diagnostics.map((d) => [d.line, d.severity])).toEqual([[4, 'error']]);
  });

  it('a pattern whose first heading is the template’s title line left it unwritten: an error', async () => {
    const { diagnostics } = await lintOne(
      'placeholder',
      '## PROP-XXXX: Title\n\n| field | value |\n|---|---|\n| opened | YYYY-MM-DD |\n\n## Background\n\nWe need it.\n',
      { template },
    );
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
  });
});

describe('placeholder: a label that is a writing verb', () => {
  it('a table’s one-word label (`state`) is no instruction to the author', async () => {
    const template = '# Title\n\n| key | value |\n|---|---|\n| owner | name |\n| state | open |\n\n## Problem\n\nWhat is wrong.\n';
    const item = '# Item 1\n\n| key | value |\n|---|---|\n| owner | Dana |\n| state | closed |\n\n## Problem\n\nThe gate sticks in wet weather.\n';
    expect((await lintOne('placeholder', item, { template })).shown).toEqual([]);
  });
});

describe('placeholder: a blank the catalog’s process fills in', () => {
  it('kept as the template writes it (`(number -- assigned by the editor)`) is a warning that says so; the author’s own blanks stay errors', async () => {
    const template =
      '# (proposal title)\n\n| Field | Value |\n|---|---|\n| Number: | (number -- assigned by the editor) |\n| Author: | (your name) |\n\n## Abstract\n\nRequired.\n';
    const page = (author: string) =>
      `# Bell schedule\n\n| Field | Value |\n|---|---|\n| Number: | (number -- assigned by the editor) |\n| Author: | ${author} |\n\n## Abstract\n\nRing twice.\n`;
    const kept = await lintOne('placeholder', page('Ana Ruiz'), { template });
    expect(kept.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      "warning Template text in the introduction: “(number -- assigned by the editor)”, a blank the template says the catalog's process fills in, not the author: kept until then. If that is done, write the value. (A warning.)",
    ]);
    const both = await lintOne('placeholder', page('(your name)'), { template });
    expect(both.diagnostics.map((d) => d.severity).sort()).toEqual(['error', 'warning']);
  });
});

describe('placeholder: a short filler phrase of the template inside the author’s own sentence', () => {
  const template = '# [Title]\n\n## Motivation\n\nTo be completed...\n\n## Specification\n\nTo be completed...\n';
  it('closing a long sentence of theirs (`…never gets to be completed.`): their words, nothing left', async () => {
    const source =
      '# Batch copy\n\n## Motivation\n\nA batch with more than ten thousand widgets takes too long, and the nightly job that copies them never gets to be completed.\n\n## Specification\n\nCopy in pages of a thousand.\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics).toEqual([]);
  });
  it('left alone, or opening the text, it is the template’s blank', async () => {
    const source = '# Batch copy\n\n## Motivation\n\nTo be completed... later, once we measured the nightly job.\n\n## Specification\n\nTo be completed...\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics.map((d) => d.line)).toEqual([5, 9]);
  });
});

describe('placeholder: the template’s guidance kept whole, a short question inside it', () => {
  it('is left in: the rest of the paragraph is the template’s too', async () => {
    const template =
      '# [Title]\n\n## Risks\n\n> - Express here the risks of taking on this proposal. What are the hazards? What can go wrong?\n> - What is the plan for each risk?\n';
    const source =
      '# Batch copy\n\n## Risks\n\n> - Express here the risks of taking on this proposal. What are the hazards? What can go wrong?\n> - What is the plan for each risk?\n';
    const { diagnostics } = await lintOne('placeholder', source, { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual(['error 5', 'error 6']);
  });
});

describe('placeholder: a label’s value the template lists among the values to choose from', () => {
  const template =
    '# Proposal title\n\n**Owner**: <!-- your handle -->\n\n**State**: open\n<!-- State is one of: open, parked, dropped. Keep "open" while it is discussed. -->\n\n## Why\n\n<!-- Why this matters. -->\n';
  it('is its default, kept by a pattern: nothing; a label’s sample the template offers no choice for is still template text', async () => {
    const doc = (state: string) => `# Faster cache\n\n**Owner**: kim\n\n**State**: ${state}\n\n## Why\n\nCold starts hurt.\n`;
    expect((await lintOne('placeholder', doc('open'), { template })).shown).toEqual([]);
    expect((await lintOne('placeholder', doc('parked'), { template })).shown).toEqual([]);
    const sample = template.replace(' is one of: open, parked, dropped.', ' says where it stands.');
    expect((await lintOne('placeholder', doc('open'), { template: sample })).shown).toEqual([expect.stringContaining('“open”')]);
    // (Listed under it, one value per item with what it means.)
    const listed = template.replace(
      '<!-- State is one of: open, parked, dropped. Keep "open" while it is discussed. -->',
      '<!--\nRecord where the proposal stands:\n- open: the default, while it is discussed.\n- parked: kept for later.\n-->',
    );
    expect((await lintOne('placeholder', doc('open'), { template: listed })).shown).toEqual([]);
  });
});

describe('placeholder: a link written with a space before its address', () => {
  it('is the author’s link text, no bracketed instruction; a bracketed instruction alone still is one', async () => {
    const doc = (line: string) => `# Circuit Breaker\n\n> Stops calling a failing dependency.\n\n## Overview\n\n${line}\n`;
    expect((await lintOne('placeholder', doc('[Read the notice here] (https://example.org/notice)'))).shown).toEqual([]);
    expect((await lintOne('placeholder', doc('Decided by [Insert the name of the approver].'))).shown).toEqual([
      expect.stringContaining('[Insert the name of the approver]'),
    ]);
  });
});

describe('placeholder: TBD the template gives a field of an event still to come', () => {
  it('is true until the event: kept, nothing (`- Shipped: TBD`); a field someone fills in is still a blank', async () => {
    const template =
      '# (put your title here)\n\n## Dates\n\n- Opened: (today’s date, YYYY-MM-DD)\n- Approved: TBD\n- Shipped: TBD\n- Owner: TBD\n\n## Summary\n\nOne paragraph.\n';
    const doc = (owner: string) =>
      `# Faster widgets\n\n## Dates\n\n- Opened: 2024-02-01\n- Approved: 2024-03-01\n- Merged to trunk: TBD\n- Shipped: TBD\n- Owner: ${owner}\n\n## Summary\n\nA cache.\n`;
    expect((await lintOne('placeholder', doc('Kim'), { template })).shown).toEqual([]);
    expect((await lintOne('placeholder', doc('TBD'), { template })).diagnostics.map((d) => d.line)).toEqual([9]);
  });
});

describe('placeholder: a marked blank kept as the label of the author’s own words', () => {
  it('is filled (`* [Option 1] Local disk cache`, `### [Option 1] Local disk cache`); kept alone or mid-sentence it is still left in', async () => {
    const template =
      '# [short title]\n\n## Options\n\n* [option 1]\n* [option 2]\n\n## Outcome\n\nPicked: "[option 1]", because [reason].\n\n### [option 1]\n\n* Good, because [argument]\n';
    const doc = (outcome: string) =>
      `# Cache choice\n\n## Options\n\n* [Option 1] Local disk cache\n* [Option 2] Remote object store\n\n## Outcome\n\n${outcome}\n\n### [Option 1] Local disk cache\n\n* Good, because it needs no network\n`;
    expect((await lintOne('placeholder', doc('Picked the disk cache, because it is fast.'), { template })).shown).toEqual([]);
    expect((await lintOne('placeholder', doc('Picked: "[option 1]", because it is fast.'), { template })).shown).toEqual([expect.stringContaining('“[option 1]”')]);
  });
});

describe('placeholder: a sample value the template gives after a label (`**Budget:** 15 minutes per device.`)', () => {
  const template = '# CHECKLIST NAME\n\nWhat this checklist covers.\n\n## Scope\n\n**Budget:** 15 minutes per device.\n\n## Notes\n\nAnything worth knowing.\n';
  const doc = (budget: string) => `# Login checks\n\nChecks for the login screen.\n\n## Scope\n\n**Budget:** ${budget}\n\n## Notes\n\nThe pad locks.\n`;
  it('with a number of the author’s in the template’s words (`40 minutes per device.`): their value, nothing said', async () => {
    expect((await lintOne('placeholder', doc('40 minutes per device.'), { template })).shown).toEqual([]);
  });
  it('kept as it is: it may be this pattern’s value too, a warning', async () => {
    const { diagnostics } = await lintOne('placeholder', doc('15 minutes per device.'), { template });
    expect(diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      "warning Template text left in `## Scope`: “15 minutes per device.”. Replace it with this pattern's own content. (The template's sample value, kept as it is: if it is this pattern's value too, keep it. A warning.)",
    ]);
  });
});

describe('placeholder: the template’s own answer that there is nothing', () => {
  const template =
    '# Title of the change\n\n## Motivation\n\nWhy are we doing this?\n\n## Attachments\n\nThe following attachments must be read before voting:\n\n* (none at this time)\n\n## Owner\n\n* [Owner name]\n';
  it('`(none at this time)` kept, where the template offers it as the answer for nothing, is no blank left (in its section or another); a marked blank beside it still is', async () => {
    const text =
      '# Cache warm-up\n\n## Motivation\n\nCold starts are slow.\n\n## Open Questions\n\n* (none at this time)\n\n## Attachments\n\nThe following attachments must be read before voting:\n\n* (none at this time)\n\n## Owner\n\n* [Owner name]\n';
    expect((await lintOne('placeholder', text, { template })).shown).toEqual([
      "19:3 Template text left in `## Owner`: “[Owner name]”. Replace it with this pattern's own content.",
    ]);
  });
});

describe('placeholder: a blank the template writes as a tag of its own (`<context>`, as adr-tools does)', () => {
  const template = '# <NUMBER>. <TITLE>\n\nDate: YYYY-MM-DD\n\n## Context\n\n<context>\n\n## Decision\n\n<decision>\n';
  it('kept alone in its section, where Markdown reads it as HTML and GitHub shows nothing, is left in; real HTML of the author’s is not', async () => {
    const kept =
      '# 1. Use Postgres\n\nDate: 2024-02-01\n\n## Context\n\n<context>\n\n## Decision\n\n<details>\n<summary>One database</summary>\n\nOrders live in Postgres.\n\n</details>\n';
    expect((await lintOne('placeholder', kept, { template })).shown).toEqual([
      "7:1 Template text left in `## Context`: “<context>”. Replace it with this pattern's own content.",
    ]);
  });
  it('the title left as it is, said as written (its tags are no words to drop)', async () => {
    const untitled = '# <NUMBER>. <TITLE>\n\nDate: 2024-02-03\n\n## Context\n\nMail timed out.\n\n## Decision\n\nA queue.\n';
    expect((await lintOne('title', untitled, { template })).shown).toEqual(["1:1 The title is still the template's placeholder “<NUMBER>. <TITLE>”: name the pattern."]);
  });
});

describe('placeholder: the front matter keys the title and the summary are read from', () => {
  const template = '---\ntitle: <The Proposal Title>\ndescription: <One line on the change>\nstatus: <Draft | Final>\n---\n\n## Abstract\n\nDescribe the change.\n';
  it('a blank left in the title key is the title rule’s, the summary’s sample left whole the summary rule’s: one finding each, not two; other keys stay the placeholder rule’s', async () => {
    const text = '---\ntitle: <The Proposal Title>\ndescription: <One line on the change>\nstatus: <Draft | Final>\n---\n\n## Abstract\n\nFaster sync.\n';
    expect((await lintOne('placeholder', text, { template })).shown).toEqual([
      "4:9 Template text left in front matter `status`: “<Draft | Final>”. Replace it with this pattern's own content.",
    ]);
    expect((await lintOne('title', text, { template })).shown).toHaveLength(1);
    expect((await lintOne('summary', text, { template })).shown).toHaveLength(1);
  });
});

describe('placeholder: a status left as the template’s choices', () => {
  it('`status: draft | ready` kept is an error of its own, and says no stage: the pattern’s other blanks are errors too, not a draft’s warnings', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '---\ntitle: "Card: <short name>"\nstatus: draft | ready\n---\n\n## Intent\n\n<the job this card does>\n\n## Steps\n\n1. Lock the funds.\n';
    const source = '---\ntitle: "Card: Escrow"\nstatus: draft | ready\n---\n\n## Intent\n\n<the job this card does>\n\n## Steps\n\n1. Lock the funds.\n';
    const found = await lintOne('placeholder', source, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['3 error', '8 error']);
    expect(found.diagnostics[0]!.message).not.toContain('A draft');
  });
});

describe('placeholder: a marked blank that opens the template’s own words', () => {
  it('`1. [actor] first step` kept as the template writes it is left in; with the author’s words after the token, `1. [buyer] Lock the funds.`, filled', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '# [Title]\n\n## Steps\n\n1. [actor] first step\n';
    expect((await lintOne('placeholder', '# Escrow\n\n## Steps\n\n1. [actor] first step\n', { template })).diagnostics.map((d) => d.line)).toEqual([5]);
    expect((await lintOne('placeholder', '# Escrow\n\n## Steps\n\n1. [buyer] Lock the funds.\n', { template })).diagnostics).toEqual([]);
  });
});

describe('placeholder: the template’s sample link on a real host', () => {
  it('`…/issues/FILL-ME-IN`, `…/pull/0000`, `…/pull/001` kept are left in; the pattern’s own issue numbers are not', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template =
      '# [Title]\n\n- Request: [acme/ideas#0000](https://github.com/acme/ideas/issues/FILL-ME-IN)\n- Change: [acme/tool#0000](https://github.com/acme/tool/pull/0000)\n- Tracking: [acme/tool#001](https://github.com/acme/tool/pull/001)\n\n## Summary\n\nOne paragraph.\n';
    const kept =
      '# Retry budget\n\n- Request: [acme/ideas#0000](https://github.com/acme/ideas/issues/FILL-ME-IN)\n- Change: [acme/tool#0000](https://github.com/acme/tool/pull/0000)\n- Tracking: [acme/tool#001](https://github.com/acme/tool/pull/001)\n\n## Summary\n\nRetries share a budget.\n';
    expect((await lintOne('placeholder', kept, { template })).diagnostics.map((d) => d.line)).toEqual([3, 4, 5]);
    const own =
      '# Retry budget\n\n- Request: [acme/ideas#12](https://github.com/acme/ideas/issues/12)\n- Change: [acme/tool#140](https://github.com/acme/tool/pull/140)\n- Tracking: [acme/tool#141](https://github.com/acme/tool/pull/141)\n\n## Summary\n\nRetries share a budget.\n';
    expect((await lintOne('placeholder', own, { template })).diagnostics).toEqual([]);
  });
});

describe('placeholder: a front matter blank in braces written unquoted', () => {
  it('`status: {proposed | accepted}`, which YAML reads as a mapping, kept as the template writes it is left in, as it is quoted', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '---\nstatus: {proposed | accepted | rejected}\nowner: "{who decides}"\n---\n\n# {short title}\n\n## Context\n\n{the forces at play}\n';
    const kept = '---\nstatus: {proposed | accepted | rejected}\nowner: {who decides}\n---\n\n# Use one queue\n\n## Context\n\nTwo queues drift apart.\n';
    expect((await lintOne('placeholder', kept, { template })).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual(['2:9 error', '3:8 error']);
    const own = '---\nstatus: accepted\nowner: Platform team\n---\n\n# Use one queue\n\n## Context\n\nTwo queues drift apart.\n';
    expect((await lintOne('placeholder', own, { template })).diagnostics).toEqual([]);
  });
});

describe('placeholder: a blank with a code span in it', () => {
  it('`- Feature Name: (pick a unique name, \\`my_feature\\`)` kept is left in, code marks and all', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '- Feature Name: (pick a unique snake_case name, `my_feature`)\n- Start Date: 2024-01-01\n\n# Summary\n\nOne paragraph.\n';
    const kept = '- Feature Name: (pick a unique snake_case name, `my_feature`)\n- Start Date: 2024-03-02\n\n# Summary\n\nImports load on first use.\n';
    expect((await lintOne('placeholder', kept, { template })).diagnostics.map((d) => d.line)).toEqual([1]);
    expect((await lintOne('placeholder', kept.replace(/\(pick[^)]*\)/, '`lazy_imports`'), { template })).diagnostics).toEqual([]);
  });
});

describe('placeholder: prompts in double braces', () => {
  it('a `{{Say where the term applies.}}` prompt kept as the template writes it is template text left in; the author’s own words are not', async () => {
    const template = '# {{Term}}\n\n## Meaning\n\n{{Explain the term in one or two sentences.}}\n\n## Scope\n\n{{Say where this term applies and where it does not.}}\n';
    const kept = '# Shelf\n\n## Meaning\n\nA shelf holds books in a row, ordered by call number.\n\n## Scope\n\n{{Say where this term applies and where it does not.}}\n';
    const found = await lintOne('placeholder', kept, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['9 error']);
    expect(found.diagnostics[0]!.message).toContain('Template text left in `## Scope`');
    expect((await lintOne('placeholder', kept.replace(/\{\{Say[^}]*\}\}/, 'Only in the reading room.'), { template })).diagnostics).toEqual([]);
  });
});

describe('placeholder: the template quoted by a document that discusses it', () => {
  const template =
    '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow it works.\n\n## Prior art\n\nDiscuss prior art, both the good and the bad, in relation to this proposal.\n';
  it('a quote that holds a heading of the template and its guidance (`> ## Prior art` / `> Discuss prior art…`) is a quotation, not text left in', async () => {
    const text =
      '# Add a prior art section\n\n## Summary\n\nThe template gains a section.\n\n## Design\n\nThis proposal inserts:\n\n> ## Prior art\n>\n> Discuss prior art, both the good and the bad, in relation to this proposal.\n\n## Prior art\n\nNone known.\n';
    expect((await lintOne('placeholder', text, { template })).shown).toEqual([]);
    // (The same guidance quoted without the heading, left in its own section: still left in.)
    const left = text.replace('None known.', '> Discuss prior art, both the good and the bad, in relation to this proposal.');
    expect((await lintOne('placeholder', left, { template })).shown).toHaveLength(1);
  });
});

describe('placeholder: the template’s own list shown under a lead-in of the author’s', () => {
  const template = [
    '# NOTE 0 - A short title',
    '',
    '## Summary',
    '',
    'What the note changes, in a few lines.',
    '',
    '## Further sections',
    '',
    'Add what the note needs. Usual ones are:',
    '',
    '* Design -- The details of the change.',
    '* Rationale -- Why each choice was made in the note.',
    '* Notes -- Additional notes on points still open.',
    '',
  ].join('\n');
  const list = [
    '* Design -- The details of the change.',
    '* Rationale -- Why each choice was made in the note.',
    '* Notes -- Additional notes on points still open.',
    '',
  ];
  const process = (section: string, leadIn: string) =>
    ['# NOTE 1 - How notes are written', '', '## Summary', '', 'Notes record what the team settled on.', '', `## ${section}`, '', leadIn, '', ...list].join('\n');

  it('in a section of its own, under its own lead-in, what the list holds of the template is a warning that says why', async () => {
    const { diagnostics } = await lintOne('placeholder', process('What a note holds', 'After the summary come the sections each note needs; a note may add these:'), {
      template,
    });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [12, 'warning'],
      [13, 'warning'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      "Template text left in `## What a note holds`: “Rationale -- Why each choice was made in the note.”. Replace it with this pattern's own content. (An item of the template's own list, shown whole under this document's own lead-in in a section the template does not have: as likely as not the template quoted, as a process document shows what a proposal holds. A warning.)",
    );
  });

  it('under the template’s own lead-in, or in the template’s section, it is left in', async () => {
    const kept = await lintOne('placeholder', process('What a note holds', 'Add what the note needs. Usual ones are:'), { template });
    expect(kept.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [12, 'error'],
      [13, 'error'],
    ]);
    const there = await lintOne('placeholder', process('Further sections', 'After the summary come the sections each note needs; a note may add these:'), { template });
    expect(there.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [12, 'error'],
      [13, 'error'],
    ]);
    // (Nor in a sub-section of the author's under one of the template's: that section's part.)
    const under = process('Further sections\n\n### First draft', 'After the summary come the sections each note needs; a note may add these:');
    expect((await lintOne('placeholder', under, { template })).diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [14, 'error'],
      [15, 'error'],
    ]);
  });
});

describe('placeholder: the template’s questions kept and answered by the author', () => {
  const template = [
    '# Title',
    '',
    '## Options',
    '',
    '- Which other designs were weighed?',
    '- What happens if nothing is done?',
    '',
    '## Format changes (optional)',
    '',
    'Will this change the stored file format? If it does, say how here.',
    '',
  ].join('\n');

  it('an answer that opens by echoing its question (`What happens if nothing is done?` / `What happens if nothing is done is that …`) answers it', async () => {
    const pattern = [
      '# Shelf labels',
      '',
      '## Options',
      '',
      '- Which other designs were weighed?',
      '',
      'Printed stickers, which peel off in the damp.',
      '',
      '- What happens if nothing is done?',
      '',
      'What happens if nothing is done is that staff keep writing the labels by hand, and they fade within weeks.',
      '',
    ].join('\n');
    const { diagnostics } = await lintOne('placeholder', pattern, { template });
    expect(diagnostics).toEqual([]);
    // (Left unanswered, it is left in.)
    const unanswered = await lintOne('placeholder', pattern.replace(/What happens if nothing is done is that[^\n]*\n/, ''), { template });
    expect(unanswered.diagnostics.map((d) => [d.line, d.severity])).toEqual([[9, 'error']]);
    // (Nor is more of the template's guidance after a kept instruction, a link in it, an answer.)
    const guidance =
      '# Title\n\n## Operations\n\nExplain how operators notice a failure.\n\nDescribe the failure modes of the [service](https://example.org/svc) and link to the runbook that covers each one.\n';
    const kept =
      '# Shelf labels\n\n## Operations\n\n> Explain how operators notice a failure.\n\nDescribe the failure modes of the [service](https://example.org/svc) and link to the runbook that covers each one.\n';
    expect((await lintOne('placeholder', kept, { template: guidance })).diagnostics.map((d) => d.line)).toEqual([5, 7]);
  });

  it('the section’s guidance quoted as a quote, answered under sub-sections of the author’s: a lead-in', async () => {
    const quote = (after: string) =>
      ['# Shelf labels', '', '## Format changes (optional)', '', '> Will this change the stored file format? If it does, say how here.', '', after].join('\n');
    const answered = await lintOne('placeholder', quote('### New fields\n\nA `label` field on each shelf.\n'), { template });
    expect(answered.diagnostics).toEqual([]);
    // (Quoted with nothing after it, it is left in: the section, optional, holds nothing else — a warning.)
    const alone = await lintOne('placeholder', quote(''), { template });
    expect(alone.diagnostics.map((d) => [d.line, d.severity])).toEqual([[5, 'warning']]);
    // (Nor over the template's own sub-section: that is no answer of the author's.)
    const withPart = template.replace(
      '## Format changes (optional)\n\nWill this change the stored file format? If it does, say how here.\n',
      '## Format changes (optional)\n\nWill this change the stored file format? If it does, say how here.\n\n### Fields\n\nWhich fields.\n',
    );
    const overTemplate = await lintOne('placeholder', quote('### Fields\n\nA `label` field on each shelf.\n'), { template: withPart });
    expect(overTemplate.diagnostics.map((d) => [d.line, d.severity])).toEqual([[5, 'error']]);
    // (Where the template sets it as a quote itself, kept so over the sub-sections, it is the template's
    // form over the author's answer: the section is written, the quote still to remove — a warning.)
    const asQuote = template.replace('Will this change the stored file format?', '> Will this change the stored file format?');
    const kept = await lintOne('placeholder', quote('### New fields\n\nA `label` field on each shelf.\n'), { template: asQuote });
    expect(kept.diagnostics.map((d) => [d.line, d.severity])).toEqual([[5, 'warning']]);
    expect(kept.diagnostics[0]!.message).toContain("kept in the quote the template sets it in, over this pattern's own answer");
    // (Over the author's text right after it, it is a prompt answered, as the template's prompts are: nothing said.)
    const overText = await lintOne('placeholder', quote('Yes: each shelf gets a `label` field.\n'), { template: asQuote });
    expect(overText.diagnostics).toEqual([]);
    // (With nothing of the author's after it, it is left in.)
    const keptAlone = await lintOne('placeholder', quote('## Next\n\nMore.\n'), { template: asQuote });
    expect(keptAlone.diagnostics.map((d) => d.line)).toEqual([5]);
    expect(keptAlone.diagnostics[0]!.message).not.toContain('kept in the quote');
  });

  it('the template’s questions listed in a quote (`> - What can go wrong?`) and answered right after it, or under sub-sections: a lead-in; as the template quotes them over sub-sections, a warning', async () => {
    const asList = ['# [Title]', '', '## Risks', '', '- What can go wrong when the shelf is full?', '- How would we roll the change back?', ''].join('\n');
    const answer = 'A full shelf rejects the write; the old reader ignores the new field.\n';
    const doc = (quoted: string) => ['# Shelf labels', '', '## Risks', '', quoted, '', answer].join('\n');
    const authorQuoted = '> - What can go wrong when the shelf is full?\n> - How would we roll the change back?';
    expect((await lintOne('placeholder', doc(authorQuoted), { template: asList })).diagnostics).toEqual([]);
    const asQuoted = asList.replace('- What can', '> - What can').replace('- How would', '> - How would');
    expect((await lintOne('placeholder', doc(authorQuoted), { template: asQuoted })).diagnostics).toEqual([]);
    const overParts = ['# Shelf labels', '', '## Risks', '', authorQuoted, '', '### A full shelf', '', answer].join('\n');
    expect((await lintOne('placeholder', overParts, { template: asList })).diagnostics).toEqual([]);
    const kept = await lintOne('placeholder', overParts, { template: asQuoted });
    // (The quote's questions are one leftover: one warning that quotes each.)
    expect(kept.diagnostics.map((d) => [d.line, d.severity])).toEqual([[5, 'warning']]);
    expect(kept.diagnostics[0]!.message).toMatch(/full\?.*kept in the quote the template sets it in/);
    // (Not answered, the list is left in: errors.)
    const unanswered = await lintOne('placeholder', ['# Shelf labels', '', '## Risks', '', authorQuoted, '', '## Next', '', 'More.', ''].join('\n'), {
      template: asQuoted,
    });
    expect(unanswered.diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
  });
});

describe('placeholder: a question of the template written as a statement', () => {
  it('`- When will we remove the old behaviour, if applicable.` answered under it is answered, as its siblings ending in `?` are; left with no answer, it is left in', async () => {
    const template =
      '# [Title]\n\n## Adoption Plan\n\n- What impact will this have on users?\n- When will we remove the existing behaviour, if applicable.\n- How should this feature be taught to users?\n';
    const answered =
      '# Kiln\n\n## Adoption Plan\n\n- What impact will this have on users?\n  - None.\n- When will we remove the existing behaviour, if applicable.\n  - Nothing is removed.\n- How should this feature be taught to users?\n  - A doc page.\n';
    expect((await lintOne('placeholder', answered, { template })).shown).toEqual([]);
    // (An imperative is none: `Do the migration in two steps.` kept over the author's text is left in.)
    const { isInstruction } = await import('../../../src/template/placeholders.js');
    expect(['When will we remove the old way, if applicable.', 'Is there a way back.'].map(isInstruction)).toEqual([true, true]);
    expect(['Have the owners sign off before merging', 'Do the kiln lids in two steps'].map((s) => isInstruction(s))).toEqual([false, false]);
    const left = answered.replace('  - Nothing is removed.\n', '');
    expect((await lintOne('placeholder', left, { template })).shown).toEqual([expect.stringContaining('When will we remove the existing behaviour')]);
  });
});

/** A feature tracker's template: a checklist of what to tick before promotion, each item named and linked. */
const checklistTemplate =
  '# [Feature title]\n\n## Preview\n\n### Requirements\n\n- [ ] [Field notes](add_your_link_here) shared with the guild.\n- [ ] [Sketch Approved] - [open a sketch from the form](https://forms.example.org/sketch).\n- [ ] Off by default.\n';
const feature = (n: number, sketch: string, notes = `[Field notes](https://notes.example.org/feature-${n}) shared with the guild.`) =>
  `# Feature ${n}\n\n## Preview\n\n### Requirements\n\n- [x] ${notes}\n- [x] ${sketch}\n- [ ] Off by default.\n`;
const features = (n: number, keeping: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `feature-${i + 1}/README.md`,
      feature(i + 1, i < keeping ? `[Sketch Approved] - [sketch ${i + 1}](https://sketch.example.org/${i + 1})` : `Sketch ${i + 1} approved.`),
    ]),
  );

describe('placeholder: a checklist of the template’s, each item named and linked', () => {
  it('the bracketed name of an item, before more words of it, is learned as the item’s label from most patterns (7 of 12); kept by half, still template text', async () => {
    const text = feature(0, '[Sketch Approved] - [sketch 0](https://sketch.example.org/0)');
    expect((await lintOne('placeholder', text, { template: checklistTemplate, files: features(11, 6) })).shown).toEqual([]);
    expect((await lintOne('placeholder', text, { template: checklistTemplate, files: features(11, 5) })).shown).toEqual([
      `8:7 ${left('`### Requirements`', '“[Sketch Approved]”')}`,
    ]);
  });

  it('the template’s link that asks for one (`add_your_link_here`) kept in a ticked item is a sample link left in; in an item left unticked, not done yet, a warning', async () => {
    const ticked = feature(0, 'Sketch approved.', '[Field notes](add_your_link_here) shared with the guild.');
    const found = await lintOne('placeholder', ticked, { template: checklistTemplate });
    expect(found.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      '7:21 error Sample link target left in: “add_your_link_here”. Link to a real page.',
    ]);
    const unticked = await lintOne('placeholder', ticked.replace('- [x] [Field notes]', '- [ ] [Field notes]'), { template: checklistTemplate });
    expect(unticked.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Sample link target left in: “add_your_link_here”. Link to a real page. (In an item whose box is left unticked, not done yet. A warning.)',
    ]);
  });
});

describe('placeholder: a template whose section of open items is named `## TODO`', () => {
  const template = '# [Title]\n\n## Design\n\nHow it works.\n\n## Rollout\n\nHow it ships.\n\n## TODO\n\nWhat is still open; settle all of it before the last call.\n';
  it('the heading names that section, no blank: the author’s “TODO” in their own text is not the template’s text left', async () => {
    const text = '# Night buses\n\n## Design\n\nA loop; a fuller report comes later (TODO).\n\n## Rollout\n\nDepot PR: TODO\n';
    expect((await lintOne('placeholder', text, { template })).shown).toEqual([]);
  });
});

describe('placeholder: the template’s guidance kept over the section’s sub-sections that hold its content', () => {
  const template =
    '# [Title]\n\n## Proposal\n\n### Use cases\n\nAdd a list of detailed use cases this change takes care of.\n\n#### Use case 1:\n\nAs a user, I would like to see the drift. (An example.)\n\n## Risks\n\nWhat could go wrong.\n';
  it('is a warning that asks to remove it; kept with nothing under it, an error', async () => {
    const filled =
      '# Night buses\n\n## Proposal\n\n### Use cases\n\nAdd a list of detailed use cases this change takes care of.\n\n#### Late shift\n\nAs a user, I would like to get home after midnight.\n\n## Risks\n\nEmpty buses.\n';
    const found = await lintOne('placeholder', filled, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      "7 warning Template text left in `### Use cases`: “Add a list of detailed use cases this change takes care of.”. Replace it with this pattern's own content. (The template's guidance kept over the section's sub-sections, which hold its content: remove it. A warning.)",
    ]);
    const bare = '# Night buses\n\n## Proposal\n\n### Use cases\n\nAdd a list of detailed use cases this change takes care of.\n\n## Risks\n\nEmpty buses.\n';
    expect((await lintOne('placeholder', bare, { template })).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('placeholder: text of a section the template says to remove when done', () => {
  const template =
    '# [Title]\n\n## Design\n\nHow it works.\n\n## Risks\n\nWhat could go wrong.\n\n## Process notes, remove this section when done\n\nWriting a proposal is a way to think in the open.\n\n- Tag the title with [WIP] while you still change it.\n- Tag the title with [Ready] once it is up for review.\n';
  it('left in (under its heading or another), is one error for the section that quotes a line, not one per blank its notes name', async () => {
    const kept =
      '# Night buses\n\n## Design\n\nA loop.\n\n## Risks\n\nEmpty buses.\n\n- Tag the title with [WIP] while you still change it.\n- Tag the title with [Ready] once it is up for review.\n';
    const found = await lintOne('placeholder', kept, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '11 error Text of the template’s `## Process notes, remove this section when done`, a section it says to remove when done, is left in `## Risks` (line 11 and 1 more: “Tag the title with [WIP] while you still change it.”): remove it.'.replace(
        '’',
        "'",
      ),
    ]);
    const gone = '# Night buses\n\n## Design\n\nA loop.\n\n## Risks\n\nEmpty buses; the [WIP] tag is gone from the title.\n';
    expect((await lintOne('placeholder', gone, { template })).shown).toEqual([]);
  });
});

describe('placeholder: template text in a pattern older than the template', () => {
  it('is a warning that the template may have taken those words from it (git history); in a newer pattern, an error', async () => {
    const asked = 'Describe how the change is tested before it ships.';
    const root = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ template: 'templates/std.md', patterns: ['std/*.md'] }) });
    await mkdir(path.join(root, 'std'), { recursive: true });
    await writeFile(path.join(root, 'std/0001-process.md'), `# The process\n\n## Testing\n\n${asked}\n\n## Rollout\n\nIn stages.\n`);
    gitAt(root, undefined, 'init', '-q');
    gitAt(root, '2019-03-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2019-03-01T00:00:00Z', 'commit', '-qm', 'process');
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/std.md'), `# [Title]\n\n## Testing\n\n${asked}\n\n## Rollout\n\nHow it ships.\n`);
    await writeFile(path.join(root, 'std/0002-cache.md'), `# A cache\n\n## Testing\n\n${asked}\n\n## Rollout\n\nBehind a flag.\n`);
    gitAt(root, '2021-05-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2021-05-01T00:00:00Z', 'commit', '-qm', 'template');
    const report = await lint({ root, only: ['placeholder'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toEqual([
      "std/0001-process.md warning Template text left in `## Testing`: “Describe how the change is tested before it ships.”. Replace it with this pattern's own content. (This pattern was committed before the template's first version, of 2021-05-01 (its git history): the template may have taken these words from it. A warning.)",
      "std/0002-cache.md error Template text left in `## Testing`: “Describe how the change is tested before it ships.”. Replace it with this pattern's own content.",
    ]);
  });
});

describe('placeholder: one text found by two of the template’s placeholders', () => {
  it('a `{{…}}` paragraph that is also an instruction is quoted once', async () => {
    const template =
      '# {{Title}}\n\n## Summary\n\n{{One paragraph on the change.}}\n\n## Implementation\n\n{{THIS SECTION IS REQUIRED FOR RATIFICATION, so write it before the proposal is accepted}}\n';
    const text =
      '# Faster installs\n\n## Summary\n\nCache the tarballs.\n\n## Implementation\n\n{{THIS SECTION IS REQUIRED FOR RATIFICATION, so write it before the proposal is accepted}}\n';
    const found = await lintOne('placeholder', text, { template });
    expect(found.diagnostics).toHaveLength(1);
    const quoted = found.diagnostics[0]!.message.match(/“[^”]*”/g) ?? [];
    expect(quoted).toHaveLength(1);
  });
});
