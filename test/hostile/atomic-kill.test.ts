import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempCatalog } from '../helpers.js';

const BIN = path.join(REPO, 'dist/cli/bin.js');
const HAVE_BIN = existsSync(BIN);
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

interface Child {
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill: () => void;
}

function start(args: string[], cwd: string): Child {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
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

/** Resolves once the first pattern folder shows a write (a temp file, or a new mtime), or the child ends. */
async function firstWrite(dir: string, child: Child, timeoutMs = 20_000): Promise<boolean> {
  const watched = path.join(dir, name(0));
  const before = (await stat(path.join(watched, 'README.md'))).mtimeMs;
  let ended = false;
  void child.done.then(() => (ended = true));
  const until = Date.now() + timeoutMs;
  while (!ended && Date.now() < until) {
    const names = await readdir(watched);
    if (names.length > 1) return true;
    const now = await stat(path.join(watched, 'README.md')).catch(() => undefined);
    if (now && now.mtimeMs !== before) return true;
    await new Promise((r) => setTimeout(r, 1));
  }
  return false;
}

describe.skipIf(!HAVE_BIN)('SIGKILL during `lint --fix` (needs `npm run build`)', () => {
  it('every file is either its original or its fully fixed text, whenever the process dies; a rerun completes the fix', async () => {
    const base = await tempCatalog();
    const orig = path.join(base, 'orig');
    const originals = await generate(orig);

    // The fully fixed text, from a run to completion on a separate copy.
    const full = path.join(base, 'full');
    await cp(orig, full, { recursive: true });
    const completed = await start(['lint', full, '--fix'], base).done;
    expect(completed.stderr).not.toMatch(CRASH);
    const fixed = new Map<string, string>();
    for (const slug of originals.keys()) fixed.set(slug, await readFile(path.join(full, slug, 'README.md'), 'utf8'));
    for (const [slug, text] of fixed) {
      expect(text, slug).not.toBe(originals.get(slug));
      expect(text, slug).toContain('## Limitations');
    }
    expect(await entries(full)).toEqual([...originals.keys()].flatMap((s) => [s, `${s}/README.md`]).sort());

    // Kill moments: fixed delays from the start (as asked), and delays after the first write is seen
    // (the writes happen in a short window after ~1 s of reading and linting, which fixed delays miss).
    const trials: { label: string; from: 'start' | 'write'; ms: number }[] = [
      { label: '50 ms after start', from: 'start', ms: 50 },
      { label: '150 ms after start', from: 'start', ms: 150 },
      { label: 'at the first write', from: 'write', ms: 0 },
      { label: '25 ms after the first write', from: 'write', ms: 25 },
    ];
    const seen = { original: 0, fixed: 0, temps: 0 };
    for (const [n, trial] of trials.entries()) {
      const copy = path.join(base, `kill-${n}`);
      await cp(orig, copy, { recursive: true });
      const child = start(['lint', copy, '--fix'], base);
      if (trial.from === 'write') await firstWrite(copy, child);
      await new Promise((r) => setTimeout(r, trial.ms));
      child.kill();
      await child.done;

      for (const [slug, text] of originals) {
        const now = await readFile(path.join(copy, slug, 'README.md'), 'utf8');
        const ok = now === text || now === fixed.get(slug);
        expect(ok, `${trial.label}: ${slug}/README.md is neither the original nor the fixed text`).toBe(true);
        if (now === text) seen.original++;
        else seen.fixed++;
      }
      // Nothing but the patterns and, at worst, the writer's own temp files (checked strictly below).
      const extra = (await entries(copy)).filter((e) => !/^p\d{3}(\/README\.md)?$/.test(e));
      for (const e of extra) expect(path.basename(e), `${trial.label}: unexpected ${e}`).toMatch(TEMP_NAME);
      seen.temps += extra.length;

      // A rerun to completion finishes the job: every file fully fixed (checked once, it costs a full run).
      if (trial.from !== 'write' || trial.ms !== 0) continue;
      const rerun = await start(['lint', copy, '--fix'], base).done;
      expect(rerun.stderr).not.toMatch(CRASH);
      for (const [slug, text] of fixed) expect(await readFile(path.join(copy, slug, 'README.md'), 'utf8'), `rerun ${slug}`).toBe(text);
    }
    // The trials did hit the write window at least once (else the test proved nothing).
    expect(seen.fixed).toBeGreaterThan(0);
    expect(seen.original).toBeGreaterThan(0);
  }, 60_000);

  // A SIGKILL between the temporary file's creation and its rename leaves it behind; the next write to
  // that file removes temporaries of processes that no longer run (their pid is in the name).
  it('no temporary file is left in the catalog after a SIGKILL during the writes, once lint --fix has run again', async () => {
    const base = await tempCatalog();
    const orig = path.join(base, 'orig');
    await generate(orig);
    let left: string[] = [];
    for (let attempt = 0; attempt < 4 && left.length === 0; attempt++) {
      const copy = path.join(base, `kill-${attempt}`);
      await cp(orig, copy, { recursive: true });
      const child = start(['lint', copy, '--fix'], base);
      await firstWrite(copy, child);
      child.kill();
      await child.done;
      left = (await entries(copy)).filter((e) => TEMP_NAME.test(path.basename(e)));
      if (left.length === 0) continue;
      await start(['lint', copy, '--fix'], base).done;
      const after = (await entries(copy)).filter((e) => /\.tmp$/.test(e) || path.basename(e).startsWith('.'));
      expect(after, 'temporary files left in the catalog').toEqual([]);
    }
    // Reaching here without ever producing a temp file proves nothing either way: fail loudly.
    expect(left.length, 'never caught a write in progress').toBeGreaterThan(0);
  }, 60_000);
});

describe.skipIf(!HAVE_BIN)('SIGKILL during `patternbook new` (needs `npm run build`)', () => {
  it('the new pattern file is either absent or complete, never partial, and a rerun works', async () => {
    const base = await tempCatalog({ 'cat/existing/README.md': await patternText(0) });
    const orig = path.join(base, 'cat');
    const full = path.join(base, 'full');
    await cp(orig, full, { recursive: true });
    const done = await start(['new', 'fresh-pattern', '-d', full, '--summary', 'Does fresh things.'], base).done;
    expect(done.code).toBe(0);
    const complete = await readFile(path.join(full, 'fresh-pattern', 'README.md'), 'utf8');
    expect(complete).toContain('Does fresh things.');

    for (const [n, ms] of [40, 80, 120, 160, 220, 300].entries()) {
      const copy = path.join(base, `kill-${n}`);
      await cp(orig, copy, { recursive: true });
      const child = start(['new', 'fresh-pattern', '-d', copy, '--summary', 'Does fresh things.'], base);
      await new Promise((r) => setTimeout(r, ms));
      child.kill();
      await child.done;
      const file = path.join(copy, 'fresh-pattern', 'README.md');
      if (existsSync(file)) expect(await readFile(file, 'utf8'), `killed after ${ms} ms`).toBe(complete);
      const extra = (await entries(copy)).filter((e) => !/^(existing|existing\/README\.md|fresh-pattern|fresh-pattern\/README\.md|fresh-pattern\/diagrams|fresh-pattern\/diagrams\/\.gitkeep)$/.test(e));
      for (const e of extra) expect(path.basename(e), `killed after ${ms} ms: unexpected ${e}`).toMatch(/^\.(README\.md|\.gitkeep)\.\d+-[0-9a-f]{12}\.tmp$/);
      // Whatever happened, running it again either creates the pattern or says it exists — never a crash.
      const again = await start(['new', 'fresh-pattern', '-d', copy, '--summary', 'Does fresh things.'], base).done;
      expect(again.stderr).not.toMatch(CRASH);
      expect(await readFile(file, 'utf8')).toBe(complete);
    }
  }, 30_000);
});
