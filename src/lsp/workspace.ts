import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { slugFor } from '../catalog/discover.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { catalogPatternFromText } from '../catalog/load-pattern.js';
import { catalogRootOfPattern } from '../catalog/pattern-files.js';
import type { Catalog, Pattern } from '../catalog/types.js';
import type { Diagnostic } from '../diagnostics.js';

/** A document as the server sees it: its catalog with the open buffers in place, and its pattern. */
export interface DocumentState {
  catalog: Catalog;
  /** The document's pattern, from the buffer's text; absent when it is not a pattern of the catalog or does not load. */
  pattern?: Pattern;
  /** Why the buffer does not load as a pattern (front matter half typed…). */
  problem?: Diagnostic;
}

/**
 * The catalogs of the open documents, read from disk once per root (again
 * after a save or a change on disk), seen with every open buffer in place of
 * its file.
 */
export class Workspace {
  private readonly catalogs = new Map<string, Promise<Catalog>>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** Files changed on disk: every catalog is read again when next needed. */
  forget(): void {
    this.catalogs.clear();
  }

  /** The state of the document at `uri`; undefined for documents that are not files. */
  async stateOf(uri: string): Promise<DocumentState | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const root = catalogRootOfPattern(file);
    const catalog = await this.catalogAt(root);
    const byFile = new Map(catalog.patterns.map((p) => [p.file, p]));
    const isPattern = (f: string) => byFile.has(f) || catalog.diagnostics.some((d) => path.join(root, d.path) === f) || !existsSync(f);
    if (!isPattern(file)) return { catalog };
    let problem: Diagnostic | undefined;
    for (const doc of this.documents.all()) {
      if (!doc.uri.startsWith('file:')) continue;
      const f = fileURLToPath(doc.uri);
      if (!byFile.has(f) && f !== file) continue;
      const rel = path.relative(root, f).split(path.sep).join('/');
      const loaded = catalogPatternFromText(
        {
          file: f,
          path: rel,
          slug: byFile.get(f)?.slug ?? slugFor(rel) ?? path.basename(f, '.md'),
          ...(catalog.config.metadataFile ? { metadataFile: catalog.config.metadataFile } : {}),
        },
        doc.getText(),
        catalog.templates,
      );
      if (loaded.ok) byFile.set(f, loaded.pattern);
      else if (f === file) problem = loaded.diagnostic;
    }
    const patterns = [...byFile.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    const pattern = byFile.get(file);
    return {
      catalog: { ...catalog, patterns, bySlug: new Map(patterns.map((p) => [p.slug, p])) },
      ...(pattern ? { pattern } : {}),
      ...(problem ? { problem } : {}),
    };
  }

  private catalogAt(root: string): Promise<Catalog> {
    let loaded = this.catalogs.get(root);
    if (!loaded) {
      this.catalogs.set(root, (loaded = loadCatalog({ root })));
      // A catalog that did not load (a configuration being edited) is read again next time, not kept failed.
      loaded.catch(() => this.catalogs.delete(root));
    }
    return loaded;
  }
}
