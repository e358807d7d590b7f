import type { CatalogConfig } from '../config/load-config.js';
import { frontMatterValue } from '../markdown/front-matter.js';
import { headingSlug } from '../markdown/slug.js';
import type { PatternView } from './types.js';

/**
 * The names a pattern's own waivers list (see `waivers` in the configuration): each item after an
 * optional `word:` (`missing:copyright`, `heading:open-items`), as a heading's anchor. None when the
 * catalog names no such key or the pattern lists nothing.
 */
export function waivedNames(pattern: Pick<PatternView, 'frontMatter'>, config: Pick<CatalogConfig, 'waivers'>): ReadonlySet<string> | undefined {
  const key = config.waivers?.key;
  if (!key) return undefined;
  const value = frontMatterValue(pattern.frontMatter, key);
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const names = items.flatMap((item) => (typeof item === 'string' && item.trim() ? [waiverName(item.trim().replace(/^[\w-]+:\s*/, ''))] : []));
  return names.length > 0 ? new Set(names) : undefined;
}

/** Whether a section (by its name or heading) is among a pattern's waivers. */
export function waives(names: ReadonlySet<string> | undefined, ...headings: string[]): boolean {
  return names !== undefined && headings.some((h) => names.has(waiverName(h)));
}

/**
 * A name as waivers compare it: its anchor, its letters and digits only (a catalog's own tool may
 * keep a colon, `appendix:-reference-specifications`, where the usual anchor drops it).
 */
export function waiverName(text: string): string {
  return headingSlug(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
