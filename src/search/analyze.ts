import { stemmer } from 'stemmer';

/**
 * Text analysis for the catalog search: the same steps for what is indexed
 * and for what is asked, so "failing", "failed" and "failures" meet at one
 * term. Lower case, accents folded, split on anything that is not a letter
 * or a digit (so `cache-aside` and `order_id` give two words each), common
 * function words dropped, Porter stemming.
 */

/**
 * Words too common to tell patterns apart. Short on purpose: "not", "down",
 * "fast", "again" carry meaning in a problem ("the API is down") and stay.
 */
const STOP_WORDS = new Set(
  (
    'a about after all also am an and any are as at be been before being between both but by can could did do does doing during each ' +
    'for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor of ' +
    'on only or other our ours ourselves own same she should so some such than that the their theirs them themselves then there these ' +
    'they this those through to too under until very was we were what when where which while who whom why will with would you your yours'
  ).split(' '),
);

/** Longer "words" are hashes, base64 or minified code: never what someone searches for. */
const MAX_WORD = 40;

/**
 * The term of each word, shared by every index in the process ('' for a stop
 * word). The Porter stemmer costs about a microsecond a word; a catalog has a
 * few thousand distinct words among millions, so each is stemmed once, and a
 * word costs one lookup (start-up at 1,000 patterns spent a fifth of its time
 * stemming before). Cleared when it grows past its bound, so hostile text
 * cannot grow it without end.
 */
const terms = new Map<string, string>();
const MAX_TERMS = 200_000;

function termOf(word: string): string {
  let t = terms.get(word);
  if (t === undefined) {
    if (terms.size >= MAX_TERMS) terms.clear();
    // Digits and short words stay as they are: stemming "503" or "api" gains nothing.
    // A new word is copied: the words of a text are slices of it, and a kept slice keeps the whole text alive.
    const own = Buffer.from(word, 'utf8').toString('utf8');
    t = STOP_WORDS.has(own) ? '' : own.length <= 3 || /\d/.test(own) ? own : stemmer(own);
    terms.set(own, t);
  }
  return t;
}

/** The stem of a word (lower case), as the index has it. */
export function stem(word: string): string {
  return termOf(word) || word;
}

const SPLIT = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** The words of a text, lower-cased and accent-folded, in order, stop words included. */
export function words(text: string): string[] {
  let lower = text.toLowerCase();
  // Most catalogs are plain ASCII: normalizing only when needed keeps indexing fast.
  if (NON_ASCII.test(lower)) lower = lower.normalize('NFKD').replace(MARKS, '');
  return lower.split(SPLIT).filter((w) => w.length > 0 && w.length <= MAX_WORD);
}

/**
 * The terms a text is indexed and searched by: its words without stop words,
 * stemmed, in order; with `maxRepeats`, each term kept at most that often.
 */
export function analyze(text: string, maxRepeats = Infinity): string[] {
  const out: string[] = [];
  const counts = maxRepeats === Infinity ? undefined : new Map<string, number>();
  for (const w of words(text)) {
    const t = termOf(w);
    if (!t) continue;
    if (counts) {
      const n = (counts.get(t) ?? 0) + 1;
      counts.set(t, n);
      if (n > maxRepeats) continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * How often each term of `analyze(text, maxRepeats)` occurs in it, in the order
 * the terms first occur: what an index keeps of a text (term frequencies, and
 * their number for the field length), without the list of terms in between.
 */
export function termCounts(text: string, maxRepeats = Infinity): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) {
    const t = termOf(w);
    if (!t) continue;
    const n = counts.get(t);
    if (n === undefined) counts.set(t, 1);
    else if (n < maxRepeats) counts.set(t, n + 1);
  }
  return counts;
}
