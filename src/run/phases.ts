import type { CatalogConfig } from '../config/load-config.js';
import type { Section } from '../markdown/types.js';
import { foldHeading } from '../template/normalize.js';

/**
 * What a phase does: `check` (Prerequisites) only verifies the machine and
 * changes nothing, so a failure there needs no Cleanup; `steps` change things;
 * `cleanup` undoes them and runs whenever any step has run.
 */
export type PhaseRole = 'check' | 'steps' | 'cleanup';

export interface PhaseSpec {
  /** As configured: `Testing/Automated Testing`. */
  name: string;
  /** Heading path from the top-level section down. */
  path: string[];
  role: PhaseRole;
}

/** The default template's runnable sections, in the order a reader follows them. */
export const DEFAULT_PHASES = ['Prerequisites', 'Implementation', 'Testing/Automated Testing', 'Deployment/Local Development', 'Cleanup'];

/** The configured phases (`run.phases`), else the default ones. */
export function phaseSpecs(config: Pick<CatalogConfig, 'run'>): PhaseSpec[] {
  return (config.run.phases ?? DEFAULT_PHASES).map((entry) => {
    const name = typeof entry === 'string' ? entry : entry.section;
    const path = name
      .split('/')
      .map((part) => part.trim())
      .filter(Boolean);
    return { name, path, role: typeof entry === 'string' ? roleByName(path[path.length - 1] ?? '') : entry.role };
  });
}

/** `Prerequisites` checks, `Cleanup` (or `Teardown`) cleans up, anything else is steps. */
function roleByName(heading: string): PhaseRole {
  const folded = foldHeading(heading);
  if (/^(prerequisites?|requirements|before you begin)$/.test(folded)) return 'check';
  if (/^(clean ?up|teardown|tear down)$/.test(folded)) return 'cleanup';
  return 'steps';
}

/**
 * The pattern's sections for a phase: those whose heading path ends with the
 * phase's path, compared as the lint compares headings (case, spacing and a
 * trailing colon ignored; the configured aliases of each name accepted).
 */
export function sectionsForPhase(sections: readonly Section[], spec: PhaseSpec, config: Pick<CatalogConfig, 'sections'>): Section[] {
  const names = spec.path.map((part) => acceptedNames(part, config));
  const found: Section[] = [];
  const walk = (list: readonly Section[], depth: number) => {
    for (const section of list) {
      const title = foldHeading(section.title);
      if (names[depth]!.has(title)) {
        if (depth === names.length - 1) found.push(section);
        else walk(section.children, depth + 1);
      }
    }
  };
  walk(sections, 0);
  return found;
}

function acceptedNames(name: string, config: Pick<CatalogConfig, 'sections'>): Set<string> {
  const names = new Set([foldHeading(name)]);
  for (const [key, settings] of Object.entries(config.sections)) {
    const all = [key, ...(settings.aliases ?? [])].map(foldHeading);
    if (all.includes(foldHeading(name))) for (const n of all) names.add(n);
  }
  return names;
}
