import { statSync } from 'node:fs';
import path from 'node:path';
import { findConfigRoot } from '../config/load-config.js';

/** A pattern written as its folder's README owns that folder: its diagrams, scripts and other files. */
export function ownsFolder(file: string): boolean {
  return /^readme\.(md|markdown)$/i.test(path.basename(file));
}

/** What belongs to a pattern on disk: its folder when it owns one, else its file. */
export function patternScope(pattern: { file: string; dir: string }): string {
  return ownsFolder(pattern.file) ? pattern.dir : pattern.file;
}

/**
 * The catalog a pattern file or folder belongs to: the nearest folder upward
 * with a configuration file, else the folder above the pattern's own folder
 * (or, for a one-file pattern, the folder that holds it).
 */
export function catalogRootOfPattern(given: string): string {
  const isDir = statSync(given, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const configured = findConfigRoot(isDir ? given : path.dirname(given));
  if (configured) return configured;
  if (isDir) return path.dirname(given);
  return ownsFolder(given) ? path.dirname(path.dirname(given)) : path.dirname(given);
}
