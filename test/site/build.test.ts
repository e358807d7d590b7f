import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { lint } from '../../src/lint/lint.js';
import { replaceSite, SITE_MARKER } from '../../src/site/out-dir.js';
import { fixture, listFiles, REPO, runCli, tempCatalog } from '../helpers.js';

/** A folder that lives for a whole describe block (tempCatalog's are removed after each test). */
const shared: string[] = [];
afterAll(async () => {
  await Promise.all(shared.map((d) => rm(d, { recursive: true, force: true })));
});
async function sharedSite(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'patternbook-site-'));
  shared.push(dir);
  return path.join(dir, 'site');
}

const EXAMPLES = path.join(REPO, 'examples/catalog');
const SLUGS = ['bulkhead', 'cache-aside', 'circuit-breaker', 'idempotent-consumer', 'retry-with-backoff', 'saga', 'strangler-fig', 'transactional-outbox'];

describe('patternbook build: the example catalog', async () => {
  const out = await sharedSite();
  const summary = await buildSite({ root: EXAMPLES, out });

  it('writes a home page, a page per pattern with its diagram beside it, a 404 page, catalog.json and the search index', async () => {
    expect(summary.pages).toBe(8);
    const all = await listFiles(out);
    for (const slug of SLUGS) {
      expect(all).toContain(`patterns/${slug}/index.html`);
      expect(all.some((f) => f.startsWith(`patterns/${slug}/diagrams/`))).toBe(true);
    }
    expect(all).toEqual(expect.arrayContaining(['index.html', '404.html', 'catalog.json', SITE_MARKER, 'assets/site.css', 'assets/site.js', 'pagefind/pagefind-ui.js']));
    const entry = JSON.parse(await readFile(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(8);
    const catalog = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as { patterns: { slug: string; backlinks: string[] }[] };
    expect(catalog.patterns.map((p) => p.slug)).toEqual(SLUGS);
  });

  it('turns links between patterns into links between pages, with the anchors lint checks', async () => {
    const saga = await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8');
    expect(saga).toContain('href="../transactional-outbox/"');
    expect(saga).toContain('<h2 id="overview">');
    expect(saga).toMatch(/<img src="diagrams\/[^"]+\.svg"/);
    // Backlinks: the patterns whose relations name saga.
    expect(saga).toMatch(/Referenced by<\/h2><ul class="mini-cards">.*href="\.\.\/transactional-outbox\/"/s);
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    for (const slug of SLUGS) expect(home).toContain(`href="patterns/${slug}/"`);
  });

  it('gives every page a Content-Security-Policy that allows no inline script', async () => {
    for (const page of ['index.html', '404.html', 'patterns/saga/index.html']) {
      const text = await readFile(path.join(out, page), 'utf8');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(text)?.[1] ?? '';
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("base-uri 'none'");
      expect(text).not.toMatch(/<script>(?!<\/script>)/);
    }
  });

  it('builds byte-identical output from the same input', async () => {
    const again = path.join(await tempCatalog(), 'site');
    await buildSite({ root: EXAMPLES, out: again });
    const list = await listFiles(out);
    expect(await listFiles(again)).toEqual(list);
    for (const f of list) expect((await readFile(path.join(again, f))).equals(await readFile(path.join(out, f))), f).toBe(true);
  });
});

describe('patternbook build: hostile content', async () => {
  const root = fixture('catalogs/hostile-site');
  const out = await sharedSite();
  await buildSite({ root, out });
  const pages = (await listFiles(out)).filter((f) => f.endsWith('.html'));

  it('keeps no script, handler, frame, form, base, meta refresh, style or dangerous URL from the pattern', async () => {
    for (const page of pages) {
      const text = await readFile(path.join(out, page), 'utf8');
      // The only scripts are the site's own files.
      for (const tag of text.match(/<script\b[^>]*>/g) ?? [])
        expect(tag, page).toMatch(/^<script src="(?:\/|(?:\.\.\/)*)(?:assets\/(?:theme|site|graph|diagrams)\.js|pagefind\/pagefind-ui\.js)">$/);
      expect(text).not.toMatch(/<script>[^<]/);
      // Payloads may remain as visible, escaped text; no tag may carry them.
      const tags = text.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.length).toBeGreaterThan(10);
      expect(tags.filter((t) => /http-equiv/i.test(t)).length, page).toBe(1);
      for (const tag of tags) {
        // The Health page's charts are the site's own SVG: exactly this shape, nothing from a pattern in it.
        if (page === 'health/index.html' && /^<svg role="img" viewBox="[\d ]+" width="\d+" height="\d+">$/.test(tag)) continue;
        // A diagram drawn at build time: SVG through its own allow-list (test/site/diagrams.test.ts), exactly this opening tag.
        if (
          /^<svg role="img" aria-labelledby="d[0-9a-f]{12}-title" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[\d. ]+" width="[\d.]+" height="[\d.]+">$/.test(tag)
        )
          continue;
        expect(tag, page).not.toMatch(/^<(iframe|form|svg|math|base|object|embed|style)\b/i);
        // Attributes as written (values are always double-quoted and escaped): names and URL values.
        for (const [, name, value = ''] of tag.matchAll(/\s([^\s=>"'/]+)(?:="([^"]*)")?/g)) {
          expect(name, `${page}: ${tag}`).not.toMatch(/^on/i);
          expect(name, `${page}: ${tag}`).not.toMatch(/^(style|srcdoc|formaction)$/i);
          // The page's own CSP is the only http-equiv.
          if (/^http-equiv$/i.test(name!)) expect(value, `${page}: ${tag}`).toBe('Content-Security-Policy');
          if (/^(href|src|action|data)$/i.test(name!)) expect(value.replace(/&#0*58;|&colon;/gi, ':'), `${page}: ${tag}`).not.toMatch(/^\s*(javascript|vbscript|data):/i);
        }
      }
    }
  });

  it('never copies or links what lies outside the pattern folder, and marks it', async () => {
    const all = await listFiles(out);
    expect(all.filter((f) => f.startsWith('patterns/xss/'))).toEqual(['patterns/xss/diagrams/arch.svg', 'patterns/xss/index.html']);
    for (const f of all) {
      const content = await readFile(path.join(out, f), 'latin1');
      expect(content, f).not.toContain('TOP SECRET');
      expect(content, f).not.toContain('root:x:0');
    }
    const page = await readFile(path.join(out, 'patterns/xss/index.html'), 'utf8');
    expect(page).toContain('<a class="missing" data-missing="leads out of the catalog">secret</a>');
    expect(page).toContain('<span class="missing">outside</span>');
    expect(page).toContain('href="../friend/"');
    // The SVG is shown only through <img>, where its script cannot run.
    expect(page).toContain('<img src="diagrams/arch.svg"');
  });

  it('shows the payloads as text where they were text (title, tags, code)', async () => {
    const page = await readFile(path.join(out, 'patterns/xss/index.html'), 'utf8');
    // The html code block: highlighted, so its text is split into spans; without them it reads as written.
    const code = /<code class="language-html">([\s\S]*?)<\/code>/.exec(page)?.[1] ?? '';
    expect(code.replace(/<[^>]+>/g, '')).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // The diagram is drawn at build time; its hostile label is text in it.
    expect(page).toMatch(/<svg role="img"[^>]*>[\s\S]*<text[^>]*>&lt;img src=x onerror=window.__pwned=1&gt;<\/text>/);
  });
});

describe('patternbook build: the output folder', () => {
  it('refuses the catalog itself, a folder above it, the home folder, / and a non-empty folder it did not make (exit 2)', async () => {
    const root = await tempCatalog({ 'a/README.md': '# A\n\n> A.\n' });
    const foreign = await tempCatalog({ 'keep.txt': 'mine' });
    for (const [out, why] of [
      [root, 'it is the catalog itself'],
      [path.dirname(root), 'it holds the catalog'],
      [homedir(), 'home folder'],
      ['/', 'root of the file system'],
      [foreign, 'not empty and was not made by Patternbook'],
    ] as const) {
      const run = await runCli(['build', root, '--out', out], REPO);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain(why);
    }
    expect(await readFile(path.join(foreign, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('replaces a site it built, and leaves it intact when a build fails', async () => {
    const root = await tempCatalog({ 'a/README.md': '# A\n\n> A.\n' });
    const out = path.join(await tempCatalog(), 'site');
    const first = await runCli(['build', root, '--out', out], REPO);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Built .*: 1 pattern page, 0 images and files, search index \d+ KB, in [\d.]+ s\.$/m);
    await writeFile(path.join(root, 'a/README.md'), '# A changed\n\n> A.\n');
    expect((await runCli(['build', root, '--out', out], REPO)).code).toBe(0);
    expect(await readFile(path.join(out, 'patterns/a/index.html'), 'utf8')).toContain('A changed');

    await expect(
      replaceSite(out, root, async (dir) => {
        await mkdir(path.join(dir, 'half'));
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(path.join(out, 'patterns/a/index.html'), 'utf8')).toContain('A changed');
    // Nothing left behind beside it.
    expect((await readdir(path.dirname(out))).filter((n) => n !== 'site')).toEqual([]);
    expect(existsSync(path.join(out, 'half'))).toBe(false);
  });
});

describe('patternbook build: configuration', () => {
  it('uses the site settings: title, logo, edit links, sitemap for the published address, --base for the 404 page; a file that cannot load is listed and exits 1', async () => {
    const root = await tempCatalog({
      'patternbook.config.yaml': [
        'site:',
        '  title: Team patterns',
        '  logo: brand/logo.svg',
        '  url: https://example.org/patterns/',
        '  repoUrl: https://github.com/acme/patterns',
        '  branch: trunk',
        '  facets: [area]',
      ].join('\n'),
      'brand/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
      'alpha/README.md': '---\narea: payments\n---\n# Alpha\n\n> First.\n\n## Overview\n\nText.\n\n## Related Patterns\n\n- [Beta](../beta/README.md)\n',
      'beta/README.md': '# Beta\n\n> Second.\n\n## Overview\n\nText.\n',
      // Front matter never closed: where its body starts is unknown, so it does not load.
      'broken/README.md': '---\narea: [unclosed\n# Broken\n',
    });
    const out = path.join(await tempCatalog(), 'site');
    const run = await runCli(['build', root, '--out', out, '--base', '/patterns/'], REPO);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken/README.md');
    expect(run.stdout).toMatch(/Built .*: 2 pattern pages/);
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('<title>Team patterns</title>');
    expect(home).toContain('<img src="assets/logo.svg"');
    expect(home).toContain('data-facet="area"');
    expect(existsSync(path.join(out, 'assets/logo.svg'))).toBe(true);
    const alpha = await readFile(path.join(out, 'patterns/alpha/index.html'), 'utf8');
    expect(alpha).toContain('href="https://github.com/acme/patterns/edit/trunk/alpha/README.md"');
    expect(alpha).toContain('<title>Alpha · Team patterns</title>');
    const sitemap = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/patterns/patterns/alpha/</loc>');
    expect(sitemap).not.toContain('broken');
    const notFound = await readFile(path.join(out, '404.html'), 'utf8');
    expect(notFound).toContain('href="/patterns/assets/site.css"');
    const beta = await readFile(path.join(out, 'patterns/beta/index.html'), 'utf8');
    expect(beta).toMatch(/Referenced by<\/h2><ul class="mini-cards"><li><a href="\.\.\/alpha\/">Alpha<\/a>/);
  });

  it('refuses a --base that is not a path between slashes (exit 2)', async () => {
    const root = await tempCatalog({ 'a/README.md': '# A\n' });
    const run = await runCli(['build', root, '--out', path.join(await tempCatalog(), 'site'), '--base', 'patterns'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a path starting and ending with "/"');
  });
});

describe('dev: rebuilding one edited pattern', () => {
  it('rewrites that pattern (and its neighbours) without reading the catalog again; home only when a card changes', async () => {
    const { buildSiteWithState } = await import('../../src/site/build.js');
    const { updatePattern } = await import('../../src/site/update.js');
    const { cp, stat } = await import('node:fs/promises');
    const root = await tempCatalog();
    await cp(EXAMPLES, root, { recursive: true, filter: (src) => !src.includes('_site') });
    const out = path.join(await tempCatalog(), 'site');
    const { state } = await buildSiteWithState({ root, out, dev: true });
    const file = path.join(root, 'saga/README.md');
    const original = await readFile(file, 'utf8');
    const homeBefore = (await stat(path.join(out, 'index.html'))).mtimeMs;

    // What the incremental update keeps of every page (relations, lint, titles) is what a full working out gives.
    const { pageMetas } = await import('../../src/site/model.js');
    const { throughBaseline } = await import('../../src/lint/lint.js');
    const { siteNav, navOf } = await import('../../src/site/nav.js');
    const strip = (metas: typeof state.metas) => metas.map(({ version: _v, updated: _u, ...m }) => m);
    const asFull = () => {
      const full = pageMetas(state.session.catalog, throughBaseline(root, state.session.results).results, state.relations);
      expect(strip(state.metas)).toEqual(strip(full));
      const nav = navOf(new Map(state.metas.map((m) => [m.slug, m])));
      expect(nav.groups).toEqual(siteNav(full).groups);
    };

    // Body text only: the saga page changes, the cards do not.
    await writeFile(file, original.replace('## Overview\n', '## Overview\n\nA sentence added in the editor.\n'));
    const quick = await updatePattern(state, file);
    expect(quick).toBeDefined();
    expect(await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8')).toContain('A sentence added in the editor.');
    expect((await stat(path.join(out, 'index.html'))).mtimeMs).toBe(homeBefore);
    asFull();

    // A link to a pattern saga had nothing to do with: that one now has saga among what links to it.
    await writeFile(file, original.replace('## Overview\n', '## Overview\n\nUnlike a [Bulkhead](../bulkhead/README.md), it spans services.\n'));
    expect(await updatePattern(state, file)).toBeDefined();
    expect(state.metas.find((m) => m.slug === 'bulkhead')?.backlinks).toContain('saga');
    asFull();

    // A new title changes its card: home shows it, and so do the pages that list saga.
    await writeFile(file, original.replace(/^# Saga$/m, '# Saga Orchestration'));
    expect(await updatePattern(state, file)).toBeDefined();
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Saga Orchestration');
    expect(await readFile(path.join(out, 'patterns/transactional-outbox/index.html'), 'utf8')).toContain('Saga Orchestration');
    expect(state.metas.find((m) => m.slug === 'bulkhead')?.backlinks).not.toContain('saga');
    asFull();

    // A file that no longer loads: its last good page stays, and the error is reported.
    // Its front matter's closing line deleted (a half-typed edit): it does not load.
    await writeFile(file, original.replace(/^(---\n[\s\S]*?\n)---\n/, '$1'));
    const broken = await updatePattern(state, file);
    expect(broken?.problems.map((d) => d.path)).toContain('saga/README.md');
    expect(await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8')).toContain('Saga Orchestration');
    // Not a pattern file: a full build.
    expect(await updatePattern(state, path.join(root, 'saga/diagrams/new.svg'))).toBeUndefined();
  });
});

describe('dev: an edited page whose summary several patterns copy word for word', () => {
  it('shows the page’s own words after the quick rebuild, as the full build does', async () => {
    const { buildSiteWithState } = await import('../../src/site/build.js');
    const { updatePattern } = await import('../../src/site/update.js');
    const spec = (name: string, rule = `${name} rule keeps the lamps lit.`) =>
      `---\ntitle: ${name}\ndescription: A rule of the Lantern program\n---\n\n## Rule\n\n${rule}\n`;
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['specs/*.md'] }),
      'specs/lamps.md': spec('Lamps'),
      'specs/wicks.md': spec('Wicks'),
      'specs/oil.md': spec('Oil'),
    });
    const out = path.join(await tempCatalog(), 'site');
    const { state } = await buildSiteWithState({ root, out, dev: true });
    const file = path.join(root, 'specs/oil.md');
    await writeFile(file, spec('Oil', 'Oil is bought in bulk each spring.'));
    expect(await updatePattern(state, file)).toBeDefined();
    expect(state.metas.find((m) => m.slug === 'oil')?.summary).toBe('Oil is bought in bulk each spring.');
    expect(await readFile(path.join(out, 'patterns/oil/index.html'), 'utf8')).toContain('<meta name="description" content="Oil is bought in bulk each spring.">');
  });
});

describe('patternbook build: progress on a terminal', () => {
  it('draws a progress bar for a few hundred patterns on a terminal, and none when the output is not one', async () => {
    const { generateCatalog } = await import('../../bench/generate-catalog.mjs');
    const root = await tempCatalog();
    generateCatalog(root, { count: 320, seed: 3, defectRate: 0 });
    const tty = await runCli(['build', root, '--out', path.join(await tempCatalog(), 'site')], REPO, { tty: true });
    expect(tty.stderr).toMatch(/\r\[#*-*\] \d+\/320 pages/);
    expect(tty.stderr).toContain('\r\x1b[2K');
    const piped = await runCli(['build', root, '--out', path.join(await tempCatalog(), 'site')], REPO);
    expect(piped.stderr).not.toContain('pages');
    expect(piped.stdout).toMatch(/Built .*: 320 pattern pages/);
  }, 60_000);
});

describe('patternbook build: what `verify` found', () => {
  const pattern = (title: string) => `# ${title}\n\n> ${title} in one sentence.\n\n## Overview\n\nText.\n`;

  it('shows no verification badge in a catalog that keeps no results', async () => {
    const root = await tempCatalog({ 'a/README.md': pattern('Alpha') });
    const out = path.join(await tempCatalog(), 'site');
    await buildSite({ root, out });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toContain('class="verified');
  });

  it('shows verified, failing and never verified from .patternbook/verify, on cards, pages and in catalog.json', async () => {
    const root = await tempCatalog({ 'a/README.md': pattern('Alpha'), 'b/README.md': pattern('Beta'), 'c/README.md': pattern('Gamma') });
    const record = (slug: string, status: 'passed' | 'failed', reason?: string) =>
      JSON.stringify({
        slug,
        file: `${slug}/README.md`,
        status,
        when: '2026-11-20T10:00:00.000Z',
        commit: 'abcdef1234567890',
        template: { name: 'pattern', version: '1.0.0' },
        durationMs: 10,
        blocks: [],
        patternbook: '0.1.0',
        ...(reason ? { reason } : {}),
      });
    await mkdir(path.join(root, '.patternbook/verify'), { recursive: true });
    await writeFile(path.join(root, '.patternbook/verify/a.json'), record('a', 'passed'));
    await writeFile(path.join(root, '.patternbook/verify/b.json'), record('b', 'failed', 'Step 2 failed (exit 1)'));
    // A damaged record counts as none, and the build says so.
    await writeFile(path.join(root, '.patternbook/verify/c.json'), '{ not json');
    const out = path.join(await tempCatalog(), 'site');
    const summary = await buildSite({ root, out });
    expect(summary.problems.filter((p) => p.ruleId === 'verify-record').map((p) => p.path)).toEqual(['.patternbook/verify/c.json']);

    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    const card = (title: string) => home.slice(home.indexOf(`>${title}</a>`), home.indexOf('</li>', home.indexOf(`>${title}</a>`)));
    expect(card('Alpha')).toMatch(/class="verified passed"[^>]*>verified <time datetime="2026-11-20T10:00:00.000Z">2026-11-20<\/time>/);
    expect(card('Beta')).toMatch(/class="verified failed"[^>]*title="[^"]*Step 2 failed \(exit 1\)"[^>]*>failing/);
    expect(card('Gamma')).toContain('class="verified never"');
    const page = await readFile(path.join(out, 'patterns/b/index.html'), 'utf8');
    expect(page).toContain('Step 2 failed (exit 1)');
    const catalog = JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')) as { patterns: { slug: string; verification?: { status: string } }[] };
    expect(Object.fromEntries(catalog.patterns.map((p) => [p.slug, p.verification?.status]))).toEqual({ a: 'passed', b: 'failed', c: 'never' });
  });
});

describe('patternbook build: images kept in a shared folder of the catalog', () => {
  it('copies every image a page shows — relative, root-relative and raw <img> — once, into files/, and links it from the page', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>\n';
    const pattern = (title: string, body: string) => `# ${title}\n\n> ${title} in one sentence.\n\n## Overview\n\n${body}\n`;
    const dir = await tempCatalog({
      'assets/img/flow.png': png,
      'assets/img/sequence.svg': svg,
      'assets/img/unused.png': png,
      'patterns/saga/README.md': pattern(
        'Saga',
        '![Flow](../../assets/img/flow.png)\n\n![Sequence](/assets/img/sequence.svg)\n\n<p align="center"><img src="../../assets/img/flow.png" width="300" alt="Flow again"></p>',
      ),
      'patterns/outbox/README.md': pattern('Outbox', '![Shared flow](../../assets/img/flow.png)\n\n![Gone](../../assets/img/gone.png)'),
      'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*/README.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const files = (await listFiles(out)).filter((f) => f.startsWith('files/'));
    expect(files).toEqual(['files/assets/img/flow.png', 'files/assets/img/sequence.svg']);
    const saga = await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8');
    expect(saga).toContain('<img src="../../files/assets/img/flow.png" alt="Flow"');
    expect(saga).toContain('<img src="../../files/assets/img/sequence.svg" alt="Sequence"');
    expect(saga).toMatch(/<img src="..\/..\/files\/assets\/img\/flow.png" width="300" alt="Flow again"/);
    const outbox = await readFile(path.join(out, 'patterns/outbox/index.html'), 'utf8');
    expect(outbox).toContain('<img src="../../files/assets/img/flow.png" alt="Shared flow"');
    expect(outbox).toContain('<span class="missing">Gone</span>');
  });

  it('says each image that is a Git LFS pointer, not fetched in this checkout, once: the page links it, and shows it broken until LFS is pulled', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + '0'.repeat(64) + '\nsize 4096\n';
    const pattern = (title: string, body: string) => `# ${title}\n\n> ${title} in one sentence.\n\n## Overview\n\n${body}\n`;
    const dir = await tempCatalog({
      'assets/img/map.png': pointer,
      'patterns/saga/README.md': pattern('Saga', '![Map](../../assets/img/map.png)\n\n![Steps](steps.png)'),
      'patterns/saga/steps.png': pointer,
      'patterns/outbox/README.md': pattern('Outbox', '![Map](../../assets/img/map.png)\n\n![Flow](flow.png)'),
      'patterns/outbox/flow.png': png,
      'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*/README.md'] }),
    });
    const summary = await buildSite({ root: dir, out: path.join(dir, '_site') });
    const said = summary.problems.filter((p) => /Git LFS pointer/.test(p.message));
    expect(said.map((p) => [p.path, p.severity])).toEqual([
      ['assets/img/map.png', 'warning'],
      ['patterns/saga/steps.png', 'warning'],
    ]);
    expect(said[0]!.message).toContain('git lfs pull');
    expect(await readFile(path.join(dir, '_site/patterns/saga/index.html'), 'utf8')).toContain('<img src="steps.png" alt="Steps"');
  });

  it('shows an image written from the root of the repository the catalog is a folder of (`/docs/img/x.png` in `docs/`), as git hosts do', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docs/img/flow.png': png,
      'docs/saga/README.md': '# Saga\n\n> Steps undone in turn.\n\n## Overview\n\n![Flow](/docs/img/flow.png)\n',
      'docs/patternbook.config.json': JSON.stringify({ patterns: ['*/README.md'] }),
    });
    const root = path.join(repo, 'docs');
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    expect((await listFiles(out)).filter((f) => f.startsWith('files/'))).toEqual(['files/img/flow.png']);
    expect(await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8')).toContain('<img src="../../files/img/flow.png" alt="Flow"');
  });

  it('shows an image of the repository the catalog is a folder of, outside the catalog (`../resources/x.png` beside `docs/`), copied into repository-files/ — never one out of the repository, through a link or a dot-folder, nor a file that is no image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const elsewhere = await tempCatalog({ 'secret.png': png });
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'resources/saga/flow.png': png,
      '.private/key.png': png,
      'notes/keys.png': 'TOP SECRET, not an image\n',
      'docs/saga.md':
        '# Saga\n\n> Steps undone in turn.\n\n## Overview\n\n![Flow](../resources/saga/flow.png)\n\n<img src="../resources/saga/flow.png" alt="Again">\n\n![Hidden](../.private/key.png)\n\n![Out](../linked/secret.png)\n\n![Gone](../resources/saga/gone.png)\n\n![Named](../notes/keys.png)\n\nSee [the flow, full size](../resources/saga/flow.png).\n',
      'docs/patternbook.config.json': JSON.stringify({ patterns: ['*.md'] }),
    });
    await symlink(elsewhere, path.join(repo, 'linked'));
    const root = path.join(repo, 'docs');
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    expect((await listFiles(out)).filter((f) => f.startsWith('repository-files/') || f.endsWith('.png'))).toEqual(['repository-files/resources/saga/flow.png']);
    const page = await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8');
    expect(page).toContain('<img src="../../repository-files/resources/saga/flow.png" alt="Flow"');
    expect(page).toMatch(/<img src="..\/..\/repository-files\/resources\/saga\/flow.png" alt="Again"/);
    for (const alt of ['Hidden', 'Out', 'Gone', 'Named']) expect(page).toContain(`<span class="missing">${alt}</span>`);
    // (Linked rather than shown, the same.)
    expect(page).toContain('<a href="../../repository-files/resources/saga/flow.png">the flow, full size</a>');
  });

  it('links pages and shows images written with a prefix the catalog’s links write for its files’ own (`./lip-2.md` for `kip-2.md`, `../assets/lip-3/` for `assets/kip-3/`)', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const files: Record<string, string | Uint8Array> = {
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
      'assets/kip-3/lip-3-flow.png': png,
    };
    for (let n = 1; n <= 6; n++)
      files[`docs/kip-${n}.md`] = `# KIP ${n}\n\n> Kettle idea ${n}.\n\n## Overview\n\nBuilds on [LIP-${(n % 6) + 1}](./lip-${(n % 6) + 1}.md).\n`;
    files['docs/kip-3.md'] = '# KIP 3\n\n> Kettle idea 3.\n\n## Overview\n\nBuilds on [LIP-4](./lip-4.md).\n\n![Flow](../assets/lip-3/lip-3-flow.png)\n';
    const root = await tempCatalog(files);
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/kip-3/index.html'), 'utf8');
    expect(page).toContain('href="../kip-4/"');
    expect(page).toMatch(/<img src="[^"]*assets\/kip-3\/lip-3-flow\.png" alt="Flow"/);
    expect(page).not.toContain('class="missing"');
    // (lint: the image is there where the site reads it — a warning, with the path that works everywhere.)
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.expected}`));
    expect(found).toEqual(['warning ../assets/kip-3/lip-3-flow.png']);
  });

  it('links a MyST label another pattern sets (`[the second](xp-second)` to `(xp-second)=` above its title) to that page; lint finds it, and a label no pattern sets is a warning', async () => {
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['naps/*.md'] }),
      'naps/1-first.md':
        '(xp-first)=\n\n# XP-1: Paint the shed\n\n> Blue paint.\n\n## Overview\n\nReplaced by [the second idea](xp-second), see also [the guide](team-guide).\n',
      'naps/2-second.md': '(xp-second)=\n\n# XP-2: Build a shed\n\n> A new shed.\n\n## Overview\n\nAfter [the first idea](xp-first).\n',
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const first = await readFile(path.join(out, 'patterns/1-first/index.html'), 'utf8');
    expect(first).toContain('<a href="../2-second/#xp-second" class="pattern-link">the second idea</a>');
    expect(await readFile(path.join(out, 'patterns/2-second/index.html'), 'utf8')).toContain('href="../1-first/#xp-first"');
    const found = (await lint({ root, only: ['link'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message.slice(0, 60)}`));
    expect(found).toEqual(['naps/1-first.md warning Link `team-guide` names no file, and no pattern sets the MyS']);
  });

  it('shows a generator’s container (`:::caution` … `:::`) as an admonition, never as colons; it is no summary', async () => {
    const root = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n## Aim\n\nWhat it does.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'kiln/README.md':
        '# Kiln\n\n:::caution\nThe wording here is old.\n:::\n\n## Aim\n\nFires every pot evenly on each shelf of the kiln.\n\n::: tip Handy\nPreheat it.\n:::\n',
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/kiln/index.html'), 'utf8');
    expect(page).toContain('<div class="admonition admonition-caution"><div class="admonition-title">Caution</div>');
    expect(page).toContain('<div class="admonition admonition-tip"><div class="admonition-title">Tip</div>');
    expect(page).not.toMatch(/<p>:::/);
    expect(page).toContain('<meta name="description" content="Fires every pot evenly on each shelf of the kiln."');
  });

  it('links a pattern by the route its documentation site gives it (`/recipes/breads/bread-rye/` in a catalog kept in `recipes/`)', async () => {
    const dir = await tempCatalog({
      'recipes/patternbook.config.json': JSON.stringify({ patterns: ['*/*.md'] }),
      'recipes/breads/bread-rye.md': '# Rye Bread\n\n> Sour and dark.\n\n## Overview\n\nGoes with soup.\n',
      'recipes/soups/soup-leek.md': '# Leek Soup\n\n> Green and mild.\n\n## Overview\n\nServe with [rye](/recipes/breads/bread-rye/#overview).\n',
    });
    const root = path.join(dir, 'recipes');
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/soup-leek/index.html'), 'utf8');
    expect(page).toContain('<a href="../bread-rye/#overview" class="pattern-link">rye</a>');
  });

  it('links the catalog’s root (`[Index](/)`) and its front page (`../README.md`), no pattern, to the site’s home, never to a raw file', async () => {
    const root = await tempCatalog({
      'README.md': '# Proposals\n\nThe index of proposals.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
      'docs/one.md': '# One\n\n> The first.\n\n## Overview\n\nSee the [index](/) and the [list](../README.md).\n',
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/one/index.html'), 'utf8');
    expect([...page.matchAll(/<a href="([^"]*)"[^>]*>(index|list)<\/a>/g)].map((m) => m[1])).toEqual(['../../', '../../']);
  });

  it('shows a picture embedded as a `data:` URI (a reference definition, Markdown, raw HTML), never one of SVG markup (its alt text, else `image`); lint warns that git hosts show neither', async () => {
    const uri = `data:image/png;base64,${'iVBORw0KGgo'.repeat(40)}`;
    const svg = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')}`;
    const root = await tempCatalog({
      'pasted/README.md': `# Pasted\n\n> From an editor.\n\n## Overview\n\n![][pic1]\n\n![Flow](${uri})\n\n<img src="${uri}">\n\n![Logo](${svg})\n\n<img src="${svg}">\n\n[pic1]: <${uri}>\n`,
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/pasted/index.html'), 'utf8');
    expect(page.split(`src="${uri}"`).length - 1).toBe(3);
    expect(page).not.toContain('data:image/svg+xml');
    expect([...page.matchAll(/<span class="missing">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['Logo', 'image']);
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) =>
      r.diagnostics.map((d) => `${d.severity} ${d.message.replace(/ \((?:about|under) [^)]*\)|\. Save.*$/gs, '')}`),
    );
    expect(found).toEqual([
      'warning Image is embedded in the text as a `data:` URI: git hosts do not show such images (the site does)',
      'warning Image “Flow” is embedded in the text as a `data:` URI: git hosts do not show such images (the site does)',
      'warning Image is embedded in the text as a `data:` URI: git hosts do not show such images (the site does)',
      'warning Image “Logo” is embedded in the text as a `data:` URI: git hosts do not show such images, nor does the site',
      'warning Image is embedded in the text as a `data:` URI: git hosts do not show such images, nor does the site',
    ]);
  });

  it('shows an image written from the root of the folder above the catalog its site is published from (`/assets/x.png` from `docs/standards/`, the image in `docs/assets/`); lint says where it is, as a warning', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docs/assets/images/pyramid.png': png,
      'docs/standards/layered-tests.md':
        '# Layered tests\n\n> Many small tests.\n\n## Overview\n\n![Pyramid](/assets/images/pyramid.png)\n\n![Gone](/assets/images/gone.png)\n',
      'docs/standards/patternbook.config.json': JSON.stringify({ patterns: ['*.md'] }),
    });
    const root = path.join(repo, 'docs/standards');
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/layered-tests/index.html'), 'utf8');
    expect(page).toContain('<img src="../../repository-files/docs/assets/images/pyramid.png" alt="Pyramid"');
    expect(page).toContain('<span class="missing">Gone</span>');
    const found = (await lint({ root, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /^7 warning Image `\/assets\/images\/pyramid.png` names nothing from the catalog's root, but `docs\/assets\/images\/pyramid.png` of the repository is there from `docs\/`/,
    );
    expect(found[1]).toMatch(/^9 error Image `\/assets\/images\/gone.png` not found/);
  });

  it("shows an image and links a file of the folder a site generator serves at the site's root (`public/`), written from the root or relative, and an image written from the catalog's root in a pattern below it", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const root = await tempCatalog({
      'public/pics/lamp.png': png,
      'public/pics/notes.md': '# Notes\n',
      'media/switch.png': png,
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
      'docs/lamp.md':
        '# Lamp\n\n> Lights a room.\n\n## Overview\n\n![Lamp](/pics/lamp.png)\n\n<img alt="Lamp again" src="pics/lamp.png">\n\n![Switch](media/switch.png)\n\nSee [the notes](/pics/notes.md).\n',
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    expect((await listFiles(out)).filter((f) => f.startsWith('files/'))).toEqual(['files/media/switch.png', 'files/public/pics/lamp.png', 'files/public/pics/notes.md']);
    const page = await readFile(path.join(out, 'patterns/lamp/index.html'), 'utf8');
    expect(page).toContain('<img src="../../files/public/pics/lamp.png" alt="Lamp"');
    expect(page).toContain('<img alt="Lamp again" src="../../files/public/pics/lamp.png"');
    expect(page).toContain('<img src="../../files/media/switch.png" alt="Switch"');
    expect(page).toContain('<a href="../../files/public/pics/notes.md">the notes</a>');
  });

  it('shows an image of a served folder one level down in a folder above the catalog (`site/static/` of the repository, written `/img/x.png`); one found nowhere is its text, marked missing', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'site/static/img/notes/batch-flow.png': png,
      'docs/notes/batching.md':
        '# Batching\n\n> Fewer writes.\n\n## Overview\n\n![batch flow](/img/notes/batch-flow.png)\n\n![Gone](/img/notes/gone.png)\n\n<img src="/img/notes/none.png" alt="None">\n',
      'docs/notes/patternbook.config.json': JSON.stringify({ patterns: ['*.md'] }),
    });
    const root = path.join(repo, 'docs/notes');
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    expect((await listFiles(out)).filter((f) => f.startsWith('repository-files/'))).toEqual(['repository-files/site/static/img/notes/batch-flow.png']);
    const page = await readFile(path.join(out, 'patterns/batching/index.html'), 'utf8');
    expect(page).toContain('<img src="../../repository-files/site/static/img/notes/batch-flow.png" alt="batch flow"');
    expect(page).toContain('<span class="missing">Gone</span>');
    expect(page).toContain('<span class="missing">None</span>');
  });

  it("shows an image of a Hugo page bundle written from the site's root (`/guides/kiln/kiln.png` for `content/guides/kiln/kiln.png`), beside the page; links to a section page by its address or its folder lead to that pattern", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const root = await tempCatalog({
      'hugo.yaml': 'baseURL: https://kilns.example/\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['content/guides/*/_index.md'] }),
      'content/guides/kiln/_index.md':
        '---\ntitle: Kiln\n---\n\n> Fires clay.\n\n## Overview\n\n![The kiln](/guides/kiln/kiln.png)\n\n![Gone](/guides/kiln/gone.png)\n\nThen [glaze it](/guides/glaze/), [again](../glaze/).\n',
      'content/guides/glaze/_index.md': '---\ntitle: Glaze\n---\n\n> Coats clay.\n\n## Overview\n\nFire it first.\n',
      'content/guides/kiln/kiln.png': png,
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/kiln/index.html'), 'utf8');
    expect(page).toContain('<img src="kiln.png" alt="The kiln"');
    expect(page).toContain('<span class="missing">Gone</span>');
    expect(await listFiles(out)).toContain('patterns/kiln/kiln.png');
    expect(page).toContain('<a href="../glaze/" class="pattern-link">glaze it</a>');
    expect(page).toContain('<a href="../glaze/" class="pattern-link">again</a>');
  });

  it("shows an image whose relative path names nothing from its file but a file from the page's web address as a folder, as Hugo serves pages (`../flow.png` in `notes/a.md`)", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'content/shared/wide.png': png,
      'content/notes/flow.png': png,
      'content/notes/lids/diagram.png': png,
      'content/notes/0001-faster-builds.md':
        '# Faster builds\n\n> Cache layers.\n\n## Overview\n\n![build flow](../flow.png)\n\n<img src="../../shared/wide.png" alt="Wide">\n\n![Gone](../gone.png)\n\nSee [lid three](../lids/0003/#overview) and [nothing](../lids/0009/).\n',
      'content/notes/lids/0003.md': '# Lid three\n\n> Three.\n\n## Overview\n\n![Diagram](../diagram.png)\n',
      'content/notes/patternbook.config.json': JSON.stringify({ patterns: ['*.md', 'lids/*.md'] }),
    });
    const root = path.join(repo, 'content/notes');
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const first = await readFile(path.join(out, 'patterns/0001-faster-builds/index.html'), 'utf8');
    expect(first).toMatch(/<img src="[^"]*flow\.png" alt="build flow"/);
    expect(first).toContain('<img src="../../repository-files/content/shared/wide.png" alt="Wide"');
    expect(first).toContain('<span class="missing">Gone</span>');
    // Links read the same way: `../lids/0003/` from `/0001-faster-builds/` is `lids/0003.md`'s page.
    expect(first).toContain('<a href="../0003/#overview" class="pattern-link">lid three</a>');
    expect(first).toContain('<a class="missing" data-missing="leads out of the catalog">nothing</a>');
    const third = await readFile(path.join(out, 'patterns/0003/index.html'), 'utf8');
    expect(third).toMatch(/<img src="[^"]*diagram\.png" alt="Diagram"/);
    const all = await listFiles(out);
    expect(all.filter((f) => f.endsWith('flow.png') || f.endsWith('diagram.png') || f.endsWith('wide.png'))).toHaveLength(3);
  });

  it('shows an image whose path is written for the page’s built copy beside (`book/loops.md`, built to `html/loops.html` with its `html/images/`), raw `<img>` and Markdown alike', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'html/loops.html': '<img src="images/loop.png" alt="Loop"> <img src="images/turn.png" alt="Turn">\n',
      'html/images/loop.png': png,
      'html/images/turn.png': png,
      'book/loops.md': '# Loops\n\n> Go round.\n\n## Overview\n\n<img src="images/loop.png" alt="Loop">\n\n![Turn](images/turn.png)\n\n![Gone](images/gone.png)\n',
      'book/patternbook.config.json': JSON.stringify({ patterns: ['*.md'] }),
    });
    const root = path.join(repo, 'book');
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/loops/index.html'), 'utf8');
    expect(page).toContain('<img src="../../repository-files/html/images/loop.png" alt="Loop"');
    expect(page).toContain('<img src="../../repository-files/html/images/turn.png" alt="Turn"');
    expect(page).toContain('<span class="missing">Gone</span>');
    const all = await listFiles(out);
    expect(all.filter((f) => f.endsWith('loop.png') || f.endsWith('turn.png'))).toHaveLength(2);
  });

  it("reads a path that climbs out of a catalog at its repository's root from the page's web address too (`../../images/pic.png` in `guides/alpha.md`, as Jekyll's pretty permalinks serve it)", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const root = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'images/pic.png': png,
      'guides/alpha.md': '# Alpha\n\n> First.\n\n## Overview\n\n![Pic](../../images/pic.png)\n\nSee [beta](../../rules/beta) and [far](../../../far).\n',
      'rules/beta.md': '# Beta\n\n> Second.\n\n## Overview\n\nText.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['guides/*.md', 'rules/*.md'] }),
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/alpha/index.html'), 'utf8');
    expect(page).toMatch(/<img src="[^"]*pic\.png" alt="Pic"/);
    expect(page).toContain('<a href="../beta/" class="pattern-link">beta</a>');
    expect(page).toContain('<a class="missing" data-missing="leads out of the catalog">far</a>');
    expect((await listFiles(out)).filter((f) => f.endsWith('pic.png'))).toHaveLength(1);
  });

  it('shows an image whose path has spaces (`![Relay](diagrams/Relay Diagram.png)`), as MkDocs does, where git hosts show the text', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['*/README.md'] }),
      'relay/diagrams/Relay Diagram.png': png,
      'relay/README.md': '# Relay\n\n> Passes messages on.\n\n## Overview\n\n![Relay flow](diagrams/Relay Diagram.png)\n\n![Gone](diagrams/No Such.png)\n',
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/relay/index.html'), 'utf8');
    expect(page).toMatch(/<img src="diagrams\/Relay%20Diagram\.png" alt="Relay flow"/);
    expect(page).toContain('<span class="missing">Gone</span>');
    expect(page).not.toContain('![Relay flow]');
    expect(await listFiles(out)).toContain('patterns/relay/diagrams/Relay Diagram.png');
  });

  it('shows a raw HTML image that leads nowhere (or has no source) as its text, marked missing: never an `<img>` without `src`', async () => {
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['*.md'] }),
      'lamp.md':
        '# Lamp\n\n> Lights a room.\n\n## Overview\n\n<p align="center"><img alt="Gone &amp; lost" title="a > b" src="pics/gone.png" width="300"></p>\n\n<img src=\'pics/none.png\'>\n\n<img alt="No source">\n',
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/lamp/index.html'), 'utf8');
    const article = /<article[\s\S]*<\/article>/.exec(page)?.[0] ?? page;
    expect(article).not.toMatch(/<img\b/);
    expect(article).toContain('<span class="missing">Gone &amp; lost</span>');
    expect(article).toContain('<span class="missing">pics/none.png</span>');
    expect(article).toContain('<span class="missing">No source</span>');
  });

  it('leads an anchor written with its heading’s punctuation kept (`#keep-logs%2C-metrics`) to that heading', async () => {
    const root = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['*.md'] }),
      'logs.md':
        '# Logs\n\n> Keep them apart.\n\n## Overview\n\n- [Keep logs, metrics apart](#keep-logs%2C-metrics-apart)\n- [Nowhere](#nowhere)\n\n## Keep logs, metrics apart\n\nThree stores.\n',
    });
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const page = await readFile(path.join(out, 'patterns/logs/index.html'), 'utf8');
    expect(page).toContain('href="#keep-logs-metrics-apart"');
    expect(page).toContain('id="keep-logs-metrics-apart"');
    expect(page).toContain('href="#nowhere"');
  });

  it('links a document of the catalog that is not a pattern: on the repository page when the site has one, else copied into files/', async () => {
    const pattern = (title: string, body: string) => `# ${title}\n\n> ${title} in one sentence.\n\n## Overview\n\n${body}\n`;
    const files = {
      'guides/review-checklist.md': '# Review checklist\n\nRead twice.\n',
      'guides/threat-model.pdf': '%PDF-1.4 not really\n',
      'guides/demo.html': '<script>alert(1)</script>\n',
      LICENSE: 'Free to use.\n',
      'patterns/saga/README.md': pattern(
        'Saga',
        'Before review, see [the checklist](../../guides/review-checklist.md#before), [the threat model](../../guides/threat-model.pdf), [a demo](../../guides/demo.html), [the licence](../../LICENSE) and [nothing](../../guides/gone.md).',
      ),
    };
    const withRepo = await tempCatalog({
      ...files,
      'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*/README.md'], site: { repoUrl: 'https://git.example.com/team/catalog/', branch: 'trunk' } }),
    });
    await buildSite({ root: withRepo, out: path.join(withRepo, '_site') });
    const saga = await readFile(path.join(withRepo, '_site/patterns/saga/index.html'), 'utf8');
    expect(saga).toContain(
      '<a href="https://git.example.com/team/catalog/blob/trunk/guides/review-checklist.md#before" class="external" rel="noopener noreferrer">the checklist</a>',
    );
    expect(saga).toContain('<a href="../../files/guides/threat-model.pdf">the threat model</a>');
    expect(saga).toContain('<a class="missing" data-missing="leads to nothing in this pattern or catalog">nothing</a>');
    expect(await readFile(path.join(withRepo, '_site/files/guides/threat-model.pdf'), 'utf8')).toBe(files['guides/threat-model.pdf']);

    const withoutRepo = await tempCatalog({ ...files, 'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*/README.md'] }) });
    await buildSite({ root: withoutRepo, out: path.join(withoutRepo, '_site') });
    const plain = await readFile(path.join(withoutRepo, '_site/patterns/saga/index.html'), 'utf8');
    expect(plain).toContain('<a href="../../files/guides/review-checklist.md#before">the checklist</a>');
    // A page that could run its scripts on the site's address is never published there.
    expect(plain).toContain('<a class="missing" data-missing="a .html file, not published on the site (with `site.repoUrl` set, it links to the repository)">a demo</a>');
    expect(plain).toContain(
      '<a class="missing" data-missing="a file without an extension, not published on the site (with `site.repoUrl` set, it links to the repository)">the licence</a>',
    );
    expect(saga).toContain('<a href="https://git.example.com/team/catalog/blob/trunk/guides/demo.html" class="external" rel="noopener noreferrer">a demo</a>');
    expect((await listFiles(path.join(withoutRepo, '_site'))).filter((f) => f.endsWith('.html') && f.includes('guides'))).toEqual([]);
    expect(await readFile(path.join(withoutRepo, '_site/files/guides/review-checklist.md'), 'utf8')).toBe(files['guides/review-checklist.md']);
  });
});

