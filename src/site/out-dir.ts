import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { PatternbookError } from '../diagnostics.js';

/** The file Patternbook leaves in every site it builds: the proof that it may replace that folder. */
export const SITE_MARKER = '.patternbook-site';

/** The real path of `p`, or of its deepest existing ancestor with the rest appended. */
function realish(p: string): string {
  const rest: string[] = [];
  let at = path.resolve(p);
  while (!existsSync(at)) {
    rest.unshift(path.basename(at));
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  return path.join(realpathSync(at), ...rest);
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/**
 * Refuses an output folder that a build could damage: the file-system root,
 * the home folder, the catalog root or a folder above it, a file, or a
 * non-empty folder that holds no Patternbook marker (someone else's files).
 */
export function checkOutDir(out: string, catalogRoot: string): void {
  const target = realish(out);
  const root = realish(catalogRoot);
  const refuse = (why: string) => {
    throw new PatternbookError(`Refusing to build into ${out}: ${why} Choose an empty or new folder, e.g. \`--out _site\`.`);
  };
  if (path.parse(target).root === target) refuse('it is the root of the file system.');
  if (target === realish(homedir())) refuse('it is your home folder.');
  if (inside(root, target)) refuse(target === root ? 'it is the catalog itself.' : 'it holds the catalog.');
  if (!existsSync(target)) return;
  const info = lstatSync(target);
  if (info.isSymbolicLink()) refuse('it is a symbolic link.');
  if (!info.isDirectory()) refuse('it is a file, not a folder.');
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) refuse(`it is not empty and was not made by Patternbook (no ${SITE_MARKER} file in it).`);
}

/**
 * Builds a site into a fresh folder beside `out` and swaps it in only once it
 * is complete, so a failed build leaves the previous site as it was. Only
 * folders this function made (or that carry the marker) are ever removed.
 */
export async function replaceSite(out: string, catalogRoot: string, build: (dir: string) => Promise<void>): Promise<void> {
  checkOutDir(out, catalogRoot);
  const target = path.resolve(out);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = path.join(parent, `.${path.basename(target)}.building-${tag}`);
  await mkdir(fresh);
  try {
    await writeFile(path.join(fresh, SITE_MARKER), 'Built by Patternbook. `patternbook build` may replace this folder.\n');
    await build(fresh);
  } catch (err) {
    await rm(fresh, { recursive: true, force: true });
    throw err;
  }
  if (existsSync(target)) {
    const old = path.join(parent, `.${path.basename(target)}.old-${tag}`);
    await rename(target, old);
    await rename(fresh, target);
    // The old folder carried the marker (checked above): it was a site Patternbook built.
    await rm(old, { recursive: true, force: true });
  } else {
    await rename(fresh, target);
  }
}
