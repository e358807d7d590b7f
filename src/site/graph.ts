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
}

/**
 * The relation graph of the catalog, laid out here rather than in the
 * browser: the page opens at once even with a thousand patterns, and the same
 * catalog always gives the same picture (d3-force starts from fixed positions
 * and draws its randomness from a fixed seed).
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

  // A rebuild in `dev` keeps the picture: the same patterns stay where they were.
  const before = new Map((previous?.nodes ?? []).map((n) => [n.id, n]));
  if (previous && pages.every((p) => before.has(p.slug))) {
    return { nodes: pages.map((p) => ({ ...before.get(p.slug)!, label: p.title, degree: degree.get(p.slug) ?? 0 })), edges };
  }

  type Node = SimulationNodeDatum & { id: string };
  const nodes: Node[] = pages.map((p) => ({ id: p.slug }));
  const links = edges.map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation(nodes)
    .force('link', forceLink<Node, { source: string; target: string }>(links).id((n) => n.id).distance(70))
    // Repulsion keeps nodes apart (a collision force would cost half the layout time).
    .force('charge', forceManyBody().strength(-180).distanceMin(12).distanceMax(600))
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.04))
    .stop();
  // Fewer steps on very large catalogs: the picture settles anyway, the build stays fast.
  const steps = nodes.length > 3000 ? 60 : nodes.length > 300 ? 100 : 300;
  for (let i = 0; i < steps; i++) simulation.tick();

  const round = (v: number | undefined) => Math.round((v ?? 0) * 10) / 10;
  return {
    nodes: nodes.map((n) => ({ id: n.id, label: bySlug.get(n.id)!.title, x: round(n.x), y: round(n.y), degree: degree.get(n.id) ?? 0 })),
    edges,
  };
}
