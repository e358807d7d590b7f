import { bareValue, saidAside } from './document-parts.js';
import { leadBlock } from '../markdown/document.js';
import { isHtmlTag, isTocDirective } from '../markdown/inline.js';
import type { Block, MarkdownDocument } from '../markdown/types.js';
import { countWords } from '../markdown/words.js';
import { escapeRegExp, foldCase, foldText } from './normalize.js';
import { OPTIONAL_WORD_ELSEWHERE } from './heading-variants.js';
import type { Placeholder, PlaceholderKind } from './types.js';

/**
 * Template text is of three kinds, and only the first two are ever a finding
 * when a pattern still holds them:
 *
 * (a) marked placeholders — `[…]`, `<<…>>`, `{…}`, `<…>` (not HTML), a
 *     parenthesised note to the author (`(fill me in …)`), TODO/TBD, and the
 *     template's sample values (`Your Name`, `Component 1`, `command --option`);
 * (b) instructions to the author: sentences that ask to write, describe,
 *     explain, list… something ("Explain how it works."), and questions;
 * (c) everything else: headings, labels, lead-ins, steps for the reader
 *     ("Delete the stack", "Enter a stack name"), legal notes — text every
 *     pattern may keep.
 *
 * Everything is read from the template itself. The template can mark a block
 * or a line as boilerplate with `<!-- patternbook: keep -->`; nothing in it is
 * then a placeholder.
 */
export function extractPlaceholders(
  doc: MarkdownDocument,
  schemaPath: (documentPath: readonly string[]) => string[] = (p) => [...p],
  toRemove: (path: readonly string[]) => boolean = () => false,
): Placeholder[] {
  const found = new PlaceholderSet(new Set([...doc.source.matchAll(/^ {0,3}\[([^\]\n]+)\]:[ \t]*\S/gm)].map((d) => foldText(d[1]!))));

  if (doc.title) found.marked(doc.title.text, doc.title.raw, [], doc.title.range.start.line, {});
  const summary = leadBlock(doc);
  // The summary's sample as a whole (the summary rule's), and its sentences as any text's: where a
  // catalog keeps its summaries elsewhere, a pattern that keeps the template's quoted guidance there
  // (`> Write one sentence which is a brief description of the feature.`) left it in.
  // (Not a bare value of a word or two, `> early`: a stage set above the text, which each pattern gives its own.)
  // (Nor a notice every pattern carries, `> For orientation only. Not legal advice.`: no summary's sample.)
  const sample = summary?.kind === 'blockquote' && summary.text && !bareValue(summary.text) && !saidAside(summary.text) ? summary : undefined;
  if (sample) found.add(sample.text, 'summary-sample', [], sample.range.start.line);
  // (A sample that is one marked placeholder, `> [What it does, in one sentence]`, is that alone.)
  const whole = sample !== undefined && markedTokens(sample.text.trim()).some((t) => t.text === sample.text.trim());
  visitBlocks(
    doc.preamble.filter((b) => !(whole && b === sample)),
    [],
    found,
  );
  // (A section that says its sub-sections hold examples, `These are generalized examples to consider`,
  // over `### Dev Preview -> Tech Preview` and its list of criteria: their lists are examples too.)
  const visitSection = (section: MarkdownDocument['sections'][number], examples = false): void => {
    const path = schemaPath(section.path);
    // (A heading that is a marker word alone, `## TODO`, names the section of open items the template
    // asks for: a name, no blank to fill, nor the marker's every use in a pattern the template's text.)
    if (!/^\s*(?:todo|tbd|tba|fixme)s?\s*:?\s*$/i.test(section.heading.text))
      found.marked(section.heading.text, section.heading.raw, path, section.heading.range.start.line, {});
    visitBlocks(section.blocks, path, found, examples);
    // (A section the template says to remove when done: each of its paragraphs and list items, kept as
    // written, is what is left of it.)
    if (toRemove(path))
      for (const b of section.blocks) {
        if (b.kind === 'paragraph' && /\p{L}{2}/u.test(b.text)) found.add(b.text, 'instruction', path, b.range.start.line, { whole: true });
        if (b.kind === 'list')
          for (const item of b.items) if (/\p{L}{2}/u.test(item.text)) found.add(item.text, 'instruction', path, item.range.start.line, { whole: true });
      }
    const saysExamples = section.blocks.some((b) => b.kind === 'paragraph' && EXAMPLES_NOTE.test(b.text));
    for (const child of section.children) visitSection(child, examples || saysExamples);
  };
  for (const section of doc.sections) visitSection(section);

  for (const link of doc.links) {
    if (isSampleValue(link.url)) found.add(link.url, 'sample-value', schemaPath(link.sectionPath), link.range.start.line);
    // (Matched whole: `https://forums.example.org/...` is not every page of that forum.)
    // (Its numbers as written: `pull/0000` is no `pull/140`.)
    else if (isSampleUrl(link.url)) found.add(link.url, 'sample-value', schemaPath(link.sectionPath), link.range.start.line, { whole: true, literal: true });
  }
  // A bracketed word the template's own text names as code, as a value to write (`Open each step with
  // its role: \`[user]\`, \`[contract]\`…`): its vocabulary, not a blank.
  const named = new Set([...doc.source.matchAll(/`(\[[^\]`\n]{1,40}\])`/g)].map((m) => m[1]!.toLowerCase()));
  // (Nor is a label's value the template's text lists among the values to choose from, `**State**:
  // open` over "State is one of: open, parked, dropped": its default, a value of the catalog's.)
  // (Or right under it, as the items of a list of values, `- implementable: the default for this repo`.)
  const choices = choiceValues(doc.source);
  const listed = listedValues(doc.source);
  const offered = (p: Placeholder) => choices.has(foldText(p.text)) || (listed.get(foldText(p.text)) ?? []).some((line) => line > p.line && line <= p.line + 15);
  // (A template that says italics mark what to replace — `_Italics are used to indicate things that need
  // to be replaced._` —: its other prose, a note or a list of statuses kept for every document, is no
  // text to replace; its marked blanks, `[Project Name]`, still are.)
  const italic = ITALICS_LEGEND.test(doc.source) ? italicTexts(doc.source) : undefined;
  const marked = (p: Placeholder) =>
    italic === undefined || !PROSE_KINDS.has(p.kind) || italic.some((t) => t.includes(p.folded) || (t.split(' ').length >= 3 && p.folded.includes(t)));
  return found.list.filter((p) => !(p.kind === 'bracketed' && named.has(p.text.trim().toLowerCase())) && !(p.kind === 'label-sample' && offered(p)) && marked(p));
}

/** A template's legend that italics mark the text to replace: `Italics are used to indicate things that need to be replaced`, `Replace the text in italics` (set in italics itself, `_Italics …_`: no `\b` after the underscore). */
const ITALICS_LEGEND =
  /(?<![A-Za-z])(?:italics?|italici[sz]ed)(?![A-Za-z])[^.\n]{0,60}?(?<![A-Za-z])(?:replaced?|fill(?:ed)? in|changed?)(?![A-Za-z])|(?<![A-Za-z])(?:replace|fill in|change)(?![A-Za-z])[^.\n]{0,40}?(?<![A-Za-z])(?:in italics|italici[sz]ed)(?![A-Za-z])/i;

/** Kinds of template text read from its prose, which a legend of italics narrows to the text in italics. */
const PROSE_KINDS: ReadonlySet<PlaceholderKind> = new Set(['instruction', 'label-sample', 'generic-item']);

/** The folded texts the source sets in italics (`_Author Name_`, `*Draft*`). */
function italicTexts(source: string): string[] {
  // (Bold italics too, `**_Use one sub-header per failure mode._**`.)
  return [...source.matchAll(/(?<![_\p{L}\p{N}])_(?!_)([^_\n]+?)_(?![_\p{L}\p{N}])|(?<![*\p{L}\p{N}])\*(?!\*)([^*\n]+?)\*(?![*\p{L}\p{N}])/gu)]
    .map((m) => foldText(m[1] ?? m[2] ?? ''))
    .filter((t) => t.length > 0);
}

/**
 * A line that gives a field named for an event `TBD` (`- Shipped: TBD`, `Release date: TBA`): a
 * past participle or a date's name, not a role (`Review Manager: TBD`, see `roleField`).
 */
