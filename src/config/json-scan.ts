/**
 * Where things are in a JSON text: the offset of every value and every object
 * key, or where and why the text is not JSON.
 *
 * JSON.parse decodes the values; this scanner only finds positions, for
 * messages in the file's own terms (`patternbook.config.json:3:18`). Why not
 * JSON.parse's error: V8's messages carry a position only sometimes ("Unexpected
 * token '}', … is not valid JSON" has none on Node 20) and change wording between
 * Node versions. Why not the `yaml` parser on JSON text: YAML is a near superset
 * of JSON, not an exact one (it refuses duplicate keys and keys over 1024
 * characters that JSON allows), so its positions could be missing for text
 * JSON.parse accepts. The scanner follows RFC 8259 to the letter and accepts
 * exactly what JSON.parse accepts (a property test holds the two together).
 */

import { LineIndex } from '../markdown/lines.js';

export type JsonNode = { kind: 'object'; start: number; entries: JsonEntry[] } | { kind: 'array'; start: number; items: JsonNode[] } | { kind: 'scalar'; start: number };

export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export type JsonScan = { ok: true; root: JsonNode } | { ok: false; offset: number; message: string };

/** Deeper than this is refused: no configuration nests so deep, and the scanner recurses. */
const MAX_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);
  try {
    scanner.space();
    if (scanner.at >= text.length) throw new JsonSyntaxError(0, 'the file is empty; a JSON configuration holds an object, `{}` at least');
    const root = scanner.value(0);
    scanner.space();
    if (scanner.at < text.length) throw new JsonSyntaxError(scanner.at, `unexpected ${scanner.shown()} after the end of the JSON value`);
    return { ok: true, root };
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { ok: false, offset: err.offset, message: err.message };
    throw err;
  }
}

class Scanner {
  at = 0;
  /** The last comma passed, to point at a trailing one. */
  private lastComma = 0;

  constructor(private readonly text: string) {}

