import { html, type Raw } from '../html.js';
import { page, showsLint, type SiteInfo } from '../layout.js';
import type { PageMeta } from '../model.js';
import { isNumberedLog, readingOrder } from '../nav.js';
import { verificationBadge } from './verification.js';

/**
 * Cards per page of the home page. The first screen of a 1,000-pattern
 * catalog is then one small page (not 1,000 cards: a 75,000 px page, a
 * 64 in Lighthouse's mobile performance); the other pages are written too, so
 * every pattern is reachable without a script.
 */
export const HOME_PAGE_SIZE = 48;

/** Query parameters of the home page's own state; a facet of the same name is `facet-<name>` in the address. */
const RESERVED = new Set(['q', 'sort', 'page']);
export function facetParam(facet: string): string {
  return RESERVED.has(facet) || facet.startsWith('facet-') ? `facet-${facet}` : facet;
}
/** The home page's address filtered by one facet value, relative to the site root (`?category=messaging`). */
export function facetHref(facet: string, value: string): string {
  return `?${encodeURIComponent(facetParam(facet))}=${encodeURIComponent(value)}`;
}

/** Patterns in the home page's default order (site.js keeps it): by title, or by number in a numbered log (see `readingOrder`). */
export function byName(pages: readonly PageMeta[]): PageMeta[] {
  return [...pages].sort(readingOrder(isNumberedLog(pages)));
}

/**
 * The home pages: every pattern as a card, by name, `HOME_PAGE_SIZE` to a
 * page (`index.html`, `page/2/index.html`…). With the script, a text filter,
 * a filter per facet (tags, category, status by default) and sorting by name
 * or last update work on every pattern (from `cards.json`, fetched when first
 * needed), and are kept in the address, so a reload or a shared link keeps them.
 */
export function homePages(site: SiteInfo, pages: PageMeta[]): { file: string; html: string }[] {
  const facetValues = new Map<string, Set<string>>();
  for (const p of pages)
    for (const [facet, values] of Object.entries(p.facets)) for (const v of values) (facetValues.get(facet) ?? facetValues.set(facet, new Set()).get(facet)!).add(v);
  const facets = [...facetValues].sort(([a], [b]) => (a < b ? -1 : 1));
  // (Once for the catalog, not per page of the home page: at 10,000 patterns, 209 pages.)
  const numbered = isNumberedLog(pages);
  const sorted = [...pages].sort(readingOrder(numbered));
  const count = Math.max(1, Math.ceil(sorted.length / HOME_PAGE_SIZE));
  const lint = showsLint(site);
  const out: { file: string; html: string }[] = [];
  for (let n = 1; n <= count; n++) {
    const toRoot = n === 1 ? '' : '../../';
    const shown = sorted.slice((n - 1) * HOME_PAGE_SIZE, n * HOME_PAGE_SIZE);
    const first = (n - 1) * HOME_PAGE_SIZE + 1;
    const main = html`
<h1>${site.title}</h1>
<div class="filters" role="search" aria-label="Filter patterns">
  <label class="filter-text"><span>Filter</span> <input type="search" data-filter-text placeholder="Name, summary or tag" autocomplete="off" spellcheck="false"></label>
  ${facets.map(
    ([facet, values]) => html`<label>${facet}
    <select data-facet="${facet}" data-param="${facetParam(facet)}"><option value="">All</option>${[...values].sort().map((v) => html`<option value="${v}">${v}</option>`)}</select></label>
  `,
  )}
  <label>Sort <select data-sort><option value="name">${numbered ? 'Number' : 'Name'}</option><option value="updated">Last update</option></select></label>
  <button type="button" class="clear" data-clear hidden>Clear filters</button>
</div>
<p class="count" aria-live="polite"><span data-count>${pages.length}</span> of ${pages.length} pattern${pages.length === 1 ? '' : 's'}<span data-range>${count > 1 ? ` · ${first}–${first + shown.length - 1} shown` : ''}</span></p>
<ul class="cards" data-page="${n}" data-size="${HOME_PAGE_SIZE}" data-lint="${lint ? '1' : '0'}">
${shown.map((p) => cardHtml(p, toRoot, lint))}
</ul>
<p class="empty" hidden>No pattern matches these filters.</p>
${pager(n, count, toRoot)}
`;
    out.push({
      file: n === 1 ? 'index.html' : `page/${n}/index.html`,
      html: page({
        site,
        title: n === 1 ? site.title : `Patterns, page ${n} of ${count}`,
        toRoot,
        path: n === 1 ? '' : `page/${n}/`,
        description:
          n === 1
            ? `${site.title}: ${pages.length} pattern${pages.length === 1 ? '' : 's'}, each with its summary, status, relations and health.`
            : `${site.title}: patterns ${first} to ${first + shown.length - 1} of ${pages.length}.`,
        main,
        bodyClass: 'home',
      }),
    });
  }
  return out;
}

