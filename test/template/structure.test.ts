import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lint } from '../../src/lint/lint.js';
import { templateFromSource } from '../../src/template/load-template.js';
import { outline, tempCatalog } from '../helpers.js';

/** A template with a section that has sub-sections, in its own words. */
const TEMPLATE = `# [Pattern Title]

> [One sentence]

## Overview

Describe it.

## Architecture

### Components

List them.

### Data Flow

Describe it.

## Prerequisites

List them.

## Cleanup

How to remove it.
`;

/** Lints one pattern against a template (with `fix`, lint --fix): its findings and its text afterwards. */
async function lintPattern(
  template: string,
  pattern: string,
  options: { fix?: boolean; config?: object; only?: string[] } = {},
): Promise<{ dir: string; diagnostics: Diagnostic[]; text: string }> {
  const dir = await tempCatalog({
    'templates/pattern.md': template,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...options.config }),
    'saga/README.md': pattern,
  });
  const report = await lint({ root: dir, ...(options.fix ? { fix: true } : {}), ...(options.only ? { only: options.only } : {}) });
  return { dir, diagnostics: report.results.flatMap((r) => r.diagnostics), text: await readFile(path.join(dir, 'saga/README.md'), 'utf8') };
}

const long = (d: Diagnostic) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`;

async function findings(pattern: string, fix = false): Promise<{ shown: string[]; text: string }> {
  const { diagnostics, text } = await lintPattern(TEMPLATE, pattern, { fix });
  return { shown: diagnostics.map(long), text };
}

describe('the outline of a pattern with structural slips', () => {
  it('reads the sections after a stray H1 as the sections they are: one finding, nothing missing', async () => {
    const pattern =
      '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n# Details\n\n## Architecture\n\n### Components\n\nAn orchestrator.\n\n### Data Flow\n\nCommands out, replies back.\n\n## Prerequisites\n\nA broker.\n\n## Cleanup\n\nDrop the tables.\n';
    expect((await findings(pattern)).shown).toEqual([
      "9:1 title More than one title: `# Details` is a second H1. Make it a `##` section. (It is none of the template's sections, and no markdownlint configuration of the catalog asks for one H1: a warning.)",
    ]);
  });

  it('reports an unknown heading once, not the headings it holds', async () => {
    const pattern =
      '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n## Notes\n\n### Tip one\n\nText.\n\n### Tip two\n\nText.\n\n## Architecture\n\n### Components\n\nAn orchestrator.\n\n### Data Flow\n\nCommands.\n\n## Prerequisites\n\nA broker.\n\n## Cleanup\n\nDrop the tables.\n';
    expect((await findings(pattern)).shown).toEqual(['9:1 unknown-section Unknown section `## Notes`: the template has no such section.']);
  });

  it('reports a section at the wrong level at its heading, never as missing', async () => {
    const pattern =
      '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n## Architecture\n\n## Components\n\nAn orchestrator.\n\n### Data Flow\n\nCommands.\n\n## Prerequisites\n\nA broker.\n\n## Cleanup\n\nDrop the tables.\n';
    const { shown } = await findings(pattern);
    expect(shown.filter((s) => s.includes('required-section'))).toEqual([]);
    expect(shown.some((s) => s.startsWith('11:1 heading-level'))).toBe(true);
  });

  it("inserts a missing section after the previous section's sub-sections, and a missing sub-section before it", async () => {
    const pattern =
      '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n## Architecture\n\n### Components\n\nAn orchestrator.\n\n## Cleanup\n\nDrop the tables.\n';
    const { text } = await findings(pattern, true);
    expect(text.match(/^#+ .*/gm)).toEqual(['# Saga', '## Overview', '## Architecture', '### Components', '### Data Flow', '## Prerequisites', '## Cleanup']);
    // The next lint finds only the sections to write, no order or level problem.
    const again = await findings(text);
    expect(again.shown.map((s) => s.split(' ')[1])).toEqual(['empty-section', 'empty-section']);
  });
});

describe("an author's own sub-headings that share a template section's name", () => {
  const GUIDE = '# [Guide Title]\n\n## Introduction\n\nWhy this guide.\n\n## References\n\n- [A source](https://example.com)\n';
  const lintGuide = async (pattern: string, fix = false) => {
    const { diagnostics, text } = await lintPattern(GUIDE, pattern, { fix });
    return { shown: diagnostics.map(long), text };
  };
  const topics =
    '## Certificates\n\n### Rotation\n\nRotate them yearly.\n\n#### References\n\n- [Rotation](https://example.org/rotate)\n\n## Ciphers\n\n### Suites\n\nPrefer AEAD.\n\n#### References\n\n- [Suites](https://example.org/suites)\n\n';

  it('are content when the section itself closes the document: no level, order or duplicate finding', async () => {
    const pattern = `# TLS Guide\n\n## Introduction\n\nHow we use TLS.\n\n${topics}## References\n\n- [RFC 8446](https://example.org/rfc8446)\n`;
    const { shown } = await lintGuide(pattern);
    expect(shown.filter((f) => !f.includes('unknown-section'))).toEqual([]);
  });

  it('are content when the section is missing: it is reported missing once, and --fix adds it at the end, promoting none of them', async () => {
    const pattern = `# TLS Guide\n\n## Introduction\n\nHow we use TLS.\n\n${topics}`;
    const { shown } = await lintGuide(pattern);
    expect(shown.filter((f) => !f.includes('unknown-section')).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['5:1 required-section']);
    const { text } = await lintGuide(pattern, true);
    expect(text.match(/^#+ .*/gm)).toEqual([
      '# TLS Guide',
      '## Introduction',
      '## Certificates',
      '### Rotation',
      '#### References',
      '## Ciphers',
      '### Suites',
      '#### References',
      '## References',
    ]);
  });
});

describe("a template section's name among the author's own topics under a heading of theirs", () => {
  const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Problem\n\nWhat hurts.\n\n## Design\n\nHow.\n\n## Alternatives\n\nWhat else.\n';
  it('`### Summary` closing `### Option A` and `### Option B` in their `## Proposal`, after the sections the template puts after it: a warning that names it, and --fix moves nothing', async () => {
    const pattern =
      '# Gray plan\n\n## Problem\n\nSlow.\n\n## Design\n\nA queue.\n\n## Proposal\n\n### Option A: reuse the queue\n\nCheap.\n\n### Option B: a new queue\n\nClean.\n\n### Summary\n\nOption A wins.\n\n## Alternatives\n\nNone.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.filter((d) => d.ruleId === 'heading-level' || d.ruleId === 'section-order')).toEqual([]);
    const missing = found.diagnostics.filter((d) => d.ruleId === 'required-section');
    expect(missing.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '3 warning Missing section `## Summary`, expected before `## Problem`. This pattern has `### Summary` on line 21 elsewhere, in the words of its name: if that is the section, move it here under its heading; if not, write it.',
    ]);
    expect(missing[0]!.fix).toBeUndefined();
    const fixed = await lintPattern(template, pattern, { fix: true });
    expect(fixed.text).toContain('### Summary\n\nOption A wins.');
  });
  it('`#### The problem` beside `#### Proposal` in a step of theirs: warnings, and --fix neither moves nor renames it', async () => {
    const pattern =
      '# Read sharding\n\n## Summary\n\nFewer shards.\n\n## Design\n\n### First step: stable choice\n\n#### The problem\n\nThe choice moves.\n\n#### Proposal\n\nHash the name.\n\n## Alternatives\n\nNone.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['11 heading-level warning', '11 section-name warning']);
    expect(found.diagnostics.every((d) => d.fix === undefined)).toBe(true);
    const fixed = await lintPattern(template, pattern, { fix: true });
    expect(fixed.text).toContain('#### The problem\n\nThe choice moves.');
  });
});

describe("a template section's name under each of several topics of the author's", () => {
  it('is a heading of each topic: the section may be written topic by topic (a warning that names them), no level finding, and --fix inserts or promotes none of them', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nWhat changes.\n\n## Motivation\n\nWhy.\n\n### Requirements\n\nThe constraints.\n\n## Proposal\n\nThe change.\n\n## Evaluation\n\nHow it measures up.\n\n## Alternatives\n\nOthers.\n';
    const topic = (name: string) => `### ${name} tier\n\nWhere data goes.\n\n#### Requirements\n\nFast reads.\n\n#### Evaluation\n\nCostly.\n\n`;
    const pattern = `# Storage tiers\n\n## Summary\n\nTwo tiers.\n\n## Motivation\n\nMost data is cold.\n\n## Proposal\n\n${topic('Hot')}${topic('Cold')}## Alternatives\n\nOne tier.\n`;
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['9 required-section warning', '35 required-section warning']);
    expect(found.diagnostics[1]!.message).toContain('where this pattern has `#### Evaluation` under each of its topics (lines 21, 33)');
    const fixed = await lintPattern(template, pattern, { fix: true });
    expect(fixed.text).toBe(pattern);
  });
});

describe("a document's footer (`----`, then a copyright line)", () => {
  it("is no part of the template's last section, and --fix inserts a missing last section before the pattern's footer, where it is still said empty", async () => {
    const template = '# [Title]\n\n## How it works\n\nThe flow.\n\n## Cleanup\n\n1. Remove the stack.\n\n----\nCopyright 2026 Example Org.\n\nLicense: MIT-0\n';
    const schema = templateFromSource(template, 'pattern.md');
    expect(schema.sections.at(-1)!.body).toBe('1. Remove the stack.');
    const pattern = '# Table to search\n\n## How it works\n\nA change stream.\n\n----\nCopyright 2024 Example Org.\n\nLicense: MIT-0\n';
    const fixed = await lintPattern(template, pattern, { fix: true });
    expect(fixed.text).toBe(pattern.replace('----', '## Cleanup\n\n<!-- - Remove the stack. -->\n\n----'));
    expect(fixed.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['7 empty-section']);
  });

  it('is also the legal lines that close the last section after its text, with no break before them', async () => {
    const template = '# [Title]\n\n## How it works\n\nThe flow.\n\n## Cleanup\n\n1. Remove the stack.\n';
    const pattern = '# Table to search\n\n## How it works\n\nA change stream.\n\nCopyright 2024 Example Org.\n\nSPDX-License-Identifier: MIT-0\n';
    const fixed = await lintPattern(template, pattern, { fix: true });
    expect(fixed.text).toBe(pattern.replace('Copyright', '## Cleanup\n\n<!-- - Remove the stack. -->\n\nCopyright'));
    // (A section whose only text is such a line is not its footer: `## License` then `Licensed: MIT`.)
    const licensed = '# [Title]\n\n## How it works\n\nThe flow.\n\n## License\n\nThe license.\n';
    const kept = await lintPattern(licensed, '# Table to search\n\n## How it works\n\nA change stream.\n\n## License\n\nLicense: MIT-0\n');
    expect(kept.diagnostics).toEqual([]);
  });
});

describe('a title written a level down (`## Gateway to Queue`, no H1)', () => {
  const template = '# [Title]\n\nWhat it does.\n\n## Requirements\n\nWhat you need.\n\n## How it works\n\nThe flow.\n\n## Cleanup\n\nRemove it.\n';

  it('is the title, said once at its level: no "missing title" beside an unknown section', async () => {
    const pattern =
      '## Gateway to Queue\n\nAn HTTP gateway reads from a queue.\n\n## Requirements\n\nAn account.\n\n## How it works\n\nPolling.\n\n## Cleanup\n\nDelete the stack.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.message}`)).toEqual([
      '1 title The title is written as `## Gateway to Queue`: the template opens each pattern with an H1. Make it `# Gateway to Queue`.',
    ]);
  });

  it('the whole document a level down, its sections numbered and bold or not: the title and one layout, warnings; --fix moves them all up', async () => {
    for (const [sections, shown] of [
      ['### Requirements\n\nAn account.\n\n### How it works\n\nPolling.\n\n### Cleanup\n\nDelete the stack.\n', 'Requirements'],
      ['### 1. **Requirements**\n\nAn account.\n\n### 2. **How it works**\n\nPolling.\n\n### 3. **Cleanup**\n\nDelete the stack.\n', '1. Requirements'],
    ]) {
      const pattern = `## Gateway to Queue\n\n${sections}`;
      const found = await lintPattern(template, pattern);
      expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity} ${d.message}`)).toEqual([
        '1 title warning The title is written as `## Gateway to Queue`: the template opens each pattern with an H1. Make it `# Gateway to Queue`, and every section a level up with it.',
        `3 heading-level warning \`### ${shown}\` should be level 2: \`## ${shown}\`, and so should 2 more sections written one level down: every heading of this pattern is below the template's level.`,
      ]);
      const fixed = await lintPattern(template, pattern, { fix: true });
      expect(fixed.text.startsWith('# Gateway to Queue\n')).toBe(true);
      expect(fixed.diagnostics).toEqual([]);
    }
  });

  it('a first section of the template, or a part of a document, stays a section: the title is missing', async () => {
    for (const first of ['## Requirements\n\nAn account.', '## Overview\n\nA gateway.', '## Table of Contents\n\n- [How it works](#how-it-works)']) {
      const pattern = `${first}\n\n## How it works\n\nPolling.\n\n## Cleanup\n\nDelete the stack.\n`;
      const messages = (await lintPattern(template, pattern)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.message}`);
      expect(messages.filter((m) => m.startsWith('1 title'))).toEqual([expect.stringContaining('Missing title')]);
    }
  });
});

describe('a section followed at its own level by its template sub-sections', () => {
  it('is not empty (the levels are the one finding), and --fix puts a missing sub-section at its place after them', async () => {
    const template =
      '# [Title]\n\n## Context\n\nWhat is the issue?\n\n## Consequences\n\n### Positive\n\nWhat gets easier?\n\n### Negative\n\nWhat gets harder?\n\n### Neutral\n\nWhat else changes?\n';
    const pattern = '# Typed errors\n\n## Context\n\nErrors are strings.\n\n## Consequences\n\n## Positive\n\nCallers can match.\n\n## Negative\n\nMore types.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['7 required-section', '9 heading-level', '13 heading-level']);
    const fixed = await lintPattern(template, pattern, { fix: true });
    expect(fixed.text.match(/^#+ .*/gm)).toEqual(['# Typed errors', '## Context', '## Consequences', '### Positive', '### Negative', '### Neutral']);
  });
});

describe('--fix changes no level that would regroup sections', () => {
  const template = '# [Title]\n\n## Introduction\n\nWhat it is.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';

  it('leaves a heading whose move would take the sections after it under it, or empty its parent: the finding stays, no fix', async () => {
    const siblings = '# Plugin API\n\n## Introduction\n\n### Motivation\n\nPlugins need hooks.\n\n### Short description\n\nA hook per event.\n\n## Design\n\nHooks.\n';
    const found = await lintPattern(template, siblings, { fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toContain('5 heading-level');
    expect(found.text).toBe(siblings);
    const only = '# Plugin API\n\n## Introduction\n\n### Motivation\n\nPlugins need hooks.\n\n## Design\n\nHooks.\n';
    const alone = await lintPattern(template, only, { fix: true });
    expect(alone.text).toBe(only);
    // With text of its own above it, the parent keeps that, and nothing after it moves under it: fixed.
    const fixable = only.replace('## Introduction\n\n', '## Introduction\n\nA plugin API for the editor.\n\n');
    expect((await lintPattern(template, fixable, { fix: true })).text).toBe(fixable.replace('### Motivation', '## Motivation'));
  });
});

describe('--fix never moves a section by its level alone, nor breaks a link', () => {
  const template =
    '# [Proposal]\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nWhat.\n\n## Design\n\n### Test Plan\n\nHow it is tested.\n\n## References\n\nSources.\n';
  const lintFix = async (pattern: string) => {
    const { dir, diagnostics } = await lintPattern(template, pattern);
    await lint({ root: dir, fix: true });
    return { before: diagnostics, text: await readFile(path.join(dir, 'saga/README.md'), 'utf8') };
  };

  it('demotes a section whose template parent is missing only once the parent is there (else it would fall under the section before it), and writes it once', async () => {
    const pattern =
      '# Faster builds\n\n## Summary\n\nCache it.\n\n## Proposal\n\nA store.\n\n## Test Plan\n\nBuild twice.\n\n## References\n\n- [Caching](https://example.org)\n';
    const { before, text } = await lintFix(pattern);
    // One gap, one finding: the missing parent. The level of the section it would hold is not asked
    // while the parent is missing (there is nothing to nest it under). (A heading over its sub-section
    // only, the sub-section standing at its place: a warning that says the heading is what is missing.)
    expect(before.filter((d) => d.ruleId !== 'unknown-section').map((d) => `${d.severity} ${d.ruleId} ${d.message.slice(0, 27)}`)).toEqual([
      'warning required-section Missing section `## Design`',
    ]);
    expect(before.find((d) => d.ruleId === 'required-section')!.message).toContain('writes its sub-section at its level (`## Test Plan`)');
    // The parent is inserted without the sub-section the pattern has; the next pass puts that one under it.
    expect(text.match(/^#+ .*/gm)).toEqual(['# Faster builds', '## Summary', '## Proposal', '## Design', '### Test Plan', '## References']);
    expect(text).toContain('### Test Plan\n\nBuild twice.');
  });

  it('renames no heading that the file links to', async () => {
    const pattern =
      '# Faster builds\n\n- [Refs](#reference)\n\n## Summary\n\nCache it.\n\n## Proposal\n\nA store.\n\n## Design\n\n### Test Plan\n\nBuild twice.\n\n## Reference\n\n- [Caching](https://example.org)\n';
    const { before, text } = await lintFix(pattern);
    expect(before.find((d) => d.ruleId === 'section-name')).toMatchObject({ message: expect.stringMatching(/`## Reference` is written `## References`/) });
    expect(before.find((d) => d.ruleId === 'section-name')!.fix).toBeUndefined();
    expect(text).toBe(pattern);
  });
});

