import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliEnv, elements, marker, markersIn, parseEnvListing, parseXml, readRecord, removeAfterTest, runCli, sandbox, snapshot } from './helpers.js';

/** `patternbook run <catalog>/<slug> --yes --param MARKER_DIR=<markers> …extra` in-process. */
async function run(slug: string, extra: string[] = [], options: { env?: Record<string, string>; yes?: boolean; catalog?: string } = {}) {
  const box = await sandbox(options.catalog ?? 'run');
  const result = await cli(['run', path.join(box.root, slug), ...(options.yes === false ? [] : ['--yes']), '--param', `MARKER_DIR=${box.markers}`, ...extra], box.dir, {
    ...(options.env ? { env: options.env } : {}),
  });
  return { ...box, ...result, output: result.stdout + result.stderr };
}

describe('patternbook run: phases and steps', () => {
  it('runs Prerequisites, each Implementation step, Testing, Deployment and Cleanup in order, and records a pass', async () => {
    const before = Date.now();
    const r = await run('passing');
    expect(r.code, r.output).toBe(0);
    expect(readFileSync(path.join(r.markers, 'order.log'), 'utf8').split('\n').filter(Boolean)).toEqual(['step1', 'step2', 'testing', 'deployment', 'cleanup']);
    // Production Deployment is not a default phase.
    expect(marker(r.markers, 'production')).toBe(false);
    const record = await readRecord(r.root, 'passing');
    expect(record).toMatchObject({ slug: 'passing', file: 'passing/README.md', status: 'passed', template: { name: 'pattern' } });
    expect(Date.parse(record!.when as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(record!.when as string)).toBeLessThanOrEqual(Date.now() + 1000);
    expect((record!.template as { version: string }).version).toMatch(/\S/);
    expect(record).not.toHaveProperty('commit');
    expect(record!.blocks.map((b) => [b.phase, b.name, b.status])).toEqual([
      ['Prerequisites', 'Prerequisites', 'passed'],
      ['Implementation', 'Step 1: First step', 'passed'],
      ['Implementation', 'Step 2: Second step', 'passed'],
      ['Testing/Automated Testing', 'Automated Testing', 'passed'],
      ['Deployment/Local Development', 'Local Development', 'passed'],
      ['Cleanup', 'Cleanup', 'passed'],
    ]);
    // Times are whole milliseconds, and the blocks together took no longer than the run (+1 ms per block for rounding).
    for (const b of record!.blocks) expect(Number.isInteger(b.durationMs), JSON.stringify(b)).toBe(true);
    expect(record!.blocks.reduce((n, b) => n + b.durationMs, 0)).toBeLessThanOrEqual((record!.durationMs as number) + record!.blocks.length);
    expect(record).toMatchObject({
      counts: { total: 6, ran: 6, passed: 6, failed: 0, skipped: 0, placeholders: 0, notRun: 0 },
      cleanup: { due: true, ran: 1, placeholders: 0, skipped: 0 },
    });
    expect(record!.blocks[1]!.outputTail).toEqual(['step one says hello']);
    // Live lines are prefixed with where they come from; the final table follows.
    expect(r.stdout).toMatch(/Implementation › Step 1: First step .*step one says hello/);
    expect(r.stdout).toMatch(/^Cleanup\s+Cleanup\s+ok/m);
    expect(r.stdout).toMatch(/^passing: passed in [\d.]+ s \(6 blocks ran\)\. Cleanup ran \(1 block\)\.$/m);
  });

  it('1. a failing step stops the steps after it, still runs Cleanup, exits 1 and records the failure', async () => {
    const r = await run('failing');
    expect(r.code, r.output).toBe(1);
    expect(markersIn(r.markers)).toEqual(['cleanup', 'step1']);
    const record = await readRecord(r.root, 'failing');
    expect(record?.status).toBe('failed');
    expect(record!.blocks.map((b) => [b.name, b.status])).toEqual([
      ['Step 1: Write a marker', 'passed'],
      ['Step 2: Fail', 'failed'],
      ['Step 3: Never reached', 'not-run'],
      ['Automated Testing', 'not-run'],
      ['Cleanup', 'passed'],
    ]);
    expect(record!.blocks[1]).toMatchObject({ exitCode: 3, outputTail: ['about to fail'] });
    expect(r.output).toMatch(/Step 2: Fail/);
  });

  it('a failing prerequisite check runs no step, and so no Cleanup', async () => {
    const r = await run('failing-check');
    expect(r.code, r.output).toBe(1);
    expect(markersIn(r.markers)).toEqual(['check-ran']);
    expect((await readRecord(r.root, 'failing-check'))?.status).toBe('failed');
  });

  it('a failing Cleanup fails the run, though every step passed', async () => {
    const r = await run('failing-cleanup');
    expect(r.code, r.output).toBe(1);
    expect(markersIn(r.markers)).toEqual(['cleanup', 'step1']);
    const record = await readRecord(r.root, 'failing-cleanup');
    expect(record?.status).toBe('failed');
    expect(record!.blocks.map((b) => [b.name, b.status, b.exitCode])).toEqual([
      ['Step 1: Write a marker', 'passed', 0],
      ['Cleanup', 'failed', 5],
    ]);
  });

  it('4. a required parameter without a value runs nothing: exit 2, the message names it', async () => {
    const box = await sandbox('run');
    const noToken = await cli(['run', path.join(box.root, 'needs-token'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/API_TOKEN/);
    expect(noToken.stderr).not.toMatch(/MARKER_DIR \(line/);
    expect(markersIn(box.markers)).toEqual([]);
    expect(await readRecord(box.root, 'needs-token')).toBeUndefined();

    const noMarkerDir = await cli(['run', path.join(box.root, 'passing'), '--yes'], box.dir);
    expect(noMarkerDir.code).toBe(2);
    expect(noMarkerDir.stderr).toMatch(/MARKER_DIR/);
    expect(await readRecord(box.root, 'passing')).toBeUndefined();

    // Given, it runs.
    const given = await cli(['run', path.join(box.root, 'needs-token'), '--yes', '--param', `MARKER_DIR=${box.markers}`, '--param', 'API_TOKEN=t0ken'], box.dir);
    expect(given.code, given.stdout + given.stderr).toBe(0);
    expect(readFileSync(path.join(box.markers, 'token.txt'), 'utf8')).toBe('t0ken\n');
  });

  it('5. a missing tool runs nothing, not even the steps before its block: exit 1, the message names the tool', async () => {
    const r = await run('missing-tool');
    expect(r.code, r.output).toBe(1);
    expect(markersIn(r.markers)).toEqual([]);
    expect(r.output).toMatch(/patternbook-no-such-tool-xyz/);
    // Nothing ran: no verdict to record.
    expect(await readRecord(r.root, 'missing-tool')).toBeUndefined();
    const json = await cli(['run', path.join(r.root, 'missing-tool'), '--yes', '--format', 'json', '--param', `MARKER_DIR=${r.markers}`], r.dir);
    expect(json.code).toBe(1);
    const [report] = JSON.parse(json.stdout) as { status: string; reason: string; blocks: { status: string }[] }[];
    expect(report!.status).toBe('not-run');
    expect(report!.reason).toContain('patternbook-no-such-tool-xyz');
    expect(report!.blocks.every((b) => b.status === 'not-run')).toBe(true);
    expect(markersIn(r.markers)).toEqual([]);
  });

  it('7. --dry-run prints the plan with its steps and runs nothing', async () => {
    const r = await run('passing', ['--dry-run']);
    expect(r.code, r.output).toBe(0);
    for (const text of ['Step 1: First step', 'Step 2: Second step', 'Automated Testing', 'Local Development', 'echo step2 >> "$MARKER_DIR/order.log"', 'MARKER_DIR'])
      expect(r.stdout).toContain(text);
    expect(markersIn(r.markers)).toEqual([]);
    expect(existsSync(path.join(r.root, '.patternbook'))).toBe(false);
  });

  it('refuses to run without --yes when not on a terminal: the plan is printed, exit 2, nothing runs', async () => {
    const r = await run('passing', [], { yes: false });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Step 1: First step');
    expect(r.stderr).toMatch(/--yes/);
    expect(markersIn(r.markers)).toEqual([]);
    expect(existsSync(path.join(r.root, '.patternbook'))).toBe(false);
  });

  it('on a terminal, asks first: runs on yes, runs nothing (exit 2) on anything else', async () => {
    const box = await sandbox('run');
    const args = ['run', path.join(box.root, 'passing'), '--param', `MARKER_DIR=${box.markers}`];
    const no = await runCli(args, box.dir, { env: cliEnv(), tty: true, input: 'n\n' });
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/\[y\/N\]/);
    expect(markersIn(box.markers)).toEqual([]);
    const yes = await runCli(args, box.dir, { env: cliEnv(), tty: true, input: 'y\n' });
    expect(yes.code, yes.stdout + yes.stderr).toBe(0);
    expect(markersIn(box.markers)).toEqual(['cleanup', 'order.log', 'step1']);
  });

  it('an unknown block attribute is a plan problem: nothing runs, exit 1, the message names it', async () => {
    const r = await run('bad-attribute');
    expect(r.code, r.output).toBe(1);
    expect(markersIn(r.markers)).toEqual([]);
    expect(r.output).toMatch(/retries/);
  });
});

describe('patternbook run: template samples are not a pass', () => {
  it('a pattern with one real step and three template samples is incomplete, not passed: exit 1, the record and the reports say what ran', async () => {
    const r = await run('samples');
    expect(r.code, r.output).toBe(1);
    expect(markersIn(r.markers)).toEqual(['step1']);
    expect(r.stdout).toMatch(/^Implementation\s+Step 2: Not written yet\s+template sample, not run\s*$/m);
    expect(r.stdout).toContain(
      "samples: incomplete — 1 of 4 blocks ran and passed; 3 blocks still hold the template's sample code and did not run (lines 20, 35, 42): replace them with the pattern's real commands",
    );
    // Cleanup's only block is the sample: it did not run, and the run says so instead of "Cleanup ran".
    expect(r.output).not.toMatch(/Cleanup ran/);
    expect(r.stdout).toContain("Cleanup did not run: its block still holds the template's sample code (line 42)");
    expect(r.stderr).toMatch(/Result \(incomplete\) recorded in/);
    const record = await readRecord(r.root, 'samples');
    expect(record).toMatchObject({
      status: 'incomplete',
      counts: { total: 4, ran: 1, passed: 1, failed: 0, skipped: 0, placeholders: 3, notRun: 0 },
      cleanup: { due: true, ran: 0, placeholders: 1, skipped: 0 },
    });
    expect(record!.reason).toMatch(/^1 of 4 blocks ran and passed; 3 blocks still hold the template's sample code/);
    expect(record!.blocks.map((b) => [b.name, b.status])).toEqual([
      ['Step 1: Write a marker', 'passed'],
      ['Step 2: Not written yet', 'placeholder'],
      ['Automated Testing', 'placeholder'],
      ['Cleanup', 'placeholder'],
    ]);
  });

  it('--format json and junit report an incomplete run as such: placeholders are errors in JUnit, so CI does not show it green', async () => {
    const json = await run('samples', ['--format', 'json']);
    expect(json.code).toBe(1);
    const [report] = JSON.parse(json.stdout) as { status: string; cleanupRan: boolean; cleanup: object; blockCounts: object; blocks: { status: string }[] }[];
    expect(report).toMatchObject({ status: 'incomplete', cleanupRan: false, cleanup: { due: true, ran: 0, placeholders: 1 }, blockCounts: { ran: 1, placeholders: 3 } });
    expect(report!.blocks.map((b) => b.status)).toEqual(['passed', 'placeholder', 'placeholder', 'placeholder']);

    const junit = await run('samples', ['--format', 'junit']);
    expect(junit.code).toBe(1);
    const root = parseXml(junit.stdout);
    const [suite] = elements(root, 'testsuite');
    expect(suite!.attributes).toMatchObject({ tests: '4', failures: '0', errors: '3' });
    expect(root.attributes.errors).toBe('3');
    const cases = elements(root, 'testcase');
    expect(cases.map((c) => elements(c, 'error')[0]?.attributes.message ?? 'ok')).toEqual([
      'ok',
      'template sample, not run',
      'template sample, not run',
      'template sample, not run',
    ]);
  });

  it('a freshly scaffolded pattern (`patternbook new`) verifies nothing: run executes nothing, exits 1 and records it incomplete; verify counts it incomplete', async () => {
    const box = await sandbox('run');
    const created = await cli(['new', 'draft-pattern', '--title', 'Draft Pattern', '--summary', 'Not written yet.', '--dir', box.root], box.dir);
    expect(created.code, created.stdout + created.stderr).toBe(0);
    const folder = path.join(box.root, 'draft-pattern');
    const dry = await cli(['run', folder, '--dry-run'], box.dir);
    expect(dry.stdout).toMatch(/still hold the template's sample code \(lines [\d, ]+\): not run, so the run will be incomplete, not passed/);

    const r = await cli(['run', folder, '--yes'], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/draft-pattern: incomplete — nothing ran: all \d+ blocks still hold the template's sample code/);
    expect(r.stdout + r.stderr).not.toMatch(/: passed|Cleanup ran/);
    const record = await readRecord(box.root, 'draft-pattern');
    expect(record).toMatchObject({ status: 'incomplete', counts: { ran: 0, passed: 0 }, cleanup: { due: false, ran: 0 } });
    expect(record!.blocks.length).toBeGreaterThan(1);
    expect(record!.blocks.every((b) => b.status === 'placeholder')).toBe(true);

    const verify = await cli(['verify', folder, 'passing', '--yes', '--param', `MARKER_DIR=${box.markers}`], box.root);
    expect(verify.code, verify.stdout + verify.stderr).toBe(1);
    expect(verify.stdout).toMatch(/^draft-pattern\s+incomplete\s+0\/\d+/m);
    expect(verify.stdout).toMatch(/^passing\s+passed/m);
    expect(verify.stderr).toMatch(/^1 passed, 0 failed, 1 incomplete, 0 not run;/m);
  });

  it('says exactly what happened to Cleanup: ran N blocks, nothing to clean up, or not needed because no step ran', async () => {
    const noCleanup = await run('environment');
    expect(noCleanup.code, noCleanup.output).toBe(0);
    expect(noCleanup.stdout).toMatch(/^environment: passed in [\d.]+ s \(1 block ran\)\. Nothing to clean up: the pattern has no Cleanup block\.$/m);
    const check = await run('failing-check');
    expect(check.code, check.output).toBe(1);
    expect(check.stdout).toMatch(/^failing-check: failed — prerequisite check failed: .*\. No step ran, so no Cleanup was needed\.$/m);
    const failing = await run('failing');
    expect(failing.stdout).toMatch(/^failing: failed — Step 2: Fail failed \(exit 3\)\. Cleanup ran \(1 block\)\.$/m);
  });
});

describe('patternbook run: block attributes and languages', () => {
  it('skips {skip}, passes a failing {expect-fail}, runs only the $ lines of console, runs {cwd=sub} in the sub-folder, names {name=…}, ignores other languages', async () => {
    const r = await run('attributes', ['--keep']);
    expect(r.code, r.output).toBe(0);
    const scratch = /Scratch folder kept: (.+)/.exec(r.stderr)?.[1]?.trim();
    if (scratch) removeAfterTest(scratch);
    expect(markersIn(r.markers)).toEqual(['cleanup', 'console.txt', 'cwd.txt', 'expect-fail-ran', 'ls.txt']);
    expect(readFileSync(path.join(r.markers, 'console.txt'), 'utf8')).toBe('first\nsecond continued\n');
    const cwd = readFileSync(path.join(r.markers, 'cwd.txt'), 'utf8').trim();
    expect(path.basename(cwd)).toBe('sub');
    expect(cwd.startsWith(scratch ?? '(no scratch)')).toBe(true);
    expect(readFileSync(path.join(r.markers, 'ls.txt'), 'utf8')).toBe('here.txt\n');
    const record = await readRecord(r.root, 'attributes');
    expect(record!.blocks.map((b) => [b.name, b.status])).toEqual([
      ['Step 1: Skipped', 'skipped'],
      ['Step 2: Expected to fail', 'passed'],
      ['Step 3: A console transcript', 'passed'],
      ['Look around', 'passed'],
      ['Cleanup', 'passed'],
    ]);
  });

  it('fails a block marked {expect-fail} that exits 0; the steps after it do not run, Cleanup does', async () => {
    const r = await run('expect-fail-passes');
    expect(r.code, r.output).toBe(1);
    expect(markersIn(r.markers)).toEqual(['cleanup', 'step1']);
    expect((await readRecord(r.root, 'expect-fail-passes'))?.status).toBe('failed');
  });

  it('refuses {cwd=../..} before anything runs: a plan problem, exit 1, the message says which attribute', async () => {
    const r = await run('cwd-escape');
    expect(r.code, r.output).toBe(1);
    expect(marker(r.markers, 'escaped.txt')).toBe(false);
    // The person running it is told which attribute was refused (after the plan, which shows it anyway).
    const afterPlan = r.stdout.slice(r.stdout.indexOf('\n\n')) + r.stderr;
    expect(afterPlan).toMatch(/\{cwd=\.\.\/\.\.\} leaves the pattern's folder/);
    // Nothing ran: no verdict is recorded.
    expect(await readRecord(r.root, 'cwd-escape')).toBeUndefined();
  });

  it('refuses a {cwd=…} that leaves the working folder through a symbolic link', async () => {
    const box = await sandbox('run');
    const folder = path.join(box.root, 'cwd-symlink');
    await symlink('../..', path.join(folder, 'link'));
    const r = await cli(['run', folder, '--yes', '--keep', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    const scratch = /Scratch folder kept: (.+)/.exec(r.stderr)?.[1]?.trim();
    if (scratch) removeAfterTest(scratch);
    // The link leads two folders up from the scratch copy: the block is refused when it starts, for that reason.
    expect(marker(box.markers, 'escaped.txt'), 'the block ran outside the working folder').toBe(false);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toContain('{cwd=link} leads out of the working folder through a symbolic link');
    expect((await readRecord(box.root, 'cwd-symlink'))!.blocks.map((b) => [b.name, b.status])).toEqual([['Step 1: Escape through the link', 'failed']]);
  });
});

describe('patternbook run: working folder', () => {
  it('8. runs in a scratch copy: the pattern folder is unchanged, the copy is removed afterwards', async () => {
    const box = await sandbox('run');
    const folder = path.join(box.root, 'files');
    const before = snapshot(folder);
    expect(Object.keys(before)).toEqual(['README.md', 'data.txt', 'sub/', 'sub/keep.txt']);
    const r = await cli(['run', folder, '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(marker(box.markers, 'cleanup')).toBe(true);
    expect(snapshot(folder)).toEqual(before);
    // The steps did run, in a copy elsewhere, which is gone now.
    const workDir = readFileSync(path.join(box.markers, 'pwd.txt'), 'utf8').trim();
    expect(workDir).not.toBe(folder);
    expect(path.relative(folder, workDir).startsWith('..')).toBe(true);
    expect(workDir.startsWith(realpathSync(tmpdir()) + path.sep)).toBe(true);
    expect(existsSync(workDir)).toBe(false);
    expect(existsSync(path.dirname(workDir))).toBe(false);
  });

  it('8b. --in-place runs in the pattern folder itself and changes it', async () => {
    const box = await sandbox('run');
    const folder = path.join(box.root, 'files');
    const r = await cli(['run', folder, '--yes', '--in-place', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(path.join(box.markers, 'pwd.txt'), 'utf8').trim()).toBe(folder);
    const after = snapshot(folder);
    expect(Object.keys(after)).toEqual(['README.md', 'data.txt', 'made/', 'made/deeper/', 'made/deeper/file.txt', 'sub/']);
    expect(readFileSync(path.join(folder, 'data.txt'), 'utf8')).toBe('original data\nchanged\n');
    // Cleanup ran in place too: it removed what the step created.
    expect(existsSync(path.join(folder, 'created.txt'))).toBe(false);
    // The fixture itself is untouched.
    expect(readFileSync(new URL('../fixtures/catalogs/run/files/data.txt', import.meta.url), 'utf8')).toBe('original data\n');
  });

  it('--keep leaves the scratch copy with what the steps made', async () => {
    const r = await run('files', ['--keep']);
    expect(r.code, r.output).toBe(0);
    const workDir = readFileSync(path.join(r.markers, 'pwd.txt'), 'utf8').trim();
    removeAfterTest(path.dirname(workDir));
    expect(readFileSync(path.join(workDir, 'made/deeper/file.txt'), 'utf8')).toBe('deep\n');
    expect(existsSync(path.join(workDir, 'sub/keep.txt'))).toBe(false);
    expect(r.stderr).toContain(path.dirname(workDir));
  });
});

describe('patternbook run: environment and parameters', () => {
  const BASH_OWN = new Set(['PWD', 'SHLVL', '_', 'OLDPWD']);

  it('gives the steps PATH, LANG, TERM, the parameters with their defaults, HOME and TMPDIR inside the scratch folder, and nothing else of the caller', async () => {
    const r = await run('environment', [], {
      env: { SECRET_TOKEN: 'leak', GREETING: 'from-caller', SIZE: 'caller-size', HOME: '/home/caller', LANG: 'C.UTF-8', TERM: 'xterm-test' },
    });
    expect(r.code, r.output).toBe(0);
    const env = parseEnvListing(readFileSync(path.join(r.markers, 'env.txt'), 'utf8'));
    const workDir = readFileSync(path.join(r.markers, 'pwd.txt'), 'utf8').trim();
    const scratch = path.dirname(workDir);
    expect(env.MARKER_DIR).toBe(r.markers);
    expect(env.GREETING).toBe('hello');
    expect(env.COLOR).toBe('blue');
    expect(env).not.toHaveProperty('SIZE');
    expect(env).not.toHaveProperty('SECRET_TOKEN');
    expect(env.PATH).toBe(process.env.PATH);
    expect(env.LANG).toBe('C.UTF-8');
    expect(env.TERM).toBe('xterm-test');
    expect(env.HOME!.startsWith(scratch + path.sep)).toBe(true);
    expect(env.TMPDIR!.startsWith(scratch + path.sep)).toBe(true);
    expect(
      Object.keys(env)
        .filter((k) => !BASH_OWN.has(k))
        .sort(),
    ).toEqual(['COLOR', 'GREETING', 'HOME', 'LANG', 'MARKER_DIR', 'PATH', 'TERM', 'TMPDIR']);
  });

  it('takes --param over --env-file over the documented default', async () => {
    const box = await sandbox('run');
    const envFile = path.join(box.dir, 'values.env');
    await writeFile(envFile, '# values for the run\nCOLOR=green\nGREETING="hi there"\nEXTRA_FROM_FILE=yes\n');
    const r = await cli(
      ['run', path.join(box.root, 'environment'), '--yes', '--param', `MARKER_DIR=${box.markers}`, '--param', 'COLOR=red', '--env-file', envFile],
      box.dir,
      {
        env: { GREETING: 'from-caller' },
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const env = parseEnvListing(readFileSync(path.join(box.markers, 'env.txt'), 'utf8'));
    expect(env).toMatchObject({ COLOR: 'red', GREETING: 'hi there', EXTRA_FROM_FILE: 'yes', MARKER_DIR: box.markers });
  });

  it('an --env-file can give a required parameter', async () => {
    const box = await sandbox('run');
    const envFile = path.join(box.dir, 'values.env');
    await writeFile(envFile, `MARKER_DIR=${box.markers}\nAPI_TOKEN=from-file\n`);
    const r = await cli(['run', path.join(box.root, 'needs-token'), '--yes', '--env-file', envFile], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(path.join(box.markers, 'token.txt'), 'utf8')).toBe('from-file\n');
  });

  it('--inherit-env passes the caller’s environment, whose values beat the defaults', async () => {
    const r = await run('environment', ['--inherit-env', '--param', 'COLOR=red'], { env: { SECRET_TOKEN: 'passed', GREETING: 'from-caller', HOME: '/home/caller' } });
    expect(r.code, r.output).toBe(0);
    const env = parseEnvListing(readFileSync(path.join(r.markers, 'env.txt'), 'utf8'));
    expect(env).toMatchObject({ SECRET_TOKEN: 'passed', GREETING: 'from-caller', COLOR: 'red', HOME: '/home/caller' });
    const scratch = path.dirname(readFileSync(path.join(r.markers, 'pwd.txt'), 'utf8').trim());
    expect(env.TMPDIR!.startsWith(scratch + path.sep)).toBe(true);
    // The plan says where HOME is, and it is right about it.
    const environmentLine = r.stdout.split('\n').find((l) => l.trim().startsWith('Environment:')) ?? '';
    expect(environmentLine).not.toBe('');
    expect(/HOME[^\n]*inside the scratch folder/.test(environmentLine), environmentLine).toBe(env.HOME!.startsWith(scratch));
  });
});

describe('patternbook run: reports', () => {
  it('--format json: the report alone on standard output, parseable; live lines on standard error', async () => {
    const r = await run('failing', ['--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      slug: string;
      file: string;
      status: string;
      cleanupRan: boolean;
      parameters: { name: string; source?: string }[];
      blocks: { name: string; status: string; exitCode?: number }[];
    }[];
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ slug: 'failing', file: 'failing/README.md', status: 'failed', cleanupRan: true });
    expect(report[0]!.parameters).toEqual([{ name: 'MARKER_DIR', required: true, source: 'param' }]);
    expect(report[0]!.blocks.map((b) => b.status)).toEqual(['passed', 'failed', 'not-run', 'not-run', 'passed']);
    expect(report[0]!.blocks[1]!.exitCode).toBe(3);
    expect(r.stderr).toMatch(/Implementation › Step 2: Fail .*about to fail/);
  });

  it('--format junit: a well-formed document, a test case per block, the failure with its output', async () => {
    const r = await run('failing', ['--format', 'junit']);
    expect(r.code).toBe(1);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    const suites = elements(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['failing']);
    const cases = elements(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['Step 1: Write a marker', 'Step 2: Fail', 'Step 3: Never reached', 'Automated Testing', 'Cleanup']);
    expect(elements(cases[1]!, 'failure')).toHaveLength(1);
    expect(elements(cases[1]!, 'failure')[0]!.text).toContain('about to fail');
    expect(elements(cases[2]!, 'skipped')).toHaveLength(1);
    expect(elements(cases[0]!, 'failure')).toHaveLength(0);
    expect(root.attributes.failures).toBe('1');
  });

  it('the record follows the last finished run of the pattern', async () => {
    const box = await sandbox('run');
    const folder = path.join(box.root, 'expect-fail-passes');
    const first = await cli(['run', folder, '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(first.code).toBe(1);
    expect((await readRecord(box.root, 'expect-fail-passes'))?.status).toBe('failed');
    // Fix the pattern: the block now fails as expected.
    const readme = path.join(folder, 'README.md');
    await writeFile(readme, (await readFile(readme, 'utf8')).replace('touch "$MARKER_DIR/step1"\n```', 'touch "$MARKER_DIR/step1"\nfalse\n```'));
    const second = await cli(['run', folder, '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect((await readRecord(box.root, 'expect-fail-passes'))?.status).toBe('passed');
  });
});
