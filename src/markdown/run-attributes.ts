/**
 * The run attributes of a fenced code block's info string, the grammar
 * `patternbook run` follows and the `code-block` lint rule checks:
 * ```` ```bash {timeout=60 name="Start the API"} ````.
 */

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

/** `bash {skip}` and `bash{skip}` are both bash. */
export function languageOf(info: string): string {
  return (/^[^\s{]*/.exec(info.trim())?.[0] ?? '').toLowerCase();
}

/**
 * The info string's attributes: `{skip}`, `{timeout=60 name="Start the API"}`,
 * several braces or one, separated by spaces or commas.
 */
export function parseRunAttributes(info: string): { options: BlockOptions; problems: string[] } {
  const options: BlockOptions = { skip: false, expectFail: false, background: false };
  const problems: string[] = [];
  const problem = (message: string) => problems.push(message);
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
  return { options, problems };
}
