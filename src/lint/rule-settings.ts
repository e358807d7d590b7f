import picomatch from 'picomatch';
import type { CatalogConfig } from '../config/load-config.js';
import type { RuleSetting } from '../config/schema.js';
import { PatternbookError } from '../diagnostics.js';
import { editDistance } from '../util/similar.js';
import type { Rule } from './rule.js';

// Rules of different option types live in one list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export interface ActiveRule {
  rule: AnyRule;
  severity: 'error' | 'warning';
  options: unknown;
}

/**
 * Which rules run on a file, at which severity, with which options: rule
 * defaults, then `rules`, then each matching `overrides` entry in order.
 */
export class RuleSettings {
  private readonly base: Map<string, ActiveRule | null>;
  private readonly overrides: { match: (path: string) => boolean; settings: Map<string, ActiveRule | null> }[];

  constructor(
    private readonly registry: readonly AnyRule[],
    config: Pick<CatalogConfig, 'rules' | 'overrides' | 'file'>,
  ) {
    const where = config.file ?? 'configuration';
    const defaults = new Map<string, ActiveRule | null>(registry.map((rule) => [rule.meta.id, { rule, severity: rule.meta.severity, options: parseOptions(rule, undefined, where) }]));
    this.base = this.apply(defaults, config.rules, where, 'rules');
    this.overrides = config.overrides.map((o, i) => ({
      match: picomatch(o.files, { dot: true }),
      settings: this.apply(new Map(), o.rules, where, `overrides[${i}].rules`),
    }));
  }

  /** Rules that run on a file (path relative to the catalog root), sorted by id. */
  forFile(path: string): ActiveRule[] {
    if (this.overrides.length === 0) return [...this.base.values()].filter((r): r is ActiveRule => r !== null);
    const merged = new Map(this.base);
    for (const o of this.overrides) if (o.match(path)) for (const [id, s] of o.settings) merged.set(id, s);
    return [...merged.values()].filter((r): r is ActiveRule => r !== null);
  }

  private apply(into: Map<string, ActiveRule | null>, rules: Record<string, RuleSetting>, where: string, key: string): Map<string, ActiveRule | null> {
    const problems: string[] = [];
    for (const [id, setting] of Object.entries(rules)) {
      const rule = this.registry.find((r) => r.meta.id === id);
      if (!rule) {
        const near = this.registry.map((r) => r.meta.id).find((known) => editDistance(known, id) <= 2);
        problems.push(`${where}: \`${key}.${id}\`: unknown rule.${near ? ` Did you mean \`${near}\`?` : ''} Run \`patternbook rules\` for the list.`);
        continue;
      }
      const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
      if (level === 'off') {
        into.set(id, null);
        continue;
      }
      try {
        into.set(id, { rule, severity: level === 'warn' ? 'warning' : 'error', options: parseOptions(rule, options, `${where}: \`${key}.${id}\``) });
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
    if (problems.length) throw new PatternbookError(problems.join('\n'));
    return into;
  }
}

function parseOptions(rule: AnyRule, options: unknown, where: string): unknown {
  if (!rule.meta.options) {
    if (options !== undefined && Object.keys(options as object).length > 0) throw new PatternbookError(`${where}: rule \`${rule.meta.id}\` takes no options.`);
    return {};
  }
  const result = rule.meta.options.safeParse(options ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ');
    throw new PatternbookError(`${where}: invalid options for \`${rule.meta.id}\`: ${issues}.`);
  }
  return result.data;
}
