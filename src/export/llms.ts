import type { Catalog } from '../catalog/types.js';
import type { CatalogExport, PatternEntry } from './schema.js';

type Linked = Pick<PatternEntry, 'slug' | 'title' | 'summary' | 'url' | 'path'>;

/**
 * Where `llms.txt` links go: the published page when the site's address is
 * known, else the page under the site's base (in a built site), else the
 * Markdown file (an export next to the catalog).
 */
export function llmsLinker(options: { siteUrl?: string; base?: string }): (p: Linked) => string {
  const absolute = options.siteUrl ? (options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`) : undefined;
  return (p) => (absolute ? new URL(p.url, absolute).href : options.base !== undefined ? `${options.base}${p.url}` : p.path);
}

/** The `llms.txt` index (the llmstxt.org shape): a title, a one-line summary, a link per pattern with its summary. */
export function llmsIndex(title: string, patterns: readonly Linked[], link: (p: Linked) => string): string {
  return [
    `# ${title}`,
    '',
    `> ${patterns.length} architecture pattern${patterns.length === 1 ? '' : 's'}, each with its context, architecture, steps, configuration and trade-offs.`,
    '',
    '## Patterns',
    '',
    ...patterns.map((p) => `- [${p.title.replace(/[[\]]/g, '')}](${link(p)})${p.summary ? `: ${p.summary.replace(/\s+/g, ' ')}` : ''}`),
    '',
  ].join('\n');
}

/** The full-text file in parts: its title, then each pattern's Markdown (front matter left out) under a marker line. */
export const llmsFull = {
  open: (title: string) => `# ${title}\n\n`,
  entry: (p: Linked, source: string, link: (p: Linked) => string) =>
    `<!-- pattern: ${p.slug} (${link(p)}) -->\n\n${source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim()}\n\n`,
};

/**
 * `export --format llms`: the `llms.txt` index and a full-text file with
 * every pattern's Markdown, for AI assistants.
 */
export function catalogLlms(data: CatalogExport, catalog: Pick<Catalog, 'patterns'>, siteUrl?: string): { index: string; full: string } {
  const link = llmsLinker(siteUrl ? { siteUrl } : {});
  const sources = new Map(catalog.patterns.map((p) => [p.slug, p.document.source]));
  return {
    index: llmsIndex(data.title, data.patterns, link),
    full: llmsFull.open(data.title) + data.patterns.map((p) => llmsFull.entry(p, sources.get(p.slug) ?? '', link)).join(''),
  };
}
