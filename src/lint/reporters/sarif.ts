import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import type { Diagnostic, Fix, Severity } from '../../diagnostics.js';
import type { LintFileResult, LintReport, Reporter, RuleInfo } from '../result.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export const sarif: Reporter = (report, options) => {
  // Paths are relative to where Patternbook ran (the repository root in CI): code scanning
  // resolves them against the repository, so a catalog in `docs/patterns` still lands right.
  const base = options.cwd;
  const at = (file: string) => path.resolve(report.root, file);
  const rules = driverRules(report);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const fingerprints = new Fingerprints();
  const results = report.results.flatMap((result) => {
    const lines = result.source === undefined ? [] : result.source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    return result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId) ?? 0,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(base, at(d.path)), region: region(d) } }],
      partialFingerprints: { primaryLocationLineHash: fingerprints.next(d, lines[d.line - 1] ?? '') },
      ...(d.fix ? { fixes: [fix(base, { ...d, path: at(d.path) }, d.fix)] } : {}),
    }));
  });
  // Typed against the SARIF 2.1.0 object model (@types/sarif), so a misnamed or mistyped field fails the build.
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'patternbook',
            version: report.version,
            informationUri: 'https://github.com/patternbook/patternbook',
            rules: rules.map(ruleDescriptor),
          },
        },
        // Diagnostic columns count UTF-16 code units (see src/markdown/lines.ts); say so rather than rely on the default.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(base) } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};

const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const LOAD_FAILURE = 'Patternbook could not load or check the file';

interface DriverRule {
  id: string;
  description: string;
  level: 'error' | 'warning' | 'note';
  url?: string;
}

/**
 * Every rule that ran, then every other id a diagnostic carries (`file-read`,
 * `front-matter`, `internal`, …): a result whose rule is not in the driver
 * would point `ruleIndex` at the wrong rule.
 */
function driverRules(report: LintReport): DriverRule[] {
  const rules: DriverRule[] = report.rules.map((rule: RuleInfo) => ({
    id: rule.id,
    description: rule.description,
    level: rule.severity,
    ...(rule.url ? { url: rule.url } : {}),
  }));
  const known = new Set(rules.map((rule) => rule.id));
  const extra = new Map<string, DriverRule>();
  for (const d of report.results.flatMap((r: LintFileResult) => r.diagnostics)) {
    if (known.has(d.ruleId)) continue;
    const seen = extra.get(d.ruleId);
    // The rule's default level is the most severe level it was reported at.
    const level = seen && SEVERITY_RANK[seen.level] >= SEVERITY_RANK[LEVEL[d.severity]] ? seen.level : LEVEL[d.severity];
    const url = seen?.url ?? d.url;
    extra.set(d.ruleId, { id: d.ruleId, description: LOAD_FAILURE, level, ...(url ? { url } : {}) });
  }
  return [...rules, ...[...extra.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))];
}

const SEVERITY_RANK = { note: 0, warning: 1, error: 2 } as const;

function ruleDescriptor(rule: DriverRule) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    ...(rule.url ? { helpUri: rule.url } : {}),
    defaultConfiguration: { level: rule.level },
    properties: { tags: ['patternbook'] },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * Relative to %SRCROOT% (the catalog root) when the file is inside it; a file
 * outside it gets an absolute URI, since a base id may only go with a
 * relative reference.
 */
function artifactLocation(root: string, file: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (outside) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function region(d: Diagnostic) {
  return {
    startLine: d.line,
    startColumn: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
  };
}

function fix(root: string, d: Diagnostic, change: Fix) {
  const [start, end] = change.range;
  return {
    description: { text: `Fix: ${d.message}` },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(root, d.path),
        replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: change.text } }],
      },
    ],
  };
}

/**
 * GitHub matches alerts across runs by `primaryLocationLineHash`. Hashing the
 * line's text rather than its number keeps an alert's identity when lines
 * above it are added or removed; the occurrence index tells apart the same
 * rule firing on identical lines of one file.
 */
class Fingerprints {
  private readonly seen = new Map<string, number>();

  next(d: Diagnostic, lineText: string): string {
    const key = [d.ruleId, d.path, lineText.trim()].join('\0');
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return `${createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 16)}:1`;
  }
}
