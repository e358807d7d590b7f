import path from 'node:path';
import { CatalogIndex } from '../catalog/catalog-index.js';
import { CatalogFiles } from '../catalog/files.js';
import { isInactive } from '../catalog/status.js';
import type { Catalog, CatalogSettings, LightCatalog, Pattern, PatternView } from '../catalog/types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { LineIndex } from '../markdown/lines.js';
import { matchOutline, type OutlineMatch } from '../template/match-outline.js';
import { disabledRules, generatedRegions } from './disable-comments.js';
import { isCatalogRule, type CatalogRuleContext, type FileRuleContext, type LintFlags, type Report } from './rule.js';
import { RuleSettings, type ActiveRule, type AnyRule } from './rule-settings.js';
import type { LintFileResult, RuleInfo } from './result.js';
import { timed } from './timing.js';

export interface LintCatalogOptions {
  registry: readonly AnyRule[];
  /** Lint only these files (absolute paths); default every pattern. */
  files?: ReadonlySet<string>;
  /** Run only these rule ids (the docs examples use one rule at a time). */
  only?: readonly string[];
  /** Base of the docs URL stamped on each diagnostic (`…/docs/rules/<id>.md`). */
  docsBase?: string;
  flags?: Partial<LintFlags>;
  /**
   * For rule tests: what the engine otherwise corrects quietly — a fix from a
   * rule not marked `fixable`, a fix outside the file, a position outside the
   * file — becomes an `internal` diagnostic naming the rule.
   */
  strict?: boolean;
}

export interface LintCatalogResult {
  results: LintFileResult[];
  rules: RuleInfo[];
}

/** What the `collect` steps kept, per pattern file and rule id. */
export type Collected = Map<string, Record<string, unknown>>;

/**
 * What one run shares between its two phases: the settings, the file system
 * seen once, and what `collect` kept. Phase one needs only the catalog's
 * settings (its patterns are not known yet when files stream); phase two
 * gets the catalog of views with `index`.
 */
export class LintRun {
  readonly settings: RuleSettings;
  readonly files: CatalogFiles;
  readonly flags: LintFlags;
  readonly collected: Collected = new Map();
  readonly only: readonly string[] | undefined;
  readonly docsBase: string | undefined;
  readonly strict: boolean;
  /** Ids of the rules that leave a span to a more specific rule's report (`meta.catchAll`). */
  readonly catchAll: ReadonlySet<string>;
  private catalogIndex: CatalogIndex | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly catalog: CatalogSettings,
    options: Omit<LintCatalogOptions, 'files'>,
  ) {
    this.settings = new RuleSettings(options.registry, catalog.config);
    this.files = new CatalogFiles(catalog.root);
    this.flags = { external: false, now: new Date(), ...options.flags };
    this.only = options.only;
    this.docsBase = options.docsBase;
    this.strict = options.strict ?? false;
    this.catchAll = new Set(options.registry.filter((r) => r.meta.catchAll).map((r) => r.meta.id));
  }

  /** The catalog-wide index, once the catalog of views is known (phase two). */
  indexFor(catalog: LightCatalog): CatalogIndex {
    if (this.catalogIndex?.catalog !== catalog) {
      this.catalogIndex = new CatalogIndex(catalog);
      this.memos.clear();
    }
    return this.catalogIndex;
  }

  /** A rule's value shared across its checks of one run (see `CatalogRuleContext.memo`). */
  memo<T>(ruleId: string, key: string, compute: () => T): T {
    const at = `${ruleId}\u0000${key}`;
    if (!this.memos.has(at)) this.memos.set(at, compute());
    return this.memos.get(at) as T;
  }

  /** Rules that run on a file, of those this run runs; on a redirect stub only those that check stubs (its links). */
  activeRules(pattern: Pick<PatternView, 'path' | 'movedTo' | 'frontMatter'>): ActiveRule[] {
    let active = this.settings.forFile(pattern.path).filter((a) => pattern.movedTo === undefined || a.rule.meta.stubs === true);
    // A withdrawn or superseded pattern is kept as it was: what is wrong with it is said, as warnings,
    // and --fix writes nothing into it (no template section for a record nobody will complete).
    // (An error there says why it is a warning: see `reporter`.)
    if (isInactive(pattern, this.catalog.config))
      active = active.map((a) => ({ ...a, severity: 'warning' as const, kept: true, ...(a.severity === 'error' ? { wasError: true } : {}) }));
    return this.only ? active.filter((a) => this.only!.includes(a.rule.meta.id)) : active;
  }

  /**
   * Catalog rules with a `collect` step that this run may run anywhere: each collects from every
   * pattern; from a redirect stub, only those that check stubs (`image`: its links' targets).
   */
  collectors(pattern: Pick<PatternView, 'movedTo'>): AnyRule[] {
    return this.settings.registry.filter(
      (r) =>
        isCatalogRule(r) &&
        r.collect &&
        (pattern.movedTo === undefined || r.meta.stubs === true) &&
        this.settings.mayRun(r.meta.id) &&
        (!this.only || this.only.includes(r.meta.id)),
    );
  }
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
  const run = new LintRun(catalog, options);
  const selected = (p: { file: string }) => !options.files || options.files.has(p.file);
  const byFile = new Map<string, Diagnostic[]>();
  for (const pattern of catalog.patterns) {
    const { diagnostics, collected } = await checkFile(run, pattern, selected(pattern));
    run.collected.set(pattern.file, collected);
    if (selected(pattern)) byFile.set(pattern.file, diagnostics);
  }
  for (const pattern of catalog.patterns) {
    if (selected(pattern)) byFile.get(pattern.file)!.push(...(await checkCatalogRules(run, catalog, pattern)));
  }
  const results = catalog.patterns.filter(selected).map((p) => fileResult(p.path, p.file, uniqueFindings(byFile.get(p.file)!, run.catchAll), p.slug, p.document.source));
  return { results: withLoadProblems(results, catalog, options.files), rules: rulesThatRan(run, catalog.patterns.filter(selected)) };
}

