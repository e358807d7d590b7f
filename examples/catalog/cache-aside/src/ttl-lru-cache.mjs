// An in-memory cache with a time-to-live per entry and least-recently-used
// eviction once it holds maxEntries items. A Map keeps insertion order, so
// re-inserting a key on every hit moves it to the "most recent" end.
export class TtlLruCache {
  constructor({ maxEntries, defaultTtlMs, now = Date.now }) {
    Object.assign(this, { maxEntries, defaultTtlMs, now });
    this.entries = new Map();
    this.stats = { hits: 0, misses: 0, evictions: 0, expirations: 0 };
  }

  get(key) {
    const entry = this.entries.get(key);
    if (!entry) {
      this.stats.misses += 1;
      return undefined;
    }
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      this.stats.expirations += 1;
      this.stats.misses += 1;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.stats.hits += 1;
    return entry.value;
  }

  set(key, value, ttlMs = this.defaultTtlMs) {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    this.#evictOverflow();
  }

  delete(key) {
    return this.entries.delete(key);
  }

  /** Plain data for persistence: [key, {value, expiresAt}] pairs, oldest first. */
  dump() {
    return [...this.entries];
  }

  load(pairs) {
    this.entries = new Map(pairs.filter(([, e]) => e.expiresAt > this.now()));
    this.#evictOverflow();
  }

  #evictOverflow() {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      this.entries.delete(oldest);
      this.stats.evictions += 1;
    }
  }
}
