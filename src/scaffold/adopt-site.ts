import { pageRoute, siteRoutes } from '../catalog/catalog-index.js';

/** A pattern as adopt read it: where it is, its slug, and the addresses of its links. */
export interface LinkedPattern {
  path: string;
  slug: string;
  urls: readonly string[];
}

/** The catalog's published site, read from the patterns' links to it: its address, and how many links and patterns show it. */
export interface PublishedSite {
  url: string;
  links: number;
  patterns: number;
  /** Most of its pages at Patternbook's own addresses (`patterns/<slug>/`): its pages may be this site's; else another tool publishes them. */
  ours: boolean;
}

/** Code hosts, whose addresses show a repository's files, not a site built from them. */
const CODE_HOSTS = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|raw\.githubusercontent\.com|gist\.github\.com|sourcegraph\.com)$/;

/** Links to pages of the patterns, and patterns they name, before an address is taken as the catalog's own site. */
const SITE_MIN_LINKS = 5;
const SITE_MIN_PATTERNS = 3;

/**
 * Where the catalog is published, when its patterns link each other's pages
 * there (`https://example.org/patterns/retry/` in a Related Patterns list):
 * the address after which the most links name a pattern of the catalog (by
 * `siteRoutes`, as lint and the site then read `site.url`), five links to
 * three patterns at least. Of addresses that name as many, the shortest (the
 * site's root). Undefined when no address does.
 */
export function publishedSite(patterns: readonly LinkedPattern[]): PublishedSite | undefined {
  const routes = siteRoutes(patterns);
  const found = new Map<string, { links: number; patterns: Set<string>; https: number; ours: number }>();
  for (const p of patterns) {
    for (const url of p.urls) {
      const m = /^(https?):\/\/([^/?#\s]+)(\/[^?#\s]*)?/i.exec(url.trim());
      if (!m) continue;
      const host = m[2]!.toLowerCase();
      // A code host's view of the repository's files (`github.com/…/blob/main/text/0040-x.md`) is no
      // published site: its other files are no pages of patterns.
      if (CODE_HOSTS.test(host)) continue;
      let pathPart = m[3] ?? '';
      try {
        pathPart = decodeURIComponent(pathPart);
      } catch {
        // keep as written
      }
      const segments = pathPart.split('/').filter(Boolean);
      for (let i = 0; i < segments.length; i++) {
        const target = routes.get(pageRoute(segments.slice(i).join('/')));
        if (!target || target.slug === p.slug) continue;
        const base = [host, ...segments.slice(0, i)].join('/');
        const entry = found.get(base) ?? found.set(base, { links: 0, patterns: new Set(), https: 0, ours: 0 }).get(base)!;
        entry.links++;
        if (segments.length === i + 2 && segments[i] === 'patterns' && segments[i + 1] === target.slug && pathPart.endsWith('/')) entry.ours++;
        entry.patterns.add(target.slug);
        if (m[1]!.toLowerCase() === 'https') entry.https++;
      }
    }
  }
  let best: [string, { links: number; patterns: Set<string>; https: number; ours: number }] | undefined;
  for (const entry of found) {
    if (entry[1].links < SITE_MIN_LINKS || entry[1].patterns.size < SITE_MIN_PATTERNS) continue;
    if (!best || entry[1].links > best[1].links || (entry[1].links === best[1].links && entry[0].length < best[0].length)) best = entry;
  }
  if (!best) return undefined;
  const [base, e] = best;
  return { url: `${e.https * 2 >= e.links ? 'https' : 'http'}://${base}`, links: e.links, patterns: e.patterns.size, ours: e.ours * 2 > e.links };
}
