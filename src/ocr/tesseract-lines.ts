import type { Page } from 'tesseract.js';
import type { TextWord } from '../document-text.js';
import type { RawLine } from '../layout/index.js';

/** Level of a word row in tesseract's TSV output (1 page, 2 block, 3 paragraph, 4 line, 5 word). */
const WORD_LEVEL = '5';
/** Columns of a TSV row before the text. */
const TEXT_COLUMN = 11;

/**
 * tesseract's lines with their words, NFC, skipping empty words, read from its TSV output (far cheaper
 * for tesseract.js to produce and to hand over than its JSON tree of blocks, which also lists every
 * character). Confidences are cut to whole numbers, as tesseract.js's JSON gives them.
 */
export function rawLinesOf(page: Pick<Page, 'tsv'>): RawLine[] {
  const lines: RawLine[] = [];
  let words: TextWord[] = [];
  let lineKey = '';
  for (const row of (page.tsv ?? '').split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== WORD_LEVEL || cells.length <= TEXT_COLUMN) continue;
    const key = `${cells[1]}.${cells[2]}.${cells[3]}.${cells[4]}`; // page, block, paragraph, line
    if (key !== lineKey) {
      if (words.length > 0) lines.push({ words });
      words = [];
      lineKey = key;
    }
    const text = cells.slice(TEXT_COLUMN).join('\t').normalize('NFC').trim();
    if (text === '') continue;
    const [left, top, width, height] = cells.slice(6, 10).map(Number) as [number, number, number, number];
    words.push({
      text,
      confidence: Math.max(0, Math.min(100, Math.trunc(Number(cells[10])))),
      bbox: { x0: left, y0: top, x1: left + width, y1: top + height },
    });
  }
  if (words.length > 0) lines.push({ words });
  return lines;
}
