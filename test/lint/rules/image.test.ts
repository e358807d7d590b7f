import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { sniff } from '../../../src/catalog/image-type.js';
import { tempCatalog } from '../../helpers.js';

/** Paths handed to synchronous reads by the code under test. */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const record =
    <F extends (...args: never[]) => unknown>(name: string, f: F) =>
    (...args: Parameters<F>): ReturnType<F> => {
      reads.push(`${name} ${String(args[0])}`);
      return f(...args) as ReturnType<F>;
    };
  const wrapped = { statSync: record('statSync', fs.statSync), openSync: record('openSync', fs.openSync), readFileSync: record('readFileSync', fs.readFileSync) };
  return { ...fs, ...wrapped, default: { ...fs, ...wrapped } };
});

const TEMPLATE = `# [Pattern Title]

> [One sentence]

## Overview

Describe it.

## Architecture

Add diagram here.

![Architecture Diagram](diagrams/architecture.png)

### Components

Describe each component.

## Cleanup

How to remove it.
`;

const bytes = (...values: number[]) => Uint8Array.from(values);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const GIF = new TextEncoder().encode('GIF89a\x01\x00');
const WEBP = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ');
const AVIF = bytes(0, 0, 0, 0x1c, ...new TextEncoder().encode('ftypavif'), 0, 0, 0, 0);
const SVG = '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"/>\n';

const page = (architecture: string, extra = '') => `# Bulkhead

> Separates resources per dependency.

## Overview

Pools per dependency.${extra}

## Architecture

${architecture}

### Components

Pools.

## Cleanup

Remove the pools.
`;

/** The config that asks for each pattern's images in its own folder (off by default). */
const OWN_FOLDER = { rules: { image: ['error', { ownFolder: true }] } };

async function imageProblems(architecture: string, files: Record<string, string | Uint8Array> = {}, extra = '', config: object = {}): Promise<string[]> {
  const dir = await tempCatalog({
    'templates/pattern.md': TEMPLATE,
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...config }),
    'example/diagrams/architecture.png': PNG,
    ...files,
    'example/README.md': page(architecture, extra),
  });
  const report = await lint({ root: dir, only: ['image'] });
  return report.results.flatMap((r) =>
    r.diagnostics.filter((d) => d.ruleId === 'image').map((d) => `${r.path === 'example/README.md' ? '' : `${r.path}:`}${d.line}:${d.column} ${d.message}`),
  );
}

