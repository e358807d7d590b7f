import { foldText } from '../../template/normalize.js';
import { defineRule } from '../rule.js';
import { configTables, parameterColumn, templateColumn } from '../../template/config-table.js';
import { headingLabel, quote } from './_format.js';
import { cellPosition, columnList } from './_blocks.js';

/** What a Default cell holds when there is no default. */
const NO_DEFAULT = new Set(['', 'n/a', 'na', '-', '—', '–']);

export default defineRule({
  meta: {
    id: 'config-table',
    description:
      "The configuration section has the template's table: its columns in order, Yes/No in Required, unique parameter names, no default for a required parameter.",
    severity: 'error',
    fixable: false,
  },
  check({ pattern, template, outline, report }) {
    const doc = pattern.document;
    for (const config of configTables(template, outline, doc.tables)) {
      const wanted = columnList(config.columns);
      const { table, mapping } = config;
      if (!table || !mapping) {
        // The section says there is nothing to list (`No new parameters are introduced.`): what the table would say.
        if (config.saysNone) continue;
        // A table of other columns (a schedule, an example): not the table of settings, nor one to rename column by column.
        const other = config.others?.[0];
        if (other) {
          report({
            message: `Section ${headingLabel(config.section)} has no table with the template's columns (${wanted}): the table on line ${other.range.start.line} has none of them (${columnList(other.header)}). If it lists the settings, give it the template's columns. (A warning: it may be a table of another kind.)`,
            range: config.section.heading.range,
            expected: wanted,
            warning: true,
          });
          continue;
        }
        // (Its settings given in words instead, `The migration sets \`x/fees\` to 25%.`: there, in another
        // form than the template's. A warning.)
        report({
          message: config.inWords
            ? `Section ${headingLabel(config.section)} has no table: it names its settings in its text. Put them in the template's table with the columns ${wanted}. (A warning: they are there, in another form.)`
            : `Section ${headingLabel(config.section)} has no table: add the template's table with the columns ${wanted}.`,
          range: config.section.heading.range,
          expected: wanted,
          ...(config.inWords ? { warning: true } : {}),
        });
        continue;
      }

      // Columns: same names, same order.
      const headerLine = table.range.start.line;
      for (const { actual, expected, near } of mapping.renamed) {
        // (One of other words where a column of the template's goes, `Value` where `Proposed value` does:
        // that column as likely as not, in words of the author's — a guess, a warning. A near miss is a slip.)
        report({
          message: near
            ? `Column ${quote(table.header[actual]!)} is not one of the template's columns: did you mean ${quote(config.columns[expected]!)}?`
            : `Column ${quote(table.header[actual]!)} is not one of the template's columns: the template has ${quote(config.columns[expected]!)} here. If it is that column, rename it. (A warning: it may be that column in other words.)`,
          ...cellPosition(doc, headerLine, actual),
          expected: config.columns[expected]!,
          actual: table.header[actual]!,
          ...(near ? {} : { warning: true }),
        });
      }
      for (const j of mapping.extra) {
        report({
          message: `Unexpected column ${quote(table.header[j]!)}: the template's table has the columns ${wanted}. Remove it or move what it says into another column.`,
          ...cellPosition(doc, headerLine, j),
        });
      }
      for (const i of mapping.missing) {
        report({
          message: `Missing column ${quote(config.columns[i]!)}: the template's table has the columns ${wanted}. Add it.`,
          line: headerLine,
          expected: wanted,
          actual: columnList(table.header),
        });
      }
      const order = [...mapping.index.entries()].sort((a, b) => a[1] - b[1]).map(([i]) => i);
      if (order.some((i, k) => k > 0 && i < order[k - 1]!)) {
        report({
          message: `Columns are out of order: found ${columnList(table.header)}, the template has ${wanted}. Reorder them.`,
          line: headerLine,
          expected: wanted,
          actual: columnList(table.header),
        });
      }

      // Rows.
      const nameAt = parameterColumn(config);
      const requiredTemplate = templateColumn(config.columns, 'required');
      const defaultTemplate = templateColumn(config.columns, 'default');
      const requiredAt = requiredTemplate !== undefined ? mapping.index.get(requiredTemplate) : undefined;
      const defaultAt = defaultTemplate !== undefined ? mapping.index.get(defaultTemplate) : undefined;
      const seen = new Map<string, number>();
      for (const row of table.rows) {
        const name = (row.cells[nameAt] ?? '').trim();
        const label = name ? `Parameter \`${name}\`` : `The parameter on line ${row.line}`;
        if (!name) {
          report({ message: `A row of the ${quote(config.columns[0]!)} column is empty: name the parameter or remove the row.`, ...cellPosition(doc, row.line, nameAt) });
        } else if (seen.has(name)) {
          report({ message: `Parameter \`${name}\` is listed twice (first on line ${seen.get(name)}): keep one row.`, ...cellPosition(doc, row.line, nameAt) });
        } else {
          seen.set(name, row.line);
        }

        let required: boolean | undefined;
        if (requiredAt !== undefined) {
          const value = (row.cells[requiredAt] ?? '').trim();
          const folded = value.toLowerCase();
          if (folded === 'yes' || folded === 'no') required = folded === 'yes';
          else {
            report({
              message: `${label} has ${value ? quote(value) : 'nothing'} in ${quote(table.header[requiredAt]!)}: write Yes or No.`,
              ...cellPosition(doc, row.line, requiredAt),
              expected: 'Yes | No',
              actual: value,
            });
          }
        }
        if (required && defaultAt !== undefined) {
          const value = (row.cells[defaultAt] ?? '').trim();
          if (!NO_DEFAULT.has(foldDefault(value))) {
            report({
              message: `${label} is required but has the default ${quote(value)}: a required parameter has no default. Set ${quote(table.header[requiredAt!]!)} to No, or the default to N/A.`,
              ...cellPosition(doc, row.line, defaultAt),
            });
          }
        }
      }
    }
  },
});

function foldDefault(value: string): string {
  const v = value.replace(/`/g, '').trim().toLowerCase();
  return NO_DEFAULT.has(v) ? v : foldText(v) === 'n a' ? 'n/a' : v;
}
