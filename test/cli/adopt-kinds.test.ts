import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempCatalog } from '../helpers.js';
import { configOf, lintOf, pickedOf } from './_adopt.js';

/**
 * A catalog of two kinds of documents, each written from its own template, the templates kept side by
 * side (`templates/pattern.md` and `templates/recipe.md`; `template_design.md` and
 * `template_antipattern.md` at the top) and each kind in folders of its own: `init --adopt` takes both
 * kinds, each judged by its own template, never the second kind left out as "not written from the
 * template".
 */

const errorsOf = (report: Awaited<ReturnType<typeof lintOf>>) =>
  report.results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => [path.basename(path.dirname(r.file)), d.ruleId, d.message]));

describe('init --adopt: sibling templates for two kinds of documents kept in folders of their own', () => {
  const pattern = (n: string, cut = false) =>
    `---\ntitle: ${n}\n---\n\n## Problem\n\nWhat goes wrong without ${n}.\n\n## Forces\n\nWhat pulls against ${n}.\n\n${cut ? '' : `## Solution\n\nHow ${n} answers it.\n\n`}## Known Uses\n\nWhere ${n} is used.\n`;
  const recipe = (n: string) =>
    `---\ntitle: ${n} on a cloud\n---\n\n## Use Case\n\nWhen to build ${n}.\n\n## Ingredients\n\nThe services ${n} needs.\n\n## Steps\n\n1. Set up ${n}.\n\n## Assumptions\n\nWhat ${n} takes for granted.\n`;
  const templates = {
    pattern:
      '---\ntitle: "{pattern name}"\n---\n\n## Problem\n\nSay the problem.\n\n## Forces\n\nList the forces.\n\n## Solution\n\nDescribe the solution.\n\n## Known Uses\n\nName some uses.\n',
    recipe:
      '---\ntitle: "{recipe name}"\n---\n\n## Use Case\n\nSay when.\n\n## Ingredients\n\nList them.\n\n## Steps\n\n1. First step.\n\n## Assumptions\n\nSay what is assumed.\n',
  };

  it('templates kept together in a folder of templates: each kind in its folders, judged by its own (an `overrides` entry)', async () => {
    const files: Record<string, string> = {
      'site/content/guide/templates/pattern.md': templates.pattern,
      'site/content/guide/templates/recipe.md': templates.recipe,
      'site/content/guide/index.md': '# Contributing\n\nCopy a template from templates/.\n',
      'site/content/index.md': '# Home\n\nPatterns and recipes.\n',
    };
    const patterns = ['bulkhead', 'outbox', 'sidecar', 'throttle'];
    for (const n of patterns) files[`site/content/patterns/${n}/index.md`] = pattern(n, n === 'throttle');
    for (const [i, n] of ['bulkhead', 'outbox', 'sidecar', 'throttle', 'outbox'].entries()) files[`site/content/recipes/cloud/${n}/${n}-${i}/index.md`] = recipe(n);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/not taken.*patterns/);
    const config = await configOf(dir);
    const picked = picomatch(config.patterns as string[]);
    for (const n of patterns) expect(picked(`site/content/patterns/${n}/index.md`), n).toBe(true);
    const overrides = config.overrides as { files: string[]; template: string }[];
    expect(overrides).toHaveLength(1);
    const kinds = [config.template, overrides[0]!.template].sort();
    expect(kinds).toEqual(['site/content/guide/templates/pattern.md', 'site/content/guide/templates/recipe.md']);
    // The one pattern without its Solution is told; the recipes are not asked for a pattern's sections.
    const errors = errorsOf(await lintOf(dir, REPO));
    expect(errors.map(([file, rule]) => [file, rule])).toEqual([['throttle', 'required-section']]);
    expect(errors[0]![2]).toContain('Solution');
  });

  it('templates side by side at the top, the second kind one folder deeper with its translations: the translations stay out', async () => {
    const files: Record<string, string> = {
      'template_design.md': templates.pattern.replace('{pattern name}', '{design name}'),
      'template_antipattern.md':
        '---\ntitle: "{anti-pattern name}"\n---\n\n## Case\n\nSay what teams do.\n\n## Why it hurts\n\nSay why.\n\n## Way out\n\nSay what to do instead.\n',
      'README.md': '# Designs\n\nCopy template_design.md or template_antipattern.md.\n',
    };
    const bad = (n: string) => `---\ntitle: ${n}\n---\n\n## Case\n\nTeams do ${n}.\n\n## Why it hurts\n\n${n} hurts.\n\n## Way out\n\nStop ${n}.\n`;
    for (const cat of ['Serving', 'Training']) {
      files[`${cat}/README.md`] = `# ${cat}\n\nThe ${cat} designs.\n`;
      files[`${cat}/Anti-patterns/README.md`] = `# ${cat} anti-patterns\n\nWhat not to do.\n`;
      for (const n of ['cache', 'batch', 'stream']) {
        files[`${cat}/${n}/design_en.md`] = pattern(`${cat} ${n}`);
        files[`${cat}/${n}/design_ja.md`] = `---\ntitle: ${cat} ${n} ja\n---\n\n## 問題\n\n${n}\n`;
      }
      for (const n of ['silo', 'hoard']) {
        files[`${cat}/Anti-patterns/${n}/design_en.md`] = bad(`${cat} ${n}`);
        files[`${cat}/Anti-patterns/${n}/design_ja.md`] = `---\ntitle: ${cat} ${n} ja\n---\n\n## 事例\n\n${n}\n`;
      }
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toBe('template_design.md');
    expect(config.overrides).toEqual([expect.objectContaining({ template: 'template_antipattern.md' })]);
    expect(await pickedOf(dir, files)).toEqual(
      Object.keys(files)
        .filter((rel) => rel.endsWith('design_en.md'))
        .sort(),
    );
    expect(errorsOf(await lintOf(dir, REPO))).toEqual([]);
  });
});