export function eventField(line: string): boolean {
  const m = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(\p{L}[^:\n]{0,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?:TBD|TBA)\.?\s*$/u.exec(line);
  const words = m ? (m[1]!.toLowerCase().match(/\p{L}+/gu) ?? []) : [];
  const last = words.at(-1);
  // (`Merged to trunk`, `Shipped`: an event; `Proposed by`, `Reviewed by`: the people.)
  return last !== undefined && last !== 'by' && (words.some((w) => /^\p{L}{3,}ed$/u.test(w)) || /^(?:date|release|version|milestone|eta|deadline)$/.test(last));
}

/** Names of whom a catalog's process assigns a role (not the owner or the author: the author names those). */
export const ROLE_NAME = /^(?:reviewers?|editors?|approvers?|assignees?|shepherds?|champions?|sponsors?|stewards?|managers?|moderators?|chairs?)$/i;

/**
 * A line of the template that gives a field named for a role `TBD` (`Review Manager: TBD`, a table row
 * `| Review Manager | TBD |`, `**Shepherd:** TBA`): someone the process has not chosen yet, a state
 * of the pattern until they are, not a blank the author fills in.
 */
export function roleField(line: string): boolean {
  const m =
    /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(\p{L}[^:|\n]{0,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?:TBD|TBA)\.?\s*$/u.exec(line) ??
    /^\s*\|?\s*(?:\*\*|__)?(\p{L}[^:|\n]{0,40}?)(?:\*\*|__)?\s*:?\s*\|\s*(?:TBD|TBA)\.?\s*\|?\s*$/u.exec(line);
  const last = m ? (m[1]!.match(/\p{L}+/gu) ?? []).at(-1) : undefined;
  return last !== undefined && ROLE_NAME.test(last);
}

/** The values a list names, one per item, each before its colon (`- deferred: shelved for now`), with their lines. */
function listedValues(source: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  source.split('\n').forEach((line, i) => {
    const m = /^\s*[-*+]\s+[`*_]*([\p{L}][\p{L}\d-]{1,30})[`*_]*\s*:/u.exec(line);
    if (m) out.set(foldText(m[1]!), [...(out.get(foldText(m[1]!)) ?? []), i + 1]);
  });
  return out;
}

/**
 * Values the template's text offers as a choice: the words after "one of" (`is one of: open, parked,
 * dropped`, `one of \`Draft\`, \`Final\``), or joined by bars or slashes (`open | parked | dropped`,
 * `Draft/Accepted/Rejected`), folded.
 */
function choiceValues(source: string): Set<string> {
  const out = new Set<string>();
  const add = (list: string) => {
    for (const v of list.split(/\s*(?:,|\bor\b|\||\/)\s*/)) {
      const word = foldText(v.replace(/[`*_"“”']/g, ''));
      if (word && word.split(' ').length <= 3) out.add(word);
    }
  };
  for (const m of source.matchAll(/\bone of\s*:?\s*([^.\n;()]{3,200})/gi)) add(m[1]!);
  for (const m of source.matchAll(/(?:[`*_]?\p{L}[\p{L} -]{0,20}[`*_]?\s*[|/]\s*){2,}[`*_]?\p{L}[\p{L} -]{0,20}[`*_]?/gu)) add(m[0]);
  return out;
}

/**
 * A placeholder as this module builds it: the template's text, plus how it is
 * matched. (The extra fields are optional, so a `Placeholder` made elsewhere
 * is matched by its folded text.)
 */
export interface TemplateText extends Placeholder {
  /**
   * A marked placeholder (`[Dependency name]`, `{title of option 1}`, `TODO`):
   * the token itself, delimiters included, matched on the text as written —
   * case, spacing and numbers may differ, the brackets may not. `[Optional]`
   * is never the word "optional" in a sentence.
   */
  exact?: RegExp;
  /** Read from a code block of the template (its sample code): also looked for in a pattern's code blocks. */
  code?: boolean;
  /**
   * An instruction that ends in `:` or `?` — a label or a question the author
   * answers after it ("Describe the mechanism:"): when the author's own text
   * follows it in the same paragraph or list item, it is filled in.
   */
  label?: boolean;
  /**
   * An instruction the template sets apart in emphasis at the head of its paragraph, on lines of its
   * own (`**Document how the project makes decisions.**` over a `**Required:** Yes` line): a
   * questionnaire's prompt, which every pattern keeps and answers under (see `SET_APART`).
   */
  prompt?: boolean;
  /**
   * Guidance that describes what goes in its section (`One to two paragraphs of exposition to set the
   * context.`, see `isGuidance`): the template's unit as a whole, left in only where a pattern's unit
   * is that text and no other section of the template's holds it (there, it is quoted).
   */
  guidance?: boolean;
  /**
   * The only text of a row of a table of the template's, the rest of the row left empty (`| RISK-1 |  |  |`):
   * the label of a row for the author to fill in, which they keep as the label of their own rows.
   */
  rowLabel?: boolean;
}

/**
 * Emphasis that opens a unit and ends a line (`**Describe the release process.**`, then a line break
 * or the end): text set apart, as a heading is. The emphasized text is group 2.
 */
export const SET_APART = /^\s*(\*\*|__|\*|_)(?![\s*_])([\s\S]+?)(?<![\s*_])\1[ \t]*(?:<br\s*\/?>|\\)?[ \t]*(?:\n|$)/;

/** Placeholders an author or a catalog adds by configuration. */
export function customPlaceholder(text: string): Placeholder {
  const trimmed = text.trim();
  const token = markedTokens(trimmed, { all: true });
  // A configured `[Service Name]` is matched as that token, like the template's own.
  if (token.length === 1 && token[0]!.start === 0 && token[0]!.end === trimmed.length) return makeMarked(trimmed, 'custom', [], 0, false);
  return makePlaceholder(text, 'custom', [], 0);
}

// ---------------------------------------------------------------------------
// The template's blocks.

/**
 * `<!-- patternbook: keep -->`, or a note that says so in the template's own words (`<!-- keep this
 * text as it is -->`, `<!-- Do not change this section. -->`): the next block (or the line it is on)
 * is boilerplate, nothing in it a placeholder.
 */
export const KEEP_MARKER =
  /<!--\s*(?:patternbook\s*:\s*keep|(?:please\s+)?(?:(?:keep|leave)\s+(?:this|the\s+following)(?:\s+(?:text|section|line|lines|paragraph|sentence|statement|notice|block))?\s+(?:as\s+(?:it\s+)?is|unchanged|verbatim|intact|as\s+written)|do\s+not\s+(?:change|edit|modify|alter)\s+(?:this|the\s+following)(?:\s+(?:text|section|line|lines|paragraph|sentence|statement|notice|block))?))\s*[.!]?\s*-->/i;

function visitBlocks(blocks: readonly Block[], path: string[], found: PlaceholderSet, examples = false): void {
  let keepNext = false;
  let previous: Block | undefined;
  for (const block of blocks) {
    const keep = keepNext;
    keepNext = block.kind === 'html' && KEEP_MARKER.test(block.html);
    // A list of examples to choose from (`Examples to consider:`, `such as:`): its items are the
    // team's to pick and keep (`- Write paging alerts for the service`), not instructions left over;
    // only what is marked in them (`[…]`) is to be filled in.
    if (!keep && block.kind === 'list' && (examples || (previous?.kind === 'paragraph' && EXAMPLES_LEAD_IN.test(previous.text)))) {
      for (const item of block.items) found.marked(item.text, item.raw, path, item.range.start.line, { labels: true });
    } else if (!keep) visitBlock(block, path, found);
    if (block.kind !== 'html') previous = block;
  }
}

/** A note that the sections under it hold examples: `These are generalized examples to consider`, `The following are examples`. */
const EXAMPLES_NOTE =
  /(?:^|[.!?:]\s+)(?:these|the following|below) (?:are|is) (?:(?!(?:not|no)\b)[\p{L}-]+ ){0,2}examples?\b|(?<!\b(?:no|not|any) )\bexamples? to (?:consider|choose from|pick from|adapt)\b/iu;

/** A number left to give in an item, `ADR ###`, `RFC-NNNN`, `#XXX`: the item is a sample. */
const BLANK_NUMBER = /(?<![\p{L}\p{N}])(?:#{3,}|N{3,}|X{3,})(?![\p{L}\p{N}])/u;

/** A paragraph that introduces a list of examples: `Examples to consider:`, `For example:`, `…such as:`. */
const EXAMPLES_LEAD_IN = /\b(?:examples?|for instance|e\.g\.|such as|might include|may include|could include|ideas)\b[^.!?]*:\s*$/i;

function visitBlock(block: Block, path: string[], found: PlaceholderSet): void {
  const line = block.range.start.line;
  switch (block.kind) {
    case 'paragraph':
      classifyUnit(block.raw, block.text, path, line, found);
      break;
    case 'blockquote':
      visitBlocks(block.blocks, path, found);
      break;
    case 'list': {
      // (Items that differ only by their number, `Benefit 1 with explanation`, `Benefit 2 with
      // explanation`, are a numbered sample to replace, each one; so is an item numbered with a blank
      // number, `ADR ###: Related Decision`.)
      const shapes = block.items.map((item) => (/\d/.test(item.text) ? item.text.trim().replace(/\d+/g, '#') : undefined));
      for (const [i, item] of block.items.entries()) {
        const numbered = shapes[i] !== undefined && shapes.some((other, j) => j !== i && other === shapes[i]);
        if ((numbered || BLANK_NUMBER.test(item.text)) && !KEEP_MARKER.test(item.raw)) found.add(item.text.trim(), 'generic-item', path, item.range.start.line);
        else classifyUnit(item.raw, item.text, path, item.range.start.line, found);
        visitBlocks(item.blocks.slice(1), path, found);
      }
      break;
    }
    case 'table':
      for (const row of block.table.rows) {
        const before = found.list.length;
        row.cells.forEach((cell, k) => {
          // A cell of choices (`_Draft / In Review / Final_`): the value is one of them.
          const value = cell.replace(/^[*_\s]+|[*_\s]+$/g, '');
          if (CHOICES.test(value)) found.addMarked(value, path, row.line, false);
          else classifyUnit(row.raw[k] ?? cell, cell, path, row.line, found, true);
        });
        if (row.cells.filter((c) => c.trim() !== '').length === 1 && row.cells.length > 1) for (const p of found.list.slice(before)) p.rowLabel = true;
      }
      break;
    case 'code':
      // (A diagram's source is no sample with blanks: its brackets are node shapes, `a[Raw Inputs]`,
      // its `<<interface>>` an annotation. Each pattern draws its own.)
      if (isDiagram(block.code.lang)) break;
      block.code.content.split('\n').forEach((codeLine, i) => {
        const text = codeLine.trim();
        const at = block.range.start.line + 1 + i;
        if (text && !/^(#|\/\/)/.test(text) && isSampleCommand(text)) found.add(text, 'sample-value', path, at, { code: true });
        // Sample code with fill-in tokens (`<<YOUR BUCKET>>`, `[YOUR STACK NAME]`): those are looked for in code too.
        for (const token of markedTokens(codeLine, { code: true })) found.addMarked(token.text, path, at, true);
      });
      break;
    case 'html': {
      visitComments(block.html, path, line, found, found.referenceLabels);
      // (A line of the template's own that Markdown reads as HTML, `<context>` alone under `## Context`
      // as adr-tools writes it: no element of HTML, a marked blank, which GitHub drops from view.)
      const visible = block.html.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ' '));
      visible.split('\n').forEach((text, i) => {
        for (const token of markedTokens(text)) if (token.text.startsWith('<')) found.addMarked(token.text, path, line + i, false);
      });
      break;
    }
    default:
      break;
  }
}

/**
 * HTML comments of the template are instructions nobody sees, but some hold a
 * small template to copy out ("for each dependency, fill in: - [Dependency
 * name] …"): its marked placeholders are the template's too. Its sentences
 * are not (a comment kept in a pattern is invisible, and is never checked).
 */
function visitComments(html: string, path: string[], line: number, found: PlaceholderSet, defined: ReadonlySet<string>): void {
  for (const m of html.matchAll(/<!--([\s\S]*?)-->/g)) {
    const body = m[1]!;
    const at = line + html.slice(0, m.index).split('\n').length - 1;
    body.split('\n').forEach((text, i) => {
      if (/^\s*\[[^\]\n]+\]:\s*\S/.test(text)) return;
      for (const token of markedTokens(text, { labels: true })) {
        if (token.text.startsWith('[') && (defined.has(foldText(token.text)) || /^[([]/.test(text.slice(token.end)))) continue;
        found.addMarked(token.text, path, at + i, false);
      }
    });
  }
}

const LABEL = /^\s*(\*\*|__)(.+?)\1\s*:?\s*([\s\S]*)$/;

/** Languages of diagram sources (`mermaid`, `plantuml`…), MyST's `{mermaid}` directive too. */
const DIAGRAM_LANGUAGES = new Set(['mermaid', 'plantuml', 'puml', 'dot', 'graphviz', 'd2', 'nomnoml', 'ditaa', 'structurizr']);

/** A diagram's source language (`mermaid`, MyST's `{mermaid}`…): see `DIAGRAM_LANGUAGES`. */
export function isDiagram(lang: string): boolean {
  return DIAGRAM_LANGUAGES.has(lang.replace(/^\{(.*)\}$/, '$1'));
}

/** A plain label and three choices at least: `Status: proposed | rejected | accepted | superseded by 0005`. */
const PLAIN_LABEL_CHOICES = /^\s*[\p{L}][\p{L} _-]{0,30}:\s+((?:[\p{L}][\p{L}\p{N} -]*?)(?:\s*\|\s*[\p{L}][\p{L}\p{N} -]*?){2,})\s*$/u;

/** Labels of a note rather than a field: `**Note:**`, `**Important:**`. */
// (So is one that says whether the section is asked for, `**Optional:** Describe the plan…`: the
// guidance after it is an instruction, no sample of a field named "Optional".)
const NOTE_LABEL = /^(?:notes?|nb|n\.b\.|important|warning|caution|tip|hint|remember|attention|optional|required|recommended|mandatory)$/i;

/** Classifies one paragraph, list item or table cell. */
function classifyUnit(raw: string, text: string, path: string[], line: number, found: PlaceholderSet, cell = false): void {
  if (!text.trim() || KEEP_MARKER.test(raw)) return;
  found.marked(text, raw, path, line, { labels: true });
  // A label is followed by a colon (`**Owner:** …`, `**Owner**: …`); a bold term that opens a
  // sentence (`**site operator** is a person who…`) is a definition, judged as a whole.
  const bold = LABEL.exec(raw);
  const label = bold && (/:\s*$/.test(bold[2]!) || /^\s*(\*\*|__).+?\1\s*:/.test(raw)) ? bold : null;
  // A note (`**Note:** *Not needed until the work is scheduled.*`) is said to whoever reads it, not a
  // field to fill in: its text is judged as any other (an instruction in it is one).
  if (label && NOTE_LABEL.test(label[2]!.replace(/:\s*$/, '').trim())) {
    raw = label[3]!;
    text = text.replace(/^[^:]*:\s*/, '');
    if (!text.trim()) return;
  } else if (label) {
    const labelText = label[2]!.replace(/:\s*$/, '').trim();
    if (isGenericItem(labelText)) {
      found.add(text, 'generic-item', path, line);
      return;
    }
    // `**Symptom**: What you observe` — the label stays, the sample after it is a placeholder.
    const rest = text
      .slice(text.indexOf(labelText) + labelText.length)
      .replace(/^\s*:?\s*/, '')
      .trim();
    if (rest && !markedTokens(rest).some((t) => t.text === rest)) found.add(rest, isSampleValue(rest) ? 'sample-value' : 'label-sample', path, line);
    return;
  }
  // (A plain label over a list of choices, `Status: proposed | rejected | accepted`: the choices are
  // the sample to replace, as after a bold label.)
  const choices = PLAIN_LABEL_CHOICES.exec(text);
  if (choices) {
    found.add(choices[1]!.trim(), 'label-sample', path, line);
    return;
  }
  const head = text.split(':')[0]!.trim();
  if (isGenericItem(text.trim()) || isGenericItem(head)) {
    found.add(text, 'generic-item', path, line);
    return;
  }
  // A value ("Your Name", "your.email@example.com"), not a sentence that happens to say "your", nor a
  // question ("Who are the backers of your team?": the author answers it).
  if (wordCount(text) <= SAMPLE_WORDS && !/\?["'”’)]*\s*$/.test(text) && isSampleValue(text)) {
    found.add(text, 'sample-value', path, line);
    return;
  }
  const setApart = SET_APART.exec(raw);
  const prompt = setApart ? foldText(setApart[2]!) : undefined;
  // A sentence left to finish, each line ending in an ellipsis (`The team decided to ...`, `because …`):
  // the template's blank, the whole of it.
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 0 && lines.every((l) => /(?:\.\.\.|…)$/.test(l) && /\p{L}{2}/u.test(l))) {
    found.add(text, 'instruction', path, line);
    return;
  }
  const all = sentences(text);
  // Guidance that describes what goes here rather than asking for it ("One to two paragraphs of
  // exposition to set the context.", "Which alternative was chosen."): a blank as a whole, left in
  // when a pattern keeps the unit exactly as the template writes it (see `isGuidance`).
  // (Not a lead-in to what follows, `The following attachments must be read before voting:` over the
  // list each pattern fills: kept, it introduces the author's own items.)
  if (!cell && all.length > 0 && !/:\s*$/.test(text) && isGuidance(all[0]!, path.at(-1)) && !isInstruction(all[0]!))
    found.add(text, 'instruction', path, line, { whole: true, guidance: true });
  for (const sentence of all) {
    if (!isInstruction(sentence)) continue;
    const folded = foldText(sentence);
    found.add(sentence, 'instruction', path, line, {
      // (Or a question written as a statement, `When will we remove the old way, if applicable.`: answered under it as one ending in `?` is.)
      label: /[:?]\s*$/.test(sentence) || (/\.\s*$/.test(sentence) && INTERROGATIVE.test(sentence.trim())),
      prompt: prompt !== undefined && folded !== '' && ` ${prompt} `.includes(` ${folded} `),
    });
  }
}

/** `Component 1`, `Test step 2`, `Description of parameter 1`, `PARAM_1`. */
export function isGenericItem(text: string): boolean {
  return /^(?:[\p{L}][\p{L}'-]*\s+){0,3}[\p{L}][\p{L}'-]*[\s_-]?\d+$/u.test(text) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_\d+$/.test(text);
}

// ---------------------------------------------------------------------------
// Instructions to the author, told apart from steps for the reader.

/** Verbs that only ever ask the author to write something ("Describe…", "Explain…", "List…"). */
const WRITING_VERBS = new Set(
  'answer clarify describe detail discuss document elaborate enumerate explain fill illustrate insert introduce justify list mention outline specify state summarise summarize write'.split(
    ' ',
  ),
);

/**
 * Verbs a template uses for the author and for the reader alike: "Provide an
 * overview" asks the author, "Enter a stack name" tells the reader. They are
 * instructions to the author only when what they ask for is writing (a
 * description, an example, a link, this section…) or is put "here".
 */
const OBJECT_VERBS = new Set(
  'add choose consider continue define delete give identify include keep link note provide put reference remove replace select show update use'.split(' '),
);

/** What an author writes — the object that makes an ambiguous verb an instruction to the author. */
const WRITING_NOUNS = new Set(
  (
    'above answer answers below bullet bullets citation citations comment comments content description descriptions details diagram diagrams example examples explanation explanations ' +
    'heading headings here image images information line lines link links list notes overview paragraph paragraphs picture placeholder placeholders pointer pointers question questions rationale ' +
    'reasons reference references section sections sentence sentences sources steps subheading subheadings subsection subsections summary table template text title url urls'
  ).split(' '),
);

/** A sentence in a question's words: `When will we …`, `How should it …`, `Will we …`, `Does it …`. */
export const INTERROGATIVE =
  /^(?:(?:who|what|when|where|why|which|how)\s+(?:will|would|should|shall|can|could|do|does|did|is|are|was|were|has|have|must|might|may)|(?:will|would|should|shall|can|could|do|does|did|is|are|has|have)\s+(?:we|you|it|they|there|i|users?))\b/i;

/**
 * A sentence that asks the author to write something: an imperative that asks
 * to write, describe, explain, list… ("Explain how it works."), an ambiguous
 * verb whose object is writing ("Provide an example here."), "Detailed
 * instructions for…", or a question. Steps for the reader ("Delete the
 * stack", "Note the outputs", "Enter a stack name") are not.
 */
export function isInstruction(sentence: string): boolean {
  const s = sentence.trim();
  if (isAuthorImperative(s) || OTHER_LANGUAGE_REQUEST.test(s)) return true;
  if (/^(detailed\s+)?instructions\s+(for|on)\b/i.test(s) && !s.endsWith(':')) return true;
  // (A question, with its mark or in its words alone: `When will we remove the old way, if applicable.`)
  return /\?\s*$/.test(s) || (/\.\s*$/.test(s) && INTERROGATIVE.test(s));
}

/**
 * A request to the author in another language, in the forms that can be nothing else: German's
 * polite imperative, its verb first and `Sie` after it (`Beschreiben Sie die Entscheidung.`,
 * `Bitte geben Sie … an`); French's, a verb in `-ez` first (`Décrivez la décision.`); a Chinese or
 * Japanese sentence opening with "please" (`请描述……`, `…てください。` closing it).
 */
const OTHER_LANGUAGE_REQUEST =
  /^[\s*_"“„'(]*(?:(?:[Bb]itte\s+\p{L}\p{Ll}+|\p{Lu}\p{Ll}+)en\s+Sie\b(?!\s+(?:sich|ist|sind|war|haben)\b)|(?:veuillez\s+)?\p{Lu}\p{Ll}+ez\s+(?:le|la|les|l['’]|un|une|des|ici|pourquoi|comment|quel|quelle|quels|quelles|en|chaque|tous|toutes)\b|请(?!求)|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}][^。！？\n]{0,80}[てで]ください[。．]?$)/u;

/** Verbs that say what not to write ("Do not include any reasoning here."); not "do not remove this section", which says to keep it. */
const NEGATED_VERBS = new Set('add describe discuss explain include list mention put repeat write'.split(' '));

/** An imperative addressed to the author (see `isInstruction`), questions aside. */
export function isAuthorImperative(sentence: string): boolean {
  // Only a sentence that starts with its verb is an imperative ("**Note**: …" is a label, "reference-level" an adjective).
  // (A note written as a code comment, `// Include any questions until…`, says it to the author too.)
  const first = /^[\s*_"“'(]*(?:\/\/\s*)?([\p{L}]+)(?=[\s:,.!?*_)]|$|'t\s)/u.exec(sentence);
  if (!first) return false;
  const words = foldCase(sentence).match(/[\p{L}]+(?:'[\p{L}]+)?/gu) ?? [];
  if (words[0] === 'please') words.shift();
  // "Do not include any reasoning here.": what not to write is said to the author too.
  if ((words[0] === 'do' && words[1] === 'not') || words[0] === "don't") {
    words.splice(0, words[0] === 'do' ? 2 : 1);
    return NEGATED_VERBS.has(words[0] ?? '') && (WRITING_VERBS.has(words[0]!) || words.slice(1).some((w) => WRITING_NOUNS.has(w)));
  }
  const [verb, next] = words;
  // A word alone (`State`, `List`: a table's label, a column's name, a field) names something; an
  // imperative says what to write (`State the problem`).
  if (!verb || next === undefined) return false;
  // "List of regions:", "Outline of the design" — a noun, not an imperative.
  if (WRITING_VERBS.has(verb)) return next !== 'of';
  // ("Make a list of the definitions": a piece of writing made; "Make all examples legal" is no writing.)
  if (verb === 'make') return /^make (?:a |an )?(?:short |brief )?(?:list|table|note|summary|outline|diagram)\b/.test(words.join(' '));
  if (!OBJECT_VERBS.has(verb) || (verb === 'note' && next === 'that')) return false;
  return words.slice(1).some((w) => WRITING_NOUNS.has(w));
}

/** Words that size or count what is written: `A short list of`, `One to two paragraphs of`, `Additional notes`. */
const GUIDANCE_MEASURE = String.raw`(?:a|an|the|one|two|three|four|five|few|some|any|short|shorter|brief|detailed|concise|high|level|high-level|additional|optional|general|quick|full|clear|complete|simple|more|longer|to|or|and|\d+)`;
/** What a template describes as to be written (`a description of…`, `one to two paragraphs that…`). */
const GUIDANCE_NOUN =
  '(?:description|descriptions|discussion|overview|summary|explanation|explanations|exposition|list|paragraph|paragraphs|sentence|sentences|notes|details|rationale|outline|url|urls|link|links|diagram|diagrams|justification|analysis|breakdown|narrative|statement|example|examples)';
const GUIDANCE = [
  // A noun of writing, sized, and what it is of: "Overview of how the enhancement will be implemented.",
  // "One to two sentences that describe the goal", "A short list of things which…".
  // (A noun of writing may size the next, "One paragraph explanation of…", "Short (one sentence) summary,
  // e.g., …", and an example may say what it is of.)
  new RegExp(
    String.raw`^(?:(?:${GUIDANCE_MEASURE}|${GUIDANCE_NOUN}) ){0,5}${GUIDANCE_NOUN} (?:of|on|about|for|that|which|describing|explaining|listing|covering|to|where|why|how|what|e g|i e|such as|for example|for instance)\b`,
  ),
  // …or sized, standing alone: "Additional notes."
  new RegExp(String.raw`^(?:${GUIDANCE_MEASURE} ){1,4}${GUIDANCE_NOUN}$`),
  // A thing, and a participle that says what it does: "A detailed design describing how…".
  /^(?:a|an) (?:[\p{L}-]+ ){0,2}[\p{L}-]+ (?:describing|explaining|listing|outlining|detailing|covering|showing|summari[sz]ing)\b/u,
  // What the author wants, as a noun phrase: "The problem you want to solve", "Anything that requires…".
  /^(?:the|any|all) (?:[\p{L}-]+ ){1,3}(?:you|we) (?:want|wish|need|plan|propose|intend|would|expect|are|have)\b/u,
  /^(?:anything|everything|something) (?:that|which|you|else)\b/,
  // The section or the title talked about: "The Summary section is important for…", "This is where…".
  /^(?:this|the) (?:[\p{L}-]+ ){0,3}(?:section|heading|field|part|title) (?:is|should|must|may|can|will|covers|describes|explains|lists|holds|contains)\b/u,
  /^this is (?:where|the (?:place|section|title|heading|part))\b/,
];

/**
 * A sentence of guidance that describes what the author writes instead of asking for it: a noun of
 * writing that says what goes here ("A short description of the proposed feature."), a clause of what
 * to say ("Which alternative was chosen.", "The problem you want to solve…"), or a sentence about the
 * section itself ("This is where…"). Not boilerplate a pattern keeps: a sentence about the document
 * at large ("The key words in this document are to be read as in RFC 2119.") is none of these, nor
 * one that says to keep something as it is.
 */
export function isGuidance(sentence: string, section?: string): boolean {
  const s = sentence.trim();
  if (/\b(?:do not|don't|never) (?:edit|change|modify|remove|delete|touch)\b|\bgenerated\b|\bautomatically\b/i.test(s)) return false;
  const words = foldCase(s).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?(?:-[\p{L}]+)*/gu) ?? [];
  if (words.length < 3) return false;
  const folded = words.join(' ');
  // (A clause of what to say, ended as a statement, "Which alternative was chosen.": a question is an instruction already.)
  if (/^(?:which|what|why|how|who|when|where)\b/.test(folded)) return /\.\s*$/.test(s) && words.length <= 16;
  if (GUIDANCE.some((g) => g.test(folded))) return true;
  // (What the section's own subject should be, "A good summary is at least a paragraph.", under `## Summary`.)
  const subject =
    section === undefined
      ? undefined
      : foldCase(section)
          .match(/\p{L}+/gu)
          ?.at(-1);
  if (!subject || subject.length < 4) return false;
  const noun = escapeRegExp(subject.replace(/s$/, ''));
  return new RegExp(
    `^(?:a|an|the|this|your|each|every)(?: [\\p{L}-]+){0,2} ${noun}s? (?:should|must|may|can|needs?|(?:is|are) (?:probably|usually|often|typically|ideally|generally|best|important|incredibly|very|especially|particularly|meant|expected|supposed))\\b`,
    'u',
  ).test(folded);
}

/** Units of up to this many words are values ("Your Name"); longer ones are sentences. */
const SAMPLE_WORDS = 8;

/** Values that only a template would contain: example domains, "your …", metasyntactic names. */
export function isSampleValue(text: string): boolean {
  return (
    /\bexample\.(?:com|org|net)\b/i.test(text) ||
    /(?:^|[\s@/[(])your[\s._-]/i.test(text) ||
    /\bdefault[-_ ]value\b/i.test(text) ||
    // (`../related-pattern-1/`: a small number on a name. A zero-padded or longer one, `pep-0009/`,
    // `rfc-2119/`, is a real document's number.)
    /(?:^|\/)[a-z]+(?:-[a-z]+)*-[1-9]\d?\//i.test(text) ||
    isSampleCommand(text)
  );
}

/**
 * A link target of the template with a blank in it: a number to fill in (`NNNN-filename.md`,
 * `XXXX`), or an ellipsis for the rest (`https://forums.example.org/...`, `blob/...commit-ID.../`).
 */
function isSampleUrl(url: string): boolean {
  return (
    /(?:^|[/_.#=-])(?:N{3,}|X{3,})(?=[/_.#-]|$)/.test(url) ||
    /(?:^|[^.])\.{3}(?!\.)/.test(url.replace(/^\.\.\//, '')) ||
    // (A word that asks to fill it in, `issues/FILL-ME-IN`, `pull/TODO`, or a number of zeros, `pull/0000`.)
    /(?:^|[/#=])(?:fill[-_]?me[-_]?in|todo|tbd|changeme|0{3,})(?=[/#?]|$)/i.test(url) ||
    // (Or an issue's or pull request's number with a leading zero, `pull/001`: no tracker numbers so.)
    /\/(?:issues|pull|pulls|merge_requests)\/0\d*(?=[/#?]|$)/.test(url) ||
    fillInTarget(url)
  );
}

/**
 * A link target that is words asking for one, no path nor address: `insert_your_link_here`,
 * `your-link-here`, `link_here`, `add-url`.
 */
export function fillInTarget(url: string): boolean {
  const words = url
    .trim()
    .toLowerCase()
    .split(/[-_ ]+/);
  return (
    /^[a-z]+(?:[-_ ][a-z]+){1,5}$/i.test(url.trim()) &&
    words.some((w) => w === 'link' || w === 'url') &&
    words.some((w) => w === 'here' || w === 'your' || w === 'insert' || w === 'add' || w === 'paste' || w === 'todo')
  );
}

function isSampleCommand(text: string): boolean {
  return /^command(?:\s|$)/.test(text) || /\s--option\b/.test(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<!\b(?:e\.g|i\.e|etc|vs))(?<=[.!?])\s+(?=[\p{Lu}\d[])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------
// Marked placeholders.

export interface MarkedToken {
  /** The token as written, delimiters included (`[Dependency name]`). */
  text: string;
  start: number;
  end: number;
}

/** Notes in brackets: `[Optional]`, `[optional until merging]`, `[if applicable]`, `[if necessary]`, `[required]`. */
const NOTE = new RegExp(
  String.raw`^\s*(?:(?:optional|required|recommended|if (?:applicable|needed|necessary|relevant|appropriate|any))\b[^\p{L}]*(?:\s+until\b.*)?|(?:${OPTIONAL_WORD_ELSEWHERE})\s*)$`,
  'iu',
);

/** Placeholders TODO-style: a word in capitals that says the text is not written yet. */
const TODO_WORDS = /(?<![\p{L}\p{N}_])(?:TODO|TBD|TBA|FIXME)(?![\p{L}\p{N}_])/gu;

/** Author verbs that make a parenthesised note a placeholder: `(fill me in with …)`. */
/**
 * A date's format written where the date goes (`Date: YYYY-MM-DD`, `created: yyyy-mm-dd`,
 * `MM/DD/YYYY`): a sample value, one case throughout. Inside a sentence (`dates are written
 * YYYY-MM-DD`) it names the format.
 */
// (Or its digits written as x's, `202x-xx-xx`, `20XX-XX-XX`, `xx.xx.xxxx`: the same blank.)
const DATE_MASK =
  /(?<![\p{L}\p{N}_])(?:YYYY(?:([-/.])MM(?:\1DD)?)?|yyyy(?:([-/.])mm(?:\2dd)?)?|(?:MM|DD)([-/.])(?:MM|DD)\3YYYY|(?:mm|dd)([-/.])(?:mm|dd)\4yyyy|(?:\d{1,3}[xX]{1,3}|[xX]{4})([-/.])[xX]{2}\5[xX]{2}|[xX]{2}([-/.])[xX]{2}\6(?:\d{1,3}[xX]{1,3}|[xX]{4}))(?![\p{L}\p{N}_])/gu;

/** Whether a token is a date's format (see `DATE_MASK`). */
export function isDateMask(token: string): boolean {
  return DATE_MASK_WHOLE.test(token);
}
const DATE_MASK_WHOLE = new RegExp(`^(?:${DATE_MASK.source})$`, 'u');

/**
 * A parenthesis with words in it, on one line (see `markedTokens`); or the full-width parentheses
 * of Chinese and Japanese text, `（填写今天的日期）`.
 */
const WHOLE_NOTE = /\((?=[^()\n]*\p{L})[^()\n]+\)|（(?=[^（）\n]*\p{L})[^（）\n]+）/gu;

/** A note in parentheses kept as it is (`leave this empty`), or an example, not a blank. */
const KEPT_NOTE = /^(?:leave (?:(?:this|it) )?(?:empty|blank)|(?:e\.\s?g|i\.\s?e)\.?|eg\b|for (?:example|instance)\b|such as\b|see\b)/i;

/** Three or more short alternatives, ` / ` or ` | ` between them (`Draft / In Review / Final`): the choices a table cell leaves to pick from. */
const CHOICE = String.raw`[\p{L}][\p{L}\p{N}'-]*(?: [\p{L}][\p{L}\p{N}'-]*){0,2}`;
const CHOICES = new RegExp(String.raw`^${CHOICE}(?: [/|] ${CHOICE}){2,}$`, 'u');

const NOTE_TO_AUTHOR = /\((?:please\s+)?(?:fill|insert|describe|explain|write|add|list|replace)\b[^()\n]*\)/giu;

/**
 * The marked placeholders of a text: `[…]`, `{…}`, `<<…>>`, `<…>` that is
 * not HTML (nor an autolink), `(fill me in …)`, TODO/TBD. `labels`: a token
 * inside a label that goes on with words of its own (`[Optional] Aggregation
 * method:`) is part of the label, not a placeholder. `code`: in sample code,
 * only tokens that read as a fill-in (`<<YOUR BUCKET>>`, `[stack name]`), not
 * arrays, objects or tags. `all`: every kind, as written (configuration).
 */
export function markedTokens(text: string, options: { labels?: boolean; code?: boolean; all?: boolean } = {}): MarkedToken[] {
  if (!/[[{<(（TFYyMDmdxX]/.test(text)) return [];
  const tokens: MarkedToken[] = [];
  const taken = (start: number, end: number) => tokens.some((t) => start < t.end && end > t.start);
  const push = (start: number, end: number): void => {
    if (!taken(start, end)) tokens.push({ text: text.slice(start, end), start, end });
  };
  for (const m of text.matchAll(/<<\s*[^<>\n]*?[^\s<>][^<>\n]*?\s*>>/g)) {
    const inner = m[0].slice(2, -2).trim();
    // `<<[/UNRESOLVED]>>` closes a marked passage: a marker, nothing to fill in.
    if (hasLetter(inner) && !/^\[?\//.test(inner) && (!options.code || fillIn(inner))) push(m.index, m.index + m[0].length);
  }
  for (const [open, close] of [
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    for (const t of balanced(text, open, close)) {
      const inner = text.slice(t.start + 1, t.end - 1);
      if (!hasLetter(inner) || taken(t.start, t.end)) continue;
      // A note on what stands next to it (`[Optional]`, `{if applicable}`), not something to fill in.
      if (NOTE.test(inner)) continue;
      if (open === '[') {
        // Task boxes, footnotes (`[^1]`), closing markers (`[/UNRESOLVED]`), escaped brackets, and a
        // GitHub alert's kind (`> [!NOTE]`, `> [!TIP]`).
        if (/^[ xX]$/.test(inner) || /^[\^/!]/.test(inner) || text[t.start - 1] === '\\') continue;
        // A table-of-contents directive (`[TOC]`, GitLab's `[[_TOC_]]`): kept for the renderer, nothing to fill in.
        if (isTocDirective(text.slice(t.start, t.end))) continue;
        // Link text followed by its destination or label, and that label (`[text][label]`).
        if (!options.all && (/^[([]/.test(text.slice(t.end)) || text[t.start - 1] === ']')) continue;
      } else if (/^[{%:#.]/.test(inner) || /[}%]$/.test(inner) || /["']\s*:|=/.test(inner)) {
        // Liquid (`{{ site.url }}`, `{% … %}`), attribute lists (`{:.note}`, `{#id}`), objects (`{"a": 1}`).
        // (But words in double braces, `{{Describe when the term applies.}}`, are a blank to fill in.)
        if (!proseInDoubleBraces(inner)) continue;
      }
      if (options.code && !fillIn(inner)) continue;
      push(t.start, t.end);
    }
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}<])<([^<>\s!/][^<>\n]*?[^<>\s])>(?!>)|(?<![\p{L}\p{N}<])<([^<>\s!/])>(?!>)/gu)) {
    const inner = m[1] ?? m[2]!;
    if (!hasLetter(inner) || isHtmlTag(inner) || /^[a-z][a-z0-9+.-]*:|^[^\s@]+@[^\s@]+$/i.test(inner)) continue;
    if (options.code && !fillIn(inner)) continue;
    push(m.index, m.index + m[0].length);
  }
  if (!options.code) {
    for (const m of text.matchAll(NOTE_TO_AUTHOR)) push(m.index, m.index + m[0].length);
    // TODO/TBD stands for missing content where it is the whole of a line, a value (`Review
    // due: TBD`, a table cell) or opens a note (`TODO: explain the rollback`); inside the
    // author's sentence (`the range is TBD for now`) it is their word for what is not decided.
    for (const m of text.matchAll(TODO_WORDS)) if (standsAlone(text, m.index, m.index + m[0].length)) push(m.index, m.index + m[0].length);
    if (/[YyMDmdxX]/.test(text)) for (const m of text.matchAll(DATE_MASK)) if (standsAlone(text, m.index, m.index + m[0].length)) push(m.index, m.index + m[0].length);
    // A note in parentheses that is all its line, cell or value (`(why it matters)`, `Supersedes:
    // (put "N/A" unless it replaces one)`): what to write there, not a word of the author's.
    if (text.includes('(') || text.includes('（')) {
      for (const m of text.matchAll(WHOLE_NOTE)) {
        const inner = m[0].slice(1, -1).trim();
        // (Not a note that is right kept as it is, `(leave this empty)`, an example, `(e.g. a new
        // annotation)`, nor a short value, `(2.x / 3.x)`.)
        // (Two words, in any script: `（填写目标版本）` is some three.)
        if (countWords(inner, 2) >= 2 && !NOTE.test(inner) && !KEPT_NOTE.test(inner) && standsAlone(text, m.index, m.index + m[0].length))
          push(m.index, m.index + m[0].length);
      }
    }
  }
  tokens.sort((a, b) => a.start - b.start);
  return options.labels ? tokens.filter((t) => !inLabel(text, t, tokens)) : tokens;
}

/**
 * Whether `{…}` inside braces holds words for the author rather than a template language's
 * expression: `{List of synonyms}`, `{Describe when the term applies, e.g. by region.}` — two
 * words or more, none of the marks of an expression (`{ site.url }`, `{ .Title }`, `{ partial "x" }`,
 * `{< figure … >}`, `{ x | upcase }`).
 */
function proseInDoubleBraces(inner: string): boolean {
  const words = /^\{([^{}]*)\}$/.exec(inner)?.[1]?.trim();
  if (!words || countWords(words, 2) < 2) return false;
  const plain = words.replace(/\b(?:e\.\s?g|i\.\s?e|etc|vs)\.?/gi, '');
  return !/^[<>%#/!.$&^-]|[<>]$|\||["=]|\w\(|(?:^|\s)\.\w|\w\.\w/.test(plain);
}

/** Whether the word at `[start, end)` is all its line, cell or value holds, or opens a note (`TODO: …`). */
export function standsAlone(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, newline < 0 ? text.length : newline);
  // (After a full-width colon too, `开始日期：（…）`: a value, as after `:`.)
  const opens = /^[\s>*_~`#|.,;()[\]\-+]*(?:\d+[.)]\s*)?[\s>*_~`([]*$/.test(before) || /[:：|][\s*_`]*$/.test(before);
  return opens && /^[\s*_`.!。)）\]]*(?:$|\||[:\-–—]\s)/.test(after);
}

/** Outermost `open…close` pairs of a text (a `{force}` inside `{justification … {force} …}` is part of it). */
function balanced(text: string, open: string, close: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = text.indexOf(open); i >= 0 && i < text.length; i++) {
    const c = text[i];
    if (c === '\n') depth = 0;
    else if (c === open) {
      if (depth++ === 0) start = i;
    } else if (c === close && depth > 0 && --depth === 0) out.push({ start, end: i + 1 });
  }
  return out;
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** In sample code, a token that reads as a fill-in: two words or more, or "your …". */
function fillIn(inner: string): boolean {
  const s = inner.trim();
  // (Or a handle's blank with what goes there, `<@author: one person who drives this proposal>`.)
  return /your/i.test(s) || /^[\p{L}\p{N}'’-]+(?:[ \t]+[\p{L}\p{N}'’-]+)+$/u.test(s) || /^@[\p{L}\p{N}_-]+:[ \t]+[\p{L}\p{N}'’-]+(?:[ \t]+[\p{L}\p{N}'’,.-]+)+$/u.test(s);
}

/** A token in the label part (before its colon) of a label that has words of its own: `[Optional] Aggregation method:`. */
function inLabel(text: string, token: MarkedToken, tokens: readonly MarkedToken[]): boolean {
  let colon = -1;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    if (!tokens.some((t) => i >= t.start && i < t.end)) {
      colon = i;
      break;
    }
  }
  if (colon < 0 || token.start > colon) return false;
  let words = text.slice(0, colon);
  for (const t of tokens) if (t.end <= colon) words = words.replace(t.text, ' ');
  return /\p{L}/u.test(words);
}

/** The expression a marked token is found by: delimiters as written, words in any case and spacing, numbers renumbered. */
function exactPattern(token: string): RegExp {
  if (/^(?:TODO|TBD|TBA|FIXME)$/.test(token)) return new RegExp(`(?<![\\p{L}\\p{N}_])${token}(?![\\p{L}\\p{N}_])`, 'u');
  if (isDateMask(token)) return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(token)}(?![\\p{L}\\p{N}_])`, 'iu');
  const open = /^(?:<<|\[|\{|<|\(|（)/.exec(token)?.[0] ?? '';
  const close = /(?:>>|\]|\}|>|\)|）)$/.exec(token)?.[0] ?? '';
  const inner = token.slice(open.length, token.length - close.length).trim();
  const words = inner
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/\d+/g, '\\d+'))
    .join('\\s+');
  // (`[Alternatives Considered][#alternatives]`, a reference link's text — its label unresolved, the
  // text shown as written — is the author's link, not the placeholder.)
  const notLink = open === '[' ? '(?!\\[)' : '';
  return new RegExp(`${escapeRegExp(open)}\\s*${words}\\s*${escapeRegExp(close)}${notLink}`, 'iu');
}

// ---------------------------------------------------------------------------
// Building placeholders.

interface PlaceholderExtra {
  code?: boolean;
  label?: boolean;
  whole?: boolean;
  prompt?: boolean;
  guidance?: boolean;
  /** Numbers as written, not renumbered (a sample link's `pull/0000`). */
  literal?: boolean;
}

function makePlaceholder(text: string, kind: PlaceholderKind, sectionPath: string[], line: number, extra: PlaceholderExtra = {}): TemplateText {
  const folded = foldText(text);
  // Numbers are renumbered (`Step 1` is `Step 2` written again), but in a short value whose number is
  // what it says (`3 Days.`, `2 Weeks`), another number is the author's own value, not the template's.
  const valued = kind !== 'generic-item' && /\d/.test(folded) && folded.split(' ').filter((w) => !/^\d+$/.test(w)).length <= 2;
  const source = valued || extra.literal ? escapeRegExp(folded) : escapeRegExp(folded).replace(/\d+/g, '\\d+');
  // A one- or two-word instruction ("Explain why:") or numbered item (`p1`, `Component 1`) is only a
  // leftover when it is all the text says; inside a sentence, or an identifier (`bls_p1_sum`), the
  // same words are the author's own.
  const whole = extra.whole === true || ((kind === 'instruction' || kind === 'label-sample' || kind === 'generic-item') && folded.split(' ').length < 3);
  // A lead-in that breaks off into a list (`Explain how to` over `- spot a failure`) is left over
  // only where it starts the text: inside a sentence (`…a page that will explain how to turn it
  // off`) the words are the author's.
  const leadIn = !whole && kind === 'instruction' && !/[.!?:;)\]]["'”’]?$/.test(text.trim()) && folded.split(' ').length <= 6;
  const pattern = whole ? new RegExp(`^${source}$`, 'u') : leadIn ? new RegExp(`^${source}(?= |$)`, 'u') : new RegExp(`(?:^| )${source}(?= |$)`, 'u');
  return {
    text: text.trim(),
    kind,
    folded,
    pattern,
    sectionPath,
    line,
    ...(extra.code ? { code: true } : {}),
    ...(extra.label ? { label: true } : {}),
    ...(extra.prompt ? { prompt: true } : {}),
    ...(extra.guidance ? { guidance: true } : {}),
  };
}

function makeMarked(token: string, kind: PlaceholderKind, sectionPath: string[], line: number, code: boolean): TemplateText {
  return { ...makePlaceholder(token, kind, sectionPath, line), exact: exactPattern(token), ...(code ? { code: true } : {}) };
}

/** Folded words that answer "nothing here" (`none at this time`, `n a`, `not applicable`, `none yet`). */
const NIL_ANSWER =
  /^(?:none|nothing|n a|na|not applicable|no(?: \w+)?)(?: (?:at this time|at the moment|yet|so far|for now|currently|known|needed|required|applicable))?$/;

class PlaceholderSet {
  readonly list: TemplateText[] = [];
  private readonly seen = new Map<string, TemplateText>();

  /** Labels of the template's reference-link definitions (`[kubernetes/website]: https://…`), folded: in a comment, `[kubernetes/website]` is a link. */
  constructor(readonly referenceLabels: ReadonlySet<string> = new Set()) {}

  add(text: string, kind: PlaceholderKind, path: string[], line: number, extra: PlaceholderExtra = {}): void {
    this.push(makePlaceholder(text, kind, path, line, extra), path);
  }

  addMarked(token: string, path: string[], line: number, code: boolean): void {
    // (A marked answer that says there is nothing, `(none at this time)`, `[N/A]`: the template's own
    // answer for a pattern with nothing to say there, kept where that is so — no blank.)
    if (NIL_ANSWER.test(foldText(token))) return;
    this.push(makeMarked(token, 'bracketed', path, line, code), path);
  }

  private push(placeholder: TemplateText, path: string[]): void {
    if (!placeholder.folded) return;
    const key = `${path.join('\u0000')}\u0001${placeholder.exact ? 'marked ' : ''}${placeholder.folded}`;
    const seen = this.seen.get(key);
    if (seen) {
      // The same token in prose and in sample code is looked for in both.
      if (placeholder.code && !seen.code) seen.code = true;
      return;
    }
    this.seen.set(key, placeholder);
    this.list.push(placeholder);
  }

  /** Records each marked placeholder of a text (all but `[…]` also from the Markdown as written: HTML-like text, `<team name>`, is not in the plain text). */
  marked(text: string, raw: string, path: string[], line: number, options: { labels?: boolean }): void {
    // (In a code span, `#![feature(nll)]`, brackets are code: only a fill-in token there, `[YOUR NAME]`, is a blank.)
    const spans = raw.includes('`') ? [...raw.matchAll(/(`+)([^`]+)\1/g)].map((m) => m[2]!) : [];
    const inCode = (token: string) =>
      spans.some((span) => span.includes(token)) && !spans.some((span) => markedTokens(span, { code: true }).some((t) => t.text === token));
    const tokens = markedTokens(text, options).filter((t) => !inCode(t.text));
    for (const t of tokens) this.addMarked(t.text, path, line, false);
    if (raw.includes('<')) {
      const plain = raw.replace(/`+[^`]*`+/g, (m) => ' '.repeat(m.length));
      for (const t of markedTokens(plain, options)) if (!t.text.startsWith('[')) this.addMarked(t.text, path, line, false);
    }
  }
}

// ---------------------------------------------------------------------------
// Matching.

/** What foldText keeps as word characters, and what it turns into a space. */
const WORD = '[\\p{L}\\p{N}]';
const SEPARATOR = '[^\\p{L}\\p{N}]';

/**
 * Finds placeholders in text quickly: each placeholder is tried only when the
 * text contains its most distinctive word, so a pattern's hundreds of
 * paragraphs do not each run every placeholder's expression.
 */
export class PlaceholderMatcher {
  private readonly byWord = new Map<string, TemplateText[]>();
  private readonly always: TemplateText[] = [];
  private readonly unanchored = new Map<Placeholder, RegExp>();
  private readonly words = new Map<Placeholder, string[]>();
  private vocabularyWords: Set<string> | undefined;
  private vocabularyRegExp: RegExp | undefined;

  constructor(placeholders: readonly Placeholder[]) {
    // Each placeholder is filed under its rarest word among all placeholders, so that
    // words every pattern has ("pattern", "security") do not wake many of them up.
    const frequency = new Map<string, number>();
    for (const p of placeholders) for (const w of new Set(p.folded.split(' '))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    for (const p of placeholders as readonly TemplateText[]) {
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
    const present = new Set(lowered.match(this.vocabularyPattern()));
    const hasWords = (p: TemplateText) => this.wordsOf(p).every((w) => present.has(w));
    const candidates = this.always.filter(hasWords);
    for (const word of present) for (const p of this.byWord.get(word) ?? []) if (hasWords(p)) candidates.push(p);
    // (A token is found in the plain text, its code marks gone: `(pick a name, \`my_feature\`)` in the source.)
    let unmarked: string | undefined;
    const exactIn = (exact: RegExp) => exact.test(text) || (text.includes('`') && exact.test((unmarked ??= text.replace(/`/g, ''))));
    const kept = candidates.filter((p) => (p.exact ? exactIn(p.exact) : this.inText(p).test(lowered)));
    return kept.length ? new PlaceholderMatcher(kept) : EMPTY_MATCHER;
  }

  /**
   * Every word of every placeholder as a whole word, longest first. Without
   * the `u` flag and with ASCII boundaries: measured three to five times
   * faster on long files than Unicode classes in the lookarounds, and it
   * never misses a word — its boundaries are weaker, so it may only find a
   * word inside a longer one of another script, which the phrase test then
   * rules out.
   */
  private vocabularyPattern(): RegExp {
    if (!this.vocabularyRegExp) {
      const alternatives = [...this.vocabulary()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
      this.vocabularyRegExp = alternatives.length ? new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g') : /(?!)/g;
    }
    return this.vocabularyRegExp;
  }

  /** Every word of every placeholder, numbers aside. */
  private vocabulary(): Set<string> {
    if (!this.vocabularyWords) {
      this.vocabularyWords = new Set();
      for (const list of [this.always, ...this.byWord.values()]) for (const p of list) for (const w of this.wordsOf(p)) this.vocabularyWords.add(w);
    }
    return this.vocabularyWords;
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

  /**
   * Whether a text may hold one of the placeholders: it contains an anchor
   * word (as a substring — a quick test before folding the text).
   */
  private mayHold(text: string): boolean {
    if (this.always.length > 0) return true;
    const lowered = foldCase(text);
    for (const word of this.byWord.keys()) if (lowered.includes(word)) return true;
    return false;
  }

  /**
   * Where in `text` (the text this matcher was narrowed to) its placeholders
   * may stand: the offsets of every whole-word occurrence of their anchor
   * words, sorted. A paragraph whose span holds none of them holds none of
   * the placeholders, so most of a long pattern is passed over without
   * folding its text. Undefined when offsets in the lower-cased text are not
   * those of the text, when NFKC would change the text, or when a placeholder
   * has no anchor word: then every paragraph is looked at.
   */
  hotspots(text: string): number[] | undefined {
    if (this.always.length > 0) return undefined;
    // Lower case keeps every offset unless a character grows (`İ`); beyond ASCII, a text NFKC would
    // change (ligatures, full-width letters) may hold a word only its folded form shows.
    const lowered = text.toLowerCase();
    if (lowered.length !== text.length || (NON_ASCII.test(text) && text.normalize('NFKC') !== text)) return undefined;
    const out: number[] = [];
    for (const word of this.byWord.keys()) {
      for (let i = lowered.indexOf(word); i >= 0; i = lowered.indexOf(word, i + 1)) {
        if (!isWordChar(lowered, i - 1) && !isWordChar(lowered, i + word.length)) out.push(i);
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** True when there is nothing to look for (a finished pattern, after `narrowTo`). */
  get isEmpty(): boolean {
    return this.byWord.size === 0 && this.always.length === 0;
  }

  /**
   * Placeholders found in the text, one per shape: `Prerequisite 1`, `2` and
   * `3` all match "Prerequisite 2", which is reported once, as itself. A
   * marked placeholder is found only as its token (`[Optional]`, not the word
   * "optional"); `raw`, the same text as written in Markdown, is where a
   * `<…>` token is looked for (HTML-like text is not part of the plain text).
   */
  find(text: string, raw?: string): TemplateText[] {
    if (this.isEmpty) return [];
    // Most paragraphs of a pattern hold none of the (few) placeholders its text woke up.
    const withRaw = raw !== undefined && raw.includes('<');
    if (!this.mayHold(text) && !(withRaw && this.mayHold(raw))) return [];
    const folded = foldText(text);
    if (!folded && !raw?.includes('<')) return [];
    const byShape = new Map<string, TemplateText>();
    const consider = (p: TemplateText): void => {
      if (p.exact) {
        // `[…]` only in the plain text, where a link has lost its brackets; the others also as written.
        if (!p.exact.test(text) && (p.text.startsWith('[') || raw === undefined || !p.exact.test(raw))) return;
      } else if (!p.pattern.test(folded)) return;
      const key = (p.exact ?? p.pattern).source;
      const current = byShape.get(key);
      if (!current || (!folded.includes(current.folded) && folded.includes(p.folded))) byShape.set(key, p);
    };
    this.always.forEach(consider);
    // HTML-like text (`<team name>`) is only in the Markdown as written: its words wake placeholders too.
    const words = withRaw ? new Set(`${folded} ${foldText(raw)}`.split(' ')) : folded.split(' ');
    for (const word of words) this.byWord.get(word)?.forEach(consider);
    if (byShape.size === 0) return [];
    // "OPTION_1" inside "Description of option 1" is part of the longer leftover, not one of its own.
    const hits = [...byShape.values()];
    const shape = (p: Placeholder) => p.folded.replace(/\d+/g, '#');
    return hits.filter((p) => !hits.some((q) => q !== p && !q.exact === !p.exact && shape(q).length > shape(p).length && shape(q).includes(shape(p))));
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
}

const EMPTY_MATCHER = new PlaceholderMatcher([]);

function isWordChar(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // A surrogate pair's halves are read as the whole character.
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at >= 1 && c >= 0xdc00 && c <= 0xdfff ? at - 1 : at)!));
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const NON_ASCII = /[^\x00-\x7f]/;

/** Some offset of the sorted list lies in `[start, end]`. */
export function anyWithin(sorted: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= end;
}

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

/** Placeholders of a template found in a pattern's text (folded comparison, so re-wrapping does not hide them; marked ones as their token). */
export function findPlaceholders(placeholders: readonly Placeholder[], text: string): Placeholder[] {
  return placeholderMatcher(placeholders).find(text);
}
