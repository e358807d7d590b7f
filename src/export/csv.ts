import type { CatalogExport } from './schema.js';

/** The columns, in order: one row per pattern, lists joined with "; ". */
const COLUMNS = [
  'slug',
  'title',
  'summary',
  'path',
  'url',
  'category',
  'status',
  'tags',
  'version',
  'updated',
  'related',
  'alternatives',
  'mentions',
  'backlinks',
  'parameters',
  'lint_errors',
  'lint_warnings',
  'verification',
  'verified_at',
] as const;

/**
 * `export --format csv`: one row per pattern for spreadsheets (RFC 4180:
 * quoted where needed, CRLF line ends). A cell a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
 */
export function catalogCsv(data: CatalogExport, siteUrl?: string): string {
  const rows = data.patterns.map((p) => {
    const fm = p.frontMatter;
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join('; ') : v === undefined || v === null ? '' : String(v));
    const values: Record<(typeof COLUMNS)[number], string> = {
      slug: p.slug,
      title: p.title,
      summary: p.summary ?? '',
      path: p.path,
      url: siteUrl ? new URL(p.url, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href : p.url,
      category: list(fm.category),
      status: list(fm.status),
      tags: list(fm.tags),
      version: p.version ?? '',
      updated: p.updated ?? '',
      related: p.relations.related.join('; '),
      alternatives: p.relations.alternatives.join('; '),
      mentions: p.relations.mentions.join('; '),
      backlinks: p.relations.backlinks.join('; '),
      parameters: p.parameters.map((x) => x.name).join('; '),
      lint_errors: String(p.lint.errors),
      lint_warnings: String(p.lint.warnings),
      verification: p.verification.status,
      verified_at: p.verification.when ?? '',
    };
    return COLUMNS.map((c) => cell(values[c]));
  });
  return [COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
