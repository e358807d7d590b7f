import path from 'node:path';
import { watch } from 'chokidar';
import type { Diagnostic } from '../diagnostics.js';
import { buildSite, type BuildSummary } from './build.js';
import { serveSite, type RunningServer } from './serve.js';

export interface DevOptions {
  root: string;
  host?: string;
  port?: number;
  /** Called after each build (the CLI prints a line). */
  onBuild?: (result: { ok: true; summary: BuildSummary } | { ok: false; error: string }) => void;
}

export interface DevServer extends RunningServer {
  /** Resolves after the next rebuild (tests wait on it). */
  nextBuild: () => Promise<void>;
}

/** What the page's dev script reads: the last build's state and every finding. */
interface DevStatus {
  build: number;
  ok: boolean;
  error?: string;
  problems: Diagnostic[];
  lint: Diagnostic[];
}

/**
 * `patternbook dev`: builds the catalog into `.patternbook/dev-site`, serves
 * it on 127.0.0.1, and rebuilds when a file of the catalog changes; open
 * pages reload themselves (server-sent events) and show the lint findings, or
 * the build error, in an overlay. A failed build keeps the last good site and
 * the server running.
 */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const out = path.join(root, '.patternbook', 'dev-site');
  const status: DevStatus = { build: 0, ok: false, problems: [], lint: [] };
  const listeners = new Set<import('node:http').ServerResponse>();
  let waiting: (() => void)[] = [];

  const rebuild = async (): Promise<void> => {
    try {
      const summary = await buildSite({ root, out, dev: true });
      Object.assign(status, { build: status.build + 1, ok: true, problems: summary.problems, lint: summary.lint });
      delete status.error;
      options.onBuild?.({ ok: true, summary });
    } catch (err) {
      Object.assign(status, { build: status.build + 1, ok: false, error: (err as Error).message });
      options.onBuild?.({ ok: false, error: (err as Error).message });
    }
    for (const res of listeners) res.write(`data: ${status.build}\n\n`);
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };

  await rebuild();
  const running = await serveSite(out, {
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    routes: {
      '/__patternbook/events': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(`data: ${status.build}\n\n`);
        listeners.add(res);
        res.on('close', () => listeners.delete(res));
      },
      '/__patternbook/status.json': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(status));
      },
      '/__patternbook/dev.js': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(DEV_SCRIPT);
      },
    },
  });

  // Edits come in bursts (an editor writes, renames, touches): one rebuild per burst, never two at once.
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (building) {
        again = true;
        return;
      }
      building = rebuild();
      await building;
      building = undefined;
      if (again) {
        again = false;
        schedule();
      }
    }, 80);
  };
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (p) => {
      const rel = path.relative(root, p);
      return rel.split(path.sep).some((part) => part === 'node_modules' || (part.startsWith('.') && part.length > 1)) || rel.startsWith('_site');
    },
  });
  watcher.on('all', schedule);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ...running,
    nextBuild: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      for (const res of listeners) res.end();
      await running.close();
    },
  };
}

/** The page side of `dev`: reload after each build, show findings or the build error. */
const DEV_SCRIPT = `(function () {
  'use strict';
  var current = null;
  var events = new EventSource('/__patternbook/events');
  events.onmessage = function (e) {
    if (current !== null && e.data !== current) { window.location.reload(); return; }
    current = e.data;
    show();
  };
  function show() {
    fetch('/__patternbook/status.json').then(function (r) { return r.json(); }).then(function (s) {
      var old = document.getElementById('patternbook-overlay');
      if (old) old.remove();
      var slug = (window.location.pathname.match(/\\/patterns\\/([^/]+)\\//) || [])[1];
      var mine = s.lint.filter(function (d) { return slug && d.file.split('/').slice(-2, -1)[0] === decodeURIComponent(slug); });
      var lines = s.ok ? s.problems.concat(mine) : [{ severity: 'error', message: 'Build failed: ' + s.error, line: 1, ruleId: 'build' }];
      if (!lines.length) return;
      var box = document.createElement('aside');
      box.id = 'patternbook-overlay';
      box.setAttribute('role', 'status');
      box.className = 'dev-overlay';
      var title = document.createElement('strong');
      title.textContent = s.ok ? lines.length + ' lint finding' + (lines.length === 1 ? '' : 's') : 'Build failed';
      box.appendChild(title);
      var list = document.createElement('ul');
      lines.slice(0, 50).forEach(function (d) {
        var li = document.createElement('li');
        li.className = d.severity;
        li.textContent = (d.file ? d.file + ':' : '') + d.line + '  ' + d.message + '  (' + d.ruleId + ')';
        list.appendChild(li);
      });
      box.appendChild(list);
      var close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Hide';
      close.onclick = function () { box.remove(); };
      box.appendChild(close);
      document.body.appendChild(box);
    });
  }
})();
`;
