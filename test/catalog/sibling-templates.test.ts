import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { lint } from '../../src/lint/lint.js';
import { lintBuilt, REPO, runCli, tempCatalog } from '../helpers.js';

// A catalog with two kinds of proposals, each written from its own template.
const PROPOSAL = '# [Title]\n\n## Summary\n\nSay it in a paragraph.\n\n## Motivation\n\nWhy it is needed.\n\n## Design\n\nHow it works.\n';
const RETIREMENT =
  '# [Title]\n\n## Summary\n\nSay it in a paragraph.\n\n## Transition Path\n\nHow users move off it.\n\n## Timeline\n\nWhen it goes.\n\n## How We Teach This\n\nWhat the docs say.\n';

const doc = (title: string, sections: string[]) => `# ${title}\n\n${sections.map((s) => `## ${s}\n\nWords about ${s.toLowerCase()} of ${title}.\n`).join('\n')}`;

async function catalog(config: Record<string, unknown> = {}, extra: Record<string, string> = {}): Promise<string> {
  return tempCatalog({
    'templates/proposal.md': PROPOSAL,
    'templates/retirement.md': RETIREMENT,
    'patternbook.config.json': JSON.stringify({ template: ['templates/proposal.md', 'templates/retirement.md'], patterns: ['text/*.md'], ...config }),
    'text/0001-cache.md': doc('Add a cache', ['Summary', 'Motivation', 'Design']),
    'text/0002-drop-xml.md': doc('Retire the XML API', ['Summary', 'Transition Path', 'Timeline', 'How We Teach This']),
    'text/0003-drop-v1.md': doc('Retire v1', ['Summary', 'Transition Path', 'Timeline']),
    'text/0004-half.md': doc('Half a proposal', ['Summary', 'Motivation']),
    ...extra,
  });
}

