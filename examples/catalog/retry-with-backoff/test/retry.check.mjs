// Behaviour checks for retry with backoff. Run: node --test test/retry.check.mjs
import assert from 'node:assert/strict';
import test from 'node:test';
import { computeDelay, exponentialCap } from '../src/backoff.mjs';
import { loadConfig } from '../src/config.mjs';
import { createInventoryService, HttpError, SCENARIOS } from '../src/inventory-service.mjs';
import { isTransient, retry, RetryExhaustedError } from '../src/retry.mjs';

function recorder(options = {}) {
  const delays = [];
  return {
    delays,
    options: { baseDelayMs: 100, maxDelayMs: 1000, jitter: 'none', sleep: async (ms) => { delays.push(ms); }, ...options },
  };
}

test('delays grow exponentially and stop at the cap', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((a) => exponentialCap(a, policy)), [100, 200, 400, 800, 1000, 1000]);
});

test('full jitter stays within [0, cap) and equal jitter within [cap/2, cap)', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 5000 };
  for (let i = 0; i < 1000; i += 1) {
    const full = computeDelay(4, { ...policy, jitter: 'full' });
    const equal = computeDelay(4, { ...policy, jitter: 'equal' });
    assert.ok(full >= 0 && full < 800, `full jitter out of range: ${full}`);
    assert.ok(equal >= 400 && equal < 800, `equal jitter out of range: ${equal}`);
  }
  assert.equal(computeDelay(3, { ...policy, jitter: 'full' }, () => 0.5), 200);
});

test('transient failures are retried until the call succeeds', async () => {
  const service = createInventoryService(SCENARIOS.transient);
  const { delays, options } = recorder({ maxAttempts: 5 });
  const result = await retry(() => service.reserve('sku-1', 1), options);
  assert.equal(result.reservation, 'res-4');
  assert.equal(service.calls, 4);
  assert.deepEqual(delays, [100, 200, 400]);
});

test('permanent errors are not retried', async () => {
  const service = createInventoryService(SCENARIOS.permanent);
  const { delays, options } = recorder();
  await assert.rejects(retry(() => service.reserve('sku-1', -1), options), (err) => err instanceof HttpError && err.status === 400);
  assert.equal(service.calls, 1);
  assert.deepEqual(delays, []);
});

test('gives up after maxAttempts and keeps the last error as cause', async () => {
  const service = createInventoryService(SCENARIOS.exhausted);
  const { delays, options } = recorder({ maxAttempts: 3 });
  const err = await retry(() => service.reserve('sku-1', 1), options).catch((e) => e);
  assert.ok(err instanceof RetryExhaustedError);
  assert.equal(err.attempts, 3);
  assert.equal(err.cause.status, 503);
  assert.equal(service.calls, 3);
  assert.deepEqual(delays, [100, 200]);
});

test('a Retry-After hint extends the delay but never beyond the cap', async () => {
  const service = createInventoryService(SCENARIOS.throttled);
  const { delays, options } = recorder();
  await retry(() => service.reserve('sku-1', 1), options);
  assert.deepEqual(delays, [300]);
  const capped = recorder({ maxDelayMs: 150 });
  const throttled = createInventoryService(SCENARIOS.throttled);
  await retry(() => throttled.reserve('sku-1', 1), capped.options);
  assert.deepEqual(capped.delays, [150]);
});

test('error classification: network errors and 5xx/429 are transient, 4xx are not', () => {
  assert.ok(isTransient({ code: 'ECONNRESET' }));
  assert.ok(isTransient({ status: 503 }));
  assert.ok(isTransient({ status: 429 }));
  assert.ok(!isTransient({ status: 400 }));
  assert.ok(!isTransient({ status: 404 }));
  assert.ok(!isTransient(new TypeError('bug')));
});

test('configuration is read from the environment and validated', () => {
  const names = ['RETRY_MAX_ATTEMPTS', 'RETRY_BASE_DELAY_MS', 'RETRY_MAX_DELAY_MS', 'RETRY_JITTER'];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  try {
    for (const n of names) delete process.env[n];
    assert.deepEqual(loadConfig(), { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 2000, jitter: 'full' });
    Object.assign(process.env, { RETRY_MAX_ATTEMPTS: '3', RETRY_BASE_DELAY_MS: '50', RETRY_MAX_DELAY_MS: '400', RETRY_JITTER: 'equal' });
    assert.deepEqual(loadConfig(), { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 400, jitter: 'equal' });
    process.env.RETRY_JITTER = 'random';
    assert.throws(() => loadConfig(), /RETRY_JITTER must be one of/);
    process.env.RETRY_JITTER = 'none';
    process.env.RETRY_MAX_ATTEMPTS = '0';
    assert.throws(() => loadConfig(), /RETRY_MAX_ATTEMPTS must be an integer >= 1/);
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  }
});
