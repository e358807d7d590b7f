import type { RelationGraph } from '../catalog/relations.js';
import { PatternbookError } from '../diagnostics.js';

/** The part of the graph within `depth` relations (either direction) of `focus`. */
export function focusGraph(graph: RelationGraph, focus: string, depth: number): RelationGraph {
  if (!graph.nodes.some((n) => n.slug === focus)) {
    throw new PatternbookError(`--focus ${focus}: no pattern has this slug (run \`patternbook info\` to list them).`);
  }
  const near = new Map<string, Set<string>>();
  const link = (a: string, b: string) => (near.get(a) ?? near.set(a, new Set()).get(a)!).add(b);
  for (const e of graph.edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const kept = new Set([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const slug of frontier)
      for (const n of near.get(slug) ?? [])
        if (!kept.has(n)) {
          kept.add(n);
          next.push(n);
        }
    frontier = next;
  }
  return { nodes: graph.nodes.filter((n) => kept.has(n.slug)), edges: graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to)) };
}

/** Mermaid flowchart: solid arrows for related, dotted and labelled for alternatives, dotted and labelled for mentions, two heads when reciprocal. */
export function graphMermaid(graph: RelationGraph): string {
  const id = new Map(graph.nodes.map((n, i) => [n.slug, `p${i}`]));
  const label = (t: string) => t.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
  const lines = ['flowchart LR', ...graph.nodes.map((n) => `  ${id.get(n.slug)}["${label(n.title)}"]`)];
  for (const e of graph.edges) {
    const arrow = e.kind === 'related' ? (e.reciprocal ? '<-->' : '-->') : e.reciprocal ? '<-.->' : '-.->';
    lines.push(`  ${id.get(e.from)} ${arrow}${e.kind === 'related' ? '' : `|${e.kind}|`} ${id.get(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT: the same conventions as the Mermaid output. */
export function graphDot(graph: RelationGraph): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const lines = ['digraph catalog {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  for (const n of graph.nodes) lines.push(`  ${q(n.slug)} [label=${q(n.title)}];`);
  for (const e of graph.edges) {
    const style = e.kind === 'alternative' ? 'style=dashed, label="alternative"' : e.kind === 'mention' ? 'style=dotted, label="mention"' : '';
    const attrs = [e.reciprocal ? 'dir=both' : '', style].filter(Boolean).join(', ');
    lines.push(`  ${q(e.from)} -> ${q(e.to)}${attrs ? ` [${attrs}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
