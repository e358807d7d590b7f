import { defineRule } from '../rule.js';
import { lateFrontMatter } from '../../markdown/front-matter.js';

export default defineRule({
  meta: {
    id: 'front-matter-syntax',
    description: 'The front matter between the `---` lines (or in a Hyde `{%hyde … %}` block) is valid YAML: a mapping of `key: value` pairs.',
    severity: 'error',
    fixable: false,
    // A redirect stub's front matter is read too (`redirect_to:`).
    stubs: true,
  },
  check({ pattern, report }) {
    // The file is still read without it (its body linted and shown): the YAML is said once, here.
    const error = pattern.document.frontMatter?.error;
    // (Below the comments that open the file, as the catalog's template keeps its metadata, no Markdown
    // tool reads it as front matter: whether its YAML must load is the catalog's to say. A warning.)
    const afterComment = pattern.document.frontMatter?.afterComment === true;
    if (error)
      report({
        message: `${error.message} Until then its keys are not read (title, status, facets…).${afterComment ? ' (Below the comment that opens the file, no Markdown tool reads this block as front matter: a warning.)' : ''}`,
        line: error.line,
        column: error.column,
        ...(afterComment ? { warning: true } : {}),
      });
    // The metadata file beside it (`kep.yaml`), unreadable: the pattern is read without its keys.
    const beside = pattern.metadataError;
    if (beside)
      report({
        message: `\`${beside.file}\` beside this pattern, line ${beside.line}: ${beside.message}. Until it is fixed its keys are not read (title, status, facets…); or remove \`metadataFile\` from the configuration.`,
        line: 1,
      });
    // Front matter below a blank first line is no front matter to any Markdown tool: its `---` is a
    // rule, its keys text, the last key a heading over the closing `---`.
    const late = pattern.document.frontMatter ? undefined : lateFrontMatter(pattern.document.source);
    if (late)
      report({
        message: `Front matter after ${late.blank === 1 ? 'a blank line' : `${late.blank} blank lines`}: it must start on the first line, or it is read as text (its \`---\` a rule, its keys a paragraph and a heading) and its keys are not read. Remove the blank ${late.blank === 1 ? 'line' : 'lines'} above it.`,
        line: late.line,
      });
  },
});
