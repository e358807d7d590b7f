import { parseMarkdown } from './document.js';
import type { Heading } from './types.js';

/**
 * A table of contents a tool keeps between two comments (`<!-- toc -->` … `<!-- /toc -->`,
 * doctoc's `<!-- START doctoc -->` … `<!-- END doctoc -->`, `<!-- TOC -->` … `<!-- /TOC -->`):
 * a list of links to the file's headings, which a catalog's checks may compare with them.
 */
const MARKERS: [RegExp, RegExp][] = [
  [/<!--\s*toc\s*-->/i, /<!--\s*\/toc\s*-->/i],
  [/<!--\s*start doctoc\b[^>]*-->/i, /<!--\s*end doctoc\b[^>]*-->/i],
  [/<!--\s*toc\b[^>]*-->/i, /<!--\s*\/toc\s*-->/i],
];

/** How a table of contents is written, as far as it can be told from one. */
interface TocStyle {
  bullet: string;
  indent: number;
  minLevel: number;
  maxLevel: number;
  /** Only the headings after the table (not a `## Table of Contents` above it). */
  afterOnly: boolean;
  /** The link text: the heading's Markdown as written, with its code spans and emphasis as HTML (`<code>…</code>`, `<em>…</em>`), or its plain text. */
  text: 'raw' | 'html' | 'plain';
  /** The anchors: the ids git hosts give, or the ones mdtoc writes (see `toolId`). */
  ids: 'host' | 'tool';
}

/**
 * The text after fixes with its table of contents brought up to date: where the text before them had
 * one that listed its headings exactly as a tool writes it (a style read from the table itself), the
 * same table is written for the headings after them. A table written otherwise (by hand, out of date
 * already) is left as it is, as is everything else.
 */
export function tocInSync(before: string, after: string): string {
  // (Offsets are read on `\n` lines: a file of `\r\n` ones is left as it is.)
  if (before.includes('\r')) return after;
  const old = tocRegion(before);
  const now = tocRegion(after);
  const was = old && listIn(old.inner);
  const is = now && listIn(now.inner);
  if (!was || !is) return after;
  const beforeHeadings = headingsOf(before);
  const afterHeadings = headingsOf(after);
  if (!beforeHeadings || !afterHeadings) return after;
  const found = styleOf(was.items, beforeHeadings, old.end);
  if (!found) return after;
  // (Tools indent from the shallowest heading they list, not from a level: a table of `# Summary`,
  // `## Goals` written again after every heading moved a level down lists `## Summary` at no indent.)
  const shallowest = (headings: readonly Heading[], end: number, style: TocStyle) =>
    Math.min(...headings.filter((h) => h.level >= style.minLevel && h.level <= style.maxLevel && (!style.afterOnly || h.range.start.offset >= end)).map((h) => h.level));
  const wide = { ...found, minLevel: 1, maxLevel: 6 };
  const shift = found.minLevel === shallowest(beforeHeadings, old.end, found) ? shallowest(afterHeadings, now.end, wide) - shallowest(beforeHeadings, old.end, wide) : 0;
  const style = Number.isFinite(shift) && shift !== 0 ? { ...found, minLevel: found.minLevel + shift, maxLevel: Math.min(6, found.maxLevel + shift) } : found;
  const written = tocLines(afterHeadings, style, now.end);
  if (written.length === 0) return after;
  // (The lines around the list — a blank line, a bold `Table of Contents` — stay as they are.)
  const inner = [...is.lines.slice(0, is.first), ...written, ...is.lines.slice(is.first + is.items.length)].join('\n');
  return after.slice(0, now.start) + inner + after.slice(now.start + now.inner.length);
}

