#!/usr/bin/env node
// CLI: runs one or all failure scenarios through retry() with real sleeps,
// prints every attempt and appends them to .state/attempts.jsonl.
import { appendFile, mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.mjs';
import { createInventoryService, SCENARIOS } from './inventory-service.mjs';
import { retry } from './retry.mjs';

async function runScenario(name, config) {
  const service = createInventoryService(SCENARIOS[name]);
  const started = Date.now();
  const records = [];
  const log = (record) => {
    records.push({ scenario: name, ...record, elapsedMs: Date.now() - started });
  };
  let outcome;
  try {
    const result = await retry(() => service.reserve('sku-42', name === 'permanent' ? -1 : 2), {
      ...config,
      onRetry: ({ attempt, delayMs, error }) => {
        console.log(`  [${name}] attempt ${attempt} failed (${error.status ?? error.code}); retrying in ${delayMs} ms`);
        log({ attempt, error: String(error.status ?? error.code), delayMs });
      },
    });
    outcome = `succeeded with ${result.reservation}`;
  } catch (err) {
    outcome = `failed: ${err.message}`;
  }
  const elapsed = Date.now() - started;
  console.log(`  [${name}] ${outcome} after ${service.calls} call(s), ${elapsed} ms`);
  log({ outcome, calls: service.calls });
  return records;
}

async function main() {
  const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'all' } } });
  const names = values.scenario === 'all' ? Object.keys(SCENARIOS) : [values.scenario];
  for (const n of names) {
    if (!SCENARIOS[n]) throw new Error(`unknown scenario "${n}"; use one of ${Object.keys(SCENARIOS).join(', ')} or all`);
  }
  const config = loadConfig();
  console.log(
    `retry policy: max ${config.maxAttempts} attempts, base ${config.baseDelayMs} ms, ` +
      `cap ${config.maxDelayMs} ms, jitter ${config.jitter}`,
  );
  await mkdir('.state', { recursive: true });
  for (const name of names) {
    const records = await runScenario(name, config);
    await appendFile('.state/attempts.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  console.log('appended attempts to .state/attempts.jsonl');
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exitCode = 1;
});
