import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PatternbookError } from '../../src/diagnostics.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { lint } from '../../src/lint/lint.js';
import { loadTemplate, templateFromSource } from '../../src/template/load-template.js';
import { renderNewPattern } from '../../src/scaffold/render-pattern.js';
import { fixture, outline, REPO, runCli, tempCatalog } from '../helpers.js';

describe('a template with H2 sections only and the title in front matter', async () => {
  const template = await loadTemplate(fixture('templates/h2-front-matter.md'));

  it('reads name and version from its `template` key, and sections with optional markers', () => {
    expect(template.name).toBe('decision-style');
    expect(template.version).toBe('2.1.0');
    expect(outline(template.sections)).toEqual(['2 Context', '2 Solution', '2 Consequences ?', '2 Examples ?', '2 References']);
    // `(optional)` is not part of the section's name.
    expect(template.sections[2]!.heading).toBe('Consequences');
    expect(template.sections[3]!.body).toBe('```js\n// sample code\n```');
  });

  it('takes title and summary from front matter, and keeps the rest as the pattern front matter', () => {
    expect(template.title).toMatchObject({ from: 'front-matter', key: 'title', sample: '[Pattern Title]', shape: { name: '<title>', any: true } });
    expect(template.summary).toEqual({ from: 'front-matter', key: 'description', sample: '[One sentence that says what the pattern does]', sentences: 1 });
    expect(template.frontMatter).toEqual({
      title: '[Pattern Title]',
      description: '[One sentence that says what the pattern does]',
      status: 'draft',
      tags: [],
    });
  });

  it('finds its own placeholders', () => {
    const texts = template.placeholders.map((p) => `${p.kind}: ${p.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        'instruction: Describe the forces at play and the problem to solve.',
        'instruction: Explain the solution in a few paragraphs.',
        'generic-item: Benefit 1',
        'generic-item: Drawback 1',
        'generic-item: Reference 1',
        'sample-value: https://example.com',
      ]),
    );
    expect(texts).not.toContain('instruction: Trade-offs to weigh:');
  });

  it('takes configuration: optional sections and accepted alternative names', () => {
    const configured = templateFromSource(template.source, 'adr.md', { sections: { Solution: { aliases: ['Solutions', 'Approach'] }, References: { optional: true } } });
    const solution = configured.sections[1]!;
    expect(['solution', 'solutions', 'approach'].map((t) => solution.matcher.test(t))).toEqual([true, true, true]);
    expect(solution.aliases).toEqual(['Solutions', 'Approach']);
    expect(configured.sections[4]!.optional).toBe(true);
  });

  it('names a configured section the template does not have', () => {
    expect(() => templateFromSource(template.source, 'adr.md', { sections: { Soultion: { optional: true } } })).toThrow(/"Soultion".*does not have/);
  });

  it('adds and exempts placeholder text by configuration', () => {
    const configured = templateFromSource(template.source, 'adr.md', { placeholders: { add: ['TBD'], ignore: ['Benefit 1'] } });
    const texts = configured.placeholders.map((p) => p.text);
    expect(texts).toContain('TBD');
    expect(texts).not.toContain('Benefit 1');
    expect(texts).toContain('Drawback 1');
  });
});

describe('a template whose headings contain the pattern name', async () => {
  const template = await loadTemplate(fixture('templates/named-headings.md'));

  it('reads the shapes: named headings, a numbered series and a version series', () => {
    expect(outline(template.sections)).toEqual([
      '2 Intent of <title>',
      '2 How <title> Works',
      '  3 Phase N: <phase name> +',
      '2 Parameters',
      '2 Checklist',
      '2 History',
      '  3 <semver> - <date> +',
    ]);
    expect(template.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('versions a template that names no version by its own text: the same with CRLF line endings, another when a section changes', async () => {
    const text = await readFile(fixture('templates/named-headings.md'), 'utf8');
    expect(templateFromSource(text.replace(/\n/g, '\r\n'), 'named-headings.md').version).toBe(template.version);
    expect(templateFromSource(text.replace('## Checklist', '## Checklist\n\nTick each box.'), 'named-headings.md').version).not.toBe(template.version);
  });

  it('versions a template by the file as written, not by the text it is read as (a commented-out heading, words above the title line)', () => {
    const written = ['Copy this file to start a new proposal.', '', '# [Title]', '', '## Problem', '', '<!-- ## Notes -->', '', '## Decision', ''].join('\n');
    const again = written.replace('Copy this file', 'Copy this page');
    const a = templateFromSource(written, 't.md');
    const b = templateFromSource(again, 't.md');
    expect(outline(a.sections)).toEqual(outline(b.sections));
    // (The words above the title line are not read as the template, but they are part of the file.)
    expect(a.version).not.toBe(b.version);
    expect(a.version).toBe(createHash('sha256').update(written).digest('hex').slice(0, 12));
  });

  it('matches any text where the heading has a placeholder', () => {
    const [intent, how] = template.sections;
    expect(intent!.matcher.test('intent of circuit breaker')).toBe(true);
    expect(intent!.matcher.test('intent')).toBe(false);
    expect(how!.matcher.test('how cache-aside works')).toBe(true);
    expect(how!.children[0]!.matcher.test('phase 3: shed load')).toBe(true);
    expect(template.sections[4]!.children[0]!.matcher.test('2.0.1 - 2026-11-26')).toBe(true);
  });

  it('reads the expected table columns and task list', () => {
    expect(template.sections[2]!.expects.tables).toEqual([{ columns: ['Name', 'Meaning', 'Default'] }]);
    expect(template.sections[3]!.expects.taskList).toBe(true);
    const kinds = Object.fromEntries(template.placeholders.map((p) => [p.text, p.kind]));
    expect(kinds).toMatchObject({
      '[Pattern Title]': 'bracketed',
      '[What the pattern does, in one sentence]': 'summary-sample',
      '[Phase Name]': 'bracketed',
      OPTION_1: 'generic-item',
      'default-value': 'sample-value',
      'Item 1': 'generic-item',
    });
    expect(kinds['Initial version']).toBeUndefined();
  });
});

describe('malformed templates', () => {
  it('is a configuration error when the file is missing, names the file', async () => {
    await expect(loadTemplate('/nonexistent/template.md')).rejects.toThrow(/Template not found: \/nonexistent\/template\.md/);
  });

  it('rejects a template without sections, naming the file; reads front matter that is not YAML a key a line', async () => {
    expect(() => templateFromSource('# Only a title\n\nText.\n', 't.md')).toThrow(PatternbookError);
    // A comment for the author after a value (`id: "…" <!-- keep the quotes -->`) is no YAML, but still the keys' sketch.
    const sketched = templateFromSource('---\nid: "<to be assigned>" <!-- keep the quotes -->\ntitle: <Proposal title>\na: [\n---\n## A\n\nText.\n', 't.md');
    expect(sketched.frontMatter).toEqual({ id: '<to be assigned>', title: '<Proposal title>', a: '[' });
    expect(sketched.title).toMatchObject({ from: 'front-matter', key: 'title' });
    const dir = await tempCatalog({ 'latin1.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]) });
    await expect(loadTemplate(`${dir}/latin1.md`)).rejects.toThrow(/not valid UTF-8/);
  });
});

describe('a template whose sections are H1s, with no title line (RFC style)', () => {
  const text =
    '- Start Date: (today)\n- Tracking issue: (leave empty)\n\n# Summary\n\nOne paragraph explanation.\n\n# Motivation\n\nWhy are we doing this?\n\n# Drawbacks\n\nWhy should we not do this?\n';
  const template = templateFromSource(text, 'rfc-template.md');

  it('reads every H1 as a section and asks for no title', () => {
    expect(outline(template.sections)).toEqual(['1 Summary', '1 Motivation', '1 Drawbacks']);
    expect(template.title).toEqual({ from: 'none' });
    expect(template.summary).toMatchObject({ from: 'section', section: 'Summary' });
  });

  it('keeps a first H1 with a placeholder as the title', () => {
    const titled = templateFromSource('# RFC-NNNN: Your title\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n', 'rfc-template.md');
    expect(titled.title).toMatchObject({ from: 'heading' });
    expect(outline(titled.sections)).toEqual(['1 Summary', '1 Motivation']);
  });

  it('lints its patterns without a title finding, and shows each by a name made from its file', async () => {
    const pattern = '- Start Date: 2026-01-05\n- Tracking issue: #12\n\n# Summary\n\nRetry budgets for clients.\n\n# Motivation\n\nStorms.\n\n# Drawbacks\n\nState.\n';
    const dir = await tempCatalog({
      'rfc-template.md': text,
      'patternbook.config.json': JSON.stringify({ template: 'rfc-template.md', patterns: ['text/*.md'] }),
      'text/0042-retry-budgets.md': pattern,
    });
    const { lint } = await import('../../src/lint/lint.js');
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.ruleId}`))).toEqual([]);
    const { loadCatalog } = await import('../../src/catalog/load-catalog.js');
    const { displayTitle } = await import('../../src/catalog/view.js');
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.map((p) => [displayTitle(p), p.summary?.text])).toEqual([['0042 Retry budgets', 'Retry budgets for clients.']]);
  });
});

