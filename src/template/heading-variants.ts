import { choiceNames, detached, foldHeading } from './normalize.js';

/**
 * How a heading's name is written differently from the template's without
 * being another section: a note in parentheses, a plural for a singular,
 * British for American spelling, `Author(s)`. Templates and patterns written
 * by people use all of these; none of them is a missing section.
 */

/** A trailing note in parentheses after a space: `Testing (optional until reviewed)`, `Cost (if applicable)`. */
const TRAILING_NOTE = /\s+\(([^()]*)\)\s*$/u;
/** A trailing note in full-width brackets, with no space before it as CJK writes: `补充说明（可选）`, `补充说明【可选】`. */
const TRAILING_WIDE_NOTE = /\s*[（【]([^（）【】]*)[）】]\s*$/u;
/** A trailing note in brackets, `Drawbacks [optional]` — only one that says the section is optional (`[Pattern Title]` is a placeholder). */
const TRAILING_BRACKET_NOTE = /\s+\[([^[\]]*)\]\s*$/u;
/** The same after CJK text with no space: `补充说明[可选]`. */
const TRAILING_CJK_BRACKET_NOTE = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\[([^[\]]*)\]\s*$/u;

/** A leading note in brackets or parentheses, `[Optional] Prior art`, `(Optional) Future work`, or a leading `Optional:` — only one that says the section is optional. */
const LEADING_NOTE = /^\s*(?:\[([^[\]]*)\]|\(([^()]*)\)|(optional)\s*[:\-–—])\s*(?=\S)/iu;

/** "Optional" as other languages write it in a note of its own (`补充说明[可选]`, `Anhang (optional)`, `Anexos (opcional)`). */
export const OPTIONAL_WORD_ELSEWHERE = String.raw`可选|选填|非必[须需]|任意|선택(?:\s*사항)?|opcional|facultati(?:f|ve|vo|va)|optionnel(?:le)?|opzionale|fakultativ|wahlweise|необязательн\p{L}*`;

/** Notes that make a section optional: "optional" anywhere, or the usual "if it applies" phrasings. */
const OPTIONAL_NOTE = new RegExp(
  String.raw`\boptional\b|^(?:${OPTIONAL_WORD_ELSEWHERE})$|^(?:only )?if \p{L}|\bif (?:applicable|any|needed|necessary|relevant|required|appropriate)\b|\b(?:where|when|as) (?:applicable|relevant|needed|necessary|appropriate)\b|\bnot required\b`,
  'iu',
);

export interface HeadingNote {
  /** The heading without its note. */
  text: string;
  /** The note's text, without the parentheses. */
  note?: string;
  /** The note says the section is optional. */
  optional: boolean;
  /** The note says the author leaves it out on purpose (`[omitted]`, `(N/A)`, `(not applicable)`): nothing to write there. */
  declined?: true;
}

/** A heading's note that says the section is left out on purpose: `[omitted]`, `(N/A)`, `(not applicable)`, `(intentionally blank)`. */
const DECLINED_NOTE =
  /^(?:omitted|skipped|n\/?a|none|not applicable|does not apply|intentionally (?:left )?(?:blank|empty)|left (?:blank|empty) (?:on purpose|intentionally))$/i;

/**
 * Splits a heading's trailing note from its name. A parenthesised date,
 * version or number is part of the name (`Version 1.0.0 (2024-01-15)`), so it
 * is not a note: a note has a word in it.
 */
export function splitNote(heading: string): HeadingNote {
  const m = TRAILING_NOTE.exec(heading);
  if (m && /\p{L}{2,}/u.test(m[1]!) && m.index > 0) {
    const note = m[1]!.trim();
    return { text: heading.slice(0, m.index), note, optional: OPTIONAL_NOTE.test(note), ...(DECLINED_NOTE.test(note) ? { declined: true as const } : {}) };
  }
  const wide = TRAILING_WIDE_NOTE.exec(heading);
  if (wide && wide.index > 0 && OPTIONAL_NOTE.test(wide[1]!.trim())) return { text: heading.slice(0, wide.index), note: wide[1]!.trim(), optional: true };
  const b = TRAILING_BRACKET_NOTE.exec(heading) ?? TRAILING_CJK_BRACKET_NOTE.exec(heading);
  if (b && b.index > 0 && OPTIONAL_NOTE.test(b[1]!)) return { text: heading.slice(0, b.index), note: b[1]!.trim(), optional: true };
  if (b && b.index > 0 && DECLINED_NOTE.test(b[1]!.trim())) return { text: heading.slice(0, b.index), note: b[1]!.trim(), optional: false, declined: true };
  const lead = LEADING_NOTE.exec(heading);
  const said = lead ? (lead[1] ?? lead[2] ?? lead[3])!.trim() : '';
  if (lead && OPTIONAL_NOTE.test(said) && /\p{L}{2,}/u.test(heading.slice(lead[0].length))) return { text: heading.slice(lead[0].length), note: said, optional: true };
  return { text: heading, optional: false };
}

