// Reads the retry policy from the environment and validates it.
// Every value has a default so the examples run without any input.

export const JITTER_MODES = Object.freeze(['full', 'equal', 'none']);

function integer(name, raw, min) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

export function loadConfig() {
  const config = {
    maxAttempts: integer('RETRY_MAX_ATTEMPTS', process.env.RETRY_MAX_ATTEMPTS ?? '5', 1),
    baseDelayMs: integer('RETRY_BASE_DELAY_MS', process.env.RETRY_BASE_DELAY_MS ?? '100', 0),
    maxDelayMs: integer('RETRY_MAX_DELAY_MS', process.env.RETRY_MAX_DELAY_MS ?? '2000', 0),
    jitter: process.env.RETRY_JITTER ?? 'full',
  };
  if (!JITTER_MODES.includes(config.jitter)) {
    throw new RangeError(`RETRY_JITTER must be one of ${JITTER_MODES.join(', ')}, got "${config.jitter}"`);
  }
  if (config.maxDelayMs < config.baseDelayMs) {
    throw new RangeError('RETRY_MAX_DELAY_MS must not be smaller than RETRY_BASE_DELAY_MS');
  }
  return config;
}
