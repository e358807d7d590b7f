import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { PatternbookError } from '../../src/diagnostics.js';
import { applyEdits as applyFixes, lostLines } from '../../src/util/text-edits.js';
import { disabledRules } from '../../src/lint/disable-comments.js';
import { lintCatalog } from '../../src/lint/engine.js';
import { lint } from '../../src/lint/lint.js';
import { defineRule } from '../../src/lint/rule.js';
import { tempCatalog } from '../helpers.js';

const TEMPLATE = '# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nHow to remove it.\n';
const good = (title: string) => `# ${title}\n\n> ${title} does one thing.\n\n## Overview\n\nReal text.\n\n## Cleanup\n\nRemove it.\n`;

async function catalog(files: Record<string, string>, config: object = {}) {
  return tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...config }),
    ...files,
  });
}

describe('lint engine', () => {
  it('offers no fix that writes between the markers of a block a tool regenerates (`<!-- timeline:start -->` … `<!-- timeline:end -->`)', async () => {
    const inside =
      '# A\n\n> A does one thing.\n\n<!-- timeline:start -->\n\n## Timeline\n\n- 2024: first\n\n<!-- timeline:end -->\n\n## Frames\n\nTwo.\n\n## Cleanup\n\nRemove.\n';
    const outside = inside.replace(/<!-- timeline:(?:start|end) -->\n\n/g, '');
    const dir = await catalog({ 'a/README.md': inside, 'b/README.md': outside });
    const report = await lint({ root: dir, only: ['required-section'] });
    const missing = (file: string) => report.results.find((r) => r.path === file)!.diagnostics.find((d) => d.message.startsWith('Missing section `## Overview`'))!;
    expect(missing('a/README.md').fix).toBeUndefined();
    expect(missing('b/README.md').fix?.text).toContain('## Overview');
    await lint({ root: dir, only: ['required-section'], fix: true });
    expect(await readFile(path.join(dir, 'a/README.md'), 'utf8')).toBe(inside);
  });

  it('reports every problem of every file in one pass, with rule id, severity and docs URL', async () => {
    const dir = await catalog({
      'a/README.md': '# A\n\n> A does one thing.\n\n## Overview\n\nText.\n\n## Extra\n\nx\n',
      'b/README.md': '# B\n\n> B does one thing.\n\n## Cleanup\n\nRemove.\n\n## Overview\n\nText.\n',
      'c/README.md': good('C'),
    });
    const report = await lint({ root: dir });
    const byFile = Object.fromEntries(report.results.map((r) => [r.path, r.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`)]));
    expect(byFile).toEqual({
      'a/README.md': ['7 required-section error', '9 unknown-section warning'],
      'b/README.md': ['5 section-order warning'],
      'c/README.md': [],
    });
    const d = report.results[0]!.diagnostics[0]!;
    expect(d.url).toBe('https://github.com/patternbook/patternbook/blob/main/docs/rules/required-section.md');
    expect(d.message).toBe('Missing section `## Cleanup`, expected after `## Overview`.');
    // (--fix inserts the missing section for the author to write: not fixed by it, so not counted as fixable.)
    expect(d.fix?.toWrite).toBe(true);
    expect([report.errorCount, report.warningCount, report.fixableCount]).toEqual([1, 2, 0]);
  });

  it('applies rule settings and per-glob overrides, and validates them', async () => {
    const files = {
      'drafts/x/README.md': '# X\n\n> X.\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nRemove.\n',
      'y/README.md': '# Y\n\n> Y.\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nRemove.\n',
    };
    const dir = await catalog(files, {
      patterns: ['**/README.md'],
      exclude: ['templates/**'],
      rules: { placeholder: 'warn' },
      overrides: [{ files: ['drafts/**'], rules: { placeholder: 'off' } }],
    });
    const report = await lint({ root: dir });
    const flat = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.ruleId} ${d.severity}`));
    expect(flat).toEqual(['y/README.md placeholder warning']);

    const bad = await catalog(files, { rules: { placehoder: 'off', 'unknown-section': ['warn', { allow: 'Glossary' }] } });
    const error = await lint({ root: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatternbookError);
    expect((error as Error).message).toMatch(/`rules\.placehoder`: unknown rule\. Did you mean `placeholder`\?/);
    expect((error as Error).message).toMatch(/invalid options for `unknown-section`: allow/);
  });

  it('honours inline disable comments', async () => {
    const dir = await catalog({
      'a/README.md': [
        '# A',
        '',
        '> A does one thing.',
        '',
        '## Overview',
        '',
        'Real.',
        '',
        '<!-- patternbook-disable-next-line unknown-section -->',
        '## Extra',
        '',
        'x',
        '',
        '<!-- patternbook-disable -->',
        '## Other',
        '',
        'y',
        '<!-- patternbook-enable -->',
        '',
        '## Third',
        '',
        'z',
        '',
        '## Cleanup',
        '',
        'Remove.',
        '',
      ].join('\n'),
    });
    const report = await lint({ root: dir });
    expect(report.results[0]!.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual(['20 unknown-section']);
  });

  it('turns a rule that throws into a diagnostic on that file and goes on', async () => {
    const dir = await catalog({ 'a/README.md': good('A'), 'b/README.md': good('B') });
    const boom = defineRule({
      meta: { id: 'boom', description: 'crashes on b', severity: 'error', fixable: false },
      check({ pattern, report }) {
        if (pattern.slug === 'b') throw new Error('kaboom');
        report({ message: 'fine', line: 99, column: 5 });
      },
    });
    const { results } = await lintCatalog(await loadCatalog(dir), { registry: [boom] });
    expect(results.map((r) => r.diagnostics.map((d) => [d.ruleId, d.line, d.message]))).toEqual([
      [['boom', 12, 'fine']], // the out-of-file line is clamped to the last line
      [['internal', 1, 'Rule `boom` crashed on this file (kaboom); the other rules still ran. Please report this.']],
    ]);
  });

  it('says a problem once: the same report twice, and a catch-all rule on a span a specific rule reports', async () => {
    const dir = await catalog({ 'a/README.md': good('A') });
    const overview = (p: { anchors: readonly string[] }) => ({ line: 5, column: 1, message: `Overview of ${p.anchors.length} headings` });
    const specific = defineRule({
      meta: { id: 'specific', description: 'reports the Overview heading twice', severity: 'warning', fixable: false },
      check({ pattern, report }) {
        report(overview(pattern));
        report(overview(pattern));
      },
    });
    const generic = defineRule({
      meta: { id: 'generic', description: 'reports the Overview heading and the title', severity: 'error', fixable: false, catchAll: true },
      check({ report }) {
        report({ line: 5, column: 1, message: 'template text left in' });
        report({ line: 1, column: 1, message: 'template text left in' });
      },
    });
    const { results } = await lintCatalog(await loadCatalog(dir), { registry: [generic, specific] });
    expect(results[0]!.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['generic', 1, 'template text left in'],
      ['specific', 5, 'Overview of 3 headings'],
    ]);
  });

  it('includes files that could not be loaded, with their fatal diagnostic', async () => {
    const dir = await catalog({ 'a/README.md': good('A'), 'bad/README.md': '---\na: [\n# Bad\n' });
    const report = await lint({ root: dir });
    expect(report.results.map((r) => [r.path, r.errorCount])).toEqual([
      ['a/README.md', 0],
      ['bad/README.md', 1],
    ]);
    expect(report.results[1]!.diagnostics[0]).toMatchObject({ ruleId: 'front-matter-syntax', fatal: true });
  });

  it('lints a file whose front matter is not valid YAML without its keys: one finding for the YAML, the body checked as any other', async () => {
    // Keys the configuration requires are not reported missing: they may well be in the unreadable block.
    const dir = await catalog(
      { 'a/README.md': `---\nstatus: draft\n---\n${good('A')}`, 'bad/README.md': `---\nstatus: draft\na: [\n---\n${good('Bad')}` },
      { frontMatter: { required: ['status'] } },
    );
    const report = await lint({ root: dir });
    const bad = report.results.find((r) => r.path === 'bad/README.md')!;
    expect(bad.diagnostics.map((d) => [d.ruleId, d.line, d.fatal ?? false])).toEqual([['front-matter-syntax', 3, false]]);
    expect(report.results.find((r) => r.path === 'a/README.md')!.diagnostics).toEqual([]);
  });

  it('lints only the paths asked for', async () => {
    const dir = await catalog({ 'a/README.md': '# A\n', 'b/README.md': '# B\n' });
    const report = await lint({ root: dir, paths: [path.join(dir, 'b')] });
    expect(report.results.map((r) => r.path)).toEqual(['b/README.md']);
  });
});

describe('--fix', () => {
  it('inserts missing sections in template order, keeps CRLF, and a second run changes nothing', async () => {
    const dir = await catalog({ 'a/README.md': '# A\r\n\r\n> A does one thing.\r\n\r\n## Cleanup\r\n' });
    await lint({ root: dir, fix: true });
    const fixed = await readFile(path.join(dir, 'a/README.md'), 'utf8');
    expect(fixed).toBe('# A\r\n\r\n> A does one thing.\r\n\r\n## Overview\r\n\r\n<!-- Describe it. -->\r\n\r\n## Cleanup\r\n');
    const again = await lint({ root: dir, fix: true });
    expect(again.results[0]!.fixed).toBeUndefined();
    expect(await readFile(path.join(dir, 'a/README.md'), 'utf8')).toBe(fixed);
    // What is left is the writing: each inserted section holds the template's guidance as a comment, no template text.
    expect(again.results[0]!.diagnostics.map((d) => d.message)).toEqual([
      'Section `## Overview` is empty: write its content or remove the heading if the template marks it optional.',
      'Section `## Cleanup` is empty: write its content or remove the heading if the template marks it optional.',
    ]);
  });

  it('inserts no section in a later pass that the first pass said missing without inserting it (it named a heading of the author’s that may be it)', async () => {
    const template =
      '---\nprop: <to be assigned>\ntitle: <Proposal title>\nstatus: WIP\n---\n\nThis is the suggested layout for new proposals.\n\n## Simple Summary\n<!--Say the outcome in plain words.-->\nSay the outcome in plain words.\n\n## Abstract\n<!--A short description of what will be done.-->\nA short description of what will be done.\n\n## Motivation\n<!--This is the problem statement: explain why the current state is inadequate.-->\nThis is the problem statement: explain why the current state is inadequate.\n\n## Specification\n<!--Describe how the change works.-->\n\n### Overview\n<!--How the change solves the problem.-->\nHow the change solves the problem.\n\n### Rationale\n<!--Why this way.-->\nWhy this way.\n\n## Copyright\nPublic domain.\n';
    const proposal =
      '| prop: | title: |\n| --- | --- |\n| 5 | Quick votes |\n\n# Summary\n\n## Problem\n\nFull votes are slow and rarely reach quorum, which blocks small teams.\n\n## Proposed solution\n\nLet small teams pass routine changes unless enough members object.\n\n# Specification\n\n## Workflow\n\nA motion waits three days and passes if objections stay under the bar.\n\n# Copyright\n\nPublic domain.\n';
    const dir = await tempCatalog({
      'prop-X.md': template,
      'patternbook.config.json': JSON.stringify({
        template: 'prop-X.md',
        patterns: ['docs/*.md'],
        sections: {
          'Simple Summary': { recommended: true },
          Abstract: { recommended: true },
          Copyright: { recommended: true },
          Overview: { optional: true },
          Rationale: { optional: true },
        },
      }),
      'docs/prop-5.md': proposal,
    });
    const before = await lint({ root: dir });
    const motivation = before.results[0]!.diagnostics.find((d) => d.message.startsWith('Missing section `## Motivation`'));
    expect(motivation?.fix).toBeUndefined();
    expect(motivation?.message).toContain('`## Problem`');
    await lint({ root: dir, fix: true });
    const after = await readFile(path.join(dir, 'docs/prop-5.md'), 'utf8');
    expect(after).not.toBe(proposal);
    expect(after).not.toContain('## Motivation');
  });

  it('never applies the same fix twice to a file: a fix that does not mend its finding is applied once', async () => {
    const dir = await catalog({ 'a/README.md': good('A'), 'b/README.md': good('B') });
    const stubborn = defineRule({
      meta: { id: 'stubborn', description: 'always asks for one more line in a', severity: 'error', fixable: true },
      check({ pattern, report }) {
        if (pattern.slug !== 'a') return;
        const end = pattern.document.source.length;
        report({ message: 'Add a closing line.', line: 1, fix: { range: [end, end], text: 'Closing line.\n' } });
      },
    });
    const report = await lint({ root: dir, fix: true, registry: [stubborn] });
    expect(await readFile(path.join(dir, 'a/README.md'), 'utf8')).toBe(`${good('A')}Closing line.\n`);
    expect(report.results.map((r) => [r.path, r.fixed ?? false, r.errorCount])).toEqual([
      ['a/README.md', true, 1],
      ['b/README.md', false, 0],
    ]);
  });

  it('applies non-overlapping fixes in order and skips overlapping ones', () => {
    const result = applyFixes('abcdef', [
      { range: [2, 2], text: 'X' },
      { range: [2, 2], text: 'Y' },
      { range: [1, 4], text: '-' },
      { range: [5, 6], text: 'F' },
    ]);
    expect(result).toEqual({ output: 'a-eF', applied: 2, skipped: 2, done: [false, false, true, true] });
    expect(
      applyFixes('ab', [
        { range: [1, 1], text: 'X' },
        { range: [1, 1], text: 'Y' },
      ]).output,
    ).toBe('aXYb');
  });

  it('guards against losing a line: lostLines sees a dropped line but not a changed heading level', () => {
    expect(lostLines('# T\n### Overview\ntext\n', '# T\n## Overview\ntext\n')).toEqual([]);
    expect(lostLines('a\nb\nb\n', 'a\nb\n')).toEqual(['b']);
    // (A line of text made a heading of its own words is kept; one that lost words is not.)
    expect(lostLines('# T\n**Reviews**\ntext\n', '# T\n## Reviews\ntext\n')).toEqual([]);
    expect(lostLines('# T\nReviews of the plan\ntext\n', '# T\n## Reviews\ntext\n')).toEqual(['Reviews of the plan']);
    // (So is a heading written without its space, `##Cleanup`, made `## Cleanup`.)
    expect(lostLines('# T\n##Cleanup\ntext\n', '# T\n## Cleanup\ntext\n')).toEqual([]);
  });

  it('mends a heading written without its space (`##Cleanup`) instead of refusing its own edit', async () => {
    const dir = await catalog({ 'a/README.md': '# A\n\n> A does one thing.\n\n## Overview\n\nReal text.\n\n##Cleanup\n\nRemove it.\n' });
    const report = await lint({ root: dir, fix: true });
    expect(report.results[0]!.diagnostics.map((d) => d.ruleId)).toEqual([]);
    expect(await readFile(path.join(dir, 'a/README.md'), 'utf8')).toBe('# A\n\n> A does one thing.\n\n## Overview\n\nReal text.\n\n## Cleanup\n\nRemove it.\n');
  });
});

describe('disable comments', () => {
  it('parses ranges, next-line, same-line and specific rules', () => {
    const check = disabledRules(
      [
        '<!-- patternbook-disable a -->',
        'x',
        '<!-- patternbook-enable a -->',
        'y <!-- patternbook-disable-line b -->',
        '<!-- patternbook-disable-next-line -->',
        'z',
      ].join('\n'),
    );
    expect([check('a', 2), check('b', 2), check('a', 4), check('b', 4), check('c', 4), check('anything', 6), check('anything', 7)]).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
      false,
    ]);
  });
});
