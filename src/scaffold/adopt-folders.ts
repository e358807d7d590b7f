import path from 'node:path';
import picomatch from 'picomatch';
import { chooseLayout, escapeName, fileGlob, groupBy, type LayoutChoice, type TemplateCandidate } from './adopt-layout.js';
import { fitOf, fits, isNonPatternName, linkedFile, nameTokens, NOT_THE_CATALOGS, slugOfFile, templateNameScore, type ScannedFile } from './adopt-scan.js';

/**
 * Collections that keep a template of their own: a site whose `patterns/`,
 * `principles/` and `standards/` each hold their documents and the template
 * they are written from (`standards/standard.template.md`), a repository
 * whose `decision-records/` and `proposals/` each have a `000-template.md`.
 * Each such folder's documents are judged by its own template (an
 * `overrides` entry of the configuration), not by the catalog's nor by
 * whichever sibling they happen to share the most sections with.
 */

/** A folder judged by a template of its own. */
export interface FolderTemplate {
  /** The folder, relative to the root (`/` separators). */
  folder: string;
  candidate: TemplateCandidate;
  /** The globs of its documents (the `files` of its `overrides` entry). */
  globs: string[];
  /** Its documents, and how many of them have the template's sections. */
  files: ScannedFile[];
  fitting: number;
  /** Whether its documents were outside the patterns the layout chose, and join them now. */
  joined: boolean;
  /** Kept apart from its documents, beside the catalog's template or elsewhere (a kind of document of its own: `siblingKinds`). */
  sibling?: true;
}

/** Documents that must have a folder's template's sections for it to be theirs (and most of them). */
const FOLDER_TEMPLATE_MIN = 2;

/**
 * How many of the documents (those parsed) have the sections of a template of their own, where two at
 * least and most of them do, and more closely than they have the catalog template's; else undefined.
 */
function followsOwn(documents: readonly ScannedFile[], own: TemplateCandidate, catalog: TemplateCandidate): number | undefined {
  const parsed = documents.filter((f) => f.doc !== undefined);
  let fitting = 0;
  let theirs = 0;
  let ours = 0;
  for (const f of parsed) {
    const fit = fitOf(own.schema, f.doc!);
    const other = fitOf(catalog.schema, f.doc!);
    if (fits(fit)) {
      fitting++;
      theirs += fit.f1;
    }
    if (fits(other)) ours += other.f1;
  }
  return fitting < FOLDER_TEMPLATE_MIN || fitting * 2 < parsed.length || theirs <= ours ? undefined : fitting;
}

/** The folder a document belongs to as one of a collection: its own folder's parent for `name/README.md`. */
function collectionOf(file: ScannedFile): string {
  return (file.folderKind ? file.dirs.slice(0, -1) : file.dirs).join('/');
}

/**
 * The folders, other than the catalog template's own, that hold a file named
 * like a template beside documents most of which have its sections — more of
 * them, or more closely, than they have the catalog template's. Their
 * documents join the patterns where the layout left them out (a collection
 * whose sections the catalog's template does not have), and `layout` is
 * changed so: its globs, patterns, exclusions and folders left out.
 */
export function folderTemplates(layout: LayoutChoice, candidates: readonly TemplateCandidate[], files: readonly ScannedFile[]): FolderTemplate[] {
  const chosen = layout.template;
  if (!chosen) return [];
  const home = chosen.file ? collectionOf(chosen.file) : undefined;
  const candidateFiles = new Set(candidates.map((c) => c.file).filter((f): f is ScannedFile => f !== undefined));
  const inLayout = new Set(layout.patterns);
  const out: FolderTemplate[] = [];
  // A folder is a collection with a template of its own where one file named like a template is
  // kept in it (several are templates for kinds of its documents: siblings), or where a template's
  // name names it (`MIP41c5-Subproposal-Template.md` beside `MIP41c5-Subproposals/`).
  const named = new Map<TemplateCandidate, string>();
  const inFolder = new Map<string, TemplateCandidate[]>();
  for (const candidate of candidates) {
    const file = candidate.file;
    if (!file || candidate === chosen || candidate.schema.file === chosen.schema.file || candidate.nameScore < 2) continue;
    // (Not the own page of a folder of templates, `artifact-templates/index.md`: an index of that folder,
    // named for it, and the other folders' index pages no documents of its. A kind's template kept as a
    // folder page, `0000-kep-template/README.md`, is one.)
    if (indexOfTemplates(file)) continue;
    const folder = namedFolder(file, files) ?? collectionOf(file);
    if (folder !== collectionOf(file)) named.set(candidate, folder);
    inFolder.set(folder, [...(inFolder.get(folder) ?? []), candidate]);
  }
  for (const [folder, list] of inFolder) {
    if (list.length !== 1 || folder === home || NOT_THE_CATALOGS.test(folder)) continue;
    const candidate = list[0]!;
    const file = candidate.file!;
    const byName = named.has(candidate);
    // Its documents: the files of the same kind in it (`name.md` beside `template.md`, `name/README.md`
    // beside `0000-template/README.md`, any Markdown file in the folder its name names), not the
    // folder's own index page nor another template.
    const members = files.filter(
      (f) =>
        f !== file &&
        !candidateFiles.has(f) &&
        templateNameScore(f) < 2 &&
        (byName ? f.dirs.join('/') === folder : f.folderKind === file.folderKind && (!f.folderKind || f.base === file.base) && collectionOf(f) === folder) &&
        !isNonPatternName(f) &&
        slugOfFile(f) !== undefined,
    );
    const fitting = followsOwn(members, candidate, chosen);
    if (fitting === undefined) continue;
    // (Not the catalog's own patterns under another name: a folder holding most of them is where its template should be.)
    if (members.filter((f) => inLayout.has(f)).length * 2 > layout.patterns.length) continue;
    const prefix = folder
      .split('/')
      .filter(Boolean)
      .map(escapeName)
      .map((s) => `${s}/`)
      .join('');
    const globs =
      file.folderKind && !byName ? [`${prefix}*/${escapeName(file.base)}`] : [...new Set(members.map((f) => `${prefix}*${/\.[^.]+$/.exec(f.base)?.[0] ?? '.md'}`))];
    const joined = members.some((f) => !inLayout.has(f));
    out.push({ folder, candidate, globs, files: members, fitting, joined });
    if (!joined) continue;
    // They join the patterns: their globs, and nothing that left them out.
    const mine = new Set(members.map((f) => f.rel));
    for (const g of globs) if (!layout.globs.includes(g)) layout.globs.push(g);
    for (const f of members) if (!inLayout.has(f)) layout.patterns.push(f);
    layout.leftOut = layout.leftOut.filter((l) => l.folder !== folder && !l.rels.every((r) => mine.has(r)));
    layout.exclude = layout.exclude.filter((e) => e.reason === 'name' || e.reason === 'template' || !e.files.every((r) => mine.has(r)));
  }
  layout.patterns.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  return out;
}

