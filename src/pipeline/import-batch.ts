import { asVnplanError } from '../errors/index.js';
import { discoverFiles } from './discover.js';
import {
  SummaryCounter,
  type ImportEvent,
  type ImportListener,
  type ImportSummary,
} from './import-events.js';
import type { ImportSink } from './import-sink.js';

/**
 * The bookkeeping both runners share: the import run in the store, the files found (problems with paths
 * already recorded as failures), de-duplication by content, failure records and the summary.
 */
export class ImportBatch {
  private readonly counter: SummaryCounter;
  /** Document id → the first path it was seen under in this batch. */
  private readonly firstPathOfId = new Map<string, string>();

  private constructor(
    readonly runId: string,
    readonly files: readonly string[],
    private readonly sink: ImportSink,
    private readonly listener: ImportListener | undefined,
  ) {
    this.counter = new SummaryCounter(runId);
  }

  static async begin(
    paths: readonly string[],
    sink: ImportSink,
    label: string,
    listener?: ImportListener,
  ): Promise<ImportBatch> {
    const runId = await sink.startRun(`${label} of ${paths.join(', ')}`);
    const { files, problems } = await discoverFiles(paths, sink.files);
    const batch = new ImportBatch(runId, files, sink, listener);
    batch.emit({ type: 'discovered', files: files.length + problems.length });
    for (const problem of problems) await batch.fail(problem.path ?? '', problem, null);
    return batch;
  }

  emit(event: ImportEvent): void {
    this.counter.add(event);
    this.listener?.(event);
  }

  /**
   * Reports a document as a duplicate when this batch already has it under another path, or the archive
   * has it (unless `force`); otherwise claims it for `path`.
   */
  async isDuplicate(path: string, id: string, force: boolean): Promise<boolean> {
    const earlier = this.firstPathOfId.get(id);
    if (earlier !== undefined || (!force && (await this.sink.hasDocument(id)))) {
      this.emit({ type: 'duplicate', path, id, of: earlier ?? null });
      return true;
    }
    this.firstPathOfId.set(id, path);
    return false;
  }

  /** Records a failed file in the store (the record of what happened) and reports it. */
  async fail(path: string, error: unknown, id: string | null): Promise<void> {
    const failure = asVnplanError(error, path);
    await this.sink.recordFailure({
      runId: this.runId,
      file: path,
      code: failure.code,
      message: failure.message,
    });
    this.emit({ type: 'failed', path, id, code: failure.code, message: failure.message });
  }

  async finish(): Promise<ImportSummary> {
    const summary = this.counter.finish();
    await this.sink.finishRun(this.runId, 'done');
    return summary;
  }
}
