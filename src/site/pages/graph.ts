import { html } from '../html.js';
import { page, type SiteInfo } from '../layout.js';
import type { PageMeta } from '../model.js';
import { colourFacet, rankGroups, GROUP_COLOURS } from '../graph.js';

/**
 * Up to this many patterns the page also lists every relation (as text for
 * keyboards and screen readers). Beyond, the list would be most of the page —
 * 390 KB of HTML at a thousand patterns, a slow first paint on a phone — and
 * says no more than each pattern's page and the panel beside the graph.
 */
const LIST_LIMIT = 200;

/**
 * The relation graph: drawn by the graph script from `graph.json` on a canvas
 * (zoom, pan, a pattern's neighbours highlighted, colours by category). A
 * pattern found by name — or named in the address, `graph/?focus=<slug>`, as
 * each pattern page links it — is shown with its neighbours around it, their
 * relations listed beside the picture as links and buttons for keyboards and
 * screen readers. In catalogs of up to 200 patterns every relation is also
 * listed below the graph.
 */
export function graphPage(site: SiteInfo, pages: PageMeta[]): string {
  const titles = new Map(pages.map((p) => [p.slug, p.title]));
  const facet = colourFacet(pages);
  const groups = rankGroups(pages.map((p) => (facet ? p.facets[facet]?.[0] : undefined)));
  const shown = groups.slice(0, GROUP_COLOURS);
  const main = html`
<link rel="stylesheet" href="../assets/graph.css">
<h1>Relations</h1>
<div class="graph-find" role="search" aria-label="Find a pattern in the graph" data-ready="0">
  <label for="graph-find">Find a pattern</label>
  <input id="graph-find" name="focus" type="search" list="graph-names" autocomplete="off" spellcheck="false" placeholder="Type its name, then Enter">
  <datalist id="graph-names"></datalist>
  <button type="button" data-find>Show</button>
</div>
<div class="graph-box">
  <div class="graph-zoom" role="group" aria-label="Zoom">
    <button type="button" data-zoom="in" aria-label="Zoom in" title="Zoom in">+</button>
    <button type="button" data-zoom="out" aria-label="Zoom out" title="Zoom out">&minus;</button>
    <button type="button" data-zoom="all" title="Show every pattern">Whole graph</button>
  </div>
  <div id="graph" class="graph" data-src="graph.json"><canvas tabindex="0" role="img" aria-label="Graph of the patterns and their relations. Find a pattern above to see it with its neighbours; every relation is also listed below."></canvas></div>
  <div class="graph-panel" aria-live="polite" hidden></div>
</div>
<ul class="graph-legend" aria-label="Legend">
  <li><span class="edge-key related"></span>Related</li>
  <li><span class="edge-key alternative"></span>Alternative</li>
  <li><span class="edge-key mention"></span>Mentioned in the text</li>
  ${shown.map((g, i) => html`<li><span class="node-key g${i}"></span>${g}</li>`)}
  ${groups.length > shown.length || (facet && pages.some((p) => !p.facets[facet]?.length)) ? html`<li><span class="node-key other"></span>${groups.length > shown.length ? 'Other' : `No ${facet}`}</li>` : ''}
</ul>
<p class="graph-help">Drag to move, scroll or pinch to zoom. Point at a pattern to see its neighbours, click to open it; on a touch screen, the first tap shows its neighbours and the second opens it.</p>
${
  pages.length <= LIST_LIMIT
    ? html`<h2>All relations</h2>
<ul class="relation-list">
${pages.map(
  (p) =>
    html`<li><a href="../patterns/${encodeURIComponent(p.slug)}/">${p.title}</a>${
      p.related.length || p.alternatives.length
        ? html` → ${[...p.related.map((r) => ({ r, k: 'related' })), ...p.alternatives.map((r) => ({ r, k: 'alternative' }))].map(
            ({ r, k }, i) => html`${i ? ', ' : ''}<a href="../patterns/${encodeURIComponent(r)}/" class="${k}">${titles.get(r) ?? r}</a>`,
          )}`
        : html` <span class="orphan">(no relations)</span>`
    }</li>`,
)}
</ul>`
    : html`<p>Each pattern's page lists its relations; find a pattern above to see them here with the patterns around it.</p>`
}
`;
  return page({ site, title: 'Relations', toRoot: '../', main, bodyClass: 'graph-page', scripts: ['assets/graph.js'] });
}
