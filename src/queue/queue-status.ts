import { Queue } from 'bullmq';
import { DOCUMENT_QUEUE, PAGE_QUEUE, type QueueSettings } from './connection.js';
import { fromFailureReason } from './failure-reason.js';

export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  waitingChildren: number;
  completed: number;
  failed: number;
  workers: number;
  /** Jobs completed per minute over the last 15 minutes (BullMQ metrics). */
  perMinute: number;
}

export interface QueueStatus {
  queues: QueueDepth[];
  failures: Array<{
    queue: string;
    jobId: string;
    path: string | null;
    code: string;
    message: string;
    at: string;
  }>;
}

/** What `vnplan status` shows: depths, workers, throughput and the latest failures with their reasons. */
export async function readQueueStatus(settings: QueueSettings, failureLimit = 20): Promise<QueueStatus> {
  const status: QueueStatus = { queues: [], failures: [] };
  for (const name of [DOCUMENT_QUEUE, PAGE_QUEUE]) {
    const queue = new Queue(name, { connection: settings.connection, prefix: settings.prefix });
    try {
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'waiting-children',
        'completed',
        'failed',
      );
      const metrics = await queue.getMetrics('completed', 0, 14);
      const perMinute = metrics.data.length
        ? metrics.data.reduce((a, b) => a + b, 0) / metrics.data.length
        : 0;
      status.queues.push({
        queue: name,
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        waitingChildren: counts['waiting-children'] ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        workers: (await queue.getWorkers()).length,
        perMinute,
      });
      for (const job of await queue.getFailed(0, failureLimit - 1)) {
        const path = (job.data as { source?: { path?: string } }).source?.path ?? null;
        const failure = fromFailureReason(job.failedReason ?? '');
        status.failures.push({
          queue: name,
          jobId: job.id ?? '',
          path,
          code: failure.code,
          message: failure.message,
          at: new Date(job.finishedOn ?? job.timestamp).toISOString(),
        });
      }
    } finally {
      await queue.close();
    }
  }
  return status;
}
