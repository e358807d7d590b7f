import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempCatalog } from '../helpers.js';
import { HAVE_BIN, run, start, untilLanded, whenSeen, type Child } from './_kill.js';

const CRASH = /\n\s+at \S+ \(|internal error/i;
const COUNT = 200;
const TEMP_NAME = /^\.README\.md\.\d+-[0-9a-f]{12}\.tmp$/;

/** The built-in template with `## Limitations` cut out: `lint --fix` inserts it back. */
async function patternText(i: number): Promise<string> {
  const template = await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8');
  const cut = template.replace(/\n## Limitations\n[\s\S]*?(?=\n## Alternatives)/, '\n');
  if (cut === template) throw new Error('templates/pattern.md changed: no ## Limitations section to cut');
  return cut.replace('[Pattern Title]', `Pattern ${i}`);
}

const name = (i: number) => `p${String(i).padStart(3, '0')}`;

async function generate(dir: string): Promise<Map<string, string>> {
  const originals = new Map<string, string>();
  for (let i = 0; i < COUNT; i++) {
    const text = await patternText(i);
    await mkdir(path.join(dir, name(i)), { recursive: true });
    await writeFile(path.join(dir, name(i), 'README.md'), text);
    originals.set(name(i), text);
  }
  return originals;
}

/** Every entry under `dir` (files and folders), relative. */
async function entries(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    out.push(rel);
    if (e.isDirectory()) out.push(...(await entries(path.join(dir, e.name), rel)));
  }
  return out.sort();
}

/**
 * Resolves true once the first pattern's file has been replaced (a new file took its place) —
 * or, for `temp`, already while it is being written (its temporary file is there), which a poll
 * may miss, as that lasts a moment: the writes of the other files are under way either way.
 * False if the child ends first.
 */
async function firstWrite(dir: string, child: Child, what: 'temp' | 'replaced'): Promise<boolean> {
  const watched = path.join(dir, name(0));
  const before = (await stat(path.join(watched, 'README.md'))).ino;
  return whenSeen(child, async () => {
    if (what === 'temp' && (await readdir(watched)).length > 1) return true;
    const now = await stat(path.join(watched, 'README.md')).catch(() => undefined);
    return now !== undefined && now.ino !== before;
  });
}

describe.skipIf(!HAVE_BIN)('SIGKILL during `lint --fix` (needs `npm run build`)', () => {
  it('every file is either its original or its fully fixed text, whenever the process dies; a rerun completes the fix', async () => {
    const base = await tempCatalog();
    const orig = path.join(base, 'orig');
    const originals = await generate(orig);

    // The fully fixed text, from a run to completion on a separate copy.
    const full = path.join(base, 'full');
    await cp(orig, full, { recursive: true });
    const completed = await run(['lint', full, '--fix'], base);
    expect(completed.stderr).not.toMatch(CRASH);
    const fixed = new Map<string, string>();
    for (const slug of originals.keys()) fixed.set(slug, await readFile(path.join(full, slug, 'README.md'), 'utf8'));
    for (const [slug, text] of fixed) {
      expect(text, slug).not.toBe(originals.get(slug));
      expect(text, slug).toContain('## Limitations');
    }
    expect(await entries(full)).toEqual([...originals.keys()].flatMap((s) => [s, `${s}/README.md`]).sort());

    // Killed as soon as the first file has been replaced: every file is its original or its fixed
    // text, and — the point of the test — the kill lands while the writes are under way, leaving
    // both kinds in one catalog (tried until one does).
    let landed: string | undefined;
    await untilLanded(10, 'between the first and the last write of `lint --fix`', async (n) => {
      const copy = path.join(base, `kill-${n}`);
      await cp(orig, copy, { recursive: true });
      const child = start(['lint', copy, '--fix'], base);
      expect(await firstWrite(copy, child, 'replaced'), 'lint --fix ended without writing').toBe(true);
      await child.kill();

      let original = 0;
      let done = 0;
      for (const [slug, text] of originals) {
        const now = await readFile(path.join(copy, slug, 'README.md'), 'utf8');
        expect(now === text || now === fixed.get(slug), `try ${n}: ${slug}/README.md is neither the original nor the fixed text`).toBe(true);
        if (now === text) original++;
        else done++;
      }
      // Nothing but the patterns and, at worst, the writer's own temp files.
      const extra = (await entries(copy)).filter((e) => !/^p\d{3}(\/README\.md)?$/.test(e));
      for (const e of extra) expect(path.basename(e), `try ${n}: unexpected ${e}`).toMatch(TEMP_NAME);
      if (original > 0 && done > 0) landed = copy;
      return landed !== undefined;
    });

    // A rerun to completion finishes the job: every file fully fixed.
    const rerun = await run(['lint', landed!, '--fix'], base);
    expect(rerun.stderr).not.toMatch(CRASH);
    for (const [slug, text] of fixed) expect(await readFile(path.join(landed!, slug, 'README.md'), 'utf8'), `rerun ${slug}`).toBe(text);
  }, 120_000);

  // A SIGKILL between the temporary file's creation and its rename leaves it behind; the next write to
  // that file removes temporaries of processes that no longer run (their pid is in the name).
  it('no temporary file is left in the catalog after a SIGKILL during the writes, once lint --fix has run again', async () => {
    const base = await tempCatalog();
    const orig = path.join(base, 'orig');
    await generate(orig);
    // Tried until a kill catches a temporary file on disk (killed between its creation and its rename).
    await untilLanded(10, 'while a temporary file was on disk', async (n) => {
      const copy = path.join(base, `kill-${n}`);
      await cp(orig, copy, { recursive: true });
      const child = start(['lint', copy, '--fix'], base);
      expect(await firstWrite(copy, child, 'temp'), 'lint --fix ended without writing').toBe(true);
      await child.kill();
      const left = (await entries(copy)).filter((e) => TEMP_NAME.test(path.basename(e)));
      if (left.length === 0) return false;
      const rerun = await run(['lint', copy, '--fix'], base);
      expect(rerun.stderr).not.toMatch(CRASH);
      const after = (await entries(copy)).filter((e) => /\.tmp$/.test(e) || path.basename(e).startsWith('.'));
      expect(after, 'temporary files left in the catalog').toEqual([]);
      return true;
    });
  }, 120_000);
});

describe.skipIf(!HAVE_BIN)('SIGKILL during `patternbook new` (needs `npm run build`)', () => {
  it('the new pattern file is either absent or complete, never partial, and a rerun works', async () => {
    const base = await tempCatalog({ 'cat/existing/README.md': await patternText(0) });
    const orig = path.join(base, 'cat');
    const full = path.join(base, 'full');
    await cp(orig, full, { recursive: true });
    const done = await run(['new', 'fresh-pattern', '-d', full, '--summary', 'Does fresh things.'], base);
    expect(done.code).toBe(0);
    const complete = await readFile(path.join(full, 'fresh-pattern', 'README.md'), 'utf8');
    expect(complete).toContain('Does fresh things.');

    // Killed as soon as the pattern's folder appears (its first write has begun); tried until a kill
    // lands before the last file is in place. Whatever the moment, no file is partial.
    const args = (dir: string) => ['new', 'fresh-pattern', '-d', dir, '--summary', 'Does fresh things.'];
    await untilLanded(20, 'between the first and the last write of `new`', async (n) => {
      const copy = path.join(base, `kill-${n}`);
      await cp(orig, copy, { recursive: true });
      const folder = path.join(copy, 'fresh-pattern');
      const child = start(args(copy), base);
      const began = await whenSeen(child, () => existsSync(folder));
      await child.kill();
      const file = path.join(folder, 'README.md');
      if (existsSync(file)) expect(await readFile(file, 'utf8'), `try ${n}`).toBe(complete);
      const extra = (await entries(copy)).filter(
        (e) => !/^(existing|existing\/README\.md|fresh-pattern|fresh-pattern\/README\.md|fresh-pattern\/diagrams|fresh-pattern\/diagrams\/\.gitkeep)$/.test(e),
      );
      for (const e of extra) expect(path.basename(e), `try ${n}: unexpected ${e}`).toMatch(/^\.(README\.md|\.gitkeep)\.\d+-[0-9a-f]{12}\.tmp$/);
      const finished = existsSync(file) && existsSync(path.join(folder, 'diagrams', '.gitkeep'));
      // Whatever happened, running it again either creates the pattern or says it exists — never a crash.
      const again = await run(args(copy), base);
      expect(again.stderr).not.toMatch(CRASH);
      expect(await readFile(file, 'utf8')).toBe(complete);
      return began && !finished;
    });
  }, 120_000);
});