/** Words with a British spelling that differs from the American one only in a way the rules below do not catch. */
const SPELLINGS: Record<string, string> = {
  acknowledgement: 'acknowledgment',
  judgement: 'judgment',
  licence: 'license',
  defence: 'defense',
  offence: 'offense',
  catalogue: 'catalog',
  dialogue: 'dialog',
  analogue: 'analog',
  programme: 'program',
  grey: 'gray',
  aluminium: 'aluminum',
};

/** Plurals the rules below do not make singular: `Appendices` is `Appendix`, `Criteria` `Criterion`. */
const IRREGULAR_PLURALS: Record<string, string> = {
  appendices: 'appendix',
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  criteria: 'criterion',
  analyses: 'analysis',
  hypotheses: 'hypothesis',
  theses: 'thesis',
  schemata: 'schema',
};

/** Words that end in `-our` / `-ise` / `-s` without being British spellings or plurals. */
const KEEP = new Set([
  'our',
  'your',
  'four',
  'hour',
  'pour',
  'tour',
  'sour',
  'flour',
  'devour',
  'contour',
  'detour',
  'rise',
  'wise',
  'otherwise',
  'likewise',
  'clockwise',
  'noise',
  'raise',
  'praise',
  'poise',
  'guise',
  'cruise',
  'bruise',
  'enterprise',
  'exercise',
  'promise',
  'premise',
  'expertise',
  'advertise',
  'surprise',
  'compromise',
  'precise',
  'concise',
  'revise',
  'supervise',
  'advise',
  'devise',
  'improvise',
  'franchise',
  'merchandise',
  'disguise',
  'paradise',
  'demise',
  'excise',
  'incise',
  'status',
  'bus',
  'gas',
  'plus',
  'thus',
  'this',
  'is',
  'was',
  'has',
  'its',
  'us',
  'as',
  'yes',
  'news',
  'series',
  'species',
  'analysis',
  'basis',
  'synopsis',
  'thesis',
  'hypothesis',
  'diagnosis',
  'axis',
  'chaos',
  'canvas',
  'atlas',
  'bias',
  'alias',
  'corpus',
  'campus',
  'census',
  'focus',
  'bonus',
  'virus',
  'consensus',
  'apparatus',
  'nexus',
  'process',
  'access',
  'success',
  'address',
  'less',
  'loss',
  'class',
  'pass',
  'across',
  'cross',
  'business',
  'progress',
  'stress',
  'express',
  'kubernetes',
  'ops',
  'devops',
  'finops',
  'mlops',
  'aws',
  'gcp',
  'dns',
  'tls',
  'https',
  'css',
  'sms',
  'cms',
  'ios',
  'macos',
  'redis',
  'postgres',
  'sas',
  'paas',
  'iaas',
  'saas',
  'faas',
  'dbaas',
]);

/** The word as both spellings and both numbers fold to: British to American, plural to singular. */
function foldWord(word: string): string {
  if (KEEP.has(word)) return word;
  // Own keys only: `constructor` or `toString` in a heading is a word, not Object.prototype's.
  let w = Object.hasOwn(SPELLINGS, word) ? SPELLINGS[word]! : word;
  // Plurals: policies → policy, processes → process, references → reference, authors → author.
  if (Object.hasOwn(IRREGULAR_PLURALS, w)) w = IRREGULAR_PLURALS[w]!;
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (Object.hasOwn(SPELLINGS, w)) w = SPELLINGS[w]!;
  // British spellings: behaviour → behavior, organisation → organization, analyse → analyze, centre → center, modelling → modeling.
  if (w.length > 5 && w.endsWith('our') && !KEEP.has(w)) w = `${w.slice(0, -3)}or`;
  w = w.replace(/(?<=\w{3})is(ation|ing|ed|e|er)$/, 'iz$1').replace(/(?<=\w{2})ys(e|ed|ing)$/, 'yz$1');
  if (/^(?:cent|met|theat|fib|lit)re$/.test(w)) w = `${w.slice(0, -2)}er`;
  w = w.replace(/(?<=\w{3}[aeiou])ll(ing|ed|er)$/, 'l$1');
  return w;
}

