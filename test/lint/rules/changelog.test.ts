import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { lostLines } from '../../../src/util/text-edits.js';
import { fixture } from '../../helpers.js';
import { lintOne, page } from './_lint-one.js';

const changelog = (...entries: string[]) => page('## Overview\n\nText.', `## Changelog\n\n${entries.join('\n\n')}`);
const entry = (version: string, date: string, note = `- Changes in ${version}`) => `### Version ${version} (${date})\n\n${note}`;
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;
const today = new Date().toISOString().slice(0, 10);
const sorted = (lines: string[]) => [...lines].sort();

describe('changelog', () => {
  it('accepts entries newest first with valid versions and past dates (today included)', async () => {
    const source = changelog(
      entry('2.0.0', today),
      entry('1.10.0', '2024-02-29'),
      entry('1.2.0', '2024-01-20'),
      entry('1.2.0-rc.1', '2024-01-18'),
      entry('1.2.0-beta.2', '2024-01-17'),
      entry('1.2.0-beta.1', '2024-01-16'),
      entry('1.0.0', '2024-01-15'),
    );
    expect((await lintOne('changelog', source)).shown).toEqual([]);
  });

  it('reports the first entry that is newer than one above it, with a fix', async () => {
    const source = changelog(
      entry('1.1.0', '2024-03-01'),
      entry('1.0.0', '2024-01-15'),
      entry('1.2.0', '2024-05-20'),
      entry('0.9.0', '2023-12-01'),
      entry('1.3.0', '2024-06-01'),
    );
    const { shown, diagnostics } = await lintOne('changelog', source);
    expect(shown).toEqual([
      `${lineOf(source, '1.2.0')}:1 \`### Version 1.2.0 (2024-05-20)\` is out of order: entries go newest first, so 1.2.0 belongs before \`### Version 1.1.0 (2024-03-01)\`.`,
    ]);
    expect(diagnostics[0]!.fix).toBeDefined();
  });

  it('sorts the entries newest first, keeping every line, with blank lines between entries; a second fix changes nothing', async () => {
    const source = changelog(
      entry('1.1.0', '2024-03-01', '- Per-tenant pools\n\n#### Notes\n\nMigrate the pool sizes.'),
      entry('1.0.0', '2024-01-15', '- Initial release'),
      // No blank line before the next entry.
      `${entry('1.2.0', '2024-05-20', '- Queue limits')}\n### Version 1.2.1 (2024-05-21)\n\n- Fix`,
    );
    const result = await lintOne('changelog', source, { fix: true });
    const fixed = await readFile(result.file, 'utf8');
    expect(result.diagnostics).toEqual([]);
    expect(lostLines(source, fixed)).toEqual([]);
    expect(sorted(fixed.split('\n').filter((l) => l.trim()))).toEqual(sorted(source.split('\n').filter((l) => l.trim())));
    const log = fixed.slice(fixed.indexOf('## Changelog'));
    expect(log).toBe(
      [
        '## Changelog',
        '',
        '### Version 1.2.1 (2024-05-21)',
        '',
        '- Fix',
        '',
        '### Version 1.2.0 (2024-05-20)',
        '',
        '- Queue limits',
        '',
        '### Version 1.1.0 (2024-03-01)',
        '',
        '- Per-tenant pools',
        '',
        '#### Notes',
        '',
        'Migrate the pool sizes.',
        '',
        '### Version 1.0.0 (2024-01-15)',
        '',
        '- Initial release',
        '',
      ].join('\n'),
    );
    // The text before the changelog is untouched.
    expect(fixed.slice(0, fixed.indexOf('## Changelog'))).toBe(source.slice(0, source.indexOf('## Changelog')));
    await lint({ root: result.dir, only: ['changelog'], fix: true });
    expect(await readFile(result.file, 'utf8')).toBe(fixed);
  });

  it('keeps Windows line endings when sorting', async () => {
    const source = changelog(entry('1.0.0', '2024-01-15'), entry('1.1.0', '2024-03-01')).replace(/\n/g, '\r\n');
    const result = await lintOne('changelog', source, { fix: true });
    const fixed = await readFile(result.file, 'utf8');
    expect(fixed).not.toMatch(/\r\r|[^\r]\n/);
    expect(fixed.indexOf('1.1.0')).toBeLessThan(fixed.indexOf('1.0.0'));
  });

  it('reports versions that are not semantic versions, with the valid form, and then offers no sort', async () => {
    const source = changelog(entry('1.0.0', '2024-01-15'), entry('01.2.0', '2024-02-01'), entry('1.1.0', '2024-03-01'));
    const { shown, diagnostics } = await lintOne('changelog', source);
    expect(shown).toEqual([
      `${lineOf(source, '01.2.0')}:1 \`### Version 01.2.0 (2024-02-01)\` has no valid semantic version: "01.2.0" is not MAJOR.MINOR.PATCH without leading zeros. Did you mean 1.2.0?`,
      `${lineOf(source, '1.1.0')}:1 \`### Version 1.1.0 (2024-03-01)\` is out of order: entries go newest first, so 1.1.0 belongs before \`### Version 1.0.0 (2024-01-15)\`. Move it up.`,
    ]);
    expect(diagnostics.some((d) => d.fix)).toBe(false);
  });

  it('reports dates that do not exist or lie in the future', async () => {
    const source = changelog(entry('1.2.0', '2999-01-01'), entry('1.1.0', '2023-02-29'), entry('1.0.0', '2024-13-01'));
    expect((await lintOne('changelog', source)).shown).toEqual([
      `${lineOf(source, '1.2.0')}:1 \`### Version 1.2.0 (2999-01-01)\`: 2999-01-01 is in the future. Write the date the version was released.`,
      `${lineOf(source, '1.1.0')}:1 \`### Version 1.1.0 (2023-02-29)\`: 2023-02-29 is not a real date. Write the release date as YYYY-MM-DD.`,
      `${lineOf(source, '1.0.0 (')}:1 \`### Version 1.0.0 (2024-13-01)\`: 2024-13-01 is not a real date. Write the release date as YYYY-MM-DD.`,
    ]);
  });

  it('reports a repeated version', async () => {
    const source = changelog(entry('1.1.0', '2024-03-01'), entry('1.1.0', '2024-02-01'), entry('1.0.0', '2024-01-15'));
    expect((await lintOne('changelog', source)).shown).toEqual([
      `${lineOf(source, '2024-02-01')}:1 Version 1.1.0 appears twice (also on line ${lineOf(source, '1.1.0')}): merge the two entries into one.`,
    ]);
  });

  it("reports a changelog sub-section without the template's shape, and offers no sort then", async () => {
    const source = changelog(entry('1.0.0', '2024-01-15'), '### v1.2 (March 2024)\n\n- Limits', entry('1.1.0', '2024-03-01'));
    const { shown, diagnostics } = await lintOne('changelog', source);
    expect(shown).toEqual([
      `${lineOf(source, 'v1.2')}:1 Changelog entry \`### v1.2 (March 2024)\` does not have the template's shape \`### Version <semver> (<date>)\`: write it as in the template (version, then date as YYYY-MM-DD).`,
      `${lineOf(source, '1.1.0')}:1 \`### Version 1.1.0 (2024-03-01)\` is out of order: entries go newest first, so 1.1.0 belongs before \`### Version 1.0.0 (2024-01-15)\`. Move it up.`,
    ]);
    expect(diagnostics[0]).toMatchObject({ expected: '### Version <semver> (<date>)', actual: '### v1.2 (March 2024)' });
    expect(diagnostics.some((d) => d.fix)).toBe(false);
  });

  it('takes the words after a version (`### 1.0.0 - First release`) as that entry’s own description, and still asks for the version', async () => {
    const template = '# [Title]\n\n## Summary\n\n[Short.]\n\n## Changelog\n\n### 1.0.0 - First release\n\nNotes.\n';
    const source =
      '# Ledger\n\n## Summary\n\nKeeps accounts.\n\n## Changelog\n\n### 1.2.0\n\nQuiet.\n\n### 1.1.0 - Adds events\n\nEvents.\n\n### First release\n\nFirst.\n';
    const { shown } = await lintOne('changelog', source, { template });
    expect(shown).toEqual(["17:1 Changelog entry `### First release` does not have the template's shape `### <semver> - <description>`: write it as in the template."]);
  });

  it("follows another template's versioned section (`### <semver> - <date>` under History)", async () => {
    const template = await readFile(fixture('templates/named-headings.md'), 'utf8');
    const source =
      '# Bulkhead\n\n> Pools.\n\n## History\n\n### 1.0.0 - 2024-06-01\n\n- Initial version\n\n### 1.1.0 - 2025-03-02\n\n- Shedding\n\n### 1.0.5 - 2025-01-10\n\n- Limits\n\n### 1.1 - 2025-04-01\n\n- Oops\n';
    const { shown } = await lintOne('changelog', source, { template });
    expect(shown).toEqual(
      [
        `19:1 Changelog entry \`### 1.1 - 2025-04-01\` does not have the template's shape \`### <semver> - <date>\`: write it as in the template (version, then date as YYYY-MM-DD).`,
        '11:1 `### 1.1.0 - 2025-03-02` is out of order: entries go newest first, so 1.1.0 belongs before `### 1.0.0 - 2024-06-01`. Move it up.',
      ].sort(),
    );

    // Sorted by the fix once every entry parses: the template (one entry) asks no order, so the run's
    // own, the way most of its neighbouring entries go (here up: oldest first).
    const fixable = source.replace('### 1.1 - 2025-04-01', '### 1.1.1 - 2025-04-01');
    const result = await lintOne('changelog', fixable, { template, fix: true });
    const fixed = await readFile(result.file, 'utf8');
    expect(fixed.match(/^### .*/gm)).toEqual(['### 1.0.0 - 2024-06-01', '### 1.0.5 - 2025-01-10', '### 1.1.0 - 2025-03-02', '### 1.1.1 - 2025-04-01']);
    expect(result.diagnostics).toEqual([]);
  });

  it('takes the order the template asks for: in its words, else by its entries; with one entry, oldest first throughout is in order too', async () => {
    const template = (guidance: string) => `# [Title]\n\n## Summary\n\n[Short.]\n\n## Changelog\n\n${guidance}### 1.0.0 - Initial Version\n\nNotes.\n`;
    const ascending = '# Ledger\n\n## Summary\n\nKeeps accounts.\n\n## Changelog\n\n### 1.0.0 - Initial Version\n\nFirst.\n\n### 1.1.0 - Adds events\n\nEvents.\n';
    expect((await lintOne('changelog', ascending, { template: template('') })).shown).toEqual([]);
    const mixed = ascending
      .replace('### 1.0.0 - Initial Version', '### 1.0.1 - Fixes')
      .replace('### 1.1.0 - Adds events\n\nEvents.\n', '### 1.0.0 - First\n\nFirst.\n\n### 1.1.0 - Adds events\n\nEvents.\n');
    expect((await lintOne('changelog', mixed, { template: template('') })).shown).toEqual([
      '17:1 `### 1.1.0 - Adds events` is out of order: entries go newest first, so 1.1.0 belongs before `### 1.0.1 - Fixes`.',
    ]);
    // Mostly oldest first with one pair swapped: that pair is reported, and the fix keeps the direction.
    const swapped = ['1.0.0', '1.1.0', '1.3.0', '1.2.0', '1.4.0'].map((v) => `### ${v} - Step\n\nText.\n`).join('\n');
    const log = await lintOne('changelog', `# Ledger\n\n## Summary\n\nKeeps accounts.\n\n## Changelog\n\n${swapped}`, { template: template(''), fix: true });
    expect((await readFile(log.file, 'utf8')).match(/^### \S+/gm)).toEqual(['### 1.0.0', '### 1.1.0', '### 1.2.0', '### 1.3.0', '### 1.4.0']);
    // Its guidance says newest first: an ascending run is out of order.
    expect((await lintOne('changelog', ascending, { template: template('List the newest entry first.\n\n') })).shown).toEqual([
      '13:1 `### 1.1.0 - Adds events` is out of order: entries go newest first, so 1.1.0 belongs before `### 1.0.0 - Initial Version`.',
    ]);
  });

  it('does nothing when the template has no versioned section', async () => {
    const template = '# [Pattern Title]\n\n## Notes\n\nAdd notes.\n';
    const dirSource = '# X\n\n## Notes\n\n### Version 1.0.0 (2024-01-15)\n\n### Version 2.0.0 (2999-01-01)\n';
    expect((await lintOne('changelog', dirSource, { template })).shown).toEqual([]);
  });
});
