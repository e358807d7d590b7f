import { html } from '../html.js';
import { page, type SiteInfo } from '../layout.js';
import type { PageMeta } from '../model.js';
import { verificationBadge } from './verification.js';

/**
 * The home page: every pattern as a card, with client-side filters for each
 * facet (tags, category, status by default) and sorting by name or last
 * update. The cards carry what the filters need in data attributes.
 */
export function homePage(site: SiteInfo, pages: PageMeta[]): string {
  const facetValues = new Map<string, Set<string>>();
  for (const p of pages) for (const [facet, values] of Object.entries(p.facets)) for (const v of values) (facetValues.get(facet) ?? facetValues.set(facet, new Set()).get(facet)!).add(v);
  const facets = [...facetValues].sort(([a], [b]) => (a < b ? -1 : 1));
  const main = html`
<h1>${site.title}</h1>
<p class="count" aria-live="polite"><span data-count>${pages.length}</span> of ${pages.length} patterns</p>
<div class="filters" role="group" aria-label="Filter patterns">
  ${facets.map(
    ([facet, values]) => html`<label>${facet}
    <select data-facet="${facet}"><option value="">All</option>${[...values].sort().map((v) => html`<option value="${v}">${v}</option>`)}</select></label>
  `,
  )}
  <label>Sort <select data-sort><option value="name">Name</option><option value="updated">Last update</option></select></label>
</div>
<ul class="cards">
${pages.map(
  (p) => html`<li class="card" data-name="${p.title.toLowerCase()}" data-updated="${p.updated ?? ''}" data-facets="${JSON.stringify(p.facets)}">
  <h2><a href="patterns/${encodeURIComponent(p.slug)}/">${p.title}</a></h2>
  ${p.summary ? html`<p class="summary">${p.summary}</p>` : ''}
  <p class="meta">
    ${Object.entries(p.facets).map(([f, v]) => v.map((x) => html`<span class="chip" title="${f}">${x}</span>`))}
    ${p.version ? html`<span class="version">v${p.version.replace(/^v/, '')}${p.updated ? html` · <time datetime="${p.updated}">${p.updated}</time>` : ''}</span>` : ''}
    ${verificationBadge(p)}
    <span class="lint ${p.lint.errors ? 'has-errors' : p.lint.warnings ? 'has-warnings' : 'clean'}">${p.lint.errors ? `${p.lint.errors} lint error${p.lint.errors === 1 ? '' : 's'}` : p.lint.warnings ? `${p.lint.warnings} warning${p.lint.warnings === 1 ? '' : 's'}` : 'conforms to the template'}</span>
  </p>
</li>`,
)}
</ul>
<p class="empty" hidden>No pattern matches these filters.</p>
`;
  return page({ site, title: site.title, toRoot: '', main, bodyClass: 'home' });
}
