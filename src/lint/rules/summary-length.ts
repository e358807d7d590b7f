import { foldText } from '../../template/normalize.js';
import type { TemplateSchema } from '../../template/types.js';
import { defineRule } from '../rule.js';
import { findSummary, isSample } from './_summary.js';

/**
 * A summary longer than the template asks (`Concise 2 sentence description`,
 * the default template's one-sentence blockquote) still says what the pattern
 * is: worth a look, never an error — a missing or leftover summary is the
 * `summary` rule's.
 */
export default defineRule({
  meta: {
    id: 'summary-length',
    description: 'The summary has no more sentences than the template asks (`one-sentence description`).',
    severity: 'warning',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const found = findSummary(pattern, template);
    // (A paragraph where the template has its quote is said once, by the summary rule: its form.)
    if (found?.kind !== 'text' || found.paragraph || found.spec.sentences === undefined) return;
    const { text, where, spec } = found;
    if (!text.trim() || isSample(text, spec, template)) return;
    const sentences = countSentences(text);
    if (sentences <= spec.sentences!) return;
    const limit = spec.sentences === 1 ? 'be one sentence' : `have at most ${spec.sentences} sentences`;
    const overview = hasOverview(template) ? ' Move the rest to the Overview.' : '';
    report({ message: `The summary should ${limit}, as the template asks; it has ${sentences}.${overview}`, ...where });
  },
});

/** Whether the template has a top-level Overview section, where the rest of a long summary belongs. */
function hasOverview(template: TemplateSchema): boolean {
  return template.sections.some((s) => foldText(s.name) === 'overview');
}

/** Sentence ends: `.`, `!` or `?` followed by a space and a capital, ignoring e.g./i.e./etc. */
function countSentences(text: string): number {
  const ends = text.trim().match(/(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?]+(?=\s+[\p{Lu}\d])/gu);
  return (ends?.length ?? 0) + 1;
}
