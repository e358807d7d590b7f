import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import type { Pattern } from '../src/catalog/types.js';
import type { Block, Section } from '../src/markdown/types.js';
import { matchOutline } from '../src/template/match-outline.js';
import { findPlaceholders } from '../src/template/placeholders.js';
import { REPO } from './helpers.js';

/**
 * The example catalog is the project's showcase and the later commands' first
 * real input, so it is held to what lint will demand, with the model alone.
 */
const ROOT = path.join(REPO, 'examples/catalog');
const catalog = await loadCatalog(ROOT);
const SLUGS = ['bulkhead', 'cache-aside', 'circuit-breaker', 'idempotent-consumer', 'retry-with-backoff', 'saga', 'strangler-fig', 'transactional-outbox'];

function allSections(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.children)]);
}

/** Every piece of prose a reader sees: headings, paragraphs, list items, table cells, quotes. */
function texts(pattern: Pattern): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const visit = (block: Block): void => {
    if (block.kind === 'paragraph' || (block.kind === 'blockquote' && block.blocks.length === 0)) out.push({ text: block.text, line: block.range.start.line });
    if (block.kind === 'blockquote') block.blocks.forEach(visit);
    if (block.kind === 'list')
      for (const item of block.items) {
        out.push({ text: item.text, line: item.range.start.line });
        item.blocks.slice(1).forEach(visit);
      }
    if (block.kind === 'table') for (const row of block.table.rows) out.push({ text: row.cells.join(' | '), line: row.line });
  };
  pattern.document.preamble.forEach(visit);
  for (const section of allSections(pattern.document.sections)) {
    out.push({ text: section.title, line: section.heading.range.start.line });
    section.blocks.forEach(visit);
  }
  return out;
}

describe('the example catalog', () => {
  it('loads eight patterns with no diagnostics', () => {
    expect(catalog.diagnostics).toEqual([]);
    expect(catalog.patterns.map((p) => p.slug)).toEqual(SLUGS);
  });

  describe.each(SLUGS)('%s', (slug) => {
    const pattern = catalog.bySlug.get(slug)!;

    it('follows the template: every section, in order, nothing unknown', () => {
      const match = matchOutline(catalog.template.sections, pattern.document.sections);
      expect(match.missing.map((m) => m.schema.name)).toEqual([]);
      expect(match.unknown.map((s) => s.title)).toEqual([]);
      expect(pattern.document.sections.map((s) => s.title)).toEqual(catalog.template.sections.map((s) => s.heading));
      const steps = match.matches.find((m) => m.schema.name === 'Implementation')!.children[0]!;
      expect(steps.sections.length).toBeGreaterThanOrEqual(2);
    });

    it('has a real title, a one-sentence summary and no template text left in', () => {
      expect(pattern.title?.text).toMatch(/^[A-Z][\w -]+$/);
      expect(pattern.summary?.text.match(/[.!?](\s|$)/g)).toHaveLength(1);
      const leftovers = texts(pattern).flatMap(({ text, line }) => findPlaceholders(catalog.template.placeholders, text).map((p) => `${line}: ${p.text}`));
      expect(leftovers).toEqual([]);
      const codeLeftovers = pattern.document.codeBlocks.flatMap((c) => findPlaceholders(catalog.template.placeholders, c.content).map((p) => p.text));
      expect(codeLeftovers).toEqual([]);
    });

    it('shows an architecture diagram that exists beside it', async () => {
      const images = pattern.document.images.filter((i) => i.sectionPath[0] === 'Architecture');
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) {
        expect(image.src.startsWith('diagrams/')).toBe(true);
        const svg = await readFile(path.join(pattern.dir, image.src), 'utf8');
        expect(svg).toMatch(/<svg[^>]*viewBox/);
        expect(svg).not.toMatch(/<script|\son\w+=|<foreignObject|href="(?:https?:|javascript:)/i);
      }
    });

    it('links only to files and headings that exist, and relates to other catalog patterns', async () => {
      for (const link of pattern.document.links.filter((l) => !/^[a-z]+:/i.test(l.url))) {
        const [file, anchor] = link.url.split('#') as [string, string | undefined];
        const target = file ? path.resolve(pattern.dir, file) : pattern.file;
        expect(existsSync(target), `${link.url} (line ${link.range.start.line})`).toBe(true);
        expect(target.startsWith(ROOT)).toBe(true);
        if (anchor) {
          const other = catalog.patterns.find((p) => p.file === target)!;
          expect(
            other.document.headings.map((h) => h.id),
            link.url,
          ).toContain(anchor);
        }
      }
      const related = pattern.document.links.filter((l) => l.sectionPath[0] === 'Related Patterns');
      expect(related.length).toBeGreaterThanOrEqual(2);
      for (const link of related) {
        const slugOf = /^\.\.\/([a-z0-9-]+)\/README\.md$/.exec(link.url)?.[1];
        expect(SLUGS, link.url).toContain(slugOf);
      }
    });

    it('has a Configuration table whose parameters its code reads', async () => {
      const table = pattern.document.tables.find((t) => t.sectionPath[0] === 'Configuration')!;
      expect(table.header).toEqual(['Parameter', 'Description', 'Required', 'Default']);
      expect(table.rows.length).toBeGreaterThanOrEqual(2);
      const code = await readTree(path.join(pattern.dir, 'src'));
      for (const { cells } of table.rows) {
        const [name, , required] = cells as [string, string, string];
        expect(name).toMatch(/^[A-Z][A-Z0-9_]+$/);
        expect(['Yes', 'No']).toContain(required);
        expect(code, `${name} is read by src/`).toContain(name);
      }
    });
  });
});

async function readTree(dir: string): Promise<string> {
  let out = '';
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    out += entry.isDirectory() ? await readTree(p) : await readFile(p, 'utf8');
  }
  return out;
}

async function listing(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${entry.name}` : entry.name;
    out.push(p);
    if (entry.isDirectory()) out.push(...(await listing(dir, p)));
  }
  return out.sort();
}

/** The sections a reader runs, in order; Cleanup last. */
const RUNNABLE = [['Implementation'], ['Testing', 'Automated Testing'], ['Deployment', 'Local Development'], ['Deployment', 'Production Deployment'], ['Cleanup']];

describe('the example catalog steps run offline, and Cleanup restores the folder', () => {
  it.each(SLUGS)(
    '%s',
    async (slug) => {
      const pattern = catalog.bySlug.get(slug)!;
      const scratch = await mkdtemp(path.join(tmpdir(), `patternbook-example-${slug}-`));
      try {
        const work = path.join(scratch, slug);
        await cp(pattern.dir, work, { recursive: true });
        const before = await listing(work);
        const blocks = RUNNABLE.flatMap((prefix) => pattern.document.codeBlocks.filter((c) => c.lang === 'bash' && prefix.every((name, i) => c.sectionPath[i] === name)));
        expect(blocks.length).toBeGreaterThanOrEqual(5);
        for (const block of blocks) {
          const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: path.join(scratch, 'home'), LANG: 'C.UTF-8', TERM: 'dumb' };
          const run = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', block.content], { cwd: work, env, timeout: 30_000 }).catch(
            (e: { stderr?: string; message: string }) => ({ failed: `${block.sectionPath.join(' > ')} (line ${block.range.start.line}): ${e.stderr || e.message}` }),
          );
          expect('failed' in run ? run.failed : '').toBe('');
        }
        expect(await listing(work)).toEqual(before);
        expect((await stat(work)).isDirectory()).toBe(true);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
