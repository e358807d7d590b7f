import type { Diagnostic } from '../diagnostics.js';

/** What the health report needs of each pattern (the site's page metadata and the export both have it). */
export interface HealthInput {
  slug: string;
  title: string;
  /** Date of the newest changelog entry (YYYY-MM-DD). */
  updated?: string;
  related: string[];
  alternatives: string[];
  backlinks: string[];
  verification?: { status: VerificationStatus; when?: string | undefined };
  /** Its lint findings. */
  diagnostics: readonly Pick<Diagnostic, 'ruleId' | 'severity' | 'message'>[];
}

export interface PatternHealth {
  slug: string;
  title: string;
  /** 100 when no rule finds anything; each rule with an error costs a full share, with only warnings half. */
  score: number;
  errors: number;
  warnings: number;
  /** Rules that found something, by id. */
  rules: string[];
  updated?: string;
  /** Days since `updated`. */
  ageDays?: number;
  verification: { status: VerificationStatus; when?: string; ageDays?: number };
}

/** A pattern's last verification: `incomplete` when blocks still held the template's sample code (not verified). */
export type VerificationStatus = 'passed' | 'failed' | 'incomplete' | 'never';

export interface HealthReport {
  title: string;
  /** The day the report is about (YYYY-MM-DD): ages count from it. */
  date: string;
  staleDays: number;
  patterns: PatternHealth[];
  /** Mean of the patterns' scores. */
  score: number;
  rules: { id: string; patterns: number; errors: number; warnings: number }[];
  stale: { slug: string; updated?: string; ageDays?: number }[];
  orphans: string[];
  oneWay: { from: string; to: string; kind: 'related' | 'alternative' }[];
  nearDuplicates: { slug: string; message: string }[];
  verification: { passed: number; failed: number; incomplete: number; never: number };
  /** Lint findings the catalog's baseline holds: recorded when it adopted them, not counted above. */
  baselined: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The catalog's health in one place: conformance per rule and per pattern,
 * patterns not updated for `staleDays`, orphans, one-way relations,
 * near-duplicates, verification status and age. Pure: the same input and
 * date give the same report.
 */
export function healthReport(input: {
  title: string;
  patterns: readonly HealthInput[];
  /** Ids of every rule that ran (a rule with no finding anywhere still counts in the scores). */
  ruleIds: readonly string[];
  now: Date;
  staleDays: number;
  /** Findings left out because the catalog's baseline holds them. */
  baselined?: number;
}): HealthReport {
  const today = input.now.toISOString().slice(0, 10);
  const days = (date: string | undefined) => (date ? Math.floor((Date.parse(today) - Date.parse(date.slice(0, 10))) / DAY) : undefined);
  const ruleStats = new Map(input.ruleIds.map((id) => [id, { id, patterns: 0, errors: 0, warnings: 0 }]));
  // Every rule that reported anywhere counts for every pattern's score (one denominator for all).
  for (const p of input.patterns)
    for (const d of p.diagnostics) if (!ruleStats.has(d.ruleId)) ruleStats.set(d.ruleId, { id: d.ruleId, patterns: 0, errors: 0, warnings: 0 });
  const nearDuplicates: HealthReport['nearDuplicates'] = [];

  const patterns = input.patterns.map((p): PatternHealth => {
    const diagnostics = p.diagnostics;
    const perRule = new Map<string, 'error' | 'warning'>();
    for (const d of diagnostics) {
      const stat = ruleStats.get(d.ruleId) ?? ruleStats.set(d.ruleId, { id: d.ruleId, patterns: 0, errors: 0, warnings: 0 }).get(d.ruleId)!;
      if (d.severity === 'error') stat.errors++;
      else stat.warnings++;
      if (perRule.get(d.ruleId) !== 'error') perRule.set(d.ruleId, d.severity === 'error' ? 'error' : 'warning');
      if (d.ruleId === 'duplicate-pattern') nearDuplicates.push({ slug: p.slug, message: d.message });
    }
    for (const id of perRule.keys()) ruleStats.get(id)!.patterns++;
    const cost = [...perRule.values()].reduce((n, s) => n + (s === 'error' ? 1 : 0.5), 0);
    const ruleCount = Math.max(ruleStats.size, 1);
    const v = p.verification ?? { status: 'never' as const };
    const ageDays = days(p.updated);
    const verifiedAge = days(v.when);
    return {
      slug: p.slug,
      title: p.title,
      score: Math.round(100 * (1 - cost / ruleCount)),
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity !== 'error').length,
      rules: [...perRule.keys()].sort(),
      ...(p.updated ? { updated: p.updated } : {}),
      ...(ageDays !== undefined ? { ageDays } : {}),
      verification: { status: v.status, ...(v.when ? { when: v.when } : {}), ...(verifiedAge !== undefined ? { ageDays: verifiedAge } : {}) },
    };
  });

  const lists = new Map(input.patterns.map((p) => [p.slug, p]));
  const oneWay: HealthReport['oneWay'] = [];
  for (const p of input.patterns) {
    for (const [kind, list] of [
      ['related', p.related],
      ['alternative', p.alternatives],
    ] as const) {
      for (const to of list) {
        const other = lists.get(to);
        const back = kind === 'related' ? other?.related : other?.alternatives;
        if (other && !back?.includes(p.slug)) oneWay.push({ from: p.slug, to, kind });
      }
    }
  }
  return {
    title: input.title,
    date: today,
    staleDays: input.staleDays,
    patterns,
    score: patterns.length ? Math.round(patterns.reduce((n, p) => n + p.score, 0) / patterns.length) : 100,
    rules: [...ruleStats.values()].sort((a, b) => b.patterns - a.patterns || b.errors - a.errors || (a.id < b.id ? -1 : 1)),
    stale: patterns
      .filter((p) => p.ageDays === undefined || p.ageDays > input.staleDays)
      .map((p) => ({ slug: p.slug, ...(p.updated ? { updated: p.updated } : {}), ...(p.ageDays !== undefined ? { ageDays: p.ageDays } : {}) })),
    orphans: input.patterns.filter((p) => !p.related.length && !p.alternatives.length && !p.backlinks.length).map((p) => p.slug),
    oneWay,
    nearDuplicates,
    verification: {
      passed: patterns.filter((p) => p.verification.status === 'passed').length,
      failed: patterns.filter((p) => p.verification.status === 'failed').length,
      incomplete: patterns.filter((p) => p.verification.status === 'incomplete').length,
      never: patterns.filter((p) => p.verification.status === 'never').length,
    },
    baselined: input.baselined ?? 0,
  };
}

export const DEFAULT_STALE_DAYS = 365;
