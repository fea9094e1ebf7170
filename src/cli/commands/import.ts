import type { Command } from 'commander';
import { ExitCode, VnplanError } from '../../errors/index.js';
import { createDefaultStages, runEmbeddedImport, type ImportSummary } from '../../pipeline/index.js';
import { queueSettings, runQueueImport } from '../../queue/index.js';
import { action, reportError, type CliContext } from '../context.js';
import { barProgress, jsonProgress, lineProgress, type ImportProgress } from '../import-progress.js';
import {
  addPipelineOptions,
  addQueuePrefixOption,
  redisUrlOf,
  stageOptionsOf,
  type PipelineCliOptions,
} from '../pipeline-options.js';
import { addDbOption, withStore } from '../store-access.js';
import { parseCount } from './command-options.js';

interface ImportOptions extends PipelineCliOptions {
  db?: string;
  force?: boolean;
  json?: boolean;
  documents: string;
}

function progressFor(ctx: CliContext, json: boolean): ImportProgress {
  if (json) return jsonProgress(ctx.stdout);
  const stderr = ctx.stderr as NodeJS.WriteStream;
  return stderr.isTTY ? barProgress(stderr) : lineProgress(ctx.stdout, ctx.stderr);
}

export function registerImportCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('import')
    .description(
      'import files and folders (PDF, images, text; recursively) through the whole pipeline into the archive',
    )
    .argument('<paths...>', 'files or folders')
    .option(
      '--redis <url>',
      'queue mode: enqueue on this Redis for `vnplan worker` processes (default: $REDIS_URL; without it, in-process)',
    )
    .option('--force', 're-process documents already in the archive')
    .option('--json', 'one JSON line per finished or failed document, then a summary line')
    .option('--documents <n>', 'documents processed at once in-process', '2');
  addQueuePrefixOption(addPipelineOptions(addDbOption(command))).action(
    action(ctx, async (paths: string[], options: ImportOptions) => {
      const progress = progressFor(ctx, Boolean(options.json));
      const redisUrl = redisUrlOf(options, false);
      let summary: ImportSummary;
      try {
        summary = await withStore(
          options,
          async (store) => {
            const stageOptions = stageOptionsOf(options);
            if (redisUrl) {
              const settings = queueSettings(redisUrl, options.queuePrefix);
              const stages = createDefaultStages(stageOptions);
              try {
                return await runQueueImport(paths, settings, (path) => stages.intake(path), store, {
                  force: options.force,
                  onEvent: (event) => progress.onEvent(event),
                  onNoWorkers: () =>
                    ctx.stderr.write(
                      `vnplan: no worker is listening on ${settings.displayUrl}; start one with \`vnplan worker --redis ${settings.displayUrl}\`\n`,
                    ),
                });
              } finally {
                await stages.close();
              }
            }
            const stages = createDefaultStages(stageOptions);
            try {
              return await runEmbeddedImport(paths, stages, store, {
                force: options.force,
                documents: parseCount(options.documents, '--documents', 1),
                onEvent: (event) => progress.onEvent(event),
              });
            } finally {
              await stages.close();
            }
          },
          false,
        );
      } catch (error) {
        // The import itself could not run (database, Redis, arguments): exit 1, as documented.
        reportError(ctx, error);
        return error instanceof VnplanError && error.code === 'VNPLAN_E_USAGE'
          ? ExitCode.Usage
          : ExitCode.Failure;
      }
      progress.finish(summary);
      return summary.failed > 0 ? ExitCode.SomeFailed : ExitCode.Ok;
    }),
  );
}
