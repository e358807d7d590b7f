import type { Block, MarkdownDocument } from '../../markdown/types.js';

/** An HTML comment alone (`<!-- TODO -->`), or bullets with nothing after them, is not content a reader sees. */
export function isVisible(block: Block): boolean {
  // (Nor a list of bullets with nothing after them, `- ` as the template leaves it: a blank to write in.)
  if (block.kind === 'list') return block.items.some((item) => item.text.trim() !== '' || item.blocks.some((b) => b.kind !== 'paragraph' || b.text.trim() !== ''));
  return !(block.kind === 'html' && /^\s*(<!--[\s\S]*?-->\s*)+$/.test(block.html));
}

/**
 * The 1-based column where a table row's cell starts in its source line
 * (cells split on unescaped `|`), or undefined when the line does not show it.
 */
export function cellColumn(lineText: string, index: number): number | undefined {
  const cells: [number, number][] = [];
  let i = 0;
  while (i < lineText.length && /\s/.test(lineText[i]!)) i++;
  if (lineText[i] === '|') i++;
  let start = i;
  for (; i <= lineText.length; i++) {
    const c = lineText[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '|' || i >= lineText.length) {
      cells.push([start, Math.min(i, lineText.length)]);
      start = i + 1;
    }
  }
  const cell = cells[index];
  if (!cell) return undefined;
  let col = cell[0];
  while (col < cell[1] && /\s/.test(lineText[col]!)) col++;
  // An empty cell: just after its pipe.
  return (col < cell[1] ? col : cell[0]) + 1;
}

/** Where a table cell is: its row's line and, when it can be found, its column. */
export function cellPosition(doc: MarkdownDocument, line: number, index: number): { line: number; column?: number } {
  const column = cellColumn(doc.lines.lineText(line), index);
  return { line, ...(column !== undefined ? { column } : {}) };
}

/** `a | b | c` for messages. */
export function columnList(columns: readonly string[]): string {
  return columns.map((c) => c || '(empty)').join(' | ');
}

/** `2024-02-30` is not a date; `2024-02-29` is. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A heading that closes a document, whatever it holds: an appendix, notes, references, future work, its
 * conclusions. (Words that also open a topic's heading — `Changes to the status type`, `History of the
 * format`, `Notes on caching` — only alone.)
 */
export const CLOSING_HEADING =
  /^(?:(?:conclusions?|concluding remarks|closing (?:remarks|thoughts)|final (?:remarks|thoughts)|appendix|appendices|annex|annexes|annexure|future (?:work|possibilities|directions|plans)|references?|bibliography|further reading|footnotes?|end ?notes?|acknowledge?ments?|glossary|change ?log|revision history|see also|copyright|licen[cs]e)\b|(?:sources?|notes|credits|thanks|changes|history|links|related links)$)/;
