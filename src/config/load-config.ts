import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { PatternbookError } from '../diagnostics.js';
import { LineIndex } from '../markdown/lines.js';
import { editDistance } from '../util/similar.js';
import { CONFIG_KEYS, DEFAULTS, configSchema, parseSize, type ConfigFile } from './schema.js';

/** Looked for in this order in the catalog root. */
export const CONFIG_FILES = ['patternbook.config.json', 'patternbook.config.yaml', 'patternbook.config.yml'] as const;

export interface CatalogConfig {
  /** Absolute catalog root. */
  root: string;
  /** Absolute path of the configuration file, when there is one. */
  file?: string;
  /** Absolute path of the template, or undefined for the built-in one. */
  template?: string;
  patterns: string[];
  exclude: string[];
  /** Build output folder relative to the root; never read as part of the catalog. */
  outDir: string;
  maxFileSize: number;
  sections: NonNullable<ConfigFile['sections']>;
  placeholders: NonNullable<ConfigFile['placeholders']>;
  rules: NonNullable<ConfigFile['rules']>;
  frontMatter?: ConfigFile['frontMatter'];
  site: NonNullable<ConfigFile['site']>;
  run: NonNullable<ConfigFile['run']>;
  report: NonNullable<ConfigFile['report']>;
  overrides: NonNullable<ConfigFile['overrides']>;
  /** Where each value came from: the configuration file, or `default`. */
  sources: Record<string, string>;
}

/** The nearest folder from `start` upward that holds a configuration file, else `start` itself. */
export function findCatalogRoot(start: string): string {
  return findConfigRoot(start) ?? path.resolve(start);
}

/** The nearest folder from `start` upward that holds a configuration file, if any. */
export function findConfigRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (CONFIG_FILES.some((f) => existsSync(path.join(dir, f))) || packageJsonHasConfig(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageJsonHasConfig(dir: string): boolean {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return 'patternbook' in (JSON.parse(readFileSync(file, 'utf8')) as object);
  } catch {
    return false;
  }
}

/** Reads and validates the catalog's configuration; a problem is a PatternbookError naming the file, line and key. */
export async function loadConfig(root: string): Promise<CatalogConfig> {
  const absRoot = path.resolve(root);
  const found = await readConfigFile(absRoot);
  return resolveConfig(absRoot, found?.values ?? {}, found?.file);
}

/** Applies defaults to validated configuration values, recording where each came from. */
export function resolveConfig(root: string, values: ConfigFile, file?: string): CatalogConfig {
  const absRoot = path.resolve(root);
  const label = file ? path.relative(process.cwd(), file) || file : 'default';
  const sources: Record<string, string> = {};
  for (const key of CONFIG_KEYS) sources[key] = key in values ? label : 'default';
  return {
    root: absRoot,
    ...(file ? { file } : {}),
    ...(values.template ? { template: path.resolve(absRoot, values.template) } : {}),
    patterns: values.patterns ?? DEFAULTS.patterns,
    exclude: values.exclude ?? DEFAULTS.exclude,
    outDir: values.outDir ?? DEFAULTS.outDir,
    maxFileSize: values.maxFileSize !== undefined ? parseSize(values.maxFileSize) : DEFAULTS.maxFileSize,
    sections: values.sections ?? {},
    placeholders: values.placeholders ?? {},
    rules: values.rules ?? {},
    ...(values.frontMatter ? { frontMatter: values.frontMatter } : {}),
    site: values.site ?? {},
    run: values.run ?? {},
    report: values.report ?? {},
    overrides: values.overrides ?? [],
    sources,
  };
}

async function readConfigFile(root: string): Promise<{ file: string; values: ConfigFile } | undefined> {
  const present = CONFIG_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f));
  if (present.length > 1) {
    throw new PatternbookError(`Found ${present.map((f) => path.basename(f)).join(' and ')} in ${root}: keep one configuration file.`);
  }
  if (present[0]) {
    const file = present[0];
    return { file, values: validate(await readFile(file, 'utf8'), file, []) };
  }
  const pkg = path.join(root, 'package.json');
  if (existsSync(pkg)) {
    const text = await readFile(pkg, 'utf8');
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if ('patternbook' in json) return { file: pkg, values: validate(text, pkg, ['patternbook']) };
  }
  return undefined;
}

function validate(text: string, file: string, prefix: string[]): ConfigFile {
  const doc = parseDocument(text, { prettyErrors: false });
  const lines = new LineIndex(text);
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lines.pointAt(syntax.pos[0]);
    throw new PatternbookError(`${file}:${at.line}:${at.column}: ${syntax.message.split('\n')[0]}. Fix the syntax of the configuration file.`);
  }
  const data: unknown = prefix.length ? (doc.toJS() as Record<string, unknown>)[prefix[0]!] : (doc.toJS() ?? {});
  const result = configSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => describeIssue(issue, doc, lines, file, prefix));
  throw new PatternbookError(messages.join('\n'));
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lines: LineIndex, file: string, prefix: string[]): string {
  const keyPath = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const key = issue.path.join('.');
  const at = (range: [number, number, number] | undefined) => {
    const point = range ? lines.pointAt(range[0]) : { line: 1, column: 1 };
    return `${file}:${point.line}:${point.column}`;
  };
  if (issue.code === 'unrecognized_keys') {
    const parent = doc.getIn(keyPath, true);
    const allowed = issue.path.length === 0 ? CONFIG_KEYS : Object.keys(nestedShape(issue.path));
    return issue.keys
      .map((unknown) => {
        const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === unknown) : undefined;
        const where = at(isScalar(pair?.key) ? pair.key.range ?? undefined : undefined);
        const near = suggest(unknown, allowed);
        return `${where}: unknown key \`${unknown}\`${key ? ` in \`${key}\`` : ''}.${near ? ` Did you mean \`${near}\`?` : ''} Allowed keys: ${allowed.join(', ')}.`;
      })
      .join('\n');
  }
  const node = doc.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
  // A rule's setting: say what is allowed rather than zod's "Invalid input".
  if ((issue.path[0] === 'rules' || (issue.path[0] === 'overrides' && issue.path[2] === 'rules')) && issue.code === 'invalid_union') {
    return `${at(node?.range)}: \`${key}\`: expected "off", "warn" or "error", or ["warn", { …options }].`;
  }
  return `${at(node?.range)}: \`${key || '(top level)'}\`: ${issue.message}.`;
}

/** Keys allowed in a nested object of the schema, for messages: read from the schema itself, so no section is forgotten. */
function nestedShape(path: PropertyKey[]): Record<string, unknown> {
  let node: unknown = configSchema;
  for (const step of path) {
    node = objectIn(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return {};
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[String(step)];
    else if (def.type === 'record') node = def.valueType;
    else if (def.type === 'array') node = def.element;
    else return {};
  }
  const def = (objectIn(node) as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  return def?.type === 'object' ? (def.shape as Record<string, unknown>) : {};
}

/** Past optional wrappers, and to the object among a union's options (`"warn"` or `["warn", {…}]` aside). */
function objectIn(node: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return node;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') node = def.innerType;
    else if (def.type === 'union') node = (def.options as unknown[]).find((o) => ['object', 'record', 'array', 'optional'].includes(String((o as { _zod?: { def?: { type?: string } } })._zod?.def?.type))) ?? node;
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
