import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { applyLevels, stretchContrast } from '../../src/ocr/contrast.js';

/** A faded page: light gray paper with some noise, and mid-gray "ink" strokes. */
function fadedPage(width: number, height: number) {
  const data = Buffer.alloc(width * height);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const ink = y % 40 < 6 && x % 13 < 9;
      data[y * width + x] = Math.round((ink ? 110 : 205) + random() * 30 - 15);
    }
  return { data, width, height };
}

describe('stretchContrast', () => {
  it('should give what sharp.normalise() gives, gray level for gray level', async () => {
    const page = fadedPage(1800, 2400);
    const expected = await sharp(page.data, { raw: { width: 1800, height: 2400, channels: 1 } })
      .normalise()
      .grayscale()
      .raw()
      .toBuffer();
    const before = Buffer.from(page.data);
    await stretchContrast(page);
    let largest = 0;
    for (let i = 0; i < expected.length; i++)
      largest = Math.max(largest, Math.abs(expected[i]! - page.data[i]!));
    expect(largest).toBeLessThanOrEqual(1);
    expect(page.data.equals(before)).toBe(false);
  });

  it('should spread a faded page over black to white, keeping the order of gray levels', async () => {
    const page = fadedPage(1800, 2400);
    const before = Buffer.from(page.data);
    await stretchContrast(page);
    expect(page.data.reduce((low, level) => Math.min(low, level), 255)).toBeLessThanOrEqual(5);
    expect(page.data.reduce((high, level) => Math.max(high, level), 0)).toBeGreaterThanOrEqual(250);
    const mapped = new Map<number, number>();
    before.forEach((level, i) => mapped.set(level, page.data[i]!));
    const levels = [...mapped.keys()].sort((a, b) => a - b);
    for (let i = 1; i < levels.length; i++)
      expect(mapped.get(levels[i]!)!).toBeGreaterThanOrEqual(mapped.get(levels[i - 1]!)!);
  });

  it('should write into a target of the same size and leave the page as it was', async () => {
    const page = fadedPage(1800, 2400);
    const inPlace = { ...page, data: Buffer.from(page.data) };
    await stretchContrast(inPlace);
    const before = Buffer.from(page.data);
    const target = Buffer.alloc(page.data.length);
    await stretchContrast(page, target);
    expect(target.equals(inPlace.data)).toBe(true);
    expect(page.data.equals(before)).toBe(true);
    await expect(stretchContrast(page, Buffer.alloc(10))).rejects.toThrow(TypeError);
  });

  it('should leave a blank page as it is', async () => {
    const page = { data: Buffer.alloc(10_000, 230), width: 100, height: 100 };
    await stretchContrast(page);
    expect([...new Set(page.data)]).toEqual([230]);
  });
});

describe('applyLevels', () => {
  const levels = Uint8Array.from({ length: 256 }, (_, level) => 255 - ((level * 7) % 256));
  const oneByOne = (source: Uint8Array) => Uint8Array.from(source, (level) => levels[level]!);

  it('should map a large image pixel by pixel, whatever its offset and length', () => {
    const backing = fadedPage(700, 800).data;
    for (const [start, length] of [
      [0, 560_000],
      [1, 559_999],
      [1, 558_000],
      [2, 557_001],
    ] as const) {
      const source = backing.subarray(start, start + length);
      const expected = oneByOne(source);
      const target = Buffer.alloc(length + 1).subarray(start % 2, (start % 2) + length);
      applyLevels(source, levels, target);
      expect(Buffer.from(target).equals(Buffer.from(expected))).toBe(true);
      const inPlace = Buffer.from(backing).subarray(start, start + length);
      applyLevels(inPlace, levels);
      expect(Buffer.from(inPlace).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('should map a target that starts on the other side of a word boundary', () => {
    const source = fadedPage(600, 600).data.subarray(1);
    const target = Buffer.alloc(source.length);
    applyLevels(source, levels, target);
    expect(target.equals(Buffer.from(oneByOne(source)))).toBe(true);
  });
});
