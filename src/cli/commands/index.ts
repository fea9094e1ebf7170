import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerErrorsCommand } from './errors.js';
import { registerExportCommand } from './export.js';
import { registerExtractCommand } from './extract.js';
import { registerImportCommand } from './import.js';
import { registerLearnCommand } from './learn.js';
import { registerOcrCommand } from './ocr.js';
import { registerPutCommand } from './put.js';
import { registerQueryCommand } from './query.js';
import { registerRefsCommand } from './refs.js';
import { registerRestoreCommand } from './restore.js';
import { registerSchemaCommand } from './schema.js';
import { registerSearchCommand } from './search.js';
import { registerServeCommand } from './serve.js';
import { registerShowCommand } from './show.js';
import { registerStatusCommand } from './status.js';
import { registerWorkerCommand } from './worker.js';

/** Every subcommand, in the order `vnplan --help` lists them. */
export const COMMANDS: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [
  registerOcrCommand,
  registerRestoreCommand,
  registerLearnCommand,
  registerExtractCommand,
  registerSchemaCommand,
  registerExportCommand,
  registerImportCommand,
  registerWorkerCommand,
  registerStatusCommand,
  registerQueryCommand,
  registerSearchCommand,
  registerShowCommand,
  registerRefsCommand,
  registerPutCommand,
  registerServeCommand,
  registerErrorsCommand,
];
