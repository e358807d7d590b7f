import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** How long a process group gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 2000;

export interface ScriptExit {
  /** The script's exit code; null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningScript {
  pid: number;
  /** Resolves when bash has exited and its output is read. */
  exited: Promise<ScriptExit>;
  /** Ends the whole process group (SIGTERM, then SIGKILL after the grace period); resolves once no process of it is left. */
  stop(): Promise<void>;
}

/**
 * Starts a script as `bash -euo pipefail` in a process group of its own, so
 * everything it starts — pipelines, `&` jobs, servers — can be ended together.
 * Standard input is closed: a step that waits for input fails instead of hanging.
 */
export function startScript(
  script: string,
  options: { cwd: string; env: Record<string, string>; onLine: (line: string, stream: 'stdout' | 'stderr') => void },
): RunningScript {
  const child: ChildProcess = spawn('bash', ['--noprofile', '--norc', '-euo', 'pipefail', '-c', script], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  const readers = (['stdout', 'stderr'] as const).map((name) => readLines(child[name]!, (line) => options.onLine(line, name)));
  const exited = new Promise<ScriptExit>((resolve) => {
    child.once('error', () => resolve({ code: 127, signal: null }));
    child.once('exit', (code, signal) => {
      // Whatever the script left behind in its group goes too: its pipes would otherwise stay open.
      // A process that left the group (setsid) may still hold the pipes: they are read for a moment more, then closed.
      void (pid ? endGroup(pid) : Promise.resolve())
        .then(() => Promise.race([Promise.all(readers), sleep(KILL_GRACE_MS, { unref: true })]))
        .then(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          resolve({ code, signal });
        });
    });
  });
  return { pid: pid ?? -1, exited, stop: () => (pid ? endGroup(pid) : Promise.resolve()) };
}

/**
 * Whether any process of group `pgid` is still running. A zombie is not: it
 * has ended and waits to be reaped by its parent (for an orphan, by init,
 * which in some containers takes its time). On Linux the group's members are
 * read from /proc; elsewhere a signal 0 to the group answers.
 */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return hasProc ? runningMembers(pgid) > 0 : true;
}

const hasProc = existsSync('/proc/self/stat');

function runningMembers(pgid: number): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …: the command name may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') count++;
  }
  return count;
}

async function endGroup(pgid: number): Promise<void> {
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + KILL_GRACE_MS;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(25);
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, 'SIGKILL');
  const last = Date.now() + KILL_GRACE_MS;
  while (groupAlive(pgid) && Date.now() < last) await sleep(25);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** `unref`: a timer that does not keep the process alive (a bound on a wait that usually ends sooner). */
const sleep = (ms: number, options: { unref?: boolean } = {}) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (options.unref) timer.unref();
  });

/** Calls `onLine` for each line of a stream (a last line without a newline included); resolves at its end. */
function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        onLine(pending.slice(0, nl).replace(/\r$/, ''));
        pending = pending.slice(nl + 1);
      }
      // A line without an end (a progress bar) is not kept growing forever.
      if (pending.length > 64 * 1024) {
        onLine(pending);
        pending = '';
      }
    });
    const finish = () => {
      if (pending) onLine(pending);
      pending = '';
      resolve();
    };
    stream.once('end', finish);
    stream.once('error', finish);
    stream.once('close', finish);
  });
}
