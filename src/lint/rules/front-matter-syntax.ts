import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'front-matter-syntax',
    description: 'The front matter between the `---` lines is valid YAML: a mapping of `key: value` pairs.',
    severity: 'error',
    fixable: false,
    // A redirect stub's front matter is read too (`redirect_to:`).
    stubs: true,
  },
  check({ pattern, report }) {
    // The file is still read without it (its body linted and shown): the YAML is said once, here.
    const error = pattern.document.frontMatter?.error;
    if (error) report({ message: `${error.message} Until then its keys are not read (title, status, facets…).`, line: error.line, column: error.column });
  },
});
