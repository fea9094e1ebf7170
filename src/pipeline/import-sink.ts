import type { ProcessedDocument } from '../record/index.js';
import type { ImportSummary } from './import-events.js';

export interface ImportFailureRecord {
  runId: string;
  path: string;
  documentId?: string;
  code: string;
  message: string;
}

/** Where a runner puts what it finished: the store is the record of what happened, not the event stream. */
export interface ImportSink {
  hasDocument(id: string): Promise<boolean>;
  putDocument(document: ProcessedDocument, runId: string): Promise<void>;
  recordFailure(failure: ImportFailureRecord): Promise<void>;
  startRun(info: { paths: readonly string[]; mode: 'embedded' | 'queue' }): Promise<string>;
  finishRun(runId: string, summary: ImportSummary): Promise<void>;
}
