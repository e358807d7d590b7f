import { createTwoFilesPatch } from 'diff';
import { readFile } from 'node:fs/promises';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog, Pattern } from '../catalog/types.js';
import { PatternbookError, type Diagnostic } from '../diagnostics.js';
import { applyEdits, lostLines } from '../util/text-edits.js';
import { lintLoaded } from '../lint/lint.js';
import { parseMarkdown } from '../markdown/document.js';
import { HEADING_ID } from '../markdown/inline.js';
import { matchOutline } from '../template/match-outline.js';
import { foldHeading } from '../template/normalize.js';
import type { TemplateSchema } from '../template/types.js';
import { writeFileAtomic } from '../util/text-file.js';
import { planConfigTemplate, type ConfigTemplateChange } from './config-template.js';

export type { ConfigTemplateChange } from './config-template.js';

export interface Rename {
  from: string;
  to: string;
}

export interface MigrateOptions {
  root: string;
  /** The new template file. */
  to: string;
  renames?: Rename[];
}

export interface FileMigration {
  /** Relative to the catalog root. */
  file: string;
  absolute: string;
  /** The file starts with a byte-order mark (kept when it is written). */
  bom: boolean;
  before: string;
  after: string;
  /** Headings inserted, with the template's text under them. */
  inserted: string[];
  renamed: { from: string; to: string; line: number }[];
  /** Sections the new template does not have: kept where they are. */
  kept: { heading: string; line: number }[];
  /** Why the file is left alone (an edit would have lost a line): nothing is written for it. */
  refused?: string;
}

export interface MigrationPlan {
  template: TemplateSchema;
  files: FileMigration[];
  /** Files that could not be read. */
  diagnostics: Diagnostic[];
  /**
   * The configuration's `template` pointed at the new template (an edit of
   * that one value), or what the user has to change by hand; absent when it
   * already names the new template.
   */
  config?: ConfigTemplateChange;
}

/** `template: <name>@<version>` — what a pattern records of the template it follows. */
export function templateStamp(template: Pick<TemplateSchema, 'name' | 'version'>): string {
  return `${template.name}@${template.version}`;
}

/**
 * Works out, for every pattern, the edit that makes it follow a new template:
 * renamed headings, the sections the new template adds (its heading and its
 * text, placed where the template puts them — the same insertion `lint --fix`
 * makes), the template it now follows in front matter. Sections the new
 * template drops are never removed: they are listed. Nothing is written here.
 */
export async function planMigration(options: MigrateOptions): Promise<MigrationPlan> {
  const catalog = await loadCatalog({ root: options.root, templateFile: options.to });
  const renames = options.renames ?? [];
  const files: FileMigration[] = [];
  for (const pattern of catalog.patterns) files.push(await migratePattern(catalog, pattern, renames));
  const configText = catalog.config.file ? await readFile(catalog.config.file, 'utf8') : undefined;
  const config = planConfigTemplate(catalog.config, configText, options.to);
  return { template: catalog.template, files, diagnostics: catalog.diagnostics, ...(config ? { config } : {}) };
}

const MAX_PASSES = 5;

