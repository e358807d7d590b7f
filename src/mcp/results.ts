import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { foldText } from '../template/normalize.js';
import { editDistance } from '../util/similar.js';

/** Every tool only reads: assistants may call them without asking the user first. */
export const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A tool's answer: the structured result its output schema describes, and the same as text for clients that show text. */
export function answer<T extends Record<string, unknown>>(structured: T, text: string): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A tool error the assistant can act on: what was wrong and what to do (never a crash of the server). */
export function refusal(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * The names nearest to one that was not found, nearest first: by edit
 * distance on folded text, names that contain it (or that it contains) first.
 */
export function nearestNames(wanted: string, names: Iterable<string>, count = 5): string[] {
  const target = foldText(wanted);
  const scored: { name: string; distance: number }[] = [];
  for (const name of new Set(names)) {
    const folded = foldText(name);
    const contains = target.length > 0 && (folded.includes(target) || target.includes(folded));
    scored.push({ name, distance: contains ? -1 / Math.max(folded.length, 1) : editDistance(target, folded) });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1))
    .slice(0, count)
    .map((s) => s.name);
}

/** `a`, `b` and `c` as a list for a sentence. */
export function listed(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
