// The four services taking part in the order saga. Each owns its own data
// (kept here in one JSON file for brevity, one top-level key per service) and
// exposes a local transaction plus, where needed, its compensation. Every
// operation is keyed by sagaId, so repeating it after a retry or a crash is
// harmless (idempotent).
import { join } from 'node:path';
import { BusinessError } from './errors.mjs';
import { readJson, updateJson } from './json-file.mjs';

export const INITIAL_DATA = {
  orders: {},
  inventory: { stock: { widget: 10, gadget: 2 }, reservations: {} },
  payments: { balances: { alice: 100, bob: 15 }, charges: {} },
  shipping: { shipments: {} },
};

export function createParticipants(stateDir) {
  const file = join(stateDir, 'participants.json');
  const tx = (fn) => updateJson(file, INITIAL_DATA, fn);

  return {
    file,
    snapshot: () => readJson(file, INITIAL_DATA),
    seed: () => tx((d) => Object.assign(d, structuredClone(INITIAL_DATA))),

    orders: {
      create: (sagaId, input) => tx((d) => {
        d.orders[sagaId] ??= { ...input, status: 'PENDING' };
        return d.orders[sagaId];
      }),
      approve: (sagaId) => tx((d) => { d.orders[sagaId].status = 'APPROVED'; }),
      reject: (sagaId, reason) => tx((d) => {
        if (d.orders[sagaId]) Object.assign(d.orders[sagaId], { status: 'REJECTED', reason });
      }),
    },

    inventory: {
      reserve: (sagaId, { sku, qty }) => tx((d) => {
        const inv = d.inventory;
        if (inv.reservations[sagaId]) return inv.reservations[sagaId];
        if ((inv.stock[sku] ?? 0) < qty) throw new BusinessError(`only ${inv.stock[sku] ?? 0} ${sku} left, ${qty} requested`);
        inv.stock[sku] -= qty;
        return (inv.reservations[sagaId] = { sku, qty, released: false });
      }),
      release: (sagaId) => tx((d) => {
        const r = d.inventory.reservations[sagaId];
        if (!r || r.released) return; // nothing reserved, or already released
        d.inventory.stock[r.sku] += r.qty;
        r.released = true;
      }),
    },

    payments: {
      charge: (sagaId, { customer, amount }) => tx((d) => {
        const p = d.payments;
        if (p.charges[sagaId]) return p.charges[sagaId];
        if ((p.balances[customer] ?? 0) < amount) throw new BusinessError(`insufficient funds for ${customer}`);
        p.balances[customer] -= amount;
        return (p.charges[sagaId] = { customer, amount, refunded: false });
      }),
      refund: (sagaId) => tx((d) => {
        const c = d.payments.charges[sagaId];
        if (!c || c.refunded) return;
        d.payments.balances[c.customer] += c.amount;
        c.refunded = true;
      }),
    },

    shipping: {
      schedule: (sagaId, { customer, sku, qty }) => tx((d) => {
        d.shipping.shipments[sagaId] ??= { customer, sku, qty, status: 'SCHEDULED' };
        return d.shipping.shipments[sagaId];
      }),
    },
  };
}
