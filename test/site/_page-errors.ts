import type { Page } from 'playwright-core';

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
