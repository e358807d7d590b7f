import { describe, expect, it } from 'vitest';
import { isInactive } from '../../src/catalog/status.js';
import { lint } from '../../src/lint/lint.js';
import { tempCatalog } from '../helpers.js';

const TEMPLATE = '---\nstatus: Draft\n---\n\n# [Title]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n';
const doc = (status: string, key = 'status') => `---\n${key}: ${status}\n---\n\n# A ${status.split(' ')[0]} one\n\n## Overview\n\nIt does a thing.\n`;

async function severities(config: Record<string, unknown> = {}, key?: string): Promise<string[]> {
  const dir = await tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'], ...config }),
    'docs/a-accepted.md': doc('Accepted', key),
    'docs/b-withdrawn.md': doc('Withdrawn', key),
    'docs/c-superseded.md': doc('Superseded by [the next one](a-accepted.md)', key),
  });
  const report = await lint({ root: dir });
  return report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => `${d.ruleId}:${d.severity}`).join(',')}`);
}

describe('inactive patterns (withdrawn, superseded…)', () => {
  it('reports what is wrong with them as warnings; an active one keeps its errors', async () => {
    expect(await severities()).toEqual([
      'docs/a-accepted.md required-section:error',
      'docs/b-withdrawn.md required-section:warning',
      'docs/c-superseded.md required-section:warning',
    ]);
  });

  it('reads the status where the document writes it in its body: a list of fields under the title, a `## Status` section', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n* Status: Draft\n* Owner: [name]\n\n## Overview\n\nWhat it is.\n\n## Design\n\nHow it works.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'docs/a-accepted.md': '# An accepted one\n\n* Status: **Accepted**\n* Owner: Ada\n\n## Overview\n\nIt does a thing.\n',
      'docs/b-rejected.md': '# A rejected one\n\n* Status: **Rejected**\n* Owner: Bo\n\n## Overview\n\nIt does a thing.\n',
      'docs/c-replaced.md': '# A replaced one\n\n## Status\n\nSuperseded by [the accepted one](a-accepted.md).\n\n## Overview\n\nIt does a thing.\n',
    });
    const report = await lint({ root: dir, only: ['required-section'] });
    expect(report.results.map((r) => `${r.path} ${r.diagnostics.map((d) => d.severity).join(',')}`)).toEqual([
      'docs/a-accepted.md error',
      'docs/b-rejected.md warning',
      'docs/c-replaced.md warning',
    ]);
  });

  it('`inactive: false` holds every pattern to its errors; `inactive` names another key and other values', async () => {
    expect(await severities({ inactive: false })).toEqual([
      'docs/a-accepted.md required-section:error',
      'docs/b-withdrawn.md required-section:error',
      'docs/c-superseded.md required-section:error',
    ]);
    expect(await severities({ inactive: { key: 'state', values: ['accepted'] } }, 'state')).toEqual([
      'docs/a-accepted.md required-section:warning',
      'docs/b-withdrawn.md required-section:error',
      'docs/c-superseded.md required-section:error',
    ]);
  });

  it('reads the first word of the value, in any case, and nothing that is not a string', () => {
    const config = {};
    expect(isInactive({ frontMatter: { status: 'STAGNANT' } }, config)).toBe(true);
    expect(isInactive({ frontMatter: { status: '**Rejected** (2021)' } }, config)).toBe(true);
    expect(isInactive({ frontMatter: { status: 'Living' } }, config)).toBe(false);
    expect(isInactive({ frontMatter: { status: 'not withdrawn' } }, config)).toBe(false);
    expect(isInactive({ frontMatter: { status: ['withdrawn'] } }, config)).toBe(false);
    expect(isInactive({ frontMatter: {} }, config)).toBe(false);
  });
});
