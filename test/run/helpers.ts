import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { REPO, fixture, runCli, type CliRun } from '../helpers.js';
import type { VerifyRecord } from '../../src/run/record.js';

export { REPO, fixture, runCli, type CliRun };

/** The built CLI, for the tests that need a real process (signals). */
export const BIN = path.join(REPO, 'dist/cli/bin.js');

/** Pids the steps wrote down: killed after each test if a failure left them running. */
const watched = new Set<number>();
const temps: string[] = [];
const children = new Set<ChildProcess>();

afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  for (const pid of watched) {
    if (!processGone(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }
  watched.clear();
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export interface Sandbox {
  /** The copied catalog. */
  root: string;
  /** An empty folder the steps write their markers to (`--param MARKER_DIR=…`). */
  markers: string;
  /** The temporary folder holding both; removed after the test. */
  dir: string;
}

/** A fresh copy of `test/fixtures/catalogs/<name>` and an empty marker folder, removed after the test. */
export async function sandbox(name: string): Promise<Sandbox> {
  const dir = realpathSync(await mkdtemp(path.join(tmpdir(), 'patternbook-run-test-')));
  temps.push(dir);
  const root = path.join(dir, 'catalog');
  await cp(fixture('catalogs', name), root, { recursive: true });
  const markers = path.join(dir, 'markers');
  await mkdir(markers);
  return { root, markers, dir };
}

/** Registers a folder (outside a sandbox) to be removed after the test. */
export function removeAfterTest(dir: string): void {
  temps.push(dir);
}

/** The environment the CLI is given: a PATH to find bash and the tools, plus `extra`. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', ...extra };
}

/** `patternbook <args>` in-process, from `cwd`, with a minimal environment. */
export function cli(args: string[], cwd: string, options: { env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  return runCli(args, cwd, { env: cliEnv(options.env), ...(options.tty !== undefined ? { tty: options.tty } : {}) });
}

/** The marker files the steps wrote, sorted. */
export function markersIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function marker(dir: string, name: string): boolean {
  return existsSync(path.join(dir, name));
}

/** A pid a step wrote to a file; watched so that it is killed after the test if still alive. */
export function pidFrom(file: string): number {
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`${file} does not hold a pid: ${JSON.stringify(readFileSync(file, 'utf8'))}`);
  watched.add(pid);
  return pid;
}

/**
 * Whether a process has ended: `kill(pid, 0)` fails with ESRCH, or the
 * process is a zombie — it has exited, and only its entry remains until its
 * parent reaps it. (Orphans are re-parented to PID 1, and in this sandbox
 * PID 1 reaps them only now and then, so an ended orphan can stay a zombie
 * for a while; it holds no resources and runs no code.)
 */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

/** Polls `condition` until it holds or `timeoutMs` passes; resolves to whether it held. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000, everyMs = 25): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every file and folder under `dir`, with each file's content hash and mode: equal snapshots, equal folders. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, relPath);
      const st = statSync(abs);
      if (st.isDirectory()) {
        out[`${relPath}/`] = 'dir';
        walk(relPath);
      } else {
        out[relPath] = `${(st.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`;
      }
    }
  };
  walk('');
  return out;
}

/** The record a finished run wrote, or undefined. */
export async function readRecord(root: string, slug: string): Promise<(Record<string, unknown> & { status: string; blocks: RecordBlock[] }) | undefined> {
  const file = path.join(root, '.patternbook', 'verify', `${slug}.json`);
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { status: string; blocks: RecordBlock[] };
}

/** A block of a result record, as the runner writes it. */
export type RecordBlock = VerifyRecord['blocks'][number];

/** An `env` listing as a map. */
export function parseEnvListing(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(line.slice(0, eq))) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export interface Spawned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node dist/cli/bin.js <args>` as a real process (killed after the test if still running). */
export function spawnCli(args: string[], cwd: string): Spawned {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before these tests.`);
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

/** Resolves to the promise's value, or rejects after `ms` with `what` in the message. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * Checks that `xml` is a well-formed XML document (the subset a report uses:
 * declaration, elements, attributes, text, entity and character references)
 * and returns its elements as a tree.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    const line = xml.slice(0, i).split('\n').length;
    throw new Error(`malformed XML at line ${line}: ${message}`);
  };
  const NAME = /[A-Za-z_][\w.:-]*/y;
  const readName = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) fail(`expected a name, found ${JSON.stringify(xml.slice(i, i + 10))}`);
    i += m![0].length;
    return m![0];
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const decode = (text: string) => {
    if (/[<]/.test(text)) fail('a raw < in text or attribute');
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) fail('a control character XML 1.0 forbids');
    return text.replace(/&([^;]*);?/g, (all, ref: string) => {
      if (!all.endsWith(';')) fail(`an & that starts no reference: ${JSON.stringify(all)}`);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (ref in named) return named[ref]!;
      const m = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(ref);
      if (!m) fail(`unknown entity &${ref};`);
      return String.fromCodePoint(m![1]!.startsWith('x') ? parseInt(m![1]!.slice(1), 16) : Number(m![1]));
    });
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      if (attr in attributes) fail(`attribute ${attr} twice`);
      skipSpace();
      if (xml[i] !== '=') fail(`expected = after ${attr}`);
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = xml.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      attributes[attr] = decode(xml.slice(i + 1, end));
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= xml.length) fail(`<${name}> is never closed`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return { name, attributes, children, text };
      }
      if (xml[i] === '<') {
        children.push(element());
        continue;
      }
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      text += decode(xml.slice(i, end));
      i = end;
    }
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

/** All elements named `name` under `root`, depth first. */
export function elements(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}
