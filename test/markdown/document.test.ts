import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/document.js';
import type { MarkdownDocument, Section } from '../../src/markdown/types.js';

function parse(text: string): MarkdownDocument {
  const result = parseMarkdown(text);
  if (!result.ok) throw new Error(`unexpected front matter error: ${result.error.message}`);
  return result.document;
}

/** `level title` per section, indented by depth — easy to compare whole outlines. */
function outline(sections: Section[], depth = 0): string[] {
  return sections.flatMap((s) => [`${'  '.repeat(depth)}${s.level} ${s.title}`, ...outline(s.children, depth + 1)]);
}

describe('parseMarkdown: structure', () => {
  it('takes the first H1 as the title and builds the section tree below it', () => {
    const doc = parse('# Circuit Breaker\n\n> Fails fast.\n\n## Overview\n\nText.\n\n## Implementation\n\n### Step 1: Wrap\n\n### Step 2: Trip\n\n## Cleanup\n');
    expect(doc.title?.text).toBe('Circuit Breaker');
    expect(doc.preamble.map((b) => b.kind)).toEqual(['blockquote']);
    expect(outline(doc.sections)).toEqual(['2 Overview', '2 Implementation', '  3 Step 1: Wrap', '  3 Step 2: Trip', '2 Cleanup']);
    const impl = doc.sections[1]!;
    expect(impl.blocks).toEqual([]);
    expect(impl.children[1]!.path).toEqual(['Implementation', 'Step 2: Trip']);
    expect(impl.range.start.line).toBe(9);
    expect(impl.range.end.line).toBe(13);
  });

  it('takes as the title a first heading a level down with nothing under it before an H1, under a header block at most', () => {
    const text = '    Author: Ada\n    Status: Final\n****\nKIP 4: Bit strings\n----\n\nAbstract\n========\n\nBits.\n\nRationale\n=========\n\nWhy.\n';
    const doc = parse(text);
    expect(doc.title?.text).toBe('KIP 4: Bit strings');
    expect(outline(doc.sections)).toEqual(['1 Abstract', '1 Rationale']);
    // With text under it, or prose above it, it is a section.
    expect(parse(text.replace('----\n\n', '----\n\nAn opening line.\n\n')).title).toBeUndefined();
    expect(parse(`Some prose first.\n\n${text}`).title).toBeUndefined();
  });

  it('where the sections’ names are known, a first `##` over an H1 that names none is a note above the title, not the title', () => {
    const text = '## drafting, not done\n\n# Lichen review\n\n## Verdict\n\nPending.\n';
    const named = parseMarkdown(text, { sectionHeading: (t) => /^(?:verdict|findings)$/i.test(t) });
    expect(named.ok && named.document.title?.text).toBe('Lichen review');
    // (Over H1 sections, named as the template's or not, `# Verdict` or `# Introduction`, it is the title written a level down.)
    for (const h1 of ['Verdict', 'Introduction']) {
      const over = parseMarkdown(`## Lichen review\n# ${h1}\n\nPending.\n\n# Findings\n\nNone.\n`, { sectionHeading: (t) => /^(?:verdict|findings)$/i.test(t) });
      expect(over.ok && over.document.title?.text).toBe('Lichen review');
    }
  });

  it('takes as the title the H1 that says the front matter title when a notice H1 stands above it; the notice is a section', () => {
    const text =
      '---\ntitle: Lease renewal\n---\n\n# NOTICE: replaced by [Lease v2](lease-v2.md)\n\nKept for old readers.\n\n# Lease renewal, step by step\n\n> Renew before expiry.\n\n## Overview\n\nText.\n';
    const doc = parse(text);
    expect(doc.title?.text).toBe('Lease renewal, step by step');
    expect(outline(doc.sections)).toEqual(['1 NOTICE: replaced by Lease v2', '2 Overview']);
    expect(doc.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph']);
    // What follows the title is its lead, as it is under a title that opens the page.
    expect(doc.preamble.map((b) => b.kind)).toEqual(['blockquote']);
    // Without that front matter title, or with one the first H1 says, the first H1 is the title.
    expect(parse(text.replace('title: Lease renewal', 'status: old')).title?.text).toBe('NOTICE: replaced by Lease v2');
    expect(parse(text.replace('title: Lease renewal', 'title: Lease v2')).title?.text).toBe('NOTICE: replaced by Lease v2');
    // A word of the title inside another word is not the title said.
    expect(parse(text.replace('title: Lease renewal', 'title: Lease renew')).title?.text).toBe('NOTICE: replaced by Lease v2');
  });

  it('takes as the title the first H1 below a note written as a smaller heading (`### SHIPPED IN 3.1`); a section with more text before it keeps the first heading rule', () => {
    const doc = parse('### SHIPPED IN 3.1 as the prefix option\n\n# Proposal: Prefix for variables\n\n*Author*: Kim\n\n## Motivation\n\nClashes.\n');
    expect(doc.title?.text).toBe('Proposal: Prefix for variables');
    expect(outline(doc.sections)).toEqual(['3 SHIPPED IN 3.1 as the prefix option', '2 Motivation']);
    // (A line under the note is the note's.) With more text under the first heading, or a `##` first,
    // it is a section of its own and the H1 a second title.
    expect(parse('#### Status\n\nShipped in 3.1.\n\n# Proposal: Prefix\n\n## Motivation\n\nClashes.\n').title?.text).toBe('Proposal: Prefix');
    expect(parse('### Background\n\nVariables clash.\n\nOften.\n\n# Proposal: Prefix\n\n## Motivation\n\nClashes.\n').title).toBeUndefined();
    expect(parse('## Overview\n\nA guide.\n\n# Appendix\n\nTables.\n').title).toBeUndefined();
  });

  it('takes an id set after a heading (`{#key-decisions}`, `{: #id .class}`) as its anchor, not as words of its name', () => {
    const doc = parse('# T\n\n## Key Decisions {#key-decisions}\n\nA.\n\n## Key Decisions\n\nB.\n\n## Notes {: #own-notes .aside}\n\nC.\n');
    expect(doc.headings.map((h) => [h.text, h.id])).toEqual([
      ['T', 't'],
      ['Key Decisions', 'key-decisions'],
      ['Key Decisions', 'key-decisions-1'],
      ['Notes', 'own-notes'],
    ]);
  });

  it('names a heading by what is left where words are struck out (`~~Open issues~~ Resolved issues`); its anchor is made of them all, as GitHub makes it', () => {
    const doc = parse('# T\n\n## Design\n\n### ~~Open issues to settle~~ Settled issues:\n\nA.\n\n### ~~All struck~~\n\nB.\n');
    expect(doc.headings.map((h) => [h.text, h.id])).toEqual([
      ['T', 't'],
      ['Design', 'design'],
      ['Settled issues:', 'open-issues-to-settle-settled-issues'],
      // (Struck out whole, it keeps its words: something must name it.)
      ['All struck', 'all-struck'],
    ]);
  });

  it('reads words in angle brackets that name no HTML element as words of a heading (`<Short Name>`), markup as markup', () => {
    const doc = parse('# Proposal: <Short Name>\n\n## Proposal\n\n### <a id="why"></a>Why <br> now <span class="x">here</span>\n');
    expect(doc.title?.text).toBe('Proposal: <Short Name>');
    expect(outline(doc.sections)).toEqual(['2 Proposal', '  3 Why now here']);
  });

  it('takes as the title the H1 under an H1 notice that the document is no longer in force (`# This Document is Deprecated`); not under a topic (`# Deprecated APIs`)', () => {
    const doc = parse(
      '# This Document is Deprecated\n\nMerged into the board.\n\n<details>\n<summary>Original text</summary>\n\n# Committee Structure\n\n## Summary\n\nThree committees.\n\n</details>\n',
    );
    expect(doc.title?.text).toBe('Committee Structure');
    expect(outline(doc.sections)).toEqual(['1 This Document is Deprecated', '2 Summary']);
    expect(parse('# Deprecated APIs\n\nWhat goes.\n\n# Migration\n\nHow.\n').title?.text).toBe('Deprecated APIs');
    expect(parse('# !! OUTDATED !!\n\nSee the new page.\n\n# Cache layer\n\n## Summary\n\nA cache.\n').title?.text).toBe('Cache layer');
    // (Nor a section of the template's written as an H1 under it: the document's sections are H1s.)
    const sections = parseMarkdown('# SUPERSEDED BY [RFC 12](0012.md).\n\nKept as it was.\n\n# Summary\n\nReports.\n', { sectionHeading: (t) => /^summary$/i.test(t) });
    expect(sections.ok && sections.document.title?.text).toBe('SUPERSEDED BY RFC 12.');
  });

  it('ignores headings inside code fences', () => {
    const doc = parse('# T\n\n## Real\n\n```md\n## Not a heading\n# Nor this\n```\n\n## Also real\n');
    expect(outline(doc.sections)).toEqual(['2 Real', '2 Also real']);
    expect(doc.codeBlocks[0]!.content).toContain('## Not a heading');
    expect(doc.codeBlocks[0]!.sectionPath).toEqual(['Real']);
  });

  it('reads setext headings', () => {
    const doc = parse('Title\n=====\n\nSection\n-------\n\ntext\n');
    expect(doc.title).toMatchObject({ text: 'Title', level: 1, setext: true });
    expect(outline(doc.sections)).toEqual(['2 Section']);
    expect(doc.sections[0]!.heading.range.start.line).toBe(4);
  });

  it('does not take #NoSpace lines for headings', () => {
    const doc = parse('# Title\n\n#NoSpace\n##Also not\n\n## Yes\n');
    expect(outline(doc.sections)).toEqual(['2 Yes']);
    expect(doc.preamble[0]).toMatchObject({ kind: 'paragraph', text: '#NoSpace ##Also not' });
  });

  it('keeps line numbers right with CRLF and lone CR line endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const doc = parse(['# T', '', '## A', '', '[x](../x/README.md)', '', '## B', ''].join(eol));
      expect(doc.lineEnding).toBe(eol);
      expect(doc.sections.map((s) => s.heading.range.start.line)).toEqual([3, 7]);
      expect(doc.links[0]!.range.start).toMatchObject({ line: 5, column: 5 });
    }
  });

  it('places a reference-style link at its text, on its own line of the paragraph', () => {
    const doc = parse(
      '# T\n\nThe first line of the paragraph,\nthen the second,\nand the [Active List] on the third, with [more][m].\n\n[Active List]: ../list.md\n[m]: ../more.md\n',
    );
    expect(doc.links.map((l) => [l.url, l.range.start.line, l.range.start.column])).toEqual([
      ['../list.md', 5, 9],
      ['../more.md', 5, 42],
    ]);
  });

  it('places an inline link at its destination after its text, not at the same name earlier (a reference label `[bob]`)', () => {
    const doc = parse('# T\n\nAsk [@bob][bob] about it.\nAlso [@bob](bob) agreed.\n\n[bob]: https://example.com/bob\n');
    expect(doc.links.map((l) => [l.url, l.range.start.line, l.range.start.column])).toEqual([
      ['https://example.com/bob', 3, 5],
      ['bob', 4, 13],
    ]);
  });

  it('strips a byte-order mark and still sees the title', () => {
    const doc = parse('\uFEFF# Title\n\n## A\n');
    expect(doc.hadBom).toBe(true);
    expect(doc.title?.text).toBe('Title');
    expect(doc.title?.range.start).toMatchObject({ line: 1, column: 1 });
  });

  it('finds fences indented inside list items, with their section', () => {
    const doc = parse('## Steps\n\n1. Install:\n\n   ```bash\n   npm ci\n   ```\n\n2. Run:\n\n       indented code\n');
    expect(doc.codeBlocks.map((c) => [c.lang, c.content.trim(), c.fenced])).toEqual([
      ['bash', 'npm ci', true],
      ['', 'indented code', false],
    ]);
    expect(doc.codeBlocks[0]!.sectionPath).toEqual(['Steps']);
    expect(doc.codeBlocks[0]!.range.start.line).toBe(5);
  });

  it('marks an unclosed fence and keeps what follows inside it', () => {
    const doc = parse('## A\n\n```bash\necho hi\n\n## Swallowed\n');
    expect(doc.codeBlocks[0]!.closed).toBe(false);
    expect(doc.codeBlocks[0]!.content).toContain('## Swallowed');
    expect(outline(doc.sections)).toEqual(['2 A']);
    const closed = parse('```\nx\n```\n');
    expect(closed.codeBlocks[0]!.closed).toBe(true);
  });

  it('keeps raw HTML blocks as content and reads their links and images', () => {
    const doc = parse('## A\n\n<div class="x">\n<img src="diagrams/a.png" alt="A">\n<a href="../b/README.md">B</a>\n</div>\n');
    expect(doc.sections[0]!.blocks[0]!.kind).toBe('html');
    expect(doc.images).toMatchObject([{ src: 'diagrams/a.png', alt: 'A', kind: 'html', range: { start: { line: 4, column: 11 } } }]);
    expect(doc.links).toMatchObject([{ url: '../b/README.md', kind: 'html', range: { start: { line: 5, column: 10 } } }]);
  });

  it('handles a 30,000-character line', () => {
    const long = 'word '.repeat(6000);
    const doc = parse(`# T\n\n## A\n\n${long}[end](../z/README.md)\n`);
    expect(doc.sections[0]!.blocks[0]!.kind).toBe('paragraph');
    expect(doc.links[0]!.range.start).toMatchObject({ line: 5, column: long.length + 7 });
  });

  it('handles empty and whitespace-only files', () => {
    for (const text of ['', '\n\n', '   ']) {
      const doc = parse(text);
      expect(doc.title).toBeUndefined();
      expect(doc.sections).toEqual([]);
      expect(doc.headings).toEqual([]);
    }
  });

  it('gives headings GitHub-style anchors, numbering repeats', () => {
    const doc = parse('# Cache-Aside\n\n## Data Flow\n\n## Step 1: Read `key`!\n\n## Data Flow\n');
    expect(doc.headings.map((h) => h.id)).toEqual(['cache-aside', 'data-flow', 'step-1-read-key', 'data-flow-1']);
  });

  it('keeps each space of a heading in its anchor, as GitHub does, while its text has single spaces', () => {
    // Tables of contents generated for GitHub link `#beta-to--ga-graduation` to this heading.
    const doc = parse('# KEP\n\n## Beta to  GA Graduation\n');
    expect(doc.headings[1]).toMatchObject({ text: 'Beta to GA Graduation', id: 'beta-to--ga-graduation' });
  });

  it('takes heading text without markup but keeps the raw Markdown', () => {
    const doc = parse('## **Step 1**: Configure `gateway`\n');
    expect(doc.sections[0]!.heading).toMatchObject({ text: 'Step 1: Configure gateway', raw: '**Step 1**: Configure `gateway`' });
  });
});

