import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, fixture, tempCatalog } from '../helpers.js';

// The installed command is the bin file run through its `#!` line (npm links it
// into node_modules/.bin). Node 20.6+ reads `--env-file` from all of a process's
// arguments up to the first `--`, ours included: it must never see Patternbook's.

const BIN = path.join(REPO, 'dist/cli/bin.js');

/** A project with the built CLI linked in as npm links a bin, and the run fixtures. */
async function project() {
  const dir = await tempCatalog();
  await mkdir(path.join(dir, 'node_modules/.bin'), { recursive: true });
  const command = path.join(dir, 'node_modules/.bin/patternbook');
  await symlink(BIN, command);
  const catalog = path.join(dir, 'catalog');
  await cp(fixture('catalogs', 'run'), catalog, { recursive: true });
  const markers = path.join(dir, 'markers');
  await mkdir(markers);
  // Loaded into Patternbook itself if Node applied the env file's NODE_OPTIONS.
  const preload = path.join(dir, 'preload.cjs');
  const leaked = path.join(dir, 'node-read-the-env-file');
  await writeFile(preload, `require('node:fs').writeFileSync(${JSON.stringify(leaked)}, String(process.pid));\n`);
  return { dir, command, catalog, markers, preload, leaked };
}

const run = (file: string, args: string[], cwd: string) =>
  spawnSync(file, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000 });

describe.runIf(existsSync(BIN) && process.platform !== 'win32')('the bin and --env-file', () => {
  it('is executable and its #! line hands every argument to Patternbook (`node --`)', async () => {
    const first = (await readFile(BIN, 'utf8')).split('\n')[0];
    expect(first).toBe('#!/usr/bin/env -S node --');
    const p = await project();
    const version = run(p.command, ['--version', '--env-file', 'missing.env'], p.dir);
    expect(version.stderr).not.toMatch(/node: .*not found/);
    expect([version.status, version.stdout.trim()]).toEqual([0, JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')).version]);
  });

  it('run … --env-file missing.env: Patternbook says the file is missing (exit 2), not Node (exit 9)', async () => {
    const p = await project();
    const r = run(p.command, ['run', path.join(p.catalog, 'needs-token'), '--yes', '--env-file', 'missing.env'], p.dir);
    expect(r.stderr).not.toMatch(/^node: /m);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/missing\.env/);
  });

  it('run … --env-file values.env: the steps get its values; Node never loads it into Patternbook (its NODE_OPTIONS stay unapplied)', async () => {
    const p = await project();
    const values = path.join(p.dir, 'values.env');
    await writeFile(values, `MARKER_DIR=${p.markers}\nAPI_TOKEN=from-file\nNODE_OPTIONS="--require ${p.preload}"\n`);
    for (const flag of [['--env-file', values], [`--env-file=${values}`]]) {
      const r = run(p.command, ['run', path.join(p.catalog, 'needs-token'), '--yes', ...flag], p.dir);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(await readFile(path.join(p.markers, 'token.txt'), 'utf8')).toBe('from-file\n');
      expect(existsSync(p.leaked), `Node applied ${flag.join(' ')} to Patternbook's own process`).toBe(false);
    }
  });

  // npm on Windows (and pnpm everywhere) writes shims from the #! line with cmd-shim; its
  // POSIX shim (Git Bash, Cygwin) runs here, its .cmd and .ps1 must call `node --` as well.
  const npmShims = path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/cmd-shim');
  it.runIf(existsSync(npmShims))("npm's cmd-shim reads the #! line as `node -- <bin>`", async () => {
    const cmdShim = createRequire(import.meta.url)(npmShims) as (from: string, to: string) => Promise<void>;
    const p = await project();
    const shim = path.join(p.dir, 'shims', 'patternbook');
    await cmdShim(BIN, shim);
    expect(await readFile(`${shim}.cmd`, 'utf8')).toMatch(/"%_prog%" -- "%dp0%\\[^"]*bin\.js" %\*/);
    expect(await readFile(`${shim}.ps1`, 'utf8')).toMatch(/& "node\$exe" -- "\$basedir\/[^"]*bin\.js" \$args/);
    const r = run('sh', [shim, 'run', path.join(p.catalog, 'needs-token'), '--yes', '--env-file', 'missing.env'], p.dir);
    expect(r.stderr).not.toMatch(/^node: /m);
    expect(r.status, r.stderr).toBe(2);
  });
});
