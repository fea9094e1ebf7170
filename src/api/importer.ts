import { createDefaultStages, runEmbeddedImport, type DefaultStageOptions } from '../pipeline/index.js';
import { queueSettings, runQueueImport } from '../queue/index.js';
import type { Store } from '../store/index.js';
import type { ImportStarter } from './import-jobs.js';

export interface ServerImporterOptions {
  /** Queue mode: enqueue for `vnplan worker` processes on this Redis; in-process without one. */
  redisUrl?: string;
  queuePrefix?: string;
  stages?: DefaultStageOptions;
  /** Documents processed at once in-process. @defaultValue 2 */
  documents?: number;
}

/**
 * How `vnplan serve` runs the imports started from the workspace: the embedded runner on one set of stages
 * (one OCR pool for the server's life), or the queue when Redis is configured. `close` frees the pool.
 */
export function serverImporter(
  store: Store,
  options: ServerImporterOptions = {},
): { importer: ImportStarter; close: () => Promise<void> } {
  const stages = createDefaultStages(options.stages);
  const settings = options.redisUrl ? queueSettings(options.redisUrl, options.queuePrefix) : null;
  const importer: ImportStarter = (paths, { force, onEvent }) =>
    settings
      ? runQueueImport(paths, settings, (path) => stages.intake(path), store, { force, onEvent })
      : runEmbeddedImport(paths, stages, store, { force, onEvent, documents: options.documents ?? 2 });
  return { importer, close: () => stages.close() };
}
