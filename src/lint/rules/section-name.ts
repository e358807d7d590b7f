import { HEADING_ID } from '../../markdown/inline.js';
import { splitNote, variantKey } from '../../template/heading-variants.js';
import { foldHeading } from '../../template/normalize.js';
import type { Section } from '../../markdown/types.js';
import { amongOwnTopics, sameTerms } from '../../template/match-outline.js';
import { defineRule } from '../rule.js';
import { headingLabel } from './_format.js';

export default defineRule({
  meta: {
    id: 'section-name',
    description:
      'A section the template has is named as the template writes it (not `Reference` for `References`, `Acknowledgements` for `Acknowledgments`, `Author(s)` for `Author`).',
    severity: 'warning',
    fixable: true,
  },
  check({ pattern, outline, report }) {
    const source = pattern.document.source;
    const headed = new Set<Section>([...outline.all.flatMap((m) => m.sections), ...outline.misplaced.map((m) => m.section)]);
    const headings = new Set(pattern.document.headings.map((h) => `${h.level} ${foldHeading(splitNote(h.text).text)}`));
    const written = (level: number, name: string) => headings.has(`${level} ${foldHeading(name)}`);
    for (const { section, schema, extended, byContent, misspelt, reworded, apart, split } of outline.renamed) {
      // `References and Further Reading` is the References section, named with more words: nothing to rename.
      if (extended) continue;
      if (split) {
        const all = [section, ...split].map(headingLabel);
        report({
          message: `${all.slice(0, -1).join(', ')} and ${all.at(-1)} write one section of the template, \`${'#'.repeat(schema.level)} ${schema.heading}\`: join them under that heading${schema.aliases.length ? '' : ', or accept these names with `aliases` under `sections` in the configuration'}.`,
          range: section.heading.range,
          expected: `${'#'.repeat(section.level)} ${schema.heading}`,
          actual: `${'#'.repeat(section.level)} ${section.title}`,
        });
        continue;
      }
      // (A heading among topics of the author's, deeper than the section, `#### The problem` beside
      // `#### Proposal` in a step of theirs: theirs as likely as not — said, never renamed.)
      const topical = amongOwnTopics(section, schema, pattern.document.sections, (s) => headed.has(s));
      // A spelling of a name the configuration accepts (`Implementations` for the alias `Implementation`): accepted too.
      // (Or written as one word, or two: `Prerequisites` for the alias `Pre-requisites`.)
      const closed = (text: string) => variantKey(text).replace(/ /g, '');
      if (schema.aliases.some((a) => variantKey(a) === variantKey(section.title) || closed(a) === closed(section.title))) continue;
      // `&` is the word `and` (`## Rationale & Alternatives`): the same name.
      if (withAnd(section.title) === withAnd(schema.heading)) continue;
      // So are the same words with other punctuation inside the name (`(i.e. to the API)` where the
      // template writes `(i.e to the API)`): nothing to rename.
      if (sameWords(section.title, schema.heading)) continue;
      const expected = `${'#'.repeat(section.level)} ${schema.heading}`;
      const heading = section.heading;
      // The heading's own words are replaced; its markers, its note in parentheses and its closing #s stay.
      const line = source.slice(heading.range.start.offset, heading.range.end.offset);
      // An id set after the text (`{#cons}`) stays: only the name is replaced.
      const { text: name } = splitNote(heading.raw.replace(HEADING_ID, ''));
      const at = heading.setext ? -1 : line.indexOf(name);
      // Known by what it holds rather than by its name: the author may mean the other name, so the rename is theirs to make.
      const why = byContent
        ? " (it holds that section's sub-sections)"
        : apart && sameTerms(section.title, schema.heading)
          ? " (it has that section's words, in another order)"
          : apart
            ? ` (it ${
                variantKey(section.title)
                  .split(' ')
                  .some((w) => w.length >= 4 && variantKey(schema.heading).split(' ').includes(w))
                  ? "shares a word of that section's name"
                  : 'is a word for what that section is'
              }, which no other heading of its level has)`
            : reworded
              ? ' (it stands where the template puts that section, in other words)'
              : '';
      report({
        message: `${headingLabel(section)} is written \`${'#'.repeat(schema.level)} ${schema.heading}\` in the template${why}: rename it${schema.aliases.length ? '' : ', or accept this name with `aliases` under `sections` in the configuration'}.`,
        range: heading.range,
        expected,
        actual: `${'#'.repeat(section.level)} ${section.title}`,
        // A rename changes the heading's anchor: not made while the file links to it (its table of contents).
        // Nor where the file already has a heading of that name at that level: the rename would make a duplicate.
        // Nor to other words (`Prerequisites` for `Requirements`): --fix changes no word of the author's, only
        // how it is written (case, plural, spelling); the author renames it.
        // Nor where it stands at another level out of its place (`### References` inside the closing
        // licence section, for `## Reference`): where it goes is the author's to settle first.
        ...(at >= 0 &&
        name &&
        !topical &&
        !(section.level !== schema.level && outline.misplaced.some((m) => m.section === section)) &&
        !byContent &&
        !misspelt &&
        !reworded &&
        variantKey(name) === variantKey(schema.heading) &&
        !linkedTo(pattern.document.links, section.heading.id) &&
        !written(section.level, schema.heading)
          ? { fix: { range: [heading.range.start.offset + at, heading.range.start.offset + at + name.length] as [number, number], text: schema.heading } }
          : {}),
      });
    }
  },
});

/** The same words, in the same case and order, whatever the punctuation between them (not around them: `Non-Goals"` is a slip). */
function sameWords(a: string, b: string): boolean {
  const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  const ends = (text: string) => `${/^[^\p{L}\p{N}]*/u.exec(text.trim())![0]} ${/[^\p{L}\p{N}]*$/u.exec(text.trim())![0]}`;
  return words(a) === words(b) && ends(a) === ends(b);
}

/** A heading's text folded, `&` written as `and`. */
function withAnd(text: string): string {
  return foldHeading(splitNote(text).text.replace(/\s&(?:amp;)?\s/g, ' and '));
}

/** Whether a link of the file points at this anchor of the file itself (`#data-flow`). */
function linkedTo(links: readonly { url: string }[], id: string): boolean {
  return links.some((l) => l.url.startsWith('#') && l.url.slice(1).toLowerCase() === id);
}
