// A simulated downstream dependency (a price service) that is healthy
// except during an outage window on a virtual clock.

export class DependencyError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'DependencyError';
    this.status = status;
  }
}

export function createPriceService({ now, outageStartMs, outageEndMs }) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async getPrice(sku) {
      calls += 1;
      const t = now();
      if (t >= outageStartMs && t < outageEndMs) {
        throw new DependencyError(`price service unavailable at t=${t}ms`, 503);
      }
      if (sku === 'unknown') throw new DependencyError(`no price for ${sku}`, 404);
      return { sku, cents: 1999, at: t };
    },
  };
}
