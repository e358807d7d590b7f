import { describe, it } from 'vitest';
import rule from '../../../src/lint/rules/front-matter-syntax.js';
import { testRule } from '../../../src/lint/rule-tester.js';

const template = `# [Pattern Title]

## Overview

Describe the pattern.
`;

const body = '# Retry with Backoff\n\n## Overview\n\nRetry transient failures with growing waits.\n';

testRule(
  rule,
  {
    template,
    valid: [
      { name: 'no front matter', text: body },
      { name: 'a mapping of keys', text: `---\nstatus: draft\ntags: [resilience]\n---\n\n${body}` },
      { name: 'a quoted value that starts with a bracket', text: `---\npull request: "[#35](https://example.com/35)"\n---\n\n${body}` },
      { name: 'a rule and a heading underlined with dashes after a blank line, no keys', text: `\n---\nSome text here\n---\n\n${body}` },
    ],
    invalid: [
      {
        name: 'front matter after a blank first line',
        text: `\n---\nlayout: default\ntitle: Retry with Backoff\n---\n\n${body}`,
        errors: [
          {
            message:
              'Front matter after a blank line: it must start on the first line, or it is read as text (its `---` a rule, its keys a paragraph and a heading) and its keys are not read. Remove the blank line above it.',
            line: 2,
            column: 1,
          },
        ],
      },
      {
        name: 'a value that starts with a bracket, unquoted, at its line',
        text: `---\nstatus: draft\npull request: [#35](https://example.com/35)\n---\n\n${body}`,
        errors: [
          {
            message:
              'Malformed front matter: Comments must be separated from other tokens by white space characters. Fix the YAML between the `---` lines. Until then its keys are not read (title, status, facets…).',
            line: 3,
            column: 16,
          },
        ],
      },
      {
        name: 'below the comment that opens the file (a licence header), where the template keeps its metadata: a warning, no Markdown tool reads it as front matter',
        text: `<!-- Copyright the authors -->\n\n---\ntitle: retry\nowners:\n  - @kim\n---\n\n${body}`,
        errors: [
          {
            message:
              'Malformed front matter: Plain value cannot start with reserved character @. Fix the YAML between the `---` lines. Until then its keys are not read (title, status, facets…). (Below the comment that opens the file, no Markdown tool reads this block as front matter: a warning.)',
            line: 6,
            column: 5,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a list where a mapping belongs',
        text: `---\n- draft\n- stable\n---\n\n${body}`,
        errors: [
          { message: 'Front matter must be a YAML mapping of `key: value` pairs. Until then its keys are not read (title, status, facets…).', line: 2, column: 1 },
        ],
      },
    ],
  },
  { describe, it },
);
