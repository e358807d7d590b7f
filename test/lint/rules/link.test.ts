import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { CatalogIndex } from '../../../src/catalog/catalog-index.js';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { lintCatalog } from '../../../src/lint/engine.js';
import { lint } from '../../../src/lint/lint.js';
import { registry } from '../../../src/lint/registry.js';
import { tempCatalog } from '../../helpers.js';

/** Every path the code under test hands to a synchronous fs call, to prove what is never touched. */
const touched = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const record =
    <F extends (...args: never[]) => unknown>(name: string, f: F) =>
    (...args: Parameters<F>): ReturnType<F> => {
      touched.push(`${name} ${String(args[0])}`);
      return f(...args) as ReturnType<F>;
    };
  const realpathSync = Object.assign(record('realpathSync', fs.realpathSync), { native: record('realpathSync', fs.realpathSync.native) });
  const wrapped = {
    statSync: record('statSync', fs.statSync),
    lstatSync: record('lstatSync', fs.lstatSync),
    readFileSync: record('readFileSync', fs.readFileSync),
    openSync: record('openSync', fs.openSync),
    readdirSync: record('readdirSync', fs.readdirSync),
    existsSync: record('existsSync', fs.existsSync),
    realpathSync,
  };
  return { ...fs, ...wrapped, default: { ...fs, ...wrapped } };
});

const TEMPLATE = `# [Pattern Title]

> [One sentence]

## Overview

Describe it.

## Related Patterns

- [Related Pattern 1](../related-pattern-1/README.md)
`;

const SAGA = `# Saga

> Runs a business transaction as local steps with compensations.

## Overview

Steps and compensations.

## Data Flow

Commands go out, replies come back.

<a id="legacy-anchor"></a>
`;

async function catalog(files: Record<string, string | Uint8Array>, config: Record<string, unknown> = {}): Promise<string> {
  return tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...config }),
    'saga/README.md': SAGA,
    ...files,
  });
}

const pattern = (body: string) => `# Example\n\n> Does one thing.\n\n## Overview\n\n${body}\n`;

async function run(dir: string, options: { external?: boolean } = {}): Promise<Diagnostic[]> {
  const report = await lint({ root: dir, only: ['link'], ...options });
  return report.results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'link').map((d) => ({ ...d, file: r.path })));
}

async function linkProblems(body: string, files: Record<string, string | Uint8Array> = {}): Promise<string[]> {
  const dir = await catalog({ ...files, 'example/README.md': pattern(body) });
  return (await run(dir)).filter((d) => d.path === 'example/README.md').map((d) => `${d.line}:${d.column} ${d.message}`);
}

