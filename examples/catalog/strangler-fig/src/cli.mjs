#!/usr/bin/env node
// Command line entry point for the strangler fig example.
//   node src/cli.mjs routes                          show the table and sample decisions
//   node src/cli.mjs validate [file]                 check a route table
//   node src/cli.mjs demo [--modern-release N] [--modern-down] [METHOD:]/path ...
//        start monolith, new service and facade on loopback ports, send the
//        requests through the facade, print who answered, shut everything down
//   node src/cli.mjs migrate <prefix> <legacy|modern|shadow> [--out file]
//   node src/cli.mjs mismatches                      print the shadow comparison log
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig } from './config.mjs';
import { createFacade } from './facade.mjs';
import { close, listen, request } from './http.mjs';
import { createLegacyApp } from './legacy-app.mjs';
import { createModernService } from './modern-service.mjs';
import { readRouteTable, resolveRoute, validateRouteTable, watchRouteTable } from './routing.mjs';

const config = loadConfig();
const [command, ...rawArgs] = process.argv.slice(2);

function takeOption(args, name, hasValue = true) {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  return hasValue ? args.splice(i, 2)[1] : (args.splice(i, 1), true);
}

const DEFAULT_REQUESTS = ['GET:/catalog/42', 'GET:/orders/1001', 'GET:/orders/1002', 'POST:/orders', 'GET:/invoices/7'];
const NEW_ORDER = JSON.stringify({ customer: 'c-99', items: [{ sku: '42', qty: 1, price: 24.9 }] });

async function demo(args) {
  const release = Number(takeOption(args, '--modern-release') ?? '2');
  const down = takeOption(args, '--modern-down', false) ?? false;
  const requests = args.length ? args : DEFAULT_REQUESTS;

  let mismatches = 0;
  const legacy = createLegacyApp();
  const modern = createModernService({ release, down });
  const backends = { legacy: await listen(legacy), modern: await listen(modern) };
  const facade = createFacade({
    routes: watchRouteTable(config.routesFile),
    backends,
    fallbackToLegacy: config.fallbackToLegacy,
    timeoutMs: config.timeoutMs,
    onMismatch: (m) => {
      mismatches += 1;
      mkdirSync(dirname(config.mismatchLog), { recursive: true });
      appendFileSync(config.mismatchLog, JSON.stringify(m) + '\n');
    },
  });
  const entry = await listen(facade);
  console.log(`routes from ${config.routesFile}; new service release ${release}${down ? ' (down)' : ''}`);

  try {
    for (const spec of requests) {
      const [method, path] = spec.includes(':/') ? spec.split(/:(?=\/)/) : ['GET', spec];
      const res = await request({
        url: new URL(path, entry),
        method,
        headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
        body: method === 'POST' ? NEW_ORDER : undefined,
        timeoutMs: config.timeoutMs * 3,
      });
      const fallback = res.headers['x-strangler-fallback'] ? `, fallback: ${res.headers['x-strangler-fallback']}` : '';
      console.log(`${method} ${path} -> ${res.status} from ${res.headers['x-served-by'] ?? 'facade'} (route ${res.headers['x-strangler-route']}${fallback})`);
    }
  } finally {
    await Promise.all([facade, legacy, modern].map(close));
  }
  console.log(`shadow mismatches this run: ${mismatches}${mismatches ? ` (appended to ${config.mismatchLog})` : ''}`);
  return 0;
}

async function main() {
  const args = [...rawArgs];
  switch (command) {
    case 'routes': {
      const table = readRouteTable(config.routesFile);
      console.log(`${config.routesFile} (default: ${table.default})`);
      for (const r of table.routes) console.log(`  ${r.prefix.padEnd(12)} -> ${r.target}`);
      for (const p of ['/catalog/42', '/orders/1001', '/invoices/7', '/catalogue']) {
        const r = resolveRoute(p, table);
        console.log(`  ${p.padEnd(14)} resolves to ${r.target} via ${r.prefix}`);
      }
      return 0;
    }
    case 'validate': {
      const file = args[0] ?? config.routesFile;
      readRouteTable(file);
      console.log(`${file}: valid`);
      return 0;
    }
    case 'demo':
      return demo(args);
    case 'migrate': {
      const out = takeOption(args, '--out') ?? '.state/routes.json';
      const [prefix, target] = args;
      const table = readRouteTable(config.routesFile);
      const routes = table.routes.filter((r) => r.prefix !== prefix);
      if (target !== 'legacy' || table.default !== 'legacy') routes.push({ prefix, target });
      routes.sort((a, b) => a.prefix.localeCompare(b.prefix));
      const next = validateRouteTable({ ...table, routes }, 'new route table');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(next, null, 2) + '\n');
      console.log(`${prefix} -> ${target}; wrote ${out}`);
      return 0;
    }
    case 'mismatches': {
      const lines = existsSync(config.mismatchLog) ? readFileSync(config.mismatchLog, 'utf8').split('\n').filter(Boolean) : [];
      console.log(`${lines.length} mismatch(es) in ${config.mismatchLog}`);
      for (const m of lines.map((l) => JSON.parse(l))) {
        console.log(`  ${m.method} ${m.path}: legacy ${m.legacy.status} ${m.legacy.body}`);
        console.log(`  ${' '.repeat(m.method.length + m.path.length + 1)}  modern ${m.modern.status} ${m.modern.body}`);
      }
      return 0;
    }
    default:
      console.error('usage: node src/cli.mjs <routes|validate|demo|migrate|mismatches> [...]');
      return 2;
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
}
