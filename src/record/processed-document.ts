import { z } from 'zod';
import { DocumentText } from '../document-text.js';
import { PlanRecord } from './plan-record.js';
import { RestorationEdit } from './restoration-edit.js';

/**
 * Everything the pipeline produces for one document, as the store receives it: the record, the repaired
 * text page by page (line numbers match every provenance), and the restoration log.
 */
export const ProcessedDocument = z.object({
  record: PlanRecord,
  text: DocumentText,
  edits: z.array(RestorationEdit),
});
export type ProcessedDocument = z.infer<typeof ProcessedDocument>;
