import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { shortensName } from '../../../src/template/heading-variants.js';
import { tempCatalog } from '../../helpers.js';
import { lintOne } from './_lint-one.js';

const TEMPLATE = `# [Pattern Title]

> [One sentence]

## Overview

Describe the pattern.

## Testing (optional until the pattern is reviewed)

Describe how it was tested.

## Acknowledgments

Who helped.

## References

- [A source](https://example.com)

## Author

Your Name
`;

const page = (...sections: string[]) =>
  [
    '# Outbox',
    '',
    '> Writes events with the data in one transaction.',
    '',
    '## Overview',
    '',
    'The service writes rows and events together.',
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');

describe('section-name', () => {
  it("reads a plural, a British spelling and Author(s) as the template's sections, and suggests its spelling", async () => {
    const text = page(
      '## Acknowledgements',
      '',
      'The payments team.',
      '',
      '## Reference',
      '',
      '- [Paper](https://example.org/outbox)',
      '',
      '## Author(s)',
      '',
      'Dana Reyes',
    );
    const { shown } = await lintOne('section-name', text, { template: TEMPLATE });
    expect(shown).toEqual([
      '9:1 `## Acknowledgements` is written `## Acknowledgments` in the template: rename it, or accept this name with `aliases` under `sections` in the configuration.',
      '17:1 `## Reference` is written `## References` in the template: rename it, or accept this name with `aliases` under `sections` in the configuration.',
      '25:1 `## Author(s)` is written `## Author` in the template: rename it, or accept this name with `aliases` under `sections` in the configuration.',
    ]);
    // Present, so neither missing nor unknown.
    for (const rule of ['required-section', 'unknown-section']) expect((await lintOne(rule, text, { template: TEMPLATE })).shown).toEqual([]);
  });

  it('reads a name short of the participle after it as that section: asked to rename, never missing', async () => {
    const template = '# [Title]\n\n## Problem\n\nWhat is wrong.\n\n## Proposal\n\nWhat to do.\n\n## Alternatives Considered\n\nWhat else was weighed.\n';
    const text =
      '# Quiet hours\n\n## Problem\n\nAlerts wake the on-call engineer for queues that drain by themselves.\n\n## Proposal\n\nHold alerts on draining queues for ten minutes.\n\n## Alternatives\n\nRaising every threshold hides real outages.\n';
    const { shown, diagnostics } = await lintOne('section-name', text, { template });
    expect(shown).toEqual([
      '11:1 `## Alternatives` is written `## Alternatives Considered` in the template: rename it, or accept this name with `aliases` under `sections` in the configuration.',
    ]);
    // Other words than the author's are theirs to write: no fix.
    expect(diagnostics.every((d) => d.fix === undefined)).toBe(true);
    for (const rule of ['required-section', 'unknown-section']) expect((await lintOne(rule, text, { template })).shown).toEqual([]);
    // A name two of the template's names start with (`Alternatives Rejected` beside `Alternatives Considered`) is
    // neither's: the section is missing, said as the heading where it goes (a warning).
    const twoNames = template.replace('## Proposal\n', '## Proposal\n\n### Alternatives Rejected\n\nOld ones.\n');
    expect((await lintOne('required-section', text, { template: twoNames })).diagnostics.map((d) => `${d.severity} ${d.message.split(',')[0]}`)).toEqual([
      'error Missing section `### Alternatives Rejected`',
      'warning Missing section `## Alternatives Considered`',
    ]);
    // A word that only ends like a participle leaves another name (`Hardware` is no `Hardware Need`), one
    // word only is left out, and a participle before the name is read by the section's place instead.
    expect([
      shortensName('Hardware', 'Hardware Need'),
      shortensName('Changes', 'Changes Proposed Later'),
      shortensName('Solution', 'Proposed Solution'),
      shortensName('Changes', 'Changes Proposed'),
    ]).toEqual([false, false, false, true]);
  });

  it('takes case, a trailing colon and a note in parentheses as the same name, in the template and in the pattern', async () => {
    const text = page(
      '## acknowledgments:',
      '',
      'The payments team.',
      '',
      '## References (external)',
      '',
      '- [Paper](https://example.org/outbox)',
      '',
      '## Author',
      '',
      'Dana Reyes',
    );
    for (const rule of ['section-name', 'required-section', 'unknown-section']) expect((await lintOne(rule, text, { template: TEMPLATE })).shown, rule).toEqual([]);
  });

  it("takes a heading whose note is the template's name (`## Pedagogy (How we teach this)`) as that section: nothing missing, unknown or inserted", async () => {
    const template = '# [Title]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n\n## How we teach this\n\nWords for it.\n\n## Drawbacks\n\nWhy not.\n';
    const text =
      '# Route hooks\n\n## Summary\n\nRoutes get a hook.\n\n## Design\n\nA hook returns the params.\n\n## Pedagogy (How we teach this)\n\nThe guide gets a page.\n\n## Drawbacks\n\nTwo ways for a while.\n';
    for (const rule of ['section-name', 'required-section', 'unknown-section']) expect((await lintOne(rule, text, { template })).shown, rule).toEqual([]);
    const fixed = await lintOne('required-section', text, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(text);
  });

  it('makes a section optional when its note says so, and keys `sections` by the name without the note', async () => {
    const text = page(
      '## Acknowledgments',
      '',
      'The payments team.',
      '',
      '## References',
      '',
      '- [Paper](https://example.org/outbox)',
      '',
      '## Author',
      '',
      'Dana Reyes',
    );
    expect((await lintOne('required-section', text, { template: TEMPLATE })).shown).toEqual([]);
    const required = await lintOne('required-section', text, { template: TEMPLATE, config: { sections: { Testing: { optional: false } } } });
    expect(required.shown).toEqual(['7:1 Missing section `## Testing`, expected after `## Overview`.']);
  });

  it('accepts a spelling named in `aliases`', async () => {
    const text = page('## Acknowledgments', '', 'The payments team.', '', '## Reference', '', '- [Paper](https://example.org/outbox)', '', '## Author', '', 'Dana Reyes');
    expect((await lintOne('section-name', text, { template: TEMPLATE, config: { sections: { References: { aliases: ['Reference'] } } } })).shown).toEqual([]);
  });

  it('accepts an alias written as one word (`Prerequisites` for `Pre-requisites`)', async () => {
    const template = '# [Name]\n\n## Requirements\n\nWhat you need.\n\n## Steps\n\nDo it.\n';
    const text = '# Kite\n\n## Prerequisites\n\nPaper.\n\n## Steps\n\nFold.\n';
    const accepted = await lintOne('section-name', text, { template, config: { sections: { Requirements: { aliases: ['Pre-requisites'] } } } });
    expect(accepted.shown).toEqual([]);
  });

  it('renames with --fix, keeping the level and the note, and the result is clean', async () => {
    const text = page(
      '## Acknowledgements (with thanks)',
      '',
      'The payments team.',
      '',
      '## Reference',
      '',
      '- [Paper](https://example.org/outbox)',
      '',
      '## Author',
      '',
      'Dana Reyes',
    );
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'outbox/README.md': text,
    });
    const report = await lint({ root: dir, fix: true, only: ['section-name'] });
    expect(report.warningCount).toBe(0);
    const fixed = await readFile(`${dir}/outbox/README.md`, 'utf8');
    expect(fixed).toBe(text.replace('## Acknowledgements (with thanks)', '## Acknowledgments (with thanks)').replace('## Reference\n', '## References\n'));
  });

  it('renames a heading with an id set after it, and keeps the id', async () => {
    const text = page('## Reference {#sources}', '', '- [Outbox](https://example.org/outbox)', '', '## Author', '', 'Dana Reyes');
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'outbox/README.md': text,
    });
    await lint({ root: dir, fix: true, only: ['section-name'] });
    expect(await readFile(`${dir}/outbox/README.md`, 'utf8')).toBe(text.replace('## Reference {#sources}', '## References {#sources}'));
  });

  it('does not take a different section for a variant: two template sections with one spelling are left alone', async () => {
    const template = '# [Pattern Title]\n\n## Note\n\nA note.\n\n## Notes\n\nMore notes.\n';
    const { shown } = await lintOne('section-name', '# Outbox\n\n## NOTES\n\nText.\n\n## Note\n\nText.\n', { template });
    expect(shown).toEqual([]);
  });

  it('offers no rename to a name the file already has at that level: it would make a duplicate', async () => {
    const template = '# [Title]\n\n## Abstract\n\nShort.\n\n## Backwards Compatibility\n\nWhat breaks.\n';
    const source = '# Proof\n\n## Abstract\n\nShort.\n\n## Backward Compatibility\n\nNothing breaks.\n\n## Backwards Compatibility\n\nStill nothing.\n';
    const { diagnostics } = await lintOne('section-name', source, { template });
    expect(diagnostics.map((d) => [d.line, d.fix !== undefined])).toEqual([[7, false]]);
  });

  it('a section whose name joins two, written as those two one after the other at its place, is that section split: one warning to join them, nothing missing, unknown or inserted', async () => {
    const template =
      '# [Title]\n\n## Summary\n\n_One paragraph._\n\n## Design\n\n_How._\n\n## Reasoning and Options\n\n_Why this design, and what else was weighed._\n\n## Rollout\n\n_Steps._\n';
    const source =
      '# Tagged builds\n\n## Summary\n\nBuilds carry their tag.\n\n## Design\n\nThe script writes it.\n\n## Reasoning\n\nCrashes match their source.\n\n## Options\n\nA lookup table would drift.\n\n## Rollout\n\nNightly first.\n';
    const { shown, diagnostics } = await lintOne('section-name', source, { template });
    expect(shown).toEqual([
      '11:1 `## Reasoning` and `## Options` write one section of the template, `## Reasoning and Options`: join them under that heading, or accept these names with `aliases` under `sections` in the configuration.',
    ]);
    expect(diagnostics[0]!.fix).toBeUndefined();
    for (const rule of ['required-section', 'unknown-section', 'duplicate-section']) expect((await lintOne(rule, source, { template })).shown, rule).toEqual([]);
    const fixed = await lintOne('required-section', source, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toBe(source);
  });

  it('`&` is the word `and`: the same name, no finding', async () => {
    const template = '# [Title]\n\n## Summary\n\n_One paragraph._\n\n## Rationale and Alternatives\n\n_Why._\n';
    expect((await lintOne('section-name', '# Rate limits\n\n## Summary\n\nA budget.\n\n## Rationale & Alternatives\n\nSimple.\n', { template })).shown).toEqual([]);
    // Another word is still another spelling.
    expect((await lintOne('section-name', '# Rate limits\n\n## Summary\n\nA budget.\n\n## Rationale and Alternative\n\nSimple.\n', { template })).shown).toHaveLength(1);
  });

  it('the parts of a split section a level off are warnings of heading-level, not an error each', async () => {
    const template = '# [Title]\n\n## Proposal\n\nThe change.\n\n### Risks and Mitigations\n\nWhat could go wrong.\n\n## Design\n\nHow.\n';
    const source =
      '# Faster probes\n\n## Proposal\n\nProbe less.\n\n#### Risk\n\nSlower detection.\n\n#### Mitigations\n\nA floor on the rate.\n\n## Design\n\nA timer.\n';
    const { diagnostics } = await lintOne('heading-level', source, { template });
    expect(diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['7 warning', '11 warning']);
    expect((await lintOne('required-section', source, { template })).shown).toEqual([]);
  });
});

