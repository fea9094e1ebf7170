import type { Page } from 'tesseract.js';
import type { PageText, TextWord } from '../document-text.js';
import { orderLines, type RawLine, type ReadingOrderOptions } from '../layout/index.js';
import type { PageBitmap } from '../pdf/page-image.js';
import type { OcrPool } from './pool.js';
import { preprocessPage, type PreprocessOptions } from './preprocess.js';

export interface OcrPageOptions {
  preprocess?: Partial<PreprocessOptions>;
  readingOrder?: Partial<ReadingOrderOptions>;
}

/** tesseract's lines with their words, NFC, skipping empty words. */
export function rawLinesOf(page: Page): RawLine[] {
  const lines: RawLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: TextWord[] = line.words
          .map((word) => ({
            text: word.text.normalize('NFC').trim(),
            confidence: Math.max(0, Math.min(100, word.confidence)),
            bbox: { x0: word.bbox.x0, y0: word.bbox.y0, x1: word.bbox.x1, y1: word.bbox.y1 },
          }))
          .filter((word) => word.text !== '');
        if (words.length > 0) lines.push({ words });
      }
    }
  }
  return lines;
}

/** Cleans a page image, recognises it in the pool and puts its lines in reading order. */
export async function ocrBitmap(
  bitmap: PageBitmap,
  pool: OcrPool,
  pageNumber: number,
  options: OcrPageOptions = {},
): Promise<PageText> {
  const prepared = await preprocessPage(bitmap, options.preprocess);
  const result = await pool.recognise({ image: prepared.pgm, dpi: prepared.dpi, page: pageNumber });
  const lines = orderLines(rawLinesOf(result), options.readingOrder);
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
