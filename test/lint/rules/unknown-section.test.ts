import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/lint/rules/unknown-section.js';
import { lint } from '../../../src/lint/lint.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import { commitAllAt, tempCatalog } from '../../helpers.js';
import { lintOne } from './_lint-one.js';

const template = `# [Pattern Title]

## Overview

Describe the problem this pattern solves.

## Architecture

### Components

List the components.

## Deployment

How to deploy it.

## Cleanup

How to remove everything.
`;

const unknown = (heading: string, near?: string) => `Unknown section \`${heading}\`: the template has no such section.${near ? ` Did you mean \`${near}\`?` : ''}`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: "only the template's sections",
        text: `# Blue-Green Deployment

## Overview

Two identical environments, one live.

## Architecture

### Components

A router and two environments.

## Deployment

Deploy to the idle one, then switch.

## Cleanup

Retire the old environment.
`,
      },
      {
        name: "headings in another case than the template's",
        text: '# Blue-Green Deployment\n\n## OVERVIEW\n\nTwo environments.\n\n## deployment\n\nSwitch the router.\n',
      },
      {
        name: 'parts of a section the template asks to be written as text of its own, beside the sub-section it names (not under a bare one: see below)',
        template: template.replace('## Architecture\n\n### Components', '## Architecture\n\nDescribe the whole design, in as many parts as it needs.\n\n### Components'),
        text: '# Blue-Green Deployment\n\n## Overview\n\nTwo environments.\n\n## Architecture\n\nTwo stacks.\n\n### Components\n\nA router.\n\n### Sequence\n\nThe router flips after the checks pass.\n',
      },
      {
        name: 'parts of a section whose template asks for its text in a comment (`<!-- What is proposed, in detail… -->`), beside the sub-section it names',
        template: template.replace(
          '## Architecture\n\n### Components',
          '## Architecture\n\n<!--\nThe whole design, in as much detail as a reviewer needs to follow it.\n-->\n\n### Components',
        ),
        text: '# Blue-Green Deployment\n\n## Overview\n\nTwo environments.\n\n## Architecture\n\nTwo stacks.\n\n### Sequence\n\nThe router flips after the checks pass.\n\n### Components\n\nA router.\n',
      },
      {
        name: 'headings the rule is told to allow, in any case',
        options: { allow: ['glossary', 'Further Reading'] },
        text: '# Blue-Green Deployment\n\n## Overview\n\nTwo environments.\n\n## Glossary\n\nLive: takes traffic.\n\n## further reading\n\nNone yet.\n',
      },
    ],
    invalid: [
      {
        name: 'a near miss out of its place gets a "did you mean" (at its place it is the section, misspelt: section-name\'s); an unrelated heading does not',
        text: `# Blue-Green Deployment

## Deploymnet

Deploy to the idle one, then switch.

## Overview

Two identical environments, one live.

## Trivia

Also called red-black.
`,
        errors: [
          { message: unknown('## Deploymnet', '## Deployment'), line: 3, column: 1, endLine: 3, endColumn: 14, severity: 'warning' },
          { message: unknown('## Trivia'), line: 11, column: 1, endLine: 11, endColumn: 10, severity: 'warning' },
        ],
      },
      {
        name: 'a sub-section the template does not have',
        text: `# Blue-Green Deployment

## Architecture

### Components

A router and two environments.

### Sequence

The router flips after the checks pass.
`,
        errors: [{ message: unknown('### Sequence'), line: 9, column: 1 }],
      },
      {
        name: 'allowed headings do not hide the others',
        options: { allow: ['Glossary'] },
        text: '# Blue-Green Deployment\n\n## Overview\n\nTwo environments.\n\n## Glossary\n\nLive: takes traffic.\n\n## FAQ\n\nNone yet.\n',
        errors: [{ message: unknown('## FAQ'), line: 11, column: 1 }],
      },
      {
        name: 'the severity the configuration gives',
        config: { rules: { 'unknown-section': 'error' } },
        text: '# Blue-Green Deployment\n\n## Overview\n\nTwo environments.\n\n## Trivia\n\nAlso called red-black.\n',
        errors: [{ message: unknown('## Trivia'), line: 7, column: 1, severity: 'error' }],
      },
    ],
  },
  { describe, it },
);

describe('unknown-section with optional sections the template lists in a comment', () => {
  testRule(
    rule,
    {
      template:
        '---\ntitle: "?"\n---\n\n## Abstract\n<!-- A few lines. -->\n\n## Specification\n<!-- The change. -->\n\n<!--\nOptional sections: add any of these as an H2 here, in any order.\n\n## References        - documents this one builds on\n## Thanks - people who helped\n-->\n\n## Copyright\n<!-- The licence. -->\n',
      valid: [
        {
          name: 'a section of a listed name, wherever it stands',
          text: '---\ntitle: Bell schedule\n---\n\n## Abstract\nBells at each lesson.\n\n## Thanks\nThe office.\n\n## Specification\nTimes set each term.\n\n## References\nThe handbook.\n\n## Copyright\nPublic domain.\n',
        },
        {
          name: 'in another number or spelling of a listed name (`## Reference` for `## References`)',
          text: '---\ntitle: Bell schedule\n---\n\n## Abstract\nBells at each lesson.\n\n## Specification\nTimes set each term.\n\n## Reference\nThe handbook.\n\n## Copyright\nPublic domain.\n',
        },
      ],
      invalid: [
        {
          name: 'a name the comment does not list is still unknown',
          text: '---\ntitle: Bell schedule\n---\n\n## Abstract\nBells at each lesson.\n\n## Specification\nTimes set each term.\n\n## Appendix\nA table.\n\n## Copyright\nPublic domain.\n',
          errors: [{ message: 'Unknown section `## Appendix`: the template has no such section.', line: 11, column: 1, severity: 'warning' }],
        },
      ],
    },
    { describe, it },
  );
});

