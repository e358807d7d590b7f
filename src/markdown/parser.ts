import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Parser, StateBlock, StateCore, Token } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import linkifyRule from 'markdown-it/lib/rules_core/linkify.mjs';

/**
 * One markdown-it instance for the whole process: CommonMark plus the GFM
 * pieces markdown-it has built in (tables, strikethrough) and bare-URL
 * autolinks. Task-list items are recognised by the document builder. Raw HTML
 * is parsed (to be reported and sanitised later), never trusted.
 */
let shared: Parser | undefined;

const AUTOLINK_HINT = /:\/\/|www\.|@/i;

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

interface ParseEnv {
  /** Lines 1…n are front matter, already read: the parser skips them. */
  frontMatterLines?: number;
}

export function markdownParser(): Parser {
  if (!shared) {
    const md = new MarkdownIt('default', { html: true, linkify: true });
    // The model keeps destinations as written: checks resolve them as files or URLs, and
    // the default normalisation (percent-encoding, punycode for host names) costs a tenth
    // of the parse. Renderers encode and sanitise on output instead.
    md.normalizeLink = (url) => url;
    // Every destination becomes a link in the model, `file:` and `javascript:` included, so the
    // checks can report them; the site renders only http(s), mailto and the catalog's own files.
    md.validateLink = () => true;
    md.normalizeLinkText = (text) => text;
    // The stock rule rewrites every line break, which copies the whole text even when
    // nothing changes; the model's strings are then slices of that copy and keep it alive
    // beside the file's own text. Only rewrite what needs it.
    md.core.ruler.at('normalize', (state) => {
      if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
      if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
    });
    // The model keeps GitHub's autolinks only (a scheme, `www.`, an e-mail; not bare domains),
    // and each needs `://`, `www.` or `@`: a file without them skips the linkify rule, and a
    // block without them skips linkify-it's own pretest (every TLD and Unicode class, a sixth
    // of the whole parse on a typical pattern).
    md.core.ruler.at('linkify', (state) => {
      if (!AUTOLINK_HINT.test(state.src)) return;
      linkifyRule(state);
      trailingPunctuationOut(state);
    });
    const pretest = md.linkify.pretest.bind(md.linkify);
    md.linkify.pretest = (text: string) => AUTOLINK_HINT.test(text) && pretest(text);
    // GitHub's footnotes: `[^1]: …` defines one (not a link reference), `[^1]` in the text refers to
    // it. The definitions stay where the author wrote them, each with its lines (the model's blocks
    // and sections keep their places; the site gathers them at the end of the page), and `^[…]`
    // inline notes, which GitHub does not have, stay text.
    md.use(footnotes);
    md.core.ruler.disable('footnote_tail');
    md.inline.ruler.disable('footnote_inline');
    const definition = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__.find((r) => r.name === 'footnote_def')!.fn;
    md.block.ruler.at(
      'footnote_def',
      (state, startLine, endLine, silent) => {
        const from = state.tokens.length;
        if (!definition(state, startLine, endLine, silent)) return false;
        if (!silent) {
          const map: [number, number] = [startLine, state.line];
          state.tokens[from]!.map = map;
          state.tokens[state.tokens.length - 1]!.map = map;
        }
        return true;
      },
      { alt: ['paragraph', 'reference'] },
    );
    // Inline math as GitHub writes it, `$\mathcal{F}[g(x,y)](u,v)$`: its brackets and parentheses are
    // no link. Read as a code span (shown as written, never checked); only where it is plainly math —
    // a backslash, `^`, `_` or a brace in it — so prices (`$5 and $10`) stay text.
    md.inline.ruler.before('escape', 'math_inline', (state, silent) => {
      const src = state.src;
      const start = state.pos;
      if (src.charCodeAt(start) !== 0x24 /* $ */ || src.charCodeAt(start + 1) === 0x24 || (start > 0 && /[\\\w$]/.test(src[start - 1]!))) return false;
      const end = src.indexOf('$', start + 1);
      if (end < 0 || end === start + 1 || /\s/.test(src[start + 1]!) || /\s/.test(src[end - 1]!) || /\d/.test(src[end + 1] ?? '')) return false;
      const content = src.slice(start + 1, end);
      if (content.includes('\n\n') || !/[\\^_{]/.test(content)) return false;
      if (!silent) {
        const token = state.push('code_inline', 'code', 0);
        token.markup = '$';
        token.content = content;
      }
      state.pos = end + 1;
      return true;
    });
    // Front matter is read by the caller; skipping its lines here (rather than blanking
    // them in a copy) lets the parser work on the file's text itself. (A Hyde block may
    // have blank lines above it: the first block starts below them.)
    md.block.ruler.before('table', 'front_matter', (state, startLine, _endLine, silent) => {
      const lines = (state.env as ParseEnv).frontMatterLines;
      if (!lines || startLine >= lines || state.tokens.length > 0) return false;
      if (!silent) state.line = lines;
      return true;
    });
    // A container of the documentation generators (Docusaurus, Starlight, VitePress): `:::caution` (or
    // `:::note[Title]`, `::: tip Title`) … `:::` is an admonition, as GitHub's `> [!CAUTION]` is — read as
    // a quote marked so (its kind in `info`), never as paragraphs of colons.
    md.block.ruler.before(
      'fence',
      'container',
      (state, startLine, endLine, silent) => {
        const start = state.bMarks[startLine]! + state.tShift[startLine]!;
        if (state.sCount[startLine]! - state.blkIndent >= 4 || state.src.charCodeAt(start) !== 0x3a /* : */) return false;
        const open = CONTAINER_OPEN.exec(state.src.slice(start, state.eMarks[startLine]));
        if (!open) return false;
        const colons = open[1]!.length;
        let end = startLine + 1;
        for (; end < endLine; end++) {
          const at = state.bMarks[end]! + state.tShift[end]!;
          const line = state.src.slice(at, state.eMarks[end]);
          if (state.sCount[end]! < state.blkIndent) break;
          const close = /^(:{3,})\s*$/.exec(line);
          if (close && close[1]!.length >= colons) break;
        }
        if (end >= endLine) return false;
        if (silent) return true;
        const opening = state.push('blockquote_open', 'blockquote', 1);
        opening.markup = ':::';
        opening.info = open[2]!.toLowerCase();
        opening.map = [startLine, end + 1];
        const oldParent = state.parentType;
        const oldLineMax = state.lineMax;
        state.parentType = 'blockquote' as typeof state.parentType;
        state.lineMax = end;
        state.md.block.tokenize(state, startLine + 1, end);
        state.parentType = oldParent;
        state.lineMax = oldLineMax;
        const closing = state.push('blockquote_close', 'blockquote', -1);
        closing.markup = ':::';
        state.line = end + 1;
        return true;
      },
      { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
    );
    // An image whose path has spaces (`![Relay](diagrams/Relay Diagram.png)`), which CommonMark leaves as
    // text: the image it names, as Python-Markdown (MkDocs) reads it — the site shows it, and lint checks
    // the file (and says git hosts show the text).
    md.inline.ruler.before('image', 'image_spaced', (state, silent) => {
      if (state.src.charCodeAt(state.pos) !== 0x21 /* ! */ || state.src.charCodeAt(state.pos + 1) !== 0x5b /* [ */) return false;
      SPACED_IMAGE.lastIndex = state.pos;
      const m = SPACED_IMAGE.exec(state.src);
      if (!m || state.pos + m[0].length > state.posMax) return false;
      if (!silent) {
        const children: Token[] = [];
        state.md.inline.parse(m[1]!, state.md, state.env, children);
        const token = state.push('image', 'img', 0);
        token.attrs = [
          ['src', m[2]!.trim()],
          ['alt', ''],
        ];
        token.children = children;
        token.content = m[1]!;
      }
      state.pos += m[0].length;
      return true;
    });
    // A MyST role, `{mod}` right before a code span (`` {mod}`numpy.fft` ``), as Sphinx and Jupyter Book
    // read it: the code span, its role name no text of the sentence.
    md.core.ruler.after('inline', 'myst_role', (state) => {
      if (!state.src.includes('}`')) return;
      for (const block of state.tokens) {
        const children = block.type === 'inline' ? block.children : null;
        if (!children) continue;
        for (let i = 0; i + 1 < children.length; i++) {
          const text = children[i]!;
          if (text.type !== 'text' || children[i + 1]!.type !== 'code_inline') continue;
          const role = MYST_ROLE.exec(text.content);
          if (!role) continue;
          text.content = text.content.slice(0, role.index);
          children[i + 1]!.meta = { ...(children[i + 1]!.meta as object | null), role: role[1] };
        }
      }
    });
    shared = md;
  }
  return shared;
}

/** A MyST role's name right before a code span: `{mod}`, `{py:func}`, `{jax-issue}`. */
const MYST_ROLE = /(?<![\w{])\{([a-z][\w:.-]{0,40})\}$/;

/** A container's opening line: its colons and its kind (`:::caution`, `::: tip Title`, `:::note[Title]`). */
const CONTAINER_OPEN = /^(:{3,})[ \t]*(note|tip|info|important|warning|caution|danger|success|hint|attention|details|aside)\b[^\n]*$/i;

/** `![alt](a path with spaces.png)` where the text is at (sticky): the alt text and the path (an image's extension, no brackets or quotes in it; bounded, so a long run of brackets costs no more than a normal line). */
const SPACED_IMAGE = /!\[([^[\]\n]{0,200})\]\(([^()<>\n"]{0,100}?\s[^()<>\n"]{0,200}?\.(?:png|jpe?g|gif|svg|webp|avif))\)/iy;

export function tokenize(source: string, frontMatterLines = 0): Token[] {
  const env: ParseEnv = frontMatterLines ? { frontMatterLines } : {};
  return markdownParser().parse(source, env);
}

/**
 * GitHub leaves trailing punctuation out of a bare URL (`? ! . , : * _ ~`), where linkify-it keeps
 * some of it (`https://example.org/patterns/proxy/: the proxy…` would link `…/proxy/:`): the
 * marks are moved out of the link, into the text after it.
 */
function trailingPunctuationOut(state: StateCore): void {
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children) continue;
    for (let i = 0; i + 2 < children.length; i++) {
      const [open, text, close] = [children[i]!, children[i + 1]!, children[i + 2]!];
      if (open.type !== 'link_open' || open.markup !== 'linkify' || text.type !== 'text' || close.type !== 'link_close') continue;
      const marks = /[?!.,:*_~]+$/.exec(text.content)?.[0];
      const href = open.attrGet('href');
      if (!marks || !href?.endsWith(marks) || marks.length >= text.content.length) continue;
      open.attrSet('href', href.slice(0, -marks.length));
      text.content = text.content.slice(0, -marks.length);
      const after = new state.Token('text', '', 0);
      after.content = marks;
      children.splice(i + 3, 0, after);
    }
  }
}
