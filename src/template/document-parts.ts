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
