import type { SearchHit } from './search-index.js';

/**
 * Search results as text, the same for `patternbook search` and the MCP
 * tool: rank, title, slug and score, the summary, and the best section with
 * its excerpt. `color` styles a terminal's output (identity elsewhere).
 */
export function renderHits(hits: readonly SearchHit[], color: { bold(s: string): string; dim(s: string): string } = { bold: (s) => s, dim: (s) => s }): string {
  return hits
    .map((h, i) => {
      const lines = [`${i + 1}. ${color.bold(h.title)} ${color.dim(`(${h.slug}, score ${h.score})`)}`];
      if (h.summary) lines.push(`   ${h.summary}`);
      if (h.section) lines.push(`   ${color.dim(`§ ${h.section.path.join(' / ')}:`)} ${h.section.excerpt}`);
      return lines.join('\n');
    })
    .join('\n');
}