async function migratePattern(catalog: Catalog, pattern: Pattern, renames: readonly Rename[]): Promise<FileMigration> {
  const doc = pattern.document;
  const eol = doc.lineEnding;
  const before = doc.source;
  const renamed: FileMigration['renamed'] = [];
  const lines = before.split(/\r\n|\r|\n/);
  for (const heading of doc.headings) {
    const rename = renames.find((r) => foldHeading(r.from) === foldHeading(heading.text));
    if (!rename) continue;
    const at = heading.range.start.line - 1;
    const line = lines[at]!;
    // `## Old` (an ATX heading, closing #s kept) or the text line of an underlined one.
    const atx = /^(\s{0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+[ \t]*)?$/.exec(line);
    // An id set after the text (`{#cons}`) is the heading's anchor, which links use: it stays.
    const id = HEADING_ID.exec(atx ? atx[2]! : line)?.[0] ?? '';
    lines[at] = atx ? `${atx[1]}${rename.to}${id}${atx[3] ?? ''}` : line.replace(/\S.*\S|\S/, `${rename.to}${id}`);
    renamed.push({ from: heading.text, to: rename.to, line: at + 1 });
  }
  let text = stampTemplate(lines.join(eol), doc, catalog.template, eol);

  // Insert what the new template adds, as `lint --fix` would, until nothing is missing.
  const inserted: string[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = parseMarkdown(text);
    if (!parsed.ok) break;
    const current: Pattern = { ...pattern, document: parsed.document, frontMatter: parsed.document.frontMatter?.data ?? {} };
    const single: Catalog = { ...catalog, patterns: [current], bySlug: new Map([[current.slug, current]]), diagnostics: [] };
    const { results } = await lintLoaded(single, { only: ['required-section'] });
    const fixes = results.flatMap((r) => r.diagnostics.flatMap((d) => (d.fix ? [{ fix: d.fix, message: d.message }] : [])));
    if (fixes.length === 0) break;
    const { output, applied } = applyEdits(
      text,
      fixes.map(({ fix }) => ({ ...fix, text: fix.text.replace(/\r\n?/g, '\n').replace(/\n/g, eol) })),
    );
    if (applied === 0 || output === text) break;
    for (const { fix } of fixes) {
      const heading = /^\s*(#{1,6}[ \t]+.+)$/m.exec(fix.text)?.[1];
      if (heading) inserted.push(heading.trim());
    }
    text = output;
  }

  const final = parseMarkdown(text);
  const kept = final.ok
    ? matchOutline(catalog.template.sections, final.document.sections).unknown.map((s) => ({ heading: s.title, line: s.heading.range.start.line }))
    : [];
  // Nothing of the author's may go: every line is still there, but for the renamed headings and the old stamp.
  const expectedChanges = new Set([...renamed.map((r) => r.line), ...stampLines(doc)]);
  const lost = lostLines(lines0(before, expectedChanges), text);
  const result: FileMigration = { file: pattern.path, absolute: pattern.file, bom: doc.hadBom, before, after: text, inserted, renamed, kept };
  if (lost.length) return { ...result, after: before, refused: `the edit would drop ${JSON.stringify(lost[0])}; nothing is changed in this file (please report this)` };
  return result;
}

/** `before` without the lines the migration is meant to change. */
function lines0(before: string, skip: Set<number>): string {
  return before
    .split(/\r\n|\r|\n/)
    .filter((_, i) => !skip.has(i + 1))
    .join('\n');
}

/** Lines of the front matter's `template:` entry, if any. */
function stampLines(doc: Pattern['document']): number[] {
  const fm = doc.frontMatter;
  if (!fm) return [];
  const out: number[] = [];
  for (let line = fm.startLine + 1; line < fm.endLine; line++) if (/^template\s*:/.test(doc.lines.lineText(line))) out.push(line);
  return out;
}

/** Sets `template: <name>@<version>` in the front matter, adding the block when there is none. */
function stampTemplate(text: string, doc: Pattern['document'], template: TemplateSchema, eol: string): string {
  const stamp = `template: ${templateStamp(template)}`;
  const fm = doc.frontMatter;
  const lines = text.split(/\r\n|\r|\n/);
  if (!fm) return `---${eol}${stamp}${eol}---${eol}${text}`;
  for (let i = fm.startLine; i < fm.endLine - 1; i++) {
    if (/^template\s*:/.test(lines[i]!)) {
      lines[i] = stamp;
      return lines.join(eol);
    }
  }
  lines.splice(fm.endLine - 1, 0, stamp);
  return lines.join(eol);
}

/** A unified diff of one file's migration, or of the configuration's edit (empty when nothing changes). */
export function migrationDiff(m: { file: string; before: string; after: string }): string {
  if (m.after === m.before) return '';
  return createTwoFilesPatch(`a/${m.file}`, `b/${m.file}`, m.before, m.after, undefined, undefined, { context: 3 });
}

/**
 * Writes every changed file atomically (a BOM the file had is kept): the
 * configuration's new `template` first — a run stopped half-way then leaves
 * patterns that `lint --fix` brings forward, never back — then the patterns.
 * Returns the files written, relative to the catalog root.
 */
export async function writeMigration(plan: MigrationPlan): Promise<string[]> {
  const written: string[] = [];
  if (plan.config?.kind === 'edit') {
    await writeFileAtomic(plan.config.file, plan.config.after);
    written.push(plan.config.path);
  }
  for (const m of plan.files) {
    if (m.refused || m.after === m.before) continue;
    await writeFileAtomic(m.absolute, (m.bom ? '\uFEFF' : '') + m.after);
    written.push(m.file);
  }
  return written;
}

/** `--rename "Old=New"` values. */
export function parseRenames(values: readonly string[]): Rename[] {
  return values.map((v) => {
    const at = v.indexOf('=');
    const from = v.slice(0, at).trim();
    const to = v.slice(at + 1).trim();
    if (at < 0 || !from || !to) throw new PatternbookError(`--rename ${JSON.stringify(v)}: expected "Old heading=New heading".`);
    return { from, to };
  });
}
