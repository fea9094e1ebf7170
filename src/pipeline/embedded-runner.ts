import { ImportBatch } from './import-batch.js';
import type { ImportListener, ImportSummary } from './import-events.js';
import { processSource } from './process-file.js';
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
  const batch = await ImportBatch.begin(paths, sink, 'embedded import', options.onEvent);
  await mapLimit(batch.files, options.documents ?? 2, async (path) => {
    let id: string | null = null;
    try {
      const source = await stages.intake(path);
      id = source.id;
      if (await batch.isDuplicate(path, source.id, options.force ?? false)) return;
      const started = Date.now();
      batch.emit({ type: 'started', path, id: source.id, pages: source.pageCount });
      const processed = await processSource(stages, source, {
        pagesInFlight: options.pagesInFlight,
        onPage: (page) => batch.emit({ type: 'page', path, id: source.id, page, pages: source.pageCount }),
      });
      processed.record.source.path = path;
      await sink.putDocument(processed, batch.runId);
      batch.emit({
        type: 'stored',
        path,
        id: source.id,
        pages: source.pageCount,
        seconds: (Date.now() - started) / 1000,
        number: processed.record.document.number?.text ?? null,
        title: processed.record.document.title,
      });
    } catch (error) {
      await batch.fail(path, error, id);
    }
  });
  return batch.finish();
}
