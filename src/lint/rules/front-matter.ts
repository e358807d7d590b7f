import { frontMatterKey } from '../../markdown/front-matter.js';
import type { FrontMatterSchema } from '../../config/schema.js';
import type { MarkdownDocument } from '../../markdown/types.js';
import { splitNote, variantKey } from '../../template/heading-variants.js';
import { escapeRegExp } from '../../template/normalize.js';
import { defineRule } from '../rule.js';
import { closest } from '../../util/similar.js';
import { isCalendarDate } from './_blocks.js';

type Property = NonNullable<FrontMatterSchema['properties']>[string];
type ItemSpec = NonNullable<Property['items']>;
type Scalar = string | number | boolean;

export default defineRule({
  meta: {
    id: 'front-matter',
    description:
      'Front matter has the keys the configuration requires, each value of its type, allowed value or pattern, and no unknown keys when they are not allowed; a key the template spells another way (`tags` for `tag`) is a warning.',
    severity: 'error',
    fixable: false,
  },
  check({ pattern, catalog, template, report }) {
    // Front matter that is not valid YAML is read without its keys: front-matter-syntax says so, once.
    if (pattern.document.frontMatter?.error) return;
    // A key the template writes another way (`tags:` for its `tag:`, `Categories:` for `category:`): the
    // catalog's checks read the template's (the site's facets read either spelling). A warning.
    for (const [key, twin] of templateTwins(pattern.frontMatter, template.frontMatter))
      report({
        message: `Front matter key \`${key}\` is written \`${twin}\` in the template: rename it: the catalog's checks go by the template's keys, and one spelling keeps its documents alike (the site's facets read either).`,
        line: keyLine(pattern.document, key) ?? pattern.document.frontMatter?.startLine ?? 1,
        warning: true,
        expected: twin,
        actual: key,
      });
    const spec = catalog.config.frontMatter;
    if (!spec) return;
    const doc = pattern.document;
    const data = pattern.frontMatter;
    const properties = spec.properties ?? {};
    const keys = Object.keys(data);
    const known = [...new Set([...Object.keys(properties), ...(spec.required ?? []), ...Object.keys(template.frontMatter)])];
    const top = doc.frontMatter ? doc.frontMatter.startLine : 1;

    // A key written in another case (`Title:` for `title`) is that key, as the catalog reads it.
    const written = (key: string) => frontMatterKey(data, key);
    for (const key of spec.required ?? []) {
      const own = written(key);
      if (own !== undefined && data[own] !== null && data[own] !== undefined) continue;
      if (own !== undefined) {
        report({ message: `Front matter key \`${own}\` is empty: give it a value${describeSpec(properties[key])}.`, line: keyLine(doc, own) ?? top });
        continue;
      }
      const near = closest(
        key,
        keys.filter((k) => !known.includes(k)),
        (k) => k,
      );
      report({
        message: near
          ? `Front matter is missing the required key \`${key}\`: \`${near}\` looks like a misspelling of it.`
          : `Front matter is missing the required key \`${key}\`: add \`${key}:\`${describeSpec(properties[key])}${doc.frontMatter ? '' : ' in a front matter block (`---` lines) at the top of the file'}.`,
        line: near ? (keyLine(doc, near) ?? top) : top,
        expected: key,
        ...(near ? { actual: near } : {}),
      });
    }

    const knownFolded = new Set(known.map((k) => k.toLowerCase()));
    for (const key of keys) {
      const line = keyLine(doc, key) ?? top;
      const property = properties[key] ?? properties[Object.keys(properties).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ''];
      if (!property) {
        if (spec.additionalProperties === false && !knownFolded.has(key.toLowerCase())) {
          const near =
            closest(
              key,
              known.filter((k) => !(k in data)),
              (k) => k,
            ) ?? closest(key, known, (k) => k);
          report({
            message: `Unknown front matter key \`${key}\`: the configuration allows ${known.length > 0 ? known.map((k) => `\`${k}\``).join(', ') : 'no keys'}.${near ? ` Did you mean \`${near}\`?` : ' Remove it.'}`,
            line,
            ...(near ? { expected: near } : {}),
            actual: key,
          });
        }
        continue;
      }
      const value = data[key];
      if (value === null || value === undefined) {
        if (!(spec.required ?? []).some((k) => k.toLowerCase() === key.toLowerCase()))
          report({ message: `Front matter key \`${key}\` is empty: give it a value${describeSpec(property)}, or remove it.`, line });
        continue;
      }
      const problem = checkValue(value, property);
      if (problem)
        report({ message: `Front matter \`${key}\`: ${problem}`, line, ...(property.enum ? { expected: property.enum.join(' | ') } : {}), actual: show(value) });
    }
  },
});

