import { lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, Pattern } from '../catalog/types.js';
import { resolveReference } from '../catalog/links.js';
import { parseMarkdown } from '../markdown/document.js';
import type { Link } from '../markdown/types.js';
import { foldHeading } from '../template/normalize.js';

export interface FileInfo {
  /** Of what the path leads to (symbolic links followed). */
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  /** The path itself is a symbolic link. */
  isSymbolicLink: boolean;
}

export interface Relation {
  from: Pattern;
  to: Pattern;
  /** The template section the link is in: Related Patterns or Alternatives. */
  kind: 'related' | 'alternative';
  link: Link;
}

/** Section names (folded) whose links are relations between patterns. */
const RELATION_SECTIONS: Record<string, Relation['kind']> = { 'related patterns': 'related', alternatives: 'alternative' };

/** The kind of relation a link in this top-level section makes, if any. */
export function relationKind(sectionTitle: string | undefined): Relation['kind'] | undefined {
  return RELATION_SECTIONS[foldHeading(sectionTitle ?? '')];
}

/**
 * Facts about the whole catalog that several rules need, each computed once
 * per run and only when first asked for.
 */
export class CatalogIndex {
  private readonly files = new Map<string, FileInfo | null>();
  private readonly anchors = new Map<string, Set<string> | null>();
  private readonly byFile: Map<string, Pattern>;
  private relationList: Relation[] | undefined;
  private readonly lowered = new Map<Pattern, string>();
  private readonly patternAnchors = new Map<Pattern, Set<string>>();

  /** What `collect` of each catalog rule kept, per pattern file and rule id. */
  readonly collectedData = new Map<string, Record<string, unknown>>();

  constructor(readonly catalog: Catalog) {
    this.byFile = new Map(catalog.patterns.map((p) => [p.file, p]));
  }

  collected<T>(ruleId: string, pattern: Pattern): T | undefined {
    return this.collectedData.get(pattern.file)?.[ruleId] as T | undefined;
  }

  patternAt(file: string): Pattern | undefined {
    return this.byFile.get(file);
  }

  stat(file: string): FileInfo | undefined {
    let info = this.files.get(file);
    if (info === undefined) {
      try {
        // lstat first: it answers both questions for all but symbolic links (one call, not two).
        const own = lstatSync(file, { throwIfNoEntry: false });
        const s = own?.isSymbolicLink() ? statSync(file, { throwIfNoEntry: false }) : own;
        info = s ? { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, isSymbolicLink: own!.isSymbolicLink() } : null;
      } catch {
        info = null;
      }
      this.files.set(file, info);
    }
    return info ?? undefined;
  }

  /** Heading anchors of a Markdown file: from the model for patterns, parsed on demand for other files. */
  anchorsOf(file: string): Set<string> | undefined {
    const pattern = this.byFile.get(file);
    if (pattern) {
      let ids = this.patternAnchors.get(pattern);
      if (!ids) {
        ids = new Set(pattern.document.headings.map((h) => h.id));
        this.patternAnchors.set(pattern, ids);
      }
      return ids;
    }
    if (!this.anchors.has(file)) {
      let ids: Set<string> | null = null;
      if (/\.(md|markdown)$/i.test(file) && this.stat(file)?.isFile && this.stat(file)!.size <= this.catalog.config.maxFileSize) {
        try {
          const parsed = parseMarkdown(readFileSync(file, 'utf8'));
          if (parsed.ok) ids = new Set(parsed.document.headings.map((h) => h.id));
        } catch {
          ids = null;
        }
      }
      this.anchors.set(file, ids);
    }
    return this.anchors.get(file) ?? undefined;
  }

  /** Every link between patterns found in Related Patterns and Alternatives sections. */
  relations(): Relation[] {
    if (!this.relationList) {
      this.relationList = [];
      for (const from of this.catalog.patterns) {
        for (const link of from.document.links) {
          const kind = relationKind(link.sectionPath[0]);
          if (!kind) continue;
          const target = resolveReference(link.url, from.file, this.catalog.root);
          const to = target.kind === 'local' ? this.byFile.get(target.file) : undefined;
          if (to && to !== from) this.relationList.push({ from, to, kind, link });
        }
      }
    }
    return this.relationList;
  }

  /** Whether `from` links to `to` anywhere, or names it by title. */
  mentions(from: Pattern, to: Pattern): boolean {
    // Links are nearly always written the plain way (`../saga/README.md#x`): compared as
    // text first, so a catalog's thousands of pairs do not resolve every link of each.
    const plain = path.relative(path.dirname(from.file), to.file).split(path.sep).join('/');
    // (A name with `%` in it is percent-decoded when resolved: only the full way is exact then.)
    if (!plain.includes('%')) for (const link of from.document.links) {
      const cut = link.url.search(/[?#]/);
      const bare = cut >= 0 ? link.url.slice(0, cut) : link.url;
      if (bare === plain || bare === `./${plain}`) return true;
    }
    for (const link of from.document.links) {
      const target = resolveReference(link.url, from.file, this.catalog.root);
      if (target.kind === 'local' && target.file === to.file) return true;
    }
    const title = to.title?.text.toLowerCase();
    if (!title) return false;
    let text = this.lowered.get(from);
    if (text === undefined) {
      text = from.document.source.toLowerCase();
      this.lowered.set(from, text);
    }
    return text.includes(title);
  }
}
