import { asVnplanError } from '../errors/index.js';
import type { ProcessedDocument } from '../record/index.js';
import type { Store } from './store.js';

/**
 * What the pipeline calls after extraction: stores the document, or records why it could not be
 * stored as a failed import of `file`, and never throws for a bad document. Resolves to whether it was stored.
 */
export async function storeDocument(
  store: Store,
  processed: ProcessedDocument,
  options: { runId?: string; file?: string } = {},
): Promise<boolean> {
  try {
    await store.putDocument(processed, options.runId);
    return true;
  } catch (error) {
    const failure = asVnplanError(error);
    if (failure.code === 'VNPLAN_E_DB_UNAVAILABLE') throw failure;
    await store.recordFailure({
      file: options.file ?? processed?.record?.source?.path ?? '(unknown)',
      code: failure.code,
      message: failure.message,
      runId: options.runId,
    });
    return false;
  }
}
