import { asVnplanError } from '../errors/index.js';
import { discoverFiles } from './discover.js';
import { processSource } from './process-file.js';
import { SummaryCounter, type ImportListener, type ImportSummary } from './import-events.js';
import type { ImportSink } from './import-sink.js';
import { mapLimit } from './map-limit.js';
import type { PipelineStages, SourceInfo } from './stages.js';

export interface EmbeddedImportOptions {
  /** Re-process documents already in the store. @defaultValue false */
  force?: boolean;
  /** Documents processed at once; their pages share the OCR pool. @defaultValue 2 */
  documents?: number;
  /** Pages of one document read at once (rendered pages wait in memory for the pool). @defaultValue 4 */
  pagesInFlight?: number;
  onEvent?: ImportListener;
}

/**
 * The default runner: the whole batch in this process. Pages are read in parallel on the stages' OCR
 * pool; one bad page becomes a finding, one bad document a recorded failure; the batch always goes on.
 */
export async function runEmbeddedImport<Source extends SourceInfo>(
  paths: readonly string[],
  stages: PipelineStages<Source>,
  sink: ImportSink,
  options: EmbeddedImportOptions = {},
): Promise<ImportSummary> {
  const runId = await sink.startRun(`embedded import of ${paths.join(', ')}`);
  const counter = new SummaryCounter(runId);
  const emit: ImportListener = (event) => {
    counter.add(event);
    options.onEvent?.(event);
  };
  const { files, problems } = await discoverFiles(paths);
  emit({ type: 'discovered', files: files.length + problems.length });
  for (const problem of problems) {
    const path = problem.path ?? '';
    await sink.recordFailure({ runId, file: path, code: problem.code, message: problem.message });
    emit({ type: 'failed', path, id: null, code: problem.code, message: problem.message });
  }

  const firstPathOfId = new Map<string, string>();
  await mapLimit(files, options.documents ?? 2, async (path) => {
    let id: string | null = null;
    try {
      const source = await stages.intake(path);
      id = source.id;
      const earlier = firstPathOfId.get(source.id);
      if (earlier !== undefined || (!options.force && (await sink.hasDocument(source.id)))) {
        emit({ type: 'duplicate', path, id: source.id, of: earlier ?? null });
        return;
      }
      firstPathOfId.set(source.id, path);
      const started = Date.now();
      emit({ type: 'started', path, id: source.id, pages: source.pageCount });
      const processed = await processSource(stages, source, {
        pagesInFlight: options.pagesInFlight,
        onPage: (page) => emit({ type: 'page', path, id: source.id, page, pages: source.pageCount }),
      });
      processed.record.source.path = path;
      await sink.putDocument(processed, runId);
      emit({
        type: 'stored',
        path,
        id: source.id,
        pages: source.pageCount,
        seconds: (Date.now() - started) / 1000,
        number: processed.record.document.number?.text ?? null,
        title: processed.record.document.title,
      });
    } catch (error) {
      const failure = asVnplanError(error, path);
      await sink.recordFailure({ runId, file: path, code: failure.code, message: failure.message });
      emit({ type: 'failed', path, id, code: failure.code, message: failure.message });
    }
  });
  const summary = counter.finish();
  await sink.finishRun(runId, 'done');
  return summary;
}
