import { leadBlock, TASK_ITEM_OPENING } from '../markdown/document.js';
import { plainRange, type Range } from '../markdown/lines.js';
import { headingSlug } from '../markdown/slug.js';
import type { Block, MarkdownDocument, Section } from '../markdown/types.js';
import { flattenSections } from './walk.js';
import { fromTemplate } from './lookup.js';
import { escapeRegExp, foldText } from './normalize.js';
import {
  anyWithin,
  isAuthorImperative,
  isDiagram,
  isDateMask,
  eventField,
  roleField,
  isSampleValue,
  markedTokens,
  placeholderMatcher,
  SET_APART,
  standsAlone,
  type TemplateText,
} from './placeholders.js';
import type { Placeholder, PlaceholderKind, TemplateSchema } from './types.js';

/** A unit written wholly in emphasis: `_Why are we doing this?_`, `*Explain the change.*`. */
const EMPHASIZED = /^\s*(\*\*?|__?)(?!\s)[^*_]+(?<!\s)\1\s*$/;

/** A unit labelled as the question of a question-and-answer pair: `**Q:** Why this way?`, `Question: …`. */
const QUESTION_LABEL = /^\s*(?:\*\*|__|\*|_)?(?:q|question)(?:\*\*|__|\*|_)?\s*:(?:\*\*|__|\*|_)?\s/i;

/** Kinds of template text a catalog may keep as boilerplate (see `learnBoilerplate`). */
const LEARNED = new Set<PlaceholderKind | undefined>(['instruction', 'label-sample']);
/** …and the kinds counted where patterns keep them, to learn from: those, and bracketed text nearly all keep (see `NEARLY_ALL`). */
const LEARNABLE = new Set<PlaceholderKind | undefined>([...LEARNED, 'bracketed']);

/** A range as plain data (it crosses thread boundaries with what a catalog rule collects). */
export interface PlainRange {
  start: { line: number; column: number; offset: number };
  end: { line: number; column: number; offset: number };
}

/** Template text left in a pattern. */
export interface Leftover {
  /** Index of the template placeholder it is (in `template.placeholders`), or -1 (a bracketed instruction the template does not have). */
  id: number;
  /** Where, for the message: `` `## Overview` ``, `a heading`, `the introduction`. */
  where: string;
  /** What is shown: `“Describe the problem.”`, or the pattern's text `(like the template's “…”)`. */
  shown: string;
  range: PlainRange;
  /** A sample link target (`https://example.com`) rather than text. */
  link?: boolean;
  /** The paragraph, list item or table cell it was found in (a number per pattern): several in one are one report. */
  block?: number;
  /** Said as a warning, for this reason (a front matter key the template makes optional, a blank filled in at a later stage). */
  warning?: string;
  /**
   * A TODO/TBD marker inside the author's own sentence (`the exact count is TBD`): their open item,
   * not a blank of the template's left standing (`Effort: TBD`, a section of `TBD` alone).
   */
  openItem?: 'sentence' | 'item';
  /** A blank the template says the catalog's process fills in (`(number -- assigned by the editor)`): kept until then, a warning. */
  byProcess?: boolean;
  /** The template's `TBD` for a role (`| Review Manager | TBD |`, see `roleField`): someone not chosen yet, a warning. */
  undecided?: boolean;
  /** In the copy of the blank template a document of the catalog shows from this line (see `quotedTemplate`): said as a warning that says so. */
  quoted?: number;
  /** A marked placeholder kept whole as the heading of the author's own text (`### [Known Uses]`): a warning unless the catalog writes that heading without its marks. */
  wholeHeading?: boolean;
  /** The pattern's line it stands on, kept where the rule quotes the line (text of a section the template says to remove). */
  lineText?: string;
}

/** What one pattern holds of its template. */
export interface TemplateTextFound {
  leftovers: Leftover[];
  /** Instructions, unmarked label values and bracketed text of the template the pattern contains anywhere (filled in or not): what boilerplate is learned from. */
  present: number[];
  /** Placeholders of the template kept as a heading (`### [Known Uses]`): the catalog's way to write that heading when most keep it. */
  headings?: number[];
  /** …and those written as a heading without their marks (`### Known Uses`): the patterns that have the heading and chose otherwise. */
  unmarkedHeadings?: number[];
}

/**
 * Finds the template text a pattern still holds: marked placeholders (only
 * those the template has, and only as their token), instructions to the
 * author that are not filled in, the template's sample values, and a
 * bracketed instruction of its own (`[Insert Date]`). Never inside code
 * blocks unless the template's sample code has the text there; never a
 * template label or question the author answers after it on the same line
 * or list item; never fields under an unticked task-list box (an option not
 * chosen); never a template question kept as a lead-in to the author's own
 * text.
 */
export function templateTextIn(template: TemplateSchema, doc: MarkdownDocument): TemplateTextFound {
  // Remembered per parsed document: the language server lints one edited file against a catalog
  // held in memory, and the placeholder rule collects from every pattern on each run — the
  // unchanged ones keep their document objects, so only the edited one is scanned again.
  let byDoc = scans.get(template);
  if (!byDoc) {
    byDoc = new WeakMap();
    scans.set(template, byDoc);
  }
  let found = byDoc.get(doc);
  if (!found) {
    found = new Scan(template, doc).run();
    byDoc.set(doc, found);
  }
  return found;
}

const scans = new WeakMap<TemplateSchema, WeakMap<MarkdownDocument, TemplateTextFound>>();

interface Context {
  where: string;
  /** Under a task-list box left unticked (`- [ ] Other`): a form option not chosen. */
  unticked: boolean;
  /** Whether the author's own content follows the unit (for a kept question). */
  followed: () => boolean;
  /** The unit is a list item with blocks of its own after its first paragraph (an answer). */
  answered: boolean;
  /** The unit is a list item (a label there is a form's field). */
  item?: boolean;
  /** Inside a list item (a form's nested fields: a question there is never a lead-in). */
  nested?: boolean;
  /** An item of a list of the template's questions that the author answers after the list (see `blocks`). */
  answeredList?: boolean;
  /** …answered in the author's text after the whole list (not in its last item): every item is its lead-in. */
  answeredAfterList?: boolean;
  /** Whether the author's own text comes right after the unit (in its container, or after it): never sections alone. */
  authorNext?: () => boolean;
  /** Whether an answer of the author's comes right after the unit, before the next prompt or heading (see `isAnswer`). */
  answerNext?: () => boolean;
  /** The marker a section is named for (`## TODO`): that word in it is its content, not one left in. */
  ownMarker?: string;
  /** Inside a quote of the template's guidance that the author answers right after it (see `blocks`). */
  quotedLeadIn?: boolean;
  /** In a section of the pattern (not before its first one). */
  inSection?: boolean;
  /** The heading of the pattern's section, folded (see `foldText`). */
  section?: string;
  /** A table cell: whether the other cells of its row hold text of the author's (some text, none of it the template's). */
  rowOwn?: () => boolean;
  /** In a table cell after the row's first: that first cell, the row's label (`Review Manager`). */
  rowLabel?: string;
  /** An item of the template's own list shown under the author's lead-in in a section of theirs (see `blocks`). */
  shownList?: true;
  /** Whether the section has a sub-section of the author's own (not named as one of the template's), with text of theirs. */
  ownChildren?: () => boolean;
  /** Whether the section has a sub-section, the template's or the author's, that holds text of the author's. */
  filledChildren?: () => boolean;
  /** The last of the section's own text, over its sub-sections that hold the author's text (see `blocks`). */
  aboveParts?: true;
  /** In the template's guidance kept as the template quotes it, over the author's answer (see `blocks`). */
  keptOver?: true;
  /** The section is under one of the template's (`## Goals` › `### First quarter`). */
  underTemplate?: true;
}

class Scan {
  private diagrams: Set<string> | undefined;
  private readonly matcher;
  private readonly ids: Map<Placeholder, number>;
  private readonly leftovers: Leftover[] = [];
  /** Each heading's anchor and its folded text (see `isContentsEntry`), made when first needed. */
  private headingIds: Map<string, string> | undefined;
  /** See `TemplateTextFound.headings`. */
  private readonly headingsKept = new Set<number>();
  private readonly headingsUnmarked = new Set<number>();
  private readonly markedHeadings: Map<string, number>;
  /** Units read so far (see `Leftover.block`). */
  private unitCount = 0;
  private readonly present = new Set<number>();
  private readonly templateText: string;
  /** Offsets where the pattern's candidate placeholders may stand (see `PlaceholderMatcher.hotspots`); undefined: anywhere. */
  private readonly hot: number[] | undefined;
  /** The template keeps the summary in a blockquote under the title. */
  private readonly summaryInQuote: boolean;
  /**
   * The marked placeholders of the template's title heading (`# [Title]`): looked for where a title
   * goes, before the first section and in headings — in a section's text, `[Title]` is the author
   * showing a format (`headed like **[STATUS] RFC #[number]: [Title]**`).
   */
  private readonly titleTokens: ReadonlySet<Placeholder>;

