#!/usr/bin/env node
// CLI: prints what the idempotency store holds.
import { loadConfig } from './config.mjs';
import { FileStore } from './store.mjs';

const { storePath, keyTtlMs } = loadConfig();
const db = new FileStore(storePath).read();
const records = Object.entries(db.processed);
const times = records.map(([, r]) => r.at).sort((a, b) => a - b);
console.log(`store: ${storePath}`);
console.log(`processed keys: ${records.length} (retention ${keyTtlMs} ms)`);
if (times.length) {
  console.log(`oldest key: ${new Date(times[0]).toISOString()}, newest key: ${new Date(times.at(-1)).toISOString()}`);
}
console.log(`balances: ${JSON.stringify(db.balances)}`);
