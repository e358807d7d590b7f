import { readFileSync } from 'node:fs';
import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchResult } from 'minisearch';
import { analyze, termCounts } from './analyze.js';
import { bestSection, type QueryTerm } from './excerpt.js';
import type { IndexedText, PatternRecord } from './record.js';
import type { Synonyms } from './synonyms.js';

/**
 * Field weights: a word in the title says more about a pattern than one in
 * its summary, its headings, its prose. The opening's prose (see
 * `IndexedText.lead`) counts twice the rest: patterns describe the problem
 * they solve there, and questions are problems. Chosen on a plateau of a
 * grid search over the ranking test's questions and a second set held out
 * of the test (see the README's search section).
 */
const BOOST = { title: 5, summary: 4, headings: 2, lead: 2, prose: 1 } as const;
type Field = keyof typeof BOOST;
const FIELDS = Object.keys(BOOST) as Field[];

/** A synonym counts this much of the question's own word: it widens the search without outranking what was asked. */
const SYNONYM_WEIGHT = 0.4;

/** Answers per question unless told otherwise, and at most. */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

/** Facet filters: every facet named must have one of the values given (case-insensitive). */
export type Filters = Record<string, string | string[]>;

export interface SearchHit {
  slug: string;
  title: string;
  summary?: string;
  path: string;
  facets: Record<string, string[]>;
  /** BM25 relevance (higher is better), comparable within one answer. */
  score: number;
  /** The section whose text matches the question best, with a short excerpt around the match. */
  section?: { heading: string; path: string[]; id: string; excerpt: string };
}

type Doc = IndexedText & { id: string };

/**
 * The term counts of a pattern's indexed text, one entry per field in the
 * index's order of fields (see `countTerms`): the field's distinct terms, in
 * order of first use, joined by spaces (a term has none), and the count of
 * each. Two flat values per field rather than a map: a worker thread posts
 * them for a third of the cost of copying maps.
 */
export type TermCounts = readonly { terms: string; counts: Uint8Array }[];

/** Patterns added to an empty index in one go: see `SearchIndex.loader`. */
export interface IndexLoader {
  add(record: PatternRecord, counts: TermCounts): void;
  /** Makes the patterns added searchable (once). */
  finish(): void;
}

/**
 * Each term is indexed at most twice per field. MiniSearch counts a term's
 * frequency one occurrence at a time, a radix-tree walk each; BM25 saturates
 * frequency anyway (k1 = 1.2: a third mention adds little), and the field
 * lengths MiniSearch divides by count distinct terms. Measured on the
 * benchmark's 1,000 patterns: indexing 0.85 → 0.70 s of CPU; the ranking
 * test and the held-out questions rank the same.
 */
const MAX_REPEATS = 2;

/**
 * What the index keeps of a pattern's text: each field's terms (as `analyze`
 * gives them, at most `MAX_REPEATS` of each) with their counts. Made where the
 * pattern is read — a worker thread, on a large catalog — and handed to `IndexLoader.add`.
 */
export function countTerms(text: IndexedText): TermCounts {
  return FIELDS.map((field) => {
    const counts = termCounts(text[field], MAX_REPEATS);
    // At most MAX_REPEATS (2) of each: a byte holds it.
    return { terms: [...counts.keys()].join(' '), counts: Uint8Array.from(counts.values()) };
  });
}

/**
 * A posting of the loader as one integer: the document's number times 32,
 * plus the field's (0–7) times 4, plus the count (at most MAX_REPEATS, 2).
 * A small integer for V8 below 2^30: up to some 33 million documents.
 */
function posting(id: number, fieldId: number, count: number): number {
  if (id >= 2 ** 25) throw new Error('SearchIndex.loader: more than 33 million patterns');
  return id * 32 + fieldId * 4 + count;
}

const MINI_OPTIONS: Options<Doc> = {
  fields: FIELDS,
  storeFields: [],
  tokenize: (text) => analyze(text, MAX_REPEATS),
  processTerm: (term) => term,
  // Questions arrive analysed already (see `query`): their terms are taken as they are.
  searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
};

