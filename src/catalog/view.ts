import type { Range } from '../markdown/lines.js';
import type { Link } from '../markdown/types.js';
import { foldText } from '../template/normalize.js';
import type { Pattern, PatternText, PatternView } from './types.js';

const plain = (range: Range): Range => ({ start: { ...range.start }, end: { ...range.end } });

/**
 * The view of a loaded pattern: only the fields of `PatternView`, as fresh
 * objects. A full pattern is already a view by type, but it holds its whole
 * document; this one can be kept for the whole run or posted to another thread.
 * (Its strings still share the file's text until copied: callers that keep
 * views `structuredClone` them, see lint/parallel.ts.)
 */
export function viewOf(pattern: Pattern): PatternView {
  const text = (t: PatternText | undefined): PatternText | undefined =>
    t ? { text: t.text, from: t.from, range: plain(t.range), ...(t.sample ? { sample: t.sample } : {}) } : undefined;
  const title = text(pattern.title);
  const summary = text(pattern.summary);
  return {
    slug: pattern.slug,
    file: pattern.file,
    path: pattern.path,
    dir: pattern.dir,
    size: pattern.size,
    ...(title ? { title } : {}),
    ...(pattern.shownName !== undefined ? { shownName: pattern.shownName } : {}),
    ...(summary ? { summary } : {}),
    ...(pattern.movedTo !== undefined ? { movedTo: pattern.movedTo } : {}),
    ...(pattern.templateFile !== undefined ? { templateFile: pattern.templateFile } : {}),
    frontMatter: pattern.frontMatter,
    ...(pattern.fields ? { fields: pattern.fields } : {}),
    links: pattern.links.map((l): Link => ({
      ...l,
      range: plain(l.range),
      sectionPath: [...l.sectionPath],
      ...(l.definition ? { definition: plain(l.definition) } : {}),
    })),
    anchors: [...pattern.anchors],
  };
}

/**
 * The name a pattern is shown by: its title, else one made from its file or
 * folder name as documentation sites do (`0042-regexps` → `0042 regexps`,
 * `circuit_breaker` → `Circuit breaker`) — a catalog whose documents have no
 * title line still lists names rather than slugs.
 */
