import picomatch from 'picomatch';
import type { CatalogConfig } from '../config/load-config.js';
import { leadLabels, rowLabels } from '../markdown/tables.js';
import type { Section } from '../markdown/types.js';
import { variantKey } from '../template/heading-variants.js';
import type { TemplateSchema } from '../template/types.js';
import { flattenSections } from '../template/walk.js';

/**
 * The templates of a catalog: the one it is written from, its siblings (a
 * catalog may keep one template per kind of pattern: `template: [a, b]`), and
 * the variants its `overrides` ask for some files — another template file, or
 * stricter (or looser) section settings, such as maturity folders that require
 * more sections at each stage. `for(path)` is the template a pattern is judged
 * and read by.
 *
 * A folder's own template that revises the catalog's (`revises`) is newer than
 * some of its documents as often as not: the ones written before it, from the
 * catalog's template, are judged by that one when they clearly follow it better
 * (`fit`), as sibling templates are. A folder's template of another kind keeps
 * every document there.
 */
export class TemplateSet {
  /** The template each loaded pattern follows best, when not the one its path gives (see `fit`). */
  private readonly fitted = new Map<string, TemplateSchema>();

  constructor(
    /** The catalog's template (`template`, or the built-in one): the one new patterns start from. */
    readonly base: TemplateSchema,
    /**
     * In the configuration's order; the last entry whose globs match a path wins. `revision`: the
     * entry names a template file of its own that revises the catalog's (`revises`).
     */
    private readonly variants: readonly { match: (path: string) => boolean; template: TemplateSchema; revision?: boolean }[] = [],
    /** The base's siblings (`template: [base, …siblings]`), in the configuration's order. */
    private readonly siblings: readonly TemplateSchema[] = [],
  ) {}

  /**
   * The template of a pattern, by its path relative to the catalog root (`/`
   * separators): the one it was found to follow best when it was loaded (`fit`),
   * else an override's for its globs, else the base.
   */
  for(path: string): TemplateSchema {
    return this.fitted.get(path) ?? this.given(path);
  }

  /** The template a path is given before its text is read: the last override whose globs match, else the base. */
  private given(path: string): TemplateSchema {
    return this.variantOf(path)?.template ?? this.base;
  }

  private variantOf(path: string): { template: TemplateSchema; revision?: boolean } | undefined {
    for (let i = this.variants.length - 1; i >= 0; i--) if (this.variants[i]!.match(path)) return this.variants[i]!;
    return undefined;
  }

  /**
   * The template a pattern follows best, remembered for `for(path)`: among the
   * base's siblings (`bestSibling`); and, in a folder an override gives a
   * template file of its own that revises the catalog's, between that one and
   * the catalog's (a document older than the folder's template, written from
   * the catalog's). Any other override keeps its template.
   */
  fit(path: string, sections: readonly Section[]): TemplateSchema {
    const variant = this.variantOf(path);
    const given = variant?.template ?? this.base;
    const candidates = !variant ? this.siblings : variant.revision ? [this.base, ...this.siblings] : [];
    const best = candidates.length === 0 ? given : bestSibling(given, candidates, sections);
    if (best === given) this.fitted.delete(path);
    else this.fitted.set(path, best);
    return best;
  }

  /** Whether `template` is not the one `path` is given before its text is read (a sibling, or the catalog's in an override's folder). */
  isRefitted(path: string, template: TemplateSchema): boolean {
    return template !== this.given(path);
  }

  /**
   * Records the template a pattern was found to follow where it was loaded
   * (`PatternView.templateFile`, from a lint worker), so `for(path)` gives it here too.
   */
  remember(view: { path: string; templateFile?: string }): void {
    const fitted = view.templateFile === undefined ? undefined : [this.base, ...this.siblings].find((t) => t.file === view.templateFile);
    if (fitted && fitted !== this.given(view.path)) this.fitted.set(view.path, fitted);
    else this.fitted.delete(view.path);
  }

  /** Whether patterns are matched to one of several templates when loaded (`fit`). */
  get hasSiblings(): boolean {
    return this.siblings.length > 0 || this.variants.some((v) => v.revision);
  }

  /** Every distinct template, the base first. */
  all(): TemplateSchema[] {
    return [...new Set([this.base, ...this.siblings, ...this.variants.map((v) => v.template)])];
  }
}

/**
 * Sections only a sibling has that a pattern must have to be judged by it: one
 * is often the base's section under an older name (`## Introduction` where the
 * base, renamed since, has `## Summary of changes`), which every older pattern has.
 */
const SIBLING_EVIDENCE = 2;

/**
 * The template a pattern follows best: a sibling when the pattern has at least
 * two of the sections only that sibling has, and more of them than of the
 * sections only the base has (`## Transition Path` and `## Deprecation
 * Timeline` of a retirement template, where the base has `## Detailed
 * design`); the largest lead wins; else the base. Sections both have say
 * nothing, and neither do sections a pattern lacks: a pattern older than every
 * template is judged by the base, however few sections another asks for.
 */
