import type { SourceFormat, SourceKind } from './sniff.js';

/** A file accepted for processing: what it is, and how many pages it has. */
export interface SourceFile {
  /** sha256 of the file's bytes, lower-case hex: the document id (a re-import is the same document). */
  id: string;
  path: string;
  kind: SourceKind;
  format: SourceFormat;
  /** Size of the file in bytes. */
  bytes: number;
  pageCount: number;
}
