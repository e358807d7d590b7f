import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitAt, REPO, runCli, tempCatalog } from '../helpers.js';
import { configOf, lintOf, pickedOf } from './_adopt.js';

/**
 * `init --adopt` on catalog shapes it chose wrongly: a template named after the file name it
 * asks for, a written document with "template" among the words of its topic, a catalog written
 * in AsciiDoc, a document whose headings are numbered differently from the template's.
 */

/** The files of `files` the written configuration's globs take (less its exclusions). */
describe('init --adopt: a template named after the file name it asks for', () => {
  const template =
    '# Note <ticket> - <YYYY-MM-DD> - <slug>\n\nOne paragraph about the change.\n\n## Scope\n\n- What this note covers.\n\n## Motivation\n\n- Why bother?\n\n## Alternatives\n\n- Other ways.\n\n## Plan\n\n- [ ] Steps.\n';
  /** Notes that mostly have a `## Drawbacks` the template does not ask for. */
  const notes = (): Record<string, string> => {
    const files: Record<string, string> = {};
    for (const [i, n] of ['fast-parse', 'slim-queue', 'lazy-index', 'warm-cache', 'short-ids', 'tiny-logs'].entries()) {
      const drawbacks = i < 5 ? '## Drawbacks\n\n- More code.\n\n' : '';
      files[`2021-01-1${i}-${i + 10}-${n}.md`] =
        `# Note ${i + 10} - 2021-01-1${i} - ${n}\n\n${n} in one paragraph.\n\n## Scope\n\n- The ${n} part.\n\n## Motivation\n\n- It is slow.\n\n${drawbacks}## Alternatives\n\n- Do nothing.\n\n## Plan\n\n- [ ] Build it.\n`;
    }
    return files;
  };

  it('a template the README links by its page on the git host (`https://github.com/…/blob/main/…`) is called the template', async () => {
    const files = {
      ...notes(),
      'note-form.md': template,
      'README.md': '# Design notes\n\nTo propose a change, use the [template](https://github.com/acme/handbook/blob/main/design-notes/note-form.md).\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('note-form.md');
    expect(run.stdout).toContain('README.md calls it the template');
  });

  it('a template the README links by its file name (“use [note-template.md](./note-template.md) as a starting point”) is called the template', async () => {
    const files = {
      ...notes(),
      'note-template.md': template,
      'README.md': '# Design notes\n\nTo propose a change, use [note-template.md](./note-template.md) as a starting point.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('README.md calls it the template');
  });

  it('the entry of the README’s list of documents that is the template of their kind (`[NOTE 2: NOTE template](…)`) is called the template; one about templates is not', async () => {
    for (const [entry, called] of [
      ['NOTE 2: NOTE template', true],
      ['NOTE 2: Job templates', false],
    ] as const) {
      const files = {
        ...notes(),
        'note2.md': template,
        'README.md': `# Design notes\n\n* [NOTE 1: How notes work](https://example.org/note1)\n* [${entry}](note2.md)\n`,
      };
      const dir = await tempCatalog(files);
      const run = await runCli(['init', '--adopt', dir], REPO);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.includes('README.md calls it the template'), entry).toBe(called);
      if (called) expect((await configOf(dir)).template).toBe('note2.md');
    }
  });

  it('a template a page names in a code span to copy (“Copy `note-form.md` to …”) is called the template', async () => {
    const files = {
      ...notes(),
      'note-form.md': template,
      'README.md': '# Design notes\n\nTo propose a change, copy `note-form.md` to a file named for your change and fill it in.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('note-form.md');
    expect(run.stdout).toContain('README.md calls it the template');
  });

  it('`_YYYY-MM-DD-ticket-slug.md`, which the README says to copy, is the template, not a pattern', async () => {
    const files = {
      ...notes(),
      '_YYYY-MM-DD-ticket-slug.md': template,
      'README.md':
        '# Design notes\n\nTo propose a change, copy [`_YYYY-MM-DD-ticket-slug.md`](_YYYY-MM-DD-ticket-slug.md) to a\nfile named with the date, the ticket and a slug, and fill it in.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('_YYYY-MM-DD-ticket-slug.md');
    expect(run.stdout).toContain('README.md calls it the template');
    expect(existsSync(path.join(dir, 'templates'))).toBe(false);
    const report = await lintOf(dir, REPO);
    expect(report.results.map((r) => r.file)).not.toContain('_YYYY-MM-DD-ticket-slug.md');
    expect(report.results).toHaveLength(6);
    // (A template derived from the notes asked for `## Drawbacks`, which the catalog's template has not.)
    expect(report.results.flatMap((r) => r.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a name made of placeholders alone says so, unlinked (`YYYY-MM-DD-title.md`, `0000-xxx.md`)', async () => {
    for (const name of ['YYYY-MM-DD-title.md', '0000-xxx.md', 'rfc-NNNN-short-title.md']) {
      const dir = await tempCatalog({ ...notes(), [name]: template });
      const run = await runCli(['init', '--adopt', dir], REPO);
      expect(run.code, run.stderr).toBe(0);
      expect((await configOf(dir)).template, name).toBe(name);
    }
  });
});

describe('init --adopt: a template titled `# ADR Template`', () => {
  it('is the template, titled with its sample: a record that kept that title is the one left untitled, never taken for the template', async () => {
    const record = (n: number, title: string) =>
      `# ${title}\n\n## Context\n\nUploads of kind ${n} fill the disks.\n\n## Decision\n\nKind ${n} goes to bucket ${n}.\n\n## Consequences\n\nDisks stay free.\n`;
    const files: Record<string, string> = {
      'adr/0000-template.md': '# ADR Template\n\n## Context\n\nWhat is the issue?\n\n## Decision\n\nWhat is the change?\n\n## Consequences\n\nWhat becomes easier?\n',
      'adr/0001-rule.md': record(1, 'Store kind 1 in a bucket'),
      'adr/0002-rule.md': record(2, 'ADR Template'),
      'adr/0003-rule.md': record(3, 'Store kind 3 in a bucket'),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('adr/0000-template.md');
    const report = await lintOf(dir, REPO);
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.file} ${d.severity} ${d.ruleId}`))).toEqual(['adr/0002-rule.md error title']);
  });
});

describe('init --adopt: the page of a folder of templates', () => {
  it('a static site’s listing page of the templates folder (`templates/_index.md`: a title and a shortcode, no section) is not the template; the template beside it is', async () => {
    const page = (t: string) => `---\ntitle: "${t}"\nsummary: "About ${t}."\n---\n\n## Challenge\n\nA problem for ${t}.\n\n## Solution\n\nA fix for ${t}.\n`;
    const files: Record<string, string> = {
      'content/guide/templates/_index.md': '---\ntitle: "Templates"\n---\n\nThe templates.\n\n{{% children %}}\n',
      'content/guide/templates/pattern.md':
        '---\ntitle: "Pattern template"\n---\n\n```markdown\n---\ntitle: "Name of the Pattern"\nsummary: "One line."\n---\n\n## Challenge\n\nDescribe it.\n\n## Solution\n\nDescribe it.\n```\n',
      'content/about/_index.md': '---\ntitle: "About"\n---\n\nWho we are.\n',
    };
    for (const n of ['cache', 'queue', 'relay', 'buffer']) files[`content/patterns/${n}/_index.md`] = page(n);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('content/guide/templates/pattern.md');
    expect(await pickedOf(dir, files)).toEqual([
      'content/patterns/buffer/_index.md',
      'content/patterns/cache/_index.md',
      'content/patterns/queue/_index.md',
      'content/patterns/relay/_index.md',
    ]);
  });
});

describe('init --adopt: "template" among the words of a topic', () => {
  it('a retired design of a feature called "template engine" is not the template (a reference link is no blank to fill in): one is derived', async () => {
    const files: Record<string, string> = {
      'README.md': '# Design documents\n\nEvery document starts with a bullet header:\n\n* Owner: name\n* Status: Draft | Accepted | Retired\n',
      'retired/design-template-engine.md':
        '# Template Engine\n\n* Owner: Lee (@lee)\n* Status: Retired\n\n## Outline\n\n* Background\n* Terms\n* Goals\n\n## Background\n\nWe wanted users to write page templates.\n\n## Terms\n\nTemplate: a page with holes.\n\n## Goals\n\nRender templates fast.\n\n## Proposal\n\nA tiny engine with loops and conditionals, as the [engine notes][engine-notes] say.\n\n[engine-notes]: ../notes/engine.md\n',
    };
    for (const n of ['cache-warmup', 'log-rotation', 'queue-limits'])
      files[`design-${n}.md`] =
        `# Design: ${n}\n\n* Owner: Sam (@sam)\n* Status: Accepted\n\n## Background\n\nWhy ${n} matters.\n\n## Proposal\n\nWhat we will change for ${n}.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('templates/pattern.md');
    expect(run.stdout).not.toMatch(/fits only/);
    expect((await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).replace(/\n# /g, ' ')).toContain(
      'retired/design-template-engine.md is named a little like one, but it is a written document',
    );
    const report = await lintOf(dir, REPO);
    expect(report.results.flatMap((r) => r.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a template named for its variant (`adr-template-minimal.md`) or the kind of document is still one', async () => {
    for (const name of ['adr-template-minimal.md', 'template-design-review.md', 'design-doc-template.md']) {
      const files: Record<string, string> = { [name]: '# [Title]\n\n## Context\n\n[What is the issue?]\n\n## Decision\n\n[What we do.]\n' };
      for (const n of ['queues', 'caches', 'logs']) files[`${n}.md`] = `# Use ${n}\n\n## Context\n\nWe need ${n}.\n\n## Decision\n\nUse ${n}.\n`;
      const dir = await tempCatalog(files);
      const run = await runCli(['init', '--adopt', dir], REPO);
      expect(run.code, run.stderr).toBe(0);
      expect((await configOf(dir)).template, name).toBe(name);
    }
  });
});

describe('init --adopt: "Template" inside the name of what a document is about', () => {
  const spec = (api: string, member: string) =>
    `${api}\n===\n\n# Background\n\nWhy ${api} exists.\n\n# API Pages\n\n## ${api}.${member}\n\nGets the ${member.toLowerCase()}.\n\n# API Details\n\n\`\`\`\nruntimeclass ${api} { Int32 ${member}; }\n\`\`\`\n`;

  it('a spec of an API called `ListTemplateSelector` is no template: the pointer named like one holds none, so one is derived', async () => {
    const files: Record<string, string> = {
      'spec_template.md': 'The spec template moved: use the one at https://example.org/spec_template.md\n',
      'ListTemplateSelector-spec.md': spec('ListTemplateSelector', 'Mode'),
    };
    for (const [api, member] of [
      ['Dial', 'Angle'],
      ['Knob', 'Value'],
      ['Slider', 'Step'],
    ])
      files[`${api}-spec.md`] = spec(api!, member!);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('templates/pattern.md');
    const report = await lintOf(dir, REPO);
    expect(report.results.map((r) => r.file)).toContain('ListTemplateSelector-spec.md');
    expect(report.results.flatMap((r) => r.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('init --adopt: templates named in other ways', () => {
  const doc = (n: number) =>
    `---\nprop: ${n}\ntitle: Proposal ${n}\n---\n\n## Short Summary\n\nKnob ${n} gets a default.\n\n## Motivation\n\nKnob ${n} is too strict.\n\n## Specification\n\nSet knob ${n} to seven.\n`;
  const long = Array.from({ length: 40 }, (_, i) => `Guidance sentence ${i + 1} on how to write this part well.`).join(' ');
  const template = `---\nprop: <to be assigned>\ntitle: <Proposal title>\n---\n\n## Short Summary\n\n${long}\n\n## Motivation\n\n${long}\n\n## Specification\n\n${long}\n`;

  it('a template whose blanks are all in its front matter, however much guidance it writes, is one (`prop-X.md`)', async () => {
    const dir = await tempCatalog({ 'prop-X.md': template, 'specs/prop-1.md': doc(1), 'specs/prop-2.md': doc(2), 'specs/prop-3.md': doc(3) });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('prop-X.md');
  });

  it('the README\'s "[template here](…)" link and a file named `YYYY-MM-DD-copy-me.md` are the template', async () => {
    const linked = await tempCatalog({
      'README.md': '# Proposals\n\nCopy the [template here](draft.md) into specs/ and fill it in.\n',
      'draft.md': '# [Title]\n\n## Short Summary\n\nOne line.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nHow.\n',
      'specs/prop-1.md': doc(1),
      'specs/prop-2.md': doc(2),
    });
    let run = await runCli(['init', '--adopt', linked], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(linked)).template).toBe('draft.md');
    expect(run.stdout).toContain('README.md calls it the template');
    const copyMe = await tempCatalog({
      'YYYY-MM-DD-copy-me.md': '# Name\n\n## Short Summary\n\nOne line.\n\n## Motivation\n\nWhy.\n',
      '2024-01-01-knobs.md': '# Knobs\n\n## Short Summary\n\nKnobs.\n\n## Motivation\n\nToo strict.\n',
      '2024-02-01-dials.md': '# Dials\n\n## Short Summary\n\nDials.\n\n## Motivation\n\nToo loose.\n',
    });
    run = await runCli(['init', '--adopt', copyMe], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(copyMe)).template).toBe('YYYY-MM-DD-copy-me.md');
  });
});

describe('init --adopt: a README that is the template', () => {
  it('is the template where its first heading names one and it says to copy it; a document about templates is a document', async () => {
    const note = (t: string, risks = true) => `# ${t}\n\n### Context\n\n${t} today.\n\n### Plan\n\nChange ${t}.\n${risks ? `\n### Risks\n\nSlow ${t}.\n` : ''}`;
    const files: Record<string, string> = {
      'README.md':
        '## Proposal Template\n\nCopy this file to start a new proposal.\n\n### Context\n\n<!-- What is the situation? -->\n\n### Plan\n\n<!-- What will change? -->\n\n### Risks\n\n<!-- What could go wrong? -->\n',
      'lint-rules-for-templates.md': note('Lint rules for page templates'),
      'faster-builds.md': note('Faster builds'),
      'retry-queue.md': note('Retry queue', false),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).template).toBe('README.md');
    expect(await pickedOf(dir, files)).toEqual(['faster-builds.md', 'lint-rules-for-templates.md', 'retry-queue.md']);
  });
});

describe('init --adopt: a page named in capitals among the patterns', () => {
  it('with none of the template’s sections is the catalog’s process or guidelines: left out and said; one with its sections stays', async () => {
    const rfc = (t: string) => `# ${t}\n\n## Summary\n\n${t} in brief.\n\n## Design\n\nHow ${t} works.\n`;
    const files: Record<string, string> = {
      'rfc-template.md': '# [Title]\n\n## Summary\n\nOne paragraph.\n\n## Design\n\nHow it works.\n',
      '2021-widgets.md': rfc('Widgets'),
      '2022-gadgets.md': rfc('Gadgets'),
      '2023-gizmos.md': rfc('Gizmos'),
      'GUIDING_VALUES.md': '# Guiding values\n\n## Keep it small\n\nFew moving parts.\n\n## Say why\n\nEvery choice has a reason.\n',
      'OLD_PLAN.md': rfc('Old plan'),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['2021-widgets.md', '2022-gadgets.md', '2023-gizmos.md', 'OLD_PLAN.md']);
    expect(run.stdout).toMatch(/exclude +GUIDING_VALUES\.md \(none of the template's sections/);
  });
});

describe('init --adopt: titles where the template has no title line', () => {
  it('most patterns opening with an H1 make it asked for, not required: one without is a warning', async () => {
    const files: Record<string, string> = { 'spec_template.md': '<!-- Copy this file. -->\n\n# Background\n\nWhy.\n\n# Details\n\nHow.\n' };
    for (const n of ['Dial', 'Knob', 'Slider', 'Lever', 'Pedal']) files[`${n}-spec.md`] = `# ${n}\n\n# Background\n\nWhy ${n}.\n\n# Details\n\nHow ${n}.\n`;
    files['Harp-spec.md'] = '# Background\n\nWhy harps.\n\n# Details\n\nStrings.\n';
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).title).toEqual({ from: 'heading', recommended: true });
    const found = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'title'));
    expect(found.map((d) => [d.severity, d.message.slice(0, 40)])).toEqual([['warning', 'Missing title: the configuration reads e']]);
  });
});

describe('init --adopt: a template whose title line is a placeholder in parentheses over H1 sections', () => {
  it('reads it as the title line: the patterns’ own H1s are their titles, no section is missing, and --fix writes nothing', async () => {
    const template =
      '# (Change Name Goes Here)\n[change]: #change\n\n- Opened: `YYYY-MM-DD`\n\n# Summary\n[summary]: #summary\n\nOne paragraph.\n\n# Design\n[design]: #design\n\nHow it works.\n';
    const files: Record<string, string> = { 'README.md': '# Changes\n\nCopy `0000-template.md` into `changes/` to propose one.\n', '0000-template.md': template };
    for (const [i, n] of ['Quiet fans', 'Warm start', 'Short queue'].entries())
      files[`changes/000${i + 1}-change.md`] =
        `# ${n}\n[change]: #change\n\n- Opened: \`2023-0${i + 1}-02\`\n\n# Summary\n[summary]: #summary\n\n${n} for all.\n\n# Design\n[design]: #design\n\nA small switch.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('the template has no title');
    expect(run.stdout).not.toContain('Change Name Goes Here');
    expect((await configOf(dir)).title).toBeUndefined();
    expect((await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.map((d) => d.message))).toEqual([]);
    const fixed = await runCli(['lint', '--fix', dir], REPO);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'changes/0001-change.md'), 'utf8')).toBe(files['changes/0001-change.md']);
  });
});

describe('init --adopt: two template sections of one name', () => {
  it('writes one `sections` entry for both, as lenient as both allow (the configuration keys them by name)', async () => {
    const template =
      '# [Title]\n\n## Overview\n\nWhy.\n\n## Reference\n\n### Width\n\nGets the width.\n\n## Details\n\n### Width\n\nHow it is stored.\n\n## Extras\n\nNotes.\n';
    const files: Record<string, string> = { 'spec-template.md': template };
    for (let i = 1; i <= 11; i++) {
      const width = i === 1 ? '### Width\n\nStored as a double.\n\n' : '';
      files[`w${i}-spec.md`] = `# Widget ${i}\n\n## Overview\n\nWidget ${i}.\n\n## Reference\n\nNothing.\n\n## Details\n\n${width}A class.\n`;
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8');
    expect(text.match(/^ {2}"Width":/gm)).toHaveLength(1);
    expect((await configOf(dir)).sections).toMatchObject({ Width: { recommended: true } });
  });
});

describe('init --adopt: documents in another markup', () => {
  it('an AsciiDoc catalog: says so, exits 2, and takes no Markdown note in its documents’ folders as the catalog', async () => {
    const files: Record<string, string> = {
      'README.md': '# Examples\n\nThe examples of the book.\n',
      'tools/Gate/README.adoc': '== Gate\n\nA gate.\n',
      'tools/Gate/build/README.md': '# Helper base image\n\nA tiny base for the Gate demo.\n',
      'tools/Lamp/README.adoc': '== Lamp\n\nA lamp.\n',
      'tools/Relay/README.adoc': '== Relay\n\nA relay.\n',
      'tools/Relay/img/README.md': 'Build the helper picture with buildx.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('3 AsciiDoc files (.adoc) here');
    expect(run.stderr).toContain('Patternbook reads Markdown only');
    expect(run.stderr).toContain("notes inside those documents' folders");
    expect(run.stderr).toContain('tools/Relay/img/README.md');
    expect(existsSync(path.join(dir, 'patternbook.config.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, 'templates'))).toBe(false);
  });

  it('an AsciiDoc catalog with a Markdown page of the repository at the top (`EDITORS.md`): no catalog of that one page, exit 2', async () => {
    const files: Record<string, string> = {
      'README.md': '# Lantern enhancements\n\nProposals for the lantern tools.\n',
      'EDITORS.md': '# Editors\n\nAda and Ben review the proposals.\n',
    };
    for (const n of [1, 2, 3, 4]) files[`LEP/${n}/README.adoc`] = `= LEP ${n}\n\n== Motivation\n\nWhy ${n}.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No Markdown catalog in');
    expect(run.stderr).toContain('4 AsciiDoc files (.adoc) here');
    expect(existsSync(path.join(dir, 'patternbook.config.yaml'))).toBe(false);
    // (Markdown patterns in a folder beside such documents are a catalog all the same.)
    for (const n of ['a', 'b']) files[`notes/${n}.md`] = `# Note ${n}\n\n## Motivation\n\nWhy ${n}.\n`;
    const mixed = await tempCatalog(files);
    expect((await runCli(['init', '--adopt', mixed], REPO)).code).toBe(0);
  });

  it('documents kept in both markups (`README.md` beside `README.adoc`) are read as their Markdown, unsaid', async () => {
    const files: Record<string, string> = { 'README.md': '# Constructs\n\nThe constructs.\n' };
    for (const n of ['queue', 'topic', 'bucket']) {
      files[`constructs/${n}/README.md`] = `# ${n}\n\n## Overview\n\nA ${n}.\n\n## Props\n\nIts props.\n`;
      files[`constructs/${n}/README.adoc`] = `== ${n}\n\n=== Overview\n\nA ${n}.\n`;
      files[`constructs/${n}/lambda/README.md`] = `# Handler\n\nThe ${n} handler.\n`;
    }
    for (const n of ['a', 'b', 'c', 'd']) files[`docs/${n}.adoc`] = `== ${n}\n\nText.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['constructs/bucket/README.md', 'constructs/queue/README.md', 'constructs/topic/README.md']);
    expect(await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).not.toContain('AsciiDoc');
  });

  it('a Markdown catalog beside AsciiDoc pages: adopted, the pages said in the configuration', async () => {
    const files: Record<string, string> = { 'TEMPLATE.md': '# [Title]\n\n## Context\n\n[Why.]\n\n## Decision\n\n[What.]\n' };
    for (const n of ['queues', 'caches', 'logs']) files[`records/${n}.md`] = `# Use ${n}\n\n## Context\n\nWe need ${n}.\n\n## Decision\n\nUse ${n}.\n`;
    for (const n of ['a', 'b', 'c', 'd', 'e']) files[`manual/${n}.adoc`] = `== ${n}\n\nText.\n`;
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['records/caches.md', 'records/logs.md', 'records/queues.md']);
    expect((await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).replace(/\n# /g, ' ')).toContain(
      'Not read: 5 AsciiDoc files (.adoc) here (manual/a.adoc…): Patternbook reads Markdown only.',
    );
    expect(run.stdout).toMatch(/not read +5 AsciiDoc files \(manual\/a\.adoc…: Patternbook reads Markdown only\)/);
  });
});

describe('init --adopt: numbering is no part of a section’s name', () => {
  it('a document with the template’s sections, two of them unnumbered (`## Design` for `## 3 Design`), is taken', async () => {
    const doc = (t: string, headings: string[]) => `# ${t}\n\n${headings.map((h) => `## ${h}\n\nText.\n`).join('\n')}`;
    const numbered = ['1 Summary', '2 Motivation', '3 Design', '4 Risks', '5 Alternatives'];
    const files: Record<string, string> = { 'T-0000-Template.md': `# [T Template] Title\n\n${numbered.map((h) => `## ${h}\n\n*x*\n`).join('\n')}` };
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) files[`main/${n}.md`] = doc(`Doc ${n}`, numbered);
    files['extra/README.md'] = '# Extra docs\n\nIndex of extras.\n';
    files['extra/one.md'] = doc('Extra one', numbered);
    files['extra/two.md'] = doc('Extra two', ['1 Summary', '2 Motivation', 'Design', 'Risks', '5 Alternatives']);
    files['extra/three.md'] = doc('Extra three', ['Notes']);
    files['extra/four.md'] = doc('Extra four', ['Ideas']);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const picked = await pickedOf(dir, files);
    expect(picked).toContain('extra/one.md');
    expect(picked).toContain('extra/two.md');
  });
  it('proposals named for their topic beside folders of READMEs (`hpa/federated-hpa.md` beside `alpha/README.md`, `operator/*/README.md`) are patterns too, one with `template` among its topic words as well', async () => {
    const doc = (t: string, extra = '') => `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Motivation\n\nWhy ${t}.\n\n## Proposal\n\nDo ${t}.${extra}\n`;
    const files: Record<string, string> = {
      'proposal-template/proposal-template.md': '# <Title>\n\n## Summary\n\n<one paragraph>\n\n## Motivation\n\nWhy?\n\n## Proposal\n\nWhat?\n',
    };
    for (const t of ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta']) files[`${t}/README.md`] = doc(t);
    for (const t of ['volumes', 'sidecars', 'probes']) files[`operator/${t}/README.md`] = doc(t);
    for (const t of ['hpa/federated-hpa', 'hpa/cron-hpa', 'failover/app-failover', 'mcs/remove-derived']) files[`${t}.md`] = doc(t);
    files['pods/multi-pod-template-support.md'] = doc('Pod templates', '\n\n```yaml\nname: <name>\n```');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(
      Object.keys(files)
        .filter((f) => !f.startsWith('proposal-template/'))
        .sort(),
    );
  });
});

describe('init --adopt: kinds of a template in a folder of templates', () => {
  it('the one whose sections the others all ask for and more is the catalog’s, the others its siblings, and files written from any join the patterns', async () => {
    const guidance = (kind: string) => `# ${kind} Proposal Template - put your title here\n\n_This template is for ${kind} proposals._\n\n`;
    const common = '## Summary\n\n_What is proposed._\n\n## Details\n\n_How it works._\n\n## People\n\n_Who helps._\n';
    const solo = (t: string) => `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Details\n\nHow ${t} works.\n\n## People\n\nAda.\n`;
    const club = (t: string) => `${solo(t)}\n## Costs\n\nTen pounds.\n\n## Schedule\n\nSpring.\n`;
    const files: Record<string, string> = {
      'README.md': '# How we propose things\n\nStart from one of the [templates](templates/).\n',
      'templates/Solo.md': guidance('Solo') + common,
      'templates/Club.md': guidance('Club') + common + '\n## Costs\n\n_What it costs._\n\n## Schedule\n\n_When._\n',
      'compost-bins.md': solo('Compost bins'),
      'seed-swap.md': club('Seed swap'),
      'pond.md': solo('Pond'),
      'accepted/001-paths.md': solo('Paths'),
      'accepted/002-shed.md': club('Shed'),
      'accepted/003-rota.md': club('Rota'),
    };
    const dir = await tempCatalog(files);
    expect((await runCli(['init', '--adopt', dir], REPO)).code).toBe(0);
    const config = await configOf(dir);
    expect(config.template).toEqual(['templates/Solo.md', 'templates/Club.md']);
    // (The README at the root is the catalog's own page, never read as a pattern.)
    expect((await pickedOf(dir, files)).filter((f) => f !== 'README.md')).toEqual([
      'accepted/001-paths.md',
      'accepted/002-shed.md',
      'accepted/003-rota.md',
      'compost-bins.md',
      'pond.md',
      'seed-swap.md',
    ]);
    expect((await lintOf(dir, REPO)).errorCount).toBe(0);
  });
});

describe('init --adopt: a full template beside its minimal one', () => {
  it('where the full one’s extra sections are optional, it stays the catalog’s: it allows their absence', async () => {
    const optional = '<!-- This is an optional element. Feel free to remove. -->\n\n';
    const files: Record<string, string> = {
      'template/record-template.md': `# [Title]\n\n## Context\n\nWhat.\n\n## Decision\n\nWhich.\n\n## Pros and Cons\n\n${optional}Each option.\n\n## More Information\n\n${optional}Links.\n`,
      'template/record-template-minimal.md': '# [Title]\n\n## Context\n\nWhat.\n\n## Decision\n\nWhich.\n',
    };
    for (const [i, t] of ['queues', 'caches', 'logs', 'feeds'].entries())
      files[`decisions/000${i}-${t}.md`] =
        `# Use ${t}\n\n## Context\n\nWe need ${t}.\n\n## Decision\n\nOne kind.\n${i % 2 ? '\n## Pros and Cons\n\nFast, costly.\n' : ''}`;
    const dir = await tempCatalog(files);
    expect((await runCli(['init', '--adopt', dir], REPO)).code).toBe(0);
    expect((await configOf(dir)).template).toBe('template/record-template.md');
    expect((await lintOf(dir, REPO)).errorCount).toBe(0);
  });
});

describe('init --adopt: a document above the patterns’ folders', () => {
  it('written to the template as a whole, at the top beside the README and the template where the others are `*/*.md`: named on its own', async () => {
    const template = '# [Title]\n\n## Summary\n\nShort.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
    const doc = (t: string) => `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Motivation\n\nWhy ${t}.\n\n## Design\n\nHow ${t} works.\n`;
    const files: Record<string, string> = {
      'README.md': '# Change proposals\n\nCopy [the template](template.md) to write one.\n',
      'template.md': template,
      'alpha/one.md': doc('One'),
      'alpha/two.md': doc('Two'),
      'beta/three.md': doc('Three'),
      'beta/four.md': doc('Four'),
      'offline-install.md': doc('Offline install'),
      'notes.md': '# Notes\n\nMeeting notes.\n',
    };
    const dir = await tempCatalog(files);
    expect((await runCli(['init', '--adopt', dir], REPO)).code).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['alpha/one.md', 'alpha/two.md', 'beta/four.md', 'beta/three.md', 'offline-install.md']);
  });
});

describe('init --adopt: a README alone in a folder of its own', () => {
  it('written from the template among named proposals (`area/301-fast-start/README.md` beside `area/*.md`), is a pattern; the catalog’s own README is not', async () => {
    const doc = (t: string) => `# ${t}\n\n${t} in short.\n\n## Motivation\n\nWhy ${t}.\n\n## Goals\n\nWhat ${t} reaches.\n\n## Design\n\nHow ${t} works.\n`;
    const files: Record<string, string> = {
      'README.md': '# Proposals\n\nHow to write one: copy a proposal and change it.\n',
      'area/one.md': doc('Proposal one'),
      'area/two.md': doc('Proposal two'),
      'area/three.md': doc('Proposal three'),
      'area/four.md': doc('Proposal four'),
      'area/301-fast-start/README.md': doc('Fast start'),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['area/301-fast-start/README.md', 'area/four.md', 'area/one.md', 'area/three.md', 'area/two.md']);
    // (A README beside other documents of its folder is that folder's introduction, no pattern.)
    const beside = { ...files, 'area/301-fast-start/notes.md': '# Notes\n\nScratch.\n' };
    const dir2 = await tempCatalog(beside);
    expect((await runCli(['init', '--adopt', dir2], REPO)).code).toBe(0);
    expect(await pickedOf(dir2, beside)).not.toContain('area/301-fast-start/README.md');
  });

  it('with no template and documents that share no section, an `index.md` alone in its folder is one of them (a site serves it as that folder’s page)', async () => {
    const page = (t: string) => `---\ncategory: ${t}\nexpires: 2030-01-01\n---\n\n# ${t}\n\n${t} is a short guidance page.\n`;
    const files: Record<string, string> = {
      'index.md': '# Guidance\n\nThe pages of this site.\n',
      'guides/alpha.md': page('Alpha'),
      'guides/gamma.md': page('Gamma'),
      'rules/beta.md': page('Beta'),
      'tools/index.md': page('Tools'),
    };
    const dir = await tempCatalog(files);
    expect((await runCli(['init', '--adopt', dir], REPO)).code).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['guides/alpha.md', 'guides/gamma.md', 'rules/beta.md', 'tools/index.md']);
  });
});

/** A template of four sections, and a note written from it (without the section `drop`), for the rules a catalog gives for dropping sections. */
const FOUR_SECTIONS = '## Summary\n\nShort.\n\n## Goals\n\nWhat for.\n\n## Design\n\nHow.\n\n## Risks\n\nWhat could go wrong.\n';
const fourSectionNote = (t: string, drop?: string) =>
  `# ${t}\n\n${['Summary', 'Goals', 'Design', 'Risks']
    .filter((s) => s !== drop)
    .map((s) => `## ${s}\n\n${s} of ${t}.\n`)
    .join('\n')}`;

describe("init --adopt: the catalog's own word that a section may be dropped", () => {
  const template = `# [Title]\n\n${FOUR_SECTIONS}`;
  const note = fourSectionNote;
  for (const [where, page, text] of [
    [
      'its README',
      'README.md',
      '# Design notes\n\nCopy template.md to start a note. The template is deliberately complete: drop any section that does not apply to your note.\n',
    ],
    [
      'the page that links the template',
      'docs/writing.md',
      '# Writing a design\n\nUse [the design template](../template.md). It is quite complete; one can remove any unnecessary or irrelevant section.\n',
    ],
    [
      'its README, which calls the template a starting point to adapt',
      'README.md',
      '# Design notes\n\nUse template.md as an outline. Its structure is meant to provide a starting point; feel free to edit and modify your outline to fit the note.\n',
    ],
    [
      'its README, which offers the existing notes as the other model',
      'README.md',
      '# Design notes\n\nNotes are pull requests. Please use the provided [template](template.md) or follow the structure of existing notes, which speeds up reviews.\n',
    ],
  ] as const)
    it(`in ${where}: every section recommended, the sentence quoted, a note without one a warning`, async () => {
      const files: Record<string, string> = {
        [page]: text,
        'template.md': template,
        'audit.md': note('Audit', 'Goals'),
        'cache.md': note('Cache', 'Risks'),
        'retry.md': note('Retry'),
      };
      const dir = await tempCatalog(files);
      const run = await runCli(['init', '--adopt', dir], REPO);
      expect(run.code, run.stderr).toBe(0);
      expect((await configOf(dir)).sections).toEqual({
        Summary: { recommended: true },
        Goals: { recommended: true },
        Design: { recommended: true },
        Risks: { recommended: true },
      });
      expect(run.stdout).toContain(`\`Summary\`: ${page} (line 3) says a document need not fill in every section`);
      expect(run.stdout).not.toContain('absent');
      expect((await lintOf(dir, REPO)).errorCount).toBe(0);
    });
});

describe("init --adopt: the template's own word, above its first section, that some parts may not apply", () => {
  const sections = FOUR_SECTIONS;
  const note = fourSectionNote;
  const catalog = (template: string) =>
    tempCatalog({
      'template.md': template,
      'audit.md': note('Audit', 'Goals'),
      'cache.md': note('Cache', 'Risks'),
      'retry.md': note('Retry'),
      'queue.md': note('Queue'),
    });

  it("in the template's preface (\"Some of this may not apply to every note, and that's fine\"): every section recommended, said with the template's line", async () => {
    const dir = await catalog(
      `# [Title]\n\nA guide to what a note holds.\nSome of this may not apply to every note, and that's fine. (Delete this paragraph.)\n\n${sections}`,
    );
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({
      Summary: { recommended: true },
      Goals: { recommended: true },
      Design: { recommended: true },
      Risks: { recommended: true },
    });
    expect(run.stdout).toContain('`Summary`: template.md (line 3) says a document need not fill in every section');
    expect((await lintOf(dir, REPO)).errorCount).toBe(0);
  });

  it('not inside one of its sections, which speaks of that section only', async () => {
    const dir = await catalog(
      `# [Title]\n\n${sections.replace('What could go wrong.', "What could go wrong. Some of these may not apply to every note, and that's fine.")}`,
    );
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('need not fill in every section');
    expect((await lintOf(dir, REPO)).errorCount).toBe(2);
  });
});

describe("init --adopt: the catalog's own rules for its sections, in its README", () => {
  const template =
    '# [Title]\n\n## Abstract\n\nShort.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat.\n\n## Compatibility\n\nWhat breaks.\n\n## Open Questions\n\nWhat is unclear.\n';
  const doc = (t: string, sections: string[]) => `# ${t}\n\n${sections.map((s) => `## ${s}\n\n${s} of ${t}.\n`).join('\n')}`;
  const all = ['Abstract', 'Motivation', 'Specification', 'Compatibility', 'Open Questions'];

  it('parts listed as ones a document can have are optional, parts asked of some kinds recommended, parts each must have stay required', async () => {
    const readme = [
      '# Kiln proposals',
      'Each proposal must have the following parts:',
      '* `Abstract`: a short description\n* `Motivation`: why\n* `Specification`: what changes',
      'Each proposal can have the following parts:',
      '* `Open Questions`: what to settle before building it',
      'Each `Firmware Track` proposal must have the following parts:',
      '* `Compatibility`: what breaks for kilns in the field',
    ].join('\n\n');
    const files: Record<string, string> = { 'README.md': `${readme}\n`, 'proposals/TEMPLATE.md': template };
    for (const [i, t] of ['vents', 'lids', 'cones', 'shelves'].entries())
      files[`proposals/${t}.md`] = doc(t, i === 0 ? ['Abstract', 'Motivation', 'Specification'] : all);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({ Compatibility: { recommended: true }, 'Open Questions': { optional: true } });
    const text = await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8');
    expect(text).toContain('README.md (line 13) asks for `Compatibility` of some kinds of document only');
    const found = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => d.severity));
    expect(found).toEqual(['warning']);
  });

  it('a part marked optional in its own item (`Motivation (*optional*) - …`) of the process proposal’s list is optional, named in short for `Kiln Motivation`', async () => {
    const tpl = template.replace('## Motivation', '## Kiln Motivation');
    const files: Record<string, string> = {
      'README.md': '# Kiln proposals\n\nCopy the template and open a pull request.\n',
      'proposals/TEMPLATE.md': tpl,
      'proposals/kip-0001.md':
        '# KIP 1: Purpose and Guidelines\n\n## Abstract\n\nHow proposals work.\n\n## What a proposal holds\n\nEach KIP should have the following parts:\n\n- Abstract - a short description.\n- Motivation (*optional*) - why the change matters, for changes to the firing protocol.\n- Specification - what changes.\n',
    };
    const kipAll = ['Abstract', 'Kiln Motivation', 'Specification', 'Compatibility', 'Open Questions'];
    for (const [i, t] of ['vents', 'lids', 'cones', 'shelves'].entries())
      files[`proposals/kip-000${i + 2}.md`] = doc(t, i === 0 ? kipAll.filter((s) => s !== 'Kiln Motivation') : kipAll);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(((await configOf(dir)).sections as Record<string, unknown>)['Kiln Motivation']).toEqual({ optional: true });
    const errors = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error' && d.message.includes('Motivation')));
    expect(errors).toEqual([]);
  });

  it('parts a sentence names as optional ("Optional sections can include … open questions") are optional; the others stay required', async () => {
    const files: Record<string, string> = {
      // (Said in a nested list item, as process steps often are.)
      'README.md':
        '# Kiln proposals\n\n- **Write it**: copy the template.\n\t- A good proposal has a summary. Optional sections can\n\t  include (but are not limited to) compatibility notes for kilns in the field, and open questions.\n',
      'proposals/TEMPLATE.md': template,
    };
    for (const [i, t] of ['vents', 'lids', 'cones', 'shelves'].entries())
      files[`proposals/${t}.md`] = doc(t, i === 0 ? ['Abstract', 'Motivation', 'Specification'] : i === 1 ? all.slice(0, 4) : all);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({ Compatibility: { optional: true }, 'Open Questions': { optional: true } });
    expect((await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
  });

  it('a checklist page (`REVIEW_CHECKLIST.md`) whose item leads into a nested list of sections it calls optional makes those optional; a section it asks for stays required', async () => {
    const files: Record<string, string> = {
      'README.md': '# Kiln proposals\n\nCopy the template and open a pull request.\n',
      'REVIEW_CHECKLIST.md': [
        '# Before a proposal is accepted',
        '',
        '- [ ] There is a `Motivation` section, even if it says little.',
        '- [ ] The other section headings of the template are optional, though what they ask should be thought about. Those headings are:',
        '  - [ ] Compatibility',
        '  - [ ] Open Questions',
        '',
      ].join('\n'),
      'proposals/TEMPLATE.md': template,
    };
    for (const [i, t] of ['vents', 'lids', 'cones', 'shelves', 'doors'].entries())
      files[`proposals/${t}.md`] = doc(
        t,
        i === 0 ? ['Abstract', 'Motivation', 'Specification'] : i === 1 ? ['Abstract', 'Specification', 'Compatibility', 'Open Questions'] : all,
      );
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({ Compatibility: { optional: true }, 'Open Questions': { optional: true } });
    expect((await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).replace(/\n\s*# /g, ' ')).toContain('REVIEW_CHECKLIST.md (line 4) lists `Compatibility`');
    const errors = (await lintOf(dir, REPO)).results.flatMap((r) =>
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.file}: ${d.message.slice(0, 31)}`),
    );
    expect(errors).toEqual(['proposals/lids.md: Missing section `## Motivation`']);
  });

  it('a sentence that frees a document from filling every section makes each section recommended', async () => {
    const files: Record<string, string> = {
      'README.md': '# Kiln proposals\n\n- Fill in the proposal. It does not need to fill in all the sections: use them to guide your thinking.\n',
      'proposals/TEMPLATE.md': template,
    };
    for (const [i, t] of ['vents', 'lids', 'cones', 'shelves'].entries()) files[`proposals/${t}.md`] = doc(t, i === 0 ? all.slice(0, 4) : all);
    const dir = await tempCatalog(files);
    expect((await runCli(['init', '--adopt', dir], REPO)).code).toBe(0);
    expect(Object.values((await configOf(dir)).sections as Record<string, unknown>)).toEqual(all.map(() => ({ recommended: true })));
    const found = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => d.severity));
    expect(found).toEqual(['warning']);
  });

  it('the catalog’s process kept as its first document (`kp-1.md`, "Kiln proposal process") says so too: "should contain most of the following sections" asks for each, none required', async () => {
    const files: Record<string, string> = { 'TEMPLATE.md': template };
    files['proposals/kp-1.md'] =
      `# KP 1\n\n\`\`\`\nKP: 1\nTitle: Kiln proposal process\n\`\`\`\n\n## Abstract\n\nHow proposals work.\n\n## Specification\n\nSuccessful proposals should contain most of the following sections:\n\n${all.map((a) => `- **${a}**: its part.`).join('\n')}\n`;
    for (const [i, t] of ['vents', 'lids', 'cones', 'shelves'].entries()) files[`proposals/kp-${i + 2}.md`] = doc(t, i === 0 ? all.slice(0, 3) : all);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(Object.values((await configOf(dir)).sections as Record<string, unknown>)).toEqual(all.map(() => ({ recommended: true })));
    const text = (await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).replace(/\n\s*# /g, ' ');
    expect(text).toContain('proposals/kp-1.md (line 14) lists `Compatibility` among the sections a document should have most of');
  });
});

describe('init --adopt: a label over the field that names the pattern', () => {
  it('`# Meta` over `- Name: …` in the template and every pattern is no place of titles: no `title` setting, and the names are the titles', async () => {
    const files: Record<string, string> = {
      'rfc-template.md': '# Meta\n- Name: (fill in the feature name)\n- Start Date: (YYYY-MM-DD)\n\n## Summary\n\nIn brief.\n\n## Problem\n\nWhat hurts.\n',
    };
    ['sheds', 'rota', 'kettle', 'lids', 'vents'].forEach((t, i) => {
      files[`rfc-000${i + 1}-${t}.md`] =
        `${i === 4 ? '## Meta' : '# Meta'}\n- Name: All about ${t}\n- Start Date: 2024-01-0${i + 1}\n\n## Summary\n\n${t} in brief, for everyone.\n\n## Problem\n\nIt hurts.\n`;
    });
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await configOf(dir)).not.toHaveProperty('title');
    const found = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'title'));
    expect(found).toEqual([]);
  });
});

describe('init --adopt: a deeper layout with a copy named as a pattern', () => {
  it('`alpha/deprecated/alpha.md` beside `alpha/alpha.md` no longer keeps the deeper documents out: the copy alone is left out, and said', async () => {
    const doc = (t: string) => `# ${t}\n\n${t} in short.\n\n## Motivation\n\nWhy ${t}.\n\n## Design\n\nHow ${t} works.\n`;
    const files: Record<string, string> = { 'template.md': '# [Title]\n\n[One line.]\n\n## Motivation\n\n[Why.]\n\n## Design\n\n[How.]\n' };
    for (const t of ['alpha', 'beta', 'gamma', 'delta']) files[`${t}/${t}.md`] = doc(t);
    files['alpha/deprecated/alpha.md'] = doc('alpha, the first version');
    files['epsilon/launch/launch.md'] = doc('launch');
    files['epsilon/resume/resume.md'] = doc('resume');
    files['zeta/icons/icons.md'] = doc('icons');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('exclude    alpha/deprecated/alpha.md (named as alpha/alpha.md, taken already, an older copy likely: ');
    expect(await pickedOf(dir, files)).toEqual([
      'alpha/alpha.md',
      'beta/beta.md',
      'delta/delta.md',
      'epsilon/launch/launch.md',
      'epsilon/resume/resume.md',
      'gamma/gamma.md',
      'zeta/icons/icons.md',
    ]);
  });
  it('a copy in a folder that says nothing of its age (`draft/` beside `stable/`) is not called older: the reason names the pattern taken and how to keep this one instead; one of the very same text is called a copy', async () => {
    const doc = (t: string, v: string) => `# ${t}\n\n> Version: ${v}\n\n## Abstract\n\n${t} in short.\n\n## Design\n\nHow ${t} works.\n`;
    const files: Record<string, string> = { 'template.md': '# [Title]\n\n## Abstract\n\n[One line.]\n\n## Design\n\n[How.]\n' };
    for (const t of ['1-client', '2-account', '3-transport', '4-payloads', '7-keys']) files[`docs/stable/${t}.md`] = doc(t, '0.3');
    for (const t of ['5-stickers', '6-wallet']) files[`docs/draft/${t}.md`] = doc(t, '0.1');
    files['docs/draft/4-payloads.md'] = doc('4-payloads', '0.5');
    files['docs/draft/2-account.md'] = doc('2-account', '0.3');
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "exclude    docs/draft/4-payloads.md (named as docs/stable/4-payloads.md, taken already: a page's name must be its own. If this one is the version to keep, exclude that one instead, or rename one of them",
    );
    expect(run.stdout).toContain('exclude    docs/draft/2-account.md (the same text as docs/stable/2-account.md, a copy');
    expect(run.stdout).not.toContain('older');
    expect(run.stdout).toMatch(/patterns +docs\/\*\/\*\.md: 7 files/);
  });
});

describe('init --adopt: a deeper layout beside a folder of old pages inside a folder of patterns', () => {
  it('`Deployment/deprecated/` (none of the template’s sections) is left out by itself, not `Deployment/**`: the deeper specs join and `Deployment/*.md` stay', async () => {
    const doc = (t: string) => `# ${t}\n\n${t} in short.\n\n## Motivation\n\nWhy ${t}.\n\n## Design\n\nHow ${t} works.\n`;
    const files: Record<string, string> = { 'spec-template.md': '# [Title]\n\n[One line.]\n\n## Motivation\n\n[Why.]\n\n## Design\n\n[How.]\n' };
    for (const t of ['Packages', 'Installer', 'Updates']) files[`Deployment/${t}.md`] = doc(t);
    for (const t of ['Icons', 'Themes', 'Fonts']) files[`${t}/${t}.md`] = doc(t);
    files['Deployment/deprecated/OldPackages.md'] = '# Old packages\n\nNotes kept from the first release.\n';
    files['Deployment/deprecated/OldVersions.md'] = '# Old versions\n\nMore notes.\n';
    for (const t of ['Activation', 'Restart', 'Instancing']) files[`Lifecycle/${t}/${t}.md`] = doc(t);
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const picked = await pickedOf(dir, files);
    expect(picked).toEqual(expect.arrayContaining(['Deployment/Packages.md', 'Lifecycle/Activation/Activation.md', 'Lifecycle/Restart/Restart.md']));
    expect(picked).not.toContain('Deployment/deprecated/OldPackages.md');
  });
});

describe('init --adopt: where summaries are', () => {
  it('a notice set above the text in many patterns (`> **Note (process change):** …`) is no place of summaries', async () => {
    const files: Record<string, string> = { 'template.md': '# 0000: Name of proposal\n\n- Stage: **Proposal**\n\n## Usage\n\nHow.\n\n## Fields\n\nWhich.\n' };
    ['kilns', 'glazes', 'moulds', 'wheels', 'clays', 'tools'].forEach((t, i) => {
      const notice = i < 3 ? '> **Note (process change, 2025):** the staged process was retired; this proposal is kept as it was.\n\n' : '';
      files[`text/000${i + 1}-${t}.md`] =
        `# 000${i + 1}: ${t}\n\n- Stage: **2**\n\n${notice}Adds fields that describe ${t} for the studio's records.\n\n## Usage\n\nShelves.\n\n## Fields\n\nMany.\n`;
    });
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).summary).not.toMatchObject({ from: 'blockquote' });
    const found = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'summary' || d.ruleId === 'duplicate-pattern'));
    expect(found).toEqual([]);
  });
});

