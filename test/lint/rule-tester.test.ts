import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// Imported from the library's entry point, as a custom rule's author would.
import { checkRule, testRule, defineCatalogRule, defineRule, type RuleTests, type TestFramework } from '../../src/index.js';
import type { Fix } from '../../src/diagnostics.js';

/**
 * Reports a heading followed at once by text; fixable: a blank line goes in
 * between (an insertion, which keeps every line of the author's text — the
 * only kind of fix `lint --fix` writes).
 */
const blankAfterHeading = defineRule({
  meta: { id: 'blank-after-heading', description: 'A blank line after each heading.', severity: 'warning', fixable: true },
  check({ pattern, report }) {
    const { lines } = pattern.document;
    for (const h of pattern.document.headings) {
      const line = h.range.end.line;
      if (line < lines.lineCount && lines.lineText(line + 1).trim() !== '') {
        const end = lines.lineEnd(line);
        report({ message: 'Leave a blank line after the heading.', range: h.range, fix: { range: [end, end], text: '\n' } });
      }
    }
  },
});

/** A rule that reports a file with `odd` (and no `even`) as `shape` says (fixes, a line), to see what the tester lets through. */
function oddRule(shape: (source: string) => { line?: number; fix?: Fix; fixes?: Fix[] }, fixable = true) {
  return defineRule({
    meta: { id: 'odd', description: 'Reports oddly.', severity: 'error', fixable },
    check({ pattern, report }) {
      const source = pattern.document.source;
      if (!source.includes('odd') || source.includes('even')) return;
      const { line, fix, fixes } = shape(source);
      // Each report its own message: the engine says a problem (same span, same message) once.
      (fixes ?? [fix]).forEach((f, i) => report({ message: i === 0 ? 'Odd.' : `Odd ${i + 1}.`, line: line ?? 1, ...(f ? { fix: f } : {}) }));
    },
  });
}

const PATTERN = '# Saga\n\n> Keeps data consistent.\n\n## Overview\nText.\n';
const FIXED = PATTERN.replace('## Overview\n', '## Overview\n\n');
const ERROR = { message: 'Leave a blank line after the heading.', line: 5, column: 1 };

async function failure(promise: Promise<void>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the rule test passed; it should have failed');
}