describe('link: relative links', () => {
  it('passes links to files, folders, the catalog root and headings that exist', async () => {
    const problems = await linkProblems(
      [
        '[saga](../saga/README.md) [folder](../saga/) [folder](../saga) [flow](../saga/README.md#data-flow) [flow](../saga#data-flow)',
        '[root-relative](/saga/README.md#overview) [self](#overview) [top](#top) [html anchor](../saga/README.md#legacy-anchor)',
        '[code line](src/app.ts#L10) [query](../saga/README.md?plain=1) [mail](mailto:a@example.org) [tel](tel:+123) [web](https://example.org/x)',
        '<a href="../saga/README.md#data-flow">html</a> [unicode](#über-uns)',
        '',
        '## Über uns',
        '',
        'Text.',
      ].join('\n'),
      { 'example/src/app.ts': 'export {};\n' },
    );
    expect(problems).toEqual([]);
  });

  it('reports a web address whose scheme is mistyped; other schemes are the author’s', async () => {
    const problems = await linkProblems(
      'See [the runtime](https.://git.example.org/runtime), [docs](htps://example.org/d), [chat](irc://example.org/x) and [notes](obsidian://open?vault=x).',
    );
    expect(problems).toEqual([
      '7:19 Link `https.://git.example.org/runtime` has the scheme `https.:`, which no browser opens: write `https:`.',
      '7:61 Link `htps://example.org/d` has the scheme `htps:`, which no browser opens: write `https:`.',
    ]);
  });

  it('reports a missing file at the link, with the nearest sibling name', async () => {
    const problems = await linkProblems('See [saga](../sgaa/README.md) and [flow](./diagrams/flwo.md).', { 'example/diagrams/flow.md': '# Flow\n' });
    expect(problems).toEqual([
      '7:12 Broken link `../sgaa/README.md`: there is no `sgaa/README.md` in the catalog. Did you mean `../saga/README.md`? Fix the path or remove the link.',
      '7:42 Broken link `./diagrams/flwo.md`: there is no `example/diagrams/flwo.md` in the catalog. Did you mean `diagrams/flow.md`? Fix the path or remove the link.',
    ]);
  });

  it('suggests a pattern slug when the folders around it are wrong, keeping the anchor', async () => {
    const problems = await linkProblems('[saga](../archive/old/sagas/README.md#data-flow)');
    expect(problems).toEqual([
      '7:8 Broken link `../archive/old/sagas/README.md#data-flow`: there is no `archive/old/sagas/README.md` in the catalog. Did you mean `../saga/README.md#data-flow`? Fix the path or remove the link.',
    ]);
  });

  it('suggests the one pattern of the same file name in another folder (moved there) before a name a letter or two away', async () => {
    const dir = await catalog(
      {
        'accepted/0037-audit-overrides.md': pattern('Audits.'),
        'withdrawn/0009-package-overrides.md': pattern('Withdrawn.'),
        'accepted/0036-overrides.md': pattern('See [the first draft](../unaccepted/0009-package-overrides.md).'),
      },
      { patterns: ['accepted/*.md', 'withdrawn/*.md', '*/README.md'] },
    );
    const found = (await run(dir)).filter((d) => (d as Diagnostic & { file: string }).file === 'accepted/0036-overrides.md').map((d) => d.message);
    expect(found).toEqual([
      'Broken link `../unaccepted/0009-package-overrides.md`: there is no `unaccepted/0009-package-overrides.md` in the catalog. Did you mean `../withdrawn/0009-package-overrides.md`? Fix the path or remove the link.',
    ]);
  });

  it('gives no suggestion when nothing is close', async () => {
    const [problem] = await linkProblems('[x](../completely-unrelated-thing/README.md)');
    expect(problem).not.toContain('Did you mean');
  });

  it('suggests the right letter case for a misspelt folder', async () => {
    const [problem] = await linkProblems('[x](../Saga/README.md)');
    expect(problem).toContain('Did you mean `../saga/README.md`?');
  });

  it('suggests an id with a character no one sees (an emoji’s variation selector) percent-encoded, never looking like the link it replaces', async () => {
    const dir = await catalog({ 'example/README.md': pattern('[past](#past-members)\n\n## Past members ❤️\n\nThey left.') });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md').map((d) => d.message);
    expect(found).toEqual([expect.stringContaining('Did you mean `#past-members-%EF%B8%8F`?')]);
  });

  it('reports anchors that match no heading, in this pattern and in others, with the nearest id (a case-only difference is not one)', async () => {
    const problems = await linkProblems('[a](#overveiw) [b](../saga/README.md#data-flwo) [c](#Overview) [d](../saga/#nothing-like-it)');
    expect(problems).toEqual([
      '7:5 Broken anchor `#overveiw`: this pattern has no heading with that id. Did you mean `#overview`? Link to an existing heading (its id is the heading text in lower case, spaces as hyphens, punctuation dropped).',
      '7:20 Broken anchor `#data-flwo` in link `../saga/README.md#data-flwo`: `saga/README.md` has no heading with that id. Did you mean `../saga/README.md#data-flow`? Link to an existing heading (its id is the heading text in lower case, spaces as hyphens, punctuation dropped).',
      '7:68 Broken anchor `#nothing-like-it` in link `../saga/#nothing-like-it`: `saga/README.md` has no heading with that id. Link to an existing heading (its id is the heading text in lower case, spaces as hyphens, punctuation dropped).',
    ]);
  });

  it('a route of a single-page app copied with its address (`#/en-US/icon`) is said as one, with no heading advice', async () => {
    const problems = await linkProblems('[icons](#/en-US/icon)');
    expect(problems).toEqual([
      "7:9 Broken link `#/en-US/icon`: a route of a single-page app (what follows `#/` names one of its pages), not a heading, and leads nowhere on git hosts or Patternbook's site. Link that app's full address instead (`https://…/#/en-US/icon`).",
    ]);
  });

  it('an anchor that keeps its heading’s punctuation is the catalog’s own site’s id where that site builds with markdown-it-anchor: a warning; elsewhere broken', async () => {
    const text = pattern('[a](#keep-logs%2C-metrics-and-traces-apart)\n\n## Keep logs, metrics and traces apart\n\nThree stores.');
    const site = await catalog({
      'example/README.md': text,
      'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^2.0.0', 'markdown-it-anchor': '^8.6.7' } }),
    });
    expect((await run(site)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message}`)).toEqual([
      expect.stringMatching(/^warning Anchor `#keep-logs,-metrics-and-traces-apart` keeps the punctuation of its heading/),
    ]);
    // (Brought in by the site generator's plugin: in the lockfile.)
    const locked = await catalog({
      'example/README.md': text,
      'package.json': JSON.stringify({ dependencies: { '@x-govuk/govuk-eleventy-plugin': '^7.0.0' } }),
      'package-lock.json': JSON.stringify({ packages: { 'node_modules/markdown-it-anchor': { version: '9.2.0' } } }),
    });
    expect((await run(locked)).filter((d) => d.path === 'example/README.md').map((d) => d.severity)).toEqual(['warning']);
    const plain = await catalog({ 'example/README.md': text });
    expect((await run(plain)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message}`)).toEqual([
      expect.stringMatching(/^error Broken anchor `#keep-logs,-metrics-and-traces-apart`/),
    ]);
  });

  it('an anchor written to MkDocs’s ids (`#upgrade-downgrade` for `## Upgrade / Downgrade`) in a catalog published with MkDocs: a warning with the id that works everywhere; elsewhere broken', async () => {
    const text = pattern('[a](#upgrade-downgrade-strategy)\n\n## Upgrade / Downgrade Strategy\n\nIn place.');
    const site = await catalog({ 'example/README.md': text, 'mkdocs.yml': 'site_name: Plans\nmarkdown_extensions:\n  - toc\n' });
    const found = (await run(site)).filter((d) => d.path === 'example/README.md');
    expect(found.map((d) => `${d.severity} ${d.message}`)).toEqual([
      "warning Anchor `#upgrade-downgrade-strategy` is its heading's id as MkDocs writes it (the catalog is published with MkDocs, whose ids join runs of spaces and dashes): it works there, not on git hosts nor on Patternbook's site, where the id is `#upgrade--downgrade-strategy`. Write `#upgrade--downgrade-strategy` to have it work everywhere else.",
    ]);
    expect(found[0]!.expected).toBe('#upgrade--downgrade-strategy');
    const plain = await catalog({ 'example/README.md': text });
    expect((await run(plain)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message}`)).toEqual([
      expect.stringMatching(/^error Broken anchor `#upgrade-downgrade-strategy`/),
    ]);
  });

  it('an anchor written without the underscores of its heading’s id (`#drop-ttl-field` for ``## Drop `__ttl__` field``) where the catalog’s Makefile validates links with mdox: a warning; elsewhere broken', async () => {
    const text = pattern('[a](#drop-ttl-field)\n\n## Drop `__ttl__` field\n\nGone.');
    const checked = await catalog({ 'example/README.md': text, Makefile: 'check:\n\t$(MDOX) fmt --soft-wraps --links.validate --check *.md\n' });
    expect((await run(checked)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message}`)).toEqual([
      "warning Anchor `#drop-ttl-field` is its heading's id without the underscores, as mdox finds headings (the catalog's checks validate links with it): it passes there, and jumps nowhere on git hosts nor on Patternbook's site, where the id is `#drop-__ttl__-field`. If mdox accepts that id too, write it; else keep the link as the catalog's checks want it.",
    ]);
    const plain = await catalog({ 'example/README.md': text, Makefile: 'check:\n\tmarkdownlint *.md\n' });
    expect((await run(plain)).filter((d) => d.path === 'example/README.md').map((d) => d.severity)).toEqual(['error']);
  });
  it('a published-site address of a Markdown file (no extension, or .html) is a warning with the path that works everywhere', async () => {
    const dir = await catalog({ 'example/README.md': pattern('[a](../saga) [b](../saga/README) [c](../saga/README.html#data-flow) [d](../saga/READM)') });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md').map((d) => [d.severity, d.message, d.expected]);
    expect(found).toEqual([
      [
        'warning',
        'Link `../saga/README` is the address a published site gives `saga/README.md`: it works there, but not on git hosts or in editors. Write `../saga/README.md`, which works everywhere.',
        '../saga/README.md',
      ],
      [
        'warning',
        'Link `../saga/README.html#data-flow` is the address a published site gives `saga/README.md`: it works there, but not on git hosts or in editors. Write `../saga/README.md#data-flow`, which works everywhere.',
        '../saga/README.md#data-flow',
      ],
      ['error', expect.stringContaining('Broken link `../saga/READM`'), undefined],
    ]);
  });

  it('an `.html` page the site generator builds from a page template beside it (`in-page/index.njk`, `tabs.liquid`) is there; one with no such source is broken', async () => {
    const dir = await catalog({
      'example/in-page/index.njk': '{% extends "layout.njk" %}\n',
      'example/tabs.liquid': '<div>{{ tabs }}</div>\n',
      'example/README.md': pattern('[a](in-page/index.html) [b](tabs.html#second) [c](gone/index.html)'),
    });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message.slice(0, 40)}`);
    expect(found).toEqual(['error Broken link `gone/index.html`: there is ']);
  });

  it('a page’s folder address from the root (`/notes/pages/alpha/`, as static site generators publish `alpha.md`) is that file’s published address', async () => {
    const dir = await catalog({ 'notes/pages/alpha.md': '# Alpha\n\nA note.\n', 'example/README.md': pattern('[a](/notes/pages/alpha/) [b](/notes/pages/beta/)') });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message.slice(0, 90)}`);
    expect(found).toEqual([
      'warning Link `/notes/pages/alpha/` is the address a published site gives `notes/pages/alpha.md`: i',
      'warning Link `/notes/pages/beta/` names no file of the catalog: a path from the root without a fil',
    ]);
  });

  it('takes a path from the root without a file extension that names nothing as an address on the published site: a warning; a missing file with one stays an error', async () => {
    const dir = await catalog({
      'example/README.md': pattern('[guide](/docs/architecture/caching) [page](/docs/architecture/patterns/saga#overview) [file](/docs/retry.md)'),
    });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message.slice(0, 60)}`);
    expect(found).toEqual([
      'warning Link `/docs/architecture/caching` names no file of the catal',
      'warning Link `/docs/architecture/patterns/saga#overview` names no fi',
      'error Broken link `/docs/retry.md`: there is no `docs/retry.md` in',
    ]);
    // The same under Related Patterns (whose missing files are related-pattern's): still said here.
    const related = await catalog({ 'example/README.md': `${pattern('Text.')}\n## Related Patterns\n\n- [Retry](/docs/patterns/retry)\n` });
    expect((await run(related)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message.slice(0, 50)}`)).toEqual([
      'warning Link `/docs/patterns/retry` names no file of the c',
    ]);
  });

  it("finds a file in the folder a site generator serves at the site's root (`public/`), and one written from the catalog's root in a pattern below it: warnings that say where, not broken", async () => {
    const dir = await catalog({
      'public/notes/limits.md': '# Limits\n',
      'files/review.md': '# Review\n\n## Before\n',
      'guides/setup.md': '# Setup\n',
      'example/README.md': pattern('[notes](/notes/limits.md) [again](notes/limits.md) [review](files/review.md#before) [gone](/notes/gone.md) [setup](guides/setup.md)'),
    });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md');
    expect(found.map((d) => `${d.severity} ${d.message}`)).toEqual([
      "warning Link `/notes/limits.md` names nothing from the catalog's root, but `public/notes/limits.md` is there, in `public/`, the folder a site generator serves at the site's root: it works on the published site and on this catalog's site, not on git hosts nor in editors. Where the catalog is read on git hosts too, write `../public/notes/limits.md`, relative to this pattern, if the site generator publishes it so.",
      "warning Link `notes/limits.md` names nothing from this pattern's folder (there is no `example/notes/limits.md` in the catalog), but `public/notes/limits.md` is there, in `public/`, the folder a site generator serves at the site's root: it works on the published site and on this catalog's site, not on git hosts nor in editors. Where the catalog is read on git hosts too, write `../public/notes/limits.md`, relative to this pattern, if the site generator publishes it so.",
      "warning Link `files/review.md#before` names nothing from this pattern's folder (there is no `example/files/review.md` in the catalog), but `files/review.md` is there from the catalog's root: it works where a site reads the path from the catalog's root (this catalog's site does), not on git hosts nor in editors. Write `../files/review.md`, relative to this pattern, to have it work everywhere.",
      'error Broken link `/notes/gone.md`: there is no `notes/gone.md` in the catalog. Fix the path or remove the link.',
      // (A page one folder off, not a folder of shared files: broken wherever it is read.)
      'error Broken link `guides/setup.md`: there is no `example/guides/setup.md` in the catalog. Fix the path or remove the link.',
    ]);
    expect(found[2]?.expected).toBe('../files/review.md#before');
  });

  it("finds a file in the folder a site generator's configuration publishes at the root (`src` of mdBook's `book.toml`, `docs_dir` of `mkdocs.yml`, Hugo's `contentDir`): a warning, not broken", async () => {
    for (const [config, folder] of [
      ['book.toml', '[book]\ntitle = "Specs"\nsrc = "book"\n'],
      ['mkdocs.yml', 'site_name: Specs\ndocs_dir: book # the pages\n'],
    ] as const) {
      const dir = await catalog({
        [config]: folder,
        'book/notes/limits.md': '# Limits\n',
        'example/README.md': pattern('[notes](/notes/limits.md) [gone](/notes/gone.md)'),
      });
      const found = (await run(dir)).filter((d) => d.path === 'example/README.md').map((d) => `${d.severity} ${d.message.slice(0, 166)}`);
      expect(found, config).toEqual([
        "warning Link `/notes/limits.md` names nothing from the catalog's root, but `book/notes/limits.md` is there, in `book/`, the folder a site generator serves at the site's root:",
        'error Broken link `/notes/gone.md`: there is no `notes/gone.md` in the catalog. Fix the path or remove the link.',
      ]);
    }
  });

  it("on a Hugo site (`contentDir`), a page's Markdown file from the site's root is broken — Hugo serves the page at its address — said with both links that work", async () => {
    const dir = await catalog({
      'hugo.toml': 'contentDir = "book"\n[params]\ncontentDir = "pages"\n',
      'book/notes/limits/_index.md': '# Limits\n',
      'example/README.md': pattern('[notes](/notes/limits/_index.md)'),
    });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md');
    expect(found.map((d) => `${d.severity} ${d.message}`)).toEqual([
      "error Broken link `/notes/limits/_index.md`: Hugo publishes `book/notes/limits/_index.md` as the page `/notes/limits/`, not as a file, and git hosts read the path from the repository's root — it leads nowhere on either. Link the page's address (`/notes/limits/`) for the site, or `../book/notes/limits/_index.md`, relative to this pattern, for git hosts.",
    ]);
  });

  it('takes a link out of a catalog kept in a folder of a repository, to a file of that repository, as a warning; to nothing there, or out of the repository, as an error', async () => {
    const repo = await catalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'shared/guide.md': '# Guide\n' });
    const root = path.join(repo, 'catalog');
    await mkdir(path.join(root, 'example'), { recursive: true });
    // A folder of the repository that is a symbolic link out of it is never followed.
    const elsewhere = await tempCatalog({ 'secret-notes.md': '# Notes\n' });
    await symlink(elsewhere, path.join(repo, 'vendor'));
    await writeFile(
      path.join(root, 'example/README.md'),
      pattern('[guide](../../shared/guide.md) [gone](../../shared/gone.md) [out](../../vendor/secret-notes.md) [far](../../../far.md) [page](../../shared/guide#setup)'),
    );
    touched.length = 0;
    const found = (await lint({ root })).results
      .flatMap((r) => r.diagnostics)
      .filter((d) => d.ruleId === 'link')
      .map((d) => `${d.severity} ${d.message.slice(0, 72)}`);
    expect(found).toEqual([
      'warning Link `../../shared/guide.md` leaves the catalog root for `shared/guide.m',
      'error Broken link `../../shared/gone.md`: it leaves the catalog root for `shar',
      'error Link `../../vendor/secret-notes.md` is a path that leaves the catalog ro',
      'error Link `../../../far.md` is a path that leaves the catalog root, so it bre',
      // (The address a published site gives a page of the repository, `guide.md`: a warning with the path that works everywhere.)
      'warning Link `../../shared/guide#setup` leaves the catalog root for `shared/guid',
    ]);
    expect(touched.filter((t) => t.includes(elsewhere) || t.includes('secret-notes.md'))).toEqual([]);
  });

  it('a path from the root to a heading of the repository’s file of that name, in a catalog whose own file of that name lacks it: a warning (git hosts read it from the repository’s root); a heading neither has, an error', async () => {
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'README.md': '# Lamps\n\n## Former maintainers\n\nAda.\n' });
    const root = path.join(repo, 'docs');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['*/README.md'] }),
      'README.md': '# Docs\n\n## Guides\n\nHow to.\n',
      'example/README.md': pattern('See the [former maintainers](/README.md#former-maintainers) and [the rest](/README.md#others).'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await run(root)).map((d) => `${d.severity} ${d.message.slice(0, 60)}`);
    expect(found).toEqual(['warning Anchor `#former-maintainers` names a heading of the reposito', 'error Broken anchor `#others` in link `/README.md#others`: `README']);
  });

  it("reads a relative link that names nothing from its file from the page's web address as a folder, as Hugo serves pages: a warning, with the path from the file when it leads into the catalog", async () => {
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'site/content/older/_index.md': '# Older notes\n' });
    const root = path.join(repo, 'site', 'content', 'notes');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['*.md'] }),
      // From the file, `../../older/` is `site/older` (nothing there); from `/notes/0001-faster/` it is `site/content/older/`.
      // `../0002-smaller/` is `notes/0002-smaller.md` by its address; `../gone/` is nothing either way.
      '0001-faster.md': pattern('[a](../../older/) [b](../0002-smaller/#overview) [c](../gone/)'),
      '0002-smaller.md': pattern('Small.'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await run(root)).map((d) => `${d.severity} ${d.message.slice(0, 80)} ${d.expected ?? '-'}`);
    expect(found).toEqual([
      'warning Link `../../older/` names nothing from this file, but leads to `site/content/old -',
      'warning Link `../0002-smaller/#overview` names nothing from this file, but leads to the  0002-smaller.md#overview',
      'error Broken link `../gone/`: it leaves the catalog root for `site/content/gone` of th -',
    ]);
  });

  it("reads a link that climbs out of a catalog at the repository's root (or with no repository around it) from the page's web address as well: `../../rules/beta` in `guides/alpha.md` for `rules/beta.md`, a warning", async () => {
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['guides/*.md', 'rules/*.md'] }),
      'guides/alpha.md': pattern('[beta](../../rules/beta) [gone](../../rules/gone) [far](../../../far)'),
      'rules/beta.md': pattern('Beta.'),
    };
    for (const around of [{ '.git/HEAD': 'ref: refs/heads/main\n' }, {}]) {
      const root = await tempCatalog({ ...around, ...files });
      const found = (await run(root)).filter((d) => d.path === 'guides/alpha.md').map((d) => `${d.severity} ${d.message.slice(0, 60)} ${d.expected ?? '-'}`);
      expect(found).toEqual([
        'warning Link `../../rules/beta` names nothing from this file, but le ../rules/beta.md',
        ...('.git/HEAD' in around
          ? ['error Link `../../rules/gone` is a path that leaves the catalog ro -', 'error Link `../../../far` is a path that leaves the catalog root,  -']
          : ['warning Link `../../rules/gone` leaves the catalog root, and no git  -', 'warning Link `../../../far` leaves the catalog root, and no git repo -']),
      ]);
    }
  });

  it('a relative link to a page beside the pattern that is in a folder above the catalog instead (`CONTRIBUTING.md` at the repository root) is broken: only shared files are read from a folder above', async () => {
    const repo = await catalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'CONTRIBUTING.md': '# Contributing\n', 'media/flow.md': '# Flow\n' });
    const root = path.join(repo, 'proposals');
    await mkdir(path.join(root, 'example'), { recursive: true });
    await writeFile(path.join(root, 'example/README.md'), pattern('[how](CONTRIBUTING.md) [flow](media/flow.md)'));
    const found = (await lint({ root })).results
      .flatMap((r) => r.diagnostics)
      .filter((d) => d.ruleId === 'link')
      .map((d) => `${d.severity} ${d.message.slice(0, 40)}`);
    expect(found).toEqual(['error Broken link `CONTRIBUTING.md`: there is ', 'warning Link `media/flow.md` names nothing from ']);
  });

  it('reads a path from the root as git hosts do, from the root of the repository the catalog is a folder of: a file there is a warning, nothing there an error', async () => {
    const repo = await catalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'spec/data-model.md': '# Data model\n\n## Attributes\n' });
    const root = path.join(repo, 'proposals');
    await mkdir(path.join(root, 'example'), { recursive: true });
    await writeFile(path.join(root, 'example/README.md'), pattern('[model](/spec/data-model.md#attributes) [gone](/spec/gone.md)'));
    const found = (await lint({ root })).results
      .flatMap((r) => r.diagnostics)
      .filter((d) => d.ruleId === 'link')
      .map((d) => `${d.severity} ${d.message}`);
    expect(found).toEqual([
      "warning Link `/spec/data-model.md#attributes` is a path from the root of the repository around the catalog, to `spec/data-model.md`: it works in the repository, not on this catalog's site nor in a copy of the catalog alone.",
      'error Broken link `/spec/gone.md`: there is no `spec/gone.md` in the catalog. Fix the path or remove the link.',
    ]);
  });

  it('never suggests another item of a numbered series (names that differ only in their numbers)', async () => {
    const problems = await linkProblems('[x](../eip-7683.md) [y](../eip-7632.md)', { 'eip-7623.md': '# EIP 7623\n' });
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p).not.toContain('Did you mean');
    // The same number is that very item, written with another separator: suggested.
    const same = await linkProblems('[z](../0302-pond_pump-volume.md)', { '0302-pond-pump-volume.md': '# Pump volume\n', '0301-pond-pump-sizing.md': '# Sizing\n' });
    expect(same).toEqual([expect.stringContaining('Did you mean `../0302-pond-pump-volume.md`?')]);
  });

  it('says when a broken link looks like a web or e-mail address written without its scheme', async () => {
    const problems = await linkProblems('[issue](golang.org/issue/16093) [Ian](ian@example.org) [notes](notes.md) [code](limit.go) [setup](setup.py)');
    expect(problems.map((p) => /It looks like (an? [\w-]+)/.exec(p)?.[1] ?? 'plain')).toEqual(['a web', 'an e-mail', 'plain', 'plain', 'plain']);
  });

  it('says when a link is a GitHub handle written as a path (`[Kim](@kimdev)`): an error, a warning where the template writes its links to people so', async () => {
    const said =
      'Link `@kimdev` is a GitHub handle written as a path: git hosts read it as the file `example/@kimdev`, which there is not. Link the profile, `https://github.com/kimdev`.';
    const dir = await catalog({ 'example/README.md': pattern('By [Kim](@kimdev).') });
    expect((await run(dir)).map((d) => `${d.severity} ${d.message} ${d.expected}`)).toEqual([`error ${said} https://github.com/kimdev`]);
    const own = await tempCatalog({
      'templates/pattern.md': TEMPLATE.replace('## Overview', '| Authors | [name](@github-username) |\n|---|---|\n\n## Overview'),
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md': pattern('By [Kim](@kimdev).'),
    });
    expect((await run(own)).map((d) => `${d.severity} ${d.message}`)).toEqual([`warning ${said} (The template writes its links to people so: a warning.)`]);
  });

  it('says when a web address is wrapped in extra parentheses or brackets (malformed Markdown read as a path)', async () => {
    const problems = await linkProblems('[spec]((https://example.org/spec)) and [fnv]([https://example.org/fnv](https://example.org/fnv))');
    expect(problems.map((p) => p.replace(/^.*? in the catalog\./, ''))).toEqual([
      ' It is the web address `https://example.org/spec` inside extra brackets or parentheses: write the link as `[text](https://example.org/spec)`. Fix the path or remove the link.',
      ' It is the web address `https://example.org/fnv` inside extra brackets or parentheses: write the link as `[text](https://example.org/fnv)`. Fix the path or remove the link.',
    ]);
  });

  it('reports a broken destination of a reference link once, at its definition, however often the label is used', async () => {
    const problems = await linkProblems(
      'See [the spec][spec], [Spec] and [spec] again; [the guide][guide] too.\n\n[spec]: ../specs/widget.md\n[guide]: ../saga/README.md#no-such-part',
    );
    // The pattern's body starts on line 7: the definitions are on lines 9 and 10.
    expect(problems.map((p) => p.replace(/: (?:there|`).*$/, ''))).toEqual([
      '9:1 Broken link `../specs/widget.md`',
      '10:1 Broken anchor `#no-such-part` in link `../saga/README.md#no-such-part`',
    ]);
  });

  it('finds an HTML anchor (`<a name="directions">`) whatever the case of the link, as GitHub does', async () => {
    expect(await linkProblems('[next](#Directions)\n\n## <a name="directions"></a>Future directions\n\nMore.')).toEqual([]);
    expect(await linkProblems('[next](#Direction)\n\n## <a name="directions"></a>Future directions\n\nMore.')).toHaveLength(1);
  });

  it('finds a MyST target (`(repo-list)=` above a heading) as an anchor', async () => {
    expect(await linkProblems('[the list](#repo-list)\n\n(repo-list)=\n## Repositories to move\n\nThree.')).toEqual([]);
    expect(await linkProblems('[the list](#repo-lists)\n\n(repo-list)=\n## Repositories to move\n\nThree.')).toHaveLength(1);
  });

  it('reads a footnote (`[^1]: …`) as a footnote, not as a link to what the note starts with', async () => {
    expect(await linkProblems('A claim.[^1] Another.[^note]\n\n[^1]:\n    ```csl-json\n    {"type": "article"}\n    ```\n\n[^note]: missing-file.md')).toEqual([]);
    // A reference-style link whose label does not start with `^` is still a link.
    expect(await linkProblems('[the guide][g]\n\n[g]: missing-file.md')).toHaveLength(1);
  });

  it('accepts an anchor that differs from a heading id only in letter case, as GitHub does', async () => {
    expect(await linkProblems('[a](#Overview) [b](../saga/README.md#Data-Flow) [c](#OVERVEIW)')).toEqual([
      '7:53 Broken anchor `#OVERVEIW`: this pattern has no heading with that id. Did you mean `#overview`? Link to an existing heading (its id is the heading text in lower case, spaces as hyphens, punctuation dropped).',
    ]);
  });

  it('checks anchors into Markdown files that are not patterns', async () => {
    const problems = await linkProblems('[guide](../docs/guide.md#setup) [guide](../docs/guide.md#instal)', { 'docs/guide.md': '# Guide\n\n## Setup\n\n## Install\n' });
    expect(problems).toEqual([
      expect.stringContaining(
        'Broken anchor `#instal` in link `../docs/guide.md#instal`: `docs/guide.md` has no heading with that id. Did you mean `../docs/guide.md#install`?',
      ),
    ]);
  });

  it('reports links in HTML too', async () => {
    const problems = await linkProblems('<p><a href="../sgaa/README.md">saga</a></p>');
    expect(problems).toEqual([expect.stringMatching(/^7:13 Broken link `\.\.\/sgaa\/README\.md`/)]);
  });

  it('reports empty destinations and backslashes', async () => {
    const problems = await linkProblems('[nothing]() and <a href="..\\saga\\README.md">saga</a>');
    expect(problems).toEqual([
      '7:1 Link “nothing” has an empty destination: point it at a file, a heading (`#id`) or a URL, or remove the link.',
      '7:26 Link `..\\saga\\README.md` separates folders with backslashes, which only Windows understands: web links and git hosts use `/`. Write `../saga/README.md`.',
    ]);
  });

  it('an empty destination under text that is an address (`[short.example/no-copies]()`): the page shows its own address, a link to itself — a warning', async () => {
    const dir = await catalog({ 'example/README.md': pattern('See [short.example/no-copies]() for this rule.') });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md');
    expect(found.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning Link “short.example/no-copies” has an empty destination: it leads to this page itself, under text that is an address. If that is this page’s own address, link it (`https://short.example/no-copies`); if not, point it where it goes.',
    ]);
  });

  it('an empty destination in an item of a checklist left unticked (`- [ ] [Demo]()`), not done yet: a warning that says so; ticked, an error; a link written wrong there, an error all the same', async () => {
    const dir = await catalog({
      'example/README.md': pattern('- [ ] [Demo recording]() shown to the guild.\n- [x] [Rollout notes]() written.\n- [ ] [Plan](../rolout/README.md) agreed.'),
    });
    const found = (await run(dir)).filter((d) => d.path === 'example/README.md');
    expect(found.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '7 warning Link “Demo recording” has an empty destination: point it at a file, a heading (`#id`) or a URL, or remove the link. (In an item whose box is left unticked, not done yet: a warning.)',
      '8 error Link “Rollout notes” has an empty destination: point it at a file, a heading (`#id`) or a URL, or remove the link.',
      expect.stringMatching(/^9 error Broken link `\.\.\/rolout\/README\.md`/),
    ]);
  });

  it('the template’s own link that asks for one (`add_your_link_here`), kept: template text, the placeholder rule’s; written by the author alone, a broken link', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n## Overview\n\n- [ ] [Demo recording](add_your_link_here) shown to the guild.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md':
        '# Example\n\n## Overview\n\n- [x] [Demo recording](add_your_link_here) shown to the guild.\n- [x] [Rollout notes](paste_link_here) written.\n',
    });
    expect((await run(dir)).map((d) => `${d.line} ${d.severity} ${d.message.slice(0, 30)}`)).toEqual(['6 error Broken link `paste_link_here`:']);
  });
});

