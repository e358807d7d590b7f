import { leadBlock } from '../../markdown/document.js';
import { foldText } from '../../template/normalize.js';
import { findPlaceholders } from '../../template/placeholders.js';
import type { SummarySpec, TemplateSchema } from '../../template/types.js';
import { defineRule } from '../rule.js';
import { quote } from './_format.js';

export default defineRule({
  meta: {
    id: 'summary',
    description: "The template's summary is present, not the template's sample, and no longer than the template asks (`one-sentence description`).",
    severity: 'error',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const spec = template.summary;
    if (spec.from === 'none') return;
    const doc = pattern.document;
    const asked = spec.sentences === 1 ? ' one-sentence' : '';

    let text: string;
    let range = doc.title?.range;
    if (spec.from === 'blockquote') {
      const lead = leadBlock(doc);
      if (lead?.kind !== 'blockquote') {
        report({ message: `Missing summary: put a${asked} \`> blockquote\` right after the title.`, line: (doc.title?.range.end.line ?? 0) + 1 });
        return;
      }
      text = lead.text;
      range = lead.range;
    } else if (spec.from === 'front-matter') {
      const value = pattern.frontMatter[spec.key];
      if (typeof value !== 'string' || !value.trim()) {
        report({ message: `Missing summary: set \`${spec.key}:\` in the front matter${spec.sentences === 1 ? ' to one sentence' : ''}.`, line: 1 });
        return;
      }
      text = value;
    } else {
      // A missing or empty summary section is required-section's and empty-section's to say.
      if (pattern.summary?.from !== 'section') return;
      text = pattern.summary.text;
      range = pattern.summary.range;
    }

    const where = range ? { range } : { line: 1 };
    if (isSample(text, spec, template)) {
      report({
        message: `The summary is still the template's sample ${quote(text)}: say what this pattern does${spec.sentences === 1 ? ' in one sentence' : ''}.`,
        ...where,
      });
      return;
    }
    if (!text.trim()) {
      report({ message: 'The summary is empty.', ...where });
      return;
    }
    const sentences = countSentences(text);
    if (spec.sentences !== undefined && sentences > spec.sentences) {
      const limit = spec.sentences === 1 ? 'be one sentence' : `have at most ${spec.sentences} sentences`;
      const overview = hasOverview(template) ? ' Move the rest to the Overview.' : '';
      report({ message: `The summary should ${limit}, as the template asks; it has ${sentences}.${overview}`, ...where });
    }
  },
});

/**
 * Still the template's text: its sample (re-wrapped, in another case), a
 * sample placeholder of the template, or — when the template marks its
 * placeholders with brackets (`[Pattern Title]`) — text in brackets
 * (`Caps how often [Client Type] may call`). Where the template marks them
 * otherwise, brackets are the author's (`a slice, [T]`).
 */
function isSample(text: string, spec: Exclude<SummarySpec, { from: 'none' }>, template: TemplateSchema): boolean {
  if (spec.sample.trim() && foldText(text) === foldText(spec.sample)) return true;
  // A bracketed placeholder left in is written with its brackets: the word `optional` in a sentence is not `[Optional]`.
  const bracketed = /\[[^\]\n]+\]/.test(text);
  if (findPlaceholders(template.placeholders, text).some((p) => p.kind === 'summary-sample' || (p.kind === 'bracketed' && bracketed))) return true;
  const brackets = /\[[^\]\n]+\]/.test(spec.sample) || (template.title.from !== 'none' && template.title.shape?.parts.some((p) => p.syntax === 'brackets') === true);
  return brackets && bracketed;
}

/** Whether the template has a top-level Overview section, where the rest of a long summary belongs. */
function hasOverview(template: TemplateSchema): boolean {
  return template.sections.some((s) => foldText(s.name) === 'overview');
}

/** Sentence ends: `.`, `!` or `?` followed by a space and a capital, ignoring e.g./i.e./etc. */
function countSentences(text: string): number {
  const ends = text.trim().match(/(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?]+(?=\s+[\p{Lu}\d])/gu);
  return (ends?.length ?? 0) + 1;
}
