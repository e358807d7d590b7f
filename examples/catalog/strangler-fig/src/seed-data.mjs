// Data both systems start from. During a real migration the new service gets
// it through replication or a shared database; here both load the same seed.
export const CATALOG = {
  42: { id: '42', name: 'Desk lamp', price: 24.9 },
  7: { id: '7', name: 'Office chair', price: 189 },
};

export const SEED_ORDERS = {
  1001: { id: '1001', customer: 'c-17', items: [{ sku: '42', qty: 2, price: 24.9 }], total: 49.8 },
  1002: { id: '1002', customer: 'vip-3', items: [{ sku: '7', qty: 1, price: 189 }], total: 179.55 },
};
