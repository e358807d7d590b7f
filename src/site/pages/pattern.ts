import { html, raw } from '../html.js';
import { page, type SiteInfo } from '../layout.js';
import type { PageMeta, PatternPage } from '../model.js';
import { verificationBadge } from './verification.js';

/** A pattern's page: its README rendered, a table of contents, relations as cards, backlinks and its lint diagnostics. */
export function patternPage(site: SiteInfo, p: PatternPage, bySlug: Map<string, PageMeta>): string {
  const card = (slug: string) => {
    const other = bySlug.get(slug);
    return other ? html`<li><a href="../${encodeURIComponent(other.slug)}/">${other.title}</a>${other.summary ? html`<span>${other.summary}</span>` : ''}</li>` : '';
  };
  const main = html`
<div class="pattern-layout">
<nav class="toc" aria-label="On this page">
  <h2>On this page</h2>
  <ol>${p.toc.map((t) => html`<li class="toc-${t.level}"><a href="#${t.id}">${t.text}</a></li>`)}</ol>
</nav>
${p.diagrams.length ? html`<link rel="stylesheet" href="../../assets/diagrams.css">` : ''}
<article data-pagefind-body>
  ${Object.entries(p.facets).flatMap(([facet, values]) => values.map((v) => html`<span hidden data-pagefind-filter="${facet}">${v}</span>`))}
  ${raw(p.html)}
</article>
<aside class="relations" data-pagefind-ignore="all">
  ${p.related.length ? html`<h2>Related patterns</h2><ul class="mini-cards">${p.related.map(card)}</ul>` : ''}
  ${p.alternatives.length ? html`<h2>Alternatives</h2><ul class="mini-cards">${p.alternatives.map(card)}</ul>` : ''}
  ${p.backlinks.length ? html`<h2>Referenced by</h2><ul class="mini-cards">${p.backlinks.map(card)}</ul>` : ''}
  ${p.verification ? html`<h2>Steps</h2><p>${verificationBadge(p, true)}</p>` : ''}
  <p><a class="graph-link" href="../../graph/?focus=${encodeURIComponent(p.slug)}">Show in the relations graph</a></p>
  ${p.editUrl ? html`<p><a class="edit" href="${p.editUrl}">Edit this page</a></p>` : ''}
  <details class="diagnostics"${p.diagnostics.length ? '' : ' hidden'}>
    <summary>${p.diagnostics.length} lint finding${p.diagnostics.length === 1 ? '' : 's'}</summary>
    <ul>${p.diagnostics.map((d) => html`<li class="${d.severity}"><span class="where">line ${d.line}</span> ${d.message} <code>${d.ruleId}</code></li>`)}</ul>
  </details>
</aside>
</div>
`;
  return page({ site, title: p.title, toRoot: '../../', description: p.summary, main, bodyClass: 'pattern', scripts: p.diagrams.length ? ['assets/diagrams.js'] : [] });
}
