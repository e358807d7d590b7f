import { leadBlock } from '../../markdown/document.js';
import type { Range } from '../../markdown/lines.js';
import type { Block, MarkdownDocument, Section } from '../../markdown/types.js';
import { placeholderMatcher } from '../../template/placeholders.js';
import type { Placeholder } from '../../template/types.js';
import { defineRule } from '../rule.js';
import { quote } from './_format.js';

/** `[Pattern Title]`, `[Issue Title]`: bracketed words left in, whether or not this template has them. */
const BRACKETED = /\[([\p{Lu}][\p{L}\p{N}'’-]*(?:[ \t]+[\p{L}\p{N}'’-]+)+)\]/gu;

export default defineRule({
  meta: {
    id: 'placeholder',
    description: 'No template text is left in: bracketed placeholders, instructions to the author, generic numbered items, sample values.',
    severity: 'error',
    fixable: false,
    // A sample author, e-mail or related-pattern link is explained by its own rule.
    catchAll: true,
  },
  check({ pattern, template, report }) {
    const doc = pattern.document;
    const summary = leadBlock(doc);
    const matcher = placeholderMatcher(template.placeholders).narrowTo(doc.source);
    const found = (text: string, range: Range, where: string, kinds?: Placeholder['kind'][]): void => {
      // Most units of a finished pattern hold neither a candidate placeholder nor a bracket: done at once.
      if (matcher.isEmpty && !text.includes('[')) return;
      const hits = new Map<string, string>();
      // `**Name**: Your Name` — the label is the template's, the rest is judged on its own too.
      const afterLabel = matcher.isEmpty ? undefined : /^[^:]{1,40}:\s+(.+)$/.exec(text)?.[1];
      for (const unit of afterLabel ? [text, afterLabel] : [text]) {
        for (const p of matcher.find(unit)) {
          if (kinds && !kinds.includes(p.kind)) continue;
          const literal = text.toLowerCase().includes(p.text.toLowerCase());
          hits.set(p.pattern.source, literal ? quote(p.text) : `${quote(unit)} (like the template's ${quote(p.text)})`);
        }
      }
      for (const m of text.matchAll(BRACKETED)) if (![...hits.values()].some((t) => t.includes(m[0]))) hits.set(m[0], quote(m[0]));
      for (const [, shown] of hits) {
        const literal = /^“(.*)”$/.exec(shown)?.[1];
        report({ message: `Template text left in ${where}: ${shown}. Replace it with this pattern's own content.`, range: literal ? narrow(doc, range, literal) : range });
      }
    };

    const visitBlocks = (blocks: Block[], where: string): void => {
      for (const block of blocks) {
        switch (block.kind) {
          case 'paragraph':
            found(block.text, block.range, where);
            break;
          case 'blockquote':
            if (block !== summary) visitBlocks(block.blocks, where);
            break;
          case 'list':
            for (const item of block.items) {
              found(item.text, item.range, where);
              visitBlocks(item.blocks.slice(1), where);
            }
            break;
          case 'table':
            for (const row of block.table.rows) for (const cell of row.cells) found(cell, doc.lines.linesRange(row.line, row.line), where);
            break;
          case 'code':
            block.code.content.split('\n').forEach((line, i) => {
              if (line.trim()) found(line, doc.lines.linesRange(block.range.start.line + (block.code.fenced ? 1 : 0) + i, block.range.start.line + (block.code.fenced ? 1 : 0) + i), where, ['sample-value', 'custom']);
            });
            break;
          default:
            break;
        }
      }
    };
    const visitSection = (section: Section): void => {
      const where = `\`${'#'.repeat(section.level)} ${section.title}\``;
      // In a heading only bracketed parts are placeholders: `Step 1: Configure the Gateway` is filled in.
      found(section.title, section.heading.range, 'a heading', ['bracketed', 'custom']);
      visitBlocks(section.blocks, where);
      section.children.forEach(visitSection);
    };

    visitBlocks(doc.preamble.filter((b) => b !== summary), 'the introduction');
    doc.sections.forEach(visitSection);
    for (const link of doc.links) {
      // A bare URL or e-mail is its own text, already judged above.
      if (link.kind === 'autolink') continue;
      if (matcher.find(link.url).some((p) => p.kind === 'sample-value')) {
        report({ message: `Sample link target left in: ${quote(link.url)}. Link to a real page.`, range: link.range });
      }
    }
  },
});

/** Points at the leftover text itself when it stands in the range as written. */
function narrow(doc: MarkdownDocument, range: Range, text: string): Range {
  const at = doc.source.slice(range.start.offset, range.end.offset).toLowerCase().indexOf(text.toLowerCase());
  if (at < 0) return range;
  const start = range.start.offset + at;
  return doc.lines.range(start, Math.min(start + text.length, range.end.offset));
}
