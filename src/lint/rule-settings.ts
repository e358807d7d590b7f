import picomatch from 'picomatch';
import type { CatalogConfig } from '../config/load-config.js';
import type { RuleSetting } from '../config/schema.js';
import { formatProblems, ruleProblems } from '../config/validate.js';
import { PatternbookError } from '../diagnostics.js';
import type { Rule } from './rule.js';

// Rules of different option types live in one list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export interface ActiveRule {
  rule: AnyRule;
  severity: 'error' | 'warning';
  options: unknown;
  /** The pattern is kept as it was (withdrawn, superseded): its findings are said, and `--fix` changes nothing in it. */
  kept?: boolean;
  /** Kept so, the rule's own severity was `error`: a finding says why it is a warning. */
  wasError?: boolean;
}

/**
 * Which rules run on a file, at which severity, with which options: rule
 * defaults, then `rules`, then each matching `overrides` entry in order.
 */
export class RuleSettings {
  private readonly base: Map<string, ActiveRule | null>;
  private readonly overrides: { match: (path: string) => boolean; settings: Map<string, ActiveRule | null> }[];
  private readonly byId: Map<string, AnyRule>;

  /**
   * Settings that were checked when the configuration was loaded with these
   * rules (`loadConfig(root, { rules })`) are taken as they are; anything
   * else is checked here too, and refused with the same messages, without lines.
   */
  constructor(
    readonly registry: readonly AnyRule[],
    config: Pick<CatalogConfig, 'rules' | 'overrides' | 'file'>,
  ) {
    const problems = ruleProblems(config, registry);
    if (problems.length) throw new PatternbookError(formatProblems(problems, config.file ?? 'configuration'));
    const defaults = new Map<string, ActiveRule | null>(
      registry.map((rule) => [rule.meta.id, { rule, severity: rule.meta.severity, options: parseOptions(rule, undefined) }]),
    );
    this.byId = new Map(registry.map((rule) => [rule.meta.id, rule]));
    this.base = this.apply(defaults, config.rules);
    this.overrides = config.overrides.map((o) => ({
      match: picomatch(o.files, { dot: true }),
      settings: this.apply(new Map(), o.rules ?? {}),
    }));
  }

  /** Rules that run on a file (path relative to the catalog root), sorted by id. */
  forFile(path: string): ActiveRule[] {
    if (this.overrides.length === 0) return [...this.base.values()].filter((r): r is ActiveRule => r !== null);
    const merged = new Map(this.base);
    for (const o of this.overrides) if (o.match(path)) for (const [id, s] of o.settings) merged.set(id, s);
    return [...merged.values()].filter((r): r is ActiveRule => r !== null);
  }

  /** Whether the rule runs on some file: on by default or in `rules`, or switched on by an override. */
  mayRun(id: string): boolean {
    return Boolean(this.base.get(id)) || this.overrides.some((o) => Boolean(o.settings.get(id)));
  }

  /** The rule's options when the configuration gives none (its schema's defaults). */
  defaultOptions(rule: AnyRule): unknown {
    return parseOptions(rule, undefined);
  }

  /** Settings on top of `into`; every id and option was checked in the constructor. */
  private apply(into: Map<string, ActiveRule | null>, rules: Record<string, RuleSetting>): Map<string, ActiveRule | null> {
    for (const [id, setting] of Object.entries(rules)) {
      const rule = this.byId.get(id)!;
      const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
      into.set(id, level === 'off' ? null : { rule, severity: level === 'warn' ? 'warning' : 'error', options: parseOptions(rule, options) });
    }
    return into;
  }
}

/** A rule's options with its schema's defaults filled in (checked beforehand by `ruleProblems`). */
function parseOptions(rule: AnyRule, options: unknown): unknown {
  return rule.meta.options ? rule.meta.options.parse(options ?? {}) : {};
}
