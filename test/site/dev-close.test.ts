import { spawnSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

describe('patternbook dev, closed', () => {
  it('leaves nothing running when an edit is being rebuilt as it closes: the process exits', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'pb-dev-close-')), 'catalog');
    await cp(path.join(REPO, 'examples', 'catalog'), root, { recursive: true });
    // The full build that follows a quick rebuild waits `settleMs` (an hour here): it must not be
    // scheduled once the server is closed, or it keeps the process alive that long.
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      const { startDev } = await import(${JSON.stringify(path.join(REPO, 'dist', 'site', 'dev.js'))});
      const file = ${JSON.stringify(path.join(root, 'saga', 'README.md'))};
      const original = readFileSync(file, 'utf8');
      const dev = await startDev({ root: ${JSON.stringify(root)}, settleMs: 3600000 });
      const next = dev.nextBuild();
      writeFileSync(file, original.replace('## Overview\\n', '## Overview\\n\\nEdited.\\n'));
      await next;
      writeFileSync(file, original);
      await dev.close();
      console.log('closed');
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toBe('closed\n');
    // Killed by the timeout (signal set, no exit status) when something kept it alive.
    expect([run.signal, run.status]).toEqual([null, 0]);
  }, 40_000);
});
