import path from 'node:path';
import { Option, type Command } from 'commander';
import { PatternbookError } from '../../diagnostics.js';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';

interface SearchFlags {
  format: 'text' | 'json';
  limit?: string;
  filter?: string[];
  template?: string;
  cache: boolean;
}

export function registerSearch(program: Command, ctx: CommandContext): Command {
  return program
    .command('search')
    .description('search the catalog for patterns that answer a question (the engine of `patternbook mcp`), best first')
    .argument('<query>', 'what you are looking for, in plain words: "stop calling a service that keeps failing"')
    .argument('[dir]', 'catalog root')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-n, --limit <n>', 'how many results (default 10, at most 100)')
    .option(
      '--filter <facet=values>',
      'only patterns with one of these values of a facet, e.g. category=resilience or tags=data,messaging (repeatable)',
      (v: string, all: string[] | undefined) => [...(all ?? []), v],
    )
    .option('-t, --template <file>', 'read the catalog against this template instead of the configured one')
    .option(
      '--no-cache',
      "read every pattern file, and keep nothing in the user's cache folder (by default what was read is kept there, and only changed files are read next time)",
    )
    .action(async (query: string, dir: string | undefined, flags: SearchFlags) => {
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100))
        throw new PatternbookError(`--limit ${flags.limit}: expected a whole number from 1 to 100.`);
      const filters = parseFilters(flags.filter ?? []);
      const { CatalogSearch } = await import('../../search/catalog-search.js');
      const { renderHits } = await import('../../search/render.js');
      const root = resolveCatalogRoot(ctx.cwd, dir);
      const catalog = await CatalogSearch.open({ root, cache: flags.cache, ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}) });
      for (const d of catalog.diagnostics) ctx.err(formatDiagnostic(d, ctx.errColor));
      if (filters) {
        const known = new Set([...catalog.facetKeys, ...Object.keys(catalog.facets())]);
        const unknown = Object.keys(filters).filter((f) => !known.has(f));
        if (unknown.length) throw new PatternbookError(`--filter ${unknown[0]}=…: unknown facet; this catalog's facets are ${[...known].join(', ')}.`);
      }
      const results = await catalog.search(query, { ...(limit ? { limit } : {}), ...(filters ? { filters } : {}) });
      if (flags.format === 'json') ctx.stdout.write(`${JSON.stringify({ query, results }, null, 2)}\n`);
      else if (results.length) ctx.out(renderHits(results, ctx.color));
      else ctx.err(`No pattern matches "${query}"${filters ? ' with these filters' : ''}.`);
      ctx.exitCode = results.length ? 0 : 1;
    });
}

/** `--filter tags=a,b --filter status=stable` → `{ tags: ['a', 'b'], status: ['stable'] }`. */
function parseFilters(given: string[]): Record<string, string[]> | undefined {
  if (given.length === 0) return undefined;
  const out: Record<string, string[]> = {};
  for (const f of given) {
    const at = f.indexOf('=');
    const facet = at > 0 ? f.slice(0, at).trim() : '';
    const values =
      at > 0
        ? f
            .slice(at + 1)
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : [];
    if (!facet || values.length === 0) throw new PatternbookError(`--filter ${f}: expected facet=value (or facet=a,b), e.g. --filter category=resilience.`);
    out[facet] = [...(out[facet] ?? []), ...values];
  }
  return out;
}
