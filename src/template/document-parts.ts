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
