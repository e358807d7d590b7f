import { z } from 'zod';
import { relativeLink } from '../../catalog/links.js';
import { blockText } from '../../markdown/document.js';
import { isInactive } from '../../catalog/status.js';
import type { CatalogSettings, Pattern, PatternView } from '../../catalog/types.js';
import type { Block, Section } from '../../markdown/types.js';
import { foldHeading } from '../../template/normalize.js';
import type { TemplateSchema, TemplateSection } from '../../template/types.js';
import { defineCatalogRule } from '../rule.js';
import { code } from './_format.js';

/** Near-duplicates reported per pattern, most similar first; the rest are counted. */
const MAX_REPORTS = 5;

export default defineCatalogRule({
  meta: {
    id: 'duplicate-pattern',
    description: "A pattern's summary and Overview are not a near-copy of another pattern's (word 3-shingles, Jaccard similarity ≥ 80% by default).",
    severity: 'warning',
    fixable: false,
    wholeCatalog: true,
    options: z.strictObject({
      /** Jaccard similarity of the two texts' 3-word shingles from which two patterns count as duplicates (0–1). */
      threshold: z.number().min(0).max(1).default(0.8),
    }),
    scope: 'catalog',
  },
  // While each pattern is loaded in full: the shingles of its Overview (its summary's are taken in `check`).
  collect({ pattern, catalog }) {
    return shingleSet(catalog, pattern, '');
  },
  check({ pattern, catalog, options, report, memo, collected }) {
    // Once per run and threshold, over every pattern (also those the rule is off for: they can still be copied).
    // (By the summary the catalog shows, known once every pattern is loaded: an opening paragraph several
    // patterns share — `This proposal is part of the broader MSC3861` — is no summary of theirs, and no
    // likeness between them.)
    const all = memo(`pairs ${options.threshold}`, () =>
      findNearDuplicates(
        catalog.patterns.filter((p) => p.movedTo === undefined),
        options.threshold,
        (p) => {
          const overview = collected<Uint32Array>(p);
          if (!overview) return NOTHING;
          const summary = p.summary?.text ?? '';
          return summary === '' ? overview : union(overview, textShingles(catalog, summary));
        },
      ),
    );
    const found = all.get(pattern);
    if (!found) return;
    const what = describeText(catalog.template);
    const where = pattern.summary?.range ? { range: pattern.summary.range } : pattern.title?.range ? { range: pattern.title.range } : { line: 1 };
    // (Not beside a record the catalog keeps as it was, rejected or superseded: an alternative to the
    // same question, or the record it replaced, opens with the same context by nature.)
    const inactive = (p: PatternView) => isInactive(p, catalog.config);
    if (inactive(pattern)) return;
    // (Nor beside its variants, the same pattern built another way — `alb-lambda-cdk`, `alb-lambda-sam`,
    // `alb-lambda-pulumi-go`, named by the stem and words many of the catalog's names end with —: one
    // pattern kept in each of its implementations says the same of each by design.)
    const tags = memo('variant tags', () => variantTags(catalog.patterns));
    const kept = found.filter((f) => !inactive(f.other) && !variants(pattern.slug, f.other.slug, tags));
    // (Nor as a copy of the other documents of its series — the same title but for its number, each
    // file numbered, `Note 10: Quarterly plan`, `Note 11: Quarterly plan`, `…Warning85`, `…Warning95` —: a series opens with
    // the same words by nature. Said once: the summary does not tell this one apart.)
    const series = seriesKey(pattern);
    // (Not the same title twice, `Artifact management` in two folders: one document kept twice, merged.)
    const own = pattern.title ? foldHeading(pattern.title.text) : undefined;
    const inSeries =
      series === undefined ? [] : kept.filter((f) => seriesKey(f.other) === series && f.other.title !== undefined && foldHeading(f.other.title.text) !== own);
    if (inSeries.length > 0) {
      const named = inSeries.slice(0, 3).map((f) => code(relativeLink(pattern.file, f.other.file)));
      report({
        message: `${what} the same as ${what.endsWith(' are') ? 'those' : 'that'} of ${inSeries.length === 1 ? 'another document' : `${inSeries.length} other documents`} of its series (${named.join(', ')}${inSeries.length > 3 ? ', …' : ''}): say what this one covers, so readers can tell them apart.`,
        ...where,
      });
    }
    const active = kept.filter((f) => !inSeries.includes(f));
    for (const { other, similarity } of active.slice(0, MAX_REPORTS)) {
      report({
        message: `${what} ${Math.floor(similarity * 100 + 1e-9)}% similar to ${code(relativeLink(pattern.file, other.file))}${other.title ? ` (${other.title.text})` : ''}: merge them or make the difference clear.`,
        ...where,
      });
    }
    if (active.length > MAX_REPORTS) {
      report({
        message: `${active.length - MAX_REPORTS} more patterns are near-copies of this one too (≥ ${Math.round(options.threshold * 100)}% similar): merge the duplicates or make the differences clear.`,
        ...where,
      });
    }
  },
});

