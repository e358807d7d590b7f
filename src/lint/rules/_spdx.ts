import spdxDeprecatedExceptions from 'spdx-exceptions/deprecated.json' with { type: 'json' };
import spdxExceptions from 'spdx-exceptions/index.json' with { type: 'json' };
import spdxDeprecated from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { foldText } from '../../template/normalize.js';
import { editDistance } from '../../util/similar.js';

/**
 * The licenses pattern catalogs use most, whose names people write in words
 * (`Apache License 2.0`): what a name is suggested as. Every identifier of the
 * SPDX License List is known (`MIT-0`, `CC-BY-3.0`…; see `KNOWN`).
 * Identifiers compare case-insensitively (as SPDX says); operators (`AND`,
 * `OR`, `WITH`) are upper case.
 */
export const SPDX_IDS = [
  '0BSD',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BSL-1.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'EPL-2.0',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'ISC',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MPL-2.0',
  'Unlicense',
  'Zlib',
] as const;

/** The SPDX License List's identifiers, deprecated ones too (`GPL-2.0` means `GPL-2.0-only`; still accepted), and its exceptions. */
const KNOWN = new Map([...SPDX_IDS, ...spdxIds, ...spdxDeprecated].map((id) => [id.toLowerCase(), id]));
const KNOWN_EXCEPTIONS = new Map([...spdxExceptions, ...spdxDeprecatedExceptions].map((id) => [id.toLowerCase(), id]));

/** Names people write for a license, by `aliasKey`. */
const ALIASES: [string[], string][] = [
  [['apache', 'apache 2', 'apache2', 'asl 2', 'asf 2'], 'Apache-2.0'],
  [['mit', 'expat', 'mit expat'], 'MIT'],
  [['bsd 2 clause', 'bsd 2', 'bsd2', 'simplified bsd', 'freebsd'], 'BSD-2-Clause'],
  [['bsd', 'bsd 3 clause', 'bsd 3', 'bsd3', 'new bsd', 'modified bsd', 'revised bsd'], 'BSD-3-Clause'],
  [['bsd 0 clause', 'zero clause bsd', 'bsd zero clause', '0 bsd'], '0BSD'],
  [['gpl 2', 'gpl2', 'gnu gpl 2', 'gnu general public 2'], 'GPL-2.0-only'],
  [['gpl 2 or later', 'gpl 2 plus', 'gnu gpl 2 or later'], 'GPL-2.0-or-later'],
  [['gpl', 'gpl 3', 'gpl3', 'gnu gpl', 'gnu gpl 3', 'gnu general public 3', 'gnu general public'], 'GPL-3.0-only'],
  [['gpl 3 or later', 'gpl 3 plus', 'gnu gpl 3 or later'], 'GPL-3.0-or-later'],
  [['lgpl 2 1', 'lgpl2 1', 'gnu lgpl 2 1', 'gnu lesser general public 2 1'], 'LGPL-2.1-only'],
  [['lgpl', 'lgpl 3', 'lgpl3', 'gnu lgpl 3', 'gnu lesser general public 3'], 'LGPL-3.0-only'],
  [['agpl', 'agpl 3', 'agpl3', 'gnu agpl 3', 'gnu affero general public 3'], 'AGPL-3.0-only'],
  [['mpl', 'mpl 2', 'mpl2', 'mozilla public 2', 'mozilla 2'], 'MPL-2.0'],
  [['epl', 'epl 2', 'epl2', 'eclipse public 2', 'eclipse 2'], 'EPL-2.0'],
  [['boost', 'boost software', 'boost software 1', 'bsl 1'], 'BSL-1.0'],
  [['cc0', 'cc0 1', 'cc zero', 'creative commons zero'], 'CC0-1.0'],
  [['cc by 4', 'creative commons attribution 4', 'creative commons by 4'], 'CC-BY-4.0'],
  [['cc by sa 4', 'creative commons attribution sharealike 4', 'creative commons attribution share alike 4', 'creative commons by sa 4'], 'CC-BY-SA-4.0'],
  [['isc'], 'ISC'],
  [['zlib', 'zlib libpng'], 'Zlib'],
  [['unlicense', 'unlicensed'], 'Unlicense'],
];

/**
 * Folds a license name so that spellings compare equal: case, punctuation,
 * "the", "license", "version" and a `v` before a number do not matter, nor
 * does a trailing `.0` (`Apache License, Version 2.0` → `apache 2`).
 */