describe("an author's heading that shares the name of a sub-section whose parent the pattern lacks", () => {
  it('is that sub-section out of place, once; the questions under it in the template are not asked of it', async () => {
    const template =
      '# [Proposal]\n\n## Summary\n\nOne paragraph.\n\n## Review\n\n### Troubleshooting\n\n#### What fails first?\n\nSay.\n\n#### How is it noticed?\n\nSay.\n';
    const pattern = '# Faster builds\n\n## Summary\n\nCache it.\n\n## Operations\n\n### Troubleshooting\n\nClear the cache.\n';
    const dir = await tempCatalog({
      'templates/proposal.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md' }),
      'builds/README.md': pattern,
    });
    const report = await lint({ root: dir });
    const shown = report.results[0]!.diagnostics.filter((d) => d.ruleId !== 'unknown-section').map((d) => `${d.line} ${d.ruleId} ${d.message.slice(0, 40)}`);
    expect(shown).toEqual(['5 required-section Missing section `## Review`, expected af', '9 section-order `### Troubleshooting` is misplaced: the ']);
  });
});

describe('a heading that starts with the name of a section the pattern has', () => {
  it("is a section of the author's (unknown), not that section out of place", async () => {
    const template = '# [Proposal]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow it works.\n';
    const pattern = '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Design\n\nA content-addressed store.\n\n## Summary of the changes\n\n- A store.\n';
    const dir = await tempCatalog({
      'templates/proposal.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md' }),
      'builds/README.md': pattern,
    });
    const report = await lint({ root: dir });
    expect(report.results[0]!.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.severity}`)).toEqual(['11:1 unknown-section warning']);
  });
});

describe("one heading inside the author's sections that shares a missing section's name", () => {
  const GUIDE = '# [Guide Title]\n\n## Introduction\n\nWhy this guide.\n\n## References\n\n- [A source](https://example.com)\n';
  const findingsOf = async (pattern: string) => (await lintPattern(GUIDE, pattern)).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.ruleId}`);

  it("is its topic's own two levels down: the section is missing", async () => {
    const pattern =
      '# TLS Guide\n\n## Introduction\n\nHow.\n\n## Certificates\n\n### Rotation\n\nYearly.\n\n#### References\n\n- [Rotation](https://example.org/rotate)\n';
    expect(await findingsOf(pattern)).toEqual(['5 required-section']);
  });

  it('stands for the section one level down: a level finding, not a missing section', async () => {
    const pattern = '# TLS Guide\n\n## Introduction\n\nHow.\n\n## Certificates\n\nYearly.\n\n### References\n\n- [Rotation](https://example.org/rotate)\n';
    expect(await findingsOf(pattern)).toEqual(['11 heading-level']);
  });

  it('stands for it too where a template section in other words follows (`## Testing Steps` for `## Testing`)', async () => {
    const template = '# [Title]\n\n## Requirements\n\nWhat you need.\n\n## How it works\n\nThe flow.\n\n## Testing\n\nHow to check.\n';
    const pattern =
      '# Broker to Warehouse\n\n## Requirements\n\nAn account.\n\n## Getting Started\n\nThe steps below.\n\n### How it works\n\nA pipe loads batches.\n\n## Testing Steps\n\nCount the rows.\n';
    const found = (await lintPattern(template, pattern)).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.ruleId}`);
    expect(found).toEqual(['11 heading-level']);
  });

  it("with words of the author's before the name (`### External References`), is the topic's own: the section is missing", async () => {
    const pattern = '# TLS Guide\n\n## Introduction\n\nHow.\n\n## Certificates\n\nYearly.\n\n### External References\n\n- [Rotation](https://example.org/rotate)\n';
    expect(await findingsOf(pattern)).toEqual(['5 required-section']);
  });
});

describe('shapes found by the second review of real catalogs', () => {
  const lintWith = async (template: string, pattern: string, fix = false) => {
    const { diagnostics, text } = await lintPattern(template, pattern, { fix });
    return { shown: diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}: ${d.message}`), text };
  };

  it('a second part of a section (its name with more words) keeps what it holds: nothing missing, nothing inserted twice', async () => {
    const template = '# [T]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n\n### Test Plan\n\nHow it is tested.\n\n### Rollout\n\nHow it ships.\n';
    const pattern =
      '# Builds\n\n## Summary\n\nCache it.\n\n## Design\n\nThe store.\n\n## Design, part two\n\nThe client.\n\n### Test Plan\n\nBuild twice.\n\n### Rollout\n\nBehind a flag.\n';
    const { shown } = await lintWith(template, pattern);
    expect(shown.filter((f) => f.includes('required-section'))).toEqual([]);
    const { text } = await lintWith(template, pattern, true);
    expect(text.match(/^### Test Plan$/gm)).toHaveLength(1);
  });

  it("a lone look-alike one level down, with the author's sections going on after it, is theirs: the section is missing", async () => {
    const template = '# [Guide]\n\n## Introduction\n\nWhy.\n\n## References\n\n- [A source](https://example.com)\n';
    const pattern =
      '# TLS\n\n## Introduction\n\nHow.\n\n## Storage\n\nKeep keys apart.\n\n### References\n\n- [Keys](https://example.org/keys)\n\n## Ciphers\n\nPrefer AEAD.\n';
    const { shown } = await lintWith(template, pattern);
    expect(shown.filter((f) => f.includes('error')).map((f) => f.split(':')[0])).toEqual(['5 required-section error']);
  });

  it('is not renamed by its content when it shares no word with the section whose sub-sections it holds', async () => {
    const template = '# [T]\n\n## Summary\n\nOne paragraph.\n\n## Design Details\n\n### Test Plan\n\nHow.\n\n### Rollout\n\nHow.\n';
    const pattern = '# Builds\n\n## Summary\n\nCache it.\n\n## References\n\n- [Cache](https://example.org)\n\n### Test Plan\n\nTwice.\n\n### Rollout\n\nFlag.\n';
    const { shown } = await lintWith(template, pattern);
    expect(shown.some((f) => f.includes('section-name'))).toBe(false);
    expect(shown.some((f) => f.includes('required-section') && f.includes('`## Design Details`'))).toBe(true);
  });

  it("takes headings named like the sub-sections of an optional section the pattern leaves out, inside the author's own section, as theirs", async () => {
    const template =
      '# [T]\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nWhat.\n\n### User Stories (Optional)\n\n#### Story 1\n\nA story.\n\n#### Story 2\n\nAnother.\n\n## Alternatives\n\nOthers.\n';
    const pattern =
      '# Builds\n\n## Summary\n\nCache it.\n\n## Proposal\n\nA store.\n\n## Alternatives\n\nNone.\n\n## Future Work\n\n#### Story 1\n\nRemote caches.\n\n#### Story 2\n\nEviction.\n';
    const { shown } = await lintWith(template, pattern);
    expect(shown.filter((f) => f.includes(' error: '))).toEqual([]);
  });

  it("names a misplaced section's parent at the template's own level when the template skips levels", async () => {
    const template = '# [T]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\n#### Test Plan\n\nHow.\n\n## Notes\n\nMore.\n';
    const pattern = '# Builds\n\n## Summary\n\nCache it.\n\n## Design\n\nThe store.\n\n## Notes\n\nNone.\n\n#### Test Plan\n\nTwice.\n';
    const { shown } = await lintWith(template, pattern);
    expect(shown.find((f) => f.includes('section-order'))).toMatch(/the template puts it under `## Design`/);
  });

  it("takes a sub-section anywhere between its parent and the template's level as nested where the template skips levels", async () => {
    const template = '# [T]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n\n### Test Plan\n\nHow it is tested.\n\n##### Unit tests\n\nWhich.\n';
    const nested = (hashes: string) => `# Builds\n\n## Summary\n\nCache it.\n\n## Design\n\nThe store.\n\n### Test Plan\n\nTwice.\n\n${hashes} Unit tests\n\nThree.\n`;
    expect((await lintWith(template, nested('####'))).shown).toEqual([]);
    expect((await lintWith(template, nested('#####'))).shown).toEqual([]);
    // Above its parent's level it is not nested at all.
    expect((await lintWith(template, nested('###'))).shown.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['15 heading-level']);
  });
});

describe('a section the template has under another name', () => {
  it('is known by its sub-sections: one rename finding, its sub-sections at their place', async () => {
    const template =
      '# [Proposal]\n\n## Summary\n\nOne paragraph.\n\n## Readiness Review Questions\n\n### Rollout\n\nHow is it turned on?\n\n### Monitoring\n\nHow do you know it works?\n\n### Scaling\n\nWhat grows with use?\n';
    const pattern =
      '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Readiness Questions\n\n### Rollout\n\n###### Can it be turned off?\n\nYes, with a flag.\n\n### Monitoring\n\nA hit-rate metric.\n\n### Scaling\n\nThe cache grows with the branches.\n';
    const dir = await tempCatalog({
      'templates/proposal.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md' }),
      'builds/README.md': pattern,
    });
    const report = await lint({ root: dir });
    const shown = report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`));
    expect(shown).toEqual(['7:1 section-name']);
    expect(report.results[0]!.diagnostics[0]!.message).toMatch(
      /`## Readiness Questions` is written `## Readiness Review Questions` in the template \(it holds that section's sub-sections\)/,
    );
    // The author may mean the other name: the rename is asked, not made (--fix changes nothing).
    expect(report.results[0]!.diagnostics[0]!.fix).toBeUndefined();
    await lint({ root: dir, fix: true });
    expect(await readFile(path.join(dir, 'builds/README.md'), 'utf8')).toBe(pattern);
  });
});

