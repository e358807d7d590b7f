import type { Pattern } from '../../catalog/types.js';
import type { CatalogIndex, Relation } from '../catalog-index.js';
import { defineRule } from '../rule.js';
import { code, relativeLink } from './_targets.js';

export default defineRule({
  meta: {
    id: 'related-reciprocal',
    description: 'A pattern listed under Related Patterns mentions the pattern that lists it (a link or its title anywhere).',
    severity: 'warning',
    fixable: false,
    scope: 'catalog',
  },
  check({ pattern, index, report }) {
    const seen = new Set<Pattern>();
    for (const relation of relatedFrom(index, pattern)) {
      const other = relation.to;
      if (seen.has(other)) continue;
      seen.add(other);
      if (index.mentions(other, pattern)) continue;
      const back = `[${pattern.title?.text ?? pattern.slug}](${relativeLink(other.file, pattern.file)})`;
      report({
        message: `${code(other.path)}${other.title ? ` (${other.title.text})` : ''} is listed under Related Patterns but never mentions this pattern back: add ${code(back)} to its Related Patterns, or remove it from this list if the two are not related.`,
        range: relation.link.range,
        expected: back,
      });
    }
  },
});

const byPattern = new WeakMap<CatalogIndex, Map<Pattern, Relation[]>>();

/** The Related Patterns links of one pattern, grouped once per run. */
function relatedFrom(index: CatalogIndex, pattern: Pattern): Relation[] {
  let grouped = byPattern.get(index);
  if (!grouped) {
    grouped = new Map();
    for (const r of index.relations()) {
      if (r.kind !== 'related') continue;
      const list = grouped.get(r.from);
      if (list) list.push(r);
      else grouped.set(r.from, [r]);
    }
    byPattern.set(index, grouped);
  }
  return grouped.get(pattern) ?? [];
}
