import type { Block, MarkdownDocument } from '../markdown/types.js';
import { frontMatterValue } from '../markdown/front-matter.js';

/**
 * Front matter keys that say where a page went (the redirect plugins of
 * Jekyll, Hugo and MkDocs, DocFX's `redirect_url`, and catalogs' own `moved_to`).
 */
const REDIRECT_KEYS = ['redirect_to', 'redirect-to', 'redirectTo', 'redirect_url', 'redirect-url', 'redirectUrl', 'moved_to', 'moved-to', 'movedTo'];
/** Words a stub uses to say its content is elsewhere now. */
const MOVED_WORDS =
  /\b(?:moved|renamed|relocated|migrated|superseded by|replaced by|now (?:lives|kept|maintained) (?:at|in)|can now be found|for (?:the )?(?:up[- ]to[- ]date|latest|current) (?:information|guidance|advice|version),? (?:see|visit|go to|read))\b|\breplaced (?:the |this )?[^.]{0,60}?\b(?:pattern|page|component|guidance|document|proposal|rfc|spec|specification|record)\b['"’”]?\s+with\b/i;
/** A stub says where the content went in a sentence or two; more prose is a document of its own. */
const MAX_STUB_WORDS = 60;
/** …and its file, front matter included, is no longer than this. */
const MAX_STUB_BYTES = 2048;

/**
 * Where a redirect stub points: a file left where a pattern used to be that only
 * says the pattern moved (`This file was moved to https://…`, or a front matter
 * `redirect_to:`), with no section of its own. Such a file is no pattern to judge
 * against the template and no page to list: the site sends its readers on, lint
 * checks its link. Undefined for every other file.
 */
export function movedTarget(doc: MarkdownDocument, frontMatter: Record<string, unknown>): string | undefined {
  for (const key of REDIRECT_KEYS) {
    const value = frontMatterValue(frontMatter, key);
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim()) return first.trim();
  }
  // A stub is a few lines: a longer file, or one with sections, is a document of its own.
  if (doc.sections.length > 0 || doc.source.length > MAX_STUB_BYTES) return undefined;
  let words = 0;
  let text = '';
  for (const block of doc.preamble) {
    const own = prose(block);
    if (own === undefined) return undefined;
    words += own.split(/\s+/).filter(Boolean).length;
    if (words > MAX_STUB_WORDS) return undefined;
    text += ` ${own}`;
  }
  if (words === 0 || words > MAX_STUB_WORDS || !(MOVED_WORDS.test(text) || sendsOn(`${doc.title?.text ?? ''} ${text}`))) return undefined;
  const link = doc.links.find((l) => !l.url.startsWith('#'));
  return link?.url;
}

/** `DEPRECATED: … Please visit the [X](x.md) instead.`: a page retired in favour of another is a stub too. */
function sendsOn(text: string): boolean {
  return /\b(?:deprecated|retired|obsolete)\b/i.test(text) && /\bplease (?:visit|see|use|read|refer to)\b|\b(?:visit|see|use|read)\b[^.]*\binstead\b/i.test(text);
}

/** A block's words when it is prose (a comment has none); undefined for anything a stub does not hold (code, tables, lists). */
function prose(block: Block): string | undefined {
  if (block.kind === 'paragraph' || block.kind === 'blockquote') return block.text;
  if (block.kind === 'html') return /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(block.html) ? '' : block.html.replace(/<[^>]*>/g, ' ');
  if (block.kind === 'hr') return '';
  return undefined;
}
