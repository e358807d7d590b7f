import { bodyFields } from '../template/body-fields.js';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { slugFor } from '../catalog/discover.js';
import { decodeLinkPath, repositoryRoot } from '../catalog/links.js';
import { parseMarkdown } from '../markdown/document.js';
import { embeddedTemplate, TEMPLATE_HEADING_LINE } from '../template/embedded.js';
import type { MarkdownDocument } from '../markdown/types.js';
import { splitNote, variantKey } from '../template/heading-variants.js';
import type { TemplateSchema, TemplateSection } from '../template/types.js';
import { flattenSections } from '../template/walk.js';
import { decodeUtf8 } from '../util/text-file.js';
import { isFolderPage } from '../catalog/folder-page.js';

/**
 * The first step of `init --adopt`: every Markdown file of a folder that
 * already holds a catalog, what kind of file each is by its name, and how
 * well each fits a template. Nothing here writes.
 */

/** One Markdown file of the folder. */
export interface ScannedFile {
  /** Relative to the root, `/` separators. */
  rel: string;
  /** Its folders from the root down. */
  dirs: string[];
  base: string;
  /** `README.md` / `index.md` in a folder of its own: the folder is the pattern. */
  folderKind: boolean;
  /** Parsed, when it could be read (UTF-8, not too large, front matter that loads). */
  doc?: MarkdownDocument;
}

/** Folders never read: hidden ones, dependencies, Patternbook's own output. */
const SKIPPED_DIRS = new Set(['node_modules', '_site', 'vendor', 'bower_components']);
/** Hidden folders of a code host, at the root, where a catalog may keep its template (`.github/CIP-TEMPLATE.md`). */
const HOST_DIRS = new Set(['.github', '.gitlab', '.gitea']);
/** A file larger than this is no pattern someone writes by hand (and is not parsed here). */
const SCAN_MAX_BYTES = 2 * 1024 * 1024;
/** Enough for any catalog; a folder with more Markdown than this is not one catalog. */
const SCAN_MAX_FILES = 50_000;

/** A template kept under a name no Markdown tool picks up (`tep-template.md.template`, `rfc.md.tmpl`): a template candidate, never a pattern. */
const TEMPLATE_FILE = /\.(?:md|markdown)\.(?:template|tmpl)$/i;

/** A document in a markup Patternbook does not read (AsciiDoc, reStructuredText): counted, never parsed. */
export interface OtherDocument {
  rel: string;
  dirs: string[];
  base: string;
  /** The markup's name, `AsciiDoc`. */
  format: string;
  /** `README.adoc` / `index.rst` in a folder of its own: the folder is the document's. */
  folderKind: boolean;
}

/** Markups of documents that are not Markdown, by extension. */
const OTHER_FORMATS: { format: string; ext: RegExp }[] = [
  { format: 'AsciiDoc', ext: /\.(?:adoc|asciidoc)$/i },
  { format: 'reStructuredText', ext: /\.rst$/i },
];

/**
 * Every Markdown file under `root` (hidden folders, `node_modules`, links to folders not entered), parsed;
 * the documents of other markups there are added to `others`, when given.
 */
export function scanMarkdown(root: string, others?: OtherDocument[]): ScannedFile[] {
  const out: ScannedFile[] = [];
  // `templatesOnly`: in a host's folder (`.github/CIP-TEMPLATE.md`), a catalog's template may be kept,
  // never its patterns (nor the host's own issue and pull request forms).
  const walk = (dir: string, dirs: string[], templatesOnly = false): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing adopt can read; lint says so later if the globs reach it
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.length >= SCAN_MAX_FILES) return;
      if (entry.isDirectory()) {
        if (HOST_DIRS.has(entry.name) && dirs.length === 0) walk(path.join(dir, entry.name), [...dirs, entry.name], true);
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name) || templatesOnly) continue;
        walk(path.join(dir, entry.name), [...dirs, entry.name]);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && (/\.(md|markdown)$/i.test(entry.name) || TEMPLATE_FILE.test(entry.name))) {
        const rel = [...dirs, entry.name].join('/');
        const folderKind = dirs.length > 0 && isFolderPage(entry.name);
        if (templatesOnly && (folderKind || /issue|pull[-_ ]?request/i.test(entry.name) || templateNameScore({ rel, dirs, base: entry.name, folderKind }) < 3)) continue;
        const doc = readDoc(path.join(dir, entry.name));
        out.push({ rel, dirs, base: entry.name, folderKind, ...(doc ? { doc } : {}) });
      } else if (others && !templatesOnly && (entry.isFile() || entry.isSymbolicLink())) {
        const other = OTHER_FORMATS.find((f) => f.ext.test(entry.name));
        if (other)
          others.push({
            rel: [...dirs, entry.name].join('/'),
            dirs,
            base: entry.name,
            format: other.format,
            folderKind: dirs.length > 0 && /^(?:readme|_?index)\./i.test(entry.name),
          });
      }
    }
  };
  walk(root, []);
  return out;
}

