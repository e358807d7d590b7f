import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { PatternbookError } from '../diagnostics.js';
import type { Parameter } from '../template/parameters.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
  for (const [source, map] of [
    ['env-file', given.envFile],
    ['param', given.param],
  ] as const) {
    for (const [k, v] of Object.entries(map ?? {})) {
      if (!(k in sources) || (source === 'param' && sources[k] !== 'param')) [values[k], sources[k]] = [v, source];
    }
  }
  return { values, sources, missing };
}
