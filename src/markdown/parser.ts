import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, Token } from 'markdown-it';

/**
 * One markdown-it instance for the whole process: CommonMark plus the GFM
 * pieces markdown-it has built in (tables, strikethrough) and bare-URL
 * autolinks. Task-list items are recognised by the document builder. Raw HTML
 * is parsed (to be reported and sanitised later), never trusted.
 */
let shared: Parser | undefined;

export function markdownParser(): Parser {
  if (!shared) {
    shared = new MarkdownIt('default', { html: true, linkify: true });
    // The model keeps destinations as written: checks resolve them as files or URLs, and
    // the default normalisation (percent-encoding, punycode for host names) costs a tenth
    // of the parse. Renderers encode and sanitise on output instead.
    shared.normalizeLink = (url) => url;
    shared.normalizeLinkText = (text) => text;
  }
  return shared;
}

export function tokenize(source: string): Token[] {
  return markdownParser().parse(source, {});
}
