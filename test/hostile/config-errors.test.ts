import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCatalog } from '../helpers.js';

const CRASH = /\n\s+at \S+ \(|internal error/i;
const PATTERN = '# P\n\n> Does p things well.\n\n## Overview\n\nThe p pattern.\n';
const TEMPLATE = '# [Pattern Title]\n\n> Brief one-sentence description\n\n## Overview\n\nDescribe it.\n';
const COMMANDS = (dir: string, out: string) => [
  ['lint', dir],
  ['build', dir, '--out', out],
  ['export', dir],
];

/** Runs lint, build and export on a catalog with this configuration; every run must end the same way. */
async function each(files: Record<string, string | Uint8Array>) {
  const dir = await tempCatalog({ 'p/README.md': PATTERN, ...files });
  const out = path.join(await tempCatalog(), 'site');
  const runs = [];
  for (const argv of COMMANDS(dir, out)) {
    const run = await runCli(argv, dir);
    expect(run.stderr, argv[0]).not.toMatch(CRASH);
    expect(run.stdout, argv[0]).not.toMatch(CRASH);
    runs.push({ command: argv[0]!, ...run });
  }
  return { dir, runs };
}

function expectConfigError(runs: { command: string; code: number; stderr: string }[], ...patterns: RegExp[]) {
  for (const run of runs) {
    expect(run.code, `${run.command}: ${run.stderr}`).toBe(2);
    for (const p of patterns) expect(run.stderr, run.command).toMatch(p);
  }
}

describe('configuration errors: exit 2, naming the configuration file, the line and the key', () => {
  it('an unknown top-level key, with a suggestion', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'patern: ["*/README.md"]\n' });
    expectConfigError(runs, /patternbook\.config\.yaml:1:1/, /unknown key `patern`/, /Did you mean `patterns`\?/);
  });

  it('a wrong type, in YAML and in JSON and in package.json', async () => {
    expectConfigError((await each({ 'patternbook.config.yaml': 'patterns: "*/README.md"\n' })).runs, /patternbook\.config\.yaml:1:\d+/, /`patterns`/, /expected array/);
    expectConfigError((await each({ 'patternbook.config.json': '{\n  "outDir": 7\n}\n' })).runs, /patternbook\.config\.json:2:\d+/, /`outDir`/, /expected string/);
    expectConfigError(
      (await each({ 'package.json': '{\n  "name": "x",\n  "patternbook": { "maxFileSize": "huge" }\n}\n' })).runs,
      /package\.json:3:\d+/,
      /`maxFileSize`/,
    );
  });

  it('several problems at once are all listed', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'maxFileSize: -3\nsite:\n  title: 5\n' });
    expectConfigError(runs, /patternbook\.config\.yaml:1:\d+: `maxFileSize`/, /patternbook\.config\.yaml:3:\d+: `site\.title`/);
  });

  it('a syntax error names the line', async () => {
    expectConfigError((await each({ 'patternbook.config.yaml': 'patterns: [*/README.md\n' })).runs, /patternbook\.config\.yaml:\d+:\d+/, /syntax/i);
    expectConfigError((await each({ 'patternbook.config.json': '{\n  "patterns": ["*/README.md"\n}\n' })).runs, /patternbook\.config\.json:\d+:\d+/);
  });

  it('a binary configuration file is a configuration error, not a crash', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': randomBytes(512) });
    for (const run of runs) expect(run.code, run.command).toBe(2);
  });

  it('an unknown rule and bad rule options name the rule', async () => {
    expectConfigError(
      (await each({ 'patternbook.config.yaml': 'rules:\n  no-such-rule: warn\n' })).runs,
      /patternbook\.config\.yaml/,
      /`rules\.no-such-rule`: unknown rule/,
    );
    expectConfigError((await each({ 'patternbook.config.yaml': 'rules:\n  link: [error, {bogus: 1}]\n' })).runs, /patternbook\.config\.yaml/, /`rules\.link`/, /bogus/);
  });

  // Before: a .json file was read as YAML, so this passed as a configuration with template `x`.
  it('a .json file with YAML syntax is a JSON syntax error at its line and column', async () => {
    const { runs } = await each({ 'patternbook.config.json': '{\n  template: x,\n}\n' });
    expectConfigError(runs, /patternbook\.config\.json:2:3: property names must be in double quotes in JSON: `"template"`/);
  });

  // Before: zod's error alone was reported; the unknown rule, its options and the glob only once it was fixed, and without a line.
  it('every problem of the file at once, each at its line: schema, unknown rule, rule options, override glob', async () => {
    const yaml =
      'maxFileSize: -3\nrules:\n  no-such-rule: warn\n  link: [error, { bogus: 1 }]\noverrides:\n  - files: ["/drafts/**"]\n    rules: { placeholder: warn }\n';
    const { runs } = await each({ 'patternbook.config.yaml': yaml });
    expectConfigError(
      runs,
      /patternbook\.config\.yaml:1:\d+: `maxFileSize`/,
      /patternbook\.config\.yaml:3:3: `rules\.no-such-rule`: unknown rule/,
      /patternbook\.config\.yaml:4:19: `rules\.link`: unknown option `bogus`\. Options of `link`: timeout, concurrency\./,
      /patternbook\.config\.yaml:6:13: `overrides\.0\.files\.0`: `\/drafts\/\*\*` is an absolute path/,
    );
  });

  // Before: picomatch's own TypeError ended lint and build as an internal error.
  it('a glob too long to compile is a configuration error naming the key', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': `overrides:\n  - files: ["${'a'.repeat(70_000)}"]\n    rules: { placeholder: warn }\n` });
    expectConfigError(runs, /patternbook\.config\.yaml:2:\d+: `overrides\.0\.files\.0`: `a+` is not a glob Patternbook can read/);
  });

  // Before: a package.json that did not parse was skipped, and the catalog was checked on defaults.
  it("a package.json broken inside its `patternbook` key: exit 2 at package.json's line", async () => {
    const { runs } = await each({ 'package.json': '{\n  "name": "x",\n  "patternbook": { "outDir": "site", }\n}\n' });
    expectConfigError(runs, /package\.json:3:36: a comma before `}`/);
  });

  // Allowed keys come from the schema itself, so every section (site, run, report…) lists and suggests them.
  it('an unknown key inside `site` lists the allowed keys and suggests `title`', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'site:\n  titel: x\n' });
    expectConfigError(runs, /patternbook\.config\.yaml:2:3/, /unknown key `titel` in `site`/, /Did you mean `title`\?/, /Allowed keys: [a-z]/);
  });

  // A rule set to a value that is not a severity lists the severities, not zod's "Invalid input".
  it('a rule set to a wrong severity lists the allowed severities', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'rules:\n  link: wrong\n' });
    expectConfigError(runs, /patternbook\.config\.yaml:2:\d+/, /`rules\.link`/, /off.*warn.*error/);
  });
});

