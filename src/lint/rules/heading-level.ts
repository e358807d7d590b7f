import type { Section } from '../../markdown/types.js';
import type { SectionMatch } from '../../template/match-outline.js';
import type { TemplateSection } from '../../template/types.js';
import { foldHeading } from '../../template/normalize.js';
import { parentSection } from '../../template/walk.js';
import { defineRule } from '../rule.js';
import { headingLabel } from './_format.js';

export default defineRule({
  meta: {
    id: 'heading-level',
    description: 'Each section heading has the level the template gives it (`## Overview`, not `### Overview`).',
    severity: 'error',
    fixable: true,
  },
  check({ pattern, catalog, outline, report }) {
    const source = pattern.document.source;
    const doc = pattern.document;
    const template = catalog.templates.for(pattern.path).sections;
    /**
     * Whether the heading, at the template's level, would sit under the template's parent: a
     * level changed alone must not move a section under a section it does not belong to (a
     * `## Test Plan` made `### Test Plan` under `## Proposal` when the template puts it under a
     * `## Design Details` the pattern lacks).
     */
    const landsInPlace = (section: Section, schema: TemplateSection): boolean => {
      const parent = parentSection(template, schema);
      const before = doc.headings.filter((h) => h.range.start.offset < section.heading.range.start.offset && h.level < schema.level).at(-1);
      if (!parent) return before === undefined || before.level === 1;
      return before !== undefined && before.level === parent.level && parent.matcher.test(foldHeading(before.text));
    };
    const check = (section: Section, schema: TemplateSection, misplaced = false): void => {
      if (section.level === schema.level) return;
      const expected = '#'.repeat(schema.level);
      const start = section.heading.range.start.offset;
      // Only ATX headings (`### Title`) get a fix; an underlined heading is rewritten by hand.
      // A section demoted past its own sub-headings would lose them (`# Design` made `## Design`
      // leaves its `## Implementing` beside it): no fix then, the author moves the whole section.
      const strandsChildren = section.children.some((c) => c.level <= schema.level);
      const marker =
        section.heading.setext || strandsChildren || (misplaced && !landsInPlace(section, schema)) ? null : /^ {0,3}(#{1,6})/.exec(source.slice(start, start + 10));
      report({
        message: `${headingLabel(section)} should be level ${schema.level}: \`${expected} ${section.title}\`.`,
        range: section.heading.range,
        expected: `${expected} ${section.title}`,
        actual: `${'#'.repeat(section.level)} ${section.title}`,
        ...(marker
          ? {
              fix: { range: [start + marker.index + marker[0].length - marker[1]!.length, start + marker[0].length], text: expected } as {
                range: [number, number];
                text: string;
              },
            }
          : {}),
      });
    };
    const visit = (matches: SectionMatch[]): void => {
      for (const match of matches) {
        match.sections.forEach((s) => check(s, match.schema));
        visit(match.children);
      }
    };
    visit(outline.matches);
    for (const { section, schema } of outline.misplaced) check(section, schema, true);
  },
});
