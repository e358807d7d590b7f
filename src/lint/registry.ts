import type { AnyRule } from './rule-settings.js';
import author from './rules/author.js';
import changelog from './rules/changelog.js';
import codeBlock from './rules/code-block.js';
import configParamUnused from './rules/config-param-unused.js';
import configTable from './rules/config-table.js';
import duplicatePattern from './rules/duplicate-pattern.js';
import duplicateSection from './rules/duplicate-section.js';
import emptySection from './rules/empty-section.js';
import frontMatter from './rules/front-matter.js';
import frontMatterSyntax from './rules/front-matter-syntax.js';
import headingLevel from './rules/heading-level.js';
import image from './rules/image.js';
import license from './rules/license.js';
import link from './rules/link.js';
import placeholder from './rules/placeholder.js';
import relatedPattern from './rules/related-pattern.js';
import relatedReciprocal from './rules/related-reciprocal.js';
import requiredSection from './rules/required-section.js';
import sectionName from './rules/section-name.js';
import sectionOrder from './rules/section-order.js';
import summary from './rules/summary.js';
import summaryLength from './rules/summary-length.js';
import templateVersion from './rules/template-version.js';
import title from './rules/title.js';
import titleShape from './rules/title-shape.js';
import unknownSection from './rules/unknown-section.js';

/** Every built-in rule, sorted by id (a test keeps it sorted and in step with src/lint/rules/). */
export const registry: readonly AnyRule[] = [
  author,
  changelog,
  codeBlock,
  configParamUnused,
  configTable,
  duplicatePattern,
  duplicateSection,
  emptySection,
  frontMatter,
  frontMatterSyntax,
  headingLevel,
  image,
  license,
  link,
  placeholder,
  relatedPattern,
  relatedReciprocal,
  requiredSection,
  sectionName,
  sectionOrder,
  summary,
  summaryLength,
  templateVersion,
  title,
  titleShape,
  unknownSection,
];
