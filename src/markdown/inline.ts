import type { Token } from 'markdown-it';

/** Plain text of an inline token's children: markup dropped, code and image alt text kept. */
export function inlineText(children: readonly Token[] | null): string {
  if (!children) return '';
  let out = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        out += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      case 'image':
        out += inlineText(child.children);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Runs of white space as one space, trimmed. */
export function normalizeSpace(text: string): string {
  // Most text has single spaces only: skip the rewrite (and the copy) then.
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Undo markdown-it's percent-encoding of destinations so a link reads as its author wrote it. */
export function decodeDestination(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** A trailing attribute list that sets a heading's id: `{#key-decisions}`, `{: #key-decisions .note}` (kramdown, Pandoc, MkDocs). */
export const HEADING_ID = /\s*\{:?\s*#([\w-]+)(?:\s+[^{}]*)?\}\s*$/u;

/**
 * A table-of-contents directive (`[TOC]`, `[toc]`, GitLab's `[[_TOC_]]`,
 * `[[TOC]]`): a line renderers replace with the page's contents.
 */
export function isTocDirective(text: string): boolean {
  return /^\[\[?_?toc_?\]?\]$/i.test(text.trim());
}
