import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repositoryRoot } from '../catalog/links.js';
import { parseMarkdown } from '../markdown/document.js';

/** What the catalog's own files say of its site: its name, and its repository's web page. */
export interface SiteFacts {
  title?: { value: string; from: string };
  repoUrl?: { value: string; from: string };
  branch?: { value: string; from: string };
}

/** Code hosts whose repository pages are `https://<host>/<owner>/<name>` (and `…/blob/<branch>/<path>`). */
const WEB_HOSTS = /^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/i;

/**
 * The site's name and repository page as the catalog already says them: a
 * static site generator's configuration beside it (`mkdocs.yml`'s `site_name`
 * and `repo_url`; Jekyll's `_config.yml` `title`), in the catalog's folder or
 * up to its repository's root, and the repository's `origin` remote on a known
 * code host, with its default branch; else the heading of the README in the
 * catalog's folder names the site, or of the nearest one above it in its repository. Nothing is asked of the network: only
 * files are read. (Not that site's address: its pages are not this site's,
 * whose canonical addresses `site.url` gives.)
 */
export function siteFacts(root: string): SiteFacts {
  const facts: SiteFacts = {};
  const repo = repositoryRoot(root);
  const folders: string[] = [];
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    folders.push(dir);
    if (!repo || dir === repo || path.dirname(dir) === dir) break;
  }
  for (const dir of folders) {
    const mkdocs = readYaml(path.join(dir, 'mkdocs.yml')) ?? readYaml(path.join(dir, 'mkdocs.yaml'));
    if (mkdocs) {
      const from = path.relative(root, path.join(dir, 'mkdocs.yml')).split(path.sep).join('/');
      setOnce(facts, 'title', text(mkdocs.site_name), from);
      setOnce(facts, 'repoUrl', webUrl(text(mkdocs.repo_url)), from);
    }
    const jekyll = readYaml(path.join(dir, '_config.yml'));
    if (jekyll) {
      const from = path.relative(root, path.join(dir, '_config.yml')).split(path.sep).join('/');
      setOnce(facts, 'title', text(jekyll.title), from);
    }
  }
  // (Else the catalog's own README's heading: `# gRPC Proposals` over the folder of proposals; or,
  // where its folder has none, the nearest one above it in its repository: `# Kyverno Design
  // Proposals` over `proposals/`.)
  for (const dir of folders) {
    const readme = readmeHeading(dir);
    if (!readme) continue;
    const rel = path.relative(root, path.join(dir, readme.file)).split(path.sep).join('/');
    setOnce(facts, 'title', readme.value, `the heading of ${rel}`);
    break;
  }
  if (repo) {
    const git = gitDir(repo);
    const origin = git ? originUrl(git) : undefined;
    setOnce(facts, 'repoUrl', origin, 'the git remote `origin`');
    if (facts.repoUrl && git) setOnce(facts, 'branch', defaultBranch(git), 'the git checkout');
  }
  return facts;
}

/** README names that only say what the file is, never the catalog's name. */
const GENERIC_HEADING = /^(?:readme|read me|index|home|introduction|overview|contents|table of contents|about|welcome)$/i;

/**
 * The heading of the README in the catalog's folder (`# gRPC Proposals`), or of
 * its index page (`index.md`, `# Architectural Decision Records`): its first
 * H1, as plain text (no badges, links or marks), where it is a name — a few
 * words, not the file's own name (`# README`) nor a sentence.
 */