/**
 * The folder beside a template that its name names, if there is one: the name without the word
 * "template" and its separators, the folder's the same in the plural (`MIP41c5-Subproposal-Template.md`
 * and `MIP41c5-Subproposals/`, `rfc-template.md` and `rfcs/`).
 */
function namedFolder(file: ScannedFile, files: readonly ScannedFile[]): string | undefined {
  if (file.folderKind) return undefined;
  const key = (name: string) =>
    nameTokens(name.replace(/\.(?:md|markdown)$/i, ''))
      .filter((t) => !/^(?:template|templates|tmpl)$/.test(t))
      .join('')
      .replace(/s$/, '');
  const stem = key(file.base);
  if (stem.length < 3) return undefined;
  const here = file.dirs.join('/');
  for (const f of files) {
    if (f.dirs.length !== file.dirs.length + 1 || f.dirs.slice(0, -1).join('/') !== here) continue;
    if (key(f.dirs.at(-1)!) === stem) return f.dirs.join('/');
  }
  // (Or the folder beside it whose own README links it as the template to use — `ecosystem/README.md`:
  // "Draft a proposal using the [SEP Template](../sep-template.md)" —, or whose documents are named for
  // it, three at least and most of the folder's: `ecosystem/sep-0001.md`… for `sep-template.md`.)
  const below = groupBy(
    files.filter((f) => f.dirs.length === file.dirs.length + 1 && f.dirs.slice(0, -1).join('/') === here && !f.folderKind),
    (f) => f.dirs.join('/'),
  );
  const linking = [...below].filter(([folder, group]) =>
    group.some((f) => /^readme\.(?:md|markdown)$/i.test(f.base) && f.doc?.links.some((l) => linkedFile(folder, l.url) === file.rel)),
  );
  if (linking.length === 1) return linking[0]![0];
  const namedFor = new RegExp(`^${stem.replace(/[^a-z0-9]/g, '')}[-_ ]?\\d`, 'i');
  const named = [...below].filter(([, group]) => {
    const documents = group.filter((f) => !isNonPatternName(f));
    const forIt = documents.filter((f) => namedFor.test(f.base)).length;
    return forIt >= 3 && forIt * 2 > documents.length;
  });
  return named.length === 1 ? named[0]![0] : undefined;
}

/**
 * Kinds of documents written from a sibling of the catalog's template, kept in folders of their own
 * that the layout did not take: `templates/pattern.md` beside `templates/implementation.md`, the
 * patterns in `patterns/*\/` and the implementations two folders deeper elsewhere;
 * `template_antipattern.md` beside `template_design.md`, the anti-patterns one folder below the
 * designs; `governance/SIG-charter-template.md` away from `rfcs/yyyymmdd-rfc-template.md`, the
 * charters in `sigs/*\/CHARTER.md`. Each kind joins the patterns judged by its own template (an
 * `overrides` entry), its layout chosen as the catalog's is — the folders most of whose files follow
 * it, its translations left out — where two of its documents at least, and most of them, follow it
 * better than the catalog's template, and none of the catalog's patterns is among them.
 */
