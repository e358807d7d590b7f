import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildSite } from '../../src/site/build.js';
import { serveSite, type RunningServer } from '../../src/site/serve.js';

/** Debian's Chromium: the browser tests never download one. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here; where they are required (CI) and cannot, the suite fails at once. */
export function chromiumAvailable(): boolean {
  const available = existsSync(CHROMIUM);
  if (!available && process.env.PATTERNBOOK_BROWSER_TESTS === 'required') {
    throw new Error(`Browser tests are required here but ${CHROMIUM} is missing: apt-get install -y chromium`);
  }
  if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} not found (Debian/Ubuntu: apt-get install -y chromium).`);
  return available;
}

/**
 * Collects what a reader would see go wrong on a page: console errors,
 * uncaught exceptions, requests that failed, files the server does not have
 * (HTTP 400 and over), and dialogs (dismissed). A request the next navigation
 * cancelled (a favicon still loading when the page reloads) is not the site's
 * failure and is not collected.
 */
export function watchPage(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}

/** A browser suite's set-up: Chromium, sites built and served from temporary folders, all gone at `close`. */
export class SiteBrowser {
  browser!: Browser;
  private readonly folders: string[] = [];
  private readonly servers: RunningServer[] = [];

  constructor(private readonly prefix: string) {}

  async launch(): Promise<void> {
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }

  /** A temporary folder, removed at `close`. */
  async folder(prefix = this.prefix): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), `patternbook-${prefix}-`));
    this.folders.push(dir);
    return dir;
  }

  /** Builds the catalog (with these environment variables set meanwhile) and serves the site. */
  async site(root: string, env: Record<string, string> = {}): Promise<{ url: string; out: string }> {
    const out = path.join(await this.folder(), 'site');
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      await buildSite({ root, out });
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    const running = await serveSite(out);
    this.servers.push(running);
    return { url: running.url, out };
  }

  /** A page in a fresh context, collecting what goes wrong on it (`watchPage`) and every URL it requests. */
  async open(url: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const context = await this.browser.newContext(options);
    const page = await context.newPage();
    const errors = watchPage(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await Promise.all(this.servers.map((s) => s.close()));
    await Promise.all(this.folders.map((d) => rm(d, { recursive: true, force: true })));
  }
}

/** Relative luminance of a computed `rgb(…)` colour. */
export function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio of two CSS colours as the browser computed them (`rgb(…)`). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
