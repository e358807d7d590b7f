import { headerValue } from '../markdown/front-matter.js';
import { escapeRegExp } from './normalize.js';

/**
 * The stages a template lists for a key of its metadata, in its order
 * (`* Status: Provisional|Implementable|Experimental|Standard|Completed|Memorandum`,
 * `stage: alpha|beta|stable` in the metadata file beside it): values in lower case, first word.
 */
export interface StageList {
  /** The key as the template writes it (`Status`, `stage`). */
  key: string;
  values: string[];
  /** The values as written, for messages. */
  written: string[];
}

/**
 * A section the template requires from a stage on (`[required_in]: # (Provisional status and
 * above)`, `This section must be completed when targeting beta to a release.`): required of a
 * pattern at that stage or a later one, not before.
 */
export interface StageRequirement {
  /** The key of the stage list (`Status`). */
  key: string;
  /** The stage as the template's list writes it (`Provisional`). */
  stage: string;
  /** The template's words, for messages (`Provisional status and above`). */
  said: string;
  /** Named by the template's words alone, with no list of stages to place it in (`before any LIP is given status "Final"`): asked at that stage only. */
  alone?: true;
  /**
   * Deferred to an event no stage of the list names (`Not required until targeted at a release.`):
   * not asked of a pattern at the list's first stage, where nothing has happened yet; `stage` is the
   * list's second.
   */
  unplaced?: true;
}

/** When the template asks for the section, for messages: `from Implementable on`, `once “targeted at a release”`. */
export function whenRequired(requirement: StageRequirement): string {
  return requirement.unplaced ? `only once “${requirement.said}”` : `from ${requirement.stage} on`;
}