  constructor(
    private readonly template: TemplateSchema,
    private readonly doc: MarkdownDocument,
  ) {
    this.matcher = placeholderMatcher(template.placeholders).narrowTo(doc.source);
    this.hot = this.matcher.isEmpty ? [] : this.matcher.hotspots(doc.source);
    this.ids = idsOf(template.placeholders);
    this.templateText = foldedTemplate(template);
    this.summaryInQuote = template.summary.from === 'blockquote';
    const title = template.title;
    this.titleTokens = new Set(
      // (Not a blank in angle brackets, `# <<Service name>> runbook`: the name of what the pattern is
      // about, a blank wherever it is kept — no format shown in a sentence.)
      title.from === 'heading'
        ? template.placeholders.filter((p) => p.sectionPath.length === 0 && (p as TemplateText).exact && !p.text.startsWith('<') && title.sample.includes(p.text))
        : [],
    );
    this.markedHeadings = markedHeadingsOf(template);
    this.allSectionNames = new Set(flattenSections(template.sections).map((t) => foldText(t.name)));
    this.sectionNames = new Set(
      flattenSections(template.sections)
        .filter((t) => t.name === t.heading)
        .map((t) => foldText(t.heading)),
    );
  }

  /** Every section name of the template, folded. */
  private readonly allSectionNames: Set<string>;

