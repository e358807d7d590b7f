import picomatch from 'picomatch';
import type { CatalogConfig } from '../config/load-config.js';
import type { TemplateSchema } from '../template/types.js';

/**
 * The templates of a catalog: the one it is written from, and the variants
 * its `overrides` ask for some files — another template file, or stricter
 * (or looser) section settings, such as maturity folders that require more
 * sections at each stage. `for(path)` is the template a pattern is judged
 * and read by.
 */
export class TemplateSet {
  constructor(
    /** The catalog's template (`template`, or the built-in one): the one new patterns start from. */
    readonly base: TemplateSchema,
    /** In the configuration's order; the last entry whose globs match a path wins. */
    private readonly variants: readonly { match: (path: string) => boolean; template: TemplateSchema }[] = [],
  ) {}

  /** The template of a pattern, by its path relative to the catalog root (`/` separators). */
  for(path: string): TemplateSchema {
    for (let i = this.variants.length - 1; i >= 0; i--) if (this.variants[i]!.match(path)) return this.variants[i]!.template;
    return this.base;
  }

  /** Every distinct template, the base first. */
  all(): TemplateSchema[] {
    return [...new Set([this.base, ...this.variants.map((v) => v.template)])];
  }
}

/**
 * The variants the configuration's `overrides` ask for: for each entry with a
 * `template` or `sections`, the template file (its own, else the catalog's) read
 * with the entry's `sections` (over the catalog's, name by name, for the
 * catalog's own template). The same
 * file and settings are read once.
 */
export async function templateSet(
  config: CatalogConfig,
  base: TemplateSchema,
  load: (file: string | undefined, sections: CatalogConfig['sections'], where: string) => Promise<TemplateSchema>,
): Promise<TemplateSet> {
  const cache = new Map<string, Promise<TemplateSchema>>();
  const variants: { match: (path: string) => boolean; template: TemplateSchema }[] = [];
  for (const [i, o] of config.overrides.entries()) {
    if (!o.template && !o.sections) continue;
    const file = o.template ?? config.template;
    // Another template file starts from its own sections; the same file takes the catalog's settings, then the entry's.
    const sections = o.template ? { ...o.sections } : { ...config.sections, ...o.sections };
    const key = JSON.stringify([file ?? '', sections]);
    let pending = cache.get(key);
    if (!pending) cache.set(key, (pending = load(file, sections, `overrides[${i}]`)));
    variants.push({ match: picomatch(o.files, { dot: true }), template: await pending });
  }
  return new TemplateSet(base, variants);
}