/**
 * Whether `heading` is `name` with more words of the author's: after it
 * (`References and Further Reading`, `Introduction - What it is`,
 * `Patlet / Summary`, `Alternatives Considered` for `References`,
 * `Introduction`, `Patlet`, `Alternatives`), or one or two before it
 * (`Desired Resulting Context`, `Rejected Alternatives`), at word
 * boundaries. The name needs a word of four letters or more, so a short name
 * (`Use`) does not claim every heading that holds it. Words before the name
 * are taken only at the section's own place (`wordsBefore`): deeper in a
 * document, `### External References` or `#### Recursive Entity Reference`
 * are a topic's own headings.
 */
export function extendsName(heading: string, name: string, wordsBefore = true): boolean {
  const key = variantKey(name);
  if (!/\p{L}{4,}/u.test(key)) return false;
  const full = variantKey(heading);
  if (full.startsWith(`${key} `)) {
    // A compound the name's last word only begins (`Reference-level explanation` is no `References`).
    const last = name.includes('-') ? undefined : heading.trim().split(/\s+/)[key.split(' ').length - 1];
    return !(last && /\p{L}-\p{L}/u.test(last));
  }
  if (!wordsBefore || !full.endsWith(` ${key}`)) return false;
  // (Words as written: `Cloud-to-device Diagram Steps` has one before `Diagram Steps`.)
  const before = Math.min(full.slice(0, -key.length - 1).split(' ').length, Math.max(1, heading.trim().split(/\s+/).length - name.trim().split(/\s+/).length));
  return before <= 2;
}

/**
 * Whether `heading` is `name` without the participle after it that qualifies it: `Alternatives` for
 * `Alternatives Considered`, `Changes` for `Changes Proposed`. The heading keeps the name's head noun
 * (a word of four letters or more), and one word only is left out. (A participle before the noun,
 * `Proposed Solution`, is read by the section's place: `## Solution` where the template puts it.)
 */
export function shortensName(heading: string, name: string): boolean {
  const key = variantKey(heading);
  if (!/\p{L}{4,}/u.test(key)) return false;
  const full = variantKey(name);
  return full.startsWith(`${key} `) && PARTICIPLE.test(full.slice(key.length + 1));
}

/** One word that is a past participle (`considered`, `proposed`, `detailed`), not a word that only ends so (`need`, `speed`). */
const PARTICIPLE = /^\p{L}{3,}(?<!e)ed$/u;

/**
 * A section named for what is still open — unresolved questions, open issues, outstanding points —:
 * left empty, or left out, it says nothing is (empty-section, required-section: a warning each).
 */
/** A qualifier that makes a noun others than the one taken: `alternative solutions`, `rejected designs`, `prior proposals`. */
export const OTHER_THAN = /^(?:alternatives?|alternate|other|rejected|discarded|previous|prior|former|competing|considered)$/i;

/** Whether a name speaks of the ways not taken (`Alternative Solutions`, `Rejected designs`), by a word of `OTHER_THAN`. */
export function namesOtherWays(name: string): boolean {
  return (name.match(/[\p{L}]+/gu) ?? []).some((w) => OTHER_THAN.test(w));
}

export const OUTSTANDING = /\b(?:open|unresolved|unanswered|outstanding|pending|remaining)\s+(?:questions?|issues?|points?|items?)\b/i;

/** A section that tells the author to take it out once done (`## Writing guide, delete this section before merging`): guidance, never asked for, never another name's. */
export const REMOVE_ME = /\b(?:remove|delete)(?: this)? (?:(?:sub-?)?section|part) (?:when|once|after|before|upon|prior to)\b/i;