describe('image: files', () => {
  it('passes every accepted format, in Markdown and HTML, and web images', async () => {
    const problems = await imageProblems(
      [
        '![a](diagrams/architecture.png) ![b](diagrams/b.jpg) ![c](diagrams/c.JPEG) ![d](diagrams/d.gif)',
        '![e](diagrams/e.webp) ![f](diagrams/f.avif) ![g](diagrams/g.svg "title") ![h](<diagrams/with space.svg>)',
        '<img src="diagrams/g.svg" alt="html"> ![web](https://example.org/x.png)',
      ].join('\n'),
      {
        'example/diagrams/b.jpg': JPEG,
        'example/diagrams/c.JPEG': JPEG,
        'example/diagrams/d.gif': GIF,
        'example/diagrams/e.webp': WEBP,
        'example/diagrams/f.avif': AVIF,
        'example/diagrams/g.svg': `\uFEFF${SVG}`,
        'example/diagrams/with space.svg': '<svg></svg>',
      },
    );
    expect(problems).toEqual([]);
  });

  it('warns of an image embedded as a `data:` URI, which git hosts do not show (nor the site, where it is SVG markup)', async () => {
    expect(await imageProblems('![inline](data:image/png;base64,iVBORw0KGgo=)')).toEqual([
      '11:11 Image “inline” is embedded in the text as a `data:` URI (under 1 KB): git hosts do not show such images (the site does). Save it as a file beside the pattern and link that.',
    ]);
    expect(await imageProblems('![drawn](data:image/svg+xml;base64,PHN2Zy8+)')).toEqual([
      '11:10 Image “drawn” is embedded in the text as a `data:` URI (under 1 KB): git hosts do not show such images, nor does the site. Save it as a file beside the pattern and link that.',
    ]);
  });

  it('reports a missing image at its position, with the nearest file', async () => {
    const problems = await imageProblems('Diagram: ![Pools](diagrams/architecure.png)');
    expect(problems).toEqual([
      '11:19 Image `diagrams/architecure.png` not found: there is no `example/diagrams/architecure.png` in the catalog. Did you mean `diagrams/architecture.png`? Fix the path or add the image.',
    ]);
  });

  it('checks a Hugo figure’s image (`{{< figure src="…" >}}` on a line of its own) as any other', async () => {
    const problems = await imageProblems(
      '{{< figure src="diagrams/architecture.png" alt="Pools" >}}\n\n{{< figure src="diagrams/architecure.png" caption="The pools" >}}',
    );
    expect(problems).toEqual([
      '13:17 Image `diagrams/architecure.png` not found: there is no `example/diagrams/architecure.png` in the catalog. Did you mean `diagrams/architecture.png`? Fix the path or add the image.',
    ]);
  });

  it('reports folders, empty files, other extensions and content that does not match', async () => {
    const problems = await imageProblems(
      [
        '![a](diagrams/architecture.png)',
        '![folder](diagrams)',
        '![empty](diagrams/empty.png)',
        '![bmp](diagrams/old.bmp)',
        '![none](diagrams/noext)',
        '![jpeg named png](diagrams/photo.png)',
        '![text](diagrams/notes.svg)',
        '![lfs](diagrams/big.png)',
        '![html](diagrams/page.jpg)',
      ].join('\n'),
      {
        'example/diagrams/empty.png': '',
        'example/diagrams/old.bmp': 'BM....',
        'example/diagrams/noext': PNG,
        'example/diagrams/photo.png': JPEG,
        'example/diagrams/notes.svg': '<?xml version="1.0"?>\n<notes>not a drawing</notes>\n',
        'example/diagrams/big.png': 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12345\n',
        'example/diagrams/page.jpg': '<!DOCTYPE html><html><body>Not found</body></html>',
      },
    );
    expect(problems).toEqual([
      '12:11 Image `diagrams` is a folder, not an image file: point it at the image inside, e.g. `diagrams/architecture.png`.',
      '13:10 Image `diagrams/empty.png` is an empty file (0 bytes): export the image again, or remove the reference.',
      '14:8 Image `diagrams/old.bmp` has the extension `.bmp`: expected an image file (.png, .jpg, .jpeg, .gif, .svg, .webp or .avif). Convert it, e.g. to PNG or SVG.',
      '15:9 Image `diagrams/noext` has no extension: expected an image file (.png, .jpg, .jpeg, .gif, .svg, .webp or .avif). Convert it, e.g. to PNG or SVG.',
      "16:19 Image `diagrams/photo.png` is named `.png` but holds JPEG data: browsers show it, but tools that go by the extension (optimisers, some hosts' content types) do not. Rename it to `.jpg` (or convert it).",
      '17:9 Image `diagrams/notes.svg` is not SVG data: it is XML, but no `<svg>` element starts in its first 1 KB. Export it as SVG again.',
      '18:8 Image `diagrams/big.png` is not PNG data: it is a Git LFS pointer, not the image itself. Run `git lfs pull` (or fix the LFS setup), then lint again. (A warning: the image is stored in Git LFS and not fetched in this checkout; the page links it rightly.)',
      '19:9 Image `diagrams/page.jpg` is not JPEG data: it is an HTML page (a saved error or download page?). Export or download the image itself.',
    ]);
  });

  it('a bitmap under another bitmap extension is a warning (browsers show it); an SVG under a bitmap name is an error (browsers do not)', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/diagrams/architecture.png': PNG,
      'example/diagrams/photo.png': JPEG,
      'example/diagrams/drawing.png': SVG,
      'example/README.md': page('![photo](diagrams/photo.png)\n![drawing](diagrams/drawing.png)'),
    });
    const report = await lint({ root: dir, only: ['image'] });
    const found = report.results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 35)}`));
    expect(found).toEqual(['warning Image `diagrams/photo.png` is named', 'error Image `diagrams/drawing.png` is nam']);
  });

  it('accepts images in a shared folder of the catalog, relative, root-relative and in raw HTML; a missing one is missing', async () => {
    const shared = { 'assets/img/pools.png': PNG, 'assets/img/flow.svg': SVG };
    const images = ['![a](../assets/img/pools.png)', '![b](/assets/img/flow.svg)', '<img src="../assets/img/pools.png" alt="c" width="300">'].join('\n');
    expect(await imageProblems(images, shared)).toEqual([]);
    expect(await imageProblems('![gone](../assets/img/gone.png)', shared)).toEqual([
      '11:9 Image `../assets/img/gone.png` not found: there is no `assets/img/gone.png` in the catalog. Fix the path or add the image.',
    ]);
    // Missing is said once, never also "outside", even when the catalog asks for each pattern's own folder.
    expect(await imageProblems('![a](diagrams/architecture.png) ![gone](../assets/img/gone.png)', shared, '', OWN_FOLDER)).toEqual([
      '11:41 Image `../assets/img/gone.png` not found: there is no `assets/img/gone.png` in the catalog. Fix the path or add the image.',
    ]);
  });

  it("finds an image in the folder a site generator serves at the site's root (`public/`, `static/`), written from the root or relative: a warning that says where, not 'not found'", async () => {
    const served = { 'public/pics/pools.png': PNG, 'static/img/flow.svg': SVG };
    const problems = await imageProblems('![a](/pics/pools.png) ![b](pics/pools.png) <img src="/img/flow.svg" alt="c"> ![gone](/pics/gone.png)', served);
    expect(problems).toEqual([
      "11:6 Image `/pics/pools.png` names nothing from the catalog's root, but `public/pics/pools.png` is there, in `public/`, the folder a site generator serves at the site's root: it shows on the published site and on this catalog's site (copied from there), not on git hosts nor in editors. Where the catalog is read on git hosts too, write `../public/pics/pools.png`, relative to this pattern, if the site generator publishes it so.",
      "11:28 Image `pics/pools.png` names nothing from this pattern's folder (there is no `example/pics/pools.png` in the catalog), but `public/pics/pools.png` is there, in `public/`, the folder a site generator serves at the site's root: it shows on the published site and on this catalog's site (copied from there), not on git hosts nor in editors. Where the catalog is read on git hosts too, write `../public/pics/pools.png`, relative to this pattern, if the site generator publishes it so.",
      "11:54 Image `/img/flow.svg` names nothing from the catalog's root, but `static/img/flow.svg` is there, in `static/`, the folder a site generator serves at the site's root: it shows on the published site and on this catalog's site (copied from there), not on git hosts nor in editors. Where the catalog is read on git hosts too, write `../static/img/flow.svg`, relative to this pattern, if the site generator publishes it so.",
      '11:86 Image `/pics/gone.png` not found: there is no `pics/gone.png` in the catalog. Fix the path or add the image.',
    ]);
  });

  it("finds an image written from the catalog's root in a pattern below it (`media/x.png` in `example/`): a warning with the path relative to the pattern, not 'not found'", async () => {
    const problems = await imageProblems('![q](media/images/quiet.png) ![gone](media/images/gone.png)', { 'media/images/quiet.png': PNG });
    expect(problems).toEqual([
      "11:6 Image `media/images/quiet.png` names nothing from this pattern's folder (there is no `example/media/images/quiet.png` in the catalog), but `media/images/quiet.png` is there from the catalog's root: it shows where a site reads the path from the catalog's root (this catalog's site does), not on git hosts nor in editors. Write `../media/images/quiet.png`, relative to this pattern, to have it show everywhere.",
      '11:38 Image `media/images/gone.png` not found: there is no `example/media/images/gone.png` in the catalog. Fix the path or add the image.',
    ]);
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'media/images/quiet.png': PNG,
      'example/README.md': page('![q](media/images/quiet.png)'),
    });
    const [finding] = (await lint({ root: dir, only: ['image'] })).results.flatMap((r) => r.diagnostics);
    expect([finding?.severity, finding?.expected]).toEqual(['warning', '../media/images/quiet.png']);
  });

  it('passes an SVG whose root element has a prefix bound to the SVG namespace (`<ns0:svg xmlns:ns0=…>`)', async () => {
    const prefixed = '<?xml version="1.0" encoding="utf-8"?>\n<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg" width="40pt"><ns0:rect width="4"/></ns0:svg>\n';
    expect(await imageProblems('![eq](figs/eq.svg?invert_in_darkmode)', { 'example/figs/eq.svg': prefixed })).toEqual([]);
  });

  it("finds an image in a served folder one level down (`website/static/`, `site/public/`) of the catalog's root or a folder above it: a warning that says where; never through a symbolic link", async () => {
    const elsewhere = await tempCatalog({ 'static/pics/secret.png': PNG });
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'website/static/images/proposals/arch.png': PNG,
      'website/other/images/proposals/stray.png': PNG,
    });
    await symlink(elsewhere, path.join(repo, 'linked'));
    const root = path.join(repo, 'docs', 'proposals');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'site/public/pics/pools.png': PNG,
      'example/README.md': page('![a](/images/proposals/arch.png) ![b](/pics/pools.png) ![c](/images/proposals/stray.png) ![d](/pics/secret.png)'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message}`));
    expect(found).toEqual([
      "warning Image `/images/proposals/arch.png` names nothing from the catalog's root, but `website/static/images/proposals/arch.png` of the repository is there, in `website/static/`, the folder a site generator serves at the site's root: it shows on the published site and on this catalog's site (copied from there), not on git hosts nor in a copy of the catalog alone. Copy it into the catalog, with a relative path, to keep it with the pattern.",
      "warning Image `/pics/pools.png` names nothing from the catalog's root, but `site/public/pics/pools.png` is there, in `site/public/`, the folder a site generator serves at the site's root: it shows on the published site and on this catalog's site (copied from there), not on git hosts nor in editors. Where the catalog is read on git hosts too, write `../site/public/pics/pools.png`, relative to this pattern, if the site generator publishes it so.",
      'error Image `/images/proposals/stray.png` not found: there is no `images/proposals/stray.png` in the catalog. Fix the path or add the image.',
      'error Image `/pics/secret.png` not found: there is no `pics/secret.png` in the catalog. Fix the path or add the image.',
    ]);
  });

  it('a path from the root under a folder a machine has too (`/media/images/x.png`) is the site’s where a site of the repository has it, else a missing file — not an absolute file-system path', async () => {
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'site/media/images/lion.png': PNG });
    const root = path.join(repo, 'site', 'content', 'patterns');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md': page('![a](/media/images/lion.png) ![b](/media/images/gone.png) ![c](/home/me/shot.png)'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message.split(':')[0]}`));
    expect(found).toEqual([
      "warning Image `/media/images/lion.png` names nothing from the catalog's root, but `site/media/images/lion.png` of the repository is there from `site/`, the folder a site of it is published from, likely",
      'error Image `/media/images/gone.png` not found',
      "error Image `/home/me/shot.png` is an absolute file-system path, which only exists on the machine that wrote it. Put the image in this pattern's folder (e.g. `diagrams/`) and use a relative path.",
    ]);
  });

  it('in a folder of many folders, looks for served folders only in those named as site projects (a pattern folder is none)', async () => {
    const files: Record<string, string | Uint8Array> = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['p*/README.md'] }),
      'website/static/pics/kept.png': PNG,
      'p050/static/pics/stray.png': PNG,
      'p001/README.md': page('![a](/pics/kept.png) ![b](/pics/stray.png)'),
    };
    for (let i = 2; i <= 120; i++) files[`p${String(i).padStart(3, '0')}/notes.txt`] = 'x\n';
    const root = await tempCatalog(files);
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 60)}`));
    expect(found).toEqual(["warning Image `/pics/kept.png` names nothing from the catalog's root", 'error Image `/pics/stray.png` not found: there is no `pics/stray.p']);
  });

  it("reads a relative path that names nothing from its file from the page's web address as a folder, as Hugo serves pages (`../flow.png` in `lids/0003.md`): a warning that says so", async () => {
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'site/content/shared/wide.png': PNG });
    const root = path.join(repo, 'site', 'content', 'notes');
    const files = {
      'template.md': '# Title\n\n## Plan\n\nWhat we will do.\n',
      'patternbook.config.json': JSON.stringify({ template: 'template.md', patterns: ['*.md', 'lids/*.md'] }),
      'flow.png': PNG,
      'lids/diagram.png': PNG,
      'lids/beside.png': PNG,
      // From the file: `notes/../flow.png` (nothing there); from `/0001-faster-builds/`: `notes/flow.png`. And
      // `../../shared/wide.png`, `site/shared/wide.png` from the file, is `site/content/shared/wide.png` of the repository.
      '0001-faster-builds.md': '# Faster builds\n\n## Plan\n\n![a](../flow.png) ![b](../../shared/wide.png) ![c](../gone.png)\n',
      // In the catalog both ways: `lids/../diagram.png` is `diagram.png` (nothing), `lids/0003/../diagram.png` is `lids/diagram.png`.
      'lids/0003.md': '# Lid three\n\n## Plan\n\n![d](../diagram.png) <img src="./beside.png" alt="e">\n',
      // A page at its folder's address reads the same both ways: missing is missing.
      'lids/_index.md': '# Lids\n\n## Plan\n\n![f](../diagram.png)\n',
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.column} ${d.severity} ${d.message}`));
    expect(found).toEqual([
      "0001-faster-builds.md 6 warning Image `../flow.png` names nothing from this file, but resolves to the catalog's `flow.png` relative to the page's web address as a folder (`…/0001-faster-builds/`), as Hugo, MkDocs and Jekyll (with pretty permalinks) serve pages: it shows on such a site and on this catalog's site, but is broken on git hosts and in editors, which resolve it from the file. Written from the file, `flow.png`, it shows on git hosts, and on the site too where its image render hook resolves paths from the file.",
      "0001-faster-builds.md 24 warning Image `../../shared/wide.png` names nothing from this file, but resolves to `site/content/shared/wide.png` of the repository around the catalog relative to the page's web address as a folder (`…/0001-faster-builds/`), as Hugo, MkDocs and Jekyll (with pretty permalinks) serve pages: it shows on such a site and on this catalog's site, but is broken on git hosts and in editors, which resolve it from the file. Written from the file, `../shared/wide.png`, it shows on git hosts, and on the site too where its image render hook resolves paths from the file.",
      expect.stringMatching(/^0001-faster-builds.md 52 error Image `..\/gone.png` is missing: it leaves the catalog root for `site\/content\/gone.png`/),
      "lids/0003.md 6 warning Image `../diagram.png` names nothing from this file, but resolves to the catalog's `lids/diagram.png` relative to the page's web address as a folder (`…/0003/`), as Hugo, MkDocs and Jekyll (with pretty permalinks) serve pages: it shows on such a site and on this catalog's site, but is broken on git hosts and in editors, which resolve it from the file. Written from the file, `diagram.png`, it shows on git hosts, and on the site too where its image render hook resolves paths from the file.",
      expect.stringMatching(/^lids\/_index.md 6 error Image `..\/diagram.png` not found/),
    ]);
  });

  it('reads a path written for the page’s built copy in a folder beside (`book/loops.md` built to `html/loops.html`, which holds `images/x.png`): a warning that says so; a built copy that does not hold the path is no proof', async () => {
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'html/loops.html': '<html><body><img src="images/loop.png" alt="a loop"><img src="images/gone.png"></body></html>\n',
      'html/images/loop.png': PNG,
      'html/images/gone.png': PNG,
      'html/images/stray.png': PNG,
      'html/queues.html': '<p>No pictures.</p>\n',
      'book/template.md': '# Title\n\n## Intent\n\nWhy.\n',
      'book/patternbook.config.json': JSON.stringify({ template: 'template.md', patterns: ['*.md'] }),
      // `images/loop.png` names nothing from `book/`; from `html/loops.html`, which shows it, `html/images/loop.png`.
      'book/loops.md': '# Loops\n\n## Intent\n\n<img src="images/loop.png" alt="a loop">\n\n![b](images/none.png)\n',
      // `html/queues.html` is the built copy, but it holds no such path: not found.
      'book/queues.md': '# Queues\n\n## Intent\n\n![c](images/stray.png)\n',
    });
    const root = path.join(repo, 'book');
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.line} ${d.severity} ${d.message}`));
    expect(found).toEqual([
      "loops.md 5 warning Image `images/loop.png` names nothing from this file, but resolves to `html/images/loop.png` of the repository around the catalog from the page's built copy `html/loops.html`, which shows it: the path is written for the built page. It shows there and on this catalog's site, not on git hosts nor in editors, which resolve it from the file.",
      'loops.md 7 error Image `images/none.png` not found: there is no `images/none.png` in the catalog. Fix the path or add the image.',
      'queues.md 5 error Image `images/stray.png` not found: there is no `images/stray.png` in the catalog. Fix the path or add the image.',
    ]);
  });

  it('finds an image in a served folder of the repository around the catalog (`public/` beside `docs/`): a warning that names it; never through a symbolic link', async () => {
    const elsewhere = await tempCatalog({ 'pics/secret.png': PNG });
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'public/pics/pools.png': PNG });
    await symlink(elsewhere, path.join(repo, 'static'));
    const root = path.join(repo, 'docs');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md': page('![a](/pics/pools.png) ![b](/pics/secret.png)'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message}`));
    expect(found).toEqual([
      "warning Image `/pics/pools.png` names nothing from the catalog's root, but `public/pics/pools.png` of the repository is there, in `public/`, the folder a site generator serves at the site's root: it shows on the published site and on this catalog's site (copied from there), not on git hosts nor in a copy of the catalog alone. Copy it into the catalog, with a relative path, to keep it with the pattern.",
      'error Image `/pics/secret.png` not found: there is no `pics/secret.png` in the catalog. Fix the path or add the image.',
    ]);
  });

  it('a path from the root naming a file at the root of the repository around the catalog, outside it: shows on git hosts, not in a copy of the catalog alone — a warning that says so', async () => {
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'site-assets/pics/flow.png': PNG });
    const root = path.join(repo, 'proposals');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md': page('![flow](/site-assets/pics/flow.png)'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message}`));
    expect(found).toEqual([
      "warning Image `/site-assets/pics/flow.png` is read from the root of the repository around the catalog, as git hosts read such a path: `site-assets/pics/flow.png` is there, so it shows on git hosts and on this catalog's site (copied from there), but not in a copy of the catalog alone. To keep it with the pattern, copy it into the catalog with a relative path.",
    ]);
  });

  it('reads a path from the root as git hosts do, from the root of the repository the catalog is a folder of, where it names a file of the catalog', async () => {
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'guide.md': '# Guide\n' });
    const root = path.join(repo, 'proposals');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'images/pools.png': PNG,
      // From the repository's root (`proposals/` named in the path), and from the catalog's: both the same file.
      'example/README.md': page('![a](/proposals/images/pools.png) ![b](/images/pools.png) ![c](/proposals/images/gone.png)'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`));
    expect(found).toEqual(['11:64 Image `/proposals/images/gone.png` not found: there is no `proposals/images/gone.png` in the catalog. Fix the path or add the image.']);
  });

  it('an existing image of the repository around the catalog, outside it, is a warning that names it; a missing one is missing, an error', async () => {
    const repo = await tempCatalog({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/assets/overview.png': PNG });
    const root = path.join(repo, 'docs', 'decisions');
    const files = {
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md': page('![a](../../assets/overview.png) ![b](../../assets/gone.png)'),
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 90)}`));
    expect(found).toEqual([
      'warning Image `../../assets/overview.png` leaves the catalog root for `docs/assets/overview.png` o',
      'error Image `../../assets/gone.png` is missing: it leaves the catalog root for `docs/assets/gone',
    ]);
  });

  it('with ownFolder, reports an image outside the pattern folder; always one outside the catalog (unchecked, with no repository around it), without reading it', async () => {
    const outside = await tempCatalog({ 'secret.png': PNG });
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', ...OWN_FOLDER }),
      'example/diagrams/architecture.png': PNG,
      'shared/logo.png': PNG,
      'example/README.md': page(
        [
          '![a](diagrams/architecture.png)',
          '![shared](../shared/logo.png)',
          '![up](../../../../etc/x.png)',
          '![abs](/etc/x.png)',
          '<img src="file:///etc/x.png">',
          '![enc](%2e%2e/%2e%2e/x.png)',
          '![link](diagrams/escape/secret.png)',
        ].join('\n'),
      ),
    });
    await symlink(outside, path.join(dir, 'example/diagrams/escape'));
    reads.length = 0;
    const report = await lint({ root: dir, only: ['image'] });
    const problems = report.results
      .flatMap((r) => r.diagnostics.filter((d) => d.ruleId === 'image'))
      .map((d) => `${d.line}:${d.column} ${d.message.replace(/(?:\. Put the image| It will not show).*$/, '')}`);
    const unchecked =
      'leaves the catalog root, and no git repository around the catalog tells where it leads: Patternbook does not look outside the catalog, so it is not checked.';
    expect(problems).toEqual([
      "12:11 Image `../shared/logo.png` lies outside this pattern's folder (`shared/logo.png`): this catalog keeps a pattern's images in its own folder (rule option `ownFolder`), so it can be moved, copied or exported whole. Copy the image into this pattern's folder and link it from there.",
      `13:7 Image \`../../../../etc/x.png\` ${unchecked}`,
      '14:8 Image `/etc/x.png` is an absolute file-system path, which only exists on the machine that wrote it',
      '15:11 Image `file:///etc/x.png` is a `file://` URL, which only opens on the machine that wrote it',
      `16:8 Image \`../../x.png\` ${unchecked}`,
      '17:9 Image `diagrams/escape/secret.png` is a path through a symbolic link that leads out of the catalog root',
    ]);
    expect(reads.filter((r) => /etc\/x\.png|secret|\/x\.png$/.test(r) && !r.startsWith('statSync'))).toEqual([]);
    expect(reads.filter((r) => r.includes('/etc/x.png') && !r.includes(dir))).toEqual([]);
    expect(reads.some((r) => r.startsWith('openSync ') && r.endsWith('architecture.png'))).toBe(true);
  });

  it('reports image Markdown shown as text because its path has spaces; not in code, nor a path written in angle brackets', async () => {
    const problems = await imageProblems(
      '![Relay](diagrams/Relay Diagram.png)\n\n`![Relay](diagrams/Relay Diagram.png)`\n\n![Relay](<diagrams/architecture.png>)\n\n```md\n![Relay](diagrams/Relay Diagram.png)\n```',
      { 'example/diagrams/Relay Diagram.png': PNG },
    );
    expect(problems).toEqual([
      '11:1 Image `![Relay](diagrams/Relay Diagram.png)` is shown as text, not as a picture: its path has spaces, which a Markdown link may not have. Write `![Relay](<diagrams/Relay Diagram.png>)`, or each space as `%20`.',
    ]);
  });

  it('in a catalog published with MkDocs (`mkdocs.yml`), whose site shows such an image, it is a warning that says so', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'mkdocs.yml': 'site_name: Notes\n',
      'example/diagrams/architecture.png': PNG,
      'example/diagrams/Relay Diagram.png': PNG,
      'example/README.md': page('![Relay](diagrams/Relay Diagram.png)'),
    });
    const found = (await lint({ root: dir, only: ['image'] })).results.flatMap((r) =>
      r.diagnostics.filter((d) => d.message.includes('shown as text')).map((d) => `${d.severity} ${d.message.slice(0, 90)}`),
    );
    expect(found).toEqual(['warning Image `![Relay](diagrams/Relay Diagram.png)` is shown as text on git hosts and in editors ']);
  });

  it('in a catalog published with Jekyll and its kramdown (`_config.yml`), likewise a warning that names that site; with another Markdown named there, an error', async () => {
    const shown = async (config: string) => {
      const dir = await tempCatalog({
        'templates/pattern.md': TEMPLATE,
        'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
        '_config.yml': config,
        'example/diagrams/architecture.png': PNG,
        'example/diagrams/Relay Diagram.png': PNG,
        'example/README.md': page('![Relay](diagrams/Relay Diagram.png)'),
      });
      return (await lint({ root: dir, only: ['image'] })).results.flatMap((r) =>
        r.diagnostics.filter((d) => d.message.includes('shown as text')).map((d) => `${d.severity} ${d.message.slice(0, 90)}`),
      );
    };
    expect(await shown('title: Proposals\n')).toEqual(['warning Image `![Relay](diagrams/Relay Diagram.png)` is shown as text on git hosts and in editors ']);
    expect((await shown('title: Proposals\nmarkdown: CommonMarkGhPages\n')).map((f) => f.split(' ')[0])).toEqual(['error']);
  });

  it('reports backslashes and empty sources', async () => {
    const problems = await imageProblems('![a](diagrams/architecture.png) <img src="diagrams\\architecture.png"> <img src="" alt="x">');
    expect(problems).toEqual([
      "11:1 Image “x” has an empty source: point it at an image file in this pattern's folder, or remove it.",
      '11:43 Image `diagrams\\architecture.png` separates folders with backslashes, which only Windows understands: web pages and git hosts use `/`. Write `diagrams/architecture.png`.',
    ]);
  });
});