describe('unknown-section: a template that invites sections of the author’s own', () => {
  testRule(
    rule,
    {
      template: '# [Title]\n\nPlease feel free to add or remove sections.\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n',
      valid: [
        {
          name: 'a heading it does not have is no finding',
          text: '# Bell schedule\n\n## Summary\n\nBells at each lesson.\n\n## Design\n\nTimes set each term.\n\n## Rollout\n\nNext term.\n',
        },
      ],
      invalid: [
        {
          name: 'one that only lets the author remove sections still names the author’s own',
          template: '# [Title]\n\nFeel free to remove sections that do not apply.\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n',
          text: '# Bell schedule\n\n## Summary\n\nBells at each lesson.\n\n## Design\n\nTimes set each term.\n\n## Rollout\n\nNext term.\n',
          errors: [{ message: 'Unknown section `## Rollout`: the template has no such section.', line: 11, column: 1, severity: 'warning' }],
        },
      ],
    },
    { describe, it },
  );
});

describe('unknown-section: a section the template dropped after the pattern was written', () => {
  it('is no unknown section in a pattern written while the template had it (its git history); in one written after, it is', async () => {
    const older = '# Title\n\n## Summary\n\nWhat.\n\n## Design Details\n\nHow.\n\n## Risks\n\nWhat may fail.\n';
    const root = await tempCatalog({
      'templates/proposal.md': older,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['docs/*.md'] }),
      'docs/kiln-timer.md': '# Kiln timer\n\n## Summary\n\nA timer.\n\n## Design Details\n\nA clock.\n\n## Risks\n\nNone.\n',
    });
    commitAllAt(root, '2021-01-01T10:00:00Z', 'first');
    await writeFile(path.join(root, 'templates/proposal.md'), older.replace('## Design Details\n\nHow.\n\n', ''));
    commitAllAt(root, '2022-01-01T10:00:00Z', 'the template drops the design details');
    await writeFile(path.join(root, 'docs/kiln-lid.md'), '# Kiln lid\n\n## Summary\n\nA lid.\n\n## Design Details\n\nA hinge.\n\n## Risks\n\nNone.\n');
    commitAllAt(root, '2023-01-01T10:00:00Z', 'a later proposal');
    const report = await lint({ root, only: ['unknown-section'], fix: false });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.message}`))).toEqual([
      'docs/kiln-lid.md Unknown section `## Design Details`: the template has no such section.',
    ]);
  });
});

describe('unknown-section: a notice set above the title', () => {
  it('`### Moved to issue 7`, `### Implemented as the kiln module`, `## Deprecated` over the H1 are said of the document, no sections; one below the title, or that says something else, is one', async () => {
    const template = '# [Title]\n\n## Summary\n\nWhat.\n\n## Design\n\nHow.\n';
    const doc = (above: string) => `${above}\n\n# Kiln vents\n\n## Summary\n\nVents.\n\n## Design\n\nFlaps.\n`;
    for (const notice of ['### Moved to https://example.org/issues/7', '### This was implemented as the kiln module', '## Deprecated', '### Replaced by kiln-lids'])
      expect((await lintOne('unknown-section', doc(notice), { template })).shown).toEqual([]);
    expect((await lintOne('unknown-section', doc('### Kiln history'), { template })).shown).toHaveLength(1);
    const below = '# Kiln vents\n\n### Moved to https://example.org/issues/7\n\n## Summary\n\nVents.\n\n## Design\n\nFlaps.\n';
    expect((await lintOne('unknown-section', below, { template })).shown).toHaveLength(1);
  });
});

describe('unknown-section in a file that may not follow the template at all', () => {
  const following = (name: string) =>
    `# ${name}\n\n## Overview\n\nOne thing.\n\n## Architecture\n\n### Components\n\nTwo parts.\n\n## Deployment\n\nShip it.\n\n## Cleanup\n\nRemove it.\n`;
  it('under half of its sections and five headings of its own or more (a roadmap) among patterns that follow the template: only a heading near a name of the template’s is said; alone in its catalog, every heading', async () => {
    const text =
      '# Roadmap 2026\n\n## Overview\n\nWhat we plan.\n\n## Goals for spring\n\nFaster.\n\n## Goals for summer\n\nSmaller.\n\n## Staffing\n\nTwo.\n\n## Budget\n\nSome.\n\n## Risks\n\nFew.\n\n## Componets\n\nA router.\n';
    const files = { 'outbox/README.md': following('Outbox'), 'saga/README.md': following('Saga') };
    const found = await lintOne('unknown-section', text, { template, files });
    expect(found.diagnostics.map((d) => d.message)).toEqual([unknown('## Componets', '### Components')]);
    expect((await lintOne('unknown-section', text, { template })).diagnostics).toHaveLength(6);
  });
});