describe('link: nothing outside the catalog is followed', () => {
  it('reports links that leave the root (unchecked, with no repository around the catalog), absolute paths and file URLs, and never touches them', async () => {
    const dir = await catalog({
      'example/README.md': pattern(
        [
          '[a](../../../../etc/passwd)',
          '[b](/etc/passwd)',
          '<a href="file:///etc/passwd">c</a>',
          '[d](%2e%2e/%2e%2e/x)',
          '<a href="%2e%2e/%2e%2e/%2e%2e/etc/passwd">e</a>',
          '[f](~/secrets.md)',
          '<a href="C:\\Windows\\win.ini">g</a>',
          '[h](../../outside-secret.md#x)',
        ].join('\n\n'),
      ),
    });
    await writeFile(path.join(dir, '..', 'outside-secret.md'), '# Secret\n');
    touched.length = 0;
    const problems = (await run(dir)).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message.replace(/ (?:Link to a file inside|It will not work).*$/, '')}`);
    const unchecked =
      'leaves the catalog root, and no git repository around the catalog tells where it leads: Patternbook does not look outside the catalog, so it is not checked.';
    expect(problems).toEqual([
      `7:5 warning Link \`../../../../etc/passwd\` ${unchecked}`,
      '9:5 error Link `/etc/passwd` is an absolute file-system path, which only exists on the machine that wrote it.',
      '11:10 error Link `file:///etc/passwd` is a `file://` URL, which only opens on the machine that wrote it.',
      `13:5 warning Link \`../../x\` ${unchecked}`,
      `15:10 warning Link \`%2e%2e/%2e%2e/%2e%2e/etc/passwd\` ${unchecked}`,
      '17:5 error Link `~/secrets.md` is a path in a home folder (`~`), which only exists on the machine that wrote it.',
      '19:10 error Link `C:\\Windows\\win.ini` is an absolute file-system path, which only exists on the machine that wrote it.',
      `21:5 warning Link \`../../outside-secret.md#x\` ${unchecked}`,
    ]);
    const outside = touched.filter((t) => /\/etc\/|passwd|win\.ini|secrets|outside-secret/.test(t) || t.endsWith(`${path.dirname(dir)}/x`));
    expect(outside).toEqual([]);
    // The recorder does see what the rule touches: the catalog's own `etc` folder was looked for, inside the root.
    expect(touched).toContain(`lstatSync ${path.join(dir, 'etc')}`);
  });

  it('reports a path through a symbolic link out of the root, and reads nothing behind it', async () => {
    const outside = await tempCatalog({ 'secret.md': '# Secret\n\n## Key\n', 'folder/inner.md': '# Inner\n' });
    const dir = await catalog({ 'example/README.md': pattern('[a](escape/secret.md#key) [b](escape/folder/missing.md) [c](escape/nope.md)') });
    await symlink(outside, path.join(dir, 'example', 'escape'));
    touched.length = 0;
    const problems = (await run(dir)).map((d) => d.message);
    expect(problems).toEqual([
      expect.stringContaining('`escape/secret.md#key` is a path through a symbolic link that leads out of the catalog root'),
      expect.stringContaining('`escape/folder/missing.md` is a path through a symbolic link that leads out of the catalog root'),
      expect.stringContaining('`escape/nope.md` is a path through a symbolic link that leads out of the catalog root'),
    ]);
    const reads = touched.filter((t) => /^(readFileSync|openSync|readdirSync) /.test(t) && (t.includes('escape') || t.includes(outside)));
    expect(reads).toEqual([]);
  });

  it('treats a leading slash as the catalog root when the catalog has that folder', async () => {
    const problems = await linkProblems('[a](/etc/notes.md) [b](/saga/README.md)', { 'etc/notes.md': '# Notes\n' });
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// External links, against a server on 127.0.0.1 (nothing else on the network).

interface TestServer {
  base: string;
  requests: string[];
  maxInFlight: number;
  close(): Promise<void>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startServer(): Promise<TestServer> {
  let inFlight = 0;
  const state = { requests: [] as string[], maxInFlight: 0 };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    state.requests.push(`${req.method} ${req.url}`);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, headers);
      res.end(req.method === 'GET' ? 'body' : undefined);
    };
    switch (url.pathname) {
      case '/ok':
        return send(200);
      case '/missing':
        return send(404);
      case '/gone':
        return send(410);
      case '/error':
        return send(503);
      case '/forbidden':
        return send(403);
      case '/moved':
        return send(301, { location: '/ok' });
      case '/moved-to-missing':
        return send(302, { location: '/missing' });
      case '/loop':
        return send(302, { location: '/loop' });
      case '/no-head':
        return send(req.method === 'HEAD' ? 405 : 200);
      case '/slow':
        // Never answers: the client's timeout must end it.
        return;
      default:
        if (url.pathname.startsWith('/delay/')) {
          setTimeout(() => send(200), 60);
          return;
        }
        return send(404);
    }
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const s: TestServer = {
    base: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(s);
  return s;
}

describe('link: external links (--external)', () => {
  it('are not requested without --external', async () => {
    const server = await startServer();
    const dir = await catalog({ 'example/README.md': pattern(`[a](${server.base}/missing)`) });
    expect(await run(dir)).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it('reports 404, 410, 5xx, timeouts, redirect loops and refused connections; passes 2xx, redirects and 403', async () => {
    const server = await startServer();
    const closed = await startServer();
    const refused = closed.base;
    await closed.close();
    const b = server.base;
    const dir = await catalog(
      {
        'example/README.md': pattern(
          [
            `[ok](${b}/ok#section) <${b}/moved> [no-head](${b}/no-head) [forbidden](${b}/forbidden)`,
            `[missing](${b}/missing)`,
            `[gone](${b}/gone)`,
            `[error](${b}/error)`,
            `[slow](${b}/slow)`,
            `[redirected](${b}/moved-to-missing)`,
            `[loop](${b}/loop)`,
            `[refused](${refused}/x)`,
          ].join('\n\n'),
        ),
        // The same URL in another pattern is requested once.
        'other/README.md': pattern(`[ok](${b}/ok) [missing](${b}/missing)`),
      },
      { rules: { link: ['error', { timeout: 0.5 }] } },
    );
    const problems = (await run(dir, { external: true })).map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);
    expect(problems).toEqual([
      `example/README.md:9:11 Broken external link \`${b}/missing\`: the server answered 404 Not Found. Update the URL or remove the link.`,
      `example/README.md:11:8 Broken external link \`${b}/gone\`: the server answered 410 Gone. Update the URL or remove the link.`,
      `example/README.md:13:9 Broken external link \`${b}/error\`: the server answered 503 Service Unavailable. Update the URL or remove the link.`,
      `example/README.md:15:8 Broken external link \`${b}/slow\`: no answer within 0.5 s. Update the URL or remove the link.`,
      `example/README.md:17:14 Broken external link \`${b}/moved-to-missing\`: the server answered 404 Not Found. Update the URL or remove the link.`,
      expect.stringMatching(
        new RegExp(`^example/README.md:19:8 Broken external link \`${b}/loop\`: the request failed \\(.+\\)\\. Update the URL or remove the link\\.$`),
      ),
      `example/README.md:21:11 Broken external link \`${refused}/x\`: the request failed (ECONNREFUSED). Update the URL or remove the link.`,
      `other/README.md:7:43 Broken external link \`${b}/missing\`: the server answered 404 Not Found. Update the URL or remove the link.`,
    ]);
    const count = (r: string) => server.requests.filter((x) => x === r).length;
    expect(count('HEAD /ok')).toBe(2); // once itself, once after /moved
    expect(count('HEAD /missing')).toBe(2); // once itself, once after /moved-to-missing
    expect(count('HEAD /no-head')).toBe(1);
    expect(count('GET /no-head')).toBe(1);
    expect(count('GET /ok')).toBe(0);
  });

  it('caches answers for the next run: a second run makes no request, except for passing failures', async () => {
    const server = await startServer();
    const b = server.base;
    const dir = await catalog({ 'example/README.md': pattern(`[ok](${b}/ok) [missing](${b}/missing) [error](${b}/error)`) });
    const first = await run(dir, { external: true });
    expect(first.map((d) => d.message)).toEqual([expect.stringContaining('/missing'), expect.stringContaining('/error')]);
    expect(server.requests.sort()).toEqual(['HEAD /error', 'HEAD /missing', 'HEAD /ok']);

    const cache = JSON.parse(await readFile(path.join(dir, '.patternbook/external-links.json'), 'utf8')) as {
      version: number;
      entries: Record<string, { ok: boolean; status: number }>;
    };
    expect(cache.version).toBe(1);
    expect(Object.keys(cache.entries).sort()).toEqual([`${b}/missing`, `${b}/ok`]);
    expect(cache.entries[`${b}/ok`]).toMatchObject({ ok: true, status: 200 });

    server.requests.length = 0;
    const second = await run(dir, { external: true });
    expect(second.map((d) => d.message)).toEqual(first.map((d) => d.message));
    // 503 is often passing: asked again; the rest came from the cache.
    expect(server.requests).toEqual(['HEAD /error']);
  });

  it('asks again once a cached answer is older than 24 hours, and can keep its cache elsewhere', async () => {
    const server = await startServer();
    const b = server.base;
    const dir = await catalog({ 'example/README.md': pattern(`[ok](${b}/ok) [moved](${b}/moved)`) });
    const cacheFile = path.join(dir, 'cache', 'links.json');
    await mkdir(path.dirname(cacheFile), { recursive: true });
    const day = 24 * 60 * 60 * 1000;
    await writeFile(
      cacheFile,
      JSON.stringify({
        version: 1,
        entries: {
          [`${b}/ok`]: { ok: false, status: 404, checkedAt: Date.now() - day - 1000 },
          [`${b}/moved`]: { ok: true, status: 200, checkedAt: Date.now() - 1000 },
          'https://unrelated.example/old': { ok: true, status: 200, checkedAt: Date.now() - 2 * day },
        },
      }),
    );
    const catalogModel = await loadCatalog({ root: dir });
    const { results } = await lintCatalog(catalogModel, { registry, only: ['link'], flags: { external: true, externalCacheFile: cacheFile } });
    expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(server.requests).toEqual(['HEAD /ok']);
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries).sort()).toEqual([`${b}/moved`, `${b}/ok`]);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const server = await startServer();
    const links = Array.from({ length: 12 }, (_, i) => `[${i}](${server.base}/delay/${i})`).join(' ');
    const dir = await catalog({ 'example/README.md': pattern(links) }, { rules: { link: ['error', { concurrency: 3 }] } });
    expect(await run(dir, { external: true })).toEqual([]);
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });
});

describe('link: "did you mean" over long lists', () => {
  it('picks what a plain edit-distance search picks, however long the list', async () => {
    const { nearest } = await import('../../../src/util/similar.js');
    const { foldText } = await import('../../../src/template/normalize.js');
    // The reference: full Levenshtein against every name, at most a third of the length (≥ 2), first of equals.
    const levenshtein = (a: string, b: string): number => {
      let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
      }
      return prev[b.length]!;
    };
    const reference = (text: string, names: string[]): string | undefined => {
      const target = foldText(text);
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const n of names) {
        const d = levenshtein(target, foldText(n));
        if (d < bestDistance) [best, bestDistance] = [n, d];
      }
      return bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
    };
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const word = () => Array.from({ length: 3 + Math.floor(random() * 14) }, () => 'abcdeéfghij-_.'[Math.floor(random() * 14)]).join('');
    const names = Array.from({ length: 2000 }, word);
    for (let i = 0; i < 300; i++) {
      const base = names[Math.floor(random() * names.length)]!;
      const text = i % 3 === 0 ? word() : base.slice(0, Math.max(1, base.length - 1 - (i % 3))) + 'x';
      expect(
        nearest(text, names, (n) => n),
        text,
      ).toBe(reference(text, names));
    }
  });
});

