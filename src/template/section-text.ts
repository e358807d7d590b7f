import { splitNote } from './heading-variants.js';
import type { TemplateSchema, TemplateSection } from './types.js';

/**
 * What `lint --fix` inserts for a missing section: its heading as the
 * template writes it (note removed) and, under it, the template's guidance as
 * an HTML comment — nothing a reader sees, and no template text that the next
 * lint would report as left in: the one finding left is that the section
 * needs writing (when the template asks for content). Required sub-sections
 * come with it, the same way.
 */
export function missingSectionText(
  schema: TemplateSection,
  present: ReadonlySet<TemplateSection> = new Set(),
  /** Sub-sections the pattern has in a form the outline does not read as them (by name, under a heading of its own). */
  skip: (section: TemplateSection) => boolean = () => false,
  /** Levels the pattern's whole outline is off the template's (`-1`: sections written one level up): the inserted headings follow it. */
  shift = 0,
): string {
  const parts = [`${'#'.repeat(Math.min(Math.max(schema.level + shift, 1), 6))} ${schema.heading}`];
  // Lines that carry a TODO/TBD marker (`TODO: Remove this comment before submitting`) would be
  // found again by the next lint as template text left in: the rest of the guidance is kept.
  const guidance = schema.guidance
    .replace(/--+>?/g, '-')
    .split('\n')
    .filter((line) => !/(?<![\p{L}\p{N}_])(?:TODO|TBD|TBA|FIXME)(?![\p{L}\p{N}_])/u.test(line))
    .join('\n')
    .trim();
  if (guidance) parts.push(`<!-- ${guidance.split('\n').length > 1 ? `\n${guidance}\n` : guidance} -->`);
  // A sub-section the pattern has elsewhere (at another level, under another parent) is not written again,
  // and one the catalog only recommends is not written at all (as `--fix` never inserts it alone).
  for (const child of schema.children)
    if (!child.optional && !child.recommended && !present.has(child) && !skip(child)) parts.push(missingSectionText(child, present, skip, shift));
  return parts.join('\n\n');
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
