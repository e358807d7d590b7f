import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticData } from './diagnostics.js';

/** Quick fixes: every fix `lint --fix` makes, as a code action on the diagnostic that carries it. */
export function codeActions(params: CodeActionParams, documents: TextDocuments<TextDocument>): CodeAction[] {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const data = d.data as DiagnosticData | undefined;
    if (!data?.fix) continue;
    const title = data.ruleId === 'required-section' && data.expected ? `Insert missing section \`${data.expected}\`` : `Fix: ${d.message.split(/(?<=[.:])\s/)[0]}`;
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(data.fix.range[0]), end: doc.positionAt(data.fix.range[1]) }, newText: data.fix.text }] } },
    });
  }
  return actions;
}
