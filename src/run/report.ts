import { escapeAttribute, escapeText } from '../util/xml.js';
import { blockCounts, type BlockResult, type RunOutcome } from './execute.js';
import type { RunPlan } from './plan.js';

/** A finished (or refused) run of one pattern. */
export interface PatternRun {
  plan: RunPlan;
  outcome: RunOutcome;
}

/** The plan in words: what will run, where, with which values — what `--dry-run` prints and what is confirmed. */
export function planText(plan: RunPlan): string {
  const lines: string[] = [];
  lines.push(`Plan for ${plan.pattern.title} (${plan.pattern.path})`);
  if (plan.optedOut) lines.push('  This pattern opts out of verification (front matter `verify`).');
  lines.push(`  Working folder: ${plan.inPlace ? `${plan.pattern.dir} (in place: the steps change it)` : `a scratch copy of ${plan.pattern.dir}, removed afterwards`}`);
  lines.push(
    `  Environment: ${plan.inheritEnv ? 'yours (--inherit-env)' : 'PATH, LANG, TERM'} and the parameters; ${plan.inheritEnv ? 'TMPDIR' : 'HOME and TMPDIR'} inside the scratch folder`,
  );
  lines.push(`  Time limits: ${plan.blockTimeoutMs / 1000} s per block, ${plan.totalTimeoutMs / 1000} s in all (Cleanup has its own)`);
  if (plan.tools.length) lines.push(`  Tools checked first: ${plan.tools.join(', ')}`);
  if (plan.parameters.length) {
    lines.push('  Parameters:');
    for (const p of plan.parameters) {
      const value = plan.resolved.values[p.name];
      const source = plan.resolved.sources[p.name];
      const shown = !p.env
        ? 'not passed (not a variable name)'
        : value !== undefined
          ? `${JSON.stringify(value)} (${source})`
          : p.required
            ? 'MISSING — required, give --param or --env-file'
            : 'not set (optional, no default)';
      lines.push(`    ${p.name} = ${shown}`);
    }
  }
  let n = 0;
  for (const phase of plan.phases) {
    const title = `${phase.spec.name}${phase.spec.role === 'cleanup' ? ' (always runs once a step has run)' : phase.spec.role === 'check' ? ' (checks)' : ''}`;
    if (phase.blocks.length === 0) {
      lines.push(`  ${title}: ${phase.headings.length ? 'no runnable block' : 'no such section'}`);
      continue;
    }
    lines.push(`  ${title}:`);
    for (const b of phase.blocks) {
      const flags = [
        b.options.templateSample ? 'template sample, not run' : b.options.skip && 'skip',
        b.options.expectFail && 'expect-fail',
        b.options.background && 'background',
        b.options.timeout !== undefined && `timeout=${b.options.timeout}`,
        b.options.cwd && `cwd=${b.options.cwd}`,
      ].filter(Boolean);
      lines.push(`    ${b.options.skip ? '-' : `${++n}.`} ${b.name} (line ${b.line}${flags.length ? `, ${flags.join(', ')}` : ''})`);
      for (const scriptLine of b.script.replace(/\n$/, '').split('\n')) lines.push(`         ${scriptLine}`);
    }
  }
  const samples = plan.phases.flatMap((p) => p.blocks).filter((b) => b.options.templateSample);
  if (samples.length) {
    lines.push(
      `  ${samples.length} block${samples.length === 1 ? ' still holds' : 's still hold'} the template's sample code (line${samples.length === 1 ? '' : 's'} ${samples.map((b) => b.line).join(', ')}): not run, so the run will be incomplete, not passed.`,
    );
  }
  for (const p of plan.problems) lines.push(`  Problem: ${plan.pattern.path}:${p.line}: ${p.message}`);
  return lines.join('\n');
}

