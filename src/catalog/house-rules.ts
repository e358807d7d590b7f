import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repositoryRoot } from './links.js';

/**
 * What the catalog's own Markdown checks allow, read from its markdownlint
 * configuration (`.markdownlint.json`, `.jsonc`, `.yaml`, `.yml`, or the
 * `config` of `.markdownlint-cli2.jsonc` / `.yaml`), in the catalog's folder
 * or a folder above it up to its repository's root: the nearest one found.
 * Only what bears on Patternbook's findings is kept.
 */
export interface HouseRules {
  /** `MD025` (`single-title`, `single-h1`) is turned off: a page may have several H1s. */
  severalH1: boolean;
  /** `MD040` (`fenced-code-language`) is turned off: a fenced code block need not name its language. */
  bareFences: boolean;
  /** A configuration was found, and `MD025` is on in it: the catalog's own checks ask for one H1 a page. */
  oneH1: boolean;
  /** A configuration was found, and `MD040` is on in it: the catalog's own checks ask each fence for its language. */
  fenceLanguages: boolean;
}

const FILES = ['.markdownlint.json', '.markdownlint.jsonc', '.markdownlint.yaml', '.markdownlint.yml', '.markdownlint-cli2.jsonc', '.markdownlint-cli2.yaml'];

const cache = new Map<string, { stamp: string; value: HouseRules }>();

/**
 * The catalog's house rules, read again when one of the configuration files
 * it could read has changed (a `dev` server or the language server runs on
 * while the file is edited).
 */
export function houseRules(root: string): HouseRules {
  return readOnChange(cache, root, FILES, (candidates) => {
    let rules: HouseRules = { severalH1: false, bareFences: false, oneH1: false, fenceLanguages: false };
    for (const file of candidates) {
      const config = readConfig(file);
      if (config) {
        const severalH1 = ruleOff(config, ['MD025', 'single-title', 'single-h1']);
        const bareFences = ruleOff(config, ['MD040', 'fenced-code-language']);
        rules = { severalH1, bareFences, oneH1: !severalH1, fenceLanguages: !bareFences };
        break;
      }
    }
    return rules;
  });
}

/**
 * What `read` makes of the files named `names` in the catalog's folder and each folder above it up
 * to its repository's root (nearest first), worked out again only when one of them has changed (a
 * `dev` server or the language server runs on while they are edited).
 */
function readOnChange<T>(cache: Map<string, { stamp: string; value: T }>, root: string, names: readonly string[], read: (candidates: string[]) => T): T {
  const dir = path.resolve(root);
  const top = repositoryRoot(dir) ?? dir;
  const candidates: string[] = [];
  for (let at = dir; ; at = path.dirname(at)) {
    candidates.push(...names.map((name) => path.join(at, name)));
    if (at === top || path.dirname(at) === at) break;
  }
  const stamp = candidates.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? '-').join(' ');
  const cached = cache.get(dir);
  if (cached?.stamp === stamp) return cached.value;
  const value = read(candidates);
  cache.set(dir, { stamp, value });
  return value;
}

