/**
 * Names in the order people read them: case aside, and numbers by their value
 * (`RFC 2`, `RFC 10`; `1. Logging`, `2. Events`, `10. Lanes`), not by their
 * characters. The same on every machine (no locale): ties fall back to the
 * strings as written.
 */
export function naturalCompare(a: string, b: string): number {
  const x = chunks(a.toLowerCase());
  const y = chunks(b.toLowerCase());
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const m = /^\d/.test(p);
    const n = /^\d/.test(q);
    if (m && n) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d;
      // (`007` before `7`: equal values, the longer written first.)
      return q.length - p.length;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

function chunks(s: string): string[] {
  return s.match(/\d+|\D+/g) ?? [];
}
