import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { fileResult as engineFileResult } from '../../src/lint/engine.js';
import { reporters } from '../../src/lint/reporters/index.js';
import { codeFrame } from '../../src/lint/reporters/stylish.js';
import type { LintFileResult, LintReport } from '../../src/lint/result.js';

// A catalog in a sub-folder of the repository, linted from the repository root,
// so "relative to cwd" and "relative to the root" differ and mix-ups show.
const CWD = path.resolve('/repo');
const ROOT = path.join(CWD, 'docs', 'patterns');
const ESC = '\u001b';

const RETRY_SOURCE = ['# Retry with Backoff', '', '> Retries a failing call, see [docs](./a,b.md).', '', '## Contex', '', 'Use <TODO> here.', ''].join('\n');

const BROKEN_LINK_MESSAGE = 'Broken link: ./a,b.md does not exist (100% sure)\nCheck the path';

/** 1-based line and column of the first `needle` in `source`, as the engine reports them. */
function at(source: string, needle: string): { line: number; column: number; offset: number } {
  const offset = source.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in source`);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1, offset };
}

function retryDiagnostics(source: string): Diagnostic[] {
  const link = at(source, '[docs]');
  const heading = at(source, '## Contex');
  const todo = at(source, '<TODO>');
  return [
    {
      path: 'retry/README.md',
      line: link.line,
      column: link.column,
      endLine: link.line,
      endColumn: link.column + '[docs](./a,b.md)'.length,
      ruleId: 'broken-link',
      severity: 'error',
      message: BROKEN_LINK_MESSAGE,
    },
    {
      path: 'retry/README.md',
      line: heading.line,
      column: 1,
      endLine: heading.line,
      endColumn: 10,
      ruleId: 'required-section',
      severity: 'error',
      message: 'Missing required section "Context"',
      url: 'https://patternbook.dev/rules/required-section',
      fix: { range: [heading.offset, heading.offset], text: '## Context\n\n<!-- Why. -->\n\n', toWrite: true },
    },
    {
      path: 'retry/README.md',
      line: todo.line,
      column: todo.column,
      endLine: todo.line,
      endColumn: todo.column + 6,
      ruleId: 'no-placeholder',
      severity: 'warning',
      message: 'Placeholder "<TODO>" left in',
      fix: { range: [todo.offset, todo.offset + 6], text: 'retries' },
    },
  ];
}

/** A file's result as the engine makes it, under the test's root. */
function fileResult(file: string, slug: string | undefined, diagnostics: Diagnostic[], source?: string): LintFileResult {
  return engineFileResult(file, path.join(ROOT, file), diagnostics, slug, source);
}

function makeReport(results: LintFileResult[]): LintReport {
  const sum = (key: 'errorCount' | 'warningCount' | 'fixableCount') => results.reduce((n, r) => n + r[key], 0);
  return {
    root: ROOT,
    results,
    errorCount: sum('errorCount'),
    warningCount: sum('warningCount'),
    fixableCount: sum('fixableCount'),
    rules: [
      { id: 'broken-link', description: 'Relative links point at files that exist.', severity: 'error', fixable: false },
      {
        id: 'no-placeholder',
        description: 'No template placeholder is left in.',
        severity: 'warning',
        fixable: true,
        url: 'https://patternbook.dev/rules/no-placeholder',
      },
      {
        id: 'required-section',
        description: 'Every required template section is present.',
        severity: 'error',
        fixable: false,
        url: 'https://patternbook.dev/rules/required-section',
      },
    ],
    version: '1.2.3',
  };
}

/** bulkhead is clean, retry has two errors and a fixable warning, saga could not be read (a rule id not in `rules`). */
function sampleReport(retrySource = RETRY_SOURCE): LintReport {
  return makeReport([
    fileResult('bulkhead/README.md', 'bulkhead', [], '# Bulkhead\n'),
    fileResult('retry/README.md', 'retry', retryDiagnostics(retrySource), retrySource),
    fileResult('saga/README.md', undefined, [
      { path: 'saga/README.md', line: 1, column: 1, ruleId: 'file-read', severity: 'error', message: 'Cannot read file: EACCES, permission denied', fatal: true },
    ]),
  ]);
}

const plain = { color: false, cwd: CWD };

describe('stylish reporter', () => {
  const output = reporters.stylish(sampleReport(), plain);
  const lines = output.split('\n');

  it('groups diagnostics under file paths relative to cwd and leaves clean files out', () => {
    expect(lines[0]).toBe('docs/patterns/retry/README.md');
    expect(output).toContain('\n\ndocs/patterns/saga/README.md\n  1:1  error    Cannot read file: EACCES, permission denied  file-read\n\n✖');
    expect(output).not.toContain('bulkhead');
  });

  it('aligns position, severity, message and rule id in columns', () => {
    const rows = lines.slice(0, lines.indexOf('')).filter((l) => /^ {2}\s*\d+:\d+/.test(l));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.search(/error|warning/))).size).toBe(1);
    const ruleColumns = rows.map((r, i) => r.indexOf(['broken-link', 'required-section', 'no-placeholder'][i] ?? '?'));
    expect(new Set(ruleColumns).size).toBe(1);
    // Colons of line:column line up although line numbers have different widths.
    expect(new Set(rows.map((r) => r.indexOf(':'))).size).toBe(1);
    expect(rows[2]).toMatch(/^ {2}7:5 {3}warning {2}Placeholder "<TODO>" left in {3,}no-placeholder$/);
  });

  it('puts a message with line breaks on one row', () => {
    expect(output).toContain('Broken link: ./a,b.md does not exist (100% sure) Check the path');
  });

  it('shows the source line with a caret under the column and tildes under the range', () => {
    const frame = (needle: string) => {
      const i = lines.findIndex((l) => l.includes(`| ${needle}`));
      return { source: lines[i]!, marker: lines[i + 1]! };
    };
    const link = frame('> Retries');
    expect(link.marker.indexOf('^')).toBe(link.source.indexOf('[docs]'));
    expect(link.marker.slice(link.marker.indexOf('^'))).toBe(`^${'~'.repeat('[docs](./a,b.md)'.length - 1)}`);
    const todo = frame('Use <TODO>');
    expect(todo.marker.indexOf('^')).toBe(todo.source.indexOf('<TODO>'));
    expect(todo.marker.slice(todo.marker.indexOf('^'))).toBe('^~~~~~');
    const heading = frame('## Contex');
    expect(heading.marker.slice(heading.marker.indexOf('^'))).toBe('^~~~~~~~~');
    expect(heading.marker.indexOf('^')).toBe(heading.source.indexOf('##'));
  });

  it('prints no frame for a file that could not be read', () => {
    const saga = lines.slice(lines.indexOf('docs/patterns/saga/README.md'));
    expect(saga[2]).toBe('');
  });

  it('keeps the caret right after tabs and in the middle of a very long line', () => {
    const tabbed = codeFrame('\t\tvalue <TODO>', { line: 1, column: 9 });
    expect(tabbed.text).toBe('        value <TODO>');
    expect(tabbed.marker).toBe(`${' '.repeat(14)}^`);

    const long = `${'x'.repeat(250)}TARGET${'y'.repeat(250)}`;
    const frame = codeFrame(long, { line: 1, column: 251, endLine: 1, endColumn: 257 });
    expect(frame.text.length).toBeLessThanOrEqual(102);
    expect(frame.text.startsWith('…') && frame.text.endsWith('…')).toBe(true);
    expect(frame.text.slice(frame.marker.indexOf('^'), frame.marker.indexOf('^') + 6)).toBe('TARGET');
    expect(frame.marker.trim()).toBe('^~~~~~');
  });

  it('ends with a summary of the counts and what --fix can fix', () => {
    expect(lines.at(-1)).toBe('✖ 4 problems (3 errors, 1 warning), 1 fixable with --fix, 1 missing section --fix inserts for you to write');
    const oneWarning = makeReport([fileResult('a.md', 'a', [{ path: 'a.md', line: 1, column: 1, ruleId: 'x', severity: 'warning', message: 'm' }])]);
    expect(reporters.stylish(oneWarning, plain).split('\n').at(-1)).toBe('✖ 1 problem (0 errors, 1 warning)');
    // A missing section --fix inserts for the author to write is said apart, not counted as fixable.
    const toWrite = makeReport([
      fileResult('a.md', 'a', [
        { path: 'a.md', line: 3, column: 1, ruleId: 'required-section', severity: 'error', message: 'm', fix: { range: [9, 9], text: '## Usage\n\n', toWrite: true } },
        { path: 'a.md', line: 5, column: 1, ruleId: 'section-name', severity: 'warning', message: 'm', fix: { range: [20, 27], text: '## Notes' } },
      ]),
    ]);
    expect(reporters.stylish(toWrite, plain).split('\n').at(-1)).toBe(
      '✖ 2 problems (1 error, 1 warning), 1 fixable with --fix, 1 missing section --fix inserts for you to write',
    );
    expect(JSON.parse(reporters.json(toWrite, plain)).results[0].diagnostics[0].fix.toWrite).toBe(true);
  });

  it('says so when there are no problems', () => {
    const clean = makeReport([fileResult('a/README.md', 'a', [], '# A\n'), fileResult('b/README.md', 'b', [], '# B\n')]);
    expect(reporters.stylish(clean, plain)).toBe('✔ No problems in 2 files');
    expect(reporters.stylish(makeReport([fileResult('a.md', 'a', [])]), plain)).toBe('✔ No problems in 1 file');
  });

  it('colours only when asked: red errors, yellow warnings, bold paths, dim rule ids', () => {
    expect(output).not.toContain(ESC);
    const colored = reporters.stylish(sampleReport(), { color: true, cwd: CWD });
    expect(colored).toContain(`${ESC}[1mdocs/patterns/retry/README.md${ESC}[22m`);
    expect(colored).toContain(`${ESC}[31merror${ESC}[39m`);
    expect(colored).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(colored).toContain(`${ESC}[2mrequired-section${ESC}[22m`);
    // Same text once the codes are taken out.
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(output);
  });

  it('does not pass control characters from the file through to the terminal', () => {
    const source = 'evil \u001b[2J line\n';
    const report = makeReport([fileResult('e.md', 'e', [{ path: 'e.md', line: 1, column: 6, ruleId: 'x', severity: 'error', message: 'quoted \u001b[2J' }], source)]);
    expect(reporters.stylish(report, plain)).not.toContain(ESC);
  });
});

describe('json reporter', () => {
  const report = sampleReport();
  const parsed = JSON.parse(reporters.json(report, plain)) as Record<string, unknown> & { results: Record<string, unknown>[] };

  it('has the report counts and one entry per file, in a stable key order', () => {
    expect(Object.keys(parsed)).toEqual(['version', 'root', 'errorCount', 'warningCount', 'fixableCount', 'toWriteCount', 'results']);
    // (A missing section `--fix` inserts for the author to write is counted apart: it is not fixed by it.)
    expect([parsed.version, parsed.root, parsed.errorCount, parsed.warningCount, parsed.fixableCount, parsed.toWriteCount]).toEqual(['1.2.3', ROOT, 3, 1, 1, 1]);
    expect(parsed.results.map((r) => [r.file, r.slug, r.errorCount, r.warningCount, r.fixableCount, r.toWriteCount])).toEqual([
      ['bulkhead/README.md', 'bulkhead', 0, 0, 0, 0],
      ['retry/README.md', 'retry', 2, 1, 1, 1],
      ['saga/README.md', undefined, 1, 0, 0, 0],
    ]);
    expect(Object.keys(parsed.results[1]!)).toEqual(['file', 'slug', 'errorCount', 'warningCount', 'fixableCount', 'toWriteCount', 'diagnostics']);
  });

  it('round-trips the diagnostics and leaves out the source and absolute paths', () => {
    // The written format names each file relative to the root under `file` (the model's `path`).
    expect(parsed.results.map((r) => r.diagnostics)).toEqual(report.results.map((r) => r.diagnostics.map(({ path: file, ...d }) => ({ file, ...d }))));
    const text = reporters.json(report, plain);
    expect(text).not.toContain('"source"');
    expect(text).not.toContain('"path"');
    expect(text.split(ROOT)).toHaveLength(2);
    expect(text).toMatch(/^\{\n {2}"version"/);
  });
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  partialFingerprints: { primaryLocationLineHash: string };
  fixes?: { artifactChanges: { replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[] }[] }[];
}

describe('sarif reporter', () => {
  const sarifOf = (report: LintReport) => JSON.parse(reporters.sarif(report, plain)) as SarifLog;
  const log = sarifOf(sampleReport());
  const run = log.runs[0]!;
  const byRule = (id: string) => run.results.find((r) => r.ruleId === id)!;

  it('is SARIF 2.1.0 with the patternbook driver', () => {
    expect([log.$schema, log.version, log.runs.length]).toEqual(['https://json.schemastore.org/sarif-2.1.0.json', '2.1.0', 1]);
    expect(run.tool.driver).toMatchObject({ name: 'patternbook', version: '1.2.3', informationUri: 'https://github.com/patternbook/patternbook' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });

  it('describes every rule a result uses, including ids that are not lint rules', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(['broken-link', 'no-placeholder', 'required-section', 'file-read']);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(run.tool.driver.rules[2]).toEqual({
      id: 'required-section',
      name: 'RequiredSection',
      shortDescription: { text: 'Every required template section is present.' },
      fullDescription: { text: 'Every required template section is present.' },
      helpUri: 'https://patternbook.dev/rules/required-section',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['patternbook'] },
    });
    expect(run.tool.driver.rules[0]).not.toHaveProperty('helpUri');
    expect(run.tool.driver.rules[3]).toMatchObject({
      name: 'FileRead',
      shortDescription: { text: 'Patternbook could not load or check the file' },
      defaultConfiguration: { level: 'error' },
    });
  });

  it('maps levels, messages and regions', () => {
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['broken-link', 'error'],
      ['required-section', 'error'],
      ['no-placeholder', 'warning'],
      ['file-read', 'error'],
    ]);
    expect(byRule('broken-link').message.text).toBe(BROKEN_LINK_MESSAGE);
    expect(byRule('required-section').locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/patterns/retry/README.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 10 },
    });
    expect(byRule('file-read').locations[0]!.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    const info = makeReport([fileResult('a.md', 'a', [{ path: 'a.md', line: 2, column: 3, ruleId: 'hint', severity: 'info', message: 'm' }])]);
    expect(sarifOf(info).runs[0]!.results[0]!.level).toBe('note');
    expect(sarifOf(info).runs[0]!.tool.driver.rules[3]!.defaultConfiguration.level).toBe('note');
  });

  it('gives fixable results a fix as a character replacement', () => {
    const todo = RETRY_SOURCE.indexOf('<TODO>');
    expect(byRule('no-placeholder').fixes?.[0]?.artifactChanges[0]?.replacements).toEqual([
      { deletedRegion: { charOffset: todo, charLength: 6 }, insertedContent: { text: 'retries' } },
    ]);
    expect(byRule('broken-link')).not.toHaveProperty('fixes');
  });

  it('fingerprints results stably, distinctly, and independently of line numbers', () => {
    const hashes = run.results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{16}:1$/);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(sarifOf(sampleReport()).runs[0]!.results.map((r) => r.partialFingerprints.primaryLocationLineHash)).toEqual(hashes);

    // Two lines added at the top: every line number changes, no fingerprint does.
    const moved = sarifOf(sampleReport(`<!-- moved -->\n\n${RETRY_SOURCE}`)).runs[0]!.results;
    expect(moved.find((r) => r.ruleId === 'required-section')!.locations[0]!.physicalLocation.region.startLine).toBe(7);
    expect(moved.map((r) => r.partialFingerprints.primaryLocationLineHash)).toEqual(hashes);
  });

  it('tells apart the same rule on identical lines', () => {
    const source = 'TODO\nTODO\n';
    const twice = makeReport([
      fileResult(
        'a.md',
        'a',
        [1, 2].map((line) => ({ path: 'a.md', line, column: 1, ruleId: 'no-placeholder', severity: 'warning' as const, message: 'm' })),
        source,
      ),
    ]);
    const [first, second] = sarifOf(twice).runs[0]!.results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(first).not.toBe(second);
  });

  it('gives URIs relative to where it ran (the repository root in CI), percent-encoded, absolute outside it', () => {
    const report = makeReport([
      fileResult('my pattern/README.md', 'my-pattern', [{ path: 'my pattern/README.md', line: 1, column: 1, ruleId: 'x', severity: 'error', message: 'm' }]),
      fileResult('../patternbook.yaml', undefined, [{ path: '../patternbook.yaml', line: 1, column: 1, ruleId: 'config', severity: 'error', message: 'm' }]),
      fileResult('../../../elsewhere/x.md', undefined, [{ path: '../../../elsewhere/x.md', line: 1, column: 1, ruleId: 'config', severity: 'error', message: 'm' }]),
    ]);
    const locations = sarifOf(report).runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(locations).toEqual([
      { uri: 'docs/patterns/my%20pattern/README.md', uriBaseId: '%SRCROOT%' },
      { uri: 'docs/patternbook.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/x.md' },
    ]);
  });

  // The official schema ships in @microsoft/jest-sarif, whose dependency ajv validates it.
  // Neither is a dependency of Patternbook, so the check runs only where someone installed them.
  const schemaFile = path.join(fileURLToPath(new URL('../../', import.meta.url)), 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = loadAjv();
  const canValidate = existsSync(schemaFile) && ajv !== undefined;
  const title = canValidate
    ? 'validates against the official SARIF 2.1.0 JSON schema'
    : 'validates against the official SARIF 2.1.0 JSON schema — SKIPPED: `npm install --no-save @microsoft/jest-sarif` to run it';
  it.skipIf(!canValidate)(title, () => {
    const Ajv = ajv!;
    // The schema is draft-04 (`id`, not `$id`); ajv 6 reads that with schemaId 'auto'.
    const validator = new Ajv({ allErrors: true, schemaId: 'auto', validateSchema: false, logger: false });
    const validate = validator.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    const log = JSON.parse(reporters.sarif(sampleReport(), plain)) as SarifLog;
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject what the schema forbids, so the pass above means something.
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });
});

type AjvConstructor = new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null } };

function loadAjv(): AjvConstructor | undefined {
  try {
    const required = createRequire(import.meta.url)('ajv') as AjvConstructor | { default: AjvConstructor };
    return 'default' in required ? required.default : required;
  } catch {
    return undefined;
  }
}

describe('github reporter', () => {
  const lines = reporters.github(sampleReport(), plain).split('\n');

  it('prints one workflow command per diagnostic with paths relative to cwd', () => {
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('::error file=docs/patterns/retry/README.md,line=5,col=1,endLine=5,endColumn=10,title=required-section::Missing required section "Context"');
    expect(lines[2]).toBe('::warning file=docs/patterns/retry/README.md,line=7,col=5,endLine=7,endColumn=11,title=no-placeholder::Placeholder "<TODO>" left in');
    expect(lines[3]).toBe('::error file=docs/patterns/saga/README.md,line=1,col=1,title=file-read::Cannot read file: EACCES, permission denied');
  });

  it('escapes % and line breaks in messages, and also : and , in properties', () => {
    expect(lines[0]).toBe(
      '::error file=docs/patterns/retry/README.md,line=3,col=31,endLine=3,endColumn=47,title=broken-link::Broken link: ./a,b.md does not exist (100%25 sure)%0ACheck the path',
    );
    const odd = makeReport([fileResult('a:b,c%.md', 'x', [{ path: 'a:b,c%.md', line: 1, column: 1, ruleId: 'r:1,2', severity: 'info', message: 'one\r\ntwo' }])]);
    expect(reporters.github(odd, plain)).toBe('::notice file=docs/patterns/a%3Ab%2Cc%25.md,line=1,col=1,title=r%3A1%2C2::one%0D%0Atwo');
  });

  it('prints nothing for a clean report', () => {
    expect(reporters.github(makeReport([fileResult('a.md', 'a', [])]), plain)).toBe('');
  });
});

describe('junit reporter', () => {
  const xml = reporters.junit(sampleReport(), plain);

  it('is well-formed: declaration, one root, balanced tags', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuite ')).toBe(true);
    expect(xml.endsWith('</testsuite>')).toBe(true);
    expect(isBalanced(xml)).toBe(true);
    // Outside tags, `<` and `&` only start markup or entity references.
    expect(xml.replace(/<[^>]*>/g, '')).not.toMatch(/<|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
  });

  it('counts files as tests and files with problems as failures', () => {
    expect(xml).toContain('<testsuite name="patternbook" tests="3" failures="2" errors="0">');
    expect(xml).toContain('<testcase classname="patternbook.bulkhead" name="bulkhead/README.md"/>');
    expect(xml).toContain('<testcase classname="patternbook.saga/README.md" name="saga/README.md">');
    expect(xml.match(/<failure /g)).toHaveLength(4);
  });

  it('writes one failure per diagnostic, marking warnings and escaping text', () => {
    expect(xml).toContain(
      '<failure message="[warning] Placeholder &quot;&lt;TODO&gt;&quot; left in" type="no-placeholder">retry/README.md:7:5 Placeholder "&lt;TODO&gt;" left in</failure>',
    );
    expect(xml).toContain('<failure message="Broken link: ./a,b.md does not exist (100% sure)&#10;Check the path" type="broken-link">');
    expect(xml).toContain(
      '<failure message="Missing required section &quot;Context&quot;" type="required-section">retry/README.md:5:1 Missing required section "Context"</failure>',
    );
  });

  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    const nasty = makeReport([
      fileResult('a.md', 'a', [
        { path: 'a.md', line: 1, column: 1, ruleId: 'x', severity: 'error', message: `Tom & Jerry's <b>"bold"</b>\u0000\u0007\u000b\uFFFF\uD800 end` },
      ]),
    ]);
    const out = reporters.junit(nasty, plain);
    expect(out).toContain('message="Tom &amp; Jerry&apos;s &lt;b&gt;&quot;bold&quot;&lt;/b&gt; end"');
    expect(out).toContain('>a.md:1:1 Tom &amp; Jerry\'s &lt;b&gt;"bold"&lt;/b&gt; end</failure>');
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/);
    expect(isBalanced(out)).toBe(true);
  });
});

/** Start and end tags nest properly (enough for this generator's output, which has no comments or CDATA). */
function isBalanced(xml: string): boolean {
  const open: string[] = [];
  for (const [tag, closing, name, selfClosing] of xml.matchAll(/<(\/?)([A-Za-z][\w.-]*)(?:\s+[\w:-]+="[^"<]*")*\s*(\/?)>/g)) {
    if (tag.startsWith('<?')) continue;
    if (selfClosing) continue;
    if (closing) {
      if (open.pop() !== name) return false;
    } else open.push(name!);
  }
  const stripped = xml.replace(/^<\?xml[^>]*\?>/, '').replace(/<(\/?)([A-Za-z][\w.-]*)(?:\s+[\w:-]+="[^"<]*")*\s*(\/?)>/g, '');
  return open.length === 0 && !/[<>]/.test(stripped);
}
