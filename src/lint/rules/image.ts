import { RASTER_DATA } from '../../site/raster-data.js';
import path from 'node:path';
import { z } from 'zod';
import type { Pattern } from '../../catalog/types.js';
import type { Image } from '../../markdown/types.js';
import type { SectionMatch } from '../../template/match-outline.js';
import type { TemplateSchema, TemplateSection } from '../../template/types.js';
import type { CatalogFiles } from '../../catalog/files.js';
import { isLfsPointer, readHead, sniff, type ImageType } from '../../catalog/image-type.js';
import { fromBuiltPage, fromPageFolder, fromSiteRoot, outsideCatalog, relativeLink, type BuiltPageFile, type PageFolderFile } from '../../catalog/links.js';
import { swappedPath } from '../../catalog/renames.js';
import { classifyTarget, nearestPath } from '../../catalog/targets.js';
import { defineCatalogRule, type Report } from '../rule.js';
import { code, headingLabel, pageFolderPlace, siteRootFinding, swapNote, unsafeText } from './_format.js';
import { plainRange } from '../../markdown/lines.js';
import { publishedWithKramdown, publishedWithMkDocs } from '../../catalog/house-rules.js';

/** Accepted extensions and the content each must have. */
const EXTENSIONS: Record<string, ImageType> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', svg: 'svg', webp: 'webp', avif: 'avif' };
const TYPE_NAMES: Record<ImageType, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', avif: 'AVIF', svg: 'SVG' };
const TYPE_EXTENSIONS: Record<ImageType, string> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', avif: 'avif', svg: 'svg' };

const options = z.strictObject({
  /**
   * Images must lie in the pattern's own folder (and, where the template shows
   * one, in the template's folder for it), so a pattern can be moved or
   * exported whole. Off by default: many catalogs keep images in a shared folder.
   */
  ownFolder: z.boolean().default(false),
});
type Options = z.infer<typeof options>;

/** What `collect` keeps of a pattern: its findings, and which template sections with an image it has (`missing`: without one). */
interface Collected {
  /** `notFound`: the catalog path of an image that is not there, judged again against the catalog's prefix swaps. */
  reports: (Report & { notFound?: { rel: string; src: string } })[];
  /** `shown`: the template's image there is a file beside the template (an illustration it shows), not a path to fill in. */
  sections: { id: string; missing?: Report; shown?: true }[];
}

/**
 * A section's image that this share of the patterns with the section lack (and
 * at least `LACKING_MIN` of them) is no rule of the catalog's practice: its
 * absence is a warning that says so. The share at which `init --adopt` makes a
 * section the patterns lack recommended.
 */
const LACKING_SHARE = 0.3;
const LACKING_MIN = 3;

