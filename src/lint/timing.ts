/**
 * `PATTERNBOOK_TIMING=1`: how long each rule (and the shared outline match)
 * took, printed after the report to standard error, slowest first — to find
 * the rule that makes a catalog's lint slow. Off, it costs one check per call.
 * Each thread keeps its own table; with worker threads each prints its own.
 */
const enabled = typeof process !== 'undefined' && process.env.PATTERNBOOK_TIMING === '1';
const totals = new Map<string, number>();
let nested = 0;

/** Runs `work`, adding its time (less the time of timed work inside it) to `id`. */
export function timed<T>(id: string, work: () => T): T {
  if (!enabled) return work();
  const outer = nested;
  nested = 0;
  const start = performance.now();
  try {
    return work();
  } finally {
    const elapsed = performance.now() - start;
    totals.set(id, (totals.get(id) ?? 0) + elapsed - nested);
    nested = outer + elapsed;
  }
}

/** The table, slowest first; empty when timing is off or nothing ran. */
export function timingTable(title = 'Rule timings'): string {
  if (!enabled || totals.size === 0) return '';
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const all = rows.reduce((sum, [, ms]) => sum + ms, 0);
  const width = Math.max(...rows.map(([id]) => id.length), 4);
  const line = (id: string, ms: number) => `${id.padEnd(width)}  ${ms.toFixed(1).padStart(9)} ms  ${((ms / all) * 100).toFixed(1).padStart(5)}%`;
  return [`${title}:`, ...rows.map(([id, ms]) => line(id, ms)), line('total', all)].join('\n') + '\n';
}

/**
 * With timing on, a clock for the phases of a longer job (a site build): each
 * call prints the phase's name and the time since the clock started, to
 * standard error. Off, it does nothing.
 */
export function phaseClock(job: string): (phase: string) => void {
  if (!enabled) return () => {};
  const start = performance.now();
  return (phase) => process.stderr.write(`${job}: ${phase} at ${((performance.now() - start) / 1000).toFixed(2)} s\n`);
}

/**
 * With timing on, a clock for a command's start-up (`patternbook mcp`,
 * `patternbook search`): each call prints the phase's name and the time since
 * the process started, to standard error. Off, it does nothing.
 */
export function startupClock(job: string): (phase: string) => void {
  if (!enabled) return () => {};
  return (phase) => process.stderr.write(`${job}: ${phase} at ${(performance.now() / 1000).toFixed(2)} s since the process started\n`);
}
