import { RASTER_DATA } from './raster-data.js';
import { isBareLabel } from '../catalog/catalog-index.js';
import { displaySummary } from '../catalog/view.js';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import Renderer from 'markdown-it/lib/renderer.mjs';
import Token from 'markdown-it/lib/token.mjs';
import { isImageFile } from '../catalog/image-type.js';
import { swappedPath, type PrefixSwap } from '../catalog/renames.js';
import {
  bySiteAddress,
  routeFile,
  fromBuiltPage,
  fromPageFolder,
  fromSiteRoot,
  inCatalogFromRepository,
  outsideCatalog,
  repositoryRoot,
  resolveReference,
  type ResolvedReference,
} from '../catalog/links.js';
import type { Pattern } from '../catalog/types.js';
import type { Section } from '../markdown/types.js';
import { figureShortcode, HEADING_ID, inlineText, isTocDirective, normalizeSpace } from '../markdown/inline.js';
import { opensWithTitle } from '../catalog/title-line.js';
import { markdownParser } from '../markdown/parser.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { SlugCounter } from '../markdown/slug.js';
import hljs from 'highlight.js/lib/common';
import { diagramSlot, fillSlots } from './diagrams.js';
import { fillFootnoteRefs, footnoteRefSlot, footnoteSection, splitFootnotes } from './footnotes.js';
import { type DirectiveContext, directiveParts, renderDirective } from './myst.js';
import { sanitize } from './sanitize.js';

/** Image types a page shows (SVG only through `<img>`, where its scripts never run). */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg']);

/** Documents a git host shows rendered: linked on its page rather than copied as text. */
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdx']);

