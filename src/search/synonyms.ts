import { analyze } from './analyze.js';

/**
 * Words and phrases that mean the same in architecture writing, as groups.
 * A question that uses one of a group also searches for the others (with
 * less weight than its own words): someone who asks how to "roll back"
 * finds the pattern that "compensates". Kept short and general; a catalog
 * adds its own vocabulary (team acronyms, product names) with
 * `search.synonyms` in its configuration.
 */
export const BUILT_IN_SYNONYMS: readonly (readonly string[])[] = [
  ['retry', 'try again', 'reattempt'],
  ['undo', 'compensate', 'rollback', 'roll back', 'revert'],
  ['duplicate', 'twice', 'more than once', 'redelivery', 'deduplicate', 'dedupe'],
  ['exactly once', 'idempotent', 'idempotency'],
  ['fail', 'failure', 'error', 'fault', 'outage', 'down', 'broken', 'unavailable', 'crash'],
  ['slow', 'latency', 'hang', 'sluggish'],
  ['overload', 'swamp', 'flood', 'exhaust', 'overwhelm', 'saturate', 'starve'],
  ['limit', 'cap', 'bound', 'quota', 'throttle'],
  ['delay', 'backoff', 'back off', 'wait'],
  ['timeout', 'time out', 'times out', 'timed out'],
  ['isolate', 'isolation', 'partition', 'compartment'],
  ['database', 'db', 'datastore', 'data store'],
  ['cache', 'redis', 'memcached'],
  ['stale', 'outdated', 'old data'],
  ['broker', 'queue', 'message bus', 'kafka', 'rabbitmq', 'sqs'],
  ['event', 'message', 'notification'],
  ['publish', 'emit', 'send'],
  ['legacy', 'monolith', 'old system'],
  ['migrate', 'migration', 'modernize', 'modernization', 'replace', 'rewrite'],
  ['microservice', 'service'],
  ['distributed transaction', 'two-phase commit', '2pc', 'xa transaction'],
  ['consistency', 'consistent', 'integrity'],
  ['api', 'endpoint', 'interface'],
  ['k8s', 'kubernetes'],
  ['ttl', 'time to live', 'expiry', 'expire'],
  ['concurrency', 'parallel', 'simultaneous'],
  ['auth', 'authentication', 'login'],
];

/** Synonym groups as term sequences, ready to be matched against an analysed question. */
export class Synonyms {
  private readonly groups: string[][][];

  constructor(groups: readonly (readonly string[])[]) {
    this.groups = groups.map((g) => g.map((phrase) => analyze(phrase)).filter((terms) => terms.length > 0)).filter((g) => g.length > 1);
  }

  /** The built-in groups followed by the catalog's own (`search.synonyms`). */
  static forCatalog(extra: readonly (readonly string[])[] = []): Synonyms {
    return new Synonyms([...BUILT_IN_SYNONYMS, ...extra]);
  }

  /**
   * The terms a question's synonyms add, with their weight: for every group
   * with a phrase found in `terms` (its terms in a row), the terms of its
   * other phrases that the question does not already have, each once.
   */
  expand(terms: readonly string[], weight: number): { term: string; weight: number }[] {
    const have = new Set(terms);
    const added = new Map<string, number>();
    for (const group of this.groups) {
      if (!group.some((phrase) => containsRun(terms, phrase))) continue;
      for (const phrase of group) for (const t of phrase) if (!have.has(t)) added.set(t, weight);
    }
    return [...added].map(([term, w]) => ({ term, weight: w }));
  }
}

function containsRun(terms: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= terms.length; i++) {
    for (let j = 0; j < run.length; j++) if (terms[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
