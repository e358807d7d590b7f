import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempCatalog } from '../helpers.js';
import { chromiumAvailable, luminance, SiteBrowser } from './_browser.js';

/**
 * Diagrams and the relations graph in Debian's Chromium (playwright-core), as
 * test/site/browser.test.ts runs the rest of the site: required where
 * PATTERNBOOK_BROWSER_TESTS=required, else skipped when Chromium is missing.
 */
const available = chromiumAvailable();

const harness = new SiteBrowser('diagrams');
const site = async (root: string, env: Record<string, string> = {}) => (await harness.site(root, env)).url;
const open = (url: string, options: BrowserContextOptions = {}) => harness.open(url, options);

const GANTT =
  '# Plan\n\n> A plan drawn as a gantt chart.\n\n## Overview\n\nThe plan:\n\n```mermaid\ngantt\n  title Rollout\n  section Build\n  Write the code :a1, 2024-01-01, 10d\n  section Ship\n  Release :after a1, 5d\n```\n';

describe.skipIf(!available)('diagrams and the relations graph in Chromium', () => {
  let examples: string;

  beforeAll(async () => {
    await harness.launch();
    examples = await site(path.join(REPO, 'examples/catalog'));
  }, 60_000);

  afterAll(() => harness.close());

  it('shows a sequence diagram drawn at build time: no Mermaid script requested, its smallest text at least 10.5 px', async () => {
    const { page, errors, requests } = await open(`${examples}patterns/saga/`, { viewport: { width: 390, height: 844 } });
    const svg = page.locator('figure.diagram svg[role="img"]');
    await svg.waitFor();
    expect(await svg.locator('text').count()).toBeGreaterThan(20);
    expect(await svg.getAttribute('aria-labelledby')).toMatch(/^d[0-9a-f]{12}-title$/);
    // Text as readers see it: its font size times the drawing's scale on the page.
    const smallest = await svg.evaluate((el: any) => {
      const scale = el.getBoundingClientRect().width / el.viewBox.baseVal.width;
      return Math.min(...[...el.querySelectorAll('text')].map((t: any) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    expect(smallest).toBeGreaterThanOrEqual(10.5);
    expect(requests.filter((u) => /mermaid/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the diagram in the theme: dark text on a light page, light text on a dark one', async () => {
    const measure = async (colorScheme: 'light' | 'dark') => {
      const { page } = await open(`${examples}patterns/saga/`, { colorScheme });
      const text = await page
        .locator('figure.diagram svg text')
        .first()
        .evaluate((t: any) => getComputedStyle(t).fill);
      const box = await page
        .locator('figure.diagram svg g.actor rect')
        .first()
        .evaluate((r: any) => getComputedStyle(r).fill);
      const background = await page.evaluate(() => getComputedStyle((globalThis as any).document.body).backgroundColor);
      await page.context().close();
      return { text: luminance(text), box: luminance(box), background: luminance(background) };
    };
    const light = await measure('light');
    const dark = await measure('dark');
    expect(light.background).toBeGreaterThan(0.8);
    expect(light.text).toBeLessThan(0.05);
    expect(dark.background).toBeLessThan(0.05);
    expect(dark.text).toBeGreaterThan(0.6);
    // Contrast of the text against the page, both ways (WCAG: (L1 + 0.05) / (L2 + 0.05)).
    expect((light.background + 0.05) / (light.text + 0.05)).toBeGreaterThan(7);
    expect((dark.text + 0.05) / (dark.background + 0.05)).toBeGreaterThan(7);
    expect(dark.box).toBeLessThan(0.1);
  });

  it('opens a diagram full size on click and from the keyboard; Escape closes it and gives focus back', async () => {
    const { page, errors } = await open(`${examples}patterns/saga/`, { viewport: { width: 1366, height: 900 } });
    const inline = await page.locator('figure.diagram svg').boundingBox();
    await page.locator('figure.diagram .diagram-view').click({ position: { x: 40, y: 40 } });
    const dialog = page.locator('dialog.diagram-dialog[open]');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Sequence diagram');
    const enlarged = await dialog.locator('svg').boundingBox();
    expect(enlarged!.width).toBeGreaterThanOrEqual(inline!.width);
    // The copy has the page's colours too (its text and boxes as on the page).
    const fills = (scope: string) =>
      page
        .locator(`${scope} svg g.actor`)
        .first()
        .evaluate((g: any) => [getComputedStyle(g.querySelector('rect')).fill, getComputedStyle(g.querySelector('text')).fill]);
    expect(await fills('dialog.diagram-dialog')).toEqual(await fills('figure.diagram'));
    await dialog.locator('[data-action="in"]').click();
    expect((await dialog.locator('svg').boundingBox())!.width).toBeGreaterThan(enlarged!.width * 1.2);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    expect(await page.locator('dialog.diagram-dialog[open]').count()).toBe(0);
    // Focus comes back to the diagram it was opened from — once the dialog's `close` event has run, which
    // comes a moment after the dialog lost its `open` (else it would take the focus given below).
    await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.className)).toBe('diagram-view');

    // Keyboard only: the Enlarge button, Enter; focus comes back to it.
    await page.locator('figure.diagram .diagram-open').focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-action'))).toBe('close');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.className)).toBe('diagram-open');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('axe-core finds no serious or critical problem with a diagram enlarged, nor on the graph focused on a pattern, in light and dark', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const views = [
      {
        url: `${examples}patterns/saga/`,
        ready: async (page: Page) => {
          await page.locator('figure.diagram .diagram-open').click();
          await page.locator('dialog.diagram-dialog[open]').waitFor();
        },
      },
      { url: `${examples}graph/?focus=saga`, ready: (page: Page) => page.locator('.graph-panel strong').waitFor() },
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const view of views) {
        const { page } = await open(view.url, { colorScheme, bypassCSP: true });
        await view.ready(page);
        await page.addScriptTag({ path: axe });
        const violations = await page.evaluate(async () => {
          const g = globalThis as any;
          const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
          return result.violations
            .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v: any) =>
                `${v.id}: ${v.nodes
                  .map((n: any) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')}`,
            );
        });
        expect(violations, `${colorScheme} ${view.url}`).toEqual([]);
        await page.context().close();
      }
    }
  }, 60_000);

  it('a type not drawn at build time: Mermaid is fetched when it comes into view and draws it; without Mermaid, the source and a note', async () => {
    const root = await tempCatalog({ 'plan/README.md': GANTT });
    const withRuntime = await site(root);
    const drawn = await open(`${withRuntime}patterns/plan/`);
    const figure = drawn.page.locator('figure.diagram-fallback');
    await figure.locator('svg').waitFor({ timeout: 20_000 });
    expect(await figure.getAttribute('data-drawn')).toBe('mermaid');
    expect(drawn.requests.filter((u) => u.endsWith('/assets/mermaid.min.js'))).toHaveLength(1);
    expect(await figure.locator('pre.diagram-source').isVisible()).toBe(false);
    expect(drawn.errors).toEqual([]);
    await drawn.page.context().close();

    const withoutRuntime = await site(root, { PATTERNBOOK_MERMAID: '0' });
    const shown = await open(`${withoutRuntime}patterns/plan/`);
    const source = shown.page.locator('figure.diagram-fallback pre.diagram-source');
    expect(await source.isVisible()).toBe(true);
    expect(await source.textContent()).toContain('Write the code :a1, 2024-01-01, 10d');
    expect(await shown.page.locator('figure.diagram-fallback .diagram-note').textContent()).toContain('shown as its Mermaid source');
    expect(shown.requests.filter((u) => /mermaid/.test(u))).toEqual([]);
    expect(shown.errors).toEqual([]);
    await shown.page.context().close();
  }, 60_000);

  it('graph: a name typed and Enter shows the pattern centred with its neighbours, labelled, and its relations listed', async () => {
    const { page, errors } = await open(`${examples}graph/`, { viewport: { width: 1366, height: 900 } });
    await page.locator('.graph-find[data-ready="1"]').waitFor();
    await page.locator('#graph-find').fill('saga');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (globalThis as any).patternbookGraph.focused())).toBe('saga');
    const state = await page.evaluate(() => {
      const graph = (globalThis as any).patternbookGraph;
      return { mode: graph.mode(), at: graph.screenPosition('saga'), size: graph.size(), lit: graph.highlighted() };
    });
    expect(state.mode).toBe('ego');
    expect(Math.abs(state.at.x - state.size.width / 2)).toBeLessThan(2);
    expect(Math.abs(state.at.y - state.size.height / 2)).toBeLessThan(2);
    // Saga's neighbours (Transactional Outbox, Idempotent Consumer…) are highlighted with it.
    expect(state.lit).toEqual(expect.arrayContaining(['saga', 'transactional-outbox', 'idempotent-consumer']));
    expect(new URL(page.url()).searchParams.get('focus')).toBe('saga');
    // Beside the picture, as text: the relations, each a button that focuses it.
    const panel = page.locator('.graph-panel');
    expect(await panel.locator('strong').textContent()).toBe('Saga');
    expect(await panel.locator('a').getAttribute('href')).toBe('../patterns/saga/');
    await panel.locator('button[data-focus="transactional-outbox"]').first().click();
    await expect.poll(() => page.evaluate(() => (globalThis as any).patternbookGraph.focused())).toBe('transactional-outbox');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('graph: on a phone the focused pattern and its neighbours fit the canvas, their names whole and legible', async () => {
    const { page, errors } = await open(`${examples}graph/?focus=saga`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await expect.poll(() => page.evaluate(() => (globalThis as any).patternbookGraph.labels().length)).toBe(5);
    const { size, labels, px } = await page.evaluate(() => {
      const graph = (globalThis as any).patternbookGraph;
      return { size: graph.size(), labels: graph.labels(), px: graph.labelPx };
    });
    expect(labels.map((l: any) => l.text).sort()).toEqual(['Circuit Breaker', 'Idempotent Consumer', 'Retry with Backoff', 'Saga', 'Transactional Outbox']);
    for (const l of labels) {
      expect(l.x, l.text).toBeGreaterThanOrEqual(0);
      expect(l.x + l.width, l.text).toBeLessThanOrEqual(size.width);
      expect(l.y, l.text).toBeGreaterThanOrEqual(0);
      expect(l.y + l.height, l.text).toBeLessThanOrEqual(size.height);
    }
    expect(px).toBeGreaterThanOrEqual(12);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('graph: a pattern page links to the graph focused on it', async () => {
    const { page, errors } = await open(`${examples}patterns/circuit-breaker/`);
    await page.locator('a.graph-link').click();
    await page.waitForURL(/\/graph\/\?focus=circuit-breaker$/);
    await expect.poll(() => page.evaluate(() => (globalThis as any).patternbookGraph?.focused())).toBe('circuit-breaker');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('graph: the zoom buttons zoom in and out, and Whole graph shows every pattern again', async () => {
    const { page, errors } = await open(`${examples}graph/?focus=bulkhead`);
    await page.locator('#graph[data-ready="8"]').waitFor();
    const zoom = () => page.evaluate(() => (globalThis as any).patternbookGraph.zoom() as number);
    const before = await zoom();
    await page.locator('[data-zoom="in"]').click();
    await expect.poll(zoom).toBeCloseTo(before * 1.4, 5);
    await page.locator('[data-zoom="out"]').click();
    await page.locator('[data-zoom="out"]').click();
    await expect.poll(zoom).toBeCloseTo(before / 1.4, 5);
    await page.locator('[data-zoom="all"]').click();
    expect(await page.evaluate(() => (globalThis as any).patternbookGraph.mode())).toBe('all');
    expect(new URL(page.url()).searchParams.get('focus')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('graph on a touch screen: the first tap highlights a pattern and its neighbours, the second opens it', async () => {
    const { page, errors } = await open(`${examples}graph/`, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    await page.locator('#graph[data-ready="8"]').waitFor();
    const box = (await page.locator('#graph canvas').boundingBox())!;
    const at = await page.evaluate(() => (globalThis as any).patternbookGraph.screenPosition('cache-aside'));
    await page.touchscreen.tap(box.x + at.x, box.y + at.y);
    await expect.poll(() => page.evaluate(() => (globalThis as any).patternbookGraph.highlighted())).toContain('cache-aside');
    expect(await page.evaluate(() => (globalThis as any).patternbookGraph.highlighted().length)).toBeGreaterThan(1);
    expect(new URL(page.url()).pathname).toMatch(/\/graph\/$/);
    expect(await page.locator('.graph-panel strong').textContent()).toBe('Cache-Aside');
    await page.touchscreen.tap(box.x + at.x, box.y + at.y);
    await page.waitForURL(/\/patterns\/cache-aside\/$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
