import { readFile } from 'node:fs/promises';
import { mapLimit } from '../../util/concurrency.js';
import { writeFileAtomic } from '../../util/text-file.js';
import { VERSION } from '../../version.js';

/** What checking one external URL found. */
export interface ExternalResult {
  ok: boolean;
  /** Final HTTP status, after redirects. */
  status?: number;
  statusText?: string;
  /** Why no status: `timeout`, an error code (`ECONNREFUSED`, `ENOTFOUND`) or a short text. */
  error?: string;
  /** When it was checked (ms since the epoch). */
  checkedAt: number;
}

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

interface CacheFile {
  version: 1;
  entries: Record<string, ExternalResult>;
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
  const cache = options.cacheFile ? await readCache(options.cacheFile) : { version: 1 as const, entries: {} };
  const started = now();
  const fresh = (r: ExternalResult | undefined): r is ExternalResult => r !== undefined && started - r.checkedAt >= 0 && started - r.checkedAt < options.maxAgeMs;

  const results = new Map<string, ExternalResult>();
  const todo: string[] = [];
  for (const url of new Set(urls)) {
    const cached = cache.entries[url];
    if (fresh(cached)) results.set(url, cached);
    else todo.push(url);
  }

  const checked = await mapLimit(todo, options.concurrency, (url) => checkOne(url, options.timeoutMs, now));
  todo.forEach((url, i) => results.set(url, checked[i]!));

  if (options.cacheFile) {
    const entries: Record<string, ExternalResult> = {};
    let dropped = false;
    for (const [url, r] of Object.entries(cache.entries)) {
      if (fresh(r)) entries[url] = r;
      else dropped = true;
    }
    let added = false;
    todo.forEach((url, i) => {
      if (cacheable(checked[i]!)) {
        entries[url] = checked[i]!;
        added = true;
      }
    });
    if (added || dropped) {
      try {
        await writeFileAtomic(options.cacheFile, `${JSON.stringify({ version: 1, entries } satisfies CacheFile, null, 1)}\n`);
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
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    if (data && data.version === 1 && data.entries && typeof data.entries === 'object') {
      const entries: Record<string, ExternalResult> = {};
      for (const [url, r] of Object.entries(data.entries)) {
        if (r && typeof r === 'object' && typeof r.ok === 'boolean' && typeof r.checkedAt === 'number') entries[url] = r;
      }
      return { version: 1, entries };
    }
  } catch {
    // Missing or unreadable: start afresh.
  }
  return { version: 1, entries: {} };
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
