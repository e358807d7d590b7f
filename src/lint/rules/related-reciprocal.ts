import { displayTitle } from '../../catalog/view.js';
import { relativeLink } from '../../catalog/links.js';
import { relationKind } from '../../catalog/relations.js';
import { variantKey } from '../../template/heading-variants.js';
import type { PatternView } from '../../catalog/types.js';
import { defineCatalogRule } from '../rule.js';
import { code } from './_format.js';

export default defineCatalogRule({
  meta: {
    id: 'related-reciprocal',
    description: 'A pattern listed under Related Patterns mentions the pattern that lists it (a link or its title anywhere).',
    severity: 'warning',
    fixable: false,
    scope: 'catalog',
  },
  check({ pattern, index, report }) {
    const seen = new Set<PatternView>();
    for (const relation of index.relationsFrom(pattern, 'related')) {
      const other = relation.to;
      if (seen.has(other)) continue;
      seen.add(other);
      if (index.mentions(other, pattern)) continue;
      const back = `[${displayTitle(pattern)}](${relativeLink(other.file, pattern.file)})`;
      // (Each section as the catalog names it — `## See also`, `## Related` —: the other's own list where
      // it has one, else the name this pattern gives it.)
      const here = relation.link.sectionPath[0] ?? 'Related Patterns';
      const theirs = other.links.find((l) => relationKind(l.sectionPath[0]) === 'related')?.sectionPath[0] ?? listHeading(other, here) ?? here;
      report({
        message: `${code(other.path)}${other.title ? ` (${other.title.text})` : ''} is listed under ${here} but never mentions this pattern back: add ${code(back)} to its ${theirs}, or remove it from this list if the two are not related.`,
        range: relation.link.range,
        expected: back,
      });
    }
  },
});

/** The name of a pattern's list of related patterns read from its headings' anchors (`#see-also` → "See also"; `#related-patterns` → this pattern's "Related Patterns"), where no link in it says it. */
function listHeading(pattern: PatternView, here: string): string | undefined {
  for (const anchor of pattern.anchors) {
    const words = anchor.replace(/^#/, '').replace(/-\d+$/, '').replace(/-/g, ' ');
    if (relationKind(words) !== 'related') continue;
    // (An anchor has lost the name's case: this pattern's own name for it where the two agree.)
    return variantKey(words) === variantKey(here) ? here : words.charAt(0).toUpperCase() + words.slice(1);
  }
  return undefined;
}
