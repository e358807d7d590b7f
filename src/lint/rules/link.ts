import { isBareLabel } from '../../catalog/catalog-index.js';
import { linksCheckedByMdox, publishedWithMkDocs, siteKeepsPunctuationInIds } from '../../catalog/house-rules.js';
import { setAsideFolder } from '../../catalog/status.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CatalogIndex } from '../../catalog/catalog-index.js';
import {
  bySiteAddress,
  resolveReference,
  decodeLinkPath,
  fromPageFolder,
  fromSiteRoot,
  isSiteAddressPath,
  outsideCatalog,
  relativeLink,
  repositoryFile,
  repositoryRoot,
  servesPagesByAddress,
  type PageFolderFile,
  schemelessAddress,
  wrappedWebAddress,
} from '../../catalog/links.js';
import { listedEntry, relationKind } from '../../catalog/relations.js';
import { classifyTarget, nearestPath } from '../../catalog/targets.js';
import { swapOf, swapPath, swappedPath } from '../../catalog/renames.js';
import type { PatternView } from '../../catalog/types.js';
import { inToc, toolIds } from '../../markdown/toc.js';
import type { Heading, Link } from '../../markdown/types.js';
import { parseMarkdown, TASK_ITEM_OPENING } from '../../markdown/document.js';
import { defineCatalogRule, type LintFlags, type Report } from '../rule.js';
import { code, pageFolderPlace, quote, siteRootFinding, swapNote, unsafeText } from './_format.js';
import { brokenReason, CACHE_MAX_AGE_MS, checkExternalUrls, requestUrl, type ExternalResult } from './_external.js';
import { closest } from '../../util/similar.js';
import { fillInTarget } from '../../template/placeholders.js';

const options = z.strictObject({
  /** Seconds to wait for each external request (`--external`). */
  timeout: z.number().positive().max(300).default(10),
  /** External requests in flight at once (`--external`). */
  concurrency: z.number().int().min(1).max(64).default(8),
});
type Options = z.infer<typeof options>;

/** A file's extension, not a web domain: documents, images, data and source code (`limit.go`, `setup.py`). */

