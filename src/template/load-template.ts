import { bareValue, DOCUMENT_PARTS, saidAside } from './document-parts.js';
import { createHash } from 'node:crypto';
import { frontMatterKey, frontMatterValue, sketchFrontMatter } from '../markdown/front-matter.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { PatternbookError } from '../diagnostics.js';
import { blockText, footerBreak, leadBlock, parseMarkdown } from '../markdown/document.js';
import type { Block, Heading, MarkdownDocument, Section } from '../markdown/types.js';
import { headingSlug } from '../markdown/slug.js';
import { decodeUtf8 } from '../util/text-file.js';
import { embeddedTemplate } from './embedded.js';
import { headingMatcher, headingShape, shapeText } from './heading-shape.js';
import { OPTIONAL_WORD_ELSEWHERE, REMOVE_ME, slashAlternatives, splitNote, variantKey } from './heading-variants.js';
import { bodyFields, emptyFieldLabels, ID_FIELD, NAME_FIELD } from './body-fields.js';
import { choiceNames, escapeRegExp, foldHeading, foldText } from './normalize.js';
import { requiredFromStage, stageLists, type StageList, type StageRequirement } from './stages.js';
import { customPlaceholder, extractPlaceholders } from './placeholders.js';
import type { SectionExpectations, SummarySpec, TemplateSchema, TemplateSection, TitleShape, TitleSpec } from './types.js';
import { flattenSections } from './walk.js';

/** A heading that stands for the author's own sections (`## Other sections`, `## Additional sections as needed`). */
const OWN_SECTIONS = /^(?:other|additional|further|more|extra|custom|your(?: own)?)(?: optional)? sections?(?: as (?:needed|required|appropriate)| if (?:needed|any))?$/;
/** Path of the template Patternbook ships (a copy of the catalog template it was built around). */
export const BUILT_IN_TEMPLATE = path.join(PACKAGE_ROOT, 'templates', 'pattern.md');

/** A section's setting in the configuration (`sections:`): as the configuration's schema reads it. */
export interface SectionSetting {
  optional?: boolean | undefined;
  recommended?: boolean | undefined;
  aliases?: string[] | undefined;
}

export interface TemplateOptions {
  /** Per-section overrides, keyed by section name or heading (`"Manual Testing": { optional: true }`). */
  sections?: Record<string, SectionSetting>;
  placeholders?: { add?: string[] | undefined; ignore?: string[] | undefined };
  /** Where patterns keep their title, when not where the template's own is. */
  title?: TitleSetting;
  /** Where patterns keep their summary, when not where the template's own is. */
  summary?: SummarySetting;
  /**
   * `sections` may name sections this template does not have (they are a
   * sibling template's): the caller checks that each names some template's.
   */
  sharedSections?: boolean;
  /** The keys of the template's metadata file (`metadataFile` beside it: `stage: alpha|beta|stable`). */
  metadata?: Record<string, unknown>;
}

/** Reads a template file (default: the built-in one) into a schema. */
export async function loadTemplate(file: string = BUILT_IN_TEMPLATE, options: TemplateOptions = {}): Promise<TemplateSchema> {
  const text = await readTemplateText(file, {
    missing: 'Point `template` in the configuration at an existing Markdown file, or remove it to use the built-in template.',
    folder: "point `template` at the template's Markdown file (such as templates/pattern.md).",
    unreadable: 'check that `template` names a readable Markdown file.',
    binary: 'point `template` at a Markdown text file.',
  });
  return templateFromSource(text, file, options);
}

/**
 * A template file's text, or an error that names it and says what to do: `hints`
 * end the messages (a missing file; a folder, unreadable and binary content
 * where given — without `binary`, NUL bytes are not checked).
 */
export async function readTemplateText(file: string, hints: { missing: string; folder?: string; unreadable?: string; binary?: string }): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PatternbookError(
      code === 'ENOENT'
        ? `Template not found: ${file}. ${hints.missing}`
        : code === 'EISDIR' && hints.folder
          ? `Template ${file} is a folder: ${hints.folder}`
          : `Cannot read template ${file} (${code ?? (err as Error).message})${hints.unreadable ? `: ${hints.unreadable}` : '.'}`,
    );
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new PatternbookError(`Template ${file} is not valid UTF-8 text. Save it as UTF-8.`);
  // NUL bytes are binary content, refused in patterns too.
  if (hints.binary && text.includes('\0')) throw new PatternbookError(`Template ${file} holds binary content (NUL bytes): ${hints.binary}`);
  return text;
}

/** Builds a schema from template text; `file` is only used in messages and the schema's name. */
export function templateFromSource(pageText: string, file: string, options: TemplateOptions = {}): TemplateSchema {
  const embedded = embeddedTemplate(pageText);
  let text = instructionHeadings(commentedHeadings(fullWidthHeadings(embedded?.text ?? pageText)));
  let parsed = parseMarkdown(text);
  if (!parsed.ok) {
    throw new PatternbookError(`${file}:${parsed.error.line}:${parsed.error.column}: template ${parsed.error.message}`);
  }
  // Words about the template above its title line (`# Template for a new proposal`, how to copy it):
  // the page's, not the template's.
  const proper = templateProper(parsed.document);
  // (The page's H1 above it, where the template's title line is a heading of its own: `# RFC0 for
  // Presto` over `## [Title]` — a label every pattern keeps, see `labelAbove`.)
  const pageTitle = proper !== undefined ? parsed.document.title?.text : undefined;
  // (What that page says of the template's outline still holds: `The sections below are recommended.`)
  const aboutPage = proper === undefined ? '' : pageWords(text, proper);
  if (proper !== undefined) {
    text = proper;
    parsed = parseMarkdown(text);
    if (!parsed.ok) throw new PatternbookError(`${file}: template ${parsed.error.message}`);
  }
  // A template whose sections are H1s (`# Summary`, `# Motivation`…) has no title line: its first H1 is a section too.
  if (h1sAreSections(parsed.document)) {
    parsed = parseMarkdown(text, { sectionHeading: () => true });
    // (But a first `# Title` with nothing under it but the header each pattern fills in — a table of
    // fields, `Author:` lines, `Title e.g.: …` —, the sections' H1s after it, is the title line: the name
    // goes there. A `# Title` section with the title on the line below is a section.)
    const first = parsed.ok ? parsed.document.sections[0] : undefined;
    // (Nor is a first H1 that names the template itself, `# RFC Template` over the header fields each
    // pattern fills in: its title line, which each pattern's own title takes the place of.)
    if (
      first &&
      first.level === 1 &&
      first.children.length === 0 &&
      (((first.blocks.length === 0 || holdsOnlyHeader(first)) && namesTitle(first.title)) || namesTemplate(first))
    )
      parsed = parseMarkdown(text, { titleLine: first.heading.range.start.line });
  }
  // The title as an H2 that only names it (`Title` underlined with `---`, then the metadata list):
  // that heading is the title, not a section.
  const titleLevel = parsed.ok && options.title?.from !== 'section' ? titleHeadingLevel(parsed.document) : undefined;
  if (titleLevel) parsed = parseMarkdown(text, { titleLevel });
  if (!parsed.ok) throw new PatternbookError(`${file}: template ${parsed.error.message}`);
  const doc = parsed.document;
  // (A template that is only a header of fields, `| Title | … |` then `| Author | … |`, asks for those
  // fields and no section: "proposals have no fixed format, but each starts with this table".)
  // (Nor one that asks for none and invites the author's: "Add sections as needed.")
  if (doc.sections.length === 0 && !bodyFields(doc) && Object.keys(doc.frontMatter?.data ?? {}).length === 0 && !welcomesOwnSections(doc)) {
    throw new PatternbookError(`${file}: the template has no section headings (\`## Overview\`…). A template needs at least one section below its title.`);
  }

  // Front matter that is not valid YAML (a comment for the author after a value, `id: "…" <!-- keep
  // the quotes -->`) is still the template's sketch of the keys: read one `key: value` a line.
  const fm = doc.frontMatter;
  const data = fm?.error ? sketchFrontMatter(fm.raw) : (fm?.data ?? {});
  // (A `template` key with no version in it, `template = "main"`, is the catalog's own — the page
  // layout its site generator uses —: a key of the patterns', not the template's name.)
  const ownKey = typeof data.template === 'string' && !data.template.includes('@');
  const { template: meta, ...rest } = data;
  const frontMatter: Record<string, unknown> = ownKey ? data : rest;
  // (The version of a template that names none is a hash of its own text as written — the embedded
  // block, or the whole file —, line endings aside: not of the text Patternbook reads it as, which
  // changes with Patternbook, nor of a CRLF checkout's bytes.)
  const { name, version } = templateIdentity(ownKey ? undefined : meta, file, embedded?.text ?? pageText);
  const overrides = new SectionOverrides(options.sections ?? {}, file);
  const schemaPaths = new Map<string, string[]>();
  // The stages the template lists (`* Status: Provisional|Implementable|…`, `stage: alpha|beta|stable` in the metadata file
  // beside it): a section it requires from one of them on is required of patterns at that stage or later.
  const stages = stageLists(frontMatter, bodyFields(doc)?.values, options.metadata);
  const sections = buildSections(doc, doc.sections, [], overrides, schemaPaths, outlineIsAGuide(doc, aboutPage), stages, onlyAsked(doc));
  if (!options.sharedSections) overrides.assertAllUsed();
  // Placeholders under `Step 1`, `Step 2`… belong to the one repeatable section `Step N: <title>`.
  const schemaPath = (documentPath: readonly string[]): string[] => schemaPaths.get(documentPath.join('\u0000')) ?? [...documentPath];

  const ignored = new Set((options.placeholders?.ignore ?? []).map(foldText));
  // (A section the template says to remove when done is guidance to the author, no form to fill in:
  // the tags its notes name in brackets, `Tag the title with [WIP]`, are no blanks — its sentences left
  // in are what is left of it.)
  const removed = flattenSections(sections).filter((s) => s.removeWhenDone);
  const inRemoved = (p: { sectionPath: readonly string[] }) =>
    removed.some((s) => s.path.length <= p.sectionPath.length && s.path.every((name, k) => name === p.sectionPath[k]));
  const placeholders = [
    ...extractPlaceholders(doc, schemaPath, (path) => inRemoved({ sectionPath: path })).filter(
      (p) => !ignored.has(p.folded) && !(p.kind === 'bracketed' && inRemoved(p)),
    ),
    ...(options.placeholders?.add ?? []).map(customPlaceholder),
  ];

  return {
    file,
    builtIn: path.resolve(file) === BUILT_IN_TEMPLATE,
    name,
    version,
    title: withLabelAbove(titleSpec(doc, frontMatter, sections, file, options.title, titleLevel), pageTitle),
    summary: summarySpec(doc, frontMatter, sections, file, options.summary),
    frontMatter,
    sections,
    optionalNames: optionalNamesInComments(doc),
    ...(welcomesOwnSections(doc) || sections.length === 0 ? { ownSectionsWelcome: true as const } : {}),
    placeholders,
    source: doc.source,
    document: doc,
    ...(stages.length > 0 ? { stages } : {}),
    ...(embedded ? { embeddedAt: embedded.line } : {}),
  };
}

