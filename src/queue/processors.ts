import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { PageText } from '../document-text.js';
import { asVnplanError, VnplanError } from '../errors/index.js';
import { finishDocument, type PageFailure } from '../pipeline/finish-document.js';
import type { ImportSink } from '../pipeline/import-sink.js';
import type { PipelineStages, SourceInfo } from '../pipeline/stages.js';
import { fromFailureReason, toJobError } from './failure-reason.js';
import type { DocumentJobData, DocumentJobResult, PageJobData } from './job-data.js';

/** Re-opens the source in this worker and checks it is still the file that was enqueued. */
async function reopen<Source extends SourceInfo>(
  stages: PipelineStages<Source>,
  expected: SourceInfo,
): Promise<Source> {
  const source = await stages.intake(expected.path);
  if (source.id !== expected.id) {
    throw new VnplanError('VNPLAN_E_FILE_CHANGED', {}, { path: expected.path });
  }
  return source;
}

/** `ocr-page` jobs: read one page of one document (render + OCR, or its text layer). */
export function pageProcessor<Source extends SourceInfo>(stages: PipelineStages<Source>) {
  return async (job: Job<PageJobData>): Promise<PageText> => {
    const { source: expected, page } = job.data;
    try {
      const source = await reopen(stages, expected);
      return await stages.readPage(source, page);
    } catch (error) {
      throw toJobError(error, expected.path);
    }
  };
}

function isFinalAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * `document` jobs run when all their `ocr-page` children are done (or failed: children ignore their
 * dependency on failure, so a bad page is a finding, not a stuck document): repair → extract → store.
 */
export function documentProcessor<Source extends SourceInfo>(
  stages: PipelineStages<Source>,
  sink: ImportSink,
) {
  return async (job: Job<DocumentJobData>): Promise<DocumentJobResult> => {
    const { source: expected, runId } = job.data;
    const started = Date.now();
    try {
      const source = await reopen(stages, expected);
      const values = await job.getChildrenValues<PageText>();
      const pages = Object.values(values);
      const failures: PageFailure[] = [];
      for (const [key, reason] of Object.entries(await job.getIgnoredChildrenFailures())) {
        const page = Number(/-p(\d+)$/.exec(key)?.[1] ?? 0);
        const failure = fromFailureReason(reason, expected.path);
        failures.push({ page, code: failure.code, message: failure.message, error: failure });
      }
      if (pages.length === 0 && failures[0]) throw failures[0].error;
      const processed = await finishDocument(stages, source, pages, failures);
      await sink.putDocument(processed, runId);
      return {
        id: source.id,
        path: expected.path,
        pages: source.pageCount,
        pagesFailed: failures.length,
        number: processed.record.document.number?.text ?? null,
        title: processed.record.document.title,
        seconds: (Date.now() - started) / 1000,
      };
    } catch (error) {
      const jobError = error instanceof UnrecoverableError ? error : toJobError(error, expected.path);
      if (jobError instanceof UnrecoverableError || isFinalAttempt(job)) {
        const failure =
          error instanceof UnrecoverableError ? fromFailureReason(error.message) : asVnplanError(error);
        await sink.recordFailure({
          runId,
          file: expected.path,
          code: failure.code,
          message: failure.message,
        });
      }
      throw jobError;
    }
  };
}
