import { readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers.js';

/** The configuration `init --adopt` wrote in `dir`. */
export async function configOf(dir: string): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')) as Record<string, unknown>;
}

/** Of `files`, those the written configuration takes as patterns (its globs, less its exclusions and template). */
export async function pickedOf(dir: string, files: Record<string, string>): Promise<string[]> {
  const config = await configOf(dir);
  const picked = picomatch(config.patterns as string[]);
  const left = picomatch((config.exclude as string[] | undefined) ?? ['!**']);
  return Object.keys(files)
    .filter((rel) => picked(rel) && !left(rel) && rel !== config.template)
    .sort();
}

export interface Report {
  errorCount: number;
  results: { file: string; diagnostics: { ruleId: string; severity: string; message: string }[] }[];
}

/** `patternbook lint dir --format json`, run as a user runs it (from `repo`). */
export async function lintOf(dir: string, repo: string): Promise<Report> {
  const run = await runCli(['lint', dir, '--format', 'json'], repo);
  expect(run.code, run.stderr).toBeLessThan(2);
  return JSON.parse(run.stdout) as Report;
}
