import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { Pattern } from '../catalog/types.js';
import { PatternbookError } from '../diagnostics.js';
import { configTables, parameterColumn, templateColumn } from '../template/config-table.js';
import type { OutlineMatch } from '../template/match-outline.js';
import { findPlaceholders } from '../template/placeholders.js';
import type { TemplateSchema } from '../template/types.js';

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

/** `--param KEY=VALUE` values; a malformed one is a usage error. */
export function parseParamFlags(flags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const key = eq > 0 ? flag.slice(0, eq) : '';
    if (!ENV_NAME.test(key)) throw new PatternbookError(`--param ${flag}: expected KEY=VALUE with KEY a variable name, such as --param REGION=eu-west-1.`);
    out[key] = flag.slice(eq + 1);
  }
  return out;
}

/** An env file (`KEY=VALUE` lines, `#` comments, quotes as in .env files). */
export function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PatternbookError(`--env-file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check the path.`);
  }
  return parseEnv(text) as Record<string, string>;
}

export interface ResolvedParameters {
  /** What the steps get: each documented parameter's value, from the highest source that has one. */
  values: Record<string, string>;
  /** Where each value came from. */
  sources: Record<string, 'default' | 'environment' | 'env-file' | 'param'>;
  /** Required parameters nobody gave a value. */
  missing: Parameter[];
}

/**
 * Values in order of precedence: `--param`, then `--env-file`, then the
 * caller's environment (only with `--inherit-env`), then the documented default.
 * Values given for names the table does not list are passed too: the user asked.
 */
export function resolveParameters(
  params: readonly Parameter[],
  given: { param?: Record<string, string>; envFile?: Record<string, string>; inherited?: Record<string, string | undefined> },
): ResolvedParameters {
  const values: Record<string, string> = {};
  const sources: ResolvedParameters['sources'] = {};
  const missing: Parameter[] = [];
  for (const p of params) {
    if (!p.env) continue;
    const inherited = given.inherited?.[p.name];
    if (given.param && p.name in given.param) [values[p.name], sources[p.name]] = [given.param[p.name]!, 'param'];
    else if (given.envFile && p.name in given.envFile) [values[p.name], sources[p.name]] = [given.envFile[p.name]!, 'env-file'];
    else if (inherited !== undefined) [values[p.name], sources[p.name]] = [inherited, 'environment'];
    else if (p.default !== undefined) [values[p.name], sources[p.name]] = [p.default, 'default'];
    else if (p.required) missing.push(p);
  }
  for (const [source, map] of [['env-file', given.envFile], ['param', given.param]] as const) {
    for (const [k, v] of Object.entries(map ?? {})) {
      if (!(k in sources) || (source === 'param' && sources[k] !== 'param')) [values[k], sources[k]] = [v, source];
    }
  }
  return { values, sources, missing };
}
