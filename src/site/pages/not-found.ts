import { html } from '../html.js';
import { page, type SiteInfo } from '../layout.js';

/**
 * The 404 page. Hosts serve it from any depth, so it cannot link relatively:
 * its links start from the configured base.
 */
export function notFoundPage(site: SiteInfo): string {
  const main = html`<h1>Page not found</h1><p>There is no page here. <a href="${site.base}">See every pattern</a>, or search: press <kbd>/</kbd> or the Search button above.</p>`;
  return page({ site, title: 'Page not found', toRoot: site.base, main, bodyClass: 'not-found' });
}