/**
 * The catalog's full-text index: MiniSearch's BM25+ over title, summary,
 * headings and prose (see the README for why MiniSearch), with the
 * analysis of analyze.ts on both sides and synonyms added to each question.
 * Keeps one `PatternRecord` per pattern; texts are not kept.
 */
export class SearchIndex {
  private mini: MiniSearch<Doc>;
  private readonly records = new Map<string, PatternRecord>();
  /** `all()`, kept until the next change: tools list or walk every pattern often, and 10,000 take a while to sort. */
  private sorted: PatternRecord[] | undefined;

  constructor(private readonly synonyms: Synonyms) {
    this.mini = new MiniSearch<Doc>(MINI_OPTIONS);
  }

  /**
   * Fills an empty index with many patterns at once (a catalog being opened):
   * `add` each (its record and `countTerms` of its text), then `finish`. The
   * index is the one `add` makes one pattern at a time (a test compares the
   * two), but built faster: each text's terms are counted in one pass (on the
   * thread that read it) and the whole index is handed to MiniSearch through
   * its own deserialisation (`loadJS`), where `add` walks MiniSearch's radix
   * tree once per word. Measured on the benchmark's 1,000 patterns: 0.85 →
   * 0.45 s (see the README's search section). Until `finish`, searches see
   * none of them.
   */
  loader(): IndexLoader {
    if (this.records.size > 0) throw new Error('SearchIndex.loader: the index is not empty');
    // Per term, its postings as they come, one small integer each (see `posting`); the objects
    // MiniSearch's format wants are made once per term, when it takes them. At 10,000 patterns
    // there are some five million postings: one number each rather than three keeps the
    // loader's own memory to a third.
    const postings = new Map<string, number[]>();
    const documentIds: Record<number, string> = {};
    const fieldLength: Record<number, number[]> = {};
    const averageFieldLength = FIELDS.map(() => 0);
    let count = 0;
    let finished = false;
    return {
      add: (record, fields) => {
        if (finished) throw new Error('SearchIndex.loader: already finished');
        if (this.records.has(record.slug)) throw new Error(`SearchIndex.loader: ${record.slug} twice`);
        const id = count++;
        documentIds[id] = record.slug;
        const lengths: number[] = [];
        fields.forEach(({ terms, counts }, fieldId) => {
          const size = counts.length;
          lengths.push(size);
          // MiniSearch's running mean, in its order of operations: the same floating-point result.
          averageFieldLength[fieldId] = (averageFieldLength[fieldId]! * id + size) / (id + 1);
          if (size === 0) return;
          const names = terms.split(' ');
          for (let i = 0; i < size; i++) {
            const term = names[i]!;
            const list = postings.get(term);
            const p = posting(id, fieldId, counts[i]!);
            if (list) list.push(p);
            else postings.set(term, [p]);
          }
        });
        fieldLength[id] = lengths;
        this.records.set(record.slug, record);
      },
      finish: () => {
        if (finished) return;
        finished = true;
        // Each term's postings are dropped as MiniSearch takes them: the two copies never coexist whole.
        function* index(): Generator<[string, Record<number, Record<number, number>>]> {
          for (const [term, list] of postings) {
            postings.delete(term);
            const entry: Record<number, Record<number, number>> = {};
            for (const p of list) (entry[(p >> 2) & 7] ??= {})[Math.floor(p / 32)] = p & 3;
            yield [term, entry];
          }
        }
        this.mini = MiniSearch.loadJS<Doc>(
          {
            documentCount: count,
            nextId: count,
            documentIds,
            fieldIds: Object.fromEntries(FIELDS.map((f, i) => [f, i])),
            fieldLength,
            averageFieldLength,
            storedFields: {},
            dirtCount: 0,
            index: index() as unknown as AsPlainObject['index'],
            serializationVersion: 2,
          },
          MINI_OPTIONS,
        );
        this.sorted = undefined;
      },
    };
  }

  /** The MiniSearch index as its JSON (for tests: two ways of building it give the same index). */
  toJSON(): AsPlainObject {
    return this.mini.toJSON();
  }

