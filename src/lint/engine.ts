import path from 'node:path';
import type { Catalog, Pattern } from '../catalog/types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { matchOutline, type OutlineMatch } from '../template/match-outline.js';
import { CatalogIndex } from './catalog-index.js';
import { disabledRules } from './disable-comments.js';
import { timed } from './timing.js';
import type { LintFlags, Report, RuleContext } from './rule.js';
import { RuleSettings, type ActiveRule, type AnyRule } from './rule-settings.js';
import type { LintFileResult, RuleInfo } from './result.js';

export interface LintCatalogOptions {
  registry: readonly AnyRule[];
  /** Lint only these files (absolute paths); default every pattern. */
  files?: ReadonlySet<string>;
  /** Run only these rule ids (the docs examples use one rule at a time). */
  only?: readonly string[];
  /** Base of the docs URL stamped on each diagnostic (`…/docs/rules/<id>.md`). */
  docsBase?: string;
  flags?: Partial<LintFlags>;
}

export interface LintCatalogResult {
  results: LintFileResult[];
  rules: RuleInfo[];
}

/** What one run shares between its two phases. */
export interface LintRun {
  catalog: Catalog;
  index: CatalogIndex;
  settings: RuleSettings;
  only?: readonly string[];
  docsBase?: string;
  flags: LintFlags;
}

export function createRun(catalog: Catalog, options: LintCatalogOptions): LintRun {
  return {
    catalog,
    index: new CatalogIndex(catalog),
    settings: new RuleSettings(options.registry, catalog.config),
    ...(options.only ? { only: options.only } : {}),
    ...(options.docsBase ? { docsBase: options.docsBase } : {}),
    flags: { external: false, now: new Date(), ...options.flags },
  };
}

/**
 * Lints a catalog held in memory. Rules only report; the engine stamps rule
 * id, severity and docs URL, keeps positions inside the file, honours inline
 * disable comments, and turns a rule that throws into a diagnostic on that
 * file while the run goes on.
 *
 * Two phases: `file` rules (and the `collect` step of `catalog` rules) run on
 * each pattern; `catalog` rules run once every pattern is known. Large
 * catalogs run the first phase in worker threads (see parallel.ts) with the
 * same functions, so both ways give the same diagnostics.
 */
export async function lintCatalog(catalog: Catalog, options: LintCatalogOptions): Promise<LintCatalogResult> {
  const run = createRun(catalog, options);
  const selected = (p: { file: string }) => !options.files || options.files.has(p.file);
  const byFile = new Map<string, Diagnostic[]>();
  for (const pattern of catalog.patterns) {
    const { diagnostics, collected } = await checkFile(run, pattern, selected(pattern));
    run.index.collectedData.set(pattern.file, collected);
    if (selected(pattern)) byFile.set(pattern.file, diagnostics);
  }
  for (const pattern of catalog.patterns) {
    if (selected(pattern)) byFile.get(pattern.file)!.push(...(await checkCatalogRules(run, pattern)));
  }
  const results = catalog.patterns
    .filter(selected)
    .map((p) => fileResult(p.path, p.file, byFile.get(p.file)!.sort(compareDiagnostics), p.slug, p.document.source));
  return { results: withLoadProblems(results, catalog, options.files), rules: rulesThatRan(run, catalog.patterns.filter(selected)) };
}

/** Phase one on a loaded pattern: its `file` rules (when it is to be reported) and every `collect`. */
export async function checkFile(run: LintRun, pattern: Pattern, report = true): Promise<{ diagnostics: Diagnostic[]; collected: Record<string, unknown> }> {
  const active = activeRules(run, pattern);
  const diagnostics: Diagnostic[] = [];
  const collected: Record<string, unknown> = {};
  const context = contextFor(run, pattern, diagnostics);
  for (const entry of active) {
    const { rule } = entry;
    if ((rule.meta.scope ?? 'file') === 'file') {
      if (report) await guarded(pattern, rule, diagnostics, () => rule.check(context(entry)));
    } else if (rule.collect) {
      await guarded(pattern, rule, diagnostics, () => {
        collected[rule.meta.id] = rule.collect!(context(entry));
      });
    }
  }
  return { diagnostics, collected };
}

/** Phase two: the `catalog` rules of one pattern, once every pattern is known. */
export async function checkCatalogRules(run: LintRun, pattern: Pattern): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const context = contextFor(run, pattern, diagnostics);
  for (const entry of activeRules(run, pattern)) {
    const { rule } = entry;
    if ((rule.meta.scope ?? 'file') === 'catalog') await guarded(pattern, rule, diagnostics, () => rule.check(context(entry)));
  }
  return diagnostics;
}

function activeRules(run: LintRun, pattern: Pattern): ActiveRule[] {
  const active = run.settings.forFile(pattern.path);
  return run.only ? active.filter((a) => run.only!.includes(a.rule.meta.id)) : active;
}

