import sanitizeHtml from 'sanitize-html';

/**
 * Everything a pattern contributes to a page passes this allow-list: the
 * Markdown's own output and any raw HTML in it. No scripts, event handlers,
 * styles, forms, frames, `<base>` or `<meta>`; links and images keep only
 * http(s), mailto and relative URLs (no `javascript:`, `data:` or
 * `vbscript:`, however they are encoded); ids only on headings, classes only
 * the renderer's own.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var',
    'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'cite', 'q', 'dfn', 'time',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
    'a', 'img', 'figure', 'figcaption', 'details', 'summary', 'span', 'div', 'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class', 'rel', 'data-missing'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
    code: ['class'], pre: ['class'], span: ['class'], div: ['class'],
    th: ['align', 'colspan', 'rowspan'], td: ['align', 'colspan', 'rowspan'],
    ol: ['start', 'reversed'], li: ['value'],
    abbr: ['title'], time: ['datetime'], details: ['open'],
    // Task-list check boxes only, disabled below.
    input: ['type', 'checked', 'disabled'],
  },
  allowedClasses: {
    code: [/^language-[\w-]+$/],
    pre: ['mermaid', 'code'],
    // highlight.js: `hljs-keyword`, `hljs-title function_`.
    span: ['missing', /^hljs-[\w-]+$/, /^[a-z]+_+$/],
    a: ['missing', 'pattern-link', 'external'],
    div: ['table-wrap'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text of dropped elements stays, except where it is code or style that must never show as page text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'iframe', 'object', 'embed', 'svg', 'math'],
  transformTags: {
    input: (_tag, attribs) =>
      attribs.type === 'checkbox'
        ? { tagName: 'input', attribs: { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}) } }
        : { tagName: 'span', attribs: {} },
  },
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
