import { describe, it } from 'vitest';
import rule from '../../../src/lint/rules/summary-length.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import {
  SUMMARY_FRONT_MATTER_TEMPLATE as frontMatterTemplate,
  SUMMARY_OPEN_SECTION_TEMPLATE as openSectionTemplate,
  SUMMARY_SECTION_TEMPLATE as sectionTemplate,
  SUMMARY_TEMPLATE as template,
} from './_templates.js';

const sentences = (n: number, overview = true) =>
  `The summary should be one sentence, as the template asks; it has ${n}.${overview ? ' Move the rest to the Overview.' : ''}`;
const synopsis = (text: string) => `## Synopsis\n\n${text}\n\n## Problem\n\nRetries pile up.\n`;
const page = (summary: string) => `# Rate Limiter\n\n${summary}\n\n## Overview\n\nBursts are allowed up to a limit.\n`;
const frontMatter = (lines: string) => `---\ntitle: Rate Limiter\n${lines}---\n\n## Context\n\nBursts are allowed up to a limit.\n`;

testRule(
  rule,
  {
    template,
    valid: [
      { name: 'one sentence', text: page('> Caps how often each client may call an API.') },
      { name: 'abbreviations and version numbers do not end a sentence', text: page('> Caps calls per client, e.g. per API key (v2.1 of the gateway) vs. per IP.') },
      {
        name: "the template's sample, longer than it asks itself, is the summary rule's to report, not counted",
        template: '## Synopsis\n\nIn two sentences: the problem. Then the answer. Keep it short.\n\n## Problem\n\nWhat hurts.\n',
        text: synopsis('In two sentences: the problem. Then the answer. Keep it short.'),
      },
      { name: 'a missing summary is not counted', text: '# Rate Limiter\n\nCaps calls. Bursts pass.\n\n## Overview\n\nBursts.\n' },
      {
        name: 'a summary section of its own, within the sentences it asks for',
        template: sectionTemplate,
        text: synopsis('Retries from every client at once overload the service. A shared budget caps them.'),
      },
      {
        name: 'a blockquote whose sample asks for no number of sentences',
        template: '# [Pattern Title]\n\n> What the pattern does and when to reach for it\n\n## Overview\n\nDescribe it.\n',
        text: page('> Caps calls per client. Bursts are allowed up to a limit.'),
      },
      {
        name: 'a template with no number of sentences',
        template: openSectionTemplate,
        text: '## Summary\n\nAdds a getter. It never panics. Ever.\n\n## Motivation\n\nIndexing panics.\n',
      },
    ],
    invalid: [
      {
        name: 'the same template, with three sentences of the author',
        template: '## Synopsis\n\nIn two sentences: the problem. Then the answer. Keep it short.\n\n## Problem\n\nWhat hurts.\n',
        text: synopsis('Retries overload the service. Clients wait. A budget caps them.'),
        errors: [{ message: 'The summary should have at most 2 sentences, as the template asks; it has 3.', line: 3, column: 1 }],
      },
      {
        name: 'more than one sentence',
        text: page('> Caps how often each client may call. Bursts are allowed! Why? Fairness.'),
        errors: [{ message: sentences(4), line: 3, column: 1, endLine: 3, endColumn: 74 }],
      },
      {
        name: 'front matter with two sentences',
        template: frontMatterTemplate,
        text: frontMatter('description: Caps calls per client. Bursts are allowed.\n'),
        errors: [{ message: sentences(2, false), line: 1, column: 1 }],
      },
      {
        name: 'more sentences than the summary section asks for',
        template: sectionTemplate,
        text: synopsis('Retries overload the service. Clients wait. A shared budget caps them.'),
        errors: [{ message: 'The summary should have at most 2 sentences, as the template asks; it has 3.', line: 3, column: 1, endLine: 3, endColumn: 71 }],
      },
      {
        name: 'the configuration sets a number of sentences',
        template: openSectionTemplate,
        config: { summary: { from: 'section', sentences: 1 } },
        text: '## Summary\n\nAdds a checked getter. It never panics.\n\n## Motivation\n\nIndexing panics.\n',
        errors: [{ message: sentences(2, false), line: 3, column: 1 }],
      },
    ],
  },
  { describe, it },
);