export function displayTitle(pattern: Pick<PatternView, 'slug' | 'title' | 'shownName'>): string {
  // (The template's title line left as it is, `# Title`, names nothing: the file's name does.)
  // (An identifier the template asks for in the name's place, `- Feature Name: retry_budget`, is shown
  // in words, as a file's name is: `Retry budget`.)
  // (So is one written after the label the template's title line keeps, `# Feature Name: better-reflect`:
  // the name after the label.)
  const labelled = pattern.title && !pattern.title.sample ? NAME_LABEL.exec(pattern.title.text) : null;
  if (labelled) {
    const name = pattern
      .title!.text.slice(labelled[0].length)
      .trim()
      .replace(/^`([^`]+)`$/, '$1');
    if (IDENTIFIER.test(name) || KEBAB_IDENTIFIER.test(name)) return nameInWords(name);
    return name && !NO_NAME.test(name) ? name : nameInWords(pattern.slug);
  }
  // (A heading that is the summary's and the name together, `## Summary - Serve Pipeline`: the name.)
  const joined = pattern.title?.from === 'heading' && !pattern.title.sample ? SUMMARY_AND_NAME.exec(pattern.title.text) : null;
  const rest = joined ? pattern.title!.text.slice(joined[0].length).trim() : '';
  if (joined && !NO_NAME.test(rest)) return rest;
  const ident = pattern.title?.text.replace(/^`([^`]+)`$/, '$1');
  if (ident && !pattern.title!.sample && IDENTIFIER.test(ident)) return nameInWords(ident);
  // (So is one by hyphens alone in a field of the document's header, `- Feature Name: nuke-return-this`,
  // where the template asks for an identifier: as `rename_maybe_pointer` beside it is shown.)
  if (ident && !pattern.title!.sample && pattern.title!.from === 'paragraph' && KEBAB_IDENTIFIER.test(ident)) return nameInWords(ident);
  // (Nor does a value that says there is none, `- Feature Name: N/A`.)
  if (pattern.title?.text && !pattern.title.sample && !NO_NAME.test(pattern.title.text.trim())) return pattern.title.text;
  return (!pattern.title && pattern.shownName) || nameInWords(pattern.slug);
}

/**
 * A name made of a file's words (see `nameInWords`), each word written as the document's text writes
 * it most where that has a capital after its first letter, twice at least and more often than in
 * lower case: `Wasm gc` → `Wasm GC`, `New api` → `New API`, where the text says "GC" and "API".
 */
export function casedName(slug: string, text: string): string {
  return nameInWords(slug).replace(/\p{L}[\p{L}\p{N}]*/gu, (word) => {
    if (word.length < 2 || !/^[\p{L}\p{N}]+$/u.test(word)) return word;
    const counts = new Map<string, number>();
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, 'giu'))) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    const lower = counts.get(word.toLowerCase()) ?? 0;
    // (Only a capital after its first letter, `GC`, `PAuth`, `macOS`: a capital first alone may be a
    // sentence's or a heading's, `Budget`, no part of the word.)
    const best = [...counts].filter(([w]) => /\p{L}\p{Lu}/u.test(w)).sort((a, b) => b[1] - a[1])[0];
    return best && best[1] >= 2 && best[1] > lower ? best[0] : word;
  });
}

/** The label a title line opens with before the name: `Feature Name:`, `Title:`, `Proposal name:`. */
const NAME_LABEL = /^\s*(?:(?:feature|proposal|pattern|document|project|rfc)[ _-]?)?(?:name|title)\s*:\s*(?=\S)/i;

/** The name of a document's summary set before its name in one heading: `Summary - `, `Abstract: `. */
const SUMMARY_AND_NAME = /^\s*(?:summary|abstract|synopsis|tl;?\s?dr)\s*(?:\s[-–—]|:)\s+(?=\S)/i;

/** A title that says there is none: `N/A`, `none`, `not applicable`, `TBD`, `-`. */
const NO_NAME = /^(?:[`*_(]*)(?:n\/?a|none|nil|not applicable|tbd|tba|tbc|to be (?:decided|determined|defined)|-+|—|–)(?:[`*_).]*)$/i;

/**
 * A name written as an identifier: lower case words joined by underscores, hyphens among them or not
 * (`retry_budget`, `event_loop-refactor`), as the template's `Feature Name:` asks.
 */
const IDENTIFIER = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*_[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** …or by hyphens alone, after the label a title line keeps (`Feature Name: better-reflect`): a slug kept as the title elsewhere is the author's. */
const KEBAB_IDENTIFIER = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

/** A name made of a file's or an identifier's words, as readers are shown it. */
function nameInWords(name: string): string {
  // (A date the file name starts with, `2022-03-08-` or `202203-`, says when, not what; nor does a
  // number still to be given, `0000-`, kept by every document of the catalog that has none yet.)
  const text = name
    .replace(/^(?:19|20)\d{2}[-_.]?\d{1,2}(?:[-_.]?\d{1,2})?[-_]+(?=\D)/, '')
    .replace(/^(?:0{3,}|n{3,}|x{3,})[-_]+(?=\D)/i, '')
    .replace(/\s*[-_]+\s*|\s{2,}/g, ' ')
    .trim();
  // (A document's number kept, the words after it a title: `0012-bulk-export` is `0012 Bulk export`.)
  const numbered = /^(\d+ )(\p{Ll})/u.exec(text);
  if (numbered) return numbered[1]! + numbered[2]!.toUpperCase() + text.slice(numbered[0].length);
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : name;
}

/** A label an author opens a summary with (`TL;DR:`, `Summary:`, `In short —`): it says the text is the summary. */
export const SUMMARY_LABEL = /^(?:tl;?\s?dr|summary|abstract|in short|in brief)\s*[:.—–-]\s+(?=\S)/i;

/** A last word no sentence ends on: a preposition, an article, a conjunction (`… to each other to`), or a pronoun that opens a new one (`… RFC. It`); not `opt in`, `remove it`. */
const DANGLING = /(?:^|\s)(?:to|from|of|for|with|by|into|as|the|a|an|and|or|but|that|which)$|(?:^|[.!?]\s+)(?:It|We|They|This|These)$/;

/**
 * What summaries are compared by, to find one several patterns give alike (see `sharedSummaryTexts`):
 * the text readers are shown, folded — so a copy with a footnote marker or a `Summary:` label is the
 * same copy, and search (which keeps only the shown text) counts as the catalog layer does.
 */
export function sharedSummaryKey(summary: Pick<PatternText, 'text' | 'from'>): string {
  return foldText(displaySummary(summary) ?? '');
}

/**
 * A pattern's summary as readers are shown it (site cards, search answers):
 * a paragraph taken as the summary that ends by introducing a list (`It adds
 * three instructions:`), or runs on into one (`… to each other to`), loses that
 * last sentence when one comes before it, and else ends with an ellipsis: the
 * list it announced is not shown with it.
 * A summary the author wrote as one (a blockquote, front matter) is as written.
 */
export function displaySummary(summary: Pick<PatternText, 'text' | 'from'> | undefined): string | undefined {
  if (!summary) return undefined;
  // Footnote markers (`[^1]`) point at notes shown elsewhere, or not at all.
  // A label the author opens it with (`TL;DR:`, `Summary:`) says what the card already shows it as.
  // (So is Liquid's `{% raw %}` around a sample, `{% raw %}{{ 7*7 }}{% endraw %}`: it shows nothing.)
  const text = summary.text
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/\{%-?\s*(?:end)?raw\s*-?%\}/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(SUMMARY_LABEL, '');
  if (summary.from !== 'paragraph' && summary.from !== 'section') return text;
  // (Or a sentence that runs on into the list or code block after it, `… need to talk to each other to`
  // over a list of reasons: it ends on a word that cannot end one.)
  if (!text.endsWith(':') && !DANGLING.test(text)) return text;
  const lastStop = Math.max(...[...text.slice(0, -1).matchAll(/(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|incl))[.!?](?=\s+\S)/g)].map((m) => m.index));
  return lastStop > 0 ? text.slice(0, lastStop + 1) : `${text.replace(/:$/, '').trimEnd()}…`;
}