/** At least this many of a catalog's names must end with a word (or have it one before the end) for it to name a variant: `-cdk`, `-terraform`. */
const VARIANT_TAG_MIN = 10;

const segmentsOf = (slug: string) =>
  slug
    .toLowerCase()
    .split(/[-_.]+/)
    .filter(Boolean);

/**
 * The words that name a variant of a pattern in the catalog's names: those at least `VARIANT_TAG_MIN`
 * names end with, or have one before the end (`pulumi` in `…-pulumi-go`), past a stem of two words —
 * and that open few (`lambda` ends many names and opens as many: a part of what the pattern is).
 */
function variantTags(patterns: readonly PatternView[]): VariantWords {
  const counts = new Map<string, number>();
  const opening = new Map<string, number>();
  const families = new Map<string, number>();
  for (const p of patterns) {
    const parts = segmentsOf(p.slug);
    if (parts[0]) opening.set(parts[0], (opening.get(parts[0]) ?? 0) + 1);
    for (const word of new Set(parts.slice(Math.max(2, parts.length - 2)))) counts.set(word, (counts.get(word) ?? 0) + 1);
    if (parts.length >= 3) families.set(parts.slice(0, -1).join('-'), (families.get(parts.slice(0, -1).join('-')) ?? 0) + 1);
  }
  return {
    tags: new Set([...counts].filter(([word, n]) => n >= VARIANT_TAG_MIN && (opening.get(word) ?? 0) * 5 <= n && /\p{L}/u.test(word)).map(([word]) => word)),
    families,
  };
}

interface VariantWords {
  /** Words that name a variant (see `variantTags`). */
  tags: Set<string>;
  /** How many names each stem of two words or more has with one word after it (`alb-lambda-pulumi` → `-go`, `-ts`, `-yaml`). */
  families: Map<string, number>;
}

/**
 * Whether two names are one pattern's variants: the same stem of two words or more, and past it each
 * name (if anything) holds a variant's word (`-cdk`, `-pulumi-go`), or one word each, as three names
 * or more of that stem have (`-cs`, `-go`, `-yaml` of `alb-lambda-pulumi`).
 */
function variants(a: string, b: string, { tags, families }: VariantWords): boolean {
  const [x, y] = [segmentsOf(a), segmentsOf(b)];
  let stem = 0;
  while (stem < x.length && stem < y.length && x[stem] === y[stem]) stem++;
  if (stem < 2 || (stem === x.length && stem === y.length)) return false;
  const rest = [x.slice(stem), y.slice(stem)];
  if (rest.every((r) => r.length === 1) && (families.get(x.slice(0, stem).join('-')) ?? 0) >= 3) return true;
  // (A rest of a family of its own, `pulumi-go` where `…-pulumi-` has three names or more, names a variant too.)
  const family = (r: string[]) => r.length >= 2 && (families.get([...x.slice(0, stem), ...r.slice(0, -1)].join('-')) ?? 0) >= 3;
  return rest.every((r) => r.length === 0 || (r.length <= 3 && (r.some((w) => tags.has(w)) || family(r))));
}

/** What a document of a numbered series shares with the others: its title but for the numbers in it, where its file is numbered too. */
function seriesKey(pattern: PatternView): string | undefined {
  const title = pattern.title?.text;
  if (!title || !/\d/.test(pattern.slug)) return undefined;
  return foldHeading(title).replace(/\d+/g, '#');
}

