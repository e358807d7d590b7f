import type { z } from 'zod';
import type { CatalogIndex } from '../catalog/catalog-index.js';
import type { CatalogFiles } from '../catalog/files.js';
import type { CatalogSettings, LightCatalog, Pattern, PatternView } from '../catalog/types.js';
import type { Fix } from '../diagnostics.js';
import type { Range } from '../markdown/lines.js';
import type { OutlineMatch } from '../template/match-outline.js';
import type { TemplateSchema } from '../template/types.js';

export interface RuleMeta<Options> {
  /** The rule's id, also its file name in `src/lint/rules/` and its docs page `docs/rules/<id>.md`. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Severity when the configuration does not say. */
  severity: 'error' | 'warning';
  /** Whether some of its reports carry a safe fix. */
  fixable: boolean;
  /** Options schema; `{}` is parsed through it to get the defaults. */
  options?: z.ZodType<Options>;
  /**
   * `file` (default): the check needs only the pattern, the template and the file
   * system, so it runs while the file is loaded (in parallel on large catalogs).
   * `catalog`: the check reads other patterns (links, relations, similarity), so it
   * runs once every pattern is known — on views (`PatternView`): title, summary,
   * front matter, anchors and links, and what its `collect` kept of each file.
   */
  scope?: 'file' | 'catalog';
  /**
   * Also checks redirect stubs (files that only say a pattern moved: `PatternView.movedTo`):
   * their links. Every other rule judges patterns only.
   */
  stubs?: boolean;
  /**
   * The check compares the pattern with every other one (its cost grows with the
   * catalog): quick re-checks of one edited file (`dev`) leave it to the full run
   * that follows and keep its last findings meanwhile.
   */
  wholeCatalog?: boolean;
  /**
   * A catch-all check (template text left anywhere): where another rule
   * reports the very same span, that more specific report is kept and this
   * one dropped, so a problem is said once.
   */
  catchAll?: boolean;
}

/** What a rule reports; the engine adds file, rule id, severity and docs URL. */
export interface Report {
  message: string;
  /** Where: a range, or a line (and column); default the top of the file. */
  range?: Range;
  line?: number;
  column?: number;
  fix?: Fix;
  expected?: string;
  actual?: string;
  /** A warning whatever the rule's severity (a missing section the configuration calls `recommended`). */
  warning?: boolean;
}

export interface LintFlags {
  /** Check external URLs over the network (`--external`); off by default. */
  external: boolean;
  /** Where the external-link cache lives (default `.patternbook/external-links.json` in the catalog). */
  externalCacheFile?: string;
  /** "Today" for date checks (changelog dates not in the future); the clock when not set. */
  now: Date;
}

/** What every check gets. */
interface BaseContext<Options> {
  template: TemplateSchema;
  options: Options;
  /** Switches of this run, from the command line. */
  flags: LintFlags;
  report(report: Report): void;
}

/** What a `file` rule (and the `collect` step of a `catalog` rule) sees: one pattern in full. */
export interface FileRuleContext<Options> extends BaseContext<Options> {
  pattern: Pattern;
  /** Root, configuration and template — not the other patterns (a file rule runs before they are known). */
  catalog: CatalogSettings;
  /** The pattern's sections paired with the template's (computed once per pattern, shared by rules). */
  outline: OutlineMatch;
  /** The file system under the catalog root, each path looked at once per run. */
  files: CatalogFiles;
}

/** What a `catalog` rule's check sees: one pattern's view among every other one's. */
export interface CatalogRuleContext<Options> extends BaseContext<Options> {
  pattern: PatternView;
  catalog: LightCatalog;
  /** Cross-file facts computed once per run: files, anchors, relations, mentions. */
  index: CatalogIndex;
  /** What this rule's `collect` kept of a pattern while it was loaded (undefined when it could not run on it). */
  collected<T>(pattern: PatternView): T | undefined;
  /** A value this rule computes once per run and shares between its checks of every pattern (per key). */
  memo<T>(key: string, compute: () => T): T;
}

/** A rule that checks one pattern by itself. */
export interface FileRule<Options = Record<string, never>> {
  meta: RuleMeta<Options> & { scope?: 'file' };
  check(context: FileRuleContext<Options>): void | Promise<void>;
}

/** A rule that checks a pattern against the rest of the catalog. */
export interface CatalogRule<Options = Record<string, never>> {
  meta: RuleMeta<Options> & { scope: 'catalog' };
  /**
   * Runs on every pattern while it is loaded in full (whatever the rule's
   * settings for that file: other patterns are compared with it) and returns
   * what `check` will need of it later (structured-cloneable data), read back
   * with `context.collected(pattern)`.
   */
  collect?(context: FileRuleContext<Options>): unknown;
  check(context: CatalogRuleContext<Options>): void | Promise<void>;
}

export type Rule<Options = Record<string, never>> = FileRule<Options> | CatalogRule<Options>;

export function isCatalogRule<O>(rule: Rule<O>): rule is CatalogRule<O> {
  return rule.meta.scope === 'catalog';
}

/** Identity helper that keeps a file rule's option type attached to its check. */
export function defineRule<Options = Record<string, never>>(rule: FileRule<Options>): FileRule<Options> {
  return rule;
}

/** Identity helper that keeps a catalog rule's option type attached to its check and collect. */
export function defineCatalogRule<Options = Record<string, never>>(rule: CatalogRule<Options>): CatalogRule<Options> {
  return rule;
}
