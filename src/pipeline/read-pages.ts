import type { PageText } from '../document-text.js';
import { asVnplanError } from '../errors/index.js';
import type { PageFailure } from './finish-document.js';
import { mapLimit } from './map-limit.js';
import type { PipelineStages, SourceInfo } from './stages.js';

export interface ReadPagesOptions {
  /** Pages read at once (rendered pages wait in memory for the OCR pool). @defaultValue 4 */
  pagesInFlight?: number;
  onPage?: (page: number) => void;
}

/**
 * Reads every page of a document. A page that fails is recorded, not thrown: one bad page must not sink
 * its document. Only when no page at all can be read does the document fail, with the first page's error.
 */
export async function readAllPages<Source extends SourceInfo>(
  stages: PipelineStages<Source>,
  source: Source,
  options: ReadPagesOptions = {},
): Promise<{ pages: PageText[]; failures: PageFailure[] }> {
  const pages: PageText[] = [];
  const failures: PageFailure[] = [];
  const numbers = Array.from({ length: source.pageCount }, (_, i) => i + 1);
  await mapLimit(numbers, options.pagesInFlight ?? 4, async (page) => {
    try {
      pages.push(await stages.readPage(source, page));
    } catch (error) {
      const failure = asVnplanError(error, source.path);
      failures.push({ page, code: failure.code, message: failure.message, error: failure });
    }
    options.onPage?.(page);
  });
  if (failures.length === source.pageCount && failures[0]?.error) throw failures[0].error;
  return { pages, failures };
}
