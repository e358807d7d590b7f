import type { MarkdownDocument } from '../../markdown/types.js';
import type { MissingSection } from '../../template/match-outline.js';
import { templateSectionText } from '../../template/section-text.js';
import { defineRule, type Report } from '../rule.js';
import { schemaLabel } from './_format.js';

export default defineRule({
  meta: {
    id: 'required-section',
    description: 'Every section the template requires is present (repeatable ones at least once).',
    severity: 'error',
    fixable: true,
  },
  check({ pattern, outline, template, report }) {
    const doc = pattern.document;
    // Text inserted after a fence that is never closed would be read as code, and found missing again.
    const unclosed = doc.codeBlocks.find((c) => c.fenced && !c.closed);
    for (const missing of outline.missing) {
      const text = templateSectionText(template, missing.schema, pattern.title?.text);
      const { offset, line, insert } = insertion(doc, missing, text);
      const inCode = unclosed !== undefined && offset >= unclosed.range.start.offset;
      report({
        message: `Missing section ${schemaLabel(missing.schema)}${missing.schema.repeatable ? ' (at least one)' : ''}, expected ${where(missing)}.${inCode ? ` Close the code block opened on line ${unclosed.range.start.line} first: until then it would be inserted into it, so no fix is offered.` : ''}`,
        line,
        expected: `${'#'.repeat(missing.schema.level)} ${missing.schema.name}`,
        ...(inCode ? {} : { fix: { range: [offset, offset] as [number, number], text: insert } }),
      } satisfies Report);
    }
  },
});

function where(missing: MissingSection): string {
  if (missing.after) return `after ${schemaLabel(missing.after.schema)}`;
  if (missing.before) return `before ${schemaLabel(missing.before.schema)}`;
  if (missing.parent) return `in ${schemaLabel(missing.parent.schema)}`;
  return 'in the pattern';
}

/** Where the template's text goes: after the previous present section, before the next one, or in the parent. */
function insertion(doc: MarkdownDocument, missing: MissingSection, text: string): { offset: number; line: number; insert: string } {
  const after = missing.after?.sections.at(-1);
  if (after) return { offset: after.range.end.offset, line: after.range.end.line, insert: `\n\n${text}` };
  const before = missing.before?.sections[0];
  if (before) return { offset: before.range.start.offset, line: before.range.start.line, insert: `${text}\n\n` };
  const parent = missing.parent?.sections.at(-1);
  if (parent) return { offset: parent.range.end.offset, line: parent.range.end.line, insert: `\n\n${text}` };
  const end = doc.source.trimEnd().length;
  return { offset: end, line: doc.lines.pointAt(end).line, insert: end === 0 ? `${text}\n` : `\n\n${text}` };
}
