// The message relay: reads unpublished outbox rows in insertion order,
// publishes them to the broker and marks them as published.
// Delivery is at-least-once: a crash between publish and mark re-sends the row
// on the next poll, so consumers must deduplicate by eventId.

export function pendingRows(db, limit = Infinity) {
  return db
    .read()
    .outbox.filter((row) => row.publishedAt === null)
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
}

export async function relayOnce({ db, broker, batchSize, afterPublish }) {
  const batch = pendingRows(db, batchSize);
  let published = 0;
  let failed = null;

  for (const row of batch) {
    try {
      await broker.publish({
        topic: `${row.aggregateType}.events`,
        key: row.aggregateId,
        eventId: row.eventId,
        type: row.type,
        payload: row.payload,
        occurredAt: row.createdAt,
      });
    } catch (err) {
      db.transaction((tx) => {
        const r = tx.outbox.find((x) => x.seq === row.seq);
        r.attempts += 1;
        r.lastError = err.message;
      });
      // Stop the batch: publishing later rows first would break per-aggregate order.
      failed = { seq: row.seq, error: err.message };
      break;
    }

    // Test/demo hook: throwing here simulates the relay dying after the broker
    // accepted the message but before the row was marked.
    afterPublish?.(row);

    db.transaction((tx) => {
      const r = tx.outbox.find((x) => x.seq === row.seq);
      r.publishedAt = new Date().toISOString();
      r.attempts += 1;
      r.lastError = null;
    });
    published += 1;
  }

  return { published, failed, remaining: pendingRows(db).length };
}