  /** JSON's whitespace only: space, tab, line feed, carriage return. */
  space(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.at);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.at++;
      else if (c === 47 /* / */ && (this.text[this.at + 1] === '/' || this.text[this.at + 1] === '*')) {
        throw new JsonSyntaxError(this.at, 'JSON allows no comments; remove it, or write the configuration as patternbook.config.yaml, which does');
      } else return;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(this.at, `nested more than ${MAX_DEPTH} levels deep`);
    const start = this.at;
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      this.string();
      return { kind: 'scalar', start };
    }
    if (c === "'") throw new JsonSyntaxError(start, 'strings must be in double quotes in JSON');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = start;
      const m = NUMBER.exec(this.text);
      const end = m ? start + m[0].length : start;
      const next = this.text[end];
      if (!m || (next !== undefined && /[\w.+-]/.test(next))) throw new JsonSyntaxError(start, `${this.shown(start, /[\w.+-]/)} is not a JSON number`);
      this.at = end;
      return { kind: 'scalar', start };
    }
    WORD.lastIndex = start;
    const word = WORD.exec(this.text)?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.at += word.length;
      return { kind: 'scalar', start };
    }
    if (c === undefined) throw new JsonSyntaxError(start, 'the file ends where a value was expected');
    throw new JsonSyntaxError(start, `unexpected ${this.shown()}: a JSON value is a string in double quotes, a number, true, false, null, an object or an array`);
  }

  object(depth: number): JsonNode {
    const start = this.at;
    const entries: JsonEntry[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return { kind: 'object', start, entries };
    }
    for (;;) {
      const keyStart = this.at;
      const c = this.text[this.at];
      if (c === '}' && entries.length > 0) throw new JsonSyntaxError(this.lastComma, 'a comma before `}`: JSON allows no trailing comma');
      if (c === undefined) throw this.unclosed(start, '{', '}');
      if (c === ']') throw this.mismatched(start, '{', '}');
      if (c !== '"') {
        WORD.lastIndex = keyStart;
        const word = WORD.exec(this.text)?.[0];
        throw new JsonSyntaxError(
          keyStart,
          word ? `property names must be in double quotes in JSON: \`"${word}"\`` : `unexpected ${this.shown()} where a property name in double quotes was expected`,
        );
      }
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.at)) as string;
      this.space();
      if (this.text[this.at] !== ':') {
        if (this.at >= this.text.length) throw this.unclosed(start, '{', '}');
        throw new JsonSyntaxError(this.at, `expected \`:\` after the property name \`${key}\`, found ${this.shown()}`);
      }
      this.at++;
      this.space();
      if (this.text[this.at] === ']' || this.text[this.at] === '}') throw new JsonSyntaxError(this.at, `\`${key}\` has no value: write one before ${this.shown()}`);
      entries.push({ key, keyStart, value: this.value(depth + 1) });
      this.space();
      const next = this.text[this.at];
      if (next === '}') {
        this.at++;
        return { kind: 'object', start, entries };
      }
      if (next === ',') {
        this.lastComma = this.at;
        this.at++;
        this.space();
        continue;
      }
      if (next === undefined) throw this.unclosed(start, '{', '}');
      if (next === ']') throw this.mismatched(start, '{', '}');
      throw new JsonSyntaxError(this.at, `expected \`,\` or \`}\` after the value of \`${key}\`, found ${this.shown()}`);
    }
  }

  array(depth: number): JsonNode {
    const start = this.at;
    const items: JsonNode[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return { kind: 'array', start, items };
    }
    for (;;) {
      if (this.text[this.at] === ']' && items.length > 0) throw new JsonSyntaxError(this.lastComma, 'a comma before `]`: JSON allows no trailing comma');
      if (this.at >= this.text.length) throw this.unclosed(start, '[', ']');
      if (this.text[this.at] === '}') throw this.mismatched(start, '[', ']');
      items.push(this.value(depth + 1));
      this.space();
      const next = this.text[this.at];
      if (next === ']') {
        this.at++;
        return { kind: 'array', start, items };
      }
      if (next === ',') {
        this.lastComma = this.at;
        this.at++;
        this.space();
        continue;
      }
      if (next === undefined) throw this.unclosed(start, '[', ']');
      if (next === '}') throw this.mismatched(start, '[', ']');
      throw new JsonSyntaxError(this.at, `expected \`,\` or \`]\` after an item of the list, found ${this.shown()}`);
    }
  }

  /** Past a string in double quotes, checking its escapes and refusing control characters. */
  string(): void {
    const start = this.at;
    this.at++;
    for (;;) {
      const c = this.text.charCodeAt(this.at);
      if (Number.isNaN(c)) throw new JsonSyntaxError(start, 'a string that is never closed: add the closing `"`');
      if (c === 34 /* " */) {
        this.at++;
        return;
      }
      if (c === 10 || c === 13) throw new JsonSyntaxError(this.at, 'a line break inside a string: close the string with `"` on the same line, or write `\\n`');
      if (c < 0x20) throw new JsonSyntaxError(this.at, 'a control character inside a string: write it as an escape such as `\\t`');
      if (c === 92 /* \ */) {
        const e = this.text[this.at + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) this.at += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.at += 6;
        else throw new JsonSyntaxError(this.at, `\`\\${e ?? ''}\` is not a JSON escape; write \`\\\\\` for a backslash`);
        continue;
      }
      this.at++;
    }
  }

  private unclosed(start: number, open: string, close: string): JsonSyntaxError {
    const opened = new LineIndex(this.text).pointAt(start);
    return new JsonSyntaxError(this.text.length, `the file ends before the \`${open}\` of line ${opened.line} is closed: add the \`${close}\``);
  }

  /** A `}` where a `]` was due, or the other way round. */
  private mismatched(start: number, open: string, close: string): JsonSyntaxError {
    const opened = new LineIndex(this.text).pointAt(start);
    return new JsonSyntaxError(this.at, `\`${this.text[this.at]}\` where the \`${open}\` of line ${opened.line} needs its \`${close}\` first`);
  }

  /** The text at an offset, for a message: a word, or one character. */
  shown(at = this.at, word = /[\w$]/): string {
    const c = this.text[at];
    if (c === undefined) return 'the end of the file';
    let end = at + 1;
    if (word.test(c)) while (end < this.text.length && end - at < 20 && word.test(this.text[end]!)) end++;
    const s = this.text.slice(at, end);
    return /^\s$/.test(s) || s.charCodeAt(0) < 0x20 ? `character U+${s.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `\`${s}\``;
  }
}
