import type { MarkdownDocument } from '../markdown/types.js';
import type { ShapePart } from './heading-shape.js';
import type { StageList, StageRequirement } from './stages.js';

/** What a template section holds, read from the template's own content. */
export interface SectionExpectations {
  /** Tables, by their header cells (`Parameter | Description | Required | Default`). */
  tables: { columns: string[] }[];
  /** The section holds a GFM task list (`- [ ] …`). */
  taskList: boolean;
  lists: { ordered: boolean; items: number }[];
  /** Images, with the folder they live in relative to the pattern (`diagrams`). */
  images: { src: string; alt: string; folder: string }[];
  /** Code blocks by language (`bash`), in order. */
  codeBlocks: { lang: string }[];
  /** The template gives the section content of its own (not only sub-sections). */
  content: boolean;
}

export interface TemplateSection {
  /** Stable id from the section path, e.g. `implementation/step-n-title`. */
  id: string;
  /** Display name: the heading with its variable parts named (`Step N: <title>`). */
  name: string;
  /** Heading text as written in the template, without a trailing note in parentheses (`(optional)`, `(if applicable)`). */
  heading: string;
  level: number;
  /** Names from the outermost section down to this one. */
  path: string[];
  optional: boolean;
  /**
   * Asked for by the template, but a missing one is a warning, not an error
   * (`recommended: true` under `sections` in the configuration, which
   * `init --adopt` writes for a section many of the catalog's patterns lack).
   */
  recommended: boolean;
  /**
   * The template tells the author to delete it once done (`## Process guide, remove this section when
   * done`, `This section must be deleted before the proposal is approved`): its text left in a pattern is
   * one leftover, the section's.
   */
  removeWhenDone?: true;
  /** One or more headings of this shape may appear (`Step 1: …`, `Step 2: …`). */
  repeatable: boolean;
  /**
   * The template's heading is nothing but a placeholder (`### {title of option 1}`):
   * any heading at its place fits, one per item (repeatable), and a heading that
   * names another section of the template is that section rather than this one.
   */
  anyHeading: boolean;
  /** Its headings carry a version or a date (`Version <semver> (<date>)`): a changelog entry. */
  versioned: boolean;
  /** Other accepted names (from configuration). */
  aliases: string[];
  /** Matches a pattern heading's folded text (see `foldHeading`). */
  matcher: RegExp;
  children: TemplateSection[];
  expects: SectionExpectations;
  /**
   * The note the template writes after the name, when it is part of the
   * heading a pattern writes (`## Alternatives (Not Implemented)`), not a
   * word to the author (`(optional)`, `(if applicable)`): `--fix` inserts it.
   */
  note?: string;
  /** The template's own Markdown for this section, heading excluded (what `--fix` inserts). */
  body: string;
  /** The template's text for this section, as guidance for authors (hover, docs). */
  guidance: string;
  /**
   * Required from a stage of the template's list on (`[required_in]: # (Provisional status and
   * above)`): a pattern at an earlier stage is not asked for it (see stages.ts).
   */
  requiredFrom?: StageRequirement;
  /**
   * Optional for patterns of one kind, by a front matter (or header) value its guidance names
   * ("Optional for `type: meta` patterns"): not asked of those.
   */
  optionalFor?: { key: string; value: string; said: string };
  /** 1-based line of the heading in the template. */
  line: number;
}

export type PlaceholderKind = 'bracketed' | 'instruction' | 'generic-item' | 'label-sample' | 'sample-value' | 'summary-sample' | 'custom';

export interface Placeholder {
  /** The template text as written. */
  text: string;
  kind: PlaceholderKind;
  /** Folded text (see `foldText`), what matching compares. */
  folded: string;
  /** Matches the folded placeholder and its renumbered variants (`component \d+`). */
  pattern: RegExp;
  /** Section of the template it comes from (empty for the title area). */
  sectionPath: string[];
  line: number;
}

/**
 * The shape the template gives its title when it has variable parts
 * (`# KEP-NNNN: Your short, descriptive title`, `` # `Topic` Cheat Sheet ``):
 * fixed words a title keeps around the author's own.
 */
export interface TitleShape {
  /** The title with its variable parts named (`KEP-NNNN: <title>`). */
  name: string;
  /** Matches a folded title of this shape (see `foldHeading`), one capture group per part. */
  matcher: RegExp;
  /** The variable parts (`NNNN`, `Your short, descriptive title`). */
  parts: ShapePart[];
  /** Nothing but a placeholder (`# [Pattern Title]`): any title fits. */
  any: boolean;
}

/**
 * Where a pattern keeps its title, and what the template shows there: an H1,
 * a front matter key, or the first paragraph of a section (`## Title` with the
 * title on the next line). `sample` is the template's own text there; `shape`
 * is set when that text has variable parts. A sample without any (`AWS
 * Service 1 to AWS Service 2`) is only a sample: a title that keeps it is the
 * finding, no shape is asked for. `recommended`: a missing title is a warning
 * (`title.recommended`).
 */