/** Phase one on a loaded pattern: its `file` rules (when it is to be reported) and every `collect`. */
export async function checkFile(run: LintRun, pattern: Pattern, report = true): Promise<{ diagnostics: Diagnostic[]; collected: Record<string, unknown> }> {
  const diagnostics: Diagnostic[] = [];
  const collected: Record<string, unknown> = {};
  const scope = new FileScope(run, pattern, diagnostics);
  const active = run.activeRules(pattern);
  if (report) {
    for (const entry of active) {
      const { rule } = entry;
      if (!isCatalogRule(rule)) await guarded(pattern, rule, diagnostics, () => rule.check(scope.context(entry)));
    }
  }
  // Collected from every pattern, also where the rule is off: other patterns are compared with it.
  for (const rule of run.collectors(pattern)) {
    const entry = active.find((a) => a.rule === rule) ?? { rule, severity: rule.meta.severity, options: run.settings.defaultOptions(rule) };
    if (!isCatalogRule(rule)) continue;
    await guarded(pattern, rule, diagnostics, () => {
      collected[rule.meta.id] = rule.collect!(scope.context(entry));
    });
  }
  return { diagnostics, collected };
}

/** Phase two: the `catalog` rules of one pattern, once every pattern is known. */
export async function checkCatalogRules(run: LintRun, catalog: LightCatalog, pattern: PatternView): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const index = run.indexFor(catalog);
  const stamp = new Stamper(run, pattern, () => index.sourceOf(pattern), diagnostics);
  for (const entry of run.activeRules(pattern)) {
    const { rule } = entry;
    if (!isCatalogRule(rule)) continue;
    const id = rule.meta.id;
    const context: CatalogRuleContext<unknown> = {
      pattern,
      catalog,
      index,
      template: catalog.templates.for(pattern.path),
      options: entry.options,
      flags: run.flags,
      report: stamp.reporter(entry),
      collected: <T>(p: PatternView) => run.collected.get(p.file)?.[id] as T | undefined,
      memo: <T>(key: string, compute: () => T) => run.memo(id, key, compute),
    };
    await guarded(pattern, rule, diagnostics, () => rule.check(context));
  }
  return diagnostics;
}

