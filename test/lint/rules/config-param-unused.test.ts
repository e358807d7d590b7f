import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../helpers.js';
import { lintOne, page } from './_lint-one.js';

const HEADER = '| Parameter | Description | Required | Default |\n|---|---|---|---|';
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;
const col = (source: string, line: number, text: string) => source.split('\n')[line - 1]!.indexOf(text) + 1;

describe('config-param-unused', () => {
  it('accepts parameters mentioned in code, in prose and in backticks', async () => {
    const source = page(
      '## Overview\n\nTune `CB_RESET_MS` when the dependency recovers slowly; CB_LIMIT caps failures.',
      '## Implementation\n\n### Step 1: Run\n\nRun it.\n\n```bash\nCB_THRESHOLD=3 node demo.mjs\n```',
      `## Configuration\n\n${HEADER}\n| CB_THRESHOLD | Failures | No | 5 |\n| \`CB_RESET_MS\` | Reset | No | 1000 |\n| CB_LIMIT | Cap | No | 9 |`,
    );
    expect((await lintOne('config-param-unused', source)).shown).toEqual([]);
  });

  it('reports a parameter nothing outside the table mentions, as a warning at its cell', async () => {
    const source = page(
      '## Implementation\n\n### Step 1: Run\n\n```bash\nCB_THRESHOLD=3 node demo.mjs\n```',
      `## Configuration\n\n${HEADER}\n| CB_THRESHOLD | Failures | No | 5 |\n| \`CB_WARMUP\` | Warm-up | No | false |`,
    );
    const line = lineOf(source, 'CB_WARMUP');
    const { shown, diagnostics } = await lintOne('config-param-unused', source);
    expect(shown).toEqual([
      `${line}:${col(source, line, '`CB_WARMUP`')} Parameter \`CB_WARMUP\` is not used: nothing outside the table in \`## Configuration\` mentions it, in code or in text. Show where it is set or read, or remove the row.`,
    ]);
    expect(diagnostics[0]!.severity).toBe('warning');
  });

  it('matches whole words and case: a longer name or another case is not a mention', async () => {
    const source = page(
      '## Overview\n\nSet CB_TIMEOUT_MS, MY_CB_TIMEOUT or cb_timeout, and CB-TIMEOUT-x.',
      `## Configuration\n\n${HEADER}\n| CB_TIMEOUT | Timeout | No | 5 |`,
    );
    expect((await lintOne('config-param-unused', source)).shown).toHaveLength(1);
    const ending = page('## Overview\n\nThe timeout is CB_TIMEOUT.', `## Configuration\n\n${HEADER}\n| CB_TIMEOUT | Timeout | No | 5 |`);
    expect((await lintOne('config-param-unused', ending)).shown).toEqual([]);
  });

  it("leaves the template's sample rows to the placeholder rule", async () => {
    const source = page(`## Configuration\n\n${HEADER}\n| PARAM_1 | Description of parameter 1 | Yes | N/A |`);
    expect((await lintOne('config-param-unused', source)).shown).toEqual([]);
  });

  it("reads another template's table: its section and its first column", async () => {
    const template = await readFile(fixture('templates/named-headings.md'), 'utf8');
    const source =
      '# Bulkhead\n\n> Pools.\n\n## Intent of Bulkhead\n\nKeep `POOL_SIZE` small.\n\n## Parameters\n\n| Name | Meaning | Default |\n|---|---|---|\n| POOL_SIZE | Calls | 10 |\n| QUEUE_SIZE | Waiting | 0 |\n';
    const { shown } = await lintOne('config-param-unused', source, { template });
    expect(shown).toEqual([expect.stringContaining('Parameter `QUEUE_SIZE` is not used: nothing outside the table in `## Parameters` mentions it')]);
  });
});
