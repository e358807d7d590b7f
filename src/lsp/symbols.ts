import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Section } from '../markdown/types.js';
import type { Workspace } from './workspace.js';

/** Document symbols: the pattern's section outline. */
export async function documentSymbols(params: DocumentSymbolParams, documents: TextDocuments<TextDocument>, workspace: Workspace): Promise<DocumentSymbol[]> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const state = await workspace.stateOf(doc.uri);
  if (!state?.pattern) return [];
  const symbol = (s: Section): DocumentSymbol => ({
    name: s.title || '(untitled)',
    kind: SymbolKind.Namespace,
    range: { start: doc.positionAt(s.range.start.offset), end: doc.positionAt(s.range.end.offset) },
    selectionRange: { start: doc.positionAt(s.heading.range.start.offset), end: doc.positionAt(s.heading.range.end.offset) },
    children: s.children.map(symbol),
  });
  return state.pattern.document.sections.map(symbol);
}
