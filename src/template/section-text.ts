import type { Section } from '../markdown/types.js';
import type { TemplateSchema, TemplateSection } from './types.js';

/**
 * The template's Markdown for one section and its sub-sections — what a new
 * pattern starts with and what `lint --fix` inserts for a missing section —
 * with the title placeholder filled in and template-only annotations removed.
 */
export function templateSectionText(template: TemplateSchema, schema: TemplateSection, title?: string): string {
  const doc = template.document;
  const section = findByLine(doc.sections, schema.line);
  if (!section) return `${'#'.repeat(schema.level)} ${schema.heading}`;
  const text = doc.source
    .slice(doc.lines.lineStart(section.range.start.line), doc.lines.lineEnd(section.range.end.line))
    .replace(/\r\n?/g, '\n');
  return cleanTemplateText(text, template, title).trim();
}

/** Removes `(optional)` suffixes and `<!-- optional -->` markers; fills the title placeholder. */
export function cleanTemplateText(text: string, template: TemplateSchema, title?: string): string {
  let out = text
    .split('\n')
    .map((line) => (/^\s{0,3}#{1,6}\s/.test(line) ? line.replace(/\s*\(\s*optional\s*\)\s*$/i, '') : line))
    .filter((line) => !/^\s*<!--\s*optional\s*-->\s*$/i.test(line))
    .join('\n');
  const placeholder = titlePlaceholder(template);
  if (placeholder && title) out = out.split(placeholder).join(title);
  return out;
}

/** The bracketed part of the template's title (`[Pattern Title]`), if it has one. */
export function titlePlaceholder(template: TemplateSchema): string | undefined {
  return template.title.from !== 'none' ? /\[[^\]\n]+\]/.exec(template.title.sample)?.[0] : undefined;
}

function findByLine(sections: Section[], line: number): Section | undefined {
  for (const s of sections) {
    if (s.heading.range.start.line === line) return s;
    const inner = findByLine(s.children, line);
    if (inner) return inner;
  }
  return undefined;
}
