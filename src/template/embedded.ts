import type { Token } from 'markdown-it';
import { markdownParser } from '../markdown/parser.js';

/**
 * A template kept inside a document about it: the page explains how to write
 * a proposal and gives the template itself in a ```markdown block to copy
 * (often twice: with instructions, then blank). The block is the template,
 * not the page's own headings (`## Examples`, `## Blank template`).
 *
 * The block is taken when it is a top-level fence marked `markdown` or `md`
 * whose text has two or more headings, more than the page has outside its
 * code blocks; of several, the one with the most headings, then the most text
 * (the copy with instructions, whose guidance tells the author what to
 * write). A template whose own sections merely show a Markdown sample stays
 * as it is: it has more headings of its own.
 *
 * Returns the page's text with every line outside the block's text blanked,
 * so the template's lines keep their numbers in the file (a block that opens
 * with front matter is returned alone: front matter opens a file); or
 * undefined when the page holds no such block.
 */
export function embeddedTemplate(text: string): { text: string; line: number } | undefined {
  const marked = /^ {0,3}(`{3,}|~{3,})\s*(markdown|md)\b/im.test(text);
  // (Or a fence with no language right under a heading that only says the template follows, `##
  // Template`, then the block: what the page gives to copy.)
  const underHeading = !marked && TEMPLATE_HEADING_LINE.test(text) && /^ {0,3}(`{3,}|~{3,})[ \t]*(?:te?xt)?[ \t]*$/im.test(text);
  if (!marked && !underHeading) return templateSection(text);
  const tokens = markdownParser().parse(text, {});
  const own = tokens.filter((t) => t.type === 'heading_open').length;
  let best: { token: Token; headings: number } | undefined;
  for (const [i, token] of tokens.entries()) {
    if (token.type !== 'fence' || token.level !== 0 || !token.map) continue;
    const lang = token.info.trim().split(/\s+/)[0]?.toLowerCase();
    const bare = (lang === undefined || lang === '' || lang === 'text' || lang === 'txt') && TEMPLATE_HEADING.test(headingBefore(tokens, i) ?? '');
    if (lang !== 'markdown' && lang !== 'md' && !bare) continue;
    const headings = markdownParser()
      .parse(token.content, {})
      .filter((t) => t.type === 'heading_open').length;
    // (A block under a heading that says it is the template needs no more headings than the page: three.)
    if (bare ? headings < 3 : headings < 2 || headings <= own) continue;
    if (!best || headings > best.headings || (headings === best.headings && token.content.length > best.token.content.length)) best = { token, headings };
  }
  if (!best) return undefined;
  // The block's text starts on the line after its opening fence. Front matter must open the text,
  // so a block that starts with it is taken as it is (its lines then count from the block).
  const first = best.token.map![0] + 1;
  if (/^---[ \t]*\r?\n/.test(best.token.content)) return { text: best.token.content, line: first + 1 };
  return { text: '\n'.repeat(first) + best.token.content, line: first + 1 };
}

/** The text of the heading right before a block (nothing between them but a paragraph that leads into it), if one. */
function headingBefore(tokens: readonly Token[], at: number): string | undefined {
  const lead = tokens[at - 1]?.type === 'paragraph_close' && tokens[at - 3]?.type === 'paragraph_open' ? 3 : 0;
  const end = at - lead;
  return end >= 3 && tokens[end - 1]?.type === 'heading_close' && tokens[end - 3]?.type === 'heading_open' ? tokens[end - 2]?.content.trim() : undefined;
}

/** A heading that only says the template follows: `Template:`, `Proposal template`, `The template`. */
const TEMPLATE_HEADING = /^(?:(?:the|our|a|an|proposal|rfc|design|doc|document|enhancement|runbook|pattern|page|record|adr|blank|empty)\s+){0,2}template\s*:?$/i;
/** A line of a page that is such a heading, at any level (a cheap look before the page is parsed). */
export const TEMPLATE_HEADING_LINE = /^ {0,3}#{1,6}[ \t]+(?:\w+[ \t]+){0,2}template[ \t]*:?[ \t]*$/im;

/** Headings the template after it must have (its title and a section, or two sections). */
const SECTION_TEMPLATE_MIN = 2;

/**
 * The other way a page keeps the template it explains: everything after a
 * heading that only says "Template:", the template's own title heading right
 * under it (`## Template:` then `## Your Proposal Title`, `## Why`, `## Goals`
 * to the end of the page). Returned as `embeddedTemplate` returns a block:
 * the page's lines above blanked, so the template's keep their numbers.
 */
function templateSection(text: string): { text: string; line: number } | undefined {
  if (!/template/i.test(text)) return undefined;
  const tokens = markdownParser().parse(text, {});
  const headings = tokens.flatMap((t, i) =>
    t.type === 'heading_open' && t.level === 0 && t.map ? [{ at: i, line: t.map[0], rank: Number(t.tag.slice(1)), text: tokens[i + 1]?.content.trim() ?? '' }] : [],
  );
  for (const [k, h] of headings.entries()) {
    // (Its title heading next, nothing of the page's in between; and the sections after it.)
    const next = headings[k + 1];
    if (!TEMPLATE_HEADING.test(h.text) || !next || next.at !== h.at + 3 || headings.length - k - 1 < SECTION_TEMPLATE_MIN) continue;
    // (Not the file's own title over its sections, `# ADR Template` then `## Context`: the file is the
    // template, titled with its sample title; what follows is its sections, not a template it keeps.)
    if (next.rank > h.rank) continue;
    const lines = text.split('\n');
    return { text: '\n'.repeat(next.line) + lines.slice(next.line).join('\n'), line: next.line + 1 };
  }
  return undefined;
}