export default defineCatalogRule({
  meta: {
    id: 'image',
    description: 'Every image is a non-empty PNG, JPEG, GIF, SVG, WebP or AVIF file of the catalog, and each section the template shows an image in has one.',
    severity: 'error',
    fixable: false,
    // Whether a section's missing image breaks the catalog's practice depends on the other patterns.
    scope: 'catalog',
    stubs: true,
    options,
  },
  collect({ pattern, files, outline, template, options }): Collected {
    const collected: Collected = { reports: [], sections: [] };
    for (const image of pattern.document.images) checkImage(image, pattern, files, options, (r) => collected.reports.push(plain(r)));
    for (const r of imagesShownAsText(pattern.document, () => (publishedWithMkDocs(files.root) ? 'MkDocs' : publishedWithKramdown(files.root) ? 'Jekyll' : undefined)))
      collected.reports.push(plain(r));
    if (pattern.movedTo !== undefined) return collected;

    // The template's sections that hold an image (Architecture's diagram): the pattern's must have one too, in the same folder.
    const find = (matches: SectionMatch[], schema: TemplateSection): SectionMatch | undefined => {
      for (const m of matches) {
        if (m.schema === schema) return m;
        const inner = find(m.children, schema);
        if (inner) return inner;
      }
      return undefined;
    };
    const visit = (sections: TemplateSection[]): void => {
      for (const schema of sections) {
        const expected = schema.expects.images.find((i) => !isWeb(i.src));
        const match = expected ? find(outline.matches, schema) : undefined;
        if (expected && match) {
          const entry: Collected['sections'][number] = { id: schema.id, ...(illustrates(template, expected.src, files) ? { shown: true as const } : {}) };
          checkSection(
            match,
            expected,
            pattern,
            files,
            options,
            (r) => collected.reports.push(plain(r)),
            (r) => (entry.missing = plain(r)),
          );
          collected.sections.push(entry);
        }
        visit(schema.children);
      }
    };
    visit(template.sections);
    return collected;
  },
  check({ pattern, catalog, index, collected, memo, report }) {
    const mine = collected<Collected>(pattern);
    if (!mine) return;
    for (const { notFound, ...r } of mine.reports) {
      // (`../assets/eip-721/flow.png` for the catalog's `assets/erc-721/flow.png`: a prefix its links
      // write for its files' own, renamed on publishing — there, where the site reads it.)
      const found = notFound
        ? swappedPath(notFound.rel, index.prefixSwaps(), (rel) => index.files.stat(path.join(catalog.root, ...rel.split('/')))?.isFile === true)
        : undefined;
      const swap = found?.swap;
      const swapped = found?.rel;
      if (swap && swapped) {
        const written = relativeLink(pattern.file, path.join(catalog.root, ...swapped.split('/')));
        report({
          ...r,
          message: `Image ${code(notFound!.src)} names ${code(notFound!.rel)}, which the catalog keeps as ${code(swapped)}: ${swapNote(swap)}; its publishing renames them, likely). On a git host it is not shown; ${code(written)} works everywhere.`,
          expected: written,
          warning: true,
        });
      } else report(r);
    }
    // How many of the patterns that have each such section show no image there (a template's sample
    // picture many artifacts have no use for): the catalog's practice, counted once.
    const lacking = memo('sections lacking', () => {
      const counts = new Map<string, { have: number; lack: number }>();
      for (const p of catalog.patterns) {
        if (p.movedTo !== undefined) continue;
        for (const s of collected<Collected>(p)?.sections ?? []) {
          const c = counts.get(s.id) ?? { have: 0, lack: 0 };
          c.have++;
          if (s.missing) c.lack++;
          counts.set(s.id, c);
        }
      }
      return counts;
    });
    for (const s of mine.sections) {
      if (!s.missing) continue;
      const c = lacking.get(s.id);
      // (The template's own picture — a file it shows, `guide/adoption.png` of a guide — that most
      // patterns with the section do without: an illustration of the template's, no slot to fill.)
      if (s.shown && c && c.lack * 2 >= c.have) continue;
      if (c && c.lack >= LACKING_MIN && c.lack >= c.have * LACKING_SHARE)
        report({ ...s.missing, warning: true, message: `${s.missing.message} ${c.lack} of the ${c.have} patterns with this section show no image there: a warning.` });
      else report(s.missing);
    }
  },
});

/**
 * Image Markdown that Markdown shows as text because its path has spaces
 * (`![Relay](../assets/Relay Diagrams.png)`): on GitHub and on the site the
 * reader sees the brackets, not the picture. Outside code blocks and code spans.
 */
