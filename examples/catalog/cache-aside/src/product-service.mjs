// The cache-aside logic lives in the application, not in the cache:
//  read:  look in the cache; on a miss load from the database and put the
//         result in the cache with a TTL.
//  write: update the database first, then delete (not update) the cache
//         entry so the next read loads the fresh row.
// Concurrent misses for the same key share one database query, and a broken
// cache degrades to direct database reads instead of failing requests.
export class ProductService {
  constructor({ cache, db, ttlMs, log = () => {} }) {
    Object.assign(this, { cache, db, ttlMs, log });
    this.inFlight = new Map();
  }

  async getProduct(id) {
    const key = `product:${id}`;
    let cached;
    try {
      cached = await this.cache.get(key);
    } catch (err) {
      this.log(`cache read failed (${err.message}); reading ${id} from the database`);
      return { product: await this.db.get(id), source: 'database (cache down)' };
    }
    if (cached !== undefined) return { product: cached, source: 'cache' };

    if (!this.inFlight.has(key)) {
      const load = (async () => {
        const product = await this.db.get(id);
        // Missing products are not cached, so a later insert is visible at once.
        if (product) {
          try {
            await this.cache.set(key, product, this.ttlMs);
          } catch (err) {
            this.log(`cache write failed (${err.message}); serving ${id} uncached`);
          }
        }
        return { product, source: 'database' };
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, load);
    }
    return this.inFlight.get(key);
  }

  async updateProduct(id, patch) {
    const updated = await this.db.update(id, patch);
    try {
      await this.cache.delete(`product:${id}`);
    } catch (err) {
      // The entry may now be stale until its TTL runs out; the TTL bounds the damage.
      this.log(`cache invalidation failed for ${id} (${err.message})`);
    }
    return updated;
  }
}
