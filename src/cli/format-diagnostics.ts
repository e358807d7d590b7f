import type { Diagnostic } from '../diagnostics.js';
import type { Colors } from './context.js';

/** `path:line:column  error  message  (rule-id)` — one line per diagnostic, clickable in terminals and editors. */
export function formatDiagnostic(d: Diagnostic, color: Colors): string {
  const severity = d.severity === 'error' ? color.red('error') : d.severity === 'warning' ? color.yellow('warning') : color.cyan('info');
  return `${d.path}:${d.line}:${d.column}  ${severity}  ${d.message}  ${color.dim(d.ruleId)}`;
}
