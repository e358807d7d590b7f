import { languageOf, parseRunAttributes, RUNNABLE_LANGUAGES } from '../../markdown/run-attributes.js';
import { defineRule } from '../rule.js';
import { headingLabel } from './_format.js';
import { codeBlockSchemas } from '../../template/lookup.js';
import { isVisible } from './_blocks.js';
import { houseRules, type HouseRules } from '../../catalog/house-rules.js';

export default defineRule({
  meta: {
    id: 'code-block',
    description:
      'Fenced code blocks name their language (where the template’s own do), are closed and carry only run attributes `patternbook run` knows, and every step the template gives code has instructions or code.',
    severity: 'warning',
    fixable: false,
  },
  check({ pattern, catalog, outline, report }) {
    const doc = pattern.document;
    // A template whose own code blocks name no language sets the catalog's way of writing them:
    // one that does not is as the template shows.
    const fences = catalog.templates.for(pattern.path).document.codeBlocks.filter((c) => c.fenced);
    const bareAsTemplate = fences.length > 0 && fences.every((c) => !c.lang);
    // (One with no code block at all asks for no language: the catalog's own markdownlint may, `MD040` on.)
    const noneInTemplate = fences.length === 0 && !catalog.templates.for(pattern.path).builtIn;
    // Only a block without a language needs to know its template section.
    let schemas: ReturnType<typeof codeBlockSchemas> | undefined;
    let houseStyle: HouseRules | undefined;

    for (const code of doc.codeBlocks) {
      // A misspelt `{skip}` would make `patternbook run` refuse the pattern: said here, while it is written.
      if (code.fenced && code.info.includes('{') && RUNNABLE_LANGUAGES.has(languageOf(code.info))) {
        for (const problem of parseRunAttributes(code.info).problems) report({ message: `Run attribute: ${problem}`, line: code.range.start.line });
      }
      if (!code.fenced || (code.lang && code.closed)) continue;
      const line = code.range.start.line;
      const fence = /(`{3,}|~{3,})/.exec(doc.lines.lineText(line))?.[1] ?? '```';
      const expected = code.lang ? undefined : (schemas ??= codeBlockSchemas(outline)).get(code)?.expects.codeBlocks;
      // (So does the template's section: its own blocks there name none.)
      const bareHere = expected !== undefined && expected.length > 0 && expected.every((c) => !c.lang);
      // (Nor where the catalog's own markdownlint configuration turns `MD040` off: its house style.)
      if (!code.lang && !bareAsTemplate && !bareHere && !(houseStyle ??= houseRules(catalog.root)).bareFences && (!noneInTemplate || houseStyle.fenceLanguages)) {
        const lang = expected?.find((c) => c.lang)?.lang;
        // (Elsewhere, the languages the template's own blocks name, `fsharp` in a catalog of F# designs:
        // the catalog's, rather than a shell's.)
        const templateLangs = [...new Set(fences.map((c) => c.lang).filter((l): l is string => !!l))].slice(0, 3);
        report({
          message: `Code block without a language: name it after the opening fence (${
            lang
              ? `“${fence}${lang}”, as the template does here`
              : templateLangs.length > 0
                ? `${templateLangs.map((l) => `“${fence}${l}”`).join(', ')} as the template's blocks do, “${fence}text” for output`
                : `“${fence}bash”, “${fence}json”, “${fence}text” for output`
          }) so it is highlighted and can be run or checked.`,
          line,
        });
      }
      if (!code.closed) {
        report({
          message: `Code block opened with “${fence}” on line ${line} is never closed: everything after it, to the end of the file (or of the list or quote it is in), is read as code. Add a “${fence}” line after its last line.`,
          line,
        });
      }
    }

    // Steps the template shows with code (`### Step N: <title>` with a `bash` block) need something to follow.
    for (const match of outline.all) {
      if (!match.schema.repeatable || match.schema.expects.codeBlocks.length === 0) continue;
      const lang = match.schema.expects.codeBlocks.find((c) => c.lang)?.lang;
      for (const section of match.sections) {
        if (section.blocks.some(isVisible) || section.children.length > 0) continue;
        report({
          message: `${headingLabel(section)} has no instructions and no code: say what to do${lang ? ` and add the commands in a “\`\`\`${lang}” block` : ' and add its code'}, or remove the step.`,
          range: section.heading.range,
        });
      }
    }
  },
});
