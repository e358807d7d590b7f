#!/usr/bin/env node
// Command line entry point for the cache-aside example.
//   node src/cli.mjs seed
//   node src/cli.mjs get <id> [<id>...]        reads one after another
//   node src/cli.mjs burst <id> <n>            n concurrent reads of one id
//   node src/cli.mjs update <id> <field>=<value> [...]
//   node src/cli.mjs stats                     cache contents and remaining TTLs
import { loadConfig } from './config.mjs';
import { ProductService } from './product-service.mjs';
import { FileBackedCache, ProductDatabase } from './stores.mjs';

const config = loadConfig();
const db = new ProductDatabase({ stateDir: config.stateDir, latencyMs: config.dbLatencyMs });
const cache = new FileBackedCache({ stateDir: config.stateDir, maxEntries: config.maxEntries, defaultTtlMs: config.ttlMs });
const service = new ProductService({ cache, db, ttlMs: config.ttlMs, log: (m) => console.error(`warn: ${m}`) });
const [command, ...args] = process.argv.slice(2);

async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return { ...result, ms: Math.round(performance.now() - start) };
}

async function main() {
  switch (command) {
    case 'seed':
      db.seed();
      console.log(`seeded ${db.file}`);
      return 0;
    case 'get': {
      for (const id of args) {
        const { product, source, ms } = await timed(() => service.getProduct(id));
        console.log(`${id}: ${product ? `${product.name} ${product.price} (v${product.version})` : 'not found'} from ${source} in ${ms} ms`);
      }
      console.log(`database reads: ${db.reads}`);
      return 0;
    }
    case 'burst': {
      const [id, n = '10'] = args;
      const results = await Promise.all(Array.from({ length: Number(n) }, () => service.getProduct(id)));
      const fromCache = results.filter((r) => r.source === 'cache').length;
      console.log(`${results.length} concurrent reads of ${id}: ${fromCache} served by the cache, ${results.length - fromCache} by a shared load`);
      console.log(`database reads: ${db.reads}`);
      return 0;
    }
    case 'update': {
      const [id, ...pairs] = args;
      const patch = Object.fromEntries(pairs.map((p) => {
        const [k, v] = p.split('=');
        return [k, Number.isNaN(Number(v)) ? v : Number(v)];
      }));
      const updated = await service.updateProduct(id, patch);
      console.log(`updated ${id} to v${updated.version} and invalidated its cache entry`);
      return 0;
    }
    case 'stats': {
      const now = Date.now();
      const entries = cache.entries();
      console.log(`cache entries: ${entries.length}/${config.maxEntries}`);
      for (const [key, e] of entries) console.log(`  ${key} expires in ${Math.max(0, e.expiresAt - now)} ms`);
      return 0;
    }
    default:
      console.error('usage: node src/cli.mjs <seed|get|burst|update|stats> [...]');
      return 2;
  }
}

process.exitCode = await main();
