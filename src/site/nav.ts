import { naturalCompare } from '../util/natural-order.js';
import type { PageMeta } from './model.js';

/** One group of the sidebar: the patterns of a category (or of the first facet, or of an initial letter). */
export interface NavGroup {
  /** What the group is called: the facet value, or the initial letter. */
  label: string;
  /** The facet value the group stands for (its home-page filter), when grouped by a facet. */
  value?: string;
  /** Its patterns, by title (by number in a numbered log). */
  items: { slug: string; title: string }[];
}

/**
 * Whether the catalog is a numbered log: most patterns' names open with their number (`0007-use-postgres`,
 * `adr-0012-…`, `rfc-42`). Its readers follow it by number, as its own index does, not by title
 * (`[Design Guideline] …` would come first, `0000` last).
 */
export function isNumberedLog(pages: readonly Pick<PageMeta, 'slug'>[]): boolean {
  const numbered = pages.filter((p) => NUMBERED_SLUG.test(p.slug)).length;
  return pages.length >= 3 && numbered >= pages.length * 0.8;
}
const NUMBERED_SLUG = /^(?:[a-z]{1,6}[-_]?)?\d+(?:[-_.\s]|$)/i;

/** How the site lists patterns: a numbered log by its numbers, any other catalog by title (then slug), as people read both (`2` before `10`). */
export function readingOrder(numbered: boolean): (a: Pick<PageMeta, 'slug' | 'title'>, b: Pick<PageMeta, 'slug' | 'title'>) => number {
  return numbered
    ? (a, b) => naturalCompare(a.slug, b.slug) || naturalCompare(a.title, b.title)
    : (a, b) => naturalCompare(a.title, b.title) || naturalCompare(a.slug, b.slug);
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
 * a readable size — or, in a numbered log, in runs of its numbers. Patterns sort by title (case aside, then by slug), or by
 * number in a numbered log (see `isNumberedLog`); groups by label, with
 * patterns that have no value last.
 */
export function siteNav(pages: Iterable<PageMeta>): SiteNav {
  const list = [...pages];
  const facet = groupingFacet(list);
  const numbered = isNumberedLog(list);
  const inOrder = readingOrder(numbered);
  // (A numbered log with no facet to group by: runs of its numbers, `0001–0025`, in order — its
  // titles' initials would scatter it.)
  if (!facet && numbered) return numberRuns(list.sort(inOrder));
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
    group.items.sort(inOrder);
    group.items.forEach((item, index) => places.set(item.slug, { group, index }));
  }
  return { ...(facet ? { facet } : {}), groups, placeOf: (slug) => places.get(slug) };
}

/** A numbered log's patterns, in number order, in runs of `NUMBER_RUN` labelled by their first and last numbers as written. */
function numberRuns(sorted: readonly PageMeta[]): SiteNav {
  const groups: NavGroup[] = [];
  const places = new Map<string, { group: NavGroup; index: number }>();
  const numberOf = (p: PageMeta) => /\d+/.exec(p.slug)?.[0] ?? p.slug;
  for (let i = 0; i < sorted.length; i += NUMBER_RUN) {
    const run = sorted.slice(i, i + NUMBER_RUN);
    const first = numberOf(run[0]!);
    const last = numberOf(run.at(-1)!);
    const group: NavGroup = { label: first === last ? first : `${first}–${last}`, items: run.map((p) => ({ slug: p.slug, title: p.title })) };
    group.items.forEach((item, index) => places.set(item.slug, { group, index }));
    groups.push(group);
  }
  return { groups, placeOf: (slug) => places.get(slug) };
}
const NUMBER_RUN = 25;

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
