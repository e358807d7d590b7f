import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { LiveCatalog } from '../live-catalog.js';
import { answer, READ_ONLY, refusal } from '../results.js';
import { checkFilters, filtersSchema } from './search-patterns.js';

export const problemSchema = z.object({ file: z.string(), line: z.number(), column: z.number(), message: z.string() });

export function registerListPatterns(server: McpServer, live: LiveCatalog): void {
  server.registerTool(
    'list_patterns',
    {
      title: "List the catalog's patterns",
      description:
        'Every pattern of the catalog (slug, title, summary, path and facets such as category, tags and status), by path, optionally filtered by facet; with the values each facet takes, and the files that could not be read.',
      inputSchema: { filters: filtersSchema.optional() },
      outputSchema: {
        patterns: z.array(
          z.object({ slug: z.string(), title: z.string(), summary: z.string().optional(), path: z.string(), facets: z.record(z.string(), z.array(z.string())) }),
        ),
        facets: z.record(z.string(), z.array(z.string())).describe('Every facet in use, with its values.'),
        problems: z.array(problemSchema).describe('Files of the catalog that could not be loaded (not listed above).'),
      },
      annotations: READ_ONLY,
    },
    async ({ filters }) => {
      const catalog = await live.catalog();
      const problem = checkFilters(catalog, filters);
      if (problem) return refusal(problem);
      const patterns = catalog.list(filters).map((r) => ({ slug: r.slug, title: r.title, ...(r.summary ? { summary: r.summary } : {}), path: r.path, facets: r.facets }));
      const problems = catalog.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ file: d.path, line: d.line, column: d.column, message: d.message }));
      const facetText = (f: Record<string, string[]>) =>
        Object.entries(f)
          .map(([k, v]) => `${k}: ${v.join(', ')}`)
          .join('; ');
      const text = [
        `${patterns.length} pattern${patterns.length === 1 ? '' : 's'}${filters ? ` matching ${JSON.stringify(filters)}` : ''}:`,
        ...patterns.map((p) => `- ${p.title} (\`${p.slug}\`)${p.summary ? ` — ${p.summary}` : ''}${Object.keys(p.facets).length ? ` [${facetText(p.facets)}]` : ''}`),
        ...(problems.length ? ['', 'Could not be loaded:', ...problems.map((p) => `- ${p.file}:${p.line}:${p.column} ${p.message}`)] : []),
      ].join('\n');
      return answer({ patterns, facets: catalog.facets(), problems }, text);
    },
  );
}
