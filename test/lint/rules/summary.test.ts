import { describe, it } from 'vitest';
import rule from '../../../src/lint/rules/summary.js';
import { testRule } from '../../../src/lint/rule-tester.js';

/** The summary is the blockquote after the title. */
const template = `# [Pattern Title]

> Brief one-sentence description of what this pattern does

## Overview

Describe the problem this pattern solves.
`;

/** The summary is front matter \`description\` (the template has no H1). */
const frontMatterTemplate = `---
title: "[Pattern Title]"
description: "[One sentence that says what the pattern does]"
---

## Context

Describe the forces at play.
`;

const sample = (text: string) => `The summary is still the template's sample “${text}”: say what this pattern does in one sentence.`;
const sentences = (n: number) => `The summary should be one sentence; it has ${n}. Move the rest to the Overview.`;
const page = (summary: string) => `# Rate Limiter\n\n${summary}\n\n## Overview\n\nBursts are allowed up to a limit.\n`;
const frontMatter = (lines: string) => `---\ntitle: Rate Limiter\n${lines}---\n\n## Context\n\nBursts are allowed up to a limit.\n`;

testRule(rule, {
  template,
  valid: [
    { name: 'one sentence', text: page('> Caps how often each client may call an API.') },
    { name: 'abbreviations and version numbers do not end a sentence', text: page('> Caps calls per client, e.g. per API key (v2.1 of the gateway) vs. per IP.') },
    { name: 'a sentence over several lines', text: page('> Caps how often each client\n> may call an API.') },
    { name: 'from front matter, when the template keeps it there', template: frontMatterTemplate, text: frontMatter('description: Caps how often each client may call an API.\n') },
    { name: 'a template without a summary asks for none', template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n', text: '# Rate Limiter\n\n## Overview\n\nBursts.\n' },
  ],
  invalid: [
    {
      name: 'no blockquote after the title',
      text: '# Rate Limiter\n\nCaps how often each client may call an API.\n\n## Overview\n\nBursts.\n',
      errors: [{ message: 'Missing summary: put a one-sentence `> blockquote` right after the title.', line: 2, column: 1 }],
    },
    {
      name: "the template's sample, as written",
      text: page('> Brief one-sentence description of what this pattern does'),
      errors: [{ message: sample('Brief one-sentence description of what this pattern does'), line: 3, column: 1, endLine: 3, endColumn: 59 }],
    },
    {
      name: "the template's sample in another case, re-wrapped, with a full stop",
      text: page('> brief one-sentence description\n> of what this pattern does.'),
      errors: [{ message: sample('brief one-sentence description of what this pattern does.'), line: 3, column: 1, endLine: 4, endColumn: 29 }],
    },
    {
      name: 'a bracketed placeholder in it',
      text: page('> Caps how often [Client Type] may call an API.'),
      errors: [{ message: sample('Caps how often [Client Type] may call an API.'), line: 3, column: 1 }],
    },
    {
      name: 'more than one sentence',
      text: page('> Caps how often each client may call. Bursts are allowed! Why? Fairness.'),
      errors: [{ message: sentences(4), line: 3, column: 1, endLine: 3, endColumn: 74 }],
    },
    {
      name: 'an empty blockquote',
      text: page('>'),
      errors: [{ message: 'The summary is empty.', line: 3, column: 1 }],
    },
    {
      name: 'front matter without description',
      template: frontMatterTemplate,
      text: frontMatter(''),
      errors: [{ message: 'Missing summary: set `description:` in the front matter to one sentence.', line: 1, column: 1 }],
    },
    {
      name: "front matter with the template's sample",
      template: frontMatterTemplate,
      text: frontMatter('description: "[One sentence that says what the pattern does]"\n'),
      errors: [{ message: sample('[One sentence that says what the pattern does]'), line: 1, column: 1 }],
    },
    {
      name: 'front matter with two sentences',
      template: frontMatterTemplate,
      text: frontMatter('description: Caps calls per client. Bursts are allowed.\n'),
      errors: [{ message: sentences(2), line: 1, column: 1 }],
    },
  ],
}, { describe, it });
