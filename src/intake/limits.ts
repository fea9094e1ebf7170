import { DEFAULT_MAX_MEMORY_MIB } from '../pdf/reader-supervisor.js';

/** Bounds that keep one bad or hostile file from exhausting memory or time. */
export interface IntakeLimits {
  /**
   * Largest file accepted, in bytes.
   * @defaultValue 200 MiB
   */
  maxFileSize: number;
  /**
   * Most pages a document may have.
   * @defaultValue 2000
   */
  maxPages: number;
  /**
   * Most pixels of one page image (width × height), decoded or rendered: guards against decompression bombs.
   * @defaultValue 150 megapixels (an A0 page at 300 DPI is 140)
   */
  maxPixels: number;
  /**
   * Most bytes one compressed PDF stream that is not an image (page content, fonts, object streams) may
   * inflate to: guards against decompression bombs, which pdfjs would inflate whole into memory.
   * @defaultValue 128 MiB
   */
  maxStreamBytes: number;
  /**
   * Time allowed to open and count the pages of one file, in milliseconds.
   * @defaultValue 30000
   */
  openTimeoutMs: number;
  /**
   * Memory ceiling while PDFs are read, in MiB of the process's resident set: a PDF reader thread that
   * takes the process past it is stopped and its document fails with VNPLAN_E_PDF_OVER_MEMORY.
   * @defaultValue 3072
   */
  maxMemoryMiB: number;
  /**
   * Most characters of text one document may hold: repair and extraction are linear in it (about 6 µs a
   * character together, so the default takes about 2 minutes) but have no time limit of their own.
   * @defaultValue 20,000,000 (2,000 dense pages hold about 10 million)
   */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: Readonly<IntakeLimits> = Object.freeze({
  maxFileSize: 200 * 1024 * 1024,
  maxPages: 2000,
  maxPixels: 150_000_000,
  maxStreamBytes: 128 * 1024 * 1024,
  openTimeoutMs: 30_000,
  maxMemoryMiB: DEFAULT_MAX_MEMORY_MIB,
  maxTextChars: 20_000_000,
});

export function resolveLimits(limits: Partial<IntakeLimits> = {}): IntakeLimits {
  return {
    ...DEFAULT_LIMITS,
    ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
  };
}
