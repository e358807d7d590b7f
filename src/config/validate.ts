import picomatch from 'picomatch';
import type { z } from 'zod';
import { editDistance } from '../util/similar.js';
import type { ConfigText, KeyPath } from './config-text.js';
import { CONFIG_KEYS, configSchema, ruleSettingSchema, type ConfigFile } from './schema.js';

/**
 * What the configuration layer needs to know of a lint rule to check its
 * settings: its id and its options schema. The lint layer passes its rules in
 * (a `Rule` has this shape), so the configuration does not depend on lint.
 */
export interface KnownRule {
  readonly meta: { readonly id: string; readonly options?: z.ZodType | undefined };
}

/** One problem of a configuration file: what is wrong, and at which key (or its value). */
export interface ConfigProblem {
  path: KeyPath;
  /** Point at the key itself (an unknown key) or at its value (a wrong value). */
  on: 'key' | 'value';
  message: string;
}

export type ConfigCheck = { ok: true; values: ConfigFile } | { ok: false; problems: ConfigProblem[] };

/**
 * Every problem of the configuration's values in one pass, so fixing one never
 * reveals the next: the schema's (unknown keys, wrong types), globs that can
 * match nothing, and — when the caller passes the rules it knows — unknown rule
 * ids and invalid rule options, in `rules` and in every `overrides` entry.
 * The rules are checked on the raw values, so a mistake elsewhere hides none.
 */
export function checkConfig(data: unknown, rules?: readonly KnownRule[]): ConfigCheck {
  const parsed = configSchema.safeParse(data ?? {});
  const problems: ConfigProblem[] = parsed.success ? [] : parsed.error.issues.flatMap((issue) => schemaProblems(issue));
  problems.push(...globProblems(data));
  if (rules) problems.push(...ruleProblems(data, rules));
  return parsed.success && problems.length === 0 ? { ok: true, values: parsed.data } : { ok: false, problems };
}

/**
 * The problems of rule settings: unknown rule ids (with the nearest known one)
 * and options that the rule's schema refuses. Reads `rules` and `overrides[].rules`
 * of raw configuration values or of a resolved configuration alike.
 */
export function ruleProblems(data: unknown, rules: readonly KnownRule[]): ConfigProblem[] {
  if (!isRecord(data)) return [];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const problems: ConfigProblem[] = [];
  const check = (settings: unknown, at: KeyPath) => {
    if (!isRecord(settings)) return; // the schema says what is wrong with it
    for (const [id, setting] of Object.entries(settings)) {
      const name = [...at, id].join('.');
      const rule = byId.get(id);
      if (!rule) {
        const near = suggest(id, [...byId.keys()]);
        problems.push({
          path: [...at, id],
          on: 'key',
          message: `\`${name}\`: unknown rule.${near ? ` Did you mean \`${near}\`?` : ''} Run \`patternbook rules\` for the list.`,
        });
        continue;
      }
      const valid = ruleSettingSchema.safeParse(setting);
      if (!valid.success) continue; // the schema lists the severities
      const options = Array.isArray(valid.data) ? valid.data[1] : undefined;
      problems.push(...optionProblems(rule, options, [...at, id]));
    }
  };
  check(data.rules, ['rules']);
  if (Array.isArray(data.overrides)) data.overrides.forEach((o, i) => check(isRecord(o) ? o.rules : undefined, ['overrides', i, 'rules']));
  return problems;
}

/** Problems as lines of one message: `file:line:column: …` in the order they appear in the file. */
export function formatProblems(problems: readonly ConfigProblem[], file: string, text?: Pick<ConfigText, 'locate' | 'lines'>): string {
  const located = problems.map((problem, i) => ({ problem, i, offset: text ? offsetOf(problem, text.locate) : undefined }));
  located.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0) || a.i - b.i);
  return located
    .map(({ problem, offset }) => {
      if (!text) return `${file}: ${problem.message}`;
      const at = text.lines.pointAt(offset ?? 0);
      return `${file}:${at.line}:${at.column}: ${problem.message}`;
    })
    .join('\n');
}

/** The key's own position for an unknown key; else its value's, or the nearest enclosing value's when it is missing. */
function offsetOf(problem: ConfigProblem, locate: ConfigText['locate']): number | undefined {
  if (problem.on === 'key') {
    const key = locate.key(problem.path);
    if (key !== undefined) return key;
  }
  for (let n = problem.path.length; n >= 0; n--) {
    const value = locate.value(problem.path.slice(0, n));
    if (value !== undefined) return value;
  }
  return undefined;
}

