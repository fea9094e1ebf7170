import type { Page } from 'tesseract.js';
import type { TextWord } from '../document-text.js';
import type { RawLine } from '../layout/index.js';

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
