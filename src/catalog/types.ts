import type { CatalogConfig } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Range } from '../markdown/lines.js';
import type { Link, MarkdownDocument } from '../markdown/types.js';
import type { TemplateSchema } from '../template/types.js';
import type { TemplateSet } from './templates.js';

export interface PatternText {
  text: string;
  /**
   * Where it was found: the H1, the blockquote after the title, a front matter
   * key (`key`), the first paragraph of a section (`## Title`, `## Summary`), or
   * the pattern's first paragraph (a summary where the template has no place for one).
   */
  from: 'heading' | 'blockquote' | 'front-matter' | 'section' | 'paragraph';
  /** The front matter key it was read from. */
  key?: string;
  /** Where it is written (for front matter: the front matter block). */
  range: Range;
  /** The template's own title line left as it is (`# Title`): no name, so readers are shown the file's. */
  sample?: true;
}

/**
 * What the catalog keeps of a pattern once its file has been read and
 * dropped: identity, title, summary, front matter, heading anchors and links
 * (with positions). Plain data, so it crosses thread boundaries
 * (`structuredClone`) and stays small for the whole run; its full text is on
 * disk. Catalog-wide facts (relations, anchors, near-duplicates) are worked
 * out from views. A full `Pattern` is a view too.
 */
export interface PatternView {
  /** Folder name for `<slug>/README.md`, else the file name without `.md`. */
  slug: string;
  /** Absolute path of the Markdown file. */
  file: string;
  /** Path relative to the catalog root, with `/` separators. */
  path: string;
  /** Absolute folder that holds the file (images and links resolve from here). */
  dir: string;
  /** Size in bytes. */
  size: number;
  /** Where the template keeps it (H1, front matter, the line under `## Title`), else the H1 or front matter `title`. */
  title?: PatternText;
  /**
   * With no title, the name it is shown by: its file's words, each written as the document writes it
   * most (`wasm-gc.md` → `Wasm GC`, where the text says "GC"; see `casedName`).
   */
  shownName?: string;
  /**
   * Where the template keeps it (the blockquote after the title, front matter,
   * a `## Summary` section), else a blockquote, front matter `description`, or
   * the first paragraph of prose.
   */
  summary?: PatternText;
  frontMatter: Record<string, unknown>;
  /**
   * Fields the document writes in its body instead of front matter (see
   * `bodyFields`): a block of `Key: value` lines, a table of fields or a list
   * of them under the title. Keys in lower case; read where front matter lacks
   * the key (the title, the status).
   */
  fields?: Record<string, string>;
  /**
   * Set when the file is a redirect stub (it only says the pattern moved, and
   * links there; see `movedTarget`): where it points. A stub is no pattern:
   * only link checks apply, and the site sends its readers on.
   */
  movedTo?: string;
  /**
   * Set when the pattern is judged by another template than the one its path
   * gives: a sibling it follows best (`template: [a, b]`), or the catalog's,
   * in a folder an override gives a template of its own that the pattern,
   * written before it, does not follow: that template's file. `templates.for(path)`
   * gives it wherever the pattern was loaded; `templates.remember` records it
   * where only the view arrives (a lint worker's).
   */
  templateFile?: string;
  /** Every link of the file, in order, with its section path. */
  links: readonly Link[];
  /** The id (`#data-flow`) of every heading, the title included, in order. */
  anchors: readonly string[];
}

/** A pattern loaded in full: its view and its parsed document. */
export interface Pattern extends PatternView {
  document: MarkdownDocument;
  /** The metadata file beside it (`kep.yaml`, see `metadataFile`) could not be read: why, and where. The pattern is read without it. */
  metadataError?: { file: string; line: number; message: string };
}

/** Where a catalog is and what it follows: enough for anything that looks at one pattern. */
export interface CatalogSettings {
  root: string;
  config: CatalogConfig;
  /** The catalog's template: new patterns start from it (`templates.base`). */
  template: TemplateSchema;
  /** The template each pattern follows, by its path: the catalog's, or one its `overrides` give some folders. */
  templates: TemplateSet;
}

/** A catalog whose patterns are `P`: full patterns (`Catalog`) or views (`LightCatalog`). */
export interface CatalogOf<P extends PatternView> extends CatalogSettings {
  /** Loaded patterns, sorted by path. */
  patterns: P[];
  bySlug: Map<string, P>;
  /** Problems found while loading: unreadable files, bad front matter, slug clashes… */
  diagnostics: Diagnostic[];
  /** Texts (folded) several patterns give alike as their summary, none of them any one's summary (see `withOwnSummaries`). */
  sharedSummaries?: ReadonlySet<string>;
}

/** A catalog loaded in full: every pattern's parsed document in memory. */
export type Catalog = CatalogOf<Pattern>;

/** A catalog as views (what a streaming lint or a site build keeps): memory independent of file sizes. */
export type LightCatalog = CatalogOf<PatternView>;
