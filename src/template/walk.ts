import type { TemplateSection } from './types.js';

/** Every template section, depth first, in template order. */
export function flattenSections(sections: readonly TemplateSection[]): TemplateSection[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.children)]);
}