/** A context factory per pattern: reports are stamped and checked; the outline is worked out once, when a rule asks. */
function contextFor(run: LintRun, pattern: Pattern, diagnostics: Diagnostic[]): (entry: ActiveRule) => RuleContext<unknown> {
  const doc = pattern.document;
  const scope = new PatternScope(run, pattern);
  return ({ rule, severity, options }) => {
    const id = rule.meta.id;
    const report = (r: Report): void => {
      const start = r.range?.start ?? doc.lines.point(r.line ?? 1, r.column ?? 1);
      // A report without a range covers the rest of its line, so every diagnostic has an end.
      const end = r.range?.end ?? doc.lines.pointAt(Math.max(doc.lines.lineEnd(start.line), start.offset));
      if (scope.isDisabled(id, start.line)) return;
      diagnostics.push({
        file: pattern.path,
        // Positions are clamped to the file: a rule can never point outside it.
        line: Math.min(Math.max(start.line, 1), doc.lines.lineCount),
        column: Math.max(start.column, 1),
        endLine: Math.min(end.line, doc.lines.lineCount),
        endColumn: Math.max(end.column, 1),
        ruleId: id,
        severity,
        message: r.message,
        ...(run.docsBase ? { url: `${run.docsBase}${id}.md` } : {}),
        ...(r.expected !== undefined ? { expected: r.expected } : {}),
        ...(r.actual !== undefined ? { actual: r.actual } : {}),
        ...(r.fix && rule.meta.fixable && validFix(r.fix.range, doc.source.length) ? { fix: r.fix } : {}),
      });
    };
    return new Context(scope, options, report);
  };
}

/** What the rules of one pattern share: the outline and the disable comments, each worked out on first use. */
class PatternScope {
  private outlineMatch: OutlineMatch | undefined;
  private disabled: ((ruleId: string, line: number) => boolean) | undefined;

  constructor(
    readonly run: LintRun,
    readonly pattern: Pattern,
  ) {}

  outline(): OutlineMatch {
    this.outlineMatch ??= timed('(outline)', () => matchOutline(this.run.catalog.template.sections, this.pattern.document.sections));
    return this.outlineMatch;
  }

  isDisabled(ruleId: string, line: number): boolean {
    this.disabled ??= disabledRules(this.pattern.document.source);
    return this.disabled(ruleId, line);
  }
}

/**
 * A rule's context. A class on purpose: a getter written in an object literal
 * gives each literal its own hidden class, which lives in the old generation
 * and keeps the getter's closure — and through it the whole parsed file —
 * alive until the next full collection (measured: about 45 MB more heap on
 * 1,000 files). A prototype getter has none of that.
 */
class Context implements RuleContext<unknown> {
  readonly pattern: Pattern;
  readonly catalog: Catalog;
  readonly template: Catalog['template'];
  readonly index: CatalogIndex;
  readonly flags: LintFlags;

  constructor(
    private readonly scope: PatternScope,
    readonly options: unknown,
    readonly report: (r: Report) => void,
  ) {
    this.pattern = scope.pattern;
    this.catalog = scope.run.catalog;
    this.template = scope.run.catalog.template;
    this.index = scope.run.index;
    this.flags = scope.run.flags;
  }

  get outline(): OutlineMatch {
    return this.scope.outline();
  }
}

async function guarded(pattern: Pattern, rule: AnyRule, diagnostics: Diagnostic[], work: () => unknown): Promise<void> {
  try {
    await timed(rule.meta.id, work);
  } catch (err) {
    diagnostics.push({
      file: pattern.path,
      line: 1,
      column: 1,
      ruleId: 'internal',
      severity: 'error',
      message: `Rule \`${rule.meta.id}\` crashed on this file (${(err as Error)?.message ?? String(err)}); the other rules still ran. Please report this.`,
    });
  }
}

/** Files that could not be loaded (and catalog-level warnings) are results too. */
export function withLoadProblems(results: LintFileResult[], catalog: Catalog, files?: ReadonlySet<string>): LintFileResult[] {
  const loadProblems = new Map<string, Diagnostic[]>();
  for (const d of catalog.diagnostics) {
    if (files && !files.has(path.join(catalog.root, d.file))) continue;
    loadProblems.set(d.file, [...(loadProblems.get(d.file) ?? []), d]);
  }
  for (const [file, diagnostics] of loadProblems) results.push(fileResult(file, path.join(catalog.root, file), diagnostics));
  return results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every rule that ran on at least one of the patterns, sorted by id. */
export function rulesThatRan(run: LintRun, patterns: readonly Pattern[]): RuleInfo[] {
  const ran = new Map<string, ActiveRule>();
  for (const pattern of patterns) for (const a of activeRules(run, pattern)) ran.set(a.rule.meta.id, a);
  return [...ran.values()]
    .map(({ rule, severity }) => ({
      id: rule.meta.id,
      description: rule.meta.description,
      severity,
      fixable: rule.meta.fixable,
      ...(run.docsBase ? { url: `${run.docsBase}${rule.meta.id}.md` } : {}),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function validFix(range: [number, number], length: number): boolean {
  return Number.isInteger(range[0]) && Number.isInteger(range[1]) && range[0] >= 0 && range[0] <= range[1] && range[1] <= length;
}

export function fileResult(file: string, absolutePath: string, diagnostics: Diagnostic[], slug?: string, source?: string): LintFileResult {
  return {
    file,
    absolutePath,
    ...(slug ? { slug } : {}),
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    fixableCount: diagnostics.filter((d) => d.fix).length,
    ...(source !== undefined ? { source } : {}),
  };
}
