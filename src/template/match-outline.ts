import type { Section } from '../markdown/types.js';
import { foldHeading } from './normalize.js';
import type { TemplateSection } from './types.js';

export interface SectionMatch {
  schema: TemplateSection;
  /** The pattern's sections matched to it (several for a repeatable one), in document order. */
  sections: Section[];
  children: SectionMatch[];
}

export interface OutlineMatch {
  matches: SectionMatch[];
  /** Required template sections with no match, each with the matched section it should follow. */
  missing: { schema: TemplateSection; after?: TemplateSection }[];
  /** Pattern sections that match no template section at their place. */
  unknown: Section[];
}

/**
 * Pairs a pattern's section tree with the template's, by heading shape and
 * not by position, so every missing and unknown section is found in one pass
 * (order and levels are checked separately on the result).
 */
export function matchOutline(schema: readonly TemplateSection[], sections: readonly Section[]): OutlineMatch {
  const result: OutlineMatch = { matches: [], missing: [], unknown: [] };
  const byschema = new Map<TemplateSection, Section[]>(schema.map((s) => [s, []]));
  for (const section of sections) {
    const folded = foldHeading(section.title);
    const target = schema.find((s) => s.matcher.test(folded) && (s.repeatable || byschema.get(s)!.length === 0)) ?? schema.find((s) => s.matcher.test(folded));
    if (target) byschema.get(target)!.push(section);
    else result.unknown.push(section);
  }
  let previous: TemplateSection | undefined;
  for (const s of schema) {
    const found = byschema.get(s)!;
    if (found.length === 0) {
      if (!s.optional) result.missing.push({ schema: s, ...(previous ? { after: previous } : {}) });
      continue;
    }
    const child = matchOutline(
      s.children,
      found.flatMap((f) => f.children),
    );
    result.matches.push({ schema: s, sections: found, children: child.matches });
    result.missing.push(...child.missing);
    result.unknown.push(...child.unknown);
    previous = s;
  }
  return result;
}
