import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PatternbookError } from '../diagnostics.js';

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new PatternbookError(`git could not be run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): --changed-since needs git installed.`);
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim() };
}

/**
 * Absolute paths of the files under `dir` that differ from `ref`: changed on
 * this branch since it left `ref` (the merge base, as a pull request shows
 * them), changed in the working tree, or new and not ignored.
 */
export function changedFilesSince(dir: string, ref: string): string[] {
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new PatternbookError(`--changed-since ${ref}: ${dir} is not inside a git repository.`);
  const root = top.out.trim();
  if (!git(dir, ['rev-parse', '--verify', '-q', `${ref}^{commit}`]).ok) {
    throw new PatternbookError(`--changed-since ${ref}: no such commit, branch or tag here (in CI, fetch it first: git fetch origin ${ref}).`);
  }
  const base = git(dir, ['merge-base', ref, 'HEAD']);
  const from = base.ok && base.out.trim() ? base.out.trim() : ref;
  const diff = git(root, ['diff', '--name-only', '-z', '--no-renames', from, '--']);
  if (!diff.ok) throw new PatternbookError(`--changed-since ${ref}: git diff failed: ${diff.err}`);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  const names = [...diff.out.split('\0'), ...(untracked.ok ? untracked.out.split('\0') : [])].filter(Boolean);
  return [...new Set(names.map((n) => path.join(root, n)))];
}
