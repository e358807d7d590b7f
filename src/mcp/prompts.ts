import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { LiveCatalog } from './live-catalog.js';

/**
 * Two prompts a user can pick in their assistant: each sets out the steps
 * with this server's tools. The first also gives the search's current best
 * candidates, so the assistant starts from the catalog rather than from
 * what it remembers of patterns in general.
 */
export function registerPrompts(server: McpServer, live: LiveCatalog): void {
  server.registerPrompt(
    'choose_pattern',
    {
      title: 'Choose a pattern for this problem',
      description: 'Find the catalog pattern that fits a problem, compare it with its alternatives, and explain how to apply it.',
      argsSchema: { problem: z.string().min(1).describe('The problem, in your own words.') },
    },
    async ({ problem }) => {
      const catalog = await live.catalog();
      const hits = await catalog.search(problem, { limit: 5 });
      const candidates = hits.length
        ? hits.map((h, i) => `${i + 1}. ${h.title} (\`${h.slug}\`)${h.summary ? ` — ${h.summary}` : ''}`).join('\n')
        : '(The search found no candidate for these words: try search_patterns with other words, or list_patterns.)';
      return {
        description: `Choose a pattern for: ${problem}`,
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text: `I need an architecture pattern from our catalog for this problem:

${problem}

Candidates from the catalog's search:
${candidates}

Please:
1. Use search_patterns (with other wordings if these candidates look off) to find the patterns that may fit.
2. Read the two or three best with get_pattern — their Overview, then the sections on limitations and when not to use them — and use related_patterns to see their alternatives.
3. Recommend ONE pattern of our catalog (by slug), say why it fits this problem better than the others, and what to watch out for, quoting the sections you relied on.
4. Outline how to apply it here, following its Implementation section.
If none of our patterns fits, say so plainly instead of recommending one from outside the catalog.`,
            },
          },
        ],
      };
    },
  );

  server.registerPrompt(
    'write_pattern',
    {
      title: 'Write a new pattern from the template',
      description: 'Draft a new pattern for this catalog from its template and check it until the linter is satisfied.',
      argsSchema: {
        title: z.string().min(1).describe("The pattern's name."),
        summary: z.string().min(1).describe('One sentence: what it does and why.'),
        notes: z.string().optional().describe('What you know about it: context, examples, constraints.'),
      },
    },
    async ({ title, summary, notes }) => ({
      description: `Write the pattern "${title}"`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: `Please write a new pattern for our catalog: "${title}" — ${summary}
${notes ? `\nWhat I know about it:\n${notes}\n` : ''}
1. Call new_pattern_draft with this title and summary: it gives the catalog's template with them filled in, and where the file goes.
2. Check the catalog first with search_patterns: if a pattern already covers this, tell me before writing a duplicate. Note the patterns this one relates to.
3. Replace every section's guidance with real content; keep every heading of the template, in order. Link related patterns with relative links to their files (list_patterns gives the paths).
4. Call lint_pattern with your text and fix every error (and the warnings you can), until it reports no errors.
5. Give me the final Markdown and the path to save it to. Do not claim it was saved: this server cannot write files.`,
          },
        },
      ],
    }),
  );
}
