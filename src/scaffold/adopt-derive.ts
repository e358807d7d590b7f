import { stringify } from 'yaml';
import { frontMatterValue } from '../markdown/front-matter.js';
import { leadBlock, parseMarkdown } from '../markdown/document.js';
import { bareValue, DOCUMENT_PARTS, fieldsQuote, saidAside } from '../template/document-parts.js';
import type { Block, MarkdownDocument, Section } from '../markdown/types.js';
import { splitNote, variantKey } from '../template/heading-variants.js';
import { foldHeading, foldText } from '../template/normalize.js';
import { SUMMARY_KEYS } from '../template/load-template.js';
import { GENERATED_TITLE } from '../catalog/title-line.js';

/**
 * A template derived from a catalog that has none: the sections most of its
 * patterns have, in their usual order, optional where a good share lack them,
 * and its title and summary where most patterns keep theirs.
 */

/** The title placeholder of a derived template (also in headings that hold the pattern's name). */
export const TITLE_PLACEHOLDER = '[Pattern Title]';
const SUMMARY_PLACEHOLDER = '[Summary of the pattern]';

/** A section is in the template when at least this share of the patterns (or of its parent's) have it… */
const INCLUDE_SHARE = 0.5;
/** When no section reaches that share, the sections at least this share have (optional all). */
const FALLBACK_SHARE = 0.25;
/** …and required when at least this share have it (fewer: optional). */
const REQUIRED_SHARE = 0.8;
/** A table of contents (`Contents`, `TOC`, `Index`, `Navigation`) is the page's navigation, never a section to ask for: optional at most. */
const NAVIGATION = /^(?:(?:table of )?contents|toc|index|navigation|on this page|in this (?:document|page|article))$/;
/** A section that this share of patterns leave empty asks for no content (its text is a comment). */
const EMPTY_SHARE = 0.1;
/** A heading that stands deeper (under another section) in more than this share of the patterns that have it is no section of this level. */
const DEEPER_SHARE = 0.2;
/** Two sections are in no fixed order when at least this share of the patterns with both (and this many) put them the other way round. */
const CONTESTED_SHARE = 0.2;
const CONTESTED_MIN = 3;
/** Levels of sub-sections derived under a section. */
const MAX_DEPTH = 3;

/** Names of a section that holds the title on its first line, and of one that is the summary (folded, as the template loader reads them). */
export const TITLE_SECTION_NAMES = new Set(['title', 'name', 'pattern name', 'pattern title']);
export const SUMMARY_SECTION_NAMES = new Set(['summary', 'patlet', 'abstract', 'synopsis', 'tl dr', 'tldr', 'executive summary', 'in brief', 'at a glance']);

export interface DerivedSection {
  heading: string;
  level: number;
  /** Patterns (or parent sections) that have it, of how many. */
  count: number;
  of: number;
  optional: boolean;
  /** Holds the pattern's name, written with the title placeholder. */
  withTitle: boolean;
  /** Patterns that leave it empty. */
  empty: number;
  /** Most patterns that have it write it more than once (a log's `### Open topics` per meeting): written twice in the template, a section to have any number of times. */
  repeatable: boolean;
  children: DerivedSection[];
}

export type TitlePlace = 'heading' | 'front-matter' | 'section' | 'none';
export type SummaryPlace = { from: 'blockquote' } | { from: 'front-matter'; key: string } | { from: 'section'; name: string } | { from: 'none' };

export interface DerivedTemplate {
  text: string;
  /** Patterns it was derived from. */
  of: number;
  /** `level`: the title heading's (2 where the documents write it over `###` sections). */
  title: { from: TitlePlace; count: number; level: number };
  summary: SummaryPlace & { count: number };
  sections: DerivedSection[];
  /** Front matter keys most patterns have (beyond title and summary). */
  frontMatterKeys: string[];
  /** Pairs of sections the patterns put in either order (no order is the catalog's). */
  contested: ContestedOrder[];
}

