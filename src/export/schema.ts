import { z } from 'zod';

/**
 * The catalog as data: what `patternbook export --format json` writes and the
 * site publishes as `catalog.json`. `schema/catalog.schema.json` is generated
 * from this (`npm run schema`; a test keeps the two in step and validates
 * exports against the file). Add fields, never rename them: tools read this.
 */

const section = z.object({
  heading: z.string().describe('The heading as written, markup removed'),
  level: z.number().int().min(1).max(6),
  /** The heading's anchor on the pattern's page. */
  id: z.string().describe("The heading's anchor (#id) on the pattern's page"),
  /** Headings from the top-level section down to this one. */
  path: z.array(z.string()).describe('Headings from the top-level section down to this one'),
  text: z.string().describe("The section's own Markdown, without its heading and sub-sections"),
});

const parameter = z.object({
  name: z.string(),
  description: z.string(),
  required: z.boolean(),
  default: z.string().optional(),
});

const changelogEntry = z.object({
  version: z.string().optional().describe('Semantic version from the entry heading'),
  date: z.string().optional().describe('YYYY-MM-DD from the entry heading'),
  heading: z.string(),
  text: z.string(),
});

const verification = z.object({
  status: z
    .enum(['passed', 'failed', 'incomplete', 'never'])
    .describe('The last `patternbook verify`: passed, failed, incomplete (blocks still held the template’s sample code, so the pattern is not verified), or never run'),
  when: z.string().optional().describe('ISO 8601 time of the last run'),
  commit: z.string().optional(),
  reason: z.string().optional(),
});

export const patternEntrySchema = z.object({
  slug: z.string(),
  path: z.string().describe('The pattern file, relative to the catalog root'),
  url: z.string().describe("The pattern's page, relative to the site root"),
  title: z.string(),
  summary: z.string().optional(),
  frontMatter: z.record(z.string(), z.unknown()),
  version: z.string().optional().describe('The newest changelog version'),
  updated: z.string().optional().describe('The date of the newest changelog entry'),
  sections: z.array(section),
  parameters: z.array(parameter),
  relations: z.object({
    related: z.array(z.string()).describe('Slugs listed under Related Patterns'),
    alternatives: z.array(z.string()).describe('Slugs listed under Alternatives'),
    mentions: z.array(z.string()).describe('Slugs of other patterns its text links to elsewhere (a weaker relation)'),
    backlinks: z.array(z.string()).describe('Slugs of the patterns that link to this one'),
  }),
  changelog: z.array(changelogEntry),
  author: z.string().optional().describe("The Author section's text"),
  license: z.string().optional().describe("The License section's text"),
  lint: z.object({ errors: z.number().int().min(0), warnings: z.number().int().min(0) }),
  verification: verification,
});

export const catalogExportSchema = z.object({
  format: z.literal('patternbook-catalog').describe('What this document is'),
  formatVersion: z.literal(1),
  title: z.string(),
  template: z.object({ name: z.string(), version: z.string() }),
  patterns: z.array(patternEntrySchema),
});

export type PatternEntry = z.infer<typeof patternEntrySchema>;
export type CatalogExport = z.infer<typeof catalogExportSchema>;

/** The JSON Schema (draft 2020-12) of the export. */
export function catalogJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/patternbook/patternbook/blob/main/schema/catalog.schema.json',
    title: 'Patternbook catalog export',
    ...z.toJSONSchema(catalogExportSchema, { target: 'draft-2020-12' }),
  };
}