const SYMBOL: Record<BlockResult['status'], string> = {
  passed: 'ok',
  failed: 'FAILED',
  'timed-out': 'TIMED OUT',
  interrupted: 'INTERRUPTED',
  skipped: 'skipped',
  placeholder: 'template sample, not run',
  'not-run': 'not run',
};

/** The final table: phase, step, status, time. */
export function outcomeTable(run: PatternRun): string {
  const rows = run.outcome.blocks.map((b) => [b.phase, b.name, SYMBOL[b.status] + (b.background ? ' (background)' : ''), ranIt(b) ? seconds(b.durationMs) : '']);
  return `${textTable(['Phase', 'Step', 'Status', 'Time'], rows, 3)}\n\n${verdict(run)}`;
}

/** `verify`'s closing table: a row per pattern with its status, blocks that passed, time and why it did not pass. */
export function verifySummary(runs: readonly PatternRun[]): string {
  const rows = runs.map(({ plan, outcome }) => {
    const counts = blockCounts(outcome.blocks);
    return [
      plan.pattern.slug,
      outcome.status,
      `${counts.passed}/${counts.total}`,
      `${(outcome.durationMs / 1000).toFixed(1)} s`,
      outcome.status === 'passed' ? '' : (outcome.reason ?? ''),
    ];
  });
  return textTable(['Pattern', 'Status', 'Blocks ok', 'Time', 'Why'], rows, 3);
}

/** Whether a block ran (started), whatever its result. */
function ranIt(b: BlockResult): boolean {
  return b.status !== 'skipped' && b.status !== 'placeholder' && b.status !== 'not-run';
}

