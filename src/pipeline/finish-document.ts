import type { DocumentText, PageText } from '../document-text.js';
import { VnplanError } from '../errors/index.js';
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

function hasText(text: DocumentText): boolean {
  return text.pages.some((page) => page.lines.some((line) => line.text.trim() !== ''));
}

/**
 * The document half of the pipeline, after its pages are read: repair → segment/extract. Both runners
 * call it (the queue's `document` job once its `ocr-page` children are done). A document in which no page
 * yields any text fails with VNPLAN_E_NO_TEXT.
 */
export async function finishDocument<Source extends SourceInfo>(
  stages: PipelineStages<Source>,
  source: Source,
  pages: readonly PageText[],
  failures: readonly PageFailure[] = [],
): Promise<ProcessedDocument> {
  const all = [...pages, ...failures.map(missingPage)].sort((a, b) => a.page - b.page);
  const repaired = await stages.repair({ pages: all });
  // Nothing to archive: a blank or destroyed document must say so, not sit in the store as an empty record.
  if (!hasText(repaired.text)) throw new VnplanError('VNPLAN_E_NO_TEXT', {}, { path: source.path });
  const record = stages.extract(source, repaired);
  const pageFindings = all.flatMap((page) => page.findings ?? []);
  const known = new Set(record.findings.map((finding) => JSON.stringify(finding)));
  for (const finding of pageFindings) {
    if (!known.has(JSON.stringify(finding))) record.findings.push(finding);
  }
  return ProcessedDocument.parse({ record, text: repaired.text, edits: repaired.edits });
}
