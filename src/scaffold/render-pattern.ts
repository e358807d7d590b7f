import { stringify } from 'yaml';
import { leadBlock } from '../markdown/document.js';
import { cleanTemplateText, titlePlaceholder } from '../template/section-text.js';
import type { TemplateSchema } from '../template/types.js';

export interface NewPatternValues {
  title: string;
  /** One sentence; when absent the template's sample stays for the author to replace. */
  summary?: string;
}

/**
 * Text of a new pattern: the template with the title (and summary) filled in,
 * every other placeholder left for the author, template-only annotations
 * (`(optional)`, `<!-- optional -->`, the `template:` key) removed.
 */
export function renderNewPattern(template: TemplateSchema, values: NewPatternValues): string {
  const doc = template.document;
  const lines = doc.source.replace(/\r\n?/g, '\n').split('\n');
  const placeholder = titlePlaceholder(template);

  if (doc.title) {
    const i = doc.title.range.start.line - 1;
    lines[i] = `# ${placeholder ? doc.title.text.replace(placeholder, values.title) : values.title}`;
    if (doc.title.setext) lines[i + 1] = '';
  }
  const summary = template.summary;
  if (values.summary && summary.from === 'blockquote') {
    const quote = leadBlock(doc)!;
    for (let l = quote.range.start.line; l <= quote.range.end.line; l++) lines[l - 1] = l === quote.range.start.line ? `> ${values.summary}` : '\0';
  }

  let body = cleanTemplateText(lines.filter((line) => line !== '\0').join('\n'), template, values.title);

  if (doc.frontMatter) {
    const end = doc.frontMatter.endLine;
    const rest = body.split('\n').slice(end).join('\n');
    const data: Record<string, unknown> = { ...template.frontMatter };
    if (template.title.from === 'front-matter') data[template.title.key] = values.title;
    if (template.summary.from === 'front-matter' && values.summary) data[template.summary.key] = values.summary;
    const yaml = Object.keys(data).length ? stringify(data, { lineWidth: 0 }) : '';
    body = `---\n${yaml}---\n${rest}`;
  }
  return body.endsWith('\n') ? body : `${body}\n`;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `circuit-breaker` → `Circuit Breaker`. */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * Where a new pattern goes, from the first `patterns` glob:
 * `*\/README.md` → `<slug>/README.md`, `patterns/*.md` → `patterns/<slug>.md`.
 */
export function patternPathFor(slug: string, patterns: readonly string[]): string {
  const glob = (patterns[0] ?? '*/README.md').split('/').filter((s) => s !== '**');
  const last = glob.length - 1;
  if (glob[last]!.includes('*')) {
    glob[last] = glob[last]!.replace(/\*+/, slug).replace(/\{([^,}]+)[^}]*\}/, '$1');
    return glob.map((s) => s.replace(/\*+/g, '')).filter(Boolean).join('/');
  }
  const dirIndex = glob.map((s) => s.includes('*')).lastIndexOf(true);
  if (dirIndex >= 0) glob[dirIndex] = slug;
  else glob.splice(last, 0, slug);
  return glob.join('/');
}
