import type { Command } from 'commander';
import { queueSettings, readQueueStatus } from '../../queue/index.js';
import { action, type CliContext } from '../context.js';
import { redisUrlOf } from '../pipeline-options.js';

export function registerStatusCommand(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('queue depths, active jobs, workers, throughput and recent failures with their reasons')
    .option('--redis <url>', 'the Redis of the queues (default: $REDIS_URL)')
    .option('--queue-prefix <prefix>', 'Redis key prefix of the queues (default: vnplan)')
    .option('--json', 'print one JSON object')
    .action(
      action(ctx, async (options: { redis?: string; queuePrefix?: string; json?: boolean }) => {
        const settings = queueSettings(redisUrlOf(options, true) as string, options.queuePrefix);
        const status = await readQueueStatus(settings);
        if (options.json) {
          ctx.stdout.write(`${JSON.stringify(status)}\n`);
          return;
        }
        ctx.stdout.write(
          'queue      waiting  active  delayed  children  completed  failed  workers  done/min\n',
        );
        for (const q of status.queues) {
          ctx.stdout.write(
            `${q.queue.padEnd(9)} ${String(q.waiting).padStart(8)} ${String(q.active).padStart(7)} ${String(q.delayed).padStart(8)} ` +
              `${String(q.waitingChildren).padStart(9)} ${String(q.completed).padStart(10)} ${String(q.failed).padStart(7)} ` +
              `${String(q.workers).padStart(8)} ${q.perMinute.toFixed(1).padStart(9)}\n`,
          );
        }
        if (status.failures.length > 0) ctx.stdout.write('\nrecent failures:\n');
        for (const f of status.failures) {
          ctx.stdout.write(`  ${f.at}  ${f.queue}  ${f.path ?? f.jobId}: ${f.message} [${f.code}]\n`);
        }
      }),
    );
}
