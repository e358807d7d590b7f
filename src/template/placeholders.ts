import { leadBlock } from '../markdown/document.js';
import type { Block, MarkdownDocument } from '../markdown/types.js';
import { escapeRegExp, foldCase, foldText } from './normalize.js';
import type { Placeholder, PlaceholderKind } from './types.js';

/**
 * Finds the template's placeholder text: what an author is meant to replace.
 * Everything is read from the template itself; what is not recognised as a
 * placeholder (headings, labels such as `**Symptom**:`, lead-ins such as
 * "Common issues and solutions:", plain values such as "Initial release") is
 * kept text that a pattern may legitimately repeat.
 */
export function extractPlaceholders(doc: MarkdownDocument, schemaPath: (documentPath: readonly string[]) => string[] = (p) => [...p]): Placeholder[] {
  const found = new PlaceholderSet();

  if (doc.title) found.bracketed(doc.title.text, [], doc.title.range.start.line);
  const summary = leadBlock(doc);
  for (const block of doc.preamble) {
    if (block === summary && block.kind === 'blockquote' && block.text) found.add(block.text, 'summary-sample', [], block.range.start.line);
    else visitBlock(block, [], found);
  }
  const visitSection = (section: MarkdownDocument['sections'][number]): void => {
    const path = schemaPath(section.path);
    found.bracketed(section.heading.text, path, section.heading.range.start.line);
    for (const block of section.blocks) visitBlock(block, path, found);
    section.children.forEach(visitSection);
  };
  doc.sections.forEach(visitSection);

  for (const link of doc.links) {
    if (isSampleValue(link.url)) found.add(link.url, 'sample-value', schemaPath(link.sectionPath), link.range.start.line);
  }
  return found.list;
}

/** Placeholders an author or a catalog adds by configuration. */
export function customPlaceholder(text: string): Placeholder {
  return makePlaceholder(text, 'custom', [], 0);
}