function imagesShownAsText(doc: Pattern['document'], publishedWith: () => 'MkDocs' | 'Jekyll' | undefined): Report[] {
  if (!doc.source.includes('](')) return [];
  const out: Report[] = [];
  const inCode = (offset: number) => doc.codeBlocks.some((c) => offset >= c.range.start.offset && offset < c.range.end.offset);
  for (const m of doc.source.matchAll(/!\[([^\]\n]*)\]\(([^()<>\n"]*?\s[^()<>\n"]*?\.(?:png|jpe?g|gif|svg|webp|avif))\)/gi)) {
    const at = m.index;
    const lineStart = doc.source.lastIndexOf('\n', at) + 1;
    // (Inside a code span: an odd number of backticks before it on its line.)
    if (inCode(at) || (doc.source.slice(lineStart, at).match(/`/g)?.length ?? 0) % 2 === 1) continue;
    const [written, alt, src] = [m[0], m[1]!, m[2]!.trim()];
    // (Spaces only inside a site generator's variable, `{{ site.baseurl }}/images/x.png`: the generator
    // fills it in before Markdown reads the path.)
    if (!/\s/.test(src.replace(/\{\{[^{}]*\}\}|\{%[^{}]*%\}/g, ''))) continue;
    // (A catalog published with MkDocs, or with Jekyll's kramdown, shows it on its site: there, only git
    // hosts and editors show the text.)
    const site = publishedWith();
    out.push({
      message: site
        ? `Image ${code(written)} is shown as text on git hosts and in editors (its path has spaces, which a Markdown link may not have), though the catalog's ${site} site shows it. Write ${code(`![${alt}](<${src}>)`)}, or each space as \`%20\`, to show it everywhere.`
        : `Image ${code(written)} is shown as text, not as a picture: its path has spaces, which a Markdown link may not have. Write ${code(`![${alt}](<${src}>)`)}, or each space as \`%20\`.`,
      range: doc.lines.range(at, at + written.length),
      expected: `![${alt}](<${src}>)`,
      ...(site ? { warning: true } : {}),
    });
  }
  return out;
}

/** A finding as plain data: what crosses worker threads (see `plainRange`). */
function plain(r: Report): Report {
  return r.range ? { ...r, range: plainRange(r.range) } : r;
}