/** Files of the catalog a page may link that the site copies (beside images): documents, data, archives — nothing a browser runs. */
const PUBLISHED_EXTENSIONS = new Set([
  ...MARKDOWN_EXTENSIONS,
  ...[...IMAGE_EXTENSIONS].filter((e) => e !== '.svg'),
  ...['.pdf', '.txt', '.csv', '.tsv', '.json', '.yaml', '.yml', '.toml', '.zip', '.gz', '.tgz', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp'],
  ...['.puml', '.plantuml', '.mmd', '.drawio', '.dot', '.sql', '.tf', '.sh', '.py', '.js', '.ts', '.java', '.go', '.rs', '.cs'],
]);

export interface RenderedPattern {
  /** Sanitized article HTML. */
  html: string;
  /**
   * The summary as sanitized HTML, where it was read from a paragraph of the text that holds more than
   * words (a link, code, emphasis): the header shows it so, as the article no longer does.
   */
  summaryHtml?: string;
  /** Files of the pattern's own folder the page uses, relative to that folder (`diagrams/flow.svg`). */
  assets: string[];
  /**
   * Images the page shows, and files it links, from elsewhere in the catalog
   * (a shared `assets/img/` folder, a checklist PDF), relative to the catalog root: copied once into the site's
   * `files/` folder (`SHARED_FILES`), which the page links as `../../files/<path>`.
   */
  catalogFiles: string[];
  /**
   * Images the page shows from the git repository the catalog is a folder of, outside the catalog
   * (`../assets/decisions/flow.png` from a catalog kept in `docs/decisions/`), relative to the
   * repository's root: copied once into the site's `repository-files/` folder (`REPOSITORY_FILES`).
   */
  repositoryFiles: string[];
  /**
   * Markdown files of the pattern's own folder it links (a design note beside it), relative to that
   * folder: each shown as a page of its own beside the pattern's (see `companionPage`), where the
   * site has no repository page to send readers to.
   */
  documents: string[];
  /** Whether the page needs Mermaid's browser runtime (set by `drawDiagrams` for diagram types not drawn at build time). */
  mermaid: boolean;
  /** The Mermaid diagrams' sources, in order: placeholders in `html` until `drawDiagrams` draws them. */
  diagrams: string[];
  /** Table of contents: the `##` and `###` headings. */
  toc: { level: number; text: string; id: string }[];
}

/**
 * The page, beside its pattern's, of a Markdown file of the pattern's folder (`notes/rollout.md` →
 * `notes-rollout.html`): one folder level, so that the links rendered for the pattern's page work from
 * it as well.
 */
export function companionPage(document: string): string {
  return `${document
    .replace(/\.(?:md|markdown)$/i, '')
    .split('/')
    .join('-')}.html`;
}

/** The site folder that holds images shared by several patterns, under their catalog paths. */
export const SHARED_FILES = 'files';

/** The site folder that holds images of the repository around the catalog, under their paths from its root. */
export const REPOSITORY_FILES = 'repository-files';

/** Where a file of `repositoryFiles` is: its path in the repository around the catalog at `root`. */
export function repositorySource(root: string, file: string): string {
  return path.join(repositoryRoot(root) ?? root, ...file.split('/'));
}

export interface RenderContext {
  /** The catalog root: links that leave it are never followed. */
  root: string;
  /** The pattern whose file (or folder) this is: its slug, and whether it is the one rendered. */
  patternAt: (file: string) => { slug: string; self: boolean } | undefined;
  /** The pattern that sets a MyST label (`(xp-second)=`), for a link that names it bare (`[the second](xp-second)`). */
  labelAt?: (label: string) => { slug: string; self: boolean } | undefined;
  /** In a wiki, the pattern a link names by its page's name (`Privacy-Dashboard`, any folder, any case). */
  wikiAt?: (name: string) => { slug: string; self: boolean } | undefined;
  /** The address of a catalog file or folder (relative to the root) on the repository's web page, when the site has one (`site.repoUrl`). */
  sourceUrl?: (rel: string, folder?: boolean) => string;
  /** The prefix swaps the catalog's links make (`./eip-721.md` for its `erc-721.md`; see `learnPrefixSwaps`). */
  swaps?: readonly PrefixSwap[];
  /** The path the catalog's own documentation site serves it under (`site.base`): routes under it name its pages. */
  siteBase?: string;
}

/**
 * Renders a pattern's Markdown (the tokens the model already has) into the
 * HTML of its page: headings get the same anchors lint checks links against;
 * links to other patterns become links to their pages; images and files of
 * the pattern's own folder are kept for copying beside the page; anything that
 * leads nowhere, or out of the pattern's folder, is shown marked instead of
 * linked. The result passes the sanitizer.
 */
export function renderPattern(pattern: Pattern, context: RenderContext): RenderedPattern {
  const md = markdownParser();
  const doc = pattern.document;
  const tokens = doc.tokens ?? md.parse(doc.source, {});
  const assets = new Set<string>();
  const shared = new Set<string>();
  const repository = new Set<string>();
  const documents = new Set<string>();
  const images: ImageContext = { from: pattern, root: context.root, assets, shared, repository, documents, ...(context.swaps?.length ? { swaps: context.swaps } : {}) };
  const diagrams: string[] = [];
  const toc: RenderedPattern['toc'] = [];

  // Top-level headings are the model's headings, in order: their anchors are the model's ids.
  const topHeadings = tokens.filter((t) => t.type === 'heading_open' && t.level === 0);
  const ids = topHeadings.length === doc.headings.length ? new Map(topHeadings.map((t, k) => [t, doc.headings[k]!.id])) : undefined;
  const fallback = new SlugCounter();
  // The page shows the title and summary in its own header: not twice.
  // Footnotes gather at the end of the page, as on GitHub.
  const { tokens: kept, lead } = withoutTitleAndSummary(tokens, pattern);
  const { body, notes } = splitFootnotes(kept);
  const shown = withAlerts(withLinkTexts(withMystTargets(withIncludes(withoutGeneratorLines(withoutTocDirectives(body)))), doc.headings));
  const tasks = taskItems(shown);

  const renderer = new Renderer();
  const rules = renderer.rules;
  const escape = md.utils.escapeHtml;

  // The page's header holds its one H1 (the title): a body that still has H1s of its own (sections
  // written a level up, an H1 beside a front matter title) is shown a level down, its outline kept.
  const down = shown.some((t) => t.type === 'heading_open' && t.tag === 'h1') ? 1 : 0;
  const tagOf = (token: Token) => (down ? `h${Math.min(Number(token.tag.slice(1)) + down, 6)}` : token.tag);
  rules.heading_close = (list: Token[], i: number) => `</${tagOf(list[i]!)}>\n`;
  rules.heading_open = (list: Token[], i: number) => {
    const token = list[i]!;
    const inline = list[i + 1];
    // An id the author set after the text (`{#key-decisions}`) is the anchor (the model's), not text to show.
    const last = inline?.children?.at(-1);
    if (last?.type === 'text' && HEADING_ID.test(last.content)) last.content = last.content.replace(HEADING_ID, '');
    const text = inline?.children ? normalizeSpace(inlineText(inline.children)) : (inline?.content ?? '');
    const id = (token.level === 0 && ids?.get(token)) || fallback.next(text);
    const tag = tagOf(token);
    const level = Number(tag.slice(1));
    if (token.level === 0 && (level === 2 || level === 3)) toc.push({ level, text, id });
    return `<${tag} id="${escape(id)}">`;
  };

  rules.link_open = (list: Token[], i: number) => {
    const token = list[i]!;
    const href = token.attrGet('href') ?? '';
    const title = token.attrGet('title');
    const titleAttr = title ? ` title="${escape(title)}"` : '';
    const target = linkTarget(href, pattern, context, images);
    if (target.kind === 'missing') return `<a class="missing" data-missing="${escape(target.reason)}"${titleAttr}>`;
    const cls = target.kind === 'pattern' ? ' class="pattern-link"' : target.kind === 'external' ? ' class="external" rel="noopener noreferrer"' : '';
    return `<a href="${escape(target.href)}"${cls}${titleAttr}>`;
  };

  rules.image = (list: Token[], i: number) => {
    const token = list[i]!;
    const src = token.attrGet('src') ?? '';
    const alt = token.children ? normalizeSpace(inlineText(token.children)) : token.content;
    const title = token.attrGet('title');
    const titleAttr = title ? ` title="${escape(title)}"` : '';
    const target = imageTarget(src, images);
    if (!target) return `<span class="missing">${escape(alt || missingName(src))}</span>`;
    return `<img src="${escape(target)}" alt="${escape(alt)}" loading="lazy"${titleAttr}>`;
  };

  const directives: DirectiveContext = {
    // Sanitized here: the page's own check for raw HTML does not look inside fences.
    markdown: (source) => sanitize(renderer.render(md.parse(source, {}), md.options, {})),
    readFile: (rel) => catalogText(rel, pattern.file, context.root),
    escape,
  };
  // A DocFX include (`[!INCLUDE[Note](../note.md)]` on a line of its own): the text of that file of
  // the catalog, shown in its place as the docs site shows it; a file it cannot show, a note that says why.
  rules.docfx_include = (list: Token[], i: number) => {
    const read = catalogText(list[i]!.content, pattern.file, context.root);
    if ('reason' in read) return `<p class="missing">${escape(`Included from ${list[i]!.content}, not shown: ${read.reason}.`)}</p>\n`;
    // (Its GitHub alerts, `> [!NOTE]`, as the page's own are shown: a box titled by its kind.)
    return `<div class="include">${sanitize(renderer.render(withAlerts(md.parse(withoutFrontMatter(read.text), {})), md.options, {}))}</div>\n`;
  };

  rules.fence = (list: Token[], i: number) => {
    const token = list[i]!;
    const info = token.info.trim().split(/\s+/);
    // A MyST directive (`{mermaid}`, `{code-block} python`) names its language the same way.
    const directive = /^\{([\w-]+)\}$/.exec(info[0] ?? '')?.[1]?.toLowerCase();
    const lang = (directive && ['code-block', 'code', 'sourcecode'].includes(directive) ? info[1] : (directive ?? info[0]))?.toLowerCase() ?? '';
    // Drawn at build time (see diagrams.ts): a placeholder until the page is written. (A directive's
    // options, `:caption: …` lines first, are not the diagram's.)
    if (lang === 'mermaid') return diagramSlot(diagrams.push(directive ? directiveParts(token.content).body : token.content) - 1);
    // Other MyST directives the site knows (admonitions, `{csv-table}`) are shown as what they are.
    const shownDirective = directive ? renderDirective(directive, info.slice(1).join(' '), token.content, directives) : undefined;
    if (shownDirective !== undefined) return shownDirective;
    const cls = lang && /^[\w-]+$/.test(lang) ? ` class="language-${lang}"` : '';
    return `<pre class="code"><code${cls}>${highlight(token.content, lang) ?? escape(token.content)}</code></pre>\n`;
  };

  // Raw HTML images (`<img src="../../assets/img/x.png" width="400">`) are shown like Markdown ones.
  const defaultBlock = rules.html_block!;
  const defaultInline = rules.html_inline!;
  rules.html_block = (list, i, options, env, self) => rewriteImages(defaultBlock(list, i, options, env, self), images);
  rules.html_inline = (list, i, options, env, self) => rewriteImages(defaultInline(list, i, options, env, self), images);

  // GFM task lists: `- [ ] step` as a check box (disabled: the page is not a form).
  rules.text = (list: Token[], i: number) => {
    const token = list[i]!;
    const box = tasks.has(token) ? TASK.exec(token.content) : null;
    if (!box) return escape(token.content);
    return `<input type="checkbox" disabled${box[1] === ' ' ? '' : ' checked'}> ${escape(token.content.slice(box[0].length))}`;
  };

  // GitHub's alerts (`> [!NOTE]`) are boxes titled by their kind, as MyST's admonitions are.
  const defaultQuoteOpen = rules.blockquote_open ?? ((list, i, options, _env, self) => self.renderToken(list, i, options));
  const defaultQuoteClose = rules.blockquote_close ?? ((list, i, options, _env, self) => self.renderToken(list, i, options));
  rules.blockquote_open = (list, i, options, env, self) => {
    const alert = (list[i]!.meta as { alert?: string } | null)?.alert;
    if (!alert) return defaultQuoteOpen(list, i, options, env, self);
    return `<div class="admonition admonition-${alert}"><div class="admonition-title">${ALERT_TITLES[alert]}</div>\n`;
  };
  rules.blockquote_close = (list, i, options, env, self) =>
    (list[i]!.meta as { alert?: string } | null)?.alert ? '</div>\n' : defaultQuoteClose(list, i, options, env, self);

  // A MyST target (`(repo-list)=` above a heading) is an anchor, not text.
  rules.myst_target = (list: Token[], i: number) => `<span id="${escape(list[i]!.content)}"></span>\n`;

  rules.table_open = () => '<div class="table-wrap"><table>\n';
  rules.table_close = () => '</table></div>\n';

  const seen = new Map<string, number>();
  rules.footnote_ref = (list: Token[], i: number) => footnoteRefSlot(list[i]!, notes, seen);

  // The renderer escapes every text and attribute it writes and allows only safe URLs; markup
  // from the author comes only through raw HTML. Files without any skip the sanitizer's parse
  // (a third of a build's time); the page's CSP stands behind both.
  const raw = hasRawHtml(tokens);
  const safe = (html: string) => (raw ? sanitize(html) : html);
  const clean = safe(renderer.render(shown, md.options, {})) + footnoteSection(notes, (note) => safe(renderer.render(note.tokens, md.options, {})));
  // (The paragraph the header shows as the summary, with its links, code and emphasis: taken out of the
  // article, it keeps them there — `you can [read it on the wiki](…)` — rendered as the article is.)
  const rich = lead?.children?.some((c) => c.type !== 'text' && c.type !== 'softbreak');
  const summaryHtml = rich ? safe(renderer.renderInline(lead!.children!, md.options, {})).trim() : undefined;
  return {
    html: fillSlots(notes.length > 0 ? fillFootnoteRefs(clean) : clean, diagrams, context.root),
    ...(summaryHtml ? { summaryHtml } : {}),
    assets: [...assets].sort(),
    catalogFiles: [...shared].sort(),
    repositoryFiles: [...repository].sort(),
    documents: [...documents].sort(),
    mermaid: false,
    diagrams,
    toc,
  };
}

/** The section the pattern's title was read from (`## Title`, then the name), where it holds that paragraph alone. */
function titleSection(pattern: Pattern): Section | undefined {
  const line = pattern.title?.range.start.line;
  const find = (sections: readonly Section[]): Section | undefined => {
    for (const s of sections) {
      const own = s.blocks.filter((b) => !(b.kind === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(b.html)));
      if (own.length === 1 && own[0]!.kind === 'paragraph' && own[0]!.range.start.line === line && s.children.length === 0) return { ...s, blocks: own };
      const inner = find(s.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return line === undefined ? undefined : find(pattern.document.sections);
}

/**
 * The tokens without the title heading and the summary blockquote under it,
 * when that is where the pattern's title and summary were read (the page's
 * header shows them).
 */
function withoutTitleAndSummary(tokens: Token[], pattern: Pattern): { tokens: Token[]; lead?: Token } {
  const drop = new Set<number>();
  // The title heading, at whatever level the template keeps it (`## Your Proposal Title`).
  // (And the heading right under it that it takes its name from: `NIP-26`, then `Delegated event signing`.)
  // (Or the H1 that opens the text repeating the front matter title, for readers of the source: the
  // header shows it.)
  const repeated = pattern.title?.from === 'front-matter' && opensWithTitle(pattern.document, pattern.title.text) ? pattern.document.title?.range : undefined;
  const title = pattern.title?.from === 'heading' ? pattern.title.range : repeated;
  for (let h = 0; title && h < tokens.length; h++) {
    const t = tokens[h]!;
    if (t.type === 'heading_open' && t.level === 0 && t.map && t.map[0] >= title.start.line - 1 && t.map[0] <= title.end.line - 1)
      for (let i = h; i < h + 3; i++) drop.add(i);
    // (Or written as HTML, `<h1>Name <img …></h1>`: its block.)
    if (t.type === 'html_block' && pattern.document.title?.html && t.map?.[0] === title.start.line - 1) drop.add(h);
  }
  // A `## Title` section the title was read from, that holds the title alone: the header shows it.
  const named = pattern.title?.from === 'section' ? titleSection(pattern) : undefined;
  if (named) {
    for (let h = 0; h < tokens.length; h++) {
      const t = tokens[h]!;
      const at = t.map?.[0];
      if (t.level !== 0 || at === undefined) continue;
      if ((t.type === 'heading_open' && at === named.heading.range.start.line - 1) || (t.type === 'paragraph_open' && at === named.blocks[0]!.range.start.line - 1))
        for (let i = h; i < h + 3; i++) drop.add(i);
    }
  }
  // The paragraph the summary was read from, right under the title (no place of its own in the
  // template), where the header shows it whole: not shown twice. (One trimmed for the header, a
  // lead-in to a list, stays.)
  const lead = pattern.summary?.from === 'paragraph' ? pattern.summary : undefined;
  const leadLine =
    lead &&
    pattern.document.preamble.some((b) => b.kind === 'paragraph' && b.range.start.line <= lead.range.start.line && b.range.end.line >= lead.range.start.line) &&
    displaySummary(lead) === lead.text
      ? lead.range.start.line - 1
      : undefined;
  const p = leadLine === undefined ? -1 : tokens.findIndex((t) => t.type === 'paragraph_open' && t.level === 0 && t.map && t.map[0] <= leadLine && t.map[1] > leadLine);
  const inline = p >= 0 ? tokens[p + 1] : undefined;
  let dropped: Token | undefined;
  if (inline?.map && leadLine !== undefined && inline.map[0] < leadLine) {
    // (Its words under a line of images, `![Overview](flow.png)` right above them: the images stay where
    // they are, the words are in the header.)
    const copy = new Token('inline', '', 0);
    Object.assign(copy, inline);
    copy.children = imagesOf(inline.children ?? []);
    tokens = tokens.map((t) => (t === inline ? copy : t));
  } else if (p >= 0) {
    for (let i = p; i < p + 3; i++) drop.add(i);
    dropped = inline;
    // (A lead-in with the list of points it introduces, read as the summary together: both are shown in the header.)
    const list = tokens[p + 3];
    if (lead && list && (list.type === 'bullet_list_open' || list.type === 'ordered_list_open') && list.map && list.map[0] < lead.range.end.line) {
      let depth = 0;
      for (let i = p + 3; i < tokens.length; i++) {
        drop.add(i);
        if (tokens[i]!.type === list.type) depth++;
        else if (tokens[i]!.type === list.type.replace('_open', '_close') && --depth === 0) break;
      }
    }
  }
  // The summary's blockquote, under the title (after the fields listed there, if any).
  const quote = pattern.summary?.from === 'blockquote' ? pattern.summary.range.start.line - 1 : undefined;
  const q = quote === undefined ? -1 : tokens.findIndex((t) => t.type === 'blockquote_open' && t.level === 0 && t.map?.[0] === quote);
  if (q >= 0) {
    let depth = 0;
    for (let i = q; i < tokens.length; i++) {
      drop.add(i);
      if (tokens[i]!.type === 'blockquote_open') depth++;
      else if (tokens[i]!.type === 'blockquote_close' && --depth === 0) break;
    }
  }
  // (The paragraph shown whole in the header, alone: not with the list of points it leads into.)
  const shownWhole = dropped && !drop.has(p + 3) ? dropped : undefined;
  return { tokens: drop.size > 0 ? tokens.filter((_, i) => !drop.has(i)) : tokens, ...(shownWhole ? { lead: shownWhole } : {}) };
}

/** The images of a paragraph's inline tokens, with the links around them and the breaks between them: its words left out. */
function imagesOf(children: readonly Token[]): Token[] {
  const kept: Token[] = [];
  for (let i = 0; i < children.length; i++) {
    const t = children[i]!;
    const img = isImage(t);
    const wraps = (t.type === 'link_open' && isImage(children[i + 1])) || (t.type === 'link_close' && isImage(children[i - 1]));
    if (img || wraps) kept.push(t);
    else if ((t.type === 'softbreak' || t.type === 'hardbreak') && kept.length > 0 && isImage(children.slice(i + 1).find((c) => c.type !== 'link_open'))) kept.push(t);
  }
  return kept;
}

function isImage(t: Token | undefined): boolean {
  return t !== undefined && (t.type === 'image' || (t.type === 'html_inline' && /^<img\b/i.test(t.content)));
}

/**
 * Without the paragraphs that only ask a renderer for a table of contents
 * (`[TOC]`, `[[_TOC_]]`): the page shows its own, beside the article.
 */
/** A DocFX include alone in a paragraph: `[!INCLUDE[Specification note](../note.md)]`, the file in group 1. */
const DOCFX_INCLUDE = /^\[!INCLUDE\s*\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?\s*\)\]$/i;

/** Each paragraph that is only a DocFX include, as one `docfx_include` token naming the file. */
function withIncludes(tokens: Token[]): Token[] {
  const at = (i: number) => tokens[i]?.type === 'paragraph_open' && tokens[i + 2]?.type === 'paragraph_close' && DOCFX_INCLUDE.exec(tokens[i + 1]?.content.trim() ?? '');
  if (!tokens.some((t) => t.type === 'inline' && t.content.includes('[!INCLUDE'))) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = at(i);
    if (!m) {
      out.push(tokens[i]!);
      continue;
    }
    const token = new Token('docfx_include', '', 0);
    token.content = m[1]!;
    token.block = true;
    token.map = tokens[i]!.map;
    out.push(token);
    i += 2;
  }
  return out;
}

/** A file's text without its front matter, where the catalog's reader finds one (`---` … `---` at the top). */
function withoutFrontMatter(text: string): string {
  const found = parseFrontMatter(text);
  return found.kind === 'ok' ? text.split('\n').slice(found.frontMatter.endLine).join('\n') : text;
}

function withoutTocDirectives(tokens: Token[]): Token[] {
  const toc = (i: number) => tokens[i]?.type === 'paragraph_open' && tokens[i + 2]?.type === 'paragraph_close' && isTocDirective(tokens[i + 1]?.content ?? '');
  if (!tokens.some((_, i) => toc(i))) return tokens;
  return tokens.filter((_, i) => !toc(i) && !toc(i - 1) && !toc(i - 2));
}

/**
 * A site generator's markup on a line of its own — a Hugo shortcode (`{{< comingsoon >}}`,
 * `{{% notice tip %}}` … `{{% /notice %}}`), a Liquid tag (`{% include banner.html %}`) or a Nunjucks
 * call or value (`{{ example({ item: "addresses" }) }}`, `{{ page.banner }}`): the
 * generator draws something there, this page cannot, and the markup is no text to show. Left
 * out, the text between such lines stays. (Not a figure, `{{< figure src="…" >}}`: the image it
 * shows, see `figureImage`.)
 */
const GENERATOR_LINE =
  /^\s*(?:\{\{[<%]-?\s*\/?(?!\s*figure\b)[\w./-]+(?:\s[^\n]*?)?-?[%>]\}\}|\{%-?\s*\w[^\n]*?-?%\}|\{\{-?\s*[A-Za-z_][\w.]*\s*(?:\([^\n]*\))?\s*(?:\|[^\n]*?)?-?\}\})\s*$/;

/** Liquid's `{% raw %}` and `{% endraw %}` inside a line (`{% raw %}`{{ 7*7 }}`{% endraw %}`): they keep Jekyll off what they hold, and show nothing. */
const RAW_TAG = /\{%-?\s*(?:end)?raw\s*-?%\}/g;

function withoutGeneratorLines(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.type === 'inline' && (t.content.includes('{{') || t.content.includes('{%')))) return tokens;
  const drop = new Set<number>();
  const out = tokens.map((t, i) => {
    if (t.type !== 'inline' || tokens[i - 1]?.type !== 'paragraph_open' || !(t.content.includes('{{') || t.content.includes('{%'))) return t;
    const lines = t.content.split('\n');
    const markup = lines.map((l) => GENERATOR_LINE.test(l));
    // (A Hugo figure, `{{< figure src="flow.png" alt="The flow" >}}`: the image it shows.)
    const figures = lines.map(figureImage);
    if (!markup.includes(true) && !figures.some(Boolean)) return t;
    if (markup.every(Boolean)) {
      for (let k = i - 1; k <= i + 1; k++) drop.add(k);
      return t;
    }
    // (Lines of markup around text, in one paragraph: the text alone, its children line by line.)
    const children = t.children ?? [];
    const kept: Token[] = [];
    let line = 0;
    let pending: Token | undefined;
    let placed = -1;
    for (const child of children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') {
        if (!markup[line] && kept.length > 0) pending = child;
        line++;
        continue;
      }
      if (markup[line]) continue;
      if (pending) kept.push(pending);
      pending = undefined;
      const figure = figures[line];
      if (figure) {
        if (placed !== line) kept.push(figure);
        placed = line;
        continue;
      }
      kept.push(child);
    }
    const copy = new Token('inline', '', 0);
    Object.assign(copy, t);
    copy.children = kept;
    copy.content = lines.filter((_, k) => !markup[k]).join('\n');
    return copy;
  });
  const raw = new RegExp(RAW_TAG.source);
  const shown = out.map((t) =>
    t.type === 'inline' && t.content.includes('{%') && t.children?.some((c) => c.type === 'text' && raw.test(c.content)) ? withoutRawTags(t) : t,
  );
  return drop.size > 0 ? shown.filter((_, i) => !drop.has(i)) : shown;
}

