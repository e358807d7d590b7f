import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, REPO, tempCatalog } from '../helpers.js';
import { HAVE_BIN, run, start, untilLanded, whenSeen } from './_kill.js';

const COUNT = 150;
const name = (i: number) => `p${String(i).padStart(3, '0')}`;

/** Patterns from the built-in template without `## Limitations`: `migrate` adds it back. */
async function generate(dir: string): Promise<Map<string, string>> {
  const template = await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8');
  const cut = template.replace(/\n## Limitations\n[\s\S]*?(?=\n## Alternatives)/, '\n');
  const out = new Map<string, string>();
  for (let i = 0; i < COUNT; i++) {
    const text = cut.replace('[Pattern Title]', `Pattern ${i}`);
    await mkdir(path.join(dir, name(i)), { recursive: true });
    await writeFile(path.join(dir, name(i), 'README.md'), text);
    out.set(name(i), text);
  }
  return out;
}

describe.skipIf(!HAVE_BIN)('SIGKILL during `migrate --write` and `build` (needs `npm run build`)', () => {
  it('migrate --write: every file is its original or its migrated text, whenever the process dies', async () => {
    const base = await tempCatalog();
    const orig = path.join(base, 'orig');
    const originals = await generate(orig);
    const template = path.join(REPO, 'templates/pattern.md');
    const done = path.join(base, 'done');
    await cp(orig, done, { recursive: true });
    expect((await run(['migrate', done, '--to', template, '--write'])).code).toBe(0);
    const migrated = new Map<string, string>();
    for (const slug of originals.keys()) migrated.set(slug, await readFile(path.join(done, slug, 'README.md'), 'utf8'));
    expect(migrated.get(name(0))).not.toBe(originals.get(name(0)));
    // Killed as soon as the first pattern has been replaced, tried until the kill lands before the
    // last one is (both kinds in one catalog); whatever the moment, no file is anything else.
    await untilLanded(10, 'between the first and the last write of `migrate --write`', async (n) => {
      const copy = path.join(base, `kill-${n}`);
      await cp(orig, copy, { recursive: true });
      const first = path.join(copy, name(0), 'README.md');
      const inode = (await stat(first)).ino;
      const child = start(['migrate', copy, '--to', template, '--write']);
      expect(await whenSeen(child, async () => (await stat(first).catch(() => undefined))?.ino !== inode), 'migrate ended without writing').toBe(true);
      await child.kill();
      let before = 0;
      let after = 0;
      for (const [slug, text] of originals) {
        const now = await readFile(path.join(copy, slug, 'README.md'), 'utf8');
        if (now === text) before++;
        else if (now === migrated.get(slug)) after++;
        else throw new Error(`try ${n}: ${slug} is neither its original nor its migrated text`);
      }
      // The only leftovers allowed are temporary files of the killed process (removed by the next write).
      for (const f of await listFiles(copy)) expect(f, `try ${n}`).toMatch(/(^|\/)(README\.md|\.README\.md\.\d+-[0-9a-f]{12}\.tmp)$/);
      return before > 0 && after > 0;
    });
  }, 120_000);

  it('build: a killed build leaves the previous site as it was, and the next build cleans up after it', async () => {
    const base = await tempCatalog();
    const root = path.join(base, 'catalog');
    await generate(root);
    const out = path.join(base, 'site');
    expect((await run(['build', root, '--out', out])).code).toBe(0);
    const before = await listFiles(out);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    await writeFile(path.join(root, name(0), 'README.md'), (await readFile(path.join(root, name(0), 'README.md'), 'utf8')).replace('Pattern 0', 'Pattern Zero'));
    // Killed once the new site is half-built beside the output (its folder holds more than the
    // marker), tried until the kill leaves that folder behind: the previous site is as it was.
    const building = async () => (await readdir(base)).find((e) => e.startsWith('.site.building-'));
    await untilLanded(10, 'while the new site was being built', async (n) => {
      const child = start(['build', root, '--out', out]);
      await whenSeen(child, async () => {
        const dir = await building();
        return dir !== undefined && (await readdir(path.join(base, dir)).catch(() => [])).length > 1;
      });
      await child.kill();
      expect(await listFiles(out), `try ${n}`).toEqual(before);
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(index);
      return (await building()) !== undefined;
    });
    // The next build takes over the dead build's lock, removes its half-built folder and swaps in the new site.
    const next = await run(['build', root, '--out', out]);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toMatch(/internal error|Another build/);
    expect(await readdir(base)).toEqual(['catalog', 'site']);
    // (Home shows a page of cards by name: the renamed pattern is on its own page, first in its group.)
    expect(await readFile(path.join(out, 'patterns', name(0), 'index.html'), 'utf8')).toContain('<h1>Pattern Zero</h1>');
  }, 120_000);

  it('init: each file it writes is absent or complete, whenever the process dies; a rerun refuses rather than overwrites', async () => {
    const base = await tempCatalog();
    const whole = path.join(base, 'whole');
    expect((await run(['init', whole])).code).toBe(0);
    const expected = new Map<string, string>();
    for (const f of await listFiles(whole)) expected.set(f, await readFile(path.join(whole, f), 'utf8'));
    // Killed as soon as its first file is in place, tried until the kill lands before the last one is.
    let partial: string | undefined;
    await untilLanded(20, 'between the first and the last file `init` writes', async (n) => {
      const dir = path.join(base, `kill-${n}`);
      const child = start(['init', dir]);
      await whenSeen(child, () => existsSync(path.join(dir, 'patternbook.config.json')));
      await child.kill();
      if (!existsSync(dir)) return false;
      const written = (await listFiles(dir)).filter((f) => !/\.\d+-[0-9a-f]{12}\.tmp$/.test(f));
      for (const f of written) {
        expect(expected.has(f), `try ${n}: unexpected ${f}`).toBe(true);
        expect(await readFile(path.join(dir, f), 'utf8'), `try ${n}: ${f} is partial`).toBe(expected.get(f));
      }
      if (written.length > 0 && written.length < expected.size) partial = dir;
      return partial !== undefined;
    });
    // A second init where the first left files: it refuses (exit 2) and changes none of them.
    const before = await listFiles(partial!);
    expect((await run(['init', partial!])).code).toBe(2);
    expect(await listFiles(partial!)).toEqual(before);
  }, 120_000);
});