function checkImage(image: Image, pattern: Pattern, files: CatalogFiles, options: Options, report: (r: Report) => void): void {
  const at = { range: image.range };
  const shown = code(image.src);
  if (image.src.trim() === '') {
    report({ message: `Image ${image.alt ? `“${image.alt}” ` : ''}has an empty source: point it at an image file in this pattern's folder, or remove it.`, ...at });
    return;
  }
  const target = classifyTarget(image.src, pattern.file, files);
  // An image embedded as a `data:` URI (pasted from an editor, a notebook's plot): git hosts do not show
  // it; the site shows a picture's (PNG, JPEG, GIF, WebP, AVIF), never SVG markup.
  if (target.kind === 'scheme' && target.scheme.toLowerCase() === 'data') {
    const size = Math.round((image.src.length * 3) / 4 / 1024);
    const shown = RASTER_DATA.test(image.src.trim());
    report({
      message: `Image ${image.alt ? `“${image.alt}” ` : ''}is embedded in the text as a \`data:\` URI (${size > 0 ? `about ${size} KB` : 'under 1 KB'}): git hosts do not show such images${shown ? ' (the site does)' : ', nor does the site'}. Save it as a file beside the pattern and link that.`,
      ...at,
      warning: true,
    });
    return;
  }
  // Web images and other schemes are not fetched.
  if (target.kind === 'external' || target.kind === 'scheme') return;
  if (target.kind === 'unsafe') {
    // `../assets/decisions/x.png` from a catalog kept in a folder of a repository, to an image of
    // that repository: it shows there, not on the catalog's site (which publishes the catalog alone).
    // (`../diagram.png` in `lids/0003.md`, for `lids/diagram.png`: read from the page's address, `/lids/0003/`.)
    const page = target.reason === 'outside' ? fromPageFolder(image.src, pattern.file, files.root) : undefined;
    if (page) {
      report({ message: pageFolderMessage(image.src, page, pattern.file, files.root), ...at, warning: true });
      return;
    }
    const built = target.reason === 'outside' ? fromBuiltPage(image.src, pattern.file, files.root) : undefined;
    if (built) {
      report({ message: builtPageMessage(image.src, built, pattern.file, files.root), ...at, warning: true });
      return;
    }
    const beyond = target.reason === 'outside' ? outsideCatalog(image.src, pattern.file, files.root) : undefined;
    if (beyond?.kind === 'repository') {
      report({
        message: `Image ${shown} leaves the catalog root for ${code(beyond.file)} of the repository around it: it shows in the repository and on this catalog's site (copied from there), not in a copy of the catalog alone. Copy it into the catalog to keep it with the pattern.`,
        ...at,
        warning: true,
      });
      return;
    }
    if (beyond?.kind === 'missing') {
      report({
        message: `Image ${shown} is missing: it leaves the catalog root for ${code(beyond.file)} of the repository around it, and there is no such file. Fix the path, or add the image to the catalog.`,
        ...at,
      });
      return;
    }
    if (beyond?.kind === 'unbounded') {
      report({
        message: `Image ${shown} leaves the catalog root, and no git repository around the catalog tells where it leads: Patternbook does not look outside the catalog, so it is not checked. It will not show on this catalog's site nor in a copy of the catalog alone; copy it into the catalog to publish it with the pattern.`,
        ...at,
        warning: true,
      });
      return;
    }
    report({ message: `Image ${shown} is ${unsafeText(target.reason)}. Put the image in this pattern's folder (e.g. \`diagrams/\`) and use a relative path.`, ...at });
    return;
  }
  if (target.backslashes) {
    const slashed = image.src.replace(/\\/g, '/');
    report({
      message: `Image ${shown} separates folders with backslashes, which only Windows understands: web pages and git hosts use \`/\`. Write ${code(slashed)}.`,
      ...at,
      expected: slashed,
    });
    return;
  }
  const file = target.file;
  const info = files.stat(file);
  if (!info) {
    // `/assets/images/x.png` from a catalog kept in `docs/standards/`, where `docs/` holds that folder;
    // `/pics/a.png` in the `public/` a site generator serves at the site's root; `media/x.png` in
    // `patterns/a.md`, from the catalog's root: the image is where a site that publishes it reads it.
    const page = fromPageFolder(image.src, pattern.file, files.root);
    if (page) {
      report({ message: pageFolderMessage(image.src, page, pattern.file, files.root), ...at, warning: true });
      return;
    }
    // (`images/x.png` in `book/bytecode.markdown`, written for its built copy `html/bytecode.html`
    // beside `html/images/x.png`: it shows in the book the build makes.)
    const built = fromBuiltPage(image.src, pattern.file, files.root);
    if (built) {
      report({ message: builtPageMessage(image.src, built, pattern.file, files.root), ...at, warning: true });
      return;
    }
    const found = fromSiteRoot(image.src, pattern.file, files.root);
    if (found) {
      report({ ...siteRootFinding('image', image.src, target.rel, found, pattern.file, files.root), ...at, warning: true });
      return;
    }
    const near = nearestPath(files, file);
    const suggestion = near && files.stat(near)?.isFile && EXTENSIONS[extension(near)] ? relativeLink(pattern.file, near) : undefined;
    report({
      message: `Image ${shown} not found: there is no ${code(target.rel)} in the catalog.${suggestion ? ` Did you mean ${code(suggestion)}?` : ''} Fix the path or add the image.`,
      ...at,
      ...(suggestion ? { expected: suggestion } : {}),
      notFound: { rel: target.rel, src: image.src },
    } as Report);
    return;
  }
  if (options.ownFolder && !isInside(pattern.dir, file)) {
    report({
      message: `Image ${shown} lies outside this pattern's folder (${code(target.rel)}): this catalog keeps a pattern's images in its own folder (rule option \`ownFolder\`), so it can be moved, copied or exported whole. Copy the image into this pattern's folder and link it from there.`,
      ...at,
    });
  }
  if (!info.isFile) {
    report({
      message: `Image ${shown} is a folder, not an image file: point it at the image inside, e.g. ${code(`${image.src.replace(/\/+$/, '')}/architecture.png`)}.`,
      ...at,
    });
    return;
  }
  const spelled = files.caseMismatch(file);
  if (spelled) {
    const fixed = relativeLink(pattern.file, path.join(files.root, spelled));
    report({
      message: `Image ${shown} differs in letter case from the file on disk, ${code(spelled)}: it shows on this machine but not on git hosts and web servers. Write ${code(fixed)}.`,
      ...at,
      expected: fixed,
    });
  }
  if (info.size === 0) {
    report({ message: `Image ${shown} is an empty file (0 bytes): export the image again, or remove the reference.`, ...at });
    return;
  }
  const ext = extension(file);
  const expectedType = EXTENSIONS[ext];
  if (!expectedType) {
    report({
      message: `Image ${shown} ${ext ? `has the extension \`.${ext}\`` : 'has no extension'}: expected an image file (.png, .jpg, .jpeg, .gif, .svg, .webp or .avif). Convert it, e.g. to PNG or SVG.`,
      ...at,
      actual: ext ? `.${ext}` : '',
    });
    return;
  }
  const head = readHead(file);
  if (!head) return;
  const found = sniff(head);
  if (found === expectedType) return;
  if (found) {
    // Browsers tell bitmap formats apart by their bytes and show the image anyway: a warning (tools
    // that go by the extension still trip on it). An SVG is drawn only when served as one: an error.
    const shownAnyway = found !== 'svg' && expectedType !== 'svg';
    report({
      message: shownAnyway
        ? `Image ${shown} is named \`.${ext}\` but holds ${TYPE_NAMES[found]} data: browsers show it, but tools that go by the extension (optimisers, some hosts' content types) do not. Rename it to \`.${TYPE_EXTENSIONS[found]}\` (or convert it).`
        : `Image ${shown} is named \`.${ext}\` but holds ${TYPE_NAMES[found]} data, and a browser draws an SVG only when it is served as one: rename it to \`.${TYPE_EXTENSIONS[found]}\` (or convert it).`,
      ...(shownAnyway ? { warning: true } : {}),
      ...at,
      expected: TYPE_NAMES[expectedType],
      actual: TYPE_NAMES[found],
    });
    return;
  }
  // (A Git LFS pointer is the image as this checkout holds it, not fetched — CI's default checkout —: the
  // page is right where LFS is pulled. A warning.)
  const lfs = isLfsPointer(head);
  report({
    message: `Image ${shown} is not ${TYPE_NAMES[expectedType]} data: ${whatItIs(head)}.${lfs ? ' (A warning: the image is stored in Git LFS and not fetched in this checkout; the page links it rightly.)' : ''}`,
    ...at,
    expected: TYPE_NAMES[expectedType],
    ...(lfs ? { warning: true } : {}),
  });
}

