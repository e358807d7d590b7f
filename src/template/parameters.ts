import type { Pattern } from '../catalog/types.js';
import { configTables, parameterColumn, templateColumn } from './config-table.js';
import type { OutlineMatch } from './match-outline.js';
import { findPlaceholders } from './placeholders.js';
import type { TemplateSchema } from './types.js';

export interface Parameter {
  name: string;
  description: string;
  required: boolean;
  /** The documented default, unquoted; absent when the table gives none (`N/A`, `-`, empty). */
  default?: string;
  /** 1-based line of its table row. */
  line: number;
  /** False for a name that cannot be an environment variable (`server.port`): documented, not passed. */
  env: boolean;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NO_DEFAULT = /^(?:n\/?a|none|null|-+|—|–|\(none\)|\(empty\)|not set|unset)?$/i;
const YES = /^(?:yes|y|true|required|mandatory|✓|✔|x)$/i;

/**
 * The pattern's Configuration table as parameters: the name from the
 * template's first column, required and default from the columns the
 * template calls so. Template sample rows (`PARAM_1`) are not parameters.
 */
export function patternParameters(pattern: Pattern, template: TemplateSchema, outline: OutlineMatch): Parameter[] {
  const params: Parameter[] = [];
  const seen = new Set<string>();
  for (const config of configTables(template, outline, pattern.document.tables)) {
    const { table, mapping } = config;
    if (!table) continue;
    const cell = (cells: string[], templateIndex: number | undefined) => {
      if (templateIndex === undefined) return '';
      const at = mapping?.index.get(templateIndex) ?? templateIndex;
      return (cells[at] ?? '').trim();
    };
    const nameAt = parameterColumn(config);
    const requiredAt = templateColumn(config.columns, 'required');
    const defaultAt = templateColumn(config.columns, 'default');
    const descriptionAt = templateColumn(config.columns, 'description');
    for (const row of table.rows) {
      const name = (row.cells[nameAt] ?? '').trim().replace(/^`|`$/g, '');
      if (!name || seen.has(name)) continue;
      if (findPlaceholders(template.placeholders, name).some((p) => p.kind === 'generic-item' || p.kind === 'sample-value')) continue;
      seen.add(name);
      const rawDefault = unquote(cell(row.cells, defaultAt));
      params.push({
        name,
        description: cell(row.cells, descriptionAt),
        required: YES.test(cell(row.cells, requiredAt)),
        ...(NO_DEFAULT.test(rawDefault) ? {} : { default: rawDefault }),
        line: row.line,
        env: ENV_NAME.test(name),
      });
    }
  }
  return params;
}

function unquote(value: string): string {
  const v = value.trim();
  const m = /^(`+)([\s\S]*)\1$/.exec(v) ?? /^"([\s\S]*)"$/.exec(v) ?? /^'([\s\S]*)'$/.exec(v);
  return (m ? m[m.length - 1]! : v).trim();
}
