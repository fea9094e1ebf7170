import type { ProcessedDocument } from '../record/index.js';
import { createDefaultStages, type DefaultStageOptions } from './default-stages.js';
import { processFile } from './process-file.js';

/**
 * One document through the whole chain in this process, with the real stages: what `vnplan extract`
 * and `vnplan export` run on a PDF, image or text file.
 */
export async function extractFile(
  path: string,
  options: DefaultStageOptions = {},
): Promise<ProcessedDocument> {
  const stages = createDefaultStages(options);
  try {
    return await processFile(stages, path);
  } finally {
    await stages.close();
  }
}