describe('patternbook build: links to folders of the catalog', () => {
  it('lead to the folder’s README where it has one, else to its page on the repository; without one, said so, never “leads to nothing”', async () => {
    const files = {
      'patterns/lamp/README.md': '# Lamp\n\n> A lamp in one sentence.\n\n## Builds\n\n* [Rust](rust/)\n* [Go](go)\n* [Shared code](../../shared/)\n',
      'patterns/lamp/rust/README.md': '# The Rust build\n\nRun it.\n',
      'patterns/lamp/go/main.go': 'package main\n',
      'shared/util.go': 'package shared\n',
    };
    const withRepo = await tempCatalog({
      ...files,
      'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*/README.md'], site: { repoUrl: 'https://git.example.com/team/catalog', branch: 'trunk' } }),
    });
    await buildSite({ root: withRepo, out: path.join(withRepo, '_site') });
    const lamp = await readFile(path.join(withRepo, '_site/patterns/lamp/index.html'), 'utf8');
    // (A Markdown page of the pattern's own folder reads rendered on the repository's page.)
    expect(lamp).toContain('<a href="https://git.example.com/team/catalog/blob/trunk/patterns/lamp/rust/README.md" class="external" rel="noopener noreferrer">Rust</a>');
    expect(lamp).toContain('<a href="https://git.example.com/team/catalog/tree/trunk/patterns/lamp/go" class="external" rel="noopener noreferrer">Go</a>');
    expect(lamp).toContain('<a href="https://git.example.com/team/catalog/tree/trunk/shared" class="external" rel="noopener noreferrer">Shared code</a>');
    expect(lamp).not.toContain('leads to nothing');

    const withoutRepo = await tempCatalog({ ...files, 'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*/README.md'] }) });
    await buildSite({ root: withoutRepo, out: path.join(withoutRepo, '_site') });
    const plain = await readFile(path.join(withoutRepo, '_site/patterns/lamp/index.html'), 'utf8');
    // (Without a repository page, it is a page of the site beside the pattern's.)
    expect(plain).toContain('<a href="rust-README.html">Rust</a>');
    expect(await readFile(path.join(withoutRepo, '_site/patterns/lamp/rust-README.html'), 'utf8')).toContain('<h1>The Rust build</h1>');
    expect(plain).toContain(
      '<a class="missing" data-missing="a folder of the catalog, not published on the site (with `site.repoUrl` set, it links to the repository)">Go</a>',
    );
  });
});

