import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../helpers.js';
import { lintOne, page } from './_lint-one.js';

const author = (...lines: string[]) => page('## Overview\n\nText.', `## Author\n\n${lines.join('\n')}`);
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;
const at = (source: string, text: string) => {
  const line = lineOf(source, text);
  return `${line}:${source.split('\n')[line - 1]!.indexOf(text) + 1}`;
};

describe('author', () => {
  it('accepts a name, a handle linked to its profile and an address', async () => {
    const source = author('- **Name**: Ada Lovelace', '- **GitHub**: [@ada-l](https://github.com/ada-l)', '- **Email**: ada.lovelace+pb@analytical.engine.org');
    expect((await lintOne('author', source)).shown).toEqual([]);
  });

  it('finds labels in any case and shape, and the GitHub and e-mail lines are optional', async () => {
    expect((await lintOne('author', author('- **name:** Ada Lovelace', '- **github**: @Ada-L', '- EMAIL: <ada@example.org>'))).shown).toEqual([]);
    expect((await lintOne('author', author('**Name**: Ada Lovelace'))).shown).toEqual([]);
    expect((await lintOne('author', author('- **GitHub**: https://github.com/ada', '- **Name**: Ada'))).shown).toEqual([]);
  });

  it("reports the template's sample name, an empty name and a missing name line", async () => {
    const sample = author('- **Name**: Your Name');
    expect((await lintOne('author', sample)).shown).toEqual([
      `${at(sample, 'Your Name')} The author's name is still the template's sample “Your Name”: write who maintains this pattern.`,
    ]);
    const empty = author('- **Name**:', '- **GitHub**: @ada');
    expect((await lintOne('author', empty)).shown).toEqual([
      `${lineOf(empty, 'Name')}:1 The author's name is empty: write who maintains this pattern after \`**Name**:\`.`,
    ]);
    const none = author('- **GitHub**: @ada');
    expect((await lintOne('author', none)).shown).toEqual([
      `${lineOf(none, '## Author')}:1 \`## Author\` has no \`**Name**:\` line: add \`- **Name**: <who maintains this pattern>\`.`,
    ]);
  });

  it('reports a placeholder as the name', async () => {
    const bracketed = author('- **Name**: [Author Name]');
    expect((await lintOne('author', bracketed)).shown).toEqual([
      `${at(bracketed, '[Author Name]')} The author's name is still a placeholder “[Author Name]”: write who maintains this pattern.`,
    ]);
    const title = author('- **Name**: [Pattern Title]');
    expect((await lintOne('author', title)).shown).toEqual([
      `${at(title, '[Pattern Title]')} The author's name is still the template's sample “[Pattern Title]”: write who maintains this pattern.`,
    ]);
    const rewrapped = author('- **Name**: your   name');
    expect((await lintOne('author', rewrapped)).shown).toEqual([
      `${at(rewrapped, 'your   name')} The author's name is still the template's sample “Your Name”: write who maintains this pattern.`,
    ]);
  });

  it('reports GitHub handles that are not shaped like one', async () => {
    for (const bad of ['@-ada', '@ada-', '@ada--l', '@ada_l', `@${'a'.repeat(40)}`, '@']) {
      const source = author('- **Name**: Ada', `- **GitHub**: ${bad}`);
      expect((await lintOne('author', source)).shown, bad).toEqual([
        `${at(source, bad)} GitHub handle “${bad}” is not shaped like one: write \`@\` and 1–39 letters, digits or single hyphens, not starting or ending with a hyphen.`,
      ]);
    }
    const ok = author('- **Name**: Ada', `- **GitHub**: @${'a'.repeat(39)}`);
    expect((await lintOne('author', ok)).shown).toEqual([]);
  });

  it('reports a handle without @, a link to another user, a link that is not a profile, and the sample', async () => {
    const bare = author('- **Name**: Ada', '- **GitHub**: ada-l');
    expect((await lintOne('author', bare)).shown).toEqual([`${at(bare, 'ada-l')} GitHub handle “ada-l” should be written \`@ada-l\`.`]);

    const other = author('- **Name**: Ada', '- **GitHub**: [@ada-l](https://github.com/someone)');
    const result = await lintOne('author', other);
    expect(result.shown).toEqual([`${at(other, 'https://github.com/someone')} The GitHub link points to \`someone\` but the handle is \`@ada-l\`: make them the same.`]);
    expect(result.diagnostics[0]).toMatchObject({ expected: 'https://github.com/ada-l', actual: 'https://github.com/someone' });

    const notProfile = author('- **Name**: Ada', '- **GitHub**: [@ada-l](https://gitlab.com/ada-l)');
    expect((await lintOne('author', notProfile)).shown).toEqual([
      `${at(notProfile, 'https://gitlab.com/ada-l')} The GitHub link “https://gitlab.com/ada-l” is not a github.com profile: link to \`https://github.com/ada-l\`.`,
    ]);

    const sample = author('- **Name**: Ada', '- **GitHub**: [@your-github-username](https://github.com/your-github-username)');
    expect((await lintOne('author', sample)).shown).toEqual([
      `${at(sample, '@your-github-username')} The GitHub handle is still the template's sample “@your-github-username”: write the author's handle, or remove the line.`,
    ]);
  });

  it('reports addresses not shaped like one, and the sample address', async () => {
    for (const bad of ['ada@localhost', 'ada.example.org', 'ada@@example.org', '.ada@example.org', 'ada@exa_mple.org']) {
      const source = author('- **Name**: Ada', `- **Email**: ${bad}`);
      expect((await lintOne('author', source)).shown, bad).toEqual([`${at(source, bad)} “${bad}” is not shaped like an e-mail address (name@domain.tld).`]);
    }
    const sample = author('- **Name**: Ada', '- **Email**: your.email@example.com');
    expect((await lintOne('author', sample)).shown).toEqual([
      `${at(sample, 'your.email@example.com')} The e-mail address is still the template's sample “your.email@example.com”: write the author's address, or remove the line.`,
    ]);
    const mailto = author('- **Name**: Ada', '- **Email**: [ada@example.org](mailto:bob@example.org)');
    expect((await lintOne('author', mailto)).shown).toEqual([
      `${at(mailto, 'ada@example.org')} The e-mail link goes to “bob@example.org” but shows “ada@example.org”: make them the same.`,
    ]);
  });

  it("follows another template's labels and section name", async () => {
    const template = '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Authors\n\n- **Maintainer name**: Jane Placeholder\n- **E-mail**: someone@example.com\n';
    const good = '# X\n\n## Overview\n\nA.\n\n## Authors\n\n- **maintainer name**: Ada\n- **e-mail**: ada@analytical.org\n';
    expect((await lintOne('author', good, { template })).shown).toEqual([]);
    const bad = '# X\n\n## Overview\n\nA.\n\n## Authors\n\n- **Maintainer name**: Jane Placeholder\n- **E-mail**: ada at analytical\n';
    expect((await lintOne('author', bad, { template })).shown).toEqual([
      `${at(bad, 'Jane Placeholder')} The author's name is still the template's sample “Jane Placeholder”: write who maintains this pattern.`,
      `${at(bad, 'ada at analytical')} “ada at analytical” is not shaped like an e-mail address (name@domain.tld).`,
    ]);
    const named = await readFile(fixture('templates/named-headings.md'), 'utf8');
    expect((await lintOne('author', '# X\n\n> Y.\n\n## Author\n\n- **Name**: Your Name\n', { template: named })).shown).toEqual([]);
  });
});
