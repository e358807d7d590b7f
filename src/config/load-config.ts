import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PatternbookError } from '../diagnostics.js';
import { parseConfigText, type ConfigText, type KeyPath, type Locator } from './config-text.js';
import { CONFIG_KEYS, DEFAULTS, parseSize, type ConfigFile } from './schema.js';
import { checkConfig, formatProblems, type KnownRule } from './validate.js';

/** Looked for in this order in the catalog root. */
export const CONFIG_FILES = ['patternbook.config.json', 'patternbook.config.yaml', 'patternbook.config.yml'] as const;

export interface CatalogConfig {
  /** Absolute catalog root. */
  root: string;
  /** Absolute path of the configuration file, when there is one. */
  file?: string;
  /** Absolute path of the template, or undefined for the built-in one. */
  template?: string;
  /**
   * Absolute paths of the catalog's other templates (`template: [a, b]`): each pattern is
   * judged by the one of these and `template` whose sections it has most of.
   */
  siblingTemplates?: string[];
  patterns: string[];
  exclude: string[];
  /** Build output folder relative to the root; never read as part of the catalog. */
  outDir: string;
  maxFileSize: number;
  sections: NonNullable<ConfigFile['sections']>;
  placeholders: NonNullable<ConfigFile['placeholders']>;
  /** Where patterns keep their title and summary, when the configuration says (else where the template keeps its own). */
  title?: ConfigFile['title'];
  summary?: ConfigFile['summary'];
  /** A YAML file beside each pattern whose keys are its front matter too (`kep.yaml`). */
  metadataFile?: string;
  /** Which patterns are no longer maintained (see `isInactive`); undefined: the default. */
  inactive?: ConfigFile['inactive'];
  /** Which patterns are still being written (see `isDraft`); undefined: the default. */
  drafts?: ConfigFile['drafts'];
  /** The front matter key a pattern lists what it is excused from in (see `waivedNames`). */
  waivers?: ConfigFile['waivers'];
  rules: NonNullable<ConfigFile['rules']>;
  frontMatter?: ConfigFile['frontMatter'];
  site: NonNullable<ConfigFile['site']>;
  run: NonNullable<ConfigFile['run']>;
  report: NonNullable<ConfigFile['report']>;
  search: NonNullable<ConfigFile['search']>;
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  try {
    const json: unknown = JSON.parse(text);
    return isRecord(json) && 'patternbook' in json;
  } catch {
    // A broken package.json that names the key is taken as ours: loading it says where it breaks.
    return mentionsPatternbook(text);
  }
}

export interface LoadConfigOptions {
  /**
   * The lint rules the configuration may name. When given, unknown rule ids and
   * invalid rule options are reported with every other problem of the file, at
   * their line; without them rule settings are not checked here (the lint engine
   * still refuses them when it runs).
   */
  rules?: readonly KnownRule[];
}

/**
 * Reads and validates the catalog's configuration. Every problem of the file
 * is reported at once, as one PatternbookError whose lines name the file, line,
 * column and key.
 */
export async function loadConfig(root: string, options: LoadConfigOptions = {}): Promise<CatalogConfig> {
  const absRoot = path.resolve(root);
  const found = await readConfigFile(absRoot, options.rules);
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
    ...templatesOf(absRoot, values.template),
    patterns: values.patterns ?? DEFAULTS.patterns,
    exclude: values.exclude ?? DEFAULTS.exclude,
    outDir: values.outDir ?? DEFAULTS.outDir,
    maxFileSize: values.maxFileSize !== undefined ? parseSize(values.maxFileSize) : DEFAULTS.maxFileSize,
    sections: values.sections ?? {},
    placeholders: values.placeholders ?? {},
    ...(values.title ? { title: values.title } : {}),
    ...(values.summary ? { summary: values.summary } : {}),
    ...(values.inactive !== undefined ? { inactive: values.inactive } : {}),
    ...(values.drafts !== undefined ? { drafts: values.drafts } : {}),
    ...(values.waivers ? { waivers: values.waivers } : {}),
    ...(values.metadataFile ? { metadataFile: values.metadataFile } : {}),
    rules: values.rules ?? {},
    ...(values.frontMatter ? { frontMatter: values.frontMatter } : {}),
    site: values.site ?? {},
    run: values.run ?? {},
    report: values.report ?? {},
    search: values.search ?? {},
    // Templates named by overrides are read from the catalog root, like `template`.
    overrides: (values.overrides ?? []).map((o) => (o.template ? { ...o, template: path.resolve(absRoot, o.template) } : o)),
    sources,
  };
}

/** `template` as a file, or a list whose first is the template and the rest its siblings. */
function templatesOf(root: string, value: ConfigFile['template']): Pick<CatalogConfig, 'template' | 'siblingTemplates'> {
  if (value === undefined) return {};
  const [first, ...rest] = (Array.isArray(value) ? value : [value]).map((t) => path.resolve(root, t));
  return { template: first!, ...(rest.length > 0 ? { siblingTemplates: rest } : {}) };
}

async function readConfigFile(root: string, rules: readonly KnownRule[] | undefined): Promise<{ file: string; values: ConfigFile } | undefined> {
  const present = CONFIG_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f));
  if (present.length > 1) {
    throw new PatternbookError(`Found ${present.map((f) => path.basename(f)).join(' and ')} in ${root}: keep one configuration file.`);
  }
  if (present[0]) {
    const file = present[0];
    const text = parseConfigText(await readFile(file, 'utf8'), file, file.endsWith('.json') ? 'json' : 'yaml');
    return { file, values: validate(text, text.data, file, [], rules) };
  }
  const pkg = path.join(root, 'package.json');
  if (existsSync(pkg)) {
    const raw = await readFile(pkg, 'utf8');
    // A package.json that is not JSON is npm's business, unless it holds our key: then say where it breaks.
    if (!mentionsPatternbook(raw)) return undefined;
    const text = parseConfigText(raw, pkg, 'json');
    if (isRecord(text.data) && 'patternbook' in text.data) return { file: pkg, values: validate(text, text.data.patternbook, pkg, ['patternbook'], rules) };
  }
  return undefined;
}

/** Whether a package.json's text names a `patternbook` key (its JSON may be broken). */
function mentionsPatternbook(text: string): boolean {
  return /"patternbook"\s*:/.test(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The values checked in one pass; every problem at its line (package.json's key paths start at `patternbook`). */
function validate(text: ConfigText, data: unknown, file: string, prefix: KeyPath, rules: readonly KnownRule[] | undefined): ConfigFile {
  const checked = checkConfig(data, rules);
  if (checked.ok) return checked.values;
  const locate: Locator = { value: (p) => text.locate.value([...prefix, ...p]), key: (p) => text.locate.key([...prefix, ...p]) };
  throw new PatternbookError(formatProblems(checked.problems, file, { locate, lines: text.lines }));
}
