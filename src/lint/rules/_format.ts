import type { UnsafeReason } from '../../catalog/targets.js';
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

/** What an unsafe destination is, for messages. */
export function unsafeText(reason: UnsafeReason): string {
  switch (reason) {
    case 'file-url':
      return 'a `file://` URL, which only opens on the machine that wrote it';
    case 'absolute':
      return 'an absolute file-system path, which only exists on the machine that wrote it';
    case 'home':
      return 'a path in a home folder (`~`), which only exists on the machine that wrote it';
    case 'outside':
      return 'a path that leaves the catalog root, so it breaks wherever the catalog is cloned or published';
    case 'symlink':
      return 'a path through a symbolic link that leads out of the catalog root';
  }
}

/** `` `text` `` for messages. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