describe('section-name: never a rename into the opposite', () => {
  it('`# Resolved questions` is no `# Unresolved questions` mistyped: no rename, and the unknown section suggests none', async () => {
    const template = '# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n\n# Unresolved questions\n\nWhat is still open.\n';
    const source = '# Summary\n\nA cache.\n\n# Design\n\nKeys by path.\n\n# Resolved questions\n\nSize: ten.\n';
    expect((await lintOne('section-name', source, { template })).shown).toEqual([]);
    expect((await lintOne('unknown-section', source, { template })).shown).toEqual(['9:1 Unknown section `# Resolved questions`: the template has no such section.']);
    // (A slip of the keyboard still is one.)
    expect((await lintOne('section-name', source.replace('# Resolved questions', '# Unresolvd questions'), { template })).shown).toHaveLength(1);
  });

  it('a heading that shares only a pronoun with the section where it stands (`# Who will run this?` where `# How we teach this` goes) is none of its names', async () => {
    const template = '# Summary\n\nOne paragraph.\n\n# Design\n\nHow.\n\n# How we teach this\n\nHow people start.\n';
    const source = '# Summary\n\nA cache.\n\n# Design\n\nKeys by path.\n\n# Who will run this?\n\nThe platform team.\n';
    expect((await lintOne('section-name', source, { template })).shown).toEqual([]);
    expect((await lintOne('unknown-section', source, { template })).shown).toEqual(['9:1 Unknown section `# Who will run this?`: the template has no such section.']);
  });
});

