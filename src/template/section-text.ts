import { blockText } from '../markdown/document.js';
import type { Section } from '../markdown/types.js';
import { splitNote } from './heading-variants.js';
import { foldText } from './normalize.js';
import { KEEP_MARKER, markedTokens } from './placeholders.js';
import type { TemplateSchema, TemplateSection } from './types.js';
import { flattenSections } from './walk.js';

/**
 * What `lint --fix` inserts for a missing section: its heading as the
 * template writes it (note removed) and, under it, the template's guidance as
 * an HTML comment — nothing a reader sees, and no template text that the next
 * lint would report as left in: the one finding left is that the section
 * needs writing (when the template asks for content). Required sub-sections
 * come with it, the same way. A section whose template text is boilerplate
 * (`keep`: see `boilerplateSections`) gets that text as the template writes
 * it, links and all: it is what the section says in every pattern, and as a
 * comment it would leave the section empty.
 */
export function missingSectionText(
  schema: TemplateSection,
  present: ReadonlySet<TemplateSection> = new Set(),
  /** Sub-sections the pattern has in a form the outline does not read as them (by name, under a heading of its own). */
  skip: (section: TemplateSection) => boolean = () => false,
  /** Levels the pattern's whole outline is off the template's (`-1`: sections written one level up): the inserted headings follow it. */
  shift = 0,
  /** Sections whose template text is written as it is (boilerplate), not as a comment. */
  keep: (section: TemplateSection) => boolean = () => false,
  /** Headings of levels 1 and 2 written underlined (`Abstract` over `====`), as the pattern writes its own. */
  setext = false,
): string {
  const level = Math.min(Math.max(schema.level + shift, 1), 6);
  const name = `${schema.heading}${schema.note ? ` (${schema.note})` : ''}`;
  const parts = [setext && level <= 2 ? `${name}\n${(level === 1 ? '=' : '-').repeat(Math.max(3, [...name].length))}` : `${'#'.repeat(level)} ${name}`];
  // Lines led by a TODO/TBD marker (`TODO: Remove this comment before submitting`) would be found
  // again by the next lint as template text left in: the rest of the guidance is kept. Where every
  // line has one (`TODO: a code example in the main language.`), the lines are the guidance: kept
  // without their markers. A marker word inside a sentence ("which parts are still TBD?") is the
  // guidance's own word: the sentence is kept as the template writes it.
  const lines = schema.guidance.replace(/--+>?/g, '-').split('\n');
  const unmarked = lines.filter((line) => !LEADING_TODO.test(line));
  // (Wrapped as the template wraps its text, where it does: a catalog that keeps its lines short keeps
  // them short in what --fix inserts too.)
  const width = Math.max(0, ...schema.body.split('\n').map((line) => line.trimEnd().length));
  const guidance = wrapLines(
    withAddresses((unmarked.some((line) => /\p{L}/u.test(line)) ? unmarked : lines.map((line) => line.replace(LEADING_TODO, '$1'))).join('\n').trim(), schema.body),
    width,
  );
  // (A checklist to tick, `- [ ] Design approved`, is the form the author fills in: written as the
  // template has it, visible and unticked — as a comment it would leave the section empty.)
  const form = taskList(schema.body);
  const kept = keep(schema) ? schema.body.replace(new RegExp(`^[ \\t]*${KEEP_MARKER.source}[ \\t]*\\n?`, 'gim'), '').trim() : form;
  if (kept) parts.push(kept);
  else if (guidance) parts.push(guidance.includes('\n') ? `<!--\n${guidance}\n-->` : `<!-- ${guidance} -->`);
  // A sub-section the pattern has elsewhere (at another level, under another parent) is not written again,
  // and one the catalog only recommends is not written at all (as `--fix` never inserts it alone).
  // (Nor is a slot for the author's own headings, `#### Story 1` under `### User Stories`: its heading
  // is the template's sample, the author names each item.)
  for (const child of schema.children)
    if (!child.optional && !child.recommended && !child.anyHeading && !present.has(child) && !skip(child))
      parts.push(missingSectionText(child, present, skip, shift, keep, setext));
  return parts.join('\n\n');
}

/**
 * The guidance with the web address of each link the template's text gives (`the [Creative Commons
 * licence](https://…)`) after its words, `Creative Commons licence (https://…)`: the comment is the
 * author's only copy of it.
 */
function withAddresses(guidance: string, body: string): string {
  let out = guidance;
  for (const m of body.matchAll(/(?<!!)\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g)) {
    const [, text, url] = m;
    if (out.includes(url!)) continue;
    const at = out.indexOf(text!);
    if (at >= 0) out = `${out.slice(0, at + text!.length)} (${url})${out.slice(at + text!.length)}`;
  }
  return out;
}

/** A task item of a list, `- [ ] …` or `- [x] …`, up to its box. */
const TASK_ITEM = /^([ \t]*[-*+][ \t]+)\[[ xX]\]/;

