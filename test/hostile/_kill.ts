/**
 * For the SIGKILL tests: the real CLI in a child process, killed at a moment
 * picked by watching what it does on disk (not after a fixed delay, which
 * lands before or after the writes as often as during them), and a bounded
 * retry that fails the test when no kill ever landed where it had to.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers.js';

export const BIN = path.join(REPO, 'dist/cli/bin.js');
export const HAVE_BIN = existsSync(BIN);

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

export interface Child {
  done: Promise<Ended>;
  /** Whether the process has ended. */
  ended(): boolean;
  /** SIGKILL, then wait for the end. */
  kill(): Promise<Ended>;
}

/** Runs `patternbook <args>` in a child process. */
export function start(args: string[], cwd?: string): Child {
  const child = spawn(process.execPath, [BIN, ...args], { ...(cwd ? { cwd } : {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  let ended = false;
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Ended>((resolve) =>
    child.on('close', (code, signal) => {
      ended = true;
      resolve({ code, signal, stderr });
    }),
  );
  return {
    done,
    ended: () => ended,
    kill: () => {
      child.kill('SIGKILL');
      return done;
    },
  };
}

/** Runs `patternbook <args>` to its end. */
export function run(args: string[], cwd?: string): Promise<Ended> {
  return start(args, cwd).done;
}

/**
 * Polls `seen` as fast as the event loop allows until it holds (true), or
 * until the child ends or the deadline passes (false).
 */
export async function whenSeen(child: Child, seen: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!child.ended() && Date.now() < until) {
    if (await seen()) return true;
    await new Promise((r) => setImmediate(r));
  }
  return false;
}

/**
 * Tries up to `tries` times until an attempt reports that its kill landed
 * where it had to (each attempt checks its own invariants as it goes);
 * throws, naming what never happened, when none did.
 */
export async function untilLanded(tries: number, what: string, attempt: (n: number) => Promise<boolean>): Promise<number> {
  for (let n = 0; n < tries; n++) if (await attempt(n)) return n;
  throw new Error(`No kill landed ${what} in ${tries} tries: the test proved nothing, so it fails.`);
}
