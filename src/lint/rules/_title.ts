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
        : part.syntax !== 'code' && part.syntax !== 'phrase' && shape.parts.some((p) => p.syntax === part.syntax)) && authorsOwn(part, title, shape) === false,
  );
  return marked ? { whole: false, placeholder: marked.written } : undefined;
}

/**
 * Whether text in the template's placeholder marks is the author's own: a tag
 * with a number in it (`[PT2.1 Feature Proposal] Fused attention`), or words
 * in the marks that share none with the template's placeholders, as a whole
 * title (`[CPython version support]` where the template has `[Pattern
 * Title]`) or a tag before the author's words (`ADR013: [superseded] Use
 * fetch` where it has `ADR000: [TITLE]`). `Competing [Worker Kind]` is still
 * a placeholder.
 */
function authorsOwn(part: { written: string; inner: string }, title: string, shape: TitleShape): boolean {
  if (/\d/.test(part.inner)) return true;
  const words = new Set(shape.parts.flatMap((p) => p.inner.split(/\s+/)).filter(Boolean));
  if (part.inner.split(/\s+/).some((w) => words.has(w))) return false;
  if (foldHeading(part.written) === foldHeading(title)) return true;
  // (A tag opens the author's words, at the start or after a label's colon; a placeholder left at
  // the end of them, `Competing [Worker Kind]`, is still one.)
  const at = title.indexOf(part.written);
  if (at < 0) return false;
  const before = title.slice(0, at).trim();
  const after = title.slice(at + part.written.length);
  return (before === '' || /[:\-–—]$/.test(before)) && /\p{L}{2,}/u.test(after);
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
