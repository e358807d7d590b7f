import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/markdown/lines.js';

describe('LineIndex', () => {
  it('treats LF, CRLF and lone CR as line breaks', () => {
    const lines = new LineIndex('a\nbb\r\nccc\rd');
    expect(lines.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((l) => lines.lineText(l))).toEqual(['a', 'bb', 'ccc', 'd']);
  });

  it('maps offsets to 1-based lines and columns and back', () => {
    const source = 'first\r\nsecond line\nthird';
    const lines = new LineIndex(source);
    const offset = source.indexOf('line');
    expect(lines.pointAt(offset)).toEqual({ line: 2, column: 8, offset });
    expect(lines.point(2, 8).offset).toBe(offset);
    expect(lines.pointAt(source.length)).toEqual({ line: 3, column: 6, offset: source.length });
  });

  it('clamps positions outside the text instead of throwing', () => {
    const lines = new LineIndex('ab');
    expect(lines.pointAt(99)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(lines.point(7, 50)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(new LineIndex('').lineCount).toBe(1);
  });
});
