import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

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
 */
export async function writeFileAtomic(file: string, data: string, options: { exclusive?: boolean } = {}): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.exclusive) {
      // link() fails with EEXIST instead of replacing, unlike rename().
      await link(temp, file);
      await rm(temp, { force: true });
    } else {
      await rename(temp, file);
    }
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