describe('patternbook build: Markdown documents of a pattern’s folder that it links', () => {
  // A one-pixel PNG (its signature and an IHDR are what the image check reads).
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db00000000049454e44ae426082',
    'hex',
  );
  it('are pages of the site beside the pattern’s, rendered and sanitized, their links and images working from there', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ patterns: ['patterns/*/README.md'] }),
      'patterns/kiln/README.md':
        '# Kiln\n\n> A kiln in one sentence.\n\n## Overview\n\nSee [the firing notes](notes/firing.md#cooling) and [the glossary](glossary.md).\n',
      'patterns/kiln/notes/firing.md':
        '# Firing notes\n\nHow we fire.\n\n## Cooling\n\nSlowly, as the [curve](curve.png) shows: ![The curve](curve.png)\n\nBack to [the kiln](../README.md), on to [the shed](../../shed/README.md) and [the glossary](../glossary.md).\n\n<script>globalThis.pwned = 1</script><img src="x" onerror="globalThis.pwned = 2">\n',
      'patterns/kiln/notes/curve.png': PNG,
      'patterns/kiln/glossary.md': '---\ntitle: Kiln words\n---\n\nA **cone** melts at a known heat.\n',
      'patterns/shed/README.md': '# Shed\n\n> A shed in one sentence.\n\n## Overview\n\nText.\n',
    });
    await buildSite({ root: dir, out: path.join(dir, '_site') });
    const site = path.join(dir, '_site/patterns/kiln');
    const kiln = await readFile(path.join(site, 'index.html'), 'utf8');
    expect(kiln).toContain('<a href="notes-firing.html#cooling">the firing notes</a>');
    expect(kiln).toContain('<a href="glossary.html">the glossary</a>');
    const firing = await readFile(path.join(site, 'notes-firing.html'), 'utf8');
    expect(firing).toContain('<h1>Firing notes</h1>');
    expect(firing).toContain('<h2 id="cooling">');
    expect(firing).toContain('<p>How we fire.</p>');
    expect(firing).toContain('<a href="./">Kiln</a>');
    expect(firing).toContain('<img src="notes/curve.png" alt="The curve"');
    expect(firing).toContain('<a href="../kiln/" class="pattern-link">the kiln</a>');
    expect(firing).toContain('<a href="../shed/" class="pattern-link">the shed</a>');
    expect(firing).toContain('<a href="glossary.html">the glossary</a>');
    expect(firing).not.toMatch(/<script>globalThis|onerror/);
    expect(existsSync(path.join(site, 'notes/curve.png'))).toBe(true);
    // (A document another one links is a page too; the raw Markdown is not published.)
    expect(await readFile(path.join(site, 'glossary.html'), 'utf8')).toContain('<h1>Kiln words</h1>');
    expect(existsSync(path.join(site, 'notes/firing.md'))).toBe(false);
  });
});

