import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { CatalogSearch } from '../../search/catalog-search.js';
import { renderHits } from '../../search/render.js';
import { DEFAULT_LIMIT, MAX_LIMIT, type Filters } from '../../search/search-index.js';
import type { LiveCatalog } from '../live-catalog.js';
import { answer, listed, nearestNames, READ_ONLY, refusal } from '../results.js';

export const filtersSchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .describe('Facet filters, e.g. {"category": "resilience", "tags": ["messaging", "data"]}: a pattern must have one of the values of every facet named.');

export const hitSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string().optional(),
  path: z.string().describe('The pattern file, relative to the catalog root.'),
  facets: z.record(z.string(), z.array(z.string())),
  score: z.number().describe('Relevance (BM25; higher is better), comparable within one answer.'),
  section: z
    .object({
      heading: z.string(),
      path: z.array(z.string()).describe('Headings from the top-level section down to this one: pass it to get_pattern as "A/B".'),
      id: z.string(),
      excerpt: z.string(),
    })
    .optional()
    .describe('The section that matches best, with a short excerpt around the match.'),
});

/** Facet names a filter may use: those the catalog shows, and any a pattern has values for. */
export function checkFilters(catalog: CatalogSearch, filters: Filters | undefined): string | undefined {
  if (!filters) return undefined;
  const known = new Set([...catalog.facetKeys, ...Object.keys(catalog.facets())]);
  const unknown = Object.keys(filters).filter((f) => !known.has(f));
  if (unknown.length === 0) return undefined;
  const facets = catalog.facets();
  const values = Object.entries(facets)
    .map(([k, v]) => `${k} (${v.slice(0, 12).join(', ')}${v.length > 12 ? ', …' : ''})`)
    .join('; ');
  return `Unknown facet ${listed(unknown)}: this catalog's facets are ${listed([...known])}${values ? ` — values: ${values}` : ''}. Did you mean ${listed(nearestNames(unknown[0]!, known, 3))}?`;
}

export function registerSearchPatterns(server: McpServer, live: LiveCatalog): void {
  server.registerTool(
    'search_patterns',
    {
      title: 'Search the pattern catalog',
      description:
        'Full-text search over the catalog\'s patterns (title, summary, headings and text; stemming and synonyms), best first. Describe the problem in plain words ("stop calling a service that keeps failing"). Each result names the section that matches best, with an excerpt; read it with get_pattern.',
      inputSchema: {
        query: z.string().min(1).describe('What you are looking for: a problem, a question or keywords.'),
        limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe(`How many results (default ${DEFAULT_LIMIT}).`),
        filters: filtersSchema.optional(),
      },
      outputSchema: { query: z.string(), results: z.array(hitSchema) },
      annotations: READ_ONLY,
    },
    async ({ query, limit, filters }) => {
      const catalog = await live.catalog();
      const problem = checkFilters(catalog, filters);
      if (problem) return refusal(problem);
      const results = await catalog.search(query, { ...(limit ? { limit } : {}), ...(filters ? { filters } : {}) });
      const text = results.length ? renderHits(results) : `No pattern matches "${query}". Try other words, fewer filters, or list_patterns to see them all.`;
      return answer({ query, results }, text);
    },
  );
}
