const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Folds text for tolerant comparison: case, punctuation, quotes, dashes and
 * line wrapping do not matter ("Describe each component\n in the
 * Architecture:" equals "describe each component in the architecture").
 */
export function foldText(text: string): string {
  // The Unicode-aware path (NFKC, letter classes) only matters beyond ASCII, and folding
  // is the hottest step of the placeholder check.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower case as foldText sees it (NFKC first beyond ASCII), punctuation and spacing kept. */
export function foldCase(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC').toLowerCase() : text.toLowerCase();
}

/** Heading text as compared with the template: markup-free, case- and spacing-insensitive, no trailing colon. */
export function foldHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
