import type { Fix } from '../diagnostics.js';

export interface AppliedFixes {
  output: string;
  applied: number;
  /** Fixes left out because they overlap one applied before them; a later pass gets them. */
  skipped: number;
}

/**
 * Applies non-overlapping fixes in source order. Insertions at the same
 * offset are all kept, in the order they were reported, so two missing
 * sections inserted at one place come out in template order.
 */
export function applyFixes(source: string, fixes: readonly Fix[]): AppliedFixes {
  const ordered = fixes.map((fix, order) => ({ fix, order })).sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1] || a.order - b.order);
  let output = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const { fix } of ordered) {
    const [start, end] = fix.range;
    if (start < cursor || end < start || end > source.length) {
      skipped++;
      continue;
    }
    output += source.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { output: output + source.slice(cursor), applied, skipped };
}
