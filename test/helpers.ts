import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach } from 'vitest';
import { main } from '../src/cli/main.js';
import type { TemplateSection } from '../src/template/types.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const REPO = fileURLToPath(new URL('../', import.meta.url));
export const fixture = (...parts: string[]): string => path.join(FIXTURES, ...parts);

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A throw-away folder holding the given files (text or bytes), removed after the test. */
export async function tempCatalog(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'patternbook-test-'));
  temps.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as the bin does, capturing its output. */
export async function runCli(argv: string[], cwd: string, options: { env?: Record<string, string>; tty?: boolean; input?: string } = {}): Promise<CliRun> {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const stderr = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  if (options.input !== undefined) stdin.end(options.input);
  const code = await main({ argv, cwd, stdout, stderr, stdin, env: options.env ?? {} });
  return { code, stdout: out, stderr: err };
}

/** A template's sections as `level name`, indented by depth, `+` for repeatable, `?` for optional. */
/**
 * `patternbook lint <dir> --format json` with the built CLI (worker threads need the compiled
 * worker) on `threads` lanes, with per-rule timings on standard error (a worker prints its own).
 */
export async function lintBuilt(dir: string, threads: string): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [path.join(REPO, 'dist/cli/bin.js'), 'lint', dir, '--format', 'json'], {
    env: { ...process.env, PATTERNBOOK_THREADS: threads, PATTERNBOOK_TIMING: '1' },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr }));
}

export function outline(sections: TemplateSection[], depth = 0): string[] {
  return sections.flatMap((s) => [
    `${'  '.repeat(depth)}${s.level} ${s.name}${s.repeatable ? ' +' : ''}${s.optional ? ' ?' : ''}${s.recommended && !s.optional ? ' ~' : ''}`,
    ...outline(s.children, depth + 1),
  ]);
}

/** Every file under `dir` (links not followed), relative with `/`, sorted. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * `git args` in `cwd` as a test author, committed (where it commits) as of `date` (`2020-01-01T00:00:00Z`)
 * when given: catalogs whose history says when their template and patterns were written.
 */
export function gitAt(cwd: string, date: string | undefined, ...args: string[]): void {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** A catalog committed step by step: each step's files written (folders made), then all committed as of its date. */
export async function commitSteps(root: string, steps: readonly (readonly [date: string, files: Record<string, string>])[]): Promise<void> {
  for (const [date, files] of steps) {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    }
    commitAllAt(root, date, `as of ${date}`);
  }
}

/** Every file of `cwd` committed at `date` (the repository made first where there is none). */
export function commitAllAt(cwd: string, date: string, message: string): void {
  if (!existsSync(path.join(cwd, '.git'))) gitAt(cwd, date, 'init', '-q');
  gitAt(cwd, date, 'add', '-A');
  gitAt(cwd, date, 'commit', '-qm', message);
}
