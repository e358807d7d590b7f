import { escapeName, type LayoutChoice, type TemplateCandidate } from './adopt-layout.js';
import { fitOf, fits, isNonPatternName, nameTokens, NOT_THE_CATALOGS, slugOfFile, templateNameScore, type ScannedFile } from './adopt-scan.js';

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
}

/** Documents that must have a folder's template's sections for it to be theirs (and most of them). */
const FOLDER_TEMPLATE_MIN = 2;

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
    const parsed = members.filter((f) => f.doc);
    let fitting = 0;
    let own = 0;
    let catalogs = 0;
    for (const f of parsed) {
      const fit = fitOf(candidate.schema, f.doc!);
      const theirs = fitOf(chosen.schema, f.doc!);
      if (fits(fit)) {
        fitting++;
        own += fit.f1;
      }
      if (fits(theirs)) catalogs += theirs.f1;
    }
    if (fitting < FOLDER_TEMPLATE_MIN || fitting * 2 < parsed.length || own <= catalogs) continue;
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
  return undefined;
}
