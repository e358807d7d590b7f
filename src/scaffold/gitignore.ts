import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/text-file.js';

/** Patternbook's caches and its dev server's site: never committed. */
const CACHE_DIR = '.patternbook';
/** The verification records `patternbook verify` writes: committed, so a site built in CI shows them. */
const RECORDS_DIR = '.patternbook/verify';

export interface GitignoreUpdate {
  /** Absolute path of the `.gitignore`. */
  file: string;
  /** The file did not exist and was written. */
  created: boolean;
  /** Lines appended (empty when every one was already there). */
  added: string[];
  /** What the user has to change by hand (a line of theirs that ignores the verification records too). */
  warnings: string[];
}

/**
 * Makes git ignore what Patternbook writes but users do not commit: the built
 * site (`outDir`, when it is inside the catalog) and the caches in
 * `.patternbook/`, but not `.patternbook/verify/`. An existing `.gitignore`
 * keeps every line it has; only the lines it lacks (in any of the usual
 * spellings) are appended.
 */
export async function ensureGitignore(root: string, outDir: string): Promise<GitignoreUpdate> {
  const file = path.join(root, '.gitignore');
  const created = !existsSync(file);
  let before = '';
  if (!created) {
    try {
      before = await readFile(file, 'utf8');
    } catch (err) {
      // A folder or an unreadable file by that name: the catalog is made all the same, and the user told.
      const lines = wantedLines(root, outDir, [])
        .wanted.map((l) => `\`${l}\``)
        .join(', ');
      return {
        file,
        created: false,
        added: [],
        warnings: [`.gitignore could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): add ${lines} to your git ignore rules yourself.`],
      };
    }
  }
  const { wanted, warnings } = wantedLines(
    root,
    outDir,
    before
      .split(/\r\n|\r|\n/)
      .map(stripPattern)
      .filter(Boolean),
  );
  if (wanted.length === 0) return { file, created: false, added: [], warnings };

  const eol = /\r\n/.test(before) ? '\r\n' : '\n';
  const block = ['# Patternbook: the built site and caches (verification records in .patternbook/verify/ are committed)', ...wanted];
  const separator = before === '' ? '' : /(\r\n|\r|\n)$/.test(before) ? eol : eol + eol;
  const text = `${before}${separator}${block.join(eol)}${eol}`;
  await writeFileAtomic(file, text, created ? { exclusive: true } : {});
  return { file, created, added: wanted, warnings };
}

/** The lines `existing` patterns lack (in any of the usual spellings), and what the user must change by hand. */
function wantedLines(root: string, outDir: string, existing: string[]): { wanted: string[]; warnings: string[] } {
  const has = (dir: string, ...suffixes: string[]) => existing.some((line) => spellings(dir, suffixes).has(line));
  const wanted: string[] = [];
  const warnings: string[] = [];
  const out = path.relative(root, path.resolve(root, outDir)).split(path.sep).join('/');
  if (out && !out.startsWith('..') && !path.isAbsolute(out) && !has(out, '', '/', '/*', '/**')) wanted.push(`/${escapePattern(out)}/`);

  const whole = existing.find((l) => spellings(CACHE_DIR, ['', '/']).has(l));
  if (whole) {
    // Git cannot re-include a file whose parent folder is excluded: `!…/verify/` after `.patternbook/` does nothing.
    warnings.push(
      `.gitignore has \`${whole}\`, which also ignores the verification records in ${RECORDS_DIR}/ (they are meant to be committed): replace it with the two lines \`/${CACHE_DIR}/*\` and \`!/${RECORDS_DIR}/\`.`,
    );
  } else {
    if (!has(CACHE_DIR, '/*', '/**')) wanted.push(`/${CACHE_DIR}/*`);
    if (!has(`!${RECORDS_DIR}`, '', '/')) wanted.push(`!/${RECORDS_DIR}/`);
  }
  return { wanted, warnings };
}

/** A `.gitignore` line as a pattern: comments dropped, unescaped trailing spaces trimmed. */
function stripPattern(line: string): string {
  if (line.startsWith('#')) return '';
  return line.replace(/(?<!\\)\s+$/, '');
}

/** `dir`, `/dir`, each with each suffix: the spellings of one rule that matter here. */
function spellings(dir: string, suffixes: string[]): Set<string> {
  const negated = dir.startsWith('!');
  const bare = negated ? dir.slice(1) : dir;
  const out = new Set<string>();
  for (const lead of ['', '/']) for (const suffix of suffixes) out.add(`${negated ? '!' : ''}${lead}${escapePattern(bare)}${suffix}`);
  return out;
}

/** Escapes what git would read as glob or special characters in a literal path. */
function escapePattern(rel: string): string {
  return rel
    .replace(/[*?[\\]/g, '\\$&')
    .replace(/^([#!])/, '\\$1')
    .replace(/ $/, '\\ ');
}
