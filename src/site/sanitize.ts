import sanitizeHtml from 'sanitize-html';
import { RASTER_DATA } from './raster-data.js';

/**
 * Everything a pattern contributes to a page passes this allow-list: the
 * Markdown's own output and any raw HTML in it. No scripts, event handlers,
 * styles, forms, frames (a frame's page is linked instead), `<base>` or `<meta>`; links and images keep only
 * http(s), mailto and relative URLs (no `javascript:`, `data:` or
 * `vbscript:`, however they are encoded; an image's picture as base64 data); ids only on headings, classes only
 * the renderer's own.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'kbd',
    'samp',
    'var',
    'em',
    'strong',
    'b',
    'i',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'abbr',
    'cite',
    'q',
    'dfn',
    'time',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'colgroup',
    'col',
    'a',
    'img',
    'figure',
    'figcaption',
    'details',
    'summary',
    'span',
    'div',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'class', 'rel', 'data-missing', 'id'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    code: ['class'],
    pre: ['class'],
    span: ['class'],
    div: ['class'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start', 'reversed'],
    li: ['value'],
    abbr: ['title'],
    time: ['datetime'],
    details: ['open'],
    // Task-list check boxes only, disabled below.
    input: ['type', 'checked', 'disabled'],
  },
  allowedClasses: {
    code: [/^language-[\w-]+$/],
    pre: ['code'],
    // highlight.js: `hljs-keyword`, `hljs-title function_`.
    span: ['missing', /^hljs-[\w-]+$/, /^[a-z]+_+$/],
    a: ['missing', 'pattern-link', 'external', 'embed'],
    div: ['table-wrap', 'admonition', /^admonition-[a-z]+$/],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // (And an image's picture embedded as base64 data, PNG, JPEG, GIF, WebP or AVIF only: see `img` below.)
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text of dropped elements stays, except where it is code or style that must never show as page text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'iframe', 'object', 'embed', 'svg', 'math'],
  transformTags: {
    // An author's anchor (`<a id="details"></a>`, `<a name="details">`) is a place links lead to, as on
    // GitHub: kept as an id of plain characters.
    a: (_tag, attribs) => {
      const { name, id, ...rest } = attribs;
      const anchor = (id ?? name ?? '').trim();
      return { tagName: 'a', attribs: { ...rest, ...(/^[\p{L}\p{N}_.:-]{1,100}$/u.test(anchor) ? { id: anchor } : {}) } };
    },
    img: (_tag, attribs) => {
      const src = attribs.src;
      if (src === undefined || !/^\s*data:/i.test(src) || RASTER_DATA.test(src.trim())) return { tagName: 'img', attribs };
      const { src: _dropped, ...rest } = attribs;
      return { tagName: 'img', attribs: rest };
    },
    input: (_tag, attribs) =>
      attribs.type === 'checkbox'
        ? { tagName: 'input', attribs: { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined ? { checked: '' } : {}) } }
        : { tagName: 'span', attribs: {} },
  },
};

export function sanitize(html: string): string {
  return sanitizeHtml(/<iframe/i.test(html) ? framesAsLinks(html) : html, OPTIONS);
}

/**
 * A frame (`<iframe src="https://docs.google.com/…/preview">`, a document or video embedded) runs
 * another site's page inside this one: never shown, but its `http(s)` page is linked where it was, so
 * the reader loses nothing. What a frame holds, up to its end tag or the end of the text as a
 * browser reads an unclosed one, is no text of the page; a frame of another scheme goes whole, as
 * before. (A frame inside an HTML comment stays in the comment, which the sanitizer drops.) The link
 * passes the sanitizer's checks like any other.
 */
function framesAsLinks(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)|<iframe\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?(?:<\/iframe\s*>|$)/gi, (whole, attributes: string | undefined) => {
    if (attributes === undefined) return whole;
    const src = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
    const url = (src?.[1] ?? src?.[2] ?? src?.[3] ?? '').trim().replace(/&amp;/g, '&');
    let host: string | undefined;
    try {
      host = /^https?:\/\//i.test(url) ? new URL(url).host : undefined;
    } catch {
      host = undefined;
    }
    const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return host ? `<a href="${attr(url)}" class="embed" rel="noopener noreferrer">Embedded page (${attr(host)})</a>` : '';
  });
}

/*
 * Diagrams drawn at build time are SVG that a library wrote from the author's
 * diagram text, shown inline (themed by the page's colours, text selectable,
 * read by screen readers). They are treated as untrusted: only the shapes and
 * text a diagram is made of pass, with attribute values checked against what
 * such attributes hold — numbers, path data, colours, `var(--x)`, and
 * references inside the diagram (`url(#id)`). No script, `<style>`,
 * `<foreignObject>`, links, `<use>`, `<image>`, animation, event handler,
 * `style` attribute or outside URL survives; every text is escaped again.
 */
