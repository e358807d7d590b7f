import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { REPO, runCli, tempCatalog } from '../helpers.js';

/** What a real `git check-ignore` says of each path (made first, when missing): true when git ignores it. */
async function ignoredByGit(repo: string, paths: string[]): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const p of paths) {
    if (!existsSync(path.join(repo, p))) {
      await mkdir(path.dirname(path.join(repo, p)), { recursive: true });
      await writeFile(path.join(repo, p), '{}');
    }
    const r = spawnSync('git', ['check-ignore', '-q', p], { cwd: repo });
    if (r.status !== 0 && r.status !== 1) throw new Error(`git check-ignore ${p}: ${r.stderr.toString()}`);
    out[p] = r.status === 0;
  }
  return out;
}

async function gitRepo(files: Record<string, string> = {}): Promise<string> {
  const dir = await tempCatalog(files);
  const r = spawnSync('git', ['init', '-q'], { cwd: dir });
  expect(r.status, r.stderr.toString()).toBe(0);
  return dir;
}

const BUILT_AND_CACHED = ['_site/index.html', '.patternbook/dev-site/index.html', '.patternbook/external-links.json'];
const COMMITTED = ['.patternbook/verify/first-pattern.json', 'first-pattern/README.md', 'patternbook.config.json', 'templates/pattern.md', '.gitignore'];

