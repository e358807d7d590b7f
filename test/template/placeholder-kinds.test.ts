import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/document.js';
import { templateFromSource } from '../../src/template/load-template.js';
import { BOILERPLATE_MIN_PATTERNS, catalogBoilerplate, describeBoilerplate, learnBoilerplate, templateTextIn } from '../../src/template/leftovers.js';
import { customPlaceholder, findPlaceholders, isGuidance, isInstruction, markedTokens, type TemplateText } from '../../src/template/placeholders.js';

const tokens = (text: string, options?: Parameters<typeof markedTokens>[1]) => markedTokens(text, options).map((t) => t.text);

function doc(text: string) {
  const parsed = parseMarkdown(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.document;
}

describe('instructions to the author, told apart from steps for the reader', () => {
  it('takes verbs that ask for writing, and ambiguous verbs only when what they ask for is writing', () => {
    for (const s of [
      'Explain how the two services talk to each other.',
      'Describe the mechanism:',
      'List the limits you know of.',
      'Provide an example request here.',
      'Add a diagram of the flow.',
      'Remove this section when it does not apply.',
      'Please summarise the decision.',
      'Continue with implementation steps as needed.',
      'Specify the license (e.g., MIT, Apache 2.0)',
      'Why should we not do this?',
      'State the problem this solves.',
      // (In other languages, in the forms that can only ask: German's and French's polite imperative, "please" in Chinese.)
      'Beschreiben Sie die getroffene Entscheidung.',
      'Bitte geben Sie die Version an.',
      'Décrivez la décision prise.',
      '请描述这个功能的设计。',
      '決定した内容を書いてください。',
    ]) {
      expect(isInstruction(s), s).toBe(true);
    }
    for (const s of [
      'Delete the stack',
      'Enter a stack name',
      'Enter the desired region',
      'Note the outputs from the deployment.',
      'Note that the queue keeps messages for a week.',
      'Confirm the stack has been deleted',
      'Change to the pattern folder:',
      'Provide the bucket name when asked.',
      'List of supported regions:',
      'The breaker opens after five failures.',
      'Reference-level explanations follow the guide.',
      // A word alone is a label (a table's key, a column), not an imperative.
      'State',
      'List',
      'Describe:',
      'Die Daten liegen in Sie-Form vor.',
      'Die Kunden werden benachrichtigt.',
      'Les journaux restent sept jours.',
      '请求会在一分钟后重试。',
    ]) {
      expect(isInstruction(s), s).toBe(false);
    }
  });
});

describe('marked placeholders', () => {
  it("takes TODO/TBD for missing content where it stands alone (a line, a value, a cell, a note it opens), never inside the author's sentence", () => {
    for (const alone of ['TBD', '**TODO**', '- TBD', 'Review due: TBD', '| Fork block | TBD |', 'TODO: explain the rollback.', '1. TBD.'])
      expect(tokens(alone), alone).toEqual([alone.match(/TODO|TBD/)![0]]);
    for (const prose of ['The exact range is TBD for now.', 'It remains TBD whether clients retry.', 'Limits (range TBD), then rollout.'])
      expect(tokens(prose), prose).toEqual([]);
  });

  it('takes words in double braces for a blank (`{{List of synonyms}}`), never a template language’s expression', () => {
    for (const blank of [
      '{{List of synonyms}}',
      '{{Describe when the term applies, e.g. by region.}}',
      '{{List (and possibly link) related terms, e.g., “User”.}}',
      '**Synonyms:** {{Other names for it}}',
    ])
      expect(tokens(blank), blank).toEqual([blank.match(/\{\{.*\}\}/)![0]]);
    for (const code of [
      '{{ site.url }}',
      '{{ .Title }}',
      '{{< figure src="flow.png" >}}',
      '{{ partial "header" . }}',
      '{{ page.title | upcase }}',
      '{{ $x := len .Pages }}',
      '{{title}}',
      '{% include note.html %}',
      '{{ relref(page, "x") }}',
    ])
      expect(tokens(code), code).toEqual([]);
  });

  it('reads every kind of mark, outermost first', () => {
    expect(tokens('Pick [Queue Name], <<pool name>>, {title of option 1}, <name of the service>.\nTBD.')).toEqual([
      '[Queue Name]',
      '<<pool name>>',
      '{title of option 1}',
      '<name of the service>',
      'TBD',
    ]);
    expect(tokens('because {justification, e.g. it resolves {force} best}')).toEqual(['{justification, e.g. it resolves {force} best}']);
    expect(tokens('- Feature Name: (fill me in with a unique name)')).toEqual(['(fill me in with a unique name)']);
    expect(tokens('<A short account of the context>')).toEqual(['<A short account of the context>']);
  });

  it('leaves markup, links, notes and markers alone', () => {
    for (const text of [
      'See <https://queues.example.org> or <ops@example.org>.',
      'A <details open> block, a <br/> and <img src="a b.png" alt="two words">.',
      '![diagram]({{ site.baseurl }}/img/flow.png) {:.wide} {% include note.html %} {#anchor}',
      'Reads {"id": 1} and [1] and a footnote[^2].',
      'User Stories [Optional]',
      'Drawbacks (optional until merging) [if applicable]',
      '<<[/UNRESOLVED]>> and [/UNRESOLVED]',
      'a todo list, Option<T>, a < b and c > d',
      'Linked [text](https://a.example.org) and [text][ref].',
    ]) {
      expect(tokens(text), text).toEqual([]);
    }
  });

  it('keeps a bracketed word that belongs to a label out when asked (`[Optional] Aggregation method:`)', () => {
    expect(tokens('[Optional] Aggregation method:', { labels: true })).toEqual([]);
    expect(tokens('Date: [Date of the decision]', { labels: true })).toEqual(['[Date of the decision]']);
    expect(tokens('[Dependency name]', { labels: true })).toEqual(['[Dependency name]']);
  });

  it('in sample code, keeps only what reads as a fill-in', () => {
    expect(tokens('curl -d \'{"a": [1, 2]}\' <configuration> <<YOUR_QUEUE_URL>> [stack name] {bucket name}', { code: true })).toEqual([
      '<<YOUR_QUEUE_URL>>',
      '[stack name]',
      '{bucket name}',
    ]);
    // (A handle's blank with what goes there, as a metadata list writes it in code: a fill-in; a mention is not.)
    expect(tokens('<@author: one person who drives this proposal> <@reviewers>', { code: true })).toEqual(['<@author: one person who drives this proposal>']);
  });

  it('are found only as their token: `[Key benefit]` is not "key benefit" in a sentence', () => {
    const template = templateFromSource('# T\n\n## Why\n\n- [Key benefit]\n', 't.md');
    expect(findPlaceholders(template.placeholders, 'The key benefit is speed.')).toEqual([]);
    expect(findPlaceholders(template.placeholders, 'Our [key  benefit] here').map((p) => p.text)).toEqual(['[Key benefit]']);
    // Numbers may be renumbered, as with generic items.
    const options = templateFromSource('# T\n\n## Options\n\n- {title of option 1}\n', 't.md');
    expect(findPlaceholders(options.placeholders, '{title of option 3}').map((p) => p.text)).toEqual(['{title of option 1}']);
    expect(findPlaceholders(options.placeholders, 'the title of option 3')).toEqual([]);
  });

  it('a note in full-width parentheses, as Chinese and Japanese write them, is one as much as `(…)` is: all its value or line, not inside a sentence', () => {
    expect(tokens('- 截止日期：（写下计划完成的日期）')).toEqual(['（写下计划完成的日期）']);
    expect(tokens('（在这里列出相关的链接）')).toEqual(['（在这里列出相关的链接）']);
    expect(tokens('缓存层（一个本地进程）负责读取。')).toEqual([]);
    expect(tokens('- 版本：（v2）')).toEqual([]);
    const template = templateFromSource('# T\n\n- 负责人：（写下负责人的名字）\n\n## 背景\n\n背景。\n', 't.md');
    expect(findPlaceholders(template.placeholders, '- 负责人：（写下负责人的名字）').map((p) => p.text)).toEqual(['（写下负责人的名字）']);
    expect(findPlaceholders(template.placeholders, '- 负责人：王小明')).toEqual([]);
  });

  it('a configured bracketed text is matched the same way', () => {
    const custom = customPlaceholder('[Service Name]') as TemplateText;
    expect(custom.kind).toBe('custom');
    expect(findPlaceholders([custom], 'Runs [service name] twice.')).toHaveLength(1);
    expect(findPlaceholders([custom], 'The service name is ledger.')).toEqual([]);
  });
});

describe('a numbered sample list of the template', () => {
  it('takes items that differ only by their number (`Benefit 1 with explanation`, `Benefit 2 …`) and an item with a blank number (`ADR ###: Related Decision`) as samples; a list of different items is judged item by item', () => {
    const template = templateFromSource(
      '# ADR ###: Title\n\n## Applicability\n\n- Project condition 1 applies\n- Project condition 2 applies\n\n## Related ADRs\n\n- ADR ###: Related Decision\n\n## Steps\n\n1. Run the suite 1 time\n2. Open the report\n',
      't.md',
    );
    const samples = template.placeholders.filter((p) => p.kind === 'generic-item').map((p) => p.text);
    expect(samples).toEqual(['Project condition 1 applies', 'Project condition 2 applies', 'ADR ###: Related Decision']);
    expect(findPlaceholders(template.placeholders, 'Project condition 3 applies').map((p) => p.kind)).toEqual(['generic-item']);
    expect(findPlaceholders(template.placeholders, 'The project runs on 3 nodes').map((p) => p.kind)).toEqual([]);
  });
});

describe("a template's placeholders", () => {
  const template = templateFromSource(
    [
      '# <<Service name>> runbook',
      '',
      '## Steps',
      '',
      '1. Enter a stack name',
      '2. Describe what the step changes.',
      '',
      '```bash',
      'deployctl up --name <<stack name>> --json \'{"a": 1}\'',
      '```',
      '',
      '- [Optional] Metric name:',
      '- Does the step need downtime?',
      '',
      '<!--',
      'For each dependency, copy and fill in:',
      '  - [Dependency name]',
      'See the [style guide] and [release notes][notes].',
      '-->',
      '',
      '<!-- patternbook: keep -->',
      'Describe the step to the person next to you before you run it.',
      '',
      '- Explain the change in the team channel <!-- patternbook: keep -->',
      '',
      '[style guide]: https://style.example.org',
      '[notes]: https://notes.example.org',
      '',
    ].join('\n'),
    'runbook.md',
  );
  const list = template.placeholders as TemplateText[];
  const described = list.map((p) => `${p.kind}${p.code ? ' (code)' : ''}${p.label ? ' (label)' : ''}: ${p.text}`);

  it('takes marked tokens, instructions and questions; labels are marked as such; sample code is marked as code', () => {
    expect(described).toEqual([
      'bracketed: <<Service name>>',
      'instruction: Describe what the step changes.',
      'bracketed (code): <<stack name>>',
      'instruction (label): Does the step need downtime?',
      'bracketed: [Dependency name]',
    ]);
  });

  it("leaves out steps for the reader, a label's own bracketed word, links inside comments and text marked to keep", () => {
    const texts = list.map((p) => p.text);
    for (const kept of [
      'Enter a stack name',
      '[Optional]',
      'Metric name:',
      '[style guide]',
      '[release notes]',
      'Describe the step to the person next to you before you run it.',
      'Explain the change in the team channel',
    ]) {
      expect(texts, kept).not.toContain(kept);
    }
  });
});

describe('finding what a pattern holds of its template', () => {
  const template = templateFromSource('# [Title]\n\n## How it works\n\nExplain how the parts talk to each other.\n\n- [Owner]\n', 'parts.md');
  const shown = (text: string) => templateTextIn(template, doc(text)).leftovers.map((l) => `${l.range.start.line}:${l.range.start.column} ${l.shown}`);

  it('passes over the paragraphs that cannot hold a placeholder, in any script, and still finds the others', () => {
    const body =
      '# Café crème\n\n## How it works\n\nThe naïve reader — and the other one — read this first.\n\nExplain how the parts\ntalk to each other.\n\n- [owner]\n';
    expect(shown(body)).toEqual(['7:1 “Explain how the parts talk to each other.”', '10:3 “[owner]”']);
    // Full-width letters fold (NFKC) to the template's words: no offset shortcut may lose them.
    expect(shown('# T\n\n## How it works\n\nＥｘｐｌａｉｎ how the parts talk to each other.\n')).toEqual([
      "5:1 “Ｅｘｐｌａｉｎ how the parts talk to each other.” (like the template's “Explain how the parts talk to each other.”)",
    ]);
  });
});

describe('a sentence left to finish', () => {
  it('each line ending in an ellipsis (`The team decided to ...`, `because ...`) is the template’s blank, kept whole in a pattern is left in', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Abstract\n\nThe team decided to ...\nbecause ...\n\n## Notes\n\nAnd more ideas follow in the notes.\n',
      'template.md',
    );
    expect(template.placeholders.map((p) => [p.kind, p.text])).toEqual([
      ['bracketed', '[Title]'],
      ['instruction', 'The team decided to ... because ...'],
    ]);
    const kept = doc('# Cloud\n\n## Abstract\n\nThe team decided to ...\nbecause ...\n\n## Notes\n\nNone.\n');
    expect(templateTextIn(template, kept).leftovers.map((l) => l.shown)).toEqual(['“The team decided to ... because ...”']);
  });
});

