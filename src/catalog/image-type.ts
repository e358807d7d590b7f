import { closeSync, openSync, readSync } from 'node:fs';

/** The image formats a page may show. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';

/** Bytes read to tell a file's format. */
const SNIFF_BYTES = 1024;

/** The first bytes of a file (none when it cannot be read). */
export function readHead(file: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = new Uint8Array(SNIFF_BYTES);
    const n = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a file's first bytes are a Git LFS pointer's (`version https://git-lfs.github.com/spec/v1`): the image not fetched in this checkout. */
export function isLfsPointer(head: Uint8Array): boolean {
  return new TextDecoder('utf-8', { fatal: false })
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('version https://git-lfs.github.com/spec/');
}

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** What the first bytes say a file is. */
export function sniff(head: Uint8Array): ImageType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  const six = ascii(head, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(head, 8, 12))) return 'avif';
  if (isSvg(head)) return 'svg';
  return undefined;
}

/**
 * `<svg` is the first element, after an optional byte-order mark, XML declaration, comments and
 * doctype — or a root element with a prefix bound to the SVG namespace in its own start tag
 * (`<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg">`, as some converters write it): XML reads
 * both as SVG's `svg` element, and browsers draw both.
 */
function isSvg(head: Uint8Array): boolean {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  for (;;) {
    const before = text;
    text = text.replace(/^\s+/, '');
    if (text.startsWith('<?')) text = text.slice(endOf(text, '?>'));
    else if (text.startsWith('<!--')) text = text.slice(endOf(text, '-->'));
    else if (/^<!doctype/i.test(text)) text = text.slice(endOf(text, '>'));
    if (text === before) break;
  }
  if (/^<svg[\s>/]/i.test(text)) return true;
  const prefixed = /^<([A-Za-z_][\w.-]*):svg(?=[\s>/])(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(text);
  if (!prefixed) return false;
  // (The prefix's namespace is declared on the root itself: nothing above it can declare one.)
  for (const [, name, , value] of prefixed[0].matchAll(/\sxmlns:([^\s=]+)\s*=\s*(["'])(.*?)\2/g))
    if (name === prefixed[1] && value!.trim() === SVG_NAMESPACE) return true;
  return false;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

function endOf(text: string, close: string): number {
  const at = text.indexOf(close);
  return at < 0 ? text.length : at + close.length;
}

/** Whether the file is an image of a format a page may show, by its content (not its name). */
export function isImageFile(file: string): boolean {
  const head = readHead(file);
  return head !== undefined && sniff(head) !== undefined;
}
