import type { Store } from '../store/index.js';

/**
 * What a runner needs of the archive: the store, not the event stream, is the record of what finished
 * (stored documents, failed imports, import runs).
 */
export type ImportSink = Pick<
  Store,
  'files' | 'hasDocument' | 'putDocument' | 'recordFailure' | 'startRun' | 'finishRun'
>;
