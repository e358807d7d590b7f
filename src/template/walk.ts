import type { TemplateSection } from './types.js';

const flat = new WeakMap<readonly TemplateSection[], TemplateSection[]>();

/** Every template section, depth first, in template order (worked out once per list: rules ask for it on every pattern). */
export function flattenSections(sections: readonly TemplateSection[]): TemplateSection[] {
  let list = flat.get(sections);
  if (!list) {
    list = sections.flatMap((s) => [s, ...flattenSections(s.children)]);
    flat.set(sections, list);
  }
  return list;
}

const parents = new WeakMap<readonly TemplateSection[], Map<TemplateSection, TemplateSection>>();

/** The template section that holds `section` (undefined at the top level), looked up in a map made once per template. */
export function parentSection(sections: readonly TemplateSection[], section: TemplateSection): TemplateSection | undefined {
  let map = parents.get(sections);
  if (!map) {
    map = new Map();
    for (const t of flattenSections(sections)) for (const child of t.children) map.set(child, t);
    parents.set(sections, map);
  }
  return map.get(section);
}
