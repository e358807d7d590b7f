import { describe, expect, it } from 'vitest';
import { layoutRelationGraph } from '../../src/site/graph.js';
import type { PageMeta } from '../../src/site/model.js';

const meta = (slug: string, related: string[] = [], alternatives: string[] = []): PageMeta => ({
  slug,
  file: `/c/${slug}/README.md`,
  dir: `/c/${slug}`,
  title: slug.toUpperCase(),
  facets: {},
  related,
  alternatives,
  mentions: [],
  backlinks: [],
  lint: { errors: 0, warnings: 0 },
  diagnostics: [],
});

describe('the relation graph', () => {
  const pages = [meta('a', ['b', 'c']), meta('b', ['a']), meta('c', [], ['d']), meta('d'), meta('e')];

  it('draws a reciprocal pair once, without direction, and a one-way relation with one', () => {
    const { edges, nodes } = layoutRelationGraph(pages);
    expect(edges).toEqual([
      { source: 'a', target: 'b', kind: 'related', reciprocal: true },
      { source: 'a', target: 'c', kind: 'related', reciprocal: false },
      { source: 'c', target: 'd', kind: 'alternative', reciprocal: false },
    ]);
    expect(nodes.map((n) => [n.id, n.degree])).toEqual([['a', 2], ['b', 1], ['c', 2], ['d', 1], ['e', 0]]);
  });

  it('lays the same catalog out the same way every time, and keeps the layout on a rebuild', () => {
    const first = layoutRelationGraph(pages);
    expect(layoutRelationGraph(pages)).toEqual(first);
    const positions = new Set(first.nodes.map((n) => `${n.x},${n.y}`));
    expect(positions.size).toBe(5);
    const renamed = pages.map((p) => (p.slug === 'a' ? { ...p, title: 'Renamed' } : p));
    const again = layoutRelationGraph(renamed, first);
    expect(again.nodes.find((n) => n.id === 'a')).toMatchObject({ label: 'Renamed', x: first.nodes[0]!.x, y: first.nodes[0]!.y });
  });
});