/** The local calendar date, as the author would write it. */
function today(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

describe('patternbook init: .gitignore', () => {
  it('writes a .gitignore under which git ignores the built site and the caches but keeps the verification records', async () => {
    const dir = await gitRepo();
    const run = await runCli(['init', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`created ${path.relative(REPO, path.join(dir, '.gitignore'))}\n`);
    const verdict = await ignoredByGit(dir, [...BUILT_AND_CACHED, ...COMMITTED]);
    for (const p of BUILT_AND_CACHED) expect(verdict[p], p).toBe(true);
    for (const p of COMMITTED) expect(verdict[p], p).toBe(false);
  });

  it('adds to an existing .gitignore: every line of it kept in place, none written twice', async () => {
    const mine = '# my project\nnode_modules/\n_site\n.env';
    const dir = await gitRepo({ '.gitignore': mine });
    const run = await runCli(['init', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('updated');
    const after = await readFile(path.join(dir, '.gitignore'), 'utf8');
    expect(after.startsWith(`${mine}\n`)).toBe(true);
    const lines = after.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(['node_modules/', '_site', '.env', '/.patternbook/*', '!/.patternbook/verify/']);
    const verdict = await ignoredByGit(dir, [...BUILT_AND_CACHED, ...COMMITTED, 'node_modules/x.js', '.env']);
    for (const p of [...BUILT_AND_CACHED, 'node_modules/x.js', '.env']) expect(verdict[p], p).toBe(true);
    for (const p of COMMITTED) expect(verdict[p], p).toBe(false);
  });

  it('leaves a .gitignore that has every line as it is', async () => {
    const mine = '/_site/\r\n/.patternbook/*\r\n!/.patternbook/verify/\r\n';
    const dir = await gitRepo({ '.gitignore': mine });
    const run = await runCli(['init', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('.gitignore');
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(mine);
  });

  it('says what to change when the .gitignore hides the verification records too, and removes nothing', async () => {
    const mine = '.patternbook/\n';
    const dir = await gitRepo({ '.gitignore': mine });
    const run = await runCli(['init', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('.gitignore has `.patternbook/`, which also ignores the verification records in .patternbook/verify/');
    expect(run.stderr).toContain('`/.patternbook/*` and `!/.patternbook/verify/`');
    const after = await readFile(path.join(dir, '.gitignore'), 'utf8');
    expect(after.startsWith(mine)).toBe(true);
    expect(after.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['.patternbook/', '/_site/']);
  });

  it('a .gitignore it cannot read (a folder of that name): the catalog is made, and the lines to add are named', async () => {
    const dir = await tempCatalog();
    await mkdir(path.join(dir, '.gitignore'));
    const run = await runCli(['init', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('.gitignore could not be read (EISDIR): add `/_site/`, `/.patternbook/*`, `!/.patternbook/verify/` to your git ignore rules yourself.');
    expect(existsSync(path.join(dir, 'first-pattern/README.md'))).toBe(true);
  });
});

describe('patternbook new: the first changelog entry is dated today', () => {
  it('the default template: today’s date and the template’s version, so a new pattern is not stale', async () => {
    const dir = await tempCatalog();
    await runCli(['init', dir], REPO);
    const before = today();
    const run = await runCli(['new', 'circuit-breaker', '--summary', 'Fails fast when a dependency is down.', '--dir', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(path.join(dir, 'circuit-breaker/README.md'), 'utf8');
    const date = /^### Version 1\.0\.0 \((\d{4}-\d{2}-\d{2})\)$/m.exec(text)?.[1];
    expect([before, today()]).toContain(date);
    expect(text).not.toContain('2024-01-15');
    // init's first pattern too.
    expect(await readFile(path.join(dir, 'first-pattern/README.md'), 'utf8')).not.toContain('2024-01-15');

    const report = await runCli(['report', dir, '--format', 'json'], REPO);
    const stale = (JSON.parse(report.stdout) as { stale: { slug: string }[] }).stale.map((s) => s.slug);
    expect(stale).not.toContain('circuit-breaker');
    expect(stale).not.toContain('first-pattern');
  });

  const shapes: Record<string, { template: string; entry: RegExp }> = {
    'a changelog table': {
      template:
        '# [Pattern Title]\n\n> [One sentence.]\n\n## Overview\n\n[What it does.]\n\n## Changelog\n\n| Version | Date | Changes |\n|---|---|---|\n| 0.1.0 | 2024-01-15 | First draft |\n| 0.0.1 | 2023-12-01 | Notes |\n',
      entry: /^\| 0\.1\.0 \| (\d{4}-\d{2}-\d{2}) \| First draft \|$/m,
    },
    'a changelog list': {
      template:
        '# [Pattern Title]\n\n> [One sentence.]\n\n## Overview\n\n[What it does.]\n\n## History\n\nDates are written as 2020-02-02.\n\n- 2.0.0 (2024-01-15): first version\n',
      entry: /^- 2\.0\.0 \((\d{4}-\d{2}-\d{2})\): first version$/m,
    },
  };
  for (const [shape, { template, entry }] of Object.entries(shapes)) {
    it(`a template with ${shape}: its first entry is dated today, the rest of the template as it was`, async () => {
      const dir = await tempCatalog({
        'templates/pattern.md': template,
        'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', exclude: ['templates/**'] }),
      });
      const before = today();
      const run = await runCli(['new', 'saga', '--summary', 'Keeps data consistent.', '--dir', dir], REPO);
      expect(run.code, run.stderr).toBe(0);
      const text = await readFile(path.join(dir, 'saga/README.md'), 'utf8');
      const date = entry.exec(text)?.[1];
      expect([before, today()]).toContain(date);
      const expected = template.replace('[Pattern Title]', 'Saga').replace('[One sentence.]', 'Keeps data consistent.').replace('2024-01-15', date!);
      expect(text).toBe(expected);
      const catalog = await loadCatalog(dir);
      expect(catalog.diagnostics).toEqual([]);
    });
  }

  it('a template without a changelog: the new pattern is the template with the title and summary filled in', async () => {
    const template = '# [Pattern Title]\n\n> [One sentence.]\n\n## Overview\n\nWritten 2024-01-15.\n\n## Forces\n\n- [A force]\n';
    const dir = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', exclude: ['templates/**'] }),
    });
    const run = await runCli(['new', 'saga', '--summary', 'Keeps data consistent.', '--dir', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'saga/README.md'), 'utf8')).toBe(
      template.replace('[Pattern Title]', 'Saga').replace('[One sentence.]', 'Keeps data consistent.'),
    );
  });
});

const BIN = path.join(REPO, 'dist/cli/bin.js');
const running: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

/** Starts the real CLI and resolves with the first line of its output that names a URL. */
async function serving(args: string[], cwd: string): Promise<{ line: string; url: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  running.push(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => /http:\/\/\S+/.test(l));
      if (line) resolve({ line, url: /http:\/\/\S+/.exec(line)![0] });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving: ${out}${err}`)));
  });
}

const PATTERN = '# Saga\n\n> Keeps data consistent across services.\n\n## Overview\n\nText.\n';

describe.skipIf(!existsSync(BIN))('patternbook preview and dev: what they serve (needs `npm run build`)', () => {
  it('preview takes the catalog root (its built outDir) and a built site folder', async () => {
    const dir = await tempCatalog({ 'catalog/saga/README.md': PATTERN, 'catalog/patternbook.config.yaml': '# where the site goes\noutDir: public\n' });
    const root = path.join(dir, 'catalog');
    const build = await runCli(['build', root], REPO);
    expect(build.code, build.stderr).toBe(0);
    for (const [args, cwd] of [
      [['preview', 'catalog'], dir],
      [['preview'], root],
      [['preview', 'catalog/public'], dir],
    ] as const) {
      const { line, url } = await serving([...args, '--port', '0'], cwd);
      expect(line, args.join(' ')).toContain(`Serving ${path.relative(cwd, path.join(root, 'public'))} at`);
      const page = await fetch(new URL('patterns/saga/', url));
      expect(page.status, args.join(' ')).toBe(200);
      expect(await page.text()).toContain('Keeps data consistent across services.');
    }
  }, 60_000);

  it('preview of a folder that does not exist, and of a catalog not built yet, says so (exit 2)', async () => {
    const dir = await tempCatalog({ 'saga/README.md': PATTERN });
    const missing = await runCli(['preview', path.join(dir, 'nonexistent')], REPO);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${path.join(dir, 'nonexistent')} does not exist`);
    const unbuilt = await runCli(['preview', dir], REPO);
    expect(unbuilt.code).toBe(2);
    expect(unbuilt.stderr).toContain(`is not built yet`);
    expect(unbuilt.stderr).toContain(`run \`patternbook build ${path.relative(REPO, dir)}\` first`);
    const here = await runCli(['preview'], dir);
    expect(here.code).toBe(2);
    expect(here.stderr).toContain('run `patternbook build` first');
  });

  it('dev prints the folder it really serves', async () => {
    const dir = await tempCatalog({ 'saga/README.md': PATTERN });
    const { line, url } = await serving(['dev', '.', '--port', '0'], dir);
    expect(line).toContain(`Serving ${path.join('.patternbook', 'dev-site')} (built from the catalog in .) at ${url}`);
    expect(existsSync(path.join(dir, '.patternbook', 'dev-site', 'patterns', 'saga', 'index.html'))).toBe(true);
    expect((await fetch(new URL('patterns/saga/', url))).status).toBe(200);
  }, 60_000);
});
