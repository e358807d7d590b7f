import type { z } from 'zod';
import type { Catalog, Pattern } from '../catalog/types.js';
import type { Fix } from '../diagnostics.js';
import type { Range } from '../markdown/lines.js';
import type { OutlineMatch } from '../template/match-outline.js';
import type { TemplateSchema } from '../template/types.js';
import type { CatalogIndex } from './catalog-index.js';

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
   * runs once every pattern is known — on a light view of the others: their
   * title, summary, front matter, headings, links and images, and what `collect` kept.
   */
  scope?: 'file' | 'catalog';
  /**
   * The check compares the pattern with every other one (its cost grows with the
   * catalog): quick re-checks of one edited file (`dev`) leave it to the full run
   * that follows and keep its last findings meanwhile.
   */
  wholeCatalog?: boolean;
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
}

export interface LintFlags {
  /** Check external URLs over the network (`--external`); off by default. */
  external: boolean;
  /** Where the external-link cache lives (default `.patternbook/external-links.json` in the catalog). */
  externalCacheFile?: string;
  /** "Today" for date checks (changelog dates not in the future); the clock when not set. */
  now: Date;
}

export interface RuleContext<Options> {
  pattern: Pattern;
  catalog: Catalog;
  template: TemplateSchema;
  options: Options;
  /** The pattern's sections paired with the template's (computed once per pattern, shared by rules). */
  outline: OutlineMatch;
  /** Cross-file facts computed once per run: files, headings, relations. */
  index: CatalogIndex;
  /** Switches of this run, from the command line. */
  flags: LintFlags;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void | Promise<void>;
  /**
   * For `catalog` rules: runs on every pattern while it is loaded, in full, and
   * returns what `check` will need of it later (structured-cloneable data), read
   * back with `context.index.collected(ruleId, pattern)`.
   */
  collect?(context: RuleContext<Options>): unknown;
}

/** Identity helper that keeps a rule's option type attached to its check. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