/** The table's lines, and its list of links among them: the first run of `- [text](#id)` lines. */
function listIn(inner: string): { lines: string[]; first: number; items: string[] } | undefined {
  const lines = inner.split('\n');
  const item = (l: string | undefined) => l !== undefined && /^\s*[-*+] \[/.test(l);
  const first = lines.findIndex(item);
  if (first < 0) return undefined;
  let last = first;
  while (item(lines[last + 1])) last++;
  return { lines, first, items: lines.slice(first, last + 1) };
}

/** Whether an offset of the text is inside the table of contents a tool keeps between its comments. */
export function inToc(text: string, offset: number): boolean {
  const region = text.includes('<!--') ? tocRegion(text) : undefined;
  return region !== undefined && offset >= region.start && offset < region.end;
}

/**
 * A heading's id as tools that keep such a table write it where git hosts do otherwise: code spans
 * dropped, and every character beyond ASCII (`### Limits of the \`Sort\` plugin` → `limits-of-the--plugin`,
 * `## ⚠️ Preemption` → `-preemption`).
 */
function toolId(raw: string): string {
  return raw
    .replace(/(`+)[^`]*?\1/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/** Each heading's id as such a tool writes it (see `toolId`), a repeated one numbered as it numbers them (`-1`), over every heading of the file. */
export function toolIds(headings: readonly Heading[]): Map<Heading, string> {
  const seen = new Map<string, number>();
  const out = new Map<Heading, string>();
  for (const h of headings) {
    const id = toolId(h.raw);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    out.set(h, n === 0 ? id : `${id}-${n}`);
  }
  return out;
}

function tocRegion(text: string): { start: number; inner: string; end: number } | undefined {
  for (const [open, close] of MARKERS) {
    const o = open.exec(text);
    if (!o) continue;
    const start = o.index + o[0].length;
    const c = close.exec(text.slice(start));
    if (!c) continue;
    return { start, inner: text.slice(start, start + c.index), end: start + c.index };
  }
  return undefined;
}

function headingsOf(text: string): Heading[] | undefined {
  const parsed = parseMarkdown(text);
  return parsed.ok ? parsed.document.headings : undefined;
}

/** The style that writes these lines for these headings exactly, if one does. */
function styleOf(listed: string[], headings: readonly Heading[], tocEnd: number): TocStyle | undefined {
  const bullet = /^\s*([-*+])/.exec(listed[0]!)![1]!;
  const nested = listed.map((l) => /^ */.exec(l)![0].length).filter((n) => n > 0);
  const indent = nested.length > 0 ? Math.min(...nested) : 2;
  for (const ids of ['host', 'tool'] as const) {
    for (const afterOnly of [true, false]) {
      for (const text of ['raw', 'html', 'plain'] as const) {
        for (let minLevel = 1; minLevel <= 3; minLevel++) {
          // (The deepest level that gives the same list: a table that lists every heading of the file
          // lists one a fix moves a level down, `#####` under a `####`, as its tool would.)
          for (let maxLevel = 6; maxLevel >= minLevel; maxLevel--) {
            const style = { bullet, indent, minLevel, maxLevel, afterOnly, text, ids };
            const lines = tocLines(headings, style, tocEnd);
            if (lines.length === listed.length && lines.every((l, k) => l === listed[k]!.trimEnd())) return style;
          }
        }
      }
    }
  }
  return undefined;
}

function tocLines(headings: readonly Heading[], style: TocStyle, tocEnd: number): string[] {
  const tool = style.ids === 'tool' ? toolIds(headings) : undefined;
  return headings
    .filter((h) => h.level >= style.minLevel && h.level <= style.maxLevel && (!style.afterOnly || h.range.start.offset >= tocEnd))
    .map((h) => `${' '.repeat(style.indent * (h.level - style.minLevel))}${style.bullet} [${linkText(h, style.text)}](#${tool?.get(h) ?? h.id})`);
}

function linkText(h: Heading, text: TocStyle['text']): string {
  if (text === 'plain') return h.text.trim();
  const raw = h.raw.trim();
  if (text === 'raw') return raw;
  return raw
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '<strong>$2</strong>')
    .replace(/(?<![\p{L}\p{N}])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}])/gu, '<em>$2</em>');
}
