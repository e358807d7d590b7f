import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, elements, marker, markersIn, parseXml, pidFrom, processGone, readRecord, sandbox, waitFor } from './helpers.js';

describe('patternbook verify', () => {
  it('runs every pattern with steps, --jobs 2 at once; leaves out the opted-out one and the one without steps; one failure => exit 1, the others still run', async () => {
    const box = await sandbox('run-verify');
    const r = await cli(['verify', box.root, '--yes', '--jobs', '2', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    const output = r.stdout + r.stderr;
    expect(r.code, output).toBe(1);
    // b-left and c-right each wait for the other to have started: both pass only when they run at the same time.
    expect(markersIn(box.markers)).toEqual([
      'a-broken.cleanup',
      'a-broken.step',
      'b-left.cleanup',
      'b-left.started',
      'b-left.step',
      'c-right.cleanup',
      'c-right.started',
      'c-right.step',
    ]);
    expect((await readRecord(box.root, 'a-broken'))?.status).toBe('failed');
    expect((await readRecord(box.root, 'b-left'))?.status).toBe('passed');
    expect((await readRecord(box.root, 'c-right'))?.status).toBe('passed');
    expect(await readRecord(box.root, 'd-opted-out')).toBeUndefined();
    expect(await readRecord(box.root, 'e-no-steps')).toBeUndefined();
    // The summary says what was left out and why.
    expect(output).toMatch(/d-opted-out: opted out/);
    expect(output).toMatch(/e-no-steps: no runnable step/);
    expect(r.stdout).toMatch(/^a-broken\s+failed/m);
    expect(r.stdout).toMatch(/^b-left\s+passed/m);
  });

  it('runs only the patterns given by path, and --format junit is a well-formed report of them', async () => {
    const box = await sandbox('run');
    const r = await cli(['verify', 'passing', 'failing', '--yes', '--format', 'junit', '--param', `MARKER_DIR=${box.markers}`], box.root);
    expect(r.code, r.stderr).toBe(1);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    const suites = elements(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name).sort()).toEqual(['failing', 'passing']);
    const failing = suites.find((s) => s.attributes.name === 'failing')!;
    const passing = suites.find((s) => s.attributes.name === 'passing')!;
    expect(elements(failing, 'failure')).toHaveLength(1);
    expect(elements(passing, 'failure')).toHaveLength(0);
    expect(elements(passing, 'testcase')).toHaveLength(6);
    expect(Number(root.attributes.tests)).toBe(elements(root, 'testcase').length);
    // Only those two ran.
    expect(readFileSync(path.join(box.markers, 'order.log'), 'utf8')).toContain('step1');
    expect(existsSync(path.join(box.root, '.patternbook', 'verify', 'environment.json'))).toBe(false);
    expect(existsSync(path.join(box.root, '.patternbook', 'verify', 'passing.json'))).toBe(true);
    expect(existsSync(path.join(box.root, '.patternbook', 'verify', 'failing.json'))).toBe(true);
  });

  it('given one pattern folder, verifies that pattern (as `run` would find it)', async () => {
    const box = await sandbox('run');
    const r = await cli(['verify', 'passing', '--yes', '--param', `MARKER_DIR=${box.markers}`], box.root);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(path.join(box.markers, 'order.log'), 'utf8').split('\n').filter(Boolean)).toEqual(['step1', 'step2', 'testing', 'deployment', 'cleanup']);
    expect((await readRecord(box.root, 'passing'))?.status).toBe('passed');
  });

  it('--changed-since REF runs only the patterns changed since REF, and records the commit', async () => {
    const box = await sandbox('run-changed');
    const git = (...args: string[]) => {
      const res = spawnSync('git', ['-c', 'user.name=Patternbook Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
        cwd: box.root,
        encoding: 'utf8',
      });
      if (res.status !== 0) throw new Error(`git ${args.join(' ')}: ${res.stderr}`);
      return res.stdout.trim();
    };
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'three patterns');
    const head = git('rev-parse', 'HEAD');
    await appendFile(path.join(box.root, 'two', 'README.md'), '\nA change since the commit.\n');

    const r = await cli(['verify', box.root, '--yes', '--changed-since', head, '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(markersIn(box.markers)).toEqual(['two']);
    const record = await readRecord(box.root, 'two');
    expect(record).toMatchObject({ status: 'passed', commit: head, dirty: true });
    expect(await readRecord(box.root, 'one')).toBeUndefined();

    // Nothing changed since HEAD once it is committed: nothing runs.
    git('add', '-A', 'two');
    git('commit', '-q', '-m', 'change two');
    const none = await cli(['verify', box.root, '--yes', '--changed-since', 'HEAD', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(none.code, none.stdout + none.stderr).toBe(0);
    expect(markersIn(box.markers)).toEqual(['two']);
    expect(none.stdout + none.stderr).toMatch(/^0 patterns changed since HEAD/m);
  });

  it('a pattern missing a required parameter does not run; the others do; the run is not a success', async () => {
    const box = await sandbox('run');
    const r = await cli(['verify', 'needs-token', 'passing', '--yes', '--param', `MARKER_DIR=${box.markers}`], box.root);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^1 passed, 0 failed, 0 incomplete, 1 not run;/m);
    expect(r.stdout + r.stderr).toMatch(/API_TOKEN/);
    expect(marker(box.markers, 'token.txt')).toBe(false);
    expect(marker(box.markers, 'step1')).toBe(true);
    expect((await readRecord(box.root, 'passing'))?.status).toBe('passed');
  });

  it('--dry-run prints every plan and runs nothing; a bad --jobs is a usage error', async () => {
    const box = await sandbox('run-changed');
    const dry = await cli(['verify', box.root, '--dry-run', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    for (const slug of ['One', 'Two', 'Three']) expect(dry.stdout).toContain(`Plan for ${slug}`);
    expect(markersIn(box.markers)).toEqual([]);
    expect(existsSync(path.join(box.root, '.patternbook'))).toBe(false);
    const jobs = await cli(['verify', box.root, '--yes', '--jobs', '0', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(jobs.code).toBe(2);
    expect(markersIn(box.markers)).toEqual([]);
  });

  it('with run.optIn, verifies only the patterns whose front matter says verify: true', async () => {
    const box = await sandbox('run-changed');
    await writeFile(path.join(box.root, 'patternbook.config.yaml'), 'run:\n  optIn: true\n');
    const two = path.join(box.root, 'two', 'README.md');
    await writeFile(two, `---\nverify: true\n---\n${readFileSync(two, 'utf8')}`);
    const r = await cli(['verify', box.root, '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(markersIn(box.markers)).toEqual(['two']);
  });

  it('refuses to run without --yes when not on a terminal', async () => {
    const box = await sandbox('run-changed');
    const r = await cli(['verify', box.root, '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code).toBe(2);
    expect(markersIn(box.markers)).toEqual([]);
  });
});

describe('configured phases and a custom template', () => {
  it('runs the configured sections in the configured order, with the configured Cleanup, and nothing else', async () => {
    const box = await sandbox('run-custom');
    const r = await cli(['run', path.join(box.root, 'runbook'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(path.join(box.markers, 'order.log'), 'utf8').split('\n').filter(Boolean)).toEqual([
      'preflight',
      'deploy-1',
      'deploy-2',
      'verification',
      'teardown',
    ]);
    // Prerequisites and Implementation are not phases of this catalog; Setup Notes never was.
    expect(markersIn(box.markers)).toEqual(['order.log']);
    const record = await readRecord(box.root, 'runbook');
    expect(record).toMatchObject({ status: 'passed', template: { name: 'ops-runbook', version: '2.1' } });
    expect(record!.blocks.map((b) => [b.phase, b.name])).toEqual([
      ['Preflight', 'Preflight'],
      ['Deployment Instructions', 'Step 1: Deploy'],
      ['Deployment Instructions', 'Step 2: Deploy more'],
      ['Verification', 'Verification'],
      ['Teardown', 'Teardown'],
    ]);
  });

  it('a phase configured with role check that fails runs no step and no Cleanup', async () => {
    const box = await sandbox('run-custom');
    const r = await cli(['run', path.join(box.root, 'preflight-fails'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(markersIn(box.markers)).toEqual(['preflight-ran']);
  });

  it('applies run.blockTimeout from the configuration; a step that outlives it fails, and the configured Cleanup (Teardown) runs', async () => {
    const box = await sandbox('run-custom');
    const started = Date.now();
    const r = await cli(['run', path.join(box.root, 'slow'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(marker(box.markers, 'teardown')).toBe(true);
    expect(marker(box.markers, 'step2')).toBe(false);
    const shell = pidFrom(path.join(box.markers, 'shell.pid'));
    expect(await waitFor(() => processGone(shell), 5000)).toBe(true);
    const record = await readRecord(box.root, 'slow');
    expect(record!.blocks.map((b) => b.status)).toEqual(['timed-out', 'not-run', 'passed']);
  });
});
