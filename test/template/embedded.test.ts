import { describe, expect, it } from 'vitest';
import { renderNewPattern } from '../../src/scaffold/render-pattern.js';
import { templateFromSource } from '../../src/template/load-template.js';
import { outline } from '../helpers.js';

/** A page about writing a design note, with the template to copy twice: with instructions, then blank. */
const PAGE = [
  '# Writing a design note', // 1
  '',
  'Keep to the shape below; leave a section out when it says nothing.',
  '',
  '## With instructions', // 5
  '',
  '```markdown',
  '# Your feature', // 8
  '',
  '<!-- One paragraph: the problem and what you propose. -->',
  '',
  '## Motivation', // 12
  '',
  '<!-- Who needs this, and why now. -->',
  '',
  '## Design', // 16
  '',
  '### Alternatives considered', // 18
  '```',
  '',
  '## Blank',
  '',
  '```md',
  '# Your feature',
  '',
  '## Motivation',
  '',
  '## Design',
  '',
  '### Alternatives considered',
  '```',
  '',
].join('\n');

describe('a template kept in a ```markdown block of a page about it', () => {
  const template = templateFromSource(PAGE, 'meta/design-note.md');

  it('is the block with the instructions, not the page’s own headings, at its lines in the file', () => {
    expect(outline(template.sections)).toEqual(['2 Motivation', '2 Design', '  3 Alternatives considered ~']);
    expect(template.embeddedAt).toBe(8);
    expect(template.title).toMatchObject({ from: 'heading', sample: 'Your feature' });
    expect(template.document.sections[0]!.heading.range.start.line).toBe(12);
  });

  it('gives `new` the template alone, without the page’s lines before it', () => {
    const text = renderNewPattern(template, { title: 'Bulk export' });
    expect(text.startsWith('# Bulk export\n')).toBe(true);
    expect(text).toContain('## Motivation');
    expect(text).not.toContain('Writing a design note');
  });

  it('reads a block that opens with front matter with its front matter', () => {
    const page =
      '# How to write a decision record\n\nCopy this:\n\n```markdown\n---\nstatus: proposed\n---\n\n# [Short title]\n\n## Context\n\nDescribe.\n\n## Decision\n\n## Consequences\n```\n';
    const schema = templateFromSource(page, 'HOWTO.md');
    expect(outline(schema.sections)).toEqual(['2 Context', '2 Decision', '2 Consequences']);
    expect(schema.frontMatter).toEqual({ status: 'proposed' });
    expect(schema.title).toMatchObject({ from: 'heading', sample: '[Short title]' });
  });

  it('leaves a template whose own sections only show a Markdown sample as it is', () => {
    const own = [
      '# [Pattern name]',
      '',
      '## Overview',
      '',
      '## Usage',
      '',
      'Document the README like this:',
      '',
      '```markdown',
      '# Service name',
      '',
      '## Install',
      '```',
      '',
      '## Related patterns',
      '',
    ].join('\n');
    const schema = templateFromSource(own, 'template.md');
    expect(outline(schema.sections)).toEqual(['2 Overview', '2 Usage', '2 Related patterns']);
    expect(schema.embeddedAt).toBeUndefined();
  });
});

describe('a template kept after a `## Template:` heading of a page about it', () => {
  const page = [
    '# Proposals process', // 1
    '',
    'Write a proposal before a large change.',
    '',
    '## Why a process?', // 5
    '',
    'So changes are discussed first.',
    '',
    '## Template:', // 9
    '',
    '## Your Proposal Title', // 11
    '',
    '* **Owners:** `<@author>`',
    '',
    '## Why', // 15
    '',
    'The motivation.',
    '',
    '## Goals', // 19
    '',
    'What it achieves.',
    '',
    '## How', // 23
    '',
    'The design.',
    '',
  ].join('\n');
  it('is the part after that heading: its title, then its sections, at their lines; the page’s own sections are none of them', () => {
    const t = templateFromSource(page, 'contributing/proposal-process.md');
    expect(t.title).toMatchObject({ from: 'heading', sample: 'Your Proposal Title' });
    expect(outline(t.sections)).toEqual(['2 Why', '2 Goals', '2 How']);
    expect(t.sections.map((s) => s.line)).toEqual([15, 19, 23]);
  });
  it('a file whose own title says so, `# ADR Template` over its `##` sections, is the template itself, titled with its sample', () => {
    const t = templateFromSource(
      '# ADR Template\n\n## Context\n\nWhat is the issue?\n\n## Decision\n\nWhat is the change?\n\n## Consequences\n\nWhat becomes easier?\n',
      'adr/0000-template.md',
    );
    expect(t.title).toMatchObject({ from: 'heading', sample: 'ADR Template' });
    expect(outline(t.sections)).toEqual(['2 Context', '2 Decision', '2 Consequences']);
  });
  it('a `## Template` section that only points elsewhere is no template: the page stays as it is', () => {
    const pointer = page.replace('## Template:\n\n## Your Proposal Title', '## Template\n\nCopy `0000-template.md`.\n\n## Your Proposal Title');
    expect(outline(templateFromSource(pointer, 'process.md').sections)).toContain('2 Why a process?');
  });
  it('two sections right under the heading, no title heading of their own, are the template too; the page’s front matter title is no sample', () => {
    const short = '---\ntitle: Review Process\n---\n\n# Review Process\n\nHow we review designs.\n\n## Template:\n\n## Why\n\nMotivation.\n\n## How\n\nThe plan.\n';
    const t = templateFromSource(short, 'review-process.md');
    expect(outline(t.sections)).toEqual(['2 Why', '2 How']);
    expect(t.title).not.toMatchObject({ sample: 'Review Process' });
  });
});

describe('a template kept in a block with no language under a `## Template` heading of a page about it', () => {
  const page = [
    '# Adding a runbook',
    '',
    '## How?',
    '',
    '1. Name the file after the alert.',
    '2. Fill in [the template below](#template).',
    '',
    '### Finding the component',
    '',
    'Alerts are prefixed with their component.',
    '',
    '## Template',
    '',
    'An example, based on a disk alert:',
    '',
    '```',
    '# DiskAlmostFull', // 17
    '',
    '## Meaning',
    '',
    'What the alert says.',
    '',
    '## Impact',
    '',
    '## Mitigation',
    '',
    '<Insert the site’s own measures.>',
    '```',
    '',
    '## Guidelines',
    '',
    'Keep it short.',
    '',
  ].join('\n');

  it('is the block (under the heading, after the line that leads into it), though the page has more headings of its own', () => {
    const template = templateFromSource(page, 'docs/add-runbook.md');
    expect(outline(template.sections)).toEqual(['2 Meaning', '2 Impact', '2 Mitigation']);
    expect(template.embeddedAt).toBe(17);
  });

  it('a block with no language under another heading is no template: the page stays as it is', () => {
    const other = page.replace('## Template', '## Example');
    expect(outline(templateFromSource(other, 'docs/add-runbook.md').sections)).toContain('2 How?');
  });
});