describe('init --adopt: a derived template asks for, not requires, what a few patterns go without', () => {
  it('a section kept by fewer than 95% of the patterns is recommended, with the reason said; one every pattern keeps stays required', async () => {
    const page = (t: string, articles: boolean) =>
      `# ${t}\n\n${t} in one line.\n\n## Overview\n\nWhat ${t} is.\n\n${articles ? `## Articles\n\n- [On ${t}](https://example.org/${t})\n\n` : ''}## Libraries\n\n- ${t}-lib\n`;
    const files: Record<string, string> = {};
    const names = ['actors', 'batching', 'caching', 'dataflow', 'events', 'fanout', 'gateways', 'hedging', 'indexing', 'journals', 'keys', 'leases'];
    names.forEach((t, i) => (files[`docs/${t}.md`] = page(t, i >= 2)));
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('`## Articles` is missing in 2 of 12 patterns, and the template is derived from them: recommended');
    expect(await configOf(dir)).toMatchObject({ sections: { Articles: { recommended: true } } });
    const found = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => `${d.severity} ${d.message}`));
    expect(found).toEqual([
      'warning Missing section `## Articles`, expected after `## Overview`.',
      'warning Missing section `## Articles`, expected after `## Overview`.',
    ]);
  });
  it('a title a few patterns go without (7 of 46 in a catalog with no template file) is recommended: a missing one is a warning; where every pattern has one, it stays required', async () => {
    const page = (t: string, titled: boolean) => `${titled ? `# ${t}\n\n` : ''}${t} in one line.\n\n## Overview\n\nWhat ${t} is.\n`;
    const names = ['actors', 'batching', 'caching', 'dataflow', 'events', 'fanout', 'gateways', 'hedging', 'indexing', 'journals', 'keys', 'leases'];
    const some: Record<string, string> = {};
    names.forEach((t, i) => (some[`docs/${t}.md`] = page(t, i >= 2)));
    const dir = await tempCatalog(some);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('title: the H1 (10 of 12; recommended: a missing one is a warning)');
    expect(await configOf(dir)).toMatchObject({ title: { recommended: true } });
    const found = (await lintOf(dir, REPO)).results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'title').map((d) => d.severity));
    expect(found).toEqual(['warning', 'warning']);

    const all: Record<string, string> = {};
    names.forEach((t) => (all[`docs/${t}.md`] = page(t, true)));
    const every = await tempCatalog(all);
    expect((await runCli(['init', '--adopt', every], REPO)).code).toBe(0);
    expect(await configOf(every)).not.toHaveProperty('title');
  });
});

