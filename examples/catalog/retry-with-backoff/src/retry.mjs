// retry(): runs an async operation and retries transient failures with
// capped exponential backoff. sleep and random are injectable for tests.
import { setTimeout as sleepMs } from 'node:timers/promises';
import { computeDelay } from './backoff.mjs';

const TRANSIENT_CODES = new Set(['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EAI_AGAIN', 'EPIPE']);
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function isTransient(err) {
  return TRANSIENT_CODES.has(err?.code) || TRANSIENT_STATUS.has(err?.status);
}

export class RetryExhaustedError extends Error {
  constructor(attempts, cause) {
    super(`gave up after ${attempts} attempt(s): ${cause?.message}`, { cause });
    this.name = 'RetryExhaustedError';
    this.attempts = attempts;
  }
}

export async function retry(operation, {
  maxAttempts = 5,
  baseDelayMs = 100,
  maxDelayMs = 2000,
  jitter = 'full',
  isRetryable = isTransient,
  sleep = (ms) => sleepMs(ms),
  random = Math.random,
  onRetry = () => {},
} = {}) {
  const policy = { baseDelayMs, maxDelayMs, jitter };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (err) {
      if (!isRetryable(err)) throw err; // permanent: retrying cannot help
      if (attempt >= maxAttempts) throw new RetryExhaustedError(attempt, err);
      let delayMs = computeDelay(attempt, policy, random);
      // A server-provided Retry-After hint wins over a shorter backoff, within the cap.
      if (Number.isFinite(err.retryAfterMs)) delayMs = Math.max(delayMs, Math.min(err.retryAfterMs, maxDelayMs));
      onRetry({ attempt, delayMs, error: err });
      await sleep(delayMs);
    }
  }
}
