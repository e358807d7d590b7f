// Reads the partition limits from the environment and validates them.
// Every value has a default so the examples run without any input.

function integer(name, raw, min) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

export function loadConfig() {
  return {
    maxConcurrent: integer('BULKHEAD_MAX_CONCURRENT', process.env.BULKHEAD_MAX_CONCURRENT ?? '4', 1),
    maxQueue: integer('BULKHEAD_MAX_QUEUE', process.env.BULKHEAD_MAX_QUEUE ?? '4', 0),
    queueTimeoutMs: integer('BULKHEAD_QUEUE_TIMEOUT_MS', process.env.BULKHEAD_QUEUE_TIMEOUT_MS ?? '250', 0),
  };
}
