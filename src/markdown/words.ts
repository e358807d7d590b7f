/**
 * Counting the words of a line of prose, in any script.
 *
 * Most scripts put a space between words, so a word is a run of letters
 * (`it's`, `well-known`). Chinese and Japanese put none: a whole sentence,
 * `统一组件的属性命名，使其保持一致。`, is two runs of letters. There a word is
 * one or two characters, so two characters count as one word — a short
 * sentence of twenty characters is some ten words, a two-character heading
 * (`概述`) one. Korean puts spaces between its words, so Hangul counts as
 * letters do.
 */

/** Characters of the scripts written without spaces between words: Han, Hiragana, Katakana. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;

/**
 * How many words `text` has: runs of letters, and two characters of Chinese or Japanese for one.
 * `shortest`: runs of fewer letters are no words (`2` leaves out `a`, `I`).
 */
export function countWords(text: string, shortest = 1): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const rest = unspaced === 0 ? text : text.replace(UNSPACED, ' ');
  const runs = rest.match(WORD) ?? [];
  return (shortest > 1 ? runs.filter((w) => (w.match(/\p{L}/gu)?.length ?? 0) >= shortest).length : runs.length) + Math.ceil(unspaced / 2);
}

/** Whether `text` ends a sentence: `.`, `!` or `?`, or their full-width forms (`。`, `！`, `？`). */
export function endsSentence(text: string): boolean {
  return /[.!?。！？]$/.test(text.trimEnd());
}
