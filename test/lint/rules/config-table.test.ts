import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../helpers.js';
import { lintOne, page } from './_lint-one.js';

const HEADER = '| Parameter | Description | Required | Default |\n|---|---|---|---|';
const config = (table: string, before = '') => page('## Overview\n\nText.', `## Configuration\n\n${before}${table}`);
/** 1-based column of `text` on a 1-based line of `source`. */
const col = (source: string, line: number, text: string) => source.split('\n')[line - 1]!.indexOf(text) + 1;
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('config-table', () => {
  it('accepts the template table with Yes/No in any case and an empty-like default for required parameters', async () => {
    const source = config(`${HEADER}\n| A | a | Yes | N/A |\n| B | b | yes | - |\n| C | c | YES | — |\n| D | d | Yes | |\n| E | e | no | \`5\` |\n| F | f | No | n/a |`);
    expect((await lintOne('config-table', source)).shown).toEqual([]);
  });

  it('reports a configuration section with no table, on its heading', async () => {
    const source = config('Set the variables below.\n');
    const { shown, diagnostics } = await lintOne('config-table', source);
    expect(shown).toEqual([
      `${lineOf(source, '## Configuration')}:1 Section \`## Configuration\` has no table: add the template's table with the columns Parameter | Description | Required | Default.`,
    ]);
    expect(diagnostics[0]!.severity).toBe('error');
  });

  it('finds the table in a sub-section of the configuration section', async () => {
    const source = config(`### Environment\n\n${HEADER}\n| A | a | No | 1 |`);
    expect((await lintOne('config-table', source)).shown).toEqual([]);
  });

  it('reports a misspelt column with "did you mean", at the cell', async () => {
    const source = config('| Parameter | Descripton | Required | Default |\n|---|---|---|---|\n| A | a | No | 1 |');
    const line = lineOf(source, 'Descripton');
    expect((await lintOne('config-table', source)).shown).toEqual([
      `${line}:${col(source, line, 'Descripton')} Column “Descripton” is not one of the template's columns: did you mean “Description”?`,
    ]);
  });

  it("names the template's column for one standing in the place of a missing one: a guess, a warning", async () => {
    const source = config('| Parameter | Description | Mandatory | Default |\n|---|---|---|---|\n| A | a | Yes | N/A |');
    const line = lineOf(source, 'Mandatory');
    const { shown, diagnostics } = await lintOne('config-table', source);
    expect(shown).toEqual([
      `${line}:${col(source, line, 'Mandatory')} Column “Mandatory” is not one of the template's columns: the template has “Required” here. If it is that column, rename it. (A warning: it may be that column in other words.)`,
    ]);
    expect(diagnostics[0]!.severity).toBe('warning');
  });

  it('a column with a note after its name (`Required (for prod)`) is the template’s column', async () => {
    const source = config('| Parameter | Description | Required (in production) | Default |\n|---|---|---|---|\n| A | a | Yes | N/A |');
    expect((await lintOne('config-table', source)).shown).toEqual([]);
  });

  it('settings given in words where the table goes (a code span, a value) are a warning; a section that names none still lacks the table', async () => {
    const inWords = config('The migration sets `cache.ttl` to 30 seconds.\n');
    const found = await lintOne('config-table', inWords);
    expect(found.shown).toEqual([
      `${lineOf(inWords, '## Configuration')}:1 Section \`## Configuration\` has no table: it names its settings in its text. Put them in the template's table with the columns Parameter | Description | Required | Default. (A warning: they are there, in another form.)`,
    ]);
    expect(found.diagnostics[0]!.severity).toBe('warning');
    const inList = config('Two settings change:\n\n1. `cache.ttl`\n2. `cache.size`\n');
    expect((await lintOne('config-table', inList)).diagnostics.map((d) => d.severity)).toEqual(['warning']);
    // (A number that is no value, `v2`, names no setting.)
    expect((await lintOne('config-table', config('TODO: fill in before the v2 review.\n'))).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('still checks Required values under a renamed column', async () => {
    const source = config('| Parameter | Description | Requird | Default |\n|---|---|---|---|\n| A | a | Maybe | N/A |');
    const { shown } = await lintOne('config-table', source);
    expect(shown.some((s) => s.includes('Parameter `A` has “Maybe” in “Requird”: write Yes or No.'))).toBe(true);
  });

  it('reports extra, missing and out-of-order columns', async () => {
    const extra = config('| Parameter | Description | Required | Default | Notes |\n|---|---|---|---|---|\n| A | a | No | 1 | x |');
    expect((await lintOne('config-table', extra)).shown).toEqual([
      `${lineOf(extra, '| Notes')}:${col(extra, lineOf(extra, '| Notes'), 'Notes')} Unexpected column “Notes”: the template's table has the columns Parameter | Description | Required | Default. Remove it or move what it says into another column.`,
    ]);

    const missing = config('| Parameter | Description | Required |\n|---|---|---|\n| A | a | No |');
    expect((await lintOne('config-table', missing)).shown).toEqual([
      `${lineOf(missing, '| Parameter')}:1 Missing column “Default”: the template's table has the columns Parameter | Description | Required | Default. Add it.`,
    ]);

    const order = config('| Parameter | Required | Description | Default |\n|---|---|---|---|\n| A | No | a | 1 |');
    const result = await lintOne('config-table', order);
    expect(result.shown).toEqual([
      `${lineOf(order, '| Parameter')}:1 Columns are out of order: found Parameter | Required | Description | Default, the template has Parameter | Description | Required | Default. Reorder them.`,
    ]);
    expect(result.diagnostics[0]).toMatchObject({ expected: 'Parameter | Description | Required | Default', actual: 'Parameter | Required | Description | Default' });
  });

  it('reports a Required value that is not Yes or No, at its cell', async () => {
    const source = config(`${HEADER}\n| RETRY_MAX | Attempts | Maybe | 5 |\n| RETRY_MIN | Floor | | 1 |`);
    const l1 = lineOf(source, 'RETRY_MAX');
    const l2 = lineOf(source, 'RETRY_MIN');
    const { shown, diagnostics } = await lintOne('config-table', source);
    expect(shown).toEqual([
      `${l1}:${col(source, l1, 'Maybe')} Parameter \`RETRY_MAX\` has “Maybe” in “Required”: write Yes or No.`,
      `${l2}:${source.split('\n')[l2 - 1]!.indexOf('| |') + 2} Parameter \`RETRY_MIN\` has nothing in “Required”: write Yes or No.`,
    ]);
    expect(diagnostics[0]).toMatchObject({ expected: 'Yes | No', actual: 'Maybe' });
  });

  it('reports a parameter listed twice and a row without a name', async () => {
    const source = config(`${HEADER}\n| A | a | No | 1 |\n| B | b | No | 2 |\n| A | again | No | 3 |\n|  | nameless | No | 4 |`);
    const first = lineOf(source, '| A | a |');
    const again = lineOf(source, 'again');
    const nameless = lineOf(source, 'nameless');
    expect((await lintOne('config-table', source)).shown).toEqual([
      `${again}:3 Parameter \`A\` is listed twice (first on line ${first}): keep one row.`,
      `${nameless}:2 A row of the “Parameter” column is empty: name the parameter or remove the row.`,
    ]);
  });

  it('reports a required parameter that has a default, at the default cell', async () => {
    const source = config(`${HEADER}\n| API_KEY | Key | Yes | \`changeme\` |`);
    const line = lineOf(source, 'API_KEY');
    expect((await lintOne('config-table', source)).shown).toEqual([
      `${line}:${col(source, line, '`changeme`')} Parameter \`API_KEY\` is required but has the default “changeme”: a required parameter has no default. Set “Required” to No, or the default to N/A.`,
    ]);
  });

  it("follows another template's table: its own section name and columns, no Required check without a Required column", async () => {
    const template = await readFile(fixture('templates/named-headings.md'), 'utf8');
    const head = '# Bulkhead\n\n> Pools.\n\n## Intent of Bulkhead\n\nContain.\n\n';
    const ok = `${head}## Parameters\n\n| Name | Meaning | Default |\n|---|---|---|\n| POOL_SIZE | Calls | Whatever |\n`;
    expect((await lintOne('config-table', ok, { template })).shown).toEqual([]);

    const bad = `${head}## Parameters\n\n| Name | Default |\n|---|---|\n| POOL_SIZE | 10 |\n| POOL_SIZE | 12 |\n`;
    const { shown } = await lintOne('config-table', bad, { template });
    expect(shown).toEqual([
      `${lineOf(bad, '| Name')}:1 Missing column “Meaning”: the template's table has the columns Name | Meaning | Default. Add it.`,
      `${lineOf(bad, '| 12')}:3 Parameter \`POOL_SIZE\` is listed twice (first on line ${lineOf(bad, '| 10')}): keep one row.`,
    ]);

    // A section called Configuration means nothing to this template.
    const other = `${head}## Parameters\n\n| Name | Meaning | Default |\n|---|---|---|\n| A | a | 1 |\n\n## Configuration\n\nNo table here.\n`;
    expect((await lintOne('config-table', other, { template })).shown).toEqual([]);
  });

  it('does nothing for a template without a table', async () => {
    const template = '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n';
    expect((await lintOne('config-table', '# X\n\n## Overview\n\n| a | b |\n|---|---|\n| 1 | 1 |\n', { template })).shown).toEqual([]);
  });

  it('takes a table whose columns the author chooses (`…`, or numbered `Criterion 1 … Criterion N`) as no table of fixed columns', async () => {
    const open = (header: string) =>
      `# [Study Title]\n\n## Options\n\nList them.\n\n## Results\n\n| ${header} |\n|${'---|'.repeat(header.split('|').length)}\n| [Option 1] | [Score] |\n`;
    const study = '# Queue choice\n\n## Options\n\nTwo brokers.\n\n## Results\n\n| Broker | Latency | Ops cost |\n|---|---|---|\n| A | Low | High |\n';
    for (const header of ['Option | Criterion 1 | Criterion 2 | Criterion N', 'Option | First criterion | ... | Last criterion'])
      expect((await lintOne('config-table', study, { template: open(header) })).shown, header).toEqual([]);
    // Fixed columns of settings are still checked.
    expect((await lintOne('config-table', study, { template: open('Parameter | Default | Required') })).shown).not.toEqual([]);
  });

  it('checks only a table of settings (named so, or with a setting column and its default, type or requirement), not a log or a matrix', async () => {
    const template = (section: string, header: string) =>
      `# [Title]\n\n## Summary\n\n[Short.]\n\n## ${section}\n\n| ${header} |\n|${'---|'.repeat(header.split('|').length)}\n| 1 |${' |'.repeat(header.split('|').length - 1)}\n`;
    const pattern = (section: string) => `# Ledger\n\n## Summary\n\nKeeps accounts.\n\n## ${section}\n\nNone were raised in review.\n`;
    expect((await lintOne('config-table', pattern('Concerns'), { template: template('Concerns', '# | Concern | Resolution | Status') })).shown).toEqual([]);
    expect((await lintOne('config-table', pattern('Impact'), { template: template('Impact', 'Component | Affected | Notes') })).shown).toEqual([]);
    expect((await lintOne('config-table', pattern('Considered Options'), { template: template('Considered Options', 'Criterion | Postgres | MySQL') })).shown).toEqual(
      [],
    );
    expect((await lintOne('config-table', pattern('Metrics'), { template: template('Metrics', 'Name | Type | Description') })).shown).toEqual([]);
    // A settings table is asked for, by its section's name or by its columns.
    expect((await lintOne('config-table', pattern('Parameters'), { template: template('Parameters', 'Name | Meaning') })).shown).toHaveLength(1);
    expect((await lintOne('config-table', pattern('Tuning'), { template: template('Tuning', 'Setting | Default | Meaning') })).shown).toHaveLength(1);
  });

  it('takes any table of settings the template shows in the section (one for new settings, one with an old value for changed ones)', async () => {
    const template =
      '# [Title]\n\n## Summary\n\n[Short.]\n\n## Settings\n\nNew settings:\n\n| Setting | New value | Notes |\n|---|---|---|\n| a.b | 1 | text |\n\nFor settings that exist already, use this table instead:\n\n| Setting | Old value | New value | Notes |\n|---|---|---|---|\n| a.b | 0 | 1 | text |\n';
    const pattern = (table: string) => `# Kiln limits\n\n## Summary\n\nRaises the firing limit.\n\n## Settings\n\n${table}\n`;
    expect(
      (await lintOne('config-table', pattern('| Setting | Old value | New value | Notes |\n|---|---|---|---|\n| kiln.max | 1200 | 1280 | cones 8 |'), { template }))
        .shown,
    ).toEqual([]);
    expect((await lintOne('config-table', pattern('| Setting | New value | Notes |\n|---|---|---|\n| kiln.vent | on | new |'), { template })).shown).toEqual([]);
    // (A column neither table has is still unexpected.)
    expect(
      (await lintOne('config-table', pattern('| Setting | New value | Owner | Notes |\n|---|---|---|---|\n| kiln.vent | on | Ana | new |'), { template })).shown.map(
        (x) => x.slice(0, 30),
      ),
    ).toEqual(['9:25 Unexpected column “Owner”']);
  });

  it('asks for no table where the section says there is nothing to list, and says a table of other columns is no table of settings (one warning, no renames)', async () => {
    const template = '# [Title]\n\n## Summary\n\n[Short.]\n\n## Settings\n\n| Setting | New value | Notes |\n|---|---|---|\n| a.b | 1 | text |\n';
    const pattern = (text: string) => `# Kiln limits\n\n## Summary\n\nRaises the firing limit.\n\n## Settings\n\n${text}\n`;
    expect((await lintOne('config-table', pattern('No new parameters are introduced.'), { template })).shown).toEqual([]);
    expect((await lintOne('config-table', pattern('None.'), { template })).shown).toEqual([]);
    expect((await lintOne('config-table', pattern('This module introduces no new parameters.'), { template })).shown).toEqual([]);
    // (Prose about the settings, no table: the table is asked for.)
    expect((await lintOne('config-table', pattern('The limit goes up by eighty degrees.'), { template })).diagnostics.map((d) => d.severity)).toEqual(['error']);
    const schedule = await lintOne('config-table', pattern('| Quarter | Limit | Comment |\n|---|---|---|\n| 1 | 1200 | now |\n| 2 | 1280 | later |'), { template });
    expect(schedule.diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual(['warning 7']);
    expect(schedule.diagnostics[0]!.message).toContain("has no table with the template's columns (Setting | New value | Notes): the table on line 9 has none of them");
    expect((await lintOne('config-param-unused', pattern('| Quarter | Limit | Comment |\n|---|---|---|\n| 1 | 1200 | now |'), { template })).shown).toEqual([]);
  });
});