/**
 * What to say of an image that names nothing from its file but a file from the page's web address
 * taken as a folder (see `fromPageFolder`): where it works and where not, and the path from the file.
 */
function pageFolderMessage(written: string, page: PageFolderFile, fromFile: string, root: string): string {
  const { target, name, where } = pageFolderPlace(page, fromFile, root);
  return `Image ${code(written)} names nothing from this file, but resolves to ${where} relative to the page's web address as a folder (\`…/${name}/\`), as Hugo, MkDocs and Jekyll (with pretty permalinks) serve pages: it shows on such a site and on this catalog's site, but is broken on git hosts and in editors, which resolve it from the file. Written from the file, ${code(relativeLink(fromFile, target))}, it shows on git hosts, and on the site too where its image render hook resolves paths from the file.`;
}

/**
 * What to say of an image that names nothing from its file but a file from the page's built copy
 * (see `fromBuiltPage`): where it shows and where not, and the path from the file.
 */
function builtPageMessage(written: string, built: BuiltPageFile, fromFile: string, root: string): string {
  const { where } = pageFolderPlace(built, fromFile, root);
  return `Image ${code(written)} names nothing from this file, but resolves to ${where} from the page's built copy ${code(built.page)}, which shows it: the path is written for the built page. It shows there and on this catalog's site, not on git hosts nor in editors, which resolve it from the file.`;
}