describe('parseMarkdown: links, images, tables, tasks', () => {
  const text = [
    '# P', // 1
    '', // 2
    '## Related Patterns', // 3
    '', // 4
    '- [Saga](../saga/README.md#cleanup "title")', // 5
    '- see https://example.org/x and <https://a.test>', // 6
    '', // 7
    '## Architecture', // 8
    '', // 9
    '![Arch](diagrams/my%20arch.svg)', // 10
    '', // 11
    '## Configuration', // 12
    '', // 13
    '| Parameter | Required | Default |', // 14
    '|---|---|---|', // 15
    '| `A_B` | Yes | N/A |', // 16
    '| C | No | [x](y.md) |', // 17
    '', // 18
    '## Prerequisites', // 19
    '', // 20
    '- [ ] Node.js 20', // 21
    '- [x] Git', // 22
    '- [link](z.md) not a task', // 23
  ].join('\n');
  const doc = parse(text);

  it('records every link with its position, text and section', () => {
    expect(doc.links.map((l) => [l.url, l.text, l.kind, l.range.start.line, l.range.start.column])).toEqual([
      ['../saga/README.md#cleanup', 'Saga', 'link', 5, 10],
      ['https://example.org/x', 'https://example.org/x', 'autolink', 6, 7],
      ['https://a.test', 'https://a.test', 'autolink', 6, 34],
      ['y.md', 'x', 'link', 17, 16],
      ['z.md', 'link', 'link', 23, 10],
    ]);
    expect(doc.links[0]!.title).toBe('title');
    expect(doc.links[0]!.sectionPath).toEqual(['Related Patterns']);
  });

  it("keeps a footnote's definition where it is written, as a block of its section with its lines; its links are the document's, and a reference is no text", () => {
    const notes = parse(
      '# T\n\n## Overview\n\nA claim[^1] and another[^src].\n\n[^1]: First note.\n\n## Sources\n\n[^src]: See [the study](../study.md)\n    and its appendix.\n\n## Last\n\nEnd.\n',
    );
    expect(notes.sections[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'footnote']);
    expect(notes.sections[0]!.blocks[0]).toMatchObject({ text: 'A claim and another.' });
    expect(notes.sections[1]!.blocks).toMatchObject([
      { kind: 'footnote', label: 'src', text: 'See the study and its appendix.', range: { start: { line: 11 }, end: { line: 12 } } },
    ]);
    expect(notes.links.map((l) => [l.url, l.range.start.line, l.sectionPath])).toEqual([['../study.md', 11, ['Sources']]]);
    expect(notes.sections[2]!.range.start.line).toBe(14);
  });

  it('records images with decoded paths', () => {
    expect(doc.images).toMatchObject([{ src: 'diagrams/my arch.svg', alt: 'Arch', kind: 'image', sectionPath: ['Architecture'] }]);
    expect(doc.images[0]!.range.start).toMatchObject({ line: 10, column: 9 });
  });

  it('records tables with header cells and rows', () => {
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0]!;
    expect(table.header).toEqual(['Parameter', 'Required', 'Default']);
    expect(table.rows).toEqual([
      { cells: ['A_B', 'Yes', 'N/A'], raw: ['`A_B`', 'Yes', 'N/A'], line: 16 },
      { cells: ['C', 'No', 'x'], raw: ['C', 'No', '[x](y.md)'], line: 17 },
    ]);
    expect(table.sectionPath).toEqual(['Configuration']);
    expect([table.range.start.line, table.range.end.line]).toEqual([14, 17]);
  });

  it('records task-list items, checked or not, and nothing else', () => {
    expect(doc.taskItems.map((t) => [t.text, t.checked, t.range.start.line])).toEqual([
      ['Node.js 20', false, 21],
      ['Git', true, 22],
    ]);
    const list = doc.sections[3]!.blocks[0]!;
    expect(list.kind === 'list' && list.items.map((i) => i.task?.checked ?? null)).toEqual([false, true, null]);
  });
});

