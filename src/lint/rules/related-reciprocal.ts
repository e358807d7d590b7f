import { displayTitle } from '../../catalog/view.js';
import { relativeLink } from '../../catalog/links.js';
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
      report({
        message: `${code(other.path)}${other.title ? ` (${other.title.text})` : ''} is listed under Related Patterns but never mentions this pattern back: add ${code(back)} to its Related Patterns, or remove it from this list if the two are not related.`,
        range: relation.link.range,
        expected: back,
      });
    }
  },
});
