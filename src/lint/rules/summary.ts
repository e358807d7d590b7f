import { leadBlock } from '../../markdown/document.js';
import { foldText } from '../../template/normalize.js';
import { findPlaceholders } from '../../template/placeholders.js';
import { defineRule } from '../rule.js';
import { quote } from './_format.js';

export default defineRule({
  meta: {
    id: 'summary',
    description: "The template's summary is present, one sentence, and not the template's sample.",
    severity: 'error',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const spec = template.summary;
    if (spec.from === 'none') return;
    const doc = pattern.document;
    const lead = leadBlock(doc);

    let text: string | undefined;
    let range = doc.title?.range;
    if (spec.from === 'blockquote') {
      if (lead?.kind !== 'blockquote') {
        report({ message: 'Missing summary: put a one-sentence `> blockquote` right after the title.', line: (doc.title?.range.end.line ?? 0) + 1 });
        return;
      }
      text = lead.text;
      range = lead.range;
    } else {
      const value = pattern.frontMatter[spec.key];
      if (typeof value !== 'string' || !value.trim()) {
        report({ message: `Missing summary: set \`${spec.key}:\` in the front matter to one sentence.`, line: 1 });
        return;
      }
      text = value;
    }

    const where = range ? { range } : { line: 1 };
    if (foldText(text) === foldText(spec.sample) || findPlaceholders(template.placeholders, text).some((p) => p.kind === 'summary-sample' || p.kind === 'bracketed') || /\[[^\]]+\]/.test(text)) {
      report({ message: `The summary is still the template's sample ${quote(text)}: say what this pattern does in one sentence.`, ...where });
      return;
    }
    const sentences = countSentences(text);
    if (sentences > 1) report({ message: `The summary should be one sentence; it has ${sentences}. Move the rest to the Overview.`, ...where });
    if (!text.trim()) report({ message: 'The summary is empty.', ...where });
  },
});

/** Sentence ends: `.`, `!` or `?` followed by a space and a capital, ignoring e.g./i.e./etc. */
function countSentences(text: string): number {
  const ends = text.trim().match(/(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?]+(?=\s+[\p{Lu}\d])/gu);
  return (ends?.length ?? 0) + 1;
}