describe('init --adopt: a second kind of document whose template is kept in another folder than the catalog’s', () => {
  it('`governance/club-charter-template.md` and `clubs/*/CHARTER.md` beside `proposals/` and its template: the charters join, judged by theirs', async () => {
    const files: Record<string, string> = {
      'proposals/0000-proposal-template.md':
        '# Title of proposal\n\n## Objective\n\nSay what and why.\n\n## Motivation\n\nSay who needs it.\n\n## Design\n\nSay how it works.\n\n## Questions\n\nList open ones.\n',
      'governance/club-charter-template.md':
        '# Club: [name]\n\n## Purpose\n\nSay what the club is for.\n\n## Members\n\nSay who may join.\n\n## Meetings\n\nSay when it meets.\n\n## Contacts\n\nSay how to reach it.\n',
      'governance/how-we-decide.md': '# How we decide\n\nCopy proposals/0000-proposal-template.md for a proposal.\n',
      'README.md': '# The garden society\n\nProposals and clubs.\n',
    };
    const proposal = (n: string) =>
      `# ${n}\n\n## Objective\n\nA ${n}.\n\n## Motivation\n\nPeople want a ${n}.\n\n## Design\n\nThe ${n} is built so.\n\n## Questions\n\nNone yet.\n`;
    const charter = (n: string) =>
      `# Club: ${n}\n\n## Purpose\n\nThe ${n} club grows ${n}.\n\n## Members\n\nAnyone who likes ${n}.\n\n## Meetings\n\nSundays.\n\n## Contacts\n\nThe ${n} list.\n`;
    for (const [i, n] of ['compost bin', 'tool shed', 'rain barrel', 'seed swap', 'bee hotel'].entries())
      files[`proposals/2024010${i}-${n.replace(' ', '-')}.md`] = proposal(n);
    for (const n of ['roses', 'herbs', 'squash', 'ferns']) files[`clubs/${n}/CHARTER.md`] = charter(n);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toBe('proposals/0000-proposal-template.md');
    expect(config.overrides).toEqual([expect.objectContaining({ template: 'governance/club-charter-template.md' })]);
    expect(await pickedOf(dir, files)).toEqual(
      Object.keys(files)
        .filter((rel) => /^proposals\/2024/.test(rel) || rel.endsWith('/CHARTER.md'))
        .sort(),
    );
    expect(errorsOf(await lintOf(dir, REPO))).toEqual([]);
  });
});

