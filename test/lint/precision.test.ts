import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { REPO, tempCatalog } from '../helpers.js';

/**
 * Precision matters as much as recall. (Defects of one file are listed in file
 * order, so each one's line is taken after the ones above it were injected.) The example catalog is clean (its own
 * test says so); copies of it get one known defect per pattern, and lint must
 * report exactly those defects — every one, at its line — and nothing else.
 */
interface Defect {
  slug: string;
  rule: string;
  /** Changes the README; returns the 1-based line the problem must be reported on. */
  inject(text: string): { text: string; line: number };
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`defect anchor not found: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Text of a `## Name` section, heading included, up to the next `## `. */
function section(text: string, name: string): string {
  const start = text.indexOf(`\n## ${name}\n`) + 1;
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end + 1);
}

const DEFECTS: Defect[] = [
  {
    slug: 'bulkhead',
    rule: 'required-section',
    inject(text) {
      const cleanup = section(text, 'Cleanup');
      const out = text.replace(cleanup, '');
      // Reported where it belongs: at the end of Troubleshooting, the section before it.
      const before = out.indexOf('\n## Limitations');
      return { text: out, line: out.slice(0, before).trimEnd().split('\n').length };
    },
  },
  {
    slug: 'cache-aside',
    rule: 'placeholder',
    inject(text) {
      const out = replaceOnce(text, '\n## Limitations\n\n', '\n## Limitations\n\nKnown limitations of this pattern:\n\n- Limitation 1: Description\n');
      return { text: out, line: lineOf(out, '- Limitation 1: Description') };
    },
  },
  {
    slug: 'circuit-breaker',
    rule: 'link',
    inject(text) {
      const out = replaceOnce(text, '\n## Architecture\n', '\nSee [how to remove it](#clean-up).\n\n## Architecture\n');
      return { text: out, line: lineOf(out, '(#clean-up)') };
    },
  },
  {
    slug: 'circuit-breaker',
    rule: 'related-pattern',
    inject(text) {
      const out = replaceOnce(text, '](../retry-with-backoff/README.md)', '](../retry-with-backof/README.md)');
      return { text: out, line: lineOf(out, '../retry-with-backof/README.md') };
    },
  },
  {
    slug: 'idempotent-consumer',
    rule: 'heading-level',
    inject(text) {
      const out = replaceOnce(text, '\n## Security Considerations\n', '\n### Security Considerations\n');
      return { text: out, line: lineOf(out, '### Security Considerations') };
    },
  },
  {
    slug: 'retry-with-backoff',
    rule: 'section-order',
    inject(text) {
      const license = section(text, 'License');
      const out = replaceOnce(text.replace(license, ''), '\n## Resources\n', `\n${license}\n## Resources\n`).replace(/\n{3,}/g, '\n\n');
      return { text: out, line: lineOf(out, '## License') };
    },
  },
  {
    slug: 'saga',
    rule: 'config-table',
    inject(text) {
      const row = /\n\| `?SAGA_MAX_RETRIES`? \|[^\n]*\| No \|/.exec(text)![0];
      const out = replaceOnce(text, row, row.replace('| No |', '| Maybe |'));
      return { text: out, line: lineOf(out, '| Maybe |') };
    },
  },
  {
    slug: 'strangler-fig',
    rule: 'summary-length',
    inject(text) {
      const quote = /\n> [^\n]+\n/.exec(text)![0];
      const out = replaceOnce(text, quote, `${quote.trimEnd()} It also moves data.\n`);
      return { text: out, line: lineOf(out, '\n> ') + 1 };
    },
  },
  {
    slug: 'transactional-outbox',
    rule: 'changelog',
    inject(text) {
      const out = replaceOnce(text, '### Version 1.0.0 (2026-11-26)', '### Version 1.0.0 (2026-02-30)');
      return { text: out, line: lineOf(out, '### Version 1.0.0 (2026-02-30)') };
    },
  },
];

describe('lint precision on a catalog with injected defects', () => {
  it('reports every injected defect at its line, and nothing else', async () => {
    const dir = await tempCatalog();
    await cp(path.join(REPO, 'examples/catalog'), dir, { recursive: true });
    const expected: string[] = [];
    for (const defect of DEFECTS) {
      const file = path.join(dir, defect.slug, 'README.md');
      const { text, line } = defect.inject(await readFile(file, 'utf8'));
      await writeFile(file, text);
      expected.push(`${defect.slug}/README.md:${line} ${defect.rule}`);
    }
    const report = await lint({ root: dir, now: new Date('2026-11-26T12:00:00Z') });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.ruleId}`));
    expect(found.sort()).toEqual(expected.sort());
  });
});

describe('lint precision on a generated catalog', () => {
  it('reports every injected defect, and nothing on the clean patterns', async () => {
    // The benchmark's own generator, at a size the test suite can afford.
    const { generateCatalog } = await import('../../bench/generate-catalog.mjs');
    const dir = await tempCatalog();
    const { defects } = generateCatalog(dir, { count: 120, seed: 7, defectRate: 0.1 });
    expect(defects.length).toBe(12);
    const report = await lint({ root: dir });
    const flagged = new Map(report.results.filter((r) => r.diagnostics.length > 0).map((r) => [r.slug, new Set(r.diagnostics.map((d) => d.ruleId))]));
    const expectedRules: Record<string, string[]> = {
      'missing-section': ['required-section'],
      'out-of-order': ['section-order'],
      // A sample left in the Author section is the author rule's to report (placeholder yields to it).
      placeholder: ['placeholder', 'author'],
      'broken-link': ['related-pattern', 'image'],
    };
    for (const defect of defects) {
      const rules = [...(flagged.get(defect.slug) ?? [])];
      expect(
        rules.some((r) => expectedRules[defect.kind]!.includes(r)),
        `${defect.slug}: ${defect.detail} → ${rules.join(', ')}`,
      ).toBe(true);
    }
    expect([...flagged.keys()].sort()).toEqual(defects.map((d) => d.slug).sort());
  }, 60_000);
});
