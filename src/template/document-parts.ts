import type { Block } from '../markdown/types.js';
/** Names of a part of a document, never a document's own name (folded). */
export const DOCUMENT_PARTS: ReadonlySet<string> = new Set([
  'summary',
  'abstract',
  'introduction',
  'overview',
  'motivation',
  'background',
  'context',
  'synopsis',
  'description',
  'preface',
  'tl dr',
  'tldr',
  // (A heading over the document's fields: `# **Meta**`, `# Metadata`.)
  'meta',
  'metadata',
  'details',
  'info',
  'information',
  'properties',
]);

/**
 * A quote that is a bare value of a word or two, no sentence and no blank to fill (`> incubating`,
 * `> Stage 3`): a stage or a label set above the text, never its summary.
 */
export function bareValue(text: string): boolean {
  const t = text.trim();
  return t !== '' && (t.match(/\S+/g) ?? []).length <= 2 && !/[.!?]$/.test(t) && !/[[<{(]/.test(t);
}

/**
 * A quote that holds only fields, one to a line (`> Version: 0.3`, `> Status: Draft`, `> Authors: …`):
 * the document's header set as a quote, never its summary.
 */
export function fieldsQuote(block: Block | undefined): boolean {
  if (block?.kind !== 'blockquote') return false;
  const lines: string[] = [];
  for (const inner of block.blocks) {
    if (inner.kind !== 'paragraph') return false;
    lines.push(...inner.text.split('\n').filter((l) => l.trim() !== ''));
  }
  return lines.length >= 2 && lines.every((l) => /^\s*[*_]{0,2}\p{L}[\p{L}\p{N} ()/-]{0,30}?[*_]{0,2}\s*:[*_]{0,2}\s+\S/u.test(l));
}
