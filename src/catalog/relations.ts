import type { Link } from '../markdown/types.js';
import { foldHeading } from '../template/normalize.js';
import { resolveReference } from './links.js';
import type { PatternView } from './types.js';

/**
 * Relations between patterns: the links of the sections a pattern lists
 * other patterns in. One place for every consumer — lint's relation rules,
 * the site's cards and graph, the exports, the report, the language server.
 */
export type RelationKind = 'related' | 'alternative';

export const RELATION_KINDS: readonly RelationKind[] = ['related', 'alternative'];

/** Section names (folded) whose links are relations between patterns. */
const RELATION_SECTIONS: Record<string, RelationKind> = { 'related patterns': 'related', alternatives: 'alternative' };

/** The kind of relation a link in this top-level section makes, if any. */
export function relationKind(sectionTitle: string | undefined): RelationKind | undefined {
  return RELATION_SECTIONS[foldHeading(sectionTitle ?? '')];
}

/** One link from a pattern to another, in one of its relation sections. */
export interface Relation<P extends PatternView = PatternView> {
  from: P;
  to: P;
  kind: RelationKind;
  link: Link;
}

/**
 * The relations a pattern's own links make: each link of a relation section
 * that leads to another pattern (`locate` maps an absolute file to the pattern
 * it is). Links to itself, to files that are not patterns and to the web make none.
 */
export function relationsFrom<P extends PatternView>(from: P, root: string, locate: (file: string) => P | undefined): Relation<P>[] {
  const out: Relation<P>[] = [];
  for (const link of from.links) {
    const kind = relationKind(link.sectionPath[0]);
    if (!kind) continue;
    const target = resolveReference(link.url, from.file, root);
    const to = target.kind === 'local' ? locate(target.file) : undefined;
    if (to && to !== from && to.file !== from.file) out.push({ from, to, kind, link });
  }
  return out;
}

/** What a pattern lists and who lists it, by slug: each list in first-seen order, backlinks sorted. */
export interface PatternRelations {
  related: string[];
  alternatives: string[];
  /** Patterns that list this one (under any relation kind). */
  backlinks: string[];
}

/** The relation lists of every pattern that has any, by slug. */
export function relationLists(relations: readonly Pick<Relation, 'from' | 'to' | 'kind'>[] | readonly SlugRelation[]): Map<string, PatternRelations> {
  const out = new Map<string, PatternRelations>();
  const entry = (slug: string) => out.get(slug) ?? out.set(slug, { related: [], alternatives: [], backlinks: [] }).get(slug)!;
  for (const r of relations) {
    const [from, to] = typeof r.from === 'string' ? [r.from, r.to as string] : [r.from.slug, (r.to as PatternView).slug];
    const list = r.kind === 'related' ? entry(from).related : entry(from).alternatives;
    if (!list.includes(to)) list.push(to);
    const back = entry(to).backlinks;
    if (from !== to && !back.includes(from)) back.push(from);
  }
  for (const e of out.values()) e.backlinks.sort();
  return out;
}

export const NO_RELATIONS: Readonly<PatternRelations> = Object.freeze({ related: [], alternatives: [], backlinks: [] });

/** A relation by slug (what pages, exports and the graph keep). */
export interface SlugRelation {
  from: string;
  to: string;
  kind: RelationKind;
}

export function slugRelation(r: Relation): SlugRelation {
  return { from: r.from.slug, to: r.to.slug, kind: r.kind };
}

export interface RelationGraphNode {
  slug: string;
  title: string;
}

export interface RelationGraphEdge {
  from: string;
  to: string;
  kind: RelationKind;
  /** Both patterns list each other (with the same kind): one edge, drawn both ways. */
  reciprocal: boolean;
}

export interface RelationGraph {
  nodes: RelationGraphNode[];
  edges: RelationGraphEdge[];
}

/**
 * The relation graph: one edge per pair and kind, reciprocal when both sides
 * list each other; edges to patterns that are not among the nodes and to a
 * pattern itself are left out. Nodes and edges in the given order, so the same
 * catalog always gives the same graph.
 */
export function relationGraph(patterns: readonly { slug: string; title: string; relations: Pick<PatternRelations, 'related' | 'alternatives'> }[]): RelationGraph {
  const nodes = patterns.map((p) => ({ slug: p.slug, title: p.title }));
  const known = new Set(nodes.map((n) => n.slug));
  const key = (kind: RelationKind, from: string, to: string) => `${kind}\u0000${from}\u0000${to}`;
  const listed = (p: (typeof patterns)[number], kind: RelationKind) => (kind === 'related' ? p.relations.related : p.relations.alternatives);
  const has = new Set<string>();
  for (const p of patterns) for (const kind of RELATION_KINDS) for (const to of listed(p, kind)) has.add(key(kind, p.slug, to));
  const edges: RelationGraphEdge[] = [];
  const done = new Set<string>();
  for (const p of patterns) {
    for (const kind of RELATION_KINDS) {
      for (const to of listed(p, kind)) {
        if (to === p.slug || !known.has(to) || done.has(key(kind, p.slug, to))) continue;
        const reciprocal = has.has(key(kind, to, p.slug));
        done.add(key(kind, p.slug, to));
        if (reciprocal) done.add(key(kind, to, p.slug));
        edges.push({ from: p.slug, to, kind, reciprocal });
      }
    }
  }
  return { nodes, edges };
}
