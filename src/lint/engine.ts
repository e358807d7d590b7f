import path from 'node:path';
import type { Catalog, Pattern } from '../catalog/types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { matchOutline } from '../template/match-outline.js';
import { CatalogIndex } from './catalog-index.js';
import { disabledRules } from './disable-comments.js';
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

/**
 * Runs every active rule on every pattern and returns one result per file.
 * Rules only report; the engine stamps rule id, severity and docs URL, keeps
 * positions inside the file, honours inline disable comments, and turns a
 * rule that throws into a diagnostic on that file while the run goes on.
 */
export async function lintCatalog(catalog: Catalog, options: LintCatalogOptions): Promise<LintCatalogResult> {
  const settings = new RuleSettings(options.registry, catalog.config);
  const index = new CatalogIndex(catalog);
  const selected = (p: { file: string }) => !options.files || options.files.has(p.file);
  const results: LintFileResult[] = [];
  const ran = new Map<string, ActiveRule>();
  const flags: LintFlags = { external: false, now: new Date(), ...options.flags };

  for (const pattern of catalog.patterns) {
    if (!selected(pattern)) continue;
    let active = settings.forFile(pattern.path);
    if (options.only) active = active.filter((a) => options.only!.includes(a.rule.meta.id));
    for (const a of active) ran.set(a.rule.meta.id, a);
    const diagnostics = await lintPattern(pattern, catalog, index, active, options.docsBase, flags);
    results.push(fileResult(pattern.path, pattern.file, diagnostics, pattern.slug, pattern.document.source));
  }
  // Files that could not be loaded (and catalog-level warnings) are results too.
  const loadProblems = new Map<string, Diagnostic[]>();
  for (const d of catalog.diagnostics) {
    if (options.files && !options.files.has(path.join(catalog.root, d.file))) continue;
    loadProblems.set(d.file, [...(loadProblems.get(d.file) ?? []), d]);
  }
  for (const [file, diagnostics] of loadProblems) results.push(fileResult(file, path.join(catalog.root, file), diagnostics));

  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const rules = [...ran.values()]
    .map(({ rule, severity }) => ({
      id: rule.meta.id,
      description: rule.meta.description,
      severity,
      fixable: rule.meta.fixable,
      ...(options.docsBase ? { url: `${options.docsBase}${rule.meta.id}.md` } : {}),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { results, rules };
}

async function lintPattern(
  pattern: Pattern,
  catalog: Catalog,
  index: CatalogIndex,
  active: ActiveRule[],
  docsBase: string | undefined,
  flags: LintFlags,
): Promise<Diagnostic[]> {
  const doc = pattern.document;
  const isDisabled = disabledRules(doc.source);
  const outline = matchOutline(catalog.template.sections, doc.sections);
  const diagnostics: Diagnostic[] = [];

  for (const { rule, severity, options } of active) {
    const id = rule.meta.id;
    const report = (r: Report): void => {
      const start = r.range?.start ?? doc.lines.point(r.line ?? 1, r.column ?? 1);
      const end = r.range?.end;
      if (isDisabled(id, start.line)) return;
      diagnostics.push({
        file: pattern.path,
        // Positions are clamped to the file: a rule can never point outside it.
        line: Math.min(Math.max(start.line, 1), doc.lines.lineCount),
        column: Math.max(start.column, 1),
        ...(end ? { endLine: Math.min(end.line, doc.lines.lineCount), endColumn: Math.max(end.column, 1) } : {}),
        ruleId: id,
        severity,
        message: r.message,
        ...(docsBase ? { url: `${docsBase}${id}.md` } : {}),
        ...(r.expected !== undefined ? { expected: r.expected } : {}),
        ...(r.actual !== undefined ? { actual: r.actual } : {}),
        ...(r.fix && rule.meta.fixable && validFix(r.fix.range, doc.source.length) ? { fix: r.fix } : {}),
      });
    };
    const context: RuleContext<unknown> = { pattern, catalog, template: catalog.template, options, outline, index, flags, report };
    try {
      await rule.check(context);
    } catch (err) {
      diagnostics.push({
        file: pattern.path,
        line: 1,
        column: 1,
        ruleId: 'internal',
        severity: 'error',
        message: `Rule \`${id}\` crashed on this file (${(err as Error)?.message ?? String(err)}); the other rules still ran. Please report this.`,
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

function validFix(range: [number, number], length: number): boolean {
  return Number.isInteger(range[0]) && Number.isInteger(range[1]) && range[0] >= 0 && range[0] <= range[1] && range[1] <= length;
}

function fileResult(file: string, absolutePath: string, diagnostics: Diagnostic[], slug?: string, source?: string): LintFileResult {
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
