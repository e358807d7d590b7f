import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPattern } from '../../src/catalog/load-pattern.js';
import { loadCatalogTemplate } from '../../src/catalog/load-catalog.js';
import { loadConfig } from '../../src/config/load-config.js';
import { RENDERER } from '../../src/site/diagram-draw.js';
import { drawDiagrams, mermaidRuntime, readDiagram } from '../../src/site/diagrams.js';
import { renderArticle } from '../../src/site/model.js';
import { sanitizeSvg } from '../../src/site/sanitize.js';
import { REPO, tempCatalog } from '../helpers.js';

/** Every tag of some HTML, with its attributes by name (values as written, still escaped). */
function tags(html: string): { name: string; attrs: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attrs: [...m[2]!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!, a[2] ?? '']),
  }));
}

/** What no diagram may carry onto a page. */
function expectInert(html: string): void {
  for (const tag of tags(html)) {
    expect(['script', 'style', 'foreignobject', 'iframe', 'a', 'use', 'image', 'animate', 'set', 'object', 'embed', 'img'], html).not.toContain(tag.name);
    for (const [name, value] of tag.attrs) {
      if (name === 'xmlns' && value === 'http://www.w3.org/2000/svg') continue;
      expect(name, `${tag.name} ${name}`).not.toMatch(/^(on|style$|href$|xlink:href$|src$)/i);
      expect(value.replace(/&#0*58;|&colon;/gi, ':'), `${tag.name} ${name}`).not.toMatch(/javascript:|https?:|data:/i);
    }
  }
}

/** The article of a one-pattern catalog, rendered and its diagrams drawn as the build does. */
async function article(markdown: string): Promise<{ html: string; mermaid: boolean; root: string }> {
  const root = await tempCatalog({ 'p/README.md': markdown });
  const config = await loadConfig(root);
  const template = await loadCatalogTemplate(config);
  const file = path.join(root, 'p', 'README.md');
  const loaded = await loadPattern({ file, path: 'p/README.md', slug: 'p', maxFileSize: config.maxFileSize }, template, { keepTokens: true });
  if (!loaded.ok) throw new Error(loaded.diagnostic.message);
  const page = renderArticle(loaded.pattern, { root, template }, () => undefined).rendered;
  await drawDiagrams(page, { root });
  return { html: page.html, mermaid: page.mermaid, root };
}

const fence = (text: string) => `# P\n\n> A pattern.\n\n## Overview\n\n\`\`\`mermaid\n${text}\n\`\`\`\n`;

describe('the SVG allow-list', () => {
  it('drops scripts, styles, foreignObject, links, use, animation, event handlers and outside URLs; keeps shapes and escaped text', () => {
    const hostile = [
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)" style="background:url(https://evil.example/x)">',
      '<script>alert(1)</script><SCRIPT>alert(2)</SCRIPT><style>@import url(https://evil.example/x.css);</style>',
      '<foreignObject><div onclick="alert(3)">inside</div></foreignObject>',
      '<a href="javascript:alert(4)"><text x="1" y="2">link text</text></a>',
      '<use href="https://evil.example/sprite.svg#x"/><image href="data:image/svg+xml;base64,PHN2Zz4="/>',
      '<animate attributeName="href" to="javascript:alert(5)"/><set attributeName="onmouseover" to="alert(6)"/>',
      '<rect x="1" y="1" width="5" height="5" fill="url(https://evil.example/#p)" stroke="red;color:&quot;&gt;&lt;script&gt;" onmouseover="alert(7)"/>',
      '<text x="1" y="9" fill="var(--_text)">a &lt;b onclick=x&gt; &amp; "q"</text>',
      '</svg>',
    ].join('');
    const clean = sanitizeSvg(hostile, 'd1-');
    expectInert(clean);
    expect(clean).not.toContain('alert');
    expect(clean).not.toContain('evil.example');
    expect(clean).not.toContain('inside');
    // What a diagram is made of stays; text stays text.
    expect(clean).toContain('<rect x="1" y="1" width="5" height="5" />');
    expect(clean).toContain('<text x="1" y="9" fill="var(--_text)">a &lt;b onclick=x&gt; &amp; "q"</text>');
    expect(clean).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 10 10">/);
  });

  it('makes ids its own with a prefix, and references to them follow', () => {
    const clean = sanitizeSvg(
      '<svg><defs><marker id="arrow"><path d="M0 0L8 2.5z"/></marker></defs><line x1="0" y1="0" x2="9" y2="9" marker-end="url(#arrow)"/></svg>',
      'dabc-',
    );
    expect(clean).toContain('<marker id="dabc-arrow">');
    expect(clean).toContain('marker-end="url(#dabc-arrow)"');
    expect(() => sanitizeSvg('<svg/>', '" onload="x')).toThrow(/prefix/);
  });
});

describe('diagrams drawn at build time', () => {
  it('draws a flowchart as inline SVG coloured by the page (no fixed colours), labelled for screen readers, no Mermaid needed', async () => {
    const { html, mermaid } = await article(
      fence(
        '---\ntitle: Order flow\n---\nflowchart LR\n  accTitle: How an order moves\n  accDescr: From the cart to the warehouse\n  Cart-->Checkout\n  Checkout -->|paid| Warehouse',
      ),
    );
    expect(mermaid).toBe(false);
    const svg = /<svg\b[\s\S]*<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="(d[0-9a-f]{12}-)title" aria-describedby="\1desc"/);
    expect(svg).toContain('>How an order moves</title>');
    expect(svg).toContain('>From the cart to the warehouse</desc>');
    expect(html).toContain('<figcaption>Order flow</figcaption>');
    // `Cart-->Checkout` is two boxes (the renderer alone reads one box named `Cart--`), and the
    // accessibility lines are not drawn as boxes.
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['Cart', 'Checkout', 'Warehouse', 'paid']));
    expect(texts).not.toContain('Cart--');
    expect(texts.join(' ')).not.toMatch(/accTitle|accDescr/);
    // Colours are the page's variables: one drawing for light and dark.
    for (const [, value] of svg.matchAll(/\s(?:fill|stroke)="([^"]*)"/g)) expect(value).toMatch(/^(?:none|var\(--[\w-]+\)|url\(#d[0-9a-f]{12}-[\w-]+\))$/);
    expectInert(html);
  });

  it('draws sequence, state, class and entity-relationship diagrams, compact arrows included', async () => {
    const { html } = await article(
      [
        fence('sequenceDiagram\n  participant C as Client\n  C->>S: request\n  S-->>C: answer'),
        '```mermaid\nstateDiagram-v2\n  [*] --> Open\n  Open-->Closed: close\n```',
        '```mermaid\nclassDiagram\n  Animal<|--Dog\n```',
        '```mermaid\nerDiagram\n  CUSTOMER||--o{ORDER : places\n```',
      ].join('\n'),
    );
    expect(html.match(/<svg role="img"/g)).toHaveLength(4);
    for (const word of ['Client', 'request', 'answer', 'Closed', 'Animal', 'Dog', 'CUSTOMER', 'ORDER', 'places'])
      expect(html).toMatch(new RegExp(`>${word}</(?:text|tspan)>`));
  });

  it('keeps hostile diagram text as text: labels with markup, javascript: click directives, styles with outside URLs', async () => {
    const { html } = await article(
      fence(
        [
          'graph TD; A["<script>window.__pwned=1</script>"] --> B["<img src=x onerror=window.__pwned=1>"]',
          'B --> C["</text><foreignObject><div onclick=window.__pwned=1>x</div></foreignObject>"]',
          'click A "javascript:window.__pwned=1"',
          'click B href "javascript:window.__pwned=1" _blank',
          'style A fill:url(https://evil.example/p),stroke:red" onload="window.__pwned=1',
        ].join('\n'),
      ),
    );
    expectInert(html);
    expect(html).not.toContain('evil.example');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;</text>');
    expect(html).toContain('&lt;img src=x onerror=window.__pwned=1&gt;</text>');
    // The click directives are left out, not drawn as a box named "click".
    expect(html).not.toMatch(/>click</);
  });

  it('an author cannot pass raw HTML for a diagram placeholder or a drawn diagram', async () => {
    const { html } = await article(
      `# P\n\n> A pattern.\n\n## Overview\n\n<figure class="diagram" data-diagram="0" data-pagefind-ignore="all"><pre class="diagram-source"><code>x</code></pre></figure>\n\n<p>pb-diagram-AAAAAAAAAAAA-0</p>\n\n${'```mermaid\nflowchart LR\n  A --> B\n```'}\n`,
    );
    // One diagram drawn (the real one), the author's imitations left as the sanitizer made them.
    expect(html.match(/<svg role="img"/g)).toHaveLength(1);
    expect(html).toContain('pb-diagram-AAAAAAAAAAAA-0');
    expect(html).not.toContain('data-diagram=');
  });

  it('shows a type it does not draw as its source: drawn by Mermaid in the browser when Mermaid is installed, else with a note', async () => {
    const gantt = 'gantt\n  title Plan\n  section A\n  Build :a1, 2024-01-01, 30d';
    expect(mermaidRuntime(REPO)).toMatch(/mermaid\.min\.js$/);
    const withRuntime = await article(fence(gantt));
    expect(withRuntime.mermaid).toBe(true);
    expect(withRuntime.html).toContain('<figure class="diagram diagram-fallback" data-pagefind-ignore="all" data-mermaid="">');
    expect(withRuntime.html).toContain('<pre class="diagram-source"><code>gantt\n  title Plan');
    process.env.PATTERNBOOK_MERMAID = '0';
    try {
      expect(mermaidRuntime(REPO)).toBeUndefined();
      const without = await article(fence(gantt));
      expect(without.mermaid).toBe(false);
      expect(without.html).not.toContain('data-mermaid');
      expect(without.html).toContain('<pre class="diagram-source"><code>gantt');
      expect(without.html).toContain('A gantt diagram, shown as its Mermaid source');
    } finally {
      delete process.env.PATTERNBOOK_MERMAID;
    }
  });

  it('keeps drawings in .patternbook/diagrams/ for the next build, and sanitizes what it reads back', async () => {
    const text = `flowchart LR\n  Keep${Date.now()} --> Cached`;
    const first = await article(fence(text));
    const folder = path.join(first.root, '.patternbook', 'diagrams');
    const [file] = await readdir(folder);
    expect(file).toMatch(/^[0-9a-f]{12}\.svg$/);
    const kept = await readFile(path.join(folder, file!), 'utf8');
    expect(kept).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*>Cached<\/text>[\s\S]*<\/svg>$/);
    // Another catalog, whose cache file for its diagram someone replaced.
    const other = await tempCatalog({ 'p/README.md': fence(`flowchart LR\n  Tampered${Date.now()} --> Cached`) });
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" onload="window.__pwned=1"><script>window.__pwned=1</script><text x="1" y="1">from the cache</text></svg>';
    const config = await loadConfig(other);
    const template = await loadCatalogTemplate(config);
    const loaded = await loadPattern({ file: path.join(other, 'p', 'README.md'), path: 'p/README.md', slug: 'p', maxFileSize: config.maxFileSize }, template, {
      keepTokens: true,
    });
    if (!loaded.ok) throw new Error(loaded.diagnostic.message);
    // The file a build looks for: named by the renderer and the diagram's text.
    const source = /```mermaid\n([\s\S]*?)```/.exec(loaded.pattern.document.source)![1]!;
    const hash = createHash('sha256')
      .update(`${RENDERER}\u0000${readDiagram(source).text}`)
      .digest('hex')
      .slice(0, 12);
    await mkdir(path.join(other, '.patternbook', 'diagrams'), { recursive: true });
    await writeFile(path.join(other, '.patternbook', 'diagrams', `${hash}.svg`), hostile);
    const page = renderArticle(loaded.pattern, { root: other, template }, () => undefined).rendered;
    await drawDiagrams(page, { root: other });
    expect(page.html).toContain('>from the cache</text>');
    expectInert(page.html);
    expect(page.html).not.toContain('__pwned');
  });

  it('names the renderer version that package.json pins in the cache key', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(RENDERER.startsWith(`beautiful-mermaid@${pkg.dependencies['beautiful-mermaid']}/`)).toBe(true);
  });
});
