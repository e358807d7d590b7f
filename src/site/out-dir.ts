import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { PatternbookError } from '../diagnostics.js';
import { fileSystemError } from '../util/fs-errors.js';
import { processAlive } from '../util/process.js';
import { makeFolders } from '../util/text-file.js';

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
  // makeFolders, not mkdir's recursive mode: that never returns under /proc. A refusal names the output, not the lock.
  await makeFolders(parent).catch((err: unknown) => Promise.reject(fileSystemError(err, 'create-folder', (err as NodeJS.ErrnoException).path ?? parent)));
  // One build at a time per output folder: a second one refuses instead of racing the swap.
  const release = await takeLock(path.join(parent, `.${path.basename(target)}.lock`), out).catch((err: unknown) => Promise.reject(fileSystemError(err, 'write', target)));
  try {
    await removeLeftovers(parent, path.basename(target));
    const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const fresh = path.join(parent, `.${path.basename(target)}.building-${tag}`);
    await mkdir(fresh);
    try {
      await writeFile(path.join(fresh, SITE_MARKER), 'Built by Patternbook. `patternbook build` may replace this folder.\n');
      await build(fresh);
      // Checked again: the folder may have changed while the site was built.
      checkOutDir(out, catalogRoot);
      if (existsSync(target)) {
        const old = path.join(parent, `.${path.basename(target)}.old-${tag}`);
        await rename(target, old);
        await rename(fresh, target);
        // The old folder carried the marker (checked above): it was a site Patternbook built.
        await rm(old, { recursive: true, force: true });
      } else {
        await rename(fresh, target);
      }
    } catch (err) {
      await rm(fresh, { recursive: true, force: true });
      const code = (err as NodeJS.ErrnoException).code;
      if (code && !(err instanceof PatternbookError))
        throw new PatternbookError(`Could not put the new site in place at ${out} (${code}: ${(err as Error).message}); the previous site, if any, is unchanged.`, 1);
      throw err;
    }
  } finally {
    await release();
  }
}

/**
 * A lock folder beside the output. A lock left by a process that no longer
 * runs (a killed build) is taken over; one held by a running build refuses.
 */
/**
 * Half-built sites and old sites a killed build left beside the output
 * (`.<name>.building-<pid>-<hex>`, `.<name>.old-<pid>-<hex>`): removed once
 * their process is gone. Only names of this shape are ever touched.
 */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const shape = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:building|old)-(\\d+)-[0-9a-f]{8}$`);
  for (const entry of readdirSync(parent)) {
    const m = shape.exec(entry);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && !processAlive(pid)) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}

const heldHere = new Set<string>();

async function takeLock(lock: string, out: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(lock);
      heldHere.add(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      return async () => {
        heldHere.delete(lock);
        await rm(lock, { recursive: true, force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSyncSafe(path.join(lock, 'pid')));
      // A lock without its pid yet is one being taken this very moment; one of this process is held
      // by a build still running here.
      const young = !pid && Date.now() - mtimeMs(lock) < 10_000;
      if (young || heldHere.has(lock) || (pid && pid !== process.pid && processAlive(pid))) {
        throw new PatternbookError(`Another build${pid ? ` (process ${pid})` : ''} is writing ${out} right now: wait for it to finish, or build into another folder.`, 2);
      }
      // Stale: its process is gone (or it never wrote its pid).
      await rm(lock, { recursive: true, force: true });
    }
  }
  throw new PatternbookError(`Could not take the lock ${lock} for ${out}: another build keeps taking it; try again.`, 2);
}

function mtimeMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
