// The idempotent consumer: records each message id together with the
// business change, and skips any message whose id it has already recorded.
import { createHash } from 'node:crypto';

export function fingerprint(message) {
  return createHash('sha256').update(JSON.stringify(message.payload)).digest('hex').slice(0, 16);
}

// Business handler: credit an account. Not idempotent by itself.
export function applyCredit(db, message) {
  const { account, amountCents } = message.payload;
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new RangeError(`invalid amount in ${message.id}`);
  db.balances[account] = (db.balances[account] ?? 0) + amountCents;
}

export function createIdempotentConsumer({ store, handler = applyCredit, keyTtlMs, now = () => Date.now() }) {
  return {
    handle(message) {
      if (typeof message?.id !== 'string' || message.id === '') {
        throw new TypeError('message has no id; it cannot be deduplicated');
      }
      return store.transaction((db) => {
        const t = now();
        const seen = db.processed[message.id];
        const print = fingerprint(message);
        if (seen && t - seen.at < keyTtlMs) {
          // Same id with a different payload is a producer bug or tampering.
          return { status: seen.fingerprint === print ? 'duplicate' : 'conflict', id: message.id };
        }
        handler(db, message); // throws -> transaction aborted, nothing recorded
        db.processed[message.id] = { at: t, fingerprint: print };
        return { status: 'processed', id: message.id };
      });
    },
    // Forget keys older than the retention window; returns how many.
    purgeExpired() {
      return store.transaction((db) => {
        const t = now();
        let removed = 0;
        for (const [id, record] of Object.entries(db.processed)) {
          if (t - record.at >= keyTtlMs) {
            delete db.processed[id];
            removed += 1;
          }
        }
        return removed;
      });
    },
  };
}
