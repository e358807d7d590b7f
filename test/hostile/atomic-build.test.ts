import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempCatalog } from '../helpers.js';

const BIN = path.join(REPO, 'dist/cli/bin.js');
const CRASH = /\n\s+at \S+ \(|internal error/i;
const TEMPLATE = '# [Pattern Title]\n\n> Brief one-sentence description\n\n## Overview\n\nDescribe it.\n';
const COUNT = 60;
const slug = (i: number) => `pattern-${String(i).padStart(2, '0')}`;

function build(root: string, out: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'build', root, '--out', out], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe.skipIf(!existsSync(BIN))('two `patternbook build` runs to the same --out at once (needs `npm run build`)', () => {
  it('both finish, or one refuses clearly; the output is one complete site with nothing left beside it', async () => {
    const files: Record<string, string> = { 'template.md': TEMPLATE, 'patternbook.config.yaml': 'template: template.md\n' };
    for (let i = 0; i < COUNT; i++) files[`${slug(i)}/README.md`] = `# Pattern ${i}\n\n> Does thing ${i} well.\n\n## Overview\n\nThe pattern number ${i}.\n`;
    const root = await tempCatalog(files);
    const parent = await tempCatalog();
    const out = path.join(parent, 'site');

    // Round 1: the output does not exist yet; rounds 2 and 3: both replace an existing site.
    for (let round = 1; round <= 3; round++) {
      const [a, b] = await Promise.all([build(root, out, parent), build(root, out, parent)]);
      for (const run of [a, b]) {
        expect(run.stderr, `round ${round}`).not.toMatch(CRASH);
        if (run.code !== 0) {
          // A refusal: exit 1 or 2 with a one-line reason naming the output folder.
          expect([1, 2], `round ${round}: ${run.stderr}`).toContain(run.code);
          expect(run.stderr, `round ${round}`).toMatch(/site/);
        }
      }
      expect([a.code, b.code], `round ${round}: ${a.stderr} | ${b.stderr}`).toContain(0);

      const top = await readdir(out);
      expect(top).toEqual(expect.arrayContaining(['index.html', 'catalog.json', '404.html', '.patternbook-site']));
      const pages = await readdir(path.join(out, 'patterns'));
      expect(pages.sort()).toEqual(Array.from({ length: COUNT }, (_, i) => slug(i)));
      for (const p of pages) expect(existsSync(path.join(out, 'patterns', p, 'index.html')), p).toBe(true);
      const catalog = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as { patterns: unknown[] };
      expect(catalog.patterns.length).toBe(COUNT);
      // No half-built or old site left beside the output.
      expect(
        (await readdir(parent)).filter((n) => n !== 'site'),
        `round ${round}`,
      ).toEqual([]);
    }
  }, 30_000);
});
