import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../helpers.js';
import { lintOne, page } from './_lint-one.js';

const license = (body: string) => page('## Overview\n\nText.', `## License\n\n${body}`);
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('license', () => {
  it.each([
    'MIT',
    'Apache-2.0',
    'apache-2.0',
    '`BSD-3-Clause`',
    'Released under the ISC license.',
    'License: MPL-2.0',
    'MIT OR Apache-2.0',
    '(MIT OR Apache-2.0) AND CC-BY-4.0',
    'GPL-2.0-or-later WITH Classpath-exception-2.0',
    'GPL-3.0',
    'GPL-2.0+',
    'LGPL-2.1-only',
    '0BSD',
    'LicenseRef-Acme-Internal',
    '- CC0-1.0 for the text\n- MIT for the code',
    // Every identifier of the SPDX License List, not only the common ones, and its exceptions.
    'MIT-0',
    'CC-BY-NC-SA-4.0',
    'EUPL-1.2',
    'Apache-2.0 WITH LLVM-exception',
  ])('accepts %j', async (body) => {
    expect((await lintOne('license', license(body))).shown).toEqual([]);
  });

  it.each([
    ['Apache 2', 'Apache-2.0'],
    ['Apache 2.0', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['GPLv3', 'GPL-3.0-only'],
    ['BSD 3-Clause', 'BSD-3-Clause'],
    ['Mozilla Public License 2.0', 'MPL-2.0'],
    ['Apahce-2.0', 'Apache-2.0'],
    ['Boost', 'BSL-1.0'],
  ])('suggests the SPDX id for %j', async (body, id) => {
    const source = license(body);
    const { shown, diagnostics } = await lintOne('license', source);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(new RegExp(`[Dd]id you mean \`${id.replace(/[.+]/g, '\\$&')}\`\\?$`));
    expect(diagnostics[0]).toMatchObject({ line: lineOf(source, body), expected: id, severity: 'error' });
  });

  it('reports the near miss "Apache 2" in full', async () => {
    const source = license('Apache 2');
    expect((await lintOne('license', source)).shown).toEqual([
      `${lineOf(source, 'Apache 2')}:1 License “Apache 2” is not an SPDX identifier: did you mean \`Apache-2.0\`?`,
    ]);
  });

  it('reports malformed expressions and unknown identifiers in them', async () => {
    const dangling = license('MIT AND');
    expect((await lintOne('license', dangling)).shown).toEqual([
      `${lineOf(dangling, 'MIT AND')}:1 License “MIT AND” is not a valid SPDX expression: it ends where a license identifier is expected.`,
    ]);
    const unknown = license('MIT OR Apache-2');
    expect((await lintOne('license', unknown)).shown).toEqual([
      `${lineOf(unknown, 'MIT OR')}:1 License “MIT OR Apache-2” is not a valid SPDX expression: \`Apache-2\` is not an SPDX license identifier. Did you mean \`Apache-2.0\`?`,
    ]);
    const open = license('(MIT OR Apache-2.0');
    expect((await lintOne('license', open)).shown[0]).toContain('a `(` is never closed');
  });

  it('reports text that names no license', async () => {
    const source = license('Proprietary, ask legal.');
    expect((await lintOne('license', source)).shown).toEqual([
      `${lineOf(source, 'Proprietary')}:1 License “Proprietary, ask legal” is not an SPDX identifier or expression: write one such as \`MIT\` or \`Apache-2.0\` (\`LicenseRef-<name>\` for your own license), or link to the license file.`,
    ]);
  });

  it("reports an empty section and one that holds only the template's text, on the heading", async () => {
    const leftover = license('Specify the license (e.g., MIT, Apache 2.0)');
    expect((await lintOne('license', leftover)).shown).toEqual([
      `${lineOf(leftover, '## License')}:1 \`## License\` names no license (only the template's text is there): write an SPDX identifier or expression such as \`MIT\`, \`Apache-2.0\` or \`MIT OR Apache-2.0\`, or link to the license file.`,
    ]);
    const empty = page('## License\n\n<!-- later -->');
    expect((await lintOne('license', empty)).shown).toEqual([
      `${lineOf(empty, '## License')}:1 \`## License\` names no license: write an SPDX identifier or expression such as \`MIT\`, \`Apache-2.0\` or \`MIT OR Apache-2.0\`, or link to the license file.`,
    ]);
  });

  it('accepts a link to a license file that exists, and reports one that does not, at the link', async () => {
    const files = { LICENSE: 'MIT License\n', 'example/COPYING.md': 'terms' };
    expect((await lintOne('license', license('See [LICENSE](../LICENSE).'), { files })).shown).toEqual([]);
    expect((await lintOne('license', license('[Terms](COPYING.md#terms)'), { files })).shown).toEqual([]);
    const source = license('See [the license](../LICENCE.txt).');
    const line = lineOf(source, 'LICENCE.txt');
    const { diagnostics } = await lintOne('license', source, { files });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      `${line}:${source.split('\n')[line - 1]!.indexOf('../LICENCE.txt') + 1} The license link “../LICENCE.txt” points to a file that does not exist: fix the link, or write an SPDX identifier such as \`MIT\`.`,
    ]);
    // A valid identifier is enough even beside a broken link (the link rule reports that).
    expect((await lintOne('license', license('[MIT](../LICENCE.txt)'), { files })).shown).toEqual([]);
  });

  it('finds the section by the template: "Licence" works, and no such section turns the rule off', async () => {
    const template = '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Licence\n\nName the licence.\n';
    expect((await lintOne('license', '# X\n\n## Overview\n\nA.\n\n## Licence\n\nApache 2\n', { template })).shown).toEqual([
      expect.stringContaining('did you mean `Apache-2.0`'),
    ]);
    const named = await readFile(fixture('templates/named-headings.md'), 'utf8');
    expect((await lintOne('license', '# X\n\n> Y.\n\n## License\n\nWhatever\n', { template: named })).shown).toEqual([]);
  });

  it('the words the template itself sets in the section for every pattern are its license; other words are still checked', async () => {
    const template = '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## License\n\nGiven to the commons of the allotment society.\n';
    const page = (words: string) => `# Seed swap\n\n## Overview\n\nSwap seeds.\n\n## License\n\n${words}\n`;
    expect((await lintOne('license', page('Given to the commons of the allotment society.'), { template })).shown).toEqual([]);
    expect((await lintOne('license', page('Given to my neighbours.'), { template })).shown).toEqual([expect.stringContaining('is not an SPDX identifier or expression')]);
  });

  it("a link to a license's page named by its SPDX identifier is its license; copyright lines and the template's own sections under it are not read as one", async () => {
    const template =
      '# [Title]\n\n# Licence\n\n[The 2-Clause BSD Licence](https://opensource.org/licenses/BSD-2-Clause).\n\nCopyright <YEAR> <HOLDER>\n\nRedistribution is permitted.\n\n## Goals\n\n## Description\n\n# Change Log\n\nDates.\n';
    const doc = (licence: string) =>
      `# Gadgets\n\n# License\n\n${licence}\n\nCopyright 2022 Example Crew\n\n## Goals\n\nMake gadgets hum.\n\n## Description\n\nGadgets hum quietly.\n\n# Change Log\n\nFirst.\n`;
    expect((await lintOne('license', doc('[The 2-Clause BSD License](https://opensource.org/licenses/BSD-2-Clause).'), { template })).shown).toEqual([]);
    // (So is a Creative Commons deed, named by its address: `CC0-1.0`, `CC-BY-SA-4.0`; a waiver of rights
    // that names its license, `Copyright and related rights waived via …`, is no copyright line.)
    for (const deed of [
      'Copyright and related rights waived via [CC0](https://creativecommons.org/publicdomain/zero/1.0/).',
      'Shared under [a Creative Commons licence](https://creativecommons.org/licenses/by-sa/4.0/deed.en).',
      'Copyright and related rights waived via CC0-1.0.',
    ])
      expect((await lintOne('license', doc(deed), { template })).shown).toEqual([]);
    // (A page that names no license is still no license; and the words under `## Goals` are not read.)
    expect((await lintOne('license', doc('[Our terms](https://example.org/terms).'), { template })).shown).toEqual([
      expect.stringContaining('“Our terms” is not an SPDX identifier'),
    ]);
  });

  it('where the template asks for the licence in words, one named in words is a warning at most; a public domain dedication is a licence', async () => {
    const template = '# [Title]\n\n## Summary\n\nIn a line.\n\n## Licence\n\nState the licence of the note in words.\n';
    const doc = (words: string) => `# Trim the hedges\n\n## Summary\n\nIn March.\n\n## Licence\n\n${words}\n`;
    expect((await lintOne('license', doc('This note is in the public domain.'), { template })).shown).toEqual([]);
    const own = await lintOne('license', doc('Shared with the allotment society.'), { template });
    expect(own.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    // (A template that shows an identifier asks for one: an error.)
    const spdx = template.replace('State the licence of the note in words.', 'MIT');
    expect((await lintOne('license', doc('Shared with the allotment society.'), { template: spdx })).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});
