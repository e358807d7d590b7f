import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { relationGraph, type RelationKind } from '../catalog/relations.js';
import type { PageMeta } from './model.js';

export interface GraphNode {
  id: string;
  label: string;
  x: number;
  y: number;
  /** Relations in and out: the node's size. */
  degree: number;
  /** Its value of the colouring facet (the first one it has), if any. */
  group?: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: RelationKind;
  /** Both patterns list each other (drawn as one line without arrows). */
  reciprocal: boolean;
}

export interface SiteGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The facet nodes are coloured by (`category` when the catalog has it, else its first facet). */
  facet?: string;
}

/** The facet the graph colours by: `category` when patterns have one, else the first facet any pattern has a value of. */
export function colourFacet(pages: readonly PageMeta[]): string | undefined {
  const names = [...new Set(pages.flatMap((p) => Object.keys(p.facets)))];
  const used = (name: string) => pages.some((p) => (p.facets[name]?.length ?? 0) > 0);
  return used('category') ? 'category' : names.find(used);
}

/**
 * The relation graph of the catalog, laid out here rather than in the
 * browser: the page opens at once even with a thousand patterns, and the same
 * catalog always gives the same picture (d3-force starts from fixed positions
 * and draws its randomness from a fixed seed). Patterns of the same category
 * are pulled towards a common point, so that colours form regions.
 */
export function layoutRelationGraph(pages: PageMeta[], previous?: SiteGraph): SiteGraph {
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  const edges: GraphEdge[] = relationGraph(pages.map((p) => ({ slug: p.slug, title: p.title, relations: p }))).edges.map((e) => ({
    source: e.from,
    target: e.to,
    kind: e.kind,
    reciprocal: e.reciprocal,
  }));
  const degree = new Map<string, number>();
  for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const facet = colourFacet(pages);
  const groupOf = (slug: string) => (facet ? bySlug.get(slug)?.facets[facet]?.[0] : undefined);
  const node = (id: string, x: number, y: number): GraphNode => {
    const group = groupOf(id);
    return { id, label: bySlug.get(id)!.title, x, y, degree: degree.get(id) ?? 0, ...(group !== undefined ? { group } : {}) };
  };

  // A rebuild in `dev` keeps the picture: the same patterns stay where they were.
  const before = new Map((previous?.nodes ?? []).map((n) => [n.id, n]));
  if (previous && pages.every((p) => before.has(p.slug))) {
    return { nodes: pages.map((p) => node(p.slug, before.get(p.slug)!.x, before.get(p.slug)!.y)), edges, ...(facet ? { facet } : {}) };
  }

  // Each group's point on a circle that grows with the catalog; patterns without one stay in the middle.
  const groups = [...new Set(pages.map((p) => groupOf(p.slug)).filter((g): g is string => g !== undefined))].sort();
  const radius = 12 * Math.sqrt(pages.length) + 40;
  const anchor = new Map(groups.map((g, i) => [g, { x: radius * Math.cos((2 * Math.PI * i) / groups.length), y: radius * Math.sin((2 * Math.PI * i) / groups.length) }]));
  const at = (n: SimulationNodeDatum & { id: string }) => anchor.get(groupOf(n.id) ?? '') ?? { x: 0, y: 0 };

  type Node = SimulationNodeDatum & { id: string };
  const nodes: Node[] = pages.map((p) => ({ id: p.slug }));
  const links = edges.map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Node, { source: string; target: string }>(links)
        .id((n) => n.id)
        .distance(70),
    )
    // Repulsion keeps nodes apart (a collision force would cost half the layout time).
    .force('charge', forceManyBody().strength(-180).distanceMin(12).distanceMax(600))
    .force('x', forceX<Node>((n) => at(n).x).strength(groups.length > 1 ? 0.08 : 0.04))
    .force('y', forceY<Node>((n) => at(n).y).strength(groups.length > 1 ? 0.08 : 0.04))
    .stop();
  // Fewer steps on very large catalogs: the picture settles anyway, the build stays fast.
  const steps = nodes.length > 3000 ? 60 : nodes.length > 300 ? 100 : 300;
  for (let i = 0; i < steps; i++) simulation.tick();

  const round = (v: number | undefined) => Math.round((v ?? 0) * 10) / 10;
  return { nodes: nodes.map((n) => node(n.id, round(n.x), round(n.y))), edges, ...(facet ? { facet } : {}) };
}

/** How many groups get a colour of their own (assets/site/graph.css `--g0`…`--g9`); the rest share one. */
export const GROUP_COLOURS = 10;

/** The groups, the one with the most patterns first (ties by name): the order of their colours and legend. */
export function rankGroups(values: readonly (string | undefined)[]): string[] {
  const count = new Map<string, number>();
  for (const v of values) if (v !== undefined) count.set(v, (count.get(v) ?? 0) + 1);
  return [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || (a < b ? -1 : 1));
}

const KIND_CODE: Record<RelationKind, number> = { related: 0, alternative: 1, mention: 2 };

/**
 * `graph.json`, as the graph page reads it: positions, titles and groups by
 * index, edges as index pairs — about a third of the size of the same graph
 * written out by name, which a phone on a slow network feels at a thousand
 * patterns.
 *
 * `{ facet, groups: [name…] (most patterns first), nodes: [[slug, title, x, y, group index or -1]…],
 *    edges: [[from, to, kind (0 related, 1 alternative, 2 mention), reciprocal 0/1]…] }`
 */
export function graphJson(graph: SiteGraph): string {
  const groups = rankGroups(graph.nodes.map((n) => n.group));
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  return JSON.stringify({
    facet: graph.facet ?? null,
    groups,
    nodes: graph.nodes.map((n) => [n.id, n.label, n.x, n.y, n.group === undefined ? -1 : groupIndex.get(n.group)!]),
    edges: graph.edges
      .filter((e) => index.has(e.source) && index.has(e.target))
      .map((e) => [index.get(e.source)!, index.get(e.target)!, KIND_CODE[e.kind], e.reciprocal ? 1 : 0]),
  });
}
