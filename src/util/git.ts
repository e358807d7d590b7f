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

/** `git args` in `cwd`: its output where git ran and succeeded, else undefined (no git, no repository). Never throws. */
function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
    return r.error || r.status !== 0 ? undefined : r.stdout;
  } catch {
    return undefined;
  }
}

/**
 * `git log` of a file followed through renames (`--follow -M40%`), or, where finding its renames
 * fails — a clone some of whose older files' contents are not there (a partial or blobless clone,
 * a copy with its largest files left out): `fatal: unable to read …` —, through its moves that kept
 * it whole (`-M100%`, told by the files' ids alone, no content read), else by its path now alone.
 */
function followed(cwd: string, args: string[]): string | undefined {
  return tryGit(cwd, ['log', '--follow', '-M40%', ...args]) ?? tryGit(cwd, ['log', '--follow', '-M100%', ...args]) ?? tryGit(cwd, ['log', '--no-renames', ...args]);
}

/** Whether `cwd` is in a repository with its whole history: not a shallow clone, whose first commit is no file's first version. */
function fullHistory(cwd: string): boolean {
  return tryGit(cwd, ['rev-parse', '--is-shallow-repository'])?.trim() === 'false';
}

/** Whether `cwd` is in a shallow clone (CI's default checkout): its first commit is no file's first version. */
export function shallowClone(cwd: string): boolean {
  return tryGit(cwd, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
}

/**
 * The time (ms) each file under `dir` was first added to the repository, by its path now, followed
 * through renames (a document moved into a folder of its own, `sig-x/old.md` → `sig-x/12-old/README.md`,
 * is as old as its first version; one moved in from another folder too, its history there read in
 * turn): one `git log` for the whole folder, and one per step back for moves in. Empty where that cannot be
 * told (no git, no repository, a shallow clone).
 */
export function firstAddedTimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const cwd = path.resolve(dir);
  if (!fullHistory(cwd)) return out;
  const top = tryGit(cwd, ['rev-parse', '--show-toplevel'])?.trim();
  // (Oldest first: a rename passes the time of the path it leaves to the path it takes.)
  // (Without renames where finding them fails: see `followed`.)
  // (The whole diff of each commit that touched the folder, `--full-diff`: a move into it from
  // another folder — `60-contributing/03-rfcs/x.md` → `90-contributing/01-rfcs/x.md` — is a rename,
  // not an add, only where both paths are in the diff.)
  const logOf = (paths: string[]) =>
    tryGit(cwd, ['-c', 'core.quotePath=false', 'log', '--reverse', '-M40%', '--full-diff', '--diff-filter=AR', '--format=%x00%ct', '--name-status', '--', ...paths]) ??
    tryGit(cwd, ['-c', 'core.quotePath=false', 'log', '--reverse', '-M100%', '--full-diff', '--diff-filter=AR', '--format=%x00%ct', '--name-status', '--', ...paths]) ??
    tryGit(cwd, ['-c', 'core.quotePath=false', 'log', '--reverse', '--no-renames', '--diff-filter=A', '--format=%x00%ct', '--name-status', '--', ...paths]);
  const log = logOf(['.']);
  if (!top || log === undefined) return out;
  const times = new Map<string, number>();
  const prefix = path.relative(top, cwd).split(path.sep).join('/');
  const inFolder = (p: string) => prefix === '' || p.startsWith(`${prefix}/`);
  /** Paths renamed from where this log tells no first version of (another folder's): to whom they passed. */
  const origins = new Map<string, string[]>();
  /** Each rename the folder's log holds, from → to: a time found later passes down the chain. */
  const moves = new Map<string, string[]>();
  const read = (text: string, into: Map<string, number>, unknown?: Map<string, string[]>) => {
    let time = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith('\0')) {
        time = Number(line.slice(1)) * 1000;
        continue;
      }
      const [status, from, to] = line.split('\t');
      if (status === 'A' && from && !into.has(from)) into.set(from, time);
      else if (status?.startsWith('R') && from && to) {
        // (In the folder's own log, only moves into it from elsewhere: the others it tells in full.)
        if (!into.has(from) && unknown && (into !== times || (inFolder(to) && !inFolder(from)))) unknown.set(from, [...(unknown.get(from) ?? []), to]);
        if (into === times) moves.set(from, [...(moves.get(from) ?? []), to]);
        into.set(to, Math.min(into.get(from) ?? time, into.get(to) ?? Infinity));
      }
    }
  };
  read(log, times, origins);
  // Those moved in from another folder are as old as their first version there: their history read
  // in turn (eight moves deep at most; a rename chain longer than that keeps the time of its last move).
  for (let depth = 0; depth < 8 && origins.size > 0 && origins.size <= MAX_ORIGINS; depth++) {
    const earlier = logOf([...origins.keys()].map((p) => `:(top,literal)${p}`));
    if (earlier === undefined) break;
    const found = new Map<string, number>();
    const further = new Map<string, string[]>();
    read(earlier, found, further);
    const next = new Map<string, string[]>();
    for (const [from, tos] of origins) {
      const t = found.get(from);
      if (t !== undefined) for (const to of tos) passOn(times, moves, to, t);
      // (Moved there from further away: asked of the next round, for the same documents.)
      for (const [older, into] of further) if (into.includes(from)) next.set(older, [...(next.get(older) ?? []), ...tos]);
    }
    origins.clear();
    for (const [k, v] of next) origins.set(k, v);
  }
  for (const [file, t] of times) out.set(path.join(top, file), t);
  return out;
}

