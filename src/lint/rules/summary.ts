import { defineRule } from '../rule.js';
import { quote } from './_format.js';
import { findSummary, isSample } from './_summary.js';

export default defineRule({
  meta: {
    id: 'summary',
    description: "The template's summary is present and is not the template's sample (its length is `summary-length`'s).",
    severity: 'error',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const found = findSummary(pattern, template);
    if (!found) return;
    if (found.kind === 'missing') {
      // `summary.recommended`: the catalog asks for a summary without requiring one.
      report({ message: found.message, line: found.line, ...(found.recommended ? { warning: true } : {}) });
      return;
    }
    const { text, where, spec } = found;
    if (isSample(text, spec, template)) {
      report({
        message: `The summary is still the template's sample ${quote(text)}: say what this pattern does${spec.sentences === 1 ? ' in one sentence' : ''}.`,
        ...where,
      });
      return;
    }
    if (!text.trim()) report({ message: 'The summary is empty.', ...where });
  },
});
