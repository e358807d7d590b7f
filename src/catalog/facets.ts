/** The front matter keys a catalog is browsed and filtered by when `site.facets` does not name them. */
export const DEFAULT_FACETS: readonly string[] = ['tags', 'category', 'status'];

/**
 * A pattern's values of each facet, from its front matter: strings, numbers
 * and booleans (a single value or a list), trimmed, as sorted unique strings;
 * a facet with no such value is left out.
 */
export function facetValues(frontMatter: Record<string, unknown>, facets: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const facet of facets) {
    const value = frontMatterValue(frontMatter, facet);
    const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
      .filter((v) => ['string', 'number', 'boolean'].includes(typeof v))
      .map((v) => String(v).trim())
      .filter(Boolean);
    if (list.length) out[facet] = [...new Set(list)].sort();
  }
  return out;
}
import { frontMatterValue } from '../markdown/front-matter.js';
