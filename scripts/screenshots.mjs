#!/usr/bin/env node
// Screenshots of the built site for the README: home, a pattern page, the search dialog open
// and the relations graph, on a desktop (1366×900) and a phone (390×844), light and dark.
//
//   npm run build && node scripts/screenshots.mjs [catalog] [out]
//
// Defaults: the example catalog, docs/screenshots/. Drives Debian's Chromium
// (/usr/bin/chromium, or CHROME_PATH) through playwright-core; it never downloads a browser.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const catalog = path.resolve(process.argv[2] ?? path.join(REPO, 'examples', 'catalog'));
const outDir = path.resolve(process.argv[3] ?? path.join(REPO, 'docs', 'screenshots'));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(path.join(REPO, 'dist', 'site', 'build.js'))) {
  console.error('screenshots: dist/ not found: npm run build first');
  process.exit(1);
}
if (!existsSync(CHROME)) {
  console.error(`screenshots: no Chromium at ${CHROME} (apt-get install -y chromium, or set CHROME_PATH)`);
  process.exit(1);
}
const { buildSite } = await import(new URL('../dist/site/build.js', import.meta.url).href);
const { serveSite } = await import(new URL('../dist/site/serve.js', import.meta.url).href);

const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
const SHOTS = [
  { name: 'home', path: '' },
  { name: 'pattern', path: 'patterns/saga/' },
  { name: 'search', path: 'patterns/saga/', search: 'compensating' },
  { name: 'graph', path: 'graph/' },
];

const work = mkdtempSync(path.join(os.tmpdir(), 'patternbook-shots-'));
const site = path.join(work, 'site');
// A fixed build date, so the Health page and dates do not change the pictures from day to day.
process.env.SOURCE_DATE_EPOCH ??= '1796083200';
await buildSite({ root: catalog, out: site });
const server = await serveSite(site);
const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox'] });
mkdirSync(outDir, { recursive: true });
const written = [];
try {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1, hasTouch: device === 'phone', isMobile: device === 'phone' });
      for (const shot of SHOTS) {
        const page = await context.newPage();
        await page.goto(`${server.url}${shot.path}`, { waitUntil: 'networkidle' });
        if (shot.name === 'graph')
          await page
            .locator('#graph[data-ready]')
            .waitFor({ timeout: 15_000 })
            .catch(() => undefined);
        if (shot.search) {
          await page.keyboard.press('/');
          await page.locator('.search-dialog[open] .search-input').waitFor();
          await page.keyboard.type(shot.search);
          await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
          await page.keyboard.press('ArrowDown');
        }
        // Let late layout (images, fonts, the graph's first frame) settle.
        await page.waitForTimeout(400);
        const file = path.join(outDir, `${shot.name}-${device}-${scheme}.png`);
        await page.screenshot({ path: file });
        written.push(path.relative(REPO, file));
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${written.length} screenshots:\n${written.map((f) => `  ${f}`).join('\n')}`);
