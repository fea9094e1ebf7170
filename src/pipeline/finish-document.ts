import type { PageText } from '../document-text.js';
import type { Finding } from '../findings.js';
import { ProcessedDocument } from '../record/index.js';
import type { PipelineStages, SourceInfo } from './stages.js';

/** A page that could not be read: the document goes on without it, and says so. */
export interface PageFailure {
  page: number;
  code: string;
  message: string;
  /** The error itself, when the page failed in this process. */
  error?: Error;
}

function missingPage(failure: PageFailure): PageText {
  const finding: Finding = {
    stage: 'ocr',
    code: failure.code,
    message: `page ${failure.page} could not be read: ${failure.message}`,
    severity: 'error',
    place: { page: failure.page },
  };
  return { page: failure.page, source: 'ocr', lines: [], findings: [finding] };
}

/**
 * The document half of the pipeline, after its pages are read: repair → segment/extract. Both runners
 * call it (the queue's `document` job once its `ocr-page` children are done).
 */
export async function finishDocument<Source extends SourceInfo>(
  stages: PipelineStages<Source>,
  source: Source,
  pages: readonly PageText[],
  failures: readonly PageFailure[] = [],
): Promise<ProcessedDocument> {
  const all = [...pages, ...failures.map(missingPage)].sort((a, b) => a.page - b.page);
  const repaired = await stages.repair({ pages: all });
  const record = stages.extract(source, repaired);
  const pageFindings = all.flatMap((page) => page.findings ?? []);
  const known = new Set(record.findings.map((finding) => JSON.stringify(finding)));
  for (const finding of pageFindings) {
    if (!known.has(JSON.stringify(finding))) record.findings.push(finding);
  }
  return ProcessedDocument.parse({ record, text: repaired.text, edits: repaired.edits });
}
