import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, marker, markersIn, pidFrom, processGone, readRecord, sandbox, spawnCli, waitFor, within } from './helpers.js';

describe('patternbook run: processes', () => {
  it('2. a block past its {timeout=1} has its whole process group killed, its & job too; Cleanup runs; the run fails', async () => {
    const box = await sandbox('run');
    const started = Date.now();
    const r = await cli(['run', path.join(box.root, 'timeout'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    // Stopped after its second, not after the 60 s sleeps.
    expect(Date.now() - started).toBeLessThan(20_000);
    const job = pidFrom(path.join(box.markers, 'job.pid'));
    const shell = pidFrom(path.join(box.markers, 'shell.pid'));
    expect(await waitFor(() => processGone(job) && processGone(shell), 5000), `sleep ${job} or bash ${shell} still running`).toBe(true);
    expect(marker(box.markers, 'cleanup')).toBe(true);
    expect(marker(box.markers, 'step2')).toBe(false);
    const record = await readRecord(box.root, 'timeout');
    expect(record?.status).toBe('failed');
    expect(record!.blocks.map((b) => b.status)).toEqual(['timed-out', 'not-run', 'passed']);
    expect(r.stdout + r.stderr).toMatch(/timed out/i);
  });

  it('6. a {background} server runs for the later steps and is gone after the run', async () => {
    const box = await sandbox('run');
    const r = await cli(['run', path.join(box.root, 'background'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // The later step saw it alive (kill -0 passed)…
    expect(markersIn(box.markers)).toEqual(['cleanup', 'server-was-alive', 'server.pid']);
    // …and it did not outlive the run.
    const server = pidFrom(path.join(box.markers, 'server.pid'));
    expect(await waitFor(() => processGone(server), 5000), `server ${server} still running`).toBe(true);
    const record = await readRecord(box.root, 'background');
    expect(record!.blocks.map((b) => [b.name, b.status])).toEqual([
      ['Start the server', 'passed'],
      ['Step 2: Talk to the server', 'passed'],
      ['Cleanup', 'passed'],
    ]);
  });

  it('a {background} server is stopped when a later step fails, and Cleanup runs', async () => {
    const box = await sandbox('run');
    const r = await cli(['run', path.join(box.root, 'background'), '--yes', '--param', `MARKER_DIR=${box.markers}`, '--param', 'FAIL_AFTER=yes'], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(markersIn(box.markers)).toEqual(['cleanup', 'server-was-alive', 'server.pid']);
    const server = pidFrom(path.join(box.markers, 'server.pid'));
    expect(await waitFor(() => processGone(server), 5000), `server ${server} still running`).toBe(true);
    expect((await readRecord(box.root, 'background'))?.status).toBe('failed');
  });

  it('--timeout limits the whole run: the running step is killed with its processes, Cleanup still runs', async () => {
    const box = await sandbox('run');
    const started = Date.now();
    const r = await cli(['run', path.join(box.root, 'interrupt'), '--yes', '--timeout', '1', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    const job = pidFrom(path.join(box.markers, 'job.pid'));
    expect(await waitFor(() => processGone(job), 5000), `sleep ${job} still running`).toBe(true);
    expect(marker(box.markers, 'cleanup')).toBe(true);
    expect(marker(box.markers, 'step2')).toBe(false);
    expect((await readRecord(box.root, 'interrupt'))!.blocks.map((b) => b.status)).toEqual(['timed-out', 'not-run', 'passed']);
  });

  it('3. SIGINT during a step stops it and its processes, runs Cleanup, exits 130 and records nothing', async () => {
    const box = await sandbox('run');
    const run = spawnCli(['run', path.join(box.root, 'interrupt'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(await waitFor(() => marker(box.markers, 'started') || run.child.exitCode !== null), run.output()).toBe(true);
    expect(run.child.exitCode, run.output()).toBeNull();
    const job = pidFrom(path.join(box.markers, 'job.pid'));
    const shell = pidFrom(path.join(box.markers, 'shell.pid'));
    expect(processGone(job)).toBe(false);
    run.child.kill('SIGINT');
    const exit = await within(run.exited, 15_000, 'patternbook run after SIGINT');
    expect(exit.code, run.output()).toBe(130);
    expect(marker(box.markers, 'cleanup')).toBe(true);
    expect(marker(box.markers, 'step2')).toBe(false);
    expect(await waitFor(() => processGone(job) && processGone(shell), 5000), `sleep ${job} or bash ${shell} still running`).toBe(true);
    // An interrupted run has no verdict.
    expect(await readRecord(box.root, 'interrupt')).toBeUndefined();
    expect(existsSync(path.join(box.root, '.patternbook', 'verify', 'interrupt.json'))).toBe(false);
  });

  it('a second SIGINT stops Cleanup too, and its processes', async () => {
    const box = await sandbox('run');
    const run = spawnCli(['run', path.join(box.root, 'interrupt-twice'), '--yes', '--param', `MARKER_DIR=${box.markers}`], box.dir);
    expect(await waitFor(() => marker(box.markers, 'started') || run.child.exitCode !== null), run.output()).toBe(true);
    run.child.kill('SIGINT');
    expect(await waitFor(() => marker(box.markers, 'cleanup-started') || run.child.exitCode !== null), run.output()).toBe(true);
    expect(run.child.exitCode, run.output()).toBeNull();
    const cleanupJob = pidFrom(path.join(box.markers, 'cleanup-job.pid'));
    run.child.kill('SIGINT');
    const exit = await within(run.exited, 15_000, 'patternbook run after a second SIGINT');
    expect(exit.code, run.output()).toBe(130);
    expect(marker(box.markers, 'cleanup-finished')).toBe(false);
    expect(await waitFor(() => processGone(cleanupJob), 5000), `cleanup's sleep ${cleanupJob} still running`).toBe(true);
    expect(await readRecord(box.root, 'interrupt-twice')).toBeUndefined();
  });
});
