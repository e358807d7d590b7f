// Reads the consumer settings from the environment and validates them.
// Every value has a default so the examples run without any input.

export function loadConfig() {
  const storePath = process.env.IDEMPOTENCY_STORE_PATH ?? '.state/store.json';
  const keyTtlMs = Number(process.env.IDEMPOTENCY_KEY_TTL_MS ?? '604800000');
  const duplicateRate = Number(process.env.BROKER_DUPLICATE_RATE ?? '0.3');
  if (!storePath.trim()) throw new RangeError('IDEMPOTENCY_STORE_PATH must not be empty');
  if (!Number.isInteger(keyTtlMs) || keyTtlMs < 1) {
    throw new RangeError(`IDEMPOTENCY_KEY_TTL_MS must be a positive integer, got "${process.env.IDEMPOTENCY_KEY_TTL_MS}"`);
  }
  if (!(duplicateRate >= 0 && duplicateRate <= 1)) {
    throw new RangeError(`BROKER_DUPLICATE_RATE must be between 0 and 1, got "${process.env.BROKER_DUPLICATE_RATE}"`);
  }
  return { storePath, keyTtlMs, duplicateRate };
}
