import type { SectionMatch } from '../../template/match-outline.js';
import { defineRule } from '../rule.js';
import { headingLabel } from './_format.js';

export default defineRule({
  meta: {
    id: 'duplicate-section',
    description: 'A section the template has once appears once.',
    severity: 'error',
    fixable: false,
  },
  check({ outline, report }) {
    const visit = (matches: SectionMatch[]): void => {
      for (const { schema, sections, children } of matches) {
        if (!schema.repeatable) {
          const [first, ...extra] = sections;
          for (const section of extra) {
            report({
              message: `Duplicate section ${headingLabel(section)}: it already appears on line ${first!.heading.range.start.line}. Merge the two.`,
              range: section.heading.range,
            });
          }
        }
        visit(children);
      }
    };
    visit(outline.matches);
  },
});
