// Behaviour checks for the circuit breaker. Run: node --test test/circuit-breaker.check.mjs
import assert from 'node:assert/strict';
import test from 'node:test';
import { CircuitBreaker, CircuitOpenError, State } from '../src/circuit-breaker.mjs';
import { loadConfig } from '../src/config.mjs';
import { runSimulation } from '../src/simulation.mjs';

const boom = () => Promise.reject(new Error('boom'));
const ok = () => Promise.resolve('ok');

function makeBreaker(overrides = {}) {
  const clock = { t: 0 };
  const transitions = [];
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    resetTimeoutMs: 1000,
    halfOpenSuccesses: 2,
    now: () => clock.t,
    onTransition: (e) => transitions.push(`${e.from}->${e.to}`),
    ...overrides,
  });
  return { breaker, clock, transitions };
}

async function failTimes(breaker, n) {
  for (let i = 0; i < n; i += 1) await assert.rejects(breaker.call(boom), /boom/);
}

test('opens after the configured number of consecutive failures', async () => {
  const { breaker, transitions } = makeBreaker();
  await failTimes(breaker, 2);
  assert.equal(breaker.state, State.CLOSED);
  await failTimes(breaker, 1);
  assert.equal(breaker.state, State.OPEN);
  assert.deepEqual(transitions, ['CLOSED->OPEN']);
});

test('a success while closed resets the consecutive failure count', async () => {
  const { breaker } = makeBreaker();
  await failTimes(breaker, 2);
  assert.equal(await breaker.call(ok), 'ok');
  await failTimes(breaker, 2);
  assert.equal(breaker.state, State.CLOSED);
});

test('an open circuit fails fast without calling the dependency', async () => {
  const { breaker, clock } = makeBreaker();
  await failTimes(breaker, 3);
  clock.t = 400;
  let called = 0;
  const err = await breaker.call(async () => { called += 1; }).catch((e) => e);
  assert.ok(err instanceof CircuitOpenError);
  assert.equal(err.code, 'ECIRCUITOPEN');
  assert.equal(err.retryAfterMs, 600);
  assert.equal(called, 0);
  assert.equal(breaker.stats.shortCircuited, 1);
});

test('half-open: a failed trial call reopens the circuit', async () => {
  const { breaker, clock, transitions } = makeBreaker();
  await failTimes(breaker, 3);
  clock.t = 1000;
  assert.equal(breaker.state, State.HALF_OPEN);
  await failTimes(breaker, 1);
  assert.equal(breaker.state, State.OPEN);
  assert.deepEqual(transitions, ['CLOSED->OPEN', 'OPEN->HALF_OPEN', 'HALF_OPEN->OPEN']);
  clock.t = 1999;
  assert.equal(breaker.state, State.OPEN, 'reset timeout restarts when the circuit reopens');
});

test('half-open: enough successful trial calls close the circuit', async () => {
  const { breaker, clock, transitions } = makeBreaker();
  await failTimes(breaker, 3);
  clock.t = 1000;
  await breaker.call(ok);
  assert.equal(breaker.state, State.HALF_OPEN);
  await breaker.call(ok);
  assert.equal(breaker.state, State.CLOSED);
  assert.deepEqual(transitions, ['CLOSED->OPEN', 'OPEN->HALF_OPEN', 'HALF_OPEN->CLOSED']);
});

test('half-open allows only one trial call at a time', async () => {
  const { breaker, clock } = makeBreaker();
  await failTimes(breaker, 3);
  clock.t = 1000;
  let release;
  const probe = breaker.call(() => new Promise((resolve) => { release = resolve; }));
  await assert.rejects(breaker.call(ok), CircuitOpenError);
  release('done');
  assert.equal(await probe, 'done');
});

test('errors classified as non-failures do not trip the breaker', async () => {
  const { breaker } = makeBreaker({ isFailure: (err) => err.status !== 404 });
  const notFound = () => Promise.reject(Object.assign(new Error('nope'), { status: 404 }));
  for (let i = 0; i < 10; i += 1) await assert.rejects(breaker.call(notFound), /nope/);
  assert.equal(breaker.state, State.CLOSED);
});

test('configuration is read from the environment and validated', () => {
  const names = ['CB_FAILURE_THRESHOLD', 'CB_RESET_TIMEOUT_MS', 'CB_HALF_OPEN_SUCCESSES'];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  try {
    for (const n of names) delete process.env[n];
    assert.deepEqual(loadConfig(), { failureThreshold: 5, resetTimeoutMs: 1000, halfOpenSuccesses: 2 });
    process.env.CB_FAILURE_THRESHOLD = '7';
    process.env.CB_RESET_TIMEOUT_MS = '250';
    process.env.CB_HALF_OPEN_SUCCESSES = '1';
    assert.deepEqual(loadConfig(), { failureThreshold: 7, resetTimeoutMs: 250, halfOpenSuccesses: 1 });
    process.env.CB_FAILURE_THRESHOLD = 'zero';
    assert.throws(() => loadConfig(), /CB_FAILURE_THRESHOLD must be a positive integer/);
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
  }
});

test('simulated outage: the breaker opens, probes, and recovers', async () => {
  const result = await runSimulation({
    config: { failureThreshold: 5, resetTimeoutMs: 1000, halfOpenSuccesses: 2 },
  });
  assert.deepEqual(
    result.transitions.map((t) => `${t.at}:${t.to}`),
    ['1400:OPEN', '2400:HALF_OPEN', '2400:OPEN', '3400:HALF_OPEN', '3400:OPEN', '4400:HALF_OPEN', '4500:CLOSED'],
  );
  assert.equal(result.finalState, State.CLOSED);
  assert.ok(result.dependencyCalls < 60, 'calls were shed while the circuit was open');
});