describe("image: the template's diagram", () => {
  it("reports a section without the image the template's section shows", async () => {
    const problems = await imageProblems('One pool per dependency.');
    expect(problems).toEqual([
      "9:1 Section `## Architecture` has no image: the template shows one here (`![Architecture Diagram](diagrams/architecture.png)`). Add this pattern's diagram from `diagrams/`.",
    ]);
  });

  it('a pattern that shows an image elsewhere (at the end of the section before): a warning that names it and asks to move it if it is this one', async () => {
    const problems = await imageProblems('One pool per dependency.', { 'example/diagrams/pools.png': PNG }, '\n\n![Pools](diagrams/pools.png)');
    expect(problems).toEqual([
      "11:1 Section `## Architecture` has no image: the template shows one here (`![Architecture Diagram](diagrams/architecture.png)`). The pattern shows `diagrams/pools.png` on line 9: if that is this section's diagram, move it here (a warning).",
    ]);
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/diagrams/pools.png': PNG,
      'example/README.md': page('One pool per dependency.', '\n\n![Pools](diagrams/pools.png)'),
    });
    const report = await lint({ root: dir, only: ['image'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => d.severity))).toEqual(['warning']);
    // (Not a badge from the web, nor a logo above the text: the section's diagram is missing.)
    const badged = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/logo.png': PNG,
      'example/README.md': page('One pool per dependency.', '\n\n![build](https://img.shields.io/badge/build-passing-green.svg)').replace(
        '# Bulkhead\n',
        '# Bulkhead\n\n![logo](logo.png)\n',
      ),
    });
    const errors = await lint({ root: badged, only: ['image'] });
    expect(errors.results.flatMap((r) => r.diagnostics.map((d) => d.severity))).toEqual(['error']);
  });

  it('accepts any name, any format and sub-sections, in the template folder', async () => {
    expect(await imageProblems('Text.\n\n![Flow](diagrams/pools/flow.svg)', { 'example/diagrams/pools/flow.svg': SVG })).toEqual([]);
    expect(await imageProblems('Text.\n\n### Deployment view\n\n![Flow](./diagrams/flow.gif)', { 'example/diagrams/flow.gif': GIF })).toEqual([]);
  });

  it("with ownFolder, reports an image that is not in the template folder, on that image; without, the folder is the catalog's choice", async () => {
    expect(await imageProblems('![Pools](pools.png)', { 'example/pools.png': PNG })).toEqual([]);
    const problems = await imageProblems('![Pools](pools.png)', { 'example/pools.png': PNG }, '', OWN_FOLDER);
    expect(problems).toEqual([
      "11:10 Section `## Architecture` has no image from `diagrams/`: the template keeps this section's images there (`diagrams/architecture.png`), but `pools.png` is not. Move the image into `diagrams/` and link it from there.",
    ]);
  });

  it('with ownFolder, counts a web image as not in the folder', async () => {
    const problems = await imageProblems('![Pools](https://example.org/pools.png)', {}, '', OWN_FOLDER);
    expect(problems).toEqual([expect.stringContaining('has no image from `diagrams/`')]);
  });

  it('says a missing image as a warning, with the count, where a good share of the patterns with the section show none; an error where few lack it', async () => {
    // The template's sample picture (a placeholder path) that 3 of 5 catalogue entries have no use for.
    const template = '# [Entry Name]\n\n## Layout\n\nTODO\n\n![](/pictures/NN.png)\n\n## Use\n\nTODO\n';
    const entry = (name: string, picture: boolean) =>
      `# ${name}\n\n## Layout\n\nRows and columns for the ${name}.${picture ? `\n\n![${name}](../pictures/grid.png)` : ''}\n\n## Use\n\nFill it in weekly.\n`;
    const files = (withPicture: number) => ({
      'templates/entry.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/entry.md', patterns: ['entries/*.md'] }),
      'pictures/grid.png': PNG,
      ...Object.fromEntries(
        ['Cost Sheet', 'Risk Board', 'Term List', 'Step Plan', 'Team Canvas'].map((n, i) => [`entries/${n.replace(' ', '-')}.md`, entry(n, i < withPicture)]),
      ),
    });
    const few = await lint({ root: await tempCatalog(files(2)), only: ['image'] });
    const findings = few.results.flatMap((r) => r.diagnostics);
    expect(findings.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual(
      Array(3).fill(
        "warning 3:1 Section `## Layout` has no image: the template shows one here (`![](/pictures/NN.png)`). Add this pattern's diagram. 3 of the 5 patterns with this section show no image there: a warning.",
      ),
    );
    // One of five without: the catalog shows one there; that one is an error.
    const one = await lint({ root: await tempCatalog(files(4)), only: ['image'] });
    expect(one.errorCount).toBe(1);
    expect(one.warningCount).toBe(0);
  });

  it('asks no pattern for the template’s own picture (a file it shows beside it) where most patterns with the section do without it', async () => {
    const template =
      '# [Flow Name]\n\n## Steps\n\nEach step.\n\n### Borrowed messages\n\nHow a borrowed message changes is shown here:\n\n![how it changes](guide/adoption.png)\n';
    const flow = (name: string) => `# ${name}\n\n## Steps\n\nSend, answer.\n\n### Borrowed messages\n\nIt reuses the ack of the ack flow.\n`;
    const files = {
      'template.md': template,
      'guide/adoption.png': PNG,
      'patternbook.config.json': JSON.stringify({ template: 'template.md', patterns: ['flows/*.md'] }),
      'flows/call.md': flow('Call flow'),
      'flows/ping.md': flow('Ping flow'),
    };
    expect((await lint({ root: await tempCatalog(files), only: ['image'] })).results.flatMap((r) => r.diagnostics)).toEqual([]);
    // A path to fill in (no such file beside the template) is still asked for.
    const slot = { ...files, 'template.md': template.replace('guide/adoption.png', 'diagrams/flow.png') };
    expect((await lint({ root: await tempCatalog(slot), only: ['image'] })).errorCount).toBe(2);
  });

  it('leaves a missing section to required-section, and asks nothing when the template has no image', async () => {
    const dir = await tempCatalog({
      'templates/pattern.md': TEMPLATE,
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md': '# Bulkhead\n\n> Separates resources.\n\n## Overview\n\nPools.\n\n## Cleanup\n\nRemove.\n',
    });
    expect((await lint({ root: dir, only: ['image'] })).errorCount).toBe(0);
    const plain = await tempCatalog({
      'templates/pattern.md': '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'example/README.md': '# Bulkhead\n\n## Overview\n\nPools.\n',
    });
    expect((await lint({ root: plain, only: ['image'] })).errorCount).toBe(0);
  });
});