describe('patternbook build: a catalog kept in a folder of its repository', () => {
  it('edit and source links have that folder in their path', async () => {
    const repo = await tempCatalog({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docs/rfcs/lamp/README.md': '# Lamp\n\n> A lamp in one sentence.\n\n## Builds\n\nSee [the Go build](go) and [the guide](../guide.md).\n',
      'docs/rfcs/lamp/go/main.go': 'package main\n',
      'docs/rfcs/guide.md': '# Guide\n\nRead it.\n',
      'docs/rfcs/patternbook.config.json': JSON.stringify({ patterns: ['*/README.md'], site: { repoUrl: 'https://git.example.com/team/site', branch: 'trunk' } }),
    });
    const root = path.join(repo, 'docs/rfcs');
    await buildSite({ root, out: path.join(root, '_site') });
    const lamp = await readFile(path.join(root, '_site/patterns/lamp/index.html'), 'utf8');
    expect(lamp).toContain('href="https://git.example.com/team/site/edit/trunk/docs/rfcs/lamp/README.md"');
    expect(lamp).toContain('href="https://git.example.com/team/site/tree/trunk/docs/rfcs/lamp/go"');
    expect(lamp).toContain('href="https://git.example.com/team/site/blob/trunk/docs/rfcs/guide.md"');
  });
});

