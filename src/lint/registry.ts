import type { AnyRule } from './rule-settings.js';
import duplicateSection from './rules/duplicate-section.js';
import emptySection from './rules/empty-section.js';
import headingLevel from './rules/heading-level.js';
import placeholder from './rules/placeholder.js';
import requiredSection from './rules/required-section.js';
import sectionOrder from './rules/section-order.js';
import summary from './rules/summary.js';
import title from './rules/title.js';
import unknownSection from './rules/unknown-section.js';

/** Every built-in rule, sorted by id (a test keeps it sorted and in step with src/lint/rules/). */
export const registry: readonly AnyRule[] = [
  duplicateSection,
  emptySection,
  headingLevel,
  placeholder,
  requiredSection,
  sectionOrder,
  summary,
  title,
  unknownSection,
];
