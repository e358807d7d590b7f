import { splitNote } from '../../template/heading-variants.js';
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
    for (const { section, schema, extended } of outline.renamed) {
      // `References and Further Reading` is the References section, named with more words: nothing to rename.
      if (extended) continue;
      const expected = `${'#'.repeat(section.level)} ${schema.heading}`;
      const heading = section.heading;
      // The heading's own words are replaced; its markers, its note in parentheses and its closing #s stay.
      const line = source.slice(heading.range.start.offset, heading.range.end.offset);
      const { text: name } = splitNote(heading.raw);
      const at = heading.setext ? -1 : line.indexOf(name);
      report({
        message: `${headingLabel(section)} is written \`${'#'.repeat(schema.level)} ${schema.heading}\` in the template: rename it${schema.aliases.length ? '' : ', or accept this name with `aliases` under `sections` in the configuration'}.`,
        range: heading.range,
        expected,
        actual: `${'#'.repeat(section.level)} ${section.title}`,
        ...(at >= 0 && name
          ? { fix: { range: [heading.range.start.offset + at, heading.range.start.offset + at + name.length] as [number, number], text: schema.heading } }
          : {}),
      });
    }
  },
});
