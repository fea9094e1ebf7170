import type { Command } from 'commander';
import { createDefaultStages } from '../../pipeline/index.js';
import { queueSettings, startWorkers } from '../../queue/index.js';
import { openStore } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import {
  addPipelineOptions,
  addQueuePrefixOption,
  redisUrlOf,
  stageOptionsOf,
  type PipelineCliOptions,
} from '../pipeline-options.js';
import { addDbOption, dbSpecOf } from '../store-access.js';
import { parseCount } from './command-options.js';

interface WorkerOptions extends PipelineCliOptions {
  db?: string;
  documents: string;
  lockDuration: string;
  stalledInterval: string;
}

/** Resolves on the first SIGTERM or SIGINT. */
function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

export function registerWorkerCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('worker')
    .description(
      'work the Redis queues (ocr-page and document jobs) until SIGTERM/SIGINT; run any number, on any machine',
    )
    .option('--redis <url>', 'the Redis of the queues (default: $REDIS_URL)')
    .option('--documents <n>', 'documents finished at once (repair → extract → store)', '2')
    .option('--lock-duration <ms>', 'a job held by a dead worker is taken over after this', '60000')
    .option('--stalled-interval <ms>', 'how often jobs of dead workers are looked for', '30000');
  addQueuePrefixOption(addPipelineOptions(addDbOption(command))).action(
    action(ctx, async (options: WorkerOptions) => {
      const settings = queueSettings(redisUrlOf(options, true) as string, options.queuePrefix);
      const stageOptions = stageOptionsOf(options);
      const store = await openStore(dbSpecOf(options));
      const stages = createDefaultStages(stageOptions);
      const host = startWorkers(settings, stages, store, {
        // One page more than OCR workers: the next page renders while the others are recognised.
        pageConcurrency: (stageOptions.pool?.workers ?? 1) + 1,
        documentConcurrency: parseCount(options.documents, '--documents', 1),
        lockDuration: parseCount(options.lockDuration, '--lock-duration', 1000),
        stalledInterval: parseCount(options.stalledInterval, '--stalled-interval', 1000),
        onError: (error) => {
          if (ctx.verbose) ctx.stderr.write(`vnplan worker: ${error.message}\n`);
        },
      });
      ctx.stderr.write(
        `vnplan worker ${process.pid}: working ${settings.displayUrl} (prefix ${settings.prefix}), ${stageOptions.pool?.workers} OCR worker(s)\n`,
      );
      const signal = await shutdownSignal();
      ctx.stderr.write(`vnplan worker ${process.pid}: ${signal}: finishing current jobs…\n`);
      // A second signal while draining means "now": leave, and let the jobs' locks expire for others.
      const force = shutdownSignal().then(() => 'forced' as const);
      await Promise.race([host.close(), force]);
      await Promise.allSettled([stages.close(), store.close()]);
      ctx.stderr.write(`vnplan worker ${process.pid}: stopped\n`);
    }),
  );
}
