// The business operation: placing an order writes the order row AND the
// OrderPlaced event into the outbox table inside one local transaction.
import { randomUUID } from 'node:crypto';

export function placeOrder(db, { customer, amount }, { beforeCommit } = {}) {
  if (!customer) throw new Error('customer is required');
  if (!(Number.isFinite(amount) && amount > 0)) throw new Error('amount must be a positive number');

  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const order = {
      id: `ord-${String(tx.nextOrderNo++).padStart(4, '0')}`,
      customer,
      amount,
      status: 'PLACED',
      createdAt: now,
    };
    tx.orders.push(order);

    const event = {
      seq: tx.nextOutboxSeq++,
      eventId: randomUUID(),
      aggregateType: 'order',
      aggregateId: order.id,
      type: 'OrderPlaced',
      payload: { orderId: order.id, customer, amount },
      createdAt: now,
      publishedAt: null,
      attempts: 0,
      lastError: null,
    };
    tx.outbox.push(event);

    // Test hook: throwing here simulates a crash before COMMIT.
    beforeCommit?.(tx);
    return { order, event };
  });
}
