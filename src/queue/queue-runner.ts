import { FlowProducer, Queue, QueueEvents } from 'bullmq';
import { VnplanError } from '../errors/index.js';
import { ImportBatch } from '../pipeline/import-batch.js';
import type { ImportListener, ImportSummary } from '../pipeline/import-events.js';
import type { ImportSink } from '../pipeline/import-sink.js';
import type { PipelineStages, SourceInfo } from '../pipeline/stages.js';
import { DOCUMENT_QUEUE, PAGE_QUEUE, type QueueSettings } from './connection.js';
import { fromFailureReason } from './failure-reason.js';
import {
  documentJobId,
  pageJobId,
  type DocumentJobData,
  type DocumentJobResult,
  type PageJobData,
} from './job-data.js';

export interface QueueImportOptions {
  force?: boolean;
  onEvent?: ImportListener;
  /** Tries per job, with exponential backoff between them. @defaultValue 3 */
  attempts?: number;
  /** First backoff delay in ms. @defaultValue 2000 */
  backoffMs?: number;
  /** How often job states are re-read, in case an event was missed. @defaultValue 2000 */
  pollMs?: number;
  /** Called when no worker is listening, so the user knows why nothing moves. */
  onNoWorkers?: () => void;
}

const KEEP_SECONDS = 7 * 24 * 3600;

/**
 * Queue mode: sniff and hash each file here, enqueue one flow per new document (a `document` parent and
 * one `ocr-page` child per page), then follow the batch until every document is stored or failed.
 * Workers (`vnplan worker`) on any machine do the work; the store records what finished.
 */
