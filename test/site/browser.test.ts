import { createRequire } from 'node:module';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev } from '../../src/site/dev.js';
import { REPO, fixture } from '../helpers.js';
import { chromiumAvailable, SiteBrowser } from './_browser.js';

/**
 * The built site in a real browser: Debian's Chromium, driven by
 * playwright-core. CI installs Chromium and sets PATTERNBOOK_BROWSER_TESTS=required,
 * so there these tests can never be skipped; on a machine without
 * /usr/bin/chromium they are skipped, and say so.
 */
const available = chromiumAvailable();

const harness = new SiteBrowser('browser');
const site = (root: string) => harness.site(root);
/** Opens a page in a fresh context, collecting what goes wrong on it (`watchPage`). */
const open = (url: string, options: { bypassCSP?: boolean } = {}) => harness.open(url, options);

describe.skipIf(!available)('the built site in Chromium', () => {
  let examples: { url: string; out: string };
  let hostile: { url: string; out: string };

  beforeAll(async () => {
    await harness.launch();
    examples = await site(path.join(REPO, 'examples/catalog'));
    hostile = await site(fixture('catalogs/hostile-site'));
  }, 60_000);

  afterAll(() => harness.close());

  it('home: every pattern as a card; a tag filter narrows them and the count follows', async () => {
    const { page, errors } = await open(examples.url);
    await expect.poll(() => page.locator('.cards > .card:visible').count()).toBe(8);
    await page.selectOption('select[data-facet="tags"]', 'fault-tolerance');
    await expect.poll(() => page.locator('.cards > .card:visible').count()).toBe(2);
    expect(await page.locator('[data-count]').textContent()).toBe('2');
    const titles = await page.locator('.cards > .card:visible h2').allTextContents();
    expect(titles.map((t) => t.trim()).sort()).toEqual(['Circuit Breaker', 'Retry with Backoff']);
    await page.selectOption('select[data-facet="status"]', 'draft');
    await expect.poll(() => page.locator('.cards > .card:visible').count()).toBe(0);
    expect(await page.locator('.empty').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search: `/` opens the search dialog, and a query finds the right pattern', async () => {
    const { page, errors } = await open(examples.url);
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog[open] .search-input').waitFor();
    // (Functions passed to the page run in the browser: its globals are reached through globalThis.)
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.closest('dialog.search-dialog') !== null)).toBe(true);
    await page.keyboard.type('outbox relay');
    const first = page.locator('.search-result').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.locator('.result-title').textContent()).toBe('Transactional Outbox');
    await first.click();
    await page.waitForURL(/\/patterns\/transactional-outbox\/(#[\w-]+)?$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every page loads without console errors, and every image on it loads', async () => {
    const slugs = (await readdir(path.join(examples.out, 'patterns'))).sort();
    expect(slugs.length).toBe(8);
    for (const url of [examples.url, ...slugs.map((s) => `${examples.url}patterns/${s}/`)]) {
      const { page, errors } = await open(url);
      // Images load lazily: each is asked for now, then checked.
      const images = await page.locator('main img').evaluateAll((imgs: any[]) =>
        Promise.all(
          imgs.map(async (i) => {
            i.loading = 'eager';
            await i.decode().catch(() => undefined);
            return { src: String(i.src), ok: Boolean(i.complete && i.naturalWidth > 0) };
          }),
        ),
      );
      if (url !== examples.url) expect(images.length, url).toBeGreaterThan(0);
      for (const image of images) expect(image.ok, image.src).toBe(true);
      expect(errors, url).toEqual([]);
      await page.close();
    }
  });

  it('shows Mermaid diagrams drawn at build time (no Mermaid runtime on any page); code blocks get a copy button', async () => {
    const { page, errors } = await open(`${examples.url}patterns/saga/`);
    await page.locator('figure.diagram svg text').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('pre.code .copy').count()).toBeGreaterThan(3);
    expect(await page.locator('pre.code code .hljs-built_in').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
    const other = await open(`${examples.url}patterns/bulkhead/`);
    expect(await other.page.locator('script[src$="mermaid.min.js"], script[src$="diagrams.js"]').count()).toBe(0);
    await other.page.close();
  });

  it('graph: every pattern drawn with its relations; a node highlights its neighbours and a click opens it', async () => {
    const { page, errors } = await open(`${examples.url}graph/`);
    await page.locator('#graph[data-ready="8"]').waitFor({ timeout: 10_000 });
    const edges = await page.evaluate(() => (globalThis as any).patternbookGraph.edgeCount());
    expect(edges).toBeGreaterThan(5);
    const box = (await page.locator('#graph').boundingBox())!;
    const at = await page.evaluate(() => (globalThis as any).patternbookGraph.screenPosition('saga'));
    // Hovering: moved again on each try (on a loaded machine the first move can come before the canvas listens).
    let nudge = 0;
    await expect
      .poll(
        async () => {
          await page.mouse.move(box.x + at.x + (nudge++ % 3) - 1, box.y + at.y);
          return page.evaluate(() => (globalThis as any).patternbookGraph.highlighted().length);
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeGreaterThan(1);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForURL(/\/patterns\/saga\/$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('axe-core finds no serious or critical accessibility problem on home, a pattern page, the graph and the Health page, in light and dark', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    for (const scheme of ['light', 'dark'] as const) {
      for (const url of [examples.url, `${examples.url}patterns/saga/`, `${examples.url}graph/`, `${examples.url}health/`]) {
        // axe is injected as a script, which the site's CSP (rightly) refuses: this context bypasses it.
        const context = await harness.browser.newContext({ bypassCSP: true, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.addScriptTag({ path: axe });
        const violations = await page.evaluate(async () => {
          const g = globalThis as any;
          const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
          return result.violations
            .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v: any) =>
                `${v.id}: ${v.help} (${v.nodes
                  .map((n: any) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')})`,
            );
        });
        expect(violations, `${scheme} ${url}`).toEqual([]);
        await context.close();
      }
    }
  }, 60_000);

  it('a link to another pattern opens its page', async () => {
    const { page } = await open(`${examples.url}patterns/saga/`);
    await page.locator('article a.pattern-link', { hasText: 'Transactional Outbox' }).first().click();
    await page.waitForURL(/\/patterns\/transactional-outbox\/$/);
    expect(await page.locator('h1').first().textContent()).toBe('Transactional Outbox');
    await page.close();
  });

  // Twice: as readers get it (sanitizer and Content-Security-Policy), and with the CSP
  // switched off, so the sanitizer alone is shown to hold.
  for (const bypassCSP of [false, true]) {
    it(`runs nothing from a hostile pattern${bypassCSP ? ', even with the CSP switched off' : ''}: no payload sets its flag, no dialog opens`, async () => {
      for (const url of [
        hostile.url,
        `${hostile.url}patterns/xss/`,
        `${hostile.url}patterns/markdown-only/`,
        `${hostile.url}patterns/friend/`,
        `${hostile.url}graph/`,
        `${hostile.url}health/`,
      ]) {
        const { page, errors } = await open(url, { bypassCSP });
        // Give late payloads (load events, image errors, toggles) their chance.
        await page.waitForTimeout(300);
        for (const details of await page.locator('details').all()) await details.click().catch(() => undefined);
        for (const link of await page.locator('article a').all()) await link.hover().catch(() => undefined);
        expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), url).toBeUndefined();
        expect(
          errors.filter((e) => e.startsWith('dialog')),
          url,
        ).toEqual([]);
        await page
          .context()
          .close()
          .catch(() => undefined);
      }
    });
  }

  it('dev: an edit reloads the open page with the new text; lint findings and a broken file show in an overlay; the server keeps running', async () => {
    const dir = await harness.folder('dev');
    await cp(path.join(REPO, 'examples/catalog'), dir, { recursive: true, filter: (src) => !src.includes('_site') });
    // (The full build after a quiet moment brings the catalog-wide findings, the placeholder's
    // among them: soon after the quick rebuild, so that a loaded machine keeps within the time.)
    let fullBuilds = 0;
    const dev = await startDev({ root: dir, settleMs: 500, onBuild: (b) => void (b.ok && !b.quick && fullBuilds++) });
    try {
      const { page, errors } = await open(`${dev.url}patterns/saga/`);
      await page
        .locator('#patternbook-overlay')
        .waitFor({ state: 'detached', timeout: 2_000 })
        .catch(() => undefined);
      expect(await page.locator('#patternbook-overlay').count()).toBe(0);

      // An edit: the page reloads by itself and shows it, with the lint finding it causes.
      const file = path.join(dir, 'saga/README.md');
      const original = await readFile(file, 'utf8');
      const reloaded = page.waitForEvent('load');
      await writeFile(file, original.replace('## Overview\n', '## Overview\n\nEdited while the page was open. [Describe the problem]\n'));
      await reloaded;
      expect(await page.locator('article').textContent()).toContain('Edited while the page was open.');
      await page.locator('#patternbook-overlay').waitFor();
      expect(await page.locator('#patternbook-overlay').textContent()).toMatch(/lint finding.*placeholder/s);

      // (The event stream of the page being replaced is cut by each reload.)
      expect(errors.filter((e) => !e.endsWith('/__patternbook/events'))).toEqual([]);

      // A broken file (a half-typed edit: its front matter's closing line deleted): the last good
      // page stays, the error shows; the server still answers.
      // (Saved once the full build after the quiet moment is done — the second full build —, so that
      // no build reads the file half-written: truncated to nothing, it would load as an empty pattern,
      // and that page would be the last good one.)
      await expect.poll(() => fullBuilds, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      const again = page.waitForEvent('load');
      expect(original.match(/^---$/gm)).toHaveLength(2);
      await writeFile(file, original.replace(/^(---\n[\s\S]*?\n)---\n/, '$1'));
      await again;
      await page.locator('#patternbook-overlay').waitFor();
      expect(await page.locator('#patternbook-overlay').textContent()).toContain('saga/README.md');
      expect(await page.locator('article').textContent()).toContain('Edited while the page was open.');
      expect((await fetch(dev.url)).status).toBe(200);
      expect(errors.filter((e) => !e.endsWith('/__patternbook/events'))).toEqual([]);
      await page.close();
    } finally {
      await dev.close();
    }
  }, 60_000);
});
