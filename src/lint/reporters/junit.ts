import type { Diagnostic } from '../../diagnostics.js';
import type { LintFileResult, Reporter } from '../result.js';
import { escapeAttribute, escapeText } from '../../util/xml.js';

/**
 * JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure
 * Pipelines…): each linted file is a test case, each diagnostic a failure of it.
 */
export const junit: Reporter = (report) => {
  const failing = report.results.filter((r) => r.diagnostics.length > 0).length;
  // `failures` counts failing test cases, not <failure> elements: CI tools compute
  // "passed" as tests − failures, which must not go below zero.
  const suite = attributes({ name: 'patternbook', tests: report.results.length, failures: failing, errors: 0 });
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuite ${suite}>`, ...report.results.map(testCase), '</testsuite>'].join('\n');
};

function testCase(result: LintFileResult): string {
  const head = `  <testcase ${attributes({ classname: `patternbook.${result.slug ?? result.path}`, name: result.path })}`;
  if (result.diagnostics.length === 0) return `${head}/>`;
  return [`${head}>`, ...result.diagnostics.map(failure), '  </testcase>'].join('\n');
}

function failure(d: Diagnostic): string {
  const prefix = d.severity === 'error' ? '' : `[${d.severity}] `;
  const body = `${d.path}:${d.line}:${d.column} ${d.message}`;
  return `    <failure ${attributes({ message: prefix + d.message, type: d.ruleId })}>${escapeText(body)}</failure>`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}="${escapeAttribute(String(value))}"`)
    .join(' ');
}
