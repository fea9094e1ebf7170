import { extractRecord } from '../extract/index.js';
import { DEFAULT_LIMITS, openSource, type IntakeLimits, type SourceFile } from '../intake/index.js';
import { OcrPool, readPage, type OcrPoolOptions, type ReadTextOptions } from '../ocr/index.js';
import { repairDocument } from '../vietnamese/index.js';
import type { PipelineStages } from './stages.js';
import { checkTextSize } from './text-size.js';

export interface DefaultStageOptions {
  /** Size, page, pixel and time limits of intake. */
  limits?: Partial<IntakeLimits>;
  /** The OCR pool: workers, recycling, per-page timeout. */
  pool?: OcrPoolOptions;
  /** Page reading: preprocessing switches, DPI, forced OCR. */
  read?: Omit<ReadTextOptions, 'pool' | 'poolOptions' | 'pages' | 'data'>;
  /** Folder of the `vnplan learn` overlay model, used when it exists. */
  overlayDir?: string;
}

/**
 * The real stages: intake (sniff, hash, limits) → text layer or OCR on a shared tesseract.js pool →
 * repair (encodings, diacritics) → segment and extract. The pool starts on the first page that needs OCR.
 */
export function createDefaultStages(options: DefaultStageOptions = {}): PipelineStages<SourceFile> {
  let pool: OcrPool | undefined;
  return {
    async intake(path) {
      return (await openSource(path, options.limits)).source;
    },
    readPage(source, page) {
      pool ??= new OcrPool(options.pool);
      return readPage(source, page, {
        ...options.read,
        pool,
        maxPixels: options.limits?.maxPixels,
        maxMemoryMiB: options.limits?.maxMemoryMiB,
      });
    },
    async repair(text) {
      checkTextSize(text, options.limits?.maxTextChars ?? DEFAULT_LIMITS.maxTextChars);
      return repairDocument(text, { overlayDir: options.overlayDir });
    },
    extract(source, repaired) {
      return extractRecord({
        id: source.id,
        source: { path: source.path, kind: source.kind, pages: source.pageCount },
        text: repaired.text,
        edits: repaired.edits,
        encoding: repaired.encoding,
      });
    },
    async close() {
      await pool?.close();
      pool = undefined;
    },
  };
}
