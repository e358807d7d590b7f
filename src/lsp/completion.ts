import { displayTitle } from '../catalog/view.js';
import path from 'node:path';
import { CompletionItemKind, type CompletionItem, type CompletionParams, type TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog, Pattern } from '../catalog/types.js';
import { matchOutline } from '../template/match-outline.js';
import { flattenSections } from '../template/walk.js';
import type { Workspace } from './workspace.js';

/** Characters after which the editor asks for completions without being told to. */
export const COMPLETION_TRIGGERS = ['(', '/', '#'];

/**
 * Completion: inside a link target, the catalog's patterns and, after `#`,
 * their headings; at the start of a line, the sections the template still
 * expects, the next one first.
 */
export async function completions(params: CompletionParams, documents: TextDocuments<TextDocument>, workspace: Workspace): Promise<CompletionItem[]> {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const state = await workspace.stateOf(doc.uri);
  if (!state?.pattern) return [];
  const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
  const link = /\]\(([^)\s]*)$/.exec(line);
  if (link) return linkCompletions(link[1]!, state.pattern, state.catalog);
  if (/^#{0,6}\s*$/.test(line)) return sectionCompletions(state.pattern, state.catalog);
  return [];
}

/** Inside `](…`: the catalog's patterns as relative links, or after `#`, the target's headings. */
function linkCompletions(typed: string, from: Pattern, catalog: Catalog): CompletionItem[] {
  const hash = typed.indexOf('#');
  const rel = (p: Pattern) => {
    const r = path.relative(from.dir, p.file).split(path.sep).join('/');
    return r.startsWith('.') ? r : `./${r}`;
  };
  if (hash >= 0) {
    const target = typed.slice(0, hash);
    const to = target ? catalog.patterns.find((p) => rel(p) === target || path.resolve(from.dir, target) === p.file) : from;
    if (!to) return [];
    return to.document.headings.map((h, i) => ({
      label: `#${h.id}`,
      insertText: h.id,
      kind: CompletionItemKind.Reference,
      detail: h.text,
      sortText: String(i).padStart(5, '0'),
    }));
  }
  return catalog.patterns
    .filter((p) => p.file !== from.file)
    .map((p) => ({ label: rel(p), kind: CompletionItemKind.File, detail: displayTitle(p), documentation: p.summary?.text ?? '' }));
}

/** At the start of a line: the sections the template still expects, the next one first. */
function sectionCompletions(pattern: Pattern, catalog: Catalog): CompletionItem[] {
  const template = catalog.templates.for(pattern.path);
  const outline = matchOutline(template.sections, pattern.document.sections);
  const order = new Map(flattenSections(template.sections).map((s, i) => [s, i]));
  return [...outline.missing]
    .sort((a, b) => (order.get(a.schema) ?? 0) - (order.get(b.schema) ?? 0))
    .map((m, i) => {
      const heading = `${'#'.repeat(m.schema.level)} ${m.schema.name}`;
      return {
        label: heading,
        kind: CompletionItemKind.Snippet,
        detail: 'missing section, from the template',
        insertText: heading,
        filterText: heading,
        sortText: String(i).padStart(5, '0'),
        ...(i === 0 ? { preselect: true } : {}),
      };
    });
}