/** Past this many paths moved in from elsewhere, their earlier history is not looked up (one command line). */
const MAX_ORIGINS = 2000;

/** A document's first time made earlier, and so that of every path it took after (a rename chain in the folder). */
function passOn(times: Map<string, number>, moves: ReadonlyMap<string, string[]>, file: string, time: number, seen = new Set<string>()): void {
  if (seen.has(file)) return;
  seen.add(file);
  if (time < (times.get(file) ?? Infinity)) times.set(file, time);
  for (const to of moves.get(file) ?? []) passOn(times, moves, to, time, seen);
}

/**
 * The text and time (ms) of a file as it was first committed (followed through renames, a move
 * that rewrote up to three fifths of it too: `0000-template.md` → `NNNN-template/README.md`), or undefined
 * where that cannot be told: no git, not in a repository, not committed, or a shallow clone.
 * (Not through a copy: a template made as a copy of a document, `cp 0001-x.md template.md`, was first
 * committed then, not when that document was.)
 */
export function firstCommit(file: string): { text: string; time: number } | undefined {
  const dir = path.dirname(path.resolve(file));
  if (!fullHistory(dir)) return undefined;
  const first = ownCommits(dir, path.basename(file))
    .filter((c) => !c.deleted)
    .at(-1);
  if (!first) return undefined;
  // (The name is from the repository's root: read from there.)
  const text = tryGit(dir, ['show', `${first.sha}:${first.name}`]);
  return text === undefined ? undefined : { text, time: first.time };
}

/**
 * The commits of a file's own history, newest first, followed through renames (and deletions: a
 * path added again) up to its first version — or to the commit that made it a copy of another file,
 * past which `git log --follow` would go on into the history of the file it was copied from —, with
 * its name at each.
 */
function ownCommits(dir: string, base: string): { sha: string; time: number; name: string; deleted?: true }[] {
  const parse = (out: string | undefined) => {
    const lines = (out ?? '').split('\n').filter(Boolean);
    const found: { sha: string; time: number; name: string; status: string }[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('\0')) continue;
      const [sha, seconds] = lines[i]!.slice(1).split(' ');
      const [status, from, to] = (lines[i + 1] ?? '').split('\t');
      if (!status || status.startsWith('\0') || !from) continue;
      found.push({ sha: sha!, time: Number(seconds) * 1000, name: to ?? from, status });
    }
    return found;
  };
  const commits: { sha: string; time: number; name: string; deleted?: true }[] = [];
  const push = (c: { sha: string; time: number; name: string; status: string }) =>
    commits.push({ sha: c.sha, time: c.time, name: c.name, ...(c.status === 'D' ? { deleted: true as const } : {}) });
  for (const c of parse(followed(dir, ['--format=%x00%H %ct', '--name-status', '--', base]))) {
    push(c);
    if (!c.status.startsWith('C')) continue;
    // (Made a copy of another file there: its history before is that path's own, if it has one — a
    // rewrite git took for a copy of a file it came to resemble, or the path deleted and made again —,
    // never the other file's. With none, the copy is its first version.)
    for (const earlier of parse(tryGit(dir, ['log', '--no-renames', '--format=%x00%H %ct', '--name-status', `${c.sha}^@`, '--', `:(top,literal)${c.name}`])))
      push(earlier);
    break;
  }
  return commits;
}

/** At most this many versions of a file are read (a template rewritten more often than this is read from its latest ones). */
const MAX_VERSIONS = 60;

/**
 * The text and time (ms) of each committed version of a file, oldest first (followed through
 * renames, as `firstCommit`), or empty where that cannot be told: no git, not in a repository, or a shallow clone.
 */
export function committedVersions(file: string): { text: string; time: number }[] {
  const dir = path.dirname(path.resolve(file));
  if (!fullHistory(dir)) return [];
  const out: { text: string; time: number }[] = [];
  for (const c of ownCommits(dir, path.basename(file)).slice(0, MAX_VERSIONS).reverse()) {
    // (The name is from the repository's root: read from there. A commit that deleted it has no text.)
    const text = c.deleted ? undefined : tryGit(dir, ['show', `${c.sha}:${c.name}`]);
    if (text !== undefined) out.push({ text, time: c.time });
  }
  return out;
}
