import type { Pattern } from '../../catalog/types.js';
import { frontMatterValue } from '../../markdown/front-matter.js';
import { leadBlock } from '../../markdown/document.js';
import type { Range } from '../../markdown/lines.js';
import { foldHeading, foldText } from '../../template/normalize.js';
import { flattenSections } from '../../template/walk.js';
import { findPlaceholders } from '../../template/placeholders.js';
import type { SummarySpec, TemplateSchema } from '../../template/types.js';

export type Spec = Exclude<SummarySpec, { from: 'none' }>;

/**
 * A pattern's summary where the template keeps it, for the `summary` and
 * `summary-length` rules: its text and place; `missing` with what to write
 * where; `undefined` when there is nothing for these rules to judge (no
 * summary in the template, or a missing summary section, which is
 * required-section's and empty-section's to say).
 */
export type SummaryFound =
  | {
      kind: 'text';
      text: string;
      where: { range: Range } | { line: number };
      spec: Spec;
      /** Written as a paragraph where the template has a blockquote: the summary, in another form. */
      paragraph?: true;
    }
  | { kind: 'missing'; message: string; line: number; recommended?: true };

export function findSummary(pattern: Pattern, template: TemplateSchema): SummaryFound | undefined {
  const spec = template.summary;
  if (spec.from === 'none') return undefined;
  const doc = pattern.document;
  let text: string;
  let range = doc.title?.range;
  if (spec.from === 'blockquote') {
    const lead = leadBlock(doc);
    // (A paragraph of prose at its place, the one the site reads as the summary — `This proposal moves
    // the nightly job to a queue.` where the template has `> TL;DR: …` —: the summary, written without
    // the quote. Its form is a warning; its text is judged as the quote's.)
    if (lead?.kind === 'paragraph' && pattern.summary?.from === 'paragraph' && pattern.summary.range.start.offset === lead.range.start.offset) {
      return { kind: 'text', text: pattern.summary.text, where: { range: lead.range }, spec, paragraph: true };
    }
    if (lead?.kind !== 'blockquote') {
      const asked = spec.sentences === 1 ? ' one-sentence' : '';
      return {
        kind: 'missing',
        message: `Missing summary: put a${asked} \`> blockquote\` right after the title.`,
        line: (doc.title?.range.end.line ?? 0) + 1,
        ...recommended(spec),
      };
    }
    text = lead.text;
    range = lead.range;
  } else if (spec.from === 'front-matter') {
    const value = frontMatterValue(pattern.frontMatter, spec.key);
    // (Unreadable front matter is front-matter-syntax's to say: its keys may well be there.)
    if (pattern.document.frontMatter?.error) return undefined;
    if (typeof value !== 'string' || !value.trim()) {
      // (A summary the author wrote where the template keeps none — a `## Summary` section, a quote under
      // the title —, which the catalog reads instead: the summary is there, not where the template puts it.)
      const own = pattern.summary?.from === 'section' || pattern.summary?.from === 'blockquote' ? pattern.summary : undefined;
      if (own) {
        const place = own.from === 'blockquote' ? 'the quote under its title' : `its ${sectionOf(doc, own.range.start.line)}`;
        return {
          kind: 'missing',
          message: `No \`${spec.key}:\` in the front matter, where the template keeps the summary: this pattern sums itself up in ${place}, which is read as its summary instead. Set \`${spec.key}:\` to it${spec.sentences === 1 ? ' in one sentence' : ''}.`,
          line: 1,
          recommended: true,
        };
      }
      return {
        kind: 'missing',
        message: `Missing summary: set \`${spec.key}:\` in the front matter${spec.sentences === 1 ? ' to one sentence' : ''}.`,
        line: 1,
        ...recommended(spec),
      };
    }
    text = value;
  } else {
    if (pattern.summary?.from !== 'section') {
      // (The section there and left as the template's text, paragraph after paragraph: the catalog reads
      // no summary from it, and it is still the template's sample.)
      const section = flattenSections(doc.sections).find((s) => spec.matcher.test(foldHeading(s.heading.text)));
      const first = section?.blocks.find((b) => b.kind === 'paragraph');
      if (first?.kind !== 'paragraph' || !spec.sample.trim() || foldText(first.text) !== foldText(spec.sample)) return undefined;
      return { kind: 'text', text: first.text, where: { range: first.range }, spec };
    }
    text = pattern.summary.text;
    range = pattern.summary.range;
  }
  return { kind: 'text', text, where: range ? { range } : { line: 1 }, spec };
}

const recommended = (spec: Spec): { recommended?: true } => (spec.recommended ? { recommended: true } : {});

/**
 * Still the template's text: its sample (re-wrapped, in another case), a
 * sample placeholder of the template, or — when the template marks its
 * placeholders with brackets (`[Pattern Title]`) — text in brackets
 * (`Caps how often [Client Type] may call`). Where the template marks them
 * otherwise, brackets are the author's (`a slice, [T]`).
 */
export function isSample(text: string, spec: Spec, template: TemplateSchema): boolean {
  if (spec.sample.trim() && foldText(text) === foldText(spec.sample)) return true;
  // A bracketed placeholder left in is written with its brackets: the word `optional` in a sentence is not `[Optional]`.
  // Words only (`[Client Type]`): a citation (`[Yuasa '90]`, `[Update, 2014: …]`) is the author's.
  // Not in code or math, nor an index (`s[i]`, `$x[t]$`): the author's notation.
  const prose = text.replace(/`[^`]*`|\$[^$\n]+\$/g, ' ');
  const bracketed = /(?<![\p{L}\p{N}_)\]])\[\p{L}[\p{L} -]+\](?!\()/u.test(prose);
  if (findPlaceholders(template.placeholders, text).some((p) => p.kind === 'summary-sample' || (p.kind === 'bracketed' && bracketed))) return true;
  const brackets = /\[[^\]\n]+\]/.test(spec.sample) || (template.title.from !== 'none' && template.title.shape?.parts.some((p) => p.syntax === 'brackets') === true);
  return brackets && bracketed;
}

/** The heading of the section that holds a line, as written (`## Summary`), or “section” where none does. */
function sectionOf(doc: Pattern['document'], line: number): string {
  const heading = [...doc.headings].reverse().find((h) => h.range.start.line <= line);
  return heading ? `\`${'#'.repeat(heading.level)} ${heading.text}\`` : 'opening';
}
