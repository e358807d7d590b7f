import type { Pattern } from '../catalog/types.js';
import type { Block, Section } from '../markdown/types.js';
import { linkTargets, type LinkTarget } from './relations.js';

/** A section of a pattern as the search keeps it: where it is in the file, not its text. */
export interface SectionEntry {
  heading: string;
  level: number;
  /** The heading's anchor (`#data-flow` without `#`). */
  id: string;
  /** Heading texts from the top-level section down to this one. */
  path: string[];
  /** Offsets in the file's text (byte-order mark removed): the whole section, and its own text (after the heading, before its first sub-section). */
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
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
  sections: SectionEntry[];
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

export const FACETS_DEFAULT = ['tags', 'category', 'status'];

/** The record and the indexed text of a loaded pattern (the pattern can be dropped afterwards). */
export function recordOf(pattern: Pattern, root: string, facets: readonly string[], stat: { mtimeMs: number; size: number }): { record: PatternRecord; text: IndexedText } {
  const doc = pattern.document;
  const sections: SectionEntry[] = [];
  const headings: string[] = [];
  const prose: string[] = [];
  const lead: string[] = [];
  const walk = (s: Section) => {
    sections.push({
      heading: s.heading.text,
      level: s.level,
      id: s.heading.id,
      path: [...s.path],
      start: s.range.start.offset,
      end: s.range.end.offset,
      textStart: s.heading.range.end.offset,
      textEnd: s.children[0]?.range.start.offset ?? s.range.end.offset,
    });
    headings.push(s.heading.text);
    for (const b of s.blocks) blockText(b, s === doc.sections[0] ? lead : prose);
    s.children.forEach(walk);
  };
  // The opening (what precedes the first heading, the summary aside, and the first section's own text) is where patterns state the problem they solve.
  for (const b of doc.preamble) if (b.kind !== 'blockquote' || pattern.summary?.from !== 'blockquote') blockText(b, lead);
  doc.sections.forEach(walk);

  const title = pattern.title?.text ?? pattern.slug;
  // Copies, not slices: a kept string that is a slice of the file's text keeps the whole text alive.
  const own = (s: string) => (s.length < 64 ? s : Buffer.from(s, 'utf8').toString('utf8'));
  return {
    record: {
      slug: pattern.slug,
      file: pattern.file,
      path: pattern.path,
      title: own(title),
      ...(pattern.summary ? { summary: own(pattern.summary.text) } : {}),
      facets: facetValues(pattern.frontMatter, facets),
      sections: sections.map((s) => ({ ...s, heading: own(s.heading), path: s.path.map(own) })),
      links: linkTargets(pattern.links ?? doc.links, pattern.file, root),
      mtimeMs: stat.mtimeMs,
      size: stat.size,
    },
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

/** A pattern's values of each facet, from its front matter: strings, numbers and booleans, as sorted unique strings. */
export function facetValues(frontMatter: Record<string, unknown>, facets: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const facet of facets) {
    const value = frontMatter[facet];
    const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
      .filter((v) => ['string', 'number', 'boolean'].includes(typeof v))
      .map((v) => String(v).trim())
      .filter(Boolean);
    if (list.length) out[facet] = [...new Set(list)].sort();
  }
  return out;
}
