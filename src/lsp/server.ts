import { CodeActionKind, TextDocumentSyncKind, TextDocuments, createConnection, type Connection, type InitializeResult } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './code-actions.js';
import { COMPLETION_TRIGGERS, completions } from './completion.js';
import { registerDiagnostics } from './diagnostics.js';
import { hover } from './hover.js';
import { documentSymbols } from './symbols.js';
import { Workspace } from './workspace.js';

/** What the server offers, answered to the editor's `initialize`. */
const INITIALIZE: InitializeResult = {
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
    hoverProvider: true,
    documentSymbolProvider: true,
  },
  serverInfo: { name: 'patternbook' },
};

/**
 * `patternbook lsp --stdio`: the lint results, fixes, completions, hovers and
 * outline of the patterns open in an editor, over the Language Server
 * Protocol. Cross-file checks run against the catalog on disk with the open
 * buffers in place of their files. One handler per capability; the
 * workspace keeps the catalogs and the open buffers they are seen with.
 */
export function startLanguageServer(connection: Connection = createConnection(process.stdin, process.stdout)): Connection {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(documents);

  connection.onInitialize(() => INITIALIZE);
  registerDiagnostics(connection, documents, workspace);
  connection.onCodeAction((params) => codeActions(params, documents));
  connection.onCompletion((params) => completions(params, documents, workspace));
  connection.onHover((params) => hover(params, documents, workspace));
  connection.onDocumentSymbol((params) => documentSymbols(params, documents, workspace));

  documents.listen(connection);
  connection.listen();
  return connection;
}
