import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';

export function registerRules(program: Command, ctx: CommandContext): Command {
  return program
    .command('rules')
    .description('list the lint rules: id, default severity, whether --fix repairs it, what it checks')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { format: 'text' | 'json' }) => {
      const { DOCS_BASE } = await import('../../lint/lint.js');
      const { registry } = await import('../../lint/registry.js');
      const rules = registry.map(({ meta }) => ({
        id: meta.id,
        severity: meta.severity,
        fixable: meta.fixable,
        scope: meta.scope ?? 'file',
        description: meta.description,
        url: `${DOCS_BASE}${meta.id}.md`,
      }));
      if (opts.format === 'json') {
        ctx.out(JSON.stringify(rules, null, 2));
        return;
      }
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) {
        const severity = r.severity === 'error' ? ctx.color.red('error  ') : ctx.color.yellow('warning');
        ctx.out(`${r.id.padEnd(width)}  ${severity}  ${r.fixable ? ctx.color.green('fix') : '   '}  ${r.description}`);
      }
    });
}
