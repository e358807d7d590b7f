import { spawnSync } from 'node:child_process';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { describe, expect, it } from 'vitest';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { fixture, listFiles, REPO, runCli, tempCatalog } from '../helpers.js';
import { pickedOf } from './_adopt.js';

/** A copy of a fixture catalog in a temporary folder (the fixture itself is never written). */
async function copyOf(name: string): Promise<string> {
  const dir = await tempCatalog();
  await cp(fixture('catalogs', name), dir, { recursive: true });
  return dir;
}

/** Every file's bytes, by relative path. */
async function bytesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const rel of await listFiles(dir)) out.set(rel, await readFile(path.join(dir, rel)));
  return out;
}

/** Every file that was there is byte for byte the same; the only new files are `added`. */
function expectUntouched(before: Map<string, Buffer>, after: Map<string, Buffer>, added: string[]): void {
  for (const [rel, bytes] of before) expect(after.get(rel)?.equals(bytes), `${rel} changed`).toBe(true);
  expect([...after.keys()].filter((rel) => !before.has(rel)).sort()).toEqual([...added].sort());
}

async function configOf(dir: string): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')) as Record<string, unknown>;
}

/** The configuration's comments: each run of comment lines joined into one sentence. */
async function commentsOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  let run: string[] = [];
  for (const line of (await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).split('\n')) {
    const m = /^\s*# (.*)$/.exec(line);
    if (m) run.push(m[1]!);
    else if (run.length) {
      out.push(run.join(' '));
      run = [];
    }
  }
  return out;
}

interface Finding {
  file: string;
  rule: string;
  severity: string;
  message: string;
}

/** What `patternbook lint` (the real command, reading the written configuration) finds. */
async function lintFindings(dir: string): Promise<Finding[]> {
  const run = await runCli(['lint', dir, '--format', 'json'], REPO);
  expect(run.code, run.stderr).toBeLessThan(2);
  const report = JSON.parse(run.stdout) as { results: { file: string; diagnostics: { ruleId: string; severity: string; message: string }[] }[] };
  return report.results.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, rule: d.ruleId, severity: d.severity, message: d.message })));
}

const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

