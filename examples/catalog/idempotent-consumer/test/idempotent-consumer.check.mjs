// Behaviour checks for the idempotent consumer. Run: node --test test/idempotent-consumer.check.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { createBatch, deliver, deliveryLog } from '../src/broker.mjs';
import { loadConfig } from '../src/config.mjs';
import { createIdempotentConsumer } from '../src/idempotent-consumer.mjs';
import { FileStore } from '../src/store.mjs';

const dir = mkdtempSync(join(tmpdir(), 'idempotent-consumer-check-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshStore = () => new FileStore(join(dir, `store-${(n += 1)}.json`));
const credit = (id, account, amountCents) => ({ id, payload: { account, amountCents } });
const HOUR = 3_600_000;

test('a duplicate delivery is skipped and the balance changes once', () => {
  const store = freshStore();
  const consumer = createIdempotentConsumer({ store, keyTtlMs: HOUR });
  assert.equal(consumer.handle(credit('m1', 'acct-A', 500)).status, 'processed');
  assert.equal(consumer.handle(credit('m1', 'acct-A', 500)).status, 'duplicate');
  assert.deepEqual(store.read().balances, { 'acct-A': 500 });
});

test('processed keys survive a restart (new consumer instance, same store)', () => {
  const store = freshStore();
  createIdempotentConsumer({ store, keyTtlMs: HOUR }).handle(credit('m1', 'acct-A', 500));
  const restarted = createIdempotentConsumer({ store: new FileStore(store.path), keyTtlMs: HOUR });
  assert.equal(restarted.handle(credit('m1', 'acct-A', 500)).status, 'duplicate');
  assert.deepEqual(store.read().balances, { 'acct-A': 500 });
});

test('a failing handler records neither the change nor the key, so a redelivery is processed', () => {
  const store = freshStore();
  let fail = true;
  const handler = (db, message) => {
    db.balances[message.payload.account] = 1; // partial change that must not be committed
    if (fail) throw new Error('downstream write failed');
  };
  const consumer = createIdempotentConsumer({ store, handler, keyTtlMs: HOUR });
  assert.throws(() => consumer.handle(credit('m1', 'acct-A', 500)), /downstream write failed/);
  assert.deepEqual(store.read(), { balances: {}, processed: {} });
  fail = false;
  assert.equal(consumer.handle(credit('m1', 'acct-A', 500)).status, 'processed');
});

test('the same id with a different payload is reported as a conflict and not applied', () => {
  const store = freshStore();
  const consumer = createIdempotentConsumer({ store, keyTtlMs: HOUR });
  consumer.handle(credit('m1', 'acct-A', 500));
  assert.equal(consumer.handle(credit('m1', 'acct-A', 9900)).status, 'conflict');
  assert.deepEqual(store.read().balances, { 'acct-A': 500 });
});

test('keys expire after the retention window and are purged', () => {
  const store = freshStore();
  const clock = { t: 0 };
  const consumer = createIdempotentConsumer({ store, keyTtlMs: 1000, now: () => clock.t });
  consumer.handle(credit('m1', 'acct-A', 500));
  clock.t = 999;
  assert.equal(consumer.handle(credit('m1', 'acct-A', 500)).status, 'duplicate');
  clock.t = 1000;
  assert.equal(consumer.purgeExpired(), 1);
  assert.equal(consumer.handle(credit('m1', 'acct-A', 500)).status, 'processed');
  assert.deepEqual(store.read().balances, { 'acct-A': 1000 }, 'a redelivery after expiry is applied again');
});

test('messages without an id are refused', () => {
  const consumer = createIdempotentConsumer({ store: freshStore(), keyTtlMs: HOUR });
  assert.throws(() => consumer.handle({ payload: { account: 'acct-A', amountCents: 1 } }), /no id/);
});

test('at-least-once delivery with duplicates and a crash still yields exact balances', () => {
  const batch = createBatch(30);
  const log = deliveryLog(batch, { duplicateRate: 0.5 });
  assert.ok(log.length > batch.length, 'the broker produced duplicates');
  const store = freshStore();
  let consumer = createIdempotentConsumer({ store, keyTtlMs: HOUR });
  const statuses = [];
  const consume = ({ message }) => statuses.push(consumer.handle(message).status);
  const { deliveries } = deliver(log, {
    consume,
    crashAfter: 12,
    restart: () => {
      consumer = createIdempotentConsumer({ store: new FileStore(store.path), keyTtlMs: HOUR });
      return consume;
    },
  });
  assert.ok(deliveries > log.length, 'the crash caused redeliveries');
  assert.equal(statuses.filter((s) => s === 'processed').length, 30);
  const expected = {};
  for (const m of batch) expected[m.payload.account] = (expected[m.payload.account] ?? 0) + m.payload.amountCents;
  assert.deepEqual(store.read().balances, expected);
});

test('configuration is read from the environment and validated', () => {
  const names = ['IDEMPOTENCY_STORE_PATH', 'IDEMPOTENCY_KEY_TTL_MS', 'BROKER_DUPLICATE_RATE'];
  const saved = Object.fromEntries(names.map((k) => [k, process.env[k]]));
  try {
    for (const k of names) delete process.env[k];
    assert.deepEqual(loadConfig(), { storePath: '.state/store.json', keyTtlMs: 604800000, duplicateRate: 0.3 });
    Object.assign(process.env, { IDEMPOTENCY_STORE_PATH: 'x/y.json', IDEMPOTENCY_KEY_TTL_MS: '60000', BROKER_DUPLICATE_RATE: '0' });
    assert.deepEqual(loadConfig(), { storePath: 'x/y.json', keyTtlMs: 60000, duplicateRate: 0 });
    process.env.BROKER_DUPLICATE_RATE = '1.5';
    assert.throws(() => loadConfig(), /BROKER_DUPLICATE_RATE must be between 0 and 1/);
    process.env.BROKER_DUPLICATE_RATE = '0.1';
    process.env.IDEMPOTENCY_KEY_TTL_MS = '-5';
    assert.throws(() => loadConfig(), /IDEMPOTENCY_KEY_TTL_MS must be a positive integer/);
  } finally {
    for (const k of names) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
});
