import { html, raw, type Raw } from '../html.js';
import { page, showsLint, type SiteInfo } from '../layout.js';
import type { PageMeta, PatternPage } from '../model.js';
import { navOf, type NavGroup, type SiteNav } from '../nav.js';
import { facetHref } from './home.js';
import { verificationBadge } from './verification.js';

/**
 * The no-script sidebar lists the pattern's own group; a group larger than
 * this shows a window around the pattern (the script draws every group from
 * `nav.json`), so a page stays small whatever the size of the catalog.
 */
const SIDEBAR_WINDOW = 40;

/**
 * A pattern's page: the sidebar of every pattern (its own group drawn here,
 * the rest by the script from the shared `nav.json`), breadcrumbs, a header
 * with what the pattern is (status, category, tags, version, verification),
 * its contents, its README rendered with a link on each section heading,
 * previous/next within its group, relations as cards, backlinks, and its lint
 * findings for authors (`dev`, or `site.showLint`).
 */
export function patternPage(site: SiteInfo, p: PatternPage, bySlug: Map<string, PageMeta>): string {
  const nav = navOf(bySlug);
  const place = nav.placeOf(p.slug);
  const card = (slug: string) => {
    const other = bySlug.get(slug);
    return other ? html`<li><a href="../${encodeURIComponent(other.slug)}/">${other.title}</a>${other.summary ? html`<span>${other.summary}</span>` : ''}</li>` : '';
  };
  const lint = showsLint(site);
  const previous = place && place.index > 0 ? place.group.items[place.index - 1] : undefined;
  const next = place ? place.group.items[place.index + 1] : undefined;
  const main = html`
<div class="doc-layout">
${sidebar(nav, p.slug, bySlug.size)}
<div class="doc-main">
<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>
  <li><a href="../../">Patterns</a></li>
  ${place ? html`<li>${groupLink(nav, place.group)}</li>` : ''}
  <li><span aria-current="page">${p.title}</span></li>
</ol></nav>
<header class="pattern-header">
  <h1>${p.title}</h1>
  ${p.summaryHtml ? html`<p class="summary">${raw(p.summaryHtml)}</p>` : p.summary ? html`<p class="summary">${p.summary}</p>` : ''}
  ${facts(p)}
</header>
${
  p.toc.length
    ? html`<nav class="toc" aria-labelledby="toc-title"><details><summary id="toc-title">On this page</summary>
  <ol>${p.toc.map((t) => html`<li class="toc-${t.level}"><a href="#${t.id}">${t.text}</a></li>`)}</ol>
</details></nav>`
    : ''
}
${p.diagrams.length ? html`<link rel="stylesheet" href="../../assets/diagrams.css">` : ''}
<article class="pattern-body">
  ${raw(labelledTaskBoxes(selfLinkedHeadings(p.html)))}
</article>
<aside class="relations" aria-label="Relations">
  ${p.related.length ? html`<h2>Related patterns</h2><ul class="mini-cards">${p.related.map(card)}</ul>` : ''}
  ${p.alternatives.length ? html`<h2>Alternatives</h2><ul class="mini-cards">${p.alternatives.map(card)}</ul>` : ''}
  ${p.backlinks.length ? html`<h2>Referenced by</h2><ul class="mini-cards">${p.backlinks.map(card)}</ul>` : ''}
  <p><a class="graph-link" href="../../graph/?focus=${encodeURIComponent(p.slug)}">Show in the relations graph</a></p>
  ${p.editUrl ? html`<p><a class="edit" href="${p.editUrl}">Edit this page</a></p>` : ''}
  ${
    lint
      ? html`<details class="diagnostics"${p.diagnostics.length ? '' : ' hidden'}>
    <summary>${p.diagnostics.length} lint finding${p.diagnostics.length === 1 ? '' : 's'}</summary>
    <ul>${p.diagnostics.map((d) => html`<li class="${d.severity}"><span class="where">line ${d.line}</span> ${d.message} <code>${d.ruleId}</code></li>`)}</ul>
  </details>`
      : ''
  }
</aside>
${
  previous || next
    ? html`<nav class="pager" aria-label="Previous and next in ${place!.group.label}">
  ${previous ? html`<a class="previous" rel="prev" href="../${encodeURIComponent(previous.slug)}/"><span class="dir">Previous</span><span class="name">${previous.title}</span></a>` : ''}
  ${next ? html`<a class="next" rel="next" href="../${encodeURIComponent(next.slug)}/"><span class="dir">Next</span><span class="name">${next.title}</span></a>` : ''}
</nav>`
    : ''
}
</div>
</div>
`;
  return page({
    site,
    title: p.title,
    toRoot: '../../',
    path: `patterns/${encodeURIComponent(p.slug)}/`,
    description: p.summary,
    ogType: 'article',
    main,
    bodyClass: 'pattern',
    scripts: p.diagrams.length ? ['assets/diagrams.js'] : [],
    sidebar: true,
  });
}