describe('template semantics read from real-catalog shapes', () => {
  const lintWith = async (template: string, pattern: string, config: object = {}) => (await lintPattern(template, pattern, { config })).diagnostics.map(long);

  it('takes a comment that says "optional" right above a heading as that section\'s marker, not as the body above', async () => {
    const template =
      '# [Title]\n\n## Context\n\nDescribe the context.\n\n<!-- This part is optional: leave it out when it does not apply. -->\n## Drivers\n\n* [driver 1]\n\n## Outcome\n\nSay what was chosen.\n';
    const pattern = '# Use a queue\n\n## Context\n\nOrders arrive in bursts.\n\n## Outcome\n\nA queue in front of the order service.\n';
    expect(await lintWith(template, pattern)).toEqual([]);
    // The marker is not the Context section's text: a section written from the template keeps none of it.
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'saga/README.md': '# Use a queue\n\n## Outcome\n\nA queue.\n',
    });
    await lint({ root: dir, fix: true });
    expect(await readFile(path.join(dir, 'saga/README.md'), 'utf8')).not.toContain('optional');
  });

  it('asks content softly of a section whose template body is only a comment for the author: left empty, a warning', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph on the change.\n\n## Drawbacks\n\n<!--\nWhy should this not be done?\n-->\n\n## Prior art\n\nList them.\n';
    const pattern = '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Drawbacks\n\n## Prior art\n\n';
    expect(await lintWith(template, pattern)).toEqual([
      '7:1 empty-section Section `## Drawbacks` is empty: write its content or remove the heading if the template marks it optional. (The template gives it only a note for the author: a warning.)',
      '9:1 empty-section Section `## Prior art` is empty: write its content or remove the heading if the template marks it optional.',
    ]);
  });

  it("reads a bracketed optional note and a name with more words as the template's section", async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Drawbacks (optional)\n\nWhy not.\n\n## References\n\n- [A source](https://example.com)\n';
    const pattern =
      '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Drawbacks [optional]\n\nMore disk.\n\n## References and Further Reading\n\n- [Caching](https://example.org/caching)\n';
    expect(await lintWith(template, pattern)).toEqual([]);
  });

  it('reads `[if necessary]` after a name as an optional note: kept as the template writes it, or left out, nothing is said', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Rollback [if necessary]\n\nHow to undo it.\n\n## Open points\n\nWhat is undecided.\n';
    const kept = '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Rollback [if necessary]\n\nDrop the cache.\n\n## Open points\n\nEviction.\n';
    const without = '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Open points\n\nEviction.\n';
    expect(await lintWith(template, kept)).toEqual([]);
    expect(await lintWith(template, without)).toEqual([]);
  });

  it('reads a leading optional note (`[Optional] Prior art`, escaped or not, `(Optional) …`) as a note: the section is optional, its name the rest', async () => {
    for (const marked of ['\\[Optional\\] Earlier work', '[Optional] Earlier work', '(optional) Earlier work', 'Optional: Earlier work']) {
      const template = `# [Title]\n\n## Summary\n\nOne paragraph.\n\n## ${marked}\n\nSimilar ideas elsewhere.\n\n## Open points\n\nWhat is undecided.\n`;
      const without = '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Open points\n\nEviction.\n';
      const withIt = '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Earlier work\n\nccache.\n\n## Open points\n\nEviction.\n';
      expect(await lintWith(template, without), marked).toEqual([]);
      expect(await lintWith(template, withIt), marked).toEqual([]);
    }
    // A bracketed placeholder that says nothing of being optional is no note: `[Component] design` stays a name.
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## [Component] design\n\nHow it is built.\n';
    expect((await lintWith(template, '# Faster builds\n\n## Summary\n\nCache.\n')).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['5:1 required-section']);
  });

  it("reads a section's name with a word of the author's before it as that section, not as a missing one plus an unknown one", async () => {
    const template = '# [Title]\n\n## Problem\n\nWhat hurts.\n\n## Resulting Context\n\nWhat is true afterwards.\n\n## Known Uses\n\nWho does it.\n';
    const pattern = '# Shared builds\n\n## Problem\n\nEvery team builds alone.\n\n## Desired Resulting Context\n\nOne build for all.\n\n## Known Uses\n\nTwo teams.\n';
    expect(await lintWith(template, pattern)).toEqual([]);
    // Three words before the name are not that name with a word before it: the same section worded
    // another way where the template puts it (a rename warning), not accepted as it is.
    const own = pattern.replace('Desired Resulting Context', 'What We Hope For Resulting Context');
    expect((await lintWith(template, own)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['7:1 section-name']);
  });

  it('reads a section written once per case, each with words of its own before the name (`### Cloud-to-device Diagram Steps`, `### Device-to-cloud Diagram Steps`), as that section: not missing, not duplicated, nothing inserted', async () => {
    const template =
      '# Name\n\n## Challenge\n\nDescribe it.\n\n## Solution\n\nDescribe it with a diagram.\n\n### Diagram Steps\n\n1. Describe each step.\n\n## Considerations\n\nWhat to weigh.\n';
    const pattern =
      '# Mirror\n\n## Challenge\n\nState lives on both sides.\n\n## Solution\n\nKeep a copy on each side.\n\n### Cloud-to-device Diagram Steps\n\n1. The cloud writes.\n\n### Device-to-cloud Diagram Steps\n\n1. The device reports.\n\n## Considerations\n\nConflicts.\n';
    expect(await lintWith(template, pattern)).toEqual([]);
    // (The same case twice: the second is no other case, a heading of the author's.)
    const twice = pattern.replace('Device-to-cloud Diagram Steps', 'Cloud-to-device Diagram Steps');
    expect((await lintWith(template, twice)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['15:1 unknown-section']);
  });

  it("reads a heading that keeps the leading words of a name holding the pattern's name (`Intent of [Pattern Title] Design Pattern`) as that section", async () => {
    const template =
      '# [Pattern Title]\n\n## Intent of [Pattern Title] Design Pattern\n\nOne sentence.\n\n## Benefits and Trade-offs of [Pattern Title] Pattern\n\nWhat it costs.\n\n## References and Credits\n\n- [A source](https://example.com)\n';
    // The fixed words after the name dropped, the name itself left out; `&` for `and` is the same
    // word (no finding), `Credit` the name written another way (a rename warning, as for a plural).
    const pattern =
      '# Outbox\n\n## Intent of Outbox Pattern\n\nPublish after the commit.\n\n## Benefits and Trade\u2011offs\n\nOne more table.\n\n## References & Credit\n\n- [Notes](https://example.org/outbox)\n';
    expect((await lintWith(template, pattern)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['11:1 section-name']);
    expect(await lintWith(template, pattern.replace('& Credit', '& Credits'))).toEqual([]);
    // Other leading words are another section: the template's is missing.
    const other = pattern.replace('Intent of Outbox Pattern', 'Purpose of Outbox Pattern');
    // (Reported where it goes, first, above the author's own heading there.)
    expect((await lintWith(template, other)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual([
      '3:1 required-section',
      '3:1 unknown-section',
      '11:1 section-name',
    ]);
  });

  it('reads a heading that words a section another way, where the template puts it, as that section: a rename warning without a fix, nothing missing', async () => {
    const template = '# [Title]\n\n## Motivation\n\nWhy.\n\n## Prior art and alternatives\n\nWhat else.\n\n## Future possibilities\n\nWhat next.\n';
    const pattern = '# Faster builds\n\n## Motivation\n\nSlow.\n\n## Prior Art\n\nMake.\n\n## Future Work\n\nA remote cache.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning', '11 section-name warning']);
    expect(found.diagnostics.every((d) => d.fix === undefined)).toBe(true);
    // A heading of the author's own beside them is theirs; a heading that fits two sections is neither
    // (the file then has one of the three: one finding says so).
    const more = pattern.replace('## Prior Art\n', '## Prior Art\n\nMake.\n\n## Benchmarks\n');
    expect((await lintWith(template, more)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['7:1 section-name', '11:1 unknown-section', '15:1 section-name']);
    const both = pattern.replace('## Prior Art', '## Prior Art and Future Possibilities Considered').replace('## Future Work', '## Notes');
    expect((await lintWith(template, both)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual([
      '1:1 required-section',
      '7:1 unknown-section',
      '11:1 unknown-section',
    ]);
  });

  it("reads a word of the same role where the template puts a section (`## Purpose` for `## Motivation`, `## Downsides` for `## Drawbacks`) as that section; elsewhere it stays the author's", async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n\n## Drawbacks\n\nWhy not.\n';
    const pattern = '# Faster builds\n\n## Summary\n\nCache.\n\n## Purpose\n\nSlow.\n\n## Design\n\nA store.\n\n## Downsides\n\nDisk.\n';
    const found = (await lintPattern(template, pattern)).diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning', '15 section-name warning']);
    // At another place (after Design, where the template puts Drawbacks, not Motivation): the author's own section.
    const moved = '# Faster builds\n\n## Summary\n\nCache.\n\n## Motivation\n\nSlow.\n\n## Design\n\nA store.\n\n## Purpose\n\nSpeed.\n\n## Drawbacks\n\nDisk.\n';
    expect((await lintPattern(template, moved)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['15 unknown-section warning']);
  });

  it("reads a heading that shares a long word of a lacking section's name, out of the template's order, as that section: a rename and an order warning, nothing missing", async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Alternatives\n\nWhat else.\n\n## Adoption strategy\n\nHow people move.\n\n## How we teach this\n\nDocs.\n';
    const pattern =
      '# Lazy rows\n\n## Summary\n\nRender on scroll.\n\n## Alternatives\n\nPaging.\n\n## How we teach this\n\nA guide.\n\n## Plan for adoption\n\nBehind a flag.\n';
    const found = (await lintPattern(template, pattern)).diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`).sort()).toEqual(['11 section-order warning', '15 section-name warning']);
    expect(found.find((d) => d.ruleId === 'section-name')?.message).toContain('shares a word');
    // Two headings that share the word: neither is taken for it, and the section is missing.
    const two = pattern.replace('## Plan for adoption', '## Notes on adoption\n\nSlowly.\n\n## Plan for adoption');
    expect((await lintPattern(template, two)).diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['required-section']);
    // A long topic heading, or one that only shares a qualifier, is the author's own.
    for (const own of ['## Notes from the first trials of its adoption', '## Adoption metrics']) {
      const found = (await lintPattern(template, pattern.replace('## Plan for adoption', own))).diagnostics;
      expect(found.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['required-section']);
    }
    // A four-letter word that is the whole heading and a noun the name joins: `## Risks` for `## Risks and Drawbacks`.
    const risks = await lintPattern(
      '# [Title]\n\n## Summary\n\nShort.\n\n## Specification\n\nHow.\n\n## Testing\n\nChecks.\n\n## Risks and Drawbacks\n\nWhat could go wrong.\n',
      '# Tenant keys\n\n## Summary\n\nKeys per tenant.\n\n## Risks\n\nKey loss.\n\n## Specification\n\nRotate monthly.\n\n## Testing\n\nA drill.\n',
    );
    expect(risks.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`).sort()).toEqual(['7 section-name warning', '7 section-order warning']);
    // The name's first part, up to the word that joins the next, however short its words: `## Earlier
    // work` for `## Earlier work and alternatives`, after the last section: renamed and out of order, never
    // missing (with it required, `--fix` had inserted an empty copy above).
    const cut = await lintPattern(
      '# [Title]\n\n## Summary\n\nShort.\n\n## Design\n\nHow.\n\n## Earlier work and alternatives\n\nWhat exists.\n\n## Open questions\n\nWhat is left.\n',
      '# Numeric levels\n\n## Summary\n\nLevels as numbers.\n\n## Design\n\nOne to twenty.\n\n## Open questions\n\nCustom bands.\n\n## Earlier work\n\nEight levels elsewhere.\n',
    );
    expect(cut.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`).sort()).toEqual(['11 section-order warning', '15 section-name warning']);
    // (Not words that stop short of the joining word: `## Earlier` is only the start of the first part.)
    const short = await lintPattern(
      '# [Title]\n\n## Summary\n\nShort.\n\n## Earlier work and alternatives\n\nWhat exists.\n\n## Open questions\n\nWhat is left.\n',
      '# Numeric levels\n\n## Summary\n\nLevels as numbers.\n\n## Open questions\n\nCustom bands.\n\n## Earlier\n\nEight levels elsewhere.\n',
    );
    expect(short.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['required-section']);
    // …and so is one with the same head noun and another qualifier (another section of that kind).
    for (const own of ['## Team strategy']) {
      const found = (await lintPattern(template, pattern.replace('## Plan for adoption', own))).diagnostics;
      expect(found.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['required-section']);
    }
  });

  it('reads what is left for later, in other words and out of order (`## Future Work` after `## Alternatives considered`), as `## Future directions`: a rename and an order warning, nothing missing, nothing inserted', async () => {
    const template =
      '# [Title]\n\n## Introduction\n\nIn brief.\n\n## Detailed design\n\nHow.\n\n## Future directions\n\nWhat may follow.\n\n## Alternatives considered\n\nWhat else.\n';
    const pattern = (later: string) =>
      `# Borrowed buffers\n\n## Introduction\n\nLend a buffer.\n\n## Detailed design\n\nA scoped borrow.\n\n## Alternatives considered\n\nCopies.\n\n${later}\n\nMutable borrows.\n`;
    const found = await lintPattern(template, pattern('## Future Work'), { fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`).sort()).toEqual(['11 section-order warning', '15 section-name warning']);
    expect(found.text.match(/^## Future.*$/gm)).toEqual(['## Future Work']);
    // (Nor is another word after the qualifier, or another qualifier, that section: `## Future costs`, `## Related work`.)
    for (const own of ['## Future costs', '## Related work']) {
      const other = (await lintPattern(template, pattern(own))).diagnostics;
      expect(other.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['required-section']);
    }
  });

  it('takes a shared word only in the same role: `## References` is no `## Reference Implementation`, `## Future Work` is `## Future possibilities`', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Specification\n\nHow.\n\n## Reference Implementation\n\nWhere the code is.\n\n## Future possibilities\n\nWhat next.\n';
    const pattern =
      '# Fee cap\n\n## Summary\n\nCaps fees.\n\n## Specification\n\nReject above the cap.\n\n## References\n\n- [A paper](https://example.org/fees)\n\n## Future Work\n\nPer-account caps.\n';
    const found = (await lintPattern(template, pattern)).diagnostics;
    // (`## References` alone where the Reference Implementation goes is not renamed; a missing section
    // with one heading of the author's alone in its stead is a warning that names it.)
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`).sort()).toEqual([
      '11 unknown-section warning',
      '15 section-name warning',
      '9 required-section warning',
    ]);
    expect(found.find((d) => d.ruleId === 'required-section')!.message).toContain('This pattern has `## References` there, in its stead');
    // One word of the name as the name writes it, alone at its place, is the section: `## Decision` for
    // `## Decision Outcome` (a rename warning; nothing missing, nothing inserted).
    const outcome = await lintPattern(
      '# [Title]\n\n## Context\n\nWhy.\n\n## Decision Outcome\n\nWhat was chosen.\n\n## Consequences\n\nWhat follows.\n',
      '# Queue choice\n\n## Context\n\nTwo brokers.\n\n## Decision\n\nThe smaller one.\n\n## Consequences\n\nLess to run.\n',
    );
    expect(outcome.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning']);
    // …also where an optional section that starts with the same word is missing there too.
    const drivers = await lintPattern(
      '# [Title]\n\n## Context\n\nWhy.\n\n## Decision Drivers <!-- optional -->\n\nWhat weighs.\n\n## Considered Options <!-- optional -->\n\nWhich.\n\n## Decision Outcome\n\nWhat was chosen.\n\n## Pros and Cons <!-- optional -->\n\nOf each.\n\n## Links <!-- optional -->\n\nMore.\n',
      '# Queue choice\n\n## Context\n\nTwo brokers.\n\n## Decision\n\nThe smaller one.\n\n## Links\n\nNone.\n',
    );
    expect(drivers.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning']);
    // Another form of a one-word name at its place, its first six letters shared: `## Rationality` for `## Rationale`.
    const form = await lintPattern(
      '# [Title]\n\n## Motivation\n\nWhy.\n\n## Rationale\n\nWhy so.\n\n## Security\n\nRisks.\n',
      '# Fee cap\n\n## Motivation\n\nFees spike.\n\n## Rationality\n\nA cap is simple.\n\n## Security\n\nNone new.\n',
    );
    expect(form.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning']);
    // A participle after the noun only qualifies it: `## Alternatives` is `## Alternatives considered`.
    const considered = await lintPattern(
      '# [Title]\n\n## Motivation\n\nWhy.\n\n## Alternatives considered\n\nWhat else.\n\n## Security\n\nRisks.\n',
      '# Fee cap\n\n## Motivation\n\nFees spike.\n\n## Alternatives\n\nA queue.\n\n## Security\n\nNone new.\n',
    );
    expect(considered.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning']);
    // A word with a noun that only says what kind of text it is (`## Route overview`) is that word
    // alone: of the required `## Route Proposal` and the optional `## Detailed Route` it fits alike,
    // the one the template asks for — not the optional one, with the required one called missing.
    const overview = await lintPattern(
      '# [Title]\n\n## Motivation\n\nWhy.\n\n## Route Proposal\n\nThe plan.\n\n## Detailed Route\n\nThis section is optional. More.\n\n## Costs\n\nWhat it takes.\n\n## Questions\n\nOpen ones.\n',
      '# Night bus\n\n## Motivation\n\nLate shifts.\n\n## Route overview\n\nA loop past the depots.\n\n## Costs\n\nTwo drivers.\n\n## Questions\n\nFares?\n',
    );
    expect(overview.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning']);
    expect(overview.diagnostics[0]!.message).toContain('`## Route Proposal`');
    // A word written as two (`## Draw Backs`), even at another level and place, is the section spelt another way.
    const split = await lintPattern(
      '# [Title]\n\n## Design\n\nHow.\n\n### Drawbacks\n\nWhy not.\n\n## Rollout\n\nWhen.\n',
      '# Fee cap\n\n## Design\n\nA cap.\n\n## Rollout\n\nNext month.\n\n## Draw Backs\n\nState.\n',
    );
    expect(split.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['11 heading-level', '11 section-name']);
    // A compound the name's word only begins is another section: `## Reference-level explanation` is no `## References`.
    const compound = await lintPattern(
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n\n## References\n\nLinks.\n',
      '# Fee cap\n\n## Summary\n\nCaps fees.\n\n## Design\n\nA cap.\n\n## Reference-level explanation\n\nThe exact rule.\n',
    );
    expect(compound.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['9 required-section error', '11 unknown-section warning']);
  });

  it('names a heading a level down, under the section before, that is a missing section in kindred words: a warning, nothing inserted', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Detailed design\n\nEnough for someone to implement it.\n\n## Drawbacks\n\nWhy not.\n';
    const pattern = '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Motivation\n\nDrift.\n\n### Proposed changes\n\nA lock file.\n\n## Drawbacks\n\nChurn.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.line} ${d.severity}`)).toEqual(['13 warning']);
    expect(found.diagnostics.find((d) => d.ruleId === 'required-section')!.message).toContain('`### Proposed changes` under `## Motivation`, a level down');
    expect(found.text).toBe(pattern);
    // A sub-heading of another topic there is the Motivation's own: the section is missing.
    const other = pattern.replace('### Proposed changes', '### Earlier incidents');
    expect((await lintPattern(template, other)).diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.line} ${d.severity}`)).toEqual(['13 error']);
  });

  it('names headings elsewhere whose words hold every word of a missing section’s name: a warning, nothing inserted', async () => {
    const template =
      '# [Title]\n\n## Requirements\n\nWhat you need.\n\n## Deployment\n\nThe steps.\n\n## How it works\n\nExplain how it works.\n\n## Testing\n\nHow to test it.\n\n## Cleanup\n\nHow to remove it.\n';
    const pattern =
      '# Drip timer\n\n## Requirements\n\nA tap.\n\n## Deployment\n\nScrew it on.\n\n## Test it by hand\n\nOpen the tap.\n\n## Test it on a timer\n\nWait a day.\n\n## Cleanup\n\nUnscrew it.\n\n## How the timer works\n\nA spring.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(
      found.diagnostics
        .filter((d) => d.ruleId === 'required-section')
        .map((d) => `${d.severity} ${d.message.split('. ')[0]} | ${d.message.split('. ')[1]!.slice(0, 60)}`),
    ).toEqual([
      'warning Missing section `## How it works`, expected after `## Deployment` | This pattern has its own sections there (`## Test it by hand',
      'warning Missing section `## Testing`, expected after `## Deployment` | This pattern has its own sections there (`## Test it by hand',
    ]);
    expect(found.diagnostics.find((d) => d.message.includes('How it works'))!.message).toContain(
      'It also has `## How the timer works` on line 23, in the words of its name.',
    );
    expect(found.text).toBe(pattern);
    // Other words are no such heading: the section is missing, an error, and --fix inserts it.
    const other = pattern.replace('## How the timer works', '## Spring tension');
    const missingThere = (await lintPattern(template, other)).diagnostics.filter((d) => d.ruleId === 'required-section');
    expect(missingThere.map((d) => `${d.severity} ${d.message.split(',')[0]}`)).toEqual([
      'error Missing section `## How it works`',
      'warning Missing section `## Testing`',
    ]);
  });

  it('a template section moved down past a missing one does not end its place: the headings after it there may be it (`## Considered approaches` for Alternatives)', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nIn brief.\n\n## Similar tools\n\nWhich?\n\n## Use cases\n\nWho?\n\n## Alternatives\n\nWhat else?\n\n## Placement\n\nWhere?\n';
    const pattern =
      '# Band saw\n\n## Summary\n\nCurves.\n\n## Use cases\n\nToys.\n\n## Similar tools\n\nA jigsaw.\n\n## Proposal\n\nBuy one.\n\n## Considered approaches\n\nRenting.\n\n## Placement\n\nBy the door.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.severity} ${d.message.split(': ')[0]}`)).toEqual([
      'warning Missing section `## Alternatives`, expected after `## Use cases`. This pattern has its own sections there (`## Proposal`, `## Considered approaches`)',
    ]);
    expect(found.text).toBe(pattern);
  });

  it('--fix inserts a missing section before a later one written a level down inside the section before, once that is raised', async () => {
    const template =
      '# [Title]\n\n## Requirements\n\nWhat you need.\n\n## Deployment\n\nThe steps.\n\n## How it works\n\nExplain how it works.\n\n## Testing\n\nHow to test it.\n\n## Cleanup\n\nHow to remove it.\n';
    const pattern = '# Shed light\n\n## Requirements\n\nA panel.\n\n## Deployment\n\nScrew it on.\n\n### Testing\n\nCover the panel.\n\n## Cleanup\n\nUnscrew it.\n';
    const fixed = await lintPattern(template, pattern, { fix: true });
    expect(fixed.text).toBe(
      '# Shed light\n\n## Requirements\n\nA panel.\n\n## Deployment\n\nScrew it on.\n\n## How it works\n\n<!-- Explain how it works. -->\n\n## Testing\n\nCover the panel.\n\n## Cleanup\n\nUnscrew it.\n',
    );
  });

  it('names the one heading that stands where the template has a missing section in other words altogether: a warning, nothing inserted beside it', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Detailed design\n\nEnough for someone to implement it.\n\n## Drawbacks\n\nWhy not.\n';
    const pattern = '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Motivation\n\nDrift.\n\n## Implementation\n\nA lock file.\n\n## Drawbacks\n\nChurn.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['11 required-section warning']);
    expect(found.diagnostics[0]!.message).toContain('where this pattern has `## Implementation`');
    expect(found.text).toBe(pattern);
    // A heading of another topic there (not what the guidance talks of) is not renamed: the section is
    // missing, unless that heading is it in other words — one alone in its stead may be, so it is a
    // warning that names it, and nothing is inserted above it.
    const other = pattern.replace('## Implementation', '## Benchmarks');
    const benchmarks = await lintPattern(template, other, { fix: true });
    expect(benchmarks.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['9 required-section warning', '11 unknown-section warning']);
    expect(benchmarks.diagnostics[0]!.message).toContain('This pattern has `## Benchmarks` there, in its stead');
    // (Kindred to two missing there alike, last in the pattern before only optional sections: each said with it, nothing inserted.)
    const designs =
      '# [Title]\n\n## Abstract\n\nIn brief.\n\n## Goals\n\nWhat.\n\n## High-Level Design\n\nThe overall change.\n\n## Detailed Design\n\nIn detail.\n\n## Open Issues\n\nUnknowns. This section may be omitted if there are none.\n';
    const short = '# Widget\n\n## Abstract\n\nA smaller widget.\n\n## Goals\n\nSmaller.\n\n## Design\n\nA shared dictionary.\n';
    const twoKindred = await lintPattern(designs, short, { fix: true });
    expect(twoKindred.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.severity} ${d.message.slice(0, 40)}`)).toEqual([
      'warning Missing section `## High-Level Design`, ',
      'warning Missing section `## Detailed Design`, ex',
    ]);
    expect(twoKindred.text).toBe(short);
    // (So in a pattern whose every section is written a level up, `# Motivation`, `# Benchmarks`: the same warning.)
    const up = other.replace(/^## /gm, '# ');
    const upFound = await lintPattern(template, up, { fix: false });
    expect(upFound.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.line} ${d.severity}`)).toEqual(['9 warning']);
    expect(upFound.diagnostics.find((d) => d.ruleId === 'required-section')!.message).toContain('This pattern has `# Benchmarks` there, in its stead');
    expect(benchmarks.text).toBe(other);
    // Where another section is missing there too, that one heading is no more one than the other's: errors.
    const both = other.replace('## Drawbacks\n\nChurn.\n', '');
    expect((await lintPattern(template, both)).diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.line} ${d.severity}`)).toEqual([
      '9 error',
      '9 error',
    ]);
    // …unless that heading is in words kindred to one of theirs alone (`## Proposed change` for the
    // Detailed design, not the Motivation): that one is a warning that names it, nothing inserted for
    // it; the other is missing, and inserted before it.
    const oneOfTwo = '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Proposed change\n\nA lock file.\n\n## Drawbacks\n\nChurn.\n';
    const shared = await lintPattern(template, oneOfTwo);
    expect(shared.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.line} ${d.severity} ${d.message.split(',')[0]}`)).toEqual([
      '5 error Missing section `## Motivation`',
      '5 warning Missing section `## Detailed design`',
    ]);
    expect((await lintPattern(template, oneOfTwo, { fix: true })).text).toBe(
      oneOfTwo.replace('## Proposed change', '## Motivation\n\n<!-- Why. -->\n\n## Proposed change'),
    );
    // (Also where the template section that bounds it is one of the missing section's own sub-sections,
    // written a level up: it is still between two sections the pattern has.)
    const subTemplate = template.replace('## Drawbacks', '### Risks\n\nWhat could break.\n\n## Drawbacks');
    const bySub = '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Motivation\n\nDrift.\n\n## Proposed change\n\nA lock file.\n\n## Risks\n\nFew.\n';
    expect(
      (await lintPattern(subTemplate, bySub)).diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.severity} ${d.message.split(',')[0]}`),
    ).toEqual(['warning Missing section `## Detailed design`', 'error Missing section `## Drawbacks`']);
    // Two headings there before the next template section, one the guidance talks of: it may be it
    // (a warning that names both, nothing inserted); with none it talks of, the section is missing.
    const two = pattern.replace('## Implementation\n', '## Implementation\n\nA lock file.\n\n## Rollout\n');
    expect((await lintPattern(template, two)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual([
      '9 required-section warning',
      '11 unknown-section warning',
      '15 unknown-section warning',
    ]);
    // (Short ones among the pattern's other text; where they held most of it, they might be the
    // section in parts: see required-section's tests.)
    const twoOther = pattern
      .replace('## Implementation\n', '## Benchmarks\n\nA lock file.\n\n## Rollout\n')
      .replace('Drift.', 'Inputs drift between two builds of one commit, and nobody can tell which of them changed or why.');
    expect((await lintPattern(template, twoOther)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual([
      '9 required-section error',
      '11 unknown-section warning',
      '15 unknown-section warning',
    ]);
    // …or one in words kindred to its name's: the answer (`## Proposed solution` for the Detailed
    // design), the why (`## Problem statement` for the Motivation).
    const kindred = pattern.replace('## Implementation\n', '## Goals\n\nNo drift.\n\n## Proposed solution\n');
    expect((await lintPattern(template, kindred)).diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.line} ${d.severity}`)).toEqual([
      '9 warning',
    ]);
    // (Bounded by the template section that follows in the pattern, also one written out of order:
    // `## Drawbacks` before `## Detailed design`.)
    const outOfOrder =
      '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Background\n\nDrift.\n\n## History\n\nIt grew.\n\n## Drawbacks\n\nChurn.\n\n## Detailed design\n\nA lock file.\n';
    expect(
      (await lintPattern(template, outOfOrder, { fix: true })).diagnostics
        .filter((d) => d.ruleId === 'required-section')
        .map((d) => `${d.line} ${d.severity} ${d.message.slice(0, 90)}`),
    ).toEqual(['5 warning Missing section `## Motivation`, expected after `## Summary`. This pattern has its own sec']);
    const why = pattern.replace('## Motivation\n\nDrift.\n', '## Problem statement\n\nDrift.\n\n## History\n\nIt grew.\n');
    // (Both sections it lacks there — the Motivation, and the Detailed design `## Implementation` is then
    // no longer alone in the stead of — have headings there that may be them: warnings.)
    expect((await lintPattern(template, why)).diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.line} ${d.severity}`)).toEqual([
      '5 warning',
      '5 warning',
    ]);
    // Whatever follows it, a template section or the author's own: the heading and its place decide.
    const closing = '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Motivation\n\nDrift.\n\n## Implementation\n\nA lock file.\n\n## Related reading\n\nLinks.\n';
    expect((await lintPattern(template, closing)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual([
      '11 required-section warning',
      '13 required-section error',
      '15 unknown-section warning',
    ]);
    const last = '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Motivation\n\nDrift.\n\n## Detailed design\n\nA lock file.\n\n## Churn\n\nSome.\n';
    expect((await lintPattern(template, last)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual([
      '13 required-section error',
      '15 unknown-section warning',
    ]);
  });

  it('names the heading in other words a level off, or after the last sub-section, where a missing sub-section goes: a warning, nothing inserted', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat should this achieve?\n\n### Non-Goals\n\nWhat is out of scope for this work?\n\n## Proposal\n\nThe change.\n';
    const shown = async (pattern: string, fix = false) => {
      const found = await lintPattern(template, pattern, fix ? { fix: true } : {});
      return { list: found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`), found };
    };
    // After the last sub-section, at its level, before the next template section.
    const same =
      '# Warm pool\n\n## Summary\n\nKeep hosts warm.\n\n## Motivation\n\nCold starts.\n\n### Goals\n\nFast starts.\n\n### Out of scope\n\nCost.\n\n## Proposal\n\nA pool.\n';
    const a = await shown(same, true);
    expect(a.list).toEqual(['15 required-section warning']);
    expect(a.found.diagnostics[0]!.message).toContain('where this pattern has `### Out of scope`');
    expect(a.found.text).toBe(same);
    // The sub-sections written a level up: the level is a finding, the section in other words is named.
    const up = same.replace('### Goals', '## Goals').replace('### Out of scope', '## Out of scope');
    // (Right after their template parent: the outline written flat, a warning.)
    expect((await shown(up)).list).toEqual(['11 heading-level warning', '15 required-section warning']);
    // Another topic there is the author's own, and the section is missing.
    const other = same.replace('### Out of scope', '### Benchmarks');
    expect((await shown(other)).list).toEqual(['13 required-section error', '15 unknown-section warning']);
    // Whatever follows it: at the end of the document too.
    const last =
      '# Warm pool\n\n## Summary\n\nKeep hosts warm.\n\n## Proposal\n\nA pool.\n\n## Motivation\n\nCold starts.\n\n### Goals\n\nFast starts.\n\n## Out of scope\n\nCost.\n';
    expect((await shown(last)).list).toEqual(['7 section-order warning', '19 required-section warning']);
  });

  it('--fix inserts a missing section after the sub-sections of the one before that are written a level up, once heading-level has moved them under it', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nList them.\n\n### Requirements\n\nList them.\n\n## Proposal\n\nDescribe it.\n\n## References\n\nLinks.\n';
    const pattern =
      '# Workspace paths\n\n## Summary\n\nPaths for workspaces.\n\n## Motivation\n\nUsers ask.\n\n### Goals\n\nShort paths.\n\n## Requirements\n\nMust be stable.\n\n### User Stories\n\nAs a user I mount it.\n\n## References\n\nThe issue.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    // Requirements and its stories stay under Motivation; the Proposal comes after them, never between.
    expect(found.text.match(/^#+ .*$/gm)).toEqual([
      '# Workspace paths',
      '## Summary',
      '## Motivation',
      '### Goals',
      '### Requirements',
      '#### User Stories',
      '## Proposal',
      '## References',
    ]);
  });

  it('reads other words for a section where the template puts it: a synonym, the topic before a word for a kind of text, the verb of a step, the same head noun as a question', async () => {
    const template =
      '# [Title]\n\n## Requirements\n\nWhat you need.\n\n## Deployment Instructions\n\n1. Clone it.\n\n## How it works\n\nThe flow.\n\n## Testing\n\nHow to check it.\n\n## Cleanup\n\n1. Remove it.\n';
    const pattern =
      '# Topic to function\n\n## Prerequisites\n\nAn account.\n\n## Deployment\n\n1. Run the deploy command.\n\n## How does the flow work?\n\nEach message runs it.\n\n## Test the sample stack\n\nPublish one.\n\n## Cleanup\n\n1. Remove the stack.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual([
      '3 section-name warning',
      '7 section-name warning',
      '11 section-name warning',
      '15 section-name warning',
    ]);
    expect(found.text).toBe(pattern);
    const verb = pattern.replace('## Deployment\n', '## Deploy the sample stack\n');
    expect((await lintPattern(template, verb)).diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toContain('7 section-name');
    // Another topic there is not renamed: the section is missing — a warning, as that heading alone in
    // its stead may be it in other words.
    const other = pattern.replace('## Deployment\n', '## Costs\n');
    expect((await lintPattern(template, other)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual([
      '3 section-name warning',
      '5 required-section warning',
      '7 unknown-section warning',
      '11 section-name warning',
      '15 section-name warning',
    ]);
    // The name's word in another form, as two words (`## Cleaning up` for `## Cleanup`); the topic
    // before a word for the commands (`## Deployment commands`); of two headings that fit `## Testing`,
    // the one after the deploy steps, in the template's order.
    const forms =
      '# Topic to function\n\n## Deployment commands\n\n1. Run the deploy command.\n\n## How it works\n\nEach message runs it.\n\n## Testing\n\nPublish one.\n\n## Cleaning up\n\n1. Remove the stack.\n\n## Requirements\n\nAn account.\n';
    const formsFound = (await lintPattern(template, forms)).diagnostics;
    expect(formsFound.filter((d) => d.severity === 'error')).toEqual([]);
    expect(formsFound.filter((d) => d.ruleId === 'section-name').map((d) => /^`([^`]+)`/.exec(d.message)?.[1])).toEqual(['## Deployment commands', '## Cleaning up']);
    const twoTests =
      '# Topic to function\n\n## Requirements\n\nAn account.\n\n## Test the build locally\n\nRun the unit tests.\n\n## Deploy the stack\n\nRun it.\n\n## Test the stack\n\nPublish one.\n\n## Cleanup\n\n1. Remove the stack.\n';
    const twoFound = (await lintPattern(template, twoTests)).diagnostics;
    expect(twoFound.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['Missing section `## How it works`, expected after `## Deploy the stack`.']);
    expect(twoFound.filter((d) => d.ruleId === 'section-name').map((d) => /^`([^`]+)`/.exec(d.message)?.[1])).toEqual(['## Deploy the stack', '## Test the stack']);
    // An introduction where the summary goes, a rationale where the motivation goes: the same role.
    const roles = await lintPattern(
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n',
      '# Chunked uploads\n\n## Introduction\n\nUploads go in chunks.\n\n## Rationale\n\nOne big upload stalls the indexer.\n\n## Design\n\nA queue of chunks.\n',
      { fix: true },
    );
    expect(roles.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['3 section-name warning', '7 section-name warning']);
    // A qualifier of the opposite meaning names another section: settled questions are no open ones.
    const settled = await lintPattern(
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Open questions\n\nWhat is undecided?\n',
      '# Chunked uploads\n\n## Summary\n\nUploads go in chunks.\n\n## Settled review questions\n\nThe chunk size is one megabyte.\n',
    );
    // (Missing, a section of what is still open is a warning of its own: if nothing is, say so.)
    expect(settled.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['5 required-section warning', '7 unknown-section warning']);
    expect(settled.diagnostics[0]!.message).toContain('If nothing is left open');
  });

  it('takes one section written a level up over its siblings (`# Summary` over `## Motivation`) as one heading off: no sibling misplaced, the file not under half', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n\n## Drawbacks\n\nWhy not.\n';
    const titled =
      '# Write thread\n\n# Summary\n\nSlow writes go to a thread.\n\n## Motivation\n\nSyncs block.\n\n## Design\n\nA writer.\n\n## Drawbacks\n\nOne more thread.\n';
    expect((await lintPattern(template, titled)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['3 heading-level error']);
    const untitled = titled.replace('# Write thread\n\n', '');
    expect(
      (await lintPattern(template, untitled)).diagnostics.map((d) =>
        `${d.line} ${d.ruleId} ${d.severity} ${d.message.includes('as H1s from the top') ? 'cause' : ''}`.trim(),
      ),
    ).toEqual(['1 title error cause']);
  });

  it('takes a heading that is one of the names a template heading offers with a slash (`Non-Goals/Future Work`) as the section; a second of them beside it is the author’s', async () => {
    const template =
      '# [Title]\n\n## Introduction/Overview\n\nWhat it is.\n\n## Goals\n\nWhat it achieves.\n\n### Non-Goals/Future Work\n\nWhat it leaves out.\n\n## Design\n\nHow.\n';
    const pattern = '# Warm pool\n\n## Overview\n\nKeep hosts warm.\n\n## Goals\n\nFast starts.\n\n### Non-Goals\n\nCost.\n\n## Design\n\nA pool.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual([]);
    expect(found.text).toBe(pattern);
    const both = pattern.replace('## Overview\n\nKeep hosts warm.\n', '## Introduction\n\nKeep hosts warm.\n\n## Overview\n\nA pool of idle hosts.\n');
    expect((await lintPattern(template, both)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 unknown-section warning']);
  });

  it('inserts a missing section after the heading that stands for the section before it, not between that one and the one before', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Detailed design\n\nEnough for someone to implement it.\n\n## Drawbacks\n\nWhy not.\n\n## Alternatives\n\nOthers.\n';
    const pattern = '# Pinned inputs\n\n## Summary\n\nPin them.\n\n## Motivation\n\nDrift.\n\n## Implementation\n\nA lock file.\n\n## Alternatives\n\nNone.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.text).toBe(pattern.replace('## Alternatives', '## Drawbacks\n\n<!-- Why not. -->\n\n## Alternatives'));
  });

  it("reads the name's own words in another order or form (`## Proposed Design` for `## Design Proposal`) as that section, where other sections lacking there share a word", async () => {
    const template = '# [Title]\n\n## Objective\n\nWhat for.\n\n## Design Proposal\n\nThe design.\n\n## Design Review\n\nWho looked.\n\n## Questions\n\nOpen ones.\n';
    const pattern = '# Sharded saves\n\n## Objective\n\nFaster saves.\n\n## Proposed Design\n\nOne file per shard.\n\n## Questions\n\nNone yet.\n';
    const found = (await lintPattern(template, pattern)).diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['7 section-name warning', '9 required-section error']);
    expect(found[1]!.message).toContain('`## Design Review`');
  });

  it('reads a heading with an article before the name (`The Intent of …`, `The Problem`) as that section', async () => {
    const template = '# [Title]\n\n## Problem\n\nWhat hurts.\n\n## Solution\n\nWhat helps.\n';
    const pattern = '# Retry budget\n\n## The Problem\n\nStorms.\n\n## Solution\n\nA budget.\n';
    const found = (await lintPattern(template, pattern)).diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['3 section-name warning']);
  });

  it('takes other words for a section only at its level: a small heading in the header is not the section out of place', async () => {
    const template = '# [Title]\n\n## Summary of changes (optional)\n\nWhat changes.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
    const pattern = '# Async queues\n\n* Status: accepted\n\n#### Change Log\n\n* v2: fewer locks.\n\n## Motivation\n\nSlow.\n\n## Design\n\nA ring.\n';
    const found = (await lintPattern(template, pattern)).diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['5 unknown-section warning']);
  });

  it("takes a section's name with more words inside another section, at another level, as the author's own sub-heading", async () => {
    const template = '# [Title]\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat.\n\n## Rationale\n\nWhy so.\n';
    const pattern = '# Cheap proofs\n\n## Motivation\n\nHardware is dear.\n\n### Rationale for commodity hardware\n\nEveryone has it.\n\n## Specification\n\nA hash.\n';
    // The Rationale is missing (an error); the sub-heading of the Motivation is not it one level out of
    // place (a heading-level error before): under a section the template gives no sub-sections, it is
    // the Motivation's content, as any sub-heading of the author's there is (no finding). (A heading a
    // level down that opens with the name may be the section in longer words, `### Testing using the
    // console` — but not one whose next words say what it is about, `for commodity hardware`.)
    const found = (await lintPattern(template, pattern)).diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['13 required-section error']);
  });

  it("takes a section's alias beside the section under its own name as a section of the author's, not a duplicate", async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Detailed design\n\nHow.\n\n## Drawbacks\n\nWhy not.\n';
    const config = { sections: { 'Detailed design': { aliases: ['Transition Path'] } } };
    const both = '# Modern inputs\n\n## Summary\n\nNew inputs.\n\n## Detailed design\n\nA component.\n\n## Transition Path\n\nA codemod.\n\n## Drawbacks\n\nChurn.\n';
    const found = (await lintPattern(template, both, { config })).diagnostics;
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['11 unknown-section warning']);
    // Alone, the alias is the section.
    const alone = both.replace('## Detailed design\n\nA component.\n\n', '');
    expect((await lintPattern(template, alone, { config })).diagnostics).toEqual([]);
  });

  it('accepts any spelling of a name the configuration accepts (`Implementations` for the alias `Implementation`), with nothing to rename', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Reference Implementation\n\nCode.\n';
    const pattern = '# Faster builds\n\n## Summary\n\nCache it.\n\n## Implementations\n\nTwo.\n';
    expect((await lintPattern(template, pattern, { config: { sections: { 'Reference Implementation': { aliases: ['Implementation'] } } } })).diagnostics).toEqual([]);
  });

  it('offers no fix inserting a missing parent away from its sub-sections that the pattern has elsewhere (it would stand empty beside them)', async () => {
    const template =
      '# [T]\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nWhat.\n\n## Design\n\nHow.\n\n### Test Plan\n\nHow it is tested.\n\n## References\n\nSources.\n';
    const pattern =
      '# Faster builds\n\n## Summary\n\nCache it.\n\n## Test Plan\n\nBuild twice.\n\n## Proposal\n\nA store.\n\n## References\n\n- [Caching](https://example.org)\n';
    const { diagnostics, text } = await lintPattern(template, pattern, { fix: true });
    const missing = diagnostics.find((d) => d.ruleId === 'required-section')!;
    expect(missing.message).toMatch(/Missing section `## Design`/);
    expect(text).toBe(pattern);
  });

  it('a missing section is reported at the point where it goes: a TBD left on that line is still reported (not hidden as the same span)', async () => {
    const template = '# [Title]\n\n## Overview\n\nSay what.\n\n## Test Cases\n\nTBD\n\n## Security\n\nRisks.\n';
    const pattern = '# Retry budgets\n\n## Overview\n\nCap retries.\n\n## Test Cases\n\nTBD\n';
    expect((await lintWith(template, pattern)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['9:1 placeholder', '9:1 required-section']);
  });

  it('reads a misspelt heading where the template puts the section as that section written another way: a rename warning, nothing missing', async () => {
    const template = '# [Title]\n\n## Motivation\n\nWhy.\n\n## Detailed design\n\nHow.\n\n## Future possibilities\n\nWhat next.\n';
    const pattern = '# Faster builds\n\n## Motivation\n\nSlow.\n\n## Detail Design\n\nA cache.\n\n## Future Posibilities\n\nA remote cache.\n';
    expect((await lintWith(template, pattern)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['7:1 section-name', '11:1 section-name']);
    // The author may mean another word: --fix leaves the rename to them.
    expect((await lintPattern(template, pattern, { fix: true })).text).toBe(pattern);
    // Out of its place a misspelling is not taken for the section; the name's own words in another
    // form are (`Detail Design`: a rename, and section-order says where it goes).
    const moved = '# Faster builds\n\n## Future possibilities\n\nA remote cache.\n\n## Detail Design\n\nA cache.\n\n## Motivation\n\nSlow.\n';
    expect((await lintWith(template, moved)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['3:1 section-order', '7:1 section-name', '7:1 section-order']);
    const misspeltOnly = moved.replace('Detail Design', 'Detial Desgin');
    expect((await lintWith(template, misspeltOnly)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual([
      '3:1 section-order',
      '7:1 unknown-section',
      '13:1 required-section',
    ]);
  });

  it('never reads a word naming another part of a document as a slip of the keyboard (`## Context` for `## Content`)', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne line.\n\n## Content\n\nThe body.\n\n## Alternatives\n\nOthers.\n';
    const pattern = '# Faster builds\n\n## Summary\n\nCache it.\n\n## Context\n\nWhy now.\n\n## Alternatives\n\nNone.\n';
    const found = await lintWith(template, pattern);
    expect(found.some((d) => d.includes('section-name'))).toBe(false);
    expect(found.some((d) => /required-section.*`## Content`/.test(d))).toBe(true);
    // A slip in the same word is still one: `## Contnet`.
    expect((await lintWith(template, pattern.replace('Context', 'Contnet'))).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['7:1 section-name']);
  });

  it('reads a synonym where a kindred section goes as that section, not the synonym out of order (`## Motivation` in the slot of `## Background`)', async () => {
    const template = '# Proposal: [name]\n\n## Abstract\n\n[Short.]\n\n## Background\n\n[Why.]\n\n## Proposal\n\n[What.]\n\n## Rationale\n\n[Trade-offs.]\n';
    const pattern = '# Proposal: cache\n\n## Abstract\n\nCache builds.\n\n## Motivation\n\nSlow builds.\n\n## Proposal\n\nA cache.\n';
    const found = await lintWith(template, pattern);
    expect(found.some((d) => /Rationale`\)? is out of order|read as the template's `## Rationale`|section-name/.test(d))).toBe(false);
    // Said where it stands: the section it may be, in other words (a warning), and the one truly missing.
    expect(found.filter((d) => /required-section/.test(d)).map((d) => d.match(/`## \w+`/)?.[0])).toEqual(['`## Background`', '`## Rationale`']);
    expect(found[0]).toMatch(/`## Motivation` there, in its stead/);
    const { diagnostics } = await lintPattern(template, pattern);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.slice(0, 30))).toEqual(['Missing section `## Rationale`']);
    // Written after the proposal, where the template puts `## Rationale`, it is that section.
    const after = '# Proposal: cache\n\n## Abstract\n\nCache builds.\n\n## Background\n\nSlow builds.\n\n## Proposal\n\nA cache.\n\n## Motivation\n\nCheaper.\n';
    expect((await lintWith(template, after)).map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['15:1 section-name']);
  });

  it('never asks for a part whose heading says to delete it before submitting, nor sub-sections the guidance says to delete where they do not apply', async () => {
    const tips =
      '# [Title]\n\n## Abstract\n\n[Short.]\n\n## Copyright\n\n[Public domain.]\n\n# Formatting tips - delete this part before opening a pull request\n\n[Use fenced blocks.]\n';
    const doc = '# Kiln vents\n\n## Abstract\n\nVent the kiln.\n\n## Copyright\n\nPublic domain.\n';
    expect(await lintWith(tips, doc)).toEqual([]);
    expect((await lintPattern(tips, doc, { fix: true })).text).toBe(doc);
    const stages =
      '# [Title]\n\n## Summary\n\n<!-- One paragraph. -->\n\n## Release Stages\n<!-- If staged releases are not needed, say why here and delete the stage headings below. -->\n\n### Preview\n\n<!-- What ships first. -->\n\n### Stable\n\n<!-- What ships later. -->\n';
    const small = '# Small change\n\n## Summary\n\nA small fix.\n\n## Release Stages\n\nToo small to stage.\n\n### Stable\n\nShips at once.\n';
    expect(await lintWith(stages, small)).toEqual([]);
    expect((await lintPattern(stages, small, { fix: true })).text).toBe(small);
  });

  it('reads an opening H1 naming a part of a document as a section where the template writes H1 sections under a name field: --fix writes nothing between it and its text', async () => {
    const template = '- Feature Name: (fill me in with a unique ident)\n- Start Date: (YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n';
    const pattern = '- Feature Name: joined_outputs\n- Start Date: 2024-03-03\n\n# Background\n\nTwo outputs, nothing joins them.\n\n# Design\n\nJoin them.\n';
    const found = await lintWith(template, pattern);
    expect(found.map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['4:1 required-section', '4:1 unknown-section']);
    expect(found[0]).toMatch(/`# Background` there, in its stead/);
    expect((await lintPattern(template, pattern, { fix: true })).text).toBe(pattern);
  });

  it('reads a section named in brackets (`## [Related Links]`) as that section, kept with its marks or not: never a heading of any words', async () => {
    const template =
      '# [Title]\n\n## [Related Links]\n\nIssues this relates to.\n\n## Summary\n\nThe idea.\n\n## Proposed Implementation\n\nHow.\n\n## Rollout Plan\n\nHow users move.\n';
    const pattern = '# Caching\n\n## Related Links\n\n- #12\n\n## Summary\n\nCache it.\n\n## Proposed Changes\n\nA cache.\n\n## Rollout Plan\n\nBehind a flag.\n';
    const found = await lintWith(template, pattern);
    expect(found.filter((d) => /required-section|section-order/.test(d))).toEqual([]);
    expect(found.some((d) => /`## Proposed Changes` is written `## Proposed Implementation`/.test(d))).toBe(true);
    const kept = await lintWith(template, pattern.replace('## Related Links', '## [Related Links]'));
    expect(kept.filter((d) => /required-section|section-order|unknown-section/.test(d))).toEqual([]);
    // (One that asks for a heading of the author's, `## [Section title]`, is a slot for any.)
    expect(await lintWith(template.replace('[Related Links]', '[Section title]'), pattern.replace('## Related Links', '## Links'))).not.toContainEqual(
      expect.stringContaining('unknown-section'),
    );
  });

  it("names the template's last sections wrapped with others under the author's heading, a heading of theirs after it: warnings, --fix inserts no second one", async () => {
    const template =
      '# [Title]\n\n## Background\n\n[Why.]\n\n## Drivers\n\n[What matters.]\n\n## Considered Options\n\n[Options.]\n\n## Decision Outcome\n\n[The choice.]\n';
    const pattern =
      '# Pick a cache store\n\n## Background\n\nSlow reports.\n\n## Drivers\n\n- Under one second\n\n## A Second Round\n\n### Considered Options\n\n- Memory\n- A server\n\n### Decision Outcome\n\nMemory.\n\n## Try It\n\nRun it twice.\n';
    const found = await lintWith(template, pattern);
    expect(found.filter((d) => /required-section/.test(d)).map((d) => d.split(' ')[0])).toEqual(['13:1', '18:1']);
    expect(found.filter((d) => /required-section/.test(d)).every((d) => /under its own `## A Second Round`/.test(d))).toBe(true);
    const { text, diagnostics } = await lintPattern(template, pattern, { fix: true });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(text).toBe(pattern);
  });

  it("never asks for the template's title line written as an H2 (`## Your Design Title`, `## Design Note Template`) as a section", async () => {
    const template =
      '## Your Design Title\n\n* **Owner:**\n  * `<name>`\n\n> Short: one line on what this design changes.\n\n## Motivation\n\nWhy.\n\n## Goals\n\nWhat.\n';
    const pattern =
      '---\ntitle: Cache warmup design\n---\n\n* **Owner:**\n  * Kim\n\n> Short: warm the cache.\n\n## Motivation\n\nCold starts.\n\n## Goals\n\nFast starts.\n';
    // (Read from front matter by the configuration, as most of a catalog keeps it: the template's line is still its title.)
    expect(await lintWith(template, pattern, { title: { from: 'front-matter' } })).toEqual([]);
    const { text } = await lintPattern(template, pattern, { config: { title: { from: 'front-matter' } }, fix: true });
    expect(text).toBe(pattern);
    // One that names the template over its sections, kept in a README: a pattern with an H1 title over
    // `##` sections has the template's outline, from its title down; so has one that copies its levels.
    const readme = '## Design Note Template\n\nCopy this file to start a new design note.\n\n### Overview\n\n<!-- The idea. -->\n\n### Design\n\n<!-- The details. -->\n';
    expect(await lintWith(readme, '# Mail queue\n\n## Overview\n\nQueue mail.\n\n## Design\n\nA table.\n')).toEqual([]);
    expect(await lintWith(readme, '## Image resize\n\n### Overview\n\nResize.\n\n### Design\n\nA worker.\n')).toEqual([]);
  });

  it("takes a missing section's name with more words deep in the author's own sub-headings as their content, not the section out of place", async () => {
    const template = '# [Name]\n\n## Overview\n\nWhat.\n\n## Specification\n\nHow.\n\n## Implementation\n\nWhere.\n';
    const own = '### Rules\n\n#### Calls\n\n##### Boil rules\n\n- Stop at 100.\n\n##### Implementation specific pouring rules\n\n- Pour slower.\n';
    const inSpec = `# Kettle\n\n## Overview\n\nBoil water.\n\n## Specification\n\n${own}\n## Usage\n\nCall boil().\n`;
    expect((await lintWith(template, inSpec)).map((d) => d.split(' ').slice(0, 3).join(' '))).toEqual(['19:1 required-section Missing', '21:1 unknown-section Unknown']);
    // Under a heading of the author's, it is that heading's content: one unknown section for it all.
    const inOwn = `# Kettle\n\n## Overview\n\nBoil water.\n\n## Specification\n\nBoil.\n\n## Notes\n\n${own}`;
    expect((await lintWith(template, inOwn)).filter((d) => /unknown-section/.test(d)).map((d) => d.split(' ')[0])).toEqual(['11:1']);
  });

  it("leaves the author's own sub-headings in a section without template sub-sections alone, and a nested look-alike of a present section", async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Solution\n\nHow it works.\n\n## Future possibilities\n\nWhat next.\n';
    const pattern =
      '# Faster builds\n\n## Summary\n\nCache the compiler output.\n\n## Solution\n\n### 1. Key the cache by inputs\n\nHash them.\n\n### 2. Share it\n\nA remote store.\n\n## Future possibilities\n\nAn earlier draft, kept for reference:\n\n### Summary\n\nCache everything.\n';
    expect(await lintWith(template, pattern)).toEqual([]);
  });
});

describe('slot sections, learned from the catalog', () => {
  const template =
    '# [Topic] Guide\n\n## Introduction\n\nSay what the guide covers.\n\n## Main Sections\n\nThe sections here depend on the topic: write your own.\n\n## References\n\n- [A source](https://example.com)\n';
  const guide = (n: number, own: string[]) =>
    `# Topic ${n} Guide\n\n## Introduction\n\nGuide number ${n}.\n\n${own.map((h) => `## ${h}\n\nText about ${h.toLowerCase()}.\n`).join('\n')}\n## References\n\n- [Source ${n}](https://example.org/${n})\n`;
  const run = async (count: number, own: (n: number) => string[], extra: Record<string, string> = {}) => {
    const files: Record<string, string> = { 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...extra };
    for (let n = 1; n <= count; n++) files[`g${n}/README.md`] ??= guide(n, own(n));
    const dir = await tempCatalog(files);
    const report = await lint({ root: dir });
    return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId}`));
  };

  it('takes a template section no pattern has, where patterns write their own sections, as the place for them', async () => {
    expect(await run(12, (n) => [`Threat ${n}`, 'Mitigations'])).toEqual([]);
  });

  it('still takes it as the place for them when one pattern in twenty kept its heading as the template wrote it', async () => {
    const found = await run(20, (n) => (n === 7 ? ['Main Sections', `Threat ${n}`] : [`Threat ${n}`, 'Mitigations']));
    expect(found).toEqual([]);
    // …or wrote its own sections under it.
    const under = await run(20, (n) => (n === 7 ? [] : [`Threat ${n}`, 'Mitigations']), {
      'g7/README.md':
        '# Topic 7 Guide\n\n## Introduction\n\nGuide 7.\n\n## Main Sections\n\n### Threat 7\n\nText.\n\n## References\n\n- [Source 7](https://example.org/7)\n',
    });
    expect(under).toEqual([]);
    // A pattern that writes the section, with nothing of its own after it, makes it a section the
    // others lack (one the template has just gained), however few write it.
    const gained = await run(20, (n) => (n === 7 ? [] : [`Threat ${n}`]), {
      'g7/README.md':
        '# Topic 7 Guide\n\n## Introduction\n\nGuide 7.\n\n## Main Sections\n\nWhat this guide covers.\n\n## References\n\n- [Source 7](https://example.org/7)\n',
    });
    expect(gained.filter((f) => f.endsWith('required-section'))).toHaveLength(19);
    // One in ten is no longer a stray copy: the others lack a section the template has.
    const more = await run(20, (n) => (n % 10 === 0 ? ['Main Sections'] : [`Threat ${n}`]));
    expect(more.filter((f) => f.endsWith('required-section'))).toHaveLength(18);
  });

  it('still reports a section the template has just gained: the patterns have nothing of their own where it goes', async () => {
    const found = await run(12, () => []);
    expect(found).toHaveLength(12);
    expect(new Set(found.map((f) => f.split(' ')[1]))).toEqual(new Set(['required-section']));
  });

  it("still takes the place of a slot the configuration made optional for the patterns' own sections", async () => {
    expect(
      await run(12, (n) => [`Threat ${n}`, 'Mitigations'], {
        'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', sections: { 'Main Sections': { optional: true } } }),
      }),
    ).toEqual([]);
  });

  it('does not learn from a catalog too small to tell', async () => {
    const found = await run(3, (n) => [`Threat ${n}`]);
    expect(found.filter((f) => f.endsWith('required-section'))).toHaveLength(3);
  });
});

describe('per-folder settings: maturity folders with stricter requirements', () => {
  it('makes a section required in one folder only, and judges another folder by its own template', async () => {
    const template =
      '# [Pattern Title]\n\n## Problem\n\nDescribe it.\n\n## Solution\n\nDescribe it.\n\n## Known Instances (optional until validated)\n\nWhere it is used.\n';
    const draft = '# [Draft Title]\n\n## Idea\n\nOne paragraph.\n';
    const pattern = (title: string) => `# ${title}\n\n## Problem\n\nTeams wait.\n\n## Solution\n\nShare the code.\n`;
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'templates/draft.md': draft,
      'patternbook.config.yaml': [
        'template: templates/pattern.md',
        'patterns: ["patterns/**/*.md"]',
        'overrides:',
        '  - files: ["patterns/3-validated/**"]',
        '    sections: { Known Instances: { optional: false } }',
        '  - files: ["patterns/0-ideas/**"]',
        '    template: templates/draft.md',
      ].join('\n'),
      'patterns/1-initial/a.md': pattern('A'),
      'patterns/3-validated/b.md': pattern('B'),
      'patterns/0-ideas/c.md': '# C\n\n## Idea\n\nMaybe share the code.\n',
    });
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId}: ${d.message}`))).toEqual([
      'patterns/3-validated/b.md:9 required-section: Missing section `## Known Instances`, expected after `## Solution`.',
    ]);
  });

  it('says which override names a template that does not exist', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ overrides: [{ files: ['drafts/**'], template: 'templates/nope.md' }] }),
      'saga/README.md': '# Saga\n',
    });
    await expect(lint({ root: dir })).rejects.toThrow(/templates\/nope\.md.*overrides\[0\]/s);
  });
});

