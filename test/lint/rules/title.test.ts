import { describe, it } from 'vitest';
import rule from '../../../src/lint/rules/title.js';
import { testRule } from '../../../src/lint/rule-tester.js';

/** The title is the H1. */
const template = `# [Pattern Title]

> Brief one-sentence description of what this pattern does

## Overview

Describe the problem this pattern solves.
`;

/** The title is front matter \`title\` (the template has no H1). */
const frontMatterTemplate = `---
title: "[Pattern Title]"
description: "[One sentence that says what the pattern does]"
---

## Context

Describe the forces at play.
`;

const placeholder = (title: string) => `The title is still the template's placeholder “${title}”: name the pattern.`;
const withTitle = (title: string) => `${title}\n\n> Hands out work to whichever worker asks first.\n\n## Overview\n\nWorkers pull, nobody pushes.\n`;

testRule(
  rule,
  {
    template,
    valid: [
      { name: 'one H1 at the top', text: withTitle('# Competing Consumers') },
      { name: 'an underlined H1', text: withTitle('Competing Consumers\n===================') },
      { name: 'after front matter', text: `---\nstatus: draft\n---\n${withTitle('# Competing Consumers')}` },
      { name: 'a title in the shape the template gives (`# [Pattern Title] Pattern`)', template: '# [Pattern Title] Pattern\n\n## Overview\n\nDescribe it.\n', text: withTitle('# Competing Consumers Pattern') },
      {
        name: 'from front matter, when the template keeps it there',
        template: frontMatterTemplate,
        text: '---\ntitle: Competing Consumers\ndescription: Hands out work to whichever worker asks first.\n---\n\n## Context\n\nWorkers pull.\n',
      },
    ],
    invalid: [
      {
        name: 'no H1',
        text: '## Overview\n\nWorkers pull, nobody pushes.\n',
        errors: [{ message: 'Missing title: the pattern starts with a `# Title` heading.', line: 1, column: 1 }],
      },
      {
        name: 'no H1 after front matter: reported on the first line after it',
        text: '---\nstatus: draft\n---\n\n## Overview\n\nWorkers pull.\n',
        errors: [{ message: 'Missing title: the pattern starts with a `# Title` heading.', line: 4, column: 1 }],
      },
      {
        name: "the template's placeholder as written",
        text: withTitle('# [Pattern Title]'),
        errors: [{ message: placeholder('[Pattern Title]'), line: 1, column: 1, endLine: 1, endColumn: 18 }],
      },
      { name: 'the placeholder without brackets', text: withTitle('# Pattern Title'), errors: [{ message: placeholder('Pattern Title'), line: 1, column: 1 }] },
      { name: 'the placeholder in lower case', text: withTitle('# [pattern title]'), errors: [{ message: placeholder('[pattern title]'), line: 1, column: 1 }] },
      { name: 'a bracketed part left in', text: withTitle('# Competing [Worker Kind]'), errors: [{ message: placeholder('Competing [Worker Kind]'), line: 1, column: 1 }] },
      {
        name: 'a second H1',
        text: `${withTitle('# Competing Consumers')}\n# Scaling out\n\nAdd workers.\n`,
        errors: [{ message: 'More than one title: `# Scaling out` is a second H1. Make it a `##` section.', line: 9, column: 1, endLine: 9, endColumn: 14 }],
      },
      {
        name: "a title without the template's shape",
        template: '# [Pattern Title] Pattern\n\n## Overview\n\nDescribe it.\n',
        text: withTitle('# Competing Consumers'),
        errors: [{ message: "Title “Competing Consumers” does not have the template's shape `# [Pattern Title] Pattern`.", line: 1, column: 1 }],
      },
      {
        name: 'front matter without title',
        template: frontMatterTemplate,
        text: '---\ndescription: Hands out work to whichever worker asks first.\n---\n\n## Context\n\nWorkers pull.\n',
        errors: [{ message: 'Missing title: set `title:` in the front matter.', line: 1, column: 1 }],
      },
      {
        name: "front matter with the template's placeholder: the front matter block is pointed at",
        template: frontMatterTemplate,
        text: '---\ntitle: "[Pattern Title]"\ndescription: Hands out work.\n---\n\n## Context\n\nWorkers pull.\n',
        errors: [{ message: placeholder('[Pattern Title]'), line: 1, column: 1, endLine: 4, endColumn: 4 }],
      },
    ],
  },
  { describe, it },
);
