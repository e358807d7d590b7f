import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedVersions, firstAddedTimes, firstCommit } from '../../src/util/git.js';
import { commitAllAt, tempCatalog } from '../helpers.js';

describe('a template’s history where an older file’s contents are not in the clone', () => {
  it('is read by its path alone when following its renames fails (`unable to read` a blob of another file): its first version and its versions, not none', async () => {
    // (A clone whose largest files were left out, as a blobless or partial clone offline: following a
    // rename compares the template with the file deleted beside it, whose contents are gone.)
    const dir = await tempCatalog({ 'ledger.csv': Array.from({ length: 400 }, (_, i) => `${i},row`).join('\n') });
    commitAllAt(dir, '2021-03-01T10:00:00Z', 'ledger');
    await rm(path.join(dir, 'ledger.csv'));
    await writeFile(path.join(dir, 'template.md'), '# [Title]\n\n## Context\n\nWhy.\n');
    commitAllAt(dir, '2021-06-01T10:00:00Z', 'template');
    await writeFile(path.join(dir, 'template.md'), '# [Title]\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n');
    commitAllAt(dir, '2022-01-01T10:00:00Z', 'decision');
    const blob = execFileSync('git', ['rev-parse', 'HEAD~2:ledger.csv'], { cwd: dir, encoding: 'utf8' }).trim();
    await rm(path.join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const file = path.join(dir, 'template.md');
    expect(firstCommit(file)).toEqual({ text: '# [Title]\n\n## Context\n\nWhy.\n', time: Date.parse('2021-06-01T10:00:00Z') });
    expect(committedVersions(file).map((v) => v.time)).toEqual([Date.parse('2021-06-01T10:00:00Z'), Date.parse('2022-01-01T10:00:00Z')]);
  });
});

describe('a template moved whole, in a clone where following inexact renames fails', () => {
  it('its first version is the one before the move (moves that kept it whole are told by ids alone), not the move', async () => {
    // (Added where a file went whose contents the clone lacks: finding an inexact rename there fails.)
    const dir = await tempCatalog({ 'ledger.csv': Array.from({ length: 400 }, (_, i) => `${i},row`).join('\n') });
    commitAllAt(dir, '2020-02-01T10:00:00Z', 'ledger');
    await rm(path.join(dir, 'ledger.csv'));
    await writeFile(path.join(dir, 'old-template.md'), '# [Title]\n\n## Context\n\nWhy.\n');
    commitAllAt(dir, '2020-06-01T10:00:00Z', 'template');
    execFileSync('git', ['mv', 'old-template.md', 'template.md'], { cwd: dir });
    commitAllAt(dir, '2022-01-01T10:00:00Z', 'move');
    const blob = execFileSync('git', ['rev-parse', 'HEAD~2:ledger.csv'], { cwd: dir, encoding: 'utf8' }).trim();
    await rm(path.join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    expect(firstCommit(path.join(dir, 'template.md'))?.time).toBe(Date.parse('2020-06-01T10:00:00Z'));
  });
});

describe('documents moved into the catalog’s folder from another folder', () => {
  it('are as old as their first version wherever it was (moves across folders, two deep, and one inside the folder after), not the move into it', async () => {
    const dir = await tempCatalog({
      'old/drafts/0001-queue.md': '# Queue\n\nA first draft of the queue.\n',
      'old/drafts/0002-cache.md': '# Cache\n\nA first draft of the cache.\n',
    });
    commitAllAt(dir, '2019-03-01T10:00:00Z', 'drafts');
    execFileSync('git', ['mv', 'old/drafts', 'middle'], { cwd: dir });
    commitAllAt(dir, '2020-03-01T10:00:00Z', 'first move');
    await writeFile(path.join(dir, 'middle', '0003-other.md'), '# Other\n\nStays behind.\n');
    commitAllAt(dir, '2020-09-01T10:00:00Z', 'another');
    await mkdir(path.join(dir, 'docs', 'rfcs'), { recursive: true });
    execFileSync('git', ['mv', 'middle/0001-queue.md', 'docs/rfcs/0001-queue.md'], { cwd: dir });
    execFileSync('git', ['mv', 'middle/0002-cache.md', 'docs/rfcs/0002-cache.md'], { cwd: dir });
    commitAllAt(dir, '2021-03-01T10:00:00Z', 'into the catalog');
    execFileSync('git', ['mv', 'docs/rfcs/0002-cache.md', 'docs/rfcs/0002-caching.md'], { cwd: dir });
    await writeFile(path.join(dir, 'docs', 'rfcs', '0004-new.md'), '# New\n\nWritten here.\n');
    commitAllAt(dir, '2022-03-01T10:00:00Z', 'rename and a new one');
    const times = firstAddedTimes(path.join(dir, 'docs', 'rfcs'));
    const at = (name: string) => new Date(times.get(path.join(dir, 'docs', 'rfcs', name))!).toISOString().slice(0, 10);
    expect([at('0001-queue.md'), at('0002-caching.md'), at('0004-new.md')]).toEqual(['2019-03-01', '2019-03-01', '2022-03-01']);
  });
});

describe('a template made as a copy of a document', () => {
  it('was first committed when it was made, not when the document it was copied from was (git log --follow goes on through copies)', async () => {
    const doc = '# Lamps\n\n## Context\n\nWhy lamps.\n\n## Decision\n\nGas lamps.\n\n## Consequences\n\nBrighter streets.\n';
    const dir = await tempCatalog({ 'docs/0001-lamps.md': doc });
    commitAllAt(dir, '2019-03-01T10:00:00Z', 'first record');
    await writeFile(path.join(dir, 'docs', 'template.md'), doc.replace('# Lamps', '# [Title]'));
    commitAllAt(dir, '2021-05-01T10:00:00Z', 'template from the first record');
    await writeFile(path.join(dir, 'docs', 'template.md'), doc.replace('# Lamps', '# [Title]').replace('Gas lamps.', 'What we decided.'));
    commitAllAt(dir, '2022-01-01T10:00:00Z', 'template guidance');
    const file = path.join(dir, 'docs', 'template.md');
    expect(firstCommit(file)?.time).toBe(Date.parse('2021-05-01T10:00:00Z'));
    expect(committedVersions(file).map((v) => v.time)).toEqual([Date.parse('2021-05-01T10:00:00Z'), Date.parse('2022-01-01T10:00:00Z')]);
  });
});

describe('a template deleted, then made again as a copy of a document', () => {
  it('keeps its own history at its path (its first version then), never the document’s', async () => {
    const doc = '# Lamps\n\n## Context\n\nWhy lamps.\n\n## Decision\n\nGas lamps.\n\n## Consequences\n\nBrighter streets.\n';
    const dir = await tempCatalog({ 'docs/template.md': '# [Title]\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n' });
    commitAllAt(dir, '2019-01-01T10:00:00Z', 'template');
    await rm(path.join(dir, 'docs', 'template.md'));
    await writeFile(path.join(dir, 'docs', '0001-lamps.md'), doc);
    commitAllAt(dir, '2020-01-01T10:00:00Z', 'first record, template gone');
    await writeFile(path.join(dir, 'docs', 'template.md'), doc.replace('# Lamps', '# [Title]'));
    commitAllAt(dir, '2021-01-01T10:00:00Z', 'template again, from the record');
    expect(firstCommit(path.join(dir, 'docs', 'template.md'))?.time).toBe(Date.parse('2019-01-01T10:00:00Z'));
  });
});
