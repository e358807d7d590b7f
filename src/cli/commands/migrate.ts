import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PatternbookError } from '../../diagnostics.js';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';

interface MigrateFlags {
  to: string;
  rename: string[];
  write?: boolean;
}

export function registerMigrate(program: Command, ctx: CommandContext): Command {
  return program
    .command('migrate')
    .description('bring every pattern to a new template: add its new sections, rename headings, record the template followed; a diff unless --write')
    .argument('[dir]', 'catalog root')
    .requiredOption('--to <template>', 'the new template file')
    .option('--rename <Old=New>', 'rename a section heading (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--write', 'write the changes (atomically); without it, print a unified diff per file and change nothing')
    .action(async (dir: string | undefined, flags: MigrateFlags) => {
      // Loaded on use: these commands' libraries cost `lint` and `--version` nothing.
      const { migrationDiff, parseRenames, planMigration, templateStamp, writeMigration } = await import('../../migrate/migrate.js');
      const root = resolveCatalogRoot(ctx.cwd, dir);
      const to = path.resolve(ctx.cwd, flags.to);
      if (!existsSync(to)) throw new PatternbookError(`--to ${flags.to}: no such template file.`);
      const plan = await planMigration({ root, to, renames: parseRenames(flags.rename) });
      for (const d of plan.diagnostics) ctx.err(formatDiagnostic(d, ctx.errColor));
      const changed = plan.files.filter((m) => !m.refused && m.after !== m.before);
      for (const m of plan.files) {
        if (m.refused) ctx.err(`${ctx.errColor.red('refused')} ${m.file}: ${m.refused}`);
        for (const k of m.kept) ctx.err(`${m.file}:${k.line}: "${k.heading}" is not in the new template; kept where it is (move or remove it by hand).`);
        if (!flags.write) {
          const diff = migrationDiff(m);
          if (diff) ctx.stdout.write(diff);
        }
      }
      const config = plan.config;
      if (config?.kind === 'edit' && !flags.write) ctx.stdout.write(migrationDiff({ file: config.path, before: config.before, after: config.after }));
      const summary = `${changed.length} of ${plan.files.length} pattern${plan.files.length === 1 ? '' : 's'} ${flags.write ? 'migrated' : 'would change'} to ${templateStamp(plan.template)}`;
      if (flags.write) {
        const written = await writeMigration(plan);
        const patterns = written.filter((f) => config?.kind !== 'edit' || f !== config.path);
        ctx.err(`${summary}: ${patterns.length} file${patterns.length === 1 ? '' : 's'} written.`);
        if (config?.kind === 'edit') ctx.err(`${config.path}: \`template\` set to "${config.value}", so lint checks the patterns against the new template.`);
      } else {
        ctx.err(`${summary}. Nothing was written: run again with --write.`);
        if (config?.kind === 'edit') ctx.err(`With --write, ${config.path}'s \`template\` is set to "${config.value}" too.`);
      }
      if (config?.kind === 'manual') ctx.err(`${ctx.errColor.yellow('warning')} ${config.message}`);
      ctx.exitCode = plan.files.some((m) => m.refused) || plan.diagnostics.some((d) => d.fatal) ? 1 : 0;
    });
}
