import { describe, expect, it } from 'vitest';
import { dateOf, declaredDate } from '../../src/catalog/declared-date.js';
import { parseMarkdown } from '../../src/markdown/document.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('dateOf: a text that is only a date', () => {
  it('reads the ways documents write one', () => {
    expect(dateOf('2018-11-26')).toBe(day('2018-11-26'));
    expect(dateOf('2018/11/26')).toBe(day('2018-11-26'));
    expect(dateOf('November 2013 \\')).toBe(day('2013-11-01'));
    expect(dateOf('September 2, 2015')).toBe(day('2015-09-02'));
    expect(dateOf('03 December 2015')).toBe(day('2015-12-03'));
    expect(dateOf('October, 2015')).toBe(day('2015-10-01'));
    expect(dateOf('*Sept 2019*')).toBe(day('2019-09-01'));
    // (The year last: month first with slashes, day first with dots, either where the other reading has no such month.)
    expect(dateOf('07/11/2024')).toBe(day('2024-07-11'));
    expect(dateOf('7/1/2024')).toBe(day('2024-07-01'));
    expect(dateOf('11.07.2024')).toBe(day('2024-07-11'));
    expect(dateOf('25/12/2023')).toBe(day('2023-12-25'));
    expect(dateOf('12.25.2023')).toBe(day('2023-12-25'));
  });

  it('reads nothing else: a sentence, a version, a year alone, a date before 1990 or after today', () => {
    for (const text of ['Updated in November 2013 after review', 'v2018.11', '2019', 'Maybe 2015', '1985-01-01', 'Smarch 2015', '13/13/2020', '1.2.3000', '07/11-2024'])
      expect(dateOf(text)).toBeUndefined();
    expect(dateOf('2030-01-01', day('2026-01-01'))).toBeUndefined();
  });
});

describe('declaredDate: the earliest date a document gives itself', () => {
  const of = (text: string, frontMatter: Record<string, unknown> = {}, fields?: Record<string, string>) => {
    const parsed = parseMarkdown(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return declaredDate({ frontMatter, ...(fields ? { fields } : {}), document: parsed.document });
  };

  it('from front matter keys that date it, header fields, and header lines that are only a date', () => {
    expect(of('# T\n\n## A\n\nx\n', { 'creation-date': '2018-11-26', title: 'T' })).toBe(day('2018-11-26'));
    expect(of('# T\n\n## A\n\nx\n', { created: new Date(day('2017-05-01')) })).toBe(day('2017-05-01'));
    expect(of('# T\n\nAuthor: someone\n\nCreated: January 2011\n\nLast updated: April 2016\n\n## A\n\nx\n')).toBe(day('2011-01-01'));
    expect(of('# T\n\nA. Writer \\\nNovember 2013 \\\nexample.org/s/t\n\n## A\n\nx\n')).toBe(day('2013-11-01'));
    expect(of('# T\n\n## A\n\nx\n', {}, { 'start date': '2019-03-04' })).toBe(day('2019-03-04'));
  });

  it('from a line of front matter that does not load (a quote left open on another line), read line by line', () => {
    const broken = '---\ntitle: kiln-rework\nreviewers:\n  - "@kilns/team”\ncreation-date: 2020-07-29\nlast-updated: "2022-03-17"\n---\n\n# Kiln rework\n\n## A\n\nx\n';
    const parsed = parseMarkdown(broken);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.document.frontMatter?.error).toBeDefined();
    expect(declaredDate({ frontMatter: parsed.document.frontMatter!.data, document: parsed.document })).toBe(day('2020-07-29'));
  });

  it('from the name of its file or folder, and from a title that gives it between dashes', () => {
    const doc = (text: string) => {
      const parsed = parseMarkdown(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.document;
    };
    const plain = doc('# Tea rota\n\n## A\n\nx\n');
    expect(declaredDate({ frontMatter: {}, document: plain, path: 'rfcs/2021-07-20-81-tea-rota.md' })).toBe(day('2021-07-20'));
    expect(declaredDate({ frontMatter: {}, document: plain, path: 'rfcs/2021-07-20-tea-rota/README.md' })).toBe(day('2021-07-20'));
    expect(declaredDate({ frontMatter: {}, document: plain, path: 'rfcs/tea-rota.md', title: { text: 'RFC 81 - 2021-07-20 - Tea rota' } })).toBe(day('2021-07-20'));
    // (The earliest of them all; a number that is no date, or a date inside the name, dates nothing.)
    expect(declaredDate({ frontMatter: { created: '2021-08-01' }, document: plain, path: 'rfcs/2021-07-20-tea-rota.md' })).toBe(day('2021-07-20'));
    expect(declaredDate({ frontMatter: {}, document: plain, path: 'rfcs/0081-tea-rota.md', title: { text: 'Tea rota from 2021-07-20' } })).toBeUndefined();
    expect(declaredDate({ frontMatter: {}, document: plain, path: 'rfcs/tea-2021-07-20-rota.md' })).toBeUndefined();
  });

  it('none from the text of its sections, nor from keys that date something else', () => {
    expect(of('# T\n\n## History\n\nNovember 2013\n')).toBeUndefined();
    expect(of('# T\n\n## A\n\nx\n', { deadline: '2015-01-01', 'target-date': '2016-01-01' })).toBeUndefined();
    expect(of('# T\n\nDue: 2015-01-01\n\n## A\n\nx\n')).toBeUndefined();
  });

  it('from the first entry of its own record of changes (`## Changelog`, a list or a table of dated entries), not from dates in its prose', () => {
    expect(of('# T\n\n## Changelog\n\n- 2021-02-11: Moved here\n- 2020-03-23: First draft\n\n## Context\n\nSince 2019-01-01 nothing.\n')).toBe(day('2020-03-23'));
    expect(of('# T\n\n## Revision history\n\n| Date | Change |\n|---|---|\n| March 3, 2021 | Accepted |\n')).toBe(day('2021-03-03'));
    expect(of('# T\n\n## Changelog\n\n- Moved here in 2020-03-23 by the team\n')).toBeUndefined();
  });
});
