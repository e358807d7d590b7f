import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { watch } from 'chokidar';
import type { Diagnostic } from '../diagnostics.js';
import { buildSiteWithState, pagesOf, type BuildSummary, type SiteState } from './build.js';
import { serveSite, type RunningServer } from './serve.js';
import { updatePattern } from './update.js';

export interface DevOptions {
  root: string;
  host?: string;
  port?: number;
  /** Called after each build (the CLI prints a line). `quick`: only the changed pattern and its neighbours were rebuilt. */
  onBuild?: (result: { ok: true; summary: BuildSummary; quick: boolean } | { ok: false; error: string }) => void;
  /** Quiet time after quick rebuilds before the full one that refreshes search and cross-file checks (ms). */
  settleMs?: number;
}

export interface DevServer extends RunningServer {
  /** The folder served: the site built into `.patternbook/dev-site` of the catalog. */
  folder: string;
  /** Resolves after the next build, quick or full (tests wait on it). */
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
 * it on 127.0.0.1 and rebuilds as files change. An edit to a pattern rebuilds
 * only that pattern, the pages that show it, home and the graph, and reloads
 * the open pages (server-sent events); the lint findings, or the build error,
 * show in an overlay. A quiet moment later a full build refreshes the search
 * index and the checks across files, without reloading. Any other change (a
 * new file, the configuration, the template) is a full build. A failed build
 * keeps the last good site and the server running; a pattern that no longer
 * loads (a half-typed edit) keeps its last good page through every build.
 */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const root = path.resolve(options.root);
  const out = path.join(root, '.patternbook', 'dev-site');
  const status: DevStatus = { build: 0, ok: false, problems: [], lint: [] };
  const listeners = new Set<ServerResponse>();
  let reloads = 0;
  let state: SiteState | undefined;
  let waiting: (() => void)[] = [];

  const notify = (reload: boolean) => {
    if (reload) reloads++;
    for (const res of listeners) res.write(`data: ${reloads}\n\n`);
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };
  const report = (summary: BuildSummary, quick: boolean) => {
    Object.assign(status, { build: status.build + 1, ok: true, problems: summary.problems, lint: summary.lint });
    delete status.error;
    options.onBuild?.({ ok: true, summary, quick });
  };
  const fail = (err: unknown) => {
    Object.assign(status, { build: status.build + 1, ok: false, error: (err as Error).message });
    options.onBuild?.({ ok: false, error: (err as Error).message });
  };

  const fullBuild = async (reload: boolean): Promise<void> => {
    try {
      const built = await buildSiteWithState({ root, out, dev: true, ...(state ? { lastGood: pagesOf(state) } : {}) });
      state = built.state;
      report(built.summary, false);
    } catch (err) {
      fail(err);
    }
    notify(reload);
  };

  /** Quick rebuilds for edited patterns; false when only a full build will do. */
  const quickBuild = async (files: string[]): Promise<boolean> => {
    if (!state || files.length === 0) return false;
    let last: BuildSummary | undefined;
    for (const file of files) {
      try {
        last = await updatePattern(state, file);
      } catch {
        last = undefined;
      }
      if (!last) return false;
    }
    report(last!, true);
    notify(true);
    return true;
  };

  await fullBuild(false);
  const running = await serveSite(out, {
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    routes: {
      '/__patternbook/events': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(`data: ${reloads}\n\n`);
        listeners.add(res);
        res.on('close', () => listeners.delete(res));
      },
      '/__patternbook/status.json': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(status));
      },
      '/__patternbook/dev.js': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        // The build the page was served from: an edit rebuilt before its event stream connects still reloads it.
        res.end(DEV_SCRIPT.replace('var current = null;', `var current = ${JSON.stringify(String(reloads))};`));
      },
    },
  });

  // Edits come in bursts (an editor writes, renames, touches): one rebuild per burst, never two at once.
  const changed = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let settle: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  // Once closed, nothing starts again: a rebuild under way when `close` is called ends without
  // scheduling the full build after it (its timer would keep the process alive for `settleMs`).
  let closed = false;
  const work = async () => {
    const events = [...changed];
    changed.clear();
    const patternFiles = new Set(state?.session.catalog.patterns.map((p) => p.file) ?? []);
    const quick = events.every(([file, event]) => event === 'change' && patternFiles.has(file));
    if (quick && (await quickBuild(events.map(([file]) => file)))) {
      clearTimeout(settle);
      if (closed) return;
      settle = setTimeout(() => {
        if (!building) void run(() => fullBuild(false));
      }, options.settleMs ?? 4000);
    } else {
      await fullBuild(true);
    }
  };
  // One build at a time, quick, full or the settling one: changes seen while one runs are built
  // after it (an edit saved during the settling build must still reload the page).
  const run = async (task: () => Promise<void>) => {
    building = task();
    await building;
    building = undefined;
    if (again) {
      again = false;
      schedule();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    if (closed) return;
    timer = setTimeout(() => {
      if (building) {
        again = true;
        return;
      }
      void run(work);
    }, 60);
  };
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (p) => {
      const rel = path.relative(root, p);
      return rel.split(path.sep).some((part) => part === 'node_modules' || (part.startsWith('.') && part.length > 1)) || rel.startsWith('_site');
    },
  });
  watcher.on('all', (event, file) => {
    changed.set(path.resolve(file), event);
    schedule();
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ...running,
    folder: out,
    nextBuild: () => new Promise<void>((resolve) => waiting.push(resolve)),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      clearTimeout(settle);
      await watcher.close();
      await building;
      clearTimeout(settle);
      clearTimeout(timer);
      for (const res of listeners) res.end();
      await running.close();
    },
  };
}

/** The page side of `dev`: reload when told, show findings or the build error. */
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
      var mine = s.lint.filter(function (d) { return slug && d.path.split('/').slice(-2, -1)[0] === decodeURIComponent(slug); });
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
        li.textContent = (d.path ? d.path + ':' : '') + d.line + '  ' + d.message + '  (' + d.ruleId + ')';
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