/** An aligned plain-text table with a rule under its header; column `right` is right-aligned (times). */
function textTable(header: string[], rows: string[][], right: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === right ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function verdict(run: PatternRun): string {
  const { outcome, plan } = run;
  const what = `${plan.pattern.slug}:`;
  const cleanup = cleanupText(outcome);
  const after = cleanup ? ` ${cleanup}.` : '';
  if (outcome.status === 'passed') {
    const counts = blockCounts(outcome.blocks);
    return `${what} passed in ${seconds(outcome.durationMs)} (${counts.ran} block${counts.ran === 1 ? '' : 's'} ran${counts.skipped ? `, ${counts.skipped} marked {skip}` : ''}).${after}`;
  }
  if (outcome.status === 'not-run') return `${what} nothing ran — ${outcome.reason ?? 'no reason given'}.`;
  return `${what} ${outcome.status} — ${outcome.reason ?? ''}.${after}`;
}

/**
 * What happened to Cleanup, said exactly: it ran (how many blocks), it did
 * not because its block is still the template's sample or is marked
 * `{skip}`, there was nothing to clean up, or no step ran so none was needed.
 */
export function cleanupText(outcome: Pick<RunOutcome, 'cleanup' | 'blocks' | 'status'>): string | undefined {
  const c = outcome.cleanup;
  if (!c.due) return outcome.status === 'not-run' || outcome.status === 'incomplete' ? undefined : 'No step ran, so no Cleanup was needed';
  const lines = (status: BlockResult['status']) =>
    outcome.blocks
      .filter((b) => b.role === 'cleanup' && b.status === status)
      .map((b) => b.line)
      .join(', ');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (c.ran) {
    const notRun = [
      c.placeholders ? `${plural(c.placeholders, 'block')} still holding the template's sample code did not (line ${lines('placeholder')})` : '',
      c.skipped ? `${plural(c.skipped, 'block')} marked {skip} did not` : '',
    ].filter(Boolean);
    return `Cleanup ran (${plural(c.ran, 'block')})${notRun.length ? `; ${notRun.join(', ')}` : ''}`;
  }
  if (c.placeholders)
    return `Cleanup did not run: ${c.placeholders === 1 ? 'its block still holds' : 'its blocks still hold'} the template's sample code (line ${lines('placeholder')}), so nothing the steps made was cleaned up`;
  if (c.skipped) return `Cleanup did not run: ${c.skipped === 1 ? 'its block is' : 'its blocks are'} marked {skip}`;
  return 'Nothing to clean up: the pattern has no Cleanup block';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `--format json`: one object per pattern (the same shape as the result records, plus the plan's parameters). */
export function runsJson(runs: readonly PatternRun[]): string {
  return `${JSON.stringify(
    runs.map(({ plan, outcome }) => ({
      slug: plan.pattern.slug,
      file: plan.pattern.path,
      status: outcome.status,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      durationMs: Math.round(outcome.durationMs),
      blockCounts: blockCounts(outcome.blocks),
      cleanupRan: outcome.cleanup.ran > 0,
      cleanup: outcome.cleanup,
      parameters: plan.parameters.map((p) => ({
        name: p.name,
        required: p.required,
        ...(p.default !== undefined ? { default: p.default } : {}),
        ...(plan.resolved.sources[p.name] ? { source: plan.resolved.sources[p.name] } : {}),
      })),
      blocks: outcome.blocks.map((b) => ({ ...b, durationMs: Math.round(b.durationMs) })),
    })),
    null,
    2,
  )}\n`;
}

/**
 * `--format junit`: a test suite per pattern, a test case per block. A block
 * that still holds the template's sample code is an error (it could not be
 * tested), so an incomplete pattern does not show as green in CI.
 */
export function runsJunit(runs: readonly PatternRun[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = runs.flatMap((r) => r.outcome.blocks);
  const failed = (blocks: readonly BlockResult[]) => blocks.filter((b) => b.status === 'failed' || b.status === 'timed-out').length;
  const errored = (blocks: readonly BlockResult[]) => blocks.filter((b) => b.status === 'interrupted' || b.status === 'placeholder').length;
  const errors = errored(all) + runs.filter((r) => r.outcome.status === 'not-run' && !r.plan.optedOut).length;
  out.push(`<testsuites name="patternbook verify" tests="${all.length}" failures="${failed(all)}" errors="${errors}">`);
  for (const { plan, outcome } of runs) {
    const blocks = outcome.blocks;
    out.push(
      `  <testsuite name="${escapeAttribute(plan.pattern.slug)}" file="${escapeAttribute(plan.pattern.path)}" tests="${blocks.length}" failures="${failed(blocks)}" errors="${errored(blocks)}" skipped="${blocks.filter((b) => b.status === 'skipped' || b.status === 'not-run').length}" time="${(outcome.durationMs / 1000).toFixed(3)}">`,
    );
    if ((outcome.status === 'not-run' || outcome.status === 'incomplete') && outcome.reason) out.push(`    <system-out>${escapeText(outcome.reason)}</system-out>`);
    for (const b of blocks) {
      const attrs = `name="${escapeAttribute(b.name)}" classname="${escapeAttribute(`${plan.pattern.slug}.${b.phase}`)}" file="${escapeAttribute(plan.pattern.path)}" line="${b.line}" time="${(b.durationMs / 1000).toFixed(3)}"`;
      const tail = escapeText(b.outputTail.join('\n'));
      if (b.status === 'passed') out.push(`    <testcase ${attrs}/>`);
      else if (b.status === 'skipped' || b.status === 'not-run') out.push(`    <testcase ${attrs}><skipped message="${b.status}"/></testcase>`);
      else if (b.status === 'placeholder')
        out.push(
          `    <testcase ${attrs}><error message="template sample, not run">still the template's sample code: replace it with the pattern's real command</error></testcase>`,
        );
      else if (b.status === 'interrupted') out.push(`    <testcase ${attrs}><error message="interrupted">${tail}</error></testcase>`);
      else
        out.push(
          `    <testcase ${attrs}><failure message="${escapeAttribute(b.status === 'timed-out' ? 'timed out' : `exit ${b.exitCode ?? 'by signal'}`)}">${tail}</failure></testcase>`,
        );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