describe('patternbook init --adopt', () => {
  it('folder per pattern with a TEMPLATE.md: uses it, selects */README.md, leaves every file as it was', async () => {
    const dir = await copyOf('adopt-folder-template');
    const before = await bytesOf(dir);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expectUntouched(before, await bytesOf(dir), ['patternbook.config.yaml']);

    const config = await configOf(dir);
    expect(config).toEqual({ template: 'TEMPLATE.md', patterns: ['*/README.md'], site: { title: 'Platform Patterns' } });
    expect(run.stdout).toMatch(/template +\S*TEMPLATE\.md \(named like a template/);
    expect(run.stdout).toContain('*/README.md: 4 files of the 8 Markdown files here');
    // The first lint, by rule: the one real problem (Ambassador has no Consequences).
    expect(run.stdout).toMatch(/First lint\n {2}required-section +1 error\n/);
    const errors = errorsOf(await lintFindings(dir));
    expect(errors.map((e) => [e.file, e.rule])).toEqual([['ambassador/README.md', 'required-section']]);
    expect(errors[0]!.message).toContain('Consequences');
  });

  it('file per pattern in nested folders, front-matter titles, no template: derives templates/pattern.md', async () => {
    const dir = await copyOf('adopt-nested-derived');
    const before = await bytesOf(dir);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expectUntouched(before, await bytesOf(dir), ['patternbook.config.yaml', 'templates/pattern.md']);

    const config = await configOf(dir);
    expect(config.template).toBe('templates/pattern.md');
    expect(config.patterns).toEqual(['docs/**/*.md']);
    expect(config.exclude).toEqual(['**/index.md', 'docs/guide/**']);

    const template = await readFile(path.join(dir, 'templates/pattern.md'), 'utf8');
    // Title and summary where the patterns keep theirs; the common front matter key too.
    expect(template.startsWith('---\ntitle: "[Pattern Title]"\ndescription: "[Summary of the pattern]"\ntags: []\n---\n')).toBe(true);
    expect(template).not.toMatch(/^# /m);
    // The sections most patterns have, in their order; optional where a good share lack them;
    // the heading that holds each pattern's name, with the title placeholder.
    expect(template.match(/^##.*$/gm)).toEqual(['## Intent', '## Forces', '## Design', '## Known Uses (optional)', '## Patterns related to [Pattern Title]']);
    expect(run.stdout).toContain('## Known Uses — 3 of 5, optional');

    // Only the gap: Timeout has no Forces section, which four of five patterns have — a warning, as the
    // template is derived from them (no standard of the catalog's says so).
    const found = await lintFindings(dir);
    expect(errorsOf(found)).toEqual([]);
    const missing = found.filter((f) => f.rule === 'required-section');
    expect(missing.map((e) => [e.file, e.severity])).toEqual([['docs/resilience/timeout.md', 'warning']]);
    expect(missing[0]!.message).toContain('Forces');

    // The derived template is the catalog's schema: a new pattern gets its sections, its name in the heading.
    const created = await runCli(['new', 'bulkhead', '--title', 'Bulkhead', '--summary', 'Pools of resources kept apart.'], dir);
    expect(created.code, created.stderr).toBe(0);
    const text = await readFile(path.join(dir, 'docs/bulkhead.md'), 'utf8');
    expect(text).toContain('title: Bulkhead');
    expect(text).toContain('## Patterns related to Bulkhead');
    expect(text).toContain('## Known Uses\n');
  });

  it('a template section no pattern has while each has its own sections there is made optional, and said', async () => {
    const dir = await copyOf('adopt-slot');
    const before = await bytesOf(dir);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expectUntouched(before, await bytesOf(dir), ['patternbook.config.yaml']);

    const config = await configOf(dir);
    expect(config).toEqual({ template: 'templates/new-sheet.md', patterns: ['sheets/*.md'], sections: { 'Main Sections': { optional: true } } });
    expect(run.stdout).toContain('`## Main Sections` is kept by 0 of 4 patterns, which have their own sections at its place: made optional');
    expect(await commentsOf(dir)).toContain('`## Main Sections` is kept by 0 of 4 patterns, which have their own sections at its place: made optional.');

    // Required sections stay required: the sheet without References is the one error.
    const errors = errorsOf(await lintFindings(dir));
    expect(errors.map((e) => [e.file, e.rule])).toEqual([['sheets/File_Upload_Checklist.md', 'required-section']]);
    expect(errors[0]!.message).toContain('References');
  });

  it("leaves out a page with none of the template's sections named outside the catalog's numbered series; a numbered one stays, to be reported", async () => {
    const files: Record<string, string> = {
      'CIP-TEMPLATE.md': '# CIP-XXXX: [Title]\n\n## Abstract\n\nIn brief.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nHow.\n',
      'Meetings/README.md': '# Meetings\n\nNotes of the fortnightly calls, one file a call.\n',
      'CIP-0011/README.md': '# CIP-0011: Unwritten\n\nTo come.\n',
    };
    for (let n = 1; n <= 10; n++)
      files[`CIP-${String(n).padStart(4, '0')}/README.md`] =
        `# CIP-${String(n).padStart(4, '0')}: Change ${n}\n\n## Abstract\n\nChange ${n}.\n\n## Motivation\n\nNeeded.\n\n## Specification\n\nExact.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/exclude +Meetings\/README\.md \(none of the template's sections: 1 file\)/);
    expect(run.stdout).not.toMatch(/exclude +CIP-0011/);
  });

  it('sub-headings of the template that most patterns write their own way, kept by one newer pattern, are made optional', async () => {
    const own = (n: number) =>
      `# Change ${n}\n\n## Summary\n\nChange ${n}.\n\n## Detailed design\n\n### Storage for ${n}\n\nA table.\n\n### Rollout of ${n}\n\nSlowly.\n\n## Drawbacks\n\nCost.\n`;
    const dir = await tempCatalog({
      'text/0000-template.md':
        '# (Title goes here)\n\n## Summary\n\n> One paragraph.\n\n## Detailed design\n\n### Technical Background\n\n> What does a reader need to know?\n\n### Implementation\n\n> Explain the design.\n\n## Drawbacks\n\n> Why not?\n',
      'text/0001-a.md': own(1),
      'text/0002-b.md': own(2),
      'text/0003-c.md': own(3),
      'text/0004-d.md':
        '# Change 4\n\n## Summary\n\nChange 4.\n\n## Detailed design\n\n### Technical Background\n\nCaches.\n\n### Implementation\n\nA map.\n\n## Drawbacks\n\nMemory.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({ 'Technical Background': { optional: true }, Implementation: { optional: true } });
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('another name many patterns give a template section at its place (the template renamed it later) becomes an alias, and is said', async () => {
    const older = (n: number) =>
      `# Proposal ${n}\n\n## Introduction\n\nWhat ${n} changes.\n\n## Impact on existing code\n\nNone for ${n}.\n\n## Effect on binary stability\n\nNone.\n\n## Alternatives considered\n\nOthers.\n`;
    const dir = await tempCatalog({
      'proposal-templates/0000-template.md':
        '# Feature name\n\n## Introduction\n\nOne paragraph.\n\n## Source compatibility\n\nWhat breaks?\n\n## Binary compatibility\n\nWhat changes?\n\n## Alternatives considered\n\nWhat else?\n',
      'proposals/0001-first.md': older(1),
      'proposals/0002-second.md': older(2),
      'proposals/0003-third.md': older(3),
      'proposals/0004-fourth.md': older(4),
      'proposals/0005-fifth.md':
        '# Proposal 5\n\n## Introduction\n\nNew.\n\n## Source compatibility\n\nNone.\n\n## Binary compatibility\n\nNone.\n\n## Alternatives considered\n\nOthers.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({
      'Source compatibility': { aliases: ['Impact on existing code'] },
      'Binary compatibility': { aliases: ['Effect on binary stability'] },
    });
    expect(run.stdout).toContain('4 of the 4 patterns without `## Source compatibility` have `## Impact on existing code` at its place: accepted as another name for it');
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('a section almost no pattern has, where most of the others write one other name at its place, is named so (its older name): an alias, not a slot made optional', async () => {
    const older = (n: number) => `# Proposal ${n}\n\n## Introduction\n\nWhat ${n} changes.\n\n## Motivation\n\nWhy ${n}.\n\n## Detailed design\n\nHow.\n`;
    const files: Record<string, string> = {
      'proposal-templates/0000-template.md': '# Feature name\n\n## Summary of changes\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n## Detailed design\n\nHow?\n',
      'proposals/0012-new.md': '# Proposal 12\n\n## Summary of changes\n\nNew.\n\n## Motivation\n\nWhy.\n\n## Detailed design\n\nHow.\n',
    };
    for (let n = 1; n <= 11; n++) files[`proposals/${String(n).padStart(4, '0')}-old.md`] = older(n);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    // (Missing under its own name in most, it is recommended as well: one missing in every name is a warning.)
    expect((await configOf(dir)).sections).toEqual({ 'Summary of changes': { aliases: ['Introduction'], recommended: true } });
    expect(run.stdout).toContain('11 of the 11 patterns without `## Summary of changes` have `## Introduction` at its place: accepted as another name for it');
    const found = await lintFindings(dir);
    expect(found.filter((f) => f.rule === 'unknown-section' || f.rule === 'required-section')).toEqual([]);
  });

  it('another name where two sections are missing goes to the one its words speak of (`## Detailed design` is the reference-level explanation, not the guide-level one)', async () => {
    const older = (n: number) => `# Change ${n}\n\n## Summary\n\nWhat ${n} does.\n\n## Detailed design\n\nHow ${n} works.\n\n## Drawbacks\n\nSome.\n`;
    const files: Record<string, string> = {
      '0000-template.md':
        '# Feature\n\n## Summary\n\nOne paragraph.\n\n## Guide-level explanation\n\nTeach it to a user with examples.\n\n## Reference-level explanation\n\nExplain the design in enough detail to build it.\n\n## Drawbacks\n\nWhy not?\n',
      'text/0009-new.md':
        '# Change 9\n\n## Summary\n\nNew.\n\n## Guide-level explanation\n\nUse it.\n\n## Reference-level explanation\n\nBuilt so.\n\n## Drawbacks\n\nNone.\n',
    };
    for (let n = 1; n <= 6; n++) files[`text/000${n}-old.md`] = older(n);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toMatchObject({ 'Reference-level explanation': { aliases: ['Detailed design'] } });
    expect(JSON.stringify((await configOf(dir)).sections)).not.toContain('"Guide-level explanation":{"aliases"');
  });

  it('a name at a section’s place whose words have nothing to do with it, written by a few of the patterns without it, is no alias (`## Example` where `## Evidence` goes)', async () => {
    const page = (n: number, middle: string) =>
      `# Agent trick ${n}\n\n## Problem\n\nIt loops ${n}.\n\n## Solution\n\nStop it.\n\n${middle}## How to use it\n\nCall it.\n\n## References\n\n- A paper.\n`;
    const files: Record<string, string> = {
      'patterns/TEMPLATE.md':
        '# Pattern Title\n\n## Problem\n\nState it.\n\n## Solution\n\nDescribe it.\n\n## Evidence\n\n- **Grade:** `high | low`\n\n## How to use it\n\nGuidance.\n\n## References\n\n- Links\n',
    };
    for (let n = 1; n <= 8; n++) files[`patterns/p${n}.md`] = page(n, '');
    for (let n = 9; n <= 11; n++) files[`patterns/p${n}.md`] = page(n, '## Example\n\nA run of it.\n\n');
    for (let n = 12; n <= 13; n++) files[`patterns/p${n}.md`] = page(n, '## Evidence\n\nTwo studies.\n\n');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('accepted as another name');
    expect((await configOf(dir)).sections).toEqual({ Evidence: { recommended: true } });
  });

  it('a spelling most patterns use for a template section becomes an alias; a pattern named like a repository page stays a pattern', async () => {
    const dir = await copyOf('adopt-variant');
    const before = await bytesOf(dir);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expectUntouched(before, await bytesOf(dir), ['patternbook.config.yaml']);

    const config = await configOf(dir);
    // patterns/code-of-conduct.md has the template's sections: a pattern about codes of conduct, not the repository's own page.
    expect(config).toEqual({
      template: 'meta/pattern-template.md',
      patterns: ['patterns/*.md'],
      sections: { Solutions: { aliases: ['Solution'] } },
      site: { title: 'Collaboration Patterns' },
    });
    expect(run.stdout).toContain('5 of the 6 patterns with `## Solutions` write it `## Solution`: accepted as another spelling');
    expect(run.stdout).toContain('patterns/*.md: 6 files');

    // Neither missing nor renamed: the catalog's spelling is accepted.
    const findings = await lintFindings(dir);
    expect(findings.filter((f) => f.rule === 'section-name' || f.rule === 'required-section')).toEqual([]);
    expect(errorsOf(findings)).toEqual([]);
  });

  it('without the alias the same catalog warns about every singular heading (what the alias saves)', async () => {
    const dir = await copyOf('adopt-variant');
    await runCli(['init', '--adopt', dir], REPO);
    const configFile = path.join(dir, 'patternbook.config.yaml');
    await writeFile(configFile, 'template: meta/pattern-template.md\npatterns: ["patterns/*.md"]\n');
    expect((await lintFindings(dir)).filter((f) => f.rule === 'section-name')).toHaveLength(5);
  });

  it('titles and summaries where most patterns keep them, when the template keeps its own elsewhere', async () => {
    const record = (title: string, summary: string) =>
      `---\ntitle: ${title}\ndescription: ${summary}\n---\n\n## Context\n\nWhat made ${title.toLowerCase()} come up.\n\n## Decision\n\nWe chose ${title.toLowerCase()}.\n`;
    const dir = await tempCatalog({
      'TEMPLATE.md': '# [Decision title]\n\n> [What was decided, in a line.]\n\n## Context\n\nWhat made the decision necessary?\n\n## Decision\n\nWhat was chosen.\n',
      'decisions/use-postgres.md': record('Use Postgres', 'One relational store for every service.'),
      'decisions/adopt-trunk.md': record('Trunk-Based Development', 'Short-lived branches merged daily.'),
      'decisions/sign-commits.md': record('Signed Commits', 'Every commit carries a verified signature.'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.title).toEqual({ from: 'front-matter', key: 'title' });
    expect(config.summary).toEqual({ from: 'front-matter', key: 'description' });
    expect(run.stdout).toContain('3 of 3 patterns keep their title in front matter `title` (the template has an H1)');
    expect(await lintFindings(dir)).toEqual([]);
  });

  it('titles in front matter where the template’s title line is a `##`: a first `## Summary`, `## 1 Links` is no title heading', async () => {
    const record = (title: string, first: string) =>
      `---\ntitle: ${title}\n---\n\n## ${first}\n\nWhat ${title.toLowerCase()} is.\n\n## Why\n\nBecause.\n\n## How\n\nSo.\n`;
    const dir = await tempCatalog({
      'TEMPLATE.md': '## Your Proposal Title\n\n## Why\n\nWhy this.\n\n## How\n\nHow it works.\n',
      'docs/a.md': record('Query logs', 'Summary'),
      'docs/b.md': record('Store replicas', 'Summary'),
      'docs/c.md': record('Sharding', '1 Related links'),
      'docs/d.md': record('Deletions', 'Summary'),
      'docs/e.md': record('Tenancy', 'Tenancy in the query path'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).title).toEqual({ from: 'front-matter', key: 'title' });
  });

  it('summaries kept in front matter `excerpt` (Jekyll, Hyde) are where adopt reads them', async () => {
    const post = (title: string, excerpt: string) => `---\ntitle: ${title}\nexcerpt: ${excerpt}\n---\n\n## Context\n\nWhy ${title}.\n\n## Solution\n\nHow.\n`;
    const dir = await tempCatalog({
      'patterns/buoy.md': post('Buoy', 'A float that marks a channel.'),
      'patterns/beacon.md': post('Beacon', 'A light that marks a rock.'),
      'patterns/anchor.md': post('Anchor', 'A weight that holds a boat in place.'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('summary: front matter `excerpt` (3 of 3)');
    expect(await lintFindings(dir)).toEqual([]);
  });

  it('a folder named like a template (`NNNN-…-template/README.md`) is the template; a proposal about templates stays a proposal', async () => {
    const proposal = (title: string) => `# ${title}\n\n## Summary\n\nWhat ${title} changes.\n\n## Motivation\n\nWhy it is worth doing.\n\n## Design\n\nHow it works.\n`;
    const dir = await tempCatalog({
      'README.md': '# Proposals\n\nOne folder per proposal, grouped by team.\n',
      'proposals/NNNN-proposal-template/README.md':
        '# NNNN: Your short title\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n## Design\n\nHow?\n\n## Alternatives (optional)\n\nWhat else was considered?\n',
      'proposals/storage/0007-tiered-volumes/README.md': proposal('0007: Tiered Volumes'),
      'proposals/storage/0042-config-template/README.md': proposal('0042: Config Template'),
      'proposals/network/0013-dual-stack/README.md': proposal('0013: Dual Stack'),
      'proposals/network/0021-egress-gateway/README.md': proposal('0021: Egress Gateway'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toEqual({ template: 'proposals/NNNN-proposal-template/README.md', patterns: ['proposals/*/*/README.md'], site: { title: 'Proposals' } });
    expect(run.stdout).toContain('4 files of the 6 Markdown files here');
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('templates for kinds of document kept side by side, each followed by a folder of its own: one is the template, the others its siblings, every folder in', async () => {
    const thing = (n: string) => `# ${n}\n\n## Why\n\nTeams need a ${n}.\n\n## Layout\n\nRows and columns.\n\n## Sample\n\nOne filled in.\n`;
    const act = (n: string) => `# ${n}\n\n## Goal\n\nWhat ${n} is for.\n\n## Steps\n\n1. Gather.\n2. Draw.\n\n## Outcome\n\nA picture.\n`;
    const role = (n: string) => `# ${n}\n\n## Duties\n\nWhat the ${n} does.\n\n## Skills\n\nWhat the ${n} knows.\n`;
    const dir = await tempCatalog({
      'guide/Kit-ThingTemplate.md': '# NN\n\n## Why\n\nTODO\n\n## Layout\n\nTODO\n\n## Sample\n\nTODO\n',
      'guide/Kit-ActTemplate.md': '# NN\n\n## Goal\n\nTODO\n\n## Steps\n\nTODO\n\n## Outcome\n\nTODO\n',
      'guide/Kit-RoleTemplate.md': '# NN\n\n## Duties\n\nTODO\n\n## Skills\n\nTODO\n',
      ...Object.fromEntries(
        ['Cost Sheet', 'Risk Board', 'Term List', 'Event Wall', 'Query Map', 'Team Canvas'].map((n) => [`things/${n.replace(' ', '-')}.md`, thing(n)]),
      ),
      ...Object.fromEntries(['Domain Walk', 'Load Probe', 'Pair Drawing', 'Risk Storming', 'Story Cutting'].map((n) => [`acts/${n.replace(' ', '-')}.md`, act(n)])),
      'roles/Integration-Lead.md': role('Integration Lead'),
      'roles/Product-Steward.md': role('Product Steward'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toEqual(['guide/Kit-ThingTemplate.md', 'guide/Kit-ActTemplate.md', 'guide/Kit-RoleTemplate.md']);
    expect([...(config.patterns as string[])].sort()).toEqual(['acts/*.md', 'roles/*.md', 'things/*.md']);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it("a site's listing page of its folder (`has_children: true`, or the `parent:` other pages name) with none of the template's sections is left out, and counts in no section's share", async () => {
    const doc = (n: number, parent: string) =>
      `---\ntitle: TP000${n}\nparent: ${parent}\n---\n\n# TP000${n}: Faster saves ${n}\n\n## Abstract\n\nSaves ${n} in short.\n\n## Motivation\n\nSlow.\n\n## Design\n\nBatch.\n`;
    const dir = await tempCatalog({
      'template/template.md': '# TPXXXX: Title\n\n## Abstract\n\nTODO\n\n## Motivation\n\nTODO\n\n## Design\n\nTODO\n',
      'done/TP0001.md': doc(1, 'Done items'),
      'done/TP0002.md': doc(2, 'Done items'),
      'done/done_list.md': '---\ntitle: Done items\npermalink: /done/\n---\n\n# Done items\n\n### The list of done items.\n',
      'open/TP0003.md': doc(3, 'Open items'),
      'open/TP0004.md': doc(4, 'Open items'),
      'open/open_list.md': '---\ntitle: Open items\nhas_children: true\n---\n\n# Open items\n\nThe open ones.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.exclude).toEqual(['done/done_list.md', 'open/open_list.md']);
    expect(config.sections).toBeUndefined();
    expect(run.stdout).toContain('4 files of the 7 Markdown files here');
  });

  it('a front matter key in which patterns list the template sections they lack (`ignoredRules: ["missing:licence"]`) is their waivers: said, set, and honoured by the first lint', async () => {
    const doc = (n: number, extra = '') =>
      `---\nsummary: Widget ${n}.\n${extra}---\n\n# PROP-${n}: Widget ${n}\n\n## Goal\n\nA widget.\n\n## Design\n\nA box.\n${extra ? '' : '\n## Licence\n\nCC0.\n'}`;
    const dir = await tempCatalog({
      'template.md': '---\nsummary: One line.\n---\n\n# PROP-N: Title\n\n## Goal\n\nWhat for.\n\n## Design\n\nHow.\n\n## Licence\n\nCC0.\n',
      'docs/1.md': doc(1, 'ignoredRules: ["missing:licence"]\n'),
      'docs/2.md': doc(2),
      'docs/3.md': doc(3),
      'docs/4.md': doc(4, 'tags: ["missing:widgets", "ui"]\n'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ waivers: { key: 'ignoredRules' } });
    expect(run.stdout).toMatch(/waivers +front matter `ignoredRules` in 1 pattern/);
    // (docs/4.md lists no section in its tags: its missing Licence is still an error.)
    expect(errorsOf(await lintFindings(dir)).map((e) => `${e.file} ${e.rule}`)).toEqual(['docs/4.md required-section']);
  });

  it('a template of front matter and a title only is judged by its keys; a row of the README’s table of documents that names one "Job Template" calls no template', async () => {
    const rfc = (n: number, t: string, sections: string) => `---\nNumber: "${n}"\nStatus: Active\nAuthor: Someone\n---\n\n# ${t}\n\n${sections}`;
    const dir = await tempCatalog({
      'README.md':
        '# Team RFCs\n\nTo propose something, copy `0000-template` as `rfcs/0000-my-idea`.\n\n| Number | Title |\n|---|---|\n| 1 | [Alpha](rfcs/0001-alpha/0001-alpha.md) |\n| 2 | [Job Template](rfcs/0002-job-template/0002-job-template.md) |\n',
      '0000-template/0000-template.md': '---\nNumber: "0000"\nStatus: Draft\nAuthor: Your Name\n---\n\n# Put The RFC Title Here\n',
      'rfcs/0001-alpha/0001-alpha.md': rfc(1, 'Alpha', '## Abstract\n\nA.\n\n## Motivation\n\nWhy.\n'),
      'rfcs/0002-job-template/0002-job-template.md': rfc(2, 'Job Template', '## Abstract\n\nJobs.\n\n## Job Request\n\nFields.\n\n## Motivation\n\nWhy.\n'),
      'rfcs/0003-beta/0003-beta.md': rfc(3, 'Beta', '## Abstract\n\nB.\n\n## Specification\n\nHow.\n'),
      'rfcs/0004-gamma/0004-gamma.md': rfc(4, 'Gamma', '## Abstract\n\nG.\n\n## Motivation\n\nWhy.\n'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: '0000-template/0000-template.md', patterns: ['rfcs/*/*.md'] });
    expect(run.stdout).toContain('4 files of the 6 Markdown files here');
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('a derived template names a section by its name before a subtitle the patterns add (`## The Guard — input checks`)', async () => {
    const page = (t: string, sub: string) =>
      `# ${t}\n\n${t} in short.\n\n## The Risk\n\nWhat goes wrong.\n\n## The Guard — ${sub}\n\nHow it is stopped.\n\n## Files\n\nWhere.\n`;
    const dir = await tempCatalog({
      'patterns/a/README.md': page('Prompt injection', 'input checks'),
      'patterns/b/README.md': page('Tool poisoning', 'signed manifests'),
      'patterns/c/README.md': page('Token theft', 'short lifetimes'),
      'patterns/d/README.md': '# Rug pull\n\nIn short.\n\n## The Risk\n\nWhat goes wrong.\n\n## The Guard\n\nPinning.\n\n## Files\n\nWhere.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).toMatch(/^## The Guard$/m);
    expect((await lintFindings(dir)).filter((f) => f.rule === 'unknown-section')).toEqual([]);
  });

  it('a derived template names a section without the number each pattern puts before it (`## 3. Motivation` where another has `## 2. Motivation`)', async () => {
    // Some proposals have an Abstract second, some not: the same sections stand at other numbers.
    const page = (t: string, abstract: boolean) =>
      [`# ${t}`, '## 1. Summary', `${t} in short.`, ...(abstract ? ['## 2. Abstract', 'The change, in a paragraph.'] : [])]
        .concat([`## ${abstract ? 3 : 2}. Motivation`, 'Why now.', `## ${abstract ? 4 : 3}. Specification`, 'Exactly what.'])
        .join('\n\n');
    const dir = await tempCatalog({
      'BEP-1.md': page('Faster blocks', true),
      'BEP-2.md': page('Smaller fees', false),
      'BEP-3.md': page('Light clients', true),
      'BEP-4.md': page('Token bridge', false),
      'BEP-5.md': page('Vote weights', true),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const template = await readFile(path.join(dir, 'templates/pattern.md'), 'utf8');
    expect(template.match(/^## .*$/gm)).toEqual(['## Summary', '## Abstract (optional)', '## Motivation', '## Specification']);
    expect(run.stdout).toContain('summary: the section `Summary` (5 of 5)');
    // Neither another name for the Abstract nor a second one: no finding.
    expect(await lintFindings(dir)).toEqual([]);
  });

  it('a file named as most documents are (`explainer.md`) is one whatever its sections, and a deeper folder of them (`Group/Topic/explainer.md`) joins', async () => {
    const fits = (t: string) => `# ${t}\n\n## Introduction\n\n${t} does a thing.\n\n## Goals\n\nDo it well.\n`;
    const files: Record<string, string> = {};
    for (const t of ['Tabs', 'Panels', 'Menus', 'Toasts', 'Sheets', 'Chips']) files[`${t}/explainer.md`] = fits(t);
    // (One written without those sections, beside a page of another kind: still the folder's explainer.)
    files['Sliders/explainer.md'] = '# Sliders\n\nA slider picks a value.\n\n## Use cases\n\nVolume.\n';
    files['Sliders/security-privacy.md'] = '# Questions\n\n1. Does it expose data? No.\n';
    for (const t of ['Captions', 'Contrast']) files[`Accessibility/${t}/explainer.md`] = fits(t);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const picked = (await loadCatalog(dir)).patterns.map((p) => p.path).sort();
    expect(picked).toContain('Sliders/explainer.md');
    expect(picked).toContain('Accessibility/Captions/explainer.md');
    expect(picked).toContain('Accessibility/Contrast/explainer.md');
  });

  it('front matter titles beside H1s of other words (`title: Kong` over `# About the Kong pattern`): the front matter names the pattern', async () => {
    const page = (name: string, h1: string) => `---\ntitle: ${name}\nsummary: ${name} in one line.\n---\n\n# ${h1}\n\nWhat it does.\n\n## Architecture\n\nThe parts.\n`;
    const dir = await tempCatalog({
      'kong/_index.md': page('Kong', 'About the Kong pattern'),
      'edge/_index.md': page('Industrial edge', 'About the industrial edge pattern'),
      'dr/_index.md': page('Regional DR', 'Regional disaster recovery'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('title: front matter `title` (3 of 3)');
    const catalog = await loadCatalog(dir);
    expect(catalog.patterns.map((p) => p.title?.text).sort()).toEqual(['Industrial edge', 'Kong', 'Regional DR']);
  });

  it("Hugo's section pages (`<group>/_index.md`) are the folders' pages: the layout, the template (`template/_index.md`) and slugs by folder", async () => {
    const page = (t: string) => `# ${t} Working Group\n\n${t} keeps things moving.\n\n## Goals\n\nWhat ${t} wants.\n\n## Members\n\nWho.\n`;
    const files: Record<string, string> = {
      '_index.md': '# Working groups\n\nThe list.\n',
      'template/_index.md': page('Example'),
      'template/FAQ.md': '# FAQ\n\nNone yet.\n',
    };
    for (const g of ['boats', 'kites', 'trains']) {
      files[`${g}/_index.md`] = page(g);
      files[`${g}/FAQ.md`] = `# Frequently asked\n\nAsk ${g}.\n`;
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: 'template/_index.md', patterns: ['*/_index.md'] });
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.map((p) => p.slug).sort()).toEqual(['boats', 'kites', 'trains']);
  });

  it('documents kept in several languages side by side (`design_en.md`, `design_ja.md`): the English one is the pattern, the others its translations, left out', async () => {
    const design = (t: string) => `# ${t}\n\n## Use case\n\nWhen ${t} helps.\n\n## Architecture\n\nHow it is built.\n`;
    const dir = await tempCatalog({
      'template_design.md': '# [Pattern name]\n\n## Use case\n\n[When]\n\n## Architecture\n\n[How]\n',
      'Group/Cache-pattern/design_en.md': design('Cache pattern'),
      'Group/Cache-pattern/design_ja.md': design('キャッシュ'),
      'Group/Queue-pattern/design_en.md': design('Queue pattern'),
      'Group/Queue-pattern/design_ko.md': design('큐'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).exclude).toEqual(['Group/Cache-pattern/design_ja.md', 'Group/Queue-pattern/design_ko.md']);
    expect(run.stdout).toContain('Group/Cache-pattern/design_ja.md (a translation of the English pattern beside it');
  });

  it('patterns about templates (`template-method-pipeline.md`, `string-templates.md`), written from the template with no blank in them, are patterns', async () => {
    const pattern = (t: string) => `# ${t}\n\n## Problem\n\n${t} solves a problem.\n\n## Solution\n\nIt works so.\n\n## Trade-offs\n\nIt costs.\n`;
    const dir = await tempCatalog({
      'patterns/TEMPLATE.md': '# [Pattern Name]\n\n## Problem\n\n[What goes wrong]\n\n## Solution\n\n[How it is solved]\n\n## Trade-offs\n\n[What it costs]\n',
      'patterns/build/string-templates.md': pattern('String Templates'),
      'patterns/build/template-method-pipeline.md': pattern('Template Method Pipeline'),
      'patterns/build/layered-config.md': pattern('Layered Config'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('3 files of the 4 Markdown files here');
    expect((await configOf(dir)).exclude).toBeUndefined();
  });

  it('a template named with a letter where the series’ number goes (`prop-X.md`), with blanks in it, is the template', async () => {
    const prop = (n: number, t: string) =>
      `# PROP ${n}\n\n\`\`\`\nPROP: ${n}\nTitle: ${t}\n\`\`\`\n\n## Short Summary\n\n${t} in short.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nHow.\n`;
    const dir = await tempCatalog({
      'prop-X.md':
        '# PROP X\n\n```\nPROP: <number given by editors>\nTitle: <proposal title>\n```\n\n## Short Summary\n\nOne sentence.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat changes.\n',
      'PROPS/prop-1.md': prop(1, 'Process'),
      'PROPS/prop-2.md': prop(2, 'Widgets'),
      'PROPS/prop-3.md': prop(3, 'Gadgets'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: 'prop-X.md', patterns: ['PROPS/*.md'] });
  });

  it('where each pattern is a file named as its folder, the other documents there are its parts or translations: left out, each said', async () => {
    const rfc = (t: string) => `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n`;
    const files: Record<string, string> = { '0000-template/0000-template.md': rfc('Title') };
    for (const n of [1, 2, 3, 4, 5, 6]) files[`rfcs/000${n}-item${n}/000${n}-item${n}.md`] = rfc(`Item ${n}`);
    files['rfcs/0002-item2/option-1-grow.md'] = '### Option 1: grow the record\n\nAdd a field at the end.\n';
    files['rfcs/0003-item3/0003-item3.zh.md'] = rfc('条目 3');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir, '--template', path.join(dir, '0000-template/0000-template.md')], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).exclude).toEqual(['rfcs/0002-item2/option-1-grow.md', 'rfcs/0003-item3/0003-item3.zh.md']);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it("a document alone in a folder among the patterns' own, under another name than their README, is named as not taken", async () => {
    const design = (t: string) => `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Motivation\n\nWhy.\n\n## Detailed Design\n\nHow.\n`;
    const dir = await tempCatalog({
      'templates/design.md': design('Title'),
      'designs/2021-cache/README.md': design('Cache'),
      'designs/2021-queue/README.md': design('Queue'),
      'designs/2022-dark-theme/design.md': design('Dark theme'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/not taken +designs\/2022-dark-theme\/design\.md \(in a folder of the patterns' own, without its README/);
  });

  it('documents one per folder a level deeper that the globs leave out are said by the folder they share (`notes/*/`), and README copies of the index pages taken are said as copies', async () => {
    const record = (t: string) => `# ${t}\n\n## Context\n\n${t} matters.\n\n## Options\n\nTwo.\n\n## Decision\n\nThe first.\n\n## Consequences\n\nFewer steps.\n`;
    const note = (t: string) => `# ${t}\n\n## Background\n\nA while ago.\n\n## Thoughts\n\nSome.\n`;
    const files: Record<string, string> = { 'templates/record.md': record('[Title]') };
    for (const t of ['Queues', 'Caches', 'Logs', 'Tokens']) files[`doc/${t.toLowerCase()}/index.md`] = files[`doc/${t.toLowerCase()}/README.md`] = record(t);
    for (const t of ['Lint', 'Spell', 'Menus']) files[`doc/notes/${t.toLowerCase()}/index.md`] = files[`doc/notes/${t.toLowerCase()}/README.md`] = note(t);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/patterns +doc\/\*\/index\.md: 4 files/);
    expect(run.stdout).toMatch(/not taken +4 files \(doc\/\w+\/README\.md…: each the same text as the pattern taken beside it, a copy\)/);
    expect(run.stdout).toMatch(/not taken +6 files in doc\/notes\/\*\/ \(doc\/notes\/\w+\/(?:README|index)\.md…: not written from the template/);
  });

  it('a document with the template’s sections that no glob reaches (a folder of its own without a README, deeper; one named as its folder beside notes) is said by name; a part of a pattern’s own folder is not', async () => {
    const design = (t: string) =>
      `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nHow.\n\n## Drawbacks\n\nWhy not.\n\n## Alternatives\n\nOther ways.\n`;
    const dir = await tempCatalog({
      'guide/proposal_template.md': design('Title'),
      'proposals/audit-log/README.md': design('Audit log'),
      'proposals/bulk-import/README.md': design('Bulk import'),
      'proposals/dark-mode/README.md': design('Dark mode'),
      'proposals/dark-mode/rollout.md': design('Dark mode rollout'),
      'proposals/tag-rules/README.md': design('Tag rules'),
      'proposals/legacy/guest-users/guest-users-design.md': design('Guest users'),
      'proposals/split-providers/split-providers.md': design('Split providers'),
      'proposals/split-providers/walkthrough.md': '# Walk-through\n\nHow the code is laid out.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /not taken +proposals\/legacy\/guest-users\/guest-users-design\.md, proposals\/split-providers\/split-providers\.md \(they have the template's sections, where no glob reaches/,
    );
    expect(run.stdout).not.toContain('rollout.md');
  });

  it('a page that gives the template in a block with no language under its `## Template` heading is the catalog’s template', async () => {
    const runbook = (t: string, impact = true) =>
      `# ${t}\n\n## Meaning\n\n${t} fired.\n\n${impact ? '## Impact\n\nUsers wait.\n\n' : ''}## Diagnosis\n\nLook at the graphs.\n\n## Mitigation\n\nRestart it.\n`;
    const dir = await tempCatalog({
      'README.md': '# Runbooks\n\nSee [how to add one](docs/add-runbook.md).\n',
      'docs/add-runbook.md':
        '# Adding a runbook\n\n## How?\n\nName it after the alert.\n\n### Where\n\nIn its component’s folder.\n\n## Template\n\nBased on a disk alert:\n\n```\n# DiskAlmostFull\n\n## Meaning\n\nWhat the alert says.\n\n## Impact\n\nWhat breaks.\n\n## Diagnosis\n\nHow to confirm it.\n\n## Mitigation\n\n<Insert the site’s own measures.>\n```\n\n## Guidelines\n\nKeep it short.\n',
      'runbooks/disk/DiskSlow.md': runbook('DiskSlow'),
      'runbooks/disk/InodesLow.md': runbook('InodesLow'),
      'runbooks/net/LinkFlapping.md': runbook('LinkFlapping'),
      'runbooks/net/PacketLoss.md': runbook('PacketLoss', false),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/template +\S*docs\/add-runbook\.md \(the template a page about it keeps/);
    expect(errorsOf(await lintFindings(dir))).toEqual([expect.objectContaining({ file: 'runbooks/net/PacketLoss.md', rule: 'required-section' })]);
  });

  it('empty files (pages still to write) are left out and shape nothing; patterns without titles that share no section get a template that asks for none', async () => {
    const blanks = await tempCatalog({
      '0000-template.md': '# RFC: Title\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n',
      '0001-teleporter.md': '# Teleporter\n\n## Goals\n\nMove things.\n\n## Limits\n\nSmall things.\n',
      'net_notes.md': '',
      'web_notes.md': '\n  \n',
    });
    const run = await runCli(['init', '--adopt', blanks], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(blanks)).exclude).toEqual(expect.arrayContaining(['net_notes.md', 'web_notes.md']));
    expect(run.stdout).toMatch(/exclude +net_notes\.md \(an empty file/);

    const untitled = await tempCatalog({ 'docs/a.md': '## Alpha\n\nA.\n', 'docs/b.md': '## Beta\n\nB.\n', 'docs/c.md': '## Gamma\n\nC.\n' });
    const second = await runCli(['init', '--adopt', untitled], REPO);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('sections: none');
    expect(errorsOf(await lintFindings(untitled))).toEqual([]);
  });

  it('a folder left out where one page of two shares a section with a second template beside the first stays out (it is no collection of that template)', async () => {
    const proposal = (n: number, title: string) =>
      `# P-${n}: ${title}\n\n## Summary\n\n${title} in a line.\n\n## Motivation\n\nWhy it matters.\n\n## Detailed design\n\nHow it works.\n\n## Design rationale\n\nWhy this way.\n`;
    const dir = await tempCatalog({
      'proposal-template.md': '# P-N: Title\n\n## Summary\n\nTODO\n\n## Motivation\n\nTODO\n\n## Detailed design\n\nTODO\n\n## Design rationale\n\nTODO\n',
      'template.md': '# Spec title\n\nTODO: one paragraph.\n\n## Introduction\n\nTODO: why.\n\n## Specification\n\nTODO: details.\n\n## Copyright\n\nCC0.\n',
      ...Object.fromEntries(
        ['Cache keys', 'Quiet hours', 'Gateway paths', 'Batch reads', 'Name records'].map((t, i) => [`docs/proposals/p-${i + 1}.md`, proposal(i + 1, t)]),
      ),
      'docs/meta/how-we-review.md':
        '# How proposals work\n\n## Introduction\n\nThis page says how to write one.\n\n## Lifecycle\n\nDraft, then merged.\n\n## Copyright\n\nCC0.\n',
      'docs/meta/being-kind.md': '# Code of conduct\n\n## Be kind\n\nAlways.\n\n## Reporting\n\nWrite to the team.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: 'proposal-template.md', patterns: ['docs/proposals/*.md'] });
    expect(run.stdout).toMatch(/left out +docs\/meta\//);
  });

  it("a template kept in the host's folder (`.github/CIP-TEMPLATE.md`) is found; the host's pull request form is not a candidate", async () => {
    const proposal = (title: string) => `# ${title}\n\n## Abstract\n\n${title} in a line.\n\n## Motivation\n\nWhy it matters.\n\n## Specification\n\nHow it works.\n`;
    const dir = await tempCatalog({
      '.github/CIP-TEMPLATE.md': '# Title\n\n## Abstract\n\nA line.\n\n## Motivation\n\nWhy?\n\n## Specification\n\nHow?\n\n## Rationale\n\nWhy so?\n',
      '.github/PULL_REQUEST_TEMPLATE.md': '## What changed\n\n## Checklist\n\n- [ ] Tests\n',
      'CIP-0001/README.md': proposal('Process'),
      'CIP-0002/README.md': proposal('Coin selection'),
      'CIP-0003/README.md': proposal('Wallet keys'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: '.github/CIP-TEMPLATE.md', patterns: ['*/README.md'] });
  });

  it('a template numbered as a document of its own (`DP-007-template.md`) is the template; a numbered proposal about a template stays a proposal', async () => {
    const proposal = (n: number, title: string) =>
      `# DP-${n}: ${title}\n\n## Summary\n\n${title} in one line.\n\n## Motivation\n\nWhy it matters.\n\n## Proposal\n\nHow it works.\n`;
    const dir = await tempCatalog({
      'design/DP-007-template.md': '# DP-NNN: Title\n\n## Summary\n\nOne line.\n\n## Motivation\n\nWhy?\n\n## Proposal\n\nHow?\n',
      'proposals/DP-21-widget-cache.md': proposal(21, 'Widget cache'),
      'proposals/DP-22-quiet-hours.md': proposal(22, 'Quiet hours'),
      'proposals/DP-23-form-template.md': proposal(23, 'Form template'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: 'design/DP-007-template.md', patterns: ['proposals/*.md'] });
    expect(run.stdout).toContain('3 files of the 4 Markdown files here');
  });

  it('a file written to the template as a whole is a pattern in a folder left out too; each folder left out is said', async () => {
    const pattern = (name: string) =>
      `# ${name} Pattern\n\nThe ${name.toLowerCase()} pattern in one line.\n\n## Implementation\n\nA type and a function.\n\n## Usage\n\nCall it once.\n`;
    const levelUp = (name: string) => `# ${name} Pattern\n\nThe ${name.toLowerCase()} pattern in one line.\n\n# Implementation and Example\n\nA worked example.\n`;
    const dir = await tempCatalog({
      'CONTRIBUTING.md':
        'One file per pattern, in the folder of its family. Start from this template:\n\n```markdown\n# <Pattern-Name>\n<Pattern description>\n\n## Implementation\n\n## Usage\n```\n',
      'making/builder.md': pattern('Builder'),
      'making/pool.md': pattern('Pool'),
      'shaping/adapter.md': pattern('Adapter'),
      'shaping/wrapper.md': pattern('Wrapper'),
      'flow/stream.md': pattern('Stream'),
      'flow/limit.md': levelUp('Limit'),
      'flow/spread.md': levelUp('Spread'),
      // Another kind of document: left out, and said.
      'governance/vote-1.md': '# Vote 1\n\nHow votes work.\n\n## Quorum\n\nHalf.\n',
      'governance/vote-2.md': '# Vote 2\n\nHow votes close.\n\n## Quorum\n\nTwo thirds.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ patterns: ['making/*.md', 'shaping/*.md', 'flow/stream.md'] });
    expect(run.stdout).toContain('5 files of the 10 Markdown files here');
    expect(run.stdout).toMatch(/left out {3}flow\/ \(2 files, 0 with the template's sections/);
    expect(run.stdout).toMatch(/left out {3}governance\/ \(2 files, 0 with the template's sections/);
    expect((await commentsOf(dir)).join(' ')).toContain(
      "Left out: flow/ (2 files, 0 with the template's sections), governance/ (2 files, 0 with the template's sections)",
    );
  });

  it('a file the catalog’s README lists among its patterns is a pattern, however it is written: its folder is not left out', async () => {
    const pattern = (name: string) =>
      `# ${name} Pattern\n\nThe ${name.toLowerCase()} pattern in one line.\n\n## Implementation\n\nA type and a function.\n\n## Usage\n\nCall it once.\n`;
    const levelUp = (name: string) => `# ${name} Pattern\n\nThe ${name.toLowerCase()} pattern in one line.\n\n# Implementation and Example\n\nA worked example.\n`;
    const files = {
      'README.md':
        '# Go-style patterns\n\n| Family | Pattern |\n|---|---|\n| Making | [Builder](making/builder.md), [Pool](/making/pool.md) |\n| Shaping | [Adapter](./shaping/adapter.md), [Wrapper](shaping/wrapper.md) |\n| Flow | [Stream](flow/stream.md), [Limit](flow/limit.md), [Spread](flow/spread.md#spread) |\n\nSee [how to contribute](CONTRIBUTING.md).\n',
      'CONTRIBUTING.md':
        'One file per pattern, in the folder of its family. Start from this template:\n\n```markdown\n# <Pattern-Name>\n<Pattern description>\n\n## Implementation\n\n## Usage\n```\n',
      'making/builder.md': pattern('Builder'),
      'making/pool.md': pattern('Pool'),
      'shaping/adapter.md': pattern('Adapter'),
      'shaping/wrapper.md': pattern('Wrapper'),
      'flow/stream.md': pattern('Stream'),
      'flow/limit.md': levelUp('Limit'),
      'flow/spread.md': levelUp('Spread'),
      // Not listed, another kind of document: left out still.
      'governance/vote-1.md': '# Vote 1\n\nHow votes work.\n\n## Quorum\n\nHalf.\n',
      'governance/vote-2.md': '# Vote 2\n\nHow votes close.\n\n## Quorum\n\nTwo thirds.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual([
      'flow/limit.md',
      'flow/spread.md',
      'flow/stream.md',
      'making/builder.md',
      'making/pool.md',
      'shaping/adapter.md',
      'shaping/wrapper.md',
    ]);
    expect(run.stdout).toMatch(/left out {3}governance\/ \(2 files, 0 with the template's sections/);
  });

  it('a folder of the same collection in another state (`proposals-rejected/` beside `proposals-accepted/`, `proposals-done/`) is kept, though its older documents fit the template less', async () => {
    const fresh = (n: string) =>
      `# ${n}\n\n## Why\n\nWhy ${n}.\n\n## Goals\n\nWhat ${n} gets.\n\n## How\n\nHow ${n} works.\n\n## Alternatives\n\nOther ways.\n\n## Action Plan\n\nSteps.\n`;
    const older = (n: string) => `# ${n}\n\n## Summary\n\nIn short.\n\n## Motivation\n\nWhy ${n}.\n\n## Goals\n\nWhat ${n} gets.\n\n## Proposal\n\nHow ${n} works.\n`;
    const files: Record<string, string> = {
      'contributing/proposal-process.md':
        '# Proposals\n\nCopy this template:\n\n```markdown\n# Title\n\n## Why\n\nWhy.\n\n## Goals\n\nWhat.\n\n## How\n\nHow.\n\n## Alternatives\n\nOthers.\n\n## Action Plan\n\nSteps.\n```\n',
      'proposals-accepted/202301-cache.md': fresh('Cache'),
      'proposals-accepted/202302-shards.md': fresh('Shards'),
      'proposals-done/202201-query-log.md': fresh('Query log'),
      'proposals-done/202202-limits.md': fresh('Limits'),
      'proposals-rejected/201807-config.md': older('Config'),
      'proposals-rejected/201808-replicas.md': older('Replicas'),
      'blog/2020-hello.md': '# Hello\n\nA post.\n\n## Why we write\n\nTo tell.\n',
      'blog/2021-again.md': '# Again\n\nA post.\n\n## News\n\nMore.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual([
      'proposals-accepted/202301-cache.md',
      'proposals-accepted/202302-shards.md',
      'proposals-done/202201-query-log.md',
      'proposals-done/202202-limits.md',
      'proposals-rejected/201807-config.md',
      'proposals-rejected/201808-replicas.md',
    ]);
  });

  it('one README per folder that share sections are the patterns, though the folders hold more side pages than there are folders', async () => {
    const readme = (name: string) =>
      `# ${name} Check\n\nThe ${name.toLowerCase()} check verifies one thing about a running service.\n\n## Why ${name} Check\n\nFailures of this kind hide.\n\n## ${name} Check Tools\n\nPick one that fits.\n\n## Resources\n\n- [Notes](https://example.org/${name.toLowerCase()})\n`;
    const side = (title: string, heading: string) => `# ${title}\n\nA page beside the check.\n\n## ${heading}\n\nText.\n`;
    const dir = await tempCatalog({
      'README.md': '# Checks\n\nOne folder per check.\n',
      'alpha-check/README.md': readme('Alpha'),
      'alpha-check/faq.md': side('Alpha questions', 'Is it slow'),
      'alpha-check/worked-example.md': side('Alpha by example', 'Setup'),
      'alpha-check/extra.md': side('More on alpha', 'History'),
      'beta-check/README.md': readme('Beta'),
      'beta-check/comparison.md': side('Beta compared', 'Against alpha'),
      'beta-check/notes.md': side('Beta notes', 'Caveats'),
      'gamma-check/README.md': readme('Gamma'),
      'gamma-check/recipe.md': side('A gamma recipe', 'Ingredients'),
      'gamma-check/extra.md': side('More on gamma', 'Origins'),
      'delta-check/README.md': readme('Delta'),
      'delta-check/extra.md': side('More on delta', 'Limits'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ patterns: ['*/README.md'] });
    expect(run.stdout).toContain('4 files of the 13 Markdown files here');
  });

  it('the file the catalog’s own index calls its template is the template, over a number left to fill in; the index is none', async () => {
    const header = (n: number, status: string) => `    Author: Someone\n    Status: ${status}\n    Created: 2020-01-0${n}\n****\n`;
    const kip = (n: number, title: string) =>
      `${header(n, 'Final')}KIP ${n}: ${title}\n----\n\nAbstract\n========\n\n${title} in one paragraph.\n\nRationale\n=========\n\nWhy ${title.toLowerCase()}.\n\nCopyright\n=========\n\nIn the public domain.\n`;
    const dir = await tempCatalog({
      'kip-0000.md': `${header(1, 'Active')}KIP 0: Index of kite proposals\n----\n\nIntroduction\n============\n\nThe format is told in [KIP 1][],\nand [KIP 9][] is a template.\n\nIndex\n=====\n\n- [KIP 5: Template stitching for kites](kip-0005.md)\n\n[KIP 1]: kip-0001.md\n[KIP 9]: kip-0009.md\n`,
      // (A proposal whose title has the word, linked by it, is no template.)
      'kip-0005.md': kip(5, 'Template stitching'),
      'kip-0001.md': kip(1, 'Kite sizes'),
      'kip-0002.md': kip(2, 'Kite lines'),
      'kip-0003.md': kip(3, 'Kite tails'),
      'kip-0004.md': kip(4, 'Kite colours'),
      'kip-0009.md': `${header(9, 'Active')}KIP 9: Sample kite proposal\n----\n\nAbstract\n========\n\n[One paragraph that says what changes.]\n\nRationale\n=========\n\n[Why this design.]\n\nCopyright\n=========\n\nIn the public domain.\n`,
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: 'kip-0009.md' });
    expect(run.stdout).toContain('kip-0000.md calls it the template');
    // Each proposal's name is the underlined line under its header, above its sections: its title.
    const found = await lintFindings(dir);
    expect(found.filter((f) => f.file !== 'kip-0000.md' && (f.rule === 'title' || f.rule === 'unknown-section' || f.severity === 'error'))).toEqual([]);
  });

  it('takes the site’s name from mkdocs.yml and its repository from the git remote on a code host, with its default branch: edit links work from the first build', async () => {
    const lamp = (name: string) => `# ${name} lamp\n\nThe lamp lights one room.\n\n## Parts\n\nA bulb.\n\n## Wiring\n\nTwo wires.\n`;
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/feature-x\n',
      '.git/refs/remotes/origin/HEAD': 'ref: refs/remotes/origin/trunk\n',
      '.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:lamp-team/lamps.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
      'mkdocs.yml': 'site_name: The Lamp Book\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
      'docs/lamps/oil/README.md': lamp('Oil'),
      'docs/lamps/gas/README.md': lamp('Gas'),
      'docs/lamps/candle/README.md': lamp('Candle'),
    });
    const dir = path.join(repo, 'docs/lamps');
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ site: { title: 'The Lamp Book', repoUrl: 'https://github.com/lamp-team/lamps', branch: 'trunk' } });
    expect(run.stdout).toContain('repository https://github.com/lamp-team/lamps, branch trunk');
    const built = await runCli(['build', dir], REPO);
    expect(built.code, built.stderr).toBe(0);
    expect(await readFile(path.join(dir, '_site/patterns/oil/index.html'), 'utf8')).toContain(
      'href="https://github.com/lamp-team/lamps/edit/trunk/docs/lamps/oil/README.md"',
    );
  });

  it('names the site by the heading of the catalog’s README where no site generator names it (its badges and marks left out); never by a heading that is the file’s own name', async () => {
    const lamp = (name: string) => `# ${name} lamp\n\nThe lamp lights one room.\n\n## Parts\n\nA bulb.\n\n## Wiring\n\nTwo wires.\n`;
    const lamps = { 'oil.md': lamp('Oil'), 'gas.md': lamp('Gas'), 'candle.md': lamp('Candle') };
    const named = await tempCatalog({
      ...lamps,
      'README.md': '# **Lamp** Proposals [![CI](https://ci.example.org/b.svg)](https://ci.example.org)\n\nOne file per lamp.\n',
    });
    const run = await runCli(['init', '--adopt', named], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(named)).toMatchObject({ site: { title: 'Lamp Proposals' } });
    expect(run.stdout).toContain('site       title "Lamp Proposals" (from the heading of README.md)');
    const built = await runCli(['build', named], REPO);
    expect(built.code, built.stderr).toBe(0);
    expect(await readFile(path.join(named, '_site/index.html'), 'utf8')).toContain('<title>Lamp Proposals</title>');
    // (Or of its index page, where it has no README: `index.md`, which is no pattern then.)
    const indexed = await tempCatalog({ ...lamps, 'index.md': '# Lamp Records\n\nOne file per lamp; the list is below.\n\n- [Oil](oil.md)\n' });
    const byIndex = await runCli(['init', '--adopt', indexed], REPO);
    expect(byIndex.code, byIndex.stderr).toBe(0);
    expect(await configOf(indexed)).toMatchObject({ site: { title: 'Lamp Records' } });
    // (Or, in a folder of its repository with no README of its own, of the nearest one above it.)
    const repo = await tempCatalog({
      ...Object.fromEntries(Object.entries(lamps).map(([f, t]) => [`docs/lamps/${f}`, t])),
      'README.md': '# Lamp Works\n\nThe lamp team.\n',
    });
    spawnSync('git', ['init', '-q'], { cwd: repo });
    const inFolder = await runCli(['init', '--adopt', path.join(repo, 'docs/lamps')], REPO);
    expect(inFolder.code, inFolder.stderr).toBe(0);
    expect(await configOf(path.join(repo, 'docs/lamps'))).toMatchObject({ site: { title: 'Lamp Works' } });
    expect(inFolder.stdout).toContain('site       title "Lamp Works" (from the heading of ../../README.md)');
    for (const heading of ['# README', '# This folder holds one proposal for each lamp we sell.']) {
      const plain = await tempCatalog({ ...lamps, 'README.md': `${heading}\n\nOne file per lamp.\n` });
      expect((await runCli(['init', '--adopt', plain], REPO)).code).toBe(0);
      expect((await configOf(plain)).site).toBeUndefined();
    }
    // (A heading in HTML at the top, badges after a line break in it; a `##` that opens a README with no
    // H1; a colon closing it: the name.)
    for (const [readme, title] of [
      [
        '<p align="center">\n  <img src="/lamp.png" height="200">\n  <h1 align="center">\n    Lamp Patterns\n    <br>\n    <a href="https://ci.example.org"><img alt="build" src="https://ci.example.org/b.svg" /></a>\n  </h1>\n</p>\n\nOne file per lamp.\n',
        'Lamp Patterns',
      ],
      ['## Lamp Improvement Protocol\n\nHow lamps change.\n\n## Process\n\nSteps.\n', 'Lamp Improvement Protocol'],
      ['# Accepted Lamps:\n\nThe lamps we build.\n', 'Accepted Lamps'],
      // (A badge by reference, `[![chat][chat-img]][chat-url]`, defined below.)
      [
        '# Lamp RFCs [![chat][chat-img]][chat-url]\n\nOne file per lamp.\n\n[chat-img]: https://ci.example.org/chat.svg\n[chat-url]: https://chat.example.org\n',
        'Lamp RFCs',
      ],
    ]) {
      const other = await tempCatalog({ ...lamps, 'README.md': readme! });
      expect((await runCli(['init', '--adopt', other], REPO)).code).toBe(0);
      expect(await configOf(other), readme).toMatchObject({ site: { title } });
    }
  });

  it('documents titled by an H2 (underlined with dashes) over `###` sections: the derived template keeps that layout — its sections the `###` ones, the title an H2 — and lint reads the titles', async () => {
    const card = (name: string, extra = '') =>
      `Practice: *${name}*\n------------------\n\n### Motivation\n\nWhy ${name}.\n\n### Usage\n\nWhen to use ${name}.\n\n### Tools\n\nWhat helps.${extra}\n`;
    const dir = await tempCatalog({
      'story-splitting.md': card('Story Splitting'),
      'event-storming.md': card('Event Storming'),
      'crc-cards.md': card('CRC Cards'),
      'quality-scenarios.md': card('Quality Scenarios', '\n\n### Origins\n\nA book.'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('title: the first heading, an H2 over `###` sections (4 of 4)');
    const template = await readFile(path.join(dir, 'templates/pattern.md'), 'utf8');
    expect(template).toMatch(/^## \[Pattern Title\]\n/);
    expect(template).toContain('### Motivation');
    expect(template).toContain('### Tools');
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
    const titles = await runCli(['export', dir, '-f', 'json'], REPO);
    expect((JSON.parse(titles.stdout) as { patterns: { title: string }[] }).patterns.map((p) => p.title).sort()).toEqual([
      'Practice: CRC Cards',
      'Practice: Event Storming',
      'Practice: Quality Scenarios',
      'Practice: Story Splitting',
    ]);
  });

  it('a derived template lets the patterns keep sections of their own beside the ones most of them share: no unknown-section warning for each', async () => {
    const stack = (name: string, own: string) =>
      `# ${name}\n\nThe ${name} stack in short.\n\n## ${own}\n\nWhat is in it.\n\n## Available Versions\n\nTypeScript and Python.\n`;
    const dir = await tempCatalog({
      'big-fan/README.md': stack('Big Fan', 'What Is Included'),
      'bucket-site/README.md': stack('Bucket Site', 'Architecture'),
      'scheduled-job/README.md': stack('Scheduled Job', 'How It Works'),
      'queue-worker/README.md': stack('Queue Worker', 'Useful Commands'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).toContain('## Available Versions');
    const findings = await lintFindings(dir);
    expect(findings.filter((f) => f.rule === 'unknown-section')).toEqual([]);
  });

  it('patterns that open with text of their own under the title get a derived template with a paragraph there: that text is no missing first section', async () => {
    const herb = (name: string, traits = true) =>
      `# ${name}\n\n${name} is a herb for the kitchen garden, grown from cuttings.\n\n${traits ? '## Traits\n\nHardy.\n\n' : ''}## Care\n\nWater weekly.\n`;
    const dir = await tempCatalog({
      'basil.md': herb('Basil'),
      'mint.md': herb('Mint'),
      'sage.md': herb('Sage'),
      'thyme.md': herb('Thyme'),
      'rosemary.md': herb('Rosemary', false),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).toMatch(
      /^# \[Pattern Title\]\n\n\[A paragraph that introduces the pattern\.\]\n\n<!-- The patterns of this catalog write sections of their own beside these: add sections as needed\. -->\n\n## Traits\n/,
    );
    const fixed = await runCli(['lint', dir, '--fix'], REPO);
    expect(fixed.code).toBeLessThan(2);
    // (The missing Traits goes before Care, after the opening text: never a heading over that text.)
    expect(await readFile(path.join(dir, 'rosemary.md'), 'utf8')).toMatch(/^# Rosemary\n\nRosemary is a herb/);
  });

  it('one document per folder: each folder is a pattern’s own, none left out for fitting the template badly (an older generation stays on the site)', async () => {
    const newer = (n: number) => `# Proposal ${n}\n\n## Summary\n\nOne line.\n\n## Motivation\n\nWhy ${n}.\n\n## Design\n\nHow ${n}.\n`;
    const older = (n: number) => `# Proposal ${n}\n\n## Problem\n\nWhat hurts.\n\n## Proposed Enhancement\n\nWhat ${n} does.\n`;
    const dir = await tempCatalog({
      'TEMPLATE.md': '# [Title]\n\n## Summary\n\n[One line.]\n\n## Motivation\n\n[Why.]\n\n## Design\n\n[How.]\n',
      '10-first/first.md': older(10),
      '11-second/second.md': older(11),
      '12-third/third.md': newer(12),
      '13-fourth/fourth.md': newer(13),
      '14-fifth/fifth.md': newer(14),
      '15-sixth/sixth.md': newer(15),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ patterns: ['*/*.md'] });
    expect(run.stdout).toContain('6 files of the 7 Markdown files here');
    expect((await configOf(dir)).exclude).toBeUndefined();
  });

  it('a folder left out for two reasons is one entry of `exclude`, with both', async () => {
    const older = (n: number) => `# Proposal ${n}\n\n## Problem\n\nWhat hurts.\n\n## Proposed Enhancement\n\nWhat.\n`;
    const newer = (n: number) => `# Proposal ${n}\n\n## Summary\n\nOne.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n`;
    const dir = await tempCatalog({
      '10-a/a.md': older(10),
      '11-b/b.md': older(11),
      '12-c/c.md': older(12),
      '13-d/d.md': older(13),
      '14-e/e.md': newer(14),
      '15-f/f.md': newer(15),
      'kite-proposal-guidelines/KIP-TEMPLATE.md': '# [Title]\n\n## Summary\n\n[One line.]\n\n## Motivation\n\n[Why.]\n\n## Design\n\n[How.]\n',
      'kite-proposal-guidelines/kite-proposal-guidelines.md': '# How to propose a kite change\n\nOpen a pull request with a new folder.\n\n## Steps\n\nFork.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).exclude).toEqual(['kite-proposal-guidelines/**']);
    expect((await commentsOf(dir)).filter((c) => c.includes('kite-proposal-guidelines/'))).toHaveLength(2);
  });

  it('a folder page spelled `Readme.md` beside the `README.md` ones is a pattern too, one alone as well: one glob per spelling', async () => {
    const readme = (name: string) => `# ${name} lamp\n\nThe ${name.toLowerCase()} lamp lights one room.\n\n## Parts\n\nA bulb and a switch.\n\n## Wiring\n\nTwo wires.\n`;
    const dir = await tempCatalog({
      'oil/README.md': readme('Oil'),
      'gas/README.md': readme('Gas'),
      'candle/README.md': readme('Candle'),
      'storm/README.md': readme('Storm'),
      'tilley/Readme.md': readme('Tilley'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ patterns: ['*/README.md', '*/Readme.md'] });
    expect(run.stdout).toContain('5 files of the 5 Markdown files here');
  });

  it("one pattern's own heading where a template section goes is no alias for the catalog", async () => {
    const rfc = (title: string, subs: string) =>
      `# ${title}\n\n## Summary\n\n${title} in one line.\n\n## Detailed design\n\n${subs}\n\n## Drawbacks\n\nOne more thing to learn.\n`;
    const dir = await tempCatalog({
      'template.md':
        '# (Proposal title)\n\n## Summary\n\n> One paragraph.\n\n## Detailed design\n\n### Technical Background\n\n> What to know first?\n\n### Implementation\n\n> The design in detail.\n\n## Drawbacks\n\n> Why not?\n',
      'docs/0001-lazy-slots.md': rfc(
        'Lazy slots',
        '### Deferred rendering\n\nWrapped in a function.\n\n### Parent component context\n\nA flag says when.\n\n### Scoped names\n\nLocal.',
      ),
      'docs/0002-typed-events.md': rfc('Typed events', '### Declaring events\n\nA type lists them.\n\n### Checking handlers\n\nAgainst the list.'),
      'docs/0003-const-tag.md': rfc('Const tag', '### Syntax\n\nOne assignment.\n\n### Scoping\n\nTo the block.'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.stringify(await configOf(dir))).not.toContain('aliases');
    expect(run.stdout).not.toContain('accepted as another spelling');
  });

  it('a heading many patterns write beside the section, under its own name too, is a section of theirs: never an alias of it where it stands alone', async () => {
    const newer = (title: string) =>
      `# ${title}\n\n## Motivation\n\nUsers wait for ${title}.\n\n## Proposal\n\nDo ${title} in the agent.\n\n## Rationale\n\nCheaper than the other ways.\n`;
    const older = (title: string) =>
      `# ${title}\n\n## Pain\n\nUsers wait for ${title}.\n\n## Proposal\n\nDo ${title} in the agent.\n\n## Rationale\n\nWhy it is worth it.\n`;
    const files: Record<string, string> = {
      'template.md': '# <title>\n\n## Motivation\n\nWhy this change?\n\n## Proposal\n\nWhat changes?\n',
    };
    for (const t of ['batching', 'retries', 'sampling', 'tracing']) files[`rfcs/new-${t}.md`] = newer(t);
    for (const t of ['buffers', 'codecs', 'sinks', 'sources']) files[`rfcs/old-${t}.md`] = older(t);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('template.md (named like a template');
    expect(JSON.stringify(await configOf(dir))).not.toContain('Rationale');
    expect(run.stdout).not.toContain('accepted as another spelling');
  });

  it('a template the catalog’s README links as the one to use is kept where a third of the patterns follow it; the others’ sections are not derived instead', async () => {
    const follows = (t: string) => `# ${t}\n\n## Background\n\nWhy ${t}.\n\n## Proposal\n\nDo ${t}.\n\n## Risks\n\nFew.\n`;
    const own = (t: string) => `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Details\n\nHow ${t} works.\n`;
    const files: Record<string, string> = {
      'README.md': '# Designs\n\nWe recommend the [template](./TEMPLATE.md) for new designs.\n',
      'TEMPLATE.md': '# <Title>\n\n## Background\n\nWhat led here?\n\n## Proposal\n\nWhat changes?\n\n## Risks\n\nWhat could go wrong?\n',
    };
    for (const t of ['cache', 'queue', 'ledger']) files[`core/${t}.md`] = follows(t);
    for (const t of ['quota', 'fanout', 'sweeper', 'labels', 'plugins']) files[`core/${t}.md`] = own(t);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: 'TEMPLATE.md' });
    expect(run.stdout).not.toContain('derived from the patterns');
  });

  it('templates kept one per folder in `templates/` are all templates, never records, whatever text they hold', async () => {
    const record = (title: string) =>
      `# ${title}\n\n## Status\n\nAccepted.\n\n## Context\n\nWhy ${title} came up.\n\n## Decision\n\nWe use ${title}.\n\n## Consequences\n\nEasier to run.\n`;
    const dir = await tempCatalog({
      'templates/record-template-plain/index.md':
        '# Title\n\n## Status\n\nWhich state?\n\n## Context\n\nWhat forces?\n\n## Decision\n\nWhat do we do?\n\n## Consequences\n\nWhat changes?\n',
      // Its only marked placeholders are in headings, with guidance in prose: it still reads as a template by its place and name.
      'templates/record-template-long/index.md':
        '# [00] Title\n*Number each record.*\n\n## Status - DRAFT / LIVE / REPLACED BY [00]\n\n## Context\n*Say what the problem is.*\n\n## Chosen Approach\n*Say what was chosen.*\n\n## Consequences\n*Say what changes.*\n\n## Weighing options\n\n' +
        'Write down for each option what it costs to run, who must learn it, how it fails under load and what leaving it later would take; a few honest sentences per option age better than a grid of ticks.\n'.repeat(
          8,
        ),
      'templates/record-template-options/index.md':
        '# [short name of the choice]\n\n## Context and Problem\n\n[Two or three sentences.]\n\n## Decision\n\nChosen option: "[option 1]", because [reason].\n',
      'records/caching/index.md': record('Caching'),
      'records/logging/index.md': record('Logging'),
      'records/queueing/index.md': record('Queueing'),
      'records/tracing/index.md': record('Tracing'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ patterns: ['records/*/index.md'] });
    expect(run.stdout).toContain('4 files of the 7 Markdown files here');
  });

  it('one file per proposal: `0000-template.md` is the template; a numbered proposal about templates stays a proposal', async () => {
    const proposal = (title: string) => `# ${title}\n\n## Summary\n\nWhat ${title} changes.\n\n## Motivation\n\nWhy it is worth doing.\n\n## Design\n\nHow it works.\n`;
    const dir = await tempCatalog({
      'README.md': '# Proposals\n\nOne file per proposal.\n',
      '0000-template.md': '# Your short title\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n## Design\n\nHow?\n',
      'text/0007-tiered-volumes.md': proposal('Tiered Volumes'),
      'text/0016-remove-inline-templates.md': proposal('Remove Inline Templates'),
      'text/0278-template-only-components.md': proposal('Template-Only Components'),
      'text/0021-egress-gateway.md': proposal('Egress Gateway'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toEqual({ template: '0000-template.md', patterns: ['text/*.md'], site: { title: 'Proposals' } });
    expect(run.stdout).toContain('4 files of the 6 Markdown files here');
  });

  it('a proposal folder numbered in the series about a topic’s templates (`82-widget-template/`, titled `Widget Template`, with sample values in it) stays a proposal: not taken as the template', async () => {
    const proposal = (title: string, extra = '') =>
      `# ${title}\n\n## Summary\n\nWhat ${title} changes.\n\n## Motivation\n\nWhy it is worth doing.\n\n## Proposal\n\nHow it works.${extra}\n\n## Test Plan\n\nUnit tests.\n`;
    const dir = await tempCatalog({
      'sig-core/12-lease-renewal/README.md': proposal('Lease Renewal'),
      'sig-core/31-fair-queues/README.md': proposal('Fair Queues'),
      'sig-core/47-quiet-hours/README.md': proposal('Quiet Hours'),
      'sig-core/82-widget-template/README.md': proposal(
        'Widget Template',
        ' A template names its values `<name>` and `{{ .Values.size }}`; `<image>` is filled in at install.',
      ),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toMatchObject({ template: 'templates/pattern.md', patterns: ['sig-core/*/README.md'] });
    expect(run.stdout).toContain('4 files of the 4 Markdown files here');
  });

  it("takes `001-proposal-template.md` (the series' first number, a name that ends in template) as the template, not a proposal", async () => {
    const proposal = (title: string) => `# ${title}\n\n## Summary\n\nA paragraph.\n\n## Motivation\n\nWhy ${title}.\n\n## Proposal\n\nHow.\n`;
    const dir = await tempCatalog({
      'docs/proposals/001-proposal-template.md': '# [Proposal name]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n## Proposal\n\nHow?\n',
      'docs/proposals/002-sharded-cache.md': proposal('Sharded Cache'),
      'docs/proposals/003-quiet-hours.md': proposal('Quiet Hours'),
      'docs/proposals/004-path-rewrites.md': proposal('Path Rewrites'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toEqual({ template: 'docs/proposals/001-proposal-template.md', patterns: ['docs/proposals/*.md'] });
    expect(run.stdout).toContain('3 files of the 4 Markdown files here');
  });

  it('the project’s roadmap and house rules at the root (`ROADMAP.md`, `CONVENTIONS.md`), written in the template’s form, are its own pages, no patterns', async () => {
    const doc = (title: string) =>
      `---\ntitle: ${title}\n---\n\n# ${title}\n\n## Summary\n\nIn brief.\n\n## Motivation\n\nWhy.\n\n### Goals\n\nWhat for.\n\n## Proposal\n\nWhat.\n`;
    const dir = await tempCatalog({
      'guidelines/template.md': doc('Title'),
      'README.md': '# Kiln proposals\n\nCopy [the template](guidelines/template.md) to start one.\n',
      'proposals/kilns/shared-kilns.md': doc('Shared kilns'),
      'proposals/kilns/kiln-logs.md': doc('Kiln logs'),
      'proposals/glazes/glaze-store.md': doc('Glaze store'),
      'ROADMAP.md': doc('Roadmap').replace('## Proposal\n\nWhat.\n', '## Next year\n\nMore kilns.\n'),
      'CONVENTIONS.md': doc('Conventions').replace('### Goals\n\nWhat for.\n\n', ''),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['proposals/*/*.md']);
  });

  it("a generation source (`x.src.md`) or a page template (`index.liquid.md`) beside the patterns is left out, as the repository's own pages are", async () => {
    const design = (title: string) => `# ${title}\n\n## Background\n\nWhy ${title}.\n\n## Proposal\n\nWhat.\n\n## Rationale\n\nWhy this way.\n`;
    const dir = await tempCatalog({
      'design/TEMPLATE.md': '# Proposal: [Title]\n\n## Background\n\nContext.\n\n## Proposal\n\nThe change.\n\n## Rationale\n\nWhy.\n',
      'design/101-fast-path.md': design('Fast path'),
      'design/102-slow-path.md': design('Slow path'),
      'design/2024/103-plots.md': design('Plots'),
      'design/2024/104-queues.md': design('Queues'),
      'design/2024/103/plots.src.md': design('Plots') + '\n![old](103/old.png)\n',
      // The site generator's page template: no document either.
      'design/index.liquid.md': design('Index') + '\n{% for p in site.pages %}- {{ p.title }}\n{% endfor %}\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    // The layout reaches the source's folder; the source is left out (its image path is the generated file's).
    expect(config.patterns).toEqual(['design/**/*.md']);
    expect([...(config.exclude as string[])].sort()).toEqual(['**/index.liquid.md', '**/plots.src.md']);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('a template derived from one pattern alone asks for its sections, requires none of them: the next pattern may go without one (a warning)', async () => {
    const dir = await tempCatalog({
      'proposals/rota.md': '# Tool rota\n\n## Summary\n\nWho has the tools.\n\n## Board\n\n### Triage\n\nWeekly.\n',
    });
    const run = await runCli(['init', '--adopt', path.join(dir, 'proposals')], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await readFile(path.join(dir, 'proposals/patternbook.config.yaml'), 'utf8');
    expect(parse(config).sections).toEqual({ Summary: { recommended: true }, Board: { recommended: true }, Triage: { recommended: true } });
    expect(config.replace(/\n\s*#\s*/g, ' ')).toContain(
      '`## Summary` is in the template derived from one pattern alone, too few to tell which sections every pattern must have',
    );
    await writeFile(path.join(dir, 'proposals/keys.md'), '# Shed keys\n\n## Summary\n\nA key box.\n\n## Board\n\nPinned by the shed door.\n');
    const lint = await runCli(['lint', path.join(dir, 'proposals'), '--format', 'json'], REPO);
    const found = JSON.parse(lint.stdout).results.flatMap((r: { diagnostics: { ruleId: string; severity: string; message: string }[] }) => r.diagnostics);
    expect(found.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(found.map((d: { message: string }) => d.message)).toEqual([expect.stringContaining('Missing section `### Triage`')]);
  });

  it('files a tool generated (`<!-- This content generated with … -->` at the top) are no patterns, however many: the documents people write are', async () => {
    const proposal = (title: string) => `# ${title}\n\n## Summary\n\nWhy ${title}.\n\n## Plan\n\nWhat we do.\n`;
    const files: Record<string, string> = {
      'proposals/rota.md': proposal('Tool rota'),
      'proposals/keys.md': proposal('Shed keys'),
      'proposals/hoses.md': proposal('Hose hours'),
    };
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8])
      files[`docs/model/part${n}/terms.md`] =
        `<!-- This content generated with the model tool; edit the model instead. -->\n\n# Part ${n} terms\n\n<dl><dt>Term ${n}</dt><dd>Meaning.</dd></dl>\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['proposals/*.md']);
  });

  it('records beside the template and older ones in a folder of their own are all patterns: both layouts, nothing left off the site', async () => {
    const record = (n: number, title: string) =>
      `# ADR ${n}: ${title}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy ${title} came up.\n\n## Decision\n\nWhat we chose.\n\n## Consequences\n\nWhat follows.\n`;
    const dir = await tempCatalog({
      'README.md': '# Decisions\n\nOur architecture decision records.\n',
      'adr-template.md':
        '# ADR {number}: {title}\n\n## Status\n\n{status}\n\n## Context\n\nWhat is the issue?\n\n## Decision\n\nWhat is the change?\n\n## Consequences\n\nWhat becomes easier or harder?\n',
      'adr-100-lanes.md': record(100, 'Mempool lanes'),
      'adr-101-gossip.md': record(101, 'Lighter gossip'),
      'old/adr-001-logging.md': record(1, 'Logging'),
      'old/adr-002-events.md': record(2, 'Events'),
      'old/adr-003-params.md': record(3, 'Parameters'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toEqual({ template: 'adr-template.md', patterns: ['old/*.md', '*.md'], site: { title: 'Decisions' } });
    expect(run.stdout).toContain('5 files of the 7 Markdown files here');
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it("proposals one folder deeper are proposals too; a document inside a proposal's own folder is that proposal's, not another", async () => {
    const kep = (title: string) => `# ${title}\n\n## Summary\n\nWhat ${title} does.\n\n## Motivation\n\nWhy.\n\n## Design Details\n\nHow.\n`;
    const dir = await tempCatalog({
      'keps/NNNN-kep-template/README.md':
        '# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n## Design Details\n\nHow?\n',
      'keps/sig-node/101-pod-limits/README.md': kep('Pod limits'),
      'keps/sig-node/102-cgroups/README.md': kep('Cgroups v2'),
      'keps/sig-node/102-cgroups/migration.md': kep('Cgroups v2 migration'),
      'keps/sig-apps/201-jobs/README.md': kep('Indexed jobs'),
      'keps/sig-lifecycle/kubeadm/301-phases/README.md': kep('Kubeadm phases'),
      'keps/sig-lifecycle/kubeadm/302-patches/README.md': kep('Kubeadm patches'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['keps/*/*/README.md', 'keps/*/*/*/README.md']);
    expect(run.stdout).toContain('5 files of the 7 Markdown files here');
  });

  it('a template kept as `….md.template`, or as the proposal numbered `0000`, is the template, never a proposal', async () => {
    const rfc = (n: string, title: string) => `# RFC-${n} ${title}\n\n## Summary\n\nWhat ${title} changes.\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nHow.\n`;
    const skeleton = '# RFC-NNNN Title\n\n## Summary\n\n<!-- One paragraph. -->\n\n## Motivation\n\n<!-- Why? -->\n\n## Proposal\n\n<!-- How? -->\n';
    const tool = await tempCatalog({
      'tools/proposal-template.md.template': skeleton,
      'docs/0001-cache.md': rfc('0001', 'Faster cache'),
      'docs/0002-logs.md': rfc('0002', 'Quiet logs'),
    });
    let run = await runCli(['init', '--adopt', tool], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(tool)).toEqual({ template: 'tools/proposal-template.md.template', patterns: ['docs/*.md'] });
    const zero = await tempCatalog({
      'rfcs/RFC-0000/README.md': skeleton,
      'rfcs/0001-faster-cache/README.md': rfc('0001', 'Faster cache'),
      'rfcs/0002-quiet-logs/README.md': rfc('0002', 'Quiet logs'),
      'rfcs/0003-retry-budget/README.md': rfc('0003', 'Retry budget'),
    });
    run = await runCli(['init', '--adopt', zero], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(zero)).template).toBe('rfcs/RFC-0000/README.md');
    // `Title` after the number to fill in is the title's place, not a word each title must end in.
    expect(await lintFindings(zero)).toEqual([]);
  });

  it("takes another tool's published pages (`…/retry.html`) as `site.publishedAt`: links there are relations, and the site writes no canonical address from it", async () => {
    const names = ['retry', 'timeout', 'bulkhead', 'cache-aside'];
    const page = (name: string) =>
      `---\ntitle: ${name}\n---\n\n## Intent\n\nWhat ${name} is for.\n\n## Related Patterns\n\n${names
        .filter((n) => n !== name)
        .map((n) => `- [${n}](https://advisories.example.org/${n}.html)`)
        .join('\n')}\n`;
    const dir = await tempCatalog(Object.fromEntries(names.map((name) => [`${name}/README.md`, page(name)])));
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).site).toEqual({ publishedAt: 'https://advisories.example.org' });
    const graph = await runCli(['graph', dir, '--format', 'json'], REPO);
    expect((JSON.parse(graph.stdout) as { edges: { kind: string }[] }).edges.filter((e) => e.kind === 'related')).toHaveLength(6);
    const out = path.join(dir, '_site');
    expect((await runCli(['build', dir, '--out', out], REPO)).code).toBe(0);
    const html = await readFile(path.join(out, 'patterns/retry/index.html'), 'utf8');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<h1');
  });

  it("takes the catalog's published site from the patterns' links to each other's pages there, so they count as relations", async () => {
    const names = ['retry', 'timeout', 'bulkhead', 'cache-aside'];
    const page = (name: string) =>
      `---\ntitle: ${name}\n---\n\n## Intent\n\nWhat ${name} is for.\n\n## Related Patterns\n\n${names
        .filter((n) => n !== name)
        .map((n) => `- [${n}](https://patterns.example.org/patterns/${n}/)`)
        .join('\n')}\n- [A book](https://books.example.com/patterns/${name}/)\n`;
    const dir = await tempCatalog(Object.fromEntries(names.map((name) => [`${name}/README.md`, page(name)])));
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).site).toEqual({ url: 'https://patterns.example.org' });
    expect(run.stdout).toContain("site       https://patterns.example.org (12 links of the patterns lead to 4 patterns' pages there");
    // The links are relations now: each pattern lists the three others, both ways.
    const graph = await runCli(['graph', dir, '--format', 'json'], REPO);
    const edges = (JSON.parse(graph.stdout) as { edges: { kind: string }[] }).edges;
    // (One edge per pair, the six pairs of four patterns.)
    expect(edges.filter((e) => e.kind === 'related')).toHaveLength(6);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('names no site from a few links to pages that happen to share a pattern’s name', async () => {
    const page = (name: string, other: string) =>
      `# ${name}\n\n## Intent\n\nWhat ${name} is for.\n\n## Related Patterns\n\n- [${other}](https://wiki.example.com/${other})\n`;
    const dir = await tempCatalog({
      'retry/README.md': page('retry', 'timeout'),
      'timeout/README.md': page('timeout', 'retry'),
      'bulkhead/README.md': page('bulkhead', 'retry'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).site).toBeUndefined();
  });

  it("names no site from links to a code host's view of the repository's files, however many", async () => {
    const names = ['retry', 'timeout', 'bulkhead', 'cache-aside'];
    const hosted = (name: string) =>
      `# ${name}\n\n## Intent\n\nWhat ${name} is for.\n\n## Related Patterns\n\n${names
        .filter((n) => n !== name)
        .map((n) => `- [${n}](https://github.com/example/catalog/blob/main/patterns/${n}.md)`)
        .join('\n')}\n`;
    const repo = await tempCatalog(Object.fromEntries(names.map((name) => [`patterns/${name}.md`, hosted(name)])));
    expect((await runCli(['init', '--adopt', repo], REPO)).code).toBe(0);
    expect((await configOf(repo)).site).toBeUndefined();
  });

  it('the first record of a series numbered from zero (`000-use-decision-records.md`) is a record: no template then, one is derived', async () => {
    const record = (n: string, title: string, status: string) =>
      `# ${Number(n)}. ${title}\n\nDate: 2021-0${Number(n) + 1}-10\n\n## Status\n\n${status}\n\n## Context\n\nWhy ${title.toLowerCase()} came up.\n\n## Decision\n\nWe ${title.toLowerCase()}.\n\n## Consequences\n\nWhat follows.\n`;
    const dir = await tempCatalog({
      'decisions/000-Keep-Decision-Records.md': record('000', 'Keep decision records', 'Accepted'),
      'decisions/001-Use-one-queue.md': record('001', 'Use one queue', 'Accepted'),
      'decisions/002-Retire-the-cron-host.md': record('002', 'Retire the cron host', 'Superseded'),
      'decisions/003-Sign-every-image.md': record('003', 'Sign every image', 'Accepted'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toBe('templates/pattern.md');
    expect(config.patterns).toEqual(['decisions/*.md']);
    // All four are records, the zeroth one too.
    expect(run.stdout).toMatch(/4 files/);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('documents whose sections are H1s opening with `# Summary` (their name in front matter) get a derived template of H1 sections: --fix moves none under the Summary', async () => {
    const doc = (name: string, more: string) => `---\nName: ${name}\n---\n\n# Summary\n\n${name} in brief.\n\n# Motivation\n\nWhy ${name}.\n\n${more}`;
    const files = {
      'b.md': doc('Gadget pool', '# Details\n\nPool them.\n'),
      'c.md': doc('Sprocket log', '# Details\n\nAppend only.\n'),
      'd.md': doc('Doohickey store', '## Old problems\n\nMany.\n\n# Usage\n\nPut them in.\n'),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const template = await readFile(path.join(dir, 'templates/pattern.md'), 'utf8');
    expect(template).toMatch(/^# Summary$/m);
    expect(template).toMatch(/^# Motivation$/m);
    expect(template).not.toMatch(/^## /m);
    expect((await lintFindings(dir)).filter((d) => d.rule === 'heading-level' || d.rule === 'title')).toEqual([]);
    await runCli(['lint', dir, '--fix'], REPO);
    for (const [rel, text] of Object.entries(files)) expect(await readFile(path.join(dir, rel), 'utf8'), rel).toBe(text);
  });

  it('a heading most documents write more than once (`### Open topics` in each block of a log) is written twice in a row in the derived template: any number of them, no duplicate', async () => {
    const log = (year: string) =>
      `# Sync log ${year}\n\nThe weekly syncs of ${year}.\n\n## About the syncs\n\n### When\n\nTuesdays.\n\n### Open topics\n\n- one\n\n### May ${year}\n\n- alpha\n\n### Open topics\n\n- two\n`;
    const dir = await tempCatalog({ 'log-2021.md': log('2021'), 'log-2022.md': log('2022'), 'log-2023.md': log('2023') });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const template = await readFile(path.join(dir, 'templates/pattern.md'), 'utf8');
    expect(template.match(/^### Open topics$/gm)).toHaveLength(2);
    expect((await lintFindings(dir)).filter((d) => d.rule === 'duplicate-section')).toEqual([]);
  });

  it('a template that says it is freeform on purpose is kept however few documents have its sections: they are recommended, the authors’ own welcome', async () => {
    const doc = (name: string, own: string) => `${name}\n${'='.repeat(name.length)}\n\nWhat ${name} changes.\n\n## ${own}\n\nDetails.\n`;
    const dir = await tempCatalog({
      'template.md':
        'Title of the design\n===================\n\n<!-- Describe your change here. This is purposefully freeform. -->\n\n## Example\n\n<!-- How a user would use it. -->\n',
      'alpha.md': doc('Alpha', 'Example'),
      'beta.md': doc('Beta', 'Example'),
      'gamma.md': doc('Gamma', 'Plan'),
      'delta.md': doc('Delta', 'Costs'),
      'epsilon.md': doc('Epsilon', 'Motivation'),
      'zeta.md': doc('Zeta', 'Rollout'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('template.md');
    const found = await lintFindings(dir);
    expect(found.filter((d) => d.severity === 'error' || d.rule === 'unknown-section')).toEqual([]);
  });

  it('a file named like a template that few documents fit is set aside for a derived template, and adopt says how to judge them by it all the same', async () => {
    const doc = (name: string) => `# ${name}\n\n## Context\n\nWhy ${name}.\n\n## Choice\n\nWhat.\n`;
    const dir = await tempCatalog({
      'proposal-template.md': '# [Title]\n\n## Overview\n\n[What]\n\n## Scenarios\n\n[Who]\n\n## Plan\n\n[How]\n',
      'alpha.md': doc('Alpha'),
      'beta.md': doc('Beta'),
      'gamma.md': doc('Gamma'),
      'delta.md': doc('Delta'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /proposal-template\.md fits only 0 of 4; to judge them by it all the same, remove .*patternbook\.config\.yaml and run `patternbook init --adopt /,
    );
    // The command it gives works from where adopt was run.
    const command = /and run `patternbook (init --adopt [^`]+)`/.exec(run.stdout)![1]!;
    await rm(path.join(dir, 'patternbook.config.yaml'));
    await rm(path.join(dir, 'templates'), { recursive: true });
    const again = await runCli(command.split(' '), REPO);
    expect(again.code, again.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('proposal-template.md');
  });

  it('…and of a template above the adopted folder (`../0000-template.md`), run from inside it: the command names both from there', async () => {
    const doc = (name: string) => `# ${name}\n\n## Context\n\nWhy ${name}.\n\n## Choice\n\nWhat.\n`;
    const repo = await tempCatalog({
      '0000-template.md': '# [Title]\n\n## Overview\n\n[What]\n\n## Scenarios\n\n[Who]\n\n## Plan\n\n[How]\n',
      'rfcs/alpha.md': doc('Alpha'),
      'rfcs/beta.md': doc('Beta'),
      'rfcs/gamma.md': doc('Gamma'),
      'rfcs/delta.md': doc('Delta'),
    });
    const dir = path.join(repo, 'rfcs');
    const run = await runCli(['init', '--adopt', '.'], dir);
    expect(run.code, run.stderr).toBe(0);
    const command = /and run `patternbook (init --adopt [^`]+)`/.exec(run.stdout)![1]!;
    expect(command).toBe('init --adopt . --template ../0000-template.md');
    await rm(path.join(dir, 'patternbook.config.yaml'));
    await rm(path.join(dir, 'templates'), { recursive: true });
    const again = await runCli(command.split(' '), dir);
    expect(again.code, again.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('../0000-template.md');
  });

  it('a document about templates in its name (`remote-templates-checks.md`) with `<br>` in its table cells is a document: an HTML tag is no blank to fill in', async () => {
    const check = (name: string) =>
      `# ${name} checks\n\n## Scope\n\nWhat ${name} covers.\n\n## Steps\n\n| Step | Expect |\n| --- | --- |\n| Open it<br>then close it | It closes |\n`;
    const dir = await tempCatalog({
      'checks/check-template.md': '# [Area] checks\n\n## Scope\n\n[What it covers]\n\n## Steps\n\n| Step | Expect |\n| --- | --- |\n| [step] | [result] |\n',
      'checks/alpha/alpha-checks.md': check('Alpha'),
      'checks/beta/beta-checks.md': check('Beta'),
      'checks/gamma/gamma-checks.md': check('Gamma'),
      'checks/remote-templates/remote-templates-checks.md':
        '# Remote templates\n\nChecks for fetching templates from a remote source.\n\n## Source setup\n\nAdd a test source.<br>Then refresh the list.\n',
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/exclude.*remote-templates/);
    const loaded = await loadCatalog({ root: dir });
    expect(loaded.patterns.map((p) => p.path).sort()).toEqual([
      'checks/alpha/alpha-checks.md',
      'checks/beta/beta-checks.md',
      'checks/gamma/gamma-checks.md',
      'checks/remote-templates/remote-templates-checks.md',
    ]);
  });

  it('a page that says to copy it as a template (`FORMAT.md`), instructions above a line that says to delete them: the template, its title line the H1 after that line', async () => {
    const note = (name: string) => `# ${name}\n\n## Background\n\nWhy ${name}.\n\n## Plan\n\nWhat.\n\n#### Steps\n\nFirst.\n`;
    const dir = await tempCatalog({
      'FORMAT.md':
        '# How to write a note\n\n#### How to use\n\nCopy this markdown file as a template for your note.\n\nDelete from here up, starting with your title.\n\n# Note title\n\n## Background\n\nWhy.\n\n## Plan\n\nWhat.\n\n#### Steps\n\nThe steps.\n',
      'alpha.md': note('Alpha'),
      'beta.md': note('Beta'),
      'gamma.md': note('Gamma'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('FORMAT.md');
    expect(await lintFindings(dir)).toEqual([]);
  });

  it('a quote of fields under the title (`> Version: 0.3`, `> Status: Draft`) is no summary of a derived template', async () => {
    const doc = (name: string) => `# ${name}\n\n> Version: 0.3\n>\n> Status: Draft\n\n## Abstract\n\n${name} keeps records.\n\n## Design\n\nOn disk.\n`;
    const dir = await tempCatalog({ 'docs/apple.md': doc('Apple'), 'docs/birch.md': doc('Birch'), 'docs/cedar.md': doc('Cedar') });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).not.toMatch(/^> /m);
    expect((await lintFindings(dir)).filter((d) => d.rule === 'summary')).toEqual([]);
  });

  it('an entry of a change log every document has (`### Version 0.3`) is no derived section: a later `### Version 0.4` is no duplicate', async () => {
    const doc = (name: string, entries: string) => `# ${name}\n\n## Abstract\n\n${name} in brief.\n\n## Changelog\n\n${entries}`;
    const dir = await tempCatalog({
      'docs/apple.md': doc('Apple', '### Version 0.3\n\n- First.\n'),
      'docs/birch.md': doc('Birch', '### Version 0.3\n\n- First.\n'),
      'docs/cedar.md': doc('Cedar', '### Version 0.4\n\n- Second.\n\n### Version 0.3\n\n- First.\n'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).not.toContain('Version 0.3');
    expect((await lintFindings(dir)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('documents sharing only `# Summary` among their H1 sections (titles in a field list) get a derived template of that one section, which loads', async () => {
    const doc = (title: string, own: string) => `- Title: ${title}\n\n- Owner: Sam\n\n----\n\n# Summary\n\n${title} in brief.\n\n# ${own}\n\nMore on ${title}.\n`;
    const dir = await tempCatalog({
      'docs/a.md': doc('Cache layer', 'Motivation'),
      'docs/b.md': doc('Queue rework', 'Background'),
      'docs/c.md': doc('Log format', 'Design'),
      'docs/d.md': doc('Auth tokens', 'Protocol'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).toMatch(/^# Summary$/m);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('a contribution guide that holds the template in a ```markdown block is the template; a `// Optional` line right above a heading makes that section optional', async () => {
    const kind = (name: string, usage = true) => `# ${name}\n\nWhat ${name} does.\n\n## Implementation\n\nThe code.\n${usage ? '\n## Usage\n\nHow to call it.\n' : ''}`;
    const dir = await tempCatalog({
      'CONTRIBUTING.md':
        '# How to contribute\n\nOne pull request per pattern.\n\n## The template\n\n```markdown\n# <Pattern-Name>\n<One paragraph on what it does>\n\n## Implementation\n\n## Usage\n\n// Optional\n## Rules of Thumb\n```\n',
      'kinds/circle.md': kind('Circle'),
      'kinds/square.md': kind('Square'),
      'kinds/ring.md': `${kind('Ring')}\n## Rules of Thumb\n\nKeep it thin.\n`,
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).toEqual({ template: 'CONTRIBUTING.md', patterns: ['kinds/*.md'] });
    expect(run.stdout).toContain('the template a page about it keeps, in a ```markdown block');
    expect(await lintFindings(dir)).toEqual([]);
  });

  it('--template FILE uses that file, whatever its name', async () => {
    const dir = await copyOf('adopt-variant');
    await rename(path.join(dir, 'meta/pattern-template.md'), path.join(dir, 'meta/skeleton.md'));
    const before = await bytesOf(dir);
    const run = await runCli(['init', '--adopt', '--template', 'meta/skeleton.md'], dir);
    expect(run.code, run.stderr).toBe(0);
    expectUntouched(before, await bytesOf(dir), ['patternbook.config.yaml']);
    expect((await configOf(dir)).template).toBe('meta/skeleton.md');
    expect(run.stdout).toMatch(/template +meta\/skeleton\.md \(given\)/);
  });

  it('finds the template above the folder, in the repository it is a folder of (`rfcs/` beside `0000-template.md`), and names it from the configuration: no template derived, none written', async () => {
    const page = (t: string) => `# ${t}\n\n# Summary\n\nWhat ${t} does.\n\n# Motivation\n\nWhy ${t}.\n\n# Detailed design\n\nHow ${t} works.\n`;
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '0000-template.md':
        '- Feature name: (fill me in)\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy are we doing this?\n\n# Detailed design\n\nExplain the design.\n',
      'rfcs/0001-lamps.md': page('Lamps'),
      'rfcs/0002-bells.md': page('Bells'),
      'rfcs/0003-gates.md': page('Gates'),
    });
    const dir = path.join(repo, 'rfcs');
    const before = await bytesOf(repo);
    const run = await runCli(['init', '--adopt'], dir);
    expect(run.code, run.stderr).toBe(0);
    expectUntouched(before, await bytesOf(repo), ['rfcs/patternbook.config.yaml']);
    expect((await configOf(dir)).template).toBe('../0000-template.md');
    expect(run.stdout).toMatch(/template +\.\.\/0000-template\.md \(named like a template, above this folder/);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
    // Outside any repository (a copy without its `.git`), the folder right above is looked at, and no
    // further: two levels up, a template is derived.
    const template = '# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy are we doing this?\n\n# Detailed design\n\nExplain the design.\n';
    const plain = await tempCatalog({
      '0000-template.md': template,
      'rfcs/0001-lamps.md': page('Lamps'),
      'rfcs/0002-bells.md': page('Bells'),
      'rfcs/0003-gates.md': page('Gates'),
      'far/0000-template.md': template,
      'far/docs/rfcs/0001-lamps.md': page('Lamps'),
      'far/docs/rfcs/0002-bells.md': page('Bells'),
      'far/docs/rfcs/0003-gates.md': page('Gates'),
    });
    const alone = await runCli(['init', '--adopt'], path.join(plain, 'rfcs'));
    expect(alone.code, alone.stderr).toBe(0);
    expect((await configOf(path.join(plain, 'rfcs'))).template).toBe('../0000-template.md');
    const far = await runCli(['init', '--adopt'], path.join(plain, 'far/docs/rfcs'));
    expect(far.code, far.stderr).toBe(0);
    expect((await configOf(path.join(plain, 'far/docs/rfcs'))).template).toBe('templates/pattern.md');
  });

  it('says which other Markdown files it does not take, by folder, so a kind of pattern is not left out unseen', async () => {
    const library = (t: string) => `# ${t}\n\n## Summary\n\nWhat ${t} adds.\n\n## Use cases\n\nWho needs ${t}.\n\n## Alternatives\n\nOthers.\n`;
    const language = (t: string) => `# ${t}\n\n## Motivation\n\nWhy ${t}.\n\n## Proposal\n\nHow ${t} reads.\n`;
    const files: Record<string, string> = {
      'stdlib/TEMPLATE.md': '# Title\n\n## Summary\n\nOne paragraph.\n\n## Use cases\n\nWho?\n\n## Alternatives\n\nWhat else?\n',
    };
    for (const t of ['Ropes', 'Queues', 'Bitsets', 'Graphs', 'Heaps']) files[`stdlib/KEEP-${t}.md`] = library(t);
    for (const t of ['Sealed', 'Inline', 'Context', 'Guards', 'Ranges', 'Spread']) files[`KEEP-${t}.md`] = language(t);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['stdlib/*.md']);
    expect(run.stdout).toMatch(/not taken +6 files in this folder \(KEEP-\w+\.md…: not written from the template/);
  });

  it('finds it in a folder named for templates of a kind above the folder (`../proposal-templates/`)', async () => {
    const page = (t: string) => `# ${t}\n\n## Introduction\n\nWhat ${t} does.\n\n## Motivation\n\nWhy ${t}.\n\n## Detailed design\n\nHow ${t} works.\n`;
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'proposal-templates/0000-garden-template.md':
        '# Feature name\n\n## Introduction\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n## Detailed design\n\nExplain the design.\n',
      'proposals/0001-hose.md': page('Hose'),
      'proposals/0002-rake.md': page('Rake'),
      'proposals/0003-shed.md': page('Shed'),
    });
    const dir = path.join(repo, 'proposals');
    const run = await runCli(['init', '--adopt'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('../proposal-templates/0000-garden-template.md');
  });

  it('takes a template that says its outline is only a guide ("or write your own proposal") when a third of the patterns follow it', async () => {
    const shaped = (t: string) => `# ${t}\n\n## Summary\n\nWhat ${t} does.\n\n## Motivation\n\nWhy ${t}.\n\n## Proposed Implementation\n\nHow.\n`;
    const own = (t: string, a: string, b: string) => `# ${t}\n\n## ${a}\n\nText about ${t}.\n\n## ${b}\n\nMore about ${t}.\n`;
    const dir = await tempCatalog({
      'RFC-0000-template.md':
        '- Copy this file to `RFC-00xx-my-idea.md`, or write your own free-form proposal.\n\n# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n\n## Proposed Implementation\n\nHow.\n\n## Prior Art\n\nOthers.\n',
      'RFC-0001-lamps.md': shaped('Lamps'),
      'RFC-0002-bells.md': shaped('Bells'),
      'RFC-0003-gates.md': own('Gates', 'Context', 'Plan'),
      'RFC-0004-doors.md': own('Doors', 'Background', 'Design'),
      'RFC-0005-walls.md': own('Walls', 'Problem', 'Approach'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('RFC-0000-template.md');
    expect(run.stdout).not.toContain('required by the template');
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('--template FILE outside the folder is named relative to the configuration, the same in every clone', async () => {
    const page = (t: string) => `# ${t}\n\n## Problem\n\nWhy ${t}.\n\n## Solution\n\nHow ${t} works.\n`;
    const repo = await tempCatalog({
      'meta/skeleton.md': '# [Title]\n\n## Problem\n\nWhat hurts.\n\n## Solution\n\nWhat helps.\n',
      'docs/lamps.md': page('Lamps'),
      'docs/bells.md': page('Bells'),
    });
    const run = await runCli(['init', '--adopt', '--template', '../meta/skeleton.md'], path.join(repo, 'docs'));
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(path.join(repo, 'docs'))).template).toBe('../meta/skeleton.md');
  });

  it('a catalog kept in two languages is adopted in one of them (English), not as clashing slugs', async () => {
    const pages = {
      en: (t: string) => `# ${t}\n\n## Problem\n\nWhy ${t} is needed.\n\n## Solution\n\nHow ${t} works.\n`,
      fr: (t: string) => `# ${t}\n\n## Problème\n\nPourquoi ${t} est utile.\n\n## Solution\n\nComment ${t} fonctionne.\n`,
      de: (t: string) => `# ${t}\n\n## Problem\n\nWarum ${t} nötig ist.\n\n## Lösung\n\nWie ${t} funktioniert.\n`,
    };
    const files: Record<string, string> = {};
    for (const [slug, en, fr, de] of [
      ['rate-limit', 'Rate Limit', 'Limite de débit', 'Ratenbegrenzung'],
      ['bulkhead', 'Bulkhead', 'Cloison', 'Schott'],
      ['backpressure', 'Backpressure', 'Contre-pression', 'Gegendruck'],
    ] as const) {
      files[`locales/en/${slug}/README.md`] = pages.en(en);
      files[`locales/fr/${slug}/README.md`] = pages.fr(fr);
      files[`locales/de/${slug}/README.md`] = pages.de(de);
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).patterns).toEqual(['locales/en/*/README.md']);
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('no template file: a pattern folder named with "template" is a pattern, translations don\'t outnumber the patterns, headings holding each pattern\'s name become the title placeholder', async () => {
    // Pages of the author's prose: what a written pattern has and a template does not.
    const prose = (name: string) =>
      Array.from({ length: 12 }, (_, i) => `Step ${i + 1} of ${name} keeps the caller waiting no longer than it must, and says so in its logs.`).join(' ');
    const page = (slug: string, name: string, opts: { intent?: string; skip?: string } = {}) => {
      const sections = [
        ['Intent', opts.intent ?? `Intent of ${name} Design Pattern`, `${name} in one sentence.`],
        ['Explained', `Detailed Explanation of ${name} Pattern with Examples`, prose(name)],
        ['When', `When to Use the ${name} Pattern in Go`, `When calls are slow for ${name}.`],
        ['Related', 'Related Patterns', slug === 'retry' ? '- [Bulkhead](../bulkhead/README.md)' : '- [Retry](../retry/README.md)'],
      ].filter(([k]) => k !== opts.skip);
      return `---\ntitle: "${name} Pattern in Go: ${slug} explained"\n---\n\n${sections.map(([, h, b]) => `## ${h}\n\n${b}\n`).join('\n')}`;
    };
    const files: Record<string, string> = {
      'retry/README.md': page('retry', 'Retry'),
      'bulkhead/README.md': page('bulkhead', 'Bulkhead'),
      'outbox/README.md': page('outbox', 'Outbox', { intent: 'Intent of Outbox Pattern' }),
      'sidecar/README.md': page('sidecar', 'Sidecar', { skip: 'When' }),
      'template-view/README.md': page('template-view', 'Template View'),
    };
    // Two translations of four patterns: eight files in one layout, more than the five above.
    for (const lang of ['es', 'pt'])
      for (const slug of ['retry', 'bulkhead', 'outbox', 'sidecar'])
        files[`localization/${lang}/${slug}/README.md`] = `---\ntitle: "${slug} (${lang})"\n---\n\n## Propósito\n\nTexto.\n\n## Explicación\n\nMás texto.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.patterns).toEqual(['*/README.md']);
    expect(config.template).toBe('templates/pattern.md');
    const template = await readFile(path.join(dir, 'templates/pattern.md'), 'utf8');
    expect(template.match(/^## .*/gm)).toEqual([
      '## Intent of [Pattern Title] Design Pattern',
      '## Detailed Explanation of [Pattern Title] Pattern with Examples',
      '## When to Use the [Pattern Title]',
      '## Related Patterns',
    ]);
    // The one gap: Sidecar has no "When to Use" (a warning: the template is Patternbook's reading of the
    // patterns, no standard of the catalog's). Outbox's shorter Intent heading is its Intent.
    const found = await lintFindings(dir);
    expect(errorsOf(found)).toEqual([]);
    expect(found.filter((f) => f.rule === 'required-section').map((f) => `${f.file} ${f.severity}`)).toEqual(['sidecar/README.md warning']);
  });

  it('a required section many patterns lack is made recommended: a missing one is a warning, and --fix does not insert it', async () => {
    const files: Record<string, string> = {
      'templates/pattern-template.md': '# [Title]\n\n## Context\n\nWhat led here.\n\n## Decision\n\nWhat was chosen.\n\n## Consequences\n\nWhat follows.\n',
    };
    // Twelve records: the first five (written before the template asked for it) have no Consequences.
    for (let i = 1; i <= 12; i++)
      files[`decisions/00${String(i).padStart(2, '0')}-choice.md`] =
        `# Choice ${i}\n\n## Context\n\nWe needed ${i}.\n\n## Decision\n\nWe chose ${i}.\n${i > 5 ? `\n## Consequences\n\nIt costs ${i}.\n` : ''}`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('`## Consequences` is missing in 5 of 12 patterns: recommended');
    expect((await configOf(dir)).sections).toEqual({ Consequences: { recommended: true } });
    const findings = (await lintFindings(dir)).filter((f) => f.rule === 'required-section');
    expect(findings.map((f) => f.severity)).toEqual(Array(5).fill('warning'));
    const before = await bytesOf(dir);
    const fix = await runCli(['lint', dir, '--fix'], REPO);
    expect(fix.code, fix.stderr).toBe(0);
    expectUntouched(before, await bytesOf(dir), []);
  });

  it('a section no pattern has yet (the template gained it later) is made recommended too', async () => {
    const files: Record<string, string> = {
      'templates/pattern-template.md': '# [Title]\n\n## Context\n\nWhat led here.\n\n## Decision\n\nWhat was chosen.\n\n## Exit Criteria\n\nWhen it is done.\n',
    };
    for (let i = 1; i <= 12; i++)
      files[`decisions/00${String(i).padStart(2, '0')}-choice.md`] = `# Choice ${i}\n\n## Context\n\nWe needed ${i}.\n\n## Decision\n\nWe chose ${i}.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('`## Exit Criteria` is missing in all 12 patterns (a section the template gained after they were written, likely): recommended');
    expect(errorsOf(await lintFindings(dir))).toEqual([]);
  });

  it('a summary many patterns lack where the template keeps it is made recommended: a missing one is a warning', async () => {
    const files: Record<string, string> = {
      'proposal-template.md':
        '---\ntitle: <The title>\ndescription: <One sentence on what it changes>\n---\n\n## Abstract\n\nWhat it does.\n\n## Specification\n\nHow.\n',
    };
    // Twelve proposals: the first four were written before the template asked for a description.
    for (let i = 1; i <= 12; i++)
      files[`proposals/p-${i}.md`] =
        `---\ntitle: Proposal ${i}\n${i > 4 ? `description: Changes thing ${i} for everyone.\n` : ''}---\n\n## Abstract\n\nIt changes ${i}.\n\n## Specification\n\nLike ${i}.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).summary).toEqual({ from: 'front-matter', key: 'description', recommended: true });
    expect(await commentsOf(dir)).toContainEqual(expect.stringContaining('4 of 12 patterns have no summary in front matter `description`'));
    const findings = (await lintFindings(dir)).filter((f) => f.rule === 'summary');
    expect(findings.map((f) => `${f.file} ${f.severity}`)).toEqual([
      'proposals/p-1.md warning',
      'proposals/p-2.md warning',
      'proposals/p-3.md warning',
      'proposals/p-4.md warning',
    ]);
  });

  it('a second template file that some patterns follow better is a sibling: each pattern is judged by the one it follows best', async () => {
    const files: Record<string, string> = {
      '0000-template.md': '# RFC title\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Detailed design\n\nHow.\n\n## Drawbacks\n\nWhy not.\n',
      'retirement-template.md':
        '# RFC title\n\n## Summary\n\nOne paragraph.\n\n## Transition Path\n\nHow users move.\n\n## Timeline\n\nWhen.\n\n## How We Teach This\n\nThe docs.\n',
      'unused-template.md': '# RFC title\n\n## Summary\n\nOne paragraph.\n\n## Budget\n\nHow much.\n',
    };
    const rfc = (i: number, sections: string[]) => `# RFC ${i}\n\n${sections.map((s) => `## ${s}\n\nText ${i} about ${s}.\n`).join('\n')}`;
    for (let i = 1; i <= 8; i++) files[`text/00${i}0-feature.md`] = rfc(i, ['Summary', 'Motivation', 'Detailed design', 'Drawbacks']);
    for (let i = 1; i <= 4; i++) files[`text/00${i}5-retire.md`] = rfc(i, ['Summary', 'Transition Path', 'Timeline', 'How We Teach This']);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('retirement-template.md (a sibling: 4 patterns follow it better');
    expect((await configOf(dir)).template).toEqual(['0000-template.md', 'retirement-template.md']);
    // The retirements are not asked for Motivation or Detailed design: no finding at all.
    expect(await lintFindings(dir)).toEqual([]);

    // The same second template kept only as test data is no sibling.
    const { 'retirement-template.md': retirement, ...rest } = files;
    const copy = await tempCatalog({ ...rest, 'pkg/testdata/retirement-template.md': retirement! });
    const again = await runCli(['init', '--adopt', copy], REPO);
    expect(again.code, again.stderr).toBe(0);
    expect((await configOf(copy)).template).toBe('0000-template.md');
  });

  it('of templates for kinds of one thing, the one whose name the others extend comes first, though older patterns fit a special one a little better', async () => {
    const template = (sections: string[]) => `# Feature name\n\n${sections.map((s) => `## ${s}\n\nSay it.\n`).join('\n')}`;
    const core = ['Motivation', 'Proposed solution', 'Detailed design', 'Alternatives considered'];
    const files: Record<string, string> = {
      'templates/0000-widget-template.md': template(['Summary of changes', ...core.slice(0, 3), 'Source compatibility', 'Future directions', core[3]!]),
      'templates/0000-widgetpm-template.md': template(['Introduction', ...core]),
    };
    const proposal = (i: number, sections: string[]) => `# Proposal ${i}\n\n${sections.map((s) => `## ${s}\n\nText ${i} about ${s}.\n`).join('\n')}`;
    // Older proposals, written before the template renamed Introduction, fit the package manager's better by name.
    for (let i = 10; i < 20; i++) files[`proposals/00${i}-old.md`] = proposal(i, ['Introduction', ...core]);
    for (let i = 20; i < 24; i++)
      files[`proposals/00${i}-new.md`] = proposal(i, ['Summary of changes', ...core.slice(0, 3), 'Source compatibility', 'Future directions', core[3]!]);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect([(await configOf(dir)).template].flat()[0]).toBe('templates/0000-widget-template.md');
  });

  it('a table of contents where many patterns lack a section is not another name for it', async () => {
    const older = (n: number) => `# Proposal ${n}\n\n## Table of Contents\n\n- [Summary](#summary)\n\n## Summary\n\nWhat ${n} changes.\n\n## Design\n\nHow.\n`;
    const dir = await tempCatalog({
      'templates/0000-template.md': '# Title\n\n## Release checklist\n\n- [ ] Reviewed\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow it works.\n',
      ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`proposals/000${n}-p.md`, older(n)])),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('accepted as another name');
    expect(run.stdout).not.toContain('made optional');
    // (Missing in all five, most of a small catalog: the catalog's practice asks for it, no more — each is a warning.)
    expect((await configOf(dir)).sections).toEqual({ 'Release checklist': { recommended: true } });
    const findings = await lintFindings(dir);
    expect(errorsOf(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'required-section').length).toBe(5);
  });

  it('a section most of the patterns that have it leave empty is recommended: an empty one is a warning, not an error in each', async () => {
    const template = '# [Title]\n\n## Case\n\n<two sentences on the case>\n\n## More context\n\n<links to related work>\n\n## Actors\n\n<who takes part>\n';
    const card = (n: number, context: boolean) =>
      `# Case ${n}\n\n## Case\n\nFirms settle case ${n}.\n\n## More context\n\n${context ? `See study ${n}.\n\n` : ''}## Actors\n\nBanks.\n`;
    const dir = await tempCatalog({ 'cases/_template.md': template, ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`cases/c${n}.md`, card(n, n <= 2)])) });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({ 'More context': { recommended: true } });
    const findings = await lintFindings(dir);
    expect(errorsOf(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'empty-section').length).toBe(4);
    // (Left empty by a few only: the template's, an error in each.)
    const few = await tempCatalog({ 'cases/_template.md': template, ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`cases/c${n}.md`, card(n, n > 2)])) });
    expect((await runCli(['init', '--adopt', few], REPO)).code).toBe(0);
    expect((await configOf(few)).sections).toBeUndefined();
    expect(errorsOf(await lintFindings(few)).map((f) => f.rule)).toEqual(['empty-section', 'empty-section']);
  });

  it('in a catalog of fewer than ten, a section most patterns go without is recommended; one a few go without stays required', async () => {
    const template = '# [Number]. [Title]\n\n## Context\n\nWhat forces the choice?\n\n## Decision\n\nWhat was chosen?\n\n## Consequences\n\nWhat follows from it?\n';
    const record = (n: number, consequences: boolean) =>
      `# ${n}. Use tool ${n}\n\n## Context\n\nThe team needs tool ${n}.\n\n## Decision\n\nWe use tool ${n}.\n${consequences ? `\n## Consequences\n\nTool ${n} is now ours to run.\n` : ''}`;
    const log = (has: (n: number) => boolean) =>
      tempCatalog({ 'decisions/template.md': template, ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`decisions/000${n}-tool.md`, record(n, has(n))])) });
    const dir = await log((n) => n === 1);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({ Consequences: { recommended: true } });
    expect(run.stdout).toContain('`## Consequences` is missing in 8 of 9 patterns: recommended');
    // (Missing in 2 of 9 only: the template's, required.)
    const few = await log((n) => n > 2);
    expect((await runCli(['init', '--adopt', few], REPO)).code).toBe(0);
    expect((await configOf(few)).sections).toBeUndefined();
    expect(errorsOf(await lintFindings(few)).map((f) => f.rule)).toEqual(['required-section', 'required-section']);
  });

  it('refuses (exit 2, saying why) when the folder has a configuration, and writes nothing', async () => {
    for (const [file, text] of [
      ['patternbook.config.json', '{ "patterns": ["*/README.md"] }\n'],
      ['patternbook.config.yaml', 'patterns: ["*/README.md"]\n'],
      ['package.json', '{ "name": "catalog", "patternbook": { "patterns": ["*/README.md"] } }\n'],
    ] as const) {
      const dir = await tempCatalog({ [file]: text, 'saga/README.md': '# Saga\n\n## Overview\n\nSteps with compensations.\n' });
      const before = await bytesOf(dir);
      const run = await runCli(['init', '--adopt', dir], REPO);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`already has a configuration (${file === 'package.json' ? 'the `patternbook` key of package.json' : file})`);
      expect(run.stderr).toContain('Nothing was written.');
      expectUntouched(before, await bytesOf(dir), []);
    }
  });

  it('a package.json without a patternbook key is no configuration', async () => {
    const dir = await copyOf('adopt-variant');
    await writeFile(path.join(dir, 'package.json'), '{ "name": "catalog", "devDependencies": { "patternbook": "^1.0.0" } }\n');
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
  });

  it('a folder without Markdown is exit 2 pointing at plain init; --template without --adopt is a usage error', async () => {
    const empty = await tempCatalog({ 'notes.txt': 'not markdown\n' });
    const run = await runCli(['init', '--adopt', empty], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No Markdown files');
    expect(run.stderr).toContain('patternbook init');
    expect(await listFiles(empty)).toEqual(['notes.txt']);

    const dir = await tempCatalog();
    const plain = await runCli(['init', '--template', 'x.md', dir], REPO);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('use it with --adopt');
    expect(await listFiles(dir)).toEqual([]);
  });

  it('a second run refuses: the first one wrote the configuration', async () => {
    const dir = await copyOf('adopt-nested-derived');
    expect((await runCli(['init', '--adopt', dir], REPO)).code).toBe(0);
    const before = await bytesOf(dir);
    const again = await runCli(['init', '--adopt', dir], REPO);
    expect(again.code).toBe(2);
    expectUntouched(before, await bytesOf(dir), []);
  });
});

describe('init --adopt: redirect stubs beside the patterns', () => {
  it('count neither for nor against the template: it is chosen as if they were not there', async () => {
    const template = '---\ntitle: <name>\nstatus: Draft\n---\n\n## Abstract\n\nIn brief.\n\n## Design\n\nHow.\n\n## Risks\n\nWhat could go wrong.\n';
    const files: Record<string, string> = { 'props/proposal-template.md': template };
    for (const [n, name] of [
      [1, 'rain barrels'],
      [2, 'drip lines'],
      [3, 'mulch beds'],
    ] as const)
      files[`props/prop-${n}.md`] = `---\ntitle: ${name}\nstatus: Final\n---\n\n## Abstract\n\nAbout ${name}.\n\n## Design\n\nHow ${name} work.\n\n## Risks\n\nLeaks.\n`;
    for (const n of [4, 5, 6, 7])
      files[`props/prop-${n}.md`] = `---\ntitle: Moved\nstatus: Moved\n---\n\nThis proposal was moved to [the tools repository](https://example.org/tools/prop-${n}).\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', path.join(dir, 'props')], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/template +\S*proposal-template\.md \(named like a template/);
    expect(run.stdout).toContain('moved      4 files only say the pattern moved');
  });
});

describe('init --adopt: templates of two kinds of document in the repository above the folder', () => {
  const oven = '# OCP-NNNN: <title>\n\n## Working Group\n\nWho.\n\n## Test Cases\n\nWhich.\n\n## Implementation\n\nHow.\n\n## Exit Criteria\n\nWhen done.\n';
  const recipe = '# REP-NNNN: <title>\n\n## Summary\n\nWhat.\n\n## Dependencies\n\nWhich.\n\n## Security Concerns\n\nRisks.\n';
  const rep = (n: number, oddOne: boolean) =>
    oddOne
      ? `# REP-000${n}: Dish ${n}\n\n## Summary\n\nDish ${n}.\n\n## Test Cases\n\nTaste it.\n\n## Implementation\n\nCook it.\n`
      : `# REP-000${n}: Dish ${n}\n\n## Summary\n\nDish ${n}.\n\n## Dependencies\n\nFlour.\n\n## Security Concerns\n\nHot pans.\n`;

  it('a template named for another kind (`ocp-template.md` beside `rep-*.md` proposals) is no sibling of theirs', async () => {
    const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n', 'ocp-template.md': oven, 'rep-template.md': recipe };
    for (const n of [1, 2, 3, 4, 5]) files[`ext/rep-000${n}.md`] = rep(n, n === 2 || n === 3);
    const repo = await tempCatalog(files);
    const run = await runCli(['init', '--adopt'], path.join(repo, 'ext'));
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(path.join(repo, 'ext'))).template).toBe('../rep-template.md');
  });

  it('a file in a folder of templates beside the documents’ folder (`templates/design.md` beside `designs/`), named for no template, is the catalog’s where the documents have its sections; not where they do not', async () => {
    const design =
      '# Title\n\n## Summary\n\n<!-- One paragraph. -->\n\n## Motivation\n\n<!-- Why. -->\n\n## Detailed Design\n\n<!-- How. -->\n\n## Drawbacks\n\n<!-- Why not. -->\n';
    const doc = (n: number, drawbacks: boolean) =>
      `# Lint rule ${n}\n\n## Summary\n\nRule ${n} in brief.\n\n## Motivation\n\nBugs of kind ${n}.\n\n## Detailed Design\n\nA visitor for ${n}.\n${drawbacks ? `\n## Drawbacks\n\nSlower by ${n}%.\n` : ''}`;
    const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n', 'templates/design.md': design };
    for (const n of [1, 2, 3, 4, 5]) files[`designs/rule-${n}/README.md`] = doc(n, n !== 3);
    const repo = await tempCatalog(files);
    const run = await runCli(['init', '--adopt'], path.join(repo, 'designs'));
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(path.join(repo, 'designs'))).template).toBe('../templates/design.md');
    // (A page of the folder of templates the documents do not follow is not taken: a template is derived.)
    const other: Record<string, string> = { ...files, 'templates/design.md': '# Title\n\n## Goals\n\nWhat.\n\n## Budget\n\nHow much.\n\n## Timeline\n\nWhen.\n' };
    const repo2 = await tempCatalog(other);
    expect((await runCli(['init', '--adopt'], path.join(repo2, 'designs'))).code).toBe(0);
    expect((await configOf(path.join(repo2, 'designs'))).template).not.toBe('../templates/design.md');
  });

  it('a sibling of the same kind found there is written relative to the configuration', async () => {
    const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n', 'rep-template.md': recipe, 'rep-template-tests.md': oven.replace(/OCP/g, 'REP') };
    for (const n of [1, 2, 3, 4, 5]) files[`ext/rep-000${n}.md`] = rep(n, n === 2 || n === 3);
    const repo = await tempCatalog(files);
    const run = await runCli(['init', '--adopt'], path.join(repo, 'ext'));
    expect(run.code, run.stderr).toBe(0);
    const template = (await configOf(path.join(repo, 'ext'))).template;
    expect(Array.isArray(template) ? template.every((t) => typeof t === 'string' && t.startsWith('../')) : template).toBe(true);
  });
});

describe('init --adopt: proposals at two depths beside a larger folder of meeting notes', () => {
  // Accepted proposals in `Accepted/*.md`, older ones in `Archive/<outcome>/*.md`, and at that
  // same depth many more meeting notes (`Meetings/notes/*.md`) that share none of the template's sections.
  const template = '# Proposal NNNN: <title>\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat.\n\n## Alternatives Considered\n\nWhat else.\n';
  const proposal = (n: number, name: string) =>
    `# Proposal ${n}: ${name}\n\n## Motivation\n\nWhy ${name}.\n\n## Specification\n\nHow ${name} works.\n\n## Alternatives Considered\n\nNone better than ${name}.\n`;
  const notes = (n: number) => `# Meeting ${n}\n\n## Attendees\n\nThe usual crowd.\n\n## Agenda\n\nItem ${n}.\n\n## Decisions\n\nNone.\n`;

  it('the named template is the catalog’s, and the older proposals at the other depth join without the notes', async () => {
    const files: Record<string, string> = { 'PROPOSAL-TEMPLATE.md': template };
    for (const n of [1, 2, 3, 4]) files[`Accepted/P000${n}-thing-${n}.md`] = proposal(n, `thing ${n}`);
    for (const n of [5, 6, 7]) files[`Archive/Rejected/P000${n}-idea-${n}.md`] = proposal(n, `idea ${n}`);
    for (const n of [8, 9]) files[`Archive/Withdrawn/P000${n}-plan-${n}.md`] = proposal(n, `plan ${n}`);
    for (let n = 10; n < 30; n++) files[`Meetings/notes/2020-01-${n}.md`] = notes(n);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toBe('PROPOSAL-TEMPLATE.md');
    const globs = config.patterns as string[];
    const picked = picomatch(globs);
    const rels = Object.keys(files).filter((rel) => picked(rel));
    expect(rels.sort()).toEqual(
      Object.keys(files)
        .filter((rel) => /\/P000\d/.test(rel))
        .sort(),
    );
    expect(run.stdout).toMatch(/patterns +.*: 9 files/);
  });
});

describe('init --adopt: the current documents beside more retired ones in the same shape under `deprecated/`', () => {
  it('takes the current ones, `*/*.md`, with the retired ones joining (`deprecated/*/*.md`), no template file in the catalog', async () => {
    // (Written each in its own words, few sections shared: the template is derived from both.)
    const spec = (name: string, sections: string[]) => `# ${name}\n\n${sections.map((h) => `## ${h}\n\nOn ${name}, ${h.toLowerCase()}.\n`).join('\n')}`;
    const slug = (n: string, name: string) => `${n}-${name.toLowerCase().replace(/ /g, '-')}`;
    const files: Record<string, string> = { 'README.md': '# Wire Specs\n\nThe specs.\n' };
    const current: [string, string][] = [
      ['0010', 'Packet framing'],
      ['0011', 'Address format'],
      ['0014', 'Route hints'],
    ];
    const retired: [string, string][] = [
      ['0001', 'Old framing'],
      ['0002', 'Old quoting'],
      ['0003', 'Ledger plugin'],
      ['0004', 'Old routing'],
      ['0005', 'Old addresses'],
    ];
    for (const [n, name] of current) files[`${slug(n, name)}/${slug(n, name)}.md`] = spec(name, ['Motivation', 'Design', 'Security']);
    for (const [n, name] of retired) files[`deprecated/${slug(n, name)}/${slug(n, name)}.md`] = spec(name, ['Introduction', 'Overview', 'Specification']);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const picked = picomatch((await configOf(dir)).patterns as string[]);
    expect(
      Object.keys(files)
        .filter((rel) => picked(rel))
        .sort(),
    ).toEqual(
      Object.keys(files)
        .filter((rel) => rel !== 'README.md')
        .sort(),
    );
  });
});

describe('init --adopt: specs as single files and as folders each holding a `spec.md`', () => {
  it('takes them all: a file named alike in folders of its own is a pattern per folder, not a copy of the catalog', async () => {
    const template = '# Spec title\n\n## Abstract\n\nWhat it is.\n\n## Design\n\nHow.\n';
    const spec = (name: string) => `# ${name}\n\n## Abstract\n\n${name} in short.\n\n## Design\n\nHow ${name} works.\n`;
    const files: Record<string, string> = { 'spec-template.md': template };
    for (const n of [1, 2, 3]) files[`#${n} - Top ${n}.md`] = spec(`Top ${n}`);
    for (const n of [4, 5, 6, 7, 8, 9, 10]) files[`#${n} - Folder ${n}/spec.md`] = spec(`Folder ${n}`);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const picked = picomatch((await configOf(dir)).patterns as string[]);
    expect(Object.keys(files).filter((rel) => picked(rel) && rel !== 'spec-template.md')).toHaveLength(10);
    expect(run.stdout).toMatch(/patterns +.*: 10 files/);
  });
});

describe('init --adopt: collections in folders, each with its own template beside its documents', () => {
  it('takes every collection, each document judged by its folder’s template', async () => {
    const files: Record<string, string> = {
      'patterns/pattern.template.md': '# Pattern name\n\n## Solution\n\nWhat to do.\n\n## Considerations\n\nTrade-offs.\n',
      'principles/principle.template.md': '# Principle name\n\n## Rationale\n\nWhy.\n\n## Applications and Implications\n\nWhat follows.\n',
      'standards/standard.template.md': '# Standard name\n\n## Requirement(s)\n\nWhat must be done.\n',
    };
    for (const n of ['cache', 'queue', 'retry']) files[`patterns/${n}.md`] = `# ${n}\n\n## Solution\n\nUse a ${n}.\n\n## Considerations\n\nCosts of a ${n}.\n`;
    for (const n of ['fast', 'open', 'safe', 'simple'])
      files[`principles/${n}.md`] = `# Be ${n}\n\n## Rationale\n\nBeing ${n} helps.\n\n## Applications and Implications\n\nStay ${n}.\n`;
    for (const n of ['logging', 'naming', 'secrets', 'testing']) files[`standards/${n}.md`] = `# ${n}\n\n## Requirements\n\nDo ${n} well.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const picked = picomatch((await configOf(dir)).patterns as string[]);
    const documents = Object.keys(files).filter((rel) => !rel.includes('.template.'));
    expect(documents.filter((rel) => picked(rel))).toEqual(documents);
    expect((await lintFindings(dir)).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('init --adopt: a folder that keeps a template of its own is judged by it (`overrides`)', () => {
  it('a document of a folder is judged by that folder’s template, even where it has another folder’s sections', async () => {
    const files: Record<string, string> = {
      'principles/principle.template.md': '# Principle name\n\n## Rationale\n\nWhy.\n\n## Applications and Implications\n\nWhat follows.\n',
      'standards/standard.template.md':
        '# Standard name\n\n## Requirement(s)\n\n### Requirement 1\n\n<!-- what it asks -->\n\n### Requirement 2\n\n<!-- what it asks -->\n\n---\n',
    };
    for (const n of ['fast', 'open', 'safe', 'simple', 'small'])
      files[`principles/${n}.md`] = `# Be ${n}\n\n## Rationale\n\nBeing ${n} helps.\n\n## Applications and Implications\n\nStay ${n}.\n`;
    for (const n of ['logging', 'naming', 'secrets'])
      files[`standards/${n}.md`] = `# ${n}\n\n## Requirements\n\n### You must do ${n} well\n\nAlways.\n\n### You must write ${n} down\n\nSomewhere.\n`;
    // A standard written as a principle: a standard without its requirements, by its folder's template.
    files['standards/reasons.md'] = '# Reasons\n\n## Rationale\n\nBecause.\n\n## Applications and Implications\n\nThen.\n';
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toBe('principles/principle.template.md');
    expect(config.overrides).toEqual([
      { files: ['standards/*.md'], template: 'standards/standard.template.md', sections: { 'Requirement(s)': { aliases: ['Requirements'] } } },
    ]);
    expect(run.stdout).toMatch(/template +standards\/standard\.template\.md for standards\/\*\.md \(3 of the 4 documents there have its sections/);
    const errors = errorsOf(await lintFindings(dir));
    expect(errors.map((e) => [path.basename(e.file), e.rule])).toEqual([['reasons.md', 'required-section']]);
    expect(errors[0]!.message).toContain('Requirement(s)');
    // (The numbered requirements are slots for the author's own headings: no unknown section.)
    expect((await lintFindings(dir)).filter((f) => f.rule === 'unknown-section' && !f.file.endsWith('reasons.md'))).toEqual([]);
  });

  it('two templates at the root, each folder’s README naming its own (or its documents named for it): each folder judged by its own', async () => {
    const big =
      '## Summary\n\nOne line.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat.\n\n## Rationale\n\nWhy so.\n\n## Rollout\n\nWhen.\n\n## Exit Criteria\n\nDone when.\n';
    const small = '## Summary\n\nOne line.\n\n## Dependencies\n\nNeeds.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat.\n\n## Changelog\n\nVersions.\n';
    const files: Record<string, string> = {
      'README.md': '# Protocol documents\n\nCore changes in `core/`, ecosystem standards in `ecosystem/`.\n',
      'core-template.md': `# Core change\n\n${big}`,
      'eco-template.md': `# Ecosystem standard\n\n${small}`,
      'core/README.md': '# Core changes\n\nWrite one from the [core template](../core-template.md).\n',
      'ecosystem/README.md': '# Ecosystem standards\n\nDraft a formal proposal using the [Standard Template](../eco-template.md).\n',
    };
    const fill = (text: string, n: string) => text.replace(/\n(One line|Why|What|Why so|When|Done when|Versions|Needs)\.\n/g, `\n$1 for ${n}.\n`);
    for (const n of ['0001', '0002', '0003', '0004', '0005']) files[`core/core-${n}.md`] = `# Core ${n}\n\n${fill(big, n)}`;
    for (const n of ['0001', '0002', '0003', '0004']) files[`ecosystem/eco-${n}.md`] = `# Standard ${n}\n\n${fill(small, n)}`;
    for (const linked of [true, false]) {
      const these = { ...files };
      // (Without the README's link, the documents named for the template, `eco-0001.md`…, say it.)
      if (!linked) these['ecosystem/README.md'] = '# Ecosystem standards\n\nOne file per standard.\n';
      const dir = await tempCatalog(these);
      // (The core template named the catalog's, as a user does who knows it: the other is found.)
      const run = await runCli(['init', '--adopt', dir, '--template', path.join(dir, 'core-template.md')], REPO);
      expect(run.code, run.stderr).toBe(0);
      const config = await configOf(dir);
      expect(config.template, String(linked)).toBe('core-template.md');
      expect(config.overrides, String(linked)).toEqual([expect.objectContaining({ files: ['ecosystem/*.md'], template: 'eco-template.md' })]);
      expect(errorsOf(await lintFindings(dir)), String(linked)).toEqual([]);
    }
  });

  it('a folder the catalog’s template does not fit joins the patterns with its own template', async () => {
    const files: Record<string, string> = {
      'proposals/000-template.md': '# [Proposal title]\n\n## Summary\n\nOne paragraph.\n\n## Problem\n\nWhat is wrong.\n\n## Proposal\n\nWhat to do.\n',
      'records/000-template.md': '# [Decision title]\n\n## Decision\n\nWhat was decided.\n\n## Rationale\n\nWhy.\n\n## Outcomes\n\nWhat came of it.\n',
      'README.md': '# Architecture\n\nProposals and records.\n',
    };
    for (const n of ['cache', 'queue', 'retry', 'shard', 'pool'])
      files[`proposals/00${n.length}-${n}.md`] = `# Add a ${n}\n\n## Summary\n\nA ${n}.\n\n## Problem\n\nNo ${n}.\n\n## Proposal\n\nAdd a ${n}.\n`;
    for (const n of ['css', 'js', 'fonts'])
      files[`records/00${n.length}-${n}.md`] = `# Ship ${n}\n\n## Decision\n\nShip ${n}.\n\n## Rationale\n\n${n} helps.\n\n## Outcomes\n\nShipped.\n`;
    files['records/009-icons.md'] = '# Ship icons\n\n## Decision\n\nShip icons.\n\n## Rationale\n\nThey help.\n';
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    const picked = picomatch(config.patterns as string[]);
    expect(Object.keys(files).filter((rel) => picked(rel) && !rel.includes('template'))).toHaveLength(9);
    expect(config.overrides).toEqual([{ files: ['records/*.md'], template: 'records/000-template.md' }]);
    expect(run.stdout).not.toContain('left out');
    const errors = errorsOf(await lintFindings(dir));
    expect(errors.map((e) => [path.basename(e.file), e.rule])).toEqual([['009-icons.md', 'required-section']]);
    expect(errors[0]!.message).toContain('Outcomes');
  });
});

describe('init --adopt: templates and patterns named otherwise', () => {
  it('a blank record to copy named so (`BLANK-RECORD.md`) is the template where the records have its sections', async () => {
    const files: Record<string, string> = {
      'BLANK-RECORD.md': '# <NUMBER>. <TITLE>\n\nDate: YYYY-MM-DD\n\n## Status\n\n<status>\n\n## Context\n\n<context>\n\n## Decision\n\n<decision>\n',
      'README.md': '# Records\n\nCopy the blank record.\n',
    };
    for (const [i, n] of ['queues', 'caches', 'logs'].entries())
      files[`records/000${i + 1}-${n}.md`] =
        `# ${i + 1}. Use ${n}\n\nDate: 2024-0${i + 1}-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need ${n}.\n\n## Decision\n\nUse ${n}.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('BLANK-RECORD.md');
  });

  it('a pattern kept in a folder of its own with its side files, named as the folder, is taken beside the others', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
    const doc = (n: string) => `# ${n}\n\n## Summary\n\n${n} in short.\n\n## Motivation\n\nWhy ${n}.\n\n## Design\n\nHow ${n} works.\n`;
    const files: Record<string, string> = {
      'YYYYMMDD-template.md': template,
      '20240101-alpha.md': doc('Alpha'),
      '20240201-beta.md': doc('Beta'),
      '20240301-gamma.md': doc('Gamma'),
      '20240401-delta/20240401-delta.md': doc('Delta'),
      '20240401-delta/test-plan.md': '# Test plan\n\nRun the suite twice.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const picked = picomatch((await configOf(dir)).patterns as string[]);
    expect(Object.keys(files).filter((rel) => picked(rel) && !rel.includes('template'))).toEqual([
      '20240101-alpha.md',
      '20240201-beta.md',
      '20240301-gamma.md',
      '20240401-delta/20240401-delta.md',
    ]);
  });
});

describe('init --adopt: parts other pages include', () => {
  it('a file the proposals include (`[!INCLUDE[…](../disclaimer.md)]`) is left out, named, not taken as a proposal', async () => {
    const template = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow.\n';
    const files: Record<string, string> = {
      'proposal-template.md': template,
      'disclaimer.md': '> [!NOTE]\n> This page is a specification.\n',
    };
    for (const n of ['ranges', 'spans', 'slices'])
      files[`v1/${n}.md`] = `# ${n}\n\n[!INCLUDE[Disclaimer](../disclaimer.md)]\n\n## Summary\n\n${n} in short.\n\n## Design\n\nHow ${n} work.\n`;
    for (const n of ['tuples', 'records']) files[`${n}.md`] = `# ${n}\n\n## Summary\n\n${n} in short.\n\n## Design\n\nHow ${n} work.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    const picked = picomatch(config.patterns as string[]);
    const left = picomatch((config.exclude as string[] | undefined) ?? []);
    expect(Object.keys(files).filter((rel) => picked(rel) && !left(rel) && !rel.includes('template'))).toHaveLength(5);
    expect(left('disclaimer.md')).toBe(true);
    expect(run.stdout).toMatch(/exclude +disclaimer\.md \(a part other pages include/);
  });
});

describe('init --adopt: a template kept after a `## Template:` heading of the process page', () => {
  it('takes `contributing/proposal-process.md`’s template part as the template', async () => {
    const files: Record<string, string> = {
      'contributing/proposal-process.md':
        '# Proposals process\n\nWrite one before a large change.\n\n## Why a process?\n\nSo changes are discussed.\n\n## Template:\n\n## Your Proposal Title\n\n## Why\n\nThe motivation.\n\n## Goals\n\nWhat it achieves.\n\n## How\n\nThe design.\n',
      'contributing/releases.md': '# Releases\n\n## Cadence\n\nMonthly.\n',
    };
    for (const n of ['sharding', 'caching', 'tracing'])
      files[`proposals/2024-${n}.md`] = `## ${n}\n\n## Why\n\nNeed ${n}.\n\n## Goals\n\nFast ${n}.\n\n## How\n\nDo ${n}.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('contributing/proposal-process.md');
    expect(run.stdout).toContain('after a heading that says `Template`');
  });
});

describe('init --adopt: a derived template whose every section is optional', () => {
  it("welcomes the patterns' own sections: their headings are no unknown sections", async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++)
      files[`p${i}.md`] =
        `# Proposal ${i}\n\n## Topic ${i} alpha\n\nText ${i}.\n\n## Topic ${i} beta\n\nMore ${i}.\n${i <= 5 ? `\n## Implementation plan\n\nSteps for ${i}.\n` : ''}`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'templates/pattern.md'), 'utf8')).toContain('add sections as needed');
    const lint = await runCli(['lint', dir, '--format', 'json'], REPO);
    expect((JSON.parse(lint.stdout) as { results: { diagnostics: { ruleId: string }[] }[] }).results.flatMap((r) => r.diagnostics.map((d) => d.ruleId))).toEqual([]);
  });
});
