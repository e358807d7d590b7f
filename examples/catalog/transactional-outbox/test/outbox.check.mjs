// Behavioural checks for the transactional outbox example.
// Run with: node test/outbox.check.mjs   (exits non-zero on the first failure)
import assert from 'node:assert/strict';
import { rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.mjs';
import { consumeAll } from '../src/consumer.mjs';
import { placeOrder } from '../src/orders.mjs';
import { pendingRows, relayOnce } from '../src/relay.mjs';
import { FileBroker, JsonDatabase } from '../src/store.mjs';

const root = join('.state', `check-${process.pid}`);
let n = 0;
function fresh() {
  const dir = join(root, String(++n));
  return { dir, db: new JsonDatabase(dir), broker: new FileBroker(dir) };
}

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

check('order row and outbox row are committed together', () => {
  const { db } = fresh();
  const { order, event } = placeOrder(db, { customer: 'alice', amount: 42.5 });
  const snap = db.read();
  assert.equal(snap.orders.length, 1);
  assert.equal(snap.outbox.length, 1);
  assert.equal(event.aggregateId, order.id);
  assert.equal(snap.outbox[0].publishedAt, null);
});

check('a failure before commit leaves neither the order nor the event', () => {
  const { db } = fresh();
  placeOrder(db, { customer: 'alice', amount: 10 });
  assert.throws(() => placeOrder(db, { customer: 'bob', amount: 20 }, {
    beforeCommit: () => { throw new Error('crash'); },
  }), /crash/);
  const snap = db.read();
  assert.deepEqual(snap.orders.map((o) => o.customer), ['alice']);
  assert.equal(snap.outbox.length, 1);
});

check('relay publishes in insertion order and marks rows', async () => {
  const { db, broker } = fresh();
  for (const c of ['a', 'b', 'c']) placeOrder(db, { customer: c, amount: 1 });
  const result = await relayOnce({ db, broker, batchSize: 10 });
  assert.equal(result.published, 3);
  assert.equal(result.remaining, 0);
  assert.deepEqual(broker.readAll().map((m) => m.payload.customer), ['a', 'b', 'c']);
  assert.ok(db.read().outbox.every((r) => r.publishedAt !== null));
  const again = await relayOnce({ db, broker, batchSize: 10 });
  assert.equal(again.published, 0, 'published rows must not be sent again');
  assert.equal(broker.readAll().length, 3);
});

check('batch size bounds the work of one poll', async () => {
  const { db, broker } = fresh();
  for (let i = 0; i < 5; i += 1) placeOrder(db, { customer: `c${i}`, amount: 1 });
  const first = await relayOnce({ db, broker, batchSize: 2 });
  assert.equal(first.published, 2);
  assert.equal(first.remaining, 3);
});

check('a broker outage keeps rows pending and stops the batch to preserve order', async () => {
  const { dir, db } = fresh();
  placeOrder(db, { customer: 'a', amount: 1 });
  placeOrder(db, { customer: 'b', amount: 1 });
  const down = new FileBroker(dir, { failOn: () => true });
  const result = await relayOnce({ db, broker: down, batchSize: 10 });
  assert.equal(result.published, 0);
  assert.equal(result.failed.seq, 1);
  const [first, second] = db.read().outbox;
  assert.equal(first.attempts, 1);
  assert.match(first.lastError, /broker unavailable/);
  assert.equal(second.attempts, 0, 'later rows are not attempted out of order');
  const up = new FileBroker(dir);
  const retry = await relayOnce({ db, broker: up, batchSize: 10 });
  assert.equal(retry.published, 2);
});

check('a relay crash after publish causes a duplicate that the consumer skips', async () => {
  const { dir, db, broker } = fresh();
  placeOrder(db, { customer: 'alice', amount: 30 });
  await assert.rejects(relayOnce({
    db, broker, batchSize: 10,
    afterPublish: () => { throw new Error('relay died'); },
  }), /relay died/);
  assert.equal(pendingRows(db).length, 1, 'row is still pending after the crash');
  await relayOnce({ db, broker, batchSize: 10 });
  const messages = broker.readAll();
  assert.equal(messages.length, 2, 'at-least-once: the event was delivered twice');
  assert.equal(messages[0].eventId, messages[1].eventId);
  const consumed = consumeAll({ broker, stateDir: dir });
  assert.equal(consumed.applied, 1);
  assert.equal(consumed.duplicates, 1);
  assert.deepEqual(consumed.revenueByCustomer, { alice: 30 });
});

check('configuration defaults and validation', () => {
  assert.deepEqual(loadConfig({}), { stateDir: '.state', batchSize: 10, pollIntervalMs: 200 });
  assert.equal(loadConfig({ OUTBOX_BATCH_SIZE: '50' }).batchSize, 50);
  assert.throws(() => loadConfig({ OUTBOX_BATCH_SIZE: 'ten' }), /OUTBOX_BATCH_SIZE/);
  assert.throws(() => loadConfig({ OUTBOX_POLL_INTERVAL_MS: '0' }), /OUTBOX_POLL_INTERVAL_MS/);
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