/** One card (site.js draws the same markup from `cards.json` when filtering). */
function cardHtml(p: PageMeta, toRoot: string, lint: boolean): Raw {
  return html`<li class="card">
  <h2><a href="${toRoot}patterns/${encodeURIComponent(p.slug)}/">${p.title}</a></h2>
  ${p.summary ? html`<p class="summary">${p.summary}</p>` : ''}
  <p class="meta">
    ${Object.entries(p.facets).map(([f, v]) => v.map((x) => html`<span class="chip" title="${f}">${x}</span>`))}
    ${p.version ? html`<span class="version">v${p.version.replace(/^v/, '')}${p.updated ? html` · <time datetime="${p.updated}">${p.updated}</time>` : ''}</span>` : ''}
    ${verificationBadge(p)}
    ${lint ? html`<span class="lint ${p.lint.errors ? 'has-errors' : p.lint.warnings ? 'has-warnings' : 'clean'}">${p.lint.errors ? `${p.lint.errors} lint error${p.lint.errors === 1 ? '' : 's'}` : p.lint.warnings ? `${p.lint.warnings} warning${p.lint.warnings === 1 ? '' : 's'}` : 'conforms to the template'}</span>` : ''}
  </p>
</li>`;
}

/** Links to the other pages of cards: first, a few around this one, last. */
function pager(n: number, count: number, toRoot: string): Raw | string {
  if (count < 2) return html`<nav class="pages" aria-label="Pages of patterns" hidden></nav>`;
  const href = (k: number) => (k === 1 ? toRoot || './' : `${toRoot}page/${k}/`);
  const shown = [...new Set([1, n - 2, n - 1, n, n + 1, n + 2, count])].filter((k) => k >= 1 && k <= count).sort((a, b) => a - b);
  const items: Raw[] = [];
  shown.forEach((k, i) => {
    if (i && k - shown[i - 1]! > 1) items.push(html`<li class="gap" aria-hidden="true">…</li>`);
    items.push(html`<li><a href="${href(k)}"${k === n ? html` aria-current="page"` : ''}>${k}</a></li>`);
  });
  return html`<nav class="pages" aria-label="Pages of patterns">
  ${n > 1 ? html`<a class="prev" rel="prev" href="${href(n - 1)}">Previous</a>` : ''}
  <ol>${items}</ol>
  ${n < count ? html`<a class="next" rel="next" href="${href(n + 1)}">Next</a>` : ''}
</nav>`;
}

/**
 * What the home page's script filters and sorts: every pattern's card as
 * data, fetched the first time a reader filters (not with the page).
 */
export function cardsJson(site: SiteInfo, pages: PageMeta[]): string {
  const lint = showsLint(site);
  return JSON.stringify(
    byName(pages).map((p) => ({
      s: p.slug,
      t: p.title,
      ...(p.summary ? { d: p.summary } : {}),
      f: p.facets,
      ...(p.version ? { v: p.version } : {}),
      ...(p.updated ? { u: p.updated } : {}),
      ...(p.verification ? { x: p.verification } : {}),
      ...(lint ? { l: [p.lint.errors, p.lint.warnings] } : {}),
    })),
  );
}
