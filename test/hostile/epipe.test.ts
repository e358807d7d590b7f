import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempCatalog } from '../helpers.js';

// A reader that goes away early (`patternbook rules | head -3`) closes standard
// output: the command must end quietly, with the exit code it has when read to
// the end, and finish its work (init still writes every file).

const BIN = path.join(REPO, 'dist/cli/bin.js');
const TEMPLATE = '# [Pattern Title]\n\n> Brief one-sentence description\n\n## Overview\n\nDescribe it.\n';
const CRASH = /EPIPE|Unhandled 'error'|\n\s+at \S+|internal error/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI with standard output on a real pipe. `close: 'at once'` closes
 * the reading end before the CLI has written anything (its first write meets a
 * closed pipe, whatever the output's size); `close: 'after first chunk'` reads
 * one chunk, then closes (the output must be larger than the pipe's buffer).
 */
function runPiped(args: string[], cwd: string, close?: 'at once' | 'after first chunk'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    if (close === 'at once') child.stdout.destroy();
    else
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (close === 'after first chunk') child.stdout.destroy();
      });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const page = (n: number, body: string) => `# Pattern ${n}\n\n> Pattern ${n} does one thing well.\n\n## Overview\n\n${body}\n`;

/** A catalog whose export and lint report are each far larger than a pipe's buffer (64 KiB). */
async function bigCatalog(): Promise<string> {
  const files: Record<string, string> = { 'template.md': TEMPLATE, 'patternbook.config.yaml': 'template: template.md\n' };
  const words = 'The service keeps its promise when the network does not. '.repeat(20);
  for (let n = 0; n < 300; n++) {
    // Unknown sections in each: problems in every file, so lint's report is long too.
    const extra = [1, 2, 3, 4, 5, 6].map((k) => `## Unknown Part ${k} of ${n}\n\n${words}\n`).join('\n');
    files[`p${String(n).padStart(3, '0')}/README.md`] = `${page(n, words)}\n${extra}`;
  }
  return tempCatalog(files);
}

describe.runIf(existsSync(BIN))('a closed standard output (EPIPE)', () => {
  it('rules, lint, export and init closed before their first write: no trace, the exit code of a full run, init complete', async () => {
    const dir = await tempCatalog({ 'cat/template.md': TEMPLATE, 'cat/patternbook.config.yaml': 'template: template.md\n', 'cat/good/README.md': page(1, 'It works.') });
    const cat = path.join(dir, 'cat');
    for (const args of [['rules'], ['lint', cat], ['export', cat], ['lint', cat, '--format', 'json']]) {
      const full = await runPiped(args, dir);
      expect(full.stdout.length, `${args.join(' ')} prints something`).toBeGreaterThan(0);
      const closed = await runPiped(args, dir, 'at once');
      expect(closed.stderr, args.join(' ')).not.toMatch(CRASH);
      expect(closed.code, `${args.join(' ')}: ${closed.stderr}`).toBe(full.code);
    }

    const closed = await runPiped(['init', 'fresh'], dir, 'at once');
    expect(closed.stderr).not.toMatch(CRASH);
    expect(closed.code, closed.stderr).toBe(0);
    // Every file init announces is there and whole: the catalog it made lints as a fresh one does.
    const fresh = path.join(dir, 'fresh');
    const config = JSON.parse(await readFile(path.join(fresh, 'patternbook.config.json'), 'utf8')) as { template: string };
    expect(await readFile(path.join(fresh, config.template), 'utf8')).toMatch(/^# /);
    const reference = await runPiped(['init', 'reference'], dir);
    expect(reference.code).toBe(0);
    const lintFresh = await runPiped(['lint', fresh, '--format', 'json'], dir);
    const lintReference = await runPiped(['lint', path.join(dir, 'reference'), '--format', 'json'], dir);
    const counts = (r: Run) => {
      const report = JSON.parse(r.stdout) as { errorCount: number; warningCount: number; results: { file: string }[] };
      return [report.errorCount, report.warningCount, report.results.map((x) => x.file)];
    };
    expect(counts(lintFresh)).toEqual(counts(lintReference));
  }, 60_000);

  it('export and lint closed after the first chunk of a large output: no trace, the exit code of a full run', async () => {
    const cat = await bigCatalog();
    for (const args of [
      ['export', cat],
      ['lint', cat],
    ]) {
      const full = await runPiped(args, cat);
      expect(full.stdout.length, `${args.join(' ')} output larger than a pipe buffer`).toBeGreaterThan(256 * 1024);
      const closed = await runPiped(args, cat, 'after first chunk');
      expect(closed.stdout.length).toBeLessThan(full.stdout.length);
      expect(closed.stderr, args.join(' ')).not.toMatch(CRASH);
      expect(closed.code, `${args.join(' ')}: ${closed.stderr}`).toBe(full.code);
    }
  }, 120_000);

  // Not every failure of standard output is a reader going away: a full disk behind `> file` is said.
  it.runIf(existsSync('/dev/full'))('standard output on a full disk (/dev/full): exit 2 and a plain message, not a trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'rules'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      expect(r.stderr).not.toMatch(CRASH);
      expect(r.stderr).toBe('error Cannot write to standard output: no space left on the disk. Free some space and run again.\n');
      expect(r.status).toBe(2);
    } finally {
      closeSync(fd);
    }
  });
});
