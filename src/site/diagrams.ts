import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeFileAtomic } from '../util/text-file.js';
import { drawSvg, RENDERER, type Drawn } from './diagram-draw.js';
import type { DiagramRequest } from './diagram-worker.js';
import { esc } from './html.js';
import { SLOT_SECRET } from './slot-secret.js';
import { sanitizeSvg } from './sanitize.js';

/**
 * Mermaid diagrams on pattern pages. The types most patterns use —
 * flowchart, sequence, state, class and entity-relationship — are drawn here,
 * at build time, by `beautiful-mermaid` (no browser, no DOM): the page gets an
 * inline SVG that takes the page's colours (light and dark), whose text can be
 * selected and read, and which opens full size on click (assets/site/diagrams.js).
 * Other types (gantt, pie, mindmap…) are drawn in the browser by Mermaid when
 * it is installed where the site is built (`npm install mermaid`, an optional
 * peer dependency; its 3.5 MB script is fetched only when such a diagram comes
 * into view), else shown as their source with a note. A diagram never fails
 * the build.
 *
 * Drawing happens in two steps because the renderer is an ES module loaded
 * only when a catalog has a diagram, and slow on flowcharts, while the
 * Markdown renderer is synchronous: `diagramSlot` leaves a placeholder as the
 * article is rendered and `fillSlots` starts drawing (in a worker thread when
 * there is one); `drawDiagrams` puts the pictures in before the page is written.
 */

/** The diagram types drawn at build time, by the word a Mermaid diagram starts with. */
const DRAWN: Readonly<Record<string, string>> = {
  graph: 'Flowchart',
  flowchart: 'Flowchart',
  sequenceDiagram: 'Sequence diagram',
  stateDiagram: 'State diagram',
  'stateDiagram-v2': 'State diagram',
  classDiagram: 'Class diagram',
  erDiagram: 'Entity-relationship diagram',
};

export interface DiagramSource {
  /** The type word (`sequenceDiagram`, `gantt`), empty when there is none. */
  type: string;
  /** The text given to the renderer: front matter, accessibility lines and Mermaid comments taken out. */
  text: string;
  /** What the diagram is, for screen readers: `accTitle`, else the front matter's `title`, else its type. */
  label: string;
  /** `accDescr`, if the author wrote one. */
  description?: string;
  /** The front matter's `title`, shown as the caption. */
  title?: string;
}

/**
 * Reads a Mermaid text as the renderer needs it: the YAML front matter
 * (`---` … `---`, whose `title` is kept), `accTitle` / `accDescr` lines
 * (which the renderer would draw as boxes) and click directives taken out, and the spacing
 * `beautiful-mermaid` 1.1 needs around arrows (it reads `A-->B` as one box
 * named `A--`, and draws nothing for `A<|--B` or `A||--o{B`).
 */
