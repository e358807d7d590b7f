import type { Command } from 'commander';
import path from 'node:path';
import { initCatalog } from '../../scaffold/create.js';
import type { CommandContext } from '../context.js';

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('start a catalog: a config file, templates/pattern.md (the default template) and a first pattern; never overwrites')
    .argument('[dir]', 'folder to initialise', '.')
    .action(async (dir: string) => {
      const root = path.resolve(ctx.cwd, dir);
      const created = await initCatalog(root);
      for (const file of [...created.files, ...created.folders]) ctx.out(`${ctx.color.green('created')} ${path.relative(ctx.cwd, file) || file}`);
      ctx.out();
      ctx.out(`Next: edit ${path.relative(ctx.cwd, created.files[2]!)}, or add a pattern with \`patternbook new <slug>\`.`);
    });
}