const SVG_SHAPES = ['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'];
const SVG_TAGS = ['svg', 'g', 'defs', 'marker', 'text', 'tspan', ...SVG_SHAPES];

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?(?:px|%)?$/i;
const NUMBER_LIST = /^[-+\d.,\seE]*$/;
const PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz\d\s.,eE+-]*$/;
const TRANSFORM = /^(?:\s*(?:translate|scale|rotate|matrix|skewX|skewY)\(\s*[-+\d.,\seE]*\)\s*,?)*$/;
const PAINT = /^(?:none|transparent|currentColor|#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgba?|hsla?)\([\d.,%\s]+\)|var\(--[\w-]+\)|url\(#[\w-]+\))$/i;
const KEYWORD = /^[a-z][a-z-]{0,30}$/i;
const ID = /^[A-Za-z_][\w-]{0,63}$/;

type Check = RegExp | ((value: string) => boolean);
const SVG_ATTRIBUTES: Record<string, Check> = {
  id: ID,
  class: /^[\w -]{1,120}$/,
  viewBox: NUMBER_LIST,
  points: NUMBER_LIST,
  'stroke-dasharray': NUMBER_LIST,
  d: PATH_DATA,
  transform: TRANSFORM,
  fill: PAINT,
  stroke: PAINT,
  'marker-start': /^url\(#[\w-]+\)$/,
  'marker-mid': /^url\(#[\w-]+\)$/,
  'marker-end': /^url\(#[\w-]+\)$/,
  orient: (v) => KEYWORD.test(v) || NUMBER.test(v),
  'font-weight': (v) => KEYWORD.test(v) || /^\d{3}$/.test(v),
  'font-style': KEYWORD,
  'text-anchor': KEYWORD,
  'dominant-baseline': KEYWORD,
  'stroke-linejoin': KEYWORD,
  'stroke-linecap': KEYWORD,
  ...Object.fromEntries(
    [
      'x',
      'y',
      'x1',
      'y1',
      'x2',
      'y2',
      'cx',
      'cy',
      'r',
      'rx',
      'ry',
      'dx',
      'dy',
      'width',
      'height',
      'refX',
      'refY',
      'markerWidth',
      'markerHeight',
      'font-size',
      'stroke-width',
      'opacity',
      'fill-opacity',
      'stroke-opacity',
    ].map((name) => [name, NUMBER]),
  ),
};

function allowedSvgValue(name: string, value: string): boolean {
  const check = SVG_ATTRIBUTES[name];
  if (!check) return false;
  return typeof check === 'function' ? check(value) : check.test(value);
}

/** Coordinates to two decimals (`130.25849999999997` → `130.25`): a diagram's SVG is a third smaller, the picture the same. */
const shorter = (value: string) => value.replace(/(\.\d\d)\d+/g, '$1');

function svgOptions(idPrefix: string): sanitizeHtml.IOptions {
  const prefixRefs = (value: string) => value.replace(/url\(#([\w-]+)\)/g, `url(#${idPrefix}$1)`);
  return {
    allowedTags: SVG_TAGS,
    allowedAttributes: { '*': Object.keys(SVG_ATTRIBUTES), svg: [...Object.keys(SVG_ATTRIBUTES), 'xmlns'] },
    allowedSchemes: [],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Attribute names keep their case (`viewBox`, `refX`); `<rect/>` is read as the empty element it is in SVG.
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
    selfClosing: SVG_SHAPES,
    nonTextTags: ['script', 'style', 'title', 'desc', 'foreignobject', 'textarea', 'noscript', 'iframe', 'template', 'a', 'use', 'image', 'animate', 'set', 'metadata'],
    transformTags: {
      '*': (tagName, attribs) => {
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(attribs)) {
          if (name === 'xmlns' && tagName === 'svg' && value === 'http://www.w3.org/2000/svg') kept[name] = value;
          else if (allowedSvgValue(name, value.trim())) kept[name] = name === 'id' ? idPrefix + value.trim() : prefixRefs(shorter(value.trim()));
        }
        return { tagName, attribs: kept };
      },
    },
  };
}

/**
 * The SVG of a diagram, through the allow-list above. `idPrefix` makes its ids
 * (arrow markers) its own on a page that shows several diagrams; references to
 * them follow.
 */
export function sanitizeSvg(svg: string, idPrefix = ''): string {
  if (idPrefix && !/^[A-Za-z][\w-]*$/.test(idPrefix)) throw new Error(`sanitizeSvg: bad id prefix ${JSON.stringify(idPrefix)}`);
  return sanitizeHtml(svg, svgOptions(idPrefix));
}
