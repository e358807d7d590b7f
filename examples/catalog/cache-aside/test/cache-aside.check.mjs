// Behavioural checks for the cache-aside example.
// Run with: node test/cache-aside.check.mjs   (exits non-zero on the first failure)
import assert from 'node:assert/strict';
import { rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.mjs';
import { ProductService } from '../src/product-service.mjs';
import { FileBackedCache, ProductDatabase } from '../src/stores.mjs';
import { TtlLruCache } from '../src/ttl-lru-cache.mjs';

const root = join('.state', `check-${process.pid}`);
let n = 0;
function setup({ ttlMs = 1000, maxEntries = 10 } = {}) {
  const dir = join(root, String(++n));
  const clock = { t: 1_000_000 };
  const now = () => clock.t;
  const db = new ProductDatabase({ stateDir: dir, latencyMs: 5 });
  db.seed();
  const cache = new FileBackedCache({ stateDir: dir, maxEntries, defaultTtlMs: ttlMs, now });
  const logs = [];
  const service = new ProductService({ cache, db, ttlMs, log: (m) => logs.push(m) });
  return { dir, clock, now, db, cache, service, logs };
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

check('first read misses and loads from the database, second read hits', async () => {
  const { db, service } = setup();
  assert.equal((await service.getProduct('p-1')).source, 'database');
  assert.equal((await service.getProduct('p-1')).source, 'cache');
  assert.equal(db.reads, 1);
});

check('the cache is shared across service instances (separate processes)', async () => {
  const { dir, now, service } = setup();
  await service.getProduct('p-2');
  const db2 = new ProductDatabase({ stateDir: dir, latencyMs: 5 });
  const cache2 = new FileBackedCache({ stateDir: dir, maxEntries: 10, defaultTtlMs: 1000, now });
  const other = new ProductService({ cache: cache2, db: db2, ttlMs: 1000 });
  assert.equal((await other.getProduct('p-2')).source, 'cache');
  assert.equal(db2.reads, 0);
});

check('an update writes the database and invalidates the entry', async () => {
  const { db, service } = setup();
  await service.getProduct('p-1');
  await service.updateProduct('p-1', { price: 19.9 });
  const after = await service.getProduct('p-1');
  assert.equal(after.source, 'database');
  assert.equal(after.product.price, 19.9);
  assert.equal(after.product.version, 2);
  assert.equal(db.reads, 2);
});

check('entries expire after their TTL', async () => {
  const { clock, service } = setup({ ttlMs: 500 });
  await service.getProduct('p-3');
  clock.t += 499;
  assert.equal((await service.getProduct('p-3')).source, 'cache');
  clock.t += 2;
  assert.equal((await service.getProduct('p-3')).source, 'database');
});

check('least recently used entries are evicted first', () => {
  const clock = { t: 0 };
  const lru = new TtlLruCache({ maxEntries: 2, defaultTtlMs: 1000, now: () => clock.t });
  lru.set('a', 1);
  lru.set('b', 2);
  lru.get('a');      // a becomes most recent
  lru.set('c', 3);   // evicts b
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a'), 1);
  assert.equal(lru.get('c'), 3);
  assert.equal(lru.stats.evictions, 1);
});

check('concurrent misses for one key share a single database query', async () => {
  const { db, service } = setup();
  const results = await Promise.all(Array.from({ length: 25 }, () => service.getProduct('p-2')));
  assert.equal(db.reads, 1);
  assert.ok(results.every((r) => r.product.name === 'Office chair'));
});

check('missing products are not cached', async () => {
  const { db, service } = setup();
  assert.equal((await service.getProduct('p-404')).product, null);
  await service.getProduct('p-404');
  assert.equal(db.reads, 2);
});

check('a failing cache degrades to database reads instead of errors', async () => {
  const { db, logs } = setup();
  const broken = {
    get: async () => { throw new Error('ECONNREFUSED'); },
    set: async () => { throw new Error('ECONNREFUSED'); },
    delete: async () => { throw new Error('ECONNREFUSED'); },
  };
  const service = new ProductService({ cache: broken, db, ttlMs: 1000, log: (m) => logs.push(m) });
  const r = await service.getProduct('p-1');
  assert.equal(r.product.name, 'Desk lamp');
  assert.equal(r.source, 'database (cache down)');
  await service.updateProduct('p-1', { price: 1 });
  assert.equal(logs.length, 2);
});

check('configuration defaults and validation', () => {
  assert.deepEqual(loadConfig({}), { stateDir: '.state', ttlMs: 30000, maxEntries: 100, dbLatencyMs: 40 });
  assert.equal(loadConfig({ CACHE_TTL_MS: '5' }).ttlMs, 5);
  assert.throws(() => loadConfig({ CACHE_TTL_MS: 'soon' }), /CACHE_TTL_MS/);
  assert.throws(() => loadConfig({ CACHE_MAX_ENTRIES: '0' }), /CACHE_MAX_ENTRIES/);
  assert.throws(() => loadConfig({ CACHE_DB_LATENCY_MS: '-3' }), /CACHE_DB_LATENCY_MS/);
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
