import { displaySummary, displayTitle } from '../catalog/view.js';
import { facetValues } from '../catalog/facets.js';
import type { Pattern } from '../catalog/types.js';
import type { Block, Section } from '../markdown/types.js';
import { linkTargets, type LinkTarget } from './relations.js';

/**
 * A pattern's sections in file order, as the search keeps them: where each
 * one's own text is (after its heading, before its first sub-section), not
 * the text. Parallel lists rather than an object per section: at 10,000
 * patterns of some 30 sections each, objects alone would take tens of MB.
 */
export interface SectionOutline {
  headings: string[];
  /** The headings' anchors (`data-flow`). */
  ids: string[];
  levels: Uint8Array;
  /** `[start, end)` offsets of each section's own text in the file's text (byte-order mark removed), two per section. */
  spans: Uint32Array;
}

/** Heading texts from the top-level section down to section `i`. */
export function sectionPath(outline: SectionOutline, i: number): string[] {
  const path = [outline.headings[i]!];
  let level = outline.levels[i]!;
  for (let j = i - 1; j >= 0 && level > 1; j--) {
    if (outline.levels[j]! < level) {
      path.unshift(outline.headings[j]!);
      level = outline.levels[j]!;
    }
  }
  return path;
}

/**
 * What the search keeps of a pattern between questions: a few kilobytes,
 * whatever the size of the file. Its text is read again from disk when a
 * question needs it (excerpts, get_pattern): a catalog of 10,000 patterns
 * fits in memory with its index.
 */
export interface PatternRecord {
  slug: string;
  /** Absolute path of the file. */
  file: string;
  /** Relative to the catalog root, `/` separators. */
  path: string;
  title: string;
  summary?: string;
  /** Values of the catalog's facets (front matter keys such as category, tags, status), as strings. */
  facets: Record<string, string[]>;
  sections: SectionOutline;
  links: LinkTarget[];
  /** The file as it was read: a question that finds it changed re-reads it. */
  mtimeMs: number;
  size: number;
}

/** The text a pattern is indexed by, field by field, in the order of their weight. */
export interface IndexedText {
  title: string;
  summary: string;
  headings: string;
  /** The opening's prose: before the first heading (the summary aside) and the first section's own text. */
  lead: string;
  /** The rest of the prose. */
  prose: string;
}

/** The record and the indexed text of a loaded pattern (the pattern can be dropped afterwards). */
export function recordOf(
  pattern: Pattern,
  root: string,
  facets: readonly string[],
  stat: { mtimeMs: number; size: number },
): { record: PatternRecord; text: IndexedText } {
  const doc = pattern.document;
  const ids: string[] = [];
  const levels: number[] = [];
  const spans: number[] = [];
  const headings: string[] = [];
  const prose: string[] = [];
  const lead: string[] = [];
  const walk = (s: Section) => {
    ids.push(s.heading.id);
    levels.push(s.level);
    spans.push(s.heading.range.end.offset, s.children[0]?.range.start.offset ?? s.range.end.offset);
    headings.push(s.heading.text);
    for (const b of s.blocks) blockText(b, s === doc.sections[0] ? lead : prose);
    s.children.forEach(walk);
  };
  // The opening (what precedes the first heading, the summary aside, and the first section's own text) is where patterns state the problem they solve.
  for (const b of doc.preamble) if (b.kind !== 'blockquote' || pattern.summary?.from !== 'blockquote') blockText(b, lead);
  doc.sections.forEach(walk);

  const title = displayTitle(pattern);
  const record: PatternRecord = {
    slug: pattern.slug,
    file: pattern.file,
    path: pattern.path,
    title,
    ...(pattern.summary ? { summary: displaySummary(pattern.summary)! } : {}),
    facets: facetValues(pattern, facets),
    sections: { headings, ids, levels: Uint8Array.from(levels), spans: Uint32Array.from(spans) },
    links: linkTargets(pattern.links ?? doc.links, pattern.file, root),
    mtimeMs: stat.mtimeMs,
    size: stat.size,
  };
  return {
    // A copy: headings, titles and front matter values are slices of the file's text, and a
    // kept slice keeps the whole text alive (measured: every pattern's text stayed in memory).
    record: structuredClone(record),
    text: { title, summary: pattern.summary?.text ?? '', headings: headings.join('\n'), lead: lead.join('\n'), prose: prose.join('\n') },
  };
}

/** Prose of a block: paragraphs, list items, quotes and table cells; code and raw HTML are not prose. */
function blockText(b: Block, out: string[]): void {
  switch (b.kind) {
    case 'paragraph':
      out.push(b.text);
      break;
    case 'blockquote':
    case 'footnote':
      for (const inner of b.blocks) blockText(inner, out);
      break;
    case 'list':
      for (const item of b.items) {
        out.push(item.text);
        // The first paragraph is the item's text; the rest (nested lists, more paragraphs) follows.
        for (const inner of item.blocks.slice(item.blocks[0]?.kind === 'paragraph' ? 1 : 0)) blockText(inner, out);
      }
      break;
    case 'table':
      out.push(b.table.header.join(' '));
      for (const row of b.table.rows) out.push(row.cells.join(' '));
      break;
    default:
      break;
  }
}
