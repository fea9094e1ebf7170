import type { TextLine } from '../document-text.js';
import type { ErrorDetails } from '../errors/index.js';
import type { OpenPdfOptions } from './load.js';
import type { PageContent } from './page-content.js';
import type { PageBitmap, PageImageOptions } from './page-image.js';
import type { TextLayerQuality } from './text-quality.js';

/** What the supervisor asks a PDF reader worker to do; `id` pairs a request with its reply. */
export type ReaderRequest = ReaderAsk & { id: number };

/** A request before it is numbered. */
export type ReaderAsk =
  | { op: 'open'; data: Uint8Array; options: Omit<OpenPdfOptions, 'path'> }
  | { op: 'read-page'; document: number; page: number; timeoutMs: number }
  | { op: 'bitmap'; document: number; page: number; options: PageImageOptions }
  | { op: 'release-page'; document: number; page: number }
  | { op: 'close'; document: number };

/** A page's text layer and content, without the pdfjs page object (which stays in the worker). */
export interface IsolatedPageText {
  lines: TextLine[];
  quality: TextLayerQuality;
  content: PageContent;
  /** Page size in pixels at LAYOUT_DPI. */
  width: number;
  height: number;
}

export type ReaderResult =
  | { op: 'open'; document: number; numPages: number }
  | { op: 'read-page'; page: IsolatedPageText }
  | { op: 'bitmap'; bitmap: PageBitmap }
  | { op: 'release-page' | 'close' };

/** An error crosses the thread boundary as data; VnplanErrors keep their code and details. */
export interface ReaderFailure {
  code?: string;
  details?: ErrorDetails;
  message: string;
  /** The request ran out of time inside the thread, so pdfjs may still be working on it. */
  timedOut: boolean;
}

export type ReaderReply =
  { id: number; ok: true; result: ReaderResult } | { id: number; ok: false; error: ReaderFailure };
