import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { LiveCatalog } from '../live-catalog.js';
import { isRefusal, patternOrRefusal, relationSchema, relationsWithTitles, type Relation } from '../pattern-facts.js';
import { answer, READ_ONLY } from '../results.js';

const MAX_DEPTH = 3;

const KIND_TEXT: Record<Relation['kind'], string> = {
  related: 'Related',
  alternative: 'Alternatives',
  mentioned: 'Mentioned in its text',
  'referenced-by': 'Referenced by',
};

export function registerRelatedPatterns(server: McpServer, live: LiveCatalog): void {
  server.registerTool(
    'related_patterns',
    {
      title: 'Relations of a pattern',
      description:
        'The patterns a pattern relates to, by kind: related and alternative (its Related Patterns and Alternatives sections), mentioned (linked from elsewhere in its text) and referenced by (patterns that link to it), each marked reciprocal or one-way. With depth > 1, also the patterns further away, and through which.',
      inputSchema: {
        slug: z.string().min(1),
        depth: z.number().int().min(1).max(MAX_DEPTH).optional().describe(`How many relations away (default 1, at most ${MAX_DEPTH}).`),
      },
      outputSchema: {
        slug: z.string(),
        title: z.string(),
        relations: z.array(
          relationSchema.extend({
            distance: z.number().describe('Relations away from the pattern asked about.'),
            via: z.string().optional().describe('For distance > 1: the pattern this relation belongs to.'),
          }),
        ),
      },
      annotations: READ_ONLY,
    },
    async ({ slug, depth = 1 }) => {
      const catalog = await live.catalog();
      const record = patternOrRefusal(catalog, slug);
      if (isRefusal(record)) return record;
      const out: (Relation & { distance: number; via?: string })[] = relationsWithTitles(catalog, record.slug).map((r) => ({ ...r, distance: 1 }));
      const seen = new Set([record.slug, ...out.map((r) => r.slug)]);
      let frontier = [...new Set(out.map((r) => r.slug))];
      for (let distance = 2; distance <= depth && frontier.length; distance++) {
        const next: string[] = [];
        for (const via of frontier) {
          for (const r of relationsWithTitles(catalog, via)) {
            if (seen.has(r.slug)) continue;
            seen.add(r.slug);
            out.push({ ...r, distance, via });
            next.push(r.slug);
          }
        }
        frontier = next;
      }
      const lines = [`Relations of ${record.title} (\`${record.slug}\`)${depth > 1 ? `, up to ${depth} away` : ''}:`];
      for (const kind of Object.keys(KIND_TEXT) as Relation['kind'][]) {
        const list = out.filter((r) => r.kind === kind && r.distance === 1);
        if (list.length)
          lines.push(
            `${KIND_TEXT[kind]}: ${list.map((r) => `${r.title} (\`${r.slug}\`${kind === 'mentioned' ? '' : r.reciprocal ? ', both ways' : ', one-way'})`).join('; ')}`,
          );
      }
      const further = out.filter((r) => r.distance > 1);
      if (further.length) lines.push('Further away:', ...further.map((r) => `- ${r.title} (\`${r.slug}\`): ${r.kind} of \`${r.via}\`, ${r.distance} away`));
      if (out.length === 0) lines.push('None: no pattern lists it, and it lists none.');
      return answer({ slug: record.slug, title: record.title, relations: out }, lines.join('\n'));
    },
  );
}
