import type { Diagnostic } from '../diagnostics.js';
import type { Block, CodeBlock, Section } from '../markdown/types.js';
import type { PhaseRole } from './phases.js';

/** Fenced languages that run; in `console` only the `$ ` lines do. */
export const RUNNABLE_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console']);

export interface BlockOptions {
  /** `{skip}`: shown in the plan, never run. */
  skip: boolean;
  /** `{expect-fail}`: the block passes when its script fails. */
  expectFail: boolean;
  /** `{timeout=60}`: seconds. */
  timeout?: number;
  /** `{background}`: a server later steps talk to; left running, stopped when the run ends. */
  background: boolean;
  /** `{cwd=path}`: folder to run in, relative to the working folder (it may not leave it). */
  cwd?: string;
  /** `{name=…}`: what the output and the results call it. */
  name?: string;
  /** The block is the template's sample, unchanged (`command --option value`): never run, like `{skip}`. */
  templateSample?: boolean;
}

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
export function phaseBlocks(sections: readonly Section[], phase: string, role: PhaseRole, file: string, problems: Diagnostic[], samples: ReadonlySet<string> = new Set()): RunBlock[] {
  const found: { code: CodeBlock; step: string }[] = [];
  const walk = (section: Section) => {
    for (const block of flatten(section.blocks)) if (block.kind === 'code') found.push({ code: block.code, step: section.title });
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

function flatten(blocks: readonly Block[], into: Block[] = []): Block[] {
  for (const b of blocks) {
    into.push(b);
    if (b.kind === 'list') for (const item of b.items) flatten(item.blocks, into);
    else if (b.kind === 'blockquote') flatten(b.blocks, into);
  }
  return into;
}

/** `bash {skip}` and `bash{skip}` are both bash. */
function languageOf(info: string): string {
  return (/^[^\s{]*/.exec(info.trim())?.[0] ?? '').toLowerCase();
}

/**
 * The info string's attributes: `{skip}`, `{timeout=60 name="Start the API"}`,
 * several braces or one, separated by spaces or commas.
 */
export function parseAttributes(info: string, file: string, line: number, problems: Diagnostic[]): BlockOptions {
  const options: BlockOptions = { skip: false, expectFail: false, background: false };
  const problem = (message: string) => problems.push({ file, line, column: 1, severity: 'error', ruleId: 'run-attribute', message });
  const groups = [...info.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  for (const group of groups) {
    for (const m of group.matchAll(/([A-Za-z][\w-]*)(?:\s*=\s*("([^"]*)"|'([^']*)'|[^\s,]*))?/g)) {
      const key = m[1]!.toLowerCase();
      const value = m[3] ?? m[4] ?? m[2];
      switch (key) {
        case 'skip':
          options.skip = true;
          break;
        case 'expect-fail':
        case 'expectfail':
          options.expectFail = true;
          break;
        case 'background':
          options.background = true;
          break;
        case 'timeout': {
          const seconds = Number(value);
          if (value && Number.isFinite(seconds) && seconds > 0) options.timeout = seconds;
          else problem(`{timeout=${value ?? ''}}: expected a number of seconds, such as {timeout=60}.`);
          break;
        }
        case 'cwd':
          if (value) options.cwd = value;
          else problem('{cwd}: expected a folder, such as {cwd=app}.');
          break;
        case 'name':
          if (value) options.name = value;
          else problem('{name}: expected a name, such as {name="Start the server"}.');
          break;
        default:
          problem(`Unknown block attribute {${m[0]}}: known ones are skip, expect-fail, timeout=N, background, cwd=path, name=….`);
      }
    }
  }
  if (options.background && options.expectFail) problem('{background} and {expect-fail} do not go together: a background block is stopped, not awaited.');
  return options;
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
