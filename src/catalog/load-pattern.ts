import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { fatal, type Diagnostic } from '../diagnostics.js';
import { leadBlock, parseMarkdown, type ParseOptions } from '../markdown/document.js';
import { decodeUtf8 } from '../util/text-file.js';
import { formatSize, utf8ErrorPosition } from '../util/bytes.js';
import type { Pattern, PatternText } from './types.js';

export interface LoadPatternInput {
  file: string;
  /** Relative to the catalog root, `/` separators. */
  path: string;
  slug: string;
  maxFileSize: number;
}

export type LoadPatternResult = { ok: true; pattern: Pattern } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads one pattern file once and parses it once. Anything that stops it from
 * loading becomes a fatal diagnostic with a position and what to do.
 */
export async function loadPattern(input: LoadPatternInput, options: ParseOptions = {}): Promise<LoadPatternResult> {
  const fail = (message: string, line = 1, column = 1): LoadPatternResult => ({
    ok: false,
    diagnostic: fatal(input.path, 'file-read', message, line, column),
  });

  let bytes: Buffer;
  let size: number;
  try {
    ({ bytes, size } = readWhole(input.file, input.maxFileSize));
  } catch (err) {
    if (err instanceof TooLarge) {
      return fail(
        `File is ${formatSize(err.size)}, larger than the ${formatSize(input.maxFileSize)} limit: split it, or raise \`maxFileSize\` in the configuration.`,
      );
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('File disappeared before it could be read; run again.');
    if (code === 'EACCES' || code === 'EPERM') return fail('Permission denied: make the file readable.');
    if (code === 'EISDIR') return fail('This is a folder, not a file: rename it or exclude it with `exclude`.');
    return fail(`Cannot read file: ${(err as Error).message}`);
  }

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('File is UTF-16 encoded: save it as UTF-8.');
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const at = utf8ErrorPosition(bytes);
    return fail('File is not valid UTF-8: save it as UTF-8 (or remove the binary content).', at.line, at.column);
  }
  return patternFromText(input, text, size, options);
}

/**
 * A pattern from its text (a file's, or an editor's unsaved buffer): parsed
 * once, title and summary found as the template allows them.
 */
export function patternFromText(input: Omit<LoadPatternInput, 'maxFileSize'>, text: string, size = Buffer.byteLength(text), options: ParseOptions = {}): LoadPatternResult {
  const fail = (message: string, line = 1, column = 1): LoadPatternResult => ({
    ok: false,
    diagnostic: fatal(input.path, 'file-read', message, line, column),
  });
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    return fail('File contains NUL bytes and looks binary, not Markdown: remove it or exclude it with `exclude`.', line);
  }

  const parsed = parseMarkdown(text, options);
  if (!parsed.ok) {
    return { ok: false, diagnostic: fatal(input.path, 'front-matter-syntax', parsed.error.message, parsed.error.line, parsed.error.column) };
  }
  const document = parsed.document;
  const frontMatter = document.frontMatter?.data ?? {};
  const fmRange = document.frontMatter ? document.lines.linesRange(document.frontMatter.startLine, document.frontMatter.endLine) : undefined;

  let title: PatternText | undefined;
  if (document.title) title = { text: document.title.text, from: 'heading', range: document.title.range };
  else if (typeof frontMatter.title === 'string' && fmRange) title = { text: frontMatter.title, from: 'front-matter', range: fmRange };

  let summary: PatternText | undefined;
  const first = leadBlock(document);
  if (first?.kind === 'blockquote') summary = { text: first.text, from: 'blockquote', range: first.range };
  else if (typeof frontMatter.description === 'string' && fmRange) summary = { text: frontMatter.description, from: 'front-matter', range: fmRange };

  return {
    ok: true,
    pattern: {
      slug: input.slug,
      file: input.file,
      path: input.path,
      dir: path.dirname(input.file),
      size,
      ...(title ? { title } : {}),
      ...(summary ? { summary } : {}),
      frontMatter,
      links: document.links,
      anchors: document.headings.map((h) => h.id),
      document,
    },
  };
}

class TooLarge extends Error {
  constructor(readonly size: number) {
    super('too large');
  }
}

/**
 * The file's bytes, read with one open, one stat and one read. Synchronous on
 * purpose: pattern files are small, and for a thousand of them the thread-pool
 * round trips of asynchronous reads cost five times the reading itself
 * (measured: 16 ms against 78 ms). The size is checked on the open descriptor,
 * so a file swapped after the check cannot slip past it.
 */
function readWhole(file: string, maxSize: number): { bytes: Buffer; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxSize) throw new TooLarge(size);
    let bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled < size) bytes = bytes.subarray(0, filled);
    return { bytes, size };
  } finally {
    closeSync(fd);
  }
}