export function siblingKinds(
  layout: LayoutChoice,
  candidates: readonly TemplateCandidate[],
  files: readonly ScannedFile[],
  taken: readonly FolderTemplate[],
): FolderTemplate[] {
  const chosen = layout.template;
  if (!chosen?.file) return [];
  const used = new Set(taken.map((f) => f.candidate));
  const kinds = candidates.filter(
    (c) =>
      c !== chosen &&
      c.file !== undefined &&
      c.schema.file !== chosen.schema.file &&
      c.nameScore >= 2 &&
      // (Not the own page of a folder of templates, `artifact-templates/index.md`.)
      !indexOfTemplates(c.file) &&
      c.schema.sections.length > 0 &&
      !used.has(c) &&
      !layout.patterns.includes(c.file),
  );
  if (kinds.length === 0) return [];
  const candidateFiles = new Set(candidates.map((c) => c.file).filter((f): f is ScannedFile => f !== undefined));
  const out: FolderTemplate[] = [];
  for (const kind of kinds) {
    // (Files left out only as not the catalog template's — excluded for none of its sections, or with
    // a folder most of whose files do not fit it — or never reached; not the repository's own pages,
    // translations, copies nor the patterns of a folder template taken already.)
    const inLayout = new Set(layout.patterns);
    const keptOut = new Set(layout.exclude.filter((e) => e.reason !== 'no-section' && e.reason !== 'folder').flatMap((e) => e.files));
    const otherFolders = new Set(out.concat(taken).flatMap((f) => f.files));
    const rest = files.filter((f) => !inLayout.has(f) && !candidateFiles.has(f) && !keptOut.has(f.rel) && !otherFolders.has(f));
    if (rest.length < FOLDER_TEMPLATE_MIN) continue;
    const choice = chooseLayout(rest, [{ ...kind, nameScore: Infinity }], () => undefined);
    const fitting = followsOwn(choice.patterns, kind, chosen);
    if (fitting === undefined) continue;
    // (Never a glob that takes one of the catalog's patterns too: they are judged by its template.)
    const selects = picomatch(choice.globs, { dot: false });
    if (layout.patterns.some((f) => selects(f.rel))) continue;
    const patternsOf = layout.patterns.map((f) => f.rel);
    const ownRels = new Set(choice.patterns.map((f) => f.rel));
    // Its exclusions leave out none of the catalog's patterns (`**/README.md` where they are READMEs:
    // one by one instead); the catalog's exclusions leave out none of its documents (`*/Anti-patterns/**`,
    // which held them as files that do not fit the catalog's template: what else it left out, by folder).
    const narrowed = (e: (typeof layout.exclude)[number], keep: (rel: string) => boolean) => {
      const byFolder = groupBy(e.files.filter(keep), (rel) => path.posix.dirname(rel));
      return [...byFolder].flatMap(([folder, rels]) => {
        return noPatternIn(folder, patternsOf, ownRels)
          ? [{ ...e, glob: `${folder === '.' ? '' : `${folder.split('/').map(escapeName).join('/')}/`}*.md`, files: rels }]
          : rels.map((rel) => ({ ...e, glob: fileGlob(rel), files: [rel] }));
      });
    };
    const theirExclusions = choice.exclude.flatMap((e) => {
      const match = picomatch(e.glob, { dot: true });
      return patternsOf.some((rel) => match(rel)) ? e.files.map((rel) => ({ ...e, glob: fileGlob(rel), files: [rel] })) : [e];
    });
    layout.exclude = layout.exclude.flatMap((e) => {
      const match = picomatch(e.glob, { dot: true });
      return [...ownRels].some((rel) => match(rel)) ? narrowed(e, (rel) => !ownRels.has(rel)) : [e];
    });
    for (const e of theirExclusions) {
      const same = layout.exclude.find((x) => x.glob === e.glob);
      if (same) same.files = [...new Set([...same.files, ...e.files])];
      else layout.exclude.push(e);
    }
    for (const g of choice.globs) if (!layout.globs.includes(g)) layout.globs.push(g);
    layout.patterns.push(...choice.patterns);
    layout.leftOut = layout.leftOut.filter((l) => !l.rels.every((r) => ownRels.has(r)));
    const dirs = choice.patterns.map((f) => f.dirs);
    const common: string[] = [];
    for (let i = 0; dirs.every((d) => d[i] !== undefined && d[i] === dirs[0]![i]); i++) common.push(dirs[0]![i]!);
    out.push({ folder: common.join('/') || '.', candidate: kind, globs: choice.globs, files: choice.patterns, fitting, joined: true, sibling: true });
  }
  layout.patterns.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  return out;
}

/** Whether no pattern, of the catalog's or of the kind joining, is right in `folder`: its `*.md` may be left out whole. */
function noPatternIn(folder: string, patterns: readonly string[], own: ReadonlySet<string>): boolean {
  return ![...patterns, ...own].some((rel) => path.posix.dirname(rel) === folder);
}

/** The index page of a folder of templates, `artifact-templates/index.md`: a listing named for its folder, no template. */
function indexOfTemplates(file: ScannedFile): boolean {
  return isNonPatternName(file, false) && /templates$/i.test(file.dirs.at(-1) ?? '');
}
