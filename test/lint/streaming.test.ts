import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPreparedCatalog, prepareCatalog } from '../../src/catalog/load-catalog.js';
import { lintCatalog } from '../../src/lint/engine.js';
import { lintStreaming } from '../../src/lint/parallel.js';
import { registry } from '../../src/lint/registry.js';
import { REPO, fixture, tempCatalog } from '../helpers.js';

/**
 * `lint` streams (each file parsed, checked and dropped; catalog rules on light
 * views); the library's `lintCatalog` works on a catalog held in memory. Both
 * must find exactly the same problems.
 */
async function both(root: string) {
  const prepared = await prepareCatalog({ root });
  const options = { registry, flags: { now: new Date('2026-11-26T12:00:00Z') } };
  const streamed = await lintStreaming(prepared, 1, undefined, options);
  const inMemory = await lintCatalog(await loadPreparedCatalog(prepared), options);
  const flat = (r: typeof streamed.results) => r.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column} ${d.ruleId} ${d.message}`));
  return { streamed: flat(streamed.results), inMemory: flat(inMemory.results), rules: [streamed.rules, inMemory.rules] };
}

describe('streaming lint', () => {
  it('finds what the in-memory lint finds, on catalogs with problems of every kind', async () => {
    const dir = await tempCatalog();
    await cp(path.join(REPO, 'examples/catalog'), dir, { recursive: true });
    // Cross-file problems: a one-way relation, a broken anchor into another pattern, a near-duplicate.
    const saga = path.join(dir, 'saga/README.md');
    const text = await readFile(saga, 'utf8');
    await writeFile(saga, text.replace('\n## Architecture\n', '\nSee [the breaker](../circuit-breaker/README.md#no-such-heading).\n\n## Architecture\n'));
    await cp(path.join(dir, 'bulkhead'), path.join(dir, 'bulkhead-copy'), { recursive: true });
    for (const root of [dir, fixture('catalogs/basic'), fixture('catalogs/named'), fixture('catalogs/one-file')]) {
      const { streamed, inMemory, rules } = await both(root);
      expect(streamed).toEqual(inMemory);
      expect(rules[0]).toEqual(rules[1]);
      if (root === dir) {
        expect(streamed.some((d) => d.includes(' link ') && d.includes('no-such-heading'))).toBe(true);
        expect(streamed.some((d) => d.includes(' duplicate-pattern '))).toBe(true);
      }
    }
  });
});
