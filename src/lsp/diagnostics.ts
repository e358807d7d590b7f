import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic, type TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics.js';
import { lintLoaded } from '../lint/lint.js';
import type { Workspace } from './workspace.js';

/** How long typing must pause before a document is linted again. */
const DEBOUNCE_MS = 200;

/**
 * Diagnostics: the lint results of each open pattern, published once when it
 * is opened and once per pause in typing after it changes; cleared when it is
 * closed. A save or a change on disk makes the catalog be read again.
 */
export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, workspace: Workspace): void {
  const timers = new Map<string, NodeJS.Timeout>();
  // TextDocuments reports an open twice, as an open and as a first change of content: the open is linted
  // at once, and the change that comes with it must not schedule a second run.
  const opening = new Set<string>();

  const publish = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const found = await lintDocument(workspace, uri);
      if (found === undefined) return;
      // Only the latest text's results are sent: an older lint finishing late is dropped.
      if (documents.get(uri)?.version !== doc.version) return;
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: found.map((d) => toLsp(d, doc)) });
    } catch (err) {
      connection.console.error(`patternbook: ${(err as Error).message}`);
    }
  };

  const schedule = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, DEBOUNCE_MS),
    );
  };

  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    void publish(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (opening.delete(e.document.uri)) return;
    schedule(e.document.uri);
  });
  documents.onDidSave(() => workspace.forget());
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    opening.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles(() => workspace.forget());
}

/** The lint results of one document's buffer, cross-file checks against its catalog; undefined for documents that are not files. */
async function lintDocument(workspace: Workspace, uri: string): Promise<Diagnostic[] | undefined> {
  const state = await workspace.stateOf(uri);
  if (!state) return undefined;
  if (state.problem) return [state.problem];
  if (!state.pattern) return [];
  const { results } = await lintLoaded(state.catalog, { files: new Set([state.pattern.file]) });
  return results[0]?.diagnostics ?? [];
}

/** A lint diagnostic as the protocol has it; its fix and rule ride along in `data` for the code actions. */
function toLsp(d: Diagnostic, doc: TextDocument): LspDiagnostic {
  const start = { line: Math.max(d.line - 1, 0), character: Math.max(d.column - 1, 0) };
  const end = d.endLine
    ? { line: d.endLine - 1, character: Math.max((d.endColumn ?? 1) - 1, 0) }
    : {
        line: start.line,
        character: doc.getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } }).replace(/\r?\n$/, '').length,
      };
  return {
    range: { start, end },
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: 'patternbook',
    code: d.ruleId,
    ...(d.url ? { codeDescription: { href: d.url } } : {}),
    message: d.message,
    data: { ruleId: d.ruleId, ...(d.fix ? { fix: d.fix } : {}), ...(d.expected ? { expected: d.expected } : {}) } satisfies DiagnosticData,
  };
}

/** What a published diagnostic carries for the code actions. */
export interface DiagnosticData {
  ruleId: string;
  fix?: Diagnostic['fix'];
  expected?: string;
}
