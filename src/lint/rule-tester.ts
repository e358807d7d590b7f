/**
 * Tests for lint rules, in the spirit of ESLint's RuleTester: `valid` and
 * `invalid` cases, each a pattern's Markdown text, with the exact errors an
 * invalid case must report and the text its fixes must give.
 *
 * Each case is a real catalog in a temporary folder (the pattern, the
 * template, the configuration and any other files the case names), linted by
 * the engine itself (`loadCatalog` + `lintCatalog`, in its strict mode) with
 * this one rule, and removed afterwards. What the engine would otherwise
 * correct quietly fails the case: a fix from a rule not marked `fixable`, a
 * fix or a line outside the file, fixes that overlap, a fix that drops a line
 * of the author's text, a rule that throws. The fixed text is linted again
 * and must no longer report what was fixed.
 */
import { AssertionError } from 'node:assert';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { Diagnostic } from '../diagnostics.js';
import { variantKey } from '../template/heading-variants.js';
import { applyEdits, lostLines } from '../util/text-edits.js';
import { lintCatalog } from './engine.js';
import { registry as builtInRules } from './registry.js';
import type { LintFlags } from './rule.js';
import type { AnyRule } from './rule-settings.js';

/** What every case of a rule may set; the suite gives defaults for all its cases. */
export interface RuleTestSettings {
  /** The template's text (default: the built-in template). */
  template?: string;
  /** Configuration (as in `patternbook.config.json`), e.g. `sections`, `placeholders`, `overrides`. */
  config?: Record<string, unknown>;
  /** Other files of the catalog (path relative to the root → text): other patterns, images, scripts. */
  files?: Record<string, string>;
  /** The rule's options: the configuration's `rules.<id>` becomes `[<the rule's severity>, options]`. */
  options?: unknown;
  /** Switches of the run, e.g. `now` for date checks. */
  flags?: Partial<LintFlags>;
}

export interface RuleCase extends RuleTestSettings {
  /** Shown in the test's name (default: the case's first line). */
  name?: string;
  /** The pattern's Markdown text. */
  text: string;
  /** Where the pattern lives, relative to the catalog root (default `example/README.md`). */
  path?: string;
}

/** One error an invalid case must report: exact message and position, and whatever else is given. */
export interface ExpectedError {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: 'error' | 'warning';
  expected?: string;
  actual?: string;
}

export interface InvalidRuleCase extends RuleCase {
  /** Every error the rule reports on the pattern, in order (line, then column). */
  errors: ExpectedError[];
  /**
   * The text once the rule's fixes are applied (all of them, in one pass, as
   * `lint --fix` does first). Absent or `null`: the rule must offer no fix.
   */
  output?: string | null;
}

export interface RuleTests extends Omit<RuleTestSettings, 'options'> {
  /** Patterns the rule reports nothing on: their text, or a case. */
  valid: (string | RuleCase)[];
  invalid: InvalidRuleCase[];
}