function readmeHeading(root: string): { value: string; file: string } | undefined {
  for (const name of ['README.md', 'readme.md', 'Readme.md', 'README.markdown', 'index.md']) {
    let source: string;
    try {
      source = readFileSync(path.join(root, name), 'utf8');
    } catch {
      continue;
    }
    const parsed = parseMarkdown(source);
    const headings = parsed.ok ? parsed.document.headings : [];
    // (Or, where it has no H1, its first heading when that opens it, `## Filecoin Improvement Protocol`;
    // or a heading written in HTML at its top, `<h1 align="center">Go Patterns <br> <a …><img …></a></h1>`.)
    const html = /^\s*(?:<(?:p|div|center)\b[^>]*>\s*)*(?:<img\b[^>]*>\s*)*<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(source)?.[1];
    const first = headings[0];
    const heading =
      headings.find((h) => h.level === 1) ??
      (html !== undefined
        ? undefined
        : first && first.level === 2 && parsed.ok && parsed.document.preamble.every((b) => b.kind === 'html' || b.kind === 'hr')
          ? first
          : undefined);
    // (A heading the parser read from that HTML block is its text as the block has it: read from the `<h1>`.)
    // (The `<h1>` at the very top wins over a Markdown H1 further down.)
    const written = html === undefined && heading && !/^\s*</.test(heading.raw) ? heading : undefined;
    if (!written && html === undefined) continue;
    // (Its source, badges and all, with the badges left out: their alt text is no part of the name.)
    // (What follows a line break in it, `<br>` then badges, is no part of it either; nor a colon closing it, `# Accepted Proposals:`.)
    const value = (written ? written.raw.replace(/^ {0,3}#+\s*|\s+#+\s*$/g, '').split(/\r?\n/)[0]! : html!.split(/<br\s*\/?>/i)[0]!)
      // (Images inline or by reference, `[![gitter][gitter-img]][gitter-url]`; then the links around them.)
      .replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
      .replace(/[*_`]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\s*[:：]$/, '');
    const words = value.split(' ').length;
    return /\p{L}{2}/u.test(value) && !GENERIC_HEADING.test(value) && words <= 8 && !/[.。!?]$/.test(value) ? { value, file: name } : undefined;
  }
  return undefined;
}

function setOnce(facts: SiteFacts, key: keyof SiteFacts, value: string | undefined, from: string): void {
  if (value && !facts[key]) facts[key] = { value, from };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** An `http(s)` address, as written (no trailing `.git`), else undefined. */
function webUrl(value: string | undefined): string | undefined {
  if (!value || !/^https?:\/\/[^\s/]+/i.test(value)) return undefined;
  return value.replace(/\.git\/?$/, '').replace(/\/+$/, '');
}

function readYaml(file: string): Record<string, unknown> | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    // (mkdocs.yml may hold `!!python/name:` tags: read leniently, keys only.)
    const data: unknown = parseYaml(readFileSync(file, 'utf8'), { logLevel: 'silent', customTags: [], strict: false, uniqueKeys: false });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The repository's git folder: `.git`, or where a `.git` file (a worktree, a submodule) points. */
function gitDir(repo: string): string | undefined {
  const dot = path.join(repo, '.git');
  try {
    if (statSync(dot).isDirectory()) return dot;
    const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dot, 'utf8'));
    return m ? path.resolve(repo, m[1]!.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** The web page of the `origin` remote, when it is on a known code host (`git@github.com:team/repo.git` → `https://github.com/team/repo`). */
function originUrl(git: string): string | undefined {
  let config: string;
  try {
    config = readFileSync(path.join(git, 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const section = /\[remote "origin"\]([^[]*)/.exec(config)?.[1];
  const url = section ? /^\s*url\s*=\s*(\S+)/m.exec(section)?.[1] : undefined;
  if (!url) return undefined;
  const m =
    /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/(?:[^@/]+@)?|git:\/\/)([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/i.exec(url) ?? /^[^@\s]+@([^:\s]+):(.+?)(?:\.git)?\/?$/.exec(url);
  if (!m || !WEB_HOSTS.test(m[1]!) || !/^[\w.-]+\/[\w.-]+(?:\/[\w.-]+)*$/.test(m[2]!)) return undefined;
  return `https://${m[1]!.toLowerCase()}/${m[2]}`;
}

/** The remote's default branch (`origin/HEAD`), else the branch checked out. */
function defaultBranch(git: string): string | undefined {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(git, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const remote = /^ref:\s*refs\/remotes\/origin\/(\S+)/m.exec(read('refs/remotes/origin/HEAD') ?? '')?.[1];
  return remote ?? /^ref:\s*refs\/heads\/(\S+)/m.exec(read('HEAD') ?? '')?.[1];
}
