import { describe, it } from 'vitest';
import rule from '../../../src/lint/rules/placeholder.js';
import { testRule } from '../../../src/lint/rule-tester.js';

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
      { name: 'brackets that are links, task boxes or lower-case notes', text: leftover('Give it a retention of two weeks.', 'Give it a retention of two weeks ([why](#overview)).\n\n- [ ] queue created\n- [x] alert set [see runbook]') },
      { name: 'text the configuration exempts', text: leftover('Messaging Guild', 'Your Name'), config: { placeholders: { ignore: ['Your Name'] } } },
    ],
    invalid: [
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
        name: 'bracketed text in a paragraph, also when the template does not have it',
        text: leftover('A poison message blocks its partition until someone removes it.', 'A poison message blocks [Queue Name] until someone removes it.'),
        errors: [{ message: left('`## Overview`', '“[Queue Name]”'), line: 7, column: 25, endLine: 7, endColumn: 37 }],
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
            message: left('`## Components`', "“Component 3: Description of what this component does” (like the template's “Component 1: Description of what this component does”)"),
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
