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
 * Stems by word, shared by every index in the process. The Porter stemmer
 * costs about a microsecond a word; a catalog has a few thousand distinct
 * words among millions, so each is stemmed once (start-up at 1,000 patterns
 * spends a fifth of the time otherwise). Cleared when it grows past its
 * bound, so hostile text cannot grow it without end.
 */
const stems = new Map<string, string>();
const MAX_STEMS = 200_000;

export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    // Digits and short words stay as they are: stemming "503" or "api" gains nothing.
    s = word.length <= 3 || /\d/.test(word) ? word : stemmer(word);
    stems.set(word, s);
  }
  return s;
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

/** The terms a text is indexed and searched by: its words without stop words, stemmed, in order. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}

/** Whether a word is one the analysis drops. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