/**
 * Turns a rule's reports on one file into diagnostics: positions clamped to
 * the file, disable comments honoured, fixes kept only from fixable rules,
 * inside the text and outside the spans a tool regenerates. The file's text is needed only when something is reported
 * (for a view it is then read back from disk).
 */
class Stamper {
  private lineIndex: LineIndex | undefined;
  private disabled: ((ruleId: string, line: number) => boolean) | undefined;

  constructor(
    private readonly run: LintRun,
    private readonly pattern: PatternView,
    private readonly source: () => string,
    private readonly diagnostics: Diagnostic[],
    lines?: LineIndex,
  ) {
    this.lineIndex = lines;
  }

  private get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.source());
    return this.lineIndex;
  }

  private generated: [number, number][] | undefined;

  /** A fix that would write into text a tool regenerates (between `<!-- x:start -->` and `<!-- x:end -->`). */
  private generatedAt([from, to]: [number, number]): boolean {
    this.generated ??= generatedRegions(this.source());
    return this.generated.some(([start, end]) => (from > start && from < end) || (to > start && to < end));
  }

  private checkStrictly(id: string, fixable: boolean, r: Report, lines: LineIndex): void {
    const problems: string[] = [];
    if (r.fix && !fixable) problems.push('reported a fix but is not marked `fixable`');
    if (r.fix && !validFix(r.fix.range, this.source().length)) problems.push(`reported a fix outside the file (${JSON.stringify(r.fix.range)})`);
    const line = r.range?.start.line ?? r.line;
    if (line !== undefined && (line < 1 || line > lines.lineCount)) problems.push(`reported line ${line}, outside the file (1–${lines.lineCount})`);
    for (const problem of problems) {
      this.diagnostics.push({ path: this.pattern.path, line: 1, column: 1, ruleId: 'internal', severity: 'error', message: `Rule \`${id}\` ${problem}.` });
    }
  }

  reporter({ rule, severity, kept, wasError }: ActiveRule): (r: Report) => void {
    const id = rule.meta.id;
    return (r: Report): void => {
      const lines = this.lines;
      const start = r.range?.start ?? lines.point(r.line ?? 1, r.column ?? 1);
      // A report without a range covers the rest of its line, so every diagnostic has an end.
      const end = r.range?.end ?? lines.pointAt(Math.max(lines.lineEnd(start.line), start.offset));
      this.disabled ??= disabledRules(this.source());
      if (this.disabled(id, start.line)) return;
      if (this.run.strict) this.checkStrictly(id, rule.meta.fixable, r, lines);
      this.diagnostics.push({
        path: this.pattern.path,
        // Positions are clamped to the file: a rule can never point outside it.
        line: Math.min(Math.max(start.line, 1), lines.lineCount),
        column: Math.max(start.column, 1),
        endLine: Math.min(end.line, lines.lineCount),
        endColumn: Math.max(end.column, 1),
        ruleId: id,
        severity: r.warning && severity === 'error' ? 'warning' : severity,
        message: wasError && !r.warning ? `${r.message}${KEPT_NOTE}` : r.message,
        ...(this.run.docsBase ? { url: `${this.run.docsBase}${id}.md` } : {}),
        ...(r.expected !== undefined ? { expected: r.expected } : {}),
        ...(r.actual !== undefined ? { actual: r.actual } : {}),
        ...(r.fix && rule.meta.fixable && !kept && validFix(r.fix.range, this.source().length) && !this.generatedAt(r.fix.range) ? { fix: r.fix } : {}),
      });
    };
  }
}

/** Said of an error in a pattern kept as it was (see `activeRules`): why it is a warning. */
const KEPT_NOTE = ' (This pattern is kept as it was — withdrawn, superseded or set aside, by its status or its folder —: a warning.)';

/** What the file rules of one pattern share: the stamper and the outline, worked out on first use. */
class FileScope {
  private outlineMatch: OutlineMatch | undefined;
  readonly stamper: Stamper;

  constructor(
    readonly run: LintRun,
    readonly pattern: Pattern,
    diagnostics: Diagnostic[],
  ) {
    this.stamper = new Stamper(run, pattern, () => pattern.document.source, diagnostics, pattern.document.lines);
  }

