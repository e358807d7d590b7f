import type { Block } from '../../markdown/types.js';
import type { SectionMatch } from '../../template/match-outline.js';
import { defineRule } from '../rule.js';
import { headingLabel } from './_format.js';

export default defineRule({
  meta: {
    id: 'empty-section',
    description: 'A section the template gives content to has content of its own or sub-sections.',
    severity: 'error',
    fixable: false,
  },
  check({ outline, report }) {
    const visit = (matches: SectionMatch[]): void => {
      for (const { schema, sections, children } of matches) {
        const expectsSomething = schema.expects.content || schema.children.length > 0;
        for (const section of sections) {
          if (expectsSomething && section.children.length === 0 && !section.blocks.some(hasContent)) {
            // An optional (or only recommended) section left empty says nothing wrong by the template: a warning.
            const optional = schema.optional || schema.recommended;
            report({
              message: optional
                ? `Section ${headingLabel(section)} is empty: write its content, or remove the heading (the template marks it ${schema.optional ? 'optional' : 'recommended'}).`
                : `Section ${headingLabel(section)} is empty: write its content or remove the heading if the template marks it optional.`,
              range: section.heading.range,
              ...(optional ? { warning: true } : {}),
            });
          }
        }
        visit(children);
      }
    };
    visit(outline.matches);
  },
});

/** An HTML comment alone (`<!-- TODO -->`) is not content a reader sees. */
function hasContent(block: Block): boolean {
  return !(block.kind === 'html' && /^\s*(<!--[\s\S]*?-->\s*)+$/.test(block.html));
}
