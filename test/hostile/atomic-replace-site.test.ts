import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceSite } from '../../src/site/out-dir.js';
import { tempCatalog } from '../helpers.js';

/** Two site swaps whose builds finish in the same tick: the narrowest form of two concurrent `build` runs. */
async function race(parent: string, root: string) {
  const out = path.join(parent, 'site');
  // The builds are let go together, once each has either written its site and is waiting here
  // or has been refused (no fixed delay: a slow machine would let one finish before the other began).
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let ready = 0;
  const arrive = () => {
    if (++ready === 2) release();
  };
  const builder = (label: string) => async (dir: string) => {
    await writeFile(path.join(dir, 'index.html'), `<p>${label}</p>\n`);
    await writeFile(path.join(dir, 'catalog.json'), `{"by":"${label}"}\n`);
    arrive();
    await gate;
  };
  const swap = (label: string) => replaceSite(out, root, builder(label)).catch((err: unknown) => (arrive(), Promise.reject(err)));
  return { out, results: await Promise.allSettled([swap('A'), swap('B')]) };
}

// Two builds swapping into the same output at once: one takes the lock beside the output, the other
// refuses with a message naming the output (before the lock, one of them failed with a raw ENOTEMPTY or
// ENOENT from the rename and left its `.building-` folder behind).
describe('replaceSite: two swaps into the same output at once', () => {
  for (const existing of [false, true]) {
    it(`${existing ? 'over an existing site' : 'into a new folder'}: one complete site, no .building-/.old- folder left, any refusal is a clear PatternbookError`, async () => {
      // The outcome depends on thread-pool timing, so the race is run several times: every run must be sound.
      for (let attempt = 0; attempt < 12; attempt++) {
        const root = await tempCatalog({ 'p/README.md': '# P\n' });
        const parent = await tempCatalog();
        if (existing) await replaceSite(path.join(parent, 'site'), root, async (dir) => void (await writeFile(path.join(dir, 'index.html'), 'old\n')));
        const { out, results } = await race(parent, root);
        for (const r of results) {
          if (r.status === 'rejected') {
            const err = r.reason as Error;
            expect(err.name, String(err.message)).toBe('PatternbookError');
            expect(err.message).toContain(out);
            expect(err.message).not.toMatch(/^E[A-Z]+:/);
          }
        }
        expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
        expect(existsSync(path.join(out, 'index.html'))).toBe(true);
        expect(['<p>A</p>\n', '<p>B</p>\n']).toContain(await readFile(path.join(out, 'index.html'), 'utf8'));
        expect(await readdir(parent)).toEqual(['site']);
      }
    });
  }
});