function optionProblems(rule: KnownRule, options: Record<string, unknown> | undefined, at: KeyPath): ConfigProblem[] {
  const { id, options: schema } = rule.meta;
  const name = at.join('.');
  if (!schema) {
    return options !== undefined && Object.keys(options).length > 0 ? [{ path: [...at, 1], on: 'value', message: `\`${name}\`: rule \`${id}\` takes no options.` }] : [];
  }
  const result = schema.safeParse(options ?? {});
  if (result.success) return [];
  return result.error.issues.flatMap((issue): ConfigProblem[] => {
    const inner = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(nestedShape(schema, issue.path));
      return issue.keys.map((key) => {
        const near = suggest(key, allowed);
        return {
          path: [...at, 1, ...pathOf(issue), key],
          on: 'key',
          message: `\`${name}\`: unknown option \`${key}\`${inner ? ` in \`${inner}\`` : ''}.${near ? ` Did you mean \`${near}\`?` : ''} Options of \`${id}\`: ${allowed.join(', ') || 'none'}.`,
        };
      });
    }
    return [{ path: [...at, 1, ...pathOf(issue)], on: 'value', message: `\`${name}\`: invalid options for \`${id}\`: ${inner || 'options'}: ${issue.message}.` }];
  });
}

function schemaProblems(issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = pathOf(issue);
  const key = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = path.length === 0 ? CONFIG_KEYS : Object.keys(nestedShape(configSchema, path));
    return issue.keys.map((unknown) => {
      const near = suggest(unknown, allowed);
      return {
        path: [...path, unknown],
        on: 'key',
        message: `unknown key \`${unknown}\`${key ? ` in \`${key}\`` : ''}.${near ? ` Did you mean \`${near}\`?` : ''} Allowed keys: ${allowed.join(', ')}.`,
      };
    });
  }
  // A rule's setting: say what is allowed rather than zod's "Invalid input".
  if ((path[0] === 'rules' || (path[0] === 'overrides' && path[2] === 'rules')) && issue.code === 'invalid_union') {
    return [{ path, on: 'value', message: `\`${key}\`: expected "off", "warn" or "error", or ["warn", { …options }].` }];
  }
  return [{ path, on: 'value', message: `\`${key || '(top level)'}\`: ${issue.message}.` }];
}

/**
 * Globs are matched against paths relative to the catalog root: one that is
 * absolute, climbs out of the root or ends in `/` can match no file, and one
 * picomatch cannot compile would end the run later; all are said now.
 */
function globProblems(data: unknown): ConfigProblem[] {
  if (!isRecord(data)) return [];
  const lists: [KeyPath, unknown][] = [
    [['patterns'], data.patterns],
    [['exclude'], data.exclude],
  ];
  if (Array.isArray(data.overrides)) data.overrides.forEach((o, i) => lists.push([['overrides', i, 'files'], isRecord(o) ? o.files : undefined]));
  const problems: ConfigProblem[] = [];
  for (const [at, list] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((glob, i) => {
      if (typeof glob !== 'string' || glob === '') return; // the schema says what is wrong
      const why = globProblem(glob);
      if (why) problems.push({ path: [...at, i], on: 'value', message: `\`${[...at, i].join('.')}\`: \`${glob}\` ${why}.` });
    });
  }
  return problems;
}

function globProblem(glob: string): string | undefined {
  if (glob.startsWith('/')) return `is an absolute path, and globs are matched against paths relative to the catalog root: write \`${glob.replace(/^\/+/, '') || '**'}\``;
  if (/^[A-Za-z]:[\\/]|^\\\\/.test(glob)) return 'is an absolute path, and globs are matched against paths relative to the catalog root: write the path from the root';
  if (/(?:^|\/)\.\.(?:\/|$)/.test(glob)) return 'climbs out of the catalog root, and only files inside it are read: write the path from the root';
  if (glob.endsWith('/')) return `names a folder and matches no file: write \`${glob}**\` for the files in it`;
  try {
    picomatch.makeRe(glob);
  } catch (err) {
    return `is not a glob Patternbook can read (${(err as Error).message})`;
  }
  return undefined;
}

function pathOf(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type ZodDef = { _zod?: { def?: Record<string, unknown> } };

/** Keys allowed in a nested object of a schema, for messages: read from the schema itself, so no section is forgotten. */
function nestedShape(schema: unknown, path: readonly PropertyKey[]): Record<string, unknown> {
  let node: unknown = schema;
  for (const step of path) {
    node = objectIn(node);
    const def = (node as ZodDef)?._zod?.def;
    if (!def) return {};
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[String(step)];
    else if (def.type === 'record') node = def.valueType;
    else if (def.type === 'array') node = def.element;
    else return {};
  }
  const def = (objectIn(node) as ZodDef)?._zod?.def;
  return def?.type === 'object' ? (def.shape as Record<string, unknown>) : {};
}

/** Past optional wrappers, and to the object among a union's options (`"warn"` or `["warn", {…}]` aside). */
function objectIn(node: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = (node as ZodDef)?._zod?.def;
    if (!def) return node;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') node = def.innerType;
    else if (def.type === 'union')
      node =
        (def.options as unknown[]).find((o) =>
          ['object', 'record', 'array', 'optional'].includes(String((o as { _zod?: { def?: { type?: string } } })._zod?.def?.type)),
        ) ?? node;
    else return node;
    if (def.type === 'union') return node;
  }
  return node;
}

/** The allowed key closest to a mistyped one (same letters in another case, or one or two edits away). */
function suggest(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return allowed.find((a) => a.toLowerCase() === lower) ?? allowed.find((a) => editDistance(a.toLowerCase(), lower) <= 2);
}
