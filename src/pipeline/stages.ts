import type { DocumentText, PageText } from '../document-text.js';
import type { PlanRecord, RestorationEdit } from '../record/index.js';

/** A file after intake: what every later stage needs to know about it. */
export interface SourceInfo {
  /** sha256 hex of the file's bytes: the document id and the queue's job id. */
  id: string;
  path: string;
  kind: 'pdf' | 'image' | 'text';
  pageCount: number;
}

export interface RepairResult {
  text: DocumentText;
  edits: RestorationEdit[];
  encoding: string | null;
}

/**
 * The stages a runner chains. Each is a plain async function over plain data; the embedded runner and
 * the queue workers call the same ones and only decide where they run.
 */
export interface PipelineStages<Source extends SourceInfo = SourceInfo> {
  /** Sniff, hash and check limits; throws a VnplanError for bad input. */
  intake(path: string): Promise<Source>;
  /** The text of one page: its text layer when good, else OCR; for a text file, its decoded text. */
  readPage(source: Source, page: number): Promise<PageText>;
  /** Legacy encodings, NFC, diacritics: the repaired text and the log of what changed. */
  repair(text: DocumentText): Promise<RepairResult>;
  /** Segmentation and field extraction into a PlanRecord. */
  extract(source: Source, repaired: RepairResult): PlanRecord;
  /** Frees pools and models. */
  close(): Promise<void>;
}