describe('odd headings', () => {
  it('reads a heading made of words that are also names of object properties', async () => {
    const { variantKey } = await import('../../src/template/heading-variants.js');
    expect(variantKey('Constructor and toString')).toBe('constructor and tostring');
    expect(variantKey('hasOwnProperty')).toBe('hasownproperty');
  });

  it('reads a Latin plural as its singular (`Appendices` is `Appendix`, `Criteria` `Criterion`), as it does a British spelling', async () => {
    const { variantKey } = await import('../../src/template/heading-variants.js');
    expect(variantKey('Appendices')).toBe(variantKey('Appendix'));
    expect(variantKey('Acceptance Criteria')).toBe(variantKey('Acceptance criterion'));
    expect(variantKey('Acknowledgements')).toBe(variantKey('Acknowledgments'));
    expect(variantKey('Appendices')).not.toBe(variantKey('Append'));
  });

  it('reports a section written as the H1 once, by the title rule', async () => {
    const template = "## Title\n\nThe pattern's name\n\n## Problem\n\nDescribe it.\n\n## Solution\n\nDescribe it.\n";
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'p/README.md': '# Title\n\nShared Code Owners\n\n## Problem\n\nNobody owns it.\n\n## Solution\n\nOwners per folder.\n',
    });
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.ruleId))).toEqual(['title']);
  });
});

