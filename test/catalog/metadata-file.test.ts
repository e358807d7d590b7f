import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { lint } from '../../src/lint/lint.js';
import { REPO, runCli, tempCatalog } from '../helpers.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

const TEMPLATE = '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow it works.\n';
const readme = (title: string, design = true, frontMatter = '') =>
  `${frontMatter}# ${title}\n\n## Summary\n\n${title} in a paragraph.\n${design ? `\n## Design\n\nHow ${title} works.\n` : ''}`;

describe('metadataFile: a YAML file beside each pattern read as its front matter', () => {
  it('merges its keys under the front matter (which wins), and reads status from it for patterns no longer maintained', async () => {
    const dir = await tempCatalog({
      'templates/proposal.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['proposals/*/README.md'], metadataFile: 'meta.yaml' }),
      'proposals/fast-cache/README.md': readme('Fast cache', false),
      'proposals/fast-cache/meta.yaml': 'status: implementable\nowner: team-a\ntags: [cache]\n',
      'proposals/old-queue/README.md': readme('Old queue', false),
      'proposals/old-queue/meta.yaml': 'status: withdrawn\nowner: team-b\n',
      'proposals/own-status/README.md': readme('Own status', true, '---\nstatus: accepted\n---\n\n'),
      'proposals/own-status/meta.yaml': 'status: withdrawn\nowner: team-c\n',
      'proposals/no-meta/README.md': readme('No meta'),
    });
    const catalog = await loadCatalog({ root: dir });
    expect(Object.fromEntries(catalog.patterns.map((p) => [p.slug, p.frontMatter]))).toEqual({
      'fast-cache': { status: 'implementable', owner: 'team-a', tags: ['cache'] },
      'no-meta': {},
      'old-queue': { status: 'withdrawn', owner: 'team-b' },
      'own-status': { status: 'accepted', owner: 'team-c' },
    });
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.ruleId} ${d.severity}`))).toEqual([
      'proposals/fast-cache/README.md required-section error',
      'proposals/old-queue/README.md required-section warning',
    ]);
  });

  it('a metadata file that is not valid YAML: the pattern loads without its keys (its page stays), and front-matter-syntax says the file, its line and what to do', async () => {
    const dir = await tempCatalog({
      'templates/proposal.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['proposals/*/README.md'], metadataFile: 'meta.yaml' }),
      'proposals/broken/README.md': readme('Broken'),
      'proposals/broken/meta.yaml': 'status: draft\nowner: [unclosed\n',
      'proposals/fine/README.md': readme('Fine'),
    });
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.map((p) => p.slug)).toEqual(['broken', 'fine']);
    expect(catalog.diagnostics).toEqual([]);
    const found = (await lint({ root: dir, only: ['front-matter-syntax'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path}: ${d.severity} ${d.message}`));
    expect(found).toEqual([
      expect.stringMatching(
        /^proposals\/broken\/README\.md: error `meta\.yaml` beside this pattern, line \d: Malformed YAML: .*\. Until it is fixed its keys are not read \(title, status, facets…\); or remove `metadataFile` from the configuration\.$/,
      ),
    ]);
  });

  it('init --adopt finds the YAML file most pattern folders keep beside the pattern', async () => {
    const files: Record<string, string> = { 'proposals/NNNN-template/README.md': TEMPLATE, 'proposals/NNNN-template/kep.yaml': 'status: provisional\n' };
    for (const [i, name] of ['alpha', 'beta', 'gamma', 'delta'].entries()) {
      files[`proposals/${1000 + i}-${name}/README.md`] = readme(name);
      if (i < 3) files[`proposals/${1000 + i}-${name}/kep.yaml`] = `status: ${i === 2 ? 'withdrawn' : 'implemented'}\n`;
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('kep.yaml beside 3 of 4 pattern folders');
    const config = parse(await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config.metadataFile).toBe('kep.yaml');
  });
});
