// A bulkhead: a concurrency limit with a bounded waiting queue.
// Calls beyond maxConcurrent wait in the queue; calls beyond the queue are
// rejected at once, and queued calls give up after queueTimeoutMs (0 = wait).

export class BulkheadRejectedError extends Error {
  constructor(name) {
    super(`bulkhead "${name}" is full`);
    this.name = 'BulkheadRejectedError';
    this.code = 'EBULKHEADFULL';
  }
}

export class BulkheadTimeoutError extends Error {
  constructor(name, ms) {
    super(`waited ${ms} ms for a slot in bulkhead "${name}"`);
    this.name = 'BulkheadTimeoutError';
    this.code = 'EBULKHEADTIMEOUT';
  }
}

export class Bulkhead {
  #active = 0;
  #queue = [];

  constructor({ name = 'partition', maxConcurrent = 4, maxQueue = 4, queueTimeoutMs = 250 } = {}) {
    this.name = name;
    this.maxConcurrent = maxConcurrent;
    this.maxQueue = maxQueue;
    this.queueTimeoutMs = queueTimeoutMs;
    this.stats = { accepted: 0, rejected: 0, timedOut: 0, completed: 0, failed: 0, peakActive: 0 };
  }

  get active() {
    return this.#active;
  }

  get queued() {
    return this.#queue.length;
  }

  async run(fn) {
    if (this.#active < this.maxConcurrent) {
      this.#active += 1;
    } else if (this.#queue.length < this.maxQueue) {
      await this.#waitForSlot(); // the releasing call hands its slot over
    } else {
      this.stats.rejected += 1;
      throw new BulkheadRejectedError(this.name);
    }
    this.stats.accepted += 1;
    this.stats.peakActive = Math.max(this.stats.peakActive, this.#active);
    try {
      const result = await fn();
      this.stats.completed += 1;
      return result;
    } catch (err) {
      this.stats.failed += 1;
      throw err;
    } finally {
      this.#release();
    }
  }

  #waitForSlot() {
    return new Promise((resolve, reject) => {
      const waiter = { resolve, timer: undefined };
      if (this.queueTimeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          this.#queue.splice(this.#queue.indexOf(waiter), 1);
          this.stats.timedOut += 1;
          reject(new BulkheadTimeoutError(this.name, this.queueTimeoutMs));
        }, this.queueTimeoutMs);
      }
      this.#queue.push(waiter);
    });
  }

  #release() {
    const next = this.#queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(); // slot passes to the oldest waiter; #active is unchanged
    } else {
      this.#active -= 1;
    }
  }
}