/** An inline token with Liquid's raw tags taken out of its text (a copy). */
function withoutRawTags(t: Token): Token {
  const copy = new Token('inline', '', 0);
  Object.assign(copy, t);
  copy.children = (t.children ?? []).map((c) => (c.type === 'text' && c.content.includes('{%') ? copyToken(c, { content: c.content.replace(RAW_TAG, '') }) : c));
  copy.content = t.content.replace(RAW_TAG, '');
  return copy;
}

/** The image of a line that is a Hugo figure (`{{< figure src="flow.png" alt="The flow" >}}`, its `caption` when it has no `alt`), as an `image` token. */
function figureImage(line: string): Token | undefined {
  const figure = figureShortcode(line);
  if (!figure) return undefined;
  const { src, alt } = figure;
  const image = new Token('image', 'img', 0);
  image.attrs = [
    ['src', src],
    ['alt', ''],
  ];
  const text = new Token('text', '', 0);
  text.content = alt;
  image.children = [text];
  image.content = alt;
  return image;
}

/** The paragraphs that are a MyST target alone (`(repo-list)=`), as `myst_target` tokens holding the label. */
function withMystTargets(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.type === 'inline' && t.content.endsWith(')='))) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const label =
      tokens[i]!.type === 'paragraph_open' && tokens[i + 2]?.type === 'paragraph_close' ? /^\(([\w.:-]+)\)=$/.exec(tokens[i + 1]?.content ?? '')?.[1] : undefined;
    if (label === undefined) {
      out.push(tokens[i]!);
      continue;
    }
    const target = new Token('myst_target', '', 0);
    target.content = label;
    target.block = true;
    out.push(target);
    i += 2;
  }
  return out;
}

