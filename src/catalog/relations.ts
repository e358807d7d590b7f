import type { Link } from '../markdown/types.js';
import { variantKey } from '../template/heading-variants.js';
import type { PatternView } from './types.js';

/**
 * Relations between patterns, one place for every consumer — lint's
 * relation rules, the site's cards and graph, the exports, the report, the
 * language server, search. A link to another pattern makes a relation of the
 * kind of the section it is in:
 * - `related`: a section that lists related patterns (`Related Patterns`,
 *   `See Also`, `Patterns related to Saga`, `Related cloud patterns`);
 * - `alternative`: a section of alternatives (`Alternatives`, `Alternatives considered`);
 * - `mention`: anywhere else in the text — a weaker edge.
 */
export type RelationKind = 'related' | 'alternative' | 'mention';

/** The kinds a pattern lists explicitly, in a section for them. */
export type ListedKind = Exclude<RelationKind, 'mention'>;

export const RELATION_KINDS: readonly RelationKind[] = ['related', 'alternative', 'mention'];

/**
 * The kind of relation a link in this top-level section makes, if the
 * section lists patterns. Names are read as people write them (a note in
 * parentheses, a plural or singular, more words): `Related Pattern(s)`,
 * `See also`, `Patterns related to Saga`, `Related messaging patterns`,
 * `Alternatives considered`. `Related work` or `Related articles` list no patterns.
 */
export function relationKind(sectionTitle: string | undefined): ListedKind | undefined {
  if (!sectionTitle) return undefined;
  let kind = sectionKinds.get(sectionTitle);
  if (kind === undefined) {
    const key = variantKey(sectionTitle);
    kind = /^alternative\b/.test(key)
      ? 'alternative'
      : /^(?:see also|also see|related|related pattern\b.*|related (?:\S+ )*pattern|pattern related to\b.*|pattern that relate\b.*)$/.test(key)
        ? 'related'
        : null;
    if (sectionKinds.size < 5000) sectionKinds.set(sectionTitle, kind);
  }
  return kind ?? undefined;
}

/**
 * Whether a link of a relations section is one of its entries — on a line that is a list item or a
 * table row, or that opens with it — rather than a mention in the author's prose (`We weighed the
 * [style guide](…) too, but…`): a discussion of alternatives links what it speaks of in passing.
 */
export function listedEntry(source: string, link: Pick<Link, 'range'>): boolean {
  const start = link.range.start.offset;
  const line = source.slice(source.lastIndexOf('\n', start - 1) + 1, start);
  return /^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?|\|)/.test(line) ? true : /^\s*[*_]{0,2}$/.test(line);
}

/** Section names repeat across a catalog: their kind is remembered, up to a bound. */
const sectionKinds = new Map<string, ListedKind | null>();

/** One link from a pattern to another. */
export interface Relation<P extends PatternView = PatternView> {
  from: P;
  to: P;
  kind: RelationKind;
  link: Link;
}

/**
 * The relations a pattern's own links make: each link that leads to another
 * pattern (`resolve` maps a link's destination, written in `from`, to the
 * pattern it names, if any), of the kind of the section it is in. Links to
 * itself, to files that are not patterns and to the rest of the web make none.
 */
export function relationsFrom<P extends PatternView>(from: P, resolve: (url: string, fromFile: string) => P | undefined): Relation<P>[] {
  const out: Relation<P>[] = [];
  for (const link of from.links) {
    const to = resolve(link.url, from.file);
    if (!to || to === from || to.file === from.file) continue;
    out.push({ from, to, kind: relationKind(link.sectionPath[0]) ?? 'mention', link });
  }
  return out;
}

/** What a pattern lists and who lists it, by slug: each list in first-seen order, backlinks sorted. */
export interface PatternRelations {
  related: string[];
  alternatives: string[];
  /** Patterns its text links to elsewhere (not listed as related or alternatives). */
  mentions: string[];
  /** Patterns that link to this one, in a relation section or in their text. */
  backlinks: string[];
}

/** The relation lists of every pattern that has any, by slug. */
export function relationLists(relations: readonly Pick<Relation, 'from' | 'to' | 'kind'>[] | readonly SlugRelation[]): Map<string, PatternRelations> {
  const out = new Map<string, PatternRelations>();
  const entry = (slug: string) => out.get(slug) ?? out.set(slug, { related: [], alternatives: [], mentions: [], backlinks: [] }).get(slug)!;
  for (const r of relations) {
    const [from, to] = typeof r.from === 'string' ? [r.from, r.to as string] : [r.from.slug, (r.to as PatternView).slug];
    const e = entry(from);
    const list = r.kind === 'related' ? e.related : r.kind === 'alternative' ? e.alternatives : e.mentions;
    if (!list.includes(to)) list.push(to);
    const back = entry(to).backlinks;
    if (from !== to && !back.includes(from)) back.push(from);
  }
  // A pattern listed as related or alternative is not also a mere mention.
  for (const e of out.values()) {
    e.mentions = e.mentions.filter((m) => !e.related.includes(m) && !e.alternatives.includes(m));
    e.backlinks.sort();
  }
  return out;
}

export const NO_RELATIONS: Readonly<PatternRelations> = Object.freeze({ related: [], alternatives: [], mentions: [], backlinks: [] });

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
export function relationGraph(
  patterns: readonly { slug: string; title: string; relations: Pick<PatternRelations, 'related' | 'alternatives'> & Partial<Pick<PatternRelations, 'mentions'>> }[],
): RelationGraph {
  const nodes = patterns.map((p) => ({ slug: p.slug, title: p.title }));
  const known = new Set(nodes.map((n) => n.slug));
  const key = (kind: RelationKind, from: string, to: string) => `${kind}\u0000${from}\u0000${to}`;
  const listed = (p: (typeof patterns)[number], kind: RelationKind) =>
    kind === 'related' ? p.relations.related : kind === 'alternative' ? p.relations.alternatives : (p.relations.mentions ?? []);
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
