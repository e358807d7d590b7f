import { displayTitle } from '../catalog/view.js';
import path from 'node:path';
import type { Pattern } from '../catalog/types.js';
import type { CatalogConfig } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics.js';
import { matchOutline } from '../template/match-outline.js';
import type { TemplateSchema } from '../template/types.js';
import { phaseBlocks, sampleKey, type RunBlock } from './blocks.js';
import { patternParameters, type Parameter } from '../template/parameters.js';
import { resolveParameters, type ResolvedParameters } from './parameters.js';
import { phaseSpecs, sectionsForPhase, type PhaseSpec } from './phases.js';
import { commandsOf } from './tools.js';

export const DEFAULT_BLOCK_TIMEOUT_S = 300;
export const DEFAULT_TOTAL_TIMEOUT_S = 1800;

export interface PlanOptions {
  /** `--param KEY=VALUE` values. */
  param?: Record<string, string>;
  /** Values read from `--env-file`. */
  envFile?: Record<string, string>;
  /** `--inherit-env`: the caller's environment is passed to the steps. */
  inheritEnv?: boolean;
  /** The caller's environment (PATH, LANG and TERM are always taken from it). */
  callerEnv?: Record<string, string | undefined>;
  /** `--in-place`: run in the pattern's folder instead of a scratch copy. */
  inPlace?: boolean;
  /** Seconds per block (default: `run.blockTimeout`, else 300). */
  blockTimeout?: number;
  /** Seconds for the whole run, Cleanup excluded (default: `run.timeout`, else 1800). */
  timeout?: number;
}

export interface PlannedPhase {
  spec: PhaseSpec;
  /** Headings of the pattern's sections the phase found (none: the pattern does not have it). */
  headings: string[];
  blocks: RunBlock[];
}

export interface RunPlan {
  pattern: { slug: string; file: string; path: string; dir: string; title: string };
  /** `verify: false` in front matter (or not `verify: true` when the catalog opts in). */
  optedOut: boolean;
  phases: PlannedPhase[];
  parameters: Parameter[];
  resolved: ResolvedParameters;
  /** Programs the blocks that will run call, checked with `command -v` before anything runs. */
  tools: string[];
  /** The environment every block gets (parameters included). HOME and TMPDIR are added when the run starts. */
  env: Record<string, string>;
  inheritEnv: boolean;
  inPlace: boolean;
  blockTimeoutMs: number;
  totalTimeoutMs: number;
  /** Problems that stop the run before anything executes (a malformed attribute). */
  problems: Diagnostic[];
}

/**
 * Everything a run will do, worked out from the pattern alone: the phases
 * and their blocks, the parameters and their values, the tools the blocks
 * call. Nothing is executed and nothing is written.
 */
export function planRun(pattern: Pattern, template: TemplateSchema, config: CatalogConfig, options: PlanOptions = {}): RunPlan {
  const problems: Diagnostic[] = [];
  // A block still holding the template's sample code is a placeholder, not a step: it never runs.
  const samples = new Set(template.document.codeBlocks.map((c) => sampleKey(c.content)).filter(Boolean));
  const phases = phaseSpecs(config).map((spec): PlannedPhase => {
    const sections = sectionsForPhase(pattern.document.sections, spec, config);
    return { spec, headings: sections.map((s) => s.title), blocks: phaseBlocks(sections, spec.name, spec.role, pattern.path, problems, samples) };
  });
  for (const block of phases.flatMap((p) => p.blocks)) {
    const cwd = block.options.cwd;
    if (cwd !== undefined && (path.isAbsolute(cwd) || path.relative(pattern.dir, path.resolve(pattern.dir, cwd)).startsWith('..'))) {
      problems.push({
        path: pattern.path,
        line: block.line,
        column: 1,
        severity: 'error',
        ruleId: 'run-attribute',
        message: `{cwd=${cwd}} leaves the pattern's folder: give a folder inside it.`,
      });
    }
  }
  const outline = matchOutline(template.sections, pattern.document.sections);
  const parameters = patternParameters(pattern, template, outline);
  const caller = options.callerEnv ?? process.env;
  const resolved = resolveParameters(parameters, {
    ...(options.param ? { param: options.param } : {}),
    ...(options.envFile ? { envFile: options.envFile } : {}),
    ...(options.inheritEnv ? { inherited: caller } : {}),
  });
  const base: Record<string, string> = options.inheritEnv
    ? Object.fromEntries(Object.entries(caller).filter((e): e is [string, string] => e[1] !== undefined))
    : { PATH: caller.PATH ?? '/usr/local/bin:/usr/bin:/bin', LANG: caller.LANG ?? 'C.UTF-8', TERM: caller.TERM ?? 'dumb' };
  const tools: string[] = [];
  for (const block of phases.flatMap((p) => p.blocks)) {
    if (block.options.skip) continue;
    for (const tool of commandsOf(block.script)) if (!tools.includes(tool)) tools.push(tool);
  }
  const verify = pattern.frontMatter.verify;
  const optedOut = config.run.optIn ? verify !== true : verify === false;
  return {
    pattern: { slug: pattern.slug, file: pattern.file, path: pattern.path, dir: pattern.dir, title: displayTitle(pattern) },
    optedOut,
    phases,
    parameters,
    resolved,
    tools,
    env: { ...base, ...resolved.values },
    inheritEnv: Boolean(options.inheritEnv),
    inPlace: Boolean(options.inPlace),
    blockTimeoutMs: (options.blockTimeout ?? config.run.blockTimeout ?? DEFAULT_BLOCK_TIMEOUT_S) * 1000,
    totalTimeoutMs: (options.timeout ?? config.run.timeout ?? DEFAULT_TOTAL_TIMEOUT_S) * 1000,
    problems,
  };
}

/** Blocks that would run: not skipped. */
export function runnableBlocks(plan: RunPlan): RunBlock[] {
  return plan.phases.flatMap((p) => p.blocks).filter((b) => !b.options.skip);
}

/** Whether the plan has any step to run (checks alone prove nothing about the pattern). */
export function hasSteps(plan: RunPlan): boolean {
  return runnableBlocks(plan).some((b) => b.role === 'steps');
}

/** Blocks that still hold the template's sample code: never run, and the pattern is not verified while they remain. */
export function placeholderBlocks(plan: RunPlan): RunBlock[] {
  return plan.phases.flatMap((p) => p.blocks).filter((b) => b.options.templateSample);
}
