import { findPlaceholders } from '../../template/placeholders.js';
import { defineRule } from '../rule.js';
import { configTables, parameterColumn } from '../../template/config-table.js';
import { headingLabel } from './_format.js';
import { cellPosition } from './_blocks.js';

export default defineRule({
  meta: {
    id: 'config-param-unused',
    description: 'Every parameter of the configuration table is mentioned somewhere else in the pattern: in a code block or in the text.',
    severity: 'warning',
    fixable: false,
  },
  check({ pattern, template, outline, report }) {
    const doc = pattern.document;
    for (const config of configTables(template, outline, doc.tables)) {
      const { table } = config;
      if (!table) continue;
      // Everything but the table itself: prose, headings, other tables, code blocks.
      const rest = doc.source.slice(0, table.range.start.offset) + '\n' + doc.source.slice(table.range.end.offset);
      const nameAt = parameterColumn(config);
      const seen = new Set<string>();
      for (const row of table.rows) {
        // Cells are plain text: `CB_TIMEOUT` in backticks is read as CB_TIMEOUT.
        const name = (row.cells[nameAt] ?? '').trim();
        if (!name || seen.has(name)) continue;
        seen.add(name);
        // The template's own sample rows (`PARAM_1`) are the placeholder rule's to report.
        if (findPlaceholders(template.placeholders, name).some((p) => p.kind === 'generic-item' || p.kind === 'sample-value')) continue;
        if (mentions(rest, name)) continue;
        report({
          message: `Parameter \`${name}\` is not used: nothing outside the table in ${headingLabel(config.section)} mentions it, in code or in text. Show where it is set or read, or remove the row.`,
          ...cellPosition(doc, row.line, nameAt),
        });
      }
    }
  },
});

/**
 * Whole-word, case-sensitive: `RETRY_MAX` is not found in `RETRY_MAX_MS` or `MY_RETRY_MAX`.
 * A plain search with the boundaries checked by hand: a Unicode regular expression with
 * look-behind per parameter made this the slowest rule on large catalogs.
 */
function mentions(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + name.length] ?? '';
    const afterNext = text[at + name.length + 1] ?? '';
    if (!isWordChar(before) && before !== '-' && !isWordChar(after) && !(after === '-' && isWordChar(afterNext))) return true;
  }
  return false;
}

function isWordChar(c: string): boolean {
  return c !== '' && /[\p{L}\p{N}_]/u.test(c);
}
