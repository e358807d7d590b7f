import type { MarkdownDocument } from '../markdown/types.js';
import { foldHeading } from '../template/normalize.js';

/**
 * Whether a document opens with an H1 that repeats its title kept elsewhere (`title: Lazy loading` in
 * front matter over `# Lazy loading`): the title shown to readers of the source, as on GitHub, not a
 * second title nor a section.
 */
export function opensWithTitle(doc: MarkdownDocument, title: string): boolean {
  const first = doc.headings[0];
  // (Or with the site generator's markup that shows it, `# {{ page.title }}`.)
  return first !== undefined && first.level === 1 && first === doc.title && (foldHeading(first.text) === foldHeading(title) || GENERATED_TITLE.test(first.text));
}

/** A heading that is only the site generator's markup for the page's title (`{{ page.title }}`, Jekyll's and Hugo's `{{ .Title }}`). */
export const GENERATED_TITLE = /^\s*\{\{-?\s*(?:page\.title|\.Title|\$page\.title|title)\s*(?:\|[^{}]*)?-?\}\}\s*$/;
