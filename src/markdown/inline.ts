import type { Token } from 'markdown-it';

/** Plain text of an inline token's children: markup dropped, code and image alt text kept. */
export function inlineText(children: readonly Token[] | null, struck = true): string {
  if (!children) return '';
  let out = '';
  let striking = 0;
  for (const child of children) {
    // (Without the words struck out, where asked: `~~Open issues~~ Resolved issues` is named `Resolved issues`.)
    if (!struck && (child.type === 's_open' || child.type === 's_close')) {
      striking += child.type === 's_open' ? 1 : -1;
      continue;
    }
    if (striking > 0) continue;
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
        out += inlineText(child.children, struck);
        break;
      case 'html_inline':
        // (A "tag" that names no HTML element and sets nothing is words in angle brackets, a
        // fill-in the author meant to be read: `# Proposal: <Short Name>`, not markup.)
        if (isWordsInBrackets(child.content)) out += child.content;
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

/** HTML elements: `<details>`, `<img src="…">` are markup, `<name of the service>` a placeholder. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed ' +
    'fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript ' +
    'object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select slot small source span strike strong style sub summary sup svg table ' +
    'tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);
const BOOLEAN_ATTRIBUTES = new Set(
  'allowfullscreen async autoplay checked controls default defer disabled hidden loop multiple muted novalidate open readonly required reversed selected'.split(' '),
);

/** `<details open>`, `<img src="a.png" alt="x">`, `<br/>`: markup. `<A brief description>`: a placeholder. */
export function isHtmlTag(inner: string): boolean {
  const [name, ...rest] = inner
    .replace(/"[^"]*"|'[^']*'/g, '""')
    .replace(/\/$/, '')
    .trim()
    .split(/\s+/);
  if (!name || !HTML_ELEMENTS.has(name.toLowerCase())) return false;
  return rest.every((w) => w.includes('=') || w === '/' || BOOLEAN_ATTRIBUTES.has(w.toLowerCase()));
}

/** `<Short Name>`, `<service>`: angle brackets around words that are no HTML element and set no attribute. */
function isWordsInBrackets(tag: string): boolean {
  const m = /^<([^<>/=!?][^<>=/]*)>$/.exec(tag);
  return m !== null && !isHtmlTag(m[1]!);
}

/** The entities HTML fragments in Markdown commonly hold, read as the characters they stand for (`&amp;` last). */
export function decodeCommonEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/**
 * A line that is a Hugo figure (`{{< figure src="flow.png" alt="The flow" >}}`): its image's
 * address, and its `alt` (its `caption` when it has none). Read by the document (an image of the
 * page) and the site (shown as one).
 */
export function figureShortcode(line: string): { src: string; alt: string } | undefined {
  const figure = /^\s*\{\{[<%]-?\s*figure\s+([^\n]*?)\s*-?[%>]\}\}\s*$/.exec(line)?.[1];
  const src = figure === undefined ? undefined : /(?:^|\s)src\s*=\s*"([^"\n]+)"/.exec(figure)?.[1];
  if (!figure || !src) return undefined;
  return { src, alt: /(?:^|\s)alt\s*=\s*"([^"\n]*)"/.exec(figure)?.[1] ?? /(?:^|\s)caption\s*=\s*"([^"\n]*)"/.exec(figure)?.[1] ?? '' };
}