describe('parseMarkdown: GFM autolinks', () => {
  it('links bare URLs only after www. or a scheme, and e-mails; a file name in prose is not a link', () => {
    const result = parseMarkdown('See README.md, www.example.com, https://x.org/a and a@b.org.\n');
    expect(result.ok && result.document.links.map((l) => [l.url, l.kind])).toEqual([
      ['http://www.example.com', 'autolink'],
      ['https://x.org/a', 'autolink'],
      ['mailto:a@b.org', 'autolink'],
    ]);
  });

  it('leaves trailing punctuation out of a bare URL, as GitHub does; the text keeps it', () => {
    const result = parseMarkdown('* https://kiln.example.org/patterns/glaze/: the glaze page.\n* See https://kiln.example.org/a_b_ and https://kiln.example.org/x~.\n');
    expect(result.ok && result.document.links.map((l) => [l.url, l.text])).toEqual([
      ['https://kiln.example.org/patterns/glaze/', 'https://kiln.example.org/patterns/glaze/'],
      ['https://kiln.example.org/a_b', 'https://kiln.example.org/a_b'],
      ['https://kiln.example.org/x', 'https://kiln.example.org/x'],
    ]);
    const list = result.ok ? result.document.sections.length === 0 && result.document.preamble[0] : undefined;
    expect(list && list.kind === 'list' && list.items.map((i) => i.text)).toEqual([
      'https://kiln.example.org/patterns/glaze/: the glaze page.',
      'See https://kiln.example.org/a_b_ and https://kiln.example.org/x~.',
    ]);
  });
});