describe('image: sniffing', () => {
  it('tells the formats apart by their first bytes', () => {
    expect(sniff(PNG)).toBe('png');
    expect(sniff(JPEG)).toBe('jpeg');
    expect(sniff(GIF)).toBe('gif');
    expect(sniff(WEBP)).toBe('webp');
    expect(sniff(AVIF)).toBe('avif');
    expect(sniff(new TextEncoder().encode(SVG))).toBe('svg');
    expect(sniff(new TextEncoder().encode('  <svg>'))).toBe('svg');
    expect(sniff(new TextEncoder().encode(`<!--${'x'.repeat(2000)}--><svg>`).subarray(0, 1024))).toBeUndefined();
    expect(sniff(new TextEncoder().encode('<svgfoo>'))).toBeUndefined();
    // A root element with a prefix bound to the SVG namespace on itself (LaTeX-to-SVG converters write it so).
    const text = (svg: string) => sniff(new TextEncoder().encode(svg));
    expect(text('<?xml version="1.0"?>\n<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg" width="4"><ns0:rect/></ns0:svg>')).toBe('svg');
    expect(text("<x:svg viewBox='0 0 1 1'\n  xmlns:x = 'http://www.w3.org/2000/svg'>")).toBe('svg');
    expect(text('<ns0:svg xmlns:ns0="http://example.org/not-svg">')).toBeUndefined();
    expect(text('<a:svg xmlns:b="http://www.w3.org/2000/svg">')).toBeUndefined();
    expect(text('<ns0:svg>')).toBeUndefined();
    expect(text('<ns0:svgx xmlns:ns0="http://www.w3.org/2000/svg">')).toBeUndefined();
    expect(text('<ns0:svg title="xmlns:ns0=\'http://www.w3.org/2000/svg\'">')).toBeUndefined();
    expect(sniff(new Uint8Array())).toBeUndefined();
  });
});