  /** Whether the quote at `range` holds a heading (`> ## Prior art`) named as a section of the template. */
  private quotesTemplateHeading(range: Range): boolean {
    const text = this.doc.source.slice(range.start.offset, range.end.offset);
    for (const m of text.matchAll(/^[ \t]*(?:>[ \t]?)+#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) if (this.allSectionNames.has(foldText(m[1]!))) return true;
    return false;
  }

  /** The template's section headings with nothing to fill in (`## TODO`), folded: a heading that is one is never text left in. */
  private readonly sectionNames: Set<string>;

  run(): TemplateTextFound {
    const doc = this.doc;
    // Most patterns hold none of their template's text and no bracketed instruction of their own:
    // nothing to walk (a quick look at the bracketed tokens of the whole text decides the latter).
    // The template's marked headings this pattern writes without their marks (see `learnBoilerplate`).
    if (this.markedHeadings.size > 0) {
      for (const h of doc.headings) {
        const unmarked = /^\s*[[{<(]/.test(h.text) ? undefined : this.markedHeadings.get(foldText(h.text));
        if (unmarked !== undefined) this.headingsUnmarked.add(unmarked);
      }
    }
    const diagrams = this.template.document.codeBlocks.some((c) => isDiagram(c.lang)) && doc.codeBlocks.some((c) => isDiagram(c.lang));
    if (this.matcher.isEmpty && !diagrams && !mayHoldBracketedInstruction(doc.source)) return { leftovers: [], present: [], ...this.unmarked() };
    // The summary blockquote under the title is the summary rule's to judge (where the template keeps it there).
    const lead = leadBlock(doc);
    const summary = this.summaryInQuote && lead?.kind === 'blockquote' ? lead : undefined;
    const top: Context = { where: 'the introduction', unticked: false, followed: () => doc.sections.length > 0, answered: false };
    this.blocks(
      doc.preamble.filter((b) => b !== summary),
      top,
    );
    const visitSection = (section: Section, underTemplate = false): void => {
      const where = `\`${'#'.repeat(section.level)} ${section.title}\``;
      // In a heading only marked placeholders count: `Step 1: Configure the Gateway` is filled in.
      this.headingUnit(section);
      const marker = /^(?:todo|tbd|tba|fixme)s?$/i.exec(section.title.trim().replace(/[:.]$/, ''))?.[0].toLowerCase().replace(/s$/, '');
      const folded = foldText(section.title);
      this.blocks(section.blocks, {
        where,
        unticked: false,
        followed: () => section.children.length > 0,
        ownChildren: () => section.children.some((c) => !this.allSectionNames.has(foldText(c.title)) && c.blocks.some((b) => this.isAuthorBlock(b))),
        // (Text of the author's, whatever words of the template's it opens with: `As a user, I would like
        // to debug …` under the template's `As a user, I would like to understand the drift.`)
        filledChildren: () => section.children.some((c) => c.blocks.some((b) => holdsText(b, (folded) => !this.templateText.includes(` ${folded} `)))),
        answered: false,
        inSection: true,
        section: folded,
        ...(underTemplate ? { underTemplate: true as const } : {}),
        ...(marker ? { ownMarker: marker } : {}),
      });
      for (const child of section.children) visitSection(child, underTemplate || this.allSectionNames.has(folded));
    };
    for (const section of doc.sections) visitSection(section);
    if (!this.matcher.isEmpty) {
      for (const link of doc.links) {
        // A bare URL or e-mail is its own text, already judged.
        if (link.kind === 'autolink') continue;
        const p = this.matcher.find(link.url).find((h) => h.kind === 'sample-value');
        // (Under a box left unticked, `- [ ] [User stories](insert_your_link_here) reviewed`: an item not
        // done, whose link may well be still to come. A warning that says so.)
        const unticked = p !== undefined && doc.taskItems.some((t) => !t.checked && within(link.range, t.range));
        if (p)
          this.leftovers.push({
            id: this.ids.get(p) ?? -1,
            where: '',
            shown: quote(link.url),
            range: plainRange(link.range),
            link: true,
            ...(unticked ? { warning: 'in an item whose box is left unticked, not done yet' } : {}),
          });
      }
    }
    const quoted = this.quotedTemplate();
    if (quoted) {
      for (const [k, left] of this.leftovers.entries()) {
        if (left.warning || left.openItem || left.range.start.offset < quoted.start || left.range.start.offset > quoted.end) continue;
        this.leftovers[k] = { ...left, warning: 'in a copy of the blank template', quoted: quoted.line };
      }
    }
    return {
      leftovers: this.leftovers,
      present: [...this.present].sort((a, b) => a - b),
      ...(this.headingsKept.size > 0 ? { headings: [...this.headingsKept].sort((a, b) => a - b) } : {}),
      ...this.unmarked(),
    };
  }

  private blocks(blocks: readonly Block[], outer: Context): void {
    blocks.forEach((block, i) => {
      // (Past more of the template's own text kept with it, `Think about these:` over its list of
      // questions: the author's answer after the whole run follows it too.)
      const followed = i + 1 < blocks.length ? () => this.authorAfterTemplateRun(blocks, i + 1) : outer.followed;
      // Strictly the author's own text next, in this container or after it (not merely sections that
      // follow; a comment between, which no reader sees, aside).
      const shown = blocks.findIndex((b, j) => j > i && !(b.kind === 'html' && isComment(b.html)));
      const authorNext = shown >= 0 ? () => this.isAuthorBlock(blocks[shown]!) : (outer.authorNext ?? (() => false));
      const answerNext = shown >= 0 ? () => this.isAnswer(blocks[shown]!) : (outer.answerNext ?? (() => false));
      const ctx: Context = { ...outer, followed, authorNext, answerNext, answered: false };
      switch (block.kind) {
        case 'paragraph': {
          // An instruction over a list of the template's items or questions that the author answers one
          // by one under each (`* Tooltips` / `  * N/A.`): the form kept and filled in, a lead-in.
          const next = blocks[i + 1];
          const form = /:\s*$/.test(block.text) && next?.kind === 'list' && this.answeredUnder(next);
          // (The last of the section's own text, kept over sub-sections that hold the author's — `Add a list
          // of detailed use cases…` over `#### Use case 1: …`, written —: the section is written; the
          // guidance over it is still to remove, a warning.)
          const aboveParts = !form && shown < 0 && outer.inSection === true && outer.filledChildren?.() === true;
          this.unit(block.text, block.raw, block.range, form ? { ...ctx, quotedLeadIn: true } : aboveParts ? { ...ctx, aboveParts: true } : ctx);
          break;
        }
        case 'blockquote': {
          // (A quote that holds a heading of the template, `> ## Prior art` over its guidance: the
          // template quoted — by a document that proposes a change to it or discusses it — not its text
          // left in.)
          if (this.quotesTemplateHeading(block.range)) break;
          // The template's guidance quoted, paragraph after paragraph, and answered in the author's own
          // text right after the quote: set apart as a quote, every paragraph of it is a lead-in to that
          // answer, as an instruction kept in emphasis is (not only its last question).
          // (Or under sub-sections of the author's right after it, `### General changes`, the quote the
          // last of the section's text.)
          // (Its questions listed in the quote, `> - What can go wrong?`, as well as in paragraphs; and
          // questions of the quote's that are not the template's — an older version's, a typo's — ask,
          // they answer nothing.)
          const asks = (b: Block) => (b.kind === 'paragraph' ? onlyQuestions(b.text) : b.kind === 'list' && b.items.every((item) => onlyQuestions(item.text)));
          const answeredNext = authorNext();
          const quoted =
            block.blocks.every((b) => (b.kind === 'paragraph' || b.kind === 'list') && (!this.isAuthorBlock(b) || asks(b))) &&
            (answeredNext || (shown < 0 && outer.ownChildren?.() === true));
          // (Where the template sets that guidance as a quote itself, kept so over the author's sub-sections
          // it is the template's form over the section's parts: the section is written, the guidance still
          // to remove — a warning, see `keptOver`. Over the author's text right after it, it is a prompt
          // answered, as any.)
          const asTemplate = quoted && !answeredNext && templateQuotes(this.template).includes(` ${foldText(block.text)} `);
          // (Set apart as a quote over the template's own sub-sections, the guidance asks its question
          // still: no part of the text over the author's parts, see `aboveParts`.)
          const { filledChildren: _, ...unquoted } = ctx;
          this.blocks(block.blocks, asTemplate ? { ...unquoted, keptOver: true } : quoted ? { ...ctx, quotedLeadIn: true } : unquoted);
          break;
        }
        case 'list': {
          // The template's questions kept as a list and answered after it, at once (`- How will it work
          // with X? - …? For all these, nothing changes.`, in the last item or the text after the list):
          // each question is a lead-in to that answer, nested or not.
          // (Or the template's prompts, set apart in it, that the author lists and answers after the list:
          // `- Document how decisions are made.` / `- A public channel.`, with the template's other
          // criteria among them.)
          // (The template's own list, item by item in its words — three items or more —, in a section of
          // the author's that the template does not have, under a lead-in of their own: the template shown,
          // as a process document explains what a proposal holds ("A proposal may include: * Rationale --
          // Why …"). What it holds of the template's text is said as a warning that says so.)
          const previous = blocks[i - 1];
          // (Of the author's own, not under one of the template's: `### First quarter` under `## Goals` is
          // that section's part, its list the template's left in.)
          const shownList =
            outer.section !== undefined &&
            !this.allSectionNames.has(outer.section) &&
            outer.underTemplate !== true &&
            block.items.length >= 3 &&
            previous?.kind === 'paragraph' &&
            this.isOwnText(foldText(previous.text)) &&
            block.items.every((item) => {
              const folded = foldText(item.text);
              return folded !== '' && this.templateText.includes(` ${folded} `);
            });
          const prompts = block.items.map((item) => item.blocks.length <= 1 && this.isPrompt(item.text, item.raw, item.range));
          const form = prompts.some(Boolean);
          const questions = block.items.map(
            (item, j) => item.blocks.length <= 1 && (onlyQuestions(item.text) || prompts[j]! || (form && !this.isAuthorText(foldText(item.text)))),
          );
          // (The answer is the author's own text right after the list, in the same place: not merely
          // sections that follow, and not more of the template.)
          const answerNext = authorNext();
          const lastItem = block.items.at(-1)!;
          const answeredInLast = !questions.at(-1) && (this.answeredAfterQuestions(lastItem.text) || this.isAuthorText(foldText(lastItem.text)));
          // (Or the template's questions first, then items of the author's that answer them, in one list:
          // two lists that a blank line joined.)
          const asked = questions.findIndex((q) => !q);
          const answeredBelow = asked > 0 && block.items.slice(asked).every((item) => !onlyQuestions(item.text) && this.isAuthorText(foldText(item.text)));
          const answeredAfter = ((block.items.length > 1 || form) && questions.slice(0, -1).every(Boolean) && (answeredInLast || answerNext)) || answeredBelow;
          // (A question of the list that asks only in some case, `If this changes the core library, what
          // happens…?`, left unanswered where the author answers the others under them: not that case.)
          const answeredItems = block.items.filter((item) => item.blocks.length > 1).length;
          block.items.forEach((item, j) => {
            const rest = item.blocks.slice(1);
            const nextItem = block.items[j + 1];
            const notThatCase = rest.length === 0 && answeredItems * 2 >= block.items.length && askedInSomeCase(item.text);
            this.unit(item.text, item.raw, item.range, {
              ...ctx,
              ...(shownList ? { shownList: true as const } : {}),
              item: true,
              answered: rest.length > 0 || notThatCase,
              ...(answeredAfter ? { answeredList: true, ...(answerNext ? { answeredAfterList: true } : {}) } : {}),
              followed: nextItem ? () => answeredAfter || this.isAuthorText(foldText(nextItem.text)) : followed,
            });
            this.blocks(rest, {
              ...ctx,
              nested: true,
              unticked: ctx.unticked || item.task?.checked === false,
              authorNext: nextItem ? () => this.isAuthorText(foldText(nextItem.text)) : authorNext,
            });
          });
          break;
        }
        case 'table':
          for (const row of block.table.rows) {
            const range = this.doc.lines.linesRange(row.line, row.line);
            row.cells.forEach((cell, k) => {
              let own: boolean | undefined;
              const rowOwn = () =>
                (own ??=
                  row.cells.some((c, j) => j !== k && c.trim() !== '') &&
                  row.cells.every((c, j) => j === k || c.trim() === '' || this.matcher.find(c, row.raw[j] ?? c).length === 0));
              this.unit(cell, row.raw[k] ?? cell, range, { ...ctx, followed: () => false, rowOwn, ...(k > 0 ? { rowLabel: row.cells[0] } : {}) }, true);
            });
          }
          break;
        case 'code':
          this.code(block, ctx);
          break;
        case 'html':
          this.html(block.html, block.range, ctx);
          break;
        default:
          break;
      }
    });
  }

  /** One paragraph, list item or table cell. */
  private unit(text: string, written: string, range: Range, ctx: Context, cell = false): void {
    const block = ++this.unitCount;
    // A comment inside the author's paragraph (`Needs discussion. <!-- TODO -->`) is their note to
    // themselves, hidden from readers: not template text left for them.
    const raw = written.includes('<!--') ? written.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length)) : written;
    // Most units of a finished pattern hold neither a candidate placeholder nor a bracket: done at once.
    const cold = this.isCold(range);
    // An entry of the pattern's own table of contents (`[Scenario 1](#scenario-1)`): it names a heading
    // of this pattern as written, and that heading is judged on its own.
    if (!cold && this.isContentsEntry(raw)) return;
    if (cold && !text.includes('[')) return;
    if (ctx.unticked) {
      if (cold) return;
      // A form option not chosen: its fields are not asked for, but they are kept (and count as kept).
      for (const p of this.matcher.find(text, raw)) if (LEARNABLE.has(p.kind)) this.present.add(this.ids.get(p) ?? -1);
      return;
    }
    const hits = new Map<
      string,
      { id: number; shown: string; literal?: string; token?: boolean; open?: 'sentence' | 'item'; process?: boolean; sample?: boolean; undecided?: boolean }
    >();
    let folded: string | undefined;
    // `**Name**: Your Name` — the label is the template's, the rest is judged on its own too.
    const afterLabel = cold ? undefined : /^[^:]{1,40}:\s+(.+)$/.exec(text)?.[1];
    const found: TemplateText[] = [];
    for (const unit of cold ? [] : afterLabel ? [text, afterLabel] : [text]) {
      for (const p of this.matcher.find(unit, raw)) {
        if (ctx.ownMarker && p.text.toLowerCase() === ctx.ownMarker) continue;
        if (ctx.inSection && ((p.kind === 'instruction' && quotesTemplate(p, text)) || this.titleTokens.has(p))) continue;
        // (The template's guidance for one section, found whole in another section of the template's,
        // `## Reference-level explanation` quoting what `## Prior art` asks: quoted, not left in.)
        if (p.guidance && ctx.section !== undefined && ctx.section !== foldText(p.sectionPath.at(-1) ?? '') && this.allSectionNames.has(ctx.section)) continue;
        // (A short filler phrase closing a long sentence of the author's, `…never gets to be completed.`
        // for the template's `To be completed...`: their words, not the blank.)
        if (!p.exact && phraseInOwnSentence(p.folded, foldText(unit)) && this.isAuthorText(foldText(unit))) continue;
        if (!found.includes(p)) found.push(p);
        const id = this.ids.get(p) ?? -1;
        if (LEARNABLE.has(p.kind)) this.present.add(id);
        if (hits.has((p.exact ?? p.pattern).source)) continue;
        if (p.kind === 'instruction' && this.filledIn(p, (folded ??= foldText(text)), ctx)) continue;
        const literal = p.exact ? (p.exact.exec(text)?.[0] ?? p.exact.exec(raw)?.[0]) : text.toLowerCase().includes(p.text.toLowerCase()) ? p.text : undefined;
        if (literal !== undefined && p.exact && onlyMentioned(literal, raw, text)) continue;
        // (The label of the template's row to fill in kept whole, unmarked — `RISK-1`, the row's number —
        // in a row whose other cells are the author's own: the label of their row, numbered as the
        // template numbers them. Kept with the rest of the row empty, or beside the template's cells, it is
        // left in; so is a sample row's first cell the template fills the row of, `| PARAM_1 | Description… |`.)
        if (cell && p.rowLabel && p.kind !== 'bracketed' && p.kind !== 'instruction' && foldText(p.text) === foldText(text) && ctx.rowOwn?.() === true) continue;
        // (The template's sentence with a number of the author's in it, `40 minutes per device` where it
        // has `15 minutes per device`: their value, in the template's words.)
        if (literal === undefined && p.kind !== 'instruction' && ownNumber(unit, p.text)) continue;
        // (A marked blank the template has alone, kept as the label the author's own words follow,
        // `* [Option 1] Local disk cache`, `### [Option 2] Object store`: the slot is filled.)
        // (Not the template's own words after it, `1. [actor] first step` kept as the template writes it.)
        if (
          literal !== undefined &&
          p.kind === 'bracketed' &&
          /^[[<{]/.test(literal) &&
          labelsOwnWords(text, literal) &&
          !this.templateText.includes(` ${foldText(text)} `)
        )
          continue;
        // (`TBD` as the value of a field named for an event still to come, `- Shipped: TBD`: true until it happens.)
        if (literal !== undefined && /^(?:TBD|TBA)$/i.test(literal) && eventField(text)) continue;
        // (A marker of the template's where the template has it is its blank, however written.)
        const own = p.sectionPath.length === 0 ? !ctx.inSection : ctx.section === foldText(p.sectionPath.at(-1)!);
        // (So is one that is a list item or a table cell of its own, among the author's items — `Example
        // 4: (DB connection?)` over `* TBD` —, where the template has none: their open item too.)
        const open =
          literal === undefined || p.exact === undefined || own
            ? undefined
            : inSentence(literal, text)
              ? ('sentence' as const)
              : (ctx.item === true || cell) && /^(?:TODO|TBD|TBA|FIXME)$/i.test(literal)
                ? ('item' as const)
                : undefined;
        // (A label's value the template gives as a sample, a number in it — `**Budget:** 15 minutes per
        // device.` — kept as it is: it may well be this pattern's too. A warning.)
        const sample =
          literal !== undefined &&
          afterLabel !== undefined &&
          (p.kind === 'sample-value' || p.kind === 'label-sample') &&
          /\d/.test(p.text) &&
          // (A value of a few words, `15 minutes per device.`; not a sentence that asks for something.)
          (p.text.match(/\S+/g) ?? []).length <= 8 &&
          foldText(literal) === foldText(afterLabel);
        hits.set(
          (p.exact ?? p.pattern).source,
          literal !== undefined
            ? {
                id,
                shown: quote(literal),
                literal,
                token: !!p.exact,
                ...(open ? { open } : {}),
                ...(FILLED_BY_PROCESS.test(p.text) ? { process: true } : {}),
                // (`TBD` as the template's value of a field named for a role, `| Review Manager | TBD |`:
                // someone the process has not chosen yet, so kept until they are.)
                ...(/^(?:TBD|TBA)$/i.test(literal) && roleField(cell ? `| ${ctx.rowLabel ?? ''} | ${text} |` : text) ? { undecided: true } : {}),
                ...(sample ? { sample: true } : {}),
              }
            : { id, shown: `${quote(unit)} (like the template's ${quote(p.text)})` },
        );
      }
    }
    // A kept question alone, followed by the author's own text, is a lead-in (a heading in all but name).
    const instructions = found.filter((p) => p.kind === 'instruction');
    // (In a list of questions answered at once, the last may hold the answer after its question.)
    // (So is an instruction kept set apart in emphasis, `_Explain the change…_`, with the answer under it.)
    // (Or questions of the template's answered in the same paragraph after them, `*Would it change the
    // docs? Does it change how it is taught?* Only a new page.`: the form, filled in.)
    const leadIn =
      ctx.quotedLeadIn === true ||
      (!ctx.item && this.answeredAfterQuestions(text)) ||
      // (Or one labelled as the question, `**Q:** Explain why…`, over the author's `**A:** …`.)
      (onlyQuestions(text) || EMPHASIZED.test(written) || QUESTION_LABEL.test(written)
        ? ctx.followed()
        : ctx.answeredList === true && (ctx.answeredAfterList === true || this.answeredAfterQuestions(text)));
    if (instructions.length > 0 && !ctx.answered && (!(ctx.item && ctx.nested) || ctx.answeredList) && leadIn) {
      for (const p of instructions) hits.delete(p.pattern.source);
    } else if (instructions.length > 0) {
      // The template's prompt of a questionnaire, kept at the head of the unit with more of the form
      // under it (`**Describe how releases are planned.**` / `<br>` / `**Level one:** Required`), and
      // answered: in the rest of the unit, or in the author's own text right after it (before the next
      // prompt or heading). Every review keeps the prompt and answers it; kept with no answer, it is left in.
      const prompt = this.promptOf(text, raw, instructions);
      if (prompt && (prompt.answered || (!ctx.item && ctx.answerNext?.() === true))) for (const p of instructions) hits.delete(p.pattern.source);
    }
    // A bracketed instruction the template does not have: `[Insert Date]`, `Decision maker: [Your name]`.
    if (text.includes('[')) {
      const visible = raw.replace(/`+[^`]*`+/g, (m) => ' '.repeat(m.length));
      for (const token of markedTokens(visible)) {
        if (!token.text.startsWith('[') || !text.includes(token.text) || [...hits.values()].some((h) => h.literal?.includes(token.text))) continue;
        if (cell && this.doc.links.some((l) => l.text === token.text.slice(1, -1))) continue;
        // (Nor a link written with a space before its address, `[Read the notice] (https://…)`: the
        // author's own link text, the link the link rule's to say.)
        if (/^[ \t]+\((?:https?:\/\/|\.{0,2}\/|#|mailto:)/i.test(visible.slice(token.end))) continue;
        if (!isBracketedInstruction(token.text.slice(1, -1), visible, token)) continue;
        // The template's own sample inside it ("Your Name" in `[Your name or position]`) is this one leftover.
        for (const [key, hit] of hits) if (hit.literal && token.text.toLowerCase().includes(hit.literal.toLowerCase())) hits.delete(key);
        hits.set(`generic ${token.text}`, { id: -1, shown: quote(token.text), literal: token.text, token: true });
      }
    }
    // (In the template's guidance kept as a quote over the author's answer, the blanks of an example it
    // quotes — `Write them like "A [persona] needs [capability]."` — are the example's, no blanks left.)
    if (ctx.quotedLeadIn === true) for (const [key, hit] of hits) if (hit.literal && withinQuotes(text, hit.literal)) hits.delete(key);
    // Several marked placeholders of one line (`<package>: <date> - <test coverage>`) are one leftover.
    const tokens = [...hits.values()].filter((h) => h.token && !h.open);
    if (tokens.length > 1) {
      const spans = tokens.map((h) => narrow(this.doc, range, h.literal!)).sort((a, b) => a.start.offset - b.start.offset);
      const span = this.doc.lines.range(spans[0]!.start.offset, Math.max(...spans.map((r) => r.end.offset)));
      this.leftovers.push({ id: -1, where: ctx.where, shown: tokens.map((h) => h.shown).join(', '), range: plainRange(span), block });
    }
    for (const { id, shown, literal, token, open, process, sample, undecided } of hits.values()) {
      if (token && !open && tokens.length > 1) continue;
      this.leftovers.push({
        id,
        where: ctx.where,
        shown,
        range: plainRange(literal ? narrow(this.doc, range, literal) : range),
        block,
        ...(sample ? { warning: "the template's sample value, kept as it is: if it is this pattern's value too, keep it" } : {}),
        ...(undecided ? { undecided: true } : {}),
        ...(ctx.aboveParts && this.template.placeholders[id]?.kind === 'instruction'
          ? { warning: "the template's guidance kept over the section's sub-sections, which hold its content: remove it" }
          : {}),
        ...(ctx.keptOver && this.template.placeholders[id]?.kind === 'instruction'
          ? { warning: "the template's guidance, kept in the quote the template sets it in, over this pattern's own answer: the section is written; remove the quote" }
          : {}),
        ...(ctx.shownList
          ? {
              warning:
                "an item of the template's own list, shown whole under this document's own lead-in in a section the template does not have: as likely as not the template quoted, as a process document shows what a proposal holds",
            }
          : {}),
        ...(open ? { openItem: open } : {}),
        // (A blank the template says the catalog's process fills in, not the author: kept until then.)
        ...(process ? { byProcess: true } : {}),
      });
    }
  }

  /** Only links to headings of this pattern, each named by the heading's own text: a table-of-contents entry. */
  private isContentsEntry(raw: string): boolean {
    if (!raw.includes('](#')) return false;
    this.headingIds ??= new Map(this.doc.headings.map((h) => [h.id, foldText(h.text)]));
    let linked = false;
    const rest = raw.replace(/\[([^\]]+)\]\(#([^)\s]+)\)/g, (whole, text: string, anchor: string) => {
      const heading = this.headingIds!.get(anchor.toLowerCase());
      // (Or one to a heading the pattern no longer has, `[Story 2](#story-2)`, the anchor its words make:
      // a dead entry of its contents, the link rule's finding, not template text.)
      const dead = heading === undefined && headingSlug(text) === anchor.toLowerCase();
      if (!dead && (heading === undefined || heading !== foldText(text))) return whole;
      linked = true;
      return '';
    });
    return linked && /^[\s\d.,;:|*+-]*$/.test(rest);
  }

  /** No candidate placeholder can stand in this span of the pattern. */
  private isCold(range: Range): boolean {
    return this.matcher.isEmpty || (this.hot !== undefined && !anyWithin(this.hot, range.start.offset, range.end.offset));
  }

  /** A label or question of the template ("Describe the mechanism:", "…control plane?") with the author's answer after it. */
  private filledIn(p: TemplateText, folded: string, ctx: Context): boolean {
    // A question that opens the text and is answered after it in the same line or item: the form,
    // filled in. (Not any instruction: what follows one may be more of its guidance.)
    if (!p.label) {
      if (!/\?["'”’)]*$/.test(p.text.trim())) return false;
      const m = p.pattern.exec(folded);
      return m !== null && m.index <= 1 && this.isAuthorText(folded.slice(m.index + m[0].length));
    }
    // A list item that ends in a colon is a form's field ("- Describe the mechanism:"): kept, filled in or
    // left empty where it does not apply, it is the form, not text left over.
    if (ctx.answered || (ctx.item && /:\s*$/.test(p.text))) return true;
    const m = p.pattern.exec(folded);
    if (!m) return false;
    return this.isAuthorText(folded.slice(m.index + m[0].length));
  }

  /**
   * The unit opens with the template's prompt — its instructions set apart in emphasis on lines of
   * their own (`**Document how decisions are made.**`, then a line break), or only questions — and
   * the rest of it is the author's answer or more of the form with no instruction in it (a
   * `**Incubating:** Suggested` line): undefined when not, else whether the answer is in the unit.
   */
  private promptOf(text: string, raw: string, instructions: readonly TemplateText[]): { answered: boolean } | undefined {
    let rest: string;
    const emphasized = SET_APART.exec(raw);
    if (emphasized && instructions.every((p) => p.pattern.test(foldText(emphasized[2]!)))) {
      rest = raw.slice(emphasized[0].length).replace(/<[^>]*>/g, ' ');
    } else {
      const last = text.lastIndexOf('?');
      if (last < 0 || !onlyQuestions(text.slice(0, last + 1)) || !instructions.every((p) => /\?["'”’)]*$/.test(p.text.trim()))) return undefined;
      rest = text.slice(last + 1);
    }
    // (Line by line: the form's own lines first, then perhaps the author's answer.)
    const lines = rest
      .split('\n')
      .map((line) => foldText(line))
      .filter(Boolean);
    return { answered: lines.some((line) => this.isOwnText(line)) };
  }

  /** Folded text that is the author's own, and not a phrase of the template however short (`May mention:`). */
  private isOwnText(folded: string): boolean {
    return this.isAuthorText(folded) && !this.templateText.includes(` ${folded} `);
  }

  /** A block that is the author's answer: their own text (see `isOwnText`), a table, code… */
  private isAnswer(block: Block): boolean {
    return holdsText(block, (folded) => this.isOwnText(folded));
  }

  /** The text is the template's own, with a prompt of the template in it (see `TemplateText.prompt`). */
  private isPrompt(text: string, raw: string, range: Range): boolean {
    if (this.isCold(range) || this.isAuthorText(foldText(text))) return false;
    return this.matcher.find(text, raw).some((p) => p.kind === 'instruction' && p.prompt === true);
  }

  /** Questions, then the author's answer in the same paragraph (`Will it work on GPUs? For all of these, nothing changes.`). */
  private answeredAfterQuestions(text: string): boolean {
    const last = text.lastIndexOf('?');
    return last > 0 && onlyQuestions(text.slice(0, last + 1)) && this.isAuthorText(foldText(text.slice(last + 1)));
  }

  /** Folded text that is the author's own: not empty, and not more of the template's text. */
  private isAuthorText(folded: string): boolean {
    const words = folded.split(' ').filter(Boolean);
    if (words.length === 0) return false;
    // Short answers ("No", "Yes, see above") are too short to tell apart from template words: the author's.
    if (words.length < 3 || !this.templateText.includes(` ${words.slice(0, 6).join(' ')} `)) return true;
    // (An answer that opens by echoing a question of the template, `The impact of not doing this is that
    // users will …` under `What is the impact of not doing this?`: the author's, where the six words
    // after the echo are no words of the template either.)
    if (words.length < 12 || this.templateText.includes(` ${words.slice(6, 12).join(' ')} `)) return false;
    const echo = ` ${words.slice(0, 6).join(' ')} `;
    return templateQuestions(this.template).some((q) => q.includes(echo));
  }

  /**
   * The blank template shown inside a document of the catalog (a process document that ends with
   * "every proposal starts from this form", not in a code block): from a heading that is the template's
   * own title line (`## PROP-XXXX: Title`), after the document's own title and its own sections,
   * through the sections under it and those after it that are the template's (its `## Background`
   * again), to the first heading that is neither. What is left in there is the template quoted, not
   * template text this document forgot; undefined when the document shows no such copy.
   */
  private quotedTemplate(): { start: number; end: number; line: number } | undefined {
    const title = this.template.title;
    if (title.from !== 'heading' || this.leftovers.length === 0) return undefined;
    const sample = foldText(title.sample);
    const own = this.doc.title ? foldText(this.doc.title.text) : '';
    if (!sample || !own || own === sample) return undefined;
    const flat: Section[] = [];
    const walk = (section: Section): void => {
      flat.push(section);
      section.children.forEach(walk);
    };
    this.doc.sections.forEach(walk);
    // (Never the first section: a pattern whose first heading is the template's title line left the title unwritten.)
    const at = flat.findIndex((section, i) => i > 0 && foldText(section.title) === sample);
    if (at < 0) return undefined;
    const copy = flat[at]!;
    const headings = new Set(flattenSections(this.template.sections).map((t) => foldText(t.heading)));
    let end = copy.range.end.offset;
    for (const section of flat.slice(at + 1)) {
      const under = section.level > copy.level && section.range.start.offset < copy.range.end.offset;
      if (!under && !headings.has(foldText(section.title))) break;
      end = Math.max(end, section.range.end.offset);
    }
    return { start: copy.heading.range.start.offset, end, line: copy.heading.range.start.line };
  }

  /** `TemplateTextFound.unmarkedHeadings`, when there are any. */
  private unmarked(): Pick<TemplateTextFound, 'unmarkedHeadings'> {
    return this.headingsUnmarked.size > 0 ? { unmarkedHeadings: [...this.headingsUnmarked].sort((a, b) => a - b) } : {};
  }

  /** Whether the author's own text comes at `from`, or after a run of blocks that are all the template's text. */
  private authorAfterTemplateRun(blocks: readonly Block[], from: number): boolean {
    for (let j = from; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (this.isAuthorBlock(b)) return true;
      if (b.kind !== 'paragraph' && b.kind !== 'list') return false;
    }
    return false;
  }

  /** Every item of the list has the author's answer under it (in a nested list, every item of that in turn). */
  private answeredUnder(list: Extract<Block, { kind: 'list' }>): boolean {
    const answered = list.items.filter((item) =>
      item.blocks.slice(1).some((b) => (b.kind === 'list' ? this.answeredUnder(b) || this.isAuthorBlock(b) : this.isAuthorBlock(b))),
    );
    return answered.length > 0 && list.items.every((item) => answered.includes(item) || (answered.length * 2 >= list.items.length && askedInSomeCase(item.text)));
  }

  private isAuthorBlock(block: Block): boolean {
    return holdsText(block, (folded) => this.isAuthorText(folded));
  }

  private headingUnit(section: Section): void {
    const heading = section.heading;
    if (this.isCold(heading.range) || this.sectionNames.has(foldText(heading.text))) return;
    const hits = this.matcher.find(heading.text, heading.raw).filter((p) => (p.kind === 'bracketed' && p.exact) || p.kind === 'custom');
    for (const p of hits) {
      const id = this.ids.get(p) ?? -1;
      const literal = p.exact ? (p.exact.exec(heading.text)?.[0] ?? p.exact.exec(heading.raw)?.[0]) : p.text;
      const whole = literal !== undefined && foldText(literal) === foldText(heading.text);
      if (id >= 0 && whole) this.headingsKept.add(id);
      // (Kept as the label the author's own words follow, `### [Option 1] Local disk cache`: named.)
      if (literal !== undefined && p.kind === 'bracketed' && labelsOwnWords(heading.text, literal)) continue;
      // (Kept whole as the heading of the author's own text, `### [Known Uses]` over the uses they list:
      // the catalog may write that heading so, brackets and all — a guess either way, said as a warning
      // unless the catalog's other patterns write it without the marks; see `learnBoilerplate`.)
      const ownText = whole && p.kind === 'bracketed' && section.blocks.some((b) => this.isAuthorBlock(b));
      this.leftovers.push({
        id,
        where: 'a heading',
        ...(ownText
          ? {
              warning: 'kept whole as the heading of this pattern’s own text: if the catalog writes this heading so, keep it; if not, name the section',
              wholeHeading: true,
            }
          : {}),
        shown: quote(literal ?? p.text),
        range: plainRange(literal ? narrow(this.doc, heading.range, literal) : heading.range),
      });
    }
  }

  /** Sample code: only what the template's own sample code holds (and text the configuration adds). */
  private code(block: Extract<Block, { kind: 'code' }>, ctx: Context): void {
    // The template's sample diagram kept as it is (its brackets are node shapes, no blanks to find in it).
    if (!ctx.unticked && isDiagram(block.code.lang)) {
      this.diagrams ??= new Set(this.template.document.codeBlocks.filter((c) => isDiagram(c.lang)).map((c) => diagramKey(c.content)));
      if (this.diagrams.has(diagramKey(block.code.content)))
        this.leftovers.push({ id: -1, where: ctx.where, shown: "the template's sample diagram, as it is", range: plainRange(block.range) });
      return;
    }
    if (this.isCold(block.range) || ctx.unticked) return;
    const first = block.range.start.line + (block.code.fenced ? 1 : 0);
    block.code.content.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const range = this.doc.lines.linesRange(first + i, first + i);
      for (const p of this.matcher.find(line, line)) {
        if (!p.code && p.kind !== 'custom') continue;
        const literal = p.exact ? p.exact.exec(line)?.[0] : line.toLowerCase().includes(p.text.toLowerCase()) ? p.text : undefined;
        // (In a code block of another section than the template's sample code, the blank header shown
        // in a process document's `### Header`: a copy shown on purpose, likely.)
        const own = p.sectionPath.length === 0 ? !ctx.inSection : this.sectionOf(p.sectionPath, ctx);
        this.leftovers.push({
          id: this.ids.get(p) ?? -1,
          ...(own || p.kind === 'custom'
            ? {}
            : { warning: "in a code block of another section than the template's sample: a copy shown on purpose, likely; if not, write this pattern's own" }),
          where: ctx.where,
          shown: literal !== undefined ? quote(literal) : `${quote(line.trim())} (like the template's ${quote(p.text)})`,
          range: plainRange(literal ? narrow(this.doc, range, literal) : range),
        });
      }
    });
  }

  /**
   * Whether the pattern's section the unit is in is the template's section of this path (by its
   * name, any of its spellings, or any heading where the template's is a slot or repeated: `###
   * Step 1: Create the queue` for `### Step N: <title>`), or the path names none the template has.
   */
  private sectionOf(path: readonly string[], ctx: Context): boolean {
    const schema = fromTemplate(this.template, 'sections by path', () => new Map(flattenSections(this.template.sections).map((t) => [t.path.join('\u0000'), t]))).get(
      path.join('\u0000'),
    );
    if (!schema || schema.repeatable || schema.anyHeading || ctx.section === undefined) return true;
    return ctx.section === foldText(schema.name) || schema.matcher.test(ctx.section) || [schema.heading, ...schema.aliases].some((n) => foldText(n) === ctx.section);
  }

  /** Raw HTML: a marked `<…>` placeholder kept as written is an HTML block of its own. Comments are invisible. */
  private html(html: string, range: Range, ctx: Context): void {
    if (this.isCold(range) || ctx.unticked) return;
    const visible = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
    if (!visible.trim()) return;
    for (const p of this.matcher.find(visible, visible)) {
      if (!p.exact || p.kind !== 'bracketed') continue;
      const literal = p.exact.exec(visible)?.[0];
      if (literal) this.leftovers.push({ id: this.ids.get(p) ?? -1, where: ctx.where, shown: quote(literal), range: plainRange(narrow(this.doc, range, literal)) });
    }
  }
}

/**
 * The text inside a pattern's own brackets is template text when it is an
 * instruction to the author (`[Insert Date]`, `[Add your link here]`), or a
 * sample value standing as a field's whole value (`Decision maker: [Your
 * name or position]`), or a field's whole value that says again what its
 * label asks for (`Date: [Date of the decision]`). `[Connect to the
 * instance]` (a step), `[YOUR STACK NAME]` in a sentence for the reader, or
 * the author's own notes are not.
 */
function isBracketedInstruction(inner: string, unit: string, token: { start: number; end: number }): boolean {
  // Words, not code (`["INSERT", "REMOVE"]`) nor a link label (`[reference-level explanation]`).
  if (!/^\p{Lu}[\p{L}\p{N}\s,.'’/-]*$/u.test(inner)) return false;
  // `[Table of roles goes here]`, `[Add your pattern link here]`.
  if (isAuthorImperative(inner) || /\bhere$/i.test(inner)) return true;
  const before = unit.slice(0, token.start).trim();
  const after = unit.slice(token.end).trim();
  // Only as a field's whole value: `Decision maker: [Your name]`, `Date: [Date of the decision]`.
  if (after || (before && !/:$/.test(before)) || inner.split(/\s+/).length > 8) return false;
  if (isSampleValue(inner)) return true;
  // A value that says again what its label asks for is a description of the blank, not a value.
  const label = /([\p{L}]+)\s*:$/u.exec(before)?.[1]?.toLowerCase();
  return label !== undefined && inner.split(/\s+/)[0]!.toLowerCase() === label;
}

/** Some `[…]` of the text (as written) could be a bracketed instruction (see `isBracketedInstruction`). */
function mayHoldBracketedInstruction(source: string): boolean {
  for (const m of source.matchAll(/\[(\p{Lu}[^\]\n]*)\]/gu)) {
    const inner = m[1]!;
    // Whether it stands as a field's whole value is judged in its paragraph; here only its words.
    if (isAuthorImperative(inner) || /\bhere$/i.test(inner) || isSampleValue(inner) || /:\s*$/.test(source.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

/** HTML that is nothing but comments. */
function isComment(html: string): boolean {
  return !html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}

/** A question asked only in some case: `If this changes the core library, what happens…?` */
function askedInSomeCase(text: string): boolean {
  return /^(?:if|when|where)\b/i.test(text.trim()) && onlyQuestions(text);
}

/** Every sentence of the text is a question. */
function onlyQuestions(text: string): boolean {
  // (An aside in parentheses after a question is part of it: `What is the plan? (Load tests aside.)`)
  const sentences = text
    .replace(/(?<=\?)\s*\([^()]*\)/g, '')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.trim());
  // (So is an example after a question, which asks it again of a case: `Does it read dates? For
  // example, are its outputs fixed or local.`)
  return sentences.every((s, i) => /\?["”')*_]*\s*$/.test(s) || (i > 0 && /^(?:for example|for instance|e\.g\.)[,\s]/i.test(s.trim())));
}

const idCache = new WeakMap<readonly Placeholder[], Map<Placeholder, number>>();

function idsOf(placeholders: readonly Placeholder[]): Map<Placeholder, number> {
  let ids = idCache.get(placeholders);
  if (!ids) {
    ids = new Map(placeholders.map((p, i) => [p, i]));
    idCache.set(placeholders, ids);
  }
  return ids;
}

const foldedTemplates = new WeakMap<TemplateSchema, string>();

/** The template's whole text, folded, padded with spaces (to tell the author's text from more of the template's). */
function foldedTemplate(template: TemplateSchema): string {
  let text = foldedTemplates.get(template);
  if (text === undefined) {
    text = ` ${foldText(template.source)} `;
    foldedTemplates.set(template, text);
  }
  return text;
}

/** The template's questions (instructions that end in `?`), each folded and padded: once per template. */
function templateQuestions(template: TemplateSchema): string[] {
  let found = questionsByTemplate.get(template);
  if (found === undefined) {
    found = template.placeholders.filter((p) => p.kind === 'instruction' && /\?["'”’)]*\s*$/.test(p.text)).map((p) => ` ${foldText(p.text)} `);
    questionsByTemplate.set(template, found);
  }
  return found;
}
const questionsByTemplate = new WeakMap<TemplateSchema, string[]>();

/** The text of the template's own quotes (`> Explain why…`), folded and joined: once per template. */
function templateQuotes(template: TemplateSchema): string {
  let text = quotesByTemplate.get(template);
  if (text === undefined) {
    const out: string[] = [];
    const visit = (blocks: readonly Block[]) => {
      for (const b of blocks) if (b.kind === 'blockquote') out.push(foldText(b.text));
    };
    visit(template.document.preamble);
    for (const section of flattenSections(template.document.sections)) visit(section.blocks);
    text = ` ${out.join(' ')} `;
    quotesByTemplate.set(template, text);
  }
  return text;
}
const quotesByTemplate = new WeakMap<TemplateSchema, string>();

/** Points at the leftover text itself when it stands in the range as written. */
function narrow(doc: MarkdownDocument, range: Range, text: string): Range {
  const at = doc.source.slice(range.start.offset, range.end.offset).toLowerCase().indexOf(text.toLowerCase());
  if (at < 0) return range;
  const start = range.start.offset + at;
  return doc.lines.range(start, Math.min(start + text.length, range.end.offset));
}

const markedHeadingCache = new WeakMap<TemplateSchema, Map<string, number>>();

/** The template's marked placeholders written as a whole heading (`### [Known Uses]`), by their words without the marks. */
function markedHeadingsOf(template: TemplateSchema): Map<string, number> {
  let map = markedHeadingCache.get(template);
  if (!map) {
    map = new Map();
    const headings = new Set(flattenSections(template.sections).map((t) => foldText(t.heading)));
    template.placeholders.forEach((p, id) => {
      if (p.kind !== 'bracketed' || !headings.has(foldText(p.text))) return;
      const words = foldText(p.text.replace(/^[[{<(]+|[\]}>)]+$/g, ''));
      if (words) map!.set(words, id);
    });
    markedHeadingCache.set(template, map);
  }
  return map;
}

/** Whether one range lies inside another. */
function within(inner: PlainRange, outer: PlainRange): boolean {
  return inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;
}

/** `“text”`, shortened to a readable quote (as lint messages quote). */
function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

// ---------------------------------------------------------------------------
// Boilerplate learned from the catalog.

/** Catalogs of fewer patterns learn no boilerplate: in a new catalog of a few drafts, what they all keep is what nobody has written yet. */
export const BOILERPLATE_MIN_PATTERNS = 10;

/**
 * Tenths of a catalog's patterns that keep a bracketed text of the template for it to be theirs,
 * not a blank: nine in ten (`[keylime/enhancements]` in the sign-off list every proposal keeps and
 * ticks, a reference the template never defines). A blank left by nearly every author is no blank
 * the catalog asks to fill; one left by most of them may be (a lazy half stays a finding).
 */
const NEARLY_ALL = 9;

export interface Boilerplate {
  placeholder: Placeholder;
  /** Index in `template.placeholders`. */
  id: number;
  /** Patterns that keep it. */
  kept: number;
  /** Patterns in the catalog (or, with `having`, the patterns that have that heading at all). */
  of: number;
  having?: boolean;
}

/**
 * Instructions of the template that most of the catalog's patterns keep
 * (more than half, in a catalog of `BOILERPLATE_MIN_PATTERNS` or more): text the
 * authors are meant to keep, whatever it looks like ("Delete the stack",
 * "Describe the mechanism:"), so a pattern that keeps it has nothing left
 * over; so is the value after a label that the template writes without marks
 * (`**Kind**: Plugin proposal`): a default most patterns keep. Only those are
 * learned, and a bracketed text nearly every pattern keeps (see `NEARLY_ALL`):
 * another marked placeholder (`{…}`, TODO), a numbered item or a sample value
 * left in is a leftover however many keep it.
 * `found` holds what `templateTextIn` found in each pattern (undefined for a
 * pattern that could not be read; it still counts in the total).
 */
export function learnBoilerplate(template: TemplateSchema, found: readonly (TemplateTextFound | undefined)[]): Boilerplate[] {
  const of = found.length;
  const counts = new Map<number, number>();
  for (const f of found) for (const id of f?.present ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  // A marked placeholder kept whole as a heading by most patterns (`### [Known Uses]`) is how the
  // catalog writes that heading, brackets and all: its name, not a heading left to write.
  const headings = new Map<number, number>();
  for (const f of found) for (const id of f?.headings ?? []) headings.set(id, (headings.get(id) ?? 0) + 1);
  // (An optional heading counts among the patterns that have it: kept whole by most of those that write
  // `### Known Uses` at all, brackets or not, it is the catalog's way, however few have the section.)
  const unmarked = new Map<number, number>();
  for (const f of found) for (const id of f?.unmarkedHeadings ?? []) unmarked.set(id, (unmarked.get(id) ?? 0) + 1);
  const out: Boilerplate[] = [];
  for (const [id, kept] of counts) {
    const placeholder = template.placeholders[id];
    if (!placeholder || of < BOILERPLATE_MIN_PATTERNS) continue;
    if (
      LEARNED.has(placeholder.kind) || (placeholder.kind === 'bracketed' && checklistLabel(template, placeholder))
        ? kept * 2 > of
        : placeholder.kind === 'bracketed' && kept * 10 >= of * NEARLY_ALL && !blankOfItsOwn(template, placeholder)
    )
      out.push({ placeholder, id, kept, of });
  }
  for (const [id, kept] of headings) {
    const placeholder = template.placeholders[id];
    const having = kept + (unmarked.get(id) ?? 0);
    if (!placeholder || counts.has(id) || of < BOILERPLATE_MIN_PATTERNS) continue;
    if (kept * 2 > of) out.push({ placeholder, id, kept, of });
    else if (kept >= 3 && kept * 2 > having) out.push({ placeholder, id, kept, of: having, having: true });
  }
  return out.sort((a, b) => b.kept - a.kept || a.id - b.id);
}

/**
 * Whether a bracketed text is the whole of its line in the template, but for a list marker, a box
 * and a label (`- [Owner]`, `**Owner**: [name]`): a blank to fill, however many keep it — not a part
 * of a sentence of the template's that patterns keep whole (`…links to the pull request in
 * [keylime/enhancements]`).
 */
function blankOfItsOwn(template: TemplateSchema, placeholder: Placeholder): boolean {
  const line = template.document.lines.lineText(placeholder.line) ?? '';
  const at = line.indexOf(placeholder.text);
  return at < 0 || (standsAlone(line, at, at + placeholder.text.length) && !checklistLabel(template, placeholder));
}

/**
 * Whether a bracketed text names an item of a checklist, before more words of the item's: `- [ ] [RFC
 * Authored] - [create an RFC](…)`. The item is what to tick; its name is kept by every author who
 * ticks it, and learned as an instruction is, from most of the catalog's patterns.
 */
function checklistLabel(template: TemplateSchema, placeholder: Placeholder): boolean {
  const line = template.document.lines.lineText(placeholder.line) ?? '';
  const at = line.indexOf(placeholder.text);
  return at >= 0 && TASK_ITEM_OPENING.exec(line)?.[0].length === at && /\p{L}/u.test(line.slice(at + placeholder.text.length));
}

/** The learned boilerplate of a catalog loaded in full (for `info` and `init --adopt`): "kept by 592 of 1,011 patterns". */
export function catalogBoilerplate(template: TemplateSchema, documents: readonly MarkdownDocument[]): Boilerplate[] {
  return learnBoilerplate(
    template,
    documents.map((doc) => templateTextIn(template, doc)),
  );
}

/** How boilerplate is said to users: `“Delete the stack” is kept by 592 of 1,011 patterns: treated as boilerplate`. */
export function describeBoilerplate(b: Boilerplate): string {
  return `${quote(b.placeholder.text)} is kept by ${b.kept.toLocaleString('en-US')} of ${b.of.toLocaleString('en-US')} patterns${b.having ? ' that have that heading' : ''}: treated as boilerplate`;
}

/**
 * A TODO/TBD marker (or a date's format) the author only names, quoted as a term in their sentence
 * (“Even if a category is `TBD`, it is listed”): every occurrence of it in the
 * unit is a code span of that word alone, with the author's words around it.
 * As a value (`` `VERSION = TBD` ``, a cell of `` `TBD` `` alone) it is still
 * content left to write.
 */
function onlyMentioned(marker: string, raw: string, text: string): boolean {
  // A date's format inside a sentence (`dates are written YYYY-MM-DD`) names the format; as a
  // value (`Date: YYYY-MM-DD`, a cell) it is the template's sample left in.
  if (isDateMask(marker)) return ![...text.matchAll(new RegExp(escapeRegExp(marker), 'gi'))].some((m) => standsAlone(text, m.index, m.index + m[0].length));
  if (!/^(?:TODO|TBD|TBA|FIXME)$/.test(marker)) return false;
  const spans = raw.split(`\`${marker}\``);
  if (spans.length < 2) return false;
  const words = new RegExp(`(?<![\\p{L}\\p{N}_])${marker}(?![\\p{L}\\p{N}_])`, 'u');
  return spans.every((part) => !words.test(part)) && /[\p{L}]{2,}/u.test(spans.join(' '));
}

/**
 * A TODO/TBD marker written inside a sentence of the unit, wherever it stands
 * in it (`the thread size is TBD until the supplier answers`): not as the
 * unit's value (`Review Manager: TBD`, a line or a cell of it alone).
 */
/**
 * A template's blank that says someone other than the author fills it in (`(number -- assigned by the
 * editor)`, `set by the maintainers when merged`, `to be assigned`): a pattern keeps it until then.
 */
const FILLED_BY_PROCESS =
  /\b(?:assigned|set|filled(?: in)?|added|given|allocated|chosen|updated) by (?:the |an? )?(?:[\p{L}-]+ )?(?:editors?|managers?|maintainers?|owners?|committee|council|steering|reviewers?|bot|ci|process|chairs?|team|moderators?|curators?)\b|\b(?:to be|will be|is) (?:assigned|allocated)\b/iu;

function inSentence(marker: string, text: string): boolean {
  if (!/^(?:TODO|TBD|TBA|FIXME)$/i.test(marker)) return false;
  const all = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(marker)}(?![\\p{L}\\p{N}_])`, 'giu'))];
  // (A value after a label or an `=`, `VERSION = TBD`, `Client: (TODO)`, is one: a blank; so is one
  // that opens brackets, `a report is here (TODO).`, `<<TODO: the formula>>`.)
  // (But a marker with the author's own note after it, in brackets or after a sentence, is theirs:
  // `(TODO: measure how much the basil drinks in July)`, `… each morning. TODO: measure it.`)
  const noted = (end: number) => /^[`*_]*\s*[:–—-]\s*(?:\p{L}[\p{L}\p{N}'’-]*[\s,;]+){2,}\p{L}/u.test(text.slice(end));
  return (
    all.length > 0 &&
    all.every((m) => {
      const before = text.slice(0, m.index);
      const end = m.index + m[0].length;
      if (noted(end) && /\S/.test(before)) return true;
      return !standsAlone(text, m.index, end) && !/[=:]\s*[`*_([]*$/.test(before) && !/[([<{][`*_]*$/.test(before);
    })
  );
}

/**
 * An instruction of the template quoted in a section of the pattern, as a
 * process document quotes it to say how proposals are written: one from the
 * help before the template's title (how to file one — left in, it stands
 * before the pattern's first section, where it is still found), or one
 * after the name of the template section it is the guidance of (`- Security
 * Considerations - Describe the risks…`: a description of that section).
 */
function quotesTemplate(p: TemplateText, unit: string): boolean {
  const section = p.sectionPath.at(-1);
  if (section === undefined) return true;
  const name = section.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const named = new RegExp(`^[*_\\s]*${escapeRegExp(name)}[*_\\s]*[-–—:]`, 'i');
  return name.length > 0 && named.test(unit) && !named.test(p.text);
}

/** A block holds text that passes `test` (folded): a paragraph or quote, an item of a list; a table or code is content; a comment is none. */
function holdsText(block: Block, test: (folded: string) => boolean): boolean {
  switch (block.kind) {
    case 'paragraph':
    case 'blockquote':
      return test(foldText(block.text));
    case 'list':
      return block.items.some((item) => test(foldText(item.text)));
    case 'html':
      return false;
    default:
      return true;
  }
}

/** A diagram's source compared whole, whitespace aside. */
function diagramKey(content: string): string {
  return content.replace(/\s+/g, ' ').trim();
}

/** Whether `literal` stands inside a quotation of `text` ("…", “…”). */
function withinQuotes(text: string, literal: string): boolean {
  for (const m of text.matchAll(/"([^"]+)"|“([^”]+)”/g)) if ((m[1] ?? m[2] ?? '').includes(literal)) return true;
  return false;
}

/** Whether a short phrase (four words at most) stands inside a much longer text, not at its start. */
function phraseInOwnSentence(phrase: string, text: string): boolean {
  const words = phrase.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  const all = text.split(' ').filter(Boolean);
  return all.length >= words.length * 3 + 4 && !text.startsWith(phrase);
}

/** Whether `literal` opens `text` and words of the author's follow it (`[Option 1] Local disk cache`). */
function labelsOwnWords(text: string, literal: string): boolean {
  const t = text.trimStart();
  if (!t.toLowerCase().startsWith(literal.toLowerCase())) return false;
  const rest = t.slice(literal.length).replace(/^[\s:–—-]+/, '');
  return (rest.match(/\p{L}{2,}/gu) ?? []).length >= 2 && !/^[[<{(]/.test(rest);
}

/**
 * Whether the value of the author's text (after its label, if any) holds a number the template's value
 * does not (`40` for its `15`). A number in a label, `Component 3:` for `Component 1:`, counts no item of theirs.
 */
function ownNumber(text: string, template: string): boolean {
  const value = (t: string) => /^[^:]{1,40}:\s+(.+)$/.exec(t)?.[1] ?? t;
  const theirs = new Set(value(template).match(/\d+(?:[.,]\d+)?/g) ?? []);
  return theirs.size > 0 && (value(text).match(/\d+(?:[.,]\d+)?/g) ?? []).some((n) => !theirs.has(n));
}
