// Capped exponential backoff with optional jitter.
// attempt is the number of the attempt that just failed (1-based).

export function exponentialCap(attempt, { baseDelayMs, maxDelayMs }) {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

export function computeDelay(attempt, policy, random = Math.random) {
  const cap = exponentialCap(attempt, policy);
  switch (policy.jitter) {
    case 'none':
      return cap;
    case 'equal': // half fixed, half random: never retries immediately
      return Math.floor(cap / 2 + random() * (cap / 2));
    case 'full': // anywhere between 0 and the cap: spreads clients best
      return Math.floor(random() * cap);
    default:
      throw new RangeError(`unknown jitter mode "${policy.jitter}"`);
  }
}