describe('init --adopt: translations kept beside each document, named by their language (`logging.french.md`)', () => {
  it('are no documents of their own: the template is chosen by the originals, and the translations are left out by their ending', async () => {
    const files: Record<string, string> = {
      'sections/template.md': '# Title here\n\n### One Paragraph Explainer\n\nText\n\n### Code Example\n\n```js\ncode here\n```\n',
      'README.md': '# Practices\n\nOne page per practice.\n',
    };
    const practice = (n: string) => `# Handle ${n} well\n\n### One Paragraph Explainer\n\nWhy ${n} matters.\n\n### Code Example\n\n\`\`\`js\n${n}();\n\`\`\`\n`;
    const french = (n: string) => `# Bien gérer ${n}\n\n### Explication en un paragraphe\n\nPourquoi ${n} compte.\n`;
    const japanese = (n: string) => `# ${n} を正しく扱う\n\n### 一段落説明\n\n${n} が大切な理由。\n`;
    for (const [folder, names] of [
      ['errors', ['logging', 'retry', 'timeout']],
      ['testing', ['mocking', 'naming', 'coverage']],
    ] as const)
      for (const n of names) {
        files[`sections/${folder}/${n}.md`] = practice(`${folder} ${n}`);
        files[`sections/${folder}/${n}.french.md`] = french(`${folder} ${n}`);
        files[`sections/${folder}/${n}.japanese.md`] = japanese(`${folder} ${n}`);
      }
    // (One whose English page is gone is a translation all the same.)
    files['sections/testing/mocks.french.md'] = french('mocks');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toBe('sections/template.md');
    expect(config.exclude).toEqual(expect.arrayContaining(['**/*.french.md', '**/*.japanese.md']));
    expect(await pickedOf(dir, files)).toEqual(
      Object.keys(files)
        .filter((rel) => /^sections\/\w+\/\w+\.md$/.test(rel))
        .sort(),
    );
    expect(errorsOf(await lintOf(dir, REPO))).toEqual([]);
  });
});

