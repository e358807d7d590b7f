import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { mapLimit } from '../../util/concurrency.js';
import { writeFileAtomic } from '../../util/text-file.js';
import { VERSION } from '../../version.js';

/** What checking one external URL found; also one entry of the cache file, read back through this schema. */
const externalResultSchema = z.object({
  ok: z.boolean(),
  /** Final HTTP status, after redirects. */
  status: z.number().int().min(100).max(599).optional(),
  statusText: z.string().optional(),
  /** Why no status: `timeout`, an error code (`ECONNREFUSED`, `ENOTFOUND`) or a short text. */
  error: z.string().optional(),
  /** When it was checked (ms since the epoch). */
  checkedAt: z.number().finite(),
});
export type ExternalResult = z.infer<typeof externalResultSchema>;

export interface ExternalCheckOptions {
  /** Per request (HEAD, then GET when HEAD is refused), in milliseconds. */
  timeoutMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** JSON cache of earlier results; `undefined` for none. */
  cacheFile?: string;
  /** How long a cached result is trusted, in milliseconds. */
  maxAgeMs: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * The cache file, `.patternbook/external-links.json`. It is ours, but anything
 * may have happened to it (an old version, a hand edit, a half-copied folder):
 * the file is read through this schema, each entry on its own, and whatever
 * does not fit is dropped and asked again. A cache never ends a run.
 */
const cacheFileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.unknown()) });

interface CacheFile {
  entries: Map<string, ExternalResult>;
  /** Whether the file held something that did not fit (it is then written anew). */
  repaired: boolean;
}

export const CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The URL that is requested and cached for a link: the fragment dropped
 * (servers never see it) and `//host/…` taken as `https:`.
 */
export function requestUrl(url: string): string {
  const noHash = url.replace(/#.*$/, '');
  return noHash.startsWith('//') ? `https:${noHash}` : noHash;
}

/**
 * Checks URLs over HTTP with bounded concurrency and a timeout per request,
 * following redirects: 2xx and 3xx are fine, 404, 410, 5xx and network errors
 * broken, other answers (401, 403, 429… — the page exists but will not show
 * itself to a robot) are given the benefit of the doubt. Fresh results come
 * from the cache file; definite answers are written back to it (atomically),
 * while timeouts, network errors and 5xx, which are often passing, are asked
 * again on the next run.
 */
export async function checkExternalUrls(urls: Iterable<string>, options: ExternalCheckOptions): Promise<Map<string, ExternalResult>> {
  const now = options.now ?? Date.now;
  const cache: CacheFile = options.cacheFile ? await readCache(options.cacheFile) : { entries: new Map(), repaired: false };
  const started = now();
  const fresh = (r: ExternalResult | undefined): r is ExternalResult => r !== undefined && started - r.checkedAt >= 0 && started - r.checkedAt < options.maxAgeMs;

  const results = new Map<string, ExternalResult>();
  const todo: string[] = [];
  for (const url of new Set(urls)) {
    const cached = cache.entries.get(url);
    if (fresh(cached)) results.set(url, cached);
    else todo.push(url);
  }

  const checked = await mapLimit(todo, options.concurrency, (url) => checkOne(url, options.timeoutMs, now));
  todo.forEach((url, i) => results.set(url, checked[i]!));

  if (options.cacheFile) {
    const entries = new Map<string, ExternalResult>();
    let dropped = cache.repaired;
    for (const [url, r] of cache.entries) {
      if (fresh(r)) entries.set(url, r);
      else dropped = true;
    }
    let added = false;
    todo.forEach((url, i) => {
      if (cacheable(checked[i]!)) {
        entries.set(url, checked[i]!);
        added = true;
      }
    });
    if (added || dropped) {
      try {
        await writeFileAtomic(
          options.cacheFile,
          `${JSON.stringify({ version: 1, entries: Object.fromEntries(entries) } satisfies z.input<typeof cacheFileSchema>, null, 1)}\n`,
        );
      } catch {
        // A cache that cannot be written (read-only checkout) only costs time on the next run.
      }
    }
  }
  return results;
}

function cacheable(r: ExternalResult): boolean {
  return r.ok || r.status === 404 || r.status === 410 || r.error === 'invalid-url';
}

async function readCache(file: string): Promise<CacheFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // Missing or unreadable: start afresh.
    return { entries: new Map(), repaired: false };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { entries: new Map(), repaired: true };
  }
  const parsed = cacheFileSchema.safeParse(data);
  if (!parsed.success) return { entries: new Map(), repaired: true };
  const entries = new Map<string, ExternalResult>();
  let repaired = false;
  for (const [url, raw] of Object.entries(parsed.data.entries)) {
    const entry = externalResultSchema.safeParse(raw);
    if (entry.success) entries.set(url, entry.data);
    else repaired = true;
  }
  return { entries, repaired };
}

const HEADERS = { 'user-agent': `patternbook/${VERSION} (link check)`, accept: '*/*' };

async function checkOne(url: string, timeoutMs: number, now: () => number): Promise<ExternalResult> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError('not http');
  } catch {
    return { ok: false, error: 'invalid-url', checkedAt: now() };
  }
  try {
    let res = await request(url, 'HEAD', timeoutMs);
    // Some servers refuse HEAD; ask for the page itself (and read none of it).
    if (res.status === 405 || res.status === 501) res = await request(url, 'GET', timeoutMs);
    const broken = res.status === 404 || res.status === 410 || res.status >= 500;
    return { ok: !broken, status: res.status, ...(res.statusText ? { statusText: res.statusText } : {}), checkedAt: now() };
  } catch (err) {
    return { ok: false, error: errorCode(err), checkedAt: now() };
  }
}

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Response> {
  const res = await fetch(url, { method, redirect: 'follow', headers: HEADERS, signal: AbortSignal.timeout(timeoutMs) });
  await res.body?.cancel().catch(() => undefined);
  return res;
}

function errorCode(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}

/** Why a result is broken, as a message fragment: "the server answered 404 Not Found". */
export function brokenReason(r: ExternalResult, timeoutMs: number): string {
  if (r.status !== undefined) return `the server answered ${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
  if (r.error === 'timeout') return `no answer within ${timeoutMs / 1000} s`;
  if (r.error === 'invalid-url') return 'it is not a valid URL';
  return `the request failed (${r.error ?? 'unknown error'})`;
}
