import { buildProgram, CommanderError, commanderExitCode } from './cli/program.js';
import { createContext, reportError } from './cli/context.js';
import { tuneHeapForPageBuffers } from './heap-tuning.js';

/** Runs the `vnplan` command line and resolves to its exit code (never calls process.exit). */
export async function main(argv: string[], ctx = createContext()): Promise<number> {
  tuneHeapForPageBuffers();
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    return reportError(ctx, error);
  }
  return ctx.exitCode;
}