describe('image: a Jekyll catalog’s site prefix', () => {
  it('`{{ site.baseurl }}/images/knob.svg` is the image at `/images/knob.svg`, in Markdown (its spaces inside the variable) and raw HTML; a missing one is still missing', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = { 'images/knob.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' };
    const page = (img: string) => `# Knob\n\n> Turns.\n\n## Overview\n\n${img}\n`;
    expect((await lintOne('image', page('![A knob]({{ site.baseurl }}/images/knob.svg)'), { files })).shown).toEqual([]);
    expect((await lintOne('image', page('<img src="{{ site.baseurl }}/images/knob.svg" alt="A knob">'), { files })).shown).toEqual([]);
    expect((await lintOne('image', page('![A dial]({{site.baseurl}}/images/dial.svg)'), { files })).shown).toHaveLength(1);
  });
});

describe('image: a Jekyll site built from a folder of the repository (`source: src` in `_config.yml`)', () => {
  it('`/images/knob.svg` and `{{ site.baseurl }}/images/knob.svg` are found in `src/images/`: a warning that says where, not a missing image', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = { '_config.yml': 'title: Demo\nbaseurl: ""\nsource: src\n', 'src/images/knob.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' };
    const page = (img: string) => `# Knob\n\n> Turns.\n\n## Overview\n\n${img}\n`;
    for (const src of ['/images/knob.svg', '{{ site.baseurl }}/images/knob.svg']) {
      const { diagnostics } = await lintOne('image', page(`![A knob](${src})`), { files });
      expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
      expect(diagnostics[0]!.message).toContain("names nothing from the catalog's root, but `src/images/knob.svg` is there");
    }
    const { diagnostics } = await lintOne('image', page('![A dial](/images/dial.svg)'), { files });
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('image: an Eleventy site built from a folder of the repository (`dir: { input: "docs" }`)', () => {
  it('`/assets/flow.svg` is found in `docs/assets/`: a warning that says where, not a missing image; without the configuration, missing', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const files = {
      '.eleventy.js': "export default function (config) {\n  config.addPassthroughCopy('docs/assets');\n  return { dir: { input: 'docs' } };\n}\n",
      'docs/assets/flow.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    };
    const page = `# Knob\n\n> Turns.\n\n## Overview\n\n![The flow](/assets/flow.svg)\n`;
    const { diagnostics } = await lintOne('image', page, { files });
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(diagnostics[0]!.message).toContain("names nothing from the catalog's root, but `docs/assets/flow.svg` is there");
    const { '.eleventy.js': _config, ...plain } = files;
    expect((await lintOne('image', page, { files: plain })).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe("image: a Hugo site, whose `content/` (or `contentDir`) is published at the site's root", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
  const page = `# Kiln\n\n> Fires clay.\n\n## Overview\n\n![The kiln](/guides/kiln/kiln.svg)\n\n![A shelf](/guides/kiln/shelf.svg)\n`;

  it('`/guides/kiln/kiln.svg` of a page bundle is found in `content/guides/kiln/`: a warning that says where, not a missing image; one there is not, missing', async () => {
    const { lintOne } = await import('./_lint-one.js');
    for (const config of [
      { 'hugo.yaml': 'baseURL: https://kilns.example/\ntitle: Kilns\n' },
      { 'hugo.toml': 'baseURL = "https://kilns.example/"\n' },
      // (The older name, with a key of Hugo's at its top.)
      { 'config.toml': 'baseurl = "https://kilns.example/"\n[params]\ncontentDir = "elsewhere"\n' },
    ]) {
      const { diagnostics } = await lintOne('image', page, { files: { ...config, 'content/guides/kiln/kiln.svg': svg } });
      const name = Object.keys(config)[0];
      expect(
        diagnostics.map((d) => d.severity),
        name,
      ).toEqual(['warning', 'error']);
      expect(diagnostics[0]!.message, name).toContain("names nothing from the catalog's root, but `content/guides/kiln/kiln.svg` is there, in `content/`");
    }
  });

  it('reads the folder from `contentDir` when the configuration says; a `config.yaml` of no Hugo site and no configuration leave the image missing', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const moved = await lintOne('image', page, {
      files: { 'hugo.yaml': 'contentDir: "pages" # moved\n', 'pages/guides/kiln/kiln.svg': svg, 'pages/guides/kiln/shelf.svg': svg },
    });
    expect(moved.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(moved.diagnostics[0]!.message).toContain('is there, in `pages/`');
    for (const files of [{ 'config.yaml': 'retries: 3\n' }, {}]) {
      const { diagnostics } = await lintOne('image', page, { files: { ...files, 'content/guides/kiln/kiln.svg': svg } });
      expect(diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
    }
  });
});
