// An at-least-once broker simulation: every message is delivered, some more
// than once, and a consumer crash before acknowledging makes the broker
// redeliver everything since the last acknowledged offset.

// Small seeded PRNG (mulberry32) so that runs are reproducible.
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createBatch(count) {
  const accounts = ['acct-A', 'acct-B', 'acct-C'];
  return Array.from({ length: count }, (_, i) => ({
    id: `credit-${String(i + 1).padStart(4, '0')}`,
    payload: { account: accounts[i % accounts.length], amountCents: 100 * ((i % 5) + 1) },
  }));
}

// Builds the delivery log: each message once, plus a duplicate with
// probability duplicateRate, delivered a few positions later.
export function deliveryLog(messages, { duplicateRate, seed = 42 }) {
  const random = seededRandom(seed);
  const log = messages.map((m) => ({ message: m, redelivery: false }));
  for (const m of messages) {
    if (random() < duplicateRate) {
      const at = Math.min(log.length, log.findIndex((d) => d.message === m) + 1 + Math.floor(random() * 4));
      log.splice(at, 0, { message: m, redelivery: true });
    }
  }
  return log;
}

// Delivers the log to consume(); acknowledges every ackEvery deliveries.
// If crashAfter is set, the consumer "crashes" after handling that delivery
// and before the next acknowledgement, and restart() provides a new consumer
// that receives everything after the last acknowledged offset again.
export function deliver(log, { consume, restart, ackEvery = 5, crashAfter = 0 }) {
  let acked = 0;
  let handler = consume;
  let crashed = false;
  let deliveries = 0;
  for (let offset = 0; offset < log.length; offset += 1) {
    deliveries += 1;
    handler(log[offset], deliveries);
    if (!crashed && crashAfter > 0 && deliveries === crashAfter) {
      crashed = true;
      handler = restart(offset + 1 - acked);
      offset = acked - 1; // redeliver from the last acknowledged offset
      continue;
    }
    if ((offset + 1) % ackEvery === 0) acked = offset + 1;
  }
  return { deliveries };
}
