import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { slugFor } from '../catalog/discover.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { patternFromText } from '../catalog/load-pattern.js';
import { catalogRootOfPattern } from '../catalog/pattern-files.js';
import type { Catalog, Pattern } from '../catalog/types.js';
import type { Diagnostic, Fix } from '../diagnostics.js';
import { lintCatalog } from '../lint/engine.js';
import { DOCS_BASE } from '../lint/lint.js';
import { registry } from '../lint/registry.js';
import type { Section } from '../markdown/types.js';
import { matchOutline } from '../template/match-outline.js';
import { flattenSections } from '../template/walk.js';

/** How long typing must pause before a document is linted again. */
const DEBOUNCE_MS = 200;

/**
 * `patternbook lsp --stdio`: the lint results, fixes, completions, hovers and
 * outline of the patterns open in an editor, over the Language Server
 * Protocol. Cross-file checks run against the catalog on disk with the open
 * buffers in place of their files.
 */
export function startLanguageServer(connection: Connection = createConnection(process.stdin, process.stdout)): Connection {
  const documents = new TextDocuments(TextDocument);
  const catalogs = new Map<string, Promise<Catalog>>();
  const timers = new Map<string, NodeJS.Timeout>();

  const catalogFor = (root: string) => {
    let loaded = catalogs.get(root);
    if (!loaded) catalogs.set(root, (loaded = loadCatalog({ root })));
    return loaded;
  };

  /** The catalog with every open buffer of it in place of its file, and the pattern of `uri`. */
  const withBuffers = async (uri: string): Promise<{ catalog: Catalog; pattern?: Pattern; problem?: Diagnostic } | undefined> => {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const root = catalogRootOfPattern(file);
    const catalog = await catalogFor(root);
    const byFile = new Map(catalog.patterns.map((p) => [p.file, p]));
    const isPattern = (f: string) => byFile.has(f) || catalog.diagnostics.some((d) => path.join(root, d.file) === f) || !existsSync(f);
    if (!isPattern(file)) return { catalog };
    let problem: Diagnostic | undefined;
    for (const doc of documents.all()) {
      if (!doc.uri.startsWith('file:')) continue;
      const f = fileURLToPath(doc.uri);
      if (!byFile.has(f) && f !== file) continue;
      const rel = path.relative(root, f).split(path.sep).join('/');
      const loaded = patternFromText({ file: f, path: rel, slug: byFile.get(f)?.slug ?? slugFor(rel) ?? path.basename(f, '.md') }, doc.getText());
      if (loaded.ok) byFile.set(f, loaded.pattern);
      else if (f === file) problem = loaded.diagnostic;
    }
    const patterns = [...byFile.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    return { catalog: { ...catalog, patterns, bySlug: new Map(patterns.map((p) => [p.slug, p])) }, ...(byFile.get(file) ? { pattern: byFile.get(file)! } : {}), ...(problem ? { problem } : {}) };
  };

  const validate = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const state = await withBuffers(uri);
      if (!state) return;
      let found: Diagnostic[] = [];
      if (state.problem) found = [state.problem];
      else if (state.pattern) {
        const { results } = await lintCatalog(state.catalog, { registry, docsBase: DOCS_BASE, files: new Set([state.pattern.file]) });
        found = results[0]?.diagnostics ?? [];
      }
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
        void validate(uri);
      }, DEBOUNCE_MS),
    );
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      completionProvider: { triggerCharacters: ['(', '/', '#'] },
      hoverProvider: true,
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'patternbook' },
  }));

  documents.onDidOpen((e) => void validate(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidSave(() => catalogs.clear());
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
  connection.onDidChangeWatchedFiles(() => catalogs.clear());

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const actions: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const data = d.data as { fix?: Fix; expected?: string; ruleId?: string } | undefined;
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
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const state = await withBuffers(doc.uri);
    if (!state?.pattern) return [];
    const line = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const link = /\]\(([^)\s]*)$/.exec(line);
    if (link) return linkCompletions(link[1]!, state.pattern, state.catalog);
    if (/^#{0,6}\s*$/.test(line)) return sectionCompletions(state.pattern, state.catalog);
    return [];
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const state = await withBuffers(doc.uri);
    if (!state?.pattern) return null;
    const lineNo = params.position.line + 1;
    const outline = matchOutline(state.catalog.template.sections, state.pattern.document.sections);
    const match = outline.all.find((m) => m.sections.some((s) => s.heading.range.start.line <= lineNo && s.heading.range.end.line >= lineNo));
    if (!match) return null;
    const guidance = match.schema.guidance.trim();
    return { contents: { kind: 'markdown', value: `**${match.schema.name}** — from the template\n\n${guidance || '(The template gives no text for this section.)'}` } };
  });

  connection.onDocumentSymbol(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const state = await withBuffers(doc.uri);
    if (!state?.pattern) return [];
    const symbol = (s: Section): DocumentSymbol => ({
      name: s.title || '(untitled)',
      kind: SymbolKind.Namespace,
      range: { start: doc.positionAt(s.range.start.offset), end: doc.positionAt(s.range.end.offset) },
      selectionRange: { start: doc.positionAt(s.heading.range.start.offset), end: doc.positionAt(s.heading.range.end.offset) },
      children: s.children.map(symbol),
    });
    return state.pattern.document.sections.map(symbol);
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function toLsp(d: Diagnostic, doc: TextDocument): LspDiagnostic {
  const start = { line: Math.max(d.line - 1, 0), character: Math.max(d.column - 1, 0) };
  const end = d.endLine ? { line: d.endLine - 1, character: Math.max((d.endColumn ?? 1) - 1, 0) } : { line: start.line, character: doc.getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } }).replace(/\r?\n$/, '').length };
  return {
    range: { start, end },
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: 'patternbook',
    code: d.ruleId,
    ...(d.url ? { codeDescription: { href: d.url } } : {}),
    message: d.message,
    data: { ruleId: d.ruleId, ...(d.fix ? { fix: d.fix } : {}), ...(d.expected ? { expected: d.expected } : {}) },
  };
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
    return to.document.headings.map((h, i) => ({ label: `#${h.id}`, insertText: h.id, kind: CompletionItemKind.Reference, detail: h.text, sortText: String(i).padStart(5, '0') }));
  }
  return catalog.patterns
    .filter((p) => p.file !== from.file)
    .map((p) => ({ label: rel(p), kind: CompletionItemKind.File, detail: p.title?.text ?? p.slug, documentation: p.summary?.text ?? '' }));
}

/** At the start of a line: the sections the template still expects, the next one first. */
function sectionCompletions(pattern: Pattern, catalog: Catalog): CompletionItem[] {
  const outline = matchOutline(catalog.template.sections, pattern.document.sections);
  const order = new Map(flattenSections(catalog.template.sections).map((s, i) => [s, i]));
  return [...outline.missing]
    .sort((a, b) => (order.get(a.schema) ?? 0) - (order.get(b.schema) ?? 0))
    .map((m, i) => {
      const heading = `${'#'.repeat(m.schema.level)} ${m.schema.name}`;
      return { label: heading, kind: CompletionItemKind.Snippet, detail: 'missing section, from the template', insertText: heading, filterText: heading, sortText: String(i).padStart(5, '0'), ...(i === 0 ? { preselect: true } : {}) };
    });
}

