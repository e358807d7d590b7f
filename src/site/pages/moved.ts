import { html } from '../html.js';
import { page, type SiteInfo } from '../layout.js';

/**
 * The page of a redirect stub (a file that only says its pattern moved): it
 * sends readers on at once, and says where for those whose browser does not.
 * `target` is a pattern page of this site (relative) or an http(s) address.
 */
export function movedPage(site: SiteInfo, name: string, target: string, label: string): string {
  const main = html`<h1>${name} has moved</h1><p>It is now at <a href="${target}">${label}</a>.</p>`;
  return page({ site, title: `${name} (moved)`, toRoot: '../../', main, bodyClass: 'moved', redirect: target });
}
