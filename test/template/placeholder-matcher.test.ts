import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/document.js';
import type { Block, Section } from '../../src/markdown/types.js';
import { loadTemplate } from '../../src/template/load-template.js';
import { PlaceholderMatcher } from '../../src/template/placeholders.js';
import { REPO } from '../helpers.js';

/** Every text unit the placeholder rule looks at: paragraphs, list items, table cells, headings. */
function units(sections: Section[], blocks: Block[] = []): string[] {
  const out: string[] = [];
  const visit = (list: Block[]): void => {
    for (const b of list) {
      if (b.kind === 'paragraph') out.push(b.text);
      else if (b.kind === 'blockquote') visit(b.blocks);
      else if (b.kind === 'list')
        for (const item of b.items) {
          out.push(item.text);
          visit(item.blocks.slice(1));
        }
      else if (b.kind === 'table') for (const row of b.table.rows) out.push(...row.cells);
    }
  };
  visit(blocks);
  const walk = (s: Section): void => {
    out.push(s.title);
    visit(s.blocks);
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}

const names = (list: { folded: string }[]) => list.map((p) => p.folded).sort();

describe('PlaceholderMatcher.narrowTo', async () => {
  const template = await loadTemplate();
  const full = new PlaceholderMatcher(template.placeholders);

  // The narrowed matcher is a shortcut: on any text, it must find exactly what the full one finds.
  const check = (source: string, label: string): number => {
    const parsed = parseMarkdown(source);
    if (!parsed.ok) throw new Error(label);
    const narrowed = full.narrowTo(source);
    let hits = 0;
    for (const unit of units(parsed.document.sections, parsed.document.preamble)) {
      const expected = names(full.find(unit));
      hits += expected.length;
      expect(names(narrowed.find(unit)), `${label}: ${JSON.stringify(unit)}`).toEqual(expected);
    }
    return hits;
  };

  it('finds what the full matcher finds in the template itself (every placeholder left in)', async () => {
    const hits = check(template.document.source, 'template');
    expect(hits).toBeGreaterThan(20);
  });

  it('finds nothing more and nothing less in the example patterns, and in copies with template text pasted back, re-wrapped and re-punctuated', async () => {
    const root = path.join(REPO, 'examples/catalog');
    let hits = 0;
    for (const slug of (await readdir(root, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && existsSync(path.join(root, e.name, 'README.md')))
      .map((e) => e.name)) {
      const source = await readFile(path.join(root, slug, 'README.md'), 'utf8');
      expect(check(source, slug)).toBe(0);
      // Leftovers as authors leave them: wrapped over lines, in other case, with “curly” quotes and dashes.
      const salted = source.replace(
        /\n## Overview\n/,
        '\n## Overview\n\nPROVIDE A comprehensive\noverview of the pattern — “explain the problem it solves”.\n\nStep 2: [Second Step Title]\n',
      );
      hits += check(salted, `${slug} (salted)`);
    }
    expect(hits).toBeGreaterThan(0);
  });
});
