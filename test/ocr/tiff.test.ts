import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { allocateGrayTiff } from '../../src/ocr/tiff.js';

function gradient(width: number, height: number) {
  const data = Buffer.alloc(width * height);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7) % 256;
  return { data, width, height };
}

describe('allocateGrayTiff', () => {
  it('should write a TIFF that libtiff reads back pixel for pixel, with its size and resolution', async () => {
    const image = gradient(301, 17);
    const { file, pixels: filePixels } = allocateGrayTiff(image.width, image.height, 300);
    filePixels.set(image.data);
    const metadata = await sharp(file).metadata();
    expect([metadata.width, metadata.height, metadata.channels, metadata.density]).toEqual([301, 17, 1, 300]);
    const pixels = await sharp(file).toColourspace('b-w').raw().toBuffer();
    expect(pixels.equals(image.data)).toBe(true);
  });

  it('should keep pixels out of the first 500 bytes, where tesseract.js looks for an EXIF orientation', () => {
    const { file, pixels } = allocateGrayTiff(40, 30, 200);
    expect(file.length - pixels.length).toBeGreaterThanOrEqual(500);
    expect(pixels.buffer).toBe(file.buffer);
  });

  it('should refuse an empty or fractional size', () => {
    expect(() => allocateGrayTiff(0, 10, 300)).toThrow(TypeError);
    expect(() => allocateGrayTiff(2.5, 2, 300)).toThrow(TypeError);
  });
});
