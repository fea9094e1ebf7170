import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { measureSkew } from '../../src/ocr/index.js';
import { resampleGray, resampledSize } from '../../src/ocr/resample-gray.js';
import { FIXTURES_DIR } from '../../src/paths.js';

async function straightPage() {
  const { data, info } = await sharp(
    readFileSync(join(FIXTURES_DIR, 'scans', 'ocr-03.scan-200dpi-faded.jpg')),
  )
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('resampleGray', () => {
  it('should turn a page as sharp does: same canvas, same skew afterwards, nearly the same pixels', async () => {
    const page = await straightPage();
    const before = await measureSkew(page);
    for (const degrees of [2, -0.7, 4.5]) {
      const ours = resampleGray(page, { degrees });
      const theirs = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
        .rotate(degrees, { background: '#ffffff' })
        .grayscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([ours.width, ours.height]).toEqual([theirs.info.width, theirs.info.height]);
      expect(Math.abs((await measureSkew(ours)) - (before + degrees))).toBeLessThan(0.1);
      // The two place the page up to half a pixel apart (pixel-centre conventions), which on a noisy scan
      // moves single pixels a lot: compare them at a quarter of the size.
      const [a, b] = await Promise.all(
        [ours.data, theirs.data].map((pixels) =>
          sharp(pixels, { raw: { width: ours.width, height: ours.height, channels: 1 } })
            .resize(Math.round(ours.width / 4), Math.round(ours.height / 4), { kernel: 'linear' })
            .raw()
            .toBuffer(),
        ),
      );
      let difference = 0;
      for (let i = 0; i < a!.length; i++) difference += Math.abs(a![i]! - b![i]!);
      expect(difference / a!.length).toBeLessThan(1.5);
    }
  });

  it('should keep the page whole: ink near every corner is still there, the uncovered corners are white', () => {
    const width = 400;
    const height = 600;
    const data = Buffer.alloc(width * height, 255);
    for (const [x, y] of [
      [20, 20],
      [370, 20],
      [20, 570],
      [370, 570],
    ] as const)
      for (let dy = 0; dy < 10; dy++) data.fill(0, (y + dy) * width + x, (y + dy) * width + x + 10);
    const turned = resampleGray({ data, width, height }, { degrees: 5 });
    const dark = turned.data.filter((level) => level < 128).length;
    expect(dark).toBeGreaterThan(4 * 80);
    expect(dark).toBeLessThan(4 * 120);
    expect(turned.data[0]).toBe(255);
    expect(turned.data[turned.data.length - 1]).toBe(255);
  });

  it('should enlarge as sharp does, turning and enlarging in one pass', async () => {
    const page = await straightPage();
    const turned = resampleGray(page, { degrees: 1, scale: 1.5 });
    expect([turned.width, turned.height]).toEqual(
      Object.values(resampledSize(page.width, page.height, { degrees: 1, scale: 1.5 })),
    );
    const theirs = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
      .rotate(1, { background: '#ffffff' })
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const enlarged = await sharp(theirs.data, {
      raw: { width: theirs.info.width, height: theirs.info.height, channels: 1 },
    })
      .resize(turned.width, turned.height, { kernel: 'lanczos3' })
      .grayscale()
      .raw()
      .toBuffer();
    let difference = 0;
    for (let i = 0; i < enlarged.length; i++) difference += Math.abs(enlarged[i]! - turned.data[i]!);
    expect(difference / enlarged.length).toBeLessThan(3);
  });

  it('should count the histogram of what it writes, the background included, into a target', async () => {
    const page = await straightPage();
    const plain = resampleGray(page, { degrees: 2 });
    const target = Buffer.alloc(plain.data.length);
    const histogram = new Uint32Array(256);
    resampleGray(page, { degrees: 2, histogram }, target);
    expect(target.equals(plain.data)).toBe(true);
    const counted = new Uint32Array(256);
    for (const level of plain.data) counted[level]!++;
    expect([...histogram]).toEqual([...counted]);
    expect(() => resampleGray(page, { degrees: 2 }, Buffer.alloc(10))).toThrow(TypeError);
  });

  it('should refuse an image it cannot sample', () => {
    expect(() => resampleGray({ data: Buffer.alloc(5), width: 5, height: 1 }, { degrees: 1 })).toThrow(
      RangeError,
    );
  });
});
