#!/usr/bin/env node
// The search indexer alone, for the site bench: the articles of a built site's
// pattern pages (what `patternbook build` feeds Pagefind) added through
// Pagefind's Node API and written out. No reading, parsing, linting, rendering
// or page writing: the floor under any build that indexes these pages with Pagefind.
//   node bench/pagefind-alone.mjs <built site> <output folder>
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

// What the build feeds the indexer of an article (its prose: no code blocks), from the build's own code.
const { indexedArticle } = await import(new URL('../dist/site/search-index.js', import.meta.url).href);

const [site, out] = process.argv.slice(2);
const patterns = path.join(site, 'patterns');
const pages = readdirSync(patterns)
  .sort()
  .map((slug) => {
    const page = readFileSync(path.join(patterns, slug, 'index.html'), 'utf8');
    const start = page.indexOf('<article');
    // The page's article without the links headings carry to themselves (the build indexes the article before they are added).
    const article = indexedArticle(page.slice(start, page.indexOf('</article>', start) + '</article>'.length).replace(/<a class="anchor"[^>]*>[\s\S]*?<\/a>/g, ''));
    const title = /<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? slug;
    return { slug, content: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1>${article}</body></html>` };
  });
const started = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
const inFlight = new Set();
for (const { slug, content } of pages) {
  const p = index.addHTMLFile({ url: `patterns/${slug}/`, content }).then(() => inFlight.delete(p));
  inFlight.add(p);
  if (inFlight.size >= 64) await Promise.race(inFlight);
}
await Promise.all(inFlight);
const added = performance.now();
await index.writeFiles({ outputPath: out });
await pagefind.close();
console.log(JSON.stringify({ pages: pages.length, addSeconds: (added - started) / 1000, writeSeconds: (performance.now() - added) / 1000 }));
