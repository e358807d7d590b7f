// Reads the breaker settings from the environment and validates them.
// Every value has a default so the examples run without any input.

function positiveInt(name, raw) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig() {
  return {
    failureThreshold: positiveInt('CB_FAILURE_THRESHOLD', process.env.CB_FAILURE_THRESHOLD ?? '5'),
    resetTimeoutMs: positiveInt('CB_RESET_TIMEOUT_MS', process.env.CB_RESET_TIMEOUT_MS ?? '1000'),
    halfOpenSuccesses: positiveInt('CB_HALF_OPEN_SUCCESSES', process.env.CB_HALF_OPEN_SUCCESSES ?? '2'),
  };
}
