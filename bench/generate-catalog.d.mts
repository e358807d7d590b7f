/** Types for the benchmark's catalog generator (plain JavaScript, also used by the test suite). */
export interface InjectedDefect {
  slug: string;
  kind: 'missing-section' | 'placeholder' | 'broken-link' | 'out-of-order';
  detail: string;
}

export interface GeneratedCatalog {
  dir: string;
  count: number;
  seed: number;
  patterns: number;
  markdownBytes: number;
  defects: InjectedDefect[];
}

export function generateCatalog(dir: string, options: { count: number; seed?: number; template?: string; defectRate?: number }): GeneratedCatalog;

/** A generated catalog under `workDir`, reused while generator, seed and template are unchanged. */
export function cachedCatalog(workDir: string, size: number, seed?: number): { dir: string; info: unknown; reused: boolean; seconds: number };
