// Behaviour checks for the bulkhead. Run: node --test test/bulkhead.check.mjs
import assert from 'node:assert/strict';
import test from 'node:test';
import { Bulkhead, BulkheadRejectedError, BulkheadTimeoutError } from '../src/bulkhead.mjs';
import { loadConfig } from '../src/config.mjs';
import { runMode } from '../src/simulation.mjs';

// A call that stays in flight until the test releases it.
function gate() {
  let open;
  const promise = new Promise((resolve) => { open = resolve; });
  return { promise, open: (v) => open(v) };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

test('runs up to maxConcurrent calls, queues up to maxQueue, rejects the rest', async () => {
  const bulkhead = new Bulkhead({ name: 'db', maxConcurrent: 2, maxQueue: 1, queueTimeoutMs: 0 });
  const gates = [gate(), gate(), gate()];
  const calls = gates.map((g) => bulkhead.run(() => g.promise));
  await tick();
  assert.equal(bulkhead.active, 2);
  assert.equal(bulkhead.queued, 1);
  await assert.rejects(bulkhead.run(async () => 'never'), (err) => err instanceof BulkheadRejectedError && err.code === 'EBULKHEADFULL');
  gates.forEach((g, i) => g.open(i));
  assert.deepEqual(await Promise.all(calls), [0, 1, 2]);
  assert.equal(bulkhead.active, 0);
  assert.deepEqual(
    { accepted: bulkhead.stats.accepted, rejected: bulkhead.stats.rejected, peakActive: bulkhead.stats.peakActive },
    { accepted: 3, rejected: 1, peakActive: 2 },
  );
});

test('a freed slot goes to the oldest queued call', async () => {
  const bulkhead = new Bulkhead({ maxConcurrent: 1, maxQueue: 2, queueTimeoutMs: 0 });
  const order = [];
  const first = gate();
  const running = bulkhead.run(() => first.promise);
  const a = bulkhead.run(async () => order.push('a'));
  const b = bulkhead.run(async () => order.push('b'));
  await tick();
  assert.deepEqual(order, []);
  first.open();
  await Promise.all([running, a, b]);
  assert.deepEqual(order, ['a', 'b']);
});

test('a queued call gives up after queueTimeoutMs and never runs', async () => {
  const bulkhead = new Bulkhead({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 20 });
  const first = gate();
  const running = bulkhead.run(() => first.promise);
  let ran = false;
  await assert.rejects(bulkhead.run(async () => { ran = true; }), (err) => err instanceof BulkheadTimeoutError && err.code === 'EBULKHEADTIMEOUT');
  assert.equal(bulkhead.queued, 0);
  first.open();
  await running;
  assert.equal(ran, false);
  assert.equal(bulkhead.active, 0);
  assert.equal(bulkhead.stats.timedOut, 1);
});

test('a failing call releases its slot', async () => {
  const bulkhead = new Bulkhead({ maxConcurrent: 1, maxQueue: 0 });
  await assert.rejects(bulkhead.run(async () => { throw new Error('boom'); }), /boom/);
  assert.equal(bulkhead.active, 0);
  assert.equal(await bulkhead.run(async () => 'ok'), 'ok');
  assert.equal(bulkhead.stats.failed, 1);
});

test('a saturated partition does not affect another partition', async () => {
  const reports = new Bulkhead({ name: 'reports', maxConcurrent: 1, maxQueue: 0 });
  const checkout = new Bulkhead({ name: 'checkout', maxConcurrent: 1, maxQueue: 0 });
  const stuck = gate();
  const slow = reports.run(() => stuck.promise);
  await assert.rejects(reports.run(async () => 'x'), BulkheadRejectedError);
  assert.equal(await checkout.run(async () => 'paid'), 'paid');
  stuck.open();
  await slow;
});

test('configuration is read from the environment and validated', () => {
  const names = ['BULKHEAD_MAX_CONCURRENT', 'BULKHEAD_MAX_QUEUE', 'BULKHEAD_QUEUE_TIMEOUT_MS'];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  try {
    for (const n of names) delete process.env[n];
    assert.deepEqual(loadConfig(), { maxConcurrent: 4, maxQueue: 4, queueTimeoutMs: 250 });
    Object.assign(process.env, { BULKHEAD_MAX_CONCURRENT: '8', BULKHEAD_MAX_QUEUE: '0', BULKHEAD_QUEUE_TIMEOUT_MS: '0' });
    assert.deepEqual(loadConfig(), { maxConcurrent: 8, maxQueue: 0, queueTimeoutMs: 0 });
    process.env.BULKHEAD_MAX_CONCURRENT = '0';
    assert.throws(() => loadConfig(), /BULKHEAD_MAX_CONCURRENT must be an integer >= 1/);
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  }
});

test('simulation: the slow dependency starves checkout only in a shared pool', async () => {
  // A long queue timeout keeps the outcome independent of timer jitter on a busy machine:
  // the shared queue stays full until the first slow calls finish (400 ms), long after checkout's burst.
  const config = { maxConcurrent: 4, maxQueue: 4, queueTimeoutMs: 2000 };
  const [shared, partitioned] = await Promise.all([runMode('shared', config), runMode('partitioned', config)]);
  assert.equal(shared.partitions.checkout.ok, 0);
  assert.equal(shared.partitions.checkout.rejected, 10);
  assert.equal(partitioned.partitions.checkout.ok, 10);
  // 4 run at once, 4 wait in the queue and run next, the other 12 of the burst are rejected.
  assert.equal(partitioned.partitions.reports.ok, 8);
  assert.equal(partitioned.partitions.reports.rejected, 12);
});