describe('patternbook build: a document titled by its number', () => {
  it('shows the number and the name under it as its title, once', async () => {
    const root = await tempCatalog({
      'templates/ksp.md': '# [Pattern Title]\n\n## [Section] (optional)\n\n<!-- Each writes its own. -->\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/ksp.md', patterns: ['*.md'] }),
      'ksp-01.md': 'KSP-01\n======\n\nBasic kettle handshake\n----------------------\n\nThis spec says how a kettle announces itself.\n\n## Errors\n\nIgnored.\n',
    });
    await buildSite({ root, out: path.join(root, '_site') });
    const page = await readFile(path.join(root, '_site/patterns/ksp-01/index.html'), 'utf8');
    expect(page).toContain('<h1>KSP-01: Basic kettle handshake</h1>');
    expect(page.match(/Basic kettle handshake/g)!.length).toBe(page.match(/KSP-01: Basic kettle handshake/g)!.length);
  });
});

describe('patternbook build: a Hyde `{%hyde … %}` metadata block', () => {
  it('is never shown on the page; its title and excerpt are the page’s', async () => {
    const root = await tempCatalog({
      'templates/p.md': '{%hyde\ntitle: Title\nexcerpt: One line.\n%}\n\n## Context\n\n<!-- The situation. -->\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/p.md', patterns: ['*.md'] }),
      'slipway.md':
        '    {%hyde\n\n    title: "Boat’s Slipway"\n    excerpt: "A ramp that takes a boat out of the water."\n\n    %}\n\n## Context\n\nHulls need scraping.\n',
    });
    await buildSite({ root, out: path.join(root, '_site') });
    const page = await readFile(path.join(root, '_site/patterns/slipway/index.html'), 'utf8');
    expect(page).toContain('<h1>Boat’s Slipway</h1>');
    expect(page).toContain('<meta name="description" content="A ramp that takes a boat out of the water."');
    expect(page).not.toMatch(/hyde|excerpt:/);
  });
});

