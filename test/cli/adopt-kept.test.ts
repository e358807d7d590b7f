import { readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempCatalog } from '../helpers.js';
import { configOf, lintOf } from './_adopt.js';

/**
 * `init --adopt` keeps what the catalog holds and asks only what it asks: a table of contents is
 * never a required section of a derived template; a document in a folder of
 * its own or named with a dot is taken or said; a folder of other files beside the patterns never
 * leaves out the patterns there.
 */

describe('init --adopt: a derived template asks for what the catalog holds', () => {
  /** Six notes with no template file; all but the last have `### <sub>` under `## Overview`. */
  const notes = (sub: string): Record<string, string> => {
    const files: Record<string, string> = { 'README.md': '# Notes\n\nEach note has front matter and an H1.\n' };
    for (let i = 1; i <= 6; i++) {
      const inner = i < 6 ? `### ${sub}\n\n- [Details](#details)\n\n` : '';
      files[`2024-0${i} Note ${i}.md`] =
        `---\nOwner: someone\n---\n\n# Note ${i}\n\n## Overview\n\nNote ${i} says what it is about.\n\n${inner}## Details\n\nThe details of note ${i}.\n`;
    }
    return files;
  };

  it('a table of contents (`Contents`) five of six notes have is optional: no finding, and --fix inserts nothing', async () => {
    const dir = await tempCatalog(notes('Contents'));
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const template = await readFile(path.join(dir, 'templates', 'pattern.md'), 'utf8');
    expect(template).toContain('### Contents (optional)');
    const report = await lintOf(dir, REPO);
    expect(report.results.flatMap((r) => r.diagnostics)).toEqual([]);
    const fix = await runCli(['lint', dir, '--fix'], REPO);
    expect(fix.code, fix.stdout).toBe(0);
    expect(await readFile(path.join(dir, '2024-06 Note 6.md'), 'utf8')).not.toContain('Contents');
  });

  it('a section five of six notes have is asked for: the one without it is told, a warning (the template is derived from them)', async () => {
    const dir = await tempCatalog(notes('Background'));
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const report = await lintOf(dir, REPO);
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, ruleId: d.ruleId, severity: d.severity })));
    expect(found).toEqual([{ file: '2024-06 Note 6.md', ruleId: 'required-section', severity: 'warning' }]);
  });
});

