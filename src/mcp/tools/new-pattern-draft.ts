import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { patternPathFor, renderNewPattern, SLUG_PATTERN } from '../../scaffold/render-pattern.js';
import type { LiveCatalog } from '../live-catalog.js';
import { answer, READ_ONLY } from '../results.js';

/** `Circuit Breaker` → `circuit-breaker`: what `patternbook new` accepts as a slug (lowercase letters, digits, single hyphens). */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return SLUG_PATTERN.test(slug) ? slug : '';
}

/** `YYYY-MM-DD` in local time, as `patternbook new` dates a first changelog entry. */
function today(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export function registerNewPatternDraft(server: McpServer, live: LiveCatalog): void {
  server.registerTool(
    'new_pattern_draft',
    {
      title: 'Start a new pattern from the template',
      description:
        "The Markdown `patternbook new` would write for a new pattern — the catalog's template with the title and summary filled in, every other section's guidance left for the author — and where it would go. Nothing is written: fill it in, check it with lint_pattern, and save it yourself (or run `patternbook new`).",
      inputSchema: {
        title: z.string().trim().min(1).describe('The pattern\'s name, e.g. "Rate Limiter".'),
        summary: z.string().trim().min(1).describe('One sentence: what the pattern does and why.'),
      },
      outputSchema: {
        slug: z.string(),
        path: z.string().describe('Where `patternbook new <slug>` would write it, relative to the catalog root.'),
        taken: z.boolean().describe('A pattern with this slug exists already: choose another title or slug.'),
        markdown: z.string(),
      },
      annotations: READ_ONLY,
    },
    async ({ title, summary }) => {
      const catalog = await live.catalog();
      const { config, template } = catalog.settings;
      const slug = slugFromTitle(title) || 'new-pattern';
      const rel = patternPathFor(slug, config.patterns);
      const markdown = renderNewPattern(template, { title, summary }, { today: today() });
      const taken = catalog.all().some((r) => r.slug.toLowerCase() === slug);
      const note = taken ? `\`${slug}\` is taken by an existing pattern: choose another title or slug before saving.\n` : '';
      return answer({ slug, path: rel, taken, markdown }, `${note}Draft for ${rel} (not written):\n\n${markdown}`);
    },
  );
}
