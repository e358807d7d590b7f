import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson, type JsonNode } from '../../src/config/json-scan.js';
import { LineIndex } from '../../src/markdown/lines.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Where the scanner says the text breaks, as `line:column message`. */
function failure(text: string): string {
  const scan = scanJson(text);
  if (scan.ok) return 'ok';
  const at = new LineIndex(text).pointAt(scan.offset);
  return `${at.line}:${at.column} ${scan.message}`;
}

/** Every key of a scanned text with the text found at its offset, and every value's first character. */
function positions(text: string, node: JsonNode, out: string[] = []): string[] {
  if (node.kind === 'object') {
    for (const e of node.entries) {
      out.push(`${e.key}@${text.slice(e.keyStart, e.keyStart + JSON.stringify(e.key).length)}`);
      positions(text, e.value, out);
    }
  } else if (node.kind === 'array') node.items.forEach((item) => positions(text, item, out));
  else out.push(text[node.start]!);
  return out;
}

describe('the JSON position scanner', () => {
  it('accepts exactly what JSON.parse accepts (valid JSON, and JSON with a character inserted or removed)', () => {
    const significant = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\t', '/', '-', '.', 'e', '0', '1', 'x', "'", '\u0001', '\u2028');
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.nat({ max: 2 }), significant).map(([json, at, how, c]) => {
      const i = json.length ? at % json.length : 0;
      if (how === 0) return json.slice(0, i) + c + json.slice(i);
      if (how === 1) return json.slice(0, i) + json.slice(i + 1);
      return json.slice(0, i) + c + json.slice(i + 1);
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated), (text) => {
        expect(scanJson(text).ok, text).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('puts every key at its opening quote and every value at its first character', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const scan = scanJson(text);
        if (!scan.ok) throw new Error(`refused valid JSON ${text}`);
        const expected: string[] = [];
        const walk = (v: unknown) => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') {
            for (const [k, inner] of Object.entries(v)) {
              expected.push(`${k}@${JSON.stringify(k)}`);
              walk(inner);
            }
          } else expected.push(JSON.stringify(v)[0]!);
        };
        walk(JSON.parse(text));
        // fc.json() writes keys as JSON.stringify does and never repeats one, so the texts match.
        expect(positions(text, scan.root)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('says where and why a text is not JSON, in words a person can act on', () => {
    expect(failure('{ template: x, }')).toBe('1:3 property names must be in double quotes in JSON: `"template"`');
    expect(failure('{\n  "outDir": "a",\n}\n')).toBe('2:16 a comma before `}`: JSON allows no trailing comma');
    expect(failure('{\n  "patterns": ["a",]\n}')).toBe('2:19 a comma before `]`: JSON allows no trailing comma');
    expect(failure('{\n  // the output\n  "outDir": "a"\n}')).toBe(
      '2:3 JSON allows no comments; remove it, or write the configuration as patternbook.config.yaml, which does',
    );
    expect(failure('{\n  "patterns": [\n}')).toBe('3:1 `}` where the `[` of line 2 needs its `]` first');
    expect(failure('{\n  "outDir": \n}')).toBe('3:1 `outDir` has no value: write one before `}`');
    expect(failure('{\n  "outDir": "a"\n  "patterns": []\n}')).toBe('3:3 expected `,` or `}` after the value of `outDir`, found `"`');
    expect(failure('{\n  "outDir" "a"\n}')).toBe('2:12 expected `:` after the property name `outDir`, found `"`');
    expect(failure('{\n  "outDir": \'site\'\n}')).toBe('2:13 strings must be in double quotes in JSON');
    expect(failure('{ "a": 01 }')).toBe('1:8 `01` is not a JSON number');
    expect(failure('{ "a": True }')).toBe('1:8 unexpected `True`: a JSON value is a string in double quotes, a number, true, false, null, an object or an array');
    expect(failure('{ "a": "x\ny" }')).toBe('1:10 a line break inside a string: close the string with `"` on the same line, or write `\\n`');
    expect(failure('{ "a": "C:\\dir" }')).toBe('1:11 `\\d` is not a JSON escape; write `\\\\` for a backslash');
    expect(failure('{\n  "a": [1, 2\n')).toBe('3:1 the file ends before the `[` of line 2 is closed: add the `]`');
    expect(failure('{ "a": 1 } x')).toBe('1:12 unexpected `x` after the end of the JSON value');
    expect(failure('  \n')).toBe('1:1 the file is empty; a JSON configuration holds an object, `{}` at least');
    expect(failure('{ "a": "never closed }')).toBe('1:8 a string that is never closed: add the closing `"`');
  });

  it('refuses nesting deeper than any configuration needs, without overflowing the stack', () => {
    expect(failure(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/^1:258 nested more than 256 levels deep$/);
    expect(scanJson(`${'['.repeat(200)}${']'.repeat(200)}`).ok).toBe(true);
  });
});
