import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/document.js';
import { headingMatcher, headingShape, shapeText } from '../../src/template/heading-shape.js';
import { templateFromSource } from '../../src/template/load-template.js';
import { matchOutline } from '../../src/template/match-outline.js';
import { foldHeading } from '../../src/template/normalize.js';
import { outline } from '../helpers.js';

/** A parsed document (the texts here have no front matter to fail on). */
const parse = (text: string) => {
  const parsed = parseMarkdown(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.document;
};

const fits = (template: string, heading: string, title = false) => headingMatcher(headingShape(template, { title })).test(foldHeading(heading));
const parts = (template: string, title = false) => headingShape(template, { title }).parts.map((p) => `${p.syntax}:${p.written}`);

describe('headingShape: the variable parts of a template heading', () => {
  it('reads every way templates mark a placeholder', () => {
    expect(parts('Use [Tool Name] for {purpose}')).toEqual(['brackets:[Tool Name]', 'braces:{purpose}']);
    expect(parts('<name of the flow> and <<explain>>')).toEqual(['angles:<name of the flow>', 'angles:<<explain>>']);
    expect(parts('`Subject` Field Guide')).toEqual(['code:`Subject`']);
    expect(parts('Entry YYYY-MM-DD by XXX for PATTERN_NAME')).toEqual(['caps:YYYY-MM-DD', 'caps:XXX', 'caps:PATTERN_NAME']);
    expect(parts('RFC-NNNN: Your one-line title', true)).toEqual(['caps:NNNN', 'phrase:Your one-line title']);
    // Two letters that stand for a number (`NN`, `XX`) too; a numeral (`Phase II`) or an acronym is a word.
    expect(parts('Practice: NN')).toEqual(['caps:NN']);
    expect(parts('Step XX of the rollout')).toEqual(['caps:XX']);
    expect(parts('Phase II for AA cells')).toEqual([]);
  });

  it('keeps acronyms, numbers and "your" in a name as words', () => {
    expect(parts('AWS API Gateway to SQS')).toEqual([]);
    expect(parts('Queue 1 to Function 2', true)).toEqual([]);
    expect(headingShape('Queue 1 to Function 2', { title: true })).toMatchObject({ numbered: true, placeholder: false });
    // A section named "Your …" is a name; only a title may be one sample phrase.
    expect(parts('Your Responsibilities')).toEqual([]);
    expect(parts('Your Pattern Name', true)).toEqual(['phrase:Your Pattern Name']);
    expect(parts('Owner: Your team')).toEqual(['phrase:Your team']);
  });

  it('takes a numbered item’s own words after its number (`Story 1 - Red widgets` for `Story 1`), never another word’s', () => {
    expect(fits('Story 1', 'Story 1 - Red widgets')).toBe(true);
    expect(fits('Story 1', 'Story 2: Blue widgets')).toBe(true);
    expect(fits('Story 1', 'Story 12')).toBe(true);
    expect(fits('Story 1', 'Stories')).toBe(false);
    expect(fits('Story 1', 'Storyboard 1 - Red')).toBe(false);
  });

  it('takes an item’s own words after its label of letters and a number (`A1: Keep the setup` for `A1`), never another label', () => {
    expect(fits('A1', 'A1: Keep the current setup')).toBe(true);
    expect(fits('FR2', 'FR2 - Exports run nightly')).toBe(true);
    expect(fits('A1', 'A1')).toBe(true);
    expect(fits('A1', 'A2: Move it')).toBe(false);
    expect(fits('A1', 'A12')).toBe(false);
  });

  it('fills each placeholder with any text and keeps the fixed words', () => {
    expect(fits('RFC-NNNN: Your one-line title', 'RFC-0042: Retry budgets', true)).toBe(true);
    expect(fits('RFC-NNNN: Your one-line title', 'Retry budgets', true)).toBe(false);
    expect(fits('`Subject` Field Guide', 'Caching Field Guide')).toBe(true);
    expect(fits('{title of the option}', 'Keep sessions in Redis')).toBe(true);
    expect(headingShape('{title of the option}').any).toBe(true);
    expect(headingShape('Use {tool}').any).toBe(false);
  });

  it('folds the whole heading, never its pieces: `i.e.`, `e.g.`, `etc.` in the middle match themselves', () => {
    const heading = 'Can it be turned off once on (i.e. can we undo it)?';
    expect(fits(heading, heading)).toBe(true);
    expect(fits('Costs, e.g. licences, hardware etc. included', 'Costs, e.g. licences, hardware etc. included')).toBe(true);
    // A trailing colon or full stop is still no part of a name.
    expect(fits('Notes.', 'Notes')).toBe(true);
    expect(fits('Notes:', 'Notes')).toBe(true);
  });

  it('reads a code span and an angle-bracket placeholder from the Markdown, where plain text loses them', () => {
    const doc = parse('# `Subject` Field Guide\n\n## Using <tool name> <a id="x"></a>\n\n## **Bold** and [linked](https://example.com)\n');
    expect(doc.headings.map(shapeText)).toEqual(['`Subject` Field Guide', 'Using <tool name>', 'Bold and linked']);
  });

  it('reads a placeholder whose marks are escaped so they show (`### \\<Question\\>`, `### \\[Option\\]`) as that placeholder: a slot for any heading', () => {
    const doc = parse('# T\n\n### \\<Question\\>\n\nText.\n\n### \\[Option\\]\n\nText.\n');
    expect(doc.headings.slice(1).map(shapeText)).toEqual(['<Question>', '[Option]']);
    expect(doc.headings.slice(1).map((h) => headingShape(shapeText(h)).any)).toEqual([true, true]);
  });
});

/** Options as sub-headings, each heading nothing but a placeholder; a fixed sub-heading beside them. */
const OPTIONS_TEMPLATE = `# {short name of the decision}

## Context

Why a decision was needed.

## Options Weighed

### {name of the first option}

What speaks for it.

### {name of another option}

What speaks for it.

### Verdict

Which one, and why.

## Roll-back (i.e. how to undo it)?

How to go back.
`;

describe('a heading that is nothing but a placeholder, under a section', () => {
  const template = templateFromSource(OPTIONS_TEMPLATE, 'options.md');
  const match = (text: string) => {
    const doc = parse(text);
    const m = matchOutline(template.sections, doc.sections);
    return { missing: m.missing.map((x) => x.schema.name), unknown: m.unknown.map((s) => s.title), misplaced: m.misplaced.map((x) => x.section.title) };
  };

  it('is one repeatable slot for any heading there, its sibling placeholders merged into it', () => {
    expect(outline(template.sections)).toEqual([
      '2 Context',
      '2 Options Weighed',
      '  3 <name of the first option> +',
      '  3 Verdict',
      '2 Roll-back (i.e. how to undo it)?',
    ]);
    expect(template.sections[1]!.children[0]).toMatchObject({ anyHeading: true, repeatable: true });
  });

  it('takes every option heading, leaves a named sibling to its own section, and judges the `i.e.` heading by itself', () => {
    const text =
      '# Keep sessions in the database\n\n## Context\n\nNodes restart.\n\n## Options Weighed\n\n### Redis\n\nFast.\n\n### Postgres\n\nAlready there.\n\n### Memcached\n\nVolatile.\n\n### Verdict\n\nPostgres.\n\n## Roll-back (i.e. how to undo it)?\n\nSwitch the flag back.\n';
    expect(match(text)).toEqual({ missing: [], unknown: [], misplaced: [] });
  });

  it('fits only at its place: a stray heading elsewhere is unknown, not an option out of place', () => {
    const text =
      '# Keep sessions\n\n## Context\n\nNodes restart.\n\n## Options Weighed\n\n### Redis\n\nFast.\n\n### Verdict\n\nRedis.\n\n## Roll-back (i.e. how to undo it)?\n\nFlag.\n\n## Glossary\n\nTerms.\n';
    expect(match(text)).toEqual({ missing: [], unknown: ['Glossary'], misplaced: [] });
  });

  it('is still asked for where the template puts it', () => {
    const text = '# Keep sessions\n\n## Context\n\nNodes restart.\n\n## Options Weighed\n\n### Verdict\n\nRedis.\n\n## Roll-back (i.e. how to undo it)?\n\nFlag.\n';
    expect(match(text).missing).toEqual(['<name of the first option>']);
  });

  it('gives the title a shape whose only part is the placeholder: any title fits', () => {
    expect(template.title).toMatchObject({ from: 'heading', shape: { any: true, name: '<short name of the decision>' } });
  });
});

describe('headingShape: an article before the name to fill in', () => {
  it('may be left out (`When to Use the [Pattern Title]`), but a capital letter naming an item is no article (`Option A: [Name]`)', () => {
    const when = headingMatcher(headingShape('When to Use the [Pattern Title]'));
    expect(when.test(foldHeading('When to Use Retry'))).toBe(true);
    expect(when.test(foldHeading('When to Use the Retry'))).toBe(true);
    const option = headingMatcher(headingShape('Option A: [Name]'));
    expect(option.test(foldHeading('Option A: Kafka'))).toBe(true);
    expect(option.test(foldHeading('Option B: RabbitMQ'))).toBe(false);
  });
});

describe('numbered items to name: `Option 1: Title`, `Option n: Title`', () => {
  const template = templateFromSource(
    '# NNNN: Title\n\n## Options\n\nTwo or more.\n\n### Option 0: Keep things as they are\n\nNothing changes.\n\n### Option 1: Title\n\nThe first option.\n\n### Option n: Title\n\nAny other.\n\n## Decision\n\nWhich wins.\n',
    'template.md',
  );
  it('the word for a name after a numbered label is a placeholder, `n` the next number: one repeatable section', () => {
    expect(outline(template.sections)).toEqual(['2 Options', '  3 Option 0: Keep things as they are', '  3 Option N: <title> +', '2 Decision']);
  });
  it('options the author named are that section; a heading that only says `Name` elsewhere stays a word', () => {
    const doc = parse(
      '# 0001: Caching\n\n## Options\n\n### Option 0: Keep things as they are\n\nSlow.\n\n### Option 1: Cache in memory\n\nFast.\n\n### Option 2: Shard the store\n\nWide.\n\n## Decision\n\nCache.\n',
    );
    const m = matchOutline(template.sections, doc.sections);
    expect({ missing: m.missing.map((x) => x.schema.name), unknown: m.unknown.map((s) => s.title) }).toEqual({ missing: [], unknown: [] });
    expect(parts('Step 2: Choose a name')).toEqual([]);
    expect(parts('Option 1: Name')).toEqual(['phrase:Name']);
  });
});