describe('a template page that says what it is before the template proper', () => {
  const text = [
    '# Template for a tool proposal',
    '',
    'Copy this file to propose a tool; delete this paragraph.',
    '',
    '# Title',
    '',
    '* **Proposer**: your name',
    '',
    '## Summary',
    '',
    'Describe the tool in a few words.',
    '',
    '## Use cases',
    '',
    '* Where it helps.',
    '',
    '# Appendix: questions to weigh',
    '',
    'These questions are not part of the proposal; be ready to answer them.',
    '',
    '## Naming',
    '',
    '* Does the name say what the tool does?',
    '',
  ].join('\n');

  it('takes the later `# Title` as the title line: the words above it are the page\'s, and an appendix that is "not part of the proposal" asks for nothing', () => {
    const template = templateFromSource(text, 'TEMPLATE.md');
    expect(template.title).toMatchObject({ from: 'heading' });
    expect(outline(template.sections)).toEqual(['2 Summary', '2 Use cases', '1 Appendix: questions to weigh ?', '  2 Naming']);
    // Lines keep their numbers.
    expect(template.sections[0]!.line).toBe(9);
  });

  it('lints a proposal written from it with no finding, and `init --adopt` writes a configuration that loads', async () => {
    const proposal = (n: number) => `# Tool ${n}\n\n* **Proposer**: Someone ${n}\n\n## Summary\n\nTool ${n} trims logs.\n\n## Use cases\n\n* Big logs.\n`;
    const files: Record<string, string> = { 'docs/TEMPLATE.md': text };
    for (let n = 1; n <= 11; n++) files[`docs/P-${n}.md`] = proposal(n);
    const dir = await tempCatalog(files);
    const { adoptCatalog } = await import('../../src/scaffold/adopt.js');
    const adopted = await adoptCatalog({ root: dir });
    expect(adopted.templateFile).toBe(path.join(dir, 'docs/TEMPLATE.md'));
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.ruleId}`))).toEqual([]);
  });
});

describe('a template whose sections are H1s, in a catalog whose patterns open with a title H1', () => {
  it('reads the title H1 as the title and the H1s after it as sections: no "second title"', async () => {
    const dir = await tempCatalog({
      'rfc-template.md': '# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n\n# Design\n\nHow?\n',
      'patternbook.config.json': JSON.stringify({ template: 'rfc-template.md', patterns: ['text/*.md'], title: { from: 'heading' } }),
      'text/budgets.md': '# Retry budgets\n\n# Summary\n\nBudgets for clients.\n\n# Motivation\n\nStorms.\n\n# Design\n\nA token bucket.\n\n# Appendix\n\nNumbers.\n',
    });
    const template = templateFromSource('# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy?\n\n# Design\n\nHow?\n', 'rfc-template.md', { title: { from: 'heading' } });
    expect(outline(template.sections)).toEqual(['1 Summary', '1 Motivation', '1 Design']);
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.ruleId}`))).toEqual(['15 unknown-section']);
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.map((p) => [p.title?.text, p.summary?.text])).toEqual([['Retry budgets', 'Budgets for clients.']]);
  });
});