/** What is wrong with a value, or undefined. */
function checkValue(value: unknown, property: Property): string | undefined {
  if (property.type && !hasType(value, property.type)) {
    return `${show(value)} is ${typeName(value)}, expected ${article(property.type)}${property.type === 'date' ? ' (YYYY-MM-DD, a real date)' : ''}.`;
  }
  const scalar = checkScalar(value, property);
  if (scalar) return scalar;
  if (property.items && Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = checkItem(item, property.items);
      if (problem) return `item ${i + 1} ${problem}`;
    }
  }
  return undefined;
}

function checkScalar(value: unknown, spec: { enum?: Scalar[] | undefined; pattern?: string | undefined }): string | undefined {
  if (spec.enum && !spec.enum.some((e) => e === value)) {
    const near = typeof value === 'string' ? closest(value, spec.enum.map(String), (e) => e) : undefined;
    return `${show(value)} is not one of ${spec.enum.map((e) => show(e)).join(', ')}.${near ? ` Did you mean ${show(near)}?` : ''}`;
  }
  if (spec.pattern !== undefined && typeof value === 'string') {
    const re = compile(spec.pattern);
    if (!re) return `the configured pattern ${show(spec.pattern)} is not a valid regular expression; fix \`frontMatter\` in the configuration.`;
    if (!re.test(value)) return `${show(value)} does not match the pattern ${show(spec.pattern)}.`;
  }
  return undefined;
}

function checkItem(item: unknown, spec: ItemSpec): string | undefined {
  if (spec.type && !hasType(item, spec.type)) return `${show(item)} is ${typeName(item)}, expected ${article(spec.type)}.`;
  return checkScalar(item, spec);
}

function hasType(value: unknown, type: NonNullable<Property['type']>): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
    case 'date': {
      if (value instanceof Date) return !Number.isNaN(value.getTime());
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return Boolean(m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])));
    }
  }
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'not a real date' : 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return 'a mapping';
}

function article(type: string): string {
  return { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', array: 'a list', object: 'a mapping', date: 'a date' }[type] ?? type;
}

function describeSpec(property: Property | undefined): string {
  if (!property) return '';
  if (property.enum) return ` (one of ${property.enum.map((e) => show(e)).join(', ')})`;
  if (property.type) return ` (${article(property.type)})`;
  return '';
}

function show(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 59)}…` : value}”`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value) ?? String(value);
}

function compile(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      return new RegExp(source);
    } catch {
      return undefined;
    }
  }
}

/** The line of `key:` in the front matter block (top-level keys only, quoted or not). */
function keyLine(doc: MarkdownDocument, key: string): number | undefined {
  const fm = doc.frontMatter;
  if (!fm) return undefined;
  const k = escapeRegExp(key);
  const re = new RegExp(`^(?:${k}|"${k}"|'${k}')\\s*:`);
  const index = fm.raw.split('\n').findIndex((line) => re.test(line));
  return index < 0 ? undefined : fm.startLine + 1 + index;
}

/**
 * Keys of a pattern's front matter that are another spelling of a key of the
 * template's (singular or plural, case: `tags` for `tag`) the pattern does not
 * have: each with the template's spelling.
 */
function templateTwins(data: Record<string, unknown>, templateData: Record<string, unknown>): [string, string][] {
  // A note after the template's key (`requires (*optional)`) is no part of it.
  const templateKeys = Object.keys(templateData).map((k) => splitNote(k).text.trim());
  if (templateKeys.length === 0) return [];
  const has = (keys: readonly string[], key: string) => keys.some((k) => k.toLowerCase() === key.toLowerCase());
  const own = Object.keys(data);
  const out: [string, string][] = [];
  for (const key of own) {
    if (has(templateKeys, key) || has(templateKeys, splitNote(key).text.trim())) continue;
    const twin = templateKeys.find((k) => variantKey(k) === variantKey(key) && !has(own, k));
    if (twin) out.push([key, twin]);
  }
  return out;
}
