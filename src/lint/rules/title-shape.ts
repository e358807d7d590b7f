import { defineRule } from '../rule.js';
import { quote } from './_format.js';
import { fitsShape, fromTemplatePlace, titleLeftover } from './_title.js';

/**
 * The template's title has fixed words around its placeholders (`# [Pattern
 * Title] Pattern`, `` # `Topic` Cheat Sheet ``, `# KEP-NNNN: Your short,
 * descriptive title`): a title without them is worth a look, never an error —
 * a catalog's titles drift for good reasons. A title that is nothing but a
 * placeholder (`# [Pattern Title]`) or a sample without one (`# AWS Service 1
 * to AWS Service 2`) has no shape to follow.
 */
export default defineRule({
  meta: {
    id: 'title-shape',
    description: "The title has the fixed words the template's title keeps around its placeholders (`# <topic> Cheat Sheet`).",
    severity: 'warning',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const spec = template.title;
    if (spec.from === 'none' || !spec.shape || spec.shape.any) return;
    const title = pattern.title;
    // A title still the template's own is the `title` rule's finding, said once.
    if (!title || !fromTemplatePlace(title, spec) || titleLeftover(spec, title.text)) return;
    if (fitsShape(spec.shape, title.text)) return;
    report({ message: `Title ${quote(title.text)} does not have the shape of the template's title, ${quote(spec.shape.name)}.`, range: title.range });
  },
});