/**
 * Links written without text, MyST's way to link a target by its title
 * (`[](#repo-list)`, `[](../saga/README.md)`), shown with the text they stand
 * for: the heading a MyST target is set above, or the heading of that anchor,
 * else the address as written — never an empty link a reader cannot see. The
 * inline tokens are copied, not changed: the model's tokens are shared.
 */
function withLinkTexts(tokens: Token[], headings: readonly { id: string; text: string }[]): Token[] {
  const empty = (t: Token) => t.type === 'inline' && t.children?.some((c, k) => c.type === 'link_open' && t.children![k + 1]?.type === 'link_close');
  if (!tokens.some(empty)) return tokens;
  const named = new Map(headings.map((h) => [h.id, h.text]));
  tokens.forEach((t, i) => {
    if (t.type === 'myst_target' && tokens[i + 1]?.type === 'heading_open') named.set(t.content, normalizeSpace(inlineText(tokens[i + 2]?.children ?? [])));
  });
  return tokens.map((t) => {
    if (!empty(t)) return t;
    const children: Token[] = [];
    t.children!.forEach((c, k) => {
      children.push(c);
      if (c.type !== 'link_open' || t.children![k + 1]?.type !== 'link_close') return;
      const href = (c.attrGet('href') ?? '').trim();
      const text = new Token('text', '', 0);
      text.content = (href.startsWith('#') ? named.get(decodeAnchor(href.slice(1))) : undefined) ?? href;
      children.push(text);
    });
    return copyToken(t, { children });
  });
}