/** Whether a template's image is a file beside the template (a picture it shows), not a path for each pattern to fill in. */
function illustrates(template: TemplateSchema, src: string, files: CatalogFiles): boolean {
  const target = classifyTarget(src, template.file, files);
  return target.kind === 'local' && files.stat(target.file)?.isFile === true;
}

/** The pattern's sections matching a template section that shows an image must show one from the same folder. */
function checkSection(
  match: SectionMatch,
  expected: TemplateSection['expects']['images'][number],
  pattern: Pattern,
  files: CatalogFiles,
  options: Options,
  report: (r: Report) => void,
  missing: (r: Report) => void,
): void {
  const section = match.sections[0]!;
  const images = pattern.document.images.filter((img) =>
    match.sections.some((s) => img.range.start.offset >= s.range.start.offset && img.range.start.offset <= s.range.end.offset),
  );
  const sample = `![${expected.alt}](${expected.src})`;
  const folder = expected.folder;
  // A template folder outside the pattern (`../shared`) asks for nothing about where.
  const local = !folder.startsWith('..') && !path.isAbsolute(folder);
  const folderLabel = folder ? code(`${folder}/`) : "this pattern's folder";
  if (images.length === 0) {
    // (An image the pattern shows elsewhere, `![Steps](steps.png)` at the end of the section before:
    // its diagram, likely, placed there — where is a warning.)
    // (Local, and in a section: not a badge or a logo above the text, nor a picture on the web.)
    const firstSection = pattern.document.sections[0]?.range.start.offset ?? Infinity;
    const elsewhere = pattern.document.images.find((img) => img.range.start.offset > firstSection && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(img.src));
    // (A folder of the template's elsewhere, `/images/`, is its own: the catalog may keep them anywhere.)
    missing({
      message: `Section ${headingLabel(section)} has no image: the template shows one here (${code(sample)}). ${
        elsewhere
          ? `The pattern shows ${code(elsewhere.src)} on line ${elsewhere.range.start.line}: if that is this section's diagram, move it here (a warning).`
          : `Add this pattern's diagram${local ? ` from ${folderLabel}` : ''}.`
      }`,
      range: section.heading.range,
      expected: sample,
      ...(elsewhere ? { warning: true } : {}),
    });
    return;
  }
  // Which folder holds the images is the catalog's choice unless it asks for the pattern's own.
  if (!local || !options.ownFolder) return;
  const want = path.join(pattern.dir, folder);
  const inFolder = images.some((img) => {
    const target = classifyTarget(img.src, pattern.file, files);
    return target.kind === 'local' && isInside(want, target.file) && target.file !== want;
  });
  if (inFolder) return;
  const first = images[0]!;
  report({
    message: `Section ${headingLabel(section)} has no image from ${folderLabel}: the template keeps this section's images there (${code(expected.src)}), but ${code(first.src)} is not. Move the image into ${folderLabel} and link it from there.`,
    range: first.range,
    expected: folder ? `${folder}/${path.posix.basename(first.src.replace(/[?#].*$/, '')) || 'architecture.png'}` : expected.src,
  });
}

function isWeb(src: string): boolean {
  return /^(https?:)?\/\//i.test(src.trim());
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

function extension(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}

/** A guess at what a file that is no image holds, for the message. */
function whatItIs(head: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (isLfsPointer(head)) return 'it is a Git LFS pointer, not the image itself. Run `git lfs pull` (or fix the LFS setup), then lint again';
  if (/^<!doctype html|^<html/i.test(text)) return 'it is an HTML page (a saved error or download page?). Export or download the image itself';
  if (/^<\?xml|^<!--/.test(text)) return 'it is XML, but no `<svg>` element starts in its first 1 KB. Export it as SVG again';
  if (text.startsWith('%PDF')) return 'it is a PDF document. Export the diagram as SVG or PNG';
  return 'its first bytes match no image format. Export the image again';
}