describe('brackets in a code span', () => {
  it('are code (`#![enable(fast)]`), unless a fill-in token (`[YOUR NAME]`)', () => {
    const template = templateFromSource('# [Title]\n\n## Setup\n\nAdd `#![enable(fast)]` to the crate, then run `deploy --name [YOUR NAME]`.\n', 'template.md');
    expect(template.placeholders.filter((p) => p.kind === 'bracketed').map((p) => p.text)).toEqual(['[Title]', '[YOUR NAME]']);
  });
});

describe('a bracketed word the template names as code, its vocabulary', () => {
  it('`[user]` the guidance lists in a code span (“open each step with its role: `[user]`, `[contract]`”) is no blank; one it does not list is', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Protocol\n\nOpen each step with its role: `[user]`, `[contract]`, `[relayer]`.\n\n1. [user] Deposit tokens.\n2. [contract] Emit a commitment.\n3. [Describe the next step]\n',
      'template.md',
    );
    expect(template.placeholders.filter((p) => p.kind === 'bracketed').map((p) => p.text)).toEqual(['[Title]', '[Describe the next step]']);
  });
});

describe('boilerplate learned from the catalog', () => {
  const template = templateFromSource('# [Title]\n\n## Rollback\n\nDescribe how to undo the change.\n\n- [Owner]\n', 'change.md');
  const keeps = doc('# A\n\n## Rollback\n\nDescribe how to undo the change.\n\n- [Owner]\n');
  const writes = doc('# B\n\n## Rollback\n\nRestore the old key.\n\n- [Owner]\n');
  const catalog = (keeping: number, total: number) => [...Array.from({ length: keeping }, () => keeps), ...Array.from({ length: total - keeping }, () => writes)];

  it('is an instruction most patterns keep, in a catalog large enough, said with its counts', () => {
    const learned = catalogBoilerplate(template, catalog(7, 12));
    expect(learned.map(describeBoilerplate)).toEqual(['“Describe how to undo the change.” is kept by 7 of 12 patterns: treated as boilerplate']);
    expect(catalogBoilerplate(template, catalog(6, 12))).toEqual([]);
    expect(catalogBoilerplate(template, catalog(BOILERPLATE_MIN_PATTERNS - 1, BOILERPLATE_MIN_PATTERNS - 1))).toEqual([]);
    // The bracketed `[Owner]` every pattern keeps is never boilerplate.
    expect(catalogBoilerplate(template, catalog(12, 12)).map((b) => b.placeholder.text)).toEqual(['Describe how to undo the change.']);
  });

  it('a bracketed name inside a checklist line of the template that nearly every pattern keeps (a reference the template never defines) is boilerplate; at most of them only, or alone on its line, it is a blank', () => {
    const signoff = templateFromSource('# [Title]\n\n## Sign-off\n\n- [ ] Tracking issue opened in [acme/proposals]\n- [ ] Docs written\n- [Owner]\n', 'proposal.md');
    const ticked = doc('# A\n\n## Sign-off\n\n- [x] Tracking issue opened in [acme/proposals]\n- [ ] Docs written\n- [Owner]\n');
    const own = doc('# B\n\n## Sign-off\n\n- [x] Tracking issue opened\n- [x] Docs written\n- Ana\n');
    const of = (keeping: number, total: number) =>
      catalogBoilerplate(signoff, [...Array.from({ length: keeping }, () => ticked), ...Array.from({ length: total - keeping }, () => own)]);
    expect(of(19, 20).map(describeBoilerplate)).toEqual(['“[acme/proposals]” is kept by 19 of 20 patterns: treated as boilerplate']);
    expect(of(15, 20)).toEqual([]);
    expect(of(BOILERPLATE_MIN_PATTERNS - 1, BOILERPLATE_MIN_PATTERNS - 1)).toEqual([]);
  });

  it('counts thousands as people read them, and patterns that could not be read in the total', () => {
    const found = templateTextIn(template, keeps);
    const learned = learnBoilerplate(template, [...Array.from({ length: 592 }, () => found), ...Array.from<undefined>({ length: 419 })]);
    expect(learned.map(describeBoilerplate)).toEqual(['“Describe how to undo the change.” is kept by 592 of 1,011 patterns: treated as boilerplate']);
  });

  it('what one pattern holds is plain data (it crosses threads)', () => {
    const found = templateTextIn(template, keeps);
    expect(structuredClone(found)).toEqual(found);
    expect(found.leftovers.map((l) => l.shown)).toEqual(['“Describe how to undo the change.”', '“[Owner]”']);
  });
});

