import { plainRange } from '../../markdown/lines.js';
import { defineCatalogRule, type Report } from '../rule.js';
import { quote } from './_format.js';
import { fitsShape, fromTemplatePlace, titleLeftover } from './_title.js';

/** What `collect` keeps of a pattern: whether its title fits the template's shape (undefined: nothing to judge), and the finding when not. */
interface Collected {
  fits?: boolean;
  report?: Report;
}

/**
 * Titles of a catalog most of whose patterns do not have the template's title shape (its sample
 * title `MSC0000: Template for new MSCs` read with fixed words the patterns never keep): the shape is
 * not the catalog's, and no title is told to follow it.
 */
const SHAPE_KEPT_SHARE = 0.5;

/**
 * The template's title has fixed words around its placeholders (`# [Pattern
 * Title] Pattern`, `` # `Topic` Cheat Sheet ``, `# KEP-NNNN: Your short,
 * descriptive title`): a title without them is worth a look, never an error —
 * a catalog's titles drift for good reasons. A title that is nothing but a
 * placeholder (`# [Pattern Title]`) or a sample without one (`# AWS Service 1
 * to AWS Service 2`) has no shape to follow; nor has one that most of the
 * catalog's titles do not keep.
 */
export default defineCatalogRule({
  meta: {
    id: 'title-shape',
    description:
      "The title has the fixed words the template's title keeps around its placeholders (`# <topic> Cheat Sheet`), where most of the catalog's titles keep them.",
    severity: 'warning',
    fixable: false,
    // Whether the shape is the catalog's depends on the other patterns' titles.
    scope: 'catalog',
  },
  collect({ pattern, template }): Collected {
    const spec = template.title;
    if (spec.from === 'none' || !spec.shape || spec.shape.any) return {};
    const title = pattern.title;
    // A title still the template's own is the `title` rule's finding, said once.
    if (!title || !fromTemplatePlace(title, spec) || titleLeftover(spec, title.text, pattern.document.source.slice(title.range.start.offset, title.range.end.offset)))
      return {};
    if (fitsShape(spec.shape, title.text)) return { fits: true };
    return {
      fits: false,
      report: { message: `Title ${quote(title.text)} does not have the shape of the template's title, ${quote(spec.shape.name)}.`, range: plainRange(title.range) },
    };
  },
  check({ pattern, catalog, collected, memo, report }) {
    const mine = collected<Collected>(pattern);
    if (!mine?.report) return;
    const kept = memo('shape kept', () => {
      const judged = catalog.patterns.map((p) => collected<Collected>(p)?.fits).filter((f): f is boolean => f !== undefined);
      return { fitting: judged.filter(Boolean).length, of: judged.length };
    });
    if (kept.of >= 3 && kept.fitting < kept.of * SHAPE_KEPT_SHARE) return;
    report(mine.report);
  },
});
