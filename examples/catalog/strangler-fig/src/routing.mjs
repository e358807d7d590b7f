// The routing table decides, per path prefix, which system answers:
//   legacy  the monolith
//   modern  the new service
//   shadow  the monolith answers, the new service is called too and compared
// The longest matching prefix wins; unmatched paths go to `default`.
import { readFileSync, statSync } from 'node:fs';

const TARGETS = ['legacy', 'modern', 'shadow'];

export function validateRouteTable(table, source = 'route table') {
  const problems = [];
  if (!table || typeof table !== 'object') problems.push('must be a JSON object');
  else {
    if (!['legacy', 'modern'].includes(table.default)) problems.push('"default" must be "legacy" or "modern"');
    if (!Array.isArray(table.routes)) problems.push('"routes" must be an array');
    else {
      const seen = new Set();
      table.routes.forEach((r, i) => {
        if (typeof r.prefix !== 'string' || !r.prefix.startsWith('/')) problems.push(`routes[${i}].prefix must start with "/"`);
        else if (r.prefix.length > 1 && r.prefix.endsWith('/')) problems.push(`routes[${i}].prefix must not end with "/"`);
        if (!TARGETS.includes(r.target)) problems.push(`routes[${i}].target must be one of ${TARGETS.join(', ')}`);
        if (seen.has(r.prefix)) problems.push(`routes[${i}].prefix ${r.prefix} is listed twice`);
        seen.add(r.prefix);
      });
    }
  }
  if (problems.length) throw new Error(`${source}: ${problems.join('; ')}`);
  return table;
}

export function readRouteTable(file) {
  return validateRouteTable(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Re-reads the file only when its modification time changes, so routes flip without a restart. */
export function watchRouteTable(file) {
  let cached = null;
  let mtimeMs = -1;
  return () => {
    const stat = statSync(file);
    if (stat.mtimeMs !== mtimeMs) {
      cached = readRouteTable(file);
      mtimeMs = stat.mtimeMs;
    }
    return cached;
  };
}

export function resolveRoute(pathname, table) {
  let best = null;
  for (const route of table.routes) {
    const matches = route.prefix === '/' || pathname === route.prefix || pathname.startsWith(`${route.prefix}/`);
    if (matches && (!best || route.prefix.length > best.prefix.length)) best = route;
  }
  return best ?? { prefix: '(default)', target: table.default };
}
