import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { tempCatalog } from '../helpers.js';

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

async function findings(pattern: string, fix = false): Promise<{ shown: string[]; text: string }> {
  const dir = await tempCatalog({ 'templates/pattern.md': TEMPLATE, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }), 'saga/README.md': pattern });
  const report = await lint({ root: dir, ...(fix ? { fix: true } : {}) });
  return {
    shown: report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)),
    text: await readFile(path.join(dir, 'saga/README.md'), 'utf8'),
  };
}

describe('the outline of a pattern with structural slips', () => {
  it('reads the sections after a stray H1 as the sections they are: one finding, nothing missing', async () => {
    const pattern = '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n# Details\n\n## Architecture\n\n### Components\n\nAn orchestrator.\n\n### Data Flow\n\nCommands out, replies back.\n\n## Prerequisites\n\nA broker.\n\n## Cleanup\n\nDrop the tables.\n';
    expect((await findings(pattern)).shown).toEqual(['9:1 title More than one title: `# Details` is a second H1. Make it a `##` section.']);
  });

  it('reports an unknown heading once, not the headings it holds', async () => {
    const pattern = '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n## Notes\n\n### Tip one\n\nText.\n\n### Tip two\n\nText.\n\n## Architecture\n\n### Components\n\nAn orchestrator.\n\n### Data Flow\n\nCommands.\n\n## Prerequisites\n\nA broker.\n\n## Cleanup\n\nDrop the tables.\n';
    expect((await findings(pattern)).shown).toEqual(['9:1 unknown-section Unknown section `## Notes`: the template has no such section.']);
  });

  it('reports a section at the wrong level at its heading, never as missing', async () => {
    const pattern = '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n## Architecture\n\n## Components\n\nAn orchestrator.\n\n### Data Flow\n\nCommands.\n\n## Prerequisites\n\nA broker.\n\n## Cleanup\n\nDrop the tables.\n';
    const { shown } = await findings(pattern);
    expect(shown.filter((s) => s.includes('required-section'))).toEqual([]);
    expect(shown.some((s) => s.startsWith('11:1 heading-level'))).toBe(true);
  });

  it('inserts a missing section after the previous section\'s sub-sections, and a missing sub-section before it', async () => {
    const pattern = '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSteps.\n\n## Architecture\n\n### Components\n\nAn orchestrator.\n\n## Cleanup\n\nDrop the tables.\n';
    const { text } = await findings(pattern, true);
    expect(text.match(/^#+ .*/gm)).toEqual(['# Saga', '## Overview', '## Architecture', '### Components', '### Data Flow', '## Prerequisites', '## Cleanup']);
    // The next lint finds only the template text the fix inserted, no order or level problem.
    const again = await findings(text);
    expect(again.shown.every((s) => / placeholder /.test(s))).toBe(true);
  });
});
