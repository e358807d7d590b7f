import type { Command } from 'commander';
import { PatternbookError } from '../../diagnostics.js';
import type { CommandContext } from '../context.js';

export function registerLsp(program: Command, ctx: CommandContext): Command {
  return program
    .command('lsp')
    .description('the language server for editors: lint results as you type, quick fixes, completion, hover, outline (Language Server Protocol)')
    .option('--stdio', 'speak the protocol over standard input and output (the only transport)')
    .action(async (flags: { stdio?: boolean }) => {
      if (!flags.stdio) throw new PatternbookError('patternbook lsp needs --stdio: editors start it as `patternbook lsp --stdio`.');
      const { startLanguageServer } = await import('../../lsp/server.js');
      const connection = startLanguageServer();
      // The server runs until the editor closes the connection.
      await new Promise<void>((resolve) => connection.onExit(() => resolve()));
      ctx.exitCode = 0;
    });
}