describe('guidance that describes what goes in a section instead of asking for it', () => {
  it('reads noun phrases of writing, clauses of what to say and sentences about the section as guidance; boilerplate about the document is not', () => {
    for (const s of [
      'One to three paragraphs of background that frame this change.',
      'A brief summary of what the reader gets from the change.',
      'Overview of how the rollout will happen.',
      'A detailed plan describing how the parts get rebuilt.',
      'Which option the group picked.',
      'The risk you want to reduce, and why now.',
      'Anything that has to happen before upgrading.',
      'This is where the moving parts get spelled out.',
      'The Scope section is the first thing reviewers read.',
      // (A noun of writing sizing the next, or an example of it.)
      'One paragraph explanation of the new command.',
      'Short (one sentence) summary, e.g., a line for the release notes.',
    ])
      expect([s, isGuidance(s)]).toEqual([s, true]);
    for (const s of [
      'The key words in this document are read as RFC 2119 describes them.',
      'This section is generated automatically from the schema.',
      'Released under the terms of the Apache License.',
      'Short list',
      'Which is why the cache stays warm.?',
      'The gateway keeps a list of routes per tenant and reloads it hourly.',
      'Summary statistics of the load test are in the appendix.',
    ])
      expect([s, isGuidance(s)]).toEqual([s, false]);
  });

  it('is left in only where a pattern keeps the whole unit as the template writes it, in its own section', () => {
    const template = templateFromSource(
      '# [Title]\n\n## Background\n\nOne to two paragraphs of background that frame this change.\n\n## Decision\n\nWhich option the group picked. Do not include any reasoning here.\n\n## Notes\n\nReleased under the terms of the Apache License.\n\n## Appendix\n\nAnything.\n',
      'template.md',
    );
    const left = (text: string) => templateTextIn(template, doc(text)).leftovers.map((l) => `${l.range.start.line} ${l.shown}`);
    // Kept word for word as the section's text: left in (the second unit with its instruction too).
    expect(
      left(
        '# Queue\n\n## Background\n\nOne to two paragraphs of background that frame this change.\n\n## Decision\n\nWhich option the group picked. Do not include any reasoning here.\n\n## Notes\n\nReleased under the terms of the Apache License.\n',
      ),
    ).toEqual(['5 “One to two paragraphs of background that frame this change.”', '9 “Which option the group picked. Do not include any reasoning here.”']);
    // The author's own text in the unit: theirs. Quoted in another section of the template's: a quote.
    expect(
      left(
        '# Queue\n\n## Background\n\nOne to two paragraphs of background that frame this change, as the last review asked.\n\n## Appendix\n\n> One to two paragraphs of background that frame this change.\n',
      ),
    ).toEqual([]);
  });

  it('reads a sentence on what the section’s own subject should be as guidance, under that section only', () => {
    expect(isGuidance('A good summary is probably a paragraph long.', 'Summary')).toBe(true);
    expect(isGuidance('Each goal should be measurable.', 'Goals')).toBe(true);
    expect(isGuidance('A good summary is probably a paragraph long.', 'Design')).toBe(false);
    // (A fact of the catalog's, kept by every pattern: not guidance.)
    expect(isGuidance('The license is CC-BY 4.0 for every page.', 'License')).toBe(false);
  });

  it('reads "Make a list of …" as an instruction to the author; "Make sure the cluster runs" is a step for the reader', () => {
    expect(isInstruction('Make a list of the definitions used in this proposal.')).toBe(true);
    expect(isInstruction('Make sure the cluster is running.')).toBe(false);
    // (Nor an author's label of an option, `[Make all examples legal]`.)
    expect(isInstruction('Make all examples legal')).toBe(false);
  });

  it('reads a note written as a code comment (`// Include any questions until…`) and "Include subheadings as necessary" as instructions to the author', () => {
    expect(isInstruction('// Include any questions until Status is ‘Accepted’')).toBe(true);
    expect(isInstruction('Include subheadings as necessary.')).toBe(true);
    // (A step for the reader stays one, comment or not.)
    expect(isInstruction('// Include the header file first')).toBe(false);
  });

  it('says what not to write as an instruction to the author, but not a note to keep something', () => {
    expect(isInstruction('Do not include any reasoning here.')).toBe(true);
    expect(isInstruction("Don't repeat the summary in this section.")).toBe(true);
    expect(isInstruction('Do not remove this section.')).toBe(false);
    expect(isInstruction('Do not restart the broker while it drains.')).toBe(false);
  });

  it('kept by most patterns of a catalog of ten or more, it is learned as boilerplate', () => {
    const template = templateFromSource('# [Title]\n\n## Scope\n\nA short list of what this change covers.\n', 'template.md');
    const kept = doc('# A\n\n## Scope\n\nA short list of what this change covers.\n\n- the cache\n');
    const filled = doc('# B\n\n## Scope\n\n- the queue\n');
    const found = [...Array<typeof kept>(7).fill(kept), ...Array<typeof filled>(3).fill(filled)].map((d) => templateTextIn(template, d));
    expect(learnBoilerplate(template, found).map((b) => [b.placeholder.text, b.kept, b.of])).toEqual([['A short list of what this change covers.', 7, 10]]);
  });
});