/** `describe` and `it` of a test framework: vitest, node:test, Jest and Mocha all fit. */
export interface TestFramework {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

/**
 * Registers one test per case, under `describe(<rule id>)`, with the given
 * framework's `describe` and `it` (`import { describe, it } from 'vitest'`,
 * or `'node:test'`), else the global ones (Jest, Mocha, vitest with
 * `globals: true`). Without a framework, call `checkRule` in a test of your own.
 */
export function testRule(rule: AnyRule, tests: RuleTests, framework: TestFramework | undefined = globalFramework()): void {
  if (!framework) {
    throw new Error(
      'testRule needs a test framework: pass `{ describe, it }` as its third argument (from vitest, node:test, Jest or Mocha), or call `await checkRule(rule, tests)` inside a test of your own.',
    );
  }
  const { describe, it } = framework;
  describe(rule.meta.id, () => {
    if (tests.valid.length > 0) {
      describe('valid', () => {
        tests.valid.forEach((c, i) => it(caseName(validCase(c), i), () => checkCase(rule, tests, validCase(c), 'valid')));
      });
    }
    if (tests.invalid.length > 0) {
      describe('invalid', () => {
        tests.invalid.forEach((c, i) => it(caseName(c, i), () => checkCase(rule, tests, c, 'invalid')));
      });
    }
  });
}

/**
 * Runs every case without a framework; rejects with one error naming each
 * failing case and what went wrong.
 */
export async function checkRule(rule: AnyRule, tests: RuleTests): Promise<void> {
  const failures: string[] = [];
  const run = async (kind: 'valid' | 'invalid', c: RuleCase | InvalidRuleCase, i: number) => {
    try {
      await checkCase(rule, tests, c, kind);
    } catch (err) {
      failures.push(`${kind} ${caseName(c, i)}: ${(err as Error).message}`);
    }
  };
  for (const [i, c] of tests.valid.entries()) await run('valid', validCase(c), i);
  for (const [i, c] of tests.invalid.entries()) await run('invalid', c, i);
  if (failures.length > 0) throw new AssertionError({ message: `${rule.meta.id}: ${failures.length} case(s) failed\n\n${failures.join('\n\n')}` });
}

/** Checks one case: throws an `AssertionError` saying what differs. */
export async function checkCase(rule: AnyRule, tests: RuleTests, c: RuleCase | InvalidRuleCase, kind: 'valid' | 'invalid'): Promise<void> {
  const expected = kind === 'invalid' ? (c as InvalidRuleCase).errors : [];
  if (kind === 'invalid' && expected.length === 0) fail('an invalid case lists the errors it must report (`errors` is empty).');
  const output = kind === 'invalid' ? (c as InvalidRuleCase).output : undefined;

  const catalog = await CaseCatalog.create(rule, tests, c);
  try {
    const first = await catalog.lint();
    const shown = first.mine.map(show);
    if (kind === 'valid') {
      if (first.mine.length > 0) fail(`the rule reported ${first.mine.length} error(s) on a valid case:\n${shown.join('\n')}`, shown, []);
      return;
    }
    const projected = first.mine.map((d, i) => project(d, expected[i]));
    if (!sameErrors(projected, expected)) {
      fail(`the reported errors are not \`errors\` (${expected.length} expected, ${first.mine.length} reported):\n${shown.join('\n') || '(none)'}`, projected, expected);
    }

    const fixes = first.mine.flatMap((d) => (d.fix ? [d.fix] : []));
    if (output === undefined || output === null) {
      if (fixes.length > 0) fail(`the rule offered ${fixes.length} fix(es); give the fixed text as \`output\` (or fix nothing).`);
      return;
    }
    if (fixes.length === 0) fail('`output` is given but the rule offered no fix.');
    // As `lint --fix` writes them: offsets count after a byte-order mark, fix text takes the file's own line breaks.
    const bom = c.text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const source = c.text.slice(bom.length);
    const eol = /\r\n|\r|\n/.exec(source)?.[0] ?? '\n';
    const applied = applyEdits(
      source,
      fixes.map((f) => ({ ...f, text: f.text.replace(/\r\n?/g, '\n').replace(/\n/g, eol) })),
    );
    if (applied.skipped > 0) fail(`${applied.skipped} of the rule's ${fixes.length} fixes overlap another fix: each fix must touch its own part of the file.`);
    if (applied.output === source) fail('the fixes leave the text as it was.');
    const lost = lostLines(source, applied.output, variantKey);
    if (lost.length > 0) fail(`the fixes drop the author's line ${JSON.stringify(lost[0])}: \`lint --fix\` refuses such a fix.`);
    const fixed = bom + applied.output;
    if (fixed !== output) fail('the fixed text is not `output`.', fixed, output);

    // Linted again, the fixed text no longer has the problems that were fixed.
    const second = await catalog.lint(fixed);
    const fixedMessages = new Set(first.mine.filter((d) => d.fix).map((d) => d.message));
    const again = second.mine.filter((d) => fixedMessages.has(d.message)).map(show);
    if (again.length > 0) fail(`the fixed text still has what was fixed:\n${again.join('\n')}`);
  } finally {
    await catalog.remove();
  }
}

/** One case as a catalog on disk. */
class CaseCatalog {
  private constructor(
    private readonly rule: AnyRule,
    private readonly root: string,
    private readonly file: string,
    private readonly flags: Partial<LintFlags>,
  ) {}