describe('init --adopt: documents beside the patterns', () => {
  const template = '# _Title_\n\n## Overview\n\n_What is it?_\n\n## Motivation\n\n_Why?_\n\n## Design\n\n_How?_\n\n## Risks\n\n_What could go wrong?_\n';
  const rfc = (name: string) => `# ${name}\n\n## Overview\n\n${name} adds a switch.\n\n## Motivation\n\nIt is slow.\n\n## Design\n\nA flag.\n\n## Risks\n\nNone.\n`;
  const files = (): Record<string, string> => ({
    '.template.md': template,
    'rfc-one.md': rfc('RFC one'),
    'rfc-two.md': rfc('RFC two'),
    'rfc-three.md': rfc('RFC three'),
    'rfc-four.md': rfc('RFC four'),
    'rfc-loose.md': '# Loose notes RFC\n\nA few notes.\n\n## Overview\n\nScreens.\n\n## Screens\n\nTwo.\n\n## Wording\n\nShort.\n',
  });

  it('a document named as its own folder that has the template’s sections as a fitting one does is taken, as the loose one beside the patterns is', async () => {
    const dir = await tempCatalog({
      ...files(),
      'gizmo-cache/gizmo-cache.md': '# Gizmo cache\n\n## Goals\n\nFaster.\n\n## Overview\n\nA cache.\n\n## Cache layout\n\nAn LRU.\n\n## Later phases\n\nShare it.\n',
      'gizmo-cache/cache.png': new Uint8Array([137, 80, 78, 71]),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['*.md', 'gizmo-cache/gizmo-cache.md']);
    expect((await lintOf(dir, REPO)).results.map((r) => r.file)).toContain('gizmo-cache/gizmo-cache.md');
  });

  it('one with none of them is said as not taken, by name', async () => {
    const dir = await tempCatalog({ ...files(), 'gizmo-cache/gizmo-cache.md': '# Gizmo cache\n\n## Goals\n\nFaster.\n\n## Cache layout\n\nAn LRU.\n' });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['*.md']);
    expect(run.stdout).toMatch(/not taken +1 file in gizmo-cache\/ \(gizmo-cache\/gizmo-cache\.md/);
  });

  it('a document named with a dot and written from the template is named on its own (no `*` matches it); a dot-named note is said as not taken', async () => {
    const dir = await tempCatalog({
      ...files(),
      '.hidden-rfc.md': '# Hidden RFC\n\n## Overview\n\nAn RFC named with a dot.\n\n## Design\n\nNothing special.\n',
      '.notes.md': '# Notes\n\nScratch.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['*.md', '.hidden-rfc.md']);
    expect(run.stdout).toMatch(/not taken +1 file in this folder \(\.notes\.md/);
    const linted = (await lintOf(dir, REPO)).results.map((r) => r.file);
    expect(linted).toContain('.hidden-rfc.md');
    expect(linted).not.toContain('.notes.md');
  });
});

describe('init --adopt: other files in the patterns’ folders', () => {
  /** Ten projects, each with `review/<date>.md` from the template; four also keep a free-form `audit/`. */
  const projects = (names: readonly string[], audited: readonly string[]): Record<string, string> => {
    const files: Record<string, string> = {
      '../guide/review-template.md': '# [Project] review\n\n## Verdict\n\n[Verdict]\n\n## Findings\n\n[Findings]\n\n## Advice\n\n[Advice]\n',
    };
    names.forEach((p, i) => {
      files[`projects/${p}/review/2025-03-${10 + i}.md`] =
        `# ${p} review\n\n## Verdict\n\nFine.\n\n## Findings\n\nAnswers within ${i + 1} days.\n\n## Advice\n\nWrite down releases.\n`;
    });
    for (const p of audited) {
      files[`projects/${p}/audit/self-audit.md`] = `# ${p} audit\n\n## Threats\n\nA list.\n`;
      files[`projects/${p}/audit/README.md`] = `# ${p} audit notes\n\nSee the self-audit.\n`;
    }
    return files;
  };

  for (const [label, names, audited] of [
    ['ten projects, four with an audit', ['apple', 'birch', 'cedar', 'daisy', 'elder', 'fig', 'grape', 'hazel', 'iris', 'juniper'], ['cedar', 'daisy', 'fig', 'hazel']],
    ['three projects, one with an audit', ['apple', 'birch', 'cedar'], ['cedar']],
  ] as const)
    it(`${label}: every review is a pattern, by a folder glob and no exclusion`, async () => {
      const all = projects(names, audited);
      const dir = await tempCatalog(Object.fromEntries(Object.entries(all).map(([k, v]) => [k.replace(/^\.\.\/guide/, 'guide'), v])));
      const run = await runCli(['init', '--adopt', path.join(dir, 'projects'), '-t', path.join(dir, 'guide', 'review-template.md')], REPO);
      expect(run.code, run.stderr).toBe(0);
      const config = await configOf(path.join(dir, 'projects'));
      expect(config.patterns).toEqual(['*/review/*.md']);
      expect(config.exclude).toBeUndefined();
      const picked = picomatch(config.patterns as string[]);
      expect(Object.keys(all).filter((k) => k.includes('/review/') && picked(k.replace(/^projects\//, '')))).toHaveLength(names.length);
      expect((await lintOf(path.join(dir, 'projects'), REPO)).results).toHaveLength(names.length);
      // (The audit folders left out are said where they are: in each project's folder, or in the one.)
      expect(run.stdout).toContain(`left out   ${audited.length > 1 ? '*' : audited[0]}/audit/ (${audited.length * 2} files`);
    });
});
