/**
 * Inline switches an author can write in a pattern:
 *   <!-- patternbook-disable rule-a, rule-b -->   … until enabled again (no ids: every rule)
 *   <!-- patternbook-enable rule-a -->
 *   <!-- patternbook-disable-next-line rule-a -->
 *   <!-- patternbook-disable-line rule-a -->
 */
const COMMENT = /<!--\s*patternbook-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

interface Span {
  from: number;
  to: number;
  /** `null` for every rule. */
  rules: Set<string> | null;
}

export type DisabledCheck = (ruleId: string, line: number) => boolean;

const NEVER: DisabledCheck = () => false;

export function disabledRules(source: string): DisabledCheck {
  if (!source.includes('patternbook-')) return NEVER;
  const spans: Span[] = [];
  const open = new Map<string, number>();
  for (const match of source.matchAll(COMMENT)) {
    const line = lineAt(source, match.index);
    const ids = match[2]!.split(/[\s,]+/).filter(Boolean);
    const rules = ids.length ? new Set(ids) : null;
    switch (match[1]) {
      case 'disable-line':
        spans.push({ from: line, to: line, rules });
        break;
      case 'disable-next-line':
        spans.push({ from: line + 1, to: line + 1, rules });
        break;
      case 'disable':
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, line);
        break;
      case 'enable':
        for (const id of ids.length ? [...open.keys()].filter((k) => ids.includes(k) || k === '*') : [...open.keys()]) {
          spans.push({ from: open.get(id)!, to: line, rules: id === '*' ? null : new Set([id]) });
          open.delete(id);
        }
        break;
    }
  }
  for (const [id, from] of open) spans.push({ from, to: Infinity, rules: id === '*' ? null : new Set([id]) });
  return (ruleId, line) => spans.some((s) => line >= s.from && line <= s.to && (s.rules === null || s.rules.has(ruleId)));
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * A pair of comments that fence text a tool writes (`<!-- timeline:start -->` … `<!-- timeline:end -->`,
 * `<!-- BEGIN toc -->` … `<!-- END toc -->`): the tool rewrites what is between them on its next run.
 */
const GENERATED_START = /<!--\s*(?:([\w.-]+)[:_ -](?:start|begin)|(?:start|begin)[:_ -]?([\w.-]+))\s*-->/gi;

/**
 * The spans of the file's text between such pairs, as offsets: no fix writes into one, where the
 * tool would erase it (the end marker's name must be the start's).
 */
export function generatedRegions(source: string): [number, number][] {
  if (!source.includes('<!--')) return [];
  const out: [number, number][] = [];
  for (const m of source.matchAll(GENERATED_START)) {
    const name = (m[1] ?? m[2])!;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const end = new RegExp(`<!--\\s*(?:${escaped}[:_ -](?:end|stop)|(?:end|stop)[:_ -]?${escaped})\\s*-->`, 'i').exec(source.slice(m.index + m[0].length));
    if (end) out.push([m.index + m[0].length, m.index + m[0].length + end.index]);
  }
  return out;
}
