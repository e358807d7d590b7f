import type { PatternText } from '../../catalog/types.js';
import { headingShape } from '../../template/heading-shape.js';
import { splitNote } from '../../template/heading-variants.js';
import { foldHeading, foldText } from '../../template/normalize.js';
import type { TitleShape, TitleSpec } from '../../template/types.js';

/** A title spec that says where the title is. */
export type PlacedTitleSpec = Exclude<TitleSpec, { from: 'none' }>;

/** The title was read where the template keeps it (not found elsewhere for want of it there). */
export function fromTemplatePlace(title: PatternText, spec: PlacedTitleSpec): boolean {
  if (spec.from === 'front-matter') return title.from === 'front-matter' && title.key === spec.key;
  return title.from === spec.from;
}

/** What a title kept of the template's: all of its sample, or one of its placeholders. */
export type TitleLeftover = { whole: true } | { whole: false; placeholder: string };

/**
 * Whether a title is still the template's text: its sample as written
 * (`[Pattern Title]`, `AWS Service 1 to AWS Service 2`) or without the
 * placeholder's marks (`Pattern Title`); or, in a title of the template's
 * shape, a placeholder kept where the author's words go (`KEP-NNNN: Rate
 * limits`, `` `Topic` Cheat Sheet `` as `Topic Cheat Sheet`); or text in the
 * template's own placeholder marks (`Competing [Worker Kind]` where the
 * template writes `[Pattern Title]`). The author's own brackets in a template
 * that marks its placeholders another way (`KEP-1234: [RETROACTIVE] …`) are
 * the author's.
 */
export function titleLeftover(spec: PlacedTitleSpec, title: string): TitleLeftover | undefined {
  const folded = foldHeading(title);
  if (spec.sample.trim()) {
    if (folded === foldHeading(spec.sample)) return { whole: true };
    const bare = spec.shape ? spec.shape.parts.reduce((text, part) => text.replace(part.written, unmarked(part.written)), spec.sample) : spec.sample;
    if (foldText(title) === foldText(bare)) return { whole: true };
  }
  const shape = spec.shape;
  if (!shape) return undefined;
  const m = shape.matcher.exec(folded) ?? shape.matcher.exec(foldHeading(splitNote(title).text));
  if (m) {
    const kept = shape.parts.find((part, i) => part.inner !== '' && foldText(m[i + 1] ?? '') === part.inner);
    if (kept) return { whole: false, placeholder: kept.written };
  }
  const parts = headingShape(title, { title: true }).parts;
  const marked = parts.find(
    (part) =>
      (part.syntax === 'caps'
        ? shape.parts.some((p) => p.syntax === 'caps' && p.inner === part.inner)
        : part.syntax !== 'code' && part.syntax !== 'phrase' && shape.parts.some((p) => p.syntax === part.syntax)) && authorsOwn(part, folded, shape) === false,
  );
  return marked ? { whole: false, placeholder: marked.written } : undefined;
}

/**
 * Whether text in the template's placeholder marks is the author's own: a tag
 * with a number in it (`[PT2.1 Feature Proposal] Fused attention`), or a
 * whole title in the marks that shares no word with the template's
 * placeholders (`[CPython version support]` where the template has
 * `[Pattern Title]`). `Competing [Worker Kind]` is still a placeholder.
 */
function authorsOwn(part: { written: string; inner: string }, folded: string, shape: TitleShape): boolean {
  if (/\d/.test(part.inner)) return true;
  if (foldHeading(part.written) !== folded) return false;
  const words = new Set(shape.parts.flatMap((p) => p.inner.split(/\s+/)).filter(Boolean));
  return !part.inner.split(/\s+/).some((w) => words.has(w));
}

/** A placeholder's words without its marks: `[Pattern Title]` → `Pattern Title`, `` `Topic` `` → `Topic`. */
function unmarked(written: string): string {
  return written.replace(/^(?:<<|[[{<`])|(?:>>|[\]}>`])$/g, '');
}

/** Whether a title has the shape of the template's (a trailing note in parentheses aside: `… Cheat Sheet (Historical)`). */
export function fitsShape(shape: TitleShape, title: string): boolean {
  if (shape.matcher.test(foldHeading(title))) return true;
  const bare = splitNote(title);
  return bare.note !== undefined && shape.matcher.test(foldHeading(bare.text));
}
