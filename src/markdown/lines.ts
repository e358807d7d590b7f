/**
 * Maps between 0-based offsets and 1-based line/column positions.
 *
 * Line breaks are `\r\n`, `\n` or a lone `\r`, the same set CommonMark (and so
 * markdown-it's line maps) uses, so a line number from the parser always names
 * the same line here.
 */
export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the source. */
  offset: number;
}

export interface Range {
  readonly start: Point;
  readonly end: Point;
}

/**
 * A range stored as two offsets; lines and columns are worked out when asked
 * for. A document has thousands of ranges and few are ever read, so this
 * keeps the model small (a third of the objects) and the garbage collector idle.
 */
export class Span implements Range {
  readonly #lines: LineIndex;

  constructor(
    lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {
    this.#lines = lines;
  }

  get start(): Point {
    return this.#lines.pointAt(this.startOffset);
  }

  get end(): Point {
    return this.#lines.pointAt(this.endOffset);
  }

  toJSON(): { start: Point; end: Point } {
    return { start: this.start, end: this.end };
  }
}

export class LineIndex {
  /** Offset at which each line starts; `starts[0]` is line 1. */
  readonly starts: number[];

  constructor(readonly source: string) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line (clamped to the file). */
  lineStart(line: number): number {
    const i = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return this.starts[i]!;
  }

  /** Offset just past the last character of a 1-based line, excluding its line break. */
  lineEnd(line: number): number {
    const clamped = Math.min(Math.max(line, 1), this.starts.length);
    if (clamped === this.starts.length) return this.source.length;
    let end = this.starts[clamped]! - 1;
    if (end > 0 && this.source.charCodeAt(end) === 10 && this.source.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    return this.source.slice(this.lineStart(line), this.lineEnd(line));
  }

  pointAt(offset: number): Point {
    const off = Math.min(Math.max(offset, 0), this.source.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: off - this.starts[lo]! + 1, offset: off };
  }

  point(line: number, column = 1): Point {
    const start = this.lineStart(line);
    const offset = Math.min(start + column - 1, this.lineEnd(line));
    return { line: Math.min(Math.max(line, 1), this.starts.length), column: offset - start + 1, offset };
  }

  /** Range covering whole lines `[startLine, endLine]` (1-based, inclusive). */
  linesRange(startLine: number, endLine: number): Span {
    return new Span(this, this.lineStart(startLine), this.lineEnd(Math.max(endLine, startLine)));
  }

  range(startOffset: number, endOffset: number): Span {
    const clamp = (o: number) => Math.min(Math.max(o, 0), this.source.length);
    return new Span(this, clamp(startOffset), clamp(endOffset));
  }
}

/** A range as plain data, without getters (what crosses worker threads with a catalog rule's collected findings). */
export function plainRange(range: Range): Range {
  const { start, end } = range;
  return { start: { line: start.line, column: start.column, offset: start.offset }, end: { line: end.line, column: end.column, offset: end.offset } };
}
