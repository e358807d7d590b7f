import { cp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev } from '../../src/site/dev.js';
import { REPO } from '../helpers.js';
import { chromiumAvailable, contrast, SiteBrowser } from './_browser.js';

/**
 * What readers of the built site do, in Debian's Chromium (playwright-core):
 * the search dialog, the sidebar and previous/next, the contents, self-linked
 * headings, the phone's first screen, the home page's filters in the
 * address, and lint findings kept for authors. Skipped without
 * /usr/bin/chromium, required where PATTERNBOOK_BROWSER_TESTS=required.
 */
const available = chromiumAvailable();

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const harness = new SiteBrowser('reader');
const site = (root: string) => harness.site(root);
/** A page in a fresh context, desktop-sized unless told otherwise. */
const open = (url: string, options: BrowserContextOptions = {}) => harness.open(url, { viewport: DESKTOP, ...options });

describe.skipIf(!available)('reading the built site in Chromium', () => {
  let examples: { url: string; out: string };

  beforeAll(async () => {
    await harness.launch();
    examples = await site(path.join(REPO, 'examples/catalog'));
  }, 60_000);

  afterAll(() => harness.close());

  it('search: `/` opens a dialog over the page (nothing under it moves), loaded only then; arrows move, Enter opens the chosen result', async () => {
    const { page, errors, requests } = await open(examples.url);
    // Nothing of the search is loaded with the page.
    expect(requests.filter((u) => /search\.(js|css)$|\/pagefind\//.test(u))).toEqual([]);
    const before = await page.locator('.cards').boundingBox();
    await page.keyboard.press('/');
    const dialog = page.locator('dialog.search-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.classList.contains('search-input'))).toBe(true);
    await page.keyboard.type('outbox relay');
    const results = page.locator('.search-result');
    await results.first().waitFor({ timeout: 10_000 });
    expect(requests.some((u) => u.endsWith('/assets/search.js'))).toBe(true);
    expect(requests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    // An overlay: the cards under it are where they were, the page is not scrolled.
    expect(await page.locator('.cards').boundingBox()).toEqual(before);
    expect(await page.evaluate(() => (globalThis as any).scrollY)).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).document.querySelector('dialog.search-dialog').matches(':modal'))).toBe(true);

    // Each result: title, summary, and the section that matched with its excerpt.
    const first = results.first();
    expect(await first.locator('.result-title').textContent()).toBe('Transactional Outbox');
    expect(await first.locator('.result-summary').textContent()).toMatch(/^Publishes events reliably/);
    expect((await first.locator('.result-excerpt mark').count()) > 0).toBe(true);

    const count = await results.count();
    expect(count).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await results.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await results.nth(0).getAttribute('aria-selected')).toBe('false');
    expect(await results.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.search-input').getAttribute('aria-activedescendant')).toBe(await results.nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await results.nth(0).getAttribute('aria-selected')).toBe('true');
    const href = (await results.nth(0).getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname + u.hash === href);
    expect(new URL(page.url()).pathname).toBe('/patterns/transactional-outbox/');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('search: Enter with nothing chosen opens the top hit; Escape closes and gives focus back; Ctrl-K and ⌘-K open it too', async () => {
    const { page, errors } = await open(`${examples.url}patterns/saga/`);
    const button = page.locator('[data-search-open]');
    await button.click();
    const dialog = page.locator('dialog.search-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.type('circuit breaker');
    await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.hasAttribute('data-search-open'))).toBe(true);

    for (const keys of ['Control+k', 'Meta+k']) {
      await page.locator('article p').first().click();
      await page.keyboard.press(keys);
      await dialog.waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    await page.keyboard.press('Control+k');
    await page.locator('.search-input').fill('');
    await page.keyboard.type('cool-down period');
    const top = page.locator('.search-result').first();
    await top.waitFor({ timeout: 10_000 });
    expect(await top.locator('.result-title').textContent()).toBe('Circuit Breaker');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/patterns\/circuit-breaker\//);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('search: code blocks, Mermaid source and facet values are not searched; excerpts never run facet values together', async () => {
    const { page } = await open(examples.url);
    await page.keyboard.press('/');
    const input = page.locator('.search-input');
    await input.waitFor();
    const status = page.locator('.search-status');
    // `autonumber` is Mermaid source, `WantedBy` a systemd unit in a code block: in no prose, so no
    // result shows them (Pagefind answers a word it does not know with shorter prefixes of it).
    for (const word of ['autonumber', 'WantedBy']) {
      await input.fill(word);
      await page.locator(`.search-results[data-query="${word}"]`).waitFor({ state: 'attached', timeout: 10_000 });
      expect(await status.textContent()).toMatch(/match/);
      for (const text of await page.locator('.search-result').allTextContents()) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    }
    // A word of the prose is found, as a control.
    await input.fill('orchestrator');
    await expect.poll(() => page.locator('.search-result mark').first().textContent(), { timeout: 10_000 }).toMatch(/^orchestrator/i);
    const catalog = JSON.parse(await readFile(path.join(examples.out, 'catalog.json'), 'utf8')) as { patterns: { frontMatter?: Record<string, unknown> }[] };
    const values = [
      ...new Set(
        catalog.patterns.flatMap((p) =>
          Object.values(p.frontMatter ?? {})
            .flat()
            .map(String),
        ),
      ),
    ];
    expect(values.length).toBeGreaterThan(5);
    await input.fill('messaging transactions');
    await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
    const texts = await page.locator('.search-result').allTextContents();
    for (const text of texts) for (const a of values) for (const b of values) expect(text, `${a}+${b}`).not.toContain(`${a}${b}`);
    await page.context().close();
  });

  it('search, light and dark: typed text, results and excerpts hold 4.5:1, and axe finds nothing serious with the dialog open', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open(`${examples.url}patterns/saga/`, { colorScheme, bypassCSP: true });
      await page.keyboard.press('/');
      await page.keyboard.type('compensating');
      await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('ArrowDown');
      const colours = await page.evaluate(() => {
        const d = (globalThis as any).document;
        const style = (sel: string) => (globalThis as any).getComputedStyle(d.querySelector(sel));
        return {
          input: [style('.search-input').color, style('.search-input').backgroundColor],
          title: [style('.search-result[aria-selected="true"] .result-title').color, style('.search-result[aria-selected="true"]').backgroundColor],
          summary: [style('.search-result[aria-selected="true"] .result-summary').color, style('.search-result[aria-selected="true"]').backgroundColor],
          mark: [style('.search-result mark').color, style('.search-result mark').backgroundColor],
          panel: style('dialog.search-dialog').backgroundColor,
        };
      });
      const dark = colorScheme === 'dark';
      // The dialog follows the theme (a dark panel in dark mode).
      expect(contrast(colours.panel, 'rgb(0, 0, 0)') < 2, colorScheme).toBe(dark);
      for (const [what, [fg, bg]] of Object.entries(colours).filter(([k]) => k !== 'panel') as [string, string[]][]) {
        expect(contrast(fg!, bg!), `${colorScheme} ${what}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      await page.addScriptTag({ path: axe });
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
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
      expect(violations, colorScheme).toEqual([]);
      await page.context().close();
    }
  }, 60_000);

  it('sidebar: every pattern by category, the current one marked, groups open and close, a filter; previous and next within the group; breadcrumbs', async () => {
    const { page, errors } = await open(`${examples.url}patterns/circuit-breaker/`);
    const sidebar = page.locator('#sidebar');
    await sidebar.locator('.sidebar-filter:not([hidden])').waitFor();
    expect(await sidebar.locator('details.group > summary').allTextContents()).toEqual([
      'data-consistency 1',
      'messaging 2',
      'migration 1',
      'performance 1',
      'resilience 3',
    ]);
    expect(await sidebar.locator('details[open] a').allTextContents()).toEqual(['Bulkhead', 'Circuit Breaker', 'Retry with Backoff']);
    expect(await sidebar.locator('a[aria-current="page"]').textContent()).toBe('Circuit Breaker');
    // A closed group opens with its patterns.
    await sidebar.locator('summary', { hasText: 'messaging' }).click();
    // (Its links are read once the browser has opened it: a click's toggle is not synchronous.)
    await expect
      .poll(() => sidebar.locator('details.group[open]:has(summary:text("messaging")) a:visible').allTextContents(), { timeout: 10_000 })
      .toEqual(['Idempotent Consumer', 'Transactional Outbox']);
    // The filter looks through every group.
    await sidebar.locator('#sidebar-filter').fill('outbox');
    await expect.poll(() => sidebar.locator('details.group:visible a:visible').allTextContents(), { timeout: 10_000 }).toEqual(['Transactional Outbox']);
    await sidebar.locator('#sidebar-filter').fill('');
    await expect.poll(() => sidebar.locator('details.group:visible').count(), { timeout: 10_000 }).toBe(5);

    expect((await page.locator('.breadcrumbs li').allTextContents()).map((t) => t.trim())).toEqual(['Patterns', 'resilience', 'Circuit Breaker']);
    expect(await page.locator('.breadcrumbs a', { hasText: 'resilience' }).getAttribute('href')).toBe('../../?category=resilience');
    expect(await page.locator('.pager .previous .name').textContent()).toBe('Bulkhead');
    await page.locator('.pager .next').click();
    await page.waitForURL(/\/patterns\/retry-with-backoff\/$/);
    // The last of its group: a previous, no next.
    expect(await page.locator('.pager .previous .name').textContent()).toBe('Circuit Breaker');
    expect(await page.locator('.pager .next').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sidebar without a script: the pattern’s own group as served; on a phone the sidebar is a drawer from the menu button', async () => {
    const bare = await open(`${examples.url}patterns/saga/`, { javaScriptEnabled: false });
    expect(await bare.page.locator('#sidebar details[open] a').allTextContents()).toEqual(['Saga']);
    expect(await bare.page.locator('#sidebar .all a').getAttribute('href')).toBe('../../');
    await bare.page.context().close();

    const { page, errors } = await open(`${examples.url}patterns/saga/`, { viewport: PHONE, isMobile: true, hasTouch: true });
    const sidebar = page.locator('#sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    const menu = page.locator('.menu-button');
    await menu.click();
    await expect.poll(() => sidebar.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => sidebar.isVisible(), { timeout: 10_000 }).toBe(false);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.classList.contains('menu-button'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('headings: every h2 and h3 of the article carries a link to itself; the contents follow the reader and mark the current section', async () => {
    const { page, errors } = await open(`${examples.url}patterns/saga/`);
    const headings = await page
      .locator('article h2, article h3')
      .evaluateAll((hs: any[]) => hs.map((h) => ({ id: h.id, link: h.nextElementSibling?.matches('a.anchor') ? h.nextElementSibling.getAttribute('href') : null })));
    expect(headings.length).toBeGreaterThan(10);
    for (const h of headings) expect(h.link, h.id).toBe(`#${h.id}`);
    await page.locator('a.anchor[href="#configuration"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#configuration$/);

    // Wide screen: the contents are open beside the article, stay in view, and mark the section read.
    const toc = page.locator('.toc');
    expect(await page.locator('.toc details').getAttribute('open')).toBe('');
    await expect.poll(() => toc.locator('a[aria-current="true"]').textContent(), { timeout: 10_000 }).toBe('Configuration');
    const box = (await toc.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(DESKTOP.height);
    await page.evaluate(() => (globalThis as any).document.getElementById('prerequisites').scrollIntoView());
    await expect.poll(() => toc.locator('a[aria-current="true"]').textContent(), { timeout: 10_000 }).toBe('Prerequisites');
    expect((await toc.boundingBox())!.y).toBeLessThan(DESKTOP.height);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('headings: a link whose `#Fragment` differs from the id only in letter case (GitHub follows it) finds its heading, on arrival and on a hash change', async () => {
    const { page, errors } = await open(`${examples.url}patterns/saga/#Troubleshooting`);
    const inView = (id: string) =>
      page.evaluate((heading) => {
        const top = (globalThis as any).document.getElementById(heading).getBoundingClientRect().top;
        return top >= -2 && top < 200;
      }, id);
    await expect.poll(() => inView('troubleshooting'), { timeout: 10_000 }).toBe(true);
    await page.evaluate(() => ((globalThis as any).location.hash = '#Prerequisites'));
    await expect.poll(() => inView('prerequisites'), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('phone: each pattern’s title and summary are on the first screen, the contents behind a button, nothing wider than the screen', async () => {
    const catalog = JSON.parse(await readFile(path.join(examples.out, 'catalog.json'), 'utf8')) as { patterns: { slug: string }[] };
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await harness.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, colorScheme });
      for (const { slug } of catalog.patterns) {
        const page = await context.newPage();
        await page.goto(`${examples.url}patterns/${slug}/`, { waitUntil: 'load' });
        for (const sel of ['.pattern-header h1', '.pattern-header .summary']) {
          const box = (await page.locator(sel).boundingBox())!;
          expect(box.y + box.height, `${slug} ${sel}`).toBeLessThanOrEqual(PHONE.height);
        }
        expect(await page.locator('.toc details').getAttribute('open'), slug).toBeNull();
        expect(await page.locator('.toc summary').isVisible()).toBe(true);
        expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth), slug).toBeLessThanOrEqual(PHONE.width);
        await page.close();
      }
      await context.close();
    }
  }, 60_000);

  it('home: a text filter, facet filters and sort are kept in the address and survive a reload', async () => {
    const { page, errors } = await open(examples.url);
    await page.locator('[data-filter-text]').fill('cache');
    await expect.poll(() => page.locator('.cards > .card h2').allTextContents(), { timeout: 10_000 }).toEqual(['Cache-Aside']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('cache');
    await page.locator('[data-filter-text]').fill('');
    await page.selectOption('select[data-facet="category"]', 'resilience');
    await page.selectOption('select[data-sort]', 'updated');
    await expect.poll(() => new URL(page.url()).search, { timeout: 10_000 }).toBe('?category=resilience&sort=updated');
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.locator('.cards > .card h2').allTextContents(), { timeout: 10_000 }).toEqual(['Bulkhead', 'Circuit Breaker', 'Retry with Backoff']);
    expect(await page.locator('select[data-facet="category"]').inputValue()).toBe('resilience');
    expect(await page.locator('select[data-sort]').inputValue()).toBe('updated');
    expect(await page.locator('[data-count]').textContent()).toBe('3');
    // A pattern page's facet links land on home filtered.
    await page.goto(`${examples.url}patterns/saga/`);
    await page.locator('.facts a', { hasText: 'transactions' }).click();
    await expect.poll(() => page.locator('.cards > .card h2').allTextContents(), { timeout: 10_000 }).toEqual(['Saga', 'Transactional Outbox']);
    expect(await page.locator('select[data-facet="tags"]').inputValue()).toBe('transactions');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lint findings are for authors: hidden from readers by default, shown in dev', async () => {
    const dir = await harness.folder('lint-shown');
    const root = path.join(dir, 'catalog');
    await cp(path.join(REPO, 'examples/catalog'), root, { recursive: true, filter: (src) => !src.includes('_site') });
    // A placeholder left in: a lint finding on saga.
    const file = path.join(root, 'saga/README.md');
    await (await import('node:fs/promises')).writeFile(file, (await readFile(file, 'utf8')).replace('## Overview\n', '## Overview\n\n[Describe the problem]\n'));
    const built = await site(root);
    const { page } = await open(`${built.url}patterns/saga/`);
    expect(await page.locator('.diagnostics').count()).toBe(0);
    await page.goto(built.url);
    expect(await page.locator('.card .lint').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/lint error|conforms to the template/);
    await page.context().close();

    const dev = await startDev({ root });
    try {
      const shown = await open(`${dev.url}patterns/saga/`);
      await shown.page.locator('.diagnostics summary').waitFor();
      expect(await shown.page.locator('.diagnostics summary').textContent()).toMatch(/^\d+ lint findings?$/);
      expect(await shown.page.locator('.diagnostics').textContent()).toContain('placeholder');
      await shown.page.goto(dev.url);
      expect(await shown.page.locator('.card .lint').count()).toBe(8);
      await shown.page.context().close();
    } finally {
      await dev.close();
    }
  }, 60_000);
});
