import type { Diagnostic } from '../diagnostics.js';
import type { CodeBlock, Section } from '../markdown/types.js';
import { allBlocks } from '../template/lookup.js';
import { languageOf, parseRunAttributes, RUNNABLE_LANGUAGES, type BlockOptions } from '../markdown/run-attributes.js';
import type { PhaseRole } from './phases.js';

export interface RunBlock {
  /** The phase as configured (`Testing/Automated Testing`). */
  phase: string;
  role: PhaseRole;
  /** The heading the block sits under (`Step 1: Install`), the phase's own heading for a block directly in it. */
  step: string;
  /** `{name=…}`, else the step and, when it has several blocks, the block's number in it. */
  name: string;
  /** The shell script that runs (for `console`: the `$ ` lines). */
  script: string;
  lang: string;
  options: BlockOptions;
  /** 1-based line of the opening fence. */
  line: number;
}

/**
 * The runnable blocks of one phase's sections, in document order, each named
 * after the sub-section it sits in. Unknown or malformed attributes become
 * diagnostics; the block still runs with the attributes that were understood.
 */
export function phaseBlocks(
  sections: readonly Section[],
  phase: string,
  role: PhaseRole,
  file: string,
  problems: Diagnostic[],
  samples: ReadonlySet<string> = new Set(),
): RunBlock[] {
  const found: { code: CodeBlock; step: string }[] = [];
  const walk = (section: Section) => {
    for (const block of allBlocks(section.blocks)) if (block.kind === 'code') found.push({ code: block.code, step: section.title });
    for (const child of section.children) walk(child);
  };
  for (const section of sections) walk(section);

  const runnable = found.filter(({ code }) => code.fenced && RUNNABLE_LANGUAGES.has(languageOf(code.info)));
  const perStep = new Map<string, number>();
  for (const { step } of runnable) perStep.set(step, (perStep.get(step) ?? 0) + 1);
  const seen = new Map<string, number>();
  return runnable.map(({ code, step }) => {
    const lang = languageOf(code.info);
    const options = parseAttributes(code.info, file, code.range.start.line, problems);
    if (samples.has(sampleKey(code.content))) {
      options.skip = true;
      options.templateSample = true;
    }
    const n = (seen.get(step) ?? 0) + 1;
    seen.set(step, n);
    const script = lang === 'console' ? consoleCommands(code.content) : code.content;
    return {
      phase,
      role,
      step,
      name: options.name ?? (perStep.get(step)! > 1 ? `${step} (${n})` : step),
      script,
      lang,
      options,
      line: code.range.start.line,
    };
  });
}

/** Code compared with the template's samples: trimmed, spacing at line ends ignored. */
export function sampleKey(content: string): string {
  return content
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

/** The block's attributes; each problem becomes a diagnostic at its line (rule id `run-attribute`). */
export function parseAttributes(info: string, file: string, line: number, problems: Diagnostic[]): BlockOptions {
  const parsed = parseRunAttributes(info);
  for (const message of parsed.problems) problems.push({ path: file, line, column: 1, severity: 'error', ruleId: 'run-attribute', message });
  return parsed.options;
}

/**
 * The commands of a `console` block: `$ ` lines, with their `\` continuation
 * lines; everything else is output shown to the reader.
 */
export function consoleCommands(content: string): string {
  const out: string[] = [];
  let continuing = false;
  for (const line of content.split('\n')) {
    if (continuing) {
      out.push(line);
      continuing = line.endsWith('\\');
      continue;
    }
    const m = /^\s*\$ (.*)$/.exec(line);
    if (!m) continue;
    out.push(m[1]!);
    continuing = m[1]!.endsWith('\\');
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
