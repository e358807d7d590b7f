const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Folds text for tolerant comparison: case, punctuation, quotes, dashes and
 * line wrapping do not matter ("Describe each component\n in the
 * Architecture:" equals "describe each component in the architecture").
 */
export function foldText(text: string): string {
  // The Unicode-aware path (NFKC, letter classes) only matters beyond ASCII, and folding
  // is the hottest step of the placeholder check.
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
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

/**
 * Headings repeat across a catalog (every pattern has an `## Overview`, every
 * link under Related Patterns asks for its section's name), so folded
 * headings are remembered, up to a bound.
 */
const foldedHeadings = new Map<string, string>();
const FOLDED_HEADINGS_LIMIT = 10_000;

/** Heading text as compared with the template: markup-free, case- and spacing-insensitive, no trailing colon. */
/** Emoji and what joins or tints them. */
const DECORATION = /\p{Extended_Pictographic}|\u{FE0F}|\u{FE0E}|\u{200D}|\u{20E3}|\p{Emoji_Modifier}/gu;

/** A heading without the emoji that decorate it (`📜 Problem Statement` → `Problem Statement`). */
export function undecorated(text: string): string {
  return NON_ASCII.test(text)
    ? text
        .replace(DECORATION, '')
        .replace(/\s{2,}/g, ' ')
        .trim()
    : text;
}

export function foldHeading(text: string): string {
  let folded = foldedHeadings.get(text);
  if (folded === undefined) {
    // (Emoji decorate a heading, `## 📜 Problem Statement`: no part of its name.)
    folded = (NON_ASCII.test(text) ? text.replace(DECORATION, '') : text)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[–—]/g, '-')
      .replace(/\s+/g, ' ')
      .replace(/[\s:.]+$/, '')
      .trim();
    folded = detached(folded);
    if (foldedHeadings.size < FOLDED_HEADINGS_LIMIT) foldedHeadings.set(detached(text), folded);
  }
  return folded;
}

/**
 * A copy of `text` that does not keep the string it was cut from alive. V8
 * makes a substring of 13 characters or more a view into its parent: a
 * heading kept in a cache would otherwise keep its whole file in memory.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** A folded heading without the item number the author puts before its name: `1.`, `2)`, `(3)`, `iv.`, `b.`. */
export function withoutNumbering(folded: string): string {
  return folded.replace(/^\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s+/, '');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The names a heading written as a bracketed choice offers (`[Context | References | Prior Work]`:
 * one section under any of these names, or several of them): none for any other heading. Each a
 * name of one to four words; a placeholder's words (`[Pattern Title]`) have no bar between them.
 */
export function choiceNames(heading: string): string[] {
  const m = /^\s*\[([^[\]|]+(?:\|[^[\]|]+)+)\]\s*$/u.exec(heading);
  if (!m) return [];
  const names = m[1]!.split('|').map((p) => p.trim());
  return names.every((n) => /^\p{L}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}$/u.test(n)) ? names : [];
}
