// Compares one shared pool with one bulkhead per dependency while a slow
// "reports" dependency receives a burst and "checkout" keeps normal traffic.
import { setTimeout as sleep } from 'node:timers/promises';
import { Bulkhead } from './bulkhead.mjs';

const WORKLOAD = {
  reports: { count: 20, startMs: 0, spacingMs: 0, durationMs: 400 }, // slow, bursty
  checkout: { count: 10, startMs: 10, spacingMs: 10, durationMs: 15 }, // fast, steady
};

async function fire(pool, partition, spec, results) {
  const calls = [];
  await sleep(spec.startMs);
  for (let i = 0; i < spec.count; i += 1) {
    if (i > 0 && spec.spacingMs > 0) await sleep(spec.spacingMs);
    const started = performance.now();
    calls.push(
      pool.run(() => sleep(spec.durationMs)).then(
        () => results[partition].latencies.push(performance.now() - started),
        (err) => { results[partition][err.code === 'EBULKHEADTIMEOUT' ? 'timedOut' : 'rejected'] += 1; },
      ),
    );
  }
  await Promise.all(calls);
}

function summarize(results) {
  const out = {};
  for (const [partition, r] of Object.entries(results)) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    out[partition] = {
      ok: sorted.length,
      timedOut: r.timedOut,
      rejected: r.rejected,
      maxLatencyMs: sorted.length ? Math.round(sorted.at(-1)) : null,
    };
  }
  return out;
}

export async function runMode(mode, config) {
  const results = {
    reports: { latencies: [], timedOut: 0, rejected: 0 },
    checkout: { latencies: [], timedOut: 0, rejected: 0 },
  };
  let pools;
  if (mode === 'shared') {
    // Same total capacity as the two partitions together, but one pool.
    const shared = new Bulkhead({
      name: 'shared',
      maxConcurrent: config.maxConcurrent * 2,
      maxQueue: config.maxQueue * 2,
      queueTimeoutMs: config.queueTimeoutMs,
    });
    pools = { reports: shared, checkout: shared };
  } else if (mode === 'partitioned') {
    pools = {
      reports: new Bulkhead({ name: 'reports', ...config }),
      checkout: new Bulkhead({ name: 'checkout', ...config }),
    };
  } else {
    throw new Error(`unknown mode "${mode}"; use shared, partitioned or both`);
  }
  await Promise.all(Object.entries(WORKLOAD).map(([p, spec]) => fire(pools[p], p, spec, results)));
  return { mode, config, partitions: summarize(results) };
}
