import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../catalog/links.js';
import { parseMarkdown } from '../markdown/document.js';
import type { Block, ListItem, Section } from '../markdown/types.js';
import { variantKey } from '../template/heading-variants.js';
import type { TemplateSection } from '../template/types.js';
import { flattenSections, isUnder } from '../template/walk.js';
import type { SectionChoice } from './adopt-compare.js';

/**
 * What the catalog's own process pages say of the template's sections: its README's,
 * CONTRIBUTING's and checklists' rules, read where they name the sections. `init --adopt` writes them into
 * `sections`, each with the sentence it comes from, so that lint holds the catalog to its own
 * words and no stricter:
 *
 * - A sentence that frees a document from filling every section ("It doesn't need to fill in all
 *   the sections") makes every section the template asks for recommended: still asked for, a
 *   missing one a warning.
 * - A list of parts under a lead-in that names them ("Each ACP can have the following parts:",
 *   then `* \`Open Questions\`: …`) makes a part listed only as one a document may have optional,
 *   and a part required only of some kinds ("Each `Standards Track` ACP must have …") recommended.
 *   A part every document must have ("Each ACP must have the following parts:") stays as the
 *   template has it.
 */
export function processRules(root: string, template: readonly TemplateSection[], more: readonly { rel: string; text: string }[] = []): SectionChoice[] {
  const sections = flattenSections(template).filter((s) => !s.anyHeading && !s.repeatable);
  if (sections.length === 0) return [];
  const byKey = new Map(sections.map((s) => [variantKey(s.name), s]));
  const listed = new Map<TemplateSection, { must?: Said; some?: Said; may?: Said }>();
  let freed: Said | undefined;
  let minimum: { said: Said; sections: TemplateSection[] } | undefined;
  for (const page of [...processPages(root), ...more]) {
    const parsed = parseMarkdown(page.text);
    if (!parsed.ok) continue;
    const doc = parsed.document;
    const runs: (readonly Block[])[] = [doc.preamble, ...flattenSections(doc.sections).map((s: Section) => s.blocks)];
    for (const blocks of runs) {
      blocks.forEach((block, i) => {
        const texts = block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items.map((item) => item.text) : [];
        if (!freed) {
          const sentence = texts.find((t) => NOT_EVERY_SECTION.test(t));
          if (sentence) freed = { file: page.rel, line: block.range.start.line, text: sentenceOf(sentence, NOT_EVERY_SECTION) };
        }
        // ("At minimum, you should fill in the "Summary" and "Motivation" sections": those, and the rest asked for.)
        if (!minimum)
          for (const text of texts) {
            const m = AT_MINIMUM.exec(text.replace(/\s+/g, ' '));
            const named = m ? sections.filter((t) => namedIn(m[1]!, t.name)) : [];
            if (named.length === 0) continue;
            minimum = { said: { file: page.rel, line: block.range.start.line, text: sentenceOf(text, AT_MINIMUM) }, sections: named };
            break;
          }
        // ("Optional sections can include alternatives that were considered, and open problems": the
        // parts named in the sentence a document may have; in a nested list's items too.)
        const nested = (b: Block): string[] =>
          b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items.flatMap((item) => [item.text, ...item.blocks.flatMap(nested)]) : [];
        for (const text of nested(block)) {
          const named = OPTIONAL_INLINE.exec(text.replace(/\s+/g, ' '));
          if (!named) continue;
          const said: Said = { file: page.rel, line: block.range.start.line, text: sentenceOf(text, OPTIONAL_INLINE) };
          for (const schema of sections.filter((t) => namedAmong(named[1]!, t.name))) {
            const entry = listed.get(schema) ?? listed.set(schema, {}).get(schema)!;
            entry.may ??= said;
          }
        }
        // (A lead-in and its list: a paragraph over a list, or a list's item over the list nested in
        // it — a checklist's `- [ ] The other section headings in the template are optional. Those
        // section headings are:` over `- [ ] Alternatives`, …)
        const leadsInto = (lead: string, line: number, list: Block | undefined) => {
          if (list?.kind !== 'list' || !/:\s*$/.test(lead)) return;
          const kind = leadKind(lead);
          if (!kind) return;
          const said: Said = { file: page.rel, line, text: lead.replace(/\s+/g, ' ').trim() };
          for (const item of list.items) {
            const named = itemName(item.text);
            const schema = named ? (byKey.get(variantKey(named.name)) ?? endingIn(sections, named.name)) : undefined;
            if (!schema) continue;
            const entry = listed.get(schema) ?? listed.set(schema, {}).get(schema)!;
            // (An item marked so in its own note, `Motivation (*optional*) - …` under "Each FIP should
            // have the following parts:": a part a document may have, whatever the lead-in says of the rest.)
            // (Not `(not optional)`, nor `(optional for Informational FIPs)`, which asks it of the others.)
            if (named!.note && /^optional\b(?!\s+(?:for|unless|if|only|when|until)\b)/i.test(named!.note)) {
              entry.may ??= { file: page.rel, line: item.range.start.line, text: item.text.split('\n')[0]!.replace(/\s+/g, ' ').trim().slice(0, 120) };
              continue;
            }
            entry[kind] ??= said;
          }
        };
        if (block.kind === 'paragraph') leadsInto(block.text, block.range.start.line, blocks[i + 1]);
        const items = (b: Block): ListItem[] => (b.kind === 'list' ? b.items.flatMap((item) => [item, ...item.blocks.flatMap(items)]) : []);
        for (const item of items(block))
          leadsInto(
            item.text,
            item.range.start.line,
            item.blocks.find((b) => b.kind === 'list'),
          );
      });
    }
  }
  const out: SectionChoice[] = [];
  for (const [schema, entry] of listed) {
    if (entry.must || schema.optional) continue;
    if (entry.some)
      out.push({
        name: schema.name,
        recommended: true,
        reasons: [
          MOST_OF.test(entry.some.text)
            ? `${where(entry.some)} lists \`${schema.name}\` among the sections a document should have most of ("${entry.some.text}"): recommended (a missing one is a warning)`
            : `${where(entry.some)} asks for \`${schema.name}\` of some kinds of document only ("${entry.some.text}"): recommended (a missing one is a warning)`,
        ],
      });
    else if (entry.may)
      out.push({
        name: schema.name,
        optional: true,
        reasons: [`${where(entry.may)} lists \`${schema.name}\` among the parts a document may have ("${entry.may.text}"): optional`],
      });
  }
  if (minimum && !freed) {
    const { said, sections: least } = minimum;
    let quoted = false;
    // (The sections under one it names are that section's text; a section the template requires from a
    // stage on keeps that requirement.)
    const within = (schema: TemplateSection) => least.some((l) => l === schema || isUnder(schema, l));
    for (const schema of sections) {
      if (within(schema) || schema.optional || schema.recommended || schema.requiredFrom || out.some((c) => c.name === schema.name) || listed.get(schema)?.must) continue;
      out.push({
        name: schema.name,
        recommended: true,
        reasons: [
          `\`${schema.name}\`: ${where(said)} asks at minimum for ${least.map((l) => `\`${l.name}\``).join(' and ')}${quoted ? '' : ` ("${said.text}")`}: recommended (a missing one is a warning)`,
        ],
      });
      quoted = true;
    }
  }
  if (freed) {
    const said = freed;
    let quoted = false;
    for (const schema of sections) {
      if (schema.optional || schema.recommended || out.some((c) => c.name === schema.name) || listed.get(schema)?.must) continue;
      // (The sentence quoted once, at the first section it frees.)
      out.push({
        name: schema.name,
        recommended: true,
        reasons: [
          `\`${schema.name}\`: ${where(said)} says a document need not fill in every section${quoted ? '' : ` ("${said.text}")`}: recommended (a missing one is a warning)`,
        ],
      });
      quoted = true;
    }
  }
  return out;
}

