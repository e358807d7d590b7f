import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { connect as connect_, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDev } from '../../src/site/dev.js';
import { REPO } from '../helpers.js';

describe('patternbook dev', () => {
  it('reloads the open pages for an edit saved while the full build after a quick rebuild runs', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'pb-dev-settle-')), 'catalog');
    await cp(path.join(REPO, 'examples', 'catalog'), root, { recursive: true });
    const file = path.join(root, 'saga', 'README.md');
    const original = await readFile(file, 'utf8');
    let second = false;
    // `settleMs: 0`: the full build starts right after the quick rebuild of the first edit; the
    // second edit, saved as that quick rebuild reports, is seen while the full build runs.
    const dev = await startDev({
      root,
      settleMs: 0,
      onBuild: (result) => {
        if (result.ok && result.quick && !second) {
          second = true;
          writeFileSync(file, original.replace('## Overview\n', '## Overview\n\nSecond edit.\n'));
        }
      },
    });
    // What an open page hears: the build number it must show, on each message of the event stream.
    const heard = new Set<string>();
    const stream = get(`${dev.url}__patternbook/events`, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/^data: (\d+)$/gm)) heard.add(m[1]!);
      });
    });
    try {
      await expect.poll(() => heard.size).toBe(1);
      writeFileSync(file, original.replace('## Overview\n', '## Overview\n\nFirst edit.\n'));
      // One reload for the first edit, one for the second (it used to be built silently into the
      // full build and the page kept showing the first).
      await expect.poll(() => heard.size, { timeout: 15_000 }).toBe(3);
      expect(await readFile(path.join(dev.folder, 'patterns', 'saga', 'index.html'), 'utf8')).toContain('Second edit.');
    } finally {
      stream.destroy();
      await dev.close();
    }
  }, 30_000);

  it('keeps the last good page of a pattern that no longer loads through the full builds after it, until it loads again', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'pb-dev-broken-')), 'catalog');
    await cp(path.join(REPO, 'examples', 'catalog'), root, { recursive: true });
    const file = path.join(root, 'saga', 'README.md');
    const original = await readFile(file, 'utf8');
    const builds: { ok: boolean; quick?: boolean }[] = [];
    const dev = await startDev({ root, settleMs: 0, onBuild: (b) => builds.push({ ok: b.ok, ...(b.ok ? { quick: b.quick } : {}) }) });
    const page = async () => {
      const res = await fetch(`${dev.url}patterns/saga/`);
      return { status: res.status, text: await res.text() };
    };
    const fullBuilds = () => builds.filter((b) => b.ok && !b.quick).length;
    try {
      let full = fullBuilds();
      writeFileSync(file, original.replace('## Overview\n', '## Overview\n\nLast good words.\n'));
      await expect.poll(fullBuilds, { timeout: 15_000 }).toBeGreaterThan(full);
      expect((await page()).text).toContain('Last good words.');

      // A half-typed edit: the front matter's closing line deleted. The quick rebuild keeps the page,
      // and so does the full build that follows it (it used to drop the page: a 404 on reload).
      full = fullBuilds();
      writeFileSync(file, original.replace(/^(---\n[\s\S]*?\n)---\n/, '$1'));
      await expect.poll(fullBuilds, { timeout: 15_000 }).toBeGreaterThan(full);
      const status = (await (await fetch(`${dev.url}__patternbook/status.json`)).json()) as { problems: { path: string; ruleId: string }[] };
      expect(status.problems.map((p) => `${p.path} ${p.ruleId}`)).toEqual(['saga/README.md front-matter-syntax']);
      expect(await page()).toMatchObject({ status: 200, text: expect.stringContaining('Last good words.') });

      // Another full build while it is still broken (a new file): the page is still kept.
      full = fullBuilds();
      writeFileSync(path.join(root, 'notes.txt'), 'not a pattern\n');
      await expect.poll(fullBuilds, { timeout: 15_000 }).toBeGreaterThan(full);
      expect(await page()).toMatchObject({ status: 200, text: expect.stringContaining('Last good words.') });

      // Mended: the page is built from the file again.
      full = fullBuilds();
      writeFileSync(file, original.replace('## Overview\n', '## Overview\n\nMended words.\n'));
      await expect.poll(fullBuilds, { timeout: 15_000 }).toBeGreaterThan(full);
      const mended = await page();
      expect(mended.text).toContain('Mended words.');
      expect(mended.text).not.toContain('Last good words.');
    } finally {
      await dev.close();
    }
  }, 60_000);

  it('leaves nothing running when an edit is being rebuilt as it closes: the process exits', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'pb-dev-close-')), 'catalog');
    await cp(path.join(REPO, 'examples', 'catalog'), root, { recursive: true });
    // The full build that follows a quick rebuild waits `settleMs` (an hour here): it must not be
    // scheduled once the server is closed, or it keeps the process alive that long.
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      const { startDev } = await import(${JSON.stringify(path.join(REPO, 'dist', 'site', 'dev.js'))});
      const file = ${JSON.stringify(path.join(root, 'saga', 'README.md'))};
      const original = readFileSync(file, 'utf8');
      const dev = await startDev({ root: ${JSON.stringify(root)}, settleMs: 3600000 });
      const next = dev.nextBuild();
      writeFileSync(file, original.replace('## Overview\\n', '## Overview\\n\\nEdited.\\n'));
      await next;
      writeFileSync(file, original);
      await dev.close();
      console.log('closed');
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toBe('closed\n');
    // Killed by the timeout (signal set, no exit status) when something kept it alive.
    expect([run.signal, run.status]).toEqual([null, 0]);
  }, 40_000);

  it('closes at once while a browser still holds connections: an idle keep-alive one and a request half sent', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'pb-dev-sockets-')), 'catalog');
    await cp(path.join(REPO, 'examples', 'catalog'), root, { recursive: true });
    const dev = await startDev({ root, settleMs: 3600000 });
    const { port } = new URL(dev.url);
    const sockets: Socket[] = [];
    const connect = () =>
      new Promise<Socket>((resolve) => {
        const socket = connect_({ host: '127.0.0.1', port: Number(port) }, () => resolve(socket));
        socket.on('error', () => undefined);
        sockets.push(socket);
      });
    try {
      // A page loaded over a keep-alive connection the browser keeps for the next one…
      const idle = await connect();
      const answered = new Promise<string>((resolve) => idle.once('data', (d) => resolve(String(d))));
      idle.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
      expect(await answered).toMatch(/^HTTP\/1\.1 200/);
      // …and a request whose headers never end (a tab closed mid-request).
      (await connect()).write('GET /patterns/saga/ HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const closed = await Promise.race([dev.close().then(() => 'closed'), new Promise((r) => setTimeout(r, 5_000, 'still waiting'))]);
      expect(closed).toBe('closed');
      // (The server ended both: the client sees each end as it arrives.)
      await expect.poll(() => sockets.every((s) => s.readableEnded || s.destroyed)).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
    }
  }, 20_000);
});
