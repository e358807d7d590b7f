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

/**
 * Text that is said beside the document rather than what it is about: a
 * notice (`**Note**: this predates…`, `> [!WARNING]`, `IMPORTANT: replaced
 * by…`), a site generator's markup alone (`{{% alert %}}`, `{% include … %}`),
 * or the conventions of requirement words (RFC 2119's "MUST", "SHOULD"): never
 * a summary.
 */
export function saidAside(text: string): boolean {
  const trimmed = text.trim();
  return (
    // (A label with a note of its own, `**Status (process change, 2025):**`, is one too.)
    /^(?:\[!\w+\]|[*_]{0,2}(?:note|notice|nb|warning|caution|important|attention|disclaimer|deprecated|update|edit|status)(?:\s*\([^()\n]{1,60}\))?[*_]{0,2}\s*[:!])/i.test(
      trimmed,
    ) ||
    // (So is a note named for its kind or its writer, `**Graduation note:**`, `Editor's note:`, `Authors' Note:`.)
    /^[*_]{0,2}(?:[\p{L}'’-]+\s+){1,2}(?:note|notice)[*_]{0,2}\s*:/iu.test(trimmed) ||
    /^(?:\{\{[%<][\s\S]*?[%>]\}\}\s*|\{%[\s\S]*?%\}\s*)+$/.test(trimmed) ||
    // (A MkDocs note box, `!!! note "Work in progress"`, `??? warning`: an aside the site sets apart.)
    /^(?:!!!|\?\?\?\+?)\s*[\w-]+/.test(trimmed) ||
    /\b(?:RFC ?2119|BCP ?14|RFC ?8174)\b/.test(trimmed) ||
    aboutTheDocument(trimmed)
  );
}

/**
 * A line about the document rather than its subject, as proposals set one
 * above their text: where to discuss it (`Join the discussion on GitHub`,
 * `Comment on this proposal in the forum: …`, `If you want to give feedback,
 * file an issue.`), that it is a draft (`This is a draft proposal, not the
 * final specification.`), who wrote it (`This proposal was written by …`).
 * Every document of such a catalog has the same one: as a summary it says
 * nothing of the document, and makes two documents look like copies.
 */
function aboutTheDocument(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  // (Where to discuss it: an invitation, short, that names a place — a link, a forum, an issue — or the document.)
  const place =
    /https?:\/\/|\b(?:forum|thread|issues?|discussions?|github|gitlab|discourse|mailing list|slack|discord|zulip|here|below)\b|\bthis (?:proposal|document|rfc|page|spec|specification|design|draft|enhancement)\b/i;
  const invitation =
    /^(?:please\s+)?(?:join|leave|give|send|share|post|add|provide|submit|open|file)\b.{0,60}?\b(?:discussions?|feedback|comments?|thoughts|questions)\b/i.test(text) ||
    /^(?:comments?|feedback|discussions?|questions)(?:\s+(?:and|&)\s+(?:comments?|feedback|discussions?|questions))?\s*(?:[:(]|(?:on|about|for|welcome|here|in|at|via|is|are|should|can|goes)\b)/i.test(
      text,
    ) ||
    /^(?:to |for )?(?:discuss|comment on)\b/i.test(text) ||
    /^for (?:discussion|feedback|comments|questions)\b/i.test(text) ||
    /^if you (?:want|would like|wish|have|'d like|’d like)\b.{0,40}?\b(?:feedback|comments?|questions|discuss)/i.test(text);
  if (invitation && words <= 30 && place.test(text)) return true;
  // (That it is a draft: `This is a draft …`, `This RFC is a work in progress`, or a proposal said to be
  // not final — not `This is a proposal to …`, nor `This draft proposal describes …`, which say what it is.)
  if (/^this (?:(?:document|proposal|page|rfc|spec|specification|design) )?is (?:still )?(?:an? |the )?(?:[\p{L}-]+ ){0,2}?(?:draft|work in progress|wip)\b/iu.test(text))
    return true;
  if (/^this is (?:an? |the )?(?:[\p{L}-]+ ){0,2}?proposal\b.{0,80}?\b(?:not (?:the |a |yet )?final|for discussion|subject to change|likely to change)/iu.test(text))
    return true;
  // (What it is not, a notice every document of the catalog carries: `For orientation only. Not legal
  // advice.`, `Not financial advice.`, `For illustration purposes only.`)
  if (words <= 30 && DISCLAIMER.test(text)) return true;
  // (Where it was carried out, a line of its record: `Done in ticket #42.`, `Implemented by issue #1309`,
  // `Shipped with release 3.1`.)
  if (words <= 20 && CARRIED_OUT.test(text.replace(/^[*_\s]+/, ''))) return true;
  // (The credit line a contents generator writes, `Table of contents generated with markdown-toc`.)
  if (/^(?:table of contents )?generated (?:with|by) \[?markdown-toc\b|^table of contents generated with\b/i.test(text)) return true;
  // (Who wrote it.)
  return /^(?:this (?:proposal|document|rfc|page|post|spec|specification|design|doc) (?:was |is |has been )?(?:written|authored|drafted|prepared|put together) by|(?:written|authored|drafted) by)\b/i.test(
    text,
  );
}

/** A record of where a document was carried out: done, implemented, shipped… in a ticket, an issue, a pull request, a release. */
const CARRIED_OUT =
  /^(?:this (?:decision|proposal|record|change|rfc|adr|design|document) (?:was |has been |is )?)?(?:done|implemented|shipped|merged|released|landed|delivered|tracked|resolved|completed|closed|superseded)\b.{0,40}?\b(?:in|by|with|via|under|as of|through)\b.{0,40}?(?:\btickets?\b|\bissues?\b|\bprs?\b|\bpull requests?\b|\breleases?\b|\bversions?\b|\bv?\d+\.\d+|#\d+)/i;

/** A disclaimer: advice it does not give, or the purpose it serves only. */
const DISCLAIMER =
  /\bnot (?:intended as |to be (?:taken|construed) as |a substitute for )?(?:legal|financial|medical|investment|tax|professional|security) advice\b|\bfor (?:orientation|information(?:al)?|illustration|illustrative|reference|educational|discussion) (?:purposes )?only\b/i;