  static async create(rule: AnyRule, tests: RuleTests, c: RuleCase): Promise<CaseCatalog> {
    const file = c.path ?? 'example/README.md';
    const files: Record<string, string> = { ...tests.files, ...c.files };
    if (file in files) fail(`\`files\` also holds the case's own path \`${file}\`.`);
    files[file] = c.text;
    const config: Record<string, unknown> = { ...tests.config, ...c.config };
    const template = c.template ?? tests.template;
    if (template !== undefined) {
      files['templates/pattern.md'] = template;
      config.template = 'templates/pattern.md';
    }
    if (c.options !== undefined) {
      const rules = (config.rules ?? {}) as Record<string, unknown>;
      config.rules = { ...rules, [rule.meta.id]: [rule.meta.severity === 'warning' ? 'warn' : 'error', c.options] };
    }
    if (Object.keys(config).length > 0) files['patternbook.config.json'] = JSON.stringify(config, null, 2);

    const root = await mkdtemp(path.join(tmpdir(), 'patternbook-rule-test-'));
    try {
      for (const [rel, text] of Object.entries(files)) {
        const at = path.join(root, rel);
        await mkdir(path.dirname(at), { recursive: true });
        await writeFile(at, text);
      }
    } catch (err) {
      await rm(root, { recursive: true, force: true });
      throw err;
    }
    return new CaseCatalog(rule, root, file, { ...tests.flags, ...c.flags });
  }

  /** Lints the catalog (with the case's file rewritten to `text` first): the rule's diagnostics on the case's file. */
  async lint(text?: string): Promise<{ mine: Diagnostic[] }> {
    if (text !== undefined) await writeFile(path.join(this.root, this.file), text);
    const id = this.rule.meta.id;
    // The built-in rules stay in the registry (the configuration may name them); only this one runs.
    const registry = [...builtInRules.filter((r) => r.meta.id !== id), this.rule];
    const catalog = await loadCatalog({ root: this.root });
    const { results } = await lintCatalog(catalog, { registry, only: [id], strict: true, flags: this.flags });
    const all = results.flatMap((r) => r.diagnostics);
    const broken = all.filter((d) => d.ruleId === 'internal' || (d.fatal && d.path === this.file)).map((d) => `${d.path}:${show(d)}`);
    if (broken.length > 0) fail(`the run went wrong:\n${broken.join('\n')}`);
    const ran = results.some((r) => r.path === this.file);
    if (!ran) fail(`\`${this.file}\` was not linted: is it a pattern file of the catalog (\`patterns\`, \`exclude\`)?`);
    return { mine: all.filter((d) => d.path === this.file && d.ruleId === id) };
  }

  remove(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }
}

function validCase(c: string | RuleCase): RuleCase {
  return typeof c === 'string' ? { text: c } : c;
}

function caseName(c: RuleCase, i: number): string {
  const first = c.text.split(/\r\n|\r|\n/).find((l) => l.trim()) ?? '(empty)';
  return `#${i + 1} ${c.name ?? first.trim().slice(0, 60)}`;
}

function show(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.message}`;
}

/** A diagnostic with the fields an expected error checks: message and position, and the others it gives. */
function project(d: Diagnostic, like: ExpectedError | undefined): ExpectedError {
  const out: ExpectedError = { message: d.message, line: d.line, column: d.column };
  for (const key of ['endLine', 'endColumn', 'severity', 'expected', 'actual'] as const) {
    if (like?.[key] !== undefined) Object.assign(out, { [key]: d[key] });
  }
  return out;
}

function sameErrors(actual: ExpectedError[], expected: ExpectedError[]): boolean {
  const key = (e: ExpectedError) => JSON.stringify([e.message, e.line, e.column, e.endLine, e.endColumn, e.severity, e.expected, e.actual]);
  return actual.length === expected.length && actual.every((a, i) => key(a) === key(expected[i]!));
}

/** An assertion error; with `actual` and `expected` when there is something to compare (test runners show the diff). */
function fail(message: string, ...compared: [actual: unknown, expected: unknown] | []): never {
  if (compared.length === 0) throw new AssertionError({ message });
  const error = new AssertionError({ actual: compared[0], expected: compared[1], operator: 'deepStrictEqual' });
  // Our own words only: Node would add its diff to the message, and test runners show one already.
  error.message = message;
  throw error;
}

function globalFramework(): TestFramework | undefined {
  const g = globalThis as { describe?: TestFramework['describe']; it?: TestFramework['it'] };
  return typeof g.describe === 'function' && typeof g.it === 'function' ? { describe: g.describe, it: g.it } : undefined;
}