interface Said {
  file: string;
  line: number;
  text: string;
}

const where = (said: Said) => `${said.file} (line ${said.line})`;

/** A sentence that frees a document from writing every section of the template. */
const NOT_EVERY_SECTION =
  /\b(?:(?:does(?:n['’]t| not)|do(?:n['’]t| not)|need(?:n['’]t| not)) (?:need to |have to )?fill(?:[- ]?in| out)? (?:all|every)(?: of)?(?: the)? sections?|not (?:all|every)(?: of the)? sections? (?:are|is) (?:required|mandatory|needed)|(?:all|the) sections (?:of the template )?are optional|(?:skip|omit|leave out|remove|delete|drop) (?:any )?sections? that (?:do(?:es)?n['’]t|do(?:es)? not) apply|fill (?:in|out) (?:only )?the sections that apply|(?:remove|delete|drop) (?:any|the) (?:(?:unnecessary|irrelevant|unneeded|inapplicable|unused)(?: (?:or|and) )?){1,2} sections?|(?:some|parts|sections)(?: (?:of (?:this|these|it|the (?:template|sections))|parts|sections))? (?:may|might|will) not (?:apply|be (?:relevant|needed|applicable))\b[^.;]{0,60}?(?:that['’]s|that is|it['’]s|it is|which is) (?:fine|ok|okay|alright|acceptable)|not (?:all|every)(?: of the)? (?:sections?|parts?) (?:will|may|might|need to) (?:apply|be (?:relevant|needed|filled))|(?:use|copy|start (?:from|with)) (?:the |our |this )?(?:provided |given )?template,? or (?:follow|mirror|copy|use) (?:the (?:structure|layout|shape|format|outline) of )?(?:an? |the )?(?:existing|previous|earlier|other|accepted)|feel free to (?:edit|modify|change|adapt|adjust|reorder|rearrange|restructure|reorgani[sz]e|tailor)\b[^.;]{0,60}?\b(?:outline|structure|sections?|headings?|template)|(?:is|are) (?:only |just |merely )?(?:meant|intended) (?:to (?:provide|be|give|serve as) )?(?:as )?an? (?:starting point|rough guide|suggestion|suggested outline))\b/i;

/** "At minimum, you should fill in the "Summary" and "Motivation" sections": the sections named, in group 1. */
const AT_MINIMUM =
  /\bat (?:a |the )?(?:minimum|least),? (?:you |authors? |each \w+ )?(?:should |must |need to |has to |have to )?(?:fill(?:[- ]?in| out)|complete|write|provide|include)(?: only)? (?:the )?(.{2,80}?) sections?\b/i;

/** Whether a section's name is one of those a sentence lists (`"Summary", and "Motivation"`), as written or quoted. */
function namedIn(list: string, name: string): boolean {
  const key = variantKey(name);
  return list
    .split(/,|\band\b|&/)
    .map((part) => variantKey(part.replace(/["“”'`*]/g, '').trim()))
    .some((part) => part === key);
}

/** A sentence that names, inline, the parts a document may leave out: "Optional sections can include (but are not limited to) …". */
const OPTIONAL_INLINE =
  /\boptional (?:sections|parts|headings)(?: of (?:a|the|each) \w+)? (?:can|may|might|could)? ?(?:include|includes|are|such as|like)\b(?: \(?but (?:are )?not limited to\)?,?)?:? ([^.;]+)/i;

/**
 * Whether a section's name is among the parts a sentence names (`alternatives that were considered,
 * security considerations, and open problems`): a part shares a word of five letters or more with it
 * (`Rationale and alternatives`), singular or plural.
 */
function namedAmong(parts: string, name: string): boolean {
  const words = (text: string) => new Set((text.toLowerCase().match(/\p{L}{5,}/gu) ?? []).map((w) => w.replace(/s$/, '')));
  const own = words(name);
  return parts.split(/,|\band\b|\bor\b/).some((part) => [...words(part)].some((w) => own.has(w)));
}

/** The sentence of `text` that holds the match, for the configuration's comment. */
function sentenceOf(text: string, pattern: RegExp): string {
  const sentences = text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/);
  return (sentences.find((s) => pattern.test(s)) ?? sentences[0]!).trim();
}

/** "… should contain most of the following sections": each one listed asked for, none required. */
const MOST_OF = /\bmost of the (?:following )?(?:sections|parts|headings)\b/i;

/**
 * What a lead-in over a list of parts says of them: every document must have them (`must`), some
 * kinds must (`some`: a kind named between "Each" and the verb, `Each \`Standards Track\` ACP must
 * have`), or a document may (`may`). None where it says neither.
 */
function leadKind(lead: string): 'must' | 'some' | 'may' | undefined {
  const text = lead.replace(/\s+/g, ' ').trim();
  const may = /\b(?:can|may|might|could) (?:also )?(?:have|include|contain|add)\b|\boptional(?:ly)?\b/i.test(text);
  const must =
    /\b(?:must|shall|should|needs? to|has to|have to|is required to|are required to) (?:also )?(?:have|include|contain)\b|\b(?:required|mandatory) (?:parts|sections)\b/i.test(
      text,
    );
  if (!may && !must) return undefined;
  if (may && !must) return 'may';
  // ("Each AEX should contain most of the following sections": not every one of them, each asked for.)
  if (MOST_OF.test(text)) return 'some';
  // (The kind: a code span or a capitalised name of two words or more before the document's noun.)
  const subject = /^(?:each|every|all|an?|the)\s+(.+?)\s+(?:must|shall|should|needs?|has|have|is|are)\b/i.exec(text)?.[1] ?? '';
  const qualified = /`[^`]+`/.test(subject) || /\b(?:track|type|category|kind|class)\b/i.test(subject) || subject.split(/\s+/).length >= 3;
  return qualified ? 'some' : 'must';
}

/** The name a list item of parts opens with: `` `Open Questions`: … ``, `**Motivation** - …`, `Rationale: …`. */
function itemName(text: string): { name: string; note?: string } | undefined {
  const m =
    /^\s*(?:`([^`]{2,60})`|\*\*([^*]{2,60})\*\*|__([^_]{2,60})__|([\p{L}][\p{L} '’/&-]{1,58}?))(?:\s*\(\s*[*_]*([^()*_]{1,40}?)[*_]*\s*\))?\s*(?:[:–—]|\s-\s|$)/u.exec(
      text.split('\n')[0]!,
    );
  const name = (m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4])?.trim();
  return name ? { name, ...(m?.[5] ? { note: m[5].trim() } : {}) } : undefined;
}

/**
 * The one template section whose name ends in an item's name, a word or two more before it
 * (`Change Motivation` for an item `Motivation`): the part the list names in short. None where
 * several do.
 */
function endingIn(sections: readonly TemplateSection[], name: string): TemplateSection | undefined {
  const key = variantKey(name);
  if (key.length < 4) return undefined;
  const keyWords = key.split(' ').length;
  const found = sections.filter((s) => {
    const words = variantKey(s.name).split(' ');
    return words.length > keyWords && words.length <= keyWords + 2 && words.slice(-keyWords).join(' ') === key;
  });
  return found.length === 1 ? found[0] : undefined;
}

/** The names of a folder's process pages: its README, CONTRIBUTING, PROCESS, and checklists (`MSC_CHECKLIST.md`, `review-checklist.md`). */
function pageNames(folder: string): string[] {
  try {
    // (In that order: the README's word first, as it is read first.)
    const rank = (name: string) => ['readme', 'contributing', 'process'].indexOf(name.toLowerCase().replace(/\.md$/, '')) >>> 0;
    return readdirSync(folder)
      .filter((name) => /^(?:readme|contributing|process|(?:[\w-]*[-_])?checklist)\.md$/i.test(name))
      .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return [];
  }
}

/** The catalog's process pages: README, CONTRIBUTING and checklists in its folder and, where it is inside one, at its repository's root. */
function processPages(root: string): { rel: string; text: string }[] {
  const folders = [root];
  const repo = repositoryRoot(root);
  if (repo && path.resolve(repo) !== path.resolve(root)) folders.push(repo);
  const out: { rel: string; text: string }[] = [];
  for (const folder of folders)
    for (const name of pageNames(folder)) {
      const file = path.join(folder, name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.size > 512 * 1024) continue;
      try {
        out.push({ rel: path.relative(root, file).split(path.sep).join('/') || name, text: readFileSync(file, 'utf8') });
      } catch {
        // (An unreadable page says nothing.)
      }
    }
  return out;
}
