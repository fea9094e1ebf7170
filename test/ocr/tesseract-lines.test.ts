import { describe, expect, it } from 'vitest';
import { rawLinesOf } from '../../src/ocr/tesseract-lines.js';

const row = (cells: Array<string | number>) => cells.join('\t');

describe('rawLinesOf', () => {
  it("should group tesseract's TSV words into lines, in page coordinates, with whole-number confidences", () => {
    const tsv = [
      row([1, 1, 0, 0, 0, 0, 0, 0, 2500, 3500, -1, '']),
      row([2, 1, 1, 0, 0, 0, 300, 200, 2200, 140, -1, '']),
      row([4, 1, 1, 1, 1, 0, 434, 227, 2092, 65, -1, '']),
      row([5, 1, 1, 1, 1, 1, 434, 243, 171, 39, 90.789085, 'UBND']),
      row([5, 1, 1, 1, 1, 2, 627, 234, 206, 58, 92.997162, 'HUYE\u0323\u0302N']),
      row([5, 1, 1, 1, 1, 3, 854, 227, 121, 55, 12.5, ' ']),
      row([4, 1, 1, 1, 2, 0, 434, 300, 500, 60, -1, '']),
      row([5, 1, 1, 1, 2, 1, 434, 300, 100, 60, 45.2, 'Số:']),
      row([5, 2, 1, 1, 1, 1, 10, 10, 5, 5, 99, 'other page']),
    ].join('\n');
    const lines = rawLinesOf({ tsv });
    expect(lines.map((line) => line.words.map((word) => word.text))).toEqual([
      ['UBND', 'HUYỆN'],
      ['Số:'],
      ['other page'],
    ]);
    expect(lines[0]!.words[0]).toEqual({
      text: 'UBND',
      confidence: 90,
      bbox: { x0: 434, y0: 243, x1: 605, y1: 282 },
    });
    expect(lines[0]!.words[1]!.text).toBe('HUYỆN'.normalize('NFC'));
    expect(lines[1]!.words[0]!.confidence).toBe(45);
  });

  it('should give no lines for a page without words or without TSV output', () => {
    expect(rawLinesOf({ tsv: row([1, 1, 0, 0, 0, 0, 0, 0, 100, 100, -1, '']) })).toEqual([]);
    expect(rawLinesOf({ tsv: null })).toEqual([]);
  });
});
