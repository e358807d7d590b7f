// Drives a steady stream of requests through the breaker on a virtual
// clock so that a multi-second outage simulates in a few milliseconds.
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker.mjs';
import { createPriceService } from './flaky-service.mjs';

export async function runSimulation({
  config,
  requests = 60,
  intervalMs = 100,
  outageStartMs = 1000,
  outageEndMs = 3500,
  log = () => {},
}) {
  let clock = 0;
  const now = () => clock;
  const service = createPriceService({ now, outageStartMs, outageEndMs });
  const transitions = [];
  const breaker = new CircuitBreaker({
    name: 'price-service',
    ...config,
    now,
    isFailure: (err) => !(err.status >= 400 && err.status < 500),
    onTransition: (event) => {
      transitions.push(event);
      log(`t=${String(event.at).padStart(5)}ms  ${event.from} -> ${event.to}  (${event.reason})`);
    },
  });

  let lastKnownPrice = { sku: 'sku-42', cents: 1999, at: -1 };
  let fallbacks = 0;
  for (let i = 0; i < requests; i += 1) {
    clock = i * intervalMs;
    try {
      lastKnownPrice = await breaker.call(() => service.getPrice('sku-42'));
    } catch (err) {
      if (!(err instanceof CircuitOpenError) && err.status === undefined) throw err;
      fallbacks += 1; // serve the last known price instead of an error
    }
  }

  return {
    config,
    virtualDurationMs: clock,
    outage: { startMs: outageStartMs, endMs: outageEndMs },
    dependencyCalls: service.calls,
    fallbacksServed: fallbacks,
    lastKnownPrice,
    finalState: breaker.state,
    stats: breaker.stats,
    transitions,
  };
}
