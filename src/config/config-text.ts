import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { PatternbookError } from '../diagnostics.js';
import { LineIndex } from '../markdown/lines.js';
import { scanJson, type JsonNode } from './json-scan.js';

/** A key path in the configuration: `['overrides', 0, 'rules', 'link']`. */
export type KeyPath = readonly (string | number)[];

/**
 * Where a key or its value starts in the file, as a 0-based offset;
 * `undefined` when the file has no such key.
 */
export interface Locator {
  value(path: KeyPath): number | undefined;
  key(path: KeyPath): number | undefined;
}

export interface ConfigText {
  /** The parsed values. */
  data: unknown;
  locate: Locator;
  lines: LineIndex;
}

/** YAML configuration: aliases are bounded, like front matter's. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses a configuration file's text in its own language — JSON for `.json`
 * files and package.json, YAML otherwise — keeping where each key is. A syntax
 * error is a PatternbookError at its line and column.
 */
export function parseConfigText(raw: string, file: string, language: 'json' | 'yaml'): ConfigText {
  // A byte order mark is invisible in an editor: columns are counted without it.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const lines = new LineIndex(text);
  const syntaxError = (offset: number, message: string) => {
    const at = lines.pointAt(offset);
    return new PatternbookError(`${file}:${at.line}:${at.column}: ${message}. Fix the syntax of the configuration file.`);
  };
  return language === 'json' ? parseJson(text, lines, syntaxError) : parseYaml(text, lines, syntaxError);
}

function parseJson(text: string, lines: LineIndex, syntaxError: (offset: number, message: string) => PatternbookError): ConfigText {
  const scan = scanJson(text);
  if (!scan.ok) throw syntaxError(scan.offset, scan.message);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // The scanner accepts what JSON.parse accepts; should they ever disagree, JSON.parse has the last word.
    throw syntaxError(Number(/at position (\d+)/.exec((err as Error).message)?.[1] ?? 0), (err as Error).message);
  }
  return { data, locate: jsonLocator(scan.root), lines };
}

function parseYaml(text: string, lines: LineIndex, syntaxError: (offset: number, message: string) => PatternbookError): ConfigText {
  const doc = parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw syntaxError(problem.pos[0], firstLine(problem.message));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw syntaxError(0, `${firstLine((err as Error).message)}; use fewer aliases`);
  }
  return { data, locate: yamlLocator(doc), lines };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\.$/, '');
}

function jsonLocator(root: JsonNode): Locator {
  const nodeAt = (path: KeyPath): JsonNode | undefined => {
    let node: JsonNode | undefined = root;
    for (const step of path) {
      if (node?.kind === 'object') node = node.entries.findLast((e) => e.key === String(step))?.value;
      else if (node?.kind === 'array' && typeof step === 'number') node = node.items[step];
      else return undefined;
    }
    return node;
  };
  return {
    value: (path) => nodeAt(path)?.start,
    key(path) {
      const parent = nodeAt(path.slice(0, -1));
      const last = path[path.length - 1];
      if (parent?.kind === 'object') return parent.entries.findLast((e) => e.key === String(last))?.keyStart;
      if (parent?.kind === 'array' && typeof last === 'number') return parent.items[last]?.start;
      return undefined;
    },
  };
}

function yamlLocator(doc: Document): Locator {
  const nodeAt = (path: KeyPath): unknown => (path.length === 0 ? doc.contents : doc.getIn(path, true));
  const start = (node: unknown) => (node as { range?: [number, number, number] } | undefined)?.range?.[0];
  return {
    value: (path) => start(nodeAt(path)),
    key(path) {
      const parent = nodeAt(path.slice(0, -1));
      const last = path[path.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
        return isScalar(pair?.key) ? start(pair.key) : undefined;
      }
      if (isSeq(parent) && typeof last === 'number') return start(parent.items[last]);
      return undefined;
    },
  };
}
