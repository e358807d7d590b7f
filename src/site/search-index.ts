import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PatternbookError } from '../diagnostics.js';

/**
 * Builds the Pagefind index of the pattern pages through Pagefind's Node API,
 * fed the pages' HTML directly (no second read from disk). Only each page's
 * article is indexed (`data-pagefind-body`), with its facets as filters.
 * Returns the index's size in bytes.
 */
export async function indexSite(dir: string, pages: { url: string; html: string }[]): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new PatternbookError(`The search index could not be started: ${errors.join('; ')}`);
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length) throw new PatternbookError(`Search index: ${page.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    if (written.errors.length) throw new PatternbookError(`Search index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  return folderSize(path.join(dir, 'pagefind'));
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(p) : (await stat(p)).size;
  }
  return total;
}
