// Behavioural checks for the strangler fig facade.
// Run with: node test/strangler-fig.check.mjs   (exits non-zero on the first failure)
import assert from 'node:assert/strict';
import { mkdirSync, rmdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.mjs';
import { createFacade } from '../src/facade.mjs';
import { close, listen, request } from '../src/http.mjs';
import { createLegacyApp } from '../src/legacy-app.mjs';
import { createModernService } from '../src/modern-service.mjs';
import { readRouteTable, resolveRoute, validateRouteTable, watchRouteTable } from '../src/routing.mjs';

const root = join('.state', `check-${process.pid}`);
mkdirSync(root, { recursive: true });
const TABLE = {
  default: 'legacy',
  routes: [
    { prefix: '/catalog', target: 'modern' },
    { prefix: '/orders', target: 'shadow' },
    { prefix: '/orders/archive', target: 'legacy' },
  ],
};

/** Starts legacy, modern and facade; counts requests that reach each backend. */
async function stack({ table = TABLE, modern = {}, fallbackToLegacy = true, timeoutMs = 500 } = {}) {
  const legacyServer = createLegacyApp();
  const modernServer = createModernService(modern);
  const hits = { legacy: 0, modern: 0 };
  legacyServer.on('request', () => { hits.legacy += 1; });
  modernServer.on('request', () => { hits.modern += 1; });
  const backends = { legacy: await listen(legacyServer), modern: await listen(modernServer) };
  const mismatches = [];
  const facade = createFacade({ routes: () => table, backends, fallbackToLegacy, timeoutMs, onMismatch: (m) => mismatches.push(m) });
  const base = await listen(facade);
  const send = async (method, path, body) => {
    const res = await request({ url: new URL(path, base), method, body, headers: body ? { 'content-type': 'application/json' } : {}, timeoutMs: 3000 });
    return { ...res, json: res.body.length ? JSON.parse(res.body) : null };
  };
  return { send, hits, mismatches, backends, stop: () => Promise.all([facade, legacyServer, modernServer].map(close)) };
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

check('longest prefix wins, on path segment boundaries only', () => {
  assert.equal(resolveRoute('/catalog/42', TABLE).target, 'modern');
  assert.equal(resolveRoute('/catalog', TABLE).target, 'modern');
  assert.equal(resolveRoute('/catalogue', TABLE).target, 'legacy');
  assert.equal(resolveRoute('/orders/1001', TABLE).target, 'shadow');
  assert.equal(resolveRoute('/orders/archive/9', TABLE).target, 'legacy');
  assert.equal(resolveRoute('/invoices/7', TABLE).prefix, '(default)');
});

check('invalid route tables are rejected with every problem listed', () => {
  assert.throws(() => validateRouteTable({ default: 'modern', routes: [{ prefix: 'orders/', target: 'x' }] }),
    /prefix must start with "\/".*target must be one of/);
  assert.throws(() => validateRouteTable({ default: 'legacy', routes: [{ prefix: '/a', target: 'modern' }, { prefix: '/a', target: 'legacy' }] }),
    /listed twice/);
  assert.doesNotThrow(() => readRouteTable('config/routes.json'));
});

check('a changed routes file is picked up without restarting', () => {
  const file = join(root, 'routes.json');
  writeFileSync(file, JSON.stringify(TABLE));
  utimesSync(file, 1000, 1000);
  const current = watchRouteTable(file);
  assert.equal(resolveRoute('/orders/1', current()).target, 'shadow');
  writeFileSync(file, JSON.stringify({ ...TABLE, routes: [{ prefix: '/orders', target: 'modern' }] }));
  utimesSync(file, 2000, 2000);
  assert.equal(resolveRoute('/orders/1', current()).target, 'modern');
});

check('requests reach the system their route names', async () => {
  const s = await stack();
  try {
    const catalog = await s.send('GET', '/catalog/42');
    assert.equal(catalog.status, 200);
    assert.equal(catalog.headers['x-served-by'], 'modern-r2');
    assert.equal(catalog.headers['x-strangler-route'], '/catalog -> modern');
    const invoice = await s.send('GET', '/invoices/7');
    assert.equal(invoice.headers['x-served-by'], 'legacy');
    assert.equal(invoice.json.amount, 49.8);
  } finally { await s.stop(); }
});

check('shadow routes answer from legacy and record differences', async () => {
  const s = await stack({ modern: { release: 1 } });
  try {
    const vip = await s.send('GET', '/orders/1002');
    assert.equal(vip.headers['x-served-by'], 'legacy');
    assert.equal(vip.json.total, 179.55, 'clients keep getting the legacy answer');
    await s.send('GET', '/orders/1001');
    assert.equal(s.mismatches.length, 1);
    assert.equal(s.mismatches[0].path, '/orders/1002');
    assert.match(s.mismatches[0].modern.body, /"total":189/);
  } finally { await s.stop(); }
});

check('shadow comparison is clean once the new service is fixed', async () => {
  const s = await stack({ modern: { release: 2 } });
  try {
    await s.send('GET', '/orders/1001');
    await s.send('GET', '/orders/1002');
    assert.equal(s.mismatches.length, 0);
  } finally { await s.stop(); }
});

check('writes on shadow routes are never sent to both systems', async () => {
  const s = await stack();
  try {
    const created = await s.send('POST', '/orders', JSON.stringify({ customer: 'c-1', items: [{ sku: '42', qty: 1, price: 24.9 }] }));
    assert.equal(created.status, 201);
    assert.equal(created.headers['x-served-by'], 'legacy');
    assert.deepEqual(s.hits, { legacy: 1, modern: 0 });
  } finally { await s.stop(); }
});

check('safe requests fall back to legacy when the new service fails', async () => {
  const s = await stack({ modern: { down: true } });
  try {
    const res = await s.send('GET', '/catalog/42');
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-served-by'], 'legacy');
    assert.match(res.headers['x-strangler-fallback'], /503/);
  } finally { await s.stop(); }
});

check('a slow new service hits the timeout and falls back', async () => {
  const s = await stack({ modern: { delayMs: 300 }, timeoutMs: 50 });
  try {
    const res = await s.send('GET', '/catalog/7');
    assert.equal(res.headers['x-served-by'], 'legacy');
    assert.match(res.headers['x-strangler-fallback'], /timed out/);
  } finally { await s.stop(); }
});

check('no fallback for writes, or when fallback is disabled', async () => {
  const table = { default: 'legacy', routes: [{ prefix: '/catalog', target: 'modern' }, { prefix: '/orders', target: 'modern' }] };
  const s = await stack({ table, modern: { down: true }, fallbackToLegacy: false });
  try {
    assert.equal((await s.send('GET', '/catalog/42')).status, 503);
  } finally { await s.stop(); }
  const w = await stack({ table, modern: { down: true } });
  try {
    const res = await w.send('POST', '/orders', '{}');
    assert.equal(res.status, 503);
    assert.equal(w.hits.legacy, 0, 'the write was not repeated on legacy');
  } finally { await w.stop(); }
});

check('an unreachable backend gives 502 Bad Gateway', async () => {
  const s = await stack({ table: { default: 'modern', routes: [] }, fallbackToLegacy: false });
  const deadModern = createModernService();
  const url = await listen(deadModern);
  await close(deadModern); // nothing listens on this port any more
  s.backends.modern = url;
  try {
    const res = await s.send('POST', '/orders', '{}');
    assert.equal(res.status, 502);
    assert.match(res.json.error, /bad gateway/);
  } finally { await s.stop(); }
});

check('configuration defaults and validation', () => {
  assert.deepEqual(loadConfig({}), {
    routesFile: 'config/routes.json', fallbackToLegacy: true, timeoutMs: 1000, mismatchLog: '.state/mismatches.jsonl',
  });
  assert.equal(loadConfig({ STRANGLER_FALLBACK_TO_LEGACY: 'false' }).fallbackToLegacy, false);
  assert.throws(() => loadConfig({ STRANGLER_FALLBACK_TO_LEGACY: 'yes' }), /STRANGLER_FALLBACK_TO_LEGACY/);
  assert.throws(() => loadConfig({ STRANGLER_UPSTREAM_TIMEOUT_MS: '0' }), /STRANGLER_UPSTREAM_TIMEOUT_MS/);
});

let failures = 0;
try {
  for (const { name, fn } of checks) {
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (err) {
      failures += 1;
      console.log(`not ok - ${name}\n  ${err.message.split('\n').join('\n  ')}`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
  try { rmdirSync('.state'); } catch { /* not empty: earlier steps still use it */ }
}
console.log(`${checks.length - failures}/${checks.length} checks passed`);
process.exitCode = failures === 0 ? 0 : 1;
