import { naturalCompare } from '../util/natural-order.js';
import type { PageMeta } from './model.js';

/** One group of the sidebar: the patterns of a category (or of the first facet, or of an initial letter). */
export interface NavGroup {
  /** What the group is called: the facet value, or the initial letter. */
  label: string;
  /** The facet value the group stands for (its home-page filter), when grouped by a facet. */
  value?: string;
  /** Its patterns, by title. */
  items: { slug: string; title: string }[];
}

/** Every pattern in groups, the order the sidebar, previous/next and breadcrumbs follow. */
export interface SiteNav {
  /** The facet the groups are its values of; none when grouped by initial letter. */
  facet?: string;
  groups: NavGroup[];
  /** A pattern's group and its place in it. */
  placeOf(slug: string): { group: NavGroup; index: number } | undefined;
}

/** Patterns without a value of the grouping facet. */
export const OTHER_GROUP = 'Other';

/**
 * Groups the patterns for navigation: by `category` when patterns have one,
 * else by the first facet whose values are single (status, say: a pattern
 * with several tags would stand in several groups), else by the initial
 * letter of the title — a catalog without front matter still gets groups of
 * a readable size. Titles sort case-insensitively, then by slug; groups by
 * label, with patterns that have no value last.
 */
export function siteNav(pages: Iterable<PageMeta>): SiteNav {
  const list = [...pages];
  const facet = groupingFacet(list);
  const byLabel = new Map<string, NavGroup>();
  for (const p of list) {
    const value = facet ? p.facets[facet]?.[0] : undefined;
    const label = facet ? (value ?? OTHER_GROUP) : initialOf(p.title);
    const group = byLabel.get(label) ?? byLabel.set(label, { label, ...(value !== undefined ? { value } : {}), items: [] }).get(label)!;
    group.items.push({ slug: p.slug, title: p.title });
  }
  const order = naturalCompare;
  const groups = [...byLabel.values()].sort((a, b) => {
    // Patterns without a value, and titles that start with no letter, come last.
    const lastA = facet ? a.value === undefined : a.label === '#';
    const lastB = facet ? b.value === undefined : b.label === '#';
    return lastA !== lastB ? (lastA ? 1 : -1) : order(a.label, b.label);
  });
  const places = new Map<string, { group: NavGroup; index: number }>();
  for (const group of groups) {
    group.items.sort((a, b) => order(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    group.items.forEach((item, index) => places.set(item.slug, { group, index }));
  }
  return { ...(facet ? { facet } : {}), groups, placeOf: (slug) => places.get(slug) };
}

function groupingFacet(pages: PageMeta[]): string | undefined {
  const has = (facet: string) => pages.some((p) => p.facets[facet]?.length);
  if (has('category')) return 'category';
  const facets = [...new Set(pages.flatMap((p) => Object.keys(p.facets)))];
  return facets.find((f) => f !== 'tags' && pages.every((p) => (p.facets[f]?.length ?? 0) <= 1) && has(f));
}

function initialOf(title: string): string {
  const first = title.trim().charAt(0).toUpperCase();
  return /\p{L}/u.test(first) ? first : '#';
}

/**
 * The shared file the sidebar is drawn from (`nav.json`, fetched once per
 * visit and cached): every pattern's slug and title by group. Kept out of the
 * pages so a page does not grow with the catalog.
 */
export function navJson(nav: SiteNav): string {
  return JSON.stringify({
    ...(nav.facet ? { facet: nav.facet } : {}),
    groups: nav.groups.map((g) => ({ label: g.label, ...(g.value !== undefined ? { value: g.value } : {}), items: g.items.map((i) => [i.slug, i.title]) })),
  });
}

const cache = new WeakMap<object, SiteNav>();
/** The navigation of a set of pages, worked out once per set (every pattern page of a build asks). */
export function navOf(pages: Map<string, PageMeta> | PageMeta[]): SiteNav {
  let nav = cache.get(pages);
  if (!nav) {
    nav = siteNav(pages instanceof Map ? pages.values() : pages);
    cache.set(pages, nav);
  }
  return nav;
}

/** Takes `nav` as the navigation of `pages`, known to show the same patterns, titles and facets as the set it was worked out from. */
export function rememberNav(pages: Map<string, PageMeta> | PageMeta[], nav: SiteNav): void {
  cache.set(pages, nav);
}
