import { setAsideFolder } from '../catalog/status.js';
import { movedTarget } from '../catalog/moved.js';
import path from 'node:path';
import picomatch from 'picomatch';
import type { TemplateSchema } from '../template/types.js';
import { flattenSections, requiredOf } from '../template/walk.js';
import { variantKey } from '../template/heading-variants.js';
import {
  fitOf,
  fits,
  fitsNothing,
  GENERATED_SOURCE,
  globsOf,
  sharedSections,
  inLayout,
  frontMatterBlanks,
  isNonPatternName,
  isTemplateFolder,
  layoutKey,
  layoutOf,
  linkedFile,
  slugOfFile,
  templateNameScore,
  templateWordInTopic,
  TEST_FIXTURES,
  type Fit,
  type Layout,
  type ScannedFile,
  type Segment,
} from './adopt-scan.js';

/** A template `init --adopt` considers: a file named like one, or the one given with `--template`. */
export interface TemplateCandidate {
  /** Relative to the root (`/` separators), or absolute when outside it. */
  rel: string;
  schema: TemplateSchema;
  /** See `templateNameScore`; `Infinity` for `--template`. */
  nameScore: number;
  /** The scanned file, when it is in the folder. */
  file?: ScannedFile;
  /** The catalog's page that calls it the template by a link (`[EEP 33][] is a template.`), relative to the root. */
  calledBy?: string;
}

/** Files left out of `patterns`, one glob each, with the reason said in the configuration. */
export interface Exclusion {
  glob: string;
  reason: 'name' | 'template' | 'no-section' | 'folder' | 'fragment' | 'duplicate' | 'listing' | 'blank' | 'side' | 'translation';
  /** The files it leaves out (relative). */
  files: string[];
  /** For a duplicate: the pattern taken already of its name, and why this one is left out, said. */
  twin?: { rel: string; said: string };
}

export interface LayoutChoice {
  layout: Layout;
  globs: string[];
  /** The found template (absent: none fits, one is derived). */
  template?: TemplateCandidate;
  /** The best template file found that too few files fit, when one was rejected. */
  rejected?: { candidate: TemplateCandidate; fitting: number; of: number };
  /** The best file found that is a written document, not a template (see `credible`): said, not taken. */
  written?: TemplateCandidate;
  /** The pattern files, as the globs and exclusions select them. */
  patterns: ScannedFile[];
  exclude: Exclusion[];
  /** The layout the chosen files share before it was narrowed, and how many files share it (for the summary). */
  shared: { layout: string; files: number };
  /** Folders the globs leave out by naming the others (`governance/`: its files mostly do not fit the template), with their files. */
  leftOut: { folder: string; files: number; fitting: number; rels: string[] }[];
}

/** A file that fits nothing (no template section present). */
const NO_FIT: Fit = { matched: 0, of: 1, f1: 0 };
/** Files that fit the template (at least half of a group's parsed files) make the template the catalog's. */
const TEMPLATE_ACCEPT_SHARE = 0.5;
/** A template whose fitting files are in folders that mostly fit it is the catalog's with this share of them there, and this many at least. */
const FOLDER_FIT_SHARE = 0.8;
const FOLDER_FIT_MIN = 3;
/** A sub-folder whose files fit this share or more stays in the layout. */
const FOLDER_KEEP_SHARE = 0.5;
/** A file that fits this closely (see `Fit.f1`) is a pattern in a folder left out too: it is named on its own. */
const CLOSE_FIT = 0.8;
/** A document named with a leading dot (`.x.md`) among the patterns is one of them with this share of the template's sections. */
const HIDDEN_FIT = 0.5;
/** A folder named for English (`en`, `en-us`, `english`). */
const ENGLISH = /^(?:en(?:[-_][a-z]{2})?|english)$/i;
/** A folder level of at most this many names lists them (one glob each). */
const MAX_NAMED = 4;
/** Candidates within this share of the best score are told apart by their names. */
const NEAR_TIE = 0.9;
/** A template whose name the other candidates' names extend is taken first within this share of the best score. */
const GENERAL_TIE = 0.75;

/** A template file's name without its folder, extension, numbers and the word "template": `0000-swift-template.md` → `swift`. */
function templateStem(rel: string): string {
  return (rel.split('/').at(-1) ?? '')
    .toLowerCase()
    .replace(/\.(?:md|markdown)$/, '')
    .replace(/template/g, '')
    .replace(/[^a-z]+/g, '');
}

/**
 * Whether a template asks for every section of another and more (`templates/HFProject.md` has all of
 * `templates/RFC.md`'s, and a Timeline and a Budget): a kind of the other, which is the general one.
 */
function extendsSections(kind: TemplateSchema, general: TemplateSchema): boolean {
  const names = (t: TemplateSchema) => new Set(flattenSections(t.sections).map((s) => variantKey(s.name)));
  const own = names(kind);
  const base = names(general);
  if (base.size < 2 || own.size <= base.size || ![...base].every((n) => own.has(n))) return false;
  // (Its own sections asked of every pattern of that kind: one whose extra sections are all optional —
  // MADR's full template beside its minimal one — is the general one itself, allowing their absence.)
  return flattenSections(kind.sections).some((s) => !base.has(variantKey(s.name)) && !s.optional && !s.recommended);
}

/** `swifttesting` and `swiftpm` extend `swift`. */
function extendsStem(stem: string, base: string): boolean {
  return base.length >= 2 && stem.length > base.length && stem.startsWith(base);
}

/**
 * Works out where a catalog's patterns are: the layout most of its Markdown
 * files share (by depth and by file name: `*\/README.md`, `docs/**\/*.md`,
 * `keps/*\/*\/README.md`), and the template they are written from when one
 * fits. With templates to choose from, the layout and the template are chosen
 * together: the pair where the most files fit best. Then the layout is
 * narrowed: a folder level whose names would give two patterns the same slug
 * (translations) is fixed to its largest name; folders whose files fit the
 * template less than half are left out; a layout of one file per pattern
 * reaches deeper folders of the same first folder when their files fit too.
 * Files named like a repository's own pages, files named like templates and
 * files with none of the template's sections are excluded.
 *
 * `derive` builds a template from files when no candidate fits (its fit is
 * then measured against that template).
 */
