import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, listFiles, runCli, tempCatalog } from '../helpers.js';

// Ordinary I/O failures are the user's situation: exit 2 with what could not be
// done, where and what to do — never "internal error … a bug in Patternbook" —
// and nothing half-written.

const BUG = /internal error|bug in Patternbook|\n\s+at \S+/i;
const TEMPLATE = '# [Pattern Title]\n\n> Brief one-sentence description\n\n## Overview\n\nDescribe it.\n\n## Usage\n\nHow to use it.\n';
// Lacks `## Usage`: `lint --fix` has something to write.
const ALPHA = '# Alpha\n\n> Alpha does one thing well.\n\n## Overview\n\nThe alpha pattern.\n';

async function catalog() {
  const dir = await tempCatalog({ 'cat/template.md': TEMPLATE, 'cat/patternbook.config.yaml': 'template: template.md\n', 'cat/alpha/README.md': ALPHA });
  return { dir, cat: path.join(dir, 'cat') };
}

/** Files whose names say they are temporary ones of the atomic writer. */
const temporaries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('writing where the system refuses', () => {
  it('lint -o FOLDER: "it is a folder", exit 2, nothing left in the folder or beside it', async () => {
    const { dir, cat } = await catalog();
    const out = path.join(dir, 'reports');
    await mkdir(out);
    const r = await runCli(['lint', cat, '-o', out], dir);
    expect(r.stderr).not.toMatch(BUG);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Cannot write \`${out}\`: it is a folder`);
    expect(readdirSync(out)).toEqual([]);
    expect(temporaries(dir)).toEqual([]);
  });

  it('lint -o FILE/x: names the file that stands where a folder should be, exit 2, the file unchanged', async () => {
    const { dir, cat } = await catalog();
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'keep me\n');
    for (const out of [path.join(file, 'report.txt'), path.join(file, 'deeper', 'report.txt')]) {
      const r = await runCli(['lint', cat, '-o', out], dir);
      expect(r.stderr).not.toMatch(BUG);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Cannot write \`${out}\`: \`${file}\` is a file, not a folder`);
      expect(await readFile(file, 'utf8')).toBe('keep me\n');
    }
  });

  // Node's recursive mkdir never returns under /proc: each level answers "no such file" and it tries again.
  it.runIf(existsSync('/proc/self'))('export -o /proc/nope/x.json and build --out /proc/nope/site fail at once (they hung for ever)', async () => {
    const { dir, cat } = await catalog();
    for (const args of [
      ['export', cat, '-o', '/proc/patternbook-nope/x.json'],
      ['build', cat, '--out', '/proc/patternbook-nope/site'],
    ]) {
      const r = spawnSync(process.execPath, [path.join(REPO, 'dist/cli/bin.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      });
      expect(r.signal, `${args[0]} still running after 30 s`).toBeNull();
      expect(r.stderr).not.toMatch(BUG);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('Cannot create the folder `/proc/patternbook-nope`: `/proc` does not accept new folders');
    }
  });

  it('lint -o through a symbolic link writes the file it points to and keeps the link', async () => {
    const { dir, cat } = await catalog();
    const real = path.join(dir, 'real-report.txt');
    await writeFile(real, 'old\n');
    const link = path.join(dir, 'report.txt');
    await symlink(real, link);
    const r = await runCli(['lint', cat, '-o', link], dir);
    expect(r.stderr).not.toMatch(BUG);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toMatch(/alpha\/README\.md/);
  });

  // `-o /dev/stdout` or `-o /dev/null` is written to, never replaced by a regular file (as root, the
  // rename used to replace the device node itself). A named pipe shows it without touching /dev.
  it.runIf(process.platform !== 'win32')('lint -o NAMED-PIPE writes into the pipe and leaves it a pipe', async () => {
    const { dir, cat } = await catalog();
    const fifo = path.join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The reader is a process of its own, so it can be stopped if nothing ever comes.
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    reader.stdout.on('data', (c: Buffer) => (text += c.toString()));
    const ended = new Promise<boolean>((resolve) => reader.on('close', () => resolve(true)));
    const r = await runCli(['lint', cat, '-o', fifo], dir);
    expect(r.stderr).not.toMatch(BUG);
    expect(r.code).toBe(1);
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([ended, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 20_000)))]);
    clearTimeout(timer);
    if (!done) reader.kill('SIGKILL');
    expect(done, 'the reader got to the end of what was written into the pipe').toBe(true);
    expect(text).toMatch(/alpha\/README\.md/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

/**
 * Runs the built CLI as a user who is not the files' owner: as root, `runuser -u nobody`
 * with a copy of the CLI that user can read (the checkout may be in a private folder);
 * otherwise as this user, for whom the chmod-ed folders are just as closed.
 */
const isRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((f) => existsSync(f));
const canDropRights = process.platform !== 'win32' && existsSync(path.join(REPO, 'dist/cli/bin.js')) && (!isRoot || runuser !== undefined);

let cliCopy: string | undefined;
afterAll(async () => {
  if (cliCopy) await rm(cliCopy, { recursive: true, force: true });
});

async function asOtherUser(): Promise<(args: string[], cwd: string) => { status: number | null; stdout: string; stderr: string }> {
  let bin = path.join(REPO, 'dist/cli/bin.js');
  if (isRoot) {
    if (!cliCopy) {
      cliCopy = await mkdtemp(path.join(os.tmpdir(), 'patternbook-cli-'));
      // The build starts its search indexer (Pagefind, left out of the bundle) before it writes.
      for (const part of ['dist', 'templates', 'assets', 'package.json', 'node_modules/pagefind', 'node_modules/@pagefind']) {
        if (existsSync(path.join(REPO, part))) await cp(path.join(REPO, part), path.join(cliCopy, part), { recursive: true });
      }
      await openToAll(cliCopy);
    }
    bin = path.join(cliCopy, 'dist/cli/bin.js');
  }
  return (args, cwd) => {
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
    const r = isRoot
      ? spawnSync(runuser!, ['-u', 'nobody', '--', process.execPath, bin, ...args], { cwd, encoding: 'utf8', env })
      : spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

/** Makes `dir`, everything in it and the temporary folders above it readable by anyone (mkdtemp makes them private). */
async function openToAll(dir: string): Promise<void> {
  for (let d = dir; d.startsWith(os.tmpdir()) && d !== os.tmpdir(); d = path.dirname(d)) await chmod(d, 0o755);
  spawnSync('chmod', ['-R', 'a+rX', dir]);
}

describe.runIf(canDropRights)('as a user without the rights (runuser -u nobody as root)', () => {
  it('lint --fix in a read-only pattern folder: "Cannot write … permission denied", exit 2, the file unchanged and no temporary file', async () => {
    const cli = await asOtherUser();
    const { cat } = await catalog();
    await openToAll(cat);
    const folder = path.join(cat, 'alpha');
    await chmod(path.join(folder, 'README.md'), 0o444);
    await chmod(folder, 0o555);
    try {
      const r = cli(['lint', '--fix', cat], cat);
      expect(r.stderr).not.toMatch(BUG);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`Cannot write \`${path.join(folder, 'README.md')}\`: permission denied`);
      expect(await readFile(path.join(folder, 'README.md'), 'utf8')).toBe(ALPHA);
      expect(readdirSync(folder)).toEqual(['README.md']);
    } finally {
      await chmod(folder, 0o755);
    }
  });

  it('build in a read-only catalog: names the site folder it cannot write, exit 2, nothing created', async () => {
    const cli = await asOtherUser();
    const { cat } = await catalog();
    await openToAll(cat);
    const before = await listFiles(cat);
    await chmod(cat, 0o555);
    try {
      const r = cli(['build', cat], cat);
      expect(r.stderr).not.toMatch(BUG);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`Cannot write \`${path.join(cat, '_site')}\`: permission denied`);
      expect(await listFiles(cat)).toEqual(before);
    } finally {
      await chmod(cat, 0o755);
    }
  });

  it('lint -o into a folder of another user (like /root/x): "permission denied", exit 2', async () => {
    const cli = await asOtherUser();
    const { dir, cat } = await catalog();
    await openToAll(dir);
    const closed = path.join(dir, 'private');
    await mkdir(closed);
    await chmod(closed, isRoot ? 0o700 : 0o500);
    try {
      const out = path.join(closed, 'report.txt');
      const r = cli(['lint', cat, '-o', out], dir);
      expect(r.stderr).not.toMatch(BUG);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`Cannot write \`${out}\`: permission denied`);
    } finally {
      await chmod(closed, 0o755);
    }
    expect(readdirSync(closed)).toEqual([]);
  });

  it('an unreadable pattern folder is an error at that folder, said as plainly as an unreadable file; the others are still linted', async () => {
    const cli = await asOtherUser();
    const { cat } = await catalog();
    await mkdir(path.join(cat, 'secret'));
    await writeFile(path.join(cat, 'secret', 'README.md'), ALPHA.replace(/Alpha/g, 'Secret'));
    await openToAll(cat);
    await chmod(path.join(cat, 'secret'), 0o000);
    try {
      const r = cli(['lint', cat, '--format', 'json'], cat);
      expect(r.stderr).not.toMatch(BUG);
      expect(r.status, r.stderr).toBe(1);
      const results = (JSON.parse(r.stdout) as { results: { file: string; diagnostics: { severity: string; message: string; ruleId: string }[] }[] }).results;
      const secret = results.find((x) => x.file === 'secret')!;
      expect(secret.diagnostics).toHaveLength(1);
      expect(secret.diagnostics[0]).toMatchObject({
        severity: 'error',
        ruleId: 'file-read',
        message: 'Permission denied: make the folder readable; its patterns were not read.',
      });
      expect(secret.diagnostics[0]!.message).not.toMatch(/EACCES|scandir/);
      expect(results.map((x) => x.file)).toContain('alpha/README.md');
    } finally {
      await chmod(path.join(cat, 'secret'), 0o755);
    }
  });
});
