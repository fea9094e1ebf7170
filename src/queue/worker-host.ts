import { MetricsTime, Worker } from 'bullmq';
import type { ImportSink } from '../pipeline/import-sink.js';
import type { PipelineStages, SourceInfo } from '../pipeline/stages.js';
import { DOCUMENT_QUEUE, PAGE_QUEUE, type QueueSettings } from './connection.js';
import { documentProcessor, pageProcessor } from './processors.js';

export interface WorkerHostOptions {
  /** Page jobs taken at once by this process (rendering overlaps OCR on the pool). @defaultValue 2 */
  pageConcurrency?: number;
  /** Documents finished (repair → extract → store) at once. @defaultValue 2 */
  documentConcurrency?: number;
  /**
   * How long a job's lock lasts without renewal; a worker killed mid-page loses its lock after this and
   * the job is taken over by another worker. @defaultValue 60000
   */
  lockDuration?: number;
  /** How often stalled jobs are looked for. @defaultValue 30000 */
  stalledInterval?: number;
  /** Connection and processing trouble the workers survive (ioredis reconnects by itself). */
  onError?: (error: Error) => void;
}

/** The two BullMQ workers of one `vnplan worker` process, closed together. */
export interface WorkerHost {
  close(): Promise<void>;
  readonly workers: readonly Worker[];
}

export function startWorkers<Source extends SourceInfo>(
  settings: QueueSettings,
  stages: PipelineStages<Source>,
  sink: ImportSink,
  options: WorkerHostOptions = {},
): WorkerHost {
  const common = {
    connection: settings.connection,
    prefix: settings.prefix,
    lockDuration: options.lockDuration ?? 60_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: 2,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
  };
  const pages = new Worker(PAGE_QUEUE, pageProcessor(stages), {
    ...common,
    concurrency: options.pageConcurrency ?? 2,
  });
  const documents = new Worker(DOCUMENT_QUEUE, documentProcessor(stages, sink), {
    ...common,
    concurrency: options.documentConcurrency ?? 2,
  });
  // Connection trouble is retried by ioredis; a worker must not die of it.
  for (const worker of [pages, documents]) worker.on('error', (error) => options.onError?.(error));
  return {
    workers: [pages, documents],
    async close() {
      await Promise.all([pages.close(), documents.close()]);
    },
  };
}
