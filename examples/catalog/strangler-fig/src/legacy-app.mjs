// The monolith being replaced. It serves the catalog, orders and invoices.
// Its order totals include a 5% loyalty discount for VIP customers, a rule
// the first release of the new orders code forgot (see the shadow step).
import http from 'node:http';
import { readBody, sendJson } from './http.mjs';
import { CATALOG, SEED_ORDERS } from './seed-data.mjs';

const INVOICES = { 7: { id: '7', order: '1001', amount: 49.8, status: 'PAID' } };

export function createLegacyApp() {
  const orders = structuredClone(SEED_ORDERS);
  let nextId = 1003;
  const send = (res, status, data) => sendJson(res, status, data, { 'x-served-by': 'legacy' });

  return http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://legacy');
    const [, area, id] = pathname.split('/');
    if (req.method === 'GET' && area === 'catalog' && CATALOG[id]) return send(res, 200, CATALOG[id]);
    if (req.method === 'GET' && area === 'orders' && orders[id]) return send(res, 200, orders[id]);
    if (req.method === 'GET' && area === 'invoices' && INVOICES[id]) return send(res, 200, INVOICES[id]);
    if (req.method === 'POST' && pathname === '/orders') {
      const input = JSON.parse((await readBody(req)).toString() || '{}');
      const order = { id: String(nextId++), customer: input.customer, items: input.items ?? [], total: 0 };
      order.total = legacyTotal(order);
      orders[order.id] = order;
      return send(res, 201, order);
    }
    return send(res, 404, { error: `legacy: no route for ${req.method} ${pathname}` });
  });
}

export function legacyTotal(order) {
  const sum = order.items.reduce((s, i) => s + i.qty * i.price, 0);
  const discounted = order.customer?.startsWith('vip-') ? sum * 0.95 : sum;
  return Math.round(discounted * 100) / 100;
}
