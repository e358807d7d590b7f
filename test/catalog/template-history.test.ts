import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateHistory } from '../../src/catalog/template-history.js';
import { templateFromSource } from '../../src/template/load-template.js';
import { flattenSections } from '../../src/template/walk.js';
import { gitAt, tempCatalog } from '../helpers.js';

describe('templateHistory: when the template asked for each section, when each pattern was written', () => {
  const first = '# [Title]\n\n## Decision\n\nWhat was decided.\n';
  const later = `${first}\n## Linked issues (PRs)\n\nThe issues and pull requests.\n`;
  /** A catalog whose template was committed as `older` on 2020-01-01 (with `files`), then as `newer` on `on`. */
  const twoVersions = async (older: string, newer: string, on: string, files: Record<string, string> = {}) => {
    const dir = await tempCatalog({ 'template.md': older, ...files });
    gitAt(dir, undefined, 'init', '-q');
    gitAt(dir, '2020-01-01T00:00:00Z', 'add', '-A');
    gitAt(dir, '2020-01-01T00:00:00Z', 'commit', '-qm', 'first');
    await writeFile(path.join(dir, 'template.md'), newer);
    gitAt(dir, on, 'commit', '-qam', 'second');
    return { dir, schema: templateFromSource(newer, path.join(dir, 'template.md')) };
  };

  it('reads the section a later version gained by its name without the note, and the patterns’ first commits', async () => {
    const { dir, schema } = await twoVersions(first, later, '2021-06-01T00:00:00Z', { 'old.md': '# Old\n\n## Decision\n\nKept.\n' });
    const [decision, issues] = flattenSections(schema.sections);
    expect(issues!.name).toBe('Linked issues');
    const history = templateHistory(schema, dir)!;
    expect(history.first).toBe(Date.parse('2020-01-01T00:00:00Z'));
    expect(history.since(decision!)).toBe('first');
    expect(history.since(issues!)).toBe(Date.parse('2021-06-01T00:00:00Z'));
    expect(history.added('old.md')).toBe(Date.parse('2020-01-01T00:00:00Z'));
    // (A date the pattern gives itself, earlier than its commit, is when it was written.)
    expect(history.written('old.md', Date.parse('2018-05-05T00:00:00Z'))).toBe(Date.parse('2018-05-05T00:00:00Z'));
    expect(history.written('new.md')).toBeUndefined();
  });

  it('a section its first version noted optional (`## Alternatives [optional]`) was asked for from the version that dropped the note', async () => {
    const optional = `${first}\n## Alternatives [optional]\n\nOther ways.\n`;
    const asked = `${first}\n## Alternatives\n\nOther ways.\n`;
    const { dir, schema } = await twoVersions(optional, asked, '2022-03-01T00:00:00Z');
    const alternatives = flattenSections(schema.sections).find((s) => s.name === 'Alternatives')!;
    expect(templateHistory(schema, dir)!.since(alternatives)).toBe(Date.parse('2022-03-01T00:00:00Z'));
  });

  it('a section whose guidance came to say every document must have it was asked for from the version that said so', async () => {
    const loose = `${first}\n## Risks\n\nWhat could go wrong.\n`;
    const mandated = `${first}\n## Risks\n\n**Every record must now have this section, even to say there are none.**\n\nWhat could go wrong.\n`;
    const { dir, schema } = await twoVersions(loose, mandated, '2023-09-01T00:00:00Z', { 'old.md': '# Old\n\n## Decision\n\nKept.\n' });
    const [decision, risks] = flattenSections(schema.sections);
    const history = templateHistory(schema, dir)!;
    expect(history.since(risks!)).toBe(Date.parse('2023-09-01T00:00:00Z'));
    expect(history.writtenBefore(risks!, 'old.md')).toBe(true);
    expect(history.since(decision!)).toBe('first');
    // (Said so from the first version on, it was asked for from the first.)
    const again = await twoVersions(mandated, `${mandated}\n## Notes\n\nAnything else.\n`, '2023-09-01T00:00:00Z');
    expect(templateHistory(again.schema, again.dir)!.since(flattenSections(again.schema.sections)[1]!)).toBe('first');
  });

  it('tells nothing where git cannot: a template never committed', async () => {
    const dir = await tempCatalog({ 'template.md': first });
    gitAt(dir, undefined, 'init', '-q');
    expect(templateHistory(templateFromSource(first, path.join(dir, 'template.md')), dir)).toBeUndefined();
  });
});
