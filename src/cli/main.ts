import { Command, CommanderError } from 'commander';
import { PatternbookError } from '../diagnostics.js';
import { describeFileSystemError, isSystemError, operationOf } from '../util/fs-errors.js';
import { VERSION } from '../version.js';
import { createContext, type CliIo, type CommandContext } from './context.js';
import { registerBuild } from './commands/build.js';
import { registerDev } from './commands/dev.js';
import { registerPreview } from './commands/preview.js';
import { registerInfo } from './commands/info.js';
import { registerInit } from './commands/init.js';
import { registerLint } from './commands/lint.js';
import { registerNew } from './commands/new.js';
import { registerExport } from './commands/export.js';
import { registerGraph } from './commands/graph.js';
import { registerLsp } from './commands/lsp.js';
import { registerMcp } from './commands/mcp.js';
import { registerMigrate } from './commands/migrate.js';
import { registerReport } from './commands/report.js';
import { registerRules } from './commands/rules.js';
import { registerSearch } from './commands/search.js';
import { registerRun } from './commands/run.js';
import { registerVerify } from './commands/verify.js';

/**
 * Runs the CLI and resolves to its exit code: 0 ok, 1 problems found,
 * 2 usage or configuration error. Never calls `process.exit`.
 */
export async function main(io: CliIo): Promise<number> {
  const ctx = createContext(io);
  const program = buildProgram(ctx);
  let code: number;
  try {
    await program.parseAsync(io.argv, { from: 'user' });
    code = ctx.exitCode;
  } catch (err) {
    code = handleError(err, ctx);
  }
  // A closed pipe is not a failure (see watchOutput); a full disk behind `> file` is. The last
  // writes' errors arrive as events after them: wait for those writes, then for the events.
  await Promise.all([io.stdout, io.stderr].map(settled));
  const failed = ctx.outputFailure();
  if (failed) {
    const reason = describeFileSystemError(failed.error, 'write', failed.stream).replace(/^Cannot write `[^`]*`/, `Cannot write to ${failed.stream}`);
    ctx.err(`${ctx.errColor.red('error')} ${reason}`);
    return 2;
  }
  return code;
}

/** Resolves once what was written to `stream` has gone out (or failed) and its events have been emitted. */
async function settled(stream: CliIo['stdout']): Promise<void> {
  if (!stream.destroyed && !stream.writableEnded) await new Promise<void>((resolve) => stream.write('', () => resolve()));
  await new Promise<void>((resolve) => setImmediate(resolve));
}

function buildProgram(ctx: CommandContext): Command {
  const program = new Command('patternbook')
    .description('Patterns-as-code for architecture pattern catalogs: scaffold, lint against the template, build, run, export.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => write(ctx.errColor.red(s)),
    })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Every command that works on a catalog takes its root as an optional [dir]; the
default is the nearest folder upward with a patternbook config file, else the
current folder.

Exit codes: 0 ok, 1 problems found, 2 usage or configuration error.`,
  );
  for (const register of [
    registerLint,
    registerBuild,
    registerDev,
    registerPreview,
    registerRun,
    registerVerify,
    registerExport,
    registerGraph,
    registerReport,
    registerMigrate,
    registerSearch,
    registerLsp,
    registerMcp,
    registerRules,
    registerInfo,
    registerInit,
    registerNew,
  ]) {
    const command = register(program, ctx);
    command.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

function handleError(err: unknown, ctx: CommandContext): number {
  if (err instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof PatternbookError) {
    ctx.err(`${ctx.errColor.red('error')} ${err.message}`);
    return err.exitCode;
  }
  // The user's situation (a read-only folder, a file in the way…) reaching here unexplained is still said as such.
  const at = isSystemError(err) ? operationOf(err) : undefined;
  if (at) {
    ctx.err(`${ctx.errColor.red('error')} ${describeFileSystemError(err as NodeJS.ErrnoException, at.operation, at.file)}`);
    if (ctx.env.PATTERNBOOK_DEBUG) ctx.err((err as Error).stack ?? '');
    return 2;
  }
  const error = err as Error;
  ctx.err(`${ctx.errColor.red('internal error')} ${error?.message ?? String(err)}`);
  ctx.err('This is a bug in Patternbook; please report it with the command you ran.');
  if (ctx.env.PATTERNBOOK_DEBUG) ctx.err(error?.stack ?? '');
  return 2;
}