describe("a pattern that opens with one of the template's sections as an H1 (no title line)", () => {
  it('has no title: its sections one level up are one heading-level finding, and the title is missing', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '# [Pattern Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy?\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'budgets/README.md': '# Summary\n\nRetry budgets for clients.\n\n# Motivation\n\nStorms.\n',
    });
    const { lint } = await import('../../src/lint/lint.js');
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.ruleId}`))).toEqual(['1 heading-level', '1 title']);
  });
});

describe("a section's own guidance that says it may be left out", () => {
  it('a comment right under a heading is that section\'s guidance: "This section is optional." makes it optional, not the section after it', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Abstract\n\n<!-- A terse summary. -->\n\n## Motivation\n\n<!--\n  This section is optional.\n\n  Say which problem it solves.\n-->\n\n## Specification\n\n<!-- The exact behaviour. -->\n\n### Chain Specifics\n\n<!--\n  This subsection is optional.\n-->\n\n## Test Cases\n\n<!--\n  This section is optional for non-core proposals.\n-->\n\n## Security Considerations\n\n<!-- Risks. -->\n',
      'proposal-template.md',
    );
    expect(outline(template.sections)).toEqual([
      '2 Abstract',
      '2 Motivation ?',
      '2 Specification',
      '  3 Chain Specifics ?',
      '2 Test Cases ?',
      '2 Security Considerations',
    ]);
  });

  it('a comment on the next heading that names it (`<!-- Constraints are optional -->`), or sits right on it, is that heading’s marker, not the bare section’s above', () => {
    for (const marker of ['<!-- Constraints are optional -->', '<!-- optional -->']) {
      const template = templateFromSource(`# Template\n\n* Status: accepted\n\n## Background\n\n${marker}\n## Constraints\n\n## Choice\n`, 'adr/0000-template.md');
      expect(outline(template.sections), marker).toEqual(['2 Background', '2 Constraints ?', '2 Choice']);
    }
    // (Separated from the next heading and not naming it: still the guidance of the section it is under.)
    const own = templateFromSource('# Template\n\n## Background\n\n<!-- This section is optional. -->\n\n## Constraints\n\n## Choice\n', 'adr/0000-template.md');
    expect(outline(own.sections)).toEqual(['2 Background ?', '2 Constraints', '2 Choice']);
  });

  it('notes to the author set as small headings above the title line (`#### *Example page only…*` over `# Red Team`) are no sections', () => {
    const template = templateFromSource(
      '#### *<p align="center">Example page only: this is not the real Red team.</p>*\n\n# Red Team\n\nThe red team looks after the parser.\n\n## What does the team do?\n\nIt keeps the parser fast.\n\n## How do I join?\n\nSay hello.\n',
      'teams/sample/_index.md',
    );
    expect(outline(template.sections)).toEqual(['2 What does the team do?', '2 How do I join?']);
  });

  it('MADR’s note under a heading, `<!-- This is an optional element. Feel free to remove. -->`, makes that section optional', () => {
    const template = templateFromSource(
      '# {short title}\n\n## Problem\n\n{What needs deciding.}\n\n## Forces\n\n<!-- This is an optional element. Feel free to remove. -->\n\n- {force 1}\n\n## Outcome\n\n{What was chosen.}\n',
      'adr-template.md',
    );
    expect(outline(template.sections)).toEqual(['2 Problem', '2 Forces ?', '2 Outcome']);
  });

  it('MADR’s note over the first element of an option (`### {title of option 1}`) leaves the section that holds the options asked for', () => {
    const template = templateFromSource(
      '# {short title}\n\n## Context\n\n{The forces.}\n\n## Options Weighed\n\n### {title of option 1}\n\n<!-- This is an optional element. Feel free to remove. -->\n{example | description}\n\n* Good, because {argument a}\n\n### {title of option 2}\n\n{example}\n\n## Outcome\n\n{What was chosen.}\n',
      'adr-template.md',
    );
    const weighed = template.sections.find((s) => s.name === 'Options Weighed')!;
    expect([weighed.optional, weighed.recommended]).toEqual([false, false]);
  });

  it('a first paragraph that opens with "Optional" or says "omit this section" makes it optional; a mention of the word elsewhere does not', () => {
    const template = templateFromSource(
      '# Summary\n\nOne paragraph.\n\n# Basic example\n\nIf the change has an API, show it. Omit this section if it is not applicable.\n\n# Design\n\nExplain optional parameters and their defaults.\n\n# Unresolved questions\n\nOptional, but suggested for first drafts. What is still open?\n',
      'rfc-template.md',
    );
    expect(outline(template.sections)).toEqual(['1 Summary', '1 Basic example ?', '1 Design', '1 Unresolved questions ?']);
  });

  it('guidance that opens with a condition on its use, or that says the section is required only later, makes it optional; a condition inside the text does not', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Design\n\n### Test Plan\n\n<!--\n**Note:** *Not required until targeted at a release.*\nHow it is tested.\n-->\n\n### Upgrade Strategy\n\n<!--\nIf applicable, how will the component be upgraded?\n-->\n\n### Rollout\n\nHow it rolls out. If applicable, say when.\n\n## Drawbacks\n\nIf there are none, say so.\n',
      'proposal-template.md',
    );
    expect(outline(template.sections)).toEqual(['2 Design', '  3 Test Plan ?', '  3 Upgrade Strategy ?', '  3 Rollout', '2 Drawbacks']);
  });

  it('a comment that says "optional" in the heading\'s own line makes it optional; emphasis that did not parse is no part of a name', () => {
    const template = templateFromSource(
      '# [Short title]\n\n## Context\n\nWhat is the issue?\n\n## Decision Drivers <!-- optional -->\n\n* [driver 1]\n\n## **Metrics **\n\nHow success is measured.\n',
      'adr-template.md',
    );
    expect(outline(template.sections)).toEqual(['2 Context', '2 Decision Drivers ?', '2 Metrics']);
  });

  it('a section heading with a note in brackets (`## Open Questions [optional]`) right under the title and its prose is a section, not the title', () => {
    const template = templateFromSource(
      "# Clever Feature Idea\n\nThis line is the proposal's name: pick a short one.\n\n## Open Questions [optional]\n\nWhat is unsettled.\n\n## Summary\n\nOne paragraph.\n",
      'idea-template.md',
    );
    expect(outline(template.sections)).toEqual(['2 Open Questions ?', '2 Summary']);
    expect(template.title).toMatchObject({ from: 'heading', sample: 'Clever Feature Idea' });
  });

  it('a heading the template keeps commented out on a line of its own is an optional section there; one in a code block is code', () => {
    const template = templateFromSource(
      '# [Title]\n\n<!--### Other Names-->\n<!-- More names it goes by. -->\n\n## Context\n\nWhere it applies.\n\n## Solution\n\nHow.\n\n<!-- ### Known Uses -->\n<!-- Systems that use it. -->\n\n```md\n<!--## Not a section-->\n```\n\n## Consequences\n\nGains and costs.\n',
      'entry-template.md',
    );
    expect(outline(template.sections)).toEqual(['3 Other Names ?', '2 Context', '2 Solution', '  3 Known Uses ?', '2 Consequences']);
  });

  it('a sub-section that shows its parent’s content by example (`### Example Specification`) is no section to ask for; an author’s sub-heading there is content', async () => {
    const template =
      '---\ntitle: <Brief title>\n---\n\n## Abstract\nA short description.\n\n## Specification\nThe change in detail.\n\n### Example Specification\nAdd a field:\n\n```text\nPen { colour: string }\n```\n\n## References\nDocuments used.\n';
    expect(templateFromSource(template, 'hip-template.md').sections.map((s) => [s.name, s.children.length])).toEqual([
      ['Abstract', 0],
      ['Specification', 0],
      ['References', 0],
    ]);
    // (`## Examples` of its own, or an example of another section, stays a section.)
    expect(templateFromSource('# [T]\n\n## Usage\n\nHow.\n\n### Example Setup\n\nA file.\n', 'x-template.md').sections[0]!.children.map((s) => s.name)).toEqual([
      'Example Setup',
    ]);
  });

  it('a closing section whose guidance only invites (`If you would like to add anything else, feel free to…`) is optional', () => {
    const t = templateFromSource(
      '# Proposal: <name>\n\n## Motivation\n\nDescribe why.\n\n## Anything else?\n\nIf you would like to add anything beyond the sections above, feel free to do so here.\n',
      'proposal-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.optional])).toEqual([
      ['Motivation', false],
      ['Anything else?', true],
    ]);
  });

  it('a catch-all section whose guidance only invites more (`Feel free to add anything else you may need.`) is optional', () => {
    const t = templateFromSource('# <Kiln name>\n\n## Firing\n\nHow hot, how long.\n\n### Extras\n\nFeel free to add anything else you may need.\n', 'kiln-template.md');
    expect(t.sections.map((s) => [s.name, s.optional, s.children.map((c) => [c.name, c.optional])])).toEqual([['Firing', false, [['Extras', true]]]]);
  });

  it('a placeholder list of one item that says so (`* optional bulleted list`) makes the section optional; a list of several items that merely starts so does not', () => {
    const t = templateFromSource(
      '# [Title]\n\n## Summary\n\nTwo sentences.\n\n## Links\n\n* optional bulleted list\n\n## Steps\n\n* optional: warm the kiln\n* load it\n',
      'record-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.optional])).toEqual([
      ['Summary', false],
      ['Links', true],
      ['Steps', false],
    ]);
  });

  it('a heading marked `*` whose note, in any paragraph, says it is optional, or a sentence that names the section optional (`Examples are optional.`), makes it optional; a `*` alone does not', () => {
    const t = templateFromSource(
      [
        '# [Title]',
        '## Background*',
        'Why this is needed.',
        'Proposals without a reason may be declined. *This section is optional if the reason is plain.',
        '## Design',
        'How it works. Design reviews are optional for small changes.',
        '## Examples',
        'Sample inputs. *Examples are optional.',
        '## Security*',
        'What an attacker could do. *Required for every proposal.',
      ].join('\n\n'),
      'kiln-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.optional])).toEqual([
      ['Background', true],
      ['Design', false],
      ['Examples', true],
      ['Security', false],
    ]);
  });

  it('sections written as H1s, the last with a few optional H2s of its own, are sections: the last H1 is no title line the others are notes above', () => {
    const t = templateFromSource(
      '- Owner: <!-- who -->\n\n# Overview\n\nThe idea.\n\n# Reasons\n\nWhy.\n\n# Design\n\nHow.\n\n# Questions\n\n<!-- optional: what is unclear -->\n\n## Answers\n\n<!-- optional: answered -->\n\n## Links\n\n<!-- optional: threads -->\n',
      'proposal-template.md',
    );
    expect(t.title.from).toBe('none');
    expect(t.sections.map((s) => [s.level, s.name, s.children.map((c) => c.name)])).toEqual([
      [1, 'Overview', []],
      [1, 'Reasons', []],
      [1, 'Design', []],
      [1, 'Questions', ['Answers', 'Links']],
    ]);
    // (Two H1s, the second over two parts of its own, are sections too.)
    const two = templateFromSource(
      '- Owner: <!-- who -->\n\n# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n\n## Extra notes\n\n<!-- optional -->\n\n## Links\n\n<!-- optional -->\n',
      'proposal-template.md',
    );
    expect(two.sections.map((s) => [s.level, s.name, s.children.map((c) => c.name)])).toEqual([
      [1, 'Summary', []],
      [1, 'Design', ['Extra notes', 'Links']],
    ]);
  });

  it('guidance that says the section might not always exist, after what it holds, makes it optional', () => {
    const t = templateFromSource(
      '# Summary\n\nWhat.\n\n# Background\n\nEarlier events. This section might not always exist.\n\n# Plan\n\nWhat will be done.\n',
      'rfc-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.optional])).toEqual([
      ['Summary', false],
      ['Background', true],
      ['Plan', false],
    ]);
  });

  it('sub-sections its guidance calls examples of the author’s own (`one L2 section per class; the ones below are examples`) are no sections to ask for', () => {
    const t = templateFromSource(
      '# [Title]\n\n## Background\n\nWhy.\n\n## API Pages\n\n<!-- One L2 section per class; the ones below are examples. -->\n\n### SampleWidget class\n\nWhat it is.\n\n### SampleWidget.Size property\n\nIts size.\n\n## API Details\n\nThe IDL.\n',
      'spec-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.children.map((c) => c.name)])).toEqual([
      ['Background', []],
      ['API Pages', []],
      ['API Details', []],
    ]);
    // (So with `Use one sub-header per failure mode`, over `### FM1: [Name of Failure Mode 1]` and `### FM2: …`.)
    const modes = templateFromSource(
      '# [Title]\n\n## Failure Modes\n\n**_Use one sub-header per failure mode._**\n\n### FM1: [Name of Failure Mode 1]\n\nWhat fails.\n\n### FM2: [Name of Failure Mode 2]\n\nWhat fails.\n\n## Action Items\n\nWho does what.\n',
      'fma-template.md',
    );
    expect(modes.sections.map((s) => [s.name, s.children.length])).toEqual([
      ['Failure Modes', 0],
      ['Action Items', 0],
    ]);
    // (Without that guidance, they are its sub-sections.)
    const plain = templateFromSource('# [Title]\n\n## API Pages\n\nThe pages.\n\n### Widget class\n\nWhat it is.\n', 'spec-template.md');
    expect(plain.sections[0]!.children.map((c) => c.name)).toEqual(['Widget class']);
  });

  it('guidance kept in a code block without a language that says the section is optional makes it optional', () => {
    const t = templateFromSource(
      '# [Title]\n\n## Overview\n\n```\nDELETE THIS BLOCK\n\nThis section is required.\n```\n\n## Sample Code\n\n```\nDELETE THIS BLOCK\n\nThis section is optional.\n```\n\n## Setup\n\n```bash\n# This section is optional.\nmake\n```\n',
      'sip-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.optional])).toEqual([
      ['Overview', false],
      ['Sample Code', true],
      ['Setup', false],
    ]);
  });

  it('a section whose heading or text tells the author to delete it once done is optional (guidance, never asked for)', () => {
    const t = templateFromSource(
      '# [Title]\n\n## 1 Summary\n\nOne paragraph.\n\n## 2 Design\n\nHow.\n\n## 3 Writing tips, delete this section before merging\n\n- Keep it short.\n\n## 4 Notes\n\nRemove this section when done: it only lists reminders.\n',
      'rfc-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.optional])).toEqual([
      ['1 Summary', false],
      ['2 Design', false],
      ['3 Writing tips, delete this section before merging', true],
      ['4 Notes', true],
    ]);
  });

  it('a section its text says goes before a later stage (`must be deleted before the proposal is approved`) is optional', () => {
    const t = templateFromSource(
      '# {{TITLE}}\n\n## Summary\n\n{{One paragraph.}}\n\n## Open Questions\n\n{{What is still undecided.}}\n\n{{THIS SECTION MUST BE DELETED BEFORE THE PROPOSAL IS APPROVED}}\n\n## Design\n\nThe design; this section is the longest.\n',
      'proposal-template.md',
    );
    expect(t.sections.map((s) => [s.name, s.optional])).toEqual([
      ['Summary', false],
      ['Open Questions', true],
      ['Design', false],
    ]);
  });

  it('an ellipsis in a heading is the author’s words, a number after it the sample’s (`### Risk: ... 1`)', () => {
    const t = templateFromSource(
      '# [Title]\n\n## Risks\n\nWhat could go wrong.\n\n### Risk: ... 1\n\nOne risk.\n\n### Note: …\n\nAnything else.\n',
      'proposal-template.md',
    );
    const [risk, note] = t.sections[0]!.children;
    expect(risk).toMatchObject({ name: 'Risk: …', repeatable: true });
    expect(risk!.matcher.test('risk: double cost during the switch')).toBe(true);
    expect(note).toMatchObject({ name: 'Note: …' });
    expect(note!.matcher.test('note: the console is read-only')).toBe(true);
    // Dots inside words, or a sentence's full stop, are no placeholder.
    expect(templateFromSource('# [Title]\n\n## Use v1...v2 diffs\n\nText.\n', 'x-template.md').sections[0]!.matcher.test('use v1...v2 diffs')).toBe(true);
  });

  it('numbered headings the template leaves bare are slots for headings the author names; numbered headings with text keep their shape', () => {
    const bare = templateFromSource('# [Title]\n\n## Uses\n\nWho needs it.\n\n### Case 1\n\n### Case 2\n\n## Risks\n\nWhat breaks.\n', 'proposal-template.md');
    const slot = bare.sections[0]!.children[0]!;
    expect(slot).toMatchObject({ name: 'Case N', repeatable: true, anyHeading: true });
    expect(slot.matcher.test('as a planner, i want rules to see my tags')).toBe(true);
    const written = templateFromSource('# [Title]\n\n## Steps\n\n### Step 1\n\nDo this.\n\n### Step 2\n\nThen that.\n', 'proposal-template.md');
    const step = written.sections[0]!.children[0]!;
    expect(step).toMatchObject({ name: 'Step N', repeatable: true, anyHeading: false });
    expect(step.matcher.test('as a planner, i want rules to see my tags')).toBe(false);
    // (A comment for the author under each, and a rule closing the list, `---`: still bare.)
    const closed = templateFromSource(
      '# [Title]\n\n## Rules\n\n- [Rule 1](#rule-1)\n\n### Rule 1\n\n<!-- what it asks -->\n\n### Rule 2\n\n<!-- what it asks -->\n\n---\n',
      'standard.template.md',
    );
    expect(closed.sections[0]!.children[0]).toMatchObject({ name: 'Rule N', anyHeading: true });
  });

  it('guidance that says the section may be omitted makes it optional, wherever in its first block', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Proposal\n\nWhat changes.\n\n### Feature flags\n\n[Name the flags that turn it on. This section may be omitted if there are none.]\n\n## Open issues\n\nWhat is unknown. This section can be left out when nothing is.\n\n## Rationale\n\nWhy. The flag it adds can be removed later.\n\n## Later work\n\nWhat does this make easier? Leave this section out if the change stands alone.\n\n## Notes\n\nLeave out nothing the reviewers need.\n\n## Migration\n\nThis section is not required if nothing that exists changes.\n\nHow callers move over.\n\n## Rollout\n\nThe section is not required reading for reviewers, but write it.\n',
      'proposal-template.md',
    );
    expect(outline(template.sections)).toEqual([
      '2 Proposal',
      '  3 Feature flags ?',
      '2 Open issues ?',
      '2 Rationale',
      '2 Later work ?',
      '2 Notes',
      '2 Migration ?',
      '2 Rollout',
    ]);
  });

  it('guidance that says not every pattern has the section, or closes on `(where applicable)`, makes it optional; a note on a part of it does not', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Problem\n\nTODO: the problem as a question.\n\n## Implementation\n\nTODO: sample code in the main language. (Not every pattern will have code)\n\n## Migration\n\nHow users move to it (where applicable).\n\n## Rollout\n\nSay how it is switched on (if applicable) and who does it.\n\n## Examples\n\nNot all of them are needed, but show at least two.\n\n## Reference Implementation\n\n[Required for protocol changes but optional for other kinds. Sketch the code.]\n',
      'pattern-template.md',
    );
    expect(outline(template.sections)).toEqual(['2 Problem', '2 Implementation ?', '2 Migration ?', '2 Rollout', '2 Examples', '2 Reference Implementation ?']);
  });

  it('a heading typed with the full-width number sign (`＃ 动机`) is the heading it means; one in a code block stays as written', () => {
    const template = templateFromSource('# [标题]\n\n# 概述\n\n简要说明。\n\n＃ 动机\n\n为什么要做？\n\n＃＃ 背景\n\n现状。\n\n```\n＃ 示例\n```\n', 'rfc-template.md');
    expect(outline(template.sections)).toEqual(['1 概述', '1 动机', '  2 背景']);
  });

  it('a template that lets the author delete a section that does not apply recommends each section', () => {
    for (const note of ['_When a section does not apply to your proposal, delete it._', 'If a section is not applicable, remove it.']) {
      const t = templateFromSource(`# [Title]\n\n${note}\n\n## Summary\n\nOne paragraph.\n\n## Plan\n\nHow.\n`, 'proposal-template.md');
      expect(outline(t.sections)).toEqual(['2 Summary ~', '2 Plan ~']);
    }
  });

  it('H1s of notes on the process before the one H1 that holds every section: that one is the title line, the notes the page’s', () => {
    const t = templateFromSource(
      '# Metadata\n\nFill in the metadata file first.\n\n# Big Idea Name\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Drawbacks\n\nWhy not.\n',
      'guide/README.md',
    );
    expect(outline(t.sections)).toEqual(['2 Summary', '2 Motivation', '2 Drawbacks']);
    expect(t.title).toMatchObject({ from: 'heading', sample: 'Big Idea Name' });
  });

  it('a template that says its outline is only a guide recommends each section (a missing one is a warning); a hedge in a section’s own guidance recommends that one', () => {
    const guide = templateFromSource(
      'Use this outline as a starting point only a guide: feel free to drop any parts that do not fit.\n\n# Overview\n\n(What it does)\n\n## Motivation\n\n(Why)\n\n# Design\n\n(How)\n',
      'proposal-template.md',
    );
    expect(outline(guide.sections)).toEqual(['1 Overview ~', '  2 Motivation ~', '1 Design ~']);
    // …or, in a list of instructions before the first section, that a proposal may be written without it.
    const own = templateFromSource(
      '<details>\n<summary>How to propose</summary>\n\n- Copy this file to `0000-my-idea.md`, or write your own free-form proposal.\n- Open a pull request.\n\n</details>\n\n# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n',
      'proposal-template.md',
    );
    expect(outline(own.sections)).toEqual(['2 Summary ~', '2 Motivation ~']);
    const hedged = templateFromSource(
      '# [Title]\n\n## Summary\n\n<!-- Most (if not all) designs should have one: a few lines. -->\n\n## Problem\n\n<!-- What is wrong today. Most readers start here. -->\n\n## Risks\n\nThis section is recommended. What could go wrong?\n',
      'design-template.md',
    );
    expect(outline(hedged.sections)).toEqual(['2 Summary ~', '2 Problem', '2 Risks ~']);
    // (So does one that calls itself a suggested outline that will not fit every document.)
    const suggested = templateFromSource(
      '# Idea title\n\nBelow is a suggested outline for drafting an idea, it will not fit all potential ideas.\n\n## Owner\n\nWho.\n\n## Cost\n\nHow much.\n',
      'TEMPLATE.md',
    );
    expect(outline(suggested.sections)).toEqual(['2 Owner ~', '2 Cost ~']);
    // (Or, in a comment under its title, that it is freeform on purpose: its sections recommended.)
    const freeform = templateFromSource(
      'Title of the design\n===================\n\n<!-- Describe your change here. This is purposefully freeform: enough to judge the design. -->\n\n## Example\n\n<!-- How a user would use it. -->\n',
      'template.md',
    );
    expect(outline(freeform.sections)).toEqual(['2 Example ~']);
    // (A block of guidance the template tells the author to delete, its heading saying so — `### (Info,
    // remove this section)` — and the headings of its level after it that its text calls its sub-sections.)
    const info = templateFromSource(
      '---\ntitle: NAME\n---\n\n### (Notes, remove this section)\n\nFor writers. This section and its subsections must be removed.\n\n### Tags\n\nPick tags.\n\n## Abstract\n\nIn short.\n\n## Details\n\nHow.\n',
      'template.md',
    );
    expect(outline(info.sections)).toEqual(['3 (Notes, remove this section) ?', '3 Tags ?', '2 Abstract', '2 Details']);
    // (Said in a parenthesis too: "This section (including its subsections) must be removed.")
    const including = templateFromSource(
      '---\ntitle: NAME\n---\n\n### (Notes, remove this section)\n\nThis section (including its subsections) must be removed.\n\n### Tags\n\nPick tags.\n\n## Abstract\n\nIn short.\n',
      'template.md',
    );
    expect(outline(including.sections)).toEqual(['3 (Notes, remove this section) ?', '3 Tags ?', '2 Abstract']);
    // (A section whose guidance asks a question the answer to which may be no — `Are there any links?
    // If yes, list them here.` — may be left out.)
    const ifYes = templateFromSource('# [Title]\n\n## Design\n\nHow.\n\n## Further Reading\n\nAre there any links for this? If yes, list them here.\n', 'TEMPLATE.md');
    expect(outline(ifYes.sections)).toEqual(['2 Design', '2 Further Reading ?']);
    // (Not where it follows the question the section asks of every document: `How does it affect users?
    // Will any behavior change for them? If so, how…` asks for the section still.)
    const asked = templateFromSource(
      '# [Title]\n\n## Design\n\nHow.\n\n## Compatibility\n\nHow does this change affect existing users? Will any behavior change for them? If so, how will you ease it?\n',
      'TEMPLATE.md',
    );
    expect(outline(asked.sections)).toEqual(['2 Design', '2 Compatibility']);
    // (Opening a comment written as a link definition, `[comment]: # Will it break code? If so, …`: optional.)
    const labelled = templateFromSource(
      '# [Title]\n\n## Design\n\nHow.\n\n## Compatibility\n\n[comment]: # Will the change break existing code? If so, how, and is it worth it?\n',
      'TEMPLATE.md',
    );
    expect(outline(labelled.sections)).toEqual(['2 Design', '2 Compatibility ?']);
    // (Instructions above a line that says to delete all above it, headings and all: the page's, the H1
    // after that line the title line.)
    const hereUp = templateFromSource(
      '# How to write a note\n\n#### How to use\n\nCopy this file.\n\nDelete from here up, starting with your title.\n\n# Note title\n\n## Background\n\nWhy.\n\n## Plan\n\nWhat.\n',
      'FORMAT.md',
    );
    expect(outline(hereUp.sections)).toEqual(['2 Background', '2 Plan']);
    expect(hereUp.title.from).toBe('heading');
    // (Or an H1 of a sample title over text about the template, before the H1 that is the title line:
    // that text is the page's, and the sections are the later H1's.)
    const sample = templateFromSource(
      '# [Example garden plan]\n\nThis template starts a plan for the allotment committee.\n\n# [Title]\n\nA plan for one plot.\n\n### Season\n\n[Spring or autumn]\n\n## Beds\n\n### Layout\n\nWhere.\n',
      'plan-template.md',
    );
    expect(outline(sample.sections)).toEqual(['3 Season', '2 Beds', '  3 Layout']);
    expect(sample.title.from).toBe('heading');
    // (What the page says there of the outline holds for the template: `The sections below are
    // recommended.` A bracketed condition, `[if the plan runs past one page]`, makes a section optional.)
    const guided = templateFromSource(
      '# [Example garden plan]\n\nThis template starts a plan. The sections below are recommended.\n\n# [Title]\n\n## Contents [if the plan runs past one page]\n\n- [Beds](#beds)\n\n## Beds\n\nWhere.\n',
      'plan-template.md',
    );
    expect(outline(guided.sections)).toEqual(['2 Contents ?', '2 Beds ~']);
    // (Not without such text: the first H1 is then the title line.)
    const noAbout = templateFromSource('# [Example garden plan]\n\nA plot.\n\n# [Title]\n\n## Beds\n\nWhere.\n', 'plan-template.md');
    expect(outline(noAbout.sections)).not.toEqual(['2 Beds']);
    // (Or that every section but some may be left out: those are asked for, the others optional.)
    const but = templateFromSource(
      '---\ntitle: <title>\n---\n\n*Every section below except "Abstract" and "Motivation" may be treated as optional.*\n\n## Abstract\n\nIn short.\n\n## Motivation\n\nWhy.\n\n## Prior Art\n\nEarlier tries.\n\n## Rights\n\nReleased under CC0.\n',
      'TEMPLATE.md',
    );
    expect(outline(but.sections)).toEqual(['2 Abstract', '2 Motivation', '2 Prior Art ?', '2 Rights ?']);
    // (So does "most sections below, except …, may be treated as optional", the names quoted with their commas.)
    const most = templateFromSource(
      '---\ntitle: <title>\n---\n\n*For proposals of many kinds, most sections below, except "Abstract" and "Motivation," may be treated as optional.*\n\n## Abstract\n\nIn short.\n\n## Motivation\n\nWhy.\n\n## Rights\n\nReleased under CC0.\n',
      'TEMPLATE.md',
    );
    expect(outline(most.sections)).toEqual(['2 Abstract', '2 Motivation', '2 Rights ?']);
    const only = templateFromSource(
      '# [Title]\n\nOnly the Summary and Design sections are required.\n\n## Summary\n\nIn short.\n\n## Design\n\nHow.\n\n## Risks\n\nWhat.\n',
      'TEMPLATE.md',
    );
    expect(outline(only.sections)).toEqual(['2 Summary', '2 Design', '2 Risks ?']);
    // (Names that are no sections of the template say nothing of its outline.)
    const other = templateFromSource('# [Title]\n\nOnly the maintainers are required to review.\n\n## Summary\n\nIn short.\n\n## Risks\n\nWhat.\n', 'TEMPLATE.md');
    expect(outline(other.sections)).toEqual(['2 Summary', '2 Risks']);
    // Said of one part of the template (a section's own text), it is no word on the whole outline.
    const local = templateFromSource(
      '# [Title]\n\n## Design\n\nOnly a guide to the parts is needed here: list them.\n\n## Risks\n\nWhat could go wrong?\n',
      'design-template.md',
    );
    expect(outline(local.sections)).toEqual(['2 Design', '2 Risks']);
    // …unless it speaks of the sections, in the plural, wherever it says so (`Feel free to add or remove sections.`).
    const anywhere = templateFromSource(
      '---\ntitle: Template for proposals\n---\n\n# Abstract\n\nA short summary.\n\n# Proposal\n\nThe change. This file is a template: copy it. Feel free to add or remove sections.\n\n# Risks\n\nWhat could go wrong?\n',
      'template.md',
    );
    expect(outline(anywhere.sections)).toEqual(['1 Abstract ~', '1 Proposal ~', '1 Risks ~']);
    // (So does `Add or remove sections as required.`, in a comment above the title: sections recommended, the author's own welcome.)
    const asRequired = templateFromSource(
      '<!-- A sample layout. Add or remove sections as required. -->\n\n# <Title>\n\n## Background\n\nWhy.\n\n## Plan\n\nHow.\n\n## Risks\n\nWhat could go wrong.\n',
      'template.md',
    );
    expect(outline(asRequired.sections)).toEqual(['2 Background ~', '2 Plan ~', '2 Risks ~']);
    expect(asRequired.ownSectionsWelcome).toBe(true);
    // A section that only holds optional sub-sections, nothing of its own: recommended too.
    const holder = templateFromSource('# [Title]\n\n## Details\n\n### Test Plan [optional]\n\nHow.\n\n## Parts\n\n### Pieces\n\nWhich.\n', 'design-template.md');
    expect(outline(holder.sections)).toEqual(['2 Details ~', '  3 Test Plan ?', '2 Parts', '  3 Pieces']);
    // Bare sub-headings (nothing under them) name kinds of content a section may hold: an author
    // with no costs to speak of leaves `### Costs` out. A bare top-level section stays required.
    const kinds = templateFromSource(
      '# [Title]\n\n## Outcome\n\nWhat happens once it is done.\n\n### Gains\n\n### Costs\n\n### Side effects\n\n## Notes\n\n## Owners\n\n### Lead\n\nWho leads.\n',
      'record-template.md',
    );
    expect(outline(kinds.sections)).toEqual(['2 Outcome', '  3 Gains ~', '  3 Costs ~', '  3 Side effects ~', '2 Notes', '2 Owners', '  3 Lead']);
  });

  it('guidance that opens with `(optional)` on a line of its own makes it optional; a note that says when it is needed is no sample to replace', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Design\n\n<!--\nExplain the design.\n-->\n\n## Verification\n\n**Note:** *Not needed until the work is scheduled for a release.*\n\nExplain how it is verified.\n\n## Further Reading\n\n<!--\n(optional)\n\nLinks to earlier proposals.\n-->\n',
      'proposal-template.md',
    );
    expect(outline(template.sections)).toEqual(['2 Design', '2 Verification ?', '2 Further Reading ?']);
    expect(template.placeholders.map((p) => `${p.kind}: ${p.text}`)).toEqual(['bracketed: [Title]', 'instruction: Explain how it is verified.']);
  });

  it('guidance after a label that says whether the section is asked for (`**Optional:** Describe the plan…`) is an instruction, no sample of a field', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Design\n\nExplain the design.\n\n## Support\n\n> **Optional:** Describe the plan to support it in the tools, if applicable.\n',
      'proposal-template.md',
    );
    expect(template.placeholders.map((p) => `${p.kind}: ${p.text}`)).toEqual([
      'bracketed: [Title]',
      'instruction: Explain the design.',
      'instruction: Describe the plan to support it in the tools, if applicable.',
    ]);
  });
});