describe('section-name: a name with a word that only says what kind of text it is', () => {
  it('`### Experience description` where the template has `### Experience In Detail` (and another section is missing there too) is that section renamed, not missing', async () => {
    const template =
      '# Title\n\n## Summary\n\nOne paragraph.\n\n## Proposal\n\nDescribe it.\n\n### Stories\n\nWho benefits.\n\n### Experience In Detail\n\nWhat the user does.\n\n### Interface changes\n\n## Design\n\nHow.\n';
    const source =
      '# Bulk export\n\n## Summary\n\nMany at once.\n\n## Proposal\n\nAn export button.\n\n### Stories\n\nAdmins.\n\n### Experience description\n\nClick, get a zip.\n\n## Design\n\nA job.\n';
    expect((await lintOne('section-name', source, { template })).shown).toEqual([
      '15:1 `### Experience description` is written `### Experience In Detail` in the template (it stands where the template puts that section, in other words): rename it, or accept this name with `aliases` under `sections` in the configuration.',
    ]);
    expect((await lintOne('required-section', source, { template })).shown.filter((s) => s.includes('Missing section `### Experience'))).toEqual([]);
  });
});

describe('section-name: the word a name is about, where its head noun names what bears on it', () => {
  it('`## Decision` at the place of `## Decision drivers` is not that section (the drivers are what the decision weighs); `## Decision` for `## Decision outcome` still is', async () => {
    const template =
      '# Title\n\n## Result\n\nWhich option was picked.\n\n## Problem context\n\nThe problem.\n\n## Decision drivers\n\nThe forces.\n\n## Options\n\nEach option.\n';
    const source =
      '# Serve the first page\n\n## Result\n\nThe backend renders it.\n\n## Problem context\n\nTwelve requests.\n\n## Decision\n\nWe render on the server.\n\n## Options\n\nTwo.\n';
    expect((await lintOne('section-name', source, { template })).shown).toEqual([]);
    expect((await lintOne('required-section', source, { template })).diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Missing section `## Decision drivers`, expected after `## Problem context`. This pattern has `## Decision` there, in its stead: if that is the section in other words, rename it or accept its name with `aliases` under `sections` in the configuration; if not, write it.',
    ]);
    const outcome = template.replace('## Decision drivers\n\nThe forces.', '## Decision outcome\n\nWhat was chosen.');
    expect((await lintOne('section-name', source, { template: outcome })).shown).toEqual([
      '11:1 `## Decision` is written `## Decision outcome` in the template (it stands where the template puts that section, in other words): rename it, or accept this name with `aliases` under `sections` in the configuration.',
    ]);
  });
});

