#!/usr/bin/env node
// CLI: delivers a batch of account credits at least once (with duplicates and
// an optional crash before acknowledgement) to a naive consumer and to the
// idempotent consumer, and compares the resulting balances.
import { parseArgs } from 'node:util';
import { createBatch, deliver, deliveryLog } from './broker.mjs';
import { loadConfig } from './config.mjs';
import { applyCredit, createIdempotentConsumer } from './idempotent-consumer.mjs';
import { FileStore } from './store.mjs';

function expectedBalances(batch) {
  const db = { balances: {} };
  for (const m of batch) applyCredit(db, m);
  return db.balances;
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '20' },
      'crash-after': { type: 'string', default: '0' },
    },
  });
  const config = loadConfig();
  const batch = createBatch(Number(values.count));
  const log = deliveryLog(batch, { duplicateRate: config.duplicateRate });
  const store = new FileStore(config.storePath);
  const newConsumer = () => createIdempotentConsumer({ store, keyTtlMs: config.keyTtlMs });

  let consumer = newConsumer();
  const purged = consumer.purgeExpired();
  const naive = { balances: {} };
  const counts = { processed: 0, duplicate: 0, conflict: 0 };
  const consume = ({ message }) => {
    applyCredit(naive, message); // the naive consumer applies every delivery
    counts[consumer.handle(message).status] += 1;
  };
  const restart = (redeliver) => {
    console.log(`consumer crashed before acknowledging; broker redelivers ${redeliver} message(s) to a new instance`);
    consumer = newConsumer(); // state survives in the store file
    return consume;
  };
  const { deliveries } = deliver(log, { consume, restart, crashAfter: Number(values['crash-after']) });

  console.log(`store ${config.storePath}: purged ${purged} expired key(s)`);
  console.log(
    `${batch.length} messages, ${deliveries} deliveries -> processed ${counts.processed}, ` +
      `skipped ${counts.duplicate} duplicate(s), ${counts.conflict} conflict(s)`,
  );
  const expected = expectedBalances(batch);
  const stored = store.read().balances;
  console.log('account  expected  naive(this run)  idempotent(store)');
  for (const account of Object.keys(expected).sort()) {
    console.log(
      `${account}  ${String(expected[account]).padStart(8)}  ${String(naive.balances[account]).padStart(15)}  ` +
        `${String(stored[account] ?? 0).padStart(17)}`,
    );
  }
  const match = Object.keys(expected).every((a) => expected[a] === stored[a]);
  console.log(match
    ? 'idempotent balances match one application of every message'
    : 'MISMATCH: some messages were applied more than once (keys expired or store was reset)');
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exitCode = 1;
});
