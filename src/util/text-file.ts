import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemError } from './fs-errors.js';
import { processAlive } from './process.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 strictly; `undefined` for bytes that are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed, then
 * renamed over the target, so a crash never leaves a half-written file.
 * With `exclusive`, an existing target is never replaced.
 *
 * What the system refuses (a read-only folder, a folder or a file in the way, a
 * full disk) is thrown as a {@link FileSystemError} naming the target, and no
 * temporary file is left behind. A symbolic link is written through (its target
 * is replaced, the link stays); a device or pipe such as `/dev/null` or
 * `/dev/stdout` is written to directly, never replaced by a regular file. A
 * file replaced keeps its permission bits.
 */
export async function writeFileAtomic(file: string, data: string, options: { exclusive?: boolean } = {}): Promise<void> {
  let target = file;
  const entry = await lstat(file).catch(() => undefined);
  if (entry?.isSymbolicLink()) target = await realpath(file).catch(() => file);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw fileSystemError(Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR', errno: -21 }), 'write', file);
  if (existing && !existing.isFile()) {
    if (options.exclusive) throw fileSystemError(Object.assign(new Error(`EEXIST: ${file}`), { code: 'EEXIST', errno: -17 }), 'write', file);
    await writeFile(target, data, 'utf8').catch((err: unknown) => {
      throw fileSystemError(err, 'write', file);
    });
    return;
  }

  const dir = path.dirname(target);
  try {
    await makeFolders(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A file where a folder should be concerns the path the user gave; anything else, the folder that could not be made.
    throw code === 'EEXIST' || code === 'ENOTDIR'
      ? fileSystemError(err, 'write', file)
      : fileSystemError(err, 'create-folder', (err as NodeJS.ErrnoException).path ?? dir);
  }
  await removeStaleTemps(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      // The file replaced keeps its permissions (an executable script stays executable; git sees no mode change).
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      // link() fails with EEXIST instead of replacing, unlike rename().
      await link(temp, target);
      await rm(temp, { force: true });
    } else {
      await rename(temp, target);
    }
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw fileSystemError(err, 'write', file);
  }
}

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir never returns
 * for a path under /proc or /sys (each level answers "no such file", and it
 * retries for ever); here a folder that exists and still refuses ends it.
 */
export async function makeFolders(dir: string): Promise<void> {
  const isFolder = async () => (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
  try {
    await mkdir(dir);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await isFolder())) return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw err;
  }
  await makeFolders(path.dirname(dir));
  try {
    await mkdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && (await isFolder())) return;
    throw err;
  }
}

/**
 * Temporary files a killed run left beside `file` (`.<name>.<pid>-<hex>.tmp`
 * of a process that no longer runs): removed before the next write, so a
 * SIGKILL, an OOM kill or a CI timeout leaves no litter for good.
 */
async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)-[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    const pid = Number(m?.[1]);
    if (!m || pid === process.pid || processAlive(pid)) continue;
    await rm(path.join(path.dirname(file), name), { force: true });
  }
}
