import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { gitAt, tempCatalog } from '../../helpers.js';
import rule from '../../../src/lint/rules/summary.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import { lintOne } from './_lint-one.js';
import {
  SUMMARY_FRONT_MATTER_TEMPLATE as frontMatterTemplate,
  SUMMARY_OPEN_SECTION_TEMPLATE as openSectionTemplate,
  SUMMARY_SECTION_TEMPLATE as sectionTemplate,
  SUMMARY_TEMPLATE as template,
} from './_templates.js';

const sample = (text: string, oneSentence = true) =>
  `The summary is still the template's sample “${text}”: say what this pattern does${oneSentence ? ' in one sentence' : ''}.`;
const synopsis = (text: string) => `## Synopsis\n\n${text}\n\n## Problem\n\nRetries pile up.\n`;
const page = (summary: string) => `# Rate Limiter\n\n${summary}\n\n## Overview\n\nBursts are allowed up to a limit.\n`;
const frontMatter = (lines: string) => `---\ntitle: Rate Limiter\n${lines}---\n\n## Context\n\nBursts are allowed up to a limit.\n`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: "citations in brackets are the author's, where the template's sample is a bracketed placeholder",
        template: '# Proposal: [Title]\n\n## Abstract\n\n[A short summary of the proposal.]\n\n## Background\n\nWhy.\n',
        text: "# Proposal: Faster sweeps\n\n## Abstract\n\nSweeping lazily, as in [Yuasa '90] and [Update, 2014: measured], halves pauses.\n\n## Background\n\nPauses.\n",
      },
      {
        name: "an index in math or code, or after a name, is the author's notation where the template's sample is bracketed",
        template: '# Proposal: [Title]\n\n## Abstract\n\n[A short summary of the proposal.]\n\n## Background\n\nWhy.\n',
        text: '# Proposal: Averaged fees\n\n## Abstract\n\nWe weigh past sizes by $s[i]$, `w[t]` and a[n] in the fee update.\n\n## Background\n\nSpikes.\n',
      },
      { name: 'one sentence', text: page('> Caps how often each client may call an API.') },
      { name: 'abbreviations and version numbers do not end a sentence', text: page('> Caps calls per client, e.g. per API key (v2.1 of the gateway) vs. per IP.') },
      { name: 'a sentence over several lines', text: page('> Caps how often each client\n> may call an API.') },
      {
        name: 'from front matter, when the template keeps it there',
        template: frontMatterTemplate,
        text: frontMatter('description: Caps how often each client may call an API.\n'),
      },
      {
        name: 'a template without a summary asks for none',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n',
        text: '# Rate Limiter\n\n## Overview\n\nBursts.\n',
      },
      {
        name: 'two sentences on one line where the template asks for "1 line", not one sentence',
        template: '---\ntitle: <name of the pattern>\ndescription: <1 line summary of pattern>\n---\n\n## In This Context\n\n<the context>\n',
        text: '---\ntitle: Rate Limiter\ndescription: Caps calls per client. Bursts are allowed.\n---\n\n## In This Context\n\nA public API.\n',
      },
      {
        name: 'a blockquote whose sample asks for no number of sentences',
        template: '# [Pattern Title]\n\n> What the pattern does and when to reach for it\n\n## Overview\n\nDescribe it.\n',
        text: page('> Caps calls per client. Bursts are allowed up to a limit.'),
      },
      {
        name: 'a summary section of its own, within the sentences it asks for',
        template: sectionTemplate,
        text: synopsis('Retries from every client at once overload the service. A shared budget caps them.'),
      },
      { name: 'a missing summary section is required-section’s to report', template: sectionTemplate, text: '## Problem\n\nRetries pile up.\n' },
      {
        name: "brackets of the author's in a section summary, where the template marks no placeholder with brackets",
        template: openSectionTemplate,
        text: '## Summary\n\nAdds a `get(i)` method to slices of type `[T]` that returns an option. It never panics.\n\n## Motivation\n\nIndexing panics.\n',
      },
      {
        name: "a word of one of the template's bracketed placeholders, in the author's own sentence",
        template: '# RFC-NNNN: Your one-line title\n\n## Summary\n\n<!-- What changes. -->\n\n## Design\n\n[Optional] Aggregation method: describe it.\n',
        text: '# RFC-0042: Retry budgets\n\n## Summary\n\nAdds an optional retry budget to every client.\n\n## Design\n\nA token bucket.\n',
      },
      {
        name: 'the configuration names the section (`summary: { from: section, section: Problem }`)',
        template: sectionTemplate,
        config: { summary: { from: 'section', section: 'Problem' } },
        text: synopsis('Anything at all here.'),
      },
      {
        name: 'the configuration says the summary is the first paragraph: nothing is asked',
        config: { summary: { from: 'first-paragraph' } },
        text: '# Rate Limiter\n\nCaps calls. Bursts pass. Fairness wins.\n\n## Overview\n\nBursts.\n',
      },
      {
        name: 'a summary longer than the template asks is summary-length’s to report',
        text: page('> Caps how often each client may call. Bursts are allowed! Why? Fairness.'),
      },
    ],
    invalid: [
      {
        name: 'no summary after the title',
        text: '# Rate Limiter\n\n## Overview\n\nBursts.\n',
        errors: [{ message: 'Missing summary: put a one-sentence `> blockquote` right after the title.', line: 2, column: 1 }],
      },
      {
        name: 'a paragraph where the template has its blockquote: the summary, in another form (a warning); its text judged as the quote’s',
        text: '# Rate Limiter\n\nCaps how often each client may call an API.\n\n## Overview\n\nBursts.\n',
        errors: [
          {
            message: 'The summary is written as a paragraph: the template writes it as a `> blockquote` after the title. Make it one (`> ` before its line).',
            severity: 'warning',
            line: 3,
            column: 1,
          },
        ],
      },
      {
        name: 'the template’s sample kept as a paragraph there: still the sample',
        text: '# Rate Limiter\n\nBrief one-sentence description of what this pattern does\n\n## Overview\n\nBursts.\n',
        errors: [{ message: sample('Brief one-sentence description of what this pattern does'), line: 3, column: 1 }],
      },
      {
        name: "the template's sample, as written",
        text: page('> Brief one-sentence description of what this pattern does'),
        errors: [{ message: sample('Brief one-sentence description of what this pattern does'), line: 3, column: 1, endLine: 3, endColumn: 59 }],
      },
      {
        name: "the template's sample in another case, re-wrapped, with a full stop",
        text: page('> brief one-sentence description\n> of what this pattern does.'),
        errors: [{ message: sample('brief one-sentence description of what this pattern does.'), line: 3, column: 1, endLine: 4, endColumn: 29 }],
      },
      {
        name: 'a bracketed placeholder in it',
        text: page('> Caps how often [Client Type] may call an API.'),
        errors: [{ message: sample('Caps how often [Client Type] may call an API.'), line: 3, column: 1 }],
      },
      {
        name: 'an empty blockquote',
        text: page('>'),
        errors: [{ message: 'The summary is empty.', line: 3, column: 1 }],
      },
      {
        name: 'front matter without description',
        template: frontMatterTemplate,
        text: frontMatter(''),
        errors: [{ message: 'Missing summary: set `description:` in the front matter to one sentence.', line: 1, column: 1 }],
      },
      {
        name: 'front matter without description, the summary written in a `## Summary` section the catalog reads instead',
        template: frontMatterTemplate,
        text: '---\ntitle: Rate Limiter\n---\n\n## Summary\n\nCaps how often one client may call an API.\n\n## Context\n\nBursts are allowed up to a limit.\n',
        errors: [
          {
            message:
              'No `description:` in the front matter, where the template keeps the summary: this pattern sums itself up in its `## Summary`, which is read as its summary instead. Set `description:` to it in one sentence.',
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: "front matter with the template's sample",
        template: frontMatterTemplate,
        text: frontMatter('description: "[One sentence that says what the pattern does]"\n'),
        errors: [{ message: sample('[One sentence that says what the pattern does]'), line: 1, column: 1 }],
      },
      {
        name: "the summary section's sample kept",
        template: sectionTemplate,
        text: synopsis('In two sentences: the problem, then the answer.'),
        errors: [{ message: sample('In two sentences: the problem, then the answer.', false), line: 3, column: 1 }],
      },
    ],
  },
  { describe, it },
);