describe('init --adopt: the folder that holds most of the documents written from the template is never left out for its older ones', () => {
  it('`core/` with 4 of 9 in the template’s shape beside `cli/` with 2 of 3: both taken', async () => {
    const files: Record<string, string> = {
      'TEMPLATE.md': '# Title\n\n### Introduction\n\nSay what it is.\n\n### Background\n\nSay why.\n\n### Proposal\n\nSay how.\n',
      'README.md': '# Designs\n\nCopy TEMPLATE.md.\n',
    };
    const design = (n: string) => `# ${n}\n\n### Introduction\n\n${n} in short.\n\n### Background\n\nWhy ${n}.\n\n### Proposal\n\nHow ${n} works.\n`;
    const older = (n: string) => `# ${n}\n\n## Goals\n\nWhat ${n} is for.\n\n## Design\n\nHow ${n} works.\n`;
    for (const n of ['sharding', 'routing', 'tracking', 'rollout']) files[`core/${n}.md`] = design(n);
    for (const n of ['appfile', 'env', 'helm', 'route2', 'apply']) files[`core/${n}.md`] = older(n);
    for (const n of ['defkit', 'top']) files[`cli/${n}.md`] = design(n);
    files['cli/notes.md'] = older('notes');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    const picked = picomatch(config.patterns as string[]);
    expect(Object.keys(files).filter((rel) => picked(rel) && /^(?:core|cli)\//.test(rel))).toHaveLength(12);
  });
});

describe('init --adopt: index pages of chapters beside the patterns are no folder-per-pattern layout', () => {
  it('`chapters/*/index.md` (a list of links each) beside `patterns/*/*.md` that share five sections: the patterns are taken', async () => {
    const files: Record<string, string> = {};
    const pattern = (n: string) =>
      `---\ntitle: Step ${n}\n---\n\n## Purpose\n\nWhat step ${n} is for.\n\n## Motivation\n\nWhy step ${n}.\n\n## Applicability\n\nWhen step ${n} applies.\n\n## Structure\n\nHow step ${n} is built.\n\n## Related patterns\n\nThe other steps.\n`;
    for (let i = 0; i < 6; i++) {
      files[`patterns/design/design-step-${i}.md`] = pattern(`d${i}`);
      files[`patterns/solution/solution-step-${i}.md`] = pattern(`s${i}`);
    }
    files['patterns/design/index.md'] = '---\ntitle: Design patterns\n---\n\nThe design steps.\n';
    files['patterns/solution/index.md'] = '---\ntitle: Solution patterns\n---\n\nThe solution steps.\n';
    for (let c = 1; c <= 4; c++) {
      files[`chapters/chapter-0${c}/index.md`] = `---\ntitle: Chapter ${c}\n---\n\n## Sections\n\n- [Part one](part-one.md)\n- [Part two](part-two.md)\n`;
      files[`chapters/chapter-0${c}/part-one.md`] = `---\ntitle: Chapter ${c}, part one\n---\n\nThe first part of chapter ${c}.\n`;
      files[`chapters/chapter-0${c}/part-two.md`] = `---\ntitle: Chapter ${c}, part two\n---\n\nThe second part of chapter ${c}.\n`;
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(
      Object.keys(files)
        .filter((rel) => /-step-\d\.md$/.test(rel))
        .sort(),
    );
  });
});

describe('init --adopt: landing pages of groups of patterns (a grid of links, no section) are no patterns', () => {
  it('left out as listing pages, so the sections every pattern has are required of them all', async () => {
    const files: Record<string, string> = {};
    const names = ['saga', 'race', 'debounce', 'heartbeat', 'fan-out', 'polling', 'retry-budget', 'timer-reset'];
    for (const n of names)
      files[`docs/${n}.md`] =
        `# ${n}\n\n## Overview\n\n${n} in short.\n\n## Problem\n\nWhat hurts without ${n}.\n\n## Solution\n\nHow ${n} helps.\n\n## Related patterns\n\nThe others.\n`;
    const tiles = (list: string[]) => list.map((n) => `<div class="tile"><a href="${n}"><span>${n}</span></a></div>`).join('\n');
    files['docs/ordering-patterns.md'] = `# Ordering patterns\n\nPatterns grouped under one heading.\n\n<div class="grid">\n${tiles(names.slice(0, 4))}\n</div>\n`;
    files['docs/routing-patterns.md'] = `# Routing patterns\n\nPatterns grouped under one heading.\n\n<div class="grid">\n${tiles(names.slice(4))}\n</div>\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.exclude).toEqual(expect.arrayContaining(['docs/ordering-patterns.md', 'docs/routing-patterns.md']));
    const template = await readFile(path.join(dir, 'templates/pattern.md'), 'utf8');
    expect(template).not.toContain('(optional)');
    await writeFile(path.join(dir, 'docs/saga.md'), '# saga\n\n## Overview\n\nSaga in short.\n\n## Solution\n\nHow.\n\n## Related patterns\n\nThe others.\n');
    expect(errorsOf(await lintOf(dir, REPO))).toEqual([['docs', 'required-section', expect.stringContaining('Problem')]]);
  });
});

describe('init --adopt: a family folder left out for its files written otherwise', () => {
  it('keeps the file there written to the template as a whole', async () => {
    const files: Record<string, string> = {
      'CONTRIBUTING.md': '# Contributing\n\n## Pattern Template\n\n```markdown\n# <Pattern-Name>\n<Pattern description>\n\n## Implementation\n\n## Usage\n```\n',
    };
    const fits = (n: string) => `# ${n} Pattern\n\nThe ${n} pattern.\n\n## Implementation\n\nCode for ${n}.\n\n## Usage\n\nUse ${n}.\n`;
    const other = (n: string) => `# ${n} Pattern\n\nThe ${n} pattern.\n\n# Implementation and Example\n\nCode for ${n}.\n`;
    for (const [family, names] of Object.entries({
      creational: ['builder', 'factory'],
      structural: ['proxy', 'adapter'],
      behavioral: ['observer'],
      idiom: ['options'],
      profiling: ['timing'],
      stability: ['breaker'],
    }))
      for (const n of names) files[`${family}/${n}.md`] = fits(n);
    files['concurrency/generator.md'] = fits('generator');
    files['concurrency/fanout.md'] = other('fanout');
    files['concurrency/pool.md'] = other('pool');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toContain('concurrency/generator.md');
  });
});

describe('init --adopt: a document beside one that is said as not taken', () => {
  it('is said with it, never left out without a word', async () => {
    const record = (n: string) => `# ${n}\n\n## Problem\n\nWhat hurts in ${n}.\n\n## Decision\n\nWhat we do about ${n}.\n\n## Consequences\n\nWhat follows from ${n}.\n`;
    const files: Record<string, string> = {
      '0000-template.md': '# [Title]\n\n## Problem\n\nSay what hurts.\n\n## Decision\n\nSay what we do.\n\n## Consequences\n\nSay what follows.\n',
      '0001-queues.md': record('queues'),
      '0002-caches.md': record('caches'),
      '0003-logs.md': record('logs'),
      '0004-telemetry/0004-2-sidecar.md': record('sidecar'),
      '0004-telemetry/0004-1-collector.md': '## Send telemetry through a collector\n\n## Context\n\nNo direct access.\n\n## Choice\n\nA collector.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/not taken +0004-telemetry\/0004-2-sidecar\.md/);
    expect(run.stdout).toMatch(/not taken +0004-telemetry\/0004-1-collector\.md \(beside it, written otherwise/);
    expect(await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).toContain('0004-telemetry/0004-1-collector.md');
  });
});

describe('init --adopt: a template numbered and kept as a document of its series, titled as the template', () => {
  it('`lep-100/index.md` titled “LEP-100: LEP template”, with blanks to fill in: the template, not a document', async () => {
    const template =
      '---\ntitle: "LEP-100: LEP template"\n---\n\n* Status: Draft|Trial|Adopted|Retired\n\n## Gist\n\n(One or two sentences on the proposal.)\n\n## Goals\n\n(What it is for.)\n\n## Design\n\n(How it works.)\n';
    const doc = (n: number, name: string) =>
      `---\ntitle: "LEP-${n}: ${name}"\n---\n\n* Status: Trial\n\n## Gist\n\n${name} for every street.\n\n## Goals\n\nLight at night.\n\n## Design\n\nA timer on each pole.\n`;
    const files: Record<string, string> = { 'lep-100/index.md': template };
    for (const [n, name] of [
      [101, 'Dimmed lamps'],
      [102, 'Solar poles'],
      [103, 'Night buses'],
      [104, 'Quiet bells'],
    ] as const)
      files[`lep-${n}/index.md`] = doc(n, name);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toBe('lep-100/index.md');
    expect(await pickedOf(dir, files)).toEqual(['lep-101/index.md', 'lep-102/index.md', 'lep-103/index.md', 'lep-104/index.md']);
  });

  it('a document named for its topic (`lep-731-dimmed-lamps.md`, `lep-todo-night-buses.md`) whose title line is still the template’s: a document, its title a finding', async () => {
    const template =
      '# LEP-100: Template\n\n* Status: Draft|Trial|Adopted\n\n## Gist\n\n(One or two sentences.)\n\n## Goals\n\n(What it is for.)\n\n## Design\n\n(How it works.)\n';
    const doc = (title: string, name: string, status = 'Trial') =>
      `# ${title}\n\n* Status: ${status}\n\n## Gist\n\n${name} for every street, in two sentences of the author's.\n\n## Goals\n\nLight at night.\n\n## Design\n\nA timer on each pole.\n`;
    const files: Record<string, string> = {
      'leps/lep-100-template.md': template,
      'leps/lep-101-solar-poles.md': doc('LEP-101: Solar poles', 'Solar poles'),
      'leps/lep-102-quiet-bells.md': doc('LEP-102: Quiet bells', 'Quiet bells'),
      'leps/lep-103-wide-paths.md': doc('LEP-103: Wide paths', 'Wide paths'),
      // (Written from the template, its first line left as it was; one with its number not given yet.)
      // (Its status line's choices still there too: blanks of the template's, as in the template itself.)
      'leps/lep-731-dimmed-lamps.md': doc('LEP-100: Template', 'Dimmed lamps', 'Draft|Trial|Adopted'),
      'leps/lep-todo-night-buses.md': doc('LEP-100: Template', 'Night buses', 'Draft|Trial|Adopted'),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('leps/lep-100-template.md');
    expect(await pickedOf(dir, files)).toEqual([
      'leps/lep-101-solar-poles.md',
      'leps/lep-102-quiet-bells.md',
      'leps/lep-103-wide-paths.md',
      'leps/lep-731-dimmed-lamps.md',
      'leps/lep-todo-night-buses.md',
    ]);
    const lint = await runCli(['lint', dir], REPO);
    expect(lint.stdout).toMatch(/lep-731-dimmed-lamps\.md\n\s+1:1\s+error\s+The title is still the template's sample/);
  });
});