/** A configuration file's rules (`config` of a markdownlint-cli2 file); undefined when there is none or it cannot be read. */
function readConfig(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    // (JSON with comments is YAML enough once its comments are gone.)
    const data: unknown = parse(file.endsWith('.jsonc') || file.endsWith('.json') ? text.replace(/^\s*\/\/.*$|\/\*[\s\S]*?\*\//gm, '') : text, { logLevel: 'error' });
    if (!data || typeof data !== 'object') return undefined;
    const rules = path.basename(file).startsWith('.markdownlint-cli2') ? (data as { config?: unknown }).config : data;
    return rules && typeof rules === 'object' ? (rules as Record<string, unknown>) : undefined;
  } catch {
    // A file the catalog's own tool cannot read either: it says nothing here.
    return undefined;
  }
}

/** Whether a rule is off: set to `false` by one of its names, or every rule off by default and it not turned on. */
function ruleOff(config: Record<string, unknown>, names: readonly string[]): boolean {
  const key = Object.keys(config).find((k) => names.some((n) => n.toLowerCase() === k.toLowerCase()));
  if (key !== undefined) return config[key] === false;
  return config.default === false;
}

const idCache = new Map<string, { stamp: string; value: boolean }>();

/**
 * Whether the catalog's own site gives headings ids that keep their punctuation
 * (`#keep-logs%2C-metrics`): its `package.json` (or the lockfile beside it), in the
 * catalog's folder or one above it up to its repository's root, brings in markdown-it-anchor, whose
 * default ids do (as Eleventy sites build them). Links written with such ids
 * work on the catalog's site: by its own standard, they are not broken.
 */
export function siteKeepsPunctuationInIds(root: string): boolean {
  // (Its lockfile too: the site's generator plugin may bring markdown-it-anchor in, as the GOV.UK
  // Eleventy plugin does.)
  return readOnChange(idCache, root, ['package.json', 'package-lock.json'], (candidates) =>
    candidates.some((file) => {
      try {
        const text = readFileSync(file, 'utf8');
        if (file.endsWith('package-lock.json')) return text.includes('"node_modules/markdown-it-anchor"');
        const data = JSON.parse(text) as Record<string, unknown>;
        const deps = { ...(data.dependencies as object | undefined), ...(data.devDependencies as object | undefined) } as Record<string, unknown>;
        return 'markdown-it-anchor' in deps;
      } catch {
        // No such file there, or one its own tools cannot read: it says nothing.
        return false;
      }
    }),
  );
}

const mdoxCache = new Map<string, { stamp: string; value: boolean }>();
/**
 * Whether the catalog's own checks validate its links with mdox (`mdox fmt --links.validate` in a
 * `Makefile` of its folder or one above it up to its repository's root): mdox finds a heading by an
 * id without its underscores (`#handle-type-and-unit` for `` ## Handle `__type__` and `__unit__` ``),
 * so links written so pass the catalog's CI.
 */
export function linksCheckedByMdox(root: string): boolean {
  return readOnChange(mdoxCache, root, ['Makefile', 'makefile', 'GNUmakefile'], (candidates) =>
    candidates.some((file) => {
      try {
        return /\bmdox\b[^\n]*--links\.validate|\bMDOX\)?\s[^\n]*--links\.validate/i.test(readFileSync(file, 'utf8'));
      } catch {
        // No such file there: it says nothing.
        return false;
      }
    }),
  );
}

const jekyllCache = new Map<string, { stamp: string; value: boolean }>();
/**
 * Whether the catalog is published with Jekyll and its default Markdown, kramdown: a `_config.yml`
 * (or `.yaml`) in its folder or one above it up to its repository's root that names no other
 * Markdown (`markdown: CommonMarkGhPages`, `GFM`). kramdown, as Python-Markdown, shows an image whose
 * path has spaces as a picture.
 */
export function publishedWithKramdown(root: string): boolean {
  return readOnChange(jekyllCache, root, ['_config.yml', '_config.yaml'], (candidates) =>
    candidates.some((file) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return false;
      }
      const markdown = /^markdown\s*:\s*["']?([\w-]+)/m.exec(text)?.[1];
      return markdown === undefined || /^kramdown$/i.test(markdown);
    }),
  );
}

const mkdocsCache = new Map<string, { stamp: string; value: boolean }>();
/**
 * Whether the catalog is published with MkDocs: an `mkdocs.yml` (or `.yaml`) in its folder or
 * one above it up to its repository's root. Its Markdown (Python-Markdown) shows an image whose
 * path has spaces (`![](a b.png)`) as a picture, where git hosts show the text.
 */
export function publishedWithMkDocs(root: string): boolean {
  return readOnChange(mkdocsCache, root, ['mkdocs.yml', 'mkdocs.yaml'], (candidates) =>
    candidates.some((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true),
  );
}