describe('summary: a front matter summary that is a note of work still to do', () => {
  const template = '---\ntitle: Pattern Title Here\nstatus: proposed\n---\n\n## Problem\n\nSay what goes wrong.\n\n## Solution\n\nSay how it is fixed.\n';
  it('`summary: "TODO: …"`, which the site shows, is reported though the template keeps no summary; a written one is not', async () => {
    const page = (summary: string) =>
      `---\ntitle: Plan Then Act\nstatus: emerging\nsummary: ${summary}\n---\n\n## Problem\n\nSteps get steered.\n\n## Solution\n\nPlan first.\n`;
    expect((await lintOne('summary', page('"TODO: Add a concise summary for Plan Then Act"'), { template })).shown).toEqual([
      '1:1 The summary (front matter `summary`) is a note of work still to do, “TODO: Add a concise summary for Plan Then Act”, which the site shows as the summary: write the summary, or remove the key.',
    ]);
    expect((await lintOne('summary', page('"Write the whole plan first, then run it."'), { template })).shown).toEqual([]);
    expect((await lintOne('summary', page('"Todo lists kept by the agent steer it."'), { template })).shown).toEqual([]);
  });
});

describe('summary: a front-matter key the template asked for after a pattern was written', () => {
  it('a pattern committed before the template gained `description:` lacks it as a warning that says so; one committed since, an error', async () => {
    const older = frontMatterTemplate.replace(/^description:.*\n/m, '');
    const root = await tempCatalog({
      'templates/pattern.md': older,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['patterns/*.md'] }),
      'patterns/rate-limiter.md': frontMatter(''),
    });
    gitAt(root, undefined, 'init', '-q');
    gitAt(root, '2019-04-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2019-04-01T00:00:00Z', 'commit', '-qm', 'first patterns');
    await writeFile(path.join(root, 'templates/pattern.md'), frontMatterTemplate);
    gitAt(root, '2021-08-18T00:00:00Z', 'commit', '-qam', 'ask for a description');
    await writeFile(path.join(root, 'patterns/circuit-breaker.md'), frontMatter('').replace('Rate Limiter', 'Circuit Breaker'));
    gitAt(root, '2022-02-01T00:00:00Z', 'add', '-A');
    gitAt(root, '2022-02-01T00:00:00Z', 'commit', '-qm', 'a newer pattern');
    const report = await lint({ root, only: ['summary'], fix: false });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => ({ file: path.basename(r.file), severity: d.severity, message: d.message })));
    expect(found.map((f) => `${f.file} ${f.severity}`).sort()).toEqual(['circuit-breaker.md error', 'rate-limiter.md warning']);
    expect(found.find((f) => f.file === 'rate-limiter.md')!.message).toBe(
      'Missing summary: set `description:` in the front matter to one sentence. The template asked for `description:` from 2021-08-18, after this pattern was written (its git history, or the date it gives itself): a warning.',
    );
  });
});

describe('summary: a front-matter key a good share of the catalog lacks', () => {
  it('is a warning that says how many (the catalog does not keep one in each); one or two lacking it among many are errors', async () => {
    const catalogOf = async (lacking: number) =>
      tempCatalog({
        'templates/pattern.md': frontMatterTemplate,
        'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['patterns/*.md'] }),
        ...Object.fromEntries(
          Array.from({ length: 8 }, (_, i) => [
            `patterns/p${i}.md`,
            i < lacking
              ? frontMatter('').replace('Rate Limiter', `Pattern ${i}`)
              : frontMatter('description: Caps how often a client may call.\n').replace('Rate Limiter', `Pattern ${i}`),
          ]),
        ),
      });
    const said = async (lacking: number) =>
      (await lint({ root: await catalogOf(lacking), only: ['summary'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message}`));
    const many = await said(3);
    expect(many).toHaveLength(3);
    expect(many[0]).toBe(
      'warning Missing summary: set `description:` in the front matter to one sentence. 3 of the catalog’s 8 patterns have no `description:` either (the catalog does not keep one in each): a warning.',
    );
    expect((await said(1)).map((f) => f.split(' ')[0])).toEqual(['error']);
  });
});
