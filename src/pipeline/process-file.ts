import type { ProcessedDocument } from '../record/index.js';
import { finishDocument } from './finish-document.js';
import { readAllPages, type ReadPagesOptions } from './read-pages.js';
import type { PipelineStages, SourceInfo } from './stages.js';

/** One file through the whole chain in this process: intake → pages → repair → extract. */
export async function processFile<Source extends SourceInfo>(
  stages: PipelineStages<Source>,
  path: string,
  options: ReadPagesOptions = {},
): Promise<ProcessedDocument> {
  const source = await stages.intake(path);
  return processSource(stages, source, options);
}

export async function processSource<Source extends SourceInfo>(
  stages: PipelineStages<Source>,
  source: Source,
  options: ReadPagesOptions = {},
): Promise<ProcessedDocument> {
  const { pages, failures } = await readAllPages(stages, source, options);
  return finishDocument(stages, source, pages, failures);
}