describe("section-name: a sub-section reworded with its parent's name", () => {
  it('`### Recommendations to the vendor` under `## Recommendations`, for `### Vendor recommendations`, is that sub-section renamed: not missing, and not the parent again', async () => {
    const template = '# Title\n\n## Context\n\nWhat first.\n\n## Recommendations\n\nOverall.\n\n### Vendor recommendations\n\n*\n\n### Operator recommendations\n\n*\n';
    const source =
      '# Kettle\n\n## Context\n\nCold water.\n\n## Recommendations\n\nWorth it.\n\n### Recommendations to the vendor\n\n* Thermostat.\n\n### Recommendations for the operating team\n\n* Half full.\n';
    expect((await lintOne('section-name', source, { template })).shown.map((s) => s.slice(0, 90))).toEqual([
      '11:1 `### Recommendations to the vendor` is written `### Vendor recommendations` in the te',
      '15:1 `### Recommendations for the operating team` is written `### Operator recommendations',
    ]);
    expect((await lintOne('required-section', source, { template })).shown).toEqual([]);
    // (Written the other way round, each is still its section: section-order says so.)
    const ordered = '# Title\n\n## Context\n\nWhat first.\n\n## Recommendations\n\nOverall.\n\n### Vendor recommendations\n\n*\n\n### Project recommendations\n\n*\n';
    const swapped =
      '# Kettle\n\n## Context\n\nCold water.\n\n## Recommendations\n\nWorth it.\n\n### Recommendations for the project team\n\n* Half full.\n\n### Recommendations for the vendor\n\n* Thermostat.\n';
    expect((await lintOne('required-section', swapped, { template: ordered })).shown).toEqual([]);
    expect((await lintOne('section-order', swapped, { template: ordered })).shown).toHaveLength(1);
  });
  it('a sibling written by its own name first, then one with the words of the section the template puts before it (`### Recommendations to the vendor`): that section, out of order — not two missing ones', async () => {
    const template =
      '# Title\n\n## Context\n\nWhat first.\n\n## Recommendations\n\nOverall.\n\n### Vendor recommendations\n\n*\n\n### Project recommendations\n\n*\n\n### Further recommendations\n\n*\n';
    const source =
      '# Kettle\n\n## Context\n\nCold water.\n\n## Recommendations\n\nWorth it.\n\n### Project recommendations\n\n* Half full.\n\n### Recommendations to the vendor\n\n* Thermostat.\n';
    expect((await lintOne('section-name', source, { template })).shown).toEqual([
      "15:1 `### Recommendations to the vendor` is written `### Vendor recommendations` in the template (it has that section's words, in another order): rename it, or accept this name with `aliases` under `sections` in the configuration.",
    ]);
    expect((await lintOne('required-section', source, { template })).shown.map((s) => s.slice(0, 60))).toEqual([
      '13:1 Missing section `### Further recommendations`, expected',
    ]);
    expect((await lintOne('section-order', source, { template })).shown).toHaveLength(1);
  });
});