/**
 * Whether a heading holds a section's whole name among words of the
 * author's, at word boundaries (`Phase 1: streaming Implementation Overview`,
 * `Design & Implementation Overview` hold `Implementation Overview`). Names
 * of two words or more only: a one-word name is in too many headings.
 */
export function holdsName(heading: string, name: string): boolean {
  const key = variantKey(name);
  if (!key.includes(' ') || !/\p{L}{4,}/u.test(key)) return false;
  return ` ${variantKey(heading)} `.includes(` ${key} `);
}

/**
 * The key two names share when they differ only by case, punctuation, `&`
 * for `and`, a trailing colon, a parenthetical note, `(s)`, singular/plural or
 * British/American spelling: `Author(s):`, `Authors` and `author` all give
 * `author`; `Acknowledgements` and `Acknowledgment` give `acknowledgment`.
 */
export function variantKey(heading: string): string {
  let key = variantKeys.get(heading);
  if (key === undefined) {
    key = computeVariantKey(heading);
    if (variantKeys.size < VARIANT_KEYS_LIMIT) variantKeys.set(detached(heading), key);
  }
  return key;
}

/**
 * Headings repeat across a catalog, and a heading that matches no template
 * section exactly is compared with every section's name: keys are
 * remembered, up to a bound (measured: 11 s of a 55 s run on 600 documents
 * went to working the same keys out again).
 */
const variantKeys = new Map<string, string>();
const VARIANT_KEYS_LIMIT = 20_000;

const ARTICLES = new Set(['the', 'a', 'an']);

function computeVariantKey(heading: string): string {
  // `References & Credits` is `References and Credits`.
  const folded = foldHeading(splitNote(heading).text.replace(/\s&(?:amp;)?\s/g, ' and ')).replace(/\((?:s|es)\)/g, '');
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  // An article before the name is no other name: `The Problem`, `The Intent of Actor Pattern`.
  if (words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
  return words.map(foldWord).join(' ');
}

/**
 * The names a heading joins (`Performance, Ergonomics, and Compatibility`;
 * `Risks & Mitigations / Open Questions`), each as `variantKey` gives it; one
 * name for a heading that joins none.
 */
export function nameParts(heading: string): string[] {
  return splitNote(heading)
    .text.split(/\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+|\s*\/\s*/i)
    .map((part) => variantKey(part))
    .filter(Boolean);
}

/**
 * The parts of a template section whose name joins its sub-sections' names
 * (`## Impact, Cost, and Risk` over `### Impact`, `### Cost`, `### Risk`):
 * each sub-section is one part of what the heading asks. Undefined for any
 * other section.
 */
export function joinedParts(section: { name: string; children: readonly { name: string }[] }): Set<string> | undefined {
  if (section.children.length < 2) return undefined;
  const parts = new Set(nameParts(section.name));
  if (parts.size < 2) return undefined;
  return section.children.every((child) => parts.has(variantKey(child.name))) ? parts : undefined;
}

/**
 * The names a heading offers as alternatives, joined by slashes
 * (`Introduction/Overview`, `Non-Goals/Future Work`) or offered as a choice in
 * brackets (`[Background | References]`): a pattern's heading that
 * is one of them is the section. Only words of four letters or more on each
 * side (`I/O`, `CI/CD` name one thing).
 */
export function slashAlternatives(heading: string): string[] {
  // (Or by bars in brackets, `[Background | References]`.)
  const choice = choiceNames(heading);
  if (choice.length > 0) return choice;
  if (!heading.includes('/')) return [];
  const parts = heading.split(/\s*\/\s*/).map((p) => p.trim());
  if (parts.length < 2 || !parts.every((p) => /\p{L}{4}/u.test(p))) return [];
  // (One word before the slash, a noun after the last part that it shares: `Affected/not affected
  // projects` names `Affected projects` and `Not affected projects`; `Non-Goals/Future Work` stays two.)
  const last = parts.at(-1)!.split(/\s+/);
  if (parts.length === 2 && !/\s/.test(parts[0]!) && last.length >= 2) {
    const tail = last.at(-1)!;
    const head = last.slice(0, -1).join(' ');
    if (head.toLowerCase().includes(parts[0]!.toLowerCase()) || /^(?:not?|non|un)\b/i.test(head)) return [`${parts[0]} ${tail}`, parts[1]!];
  }
  return parts;
}