describe('link: a prefix the catalog’s links write for its files’ own', () => {
  // Proposals kept as `docs/kip-N.md`, their links written `./lip-N.md` (the series they were split from).
  const catalogOf = (count: number, extra: Record<string, string | Uint8Array> = {}) => {
    const files: Record<string, string | Uint8Array> = {
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'templates/pattern.md': TEMPLATE,
      ...extra,
    };
    for (let n = 1; n <= 6; n++) {
      const links = n <= count ? `Builds on [LIP-${(n % 6) + 1}](./lip-${(n % 6) + 1}.md).` : 'Stands alone.';
      files[`docs/kip-${n}.md`] = `# KIP ${n}\n\n> Kettle idea ${n}.\n\n## Overview\n\n${links}\n`;
    }
    return tempCatalog({ ...files, ...extra });
  };

  it('a swap most broken links make is the catalog’s: each such link a warning with the path that works everywhere; one it leads nowhere, a warning that says so; the relation stands', async () => {
    const dir = await catalogOf(6, {
      'docs/kip-1.md': '# KIP 1\n\n> Kettle idea 1.\n\n## Overview\n\nBuilds on [LIP-2](./lip-2.md) and [LIP-99](./lip-99.md) and [gone](./gone.md).\n',
    });
    const found = (await run(dir)).filter((d) => d.path === 'docs/kip-1.md').map((d) => `${d.severity} ${d.message}`);
    expect(found).toEqual([
      "warning Link `./lip-2.md` names `docs/lip-2.md`, which the catalog keeps as `docs/kip-2.md`: its links write `lip-` for its files' `kip-` (6 links do; its publishing renames them, likely). On a git host this link is broken; `kip-2.md` works everywhere.",
      "warning Link `./lip-99.md` names `docs/lip-99.md`, and there is no `docs/kip-99.md` either: the catalog's links write `lip-` for its files' `kip-` (6 links do), so this may be a document of the other series its publishing adds. If not, fix the path.",
      'error Broken link `./gone.md`: there is no `docs/gone.md` in the catalog. Fix the path or remove the link.',
    ]);
    const catalog = await loadCatalog({ root: dir });
    const index = new CatalogIndex(catalog);
    expect(
      index
        .relations()
        .filter((r) => r.from.slug === 'kip-1')
        .map((r) => `${r.kind} ${r.to.slug}`),
    ).toContain('mention kip-2');
  });

  it('a few such links are no convention: each stays a broken link', async () => {
    const dir = await catalogOf(2);
    expect((await run(dir)).map((d) => d.severity)).toEqual(['error', 'error']);
  });
});

