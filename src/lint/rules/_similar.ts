import { foldText } from '../../template/normalize.js';

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The candidate whose name is nearest to `text` (folded), if it is close enough to be a typo. */
export function closest<T>(text: string, candidates: readonly T[], name: (c: T) => string): T | undefined {
  const target = foldText(text);
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(target, foldText(name(c)));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // A third of the length, at least 2 edits: "Deploymnet" → "Deployment", not "Notes" → "Author".
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
}
