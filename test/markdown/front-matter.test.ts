import { describe, expect, it, vi } from 'vitest';
import { parseMarkdown } from '../../src/markdown/document.js';
import { parseFrontMatter } from '../../src/markdown/front-matter.js';

/** The front matter's problem: a block never closed fails the parse; YAML that does not load leaves the body read, with its error. */
function error(text: string) {
  const result = parseMarkdown(text);
  if (!result.ok) return result.error;
  const found = result.document.frontMatter?.error;
  if (!found) throw new Error('expected a front matter error');
  expect(result.document.frontMatter?.data).toEqual({});
  return found;
}

describe('front matter', () => {
  it('parses a YAML mapping and keeps body line numbers', () => {
    const result = parseMarkdown('---\ntitle: Saga\ntags: [a, b]\n---\n\n## Overview\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.frontMatter).toMatchObject({ data: { title: 'Saga', tags: ['a', 'b'] }, startLine: 1, endLine: 4 });
    expect(result.document.sections[0]!.heading.range.start.line).toBe(6);
  });

  it("reads a Hyde `{%hyde … %}` block at the top as front matter, indented or not, with the tag's notes around it left out", () => {
    const indented = parseMarkdown(
      '    {%hyde\n\n    title: "Tide Table"\n    excerpt: "When the water is high."\n    tags:\n        - sea\n\n    %}\n\n## Context\n\nText.\n',
    );
    expect(indented.ok && indented.document.frontMatter).toMatchObject({
      data: { title: 'Tide Table', excerpt: 'When the water is high.', tags: ['sea'] },
      startLine: 1,
      endLine: 8,
      syntax: 'hyde',
      indent: 4,
    });
    // (Nothing of it is left for the body: no code block, no paragraph; the first section is where it was.)
    expect(indented.ok && [indented.document.preamble, indented.document.codeBlocks, indented.document.sections[0]!.heading.range.start.line]).toEqual([[], [], 10]);
    const spaced = parseMarkdown('\n{% hyde %}\ntitle: Moorings\nstatus: draft\n%} end of the block\n\nText.\n');
    expect(spaced.ok && spaced.document.frontMatter).toMatchObject({ data: { title: 'Moorings', status: 'draft' }, startLine: 2, endLine: 5 });
    expect(spaced.ok && spaced.document.preamble.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('reads TOML front matter: between `+++` lines, and `key = "value"` lines closed by a `---` line alone (Bartholomew’s)', () => {
    const hugo = parseMarkdown('+++\ntitle = "Tide Table"\ntags = ["sea"]\n[params]\nlevel = 2\n+++\n\n## Context\n\nText.\n');
    expect(hugo.ok && hugo.document.frontMatter).toMatchObject({
      data: { title: 'Tide Table', tags: ['sea'], params: { level: 2 } },
      startLine: 1,
      endLine: 6,
      syntax: 'toml',
    });
    const head = parseMarkdown('title = "SIP 002 - Moorings"\ntemplate = "main"\ndate = "2022-03-22T14:53:30Z"\n---\n\nSummary: Where boats stay.\n');
    expect(head.ok && head.document.frontMatter).toMatchObject({
      data: { title: 'SIP 002 - Moorings', template: 'main' },
      startLine: 1,
      endLine: 4,
      syntax: 'toml-head',
    });
    // (Nothing of it is left for the body: no setext heading made of its last line.)
    expect(head.ok && [head.document.headings.length, head.document.title]).toEqual([0, undefined]);
    // (Text that only looks so, its lines not all TOML above the rule, is text.)
    const prose = parseMarkdown('x = 1 is the start\nand so it goes.\n---\n\nMore.\n');
    expect(prose.ok && prose.document.frontMatter).toBeUndefined();
    // (TOML that does not load: said where, the body read.)
    expect(error('title = "SIP 012 - "Signing"\ndate = "2023"\n---\n\nText.\n')).toMatchObject({
      line: 1,
      message: expect.stringContaining('Fix the TOML above the `---` line'),
    });
  });

  it('says where a Hyde block’s YAML is wrong, in its own words; a block never closed is text', () => {
    const e = error('{%hyde\ntitle: ok\ntags: [a, b\n%}\n');
    expect([e.line, e.message]).toEqual([3, expect.stringContaining('between `{%hyde` and `%}`')]);
    // (At its column in the file, the block's indent included.)
    expect(error('  {%hyde\n  title: ok\n  title: twice\n  %}\n')).toMatchObject({ line: 3, column: 3 });
    const open = parseMarkdown('{%hyde\ntitle: ok\n\nText.\n');
    expect(open.ok && open.document.frontMatter).toBeUndefined();
  });

  it('does not read a thematic break later in the file as front matter', () => {
    const result = parseMarkdown('# T\n\n---\n\ntext\n');
    expect(result.ok && result.document.frontMatter).toBeUndefined();
  });

  it('reports malformed YAML with its line in the file', () => {
    const e = error('---\ntitle: ok\ntags: [a, b\n---\n');
    expect(e.message).toMatch(/Malformed front matter/);
    expect(e.line).toBe(3);
  });

  it('reads what common YAML loaders read: a quoted value going on at the margin, a list after a blank line', () => {
    const wrapped = parseMarkdown(
      '---\ntitle: Saga\ndescription: "Runs a business transaction as local steps\nwith compensations, and says \\"undo\\" on failure."\nowner: \'It\'\'s\nours\'\n---\n\n## Overview\n',
    );
    expect(wrapped.ok && wrapped.document.frontMatter?.data).toEqual({
      title: 'Saga',
      description: 'Runs a business transaction as local steps with compensations, and says "undo" on failure.',
      owner: "It's ours",
    });
    const spaced = parseMarkdown('---\ntitle: Saga\ntags:\n\n  - messaging\n  - consistency\n---\n');
    expect(spaced.ok && spaced.document.frontMatter?.data).toEqual({ title: 'Saga', tags: ['messaging', 'consistency'] });
    // A quote that is never closed is still an error, at its line.
    const e = error('---\ntitle: Saga\ndescription: "never closed\n---\n');
    expect(e).toMatchObject({ line: 3 });
    expect(e.message).toMatch(/Missing closing "quote/);
  });

  it('refuses custom and language-specific tags', () => {
    const e = error('---\nrun: !!js/function "function () { return 1 }"\n---\n');
    expect(e.message).toMatch(/tag/i);
    expect(e.line).toBe(2);
    expect(error('---\nx: !custom 1\n---\n').message).toMatch(/tag/i);
  });

  it('refuses duplicate keys', () => {
    expect(error('---\ntitle: a\ntitle: b\n---\n').message).toMatch(/unique/i);
  });

  it('bounds aliases ("billion laughs")', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const e = error(`---\n${levels.join('\n')}\n---\n`);
    expect(e.message).toMatch(/alias/i);
  });

  it('reports an unclosed block and a non-mapping', () => {
    expect(error('---\ntitle: x\n\n# Body\n').message).toMatch(/never closed/);
    expect(error('---\n- a\n- b\n---\n').message).toMatch(/mapping/);
  });

  it('takes a rule that opens the document, prose or a heading after it and no closing one, as a rule: no front matter', () => {
    expect(parseFrontMatter('---\n\n# Global exec groups\n\nText.\n').kind).toBe('none');
    expect(parseFrontMatter('---\nSome prose under a rule.\n').kind).toBe('none');
  });

  it('reads a `{{ blank }}` value (a flow mapping with a mapping for its key) without a process warning on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const result = parseMarkdown('---\nowner: {{ your_handle }}\ntitle: Shelf\n---\n\n## Context\n');
      expect(result.ok && result.document.frontMatter?.data.title).toBe('Shelf');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('reads a `---` block of `key: value` lines under the comments that open the file (a licence header) as front matter, at its own lines', () => {
    const result = parseMarkdown('<!--\nCopyright the shelf keepers\n-->\n\n---\ntitle: Shelf\nowners:\n  - kim\n---\n\n# Shelf labels\n\nText.\n');
    expect(result.ok && result.document.frontMatter).toMatchObject({ data: { title: 'Shelf', owners: ['kim'] }, startLine: 5, endLine: 9 });
    expect(result.ok && result.document.title?.text).toBe('Shelf labels');
    expect(result.ok && result.document.headings.map((h) => `${h.range.start.line} ${h.text}`)).toEqual(['11 Shelf labels']);
    // (A rule under the comment, the author's text after it: no front matter.)
    expect(parseFrontMatter('<!-- note -->\n---\nSome prose under a rule.\n\n---\n').kind).toBe('none');
  });
});