describe('link: a documentation site’s route to a pattern', () => {
  it('`/recipes/breads/bread-rye/` in a catalog kept in `recipes/`: a warning with the path that works everywhere, and a relation', async () => {
    const dir = await tempCatalog({
      'recipes/patternbook.config.json': JSON.stringify({ patterns: ['*/*.md'] }),
      'recipes/breads/bread-rye.md': '# Rye Bread\n\n> Sour and dark.\n\n## Overview\n\nGoes with [the leek soup](/recipes/soups/soup-leek/).\n',
      'recipes/soups/soup-leek.md': '# Leek Soup\n\n> Green and mild.\n\n## Overview\n\nServe with [rye](/recipes/breads/bread-rye/) or [gone](/recipes/breads/gone/).\n',
    });
    const root = path.join(dir, 'recipes');
    const found = (await lint({ root, only: ['link'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.expected ?? '-'}`));
    expect(found).toEqual(['breads/bread-rye.md warning ../soups/soup-leek.md', 'soups/soup-leek.md warning ../breads/bread-rye.md', 'soups/soup-leek.md warning -']);
    const index = new CatalogIndex(await loadCatalog({ root }));
    expect(
      index
        .relations()
        .map((r) => `${r.from.slug} ${r.to.slug}`)
        .sort(),
    ).toEqual(['bread-rye soup-leek', 'soup-leek bread-rye']);
  });
});

describe('link: a Jekyll catalog’s site addresses', () => {
  it('`{{ site.baseurl }}/components/slider` is the page whose front matter sets that `permalink` (or `redirect_from`); an address no pattern sets is broken', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = {
      'slider/README.md':
        '---\ntitle: Slider\npermalink: /components/slider\nredirect_from:\n  - /old/slider\n---\n\n# Slider\n\n> Picks a value.\n\n## Overview\n\nDrag it.\n',
    };
    const page = (url: string) => `# Knob\n\n> Turns.\n\n## Overview\n\nSee the [slider](${url}).\n`;
    expect((await lintOne('link', page('{{site.baseurl}}/components/slider'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('{{ site.baseurl }}/old/slider/'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('/components/slider'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('{{site.baseurl}}/components/dial'), { files })).shown).toHaveLength(1);
  });
});

describe('link: a relative link from a page that sets its own address (`permalink: articles/knob.html`)', () => {
  it('is read from that address, as the site does: `slider.html#drag` is the page whose permalink is `articles/slider.html`; a page no pattern sets is broken, and so is the link from a page that sets none', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = {
      'slider/README.md': '---\ntitle: Slider\npermalink: articles/slider.html\n---\n\n# Slider\n\n> Picks a value.\n\n## Overview\n\nDrag it.\n',
    };
    const page = (url: string, own = '---\npermalink: articles/knob.html\n---\n\n') => `${own}# Knob\n\n> Turns.\n\n## Overview\n\nSee the [slider](${url}).\n`;
    expect((await lintOne('link', page('slider.html'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('slider.html#overview'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('../articles/slider.html'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('dial.html'), { files })).shown).toHaveLength(1);
    expect((await lintOne('link', page('slider.html', ''), { files })).shown).toHaveLength(1);
  });
});

describe('link: an anchor of the specification a pattern is written to amend', () => {
  it('names a heading of a Markdown file outside the catalog’s documents the pattern links to (here, by its address on the code host), as two of its anchors do: a warning with the link that jumps; one alone, or an id no such file has, is broken', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = { 'SPEC.md': '# Spec\n\n## Struct Field\n\nFields.\n\n## Union Field\n\nUnions.\n' };
    const page = (...anchors: string[]) =>
      `# Knob\n\n> Turns.\n\n## Overview\n\nAmends [the spec](https://github.com/acme/specs/blob/main/SPEC.md).\n\n${anchors.map((a) => `> Add after the [section](#${a}).\n`).join('\n')}`;
    const meant = await lintOne('link', page('struct-field', 'union-field'), { files });
    expect(meant.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(meant.diagnostics[0]!.message).toContain('names no heading of this pattern, but one of `../SPEC.md`, which it links to');
    expect((await lintOne('link', page('struct-field'), { files })).diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect((await lintOne('link', page('struct-field', 'map-field'), { files })).diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
  });
});

describe("link: the template's own link, copied into a pattern in another folder", () => {
  it('is still broken, and says the fix is the template’s too', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '# [Title]\n\n## Overview\n\nWhat it is.\n\n## License\n\nReleased under [CC0](./LICENSE.md).\n';
    const found = await lintOne('link', '# Knob\n\n## Overview\n\nTurns.\n\n## License\n\nReleased under [CC0](./LICENSE.md).\n', {
      template,
      files: { 'templates/LICENSE.md': 'CC0\n' },
    });
    expect(found.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(found.diagnostics[0]!.message).toContain("It is the template's own link, written for the template's folder (`templates/pattern.md`), where it works");
  });
});

describe('link: the table of contents a tool keeps (`<!-- toc -->` … `<!-- /toc -->`)', () => {
  it("an anchor that is the tool's id for a heading (code and characters beyond ASCII dropped) is a warning that says so; the same anchor outside the table, or one that names no heading, is broken", async () => {
    const { lintOne } = await import('./_lint-one.js');
    const toc = (entries: string) => `<!-- toc -->\n${entries}\n<!-- /toc -->`;
    const page = (entries: string, body = '') =>
      `# Knob\n\n> Turns.\n\n${toc(entries)}\n\n## Overview\n\n### Limits of the \`Sort\` plugin\n\nFew.\n\n### Limits of the \`Merge\` plugin\n\nMore.\n\n### ⚠️ Preemption\n\nNone.\n${body}`;
    const found = await lintOne('link', page('- [A](#limits-of-the--plugin)\n- [B](#limits-of-the--plugin-1)\n- [C](#-preemption)'));
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['6 warning', '7 warning', '8 warning']);
    expect(found.diagnostics[0]!.message).toContain("on git hosts and Patternbook's site its id is `#limits-of-the-sort-plugin`");
    expect(found.diagnostics[1]!.message).toContain('its id is `#limits-of-the-merge-plugin`');
    const outside = await lintOne('link', page('- [A](#limits-of-the-sort-plugin)', '\nSee [the limits](#limits-of-the--plugin).\n'));
    expect(outside.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['23 error']);
    const stale = await lintOne('link', page('- [A](#limits-of-the-old-plugin)'));
    expect(stale.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('link: a Jekyll site’s collections', () => {
  it('`{{ site.baseurl }}/components/accordion` is `_components/accordion.md` of the collection, a pattern or not; a page no collection holds is broken; without `_config.yml` nothing is read so', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = {
      '_config.yml': 'title: Demo\ncollections:\n  components:\n    output: true\n',
      '_components/accordion.md': '---\ntitle: Accordion\n---\n\nFolds.\n',
      '_templates/forms/review/index.md': '# Review\n',
    };
    const page = (url: string) => `# Knob\n\n> Turns.\n\n## Overview\n\nSee the [page](${url}).\n`;
    expect((await lintOne('link', page('{{site.baseurl}}/components/accordion'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('/templates/forms/review'), { files })).shown).toEqual([]);
    expect((await lintOne('link', page('{{site.baseurl}}/components/dial'), { files })).shown).toHaveLength(1);
    const { '_config.yml': _config, ...plain } = files;
    expect((await lintOne('link', page('/components/accordion'), { files: plain })).shown).toHaveLength(1);
  });
});

describe('link: a page of the folder a site generator builds the site from', () => {
  it('`/guides/caching/` is `docs/guides/caching.md` where Eleventy reads `docs` (a warning: write the path from the file); without the configuration it names no file', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = { 'eleventy.config.mjs': 'export default { dir: { input: "docs" } };\n', 'docs/guides/caching.md': '# Caching\n\n> Keeps copies.\n' };
    const page = (url: string) => `# Knob\n\n> Turns.\n\n## Overview\n\nSee the [caching guide](${url}).\n`;
    const config = { patterns: ['*/README.md', 'docs/guides/*.md'] };
    const routed = await lintOne('link', page('/guides/caching/'), { files, config });
    expect(routed.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(routed.diagnostics[0]!.message).toContain('is the route a documentation site gives `docs/guides/caching.md`');
    const { 'eleventy.config.mjs': _config, ...plain } = files;
    expect((await lintOne('link', page('/guides/caching/'), { files: plain, config })).diagnostics[0]!.message).toContain('names no file of the catalog');
  });
});

describe('link: a catalog that is a wiki (`Home.md` linking pages as `[[Page]]`, or a `_Sidebar.md`)', () => {
  const page = (title: string, body: string) => `# ${title}\n\n> Does one thing.\n\n## Overview\n\n${body}\n`;
  const wiki = (home: string, extra: Record<string, string> = {}) =>
    tempCatalog({
      'Home.md': home,
      'Pattern-template.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'Pattern-template.md', patterns: ['patterns/*.md'] }),
      'patterns/Privacy-dashboard.md': page('Privacy dashboard', 'One screen of what is shared.'),
      'principles/Minimization.md': '# Minimization\n\nKeep less.\n',
      'patterns/Lawful-consent.md': page('Lawful consent', 'See [the dashboard](Privacy-Dashboard), [less](Minimization) and [nothing](Nowhere).'),
      ...extra,
    });

  it('finds a page by its name in any folder and any case: no finding (its `.md` would break the wiki); a name no page has is broken, said so', async () => {
    const dir = await wiki('# Welcome\n\nStart with [[Patterns]].\n');
    expect((await run(dir)).map((d) => `${d.path} ${d.severity} ${d.message}`)).toEqual([
      'patterns/Lawful-consent.md error Broken link `Nowhere`: this wiki has no page of that name, in any folder. Fix the name or remove the link.',
    ]);
    // (The same with a sidebar beside a Home.md of plain links.)
    const sidebar = await wiki('# Welcome\n\nStart with [the patterns](Patterns).\n', { '_Sidebar.md': '* [Home](Home)\n' });
    expect((await run(sidebar)).map((d) => d.message)).toEqual([
      'Broken link `Nowhere`: this wiki has no page of that name, in any folder. Fix the name or remove the link.',
    ]);
  });

  it('is no wiki without a Home.md that links pages so: the links are what they read as', async () => {
    const dir = await wiki('# Welcome\n\nStart with [the patterns](Patterns).\n');
    const found = (await run(dir)).map((d) => d.message);
    expect(found).toHaveLength(3);
    expect(found.filter((m) => m.startsWith('Broken link'))).toHaveLength(3);
  });

  it('links the page of the pattern a wiki link names on the site', async () => {
    const dir = await wiki('# Welcome\n\nStart with [[Patterns]].\n');
    const { buildSite } = await import('../../../src/site/build.js');
    await buildSite({ root: dir, out: path.join(dir, '_site') });
    const html = await readFile(path.join(dir, '_site/patterns/Lawful-consent/index.html'), 'utf8');
    expect(html).toMatch(/<a href="\.\.\/Privacy-dashboard\/"[^>]*>the dashboard<\/a>/);
  });
});

describe('link: documents named by file name alone, as a catalog whose site finds pages by name writes them', () => {
  it('three links or more from two files, each to the one file of that name in another folder: warnings that give the path; one such link alone stays an error', async () => {
    const doc = (title: string, body: string) => `# ${title}\n\n> ${title}.\n\n## Overview\n\n${body}\n`;
    const files = {
      'patternbook.config.json': JSON.stringify({ patterns: ['*/*.md'] }),
      'general/0122.md': doc('Names', 'Names.'),
      'general/0213.md': doc('Types', 'Types.'),
      'apps/2713.md': doc('Apps', 'See [names](../0122.md) and [types](../0213.md#enums).'),
      'cloud/2510.md': doc('Cloud', 'See [names](../0122.md).'),
    };
    const report = await lint({ root: await tempCatalog(files), only: ['link'] });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => [r.path, d.severity, d.expected]));
    expect(found).toEqual([
      ['apps/2713.md', 'warning', '../general/0122.md'],
      ['apps/2713.md', 'warning', '../general/0213.md#enums'],
      ['cloud/2510.md', 'warning', '../general/0122.md'],
    ]);
    const alone = await lint({
      root: await tempCatalog({ ...files, 'apps/2713.md': doc('Apps', 'Nothing.'), 'cloud/2510.md': doc('Cloud', 'See [names](../0122.md).') }),
      only: ['link'],
    });
    expect(alone.results.flatMap((r) => r.diagnostics.map((d) => d.severity))).toEqual(['error']);
  });

  it('not a name in another case beside the file (`CAP-1.md` for `cap-1.md`), nor a path that names folders (`./docs/specs/a.md`): errors, however many', async () => {
    const doc = (title: string, body: string) => `# ${title}\n\n> ${title}.\n\n## Overview\n\n${body}\n`;
    const report = await lint({
      root: await tempCatalog({
        'patternbook.config.json': JSON.stringify({ patterns: ['*/*.md'] }),
        'core/cap-1.md': doc('One', 'See [two](CAP-2.md) and [specs](./docs/specs/cap-2.md).'),
        'core/cap-2.md': doc('Two', 'See [one](CAP-1.md) and [specs](./docs/specs/cap-1.md).'),
        'more/cap-3.md': doc('Three', 'See [one](../core/CAP-1.md).'),
      }),
      only: ['link'],
    });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.severity))).toEqual(['error', 'error', 'error', 'error', 'error']);
  });

  it('not a file moved into a folder of documents set aside (`defunct/`): broken wherever it is read, an error that gives its path now', async () => {
    const doc = (title: string, body: string) => `# ${title}\n\n> ${title}.\n\n## Overview\n\n${body}\n`;
    const report = await lint({
      root: await tempCatalog({
        'patternbook.config.json': JSON.stringify({ patterns: ['**/*.md'] }),
        'defunct/stacks.md': doc('Stacks', 'Old.'),
        'defunct/packs.md': doc('Packs', 'Old.'),
        'plans.md': doc('Plans', 'See [stacks](stacks.md) and [packs](packs.md).'),
        'tasks.md': doc('Tasks', 'See [stacks](stacks.md).'),
      }),
      only: ['link'],
    });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.expected} ${d.message}`))).toEqual([
      'plans.md error defunct/stacks.md Broken link `stacks.md`: the file it names is now `defunct/stacks.md`, moved into a folder of documents set aside. Write `defunct/stacks.md`.',
      'plans.md error defunct/packs.md Broken link `packs.md`: the file it names is now `defunct/packs.md`, moved into a folder of documents set aside. Write `defunct/packs.md`.',
      'tasks.md error defunct/stacks.md Broken link `stacks.md`: the file it names is now `defunct/stacks.md`, moved into a folder of documents set aside. Write `defunct/stacks.md`.',
    ]);
  });
});
