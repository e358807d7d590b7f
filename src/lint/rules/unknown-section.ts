import { z } from 'zod';
import { foldHeading } from '../../template/normalize.js';
import { flattenSections } from '../../template/walk.js';
import { defineRule } from '../rule.js';
import { headingLabel, schemaLabel } from './_format.js';
import { closest } from '../../util/similar.js';

export default defineRule({
  meta: {
    id: 'unknown-section',
    description: 'Every section heading is one the template has.',
    severity: 'warning',
    fixable: false,
    options: z.strictObject({
      /** Extra headings a pattern may have (case-insensitive), e.g. "Glossary". */
      allow: z.array(z.string()).default([]),
    }),
  },
  check({ outline, template, options, report }) {
    const allowed = new Set(options.allow.map(foldHeading));
    const names = flattenSections(template.sections);
    for (const section of outline.unknown) {
      // A second H1 is the title rule's to report: one finding for one stray heading.
      if (section.level === 1 || allowed.has(foldHeading(section.title))) continue;
      const near = closest(section.title, names, (s) => s.name);
      report({
        message: `Unknown section ${headingLabel(section)}: the template has no such section.${near ? ` Did you mean ${schemaLabel(near)}?` : ''}`,
        range: section.heading.range,
      });
    }
  },
});