describe('section-name: punctuation inside the name', () => {
  it('the same words with other punctuation inside (`(i.e. to the API)` for the template’s `(i.e to the API)`) are the name: no rename', async () => {
    const template = '# Title\n\n## Summary\n\nOne paragraph.\n\n## Does it add calls (i.e to the API server)?\n\nAnswer.\n';
    const source = '# Gateway hosts\n\n## Summary\n\nHosts from routes.\n\n## Does it add calls (i.e. to the API server)?\n\nNo.\n';
    expect((await lintOne('section-name', source, { template })).shown).toEqual([]);
    // (A stray mark around the name is a slip to put right.)
    const slip = source.replace('(i.e. to the API server)?', '(i.e to the API server)?"');
    expect((await lintOne('section-name', slip, { template })).shown).toHaveLength(1);
    // (Other words still are another name.)
    const other = source.replace('(i.e. to the API server)', '(e.g. to the API server)');
    expect((await lintOne('section-name', other, { template })).shown).toHaveLength(1);
  });
});

describe('section-name: no rename of a heading out of its place at another level', () => {
  it('`### References` inside the closing section, for `## Reference`: the rename is said, not made, as the move is by hand', async () => {
    const template = '# [Title]\n\n## Abstract\n\nShort.\n\n## Reference\n\nLinks.\n\n## License\n\nCC0.\n';
    const source = '# Kettle\n\n## Abstract\n\nBoils.\n\n## License\n\nCC0.\n\n### References\n\n- [A kettle](https://example.org/k)\n';
    const found = await lintOne('section-name', source, { template, fix: true });
    expect(found.diagnostics.map((d) => `${d.line} ${d.message.slice(0, 48)}`)).toEqual(['11 `### References` is written `## Reference` in th']);
    expect(await readFile(found.file, 'utf8')).toBe(source);
    // (At its level, the spelling is put right.)
    const level = source.replace('### References', '## References');
    const fixed = await lintOne('section-name', level, { template, fix: true });
    expect(await readFile(fixed.file, 'utf8')).toContain('## Reference\n');
  });
});
