import type { Token } from 'markdown-it';
import { SLOT_SECRET } from './slot-secret.js';

/**
 * GitHub's footnotes on a page. The model keeps each definition
 * (`[^label]: …`) where the author wrote it (`footnote_reference_open` …
 * `_close`); the page shows them as GitHub does, gathered in a numbered list
 * at its end, each reference a superscript number linked to its note and each
 * note linked back. A reference is rendered as a slot (words only, so it
 * passes the sanitizer untouched) and filled with its link afterwards.
 */

const SLOT = new RegExp(`pb-fnref-${SLOT_SECRET}-(\\d+)-(\\d+)`, 'g');

export interface Footnote {
  label: string;
  /** Its number on the page: in the order of first reference, then unreferenced notes in the order written. */
  n: number;
  /** How many times the text refers to it (its back links). */
  refs: number;
  /** The definition's own tokens (inside the open and close). */
  tokens: Token[];
}

/** The tokens without the footnote definitions, and the definitions in their page order (the first of a label wins, as on GitHub). */
export function splitFootnotes(tokens: readonly Token[]): { body: Token[]; notes: Footnote[] } {
  const body: Token[] = [];
  const defined = new Map<string, Token[]>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'footnote_reference_open') {
      body.push(token);
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < tokens.length; j++) {
      if (tokens[j]!.type === 'footnote_reference_open') depth++;
      else if (tokens[j]!.type === 'footnote_reference_close' && --depth === 0) break;
    }
    const label = String((token.meta as { label?: string } | null)?.label ?? '');
    if (!defined.has(label)) defined.set(label, tokens.slice(i + 1, j));
    i = j;
  }
  if (defined.size === 0) return { body, notes: [] };
  // References in reading order (the notes' own text may refer to other notes, after the body).
  const counts = new Map<string, number>();
  const visit = (list: readonly Token[]) => {
    for (const token of list)
      for (const child of token.children ?? [])
        if (child.type === 'footnote_ref') {
          const label = String((child.meta as { label?: string }).label ?? '');
          counts.set(label, (counts.get(label) ?? 0) + 1);
        }
  };
  visit(body);
  for (const list of defined.values()) visit(list);
  const order = [...counts.keys()].filter((l) => defined.has(l));
  for (const label of defined.keys()) if (!counts.has(label)) order.push(label);
  return { body, notes: order.map((label, k) => ({ label, n: k + 1, refs: counts.get(label) ?? 0, tokens: defined.get(label)! })) };
}

/** What the renderer writes for a reference: a slot for `fillFootnoteRefs`, or the text as written when its note is unknown. */
export function footnoteRefSlot(token: Token, notes: readonly Footnote[], seen: Map<string, number>): string {
  const label = String((token.meta as { label?: string }).label ?? '');
  const note = notes.find((f) => f.label === label);
  if (!note) return `[^${label}]`;
  const sub = seen.get(label) ?? 0;
  seen.set(label, sub + 1);
  return `pb-fnref-${SLOT_SECRET}-${note.n}-${sub}`;
}

const refId = (n: number, sub: number) => `fnref-${n}${sub > 0 ? `-${sub + 1}` : ''}`;

/** The slots filled with the references' links. */
export function fillFootnoteRefs(html: string): string {
  return html.replace(SLOT, (_whole, n: string, sub: string) => `<sup class="footnote-ref"><a href="#fn-${n}" id="${refId(Number(n), Number(sub))}">${n}</a></sup>`);
}

/** The page's list of notes, each note's HTML (rendered and sanitized) given, with links back to its references. */
export function footnoteSection(notes: readonly Footnote[], html: (note: Footnote) => string): string {
  if (notes.length === 0) return '';
  const items = notes.map((note) => {
    const back = Array.from({ length: note.refs }, (_, sub) => {
      const label = note.refs > 1 ? `Back to reference ${note.n}, ${sub + 1}` : `Back to reference ${note.n}`;
      return ` <a href="#${refId(note.n, sub)}" class="footnote-back" aria-label="${label}">↩${note.refs > 1 ? `<sup>${sub + 1}</sup>` : ''}</a>`;
    }).join('');
    const body = html(note).trimEnd();
    // The back links end the note's last paragraph, as GitHub puts them.
    const inner = back && body.endsWith('</p>') ? `${body.slice(0, -4)}${back}</p>` : body + back;
    return `<li id="fn-${note.n}">\n${inner}\n</li>`;
  });
  return `<section class="footnotes" data-footnotes>\n<h2 class="visually-hidden">Footnotes</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>\n`;
}
