export { DOCUMENT_QUEUE, PAGE_QUEUE, queueSettings, type QueueSettings } from './connection.js';
export { runQueueImport, type QueueImportOptions } from './queue-runner.js';
export { readQueueStatus, type QueueStatus, type QueueDepth } from './queue-status.js';
export { startWorkers, type WorkerHost, type WorkerHostOptions } from './worker-host.js';
export type { DocumentJobData, DocumentJobResult, PageJobData } from './job-data.js';
