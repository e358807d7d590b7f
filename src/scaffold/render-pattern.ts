import { stringify as stringifyToml } from 'smol-toml';
import { stringify } from 'yaml';
import { leadBlock } from '../markdown/document.js';
import type { Section } from '../markdown/types.js';
import { versionedSchema } from '../template/lookup.js';
import { foldText } from '../template/normalize.js';
import { cleanTemplateText, titlePlaceholder } from '../template/section-text.js';
import type { TemplateSchema } from '../template/types.js';

export interface NewPatternValues {
  title: string;
  /** One sentence; when absent the template's sample stays for the author to replace. */
  summary?: string;
}

export interface RenderOptions {
  /** `YYYY-MM-DD`: the date the first changelog entry gets (the template's sample date otherwise stays). */
  today?: string;
}

/**
 * Text of a new pattern: the template with the title (and summary) filled in,
 * the first changelog entry dated `today` (its version is the template's),
 * every other placeholder left for the author, template-only annotations
 * (`(optional)`, `<!-- optional -->`, the `template:` key) removed.
 */
export function renderNewPattern(template: TemplateSchema, values: NewPatternValues, options: RenderOptions = {}): string {
  const doc = template.document;
  const lines = doc.source.replace(/\r\n?/g, '\n').split('\n');
  const placeholder = titlePlaceholder(template);

  if (options.today) {
    const entry = firstChangelogEntryLine(template);
    if (entry !== undefined) lines[entry - 1] = lines[entry - 1]!.replace(DATE, options.today);
  }

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
    // (In the template's own block: a Hyde template's `{%hyde … %}`, a TOML one's `+++` lines or `key = …`
    // lines over `---`, else `---` lines.)
    const syntax = doc.frontMatter.syntax;
    const toml = syntax === 'toml' || syntax === 'toml-head' ? stringifyToml(data).replace(/\n*$/, '\n').replace(/^\n$/, '') : '';
    body =
      syntax === 'hyde'
        ? `{%hyde\n${yaml}%}\n${rest}`
        : syntax === 'toml'
          ? `+++\n${toml}+++\n${rest}`
          : syntax === 'toml-head'
            ? `${toml}---\n${rest}`
            : `---\n${yaml}---\n${rest}`;
  }
  // A template kept in a block of a page about it has the page's lines before it, blank.
  if (template.embeddedAt) body = body.replace(/^\n+/, '');
  return body.endsWith('\n') ? body : `${body}\n`;
}

const DATE = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/;
/** Names of a changelog section written as a table or a list rather than dated headings (folded). */
const CHANGELOG_NAMES = new Set(['changelog', 'change log', 'changes', 'history', 'version history', 'revision history', 'revisions', 'release notes', 'releases']);

/**
 * The template line (1-based) of its first dated changelog entry: the first
 * heading of its versioned section (`### Version 1.0.0 (2024-01-15)`), else,
 * in a section named like a changelog, the first table row or list item that
 * holds a date. Undefined when the template has no dated entry.
 */
function firstChangelogEntryLine(template: TemplateSchema): number | undefined {
  const versioned = versionedSchema(template)?.schema;
  const lines = template.document.lines;
  if (versioned) return DATE.test(lines.lineText(versioned.line)) ? versioned.line : undefined;
  const flat = (sections: Section[]): Section[] => sections.flatMap((s) => [s, ...flat(s.children)]);
  const section = flat(template.document.sections).find((s) => CHANGELOG_NAMES.has(foldText(s.title)));
  if (!section) return undefined;
  for (let line = section.heading.range.end.line + 1; line <= section.range.end.line; line++) {
    const text = lines.lineText(line);
    if (/^\s{0,3}(\||[-*+][ \t]|\d{1,9}[.)][ \t])/.test(text) && DATE.test(text)) return line;
  }
  return undefined;
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
    return glob
      .map((s) => s.replace(/\*+/g, ''))
      .filter(Boolean)
      .join('/');
  }
  const dirIndex = glob.map((s) => s.includes('*')).lastIndexOf(true);
  if (dirIndex >= 0) glob[dirIndex] = slug;
  else glob.splice(last, 0, slug);
  return glob.join('/');
}
