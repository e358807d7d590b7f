import type { LightCatalog, Pattern, PatternView } from '../catalog/types.js';
import { viewOf } from '../catalog/view.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkCatalogRules, checkFile, fileResult, LintRun, uniqueFindings, type Collected } from './engine.js';
import type { PhaseOne } from './parallel.js';
import type { LintFileResult, RuleInfo } from './result.js';
import type { AnyRule } from './rule-settings.js';

/**
 * A linted catalog kept between edits (`patternbook dev`): one pattern that
 * changed is linted again — its file rules and `collect` steps on the new
 * text, then the catalog rules for it and for the patterns it affects —
 * without reading the rest of the catalog. Rules that compare every pattern
 * with every other (`wholeCatalog`) keep their last findings until the next
 * full run.
 */
export class LintSession {
  private readonly fileDiagnostics: Map<string, Diagnostic[]>;
  private readonly collected: Collected;
  private readonly slowRules: Set<string>;
  private readonly quickRules: string[];

  private lightCatalog: LightCatalog;
  private readonly registry: readonly AnyRule[];
  private readonly docsBase: string | undefined;
  /** One result per pattern (and per file that failed to load), as the full run gave them, then as updated. */
  readonly results: LintFileResult[];
  /** Every rule that ran in the full run. */
  readonly rules: RuleInfo[];
  /** Threads the full run linted on (1: this thread alone, every pattern handed to `onPattern`). */
  readonly lanes: number;

  constructor(run: {
    catalog: LightCatalog;
    phaseOne: PhaseOne;
    results: LintFileResult[];
    rules: RuleInfo[];
    registry: readonly AnyRule[];
    docsBase?: string;
    lanes: number;
  }) {
    this.lightCatalog = run.catalog;
    this.registry = run.registry;
    this.docsBase = run.docsBase;
    this.results = run.results;
    this.rules = run.rules;
    this.lanes = run.lanes;
    this.fileDiagnostics = run.phaseOne.fileDiagnostics;
    this.collected = run.phaseOne.collected;
    this.slowRules = new Set(this.registry.filter((r) => r.meta.wholeCatalog).map((r) => r.meta.id));
    this.quickRules = this.registry.filter((r) => !this.slowRules.has(r.meta.id)).map((r) => r.meta.id);
  }

  /** The catalog as views, the changed pattern's new view included after `update`. */
  get catalog(): LightCatalog {
    return this.lightCatalog;
  }

  /**
   * Lints `pattern` (loaded in full from its new text) and then the catalog
   * rules of `affected` too (the patterns it listed, or that list it).
   * Replaces their results; the catalog's view of `pattern` becomes the new one.
   */
  async update(pattern: Pattern, affected: readonly PatternView[]): Promise<void> {
    const { root, config, template, templates } = this.lightCatalog;
    const settings = { root, config, template, templates };
    const run = new LintRun(settings, { registry: this.registry, ...(this.docsBase ? { docsBase: this.docsBase } : {}), only: this.quickRules });
    const { diagnostics, collected } = await checkFile(run, pattern);
    this.fileDiagnostics.set(pattern.file, diagnostics);
    this.collected.set(pattern.file, { ...this.collected.get(pattern.file), ...collected });
    for (const [file, data] of this.collected) run.collected.set(file, data);

    // A new catalog object (its index is built afresh), the pattern's new view in place of the old one.
    const view = structuredClone(viewOf(pattern));
    const patterns = this.lightCatalog.patterns.map((p) => (p.file === pattern.file ? view : p));
    this.lightCatalog = { ...this.lightCatalog, patterns, bySlug: new Map(patterns.map((p) => [p.slug, p])) };

    const again = new Set([pattern.file, ...affected.map((p) => p.file)]);
    for (const p of patterns) if (again.has(p.file)) await this.relint(run, p);
  }

  private async relint(run: LintRun, pattern: PatternView): Promise<void> {
    const at = this.results.findIndex((r) => r.file === pattern.file);
    const kept = at >= 0 ? this.results[at]!.diagnostics.filter((d) => this.slowRules.has(d.ruleId)) : [];
    const found = uniqueFindings(
      [...(this.fileDiagnostics.get(pattern.file) ?? []), ...(await checkCatalogRules(run, this.lightCatalog, pattern)), ...kept],
      run.catchAll,
    );
    const result = fileResult(pattern.path, pattern.file, found, pattern.slug);
    if (at >= 0) this.results[at] = result;
    else this.results.push(result);
  }
}