describe('patternbook build: links written as a published site writes them', () => {
  it('takes `./x` and `./x.html` for `x.md` as links to that pattern', async () => {
    const pattern = (title: string, body: string) => `# ${title}\n\n> ${title} in one sentence.\n\n## Overview\n\n${body}\n`;
    const dir = await tempCatalog({
      'docs/saga.md': pattern('Saga', 'See [Outbox](./outbox) and [its flow](outbox.html#overview).'),
      'docs/outbox.md': pattern('Outbox', 'Used by [Saga](./saga.md).'),
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const saga = await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8');
    expect(saga).toContain('<a href="../outbox/" class="pattern-link">Outbox</a>');
    expect(saga).toContain('<a href="../outbox/#overview" class="pattern-link">its flow</a>');
  });
});

describe('patternbook build: headings with an id set after their text', () => {
  it('shows the text without `{#id}`, anchored at that id, and links to it arrive', async () => {
    const dir = await tempCatalog({
      'docs/saga.md':
        '# Saga\n\n> Local steps with compensations.\n\n## Overview\n\nSee [the decisions](#key-decisions).\n\n## Key Decisions {#key-decisions}\n\nCompensate in reverse.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const saga = await readFile(path.join(out, 'patterns/saga/index.html'), 'utf8');
    expect(saga).toMatch(/<h2 id="key-decisions">Key Decisions<\/h2>|<h2 id="key-decisions">[^{]*Key Decisions[^{]*<\/h2>/);
    expect(saga).not.toContain('{#key-decisions}');
    expect(saga).toContain('href="#key-decisions"');
  });
});

describe('patternbook build: headings that open with an HTML anchor', () => {
  it('anchors the heading as GitHub does (`-details`) and keeps the author’s `<a id>` and `<a name>` as anchors; lint finds every link to them', async () => {
    const dir = await tempCatalog({
      'docs/kettle.md':
        '# Kettle\n\n> Warm it first.\n\nContents: [Details](#-details), [Steps](#-steps), [also](#details), [named](#steps).\n\n## <a id="details"></a> Details\n\nRinse.\n\n### <a name="steps"></a> Steps\n\nFill, heat. <a id="bad id" href="#end">x</a>\n\n## Details <a id="end"></a>\n\nAgain.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    expect((await lint({ root: dir, only: ['link'] })).results.flatMap((r) => r.diagnostics.map((d) => d.message))).toEqual([]);
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/kettle/index.html'), 'utf8');
    expect(page).toContain('<h2 id="-details">');
    expect(page).toContain('<h3 id="-steps">');
    // A space after the text, before the HTML, stays too.
    expect(page).toContain('<h2 id="details-">');
    expect(page).toContain('<a id="details"></a>');
    expect(page).toContain('<a id="steps"></a>');
    // An id that is not a plain name is dropped, the link kept.
    expect(page).toContain('<a href="#end">x</a>');
  });
});

describe('patternbook build: addresses already percent-encoded', () => {
  it('keeps every escape as written (`%2B` stays `%2B`) and encodes only what an address may not hold', async () => {
    const dir = await tempCatalog({
      'docs/sum.md':
        '# Sum\n\n> Parts add up.\n\n## Overview\n\n<img src="https://formula.example.org/render?math=a%20%2B%20b%20%3D%20c">\n\n![sum](https://formula.example.org/render?math=x%2By%3Dz) [a café](https://example.org/café?q=1%2F2&r=100%)\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/sum/index.html'), 'utf8');
    expect(page).toContain('src="https://formula.example.org/render?math=a%20%2B%20b%20%3D%20c"');
    expect(page).toContain('src="https://formula.example.org/render?math=x%2By%3Dz"');
    expect(page).toContain('href="https://example.org/caf%C3%A9?q=1%2F2&amp;r=100%25"');
  });
});

describe('patternbook build: footnotes', () => {
  it('shows GitHub footnotes as numbered notes at the end of the page, linked both ways; the summary and an unknown label keep no marker', async () => {
    const dir = await tempCatalog({
      'docs/ledger.md': [
        '# Ledger',
        '',
        '> Appends every change as an entry[^why].',
        '',
        '## Overview',
        '',
        'Entries are never edited[^imm], only reversed[^why]; an undefined note[^gone] stays as written.',
        '',
        '[^imm]: Auditors need the *original* entry, see <span class="x" onclick="alert(1)">the rules</span>.',
        '',
        '## Design',
        '',
        'Balances are folds over the entries.',
        '',
        '[^why]: Because a [balance](https://example.org/balance) can always be rebuilt.',
        '    A second paragraph of the same note.',
        '',
      ].join('\n'),
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/ledger/index.html'), 'utf8');
    // The summary in the header shows no marker; the body's references are numbered in reading order.
    expect(page).toContain('<p class="summary">Appends every change as an entry.</p>');
    expect(page).toContain('edited<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>');
    expect(page).toContain('reversed<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup>');
    expect(page).toContain('an undefined note[^gone] stays');
    // The notes follow the body, in that order, each linked back; their raw HTML is sanitized.
    const notes = page.slice(page.indexOf('<section class="footnotes"'));
    expect(page.indexOf('Balances are folds')).toBeLessThan(page.indexOf('<section class="footnotes"'));
    expect(notes.indexOf('id="fn-1"')).toBeLessThan(notes.indexOf('id="fn-2"'));
    expect(notes).toContain('<em>original</em>');
    expect(notes).not.toContain('onclick');
    expect(notes).toContain('<a href="#fnref-1" class="footnote-back" aria-label="Back to reference 1">↩</a></p>');
    expect(notes).toMatch(/<a href="https:\/\/example.org\/balance" class="external"[^>]*>balance<\/a> can always be rebuilt\.\nA second paragraph/);
    // The notes appear once.
    expect(page.split('Auditors need').length).toBe(2);
  });

  it('draws a MyST `{mermaid}` directive as the diagram it is, its options left out', async () => {
    const dir = await tempCatalog({
      'docs/flow.md': '# Flow\n\n> Three stages.\n\n## Overview\n\n```{mermaid}\n:caption: The stages\ngraph LR\n  draft --> review\n```\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/flow/index.html'), 'utf8');
    expect(page).toContain('<figure class="diagram"');
    expect(page).toContain('>review</text>');
    expect(page).not.toContain(':caption:');
  });

  it('shows a DocFX include (`[!INCLUDE[…](../note.md)]` on its own line) as that file’s text, sanitized, its alerts as boxes; a file it cannot show is said', async () => {
    const dir = await tempCatalog({
      'docs/flow.md':
        '# Flow\n\n> Three stages.\n\n[!INCLUDE[Draft note](../shared/draft-note.md)]\n\n## Overview\n\nDrafts go first.\n\n[!INCLUDE[Gone](../shared/gone.md)]\n',
      'shared/draft-note.md': '---\ntitle: note\n---\n> [!NOTE]\n> This page is a **draft** of the stages. <img src=x onerror=alert(1)>\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/flow/index.html'), 'utf8');
    expect(page).toContain('<div class="include"><div class="admonition admonition-note"><div class="admonition-title">Note</div>');
    expect(page).toContain('This page is a <strong>draft</strong> of the stages.');
    expect(page).not.toContain('[!INCLUDE');
    expect(page).not.toContain('title: note');
    expect(page).not.toContain('onerror');
    expect(page).toContain('Included from ../shared/gone.md, not shown: the file does not exist.');
  });

  it('shows MyST admonitions as boxes of Markdown and `{csv-table}` as a table, from its content or its file', async () => {
    const dir = await tempCatalog({
      'docs/flow.md': [
        '# Flow',
        '',
        '> Three stages.',
        '',
        '## Overview',
        '',
        '```{warning}',
        ':class: dropdown',
        'Drafts older than **a week** are closed. <img src=x onerror=alert(1)>',
        '```',
        '',
        '```{csv-table} Owners',
        ':header: "Stage", "Owner"',
        '',
        'draft, "Writers, editors"',
        'review, "The ""core"" team"',
        '```',
        '',
        '```{csv-table}',
        ':file: stages.csv',
        ':header-rows: 1',
        '```',
        '',
        '```{csv-table}',
        ':file: gone.csv',
        '```',
        '',
        '```{unknown-thing}',
        'kept as code',
        '```',
        '',
      ].join('\n'),
      'docs/stages.csv': 'Stage,Days\ndraft,2\nreview,5\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/flow/index.html'), 'utf8');
    expect(page).toContain('<div class="admonition admonition-warning"><div class="admonition-title">Warning</div>');
    expect(page).toContain('<strong>a week</strong>');
    expect(page).not.toContain(':class:');
    expect(page).not.toContain('onerror');
    expect(page).toContain('<caption>Owners</caption>');
    expect(page).toContain('<tr><th>Stage</th><th>Owner</th></tr>');
    expect(page).toContain('<tr><td>draft</td><td>Writers, editors</td></tr>');
    expect(page).toContain('<tr><td>review</td><td>The &quot;core&quot; team</td></tr>');
    expect(page).toContain('<tr><th>Stage</th><th>Days</th></tr>');
    expect(page).toContain('<tr><td>review</td><td>5</td></tr>');
    expect(page).toContain('The table from gone.csv is not shown: the file does not exist.');
    expect(page).toMatch(/<pre class="code"><code[^>]*>kept as code/);
  });

  it('shows MyST `{image}` and `{figure}` directives as the page’s images (copied, the figure’s content its caption, its `name` its anchor); lint checks them as images', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const dir = await tempCatalog({
      'docs/flow.md': [
        '# Flow',
        '',
        '> Three stages.',
        '',
        '## Overview',
        '',
        '```{image} _static/flow.png',
        ':alt: The flow',
        '```',
        '',
        '```{figure} ./_static/tree.png',
        '---',
        'name: fig-tree',
        '---',
        'The lookup **tree**.',
        '```',
        '',
        '```{figure} _static/gone.png',
        '```',
        '',
      ].join('\n'),
      'docs/_static/flow.png': png,
      'docs/_static/tree.png': png,
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/flow/index.html'), 'utf8');
    expect(page).toMatch(/<figure class="directive-image"><img src="_static\/flow.png" alt="The flow"[^>]*><\/figure>/);
    expect(page).toMatch(/<figure class="directive-figure" id="fig-tree"><img src="_static\/tree.png"[^>]*><figcaption><p>The lookup <strong>tree<\/strong>.<\/p>/);
    expect(page).not.toContain('name: fig-tree');
    expect(existsSync(path.join(out, 'patterns/flow/_static/tree.png'))).toBe(true);
    const found = (await lint({ root: dir, only: ['image'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message.slice(0, 40)}`));
    expect(found).toEqual(['18:13 Image `_static/gone.png` not found: ther']);
  });

  it('shows GitHub alerts (`> [!NOTE]`) as titled boxes, the marker line left out; a plain quote stays a quote', async () => {
    const dir = await tempCatalog({
      'docs/pointers.md':
        '# Safe pointers\n\n> Marks unchecked pointer use.\n\n## Design\n\n> [!NOTE]\n> The list of operations is **still** being written.\n\n> [!warning]\n>\n> Old code stops compiling.\n\n> A plain quote.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/pointers/index.html'), 'utf8');
    expect(page).toContain(
      '<div class="admonition admonition-note"><div class="admonition-title">Note</div>\n<p>The list of operations is <strong>still</strong> being written.</p>\n</div>',
    );
    expect(page).toContain('<div class="admonition admonition-warning"><div class="admonition-title">Warning</div>\n<p>Old code stops compiling.</p>\n</div>');
    expect(page).not.toContain('[!');
    expect(page).toContain('<blockquote>\n<p>A plain quote.</p>\n</blockquote>');
  });

  it('leaves out a site generator’s markup on a line of its own (a Hugo shortcode, a Liquid tag, a Nunjucks call), keeps the text between such lines, and shows a figure as its image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const dir = await tempCatalog({
      'docs/pools.png': png,
      'docs/bulkhead.md':
        '# Bulkhead\n\nKeep failures in one pool.\n\n{{< comingsoon >}}\n\n{{% notice tip %}}\nSize each pool on its own.\n{{% /notice %}}\n\n{% include banner.html %}\n\n{{<wip>}}\n\n{{< figure src="pools.png" alt="Two pools" >}}\n\nText with {{< param "x" >}} in it.\n\n{{ example({ item: "pools", size: "xl" }) }}\n\nAfter the demo.\n\nA value {{ page.size }} in a sentence.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/bulkhead/index.html'), 'utf8');
    const body = page.slice(page.indexOf('<article'));
    expect(body).not.toMatch(/comingsoon|notice|include banner|wip|\{\{\}\}/);
    expect(body).toContain('<p>Size each pool on its own.</p>');
    expect(body).not.toContain('figure src=');
    expect(body).toMatch(/<p><img src="[^"]*pools\.png" alt="Two pools"[^>]*><\/p>/);
    // (Within a sentence it is left as written: what it stands for is unknown here.)
    expect(body).toContain('<p>Text with {{&lt; param "x" &gt;}} in it.</p>');
    // (A Nunjucks call alone on its line, a live demo the generator draws: left out; a value within a sentence stays.)
    expect(body).not.toContain('example(');
    expect(body).toContain('<p>After the demo.</p>');
    expect(body).toContain('<p>A value {{ page.size }} in a sentence.</p>');
  });

  it('leaves out Liquid’s `{% raw %}` and `{% endraw %}` within a sentence and on lines of their own, and keeps what they hold', async () => {
    const dir = await tempCatalog({
      'docs/probes.md':
        '# Probes\n\nProbes for template engines.\n\n## Steps\n\nInject {% raw %}`{{ 7*7 }}`{% endraw %} into the field, as [the {% raw %}{{x}}{% endraw %} guide](https://example.org/x) shows.\n\n{% raw %}\n\n```text\n{{ 7*7 }}\n```\n\n{% endraw %}\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/probes/index.html'), 'utf8');
    const body = page.slice(page.indexOf('<article'));
    expect(body).not.toMatch(/raw %\}|endraw/);
    expect(body).toContain('Inject <code>{{ 7*7 }}</code> into the field');
    expect(body).toMatch(/>the \{\{x\}\} guide<\/a>/);
  });

  it('shows a MyST target (`(label)=`) as the anchor it is, not as text', async () => {
    const dir = await tempCatalog({
      'docs/moves.md':
        '# Moves\n\n> Moves three repositories.\n\n[TOC]\n\n## Overview\n\nSee [the list](#repo-list), [](#repo-list), [](#overview) and [](https://example.org/moves).\n\n[[_TOC_]]\n\n(repo-list)=\n## Repositories\n\nThree, moved with {py:func}`shutil.move`.\n',
      // (The directive after other blocks, not first.)
      'docs/later.md': '# Later\n\n## Overview\n\nText first.\n\n[TOC]\n\nText after.\n',
      'patternbook.config.json': JSON.stringify({ patterns: ['docs/*.md'] }),
    });
    const out = path.join(dir, '_site');
    await buildSite({ root: dir, out });
    const page = await readFile(path.join(out, 'patterns/moves/index.html'), 'utf8');
    expect(page).toContain('<span id="repo-list"></span>');
    expect(page).not.toContain('(repo-list)=');
    expect(page).toContain('<a href="#repo-list">the list</a>');
    // (A MyST role, `{py:func}` before a code span, is that code: its name is no text.)
    expect(page).toContain('Three, moved with <code>shutil.move</code>.');
    // A renderer's table-of-contents directive is not shown as text: the page has its own.
    expect(page).not.toMatch(/\[TOC\]|_TOC_/);
    const later = await readFile(path.join(out, 'patterns/later/index.html'), 'utf8');
    expect(later).not.toContain('[TOC]');
    expect(later).toContain('<p>Text first.</p>\n<p>Text after.</p>');
    // A link without text shows what it stands for: the heading under the target, the anchor's heading, the address.
    expect(page).toContain(
      '<a href="#repo-list">Repositories</a>, <a href="#overview">Overview</a> and <a href="https://example.org/moves" class="external" rel="noopener noreferrer">https://example.org/moves</a>',
    );
  });
});

describe('build: images under a prefix the catalog’s links write for its folders’ own', () => {
  it('a page whose only swapped path is an image (`../assets/lip-3/flow.png` for `assets/kip-3/flow.png`) shows it', async () => {
    const files: Record<string, string | Uint8Array> = {
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md', patterns: ['docs/*.md'] }),
      'templates/pattern.md': '# [Title]\n\n> [One sentence.]\n\n## Overview\n\n[What it is.]\n',
      'assets/kip-3/flow.png': Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    };
    for (let n = 1; n <= 6; n++)
      files[`docs/kip-${n}.md`] =
        n === 3
          ? `# KIP 3\n\n> Kettle idea 3.\n\n## Overview\n\n![The flow](../assets/lip-3/flow.png)\n`
          : `# KIP ${n}\n\n> Kettle idea ${n}.\n\n## Overview\n\nBuilds on [LIP-${(n % 6) + 1}](./lip-${(n % 6) + 1}.md).\n`;
    const root = await tempCatalog(files);
    const out = path.join(root, '_site');
    await buildSite({ root, out });
    const html = await readFile(path.join(out, 'patterns', 'kip-3', 'index.html'), 'utf8');
    expect(html).toMatch(/<img src="[^"]*assets\/kip-3\/flow\.png" alt="The flow"/);
    expect(existsSync(path.join(out, 'files', 'assets', 'kip-3', 'flow.png'))).toBe(true);
  });
});
