import { siteFacts, type SiteFacts } from './adopt-repo.js';
import { publishedSite, type LinkedPattern, type PublishedSite } from './adopt-site.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { discoverPatterns } from '../catalog/discover.js';
import { loadPattern } from '../catalog/load-pattern.js';
import { movedTarget } from '../catalog/moved.js';
import { decodeLinkPath } from '../catalog/links.js';
import { bestSibling } from '../catalog/templates.js';
import { CONFIG_FILES } from '../config/load-config.js';
import { parseConfigText } from '../config/config-text.js';
import { DEFAULTS } from '../config/schema.js';
import { checkConfig, formatProblems } from '../config/validate.js';
import { PatternbookError } from '../diagnostics.js';
import { lint } from '../lint/lint.js';
import type { MarkdownDocument } from '../markdown/types.js';
import { catalogBoilerplate, describeBoilerplate } from '../template/leftovers.js';
import { processRules } from './adopt-process.js';
import { readTemplateText, templateFromSource, type SummarySetting, type TitleSetting } from '../template/load-template.js';
import type { TemplateSchema, TemplateSection } from '../template/types.js';
import type { Pattern } from '../catalog/types.js';
import { declaredDate } from '../catalog/declared-date.js';
import { templateHistory } from '../catalog/template-history.js';
import { flattenSections } from '../template/walk.js';
import { bodyFields } from '../template/body-fields.js';
import { waiverName } from '../catalog/waivers.js';
import { foldHeading } from '../template/normalize.js';
import { mapLimit } from '../util/concurrency.js';
import { writeFileAtomic } from '../util/text-file.js';
import { compareTemplate, type Comparison, type SectionChoice } from './adopt-compare.js';
import { folderTemplates, siblingKinds } from './adopt-folders.js';
import { deriveTemplate, type DerivedTemplate } from './adopt-derive.js';
import { chooseLayout, escapeName, fileGlob, groupBy, type Exclusion, type LayoutChoice, type TemplateCandidate } from './adopt-layout.js';
import {
  fitOf,
  fits,
  frontMatterBlanks,
  isNonPatternName,
  NOT_THE_CATALOGS,
  TEST_FIXTURES,
  scanMarkdown,
  slugOfFile,
  templateNameScore,
  templatesAbove,
  type OtherDocument,
  type ScannedFile,
  withoutFences,
} from './adopt-scan.js';

/**
 * `patternbook init --adopt`: a configuration for a folder that already
 * holds a catalog. It finds the pattern files (the layout most of its
 * Markdown files share), the template they are written from (a file named
 * like one, or `--template`), or derives one from the patterns, reads the
 * template against the patterns with the real outline matcher, and writes
 * `patternbook.config.yaml` with a comment on every choice. It writes that
 * file and, when it derived a template, the template — nothing else: no
 * pattern file is touched.
 */

export interface AdoptOptions {
  /** The catalog folder. */
  root: string;
  /** The template to use (absolute), instead of looking for one. */
  template?: string;
}

export interface AdoptResult {
  root: string;
  /** The configuration written (absolute). */
  configFile: string;
  /** The template (absolute). */
  templateFile: string;
  /** How the template was chosen. */
  templateSource: 'given' | 'found' | 'derived';
  /** The template is kept in a page about it (a contribution guide): its ```markdown block, or the part after its `Template:` heading. */
  templateEmbedded?: boolean;
  /** The catalog's page that calls the found template the template, by a link. */
  templateCalledBy?: string;
  /** The template has no section, only a header of fields (`| Title | … |`, `| Status | … |`) the patterns start with. */
  templateFieldsOnly?: boolean;
  /** For a derived template: what it holds and why. */
  derived?: DerivedTemplate;
  /**
   * Other files named like templates that some patterns follow better than the
   * template (`template: [it, …these]`: each pattern is judged by the one it
   * follows best), with how many do.
   */
  siblings: { file: string; patterns: number }[];
  /**
   * Folders that keep a template of their own beside their documents (`standards/standard.template.md`):
   * their documents are judged by it (an `overrides` entry each), with its sections' settings as they have them.
   */
  folders: { folder: string; template: string; files: string[]; patterns: number; fitting: number; joined: boolean; sibling?: true; sections: SectionChoice[] }[];
  /** A template file that was considered and that too few patterns fit. */
  rejected?: { file: string; fitting: number; of: number };
  /** A file named a little like a template that is a written document (nothing to fill in, sections the patterns do not share): not taken. */
  written?: string;
  patterns: string[];
  exclude: Exclusion[];
  /** A YAML file most pattern folders keep beside the pattern (`kep.yaml`): read as its front matter. */
  metadata?: { file: string; folders: number; of: number };
  /** A front matter key in which patterns list the sections and headings they are excused from (see `waivers`). */
  waivers?: { key: string; files: number; items: number };
  /** Pattern files the configuration selects. */
  patternCount: number;
  /** Of those, redirect stubs: files that only say the pattern moved (not compared with the template). */
  movedCount: number;
  /**
   * Documents in a markup Patternbook does not read (`README.adoc`), by markup, five or more: said.
   * `notes`: the Markdown files inside those documents' folders, which are theirs, never patterns.
   */
  otherFormats?: { format: string; ext: string; files: number; example: string; notes: number }[];
  /** Markdown files in the folder, and the layout most of them share (before it was narrowed) and how many. */
  markdownCount: number;
  shared: { layout: string; files: number };
  /** Folders left out by the globs (their files mostly do not fit the template). */
  leftOut: LayoutChoice['leftOut'];
  /** Other Markdown files the globs do not take, by folder (`.` for the catalog's own), five or more in one: said, so a kind of pattern is not left out unseen. */
  notTaken: {
    folder: string;
    files: number;
    example: string;
    /** Written from the template, in a folder of the patterns' own without its README: add its path. */ readmeless?: true;
    /** Each the same text as a pattern taken in its folder (`README.md` beside the `index.md` taken): copies. */
    copies?: true;
    /** With the template's sections, where no glob reaches (a folder of their own without a README, deeper): these files, said by name. */
    fitting?: string[];
    /** The other Markdown files in those files' folders, written otherwise (an older layout of a document there): said with them. */
    beside?: string[];
  }[];
  comparison: Comparison;
  /** Template text most patterns keep verbatim, said as `“…” is kept by 592 of 1,011 patterns: treated as boilerplate`. */
  boilerplate: string[];
  /** Why `section-order` is a warning (a derived template whose sections the patterns put in either order). */
  orderWarning?: string;
  /** Where the catalog is published, read from the patterns' links to each other's pages there (`site.url`). */
  site?: PublishedSite;
  /** The site's name, address and repository page as the catalog's own files say them (`mkdocs.yml`, `_config.yml`, the git remote). */
  siteFacts: SiteFacts;
  /** The configuration's text as written. */
  configText: string;
}

export const ADOPT_CONFIG_FILE = 'patternbook.config.yaml';
const DERIVED_TEMPLATE_FILES = ['templates/pattern.md', 'templates/adopted-pattern.md', 'templates/patternbook-pattern.md'];

