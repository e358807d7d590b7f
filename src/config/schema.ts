import { z } from 'zod';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i;

/** The configuration file's shape; unknown keys are errors so typos never pass silently. */
const severity = z.enum(['off', 'warn', 'error']);

/** `"warn"`, or `["error", { …options }]` — options are checked against the rule's own schema later. */
export const ruleSettingSchema = z.union([severity, z.tuple([severity]), z.tuple([severity, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

const rulesSchema = z.record(z.string(), ruleSettingSchema);

/** A small JSON-Schema-like description of one front matter key. */
const frontMatterPropertySchema = z.strictObject({
  type: z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object', 'date']).optional(),
  enum: z
    .array(z.union([z.string(), z.number(), z.boolean()]))
    .min(1)
    .optional(),
  /** A regular expression a string value must match. */
  pattern: z.string().optional(),
  /** For arrays: the type or allowed values of each item. */
  items: z
    .strictObject({
      type: z.enum(['string', 'number', 'integer', 'boolean']).optional(),
      enum: z
        .array(z.union([z.string(), z.number(), z.boolean()]))
        .min(1)
        .optional(),
    })
    .optional(),
});

export const frontMatterSchemaSchema = z.strictObject({
  required: z.array(z.string().min(1)).optional(),
  properties: z.record(z.string(), frontMatterPropertySchema).optional(),
  /** Whether keys not listed in `properties` are allowed (default true). */
  additionalProperties: z.boolean().optional(),
});
export type FrontMatterSchema = z.infer<typeof frontMatterSchemaSchema>;

/** `key` is read with `from: front-matter` only, `section` with `from: section` only: anything else is a mistake, said. */
function onlyWith(value: { from?: string | undefined; key?: string | undefined; section?: string | undefined }, ctx: z.RefinementCtx): void {
  const here = value.from ? `here \`from: ${value.from}\`` : 'here no `from`';
  if (value.key !== undefined && value.from !== 'front-matter')
    ctx.addIssue({ code: 'custom', path: ['key'], message: `is read only with \`from: front-matter\` (${here})` });
  if (value.section !== undefined && value.from !== 'section')
    ctx.addIssue({ code: 'custom', path: ['section'], message: `is read only with \`from: section\` (${here})` });
}

/** Per-section overrides, by section name: `{ "Production Deployment": { optional: true, aliases: [...] } }`. */
const sectionsSchema = z
  .record(
    z.string(),
    // (An entry left empty, `"Context":` after its one setting was removed, sets nothing.)
    z.preprocess(
      (v) => v ?? {},
      z.strictObject({
        optional: z.boolean().optional(),
        recommended: z.boolean().optional(),
        aliases: z.array(z.string().min(1)).optional(),
      }),
    ),
  )
  .optional();

/** Which patterns are of a status, by a front matter value's first word (`inactive`, `drafts`): a key and values, or `false` for none. */
const statusSetting = z.union([
  z.literal(false),
  z.strictObject({
    key: z.string().min(1).optional(),
    values: z.array(z.string().min(1)).min(1).optional(),
  }),
]);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /**
   * The template file; or a list of them, when the catalog has sibling templates (a
   * general one and one for a kind of pattern): each pattern is judged by the one it
   * follows best, and `new` starts from the first.
   */
  template: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  patterns: z.array(z.string().min(1)).min(1).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  outDir: z.string().min(1).optional(),
  maxFileSize: z.union([z.number().int().positive(), z.string().regex(SIZE, 'expected a size such as "5 MB"')]).optional(),
  sections: sectionsSchema,
  placeholders: z
    .strictObject({
      add: z.array(z.string().min(1)).optional(),
      ignore: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  /**
   * Where patterns keep their title, when not where the template keeps its own:
   * `{ from: front-matter, key: shortTitle }`, `{ from: section, section: Name }`; and whether a
   * missing one is an error: `{ recommended: true }` (where the template keeps it).
   */
  title: z
    .strictObject({
      /** `heading` (the H1), `front-matter` (a key), `section` (the first paragraph under a section); default: where the template keeps it. */
      from: z.enum(['heading', 'front-matter', 'section']).optional(),
      /** With `from: front-matter`: the key (default `title`). */
      key: z.string().min(1).optional(),
      /** With `from: section`: the section whose first paragraph is the title (default: one named `Title`). */
      section: z.string().min(1).optional(),
      /** A missing title is a warning, not an error (the catalog asks for one without requiring it; the site titles the pattern by its file name). */
      recommended: z.boolean().optional(),
    })
    .superRefine(onlyWith)
    .optional(),
  /**
   * Where patterns keep their summary, when not where the template keeps its own:
   * `{ from: section, section: Abstract }`, `{ from: front-matter, key: excerpt }`.
   */
  summary: z
    .strictObject({
      /** `blockquote` (right after the title), `front-matter` (a key), `section` (its first paragraph), `first-paragraph` (no place of its own: the first paragraph is shown, nothing is checked). */
      from: z.enum(['blockquote', 'front-matter', 'section', 'first-paragraph']),
      /** With `from: front-matter`: the key (default `description`). */
      key: z.string().min(1).optional(),
      /** With `from: section`: the section whose first paragraph is the summary (default: one named `Summary`, `Patlet`, `Abstract`…). */
      section: z.string().min(1).optional(),
      /** At most this many sentences (default: what the template's text asks for, as in `one-sentence description`; else any). */
      sentences: z.number().int().positive().optional(),
      /** A missing summary is a warning, not an error (the catalog asks for one without requiring it). */
      recommended: z.boolean().optional(),
    })
    .superRefine(onlyWith)
    .optional(),
  /**
   * A YAML file beside each pattern that holds its metadata (`kep.yaml`): its keys are read
   * as the pattern's front matter (the pattern's own front matter wins on a key both have).
   */
  metadataFile: z
    .string()
    .min(1)
    .regex(/^[^/\\]+$/, 'expected a file name (the file beside each pattern), such as "kep.yaml"')
    .optional(),
  /**
   * Patterns nobody maintains any more, by a front matter value (`status: Withdrawn`):
   * their findings are warnings. Default `{ key: status, values: [withdrawn, rejected,
   * superseded, stagnant, …] }`; `false` holds them to every error.
   */
  inactive: statusSetting.optional(),
  /**
   * Patterns still being written, by a front matter value (`status: Draft`): template
   * text left in them (`TBD`) is a warning. Default `{ key: status, values: [draft, wip,
   * idea, sketch, provisional, pre-draft, early] }`; `false` holds them to every error.
   */
  drafts: statusSetting.optional(),
  /**
   * A front matter key in which a pattern lists what its catalog excuses it from
   * (`ignoredRules: ["missing:copyright", "heading:open-items"]`): a template section named
   * there (by its name or its anchor, after an optional `word:`) is not asked of it, and a
   * heading of its own named there is no unknown section.
   */
  waivers: z.strictObject({ key: z.string().min(1) }).optional(),
  /** Lint rules: `{ "unknown-section": "off", "placeholder": ["error", { … }] }`. */
  rules: rulesSchema.optional(),
  /** What pattern front matter must look like, checked by the `front-matter` rule. */
  frontMatter: frontMatterSchemaSchema.optional(),
  /** The built site: its title and looks, where it is published, where its sources can be edited. */
  site: z
    .strictObject({
      title: z.string().min(1).optional(),
      /** A logo image, relative to the catalog root (copied into the site). */
      logo: z.string().min(1).optional(),
      /** Accent colour: `#rgb` or `#rrggbb`. */
      accent: z
        .string()
        .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'expected a colour such as "#2563eb"')
        .optional(),
      /** Sub-path the site is served under (`/catalog/`); `--base` overrides. */
      base: z
        .string()
        .regex(/^\/(?:[^\s?#]*\/)?$/, 'expected a path starting and ending with "/", such as "/catalog/"')
        .optional(),
      /** The published site's address (`https://example.org/catalog/`), for `sitemap.xml`. */
      url: z.url({ protocol: /^https?$/ }).optional(),
      /**
       * Where another tool publishes the catalog's pages (`https://rustsec.org/advisories`): links
       * there count as links to the patterns, and this site writes no canonical address from it.
       */
      publishedAt: z.url({ protocol: /^https?$/ }).optional(),
      /** The catalog's repository page, for "edit this page" links: `https://github.com/org/repo`. */
      repoUrl: z.url({ protocol: /^https?$/ }).optional(),
      /** The branch edit links point at (default `main`). */
      branch: z.string().min(1).optional(),
      /** Front matter keys shown on cards and offered as filters (default `tags`, `category`, `status`). */
      facets: z.array(z.string().min(1)).optional(),
      /** Show lint findings to readers (on cards and pattern pages); off by default, always on in `patternbook dev`. */
      showLint: z.boolean().optional(),
    })
    .optional(),
  /** `patternbook run` / `verify`: which sections hold the steps, and how long they may take. */
  run: z
    .strictObject({
      /**
       * The sections that are run, in order: a heading path (`Testing/Automated Testing`), or
       * `{ section, role }`. A phase named Prerequisites only checks; one named Cleanup always runs.
       */
      phases: z
        .array(z.union([z.string().min(1), z.strictObject({ section: z.string().min(1), role: z.enum(['check', 'steps', 'cleanup']) })]))
        .min(1)
        .optional(),
      /** Seconds one block may take (default 300); `{timeout=N}` on a block overrides. */
      blockTimeout: z.number().positive().optional(),
      /** Seconds a whole run may take, Cleanup excluded (default 1800). */
      timeout: z.number().positive().optional(),
      /** Only patterns with `verify: true` in their front matter are verified (default: every pattern with steps, unless `verify: false`). */
      optIn: z.boolean().optional(),
    })
    .optional(),
  /** `patternbook report` and the site's Health page. */
  report: z
    .strictObject({
      /** A pattern whose newest changelog entry is older than this many days is listed as not updated (default 365). */
      staleDays: z.number().int().positive().optional(),
    })
    .optional(),
  /** `patternbook search` and `patternbook mcp`: words the search treats as the same, added to its built-in list. */
  search: z
    .strictObject({
      /** Groups of words or phrases that mean the same here: `[["k8s", "kubernetes"], ["undo", "roll back"]]`. */
      synonyms: z.array(z.array(z.string().trim().min(1)).min(2)).optional(),
    })
    .optional(),
  /**
   * Settings for some files, later entries win: rule settings, section
   * overrides (merged over `sections`, name by name) and another template —
   * `[{ files: ["patterns/3-validated/**"], sections: { Status: { optional: false } } }]`.
   */
  overrides: z
    .array(
      z.strictObject({
        files: z.array(z.string().min(1)).min(1),
        rules: rulesSchema.optional(),
        sections: sectionsSchema,
        template: z.string().min(1).optional(),
      }),
    )
    .optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

export const CONFIG_KEYS = Object.keys(configSchema.shape).filter((k) => k !== '$schema');

export const DEFAULTS = {
  patterns: ['*/README.md'],
  exclude: [] as string[],
  outDir: '_site',
  maxFileSize: 5 * 1024 * 1024,
};

export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = SIZE.exec(value)!;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[m[2]!.toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.round(Number(m[1]) * unit);
}
