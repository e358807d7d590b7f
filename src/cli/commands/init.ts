import type { Command } from 'commander';
import path from 'node:path';
import { initCatalog } from '../../scaffold/create.js';
import type { CommandContext } from '../context.js';

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('start a catalog: a config file, templates/pattern.md (the default template), a first pattern and a .gitignore for the built site and caches; never overwrites')
    .argument('[dir]', 'folder to initialise', '.')
    .action(async (dir: string) => {
      const root = path.resolve(ctx.cwd, dir);
      const created = await initCatalog(root);
      const shown = (file: string) => path.relative(ctx.cwd, file) || file;
      for (const file of [...created.files, ...created.folders]) ctx.out(`${ctx.color.green('created')} ${shown(file)}`);
      const { gitignore } = created;
      if (gitignore.created) ctx.out(`${ctx.color.green('created')} ${shown(gitignore.file)}`);
      else if (gitignore.added.length) ctx.out(`${ctx.color.green('updated')} ${shown(gitignore.file)} (added ${gitignore.added.join(', ')})`);
      for (const warning of gitignore.warnings) ctx.err(`${ctx.errColor.yellow('warning')} ${warning}`);
      ctx.out();
      ctx.out(`Next: edit ${shown(created.firstPattern)}, or add a pattern with \`patternbook new <slug>\`.`);
    });
}