export function bestSibling(base: TemplateSchema, siblings: readonly TemplateSchema[], sections: readonly Section[]): TemplateSchema {
  const baseHas = namesHad(base, sections);
  const baseNames = namesOf(base);
  let best = base;
  let bestLead = 0;
  for (const sibling of siblings) {
    const has = namesHad(sibling, sections);
    const siblingNames = namesOf(sibling);
    const own = [...has].filter((n) => !baseNames.has(n)).length;
    const lead = own - [...baseHas].filter((n) => !siblingNames.has(n)).length;
    if (own >= SIBLING_EVIDENCE && lead > bestLead) [best, bestLead] = [sibling, lead];
  }
  return best;
}

/**
 * Whether a folder's template revises `of` rather than being one of another
 * kind: half its sections or more are `of`'s, numbering aside (`## 1. Overview`
 * where `of` has `# 一、Overview`) — a renumbered or extended copy, a
 * stricter stage's. A template for standards beside one for principles shares
 * none.
 */
export function revises(template: TemplateSchema, of: TemplateSchema): boolean {
  const own = unnumberedNames(template);
  const theirs = unnumberedNames(of);
  return own.size > 0 && [...own].filter((n) => theirs.has(n)).length * 2 >= own.size;
}

/** A template's section names (`namesOf`) without the numbers written before them (`1 1 background`, `一 概述`). */
function unnumberedNames(template: TemplateSchema): Set<string> {
  return new Set([...namesOf(template)].map((n) => n.replace(/^(?:(?:\d{1,3}|[ivx]{1,5}|[一二三四五六七八九十]{1,3})\s+)+/u, '')).filter(Boolean));
}

const names = new WeakMap<TemplateSchema, Set<string>>();

/** A template's section names (any level), as near-miss spellings compare (`variantKey`). */
function namesOf(template: TemplateSchema): Set<string> {
  let set = names.get(template);
  if (!set) names.set(template, (set = new Set(flattenSections(template.sections).map((s) => variantKey(s.name)))));
  return set;
}

/**
 * The template's section names a pattern has as headings (or as the rows of a table, see
 * `rowLabels`): the same name, in
 * any case, number or spelling (`variantKey`), never a looser reading
 * (`## Impact on existing code` is not `## Impact on existing packages`).
 */
function namesHad(template: TemplateSchema, sections: readonly Section[]): Set<string> {
  const wanted = namesOf(template);
  const had = new Set<string>();
  const walk = (list: readonly Section[]): void => {
    for (const s of list) {
      const key = variantKey(s.title);
      // (A heading that is a code span names a field, `` #### `roles` ``: no section of any template.)
      if (wanted.has(key) && !/^\s*`[^`]+`\s*$/.test(s.heading.raw)) had.add(key);
      // (Or a row of a table under a heading, named for a section in its first cell: `**Security**` | `N/A`.)
      // (Or an item there that opens with it in bold: `- **Security.** None.`)
      for (const label of [...rowLabels(s.blocks), ...leadLabels(s.blocks)]) if (wanted.has(variantKey(label))) had.add(variantKey(label));
      walk(s.children);
    }
  };
  walk(sections);
  return had;
}

/**
 * The variants the configuration's `overrides` ask for: for each entry with a
 * `template` or `sections`, the template file (its own, else the catalog's) read
 * with the entry's `sections` (over the catalog's, name by name, for the
 * catalog's own template). The same file and settings are read once. `siblings`:
 * the base's sibling templates, already read.
 */
export async function templateSet(
  config: CatalogConfig,
  base: TemplateSchema,
  load: (file: string | undefined, sections: CatalogConfig['sections'], where: string) => Promise<TemplateSchema>,
  siblings: readonly TemplateSchema[] = [],
): Promise<TemplateSet> {
  const cache = new Map<string, Promise<TemplateSchema>>();
  const variants: { match: (path: string) => boolean; template: TemplateSchema; revision?: boolean }[] = [];
  for (const [i, o] of config.overrides.entries()) {
    if (!o.template && !o.sections) continue;
    const file = o.template ?? config.template;
    // Another template file starts from its own sections; the same file takes the catalog's settings, then the entry's.
    const sections = o.template ? { ...o.sections } : { ...config.sections, ...o.sections };
    const key = JSON.stringify([file ?? '', sections]);
    let pending = cache.get(key);
    if (!pending) cache.set(key, (pending = load(file, sections, `overrides[${i}]`)));
    const template = await pending;
    const revision = o.template !== undefined && !base.builtIn && template.file !== base.file && [base, ...siblings].some((t) => revises(template, t));
    variants.push({ match: picomatch(o.files, { dot: true }), template, ...(revision ? { revision } : {}) });
  }
  return new TemplateSet(base, variants, siblings);
}
