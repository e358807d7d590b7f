/**
 * Patternbook as a library: the catalog model and the template schema that
 * every command is built on.
 */
export { loadCatalog, loadCatalogTemplate, type LoadCatalogOptions } from './catalog/load-catalog.js';
export { discoverPatterns, slugFor, type DiscoveredFile, type DiscoverOptions } from './catalog/discover.js';
export { loadPattern, patternFromText, type PatternReading } from './catalog/load-pattern.js';
export { summarizeCatalog, type CatalogSummary } from './catalog/summary.js';
export type { Catalog, CatalogOf, CatalogSettings, LightCatalog, Pattern, PatternText, PatternView } from './catalog/types.js';

export { loadTemplate, templateFromSource, BUILT_IN_TEMPLATE, type TemplateOptions, type TitleSetting, type SummarySetting } from './template/load-template.js';
export { findPlaceholders, isGenericItem, isInstruction, isSampleValue } from './template/placeholders.js';
export { headingShape, headingMatcher, type HeadingShape, type ShapePart, type PlaceholderSyntax } from './template/heading-shape.js';
export { foldHeading, foldText } from './template/normalize.js';
export { flattenSections } from './template/walk.js';
export { matchOutline, type OutlineMatch, type SectionMatch } from './template/match-outline.js';
export type { TemplateSchema, TemplateSection, SectionExpectations, Placeholder, PlaceholderKind, TitleSpec, TitleShape, SummarySpec } from './template/types.js';

export { loadConfig, resolveConfig, findCatalogRoot, CONFIG_FILES, type CatalogConfig } from './config/load-config.js';
export { configSchema, type ConfigFile } from './config/schema.js';

export { parseMarkdown, type ParseOptions, type ParseResult } from './markdown/document.js';
export { LineIndex, type Point, type Range } from './markdown/lines.js';
export { headingSlug } from './markdown/slug.js';
export type * from './markdown/types.js';

export { createPattern, initCatalog, assertValidSlug } from './scaffold/create.js';
export { renderNewPattern, patternPathFor, titleFromSlug } from './scaffold/render-pattern.js';

export { PatternbookError, type Diagnostic, type Severity } from './diagnostics.js';
export { main } from './cli/main.js';

export { lint, lintLoaded, lintStream, DOCS_BASE, ruleDocsUrl, type LintOptions } from './lint/lint.js';
export { LintSession } from './lint/session.js';
export { lintCatalog, type LintCatalogOptions, type LintCatalogResult } from './lint/engine.js';
export { registry as lintRules } from './lint/registry.js';
export {
  defineRule,
  defineCatalogRule,
  type Rule,
  type FileRule,
  type CatalogRule,
  type RuleMeta,
  type FileRuleContext,
  type CatalogRuleContext,
  type Report,
  type LintFlags,
} from './lint/rule.js';
export {
  testRule,
  checkRule,
  type RuleTests,
  type RuleCase,
  type InvalidRuleCase,
  type ExpectedError,
  type RuleTestSettings,
  type TestFramework,
} from './lint/rule-tester.js';
export { reporters } from './lint/reporters/index.js';
export type { ReporterName } from './lint/reporters/names.js';
export type { LintReport, LintFileResult, RuleInfo, Reporter } from './lint/result.js';
export { CatalogIndex } from './catalog/catalog-index.js';
export { CatalogFiles, type FileInfo } from './catalog/files.js';
export {
  relationKind,
  relationsFrom,
  relationLists,
  relationGraph,
  type Relation,
  type RelationKind,
  type PatternRelations,
  type RelationGraph,
} from './catalog/relations.js';
export { viewOf } from './catalog/view.js';

export { buildSite, type BuildOptions, type BuildSummary } from './site/build.js';

export { planRun, type RunPlan, type PlanOptions } from './run/plan.js';
export { executePlan, type RunOutcome, type BlockResult, type ExecuteOptions } from './run/execute.js';
export { loadTargets, planTargets, runPlans } from './run/verify.js';
export { readRecords, type VerifyRecord } from './run/record.js';

export { catalogExport, patternEntry } from './export/catalog-export.js';
export { loadCatalogData } from './export/load.js';
export { catalogExportSchema, catalogJsonSchema, type CatalogExport, type PatternEntry } from './export/schema.js';
export { focusGraph, graphMermaid, graphDot } from './export/graph.js';
export { healthReport, type HealthReport } from './report/health.js';
export { planMigration, migrationDiff, writeMigration, type MigrationPlan, type FileMigration } from './migrate/migrate.js';