/**
 * A template page that opens with an H1 about the template (`# Template for a
 * new proposal`, then how to use it) before the template proper, whose title
 * line is a later H1 that only stands for the pattern's title (`# Title`,
 * `# [Proposal name]`): the template, with the lines above that title blanked
 * (so that every line keeps its number). None when the first H1 is the title.
 */
function templateProper(doc: MarkdownDocument): string | undefined {
  const h1s = doc.headings.filter((h) => h.level === 1);
  // (A line that tells the author to delete all above it — `Delete from here up, starting with your
  // title`, `Remove everything above this line` — before an H1: that H1 is the title line, what is
  // above it, headings and all, the page's instructions.)
  const marker = doc.source.split('\n').findIndex((line) => DELETE_ABOVE.test(line.replace(/[*_`]/g, '')));
  const after = marker >= 0 ? h1s.find((h) => h.range.start.line > marker + 1) : undefined;
  if (after) return blankAbove(doc, after);
  // (Notes to the author set as small headings above the title line, `#### *Example page only: …*`
  // over `# Red Team`: the page's, not sections to ask for.)
  const firstH1 = h1s[0];
  const notes = firstH1 ? doc.headings.slice(0, doc.headings.indexOf(firstH1)) : [];
  if (firstH1 && notes.length > 0 && notes.every((h) => h.level >= 3)) return blankAbove(doc, firstH1);
  // (Two H1s that stand for a title, the text under the first about the template — `# [Example
  // proposal]`, "This template can be used to start a new proposal", then `# [Title]`: that text is
  // the page's, the later one the title line.)
  const lines = doc.source.split('\n');
  const later = h1s.length > 1 && standsForTitle(h1s[0]!) ? h1s.slice(1).find(standsForTitle) : undefined;
  const aboutTemplate = later
    ? lines
        .slice(h1s[0]!.range.end.line, later.range.start.line - 1)
        .filter((line) => !/^\s*#/.test(line))
        .some((line) => NAMES_TEMPLATE.test(line))
    : false;
  if (later && aboutTemplate) return blankAbove(doc, later);
  if (h1s.length === 0 || standsForTitle(h1s[0]!)) return undefined;
  // (Or, under the page's one H1, an H2 that is a title placeholder: `# Template`, then `## Your Proposal Title`.)
  const next = doc.headings[1];
  const title =
    h1s.length === 1
      ? doc.headings[0] === h1s[0] && next?.level === 2 && titlePlaceholder(next)
        ? next
        : undefined
      : (h1s.slice(1).find(standsForTitle) ?? holdsEverySection(doc));
  if (!title) return undefined;
  return blankAbove(doc, title);
}

/** The text of the lines `templateProper` blanked (the page's own, above the template proper), in one line. */
function pageWords(text: string, proper: string): string {
  const before = text.split('\n');
  return proper
    .split('\n')
    .map((line, i) => (line === '' && before[i] !== '' ? before[i]!.replace(/^#+\s*/, '') : ''))
    .filter(Boolean)
    .join(' ');
}

/** A line telling the author to delete all above it (see `templateProper`). */
const DELETE_ABOVE =
  /\b(?:delete|remove)\b[^.]{0,30}?\b(?:from here up|everything above|all (?:of )?(?:the text )?above|(?:the )?(?:text|lines?) above|above this (?:line|point))\b/i;

/** The template's text with the lines between its front matter and `title` blanked (every line keeps its number). */
function blankAbove(doc: MarkdownDocument, title: Heading): string | undefined {
  const from = (doc.frontMatter?.endLine ?? 0) + 1;
  const to = title.range.start.line - 1;
  if (to < from) return undefined;
  const lines = doc.source.split('\n');
  for (let line = from; line <= to; line++) lines[line - 1] = '';
  return lines.join('\n');
}

/**
 * The last of a template's H1s, where it alone has sections under it and every H1 before it has
 * none (`# Metadata`, how to fill in the metadata file, then `# Neat Enhancement Idea` over `##
 * Summary`, `## Motivation`…): the title line the patterns' own H1s take the place of, the H1s
 * before it notes on the process.
 */
function holdsEverySection(doc: MarkdownDocument): Heading | undefined {
  const last = doc.headings.findLastIndex((h) => h.level === 1);
  const under = doc.headings.slice(last + 1);
  if (last < 1 || under.length < 2 || doc.headings.slice(0, last).some((h) => h.level !== 1)) return undefined;
  // (Where the H1s before it outnumber what it holds, they are the sections, it the last of them with
  // a few sub-sections of its own: `# Overview`, `# Design`, `# Questions` over `## Answers`, `## Links`.)
  // (Nor where it holds only two, `# Design` over `## Extra notes`, `## Links`: the sections' last, with parts.)
  if (last >= under.length || under.length < 3) return undefined;
  return doc.headings[last];
}

/**
 * A heading with a placeholder of the title in it (`## Your Proposal Title`,
 * `# RFC-NNNN: [Title]`), its note left out: `## Open Questions [optional]`
 * names a section, with a note that it may be left out.
 */
function titlePlaceholder(heading: { text: string; raw: string }): boolean {
  return headingShape(splitNote(shapeText(heading)).text, { title: true }).placeholder;
}

/** An H1 that only stands for the pattern's title: a title placeholder, or a name for the title (`Title`) alone. */
function standsForTitle(heading: Heading): boolean {
  return titlePlaceholder(heading) || TITLE_SECTIONS.has(foldHeading(heading.text.replace(/^[[<{]+|[\]>}]+$/g, '')));
}

/**
 * Whether a heading only names the title: a name for it (`Title`, `Pattern Name`), or the kind of
 * document's name for it, said where it goes or not (`Feature Name`, `Proposal Title Goes Here`).
 */
function namesTitle(heading: string): boolean {
  const name = foldText(splitNote(heading).text);
  return TITLE_SECTIONS.has(name) || /^(?:[\p{L}-]+ ){1,2}(?:name|title)(?: (?:goes )?here)?$/u.test(name);
}

/** The word a heading names the template itself with (`# RFC Template`, `# Template for designs`). */
const NAMES_TEMPLATE = /\btemplate\b/i;

/**
 * Whether a section's heading names the template itself (`# RFC Template`, `# Template for design
 * documents`) and holds no text of a section's: nothing, or only header fields and notes.
 */
function namesTemplate(section: Section): boolean {
  if (!NAMES_TEMPLATE.test(section.title)) return false;
  return holdsOnlyHeader(section);
}

/** Whether a section holds only header material: lists and tables of fields, comments, `Key: value` lines (`标题如：…`). */
function holdsOnlyHeader(section: Section): boolean {
  return section.blocks.every(
    (b) => b.kind === 'list' || b.kind === 'html' || b.kind === 'table' || (b.kind === 'paragraph' && /^\s*[\p{L}\p{N}_ ()/-]{1,40}[:：]/u.test(b.text)),
  );
}

/**
 * Whether a template's H1s are its sections rather than a title and stray
 * headings: it has two or more, and the first names no pattern (it has no
 * placeholder: `# Summary`, not `# [Pattern Title]` or `# RFC-NNNN: Your title`).
 */
function h1sAreSections(doc: MarkdownDocument): boolean {
  if (!doc.title) return false;
  const h1s = doc.headings.filter((h) => h.level === 1).length;
  // (One H1 and no other heading, naming a part of a document, `# Summary`: the template's one section.)
  if (h1s === 1 && doc.headings.length === 1) return DOCUMENT_PARTS.has(foldHeading(splitNote(doc.title.text).text));
  if (h1s < 2) return false;
  if (headingShape(shapeText(doc.title), { title: true }).placeholder) return false;
  // (`# Title` over `##` sections is the title line, as `# [Title]` would be.)
  return !(TITLE_SECTIONS.has(foldHeading(doc.title.text)) && doc.headings[1]?.level === 2);
}

function templateIdentity(meta: unknown, file: string, source: string): { name: string; version: string } {
  const hash = createHash('sha256').update(source.replace(/\r\n?/g, '\n')).digest('hex').slice(0, 12);
  const stem = path.basename(file).replace(/\.(md|markdown)$/i, '');
  if (typeof meta === 'string' && meta.includes('@')) {
    const at = meta.lastIndexOf('@');
    return { name: meta.slice(0, at) || stem, version: meta.slice(at + 1) || hash };
  }
  if (meta && typeof meta === 'object') {
    const m = meta as { name?: unknown; version?: unknown };
    return { name: typeof m.name === 'string' ? m.name : stem, version: m.version != null ? String(m.version) : hash };
  }
  return { name: typeof meta === 'string' ? meta : stem, version: hash };
}

/** Where the configuration says a pattern keeps its title (`title` in the configuration). */
export interface TitleSetting {
  /** Default: where the template keeps it. */
  from?: 'heading' | 'front-matter' | 'section' | undefined;
  /** The front matter key (`from: front-matter`; default `title`). */
  key?: string | undefined;
  /** The section whose first paragraph is the title (`from: section`; default `Title`). */
  section?: string | undefined;
  /** A missing title is a warning (the catalog asks for one without requiring it). */
  recommended?: boolean | undefined;
}

/** Where the configuration says a pattern keeps its summary (`summary` in the configuration). */
export interface SummarySetting {
  from: 'blockquote' | 'front-matter' | 'section' | 'first-paragraph';
  /** The front matter key (`from: front-matter`; default `description`). */
  key?: string | undefined;
  /** The section whose first paragraph is the summary (`from: section`; default `Summary`). */
  section?: string | undefined;
  /** At most this many sentences (default: as many as the template's sample asks for, else any). */
  sentences?: number | undefined;
  /** A missing summary is a warning (the catalog asks for one without requiring it). */
  recommended?: boolean | undefined;
}

/** Names of a template section that holds the title on its first line (folded). */
/** "Title" as other languages write it: a template's `# 标题` is its title line, a pattern's its sample left in. */
export const TITLE_WORDS_ELSEWHERE = ['标题', '題目', '题目', 'タイトル', '제목', 'titel', 'título', 'titulo', 'titre', 'titolo', 'заголовок', 'название'];
const TITLE_SECTIONS = new Set(['title', 'name', 'pattern name', 'pattern title', ...TITLE_WORDS_ELSEWHERE]);
/**
 * Front matter keys a summary is kept in, in order: `description` (most site generators), `summary`,
 * and `excerpt` (Jekyll's and Hyde's). The template's key, the key read where the template keeps
 * none, and the keys `init --adopt` counts are these.
 */
export const SUMMARY_KEYS = ['description', 'summary', 'excerpt', 'abstract'] as const;

/** Names of a template section that is the summary (folded). */
const SUMMARY_SECTIONS = new Set(['summary', 'simple summary', 'patlet', 'abstract', 'synopsis', 'tl dr', 'tldr', 'executive summary', 'in brief', 'at a glance']);

/**
 * Where patterns keep their title: the configuration's choice, else the
 * template's H1, its front matter `title`, or a top-level `## Title` section
 * (the title on the line below it).
 */
function titleSpec(
  doc: MarkdownDocument,
  frontMatter: Record<string, unknown>,
  sections: TemplateSection[],
  file: string,
  setting?: TitleSetting,
  level?: number,
): TitleSpec {
  const fmTitle = frontMatterKey(frontMatter, 'title');
  // (An H1 with nothing to fill in over a field that names the pattern, `# Meta` over `- Name: (fill in
  // the feature name)`: a label every pattern keeps, the name in that field — no title line.)
  // (Not one that names the template, `# RFC Template` over `- Feature Name: (fill me in)`: the title
  // line, which patterns write their titles in.)
  // (Nor one over a section that names the pattern, `# Record` over `## Name`: the kind of document, kept
  // as it is; the name is written in that section.)
  const label =
    doc.title &&
    !titlePlaceholder(doc.title) &&
    !NAMES_TEMPLATE.test(doc.title.text) &&
    (nameField(doc) !== undefined || (!fmTitle && namedSection(sections, TITLE_SECTIONS) !== undefined));
  // (A first heading below H1 read as the title where there is no H1, `## ID: [Pattern Title]`, under a
  // front matter `title` of the template's: that key is the title, the heading the text's first.)
  const heading = doc.title && !label && !(level !== undefined && level > 1 && fmTitle);
  const from = setting?.from ?? (heading ? 'heading' : fmTitle ? 'front-matter' : namedSection(sections, TITLE_SECTIONS) ? 'section' : 'none');
  const recommended = setting?.recommended ? { recommended: true as const } : {};
  if (from === 'heading') {
    // (Titles read from H1s by the configuration where the template has none and names the pattern in
    // a field: that field still names those without one.)
    const field = doc.title ? undefined : nameField(doc);
    // (A front matter key that repeats the title line as an identifier, `feature: my_excited_feature`
    // over `# My Excited Feature`: where a pattern's H1 names no pattern, that key does.)
    const words = (text: string) => foldText(text.replace(/[_-]+/g, ' '));
    // (Words on both sides, and no key of a state or a kind, `status: ""`, `type: …`.)
    const key =
      doc.title && words(doc.title.text) !== ''
        ? Object.keys(frontMatter).find(
            (k) =>
              !/^(?:status|state|type|kind|category|tags?|labels?)$/i.test(k) &&
              typeof frontMatter[k] === 'string' &&
              words(frontMatter[k] as string) === words(doc.title!.text),
          )
        : undefined;
    return {
      from,
      sample: doc.title?.text ?? '',
      ...(key ? { key } : {}),
      ...titleShape(doc.title ? shapeText(doc.title) : ''),
      ...(level ? { level } : {}),
      ...(field ?? {}),
      ...(doc.title ? {} : { configured: true as const }),
      ...recommended,
    };
  }
  if (from === 'front-matter') {
    const key = setting?.key ?? fmTitle ?? 'title';
    const value = frontMatterValue(frontMatter, key);
    const sample = typeof value === 'string' ? value : '';
    const own = fmTitle ? undefined : nameField(doc);
    return {
      from,
      key,
      sample,
      ...titleShape(sample),
      ...recommended,
      ...(own ? { field: own.field } : {}),
      ...(doc.title && !fmTitle ? { heading: doc.title.level } : {}),
    };
  }
  if (from === 'section') {
    const section = settingSection(sections, TITLE_SECTIONS, setting?.section, 'title', file);
    const sample = firstParagraph(doc, section);
    return { from, section: section.name, matcher: section.matcher, sample, ...titleShape(sample), ...recommended, ...(label ? { label: doc.title!.text } : {}) };
  }
  // No title line of its own: the field of its metadata that names the pattern, if it has one.
  return { from: 'none', ...(nameField(doc) ?? {}), ...(label ? { label: doc.title!.text } : {}) };
}

/** The field of the template's metadata that names the pattern (see `TITLE_FIELDS`), if it has one, and the template's text in it. */
function nameField(doc: MarkdownDocument): { field: string; fieldSample: string; idField?: true } | undefined {
  const fields = bodyFields(doc)?.values ?? {};
  // (Or one of the kind of document's name, `- Feature Name: (a unique ident)`.)
  const field = TITLE_FIELDS.find((key) => key in fields) ?? Object.keys(fields).find((key) => NAME_FIELD.test(key));
  if (field) return { field, fieldSample: fields[field]! };
  // (Or, with none, the one that identifies it, `- RFC Proposal ID: (fill me in with a unique ident)`
  // under a `# RFC Proposal` every pattern keeps: the name of a pattern that has no other.)
  const id = Object.keys(fields).find((key) => ID_FIELD.test(key));
  if (id) return { field: id, fieldSample: fields[id]!, idField: true };
  // (Or one of its fields left empty, each a line of its own under the title — `**Feature name:**`
  // over `**Primary lead(s):**` —: where its documents write their names.)
  const empty = emptyFieldLabels(doc).find((key) => TITLE_FIELDS.includes(key) || NAME_FIELD.test(key));
  return empty ? { field: empty, fieldSample: '' } : undefined;
}

/** The title spec with the page's H1 above a title line that is an H2 (see `labelAbove`). */
function withLabelAbove(spec: TitleSpec, pageTitle: string | undefined): TitleSpec {
  return pageTitle && spec.from === 'heading' && spec.level === 2 && /\p{L}{2}/u.test(pageTitle) ? { ...spec, labelAbove: pageTitle } : spec;
}

/** Fields of a template's metadata block that hold a pattern's name (`- Name: (fill in the feature name)`). */
const TITLE_FIELDS = ['title', 'name'];

/**
 * 2 when the template has no H1 and opens with an H2 that only names the
 * title (`Title`, `Name`, `[Title]`) followed by no title line of its own (a
 * list of metadata, another heading): that heading is where a pattern's title
 * goes. (`## Title` with a short line under it keeps the title on that line.)
 */
function titleHeadingLevel(doc: MarkdownDocument): number | undefined {
  const first = doc.headings[0];
  // (Notes for the author above it, `<!-- Word budget: … -->`, are no text of the document's.)
  if (doc.title || !first || first.level !== 2 || doc.preamble.some((b) => !(b.kind === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(b.html)))) return undefined;
  // (`## Your Proposal Title`: a placeholder of the title itself, whatever follows it.)
  if (titlePlaceholder(first)) return 2;
  // (Nor one that names the template over the sections it holds, `## Design Note Template` over
  // `### Overview`: its title line, which each pattern's title takes the place of.)
  const opening = doc.sections[0];
  if (opening && NAMES_TEMPLATE.test(first.text) && (opening.children.length > 0 || namesTemplate(opening))) return 2;
  const name = foldHeading(first.text.replace(/^[[<{]+|[\]>}]+$/g, ''));
  if (!TITLE_SECTIONS.has(name)) return undefined;
  const section = doc.sections[0];
  const lead = section?.blocks[0];
  const titleLine = lead?.kind === 'paragraph' && !lead.text.includes('\n') && lead.text.length <= 80;
  return section && !titleLine ? 2 : undefined;
}

/** The shape of the template's title, when it has variable parts: only then does a title have to fit one. */
function titleShape(sample: string): { shape?: TitleShape } {
  const shape = headingShape(sample, { title: true });
  return shape.placeholder ? { shape: { name: shape.name, matcher: headingMatcher(shape), parts: shape.parts, any: shape.any } } : {};
}

/**
 * Where patterns keep their summary: the configuration's choice, else the
 * blockquote right after the template's title, its front matter
 * `description`, `summary`, `excerpt` or `abstract` (`SUMMARY_KEYS`), or a top-level section of its own (`## Summary`,
 * `## Patlet`). The number of sentences asked for is read from the
 * template's text there (`Brief one-sentence description …`).
 */
function summarySpec(doc: MarkdownDocument, frontMatter: Record<string, unknown>, sections: TemplateSection[], file: string, setting?: SummarySetting): SummarySpec {
  const first = leadBlock(doc);
  const fmKey = SUMMARY_KEYS.map((key) => frontMatterKey(frontMatter, key)).find((key) => key !== undefined);
  const from =
    setting?.from ??
    // (Not a notice every pattern carries, `> For orientation only. Not legal advice.`: no summary's place.)
    (first?.kind === 'blockquote' && !bareValue(first.text) && !saidAside(first.text)
      ? 'blockquote'
      : fmKey
        ? 'front-matter'
        : namedSection(sections, SUMMARY_SECTIONS) || summaryByGuidance(sections)
          ? 'section'
          : 'first-paragraph');
  const sentences = (asked: string) => {
    const n = setting?.sentences ?? sentencesAskedFor(asked);
    return { ...(n !== undefined ? { sentences: n } : {}), ...(setting?.recommended ? { recommended: true as const } : {}) };
  };
  if (from === 'blockquote') {
    const sample = first?.kind === 'blockquote' ? first.text : '';
    return { from, sample, ...sentences(sample) };
  }
  if (from === 'front-matter') {
    const key = setting?.key ?? fmKey ?? 'description';
    const value = frontMatterValue(frontMatter, key);
    const sample = typeof value === 'string' ? value : '';
    return { from, key, sample, ...sentences(sample) };
  }
  if (from === 'section') {
    const byGuidance = setting?.section === undefined && !namedSection(sections, SUMMARY_SECTIONS) ? summaryByGuidance(sections) : undefined;
    const section = byGuidance ?? settingSection(sections, SUMMARY_SECTIONS, setting?.section, 'summary', file);
    return { from, section: section.name, matcher: section.matcher, sample: firstParagraph(doc, section), ...sentences(section.guidance) };
  }
  return { from: 'none' };
}

/**
 * The one section of the template whose guidance calls it the document's
 * summary in so many words (`## Objective` — "This is your executive summary";
 * `### Introduction` — "The executive summary or abstract"), where no section
 * is named for it: the summary is read there.
 */
function summaryByGuidance(sections: TemplateSection[]): TemplateSection | undefined {
  const found = flattenSections(sections).filter((s) => /\bexecutive summary\b|\btl;? ?dr\b/i.test(s.guidance));
  return found.length === 1 ? found[0] : undefined;
}

/** How many sentences the template's text asks for: `one-sentence description` → 1, `Concise 2 sentence description` → 2. */
function sentencesAskedFor(text: string): number | undefined {
  const m = /\b(one|a single|single|two|three|[1-9])[\s-]+sentences?\b/i.exec(text);
  // `at least two sentences`, `two or more sentences`: a floor, not a limit.
  if (!m || /\b(?:at least|minimum(?: of)?|more than|over)\s+$/i.test(text.slice(0, m.index)) || /^\s*(?:or more|at least)\b/i.test(text.slice(m.index + m[0].length)))
    return undefined;
  const word = m[1]!.toLowerCase();
  return { one: 1, 'a single': 1, single: 1, two: 2, three: 3 }[word] ?? Number(word);
}

/** The first top-level template section with one of these (folded) names. */
function namedSection(sections: TemplateSection[], names: ReadonlySet<string>): TemplateSection | undefined {
  return sections.find((s) => names.has(foldText(s.name)));
}

/** The section the configuration names (any level), else the first top-level one of these names; a name the template lacks is an error. */
function settingSection(sections: TemplateSection[], names: ReadonlySet<string>, named: string | undefined, key: 'title' | 'summary', file: string): TemplateSection {
  if (named === undefined) {
    const found = namedSection(sections, names);
    if (found) return found;
    throw new PatternbookError(
      `Configuration \`${key}\` reads the ${key} from a section, and template ${file} has no section named ${key === 'title' ? '`Title`' : '`Summary`'}: name one with \`${key}.section\`.`,
    );
  }
  const folded = foldHeading(named);
  const all = flattenSections(sections);
  const found = all.find((s) => foldHeading(s.name) === folded || foldHeading(s.heading) === folded || s.matcher.test(folded));
  if (found) return found;
  throw new PatternbookError(
    `Configuration \`${key}.section\` names "${named}", which template ${file} does not have. Use a section name from the template: ${sections.map((s) => `"${s.name}"`).join(', ')}.`,
  );
}

/** The text of a template section's first paragraph (its sample line). */
function firstParagraph(doc: MarkdownDocument, section: TemplateSection): string {
  const found = findSection(doc.sections, section.line);
  return found?.blocks.find((b) => b.kind === 'paragraph')?.text ?? '';
}

function findSection(sections: Section[], line: number): Section | undefined {
  for (const s of sections) {
    if (s.heading.range.start.line === line) return s;
    const inner = findSection(s.children, line);
    if (inner) return inner;
  }
  return undefined;
}

function buildSections(
  doc: MarkdownDocument,
  sections: Section[],
  parentPath: string[],
  overrides: SectionOverrides,
  schemaPaths: Map<string, string[]>,
  /** The template says its outline is only a guide (see `outlineIsAGuide`): each section it asks for is recommended. */
  guide = false,
  stages: readonly StageList[] = [],
  /** The only top-level sections the template asks for, where it says every other may go (see `onlyAsked`). */
  asked?: ReadonlySet<string>,
): TemplateSection[] {
  const out: TemplateSection[] = [];
  // (Sections of the first level the template leaves bare, no text nor sub-section: see below.)
  const bareTop = new Set<TemplateSection>();
  const removedAlong = removedWithSiblings(sections);
  const skipFrom = skipRestFrom(doc);
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    // A note in parentheses (`(optional until reviewed)`, `(if applicable)`) is not part of the name.
    // Emphasis that did not parse (`## **Metrics **`) is no part of the name either.
    const { text: heading, optional: suffixOptional, note } = splitNote(section.heading.text.replace(/^[*_]+\s*|\s*[*_]+$/g, '') || section.heading.text);
    // A sub-section that shows its parent's content by example (`### Example Specification` under
    // `## Specification`): an illustration of what to write, no section to ask for or rename to.
    if (illustrates(heading, parentPath.at(-1))) continue;
    // Read from the Markdown where plain text loses a placeholder (a code span, `<name>`).
    const shapeOf = (s: Section) => headingShape(splitNote(shapeText(s.heading)).text);
    const shape = shapeOf(section);

    // Consecutive headings of one numbered shape (`Step 1`, `Step 2`, `Step 3`) are one repeatable section,
    // and so are consecutive headings that are nothing but a placeholder (`{title of option 1}`, `{title of other option}`).
    let last = i;
    if (shape.numbered || shape.versioned) {
      while (last + 1 < sections.length && shapeOf(sections[last + 1]!).name === shape.name) last++;
    } else if (shape.any) {
      while (last + 1 < sections.length && shapeOf(sections[last + 1]!).any) last++;
    } else {
      // (So is a heading the template writes twice in a row, `### Open topic` and `### Open topic`: a
      // section a pattern may have any number of times.)
      while (last + 1 < sections.length && foldHeading(splitNote(sections[last + 1]!.heading.text).text) === foldHeading(heading)) last++;
    }
    // (A choice of names, `## [Background | References]`, may be written as one or as several of them.)
    const choice = choiceNames(heading);
    // (One numbered item alone, `### Problem 1`, is the first of the author's series as well.)
    const repeatable = last > i || shape.versioned || shape.any || (shape.numbered && shape.placeholder) || shape.item === true || choice.length > 0;
    // Numbered headings the template leaves bare (`#### Story 1`, `#### Story 2`, nothing under them)
    // number items for the author to name: any heading at their place is one (`#### As an operator, …`).
    // (So does a heading that stands for the author's own sections, `## Other sections` over a list of
    // the ones a proposal may add: any heading at its place is one of them, and none is asked for.)
    const itemSlot =
      // (A rule below the last one, `---`, closes the list: no text of theirs.)
      (shape.numbered && last > i && sections.slice(i, last + 1).every((s) => s.children.length === 0 && s.blocks.every((b) => isHiddenComment(b) || b.kind === 'hr'))) ||
      (OWN_SECTIONS.test(foldHeading(heading)) && section.children.length === 0);
    const name = repeatable || shape.placeholder ? shape.name : heading;
    const path = [...parentPath, name];
    const override = overrides.take(name, heading, section.heading.text);
    for (let k = i; k <= last; k++) schemaPaths.set(sections[k]!.path.join('\u0000'), path);
    // `<!-- optional -->` as the section's first block, or a comment that says so right above its heading.
    // (Not one right above the next heading that is that one's marker: `## Background` / `<!-- optional -->` / `## Constraints`.)
    const nextHeading = section.children[0]?.range.start.line ?? section.range.end.line + 1;
    const nextMarker = optionalCommentAbove(doc, nextHeading) ?? Infinity;
    const first = section.blocks[0] !== undefined && section.blocks[0].range.start.line >= nextMarker ? undefined : section.blocks[0];
    const marker = isOptionalMarker(first);
    // …or in the heading's own line (`## Decision Drivers <!-- optional -->`).
    const inlineMarker = /<!--\s*optional\b[^>]*-->/i.test(section.heading.raw);
    const toRemove = section.blocks.some(removedLater) || REMOVE_ME.test(section.heading.text) || REMOVE_HEADING.test(section.heading.text) || removedAlong.has(section);
    const markerOptional =
      marker ||
      inlineMarker ||
      optionalCommentAbove(doc, section.heading.range.start.line) !== undefined ||
      saysOptional(first) ||
      namedOptional(section, heading) ||
      toRemove;
    // (A marker line for the heading after it is that one's, not this section's text.)
    const headingStarts = new Set(doc.headings.map((h) => h.range.start.line));
    // (Nor is the document's footer, after a last `----`: a copyright line, a license.)
    const footer = footerBreak(doc)?.range.start.line ?? Infinity;
    const ownBlocks = (marker ? section.blocks.slice(1) : section.blocks).filter(
      (b) =>
        !(b.kind === 'paragraph' && OPTIONAL_LINE.test(b.text) && headingStarts.has(b.range.end.line + 1)) &&
        b.range.start.line < footer &&
        b.range.start.line < nextMarker,
    );

    // (Sub-sections its own guidance calls examples of the author's — `one L2 section per class; the
    // ones below are examples`, `Create an L2 section here for each API` — illustrate what to write:
    // no section to ask for or to rename to. The author's own sub-headings there are its content.)
    const examplesBelow = EXAMPLES_BELOW.test(ownBlocks.map((b) => guidanceText(b) || blockPlainText(b)).join(' '));
    const built = examplesBelow ? [] : buildSections(doc, section.children, path, overrides, schemaPaths, guide, stages);
    // (Sub-sections its guidance says to delete where they do not apply — "if staging is not needed,
    // explain why here, and delete the alpha/beta/GA headings below": each one may be left out.)
    const deletable = DELETE_BELOW.test(ownBlocks.map((b) => guidanceText(b) || blockPlainText(b)).join(' '));
    const own = deletable ? built.map((c) => ({ ...c, optional: true })) : built;
    // Required from a stage on (`[required_in]: # (Provisional status and above)`): its note and its own lines say so.
    const ownEnd = (section.children[0]?.heading.range.start.line ?? section.range.end.line + 1) - 1;
    const ownLines: string[] = [note ?? ''];
    for (let line = section.heading.range.start.line + 1; line <= Math.min(ownEnd, footer - 1); line++) ownLines.push(doc.lines.lineText(line));
    const requiredFrom = requiredFromStage(ownLines.join('\n'), stages);
    // (Its sub-sections are not asked for before it is: `### Test Plan` not required until targeted at
    // a release leaves its `##### Unit tests` unasked as long.)
    const children = requiredFrom ? deferred(own, requiredFrom) : own;
    // ("Optional for `type: meta` patterns": not asked of the patterns of that kind.)
    const forKind = /\boptional for [`*_]*([\p{L}][\w-]*)\s*:\s*([\w.-]+)[`*_]*/iu.exec(ownLines.join(' '));
    const expects = expectations(doc, section, ownBlocks);
    // A section that only holds optional sub-sections (`## Additional Details` over `### Test Plan
    // [optional]`), no text or comment of its own: recommended, as what it holds may all be left out.
    const guidance = ownBlocks.map(blockPlainText).filter(Boolean).join('\n');
    // (Not where that is MADR's note over a sub-section's first element, `### {title of option 1}` over
    // `<!-- This is an optional element. -->` and its example: it marks the element, and the section
    // that holds the options is no less asked for.)
    const holdsOnlyOptional =
      ownBlocks.length === 0 && children.length > 0 && children.every((c) => c.optional) && !section.children.some((c) => marksNextElement(c.blocks));
    // A sub-heading the template leaves bare — no text, no comment, nothing under it (`### Neutral`
    // beside `### Positive` and `### Negative` under `## Consequences`) — names a kind of content the
    // section may hold: recommended, as an author with nothing of that kind leaves it out.
    const bareKind = parentPath.length > 0 && !itemSlot && !repeatable && section.blocks.length === 0 && section.children.length === 0;
    // A leaf whose only guidance is labelled a tip (`[TIP]: # (Provide a list of any unique terms…)`,
    // where the template's other sections carry `[NOTE]`s): a suggestion, not asked of every pattern.
    // (A rule closing it, `---`, says nothing.)
    const tipOnly = section.children.length === 0 && ownBlocks.every((b) => b.kind === 'hr') && tipsOnly(ownLines.slice(1));
    out.push({
      id: path.map(headingSlug).join('/'),
      name,
      heading,
      level: section.level,
      path,
      // (`Not required until beta` says when it is required, not that it may be left out; `until targeted
      // at a release`, which no stage names, leaves it to the author as before.)
      // (So is a list of work still to do, `## TODO`: done, it goes.)
      optional:
        override.optional ??
        (suffixOptional ||
          /^(?:todos?|to-?dos?)$/i.test(heading.trim()) ||
          (markerOptional && (!requiredFrom || requiredFrom.unplaced === true)) ||
          (itemSlot && !shape.numbered) ||
          (asked !== undefined && !asked.has(foldHeading(heading)))),
      // (So is each section after guidance that lets the author stop there, `skip the rest of this template`.)
      recommended:
        override.recommended ??
        (guide ||
          holdsOnlyOptional ||
          bareKind ||
          saysRecommended(section.blocks[0]) ||
          tipOnly ||
          askedOfSomeKinds(ownBlocks) ||
          askedInSomeCases(ownBlocks) ||
          notStrictlyRequired(ownBlocks, heading) ||
          section.heading.range.start.line > skipFrom),
      ...(toRemove ? { removeWhenDone: true as const } : {}),
      repeatable: repeatable || itemSlot,
      anyHeading: shape.any || itemSlot,
      versioned: shape.versioned,
      aliases: override.aliases ?? [],
      matcher: itemSlot
        ? ANY_HEADING
        : headingMatcher(shape, [...(override.aliases ?? []), ...(choice.length > 0 ? choice : repeatable || shape.placeholder ? [] : slashAlternatives(heading))]),
      children,
      expects,
      ...(note && !suffixOptional && !AUTHOR_NOTE.test(note) && !repeatable && !shape.placeholder ? { note } : {}),
      body: ownBody(doc, section, isOptionalMarker(section.blocks[0])),
      guidance,
      ...(requiredFrom ? { requiredFrom } : {}),
      ...(forKind ? { optionalFor: { key: forKind[1]!, value: forKind[2]!, said: forKind[0].replace(/[`*_]/g, '') } } : {}),
      line: section.heading.range.start.line,
    });
    if (parentPath.length === 0 && section.blocks.length === 0 && section.children.length === 0 && override.recommended === undefined && override.optional === undefined)
      bareTop.add(out.at(-1)!);
    i = last;
  }
  // A section the template leaves a bare heading, `## Other Notes` last, where each of its other
  // sections (three or more) has guidance: nothing is asked under it — a place for whatever else the
  // author has, recommended.
  const guided = out.filter((s) => !bareTop.has(s));
  if (bareTop.size > 0 && guided.length >= 3 && bareTop.size * 4 <= out.length && guided.every((s) => s.body.trim() !== '' || s.children.length > 0))
    return out.map((s) => (bareTop.has(s) && !s.optional ? { ...s, recommended: true } : s));
  return out;
}

/** Sections, and theirs below, required from a stage on where they say nothing of their own. */
function deferred(sections: TemplateSection[], requirement: StageRequirement): TemplateSection[] {
  return sections.map((s) => (s.requiredFrom ? s : { ...s, requiredFrom: requirement, children: deferred(s.children, requirement) }));
}

/** A heading that is a note to the author, no section's name: `NOTE: If …, link it and skip the rest`, `How to use this template`. */
const NOTE_HEADING = /^(?:note|n\.?b\.?|important|tip|hint|reminder|instructions?|attention)\s*[:：!–—-]\s*\S.{15,}|\bthis template\b/iu;

/** Guidance that lets the author stop there: `skip the rest of this template`, `the remaining sections may be skipped`. */
const SKIP_REST =
  /\bskip (?:the )?(?:rest|remainder) of (?:this|the) (?:template|document|page|sections)\b|\b(?:remaining|following) sections (?:are optional|may be (?:skipped|omitted|left out))\b/i;

/**
 * The line after which every section of the template may be left out, where
 * a comment to the author on a line of its own says so (a note once set as a
 * heading, `NOTE: … supply a pointer and skip the rest of this template`; see
 * `instructionHeadings`): each one after it is recommended. Infinity where
 * none does.
 */
function skipRestFrom(doc: MarkdownDocument): number {
  for (let line = 1; line <= doc.lines.lineCount; line++) {
    const comment = /^ {0,3}<!--(.*)-->\s*$/.exec(doc.lines.lineText(line))?.[1];
    if (comment && SKIP_REST.test(comment)) return line;
  }
  return Infinity;
}

/**
 * The first line of an HTML comment that says the section is optional and
 * ends on the lines right above its heading (blank lines between allowed):
 * `<!-- This is an optional element. Feel free to remove. -->`. Such a comment
 * belongs to the section below it, not to the body of the one above.
 */
function optionalCommentAbove(doc: MarkdownDocument, headingLine: number): number | undefined {
  // (A marker line of its own right on top of the heading, in the comment style of a code sample:
  // `// Optional`, `(optional)`.)
  if (headingLine > 1 && OPTIONAL_LINE.test(doc.lines.lineText(headingLine - 1))) return headingLine - 1;
  let line = headingLine - 1;
  while (line >= 1 && doc.lines.lineText(line).trim() === '') line--;
  if (line < 1 || !/-->\s*$/.test(doc.lines.lineText(line))) return undefined;
  let start = line;
  while (start >= 1 && !doc.lines.lineText(start).includes('<!--')) start--;
  if (start < 1) return undefined;
  const text = doc.source.slice(doc.lines.lineStart(start), doc.lines.lineEnd(line));
  if (!/^\s*<!--[\s\S]*\boptional\b[\s\S]*-->\s*$/i.test(text) || text.slice(4).includes('<!--')) return undefined;
  // A comment right under the heading above is that section's guidance (`## Motivation` /
  // `<!-- This section is optional. … -->`), not a marker for the heading after it — unless it names
  // that heading (`<!-- Decision Drivers are optional -->`), or sits on it, no blank line between,
  // without saying "this section" (`## Background` / `<!-- optional -->` / `## Constraints`).
  let before = start - 1;
  while (before >= 1 && doc.lines.lineText(before).trim() === '') before--;
  if (before >= 1 && doc.headings.some((h) => h.range.end.line === before)) {
    const heading = doc.headings.find((h) => h.range.start.line === headingLine);
    if (!heading) return undefined;
    const words = foldHeading(splitNote(heading.text).text);
    const names = words.length > 0 && foldHeading(text.replace(/<!--|-->/g, ' ')).includes(words);
    const onIt = line === headingLine - 1 && !/\bthis (?:section|part|subsection)\b/i.test(text);
    if (!names && !onIt) return undefined;
  }
  return start;
}

/**
 * A heading the template types with the full-width number sign of Chinese and Japanese input
 * (`＃ 动机`, `＃＃ 设计`): no heading in Markdown, but meant as one — the patterns written from it
 * have `# 动机` there. Read as the heading it means (the same lines, so positions stay). Not inside
 * code blocks.
 */
function fullWidthHeadings(text: string): string {
  if (!text.includes('＃')) return text;
  return outsideFences(text, (line) => {
    const m = /^( {0,3})([＃#]{1,6})([ \t\u3000]+\S[^\n]*)$/.exec(line);
    return m && m[2]!.includes('＃') ? `${m[1]}${'#'.repeat(m[2]!.length)}${m[3]!.replace(/^\u3000/, ' ')}` : line;
  });
}

/**
 * A heading the template keeps commented out on a line of its own
 * (`<!--### [Known Uses]-->`), for authors to uncomment where it applies: an
 * optional section at that place, read as `### [Known Uses] <!-- optional -->`
 * (the same lines, so positions stay). Not inside code blocks.
 */
export function commentedHeadings(text: string): string {
  if (!text.includes('<!--')) return text;
  return outsideFences(text, (line) => {
    const heading = /^ {0,3}<!--[ \t]*(#{1,6}[ \t]+[^\n]*?)[ \t]*-->[ \t]*$/.exec(line)?.[1];
    return heading && !heading.includes('<!--') && !heading.includes('-->') ? `${heading} <!-- optional -->` : line;
  });
}

/**
 * Headings that speak to the author (`## When you want to submit a new PIP, please follow the following
 * format!`, `## NOTE: If the web has good docs on it, link them and skip the rest of this template`)
 * are the template's notes, no sections a pattern has nor `--fix` inserts: written as comments, their
 * lines kept (what follows them, a header of fields, is the text above the first section).
 */
function instructionHeadings(text: string): string {
  if (!/please|!|note|n\.?b|important|tip|hint|reminder|instruction|attention|this template/i.test(text)) return text;
  return outsideFences(text, (line) => {
    const heading = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/.exec(line)?.[1];
    if (!heading || heading.split(/\s+/).length < 3) return line;
    const addressed =
      (heading.split(/\s+/).length >= 6 && (/\bplease\b/i.test(heading) || /!$/.test(heading.trim())) && /\b(?:you|your)\b/i.test(heading)) || NOTE_HEADING.test(heading);
    return addressed && !heading.includes('-->') ? `<!-- ${heading} -->` : line;
  });
}

/** Each line of `text` outside fenced code blocks passed through `change`; the lines of code blocks as they are. */
function outsideFences(text: string, change: (line: string) => string): string {
  let fence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (open && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = undefined;
        return line;
      }
      if (open) {
        fence = open;
        return line;
      }
      return change(line);
    })
    .join('\n');
}

/** What an item slot matches: any heading. */
const ANY_HEADING = /^(?:(.+?))$/u;

/** A line that only says "optional", in a comment style of its own or none: `// Optional`, `(optional)`. */
const OPTIONAL_LINE = /^\s*(?:\/\/|--|;|%)?\s*\(?optional\)?\s*:?\s*$/i;

/** `Example Specification` (or `Sample …`, `An example …`) under `Specification`: its parent's content shown by example. */
function illustrates(heading: string, parent: string | undefined): boolean {
  // (So is one that says to remove it, `Example test scenario 1, please remove: HTTPRoute Simple`: the
  // template's example, there to show the shape, not a section to keep.)
  // (A heading that asks to delete its section once done, `Writing tips, delete this section before
  // merging`, is a section of guidance, optional; not an example.)
  if (/\b(?:examples?|samples?)\b/i.test(heading) && /\bplease\s+(?:remove|delete)\b/i.test(heading)) return true;
  const rest = /^(?:an?\s+)?(?:examples?|samples?)\s+(?:of\s+(?:an?\s+|the\s+)?)?(.+)$/i.exec(heading.trim())?.[1];
  return rest !== undefined && parent !== undefined && variantKey(rest) === variantKey(parent);
}

/**
 * Headings listed inside a comment that speaks of optional sections (`<!--
 * OPTIONAL SECTIONS: add any of these … ## References - what it builds on
 * -->`): their names, folded, without the words after a dash or a run of spaces.
 */
function optionalNamesInComments(doc: MarkdownDocument): string[] {
  const names: string[] = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind !== 'html' || !/\boptional\b/i.test(b.html)) continue;
      for (const comment of b.html.matchAll(/<!--([\s\S]*?)-->/g))
        for (const line of comment[1]!.split('\n')) {
          const name = /^\s{0,3}#{1,6}[ \t]+(.+?)(?:\s{2,}.*|\s+[-–—:]\s.*)?\s*$/.exec(line)?.[1];
          if (name && /\p{L}/u.test(name)) names.push(foldHeading(name));
        }
    }
  };
  visit(doc.preamble);
  const walk = (sections: readonly Section[]): void => {
    for (const s of sections) {
      visit(s.blocks);
      walk(s.children);
    }
  };
  walk(doc.sections);
  return names;
}

/** A block of HTML comments only: instructions for the author, never shown to readers. */
export function isHiddenComment(block: Block): boolean {
  return block.kind === 'html' && /^\s*(<!--[\s\S]*?-->\s*)+$/.test(block.html);
}

/**
 * The section's own guidance says it may be left out: its first block (a
 * paragraph, a quote, or a comment for the author) opens with "Optional"
 * (`Optional, but suggested for first drafts.`, `(optional)` on a line of its own), or says "this section is
 * optional" (`This subsection is optional.`, `… is optional for non-Core
 * proposals`) or "omit this section" (`Omit this section if it's not
 * applicable.`, `This section may be omitted if there are none.`, `This is an optional
 * yet encouraged section…`), opens or closes with a condition on its use (`If applicable, how will
 * the component be upgraded?`, `… (where applicable)`), says not every pattern has it (`Not
 * every pattern will have code`), or is required only later (`Not required
 * until targeted at a release.`, as a heading's `(optional until reviewed)`).
 */
/**
 * Whether the section's text says it is optional by its name or by a mark on its heading, in any
 * paragraph: a sentence that names it so (`Examples are optional.`, `A reference implementation is
 * optional.`), or a heading marked with a closing `*` and a note that opens with one and says so
 * (`## Motivation*`, then `*This section is optional if the motivation is evident.`).
 */
function namedOptional(section: Section, heading: string): boolean {
  const starred = /\*\s*$/.test(section.heading.text);
  const name = heading.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!name) return false;
  const named = new RegExp(`^(?:an? |the )?${escapeRegExp(name)} (?:is|are) (?:entirely |completely |always )?optional\\b`);
  return section.blocks.some((b) => {
    if (b.kind !== 'paragraph') return false;
    if (starred && /(?:^|\s)\*(?!\*)[^*\n]*\boptional\b/i.test(b.text)) return true;
    return b.text.split(/(?<=[.!?])\s+/).some((sentence) => named.test(sentence.replace(/^[*_\s]+/, '').toLowerCase()));
  });
}

/**
 * MADR's `<!-- This is an optional element. Feel free to remove. -->` right under a heading, over the
 * section's text (`{example | description}` under `### {title of option 1}`): it marks that element
 * as one to leave out; the section that holds it is not optional for it.
 */
function marksNextElement(blocks: readonly Block[]): boolean {
  const [first, ...rest] = blocks;
  return (
    first?.kind === 'html' &&
    isHiddenComment(first) &&
    /^\s*<!--\s*this is an optional element\b/i.test(first.html) &&
    rest.some((b) => !(b.kind === 'html' && isHiddenComment(b)))
  );
}

const OPTIONAL_ELSEWHERE = new RegExp(String.raw`^[(（]?(?:${OPTIONAL_WORD_ELSEWHERE})(?![\p{L}\p{N}])|[(（](?:${OPTIONAL_WORD_ELSEWHERE})[)）][^\p{L}\p{N}]*$`, 'iu');

function saysOptional(block: Block | undefined): boolean {
  if (!block) return false;
  // (Also guidance kept in a code block without a language, `DELETE THIS BLOCK` over what to write:
  // its lines after such a first one.)
  const text =
    block.kind === 'html' && isHiddenComment(block)
      ? block.html.replace(/<!--|-->/g, ' ')
      : block.kind === 'paragraph' || block.kind === 'blockquote'
        ? block.text
        : block.kind === 'code' && !block.code.lang
          ? block.code.content.replace(/^\s*(?:delete|remove) this (?:block|text|comment)\b.*\n/i, '')
          : // (A placeholder list of one item that says so, `* optional bulleted list`.)
            block.kind === 'list' && block.items.length === 1
            ? block.items[0]!.text
            : '';
  const plain = text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return (
    /^\(?(?:optional|(?:if|where|when) applicable)\b/i.test(plain) ||
    // (Or closing it after a comma: `Describe when not to use it, if applicable.`)
    /,\s*(?:if|where|when) (?:applicable|relevant)\W*$/i.test(plain) ||
    // (The same note closing the guidance: `A code example. (If applicable)`.)
    /\((?:optional|(?:if|where|when) (?:applicable|relevant))\)\W*$/i.test(plain) ||
    // (The word in another language, opening the guidance or closing it, `可选，说明……`, `（可选）`,
    // `Opcional: …`; a word of its own, not the start of a longer one, `可选的值`.)
    OPTIONAL_ELSEWHERE.test(plain) ||
    // (`Not every pattern will have code`, `not all proposals need one`.)
    /\bnot (?:every|all|each)\b[^.()]{0,40}?\b(?:will |would |do |does )?(?:have|has|need|needs|require|requires|include|includes)\b/i.test(plain) ||
    /\bthis (?:sub-?)?section is optional\b|\b(?:omit|delete|remove|skip) this (?:sub-?)?section\b(?!['’]s)|\bnot (?:required|needed) until\b/i.test(plain) ||
    /\bthis (?:sub-?)?section (?:may|can) be (?:omitted|left out|skipped|removed|deleted)\b/i.test(plain) ||
    // (Needed in some cases only: `This section is not required if no breaking changes are expected.`)
    /\b(?:this|the) (?:sub-?)?section is (?:not|only) (?:required|needed|necessary|mandatory) (?:if|when|where|unless|for)\b/i.test(plain) ||
    // (`Leave this section out if the change is self-contained.`)
    /\bleave (?:this (?:sub-?)?section out|out this (?:sub-?)?section)\b/i.test(plain) ||
    // (`This section might not always exist.`, `This section may not be needed.`)
    /\bthis (?:sub-?)?section (?:might|may) not (?:always )?(?:exist|apply|be (?:there|present|needed|necessary|relevant|applicable))\b/i.test(plain) ||
    // (`These sections are optional`; `optional, can be separate or combined`.)
    /\b(?:these|the) (?:sub-?)?sections (?:are|is) optional\b|\boptional,? (?:and )?(?:can|may) be (?:separate|split|combined|merged|joined)\b/i.test(plain) ||
    // (Required for some kinds only: `required for Protocol proposals but optional for other categories`.)
    /\bbut optional\b|\boptional for (?:other|some|non-?)\b/i.test(plain) ||
    // (MADR's `This is an optional element. Feel free to remove.`)
    /^this is an optional\b[^.]{0,60}?\b(?:(?:sub-?)?section|element|part)\b/i.test(plain) ||
    // (Questions to weigh, an appendix for the author: `These points are not part of the proposal`.)
    /\b(?:is|are) not (?:a |an )?part of (?:the|this|your) \w+/i.test(plain) ||
    // (An invitation: `If you would like to add anything else, feel free to do so here.`)
    /^if you(?:['’]d| would)? (?:like|want|wish) to add\b[^.]*\b(?:feel free|welcome|you (?:may|can))\b/i.test(plain) ||
    // (`Feel free to add anything else you may need.`)
    /^feel free to (?:add|include|write|mention) anything (?:else|more)\b/i.test(plain) ||
    // (A question whose answer may be no, the guidance's first: `Are there any links? If yes, list them
    // here.` — not one after the question the section asks of every document, `How does it affect
    // users? Will any behavior change? If so, how…`.)
    // (After the label of a comment written as a link definition, `[comment]: # Will it break code? If so, …`.)
    /^(?:\[[^\]\n]+\]:\s*(?:#|<>)?\s*\(?)?(?:are|is|does|do|did|will|would|can|could|has|have|should|must)\b[^.?!]*\?\s*if (?:yes|so|there (?:are|is) (?:any|some)|any)\b/i.test(
      plain,
    )
  );
}

/**
 * The section's own guidance hedges: most patterns have it, not each one must
 * (`Most (if not all) documents should have a summary.`, `This section is
 * recommended.`, `Ideally, link the discussion.`). A missing one is a
 * warning: the template asks for it, and says a pattern may do without.
 */
/** Lines of a section whose comments (`[TIP]: # (…)`, the label a comment definition gives) are all labelled a tip or hint, at least one. */
function tipsOnly(lines: readonly string[]): boolean {
  const labels = lines.filter((l) => l.trim() !== '' && !/^\s*(?:[-*_]\s*){3,}$/.test(l)).map((l) => /^\s*\[([^\]\n]+)\]:\s*(?:#|<>)\s*\(/.exec(l)?.[1]);
  return labels.length > 0 && labels.every((l) => l !== undefined && /^(?:tip|hint|suggestion)s?$/i.test(l.trim()));
}

function saysRecommended(block: Block | undefined): boolean {
  const plain = guidanceText(block);
  return (
    /^\(?most\b[^.]{0,40}?\bshould\b/i.test(plain) ||
    /\bthis (?:sub-?)?section is (?:strongly )?(?:recommended|encouraged)\b/i.test(plain) ||
    /^\(?(?:recommended|encouraged|ideally)\b/i.test(plain)
  );
}

/**
 * The section's guidance asks for it of some kinds of pattern only: `Most Standards Track proposals
 * will require test cases… Informational proposals typically will not`, `Guidance proposals do not
 * need them`, `All proposals that break compatibility must include a section…`, `mandatory for
 * proposals that change consensus. Other proposals can choose to include…`. A pattern of
 * another kind goes without it: a missing one is a warning.
 */
function askedOfSomeKinds(blocks: readonly Block[]): boolean {
  const plain = blocks
    .map((b) => (b.kind === 'list' ? blockText(b) : guidanceText(b)))
    .join(' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ');
  return (
    /\b(?:typically|usually|generally|often)\s+(?:will\s+)?(?:not|do not|does not|don['’]t|doesn['’]t|won['’]t)\s+(?:require|need|include|have)\b/i.test(plain) ||
    /\b(?:do|does)\s+not\s+(?:need|require)\s+(?:it|them|one|this|these)\b/i.test(plain) ||
    /\bonly\s+(?:\p{L}+\s+){1,3}(?:proposals?|documents?|rfcs?|patterns?|changes?)\s+(?:need|require|must (?:include|have))\b/iu.test(plain) ||
    /\ball\s+[\p{L}-]+\s+that\s+[^.]{1,80}?\bmust\s+(?:include|have|contain|add)\b/iu.test(plain) ||
    // (`Test cases are mandatory for proposals that change consensus. Other proposals can choose to include them.`)
    /\b(?:[Mm]andatory|[Rr]equired|[Cc]ompulsory)\s+(?:only\s+)?for\s+(?:(?!(?:[Aa]ll|[Ee]very|[Aa]ny|[Ee]ach)\b)\p{L}+\s+){0,2}(?:proposals?|documents?|rfcs?|patterns?|changes?|[A-Z]{2,5}s)\s+(?:that|which|affecting|changing|touching)\b/u.test(
      plain,
    ) ||
    /\b[Oo]ther\s+(?:\p{L}+\s+)?(?:proposals?|documents?|rfcs?|patterns?|changes?|[A-Z]{2,5}s)\s+(?:can|may|might)\s+(?:choose\s+to\s+(?:include|add|omit|skip|leave)|(?:include|omit|skip|leave\s+out)\s+(?:it|them|this|these|one|links?)\b)/u.test(
      plain,
    )
  );
}

/**
 * The section's guidance says it is not strictly asked for, though worth having: `Having alternatives is
 * not a strict requirement for a proposal, but having at least one … gives much more weight`. A missing
 * one is a warning.
 */
function notStrictlyRequired(blocks: readonly Block[], name: string): boolean {
  const plain = blocks
    .map((b) => guidanceText(b))
    .join(' ')
    .replace(/\s+/g, ' ');
  // (Said of the section — `this section`, or its name, `Having alternatives` for `## Alternatives` —,
  // not of something it may hold: `A diagram is not strictly necessary`.)
  const named = escapeRegExp(foldHeading(name)).replace(/ /g, '\\s+');
  return new RegExp(
    `(?:\\bthis (?:sub-?)?section|\\b${named})\\b[^.]{0,40}?\\bis not (?:an? (?:strict|hard|firm|absolute) requirement|(?:strictly|absolutely) (?:required|necessary|needed|mandatory))\\b`,
    'i',
  ).test(plain);
}

/**
 * The section's guidance asks for it in some cases only: each of its sentences opens with the case
 * (`If the proposal alters exposed interfaces, which usage patterns were optimised for?`, `For a
 * proposal that changes an interface, it is helpful to include …`). A pattern
 * outside that case goes without it: a missing one is a warning. (Not a case of the content, `If
 * there are none, say so.`, which asks for the section all the same.)
 */
function askedInSomeCases(blocks: readonly Block[]): boolean {
  if (blocks.length === 0 || blocks.some((b) => !guidanceText(b))) return false;
  const sentences = blocks.flatMap((b) => guidanceText(b).split(/(?<=[.!?])\s+(?=\p{Lu})/u)).filter((x) => /\p{L}/u.test(x));
  return (
    sentences.length > 0 &&
    sentences.every((x) => {
      // (Or the kind it is for, `For a proposal that adds new behaviour, it is helpful to include …`.)
      const condition = /^(?:if|when|where|in case|for (?:an?|any|each|every) [\p{L}-]+ (?:that|which|whose))\s+([^,?.]{8,}),/iu.exec(x)?.[1];
      return (
        condition !== undefined &&
        // (A case of the content, `If your change has no user impact, say N/A`, asks for the section all the same.)
        !/\b(?:no|none|not|nothing|neither|n\/a)\b/i.test(condition) &&
        // (Nor is how to write it a case: `When writing this section, …`, `Where appropriate, …`.)
        !/^(?:writing|describing|filling|answering|applicable|relevant|appropriate|needed|necessary|possible|unsure|in doubt)\b/i.test(condition)
      );
    })
  );
}

/**
 * The template says, before its first section, that its outline is a guide
 * and parts that do not fit may go (`This template is only a guide: drop the
 * parts that do not fit your proposal`, `Not all sections are required`):
 * every section it has is then recommended, a missing one a warning.
 */
function outlineIsAGuide(doc: MarkdownDocument, aboutPage = ''): boolean {
  // (Instructions before the first section are often a list: `- Copy the template, or write your own proposal.`)
  // (Or the page's own words above the template proper, `The sections below are recommended.`)
  const text = [...preambleGuidance(doc), aboutPage].join(' ');
  if (
    /\b(?:the|these|all|its|our) sections(?: below| that follow| of (?:this|the) template| in (?:this|the) template)? are (?:only )?(?:recommended|suggested|suggestions|optional)\b/i.test(
      text,
    )
  )
    return true;
  // (Said of the whole outline in any section's text, the sections in the plural: `The current file is
  // a template. Copy it, update it to your needs. Feel free to add or remove sections.`)
  const walk = (sections: readonly Section[]): string[] => sections.flatMap((x) => [...x.blocks.map(guidanceText), ...walk(x.children)]);
  const anywhere = walk(doc.sections).join(' ');
  if (/\bfeel free to (?:add(?:,| and| or) )?(?:remove|omit|drop|skip|delete|leave out)\b[^.]*\b(?:sections|headings|parts)\b/i.test(anywhere)) return true;
  // (Or `Add or remove sections as required.`, anywhere.)
  if (ADD_OR_REMOVE_AS_NEEDED.test(`${text} ${anywhere}`)) return true;
  // (Or that a section which does not apply goes: `When a section does not apply to your proposal,
  // delete it`, `If a section is not applicable, remove it`.)
  if (DROP_WHAT_DOES_NOT_APPLY.test(`${text} ${anywhere}`)) return true;
  return (
    /\bor (?:write|use) (?:your|an?) own (?:open-ended |free-?form |custom )?(?:proposal|rfc|document|design|format|structure|outline)\b/i.test(text) ||
    /\b(?:simply|only|just|merely|meant as) a (?:guide|guideline|starting point|suggestion)\b/i.test(text) ||
    // (`This is purposefully freeform: we want enough information to evaluate the design.`)
    FREEFORM.test(text) ||
    // (`Below is a suggested outline …, it will not fit all ideas.`)
    /\b(?:a|this) (?:suggested|recommended|proposed|sample) (?:outline|template|structure|format)\b[^.]*\b(?:will|may|might|does) not (?:fit|suit|apply to) (?:all|every)\b/i.test(
      text,
    ) ||
    /\bno expectation that\b[^.]*\b(?:stick|follow|adhere|keep)\b/i.test(text) ||
    /\b(?:do not|don['’]t) have to (?:stick|follow|adhere|keep) (?:to )?(?:this|the) (?:template|outline|structure)\b/i.test(text) ||
    /\bfeel free to (?:add(?:,| and| or) )?(?:remove|omit|drop|skip|delete|leave out)\b[^.]*\b(?:sections?|portions?|parts?|headings?)\b/i.test(text) ||
    /\bnot (?:all|every|each) (?:of the |of these )?(?:sections?|headings?|parts?) (?:is|are) (?:required|mandatory|needed)\b/i.test(text) ||
    /\b(?:sections?|headings?|parts?) that (?:do not|don['’]t) (?:apply|fit)\b[^.]*\b(?:removed|omitted|dropped|deleted|skipped|left out)\b/i.test(text)
  );
}

/**
 * The only sections the template asks for, where it says so of its whole
 * outline before the first section: `Every section below except "Abstract"
 * and "Motivation" may be treated as optional`, `All sections are optional
 * except the Summary`, `Only the Summary and Design sections are required`.
 * Every other top-level section is then optional. Their names, folded.
 */
function onlyAsked(doc: MarkdownDocument): Set<string> | undefined {
  const text = preambleGuidance(doc)
    .join(' ')
    .replace(/[“”"'‘’]/g, '');
  const list =
    /\b(?:every|each|all|most)(?: other)? (?:sections?|headings?|parts?)(?: below| here| in this (?:template|document))?,? (?:except(?: for)?|but|other than|apart from|save(?: for)?) ([^.;:]+?),? (?:may|can|could|might|is|are|should)\b[^.]*?\boptional\b/i.exec(
      text,
    )?.[1] ??
    /\b(?:every|each|all)(?: other)? (?:sections?|headings?|parts?)\b[^.]{0,30}? (?:is|are) optional,? (?:except(?: for)?|but|other than|apart from|save(?: for)?) ([^.;:]+)/i.exec(
      text,
    )?.[1] ??
    /\bonly (?:the )?([^.;:]+?) (?:sections? |headings? |parts? )?(?:is|are) (?:required|mandatory)\b/i.exec(text)?.[1];
  if (!list) return undefined;
  const names = list
    .split(/\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+/i)
    .map((n) => n.replace(/^(?:the|a|an)\s+|\s+(?:sections?|headings?|parts?)$/gi, '').trim())
    .filter(Boolean);
  // (Only section names: a few words each, every one of them a section of the template.)
  const all = new Set(doc.headings.map((h) => foldHeading(splitNote(h.text).text)));
  const folded = names.map((n) => foldHeading(n));
  return folded.length > 0 && folded.every((n) => all.has(n)) ? new Set(folded) : undefined;
}

/**
 * Whether the template invites sections of the author's own, in its guidance anywhere: `Please feel free
 * to add or remove sections.`, `Add sections as needed.`, `You may add other sections.`
 */
function welcomesOwnSections(doc: MarkdownDocument): boolean {
  const walk = (sections: readonly Section[]): string[] => sections.flatMap((x) => [...x.blocks.map(guidanceText), ...walk(x.children)]);
  const text = [...preambleGuidance(doc), ...walk(doc.sections)].join(' ');
  return (
    /\bfeel free to add\b[^.]{0,40}\b(?:sections|headings|sub-?sections)\b/i.test(text) ||
    /\b(?:you )?(?:may|can) (?:also )?add (?:any |more |other |extra |new |your own |additional )+(?:sections|headings|sub-?sections)\b/i.test(text) ||
    ADD_OR_REMOVE_AS_NEEDED.test(text) ||
    // (A template that says it is freeform on purpose: the author's sections are the design's.)
    FREEFORM.test(text) ||
    /\badd (?:more |other |extra |new |additional )?(?:sections|headings|sub-?sections) (?:as|if|where|when) (?:needed|necessary|required|useful|appropriate|you (?:need|see fit))\b/i.test(
      text,
    )
  );
}

/** Guidance that calls a section's sub-sections examples of the author's own (see `buildSections`). */
const EXAMPLES_BELOW =
  /\b(?:(?:the )?(?:ones|sections|headings|sub-?sections) below are (?:only |just )?(?:examples?|samples?)|example layout|(?:one|an?) (?:L\d |level[- ]\d )?(?:sub-?)?(?:section|header|heading) (?:here )?per \w+|create an? (?:L\d |level[- ]\d )?(?:sub-?)?(?:section|header|heading) (?:here )?for each)\b/i;

/** A template that says its outline is freeform on purpose (see `outlineIsAGuide`, `welcomesOwnSections`). */
const FREEFORM = /\b(?:purposefully|deliberately|intentionally|purposely|meant to be) free-?form\b/i;

/** `Add or remove sections as required`, `Remove or add headings as needed`: the outline a guide, the author's own sections welcome. */
const ADD_OR_REMOVE_AS_NEEDED =
  /\b(?:add(?:,| and| or| and\/or) (?:remove|delete|drop)|(?:remove|delete|drop)(?:,| and| or| and\/or) add)\b[^.]{0,20}\b(?:sections|headings|parts)\b[^.]{0,20}\b(?:as|if|where|when) (?:required|needed|necessary|appropriate|relevant|you see fit)\b/i;

/** A sentence that lets the author delete a section that does not apply (see `outlineIsAGuide`). */
const DROP_WHAT_DOES_NOT_APPLY =
  /\b(?:if|when|where)\b[^.]{0,40}\b(?:a|any|the|this) (?:sections?|parts?|headings?)\b[^.]{0,30}\b(?:(?:does|do)\s*(?:not|n['’]t)\s+apply|(?:is|are)\s+not\s+(?:applicable|relevant)|(?:is|are)n['’]t\s+(?:applicable|relevant)|irrelevant)\b[^.]{0,40}\b(?:delete|remove|omit|drop|skip|leave)\b/i;

/** Guidance that tells the author to delete the sub-sections below where they do not apply. */
const DELETE_BELOW =
  /\b(?:delete|remove|drop|omit)\s+(?:(?:the|these|those|any|all)\s+)?(?:[^\s.,;]+\s+)?(?:sub-?)?(?:headings|sections)\s+(?:below|beneath|under (?:it|this one)|that follow)\b/i;

/** The template's guidance before its first section, a block at a time (a list's items, a paragraph, a quote, a comment). */
function preambleGuidance(doc: MarkdownDocument): string[] {
  return doc.preamble.map((block) => (block.kind === 'list' ? blockText(block) : guidanceText(block)));
}

/** A block's guidance as one line of plain text: a paragraph, a quote, or a comment for the author. */
function guidanceText(block: Block | undefined): string {
  if (!block) return '';
  const text =
    block.kind === 'html' && isHiddenComment(block) ? block.html.replace(/<!-+|-+>/g, ' ') : block.kind === 'paragraph' || block.kind === 'blockquote' ? block.text : '';
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The section's text says it goes before a later stage (`This section must be
 * deleted before the proposal is approved`): a section of drafts, which a
 * finished pattern no longer has.
 */
function removedLater(block: Block): boolean {
  const text = block.kind === 'html' ? block.html.replace(/<!--|-->/g, ' ') : block.kind === 'paragraph' || block.kind === 'blockquote' ? block.text : '';
  const plain = text.replace(/[*_`{}[\]]/g, '').replace(/\s+/g, ' ');
  return (
    /\bthis (?:sub-?)?section(?: \(?(?:and|with|including) (?:its|all) (?:sub-?sections|children)\)?)? (?:must|should|shall|will|is to) be (?:deleted|removed)\b/i.test(
      plain,
    ) || REMOVE_ME.test(plain)
  );
}

/** A heading that tells the author to delete the section it heads: `(Info, remove this section)`, `Delete me`. */
const REMOVE_HEADING = /\b(?:remove|delete) (?:this(?: (?:sub-?)?section| part)?|me)\b/i;

/**
 * Sections the template tells the author to delete together with one that says so: `### (Info,
 * remove this section)`, whose text says "this section and its subsections must be removed", and the
 * headings of its level after it (`### Labels`) up to the first of a higher level.
 */
function removedWithSiblings(sections: readonly Section[]): Set<Section> {
  const out = new Set<Section>();
  sections.forEach((section, i) => {
    const said = section.blocks.map((b) => (b.kind === 'html' ? b.html : b.kind === 'paragraph' || b.kind === 'blockquote' ? b.text : '')).join(' ');
    if (!/\b(?:and|with|including) (?:its|all) (?:sub-?sections|children)\b/i.test(said) || !section.blocks.some(removedLater)) return;
    for (const next of sections.slice(i + 1)) {
      if (next.level < section.level) break;
      out.add(next);
    }
  });
  return out;
}

function isOptionalMarker(block: Block | undefined): boolean {
  return block?.kind === 'html' && /^<!--\s*optional\s*-->\s*$/i.test(block.html.trim());
}

function expectations(doc: MarkdownDocument, section: Section, blocks: Block[]): SectionExpectations {
  // A body of HTML comments only is guidance for the author, hidden from readers: it asks for no content.
  const expects: SectionExpectations = { tables: [], taskList: false, lists: [], images: [], codeBlocks: [], content: blocks.some((b) => !isHiddenComment(b)) };
  const visit = (block: Block): void => {
    switch (block.kind) {
      case 'table':
        expects.tables.push({ columns: block.table.header });
        break;
      case 'list':
        expects.lists.push({ ordered: block.ordered, items: block.items.length });
        if (block.items.some((item) => item.task)) expects.taskList = true;
        block.items.forEach((item) => item.blocks.forEach(visit));
        break;
      case 'code':
        expects.codeBlocks.push({ lang: block.code.lang });
        break;
      case 'blockquote':
        block.blocks.forEach(visit);
        break;
      default:
        break;
    }
  };
  blocks.forEach(visit);
  const ownEnd = section.children[0]?.range.start.line ?? section.range.end.line + 1;
  for (const image of doc.images) {
    const line = image.range.start.line;
    if (line > section.range.start.line && line < ownEnd) {
      const folder = path.posix.dirname(image.src.replace(/\\/g, '/'));
      expects.images.push({ src: image.src, alt: image.alt, folder: folder === '.' ? '' : folder });
    }
  }
  return expects;
}

/** The section's own Markdown between its heading and its first sub-section, trimmed. */
function ownBody(doc: MarkdownDocument, section: Section, skipMarker: boolean): string {
  const from = section.heading.range.end.line + 1;
  const nextHeading = section.children[0]?.range.start.line ?? section.range.end.line + 1;
  // An "optional" comment right above the next heading is that section's marker, not this one's text.
  const to = Math.min((optionalCommentAbove(doc, nextHeading) ?? nextHeading) - 1, (footerBreak(doc)?.range.start.line ?? Infinity) - 1);
  if (to < from) return '';
  const text = doc.source.slice(doc.lines.lineStart(from), doc.lines.lineEnd(to)).replace(/\r\n?/g, '\n');
  const body = skipMarker ? text.replace(/^\s*<!--\s*optional\s*-->\s*\n?/i, '') : text;
  return body.trim();
}

/** A note after a heading that speaks to the author (when to write the section, what goes in it), not part of the name a pattern writes. */
const AUTHOR_NOTE =
  /\b(?:if|when|where|unless|only|applicable|relevant|required|recommended|optional|needed|tbd|todo|e\.g|i\.e|see|fill|describe|explain|list|delete|remove)\b|[?:<>[\]{}]/i;

function blockPlainText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'blockquote':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item.text}`).join('\n');
    case 'table':
      return block.table.header.join(' | ');
    case 'code':
      return block.code.content.trimEnd();
    default:
      return '';
  }
}

/** Configuration overrides for sections; a key that names no template section is a configuration error. */
class SectionOverrides {
  private readonly entries: { key: string; folded: string; value: SectionSetting; used: boolean }[];

  constructor(
    config: Record<string, SectionSetting>,
    private readonly file: string,
  ) {
    this.entries = Object.entries(config).map(([key, value]) => ({ key, folded: foldHeading(key), value, used: false }));
  }

  /** The overrides for a section, keyed by its name, its heading, or its heading as written with its note. */
  take(name: string, heading: string, written: string): SectionSetting {
    const keys = new Set([foldHeading(name), foldHeading(heading), foldHeading(written)]);
    const entry = this.entries.find((e) => keys.has(e.folded));
    if (!entry) return {};
    entry.used = true;
    return entry.value;
  }

  assertAllUsed(): void {
    const unused = this.entries.filter((e) => !e.used).map((e) => `"${e.key}"`);
    if (unused.length > 0) {
      throw new PatternbookError(
        `Configuration \`sections\` names ${unused.join(', ')}, which template ${this.file} does not have. Use a section name from the template.`,
      );
    }
  }
}