export function chooseLayout(
  files: readonly ScannedFile[],
  candidates: readonly TemplateCandidate[],
  derive: (files: ScannedFile[]) => TemplateSchema | undefined,
): LayoutChoice {
  const fitCache = new Map<TemplateSchema, Map<ScannedFile, Fit | undefined>>();
  const fitWith = (schema: TemplateSchema, file: ScannedFile): Fit | undefined => {
    let cache = fitCache.get(schema);
    if (!cache) fitCache.set(schema, (cache = new Map()));
    if (!cache.has(file)) cache.set(file, file.doc ? fitOf(schema, file.doc) : undefined);
    return cache.get(file);
  };
  const candidateFiles = new Set(candidates.map((c) => c.file).filter((f): f is ScannedFile => f !== undefined));
  // (A blank file, a placeholder for a page still to write, is no pattern and shapes no layout.)
  // (Nor does a translation beside the document it translates, `logging.french.md` beside `logging.md`:
  // its headings are the template's in another language. Left out at the end, said.)
  const copies = translatedCopies(files);
  const eligible = files.filter((f) => !isNonPatternName(f) && templateNameScore(f) < 3 && !candidateFiles.has(f) && !isBlank(f) && !copies.has(f));

  const groups = new Map<string, { layout: Layout; files: ScannedFile[] }>();
  for (const file of eligible) {
    const layout = layoutOf(file);
    const key = layoutKey(layout);
    const group = groups.get(key) ?? groups.set(key, { layout, files: [] }).get(key)!;
    group.files.push(file);
    // (`Readme.md` beside `README.md`: one layout, each spelling its glob.)
    if (file.folderKind && !group.layout.spellings!.includes(file.base)) group.layout.spellings!.push(file.base);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.files.length - a.files.length || a.layout.segments.length - b.layout.segments.length || (layoutKey(a.layout) < layoutKey(b.layout) ? -1 : 1),
  );
  if (ordered.length === 0) return { layout: layoutOf(files[0]!), globs: [], patterns: [], exclude: [], shared: { layout: '', files: 0 }, leftOut: [] };

  // The template and the layout, chosen together.
  type Scored = { group: (typeof ordered)[number]; candidate: TemplateCandidate; score: number; fitting: number; parsed: number };
  const explicit = candidates.find((c) => c.nameScore === Infinity);
  // (Or, with the other files named like templates beside it, one per kind of document — a
  // `Kit-ThingTemplate.md`, `Kit-ActTemplate.md`, `Kit-RoleTemplate.md` — most files fit one of
  // them: it is the catalog's, they its siblings.)
  const withSiblings = (s: Scored): number => {
    const beside = candidates.filter((c) => c.nameScore >= 2 && path.posix.dirname(c.rel) === path.posix.dirname(s.candidate.rel));
    return s.group.files.filter((f) => f !== s.candidate.file && beside.some((c) => c.file !== f && fits(fitWith(c.schema, f) ?? NO_FIT))).length;
  };
  const acceptable = (s: Scored) =>
    s.candidate === explicit ||
    (credible(s) &&
      ((s.parsed > 0 && s.fitting >= s.parsed * TEMPLATE_ACCEPT_SHARE) ||
        // (A template named so that says its outline is only a guide — "or write your own proposal", every
        // section recommended — is the catalog's with fewer patterns in its shape: a third of them.)
        (s.candidate.nameScore >= 3 &&
          s.fitting >= 2 &&
          s.fitting * 3 >= s.parsed &&
          s.candidate.schema.sections.length > 0 &&
          requiredOf(s.candidate.schema.sections).length === 0) ||
        (s.parsed > 0 && s.fitting >= 2 && s.candidate.nameScore >= 3 && withSiblings(s) >= s.parsed * TEMPLATE_ACCEPT_SHARE) ||
        // (Or a page of the catalog calls it the template, by a link — `We recommend the [template](TEMPLATE.md)`
        // — and a third of the patterns follow it: the catalog's standard, which the others do not keep.)
        (s.candidate.calledBy !== undefined && s.fitting >= 2 && s.fitting * 3 >= s.parsed) ||
        inFolders(s)));
  // (A file only likely a template — `design-template-engine.md`, a document about a feature called
  // so, a file in `templates/` — with nothing in it to fill in, no placeholder or instruction, is a
  // written document. It is the catalog's template only where the patterns share its sections:
  // half of them at least, each in half of the patterns. Otherwise a document's own sections would
  // be asked of every pattern; one derived from the patterns is better.)
  const credible = (s: Scored): boolean => {
    const c = s.candidate;
    if (c.nameScore >= 3 || c.schema.placeholders.length > 0 || frontMatterBlanks(c.schema)) return true;
    const docs = s.group.files.filter((f) => f !== c.file && f.doc !== undefined).map((f) => f.doc!);
    const { shared, of } = sharedSections(c.schema, docs);
    return shared * 2 >= of;
  };
  // (Or its fitting files are together in folders most of whose files fit it — `patterns/*.md` beside
  // as many research notes in `research/*.md`, the RFCs in `Archive/*/` beside the meeting notes in
  // `CommunityCall/notes/` — nearly all of them, three at least: those folders are the catalog's,
  // the others something else, which the layout leaves out.)
  const inFolders = (s: Scored): boolean => {
    if (s.fitting < FOLDER_FIT_MIN || s.candidate.nameScore < 2) return false;
    const level = freeLevels(s.group.layout).find((l) => 'any' in s.group.layout.segments[l]! && new Set(s.group.files.map((f) => f.dirs[l])).size > 1);
    if (level === undefined) return false;
    const byValue = groupBy(
      s.group.files.filter((f) => f !== s.candidate.file),
      (f) => f.dirs[level]!,
    );
    let kept = 0;
    for (const files of byValue.values()) {
      const parsed = files.map((f) => fitWith(s.candidate.schema, f)).filter((x): x is Fit => x !== undefined);
      const fitting = parsed.filter(fits).length;
      if (fitting > 0 && fitting >= parsed.length * FOLDER_KEEP_SHARE) kept += fitting;
    }
    return kept >= FOLDER_FIT_MIN && kept >= s.fitting * FOLDER_FIT_SHARE;
  };
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    // Each candidate's best layout: the one where its fitting files score most, among the layouts
    // most of whose files fit it. (RFCs at two depths, `Final/*.md` and `Archive/*/*.md`, beside a
    // larger layout of meeting notes at the second depth: the template is the RFCs', not rejected
    // because the notes outnumber them there. The RFCs at the other depth join below.)
    let top: Scored | undefined;
    let topAccepted: Scored | undefined;
    for (const group of ordered) {
      let score = 0;
      let fitting = 0;
      let parsed = 0;
      for (const file of group.files) {
        // A pattern is not its own template: a file in the group stands for the catalog's template only when its name says so.
        if (file === candidate.file) continue;
        // (Nor does a redirect stub, which only says the pattern moved, count for or against it.)
        if (file.doc && movedTarget(file.doc, file.doc.frontMatter?.data ?? {}) !== undefined) continue;
        const fit = fitWith(candidate.schema, file);
        if (!fit) continue;
        parsed++;
        if (fits(fit)) {
          fitting++;
          score += fit.f1;
        }
      }
      const here: Scored = { group, candidate, score, fitting, parsed };
      if (!top || score > top.score) top = here;
      // (Two fitting files at least: one file that fits is no catalog.)
      if (fitting >= 2 && (!topAccepted || score > topAccepted.score) && acceptable(here)) topAccepted = here;
    }
    const chosen = topAccepted ?? top;
    if (chosen) scored.push(chosen);
  }
  scored.sort((a, b) => b.score - a.score);
  // Of the templates most files fit, the one best named so (`adr-template.md` before an example
  // kept in `template/`), then the best fit; near ties go to the shallower, shorter path.
  const pool = scored.filter(acceptable);
  const bestName = Math.max(...pool.map((s) => s.candidate.nameScore));
  const named = pool.filter((s) => s.candidate.nameScore === bestName);
  const max = named[0]?.score ?? 0;
  const near = named.filter((s) => s.score >= max * NEAR_TIE);
  // Templates for kinds of one thing (`0000-swift-template.md`, `0000-swift-testing-template.md`,
  // `0000-swiftpm-template.md`): the one whose name the others extend is the catalog's own, the
  // others its siblings, even where older patterns happen to fit a special one a little better.
  const general = named.find(
    (g) =>
      g.score >= max * GENERAL_TIE &&
      near.some((o) => o !== g) &&
      near.every((o) => o === g || extendsStem(templateStem(o.candidate.rel), templateStem(g.candidate.rel)) || extendsSections(o.candidate.schema, g.candidate.schema)),
  );
  if (general && !near.includes(general)) near.push(general);
  // (A file named for a topic with the word in it, `multi-pod-template-support.md`, is a template only by
  // its blanks: one named as a template, `proposal-template.md`, comes first.)
  const topical = (s: Scored) => Number(s.candidate.file !== undefined && templateWordInTopic(s.candidate.file));
  near.sort(
    (a, b) =>
      Number(b === general) - Number(a === general) ||
      topical(a) - topical(b) ||
      a.candidate.rel.split('/').length - b.candidate.rel.split('/').length ||
      a.candidate.rel.length - b.candidate.rel.length ||
      (a.candidate.rel < b.candidate.rel ? -1 : 1),
  );
  const accepted = near[0];
  const best = accepted ?? scored[0];
  const schemaGiven = accepted?.candidate.schema ?? explicit?.schema;
  let group = accepted?.group ?? ordered[0]!;
  let layout = group.layout;
  // (The retired documents' layout beside the current ones', and the key of the layout they were found in.)
  let retired: { layout: Layout; key: string } | undefined;
  if (!schemaGiven) {
    // Without a template file, a layout that holds the catalog several times (translations,
    // `localization/<language>/*/README.md`) is first narrowed to one copy: the largest layout
    // after that is the catalog's (one copy of 101 files is not the 186 patterns at the top).
    let most = -1;
    for (const candidate of ordered) {
      if (candidate.files.length <= most) break; // ordered by size: no later group can hold more
      const narrowed = resolveSlugClashes(candidate.layout, eligible);
      const count = eligible.filter((f) => inLayout(narrowed, f)).length;
      if (count > most) [most, group, layout] = [count, candidate, narrowed];
    }
    // (The largest layout mostly under a folder of retired documents — `deprecated/*/*.md`, beside the
    // current ones at `*/*.md` in the same shape —: the catalog is the current documents, the retired
    // ones with them; the template is derived from both, and the retired layout joins below.)
    const inRetired = group.files.filter((f) => f.dirs[0] !== undefined && setAsideFolder(f.dirs[0])).length;
    if (layout.segments.length > 1 && inRetired * 4 >= group.files.length * 3) {
      const current = layoutKey({ ...layout, segments: layout.segments.slice(1) });
      const twin = ordered.find((g) => g !== group && layoutKey(g.layout) === current && g.files.length >= 2);
      if (twin) {
        const [name] = [...countBy(group.files.map((f) => f.dirs[0]!))].sort((a, b) => b[1] - a[1])[0]!;
        retired = { layout: withSegment(layout, 0, { literal: name }), key: layoutKey(layout) };
        [group, layout] = [twin, twin.layout];
      }
    }
  }
  // A file per folder (`*/README.md`) beside more pages in those same folders (`*/*.md`: FAQs, worked
  // examples): the folders are the patterns, each page beside its README that pattern's own, when
  // the READMEs share sections (a template can be made from them).
  let derived: TemplateSchema | undefined;
  if (!schemaGiven && !layout.folderKind) {
    const mainFiles = eligible.filter((f) => inLayout(layout, f));
    for (const other of ordered) {
      if (!other.layout.folderKind || other.files.length < 3) continue;
      const folders = new Set(other.files.map((f) => f.dirs.join('/')));
      if (mainFiles.filter((f) => folders.has(f.dirs.join('/'))).length * 2 < mainFiles.length) continue;
      derived = derive(other.files);
      if (!derived) continue;
      // (Not where the pages beside them share more sections than they do: `chapters/*/index.md`, a list
      // of links each, beside the patterns in `patterns/*/*.md` — those folders' index pages, not patterns.)
      const beside = derive(mainFiles);
      if (beside && flattenSections(beside.sections).length > flattenSections(derived.sections).length) {
        derived = undefined;
        continue;
      }
      [group, layout] = [other, other.layout];
      break;
    }
  }
  const schema = schemaGiven ?? derived ?? derive(eligible.filter((f) => inLayout(layout, f) || (retired !== undefined && inLayout(retired.layout, f))));
  // (Beside a template in a folder of templates, the kinds of it that ask for all its sections and more —
  // `templates/HFProject.md` beside `templates/RFC.md` —: a file written from one of them is written
  // from the catalog's templates too, and fits as well as it fits the closest.)
  const chosenOne = accepted?.candidate;
  const kinds = chosenOne
    ? candidates.filter(
        (c) =>
          c !== chosenOne &&
          c.nameScore >= 3 &&
          chosenOne.nameScore >= 3 &&
          path.posix.dirname(c.rel) === path.posix.dirname(chosenOne.rel) &&
          isTemplateFolder(path.posix.basename(path.posix.dirname(c.rel))) &&
          extendsSections(c.schema, chosenOne.schema),
      )
    : [];
  const fit = (f: ScannedFile): Fit | undefined => {
    if (!schema) return undefined;
    let best = fitWith(schema, f);
    for (const k of kinds) {
      const other = fitWith(k.schema, f);
      if (other && (!best || other.f1 > best.f1)) best = other;
    }
    return best;
  };

  const exclusions: Exclusion[] = [];
  // The first folder level first: a layout under one named folder may then reach all its depths.
  const leftOut: LayoutChoice['leftOut'] = [];
  const rescued: ScannedFile[] = [];
  // (A file the catalog's own index lists among its patterns — the root README's or SUMMARY's links —
  // is one of them however it is written: `messaging/fan_in.md` listed beside `creational/builder.md`.
  // Its folder is no folder of other documents.)
  // (Not one of none of the template's sections in a folder where nothing else fits it either —
  // `background-information/literature.md`, listed beside the patterns: a page of the repository.)
  const listedByIt = listedByIndex(files, eligible);
  const byRel = listedByIt.size > 0 ? new Map(eligible.map((e) => [e.rel, e])) : undefined;
  // (Folders with a file that fits the template, read once where a listed file has none of its sections.)
  let fittingFolders: Map<string, number> | undefined;
  const fitsIn = (folder: string) => {
    fittingFolders ??= countBy(eligible.filter((g) => fitsTemplate(fit(g))).map((g) => g.dirs.join('/')));
    return fittingFolders.get(folder) ?? 0;
  };
  const listed = new Set(
    [...listedByIt].filter((rel) => {
      const f = byRel?.get(rel);
      if (!f || !schema || (fit(f)?.matched ?? 0) > 0) return true;
      return fitsIn(f.dirs.join('/')) - (fitsTemplate(fit(f)) ? 1 : 0) > 0;
    }),
  );
  const narrowFit = (f: ScannedFile): Fit | undefined => (listed.has(f.rel) ? LISTED : fit(f));
  // (The patterns' own layout only: a deeper level that parts its files cleanly goes first.)
  layout = narrowFolders(layout, eligible, narrowFit, exclusions, [0], leftOut, rescued, true);
  layout = reachDeeper(layout, eligible, fit);
  if (!layout.recursive) layout = narrowFolders(layout, eligible, narrowFit, exclusions, freeLevels(layout).slice(1), leftOut, rescued, true);
  // (Names shared by files that are patterns, by their sections: `Anti-patterns/README_ja.md` in every
  // category folder clashes, but is no pattern, and leaves no category out.)
  if (schemaGiven)
    layout = resolveSlugClashes(
      layout,
      eligible.filter((f) => fitsTemplate(fit(f))),
    );

  const template = accepted?.candidate ?? explicit;
  // A README or index at the root is the catalog's own page, never read as a pattern: nothing to exclude.
  const inSet = files.filter((f) => inLayout(layout, f) && f !== template?.file && slugOfFile(f) !== undefined);
  const patterns = sideDocuments(layout, excludeNonPatterns(layout, inSet, fit, exclusions), exclusions);
  // Files of another layout that follow the template too (the current records beside the template,
  // the older ones in `old/`) are patterns as well: their layout joins the first, where their
  // names clash with none of its patterns'. (Two of them at least, and most of that layout's.)
  const globs = globsOf(layout);
  for (const f of rescued)
    if (!inLayout(layout, f) && !patterns.includes(f)) {
      globs.push(fileGlob(f.rel));
      patterns.push(f);
    }
  if (schema) {
    // (A name the patterns share among themselves, `explainer.md` in each explainer's folder, is no
    // clash: each is told by its folder, and so is one of another layout.)
    const named = countBy(patterns.map((f) => slugOfFile(f) ?? ''));
    const slugs = new Set(patterns.map(slugOfFile).filter((s) => (named.get(s ?? '') ?? 0) < 2));
    // (A file inside a pattern's own folder, `keps/sig-x/1209-metrics/migration.md`, is that pattern's document.)
    const folders = new Set<string>();
    const addFolders = (kind: Layout, list: readonly ScannedFile[]) => {
      if (kind.folderKind) for (const f of list) folders.add(`${f.dirs.join('/')}/`);
    };
    const inPatternFolder = (f: ScannedFile) => [...folders].some((d) => f.rel.startsWith(d));
    // (Of a layout of folders joining, a README beside other documents in its folder, `Final/Readme.md` among
    // the RFCs of `Final/`, is that folder's page: the patterns are folders of one document each.)
    const withDocuments = new Set(files.filter((o) => !o.folderKind).map((o) => o.dirs.join('/')));
    const folderPageOf = (kind: Layout, f: ScannedFile) => kind.folderKind === true && withDocuments.has(f.dirs.join('/'));
    addFolders(layout, patterns);
    for (const other of ordered) {
      const outsideOf = (kind: Layout) =>
        other.files.filter((f) => inLayout(kind, f) && !inLayout(layout, f) && !patterns.includes(f) && f !== template?.file && !folderPageOf(kind, f));
      const joins = (kind: Layout) => {
        const outside = outsideOf(kind);
        if (outside.some(inPatternFolder)) return false;
        const parsed = outside.filter((f) => fit(f) !== undefined);
        const fitting = parsed.filter((f) => fitsTemplate(fit(f)));
        // (Some sharing a name with a pattern taken already — `alpha/deprecated/alpha.md` beside
        // `alpha/alpha.md`, an older copy — are left out by path below; the others join.)
        const clashing = fitting.filter((f) => slugs.has(slugOfFile(f))).length;
        // (Two thirds of them sharing names is a copy of the catalog, a translation; half of them, `draft/` beside
        // `stable/` where two specs are in both, is another folder of patterns with those two in it twice.)
        return fitting.length - clashing >= 2 && fitting.length * 2 >= parsed.length && clashing * 3 <= fitting.length * 2;
      };
      // (Never the fixtures of a tool's tests, `arckit/testdata/repos/*/ARCs/*.md`, written to the
      // template to test a checker: no documents of the catalog's, where its patterns are elsewhere.)
      const fixtureDirs = (f: ScannedFile) => TEST_FIXTURES.test(f.dirs.join('/'));
      const found0 = outsideOf(other.layout);
      if (found0.length > 0 && found0.every(fixtureDirs) && !patterns.some(fixtureDirs)) continue;
      let kind = other.layout;
      // (The retired documents of the current ones' shape, `deprecated/*/*.md` beside `*/*.md`, join as
      // they are: documents of the catalog's, whatever share of them the template derived fits.)
      if (retired && layoutKey(kind) === retired.key) kind = retired.layout;
      else if (!joins(kind)) {
        // (Most of that layout's files are something else — meeting notes in `CommunityCall/notes/`
        // beside the older RFCs in `Archive/*/` — but a folder of it follows the template: that
        // folder joins, the rest stays out, as the first layout's folders are narrowed.)
        // (Only by a template file of the catalog's: one derived from a few shared sections, `##
        // Resources`, finds a folder of unrelated how-to pages that fits it.)
        if (!schemaGiven) continue;
        kind = narrowFolders(kind, outsideOf(kind), fit, [], freeLevels(kind), [], []);
        if (kind === other.layout || !joins(kind)) continue;
      }
      // (Of a layout of named files, `*/*.md`, the READMEs it also selects are the folder layout's, `*/README.md`,
      // joined on their own: not left out with `**/README.md`, which would leave out patterns of the first.)
      const own = files.filter(
        (f) =>
          inLayout(kind, f) &&
          !inLayout(layout, f) &&
          f !== template?.file &&
          slugOfFile(f) !== undefined &&
          (kind.folderKind || !f.folderKind || patterns.includes(f)) &&
          !folderPageOf(kind, f),
      );
      let left: Exclusion[] = [];
      const found = excludeNonPatterns(kind, own, fit, left);
      // (What it leaves out must leave out none of the first layout's patterns: `**/README.md`. A folder it
      // leaves out that holds some, `Deployment/**` for the old copies in `Deployment/deprecated/`, is
      // left out by the folders its files are in.)
      const folderOf = (rel: string) => rel.split('/').slice(0, -1).map(escapeName).join('/');
      left = left.flatMap((e) =>
        e.reason === 'name' || !e.glob.endsWith('/**') || !patterns.some((f) => picomatch(e.glob)(f.rel))
          ? [e]
          : [...groupBy(e.files, folderOf)].map(([folder, files]) => ({ ...e, glob: `${folder}/**`, files })),
      );
      const leavesOut = picomatch(left.map((e) => e.glob));
      const clash = found.filter((f) => slugs.has(slugOfFile(f)));
      if (clash.length * 3 > found.length * 2 || found.length - clash.length < 2 || patterns.some((f) => leavesOut(f.rel))) continue;
      // (Those sharing a name with a pattern taken already are left out one by one, and said.)
      for (const f of clash) {
        const twin = patterns.find((p) => slugOfFile(p) === slugOfFile(f));
        left.push({
          glob: fileGlob(f.rel),
          reason: 'duplicate',
          files: [f.rel],
          ...(twin ? { twin: { rel: twin.rel, said: duplicateReason(twin.rel, twin.doc !== undefined && twin.doc.source === f.doc?.source, f.rel) } } : {}),
        });
      }
      const added = found.filter((f) => !clash.includes(f));
      exclusions.push(...left);
      for (const f of added) slugs.add(slugOfFile(f));
      addFolders(kind, added);
      // Under the one folder all of them are in (`keps/*/*/*/README.md`), not any folder at that depth.
      const top = new Set(added.map((f) => f.dirs[0]));
      const [only] = top;
      const named = (g: string) => (top.size === 1 && only !== undefined && g.startsWith('*/') ? `${escapeName(only)}/${g.slice(2)}` : g);
      globs.push(
        ...globsOf(kind)
          .map(named)
          .filter((g) => !globs.includes(g)),
      );
      patterns.push(...added);
    }
    // A pattern kept in a folder of its own with its side files, named as the folder
    // (`20240401-delta/20240401-delta.md` beside the `*.md` patterns): named on its own where it has
    // the template's sections as a fitting pattern does, in a folder of the patterns' own. (Its name
    // and its folder say it is one of them; one that fits the template badly is a pattern with
    // problems, as such a file beside the patterns is — lint says which.)
    // (Files that are not are said as not taken.)
    if (schemaGiven)
      for (const f of eligible) {
        if (patterns.includes(f) || f === template?.file || f.folderKind || f.dirs.length === 0) continue;
        if (f.base.replace(/\.(?:md|markdown)$/i, '') !== f.dirs.at(-1)) continue;
        const home = f.dirs.slice(0, -1).join('/');
        if (!patterns.some((p) => !p.folderKind && p.dirs.join('/') === home) || !fitsTemplate(fit(f)) || slugs.has(slugOfFile(f))) continue;
        globs.push(fileGlob(f.rel));
        patterns.push(f);
        slugs.add(slugOfFile(f));
      }
    // (And one above the patterns' folders, written to the template as a whole — `issue-40-benchmarks.md`
    // beside the README and the template, where the others are `*/*.md`: a pattern filed at the top by
    // mistake, named on its own.)
    const depth = Math.min(...patterns.map((p) => p.dirs.length));
    if (schemaGiven)
      for (const f of eligible) {
        if (patterns.includes(f) || f === template?.file || f.folderKind || f.dirs.length >= depth || inPatternFolder(f) || slugs.has(slugOfFile(f))) continue;
        if ((fit(f)?.f1 ?? 0) < CLOSE_FIT || !fitsTemplate(fit(f))) continue;
        globs.push(fileGlob(f.rel));
        patterns.push(f);
        slugs.add(slugOfFile(f));
      }
    patterns.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  }
  // A document whose name starts with a dot (`.hidden-rfc.md`) among the patterns: the globs' `*`
  // never matches it (lint reads the files the globs select). Written from the template — half its
  // sections at least — it is a document hidden by convention, likely by mistake (a tool's own
  // notes are not written from the catalog's template): named on its own. Else it is no pattern
  // (and said as not taken).
  const selects = picomatch(globs, { dot: false });
  for (const f of [...patterns]) {
    if (selects(f.rel)) continue;
    if (schemaGiven && fitsTemplate(fit(f)) && (fit(f)?.f1 ?? 0) >= HIDDEN_FIT) globs.push(fileGlob(f.rel));
    else patterns.splice(patterns.indexOf(f), 1);
  }
  // The repository's own pages a joined layout's globs select (`CommunityCall/README.md` under `*/*.md`,
  // whose READMEs that layout leaves to the folders' own): left out by name where that leaves out no
  // pattern, else one by one.
  const chosen = new Set(patterns);
  const excluded = exclusions.length > 0 ? picomatch(exclusions.map((e) => e.glob)) : () => false;
  const stray = files.filter((f) => f.folderKind && !chosen.has(f) && f !== template?.file && selects(f.rel) && !excluded(f.rel) && isNonPatternName(f, false));
  for (const [base, list] of groupBy(stray, (f) => f.base)) {
    const glob = `**/${escapeName(base)}`;
    const byName = picomatch(glob);
    if (!patterns.some((p) => byName(p.rel))) exclusions.push({ glob, reason: 'name', files: list.map((f) => f.rel) });
    else for (const f of list) exclusions.push({ glob: fileGlob(f.rel), reason: 'name', files: [f.rel] });
  }
  // (A glob whose files a joined one selects too, `docs/spec/*.md` beside `docs/*/*.md`, says nothing more.)
  const kept = globs.filter((g, k) => {
    const others = globs.filter((o, j) => j !== k && !(o === g && j > k));
    if (others.length === 0) return true;
    const byOthers = picomatch(others, { dot: false });
    const own = picomatch(g, { dot: false });
    const mine = files.filter((f) => own(f.rel));
    return mine.length === 0 || !mine.every((f) => byOthers(f.rel));
  });
  return {
    layout,
    globs: kept,
    ...(template ? { template } : {}),
    ...(best && !accepted && !explicit
      ? credible(best)
        ? { rejected: { candidate: best.candidate, fitting: best.fitting, of: best.parsed } }
        : { written: best.candidate }
      : {}),
    patterns: translations(patterns, exclusions),
    exclude: exclusions,
    shared: { layout: layoutKey(group.layout), files: group.files.length },
    leftOut,
  };
}