export function aliasKey(text: string): string {
  return foldText(text.replace(/\+/g, ' plus '))
    .replace(/\b([a-z]+)v(\d)/g, '$1 $2')
    .split(' ')
    .filter((w) => !['the', 'license', 'licence', 'licensed', 'version', 'v', 'ver'].includes(w))
    .join(' ')
    .replace(/(\d) 0\b/g, '$1')
    .replace(/\b(\d+) 0\b/g, '$1')
    .trim();
}

const ALIAS_KEYS = new Map<string, string>();
for (const [names, id] of ALIASES) for (const name of names) ALIAS_KEYS.set(aliasKey(name), id);
for (const id of SPDX_IDS) if (!ALIAS_KEYS.has(aliasKey(id))) ALIAS_KEYS.set(aliasKey(id), id);

/** The canonical id for an identifier (any case), `LicenseRef-…`, or undefined. */
export function knownLicense(word: string): string | undefined {
  if (/^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(word)) return word;
  const plus = word.endsWith('+') ? word.slice(0, -1) : word;
  const id = KNOWN.get(plus.toLowerCase());
  return id ? id + (plus === word ? '' : '+') : undefined;
}

export type ExpressionResult = { ok: true } | { ok: false; problem: string; unknown?: string };

/**
 * Parses an SPDX license expression: identifiers joined by `AND`, `OR`,
 * `id WITH exception`, parentheses; `AND` binds tighter than `OR`.
 */
export function parseExpression(text: string): ExpressionResult {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  if (tokens.length === 0) return { ok: false, problem: 'it is empty' };
  let pos = 0;
  const fail = (problem: string, unknown?: string): never => {
    throw Object.assign(new Error(problem), { unknown });
  };
  const peek = (): string | undefined => tokens[pos];
  const license = (): void => {
    const t = peek();
    if (t === undefined) fail('it ends where a license identifier is expected');
    if (t === '(') {
      pos++;
      or();
      if (peek() !== ')') fail('a `(` is never closed');
      pos++;
      return;
    }
    if (t === ')' || t === 'AND' || t === 'OR' || t === 'WITH') fail(`\`${t}\` stands where a license identifier is expected`);
    if (!knownLicense(t!)) fail(`\`${t}\` is not an SPDX license identifier`, t);
    pos++;
    if (peek() === 'WITH') {
      pos++;
      const e = peek();
      if (e === undefined) fail('`WITH` is not followed by an exception');
      if (!KNOWN_EXCEPTIONS.has(e!.toLowerCase()) && !/exception/i.test(e!)) fail(`\`${e}\` is not an SPDX license exception`);
      pos++;
    }
  };
  const and = (): void => {
    license();
    while (peek() === 'AND') {
      pos++;
      license();
    }
  };
  const or = (): void => {
    and();
    while (peek() === 'OR') {
      pos++;
      and();
    }
  };
  try {
    or();
    if (pos < tokens.length) fail(`\`${tokens[pos]}\` is not expected after a complete expression (join licenses with AND or OR)`);
    return { ok: true };
  } catch (err) {
    const e = err as Error & { unknown?: string };
    return { ok: false, problem: e.message, ...(e.unknown ? { unknown: e.unknown } : {}) };
  }
}

/** Whether text is shaped like an expression (identifiers, operators, parentheses) rather than prose. */
export function looksLikeExpression(text: string): boolean {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  if (tokens.length === 0 || !tokens.every((t) => /^[()]$|^[A-Za-z0-9][A-Za-z0-9.:+-]*$/.test(t))) return false;
  return tokens.length === 1 || tokens.some((t) => t === 'AND' || t === 'OR' || t === 'WITH');
}

/** The SPDX id a name stands for, when it is a well-known alias or a near miss (`Apache 2` → `Apache-2.0`). */
export function suggestLicense(text: string): string | undefined {
  const key = aliasKey(text);
  if (!key) return undefined;
  const exact = ALIAS_KEYS.get(key);
  if (exact) return exact;
  // The longest alias inside the text ("released under the Apache License 2.0").
  const padded = ` ${key} `;
  let best: [string, string] | undefined;
  for (const [alias, id] of ALIAS_KEYS) {
    if (alias.length >= 3 && padded.includes(` ${alias} `) && (!best || alias.length > best[0].length)) best = [alias, id];
  }
  if (best) return best[1];
  // A typo in a short name ("Apahce-2.0").
  if (key.split(' ').length > 4) return undefined;
  let near: [number, string] | undefined;
  for (const [alias, id] of ALIAS_KEYS) {
    const d = editDistance(key, alias);
    if (d <= Math.max(1, Math.floor(key.length / 4)) && (!near || d < near[0])) near = [d, id];
  }
  return near?.[1];
}
