import type { GrayImage } from './gray-image.js';

/** Fixed-point fraction bits of the source coordinates. */
const FRACTION_BITS = 16;
const ONE = 1 << FRACTION_BITS;

/** Longest side `resampleGray` takes, before or after: its fixed-point coordinates are 32-bit integers. */
export const RESAMPLE_MAX_SIDE = 30_000;

export interface Resampling {
  /** Turn by this many degrees (positive: clockwise, as sharp's `rotate`). @defaultValue 0 */
  degrees?: number;
  /** Then enlarge (or shrink) by this factor. @defaultValue 1 */
  scale?: number;
  /** Level of the corners the turned page does not cover. @defaultValue 255 */
  background?: number;
  /** Counts every output pixel's level into this histogram, the background included. */
  histogram?: Uint32Array;
}

/** Size of the canvas `resampleGray` draws on: the turned page's bounding box, scaled. */
export function resampledSize(
  width: number,
  height: number,
  { degrees = 0, scale = 1 }: Resampling,
): { width: number; height: number } {
  const theta = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(theta));
  const sin = Math.abs(Math.sin(theta));
  return {
    width: Math.max(1, Math.round(Math.round(width * cos + height * sin) * scale)),
    height: Math.max(1, Math.round(Math.round(width * sin + height * cos) * scale)),
  };
}

/**
 * Turns and scales a gray image in one bilinear pass onto a canvas just large enough to hold all of it,
 * writing into `target` when given (it must have the size `resampledSize` gives). Written for deskewing a
 * page for OCR: the source position moves by a constant step along each output row, so a pixel costs a few
 * integer operations, the rows' ends that fall off the page are found beforehand instead of tested pixel
 * by pixel, and the histogram a contrast stretch needs is counted on the way. (Preprocessing enlarges
 * low-resolution scans with sharp's Lanczos instead: bilinear enlarging cost CER, see docs/ocr.md.)
 * The outermost row and column of the page are left to the background (they have no neighbour to blend).
 */
export function resampleGray(image: GrayImage, resampling: Resampling, target?: Buffer): GrayImage {
  const { degrees = 0, scale = 1, background = 255, histogram } = resampling;
  const { width, height, data } = image;
  const size = resampledSize(width, height, resampling);
  if (width < 2 || height < 2 || Math.max(width, height, size.width, size.height) > RESAMPLE_MAX_SIDE)
    throw new RangeError(
      `resampleGray takes 2 to ${RESAMPLE_MAX_SIDE} pixels a side, not ${width} × ${height} to ${size.width} × ${size.height}`,
    );
  if (!(scale > 0)) throw new RangeError(`Expected a positive scale, not ${scale}`);
  const outWidth = size.width;
  const outHeight = size.height;
  if (target && target.length !== outWidth * outHeight)
    throw new TypeError(`Expected a target of ${outWidth * outHeight} bytes, not ${target.length}`);
  const out = (target ?? Buffer.allocUnsafe(outWidth * outHeight)).fill(background);
  const theta = (degrees * Math.PI) / 180;
  const cos = Math.cos(theta) / scale;
  const sin = Math.sin(theta) / scale;
  // Output (u, v) comes from source (x, y) = R(−θ)·((u, v) − outCentre) / scale + centre.
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const ox = (outWidth - 1) / 2;
  const oy = (outHeight - 1) / 2;
  const stepX = Math.round(cos * ONE);
  const stepY = Math.round(-sin * ONE);
  const lastX = width - 1;
  const lastY = height - 1;
  let written = 0;
  for (let v = 0; v < outHeight; v++) {
    const dy = v - oy;
    // Source position of u = 0, in fixed point.
    const startX = (-ox * cos + dy * sin + cx) * ONE;
    const startY = (ox * sin + dy * cos + cy) * ONE;
    // The u for which 0 ≤ x < width − 1 and 0 ≤ y < height − 1, so that all four neighbours exist.
    let first = 0;
    let end = outWidth;
    for (const [start, step, last] of [
      [startX, stepX, lastX],
      [startY, stepY, lastY],
    ] as const) {
      if (step === 0) {
        if (start < 0 || start >= last * ONE) end = 0;
        continue;
      }
      const atZero = -start / step;
      const atLast = (last * ONE - start) / step;
      first = Math.max(first, Math.ceil(Math.min(atZero, atLast)));
      end = Math.min(end, Math.ceil(Math.max(atZero, atLast)));
    }
    let x = Math.round(startX + first * stepX);
    let y = Math.round(startY + first * stepY);
    let at = v * outWidth + first;
    if (end > first) written += end - first;
    for (let u = first; u < end; u++, x += stepX, y += stepY) {
      // Rounding at the ends of the range can put a coordinate one step outside: clamp rather than read past.
      const ix = Math.min(Math.max(x >> FRACTION_BITS, 0), lastX - 1);
      const iy = Math.min(Math.max(y >> FRACTION_BITS, 0), lastY - 1);
      const fx = (x >> 8) & 0xff;
      const fy = (y >> 8) & 0xff;
      const i = iy * width + ix;
      const p00 = data[i]!;
      const p01 = data[i + 1]!;
      const p10 = data[i + width]!;
      const p11 = data[i + width + 1]!;
      const top = (p00 << 8) + (p01 - p00) * fx;
      const bottom = (p10 << 8) + (p11 - p10) * fx;
      const level = ((top << 8) + (bottom - top) * fy + 32768) >> 16;
      if (histogram) histogram[level]!++;
      out[at++] = level;
    }
  }
  if (histogram) histogram[background]! += outWidth * outHeight - written;
  return { data: out, width: outWidth, height: outHeight };
}
