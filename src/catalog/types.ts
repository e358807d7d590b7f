import type { CatalogConfig } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Range } from '../markdown/lines.js';
import type { MarkdownDocument } from '../markdown/types.js';
import type { TemplateSchema } from '../template/types.js';

export interface PatternText {
  text: string;
  from: 'heading' | 'blockquote' | 'front-matter';
  /** Where it is written (for front matter: the front matter block). */
  range: Range;
}

export interface Pattern {
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
  /** The single H1, or front matter `title`. */
  title?: PatternText;
  /** The blockquote right after the title, or front matter `description`. */
  summary?: PatternText;
  frontMatter: Record<string, unknown>;
  document: MarkdownDocument;
}

export interface Catalog {
  root: string;
  config: CatalogConfig;
  template: TemplateSchema;
  /** Loaded patterns, sorted by path. */
  patterns: Pattern[];
  bySlug: Map<string, Pattern>;
  /** Problems found while loading: unreadable files, bad front matter, slug clashes… */
  diagnostics: Diagnostic[];
}
