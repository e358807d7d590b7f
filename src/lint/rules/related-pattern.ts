import { displayTitle } from '../../catalog/view.js';
import path from 'node:path';
import type { CatalogIndex } from '../../catalog/catalog-index.js';
import { isSiteAddressPath, relativeLink, repositoryFile, schemelessAddress, wrappedWebAddress } from '../../catalog/links.js';
import { classifyTarget, slugOfPath } from '../../catalog/targets.js';
import type { PatternView } from '../../catalog/types.js';
import { listedEntry, relationKind } from '../../catalog/relations.js';
import { nearest } from '../../util/similar.js';
import { defineCatalogRule } from '../rule.js';
import { code } from './_format.js';

export default defineCatalogRule({
  meta: {
    id: 'related-pattern',
    description:
      "Every local link in a section that lists related patterns leads to another pattern of the catalog, and every local link among the alternatives to a file that exists; a link to the catalog's published site names one of its patterns.",
    severity: 'error',
    fixable: false,
    scope: 'catalog',
  },
  check({ pattern, index, catalog, report }) {
    // (The pattern's text, read once where a link asks: a view's is read back from disk.)
    let source: string | undefined;
    for (const link of pattern.links) {
      const kind = relationKind(link.sectionPath[0]);
      if (!kind) continue;
      // (A link in the prose of a discussion of alternatives is a mention, no entry: the link rule's.)
      if (kind === 'alternative' && !listedEntry((source ??= index.sourceOf(pattern)), link)) continue;
      const where = `\`${link.sectionPath[0]}\``;
      const shown = code(link.url);
      const at = { range: link.range };
      // An anchor among the alternatives points to this pattern's own discussion of them.
      const anchor = link.url.trim().startsWith('#');
      if (kind === 'alternative' && anchor) continue;
      // (So does one beside the entry's own link, `[TICKET-42](https://…) — see [below](#cache-invalidation)`:
      // a cross-reference to a heading of this page, not the pattern listed as its own relative.)
      if (anchor && pattern.links.some((l) => l !== link && l.range.start.line === link.range.start.line && !l.url.trim().startsWith('#'))) continue;
      // An empty destination (`[a copy tool]()`) leads nowhere, not to this pattern: the link rule says so.
      if (link.url.trim() === '') continue;
      const to = index.resolvePattern(link.url, pattern.file);
      if (to === pattern) {
        report({ message: `${where} lists this pattern itself (${shown}): list other patterns only. Remove the link.`, ...at });
        continue;
      }
      if (to) continue;
      const target = classifyTarget(link.url, pattern.file, index.files);
      // The web, `mailto:`… are other references, not errors; unsafe paths are the link rule's.
      if (target.kind === 'external') {
        if (publishedSite(catalog.config.site.url, target.url)) {
          const near = suggest(index, pattern, undefined, link.text);
          report({
            message: `${where} lists ${shown}, a page of this catalog's site (\`site.url\`) that is none of its patterns.${near ? ` Did you mean ${near}?` : ''} Fix the address or link the pattern's file.`,
            ...at,
          });
        }
        continue;
      }
      if (target.kind !== 'local') continue;
      const info = index.files.stat(target.file);
      // A pattern that could not be read is still one: its own error says what to mend.
      if (info && index.failedToLoad(target.file)) continue;
      // (A path from the root that names a file of the repository around the catalog, as git hosts read
      // it: `/visions/embedded.md` from a catalog kept in `proposals/`. A document there, no pattern.)
      const inRepository = !info && link.url.trim().startsWith('/') ? repositoryFile(link.url.trim(), pattern.file, catalog.root) : undefined;
      if (inRepository) {
        if (kind === 'alternative' || MORE_THAN_PATTERNS.test(link.sectionPath[0] ?? '')) continue;
        report({
          message: `${where} lists ${shown}: expected a pattern of this catalog, found \`${inRepository}\`, a file of the repository outside the catalog. Link another pattern's file, or remove the entry.`,
          ...at,
          warning: true,
        });
        continue;
      }
      // `/docs/guide/retries`: a path from the root without an extension that names no file is an
      // address of the published site (the link rule says so, as a warning).
      if (!info && isSiteAddressPath(link.url, target.file)) continue;
      // `((https://…))`: a web address wrapped in more brackets, no entry of the catalog's (the link rule says so);
      // nor is one written without its scheme, `[Slack](slack.example.io)`.
      if (!info && (wrappedWebAddress(link.url) || schemelessAddress(link.url.trim()))) continue;
      // Alternatives may be other documents than patterns (a design note, an ADR): only a link that leads nowhere is wrong there.
      if (kind === 'alternative' && info) continue;
      // A section named for more than patterns (`Related patterns and guidance`, `Related resources`)
      // lists other documents too: only a link that leads nowhere is wrong there.
      if (info && MORE_THAN_PATTERNS.test(link.sectionPath[0] ?? '')) continue;
      const near = suggest(index, pattern, target.file, link.text);
      const found = info ? `${code(target.rel)}, which is not a pattern` : `no file at ${code(target.rel)}`;
      // (A file that is there is a link that works: a document of the catalog the patterns globs do not
      // select, a warning — if it is a pattern, they should.)
      const document = info?.isFile && /\.(?:md|markdown)$/i.test(target.file);
      report({
        message: `${where} lists ${shown}: expected ${kind === 'related' ? 'a pattern' : 'a file'} of this catalog, found ${found}.${near ? ` Did you mean ${near}?` : ''} ${document ? 'If it is a pattern, add it to `patterns` in the configuration; else link' : 'Link'} another pattern's file, or remove the entry.`,
        ...at,
        ...(info ? { warning: true } : {}),
      });
    }
  },
});

/** Words of a relations section's name that say it lists more than patterns. */
const MORE_THAN_PATTERNS = /\b(?:guidance|guides?|resources?|reading|documents?|documentation|links?|materials?|articles?|references?)\b/i;

/** The URL is on the catalog's published site. */
function publishedSite(site: string | undefined, url: string): boolean {
  if (!site) return false;
  const base = site.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const bare = url.replace(/^https?:\/\//i, '');
  return bare === base || bare.startsWith(`${base}/`);
}

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
  if (!near && text.trim()) near = nearest(text, all, (p) => displayTitle(p), 'title', from);
  return near ? `${code(relativeLink(from.file, near.file))} (${name(near)})` : undefined;
}

function name(p: PatternView): string {
  return p.title?.text ? `“${p.title.text}”` : code(p.slug);
}