export async function runQueueImport<Source extends SourceInfo>(
  paths: readonly string[],
  settings: QueueSettings,
  intake: PipelineStages<Source>['intake'],
  sink: ImportSink,
  options: QueueImportOptions = {},
): Promise<ImportSummary> {
  let batch!: ImportBatch;
  const flows = new FlowProducer({ connection: settings.connection, prefix: settings.prefix });
  const documents = new Queue(DOCUMENT_QUEUE, { connection: settings.connection, prefix: settings.prefix });
  const events = new QueueEvents(DOCUMENT_QUEUE, {
    connection: settings.connection,
    prefix: settings.prefix,
  });
  const pageEvents = new QueueEvents(PAGE_QUEUE, {
    connection: settings.connection,
    prefix: settings.prefix,
  });
  try {
    await Promise.race([
      documents.waitUntilReady(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 10 s')), 10_000)),
    ]).catch((error: unknown) => {
      throw new VnplanError('VNPLAN_E_REDIS_UNAVAILABLE', {
        url: settings.displayUrl,
        detail: String((error as Error).message ?? error),
      });
    });

    batch = await ImportBatch.begin(paths, sink, 'queue import', options.onEvent);
    const emit: ImportListener = (event) => batch.emit(event);

    /** Job id → the document it stands for, until it finishes. */
    const pending = new Map<string, SourceInfo>();
    const attempts = options.attempts ?? 3;
    const backoff = { type: 'exponential' as const, delay: options.backoffMs ?? 2000 };
    for (const path of batch.files) {
      let id: string | null = null;
      try {
        const source = await intake(path);
        id = source.id;
        const info: SourceInfo = { id: source.id, path, kind: source.kind, pageCount: source.pageCount };
        if (await batch.isDuplicate(path, info.id, options.force ?? false)) continue;
        const jobId = documentJobId(info.id, options.force ?? false);
        const data: DocumentJobData = { source: info, runId: batch.runId };
        await flows.add({
          name: 'document',
          queueName: DOCUMENT_QUEUE,
          data,
          opts: {
            jobId,
            attempts,
            backoff,
            removeOnComplete: { age: KEEP_SECONDS },
            removeOnFail: { age: KEEP_SECONDS },
          },
          children: Array.from({ length: info.pageCount }, (_, i) => {
            const pageData: PageJobData = { source: info, page: i + 1 };
            return {
              name: 'ocr-page',
              queueName: PAGE_QUEUE,
              data: pageData,
              opts: {
                jobId: pageJobId(jobId, i + 1),
                attempts,
                backoff,
                ignoreDependencyOnFailure: true,
                removeOnComplete: { age: KEEP_SECONDS },
                removeOnFail: { age: KEEP_SECONDS },
              },
            };
          }),
        });
        pending.set(jobId, info);
        emit({ type: 'started', path, id: info.id, pages: info.pageCount });
      } catch (error) {
        await batch.fail(path, error, id);
      }
    }

    if (pending.size > 0 && (await documents.getWorkers()).length === 0) options.onNoWorkers?.();
    await followUntilDone(pending, documents, events, pageEvents, emit, options.pollMs ?? 2000, (id) =>
      sink.hasDocument(id),
    );
  } finally {
    await Promise.allSettled([events.close(), pageEvents.close(), documents.close(), flows.close()]);
  }
  return batch.finish();
}

async function followUntilDone(
  pending: Map<string, SourceInfo>,
  documents: Queue,
  events: QueueEvents,
  pageEvents: QueueEvents,
  emit: ImportListener,
  pollMs: number,
  isStored: (id: string) => Promise<boolean>,
): Promise<void> {
  const settle = (jobId: string, outcome: { result?: DocumentJobResult; reason?: string }) => {
    const info = pending.get(jobId);
    if (!info) return;
    pending.delete(jobId);
    if (outcome.result) {
      const r = outcome.result;
      emit({
        type: 'stored',
        path: info.path,
        id: info.id,
        pages: r.pages,
        seconds: r.seconds,
        number: r.number,
        title: r.title,
      });
    } else {
      const failure = fromFailureReason(outcome.reason ?? 'unknown failure', info.path);
      emit({ type: 'failed', path: info.path, id: info.id, code: failure.code, message: failure.message });
    }
  };
  events.on('completed', ({ jobId, returnvalue }) => {
    settle(jobId, {
      result: (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as DocumentJobResult,
    });
  });
  events.on('failed', async ({ jobId, failedReason }) => {
    // 'failed' fires on every attempt; only a job that will not be retried is finished.
    const job = await documents.getJob(jobId);
    if (!job || (await job.getState()) === 'failed') settle(jobId, { reason: failedReason });
  });
  pageEvents.on('completed', ({ jobId }) => {
    const match = /^(.*)-p(\d+)$/.exec(jobId);
    const info = match ? pending.get(match[1] ?? '') : undefined;
    if (info && match)
      emit({ type: 'page', path: info.path, id: info.id, page: Number(match[2]), pages: info.pageCount });
  });

  // Events can be missed (a reconnect, a slow subscriber): the job states are the truth.
  const misses = new Map<string, number>();
  while (pending.size > 0) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    for (const [jobId, info] of [...pending]) {
      // The state first, then the job: read the other way round, a job finishing in between looks finished
      // but carries none of its return value or failure reason.
      const state = await documents.getJobState(jobId);
      const job = state === 'unknown' ? undefined : await documents.getJob(jobId);
      if (!job) {
        // Gone from Redis: either stored and cleaned up, or lost with a Redis that keeps nothing on disk.
        const missed = (misses.get(jobId) ?? 0) + 1;
        misses.set(jobId, missed);
        if (await isStored(info.id))
          settle(jobId, {
            result: {
              id: info.id,
              path: info.path,
              pages: info.pageCount,
              pagesFailed: 0,
              number: null,
              title: null,
              seconds: 0,
            },
          });
        else if (missed >= 5)
          settle(jobId, {
            reason:
              '[VNPLAN_E_JOB_LOST] the job vanished from Redis (was it restarted without persistence?): import the file again',
          });
        continue;
      }
      if (state === 'completed') settle(jobId, { result: job.returnvalue as DocumentJobResult });
      else if (state === 'failed') settle(jobId, { reason: job.failedReason });
    }
  }
}
