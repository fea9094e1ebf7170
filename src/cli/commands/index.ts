import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerErrorsCommand } from './errors.js';
import { registerOcrCommand } from './ocr.js';

/** Every subcommand, in the order `vnplan --help` lists them. */
export const COMMANDS: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [
  registerOcrCommand,
  registerErrorsCommand,
];
