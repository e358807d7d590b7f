import { findPlaceholders } from '../../template/placeholders.js';
import { foldHeading } from '../../template/normalize.js';
import { defineRule } from '../rule.js';
import { quote } from './_format.js';

export default defineRule({
  meta: {
    id: 'title',
    description: 'The pattern has exactly one title, where the template puts it (H1 or front matter), and it is not a placeholder.',
    severity: 'error',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const doc = pattern.document;
    const spec = template.title;
    const h1s = doc.headings.filter((h) => h.level === 1);

    if (spec.from === 'heading') {
      if (!doc.title) {
        const fm = typeof pattern.frontMatter.title === 'string';
        report({ message: `Missing title: the pattern starts with a \`# Title\` heading${fm ? ' (front matter `title` is not used by this template)' : ''}.`, line: doc.frontMatter ? doc.frontMatter.endLine + 1 : 1 });
      } else if (!spec.matcher.test(foldHeading(doc.title.text))) {
        report({ message: `Title ${quote(doc.title.text)} does not have the template's shape \`# ${spec.sample}\`.`, range: doc.title.range });
      }
    } else if (spec.from === 'front-matter') {
      const value = pattern.frontMatter[spec.key];
      if (typeof value !== 'string' || !value.trim()) {
        report({ message: `Missing title: set \`${spec.key}:\` in the front matter.`, line: 1 });
      }
      for (const h1 of h1s) report({ message: `This template takes the title from front matter \`${spec.key}\`; remove the \`# ${h1.text}\` heading or make it a section.`, range: h1.range });
    }

    const extra = spec.from === 'heading' ? h1s.filter((h) => h !== doc.title) : [];
    for (const h1 of extra) report({ message: `More than one title: \`# ${h1.text}\` is a second H1. Make it a \`##\` section.`, range: h1.range });

    const title = pattern.title;
    if (title && spec.from !== 'none') {
      const leftovers = findPlaceholders(template.placeholders, title.text).filter((p) => p.kind === 'bracketed' || p.kind === 'custom');
      if (/\[[^\]]+\]/.test(title.text) || leftovers.length > 0 || foldHeading(title.text) === foldHeading(spec.sample)) {
        report({ message: `The title is still the template's placeholder ${quote(title.text)}: name the pattern.`, range: title.range });
      }
    }
  },
});
