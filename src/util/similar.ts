import { foldText } from '../template/normalize.js';

/** The candidate nearest to `text` by edit distance on folded names, if close enough to be a typo (see `nearest`). */
export function closest<T>(text: string, candidates: readonly T[], name: (c: T) => string): T | undefined {
  return nearest(text, candidates, name);
}

const foldedLists = new WeakMap<readonly unknown[], Map<string, string[]>>();

/**
 * The candidate whose name is nearest to `text` (folded), if it is close
 * enough to be a typo: at most a third of its length in edits, at least 2
 * ("Deploymnet" → "Deployment", not "Notes" → "Author"), and never one that
 * differs only in its numbers (another item of a numbered series); the first
 * of equals wins. Made for long lists (a catalog's 10,000 slugs, a folder's entries):
 * folded names are cached per list and `key`, and the edit distance gives up
 * as soon as it exceeds the best so far. `skip` leaves one candidate out;
 * `maxEdits` sets a stricter limit.
 */
export function nearest<T>(text: string, candidates: readonly T[], name: (c: T) => string, key = 'name', skip?: T, maxEdits?: number): T | undefined {
  let byKey = foldedLists.get(candidates);
  if (!byKey) foldedLists.set(candidates, (byKey = new Map()));
  let folded = byKey.get(key);
  if (!folded) byKey.set(key, (folded = candidates.map((c) => foldText(name(c)))));
  const target = foldText(text);
  // Accept at most this many edits; once something is found, only a strictly nearer one replaces it.
  let limit = maxEdits ?? Math.max(2, Math.floor(target.length / 3));
  let best: T | undefined;
  // Names that differ only in their numbers (`eip-7683` and `eip-7623`, `0042-saga` and `0024-saga`)
  // are other items of a numbered series, not a typo of each other: never suggested.
  const digits = /\d/.test(target) ? target.replace(/\d+/g, '0') : undefined;
  for (let i = 0; i < candidates.length && limit >= 0; i++) {
    if (candidates[i] === skip) continue;
    // (Unless the numbers are the same too: `0302-pond_pump` for `0302-pond-pump` is that very one.)
    if (digits !== undefined && folded[i] !== target && folded[i]!.replace(/\d+/g, '0') === digits) continue;
    const d = boundedDistance(target, folded[i]!, limit);
    if (d <= limit) {
      best = candidates[i];
      limit = d - 1;
    }
  }
  return best;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, or `limit + 1` as soon as it is sure to exceed `limit` (two reused rows, no allocation). */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  if (bagDistance(a, b) > limit) return limit + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 1);
    rowB = new Int32Array(b.length * 2 + 1);
  }
  let prev = rowA;
  let row = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = row[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev;
    prev = row;
    row = t;
  }
  return prev[b.length]!;
}

const bag = new Int32Array(128);

/**
 * A lower bound of the edit distance in linear time: characters one string
 * has more of than the other (each edit fixes at most one surplus on each side).
 * Characters beyond ASCII share one slot, which only weakens the bound.
 */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) bag[Math.min(a.charCodeAt(i), 127)]!++;
  for (let i = 0; i < b.length; i++) bag[Math.min(b.charCodeAt(i), 127)]!--;
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < a.length; i++) {
    const c = Math.min(a.charCodeAt(i), 127);
    const v = bag[c]!;
    if (v > 0) more += v;
    else if (v < 0) fewer -= v;
    bag[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = Math.min(b.charCodeAt(i), 127);
    const v = bag[c]!;
    if (v < 0) fewer -= v;
    bag[c] = 0;
  }
  return Math.max(more, fewer);
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Number.MAX_SAFE_INTEGER);
}