function describeText(template: TemplateSchema): string {
  const summary = template.summary.from !== 'none';
  const overview = overviewSchema(template);
  return summary && overview ? `Summary and ${overview.name} are` : overview ? `The ${overview.name} is` : 'The summary is';
}

// ---------------------------------------------------------------------------
// The catalog-wide comparison, once per run and threshold.

interface Duplicate<P extends PatternView> {
  other: P;
  similarity: number;
}

/** A pattern whose file could not be read for `collect`: nothing to compare. */
const NOTHING = new Uint32Array(0);

/** Texts shorter than this many shingles (about this many words) are too short to call copies. */
const MIN_SHINGLES = 8;

/**
 * Pairs of patterns whose summary + Overview share at least `threshold` of
 * their 3-word shingles (Jaccard similarity), without comparing every pair:
 *
 * 1. Each text becomes the set of its 3-word shingles, hashed to 32 bits;
 *    shingles the template's own summary and Overview have are left out, so
 *    patterns do not look alike for the template text they kept.
 * 2. A 64-value MinHash signature per set, by one-permutation hashing with
 *    rotation densification (one hash per shingle, not 64).
 * 3. LSH banding: signatures cut into `b` bands of `r` values; two patterns
 *    become candidates when any band is equal. `r` is the largest for which a
 *    pair exactly at the threshold is a candidate with probability ≥ 99%.
 * 4. Each candidate pair is verified with the exact Jaccard similarity, so
 *    nothing below the threshold is reported.
 *
 * Cost at 10,000 patterns of ~200 shingles: one hash per shingle plus
 * 10,000 × b bucket insertions, then only the candidate pairs — near-linear,
 * where comparing every pair would be 50 million set intersections.
 */
export function findNearDuplicates<P extends PatternView>(patterns: readonly P[], threshold: number, setOf: (pattern: P) => Uint32Array): Map<P, Duplicate<P>[]> {
  const items: { pattern: P; set: Uint32Array }[] = [];
  for (const pattern of patterns) {
    const set = setOf(pattern);
    if (set.length >= MIN_SHINGLES) items.push({ pattern, set });
  }

  const { bands, rows } = banding(threshold);
  const sigs = items.map((item) => signature(item.set));
  const candidates = new Set<number>();
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, i) => {
      const key = Array.from(sig.subarray(band * rows, band * rows + rows)).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let a = 0; a < bucket.length; a++) for (let b = a + 1; b < bucket.length; b++) candidates.add(bucket[a]! * items.length + bucket[b]!);
    }
  }

  const result = new Map<P, Duplicate<P>[]>();
  const add = (p: P, d: Duplicate<P>): void => {
    const list = result.get(p);
    if (list) list.push(d);
    else result.set(p, [d]);
  };
  for (const pair of candidates) {
    const a = items[Math.floor(pair / items.length)]!;
    const b = items[pair % items.length]!;
    const similarity = jaccard(a.set, b.set);
    // Pairs that share nothing are never duplicates, whatever the threshold.
    if (similarity > 0 && similarity >= threshold) {
      add(a.pattern, { other: b.pattern, similarity });
      add(b.pattern, { other: a.pattern, similarity });
    }
  }
  for (const list of result.values()) list.sort((x, y) => y.similarity - x.similarity || (x.other.path < y.other.path ? -1 : 1));
  return result;
}

/** The template's own shingles, worked out once per template (a template lives as long as its run). */
const templateShingles = new WeakMap<TemplateSchema, Set<number>>();

/**
 * The sorted, distinct shingles of a pattern's summary (its own, or `summary` where given) and Overview,
 * less those the template's own text has.
 */
export function shingleSet(catalog: Pick<CatalogSettings, 'template'>, pattern: Pattern, summary = pattern.summary?.text ?? ''): Uint32Array {
  return textShingles(catalog, patternText(catalog.template, pattern, summary));
}

/** The sorted, distinct shingles of a text, less those the template's own text has. */
function textShingles(catalog: Pick<CatalogSettings, 'template'>, text: string): Uint32Array {
  let ignore = templateShingles.get(catalog.template);
  if (!ignore) {
    ignore = new Set(shingles(templateText(catalog.template)));
    templateShingles.set(catalog.template, ignore);
  }
  return uniqueSorted(shingles(text).filter((s) => !ignore.has(s)));
}

