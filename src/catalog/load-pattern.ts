import { bareValue, DOCUMENT_PARTS, fieldsQuote, saidAside } from '../template/document-parts.js';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { frontMatterValue, sketchFrontMatter } from '../markdown/front-matter.js';
import path from 'node:path';
import { fatal, type Diagnostic } from '../diagnostics.js';
import type { Range } from '../markdown/lines.js';
import type { CatalogConfig } from '../config/load-config.js';
import { blockText, documentBlocks, isNoticeHeading, leadBlock, parseMarkdown, type ParseOptions } from '../markdown/document.js';
import { parseMetadata } from '../markdown/front-matter.js';
import type { Block, Heading, MarkdownDocument, Section } from '../markdown/types.js';
import { countWords, endsSentence } from '../markdown/words.js';
import { extendsName, variantKey } from '../template/heading-variants.js';
import { bodyFields, NAME_FIELD } from '../template/body-fields.js';
import { foldHeading, foldText, withoutNumbering } from '../template/normalize.js';
import type { SummarySpec, TemplateSchema, TemplateSection, TitleShape, TitleSpec } from '../template/types.js';
import { flattenSections } from '../template/walk.js';
import { SUMMARY_KEYS } from '../template/load-template.js';
import { decodeUtf8 } from '../util/text-file.js';
import { formatSize, utf8ErrorPosition } from '../util/bytes.js';
import { GENERATED_TITLE } from './title-line.js';
import { movedTarget } from './moved.js';
import { statusSection } from './status.js';
import { casedName, sharedSummaryKey, SUMMARY_LABEL } from './view.js';
import type { TemplateSet } from './templates.js';
import type { Pattern, PatternText } from './types.js';

/** What reading a pattern needs of its template: where the title and the summary are kept. */
/** What reading a pattern needs of its template; its document, where given, for the text under its title the patterns keep (no summary of theirs). */
export type PatternReading = Pick<TemplateSchema, 'title' | 'summary' | 'sections'> & Partial<Pick<TemplateSchema, 'placeholders'>> & { document?: MarkdownDocument };

export interface LoadPatternInput {
  file: string;
  /** Relative to the catalog root, `/` separators. */
  path: string;
  slug: string;
  maxFileSize: number;
  /** A YAML file beside the pattern whose keys are its front matter too (`metadataFile` in the configuration). */
  metadataFile?: string;
}

/** What loading a discovered file needs from the configuration. */
export function loadInput(config: Pick<CatalogConfig, 'maxFileSize' | 'metadataFile'>, f: { file: string; path: string; slug: string }): LoadPatternInput {
  return { file: f.file, path: f.path, slug: f.slug, maxFileSize: config.maxFileSize, ...(config.metadataFile ? { metadataFile: config.metadataFile } : {}) };
}

export type LoadPatternResult = { ok: true; pattern: Pattern } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads one pattern file once and parses it once. Anything that stops it from
 * loading becomes a fatal diagnostic with a position and what to do.
 */
export async function loadPattern(input: LoadPatternInput, reading: PatternReading, options: ParseOptions = {}): Promise<LoadPatternResult> {
  const fail = (message: string, line = 1, column = 1): LoadPatternResult => ({
    ok: false,
    diagnostic: fatal(input.path, 'file-read', message, line, column),
  });

  let bytes: Buffer;
  let size: number;
  try {
    ({ bytes, size } = readWhole(input.file, input.maxFileSize));
  } catch (err) {
    if (err instanceof TooLarge) {
      return fail(`File is ${formatSize(err.size)}, larger than the ${formatSize(input.maxFileSize)} limit: split it, or raise \`maxFileSize\` in the configuration.`);
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('File disappeared before it could be read; run again.');
    if (code === 'EACCES' || code === 'EPERM') return fail('Permission denied: make the file readable.');
    if (code === 'EISDIR') return fail('This is a folder, not a file: rename it or exclude it with `exclude`.');
    return fail(`Cannot read file: ${(err as Error).message}`);
  }

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('File is UTF-16 encoded: save it as UTF-8.');
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const at = utf8ErrorPosition(bytes);
    return fail('File is not valid UTF-8: save it as UTF-8 (or remove the binary content).', at.line, at.column);
  }
  return patternFromText(input, text, reading, size, options);
}

/**
 * Loads a pattern of a catalog: read by the template its path gives, then,
 * where the catalog has sibling templates, by the one it follows best (read
 * again only when that is another one). The choice is what
 * `templates.for(path)` gives from then on.
 */
export async function loadCatalogPattern(input: LoadPatternInput, templates: TemplateSet, options: ParseOptions = {}): Promise<LoadPatternResult> {
  const first = templates.for(input.path);
  const result = await loadPattern(input, first, options);
  return refit(input, result, first, templates, options);
}

/** `patternFromText` for a pattern of a catalog: judged by the sibling template it follows best, as `loadCatalogPattern`. */
export function catalogPatternFromText(
  input: Omit<LoadPatternInput, 'maxFileSize'>,
  text: string,
  templates: TemplateSet,
  options: ParseOptions = {},
): LoadPatternResult {
  const first = templates.for(input.path);
  return refit(input, patternFromText(input, text, first, undefined, options), first, templates, options);
}

function refit(
  input: Omit<LoadPatternInput, 'maxFileSize'>,
  result: LoadPatternResult,
  first: TemplateSchema,
  templates: TemplateSet,
  options: ParseOptions,
): LoadPatternResult {
  if (!result.ok || !templates.hasSiblings) return result;
  const fitted = templates.fit(input.path, result.pattern.document.sections);
  let refitted: LoadPatternResult = result;
  if (fitted !== first) {
    const doc = result.pattern.document;
    refitted = patternFromText(input, doc.hadBom ? `\uFEFF${doc.source}` : doc.source, fitted, result.pattern.size, options);
  }
  if (refitted.ok && templates.isRefitted(input.path, fitted)) refitted.pattern.templateFile = fitted.file;
  return refitted;
}

/**
 * A pattern from its text (a file's, or an editor's unsaved buffer): parsed
 * once, title and summary read from where the template keeps them.
 */
export function patternFromText(
  input: Omit<LoadPatternInput, 'maxFileSize'>,
  text: string,
  reading: PatternReading,
  size = Buffer.byteLength(text),
  options: ParseOptions = {},
): LoadPatternResult {
  const fail = (message: string, line = 1, column = 1): LoadPatternResult => ({
    ok: false,
    diagnostic: fatal(input.path, 'file-read', message, line, column),
  });
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    return fail('File contains NUL bytes and looks binary, not Markdown: remove it or exclude it with `exclude`.', line);
  }

  const titleLevel = reading.title.from === 'heading' ? reading.title.level : undefined;
  let parsed = parseMarkdown(text, {
    ...options,
    sectionHeading: (heading) => NAVIGATION_HEADING.test(heading.trim()) || namesSection(reading, heading),
    ...(titleLevel ? { titleLevel } : {}),
  });
  // No H1, and a first `##` that names no part of a document, followed by the template's sections:
  // the title written a level down (`## Gateway to Queue`). Read as the title (the title rule says
  // its level), not as a missing title beside a section of the author's.
  // (So below a template's `## Template` title: a first `### Hide the files` over `#### Short name`.)
  if (parsed.ok && titlePushedDown(parsed.document, reading))
    parsed = parseMarkdown(text, {
      ...options,
      sectionHeading: (heading) => NAVIGATION_HEADING.test(heading.trim()) || namesSection(reading, heading),
      titleLevel: (titleLevel ?? 1) + 1,
    });
  // A first H1 with nothing under it, then one of the template's title shape (`# KEP`, then `# KEP-4216:
  // Image pull per runtime class`): the second is the title, the first a stray heading.
  const shapedAt = parsed.ok ? (shapedTitleBelow(parsed.document, reading) ?? noteAboveTitle(parsed.document)) : undefined;
  if (shapedAt)
    parsed = parseMarkdown(text, {
      ...options,
      sectionHeading: (heading) => NAVIGATION_HEADING.test(heading.trim()) || namesSection(reading, heading),
      titleLine: shapedAt,
    });
  // Where the template keeps the title in front matter and the pattern's is there, a first H1 that
  // shares no word with it is a section of the text (`# Summary`, `# The problem` under `title:
  // Global exec groups`), not a second title: --fix must not write the missing first section under it.
  const asSection = parsed.ok ? h1BesideFrontMatterTitle(parsed.document, reading) : undefined;
  if (asSection !== undefined) parsed = parseMarkdown(text, { ...options, sectionHeading: (heading) => heading === asSection || namesSection(reading, heading) });
  if (!parsed.ok) {
    return { ok: false, diagnostic: fatal(input.path, 'front-matter-syntax', parsed.error.message, parsed.error.line, parsed.error.column) };
  }
  const document = parsed.document;
  let frontMatter = document.frontMatter?.data ?? {};
  let metadataError: Pattern['metadataError'];
  if (input.metadataFile) {
    // The metadata beside the pattern (`kep.yaml`); the pattern's own front matter wins on a key both have.
    // (Unreadable, it is said by front-matter-syntax, and the pattern is read without it: its page stays.)
    const beside = readMetadata(path.join(path.dirname(input.file), input.metadataFile));
    if (beside.kind === 'error') metadataError = { file: input.metadataFile, line: beside.line, message: beside.message };
    if (beside.kind === 'ok') frontMatter = { ...beside.data, ...frontMatter };
  }
  const fmRange = document.frontMatter ? document.lines.linesRange(document.frontMatter.startLine, document.frontMatter.endLine) : undefined;
  const fields = bodyFields(document);
  // (The file's name, and its folder's for a `README.md`: the words a heading that names the pattern shares.)
  const named = path.basename(input.file).replace(/\.[^.]+$/, '');
  const fileWords = /^(?:readme|_?index)$/i.test(named) ? `${path.basename(path.dirname(input.file))} ${named}` : named;
  // (Front matter that is not valid YAML, `Category: "A", "B"` in e-mail style, still names the pattern
  // and sums it up, read a line at a time; the front-matter-syntax rule says what is wrong with it.)
  const readable = document.frontMatter?.error ? { ...sketchFrontMatter(document.frontMatter.raw), ...frontMatter } : frontMatter;
  // (Never a table of contents' heading, `## Table of Contents generated with DocToc` first in a file
  // with no H1: navigation names no document.)
  const read = readTitle(document, readable, fmRange, reading.title, fields, { isSection: (text) => namesSection(reading, text), fileWords });
  const title = read?.from === 'heading' && NAVIGATION_HEADING.test(read.text.trim()) ? undefined : read;
  const summary = summaryOf(document, readable, fmRange, reading, title, fields);
  const movedTo = movedTarget(document, frontMatter);

  return {
    ok: true,
    pattern: {
      slug: input.slug,
      file: input.file,
      path: input.path,
      dir: path.dirname(input.file),
      size,
      ...(title ? { title } : { shownName: casedName(ownName(input.slug, input.path), document.source) }),
      ...(summary ? { summary } : {}),
      ...(movedTo !== undefined ? { movedTo } : {}),
      frontMatter,
      // (With the status a decision record writes as a section of its own, `## Status` over `Rejected`.)
      ...withStatus(fields?.values, document),
      links: document.links,
      anchors: document.headings.map((h) => h.id),
      document,
      ...(metadataError ? { metadataError } : {}),
    },
  };
}

/**
 * A pattern's summary, read where the template keeps it, else where a catalog keeps one (see
 * `readSummary`); never one of `shared`, the folded texts several of the catalog's patterns give as
 * theirs (see `rereadSummary`).
 */