/** `An implementation has to be finished before a proposal may be given status Final` (or `given "Final" status`): the stage, in group 1 (or 2). */
const GIVEN_STATUS =
  /\b(?:must|has to|have to|needs? to|should) be (?:completed|finished|done|written|filled (?:in|out)|in place|ready)\b[^.\n]{0,60}?\bbefore\b[^.\n]{0,40}?\b(?:given|gets?|reach(?:es)?|moves? to|moved to|set to|marked(?: as)?)\s+(?:the\s+)?(?:(?:status|stage)\s+["“'‘]?([^.\n,"”'’]*)|["“'‘]([^"”'’\n]{1,30})["”'’]\s+(?:status|stage)\b)/i;

/** `Not required until beta`, `Note: not required before targeted at a release`, on a line of its own: what it defers to, in group 1. */
const NOT_UNTIL = /(?:^|\n)\s{0,3}(?:note:\s*)?not required (?:until|before)\b([^.\n]*)/gi;

/** Keys whose listed values are stages a pattern goes through, in order (not kinds: `type`, `category`). */
const STAGE_KEY = /^(?:status|stage|maturity|phase|state|level)$/i;

/** Values that end a lifecycle: statuses listed after one are another track or an outcome (`Memorandum` after `Completed`). */
const FINAL_STAGES = new Set(['completed', 'complete', 'final', 'finished', 'implemented', 'done', 'released', 'shipped', 'stable', 'ga', 'living', 'merged']);

/**
 * The stage lists of a template: each key of its front matter, body fields or metadata file
 * (later sources fill in the keys earlier ones lack) whose value lists three stages or more
 * with `|` (`Provisional|Prototyping|Implementable`), for a key that names stages (`status`, `stage`).
 */
export function stageLists(...sources: (Record<string, unknown> | undefined)[]): StageList[] {
  const out: StageList[] = [];
  for (const source of sources) {
    for (const [key, value] of Object.entries(source ?? {})) {
      if (!STAGE_KEY.test(key.trim()) || typeof value !== 'string' || out.some((l) => l.key.toLowerCase() === key.toLowerCase())) continue;
      const written = value
        .replace(/^[\s[{(<"'`]+|[\s\]})>"'`]+$/g, '')
        .split('|')
        .map((v) => v.trim())
        .filter(Boolean);
      const values = written.map(firstWord);
      if (written.length >= 3 && values.every((v) => v !== undefined) && new Set(values).size === values.length)
        out.push({ key: key.trim(), values: values as string[], written });
    }
  }
  return out;
}

function firstWord(value: string): string | undefined {
  return /^[\s*_`[(]*([\p{L}\p{N}][\p{L}\p{N}-]*)/u.exec(value)?.[1]?.toLowerCase();
}

/**
 * What a section's own text (its note, its guidance, a comment of the author's template) says
 * about the stage from which it is required, naming a stage of one of `lists`: a link-definition
 * comment (`[required_in]: # (Implementable status and above)`), a note in parentheses
 * (`(Required for Experimental status and above)`), a sentence about the section (`This section
 * must be completed when targeting beta to a release.`, `For beta, this section is required`), a
 * line that opens with it (`Required from Implementable on.`), or `Not required until beta`.
 * The earliest stage named wins.
 */
export function requiredFromStage(text: string, lists: readonly StageList[]): StageRequirement | undefined {
  const plain = text.replace(/[*_`]/g, '').replace(/<!--|-->/g, ' ');
  // Sentences run on over the lines of a paragraph; what is said on a line of its own is read line by line.
  const joined = plain.replace(/(\S)[ \t]*\n[ \t]*(?=\S)/g, '$1 ');
  if (lists.length === 0) {
    // (No list of stages, but the words name the status it is needed by: needed there only.)
    const m = GIVEN_STATUS.exec(joined);
    const stage = (m?.[1] ?? m?.[2])?.trim().match(/^\p{L}[\p{L}-]*/u)?.[0];
    return stage ? { key: 'status', stage, said: m![0].trim(), alone: true } : undefined;
  }
  const said: string[] = [];
  // (What `Not required until …` defers it to, whatever it names.)
  const deferred: string[] = [];
  const onLines = [
    /\[required[_ ]?in\]:\s*#\s*[("']([^)"'\n]*)[)"']/gi,
    // (Said of the section, on a line of its own: not of one item of a list in its guidance,
    // `    - Diagnostics: … Not required until feature graduated to beta.`)
    /(?:^|\n)\s{0,3}\(\s*required (?:for|from|in|at|by|once|when|starting)\b([^)\n]*)\)/gi,
    /(?:^|\n)\s{0,3}required (?:for|from|in|at|by|once|starting (?:at|from|with))\s+([^.\n]*)/gi,
    NOT_UNTIL,
  ];
  const inSentences = [
    /\bthis (?:sub-?)?section (?:is|must be|should be|has to be|needs to be) (?:required|mandatory|completed|filled (?:in|out)|written|answered)\b([^.\n]*)/gi,
    // (`The questionnaire must be completed and approved for the proposal to move to `implementable`.`)
    /\bmust be (?:completed|filled (?:in|out)|written|answered)\b[^.\n]{0,40}?\b(?:to|before) (?:move|moving|go|going|graduat\w*|advanc\w*|reach\w*|target\w*)\s+(?:to |into )?([^.\n]*)/gi,
    /\b(?:for|from|at|by) (\S+(?: status| stage)?),? this (?:sub-?)?section is (?:required|mandatory)\b/gi,
    // (`An implementation has to be finished before a proposal may be given status Final`, `The
    // implementation must be completed before any LIP is given status "Final"`, `… before any CAP is
    // given "Final" status`.)
    new RegExp(GIVEN_STATUS.source, 'gi'),
  ];
  for (const re of onLines)
    for (const m of plain.matchAll(re)) {
      said.push(m[1]!.trim());
      if (re === NOT_UNTIL && m[1]!.trim()) deferred.push(m[1]!.trim());
    }
  for (const re of inSentences) for (const m of joined.matchAll(re)) said.push((m[1] ?? m[2] ?? '').trim());
  let best: { list: StageList; index: number; said: string } | undefined;
  for (const words of said) {
    for (const list of lists) {
      list.values.forEach((value, index) => {
        if (!new RegExp(`(?:^|[^\\p{L}\\p{N}-])${escapeRegExp(value)}(?![\\p{L}\\p{N}-])`, 'iu').test(words)) return;
        if (!best || (best.list === list && index < best.index)) best = { list, index, said: words };
      });
    }
  }
  if (!best) {
    // (Deferred to an event of the process no stage names, `until targeted at a release`: past the
    // first stage of the lifecycle, where a pattern starts and nothing has happened to it yet.)
    const list = lists.find((l) => /^(?:status|state)$/i.test(l.key)) ?? lists[0]!;
    return deferred.length > 0 && list.values.length >= 2 ? { key: list.key, stage: list.written[1]!, said: deferred[0]!, unplaced: true } : undefined;
  }
  const { list, index, said: words } = best;
  return { key: list.key, stage: list.written[index]!, said: words };
}

/**
 * Where a pattern stands towards a section required from a stage on: `before` that stage (not
 * required yet), `within` the stages from it to the list's end (or to its last stage of a
 * lifecycle, `Completed`), `outside` them (a value listed after that last stage, `Memorandum`,
 * or one the list does not have), or `unknown` (the pattern gives none).
 */
export type StageStanding = { kind: 'before' } | { kind: 'within' } | { kind: 'outside'; value: string; after?: string } | { kind: 'unknown' };

export function stageStanding(pattern: StageHolder, requirement: StageRequirement, lists: readonly StageList[]): StageStanding {
  if (requirement.alone) {
    const raw = headerValue(pattern, requirement.key);
    if (typeof raw !== 'string') return { kind: 'unknown' };
    return firstWord(raw) === firstWord(requirement.stage) ? { kind: 'within' } : { kind: 'before' };
  }
  const list = lists.find((l) => l.key === requirement.key);
  if (!list) return { kind: 'within' };
  const raw = headerValue(pattern, requirement.key);
  const value = typeof raw === 'string' ? firstWord(raw) : undefined;
  if (value === undefined || typeof raw !== 'string') return { kind: 'unknown' };
  const from = list.values.indexOf(firstWord(requirement.stage)!);
  const at = list.values.indexOf(value);
  if (at < 0) return { kind: 'outside', value: raw.trim() };
  if (at < from) return { kind: 'before' };
  const last = list.values.findIndex((v, i) => i >= from && FINAL_STAGES.has(v));
  if (last >= 0 && at > last) return { kind: 'outside', value: raw.trim(), after: list.written[last]! };
  return { kind: 'within' };
}

/** What stageStanding reads of a pattern: its front matter (with its metadata file's keys) and body fields. */
export interface StageHolder {
  frontMatter: Record<string, unknown>;
  fields?: Record<string, string> | undefined;
}

/**
 * Whether the template asks a pattern for a section at the pattern's stage: always, but for a
 * section required from a stage on where the pattern is not known to be at it or past it. Without
 * a pattern, every section is asked for.
 */
export function askedAtStage(
  template: { stages?: readonly StageList[] | undefined },
  pattern: StageHolder | undefined,
): (section: { requiredFrom?: StageRequirement | undefined }) => boolean {
  const stages = template.stages ?? [];
  if (!pattern) return () => true;
  return (section) =>
    !section.requiredFrom || (stages.length === 0 && !section.requiredFrom.alone) || stageStanding(pattern, section.requiredFrom, stages).kind === 'within';
}
