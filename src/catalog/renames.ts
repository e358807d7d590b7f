import path from 'node:path';
import type { CatalogFiles } from './files.js';
import { resolveReference } from './links.js';

/**
 * A name prefix the catalog's links write for another, consistently: `./eip-721.md` for the
 * catalog's `erc-721.md`, `../assets/eip-721/` for `assets/erc-721/`. Catalogs split from another
 * keep the other's names in their links and rename on publishing (ERCs, copied into the EIPs
 * repository by their CI): on a git host such a link is broken, on the published site it works.
 */
export interface PrefixSwap {
  /** The prefix as the links write it, lower case, with its separator: `eip-`. */
  from: string;
  /** The prefix of the catalog's own files, as they write it: `erc-`. */
  to: string;
  /** How many links the swap leads to a file of the catalog. */
  links: number;
}

/** A segment named with a prefix and a separator: `eip-721.md`, `erc_20`. */
const PREFIXED = /^([A-Za-z]{2,12})([-_])(.+)$/;

/** A swap is the catalog's when this many links it leads to a file… */
const SWAP_MIN = 5;
/** …and they are at least this share of the broken links that write the prefix. */
const SWAP_SHARE = 0.5;

/**
 * The prefix swaps the catalog's links make, learned from its broken relative links: a swap that
 * leads `SWAP_MIN` of them or more, and half of those that write that prefix, to files of the catalog.
 */
export function learnPrefixSwaps(destinations: Iterable<{ url: string; from: string }>, root: string, files: CatalogFiles): PrefixSwap[] {
  const broken: string[] = [];
  for (const { url, from } of destinations) {
    const trimmed = url.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const resolved = resolveReference(trimmed, from, root);
    if (resolved.kind !== 'local' || resolved.outside || files.stat(resolved.file)) continue;
    const rel = path.relative(root, resolved.file).split(path.sep).join('/');
    if (rel.split('/').some((s) => PREFIXED.test(s))) broken.push(rel);
  }
  if (broken.length < SWAP_MIN) return [];
  // Candidates: for a segment `eip-721.md`, another name of its folder with the same rest (`erc-721.md`).
  const candidates = new Map<string, Map<string, number>>();
  const writing = new Map<string, number>();
  for (const rel of broken) {
    const segments = rel.split('/');
    const seen = new Set<string>();
    segments.forEach((segment, k) => {
      const m = PREFIXED.exec(segment);
      if (!m) return;
      const from = `${m[1]!.toLowerCase()}${m[2]}`;
      if (!seen.has(from)) writing.set(from, (writing.get(from) ?? 0) + 1);
      seen.add(from);
      const dir = path.join(root, ...segments.slice(0, k));
      for (const name of files.list(dir).names) {
        const other = PREFIXED.exec(name);
        if (!other || other[2] !== m[2] || other[3] !== m[3] || other[1]!.toLowerCase() === m[1]!.toLowerCase()) continue;
        const to = `${other[1]}${other[2]}`;
        const byTo = candidates.get(from) ?? candidates.set(from, new Map()).get(from)!;
        byTo.set(to, 0);
      }
    });
  }
  const out: PrefixSwap[] = [];
  for (const [from, tos] of candidates) {
    for (const to of tos.keys()) {
      const swap = { from, to, links: 0 };
      const led = broken.filter((rel) => swapPath(rel, swap) !== rel && files.stat(path.join(root, ...swapPath(rel, swap).split('/')))).length;
      if (led >= SWAP_MIN && led >= (writing.get(from) ?? 0) * SWAP_SHARE && led > (out.find((s) => s.from === from)?.links ?? 0)) {
        const at = out.findIndex((s) => s.from === from);
        if (at >= 0) out.splice(at, 1);
        out.push({ ...swap, links: led });
      }
    }
  }
  return out;
}

/** A catalog path with every segment that opens with the swap's prefix written with the catalog's own. */
export function swapPath(rel: string, swap: Pick<PrefixSwap, 'from' | 'to'>): string {
  return rel
    .split('/')
    .map((segment) => (segment.toLowerCase().startsWith(swap.from) ? swap.to + segment.slice(swap.from.length) : segment))
    .join('/');
}

/**
 * The file of the catalog a missing path names with one of its swaps: every prefixed segment
 * swapped, else only the folders' (`assets/eip-4910/eip-4910-flow.png` for
 * `assets/erc-4910/eip-4910-flow.png`), else only the file's. `exists` says whether a catalog path is there.
 */
export function swappedPath(rel: string, swaps: readonly PrefixSwap[], exists: (rel: string) => boolean): { rel: string; swap: PrefixSwap } | undefined {
  const swap = swapOf(rel, swaps);
  if (!swap) return undefined;
  const segments = rel.split('/');
  const last = segments.length - 1;
  const one = (segment: string) => (segment.toLowerCase().startsWith(swap.from) ? swap.to + segment.slice(swap.from.length) : segment);
  const tries = [swapPath(rel, swap), segments.map((s, k) => (k < last ? one(s) : s)).join('/'), segments.map((s, k) => (k === last ? one(s) : s)).join('/')];
  const found = tries.find((t) => t !== rel && exists(t));
  return found ? { rel: found, swap } : undefined;
}

/** The swap a catalog path writes (a segment opens with its prefix), if any. */
export function swapOf(rel: string, swaps: readonly PrefixSwap[]): PrefixSwap | undefined {
  const segments = rel.toLowerCase().split('/');
  return swaps.find((s) => segments.some((segment) => segment.startsWith(s.from)));
}
