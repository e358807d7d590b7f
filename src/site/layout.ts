import type { CatalogConfig } from '../config/load-config.js';
import { html, type Raw } from './html.js';

export interface SiteInfo {
  title: string;
  /** Sub-path the site is served under, starting and ending with `/`. */
  base: string;
  accent?: string;
  /** Logo path inside the site (`assets/logo.svg`), when configured. */
  logo?: string;
  config: CatalogConfig;
  /** Built for `patternbook dev`: pages load the live-reload and lint-overlay script. */
  dev?: boolean;
}

export interface PageOptions {
  site: SiteInfo;
  title: string;
  /** `../../` from this page to the site root: pages link relatively, so any base works. */
  toRoot: string;
  /** This page's path from the site root (`patterns/saga/`, `` for home): its canonical address when `site.url` is set. */
  path?: string;
  /** The page's meta description (a pattern's summary); default: its title and the site's. */
  description?: string | undefined;
  /** `article` for a pattern page (Open Graph). */
  ogType?: 'website' | 'article';
  main: Raw;
  /** Extra attributes on `<main>` (the search index reads the article only). */
  bodyClass?: string;
  /** Load the Mermaid runtime: only pattern pages that have a diagram do. */
  mermaid?: boolean;
  /** More scripts of the site for this page only, relative to the site root. */
  scripts?: string[];
  /** The page has the patterns sidebar: the header gets the button that opens it on narrow screens. */
  sidebar?: boolean;
  /** The page only sends readers on to this address (a pattern that moved): not indexed by search engines. */
  redirect?: string;
}

/**
 * Whether readers see lint findings (cards, a pattern page's panel): they are
 * for authors, so only in `dev` and when the configuration asks (`site.showLint`).
 */
export function showsLint(site: SiteInfo): boolean {
  return Boolean(site.dev || site.config.site?.showLint);
}

/** Which entry of the site's navigation a page belongs to, from its body class. */
function sectionOf(bodyClass: string | undefined): 'patterns' | 'graph' | 'health' | undefined {
  if (!bodyClass) return undefined;
  if (/\b(home|pattern)\b/.test(bodyClass)) return 'patterns';
  if (/\bgraph-page\b/.test(bodyClass)) return 'graph';
  if (/\bhealth-page\b/.test(bodyClass)) return 'health';
  return undefined;
}

/**
 * Every page's shell. The Content-Security-Policy allows only this site's own
 * scripts and styles (WebAssembly for the search index), no inline script, no
 * plugins, no `<base>` and no form posts anywhere, so that even content that
 * slipped past the sanitizer could not run.
 *
 * The search dialog is not on the page: its script and styles (and Pagefind's)
 * load the first time a reader opens it (site.js).
 */
export function page(o: PageOptions): string {
  const { site, toRoot } = o;
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    // Mermaid sets inline styles on the elements it draws.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = o.title === site.title ? site.title : `${o.title} · ${site.title}`;
  const description =
    o.description?.trim() || (o.title === site.title ? `${site.title}: every pattern with its summary, relations and health.` : `${o.title}: ${site.title}`);
  // Canonical address and Open Graph tags need the published address.
  const url = site.config.site?.url && o.path !== undefined ? `${site.config.site.url.replace(/\/*$/, '/')}${o.path}` : undefined;
  const current = sectionOf(o.bodyClass);
  const here = (s: string) => (current === s ? html` aria-current="page"` : '');
  const doc = html`<!doctype html>
<html lang="en" data-theme="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${title}</title>
<meta name="description" content="${description}">
${
  url
    ? html`<link rel="canonical" href="${url}">
<meta property="og:type" content="${o.ogType ?? 'website'}">
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${o.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
`
    : ''
}${
    o.redirect
      ? html`<meta http-equiv="refresh" content="0; url=${o.redirect}">
<meta name="robots" content="noindex">
`
      : ''
  }<meta name="generator" content="Patternbook">
<link rel="icon" href="${toRoot}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${toRoot}assets/site.css">
${site.accent ? html`<meta name="theme-color" content="${site.accent}">` : ''}
<script src="${toRoot}assets/theme.js"></script>
</head>
<body${o.bodyClass ? html` class="${o.bodyClass}"` : ''} data-root="${toRoot}"${site.accent ? html` data-accent="${site.accent}"` : ''}>
<a class="skip" href="#content">Skip to content</a>
<header class="site-header">
  ${o.sidebar ? html`<button type="button" class="menu-button" aria-controls="sidebar" aria-expanded="false"><span class="icon-menu" aria-hidden="true"></span><span class="visually-hidden">Patterns menu</span></button>` : ''}
  <a class="brand" href="${toRoot}">${site.logo ? html`<img src="${toRoot}${site.logo}" alt="" class="logo">` : ''}<span>${site.title}</span></a>
  <nav class="site-nav" aria-label="Site">
    <a href="${toRoot}"${here('patterns')}>Patterns</a>
    <a href="${toRoot}graph/"${here('graph')}>Relations</a>
    <a href="${toRoot}health/"${here('health')}>Health</a>
  </nav>
  <button type="button" class="search-button" data-search-open aria-haspopup="dialog" aria-keyshortcuts="/ Control+K Meta+K"><span class="icon-search" aria-hidden="true"></span><span class="search-label">Search</span><kbd aria-hidden="true">/</kbd></button>
  <button type="button" class="theme-toggle" aria-label="Switch between light and dark" title="Light / dark"><span aria-hidden="true">◐</span></button>
</header>
<main id="content" tabindex="-1">
${o.main}
</main>
<footer class="site-footer"><p>Built with Patternbook.</p></footer>
${o.mermaid ? html`<script src="${toRoot}assets/mermaid.min.js"></script>` : ''}
${(o.scripts ?? []).map((src) => html`<script src="${toRoot}${src}"></script>`)}
<script src="${toRoot}assets/site.js"></script>
${site.dev ? html`<script src="${toRoot}__patternbook/dev.js"></script>` : ''}
</body>
</html>
`;
  return doc.raw;
}