/** Two sections of the derived template that a good share of the patterns having both put the other way round. */
export interface ContestedOrder {
  first: string;
  second: string;
  /** Patterns with both that put `second` first, of how many have both. */
  reversed: number;
  of: number;
}

/** Where a parsed file keeps its title, and its text. */
export function titleOf(doc: MarkdownDocument): { heading?: string; frontMatter?: string; section?: string } {
  const fm = doc.frontMatter ? frontMatterValue(doc.frontMatter.data, 'title') : undefined;
  const section = doc.sections.find((s) => TITLE_SECTION_NAMES.has(foldText(splitNote(s.title).text)));
  const first = section?.blocks.find((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')?.text;
  return {
    // (Not an H1 the site's generator fills in with the front matter's title, `# {{ page.title }}`.)
    ...(doc.title && !(GENERATED_TITLE.test(doc.title.text) && typeof fm === 'string' && fm.trim()) ? { heading: doc.title.text } : {}),
    ...(typeof fm === 'string' && fm.trim() ? { frontMatter: fm } : {}),
    ...(first ? { section: first } : {}),
  };
}

/**
 * A document whose first H1 names a part of a document (`# Summary`, never a document's name) with
 * more H1s after it writes its sections at the top level, its title elsewhere (front matter
 * `Name:`): read so, its H1s all sections. (Read with that H1 as the title, the derived template
 * would ask for its sections a level down, and `--fix` would move them under `# Summary`.)
 */
function partsAtTop(doc: MarkdownDocument): MarkdownDocument {
  if (!doc.title || !DOCUMENT_PARTS.has(foldHeading(doc.title.text)) || doc.headings.filter((h) => h.level === 1).length < 2) return doc;
  const parsed = parseMarkdown(doc.source, { sectionHeading: () => true });
  return parsed.ok ? parsed.document : doc;
}

/**
 * A document with no H1 whose first heading, an H2, is over all the others (`Artifact: *User
 * Stories*` underlined with `---`, then `### Motivation`, `### Usage`…): that H2 is its title, and
 * its `###` sections the document's — read so. (Read as one section named for each document, the
 * derived template would share none.)
 */
function titledAtTwo(doc: MarkdownDocument): MarkdownDocument {
  const [first, ...rest] = doc.headings;
  if (doc.title || !first || first.level !== 2 || rest.length < 2 || !rest.every((h) => h.level >= 3)) return doc;
  const parsed = parseMarkdown(doc.source, { titleLevel: 2 });
  return parsed.ok && parsed.document.title ? parsed.document : doc;
}

/** Where a parsed file keeps its summary. */
export function summaryPlaces(doc: MarkdownDocument): { blockquote: boolean; keys: string[]; section?: string } {
  const lead = leadBlock(doc);
  const data = doc.frontMatter?.data ?? {};
  const section = doc.sections.find((s) => SUMMARY_SECTION_NAMES.has(foldText(unnumbered(splitNote(s.title).text))));
  return {
    // (Not a notice set above the text, `> **Note:** this predates the new process`: no summary.)
    // (Nor the document's fields set as a quote, `> Version: 0.3` / `> Status: Draft`.)
    blockquote: lead?.kind === 'blockquote' && Boolean(lead.text.trim()) && !saidAside(lead.text) && !bareValue(lead.text) && !fieldsQuote(lead),
    keys: SUMMARY_KEYS.filter((k) => typeof data[k] === 'string' && (data[k] as string).trim() !== ''),
    ...(section ? { section: unnumbered(splitNote(section.title).text) } : {}),
  };
}

/**
 * Derives a template from the patterns' parsed files; `slugs` (one per file, when known) are
 * more names a pattern's headings may hold (`template-method` in `## Intent of Template method
 * Design Pattern` under the title "Template Method Pattern in Java: …").
 */
export function deriveTemplate(read: readonly MarkdownDocument[], slugs: readonly (string | undefined)[] = []): DerivedTemplate {
  const docs = read.map(partsAtTop).map(titledAtTwo);
  const n = docs.length;
  const most = (count: number) => n > 0 && count * 2 >= n;

  const titles = docs.map(titleOf);
  const titleCounts = {
    heading: titles.filter((t) => t.heading).length,
    'front-matter': titles.filter((t) => t.frontMatter).length,
    section: titles.filter((t) => t.section).length,
  };
  // (As many with a front matter `title` as with an H1, the two mostly other words — `title: Kong` over
  // `# About the Kong pattern`, as a static site's pages keep them —: the front matter's is the name
  // the site publishes, the H1 a heading of the text.)
  const both = titles.filter((t) => t.heading && t.frontMatter);
  const differ = both.filter((t) => foldText(t.heading!) !== foldText(t.frontMatter!)).length;
  const titleOrder = both.length > 0 && differ * 2 > both.length ? (['front-matter', 'heading', 'section'] as const) : (['heading', 'front-matter', 'section'] as const);
  const titleFrom: TitlePlace = titleOrder.filter((k) => most(titleCounts[k])).sort((a, b) => titleCounts[b] - titleCounts[a])[0] ?? 'none';

  const places = docs.map(summaryPlaces);
  const blockquotes = places.filter((p) => p.blockquote).length;
  const keyCounts = SUMMARY_KEYS.map((key) => ({ key, count: places.filter((p) => p.keys.includes(key)).length })).sort((a, b) => b.count - a.count);
  const sectionNames = new Map<string, number>();
  for (const p of places) if (p.section) sectionNames.set(p.section, (sectionNames.get(p.section) ?? 0) + 1);
  const topSection = [...sectionNames.entries()].sort((a, b) => b[1] - a[1])[0];
  const summaryCandidates: (SummaryPlace & { count: number })[] = [
    { from: 'blockquote', count: blockquotes },
    { from: 'front-matter', key: keyCounts[0]!.key, count: keyCounts[0]!.count },
    ...(topSection ? [{ from: 'section' as const, name: topSection[0], count: topSection[1] }] : []),
  ];
  const summary = summaryCandidates.filter((c) => most(c.count)).sort((a, b) => b.count - a.count)[0] ?? { from: 'none' as const, count: 0 };

  // The name of each pattern as its headings may hold it (`Patterns related to Circuit Breaker`).
  const holders = docs.map((doc, i) => ({ sections: doc.sections, names: namesOf(titles[i]!.heading ?? titles[i]!.frontMatter ?? titles[i]!.section, slugs[i]) }));
  const contested: ContestedOrder[] = [];
  let sections = deriveLevel(holders, 0, titleFrom === 'heading' ? 1 : 0, INCLUDE_SHARE, contested);
  // Patterns written from several templates share few sections: those a good share have, all optional.
  if (sections.length === 0) sections = deriveLevel(holders, 0, titleFrom === 'heading' ? 1 : 0, FALLBACK_SHARE, contested);

  const frontMatterKeys = commonFrontMatterKeys(docs, most, titleFrom, summary);
  // Most patterns open with text of their own under the title, before their first section: the
  // template has a paragraph there too (else that text would read as a missing first section's).
  const titleLevel = titleLevelOf(docs);
  const leads = docs.filter((doc) => doc.preamble.some((b) => b.kind === 'paragraph' && b.range.start.line > (doc.title?.range.end.line ?? 0))).length;
  return {
    text: renderTemplate(titleFrom, summary, sections, frontMatterKeys, docs, most(leads) && summary.from !== 'blockquote', titleLevel),
    of: n,
    title: { from: titleFrom, count: titleFrom === 'none' ? 0 : titleCounts[titleFrom], level: titleLevel },
    summary,
    sections,
    frontMatterKeys,
    contested,
  };
}

interface Holder {
  sections: readonly Section[];
  /** The pattern's names as its headings may hold them (see `namesOf`), longest first. */
  names: readonly string[];
}

interface Tally {
  key: string;
  count: number;
  spellings: Map<string, number>;
  levels: Map<number, number>;
  empty: number;
  withTitle: number;
  /** Patterns that write it more than once at this level. */
  repeated: number;
  children: Holder[];
  /** Index of the holder → position among its sections. */
  positions: Map<number, number>;
}

function deriveLevel(holders: readonly Holder[], depth: number, minLevel: number, share: number, contested: ContestedOrder[]): DerivedSection[] {
  const n = holders.length;
  const tallies = new Map<string, Tally>();
  // Where a heading also stands deeper in other patterns (`### Decision` under another section),
  // the outline matcher would call those misplaced: only headings patterns keep at this level count.
  const deeper = new Map<string, number>();
  holders.forEach((holder) => {
    const here = new Set(holder.sections.map((s) => variantKey(nameless(unnumbered(withoutSubtitle(splitNote(s.heading.text).text)), holder.names).text)));
    const below = new Set<string>();
    const visit = (s: Section): void => {
      for (const c of s.children) {
        below.add(variantKey(nameless(unnumbered(withoutSubtitle(splitNote(c.heading.text).text)), holder.names).text));
        visit(c);
      }
    };
    holder.sections.forEach(visit);
    for (const key of below) if (!here.has(key)) deeper.set(key, (deeper.get(key) ?? 0) + 1);
  });
  holders.forEach((holder, h) => {
    const seen = new Set<string>();
    const again = new Set<string>();
    holder.sections.forEach((section, position) => {
      const { text, withTitle } = nameless(unnumbered(withoutSubtitle(splitNote(section.heading.text).text)), holder.names);
      // (An entry of a log, `### Version 0.3`, `### 2024-05-01`: no section to ask of every pattern.)
      if (LOG_ENTRY.test(text.trim())) return;
      const key = variantKey(text) || foldHeading(text);
      if (key && seen.has(key) && !again.has(key)) {
        again.add(key);
        tallies.get(key)!.repeated++;
      }
      if (!key || seen.has(key)) return;
      seen.add(key);
      let tally = tallies.get(key);
      if (!tally)
        tallies.set(key, (tally = { key, count: 0, spellings: new Map(), levels: new Map(), empty: 0, withTitle: 0, repeated: 0, children: [], positions: new Map() }));
      tally.count++;
      tally.spellings.set(text, (tally.spellings.get(text) ?? 0) + 1);
      tally.levels.set(section.level, (tally.levels.get(section.level) ?? 0) + 1);
      if (section.children.length === 0 && !section.blocks.some(visible)) tally.empty++;
      if (withTitle) tally.withTitle++;
      tally.children.push({ sections: section.children, names: holder.names });
      tally.positions.set(h, position);
    });
  });
  const needed = n < 2 ? 1 : Math.max(2, Math.ceil(n * share));
  const kept = [...tallies.values()].filter((t) => t.count >= needed && (deeper.get(t.key) ?? 0) <= (t.count + (deeper.get(t.key) ?? 0)) * DEEPER_SHARE);
  // The usual order: a section goes before another when more patterns put it there (ties: where it first appears).
  const wins = (a: Tally, b: Tally) => {
    let score = 0;
    for (const [h, pa] of a.positions) {
      const pb = b.positions.get(h);
      if (pb !== undefined) score += pa < pb ? 1 : -1;
    }
    return score;
  };
  const copeland = new Map(kept.map((t) => [t, kept.reduce((s, o) => (o === t ? s : s + Math.sign(wins(t, o))), 0)]));
  const firstSeen = (t: Tally) => Math.min(...t.positions.values());
  kept.sort((a, b) => copeland.get(b)! - copeland.get(a)! || firstSeen(a) - firstSeen(b) || (a.key < b.key ? -1 : 1));
  const spelled = (t: Tally) => [...t.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  kept.forEach((a, i) => {
    for (const b of kept.slice(i + 1)) {
      let both = 0;
      let reversed = 0;
      for (const [h, pa] of a.positions) {
        const pb = b.positions.get(h);
        if (pb === undefined) continue;
        both++;
        if (pb < pa) reversed++;
      }
      if (both >= CONTESTED_MIN && reversed >= both * CONTESTED_SHARE) contested.push({ first: spelled(a), second: spelled(b), reversed, of: both });
    }
  });

  return kept.map((t) => {
    const heading = spelled(t);
    const level = Math.max(minLevel + 1, [...t.levels.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
    const optional = t.count < n * REQUIRED_SHARE || NAVIGATION.test(foldText(heading));
    return {
      heading,
      level,
      count: t.count,
      of: n,
      optional,
      withTitle: t.withTitle * 2 > t.count,
      empty: t.empty,
      repeatable: t.repeated >= 2 && t.repeated * 2 >= t.count,
      children: depth + 1 < MAX_DEPTH ? deriveLevel(t.children, depth + 1, level, INCLUDE_SHARE, contested) : [],
    };
  });
}

/**
 * A heading without the number its pattern puts before it (`2. Motivation`, `IV) Decision`): the
 * section's name, whatever its place in each pattern (`3. Motivation` where a pattern has an
 * Abstract before it) — as the outline matcher reads a template heading's number (no part of it).
 */
function unnumbered(heading: string): string {
  return heading.replace(/^\s*\(?(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,5})[.)]\s+(?=\S)/, '');
}

/** A heading that is an entry of a change log: a version (`Version 0.3`, `v1.2.0`, `[1.0.0] - 2024-01-15`) or a date. */
const LOG_ENTRY = /^\[?(?:(?:version|release|v)\s*)?\d+(?:\.\d+)+\b|^\[?\d{4}-\d{1,2}(?:-\d{1,2})?\b/i;

/** Names shorter than this are not looked for in headings (`API` would be found in too many). */
const MIN_NAME = 4;

/**
 * The names a pattern's headings may give it: its title, the title's head before a colon or a
 * dash ("Adapter Pattern in Java: Seamless Integration…" → "Adapter Pattern in Java"), and the
 * words of its slug (`template-method` → "template method"); longest first.
 */
export function namesOf(title: string | undefined, slug: string | undefined): string[] {
  const names = new Set<string>();
  const add = (name: string | undefined) => {
    const trimmed = name?.trim();
    if (trimmed && trimmed.length >= MIN_NAME) names.add(trimmed);
  };
  add(title);
  if (title) add(title.split(/:\s|\s[-–—]\s/)[0]);
  if (slug) add(slug.replace(/^\d+[-_]/, '').replace(/[-_]+/g, ' '));
  return [...names].sort((a, b) => b.length - a.length);
}

/** The heading with the pattern's own name replaced by the title placeholder (`Patterns related to [Pattern Title]`). */
function nameless(heading: string, names: readonly string[]): { text: string; withTitle: boolean } {
  const trimmed = heading.trim();
  const lower = trimmed.toLowerCase();
  for (const name of names) {
    const at = lower.indexOf(name.toLowerCase());
    if (at < 0) continue;
    // A heading that is only the name is the title written again, not a section about it.
    if (foldText(trimmed) === foldText(name)) return { text: trimmed, withTitle: false };
    // The name as words of the heading, not inside one (`State` in `Statement`).
    const before = trimmed[at - 1];
    const after = trimmed[at + name.length];
    if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
    return { text: `${trimmed.slice(0, at)}${TITLE_PLACEHOLDER}${trimmed.slice(at + name.length)}`, withTitle: true };
  }
  return { text: trimmed, withTitle: false };
}

function visible(block: Block): boolean {
  return !(block.kind === 'html' && /^\s*(<!--[\s\S]*?-->\s*)+$/.test(block.html));
}

function commonFrontMatterKeys(docs: readonly MarkdownDocument[], most: (count: number) => boolean, title: TitlePlace, summary: SummaryPlace): string[] {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const key of Object.keys(doc.frontMatter?.data ?? {})) counts.set(key, (counts.get(key) ?? 0) + 1);
  const own = new Set([...(title === 'front-matter' ? ['title'] : []), ...(summary.from === 'front-matter' ? [summary.key] : []), 'template']);
  return [...counts.entries()]
    .filter(([key, count]) => most(count) && !own.has(key))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key]) => key);
}

/** A value of the shape most patterns give the key, empty: `[]` for lists, `""` otherwise. */
function emptyValue(key: string, docs: readonly MarkdownDocument[]): unknown {
  let lists = 0;
  let others = 0;
  for (const doc of docs) {
    const value = doc.frontMatter?.data[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) lists++;
    else others++;
  }
  return lists > others ? [] : '';
}

/** The level most of the documents write their title heading at (1, or 2 for titles over `###` sections: see `titledAtTwo`). */
function titleLevelOf(docs: readonly MarkdownDocument[]): number {
  const titled = docs.filter((d) => d.title);
  return titled.filter((d) => d.title!.level === 2).length * 2 > titled.length ? 2 : 1;
}

function renderTemplate(
  title: TitlePlace,
  summary: SummaryPlace,
  sections: readonly DerivedSection[],
  keys: readonly string[],
  docs: readonly MarkdownDocument[],
  lead = false,
  titleLevel = 1,
): string {
  const out: string[] = [];
  const data: Record<string, unknown> = {};
  if (title === 'front-matter') data.title = TITLE_PLACEHOLDER;
  if (summary.from === 'front-matter') data[summary.key] = SUMMARY_PLACEHOLDER;
  for (const key of keys) data[key] = emptyValue(key, docs);
  if (Object.keys(data).length > 0) out.push(`---\n${stringify(data, { lineWidth: 0 })}---`);
  if (title === 'heading') out.push(`${'#'.repeat(titleLevel)} ${TITLE_PLACEHOLDER}`);
  if (summary.from === 'blockquote') out.push(`> ${SUMMARY_PLACEHOLDER}`);
  if (lead) out.push('[A paragraph that introduces the pattern.]');
  // (The patterns write sections of their own beside the ones most of them share — those are what a
  // derived template is —: none of theirs is "unknown".)
  if (sections.length > 0)
    out.push(
      sections.every((s) => s.optional)
        ? '<!-- The patterns of this catalog write sections of their own beside these, which are all optional: add sections as needed. -->'
        : '<!-- The patterns of this catalog write sections of their own beside these: add sections as needed. -->',
    );
  const visit = (section: DerivedSection): void => {
    out.push(`${'#'.repeat(section.level)} ${section.heading}${section.optional ? ' (optional)' : ''}`);
    const name = foldText(section.heading);
    if (title === 'section' && TITLE_SECTION_NAMES.has(name)) out.push(TITLE_PLACEHOLDER);
    else if (summary.from === 'section' && foldText(summary.name) === name) out.push(SUMMARY_PLACEHOLDER);
    else if (section.empty >= section.count * EMPTY_SHARE && section.empty > 0)
      out.push(`<!-- ${section.empty} of ${section.count} patterns with this section leave it empty: it asks for no content. -->`);
    else if (section.children.length === 0) out.push(`[${section.heading.replace(TITLE_PLACEHOLDER, 'this pattern').replace(/[[\]]/g, '')}]`);
    section.children.forEach(visit);
    // (Written again right after: the template's way to say a pattern may have it any number of times.)
    if (section.repeatable)
      out.push(`${'#'.repeat(section.level)} ${section.heading}${section.optional ? ' (optional)' : ''}`, `<!-- ${section.heading} again, as often as needed. -->`);
  };
  sections.forEach(visit);
  // Patterns that share no section write their own: a slot for any heading, asked of none.
  // (Without a title line above it, that slot's heading would read as the title: then only the note.)
  if (sections.length === 0 && title === 'heading')
    out.push(`## [Section] (optional)`, '<!-- Each pattern writes its own sections: the patterns of this catalog share none. -->');
  else if (sections.length === 0) out.push('<!-- Each pattern writes its own sections, as the patterns of this catalog share none: add sections as needed. -->');
  return `${out.join('\n\n')}\n`;
}

/** A heading's name without the subtitle an author adds after a dash (`The Defense — Prompt sanitizing`), as lint reads it. */
function withoutSubtitle(text: string): string {
  const m = /^(.*?\p{L}.*?)\s+[—–-]\s+\S.*$/u.exec(text);
  return m ? m[1]! : text;
}