/**
 * A section's text when it is only a list of task items (`- [ ] …`, two at least, continuation lines
 * allowed), with none of the template's blanks in them; else empty. Ticked boxes are unticked.
 */
function taskList(body: string): string {
  const text = body.replace(/<!--[\s\S]*?-->/g, '').trim();
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const items = lines.filter((l) => TASK_ITEM.test(l));
  if (items.length < 2 || lines.some((l) => !TASK_ITEM.test(l) && !/^[ \t]{2,}\S/.test(l))) return '';
  // (Not a sample of entries with blanks in them, `- [ ] MM/DD/YYYY: merged`: written, they would be
  // template text left in; the comment says what to write.)
  if (lines.some((l) => markedTokens(l.replace(TASK_ITEM, '')).length > 0 || /\b(?:YYYY|MM|DD|XXX+|TBD|TODO)\b/.test(l))) return '';
  return text.replace(new RegExp(TASK_ITEM.source, 'gm'), '$1[ ]');
}

/** Each line longer than `width` broken between words to fit it (a width under 40 breaks nothing). */
function wrapLines(text: string, width: number): string {
  if (width < 40) return text;
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** A TODO/TBD marker that leads a line (after list or quote marks), with its `:` or dash. */
const LEADING_TODO = /^([ \t]*(?:[-*+>][ \t]+)?)(?:TODO|TBD|TBA|FIXME)(?![\p{L}\p{N}_])[ \t]*[:\-–—]?[ \t]*/u;

/**
 * Sections whose template text may be boilerplate: prose a reader sees, and no
 * placeholder or instruction of the template in it (`## Copyright` /
 * "Copyright and related rights waived via [CC0](../LICENSE.md)."). A section
 * of text like "How to remove everything." is such a one too — guidance that
 * reads as no instruction — so being one is not enough: a section is
 * boilerplate when the template marks it (`<!-- patternbook: keep -->`) or
 * when most of the catalog's patterns that have it keep its text (see the
 * required-section rule). Once per template.
 */
export function boilerplateSections(template: TemplateSchema): readonly BoilerplateSection[] {
  let found = candidates.get(template);
  if (!found) {
    const withText = new Set(template.placeholders.map((p) => p.sectionPath.join('\u0000')));
    // Prose only (a legal note, a standard sentence): steps, code and tables are each pattern's own
    // to write (a catalog's usual deploy steps are wrong for a pattern deployed another way).
    const prose = (body: string) => !/^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|`{3}|~{3}|\|)/m.test(body);
    found = flattenSections(template.sections)
      .filter((s) => s.body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() && prose(s.body) && !withText.has(s.path.join('\u0000')))
      .map((section) => ({ section, text: foldText(section.guidance), marked: KEEP_MARKER.test(section.body) }))
      .filter((c) => c.text.length > 0);
    candidates.set(template, found);
  }
  return found;
}

export interface BoilerplateSection {
  section: TemplateSection;
  /** Its template text, folded (see `foldText`). */
  text: string;
  /** The template marks it to keep (`<!-- patternbook: keep -->`): boilerplate whatever the catalog does. */
  marked: boolean;
}

const candidates = new WeakMap<TemplateSchema, readonly BoilerplateSection[]>();

/** A pattern's section keeps the template's text (folded) in its own blocks. */
export function keepsText(section: Section, text: string): boolean {
  return foldText(section.blocks.map(blockText).join(' ')).includes(text);
}

/** Removes heading notes that make a section optional and the comments that mark one; fills the title placeholder. */
export function cleanTemplateText(text: string, template: TemplateSchema, title?: string): string {
  let out = text
    .split('\n')
    .map((line) => {
      const heading = /^(\s{0,3}#{1,6}\s+)(.*)$/.exec(line);
      if (!heading) return line;
      const note = splitNote(heading[2]!);
      return note.optional ? `${heading[1]}${note.text}` : line;
    })
    .join('\n')
    // `<!-- optional -->`, and a comment that says a section is optional right above its heading.
    .replace(/^[ \t]*<!--\s*optional\s*-->[ \t]*\n/gim, '')
    .replace(/^[ \t]*<!--(?:(?!-->)[\s\S])*\boptional\b(?:(?!-->)[\s\S])*-->[ \t]*\n(?=(?:[ \t]*\n)*[ \t]{0,3}#{1,6}\s)/gim, '');
  const placeholder = titlePlaceholder(template);
  if (placeholder && title) out = out.split(placeholder).join(title);
  return out;
}

/** The bracketed part of the template's title (`[Pattern Title]`), if it has one. */
export function titlePlaceholder(template: TemplateSchema): string | undefined {
  return template.title.from !== 'none' ? /\[[^\]\n]+\]/.exec(template.title.sample)?.[0] : undefined;
}