/**
 * Files named like a template (see `templateNameScore`, 3) in the folders
 * above `root` up to the root of the git repository it is a folder of, and in
 * their template folders (`templates/`, and a code host's `.github/` at the
 * repository's root): a catalog's documents kept in `rfcs/` with its template
 * one level up (`0000-template.md`, `templates/template.md`). Nearest first;
 * outside a repository, the folder right above only (nothing bounds a longer
 * look); none above a repository's root.
 * `rel` is the file's absolute path; `dirs` are its folders from the folder it
 * was found in.
 */
export function templatesAbove(root: string): ScannedFile[] {
  const top = path.resolve(root);
  // (Outside a repository, a copy without its `.git` — an archive, a download —: the folder right above
  // only, where such a catalog keeps its template, `../0000-template.md`; nothing bounds a longer look.)
  const repo = repositoryRoot(root) ?? (path.dirname(top) !== top ? path.dirname(top) : undefined);
  if (!repo || repo === top || path.relative(repo, top).startsWith('..')) return [];
  const out: ScannedFile[] = [];
  const look = (dir: string, dirs: string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isFile() || !/\.(md|markdown)$/i.test(entry.name)) continue;
      const file = { rel: path.join(dir, entry.name), dirs, base: entry.name, folderKind: false };
      // (Read first where what it holds may tell: `rep-template-tests.md` with blanks to fill in.)
      const score = templateNameScore(file);
      if (score < 2 || /issue|pull[-_ ]?request/i.test(entry.name)) continue;
      const doc = readDoc(file.rel);
      // (Or any file of a folder of templates, `templates/design.md`, where the catalog's docs say to copy
      // it from: a candidate whose sections the patterns must share to be taken — see `chooseLayout`.)
      if (doc && (score >= 3 || templateNameScore({ ...file, doc }) >= 3 || dirs.length > 0)) out.push({ ...file, doc });
    }
  };
  for (let dir = path.dirname(top); ; dir = path.dirname(dir)) {
    look(dir, []);
    for (const folder of [...TEMPLATE_FOLDERS, ...templateFoldersOfAKind(dir), ...(dir === repo ? HOST_DIRS : [])]) look(path.join(dir, folder), [folder]);
    if (dir === repo || path.dirname(dir) === dir) break;
  }
  return out;
}

