import { readFileSync } from 'node:fs';
import type { Pattern, PatternText } from '../catalog/types.js';
import { LineIndex, type Range } from '../markdown/lines.js';
import type { Heading, Link, MarkdownDocument } from '../markdown/types.js';

/**
 * What the `catalog` rules see of a pattern when the catalog is linted as a
 * stream: slug, paths, title, summary, front matter, heading anchors and
 * links with plain positions — it crosses thread boundaries and takes a few
 * kilobytes instead of the whole model.
 */
export type PatternView = Omit<Pattern, 'document'> & {
  document: Pick<MarkdownDocument, 'hadBom' | 'lineEnding' | 'frontMatter' | 'title' | 'headings' | 'links' | 'images'>;
};

const plain = (range: Range): Range => ({ start: range.start, end: range.end });

/** Headings other than the title keep their anchor and level only: catalog rules look up anchors, not heading positions. */
const NOWHERE: Range = Object.freeze({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });

export function viewOf(pattern: Pattern): PatternView {
  const doc = pattern.document;
  const text = (t: PatternText | undefined) => (t ? { ...t, range: plain(t.range) } : undefined);
  const heading = (h: Heading): Heading => ({ ...h, range: plain(h.range) });
  const title = text(pattern.title);
  const summary = text(pattern.summary);
  return {
    slug: pattern.slug,
    file: pattern.file,
    path: pattern.path,
    dir: pattern.dir,
    size: pattern.size,
    ...(title ? { title } : {}),
    ...(summary ? { summary } : {}),
    frontMatter: pattern.frontMatter,
    document: {
      hadBom: doc.hadBom,
      lineEnding: doc.lineEnding,
      ...(doc.frontMatter ? { frontMatter: doc.frontMatter } : {}),
      ...(doc.title ? { title: heading(doc.title) } : {}),
      // Other headings keep their anchor only: catalog rules look up anchors, nothing else
      // (a view crosses threads and stays in memory for the whole run).
      headings: doc.headings.map((h) => (h === doc.title ? heading(h) : { text: '', raw: '', level: h.level, setext: false, id: h.id, range: NOWHERE })),
      links: doc.links.map((l): Link => ({ ...l, range: plain(l.range), sectionPath: [...l.sectionPath] })),
      // Images are checked by a `file` rule, while the file is loaded.
      images: [],
    },
  };
}

/**
 * A Pattern made from a view. The body's structure is empty; its text and
 * line index are read from disk on first use (a rule that reports on the file,
 * a link to an HTML id), which for a clean catalog is almost never.
 */
export function patternFromView(view: PatternView): Pattern {
  let source: string | undefined;
  let lines: LineIndex | undefined;
  const read = (): string => {
    if (source === undefined) {
      try {
        const text = readFileSync(view.file, 'utf8');
        source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      } catch {
        source = '';
      }
    }
    return source;
  };
  const document = {
    ...view.document,
    preamble: [],
    sections: [],
    codeBlocks: [],
    tables: [],
    taskItems: [],
    get source() {
      return read();
    },
    get lines() {
      lines ??= new LineIndex(read());
      return lines;
    },
  } as MarkdownDocument;
  return { ...view, document };
}
