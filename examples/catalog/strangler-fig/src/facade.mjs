// The strangler facade: one entry point in front of both systems. It routes
// each request by path prefix, compares the two systems on "shadow" routes,
// and can fall back to the monolith when the new service fails a safe request.
import http from 'node:http';
import { readBody, request } from './http.mjs';
import { resolveRoute } from './routing.mjs';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'te', 'trailer', 'proxy-connection']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

function forwardHeaders(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase())));
}

function sameResult(a, b) {
  if (a.status !== b.status) return false;
  try {
    return JSON.stringify(JSON.parse(a.body)) === JSON.stringify(JSON.parse(b.body));
  } catch {
    return a.body.equals(b.body);
  }
}

/**
 * @param {object} o
 * @param {() => object} o.routes          returns the current route table
 * @param {{legacy:string, modern:string}} o.backends  base URLs
 * @param {boolean} o.fallbackToLegacy      serve GET/HEAD from legacy if modern fails
 * @param {number} o.timeoutMs              upstream timeout
 * @param {(m:object) => void} o.onMismatch called when shadow responses differ
 */
export function createFacade({ routes, backends, fallbackToLegacy, timeoutMs, onMismatch = () => {} }) {
  const call = (target, req, body) => request({
    url: new URL(req.url, backends[target]),
    method: req.method,
    headers: { ...forwardHeaders(req.headers), 'x-forwarded-by': 'strangler-facade' },
    body: body.length ? body : undefined,
    timeoutMs,
  });

  return http.createServer(async (req, res) => {
    const body = await readBody(req);
    const { pathname } = new URL(req.url, 'http://facade');
    const route = resolveRoute(pathname, routes());
    const safe = SAFE_METHODS.has(req.method);
    const extra = { 'x-strangler-route': `${route.prefix} -> ${route.target}` };
    let result;

    try {
      if (route.target === 'shadow' && safe) {
        // The monolith stays authoritative; the new service is only observed.
        const [legacy, modern] = await Promise.allSettled([call('legacy', req, body), call('modern', req, body)]);
        if (legacy.status === 'rejected') throw legacy.reason;
        result = legacy.value;
        const candidate = modern.status === 'fulfilled' ? modern.value : { status: 0, body: Buffer.from(String(modern.reason.message)) };
        if (!sameResult(result, candidate)) {
          onMismatch({
            at: new Date().toISOString(), method: req.method, path: req.url,
            legacy: { status: result.status, body: result.body.toString() },
            modern: { status: candidate.status, body: candidate.body.toString() },
          });
        }
      } else if (route.target === 'modern') {
        try {
          result = await call('modern', req, body);
          if (result.status >= 500) throw new Error(`modern answered ${result.status}`);
        } catch (err) {
          if (!(fallbackToLegacy && safe)) {
            if (!result) throw err; // network error or timeout: 502 below
          } else {
            result = await call('legacy', req, body);
            extra['x-strangler-fallback'] = err.message;
          }
        }
      } else {
        // legacy routes, and unsafe methods on shadow routes (never sent twice)
        result = await call('legacy', req, body);
      }
    } catch (err) {
      res.writeHead(502, { 'content-type': 'application/json', ...extra });
      res.end(JSON.stringify({ error: `bad gateway: ${err.message}` }));
      return;
    }

    const headers = forwardHeaders(result.headers);
    res.writeHead(result.status, { ...headers, ...extra });
    res.end(req.method === 'HEAD' ? undefined : result.body);
  });
}