/** The group in the breadcrumbs: a link to home filtered by it when it is a facet value. */
function groupLink(nav: SiteNav, group: NavGroup): Raw {
  return nav.facet && group.value !== undefined ? html`<a href="${`../../${facetHref(nav.facet, group.value)}`}">${group.label}</a>` : html`<span>${group.label}</span>`;
}

/**
 * The sidebar as the page is served: the pattern's own group (a window of it
 * when large) and a link to every pattern. The script replaces the list with
 * every group from `nav.json`, collapsible and filterable.
 */
function sidebar(nav: SiteNav, slug: string, total: number): Raw {
  const place = nav.placeOf(slug);
  let items = place?.group.items ?? [];
  let from = 0;
  if (place && items.length > SIDEBAR_WINDOW) {
    from = Math.max(0, Math.min(place.index - SIDEBAR_WINDOW / 2, items.length - SIDEBAR_WINDOW));
    items = items.slice(from, from + SIDEBAR_WINDOW);
  }
  const hidden = place ? place.group.items.length - items.length : 0;
  return html`<nav class="sidebar" id="sidebar" aria-label="Patterns"${place ? html` data-group="${place.group.label}"` : ''}>
  <div class="sidebar-filter" hidden><label class="visually-hidden" for="sidebar-filter">Filter patterns</label><input type="search" id="sidebar-filter" placeholder="Filter patterns" autocomplete="off"></div>
  <div class="sidebar-groups">
  ${
    place
      ? html`<details open class="group current"><summary>${place.group.label} <span class="n">${place.group.items.length}</span></summary><ul>
  ${items.map((i) => html`<li><a href="../${encodeURIComponent(i.slug)}/"${i.slug === slug ? html` aria-current="page"` : ''}>${i.title}</a></li>`)}
  </ul>${hidden ? html`<p class="more">${hidden} more in this group</p>` : ''}</details>`
      : ''
  }
  </div>
  <p class="all"><a href="../../">All ${total} patterns</a></p>
</nav>`;
}

/** Front matter facets in reading order: status, then category, then the rest as configured. */
function orderedFacets(facets: Record<string, string[]>): [string, string[]][] {
  const rank = (f: string) => (f === 'status' ? 0 : f === 'category' ? 1 : 2);
  return Object.entries(facets).sort(([a], [b]) => rank(a) - rank(b));
}

/** What the pattern is, under its title: its facets (each a link to home filtered by it), version and date, verification. */
function facts(p: PatternPage): Raw | string {
  const facets = orderedFacets(p.facets);
  const badge = verificationBadge(p, true);
  if (!facets.length && !p.version && !badge) return '';
  return html`<dl class="facts">
  ${facets.map(([facet, values]) => html`<div><dt>${facet}</dt><dd>${values.map((v) => html`<a class="chip${facet === 'status' ? html` status-${v.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}` : ''}" href="../../${facetHref(facet, v)}">${v}</a>`)}</dd></div>`)}
  ${p.version ? html`<div><dt>Version</dt><dd>${p.version.replace(/^v/, '')}${p.updated ? html` · <time datetime="${p.updated}">${p.updated}</time>` : ''}</dd></div>` : ''}
  ${badge ? html`<div><dt>Steps</dt><dd>${badge}</dd></div>` : ''}
</dl>`;
}

/**
 * A link to itself beside each `h2` and `h3` of the article (after the
 * heading, so a heading's name stays its text for screen readers). The
 * renderer writes every heading as `<hN id="…">`; the sanitizer keeps ids only
 * on headings.
 */
export function selfLinkedHeadings(article: string): string {
  return article.replace(/<(h[23]) id="([^"]+)">([\s\S]*?)<\/\1>/g, (_all, tag: string, id: string, inner: string) => {
    const text = inner.replace(/<[^>]*>/g, '').trim();
    return `<div class="heading ${tag}"><${tag} id="${id}">${inner}</${tag}><a class="anchor" href="#${id}"><span aria-hidden="true">#</span><span class="visually-hidden">Link to the section “${text}”</span></a></div>`;
  });
}

/**
 * A task list's check boxes (disabled: the page is not a form) with a name
 * that says their state, as form controls need one. After the sanitizer, which
 * keeps only their type and state.
 */
export function labelledTaskBoxes(article: string): string {
  return article.replace(
    /<input type="checkbox" disabled(?:="")?( checked(?:="")?)?\s*\/?>/g,
    (_all, checked: string | undefined) => `<input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'Done' : 'To do'}">`,
  );
}
