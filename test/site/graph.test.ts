import { describe, expect, it } from 'vitest';
import { colourFacet, graphJson, layoutRelationGraph } from '../../src/site/graph.js';
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
    expect(nodes.map((n) => [n.id, n.degree])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 2],
      ['d', 1],
      ['e', 0],
    ]);
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

  it('colours by category when patterns have one, else by the first facet they have; graph.json holds groups, nodes and edges by index', () => {
    const withFacets = (p: PageMeta, facets: Record<string, string[]>, mentions: string[] = []): PageMeta => ({ ...p, facets, mentions });
    const tagged = [
      withFacets(meta('a', ['b']), { tags: ['x'], category: ['data'] }, ['c']),
      withFacets(meta('b', ['a']), { tags: ['y'], category: ['data'] }),
      withFacets(meta('c'), { tags: ['x'], category: ['api'] }),
      withFacets(meta('d'), { tags: [], category: [] }),
    ];
    expect(colourFacet(tagged)).toBe('category');
    expect(colourFacet(tagged.map((p) => ({ ...p, facets: { tags: p.facets.tags!, category: [] } })))).toBe('tags');
    expect(colourFacet(pages)).toBeUndefined();
    const graph = layoutRelationGraph(tagged);
    expect(graph.facet).toBe('category');
    expect(graph.nodes.map((n) => n.group)).toEqual(['data', 'data', 'api', undefined]);
    const json = JSON.parse(graphJson(graph)) as { facet: string; groups: string[]; nodes: unknown[][]; edges: number[][] };
    expect(json.facet).toBe('category');
    // The group with most patterns first: its colour is the first.
    expect(json.groups).toEqual(['data', 'api']);
    expect(json.nodes.map((n) => [n[0], n[1], n[4]])).toEqual([
      ['a', 'A', 0],
      ['b', 'B', 0],
      ['c', 'C', 1],
      ['d', 'D', -1],
    ]);
    // a–b related both ways; a mentions c in its text (kind 2, one way).
    expect(json.edges).toEqual([
      [0, 1, 0, 1],
      [0, 2, 2, 0],
    ]);
  });
});
