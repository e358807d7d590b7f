import path from 'node:path';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { lint } from '../../../src/lint/lint.js';
import { tempCatalog } from '../../helpers.js';

export interface OneResult {
  dir: string;
  file: string;
  diagnostics: Diagnostic[];
  /** `line:column message` of each diagnostic of the rule. */
  shown: string[];
}

/**
 * Lints `example/README.md` with one rule in a throw-away catalog. `template`
 * is the catalog's template text (default: the built-in one); `config` is
 * merged into the configuration file.
 */
export async function lintOne(
  rule: string,
  pattern: string,
  options: { template?: string; config?: Record<string, unknown>; files?: Record<string, string>; fix?: boolean } = {},
): Promise<OneResult> {
  const files: Record<string, string> = { ...options.files, 'example/README.md': pattern };
  const config: Record<string, unknown> = { ...options.config };
  if (options.template !== undefined) {
    files['templates/pattern.md'] = options.template;
    config.template = 'templates/pattern.md';
  }
  if (Object.keys(config).length > 0) files['patternbook.config.json'] = JSON.stringify(config);
  const dir = await tempCatalog(files);
  const file = path.join(dir, 'example/README.md');
  const report = await lint({ root: dir, only: [rule], ...(options.fix ? { fix: true } : {}) });
  const diagnostics = (report.results.find((r) => r.file === file)?.diagnostics ?? []).filter((d) => d.ruleId === rule || d.fatal || d.ruleId === 'internal');
  return { dir, file, diagnostics, shown: diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`) };
}

/** A pattern from the default template's title and the given sections. */
export function page(...sections: string[]): string {
  return ['# Circuit Breaker', '', '> Stops calling a failing dependency.', '', ...sections.flatMap((s) => [s.trim(), ''])].join('\n');
}
