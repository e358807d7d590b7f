import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { slugFor } from '../catalog/discover.js';
import { resolveConfig, type CatalogConfig } from '../config/load-config.js';
import { PatternbookError } from '../diagnostics.js';
import { BUILT_IN_TEMPLATE, templateFromSource } from '../template/load-template.js';
import type { TemplateSchema } from '../template/types.js';
import { flattenSections } from '../template/walk.js';
import { writeFileAtomic } from '../util/text-file.js';
import { ensureGitignore, type GitignoreUpdate } from './gitignore.js';
import { patternPathFor, renderNewPattern, SLUG_PATTERN, titleFromSlug, type NewPatternValues } from './render-pattern.js';

export interface CreatedFiles {
  /** Absolute paths written or created. */
  files: string[];
  folders: string[];
}

/** Checks a slug; the error says what a slug may contain. */
export function assertValidSlug(slug: string): void {
  if (!SLUG_PATTERN.test(slug)) {
    throw new PatternbookError(`Invalid slug "${slug}": use lowercase letters, digits and single hyphens, e.g. "circuit-breaker".`);
  }
}

/**
 * Creates a pattern from the catalog's template. Refuses (and writes nothing)
 * when the slug is invalid, is taken, or the target exists.
 */
export async function createPattern(
  config: CatalogConfig,
  template: TemplateSchema,
  slug: string,
  values: Partial<NewPatternValues>,
  existingSlugs: Iterable<string> = [],
  options: { now?: Date } = {},
): Promise<CreatedFiles> {
  assertValidSlug(slug);
  const taken = [...existingSlugs].find((s) => s.toLowerCase() === slug);
  if (taken) throw new PatternbookError(`Pattern "${taken}" already exists: choose another slug.`);

  const rel = patternPathFor(slug, config.patterns);
  // The file must be found again by discovery under the same slug, or the catalog would not see it.
  if (slugFor(rel) !== slug || !picomatch(config.patterns)(rel)) {
    throw new PatternbookError(`Cannot derive a file path for "${slug}" from \`patterns\` (${config.patterns.join(', ')}): add a glob such as "*/README.md".`);
  }
  const file = path.join(config.root, rel);
  if (existsSync(file)) throw new PatternbookError(`${rel} already exists: choose another slug, nothing was written.`);

  const text = renderNewPattern(
    template,
    { title: values.title || titleFromSlug(slug), ...(values.summary ? { summary: values.summary } : {}) },
    { today: localDate(options.now ?? new Date()) },
  );
  await writeFileAtomic(file, text, { exclusive: true });
  const created: CreatedFiles = { files: [file], folders: [] };
  if (/^(readme|index)\.(md|markdown)$/i.test(path.basename(rel))) {
    const diagrams = path.join(path.dirname(file), diagramsFolder(template));
    await mkdir(diagrams, { recursive: true });
    await writeFileAtomic(path.join(diagrams, '.gitkeep'), '');
    created.folders.push(diagrams);
  }
  return created;
}

/** `YYYY-MM-DD` of the author's own calendar: a pattern written this evening is dated today, not tomorrow in UTC. */
function localDate(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The folder the template keeps its images in (`diagrams` for the built-in one). */
function diagramsFolder(template: TemplateSchema): string {
  const images = flattenSections(template.sections).flatMap((s) => s.expects.images);
  return images.find((i) => i.folder && !i.folder.startsWith('..') && !path.isAbsolute(i.folder))?.folder ?? 'diagrams';
}

export interface InitResult extends CreatedFiles {
  /** The first pattern's file. */
  firstPattern: string;
  /** The `.gitignore` written or added to (the built site and caches; not the verification records). */
  gitignore: GitignoreUpdate;
}

export const INIT_CONFIG_FILE = 'patternbook.config.json';
export const INIT_TEMPLATE_FILE = 'templates/pattern.md';
export const INIT_FIRST_SLUG = 'first-pattern';

/**
 * Starts a catalog: a configuration file, the default template as
 * `templates/pattern.md`, a first pattern, and a `.gitignore` for the built
 * site and the caches (added to, never rewritten, when there is one). Never
 * overwrites: when any other target exists it throws, listing them, having
 * written nothing.
 */
export async function initCatalog(dir: string, options: { now?: Date } = {}): Promise<InitResult> {
  const root = path.resolve(dir);
  const templateText = await readFile(BUILT_IN_TEMPLATE, 'utf8');
  const template = templateFromSource(templateText, path.join(root, INIT_TEMPLATE_FILE));
  const firstRel = patternPathFor(INIT_FIRST_SLUG, ['*/README.md']);
  const targets = [INIT_CONFIG_FILE, INIT_TEMPLATE_FILE, firstRel];
  const existing = targets.filter((t) => existsSync(path.join(root, t)));
  if (existing.length > 0) {
    throw new PatternbookError(`Not initialising ${root}: ${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}. Nothing was written.`);
  }

  const config = { template: INIT_TEMPLATE_FILE, patterns: ['*/README.md'], exclude: ['templates/**'] };
  await writeFileAtomic(path.join(root, INIT_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`, { exclusive: true });
  await writeFileAtomic(path.join(root, INIT_TEMPLATE_FILE), templateText, { exclusive: true });
  const resolved = resolveConfig(root, config);
  const first = await createPattern(resolved, template, INIT_FIRST_SLUG, { title: 'First Pattern' }, [], options);
  // Last: a run killed before this point leaves a partial catalog that a second init refuses to touch.
  const gitignore = await ensureGitignore(root, resolved.outDir);
  return {
    files: [path.join(root, INIT_CONFIG_FILE), path.join(root, INIT_TEMPLATE_FILE), ...first.files],
    folders: first.folders,
    firstPattern: first.files[0]!,
    gitignore,
  };
}