describe('a plain label over a list of choices', () => {
  it('`Status: proposed | rejected | accepted` — the choices are the sample to replace; a record that chose one keeps none of it', () => {
    const template = templateFromSource(
      '# Title\n\nDate: YYYY-MM-DD\n\nStatus: proposed | rejected | accepted | superseded\n\n## Context\n\nWhat is going on.\n',
      'template.md',
    );
    expect(template.placeholders.map((p) => `${p.kind}: ${p.text}`)).toContain('label-sample: proposed | rejected | accepted | superseded');
    const left = (text: string) => templateTextIn(template, doc(text)).leftovers.map((l) => l.shown);
    expect(left('# Use a queue\n\nDate: 2024-01-10\n\nStatus: proposed | rejected | accepted | superseded\n\n## Context\n\nJobs pile up.\n')).toHaveLength(1);
    expect(left('# Use a queue\n\nDate: 2024-01-10\n\nStatus: accepted\n\n## Context\n\nJobs pile up.\n')).toEqual([]);
    // (A plain label with one value, or two, is a field as written: `Owner: Platform team`.)
    expect(templateFromSource('# Title\n\nOwner: platform | data\n\n## Context\n\nText.\n', 'template.md').placeholders.map((p) => p.kind)).not.toContain('label-sample');
  });
});