const findings = async (dir: string) =>
  (await lint({ root: dir })).results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path} ${d.ruleId}: ${d.message}`));

describe('sibling templates (`template: [a, b]`)', () => {
  it('judges each pattern by the template it follows best: only real problems by that template', async () => {
    const dir = await catalog();
    expect(await findings(dir)).toEqual([
      'text/0003-drop-v1.md required-section: Missing section `## How We Teach This`, expected after `## Timeline`.',
      'text/0004-half.md required-section: Missing section `## Design`, expected after `## Motivation`.',
    ]);
    // The same catalog judged by the first template alone: the retirements are reported against the proposal template.
    const alone = await catalog({ template: 'templates/proposal.md' });
    const report = await lint({ root: alone });
    const retirement = report.results.find((r) => r.path === 'text/0002-drop-xml.md')!.diagnostics.map((d) => d.ruleId);
    expect(retirement).toContain('required-section');
    expect(retirement).toContain('unknown-section');
  });

  it('judges by a sibling only a pattern that has two or more of the sections only it has (one is often an older name of a base section)', async () => {
    // `## Transition Path` alone: the base's, with its own section and the base's missing ones.
    const dir = await catalog({}, { 'text/0005-old.md': doc('An older proposal', ['Summary', 'Transition Path', 'Motivation', 'Design']) });
    expect((await findings(dir)).filter((f) => f.startsWith('text/0005'))).toEqual([]);
    const report = await lint({ root: dir });
    expect(report.results.find((r) => r.path === 'text/0005-old.md')!.diagnostics.map((d) => d.ruleId)).toEqual(['unknown-section']);
  });

  it('counts the rows of a table named for sections (`**Security**` | …) as those sections: a spec answering its capabilities so is the base’s', async () => {
    const dir = await tempCatalog({
      'templates/spec.md':
        '# [Title]\n\n## Summary\n\nWhat.\n\n## Capabilities\n\nEach one.\n\n### Security\n\nThreats?\n\n### Speed\n\nHow fast?\n\n### Cost\n\nHow much?\n',
      'templates/setting.md': '# [Title]\n\n## Summary\n\nWhat.\n\n## Background\n\nBefore.\n\n## Footnotes\n\nNotes.\n\n## Rollout\n\nWhen.\n',
      'patternbook.config.json': JSON.stringify({ template: ['templates/spec.md', 'templates/setting.md'], patterns: ['specs/*.md'] }),
      'specs/process-model.md':
        '# Process model\n\n## Summary\n\nTwo processes.\n\n## Background\n\nOne process today.\n\n## Capabilities\n\n<table>\n<tr><td><strong>Security</strong></td><td>Isolated.</td></tr>\n<tr><td><strong>Speed</strong></td><td>Same.</td></tr>\n<tr><td><strong>Cost</strong></td><td>More memory.</td></tr>\n</table>\n\n## Footnotes\n\n1. A note.\n',
    });
    // (By the settings template it would lack its Rollout: judged by the spec's, it lacks nothing.)
    expect(await findings(dir)).toEqual([]);
  });

  it('takes no heading that is a code span (a field’s name, `` ### `timeline` ``) for a sibling’s section', async () => {
    const fields =
      '# Config fields\n\n## Summary\n\nThe fields.\n\n## Design\n\nEach field below.\n\n### `transition path`\n\nWhere users go.\n\n### `timeline`\n\nWhen.\n';
    const dir = await catalog({}, { 'text/0007-fields.md': fields });
    // (Judged by the proposal template: its Motivation is missing, nothing of the retirement's.)
    expect((await findings(dir)).filter((f) => f.startsWith('text/0007'))).toEqual([
      'text/0007-fields.md required-section: Missing section `## Motivation`, expected after `## Summary`.',
    ]);
  });

  it('reads `sections` against every template, and refuses a name none of them has (exit 2)', async () => {
    const dir = await catalog({ sections: { 'How We Teach This': { recommended: true }, Design: { aliases: ['Detailed design'] } } });
    expect(await findings(dir)).toEqual(['text/0004-half.md required-section: Missing section `## Design`, expected after `## Motivation`.']);
    const wrong = await catalog({ sections: { Rollout: { optional: true } } });
    const run = await runCli(['lint', wrong], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Configuration `sections` names "Rollout", which none of the templates has');
  });

  it('gives the same report when lint runs in worker threads (the built CLI)', async () => {
    // Enough retirements that the worker lane takes some of them.
    const extra: Record<string, string> = {};
    for (let i = 1000; i < 1600; i++)
      extra[`text/${i}-retire.md`] = doc(
        `Retire feature ${i}`,
        i % 3 ? ['Summary', 'Transition Path', 'Timeline', 'How We Teach This'] : ['Summary', 'Transition Path', 'Timeline'],
      );
    const dir = await catalog({}, extra);
    const one = await lintBuilt(dir, '1');
    const two = await lintBuilt(dir, '2');
    const errors = (JSON.parse(one.stdout) as { errorCount: number }).errorCount;
    // 200 retirements without How We Teach This, 0003, and the half proposal.
    expect(errors).toBe(202);
    // The worker linted some of the files (it prints its own timings), and nothing differs.
    expect(two.stderr).toContain('Rule timings (worker thread)');
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it('builds the site with every pattern, titles from each template', async () => {
    const dir = await catalog();
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/0002-drop-xml/index.html'), 'utf8');
    expect(page).toContain('Retire the XML API');
    expect(page).toContain('id="transition-path"');
  });
});

// A folder with a template of its own (`overrides`) that revises the catalog's (numbered, with
// sections of its own), newer than some of its documents, written from the catalog's before it existed.
const STUDY =
  '# [Title]\n\n## 1. Summary\n\nSay it.\n\n## 2. Motivation\n\nWhy.\n\n## 3. Model\n\nThe model studied.\n\n## 4. Design\n\nHow.\n\n## 5. Validation\n\nHow it was checked.\n';
const study = (title: string, sections: string[]) =>
  doc(
    title,
    sections.map((s, i) => `${i + 1}. ${s}`),
  );

async function studies(extra: Record<string, string> = {}, folderTemplate = STUDY): Promise<string> {
  return tempCatalog({
    'templates/proposal.md': PROPOSAL,
    'studies/template.md': folderTemplate,
    'patternbook.config.json': JSON.stringify({
      template: 'templates/proposal.md',
      patterns: ['text/*.md', 'studies/*.md'],
      exclude: ['studies/template.md'],
      overrides: [{ files: ['studies/*.md'], template: 'studies/template.md' }],
    }),
    'text/0001-cache.md': doc('Add a cache', ['Summary', 'Motivation', 'Design']),
    'studies/heat.md': study('Heat flow', ['Summary', 'Motivation', 'Model', 'Design', 'Validation']),
    'studies/wave.md': study('Wave study', ['Summary', 'Motivation', 'Model', 'Design']),
    'studies/old-solver.md': doc('An older solver proposal', ['Summary', 'Motivation', 'Design']),
    'studies/old-half.md': doc('An older half proposal', ['Summary', 'Motivation']),
    ...extra,
  });
}

describe('a folder’s own template (`overrides` with `template`) and its documents written before it', () => {
  it('judges a document that clearly follows the catalog’s template by that one, the others by the folder’s', async () => {
    const dir = await studies();
    expect(await findings(dir)).toEqual([
      'studies/old-half.md required-section: Missing section `## Design`, expected after `## Motivation`.',
      'studies/wave.md required-section: Missing section `## 5. Validation`, expected after `## 4. Design`.',
    ]);
    // The older proposal is read as one: none of the study template's sections reported missing.
    const report = await lint({ root: dir });
    expect(report.results.find((r) => r.path === 'studies/old-solver.md')!.diagnostics).toEqual([]);
  });

  it('keeps the folder’s template of another kind (no half of its sections the catalog’s): a proposal there is a study without its sections', async () => {
    const dir = await studies({}, '# [Title]\n\n## Background\n\nWhat is known.\n\n## Model\n\nThe model.\n\n## Validation\n\nHow it was checked.\n');
    const errors = (await findings(dir)).filter((f) => f.startsWith('studies/old-solver.md'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('This file has 0 of the 3 sections the template asks for (it lacks `## Background`, `## Model`, `## Validation`)');
  });

  it('keeps the folder’s template where it only adds sections to the catalog’s (a stricter stage): nothing is relaxed', async () => {
    const stricter = PROPOSAL + '\n## Rollout\n\nHow it reaches users.\n';
    const dir = await studies({}, stricter);
    const errors = await findings(dir);
    expect(errors).toContain('studies/old-solver.md required-section: Missing section `## Rollout`, expected after `## Design`.');
    expect(errors.filter((f) => f.startsWith('studies/old-solver.md'))).toHaveLength(1);
  });

  it('gives the same report when lint runs in worker threads (the built CLI)', async () => {
    const extra: Record<string, string> = {};
    for (let i = 1000; i < 1600; i++) extra[`studies/${i}-old.md`] = doc(`Older proposal ${i}`, i % 3 ? ['Summary', 'Motivation', 'Design'] : ['Summary', 'Motivation']);
    const dir = await studies(extra);
    const one = await lintBuilt(dir, '1');
    const two = await lintBuilt(dir, '2');
    // 200 older proposals without Design, old-half, and wave's Validation.
    expect((JSON.parse(one.stdout) as { errorCount: number }).errorCount).toBe(202);
    expect(two.stderr).toContain('Rule timings (worker thread)');
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);
});
