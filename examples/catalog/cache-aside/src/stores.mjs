// Stand-ins for the two external systems: a slow product database (the
// source of truth) and a shared cache server such as Redis or Memcached.
// Both live in JSON files so separate CLI runs see the same data.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TtlLruCache } from './ttl-lru-cache.mjs';

function readJson(file, fallback) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : fallback;
}
function writeJson(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  renameSync(tmp, file);
}

export const SEED_PRODUCTS = {
  'p-1': { id: 'p-1', name: 'Desk lamp', price: 24.9, version: 1 },
  'p-2': { id: 'p-2', name: 'Office chair', price: 189, version: 1 },
  'p-3': { id: 'p-3', name: 'Monitor arm', price: 59.5, version: 1 },
};

export class ProductDatabase {
  constructor({ stateDir, latencyMs }) {
    mkdirSync(stateDir, { recursive: true });
    this.file = join(stateDir, 'products.json');
    this.latencyMs = latencyMs;
    this.reads = 0;
  }
  seed() { writeJson(this.file, SEED_PRODUCTS); }
  async get(id) {
    this.reads += 1;
    await sleep(this.latencyMs); // an expensive query
    return readJson(this.file, {})[id] ?? null;
  }
  async update(id, patch) {
    await sleep(this.latencyMs);
    const all = readJson(this.file, {});
    if (!all[id]) throw new Error(`product ${id} not found`);
    all[id] = { ...all[id], ...patch, id, version: all[id].version + 1 };
    writeJson(this.file, all);
    return all[id];
  }
}

/** A cache "server": async API like a network client, contents kept in a file between runs. */
export class FileBackedCache {
  constructor({ stateDir, maxEntries, defaultTtlMs, now }) {
    mkdirSync(stateDir, { recursive: true });
    this.file = join(stateDir, 'cache.json');
    this.memory = new TtlLruCache({ maxEntries, defaultTtlMs, now });
    this.memory.load(readJson(this.file, []));
  }
  async get(key) {
    const value = this.memory.get(key);
    this.#flush(); // persist recency (hits) and expirations, as a server would keep them
    return value;
  }
  async set(key, value, ttlMs) { this.memory.set(key, value, ttlMs); this.#flush(); }
  async delete(key) { this.memory.delete(key); this.#flush(); }
  entries() { return this.memory.dump(); }
  #flush() { writeJson(this.file, this.memory.dump()); }
}
