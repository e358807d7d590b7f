import type { Readable, Writable } from 'node:stream';

/** Everything a command touches of the outside world, so tests can run `main` in-process. */
export interface CliIo {
  argv: string[];
  cwd: string;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin?: Readable & { isTTY?: boolean };
  env?: Record<string, string | undefined>;
}

export interface Colors {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '');
}

export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Colors {
  const on = colorEnabled(stream, env);
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), cyan: wrap(36, 39) };
}

export interface CommandContext extends Required<Omit<CliIo, 'stdin' | 'argv'>> {
  stdin?: CliIo['stdin'];
  out: (line?: string) => void;
  err: (line?: string) => void;
  color: Colors;
  /** Whether standard output gets colours (a terminal, no NO_COLOR). */
  colorEnabled: boolean;
  errColor: Colors;
  /** Set by a command's action: 0 ok, 1 problems found, 2 usage or configuration error. */
  exitCode: number;
  /** An error that standard output or standard error met other than a closed pipe (a full disk…), for `main` to report. */
  outputFailure: () => { stream: 'standard output' | 'standard error'; error: NodeJS.ErrnoException } | undefined;
}

/**
 * Watches an output stream: a reader that went away (`patternbook rules | head -3`:
 * EPIPE) ends the output quietly and the command goes on to its end and its exit
 * code, as if it had been read; any other failure is kept for `main` to report.
 * Without a listener, Node would throw the stream's 'error' event as an
 * uncaught exception with a stack trace.
 */
function watchOutput(stream: CliIo['stdout']): { open: () => boolean; failure: () => NodeJS.ErrnoException | undefined } {
  let closed = false;
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    closed = true;
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED' && !failure) failure = err;
  });
  return { open: () => !closed && !stream.destroyed && !stream.writableEnded, failure: () => failure };
}

export function createContext(io: CliIo): CommandContext {
  const env = io.env ?? process.env;
  const stdout = watchOutput(io.stdout);
  const stderr = watchOutput(io.stderr);
  return {
    cwd: io.cwd,
    stdout: io.stdout,
    stderr: io.stderr,
    ...(io.stdin ? { stdin: io.stdin } : {}),
    env,
    out: (line = '') => void (stdout.open() && io.stdout.write(`${line}\n`)),
    err: (line = '') => void (stderr.open() && io.stderr.write(`${line}\n`)),
    color: colorsFor(io.stdout, env),
    colorEnabled: colorEnabled(io.stdout, env),
    errColor: colorsFor(io.stderr, env),
    exitCode: 0,
    outputFailure: () => {
      const out = stdout.failure();
      if (out) return { stream: 'standard output', error: out };
      const err = stderr.failure();
      return err ? { stream: 'standard error', error: err } : undefined;
    },
  };
}
