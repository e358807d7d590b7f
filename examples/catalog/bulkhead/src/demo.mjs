#!/usr/bin/env node
// CLI: runs the shared-pool and/or partitioned scenario, prints a table per
// partition and writes .state/bulkhead-<mode>.json in the working directory.
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.mjs';
import { runMode } from './simulation.mjs';

async function main() {
  const { values } = parseArgs({ options: { mode: { type: 'string', default: 'both' } } });
  const modes = values.mode === 'both' ? ['shared', 'partitioned'] : [values.mode];
  const config = loadConfig();
  await mkdir('.state', { recursive: true });
  for (const mode of modes) {
    const report = await runMode(mode, config);
    const sizes = mode === 'shared'
      ? `one pool: ${config.maxConcurrent * 2} slots, queue ${config.maxQueue * 2}`
      : `one pool per dependency: ${config.maxConcurrent} slots, queue ${config.maxQueue}`;
    console.log(`mode ${mode} (${sizes}, queue timeout ${config.queueTimeoutMs} ms)`);
    for (const [partition, p] of Object.entries(report.partitions)) {
      const latency = p.maxLatencyMs === null ? 'n/a' : `${p.maxLatencyMs} ms`;
      console.log(
        `  ${partition.padEnd(9)} ok=${String(p.ok).padStart(2)} timed-out=${String(p.timedOut).padStart(2)} ` +
          `rejected=${String(p.rejected).padStart(2)} max-latency=${latency}`,
      );
    }
    await writeFile(`.state/bulkhead-${mode}.json`, JSON.stringify(report, null, 2) + '\n');
  }
  console.log(`wrote ${modes.map((m) => `.state/bulkhead-${m}.json`).join(' and ')}`);
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exitCode = 1;
});
