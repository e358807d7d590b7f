import path from 'node:path';
import { resolveReference } from '../catalog/links.js';
import { ownsFolder } from '../catalog/pattern-files.js';
import { relationKind } from '../catalog/relations.js';
import type { Link } from '../markdown/types.js';

/**
 * Relations between patterns, as the search and the MCP server keep them.
 * The one place that asks the catalog layer what a link means (the section
 * it is in, where it leads), so a change there is a change here only.
 *
 * A pattern's links to other patterns are of three kinds: `related` and
 * `alternative` (the template's relation sections), and `mentioned` (a link
 * to another pattern anywhere else in its text).
 */
export type LinkKind = 'related' | 'alternative' | 'mentioned';

/** Where one of a pattern's links leads: a file or folder inside the catalog, absolute. */
export interface LinkTarget {
  kind: LinkKind;
  target: string;
}

/**
 * The links of a pattern that may lead to other patterns: local, inside the
 * catalog, each kind and target once. Which of them are patterns is decided
 * when asked (`locator`), so a pattern added later is found.
 */
export function linkTargets(links: readonly Pick<Link, 'url' | 'sectionPath'>[], file: string, root: string): LinkTarget[] {
  const out: LinkTarget[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const target = resolveReference(link.url, file, root);
    if (target.kind !== 'local' || target.outside || target.file === file) continue;
    const kind = relationKind(link.sectionPath[0]) ?? 'mentioned';
    const key = `${kind}\u0000${target.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, target: target.file });
  }
  return out;
}

/** Files and folders to the patterns they are: `../saga/README.md`, `../saga/` and `../saga` all name saga. */
export function locator<T extends { file: string }>(entries: Iterable<T>): (target: string) => T | undefined {
  const byFile = new Map<string, T>();
  const byFolder = new Map<string, T>();
  for (const e of entries) {
    byFile.set(e.file, e);
    if (ownsFolder(e.file)) byFolder.set(path.dirname(e.file), e);
  }
  return (target) => byFile.get(target) ?? byFolder.get(target.replace(/[\\/]+$/, ''));
}

/** A pattern's relation to another, seen from the first. */
export interface RelationEntry {
  slug: string;
  /** `referenced-by`: the other pattern links to this one (under any kind). */
  kind: LinkKind | 'referenced-by';
  /** For related and alternative: the other pattern lists this one back with the same kind. */
  reciprocal: boolean;
}

/**
 * The relations of one pattern: those it makes (related, alternative, and
 * mentioned for a pattern it links to but does not list), then those made to it ("referenced by"), each with whether it
 * goes both ways. Worked out from every pattern's kept links when asked
 * (one pass over them), so it is always current.
 */
export function relationsOf<T extends { slug: string; file: string; links: readonly LinkTarget[] }>(slug: string, patterns: readonly T[]): RelationEntry[] {
  const locate = locator(patterns);
  const from = patterns.find((p) => p.slug === slug);
  if (!from) return [];
  const lists = (p: T, kind: LinkKind, to: T) => p.links.some((l) => l.kind === kind && locate(l.target) === to);
  const out: RelationEntry[] = [];
  const seen = new Set<string>();
  const listed = new Set<T>();
  for (const link of from.links) if (link.kind !== 'mentioned') listed.add(locate(link.target)!);
  for (const link of from.links) {
    const to = locate(link.target);
    if (!to || to === from || seen.has(`${link.kind}\u0000${to.slug}`)) continue;
    // A pattern it lists as related or alternative is not also "mentioned".
    if (link.kind === 'mentioned' && listed.has(to)) continue;
    seen.add(`${link.kind}\u0000${to.slug}`);
    out.push({ slug: to.slug, kind: link.kind, reciprocal: link.kind !== 'mentioned' && lists(to, link.kind, from) });
  }
  const outgoing = new Set(out.map((r) => r.slug));
  for (const p of patterns) {
    if (p === from || !p.links.some((l) => locate(l.target) === from)) continue;
    out.push({ slug: p.slug, kind: 'referenced-by', reciprocal: outgoing.has(p.slug) });
  }
  return out;
}