describe('patterns written to an older layout, or to another template', () => {
  const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Design\n\nEnough detail to implement it.\n\n## Drawbacks\n\nWhy not.\n';
  const current = (n: number) => `# Proposal ${n}\n\n## Summary\n\nOne.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n\n## Drawbacks\n\nCost.\n`;
  const older = (n: number) => `# Summary\n\nOlder ${n}.\n\n# Motivation\n\nWhy.\n\n# Design\n\nHow.\n\n# Drawbacks\n\nCost.\n`;
  const run = async (files: Record<string, string>) => {
    const dir = await tempCatalog({ 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
    const report = await lint({ root: dir });
    return report.results.flatMap((r) => r.diagnostics.map((d) => ({ at: `${r.path}:${d.line} ${d.ruleId} ${d.severity}`, message: d.message })));
  };

  it('takes no title with sections one level up as the layout many patterns keep: a warning that says how many', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 6; n++) files[`p${n}/README.md`] = current(n);
    for (let n = 7; n <= 9; n++) files[`p${n}/README.md`] = older(n);
    const found = await run(files);
    expect(found.filter((f) => f.at.endsWith('error'))).toEqual([]);
    const title = found.filter((f) => f.at.includes(' title '));
    expect(title.map((f) => f.at)).toEqual(['p7/README.md:1 title warning', 'p8/README.md:1 title warning', 'p9/README.md:1 title warning']);
    expect(title[0]!.message).toContain('3 of the catalog');
    // The whole outline one level up is one layout: heading-level says so once, as a warning.
    expect(found.filter((f) => f.at.startsWith('p7/') && f.at.includes('heading-level')).map((f) => f.at)).toEqual(['p7/README.md:1 heading-level warning']);
  });

  it('learns a marked heading most of the catalog keeps whole (`### [Known Uses]`) as its way to write that heading', async () => {
    const template = '# [Title]\n\n## Context\n\nWhere it applies.\n\n<!--### [Known Uses]-->\n<!-- Systems that use it. -->\n\n## Consequences\n\nGains and costs.\n';
    const entry = (n: number, kept: boolean, other = '### Where it is used') =>
      `# Entry ${n}\n\n## Context\n\nApps ${n}.\n\n${kept ? '### [Known Uses]' : other}\n\nA phone ${n}.\n\n## Consequences\n\nPeople notice.\n`;
    const placeholders = async (keeping: number, other?: string) => {
      const files: Record<string, string> = {};
      for (let n = 1; n <= 10; n++) files[`e${n}/README.md`] = entry(n, n <= keeping, other);
      const dir = await tempCatalog({ 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
      const report = await lint({ root: dir });
      return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId} ${d.severity}`));
    };
    // Kept by 6 of 10: the catalog's heading, no finding (and the section, uncommented, is optional);
    // the four that write their own heading there have a section the template does not name (warnings).
    expect(await placeholders(6)).toEqual(['e7', 'e8', 'e9', 'e10'].map((e) => `${e}/README.md:7 unknown-section warning`).sort());
    // Kept by 4 of 10, and 2 more write it without the marks: most of those that have the heading keep
    // it whole, the catalog's way; the ones without it have nothing to keep.
    const some = await (async () => {
      const files: Record<string, string> = {};
      for (let n = 1; n <= 10; n++)
        files[`e${n}/README.md`] =
          n <= 4
            ? entry(n, true)
            : n <= 6
              ? entry(n, false).replace('### Where it is used', '### Known Uses')
              : entry(n, false).replace(/### Where it is used\n\nA phone \d+\.\n\n/, '');
      const dir = await tempCatalog({ 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
      return (await lint({ root: dir })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId}`));
    })();
    expect(some).toEqual([]);
    // Kept by 3 of 10, where the 7 others write `### Known Uses`: the template's placeholder left in those three.
    expect(await placeholders(3, '### Known Uses')).toEqual(['e1/README.md:7 placeholder error', 'e2/README.md:7 placeholder error', 'e3/README.md:7 placeholder error']);
  });

  it('in a catalog too small to learn from, a marked heading kept whole over the author’s own text is a warning (the catalog may write it so)', async () => {
    const template = '# [Title]\n\n## Context\n\nWhere it applies.\n\n### [Known Uses]\n\n<!-- Systems that use it. -->\n\n## Consequences\n\nGains and costs.\n';
    const files: Record<string, string> = {};
    for (let n = 1; n <= 3; n++)
      files[`e${n}/README.md`] = `# Entry ${n}\n\n## Context\n\nApps ${n}.\n\n### [Known Uses]\n\nA phone ${n}.\n\n## Consequences\n\nPeople notice.\n`;
    // (Kept with nothing of the author's under it, it is the template's heading left to write.)
    files['e4/README.md'] = '# Entry 4\n\n## Context\n\nApps 4.\n\n### [Known Uses]\n\n## Consequences\n\nPeople notice.\n';
    const dir = await tempCatalog({ 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
    const report = await lint({ root: dir, only: ['placeholder'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.severity}`))).toEqual([
      'e1/README.md:7 warning',
      'e2/README.md:7 warning',
      'e3/README.md:7 warning',
      'e4/README.md:7 error',
    ]);
  });

  it('takes one section kept at another level by a share of the catalog as the place an older template gave it: a warning that says how many, and no fix (moved in one, the others would turn to errors)', async () => {
    const nested = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n\n### Drawbacks\n\nWhy not.\n\n## Rollout\n\nWhen.\n';
    const now = (n: number) => `# Proposal ${n}\n\n## Summary\n\nOne.\n\n## Design\n\nHow.\n\n### Drawbacks\n\nCost.\n\n## Rollout\n\nSoon.\n`;
    const before = (n: number) => `# Proposal ${n}\n\n## Summary\n\nOne.\n\n## Design\n\nHow.\n\n## Drawbacks\n\nCost.\n\n## Rollout\n\nSoon.\n`;
    const levels = async (kept: number) => {
      const files: Record<string, string> = {};
      for (let n = 1; n <= 10; n++) files[`p${n}/README.md`] = n <= kept ? before(n) : now(n);
      const dir = await tempCatalog({ 'templates/pattern.md': nested, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
      const report = await lint({ root: dir });
      return report.results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'heading-level').map((d) => ({ at: `${r.path}:${d.line} ${d.severity}`, d })));
    };
    const four = await levels(4);
    expect(four.map((f) => f.at)).toEqual(['p1/README.md:11 warning', 'p2/README.md:11 warning', 'p3/README.md:11 warning', 'p4/README.md:11 warning']);
    expect(four[0]!.d.message).toContain("4 of the catalog's 10 patterns write it at this level");
    expect(four[0]!.d.fix).toBeUndefined();
    // One such pattern among many is its own slip — written flat right after its template parent, a warning that says so.
    const one = await levels(1);
    expect(one.map((f) => f.at)).toEqual(['p1/README.md:11 warning']);
    expect(one[0]!.d.message).toContain('It follows `## Design`, its parent in the template, at that parent');
  });

  it('moves no heading by a warning of its own where a share of the catalog keeps it at that level (`### Informative` under `## References`)', async () => {
    // (The template's own levels sloppy: its text says the references may be split in two, its headings stand beside them.)
    const tpl =
      '# [Title]\n\n## Abstract\n\nIn brief.\n\n## Background\n\nWhy.\n\n## Semantics\n\nWhat it means.\n\n## Wire Format\n\nThe bytes.\n\n## References\n\nReferences may be split into normative and informative ones.\n\n## Normative\n\nWhat must be read.\n\n## Informative\n\nWhat else.\n';
    const split = (n: number) =>
      `# Spec ${n}\n\n## Abstract\n\nShort.\n\n## Background\n\nOld.\n\n## Semantics\n\nNew.\n\n## Wire Format\n\nBytes.\n\n## References\n\n### Normative\n\n- [A](https://example.org/a)\n\n### Informative\n\n- [B](https://example.org/b)\n`;
    const files: Record<string, string> = {};
    for (let n = 1; n <= 5; n++) files[`s${n}/README.md`] = split(n);
    // (One with under half of the template's sections: its findings are warnings by that alone.)
    files['s6/README.md'] = '# Spec 6\n\n## Abstract\n\nShort.\n\n## References\n\n- [A](https://example.org/a)\n\n### Informative\n\n- [B](https://example.org/b)\n';
    const dir = await tempCatalog({ 'templates/pattern.md': tpl, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
    const report = await lint({ root: dir, only: ['heading-level'] });
    const six = report.results.find((r) => r.path === 's6/README.md')!.diagnostics;
    expect(six.map((d) => `${d.line} ${d.severity} ${d.fix === undefined ? 'no fix' : 'fix'}`)).toEqual(['11 warning no fix']);
    // (A part of `## References`, the section before it, in the author's outline: said so, with the share.)
    expect(six[0]!.message).toContain("6 of the catalog's 6 patterns write it at this level (where an older template put it, likely): a warning.");
  });

  it('says siblings written a level off together alike: where the catalog keeps one of them there, the other is a warning too, neither moved alone', async () => {
    const tpl = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat for.\n\n### Non-Goals\n\nWhat not.\n\n## Design\n\nHow.\n';
    const up = (n: number, nonGoalsUp: boolean) =>
      `# Note ${n}\n\n## Summary\n\nOne.\n\n## Motivation\n\nWhy.\n\n## Goals\n\nFast.\n\n${nonGoalsUp ? '##' : '###'} Non-Goals\n\nCheap.\n\n## Design\n\nHow.\n`;
    const files: Record<string, string> = {};
    // 30 notes: 2 write both a level up, 2 only the Goals (2 write Non-Goals up, too few; 4 the Goals).
    for (let n = 1; n <= 30; n++) files[`p${n}/README.md`] = n <= 2 ? up(n, true) : n <= 4 ? up(n, false) : up(n, false).replace('## Goals', '### Goals');
    const dir = await tempCatalog({ 'templates/pattern.md': tpl, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
    const found = (await lint({ root: dir, only: ['heading-level'], fix: true })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.severity}`));
    expect(found).toEqual([
      'p1/README.md:11 warning',
      'p1/README.md:15 warning',
      'p2/README.md:11 warning',
      'p2/README.md:15 warning',
      'p3/README.md:11 warning',
      'p4/README.md:11 warning',
    ]);
    // (Nothing moved: the pair stays together.)
    expect(await readFile(path.join(dir, 'p1/README.md'), 'utf8')).toBe(up(1, true));
  });

  it('counts that share among the patterns of one kind where sibling templates each judge a kind', async () => {
    const nested = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n\n### Drawbacks\n\nWhy not.\n\n## Rollout\n\nWhen.\n';
    const other = '# [Title]\n\n## Goal\n\nWhat.\n\n## Budget\n\nHow much.\n\n## Owner\n\nWho.\n';
    const files: Record<string, string> = {};
    // 10 proposals (3 write `## Drawbacks` a level up) among 30 documents of another kind.
    for (let n = 1; n <= 10; n++)
      files[`p/p${n}.md`] = `# Proposal ${n}\n\n## Summary\n\nOne.\n\n## Design\n\nHow.\n\n${n <= 3 ? '##' : '###'} Drawbacks\n\nCost.\n\n## Rollout\n\nSoon.\n`;
    for (let n = 1; n <= 30; n++) files[`b/b${n}.md`] = `# Budget ${n}\n\n## Goal\n\nA goal.\n\n## Budget\n\nSome.\n\n## Owner\n\nKim.\n`;
    const dir = await tempCatalog({
      'p-template.md': nested,
      'b-template.md': other,
      'patternbook.config.json': JSON.stringify({ template: ['p-template.md', 'b-template.md'], patterns: ['p/*.md', 'b/*.md'] }),
      ...files,
    });
    const found = (await lint({ root: dir, only: ['heading-level'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity}`));
    expect(found).toEqual(['p/p1.md warning', 'p/p2.md warning', 'p/p3.md warning']);
  });

  it('counts toward that share every pattern that writes the section at that level, said or not (`## Copyright` where the `## References` it goes under is missing)', async () => {
    const nested = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## References\n\nLinks.\n\n### Copyright\n\nWaived.\n';
    const under = (n: number) => `# Note ${n}\n\n## Summary\n\nOne.\n\n## References\n\nNone.\n\n### Copyright\n\nWaived.\n`;
    const beside = (n: number) => `# Note ${n}\n\n## Summary\n\nOne.\n\n## References\n\nNone.\n\n## Copyright\n\nWaived.\n`;
    const alone = (n: number) => `# Note ${n}\n\n## Summary\n\nOne.\n\n## Copyright\n\nWaived.\n`;
    const files: Record<string, string> = {};
    // 30 patterns: 2 write it beside the References, 2 at that level with no References (not said by heading-level).
    for (let n = 1; n <= 30; n++) files[`p${n}/README.md`] = n <= 2 ? beside(n) : n <= 4 ? alone(n) : under(n);
    const dir = await tempCatalog({ 'templates/pattern.md': nested, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
    const found = (await lint({ root: dir, only: ['heading-level'] })).results.flatMap((r) =>
      r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message.match(/\d+ of the catalog's \d+ patterns write it at this level/)?.[0]}`),
    );
    expect(found).toEqual([
      "p1/README.md warning 4 of the catalog's 30 patterns write it at this level",
      "p2/README.md warning 4 of the catalog's 30 patterns write it at this level",
    ]);
  });

  it('does not count the patterns of an older layout, every section a level up, toward it: `# Motivation` among `##` sections stays an error', async () => {
    const tpl = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
    const files: Record<string, string> = {};
    for (let n = 1; n <= 10; n++) files[`p${n}/README.md`] = `# Note ${n}\n\n## Summary\n\nOne.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n`;
    for (let n = 11; n <= 15; n++) files[`p${n}/README.md`] = `# Note ${n}\n\n# Summary\n\nOne.\n\n# Motivation\n\nWhy.\n\n# Design\n\nHow.\n`;
    files['p1/README.md'] = '# Note 1\n\n## Summary\n\nOne.\n\n# Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
    const dir = await tempCatalog({ 'templates/pattern.md': tpl, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
    const found = (await lint({ root: dir, only: ['heading-level'] })).results.flatMap((r) =>
      (r.path === 'p1/README.md' ? r.diagnostics : []).map((d) => `${d.severity} ${d.message}`),
    );
    expect(found).toEqual(['error `# Motivation` should be level 2: `## Motivation`.']);
  });

  it('counts a pattern with most of the required sections as following the template, whatever recommended ones it lacks', async () => {
    const names = ['Context', 'Decision', 'Status', 'Consequences', 'Options', 'Drivers', 'Links', 'Notes', 'Risks', 'Costs'];
    const tpl = `# [Title]\n\n${names.map((n) => `## ${n}\n\nSay it.\n`).join('\n')}`;
    const sections = Object.fromEntries(names.slice(4).map((n) => [n, { recommended: true }]));
    const pattern = '# Queue choice\n\n## Context\n\nTwo brokers.\n\n## Decision\n\nThe first.\n\n## Status\n\nAccepted.\n\n## Options\n\nTwo.\n';
    const found = (await lintPattern(tpl, pattern, { config: { sections } })).diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.ruleId} ${d.message.slice(0, 40)}`)).toEqual(['required-section Missing section `## Consequences`, expec']);
  });

  it('inserts a section such a pattern lacks at its own levels, so it keeps the one layout (and the one finding)', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 6; n++) files[`p${n}/README.md`] = current(n);
    for (let n = 7; n <= 9; n++) files[`p${n}/README.md`] = older(n);
    files['p9/README.md'] = older(9).replace('# Motivation\n\nWhy.\n\n', '');
    const dir = await tempCatalog({ 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), ...files });
    await lint({ root: dir, fix: true });
    const fixed = await readFile(path.join(dir, 'p9/README.md'), 'utf8');
    expect(fixed.match(/^#+ .*$/gm)).toEqual(['# Summary', '# Motivation', '# Design', '# Drawbacks']);
    const after = await lint({ root: dir });
    expect(after.results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path} ${d.ruleId}`))).toEqual(['p9/README.md empty-section']);
  });

  it('still takes one such pattern among many as an error of its own', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 12; n++) files[`p${n}/README.md`] = current(n);
    files['p13/README.md'] = older(13);
    const found = await run(files);
    expect(found.filter((f) => f.at.endsWith('error')).map((f) => f.at)).toEqual(['p13/README.md:1 title error']);
  });

  it("says second H1s of a file with under half of the template's sections as warnings: it may follow another template", async () => {
    const other = '# Faster builds\n\nA cache.\n\n# Basic example\n\nRun it.\n\n# Unresolved questions\n\nNone.\n';
    const found = await run({ 'p1/README.md': current(1), 'p2/README.md': current(2), 'p3/README.md': other });
    expect(found.filter((f) => f.at.startsWith('p3/')).map((f) => f.at)).toEqual([
      'p3/README.md:1 required-section warning',
      'p3/README.md:5 title warning',
      'p3/README.md:9 title warning',
    ]);
    // So is a missing title (a note every proposal includes: no heading, no section of the template).
    const note = await run({ 'p1/README.md': current(1), 'p2/README.md': current(2), 'p3/README.md': 'Pages here follow the shared style guide.\n' });
    expect(note.filter((f) => f.at.startsWith('p3/')).map((f) => f.at)).toEqual(['p3/README.md:1 required-section warning', 'p3/README.md:1 title warning']);
    // A template section at another level there is a warning too, and --fix moves no heading of it.
    const mixed = '# Faster builds\n\nA cache.\n\n# Basic example\n\nRun it.\n\n# Drawbacks\n\nDisk.\n\n# Unresolved questions\n\nNone.\n';
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'p1/README.md': current(1),
      'p2/README.md': current(2),
      'p3/README.md': mixed,
    });
    const fixed = await lint({ root: dir, fix: true });
    const p3 = fixed.results.find((r) => r.path === 'p3/README.md')!.diagnostics;
    expect(p3.filter((d) => d.ruleId === 'heading-level').map((d) => `${d.line} ${d.severity} ${d.fix === undefined}`)).toEqual(['9 warning true']);
    expect(await readFile(path.join(dir, 'p3/README.md'), 'utf8')).toBe(mixed);
  });

  it('reads the heading that stands where several sections are lacking as the one whose guidance speaks of it', async () => {
    const found = await run({
      'p1/README.md': '# Pinned inputs\n\n## Summary\n\nPin.\n\n## Implementation\n\nA lock file.\n\n## Drawbacks\n\nChurn.\n',
    });
    expect(found.map((f) => f.at)).toEqual(['p1/README.md:5 required-section error', 'p1/README.md:7 required-section warning']);
    expect(found[1]!.message).toContain('`## Design`');
  });
});

describe('section names written another way, at another place or level', () => {
  it('a qualifier that says the same (`Unanswered` for `Unresolved`), out of order: a rename and an order finding, not missing plus unknown', async () => {
    const template = '# Meta\n\n- Name: (the feature)\n\n# Summary\n\nOne paragraph.\n\n# Drawbacks\n\nWhy not?\n\n# Unresolved Questions\n\n- What is open?\n';
    const pattern = '# Meta\n\n- Name: Quiet mode\n\n# Summary\n\nLess output.\n\n# Unanswered Questions\n\nWhether logs change too.\n\n# Drawbacks\n\nOne more flag.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['9 section-name warning', '9 section-order warning']);
    // Another qualifier, another section of that kind: the template's is missing.
    const other = pattern.replace('# Unanswered Questions', '# Settled Questions');
    // (A warning: missing, a section of what is still open may mean nothing is.)
    expect((await lintPattern(template, other)).diagnostics.map((d) => `${d.ruleId} ${d.message.split(',')[0]}`)).toContain(
      'required-section Missing section `# Unresolved Questions`',
    );
  });

  it('a one-word heading of the same role as a one-word name, out of order (`## Proposal` for `## Decision`): a rename and an order finding', async () => {
    const template =
      '# ADR {N}: {TITLE}\n\n## Status\n\nProposed.\n\n## Context\n\nThe forces.\n\n## Alternatives\n\nWhat else.\n\n## Decision\n\nWhat we do.\n\n## Details\n\nHow.\n';
    const pattern =
      '# ADR 7: Fixed block times\n\n## Status\n\nAccepted.\n\n## Context\n\nBlocks drift.\n\n## Proposal\n\nA fixed interval.\n\n## Alternatives\n\nA moving target.\n\n## Details\n\nA timer.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['11 section-name warning', '11 section-order warning']);
    expect(found.diagnostics[0]!.message).toContain('it is a word for what that section is');
  });

  it('a section’s name with more words deep inside a section of the author’s (`#### Summary of the old setup` under `## Appendix`) is theirs: the section is missing', async () => {
    const template = '# [Name]: Design\n\n## Summary\n\nA few lines.\n\n## Problem\n\nWhat is wrong.\n\n## Risks\n\nWhat could go wrong.\n';
    const pattern =
      '# Build cache: Design\n\n## Problem\n\nBuilds are slow.\n\n## Risks\n\nStale caches.\n\n## Appendix\n\n#### Summary of the old setup\n\nOne runner.\n';
    const shown = (await lintPattern(template, pattern)).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`);
    expect(shown).toEqual(['3 required-section error', '11 unknown-section warning']);
    // (One level below it too, where the words after the name tie it to a thing of its own — `### Summary
    // of the old setup`, a summary of that —: no level to fix, no section misplaced there.)
    const oneDown = (await lintPattern(template, pattern.replace('#### Summary', '### Summary'))).diagnostics;
    expect(oneDown.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)).toEqual(['3 required-section error', '11 unknown-section warning']);
  });

  it('in an older layout that writes every section one level up, a section in other words is read at that level too', async () => {
    const template =
      '# [Name]: Design\n\n## Summary\n\nA few lines.\n\n## Problem\n\nWhat is wrong.\n\n## Proposed Solution\n\nThe design.\n\n## Risks\n\nWhat could go wrong.\n';
    const pattern = '# Summary\n\nFaster builds.\n\n# Problem\n\nBuilds are slow.\n\n# Solution\n\nCache the steps.\n\n# Risks\n\nStale caches.\n';
    const found = await lintPattern(template, pattern);
    const shown = found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`);
    expect(shown).toContain('9 section-name warning');
    expect(shown.filter((d) => d.includes('required-section'))).toEqual([]);
  });
});

describe('an outline written one level up over sub-sections at the template’s level', () => {
  const template =
    '# [Title]\n\n## Summary\n\n### General Motivation\n\nWhy.\n\n### Where it lives\n\nIn or out.\n\n## Stewardship\n\n### Required Reviewers\n\nWho.\n\n### Shepherd\n\nWho leads.\n\n## Design\n\nHow.\n';
  const pattern =
    '# Town bike share\n\n# Summary\n\nBikes at every station.\n\n# Background and Motivation\n\nCars crowd the centre.\n\n# Stewardship\n\n### Required Reviewers\n\nAda.\n\n### Shepherd\n\nBo.\n\n### Where it lives\n\nIn the city.\n\n# Design\n\n## Docks\n\nTen a station.\n';
  it('reads the author’s heading at its place at the outline’s levels: a warning that names it, no error', async () => {
    const found = await lintPattern(template, pattern);
    const required = found.diagnostics.filter((d) => d.ruleId === 'required-section');
    expect(required.map((d) => `${d.line} ${d.severity}`)).toEqual(['7 warning']);
    expect(required[0]!.message).toContain('where this pattern has `# Background and Motivation`');
  });

  it('--fix moves the sections down and leaves the sub-sections already at their level where they are', async () => {
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.text.match(/^#+ .*$/gm)).toEqual([
      '# Town bike share',
      '## Summary',
      '## Background and Motivation',
      '## Stewardship',
      '### Required Reviewers',
      '### Shepherd',
      '### Where it lives',
      '## Design',
      '### Docks',
    ]);
  });
});

describe('an outline written one level down beside sub-sections at the template’s level whose parent it lacks', () => {
  it('--fix moves only the sections written off: the sub-sections stay at their level, and their missing parent goes above them', async () => {
    const template = '# Proposal NNNN - (name)\n\n# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n\n# Practicalities\n\n## Errors\n\nMessages.\n\n## Speed\n\nCost.\n';
    const pattern = '# Proposal 03 - Shifted\n\n## Summary\n\nOne level down.\n\n## Design\n\nHow it works.\n\n## Errors\n\nOne message.\n\n## Speed\n\nNo cost.\n';
    // (As the heading-level rule alone fixes it.)
    const levels = await lintPattern(template, pattern, { fix: true, only: ['heading-level'] });
    expect(levels.text.match(/^#+ .*$/gm)).toEqual(['# Proposal 03 - Shifted', '# Summary', '# Design', '## Errors', '## Speed']);
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.text.match(/^#+ .*$/gm)).toEqual(['# Proposal 03 - Shifted', '# Summary', '# Design', '# Practicalities', '## Errors', '## Speed']);
  });
});

describe('a whole outline a level up with a top-level section of the template at its level inside it, under a title a level down', () => {
  it('--fix inserts no section at the template’s level among them: no file made worse', async () => {
    const template =
      '# [Title]\n\n## Checklist\n\n- [ ] Reviewed\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nHow.\n\n## Alternatives\n\nOthers.\n\n## History\n\nDates.\n';
    const pattern =
      'Remote files\n------------\n\n# Summary\n\nFetch files from afar.\n\n# Proposal\n\nA fetch step.\n\n## Alternatives\n\nCopy them by hand.\n\n## Steps\n\nOne more.\n';
    const before = await lintPattern(template, pattern);
    const fixed = await lintPattern(template, pattern, { fix: true });
    const after = await lintPattern(template, fixed.text);
    const errors = (found: { diagnostics: Diagnostic[] }) => found.diagnostics.filter((d) => d.severity === 'error').length;
    expect(errors(after)).toBeLessThanOrEqual(errors(before));
    expect(fixed.text).not.toContain('## Checklist');
  });
});

describe('a pattern written a level down, where the template keeps the title in front matter', () => {
  const template =
    '---\ntitle: Proposal Template\n---\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy change?\n\n# Design\n\nHow it works.\n\n# Testing\n\nHow we know.\n';
  const pattern = '---\ntitle: A flour silo\n---\n\n## Abstract\n\nA silo instead of sacks.\n\n## Motivation\n\nSacks spill.\n\n## Design\n\nA hopper over each mixer.\n';
  it('--fix moves no heading up (the first would be read as the title) and inserts what is missing at the pattern’s own level, no second Summary', async () => {
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.text.match(/^#+ .*$/gm)).toEqual(['## Abstract', '## Motivation', '## Design', '## Testing']);
  });
});

describe('a template whose first H1 is `# Title` with nothing under it, its sections H1s after it', () => {
  it('reads that line as the title, not as a section every pattern lacks', async () => {
    const template = '# Title\n\n# Summary\n\nOne paragraph.\n\n# Design\n\nHow it works.\n';
    const pattern = '# Oven upgrade\n\n# Summary\n\nA hotter oven.\n\n# Design\n\nA new element.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    expect(found.text).toBe(pattern);
  });
});

describe('a template whose first H1 names the template, over the header fields, its sections H1s after it', () => {
  const template =
    '# Proposal Template\n\n- Name: (your proposal’s short name)\n- Date: (today, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n\n# Design\n\nHow it works.\n';
  it('reads that line as the title line: the pattern’s own title takes its place, nothing is missing or inserted', async () => {
    const pattern = '# Oven upgrade\n\n- Name: oven\n- Date: 2024-05-01\n\n# Summary\n\nA hotter oven.\n\n# Design\n\nA new element.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    expect(found.text).toBe(pattern);
  });
  it('a pattern that kept it as its title is told so', async () => {
    const pattern = '# Proposal Template\n\n- Name: oven\n- Date: 2024-05-01\n\n# Summary\n\nA hotter oven.\n\n# Design\n\nA new element.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual(["title The title is still the template's sample “Proposal Template”: name the pattern."]);
  });
  it('a first H1 that names no template, over fields, stays a section', async () => {
    const sections = template.replace('# Proposal Template', '# Header');
    const pattern = '# Oven upgrade\n\n- Name: oven\n- Date: 2024-05-01\n\n# Summary\n\nA hotter oven.\n\n# Design\n\nA new element.\n';
    const found = await lintPattern(sections, pattern);
    expect(found.diagnostics.map((d) => d.ruleId)).toContain('required-section');
  });
});

describe('a template whose first H1 is a placeholder of the name, over the header fields, its sections H1s after it', () => {
  const fields = '- Opened: `YYYY-MM-DD`\n- Pull request: [#0000](https://git.ovenworks.dev/pulls/0000)\n';
  const sections = '# Summary\n[summary]: #summary\n\nOne paragraph.\n\n# Design\n[design]: #design\n\nHow it works.\n';
  const pattern =
    '# Oven upgrade\n[change]: #change\n\n- Opened: `2024-05-01`\n- Pull request: [#12](https://git.ovenworks.dev/pulls/12)\n\n# Summary\n[summary]: #summary\n\nA hotter oven.\n\n# Design\n[design]: #design\n\nA new element.\n';
  it.each([
    ['in parentheses, `# (Change Name Goes Here)`', '(Change Name Goes Here)'],
    ['in parentheses after a label, `# CR-NNNN: (Change title)`', 'CR-NNNN: (Change title)'],
    ['the kind of document’s word for it, `# Change Name`', 'Change Name'],
  ])('%s: it is the title line, the pattern’s own H1 its title; nothing is missing or inserted', async (_, heading) => {
    const template = `# ${heading}\n[change]: #change\n\n${fields}\n${sections}`;
    expect(templateFromSource(template, 't.md').title).toMatchObject({ from: 'heading', sample: heading });
    const found = await lintPattern(template, heading.startsWith('CR-') ? pattern.replace('# Oven', '# CR-0012: Oven') : pattern, { fix: true });
    expect(found.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    expect(found.text).toBe(heading.startsWith('CR-') ? pattern.replace('# Oven', '# CR-0012: Oven') : pattern);
  });
  it('a pattern that kept the placeholder as its title is told so', async () => {
    const template = `# (Change Name Goes Here)\n[change]: #change\n\n${fields}\n${sections}`;
    const found = await lintPattern(template, pattern.replace('# Oven upgrade', '# (Change Name Goes Here)'));
    expect(found.diagnostics.map((d) => d.ruleId)).toEqual(['title']);
  });
  it('a first H1 of a note in parentheses, `# (Draft)`, or of other words, `# Background`, over the fields stays a section', async () => {
    for (const heading of ['(Draft)', 'Background']) {
      const template = `# ${heading}\n\n${fields}\n${sections}`;
      expect(templateFromSource(template, 't.md').sections.map((s) => s.name)).toEqual([heading, 'Summary', 'Design']);
    }
  });
});

describe('a heading that speaks to the author', () => {
  it('`## When you write a proposal, please follow this format!` over the header fields is a note, no section every pattern lacks', async () => {
    const template =
      '## When you want to submit a new proposal, please follow the following format!\n\n| Number | Title | Status |\n|---|---|---|\n| NNN | A few words | Draft |\n\n## Abstract\n\nShort.\n\n## Motivation\n\nWhy.\n';
    const pattern = '| Number | Title | Status |\n|---|---|---|\n| 7 | Fee cap | Draft |\n\n## Abstract\n\nCap fees.\n\n## Motivation\n\nFees spike.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    expect(found.text).toBe(pattern);
  });

  it('`## NOTE: … skip the rest of this template` is a note, no section; every section after it may be left out (a warning), and `--fix` inserts none of them', async () => {
    const template = [
      '# Technique name',
      '## When to use\n\nWhat problem it answers.',
      '### When to avoid\n\nSay when it does not fit, if applicable.',
      '## NOTE: Where good writing on the technique exists on the web, link it and skip the rest of this template',
      '## How to use\n\nThe parts and how they work together.',
      '### Prerequisites\n\nWhat must be ready first?',
      '## Resources\n\nFurther reading.',
    ].join('\n\n');
    expect(outline(templateFromSource(template, 't.md').sections)).toEqual([
      '2 When to use',
      '  3 When to avoid ?',
      '2 How to use ~',
      '  3 Prerequisites ~',
      '2 Resources ~',
    ]);
    // A page that links good writing and stops there: nothing is an error, and nothing is inserted.
    const pointer = '# Soak testing\n\n## When to use\n\nFor leaks that show after hours.\n\nGood writing on it: https://example.org/soak.\n';
    const found = await lintPattern(template, pointer, { fix: true });
    expect(found.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.diagnostics.map((d) => d.ruleId)).toEqual(['required-section', 'required-section']);
    expect(found.text).toBe(pointer);
    // (A heading that only starts like one, `## Note: Security`, is a section.)
    expect(outline(templateFromSource('# T\n\n## Note: Security\n\nWho may read it.\n', 't.md').sections)).toEqual(['2 Note: Security']);
  });
});

describe('a first H1 beside the title in front matter', () => {
  const template =
    '---\ntitle: Proposal title\nstatus: Draft\n---\n\n# Abstract\n\nOne paragraph.\n\n# Background\n\nWhat came before.\n\n# Proposal\n\nThe change.\n\n# Alternatives\n\nOthers.\n';
  it('that shares no word with that title is a section: --fix writes nothing under it (it is named where the first section goes)', async () => {
    const pattern =
      '---\ntitle: Global exec groups\nstatus: Accepted\n---\n\n# The problem\n\nEach rule picks its own.\n\n# Background\n\nRules grew.\n\n# Proposal\n\nOne group for all.\n\n# Alternatives\n\nNone.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.text).toBe(pattern);
    expect(found.diagnostics.find((d) => d.ruleId === 'required-section')?.message).toContain('This pattern has `# The problem` there, in its stead');
  });
});

describe('a template section’s name in another spelling under each of several parts, deeper than the template puts it', () => {
  it('is each part’s own heading: no level finding, and --fix moves none of them', async () => {
    const template = '# Abstract\n\nOne paragraph.\n\n# Background\n\nWhat came before.\n\n# Plan\n\nThe steps.\n\n# Neighbour-impact\n\nWho is affected.\n';
    const pattern =
      '# Abstract\n\nGravel paths.\n\n# Background\n\nMud.\n\n# Plan\n\n## 1. Dig out the strips\n\nTwo days.\n\n### Neighbours impact\n\nNoise.\n\n## 2. Lay the gravel\n\nOne day.\n\n### Neighbours impact\n\nA lorry.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.filter((d) => d.ruleId === 'heading-level' || d.ruleId === 'section-name')).toEqual([]);
    expect(found.text.match(/^#+ .*$/gm)!.filter((h) => /impact/i.test(h))).toEqual(['### Neighbours impact', '### Neighbours impact', '# Neighbour-impact']);
  });
});

describe('a template section’s name, or one of the names it offers, then a dash and the author’s gloss', () => {
  it('is that section, wherever it stands among the author’s own sections', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne line.\n\n## Goals\n\nWhat for.\n\n## Introduction/Overview\n\nWhat it is.\n\n## Purpose (Why and Who)\n\nWhy.\n';
    const pattern =
      '# Route ranking\n\n## Summary\n\nRank routes.\n\n## Goals\n\nOne order.\n\n## What already works\n\nPrefix matches.\n\n## Overview - what do we want to do?\n\nA total order.\n\n## Purpose - why do we want to do this?\n\nSurprises.\n';
    const found = await lintPattern(template, pattern, { fix: true });
    expect(found.diagnostics.filter((d) => d.ruleId === 'required-section')).toEqual([]);
    expect(found.text).toBe(pattern);
  });
});

describe('a heading that stands for the author’s own sections (`## Other sections`)', () => {
  const template =
    '# PROP 0 - A short title\n\n## Abstract\n\nA short description.\n\n## Other sections\n\nSections you may add:\n\n* Design -- How it works.\n* Risks -- What could go wrong.\n\n## Licence\n\nEvery proposal is public domain.\n';
  it('is filled by any heading at its place, and asked for by none', async () => {
    const { diagnostics } = await lintPattern(
      template,
      '# PROP 8 - Plugins\n\n## Abstract\n\nPlugins by entry point.\n\n## Design\n\nEntry points.\n\n## Risks\n\nSlow start.\n\n## Licence\n\nEvery proposal is public domain.\n',
    );
    expect(diagnostics.map((d) => `${d.line} ${d.ruleId}: ${d.message}`)).toEqual([]);
    const none = await lintPattern(template, '# PROP 9 - Tabs\n\n## Abstract\n\nTabs.\n\n## Licence\n\nEvery proposal is public domain.\n');
    expect(none.diagnostics.map((d) => `${d.line} ${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});

describe('headings decorated with emoji (`## 📜 Problem Statement`)', () => {
  it('are the same section with or without them, or with others: no rename asked', async () => {
    const template = '# RFC: <Title>\n\n## 📜 Problem Statement\n\nWhat hurts.\n\n## 💡 Proposed Solution\n\nWhat to do.\n';
    for (const text of [
      '# RFC: Alpha\n\n## 📜 Problem Statement\n\nSlow.\n\n## 💡 Proposed Solution\n\nCache.\n',
      '# RFC: Beta\n\n## Problem Statement\n\nSlow.\n\n## 🧑‍💻 Proposed Solution\n\nCache.\n',
    ]) {
      const { diagnostics } = await lintPattern(template, text);
      expect(diagnostics.map((d) => `${d.line} ${d.ruleId}: ${d.message}`)).toEqual([]);
    }
  });
});

describe('a joined sub-section written split', () => {
  it('`### Goals` then `### Non-Goals` write `### Goals and Non-Goals`: one finding to join them, neither unknown nor renamed alone', async () => {
    const template = '# _Title_\n\n## Overview\n\nShort.\n\n### Goals and Non-Goals\n\nWhat it does and does not.\n\n## Design\n\nHow.\n';
    const pattern = '# Pear\n\n## Overview\n\nA parser swap.\n\n### Goals\n\nFaster start-up.\n\n### Non-Goals\n\nNo new keys.\n\n## Design\n\nSwap it.\n';
    const found = await lintPattern(template, pattern);
    expect(found.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.message}`)).toEqual([
      '7 section-name `### Goals` and `### Non-Goals` write one section of the template, `### Goals and Non-Goals`: join them under that heading, or accept these names with `aliases` under `sections` in the configuration.',
    ]);
  });
});