describe('parseMarkdown: a documentation generator’s container', () => {
  it('`:::caution` … `:::` is a quote marked with its kind, its content parsed as blocks; a line of colons alone, or an unknown kind, stays text', () => {
    const doc = parse('# Kiln\n\n:::caution\nThe wording here is old.\n\n- one\n:::\n\n## Aim\n\nText.\n');
    const quote = doc.preamble.find((b) => b.kind === 'blockquote');
    expect(quote).toMatchObject({ kind: 'blockquote', text: '[!CAUTION] The wording here is old. one' });
    expect(quote?.kind === 'blockquote' ? quote.blocks.map((b) => b.kind) : []).toEqual(['paragraph', 'list']);
    expect(doc.sections.map((s) => s.title)).toEqual(['Aim']);
    const other = parse('# Kiln\n\n:::\nplain\n:::\n\n:::kilnfact\nx\n:::\n');
    expect(other.preamble.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('inline math as GitHub writes it', () => {
  it('`$\\mathcal{F}[g(x,y)](u,v)$` holds no link; prices (`$5 and $10`) and links beside them stay as they are', () => {
    const parsed = parseMarkdown('# T\n\nThe transform $\\mathcal{F}[g(x,y)](u,v)$ is used. It costs $5 and $10 [a guide](guide.md), or [b](c.md) at $x_1$.\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.links.map((l) => l.url)).toEqual(['guide.md', 'c.md']);
  });
});

describe('a link by reference whose text runs over lines or holds emphasis', () => {
  it('is found where it is written, with its definition: `[Road\\nmap][rm]`, `[**Bold** name][x]`', () => {
    const parsed = parseMarkdown('# T\n\nSee the [Road\nmap][rm] and the [**Bold** name][x] here.\n\n[rm]: a.md\n[x]: b.md\n');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.document.links.map((l) => [l.url, l.range.start.line, l.range.start.column, l.definition?.start.line])).toEqual([
      ['a.md', 3, 9, 6],
      ['b.md', 4, 18, 7],
    ]);
  });
});

describe('heading ids as GitHub writes them', () => {
  it('keep digits and letter numbers (`3`, `Ⅻ`), drop other number signs (`②`, `²`, `½`)', () => {
    expect(parse('# T\n\n## 🧵② canon thread.spawn\n\n## x² and ½ of 3\n\n## Ⅻ roman\n').headings.map((h) => h.id)).toEqual([
      't',
      '-canon-threadspawn',
      'x-and--of-3',
      'ⅻ-roman',
    ]);
  });
});
