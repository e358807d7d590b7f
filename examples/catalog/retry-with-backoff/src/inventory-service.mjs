// A simulated inventory API whose failures follow a script, so every
// scenario is reproducible: e.g. ['503', '503', 'ok'].

export class HttpError extends Error {
  constructor(status, message, retryAfterMs) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

export function createInventoryService(script) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async reserve(sku, quantity) {
      const step = script[Math.min(calls, script.length - 1)];
      calls += 1;
      switch (step) {
        case 'ok':
          return { sku, quantity, reservation: `res-${calls}` };
        case '503':
          throw new HttpError(503, 'inventory service unavailable');
        case '429':
          throw new HttpError(429, 'too many requests', 300);
        case 'timeout':
          throw Object.assign(new Error('socket timed out'), { code: 'ETIMEDOUT' });
        case '400':
          throw new HttpError(400, `invalid quantity ${quantity}`);
        default:
          throw new Error(`unknown script step ${step}`);
      }
    },
  };
}

export const SCENARIOS = Object.freeze({
  transient: ['503', 'timeout', '503', 'ok'],
  throttled: ['429', 'ok'],
  permanent: ['400'],
  exhausted: ['503'],
});
