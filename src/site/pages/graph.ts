import { html } from '../html.js';
import { page, type SiteInfo } from '../layout.js';
import type { PageMeta } from '../model.js';

/**
 * The relation graph: drawn by the graph script from `graph.json` (zoom, pan,
 * a node's neighbours highlighted, a click opens the pattern), and the same
 * relations as a list for keyboards and screen readers.
 */
export function graphPage(site: SiteInfo, pages: PageMeta[]): string {
  const titles = new Map(pages.map((p) => [p.slug, p.title]));
  const main = html`
<h1>Relations</h1>
<p class="legend"><span class="key related"></span> Related Patterns <span class="key alternative"></span> Alternatives — an arrow where only one of the two lists the other. Scroll or pinch to zoom, drag to pan, click a pattern to open it.</p>
<div id="graph" class="graph" role="img" aria-label="Graph of the patterns and their relations; the same relations are listed below." data-src="graph.json"></div>
<h2>All relations</h2>
<ul class="relation-list">
${pages.map(
  (p) => html`<li><a href="../patterns/${encodeURIComponent(p.slug)}/">${p.title}</a>${
    p.related.length || p.alternatives.length
      ? html` → ${[...p.related.map((r) => ({ r, k: 'related' })), ...p.alternatives.map((r) => ({ r, k: 'alternative' }))].map(
          ({ r, k }, i) => html`${i ? ', ' : ''}<a href="../patterns/${encodeURIComponent(r)}/" class="${k}">${titles.get(r) ?? r}</a>`,
        )}`
      : html` <span class="orphan">(no relations)</span>`
  }</li>`,
)}
</ul>
`;
  return page({ site, title: 'Relations', toRoot: '../', main, bodyClass: 'graph-page', scripts: ['assets/cytoscape.min.js', 'assets/graph.js'] });
}
