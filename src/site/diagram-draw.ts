import { sanitizeSvg } from './sanitize.js';

/**
 * The renderer and how its output is treated, part of every cached drawing's
 * key: a new `beautiful-mermaid` (pinned in package.json, a test keeps the
 * two in step) or a change to what is done with its SVG must change it.
 */
export const RENDERER = 'beautiful-mermaid@1.1.3/1';

/** What the renderer made of a diagram text: sanitized SVG, or why not. */
export type Drawn = { svg: string } | { failed: string };

type Library = typeof import('beautiful-mermaid');
let library: Promise<Library> | undefined;

/**
 * One diagram drawn by `beautiful-mermaid` (loaded on first use: about 0.7 s,
 * most of it the ELK layout engine) and passed through the SVG allow-list,
 * its ids prefixed with `d<hash>-`. Runs on the main thread or in a diagram
 * worker (diagram-worker.ts); never throws.
 */
export async function drawSvg(text: string, hash: string): Promise<Drawn> {
  try {
    library ??= import('beautiful-mermaid');
    const { renderMermaidSVG } = await library;
    // Colours are left to the page (CSS variables, see assets/site/diagrams.css): one SVG for light and dark.
    const raw = renderMermaidSVG(text, { bg: 'var(--bg)', fg: 'var(--fg)', transparent: true });
    const svg = sanitizeSvg(raw, `d${hash}-`).replace(/>\n\s*</g, '><');
    // The renderer draws nothing for some statements it cannot read instead of saying so.
    if (!/<(?:text|rect|path|polygon)\b/.test(svg)) return { failed: 'nothing drawn' };
    return { svg };
  } catch (err) {
    return { failed: err instanceof Error ? err.message : String(err) };
  }
}
