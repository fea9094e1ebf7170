import { Command, CommanderError } from 'commander';
import { ExitCode } from '../errors/index.js';
import { COMMANDS } from './commands/index.js';
import type { CliContext } from './context.js';
import { PACKAGE_VERSION } from '../paths.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('vnplan')
    .description('Turn legacy Vietnamese administrative plans into clean, searchable, structured data.')
    .version(PACKAGE_VERSION)
    .option('-v, --verbose', 'print stack traces and more detail')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .hook('preAction', (command) => {
      ctx.verbose = Boolean(command.optsWithGlobals().verbose);
    });
  for (const register of COMMANDS) register(program, ctx);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Turns commander's own exits (help, version, usage errors) into our exit codes. */
export function commanderExitCode(error: CommanderError): number {
  if (error.exitCode === 0) return ExitCode.Ok;
  return ExitCode.Usage;
}

export { CommanderError };