describe('template problems', () => {
  it('a template that does not exist: exit 2, names the path and the `template` key', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'template: nope/missing.md\n' });
    expectConfigError(runs, /nope\/missing\.md/, /`template`/);
  });

  it('a template with no sections: exit 2, names the template', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'template: t.md\n', 't.md': 'just prose, no headings\n' });
    expectConfigError(runs, /t\.md/, /no section/i);
  });

  it('a binary template: exit 2, names the template', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'template: t.md\n', 't.md': Buffer.concat([Buffer.from([0xff, 0xfe, 0xfd]), randomBytes(256)]) });
    expectConfigError(runs, /t\.md/, /UTF-8/);
  });

  // NUL bytes are binary content: refused in a template as in a pattern.
  it('a template with NUL bytes (valid UTF-8, binary content): exit 2, names the template', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'template: t.md\n', 't.md': `${TEMPLATE}\0\0\0binary` });
    expectConfigError(runs, /t\.md/);
  });

  // With several catalogs or a --template flag, the message says where the template was chosen.
  it('a template error names the configuration file that set `template`', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'template: nope/missing.md\n' });
    expectConfigError(runs, /patternbook\.config\.yaml/);
  });

  // A folder is not a template: said plainly, naming the `template` key, no raw errno text.
  it('a template that is a folder: exit 2, a clear message naming the `template` key', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'template: p\n' });
    expectConfigError(runs, /`template`/);
    for (const run of runs) expect(run.stderr).not.toMatch(/EISDIR/);
  });
});

describe('a `patterns` glob that matches nothing', () => {
  it('is a warning naming the configuration file and the glob, and no command crashes', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'patterns: ["nothing/**/*.md"]\n' });
    for (const run of runs) {
      expect(run.code, run.command).toBe(0);
      expect(run.stdout + run.stderr, run.command).toMatch(/patternbook\.config\.yaml[\s\S]*No pattern files match `patterns` \(nothing\/\*\*\/\*\.md\)/);
    }
    const exp = runs.find((r) => r.command === 'export')!;
    expect((JSON.parse(exp.stdout) as { patterns: unknown[] }).patterns).toEqual([]);
  });

  it('an empty `patterns` list is a configuration error', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'patterns: []\n' });
    expectConfigError(runs, /patternbook\.config\.yaml:1:\d+/, /`patterns`/);
  });

  // Globs are matched against paths relative to the root: one that climbs out of it can match nothing, and says so.
  it('a glob that climbs out of the root (`../**/README.md`) is a configuration error naming the key', async () => {
    const { runs } = await each({ 'patternbook.config.yaml': 'patterns: ["../**/README.md", "*/README.md"]\n' });
    expectConfigError(runs, /patternbook\.config\.yaml:1:12: `patterns\.0`: `\.\.\/\*\*\/README\.md` climbs out of the catalog root/);
  });
});