/** Writes the configuration (and a derived template) for an existing catalog; refuses when it has a configuration. */
export async function adoptCatalog(options: AdoptOptions): Promise<AdoptResult> {
  const root = path.resolve(options.root);
  const stats = statSync(root, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) throw new PatternbookError(`${root} is not a folder: give the folder that holds the catalog's patterns.`);
  const existing = existingConfiguration(root);
  if (existing) {
    throw new PatternbookError(
      `Not adopting ${root}: it already has a configuration (${existing}). \`init --adopt\` writes a first configuration for a catalog that has none; edit that one, or remove it to start again. Nothing was written.`,
    );
  }

  const otherDocs: OtherDocument[] = [];
  const scanned = scanMarkdown(root, otherDocs);
  // Documents in a markup Patternbook does not read: said. Where they are the catalog (more of them
  // than Markdown files that could be patterns), a Markdown file in one's own folder (`Gate/README.adoc`
  // and `Gate/build/README.md`) is a note of that document, never one of the catalog's.
  const { files, notes, formats, elsewhere } = catalogFiles(scanned, otherDocs);
  const unread = formats.length ? ` ${formats.map((f) => f.sentence).join(' ')}` : '';
  // (Where those documents are the catalog, a Markdown file at the top beside them, `EDITORS.md`, is
  // a page of the repository, not a catalog of one.)
  if (files.length === 0 || files.every((f) => isNonPatternName(f) || (elsewhere && f.dirs.length === 0))) {
    if (formats.length)
      throw new PatternbookError(
        `No Markdown catalog in ${root}:${unread}${notes.length ? ` The ${plural(notes.length, 'Markdown file')} here ${notes.length === 1 ? 'is a note' : 'are notes'} inside those documents' folders (${listed(notes.map((f) => f.rel))}), not a catalog.` : ''} Nothing was written.`,
      );
    if (files.length === 0)
      throw new PatternbookError(
        `No Markdown files in ${root}: \`init --adopt\` is for a folder that already holds patterns. To start a new catalog, run \`patternbook init\`.`,
      );
  }

  const given = options.template ? await givenTemplate(root, options.template, files) : undefined;
  const candidates = given ? [given] : templateCandidates(root, files);
  // No file here named like a template: the catalog's may be above this folder, in the repository
  // (its documents in `rfcs/`, its template in the folder above). Taken as one found here is: when
  // most patterns have its sections.
  if (!given && !candidates.some((c) => c.nameScore >= 3)) candidates.push(...templatesAbove(root).flatMap((f) => aboveCandidate(f)));
  const layout = chooseLayout(files, candidates, (some) => derivedSchema(root, some));
  if (layout.patterns.length === 0) {
    throw new PatternbookError(
      `Found no pattern files in ${root} among its ${files.length} Markdown file${files.length === 1 ? '' : 's'}: give the template with \`--template FILE\`, or write the configuration by hand (see \`patternbook init --help\`).${unread}`,
    );
  }

  // The template: the one given or found, else one derived from the patterns.
  let templateFile: string;
  let templateText: string | undefined;
  let derived: DerivedTemplate | undefined;
  if (layout.template) {
    templateFile = layout.template.file ? path.join(root, layout.template.file.rel) : layout.template.rel;
  } else {
    // (Patterns that share no section get a template that asks for none: their titles, summaries,
    // links and images are still checked.)
    derived = deriveTemplate(...docsAndSlugs(layout.patterns));
    const free = DERIVED_TEMPLATE_FILES.find((f) => !existsSync(path.join(root, f)));
    if (!free) throw new PatternbookError(`${DERIVED_TEMPLATE_FILES.join(', ')} all exist in ${root}: give the template with \`--template FILE\`. Nothing was written.`);
    templateFile = path.join(root, free);
    templateText = derived.text;
  }
  const schema = templateText !== undefined ? templateFromSource(templateText, templateFile) : layout.template!.schema;
  // (A template outside the catalog's folder, `../0000-template.md`, is named from the configuration's
  // folder, as every path in it is: the same in every clone.)
  const templateRel = path.relative(root, templateFile).split(path.sep).join('/');

  // A folder left out whose files follow another file named like a template beside the template
  // (`acts/` and `Kit-ActTemplate.md` beside `Kit-ThingTemplate.md`): its patterns, judged by that sibling.
  const others = given ? templateCandidates(root, files) : candidates;
  if (!derived) rejoinSiblingFolders(layout, others, files);
  // A part other pages include is no pattern of its own.
  excludeFragments(layout, files);
  // Folders with a template of their own beside their documents: judged by it.
  const folders = derived ? [] : folderTemplates(layout, others, files);
  // Kinds of documents written from a sibling of the template, in folders of their own: judged by it.
  if (!derived) folders.push(...siblingKinds(layout, others, files, folders));
  const inFolder = picomatch(folders.flatMap((f) => f.globs).concat(folders.length ? [] : ['!**']), { dot: true });
  // The patterns as the catalog loader reads them, compared with the template.
  const exclude = layout.exclude.map((e) => e.glob);
  const loaded = await loadPatterns(
    root,
    layout.globs,
    exclude,
    schema,
    folders.map((f) => f.candidate.schema.file),
  );
  const { linked, files: patternCount, moved: movedCount } = loaded;
  const loadedDocs = loaded.docs.filter((_, i) => !inFolder(loaded.paths[i]!));
  // Sibling templates (one per kind of pattern): the patterns that follow one better are judged by it,
  // and the template's own practice (recommended sections, aliases) is read from the others.
  // With --template, the files named like templates beside it are its siblings' candidates.
  const folderCandidates = new Set(folders.map((f) => f.candidate));
  const { siblings, docs } = derived
    ? { siblings: [], docs: loadedDocs }
    : siblingTemplates(
        schema,
        others.filter((c) => !folderCandidates.has(c)),
        layout.template!,
        new Set(layout.patterns),
        loadedDocs,
      );
  // When each pattern was written, against when its template asked for each section (their git
  // history): a pattern written before lacks it as its era did, and says nothing of the practice since.
  const written = new Map(loaded.patterns.map((p) => [p.document, p]));
  const before = (template: TemplateSchema) => {
    const history = templateHistory(template, root);
    if (!history) return undefined;
    return (section: TemplateSection, doc: MarkdownDocument) => {
      const pattern = written.get(doc);
      return pattern !== undefined && history.writtenBefore(section, pattern.path, declaredDate(pattern));
    };
  };
  const comparison = compareTemplate(schema, docs, { derived: derived !== undefined, writtenBefore: derived ? undefined : before(schema) });
  // What the catalog's README and CONTRIBUTING say of the template's sections (a part "each ACP can
  // have", "It doesn't need to fill in all the sections"): its own rules, no stricter.
  if (!derived)
    for (const rule of processRules(root, schema.sections, [
      ...processProposals(layout.patterns),
      ...templateCallers(files, layout.template),
      ...templatePreface(layout.template),
    ])) {
      const known = comparison.sections.find((c) => foldHeading(c.name) === foldHeading(rule.name));
      const choice = known ?? { name: rule.name, reasons: [] };
      if (rule.optional) {
        choice.optional = true;
        delete choice.recommended;
      } else if (rule.recommended && !choice.optional) choice.recommended = true;
      else continue;
      choice.reasons.push(...rule.reasons);
      if (!known) comparison.sections.push(choice);
    }
  // A sibling's own sections (the names the template does not have) get settings from the patterns
  // that follow it; `sections` is shared by name, so a name both have keeps the template's.
  const baseNames = new Set(flattenSections(schema.sections).map((s) => foldHeading(s.name)));
  for (const s of siblings)
    for (const choice of compareTemplate(s.candidate.schema, s.docs, { writtenBefore: before(s.candidate.schema) }).sections)
      if (!baseNames.has(foldHeading(choice.name)) && !comparison.sections.some((c) => foldHeading(c.name) === foldHeading(choice.name)))
        comparison.sections.push({ ...choice, reasons: choice.reasons.map((r) => `${r} (${s.candidate.rel})`) });
  const boilerplate = catalogBoilerplate(schema, docs).map(describeBoilerplate);
  // Each folder's documents compared with its own template.
  const folderResults = folders.map((f) => {
    const match = picomatch(f.globs, { dot: true });
    const own = loaded.docs.filter((_, i) => match(loaded.paths[i]!));
    return {
      folder: f.folder,
      template: f.candidate.rel,
      files: f.globs,
      patterns: own.length,
      fitting: f.fitting,
      joined: f.joined,
      ...(f.sibling ? { sibling: f.sibling } : {}),
      sections: compareTemplate(f.candidate.schema, own, { writtenBefore: before(f.candidate.schema) }).sections,
    };
  });

  const result: Omit<AdoptResult, 'configText'> = {
    root,
    configFile: path.join(root, ADOPT_CONFIG_FILE),
    templateFile,
    templateSource: given ? 'given' : derived ? 'derived' : 'found',
    ...(schema.embeddedAt !== undefined ? { templateEmbedded: true } : {}),
    ...(layout.template?.calledBy && !given ? { templateCalledBy: layout.template.calledBy } : {}),
    ...(schema.sections.length === 0 ? { templateFieldsOnly: true } : {}),
    // (Relative to the configuration, as the template's own path is: a sibling found in the repository
    // above the folder is known by its full path.)
    siblings: siblings.map((s) => ({
      file: path.isAbsolute(s.candidate.rel) ? path.relative(root, s.candidate.rel).split(path.sep).join('/') : s.candidate.rel,
      patterns: s.patterns,
    })),
    folders: folderResults,
    ...(derived ? { derived } : {}),
    ...(layout.rejected ? { rejected: { file: layout.rejected.candidate.rel, fitting: layout.rejected.fitting, of: layout.rejected.of } } : {}),
    ...(layout.written ? { written: layout.written.rel } : {}),
    patterns: layout.globs,
    exclude: layout.exclude,
    ...metadataBeside(root, layout.patterns),
    ...waiverKey(docs, schema),
    movedCount,
    patternCount,
    markdownCount: scanned.length,
    ...(formats.length ? { otherFormats: formats.map(({ sentence: _sentence, ...f }) => ({ ...f, notes: notes.length })) } : {}),
    shared: layout.shared,
    leftOut: layout.leftOut,
    notTaken: notTaken(
      files,
      layout,
      templateRel,
      [...siblings.map((x) => x.candidate.rel), ...folders.map((f) => f.candidate.rel)],
      (f) => f.doc !== undefined && fits(fitOf(schema, f.doc)),
    ),
    comparison,
    boilerplate,
    ...(derived?.contested.length ? { orderWarning: orderWarning(derived) } : {}),
    ...siteOf(linked),
    siteFacts: siteFacts(root),
  };
  // The configuration must load as written, and its `sections` must name the template's sections
  // as the template reads with the configuration's title and summary settings (a heading read as a
  // section without them may be the title line with them): a setting for one it then lacks is left out.
  const verified = (text: string) => {
    let parsed: ReturnType<typeof parseConfigText>;
    try {
      parsed = parseConfigText(text, result.configFile, 'yaml');
    } catch (error) {
      // (Its own text, not yet written: a fault of init --adopt's, not of a file of the user's.)
      throw new Error(`init --adopt wrote a configuration that does not load (nothing was written): ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    const checked = checkConfig(parsed.data);
    if (!checked.ok)
      throw new Error(
        `init --adopt wrote a configuration that does not validate:\n${formatProblems(checked.problems, result.configFile, { locate: parsed.locate, lines: parsed.lines })}`,
      );
    const settings = { ...(checked.values.title ? { title: checked.values.title } : {}), ...(checked.values.summary ? { summary: checked.values.summary } : {}) };
    return { sections: checked.values.sections ?? {}, settings, overrides: checked.values.overrides ?? [] };
  };
  let configText = renderConfig(result, templateRel, layout.template);
  let { sections, settings, overrides } = verified(configText);
  const read = templateFromSource(templateText ?? schema.source, templateFile, { ...settings, sections: {}, sharedSections: true });
  const names = new Set(
    [read, ...siblings.map((s) => s.candidate.schema)].flatMap((t) => flattenSections(t.sections)).flatMap((s) => [foldHeading(s.name), foldHeading(s.heading)]),
  );
  const kept = result.comparison.sections.filter((c) => names.has(foldHeading(c.name)));
  if (kept.length < result.comparison.sections.length) {
    result.comparison.sections = kept;
    configText = renderConfig(result, templateRel, layout.template);
    ({ sections, settings, overrides } = verified(configText));
  }
  // (And each folder's `sections` the names of that folder's template.)
  let dropped = false;
  for (const [i, f] of folders.entries()) {
    const own = flattenSections(templateFromSource(f.candidate.schema.source, f.candidate.schema.file, { ...settings, sections: {} }).sections);
    const ownNames = new Set(own.flatMap((x) => [foldHeading(x.name), foldHeading(x.heading)]));
    const entry = result.folders[i]!;
    const keep = entry.sections.filter((c) => ownNames.has(foldHeading(c.name)));
    if (keep.length < entry.sections.length) [entry.sections, dropped] = [keep, true];
  }
  if (dropped) {
    configText = renderConfig(result, templateRel, layout.template);
    ({ sections, settings, overrides } = verified(configText));
  }
  templateFromSource(templateText ?? schema.source, templateFile, { ...settings, sections, sharedSections: siblings.length > 0 });
  for (const [i, f] of folders.entries()) templateFromSource(f.candidate.schema.source, f.candidate.schema.file, { ...settings, sections: overrides[i]?.sections ?? {} });

  // The template first: a run stopped between the two leaves no configuration, and a second run finds the template.
  if (templateText !== undefined) await writeFileAtomic(templateFile, templateText, { exclusive: true });
  await writeFileAtomic(result.configFile, configText, { exclusive: true });
  return { ...result, configText };
}

/** What the first lint of the adopted catalog finds, by rule. */
export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  /** Files that could not be loaded. */
  failed: number;
  byRule: { rule: string; errors: number; warnings: number }[];
}

/** Runs the library's `lint()` on the catalog and counts its findings by rule. */
export async function lintSummary(root: string): Promise<LintSummary> {
  const report = await lint({ root, baseline: 'ignore' });
  const rules = new Map<string, { errors: number; warnings: number }>();
  let failed = 0;
  for (const result of report.results) {
    if (result.diagnostics.some((d) => d.fatal)) failed++;
    for (const d of result.diagnostics) {
      const entry = rules.get(d.ruleId) ?? rules.set(d.ruleId, { errors: 0, warnings: 0 }).get(d.ruleId)!;
      if (d.severity === 'error') entry.errors++;
      else if (d.severity === 'warning') entry.warnings++;
    }
  }
  return {
    files: report.results.length,
    errors: report.errorCount,
    warnings: report.warningCount,
    failed,
    byRule: [...rules.entries()].map(([rule, c]) => ({ rule, ...c })).sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.rule < b.rule ? -1 : 1)),
  };
}

/** The configuration file of the folder, if it has one (a `patternbook` key in package.json counts). */
function existingConfiguration(root: string): string | undefined {
  const file = CONFIG_FILES.find((f) => existsSync(path.join(root, f)));
  if (file) return file;
  const pkg = path.join(root, 'package.json');
  if (!existsSync(pkg)) return undefined;
  try {
    const json: unknown = JSON.parse(readFileSync(pkg, 'utf8'));
    return typeof json === 'object' && json !== null && 'patternbook' in json ? 'the `patternbook` key of package.json' : undefined;
  } catch {
    return undefined; // a package.json that is not JSON holds no configuration Patternbook could read
  }
}

/** Documents of another markup are said from this many on (or when they are the catalog's). */
const OTHER_FORMAT_MIN = 5;

/** `a.md, b.md, c.md`, or the first three and how many more. */
function listed(rels: readonly string[]): string {
  return rels.length <= 3 ? rels.join(', ') : `${rels.slice(0, 3).join(', ')}, … (${n(rels.length)} files)`;
}

/**
 * The Markdown files that may be the catalog's, and what the documents of other markups say
 * about it. Where those documents outnumber the Markdown files that could be patterns, the
 * catalog is written in that markup: a Markdown file in the folder of one of its documents
 * (`tools/Gate/README.adoc`, `tools/Gate/build/README.md`) is a note of that document, not a
 * pattern. Each markup with five documents or more, or that is the catalog's, is said.
 */
function catalogFiles(
  scanned: readonly ScannedFile[],
  others: readonly OtherDocument[],
): {
  files: ScannedFile[];
  notes: ScannedFile[];
  formats: { format: string; ext: string; files: number; example: string; sentence: string }[];
  /** Whether the documents in another markup are the catalog (more of them than Markdown files that could be patterns). */
  elsewhere: boolean;
} {
  // (A document kept in both markups, `README.md` beside `README.adoc`, is read as its Markdown:
  // neither counted nor said.)
  const stem = (dirs: readonly string[], base: string) => [...dirs, base.replace(/\.[^.]+$/, '')].join('/').toLowerCase();
  const markdown = new Set(scanned.map((f) => stem(f.dirs, f.base)));
  const folderPages = new Set(scanned.filter((f) => f.folderKind).map((f) => f.dirs.join('/')));
  others = others.filter((o) => !markdown.has(stem(o.dirs, o.base)) && !(o.folderKind && folderPages.has(o.dirs.join('/'))));
  if (others.length === 0) return { files: [...scanned], notes: [], formats: [], elsewhere: false };
  const candidates = scanned.filter((f) => !isNonPatternName(f));
  const theCatalogs = others.length > candidates.length;
  const folders = theCatalogs ? others.filter((o) => o.folderKind).map((o) => `${o.dirs.join('/')}/`) : [];
  const notes = scanned.filter((f) => folders.some((d) => f.rel.startsWith(d)));
  const byFormat = new Map<string, OtherDocument[]>();
  for (const o of others) byFormat.set(o.format, [...(byFormat.get(o.format) ?? []), o]);
  const formats = [...byFormat]
    .filter(([, docs]) => theCatalogs || docs.length >= OTHER_FORMAT_MIN)
    .sort((a, b) => b[1].length - a[1].length)
    .map(([format, docs]) => {
      const exts = [...new Set(docs.map((d) => path.posix.extname(d.base).toLowerCase()))].sort();
      const ext = exts.join(', ');
      return {
        format,
        ext,
        files: docs.length,
        example: docs[0]!.rel,
        sentence: `${plural(docs.length, `${format} file`)} (${ext}) here (${listed(docs.map((d) => d.rel))}): Patternbook reads Markdown only.`,
      };
    });
  return { files: scanned.filter((f) => !notes.includes(f)), notes, formats, elsewhere: theCatalogs };
}

/** A template file found above the catalog's folder (see `templatesAbove`): a candidate named by its absolute path. */
function aboveCandidate(file: ScannedFile): TemplateCandidate[] {
  try {
    return [{ rel: file.rel, schema: templateFromSource(file.doc!.source, file.rel), nameScore: templateNameScore(file) }];
  } catch {
    return []; // Not a template (no section headings, say).
  }
}

/** `--template FILE`: read as any template is; an error names the file. */
async function givenTemplate(root: string, file: string, files: readonly ScannedFile[]): Promise<TemplateCandidate> {
  const text = await readTemplateText(file, { missing: 'Give an existing Markdown file with --template.' });
  const rel = relativeTo(root, file);
  const scanned = files.find((f) => f.rel === rel);
  return { rel: scanned ? rel : file, schema: templateFromSource(text, file), nameScore: Infinity, ...(scanned ? { file: scanned } : {}) };
}

/**
 * In a catalog of one folder per pattern, a YAML file that most folders keep
 * beside the pattern under one name (`kep.yaml`, `metadata.yml`): the
 * pattern's metadata, read as its front matter (`metadataFile`).
 */
function metadataBeside(root: string, patterns: readonly ScannedFile[]): Pick<AdoptResult, 'metadata'> {
  const folders = [...new Set(patterns.filter((p) => p.folderKind).map((p) => p.dirs.join('/')))];
  if (folders.length < 3) return {};
  const counts = new Map<string, number>();
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(path.join(root, folder)).filter((n) => /\.ya?ml$/i.test(n));
    } catch {
      continue;
    }
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const [file, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  return file && n! * 2 >= folders.length ? { metadata: { file, folders: n!, of: folders.length } } : {};
}

/**
 * The files other Markdown files include as a part of their page (a disclaimer each specification
 * shows): `[!INCLUDE[…](../part.md)]` (DocFX, Microsoft Learn), `--8<-- "part.md"` (MkDocs
 * snippets), `{% include_relative part.md %}` (Jekyll). Left out of the patterns, each named.
 */
function excludeFragments(layout: LayoutChoice, files: readonly ScannedFile[]): void {
  const included = new Set<string>();
  const INCLUDES = [
    /\[!INCLUDE\s*\[[^\]]*\]\(\s*<?([^)\s>]+)>?\s*\)\s*\]/gi,
    /^\s*-{2}8<-{2}\s+["']?([^"'\s]+\.md)["']?/gim,
    /\{%-?\s*include_relative\s+["']?([^"'\s%]+\.md)["']?/gi,
  ];
  for (const f of files) {
    const source = f.doc?.source;
    if (!source || !/INCLUDE|--8<--|include_relative/i.test(source)) continue;
    for (const re of INCLUDES)
      for (const m of source.matchAll(re)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f.rel), m[1]!));
        if (!target.startsWith('..')) included.add(target);
      }
  }
  const fragments = layout.patterns.filter((p) => included.has(p.rel));
  if (fragments.length === 0) return;
  layout.patterns = layout.patterns.filter((p) => !included.has(p.rel));
  for (const p of fragments) layout.exclude.push({ glob: fileGlob(p.rel), reason: 'fragment', files: [p.rel] });
}

/** Patterns that must follow another template file better than the catalog's for it to be a sibling. */
const SIBLING_MIN = 2;

/**
 * Folders the layout left out (see `LayoutChoice.leftOut`) whose files are one
 * per pattern right in them and mostly fit a file named like a template beside
 * the template (two at least): they join the patterns (`acts/*.md`), and
 * `siblingTemplates` then finds that file their template.
 */
function rejoinSiblingFolders(layout: LayoutChoice, candidates: readonly TemplateCandidate[], files: readonly ScannedFile[]): void {
  const chosen = layout.template;
  if (!chosen) return;
  const others = otherTemplates(candidates, chosen, chosen.schema);
  if (others.length === 0) return;
  const byRel = new Map(files.map((f) => [f.rel, f]));
  layout.leftOut = layout.leftOut.filter((left) => {
    const group = left.rels.map((r) => byRel.get(r)).filter((f): f is ScannedFile => f !== undefined);
    // (Files right in the folder: `acts/Domain-Walk.md`, a glob of its own.)
    if (group.length < SIBLING_MIN || group.some((f) => f.folderKind || f.dirs.join('/') !== left.folder)) return true;
    // (Two of them at least, as a sibling needs to be configured: a folder where one page of two has an
    // `## Introduction` like the sibling's is not its collection, and would be judged by the template.)
    const fitsOne = others.some((c) => {
      const fitting = group.filter((f) => f.doc && fits(fitOf(c.schema, f.doc))).length;
      return fitting >= SIBLING_MIN && fitting * 2 >= group.length;
    });
    if (!fitsOne || !group.every((f) => /\.md$/i.test(f.base))) return true;
    layout.globs.push(`${left.folder.split('/').map(escapeName).join('/')}/*.md`);
    layout.patterns.push(...group);
    return false;
  });
}

/**
 * The page that names the template as the one to copy (`docs/deprecation.md`: "use [the design
 * template](…)", its candidate's `calledBy`), other than the README and CONTRIBUTING read already: a
 * page of the catalog's process.
 */
function templateCallers(files: readonly ScannedFile[], template: TemplateCandidate | undefined): { rel: string; text: string }[] {
  // (A template given with --template has no candidate's `calledBy`: its callers are looked for then.)
  const rel = template?.calledBy ?? (template?.file ? calledTemplates(files).templates.get(template.file)?.rel : undefined);
  const caller = rel === undefined ? undefined : files.find((f) => f.rel === rel);
  if (!caller?.doc || /^(?:readme|contributing)\.md$/i.test(caller.base)) return [];
  return [{ rel: caller.rel, text: caller.doc.source }];
}

/**
 * What the template says of itself above its first section, to the author who copies it ("Some of
 * this may not apply to every RFC, and that's fine"): the catalog's rule for its sections, as its
 * README's is. Only there — a sentence inside a section speaks of that section.
 */
function templatePreface(template: TemplateCandidate | undefined): { rel: string; text: string }[] {
  const doc = template?.file?.doc;
  const first = doc?.sections[0]?.heading.range.start.offset;
  if (!doc || first === undefined) return [];
  // (Up to its first section, as written: the lines said are the file's own. Its comments are read as its text.)
  const text = doc.source.slice(0, first).replace(/<!--|-->/g, (m) => ' '.repeat(m.length));
  return text.trim() ? [{ rel: template!.rel, text }] : [];
}

/**
 * The catalog's own process, kept as its first document (`eip-1.md` "EIP Purpose and Guidelines",
 * `CIP-0001/README.md` "CIP process"): numbered 0 or 1, its title about the process. Its rules for
 * the template's sections are the catalog's as its README's are.
 */
function processProposals(patterns: readonly ScannedFile[]): { rel: string; text: string }[] {
  return patterns
    .filter((f) => {
      const name = f.folderKind ? (f.dirs.at(-1) ?? '') : f.base;
      const numbers = name.match(/\d+/g) ?? [];
      if (numbers.length !== 1 || Number(numbers[0]) > 1 || !f.doc) return false;
      // (Its title in its H1, its header block or its front matter: `# AEX 1` over `Title: AEX process`.)
      const fm = f.doc.frontMatter?.data?.title;
      const titles = [f.doc.title?.text, bodyFields(f.doc)?.values.title, typeof fm === 'string' ? fm : undefined];
      return titles.some((t) => t !== undefined && /\b(?:process|purpose|guidelines?)\b/i.test(t));
    })
    .slice(0, 2)
    .map((f) => ({ rel: f.rel, text: f.doc!.source }));
}

/**
 * A front matter key the template does not have, in which patterns list what their catalog excuses
 * them from (`ignoredRules: ["missing:copyright", "heading:open-items"]`): in two patterns at least,
 * most of its items name — after an optional `word:` — a section of the template or a heading of
 * the pattern's own.
 */
function waiverKey(docs: readonly MarkdownDocument[], schema: TemplateSchema): Pick<AdoptResult, 'waivers'> {
  const sections = new Set(flattenSections(schema.sections).flatMap((s) => [s.name, s.heading, ...s.aliases].map(waiverName)));
  const byKey = new Map<string, { files: number; items: number; naming: number; lacking: number }>();
  for (const doc of docs) {
    const data = doc.frontMatter?.data ?? {};
    const own = new Set(doc.headings.map((h) => waiverName(h.text)));
    for (const [key, value] of Object.entries(data)) {
      if (key in schema.frontMatter || !Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) continue;
      const named = (value as string[]).filter((v) => /^[\w-]+:\s*\S/.test(v.trim())).map((v) => waiverName(v.trim().replace(/^[\w-]+:\s*/, '')));
      const entry = byKey.get(key) ?? { files: 0, items: 0, naming: 0, lacking: 0 };
      entry.files++;
      entry.items += value.length;
      entry.naming += named.filter((name) => sections.has(name) || own.has(name)).length;
      // (A section of the template the pattern lacks, named: what a waiver is for.)
      entry.lacking += named.filter((name) => sections.has(name) && !own.has(name)).length;
      byKey.set(key, entry);
    }
  }
  const best = [...byKey.entries()].filter(([, e]) => (e.files >= 2 || e.lacking > 0) && e.naming * 3 >= e.items * 2).sort((a, b) => b[1].naming - a[1].naming)[0];
  return best ? { waivers: { key: best[0], files: best[1].files, items: best[1].items } } : {};
}

/**
 * The other files named like templates that may be the template's siblings:
 * named plainly as templates, or kept beside it; never a copy kept as test
 * data or an example (`pkg/testdata/…/NNNN-template/README.md`).
 */
function otherTemplates(candidates: readonly TemplateCandidate[], chosen: TemplateCandidate, schema: TemplateSchema): TemplateCandidate[] {
  const beside = path.dirname(chosen.rel);
  return candidates.filter(
    (c) => c !== chosen && c.schema.file !== schema.file && (c.nameScore >= 3 || path.dirname(c.rel) === beside) && !NOT_THE_CATALOGS.test(path.posix.dirname(c.rel)),
  );
}

/**
 * Of the other files named like templates, those that at least `SIBLING_MIN`
 * patterns follow better than the template (the same measure `lint` judges by:
 * `bestSibling`), and the patterns that follow the template best.
 */
function siblingTemplates(
  schema: TemplateSchema,
  candidates: readonly TemplateCandidate[],
  chosen: TemplateCandidate,
  patternFiles: ReadonlySet<ScannedFile>,
  docs: readonly MarkdownDocument[],
): { siblings: { candidate: TemplateCandidate; patterns: number; docs: MarkdownDocument[] }[]; docs: MarkdownDocument[] } {
  // (Never one of the patterns. Nor the template of another kind of document: where most patterns'
  // names and the template's start with one word, `sep-0011.md` and `sep-template.md`, a file named
  // for another, `cap-template.md`, is the template of the documents that word names.)
  const kind = kindOfNames([...patternFiles].map((f) => f.rel));
  const sameKind = (rel: string) => !kind || kindOf(rel) === undefined || kindOf(rel) === kind;
  const others = otherTemplates(candidates, chosen, schema).filter((c) => (!c.file || !patternFiles.has(c.file)) && (!sameKind(chosen.rel) || sameKind(c.rel)));
  if (others.length === 0) return { siblings: [], docs: [...docs] };
  const counts = new Map<TemplateCandidate, number>();
  const bySchema = new Map(others.map((c) => [c.schema, c]));
  const best = docs.map((doc) => {
    const top = bySchema.get(
      bestSibling(
        schema,
        others.map((c) => c.schema),
        doc.sections,
      ),
    );
    if (top) counts.set(top, (counts.get(top) ?? 0) + 1);
    return top;
  });
  const siblings = others
    .filter((c) => (counts.get(c) ?? 0) >= SIBLING_MIN)
    .map((candidate) => ({ candidate, patterns: counts.get(candidate)!, docs: docs.filter((_, i) => best[i] === candidate) }));
  const kept = new Set(siblings.map((s) => s.candidate));
  // A pattern whose best fit is a file that did not make it a sibling is still the template's.
  return { siblings, docs: docs.filter((_, i) => !best[i] || !kept.has(best[i])) };
}

/** The word a document's file name starts with before its number or `template` (`sep` in `sep-0011.md`, `SEP-template.md`). */
function kindOf(rel: string): string | undefined {
  return /^([a-z]{2,10})[-_ ]?(?:\d|template\b|tmpl\b|x{3,}|n{3,})/i.exec(path.basename(rel))?.[1]?.toLowerCase();
}

/** The word most of these file names start with (see `kindOf`), if most do. */
function kindOfNames(rels: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const rel of rels) {
    const k = kindOf(rel);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [top, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return top && count! * 2 > rels.length ? top : undefined;
}

/** At most this many files named like templates are read as templates (the best named first). */
const MAX_CANDIDATES = 200;

/** The files named like templates, read as templates (those that are not one — no sections — are left out). */
function templateCandidates(root: string, files: readonly ScannedFile[]): TemplateCandidate[] {
  const { templates: calledTemplate, callers } = calledTemplates(files);
  const named = files
    .map((file) => ({ file, nameScore: calledTemplate.has(file) ? 3 : callers.has(file) ? 0 : templateNameScore(file) }))
    .filter((c) => c.nameScore > 0 && c.file.doc)
    .sort((a, b) => b.nameScore - a.nameScore || a.file.dirs.length - b.file.dirs.length || (a.file.rel < b.file.rel ? -1 : 1))
    .slice(0, MAX_CANDIDATES);
  const out: TemplateCandidate[] = [];
  for (const { file, nameScore } of named) {
    let schema: TemplateSchema;
    try {
      schema = templateFromSource(file.doc!.source, path.join(root, file.rel));
    } catch {
      continue; // Not a template (no section headings, say): one candidate fewer.
    }
    if (nameScore < 3 && isWrittenDocument(schema)) continue;
    const caller = calledTemplate.get(file);
    out.push({ rel: file.rel, schema, nameScore, file, ...(caller ? { calledBy: caller.rel.split(path.sep).join('/') } : {}) });
  }
  return out;
}

/**
 * The files the catalog's own pages call its template, by a link: `[EEP 33][] is a template.`,
 * `copy [the template](0000-template.md)`, `[Template](TEMPLATE.md)`; and the pages that say so
 * (an index that names the template is none itself, whatever its number: `eep-0000.md`).
 */
function calledTemplates(files: readonly ScannedFile[]): { templates: Map<ScannedFile, ScannedFile>; callers: Set<ScannedFile> } {
  const byRel = new Map(files.map((f) => [f.rel.split(path.sep).join('/'), f]));
  const templates = new Map<ScannedFile, ScannedFile>();
  const callers = new Set<ScannedFile>();
  for (const file of files) {
    const doc = file.doc;
    if (!doc) continue;
    for (const link of doc.links) {
      // (Or the file's page on a git host, `https://github.com/org/repo/blob/main/proposals/template.md`:
      // the file of this folder whose path ends that address's.)
      const hosted = link.kind === 'link' && HOSTED_FILE.test(link.url.trim());
      if (link.kind !== 'link' || (!hosted && /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(link.url))) continue;
      const line = doc.lines.lineText(link.range.start.line);
      const at = link.range.start.column - 1;
      const end = link.range.end.line === link.range.start.line ? link.range.end.column - 1 : line.length;
      const before = line.slice(0, at);
      const after = line.slice(end);
      // (A row of a table of the catalog's documents, `| 2 | [Job Template](rfcs/0002-job-template/…) |`,
      // names a document by its title: only `[the template](…)` there is the template.)
      const row = /^\s*\|/.test(line);
      const says =
        // (The link named for the template, `[the RFC template](…)`, `[0000-template.md](…)`: not a page whose
        // title has the word, `[Testing for Client-Side Template Injection](…)`.)
        (row
          ? /^(?:the |our |this |an? )(?:[\w-]+ ){0,2}templates?(?:\.md)?$/i.test(link.text.trim())
          : /^(?:the |our |this |an? )?(?:[\w-]+ ){0,2}templates?(?:\.md)?(?: here| below| file)?$/i.test(link.text.trim()) ||
            // (Or its file name, `[rfc-template.md](./rfc-template.md)`.)
            /^`?[\w.-]*[-_]templates?\.(?:md|markdown)`?$/i.test(link.text.trim())) ||
        // (Or an entry of the catalog's list of its documents, `[TAP 2: TAP template](tap2.md)`: the document
        // of its kind that is the template for that kind — not one about templates, `[RFC 2: Job templates]`.)
        /^([A-Z]{2,8})[- ]?\d+\s*[:.–—-]\s*(?:the |a )?\1 template$/i.test(link.text.trim()) ||
        /^\W{0,3}(?:is|as) (?:a|the|our) (?:\w+ )?template\b/i.test(after.trim()) ||
        /\b(?:copy|use|start from|based on)\s+(?:the|our|this)?\s*(?:\w+ )?template\b[^.]{0,20}$/i.test(before) ||
        /\btemplate\s*(?:file)?\s*:?\s*$/i.test(before) ||
        // (The file to copy to a new one: `copy [_YYYY-MM-DD-title.md](…) to a file named …`. The link's
        // range is its text, its destination or the whole reference link, as the link is written.)
        (/\bcopy(?:ing)?\s+(?:\[[^\]]*\]\(|\[`*)?$/i.test(before) && /^\s*(?:to|into|as)\b/i.test(after.replace(/^\S*/, '')));
      if (!says) continue;
      const onHost = hosted ? hostedFile(link.url, byRel) : undefined;
      if (hosted && !onHost) continue;
      const target =
        onHost ?? path.posix.normalize(path.posix.join(path.posix.dirname(file.rel.split(path.sep).join('/')), decodeLinkPath(link.url.replace(/[?#].*$/, ''))));
      const found = byRel.get(target);
      if (!found || found === file || !found.doc) continue;
      if (!templates.has(found)) templates.set(found, file);
      callers.add(file);
    }
  }
  // (Or named in a code span where a page says to copy it, as process documents write it: "Copy
  // `000-template.md` to `000-my-proposal.md`", "use `rfcs/TEMPLATE.md` as the template".)
  for (const file of files) {
    const doc = file.doc;
    if (!doc || templates.size > 0) continue;
    const from = path.posix.dirname(file.rel.split(path.sep).join('/'));
    for (const m of withoutFences(doc.source).matchAll(
      /\b(?:copy(?:ing)?|duplicate|start from|use)\s+(?:`([^`\n]+\.(?:md|markdown))`|([\w./-]+\.(?:md|markdown)))(?=\s+(?:to|into|as)\b|[^.\n]{0,30}\btemplate\b)/gi,
    )) {
      const named = (m[1] ?? m[2])!;
      const target = path.posix.normalize(path.posix.join(from, named));
      const found = byRel.get(target) ?? byRel.get(path.posix.normalize(named));
      if (!found || found === file || !found.doc) continue;
      if (!templates.has(found)) templates.set(found, file);
      callers.add(file);
    }
  }
  for (const t of templates.keys()) callers.delete(t);
  return { templates, callers };
}

/** A git host's address of a file in a repository, the file's path in it caught. */
const HOSTED_FILE = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org)\/[^/]+\/[^/]+\/(?:-\/)?(?:blob|tree|src\/branch)\/[^/]+\/([^?#]+)/i;

/**
 * The file of the folder a git host's address of a file names (`https://github.com/o/r/blob/main/rfcs/0000-template.md`,
 * GitLab's `/-/blob/`): the one whose path, from this folder, ends the address's path in the repository.
 */
function hostedFile(url: string, byRel: ReadonlyMap<string, unknown>): string | undefined {
  const m = HOSTED_FILE.exec(url.trim());
  if (!m) return undefined;
  const inRepo = decodeLinkPath(m[1]!);
  const found = [...byRel.keys()].filter((rel) => inRepo === rel || inRepo.endsWith(`/${rel}`));
  return found.length === 1 ? found[0] : undefined;
}

/** Words of prose above which a file with nothing for an author to replace reads as written, not as a template. */
const WRITTEN_WORDS = 200;

/**
 * A file only likely named like a template (a pattern folder `curiously-recurring-template-pattern/`,
 * a file in `templates/`) with pages of prose and no marked placeholder (`[…]`, `<…>`, `{…}`,
 * TODO, a sample value) is a written pattern, not the catalog's template: an imperative
 * sentence in it ("Define the skeleton of an algorithm…") is the author's, not an
 * instruction. (A template of bare headings has no prose to count.)
 */
function isWrittenDocument(schema: TemplateSchema): boolean {
  if (schema.placeholders.some((p) => p.kind !== 'instruction')) return false;
  // (Nor one whose front matter is blanks to fill in, `title: <LIP title>`: a template however much
  // guidance it writes.)
  if (frontMatterBlanks(schema)) return false;
  let words = 0;
  for (const section of flattenSections(schema.sections)) words += section.guidance.split(/\s+/).filter(Boolean).length;
  return words >= WRITTEN_WORDS;
}

/** `site` for the result, when the patterns show where the catalog is published. */
function siteOf(linked: readonly LinkedPattern[]): { site?: PublishedSite } {
  const site = publishedSite(linked);
  return site ? { site } : {};
}

/** The parsed files and their slugs, side by side, for `deriveTemplate`. */
function docsAndSlugs(files: readonly ScannedFile[]): [MarkdownDocument[], (string | undefined)[]] {
  const parsed = files.filter((f) => f.doc && movedTarget(f.doc, f.doc.frontMatter?.data ?? {}) === undefined);
  return [parsed.map((f) => f.doc!), parsed.map(slugOfFile)];
}

/** The schema of the template these files would give (to measure how the others fit it). */
function derivedSchema(root: string, files: readonly ScannedFile[]): TemplateSchema | undefined {
  const derived = deriveTemplate(...docsAndSlugs(files));
  if (derived.sections.length === 0) return undefined;
  try {
    return templateFromSource(derived.text, path.join(root, DERIVED_TEMPLATE_FILES[0]!));
  } catch {
    return undefined;
  }
}

/** The patterns the configuration selects, found and read by the catalog loader. */
async function loadPatterns(
  root: string,
  patterns: string[],
  exclude: string[],
  template: TemplateSchema,
  otherTemplates: readonly string[] = [],
): Promise<{ docs: MarkdownDocument[]; paths: string[]; patterns: Pattern[]; linked: LinkedPattern[]; files: number; moved: number }> {
  const discovered = await discoverPatterns({
    root,
    patterns,
    exclude,
    skipDirs: [path.join(root, DEFAULTS.outDir)],
    skipFiles: [template.file, ...otherTemplates],
  });
  // Files read at once: enough to keep the disk busy, few enough for a thousand-pattern catalog.
  const loaded = await mapLimit(discovered.files, 16, (f) => loadPattern({ ...f, maxFileSize: DEFAULTS.maxFileSize }, template));
  // A file that does not load (broken front matter) is still a pattern: lint says what is wrong with it.
  // A redirect stub (it only says the pattern moved) is no pattern to compare with the template.
  const moved = loaded.filter((r) => r.ok && r.pattern.movedTo !== undefined).length;
  const live = loaded.flatMap((r) => (r.ok && r.pattern.movedTo === undefined ? [r.pattern] : []));
  return {
    docs: live.map((p) => p.document),
    paths: live.map((p) => p.path),
    patterns: live,
    linked: live.map((p) => ({ path: p.path, slug: p.slug, urls: (p.links ?? p.document.links).map((l) => l.url) })),
    files: discovered.files.length,
    moved,
  };
}

function relativeTo(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

// ---------------------------------------------------------------------------
// The configuration's text.

const q = (s: string) => JSON.stringify(s);
const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** `patternbook.config.yaml`, every choice with a comment that says what it was read from. */
function renderConfig(result: Omit<AdoptResult, 'configText'>, templateRel: string, found: TemplateCandidate | undefined): string {
  const lines: string[] = [
    '# Patternbook configuration, written by `patternbook init --adopt` from what it found in this',
    '# folder. Every choice says why; change any of them (https://github.com/patternbook/patternbook#configuration-reference).',
    '',
  ];
  lines.push(...comment(templateReason(result, found)));
  if (result.siblings.length > 0) {
    lines.push(
      ...comment(
        `Sibling templates: ${result.siblings.map((s) => `${plural(s.patterns, 'pattern')} follow ${s.file} better`).join('; ')}. Each pattern is judged by the template it follows best; \`new\` starts from the first.`,
      ),
    );
    lines.push('template:', ...[templateRel, ...result.siblings.map((s) => s.file)].map((t) => `  - ${q(t)}`), '');
  } else lines.push(`template: ${q(templateRel)}`, '');
  lines.push(...comment(layoutReason(result)));
  lines.push('patterns:', ...result.patterns.map((g) => `  - ${q(g)}`), '');
  if (result.metadata) {
    const m = result.metadata;
    lines.push(
      ...comment(
        `Metadata: ${n(m.folders)} of the ${plural(m.of, 'pattern folder')} keep a \`${m.file}\` beside the pattern: its keys are read as the pattern's front matter (status, owners… for the site's facets and for the patterns no longer maintained).`,
      ),
    );
    lines.push(`metadataFile: ${q(m.file)}`, '');
  }
  if (result.waivers) {
    const w = result.waivers;
    lines.push(
      ...comment(
        `Waivers: ${n(w.files)} ${w.files === 1 ? 'pattern lists' : 'patterns list'} in \`${w.key}\` the template's sections and their own headings they are excused from (${plural(w.items, 'item')}, \`missing:copyright\`-like): what a pattern lists there is not asked of it.`,
      ),
    );
    lines.push('waivers:', `  key: ${q(w.key)}`, '');
  }
  if (result.exclude.length > 0) {
    lines.push('# Left out: files the patterns globs select that are not patterns.', 'exclude:');
    // (One entry per glob, with every reason it has: a folder left out for its template and its guide.)
    const byGlob = new Map<string, Exclusion[]>();
    for (const e of result.exclude) byGlob.set(e.glob, [...(byGlob.get(e.glob) ?? []), e]);
    for (const [glob, reasons] of byGlob) {
      for (const e of reasons) lines.push(...comment(exclusionReason(e), '  '));
      lines.push(`  - ${q(glob)}`);
    }
    lines.push('');
  }
  const sections = result.comparison.sections;
  if (sections.length > 0) {
    lines.push('# Template sections, as the patterns have them.', 'sections:');
    for (const s of sections) lines.push(...sectionLines(s));
    lines.push('');
  }
  if (result.folders.length > 0) {
    lines.push(
      ...comment(
        result.folders.every((f) => f.sibling)
          ? "Kinds of documents with a template of their own beside the catalog's: each kind's documents are judged by its template, and the sections under it are as they have them."
          : "Folders that keep a template of their own beside their documents (or a kind of document, beside the catalog's template): each one's documents are judged by its template, and the sections under it are as they have them.",
      ),
      'overrides:',
    );
    for (const f of result.folders) {
      lines.push(
        ...comment(
          f.sibling
            ? `Documents of another kind: ${n(f.fitting)} of the ${plural(f.patterns, 'document')} these globs select have the sections of ${f.template}, kept beside the catalog's template.`
            : `${f.folder}/: ${n(f.fitting)} of its ${plural(f.patterns, 'document')} have the sections of ${f.template}, kept beside them${f.joined ? " (they are patterns too, although the catalog's template does not fit them)" : ''}.${f.fitting < f.patterns ? " A document there that clearly follows the catalog's template instead (written before this one) is judged by that one." : ''}`,
          '  ',
        ),
      );
      lines.push(`  - files: [${f.files.map(q).join(', ')}]`, `    template: ${q(f.template)}`);
      if (f.sections.length > 0) lines.push('    sections:', ...f.sections.flatMap(sectionLines).map((l) => `    ${l}`));
    }
    lines.push('');
  }
  if (result.orderWarning) {
    lines.push(...comment(`Rules: ${result.orderWarning}.`));
    lines.push('rules:', '  "section-order": "warn"', '');
  }
  const { title, summary } = result.comparison;
  if (title) {
    lines.push(...comment(`Titles: ${title.reason}.`));
    lines.push('title:', ...settingLines(title.setting), '');
  }
  if (summary) {
    lines.push(...comment(`Summaries: ${summary.reason}.`));
    lines.push('summary:', ...settingLines(summary.setting), '');
  }
  const facts = result.siteFacts;
  const siteLines: string[] = [];
  if (result.site) {
    const site = result.site;
    lines.push(
      ...comment(
        `Published site: ${plural(site.links, 'link')} of the patterns lead to ${plural(site.patterns, "pattern's page", "patterns' pages")} at ${site.url}: with this address they count as links to those patterns (relations, the graph, the site).${site.ours ? '' : " Its pages are another tool's (not at `patterns/<slug>/`), so this site writes no canonical address from it; set `url` where Patternbook's site is published."}`,
      ),
    );
    siteLines.push(`  ${site.ours ? 'url' : 'publishedAt'}: ${q(site.url)}`);
  }
  if (facts.title) {
    lines.push(...comment(`The site's name, from ${facts.title.from}.`));
    siteLines.push(`  title: ${q(facts.title.value)}`);
  }
  if (facts.repoUrl) {
    lines.push(
      ...comment(
        `The repository's page, from ${facts.repoUrl.from}${facts.branch ? ` (branch from ${facts.branch.from})` : ''}: each page links to its source to edit it, and links to the catalog's other files lead there.`,
      ),
    );
    siteLines.push(`  repoUrl: ${q(facts.repoUrl.value)}`, ...(facts.branch ? [`  branch: ${q(facts.branch.value)}`] : []));
  }
  if (siteLines.length > 0) lines.push('site:', ...siteLines, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `## Decision` comes before `## Context` in 7 of the 15 patterns that have both… */
function orderWarning(d: DerivedTemplate): string {
  const c = [...d.contested].sort((a, b) => b.reversed / b.of - a.reversed / a.of)[0]!;
  return `the patterns keep no one order of their sections (\`${c.second}\` comes before \`${c.first}\` in ${n(c.reversed)} of the ${plural(c.of, 'pattern')} with both), so a section out of the template's order is a warning, not an error`;
}

function templateReason(result: Omit<AdoptResult, 'configText'>, found: TemplateCandidate | undefined): string {
  if (result.templateSource === 'given') return 'The template, as given with --template.';
  if (result.templateSource === 'found') {
    const shown = found?.file ? found.rel : path.relative(result.root, result.templateFile).split(path.sep).join('/');
    const above = !found?.file && shown.startsWith('..') ? ' above this folder' : '';
    const kind = result.templateEmbedded
      ? 'the template a page about it keeps (a ```markdown block, a block under a `Template` heading, or the part after one)'
      : result.templateCalledBy
        ? `the file ${result.templateCalledBy} calls the template`
        : `a file named like one${above}`;
    return `The template: ${shown}, ${kind}, whose ${result.templateFieldsOnly ? 'header fields' : 'sections'} the patterns have (${plural(result.comparison.of, 'pattern')} compared with it).`;
  }
  const d = result.derived!;
  const rejected = result.rejected
    ? ` (${result.rejected.file} is named like one, but only ${n(result.rejected.fitting)} of ${plural(result.rejected.of, 'file')} there have its sections; to judge them by it all the same, run \`patternbook init --adopt --template ${result.rejected.file}\` in this folder without this file)`
    : result.written
      ? ` (${result.written} is named a little like one, but it is a written document, with nothing in it to fill in, and the patterns do not share most of its sections)`
      : '';
  const sections =
    d.sections.length === 0
      ? 'The patterns share no section, so it asks for none: each pattern writes its own.'
      : 'Its sections are those most patterns have, in their usual order, "(optional)" where a good share lack them, recommended (a missing one is a warning) where a few do.';
  return `The template: derived from the ${plural(d.of, 'pattern')}, as ${result.rejected || result.written ? 'no template file of the catalog fits them' : 'the catalog has no template file'}${rejected}. ${sections} Edit it: it is the catalog's schema now.`;
}

/**
 * Markdown files of the folder that no glob takes, nor an exclusion, a folder left out or a template
 * names: by folder, five or more in one (one document per folder counted by the folder above); each
 * one that stands among the patterns — named with a leading dot in a folder of theirs (`.notes.md`,
 * which no `*` matches), or named as its own folder beside them (`gizmo-cache/gizmo-cache.md`) — as
 * such a file looks like one of them; each other one with the template's sections; and copies of the
 * patterns taken beside them.
 */
function notTaken(
  files: readonly ScannedFile[],
  layout: LayoutChoice,
  template: string,
  siblings: readonly string[],
  fitsTemplate: (f: ScannedFile) => boolean,
): AdoptResult['notTaken'] {
  const said = new Set<string>([
    template,
    ...siblings,
    ...layout.patterns.map((f) => f.rel),
    ...layout.exclude.flatMap((e) => e.files),
    ...layout.leftOut.flatMap((f) => f.rels),
  ]);
  const homes = new Set(layout.patterns.filter((p) => !p.folderKind).map((p) => p.dirs.join('/')));
  // (And a folder among the patterns' own folders without its README, one document in it under
  // another name: `designs/2021-fixable/design.md` beside `designs/*/README.md`.)
  const folderHomes = new Set(layout.patterns.filter((p) => p.folderKind).map((p) => p.dirs.slice(0, -1).join('/')));
  const patternFolders = new Set(layout.patterns.map((p) => p.dirs.join('/')));
  const mdIn = groupBy(files, (f) => f.dirs.join('/'));
  const near: AdoptResult['notTaken'] = [];
  const byFolder = new Map<string, string[]>();
  // (A file with the very text of a pattern taken in its folder — `README.md` beside the `index.md` a
  // site builds from — is its copy: said as copies, once for all.)
  const taken = new Map(layout.patterns.map((p) => [p.dirs.join('/'), p]));
  const copies: string[] = [];
  const fitting: string[] = [];
  const ownFolders = layout.patterns.filter((p) => p.folderKind).map((p) => `${p.dirs.join('/')}/`);
  for (const f of files) {
    if (said.has(f.rel)) continue;
    const twin = taken.get(f.dirs.join('/'));
    if (twin?.doc && f.doc && twin !== f && twin.doc.source === f.doc.source) {
      copies.push(f.rel);
      continue;
    }
    const hidden = f.base.startsWith('.') && homes.has(f.dirs.join('/'));
    const ownFolder = !f.folderKind && f.dirs.length > 0 && f.base.replace(/\.(?:md|markdown)$/i, '') === f.dirs.at(-1) && homes.has(f.dirs.slice(0, -1).join('/'));
    const readmeless =
      !f.folderKind &&
      f.dirs.length > 0 &&
      folderHomes.has(f.dirs.slice(0, -1).join('/')) &&
      !patternFolders.has(f.dirs.join('/')) &&
      (mdIn.get(f.dirs.join('/'))?.length ?? 0) === 1;
    if ((hidden || ownFolder || readmeless) && !isNonPatternName(f) && templateNameScore(f) < 3) {
      near.push({ folder: path.posix.dirname(f.rel), files: 1, example: f.rel, ...(readmeless ? { readmeless: true as const } : {}) });
      continue;
    }
    // (A document with the template's sections that no glob reaches, `legacy/non-admin/design.md` in
    // a folder of its own without a README, or named as its folder beside notes: said by name, however
    // few — a pattern left out without a word is the worst choice to hide.)
    // (Not a document of a pattern's own folder, `1209-metrics/migration.md` beside its README: that pattern's part.)
    const inPatternFolder = ownFolders.some((d) => `${f.dirs.join('/')}/`.startsWith(d));
    // (Nor the fixtures of a tool's tests, `arckit/testdata/…/arc-0043.md`: written to the template to test a checker.)
    if (!inPatternFolder && !isNonPatternName(f) && templateNameScore(f) < 3 && !TEST_FIXTURES.test(f.dirs.join('/')) && fitsTemplate(f)) fitting.push(f.rel);
    // (One document per folder, `doc/meta-decisions/*/index.md`: counted by the folder those folders are
    // in, as a layout of their own — two in each of four folders are eight files not taken there.)
    const folder = f.folderKind && f.dirs.length > 1 ? `${path.posix.dirname(path.posix.dirname(f.rel))}/*` : path.posix.dirname(f.rel);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f.rel]);
  }
  const groups = [...byFolder]
    .filter(([, rels]) => rels.length >= 5)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, 3);
  // (Those in a folder of five or more said as not taken are said with it; the others by name.)
  const grouped = new Set(groups.flatMap(([, rels]) => rels));
  const alone = fitting.filter((rel) => !grouped.has(rel));
  // (And the files beside them in their folders, written otherwise — `0025-1-collector.md` with its H2
  // title beside `0025-2-sidecar.md`: said with them, never left out without a word.)
  const homesOfAlone = new Set(alone.map((rel) => path.posix.dirname(rel)));
  const beside = files
    .filter(
      (f) =>
        !said.has(f.rel) &&
        !alone.includes(f.rel) &&
        !grouped.has(f.rel) &&
        homesOfAlone.has(f.dirs.join('/') || '.') &&
        !isNonPatternName(f) &&
        templateNameScore(f) < 3,
    )
    .map((f) => f.rel);
  return [
    ...(copies.length > 0 ? [{ folder: path.posix.dirname(copies[0]!), files: copies.length, example: copies[0]!, copies: true as const }] : []),
    ...(alone.length > 0
      ? [{ folder: path.posix.dirname(alone[0]!), files: alone.length, example: alone[0]!, fitting: alone, ...(beside.length > 0 ? { beside } : {}) }]
      : []),
    ...near.slice(0, 5),
    ...groups.map(([folder, rels]) => ({ folder, files: rels.length, example: rels[0]! })),
  ];
}

function layoutReason(result: Omit<AdoptResult, 'configText'>): string {
  // (What a file of the template's has: its sections, or, in a template of fields alone, those fields.)
  const its = result.templateFieldsOnly ? 'header fields' : 'sections';
  const narrowed = result.patternCount === result.shared.files ? '' : `, narrowed to the folders and files that are patterns`;
  const left = result.leftOut.length
    ? ` Left out: ${result.leftOut.map((f) => `${f.folder}/ (${plural(f.files, 'file')}, ${n(f.fitting)} with the template's ${its})`).join(', ')}; add a glob for any that holds patterns.`
    : '';
  const others = result.notTaken.length
    ? ` Not taken: ${result.notTaken
        .map((f) =>
          f.readmeless
            ? `${f.example} (a folder of the patterns' own without its README: add its path if it is one)`
            : f.copies
              ? `${plural(f.files, 'file')} with the text of the pattern beside it (${f.example}…: copies)`
              : f.fitting
                ? `${plural(f.files, 'file')} with the template's ${its} (${f.fitting.slice(0, 3).join(', ')}${f.fitting.length > 3 ? ', …' : ''})${f.beside ? ` and ${plural(f.beside.length, 'file')} written otherwise beside them (${f.beside.slice(0, 3).join(', ')}${f.beside.length > 3 ? ', …' : ''})` : ''}`
                : `${plural(f.files, 'file')} in ${f.folder === '.' ? 'this folder' : `${f.folder}/`} (${f.example}…)`,
        )
        .join(', ')}, not named by the globs; add a glob (and a template under \`overrides\`) for any that are patterns.`
    : '';
  const unread = (result.otherFormats ?? [])
    .map(
      (f) =>
        ` Not read: ${plural(f.files, `${f.format} file`)} (${f.ext}) here (${f.example}…): Patternbook reads Markdown only${f.notes ? `; the ${plural(f.notes, 'Markdown file')} in their folders are their notes, not patterns` : ''}.`,
    )
    .join('');
  return `The patterns: ${plural(result.patternCount, 'file')} of the ${plural(result.markdownCount, 'Markdown file')} here. ${n(result.shared.files)} of them share the layout \`${result.shared.layout}\`${narrowed}.${left}${others}${unread}`;
}

function exclusionReason(e: Exclusion): string {
  const some = e.files.slice(0, 3).join(', ') + (e.files.length > 3 ? `, … (${n(e.files.length)} files)` : '');
  switch (e.reason) {
    case 'name':
      return `a repository's own page, a generation source (\`.src.md\`) or a file a tool generated, not a pattern (${some})`;
    case 'template':
      return `named like a template (${some})`;
    case 'no-section':
      return `none of the template's sections (${some})`;
    case 'folder':
      return `a folder whose files mostly do not fit the template (${some})`;
    case 'fragment':
      return `a part other pages include (\`[!INCLUDE …]\`, \`--8<--\`, \`{% include %}\`), not a page of its own (${some})`;
    case 'duplicate':
      return e.twin ? `${e.twin.said} (${some})` : `named as a pattern taken already (a page's name must be its own) (${some})`;
    case 'translation':
      return `a translation of the pattern beside it in English (${some})`;
    case 'side':
      return `a document beside a pattern named for its folder: that pattern's part or translation (${some})`;
    case 'blank':
      return `empty files, pages still to write (${some})`;
    case 'listing':
      return `a site's page that lists its folder (\`has_children: true\`, or the \`parent:\` of other pages), with none of the template's sections (${some})`;
  }
}

function sectionLines(s: SectionChoice): string[] {
  const out = s.reasons.flatMap((r) => comment(`${r}.`, '  '));
  out.push(`  ${q(s.name)}:`);
  if (s.optional) out.push('    optional: true');
  if (s.recommended) out.push('    recommended: true');
  if (s.aliases) out.push(`    aliases: [${s.aliases.map(q).join(', ')}]`);
  return out;
}

function settingLines(setting: TitleSetting | SummarySetting): string[] {
  return Object.entries(setting).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? q(v) : String(v)}`);
}

/** A comment, wrapped at about 100 characters. */
function comment(text: string, indent = ''): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > 98 - indent.length) {
      out.push(`${indent}# ${line}`);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(`${indent}# ${line}`);
  return out;
}