describe('checkRule', () => {
  it('passes when every invalid case reports exactly its errors and fixes to its output, and every valid case reports nothing', async () => {
    await checkRule(blankAfterHeading, {
      valid: ['# Saga\n\n> Keeps data consistent.\n', { text: FIXED, name: 'spaced' }],
      invalid: [
        { text: PATTERN, errors: [{ ...ERROR, endLine: 5, endColumn: 12, severity: 'warning' }], output: FIXED },
        {
          text: '# Saga\n> Keeps data consistent.\n\n## Overview\nText.\n',
          errors: [
            { message: 'Leave a blank line after the heading.', line: 1, column: 1 },
            { message: 'Leave a blank line after the heading.', line: 4, column: 1 },
          ],
          output: '# Saga\n\n> Keeps data consistent.\n\n## Overview\n\nText.\n',
        },
      ],
    });
  });

  it('fails when an expected error is missing, or one is reported that the case does not list', async () => {
    const missing = await failure(
      checkRule(blankAfterHeading, {
        valid: [],
        invalid: [{ text: PATTERN, errors: [ERROR, { ...ERROR, line: 6 }], output: FIXED }],
      }),
    );
    expect(missing).toContain('the reported errors are not `errors` (2 expected, 1 reported):\n5:1 Leave a blank line after the heading.');

    const extra = await failure(
      checkRule(blankAfterHeading, { valid: [], invalid: [{ text: `${PATTERN}\n## Notes\nMore.\n`, errors: [ERROR], output: `${FIXED}\n## Notes\n\nMore.\n` }] }),
    );
    expect(extra).toContain(
      'the reported errors are not `errors` (1 expected, 2 reported):\n5:1 Leave a blank line after the heading.\n8:1 Leave a blank line after the heading.',
    );

    const valid = await failure(checkRule(blankAfterHeading, { valid: [PATTERN], invalid: [] }));
    expect(valid).toContain('valid #1 # Saga: the rule reported 1 error(s) on a valid case:\n5:1 Leave a blank line after the heading.');
  });

  it('fails on a wrong message, line, column, end or severity', async () => {
    const right = { ...ERROR, endLine: 5, endColumn: 12, severity: 'warning' as const };
    await checkRule(blankAfterHeading, { valid: [], invalid: [{ text: PATTERN, errors: [right], output: FIXED }] });
    for (const wrong of [{ message: 'Leave a blank line.' }, { line: 6 }, { column: 2 }, { endColumn: 11 }, { endLine: 6 }, { severity: 'error' as const }]) {
      const message = await failure(checkRule(blankAfterHeading, { valid: [], invalid: [{ text: PATTERN, errors: [{ ...right, ...wrong }], output: FIXED }] }));
      expect(message, JSON.stringify(wrong)).toContain('the reported errors are not `errors` (1 expected, 1 reported)');
    }
    // An invalid case must list what it expects.
    expect(await failure(checkRule(blankAfterHeading, { valid: [], invalid: [{ text: PATTERN, errors: [] }] }))).toContain('`errors` is empty');
  });

  it('fails when the fixed text differs from `output`, when a fix is offered but no `output` given, and the other way round', async () => {
    const errors = [ERROR];
    expect(await failure(checkRule(blankAfterHeading, { valid: [], invalid: [{ text: PATTERN, errors, output: `${FIXED}\n` }] }))).toContain(
      'the fixed text is not `output`.',
    );
    expect(await failure(checkRule(blankAfterHeading, { valid: [], invalid: [{ text: PATTERN, errors }] }))).toContain(
      'the rule offered 1 fix(es); give the fixed text as `output`',
    );
    expect(await failure(checkRule(blankAfterHeading, { valid: [], invalid: [{ text: PATTERN, errors, output: null }] }))).toContain('the rule offered 1 fix(es)');
    const noFix = oddRule(() => ({}));
    expect(await failure(checkRule(noFix, { valid: [], invalid: [{ text: 'odd\n', errors: [{ message: 'Odd.', line: 1, column: 1 }], output: 'even\n' }] }))).toContain(
      '`output` is given but the rule offered no fix.',
    );
  });

  it('fails on a fix from a rule not marked fixable (which lint would drop quietly)', async () => {
    const rule = oddRule(() => ({ fix: { range: [0, 3], text: 'even' } }), false);
    const message = await failure(checkRule(rule, { valid: [], invalid: [{ text: 'odd\n', errors: [{ message: 'Odd.', line: 1, column: 1 }] }] }));
    expect(message).toContain('Rule `odd` reported a fix but is not marked `fixable`.');
  });

  it('fails on overlapping fixes (which lint --fix would spread over several passes)', async () => {
    const rule = oddRule(() => ({
      fixes: [
        { range: [0, 3], text: 'even' },
        { range: [1, 2], text: 'D' },
      ],
    }));
    const message = await failure(
      checkRule(rule, {
        valid: [],
        invalid: [
          {
            text: 'odd\n',
            errors: [
              { message: 'Odd.', line: 1, column: 1 },
              { message: 'Odd 2.', line: 1, column: 1 },
            ],
            output: 'even\n',
          },
        ],
      }),
    );
    expect(message).toContain("1 of the rule's 2 fixes overlap another fix");
    // Two insertions at one place do not overlap: both are kept, in order.
    const inserts = oddRule(() => ({
      fixes: [
        { range: [4, 4], text: 'even\n' },
        { range: [4, 4], text: 'more\n' },
      ],
    }));
    await checkRule(inserts, {
      valid: [],
      invalid: [
        {
          text: 'odd\n',
          errors: [
            { message: 'Odd.', line: 1, column: 1 },
            { message: 'Odd 2.', line: 1, column: 1 },
          ],
          output: 'odd\neven\nmore\n',
        },
      ],
    });
  });

  it('fails on a fix or a line outside the file', async () => {
    const outside = oddRule(() => ({ fix: { range: [2, 99], text: '' } }));
    expect(await failure(checkRule(outside, { valid: [], invalid: [{ text: 'odd\n', errors: [{ message: 'Odd.', line: 1, column: 1 }] }] }))).toContain(
      'Rule `odd` reported a fix outside the file ([2,99]).',
    );
    const below = oddRule(() => ({ line: 40 }));
    expect(await failure(checkRule(below, { valid: [], invalid: [{ text: 'odd\n', errors: [{ message: 'Odd.', line: 2, column: 1 }] }] }))).toContain(
      'Rule `odd` reported line 40, outside the file (1–2).',
    );
  });

  it('fails on a fix that does not fix: the fixed text still reports it', async () => {
    const stubborn = oddRule((source) => ({ fix: { range: [source.length, source.length], text: 'still odd\n' } }));
    const message = await failure(
      checkRule(stubborn, { valid: [], invalid: [{ text: 'odd\n', errors: [{ message: 'Odd.', line: 1, column: 1 }], output: 'odd\nstill odd\n' }] }),
    );
    expect(message).toContain('the fixed text still has what was fixed:\n1:1 Odd.');
  });

  it("fails on a fix that drops a line of the author's text, or changes nothing", async () => {
    const dropping = oddRule((source) => ({ fix: { range: [0, source.length], text: 'even\n' } }));
    expect(
      await failure(checkRule(dropping, { valid: [], invalid: [{ text: 'odd\nmine\n', errors: [{ message: 'Odd.', line: 1, column: 1 }], output: 'even\n' }] })),
    ).toContain('the fixes drop the author\'s line "odd"');
    const idle = oddRule(() => ({ fix: { range: [0, 3], text: 'odd' } }));
    expect(await failure(checkRule(idle, { valid: [], invalid: [{ text: 'odd\n', errors: [{ message: 'Odd.', line: 1, column: 1 }], output: 'odd\n' }] }))).toContain(
      'the fixes leave the text as it was.',
    );
  });

  it('fails when the rule crashes', async () => {
    const crashing = defineRule({
      meta: { id: 'crashing', description: 'Throws.', severity: 'error', fixable: false },
      check() {
        throw new TypeError('cannot read x of undefined');
      },
    });
    expect(await failure(checkRule(crashing, { valid: ['# Saga\n'], invalid: [] }))).toContain('Rule `crashing` crashed on this file (cannot read x of undefined)');
  });

  it('lists every failing case by name', async () => {
    const message = await failure(
      checkRule(blankAfterHeading, { valid: [{ text: PATTERN, name: 'first' }, 'fine\n', { text: '## Third\nText.\n', name: 'third' }], invalid: [] }),
    );
    expect(message).toMatch(/^blank-after-heading: 2 case\(s\) failed\n\nvalid #1 first: [\s\S]*\n\nvalid #3 third: /);
  });

  it('gives the rule its options, the template, the configuration and the flags', async () => {
    const minimum = defineRule({
      meta: { id: 'min-sections', description: 'Enough sections.', severity: 'warning', fixable: false, options: z.strictObject({ min: z.number().default(1) }) },
      check({ pattern, options, template, flags, report }) {
        const n = pattern.document.sections.length;
        if (n < options.min) report({ message: `${n} of ${options.min} sections (template has ${template.sections.length}, ${flags.now.getUTCFullYear()}).` });
      },
    });
    const template = '# [Pattern Title]\n\n## One\n\nDescribe it.\n\n## Two\n\nDescribe it.\n';
    await checkRule(minimum, {
      template,
      flags: { now: new Date('2031-05-01T00:00:00Z') },
      valid: ['# A\n\n## One\n\nText.\n', { text: '# A\n\n## One\n\nText.\n', options: { min: 1 } }],
      invalid: [
        {
          text: '# A\n\n## One\n\nText.\n',
          options: { min: 3 },
          errors: [{ message: '1 of 3 sections (template has 2, 2031).', line: 1, column: 1, severity: 'warning' }],
        },
      ],
    });
    // A bad option is the configuration's error, said as such.
    expect(await failure(checkRule(minimum, { valid: [{ text: '# A\n', options: { min: 'many' } }], invalid: [] }))).toContain('min');
  });

  it('materialises the other files of the catalog for catalog rules, and removes the folder afterwards', async () => {
    const roots: string[] = [];
    const knownTitles = defineCatalogRule({
      meta: { id: 'known-titles', description: 'Titles differ.', severity: 'error', fixable: false, scope: 'catalog' },
      check({ pattern, catalog, report }) {
        roots.push(catalog.root);
        const twin = catalog.patterns.find((p) => p !== pattern && p.title?.text === pattern.title?.text);
        if (twin) report({ message: `Same title as ${twin.path}.`, line: 1 });
      },
    });
    const diskFile = defineRule({
      meta: { id: 'needs-diagram', description: 'Has its diagram.', severity: 'error', fixable: false },
      check({ pattern, files, report }) {
        roots.push(pattern.dir);
        if (!files.stat(`${pattern.dir}/diagram.png`)) report({ message: 'No diagram.png beside the pattern.', line: 1 });
      },
    });
    const tests: RuleTests = {
      files: { 'other/README.md': '# Saga\n\n> Another one.\n' },
      valid: [{ text: '# Outbox\n\n> Writes events.\n' }],
      invalid: [{ text: '# Saga\n\n> Keeps data consistent.\n', errors: [{ message: 'Same title as other/README.md.', line: 1, column: 1 }] }],
    };
    await checkRule(knownTitles, tests);
    await checkRule(diskFile, {
      valid: [{ text: '# A\n', files: { 'example/diagram.png': 'png' } }],
      invalid: [{ text: '# A\n', errors: [{ message: 'No diagram.png beside the pattern.', line: 1, column: 1 }] }],
    });
    expect(roots.length).toBeGreaterThan(3);
    for (const root of roots) expect(existsSync(root), root).toBe(false);
  });

  it('says when the case is not a pattern of the catalog', async () => {
    expect(await failure(checkRule(blankAfterHeading, { config: { patterns: ['patterns/**/*.md'] }, valid: ['fine\n'], invalid: [] }))).toContain(
      '`example/README.md` was not linted',
    );
  });
});

describe('testRule', () => {
  it('registers one test per case under the rule id with the framework given, each passing or failing as checkRule does', async () => {
    const registered: { name: string; body: () => Promise<void> }[] = [];
    const path: string[] = [];
    const framework: TestFramework = {
      describe: (name, body) => {
        path.push(name);
        body();
        path.pop();
      },
      it: (name, body) => void registered.push({ name: [...path, name].join(' > '), body }),
    };
    testRule(blankAfterHeading, { valid: ['fine\n', { text: PATTERN, name: 'not fine' }], invalid: [{ text: PATTERN, errors: [ERROR], output: FIXED }] }, framework);
    expect(registered.map((r) => r.name)).toEqual([
      'blank-after-heading > valid > #1 fine',
      'blank-after-heading > valid > #2 not fine',
      'blank-after-heading > invalid > #1 # Saga',
    ]);
    await registered[0]!.body();
    await expect(registered[1]!.body()).rejects.toThrow('the rule reported 1 error(s) on a valid case');
    await registered[2]!.body();
  });

  it('without a framework given or global, says how to plug one in', () => {
    expect(() => testRule(blankAfterHeading, { valid: ['fine\n'], invalid: [] })).toThrow(/pass `\{ describe, it \}`.*or call `await checkRule\(rule, tests\)`/);
  });
});

// The tester plugged into vitest, as a rule's own test file uses it.
testRule(
  blankAfterHeading,
  {
    valid: ['# Saga\n\nText.\n'],
    invalid: [{ text: '# Saga\nText.\n', errors: [{ message: 'Leave a blank line after the heading.', line: 1, column: 1 }], output: '# Saga\n\nText.\n' }],
  },
  { describe, it },
);
