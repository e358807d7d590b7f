#!/usr/bin/env node
// The search indexer alone, for the site bench: the articles of a built site's
// pattern pages (what `patternbook build` feeds Pagefind) added through
// Pagefind's Node API and written out. No reading, parsing, linting, rendering
// or page writing: the floor under any build that indexes these pages with Pagefind.
//   node bench/pagefind-alone.mjs <built site> <output folder>
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

const [site, out] = process.argv.slice(2);
const patterns = path.join(site, 'patterns');
const pages = readdirSync(patterns)
  .sort()
  .map((slug) => {
    const page = readFileSync(path.join(patterns, slug, 'index.html'), 'utf8');
    const start = page.indexOf('<article');
    const article = page.slice(start, page.indexOf('</article>', start) + '</article>'.length).replace(/<span class="hljs-[^"]*">|<\/span>/g, '');
    return { slug, content: `<!doctype html><html lang="en"><head><title>${slug}</title></head><body>${article}</body></html>` };
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