/** The folder levels a layout may narrow (the pattern's own folder in `README.md` layouts is its slug). */
function freeLevels(layout: Layout): number[] {
  const last = layout.folderKind ? layout.segments.length - 1 : layout.segments.length;
  return [...Array(Math.max(0, last)).keys()];
}

/**
 * Two files of a layout that would get the same slug are usually the same
 * pattern in two languages (`locales/en/…`, `locales/tr/…`) or in two
 * collections: the folder level that tells them apart is fixed to its name
 * with the most files.
 */
function resolveSlugClashes(layout: Layout, files: readonly ScannedFile[]): Layout {
  let current = layout;
  for (let round = 0; round < layout.segments.length; round++) {
    const set = files.filter((f) => inLayout(current, f));
    const clashes = clashCount(set);
    // A stray clash or two is the catalog's to fix (lint names them); many are a copy of the catalog.
    if (clashes === 0 || clashes * 20 < set.length) return current;
    let pick: { level: number; within: number } | undefined;
    for (const level of freeLevels(current)) {
      if (!('any' in current.segments[level]!)) continue;
      const byValue = groupBy(set, (f) => f.dirs[level]!);
      const within = [...byValue.values()].reduce((n, g) => n + clashCount(g), 0);
      if (within < clashes && (!pick || within < pick.within)) pick = { level, within };
    }
    if (!pick) return current;
    const byValue = groupBy(set, (f) => f.dirs[pick!.level]!);
    const ranked = [...byValue.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    // Translations: English, when it holds about as many files as the largest.
    const english = ranked.find(([v, g]) => ENGLISH.test(v) && g.length >= ranked[0]![1].length * 0.8);
    const [value] = english ?? ranked[0]!;
    current = withSegment(current, pick.level, { literal: value });
  }
  return current;
}

/** A folder holding at most this share of a layout's files (a fourth) is one pattern's, with its side files or translations. */
const OWN_FOLDER_SHARE = 4;

function clashCount(files: readonly ScannedFile[]): number {
  const seen = new Set<string>();
  let clashes = 0;
  // (A file named alike in folders of its own, `#605 - Search/spec.md`, `#5000 - Process Model/spec.md`,
  // or with its translations, `Batch-pattern/design_en.md` beside `design_ja.md` and `design_ko.md`:
  // each folder is a pattern, and the catalog names each by its folder, as a `README.md`. Translations
  // clash in folders that each hold a whole copy of the catalog — a good share of the files each.)
  const perFolder = new Map<string, number>();
  for (const f of files) perFolder.set(f.dirs.join('/'), (perFolder.get(f.dirs.join('/')) ?? 0) + 1);
  for (const f of files) {
    // (A `README.md` or `index.md` is named by its folder already.)
    const here = perFolder.get(f.dirs.join('/')) ?? 0;
    const own = f.dirs.length > 0 && !/^(?:readme|_?index)\./i.test(f.base) && (here <= 2 || here * OWN_FOLDER_SHARE <= files.length);
    const slug = (own ? `${f.dirs.at(-1)!}-${slugOfFile(f) ?? ''}` : slugOfFile(f))?.normalize('NFC').toLowerCase();
    if (slug === undefined) continue;
    if (seen.has(slug)) clashes++;
    else seen.add(slug);
  }
  return clashes;
}

/** How a file the catalog's index lists counts where folders are kept or left out: as one that fits. */
const LISTED: Fit = { matched: Number.MAX_SAFE_INTEGER, of: Number.MAX_SAFE_INTEGER, f1: 1 };

/**
 * The files the catalog's own index page at the root (`README.md`, `SUMMARY.md`, `index.md`) links,
 * where it links three of the candidate patterns at least: a list of the catalog's patterns. Empty
 * where no such page lists them.
 */
function listedByIndex(files: readonly ScannedFile[], eligible: readonly ScannedFile[]): Set<string> {
  const candidates = new Set(eligible.map((f) => f.rel));
  const out = new Set<string>();
  for (const f of files) {
    if (f.dirs.length > 0 || !/^(?:readme|summary|_?index)\.(?:md|markdown)$/i.test(f.base) || !f.doc) continue;
    const linked = new Set<string>();
    for (const link of f.doc.links) {
      const rel = linkedFile('', link.url);
      if (rel !== undefined && candidates.has(rel)) linked.add(rel);
    }
    if (linked.size >= 3) for (const rel of linked) out.add(rel);
  }
  return out;
}

/**
 * The file name most of the documents that fit share (`explainer.md`), where one does: five of them at
 * least, and a third of those that fit; never a folder's own page (`README.md`, `index.md`), the name of
 * every folder's page, documents or not.
 */
function documentName(files: readonly ScannedFile[], fit: (f: ScannedFile) => Fit | undefined): string | undefined {
  const fitting = files.filter((f) => {
    const x = fit(f);
    return x !== undefined && fits(x);
  });
  const counts = new Map<string, number>();
  for (const f of fitting) if (!f.folderKind && !/^(?:readme|_?index)\.(?:md|markdown)$/i.test(f.base)) counts.set(f.base, (counts.get(f.base) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top && top[1] >= 5 && top[1] * 3 >= fitting.length ? top[0] : undefined;
}

/**
 * At each folder level, names whose files mostly do not fit the template
 * (`book/`, `meta/`, `docs/guide/`) are left out: the level becomes the one
 * name kept, names starting alike (`_*`), a few names, or stays `*` with the
 * others excluded.
 */
function narrowFolders(
  layout: Layout,
  files: readonly ScannedFile[],
  fit: (f: ScannedFile) => Fit | undefined,
  exclusions: Exclusion[],
  levels: readonly number[],
  leftOut: LayoutChoice['leftOut'],
  rescued: ScannedFile[],
  deeperFirst = false,
): Layout {
  let current = layout;
  // (A file named as most of the catalog's documents are, `explainer.md` in each explainer's folder, is
  // one of them whatever sections it has: its folder is no folder of other pages.)
  const named = documentName(
    files.filter((f) => inLayout(layout, f)),
    fit,
  );
  const fitsHere = (f: ScannedFile, x: Fit) => fits(x) || f.base === named;
  // The files a level would leave out that fit the template (its folders that mostly do not).
  const fittingLeftOut = (at: Layout, level: number): { fitting: number; out: number } => {
    const byValue = groupBy(
      files.filter((f) => inLayout(at, f)),
      (f) => f.dirs[level]!,
    );
    let fitting = 0;
    let out = 0;
    for (const group of byValue.values()) {
      const parsed = group.flatMap((f) => {
        const x = fit(f);
        return x === undefined ? [] : [{ f, x }];
      });
      const fitCount = parsed.filter(({ f, x }) => fitsHere(f, x)).length;
      if (parsed.length > 0 && fitCount < parsed.length * FOLDER_KEEP_SHARE) [fitting, out] = [fitting + fitCount, out + group.length];
    }
    return { fitting, out };
  };
  for (const level of levels) {
    if (!freeLevels(layout).includes(level)) continue;
    if (!('any' in current.segments[level]!)) continue;
    // (A folder level deeper that parts the files cleanly, leaving out none that fit — `*/review/`
    // beside `*/audit/` in each project's folder — goes first: judged by their projects, the
    // projects with an audit would be left out, reviews written from the template and all.)
    if (deeperFirst && fittingLeftOut(current, level).fitting > 0)
      for (const deeper of freeLevels(layout)) {
        if (deeper <= level || !('any' in current.segments[deeper]!)) continue;
        const cut = fittingLeftOut(current, deeper);
        if (cut.out === 0 || cut.fitting > 0) continue;
        // (A cut that names the folders kept — `review`, a few names — not one that excludes many.)
        const excluded: Exclusion[] = [];
        const [left, saved] = [[] as LayoutChoice['leftOut'], [] as ScannedFile[]];
        const narrowed = narrowFolders(current, files, fit, excluded, [deeper], left, saved);
        if (narrowed === current || excluded.length > 0) continue;
        [current] = [narrowed];
        leftOut.push(...left);
        rescued.push(...saved);
        break;
      }
    const set = files.filter((f) => inLayout(current, f));
    const byValue = groupBy(set, (f) => f.dirs[level]!);
    // One name at this level: the layout says it (`docs/decisions/*.md`, `keps/*/*/README.md`).
    if (byValue.size === 1) {
      current = withSegment(current, level, { literal: [...byValue.keys()][0]! });
      continue;
    }
    const share = (group: ScannedFile[]) => {
      const parsed = group.flatMap((f) => {
        const x = fit(f);
        return x === undefined ? [] : [{ f, x }];
      });
      return { fitting: parsed.filter(({ f, x }) => fitsHere(f, x)).length, parsed: parsed.length };
    };
    // (Folders of one file each are the patterns' own folders, `62-cell-id/cell-id.md`: none is a group
    // of files to keep or leave out by how well its files fit. A pattern that fits the template badly is
    // still a pattern: lint says so, and it stays on the site.)
    if ([...byValue.values()].filter((group) => group.length === 1).length * 4 >= byValue.size * 3) continue;
    const stats = [...byValue.entries()].map(([value, group]) => ({ value, group, ...share(group) }));
    let kept = stats.filter((s) => s.parsed === 0 || s.fitting >= s.parsed * FOLDER_KEEP_SHARE);
    if (kept.length === 0) kept = [stats.sort((a, b) => b.fitting - a.fitting)[0]!];
    // (Nor is a folder that holds more of the documents written from the template than any folder kept,
    // a third of its files at least, left out for its older documents in other shapes: `vela-core/` with
    // 8 of 19 beside `vela-cli/` with 3 of 4.)
    const most = Math.max(...kept.map((s) => s.fitting));
    kept = stats.filter((s) => kept.includes(s) || (s.fitting > most && s.fitting * 3 >= s.parsed));
    // (Nor a folder of the same collection in another state, `proposals-rejected/` beside the
    // `proposals-accepted/` and `proposals-done/` kept: named as two of them are, its documents are
    // theirs, written perhaps before the template.)
    const stem = (name: string) => /^(\p{L}{4,}[-_.])\p{L}/u.exec(name)?.[1]?.toLowerCase();
    const stems = new Map<string, number>();
    // (Counting the folders kept for their documents, not one kept with nothing to read, `proposals-assets/`;
    // and joining a folder of documents only.)
    for (const k of kept) {
      const st = stem(k.value);
      if (st && k.fitting > 0) stems.set(st, (stems.get(st) ?? 0) + 1);
    }
    kept = stats.filter((s) => kept.includes(s) || (s.parsed > 0 && (stems.get(stem(s.value) ?? '') ?? 0) >= 2));
    const dropped = stats.filter((s) => !kept.includes(s));
    const names = kept.map((s) => s.value).sort();
    const prefix = commonPrefix(names);
    let segment: Segment;
    if (dropped.length === 0) {
      // Every folder here holds patterns. At the root, a few are named (a new folder of other
      // Markdown is not taken in unasked), many that start alike (`_operations`, `_strategy`) are
      // `_*`; deeper, under a named folder, `*` (`patterns/*/*.md`).
      if (level > 0) continue;
      if (names.length <= MAX_NAMED) current = withSegment(current, level, { oneOf: names });
      else if (prefix) current = withSegment(current, level, { prefix });
      continue;
    }
    if (names.length === 1) segment = { literal: names[0]! };
    else if (prefix && !dropped.some((d) => d.value.startsWith(prefix))) segment = { prefix };
    else if (names.length <= MAX_NAMED) segment = { oneOf: names };
    else {
      for (const d of dropped) {
        // (A file there written to the template as a whole is a pattern still, `concurrency/generator.md`
        // beside two of that family's written otherwise: the others are left out one by one.)
        const close = d.group.filter((f) => (fit(f)?.f1 ?? 0) >= CLOSE_FIT);
        if (close.length > 0) {
          for (const f of d.group) if (!close.includes(f)) exclusions.push({ glob: fileGlob(f.rel), reason: 'folder', files: [f.rel] });
          continue;
        }
        const glob = [...current.segments.slice(0, level).map(segmentGlob), escapeName(d.value), '**'].join('/');
        exclusions.push({ glob, reason: 'folder', files: d.group.map((f) => f.rel) });
      }
      continue;
    }
    // (Left out by naming the others: said when adopting, as an exclusion would be. A file there
    // written to the template as a whole is a pattern still, named on its own.)
    for (const d of dropped) {
      const close = d.group.filter((f) => (fit(f)?.f1 ?? 0) >= CLOSE_FIT);
      rescued.push(...close);
      if (close.length < d.group.length)
        leftOut.push({
          // (The folder as the layout names it: `*/audit` when it is in each project's folder.)
          folder: [
            ...current.segments
              .slice(0, level)
              .map((seg, i) => (d.group.every((f) => f.dirs[i] === d.group[0]!.dirs[i]) ? escapeName(d.group[0]!.dirs[i]!) : segmentGlob(seg))),
            d.value,
          ].join('/'),
          files: d.group.length - close.length,
          fitting: Math.max(0, d.fitting - close.length),
          rels: d.group.filter((f) => !close.includes(f)).map((f) => f.rel),
        });
    }
    current = withSegment(current, level, segment);
  }
  return current;
}

/**
 * A layout of one file per pattern under a named folder (`docs/*\/*\/*.md`)
 * becomes `docs/**\/*.md` when the files at the other depths there fit the
 * template too (patterns kept at several depths); those that do not are
 * excluded afterwards.
 */
function reachDeeper(layout: Layout, files: readonly ScannedFile[], fit: (f: ScannedFile) => Fit | undefined): Layout {
  const first = layout.segments[0];
  if (layout.folderKind || layout.recursive || !first || 'any' in first || 'oneOf' in first || layout.segments.slice(1).some((s) => !('any' in s))) return layout;
  const deeper: Layout = { ...layout, recursive: true };
  const extra = files.filter((f) => inLayout(deeper, f) && !inLayout(layout, f));
  const parsed = extra.map(fit).filter((x): x is Fit => x !== undefined);
  if (parsed.length === 0 || parsed.filter(fits).length < parsed.length * FOLDER_KEEP_SHARE) return layout;
  return deeper;
}

/**
 * The files the layout selects that are not patterns: a repository's own
 * pages by name (in a layout of one file per pattern, `README.md` and
 * `index.md` too), other files named like templates, and files with none of
 * the template's sections — a folder of them excluded as a folder.
 */
function fitsTemplate(f: Fit | undefined): boolean {
  return f !== undefined && fits(f);
}

function excludeNonPatterns(layout: Layout, inSet: readonly ScannedFile[], fit: (f: ScannedFile) => Fit | undefined, exclusions: Exclusion[]): ScannedFile[] {
  const already = (f: ScannedFile) => exclusions.some((e) => e.files.includes(f.rel));
  const set = inSet.filter((f) => !already(f));
  const byName = new Map<string, string[]>();
  const templates: ScannedFile[] = [];
  const empty: ScannedFile[] = [];
  const docName = documentName(set, fit);
  const patterns: ScannedFile[] = [];
  // A site's listing page of its folder (`has_children: true` in its front matter, or the page others
  // name as their `parent:`, as Jekyll's navigation themes have it), with none of the template's sections.
  const parents = new Set(set.flatMap((f) => (typeof f.doc?.frontMatter?.data?.parent === 'string' ? [String(f.doc.frontMatter.data.parent).trim().toLowerCase()] : [])));
  // (Or a landing page of a group of them: no section of its own, links to three of them at least — a
  // grid of tiles, a list — and nothing of the template's.)
  const slugs = new Set(set.map(slugOfFile));
  const landing = (file: ScannedFile): boolean => {
    const doc = file.doc;
    // (A sentence or two over the links: a page of prose with no headings is a pattern with problems.)
    if (!doc || doc.sections.length > 0 || doc.preamble.filter((b) => b.kind === 'paragraph').length > 2) return false;
    const targets = new Set(
      doc.links
        .map((l) => l.url)
        .filter((u) => !/^[a-z][a-z0-9+.-]*:|^#/i.test(u))
        .map((u) => path.posix.basename(u.replace(/[?#].*$/, '').replace(/\/$/, '')).replace(/\.(?:md|markdown|html?)$/i, '')),
    );
    if ([...targets].filter((t) => t !== slugOfFile(file) && slugs.has(t)).length < 3) return false;
    const f = fit(file);
    return f !== undefined && fitsNothing(f);
  };
  const listing = (file: ScannedFile): boolean => {
    if (landing(file)) return true;
    const data = file.doc?.frontMatter?.data;
    if (!data) return false;
    const title = typeof data.title === 'string' ? data.title.trim().toLowerCase() : undefined;
    if (data.has_children !== true && !(title && parents.has(title))) return false;
    const f = fit(file);
    return f !== undefined && fitsNothing(f);
  };
  const listings: ScannedFile[] = [];
  for (const file of set) {
    if (isBlank(file)) {
      exclusions.push({ glob: fileGlob(file.rel), reason: 'blank', files: [file.rel] });
      continue;
    }
    if (listing(file)) {
      listings.push(file);
      continue;
    }
    // `code-of-conduct.md` may be a pattern about codes of conduct: a name excludes a file that does not fit the template.
    // A generation source (`x.src.md`) fits the template as the document made from it does: left out by its name alone.
    // (But a README alone in a folder of its own below the catalog's root, its images beside it,
    // written from the template — `sig-node/301-fast-start/README.md` among `sig-node/*.md` — is that
    // folder's page: a pattern kept so, as newer ones often are.)
    // (Or, where there is nothing to judge a file by — no template yet, the one derived from these very
    // files, or one that asks for no section —, any such page: alone in its folder, it lists nothing and
    // is a document like the others, `tools/index.md` beside `guides/alpha.md`.)
    const judged = fit(file);
    const ownFolder =
      file.dirs.length > 0 &&
      !set.some((o) => o !== file && o.dirs.join('/') === file.dirs.join('/')) &&
      (fitsTemplate(judged) || judged === undefined || judged.of === 0);
    const folderPage = /^(readme|_?index)\./i.test(file.base);
    const pageOnly = (layout.folderKind ? false : folderPage && !ownFolder) || GENERATED_SOURCE.test(file.base);
    const named = isNonPatternName(file, layout.folderKind) && (pageOnly || (!fitsTemplate(judged) && !(folderPage && ownFolder)));
    if (named) byName.set(file.base, [...(byName.get(file.base) ?? []), file.rel]);
    // (A file named for a topic with the word in it, `multiple-pod-template-support.md`, that fits the
    // catalog's template is one of its patterns: blanks in its examples do not make it a template.)
    else if (templateNameScore(file) >= 3 && !(templateWordInTopic(file) && fitsTemplate(fit(file)))) templates.push(file);
    else {
      const f = fit(file);
      // (Named as most of the documents are, `explainer.md` in its folder, it is one of them, whatever sections it has.)
      if (f && fitsNothing(f) && file.base !== docName) empty.push(file);
      else patterns.push(file);
    }
  }
  for (const [base, rels] of [...byName.entries()].sort()) exclusions.push({ glob: `**/${escapeName(base)}`, reason: 'name', files: rels });
  for (const f of listings) exclusions.push({ glob: fileGlob(f.rel), reason: 'listing', files: [f.rel] });
  const kept = new Set(patterns);
  exclusions.push(...folderGlobs(layout, templates, set, kept, 'template'));
  // A file with none of the template's sections among patterns is a pattern with a problem (lint
  // says which); a folder of such files (`docs/guide/`) holds something else.
  const folders = folderGlobs(layout, empty, set, kept, 'no-section').filter((e) => e.glob.endsWith('/**'));
  exclusions.push(...folders);
  const left = new Set(folders.flatMap((e) => e.files));
  // …and so does a folder outside the catalog's numbered series (`BiweeklyMeetings/README.md` among
  // `CIP-0001/README.md`…): where (nearly) every pattern's folder carries its number, one without a
  // number whose page has none of the template's sections holds another kind of page. (Not a file
  // of a file-per-pattern layout: an older document named before the numbers, `design/go-generate.md`.)
  const numbered = (f: ScannedFile) => /\d/.test(f.dirs.at(-1) ?? '');
  if (layout.folderKind && patterns.length >= 10 && patterns.filter(numbered).length * 10 >= patterns.length * 9) {
    for (const f of empty)
      if (!left.has(f.rel) && !numbered(f)) {
        exclusions.push({ glob: fileGlob(f.rel), reason: 'no-section', files: [f.rel] });
        left.add(f.rel);
      }
  }
  // …and so does a page named in capitals as a repository's own pages are (`PROCESS.md`,
  // `DESIGN_PRINCIPLES.md`) among patterns mostly named otherwise, with none of the template's sections: the
  // catalog's process or guidelines, which its README links, not one of its documents.
  const shouting = (f: ScannedFile) => /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*\.(?:md|markdown)$/.test(f.base);
  if (patterns.length > 0 && patterns.filter(shouting).length * 3 <= patterns.length) {
    for (const f of empty)
      if (!left.has(f.rel) && shouting(f)) {
        exclusions.push({ glob: fileGlob(f.rel), reason: 'no-section', files: [f.rel] });
        left.add(f.rel);
      }
  }
  return [...patterns, ...empty.filter((f) => !left.has(f.rel))].sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/**
 * Exclusions for `out` among `set`: the highest folder all of whose files are
 * in `out` (`docs/guide/**`), else the file itself. A pattern's own folder in
 * a `README.md` layout is never the folder excluded (its file is).
 */
function folderGlobs(
  layout: Layout,
  out: readonly ScannedFile[],
  set: readonly ScannedFile[],
  patterns: ReadonlySet<ScannedFile>,
  reason: Exclusion['reason'],
): Exclusion[] {
  const result = new Map<string, string[]>();
  for (const file of out) {
    let dirs = layout.folderKind ? file.dirs.slice(0, -1) : file.dirs;
    let chosen: string[] | undefined;
    while (dirs.length > 0) {
      const prefix = `${dirs.join('/')}/`;
      const under = set.filter((f) => f.rel.startsWith(prefix));
      if (under.length < 2 || under.some((f) => patterns.has(f))) break;
      chosen = dirs;
      dirs = dirs.slice(0, -1);
    }
    const glob = chosen ? `${chosen.map(escapeName).join('/')}/**` : fileGlob(file.rel);
    result.set(glob, [...(result.get(glob) ?? []), file.rel]);
  }
  return [...result.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([glob, files]) => ({ glob, reason, files }));
}

function withSegment(layout: Layout, level: number, segment: Segment): Layout {
  return { ...layout, segments: layout.segments.map((s, i) => (i === level ? segment : s)) };
}

function segmentGlob(segment: Segment): string {
  return 'literal' in segment ? escapeName(segment.literal) : 'prefix' in segment ? `${escapeName(segment.prefix)}*` : '*';
}

/** The glob that names one file (`rfcs/0031-header/1-part.md`), its names escaped. */
export function fileGlob(rel: string): string {
  return rel.split('/').map(escapeName).join('/');
}

export function escapeName(name: string): string {
  return name.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

function commonPrefix(names: readonly string[]): string {
  if (names.length === 0) return '';
  let prefix = names[0]!;
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // A prefix is a convention (`_`, `sig-`) only when it ends at a word boundary or is punctuation.
  const m = /^(.*[-_.])|^([^a-z0-9]+)/i.exec(prefix);
  return m ? (m[1] ?? m[2] ?? '') : '';
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** A file with nothing in it but white space (read, and empty): a page still to write. */
function isBlank(file: ScannedFile): boolean {
  return file.doc !== undefined && file.doc.source.trim() === '';
}

/**
 * Where the patterns are each a file named as its own folder (`rfcs/0031-header/0031-header.md`), the
 * other documents in such a folder are that pattern's: its parts, linked from it (`1-append-a-field.md`),
 * or its translation (`0031-header.zh.md`). Left out, each said (five such patterns at least, and
 * nine in ten of the patterns' folders named so).
 */
function sideDocuments(layout: Layout, patterns: ScannedFile[], exclusions: Exclusion[]): ScannedFile[] {
  if (layout.folderKind) return patterns;
  const stem = (f: ScannedFile) => f.base.replace(/\.(?:md|markdown)$/i, '');
  const named = patterns.filter((f) => f.dirs.length > 0 && stem(f) === f.dirs.at(-1));
  const folders = new Set(patterns.map((f) => f.dirs.join('/')));
  if (named.length < 5 || named.length * 10 < folders.size * 9) return patterns;
  const homes = new Set(named.map((f) => f.dirs.join('/')));
  const side = patterns.filter((f) => !named.includes(f) && homes.has(f.dirs.join('/')));
  for (const f of side) exclusions.push({ glob: fileGlob(f.rel), reason: 'side', files: [f.rel] });
  return side.length > 0 ? patterns.filter((f) => !side.includes(f)) : patterns;
}

/**
 * A language a file name ends with (`design_ja.md`, `0003-vm.zh.md`, `guide-pt-BR.md`,
 * `logging.french.md`).
 */
const LANGUAGE_SUFFIX =
  /[._-](en|english|ja|ko|zh|zh[-_](?:cn|tw|hans|hant)|fr|de|es|pt|pt[-_]br|ru|it|tr|vi|id|pl|uk|ar|he|hi|th|nl|sv|cs|fa|el|ro|hu|eu|french|japanese|korean|chinese|russian|polish|portuguese|brazilian-portuguese|spanish|german|italian|turkish|basque|ukrainian|indonesian|arabic|hebrew|dutch|persian|farsi|vietnamese|thai|greek|swedish|czech|hindi|romanian|hungarian)$/i;

/**
 * Of files kept in several languages side by side (`design_en.md` beside `design_ja.md`, `logging.md`
 * beside `logging.french.md`), the translations: those beside the English one (or the one without a
 * language) — where two documents at least are kept so.
 */
export function translatedCopies(files: readonly ScannedFile[]): Set<ScannedFile> {
  const stem = (f: ScannedFile) => f.base.replace(/\.(?:md|markdown)$/i, '');
  const groups = groupBy(
    files.filter((f) => !f.folderKind),
    (f) => `${f.dirs.join('/')}\u0000${stem(f).replace(LANGUAGE_SUFFIX, '')}`,
  );
  const translated = [...groups.values()].filter((g) => g.length >= 2 && g.some((f) => LANGUAGE_SUFFIX.test(stem(f))));
  const out = new Set<ScannedFile>();
  if (translated.length < 2) return out;
  for (const group of translated) {
    const main = group.find((f) => /^(?:en|english)$/i.test(LANGUAGE_SUFFIX.exec(stem(f))?.[1] ?? '')) ?? group.find((f) => !LANGUAGE_SUFFIX.test(stem(f)));
    if (!main) continue;
    for (const f of group) if (f !== main) out.add(f);
  }
  return out;
}

/**
 * Documents kept in several languages side by side: the English one (or the one without a language)
 * is the pattern, the others its translations, left out and each said.
 */
function translations(patterns: ScannedFile[], exclusions: Exclusion[]): ScannedFile[] {
  const out = translatedCopies(patterns);
  if (out.size === 0) return patterns;
  // (Named alike in every pattern's folder, `*/design_ja.md`, `*.french.md`: one glob for the ending,
  // where no pattern kept has it; else one by one.)
  const ending = (f: ScannedFile) => {
    const stem = f.base.replace(/\.(?:md|markdown)$/i, '');
    return f.base.slice(stem.length - (LANGUAGE_SUFFIX.exec(stem)?.[0].length ?? 0));
  };
  // (A file with that ending whose English one is missing, `citools.basque.md`, is a translation all the
  // same: left out with them.)
  let kept = patterns.filter((f) => !out.has(f));
  for (const [end, list] of groupBy([...out], ending)) {
    const alike = kept.filter((f) => f.base.endsWith(end));
    if (list.length >= 3 && alike.length * 3 < list.length && alike.every((f) => ending(f) === end)) {
      exclusions.push({ glob: `**/*${escapeName(end)}`, reason: 'translation', files: [...list, ...alike].map((f) => f.rel) });
      kept = kept.filter((f) => !alike.includes(f));
    } else for (const f of list) exclusions.push({ glob: fileGlob(f.rel), reason: 'translation', files: [f.rel] });
  }
  return kept;
}

/**
 * Why a file named as a pattern taken already is left out: the same text (a copy), or another
 * version of it — an older one only where its folder says so (`old/`, `archive/`, `deprecated/`).
 */
function duplicateReason(twin: string, same: boolean, rel: string): string {
  if (same) return `the same text as ${twin}, a copy`;
  const older = /(?:^|\/)(?:old|older|archived?|deprecated|legacy|obsolete|superseded|previous)(?:\/|$)/i.test(path.posix.dirname(rel));
  return `named as ${twin}, taken already${older ? ', an older copy likely' : ''}: a page's name must be its own. If this one is the version to keep, exclude that one instead, or rename one of them`;
}

/** How many times each value occurs. */
function countBy(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}
