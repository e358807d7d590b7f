/**
 * Edits to a file's text, shared by `lint --fix`, `migrate` and the language
 * server's quick fixes: applying replacements, and the check that an edit
 * lost none of the author's lines.
 */

/** Replace the text at 0-based offsets `[start, end)` with `text`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface AppliedEdits {
  output: string;
  applied: number;
  /** Edits left out because they overlap one applied before them (a later pass gets them). */
  skipped: number;
  /** For each edit given, in the order given: whether it was applied. */
  done: boolean[];
}

/**
 * Applies non-overlapping edits in source order. Insertions at the same
 * offset are all kept, in the order they were given, so two missing
 * sections inserted at one place come out in template order.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): AppliedEdits {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range[0] - b.edit.range[0] || a.edit.range[1] - b.edit.range[1] || a.order - b.order);
  let output = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  const done = edits.map(() => false);
  for (const { edit, order } of ordered) {
    const [start, end] = edit.range;
    if (start < cursor || end < start || end > source.length) {
      skipped++;
      continue;
    }
    output += source.slice(cursor, start) + edit.text;
    cursor = end;
    applied++;
    done[order] = true;
  }
  return { output: output + source.slice(cursor), applied, skipped, done };
}

/** An ATX heading's opening marker. */
const HEADING = /^\s{0,3}#{1,6}(?=\s|$)/;

/**
 * Lines of `before` (heading markers aside) that no longer appear in `after`,
 * as often as they were there. `headingKey` says which heading texts count as
 * the same heading (a rename to the template's spelling of a section loses nothing).
 */
export function lostLines(before: string, after: string, headingKey: (text: string) => string = (text) => text): string[] {
  const key = (line: string) => {
    const heading = HEADING.exec(line);
    return heading
      ? `#${headingKey(
          line
            .slice(heading[0].length)
            .replace(/\s#+\s*$/, '')
            .trim(),
        )}`
      : line.trim();
  };
  const remaining = new Map<string, number>();
  for (const line of after.split(/\r\n|\r|\n/)) {
    const k = key(line);
    if (k) remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const lost: string[] = [];
  for (const line of before.split(/\r\n|\r|\n/)) {
    const k = key(line);
    if (!k) continue;
    // (A line of text made a heading of its own words, `**Reviews**` made `## Reviews`, is kept; so
    // is a heading written without its space, `##Decision` made `## Decision`.)
    const asHeading = HEADING.test(line)
      ? undefined
      : `#${headingKey(
          line
            .trim()
            .replace(/^#{1,6}(?=[^\s#])/, '')
            .replace(/^[*_]+|[*_]+$/g, '')
            .replace(/\s*:$/, ''),
        )}`;
    const found = (remaining.get(k) ?? 0) > 0 ? k : asHeading !== undefined && (remaining.get(asHeading) ?? 0) > 0 ? asHeading : undefined;
    if (found === undefined) lost.push(line);
    else remaining.set(found, remaining.get(found)! - 1);
  }
  return lost;
}
