import path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { catalogPatternFromText, patternFromText } from '../../catalog/load-pattern.js';
import type { Diagnostic } from '../../diagnostics.js';
import { lintCatalog } from '../../lint/engine.js';
import { DOCS_BASE, lint } from '../../lint/lint.js';
import { registry } from '../../lint/registry.js';
import { patternPathFor } from '../../scaffold/render-pattern.js';
import type { CatalogSearch } from '../../search/catalog-search.js';
import type { LiveCatalog } from '../live-catalog.js';
import { isRefusal, patternOrRefusal } from '../pattern-facts.js';
import { answer, READ_ONLY, refusal } from '../results.js';
import { slugFromTitle } from './new-pattern-draft.js';

const findingSchema = z.object({
  line: z.number(),
  column: z.number(),
  endLine: z.number().optional(),
  endColumn: z.number().optional(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  url: z.string().optional().describe("The rule's documentation."),
  fix: z
    .object({ range: z.array(z.number()).length(2).describe('0-based offsets [start, end) into the text checked.'), text: z.string().describe('Replaces the range.') })
    .optional()
    .describe('A safe edit that resolves the finding (what `patternbook lint --fix` applies).'),
});

export function registerLintPattern(server: McpServer, live: LiveCatalog): void {
  server.registerTool(
    'lint_pattern',
    {
      title: "Check a pattern against the catalog's template",
      description:
        'Lint findings — line, rule, message and the fix when one is available — for a draft (`text`, checked as a new pattern of this catalog, links and relations included), for a pattern on disk (`slug`), or for new text of an existing pattern (both). Nothing is written.',
      inputSchema: {
        text: z.string().optional().describe('Markdown of a draft pattern.'),
        slug: z.string().min(1).optional().describe('A pattern of the catalog: lint its file, or with `text`, lint the text in its place.'),
      },
      outputSchema: {
        path: z.string().describe('The file the findings are about (for a draft: where `patternbook new` would put it).'),
        slug: z.string(),
        draft: z.boolean(),
        errors: z.number(),
        warnings: z.number(),
        findings: z.array(findingSchema),
      },
      annotations: READ_ONLY,
    },
    async ({ text, slug }) => {
      if (text === undefined && slug === undefined) return refusal('Give `text` (a draft to check) or `slug` (a pattern of the catalog), or both.');
      const catalog = await live.catalog();
      let target: { file: string; path: string; slug: string };
      if (slug !== undefined) {
        const record = patternOrRefusal(catalog, slug);
        if (isRefusal(record)) return record;
        target = record;
      } else target = draftTarget(catalog, text!);

      let found: Diagnostic[];
      if (text === undefined) {
        const report = await lint({ root: catalog.root, paths: [target.file], ...(catalog.templateFile ? { templateFile: catalog.templateFile } : {}) });
        found = report.results.find((r) => r.file === target.file)?.diagnostics ?? [];
      } else {
        const max = catalog.settings.config.maxFileSize;
        if (Buffer.byteLength(text) > max) return refusal(`The text is larger than the catalog's \`maxFileSize\` (${max} bytes): a file that size would not be read.`);
        found = await lintDraft(catalog, target, text);
      }
      const findings = found.map((d) => ({
        line: d.line,
        column: d.column,
        ...(d.endLine ? { endLine: d.endLine } : {}),
        ...(d.endColumn ? { endColumn: d.endColumn } : {}),
        rule: d.ruleId,
        severity: d.severity,
        message: d.message,
        ...(d.url ? { url: d.url } : {}),
        ...(d.fix ? { fix: { range: [...d.fix.range], text: d.fix.text } } : {}),
      }));
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      const lines = [
        `${target.path}${text !== undefined ? ` (${slug ? 'new text' : 'draft'})` : ''}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
        ...findings.map((f) => `${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.rule}${f.fix ? '  (fixable)' : ''}`),
      ];
      return answer({ path: target.path, slug: target.slug, draft: text !== undefined, errors, warnings, findings }, lines.join('\n'));
    },
  );
}

/** Where a draft would live: the slug from its title (`-draft` added when taken), the file where `patternbook new` would write it. */
function draftTarget(catalog: CatalogSearch, text: string): { file: string; path: string; slug: string } {
  const probe = patternFromText({ file: path.join(catalog.root, 'draft.md'), path: 'draft.md', slug: 'draft' }, text, catalog.settings.template);
  const title = probe.ok ? probe.pattern.title?.text : undefined;
  let slug = (title && slugFromTitle(title)) || 'new-pattern';
  // A new pattern that shares an existing one's slug is checked beside it, not in its place.
  if (catalog.get(slug)) slug = `${slug}-draft`;
  const rel = patternPathFor(slug, catalog.settings.config.patterns);
  return { file: path.join(catalog.root, rel), path: rel, slug };
}

/**
 * Lints text as the pattern at `target`, against the catalog on disk with
 * the text in place of that file (or added, for a new pattern): the same
 * rules and cross-file checks as `patternbook lint`. The catalog is read in
 * full for this and dropped afterwards.
 */
async function lintDraft(catalog: CatalogSearch, target: { file: string; path: string; slug: string }, text: string): Promise<Diagnostic[]> {
  const full = await loadCatalog({ root: catalog.root, ...(catalog.templateFile ? { templateFile: catalog.templateFile } : {}) });
  // Judged by the template it follows best, where the catalog has several: the choice is the catalog's (`full.templates`).
  const metadata = full.config.metadataFile ? { metadataFile: full.config.metadataFile } : {};
  const loaded = catalogPatternFromText({ ...target, ...metadata }, text, full.templates);
  if (!loaded.ok) return [loaded.diagnostic];
  const patterns = [...full.patterns.filter((p) => p.file !== target.file), loaded.pattern].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { results } = await lintCatalog(
    { ...full, patterns, bySlug: new Map(patterns.map((p) => [p.slug, p])) },
    { registry, docsBase: DOCS_BASE, files: new Set([target.file]) },
  );
  return results.find((r) => r.file === target.file)?.diagnostics ?? [];
}
