/** A tree of sections: the template's, or a document's. */
interface Tree<T> {
  children: readonly T[];
}

const flat = new WeakMap<object, unknown[]>();

/** Every section, depth first, in order (worked out once per list: rules ask for it on every pattern). */
export function flattenSections<T extends Tree<T>>(sections: readonly T[]): T[] {
  let list = flat.get(sections) as T[] | undefined;
  if (!list) {
    list = sections.flatMap((s) => [s, ...flattenSections(s.children)]);
    flat.set(sections, list);
  }
  return list;
}

/** The sections of a list the template requires: neither optional nor only recommended. */
export function requiredOf<T extends { optional: boolean; recommended: boolean }>(sections: readonly T[]): T[] {
  return sections.filter((s) => !s.optional && !s.recommended);
}

const parents = new WeakMap<object, Map<unknown, unknown>>();

/** The section that holds `section` (undefined at the top level), looked up in a map made once per tree. */
export function parentSection<T extends Tree<T>>(sections: readonly T[], section: T): T | undefined {
  let map = parents.get(sections) as Map<T, T> | undefined;
  if (!map) {
    map = new Map();
    for (const t of flattenSections(sections)) for (const child of t.children) map.set(child, t);
    parents.set(sections, map);
  }
  return map.get(section);
}

/** Whether a template section is one of `parent`'s sub-sections, at any depth (by their paths of names). */
export function isUnder(section: { path: readonly string[] }, parent: { path: readonly string[] }): boolean {
  return section.path.length > parent.path.length && parent.path.every((name, i) => section.path[i] === name);
}

const bare = new WeakMap<object, boolean>();

/**
 * Whether most of the template's leaf sections are bare headings, no text and no note under them
 * (`## Context`, `## Decision`, one section with labels beside them at most): such a template asks for
 * text under each all the same. Worked out once per template (empty-section and required-section ask
 * on every pattern).
 */
export function bareHeadingsTemplate(sections: readonly TemplateSectionLike[]): boolean {
  let found = bare.get(sections);
  if (found === undefined) {
    const leaves = flattenSections(sections).filter((s) => s.children.length === 0);
    found = leaves.length > 0 && leaves.filter((s) => !s.expects.content && !s.body.includes('<!--')).length * 2 > leaves.length;
    bare.set(sections, found);
  }
  return found;
}

/** What `bareHeadingsTemplate` reads of a template section. */
interface TemplateSectionLike extends Tree<TemplateSectionLike> {
  expects: { content: boolean };
  body: string;
}
