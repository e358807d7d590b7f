// The new service that gradually takes over. Release 1 of its order code
// computes totals without the loyalty discount; release 2 ports the rule.
// `down` makes it answer 503 and `delayMs` slows it, to exercise the facade.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBody, sendJson } from './http.mjs';
import { CATALOG, SEED_ORDERS } from './seed-data.mjs';

export function createModernService({ release = 2, down = false, delayMs = 0 } = {}) {
  const orders = structuredClone(SEED_ORDERS);
  let nextId = 5001;
  const send = (res, status, data) => sendJson(res, status, data, { 'x-served-by': `modern-r${release}` });
  const total = (order) => {
    const sum = order.items.reduce((s, i) => s + i.qty * i.price, 0);
    const vip = release >= 2 && order.customer?.startsWith('vip-');
    return Math.round((vip ? sum * 0.95 : sum) * 100) / 100;
  };

  return http.createServer(async (req, res) => {
    if (delayMs) await sleep(delayMs);
    if (down) return send(res, 503, { error: 'modern service unavailable' });
    const { pathname } = new URL(req.url, 'http://modern');
    const [, area, id] = pathname.split('/');
    if (req.method === 'GET' && area === 'catalog' && CATALOG[id]) return send(res, 200, CATALOG[id]);
    if (req.method === 'GET' && area === 'orders' && orders[id]) {
      const order = orders[id];
      return send(res, 200, { ...order, total: total(order) });
    }
    if (req.method === 'POST' && pathname === '/orders') {
      const input = JSON.parse((await readBody(req)).toString() || '{}');
      const order = { id: String(nextId++), customer: input.customer, items: input.items ?? [] };
      order.total = total(order);
      orders[order.id] = order;
      return send(res, 201, order);
    }
    return send(res, 404, { error: `modern: no route for ${req.method} ${pathname}` });
  });
}
