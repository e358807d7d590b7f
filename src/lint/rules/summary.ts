import { defineRule } from '../rule.js';
import { quote } from './_format.js';
import { findSummary, isSample } from './_summary.js';

/** A text that opens with a marker of work still to do: `TODO: …`, `TBD`, `FIXME - …`. */
const WORK_NOTE = /^(?:TODO|TBD|TBA|FIXME|XXX)\b(?:\s*[:\-–—]|\s*$)/;

export default defineRule({
  meta: {
    id: 'summary',
    description: "The template's summary is present and is not the template's sample, nor a note of work still to do (its length is `summary-length`'s).",
    severity: 'error',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const found = findSummary(pattern, template);
    // A summary the site shows from front matter, wherever the template keeps one, that is a note of
    // work still to do (`summary: "TODO: Add a concise summary"`): no summary, shown on every card.
    const shown = pattern.summary;
    if (shown?.from === 'front-matter' && WORK_NOTE.test(shown.text.trim()) && (!found || found.kind === 'text')) {
      report({
        message: `The summary (front matter \`${shown.key ?? 'summary'}\`) is a note of work still to do, ${quote(shown.text.trim())}, which the site shows as the summary: write the summary, or remove the key.`,
        range: shown.range,
      });
      return;
    }
    if (!found) return;
    if (found.kind === 'missing') {
      // `summary.recommended`: the catalog asks for a summary without requiring one.
      report({ message: found.message, line: found.line, ...(found.recommended ? { warning: true } : {}) });
      return;
    }
    const { text, where, spec } = found;
    if (found.paragraph && !isSample(text, spec, template)) {
      report({
        message: 'The summary is written as a paragraph: the template writes it as a `> blockquote` after the title. Make it one (`> ` before its line).',
        ...where,
        warning: true,
      });
      return;
    }
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