export type TitleSpec =
  | {
      from: 'heading';
      sample: string;
      shape?: TitleShape;
      /** The title heading's level when it is not an H1 (`Title` underlined with `---`: 2); the first heading then is the title up to this level. */
      level?: number;
      /**
       * The H1 the template's page sets above its title line, as every pattern keeps it with its number
       * (`# RFC0 for Presto` over `## [Title]`): a pattern's H1 of the same words is that label, and
       * its name is the heading under it.
       */
      labelAbove?: string;
      /**
       * Where the configuration reads titles from H1s of a template that has none of its own and names
       * the pattern in a field of its metadata (`- Name: (fill in the feature name)`): that field, for
       * the patterns without an H1.
       */
      field?: string;
      /** The template's own text in that field: no pattern's title. */
      fieldSample?: string;
      /** That field identifies the pattern (`RFC Proposal ID`) rather than names it. */
      idField?: true;
      /** The template has no title line: the configuration reads titles from H1s (the catalog's practice). */
      configured?: true;
      /**
       * The template's front matter key that repeats its title line as an identifier (`feature:
       * my_excited_feature` over `# My Excited Feature`): the name of a pattern whose first H1 names
       * none (`# Background`).
       */
      key?: string;
      recommended?: true;
    }
  | {
      from: 'front-matter';
      key: string;
      sample: string;
      shape?: TitleShape;
      recommended?: true;
      /** The field of the template's own header that names the pattern (`| Title |`), where the configuration reads titles from front matter instead. */
      field?: string;
      /** The level of the template's own title line (`## Your Proposal Title`), where the configuration reads titles from front matter instead. */
      heading?: number;
    }
  | {
      from: 'section';
      section: string;
      matcher: RegExp;
      sample: string;
      shape?: TitleShape;
      recommended?: true;
      /** The H1 the template keeps over that section as the kind of document (`# Record` over `## Name`): no pattern's title. */
      label?: string;
    }
  | {
      from: 'none';
      /**
       * The field of the template's own metadata block that names the pattern (`- Name: (fill in the
       * feature name)` under `# Meta`, a `Title:` line): a pattern's title is read from it (lower case).
       */
      field?: string;
      /** The template's own text in that field (`(fill in the feature name)`): no pattern's title. */
      fieldSample?: string;
      /** That field identifies the pattern (`RFC Proposal ID`) rather than names it: a title only where the H1 is the label. */
      idField?: true;
      /** The H1 the template keeps over that field as a label (`# Meta`): no pattern's title either. */
      label?: string;
    };

/**
 * Where a pattern keeps its summary: the blockquote after the title, a front
 * matter key, or the first paragraph of a section of its own (`## Summary`,
 * `## Patlet`). `none`: the template has no place for one (the catalog shows
 * a pattern's first paragraph). `sentences`: at most this many sentences,
 * when the template asks for a number (`one-sentence description`).
 * `recommended`: a missing summary is a warning (`summary.recommended`).
 */
export type SummarySpec =
  | { from: 'blockquote'; sample: string; sentences?: number; recommended?: true }
  | { from: 'front-matter'; key: string; sample: string; sentences?: number; recommended?: true }
  | { from: 'section'; section: string; matcher: RegExp; sample: string; sentences?: number; recommended?: true }
  | { from: 'none' };

export interface TemplateSchema {
  /** Path of the template file. */
  file: string;
  /** The template Patternbook ships, used when the configuration names none. */
  builtIn: boolean;
  name: string;
  /** From the template's front matter (`template: name@1.2.0`), else a hash of its text. */
  version: string;
  title: TitleSpec;
  summary: SummarySpec;
  /** Front matter a pattern starts with (the template's, without its `template` key). */
  frontMatter: Record<string, unknown>;
  sections: TemplateSection[];
  /**
   * Headings the template lists in a comment as optional sections to add
   * (`<!-- OPTIONAL SECTIONS: add any of these … ## References - … -->`), folded
   * (see `foldHeading`): a pattern's section of such a name is no unknown one.
   */
  optionalNames: string[];
  /**
   * The template invites sections of the author's own (`Please feel free to add or remove sections.`,
   * `Add sections as needed.`): a heading it does not have is no finding.
   */
  ownSectionsWelcome?: true;
  placeholders: Placeholder[];
  /** The template's text: the file's, or the block's (see `embeddedAt`), its lines where they are in the file. */
  source: string;
  document: MarkdownDocument;
  /** The file's line where the template starts, when it is a ```markdown block of a page about it (see embedded.ts). */
  embeddedAt?: number;
  /** The stages the template lists for its metadata (`Status: Provisional|Implementable|…`), in order. */
  stages?: StageList[];
}
