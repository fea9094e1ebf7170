import type { Writable } from 'node:stream';
import { asVnplanError, ExitCode } from '../errors/index.js';

/** What every command needs from the process: where to write, and how loud to be. */
export interface CliContext {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Set by the global --verbose flag before any action runs. */
  verbose: boolean;
  /** The exit code the finished command asks for. */
  exitCode: number;
}

export function createContext(
  stdout: Writable = process.stdout,
  stderr: Writable = process.stderr,
): CliContext {
  return { stdout, stderr, verbose: false, exitCode: ExitCode.Ok };
}

/** Prints one line per error; the stack only with --verbose. Returns the exit code the error asks for. */
export function reportError(ctx: CliContext, error: unknown, path?: string): number {
  const failure = asVnplanError(error, path);
  ctx.stderr.write(`vnplan: ${failure.toLine()}\n`);
  if (ctx.verbose) {
    const stack = failure.cause instanceof Error ? failure.cause.stack : failure.stack;
    if (stack) ctx.stderr.write(`${stack}\n`);
  }
  return failure.exitCode;
}

/**
 * Wraps a command action: its returned number (or Ok) becomes the exit code; a thrown error is
 * reported as one line and its catalogue exit code is used.
 */
export function action<A extends unknown[]>(
  ctx: CliContext,
  run: (...args: A) => Promise<number | void> | number | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      ctx.exitCode = (await run(...args)) ?? ExitCode.Ok;
    } catch (error) {
      ctx.exitCode = reportError(ctx, error);
    }
  };
}
