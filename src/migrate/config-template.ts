import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { isMap, isScalar, parseDocument, stringify, type Document, type YAMLMap } from 'yaml';
import type { CatalogConfig } from '../config/load-config.js';
import { BUILT_IN_TEMPLATE } from '../template/load-template.js';

/**
 * What a migration does to the configuration's `template` key, so that `lint`
 * (and `lint --fix`) checks the patterns against the template they were
 * migrated to, not the old one.
 */
export type ConfigTemplateChange =
  | {
      kind: 'edit';
      /** Absolute path of the configuration file. */
      file: string;
      /** Relative to the catalog root, `/`-separated: shown in diffs and messages. */
      path: string;
      /** The value `template` gets (relative to the catalog root). */
      value: string;
      before: string;
      /** The same text with only the `template` value changed (or its line added): comments and layout kept. */
      after: string;
    }
  | {
      kind: 'manual';
      /** What the user has to change, and why Patternbook did not. */
      message: string;
    };

/**
 * Works out the edit that points the configuration at the new template, or —
 * when Patternbook cannot make it (no configuration file, a template outside
 * the catalog, a file it cannot edit without touching anything else) — says
 * exactly what to change. Undefined when the configuration already names it.
 */
export function planConfigTemplate(config: CatalogConfig, text: string | undefined, to: string): ConfigTemplateChange | undefined {
  const target = path.resolve(to);
  const current = config.template ?? BUILT_IN_TEMPLATE;
  if (path.resolve(current) === target) return undefined;
  const rel = path.relative(config.root, target).split(path.sep).join('/');
  const outside = rel.startsWith('../') || rel === '..' || path.isAbsolute(rel);
  const configName = config.file ? path.relative(config.root, config.file).split(path.sep).join('/') : undefined;
  const still = `Until then \`lint\` checks the patterns against ${config.template ? path.relative(config.root, config.template).split(path.sep).join('/') : 'the built-in template'}, and \`lint --fix\` would undo the migration.`;

  if (outside) {
    const suggested = `templates/${path.basename(target)}`;
    const where = configName ?? 'patternbook.config.json (create it)';
    return {
      kind: 'manual',
      message: `Patternbook does not point the configuration at ${to}: the template is outside the catalog. Copy it into the catalog (e.g. to ${suggested}) and set \`template\` to "${suggested}" in ${where}. ${still}`,
    };
  }
  if (!config.file || text === undefined) {
    return {
      kind: 'manual',
      message: `The catalog has no configuration file to point at the new template: create patternbook.config.json with {"template": "${rel}"}. ${still}`,
    };
  }
  const json = /\.json$/i.test(config.file);
  const keyPath = path.basename(config.file) === 'package.json' ? ['patternbook'] : [];
  const after = editTemplateValue(text, keyPath, rel, json);
  if (after === undefined) {
    return {
      kind: 'manual',
      message: `Patternbook does not edit ${configName} (its layout is not one it can change without touching anything else): set \`template\` to "${rel}" in it. ${still}`,
    };
  }
  return { kind: 'edit', file: config.file, path: configName!, value: rel, before: text, after };
}

/**
 * `text` with the `template` value of the map at `keyPath` set to `value`,
 * every other byte as it was: the value's own range is replaced, or a line
 * is added before the first key. Undefined when that cannot be done safely
 * (not a map, a syntax error) or the result does not read back as the same
 * configuration with only `template` changed.
 */
function editTemplateValue(text: string, keyPath: string[], value: string, json: boolean): string | undefined {
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) return undefined;
  const map = keyPath.length ? doc.getIn(keyPath, true) : doc.contents;
  if (!isMap(map) || !map.range) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === 'template');
  let after: string | undefined;
  if (pair) {
    const node = pair.value;
    if (!isScalar(node) || !node.range) return undefined;
    const quoted =
      json || node.type === 'QUOTE_DOUBLE' ? JSON.stringify(value) : node.type === 'QUOTE_SINGLE' ? `'${value.replace(/'/g, "''")}'` : stringify(value).trimEnd();
    after = text.slice(0, node.range[0]) + quoted + text.slice(node.range[1]);
  } else {
    after = insertTemplateKey(text, map, value, json);
  }
  return after !== undefined && readsBackAs(doc, after, keyPath, value) ? after : undefined;
}

function insertTemplateKey(text: string, map: YAMLMap, value: string, json: boolean): string | undefined {
  const first = map.items[0]?.key;
  if (json) {
    const open = map.range![0];
    if (text[open] !== '{') return undefined;
    if (!first) {
      const close = text.indexOf('}', open);
      return `${text.slice(0, open)}{ "template": ${JSON.stringify(value)} }${text.slice(close + 1)}`;
    }
    if (!isScalar(first) || !first.range) return undefined;
    // The whitespace before the first key is repeated after the new one, so the old first key keeps its place.
    const lead = text.slice(open + 1, first.range[0]);
    if (!/^\s*$/.test(lead)) return undefined;
    return `${text.slice(0, first.range[0])}"template": ${JSON.stringify(value)},${lead}${text.slice(first.range[0])}`;
  }
  if (map.flow || !first || !isScalar(first) || !first.range) return undefined;
  const start = first.range[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return `${text.slice(0, start)}template: ${stringify(value).trimEnd()}${eol}${indent}${text.slice(start)}`;
}

/** The edited text parses, holds `value` at `template`, and every other value as before. */
function readsBackAs(before: Document, text: string, keyPath: string[], value: string): boolean {
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) return false;
  const old = before.toJS() as Record<string, unknown>;
  const now = doc.toJS() as Record<string, unknown>;
  const inner = (o: Record<string, unknown>) => (keyPath.length ? (o[keyPath[0]!] as Record<string, unknown>) : o);
  if (inner(now)?.template !== value) return false;
  const strip = (o: Record<string, unknown>) => {
    const copy = structuredClone(o);
    delete inner(copy).template;
    return copy;
  };
  return isDeepStrictEqual(strip(old), strip(now));
}