  outline(): OutlineMatch {
    this.outlineMatch ??= timed('(outline)', () => matchOutline(this.run.catalog.templates.for(this.pattern.path).sections, this.pattern.document.sections));
    return this.outlineMatch;
  }

  context(entry: ActiveRule): FileRuleContext<unknown> {
    return new FileContext(this, entry.options, this.stamper.reporter(entry));
  }
}

/**
 * A file rule's context. A class on purpose: a getter written in an object
 * literal gives each literal its own hidden class, which lives in the old
 * generation and keeps the getter's closure — and through it the whole parsed
 * file — alive until the next full collection (measured: about 45 MB more
 * heap on 1,000 files). A prototype getter has none of that.
 */
class FileContext implements FileRuleContext<unknown> {
  readonly pattern: Pattern;
  readonly catalog: CatalogSettings;
  readonly template: CatalogSettings['template'];
  readonly files: CatalogFiles;
  readonly flags: LintFlags;

  constructor(
    private readonly scope: FileScope,
    readonly options: unknown,
    readonly report: (r: Report) => void,
  ) {
    this.pattern = scope.pattern;
    this.catalog = scope.run.catalog;
    this.template = scope.run.catalog.templates.for(scope.pattern.path);
    this.files = scope.run.files;
    this.flags = scope.run.flags;
  }

  get outline(): OutlineMatch {
    return this.scope.outline();
  }
}

async function guarded(pattern: PatternView, rule: AnyRule, diagnostics: Diagnostic[], work: () => unknown): Promise<void> {
  try {
    await timed(rule.meta.id, work);
  } catch (err) {
    diagnostics.push({
      path: pattern.path,
      line: 1,
      column: 1,
      ruleId: 'internal',
      severity: 'error',
      message: `Rule \`${rule.meta.id}\` crashed on this file (${(err as Error)?.message ?? String(err)}); the other rules still ran. Please report this.`,
    });
  }
}

/**
 * A file's findings sorted, each problem said once: the same message at the
 * same place once, and a span that a specific rule reports is not also
 * reported by a catch-all one (`meta.catchAll`: a template sample left as
 * the author's e-mail is `author`'s to explain, not also `placeholder`'s).
 */
export function uniqueFindings(diagnostics: Diagnostic[], catchAll: ReadonlySet<string> = new Set()): Diagnostic[] {
  const span = (d: Diagnostic) => `${d.line}:${d.column}:${d.endLine ?? ''}:${d.endColumn ?? ''}`;
  const specific = new Set(diagnostics.filter((d) => !catchAll.has(d.ruleId)).map(span));
  const said = new Set<string>();
  return [...diagnostics].sort(compareDiagnostics).filter((d) => {
    if (catchAll.has(d.ruleId) && specific.has(span(d))) return false;
    const key = `${span(d)}:${d.message}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

/** Files that could not be loaded (and catalog-level warnings) are results too. */
export function withLoadProblems(results: LintFileResult[], catalog: Pick<LightCatalog, 'root' | 'diagnostics'>, files?: ReadonlySet<string>): LintFileResult[] {
  const loadProblems = new Map<string, Diagnostic[]>();
  for (const d of catalog.diagnostics) {
    if (files && !files.has(path.join(catalog.root, d.path))) continue;
    loadProblems.set(d.path, [...(loadProblems.get(d.path) ?? []), d]);
  }
  for (const [file, diagnostics] of loadProblems) results.push(fileResult(file, path.join(catalog.root, file), diagnostics));
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every rule that ran on at least one of the patterns, sorted by id. */
export function rulesThatRan(run: LintRun, patterns: readonly PatternView[]): RuleInfo[] {
  const ran = new Map<string, ActiveRule>();
  for (const pattern of patterns) for (const a of run.activeRules(pattern)) ran.set(a.rule.meta.id, a);
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
    path: file,
    file: absolutePath,
    ...(slug ? { slug } : {}),
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    fixableCount: diagnostics.filter((d) => d.fix && !d.fix.toWrite).length,
    ...(source !== undefined ? { source } : {}),
  };
}