function decodeAnchor(anchor: string): string {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
}

/** The alert kind a generator's container kind is shown as. */
const CONTAINER_KINDS: Record<string, string> = {
  note: 'note',
  info: 'note',
  details: 'note',
  aside: 'note',
  hint: 'tip',
  tip: 'tip',
  success: 'tip',
  important: 'important',
  attention: 'important',
  warning: 'warning',
  caution: 'caution',
  danger: 'caution',
};

/** GitHub's alert kinds and their titles. */
const ALERT_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/** A copy of a token with other fields (the model's tokens are shared: never changed in place). */
function copyToken(token: Token, fields: Partial<Token>): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, fields);
}

/**
 * GitHub's alerts: a quote whose first line is only `[!NOTE]` (or TIP,
 * IMPORTANT, WARNING, CAUTION), marked on its open and close tokens (`meta.alert`),
 * the marker line left out of its text.
 */
function withAlerts(tokens: Token[]): Token[] {
  const MARK = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;
  const containers = tokens.some((t) => t.type === 'blockquote_open' && t.markup === ':::');
  if (!containers && !tokens.some((t) => t.type === 'inline' && MARK.test(t.content))) return tokens;
  const out = [...tokens];
  // (A generator's container, `:::danger`, is the alert of its kind, or the nearest: `note` for the others.)
  if (containers) {
    const kindOf = (info: string) => CONTAINER_KINDS[info] ?? 'note';
    for (let i = 0; i < out.length; i++) {
      const t = out[i]!;
      if (t.markup !== ':::' || (t.type !== 'blockquote_open' && t.type !== 'blockquote_close')) continue;
      if (t.type === 'blockquote_open') {
        let depth = 0;
        let close = i;
        for (; close < out.length; close++) {
          if (out[close]!.type === 'blockquote_open') depth++;
          else if (out[close]!.type === 'blockquote_close' && --depth === 0) break;
        }
        out[i] = copyToken(t, { meta: { alert: kindOf(t.info) } });
        if (close < out.length) out[close] = copyToken(out[close]!, { meta: { alert: kindOf(t.info) } });
      }
    }
  }
  for (let i = 0; i < out.length; i++) {
    const inline = out[i + 2];
    if (out[i]!.type !== 'blockquote_open' || out[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    const kind = MARK.exec(inline.content)?.[1]?.toLowerCase();
    if (!kind) continue;
    let depth = 0;
    let close = i;
    for (; close < out.length; close++) {
      if (out[close]!.type === 'blockquote_open') depth++;
      else if (out[close]!.type === 'blockquote_close' && --depth === 0) break;
    }
    if (close >= out.length) continue;
    out[i] = copyToken(out[i]!, { meta: { alert: kind } });
    out[close] = copyToken(out[close]!, { meta: { alert: kind } });
    // The marker is the first text child, then the line break after it (if the text goes on).
    const children = [...(inline.children ?? [])];
    const first = children[0];
    if (first?.type === 'text') children[0] = copyToken(first, { content: first.content.replace(/^\[![a-z]+\][ \t]*/i, '') });
    if (children[0]?.type === 'text' && children[0].content === '') children.shift();
    if (children[0]?.type === 'softbreak' || children[0]?.type === 'hardbreak') children.shift();
    if (children.length === 0) out.splice(i + 1, 3);
    else out[i + 2] = copyToken(inline, { children, content: inline.content.replace(MARK, '') });
  }
  return out;
}

/** Largest file a directive may show whole (`{csv-table}` with `:file:`). */
const DIRECTIVE_FILE_MAX = 1024 * 1024;

/** A text file of the catalog a directive names, relative to the pattern, or why it is not shown. */
function catalogText(rel: string, from: string, root: string): { text: string } | { reason: string } {
  const resolved = resolveReference(rel, from, root);
  if (resolved.kind === 'external') return { reason: 'it is not a file of the catalog' };
  if (resolved.outside) return { reason: 'it lies outside the catalog' };
  try {
    const real = realpathSync(resolved.file);
    const inside = path.relative(realpathSync(root), real);
    if (inside.startsWith('..') || path.isAbsolute(inside)) return { reason: 'it lies outside the catalog' };
    const stat = statSync(real);
    if (!stat.isFile()) return { reason: 'it is not a file' };
    if (stat.size > DIRECTIVE_FILE_MAX) return { reason: 'it is larger than 1 MB' };
    return { text: readFileSync(real, 'utf8') };
  } catch {
    return { reason: 'the file does not exist' };
  }
}

/** `[ ] ` or `[x] ` at the start of a list item. */
const TASK = /^\[([ xX])\](?:[ \t]+|$)/;

/** The first text token of each list item that starts with a task box. */
function taskItems(tokens: Token[]): Set<Token> {
  const found = new Set<Token>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open' || tokens[i + 1]?.type !== 'paragraph_open') continue;
    const first = tokens[i + 2]?.children?.[0];
    if (first?.type === 'text' && TASK.test(first.content)) found.add(first);
  }
  return found;
}

type LinkTarget = { kind: 'pattern' | 'anchor' | 'external' | 'asset'; href: string } | { kind: 'missing'; reason: string };

/**
 * Where a link leads on the site: a pattern's page; a file of the pattern's
 * folder beside its page; another file of the catalog — a Markdown document
 * that is not a pattern (a guide, the catalog's README) on the repository's
 * web page when the site has one, else any such file copied into the site's
 * shared folder as images are; a web address as is. Anything else is shown
 * marked, with why.
 */
function linkTarget(href: string, from: Pattern, context: RenderContext, images: ImageContext): LinkTarget {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return { kind: 'anchor', href: encodeHref(trimmed) };
  const resolved = resolveOnSite(trimmed, from.file, context.root);
  if (resolved.kind === 'external') {
    if (resolved.scheme === 'http' || resolved.scheme === 'https' || resolved.scheme === 'mailto') return { kind: 'external', href: encodeHref(trimmed) };
    return { kind: 'missing', reason: `a ${resolved.scheme || 'protocol-relative'} link, not shown on the site` };
  }
  // (`../0002-plan/` in `notes/0001.md`, naming nothing from the file: read from the page's address as a
  // folder, as Hugo serves pages, it is `notes/0002-plan.md` — as lint finds it.)
  const page =
    resolved.kind === 'local' && (resolved.outside || !existsSync(resolved.file)) ? fromPageFolder(trimmed, from.file, context.root, { link: true }) : undefined;
  if (resolved.outside && page?.in !== 'catalog') {
    // (A diagram of the repository around the catalog, linked rather than shown: published as the
    // images it shows are, in repository-files/.)
    const image = resolved.kind === 'local' && IMAGE_EXTENSIONS.has(path.extname(resolved.file).toLowerCase()) ? imageTarget(trimmed, images) : undefined;
    return image ? { kind: 'asset', href: image } : { kind: 'missing', reason: 'leads out of the catalog' };
  }
  const anchor = resolved.anchor ? `#${encodeURIComponent(resolved.anchor)}` : '';
  // (A path that names nothing where it is written, read as a site that publishes the catalog reads it,
  // from its root, as lint finds it: `/pics/notes.md` of a `public/` folder, `media/x.pdf` from the
  // catalog's root. Of the repository around the catalog, only images are published.)
  // (Or written with a prefix the catalog's links write for its files' own, `./eip-721.md` for its
  // `erc-721.md`, which its publishing renames: the page, as lint finds it.)
  const swapped = resolved.kind === 'local' && !existsSync(resolved.file) ? swappedFile(resolved.file, context.root, context.swaps) : undefined;
  // (Or a documentation site's route to a page, `/recipes/breads/bread-rye/` in a catalog kept in `recipes/`;
  // or to a folder's own page, `/guides/kiln/` for Hugo's `content/guides/kiln/_index.md`, as lint finds it.)
  const route = resolved.kind === 'local' && !existsSync(resolved.file) ? routeFile(trimmed, context.root, context.siteBase) : undefined;
  const routedPage = route ? folderPage(route) : undefined;
  const routed = route ? (bySiteAddress(route, (f) => context.patternAt(f)) ?? (routedPage ? context.patternAt(routedPage) : undefined)) : undefined;
  if (routed)
    return {
      kind: 'pattern',
      href: `${routed.self ? '' : `../${encodeURIComponent(routed.slug)}/`}${resolved.anchor ? `#${encodeURIComponent(resolved.anchor)}` : ''}` || './',
    };
  const found =
    page?.in === 'catalog'
      ? { in: 'catalog' as const, file: page.file }
      : swapped
        ? { in: 'catalog' as const, file: swapped }
        : resolved.kind === 'local' && !existsSync(resolved.file)
          ? fromSiteRoot(trimmed, from.file, context.root)
          : undefined;
  if (found?.in === 'repository') {
    const image = IMAGE_EXTENSIONS.has(path.extname(found.file).toLowerCase()) ? imageTarget(trimmed, images) : undefined;
    return image ? { kind: 'asset', href: image } : { kind: 'missing', reason: 'a file of the repository around the catalog, not published on the site' };
  }
  const target = found ? path.join(context.root, ...found.file.split('/')) : resolved.file;
  const to = context.patternAt(target);
  // Pattern pages are siblings: `patterns/<slug>/`.
  if (to) return { kind: 'pattern', href: `${to.self ? '' : `../${encodeURIComponent(to.slug)}/`}${anchor}` || './' };
  // (The catalog's root, `[Index](/)`, or its front page, `../README.md`, no pattern: the site's home,
  // which lists the patterns as that page does.)
  if (catalogFolder(context.root, target) === '' || (folderPage(context.root) !== undefined && path.resolve(target) === path.resolve(folderPage(context.root)!)))
    return { kind: 'pattern', href: '../../' };
  const asset = ownFile(from, target);
  // (A Markdown page beside the pattern, `mocking.md`, reads on the repository's page, rendered, when
  // the site has one; else on a page of the site beside the pattern's.)
  const own = asset ? catalogFile(context.root, target) : undefined;
  if (own && context.sourceUrl && MARKDOWN_EXTENSIONS.has(path.extname(own).toLowerCase())) return { kind: 'external', href: context.sourceUrl(own) + anchor };
  // (Without one, it is rendered as a page of the site beside the pattern's, not copied as its source.)
  if (asset && images.documents && MARKDOWN_EXTENSIONS.has(path.extname(asset).toLowerCase())) {
    images.documents.add(asset);
    return { kind: 'asset', href: encodeHref(companionPage(asset)) + anchor };
  }
  if (asset) {
    images.assets.add(asset);
    return { kind: 'asset', href: encodeHref(asset) + anchor };
  }
  const file = catalogFile(context.root, target);
  const ext = file ? path.extname(file).toLowerCase() : '';
  if (file && context.sourceUrl && MARKDOWN_EXTENSIONS.has(ext)) return { kind: 'external', href: context.sourceUrl(file) + anchor };
  // Only documents a browser shows or saves without running anything of theirs are published on
  // the site's own address: an HTML or SVG page of the catalog could run its scripts there.
  if (file && !PUBLISHED_EXTENSIONS.has(ext)) {
    return context.sourceUrl
      ? { kind: 'external', href: context.sourceUrl(file) + anchor }
      : {
          kind: 'missing',
          reason: `${ext ? `a ${ext} file` : 'a file without an extension'}, not published on the site (with \`site.repoUrl\` set, it links to the repository)`,
        };
  }
  if (file) {
    images.shared.add(file);
    return { kind: 'asset', href: encodeHref(`../../${SHARED_FILES}/${file}`) + anchor };
  }
  // A folder of the catalog (`[Rust](rust/)`, a pattern's code in one language): its README where it
  // has one, as a link to that file is shown; else its page on the repository, where the site has one.
  const folder = catalogFolder(context.root, target);
  if (folder !== undefined) {
    const readme = folderPage(target);
    if (readme) return linkTarget(path.relative(path.dirname(from.file), readme).split(path.sep).join('/') + anchor, from, context, images);
    return context.sourceUrl
      ? { kind: 'external', href: context.sourceUrl(folder, true) }
      : { kind: 'missing', reason: 'a folder of the catalog, not published on the site (with `site.repoUrl` set, it links to the repository)' };
  }
  // A MyST label a pattern sets (`(xp-second)=` above its title), named bare: that page, at the label.
  const labelled = isBareLabel(trimmed) ? context.labelAt?.(trimmed.replace(/#.*$/, '')) : undefined;
  if (labelled) return { kind: 'pattern', href: `${labelled.self ? '' : `../${encodeURIComponent(labelled.slug)}/`}#${encodeURIComponent(trimmed.replace(/#.*$/, ''))}` };
  // A wiki's page, named by its name (`[dashboard](Privacy-Dashboard)`): that pattern's page.
  const named = isBareLabel(trimmed) ? context.wikiAt?.(trimmed) : undefined;
  if (named) return { kind: 'pattern', href: `${named.self ? '' : `../${encodeURIComponent(named.slug)}/`}${anchor}` || './' };
  return { kind: 'missing', reason: 'leads to nothing in this pattern or catalog' };
}

/** A folder inside the catalog (never through a dot-folder), relative to its root; `''` for the root itself. */
function catalogFolder(root: string, dir: string): string | undefined {
  const rel = path.relative(root, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel ? rel.split(path.sep) : [];
  if (parts.some((p) => p.startsWith('.'))) return undefined;
  try {
    if (!statSync(dir).isDirectory()) return undefined;
    const real = path.relative(realpathSync(root), realpathSync(dir));
    if (real.startsWith('..') || path.isAbsolute(real)) return undefined;
  } catch {
    return undefined;
  }
  return parts.join('/');
}

/** The page a folder shows on a code host: its `README.md` (any case), or `index.md`; or its site page, Hugo's `_index.md`. */
function folderPage(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  // (Hugo's section page, `_index.md`, last: `content/guides/kiln/_index.md` is the page of `/guides/kiln/`.)
  const name =
    names.find((n) => /^readme\.(?:md|markdown)$/i.test(n)) ??
    names.find((n) => /^index\.(?:md|markdown)$/i.test(n)) ??
    names.find((n) => /^_index\.(?:md|markdown)$/i.test(n));
  return name ? path.join(dir, name) : undefined;
}

/**
 * A destination as lint reads it (see `classifyTarget`): a path from the root
 * that names nothing from the catalog's root is read from the root of the
 * repository the catalog is a folder of, as git hosts do, when that leads to a
 * file of the catalog (`/teps/images/x.png` in a catalog kept in `teps/`).
 */
function resolveOnSite(url: string, fromFile: string, root: string): ResolvedReference {
  const resolved = resolveReference(url, fromFile, root);
  // (Only a path from the root can be read another way: no other destination costs a look at the disk.)
  if (resolved.kind !== 'local' || !/^\/(?!\/)/.test(url) || existsSync(resolved.file)) return resolved;
  const fromRepository = inCatalogFromRepository(url, root);
  return fromRepository && existsSync(fromRepository) ? { ...resolved, file: fromRepository, outside: false } : resolved;
}

interface ImageContext {
  from: Pattern;
  root: string;
  swaps?: readonly PrefixSwap[];
  /** The pattern's own files shown, relative to its folder. */
  assets: Set<string>;
  /** Images shown from elsewhere in the catalog, relative to the root. */
  shared: Set<string>;
  /** Images shown from the repository around the catalog, relative to its root. */
  repository: Set<string>;
  /** Markdown files of the pattern's folder it links, shown as pages of their own (see `companionPage`). */
  documents?: Set<string>;
}

/**
 * Where an image is on the site: a web image as is; a file of the pattern's
 * folder beside its page; an image elsewhere in the catalog (a shared folder,
 * written relative to the pattern or to the root as a git host reads
 * `/assets/img/x.png`) in the site's shared folder. Nothing from outside the
 * catalog, through a dot-folder or a symbolic link out of it.
 */
function imageTarget(src: string, images: ImageContext): string | undefined {
  const { from, root } = images;
  const trimmed = src.trim();
  if (/^https?:\/\//i.test(trimmed)) return encodeHref(trimmed);
  // (A picture embedded as a `data:` URI, as a notebook saved as Markdown holds its plots: shown as it
  // is. A picture's data only: no SVG, which is markup.)
  if (RASTER_DATA.test(trimmed)) return trimmed.replace(/\s+/g, '');
  const resolved = resolveOnSite(trimmed, from.file, root);
  if (resolved.kind !== 'local' || !IMAGE_EXTENSIONS.has(path.extname(resolved.file).toLowerCase())) return undefined;
  // (A path that names nothing where it is written, read as a site that publishes the catalog reads
  // it, from its root, as lint finds it: `/assets/images/x.png` of the `docs/` a site is published
  // from, `/pics/a.png` of the `public/` a site generator serves, `media/x.png` from the catalog's root.)
  // (And first, a relative path read from the page's address as a folder, as Hugo serves a page, when
  // it names nothing from the file: `../flow.png` in `notes/a.md`, for `notes/flow.png`.)
  // (An image there from its file, as nearly all are, is looked up no further.)
  const there = !resolved.outside && existsSync(resolved.file);
  const swapped = there || resolved.outside ? undefined : swappedFile(resolved.file, root, images.swaps);
  const found = there
    ? undefined
    : (fromPageFolder(trimmed, from.file, root) ??
      (swapped ? { in: 'catalog' as const, file: swapped } : undefined) ??
      fromBuiltPage(trimmed, from.file, root) ??
      (!resolved.outside ? fromSiteRoot(trimmed, from.file, root) : undefined));
  if (found?.in === 'repository') {
    if (found.file.split('/').some((p) => p.startsWith('.')) || !isImageFile(repositorySource(root, found.file))) return undefined;
    images.repository.add(found.file);
    return encodeHref(`../../${REPOSITORY_FILES}/${found.file}`);
  }
  if (resolved.outside && !found) {
    // An image of the repository the catalog is a folder of (its shared `assets/`, a sibling folder of
    // resources), as lint finds it: shown, as the repository shows it. Nothing outside that repository,
    // through a symbolic link or a dot-folder.
    // (And only an image by its content: a file of the repository named `.png` that holds anything
    // else is never published.)
    const beyond = outsideCatalog(trimmed, from.file, root);
    if (beyond?.kind !== 'repository' || beyond.file.split('/').some((p) => p.startsWith('.'))) return undefined;
    if (!isImageFile(repositorySource(root, beyond.file))) return undefined;
    images.repository.add(beyond.file);
    return encodeHref(`../../${REPOSITORY_FILES}/${beyond.file}`);
  }
  const at = found ? path.join(root, ...found.file.split('/')) : resolved.file;
  const asset = ownFile(from, at);
  if (asset) {
    images.assets.add(asset);
    return encodeHref(asset);
  }
  const file = catalogFile(root, at);
  if (!file) return undefined;
  images.shared.add(file);
  // Pattern pages live at `patterns/<slug>/`.
  return encodeHref(`../../${SHARED_FILES}/${file}`);
}

/**
 * `src` of each `<img>` in raw HTML, resolved as a Markdown image is. An image that leads nowhere
 * (or has no `src`) is shown as a Markdown one is, its text marked missing — never an `<img>`
 * without a source, which browsers draw as nothing or a broken icon.
 */
function rewriteImages(html: string, images: ImageContext): string {
  if (!/<img\b/i.test(html)) return html;
  // (A tag whole, its quoted values holding any `>`.)
  return html.replace(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi, (tag) => {
    const attributes = tagAttributes(tag);
    const src = attributes.get('src');
    const target = src === undefined ? undefined : imageTarget(src.value.replace(/&amp;/g, '&'), images);
    // (The alt text as written, its entities kept: the sanitizer reads it as HTML text.)
    if (target === undefined)
      return `<span class="missing">${(attributes.get('alt')?.value || missingName(src?.value ?? '')).replace(/</g, '&lt;').replace(/>/g, '&gt;')}</span>`;
    return `${tag.slice(0, src!.start)}"${target.replace(/"/g, '&quot;')}"${tag.slice(src!.end)}`;
  });
}

/** The attributes of an HTML tag by lower-case name (the first of each): each value as written, entities kept, and where it is in the tag. */
function tagAttributes(tag: string): Map<string, { value: string; start: number; end: number }> {
  const found = new Map<string, { value: string; start: number; end: number }>();
  const name = /^<[^\s/>]+/.exec(tag)?.[0].length ?? 0;
  const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/gy;
  for (let at = name; at < tag.length;) {
    const space = /[\s/]*/y;
    space.lastIndex = at;
    at += space.exec(tag)![0].length;
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(tag);
    if (!m) break;
    const key = m[1]!.toLowerCase();
    const raw = m[2];
    if (raw !== undefined && !found.has(key)) {
      const start = m.index + m[0].length - raw.length;
      found.set(key, { value: /^["']/.test(raw) ? raw.slice(1, -1) : raw, start, end: start + raw.length });
    }
    at = ATTRIBUTE.lastIndex;
  }
  return found;
}

/** A file of the catalog (an image, a linked document) outside the pattern's folder, relative to the root; none through a dot-folder or out of the root by its real path. */
function catalogFile(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.some((p) => p.startsWith('.'))) return undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
    const real = path.relative(realpathSync(root), realpathSync(file));
    if (!real || real.startsWith('..') || path.isAbsolute(real)) return undefined;
  } catch {
    return undefined;
  }
  return parts.join('/');
}

/**
 * A file inside the pattern's own folder (never the pattern itself, never
 * through a dot-folder), relative to it — by its path as written and by where
 * it really is: a symbolic link in the pattern to a file elsewhere is not the
 * pattern's, and is never copied into the site.
 */
function ownFile(from: Pattern, file: string): string | undefined {
  const rel = path.relative(from.dir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || file === from.file) return undefined;
  const parts = rel.split(path.sep);
  if (parts.some((p) => p.startsWith('.'))) return undefined;
  try {
    if (!existsSync(file) || !statSync(file).isFile()) return undefined;
    const real = path.relative(realpathSync(from.dir), realpathSync(file));
    if (!real || real.startsWith('..') || path.isAbsolute(real)) return undefined;
  } catch {
    return undefined;
  }
  return parts.join('/');
}

/**
 * Percent-encodes what a URL may not hold as written (spaces, quotes, other
 * scripts' letters), keeping every escape it already has as it is: `%2B` stays
 * `%2B` (decoded and encoded again, it would become `%252B` and the address
 * another one); a `%` that starts no escape is `%25`.
 */
function encodeHref(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^\w\-.~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

/** Syntax highlighting at build time (no script on the page): highlight.js, for the languages it knows. */
function highlight(code: string, lang: string): string | undefined {
  const name = lang === 'console' || lang === 'sh' || lang === 'shell' ? 'bash' : lang;
  if (!name || !hljs.getLanguage(name)) return undefined;
  try {
    return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    return undefined;
  }
}

function hasRawHtml(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.type === 'html_block' || t.type === 'html_inline') return true;
    if (t.children && hasRawHtml(t.children)) return true;
  }
  return false;
}

/**
 * What stands for an image the page does not show, where it has no alt text: its path, or `image`
 * for an image embedded as a `data:` URI (hundreds of kilobytes of base64, no words for a reader).
 */
function missingName(src: string): string {
  return !src.trim() || /^\s*data:/i.test(src) ? 'image' : src;
}

/** The catalog path (relative to the root) a missing file names with one of the catalog's prefix swaps, where that file is there. */
function swappedFile(file: string, root: string, swaps: readonly PrefixSwap[] | undefined): string | undefined {
  if (!swaps?.length) return undefined;
  const rel = path.relative(root, file).split(path.sep).join('/');
  return swappedPath(rel, swaps, (r) => existsSync(path.join(root, ...r.split('/'))))?.rel;
}
