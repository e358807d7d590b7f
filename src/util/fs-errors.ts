import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { PatternbookError } from '../diagnostics.js';

/** What was being done to a path when the system refused. */
export type FileOperation = 'read' | 'write' | 'create-folder' | 'list' | 'remove' | 'open';

const VERB: Record<FileOperation, string> = {
  read: 'read',
  write: 'write',
  'create-folder': 'create the folder',
  list: 'read the folder',
  remove: 'remove',
  // An `open` that reached the CLI unexplained: for reading or writing, it cannot tell.
  open: 'open',
};

const PERMISSION: Record<FileOperation, string> = {
  read: 'Make it readable for this user.',
  list: 'Make the folder readable for this user.',
  write: 'Make it (or its folder) writable for this user, or choose another place.',
  'create-folder': 'Make the folder it goes in writable for this user, or choose another place.',
  remove: 'Make its folder writable for this user.',
  open: 'Check its permissions and those of the folders above it.',
};

/**
 * A file-system error of the user's situation (a read-only folder, a file where
 * a folder was expected, a full disk…): exit code 2, and the system's error code
 * kept in `code` so callers can still tell EEXIST from EACCES.
 */
export class FileSystemError extends PatternbookError {
  constructor(
    message: string,
    readonly code: string,
    readonly file: string,
    readonly operation: FileOperation,
  ) {
    super(message, 2);
    this.name = 'FileSystemError';
  }
}

/** Whether `err` is an error of the operating system (an errno code such as `EACCES`). */
export function isSystemError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return (
    err instanceof Error &&
    typeof (err as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z0-9]+$/.test((err as NodeJS.ErrnoException).code!) &&
    typeof (err as NodeJS.ErrnoException).errno === 'number'
  );
}

/**
 * Turns an operating-system error on `file` into a message that says what could
 * not be done, where, why in plain words, and what to do:
 * "Cannot write `/x/report.txt`: permission denied. Make the folder writable, or write somewhere else."
 * Anything else is returned unchanged (a real bug stays a bug).
 */
export function fileSystemError(err: unknown, operation: FileOperation, file: string): unknown {
  if (err instanceof FileSystemError || !isSystemError(err)) return err;
  return new FileSystemError(describeFileSystemError(err, operation, file), err.code, file, operation);
}

/** The message of {@link fileSystemError}. */
export function describeFileSystemError(err: NodeJS.ErrnoException, operation: FileOperation, file: string): string {
  const code = err.code ?? '';
  const what = `Cannot ${VERB[operation]} \`${file}\``;
  const writing = operation === 'write' || operation === 'create-folder';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `${what}: permission denied. ${PERMISSION[operation]}`;
    case 'EROFS':
      return `${what}: the file system is read-only. Choose a place on a writable disk.`;
    case 'EISDIR':
      return `${what}: it is a folder. Give a file name${writing ? ' inside it, or another path' : ''}.`;
    case 'ENOTDIR':
    case 'EEXIST': {
      // EEXIST is an exclusive write meeting the file, or a folder creation meeting a file on the way.
      const blocker = fileInTheWay(code === 'EEXIST' && operation === 'write' ? path.dirname(file) : file);
      if (code === 'EEXIST' && operation === 'write' && !blocker) return `${what}: it already exists. Remove it first, or choose another name.`;
      return blocker ? `${what}: \`${blocker}\` is a file, not a folder. Choose another path.` : `${what}: a part of the path is not a folder. Choose another path.`;
    }
    case 'ENOENT': {
      const parent = path.dirname(file);
      const parentIsFolder = statOf(parent)?.isDirectory() ?? false;
      if (!parentIsFolder) return `${what}: the folder \`${parent}\` does not exist.${writing ? ' Create it first, or choose another place.' : ''}`;
      // A folder that exists and still answers "no such file" when something is created in it (/proc, /sys) takes no new files.
      if (writing) return `${what}: \`${parent}\` does not accept new ${operation === 'create-folder' ? 'folders' : 'files'}. Choose another place.`;
      return `${what}: it does not exist.`;
    }
    case 'ENOSPC':
      return `${what}: no space left on the disk. Free some space and run again.`;
    case 'EDQUOT':
      return `${what}: the disk quota is used up. Free some space and run again.`;
    case 'EMFILE':
    case 'ENFILE':
      return `${what}: too many files are open. Raise the limit (\`ulimit -n\`) or close other programs, and run again.`;
    case 'ELOOP':
      return `${what}: too many symbolic links (a link that leads back to itself?). Fix the link, or choose another path.`;
    case 'ENAMETOOLONG':
      return `${what}: the name is too long for the file system. Choose a shorter path.`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${what}: it is in use by another program. Close it and run again.`;
    case 'EIO':
      return `${what}: input/output error (a disk or network drive problem). Check the disk and run again.`;
    default: {
      const reason = getSystemErrorMap().get(err.errno ?? 0)?.[1] ?? err.message;
      return `${what}: ${reason} (${code}).`;
    }
  }
}

/**
 * For an error raised by `err.syscall` on `err.path`: the operation and path to
 * name in a message. A rename or link names its target, where the user asked to write.
 */
export function operationOf(err: NodeJS.ErrnoException & { dest?: string }): { operation: FileOperation; file: string } | undefined {
  const syscall = err.syscall ?? '';
  // Only the file system's calls: a `spawn git` or `connect` error names a command or an address, not a file.
  if (!err.path || !FILE_SYSCALLS.has(syscall)) return undefined;
  if (['rename', 'link', 'copyfile', 'symlink'].includes(syscall)) return { operation: 'write', file: err.dest ?? err.path };
  if (syscall === 'mkdir' || syscall === 'mkdtemp') return { operation: 'create-folder', file: err.path };
  if (syscall === 'scandir' || syscall === 'opendir') return { operation: 'list', file: err.path };
  if (['unlink', 'rmdir', 'rm'].includes(syscall)) return { operation: 'remove', file: err.path };
  if (['write', 'utime', 'chmod', 'chown', 'fsync', 'ftruncate', 'truncate'].includes(syscall)) return { operation: 'write', file: err.path };
  if (syscall === 'open') return { operation: ['EROFS', 'ENOSPC', 'EDQUOT'].includes(err.code ?? '') ? 'write' : 'open', file: err.path };
  return { operation: 'read', file: err.path };
}

const FILE_SYSCALLS = new Set([
  'open',
  'read',
  'write',
  'close',
  'stat',
  'lstat',
  'fstat',
  'access',
  'readlink',
  'realpath',
  'scandir',
  'opendir',
  'mkdir',
  'mkdtemp',
  'rmdir',
  'rm',
  'unlink',
  'rename',
  'link',
  'symlink',
  'copyfile',
  'cp',
  'chmod',
  'chown',
  'utime',
  'fsync',
  'ftruncate',
  'truncate',
]);

/** The first existing part of `file`'s path (from the root) that is not a folder. */
function fileInTheWay(file: string): string | undefined {
  const parts: string[] = [];
  for (let p = path.resolve(file); ; p = path.dirname(p)) {
    parts.unshift(p);
    if (path.dirname(p) === p) break;
  }
  for (const p of parts) {
    const s = statOf(p);
    if (!s) return undefined;
    if (!s.isDirectory()) return p;
  }
  return undefined;
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
