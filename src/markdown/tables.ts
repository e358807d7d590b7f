import type { Block } from './types.js';

/**
 * The labels the rows of the tables among `blocks` open with — a Markdown table's first cells (of its
 * body rows) and an HTML table's (`<tr><td><strong>Security</strong></td>…`) —, as plain
 * text: emphasis, tags and a closing colon taken off. A table that answers parts row by row
 * (`**Accessibility**` | `N/A`) names them so.
 */
export function rowLabels(blocks: readonly Block[]): string[] {
  const cells: string[] = [];
  for (const b of blocks) {
    // (A Markdown table's header row names its columns, not a part: its body rows only.)
    if (b.kind === 'table') cells.push(...b.table.rows.map((r) => r.cells[0] ?? ''));
    else if (b.kind === 'html' && /^\s*<table\b/i.test(b.html))
      // (A row runs to the next one, its `</tr>` or `</td>` left out or not, as browsers read it.)
      for (const row of b.html.split(/<tr\b[^>]*>/i).slice(1)) {
        const cell = /<t[dh]\b[^>]*>([\s\S]*?)(?:<\/t[dh]>|(?=<t[dh]\b|<\/tr>|<\/table>|$))/i.exec(row)?.[1];
        if (cell !== undefined) cells.push(cell.replace(/<[^>]+>/g, ' '));
      }
  }
  return cells
    .map((cell) =>
      cell
        .replace(/[*_`]/g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*:\s*$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * The labels set in bold that list items and paragraphs among `blocks` open with (`- **Diagnostics.**
 * A new warning.`, `**Performance:** none`), as plain text, their closing `.` or `:` taken off: parts
 * answered one to an item, a label to each, as a table's rows name them (see `rowLabels`).
 */
export function leadLabels(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  // `answered`: the item has blocks of its own under its first paragraph (its answer, under the label).
  const label = (raw: string, answered: boolean) => {
    const m = /^\s*(\*\*|__)(?=\S)([^*_\n]{1,60}?)(?<=\S)\1/.exec(raw);
    // (Followed by the item's text after a `.`, `:` or dash, inside the bold or after it: a label, not
    // bold words opening a sentence, `**Never** cache tokens`.)
    if (!m || !(/[.:]$/.test(m[2]!) || /^\s*[.:—–-]/.test(raw.slice(m[0].length)))) return;
    // (With the answer after it, or under it: a label alone, `- **Security:**`, answers nothing.)
    if (!answered && !/\p{L}/u.test(raw.slice(m[0].length))) return;
    out.push(m[2]!.replace(/\s*[.:]$/, '').trim());
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') label(b.raw, false);
    else if (b.kind === 'list') for (const item of b.items) label(item.raw, item.blocks.length > 1);
  }
  return out.filter(Boolean);
}