export default defineCatalogRule({
  meta: {
    id: 'link',
    description: 'Every relative link leads to a file or folder of the catalog and to a heading that exists; with `--external`, every web link answers.',
    severity: 'error',
    fixable: false,
    scope: 'catalog',
    stubs: true,
    options,
  },
  async check({ pattern, index, flags, options, template, report: reportFinding, memo }) {
    const external = flags.external ? await memo('external', () => externalResults(index, flags, options)) : undefined;
    const said = new Set<string>();
    // (The pattern's text, read once where a link asks: a view's is read back from disk.)
    let text: string | undefined;
    const sourceOnce = () => (text ??= index.sourceOf(pattern));
    for (const link of pattern.links) {
      // A link by reference (`[text][label]`) takes its destination from one definition, which
      // is what to fix: a finding is said there, once, however many times the label is used.
      const definition = link.definition;
      // The template's blank for a link kept (`[User stories](insert_your_link_here)`): template text
      // left in, the placeholder rule's to say, not a file to look for.
      if (fillInTarget(link.url) && memo(`template links ${template.file}`, () => new Set(template.document.links.map((l) => l.url))).has(link.url)) continue;
      const report = (finding: Report): void => {
        if (!definition) return reportFinding(finding);
        const key = `${definition.start.offset}\u0000${finding.message}`;
        if (said.has(key)) return;
        said.add(key);
        reportFinding({ ...finding, range: definition });
      };
      const at = { range: link.range };
      const shown = code(link.url);
      if (link.url.trim() === '') {
        const label = link.text ? ` ${quote(link.text)}` : '';
        // (Under text that is an address, `[short.example/no-copies]()`: the page showing its own short
        // address, a link to itself as written. A warning.)
        if (/^(?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$/i.test(link.text.trim()))
          report({
            message: `Link${label} has an empty destination: it leads to this page itself, under text that is an address. If that is this page’s own address, link it (\`${/^https?:/i.test(link.text.trim()) ? link.text.trim() : `https://${link.text.trim()}`}\`); if not, point it where it goes.`,
            ...at,
            warning: true,
          });
        // (In an item whose box is left unticked, `- [ ] [Feedback plan]()`, the item says it is not done
        // yet: its link is still to come, a warning. A link written wrong there is wrong all the same.)
        else if (untickedItem(sourceOnce(), link.range.start.line))
          report({
            message: `Link${label} has an empty destination: point it at a file, a heading (\`#id\`) or a URL, or remove the link. (In an item whose box is left unticked, not done yet: a warning.)`,
            ...at,
            warning: true,
          });
        else report({ message: `Link${label} has an empty destination: point it at a file, a heading (\`#id\`) or a URL, or remove the link.`, ...at });
        continue;
      }
      const target = classifyTarget(link.url, pattern.file, index.files);
      switch (target.kind) {
        case 'scheme': {
          // A web address with its scheme mistyped (`https.://`, `htps://`) is a link no reader can follow.
          const web = mistypedWebScheme(target.scheme);
          if (web) report({ message: `Link ${shown} has the scheme \`${target.scheme}:\`, which no browser opens: write \`${web}:\`.`, ...at });
          break;
        }
        case 'external': {
          const result = external?.get(requestUrl(link.url.trim()));
          if (result && !result.ok) {
            report({
              message: `Broken external link ${shown}: ${brokenReason(result, options.timeout * 1000)}. Update the URL or remove the link.`,
              ...at,
              actual: describe(result),
            });
          }
          break;
        }
        case 'unsafe': {
          // `../../shared/guide.md` from a catalog kept in a folder of a larger repository, to a file of
          // that repository: it works there (its own checks follow it), not in the catalog alone.
          const beyond = target.reason === 'outside' ? outsideCatalog(link.url, pattern.file, index.catalog.root) : undefined;
          if (beyond?.kind === 'repository') {
            report({
              message: `Link ${shown} leaves the catalog root for ${code(beyond.file)} of the repository around it: it works in the repository, not on this catalog's site nor in a copy of the catalog alone.`,
              ...at,
              warning: true,
            });
            break;
          }
          const page = target.reason === 'outside' ? fromPageFolder(link.url, pattern.file, index.catalog.root, { link: true }) : undefined;
          if (page) {
            report({ ...pageFolderFinding(link.url, page, pattern.file, index.catalog.root), ...at, warning: true });
            break;
          }
          // `../guide/types#widget` for the repository's `guide/types.md`: the address a published site gives
          // that page, as a link inside the catalog may be (`./valve-design` for `valve-design.md`): a warning
          // that gives the path that works everywhere.
          const repo = beyond?.kind === 'missing' ? repositoryRoot(index.catalog.root) : undefined;
          const bare = beyond?.kind === 'missing' ? beyond.file.replace(/\/+$/, '').replace(/\.html?$/i, '') : '';
          const asPage =
            repo && bare && !/\.(?:md|markdown)$/i.test(bare) ? ['.md', '.markdown'].map((ext) => bare + ext).find((f) => existsSync(path.join(repo, f))) : undefined;
          if (asPage && repo) {
            const anchorAt = link.url.indexOf('#');
            const written = relativeLink(pattern.file, path.join(repo, asPage)) + (anchorAt >= 0 ? link.url.slice(anchorAt) : '');
            report({
              message: `Link ${shown} leaves the catalog root for ${code(bare)} of the repository around it, the address a published site gives ${code(asPage)}: on a git host it is broken. Write ${code(written)}, which works everywhere.`,
              ...at,
              expected: written,
              warning: true,
            });
            break;
          }
          if (beyond?.kind === 'missing') {
            report({
              message: `Broken link ${shown}: it leaves the catalog root for ${code(beyond.file)} of the repository around it, and there is no such file. Fix the path, or link a file inside the catalog.`,
              ...at,
            });
            break;
          }
          if (beyond?.kind === 'unbounded') {
            // No repository around the catalog says how far its folder's surroundings go: what the
            // link names is not looked for (nothing outside the catalog is), so it is no error.
            report({
              message: `Link ${shown} leaves the catalog root, and no git repository around the catalog tells where it leads: Patternbook does not look outside the catalog, so it is not checked. It will not work on this catalog's site nor in a copy of the catalog alone; link a file inside the catalog or a published https:// URL.`,
              ...at,
              warning: true,
            });
            break;
          }
          report({
            message: `Link ${shown} is ${unsafeText(target.reason)}. Link to a file inside the catalog with a path relative to this pattern, or to a published https:// URL.`,
            ...at,
          });
          break;
        }
        case 'local': {
          if (target.backslashes) {
            const slashed = link.url.replace(/\\/g, '/');
            report({
              message: `Link ${shown} separates folders with backslashes, which only Windows understands: web links and git hosts use \`/\`. Write ${code(slashed)}.`,
              ...at,
              expected: slashed,
            });
            break;
          }
          const hash = target.anchor !== undefined ? `#${target.anchor}` : '';
          const info = index.files.stat(target.file);
          // `[the second idea](xp-second)`: a MyST label, set by `(xp-second)=` above a pattern's title, which
          // MyST and Sphinx resolve. In a catalog written for MyST, a bare name no pattern sets may be a
          // label of the documentation around it: not checked, a warning.
          if (!info && isBareLabel(link.url)) {
            if (index.labelOwner(link.url.replace(/#.*$/, ''))) break;
            if (index.usesMystTargets()) {
              report({
                message: `Link ${shown} names no file, and no pattern sets the MyST label ${code(`(${link.url.replace(/#.*$/, '')})=`)}: in a catalog written for MyST (its patterns set such labels) it may be a label of the documentation around the catalog, which is not checked. If it is a file, fix the path.`,
                ...at,
                warning: true,
              });
              break;
            }
          }
          // `./eip-150` or `./eip-150.html` for `eip-150.md`: the address the catalog's published site
          // gives the page. It works there and nowhere else (git hosts, editors, this site's other
          // readers), so it is a warning with the path that works everywhere, not a broken link.
          // `{{ site.baseurl }}/components/slider`: the address a pattern sets for its page (`permalink:`), or
          // a Jekyll collection's page (`_components/slider.md`).
          if (!info && index.sitePage(link.url, pattern.file)) break;
          // `[dashboard](Privacy-Dashboard)` in a wiki (`Home.md` with `[[Page]]` links): a page by its name, in
          // any folder and any case, as the wiki finds it. (Its `.md` would break the wiki.)
          if (!info && index.wikiPage(link.url)) break;
          // (`in-page/index.html` beside `in-page/index.njk`: a page the site generator builds from a
          // template of its own — Nunjucks, Liquid, Handlebars… —, which the published site has.)
          if (!info && generatedFrom(target.file, (f) => index.files.stat(f)?.isFile === true)) break;
          const source = info ? undefined : bySiteAddress(target.file, (f) => (index.files.stat(f)?.isFile ? f : undefined));
          if (source) {
            const fixed = relativeLink(pattern.file, source) + hash;
            report({
              message: `Link ${shown} is the address a published site gives ${code(path.relative(index.catalog.root, source).split(path.sep).join('/'))}: it works there, but not on git hosts or in editors. Write ${code(fixed)}, which works everywhere.`,
              ...at,
              warning: true,
              expected: fixed,
            });
            break;
          }
          // `/specification/logs.md` from a catalog kept in a folder of a larger repository: git hosts
          // read it from the repository's root, where it is (as `../specification/logs.md` would be).
          const fromRepository = !info && /^\/(?!\/)/.test(link.url.trim()) ? repositoryFile(link.url.trim(), pattern.file, index.catalog.root) : undefined;
          if (fromRepository) {
            report({
              message: `Link ${shown} is a path from the root of the repository around the catalog, to ${code(fromRepository)}: it works in the repository, not on this catalog's site nor in a copy of the catalog alone.`,
              ...at,
              warning: true,
            });
            break;
          }
          // `/azure/architecture/guide/` or `/docs/retries`: a path from the root with no file extension,
          // that names nothing in the repository, is an address on the catalog's published site (docs
          // sites link their pages so), which only that site can answer: said, as a warning.
          // (`/recipes/breads/bread-rye/` in a catalog kept in `recipes/`: the route its documentation site gives a
          // pattern. It works there; the path from the file works everywhere.)
          const routed = !info && isSiteAddressPath(link.url, target.file) ? index.resolvePattern(link.url, pattern.file) : undefined;
          if (routed) {
            const written = relativeLink(pattern.file, routed.file) + hash;
            report({
              message: `Link ${shown} is the route a documentation site gives ${code(routed.path)}: it works there, but not on git hosts or in editors. Write ${code(written)}, which works everywhere.`,
              ...at,
              expected: written,
              warning: true,
            });
            break;
          }
          if (!info && isSiteAddressPath(link.url, target.file)) {
            report({
              message: `Link ${shown} names no file of the catalog: a path from the root without a file extension reads as an address on the published site, which only that site can answer. If it is a file of the catalog, fix the path; else write the site's full https:// address.`,
              ...at,
              warning: true,
            });
            break;
          }
          // A missing entry of Related Patterns / Alternatives is `related-pattern`'s to report, naming patterns.
          // (Not a web address wrapped in more brackets, `((https://…))`, nor one written without its scheme,
          // `slack.example.io`: a slip of the link's syntax, said here.)
          // (Not a mention in the prose of a discussion of alternatives: no entry, this rule's.)
          const listed = relationKind(link.sectionPath[0]);
          if (!info && listed && !(listed === 'alternative' && !listedEntry(sourceOnce(), link)) && !wrappedWebAddress(link.url) && !schemelessAddress(link.url)) break;
          // `/pics/notes.md` in the `public/` a site generator serves at the site's root, `guides/x.md` in
          // `patterns/a.md` from the catalog's root: the file is where a site that publishes it reads it.
          const found = info ? undefined : fromSiteRoot(link.url, pattern.file, index.catalog.root);
          // (Not a page's Markdown file on a Hugo site, which serves the page at its address, not the file.)
          const base = !found || found.in === 'catalog' ? index.catalog.root : (repositoryRoot(index.catalog.root) ?? index.catalog.root);
          if (found && /\.(?:md|markdown)$/i.test(found.file) && servesPagesByAddress(base)) {
            // (Said with the page's address there, and the file's path from this pattern, which git hosts follow.)
            const inFolder = found.folder ? found.file.slice(found.folder.length + 1) : found.file;
            const address = `/${inFolder.replace(/(?:^|\/)_?index\.(?:md|markdown)$/i, '/').replace(/\.(?:md|markdown)$/i, '/')}`.replace(/\/{2,}/g, '/');
            const written = relativeLink(pattern.file, path.join(base, ...found.file.split('/'))) + hash;
            report({
              message: `Broken link ${shown}: Hugo publishes \`${found.file}\` as the page \`${address}\`, not as a file, and git hosts read the path from the repository's root — it leads nowhere on either. Link the page's address (\`${address}\`) for the site, or \`${written}\`, relative to this pattern, for git hosts.`,
              ...at,
            });
            break;
          }
          if (found) {
            const finding = siteRootFinding('link', link.url, target.rel, found, pattern.file, index.catalog.root);
            report({ ...finding, ...(finding.expected !== undefined ? { expected: finding.expected + hash } : {}), ...at, warning: true });
            break;
          }
          const page = info ? undefined : fromPageFolder(link.url, pattern.file, index.catalog.root, { link: true });
          if (page) {
            report({ ...pageFolderFinding(link.url, page, pattern.file, index.catalog.root), ...at, warning: true });
            break;
          }
          // `./eip-721.md` for the catalog's `erc-721.md`: a prefix its links write for its files' own, as a
          // catalog split from another keeps the other's names and renames on publishing. Broken on a git
          // host, working on the site: a warning. (One the swap leads nowhere names a document of that
          // other series, which its publishing may add: a warning that says so.)
          const swap = info ? undefined : swapOf(target.rel, index.prefixSwaps());
          if (swap) {
            const inCatalog = (rel: string) => index.files.stat(path.join(index.catalog.root, ...rel.split('/'))) !== undefined;
            const found = swappedPath(target.rel, [swap], inCatalog);
            const exists = found !== undefined;
            const swapped = found?.rel ?? swapPath(target.rel, swap);
            const written = relativeLink(pattern.file, path.join(index.catalog.root, ...swapped.split('/'))) + hash;
            report({
              message: exists
                ? `Link ${shown} names ${code(target.rel)}, which the catalog keeps as ${code(swapped)}: ${swapNote(swap)}; its publishing renames them, likely). On a git host this link is broken; ${code(written)} works everywhere.`
                : `Link ${shown} names ${code(target.rel)}, and there is no ${code(swapped)} either: the catalog's ${swapNote(swap).replace(/^its /, '')}), so this may be a document of the other series its publishing adds. If not, fix the path.`,
              ...at,
              ...(exists ? { expected: written } : {}),
              warning: true,
            });
            break;
          }
          // `[Kim](@kimdev)`: a GitHub handle written where a path goes, which git hosts read as a file beside
          // this one. Where the template writes its own links so (`[name](@github-username)`), it is the
          // catalog's convention: a warning.
          const handle = info ? undefined : /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(link.url.trim())?.[1];
          if (handle) {
            const prescribed = memo(`template handle links ${template.file}`, () => template.document.links.some((l) => /^@[\w-]+$/.test(l.url.trim())));
            report({
              message: `Link ${shown} is a GitHub handle written as a path: git hosts read it as the file ${code(target.rel)}, which there is not. Link the profile, \`https://github.com/${handle}\`.${prescribed ? ' (The template writes its links to people so: a warning.)' : ''}`,
              ...at,
              expected: `https://github.com/${handle}`,
              ...(prescribed ? { warning: true } : {}),
            });
            break;
          }
          if (!info) {
            // A web or e-mail address written without its scheme is read as a path: say what it looks like.
            // `[x]((https://…))` or `[x]([https://…](https://…))`: a web address wrapped in more Markdown, read as a path.
            const wrapped = wrappedWebAddress(link.url);
            const looks = wrapped
              ? ` It is the web address ${code(wrapped)} inside extra brackets or parentheses: write the link as \`[text](${wrapped})\`.`
              : schemelessAddress(link.url) === 'email'
                ? ' It looks like an e-mail address: write it `mailto:` first.'
                : schemelessAddress(link.url) === 'web'
                  ? ' It looks like a web address: write it with `https://`.'
                  : '';
            const near = looks ? undefined : nearestPath(index.files, target.file, index.catalog.patterns);
            const suggestion = near ? relativeLink(pattern.file, near) + hash : undefined;
            // (`../0122.md` for the catalog's one `general/0122.md`, where the catalog's links name its
            // documents by file name alone often — three at least, from two files —: its published site
            // finds pages by name. Broken on a git host, working on the site: a warning.)
            const byName = looks ? undefined : index.namedElsewhere(link.url, pattern.file);
            const convention = byName ? index.linksByName() : 0;
            // (Not where the file it names now lies in a folder of documents set aside, `defunct/`,
            // `archive/`, out of the linking page's: moved there after the link was written, which broke
            // it, wherever it is read.)
            if (byName && movedAside(byName.file, pattern.file)) {
              const written = relativeLink(pattern.file, byName.file) + hash;
              report({
                message: `Broken link ${shown}: the file it names is now ${code(path.relative(index.catalog.root, byName.file).split(path.sep).join('/'))}, moved into a folder of documents set aside. Write ${code(written)}.`,
                ...at,
                expected: written,
              });
              break;
            }
            if (byName && convention > 0) {
              const written = relativeLink(pattern.file, byName.file) + hash;
              report({
                message: `Link ${shown} names ${code(path.relative(index.catalog.root, byName.file).split(path.sep).join('/'))} by its file name alone, in a folder where it is not, as ${convention} links of the catalog do: its published site finds pages by name, likely. On a git host this link is broken; ${code(written)} works everywhere.`,
                ...at,
                expected: written,
                warning: true,
              });
              break;
            }
            // (In a wiki, a page named by a link that is no path: no page of that name.)
            if (!looks && index.isWiki() && !/[/\\]|\.(?:md|markdown)(?:#|$)/i.test(link.url)) {
              const named = near ? path.basename(near).replace(/\.(?:md|markdown)$/i, '') : undefined;
              report({
                message: `Broken link ${shown}: this wiki has no page of that name, in any folder.${named ? ` Did you mean ${code(named)}?` : ''} Fix the name or remove the link.`,
                ...at,
                ...(named ? { expected: named + hash } : {}),
              });
              break;
            }
            // (The template's own link, kept as written in a folder other than the template's: the fix is
            // the template's too, or every new pattern copies it broken.)
            const templateDir = path.dirname(template.file);
            const copied =
              templateDir !== path.dirname(pattern.file) &&
              template.document.links.some((l) => l.url === link.url) &&
              index.files.stat(path.resolve(templateDir, decodeLinkPath(link.url.replace(/[?#].*$/, '')))) !== undefined
                ? ` It is the template's own link, written for the template's folder (\`${path.relative(index.catalog.root, template.file).split(path.sep).join('/')}\`), where it works: fix it here and in the template, or every new pattern copies it broken.`
                : '';
            report({
              message: `Broken link ${shown}: there is no ${code(target.rel)} in the catalog.${looks}${suggestion ? ` Did you mean ${code(suggestion)}?` : ''} Fix the path or remove the link.${copied}`,
              ...at,
              ...(suggestion ? { expected: suggestion } : {}),
            });
            break;
          }
          const spelled = index.files.caseMismatch(target.file);
          if (spelled) {
            const fixed = relativeLink(pattern.file, path.join(index.catalog.root, spelled)) + hash;
            report({
              message: `Link ${shown} differs in letter case from the file on disk, ${code(spelled)}: it works on this machine but not on git hosts and web servers. Write ${code(fixed)}.`,
              ...at,
              expected: fixed,
            });
            break;
          }
          if (target.anchor) checkAnchor(link, target.file, target.anchor, info.isDirectory, pattern, index, report);
          break;
        }
      }
    }
  },
});

/**
 * The file's headings by the id a table-of-contents tool writes for each (see `toolIds`), where it
 * is not the host's id; read again only where such an anchor is looked for, a link in the tool's
 * table that names no heading.
 */
function headingsByToolId(source: string): Map<string, Heading> {
  const out = new Map<string, Heading>();
  const parsed = parseMarkdown(source);
  if (!parsed.ok) return out;
  for (const [h, id] of toolIds(parsed.document.headings)) if (id !== h.id && !out.has(id)) out.set(id, h);
  return out;
}

/**
 * The Markdown file among those a pattern links to — by a relative path, or by its address on a code
 * host (`https://github.com/org/repo/blob/main/PROTOCOL.md#…`) read in the repository around the
 * catalog — that has a heading with this id.
 */
function linkedDocumentWith(id: string, pattern: PatternView, index: CatalogIndex): string | undefined {
  const root = index.catalog.root;
  const repo = repositoryRoot(root) ?? root;
  const seen = new Set<string>();
  for (const l of pattern.links) {
    const url = l.url.trim();
    if (url.startsWith('#')) continue;
    let file: string | undefined;
    const hosted =
      /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org)\/[^/]+\/[^/]+\/(?:-\/)?(?:blob|tree)\/[^/]+\/([^?#]+\.(?:md|markdown))(?:[?#]|$)/i.exec(url);
    if (hosted) file = path.resolve(repo, decodeLinkPath(hosted[1]!));
    else {
      const target = resolveReference(url, pattern.file, root);
      if (target.kind === 'local' && /\.(?:md|markdown)$/i.test(target.file)) file = target.file;
    }
    if (!file || file === pattern.file || seen.has(file)) continue;
    seen.add(file);
    const rel = path.relative(repo, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (index.anchorsOf(file)?.has(id)) return file;
  }
  return undefined;
}

/** Whether two of a pattern's own anchors or more name no heading of its own but one of `file`, a file outside the catalog's documents: text written for that file. */
function writtenFor(file: string, pattern: PatternView, index: CatalogIndex, own: ReadonlySet<string>): boolean {
  // (A document of the catalog's own is no specification its patterns amend: text copied from it is this one's.)
  if (index.catalog.patterns.some((p) => p.file === file)) return false;
  const theirs = index.anchorsOf(file);
  if (!theirs) return false;
  const named = new Set<string>();
  for (const l of pattern.links) {
    const url = l.url.trim();
    if (!url.startsWith('#')) continue;
    let id = url.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep as written
    }
    id = id.toLowerCase();
    if (!own.has(id) && theirs.has(id)) named.add(id);
  }
  return named.size >= 2;
}

/** `#anchor` must name a heading (or an HTML `id`/`name`) of the Markdown file it points into. */
function checkAnchor(link: Link, file: string, rawAnchor: string, isDirectory: boolean, pattern: PatternView, index: CatalogIndex, report: (r: Report) => void): void {
  let anchor = rawAnchor;
  try {
    anchor = decodeURIComponent(rawAnchor);
  } catch {
    // keep as written
  }
  // `#top` scrolls to the top in every browser; GitHub prefixes its heading ids with `user-content-`.
  if (anchor === 'top') return;
  anchor = anchor.replace(/^user-content-/, '');

  let markdown = file;
  if (isDirectory) {
    // A folder shows its README on git hosts.
    const readme = path.join(file, 'README.md');
    if (!index.files.stat(readme)?.isFile) return;
    markdown = readme;
  } else if (!/\.(md|markdown)$/i.test(file)) {
    // `#L10` and other anchors of source files are the host's business.
    return;
  }
  const ids = index.anchorsOf(markdown);
  if (!ids || ids.has(anchor) || index.htmlAnchors(markdown).has(anchor)) return;
  // Heading ids are lower case, and GitHub finds a heading whatever the case of the link's
  // `#Fragment` (the site does too): a link that differs only in case works where it is read.
  // So does one to an `<a name="…">` of another case.
  const lower = anchor.toLowerCase();
  if (ids.has(lower) || [...index.htmlAnchors(markdown)].some((id) => id.toLowerCase() === lower)) return;

  const self = markdown === pattern.file;
  // The heading's id where punctuation is kept (`#keep-logs,-metrics-and-traces-apart`), in a catalog whose site builds so (markdown-it-anchor's
  // default, as Eleventy sites give ids): the link works on such a site, not on git hosts. A warning.
  const kept = lower.replace(/[^\p{L}\p{N}\s_-]/gu, '');
  if (kept !== lower && kept !== '' && ids.has(kept) && siteKeepsPunctuationInIds(index.catalog.root)) {
    const fixed = `${link.url.replace(/#.*$/, '')}#${kept}`;
    report({
      message: `Anchor ${code(`#${anchor}`)} keeps the punctuation of its heading, as the catalog's site writes ids (it builds with markdown-it-anchor): it works there, not on git hosts nor on Patternbook's site, where the id is ${code(`#${kept}`)}. Write ${code(fixed)} to have it work everywhere else.`,
      range: link.range,
      warning: true,
      expected: fixed,
    });
    return;
  }
  // The heading's id as MkDocs writes it (`#upgrade-downgrade` for `### Upgrade / Downgrade`: its
  // slugs join runs of spaces and dashes, where git hosts keep one dash for each), in a catalog
  // published with MkDocs: the link works on its site, not on git hosts. A warning.
  const mkdocsId = (id: string) =>
    id
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '');
  const written = [...ids].find((id) => id !== lower && mkdocsId(id) === lower);
  if (written !== undefined && publishedWithMkDocs(index.catalog.root)) {
    const fixed = `${link.url.replace(/#.*$/, '')}#${written}`;
    report({
      message: `Anchor ${code(`#${anchor}`)} is its heading's id as MkDocs writes it (the catalog is published with MkDocs, whose ids join runs of spaces and dashes): it works there, not on git hosts nor on Patternbook's site, where the id is ${code(`#${written}`)}. Write ${code(fixed)} to have it work everywhere else.`,
      range: link.range,
      warning: true,
      expected: fixed,
    });
    return;
  }
  // The heading's id as mdox finds it (underscores dropped: `#handle-type-and-unit` for `` ## Handle
  // `__type__` and `__unit__` ``), in a catalog whose checks validate links with mdox: the link passes its
  // CI, and jumps nowhere on git hosts. A warning, with the host's id.
  const unscored = lower.includes('_') ? undefined : [...ids].find((id) => id.includes('_') && id.replace(/_/g, '') === lower);
  if (unscored !== undefined && linksCheckedByMdox(index.catalog.root)) {
    report({
      message: `Anchor ${code(`#${anchor}`)} is its heading's id without the underscores, as mdox finds headings (the catalog's checks validate links with it): it passes there, and jumps nowhere on git hosts nor on Patternbook's site, where the id is ${code(`#${unscored}`)}. If mdox accepts that id too, write it; else keep the link as the catalog's checks want it.`,
      range: link.range,
      warning: true,
    });
    return;
  }
  // The heading's id as the tool that keeps the file's table of contents writes it (`<!-- toc -->` …
  // `<!-- /toc -->`, mdtoc's: code spans and characters beyond ASCII dropped): the catalog's own
  // tool's text, which its checks may compare with the headings. It jumps nowhere on git hosts. A warning.
  const source = self ? index.sourceOf(pattern) : '';
  const tooled = self && inToc(source, link.range.start.offset) ? headingsByToolId(source).get(lower) : undefined;
  if (tooled) {
    report({
      message: `Anchor ${code(`#${anchor}`)} in the table of contents a tool keeps is the id that tool writes for ${code(`${'#'.repeat(tooled.level)} ${tooled.raw}`)} (code and characters beyond ASCII dropped): on git hosts and Patternbook's site its id is ${code(`#${tooled.id}`)}, so the link jumps nowhere there. The list is the tool's: to fix it, reword the heading (or use a tool that writes the host's ids), then run the tool again.`,
      range: link.range,
      warning: true,
    });
    return;
  }
  // A route of a single-page site (`#/en-US/icon`, copied from a documentation app that routes by
  // the address's hash): no heading of the file at all. Said so, with what to link instead.
  if (anchor.startsWith('/')) {
    report({
      message: `Broken link ${code(link.url)}: a route of a single-page app (what follows \`#/\` names one of its pages), not a heading, and leads nowhere on git hosts or Patternbook's site. Link that app's full address instead (\`https://…/#${anchor}\`).`,
      range: link.range,
    });
    return;
  }
  // A heading of another Markdown file this pattern links to — the specification its text is written to
  // amend (`PROTOCOL.md#struct-field` linked elsewhere in it) —: text meant for that file, where the anchor
  // jumps once it is pasted in; here it jumps nowhere. A warning, with the link that jumps from here.
  // (Only where the text is written for it: two of its anchors at least name that file's headings, none
  // a near miss of one of its own — `#callback-signature` for its own `#url-callback-signature` is a slip.)
  const found = self && closest(anchor, [...ids], (id) => id) === undefined ? linkedDocumentWith(lower, pattern, index) : undefined;
  const meant = found !== undefined && writtenFor(found, pattern, index, ids) ? found : undefined;
  if (meant) {
    const fixed = `${relativeLink(pattern.file, meant)}#${lower}`;
    report({
      message: `Anchor ${code(`#${anchor}`)} names no heading of this pattern, but one of ${code(path.relative(path.dirname(pattern.file), meant).split(path.sep).join('/'))}, which it links to: text meant for that file, likely, where it jumps once pasted in. Here it jumps nowhere; ${code(fixed)} would.`,
      range: link.range,
      warning: true,
      expected: fixed,
    });
    return;
  }
  // A path from the root, `/README.md#maintainers`, in a catalog kept in a folder of a larger repository
  // that has a file of that name too: git hosts read it from the repository's root, where that file has
  // the heading; the catalog's site, from the catalog's. It works on the host: a warning that says so.
  const repo = link.url.trim().startsWith('/') ? repositoryRoot(index.catalog.root) : undefined;
  const fromRepo = repo && repo !== index.catalog.root ? path.join(repo, decodeLinkPath(link.url.trim().replace(/[?#].*$/, ''))) : undefined;
  if (fromRepo && fromRepo !== markdown && index.anchorsOf(fromRepo)?.has(lower)) {
    const shownFile = code(path.relative(repo!, fromRepo).split(path.sep).join('/'));
    report({
      message: `Anchor ${code(`#${anchor}`)} names a heading of the repository's ${shownFile}, where git hosts read ${code(link.url.trim())} from, not of the catalog's own ${code(path.relative(index.catalog.root, markdown).split(path.sep).join('/'))}, where Patternbook's site reads it: it works on the host, not on the catalog's site.`,
      range: link.range,
      warning: true,
    });
    return;
  }
  const near = closest(anchor, [...ids], (id) => id);
  const where = self ? 'this pattern' : code(path.relative(index.catalog.root, markdown).split(path.sep).join('/'));
  const base = link.url.replace(/#.*$/, '');
  // (An id with a character no one sees, the variation selector an emoji leaves, `#past-members-%EF%B8%8F`:
  // written percent-encoded, or the suggestion would look like the link it replaces.)
  const suggestion = near !== undefined ? `${base}#${near.replace(/[\p{Cf}\uFE00-\uFE0F]/gu, (c) => encodeURIComponent(c))}` : undefined;
  report({
    message: `Broken anchor ${code(`#${anchor}`)}${self && base === '' ? '' : ` in link ${code(link.url)}`}: ${where} has no heading with that id.${suggestion ? ` Did you mean ${code(suggestion)}?` : ''} Link to an existing heading (its id is the heading text in lower case, spaces as hyphens, punctuation dropped).`,
    range: link.range,
    ...(suggestion ? { expected: suggestion } : {}),
  });
}

/**
 * Every web link of the whole catalog, checked once per run (`memo`) on the
 * first pattern that asks (in parallel, bounded), so each pattern then only
 * looks its own links up.
 */
function externalResults(index: CatalogIndex, flags: LintFlags, options: Options): Promise<Map<string, ExternalResult>> {
  const urls = new Set<string>();
  for (const p of index.catalog.patterns) {
    for (const link of p.links) {
      if (/^\s*(https?:)?\/\//i.test(link.url) && classifyTarget(link.url, p.file, index.files).kind === 'external') urls.add(requestUrl(link.url.trim()));
    }
  }
  return checkExternalUrls(urls, {
    timeoutMs: options.timeout * 1000,
    concurrency: options.concurrency,
    cacheFile: path.resolve(index.catalog.root, flags.externalCacheFile ?? path.join('.patternbook', 'external-links.json')),
    maxAgeMs: CACHE_MAX_AGE_MS,
  });
}

function describe(r: ExternalResult): string {
  return r.status !== undefined ? String(r.status) : (r.error ?? 'error');
}

const TYPOS = new Map([
  ['htps', 'https'],
  ['htttps', 'https'],
  ['hhttps', 'https'],
  ['httsp', 'https'],
  ['htpps', 'https'],
  ['htp', 'http'],
  ['htttp', 'http'],
  ['hhttp', 'http'],
]);

/** `http` or `https` where a link's scheme is one of them mistyped (`https.`, `htps`, `htttp`), else undefined. */
function mistypedWebScheme(scheme: string): string | undefined {
  const lower = scheme.toLowerCase();
  for (const web of ['https', 'http']) {
    if (lower === web) return undefined;
    if (lower.replace(/[^a-z]/g, '') === web) return web;
  }
  return TYPOS.get(lower);
}

/**
 * A link that names nothing from its file but leads somewhere read from the page's web address as a
 * folder (`../../older/` in `notes/0001.md`, served at `/notes/0001/`): it works on a site that
 * serves pages so (Hugo), not on git hosts nor in editors. A warning, with the path from the file
 * when it leads into the catalog (there, Patternbook's own site and git hosts follow it).
 */
function pageFolderFinding(written: string, page: PageFolderFile, fromFile: string, root: string): { message: string; expected?: string } {
  const { target, name, where } = pageFolderPlace(page, fromFile, root);
  const anchor = /#.*$/.exec(written.trim())?.[0] ?? '';
  const fromFileLink = relativeLink(fromFile, target) + anchor;
  return {
    message: `Link ${code(written)} names nothing from this file, but leads to ${where} relative to the page's web address as a folder (\`…/${name}/\`), as Hugo, MkDocs and Jekyll (with pretty permalinks) serve pages: it works on such a site, but is broken on git hosts and in editors, which resolve it from the file.${page.in === 'catalog' ? ` Write ${code(fromFileLink)}, which works everywhere.` : ''}`,
    ...(page.in === 'catalog' ? { expected: fromFileLink } : {}),
  };
}

/** Whether the 1-based line of the text is an item of a task list whose box is left unticked (`- [ ] …`, also in a quote). */
function untickedItem(text: string, line: number): boolean {
  let start = 0;
  for (let n = 1; n < line; n++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return false;
  }
  const end = text.indexOf('\n', start);
  return TASK_ITEM_OPENING.exec(text.slice(start, end < 0 ? undefined : end))?.[1] === ' ';
}

/** Whether `file` lies in a folder of documents set aside (see `setAsideFolder`) that the linking page `from` is not in. */
function movedAside(file: string, from: string): boolean {
  return setAsideFolder(path.basename(path.dirname(file))) && !path.dirname(from).split(path.sep).some(setAsideFolder);
}

/** Extensions of the page templates site generators build an `.html` page from (`index.njk` → `index.html`). */
const PAGE_TEMPLATE_EXTENSIONS = [
  '.njk',
  '.nunjucks',
  '.liquid',
  '.hbs',
  '.handlebars',
  '.mustache',
  '.ejs',
  '.pug',
  '.jade',
  '.haml',
  '.slim',
  '.erb',
  '.html.erb',
  '.j2',
  '.jinja',
  '.jinja2',
  '.11ty.js',
  '.astro',
  '.mdx',
  '.vue',
];

/** Whether an `.html` file a link names is built from a page template beside where it would be. */
function generatedFrom(file: string, exists: (file: string) => boolean): boolean {
  if (!/\.html?$/i.test(file)) return false;
  const base = file.replace(/\.html?$/i, '');
  return PAGE_TEMPLATE_EXTENSIONS.some((ext) => exists(base + ext));
}
