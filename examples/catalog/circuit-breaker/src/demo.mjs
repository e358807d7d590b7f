#!/usr/bin/env node
// CLI: runs the simulation, prints state transitions and writes
// .state/transitions.jsonl and .state/summary.json in the working directory.
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.mjs';
import { runSimulation } from './simulation.mjs';

async function main() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '60' },
      'interval-ms': { type: 'string', default: '100' },
      'outage-start-ms': { type: 'string', default: '1000' },
      'outage-end-ms': { type: 'string', default: '3500' },
    },
  });

  const config = loadConfig();
  console.log(
    `circuit breaker: threshold=${config.failureThreshold} failures, ` +
      `reset timeout=${config.resetTimeoutMs}ms, half-open successes=${config.halfOpenSuccesses}`,
  );
  const result = await runSimulation({
    config,
    requests: Number(values.requests),
    intervalMs: Number(values['interval-ms']),
    outageStartMs: Number(values['outage-start-ms']),
    outageEndMs: Number(values['outage-end-ms']),
    log: (line) => console.log(line),
  });

  const { stats } = result;
  console.log(
    `summary: ${stats.calls} requests, ${result.dependencyCalls} reached the dependency, ` +
      `${stats.failed} failed there, ${stats.shortCircuited} short-circuited, ` +
      `${result.fallbacksServed} answered from fallback, final state ${result.finalState}`,
  );

  await mkdir('.state', { recursive: true });
  await writeFile('.state/transitions.jsonl', result.transitions.map((t) => JSON.stringify(t)).join('\n') + '\n');
  await writeFile('.state/summary.json', JSON.stringify(result, null, 2) + '\n');
  console.log('wrote .state/transitions.jsonl and .state/summary.json');
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exitCode = 1;
});
