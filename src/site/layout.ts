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
  description?: string;
  main: Raw;
  /** Extra attributes on `<main>` (the search index reads the article only). */
  bodyClass?: string;
  /** Load the Mermaid runtime: only pattern pages that have a diagram do. */
  mermaid?: boolean;
  /** More scripts of the site for this page only, relative to the site root. */
  scripts?: string[];
}

/**
 * Every page's shell. The Content-Security-Policy allows only this site's own
 * scripts and styles (WebAssembly for the search index), no inline script, no
 * plugins, no `<base>` and no form posts anywhere, so that even content that
 * slipped past the sanitizer could not run.
 */
export function page(o: PageOptions): string {
  const { site, toRoot } = o;
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    // Pagefind's UI and Mermaid set inline styles on the elements they draw.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const doc = html`<!doctype html>
<html lang="en" data-theme="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${o.title === site.title ? site.title : `${o.title} · ${site.title}`}</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
<meta name="generator" content="Patternbook">
<link rel="icon" href="${toRoot}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${toRoot}assets/site.css">
<link rel="stylesheet" href="${toRoot}pagefind/pagefind-ui.css">
${site.accent ? html`<meta name="theme-color" content="${site.accent}">` : ''}
<script src="${toRoot}assets/theme.js"></script>
</head>
<body${o.bodyClass ? html` class="${o.bodyClass}"` : ''} data-root="${toRoot}"${site.accent ? html` data-accent="${site.accent}"` : ''}>
<a class="skip" href="#content">Skip to content</a>
<header class="site-header">
  <a class="brand" href="${toRoot}">${site.logo ? html`<img src="${toRoot}${site.logo}" alt="" class="logo">` : ''}<span>${site.title}</span></a>
  <nav aria-label="Site">
    <a href="${toRoot}">Patterns</a>
    <a href="${toRoot}graph/">Relations</a>
    <a href="${toRoot}health/">Health</a>
  </nav>
  <div id="search" class="search" role="search" data-pagefind-ignore="all"></div>
  <button type="button" class="theme-toggle" aria-label="Switch between light and dark" title="Light / dark">◐</button>
</header>
<main id="content" tabindex="-1">
${o.main}
</main>
<footer class="site-footer"><p>Built with Patternbook.</p></footer>
<script src="${toRoot}pagefind/pagefind-ui.js"></script>
${o.mermaid ? html`<script src="${toRoot}assets/mermaid.min.js"></script>` : ''}
${(o.scripts ?? []).map((src) => html`<script src="${toRoot}${src}"></script>`)}
<script src="${toRoot}assets/site.js"></script>
${site.dev ? html`<script src="${toRoot}__patternbook/dev.js"></script>` : ''}
</body>
</html>
`;
  return doc.raw;
}

