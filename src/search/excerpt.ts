import { analyze, stem, words } from './analyze.js';
import { sectionPath, type PatternRecord } from './record.js';

/** A term of a question (analysed) and how much it counts: 1 for the question's own words, less for synonyms. */
export interface QueryTerm {
  term: string;
  weight: number;
}

/** Characters of text an excerpt shows, about two lines. */
const EXCERPT_LENGTH = 200;

/**
 * The section of a pattern whose own text (or heading) matches the question
 * best, with an excerpt around the first match. Scored within the pattern:
 * a heading hit counts double, repeated words count less each time, and a
 * word found in most sections (the pattern's own name, say) tells sections
 * apart less than a rare one. Undefined when no section matches (the
 * pattern matched on its title or summary alone).
 */
export function bestSection(
  record: PatternRecord,
  text: string,
  terms: readonly QueryTerm[],
): { heading: string; path: string[]; id: string; excerpt: string } | undefined {
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  const outline = record.sections;
  const sections = outline.headings.map((heading, i) => {
    const own = text.slice(Math.min(outline.spans[2 * i]!, text.length), Math.min(outline.spans[2 * i + 1]!, text.length));
    const counts = new Map<string, number>();
    for (const t of analyze(own)) if (weights.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const inHeading = new Set(analyze(heading).filter((t) => weights.has(t)));
    return { index: i, own, counts, inHeading };
  });
  const containing = new Map<string, number>();
  for (const s of sections) for (const t of new Set([...s.counts.keys(), ...s.inHeading])) containing.set(t, (containing.get(t) ?? 0) + 1);

  let best: (typeof sections)[number] | undefined;
  let bestScore = 0;
  for (const s of sections) {
    let score = 0;
    for (const [term, weight] of weights) {
      const tf = s.counts.get(term) ?? 0;
      const head = s.inHeading.has(term) ? 2 : 0;
      if (tf === 0 && head === 0) continue;
      const rarity = Math.log(1 + sections.length / (containing.get(term) ?? 1));
      score += weight * rarity * (head + (tf > 0 ? 1 + Math.log(tf) : 0));
    }
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  return { heading: outline.headings[best.index]!, path: sectionPath(outline, best.index), id: outline.ids[best.index]!, excerpt: excerpt(best.own, weights) };
}

/**
 * About two lines of a section's text as a reader sees it (Markdown marks,
 * code blocks and HTML left out), starting a little before the first word
 * that matches the question best.
 */
export function excerpt(markdown: string, weights: ReadonlyMap<string, number>): string {
  const plain = plainText(markdown);
  if (plain.length <= EXCERPT_LENGTH) return plain;
  // The first word of the highest weight that matches: the question's own words before synonyms.
  let at = -1;
  let atWeight = 0;
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(plain); m; m = word.exec(plain)) {
    const w = words(m[0])[0];
    const weight = w === undefined ? undefined : weights.get(stem(w));
    if (weight !== undefined && weight > atWeight) {
      at = m.index;
      atWeight = weight;
      if (weight >= 1) break;
    }
  }
  let start = at < 0 ? 0 : Math.max(0, at - 60);
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + EXCERPT_LENGTH);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start + EXCERPT_LENGTH / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${plain.slice(start, end).trim()}${end < plain.length ? '…' : ''}`;
}

/** Markdown to the text a reader sees, on one line: enough for an excerpt, not a renderer. */
export function plainText(markdown: string): string {
  return (
    markdown
      // Fenced code (in lists too), to its closing fence or the end of the text.
      .replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\1[ \t]*(?=\n|(?![\s\S]))|(?![\s\S]))/gm, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^ {0,3}(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)/gm, '')
      .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, ' ')
      .replace(/\|/g, ' ')
      // Emphasis and code marks go; underscores inside words (`MAX_RETRIES`) stay.
      .replace(/[*`~]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
