// Reads the relay and store settings from the environment.
// Every value has a default so the examples run without any input.

function positiveInt(name, raw) {
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value < 1 || String(value) !== String(raw).trim()) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env = process.env) {
  return {
    stateDir: env.OUTBOX_STATE_DIR ?? '.state',
    batchSize: positiveInt('OUTBOX_BATCH_SIZE', env.OUTBOX_BATCH_SIZE ?? '10'),
    pollIntervalMs: positiveInt('OUTBOX_POLL_INTERVAL_MS', env.OUTBOX_POLL_INTERVAL_MS ?? '200'),
  };
}
