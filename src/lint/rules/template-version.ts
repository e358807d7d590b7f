import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'template-version',
    description: "A pattern that records the template it follows (front matter `template: name@version`, written by `patternbook migrate`) follows the catalog's template.",
    severity: 'warning',
    fixable: false,
  },
  check({ pattern, template, report }) {
    const value = pattern.frontMatter.template;
    // Patterns that record nothing are not judged: the stamp is `migrate`'s, not every author's.
    if (value === undefined) return;
    const fm = pattern.document.frontMatter;
    let line = fm?.startLine ?? 1;
    if (fm) for (let l = fm.startLine + 1; l < fm.endLine; l++) if (/^template\s*:/.test(pattern.document.lines.lineText(l))) line = l;
    const current = `${template.name}@${template.version}`;
    const stamp = typeof value === 'string' ? value.trim() : '';
    const m = /^(.+)@([^@]+)$/.exec(stamp);
    if (!m) {
      report({ message: `Front matter \`template: ${String(value)}\` is not \`<name>@<version>\`: set it to \`${current}\` (\`patternbook migrate\` writes it).`, line });
      return;
    }
    if (m[1] !== template.name) {
      report({ message: `This pattern follows template \`${stamp}\`, but the catalog's template is \`${current}\`: run \`patternbook migrate --to <template>\` to bring it over.`, line });
    } else if (m[2] !== template.version) {
      report({ message: `This pattern follows \`${stamp}\`, behind (or beside) the catalog's template \`${current}\`: run \`patternbook migrate --to ${template.file ? 'the template' : '<template>'}\` to add what changed.`, line });
    }
  },
});