/** Folders of `dir` named for templates of a kind (`proposal-templates`, `rfc_templates`). */
function templateFoldersOfAKind(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /[-_ ]templates?$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function readDoc(file: string): MarkdownDocument | undefined {
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > SCAN_MAX_BYTES) return undefined;
    const text = decodeUtf8(readFileSync(file));
    if (text === undefined || text.includes('\0')) return undefined;
    const parsed = parseMarkdown(text);
    return parsed.ok ? parsed.document : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Names.

/** Words of a file or folder name: `New_CheatSheet` → new, cheat, sheet; `NNNN-kep-template` → nnnn, kep, template. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/\.(md|markdown)$/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Files every repository has that are about the repository, not one of its patterns (by name, any case, `-`/`_` alike). */
const NON_PATTERN_STEMS = new Set([
  'readme',
  'index',
  '_index',
  'changelog',
  'changes',
  'history',
  'news',
  'releases',
  'release_notes',
  'contributing',
  'contributors',
  'contribute',
  'license',
  'licence',
  'copying',
  'notice',
  'code_of_conduct',
  'conduct',
  'security',
  'support',
  'governance',
  'maintainers',
  'owners',
  'codeowners',
  'authors',
  'adopters',
  // (A project's own plans and house rules: `ROADMAP.md`, `CONVENTIONS.md`, even written in the
  // template's form.)
  'roadmap',
  'conventions',
  'agents',
  'claude',
  'summary',
  'toc',
  'sidebar',
  '_sidebar',
  'pull_request_template',
  'issue_template',
]);

/** A comment near a file's top that says a tool wrote it: "generated by/with/from …", "auto-generated", "do not edit". */
const GENERATED_NOTE = /<!--(?:(?!-->)[\s\S]){0,300}?\b(?:(?:auto-?)?generated (?:by|with|from|using)\b|auto-?generated\b|do not edit\b)/i;

/** A generator's source or page template, by its inner extension: `x.src.md`, `index.liquid.md`, `list.njk.md`, `card.hbs.md`. */
export const GENERATED_SOURCE = /\.(?:src|liquid|njk|nunjucks|hbs|handlebars|mustache|ejs|erb|j2|jinja|tmpl)\.(?:md|markdown)$/i;

/**
 * `CHANGELOG.md`, `CODE-OF-CONDUCT.md`, `LICENSE.md`…; in a layout of one file
 * per pattern also `README.md` and `index.md` (a folder's own page), which in
 * a layout of one folder per pattern are the patterns.
 */
export function isNonPatternName(file: ScannedFile, folderLayout = file.folderKind): boolean {
  // `design.src.md`: the source a generator turns into the published document (embedded code, plots);
  // `index.liquid.md`, `page.njk.md`: a page template of the site generator, not a document.
  if (GENERATED_SOURCE.test(file.base)) return true;
  // (Or made by a tool, as a comment at its top says — `<!-- This content generated with … -->`, `<!--
  // Code generated by … DO NOT EDIT. -->` —: nobody writes it from a template.)
  if (file.doc && GENERATED_NOTE.test(file.doc.source.slice(0, 600))) return true;
  if (folderLayout && file.folderKind) return false;
  const stem = file.base
    .replace(/\.(md|markdown)$/i, '')
    .toLowerCase()
    .replace(/-/g, '_');
  // (`000-index.md`, `0000-readme.md`: the catalog's index numbered first among its documents.)
  return NON_PATTERN_STEMS.has(stem) || /^0+_(?:index|readme|toc|contents)$/.test(stem);
}

/** Folders of a tool's test fixtures and copies of others' code: `testdata/`, `tests/`, `__fixtures__/`, `vendor/`. */
export const TEST_FIXTURES = /(?:^|\/)(?:testdata|tests?|fixtures?|__fixtures__|vendor|node_modules)(?:\/|$)/i;

/** A folder of copies kept as test data or examples (`pkg/testdata/…`, `examples/`): no template or collection of the catalog's is in one. */
export const NOT_THE_CATALOGS = /(?:^|\/)(?:testdata|tests?|fixtures?|__fixtures__|examples?|samples?|vendor|node_modules)(?:\/|$)/i;

/** Words that name a blank document to copy: `EMPTY-ADR.md`, `blank-record.md`, `skeleton.md`. */
const BLANK_WORDS = new Set(['blank', 'empty', 'skeleton', 'boilerplate', 'scaffold']);
/** A blank to fill in: `<ADR TITLE>`, `YYYY-MM-DD`, `[Name]` (not a link, nor the label of a reference link `[text][label]`), `{title}`. */
const BLANKS =
  /<(?!(?:br|hr|img|a|b|i|u|s|em|strong|p|div|span|sub|sup|code|pre|kbd|td|tr|th|table|tbody|thead|ul|ol|li|dl|dt|dd|details|summary|small|center|font|picture|source|video)\b)[A-Za-z][^<>\n/!=]{1,40}>|\bYYYY-MM-DD\b|(?<!\])\[[^\]\n]{2,40}\](?![([:])|\{\{?[A-Za-z][^}\n]{1,40}\}/;

/** `NNNN`, `0000`, `XXXX`: a number still to be given, as template names carry. */
const PLACEHOLDER_NUMBER = /^(?:n{3,}|0{3,}|x{3,})$/;
/** The word that names a template. */
const TEMPLATE_WORD = /^(?:templates?|tmpl)$/;
/** Words that say which variant of a template a file is: `adr-template-bare-minimal.md`, `sig-charter-template-prefilled.md`. */
const VARIANT_WORD =
  /^(?:bare|minimal|minimum|min|short|shorter|long|longer|full|simple|simplified|basic|lite|light|lightweight|extended|detailed|complete|prefilled|filled|example|sample|blank|empty|new|old|legacy|v\d+)$/;
/** `YYYY`, `MM`, `DD`, `YYYYMMDD`: a date still to be given. */
const PLACEHOLDER_DATE = /^(?:y{2,4}(?:-?m{2}(?:-?d{2})?)?|m{2}|d{2})$/;
/** Words a file name asks the author to replace, beside a number or date to give (`YYYY-MM-DD-title.md`, `0000-my-feature.md`). */
const SLOT_WORDS = new Set([
  'title',
  'slug',
  'name',
  'short',
  'description',
  'desc',
  'topic',
  'subject',
  'issue',
  'ticket',
  'number',
  'num',
  'id',
  'pr',
  'author',
  'your',
  'my',
  'feature',
  // (`YYYY-MM-DD-copy-me.md`: the file says what to do with it.)
  'copy',
  'me',
]);

/**
 * A name made of placeholders: a number or date still to be given and the words that say what
 * goes in the rest (`_YYYY-MM-DD-issue#-title.md`, `0000-xxx.md`, `YYYY-MM-DD-title.md`,
 * `RFC-NNNN-short-title.md`, one word of the kind of document at most). No document is named so:
 * the file to copy.
 */
function placeholderName(tokens: readonly string[]): boolean {
  const blanks = tokens.filter((t) => PLACEHOLDER_NUMBER.test(t) || PLACEHOLDER_DATE.test(t)).length;
  const slots = tokens.filter((t) => SLOT_WORDS.has(t)).length;
  const others = tokens.length - blanks - slots;
  return blanks >= 1 && !tokens.some((t) => /^\d+$/.test(t) && !PLACEHOLDER_NUMBER.test(t)) && (others === 0 ? blanks + slots >= 2 : others === 1 && slots >= 1);
}
const TEMPLATE_FOLDERS = new Set(['template', 'templates', '_template', '_templates']);

/** Whether a folder's name is one templates are kept in (`templates/`, `_template/`…). */
export function isTemplateFolder(name: string): boolean {
  return TEMPLATE_FOLDERS.has(name.toLowerCase());
}

/**
 * How much a file's name says it is a template (0: not at all).
 * 3 — named so (`TEMPLATE.md`, `adr-template.md`, `0000-template.md`, a folder
 * `NNNN-kep-template/README.md`, `templates/adr-template-short/index.md`); 2 — likely (a file in `templates/`, a folder
 * `_pattern-model/` or `cluster-template/`). Files of 3 and more are never
 * patterns; files of 2 are patterns unless chosen as the template.
 */
/**
 * The word `template` stands among a file's other words, as a part of its topic
 * (`multiple-pod-template-support.md`), not at the head or tail of its name: a
 * template only by the blanks it holds (see `templateNameScore`).
 */
export function templateWordInTopic(file: ScannedFile): boolean {
  if (file.folderKind) return false;
  const tokens = nameTokens(file.base);
  const at = tokens.findIndex((t) => TEMPLATE_WORD.test(t));
  return at > 0 && !tokens.slice(at + 1).every((t) => TEMPLATE_WORD.test(t) || VARIANT_WORD.test(t) || t === 'md');
}

/** A title that ends on the word that names a template: `GEP template`, `RFC Template.`. */
const TITLED_TEMPLATE = /\btemplate\s*\.?\s*$/i;

/** A document's title: its front matter `title`, else its H1. */
function titleText(doc: MarkdownDocument): string {
  const fm = doc.frontMatter?.data?.title;
  return typeof fm === 'string' ? fm : (doc.title?.text ?? '');
}

/** Blanks to fill in: marked ones (see `BLANKS`), an instruction set apart in parentheses on a line of its own, a field's list of values to choose from (`Draft|Review|Final`). */
function holdsBlanks(source: string): boolean {
  const text = withoutCode(source);
  return BLANKS.test(text) || /^\([^()\n]{3,}\)\s*$/m.test(text) || /:\s*[\p{L}-]+(?:\s*\|\s*[\p{L}-]+){2,}\s*$/mu.test(text);
}

/** A page that tells the reader to copy it: "Copy this file to start a new proposal". */
const COPY_ME = /\bcopy (?:this|the present) (?:[\w-]+ )?(?:file|document|page|template)\b/i;
/** A page that says it is the template: "Copy this markdown file as a template", "Use this file as the starting point". */
const USE_AS_TEMPLATE = /\b(?:copy|use|duplicate) (?:this|the present) (?:[\w-]+ )?(?:file|document|page) as (?:a|the|your) (?:template|starting point)\b/i;

export function templateNameScore(file: ScannedFile): number {
  const parent = file.dirs[file.dirs.length - 1] ?? '';
  // A page titled as the template, `GEP-696: GEP template` (its H1 or front matter title ending on the
  // word), with blanks in it to fill in — `(1-2 sentence summary)` set apart, `Status: Draft|Final|…` —:
  // the template, whatever its file's name (`gep-696/index.md`, numbered as a document of the series).
  // (Not one its name numbers in the series about a topic of its own, `82-addon-template/` titled
  // `Add-on Template`: a document about templates of that kind, filled in.)
  const ownName = nameTokens(file.folderKind ? parent : file.base);
  // (Nor one its name numbers with a topic of its own and no word of templates, `CFP-39757-doc-improvement-plan.md`,
  // `CFP-TODO-delegated-ipam.md`: a document written from the template whose title line was left as it is.)
  if (file.doc && TITLED_TEMPLATE.test(titleText(file.doc)) && holdsBlanks(file.doc.source) && !topicAfterNumber(ownName) && !numberedTopic(ownName)) return 3;
  if (!file.folderKind) {
    const tokens = nameTokens(file.base);
    // A README that is the template itself: its first heading names one (`## Proposal Template`) and
    // it says to copy it ("Copy this file to start a new proposal").
    if (/^readme\.(?:md|markdown)$/i.test(file.base) && file.doc && COPY_ME.test(file.doc.source) && /\btemplate\b/i.test(file.doc.headings[0]?.text ?? '')) return 3;
    // (Any page that says so of itself before its first section, `FORMAT.md`: "Copy this markdown file as a template".)
    if (file.doc && USE_AS_TEMPLATE.test(withoutCode(file.doc.source).slice(0, 2000))) return 3;
    // A contribution guide that holds the template to copy in a ```markdown block.
    // (Or a page about the process in a folder about contributing, `contributing/proposal-process.md`,
    // that keeps it after a `## Template:` heading.)
    const aboutWriting = /^contributing\./i.test(file.base) || (/^contributing$/i.test(parent) && tokens.some((t) => /^(?:process|proposals?|rfcs?|template)$/.test(t)));
    if (aboutWriting && file.doc && embeddedTemplate(file.doc.source)) return 2;
    // (Or any page that gives it to copy in a block right under a heading that only says so, `## Template`:
    // `docs/add-runbook.md`, which the README links as how to add one.)
    if (file.doc && TEMPLATE_HEADING_LINE.test(file.doc.source) && embeddedTemplate(file.doc.source)) return 2;
    // `0000-template.md`, `eip-template.md`, `TEMPLATE.md`; not a numbered document about templates
    // (`0278-template-only-components.md`, `0500-package-manager-templates.md`).
    const numbered = tokens.some((t) => /^\d+$/.test(t) && !PLACEHOLDER_NUMBER.test(t));
    // (The word names the file at the head or tail of its name, `template-technical-spike.md`, or
    // before the variant it is, `adr-template-minimal.md`. Between other words it may be a part of
    // a topic, `design-template-engine.md`, a document about a feature called so; or the kind of
    // document, `rep-template-tests.md`: a template where the file has blanks to fill in, else
    // likely at most, and what it holds tells.)
    // (Nor a word of an identifier the file is about, `ListTemplateSelector-spec.md`,
    // `ViewTemplateSettings.md`: the API's name, the document about it filled in.)
    const inIdentifier = /[Tt]emplates?(?=[A-Z][a-z])/.test(file.base) && !(file.doc && BLANKS.test(withoutCode(file.doc.source)));
    const at = inIdentifier ? -1 : tokens.findIndex((t) => TEMPLATE_WORD.test(t));
    if (!numbered && at >= 0) {
      // (Nor a topic in the plural, `string-templates.md`, with no blank in it: a document about templates.)
      // (After a preposition, `static-checks-for-templates.md`, `caching-of-templates.md`, it is what the
      // document is about: not named like a template at all.)
      if (tokens[at] === 'templates' && at > 0 && !(file.doc && BLANKS.test(file.doc.source))) return /^(?:for|of|in|on|about|with)$/.test(tokens[at - 1]!) ? 0 : 2;
      // (At the head of a name whose other words are a topic, `template-composition.md`, with no blank in
      // it to fill in: a document about templates, likely; what it holds tells.)
      return tokens.length === 1 ||
        tokens.slice(at + 1).every((t) => TEMPLATE_WORD.test(t) || VARIANT_WORD.test(t) || t === 'md') ||
        (file.doc && BLANKS.test(withoutCode(file.doc.source)))
        ? 3
        : 2;
    }
    // (`_YYYY-MM-DD-issue#-title.md`, `0000-xxx.md`: named after the file name it asks for.)
    if (placeholderName(tokens)) return 3;
    // (`001-proposal-template.md`: the first number of the series, kept by the template, and the name ends so.)
    if (tokens.at(-1) === 'template' && tokens.every((t) => !/^\d+$/.test(t) || Number(t) <= 1)) return 3;
    // (`0000-rfc.md`, `RFC-NNNN.md`: the number left to fill in; not `000-record-architecture-decisions.md`,
    // a series' first document, numbered from zero and titled.)
    if (!numbered && tokens.some((t) => PLACEHOLDER_NUMBER.test(t)) && tokens.filter((t) => !/^\d+$/.test(t) && !PLACEHOLDER_NUMBER.test(t)).length <= 1) return 2;
    // (`aex-X.md`, `prop-N.md`: a letter where the series' number goes, with blanks in it to fill in.)
    if (
      !numbered &&
      tokens.some((t) => /^(?:x{1,2}|n{1,2})$/.test(t)) &&
      tokens.filter((t) => !/^(?:x{1,2}|n{1,2}|md|markdown)$/.test(t)).length <= 1 &&
      file.doc &&
      BLANKS.test(file.doc.source)
    )
      return 2;
    // (`CFP-003-template.md`: the template numbered as a document of its own, or a proposal about a
    // template; which one, the patterns' fit tells. Not `0082-addon-template.md`, a topic of its own
    // between its number and the word: a document of the series about templates of its kind.)
    if (tokens.at(-1) === 'template') return topicAfterNumber(tokens) ? 0 : 2;
    // (`EMPTY-ADR.md`, `blank-record.md`, `skeleton.md`: a blank document to copy, named so; the
    // patterns' fit tells.)
    // (With blanks in it to fill, `<TITLE>`, `YYYY-MM-DD`, `[Name]`: not a pattern named for empty states.)
    if (!numbered && tokens.length <= 3 && tokens.some((t) => BLANK_WORDS.has(t)) && file.doc && BLANKS.test(file.doc.source)) return 2;
    // (`templates/Solo.md` titled `# Solo Proposal Template - put your title here`: a file of a folder of
    // templates that names itself one, one kind's template among its siblings.)
    if (TEMPLATE_FOLDERS.has(parent.toLowerCase())) return file.doc?.title && /\btemplate\b/i.test(file.doc.title.text) ? 3 : 2;
    return 0;
  }
  const tokens = nameTokens(parent);
  const grand = file.dirs[file.dirs.length - 2] ?? '';
  // (The page of a folder of templates itself, with no section to copy — Hugo's `templates/_index.md`,
  // a title and `{{% children %}}` — lists the templates beside it: no template.)
  if (TEMPLATE_FOLDERS.has(parent.toLowerCase()) && file.doc && file.doc.sections.length === 0) return 0;
  // (`templates/record-template-by-ann/index.md`: named so, in a folder of templates.)
  // (Not `82-addon-template/`, numbered in the series with a topic of its own before the word: a
  // document about templates, which follows the catalog's template as its siblings do.)
  if ((tokens.includes('template') || tokens.includes('templates')) && topicAfterNumber(tokens) && !TEMPLATE_FOLDERS.has(grand.toLowerCase())) return 0;
  if (tokens.includes('template') || tokens.includes('templates'))
    return tokens.some((t) => PLACEHOLDER_NUMBER.test(t)) ||
      parent.startsWith('_') ||
      TEMPLATE_FOLDERS.has(parent.toLowerCase()) ||
      TEMPLATE_FOLDERS.has(grand.toLowerCase())
      ? 3
      : 2;
  if (placeholderName(tokens)) return 3;
  // (`RFC-0000/README.md`: a proposal folder numbered with the number left to fill in.)
  if (tokens.some((t) => PLACEHOLDER_NUMBER.test(t)) && !tokens.some((t) => /^\d+$/.test(t) && !PLACEHOLDER_NUMBER.test(t))) return 2;
  // `_pattern-model/`, `_template/`: a folder kept apart by its leading underscore.
  if (tokens.includes('model')) return parent.startsWith('_') ? 3 : tokens.includes('pattern') ? 2 : 0;
  return TEMPLATE_FOLDERS.has(grand.toLowerCase()) ? 2 : 0;
}

/**
 * A name numbered in the series (a real number, past its first: `82`, `0278`) with a word of a topic
 * between the number and the word that names a template: `82-addon-template`, `0500-package-manager-templates`.
 */
function topicAfterNumber(tokens: readonly string[]): boolean {
  const at = tokens.findIndex((t) => /^\d+$/.test(t) && !PLACEHOLDER_NUMBER.test(t) && Number(t) > 1);
  const word = tokens.findIndex((t) => TEMPLATE_WORD.test(t));
  return at >= 0 && word > at + 1 && tokens.slice(at + 1, word).some((t) => !VARIANT_WORD.test(t) && /\p{L}/u.test(t));
}

/**
 * A name that numbers a document of a series and names its topic, no word of templates in it:
 * `cfp-39757-doc-improvement-plan`, `cfp-todo-delegated-ipam` (a number not given yet), two words
 * of the topic at least after the number.
 */
function numberedTopic(tokens: readonly string[]): boolean {
  if (tokens.some((t) => TEMPLATE_WORD.test(t))) return false;
  const at = tokens.findIndex((t) => (/^\d+$/.test(t) && !PLACEHOLDER_NUMBER.test(t) && Number(t) > 0) || /^(?:todo|tbd|tba)$/.test(t));
  return at >= 0 && tokens.slice(at + 1).filter((t) => /\p{L}{2}/u.test(t)).length >= 2;
}

// ---------------------------------------------------------------------------
// How a file fits a template.

export interface Fit {
  /** Template sections the file has (at their place, misplaced or written another way). */
  matched: number;
  /** Sections of the template (any-heading slots not counted). */
  of: number;
  /** Balance of recall (template sections present) and precision (the file's own sections that are the template's): 0…1. */
  f1: number;
}

/** A template's section names as keys (see `variantKey`): all of them, and those a pattern must have. */
interface TemplateKeys {
  all: Set<string>;
  required: Set<string>;
}

const templateKeyCache = new WeakMap<TemplateSchema, TemplateKeys>();

/**
 * A heading's name as a key (see `variantKey`) without the number the author puts before it:
 * `## 4. Drawbacks`, `## 4 Drawbacks` and `## Drawbacks` are one section, as the outline
 * matcher reads them (a file that numbers fewer of its headings than the template, or numbers
 * them after a section it added, still has the template's sections).
 */
export function nameKey(heading: string): string {
  const bare = heading.replace(/^\s*\(?\d{1,3}(?:\.\d{1,3})*[.):]?\s+(?=\S)/, '');
  return variantKey(/[\p{L}]/u.test(bare) ? bare : heading);
}

/** The template's section names as keys (sections with variable parts, `Step N: <title>`, left out: they match by shape). */
export function templateKeys(template: TemplateSchema): TemplateKeys {
  let keys = templateKeyCache.get(template);
  if (!keys) {
    const named = flattenSections(template.sections).filter((s) => s.name === s.heading && !s.anyHeading);
    const key = (s: TemplateSection) => [s.heading, ...s.aliases].map(nameKey);
    keys = { all: new Set(named.flatMap(key)), required: new Set(named.filter((s) => !s.optional).map((s) => nameKey(s.heading))) };
    templateKeyCache.set(template, keys);
  }
  return keys;
}

const headingKeyCache = new WeakMap<MarkdownDocument, Set<string>>();

/** The file's headings as name keys, worked out once per file. */
export function headingKeys(doc: MarkdownDocument): Set<string> {
  let keys = headingKeyCache.get(doc);
  if (!keys) {
    keys = new Set(doc.headings.slice(doc.title ? 1 : 0).map((h) => nameKey(splitNote(h.text).text)));
    headingKeyCache.set(doc, keys);
  }
  return keys;
}

/**
 * How well a parsed file fits a template, by its headings' names (as the
 * outline matcher reads names: notes, case, plurals and spellings aside;
 * level and place are not looked at). Matching whole outlines of every file
 * against every file named like a template took minutes on a catalog of 600
 * large proposals; names are enough to tell where the patterns are, and the
 * outline matcher then compares the template with the patterns chosen.
 */
export function fitOf(template: TemplateSchema, doc: MarkdownDocument): Fit {
  const { all, required } = templateKeys(template);
  // (A template that is only a header of fields, `| Title | … |`, `| Status | … |`, and no section: by
  // the fields a file's own header has.)
  if (all.size === 0) return fieldFit(template, doc);
  const keys = headingKeys(doc);
  let matched = 0;
  for (const k of all) if (keys.has(k)) matched++;
  let requiredMatched = 0;
  for (const k of required) if (keys.has(k)) requiredMatched++;
  // Recall counts the sections a pattern must have: a template with many optional sections is not
  // worse than a minimal one because each pattern picks a few of them.
  const recall = required.size ? requiredMatched / required.size : all.size ? matched / all.size : 0;
  const precision = keys.size ? Math.min(1, matched / keys.size) : 0;
  return { matched, of: all.size, f1: recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0 };
}

function fieldFit(template: TemplateSchema, doc: MarkdownDocument): Fit {
  // (Fields in the body, `| Title | … |`, or keys of front matter: `Number:`, `Status:`, `Author:`.)
  const keys = (d: MarkdownDocument) => [...Object.keys(bodyFields(d)?.values ?? {}), ...Object.keys(d.frontMatter?.data ?? {}).map((k) => k.toLowerCase())];
  const own = [...new Set(keys(template.document))];
  const theirs = new Set(keys(doc));
  const matched = own.filter((k) => theirs.has(k)).length;
  const recall = own.length ? matched / own.length : 0;
  const precision = theirs.size ? matched / theirs.size : 0;
  return { matched, of: own.length, f1: recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0 };
}

/**
 * How many of the template's sections (any-heading slots and sections of variable names aside)
 * half the documents or more have, of how many: a template's sections are the ones its documents
 * share; a written document's own are its topic's.
 */
export function sharedSections(template: TemplateSchema, docs: readonly MarkdownDocument[]): { shared: number; of: number } {
  const named = flattenSections(template.sections).filter((s) => s.name === s.heading && !s.anyHeading);
  const keys = docs.map(headingKeys);
  let shared = 0;
  for (const section of named) {
    const names = [section.heading, ...section.aliases].map(nameKey);
    if (keys.filter((k) => names.some((n) => k.has(n))).length * 2 >= docs.length) shared++;
  }
  return { shared, of: named.length };
}

/** The file has enough of the template to be written from it: two of its sections (one of a template of four or fewer). */
export function fits(fit: Fit): boolean {
  return fit.matched >= (fit.of >= 5 ? 2 : 1);
}

/** The file has none of the template's sections although the template has several: not a pattern. */
export function fitsNothing(fit: Fit): boolean {
  return fit.matched === 0 && fit.of >= 2;
}

// ---------------------------------------------------------------------------
// Layouts: where the patterns are, as globs.

/** A folder segment of a layout: any name, a name, names starting alike, or one of a few names. */
export type Segment = { any: true } | { literal: string } | { prefix: string } | { oneOf: string[] };

export interface Layout {
  /** Folder segments from the root (the last one is the pattern's own folder for `README.md` layouts). */
  segments: Segment[];
  /** `readme.md`, `index.md` (folded: `Readme.md` is the same page), or `*.md` / `*.markdown` for a file per pattern. */
  base: string;
  /** For `README.md` layouts, the file name as the patterns spell it (`README.md`, `Readme.md`): one glob each. */
  spellings?: string[];
  folderKind: boolean;
  /** `<first segment>/**\/*.md`: files at any depth under the first segment. */
  recursive: boolean;
}

export function layoutOf(file: ScannedFile): Layout {
  const ext = /\.markdown$/i.test(file.base) ? 'markdown' : 'md';
  return {
    segments: file.dirs.map(() => ({ any: true })),
    base: file.folderKind ? file.base.toLowerCase() : `*.${ext}`,
    ...(file.folderKind ? { spellings: [file.base] } : {}),
    folderKind: file.folderKind,
    recursive: false,
  };
}

export function layoutKey(layout: Layout): string {
  // (One key for every spelling of the file name: `README.md` and `Readme.md` are one layout.)
  const { spellings: _spellings, ...oneSpelling } = layout;
  return globsOf(oneSpelling).join(' ');
}

function segmentMatches(segment: Segment, name: string): boolean {
  if ('any' in segment) return true;
  if ('literal' in segment) return segment.literal === name;
  if ('prefix' in segment) return name.startsWith(segment.prefix);
  return segment.oneOf.includes(name);
}

/** Whether the layout's globs select the file (as picomatch reads them: `*` never matches a hidden name). */
export function inLayout(layout: Layout, file: ScannedFile): boolean {
  if (!(layout.folderKind ? file.base.toLowerCase() === layout.base : file.base.endsWith(layout.base.slice(1)))) return false;
  if (layout.recursive) return file.dirs.length >= 1 && segmentMatches(layout.segments[0]!, file.dirs[0]!);
  return file.dirs.length === layout.segments.length && layout.segments.every((s, i) => segmentMatches(s, file.dirs[i]!));
}

/** picomatch's special characters, escaped in a literal name. */
function escapeGlob(name: string): string {
  return name.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/** The layout as `patterns` globs (several when one segment is one of a few names). */
export function globsOf(layout: Layout): string[] {
  const variants: string[][] = [[]];
  const segments = layout.recursive ? [layout.segments[0]!] : layout.segments;
  for (const segment of segments) {
    const options =
      'any' in segment
        ? ['*']
        : 'literal' in segment
          ? [escapeGlob(segment.literal)]
          : 'prefix' in segment
            ? [`${escapeGlob(segment.prefix)}*`]
            : segment.oneOf.map(escapeGlob);
    const next: string[][] = [];
    for (const v of variants) for (const o of options) next.push([...v, o]);
    variants.splice(0, variants.length, ...next);
  }
  const bases = layout.folderKind ? (layout.spellings ?? [layout.base]) : [layout.base];
  return variants.flatMap((v) => bases.map((base) => [...v, ...(layout.recursive ? ['**'] : []), base].join('/')));
}

/** What a file is by its slug, as discovery names it. */
export function slugOfFile(file: ScannedFile): string | undefined {
  return slugFor(file.rel);
}

/** A file's text without its code blocks and code spans (a pattern about templates shows `{name}` in its examples). */
function withoutCode(source: string): string {
  return withoutFences(source).replace(/`+[^`\n]*`+/g, '');
}

/** A page's text without its fenced code blocks (its code spans kept). */
export function withoutFences(source: string): string {
  return source.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[ \t]*$/gm, '');
}

/** Whether a template's front matter holds blanks to fill in (`title: <LIP title>`, `author: [Your name]`). */
export function frontMatterBlanks(schema: { frontMatter: Record<string, unknown> }): boolean {
  return Object.values(schema.frontMatter).some((v) => typeof v === 'string' && /^\s*[<[{‹][^\n]*[>\]}›]\s*$/.test(v));
}

/**
 * The file of the catalog a relative link in `folder` leads to (`/` separators, from the root), if it
 * is one; a link from the root (`/making/pool.md`) read from the catalog's root, as git hosts read it.
 */
export function linkedFile(folder: string, url: string): string | undefined {
  const target = url.trim().replace(/[?#].*$/, '');
  if (!target || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return undefined;
  const decoded = decodeLinkPath(target);
  return path.posix.normalize(decoded.startsWith('/') ? decoded.replace(/^\/+/, '') : path.posix.join(folder, decoded));
}
