import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, tempCatalog } from '../helpers.js';

/** A small LSP client over stdio: Content-Length framed JSON-RPC, requests matched by id, notifications kept. */
class Client {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  readonly notifications: { method: string; params: any }[] = [];
  private waiters: { test: (n: { method: string; params: any }) => boolean; resolve: (n: { method: string; params: any }) => void }[] = [];

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (message.id !== undefined && (message.result !== undefined || message.error !== undefined)) this.pending.get(message.id)?.(message);
        else if (message.method && message.id === undefined) {
          this.notifications.push(message);
          for (const w of [...this.waiters])
            if (w.test(message)) {
              this.waiters.splice(this.waiters.indexOf(w), 1);
              w.resolve(message);
            }
        } else if (message.method) this.send({ jsonrpc: '2.0', id: message.id, result: null });
      }
    });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result as T)));
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  next(test: (n: { method: string; params: any }) => boolean, timeoutMs = 15_000): Promise<{ method: string; params: any }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such notification in time')), timeoutMs);
      this.waiters.push({ test, resolve: (n) => (clearTimeout(timer), resolve(n)) });
    });
  }
}

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => child?.kill());

async function start(): Promise<Client> {
  child = spawn(process.execPath, [path.join(REPO, 'dist/cli/bin.js'), 'lsp', '--stdio'], { stdio: 'pipe' });
  const client = new Client(child);
  const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  expect(init.capabilities.codeActionProvider).toBeTruthy();
  client.notify('initialized', {});
  return client;
}

const SAGA = '# Saga\n\n> Keeps data consistent across services.\n\n## Overview\n\nText.\n\n## Related Patterns\n\n- [Outbox](../outbox/README.md)\n';

describe('patternbook lsp --stdio', () => {
  it('publishes diagnostics once for an open and once for a change', async () => {
    const outbox = '# Outbox\n\n> Writes events with the data.\n\n## Overview\n\nText.\n';
    const root = await tempCatalog({ 'saga/README.md': SAGA, 'outbox/README.md': outbox });
    const saga = pathToFileURL(path.join(root, 'saga', 'README.md')).href;
    const other = pathToFileURL(path.join(root, 'outbox', 'README.md')).href;
    const client = await start();
    const published = (uri: string, version: number) => (n: { method: string; params: any }) =>
      n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version;
    const count = (uri: string) => client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length;
    // A second document: its edits, answered after the pause every change waits for, mark a point in time
    // that comes after any publication the server could still owe for the first document.
    let otherVersion = 1;
    const opened = client.next(published(other, 1));
    client.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: outbox } });
    await opened;
    const settled = async () => {
      otherVersion++;
      const mark = client.next(published(other, otherVersion));
      client.notify('textDocument/didChange', {
        textDocument: { uri: other, version: otherVersion },
        contentChanges: [{ text: `${outbox}\nMore text ${otherVersion}.\n` }],
      });
      await mark;
    };

    const first = client.next(published(saga, 1));
    client.notify('textDocument/didOpen', { textDocument: { uri: saga, languageId: 'markdown', version: 1, text: SAGA } });
    await first;
    await settled();
    expect(count(saga)).toBe(1);

    const second = client.next(published(saga, 2));
    client.notify('textDocument/didChange', { textDocument: { uri: saga, version: 2 }, contentChanges: [{ text: `${SAGA}\nMore.\n` }] });
    await second;
    await settled();
    expect(count(saga)).toBe(2);
  }, 30_000);

  it('publishes the lint results of an open pattern, and again as it changes; offers the fix as a code action', async () => {
    // A template the pattern mostly follows (a file with fewer than half of the template's sections gets one finding, and no fix).
    const template =
      '# [Pattern Title]\n\n> [One sentence]\n\n## Overview\n\nDescribe it.\n\n## Cleanup\n\nHow to remove it.\n\n## Related Patterns\n\n- [Related Pattern 1](../related-pattern-1/README.md)\n';
    const root = await tempCatalog({
      'templates/pattern.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'saga/README.md': SAGA,
      'outbox/README.md': '# Outbox\n\n> Writes events with the data.\n\n## Overview\n\nText.\n',
    });
    const uri = pathToFileURL(path.join(root, 'saga', 'README.md')).href;
    const client = await start();
    const published = client.next((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SAGA } });
    const first = (await published).params.diagnostics as { code: string; message: string; range: any; data: any }[];
    const cleanup = first.find((d) => d.code === 'required-section' && /Cleanup/.test(d.message))!;
    expect(cleanup).toBeDefined();
    // Where it goes: after `## Overview` (0-based line 6, its text), the last section before it that the pattern has.
    expect(cleanup.range.start).toEqual({ line: 6, character: 0 });

    const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: cleanup.range,
      context: { diagnostics: [cleanup] },
    });
    expect(actions[0]!.title).toBe('Insert missing section `## Cleanup`');
    expect(actions[0]!.edit.changes[uri]![0]!.newText).toContain('## Cleanup');

    // An edit in the buffer (not on disk) is linted: the relation now leads nowhere.
    const again = client.next((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 2);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: SAGA.replace('../outbox/README.md', '../nowhere/README.md') }],
    });
    const second = (await again).params.diagnostics as { code: string; message: string }[];
    expect(second.some((d) => d.code === 'related-pattern' && /nowhere/.test(d.message))).toBe(true);
    expect(await readFile(path.join(root, 'saga', 'README.md'), 'utf8')).toBe(SAGA);
  }, 30_000);

  it('completes link targets with the catalog’s patterns and their headings, and a line start with the next missing section', async () => {
    const text = '# Saga\n\n> Keeps data consistent.\n\n## Overview\n\nSee [x](\n\nSee [y](../outbox/README.md#\n\n';
    const root = await tempCatalog({ 'saga/README.md': text, 'outbox/README.md': '# Outbox\n\n> Writes events.\n\n## Overview\n\n## Data Flow\n' });
    const uri = pathToFileURL(path.join(root, 'saga', 'README.md')).href;
    const client = await start();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const labels = async (line: number, character: number) => {
      const r = await client.request<{ label: string }[] | { items: { label: string }[] }>('textDocument/completion', {
        textDocument: { uri },
        position: { line, character },
      });
      return (Array.isArray(r) ? r : r.items).map((i) => i.label);
    };
    expect(await labels(6, 'See [x]('.length)).toEqual(['../outbox/README.md']);
    expect(await labels(8, 'See [y](../outbox/README.md#'.length)).toEqual(['#outbox', '#overview', '#data-flow']);
    const sections = await labels(10, 0);
    expect(sections[0]).toBe('## Architecture');
    expect(sections).toContain('## Cleanup');
  }, 30_000);

  it('hovers a section heading with the template’s text for it, and outlines the sections', async () => {
    const root = await tempCatalog({ 'saga/README.md': SAGA });
    const uri = pathToFileURL(path.join(root, 'saga', 'README.md')).href;
    const client = await start();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SAGA } });
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 4 } });
    const template = await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8');
    const overview = /## Overview\n\n([^\n]+)/.exec(template)![1]!;
    expect(hover.contents.value).toContain('**Overview**');
    expect(hover.contents.value).toContain(overview.slice(0, 30));
    const symbols = await client.request<{ name: string; children: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['Overview', 'Related Patterns']);
  }, 30_000);
});
