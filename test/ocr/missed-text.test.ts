import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cer } from '../../bench/cer.js';
import { openSource } from '../../src/intake/index.js';
import type { GrayImage } from '../../src/ocr/gray-image.js';
import { imagePageBitmap, OcrPool, preprocessPage, rawLinesOf } from '../../src/ocr/index.js';
import { missedInkRegions } from '../../src/ocr/missed-regions.js';
import { recoverMissedLines } from '../../src/ocr/missed-text.js';
import { FIXTURES_DIR } from '../../src/paths.js';

/** A white page with dark boxes drawn on it. */
function page(width: number, height: number, boxes: Array<[number, number, number, number]>): GrayImage {
  const data = Buffer.alloc(width * height, 255);
  for (const [x0, y0, x1, y1] of boxes)
    for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
  return { data, width, height };
}

/** A line of "letters": 6 × 30 px strokes 30 px apart, as text reads at 300 DPI. */
function letters(x: number, y: number, count: number): Array<[number, number, number, number]> {
  return Array.from({ length: count }, (_, i) => [x + i * 30, y, x + i * 30 + 6, y + 30]);
}

describe('missedInkRegions', () => {
  const covered = letters(100, 100, 20);
  const missed = [...letters(600, 600, 12), ...letters(600, 650, 12)];
  const atEdge = letters(0, 900, 10);
  const solid: [number, number, number, number] = [100, 1100, 600, 1400];
  const image = page(1500, 1600, [...covered, ...missed, ...atEdge, solid]);

  it('should find ink no recognised word covers, as one block, and nothing else', () => {
    const regions = missedInkRegions(image, [{ x0: 100, y0: 100, x1: 690, y1: 130 }], { dpi: 300 });
    expect(regions).toHaveLength(1);
    const [region] = regions;
    expect(region!.x0).toBeLessThanOrEqual(600);
    expect(region!.y0).toBeLessThanOrEqual(600);
    expect(region!.x1).toBeGreaterThanOrEqual(936);
    expect(region!.y1).toBeGreaterThanOrEqual(680);
    expect(region!.y1).toBeLessThan(900);
  });

  it('should find the covered line too once no word covers it', () => {
    expect(missedInkRegions(image, [], { dpi: 300 })).toHaveLength(2);
  });
});

describe('recoverMissedLines', () => {
  const pool = new OcrPool({ workers: 1 });
  afterAll(() => pool.close());

  it('should read again the lines the page pass left out, in page coordinates', async () => {
    const { source, data } = await openSource(join(FIXTURES_DIR, 'scans', 'ocr-03.scan-200dpi-faded.jpg'));
    const prepared = await preprocessPage(await imagePageBitmap(data, 1, source.path));
    const lines = rawLinesOf(await pool.recognise({ image: prepared.tiff, dpi: prepared.dpi, page: 1 }));
    // As if the page pass had dropped the last three lines (what it does to a signature block under a seal).
    const dropped = lines.splice(-3);
    const recovered = await recoverMissedLines(prepared.image, prepared.dpi, lines, pool, 1);
    // The block is read on its own, so its columns may come out in another order: compare the words.
    const words = (found: typeof lines) =>
      found
        .flatMap((line) => line.words.map((word) => word.text))
        .sort()
        .join(' ');
    expect(recovered.length).toBeGreaterThanOrEqual(3);
    expect(cer(words(dropped), words(recovered))).toBeLessThan(0.05);
    const top = Math.min(...dropped.flatMap((line) => line.words.map((word) => word.bbox.y0)));
    for (const word of recovered.flatMap((line) => line.words)) expect(word.bbox.y1).toBeGreaterThan(top);
    // Nothing the page pass read is read twice.
    expect(await recoverMissedLines(prepared.image, prepared.dpi, [...lines, ...dropped], pool, 1)).toEqual(
      [],
    );
  });
});
