import type { Section } from '../../markdown/types.js';
import type { TemplateSection } from '../../template/types.js';

/** How messages show a pattern's heading: `## Overview`. */
export function headingLabel(section: Section): string {
  return `\`${'#'.repeat(section.level)} ${section.title}\``;
}

/** How messages show a template section: `## Cleanup`, `### Step N: <title>`. */
export function schemaLabel(schema: TemplateSection): string {
  return `\`${'#'.repeat(schema.level)} ${schema.name}\``;
}

/** `"text"` shortened to a readable quote. */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}
