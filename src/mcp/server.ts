import { readFile } from 'node:fs/promises';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { loadCatalogData } from '../export/load.js';
import { VERSION } from '../version.js';
import type { LiveCatalog } from './live-catalog.js';
import { registerPrompts } from './prompts.js';
import { nearestNames } from './results.js';
import { registerGetPattern } from './tools/get-pattern.js';
import { registerLintPattern } from './tools/lint-pattern.js';
import { registerListPatterns } from './tools/list-patterns.js';
import { registerNewPatternDraft } from './tools/new-pattern-draft.js';
import { registerRelatedPatterns } from './tools/related-patterns.js';
import { registerSearchPatterns } from './tools/search-patterns.js';

export const PATTERN_URI = 'patternbook://patterns/{slug}';
export const TEMPLATE_URI = 'patternbook://template';
export const CATALOG_URI = 'patternbook://catalog.json';

const INSTRUCTIONS = `This server answers questions about one architecture pattern catalog (patterns-as-code, checked against the catalog's own template).
- To find a pattern for a problem: search_patterns with the problem in plain words, then get_pattern (a section such as "Overview" or "Limitations" first) to compare the best ones, and related_patterns for alternatives.
- To write a new pattern: new_pattern_draft, fill in every section, then lint_pattern with the text until it has no errors. Nothing is written by this server: give the user the text to save.
The server only reads the catalog; it never writes a file in it and never runs a pattern's steps.`;

/**
 * The MCP server of one catalog: six read-only tools, a resource per
 * pattern plus the template and the catalog's JSON export, and two prompts.
 * One `McpServer` per connection (HTTP makes one per session); they share
 * the live catalog.
 */
export function createMcpServer(live: LiveCatalog): McpServer {
  const server = new McpServer(
    { name: 'patternbook', title: 'Patternbook catalog', version: VERSION },
    { instructions: INSTRUCTIONS, capabilities: { resources: { listChanged: true } } },
  );

  registerSearchPatterns(server, live);
  registerGetPattern(server, live);
  registerListPatterns(server, live);
  registerRelatedPatterns(server, live);
  registerLintPattern(server, live);
  registerNewPatternDraft(server, live);

  server.registerResource(
    'pattern',
    new ResourceTemplate(PATTERN_URI, {
      list: async () => ({
        resources: (await live.catalog()).all().map((r) => ({
          uri: patternUri(r.slug),
          name: r.slug,
          title: r.title,
          ...(r.summary ? { description: r.summary } : {}),
          mimeType: 'text/markdown',
        })),
      }),
      complete: {
        slug: async (value) => {
          const slugs = (await live.catalog()).all().map((r) => r.slug);
          return slugs.filter((s) => s.startsWith(value)).slice(0, 100);
        },
      },
    }),
    { title: 'Pattern', description: "A pattern's Markdown file, as it is on disk.", mimeType: 'text/markdown' },
    async (uri, variables) => {
      const catalog = await live.catalog();
      const slug = decodeURIComponent(String(variables.slug ?? ''));
      const record = catalog.get(slug);
      if (!record) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `No pattern \`${slug}\` in this catalog. Nearest: ${nearestNames(
            slug,
            catalog.all().map((r) => r.slug),
          ).join(', ')}.`,
        );
      }
      const text = await catalog.currentText(record);
      if (text === undefined) throw new McpError(ErrorCode.InvalidParams, `${record.path} cannot be read now (it was moved or deleted).`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );

  server.registerResource(
    'template',
    TEMPLATE_URI,
    {
      title: 'Pattern template',
      description: 'The template every pattern of this catalog follows: its sections, in order, with guidance for each.',
      mimeType: 'text/markdown',
    },
    async (uri) => {
      const { template } = (await live.catalog()).settings;
      // A template kept in a block of a page about it is that block, not the page.
      const text = template.embeddedAt ? template.source.replace(/^\n+/, '') : await readFile(template.file, 'utf8').catch(() => template.source);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );

  server.registerResource(
    'catalog',
    CATALOG_URI,
    {
      title: 'Catalog export (JSON)',
      description:
        "The whole catalog as data, as `patternbook export --format json` writes it: every pattern's sections, parameters, relations, changelog, lint counts and verification.",
      mimeType: 'application/json',
    },
    async (uri) => {
      const catalog = await live.catalog();
      const { data } = await loadCatalogData({ root: catalog.root, ...(catalog.templateFile ? { templateFile: catalog.templateFile } : {}) });
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: `${JSON.stringify(data, null, 2)}\n` }] };
    },
  );

  registerPrompts(server, live);
  return server;
}

export function patternUri(slug: string): string {
  return `patternbook://patterns/${encodeURIComponent(slug)}`;
}
