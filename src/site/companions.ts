import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogPattern, loadInput } from '../catalog/load-pattern.js';
import type { TemplateSet } from '../catalog/templates.js';
import type { CatalogConfig } from '../config/load-config.js';
import { drawDiagrams } from './diagrams.js';
import { html, raw } from './html.js';
import { page, type SiteInfo } from './layout.js';
import { renderArticle, type ArticleSettings } from './model.js';
import { companionPage } from './render-pattern.js';
import { writeFileAtomic } from '../util/text-file.js';

/** The pattern a companion document belongs to: its page is beside that one's. */
interface Owner {
  file: string;
  /** The pattern's folder: the document's links are rendered as the pattern's are, from there. */
  dir: string;
  slug: string;
  title: string;
}

/** What writing the companion pages of one pattern needs of the catalog and the site. */
export interface CompanionContext {
  site: SiteInfo;
  config: Pick<CatalogConfig, 'maxFileSize' | 'metadataFile'>;
  templates: TemplateSet;
  settings: ArticleSettings;
  patternAt: (file: string) => { slug: string; file: string } | undefined;
}

/** Files the companion pages show, for the caller to copy as it copies the pattern page's own. */
export interface CompanionFiles {
  assets: string[];
  catalogFiles: string[];
  repositoryFiles: string[];
}

/**
 * Writes a page for each Markdown document of a pattern's folder that its page links (a design note,
 * an appendix: `documents`, see `companionPage`), and for those these link in turn, into `folder`
 * beside the pattern's `index.html`: rendered and sanitized as a pattern is, under the site's shell,
 * with a way back to the pattern. A document that cannot be read as Markdown (front matter never
 * closed) is shown as its text.
 */
export async function writeCompanionPages(folder: string, owner: Owner, documents: readonly string[], context: CompanionContext): Promise<CompanionFiles> {
  const files: CompanionFiles = { assets: [], catalogFiles: [], repositoryFiles: [] };
  const queue = [...documents];
  const done = new Set<string>();
  const root = context.settings.root;
  for (let doc = queue.shift(); doc !== undefined; doc = queue.shift()) {
    if (done.has(doc)) continue;
    done.add(doc);
    const file = path.join(owner.dir, ...doc.split('/'));
    const rel = path.relative(root, file).split(path.sep).join('/');
    const loaded = await loadCatalogPattern(loadInput(context.config, { file, path: rel, slug: owner.slug }), context.templates, { keepTokens: true });
    const back = html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>
  <li><a href="../../">Patterns</a></li>
  <li><a href="./">${owner.title}</a></li>
  <li><span aria-current="page">${doc}</span></li>
</ol></nav>`;
    let main;
    let title = path.posix.basename(doc);
    let mermaid = false;
    if (loaded.ok) {
      // Its links are rendered from the pattern's folder, as the pattern's page's are: the page is beside that one.
      // (A document has no summary of its own: all its text is shown, in its order.)
      const { summary: _summary, ...text } = loaded.pattern;
      const companion = { ...text, dir: owner.dir };
      const article = renderArticle(companion, context.settings, context.patternAt);
      const shown = { ...article.rendered };
      await drawDiagrams(shown, { root });
      mermaid = shown.mermaid;
      title = loaded.pattern.title?.text ?? title;
      main = html`<div class="doc-main">
${back}
<header class="pattern-header">
  <h1>${title}</h1>
</header>
${shown.diagrams.length ? html`<link rel="stylesheet" href="../../assets/diagrams.css">` : ''}
<article class="pattern-body">
  ${raw(shown.html)}
</article>
</div>`;
      files.assets.push(...shown.assets);
      files.catalogFiles.push(...shown.catalogFiles);
      files.repositoryFiles.push(...shown.repositoryFiles);
      queue.push(...shown.documents);
    } else {
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      main = html`<div class="doc-main">
${back}
<header class="pattern-header"><h1>${title}</h1></header>
<article class="pattern-body"><pre class="code"><code>${text}</code></pre></article>
</div>`;
    }
    await writeFileAtomic(
      path.join(folder, companionPage(doc)),
      page({ site: context.site, title, toRoot: '../../', path: `patterns/${owner.slug}/${companionPage(doc)}`, main, bodyClass: 'pattern companion', mermaid }),
    );
  }
  return files;
}