function visitBlock(block: Block, path: string[], found: PlaceholderSet): void {
  const line = block.range.start.line;
  switch (block.kind) {
    case 'paragraph':
      classifyUnit(block.raw, block.text, path, line, found);
      break;
    case 'blockquote':
      block.blocks.forEach((b) => visitBlock(b, path, found));
      break;
    case 'list':
      for (const item of block.items) {
        classifyUnit(item.raw, item.text, path, item.range.start.line, found);
        item.blocks.slice(1).forEach((b) => visitBlock(b, path, found));
      }
      break;
    case 'table':
      for (const row of block.table.rows) {
        for (const cell of row.cells) classifyUnit(cell, cell.replace(/`/g, ''), path, row.line, found);
      }
      break;
    case 'code':
      block.code.content.split('\n').forEach((codeLine, i) => {
        const text = codeLine.trim();
        if (text && !/^(#|\/\/)/.test(text) && isSampleCommand(text)) {
          found.add(text, 'sample-value', path, block.range.start.line + 1 + i);
        }
      });
      break;
    default:
      break;
  }
}

const LABEL = /^\s*(\*\*|__)(.+?)\1\s*:?\s*([\s\S]*)$/;

/** Classifies one paragraph, list item or table cell. */
function classifyUnit(raw: string, text: string, path: string[], line: number, found: PlaceholderSet): void {
  if (!text.trim()) return;
  const label = LABEL.exec(raw);
  if (label) {
    const labelText = label[2]!.replace(/:\s*$/, '').trim();
    if (isGenericItem(labelText)) {
      found.add(text, 'generic-item', path, line);
      return;
    }
    // `**Symptom**: What you observe` — the label stays, the sample after it is a placeholder.
    const rest = text.slice(text.indexOf(labelText) + labelText.length).replace(/^\s*:?\s*/, '').trim();
    if (rest) found.add(rest, isSampleValue(rest) ? 'sample-value' : 'label-sample', path, line);
    return;
  }
  const head = text.split(':')[0]!.trim();
  if (isGenericItem(text.trim()) || isGenericItem(head)) {
    found.add(text, 'generic-item', path, line);
    return;
  }
  if (isSampleValue(text)) {
    found.add(text, 'sample-value', path, line);
    return;
  }
  for (const sentence of sentences(text)) {
    if (isInstruction(sentence)) found.add(sentence, 'instruction', path, line);
    else found.bracketed(sentence, path, line);
  }
}

/** `Component 1`, `Test step 2`, `Description of parameter 1`, `PARAM_1`. */
export function isGenericItem(text: string): boolean {
  return /^(?:[\p{L}][\p{L}'-]*\s+){0,3}[\p{L}][\p{L}'-]*[\s_-]?\d+$/u.test(text) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_\d+$/.test(text);
}

const IMPERATIVE = new Set(
  (
    'add choose continue define delete describe detail document enter explain fill give identify include insert link list ' +
    'mention note outline provide put reference remove replace select show specify state summarise summarize update write'
  ).split(' '),
);

/** A sentence that tells the author what to write: an imperative, a question, or "Detailed instructions for…". */
export function isInstruction(sentence: string): boolean {
  const s = sentence.trim();
  const first = /^[\p{L}]+/u.exec(s)?.[0]?.toLowerCase() ?? '';
  if (IMPERATIVE.has(first)) return true;
  if (/^(detailed\s+)?instructions\s+(for|on)\b/i.test(s) && !s.endsWith(':')) return true;
  return /\?\s*$/.test(s);
}

/** Values that only a template would contain: example domains, "your …", metasyntactic names. */
export function isSampleValue(text: string): boolean {
  return (
    /\bexample\.(?:com|org|net)\b/i.test(text) ||
    /(?:^|[\s@/[(])your[\s._-]/i.test(text) ||
    /\bdefault[-_ ]value\b/i.test(text) ||
    /(?:^|\/)[a-z]+(?:-[a-z]+)*-\d+\//i.test(text) ||
    isSampleCommand(text)
  );
}

function isSampleCommand(text: string): boolean {
  return /^command(?:\s|$)/.test(text) || /\s--option\b/.test(text);
}

function sentences(text: string): string[] {
  return text
    .split(/(?<!\b(?:e\.g|i\.e|etc|vs))(?<=[.!?])\s+(?=[\p{Lu}\d[])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function makePlaceholder(text: string, kind: PlaceholderKind, sectionPath: string[], line: number): Placeholder {
  const folded = foldText(text);
  const source = escapeRegExp(folded).replace(/\d+/g, '\\d+');
  // A one- or two-word instruction ("Explain:") is only a leftover when it is all the text says;
  // inside a sentence the same words are the author's own.
  const whole = (kind === 'instruction' || kind === 'label-sample') && folded.split(' ').length < 3;
  const pattern = whole ? new RegExp(`^${source}$`, 'u') : new RegExp(`(?:^| )${source}(?= |$)`, 'u');
  return { text: text.trim(), kind, folded, pattern, sectionPath, line };
}

class PlaceholderSet {
  readonly list: Placeholder[] = [];
  private readonly seen = new Set<string>();

  add(text: string, kind: PlaceholderKind, path: string[], line: number): void {
    const placeholder = makePlaceholder(text, kind, path, line);
    if (!placeholder.folded) return;
    const key = `${path.join('\u0000')}\u0001${placeholder.folded}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(placeholder);
  }

  /** Records each `[bracketed]` part of a text (that is not a link). */
  bracketed(text: string, path: string[], line: number): void {
    for (const m of text.matchAll(/\[[^\]\n]+\]/g)) this.add(m[0], 'bracketed', path, line);
  }
}

/** What foldText keeps as word characters, and what it turns into a space. */
const WORD = '[\\p{L}\\p{N}]';
const SEPARATOR = '[^\\p{L}\\p{N}]';

/**
 * Finds placeholders in text quickly: each placeholder is tried only when the
 * text contains its most distinctive word, so a pattern's hundreds of
 * paragraphs do not each run every placeholder's expression.
 */
export class PlaceholderMatcher {
  private readonly byWord = new Map<string, Placeholder[]>();
  private readonly always: Placeholder[] = [];
  private readonly words = new Map<Placeholder, string[]>();
  private readonly unanchored = new Map<Placeholder, RegExp>();
  private vocabularyPattern: RegExp | undefined;

  constructor(placeholders: readonly Placeholder[]) {
    // Each placeholder is filed under its rarest word among all placeholders, so that
    // words every pattern has ("pattern", "security") do not wake many of them up.
    const frequency = new Map<string, number>();
    for (const p of placeholders) for (const w of new Set(p.folded.split(' '))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    for (const p of placeholders) {
      const words = p.folded.split(' ').filter((w) => !/^\d+$/.test(w));
      const anchor = words.sort((a, b) => frequency.get(a)! - frequency.get(b)! || b.length - a.length)[0];
      if (!anchor) this.always.push(p);
      else this.byWord.set(anchor, [...(this.byWord.get(anchor) ?? []), p]);
    }
  }

  /**
   * A matcher for only the placeholders whose words occur somewhere in `text`
   * (a whole pattern): on a finished pattern that is almost none, so checking
   * each paragraph afterwards costs next to nothing.
   */
  narrowTo(text: string): PlaceholderMatcher {
    // One scan of the text for the placeholders' own words is several times cheaper than
    // folding the whole text and indexing all of its words; a phrase is then looked for
    // only when all of its words are there.
    const lowered = foldCase(text);
    const present = new Set(lowered.match(this.vocabulary()));
    const hasWords = (p: Placeholder) => this.wordsOf(p).every((w) => present.has(w));
    const candidates = this.always.filter(hasWords);
    for (const word of present) for (const p of this.byWord.get(word) ?? []) if (hasWords(p)) candidates.push(p);
    const kept = candidates.filter((p) => this.inText(p).test(lowered));
    return kept.length ? new PlaceholderMatcher(kept) : EMPTY_MATCHER;
  }

  /** Every word of every placeholder (numbers aside) as whole words, longest first. */
  private vocabulary(): RegExp {
    if (!this.vocabularyPattern) {
      const words = new Set<string>();
      for (const list of [this.always, ...this.byWord.values()]) for (const p of list) for (const w of this.wordsOf(p)) words.add(w);
      const alternatives = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
      // Word boundaries as foldText draws them: letters and digits (any script) make words.
      this.vocabularyPattern = alternatives.length ? new RegExp(`(?<!${WORD})(?:${alternatives.join('|')})(?!${WORD})`, 'gu') : /(?!)/g;
    }
    return this.vocabularyPattern;
  }

  /** True when there is nothing to look for (a finished pattern, after `narrowTo`). */
  get isEmpty(): boolean {
    return this.byWord.size === 0 && this.always.length === 0;
  }

  /**
   * Placeholders found in the text, one per shape: `Prerequisite 1`, `2` and
   * `3` all match "Prerequisite 2", which is reported once, as itself.
   */
  find(text: string): Placeholder[] {
    if (this.isEmpty) return [];
    const folded = foldText(text);
    if (!folded) return [];
    const byShape = new Map<string, Placeholder>();
    const consider = (p: Placeholder): void => {
      if (!p.pattern.test(folded)) return;
      const current = byShape.get(p.pattern.source);
      if (!current || (!folded.includes(current.folded) && folded.includes(p.folded))) byShape.set(p.pattern.source, p);
    };
    this.always.forEach(consider);
    for (const word of folded.split(' ')) this.byWord.get(word)?.forEach(consider);
    if (byShape.size === 0) return [];
    // "OPTION_1" inside "Description of option 1" is part of the longer leftover, not one of its own.
    const hits = [...byShape.values()];
    const shape = (p: Placeholder) => p.folded.replace(/\d+/g, '#');
    return hits.filter((p) => !hits.some((q) => q !== p && shape(q).length > shape(p).length && shape(q).includes(shape(p))));
  }

  /**
   * The placeholder's phrase anywhere in a longer text, matched on the text in
   * lower case (`foldCase`): any run of punctuation and spacing stands for the
   * single space folding would leave, so the whole text need not be folded.
   */
  private inText(p: Placeholder): RegExp {
    let re = this.unanchored.get(p);
    if (!re) {
      const phrase = p.folded
        .split(' ')
        .map((w) => escapeRegExp(w).replace(/\d+/g, '\\d+'))
        .join(`${SEPARATOR}+`);
      re = new RegExp(`(?<!${WORD})${phrase}(?!${WORD})`, 'u');
      this.unanchored.set(p, re);
    }
    return re;
  }

  /** A placeholder's words, numbers aside (they may be renumbered). */
  private wordsOf(p: Placeholder): string[] {
    let words = this.words.get(p);
    if (!words) {
      words = p.folded.split(' ').filter((w) => !/^\d+$/.test(w));
      this.words.set(p, words);
    }
    return words;
  }
}

const EMPTY_MATCHER = new PlaceholderMatcher([]);

const matchers = new WeakMap<readonly Placeholder[], PlaceholderMatcher>();

/** The (cached) matcher for a template's placeholders. */
export function placeholderMatcher(placeholders: readonly Placeholder[]): PlaceholderMatcher {
  let matcher = matchers.get(placeholders);
  if (!matcher) {
    matcher = new PlaceholderMatcher(placeholders);
    matchers.set(placeholders, matcher);
  }
  return matcher;
}

/** Placeholders of a template found in a pattern's text (folded comparison, so re-wrapping does not hide them). */
export function findPlaceholders(placeholders: readonly Placeholder[], text: string): Placeholder[] {
  return placeholderMatcher(placeholders).find(text);
}