export function readDiagram(source: string): DiagramSource {
  let lines = source.replace(/\r\n?/g, '\n').split('\n');
  let title: string | undefined;
  let accTitle: string | undefined;
  let description: string | undefined;
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && lines[first]!.trim() === '---') {
    const end = lines.findIndex((l, i) => i > first && l.trim() === '---');
    if (end > first) {
      for (const l of lines.slice(first + 1, end)) {
        const m = /^title:\s*(.+?)\s*$/.exec(l);
        if (m) title = m[1]!.replace(/^(["'])(.*)\1$/, '$2');
      }
      lines = lines.slice(end + 1);
    }
  }
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = /^\s*accTitle\s*:\s*(.*?)\s*$/.exec(line);
    if (t) {
      accTitle = t[1];
      continue;
    }
    const d = /^\s*accDescr\s*:\s*(.*?)\s*$/.exec(line);
    if (d) {
      description = d[1];
      continue;
    }
    if (/^\s*accDescr\s*\{/.test(line)) {
      const block: string[] = [line.replace(/^\s*accDescr\s*\{/, '')];
      while (!block[block.length - 1]!.includes('}') && i + 1 < lines.length) block.push(lines[++i]!);
      description = block.join(' ').replace(/\}.*$/, '').replace(/\s+/g, ' ').trim();
      continue;
    }
    kept.push(line);
  }
  const header = kept.findIndex((l) => l.trim() !== '' && !/^\s*%%/.test(l));
  const type = header >= 0 ? (/^\s*([\w-]+)/.exec(kept[header]!)?.[1] ?? '') : '';
  if (header >= 0) {
    const words = kept[header]!.trim();
    if (type === 'graph' || type === 'flowchart') {
      // `graph TD; A-->B`: the renderer wants the header on its own line; no direction means top-down.
      const m = /^(\w+)(?:\s+(TB|TD|BT|RL|LR))?\s*;?\s*(.*)$/.exec(words)!;
      kept.splice(header, 1, `${m[1]} ${m[2] ?? 'TD'}`, ...(m[3] ? m[3].split(';') : []));
    }
  }
  // Interactions (`click A "url"`, `link`, `callback`) are never kept on this site; the renderer would draw them as boxes.
  const statements = kept.filter((line, i) => i <= header || !(/^\s*click\s+\S/.test(line) || (type === 'classDiagram' && /^\s*(?:link|callback)\s+\S+\s+"/.test(line))));
  const spaced = statements.map((line, i) => (i <= header ? line : spaceArrows(line, type)));
  const kind = DRAWN[type];
  const label = accTitle || title || kind || (type ? `${type} diagram` : 'Diagram');
  return { type, text: spaced.join('\n'), label, ...(description ? { description } : {}), ...(title ? { title } : {}) };
}

const FLOW_ARROW = /^<?(?:--|-\.|==)/;

/** Spaces around arrows that follow a name directly, outside labels and quotes. */
function spaceArrows(line: string, type: string): string {
  if (type === 'graph' || type === 'flowchart') {
    let out = '';
    let depth = 0;
    let quoted = false;
    let piped = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '"') quoted = !quoted;
      else if (!quoted && '[({'.includes(c)) depth++;
      else if (!quoted && '])}'.includes(c)) depth = Math.max(0, depth - 1);
      else if (!quoted && depth === 0 && c === '|') piped = !piped;
      else if (!quoted && !piped && depth === 0 && /\w/.test(line[i - 1] ?? '') && FLOW_ARROW.test(line.slice(i)) && !/^%%/.test(line.trim())) out += ' ';
      out += c;
    }
    return out;
  }
  if (type === 'classDiagram') {
    return line.replace(/^(\s*[\w.`~]+)\s*(<\|--|<\|\.\.|\*--|o--|<--|<\.\.|--\|>|\.\.\|>|--\*|--o|-->|\.\.>|--|\.\.)\s*([\w.`~]+)/, '$1 $2 $3');
  }
  if (type === 'erDiagram') return line.replace(/^(\s*[\w-]+)\s*([|}o]{1,2}(?:--|\.\.)[|{o]{1,2})\s*([\w-]+)/, '$1 $2 $3');
  return line;
}

/** Whether this type is drawn at build time. */
export function drawnAtBuild(type: string): boolean {
  return type in DRAWN;
}

/**
 * Diagrams are drawn off the main thread when the build runs from its
 * compiled files: a flowchart costs 25–35 ms of ELK layout, which a worker
 * does while the main thread reads, lints and renders the next patterns (the
 * drawing starts when an article is rendered, the page is written later).
 * From the sources (tests), or with `PATTERNBOOK_THREADS=1`, they are drawn
 * here. One worker per spare core, at most three; a worker that fails leaves
 * its diagrams to this thread.
 */
const WORKER_SCRIPT = [new URL('./diagram-worker.js', import.meta.url), new URL('../site/diagram-worker.js', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((f) => existsSync(f));

interface Lane {
  worker: Worker;
  pending: Map<number, (drawn: Drawn) => void>;
}
let lanes: Lane[] | undefined;
let nextId = 0;

function workerCount(): number {
  if (!WORKER_SCRIPT) return 0;
  const forced = process.env.PATTERNBOOK_THREADS;
  if (forced === '0' || forced === '1') return 0;
  return Math.max(1, Math.min(availableParallelism() - 1, 3));
}

function startLane(): Lane {
  const lane: Lane = { worker: new Worker(WORKER_SCRIPT!), pending: new Map() };
  lane.worker.unref();
  lane.worker.on('message', (message: { id: number; drawn: Drawn }) => {
    lane.pending.get(message.id)?.(message.drawn);
    lane.pending.delete(message.id);
    // An idle worker never keeps the process alive.
    if (!lane.pending.size) lane.worker.unref();
  });
  const fail = () => {
    lanes = lanes?.filter((l) => l !== lane);
    const left = [...lane.pending.values()];
    lane.pending.clear();
    for (const resolve of left) resolve({ failed: 'worker' });
  };
  lane.worker.on('error', fail);
  lane.worker.on('exit', fail);
  return lane;
}

async function draw(text: string, hash: string): Promise<Drawn> {
  if (lanes === undefined) lanes = Array.from({ length: workerCount() }, startLane);
  const lane = lanes.reduce<Lane | undefined>((best, l) => (!best || l.pending.size < best.pending.size ? l : best), undefined);
  if (!lane) return drawSvg(text, hash);
  const id = nextId++;
  const drawn = await new Promise<Drawn>((resolve) => {
    lane.pending.set(id, resolve);
    lane.worker.ref();
    lane.worker.postMessage({ id, text, hash } satisfies DiagramRequest);
  });
  // The worker stopped before answering: drawn here instead.
  return 'failed' in drawn && drawn.failed === 'worker' ? drawSvg(text, hash) : drawn;
}

/**
 * Each distinct diagram text is drawn once per process (the renderer is pure:
 * the same text gives the same picture), which also spares `dev` redrawing the
 * diagrams of a page whose prose changed. Bounded, oldest first out.
 */
const drawnCache = new Map<string, Promise<Drawn>>();
const CACHE_LIMIT = 2000;

function hashOf(text: string): string {
  return createHash('sha256').update(`${RENDERER}\u0000${text}`).digest('hex').slice(0, 12);
}

/**
 * Drawings are also kept between builds in the catalog's `.patternbook/diagrams/`
 * (ignored by git like the other caches there): a rebuild, `dev` started again,
 * or CI with that folder cached draws only new and changed diagrams. What is
 * read back passes the SVG allow-list again — the folder is on disk, anyone can
 * put a file there. Writing is best effort: a read-only catalog still builds.
 */
function cacheFile(root: string, hash: string): string {
  return path.join(root, '.patternbook', 'diagrams', `${hash}.svg`);
}

async function fromCache(root: string | undefined, hash: string): Promise<Drawn | undefined> {
  if (!root) return undefined;
  const text = await readFile(cacheFile(root, hash), 'utf8').catch(() => undefined);
  return text?.startsWith('<svg') ? { svg: sanitizeSvg(text) } : undefined;
}

async function toCache(root: string | undefined, hash: string, drawn: Drawn): Promise<void> {
  if (!root || !('svg' in drawn)) return;
  try {
    await mkdir(path.dirname(cacheFile(root, hash)), { recursive: true });
    await writeFileAtomic(cacheFile(root, hash), drawn.svg);
  } catch {
    // Not kept: drawn again next time.
  }
}

function drawCached(diagram: DiagramSource, root?: string): { hash: string; drawn: Promise<Drawn> } {
  const hash = hashOf(diagram.text);
  let drawn = drawnCache.get(hash);
  if (!drawn) {
    drawn = drawnAtBuild(diagram.type)
      ? fromCache(root, hash).then(async (kept) => {
          if (kept) return kept;
          const fresh = await draw(diagram.text, hash);
          await toCache(root, hash, fresh);
          return fresh;
        })
      : Promise.resolve({ failed: 'type' });
    drawnCache.set(hash, drawn);
    if (drawnCache.size > CACHE_LIMIT) drawnCache.delete(drawnCache.keys().next().value!);
  }
  return { hash, drawn };
}

/**
 * The placeholder an article holds for its `n`th diagram until the page is
 * written: plain text the sanitizer keeps, with a per-process secret in it so
 * that nothing an author writes can pass for one.
 */
export function diagramSlot(n: number): string {
  return `<p>pb-diagram-${SLOT_SECRET}-${n}</p>\n`;
}

/** What the article holds for each diagram until it is drawn: its source, readable, marked for `drawDiagrams`. */
export function fillSlots(html: string, sources: readonly string[], root?: string): string {
  if (!sources.length) return html;
  // Drawing starts now (in a worker when there is one), to be ready when the page is written.
  for (const source of sources) drawCached(readDiagram(source), root);
  return html.replace(new RegExp(`<p>pb-diagram-${SLOT_SECRET}-(\\d+)</p>`, 'g'), (_whole, n: string) => {
    const source = sources[Number(n)];
    return source === undefined
      ? ''
      : `<figure class="diagram" data-diagram="${n}" data-pagefind-ignore="all"><pre class="diagram-source"><code>${esc(source)}</code></pre></figure>`;
  });
}

/** A page with diagrams: its article HTML, their sources in order, and whether Mermaid's browser runtime is needed. */
export interface WithDiagrams {
  html: string;
  diagrams: string[];
  mermaid: boolean;
}

export interface DrawOptions {
  /** Catalog root: Mermaid's runtime is also looked for from there (a global Patternbook, Mermaid in the catalog's project). */
  root?: string;
}

/**
 * Draws the page's diagrams into its HTML: the types drawn at build time as
 * inline SVG; the others (and any the renderer could not read) left to
 * Mermaid in the browser when its runtime is available (`mermaid` is then
 * set on the page), else shown as their source with a note.
 */
export async function drawDiagrams(page: WithDiagrams, options: DrawOptions = {}): Promise<void> {
  if (!page.diagrams.length) return;
  const entries = page.diagrams.map((source) => {
    const d = readDiagram(source);
    return { source, d, ...drawCached(d, options.root) };
  });
  const results = await Promise.all(entries.map((e) => e.drawn));
  const runtime = mermaidRuntime(options.root) !== undefined;
  page.html = page.html.replace(
    /<figure class="diagram" data-diagram="(\d+)" data-pagefind-ignore="all"><pre class="diagram-source"><code>[^<]*<\/code><\/pre><\/figure>/g,
    (whole, n: string) => {
      const entry = entries[Number(n)];
      const result = results[Number(n)];
      if (!entry || !result) return whole;
      if ('svg' in result) return drawnFigure(result.svg, entry.d, entry.hash);
      if (runtime) page.mermaid = true;
      return sourceFigure(entry.source, entry.d, runtime);
    },
  );
}

function drawnFigure(svg: string, d: DiagramSource, hash: string): string {
  const id = `d${hash}-`;
  const title = `<title id="${id}title">${esc(d.label)}</title>${d.description ? `<desc id="${id}desc">${esc(d.description)}</desc>` : ''}`;
  const labelled = `role="img" aria-labelledby="${id}title"${d.description ? ` aria-describedby="${id}desc"` : ''}`;
  const open = svg.replace(/^<svg\b/, `<svg ${labelled}`).replace(/^(<svg\b[^>]*>)/, `$1${title}`);
  return (
    `<figure class="diagram" data-pagefind-ignore="all">` +
    // Focusable: a wide diagram scrolls sideways, and Enter opens it full size.
    `<div class="diagram-view" tabindex="0" role="group" aria-label="${esc(d.label)} (select to enlarge)">${open}</div>` +
    (d.title ? `<figcaption>${esc(d.title)}</figcaption>` : '') +
    `</figure>`
  );
}

function sourceFigure(source: string, d: DiagramSource, runtime: boolean): string {
  const note = runtime
    ? 'Drawn by Mermaid in your browser when it comes into view.'
    : drawnAtBuild(d.type)
      ? 'Shown as its Mermaid source: this diagram could not be drawn.'
      : `${d.type ? `A ${esc(d.type)} diagram` : 'A diagram'}, shown as its Mermaid source: this site draws flowcharts and sequence, state, class and entity-relationship diagrams.`;
  return (
    `<figure class="diagram diagram-fallback" data-pagefind-ignore="all"${runtime ? ' data-mermaid=""' : ''}>` +
    `<pre class="diagram-source"><code>${esc(source)}</code></pre>` +
    `<figcaption class="diagram-note">${note}</figcaption>` +
    `</figure>`
  );
}

const runtimes = new Map<string, string | undefined>();

/**
 * Mermaid's browser bundle, when Mermaid is installed: beside Patternbook, or
 * in the catalog's own project. `PATTERNBOOK_MERMAID=0` leaves it out even
 * then (diagrams of other types are shown as their source).
 */
export function mermaidRuntime(root?: string): string | undefined {
  if (process.env.PATTERNBOOK_MERMAID === '0') return undefined;
  const key = root ?? '';
  if (runtimes.has(key)) return runtimes.get(key);
  let found: string | undefined;
  for (const from of [import.meta.url, ...(root ? [path.join(root, 'package.json')] : [])]) {
    try {
      const file = createRequire(from).resolve('mermaid/dist/mermaid.min.js');
      if (existsSync(file)) {
        found = file;
        break;
      }
    } catch {
      // not installed there
    }
  }
  runtimes.set(key, found);
  return found;
}
