import { displaySummary, displayTitle } from '../../catalog/view.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { loadCatalogPattern, loadInput } from '../../catalog/load-pattern.js';
import { withOwnSummary } from '../../catalog/load-catalog.js';
import type { Section } from '../../markdown/types.js';
import { foldText } from '../../template/normalize.js';
import type { LiveCatalog } from '../live-catalog.js';
import { isRefusal, patternOrRefusal, relationSchema, relationsWithTitles, verificationOf, verificationSchema } from '../pattern-facts.js';
import { answer, nearestNames, READ_ONLY, refusal } from '../results.js';

const sectionRef = z.object({ heading: z.string(), path: z.array(z.string()), id: z.string(), level: z.number() });

export function registerGetPattern(server: McpServer, live: LiveCatalog): void {
  server.registerTool(
    'get_pattern',
    {
      title: 'Read a pattern',
      description:
        'A pattern\'s Markdown — the whole file, or one section with its sub-sections — with its front matter, its outline, its relations to other patterns and whether its documented steps were verified. `section` is a heading ("Implementation"), a heading path ("Testing/Automated Testing") or an anchor ("#data-flow").',
      inputSchema: {
        slug: z.string().min(1).describe("The pattern's slug, as search_patterns and list_patterns give it."),
        section: z.string().min(1).optional().describe('One section only: its heading, heading path ("A/B") or anchor.'),
      },
      outputSchema: {
        slug: z.string(),
        title: z.string(),
        summary: z.string().optional(),
        path: z.string(),
        frontMatter: z.record(z.string(), z.unknown()),
        section: sectionRef.optional().describe('The section returned, when one was asked for.'),
        markdown: z.string().describe('The Markdown asked for: the file, or the section with its sub-sections.'),
        outline: z.array(sectionRef).describe('Every section of the pattern, in order.'),
        relations: z.array(relationSchema),
        verification: verificationSchema,
      },
      annotations: READ_ONLY,
    },
    async ({ slug, section }) => {
      const catalog = await live.catalog();
      const record = patternOrRefusal(catalog, slug);
      if (isRefusal(record)) return record;
      const loaded = await loadCatalogPattern(loadInput(catalog.settings.config, record), catalog.settings.templates);
      if (!loaded.ok) return refusal(`${record.path} cannot be read now: ${loaded.diagnostic.message}`);
      // (Its summary none of the texts several patterns give alike, as the index has it.)
      const pattern = withOwnSummary(loaded.pattern, catalog.settings.templates, catalog.shared);
      const doc = pattern.document;
      const outline: z.infer<typeof sectionRef>[] = [];
      const all: Section[] = [];
      const walk = (s: Section) => {
        all.push(s);
        outline.push({ heading: s.heading.text, path: [...s.path], id: s.heading.id, level: s.level });
        s.children.forEach(walk);
      };
      doc.sections.forEach(walk);

      let chosen: Section | undefined;
      if (section) {
        chosen = findSection(all, section);
        if (!chosen) {
          const near = nearestNames(section, [...all.map((s) => s.heading.text), ...all.filter((s) => s.path.length > 1).map((s) => s.path.join('/'))], 5);
          return refusal(
            `No section "${section}" in \`${record.slug}\`. Nearest: ${near.map((n) => `"${n}"`).join(', ')}. Its sections: ${all
              .filter((s) => s.level === Math.min(...all.map((x) => x.level)))
              .map((s) => s.heading.text)
              .join(', ')}.`,
          );
        }
      }
      const markdown = chosen ? doc.source.slice(chosen.range.start.offset, chosen.range.end.offset).trimEnd() + '\n' : doc.source;
      const title = displayTitle(pattern);
      const structured = {
        slug: record.slug,
        title,
        ...(pattern.summary ? { summary: displaySummary(pattern.summary)! } : {}),
        path: record.path,
        frontMatter: jsonSafe(pattern.frontMatter),
        ...(chosen ? { section: { heading: chosen.heading.text, path: [...chosen.path], id: chosen.heading.id, level: chosen.level } } : {}),
        markdown,
        outline,
        relations: relationsWithTitles(catalog, record.slug),
        verification: verificationOf(catalog.root, record.slug),
      };
      const rel = structured.relations.filter((r) => r.kind !== 'referenced-by');
      const header = [
        `# ${title} (\`${record.slug}\`, ${record.path})`,
        ...(rel.length ? [`Relations: ${rel.map((r) => `${r.kind} \`${r.slug}\`${r.reciprocal ? '' : ' (one-way)'}`).join(', ')}`] : []),
        `Verification: ${structured.verification.status}${structured.verification.when ? ` (${structured.verification.when})` : ''}`,
        chosen ? `Section: ${chosen.path.join(' / ')}` : '',
        '',
      ].filter((l, i, list) => l !== '' || i === list.length - 1);
      return answer(structured, `${header.join('\n')}\n${markdown}`);
    },
  );
}

/**
 * The section a reference names: a heading path (`Testing/Automated Testing`,
 * `Testing > Automated Testing`), an anchor (`#data-flow`), a heading, or the
 * start of one (`Step 2` for `Step 2: Partition the Pool`, without a path). Compared folded
 * (case and punctuation aside); the first in the file wins.
 */
export function findSection(sections: readonly Section[], ref: string): Section | undefined {
  const trimmed = ref.trim();
  if (trimmed.startsWith('#')) {
    const id = trimmed.slice(1).toLowerCase();
    return sections.find((s) => s.heading.id === id);
  }
  const parts = trimmed
    .split(/\s*(?:\/|>)\s*/)
    .map(foldText)
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const endsWith = (s: Section) => {
    const path = s.path.map(foldText);
    return parts.length <= path.length && parts.every((p, i) => path[path.length - parts.length + i] === p);
  };
  const last = parts[parts.length - 1]!;
  return (
    sections.find(endsWith) ??
    sections.find((s) => s.heading.id === trimmed.toLowerCase()) ??
    (parts.length === 1 ? sections.find((s) => foldText(s.heading.text).startsWith(`${last} `)) : undefined)
  );
}

/** Front matter as JSON: dates become ISO strings (YAML reads `2024-01-15` as a date). */
function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
