import type { PageText } from '../document-text.js';
import { orderLines, type ReadingOrderOptions } from '../layout/index.js';
import type { PageBitmap } from '../pdf/page-image.js';
import type { OcrPool } from './pool.js';
import { recoverMissedLines } from './missed-text.js';
import { preprocessPage, type PreprocessOptions } from './preprocess.js';
import { rawLinesOf } from './tesseract-lines.js';

export interface OcrPageOptions {
  preprocess?: Partial<PreprocessOptions>;
  readingOrder?: Partial<ReadingOrderOptions>;
  /**
   * Read again the regions with ink where the page pass found no words (signature blocks under a seal
   * are the usual case; see missed-text.ts). @defaultValue true
   */
  recoverMissedText?: boolean;
}

/** Cleans a page image, recognises it in the pool and puts its lines in reading order. */
export async function ocrBitmap(
  bitmap: PageBitmap,
  pool: OcrPool,
  pageNumber: number,
  options: OcrPageOptions = {},
): Promise<PageText> {
  const prepared = await preprocessPage(bitmap, options.preprocess);
  const result = await pool.recognise({ image: prepared.tiff, dpi: prepared.dpi, page: pageNumber });
  const pageLines = rawLinesOf(result);
  if (options.recoverMissedText ?? true)
    pageLines.push(...(await recoverMissedLines(prepared.image, prepared.dpi, pageLines, pool, pageNumber)));
  const lines = orderLines(pageLines, options.readingOrder);
  const words = lines.flatMap((line) => line.words ?? []);
  const letters = words.reduce((sum, word) => sum + word.text.length, 0);
  const meanConfidence =
    letters === 0 ? 0 : words.reduce((sum, word) => sum + word.confidence * word.text.length, 0) / letters;
  return {
    page: pageNumber,
    source: 'ocr',
    lines,
    width: prepared.width,
    height: prepared.height,
    dpi: prepared.dpi,
    skewAngle: prepared.skewAngle,
    rotation: prepared.rotation,
    meanConfidence: Math.round(meanConfidence * 10) / 10,
    findings: [],
  };
}
