import path from 'node:path';
import type { CatalogIndex } from '../../catalog/catalog-index.js';
import { relativeLink } from '../../catalog/links.js';
import { ownsFolder } from '../../catalog/pattern-files.js';
import { classifyTarget, slugOfPath } from '../../catalog/targets.js';
import type { PatternView } from '../../catalog/types.js';
import { foldHeading } from '../../template/normalize.js';
import { nearest } from '../../util/similar.js';
import { defineCatalogRule } from '../rule.js';
import { code } from './_format.js';

/**
 * Sections (folded top-level headings) whose links name other patterns — the
 * same two `CatalogIndex.relations()` reads. Every link in Related Patterns
 * must be a pattern; in Alternatives only links to local paths are (an
 * alternative may be a product or an article).
 */
const SECTIONS: Record<string, { label: string; strict: boolean }> = {
  'related patterns': { label: 'Related Patterns', strict: true },
  alternatives: { label: 'Alternatives', strict: false },
};

export default defineCatalogRule({
  meta: {
    id: 'related-pattern',
    description: 'Every link under Related Patterns (and every local link under Alternatives) leads to another pattern of the catalog.',
    severity: 'error',
    fixable: false,
    scope: 'catalog',
  },
  check({ pattern, index, report }) {
    for (const link of pattern.links) {
      const section = SECTIONS[foldHeading(link.sectionPath[0] ?? '')];
      if (!section) continue;
      const where = `\`${section.label}\``;
      const shown = code(link.url);
      const target = classifyTarget(link.url, pattern.file, index.files);
      if (!section.strict && (target.kind !== 'local' || link.url.trim().startsWith('#'))) continue;
      const at = { range: link.range };

      if (target.kind !== 'local') {
        const found = target.kind === 'external' ? 'a web page' : target.kind === 'scheme' ? `a \`${target.scheme}:\` link` : 'a path outside the catalog';
        const near = suggest(index, pattern, undefined, link.text);
        report({
          message: `${where} lists ${shown}: expected a pattern of this catalog, found ${found}.${near ? ` Did you mean ${near}?` : ''} Link another pattern's file here${target.kind === 'external' ? ', and move web references to `Resources`' : ''}.`,
          ...at,
        });
        continue;
      }
      const to = index.patternAt(target.file);
      if (to === pattern || (target.file === pattern.file && !to)) {
        report({ message: `${where} lists this pattern itself (${shown}): list other patterns only. Remove the link.`, ...at });
        continue;
      }
      if (to) continue;

      const info = index.files.stat(target.file);
      // `../saga/` shows saga's README on a git host, but is not a link to the pattern file.
      const inFolder = info?.isDirectory ? index.patternsIn(target.file).find((p) => ownsFolder(p.file)) : undefined;
      if (inFolder) {
        const fixed = relativeLink(pattern.file, inFolder.file);
        if (inFolder === pattern) {
          report({ message: `${where} lists this pattern's own folder (${shown}): list other patterns only. Remove the link.`, ...at });
        } else {
          report({
            message: `${where} links the folder ${shown} rather than the pattern ${name(inFolder)}: link its file, ${code(fixed)}, so Patternbook and every Markdown viewer see the relation.`,
            ...at,
            expected: fixed,
          });
        }
        continue;
      }

      const near = suggest(index, pattern, target.file, link.text);
      const found = info ? `${code(target.rel)}, which is not a pattern` : `no file at ${code(target.rel)}`;
      report({
        message: `${where} lists ${shown}: expected a pattern of this catalog, found ${found}.${near ? ` Did you mean ${near}?` : ''} Link another pattern's file, or remove the entry.`,
        ...at,
      });
    }
  },
});

/** The pattern a wrong link most likely meant: the one whose folder holds the file, or the nearest slug, or the nearest title. */
function suggest(index: CatalogIndex, from: PatternView, file: string | undefined, text: string): string | undefined {
  const all = index.catalog.patterns;
  let near: PatternView | undefined;
  if (file) {
    // A file inside a pattern's own folder (`../saga/diagrams/flow.svg`): the deepest such folder that holds one pattern only.
    for (let dir = path.dirname(file); dir.startsWith(index.catalog.root + path.sep); dir = path.dirname(dir)) {
      const owner = index.patternsIn(dir);
      if (owner.length === 1 && owner[0] !== from) {
        near = owner[0];
        break;
      }
    }
    near ??= nearest(slugOfPath(file), all, (p) => p.slug, 'slug', from);
  }
  if (!near && text.trim()) near = nearest(text, all, (p) => p.title?.text ?? p.slug, 'title', from);
  return near ? `${code(relativeLink(from.file, near.file))} (${name(near)})` : undefined;
}

function name(p: PatternView): string {
  return p.title?.text ? `“${p.title.text}”` : code(p.slug);
}
