import { frontMatterValue } from '../markdown/front-matter.js';
import { variantKey } from '../template/heading-variants.js';
import { STATUS_KEYS } from './status.js';

/** The front matter keys a catalog is browsed and filtered by when `site.facets` does not name them. */
export const DEFAULT_FACETS: readonly string[] = ['tags', 'category', 'status'];

/**
 * A pattern's values of each facet, from its front matter: strings, numbers
 * and booleans (a single value or a list), trimmed, as sorted unique strings;
 * a facet with no such value is left out. Where the front matter lacks the key,
 * a field the document writes in its body (`**Status:** implemented` under the
 * title, a `## Status` section's line) gives it, read as a label (see `fieldLabel`).
 */
export function facetValues(
  pattern: { frontMatter: Record<string, unknown>; fields?: Record<string, string> | undefined },
  facets: readonly string[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const facet of facets) {
    // (A document's status is its state or stage where it names it so: `* State: Ready for Review`.)
    // (Any other facet is its key as the catalog spells it, singular or plural: `tag:` for the `tags`
    // facet, `categories:` for `category`, in the documents that write it so.)
    const keys =
      facet.toLowerCase() === 'status'
        ? STATUS_KEYS
        : [
            facet,
            ...[...Object.keys(pattern.frontMatter), ...Object.keys(pattern.fields ?? {})].filter(
              (k) => k.toLowerCase() !== facet.toLowerCase() && variantKey(k) === variantKey(facet),
            ),
          ];
    const value = firstOf(keys, (key) => frontMatterValue(pattern.frontMatter, key)) ?? firstOf(keys, (key) => fieldLabel(pattern.fields?.[key.toLowerCase()]));
    const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
      .filter((v) => ['string', 'number', 'boolean'].includes(typeof v))
      .map((v) => String(v).trim())
      .filter(Boolean);
    if (list.length) out[facet] = [...new Set(list)].sort();
  }
  return out;
}

/** The first value `read` finds under one of the keys. */
function firstOf(keys: readonly string[], read: (key: string) => unknown): unknown {
  for (const key of keys) {
    const value = read(key);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/**
 * A body field's value as a facet's label: its words before any link, note or
 * reference, or the end of its first sentence (`Superseded by [ADR-9](…)` → `Superseded`, `Accepted (2021-03-01)` →
 * `Accepted`, `Accepted. Built in part.` → `Accepted`), emphasis taken off, a word in lower case capitalized (`accepted` → `Accepted`); none where that is more than a few words (a
 * sentence is no label) or the template's choices are left (`provisional | implemented`).
 */
function fieldLabel(value: string | undefined): string | undefined {
  if (value === undefined || /[|]|\s\/\s/.test(value)) return undefined;
  const words = value
    .replace(/[*_`~]+/g, '')
    .split(/[[(<{,;:—–]|\.(?:\s|$)|\s-\s|\s(?:by|in|on|since|as of|until)\s/i)[0]!
    .trim();
  if (!words || !/\p{L}/u.test(words) || words.split(/\s+/).length > 3) return undefined;
  // (Written in lower case in some documents and capitalized in others, `accepted` and `Accepted`, one
  // label: a state written in prose, its case incidental.)
  return words === words.toLowerCase() ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}