describe('a title heading below H1', () => {
  const template = 'Title\n-----\n* Author(s): [Name]\n* Status: [Draft]\n\n## Abstract\n\n[A short summary.]\n\n## Proposal\n\n[The change.]\n';

  it('takes an H2 that only names the title, with no title line under it, as where the title goes', () => {
    const schema = templateFromSource(template, 'PROPOSAL-TEMPLATE.md');
    expect(schema.title).toMatchObject({ from: 'heading', sample: 'Title', level: 2 });
    expect(schema.sections.map((s) => s.name)).toEqual(['Abstract', 'Proposal']);
    // `## Title` with the title on the line under it stays a section that holds it.
    const onTheLine = templateFromSource('## Title\n\nShort Title Here\n\n## Problem\n\nWhat hurts.\n', 'pattern-template.md');
    expect(onTheLine.title).toMatchObject({ from: 'section' });
  });

  it('reads the title of patterns written to it, underlined or as an H1, and their sections', async () => {
    const dir = await tempCatalog({
      'PROPOSAL-TEMPLATE.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'PROPOSAL-TEMPLATE.md', patterns: ['P*.md'] }),
      'P1-retry-budgets.md': 'Retry budgets\n-------------\n* Author(s): Ana\n* Status: Draft\n\n## Abstract\n\nCap retries.\n\n## Proposal\n\nA budget per client.\n',
      'P2-hedging.md': '# P2: Hedged requests\n\n* Author(s): Bo\n\n## Abstract\n\nSend twice.\n\n## Proposal\n\nAfter the p95.\n',
    });
    const catalog = await loadCatalog({ root: dir });
    expect(catalog.patterns.map((p) => p.title?.text)).toEqual(['Retry budgets', 'P2: Hedged requests']);
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path} ${d.ruleId}`))).toEqual([]);
  });
});

describe('front matter keys written in another case (`Title:`, `Status:`)', () => {
  it('are the keys the template and the catalog read: the title, the summary and the facets', async () => {
    const dir = await tempCatalog({
      'proposal-template.md':
        '---\nProposal: 0\nTitle: Proposal title\nDescription: One sentence.\nStatus: Draft\n---\n\n## Motivation\n\n[Why.]\n\n## Design\n\n[How.]\n',
      'patternbook.config.json': JSON.stringify({ template: 'proposal-template.md', patterns: ['proposals/*.md'] }),
      'proposals/0007.md':
        '---\nProposal: 7\nTitle: Retry budgets\nDescription: Clients retry within a budget.\nStatus: Final\n---\n\n## Motivation\n\nStorms.\n\n## Design\n\nA token bucket.\n',
      'proposals/0008.md':
        '---\nproposal: 8\ntitle: Lower budgets\ndescription: Smaller budgets for batch clients.\nstatus: Draft\n---\n\n## Motivation\n\nBatch load.\n\n## Design\n\nHalve them.\n',
    });
    const { template } = await (await import('../../src/catalog/load-catalog.js')).prepareCatalog({ root: dir });
    expect(template.title).toMatchObject({ from: 'front-matter', key: 'Title' });
    expect(template.summary).toMatchObject({ from: 'front-matter', key: 'Description' });
    const catalog = await loadCatalog({ root: dir });
    const { displayTitle } = await import('../../src/catalog/view.js');
    const { facetValues } = await import('../../src/catalog/facets.js');
    expect(catalog.patterns.map((p) => [displayTitle(p), p.summary?.text, facetValues(p, ['status'])])).toEqual([
      ['Retry budgets', 'Clients retry within a budget.', { status: ['Final'] }],
      ['Lower budgets', 'Smaller budgets for batch clients.', { status: ['Draft'] }],
    ]);
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId}`))).toEqual([]);
  });
});

