import type { Heading, Section } from '../../markdown/types.js';
import { splitNote } from '../../template/heading-variants.js';
import { foldHeading } from '../../template/normalize.js';
import type { SectionMatch } from '../../template/match-outline.js';
import { defineRule } from '../rule.js';
import { headingLabel } from './_format.js';

export default defineRule({
  meta: {
    id: 'duplicate-section',
    description: 'A section the template has once appears once (once per entry, under a section that repeats).',
    severity: 'error',
    fixable: false,
  },
  check({ pattern, outline, report }) {
    const top = pattern.document.sections;
    // Sections that write one section of the template split in its parts (`## Reasoning`, `## Options`): section-name's.
    const split = new Set(outline.renamed.flatMap((r) => r.split ?? []));
    // Sections that write the name with words of the author's before it, one per case (`### Cloud-to-device
    // Diagram Steps`, `### Device-to-cloud Diagram Steps`): each another, not the same one twice.
    const extended = new Set(outline.renamed.filter((r) => r.extended).map((r) => r.section));
    // Headings of the author's (none of the template's), for the topics copies may each belong to.
    // (A topic of the document's own, under its title or a section of the template's: not a sub-heading
    // of a heading of the author's, `### Costs` under `## Tradeoffs`.)
    // (Worked out once, where a copy is found: most patterns have none.)
    let topics: Heading[] | undefined;
    const ownTopics = (): Heading[] => {
      if (topics) return topics;
      const templates = new Set(outline.all.flatMap((m) => m.sections.map((s) => s.heading)));
      // Each heading's parent, the nearest heading above of a higher level: one pass, a stack of them.
      const stack: Heading[] = [];
      topics = [];
      for (const h of pattern.document.headings) {
        while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
        const parent = stack.at(-1);
        if (!templates.has(h) && (parent === undefined || parent === pattern.document.title || templates.has(parent))) topics.push(h);
        stack.push(h);
      }
      return topics;
    };
    // `repeating`: the nearest section above that repeats (a changelog's entries), at any depth.
    const visit = (matches: SectionMatch[], repeating: SectionMatch | undefined): void => {
      for (const match of matches) {
        const { schema, sections, children } = match;
        if (!schema.repeatable) {
          const variable = hasVariablePart(schema.matcher);
          // Under a section that repeats (a changelog's `### 1.1.0 - …` entries), each entry has its
          // own sub-sections: `#### Benefits` once per entry.
          for (const group of byInstance(sections, repeating)) {
            group.forEach((section, i) => {
              // The name with a note of the author's that sets it apart (`## How it works (deployed)`
              // beside `## How it works`) is another section of theirs, not the same one twice. So is a
              // heading with a variable part (`` ## `Stable` Graduation Criteria ``) filled with other
              // words (`## Trial …` beside `## Stable …`).
              const same = (other: Section): boolean =>
                qualified(other) === qualified(section) &&
                ((!variable && !(extended.has(other) && extended.has(section))) || foldHeading(other.title) === foldHeading(section.title));
              const first = group.slice(0, i).find(same);
              if (!first || split.has(section)) return;
              // Each copy after a heading of the author's of a deeper level (`## S3 Buckets` before one `#
              // Default settings`, `## SQS Queues` before the next): the sections of each of their topics,
              // written a level off, as heading-level says. A warning that names the topics.
              // (Not a second copy under the same topic.)
              const around = [first, section].map((s) => topicBefore(s, ownTopics()));
              const earlier = group.slice(0, i).filter(same);
              // (Only copies written above the template's level, as topics' parts written a level off are:
              // at its level, after the sub-headings of other sections, a copy is a copy.)
              const perTopic =
                section.level < schema.level &&
                earlier.every((e) => e.level < schema.level) &&
                around[1] !== undefined &&
                around[1].range.start.offset > earlier.at(-1)!.heading.range.start.offset &&
                earlier.every((e) => {
                  const theirs = topicBefore(e, ownTopics());
                  return theirs !== undefined && theirs !== around[1];
                });
              // The same name closing the document, pages after the first, most likely sums it up
              // (an opening `## Summary` and a closing one after the Alternatives): a warning that says so.
              const closing = !perTopic && top.at(-1) === section && top.indexOf(section) - top.indexOf(first) >= 3;
              report({
                message: closing
                  ? `Duplicate section ${headingLabel(section)}: it already appears on line ${first.heading.range.start.line}, and this one closes the document, likely a recap: name it for what it is (\`${'#'.repeat(section.level)} Conclusion\`), or merge the two.`
                  : perTopic
                    ? `Duplicate section ${headingLabel(section)}: it already appears on line ${first.heading.range.start.line}, after \`${'#'.repeat(around[0]!.level)} ${around[0]!.text}\`, and this one after \`${'#'.repeat(around[1]!.level)} ${around[1]!.text}\`: if each is a part of that topic, write it a level below the topic's heading; if not, merge the two.`
                    : `Duplicate section ${headingLabel(section)}: it already appears on line ${first.heading.range.start.line}. Merge the two.`,
                range: section.heading.range,
                ...(closing || perTopic ? { warning: true } : {}),
              });
            });
          }
        }
        visit(children, schema.repeatable ? match : repeating);
      }
    };
    visit(outline.matches, undefined);
  },
});

/** The last heading of the author's above a section of a deeper level than the section's (a topic it is written a level off under). */
function topicBefore(section: Section, unknown: readonly Heading[]): Heading | undefined {
  const at = section.heading.range.start.offset;
  return unknown.filter((u) => u.range.start.offset < at && u.level > section.level).at(-1);
}

/** The sections grouped by the instance of the repeating section above them they are in (one group without one). */
function byInstance(sections: readonly Section[], parent: SectionMatch | undefined): Section[][] {
  if (!parent?.schema.repeatable || parent.sections.length < 2) return [[...sections]];
  const groups = new Map<Section | undefined, Section[]>();
  for (const section of sections) {
    const at = section.range.start.offset;
    const instance = parent.sections.find((p) => p.range.start.offset < at && at < p.range.end.offset);
    groups.set(instance, [...(groups.get(instance) ?? []), section]);
  }
  return [...groups.values()];
}

/** The note after a heading's name that qualifies it (`(deployed)`), if any; a note that only says it is optional qualifies nothing. */
function qualified(section: Section): string | undefined {
  const { note, optional } = splitNote(section.title);
  return note !== undefined && !optional ? note.toLowerCase() : undefined;
}

/** The template's heading has a part the author fills in: its matcher captures it. */
function hasVariablePart(matcher: RegExp): boolean {
  return new RegExp(`${matcher.source}|`, matcher.flags).exec('')!.length > 1;
}
