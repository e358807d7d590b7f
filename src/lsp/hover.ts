import type { Hover, HoverParams, TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { matchOutline } from '../template/match-outline.js';
import type { Workspace } from './workspace.js';

/** Hover on a section heading: the template's text for that section. */
export async function hover(params: HoverParams, documents: TextDocuments<TextDocument>, workspace: Workspace): Promise<Hover | null> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const state = await workspace.stateOf(doc.uri);
  if (!state?.pattern) return null;
  const lineNo = params.position.line + 1;
  const outline = matchOutline(state.catalog.templates.for(state.pattern.path).sections, state.pattern.document.sections);
  const match = outline.all.find((m) => m.sections.some((s) => s.heading.range.start.line <= lineNo && s.heading.range.end.line >= lineNo));
  if (!match) return null;
  const guidance = match.schema.guidance.trim();
  return { contents: { kind: 'markdown', value: `**${match.schema.name}** — from the template\n\n${guidance || '(The template gives no text for this section.)'}` } };
}
