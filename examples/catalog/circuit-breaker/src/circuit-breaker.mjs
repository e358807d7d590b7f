// A three-state circuit breaker: CLOSED -> OPEN -> HALF_OPEN -> CLOSED.
// The clock is injectable so the behaviour can be simulated and tested
// without waiting for real time to pass.

export const State = Object.freeze({
  CLOSED: 'CLOSED',
  OPEN: 'OPEN',
  HALF_OPEN: 'HALF_OPEN',
});

export class CircuitOpenError extends Error {
  constructor(name, retryAfterMs) {
    super(`circuit "${name}" is open; next trial call in ${retryAfterMs} ms`);
    this.name = 'CircuitOpenError';
    this.code = 'ECIRCUITOPEN';
    this.retryAfterMs = retryAfterMs;
  }
}

export class CircuitBreaker {
  #state = State.CLOSED;
  #consecutiveFailures = 0;
  #halfOpenSuccesses = 0;
  #openedAt = 0;
  #probeInFlight = false;

  constructor({
    name = 'dependency',
    failureThreshold = 5,
    resetTimeoutMs = 1000,
    halfOpenSuccesses = 2,
    now = () => Date.now(),
    isFailure = () => true,
    onTransition = () => {},
  } = {}) {
    this.name = name;
    this.failureThreshold = failureThreshold;
    this.resetTimeoutMs = resetTimeoutMs;
    this.requiredHalfOpenSuccesses = halfOpenSuccesses;
    this.now = now;
    this.isFailure = isFailure;
    this.onTransition = onTransition;
    this.stats = { calls: 0, succeeded: 0, failed: 0, shortCircuited: 0, transitions: 0 };
  }

  get state() {
    this.#refresh();
    return this.#state;
  }

  // Runs fn through the breaker. Throws CircuitOpenError without calling fn
  // while the circuit is open (or while a half-open probe is already running).
  async call(fn, ...args) {
    this.#refresh();
    this.stats.calls += 1;
    if (this.#state === State.OPEN || (this.#state === State.HALF_OPEN && this.#probeInFlight)) {
      this.stats.shortCircuited += 1;
      throw new CircuitOpenError(this.name, this.#remainingOpenMs());
    }
    const isProbe = this.#state === State.HALF_OPEN;
    if (isProbe) this.#probeInFlight = true;
    try {
      const result = await fn(...args);
      this.#recordSuccess();
      return result;
    } catch (err) {
      if (this.isFailure(err)) this.#recordFailure(err);
      else this.#recordSuccess(); // e.g. a 404: the dependency answered correctly
      throw err;
    } finally {
      if (isProbe) this.#probeInFlight = false;
    }
  }

  #remainingOpenMs() {
    if (this.#state !== State.OPEN) return 0;
    return Math.max(0, this.#openedAt + this.resetTimeoutMs - this.now());
  }

  #refresh() {
    if (this.#state === State.OPEN && this.now() - this.#openedAt >= this.resetTimeoutMs) {
      this.#transition(State.HALF_OPEN, `reset timeout of ${this.resetTimeoutMs} ms elapsed`);
    }
  }

  #recordSuccess() {
    this.stats.succeeded += 1;
    if (this.#state === State.HALF_OPEN) {
      this.#halfOpenSuccesses += 1;
      if (this.#halfOpenSuccesses >= this.requiredHalfOpenSuccesses) {
        this.#transition(State.CLOSED, `${this.#halfOpenSuccesses} successful trial call(s)`);
      }
    } else {
      this.#consecutiveFailures = 0;
    }
  }

  #recordFailure(err) {
    this.stats.failed += 1;
    if (this.#state === State.HALF_OPEN) {
      this.#transition(State.OPEN, `trial call failed: ${err.message}`);
      return;
    }
    this.#consecutiveFailures += 1;
    if (this.#state === State.CLOSED && this.#consecutiveFailures >= this.failureThreshold) {
      this.#transition(State.OPEN, `${this.#consecutiveFailures} consecutive failures`);
    }
  }

  #transition(to, reason) {
    const from = this.#state;
    this.#state = to;
    this.#consecutiveFailures = 0;
    this.#halfOpenSuccesses = 0;
    if (to === State.OPEN) this.#openedAt = this.now();
    this.stats.transitions += 1;
    this.onTransition({ name: this.name, from, to, reason, at: this.now() });
  }
}
