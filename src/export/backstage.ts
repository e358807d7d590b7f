import { repoFileUrl } from '../catalog/links.js';
import { stringify } from 'yaml';
import type { CatalogExport, PatternEntry } from './schema.js';

export interface BackstageOptions {
  /** The published site (`site.url`): each entity links to its pattern's page. */
  siteUrl?: string;
  /** The repository page (`site.repoUrl`) and branch: the entity's source location. */
  repoUrl?: string;
  /** The catalog's folder: where it is kept in its repository (`docs/rfcs/`) goes before each path. */
  root?: string;
  branch?: string;
  /** The entity owner when a pattern's front matter names none (`owner:`). */
  owner: string;
}

/**
 * `export --format backstage`: one Backstage catalog entity per pattern, as a
 * multi-document YAML file a Backstage instance can ingest (a `Location` or
 * `catalog.locations` entry pointing at it). Patterns are Resources of type
 * `architecture-pattern`; their relations are kept as annotations and links.
 */
export function catalogBackstage(data: CatalogExport, options: BackstageOptions): string {
  return data.patterns.map((p) => `---\n${stringify(entity(p, options), { lineWidth: 0 })}`).join('');
}

function entity(p: PatternEntry, options: BackstageOptions): Record<string, unknown> {
  const fm = p.frontMatter;
  const tags = (Array.isArray(fm.tags) ? fm.tags : []).map((t) => backstageTag(String(t))).filter((t): t is string => Boolean(t));
  const links: { url: string; title: string }[] = [];
  const page = options.siteUrl ? new URL(p.url, options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`).href : undefined;
  if (page) links.push({ url: page, title: 'Pattern page' });
  const source = options.repoUrl ? repoFileUrl({ repoUrl: options.repoUrl, branch: options.branch }, 'blob', p.path, options.root) : undefined;
  if (source) links.push({ url: source, title: 'Source' });
  const annotations: Record<string, string> = {};
  if (source) annotations['backstage.io/source-location'] = `url:${source}`;
  if (p.relations.related.length) annotations['patternbook.dev/related'] = p.relations.related.map(entityName).join(',');
  if (p.relations.alternatives.length) annotations['patternbook.dev/alternatives'] = p.relations.alternatives.map(entityName).join(',');
  annotations['patternbook.dev/verification'] = p.verification.status;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: entityName(p.slug),
      title: p.title,
      ...(p.summary ? { description: p.summary } : {}),
      ...(tags.length ? { tags: [...new Set(tags)] } : {}),
      ...(links.length ? { links } : {}),
      annotations,
    },
    spec: {
      type: 'architecture-pattern',
      owner: typeof fm.owner === 'string' && fm.owner ? fm.owner : options.owner,
    },
  };
}

/** Backstage names: letters, digits, `-_.`, at most 63 characters, starting and ending with a letter or digit. */
export function entityName(slug: string): string {
  const name = slug
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .slice(0, 63)
    .replace(/[^A-Za-z0-9]+$/, '');
  return name || 'pattern';
}

/** Backstage tags: lowercase letters, digits, `+#:` and single `-` between them, at most 63 characters. */
function backstageTag(tag: string): string | undefined {
  const t = tag
    .toLowerCase()
    .replace(/[^a-z0-9+#:-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63);
  return t || undefined;
}