/** Two sorted sets of shingles as one. */
function union(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Uint32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return uniqueSorted(out);
}

/** Signature values per pattern. */
const K = 64;
const BIN_BITS = 6; // 2^6 = K bins
const VALUE_BITS = 32 - BIN_BITS;

/** `r` rows per band: the most for which a pair at the threshold becomes a candidate with probability ≥ 99%. */
export function banding(threshold: number): { bands: number; rows: number } {
  for (let rows = K; rows > 1; rows--) {
    const bands = Math.floor(K / rows);
    if (1 - (1 - threshold ** rows) ** bands >= 0.99) return { bands, rows };
  }
  return { bands: K, rows: 1 };
}

/**
 * One-permutation MinHash: each shingle's hash picks one of K bins by its top
 * bits and competes there with its other bits; an empty bin borrows the next
 * non-empty bin's value, offset by the distance, so two sets agree in a bin
 * with probability equal to their Jaccard similarity.
 */
function signature(set: Uint32Array): Float64Array {
  const sig = new Float64Array(K).fill(Infinity);
  for (const x of set) {
    const h = fmix32(x ^ 0x5bd1e995);
    const bin = h >>> VALUE_BITS;
    const value = h & ((1 << VALUE_BITS) - 1);
    if (value < sig[bin]!) sig[bin] = value;
  }
  const filled = new Float64Array(sig);
  for (let i = 0; i < K; i++) {
    if (sig[i] !== Infinity) continue;
    for (let d = 1; d < K; d++) {
      const j = (i + d) % K;
      if (sig[j] !== Infinity) {
        filled[i] = sig[j]! + d * 2 ** VALUE_BITS;
        break;
      }
    }
  }
  return filled;
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

// ---------------------------------------------------------------------------
// Texts and shingles.

/** The template's Overview section (matched by name, aliases included). */
function overviewSchema(template: TemplateSchema): TemplateSection | undefined {
  // (Not a slot any heading fills, `## Other sections`: it names no overview.)
  return template.sections.find((s) => !s.anyHeading && s.matcher.test('overview'));
}

function patternText(template: TemplateSchema, pattern: Pattern, summary: string): string {
  const schema = overviewSchema(template);
  const isOverview = (s: Section) => (schema ? schema.matcher.test(foldHeading(s.title)) : foldHeading(s.title) === 'overview');
  const parts = [summary];
  const visit = (blocks: Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') parts.push(block.text);
      else if (block.kind === 'blockquote') visit(block.blocks);
      else if (block.kind === 'list')
        for (const item of block.items) {
          parts.push(item.text);
          visit(item.blocks.slice(1));
        }
      else if (block.kind === 'table') for (const row of block.table.rows) parts.push(row.cells.join(' '));
    }
  };
  const section = (s: Section): void => {
    visit(s.blocks);
    s.children.forEach(section);
  };
  pattern.document.sections.filter(isOverview).forEach(section);
  // Each part is shingled on its own, so no shingle spans two paragraphs.
  return parts.join('\n');
}

function templateText(t: TemplateSchema): string {
  // (And the template's text under its title, which a pattern without a summary of its own keeps as
  // its first paragraph: `This is a proposal of the project, reviewed by …` in every proposal.)
  const lead = t.document.preamble.map((b) => blockText(b)).join('\n');
  return [t.summary.from === 'none' ? '' : t.summary.sample, overviewSchema(t)?.body ?? '', lead].join('\n');
}

/** 32-bit hashes of the 3-word shingles of each line of `text`. */
function shingles(text: string): number[] {
  const out: number[] = [];
  for (const line of text.split('\n')) {
    const words =
      line
        .normalize('NFKC')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    const hashes = words.map(fnv1a);
    for (let i = 0; i + 2 < hashes.length; i++) out.push(fmix32(Math.imul(hashes[i]!, 0x9e3779b1) ^ Math.imul(hashes[i + 1]! ^ 0x7f4a7c15, 0x85ebca77) ^ hashes[i + 2]!));
  }
  return out;
}

function uniqueSorted(values: ArrayLike<number>): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