function summaryOf(
  document: MarkdownDocument,
  readable: Record<string, unknown>,
  fmRange: Range | undefined,
  reading: PatternReading,
  title: PatternText | undefined,
  fields: ReturnType<typeof bodyFields>,
  shared: ReadonlySet<string> = new Set(),
): PatternText | undefined {
  // (The template's own text of a section, folded: a summary section left as the template's is no summary.)
  // (Unless the template is a copy of this very pattern, its example — `# NodeFilesystemSpaceFillingUp`
  // over its text, titled as the pattern is: that text is the pattern's own.)
  const sample = reading.title.from !== 'none' ? foldText(reading.title.sample) : '';
  const source = sample !== '' && [title?.text, document.title?.text].some((t) => t !== undefined && foldText(t) === sample);
  const templateText = (matcher: RegExp) =>
    source
      ? ''
      : foldedSections(reading.sections)
          .filter((s) => matcher.test(s.heading))
          .map((s) => s.body)
          .join(' ');
  // (A marked blank of the template, `<< explain usage >>`, is never the pattern's own text — not even
  // where the template is a copy of it: a paragraph that holds one sums up nothing.)
  const blanks = (reading.placeholders ?? []).filter((p) => p.kind === 'bracketed' && p.folded.length >= 4).map((p) => p.text);
  const holdsBlank = (text: string) => blanks.some((b) => text.includes(b));
  const openings = source ? [] : templateLineOpenings(reading, blanks);
  return readSummary(document, readable, fmRange, reading.summary, title, fields, templateText, source ? undefined : reading.document, holdsBlank, openings, shared);
}

/**
 * The summary of a pattern loaded in full, read again past the texts `shared` (folded) that several of
 * the catalog's patterns give as theirs: a sentence every page keeps (`See the lifecycle document for
 * context…`, a front matter `description` of the catalog's program) says nothing of any one of them.
 */
export function rereadSummary(pattern: Pattern, reading: PatternReading, shared: ReadonlySet<string>): PatternText | undefined {
  const document = pattern.document;
  const fmRange = document.frontMatter ? document.lines.linesRange(document.frontMatter.startLine, document.frontMatter.endLine) : undefined;
  const readable = document.frontMatter?.error ? { ...sketchFrontMatter(document.frontMatter.raw), ...pattern.frontMatter } : pattern.frontMatter;
  return summaryOf(document, readable, fmRange, reading, pattern.title, bodyFields(document), shared);
}

/** The text at the place a template keeps a title or summary in front matter or a section of its own (the other places are read by the callers). */
/**
 * Whether an H1 that opens a pattern is one of the template's sections (`#
 * Summary` where the template has `# Summary` or `## Summary`) rather than
 * the pattern's title: a pattern without a title line that starts with its
 * first section. A `# Title` heading where the template keeps the title under
 * `## Title` stays the title rule's to judge.
 */
function titlePushedDown(doc: MarkdownDocument, reading: PatternReading): boolean {
  if (reading.title.from !== 'heading' || doc.title) return false;
  // (One level below the template's title, whichever: an H2 under a `# Title`, an H3 under a `## Template`.)
  const top = reading.title.level ?? 1;
  const [first, ...rest] = doc.headings;
  // (Above it, badges at most: `![Status:Published](…/badge/Published-green)`, a comment, a MyST
  // target that names it for links, `(export-guide)=`.)
  const badges = doc.preamble.every(
    (b) =>
      (b.kind === 'paragraph' && (imagesOnly(b.raw) || linksOnly(b.raw) || MYST_TARGET_LINE.test(b.raw.trim()))) ||
      (b.kind === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(b.html)),
  );
  if (!first || first.level !== top + 1 || !badges) return false;
  // (One in the template's title shape, `RFC: Defer and Stream` for `# RFC: <Title>`, is the title,
  // whatever follows it: H1s of the author's own, `# Introduction`, included.)
  const shape = reading.title.from === 'heading' ? reading.title.shape : undefined;
  if (shape && !shape.any && shape.matcher.test(foldHeading(first.text))) return true;
  // (H1s after it are the template's sections written a level up, the levels swapped — `RFC: Delta`
  // underlined with dashes over `# Problem Statement`, `# Proposed Solution` — or it is no title.)
  const ones = rest.filter((h) => h.level <= top);
  if (ones.length > 0 && ones.filter((h) => namesSection(reading, h.text)).length * 2 <= ones.length) return false;
  // (A pattern whose front matter has its title keeps it there: a first `##` of other words is a section.)
  const fmTitle = doc.frontMatter?.data ? frontMatterValue(doc.frontMatter.data, 'title') : undefined;
  if (typeof fmTitle === 'string' && fmTitle.trim() && foldHeading(fmTitle) !== foldHeading(first.text)) return false;
  const key = variantKey(first.text);
  if (namesSection(reading, first.text) || DOCUMENT_PARTS.has(foldHeading(first.text)) || RECORD_SECTIONS.test(foldHeading(first.text))) return false;
  // (Nor a heading over the people behind it: `## Requested by`, `## Authors`.)
  if (PEOPLE_HEADING.test(foldHeading(first.text))) return false;
  const names = flattenSections(reading.sections);
  if (names.some((s) => variantKey(s.heading) === key || extendsName(first.text, s.heading))) return false;
  // (The template's own sections follow it at its level, two of them at least; or the whole document
  // is one level down, its sections under it: `## Record: …`, then `### Status`, `### Context`.)
  const level = ones.length > 0 ? top : rest.every((h) => h.level > first.level) ? first.level + 1 : first.level;
  if (rest.filter((h) => h.level === level && namesSection(reading, h.text)).length >= 2) return true;
  // (Or it opens the file and no heading after it is at its level or above — a stub, `## Unconstrained
  // type parameters in null coalescing` over a paragraph —: it names the document, as its only title.)
  // (Not where the template's sections follow a level down: the whole document is, which is read otherwise.)
  return doc.preamble.length === 0 && rest.every((h) => h.level > first.level && !namesSection(reading, h.text)) && first.text.split(/\s+/).length >= 2;
}

/** The text of a first H1 that is none of the pattern's title, where the template keeps the title in front matter and the pattern's is there: no word of the title in it. */
function h1BesideFrontMatterTitle(doc: MarkdownDocument, reading: PatternReading): string | undefined {
  if (reading.title.from !== 'front-matter' || !doc.title || doc.title.level !== 1) return undefined;
  const value = doc.frontMatter?.data ? frontMatterValue(doc.frontMatter.data, reading.title.key) : undefined;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  // (Not the site generator's markup that shows that title, `# {{ page.title }}`.)
  if (GENERATED_TITLE.test(doc.title.text)) return undefined;
  const words = (text: string) => new Set(foldHeading(text).match(/\p{L}{3,}|\p{N}+/gu) ?? []);
  const title = words(value);
  return [...words(doc.title.text)].some((w) => title.has(w)) ? undefined : doc.title.text;
}

/** The line of the H1 right under the document's first one, with nothing between, where that one has not the template's title shape and it has. */
function shapedTitleBelow(doc: MarkdownDocument, reading: PatternReading): number | undefined {
  const spec = reading.title;
  if (spec.from !== 'heading' || !spec.shape || spec.shape.any || !doc.title || doc.title.level !== 1) return undefined;
  const shape = spec.shape;
  const next = h1RightUnder(doc, doc.title);
  if (!next || shape.matcher.test(foldHeading(doc.title.text)) || !shape.matcher.test(foldHeading(next.text))) return undefined;
  return next.range.start.line;
}

/** The H1 right after `title`, nothing written between them. */
function h1RightUnder(doc: MarkdownDocument, title: Heading): Heading | undefined {
  const next = doc.headings[doc.headings.indexOf(title) + 1];
  if (!next || next.level !== 1) return undefined;
  return doc.preamble.some((b) => b.range.start.line > title.range.end.line && b.range.start.line < next.range.start.line) ? undefined : next;
}

