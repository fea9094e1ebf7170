import { inkPoints, thumbnail, type GrayImage } from './gray-image.js';

/** How sharply the ink falls into rows when the page is sheared by `angle` degrees (higher: text lines align). */
function rowSharpness(xs: Int32Array, ys: Int32Array, height: number, width: number, angle: number): number {
  const slope = Math.tan((angle * Math.PI) / 180);
  const offset = Math.ceil(Math.abs(slope) * width) + 1;
  const bins = new Int32Array(height + 2 * offset);
  // Every row index is positive, so truncating after adding ½ rounds exactly as Math.round would, but faster.
  const shift = offset + 0.5;
  for (let i = 0; i < xs.length; i++) bins[(ys[i]! - xs[i]! * slope + shift) | 0]!++;
  let score = 0;
  for (let i = 1; i < bins.length; i++) {
    const step = bins[i]! - bins[i - 1]!;
    score += step * step;
  }
  return score;
}

function bestAngle(
  xs: Int32Array,
  ys: Int32Array,
  image: GrayImage,
  from: number,
  to: number,
  step: number,
): { angle: number; score: number } {
  let best = { angle: 0, score: -1 };
  for (let angle = from; angle <= to + 1e-9; angle += step) {
    const score = rowSharpness(xs, ys, image.height, image.width, angle);
    if (score > best.score) best = { angle, score };
  }
  return best;
}

/** Step of the first, coarse search for the skew angle, in degrees. */
const COARSE_STEP = 0.25;

/** Longest side of the thumbnail skew and orientation are measured on. */
export const MEASURING_SIDE = 1400;

/** Ink points of a measuring thumbnail, found once and shared by the measurements made on it. */
export type InkPoints = { xs: Int32Array; ys: Int32Array };

/** The skew of text lines on an image already at measuring size (see `measureSkew`), from its ink points. */
export function skewOfInk(ink: InkPoints, image: GrayImage, maxAngle = 5): number {
  const { xs, ys } = ink;
  if (xs.length < 500) return 0;
  const coarse = bestAngle(xs, ys, image, -maxAngle, maxAngle, COARSE_STEP);
  const fine = bestAngle(xs, ys, image, coarse.angle - COARSE_STEP, coarse.angle + COARSE_STEP, 0.025);
  return Math.round(fine.angle * 100) / 100;
}

/**
 * Measures the skew of text lines in degrees (positive: lines fall to the right, i.e. the page was
 * turned clockwise), searching ±`maxAngle` by how sharply ink falls into rows of a thumbnail.
 */
export async function measureSkew(image: GrayImage, maxAngle = 5): Promise<number> {
  const small = await thumbnail(image, MEASURING_SIDE);
  return skewOfInk(inkPoints(small), small, maxAngle);
}

/** Sharpness of rows against columns: text set in horizontal lines scores far higher on rows. */
export function rowColumnRatio(image: GrayImage, ink: InkPoints = inkPoints(image)): number {
  const { xs, ys } = ink;
  if (xs.length < 500) return 1;
  const rows = bestAngle(xs, ys, image, -3, 3, 0.5).score;
  const columns = bestAngle(ys, xs, { ...image, width: image.height, height: image.width }, -3, 3, 0.5).score;
  return rows / Math.max(1, columns);
}
