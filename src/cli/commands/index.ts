import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerErrorsCommand } from './errors.js';
import { registerExportCommand } from './export.js';
import { registerExtractCommand } from './extract.js';
import { registerSchemaCommand } from './schema.js';

/** Every subcommand, in the order `vnplan --help` lists them. */
export const COMMANDS: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [
  registerExtractCommand,
  registerExportCommand,
  registerSchemaCommand,
  registerErrorsCommand,
];
