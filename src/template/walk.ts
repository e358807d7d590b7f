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
