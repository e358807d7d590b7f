import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PatternbookError } from '../diagnostics.js';
import { esc } from './html.js';
import type { PatternPage } from './model.js';

/** What the index is fed of a pattern: its article, title, summary and facets. */
export type IndexedPage = Pick<PatternPage, 'slug' | 'title' | 'summary' | 'facets' | 'html'>;

export interface SearchIndex {
  /** Adds one pattern page. */
  add(page: IndexedPage): Promise<void>;
  /** Writes the index into `<dir>/pagefind` and stops the indexer; returns its size in bytes. */
  write(dir: string): Promise<number>;
  /** Stops the indexer without writing (a failed build). */
  close(): Promise<void>;
}

/**
 * The Pagefind index of the pattern pages, built through Pagefind's Node API
 * while the pages are written. Each page is fed as its article only — title
 * and summary (also kept as the result's metadata), facets as filters, the
 * rendered README without its code (`indexedArticle`) — no navigation or other
 * chrome, which keeps the indexer's work and memory to what is searched. The
 * site's search dialog (assets/site/search.js) shows a result's title,
 * summary and best matching section.
 */
export async function openSearchIndex(): Promise<SearchIndex> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new PatternbookError(`The search index could not be started: ${errors.join('; ')}`);
  // Pages go to the indexer (its own process) without waiting for each answer: up to this
  // many in flight, so the build and the indexer work at the same time.
  const inFlight = new Set<Promise<void>>();
  const MAX_IN_FLIGHT = 64;
  let failure: Error | undefined;
  const send = async (page: IndexedPage): Promise<void> => {
    // Facet values are filters, not words of the text: in an ignored element, so excerpts never run them together.
    const filters = Object.entries(page.facets)
      .flatMap(([facet, values]) => values.map((v) => `<span data-pagefind-filter="${esc(facet)}">${esc(v)}</span>`))
      .join('');
    const summary = page.summary ? `<p data-pagefind-meta="summary" data-pagefind-weight="4">${esc(page.summary)}</p>` : '';
    const content = `<!doctype html><html lang="en"><head><title>${esc(page.title)}</title></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">${esc(page.title)}</h1><div data-pagefind-ignore>${filters}</div>${summary}${indexedArticle(page.html)}</article></body></html>`;
    const added = await answered(index.addHTMLFile({ url: `patterns/${encodeURIComponent(page.slug)}/`, content }), ADD_TIMEOUT_MS, `adding ${page.slug}`);
    if (added.errors.length) throw new PatternbookError(`Search index: ${page.slug}: ${added.errors.join('; ')}`);
  };
  return {
    async add(page) {
      if (failure) throw failure;
      const pending: Promise<void> = send(page).then(
        () => void inFlight.delete(pending),
        (err: Error) => {
          inFlight.delete(pending);
          failure ??= err;
        },
      );
      inFlight.add(pending);
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    },
    async write(dir) {
      try {
        await Promise.all(inFlight);
        if (failure) throw failure;
        const written = await answered(index.writeFiles({ outputPath: path.join(dir, 'pagefind') }), WRITE_TIMEOUT_MS, 'writing the index');
        if (written.errors.length) throw new PatternbookError(`Search index: ${written.errors.join('; ')}`);
      } finally {
        await pagefind.close();
      }
      return folderSize(path.join(dir, 'pagefind'));
    },
    close: async () => {
      await pagefind.close();
    },
  };
}

/**
 * What the index reads of an article: its prose, headings, lists and tables —
 * not its code blocks (shell heredocs and Mermaid source make unreadable
 * excerpts, and most of a pattern's code is its steps' commands, which a
 * reader searches by the prose around them) nor inline SVG. Less to index is
 * also a faster build.
 */
export function indexedArticle(html: string): string {
  return html.replace(/<pre\b[^>]*>[\s\S]*?<\/pre>/g, '').replace(/<svg\b[\s\S]*?<\/svg>/g, '');
}

/**
 * The indexer runs in its own process and answers over a pipe: should it die
 * or stall, its answer never comes. These bounds (far above what 10,000 pages
 * take) turn that into an error that says so, instead of a build that waits forever.
 */
const ADD_TIMEOUT_MS = 120_000;
const WRITE_TIMEOUT_MS = 20 * 60_000;

function answered<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PatternbookError(
            `The search indexer (Pagefind) did not answer within ${ms / 1000} s while ${what}: it may have stopped. Run the build again; if it happens again, please report it.`,
            1,
          ),
        ),
      ms,
    );
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(p) : (await stat(p)).size;
  }
  return total;
}