/** The one short line of text right under a heading, before anything else: the name a label heading holds. */
function lineUnder(doc: MarkdownDocument, heading: Heading, isSection: (text: string) => boolean): PatternText | undefined {
  const next = doc.headings[doc.headings.indexOf(heading) + 1];
  const first = doc.preamble.find((b) => b.range.start.line > heading.range.end.line);
  // (Or the name written as a heading right under it, nothing between, `# Title` over `## Kiln
  // snapshots`: that heading.)
  // (Not one of the template's sections, `## Summary`, nor a part of a document: the text begins.)
  if (
    next &&
    next.level > heading.level &&
    (!first || first.range.start.line > next.range.start.line) &&
    /\p{L}{2}/u.test(next.text) &&
    next.text.length <= 120 &&
    !isSection(next.text) &&
    !DOCUMENT_PARTS.has(foldHeading(next.text))
  )
    return { text: next.text.trim(), from: 'heading', range: next.range };
  if (!first || first.kind !== 'paragraph' || (next && first.range.start.line > next.range.start.line)) return undefined;
  const text = first.text.trim();
  return text && !text.includes('\n') && text.length <= 120 && !/^[<[{(]/.test(text) ? { text, from: 'paragraph', range: first.range } : undefined;
}

/**
 * A first H1 that is a sentence, with nothing under it, right above another H1 that is none (`#
 * Kept for history only: the ideas were reworked elsewhere.`, then `# Cache layer`): a note set above
 * the document; the H1 under it is the title.
 */
function noteAboveTitle(doc: MarkdownDocument): number | undefined {
  if (!doc.title || doc.title.level !== 1) return undefined;
  const next = h1RightUnder(doc, doc.title);
  const sentence = (text: string) => /[.!]$/.test(text.trim()) && (text.match(/\p{L}+/gu) ?? []).length >= 4;
  return next && sentence(doc.title.text) && !sentence(next.text) ? next.range.start.line : undefined;
}

function namesSection(reading: PatternReading, text: string): boolean {
  // (A number before the name, `1. Status`, is the author's numbering.)
  const folded = withoutNumbering(foldHeading(text));
  if (reading.title.from === 'section' && reading.title.matcher.test(folded)) return false;
  if (flattenSections(reading.sections).some((s) => !s.anyHeading && !s.repeatable && s.matcher.test(folded))) return true;
  // (Where the template's sections are H1s and its title no H1, one that names a part of a document,
  // `# Background` in place of the `# Summary`, is a section too: the pattern's name is in its field.)
  return reading.title.from !== 'heading' && reading.sections.some((s) => s.level === 1) && DOCUMENT_PARTS.has(folded);
}

/** A template's top-level sections, heading and body folded: read once per template, not once per pattern. */
function foldedSections(sections: readonly TemplateSection[]): readonly { heading: string; body: string }[] {
  let folded = foldedCache.get(sections);
  if (!folded) {
    folded = sections.map((s) => ({ heading: foldHeading(s.heading), body: foldText(s.body) }));
    foldedCache.set(sections, folded);
  }
  return folded;
}

const foldedCache = new WeakMap<readonly TemplateSection[], readonly { heading: string; body: string }[]>();

function whereTemplateKeeps(
  doc: MarkdownDocument,
  frontMatter: Record<string, unknown>,
  fmRange: Range | undefined,
  spec: TitleSpec | SummarySpec,
  asSummary = false,
  templateBody?: string,
): PatternText | undefined {
  if (spec.from === 'front-matter') return frontMatterText(frontMatter, spec.key, fmRange);
  if (spec.from === 'section') return sectionParagraph(doc, spec.matcher, 'sample' in spec ? spec.sample : undefined, false, asSummary, templateBody);
  return undefined;
}

/**
 * The title where the template keeps it — the H1, a front matter key, or the
 * first paragraph under a `## Title` section — else wherever else a catalog
 * keeps one: the H1, then front matter `title`. (Whether it is where the
 * template wants it is the `title` rule's business; cards need a title.)
 */
function readTitle(
  doc: MarkdownDocument,
  frontMatter: Record<string, unknown>,
  fmRange: Range | undefined,
  spec: TitleSpec,
  fields?: { values: Record<string, string>; range?: Range },
  lead: { isSection: (text: string) => boolean; fileWords: string } = { isSection: () => false, fileWords: '' },
): PatternText | undefined {
  // (A document whose header block names it, `title: Sprocket Feed`, and whose first H1, of other words,
  // opens a run of H1 sections — `# Getting started`, `# Abstract`… — is named by its header.)
  const headerTitle = fields?.values.title;
  if (
    headerTitle &&
    fields?.range &&
    doc.title &&
    !blankValue(headerTitle) &&
    foldText(doc.title.text) !== foldText(headerTitle) &&
    doc.headings.filter((h) => h.level === 1).length >= 3
  )
    return { text: headerTitle, from: 'paragraph', range: fields.range };
  // (So is one whose template has no title line and names the pattern in a field, `- Feature Name:`,
  // over a first H1 of the author's, `# Acronyms`, `# Table of contents`.)
  // (Not one that only identifies it, `RFC Proposal ID: 0007-date-filter`, under an H1 of the author's
  // own words: that H1 names it.)
  const ownField = spec.from === 'none' && spec.field && !spec.idField ? fields?.values[spec.field] : undefined;
  if (ownField && fields?.range && doc.title && !blankValue(ownField) && foldText(doc.title.text) !== foldText(ownField))
    return { text: ownField, from: 'paragraph', range: fields.range };
  // (An H1 the site's generator fills in with the front matter's title, `# {{ page.title }}`: that title.)
  if (doc.title && GENERATED_TITLE.test(doc.title.text)) {
    const shown = frontMatterText(frontMatter, 'title', fmRange ?? doc.lines.linesRange(1, 1));
    if (shown) return shown;
  }
  const placed = whereTemplateKeeps(doc, frontMatter, fmRange, spec);
  if (placed) return placed;
  // `# Title` written as an H1 where the template has `## Title` is a heading, not the title; so is
  // a first H1 that only names a part of a document (`# Summary` opening a proposal written to an
  // older template): the pattern's name is then its front matter's, or its file's.
  const h1IsTitleSection = spec.from === 'section' && doc.title !== undefined && spec.matcher.test(foldHeading(doc.title.text));
  // (So is the label the template keeps over the field that names the pattern, `# Meta` over `- Name: …`.)
  const label = spec.from === 'none' ? spec.label : undefined;
  // (Or one numbered as the first of the H1s that follow it are, `# 1. Background` over `# 2. Description`:
  // the first of the document's numbered parts.)
  const numbered = (text: string) => /^(?:\d{1,2}|[IVX]{1,4})[.)]?\s+\p{L}/u.test(text.trim());
  const h1IsAPart =
    doc.title !== undefined &&
    (DOCUMENT_PARTS.has(foldHeading(doc.title.text)) ||
      isNotice(doc.title.text) ||
      (label !== undefined && foldHeading(doc.title.text) === foldHeading(label)) ||
      (/^(?:1|I)[.)]?\s/.test(doc.title.text.trim()) && doc.headings.some((h) => h.level === 1 && h !== doc.title && numbered(h.text))));
  // (Keys of the metadata file beside the pattern, `kep.yaml`, without front matter in the file: said at its first line.)
  // (Or the key the template repeats its title line in, `feature: my_excited_feature`.)
  const keys = spec.from === 'heading' && spec.key !== undefined && !TITLE_KEYS.includes(spec.key) ? [...TITLE_KEYS, spec.key] : TITLE_KEYS;
  const fmTitle = keys.map((key) => frontMatterText(frontMatter, key, fmRange ?? doc.lines.linesRange(1, 1))).find((t) => t !== undefined);
  // (The template's own title line left as it is, `# Title`, over a front matter `title` the author
  // filled in: the name is that one. The title rule says the line is left in.)
  const h1IsSample =
    spec.from === 'heading' && doc.title !== undefined && spec.sample.trim() !== '' && foldText(doc.title.text) === foldText(spec.sample) && fmTitle !== undefined;
  // (An H1 that is only the label `# Title`, the name on the line under it, as a `## Title` section
  // holds it: that line.)
  // (Not a field of the header under it, `Date: 2022-07-27`, where the template's own title line is left
  // as it is: never the name.)
  const titleLineLeft = spec.from === 'heading' && doc.title !== undefined && foldText(doc.title.text) === foldText(spec.sample);
  const under =
    doc.title && /^(?:title|name|pattern name|pattern title|proposal title)$/.test(foldHeading(doc.title.text))
      ? lineUnder(doc, doc.title, (text) => lead.isSection(text))
      : undefined;
  const labelLine = under && !/^[*_]*\p{L}[\p{L}\p{N} _()/-]{0,30}[*_]*:[*_]*\s+\S/u.test(under.text) ? under : undefined;
  if (labelLine) return labelLine;
  // (A first H1 of other words than the front matter's title, which a later H1 repeats — `# Withdrawal
  // Amendment` set above the document it withdraws, `# Changelog` — names a part set above it: the
  // name is the later one's.)
  const repeated =
    fmTitle && doc.title && foldText(doc.title.text) !== foldText(fmTitle.text)
      ? doc.headings.find((h) => h.level === 1 && h !== doc.title && foldText(h.text) === foldText(fmTitle.text))
      : undefined;
  if (repeated) return { text: repeated.text, from: 'heading', range: repeated.range };
  // (A first H1 that names a part set above the document — `# Status` over a notice, a part of a
  // document, a notice — and one H1 after it that names no part nor section, `# RFC: Client Controlled
  // Nullability`: that one names it, where no front matter does. A record's part alone, `# Changelog`,
  // may be a pattern's name: only with such an H1 after it is it a part.)
  // (Or the kind of document alone, `# RFC` over the header fields, then `# Clipboard rework`: no name.)
  const namesAPart = (text: string) =>
    DOCUMENT_PARTS.has(foldHeading(text)) || RECORD_SECTIONS.test(foldHeading(text)) || DOCUMENT_KIND.test(foldHeading(text)) || isNotice(text);
  const partsUp = !fmTitle && doc.title && namesAPart(doc.title.text) ? doc.headings.filter((h) => h.level === 1 && h !== doc.title) : [];
  const namer = partsUp.filter((h) => !numbered(h.text) && !namesAPart(h.text) && !lead.isSection(h.text));
  if (namer.length === 1 && partsUp.length === 1) return { text: namer[0]!.text, from: 'heading', range: namer[0]!.range };
  // (The label the template's page sets above its title line, kept with the pattern's number — `#
  // RFC-0011 for Presto` over `## JDK Upgrade for Presto`, where the template has `# RFC0 for Presto`
  // over `## [Title]` —: the name is the heading under it.)
  const labelWords = (text: string) => (text.toLowerCase().match(/\p{L}+/gu) ?? []).join(' ');
  if (spec.from === 'heading' && spec.labelAbove && doc.title?.level === 1 && labelWords(doc.title.text) === labelWords(spec.labelAbove)) {
    const under = doc.headings[doc.headings.indexOf(doc.title) + 1];
    if (under && under.level === 2 && /\p{L}{2}/u.test(under.text) && !lead.isSection(under.text) && !titlePlaceholderText(under.text))
      return { text: under.text, from: 'heading', range: under.range };
  }
  if (doc.title && !h1IsTitleSection && !h1IsAPart && !h1IsSample) {
    // A title that is only the document's number (`NIP-26`, `KSP-01`), its name the heading right
    // under it (`Delegated event signing`, nothing between): the two together name it.
    const next = doc.headings[doc.headings.indexOf(doc.title) + 1];
    const between = next ? doc.preamble.some((b) => b.range.start.line > doc.title!.range.end.line && b.range.start.line < next.range.start.line) : true;
    if (next && !between && next.level > doc.title.level && IDENTIFIER.test(doc.title.text.trim()) && /\p{L}{3}/u.test(next.text) && !lead.isSection(next.text))
      return { text: `${doc.title.text.trim()}: ${next.text}`, from: 'heading', range: { start: doc.title.range.start, end: next.range.end } };
    return { text: doc.title.text, from: 'heading', range: doc.title.range, ...(titleLineLeft ? { sample: true as const } : {}) };
  }
  if (fmTitle) return fmTitle;
  // (With no H1 at the top, the one H1 below headings of the author's alone, a `## Note` above `# Cache
  // idea`: the title, written below a note. The title rule says it is not at the top.)
  const h1s = doc.headings.filter((h) => h.level === 1);
  // (Not an H1 that names one of the template's sections, `# Summary` opening a document with no title: that section.)
  const below = h1s.length === 1 ? doc.headings.indexOf(h1s[0]!) : -1;
  if (!doc.title && below > 0 && !lead.isSection(h1s[0]!.text) && doc.headings.slice(0, below).every((h) => h.level > 1 && !lead.isSection(h.text)))
    return { text: h1s[0]!.text, from: 'heading', range: h1s[0]!.range };
  // The title among the fields the document writes in its body (`Title: Faster block sync`, or the
  // field the template names the pattern in, `- Name: Contractual Build Plan`).
  // (Or a field named for the document's name: `- Proposal Name: …`, `RFC Title: …`.)
  const nameKey = fields ? Object.keys(fields.values).find((k) => NAME_FIELD.test(k)) : undefined;
  const named = (spec.from === 'none' || spec.from === 'heading') && spec.field ? spec : undefined;
  const field = fields?.values[named ? named.field! : 'title'] ?? (nameKey ? fields?.values[nameKey] : undefined);
  // (A value in the parentheses the template's sample has, `(Target configuration CRD)`, is the
  // author's all the same, where it is not the template's own text.)
  const inParens = field ? /^\((.+)\)$/.exec(field.trim()) : null;
  const value =
    inParens && named?.fieldSample !== undefined && foldText(field!) !== foldText(named.fieldSample) && !/[()]/.test(inParens[1]!) ? inParens[1]!.trim() : field;
  // (Or a label of its own line above the text, `**Title:** Shared garden tools`, or a heading that is
  // one, `## **Title:** Quiet hours`: the header's fields written as bold labels, not front matter —
  // its own line, where the fields are a paragraph of such lines.)
  const labelled = titleLabel(doc);
  const inParagraph = (range: Range) => documentBlocks(doc).some((b) => b.kind === 'paragraph' && b.range.start.offset === range.start.offset);
  if (labelled && fields?.range && inParagraph(fields.range) && labelled.range.start.line >= fields.range.start.line && labelled.range.end.line <= fields.range.end.line)
    return labelled;
  if (value && fields?.range && !blankValue(value)) return { text: value, from: 'paragraph', range: fields.range };
  if (labelled) return labelled;
  // (Or its first line, plain text, where the template opens with a title heading: the title line without its `#`.)
  // (Or above a first H1 that only names a part, `# Abstract`, where the document writes its sections as H1s.)
  const plain = spec.from === 'heading' && (!doc.title || h1IsAPart) ? plainTitleLine(doc, spec.shape) : undefined;
  if (plain) return plain;
  // A line of bold text alone above that H1 (`**RP-12: Batch export**`, then `# Meta`): the name, set in bold.
  const first = doc.preamble[0];
  if (h1IsAPart && first?.kind === 'paragraph' && first.range.end.line < doc.title!.range.start.line && /^(\*\*|__)[^*_\n]+\1$/.test(first.raw.trim()))
    return { text: first.text, from: 'paragraph', range: first.range };
  // The document's first heading, above its sections, with nothing but a header block above it (fields
  // in a code block, a rule, a comment), in words of the file's name: the name of a document whose
  // title is not an H1 (`EEP 4: Bit strings` underlined as a `##` under its header in `eep-0004.md`;
  // `## Introduce a query API` in `202203-query-api.md`, where the template has no title line).
  const [opening, ...rest] = doc.headings;
  const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
  // (A file named in camel case, `InputUnion.md`, names its words: `input`, `union`.)
  const own = words(lead.fileWords.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
  if (
    opening &&
    opening.level <= 2 &&
    rest.length > 0 &&
    !lead.isSection(opening.text) &&
    !DOCUMENT_PARTS.has(foldHeading(opening.text)) &&
    !isNotice(opening.text) &&
    [...words(opening.text)].some((w) => own.has(w)) &&
    doc.preamble.every(
      (b) =>
        b.range.start.line > opening.range.start.line ||
        b.kind === 'hr' ||
        b.kind === 'html' ||
        (b.kind === 'code' && !b.code.lang) ||
        (b.kind === 'paragraph' && (MYST_TARGET_LINE.test(b.raw.trim()) || NOTE_ABOVE.test(b.text))),
    )
  )
    return { text: opening.text, from: 'heading', range: opening.range };
  return undefined;
}

/**
 * A field's value that is a blank to fill in, `(fill me in)`, `<name>`, `[Title]`: in brackets as a
 * whole. (`[Draft] Fused attention` is a tag before the name: the name.)
 */
function blankValue(value: string): boolean {
  const v = value.trim();
  return /^[<[{(]/.test(v) && !/^\[[^\]]{1,30}\]\s*\p{L}/u.test(v);
}

/** A line that labels the document's name: `**Title:** Shared garden tools`, `Title: …`, `**Proposal Name**: …` (the label, then the value). */
const TITLE_LABEL =
  /^\s*(?:[-*+]\s+)?(\*\*|__)?((?:(?:proposal|feature|rfc|document|spec|project|pattern|change|enhancement|design|decision)[ _-]?)?(?:title|name)|(?:功能|提案|文档|方案|项目)?(?:标题|標題|名称|名稱|题目)|タイトル)\s*(?:[:：]\1|\1\s*[:：]|[:：])\s*(.*\S)\s*$/iu;

/** A `Label: value` line, marks and all: `**Author:** @ada`, `Status: Draft`, `**num**: 7`. */
const LABEL_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?[\p{L}][\p{L}\p{N} _()-]{0,30}?(?::(?:\*\*|__)|(?:\*\*|__)?:)(?:\s|$)/u;

/**
 * The title written as a label of a header above the text, where a file has
 * no title line and no front matter title: a line of the header's paragraph
 * (`**Title:** Shared garden tools` among `**Author:** …`, `Status: Draft`), or
 * one of the headings that open the file as labels (`## **num:** 8`, `##
 * **Title:** Quiet hours`). A plain `Title: …` line counts in a header of
 * labels (two lines at least), or as the file's first line (`标题：…` over a
 * table of fields); set in bold it says it is one on its own.
 */
function titleLabel(doc: MarkdownDocument): PatternText | undefined {
  const clean = (value: string) =>
    value
      .replace(/`/g, '')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .trim();
  for (const [k, b] of doc.preamble.entries()) {
    if (b.kind !== 'paragraph') continue;
    const lines = b.raw.split('\n');
    const header = lines.length >= 2 && lines.every((l) => LABEL_LINE.test(l));
    for (const [i, line] of lines.entries()) {
      const m = TITLE_LABEL.exec(line);
      const value = m ? clean(m[3]!) : '';
      // (The file's first line, a name and no sentence: `标题：Fabric networks`, not `Title: a word we use loosely.`)
      const opening = k === 0 && i === 0 && aboveHeadings(doc, b) && value.length <= 80 && !/[.。!！?？]$/u.test(value);
      if (m && (m[1] || header || opening) && /\p{L}{2}/u.test(value) && !/^[<[{(]/.test(value)) {
        const at = b.range.start.line + i;
        return { text: value, from: 'paragraph', range: doc.lines.linesRange(at, at) };
      }
    }
  }
  // (Headings that open the file as labels, before the first that is none: `## **Abstract**`.)
  for (const h of doc.headings) {
    if (!LABEL_LINE.test(h.raw)) break;
    const m = TITLE_LABEL.exec(h.raw);
    const value = m ? clean(m[3]!) : '';
    if (m && /\p{L}{2}/u.test(value) && !/^[<[{(]/.test(value)) return { text: value, from: 'paragraph', range: h.range };
  }
  return undefined;
}

/**
 * The name a pattern's file gives it: its slug, or — where the slug was made longer to tell two files of
 * one name apart (`implemented-0000-upgrade` for `implemented/0000-upgrade.md`) — the file's own name.
 */
function ownName(slug: string, rel: string): string {
  const parts = rel.split('/');
  const file = parts.at(-1)!.replace(/\.[^.]+$/, '');
  const stem = /^(?:readme|index)$/i.test(file) && parts.length > 1 ? parts.at(-2)! : file;
  return slug !== stem && slug.toLowerCase().endsWith(stem.toLowerCase()) ? stem : slug;
}

/** A table of contents' heading: `Table of Contents`, `Contents`, `TOC`, `Table of Contents generated with DocToc`. */
const NAVIGATION_HEADING = /^(?:table of contents|contents|toc|on this page)(?:\s+generated\b.*)?$/i;

/** A heading left as the template's title line, `[Title]`, `<Title>`: no name. */
function titlePlaceholderText(text: string): boolean {
  return /^\s*[[<{(]\s*(?:title|name)[^\]>})]*[\]>})]\s*$/i.test(text);
}

/** Whether a block of the preamble comes before every heading of the document. */
function aboveHeadings(doc: MarkdownDocument, block: Block): boolean {
  const first = doc.headings[0];
  return first === undefined || block.range.start.line < first.range.start.line;
}

/**
 * The name written on the document's first line as plain text, where the
 * template opens with a title heading: a short line of words that is no
 * sentence, no label and no note (`Retry budget design`), alone in its
 * paragraph, above a table of fields, a rule or the first heading — the
 * title line without its `#`. The title rule says so, with the fix.
 */
function plainTitleLine(doc: MarkdownDocument, shape?: TitleShape): PatternText | undefined {
  const [first, next] = doc.preamble;
  if (first?.kind !== 'paragraph' || first.range.start.line !== first.range.end.line || !aboveHeadings(doc, first)) return undefined;
  const text = first.raw.trim();
  // (In the shape the template gives its title line, fixed words and all — `Proposal: Support robot
  // accounts` for `# Proposal: <Short Name>` —: that line without its `#`, whatever follows it.)
  if (shape && !shape.any && text.length <= 120 && shape.matcher.test(foldHeading(first.text)) && !/\]\(|<\w/.test(text))
    return { text: first.text, from: 'paragraph', range: first.range };
  const follows = next === undefined || !aboveHeadings(doc, next) || next.kind === 'table' || next.kind === 'hr';
  if (!follows || text.length > 80 || (text.match(/\p{L}/gu)?.length ?? 0) < 4 || /[.。!！?？:：;；,，]$/u.test(text)) return undefined;
  // (Not a label, `Status: Draft`; a note set in italics or a quote, `*Work in progress*`; a badge, a
  // link or markup; a MyST target, `(export-guide)=`, which names the heading after it for links.)
  if (LABEL_LINE.test(text) || /^[#*_>[!<|`~=+-]/.test(text) || /\]\(|<\w|`/.test(text) || MYST_TARGET_LINE.test(text)) return undefined;
  return { text, from: 'paragraph', range: first.range };
}

/** A MyST target alone on a line, `(label)=`: a name for the heading after it. */
const MYST_TARGET_LINE = /^\([\w.:-]+\)=$/;

/** A heading over the people behind a document (folded): `Requested by`, `Author(s)`, `Owners`. */
const PEOPLE_HEADING =
  /^(?:(?:requested|proposed|authored|written|sponsored|reviewed|edited|owned|maintained|driven|championed) by|(?:co )?authors?(?: s)?|owners?|contributors?|reviewers?|sponsors?|champions?|shepherds?|maintainers?|editors?|people|contacts?|stakeholders?)$/;

/** A list item that is a field: `RFC PR: https://…`, `Tracking Issue: #12`. */
const FIELD_ITEM = /^[\p{L}][\p{L} _()-]{0,30}:\s+\S/u;

/** A document's number alone, as some catalogs title their documents: `NIP-26`, `KSP 01`, `RFC-0042`, a hex one `NIP-5A`. */
const IDENTIFIER = /^\p{L}{1,10}[-_ ]?(?:\d+[a-z]?|[0-9A-F]{2,4})$/u;

/** Words of a notice set above a document (`# Superseded!`, `# ⚠️ Deprecated`), never its name. */
const NOTICE_WORDS = new Set([
  'superseded',
  'deprecated',
  'obsolete',
  'withdrawn',
  'replaced',
  'retired',
  'archived',
  'abandoned',
  'rejected',
  'outdated',
  'moved',
  'warning',
  'caution',
  'notice',
  'note',
  'important',
  'attention',
]);

/** A heading that is only a notice: one or two of its words, whatever marks and emoji around them. */
function isNotice(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.length <= 2 && words.every((w) => NOTICE_WORDS.has(w));
}

/** A note set above a document, `NOTE: this document is kept for history`, `**Warning:** …`: no part of its text. */
const NOTE_ABOVE = /^\s*(?:note|notice|warning|important|caution|update|deprecated|archived)\s*:/i;

/** Front matter keys that name a pattern, in order (`feature name:` in older proposals). */
const TITLE_KEYS = ['title', 'name', 'feature name', 'feature-name', 'feature_name'];

/**
 * The summary where the template keeps it — the blockquote after the title, a
 * front matter key, the first paragraph of a section of its own — else where
 * else a catalog keeps one: a blockquote after the title, front matter
 * `description`, `summary` or `excerpt`, or the first paragraph of prose (not the title's).
 */
function readSummary(
  doc: MarkdownDocument,
  frontMatter: Record<string, unknown>,
  fmRange: Range | undefined,
  spec: SummarySpec,
  title: PatternText | undefined,
  fields?: ReturnType<typeof bodyFields>,
  templateText: (matcher: RegExp) => string = () => '',
  template?: MarkdownDocument,
  holdsBlank: (text: string) => boolean = () => false,
  openings: readonly string[] = [],
  shared: ReadonlySet<string> = new Set(),
): PatternText | undefined {
  const lead = leadBlock(doc);
  // (Never a text several of the catalog's patterns give alike: see `rereadSummary`. Nor the title
  // again, `description: "0001: Introducing LIDs"` under that title: it names the document, no more.)
  // (Or the title without its number, `Remote Rule Evaluation` under `0002: Remote Rule Evaluation`.)
  const titled = title ? [foldText(title.text), foldText(title.text.replace(/^\s*[\p{L}]{0,6}[-\s]?\d+\s*[:.–—-]\s*/u, ''))].filter(Boolean) : [];
  const alike = (candidate: Pick<PatternText, 'text' | 'from'>) =>
    (shared.size > 0 && shared.has(sharedSummaryKey(candidate))) || titled.includes(foldText(candidate.text));
  const placed = whereTemplateKeeps(doc, frontMatter, fmRange, spec, true, spec.from === 'section' ? templateText(spec.matcher) : undefined);
  if (placed && !alike(placed)) return placed;
  // (Not the template's own quote kept as it is, `> Every feature will need design sign off…`: no word of this pattern's.)
  const templateQuote = (text: string) =>
    holdsBlank(text) ||
    ` ${templateText(/(?:)/)} `.includes(` ${foldText(text)} `) ||
    (template?.preamble ?? []).some((b) => b.kind === 'blockquote' && foldText(b.text) === foldText(text));
  if (
    lead?.kind === 'blockquote' &&
    !saidAside(lead.text) &&
    !bareValue(lead.text) &&
    !fieldsQuote(lead) &&
    !templateQuote(lead.text) &&
    !alike({ text: lead.text, from: 'blockquote' })
  )
    return { text: lead.text, from: 'blockquote', range: lead.range };
  for (const key of SUMMARY_KEYS) {
    const found = frontMatterText(frontMatter, key, fmRange);
    if (found && !alike(found)) return found;
  }
  // (Or the `Description` of the fields a document writes in its body, a table under the title: `| Description | A living document… |`.)
  for (const key of [...SUMMARY_KEYS, ...Object.keys(fields?.values ?? {}).filter((k) => SHORT_DESCRIPTION.test(k))]) {
    const value = fields?.values[key];
    if (value && fields.range && /\p{L}{2}/u.test(value) && !/^[<[{(]/.test(value) && !alike({ text: value, from: 'paragraph' }))
      return { text: value, from: 'paragraph', range: fields.range };
  }
  const labelled = labelledQuote(doc, title);
  if (labelled && !alike(labelled)) return labelled;
  // A section of its own named for the summary (`## Summary`, `## Abstract`), though the template
  // keeps none: the author wrote one. One of the document's own sections, not a sub-section that sums
  // up a part of it (`#### Summary` under `### Where policies run`).
  // (Not one the author left as the template writes it, `We decided to ... because ...` under `##
  // Abstract`: the placeholder rule's finding; the summary is the prose the author wrote.)
  // (Not one that closes the document after its other sections, `## Summary` after `## Why` and `## How`:
  // a closing remark, not what the document is about.)
  const summaryAt = doc.sections.findIndex((s) => SUMMARY_SECTION.test(foldHeading(s.heading.text)));
  const closing = summaryAt >= 2 && summaryAt === doc.sections.length - 1;
  const own = closing ? undefined : sectionParagraph(doc, SUMMARY_SECTION, undefined, true, true);
  const ownFolded = own ? foldText(own.text) : '';
  if (own && !(ownFolded !== '' && ` ${templateText(SUMMARY_SECTION)} `.includes(` ${ownFolded} `)) && !alike(own)) return own;
  const everyTemplateText = ` ${templateText(/(?:)/)} `;
  // (Nor the template's own line under its title that every pattern keeps, `A proposed Gadget Interface
  // API.`: the kind of document it is, said of each alike.)
  // (Nor a piece of one the author broke in two, `You are responsible for any costs incurred.` set apart.)
  const underTitle = ` ${(template?.preamble ?? [])
    .filter((b) => b.kind === 'paragraph' && b.range.start.line > (template?.title?.range.end.line ?? 0))
    .map((b) => foldText(blockText(b)))
    .join(' | ')} `;
  // (Never the title's own line: under `## Title`, a field, a name written on the first line as plain text.)
  const prose = firstProse(
    doc,
    title?.from === 'section' || title?.from === 'paragraph' ? title.range : undefined,
    (text) => {
      const folded = foldText(text);
      return (
        holdsBlank(text) ||
        opensWith(folded, openings) ||
        (shared.size > 0 && shared.has(sharedSummaryKey({ text, from: 'paragraph' }))) ||
        (folded.split(' ').length >= 4 && (everyTemplateText.includes(` ${folded} `) || underTitle.includes(` ${folded} `)))
      );
    },
    fields?.range,
  );
  // (A line of the template's the author filled in and ran on in the same paragraph, no blank line
  // between — `… to read messages. Learn more about this pattern at …: https://…` —: the summary ends before it.)
  // (Characters no one sees before it, a zero-width space pasted in: no part of it.)
  const text = prose ? beforeTemplateLine(prose.text, openings).replace(/^(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)+/u, '') : '';
  return prose && text ? { text, from: 'paragraph', range: prose.range } : undefined;
}

/** A field of a document's header that sums it up in a line, `**Short description:**`, `Brief summary:` (keys in lower case). */
const SHORT_DESCRIPTION = /^(?:short|brief|one[ -]line)[ _-]?(?:description|summary)$/;

/** Whether folded text opens with one of the openings (folded, whole words). */
function opensWith(folded: string, openings: readonly string[]): boolean {
  return openings.some((o) => folded === o || folded.startsWith(`${o} `));
}

/**
 * A paragraph's text up to where one of the template's own lines opens (see
 * `templateLineOpenings`) — at a sentence's or a line's start, or at a capital
 * after a space (`… to custom Event Bus Learn more about this pattern at …`,
 * the line break read as a space) —; all of it where none does.
 */
function beforeTemplateLine(text: string, openings: readonly string[]): string {
  if (openings.length === 0) return text;
  for (const m of text.matchAll(/\s+(?=\p{Lu})|\n\s*/gu)) {
    const at = m.index + m[0].length;
    if (opensWith(foldText(text.slice(at, at + 240)), openings)) return text.slice(0, m.index).trim();
  }
  return text;
}

/**
 * The opening words of each paragraph the template sets between its title and
 * its first section — up to the blank the author fills (`Learn more about this
 * pattern at Serverless Land Patterns: << Add the live URL here >>`), else its
 * first words (a note kept as written) —: its first five words, or four where
 * the blank comes after four (`Learn more about this pattern at: https://…`
 * is the same line filled in otherwise).
 * Not the first where the template keeps the summary nowhere else: that one
 * is the summary's own place. Such a line, filled in, is the template's, not
 * what this pattern is about.
 */
function templateLineOpenings(reading: PatternReading, blanks: readonly string[]): readonly string[] {
  const template = reading.document;
  if (!template) return [];
  let found = openingsCache.get(template);
  if (found) return found;
  const titleEnd = template.title?.range.end.line ?? 0;
  const paragraphs = template.preamble.filter((b) => b.kind === 'paragraph' && b.range.start.line > titleEnd);
  found = (reading.summary.from === 'none' ? paragraphs.slice(1) : paragraphs).flatMap((b) => {
    const text = blockText(b);
    const cut = Math.min(text.length, ...blanks.map((blank) => text.indexOf(blank)).filter((i) => i >= 0));
    const words = foldText(text.slice(0, cut)).split(' ').filter(Boolean).slice(0, 5);
    return words.length >= 4 ? [words.join(' ')] : [];
  });
  openingsCache.set(template, found);
  return found;
}

const openingsCache = new WeakMap<MarkdownDocument, readonly string[]>();

/**
 * A blockquote the author labels as the summary (`> TL;DR: …`, `> Summary: …`)
 * before the first section of the text: under the title, past a list of
 * fields or owners — also where the title is a heading that opens a section
 * of its own (`## Introduce a query API`, or the front matter's title written
 * again as a heading). It says it is the summary, where the first paragraph of
 * prose would only be a guess (a link to a ticket, a glossary line).
 */
function labelledQuote(doc: MarkdownDocument, title: PatternText | undefined): PatternText | undefined {
  const blocks = [...doc.preamble];
  const first = doc.sections[0];
  const namesIt =
    first &&
    title &&
    ((title.from === 'heading' && title.range.start.line === first.heading.range.start.line) || foldHeading(first.heading.text) === foldHeading(title.text));
  if (namesIt) blocks.push(...first.blocks);
  const quote = blocks.find((b) => b.kind === 'blockquote' && SUMMARY_LABEL.test(b.text.trim()));
  return quote?.kind === 'blockquote' ? { text: quote.text, from: 'blockquote', range: quote.range } : undefined;
}

/**
 * A paragraph emphasised from end to end (`*Comment on this in the forum.*`,
 * `_Draft: subject to change._`): set apart from the text, as a note about it
 * usually is. (The delimiter inside it, `*a* and *b*`, is two emphases in a
 * sentence; link targets and code are left out first.)
 */
function whollyEmphasised(raw: string): boolean {
  const text = raw
    .trim()
    .replace(/\]\([^)]*\)/g, ']()')
    .replace(/`[^`\n]*`/g, '``');
  const m = /^(\*{1,3}|_{1,3})(?=\S)([\s\S]*\S)\1$/.exec(text);
  if (!m) return false;
  const mark = m[1]![0]!;
  const inner = mark === '_' ? m[2]!.replace(/(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])/gu, '') : m[2]!;
  return !inner.includes(mark);
}

/** A notice that the document is no longer in use: `This alert has been deprecated`, `This runbook was replaced by …`. */
const NO_LONGER_IN_USE =
  /^this (?:[\p{L}-]+ )?(?:alert|runbook|playbook|document|doc|page|pattern|proposal|rfc|adr|record|decision|guide|guideline|article|entry|spec|specification|practice|rule|check|recipe|standard) (?:has been|is|was|is now) (?:now |since |also )?(?:deprecated|obsolete|superseded|replaced|retired|removed|withdrawn|archived|discontinued|no longer (?:used|maintained|supported|in use))\b/iu;

/** The words of a label naming people (`Authors`, `Reviewers`): see `PEOPLE_LABEL`, `RECORD_LABEL`. */
const PEOPLE_WORDS = String.raw`authors?|owners?|reviewers?|contributors?|sponsors?|champions?|shepherds?|maintainers?|editors?|contacts?|stakeholders?|deciders?|approvers?`;

/** A label of the document's record over a list: `Related Issues:`, `Tickets:`, `Proposed by:`, `Authors:`. */
const RECORD_LABEL = new RegExp(
  String.raw`^\s*[*_]*(?:related\s+|relevant\s+|tracking\s+)?(?:issues?|tickets?|links?|pull requests?|prs?|discussions?|threads?|proposed by|author\(s\)|${PEOPLE_WORDS})[*_]*\s*:[*_]*\s*$`,
  'i',
);

/** A lead-in to examples: `Examples of messages:`, `For example:`. */
const EXAMPLES = /^(?:(?:some )?examples?\b|e\.g\.|for (?:example|instance)\b|such as\b|sample\b)/i;

/** A heading over when to use a pattern (folded): `When to use this pattern`, `Applicability`, `Use cases`. */
const WHEN_TO_USE = /^(?:when (?:(?:not )?to|should (?:i|you|we)) (?:use|apply|choose)\b.*|applicability|use cases?|usage scenarios?|good fit for)$/;

/** A heading that names a document's summary (folded): `Summary`, `Abstract`, `TL;DR`, `Executive summary`. */
const SUMMARY_SECTION = /^(?:(?:simple )?summary|abstract|synopsis|tl;? ?dr|executive summary|in brief|at a glance)$/;

/** Sections that hold a document's record rather than its prose (`## Status` with "Superseded by ADR 9"): no summary is read there. */
const RECORD_SECTIONS =
  /^(?:status|(?:special )?thanks|acknowledg(?:e)?ments?|credits|(?:[a-z-]+ )?(?:sign-?off )?checklist|status of (?:this|the) (?:document|memo|proposal|explainer|specification|spec|draft|rfc|note)|document status|date|dates|authors?|author\(s\)|deciders|decision makers|owners?|reviewers|approvers|tags|labels|metadata|table of contents|contents|toc|changelog|change log|revision history|history|feedback|also known as|aka|a\.?k\.?a\.?|aliases|other names|synonyms|(?:(?:glossary|terminology|definitions?|abbreviations?|acronyms|terms)(?: (?:and |& )?)?){1,3})$/;

/** The kind of document alone, no name of its own (folded): `RFC`, `Proposal`, `Design document`, `ADR`. */
const DOCUMENT_KIND =
  /^(?:an? |the )?(?:rfc|proposal|design|design doc|design document|design proposal|adr|decision record|architecture decision record|enhancement|enhancement proposal|improvement proposal|feature request|specification|spec|pattern)s?$/;

function frontMatterText(frontMatter: Record<string, unknown>, key: string, range: Range | undefined): PatternText | undefined {
  const value = frontMatterValue(frontMatter, key);
  if (!range || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  const text = String(value).trim();
  return text ? { text, from: 'front-matter', key, range } : undefined;
}

/** A list whose every item opens with a link to a heading of the document (`- [Threat models](#threat-models)`): its contents, no text of its own. */
function contentsList(doc: MarkdownDocument, list: Extract<Block, { kind: 'list' }>): boolean {
  return list.items.every((item) => {
    const opening = doc.source.slice(item.range.start.offset, item.range.end.offset).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    return /^\[[^\]\n]+\]\(#[^)\s]*\)/.test(opening.trimStart());
  });
}

/**
 * The first paragraph of the first section whose heading the matcher fits
 * (`## Title`, `## Patlet`), at any level — or, when the section holds a list
 * instead, its first item. A matching H1 (`# Title` where the template writes
 * `## Title`) counts too: the paragraph after it. Read as a summary (`asSummary`),
 * a paragraph that leads into a list (`There are two kinds of users:`, then the
 * list) is read with the list, never one item of it alone (see `withList`).
 */
function sectionParagraph(doc: MarkdownDocument, matcher: RegExp, sample?: string, topLevel = false, asSummary = false, templateBody?: string): PatternText | undefined {
  let blocks: readonly Block[] | undefined;
  let section: Section | undefined;
  if (doc.title && matcher.test(foldHeading(doc.title.text))) blocks = doc.preamble;
  else {
    section = topLevel ? doc.sections.find((s) => matcher.test(foldHeading(s.heading.text))) : findSection(doc.sections, matcher);
    blocks = section?.blocks;
  }
  // (Nor a notice's label alone, `**NOTE**` over what it says, nor a list of fields above the text:
  // `- RFC PR: https://…`, `- Tracking Issue: …`.)
  // (Nor the list a bold label names, `**Issues:**` over links to them: that field's value.)
  const labelled = (b: Block) => {
    const before = blocks?.[blocks.indexOf(b) - 1];
    return before?.kind === 'paragraph' && boldLabel(before.raw) && /:[*_]*\s*$/.test(before.raw.trim());
  };
  const texts =
    blocks?.filter(
      (b) =>
        (b.kind === 'paragraph' &&
          !saidAside(b.text) &&
          !isLeadIn(b.text) &&
          !imagesOnly(b.raw) &&
          !isNotice(b.text) &&
          !boldLabel(b.raw) &&
          !pointerLine(b.raw) &&
          !labelLines(b.raw)) ||
        (b.kind === 'list' && !b.items.every((i) => FIELD_ITEM.test(i.text)) && !labelled(b) && !contentsList(doc, b)),
    ) ?? [];
  // The template's sample kept as a lead-in above the author's own paragraph is not the summary.
  const keptSample = (b: Block | undefined) => b?.kind === 'paragraph' && sample !== undefined && sample.trim() !== '' && foldText(b.text) === foldText(sample);
  // (So is any paragraph of the template's text there, the second of two kept word for word: where the
  // section holds nothing else, it sums nothing up.)
  const ofTemplate = (b: Block) =>
    b.kind === 'paragraph' && templateBody !== undefined && foldText(b.text) !== '' && ` ${templateBody} `.includes(` ${foldText(b.text)} `);
  const own = templateBody === undefined ? undefined : texts.filter((b) => !ofTemplate(b));
  if (own && own.length === 0 && texts.length > 0) return undefined;
  const first = own ? own[0] : keptSample(texts[0]) && texts.length > 1 ? texts[1] : texts[0];
  // (A sentence ending in its code, `Change the return type from:` over the signature, before any
  // paragraph of its own: that sentence with the code's line.)
  if (asSummary && blocks) {
    const until = first ? blocks.indexOf(first) : blocks.length;
    for (let i = 0; i < until; i++) {
      const led = codeLed(blocks, i);
      if (led) return { text: led.text, from: 'section', range: led.range };
    }
  }
  if (asSummary && blocks && first) {
    // The paragraph that leads into the list right after it (`There are two kinds of users of the
    // tool:`), or the one right before the list found first: the lead, with the list's gist.
    const at = blocks.indexOf(first);
    const leads = (b: Block | undefined, next: Block | undefined) => b?.kind === 'paragraph' && (/:\s*$/.test(b.text) || runsIntoList(b, next));
    const [lead, list] = first.kind === 'list' ? [blocks[at - 1], first] : leads(first, blocks[at + 1]) ? [first, blocks[at + 1]] : [undefined, undefined];
    if (list?.kind === 'list') {
      // (A paragraph whose last sentence leads into the list, `… during syncs. A few improvements to
      // consider:`, is shown cut back to the sentences before it: see `displaySummary`. Not folded.)
      const oneSentence = (text: string) => !/(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|incl))[.!?](?=\s+\S)/.test(text.trim().slice(0, -1));
      if (first.kind === 'paragraph' && !oneSentence(first.text)) return { text: first.text, from: 'section', range: first.range };
      const intro = lead?.kind === 'paragraph' && leads(lead, list) && oneSentence(lead.text) && !saidAside(lead.text) && !isNotice(lead.text) ? lead : undefined;
      // (A lead that only points at the list, `This section lists every change it makes:`, says nothing of its own.)
      const said = intro && !(isLeadIn(intro.text) && POINTS_AT_LIST.test(intro.text.trim())) ? intro : undefined;
      const text = withList(
        said?.text,
        list.items.map((i) => i.text),
      );
      if (text) return { text, from: 'section', range: { start: (said ?? list).range.start, end: list.range.end } };
    }
  }
  if (first?.kind === 'paragraph') return { text: first.text, from: 'section', range: first.range };
  const item = first?.kind === 'list' ? first.items.find((i) => i.text.trim()) : undefined;
  if (item) return { text: item.text, from: 'section', range: item.range };
  // (A title section with no text but a heading under it, `# Title` over `## Virtual machine snapshots`:
  // the title written as a heading there.)
  // (Not a part of a document or of its record, `### Summary` written a level down: the text begins.)
  const under = !asSummary && section && section.blocks.every((b) => b.kind === 'html') ? section.children[0]?.heading : undefined;
  const names = under !== undefined && /\p{L}/u.test(under.text) && !DOCUMENT_PARTS.has(foldHeading(under.text)) && !RECORD_SECTIONS.test(foldHeading(under.text));
  return names ? { text: under.text, from: 'section', range: under.range } : undefined;
}

/**
 * A few words that go on into the list on the very next line, no colon and no
 * sentence's end (`Deprecates` over `- classic component layout`): the
 * sentence's start, the items its ends.
 */
function runsIntoList(b: Block, next: Block | undefined): boolean {
  if (b.kind !== 'paragraph' || next?.kind !== 'list') return false;
  const text = b.text.trim();
  // (Or a sentence broken off on a word no sentence ends with, `This RFC proposes to`, `… is proposed
  // in order to`, a blank line or a line break before its list: the items are its ends all the same.)
  if (DANGLING_END.test(text) && countWords(text) <= 20 && !/[.!?;]/.test(text) && !/^(?:\*\*|__)/.test(b.raw.trim())) return true;
  if (next.range.start.line !== b.range.end.line + 1) return false;
  return countWords(text) <= 8 && /\p{L}$/u.test(text) && !b.text.includes('\n') && !/^(?:\*\*|__)/.test(b.raw.trim());
}

/** A word no sentence ends with: a preposition, an article, a conjunction, a verb that wants its object. */
const DANGLING_END =
  /\b(?:to|the|an?|of|for|with|and|or|that|by|from|into|as|such as|like|including|namely|will|would|should|shall|must|can|is|are|be|aims? to|proposes?)$/i;

/** A paragraph that is a label set in bold alone, a heading in all but name (`**The Problem**`, then its text). */
function boldLabel(raw: string): boolean {
  const m = /^(\*\*|__)([^*_\n]+)\1:?$/.exec(raw.trim());
  return m !== null && m[2]!.trim().split(/\s+/).length <= 6 && !/[.!?]$/.test(m[2]!.trim());
}

/** A lead-in about the list under it rather than the subject: `This section lists …:`, `Here are the changes:`, `… as follows:`. */
const POINTS_AT_LIST = /\b(?:this|the following) (?:section|list|page|table)\b|\b(?:below|as follows|following)\s*:$|^here (?:are|is)\b/i;

/** How long a summary that folds a list in may be (characters); past it, the lead is said with the items' names, or alone. */
const LIST_GIST_MAX = 300;

/**
 * A lead into a list read with it, as a summary: the lead with the items
 * (`There are two kinds of users: Builders - people who write recipes; Cooks -
 * people who follow them.`; fragments that carry their own commas, `the
 * deployment of cEUR,` `an extension of …,`, joined as written); when that is
 * long, the lead with each item's name (`Builders, Cooks`), else with the
 * items that fit and `…` after them (a long first one cut at a word). Without
 * a lead, the items the same way, or a first item too long for that as it is.
 */
function withList(lead: string | undefined, items: readonly string[]): string | undefined {
  const clean = items.map((i) => i.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const head = lead?.trim();
  if (clean.length === 0) return head;
  const fragments = clean.slice(0, -1).every((i) => /(?:[,;]|\b(?:and|or))$/.test(i));
  const bare = (i: string) => (fragments ? i : i.replace(/(?<!\.)[.;,]$/, ''));
  const join = (some: readonly string[]) => some.map(bare).join(fragments ? ' ' : '; ');
  const ended = (text: string) => (/[.!?…]$/.test(text) ? text : `${text.replace(/[,;:]$/, '')}.`);
  const said = (text: string) => (head ? `${head} ${text}` : text);
  const full = said(ended(join(clean)));
  if (full.length <= LIST_GIST_MAX) return full;
  // (An item's name: the words before its dash or colon, `Builders - people who …`, `**Cooks**: …`.)
  const names = clean.map((i) => /^(.{1,40}?)\s*(?:\s[-–—]\s|:\s)/.exec(i)?.[1]);
  if (head && names.every((n) => n && (n.match(/\p{L}+/gu)?.length ?? 0) <= 5)) {
    const named = `${head} ${names.join(', ')}.`;
    if (named.length <= LIST_GIST_MAX) return named;
  }
  // The items that fit, then `…`.
  let fit = 0;
  while (fit < clean.length && said(`${join(clean.slice(0, fit + 1))}; …`).length <= LIST_GIST_MAX) fit++;
  if (fit > 0) return said(`${join(clean.slice(0, fit))}${fragments ? ' …' : '; …'}`);
  // (Without a lead, a first item longer than a summary is one, a paragraph of its own: as written.)
  if (!head) return clean[0];
  const room = LIST_GIST_MAX - (head ? head.length + 1 : 0) - 2;
  const cut = clean[0]!.slice(0, Math.max(room, 0)).replace(/\s+\S*$/, '');
  return cut ? said(`${cut} …`) : head;
}

function findSection(sections: readonly Section[], matcher: RegExp): Section | undefined {
  for (const section of sections) {
    if (matcher.test(foldHeading(section.heading.text))) return section;
    const inner = findSection(section.children, matcher);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * A line that says where the document came from or is discussed: a few words, then links alone
 * (`Original issue: https://…`, `Spawned from https://…`, `Original Google document: [link](…)`).
 */
function pointerLine(raw: string): boolean {
  if (raw.includes('\n') || !/https?:\/\/|\]\(/.test(raw)) return false;
  const rest = raw.replace(/!?\[[^\]]*\]\([^)]*\)|<https?:[^>\s]+>|https?:\/\/\S+/g, ' ').replace(/[*_`:|,.;()[\]-]/g, ' ');
  // (A label before the link, `Original issue:`, or words that say where from, `Spawned from`, `See`:
  // not a sentence with a link in it, `Implement [RFC 7807 problem details](…) for all API errors.`)
  const lead = raw
    .split(/!?\[|<https?:|https?:\/\//)[0]!
    .replace(/[*_`]/g, '')
    .trim();
  const says = /:\s*$/.test(lead) || /^(?:spawned|forked|split|moved|copied|taken|adapted|ported)\s+from\b|^(?:see|from|based on)\b/i.test(lead);
  return says && (rest.match(/\p{L}+/gu) ?? []).length <= 5;
}

/**
 * One sentence that sends the reader to a link for what it names, `For a friendlier introduction to
 * the problem, see the [design diary](…) posts.`, `For more details, refer to [the spec](…).`, or to a
 * later part of the document: where to read, not what the document is.
 */
function seeElsewhere(raw: string): boolean {
  const text = raw.replace(/\s+/g, ' ').trim();
  // (Or where a thing of it can be seen, by a link, with a remark on it at most: `Current drafts of the
  // schemas can be viewed on the [implementation branch](…). Note that it is a work in progress.`)
  if (
    /\]\(|https?:\/\//.test(raw) &&
    /^[^.!?]{3,160}\b(?:can|may) be (?:viewed|found|read|seen|followed|tracked|discussed)\b[^.!?]{0,80}\b(?:on|at|in|via)\b[^.!?]*\]\([^)]*\)[^.!?]*[.!?]?(?:\s+note that\b[^.!?]*[.!?]?)?$/i.test(
      text,
    )
  )
    return true;
  if (/[.!?]\s+\S/.test(text.replace(/\([^)]*\)/g, '').replace(/\b(?:e\.g|i\.e|etc|vs|cf)\./gi, ''))) return false;
  // (Or to another part of this document, `See further breakdown of some scenarios towards the bottom
  // of the document`: where to read on, no link needed.)
  if (
    /^(?:please\s+)?(?:see|refer to|jump to|skip to|read)\b.{0,120}\b(?:below|bottom|end of (?:this|the) (?:document|page|file|proposal)|later (?:in|on)|further down|following sections?|appendix)\b/i.test(
      text,
    )
  )
    return true;
  if (!/\]\(|https?:\/\//.test(raw)) return false;
  return /^(?:for|to)\b[^,.]{3,120},\s*(?:please\s+)?(?:see|read|refer to|check out|visit|head to)\b/i.test(text);
}

/**
 * A paragraph of bold labels, a line each, over their values (`**Owner** [Ada](…) |` over `**Feature**
 * #1405`, a value's links running on over lines of their own): fields of a header, no prose.
 */
function labelLines(raw: string): boolean {
  const lines = raw.split('\n').filter((l) => l.trim() !== '');
  const label = (l: string) => /^\s*(\*\*|__)[^*_\n]{1,30}\1\s*:?\s*\S/.test(l);
  const links = (l: string) => /^\s*(?:\[[^\]]*\]\([^)]*\)[\s|,]*)+$/.test(l);
  return lines.length >= 2 && label(lines[0]!) && lines.filter(label).length >= 2 && lines.every((l) => label(l) || links(l));
}

/**
 * The first paragraph of prose in document order, outside `skip` (the title
 * line under `## Title`): a few words that read as a sentence, not a lone
 * image, badge or link, nor a `Label: value` line (`Status: accepted`). A
 * pattern written in lists alone gives the first list item that reads so.
 */
function firstProse(
  doc: MarkdownDocument,
  skip: Range | undefined,
  ofTemplate: (text: string) => boolean = () => false,
  /** The fields the document writes in its body (`Name: … \` over `Start Date: …`): no prose of it. */
  fieldsAt?: Range,
): { text: string; range: Range } | undefined {
  const titleEnd = doc.title?.range.end.line ?? 0;
  const apart = (range: Range, other: Range | undefined) => !other || range.start.line > other.end.line || range.end.line < other.start.line;
  const outside = (range: Range) => range.start.line > titleEnd && apart(range, skip) && apart(range, fieldsAt);
  const ledByCode = (blocks: readonly Block[], i: number) => (outside(blocks[i]!.range) ? codeLed(blocks, i) : undefined);
  const find = (pick: (block: Block, next: Block | undefined, section: Section | undefined) => { text: string; range: Range } | undefined, led = false) => {
    const inBlocks = (blocks: readonly Block[], section?: Section) => {
      for (let i = 0; i < blocks.length; i++) {
        const found = pick(wordsBesideImages(doc, blocks[i]!), blocks[i + 1], section) ?? (led ? ledByCode(blocks, i) : undefined);
        if (found) return found;
      }
      return undefined;
    };
    const visit = (sections: readonly Section[]): { text: string; range: Range } | undefined => {
      for (const section of sections) {
        // (Not a record's own text; the sections under it are the document's, though: a setext
        // `Table of Contents` H1 above them holds them all.)
        const found = RECORD_SECTIONS.test(foldHeading(section.heading.text)) ? visit(section.children) : (inBlocks(section.blocks, section) ?? visit(section.children));
        if (found) return found;
      }
      return undefined;
    };
    return inBlocks(doc.preamble) ?? visit(doc.sections);
  };
  // (Not a line of tags set in code, `` `draft` `optional` `relay` ``: labels, no sentence.)
  // (Nor an image alone, whose alt text reads as a sentence: a diagram, shown where it is.)
  // (Nor links alone, `https://…/issues/5434`: where to read more, not what it is.)
  // (Nor a field of a header written as bold labels, a paragraph each — `**Status**: …`, `**Date**: …`,
  // `**Governance**: To be discovered; potentially …` —, however long its value.)
  const boldField = (b: Block) => b.kind === 'paragraph' && /^\s*(\*\*|__)[^*_\n]{1,40}?\1\s*:|^\s*(\*\*|__)[^*_\n]{1,40}?:\2/.test(b.raw);
  const header = doc.preamble.filter(boldField).length >= 2;
  const prose = (b: Block): b is Extract<Block, { kind: 'paragraph' }> =>
    b.kind === 'paragraph' &&
    outside(b.range) &&
    !(header && boldField(b) && doc.preamble.some((p) => p.range.start.line === b.range.start.line)) &&
    readsAsProse(b.text) &&
    !/^(?:\s*`[^`\n]+`[\s,·|]*)+$/.test(b.raw) &&
    // (Nor a formula set on its own, `$$\text{ln}(\Gamma(x))$$`: no words of the text.)
    !/^\s*\$\$/.test(b.raw) &&
    // (Nor a notice that the document is no longer in use, `This alert has been deprecated; …`, as a
    // catalog's stub template writes in each: the same in all of them. A summary section may say so.)
    !NO_LONGER_IN_USE.test(b.text.trim()) &&
    !imagesOnly(b.raw) &&
    !linksOnly(b.raw) &&
    !pointerLine(b.raw) &&
    !seeElsewhere(b.raw) &&
    !labelLines(b.raw) &&
    !byline(b.raw) &&
    // (Nor the template's own text, kept word for word: it says nothing of this pattern.)
    !ofTemplate(b.text);
  // A paragraph emphasised from end to end is set apart from the text (a note about it), not its
  // first paragraph; but it is the summary where the author wrote nothing else above the first
  // section: some catalogs set their one-line summary in italics under the title.
  // (Under the title, a lead-in over a short list of points, `This proposal sets out to:` then three
  // items: together they are what the document is about, before any paragraph further down.)
  const intro = doc.preamble.findIndex((b) => b.kind === 'paragraph' && outside(b.range));
  const lead = intro >= 0 ? doc.preamble[intro] : undefined;
  const points = lead ? doc.preamble[intro + 1] : undefined;
  // (A lead-in that reads as a sentence of its own, `This record decides how … in two parts:`, is the summary alone.)
  // (Not a label of the document's record over its list, `Related Issues:` over links, `**Proposed by:**`
  // over its authors: who and where, never what it is about.)
  if (
    lead?.kind === 'paragraph' &&
    /:\s*$/.test(lead.text) &&
    !readsAsProse(lead.text) &&
    !RECORD_LABEL.test(lead.text) &&
    points?.kind === 'list' &&
    points.items.length <= 6 &&
    points.items.every((i) => readsAsProse(i.text) || /\p{L}{3}/u.test(i.text))
  ) {
    const text = `${lead.text.trim()} ${points.items.map((i) => i.text.trim().replace(/[.;,]+$/, '')).join('; ')}.`;
    if (readsAsProse(text)) return { text, range: { start: lead.range.start, end: points.range.end } };
  }
  // (A short lead-in that says something of its own, `Our tool offers three ways to declare
  // dependencies:`, is read with the list it leads into, where it stands: the next paragraph,
  // `Additionally, …`, is a remark after it.)
  // (So is one that breaks off into its list without a colon, `This pattern creates`, then the items.)
  // (Not in a section on when to use it, `Use when your services:` and the cases: who it is for, not
  // what it is.)
  const ledList = (b: Block, next: Block | undefined, section: Section | undefined, long = false) => {
    if (b.kind !== 'paragraph' || next?.kind !== 'list' || !outside(b.range) || saidAside(b.text) || isNotice(b.text)) return undefined;
    const text = b.text.trim();
    const words = countWords(text);
    // (A colonless one ends on a word of a sentence, `… creates`, `… proposed that`: not a label, `Table of
    // contents`, nor a byline, `Author: Ana Roe - Dec. 2018`.)
    // (Of any length where it is prose itself, `Server-Side Apply is a feature whereby … clients can`.)
    const brokenOff =
      words >= 3 && (words < 12 || long) && /^\p{Lu}/u.test(text) && /\s\p{Ll}+$/u.test(text) && !/^[^:\n]{1,40}:\s/.test(text) && !/\b(?:contents|toc)$/i.test(text);
    if (!(isLeadIn(text) ? words >= 4 : brokenOff) || byline(b.raw)) return undefined;
    // (Nor one over examples, `Examples of messages:`, nor a list of links, a table of contents.)
    if (
      POINTS_AT_LIST.test(text) ||
      EXAMPLES.test(text) ||
      RECORD_LABEL.test(text) ||
      boldLabel(b.raw) ||
      !next.items.some((i) => /\p{L}{3}/u.test(i.text) && !linksOnly(i.text))
    )
      return undefined;
    if (section && WHEN_TO_USE.test(foldHeading(section.heading.text))) return undefined;
    const gist = withList(
      text,
      next.items.map((i) => i.text),
    );
    return gist ? { text: gist, range: { start: b.range.start, end: next.range.end } } : undefined;
  };
  const found = find((b, next, section) => {
    const asProse = prose(b) && !whollyEmphasised(b.raw);
    // (Prose that breaks off mid-sentence into the list under it, `… managed by more than one client can`
    // over `- declare what fields it manages`: the sentence ends in the list, read with it.)
    if (asProse && next?.kind === 'list') return ledList(b, next, section, true) ?? b;
    return asProse ? b : ledList(b, next, section);
  }, true);
  const setApart = doc.preamble.map((b) => wordsBesideImages(doc, b)).find((b) => prose(b) && whollyEmphasised(b.raw));
  if (setApart?.kind === 'paragraph' && (!found || !doc.preamble.some((b) => b.range.start.line === found.range.start.line))) return setApart;
  return found ?? find((b) => (b.kind === 'list' && outside(b.range) ? b.items.find((i) => readsAsProse(i.text)) : undefined));
}

/**
 * A line of the people behind the document, as templates set one under the title: a bold label
 * and links to them (`**Owner** [Ana](…) | [Ben](…)`), or labels of people and their names
 * (`Security reviewers: Ana, Ben`): who wrote it, never what it is about.
 */
function byline(raw: string): boolean {
  const bold = /^\s*(\*\*|__)([^*_\n]{1,40})\1\s*:?\s*/.exec(raw);
  if (bold && linksOnly(raw.slice(bold[0].length).replace(/[|,;]|\band\b/g, ' '))) return true;
  const lines = raw.split('\n').filter((l) => l.trim() !== '');
  // (Handles alone, `@ada-roe @ben Ben Doe`: who wrote it, as their accounts name them.)
  if (
    /^\s*@[\w-]/.test(raw) &&
    (raw.match(/(?:^|\s)@[\w-]+/g) ?? []).length >= 2 &&
    raw.replace(/(?:^|\s)@[\w-]+(?:\s+\p{Lu}[\p{L}'-]*)*/gu, '').replace(/[\s,;&]|\band\b/g, '') === ''
  )
    return true;
  // (Names a line each, with line breaks — `Jane Roe  ` / `John Doe  ` under the title —: the authors.)
  if (lines.length >= 2 && lines.every((line) => NAME_LINE.test(line.replace(/\\$|<br\s*\/?>\s*$/i, '').trim()))) return true;
  // (Or on one line, in italics as a byline is set or not: `*Ada Roe, Ben Doe*`, `*ada@, ben@*`; one
  // name alone where it is set apart so, `*Ada Roe*`.)
  if (lines.length === 1) {
    const set = /^\s*([*_]{1,2})(?=\S)(.+?)(?<=\S)\1\s*$/.exec(lines[0]!);
    const names = (set ? set[2]! : lines[0]!)
      .split(/\s*(?:,|;|&|\band\b)\s*/)
      .map((n) => n.trim())
      .filter(Boolean);
    const person = (n: string) => NAME_LINE.test(n) || /^[\w.-]+@(?:[\w-]+(?:\.[\w-]+)+)?$/.test(n);
    if (names.length >= (set ? 1 : 2) && names.length <= 12 && names.every(person)) return true;
  }
  return (
    lines.length > 0 &&
    lines.every((line) => {
      const label = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([\p{L}][\p{L} ()-]{0,30}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)\s/u.exec(line)?.[1];
      return label !== undefined && PEOPLE_LABEL.test(foldHeading(label).replace(/\s*\(s\)$/, ''));
    })
  );
}

/** A person's name alone on a line: two to four capitalised words (`Jane Roe`, `Ana de la Cruz`), or a handle (`@jroe`), maybe with a handle or an address in brackets after it. */
const NAME_LINE =
  /^(?:@[\w-]+|\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|del|la|le|van|von|der|den|di|du|bin|al)\s+)*\p{Lu}[\p{L}'’.-]*){1,3})(?:\s*[(<[][^()<>[\]\n]{1,60}[)>\]])?$/u;

/** A label naming people (folded): `Security reviewers`, `Primary Authors`, `Owner`. */
const PEOPLE_LABEL = new RegExp(String.raw`\b(?:${PEOPLE_WORDS})$`);

/** A paragraph of links only (bare, `<…>` or `[text](…)`), with at most a separator between them: no sentence of its own. */
function linksOnly(raw: string): boolean {
  const rest = raw.replace(/\[[^\]]*\]\([^)]*\)|<https?:[^>\s]*>|https?:\/\/\S+/gi, '');
  return rest.length < raw.length && !/\p{L}/u.test(rest);
}

/**
 * A paragraph opening with a line of images and words on the lines after it
 * (`![Overview](flow.png)` right under the title, the first sentence on the
 * next line): the words alone, from their first line — an image's alt text is
 * no word of the text. Any other block as it is.
 */
function wordsBesideImages(doc: MarkdownDocument, block: Block): Block {
  if (block.kind !== 'paragraph' || !/!\[|<img\b/i.test(block.raw)) return block;
  const lines = block.raw.split('\n');
  let n = 0;
  while (n < lines.length - 1 && imagesOnly(lines[n]!)) n++;
  if (n === 0) return block;
  const first = block.range.start.line;
  let text = block.text;
  for (const image of doc.images) {
    const line = image.range.start.line;
    if (image.kind !== 'image' || line < first || line >= first + n || !image.alt) continue;
    const at = text.indexOf(image.alt);
    if (at >= 0 && text.slice(0, at).trim() === '') text = text.slice(at + image.alt.length);
  }
  const raw = lines.slice(n).join('\n');
  return { kind: 'paragraph', text: text.trim(), raw, range: { start: doc.lines.point(first + n), end: block.range.end } };
}

/** A paragraph of images only (`![Architecture](diagram.png)`, linked or raw `<img>`): no words of its own. */
function imagesOnly(raw: string): boolean {
  const rest = raw.replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])|<img\b[^>]*>|<\/?(?:a|p|div|picture|source)\b[^>]*>/gi, '').replace(/\[\s*\]\([^)]*\)/g, '');
  return rest.length < raw.length && !/\p{L}/u.test(rest);
}

/**
 * A short lead-in to what follows (`The changes proposed here:`), which says
 * nothing on its own; a paragraph that says what the document is before a
 * list (`This RFC proposes three changes to the loader so that …:`) does.
 */
function isLeadIn(text: string): boolean {
  const trimmed = text.trim();
  // (Or `：`, the colon of Chinese and Japanese.)
  return /[:：]$/.test(trimmed) && countWords(trimmed) < 12;
}

/**
 * A sentence that ends in the code set under it: `Change the return type of \`line\` from:` over a
 * one-line block, `to return \`String iso^\` instead:` over another. Read with the code's line, each such
 * pair in a row, it says what the document does; the lead alone says nothing (see `isLeadIn`). A block
 * of several lines is an example, not the sentence's end: no text.
 */
function codeLed(blocks: readonly Block[], at: number): { text: string; range: Range } | undefined {
  const parts: string[] = [];
  let end: Range | undefined;
  for (let i = at; i + 1 < blocks.length; i += 2) {
    const lead = blocks[i]!;
    const code = blocks[i + 1]!;
    if (lead.kind !== 'paragraph' || code.kind !== 'code' || !/[:：]\s*$/.test(lead.text) || saidAside(lead.text) || isNotice(lead.text)) break;
    const lines = code.code.content.split('\n').filter((l) => l.trim() !== '');
    if (lines.length !== 1 || lines[0]!.trim().length > 80 || EXAMPLES.test(lead.text.trim()) || RECORD_LABEL.test(lead.text)) break;
    parts.push(`${lead.text.trim()} ${lines[0]!.trim()}`);
    end = code.range;
  }
  const text = parts.join(' ');
  return end && countWords(text) >= 4 ? { text, range: { start: blocks[at]!.range.start, end: end.end } } : undefined;
}

/**
 * A few words that read as a sentence. Counted as words in any script: a
 * sentence in Chinese, `统一组件的属性命名，使其保持一致。`, has no spaces, and is
 * as much a sentence as one in English (see countWords).
 */
function readsAsProse(text: string): boolean {
  const words = countWords(text);
  if (words < 4 || saidAside(text)) return false;
  // Other names (`a.k.a. Logical View`, `Also known as: …`) say what it is called, not what it is.
  if (/^(?:a\.?k\.?a\.?|also known as)\b/i.test(text.trim())) return false;
  // (Nor when not to use it, `Do not use this pattern for a one-page site`: a limit, not what it is.)
  if (/^(?:do not|don['’]t|never) use\b/i.test(text.trim())) return false;
  const trimmed = text.trim();
  if (isLeadIn(trimmed)) return false;
  // A byline or dateline (`March 18, 2026 · The Platform Team`): a few words with a year, no sentence.
  if (words < 12 && /\b(?:19|20)\d{2}\b/.test(trimmed) && !endsSentence(trimmed)) return false;
  // `Title: Use a message queue`, `Status: accepted`, `Original Author(s):: @ada`: a field, not a sentence.
  // (The full-width colon of Chinese and Japanese needs no space after it: `状态：已接受`.)
  const field = /^([\p{L}][\p{L}\p{N} _()/-]{0,40})(?::{1,2}\s+|：\s*)(.*)$/su.exec(trimmed);
  // (A list of people, however long: `By: Ada, Bo, Cy and Dee`.)
  if (
    field &&
    /^(?:by|(?:co-?)?authors?|authored by|written by|owners?|maintainers?|editors?|reviewers?|contributors?|champions?|sponsors?)(?:\s*\(s\))?$/i.test(field[1]!.trim())
  )
    return false;
  // (A label of four words at most: `Allow the following literal form: 1_000 …` is a sentence.)
  if (!field || words >= 12 || field[1]!.trim().split(/\s+/).length > 4) return true;
  return endsSentence(trimmed) && countWords(field[2]!) >= 6;
}

class TooLarge extends Error {
  constructor(readonly size: number) {
    super('too large');
  }
}

/**
 * The file's bytes, read with one open, one stat and one read. Synchronous on
 * purpose: pattern files are small, and for a thousand of them the thread-pool
 * round trips of asynchronous reads cost five times the reading itself
 * (measured: 16 ms against 78 ms). The size is checked on the open descriptor,
 * so a file swapped after the check cannot slip past it.
 */
/** A pattern's metadata file: none when it has none; its keys, or what is wrong with it. */
export function readMetadata(file: string): ReturnType<typeof parseMetadata> | { kind: 'none' } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'none' };
    return { kind: 'error', message: `Cannot read it (${code ?? (err as Error).message})`, line: 1 };
  }
  return parseMetadata(text.replace(/^\uFEFF/, ''));
}

function readWhole(file: string, maxSize: number): { bytes: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxSize) throw new TooLarge(size);
    let bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled < size) bytes = bytes.subarray(0, filled);
    return { bytes, size };
  } finally {
    closeSync(fd);
  }
}

/**
 * The status an H1 notice above the title says (`# This Document is Deprecated` over `# Committee
 * Structure`, see `isNoticeHeading`): its word, `Deprecated`.
 */
function noticeStatus(document: MarkdownDocument): string | undefined {
  const title = document.title;
  // (Or, in a document with no title line — its sections H1s, as an RFC template has them —, its first
  // heading: `# Superseded!` over `# Summary`.)
  // (Or the title itself, where the notice is the first H1 of a document whose sections follow as H1s:
  // `# Superseded!` over `# Summary`, no name of its own above them.)
  const first = document.sections[0];
  const notice = title
    ? (document.sections.find((s) => s.heading.range.start.line < title.range.start.line && isNoticeHeading(s.heading.text))?.heading ??
      (isNoticeHeading(title.text) && document.sections.length > 0 ? title : undefined))
    : first && document.sections.length > 1 && isNoticeHeading(first.heading.text)
      ? first.heading
      : undefined;
  const word = notice && /\b(deprecated|obsolete|outdated|archived|superseded|withdrawn|retired)\b/i.exec(notice.text)?.[1];
  return word ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : undefined;
}

/** The document's body fields, with its status section's line (or its notice's word) as `status` where the fields have none. */
function withStatus(fields: Record<string, string> | undefined, document: MarkdownDocument): { fields?: Record<string, string> } {
  const status = fields?.status === undefined ? (statusSection(document) ?? noticeStatus(document)) : undefined;
  if (status !== undefined) return { fields: { ...fields, status } };
  return fields ? { fields } : {};
}
