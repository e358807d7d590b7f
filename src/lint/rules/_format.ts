import path from 'node:path';
import { relativeLink, repositoryRoot, SITE_PREFIX, type PageFolderFile, type SiteRootFile } from '../../catalog/links.js';
import type { UnsafeReason } from '../../catalog/targets.js';
import type { Section } from '../../markdown/types.js';
import type { TemplateSection } from '../../template/types.js';

/** How messages show a pattern's heading: `## Overview`. */
export function headingLabel(section: Section): string {
  return `\`${'#'.repeat(section.level)} ${section.title}\``;
}

/** How messages show a template section: `## Cleanup`, `### Step N: <title>`. */
export function schemaLabel(schema: TemplateSection): string {
  return `\`${'#'.repeat(schema.level)} ${schema.name}\``;
}

/** `"text"` shortened to a readable quote. */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/** What an unsafe destination is, for messages. */
export function unsafeText(reason: UnsafeReason): string {
  switch (reason) {
    case 'file-url':
      return 'a `file://` URL, which only opens on the machine that wrote it';
    case 'absolute':
      return 'an absolute file-system path, which only exists on the machine that wrote it';
    case 'home':
      return 'a path in a home folder (`~`), which only exists on the machine that wrote it';
    case 'outside':
      return 'a path that leaves the catalog root, so it breaks wherever the catalog is cloned or published';
    case 'symlink':
      return 'a path through a symbolic link that leads out of the catalog root';
  }
}

/** `` `text` `` for messages. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * What to say of an image or link that names nothing where it is written but a file where a site
 * that publishes the catalog reads it from its root (see `fromSiteRoot`): where it was found, where
 * it works and where not, and — when it is in the catalog, read from its root — the path relative to
 * the pattern that works everywhere (`expected`). `rel` is the path as written, from the catalog's root.
 */
export function siteRootFinding(
  kind: 'image' | 'link',
  written: string,
  rel: string,
  found: SiteRootFile,
  fromFile: string,
  root: string,
): { message: string; expected?: string } {
  const [What, works, work] = kind === 'image' ? ['Image', 'shows', 'show'] : ['Link', 'works', 'work'];
  const fromRoot = written.trim().replace(SITE_PREFIX, '').startsWith('/');
  const head = fromRoot
    ? `${What} ${code(written)} names nothing from the catalog's root`
    : `${What} ${code(written)} names nothing from this pattern's folder (there is no ${code(rel)} in the catalog)`;
  const folder = code(`${found.folder}/`);
  // (Images are copied into this catalog's site, from the repository too; other files only from the catalog.)
  const ourSite = kind === 'image' ? ` and on this catalog's site (copied from there)` : found.in === 'catalog' ? ` and on this catalog's site` : '';
  // (The path relative to the pattern, to a file of the catalog: the one that works everywhere.)
  const relative = found.in === 'catalog' ? relativeLink(fromFile, path.join(root, ...found.file.split('/'))) : undefined;
  if (relative !== undefined && found.folder === '') {
    return {
      message: `${head}, but ${code(found.file)} is there from the catalog's root: it ${works} where a site reads the path from the catalog's root (this catalog's site does), not on git hosts nor in editors. Write ${code(relative)}, relative to this pattern, to have it ${work} everywhere.`,
      expected: relative,
    };
  }
  if (relative !== undefined) {
    return {
      message: `${head}, but ${code(found.file)} is there, in ${folder}, the folder a site generator serves at the site's root: it ${works} on the published site${ourSite}, not on git hosts nor in editors. Where the catalog is read on git hosts too, write ${code(relative)}, relative to this pattern, if the site generator publishes it so.`,
    };
  }
  // (From the root of the repository itself, `/site-assets/pics/flow.png`: git hosts read a path that
  // starts with `/` in a repository's Markdown so. Only a copy of the catalog alone lacks it.)
  if (fromRoot && found.in === 'repository' && (found.folder === '' || found.folder === '.') && !found.served) {
    return {
      message: `${What} ${code(written)} is read from the root of the repository around the catalog, as git hosts read such a path: ${code(found.file)} is there, so it ${works} on git hosts${ourSite}, but not in a copy of the catalog alone. To keep it with the pattern, copy it into the catalog with a relative path.`,
    };
  }
  if (found.served) {
    return {
      message: `${head}, but ${code(found.file)} of the repository is there, in ${folder}, the folder a site generator serves at the site's root: it ${works} on the published site${ourSite}, not on git hosts nor in a copy of the catalog alone. Copy it into the catalog, with a relative path, to keep it with the pattern.`,
    };
  }
  return {
    message: `${head}, but ${code(found.file)} of the repository is there from ${found.folder ? folder : 'its root'}, the folder a site of it is published from, likely: it ${works} on that site${ourSite}, not on git hosts nor in a copy of the catalog alone. Copy it into the catalog, with a relative path, to keep it with the pattern.`,
  };
}

/**
 * Where a path read from the page's web address as a folder leads (see `fromPageFolder`): the file,
 * the page's folder name as its address ends (`…/0003/`), and the file said for a message.
 */
export function pageFolderPlace(page: PageFolderFile, fromFile: string, root: string): { target: string; name: string; where: string } {
  const base = page.in === 'catalog' ? root : (repositoryRoot(root) ?? root);
  return {
    target: path.join(base, ...page.file.split('/')),
    name: path.basename(fromFile, path.extname(fromFile)),
    where: page.in === 'catalog' ? `the catalog's ${code(page.file)}` : `${code(page.file)} of the repository around the catalog`,
  };
}

/** Why a path written with a prefix swap names another file (see `learnPrefixSwaps`): said alike for links and images. */
export function swapNote(swap: { from: string; to: string; links: number }): string {
  return `its links write \`${swap.from}\` for its files' \`${swap.to}\` (${swap.links} links do`;
}