describe('a template whose legend says italics mark what to replace', () => {
  it('asks to replace its text in italics (and its marked blanks); its other prose — a note of statuses every document keeps — is no template text left in', () => {
    const source = (legend: string) =>
      `# [Project Name]: Review\n\n${legend}\n\n| | |\n| --- | --- |\n| Owner | _Owner Name_ |\n\n> [!NOTE]\n> - **Draft:** The review is written but not read yet.\n> - **Final:** Every action item is closed.\n> - Keep the status field up to date.\n\n## Risks\n\n_Describe each risk and how likely it is._\n`;
    const texts = (legend: string) => templateFromSource(source(legend), 'review-template.md').placeholders.map((p) => p.text);
    const withLegend = texts('_Italics are used to indicate things that need to be replaced._');
    expect(withLegend).toEqual(expect.arrayContaining(['[Project Name]', 'Describe each risk and how likely it is.']));
    // (Nor is a GitHub alert's kind, `[!NOTE]`, a blank in brackets.)
    expect(withLegend).not.toContain('[!NOTE]');
    expect(withLegend.some((t) => /written but not read|action item is closed|status field/.test(t))).toBe(false);
    // (Without the legend, the note's lines are template text as before.)
    expect(texts('').some((t) => /written but not read|action item is closed|status field/.test(t))).toBe(true);
  });
});
