export { discoverFiles, type Discovery } from './discover.js';
export { runEmbeddedImport, type EmbeddedImportOptions } from './embedded-runner.js';
export { finishDocument, type PageFailure } from './finish-document.js';
export {
  SummaryCounter,
  type ImportEvent,
  type ImportListener,
  type ImportSummary,
} from './import-events.js';
export type { ImportSink } from './import-sink.js';
export { createDefaultStages, type DefaultStageOptions } from './default-stages.js';
export type { PipelineStages, RepairResult, SourceInfo } from './stages.js';
export { processFile, processSource } from './process-file.js';
export { readAllPages, type ReadPagesOptions } from './read-pages.js';
export { extractFile } from './extract-file.js';
export { ImportBatch } from './import-batch.js';
