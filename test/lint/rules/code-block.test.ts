import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { fixture, tempCatalog } from '../../helpers.js';
import { lintOne, page } from './_lint-one.js';

const F3 = '```';
const F4 = '````';
const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('code-block', () => {
  it('accepts fenced blocks with a language and steps with instructions or code', async () => {
    const source = page(
      '## Implementation\n\n### Step 1: Build\n\nBuild it.\n\n```bash\nnpm run build\n```\n\n### Step 2: Ship\n\n~~~sh\nnpm publish\n~~~\n\n### Step 3: Tell People\n\nWrite the release notes.',
      '## Overview\n\n    indented code has no info string\n',
    );
    expect((await lintOne('code-block', source)).shown).toEqual([]);
  });

  it("reports a block without a language, naming the template's language for that section", async () => {
    const source = page('## Implementation\n\n### Step 1: Build\n\nBuild it.\n\n```\nnpm run build\n```', '## Overview\n\n~~~\n{"a": 1}\n~~~');
    const { shown, diagnostics } = await lintOne('code-block', source);
    expect(shown).toEqual([
      `${lineOf(source, '```')}:1 Code block without a language: name it after the opening fence (“${F3}bash”, as the template does here) so it is highlighted and can be run or checked.`,
      `${lineOf(source, '~~~')}:1 Code block without a language: name it after the opening fence (“~~~bash” as the template's blocks do, “~~~text” for output) so it is highlighted and can be run or checked.`,
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('elsewhere names the languages the template’s own blocks name (`fsharp` in a catalog of F# designs), not a shell’s', async () => {
    const template = '# [Title]\n\n## Design\n\nHow.\n\n```fsharp\nlet x = 1\n```\n\n## Notes\n\nMore.\n';
    const pattern = '# Lazy lists\n\n## Design\n\nSeq.\n\n```fsharp\nlet xs = Seq.empty\n```\n\n## Notes\n\n```\nlet ys = xs\n```\n';
    expect((await lintOne('code-block', pattern, { template })).shown).toEqual([
      "13:1 Code block without a language: name it after the opening fence (“```fsharp” as the template's blocks do, “```text” for output) so it is highlighted and can be run or checked.",
    ]);
  });

  it("asks no language where the template's own code blocks name none (the catalog's way); a block left open is still said", async () => {
    const template = '# [Title]\n\n## Deployment\n\n```\nsam deploy --guided\n```\n\n## Cleanup\n\n```\nsam delete\n```\n';
    const pattern = '# Queue to function\n\n## Deployment\n\n```\nsam deploy\n```\n\n## Cleanup\n\n```\nsam delete --stack-name queue\n';
    const { shown } = await lintOne('code-block', pattern, { template });
    expect(shown).toEqual([
      '11:1 Code block opened with “```” on line 11 is never closed: everything after it, to the end of the file (or of the list or quote it is in), is read as code. Add a “```” line after its last line.',
    ]);
  });

  it("asks no language in a section where the template's own block names none, and names it where the template's does", async () => {
    const template = '# [Title]\n\n## Requirements\n\n```\nnode --version\n```\n\n## Deployment\n\n```bash\nsam deploy\n```\n';
    const pattern = '# Queue to function\n\n## Requirements\n\n```\nnode 20\n```\n\n## Deployment\n\n```\nsam deploy\n```\n';
    const { shown } = await lintOne('code-block', pattern, { template });
    expect(shown).toEqual([
      '11:1 Code block without a language: name it after the opening fence (“```bash”, as the template does here) so it is highlighted and can be run or checked.',
    ]);
  });

  it('reports run attributes `patternbook run` would refuse, and accepts the ones it knows', async () => {
    const source = page(
      '## Implementation\n\n### Step 1: Build\n\nBuild it.\n\n```bash {skpi}\nnpm run build\n```\n\n### Step 2: Serve\n\nServe it.\n\n```sh {timeout=soon background expect-fail}\nnpm start\n```\n\n### Step 3: Check\n\nCheck it.\n\n```console {timeout=60 name="Check the page" cwd=app}\n$ curl -s localhost:8080\n```\n\n```json {not-a-run-block}\n{}\n```',
    );
    const { shown } = await lintOne('code-block', source);
    expect(shown).toEqual([
      `${lineOf(source, '{skpi}')}:1 Run attribute: Unknown block attribute {skpi}: known ones are skip, expect-fail, timeout=N, background, cwd=path, name=….`,
      `${lineOf(source, '{timeout=soon')}:1 Run attribute: {timeout=soon}: expected a number of seconds, such as {timeout=60}.`,
      `${lineOf(source, '{timeout=soon')}:1 Run attribute: {background} and {expect-fail} do not go together: a background block is stopped, not awaited.`,
    ]);
  });

  it('reports a fence that is never closed, on its opening line', async () => {
    const source = page('## Implementation\n\n### Step 1: Build\n\nBuild it.\n\n````bash\nnpm run build\n\n## Cleanup\n\nrm -rf dist');
    const { shown } = await lintOne('code-block', source);
    expect(shown).toEqual([
      `${lineOf(source, '````bash')}:1 Code block opened with “${F4}” on line ${lineOf(source, '````bash')} is never closed: everything after it, to the end of the file (or of the list or quote it is in), is read as code. Add a “${F4}” line after its last line.`,
    ]);
  });

  it('takes a fence closed inside a quote (`> ```) as closed; one left open in a quote is still reported', async () => {
    const closed = page('## Overview\n\nThe settings file gains a key:\n\n> ```toml\n> port = 8080\n> ```\n\nAnd a second:\n\n>```text\n>quiet\n>```\n');
    expect((await lintOne('code-block', closed)).shown).toEqual([]);
    const open = page('## Overview\n\nThe settings file gains a key:\n\n> ```toml\n> port = 8080\n\nThe end.\n');
    expect((await lintOne('code-block', open)).shown).toEqual([
      `${lineOf(open, '> ```toml')}:1 Code block opened with “${F3}” on line ${lineOf(open, '> ```toml')} is never closed: everything after it, to the end of the file (or of the list or quote it is in), is read as code. Add a “${F3}” line after its last line.`,
    ]);
  });

  it('reports a step the template gives code that has neither instructions nor code', async () => {
    const source = page(
      '## Implementation\n\n### Step 1: Build\n\nBuild it.\n\n### Step 2: Deploy\n\n<!-- TODO -->\n\n### Step 3: Verify\n\n```bash\ncurl localhost\n```',
    );
    const { shown } = await lintOne('code-block', source);
    expect(shown).toEqual([
      `${lineOf(source, 'Step 2')}:1 \`### Step 2: Deploy\` has no instructions and no code: say what to do and add the commands in a “${F3}bash” block, or remove the step.`,
    ]);
  });

  it('leaves repeatable sections without code in the template alone (Troubleshooting issues)', async () => {
    const source = page('## Troubleshooting\n\nCommon issues.\n\n### Issue 1: Slow\n\n### Issue 2: Stuck\n');
    expect((await lintOne('code-block', source)).shown).toEqual([]);
  });

  it("follows another template's steps: no code there, nothing to report", async () => {
    const template = await readFile(fixture('templates/named-headings.md'), 'utf8');
    const source = '# Bulkhead\n\n> Pools.\n\n## How Bulkhead Works\n\n### Phase 1: Partition\n\n### Phase 2: Bound\n\nCap it.\n';
    expect((await lintOne('code-block', source, { template })).shown).toEqual([]);

    const staged = '# [Pattern Title]\n\n## Rollout\n\n### Stage 1: [Stage Title]\n\nWhat to run.\n\n```sh\nmake stage\n```\n';
    const pattern = '# Canary\n\n## Rollout\n\n### Stage 1: One Percent\n\n### Stage 2: All\n\nEveryone.\n\n```\nmake all\n```\n';
    const { shown } = await lintOne('code-block', pattern, { template: staged });
    expect(shown).toEqual([
      `5:1 \`### Stage 1: One Percent\` has no instructions and no code: say what to do and add the commands in a “${F3}sh” block, or remove the step.`,
      `11:1 Code block without a language: name it after the opening fence (“${F3}sh”, as the template does here) so it is highlighted and can be run or checked.`,
    ]);
  });
});

describe('code-block: where the catalog’s own markdownlint configuration lets a fence name no language', () => {
  it('`MD040: false` (or `fenced-code-language: false`): no finding for a block without one; a block left open still is', async () => {
    const catalog = (config: Record<string, string>) =>
      tempCatalog({
        ...config,
        'patternbook.config.json': JSON.stringify({ template: 'templates/note.md', patterns: ['notes/*.md'] }),
        'templates/note.md': '# [Title]\n\n## Example\n\n```bash\nrun it\n```\n',
        'notes/cache.md': '# Cache\n\n## Example\n\n```\nGET /items\n```\n\n```\nleft open\n',
      });
    const shown = async (dir: string) =>
      (await lint({ root: dir, only: ['code-block'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.message.slice(0, 38)}`));
    expect(await shown(await catalog({}))).toEqual([
      '5 Code block without a language: name it',
      '9 Code block without a language: name it',
      '9 Code block opened with “```” on line 9',
    ]);
    for (const config of [{ '.markdownlint.yaml': 'MD040: false\n' }, { '.markdownlint.json': '{ "fenced-code-language": false }\n' }])
      expect(await shown(await catalog(config))).toEqual(['9 Code block opened with “```” on line 9']);
  });
});

describe('code-block: a template with no code block', () => {
  it('asks no fence for its language, unless the catalog’s own markdownlint configuration does (`MD040` on)', async () => {
    const catalog = (config: Record<string, string>) =>
      tempCatalog({
        ...config,
        'patternbook.config.json': JSON.stringify({ template: 'templates/note.md', patterns: ['notes/*.md'] }),
        'templates/note.md': '# [Title]\n\n## Example\n\nShow how it is used.\n',
        'notes/cache.md': '# Cache\n\n## Example\n\n```\nGET /items\n```\n',
      });
    const shown = async (dir: string) => (await lint({ root: dir, only: ['code-block'] })).results.flatMap((r) => r.diagnostics.map((d) => d.line));
    expect(await shown(await catalog({}))).toEqual([]);
    expect(await shown(await catalog({ '.markdownlint.yaml': 'default: true\n' }))).toEqual([5]);
  });
});