  get size(): number {
    return this.records.size;
  }

  /** Adds a pattern, or replaces the one with its slug. */
  add(record: PatternRecord, text: IndexedText): void {
    if (this.records.has(record.slug)) this.mini.discard(record.slug);
    this.mini.add({ id: record.slug, ...text });
    this.records.set(record.slug, record);
    this.sorted = undefined;
  }

  remove(slug: string): boolean {
    if (!this.records.delete(slug)) return false;
    this.mini.discard(slug);
    this.sorted = undefined;
    return true;
  }

  get(slug: string): PatternRecord | undefined {
    return this.records.get(slug);
  }

  /** Every pattern, by path. */
  all(): readonly PatternRecord[] {
    this.sorted ??= [...this.records.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.sorted;
  }

  /** The question's terms, and the terms its synonyms add. */
  terms(question: string): QueryTerm[] {
    const own = [...new Set(analyze(question))];
    return [...own.map((term) => ({ term, weight: 1 })), ...this.synonyms.expand(own, SYNONYM_WEIGHT)];
  }

  /**
   * The patterns that answer a question, best first. Each hit names the
   * section that matches best, with an excerpt (read from the file: the
   * index keeps no text). `read` gives a pattern's current text (the live
   * catalog re-reads a changed file first); by default the file on disk.
   */
  search(question: string, options: { limit?: number; filters?: Filters; read?: (record: PatternRecord) => string | undefined } = {}): SearchHit[] {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    const terms = this.terms(question);
    if (terms.length === 0) return [];
    const accept = options.filters ? facetFilter(options.filters) : () => true;
    const results = this.mini.search(query(terms), { filter: (r: SearchResult) => accept(this.records.get(r.id as string)) });
    const read = options.read ?? readText;
    return results.slice(0, limit).map((r) => {
      const record = this.records.get(r.id as string)!;
      const text = read(record);
      const section = text === undefined ? undefined : bestSection(record, text, terms);
      return {
        slug: record.slug,
        title: record.title,
        ...(record.summary ? { summary: record.summary } : {}),
        path: record.path,
        facets: record.facets,
        score: Math.round(r.score * 1000) / 1000,
        ...(section ? { section } : {}),
      };
    });
  }

  /** Every pattern that passes the filters, by path. */
  list(filters?: Filters): PatternRecord[] {
    const accept = filters ? facetFilter(filters) : () => true;
    return this.all().filter((r) => accept(r));
  }

  /** The facet names in use, with every value each takes, sorted. */
  facets(): Record<string, string[]> {
    const out = new Map<string, Set<string>>();
    for (const r of this.records.values()) {
      for (const [facet, values] of Object.entries(r.facets)) {
        let set = out.get(facet);
        if (!set) out.set(facet, (set = new Set()));
        for (const v of values) set.add(v);
      }
    }
    return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
  }
}

/** The question as MiniSearch's query tree: one sub-query per weight (field boosts scaled by it), any term may match. */
function query(terms: QueryTerm[]): Query {
  const byWeight = new Map<number, string[]>();
  for (const t of terms) byWeight.set(t.weight, [...(byWeight.get(t.weight) ?? []), t.term]);
  const scaled = (w: number) => Object.fromEntries(FIELDS.map((f) => [f, BOOST[f] * w]));
  return { combineWith: 'OR', queries: [...byWeight].map(([w, list]) => ({ queries: list, combineWith: 'OR', boost: scaled(w) })) };
}

function facetFilter(filters: Filters): (record: PatternRecord | undefined) => boolean {
  const wanted = Object.entries(filters).map(([facet, v]) => [facet, new Set((Array.isArray(v) ? v : [v]).map((s) => s.toLowerCase()))] as const);
  return (record) => !!record && wanted.every(([facet, values]) => values.size === 0 || (record.facets[facet] ?? []).some((v) => values.has(v.toLowerCase())));
}

/** A pattern's text from disk, as the catalog layer reads it (byte-order mark removed); undefined when it is gone. */
export function readText(record: Pick<PatternRecord, 'file'>): string | undefined {
  try {
    const text = readFileSync(record.file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
