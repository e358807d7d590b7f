import type { PatternText } from '../../catalog/types.js';
import { headingShape } from '../../template/heading-shape.js';
import { splitNote } from '../../template/heading-variants.js';
import { TITLE_WORDS_ELSEWHERE } from '../../template/load-template.js';
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
export function titleLeftover(spec: PlacedTitleSpec, title: string, written?: string): TitleLeftover | undefined {
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
  // (Marks inside a code span of the title as written, `` `#[repr(packed)]` ``: code, never a blank.)
  const code = [...(written ?? '').matchAll(/(`+)([^`]+?)\1/g)].map((m) => m[2]!);
  const marked = parts.find(
    (part) =>
      !code.some((c) => c.includes(part.written)) &&
      (part.syntax === 'caps'
        ? shape.parts.some((p) => p.syntax === 'caps' && p.inner === part.inner)
        : part.syntax !== 'code' && part.syntax !== 'phrase' && shape.parts.some((p) => p.syntax === part.syntax)) &&
      authorsOwn(part, title, shape, spec.sample) === false,
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
function authorsOwn(part: { written: string; inner: string; syntax: string }, title: string, shape: TitleShape, sample: string): boolean {
  if (/\d/.test(part.inner)) return true;
  // (Marks glued to what is before or after them, `Optional[T] type`, `&[T]`, `#[derive]`, `[Typed]Func`:
  // a type's parameter, a slice, an attribute — code written in the title, no blank.)
  const at = title.indexOf(part.written);
  const after = title[at + part.written.length];
  if (at > 0 && /[^\s("'“‘]/u.test(title[at - 1]!)) return true;
  if (at >= 0 && after !== undefined && /[\p{L}\p{N}_]/u.test(after)) return true;
  const own = part.inner.split(/\s+/).filter(Boolean);
  // (A status tag beside the author's words, `DiskAlmostFull [Deprecated]`, `[WIP] Lazy loading`: the
  // state of the pattern, said in the marks, no blank.)
  if (own.length <= 2 && own.every((w) => STATUS_WORDS.has(w)) && foldHeading(part.written) !== foldHeading(title)) return true;
  // A tag that keeps the kind word of the template's tag and drops its placeholder word (`[RFC] Task
  // resources` where the template has `[RFC Template] Title`): the catalog's own tag, written in its place.
  const kept = shape.parts.some((p) => {
    const theirs = p.inner.split(/\s+/);
    return p.syntax === part.syntax && own.every((w) => theirs.includes(w)) && own.length < theirs.length && theirs.some((w) => PLACEHOLDER_WORDS.has(w));
  });
  // (Before the author's words or after them, `Out of core plugins [RFC]`.)
  if (kept && !own.some((w) => PLACEHOLDER_WORDS.has(w))) return opensTitle(part, title) || closesTitle(part, title);
  const words = new Set(shape.parts.flatMap((p) => p.inner.split(/\s+/)).filter(Boolean));
  if (own.some((w) => words.has(w))) return false;
  // (A short tag of the catalog's own after the author's words — `Typed metadata [RR]`, `Lazy
  // loading [Newbie]`: an acronym, or one word with a capital —, none of the template's placeholder's words.)
  const written = part.written.replace(/^\W+|\W+$/g, '');
  if (closesTitle(part, title) && (/^\p{Lu}{2,6}$/u.test(written) || /^\p{Lu}\p{Ll}{1,11}$/u.test(written)) && !own.some((w) => PLACEHOLDER_WORDS.has(w))) return true;
  if (foldHeading(part.written) === foldHeading(title)) return true;
  // (A tag where the template closes its title with one in the same marks, `Short title [Relevant Topic]`:
  // `HTTP Header Security [Coding Practice]` fills it, the marks kept as the catalog writes its tags.)
  const closing = shape.parts.at(-1);
  const tagged = closing !== undefined && sample.trimEnd().endsWith(closing.written) && /\p{L}{2,}/u.test(sample.trimEnd().slice(0, -closing.written.length));
  if (tagged && closing.syntax === part.syntax && title.trimEnd().endsWith(part.written) && !own.some((w) => PLACEHOLDER_WORDS.has(w))) return true;
  return opensTitle(part, title);
}

/** Whether text closes the title as a tag, after words of the author's (two letters at least). */
function closesTitle(part: { written: string }, title: string): boolean {
  const at = title.lastIndexOf(part.written);
  if (at < 0) return false;
  return /^[\s.!?]*$/.test(title.slice(at + part.written.length)) && /\p{L}{2,}/u.test(title.slice(0, at));
}

/**
 * Whether text opens the author's words as a tag, at the start or after a
 * label's colon, with words after it; a placeholder left at the end of them,
 * `Competing [Worker Kind]`, is still one.
 */
function opensTitle(part: { written: string }, title: string): boolean {
  const at = title.indexOf(part.written);
  if (at < 0) return false;
  const before = title.slice(0, at).trim();
  const after = title.slice(at + part.written.length);
  return (before === '' || /[:\-–—]$/.test(before)) && /\p{L}{2,}/u.test(after);
}

/**
 * Words that say "put your words here" (folded): a title or tag made of them
 * alone is a placeholder, whatever its marks (`Title`, `[Pattern Name]`,
 * `Your Proposal Title`, `[RFC Template]`).
 */
const PLACEHOLDER_WORDS = new Set([
  ...TITLE_WORDS_ELSEWHERE,
  'title',
  'name',
  'template',
  'placeholder',
  'your',
  'my',
  'here',
  'example',
  'sample',
  'untitled',
  'tbd',
  'todo',
  'xxx',
  'foo',
  'bar',
  'something',
  'idea',
]);

/** Words of a status tag (folded): `[Deprecated]`, `[Work in progress]`, `[Superseded]`. */
const STATUS_WORDS = new Set(
  'deprecated obsolete superseded replaced draft wip archived experimental retired legacy alpha beta preview proposed accepted rejected withdrawn removed outdated historical unmaintained abandoned stale frozen work in progress'.split(
    ' ',
  ),
);

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

/**
 * Whether a title sample is certainly a placeholder, by its words (`Title`,
 * `Pattern Name`, `Your Proposal Title`, `Shiny New Idea`) or its numbers
 * (`Service 1 to Service 2`, `Option A or Option B`): a pattern that keeps it
 * left it in. A specific title without them (`SNIP Purpose and Guidelines`) may
 * be a real one: the title of the pattern the template was copied from, or of
 * the page about the process it is part of. (Marks, `[Pattern Title]`, give
 * the spec a shape: certain too.)
 */
export function placeholderLike(sample: string): boolean {
  const words = foldText(sample).split(' ').filter(Boolean);
  if (words.some((w) => PLACEHOLDER_WORDS.has(w))) return true;
  // (Two parts told apart by a number or a letter alone: `Service 1 … Service 2`, `Option A … Option B`.)
  const marks = new Map<string, Set<string>>();
  words.forEach((w, i) => {
    if (i > 0 && /^(?:\d|[a-z])$/.test(w)) marks.set(words[i - 1]!, (marks.get(words[i - 1]!) ?? new Set()).add(w));
  });
  return [...marks.values()].some((m) => m.size >= 2);
}