describe('shapes of proposal templates (improvement-proposal catalogs)', () => {
  it('takes "This is an optional yet encouraged section" as optional, a front matter title beside the H1 as enough, and `## TODO` as a section', async () => {
    const template = [
      '---',
      'id: "<to be assigned>" <!-- keep the quotes -->',
      'title: <Proposal title>',
      '---',
      '',
      '# <Number>: <Title>',
      '',
      '## Abstract',
      '',
      'A short description of the proposal.',
      '',
      '## Reference Implementation',
      '',
      '> This is an optional yet highly encouraged section with an example.',
      '',
      '## TODO',
      '',
      'A section that lists what is left to do.',
      '',
    ].join('\n');
    const dir = await tempCatalog({
      'templates/proposal.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['proposals/*.md'] }),
      'proposals/0007.md':
        '---\nid: "0007"\ntitle: Fee cap\n---\n\n## Abstract\n\nCaps the fee paid per message.\n\n## TODO\n\n- Benchmark the check, then drop the TODO marker.\n',
      'proposals/0008.md':
        '---\nid: "0008"\ntitle: Storage rent\n---\n\n# 0008: Storage rent\n\n## Abstract\n\nCharges rent for old state.\n\n## TODO\n\n- Nothing yet.\n',
    });
    const report = await lint({ root: dir });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId}`))).toEqual([]);
  });
});

describe('a template whose metadata is a Hyde `{%hyde … %}` block', () => {
  it('gives `new` a pattern with its metadata in the same block, the title and summary filled in', () => {
    const template = templateFromSource('{%hyde\ntitle: Title\nexcerpt: One line.\nstatus: draft\n%}\n\n## Context\n\n<!-- The situation. -->\n', 'pattern.md');
    const text = renderNewPattern(template, { title: 'Breakwater', summary: 'A wall that calms the harbour.' });
    expect(text).toBe('{%hyde\ntitle: Breakwater\nexcerpt: A wall that calms the harbour.\nstatus: draft\n%}\n\n## Context\n\n<!-- The situation. -->\n');
  });
});

describe('templates written in other languages', () => {
  it('a first `# 标题` ("Title") over the header each pattern fills in, the sections H1s after it, is the title line', () => {
    for (const title of ['标题', 'Title']) {
      const template = templateFromSource(
        `# ${title}\n\n${title}如：新增某功能\n\n| 字段 | 值 |\n|---|---|\n| 作者 | 你的名字 |\n\n# 一、概述\n\n说明背景。\n\n# 二、方案设计\n\n说明如何实现。\n`,
        'rfcs/template.md',
      );
      expect(outline(template.sections), title).toEqual(['1 一、概述', '1 二、方案设计']);
    }
  });

  it('"optional" in another language in a heading’s note (`[可选]`, `（可选）`, `(opcional)`) makes the section optional and is no fill-in', () => {
    for (const heading of ['补充说明[可选]', '补充说明 [可选]', '补充说明（可选）', 'Anexos (opcional)', 'Anhang (fakultativ)']) {
      const template = templateFromSource(`# [Title]\n\n## Overview\n\nSay what it is.\n\n## ${heading}\n\nAny notes.\n`, 'template.md');
      expect(outline(template.sections), heading).toEqual(['2 Overview', `2 ${heading.replace(/\s*[[（(].*$/, '')} ?`]);
      expect(
        template.placeholders.map((p) => p.text),
        heading,
      ).not.toContain(heading.match(/[[（(](.*)[\]）)]/)![0]);
    }
  });

  it('"optional" in another language opening a section’s guidance (`可选，…`, `Opcional: …`) or closing it in brackets (`…（可选）`) makes that section optional; a longer word it starts (`可选的值…`) does not', () => {
    const optional = (guidance: string) => outline(templateFromSource(`# [Title]\n\n## 概述\n\n说明它是什么。\n\n## 附录\n\n${guidance}\n`, 'template.md').sections);
    for (const guidance of ['可选，列出相关的资料。', '可选：列出相关的资料。', '列出相关的资料。（可选）', 'Opcional: enlaces a otros documentos.'])
      expect(optional(guidance), guidance).toEqual(['2 概述', '2 附录 ?']);
    for (const guidance of ['可选的值有三种，逐一说明。', '任意数量的示例都可以。']) expect(optional(guidance), guidance).toEqual(['2 概述', '2 附录']);
  });

  it('a Chinese ordinal (`# 三、影响面` for the template’s `# 四、影响面`) is the same section renumbered: no missing section, and --fix inserts no copy', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'rfcs/template.md', patterns: ['rfcs/*.md'], exclude: ['rfcs/template.md'] }),
      'rfcs/template.md': '# 标题\n\n# 一、概述\n\n说明背景。\n\n# 二、现状\n\n说明现状。\n\n# 三、方案设计\n\n说明如何实现。\n\n# 四、影响面\n\n说明影响。\n',
      'rfcs/mesh.md':
        '# 新增网格采样\n\n# 一、概述\n\n网格采样用于多个求解器。\n\n# 二、现状\n\n目前只能均匀采样。\n\n# 三、设计思路与实现方案\n\n按面积加权。\n\n# 三、影响面\n\n只影响采样模块。\n',
    });
    const report = await lint({ root: dir });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.message}`));
    expect(found.filter((f) => f.includes('影响面'))).toEqual([]);
    expect(found.filter((f) => f.startsWith('error'))).toEqual([]);
    const fix = await runCli(['lint', dir, '--fix'], REPO);
    expect(fix.code, fix.stderr).toBeLessThan(2);
    const after = await readFile(path.join(dir, 'rfcs/mesh.md'), 'utf8');
    expect(after.match(/影响面/g)).toHaveLength(1);
    // (A pattern that keeps the template's `# 标题` as its title has not named itself.)
    await writeFile(path.join(dir, 'rfcs/kept.md'), '# 标题\n\n# 一、概述\n\n说明。\n\n# 二、现状\n\n现状。\n\n# 三、方案设计\n\n设计。\n\n# 四、影响面\n\n影响。\n');
    const kept = await lint({ root: dir });
    expect(kept.results.filter((r) => r.file.endsWith('kept.md')).flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.ruleId}`))).toEqual(['error title']);
  });
});

describe('a template with a front matter title and no H1, its first heading an H2 that holds the title’s blank', () => {
  it('the front matter key is where the title is kept; the H2 is no title line', () => {
    const template = templateFromSource('---\ntitle: "[Rule Title]"\ndescription: "[What the rule asks]"\n---\n\n## Rule: [Rule Title]\n\n[The rule.]\n', 'rule.md');
    expect(template.title).toMatchObject({ from: 'front-matter', key: 'title', sample: '[Rule Title]' });
    // (With no front matter title, the first H2 is still read as the title line.)
    expect(templateFromSource('## Rule: [Rule Title]\n\n[The rule.]\n\n## Why\n\nReasons.\n', 'rule.md').title).toMatchObject({ from: 'heading' });
  });
});

describe('a bare heading among sections the template guides', () => {
  it('`## Other Notes` last, no text under it, where every other section has guidance: recommended; in a template of bare headings, as asked as the rest', () => {
    const guided = templateFromSource(
      '# [Title]\n\n## Background\n\n_Why now._\n\n## Goals\n\n_What matters._\n\n## Proposals\n\n_Two ways at least._\n\n## Other Notes\n',
      'proposal.md',
    );
    expect(guided.sections.map((s) => [s.name, s.recommended])).toEqual([
      ['Background', false],
      ['Goals', false],
      ['Proposals', false],
      ['Other Notes', true],
    ]);
    const bare = templateFromSource('# [Title]\n\n## Context\n\n## Decision\n\n## Consequences\n\n## Notes\n', 'adr.md');
    expect(bare.sections.map((s) => s.recommended)).toEqual([false, false, false, false]);
  });
});

describe('a template heading that says to remove it', () => {
  it('`#### Example scenario 1, please remove: Lamp on a timer` is the template’s example of the shape, no section', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Tests\n\nWhat is checked.\n\n### Scenarios\n\nOne sub-heading each.\n\n#### Example scenario 1, please remove: Lamp on a timer\n\nIt dims.\n\n## Alternatives\n\nOthers.\n',
      'gep.md',
    );
    expect(outline(template.sections)).toEqual(['2 Tests', '  3 Scenarios', '2 Alternatives']);
  });
});

describe('a template section named for work still to do', () => {
  it('`## TODO` is optional: once its items are done, it goes', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Design\n\nHow.\n\n## TODO\n\nWhat is left; settle it all before the last call.\n\n## Copyright\n\nWaived.\n',
      'fip.md',
    );
    expect(outline(template.sections)).toEqual(['2 Design', '2 TODO ?', '2 Copyright']);
  });
});
