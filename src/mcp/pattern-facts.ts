import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseRecord, recordFile } from '../run/record.js';
import type { CatalogSearch } from '../search/catalog-search.js';
import type { PatternRecord } from '../search/record.js';
import { relationsOf, type RelationEntry } from '../search/relations.js';
import { nearestNames, refusal } from './results.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** What the tools say about a pattern besides its text: its relations and its last verification. */

export const verificationSchema = z.object({
  status: z.enum(['passed', 'failed', 'incomplete', 'never']).describe('The last `patternbook run`/`verify` of its steps (`never`: no record).'),
  when: z.string().optional(),
  commit: z.string().optional(),
  reason: z.string().optional(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const relationSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  kind: z.enum(['related', 'alternative', 'mentioned', 'referenced-by']),
  reciprocal: z.boolean().describe('related/alternative: the other pattern lists this one back; referenced-by: this one links to it too.'),
});
export type Relation = z.infer<typeof relationSchema>;

/** The pattern's last verification, read from its record (`.patternbook/verify/<slug>.json`); `never` when there is none or it cannot be used. */
export function verificationOf(root: string, slug: string): Verification {
  const file = recordFile(root, slug);
  let missing = false;
  const result = parseRecord(path.basename(file), () => {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw err;
    }
  });
  if (missing || !('record' in result)) return { status: 'never' };
  const r = result.record;
  return { status: r.status, when: r.when, ...(r.commit ? { commit: r.commit } : {}), ...(r.reason ? { reason: r.reason } : {}) };
}

/** The relations of a pattern with the other pattern's title and summary. */
export function relationsWithTitles(catalog: CatalogSearch, slug: string): Relation[] {
  return relationsOf(slug, catalog.all()).map((r: RelationEntry) => {
    const other = catalog.get(r.slug);
    return { ...r, title: other?.title ?? r.slug, ...(other?.summary ? { summary: other.summary } : {}) };
  });
}

/** The record of a slug, or the error result that lists the nearest slugs and titles. */
export function patternOrRefusal(catalog: CatalogSearch, slug: string): PatternRecord | CallToolResult {
  const record = catalog.get(slug) ?? catalog.all().find((r) => r.slug.toLowerCase() === slug.trim().toLowerCase());
  if (record) return record;
  const all = catalog.all();
  const byTitle = new Map(all.map((r) => [r.title, r.slug]));
  const near = nearestNames(slug, [...all.map((r) => r.slug), ...byTitle.keys()], 8)
    .map((n) => byTitle.get(n) ?? n)
    .filter((s, i, list) => list.indexOf(s) === i)
    .slice(0, 5);
  return refusal(
    all.length === 0
      ? `No pattern \`${slug}\`: this catalog has no patterns (see list_patterns for files that could not be loaded).`
      : `No pattern \`${slug}\` in this catalog. Nearest: ${near.map((s) => `\`${s}\` (${catalog.get(s)?.title ?? s})`).join(', ')}. Use search_patterns to find one by what it does.`,
  );
}

export function isRefusal(value: PatternRecord | CallToolResult): value is CallToolResult {
  return 'isError' in value;
}