describe('init --adopt: what it says is absent', () => {
  it('not a sub-section of an optional section the patterns leave out (`#### Functional` under `### Requirements [Optional]`)', async () => {
    const template =
      '# [Title]\n\n## Summary\n\nShort.\n\n## Proposal\n\nWhat.\n\n### Requirements [Optional]\n\nWhich.\n\n#### Functional\n\nWhat it does.\n\n## Alternatives\n\nOthers.\n';
    const doc = (t: string) => `# ${t}\n\n## Summary\n\n${t} in short.\n\n## Proposal\n\nHow ${t} works.\n\n## Alternatives\n\nNone.\n`;
    const files: Record<string, string> = { 'YYYYMMDD-template.md': template, 'a.md': doc('A'), 'b.md': doc('B'), 'c.md': doc('C') };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Functional');
  });
});

describe('init --adopt: a template of front matter fields alone, derived from the patterns', () => {
  it('a file of those fields where no glob reaches is said to have the template’s header fields, not its sections (it has none)', async () => {
    const page = (title: string, text: string) => `---\ntitle: ${title}\ndescription: ${text}\n---\n\nSome words of ${title.toLowerCase()}.\n`;
    const dir = await tempCatalog({
      'content/patterns/moves/shadow-reads/_index.md': page('Shadow reads', 'Read from both stores and compare.'),
      'content/patterns/moves/split-queue/_index.md': page('Split queue', 'One queue per tenant.'),
      'content/patterns/moves/wall-cache/_index.md': page('Wall cache', 'A cache in front of the old system.'),
      'content/patterns/moves/_index.md': page('Moves', 'The moves of a migration.'),
    });
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/not taken +content\/patterns\/moves\/_index\.md \(it has the template's header fields, where no glob reaches/);
    expect(run.stdout).not.toContain("the template's sections");
  });
});

describe('init --adopt: sections the template gained after the older records were written', () => {
  const templateAt = (later: boolean) =>
    `# [Record title]\n\n## Decision\n\nWhat was decided.\n${later ? '\n## Rationale\n\nWhy this choice.\n\n## Trade-offs\n\nWhat it costs.\n' : '\n## Context\n\nThe situation.\n'}`;
  const record = (n: number, later: boolean, lack = '') =>
    `# Record ${n}: keep widget ${n}\n\n## Decision\n\nWe keep widget ${n} in the box.\n` +
    (later
      ? `${lack === 'Rationale' ? '' : `\n## Rationale\n\nWidget ${n} is cheap.\n`}${lack === 'Trade-offs' ? '' : `\n## Trade-offs\n\nWidget ${n} is heavy.\n`}`
      : `\n## Context\n\nThe box had room for widget ${n}.\n`);

  it('records committed before the template asked for a section do not make it optional: it stays required, a newer record without it is an error, the older ones warnings', async () => {
    const dir = await tempCatalog({ 'records/000-template.md': templateAt(false) });
    gitAt(dir, undefined, 'init', '-q');
    gitAt(dir, '2019-03-01T00:00:00Z', 'add', '-A');
    gitAt(dir, '2019-03-01T00:00:00Z', 'commit', '-qm', 'template');
    for (let n = 1; n <= 4; n++) await writeFile(path.join(dir, `records/00${n}-widget-${n}.md`), record(n, false));
    gitAt(dir, '2019-06-01T00:00:00Z', 'add', '-A');
    gitAt(dir, '2019-06-01T00:00:00Z', 'commit', '-qm', 'older records');
    await writeFile(path.join(dir, 'records/000-template.md'), templateAt(true));
    gitAt(dir, '2022-01-01T00:00:00Z', 'commit', '-qam', 'the template asks for more');
    for (let n = 5; n <= 10; n++) await writeFile(path.join(dir, `records/${String(n).padStart(3, '0')}-widget-${n}.md`), record(n, true, n === 8 ? 'Trade-offs' : ''));
    gitAt(dir, '2023-01-01T00:00:00Z', 'add', '-A');
    gitAt(dir, '2023-01-01T00:00:00Z', 'commit', '-qm', 'newer records');

    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    const sections = ((await configOf(dir)).sections ?? {}) as Record<string, Record<string, unknown> | null>;
    // (Missing in 4 or 5 of 10 records, each older one written before the template had it.)
    expect(sections.Rationale?.recommended).toBeUndefined();
    expect(sections['Trade-offs']?.recommended).toBeUndefined();
    const config = await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8');
    expect(config.replace(/\n\s*#\s*/g, ' ')).toContain(
      '`## Rationale` is missing in 4 of 10 patterns, all 4 written before the template asked for it (its git history): required',
    );

    const report = await lintOf(dir, REPO);
    const missing = report.results.flatMap((r) =>
      r.diagnostics.filter((d) => d.ruleId === 'required-section').map((d) => ({ file: path.basename(r.file), severity: d.severity })),
    );
    expect(missing.filter((m) => m.severity === 'error')).toEqual([{ file: '008-widget-8.md', severity: 'error' }]);
    expect(new Set(missing.filter((m) => m.severity === 'warning').map((m) => m.file))).toEqual(
      new Set(['001-widget-1.md', '002-widget-2.md', '003-widget-3.md', '004-widget-4.md']),
    );
  });
});

describe("init --adopt: the template's own word on what a document holds at minimum", () => {
  it('"At minimum, fill in the "Summary" and "Goals" sections" (in a comment above its first section): those stay required, the others are recommended with the sentence quoted', async () => {
    const template = `# [Title]\n\n<!--\nTo start: at minimum, you should fill in the "Summary", and "Goals" sections.\nMerge early and fill in the rest later.\n-->\n\n${FOUR_SECTIONS}`;
    const files: Record<string, string> = {
      'template.md': template,
      'audit.md': fourSectionNote('Audit', 'Design'),
      'cache.md': fourSectionNote('Cache', 'Risks'),
      'retry.md': fourSectionNote('Retry'),
      'queue.md': fourSectionNote('Queue', 'Goals'),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect((await configOf(dir)).sections).toEqual({ Design: { recommended: true }, Risks: { recommended: true } });
    expect(run.stdout).toContain(
      '`Design`: template.md (line 4) asks at minimum for `Summary` and `Goals` ("To start: at minimum, you should fill in the "Summary", and "Goals" sections.")',
    );
    const errors = (await lintOf(dir, REPO)).results.flatMap((r) =>
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(r.file)} ${d.message.slice(0, 26)}`),
    );
    expect(errors).toEqual(['queue.md Missing section `## Goals`']);
  });
});

describe('init --adopt: a section left out by some and empty in others', () => {
  it('missing in a few and left empty in a few more, as many as a section left out alone would be: recommended, with both counts', async () => {
    const files: Record<string, string> = {
      'TEMPLATE.md': '# Title\n\n## Summary\n\nWhat.\n\n## Design\n\nHow.\n\n## Resources\n\n<!-- Links to references. -->\n',
      'README.md': '# Kiln specs\n\nCopy the template.\n',
    };
    const names = ['vents', 'lids', 'cones', 'shelves', 'doors', 'legs', 'racks', 'posts', 'bricks', 'fans', 'lamps', 'pins'];
    for (const [i, n] of names.entries()) {
      const resources = i < 2 ? '' : i < 5 ? '\n## Resources\n\n<!-- Links to references. -->\n' : `\n## Resources\n\n- [Notes on ${n}](https://example.org/${n})\n`;
      files[`specs/${n}.md`] = `# Kiln ${n}\n\n## Summary\n\nThe ${n}.\n\n## Design\n\nHow the ${n} work.\n${resources}`;
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(((await configOf(dir)).sections as Record<string, unknown>).Resources).toEqual({ recommended: true });
    expect(await readFile(path.join(dir, 'patternbook.config.yaml'), 'utf8')).toContain('is missing in 2 and left empty in 3 of 12 patterns: recommended');
    expect((await lintOf(dir, REPO)).errorCount).toBe(0);
  });

  it('three left empty among many that write it is chance: the section stays required', async () => {
    const files: Record<string, string> = {
      'TEMPLATE.md': '# Title\n\n## Summary\n\nWhat.\n\n## Design\n\nHow.\n\n## Resources\n\n<!-- Links to references. -->\n',
      'README.md': '# Kiln specs\n\nCopy the template.\n',
    };
    for (let i = 0; i < 45; i++) {
      const resources =
        i < 12 ? '' : i < 15 ? '\n## Resources\n\n<!-- Links to references. -->\n' : `\n## Resources\n\n- [Notes on part ${i}](https://example.org/${i})\n`;
      files[`specs/part-${i}.md`] = `# Kiln part ${i}\n\n## Summary\n\nPart ${i}.\n\n## Design\n\nHow part ${i} works.\n${resources}`;
    }
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(((await configOf(dir)).sections as Record<string, unknown> | undefined)?.Resources).toBeUndefined();
  });
});

describe('init --adopt: pages and fixtures beside the patterns', () => {
  const card = (t: string) => `Practice: *${t}*\n------------\n\n### Context\n\n${t} in a team.\n\n### Steps\n\nDo ${t} daily.\n`;
  const template = '<!-- Keep it short. -->\n\nPractice: *NN*\n--------------\n\n### Context\n\nTODO\n\n### Steps\n\nTODO\n';

  it('a page the root README lists beside the patterns, with none of the template’s sections, in a folder where nothing fits it (a bibliography), is no pattern: its folder is left out, not taken and excluded at once', async () => {
    const files: Record<string, string> = {
      'contributing/practice-template.md': template,
      'practices/pairing.md': card('Pairing'),
      'practices/review.md': card('Review'),
      'practices/retro.md': card('Retro'),
      'practices/future/mob.md': card('Mob'),
      'background/reading.md': '# Reading\n\nBooks we cite.\n\n## Books\n\n- One.\n',
      'background/notes.md': '\n## Notes\n\nWords.\n',
      'README.md':
        '# Practices\n\n- [Pairing](practices/pairing.md)\n- [Review](/practices/review.md)\n- [Retro](practices/retro.md)\n- [Reading](/./background/reading.md)\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['practices/future/mob.md', 'practices/pairing.md', 'practices/retro.md', 'practices/review.md']);
    expect((await configOf(dir)).patterns).not.toContainEqual(expect.stringMatching(/^background/));
  });

  it('a folder’s own `index.md` named for templates (`practice-templates/index.md`) judges no other folder’s index pages', async () => {
    const files: Record<string, string> = {
      'contributing/practice-template.md': template,
      'practice-templates/pairing.md': card('Pairing'),
      'practice-templates/review.md': card('Review'),
      'practice-templates/index.md': '# Practice templates\n\n### Context\n\nAll of them.\n\n### Listing\n\nBelow.\n',
      'roles/index.md': '# Roles\n\n### Context\n\nWho.\n\n### Listing\n\nBelow.\n',
      'guides/index.md': '# Guides\n\n### Context\n\nHow.\n\n### Listing\n\nBelow.\n',
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/practice-templates\/index\.md for/);
    expect((await configOf(dir)).overrides).toBeUndefined();
  });

  it('the fixtures of a checker’s tests (`checker/testdata/repos/*/docs/*.md`), written to the template, join no layout and are not said as documents to add', async () => {
    const files: Record<string, string> = {
      'contributing/practice-template.md': template,
      'practices/pairing.md': card('Pairing'),
      'practices/review.md': card('Review'),
      'practices/retro.md': card('Retro'),
      'checker/testdata/repos/valid/docs/a.md': card('Fixture A'),
      'checker/testdata/repos/stale/docs/b.md': card('Fixture B'),
      'checker/testdata/repos/late/docs/c.md': card('Fixture C'),
    };
    const dir = await tempCatalog(files);
    const run = await runCli(['init', '--adopt', dir], REPO);
    expect(run.code, run.stderr).toBe(0);
    expect(await pickedOf(dir, files)).toEqual(['practices/pairing.md', 'practices/retro.md', 'practices/review.md']);
    expect(run.stdout).not.toMatch(/testdata/);
  });
});
